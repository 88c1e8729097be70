/**
 * assemble/attendance.c: link the parts that attendance.pcre finds into
 * figures of those who took part (SPEC.md, "attendance").
 *
 * A figure of people (a count or share before whom it counts: "22/22 đ/c",
 * "gần 200 cán bộ") is attendance when a word of taking part goes with it:
 *   after it     "186 đảng viên tham dự", "34 đảng viên trong chi bộ đã có
 *                mặt" (at most a few words between, in the clause); figures
 *                listed before the verb add up ("22 đảng viên chính thức và
 *                02 đảng viên dự bị tham dự");
 *   before it    "sự tham gia của đồng chí Bí thư và 16/16 đồng chí đảng
 *                viên"; a sentence that opens with the verb ("Dự Đại hội có
 *                ... và 80 đảng viên", "Tham dự hội nghị có 155 cán bộ");
 *                a verb, a meeting or class ("khai giảng lớp bồi dưỡng ...
 *                cho 205 quần chúng") or a cue ("do đồng chí X chủ trì và có
 *                70 đồng chí") with "có", "là", "gồm", "cho", "với", "cùng",
 *                "và" right before the figure;
 *   a figure without whom it counts after "số đảng viên dự họp" ("Tổng số
 *   đảng viên dự họp 11/11");
 *   "cùng 27 đồng chí ..." after a word of taking part in the paragraph.
 * Not attendance: a figure in a vote ("21/21 đồng chí dự họp nhất trí
 * ..."), after "trong đó" (a breakdown), or next to a word of election,
 * result, award or absence ("bầu 03 đại biểu đi dự", "46/46 học viên đạt
 * yêu cầu"). A percent linked to the figure joins it ("..., đạt tỷ lệ
 * 96,2%"). One of repeats is kept.
 *
 * Each figure looks at a bounded number of parts around it: linear.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

enum {
    MAX_VERB_WORDS = 10,     // between whom a figure counts and the verb after it
    MAX_PRESENCE_WORDS = 14, // between "sự tham gia của" or a verb and the figure after it
    MAX_GATHERING_WORDS = 16, // between a meeting or class and the figure after it
    MAX_CUE_WORDS = 20,      // between a cue and the figure after it
    STOP_WORDS_AFTER = 4,    // how far after a figure a stop word makes it none
    HEAD_WORDS = 3,          // a verb this near its sentence's start opens it
    MAX_LOOK_PARTS = 24,     // how many parts a figure looks back over
    MAX_LIST = 8,            // figures that add up
    MAX_ASIDE_BYTES = 120,   // an aside in brackets after a figure
};

typedef struct ctx {
    vnxp_linker l;
    vnxp_seen seen; // the figures stored, for repeats
    const vnxp_pattern *before_noun, *figure_lead, *comma_lead, *composition, *guest_lead,
        *stop_gap, *noun_sep, *list_sep, *verb_lead, *tail_link;
    // The last word of taking part, cue or meeting, for "cùng 27 đồng chí ...".
    int has_presence;
    size_t presence_end;
    // The last figure stored, for a breakdown of it ("... có 324 đại biểu là nữ").
    int has_last;
    long long last_present;
    size_t last_end;
} ctx;

/* A figure before it is stored. */
typedef struct draft {
    long long present, total;
    double percent;
    int approximate;
    size_t start, end;
} draft;

static ptrdiff_t noun_after(ctx *c, size_t q)
{
    return vnxp_link_noun_after(&c->l, c->before_noun, q, 1u << VNXP_PART_ATTENDEE);
}

static int words(const ctx *c, size_t from, size_t to)
{
    return vnxp_link_words(&c->l, from, to);
}

// How far before a figure its lead words ("cùng với toàn thể") may begin.
enum { LEAD_BYTES = 48 };

// Whether helper `lead` ends right before figure `q`.
static int led_by(ctx *c, const vnxp_pattern *lead, size_t q)
{
    size_t at = c->l.p[q].start;
    return vnxp_link_found_before(&c->l, lead, at > LEAD_BYTES ? at - LEAD_BYTES : 0, at);
}

/* ---- what a figure may not be --------------------------------------------- */

static int is_stop(const vnxp_part *P, const char *value)
{
    return P->kind == VNXP_PART_STOP && P->value && strcmp(P->value, value) == 0;
}

