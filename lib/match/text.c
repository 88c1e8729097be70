/**
 * text.c: the structure of the matching text that extractors share: lines,
 * sentences and paragraphs. One rule for where a sentence ends, so that
 * "the date's sentence" (event.c) and "a target in the same sentence"
 * (tallies.c) mean the same thing.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

size_t vnxp_line_start(const vnxp_text *t, size_t at)
{
    while (at > 0 && t->s[at - 1] != '\n')
        at--;
    return at;
}

size_t vnxp_line_end(const vnxp_text *t, size_t at)
{
    const char *nl = memchr(t->s + at, '\n', t->len - at);
    return nl ? (size_t)(nl - t->s) : t->len;
}

// The next byte at or after `i` that is not a space or tab; `len` if none.
static size_t skip_blanks(const vnxp_text *t, size_t i)
{
    while (i < t->len && is_blank(t->s[i]))
        i++;
    return i;
}

// Whether the line end at `i` ends a paragraph: a blank line (or the end) follows.
static int ends_paragraph(const vnxp_text *t, size_t i)
{
    size_t next = skip_blanks(t, i + 1);
    return next == t->len || t->s[next] == '\n';
}

// Whether the '.' at `at` ends a sentence: before a space or the end, and
// not the dot of "1.321", "TP.HCM" or "TP. Hồ Chí Minh".
static int is_full_stop(const vnxp_text *t, size_t at)
{
    if (at + 1 < t->len && !is_blank(t->s[at + 1]) && t->s[at + 1] != '\n')
        return 0;
    size_t w = at;
    while (w > 0 && ((t->s[w - 1] >= 'A' && t->s[w - 1] <= 'Z') ||
                     (t->s[w - 1] >= 'a' && t->s[w - 1] <= 'z')))
        w--;
    int short_abbrev = at - w >= 1 && at - w <= 3 && t->s[w] >= 'A' && t->s[w] <= 'Z' &&
                       (w == 0 || is_blank(t->s[w - 1]) || t->s[w - 1] == '\n');
    return !short_abbrev;
}

// Whether the line end at `i` ends a sentence. Scraped text is often
// wrapped inside sentences, so a line end alone does not: a blank line, a
// list item after it, a colon or semicolon before it, or a next line that
// starts as a sentence does (a capital letter).
static int line_ends_sentence(const vnxp_text *t, size_t i)
{
    if (ends_paragraph(t, i))
        return 1;
    size_t next = skip_blanks(t, i + 1);
    if (strchr("-+*", t->s[next]))
        return 1;
    if (next + 3 <= t->len && (memcmp(t->s + next, "\xE2\x80\x93", 3) == 0 || // "–"
                               memcmp(t->s + next, "\xE2\x80\xA2", 3) == 0))  // "•"
        return 1;
    int32_t j = (int32_t)next;
    UChar32 c;
    U8_NEXT(t->s, j, (int32_t)t->len, c);
    if (u_isUUppercase(c))
        return 1;
    size_t before = i;
    while (before > 0 && is_blank(t->s[before - 1]))
        before--;
    return before > 0 && (t->s[before - 1] == ':' || t->s[before - 1] == ';');
}

int vnxp_ends_sentence(const vnxp_text *t, size_t at)
{
    char c = t->s[at];
    if (c == '!' || c == '?')
        return 1;
    if (c == '.')
        return is_full_stop(t, at);
    return c == '\n' && line_ends_sentence(t, at);
}

vnxp_range vnxp_sentence_of(const vnxp_text *t, size_t s, size_t e)
{
    vnxp_range r = {s, e};
    while (r.s > 0 && !vnxp_ends_sentence(t, r.s - 1))
        r.s--;
    while (r.e < t->len && !vnxp_ends_sentence(t, r.e))
        r.e++;
    return r;
}

int vnxp_crosses_sentence(const vnxp_text *t, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < t->len; i++)
        if (vnxp_ends_sentence(t, i))
            return 1;
    return 0;
}

int vnxp_crosses_paragraph(const vnxp_text *t, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < t->len; i++)
        if (t->s[i] == '\n' && ends_paragraph(t, i))
            return 1;
    return 0;
}
