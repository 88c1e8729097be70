/**
 * directives.c: references to numbered documents (SPEC.md, "directives").
 *
 * directives.pcre finds the references; this file names their kind (from
 * the kind written before the number, else from the symbol's code), links
 * the issue date that follows (a date the dates extractor found right after
 * the number) and the issuer after "của" (the documents of a list share
 * those written after the last: "số A và B ngày ... của ..."), and merges
 * repeated mentions of one number into one entry. Runs after
 * vnxp_extract_dates().
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/linkhash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

/* A reference read from a hit, in matching-text offsets. */
typedef struct reference {
    size_t start, end; // the reference as cited: kind (or "số") to number
    size_t num_s, num_e;
    int has_kind;
    size_t kind_s, kind_e;
    int is_bare; // a plain number, no symbol
    const vnx_date *date;
    int has_issuer;
    size_t iss_s, iss_e;
    size_t hit_start; // where the whole match began
} reference;

// Upper-case copy of `s` without white space, dashes made '-': "03 - hd/tu"
// -> "03-HD/TU". NULL when out of memory.
static char *normalize_number(const char *s)
{
    size_t j = 0;
    int32_t n = (int32_t)strlen(s);
    char *out = malloc((size_t)n * 2 + 1);
    if (!out)
        return NULL;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || u_isUWhiteSpace(c))
            continue;
        if (c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2212)
            c = '-';
        c = u_toupper(c);
        U8_APPEND_UNSAFE(out, j, c);
    }
    out[j] = '\0';
    return out;
}

// The kind named by the code inside a symbol: "HD" in 03-HD/TU, "NĐ" in
// 15/2020/NĐ-CP, "QĐ" in 1234/QĐ-UBND. Borrowed from the lexicon, or NULL.
static const char *kind_from_symbol(const vnxp_patterns *ps, const char *number, int *nomem)
{
    const char *dash = strchr(number, '-'), *slash = strchr(number, '/');
    const char *code, *lexicon;
    if (dash && (!slash || dash < slash)) {
        code = dash + 1;
        lexicon = "party_codes";
    } else if (slash) {
        code = slash + 1;
        const char *second = strchr(code, '/');
        if (second)
            code = second + 1;
        lexicon = "state_codes";
    } else {
        return NULL;
    }
    size_t len = 0;
    while (code[len] && code[len] != '/' && code[len] != '-' && !(code[len] >= '0' && code[len] <= '9'))
        len++;
    return vnxp_lexicon_lookup(vnxp_lexicon_find(ps, lexicon), code, len, nomem);
}

// A full date found by the dates extractor whose span starts (or, with
// `by_end`, ends) at input offset `in`; NULL if none. The dates are in
// text order (dates.c adds them hit by hit, and hits do not overlap), so
// both their starts and their ends ascend: a binary search finds the first
// with that edge.
static const vnx_date *full_date_at(const vnxp_matcher *m, size_t in, int by_end)
{
    const vnx_date *dates = m->result->dates;
    size_t n = m->result->ndates, lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((by_end ? dates[mid].span.end : dates[mid].span.start) < in)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < n && (by_end ? dates[i].span.end : dates[i].span.start) == in; i++)
        if (dates[i].year && dates[i].day && !dates[i].year_inferred)
            return &dates[i];
    return NULL;
}

// A full date that ends just before text offset `at` (only spaces and a
// comma between): "Ngày 28/11/2021, Đảng ủy X đã ban hành Kế hoạch số ...".
static const vnx_date *date_before(const vnxp_matcher *m, size_t at)
{
    size_t gap = at;
    while (gap > 0 && (m->text->s[gap - 1] == ' ' || m->text->s[gap - 1] == '\n' ||
                       m->text->s[gap - 1] == ','))
        gap--;
    return full_date_at(m, vnxp_text_input_offset(m->text, gap), 1);
}

// Link the issue date and the issuer that follow the number.
static int link_following(vnxp_matcher *m, reference *ref, vnx_error *err)
{
    const vnxp_patterns *ps = &m->x->patterns;
    size_t after = ref->num_e;
    vnxp_hit h;
    int got = vnxp_match_at(m, vnxp_pattern_find(ps, "directives", "_date_link"), after, &h, err);
    if (got < 0)
        return err && err->code ? err->code : VNX_ERR_MATCH;
    if (got) {
        ref->date = full_date_at(m, vnxp_text_input_offset(m->text, h.end), 0);
        if (ref->date)
            after = vnxp_text_pos(m->text, ref->date->span.end);
        vnxp_hit_clear(&h);
    }
    if (ref->has_issuer) {
        // The issuer came before the kind: so may the date.
        if (!ref->date)
            ref->date = date_before(m, ref->hit_start);
        return VNX_OK;
    }
    got = vnxp_match_at(m, vnxp_pattern_find(ps, "directives", "_issuer_after"), after, &h, err);
    if (got < 0)
        return err && err->code ? err->code : VNX_ERR_MATCH;
    if (got) {
        ref->has_issuer = vnxp_hit_group(&h, "issuer", &ref->iss_s, &ref->iss_e) == 0;
        vnxp_hit_clear(&h);
    }
    return VNX_OK;
}

