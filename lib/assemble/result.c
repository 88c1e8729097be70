/**
 * result.c: the record of one document, and its read-only accessors.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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
    for (size_t i = 0; i < r->nwarnings; i++)
        free(r->warnings[i]);
    free(r->dates);
    free(r->directives);
    free(r->warnings);
    free(r->source);
    free(r);
}

int vnx_result_set_source(vnx_result *r, const char *source)
{
    if (!r)
        return VNX_ERR_ARGUMENT;
    char *copy = source ? vnxp_strndup(source, strlen(source)) : NULL;
    if (source && !copy)
        return VNX_ERR_NOMEM;
    free(r->source);
    r->source = copy;
    return VNX_OK;
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

int vnxp_result_warn(vnx_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *copy = vnxp_strndup(msg, strlen(msg));
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

size_t vnx_result_warning_count(const vnx_result *r)
{
    return r ? r->nwarnings : 0;
}

const char *vnx_result_warning(const vnx_result *r, size_t i)
{
    return r && i < r->nwarnings ? r->warnings[i] : NULL;
}
