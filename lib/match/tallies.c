/**
 * tallies.c: rating tallies (SPEC.md, "tallies").
 *
 * tallies.pcre finds the statements; this file reads their figures, names
 * the rating and the subject through the lexicons (ratings, tally_subjects),
 * gives a statement with no subject of its own the subject named nearest
 * before it in its sentence, else that of the tally before it in the same
 * paragraph ("...; hoàn thành tốt nhiệm vụ chiếm 10,22%"), drops the tallies that follow a target
 * word in their sentence
 * ("phấn đấu 100% đảng viên ..."), gives the percents of "tỷ lệ tương ứng
 * là 79,85% và 17%" to the tallies just before, keeps one of repeats
 * (a headline that restates the body), and stops at the end of the page
 * (the comment form, related news).
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* What the scan has seen so far, in matching-text offsets. */
typedef struct scan_state {
    int has_target;
    size_t target_at; // the last target word
    int has_prev;
    size_t prev_end;       // the end of the last tally
    const char *prev_subj; // its subject (borrowed from the lexicon), or NULL
} scan_state;

/* One tally read from a hit, before it is stored. */
typedef struct reading {
    long long count, total;
    double percent;
    const char *subject, *rating; // borrowed from the lexicons
    int or_above;
    size_t start, end; // the statement, in the matching text
} reading;

// The lexicon value for named group `name` of `h`, or NULL.
static const char *group_lookup(const vnxp_matcher *m, const vnxp_hit *h, const char *name,
                                const char *lexicon)
{
    size_t s, e;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s)
        return NULL;
    const vnxp_lexicon *lx = vnxp_lexicon_find(&m->x->patterns, lexicon);
    return vnxp_lexicon_lookup(lx, m->text->s + s, e - s);
}

// The statement's range: the hit without the punctuation and spaces that
// open it, stretched to the rating read in a look-ahead ("06 tập thể,
// 303 Đảng viên hoàn thành xuất sắc nhiệm vụ").
static void statement_range(const vnxp_matcher *m, const vnxp_hit *h, reading *r)
{
    const char *s = m->text->s;
    size_t start = h->start, end = h->end, rs, re;
    if (vnxp_hit_group(h, "rating", &rs, &re) == 0 && re > end)
        end = re;
    for (;;) {
        if (start < end && strchr(" \t\n,;:(-+", s[start]) && s[start] != '\0')
            start++;
        else if (end - start >= 3 && (memcmp(s + start, "\xE2\x80\x93", 3) == 0 ||
                                      memcmp(s + start, "\xE2\x80\xA2", 3) == 0))
            start += 3; // "–", "•"
        else
            break;
    }
    r->start = start;
    r->end = end;
}

// Read a hit; 0 when it holds no tally after all.
static int read_hit(const vnxp_matcher *m, const vnxp_hit *h, reading *r)
{
    memset(r, 0, sizeof *r);
    r->count = vnxp_group_count(m, h, "count");
    r->total = vnxp_group_count(m, h, "total");
    r->percent = vnxp_group_decimal(m, h, "percent");
    if (r->percent > 100)
        r->percent = VNX_NONE;
    if (r->count == 0 || r->percent == 0)
        return 0; // "không hoàn thành nhiệm vụ: 0 đồng chí": nobody reached it
    if (r->count == VNX_NONE && r->percent == VNX_NONE)
        return 0;
    if (r->total != VNX_NONE && (r->count == VNX_NONE || r->count > r->total))
        return 0; // "31/12" is a date, not a share
    r->rating = group_lookup(m, h, "rating", "ratings");
    if (!r->rating)
        return 0;
    r->subject = group_lookup(m, h, "subject", "tally_subjects");
    size_t s, e;
    r->or_above = vnxp_hit_group(h, "or_above", &s, &e) == 0;
    statement_range(m, h, r);
    return 1;
}

