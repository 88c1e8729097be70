/**
 * dates.c: calendar dates (SPEC.md, "dates").
 *
 * The patterns of dates.pcre find the candidates; this file reads their
 * groups, drops impossible dates (31/02), splits ranges into their two
 * ends, and gives a date without a year the year of its context: the
 * nearest full date before it, else a year in the title, else the nearest
 * full date after it. With no year anywhere, the value is "--MM-DD".
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* One date read from a match, before the year is inferred. */
typedef struct raw_date {
    int year, month, day; // year 0: not written; day 0: month and year only
    size_t start, end;    // in the matching text
    int context_year;     // for a date written without a year (infer_years)
} raw_date;

// The integer of named group `name`, or 0 when the group is unset.
static int group_int(const vnxp_matcher *m, const vnxp_hit *h, const char *name)
{
    size_t s, e;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s || e - s > 4)
        return 0;
    int v = 0;
    for (size_t i = s; i < e; i++)
        v = v * 10 + (m->text->s[i] - '0');
    return v;
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

// Read a hit into one or two raw dates (two for a range); returns how many.
static int read_hit(const vnxp_matcher *m, const vnxp_hit *h, raw_date out[2])
{
    int year = group_int(m, h, "year"), month = group_int(m, h, "month");
    int day = group_int(m, h, "day"), day1 = group_int(m, h, "day1");
    if (!date_exists(year, month, day))
        return 0;
    raw_date d = {year, month, day, h->start, h->end, 0};
    if (!day1) {
        out[0] = d;
        return 1;
    }
    if (day1 >= day || !date_exists(year, month, day1))
        return 0;
    out[0] = d;
    out[0].day = day1;
    out[1] = d;
    return 2;
}

// A year in the first non-blank line (the title), or 0.
static int title_year(const vnxp_text *t)
{
    size_t i = 0;
    while (i < t->len && (t->s[i] == ' ' || t->s[i] == '\n'))
        i++;
    for (; i + 4 <= t->len && t->s[i] != '\n'; i++) {
        const char *p = t->s + i;
        int digits = p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
                     p[2] <= '9' && p[3] >= '0' && p[3] <= '9';
        int alone = (i == 0 || !(p[-1] >= '0' && p[-1] <= '9')) &&
                    (i + 4 == t->len || !(p[4] >= '0' && p[4] <= '9'));
        int plausible = (p[0] == '1' && p[1] >= '8') || (p[0] == '2' && p[1] <= '1');
        if (digits && alone && plausible)
            return atoi(p); // p[4] is not a digit: exactly the four
    }
    return 0;
}

// The year each date written without one takes (0: none): the nearest year
// written before it, else the title's, else the nearest written after it.
// Two passes over the dates, not a walk from each: a page of many dates
// without a year took time growing with the square of their number.
static void infer_years(raw_date *dates, size_t n, int from_title)
{
    int after = 0;
    for (size_t k = n; k-- > 0;) {
        dates[k].context_year = after; // the nearest year written after k
        if (dates[k].year)
            after = dates[k].year;
    }
    int before = 0;
    for (size_t i = 0; i < n; i++) {
        if (dates[i].year)
            before = dates[i].year;
        else if (before || from_title)
            dates[i].context_year = before ? before : from_title;
    }
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
    if (rc == VNX_OK && hits.n && !(dates = malloc(2 * hits.n * sizeof *dates)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++)
        n += (size_t)read_hit(m, &hits.items[i], dates + n);
    if (rc == VNX_OK && n)
        infer_years(dates, n, title_year(m->text));
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
