/**
 * meta.c: what a page says of itself (its <title>, og:title, og:type and
 * publication date in <meta> tags and JSON-LD), and dates as datelines
 * write them.
 *
 * The publication date is taken, in this order, from
 * `article:published_time` (and the other names of that <meta>), from
 * JSON-LD `datePublished`, else the caller looks for a <time datetime> or
 * a dateline by the headline (readable.c). Dates are read as written: a
 * time zone does not move the day.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "input/page.h"

/* ---- dates ------------------------------------------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Read 1..max digits at s[*i]; -1 when none (or more than max).
static int read_number(const char *s, size_t n, size_t *i, int max)
{
    int v = 0, k = 0;
    while (*i < n && is_digit(s[*i]) && k <= max) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    return k == 0 || k > max ? -1 : v;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static int set_day(vnxp_day *out, int y, int m, int d)
{
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    snprintf(out->value, sizeof out->value, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
    return 1;
}

// "2026-03-07" at s[i].
static int iso_at(const char *s, size_t n, size_t i, vnxp_day *out)
{
    size_t j = i;
    int y = read_number(s, n, &j, 4);
    if (y < 0 || j - i != 4 || j >= n || s[j] != '-')
        return 0;
    j++;
    size_t k = j;
    int m = read_number(s, n, &j, 2);
    if (m < 0 || j - k != 2 || j >= n || s[j] != '-')
        return 0;
    j++;
    k = j;
    int d = read_number(s, n, &j, 2);
    return d >= 0 && j - k == 2 && set_day(out, y, m, d);
}

// "7/3/2026", "07-03-2026", "7.3.2026" at s[i]: day first, as Vietnamese pages write it.
static int dmy_at(const char *s, size_t n, size_t i, vnxp_day *out)
{
    size_t j = i;
    int d = read_number(s, n, &j, 2);
    if (d < 0 || j >= n || !strchr("/-.", s[j]))
        return 0;
    char sep = s[j++];
    int m = read_number(s, n, &j, 2);
    if (m < 0 || j >= n || s[j] != sep)
        return 0;
    j++;
    size_t k = j;
    int y = read_number(s, n, &j, 4);
    return y >= 0 && j - k == 4 && (j == n || !is_digit(s[j])) && set_day(out, y, m, d);
}

// Skip spaces at s[*i].
static void skip_spaces(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n'))
        (*i)++;
}

// Whether the word `w` (ASCII or UTF-8, any case of its ASCII letters) is at s[*i]; moves past it.
static int word_at(const char *s, size_t n, size_t *i, const char *w)
{
    size_t len = strlen(w);
    if (*i + len > n || strncasecmp(s + *i, w, len) != 0)
        return 0;
    *i += len;
    return 1;
}

// "ngày 7 tháng 3 năm 2026" at s[i] ("ngày" may be absent).
static int words_at(const char *s, size_t n, size_t i, vnxp_day *out)
{
    size_t j = i;
    word_at(s, n, &j, "ngày");
    skip_spaces(s, n, &j);
    int d = read_number(s, n, &j, 2);
    skip_spaces(s, n, &j);
    if (d < 0 || !word_at(s, n, &j, "tháng"))
        return 0;
    skip_spaces(s, n, &j);
    int m = read_number(s, n, &j, 2);
    skip_spaces(s, n, &j);
    if (m < 0 || !word_at(s, n, &j, "năm"))
        return 0;
    skip_spaces(s, n, &j);
    size_t k = j;
    int y = read_number(s, n, &j, 4);
    return y >= 0 && j - k == 4 && set_day(out, y, m, d);
}

int vnxp_find_day(const char *s, size_t n, vnxp_day *out)
{
    for (size_t i = 0; i < n; i++) {
        int starts_number = is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]));
        if (starts_number &&
            (iso_at(s, n, i, out) || dmy_at(s, n, i, out) || words_at(s, n, i, out)))
            return 1;
        if ((s[i] == 'n' || s[i] == 'N') && words_at(s, n, i, out))
            return 1;
    }
    out->value[0] = '\0';
    return 0;
}

// Whether s holds a clock time "08:00".
static int has_clock(const char *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == ':' && is_digit(s[i - 1]) && is_digit(s[i + 1]) && is_digit(s[i + 2]))
            return 1;
    return 0;
}

enum {
    DATELINE_MAX_BYTES = 120, // "Cập nhật lúc 23:24, Thứ Hai, 03/02/2014 (GMT+7)" is 50
    DATELINE_MAX_LETTERS = 24 // its words: "Cập nhật lúc", a weekday, "GMT"
};

// Whether s names a day of the week: "Thứ Bảy", "Thứ 7", "Chủ nhật".
static int has_weekday(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (strncasecmp(s + i, "thứ", 4) == 0 || strncasecmp(s + i, "chủ nhật", 10) == 0 ||
            (i + 10 <= n && strncmp(s + i, "Chủ nhật", 10) == 0))
            return 1;
    return 0;
}

/* A dateline is a date with a clock time or a weekday and a few words
 * ("Cập nhật", "GMT"), or a date alone: "Ngày 18/12/2023" in a block of
 * its own is a sentence of the article, not its dateline. */
