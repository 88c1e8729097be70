/**
 * json.c: the record as JSON (SPEC.md). Every key is present: arrays empty
 * and values null where nothing was found.
 *
 * The record is written here, as it is made, into one growing buffer whose
 * every append is checked: out of memory gives NULL, never a record with a
 * part missing. It is laid out as json-c lays out JSON (plain, or pretty
 * with two spaces a level, "key": value) and its strings escaped as json-c
 * escapes them (JSON_C_TO_STRING_NOSLASHESCAPE), byte for byte the records
 * of before. json-c itself is not used to write: its serializer ignores an
 * append that failed (json_object_to_json_string returned truncated JSON as
 * a success under memory pressure), and a whole record as one json-c tree
 * took some 40 bytes of memory a byte of a page dense in facts.
 *
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "internal.h"

/* ---- the writer ----------------------------------------------------------------------- */

typedef struct writer {
    vnxp_buf out;
    int pretty;
    int failed;
    int level;  // of the members of the container being written
    int first;  // no member or element written in it yet
} writer;

static void put(writer *w, const char *s, size_t n)
{
    w->failed = w->failed || vnxp_buf_add(&w->out, s, n) != 0;
}

static void put_str(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

// A line break and the indentation of `level` (pretty only).
static void newline(writer *w, int level)
{
    if (!w->pretty)
        return;
    put(w, "\n", 1);
    for (int i = 0; i < level; i++)
        put(w, "  ", 2);
}

// Before a member or an element: its comma and its line.
static void next(writer *w)
{
    if (!w->first)
        put(w, ",", 1);
    w->first = 0;
    newline(w, w->level);
}

static void key(writer *w, const char *name)
{
    next(w);
    put(w, "\"", 1);
    put_str(w, name); // the keys are ours: nothing to escape
    put_str(w, w->pretty ? "\": " : "\":");
}

// Open an object or an array ('{' or '['); returns what to restore.
static int open(writer *w, char c)
{
    put(w, &c, 1);
    int first = w->first;
    w->level++;
    w->first = 1;
    return first;
}

// Close it (json-c breaks the line before a closing bracket even when the
// container is empty).
static void close(writer *w, char c, int first)
{
    w->level--;
    newline(w, w->level);
    put(w, &c, 1);
    w->first = first;
}

// The `n` bytes at `s`, escaped as json-c escapes a string's bytes.
static void escaped(writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '\b' ? "\\b" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t" : c == '\f' ? "\\f" : c == '"' ? "\\\""
                        : c == '\\' ? "\\\\" : NULL;
        char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf], 0};
        if (!esc && c >= ' ')
            continue;
        put(w, s + from, i - from);
        put_str(w, esc ? esc : u);
        from = i + 1;
    }
    put(w, s + from, n - from);
}

static void string_n(writer *w, const char *s, size_t n)
{
    put(w, "\"", 1);
    escaped(w, s, n);
    put(w, "\"", 1);
}

// A string, or null for NULL.
static void string(writer *w, const char *s)
{
    if (s)
        string_n(w, s, strlen(s));
    else
        put_str(w, "null");
}

static void integer(writer *w, long long v)
{
    char buf[24];
    put(w, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

// An integer, or null for VNX_NONE.
static void int_or_null(writer *w, long long v)
{
    if (v == VNX_NONE)
        put_str(w, "null");
    else
        integer(w, v);
}

// A number with the fewest significant digits that read back as `v`: 98.1,
// never 98.099999999999994 (17 digits); integral ones as integers (100, not
// 100.0); null for VNX_NONE.
static void number_or_null(writer *w, double v)
{
    if (v == VNX_NONE) {
        put_str(w, "null");
        return;
    }
    if (v == (double)(long long)v) {
        integer(w, (long long)v);
        return;
    }
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v) // both in the same locale
            break;
    }
    for (char *c = buf; *c; c++)
        if (*c == ',') // a locale's decimal comma: JSON has a point
            *c = '.';
    put_str(w, buf);
}

static void span(writer *w, vnx_span s)
{
    int f = open(w, '[');
    next(w);
    integer(w, (long long)s.start);
    next(w);
    integer(w, (long long)s.end);
    close(w, ']', f);
}

/* ---- the record's parts ------------------------------------------------------------------ */