// Read a hit; 0 when it is not a reference after all (a bare year).
static int read_hit(const vnxp_matcher *m, const vnxp_hit *h, reference *ref)
{
    memset(ref, 0, sizeof *ref);
    if (vnxp_hit_group(h, "number", &ref->num_s, &ref->num_e))
        return 0;
    ref->has_kind = vnxp_hit_group(h, "kind", &ref->kind_s, &ref->kind_e) == 0;
    ref->has_issuer = vnxp_hit_group(h, "issuer", &ref->iss_s, &ref->iss_e) == 0;
    ref->hit_start = h->start;
    ref->start = ref->has_kind ? ref->kind_s : h->start;
    ref->end = ref->num_e;
    ref->is_bare = 1;
    for (size_t i = ref->num_s; i < ref->num_e; i++)
        if (m->text->s[i] < '0' || m->text->s[i] > '9')
            ref->is_bare = 0;
    if (ref->is_bare && ref->num_e - ref->num_s == 4) {
        int year = atoi(m->text->s + ref->num_s);
        if (year >= 1900 && year < 2200)
            return 0; // "Kế hoạch 2024" names a year's plan, not a number
    }
    return 1;
}

// Merge the reference into the result: a new entry, or the gaps of the
// entry with the same number filled. `by_number` maps each number to its
// entry's index + 1 (a table: a page citing thousands of documents compared
// each number with every one before).
static int assemble(vnxp_matcher *m, const reference *ref, struct lh_table *by_number)
{
    const vnxp_patterns *ps = &m->x->patterns;
    char *raw = vnxp_hit_text(m, ref->num_s, ref->num_e);
    char *number = raw ? normalize_number(raw) : NULL;
    free(raw);
    if (!number)
        return -1;
    const char *type = NULL;
    if (ref->has_kind) {
        const vnxp_lexicon *kinds = vnxp_lexicon_find(ps, "doc_kinds");
        type = vnxp_lexicon_lookup_text(kinds, m->text->s + ref->kind_s, ref->kind_e - ref->kind_s, m->nomem);
    }
    if (!type)
        type = kind_from_symbol(ps, number, m->nomem);
    vnx_directive *d = NULL;
    void *index;
    if (lh_table_lookup_ex(by_number, number, &index))
        d = &m->result->directives[(uintptr_t)index - 1];
    if (d) {
        free(number);
    } else {
        if (!(d = vnxp_result_add_directive(m->result))) {
            free(number);
            return -1;
        }
        d->number = number; // owned by the entry; the table borrows it
        if (lh_table_insert(by_number, number, (void *)(uintptr_t)m->result->ndirectives) != 0)
            return -1;
        d->span = vnxp_input_span(m, ref->start, ref->end);
        if (!(d->text = vnxp_hit_text(m, ref->start, ref->end)))
            return -1;
    }
    if (type && !d->type && !(d->type = vnxp_strdup(type)))
        return -1;
    if (ref->date && !d->date && !(d->date = vnxp_strdup(ref->date->value)))
        return -1;
    if (ref->has_issuer && !d->issuer && !(d->issuer = vnxp_hit_text(m, ref->iss_s, ref->iss_e)))
        return -1;
    return 0;
}

// Whether only a link of a list (",", "và") stands between the number of
// `ref` and the next reference: "Quyết định số 4854-QĐ/QU và 4855-QĐ/QU
// ngày 13/05/2024 của Quận ủy Thanh Xuân". -1 on error.
static int listed_with(vnxp_matcher *m, const reference *ref, const reference *next,
                       vnx_error *err)
{
    vnxp_hit h;
    int got = vnxp_match_at(m, vnxp_pattern_find(&m->x->patterns, "directives", "_list_link"),
                            ref->num_e, &h, err);
    if (got <= 0)
        return got < 0 ? -1 : 0;
    int joined = h.end == next->start;
    vnxp_hit_clear(&h);
    return joined;
}

// The documents of a list share the issue date and issuer written after
// the last one: each takes what it lacks from the one after it, when that
// one is a number that continues the list.
static int share_in_lists(vnxp_matcher *m, reference *refs, size_t n, vnx_error *err)
{
    for (size_t i = n; i-- > 1;) {
        reference *ref = &refs[i - 1];
        const reference *next = &refs[i];
        // Only a number that goes on the list without a kind of its own:
        // "Luật số 10/2022/QH15 và Quy định số 69-QĐ/TW ngày ... của Bộ
        // Chính trị" names two documents of two issuers.
        if ((ref->date && ref->has_issuer) || next->has_kind)
            continue;
        int got = listed_with(m, ref, next, err);
        if (got < 0)
            return err && err->code ? err->code : VNX_ERR_MATCH;
        if (!got)
            continue;
        if (!ref->date)
            ref->date = next->date;
        if (!ref->has_issuer && next->has_issuer) {
            ref->has_issuer = 1;
            ref->iss_s = next->iss_s;
            ref->iss_e = next->iss_e;
        }
    }
    return VNX_OK;
}

int vnxp_extract_directives(vnxp_matcher *m, vnx_error *err)
{
    vnxp_hits hits = {0};
    reference *refs = NULL;
    size_t n = 0;
    struct lh_table *by_number = lh_kchar_table_new(16, NULL);
    int rc = by_number ? vnxp_scan_kind(m, "directives", &hits, err)
                       : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc == VNX_OK && hits.n && !(refs = malloc(hits.n * sizeof *refs)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        if (!read_hit(m, &hits.items[i], &refs[n]))
            continue;
        rc = link_following(m, &refs[n++], err);
    }
    if (rc == VNX_OK)
        rc = share_in_lists(m, refs, n, err);
    for (size_t i = 0; rc == VNX_OK && i < n; i++)
        if (assemble(m, &refs[i], by_number))
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (by_number)
        lh_table_free(by_number);
    free(refs);
    vnxp_hits_free(&hits);
    return rc;
}
