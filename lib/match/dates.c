/**
 * dates.c: calendar dates (SPEC.md, "dates").
 *
 * The patterns of dates.pcre find the candidates; this file reads their
 * groups, drops impossible dates (31/02), splits ranges and lists into
 * their days (and ranges of months into their months), and gives a date
 * without a year the year a careful reader would give it: a year stated in
 * its sentence (a full date, "năm 2023", a school year, a term), else the
 * year of the date before it, else a year in the title, else the nearest
 * full date after it. With no year anywhere, the value is "--MM-DD".
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum {
    MAX_DATES_PER_HIT = 10, // a list of days: at most nine before the last (dates.pcre)
    MAX_DAY_DIGITS = 2
};

/* One date read from a match, before the year is inferred. */
typedef struct raw_date {
    int year, month, day; // year 0: not written; day 0: month and year only
    size_t start, end;    // in the matching text
    int context_year;     // for a date written without a year (infer_years)
} raw_date;

/* A year stated in the text (dates.pcre's _year_mention). */
typedef struct year_mention {
    size_t at;
    int year;
    int school; // a school year: `year` is its first
} year_mention;

typedef struct mentions {
    year_mention *items;
    size_t n, cap;
} mentions;

// The integer of the digits [s, e) (at most 4), or 0.
static int digits_int(const vnxp_text *t, size_t s, size_t e)
{
    if (e <= s || e - s > 4)
        return 0;
    int v = 0;
    for (size_t i = s; i < e; i++) {
        if (t->s[i] < '0' || t->s[i] > '9')
            return 0;
        v = v * 10 + (t->s[i] - '0');
    }
    return v;
}

// The integer of named group `name`, or 0 when the group is unset.
static int group_int(const vnxp_matcher *m, const vnxp_hit *h, const char *name)
{
    size_t s, e;
    if (vnxp_hit_group(h, name, &s, &e))
        return 0;
    return digits_int(m->text, s, e);
}

// The month of the hit: its digits, else its name ("Tám": 8); 0 if none.
static int hit_month(const vnxp_matcher *m, const vnxp_hit *h)
{
    int month = group_int(m, h, "month");
    size_t s, e;
    if (month || vnxp_hit_group(h, "month_name", &s, &e))
        return month;
    const char *v = vnxp_lexicon_lookup_text(vnxp_lexicon_find(&m->x->patterns, "month_names"),
                                             m->text->s + s, e - s, m->nomem);
    return v ? atoi(v) : 0;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Whether day/month(/year) exists; an unknown year (0) allows 29 February.
static int date_exists(int year, int month, int day)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 0)
        return 0;
    if (day == 0)
        return year > 0;
    if (day > days[month - 1])
        return 0;
    return !(month == 2 && day == 29 && year && !is_leap(year));
}

// The days listed in group "days" before the last day `day`, ascending and
// each before it: into out[], their number returned; -1 when the list is
// not such (a day twice, out of order, impossible).
static int listed_days(const vnxp_matcher *m, const vnxp_hit *h, int year, int month, int day,
                       int out[MAX_DATES_PER_HIT - 1])
{
    size_t s, e;
    if (vnxp_hit_group(h, "days", &s, &e))
        return 0;
    int n = 0, last = 0;
    for (size_t i = s; i < e;) {
        if (m->text->s[i] < '0' || m->text->s[i] > '9') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < e && m->text->s[j] >= '0' && m->text->s[j] <= '9')
            j++;
        int d = digits_int(m->text, i, j);
        if (j - i > MAX_DAY_DIGITS || n == MAX_DATES_PER_HIT - 1 || d <= last || d >= day ||
            !date_exists(year, month, d))
            return -1;
        out[n++] = last = d;
        i = j;
    }
    return n;
}