static int same_number(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

// Whether the result holds this tally already.
static int is_repeat(const vnx_result *res, const reading *r)
{
    for (size_t i = 0; i < res->ntallies; i++) {
        const vnx_tally *t = &res->tallies[i];
        if (t->count == r->count && t->total == r->total && same_number(t->percent, r->percent) &&
            t->or_above == r->or_above && same_str(t->rating, r->rating) &&
            same_str(t->subject, r->subject))
            return 1;
    }
    return 0;
}

// Store a reading; 0 ok, -1 out of memory.
static int store(vnxp_matcher *m, const reading *r)
{
    if (is_repeat(m->result, r))
        return 0;
    vnx_tally *t = vnxp_result_add_tally(m->result);
    if (!t)
        return -1;
    t->count = r->count;
    t->total = r->total;
    t->percent = r->percent;
    t->or_above = r->or_above;
    t->span = vnxp_input_span(m, r->start, r->end);
    t->text = vnxp_hit_text(m, r->start, r->end);
    t->rating = vnxp_strdup(r->rating);
    t->subject = vnxp_strdup(r->subject);
    return t->text && t->rating && (t->subject || !r->subject) ? 0 : -1;
}

// "tương ứng là 79,85% và 17%": the k percents go, in order, to the
// ratings and subjects of the last k tallies of the paragraph.
static int assign_respectively(vnxp_matcher *m, const vnxp_hit *h, const scan_state *st,
                               vnx_error *err)
{
    static const char *const groups[] = {"p1", "p2", "p3", "p4"};
    double pct[4];
    size_t k = 0;
    while (k < 4 && (pct[k] = vnxp_group_decimal(m, h, groups[k])) != VNX_NONE)
        k++;
    vnx_result *res = m->result;
    if (k == 0 || k > res->ntallies || !st->has_prev ||
        vnxp_crosses_paragraph(m->text, st->prev_end, h->start))
        return VNX_OK;
    size_t first = res->ntallies - k;
    for (size_t i = 0; i < k; i++) {
        const vnx_tally *src = &res->tallies[first + i];
        reading r = {VNX_NONE, VNX_NONE, pct[i], src->subject, src->rating, 0, h->start, h->end};
        if (pct[i] > 100)
            continue;
        // Borrowed from the result, whose array store() may move: the
        // strings themselves stay where they are.
        if (store(m, &r))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    return VNX_OK;
}

// How far back a statement looks for its subject, in bytes.
#define SUBJECT_REACH 300

// The subject named nearest before `at` in its sentence ("Đồng chí X được
// đề nghị xếp loại ... với 18/20 phiếu"), or NULL. 0 ok, -1 match error.
static int subject_before(vnxp_matcher *m, size_t at, const char **subject, vnx_error *err)
{
    const vnxp_pattern *p = vnxp_pattern_find(&m->x->patterns, "tallies", "_subject");
    const char *s = m->text->s;
    size_t floor = at > SUBJECT_REACH ? at - SUBJECT_REACH : 0;
    *subject = NULL;
    for (size_t i = at; p && i > floor && !*subject;) {
        i--;
        if (vnxp_ends_sentence(m->text, i))
            break;
        // Only where a word begins: after an ASCII space or mark.
        unsigned char before = i > 0 ? (unsigned char)s[i - 1] : ' ';
        if ((s[i] & 0xC0) == 0x80 || before >= 0x80 || (before >= '0' && before <= '9') ||
            ((before | 0x20) >= 'a' && (before | 0x20) <= 'z'))
            continue;
        vnxp_hit h;
        int got = vnxp_match_at(m, p, i, &h, err);
        if (got < 0)
            return -1;
        if (got) {
            *subject = group_lookup(m, &h, "subject", "tally_subjects");
            vnxp_hit_clear(&h);
        }
    }
    return 0;
}

// A tally hit: read, complete the subject (the nearest before it in the
// sentence, else that of the tally before it in the paragraph), store.
static int take_tally(vnxp_matcher *m, const vnxp_hit *h, scan_state *st, vnx_error *err)
{
    reading r;
    if (!read_hit(m, h, &r))
        return 0;
    if (!r.subject && subject_before(m, r.start, &r.subject, err))
        return err && err->code ? err->code : VNX_ERR_MATCH;
    if (!r.subject && st->has_prev && !vnxp_crosses_paragraph(m->text, st->prev_end, r.start))
        r.subject = st->prev_subj;
    if (store(m, &r))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    st->has_prev = 1;
    st->prev_end = r.end;
    st->prev_subj = r.subject;
    return VNX_OK;
}

int vnxp_extract_tallies(vnxp_matcher *m, vnx_error *err)
{
    vnxp_hits hits = {0};
    scan_state st = {0};
    int rc = vnxp_scan_kind(m, "tallies", &hits, err);
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        const vnxp_hit *h = &hits.items[i];
        const char *name = h->pattern->name;
        if (strcmp(name, "target") == 0) {
            st.has_target = 1;
            st.target_at = h->start;
            continue;
        }
        if (st.has_target && !vnxp_crosses_sentence(m->text, st.target_at, h->start))
            continue; // a target or a plan, not a result
        rc = strcmp(name, "respectively") == 0 ? assign_respectively(m, h, &st, err)
                                               : take_tally(m, h, &st, err);
    }
    vnxp_hits_free(&hits);
    return rc;
}
