/**
 * result.c: the record of one document, and its read-only accessors.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void free_official(vnx_official *o)
{
    free((char *)o->name);
    free((char *)o->honorific);
    for (size_t i = 0; i < o->nroles; i++)
        free((char *)o->roles[i]);
    free((void *)o->roles);
    free((void *)o->spans);
}

void vnx_result_free(vnx_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ndates; i++) {
        free((char *)r->dates[i].text);
        free((char *)r->dates[i].value);
    }
    for (size_t i = 0; i < r->ndirectives; i++) {
        vnx_directive *d = &r->directives[i];
        free((char *)d->text);
        free((char *)d->type);
        free((char *)d->number);
        free((char *)d->date);
        free((char *)d->issuer);
    }
    for (size_t i = 0; i < r->nofficials; i++)
        free_official(&r->officials[i]);
    for (size_t i = 0; i < r->ntallies; i++) {
        free((char *)r->tallies[i].text);
        free((char *)r->tallies[i].subject);
        free((char *)r->tallies[i].rating);
    }
    for (size_t i = 0; i < r->nattendance; i++)
        free((char *)r->attendance[i].text);
    free((char *)r->event.type);
    free((char *)r->event.date);
    free((char *)r->event.organization);
    free(r->title);
    free(r->author);
    free(r->published);
    free(r->text);
    for (size_t i = 0; i < r->nwarnings; i++)
        free(r->warnings[i]);
    free(r->dates);
    free(r->directives);
    free(r->officials);
    free(r->tallies);
    free(r->attendance);
    free(r->warnings);
    free(r->source);
    free(r);
}

int vnx_result_set_source(vnx_result *r, const char *source)
{
    if (!r)
        return VNX_ERR_ARGUMENT;
    char *copy = vnxp_strdup(source);
    if (source && !copy)
        return VNX_ERR_NOMEM;
    free(r->source);
    r->source = copy;
    return VNX_OK;
}

const char *vnx_result_source(const vnx_result *r)
{
    return r ? r->source : NULL;
}

// Append one zeroed element to an array of the result; NULL when out of memory.
static void *add_item(void **items, size_t *n, size_t *cap, size_t size)
{
    if (vnxp_grow(items, cap, *n + 1, size))
        return NULL;
    char *item = (char *)*items + *n * size;
    memset(item, 0, size);
    (*n)++;
    return item;
}

vnx_date *vnxp_result_add_date(vnx_result *r)
{
    return add_item((void **)&r->dates, &r->ndates, &r->capdates, sizeof *r->dates);
}

vnx_directive *vnxp_result_add_directive(vnx_result *r)
{
    return add_item((void **)&r->directives, &r->ndirectives, &r->capdirectives,
                    sizeof *r->directives);
}

vnx_official *vnxp_result_add_official(vnx_result *r)
{
    return add_item((void **)&r->officials, &r->nofficials, &r->capofficials,
                    sizeof *r->officials);
}

// An official's arrays are short: they grow one element at a time.
// Make room for item n of an array whose room is the power of two at or
// above its length (the public structs keep no capacity): it doubles when
// full, so that n items cost n copies, not n squared.
static int room_for(void **items, size_t n, size_t size)
{
    if (n & (n - 1)) // not a power of two (nor 0): room is left
        return 0;
    size_t cap = n ? 2 * n : 1;
    if (cap > SIZE_MAX / size)
        return -1;
    void *p = realloc(*items, cap * size);
    if (!p)
        return -1;
    *items = p;
    return 0;
}

int vnxp_official_add_role(vnx_official *o, const char *role)
{
    char *copy = vnxp_strdup(role);
    if (!copy || room_for((void **)&o->roles, o->nroles, sizeof *o->roles)) {
        free(copy);
        return -1;
    }
    ((const char **)o->roles)[o->nroles++] = copy;
    return 0;
}

int vnxp_official_add_span(vnx_official *o, vnx_span span)
{
    if (room_for((void **)&o->spans, o->nspans, sizeof *o->spans))
        return -1;
    ((vnx_span *)o->spans)[o->nspans++] = span;
    return 0;
}

// A tally or attendance figure starts with every number absent.
vnx_tally *vnxp_result_add_tally(vnx_result *r)
{
    vnx_tally *t = add_item((void **)&r->tallies, &r->ntallies, &r->captallies,
                            sizeof *r->tallies);
    if (t) {
        t->count = t->total = VNX_NONE;
        t->percent = VNX_NONE;
    }
    return t;
}

vnx_attendance *vnxp_result_add_attendance(vnx_result *r)
{
    vnx_attendance *a = add_item((void **)&r->attendance, &r->nattendance, &r->capattendance,
                                 sizeof *r->attendance);
    if (a) {
        a->present = a->total = VNX_NONE;
        a->percent = VNX_NONE;
    }
    return a;
}

int vnxp_result_warn(vnx_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *copy = vnxp_strdup(msg);
    if (!copy || vnxp_grow((void **)&r->warnings, &r->capwarnings, r->nwarnings + 1,
                           sizeof *r->warnings)) {
        free(copy);
        return -1;
    }
    r->warnings[r->nwarnings++] = copy;
    return 0;
}

size_t vnx_result_date_count(const vnx_result *r)
{
    return r ? r->ndates : 0;
}

const vnx_date *vnx_result_date(const vnx_result *r, size_t i)
{
    return r && i < r->ndates ? &r->dates[i] : NULL;
}

size_t vnx_result_directive_count(const vnx_result *r)
{
    return r ? r->ndirectives : 0;
}

const vnx_directive *vnx_result_directive(const vnx_result *r, size_t i)
{
    return r && i < r->ndirectives ? &r->directives[i] : NULL;
}

size_t vnx_result_official_count(const vnx_result *r)
{
    return r ? r->nofficials : 0;
}

const vnx_official *vnx_result_official(const vnx_result *r, size_t i)
{
    return r && i < r->nofficials ? &r->officials[i] : NULL;
}

size_t vnx_result_tally_count(const vnx_result *r)
{
    return r ? r->ntallies : 0;
}

const vnx_tally *vnx_result_tally(const vnx_result *r, size_t i)
{
    return r && i < r->ntallies ? &r->tallies[i] : NULL;
}

size_t vnx_result_attendance_count(const vnx_result *r)
{
    return r ? r->nattendance : 0;
}

const vnx_attendance *vnx_result_attendance(const vnx_result *r, size_t i)
{
    return r && i < r->nattendance ? &r->attendance[i] : NULL;
}

const vnx_event *vnx_result_event(const vnx_result *r)
{
    return r ? &r->event : NULL;
}

const char *vnx_result_title(const vnx_result *r)
{
    return r ? r->title : NULL;
}

const char *vnx_result_author(const vnx_result *r)
{
    return r ? r->author : NULL;
}

const char *vnx_result_published(const vnx_result *r)
{
    return r ? r->published : NULL;
}

const char *vnx_result_text(const vnx_result *r, size_t *len)
{
    if (len)
        *len = r && r->text ? r->text_len : 0;
    return r ? (r->text ? r->text : "") : NULL;
}

size_t vnx_result_warning_count(const vnx_result *r)
{
    return r ? r->nwarnings : 0;
}

const char *vnx_result_warning(const vnx_result *r, size_t i)
{
    return r && i < r->nwarnings ? r->warnings[i] : NULL;
}
