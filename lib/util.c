/**
 * util.c: growable byte buffers and arrays.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int vnxp_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return -1;
        ncap *= 2;
    }
    void *p = realloc(*items, ncap * size);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

void *vnxp_realloc_array(void *p, size_t n, size_t size)
{
    return size && n > SIZE_MAX / size ? NULL : realloc(p, n * size);
}

int vnxp_buf_add(vnxp_buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->len - 1)
        return -1;
    if (vnxp_grow((void **)&b->s, &b->cap, b->len + n + 1, 1))
        return -1;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

int vnxp_buf_addc(vnxp_buf *b, char c)
{
    return vnxp_buf_add(b, &c, 1);
}

void vnxp_buf_free(vnxp_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *vnxp_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *vnxp_strdup(const char *s)
{
    return s ? vnxp_strndup(s, strlen(s)) : NULL;
}