static void date_json(writer *w, const void *item, unsigned flags)
{
    const vnx_date *d = item;
    int f = open(w, '{');
    key(w, "text"), string(w, d->text);
    key(w, "value"), string(w, d->value);
    if (d->year_inferred)
        key(w, "year_inferred"), put_str(w, "true");
    if (!(flags & VNX_JSON_NO_SPANS))
        key(w, "span"), span(w, d->span);
    close(w, '}', f);
}

static void directive_json(writer *w, const void *item, unsigned flags)
{
    const vnx_directive *d = item;
    int f = open(w, '{');
    key(w, "text"), string(w, d->text);
    key(w, "type"), string(w, d->type);
    key(w, "number"), string(w, d->number);
    key(w, "date"), string(w, d->date);
    key(w, "issuer"), string(w, d->issuer);
    if (!(flags & VNX_JSON_NO_SPANS))
        key(w, "span"), span(w, d->span);
    close(w, '}', f);
}

static void official_json(writer *w, const void *item, unsigned flags)
{
    const vnx_official *of = item;
    int f = open(w, '{');
    key(w, "name"), string(w, of->name);
    key(w, "honorific"), string(w, of->honorific);
    key(w, "roles");
    int a = open(w, '[');
    for (size_t i = 0; i < of->nroles; i++)
        next(w), string(w, of->roles[i]);
    close(w, ']', a);
    if (!(flags & VNX_JSON_NO_SPANS)) {
        key(w, "spans");
        a = open(w, '[');
        for (size_t i = 0; i < of->nspans; i++)
            next(w), span(w, of->spans[i]);
        close(w, ']', a);
    }
    close(w, '}', f);
}

static void tally_json(writer *w, const void *item, unsigned flags)
{
    const vnx_tally *t = item;
    int f = open(w, '{');
    key(w, "text"), string(w, t->text);
    key(w, "count"), int_or_null(w, t->count);
    key(w, "total"), int_or_null(w, t->total);
    key(w, "percent"), number_or_null(w, t->percent);
    key(w, "subject"), string(w, t->subject);
    key(w, "rating"), string(w, t->rating);
    if (t->or_above)
        key(w, "or_above"), put_str(w, "true");
    if (!(flags & VNX_JSON_NO_SPANS))
        key(w, "span"), span(w, t->span);
    close(w, '}', f);
}

static void attendance_json(writer *w, const void *item, unsigned flags)
{
    const vnx_attendance *a = item;
    int f = open(w, '{');
    key(w, "text"), string(w, a->text);
    key(w, "present"), int_or_null(w, a->present);
    key(w, "total"), int_or_null(w, a->total);
    key(w, "percent"), number_or_null(w, a->percent);
    if (a->approximate)
        key(w, "approximate"), put_str(w, "true");
    if (!(flags & VNX_JSON_NO_SPANS))
        key(w, "span"), span(w, a->span);
    close(w, '}', f);
}

static void event_json(writer *w, const vnx_event *e)
{
    int f = open(w, '{');
    key(w, "type"), string(w, e->type);
    key(w, "date"), string(w, e->date);
    key(w, "organization"), string(w, e->organization);
    close(w, '}', f);
}

static void warning_json(writer *w, const void *item, unsigned flags)
{
    (void)flags;
    string(w, *(char *const *)item);
}

// An array of the `n` items of `size` bytes at `items`, each written by `one`.
static void array_json(writer *w, const void *items, size_t n, size_t size,
                       void (*one)(writer *w, const void *item, unsigned flags), unsigned flags)
{
    int f = open(w, '[');
    for (size_t i = 0; i < n && !w->failed; i++)
        next(w), one(w, (const char *)items + i * size, flags);
    close(w, ']', f);
}

/* "text": the text the spans index. JSON must be UTF-8: an invalid
 * sequence of a text input (which the record reports as a warning) is
 * written as U+FFFD, as the extractors read it (three bytes: the spans
 * after it are the input's, as they always are). */
