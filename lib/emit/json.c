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

static json_object *date_json(const vnx_date *d, unsigned flags)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", str_or_null(d->text));
    json_object_object_add(o, "value", str_or_null(d->value));
    if (d->year_inferred)
        json_object_object_add(o, "year_inferred", json_object_new_boolean(1));
    if (!(flags & VNX_JSON_NO_SPANS))
        json_object_object_add(o, "span", span_json(d->span));
    return o;
}

static json_object *directive_json(const vnx_directive *d, unsigned flags)
{
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

static json_object *event_json(void)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "type", NULL);
    json_object_object_add(o, "date", NULL);
    json_object_object_add(o, "organization", NULL);
    return o;
}

static json_object *record_json(const vnx_result *r, unsigned flags)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "source", str_or_null(r->source));
    json_object_object_add(o, "title", NULL);
    json_object_object_add(o, "event", event_json());
    json_object *dates = json_object_new_array_ext((int)r->ndates);
    for (size_t i = 0; i < r->ndates; i++)
        json_object_array_add(dates, date_json(&r->dates[i], flags));
    json_object_object_add(o, "dates", dates);
    json_object *dirs = json_object_new_array_ext((int)r->ndirectives);
    for (size_t i = 0; i < r->ndirectives; i++)
        json_object_array_add(dirs, directive_json(&r->directives[i], flags));
    json_object_object_add(o, "directives", dirs);
    json_object_object_add(o, "officials", json_object_new_array());
    json_object_object_add(o, "tallies", json_object_new_array());
    json_object_object_add(o, "attendance", json_object_new_array());
    json_object_object_add(o, "author", NULL);
    json_object *warnings = json_object_new_array_ext((int)r->nwarnings);
    for (size_t i = 0; i < r->nwarnings; i++)
        json_object_array_add(warnings, json_object_new_string(r->warnings[i]));
    json_object_object_add(o, "warnings", warnings);
    return o;
}

char *vnx_result_to_json(const vnx_result *r, unsigned flags)
{
    if (!r)
        return NULL;
    json_object *o = record_json(r, flags);
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

void vnx_free(void *p)
{
    free(p);
}
