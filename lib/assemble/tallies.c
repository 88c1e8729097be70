/**
 * assemble/tallies.c: link the parts that tallies.pcre finds into tallies
 * (SPEC.md, "tallies").
 *
 * A tally is a quantity, a subject and a rating level, in either order,
 * inside one clause (a clause ends at a sentence's end or at ';'):
 *   count first   "Có 14 đảng viên được đánh giá hoàn thành tốt nhiệm vụ":
 *                 the nearest figure before the rating that counts someone
 *                 (or is a percent), with at most MAX_FILLER_WORDS words
 *                 between, no other rating, target, "trong đó", "tỷ lệ"
 *                 or verb of taking part between, and no clause that opens
 *                 with a subject of its own after a comma. Figures listed
 *                 before it share the rating ("8 chi bộ và 60 đảng viên
 *                 đều ..."). In a vote ("36/38 phiếu đề nghị xếp loại chi
 *                 bộ ...") the subject is the one rated, not the voters.
 *   rating first  "Hoàn thành tốt nhiệm vụ: 31 đồng chí", "Tỷ lệ đảng viên
 *                 hoàn thành tốt nhiệm vụ đạt 91%", "Không hoàn thành nhiệm
 *                 vụ 02": the figure right after the rating and its link
 *                 words; a breakdown may follow ("35 (có 07 đảng bộ và 28
 *                 chi bộ)"), and a range gives one tally per end.
 * A percent linked to a tally's count ("..., chiếm 19,2%") joins it. A
 * tally with no subject of its own takes the one named just before its
 * rating, else that of "có N ... được xếp loại, trong đó:" (which also
 * gives the total), else the nearest before it in its sentence, else that
 * of the tally before it in the paragraph. Ratings after a target or plan
 * in their sentence give nothing; "tương ứng là 79,85% và 17%" gives its
 * percents to the tallies just before it. One of repeats is kept.
 *
 * Each rating looks at a bounded number of parts around it, and the
 * sentence and paragraph breaks are found once: linear in the text.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum {
    MAX_FILLER_WORDS = 14, // between a counted subject and its rating
    MAX_VOTE_WORDS = 24,   // between those who vote and the rating they vote for
    MAX_PERCENT_WORDS = 4, // between a percent that counts no one and its rating
    NEAR_RATING_WORDS = 6, // between a subject and the rating it is the subject of
    MAX_SCOPE_WORDS = 16,  // between "có 51/51 tổ chức" and "trong đó"
    MAX_LOOK_PARTS = 24,   // how many parts a rating looks back over
    MAX_LIST = 8,          // items of a list that share one rating
    MAX_HEADER_LINES = 1,  // lines between a lead-in and the table under it (its header)
};

typedef struct ctx {
    vnxp_linker l;
    vnxp_seen seen; // the tallies stored, for repeats
    const vnxp_pattern *before_noun, *rating_link, *bare_end, *tail_link, *tail_word,
        *percent_link, *list_sep, *breakdown_open, *rated, *qualified;
    // The tally before, for one with no subject of its own.
    int has_prev;
    const char *prev_subject;
    size_t prev_end;
    // "có 51/51 tổ chức được đánh giá, xếp loại, trong đó:"
    int has_scope;
    long long scope_total;
    const char *scope_subject;
    size_t scope_end;
    // The last target word ("phấn đấu").
    int has_target;
    size_t target_at;
} ctx;

/* A tally before it is stored. */
typedef struct draft {
    long long count, total;
    double percent;
    const char *subject, *rating;
    int or_above;
    size_t start, end;
} draft;

/* One figure of a list that shares a rating, and whom it counts. */
typedef struct item {
    size_t q;
    ptrdiff_t noun; // its SUBJECT, UNIT or BALLOT part, or -1
} item;

/* ---- the text between parts ------------------------------------------------ */

static int crosses_clause(const ctx *c, size_t from, size_t to)
{
    return vnxp_link_crosses_clause(&c->l, from, to);
}

static int crosses_sentence(const ctx *c, size_t from, size_t to)
{
    return vnxp_link_crosses_sentence(&c->l, from, to);
}

