/**
 * json.c: the record as JSON (SPEC.md), made with json-c. Every key is
 * present: arrays empty and values null where nothing was found.
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

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

// A number (integral ones as integers: 100, not 100.0), or null for VNX_NONE.
static json_object *number_or_null(double v)
{
    if (v == VNX_NONE)
        return NULL;
    if (v == (double)(long long)v)
        return json_object_new_int64((long long)v);
    return json_object_new_double(v);
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

static json_object *record_json(const vnx_result *r, unsigned flags)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "source", str_or_null(r->source));
    json_object_object_add(o, "title", str_or_null(r->title));
    json_object_object_add(o, "event", event_json(&r->event));
#define ARRAY(key, arr, n, fn)                                                           \
    json_object_object_add(o, key, array_json(r->arr, r->n, sizeof *r->arr, fn, flags))
    ARRAY("dates", dates, ndates, date_json);
    ARRAY("directives", directives, ndirectives, directive_json);
    ARRAY("officials", officials, nofficials, official_json);
    ARRAY("tallies", tallies, ntallies, tally_json);
    ARRAY("attendance", attendance, nattendance, attendance_json);
#undef ARRAY
    json_object_object_add(o, "author", str_or_null(r->author));
    json_object *warnings = json_object_new_array_ext((int)r->nwarnings);
    for (size_t i = 0; i < r->nwarnings; i++)
        json_object_array_add(warnings, json_object_new_string(r->warnings[i]));
    json_object_object_add(o, "warnings", warnings);
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
    char *copy = s ? vnxp_strndup(s, strlen(s)) : NULL;
    json_object_put(o);
    return copy;
}

char *vnx_result_to_json(const vnx_result *r, unsigned flags)
{
    return r ? to_string(record_json(r, flags), flags) : NULL;
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

void vnx_free(void *p)
{
    free(p);
}