// Read a hit into its dates (several for a range or a list); returns how many.
static int read_hit(const vnxp_matcher *m, const vnxp_hit *h, raw_date out[MAX_DATES_PER_HIT])
{
    int year = group_int(m, h, "year"), month = hit_month(m, h);
    int day = group_int(m, h, "day"), day1 = group_int(m, h, "day1");
    int month1 = group_int(m, h, "month1");
    if (!date_exists(year, month, day))
        return 0;
    raw_date d = {year, month, day, h->start, h->end, 0};
    int n = 0;
    if (month1 && !day1) { // months: "tháng 3 đến tháng 5 năm 2021"
        if (month1 >= month)
            return 0;
        out[n] = d;
        out[n++].month = month1;
    } else if (month1) { // "3/9-5/9/2021": the first end in the year before when it must be
        int year1 = year && (month1 > month || (month1 == month && day1 >= day)) ? year - 1 : year;
        if (!date_exists(year1, month1, day1) || (month1 == month && day1 >= day))
            return 0;
        out[n] = d;
        out[n].year = year1;
        out[n].month = month1;
        out[n++].day = day1;
    } else {
        int days[MAX_DATES_PER_HIT - 1];
        int k = listed_days(m, h, year, month, day, days);
        if (k < 0)
            return 0;
        for (int i = 0; i < k; i++) {
            out[n] = d;
            out[n++].day = days[i];
        }
    }
    out[n++] = d;
    return n;
}

/* ---- the year of a date written without one -------------------------------- */

// Add every year mention in [s, e) to `ms` (emptied first). -1 on error.
static int find_mentions(vnxp_matcher *m, size_t s, size_t e, mentions *ms, vnx_error *err)
{
    const vnxp_pattern *p = vnxp_pattern_find(&m->x->patterns, "dates", "_year_mention");
    ms->n = 0;
    for (size_t at = s; p && at < e;) {
        vnxp_hit h;
        int got = vnxp_search(m, p, at, e - 1, &h, err);
        if (got <= 0)
            return got;
        size_t ys, ye;
        int school = vnxp_hit_group(&h, "school", &ys, &ye) == 0;
        int year = digits_int(m->text, ys, ye);
        if (!school && vnxp_hit_group(&h, "year", &ys, &ye) == 0)
            year = digits_int(m->text, ys, ye);
        at = h.end > h.start ? h.end : h.start + 1;
        int inside = h.end <= e;
        vnxp_hit_clear(&h);
        if (!inside)
            break;
        if (vnxp_grow((void **)&ms->items, &ms->cap, ms->n + 1, sizeof *ms->items)) {
            vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
            return -1;
        }
        ms->items[ms->n++] = (year_mention){ys, year, school};
    }
    return 0;
}

// The year a mention gives a date of `month`: a school year runs from
// August of its first year to July of its second.
static int mention_year(const year_mention *y, int month)
{
    return y->school && month < 8 ? y->year + 1 : y->year;
}

