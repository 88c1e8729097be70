/**
 * jsonl.c: one document of a JSON Lines stream.
 *
 * A line is an object with "text" or "html" (a string, handed on as it is
 * for vnx_extract_html) and optionally "id" (a string, or a number kept as
 * written) or "url". Anything else is VNX_ERR_INPUT with a message that
 * says what was wrong, so that a batch can report the line and go on.
 *
 * The line is read here, as RFC 8259 has it, in one pass: what json-c
 * could not do honestly. Its parser drops the bytes of a string whose
 * buffer could not grow (a different text, as a success, under memory
 * pressure); it keeps a number too large for 64 bits as 2^64 - 1 (ids
 * collided) and takes NaN and Infinity. Here an id is its text as written,
 * NaN is invalid JSON, a lone surrogate escape ("\ud800") is read as
 * U+FFFD, and out of memory is VNX_ERR_NOMEM. Duplicate members: the last
 * one counts (as in json-c). Control characters inside strings are taken
 * (scraped streams hold raw tabs), but for NUL; invalid UTF-8 is passed on
 * (the extractor reports it).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { MAX_DEPTH = 32 }; // json-c's, which the stream was read with before

void vnx_document_clear(vnx_document *doc)
{
    if (!doc)
        return;
    free(doc->source);
    free(doc->text);
    memset(doc, 0, sizeof *doc);
}

/* ---- reading JSON ------------------------------------------------------------------------- */

typedef enum { V_NONE, V_STRING, V_NUMBER, V_OTHER } value_type;

// The raw text of a member's value: [start, end) of the line; for a string,
// without its quotes.
typedef struct raw_value {
    value_type type;
    size_t start, end;
} raw_value;

typedef struct reader {
    const char *s;
    size_t len, at;
    vnx_error *err;
    raw_value id, url, text, html; // the members read (the last of each)
} reader;

static int invalid(reader *r, const char *why)
{
    if (r->at >= r->len)
        return vnxp_fail(r->err, VNX_ERR_INPUT, "invalid JSON: unexpected end of line");
    return vnxp_fail(r->err, VNX_ERR_INPUT, "invalid JSON: %s at byte %zu", why, r->at);
}