// Whether a stop word or a vote stands right before figure `q` ("bầu 03
// đại biểu", "tặng hoa cho 12 giáo viên", "sự nhất trí của 100% đảng viên").
static int stopped_before(ctx *c, size_t q)
{
    const vnxp_part *Q = &c->l.p[q];
    for (size_t k = q; k-- > 0 && q - k <= 3;) {
        const vnxp_part *P = &c->l.p[k];
        if (vnxp_link_crosses_clause(&c->l, P->end, Q->start) || words(c, P->end, Q->start) > 3)
            break;
        if ((P->kind == VNXP_PART_STOP || P->kind == VNXP_PART_VOTE) &&
            vnxp_link_gap_is(&c->l, c->stop_gap, P->end, Q->start) &&
            (!is_stop(P, "adjacent") || words(c, P->end, Q->start) == 0))
            return 1;
    }
    return 0;
}

// Whether a vote follows `end` in its clause ("21/21 đồng chí dự họp nhất
// trí ..."), or a stop word soon after it ("46/46 học viên đạt yêu cầu",
// "53 đại biểu được triệu tập"). A stop word after a comma or '(', or
// right before a figure, is the next figure's ("..., vắng 2 đồng chí",
// "(vắng 02 đồng chí)"); one of an election or one marked "before" stops
// only what follows it ("95 đại biểu được bầu chọn từ ...", "60 đại biểu
// đại diện cho 400 hội viên").
static int stopped_after(const ctx *c, size_t q, size_t end)
{
    for (size_t k = q + 1; k < c->l.n && k - q <= 6; k++) {
        const vnxp_part *P = &c->l.p[k];
        if (P->start < end)
            continue;
        if (vnxp_link_crosses_clause(&c->l, end, P->start) || P->kind == VNXP_PART_QUANTITY)
            break;
        if (P->kind == VNXP_PART_VOTE)
            return 1;
        const char *gap = c->l.m->text->s + end;
        size_t n = P->start - end;
        int next_figure = vnxp_link_is(&c->l, (ptrdiff_t)k + 1, VNXP_PART_QUANTITY) &&
                          words(c, P->end, c->l.p[k + 1].start) == 0;
        if (P->kind == VNXP_PART_STOP && !is_stop(P, "sentence") && !is_stop(P, "before") &&
            words(c, end, P->start) <= STOP_WORDS_AFTER && !memchr(gap, ',', n) &&
            !memchr(gap, '(', n) && !next_figure)
            return 1;
    }
    return 0;
}

// Whether a stop word of an election stands earlier in the sentence of
// figure `q` ("hiệp thương 896 anh, chị ..., 237 người vào đoàn đại biểu dự
// Đại hội").
static int stopped_in_sentence(const ctx *c, size_t q)
{
    const vnxp_part *Q = &c->l.p[q];
    for (size_t k = q; k-- > 0 && q - k <= MAX_LOOK_PARTS;) {
        const vnxp_part *P = &c->l.p[k];
        if (vnxp_link_crosses_sentence(&c->l, P->end, Q->start))
            break;
        if (is_stop(P, "sentence"))
            return 1;
    }
    return 0;
}

/* ---- storing -------------------------------------------------------------- */

// Whether the result holds this figure already: 1 yes, 0 no (it is now
// recorded), -1 out of memory. A share without a count is known by it.
static int is_repeat(ctx *c, const draft *d)
{
    char key[96];
    snprintf(key, sizeof key, "%lld|%lld|%.9g", d->present, d->total,
             d->present == VNX_NONE ? d->percent : 0.0);
    int added = vnxp_seen_add(&c->seen, key);
    return added < 0 ? -1 : !added;
}

static void emit(ctx *c, const draft *d)
{
    if (c->l.failed || (d->present == VNX_NONE && d->percent == VNX_NONE) || d->present == 0)
        return;
    int repeat = is_repeat(c, d);
    if (repeat > 0)
        return;
    if (repeat < 0) {
        c->l.failed = 1;
        vnxp_fail(c->l.err, VNX_ERR_NOMEM, "out of memory");
        return;
    }
    c->has_last = 1;
    c->last_present = d->present;
    c->last_end = d->end;
    vnx_attendance *a = vnxp_result_add_attendance(c->l.m->result);
    if (!a) {
        c->l.failed = 1;
        vnxp_fail(c->l.err, VNX_ERR_NOMEM, "out of memory");
        return;
    }
    a->present = d->present;
    a->total = d->total;
    a->percent = d->percent;
    a->approximate = d->approximate;
    a->span = vnxp_input_span(c->l.m, d->start, d->end);
    a->text = vnxp_hit_text(c->l.m, d->start, d->end);
    if (!a->text) {
        c->l.failed = 1;
        vnxp_fail(c->l.err, VNX_ERR_NOMEM, "out of memory");
    }
}