static int crosses_paragraph(const ctx *c, size_t from, size_t to)
{
    return vnxp_link_crosses_paragraph(&c->l, from, to);
}

static int words_between(const ctx *c, size_t from, size_t to)
{
    return vnxp_link_words(&c->l, from, to);
}

static int gap_is(ctx *c, const vnxp_pattern *p, size_t from, size_t to)
{
    return vnxp_link_gap_is(&c->l, p, from, to);
}

static int holds_at(ctx *c, const vnxp_pattern *p, size_t at)
{
    return vnxp_link_holds_at(&c->l, p, at);
}

// The last comma in [from, to), or `to` if none.
static size_t last_comma(const ctx *c, size_t from, size_t to)
{
    const char *comma = NULL;
    for (const char *s = c->l.m->text->s + from, *e = c->l.m->text->s + to; s < e; s++)
        if (*s == ',')
            comma = s;
    return comma ? (size_t)(comma - c->l.m->text->s) : to;
}

/* ---- parts and their neighbours --------------------------------------------- */

static int is(const ctx *c, ptrdiff_t i, vnxp_part_kind kind)
{
    return vnxp_link_is(&c->l, i, kind);
}

// The noun a figure counts ("18/22 đ/c", "100% các đồng chí", "36/38
// phiếu", "41 trường hợp"): the index of the part, or -1.
static ptrdiff_t noun_after(ctx *c, size_t q)
{
    return vnxp_link_noun_after(&c->l, c->before_noun, q,
                                1u << VNXP_PART_SUBJECT | 1u << VNXP_PART_UNIT |
                                    1u << VNXP_PART_BALLOT);
}

// The subject part a figure counts, or NULL.
static const char *subject_of(ctx *c, size_t q)
{
    ptrdiff_t k = noun_after(c, q);
    return is(c, k, VNXP_PART_SUBJECT) ? c->l.p[k].value : NULL;
}

// Whether part `i` is the noun of the figure just before it.
static int is_counted(ctx *c, size_t i)
{
    return i > 0 && is(c, (ptrdiff_t)i - 1, VNXP_PART_QUANTITY) &&
           noun_after(c, i - 1) == (ptrdiff_t)i;
}

// A count written as four plain digits from 1900 to 2099 is a year.
static int looks_like_year(const ctx *c, const vnxp_part *q)
{
    const char *s = c->l.m->text->s + q->start;
    return q->end - q->start == 4 && q->total == VNX_NONE &&
           (memcmp(s, "19", 2) == 0 || memcmp(s, "20", 2) == 0);
}

