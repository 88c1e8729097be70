/**
 * text.c: the structure of the matching text that extractors share: lines,
 * sentences and paragraphs. One rule for where a sentence ends, so that
 * "the date's sentence" (event.c) and "a target in the same sentence"
 * (tallies.c) mean the same thing.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
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

// Add `at` to the positions of `v`; 0, or -1 when out of memory.
static int push(vnxp_positions *v, size_t at)
{
    if (vnxp_grow((void **)&v->at, &v->cap, v->n + 1, sizeof *v->at))
        return -1;
    v->at[v->n++] = at;
    return 0;
}

int vnxp_breaks_find(const vnxp_text *t, vnxp_breaks *b)
{
    memset(b, 0, sizeof *b);
    for (size_t i = 0; i < t->len; i++) {
        char c = t->s[i];
        if (c != '\n' && c != '.' && c != '!' && c != '?' && c != ';')
            continue;
        int sentence = c != ';' && vnxp_ends_sentence(t, i);
        if ((c == '\n' && push(&b->newlines, i)) || (sentence && push(&b->sentence_ends, i)) ||
            ((sentence || c == ';') && push(&b->clause_ends, i)) ||
            (c == '\n' && ends_paragraph(t, i) && push(&b->paragraph_ends, i))) {
            vnxp_breaks_free(b);
            return -1;
        }
    }
    b->len = t->len;
    return 0;
}

void vnxp_breaks_free(vnxp_breaks *b)
{
    free(b->newlines.at);
    free(b->sentence_ends.at);
    free(b->clause_ends.at);
    free(b->paragraph_ends.at);
    memset(b, 0, sizeof *b);
}

size_t vnxp_positions_count_before(const vnxp_positions *v, size_t at)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->at[mid] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int vnxp_positions_any(const vnxp_positions *v, size_t from, size_t to)
{
    size_t k = vnxp_positions_count_before(v, from);
    return k < v->n && v->at[k] < to;
}

size_t vnxp_breaks_line_start(const vnxp_breaks *b, size_t at)
{
    size_t k = vnxp_positions_count_before(&b->newlines, at);
    return k ? b->newlines.at[k - 1] + 1 : 0;
}

vnxp_range vnxp_breaks_sentence_of(const vnxp_breaks *b, size_t s, size_t e)
{
    const vnxp_positions *v = &b->sentence_ends;
    size_t before = vnxp_positions_count_before(v, s), from_e = vnxp_positions_count_before(v, e);
    return (vnxp_range){before ? v->at[before - 1] + 1 : 0, from_e < v->n ? v->at[from_e] : b->len};
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
