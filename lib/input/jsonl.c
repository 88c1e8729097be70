/**
 * jsonl.c: one document of a JSON Lines stream, read with json-c.
 *
 * A line is an object with "text" or "html" (a string, handed on as it is
 * for vnx_extract_html) and optionally "id"
 * (a string or a number) or "url". Anything else is VNX_ERR_INPUT with a
 * message that says what was wrong, so that a batch can report the line
 * and go on.
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void vnx_document_clear(vnx_document *doc)
{
    if (!doc)
        return;
    free(doc->source);
    free(doc->text);
    memset(doc, 0, sizeof *doc);
}

// Parse the whole line as one JSON value into *out.
static int parse_line(const char *line, size_t len, json_object **out, vnx_error *err)
{
    *out = NULL;
    if (len > INT32_MAX)
        return vnxp_fail(err, VNX_ERR_TOO_LARGE, "JSON line of %zu bytes is too long", len);
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    json_object *obj = json_tokener_parse_ex(tok, line, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    if (jerr == json_tokener_continue) {
        // A number (or true, null) at the very end may go on: a space ends it.
        obj = json_tokener_parse_ex(tok, " ", 1);
        jerr = json_tokener_get_error(tok);
        used = len;
    }
    json_tokener_free(tok);
    if (jerr != json_tokener_success) {
        json_object_put(obj);
        return vnxp_fail(err, VNX_ERR_INPUT, "invalid JSON: %s",
                         jerr == json_tokener_continue ? "unexpected end of line"
                                                       : json_tokener_error_desc(jerr));
    }
    for (; used < len; used++) {
        if (!line[used] || !strchr(" \t\r\n", line[used])) {
            json_object_put(obj);
            return vnxp_fail(err, VNX_ERR_INPUT,
                             "invalid JSON: text after the value at byte %zu", used);
        }
    }
    *out = obj;
    return VNX_OK;
}

// The string member `key` of `obj`: 1 found, 0 absent or null, -1 wrong type.
static int string_member(json_object *obj, const char *key, const char **s, size_t *n)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v) || !v)
        return 0;
    if (!json_object_is_type(v, json_type_string))
        return -1;
    *s = json_object_get_string(v);
    *n = (size_t)json_object_get_string_len(v);
    return 1;
}

// "id" (a string or a number, as written), else "url"; NULL when neither.
static int read_source(json_object *obj, vnx_document *doc, vnx_error *err)
{
    json_object *id;
    const char *s = NULL;
    size_t n = 0;
    if (json_object_object_get_ex(obj, "id", &id) && id) {
        if (json_object_is_type(id, json_type_int) || json_object_is_type(id, json_type_double))
            s = json_object_to_json_string_ext(id, JSON_C_TO_STRING_PLAIN);
        else if (json_object_is_type(id, json_type_string))
            s = json_object_get_string(id);
        else
            return vnxp_fail(err, VNX_ERR_INPUT, "\"id\" is neither a string nor a number");
        n = strlen(s);
    } else if (string_member(obj, "url", &s, &n) < 0) {
        return vnxp_fail(err, VNX_ERR_INPUT, "\"url\" is not a string");
    }
    if (s && !(doc->source = vnxp_strndup(s, n)))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return VNX_OK;
}

static int read_text(json_object *obj, vnx_document *doc, vnx_error *err)
{
    const char *s;
    size_t n;
    int has = string_member(obj, "text", &s, &n);
    if (has < 0)
        return vnxp_fail(err, VNX_ERR_INPUT, "\"text\" is not a string");
    if (has) {
        if (!(doc->text = vnxp_strndup(s, n)))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        doc->len = n;
        return VNX_OK;
    }
    has = string_member(obj, "html", &s, &n);
    if (has < 0)
        return vnxp_fail(err, VNX_ERR_INPUT, "\"html\" is not a string");
    if (!has)
        return vnxp_fail(err, VNX_ERR_INPUT, "no \"text\" or \"html\" member");
    if (!(doc->text = vnxp_strndup(s, n)))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    doc->len = n;
    doc->is_html = 1;
    return VNX_OK;
}

int vnx_jsonl_document(const char *line, size_t len, vnx_document *doc, vnx_error *err)
{
    vnxp_error_clear(err);
    if (doc)
        memset(doc, 0, sizeof *doc);
    if ((!line && len > 0) || !doc)
        return vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_jsonl_document: NULL argument");
    json_object *obj;
    int rc = parse_line(line ? line : "", len, &obj, err);
    if (rc != VNX_OK)
        return rc;
    if (!json_object_is_type(obj, json_type_object))
        rc = vnxp_fail(err, VNX_ERR_INPUT, "the line is not a JSON object");
    if (rc == VNX_OK)
        rc = read_source(obj, doc, err);
    if (rc == VNX_OK)
        rc = read_text(obj, doc, err);
    json_object_put(obj);
    return rc;
}
