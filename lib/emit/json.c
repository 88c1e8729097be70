/**
 * json.c: the record as JSON (SPEC.md), made with json-c. Every key is
 * present: arrays empty and values null where nothing was found.
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "internal.h"

// A JSON string, or null for NULL.
static json_object *str_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

static json_object *span_json(vnx_span s)
{
    json_object *a = json_object_new_array_ext(2);
    json_object_array_add(a, json_object_new_int64((int64_t)s.start));
    json_object_array_add(a, json_object_new_int64((int64_t)s.end));
    return a;
}

static json_object *date_json(const void *item, unsigned flags)
{
    const vnx_date *d = item;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", str_or_null(d->text));
    json_object_object_add(o, "value", str_or_null(d->value));
    if (d->year_inferred)
        json_object_object_add(o, "year_inferred", json_object_new_boolean(1));
    if (!(flags & VNX_JSON_NO_SPANS))
        json_object_object_add(o, "span", span_json(d->span));
    return o;
}

static json_object *directive_json(const void *item, unsigned flags)
{
    const vnx_directive *d = item;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", str_or_null(d->text));
    json_object_object_add(o, "type", str_or_null(d->type));
    json_object_object_add(o, "number", str_or_null(d->number));
    json_object_object_add(o, "date", str_or_null(d->date));
    json_object_object_add(o, "issuer", str_or_null(d->issuer));
    if (!(flags & VNX_JSON_NO_SPANS))
        json_object_object_add(o, "span", span_json(d->span));
    return o;
}

// An integer, or null for VNX_NONE.
static json_object *int_or_null(long long v)
{
    return v == VNX_NONE ? NULL : json_object_new_int64(v);
}

// A number with the fewest significant digits that read back as `v`: 98.1,
// never json-c's default 98.099999999999994 (17 digits). json-c writes the
// string given, so the record shows the number as the text wrote it.
static json_object *double_json(double v)
{
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v) // both in the same locale
            break;
    }
    for (char *c = buf; *c; c++)
        if (*c == ',') // a locale's decimal comma: JSON has a point
            *c = '.';
    return json_object_new_double_s(v, buf);
}

// A number (integral ones as integers: 100, not 100.0), or null for VNX_NONE.
static json_object *number_or_null(double v)
{
    if (v == VNX_NONE)
        return NULL;
    if (v == (double)(long long)v)
        return json_object_new_int64((long long)v);
    return double_json(v);
}

static json_object *official_json(const void *item, unsigned flags)
{
    const vnx_official *of = item;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "name", str_or_null(of->name));
    json_object_object_add(o, "honorific", str_or_null(of->honorific));
    json_object *roles = json_object_new_array_ext((int)of->nroles);
    for (size_t i = 0; i < of->nroles; i++)
        json_object_array_add(roles, json_object_new_string(of->roles[i]));
    json_object_object_add(o, "roles", roles);
    if (!(flags & VNX_JSON_NO_SPANS)) {
        json_object *spans = json_object_new_array_ext((int)of->nspans);
        for (size_t i = 0; i < of->nspans; i++)
            json_object_array_add(spans, span_json(of->spans[i]));
        json_object_object_add(o, "spans", spans);
    }
    return o;
}

static json_object *tally_json(const void *item, unsigned flags)
{
    const vnx_tally *t = item;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", str_or_null(t->text));
    json_object_object_add(o, "count", int_or_null(t->count));
    json_object_object_add(o, "total", int_or_null(t->total));
    json_object_object_add(o, "percent", number_or_null(t->percent));
    json_object_object_add(o, "subject", str_or_null(t->subject));
    json_object_object_add(o, "rating", str_or_null(t->rating));
    if (t->or_above)
        json_object_object_add(o, "or_above", json_object_new_boolean(1));
    if (!(flags & VNX_JSON_NO_SPANS))
        json_object_object_add(o, "span", span_json(t->span));
    return o;
}

static json_object *attendance_json(const void *item, unsigned flags)
{
    const vnx_attendance *a = item;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", str_or_null(a->text));
    json_object_object_add(o, "present", int_or_null(a->present));
    json_object_object_add(o, "total", int_or_null(a->total));
    json_object_object_add(o, "percent", number_or_null(a->percent));
    if (a->approximate)
        json_object_object_add(o, "approximate", json_object_new_boolean(1));
    if (!(flags & VNX_JSON_NO_SPANS))
        json_object_object_add(o, "span", span_json(a->span));
    return o;
}

static json_object *event_json(const vnx_event *e)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "type", str_or_null(e->type));
    json_object_object_add(o, "date", str_or_null(e->date));
    json_object_object_add(o, "organization", str_or_null(e->organization));
    return o;
}

// An array of the `n` items of `size` bytes at `items`, each made by `one`.
static json_object *array_json(const void *items, size_t n, size_t size,
                               json_object *(*one)(const void *item, unsigned flags),
                               unsigned flags)
{
    json_object *a = json_object_new_array_ext((int)n);
    for (size_t i = 0; i < n; i++)
        json_object_array_add(a, one((const char *)items + i * size, flags));
    return a;
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

/* "text": the text the spans index. JSON must be UTF-8: an invalid
 * sequence of a text input (which the record reports as a warning) is
 * written as U+FFFD, as the extractors read it (three bytes: the spans
 * after it are the input's, as they always are). */