// Where the text after `end` goes on past an aside in brackets right
// after it ("18/19 đảng viên (01 đồng chí vắng có lý do), đạt 94,7%"), or
// `end` when none follows.
static size_t past_aside(const ctx *c, size_t end)
{
    const vnxp_text *t = c->l.m->text;
    size_t i = end;
    while (i < t->len && (t->s[i] == ' ' || t->s[i] == '\t'))
        i++;
    if (i >= t->len || t->s[i] != '(')
        return end;
    const char *close = memchr(t->s + i, ')', t->len - i < MAX_ASIDE_BYTES ? t->len - i
                                                                          : MAX_ASIDE_BYTES);
    return close && !memchr(t->s + i, '\n', (size_t)(close - (t->s + i)))
               ? (size_t)(close - t->s) + 1
               : end;
}

// The percent after `d->end` (the first figure from part `k` on, past an
// aside, whose figures are the figure's own breakdown) that goes with the
// figure: ", đạt tỷ lệ 96,2%", "(09/09 đảng viên, 100%)", "(01 đồng chí
// vắng có lý do), đạt tỷ lệ 94,7%".
static void take_tail(ctx *c, size_t k, draft *d)
{
    size_t from = d->end, after = past_aside(c, d->end);
    if (after > from) {
        // The aside speaks of the figure ("01 đồng chí đi công tác"): no figure of its own.
        for (; k < c->l.n && c->l.p[k].start < after; k++)
            c->l.p[k].used = 1;
        from = after;
    }
    while (k < c->l.n && c->l.p[k].kind == VNXP_PART_ATTENDEE)
        k++;
    if (d->percent != VNX_NONE || k >= c->l.n)
        return;
    vnxp_part *P = &c->l.p[k];
    if (P->kind != VNXP_PART_QUANTITY || P->used || P->percent == VNX_NONE ||
        P->count != VNX_NONE || noun_after(c, k) >= 0 ||
        vnxp_link_crosses_clause(&c->l, from, P->start) ||
        !vnxp_link_gap_is(&c->l, c->tail_link, from, P->start))
        return;
    d->percent = P->percent;
    d->end = P->end;
    P->used = 1;
}

/* ---- a figure, then a word of taking part -------------------------------- */

// The figures listed from `q` on that add up ("22 đảng viên chính thức và
// 02 đảng viên dự bị"); their number in *n, the last one's noun returned.
static size_t list_from(ctx *c, size_t q, size_t *items, size_t *n)
{
    size_t noun = (size_t)noun_after(c, q);
    items[0] = q;
    *n = 1;
    while (*n < MAX_LIST && noun + 2 < c->l.n && c->l.p[noun + 1].kind == VNXP_PART_QUANTITY &&
           !c->l.p[noun + 1].used && c->l.p[noun + 1].count != VNX_NONE &&
           noun_after(c, noun + 1) == (ptrdiff_t)noun + 2 &&
           vnxp_link_gap_is(&c->l, c->list_sep, c->l.p[noun].end, c->l.p[noun + 1].start)) {
        items[(*n)++] = noun + 1;
        noun += 2;
    }
    return noun;
}

// "186 đảng viên tham dự": figure `q` (with whom it counts) and the word
// of taking part after it. 1 when taken.
static int figure_then_verb(ctx *c, size_t q)
{
    size_t items[MAX_LIST], n;
    size_t noun = list_from(c, q, items, &n);
    size_t from = c->l.p[noun].end, k = noun + 1;
    for (; k < c->l.n; k++) {
        const vnxp_part *P = &c->l.p[k];
        if (P->kind == VNXP_PART_ATTENDEE && vnxp_link_gap_is(&c->l, c->noun_sep, from, P->start))
            from = P->end; // "89 đoàn viên, sinh viên ưu tú tham gia ..."
        else if (P->kind != VNXP_PART_ATTENDEE && !is_stop(P, "summoned"))
            break; // "... được triệu tập có mặt"
    }
    if (k >= c->l.n || c->l.p[k].kind != VNXP_PART_PRESENCE)
        return 0;
    const vnxp_part *V = &c->l.p[k];
    if (vnxp_link_crosses_clause(&c->l, from, V->start) ||
        words(c, from, V->start) > MAX_VERB_WORDS ||
        !vnxp_link_gap_is(&c->l, c->verb_lead, from, V->start) || stopped_before(c, q) ||
        stopped_in_sentence(c, q) || stopped_after(c, k, V->end))
        return 0;
    draft d = {0, VNX_NONE, VNX_NONE, 0, c->l.p[q].start, V->end};
    for (size_t i = 0; i < n; i++) {
        vnxp_part *Q = &c->l.p[items[i]];
        if (Q->count == VNX_NONE && n > 1)
            return 0;
        d.present = Q->count == VNX_NONE ? VNX_NONE : d.present + Q->count;
        d.percent = Q->percent;
        d.approximate |= Q->approx;
        Q->used = 1;
    }
    if (n == 1)
        d.total = c->l.p[q].total;
    take_tail(c, k + 1, &d);
    emit(c, &d);
    return 1;
}