static void skip_space(reader *r)
{
    while (r->at < r->len && strchr(" \t\r\n", r->s[r->at]) && r->s[r->at])
        r->at++;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A string at r->at ('"'); *v is its raw text (without quotes).
static int read_string(reader *r, raw_value *v)
{
    r->at++;
    v->type = V_STRING;
    v->start = r->at;
    while (r->at < r->len && r->s[r->at] != '"') {
        if (r->s[r->at] == '\0')
            return invalid(r, "a NUL byte in a string"); // as json-c: the C string ends there
        if (r->s[r->at] != '\\') {
            r->at++;
            continue;
        }
        if (++r->at >= r->len)
            return invalid(r, "");
        char c = r->s[r->at];
        if (c == 'u') {
            for (int k = 1; k <= 4; k++)
                if (r->at + k >= r->len || !is_hex(r->s[r->at + k]))
                    return invalid(r, "a \\u escape without four hex digits");
            r->at += 5;
        } else if (strchr("\"\\/bfnrt", c) && c) {
            r->at++;
        } else {
            return invalid(r, "an unknown escape");
        }
    }
    if (r->at >= r->len)
        return invalid(r, "");
    v->end = r->at++;
    return VNX_OK;
}

static int digits(reader *r)
{
    size_t from = r->at;
    while (r->at < r->len && r->s[r->at] >= '0' && r->s[r->at] <= '9')
        r->at++;
    return r->at > from;
}

// A number at r->at, as RFC 8259 writes one (no NaN, no Infinity, no 01).
static int read_number(reader *r, raw_value *v)
{
    v->type = V_NUMBER;
    v->start = r->at;
    if (r->s[r->at] == '-')
        r->at++;
    if (r->at < r->len && r->s[r->at] == '0')
        r->at++;
    else if (!digits(r))
        return invalid(r, "a malformed number");
    if (r->at < r->len && r->s[r->at] == '.' && (r->at++, !digits(r)))
        return invalid(r, "a malformed number");
    if (r->at < r->len && (r->s[r->at] == 'e' || r->s[r->at] == 'E')) {
        r->at++;
        if (r->at < r->len && (r->s[r->at] == '+' || r->s[r->at] == '-'))
            r->at++;
        if (!digits(r))
            return invalid(r, "a malformed number");
    }
    v->end = r->at;
    return VNX_OK;
}

static int read_value(reader *r, raw_value *v, int depth);

// An object or an array at r->at, its members or elements read in turn.
static int read_container(reader *r, int depth)
{
    char close = r->s[r->at] == '{' ? '}' : ']';
    if (depth >= MAX_DEPTH)
        return invalid(r, "values nested too deeply");
    r->at++;
    skip_space(r);
    if (r->at < r->len && r->s[r->at] == close) {
        r->at++;
        return VNX_OK;
    }
    for (;;) {
        raw_value v;
        int top_member = close == '}' && depth == 0;
        raw_value *keep = NULL;
        if (close == '}') {
            skip_space(r);
            if (r->at >= r->len || r->s[r->at] != '"')
                return invalid(r, "a member without a quoted name");
            raw_value name;
            int rc = read_string(r, &name);
            if (rc != VNX_OK)
                return rc;
            skip_space(r);
            if (r->at >= r->len || r->s[r->at] != ':')
                return invalid(r, "a member name without ':'");
            r->at++;
            size_t n = name.end - name.start;
            const char *k = r->s + name.start;
#define IS(lit) (n == sizeof lit - 1 && memcmp(k, lit, n) == 0)
            if (top_member)
                keep = IS("id") ? &r->id : IS("url") ? &r->url : IS("text") ? &r->text
                       : IS("html") ? &r->html : NULL;
#undef IS
        }
        int rc = read_value(r, &v, depth + 1);
        if (rc != VNX_OK)
            return rc;
        if (keep)
            *keep = v;
        skip_space(r);
        if (r->at < r->len && r->s[r->at] == ',') {
            r->at++;
            continue;
        }
        if (r->at < r->len && r->s[r->at] == close) {
            r->at++;
            return VNX_OK;
        }
        return invalid(r, close == '}' ? "a member not followed by ',' or '}'"
                                       : "an element not followed by ',' or ']'");
    }
}

static int read_literal(reader *r, const char *lit)
{
    size_t n = strlen(lit);
    if (r->len - r->at < n || memcmp(r->s + r->at, lit, n) != 0)
        return invalid(r, "an unexpected character");
    r->at += n;
    return VNX_OK;
}

static int read_value(reader *r, raw_value *v, int depth)
{
    skip_space(r);
    v->type = V_OTHER;
    v->start = r->at;
    if (r->at >= r->len)
        return invalid(r, "");
    char c = r->s[r->at];
    int rc = c == '"'               ? read_string(r, v)
             : c == '{' || c == '[' ? read_container(r, depth)
             : c == '-' || (c >= '0' && c <= '9') ? read_number(r, v)
             : c == 't'                           ? read_literal(r, "true")
             : c == 'f'                           ? read_literal(r, "false")
             : c == 'n' ? (v->type = V_NONE, read_literal(r, "null"))
                        : invalid(r, "an unexpected character");
    if (v->type == V_OTHER || v->type == V_NONE)
        v->end = r->at;
    return rc;
}

// Append code point `c` to out as UTF-8.
static size_t put_utf8(char *out, unsigned c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static unsigned hex4(const char *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++)
        v = v << 4 | (unsigned)(s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10);
    return v;
}

/* The text of a string read by read_string (escapes decoded; a surrogate
 * escape not in a pair is U+FFFD): a new string of *n bytes, or NULL when
 * out of memory. It is never longer than its raw text. */
static char *decode_string(const char *s, size_t start, size_t end, size_t *n)
{
    char *out = malloc(end - start + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = start; i < end;) {
        if (s[i] != '\\') {
            out[o++] = s[i++];
            continue;
        }
        char c = s[i + 1];
        if (c != 'u') {
            out[o++] = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r'
                     : c == 't' ? '\t' : c;
            i += 2;
            continue;
        }
        unsigned u = hex4(s + i + 2);
        i += 6;
        if (u >= 0xD800 && u < 0xDC00 && i + 6 <= end && s[i] == '\\' && s[i + 1] == 'u') {
            unsigned low = hex4(s + i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
        }
        if (u >= 0xD800 && u < 0xE000)
            u = 0xFFFD;
        o += put_utf8(out + o, u);
    }
    out[o] = '\0';
    *n = o;
    return out;
}

// Parse the whole line: one object, then white space alone.
static int parse_line(reader *r)
{
    if (r->len > INT32_MAX)
        return vnxp_fail(r->err, VNX_ERR_TOO_LARGE, "JSON line of %zu bytes is too long", r->len);
    raw_value top;
    int rc = read_value(r, &top, 0);
    if (rc != VNX_OK)
        return rc;
    skip_space(r);
    if (r->at < r->len)
        return vnxp_fail(r->err, VNX_ERR_INPUT, "invalid JSON: text after the value at byte %zu",
                         r->at);
    size_t first = 0;
    while (first < r->len && strchr(" \t\r\n", r->s[first]) && r->s[first])
        first++;
    if (r->s[first] != '{')
        return vnxp_fail(r->err, VNX_ERR_INPUT, "the line is not a JSON object");
    return VNX_OK;
}

/* ---- the document ------------------------------------------------------------------------- */

// "id" (a string, or a number as written), else "url"; NULL when neither.
static int read_source(const reader *r, vnx_document *doc, vnx_error *err)
{
    const raw_value *v = r->id.type != V_NONE ? &r->id : NULL;
    size_t n = 0;
    if (v && v->type == V_NUMBER) {
        if (!(doc->source = vnxp_strndup(r->s + v->start, v->end - v->start)))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return VNX_OK;
    }
    if (v && v->type != V_STRING)
        return vnxp_fail(err, VNX_ERR_INPUT, "\"id\" is neither a string nor a number");
    if (!v && r->url.type != V_NONE && r->url.type != V_STRING)
        return vnxp_fail(err, VNX_ERR_INPUT, "\"url\" is not a string");
    if (!v && r->url.type == V_STRING)
        v = &r->url;
    if (v && !(doc->source = decode_string(r->s, v->start, v->end, &n)))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return VNX_OK;
}

static int read_text(const reader *r, vnx_document *doc, vnx_error *err)
{
    const raw_value *v = &r->text;
    if (v->type != V_NONE && v->type != V_STRING)
        return vnxp_fail(err, VNX_ERR_INPUT, "\"text\" is not a string");
    if (v->type == V_NONE) {
        v = &r->html;
        if (v->type != V_NONE && v->type != V_STRING)
            return vnxp_fail(err, VNX_ERR_INPUT, "\"html\" is not a string");
        if (v->type == V_NONE)
            return vnxp_fail(err, VNX_ERR_INPUT, "no \"text\" or \"html\" member");
        doc->is_html = 1;
    }
    if (!(doc->text = decode_string(r->s, v->start, v->end, &doc->len)))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return VNX_OK;
}

int vnx_jsonl_document(const char *line, size_t len, vnx_document *doc, vnx_error *err)
{
    vnxp_error_clear(err);
    if (doc)
        memset(doc, 0, sizeof *doc);
    if ((!line && len > 0) || !doc)
        return vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_jsonl_document: NULL argument");
    reader r = {.s = line ? line : "", .len = len, .err = err};
    int rc = parse_line(&r);
    if (rc == VNX_OK)
        rc = read_source(&r, doc, err);
    if (rc == VNX_OK)
        rc = read_text(&r, doc, err);
    if (rc != VNX_OK)
        vnx_document_clear(doc);
    return rc;
}