static json_object *text_json(const vnx_result *r)
{
    const char *s = r->text ? r->text : "";
    int32_t n = r->text ? (int32_t)r->text_len : 0, i = 0;
    vnxp_buf out = {0};
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 ? vnxp_buf_add(&out, "\xEF\xBF\xBD", 3)
                  : vnxp_buf_add(&out, s + start, (size_t)(i - start))) {
            vnxp_buf_free(&out);
            return NULL;
        }
    }
    json_object *o = json_object_new_string_len(out.s ? out.s : "", (int)out.len);
    vnxp_buf_free(&out);
    return o;
}

static json_object *warnings_json(const vnx_result *r)
{
    json_object *warnings = json_object_new_array_ext((int)r->nwarnings);
    for (size_t i = 0; i < r->nwarnings; i++)
        json_object_array_add(warnings, json_object_new_string(r->warnings[i]));
    return warnings;
}

// The value of one field of the record.
static json_object *field_json(const vnx_result *r, unsigned bit, unsigned flags)
{
#define ARRAY(arr, n, fn) array_json(r->arr, r->n, sizeof *r->arr, fn, flags)
    switch (bit) {
    case VNX_FIELD_TITLE:
        return str_or_null(r->title);
    case VNX_FIELD_EVENT:
        return event_json(&r->event);
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
        return str_or_null(r->author);
    case VNX_FIELD_PUBLISHED:
        return str_or_null(r->published);
    case VNX_FIELD_TEXT:
        return text_json(r);
    default:
        return warnings_json(r);
    }
#undef ARRAY
}

static json_object *record_json(const vnx_result *r, unsigned flags, unsigned fields)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "source", str_or_null(r->source));
    for (size_t i = 0; i < sizeof fields_table / sizeof *fields_table; i++)
        if (fields & fields_table[i].bit)
            json_object_object_add(o, fields_table[i].name,
                                   field_json(r, fields_table[i].bit, flags));
    return o;
}

// The JSON text of `o` (which it releases), as a malloc'd copy.
static char *to_string(json_object *o, unsigned flags)
{
    if (!o)
        return NULL;
    int style = JSON_C_TO_STRING_NOSLASHESCAPE |
                ((flags & VNX_JSON_PRETTY) ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                           : JSON_C_TO_STRING_PLAIN);
    const char *s = json_object_to_json_string_ext(o, style);
    char *copy = s ? vnxp_strdup(s) : NULL;
    json_object_put(o);
    return copy;
}

char *vnx_result_to_json_fields(const vnx_result *r, unsigned flags, unsigned fields)
{
    return r ? to_string(record_json(r, flags, fields), flags) : NULL;
}

char *vnx_result_to_json(const vnx_result *r, unsigned flags)
{
    return vnx_result_to_json_fields(r, flags, VNX_FIELD_ALL);
}

char *vnx_error_to_json(const char *source, const char *message, unsigned flags)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    json_object_object_add(o, "source", str_or_null(source));
    json_object_object_add(o, "error", str_or_null(message ? message : "error"));
    return to_string(o, flags);
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