static size_t distance(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

// A year in the first non-blank line (the title): a mention, else any
// plausible four-digit year; *ym gets it (year 0: none). -1 on error.
static int title_year(vnxp_matcher *m, year_mention *ym, vnx_error *err)
{
    const vnxp_text *t = m->text;
    size_t i = 0;
    while (i < t->len && (t->s[i] == ' ' || t->s[i] == '\n'))
        i++;
    size_t end = vnxp_line_end(t, i);
    mentions ms = {0};
    memset(ym, 0, sizeof *ym);
    int rc = find_mentions(m, i, end, &ms, err);
    if (rc == 0 && ms.n)
        *ym = ms.items[0];
    free(ms.items);
    if (rc < 0 || ym->year)
        return rc;
    for (; i + 4 <= end; i++) {
        const char *p = t->s + i;
        int year = digits_int(t, i, i + 4);
        int alone = (i == 0 || !(p[-1] >= '0' && p[-1] <= '9')) &&
                    (i + 4 == t->len || !(p[4] >= '0' && p[4] <= '9'));
        if (year >= 1800 && year < 2200 && alone) {
            ym->year = year;
            return 0;
        }
    }
    return 0;
}

// The year stated in the sentence `sent` nearest to dates[i], or 0: a full
// date (the nearest written before, `before`, or after, `after`, when in
// the sentence) or a mention of `ms` (the mentions of that sentence, in
// order; *next walks them as the dates go on).
static int sentence_year(const raw_date *dates, size_t i, long before, long after,
                         vnxp_range sent, const mentions *ms, size_t *next)
{
    const raw_date *d = &dates[i];
    int year = 0;
    size_t best = (size_t)-1;
    if (before >= 0 && dates[before].start >= sent.s) {
        best = d->start - dates[before].end;
        year = dates[before].year;
    }
    if (after >= 0 && dates[after].end <= sent.e && dates[after].start - d->end < best) {
        best = dates[after].start - d->end;
        year = dates[after].year;
    }
    while (*next + 1 < ms->n && ms->items[*next + 1].at < d->start)
        (*next)++;
    for (size_t k = *next; k < ms->n && k <= *next + 1; k++)
        if (distance(ms->items[k].at, d->start) < best) {
            best = distance(ms->items[k].at, d->start);
            year = mention_year(&ms->items[k], d->month);
        }
    return year;
}

// The year each date written without one takes (context_year; 0: none).
// Passes over the dates in order, not a walk from each: a page of many
// dates without a year took time growing with the square of their number.
static int infer_years(vnxp_matcher *m, raw_date *dates, size_t n, vnx_error *err)
{
    size_t k = n;
    while (k > 0 && dates[k - 1].year)
        k--;
    int any_missing = 0;
    for (size_t i = 0; i < n; i++)
        any_missing |= !dates[i].year;
    if (!any_missing)
        return 0;
    long *after = malloc(n * sizeof *after);
    const vnxp_breaks *br;
    if (!after || vnxp_matcher_breaks(m, &br, err) != VNX_OK) {
        free(after);
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return -1;
    }
    long next_written = -1;
    for (size_t j = n; j-- > 0;) {
        after[j] = next_written; // the nearest date with a written year after j
        if (dates[j].year)
            next_written = (long)j;
    }
    year_mention title;
    mentions ms = {0};
    int rc = title_year(m, &title, err);
    vnxp_range sent = {0, 0};
    size_t next = 0;
    long before = -1; // the nearest date with a written year before i
    int carried = 0;  // the year of the date before i, written or inferred
    for (size_t i = 0; rc == 0 && i < n; i++) {
        raw_date *d = &dates[i];
        if (d->year) {
            before = (long)i;
            carried = d->year;
            continue;
        }
        vnxp_range here = vnxp_breaks_sentence_of(br, d->start, d->end);
        if (here.s != sent.s || here.e != sent.e) {
            sent = here;
            next = 0;
            if ((rc = find_mentions(m, sent.s, sent.e, &ms, err)) < 0)
                break;
        }
        int year = carried;
        if (!year && title.year)
            year = mention_year(&title, d->month);
        if (!year)
            year = sentence_year(dates, i, before, after[i], sent, &ms, &next);
        if (!year && after[i] >= 0)
            year = dates[after[i]].year;
        d->context_year = year;
        if (year)
            carried = year;
    }
    free(ms.items);
    free(after);
    return rc;
}

static char *format_value(int year, int month, int day)
{
    char buf[16];
    if (!day)
        snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else if (!year)
        snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
    else
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return vnxp_strdup(buf);
}

static int add_date(vnxp_matcher *m, const raw_date *d, int year, int inferred)
{
    vnx_date *out = vnxp_result_add_date(m->result);
    if (!out)
        return -1;
    out->year = year;
    out->month = d->month;
    out->day = d->day;
    out->year_inferred = inferred;
    out->span = vnxp_input_span(m, d->start, d->end);
    out->text = vnxp_hit_text(m, d->start, d->end);
    out->value = format_value(year, d->month, d->day);
    // A date whose year is not known yet must still exist in that year.
    if (inferred && !date_exists(year, d->month, d->day)) {
        free((char *)out->value);
        out->value = format_value(0, d->month, d->day);
        out->year = 0;
        out->year_inferred = 0;
    }
    return out->text && out->value ? 0 : -1;
}

int vnxp_extract_dates(vnxp_matcher *m, vnx_error *err)
{
    vnxp_hits hits = {0};
    int rc = vnxp_scan_kind(m, "dates", &hits, err);
    raw_date *dates = NULL;
    size_t n = 0;
    if (rc == VNX_OK && hits.n &&
        !(dates = malloc(MAX_DATES_PER_HIT * hits.n * sizeof *dates)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++)
        n += (size_t)read_hit(m, &hits.items[i], dates + n);
    if (rc == VNX_OK && n && infer_years(m, dates, n, err) < 0)
        rc = err && err->code ? err->code : VNX_ERR_MATCH;
    for (size_t i = 0; rc == VNX_OK && i < n; i++) {
        int year = dates[i].year, inferred = 0;
        if (!year && (year = dates[i].context_year) != 0)
            inferred = 1;
        if (add_date(m, &dates[i], year, inferred))
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    free(dates);
    vnxp_hits_free(&hits);
    return rc;
}
