/**
 * event.c: the meeting reported, the title and the byline (SPEC.md,
 * "event" and "author"; the record's "title").
 *
 * The page is read as lines. The title is the first line that is not page
 * furniture, when it reads as a headline. The meeting's date is a date the
 * dates extractor found that is neither a page's dateline nor a directive's
 * date, tied to the meeting: a verb or noun of the meeting after it in its
 * sentence ("Sáng ngày 25/6/2022, Chi bộ X tổ chức Đại hội"), else one
 * before it ("đã tổ chức lễ trao ... vào sáng 29/8"), else a paragraph that
 * opens with it. The type comes from the cues of event.pcre: a strong cue
 * of the title, else of the date's sentence (from the date on first), else
 * (with no title) of the opening paragraphs or the body's votes; then a
 * weaker cue in the same order; "khác" when none names a meeting. The byline is
 * a labelled one ("Tác giả: ..."), else a lone name near the end.
 * Runs last: it reads the dates and directives found.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

enum {
    MAX_TITLE_BYTES = 400,       // a longer first line is body text
    MAX_TITLE_SEARCH_LINES = 16, // furniture lines skipped before giving up
    MAX_HELD_DISTANCE = 300,     // bytes between a date and its verb
    MAX_HELD_SEARCH = 400,       // characters searched for the verb of a date
    MAX_ORG_SEARCH = 300,        // characters of a line searched for who held it
    DIRECTIVE_DATE_GAP = 400,    // bytes between a directive and its date
    OPENING_PARAGRAPHS = 2,      // what counts as the opening of the body
    BYLINE_TAIL_LINES = 10,      // last lines searched for a lone name
    BODY_LINE_WORDS = 12,        // a line this long is body text
    STRONG_CUE = 3, // names the meeting
    BROAD_CUE = 2,  // names a meeting that often holds one of another type
    WEAK_CUE = 1,   // an occasion or a phrase that often goes with the type
    BODY_VOTES = 2, // strong cues in the body that name a meeting no title names
    ALONE_DATE_WORDS = 3, // a date's sentence with no more words is the date alone
};

typedef vnxp_range range;

/* A cue of an event type found in the text. */
typedef struct cue {
    size_t start;
    const char *type; // borrowed from the lexicon; NULL: names no meeting
    int weight;
    int near_only; // counts in the headline and the date's sentence only
} cue;

typedef struct cues {
    cue *items;
    size_t n;
} cues;

/* What tells the meeting's date from the others, best first. */
enum tie { TIE_NONE, TIE_OPENING, TIE_HELD_BEFORE, TIE_HELD_AFTER };

/* ---- text helpers -------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// The line at `at` without its edge spaces; 0 when it is blank.
static int trimmed_line(const vnxp_text *t, size_t at, range *r)
{
    size_t s = at, e = vnxp_line_end(t, at);
    while (s < e && is_space(t->s[s]))
        s++;
    while (e > s && is_space(t->s[e - 1]))
        e--;
    r->s = s;
    r->e = e;
    return e > s;
}

// The first code point at or after `at`, and its length in *len.
static UChar32 char_at(const vnxp_text *t, size_t at, size_t *len)
{
    int32_t i = (int32_t)at, n = (int32_t)t->len;
    UChar32 c;
    U8_NEXT(t->s, i, n, c);
    *len = (size_t)i - at;
    return c;
}

// Whether [s, e) has letters and none of them lower case.
static int is_upper_case(const vnxp_text *t, size_t s, size_t e)
{
    int letters = 0;
    for (size_t i = s, len; i < e; i += len) {
        UChar32 c = char_at(t, i, &len);
        if (u_isULowercase(c))
            return 0;
        letters |= u_isalpha(c);
    }
    return letters;
}

static size_t count_words(const vnxp_text *t, size_t s, size_t e)
{
    size_t n = 0;
    for (size_t i = s; i < e; i++)
        if (!is_space(t->s[i]) && t->s[i] != '\n' &&
            (i == s || is_space(t->s[i - 1]) || t->s[i - 1] == '\n'))
            n++;
    return n;
}

/* ---- patterns ------------------------------------------------------------ */

