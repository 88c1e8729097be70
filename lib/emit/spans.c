/**
 * spans.c: a record's spans in the unit its caller indexes text with: bytes
 * of UTF-8 (C, Go, Rust), code points (Python's str) or UTF-16 code units
 * (JavaScript, Java, .NET). The text is walked once, character by
 * character, with the three counts kept side by side; every offset of the
 * record, sorted, is read off the walk. An invalid UTF-8 sequence counts as
 * one character (U+FFFD), as Python's and the WHATWG decoders read it (the
 * maximal subpart rule of ICU's U8_NEXT); a byte order mark counts too.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <unicode/utf8.h>

#include "internal.h"

enum { UNITS = 3 }; /* VNX_SPANS_BYTES, _CODEPOINTS, _UTF16: indices of a position */

/* An offset of the record and its new value. */
typedef struct offset_ref {
    size_t *at;
    size_t value;
} offset_ref;

static int by_value(const void *a, const void *b)
{
    size_t x = *((const offset_ref *)a)->at, y = *((const offset_ref *)b)->at;
    return x < y ? -1 : x > y;
}

// Every span of `r`: its dates, directives, officials' mentions, tallies and
// attendance. With `refs` NULL, only counts them.
static size_t collect(vnx_result *r, offset_ref *refs)
{
    size_t n = 0;
#define ADD(span)                                                                                  \
    do {                                                                                           \
        if (refs) {                                                                                \
            refs[n].at = &(span).start;                                                            \
            refs[n + 1].at = &(span).end;                                                          \
        }                                                                                          \
        n += 2;                                                                                    \
    } while (0)
    for (size_t i = 0; i < r->ndates; i++)
        ADD(r->dates[i].span);
    for (size_t i = 0; i < r->ndirectives; i++)
        ADD(r->directives[i].span);
    for (size_t i = 0; i < r->nofficials; i++)
        for (size_t j = 0; j < r->officials[i].nspans; j++)
            ADD(((vnx_span *)r->officials[i].spans)[j]);
    for (size_t i = 0; i < r->ntallies; i++)
        ADD(r->tallies[i].span);
    for (size_t i = 0; i < r->nattendance; i++)
        ADD(r->attendance[i].span);
#undef ADD
    return n;
}

// Step over the character at `pos[BYTES]` of `s`, advancing all three counts.
static void step(const uint8_t *s, size_t len, size_t pos[UNITS])
{
    size_t b = pos[VNX_SPANS_BYTES];
    UChar32 c = s[b];
    if (c < 0x80) {
        b++;
    } else {
        int32_t k = 0, n = (int32_t)(len - b < 4 ? len - b : 4);
        U8_NEXT(s + b, k, n, c); // an invalid sequence: its maximal subpart, c < 0
        b += (size_t)k;
    }
    pos[VNX_SPANS_BYTES] = b;
    pos[VNX_SPANS_CODEPOINTS]++;
    pos[VNX_SPANS_UTF16] += c > 0xFFFF ? 2 : 1;
}

// Give each of the `n` sorted offsets, in unit `from`, its value in unit
// `to`; an offset inside a character goes to the character's start. -1 when
// one lies past the end of the text.
static int convert(const char *text, size_t len, offset_ref *refs, size_t n, unsigned from,
                   unsigned to)
{
    const uint8_t *s = (const uint8_t *)text;
    size_t pos[UNITS] = {0, 0, 0}, next[UNITS], i = 0;
    while (i < n && pos[VNX_SPANS_BYTES] < len) {
        next[0] = pos[0], next[1] = pos[1], next[2] = pos[2];
        step(s, len, next);
        for (; i < n && *refs[i].at < next[from]; i++)
            refs[i].value = pos[to];
        pos[0] = next[0], pos[1] = next[1], pos[2] = next[2];
    }
    for (; i < n && *refs[i].at == pos[from]; i++)
        refs[i].value = pos[to];
    return i == n ? 0 : -1;
}

int vnxp_result_convert_spans(vnx_result *r, const char *text, size_t len, unsigned unit,
                              vnx_error *err)
{
    if (unit == r->span_unit)
        return VNX_OK;
    size_t n = collect(r, NULL);
    offset_ref *refs = n ? malloc(n * sizeof *refs) : NULL;
    if (n && !refs)
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    collect(r, refs);
    if (n)
        qsort(refs, n, sizeof *refs, by_value);
    if (convert(text, len, refs, n, r->span_unit, unit) != 0) {
        free(refs);
        return vnxp_fail(err, VNX_ERR_ARGUMENT,
                         "a span lies past the end of the text: not the text of the record");
    }
    for (size_t i = 0; i < n; i++) // all or nothing: written once every one is known
        *refs[i].at = refs[i].value;
    free(refs);
    r->span_unit = unit;
    return VNX_OK;
}

int vnx_result_convert_spans(vnx_result *r, const char *text, size_t len, unsigned unit,
                             vnx_error *err)
{
    vnxp_error_clear(err);
    if (!r || (!text && len > 0) || unit > VNX_SPANS_UTF16)
        return vnxp_fail(err, VNX_ERR_ARGUMENT,
                         "vnx_result_convert_spans: NULL result or text, or an unknown unit");
    return vnxp_result_convert_spans(r, text ? text : "", len, unit, err);
}

unsigned vnx_result_span_unit(const vnx_result *r)
{
    return r ? r->span_unit : VNX_SPANS_BYTES;
}