int vnxp_is_dateline(const char *s, size_t n)
{
    vnxp_day day;
    if (n == 0 || n > DATELINE_MAX_BYTES || !vnxp_find_day(s, n, &day))
        return 0;
    // Letters (a UTF-8 letter counts once), not digits or punctuation.
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        letters += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0;
    }
    if (letters == 0)
        return 1;
    return letters <= DATELINE_MAX_LETTERS && (has_clock(s, n) || has_weekday(s, n));
}

/* ---- <head> and JSON-LD ---------------------------------------------------- */

static const char *attr(const GumboElement *e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

// The names a <meta> gives the publication date under (property, name or itemprop).
static int names_published(const char *name)
{
    static const char *const names[] = {"article:published_time", "datepublished",
                                        "og:published_time", "pubdate", "publishdate",
                                        "dc.date.issued", "dcterms.created", "date"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static void read_meta(const GumboElement *e, vnxp_page_meta *meta)
{
    const char *content = attr(e, "content");
    if (!content)
        return;
    const char *keys[] = {attr(e, "property"), attr(e, "name"), attr(e, "itemprop")};
    for (size_t i = 0; i < 3; i++) {
        const char *k = keys[i];
        if (!k)
            continue;
        if (strcasecmp(k, "og:title") == 0 && !meta->og_title)
            meta->og_title = content;
        else if (strcasecmp(k, "og:type") == 0 && !meta->og_type)
            meta->og_type = content;
        else if (names_published(k) && !meta->published.value[0])
            vnxp_find_day(content, strlen(content), &meta->published);
    }
}

// "datePublished": "2026-03-07T08:00:00+07:00" in a JSON-LD script.
static void read_json_ld(const char *json, vnxp_page_meta *meta)
{
    const char *k = strstr(json, "\"datePublished\"");
    if (!k || meta->published.value[0])
        return;
    k += strlen("\"datePublished\"");
    k += strspn(k, " \t\r\n:");
    if (*k == '"')
        vnxp_find_day(k + 1, strcspn(k + 1, "\""), &meta->published);
}

static const char *first_text(const GumboElement *e)
{
    for (size_t i = 0; i < e->children.length; i++) {
        const GumboNode *c = e->children.data[i];
        if (c->type == GUMBO_NODE_TEXT)
            return c->v.text.text;
    }
    return NULL;
}

void vnxp_page_meta_element(const GumboElement *e, vnxp_page_meta *meta)
{
    if (e->tag == GUMBO_TAG_META) {
        read_meta(e, meta);
    } else if (e->tag == GUMBO_TAG_TITLE && !meta->title) {
        meta->title = first_text(e);
    } else if (e->tag == GUMBO_TAG_SCRIPT) {
        const char *type = attr(e, "type");
        const char *json = type && strcasecmp(type, "application/ld+json") == 0 ? first_text(e)
                                                                                : NULL;
        if (json)
            read_json_ld(json, meta);
    }
}