static void text_json(writer *w, const vnx_result *r)
{
    const char *s = r->text ? r->text : "";
    int32_t n = r->text ? (int32_t)r->text_len : 0, i = 0, valid = 0;
    put(w, "\"", 1);
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) { // the valid run before it, then the replacement character
            escaped(w, s + valid, (size_t)(start - valid));
            put(w, "\xEF\xBF\xBD", 3);
            valid = i;
        }
    }
    escaped(w, s + valid, (size_t)(n - valid));
    put(w, "\"", 1);
}

// The record's top-level keys but "source", in order, with their field bits.
static const struct field {
    unsigned bit;
    const char *name;
} fields_table[] = {
    {VNX_FIELD_TITLE, "title"},           {VNX_FIELD_EVENT, "event"},
    {VNX_FIELD_DATES, "dates"},           {VNX_FIELD_DIRECTIVES, "directives"},
    {VNX_FIELD_OFFICIALS, "officials"},   {VNX_FIELD_TALLIES, "tallies"},
    {VNX_FIELD_ATTENDANCE, "attendance"}, {VNX_FIELD_AUTHOR, "author"},
    {VNX_FIELD_PUBLISHED, "published"},   {VNX_FIELD_WARNINGS, "warnings"},
    {VNX_FIELD_TEXT, "text"},
};

static void field_json(writer *w, const vnx_result *r, unsigned bit, unsigned flags)
{
#define ARRAY(arr, n, fn) array_json(w, r->arr, r->n, sizeof *r->arr, fn, flags)
    switch (bit) {
    case VNX_FIELD_TITLE:
        return string(w, r->title);
    case VNX_FIELD_EVENT:
        return event_json(w, &r->event);
    case VNX_FIELD_DATES:
        return ARRAY(dates, ndates, date_json);
    case VNX_FIELD_DIRECTIVES:
        return ARRAY(directives, ndirectives, directive_json);
    case VNX_FIELD_OFFICIALS:
        return ARRAY(officials, nofficials, official_json);
    case VNX_FIELD_TALLIES:
        return ARRAY(tallies, ntallies, tally_json);
    case VNX_FIELD_ATTENDANCE:
        return ARRAY(attendance, nattendance, attendance_json);
    case VNX_FIELD_AUTHOR:
        return string(w, r->author);
    case VNX_FIELD_PUBLISHED:
        return string(w, r->published);
    case VNX_FIELD_TEXT:
        return text_json(w, r);
    default:
        return ARRAY(warnings, nwarnings, warning_json);
    }
#undef ARRAY
}

// The writer's text, or NULL (freed) when an append failed.
static char *finish(writer *w)
{
    if (!w->failed)
        return w->out.s;
    vnxp_buf_free(&w->out);
    return NULL;
}

char *vnx_result_to_json_fields(const vnx_result *r, unsigned flags, unsigned fields)
{
    if (!r)
        return NULL;
    writer w = {.pretty = (flags & VNX_JSON_PRETTY) != 0, .first = 1};
    int f = open(&w, '{');
    key(&w, "source"), string(&w, r->source);
    for (size_t i = 0; i < sizeof fields_table / sizeof *fields_table && !w.failed; i++)
        if (fields & fields_table[i].bit)
            key(&w, fields_table[i].name), field_json(&w, r, fields_table[i].bit, flags);
    close(&w, '}', f);
    return finish(&w);
}

char *vnx_result_to_json(const vnx_result *r, unsigned flags)
{
    return vnx_result_to_json_fields(r, flags, VNX_FIELD_ALL);
}

char *vnx_error_to_json(const char *source, const char *message, unsigned flags)
{
    writer w = {.pretty = (flags & VNX_JSON_PRETTY) != 0, .first = 1};
    int f = open(&w, '{');
    key(&w, "source"), string(&w, source);
    key(&w, "error"), string(&w, message ? message : "error");
    close(&w, '}', f);
    return finish(&w);
}

unsigned vnx_field_from_name(const char *name, size_t len)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < sizeof fields_table / sizeof *fields_table; i++)
        if (strlen(fields_table[i].name) == len && memcmp(fields_table[i].name, name, len) == 0)
            return fields_table[i].bit;
    return 0;
}

const char *vnx_field_name(unsigned field)
{
    for (size_t i = 0; i < sizeof fields_table / sizeof *fields_table; i++)
        if (fields_table[i].bit == field)
            return fields_table[i].name;
    return NULL;
}

void vnx_free(void *p)
{
    free(p);
}