/* ---- a word of taking part, then a figure -------------------------------- */

// Whether the figure whose noun is part `noun` breaks down the one stored
// before it in the paragraph ("Đại hội có 1.400 đại biểu ... có 324 đại
// biểu là nữ").
static int breaks_down_last(ctx *c, size_t noun)
{
    const vnxp_part *Q = &c->l.p[noun - 1];
    return c->has_last && Q->count != VNX_NONE && c->last_present != VNX_NONE &&
           Q->count < c->last_present &&
           !vnxp_link_crosses_paragraph(&c->l, c->last_end, Q->start) &&
           vnxp_link_holds_at(&c->l, c->composition, c->l.p[noun].end);
}

// Whether part `k` is within HEAD_WORDS words of its sentence's start.
static int opens_sentence(const ctx *c, size_t k)
{
    const vnxp_positions *v = &c->l.breaks->sentence_ends;
    size_t at = c->l.p[k].start, e = vnxp_positions_count_before(v, at);
    size_t start = e ? v->at[e - 1] + 1 : 0;
    return words(c, start, at) <= HEAD_WORDS;
}

// Whether a comma stands in [from, to).
static int has_comma(const ctx *c, size_t from, size_t to)
{
    return to > from && memchr(c->l.m->text->s + from, ',', to - from) != NULL;
}

// Whether part `k`, found walking back from figure `q`, introduces it.
static int introduces(ctx *c, size_t k, size_t q, int lead)
{
    const vnxp_part *P = &c->l.p[k];
    int gap = words(c, P->end, c->l.p[q].start);
    if (P->kind == VNXP_PART_GATHERING && has_comma(c, P->end, c->l.p[q].start))
        lead = led_by(c, c->comma_lead, q);
    switch (P->kind) {
    case VNXP_PART_PRESENCE_OF:
        return gap <= MAX_PRESENCE_WORDS;
    case VNXP_PART_PRESENCE: // "có mặt 20 đồng chí", "Dự họp có 09/10 ..."
        return gap == 0 || (lead && (opens_sentence(c, k) || gap <= MAX_PRESENCE_WORDS));
    case VNXP_PART_GATHERING: // not classes counted: "tổ chức 4 lớp bồi dưỡng cho ..."
        return lead && gap <= MAX_GATHERING_WORDS &&
               !(k > 0 && c->l.p[k - 1].kind == VNXP_PART_QUANTITY &&
                 words(c, c->l.p[k - 1].end, P->start) == 0);
    case VNXP_PART_CUE: // "chủ trì và có 70 đồng chí", "thu hút 32 giáo viên"
        return gap == 0 || (lead && gap <= MAX_CUE_WORDS);
    default:
        return 0;
    }
}

// "Tham dự hội nghị có 155 cán bộ", "sự có mặt của 30/30 đảng viên",
// "khai giảng lớp ... cho 205 quần chúng": walk back from figure `q` to
// what introduces it in its sentence. 1 when taken.
static int verb_then_figure(ctx *c, size_t q)
{
    vnxp_part *Q = &c->l.p[q];
    ptrdiff_t noun = noun_after(c, q);
    int lead = led_by(c, c->figure_lead, q);
    size_t floor = q > MAX_LOOK_PARTS ? q - MAX_LOOK_PARTS : 0;
    for (size_t k = q; k-- > floor;) {
        const vnxp_part *P = &c->l.p[k];
        if (vnxp_link_crosses_sentence(&c->l, P->end, Q->start))
            return 0;
        if ((P->kind == VNXP_PART_STOP && P->value && strcmp(P->value, "sentence") == 0) ||
            P->kind == VNXP_PART_SCOPE || P->kind == VNXP_PART_VOTE)
            return 0; // "Đại hội bầu Ban Chấp hành gồm 05 đồng chí", "trong đó ..."
        if (!introduces(c, k, q, lead))
            continue;
        if (stopped_before(c, q) || stopped_after(c, q, c->l.p[noun].end) ||
            breaks_down_last(c, (size_t)noun))
            return 0;
        // The text from the introducing words when they are near, else from the figure.
        size_t start = words(c, P->end, Q->start) <= MAX_VERB_WORDS ? P->start : Q->start;
        draft d = {Q->count, Q->total, Q->percent, Q->approx, start, c->l.p[noun].end};
        Q->used = 1;
        take_tail(c, (size_t)noun + 1, &d);
        emit(c, &d);
        return 1;
    }
    return 0;
}