// Whether [s, e) holds a digit (a row of figures, not a table's header).
static int has_digit(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

// Where the lead-in of a list or table begins when the line of `at` is an
// item under it ("Kết quả xếp loại đảng viên:" / "- Hoàn thành ...", with
// up to MAX_HEADER_LINES header rows between), else `at`.
static size_t lead_in_start(const ctx *c, size_t at)
{
    const char *s = c->l.m->text->s;
    size_t line = vnxp_breaks_line_start(c->l.breaks, at);
    for (size_t i = line; i < at; i++)
        if (!strchr(" \t-+*|", s[i]))
            return at; // not the first word of its line
    for (int headers = 0; headers <= MAX_HEADER_LINES && line > 0; headers++) {
        size_t end = line - 1, start = vnxp_breaks_line_start(c->l.breaks, end);
        while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            end--;
        if (end > start && s[end - 1] == ':')
            return start;
        if (has_digit(s, start, end))
            return at;
        line = start;
    }
    return at;
}

// The subject named nearest before part `i` in its sentence, or in the
// lead-in of the list or table it is an item of, or NULL.
static const char *subject_before(const ctx *c, size_t i)
{
    size_t at = c->l.p[i].start, floor = i > MAX_LOOK_PARTS ? i - MAX_LOOK_PARTS : 0;
    size_t lead_in = lead_in_start(c, at);
    for (size_t k = i; k-- > floor;) {
        const vnxp_part *P = &c->l.p[k];
        if (P->start < lead_in && crosses_sentence(c, P->end, at))
            return NULL;
        if (P->kind == VNXP_PART_SUBJECT)
            return P->value;
    }
    return NULL;
}

// The subject of rating `r` named just before it: "Tỷ lệ đảng viên hoàn
// thành tốt nhiệm vụ", "tổ chức đảng đạt TSVM", "Đối với chi bộ, tỷ lệ
// ...". NULL if none.
static const char *subject_of_rating(const ctx *c, size_t r)
{
    size_t at = c->l.p[r].start, floor = r > 3 ? r - 3 : 0;
    for (size_t k = r; k-- > floor;) {
        const vnxp_part *P = &c->l.p[k];
        if (crosses_clause(c, P->end, at) || words_between(c, P->end, at) > NEAR_RATING_WORDS)
            return NULL;
        if (P->kind == VNXP_PART_SUBJECT)
            return P->value;
        if (P->kind != VNXP_PART_RATE)
            return NULL;
    }
    return NULL;
}

// The subject for a tally with none of its own whose statement begins at
// part `first`: the nearest in its sentence, else the tally's before it
// in the paragraph.
static const char *subject_from_context(const ctx *c, size_t first)
{
    const char *s = subject_before(c, first);
    if (!s && c->has_prev && !crosses_paragraph(c, c->prev_end, c->l.p[first].start))
        s = c->prev_subject;
    return s;
}

// The rating a rating part names: of two named together, the lower.
static const char *rating_of(const ctx *c, const vnxp_part *R)
{
    if (!R->value2)
        return R->value;
    const vnxp_lexicon *levels = vnxp_lexicon_find(&c->l.m->x->patterns, "rating_levels");
    const char *a = vnxp_lexicon_lookup(levels, R->value, strlen(R->value), c->l.m->nomem);
    const char *b = vnxp_lexicon_lookup(levels, R->value2, strlen(R->value2), c->l.m->nomem);
    if (!a || !b)
        return R->value;
    return atoi(b) < atoi(a) ? R->value2 : R->value;
}

// The index of the next part after `i` that is not "tỷ lệ", or c->l.n.
static size_t next_skipping_rate(const ctx *c, size_t i)
{
    size_t k = i + 1;
    while (k < c->l.n && c->l.p[k].kind == VNXP_PART_RATE)
        k++;
    return k;
}

/* ---- storing --------------------------------------------------------------- */

static int same_number(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

// Whether the result holds this tally already (a headline restating the
// body): 1 yes, 0 no (it is now recorded), -1 out of memory.
static int is_repeat(ctx *c, const draft *d)
{
    char key[512];
    snprintf(key, sizeof key, "%lld|%lld|%.9g|%d|%s|%s", d->count, d->total, d->percent,
             d->or_above, d->rating ? d->rating : "", d->subject ? d->subject : "");
    int added = vnxp_seen_add(&c->seen, key);
    return added < 0 ? -1 : !added;
}

// Store a draft, and make it the tally before for the next one.
static void emit(ctx *c, const draft *d)
{
    if (c->l.failed || !d->rating || d->count == 0 || same_number(d->percent, 0) ||
        (d->count == VNX_NONE && d->percent == VNX_NONE))
        return; // "không hoàn thành nhiệm vụ: 0 đồng chí": nobody reached it
    c->has_prev = 1;
    c->prev_subject = d->subject;
    c->prev_end = d->end;
    int repeat = is_repeat(c, d);
    if (repeat > 0)
        return;
    vnx_tally *t = repeat < 0 ? NULL : vnxp_result_add_tally(c->l.m->result);
    if (!t) {
        c->l.failed = 1;
        vnxp_fail(c->l.err, VNX_ERR_NOMEM, "out of memory");
        return;
    }
    t->count = d->count;
    t->total = d->total;
    t->percent = d->percent;
    t->or_above = d->or_above;
    t->span = vnxp_input_span(c->l.m, d->start, d->end);
    t->text = vnxp_hit_text(c->l.m, d->start, d->end);
    t->rating = vnxp_strdup(d->rating);
    t->subject = vnxp_strdup(d->subject);
    if (!t->text || !t->rating || (d->subject && !t->subject)) {
        c->l.failed = 1;
        vnxp_fail(c->l.err, VNX_ERR_NOMEM, "out of memory");
    }
}

/* ---- the percent that joins a tally --------------------------------------- */

// Whether part `k` is a percent that counts no one and goes with the
// rating after it ("..., 15% hoàn thành xuất sắc nhiệm vụ").
static int leads_a_rating(ctx *c, size_t k)
{
    size_t r = k + 1;
    while (r < c->l.n && c->l.p[r].kind == VNXP_PART_RATE)
        r++;
    return is(c, (ptrdiff_t)r, VNXP_PART_RATING) && !crosses_clause(c, c->l.p[k].end, c->l.p[r].start) &&
           words_between(c, c->l.p[k].end, c->l.p[r].start) <= MAX_PERCENT_WORDS;
}

// The share of part `k` read as a percent: its percent, or a figure
// without the sign after "tỷ lệ" ("đạt 13,2").
static double share_of(const ctx *c, size_t k)
{
    const vnxp_part *Q = &c->l.p[k];
    if (Q->percent != VNX_NONE)
        return Q->percent;
    if (Q->decimal == VNX_NONE && Q->count == VNX_NONE)
        return VNX_NONE;
    for (size_t i = k; i-- > 0 && k - i <= 3;)
        if (c->l.p[i].kind == VNXP_PART_RATE && !crosses_clause(c, c->l.p[i].end, Q->start))
            return Q->decimal != VNX_NONE ? Q->decimal
                                          : (Q->count <= 100 ? (double)Q->count : VNX_NONE);
    return VNX_NONE;
}

// If the part after `end` (skipping "tỷ lệ") is a percent linked to what
// ends there (", chiếm 19,2%", "(chiếm 62,62%)"), its index; else -1.
static ptrdiff_t tail_percent(ctx *c, size_t after_part, size_t end)
{
    size_t k = next_skipping_rate(c, after_part);
    if (k >= c->l.n || c->l.p[k].kind != VNXP_PART_QUANTITY || c->l.p[k].used ||
        c->l.p[k].count != VNX_NONE || crosses_clause(c, end, c->l.p[k].start))
        return -1;
    if (share_of(c, k) == VNX_NONE || noun_after(c, k) >= 0 || leads_a_rating(c, k))
        return -1;
    if (!gap_is(c, c->tail_link, end, c->l.p[k].start) || !holds_at(c, c->tail_word, end))
        return -1;
    return (ptrdiff_t)k;
}

// Join the tail percent after part `after_part` (ending at d->end) to `d`.
static void take_tail(ctx *c, size_t after_part, draft *d)
{
    if (d->percent != VNX_NONE)
        return;
    ptrdiff_t k = tail_percent(c, after_part, d->end);
    if (k < 0)
        return;
    d->percent = share_of(c, (size_t)k);
    d->end = c->l.p[k].end;
    c->l.p[k].used = 1;
}

/* ---- count first ------------------------------------------------------------ */

// If percent `q` tells the share of a count before it ("439 TCCSĐ (chiếm
// 62,62%) đạt ..."), the index of that count; else -1.
static ptrdiff_t share_owner(ctx *c, size_t q)
{
    if (q < 2 || c->l.p[q].percent == VNX_NONE)
        return -1;
    size_t noun = q - 1, owner = q - 2;
    if (c->l.p[owner].kind != VNXP_PART_QUANTITY || c->l.p[owner].used ||
        c->l.p[owner].count == VNX_NONE || noun_after(c, owner) != (ptrdiff_t)noun)
        return -1;
    return gap_is(c, c->tail_link, c->l.p[noun].end, c->l.p[q].start) &&
                   holds_at(c, c->tail_word, c->l.p[noun].end)
               ? (ptrdiff_t)owner
               : -1;
}

// Add to items[0..*k) the figures listed before items[0] that share its
// rating ("06 tập thể, 303 đảng viên ..."), each with a subject of its own.
static void take_list(ctx *c, item *items, size_t *k)
{
    while (*k < MAX_LIST) {
        size_t first = items[0].q;
        if (first < 2)
            return;
        size_t q = first - 2;
        if (c->l.p[q].kind != VNXP_PART_QUANTITY || c->l.p[q].used || c->l.p[q].count2 != VNX_NONE ||
            !is(c, (ptrdiff_t)q + 1, VNXP_PART_SUBJECT) || noun_after(c, q) != (ptrdiff_t)q + 1 ||
            !gap_is(c, c->list_sep, c->l.p[q + 1].end, c->l.p[first].start))
            return;
        memmove(items + 1, items, *k * sizeof *items);
        items[0] = (item){q, (ptrdiff_t)q + 1};
        (*k)++;
    }
}

/* What the walk back from a rating has seen. */
typedef struct walk {
    int vote;         // a vote verb between the figure and the rating
    ptrdiff_t rated;  // the subject nearest the rating, after the vote verb
    ptrdiff_t opener; // the first subject between that qualifies none ("trong chi bộ" does)
} walk;

// The figure `q` found by the walk back from rating `r`: check it can
// count the rating, and fill items[]; their number.
static size_t take_figure(ctx *c, size_t q, size_t r, const walk *w, item *items, size_t *tail)
{
    const vnxp_part *Q = &c->l.p[q], *R = &c->l.p[r];
    *tail = 0;
    ptrdiff_t owner = noun_after(c, q) < 0 ? share_owner(c, q) : -1;
    if (owner >= 0) {
        *tail = q;
        q = (size_t)owner;
        Q = &c->l.p[q];
    }
    if (Q->used || Q->count2 != VNX_NONE)
        return 0;
    ptrdiff_t noun = noun_after(c, q);
    size_t from = noun >= 0 ? c->l.p[noun].end : Q->end;
    if (noun < 0 && Q->percent == VNX_NONE)
        return 0; // a figure that counts nothing: "trong 5 năm", "năm 2023"
    size_t gap = *tail ? c->l.p[*tail].end : from;
    int limit = w->vote ? MAX_VOTE_WORDS : noun < 0 ? MAX_PERCENT_WORDS : MAX_FILLER_WORDS;
    if (words_between(c, gap, R->start) > limit)
        return 0;
    if (noun < 0 && !w->vote && !gap_is(c, c->percent_link, gap, R->start))
        return 0; // "đạt 100% kế hoạch và hoàn thành ..."
    if (!w->vote && w->opener >= 0 && last_comma(c, gap, R->start) < c->l.p[w->opener].start)
        return 0; // "có 25 đảng viên, năm qua chi bộ hoàn thành ...": a clause of its own
    items[0] = (item){q, noun};
    size_t k = 1;
    if (!*tail)
        take_list(c, items, &k);
    return k;
}

// Walk back from rating `r` to the figure that counts it; the items of
// the statement (0: none), the vote seen, and a percent the figure holds.
static size_t count_first(ctx *c, size_t r, walk *w, item *items, size_t *tail)
{
    const vnxp_part *R = &c->l.p[r];
    *w = (walk){0, -1, -1};
    size_t floor = r > MAX_LOOK_PARTS ? r - MAX_LOOK_PARTS : 0;
    for (size_t i = r; i-- > floor;) {
        const vnxp_part *P = &c->l.p[i];
        if (crosses_clause(c, P->end, R->start))
            return 0;
        switch (P->kind) {
        case VNXP_PART_QUANTITY:
            return take_figure(c, i, r, w, items, tail);
        case VNXP_PART_SUBJECT:
            if (is_counted(c, i))
                break;
            if (w->rated < 0 && !w->vote)
                w->rated = (ptrdiff_t)i;
            if (!holds_at(c, c->qualified, P->start) && w->opener < 0)
                w->opener = (ptrdiff_t)i;
            break;
        case VNXP_PART_VOTE:
            w->vote = 1;
            break;
        case VNXP_PART_ATTEND:
            if (!w->vote)
                return 0; // "25 đảng viên tham dự ...": those who came
            break;
        case VNXP_PART_UNIT:
        case VNXP_PART_BALLOT:
            break;
        default: // another rating, "tỷ lệ", "trong đó", a target
            return 0;
        }
    }
    return 0;
}

// Whether "trở lên" stands between `from` and `to` ("95% trở lên hoàn thành").
static int or_above_between(const ctx *c, size_t from, size_t to)
{
    static const char OR_ABOVE[] = "trở lên";
    const char *s = c->l.m->text->s;
    for (size_t i = from; i + sizeof OR_ABOVE - 1 <= to; i++)
        if (memcmp(s + i, OR_ABOVE, sizeof OR_ABOVE - 1) == 0)
            return 1;
    return 0;
}

// The tallies of a count-first statement.
static void emit_count_first(ctx *c, size_t r, const walk *w, const item *items, size_t k,
                             size_t tail)
{
    const vnxp_part *R = &c->l.p[r];
    for (size_t j = 0; j < k && !c->l.failed; j++) {
        vnxp_part *Q = &c->l.p[items[j].q];
        ptrdiff_t noun = items[j].noun;
        draft d = {Q->count, Q->total, Q->percent, NULL, rating_of(c, R), R->or_above,
                   Q->start, R->end};
        if (j + 1 == k) { // the figure nearest the rating: a vote's subject is the one rated
            int voters = w->vote || is(c, noun, VNXP_PART_BALLOT);
            if (w->rated >= 0 && voters)
                d.subject = c->l.p[w->rated].value;
        }
        if (!d.subject && is(c, noun, VNXP_PART_SUBJECT))
            d.subject = c->l.p[noun].value;
        if (!d.subject)
            d.subject = subject_from_context(c, items[j].q);
        size_t before_rating = tail ? c->l.p[tail].end : (noun >= 0 ? c->l.p[noun].end : Q->end);
        d.or_above |= or_above_between(c, before_rating, R->start);
        if (tail && j + 1 == k) {
            d.percent = c->l.p[tail].percent;
            c->l.p[tail].used = 1;
        }
        if (k == 1 && d.count != VNX_NONE)
            take_tail(c, r, &d);
        Q->used = 1;
        emit(c, &d);
    }
}

/* ---- rating first ----------------------------------------------------------- */

// The scope's total and subject for a tally of `subject` at `at`.
static int in_scope(const ctx *c, size_t at)
{
    return c->has_scope && at >= c->scope_end && !crosses_paragraph(c, c->scope_end, at);
}

// The tallies of a breakdown after a figure: "35 (có 07 đảng bộ và 28 chi
// bộ)", each part with the rating. On one, *last becomes its last part
// and *end the end of its ')'.
static void take_breakdown(ctx *c, size_t *last, size_t *end, const vnxp_part *R)
{
    size_t k = *last + 1;
    if (k >= c->l.n || c->l.p[k].kind != VNXP_PART_QUANTITY ||
        !gap_is(c, c->breakdown_open, *end, c->l.p[k].start))
        return;
    item items[MAX_LIST];
    size_t n = 0, prev_end = *end;
    while (n < MAX_LIST && k + 1 < c->l.n && c->l.p[k].kind == VNXP_PART_QUANTITY &&
           !c->l.p[k].used && subject_of(c, k) &&
           (n == 0 || gap_is(c, c->list_sep, prev_end, c->l.p[k].start))) {
        items[n++] = (item){k, (ptrdiff_t)k + 1};
        prev_end = c->l.p[k + 1].end;
        k += 2;
    }
    const char *s = c->l.m->text->s;
    size_t close = prev_end;
    while (close < c->l.m->text->len && (s[close] == ' ' || s[close] == '\t'))
        close++;
    if (n == 0 || close >= c->l.m->text->len || s[close] != ')')
        return;
    for (size_t j = 0; j < n && !c->l.failed; j++) {
        vnxp_part *Q = &c->l.p[items[j].q];
        draft d = {Q->count, Q->total, VNX_NONE, c->l.p[items[j].noun].value, rating_of(c, R),
                   R->or_above, Q->start, c->l.p[items[j].noun].end};
        Q->used = 1;
        emit(c, &d);
    }
    *last = (size_t)items[n - 1].noun;
    *end = close + 1;
}

// The figure after rating `r` and what links them, checked; its index,
// or -1.
static ptrdiff_t figure_after(ctx *c, size_t r)
{
    const vnxp_part *R = &c->l.p[r];
    size_t k = next_skipping_rate(c, r);
    if (k >= c->l.n || c->l.p[k].kind != VNXP_PART_QUANTITY || c->l.p[k].used ||
        c->l.p[k].count2 != VNX_NONE || crosses_clause(c, R->end, c->l.p[k].start) ||
        !gap_is(c, c->rating_link, R->end, c->l.p[k].start))
        return -1;
    const vnxp_part *Q = &c->l.p[k];
    ptrdiff_t noun = noun_after(c, k);
    if (Q->count == VNX_NONE && share_of(c, k) == VNX_NONE)
        return -1;
    if (noun < 0 && (!holds_at(c, c->bare_end, Q->end) ||
                     (Q->percent == VNX_NONE && looks_like_year(c, Q))))
        return -1; // "hoàn thành nhiệm vụ 6 tháng đầu năm", "(2019, 2020)"
    return (ptrdiff_t)k;
}

// A rating-first statement: "Hoàn thành tốt nhiệm vụ: 31 đồng chí (chiếm
// 72,1%)", "Đảng viên hoàn thành nhiệm vụ 12,7%", "... đạt từ 83,3% đến 85,6%".
static void rating_first(ctx *c, size_t r)
{
    const vnxp_part *R = &c->l.p[r];
    ptrdiff_t k = figure_after(c, r);
    if (k < 0)
        return;
    vnxp_part *Q = &c->l.p[k];
    ptrdiff_t noun = noun_after(c, (size_t)k);
    draft d = {Q->count, Q->total, share_of(c, (size_t)k), NULL, rating_of(c, R), R->or_above,
               R->start, noun >= 0 ? c->l.p[noun].end : Q->end};
    if (Q->count != VNX_NONE && Q->percent == VNX_NONE)
        d.percent = VNX_NONE; // a count after "tỷ lệ" of a count: "tỷ lệ ... là 15 đảng viên"
    if (d.count == VNX_NONE && d.percent == VNX_NONE)
        return;
    int scoped = in_scope(c, R->start);
    if (is(c, noun, VNXP_PART_SUBJECT))
        d.subject = c->l.p[noun].value;
    if (!d.subject && (d.subject = subject_of_rating(c, r)) != NULL)
        d.start = c->l.p[r - 1].kind == VNXP_PART_SUBJECT ? c->l.p[r - 1].start : d.start;
    if (!d.subject && scoped)
        d.subject = c->scope_subject;
    if (!d.subject)
        d.subject = subject_from_context(c, r);
    if (d.total == VNX_NONE && scoped && same_str(d.subject, c->scope_subject))
        d.total = c->scope_total;
    Q->used = 1;
    size_t last = noun >= 0 ? (size_t)noun : (size_t)k;
    draft upper = d;
    take_breakdown(c, &last, &d.end, R);
    take_tail(c, last, &d);
    emit(c, &d);
    if (Q->percent2 != VNX_NONE) { // "từ 83,3% đến 85,6%": one tally per end
        upper.percent = Q->percent2;
        emit(c, &upper);
    }
}

/* ---- scopes, targets, "tương ứng" ------------------------------------------ */

// "có 51/51 tổ chức được đánh giá, xếp loại, trong đó:" at part `s`: the
// figure is the total of the tallies after it, and its subject theirs.
static void take_scope(ctx *c, size_t s)
{
    const vnxp_part *S = &c->l.p[s];
    size_t floor = s > MAX_LOOK_PARTS ? s - MAX_LOOK_PARTS : 0;
    for (size_t i = s; i-- > floor;) {
        vnxp_part *P = &c->l.p[i];
        if (crosses_sentence(c, P->end, S->start) || P->kind == VNXP_PART_RATING ||
            words_between(c, P->end, S->start) > MAX_SCOPE_WORDS)
            return;
        if (P->kind != VNXP_PART_QUANTITY || P->count == VNX_NONE)
            continue; // "..., đạt 100%; trong đó"
        if (P->used || !vnxp_link_found_before(&c->l, c->rated, P->end, S->start))
            return;
        const char *subject = subject_of(c, i);
        c->has_scope = 1;
        c->scope_total = P->count;
        c->scope_subject = subject ? subject : subject_before(c, i);
        c->scope_end = S->end;
        P->used = 1;
        return;
    }
}

static int after_target(const ctx *c, size_t at)
{
    return c->has_target && !crosses_sentence(c, c->target_at, at);
}

// "tương ứng là 79,85% và 17%": the k percents go, in order, to the
// ratings and subjects of the last k tallies of the paragraph.
static void take_respectively(ctx *c, size_t i)
{
    const vnxp_part *P = &c->l.p[i];
    vnx_result *res = c->l.m->result;
    size_t k = (size_t)P->nshares;
    if (k == 0 || k > res->ntallies || !c->has_prev || crosses_paragraph(c, c->prev_end, P->start))
        return;
    size_t first = res->ntallies - k;
    for (size_t j = 0; j < k && !c->l.failed; j++) {
        const vnx_tally *src = &res->tallies[first + j];
        if (P->shares[j] > 100)
            continue;
        // Borrowed from the result, whose array emit() may move: the
        // strings themselves stay where they are.
        draft d = {VNX_NONE, VNX_NONE, P->shares[j], src->subject, src->rating, 0, P->start,
                   P->end};
        emit(c, &d);
    }
}

/* ---- the walk ---------------------------------------------------------------- */

static void take_rating(ctx *c, size_t r)
{
    walk w;
    item items[MAX_LIST];
    size_t tail = 0;
    size_t k = count_first(c, r, &w, items, &tail);
    if (k > 0)
        emit_count_first(c, r, &w, items, k, tail);
    else
        rating_first(c, r);
}

// Find the helpers of tallies.pcre.
static int find_helpers(ctx *c)
{
    static const char *const NAMES[] = {"_before_noun",  "_rating_link",     "_bare_end",
                                        "_tail_link",    "_tail_word",       "_percent_link",
                                        "_list_sep",     "_breakdown_open",  "_rated",
                                        "_qualified"};
    const vnxp_pattern **const slots[] = {&c->before_noun,  &c->rating_link,    &c->bare_end,
                                          &c->tail_link,    &c->tail_word,      &c->percent_link,
                                          &c->list_sep,     &c->breakdown_open, &c->rated,
                                          &c->qualified};
    return vnxp_link_helpers(&c->l, "tallies", NAMES, slots, sizeof NAMES / sizeof *NAMES);
}

// Link the parts into tallies, in text order.
static void assemble(ctx *c)
{
    for (size_t i = 0; i < c->l.n && !c->l.failed; i++) {
        const vnxp_part *P = &c->l.p[i];
        switch (P->kind) {
        case VNXP_PART_TARGET:
            c->has_target = 1;
            c->target_at = P->start;
            break;
        case VNXP_PART_SCOPE:
            take_scope(c, i);
            break;
        case VNXP_PART_RESPECTIVELY:
            if (!after_target(c, P->start))
                take_respectively(c, i);
            break;
        case VNXP_PART_RATING:
            if (!after_target(c, P->start))
                take_rating(c, i);
            break;
        default:
            break;
        }
    }
}

int vnxp_extract_tallies(vnxp_matcher *m, vnx_error *err)
{
    vnxp_parts parts = {0};
    int rc = vnxp_find_parts(m, "tallies", &parts, err);
    if (rc != VNX_OK || parts.n == 0) {
        vnxp_parts_free(&parts);
        return rc;
    }
    ctx c = {0};
    rc = vnxp_linker_init(&c.l, m, &parts, err);
    if (rc == VNX_OK && (rc = find_helpers(&c)) == VNX_OK) {
        assemble(&c);
        if (c.l.failed)
            rc = err && err->code ? err->code : VNX_ERR_NOMEM;
    }
    vnxp_seen_free(&c.seen);
    vnxp_linker_free(&c.l);
    vnxp_parts_free(&parts);
    return rc;
}
