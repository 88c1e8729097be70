/**
 * figures.c: what the tallies and attendance extractors share: figures as
 * the bulletins write them, counts ("04", "1.321", "hai") and decimals
 * ("81,8", "81.8"), and the named groups of a hit that hold them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

// Counts above this are not counts of people or bodies (nor safe to add up).
#define MAX_COUNT 100000000LL

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Digits with a dot between each group of three: "1.321", "6.659", "22".
static int parse_digits(const char *s, size_t n, long long *out)
{
    long long v = 0;
    size_t group = 0, i = 0;
    int dotted = 0;
    for (; i < n; i++) {
        if (s[i] == '.') {
            if (group == 0 || (dotted && group != 3) || (!dotted && group > 3))
                return -1;
            dotted = 1;
            group = 0;
            continue;
        }
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
        group++;
        if (v > MAX_COUNT)
            return -1;
    }
    if (group == 0 || (dotted && group != 3))
        return -1;
    *out = v;
    return 0;
}

int vnxp_parse_count(const vnxp_patterns *ps, const char *s, size_t n, long long *out,
                     int *nomem)
{
    if (n == 0)
        return -1;
    if (is_digit(s[0]))
        return parse_digits(s, n, out);
    const char *value = vnxp_lexicon_lookup_text(vnxp_lexicon_find(ps, "number_words"), s, n, nomem);
    if (!value)
        return -1;
    return parse_digits(value, strlen(value), out);
}

int vnxp_parse_decimal(const char *s, size_t n, double *out)
{
    // Digits kept as an integer and divided once: 818 / 10 is the double
    // nearest 81.8, which adding 0.8 to 81 need not give.
    long long digits = 0, scale = 1;
    size_t whole = 0, frac = 0;
    int point = 0;
    for (size_t i = 0; i < n; i++) {
        if ((s[i] == ',' || s[i] == '.') && !point && whole > 0) {
            point = 1;
            continue;
        }
        if (!is_digit(s[i]) || whole + frac >= 15)
            return -1;
        digits = digits * 10 + (s[i] - '0');
        if (point) {
            scale *= 10;
            frac++;
        } else {
            whole++;
        }
    }
    if (whole == 0 || (point && frac == 0))
        return -1;
    *out = (double)digits / (double)scale;
    return 0;
}

long long vnxp_group_count(const vnxp_matcher *m, const vnxp_hit *h, const char *name)
{
    size_t s, e;
    long long v;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s)
        return VNX_NONE;
    return vnxp_parse_count(&m->x->patterns, m->text->s + s, e - s, &v, m->nomem) ? VNX_NONE
                                                                                   : v;
}

double vnxp_group_decimal(const vnxp_matcher *m, const vnxp_hit *h, const char *name)
{
    size_t s, e;
    double v;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s)
        return VNX_NONE;
    return vnxp_parse_decimal(m->text->s + s, e - s, &v) ? VNX_NONE : v;
}