// "Tổng số đảng viên dự họp 11/11, đạt tỷ lệ 100%": a figure right after
// "số <who> <verb>", counting them. 1 when taken.
static int count_of_those_present(ctx *c, size_t q)
{
    vnxp_part *Q = &c->l.p[q];
    if (q < 2 || Q->count == VNX_NONE)
        return 0;
    const vnxp_part *V = &c->l.p[q - 1], *W = &c->l.p[q - 2];
    if (V->kind != VNXP_PART_PRESENCE || W->kind != VNXP_PART_ATTENDEE ||
        vnxp_link_crosses_clause(&c->l, W->end, Q->start) || words(c, W->end, V->start) > 3 ||
        (words(c, V->end, Q->start) > 0 && !led_by(c, c->figure_lead, q)) ||
        (Q->total == VNX_NONE && Q->end - Q->start == 4 && Q->count >= 1900 && Q->count < 2100))
        return 0; // not "tham gia học tập chuyên đề 2022"
    draft d = {Q->count, Q->total, VNX_NONE, Q->approx, W->start, Q->end};
    Q->used = 1;
    take_tail(c, q + 1, &d);
    emit(c, &d);
    return 1;
}

// "Về dự có ... , cùng 19 đồng chí đảng viên trong chi bộ": those who came
// with the guests, after a word of taking part in the paragraph. 1 when
// taken.
static int with_the_guests(ctx *c, size_t q)
{
    vnxp_part *Q = &c->l.p[q];
    ptrdiff_t noun = noun_after(c, q);
    if (!c->has_presence || vnxp_link_crosses_paragraph(&c->l, c->presence_end, Q->start) ||
        !led_by(c, c->guest_lead, q) || stopped_before(c, q) ||
        stopped_after(c, q, c->l.p[noun].end))
        return 0;
    draft d = {Q->count, Q->total, Q->percent, Q->approx, Q->start, c->l.p[noun].end};
    Q->used = 1;
    take_tail(c, (size_t)noun + 1, &d);
    emit(c, &d);
    return 1;
}

/* ---- the walk ---------------------------------------------------------------- */

static void take_figure(ctx *c, size_t q)
{
    if (c->l.p[q].used || c->l.p[q].count2 != VNX_NONE)
        return;
    if (noun_after(c, q) < 0) {
        count_of_those_present(c, q);
        return;
    }
    if (!figure_then_verb(c, q) && !verb_then_figure(c, q))
        with_the_guests(c, q);
}

static int find_helpers(ctx *c)
{
    static const char *const NAMES[] = {"_before_noun", "_figure_lead", "_comma_lead",
                                        "_composition", "_guest_lead",  "_stop_gap",
                                        "_noun_sep",    "_list_sep",    "_verb_lead",
                                        "_tail_link"};
    const vnxp_pattern **const slots[] = {&c->before_noun, &c->figure_lead, &c->comma_lead,
                                          &c->composition, &c->guest_lead,  &c->stop_gap,
                                          &c->noun_sep,    &c->list_sep,    &c->verb_lead,
                                          &c->tail_link};
    return vnxp_link_helpers(&c->l, "attendance", NAMES, slots, sizeof NAMES / sizeof *NAMES);
}

static void assemble(ctx *c)
{
    for (size_t i = 0; i < c->l.n && !c->l.failed; i++) {
        const vnxp_part *P = &c->l.p[i];
        switch (P->kind) {
        case VNXP_PART_QUANTITY:
            take_figure(c, i);
            break;
        case VNXP_PART_PRESENCE:
        case VNXP_PART_PRESENCE_OF:
        case VNXP_PART_CUE:
        case VNXP_PART_GATHERING:
            c->has_presence = 1;
            c->presence_end = P->end;
            break;
        default:
            break;
        }
    }
}

int vnxp_extract_attendance(vnxp_matcher *m, vnx_error *err)
{
    vnxp_parts parts = {0};
    int rc = vnxp_find_parts(m, "attendance", &parts, err);
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