// The first match of helper `name` of event.pcre that starts in
// [at, last]: 1, 0, or -1 on error.
static int search(vnxp_matcher *m, const char *name, size_t at, size_t last, vnxp_hit *h,
                  vnx_error *err)
{
    return vnxp_search(m, vnxp_pattern_find(&m->x->patterns, "event", name), at, last, h, err);
}

// Match helper `name` at `at`: 1, 0, or -1 on error.
static int match(vnxp_matcher *m, const char *name, size_t at, vnxp_hit *h, vnx_error *err)
{
    return search(m, name, at, at, h, err);
}

// Where the character `n` characters after the one at `at` starts (or the
// text's end), stopping at a newline when `in_line`.
static size_t chars_ahead(const vnxp_text *t, size_t at, size_t n, int in_line)
{
    for (; at < t->len && n > 0 && !(in_line && t->s[at] == '\n'); n--)
        do
            at++;
        while (at < t->len && ((unsigned char)t->s[at] & 0xC0) == 0x80);
    return at;
}

// Whether helper `name` matches at `at`; *end gets where it ended. -1 on error.
static int matches(vnxp_matcher *m, const char *name, size_t at, size_t *end, vnx_error *err)
{
    vnxp_hit h;
    int got = match(m, name, at, &h, err);
    if (got > 0) {
        if (end)
            *end = h.end;
        vnxp_hit_clear(&h);
    }
    return got;
}

// Whether the whole trimmed line [r) matches helper `name`.
static int line_matches(vnxp_matcher *m, const char *name, range r, vnx_error *err)
{
    size_t end;
    int got = matches(m, name, r.s, &end, err);
    return got > 0 ? end >= r.e : got;
}

static int failed(vnx_error *err)
{
    return err && err->code ? err->code : VNX_ERR_MATCH;
}

/* ---- type cues ----------------------------------------------------------- */

