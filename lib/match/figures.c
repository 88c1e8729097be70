/**
 * figures.c: what the tallies and attendance extractors share: figures as
 * the bulletins write them, counts ("04", "1.321", "hai") and decimals
 * ("81,8", "81.8"), the named groups of a hit that hold them, and where a
 * sentence or a paragraph ends around them.
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

int vnxp_parse_count(const vnxp_patterns *ps, const char *s, size_t n, long long *out)
{
    if (n == 0)
        return -1;
    if (is_digit(s[0]))
        return parse_digits(s, n, out);
    const char *value = vnxp_lexicon_lookup(vnxp_lexicon_find(ps, "number_words"), s, n);
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
    return vnxp_parse_count(&m->x->patterns, m->text->s + s, e - s, &v) ? VNX_NONE : v;
}

double vnxp_group_decimal(const vnxp_matcher *m, const vnxp_hit *h, const char *name)
{
    size_t s, e;
    double v;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s)
        return VNX_NONE;
    return vnxp_parse_decimal(m->text->s + s, e - s, &v) ? VNX_NONE : v;
}

// The next byte at or after `i` that is not a space or tab; `len` if none.
static size_t skip_blanks(const vnxp_text *t, size_t i)
{
    while (i < t->len && (t->s[i] == ' ' || t->s[i] == '\t' || t->s[i] == '\r'))
        i++;
    return i;
}

// Whether the line end at `i` ends a paragraph: a blank line follows.
static int ends_paragraph(const vnxp_text *t, size_t i)
{
    size_t next = skip_blanks(t, i + 1);
    return next == t->len || t->s[next] == '\n';
}

int vnxp_crosses_paragraph(const vnxp_text *t, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < t->len; i++)
        if (t->s[i] == '\n' && ends_paragraph(t, i))
            return 1;
    return 0;
}

// Whether the line end at `i` ends a sentence. Scraped text is often
// wrapped inside sentences, so a line end alone does not: a blank line, a
// list item after it, or a colon or semicolon before it does.
static int line_ends_sentence(const vnxp_text *t, size_t i)
{
    if (ends_paragraph(t, i))
        return 1;
    size_t next = skip_blanks(t, i + 1);
    if (next < t->len && strchr("-+*", t->s[next]))
        return 1;
    if (next + 3 <= t->len && (memcmp(t->s + next, "\xE2\x80\x93", 3) == 0 || // "–"
                               memcmp(t->s + next, "\xE2\x80\xA2", 3) == 0))  // "•"
        return 1;
    size_t before = i;
    while (before > 0 &&
           (t->s[before - 1] == ' ' || t->s[before - 1] == '\t' || t->s[before - 1] == '\r'))
        before--;
    return before > 0 && (t->s[before - 1] == ':' || t->s[before - 1] == ';');
}

int vnxp_crosses_sentence(const vnxp_text *t, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < t->len; i++) {
        char c = t->s[i];
        if (c == '!' || c == '?')
            return 1;
        // A full stop before a space or a line end; not the dot of "1.321"
        // or "TP.HCM".
        if (c == '.' && (i + 1 == t->len || t->s[i + 1] == ' ' || t->s[i + 1] == '\n'))
            return 1;
        if (c == '\n' && line_ends_sentence(t, i))
            return 1;
    }
    return 0;
}