static int collect_cues(vnxp_matcher *m, cues *out, vnx_error *err)
{
    vnxp_hits hits = {0};
    int rc = vnxp_scan_kind(m, "event", &hits, err);
    if (rc == VNX_OK && hits.n && !(out->items = calloc(hits.n, sizeof *out->items)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    const vnxp_lexicon *types = vnxp_lexicon_find(&m->x->patterns, "event_types");
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        const char *name = hits.items[i].pattern->name;
        size_t n = strlen(name);
        int near = n > 5 && strcmp(name + n - 5, "_near") == 0;
        int weak = near || (n > 5 && strcmp(name + n - 5, "_weak") == 0);
        int broad = n > 6 && strcmp(name + n - 6, "_broad") == 0;
        cue *c = &out->items[out->n++];
        c->start = hits.items[i].start;
        c->type = vnxp_lexicon_lookup(types, name, weak ? n - 5 : broad ? n - 6 : n, m->nomem);
        c->weight = weak ? WEAK_CUE : broad ? BROAD_CUE : STRONG_CUE;
        c->near_only = near;
    }
    vnxp_hits_free(&hits);
    return rc;
}

// The type named by the strongest cue in [r) of at least `weight` (and
// not a near-only cue, unless `near`), the first among equals; NULL if none.
static const char *type_of_weight(const cues *cs, range r, int weight, int near)
{
    const cue *best = NULL;
    for (size_t i = 0; i < cs->n; i++) {
        const cue *c = &cs->items[i];
        if (c->start >= r.s && c->start < r.e && c->type && c->weight >= weight &&
            (near || !c->near_only) && (!best || c->weight > best->weight))
            best = c;
    }
    return best ? best->type : NULL;
}

// The type named by the strongest cue in [r), the first among equals.
static const char *type_in(const cues *cs, range r)
{
    return type_of_weight(cs, r, 0, 1);
}

/* ---- title --------------------------------------------------------------- */

static const char *type_in(const cues *cs, range r);

// Whether the line [r) reads as a headline rather than a sentence of the body.
static int is_headline(vnxp_matcher *m, range r, vnx_error *err)
{
    const vnxp_text *t = m->text;
    if (r.e - r.s > MAX_TITLE_BYTES)
        return 0;
    if (is_upper_case(t, r.s, r.e))
        return 1;
    int got = matches(m, "_body_opening", r.s, NULL, err);
    if (got)
        return got > 0 ? 0 : -1;
    char last = t->s[r.e - 1];
    if (last == '.' || last == ';' || last == ',')
        return 0;
    size_t end;
    got = matches(m, "_sentence_break", r.s, &end, err);
    if (got < 0)
        return -1;
    return !(got && end < r.e);
}

// Join what continues the headline: the line after one that ends in ':'
// ("Đảng bộ Khối ...:" / "Triển khai nhiệm vụ năm 2022"), the upper case
// line right under an upper case one ("ĐẠI" / "HỘI CHI BỘ ...").
static void join_title_lines(const vnxp_text *t, range *title)
{
    for (int joins = 0; joins < 2; joins++) {
        size_t next = title->e;
        while (next < t->len && t->s[next] != '\n')
            next++;
        if (next >= t->len)
            return;
        range nl;
        int colon = t->s[title->e - 1] == ':';
        size_t at = next + 1;
        while (colon && at < t->len && !trimmed_line(t, at, &nl))
            at = vnxp_line_end(t, at) + 1;
        if (at >= t->len || !trimmed_line(t, at, &nl))
            return;
        int upper = !colon && is_upper_case(t, title->s, title->e) &&
                    is_upper_case(t, nl.s, nl.e) && title->e - title->s < 40;
        if (!colon && !upper)
            return;
        title->e = nl.e;
    }
}

// Drop a timestamp that follows the headline: "... (20:11 05/01/2021)".
static int trim_title_tail(vnxp_matcher *m, range *title, vnx_error *err)
{
    for (size_t i = title->s + 1; i < title->e; i++) {
        if (m->text->s[i] != '(')
            continue;
        size_t end;
        int got = matches(m, "_title_tail", i, &end, err);
        if (got < 0)
            return -1;
        if (got && end >= title->e) {
            title->e = i;
            while (title->e > title->s && is_space(m->text->s[title->e - 1]))
                title->e--;
            return 0;
        }
    }
    return 0;
}

// The next line after `at` that is not blank, trimmed; 0 when none.
static int next_line(const vnxp_text *t, size_t at, range *r)
{
    for (at = vnxp_line_end(t, at); at < t->len; at = vnxp_line_end(t, at)) {
        at++;
        if (trimmed_line(t, at, r))
            return 1;
    }
    return 0;
}

// A section label over the headline ("Trang tuyển sinh", "Hội đồng nhân dân
// Tỉnh" / "Hội nghị Tổng kết công tác Tuyên giáo năm 2021"): when the line
// taken for the headline names no meeting and the line under it is a
// headline that does, that line is the headline. 1 when *title moved.
static int headline_below(vnxp_matcher *m, const cues *cs, range *title, vnx_error *err)
{
    range next;
    if (type_in(cs, *title) || !next_line(m->text, title->e, &next) || !type_in(cs, next))
        return 0;
    int got = line_matches(m, "_furniture", next, err);
    if (got == 0)
        got = is_headline(m, next, err);
    if (got > 0)
        *title = next;
    return got;
}

// Find the headline; *body is where the body starts (after the headline,
// or at the first line that is not furniture).
static int find_title(vnxp_matcher *m, const cues *cs, range *title, size_t *body,
                      vnx_error *err)
{
    const vnxp_text *t = m->text;
    title->s = title->e = 0;
    *body = 0;
    size_t at = 0;
    for (int lines = 0; at < t->len && lines < MAX_TITLE_SEARCH_LINES; at = vnxp_line_end(t, at) + 1) {
        range r;
        if (!trimmed_line(t, at, &r))
            continue;
        lines++;
        int got = line_matches(m, "_furniture", r, err);
        if (got < 0)
            return failed(err);
        if (got)
            continue;
        size_t lead_end;
        if ((got = matches(m, "_title_lead", r.s, &lead_end, err)) < 0)
            return failed(err);
        if (got)
            r.s = lead_end;
        *body = r.s;
        if ((got = is_headline(m, r, err)) < 0)
            return failed(err);
        if (!got)
            return VNX_OK;
        *title = r;
        join_title_lines(t, title);
        if ((got = headline_below(m, cs, title, err)) < 0)
            return failed(err);
        if (got)
            join_title_lines(t, title);
        if (trim_title_tail(m, title, err))
            return failed(err);
        *body = vnxp_line_end(t, title->e);
        return VNX_OK;
    }
    *body = at < t->len ? at : t->len;
    return VNX_OK;
}

/* ---- the meeting's date -------------------------------------------------- */

// The first directive that ends after input offset `at`. The directives
// are in text order and do not overlap (each span is a first mention, from
// hits that do not), so their ends ascend as their starts do.
static size_t directive_ending_after(const vnx_result *r, size_t at)
{
    size_t lo = 0, hi = r->ndirectives;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->directives[mid].span.end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// A directive's issue date: its value is the date of a directive cited
// just before it. Only the directives within DIRECTIVE_DATE_GAP of the date are
// looked at (a page citing thousands of documents compared every date with
// every one).
static int is_directive_date(const vnxp_matcher *m, const vnx_date *d)
{
    size_t from = d->span.start > DIRECTIVE_DATE_GAP ? d->span.start - DIRECTIVE_DATE_GAP : 0;
    for (size_t i = directive_ending_after(m->result, from);
         i < m->result->ndirectives &&
         m->result->directives[i].span.start < d->span.end + DIRECTIVE_DATE_GAP;
         i++) {
        const vnx_directive *dir = &m->result->directives[i];
        if (!dir->date || strcmp(dir->date, d->value) != 0)
            continue;
        // The date written after the number is the document's; a date
        // before it may be the day the body issued it, which is the news:
        // "Ngày 21/12/2022, Thị ủy X đã ban hành Quyết định số ...".
        if (d->span.start >= dir->span.end && d->span.start - dir->span.end < DIRECTIVE_DATE_GAP)
            return 1;
    }
    return 0;
}

// Whether the date at [s, e) is the page's own: a dateline, a date labelled
// by the page, or next to a clock time. -1 on error.
static int is_dateline(vnxp_matcher *m, const vnxp_breaks *br, size_t s, size_t e,
                       vnx_error *err)
{
    const vnxp_text *t = m->text;
    size_t digit = s;
    while (digit < e && !(t->s[digit] >= '0' && t->s[digit] <= '9'))
        digit++;
    vnxp_hit h;
    int got = match(m, "_dateline_lead", vnxp_breaks_line_start(br, s), &h, err);
    if (got < 0)
        return -1;
    if (got) {
        size_t ls, le;
        int labelled = vnxp_hit_group(&h, "label", &ls, &le) == 0 && le > ls;
        int leads = h.end >= s && h.end <= digit;
        vnxp_hit_clear(&h);
        if (leads && labelled)
            return 1;
        if (leads && (got = matches(m, "_dateline_tail", e, NULL, err)) != 0)
            return got;
    }
    if ((got = matches(m, "_clock_before", s, NULL, err)) != 0)
        return got;
    return matches(m, "_clock_after", e, NULL, err);
}

// The first word of the meeting in [from, to) and within MAX_HELD_SEARCH
// characters of `from`, or 0; *held gets its offset.
static int held_between(vnxp_matcher *m, size_t from, size_t to, size_t *held, vnx_error *err)
{
    vnxp_hit h;
    int got = search(m, "_held", from, chars_ahead(m->text, from, MAX_HELD_SEARCH, 0), &h, err);
    if (got <= 0)
        return got;
    size_t hs, he;
    int ok = vnxp_hit_group(&h, "held", &hs, &he) == 0 && hs < to;
    vnxp_hit_clear(&h);
    if (ok)
        *held = hs;
    return ok;
}

// How the date at [s, e), in sentence `sent`, is tied to the meeting. -1 on error.
static int tie_of(vnxp_matcher *m, const vnxp_breaks *br, size_t s, size_t e, range sent,
                  vnx_error *err)
{
    size_t held, end;
    int got = matches(m, "_other_lead", s, NULL, err);
    if (got)
        return got > 0 ? TIE_NONE : -1; // a batch, a birth, the end of a period
    size_t limit = e + MAX_HELD_DISTANCE < sent.e ? e + MAX_HELD_DISTANCE : sent.e;
    if ((got = held_between(m, e, limit, &held, err)) != 0)
        return got > 0 ? TIE_HELD_AFTER : -1;
    if ((got = held_between(m, sent.s, s, &held, err)) < 0)
        return -1;
    if (got && s - held <= MAX_HELD_DISTANCE) {
        if ((got = matches(m, "_meeting_lead", s, NULL, err)) != 0)
            return got > 0 ? TIE_HELD_BEFORE : -1;
    }
    if ((got = matches(m, "_opening_lead", vnxp_breaks_line_start(br, s), &end, err)) < 0)
        return -1;
    return got && end == s ? TIE_OPENING : TIE_NONE;
}

// Whether the organization that held the meeting follows the date that
// ends at `e` ("Sáng ngày 20/12/2023, Đảng bộ Trường X tổ chức"), within
// the sentence that ends at `limit`. -1 on error.
static int org_follows(vnxp_matcher *m, size_t e, size_t limit, vnx_error *err)
{
    size_t end;
    int got = matches(m, "_org_after_date", e, &end, err);
    return got > 0 ? end <= limit : got;
}

// How well the date at [s, e) in sentence `sent` stands for the meeting:
// its tie, then (for a verb after it) whether a body holding the meeting
// is its subject, not a count of cells ("06/06 chi bộ đã tổ chức"). -1 on
// error.
static int rank_of(vnxp_matcher *m, const vnxp_breaks *br, size_t s, size_t e, range sent,
                   vnx_error *err)
{
    int tie = tie_of(m, br, s, e, sent, err);
    if (tie != TIE_HELD_AFTER)
        return tie < 0 ? -1 : 2 * tie;
    int org = org_follows(m, e, sent.e, err);
    return org < 0 ? -1 : 2 * tie + org;
}

// The sentence of the date at [s, e); a date that stands alone as one
// ("Sáng ngày 22/02/2025. Chi bộ ... tổ chức Đại hội") goes with the next.
static range date_sentence(const vnxp_text *t, const vnxp_breaks *br, size_t s, size_t e)
{
    range here = vnxp_breaks_sentence_of(br, s, e);
    if (here.e + 1 < t->len && t->s[here.e] == '.' &&
        count_words(t, here.s, s) + count_words(t, e, here.e) <= ALONE_DATE_WORDS)
        here.e = vnxp_breaks_sentence_of(br, here.e + 1, here.e + 1).e;
    return here;
}

// Choose the meeting's date: the best ranked, the first among equals.
// *sent gets the date's sentence.
static int find_date(vnxp_matcher *m, const vnx_date **out, range *sent, vnx_error *err)
{
    const vnxp_text *t = m->text;
    int best = 0;
    size_t best_start = 0;
    *out = NULL;
    const vnxp_breaks *br;
    if (m->result->ndates == 0)
        return VNX_OK;
    if (vnxp_matcher_breaks(m, &br, err) != VNX_OK)
        return VNX_ERR_NOMEM;
    int rc = VNX_OK;
    for (size_t i = 0; i < m->result->ndates && rc == VNX_OK; i++) {
        const vnx_date *d = &m->result->dates[i];
        if (!d->day || is_directive_date(m, d))
            continue;
        size_t s = vnxp_text_pos(t, d->span.start), e = vnxp_text_pos(t, d->span.end);
        int got = is_dateline(m, br, s, e, err);
        if (got < 0)
            rc = failed(err);
        if (got != 0)
            continue;
        range here = date_sentence(t, br, s, e);
        int rank = rank_of(m, br, s, e, here, err);
        if (rank < 0)
            rc = failed(err);
        if (rank > best || (rank == best && rank > 0 && s < best_start)) {
            best = rank;
            best_start = s;
            *out = d;
            *sent = here;
        }
    }
    return rc;
}

/* ---- organization -------------------------------------------------------- */

static int take_org(vnxp_matcher *m, const vnxp_hit *h, char **org)
{
    size_t s, e;
    if (vnxp_hit_group(h, "org", &s, &e))
        return 0;
    *org = vnxp_hit_text(m, s, e);
    return *org ? 1 : -1;
}

// Who held the meeting: right after its date, else in the headline, the
// date's sentence or the opening. *org stays NULL when none is found.
static int find_org(vnxp_matcher *m, const vnx_date *date, range title, range sent, range opening,
                    char **org, vnx_error *err)
{
    // Right after the date (at the place), or the first one ahead in the
    // line, within MAX_ORG_SEARCH characters.
    struct {
        const char *helper;
        size_t at, limit;
        int ahead;
    } tries[] = {{"_org_after_date", 0, 0, 0},
                 {"_org_held", title.s, title.e, 1},
                 {"_org_held", sent.s, sent.e, 1},
                 {"_org_held", opening.s, opening.e, 1}};
    if (date)
        tries[0].at = vnxp_text_pos(m->text, date->span.end), tries[0].limit = sent.e;
    for (size_t i = 0; i < sizeof tries / sizeof *tries && !*org; i++) {
        if (tries[i].limit <= tries[i].at)
            continue;
        vnxp_hit h;
        size_t last = tries[i].ahead ? chars_ahead(m->text, tries[i].at, MAX_ORG_SEARCH, 1)
                                     : tries[i].at;
        int got = search(m, tries[i].helper, tries[i].at, last, &h, err);
        if (got < 0)
            return failed(err);
        if (got && h.end <= tries[i].limit && take_org(m, &h, org) < 0) {
            vnxp_hit_clear(&h);
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        }
        vnxp_hit_clear(&h);
    }
    return VNX_OK;
}

/* ---- author -------------------------------------------------------------- */

// A byline's name at [s, e): not a web address, not a number. -1 on error.
static int is_name(vnxp_matcher *m, size_t s, size_t e, vnx_error *err)
{
    if (e <= s)
        return 0;
    size_t end;
    int got = matches(m, "_not_a_name", s, &end, err);
    if (got < 0)
        return -1;
    return !(got && end <= e);
}

// A labelled byline on the line at `at`: 1 with *name set, 0, -1 on error.
static int labelled_byline(vnxp_matcher *m, size_t at, range *name, vnx_error *err)
{
    const vnxp_text *t = m->text;
    vnxp_hit h;
    int got = match(m, "_byline", at, &h, err);
    if (got <= 0)
        return got;
    size_t s = 0, e = 0;
    vnxp_hit_group(&h, "name", &s, &e);
    size_t whole_end = h.end;
    vnxp_hit_clear(&h);
    if (e <= s && whole_end == vnxp_line_end(t, at)) {
        // "Thực hiện:" with the name on the next line
        size_t next = vnxp_line_end(t, at) + 1;
        range r;
        while (next < t->len && !trimmed_line(t, next, &r))
            next = vnxp_line_end(t, next) + 1;
        if (next >= t->len)
            return 0;
        if ((got = match(m, "_lone_name", next, &h, err)) <= 0)
            return got;
        vnxp_hit_group(&h, "name", &s, &e);
        vnxp_hit_clear(&h);
    }
    if ((got = is_name(m, s, e, err)) <= 0)
        return got;
    name->s = s;
    name->e = e;
    return 1;
}

// A lone name among the last lines, above furniture and captions, below the
// last paragraph of the body.
static int lone_name_at_end(vnxp_matcher *m, range *name, vnx_error *err)
{
    const vnxp_text *t = m->text;
    size_t at = t->len;
    for (int lines = 0; at > 0 && lines < BYLINE_TAIL_LINES;) {
        at = vnxp_line_start(t, at - 1);
        range r;
        if (!trimmed_line(t, at, &r))
            continue;
        lines++;
        int got = line_matches(m, "_furniture", r, err);
        if (got == 0)
            got = matches(m, "_list_item", r.s, NULL, err);
        if (got < 0)
            return -1;
        if (got)
            continue; // furniture, a related link

        vnxp_hit h;
        if ((got = match(m, "_lone_name", r.s, &h, err)) < 0)
            return -1;
        if (got) {
            size_t s, e;
            vnxp_hit_group(&h, "name", &s, &e);
            vnxp_hit_clear(&h);
            name->s = s;
            name->e = e;
            return 1;
        }
        char last = t->s[r.e - 1];
        if (count_words(t, r.s, r.e) >= BODY_LINE_WORDS || last == '.' || last == '!')
            return 0; // the body's last paragraph: no byline below it
    }
    return 0;
}

static int find_author(vnxp_matcher *m, char **author, vnx_error *err)
{
    const vnxp_text *t = m->text;
    range name = {0, 0};
    int found = 0;
    for (size_t at = 0; at < t->len; at = vnxp_line_end(t, at) + 1) {
        range r;
        int got = labelled_byline(m, at, &r, err);
        if (got < 0)
            return failed(err);
        if (got) {
            name = r;
            found = 1;
        }
    }
    if (!found && (found = lone_name_at_end(m, &name, err)) < 0)
        return failed(err);
    if (found && !(*author = vnxp_hit_text(m, name.s, name.e)))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return VNX_OK;
}

/* ---- the record ---------------------------------------------------------- */

// The first paragraphs of the body, from `body`.
static range opening_of(const vnxp_text *t, size_t body)
{
    range r = {body, body};
    for (int paragraphs = 0; r.e < t->len && paragraphs < OPENING_PARAGRAPHS;) {
        range line;
        if (trimmed_line(t, r.e, &line))
            paragraphs++;
        r.e = vnxp_line_end(t, r.e);
        if (paragraphs < OPENING_PARAGRAPHS && r.e < t->len)
            r.e++;
    }
    return r;
}

// The type most of the body's strong cues name, when at least BODY_VOTES
// do and no other type has as many; NULL otherwise. A page with no
// headline that opens on the meeting's proceedings ("Buổi lễ diễn ra ...")
// names it further down. Types are few (lexicon/event_types.txt), and a
// cue's type is the lexicon's string: votes are kept per pointer.
static const char *type_of_body(const cues *cs, range body)
{
    enum { MAX_TYPES = 32 };
    const char *types[MAX_TYPES];
    size_t votes[MAX_TYPES], ntypes = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const cue *c = &cs->items[i];
        if (c->start < body.s || c->start >= body.e || !c->type || c->weight < STRONG_CUE)
            continue;
        size_t k = 0;
        while (k < ntypes && types[k] != c->type)
            k++;
        if (k == ntypes && ntypes < MAX_TYPES) {
            types[ntypes] = c->type;
            votes[ntypes++] = 0;
        }
        if (k < ntypes)
            votes[k]++;
    }
    size_t best = 0, runner_up = 0;
    const char *type = NULL;
    for (size_t k = 0; k < ntypes; k++) {
        if (votes[k] > best) {
            runner_up = best;
            best = votes[k];
            type = types[k];
        } else if (votes[k] > runner_up) {
            runner_up = votes[k];
        }
    }
    return best >= BODY_VOTES && best > runner_up ? type : NULL;
}

// The meeting's type: a strong cue of the headline, of the date's sentence
// from the date on (before it, "Thực hiện Hướng dẫn ... về đại hội" is the
// reason, not the meeting), of the whole sentence ("Phát triển đảng viên
// trẻ ..." over "tổ chức Lễ kết nạp đảng viên"); then a weaker cue there;
// then, with no headline, a strong cue of the opening, the body's votes, a
// weaker cue of the opening (not a near-only one: "tình hình kinh tế - xã
// hội 6 tháng đầu năm" is a topic there, not the meeting).
static const char *event_type(const cues *cs, range title, range sent, size_t date_at,
                              range opening, range body)
{
    int untitled = title.e == title.s;
    range from_date = {date_at > sent.s && date_at < sent.e ? date_at : sent.s, sent.e};
    const range near[] = {title, from_date, sent};
    const size_t nnear = sizeof near / sizeof *near;
    const char *type = NULL;
    for (size_t i = 0; i < nnear && !type; i++)
        type = type_of_weight(cs, near[i], STRONG_CUE, 1);
    for (size_t i = 0; i < nnear && !type; i++)
        type = type_in(cs, near[i]);
    if (!type && untitled)
        type = type_of_weight(cs, opening, STRONG_CUE, 0);
    if (!type && untitled)
        type = type_of_body(cs, body);
    if (!type && untitled)
        type = type_of_weight(cs, opening, 0, 0);
    return type;
}

static int has_text(const vnxp_text *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (!is_space(t->s[i]) && t->s[i] != '\n')
            return 1;
    return 0;
}

static int set_string(char **dst, const char *s)
{
    if (!s)
        return 0;
    *dst = vnxp_strdup(s);
    return *dst ? 0 : -1;
}

int vnxp_extract_event(vnxp_matcher *m, vnx_error *err)
{
    vnx_result *r = m->result;
    range title, sent = {0, 0};
    size_t body = 0;
    cues cs = {0};
    const vnx_date *date = NULL;
    char *org = NULL;
    int rc = collect_cues(m, &cs, err);
    if (rc == VNX_OK)
        rc = find_title(m, &cs, &title, &body, err);
    if (rc == VNX_OK)
        rc = find_date(m, &date, &sent, err);
    range opening = opening_of(m->text, body);
    if (rc == VNX_OK)
        rc = find_org(m, date, title, sent, opening, &org, err);
    if (rc == VNX_OK) {
        range rest = {body, m->text->len};
        size_t date_at = date ? vnxp_text_pos(m->text, date->span.start) : 0;
        const char *type = event_type(&cs, title, sent, date_at, opening, rest);
        // An article whose cues name no meeting reports one of another kind;
        // an empty document reports none.
        if (!type && has_text(m->text))
            type = vnxp_lexicon_lookup(vnxp_lexicon_find(&m->x->patterns, "event_types"), "khac",
                                       4, m->nomem);
        r->event.organization = org;
        org = NULL;
        if (set_string((char **)&r->event.type, type) ||
            (date && set_string((char **)&r->event.date, date->value)))
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    if (rc == VNX_OK && title.e > title.s && !(r->title = vnxp_hit_text(m, title.s, title.e)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc == VNX_OK)
        rc = find_author(m, &r->author, err);
    free(org);
    free(cs.items);
    return rc;
}
