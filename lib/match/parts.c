/**
 * parts.c: the parts of a statement, the match stage of tallies and
 * attendance.
 *
 * tallies.pcre and attendance.pcre find the parts their statements are
 * made of (figures, whom they count, ratings, words of taking part, votes,
 * "tỷ lệ", "trong đó", targets...), each pattern named after the part it
 * finds. This file reads each hit into a vnxp_part (its figures parsed,
 * its words named through the lexicons), in text order, for the assembly
 * (assemble/) to link. The scan stops at the end of the page (the comment
 * form, related news): vnxp_scan_kind scans the body only.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void vnxp_parts_free(vnxp_parts *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->items[i].shares);
    free(ps->items);
    memset(ps, 0, sizeof *ps);
}

// The part a pattern finds, by the pattern's name.
static vnxp_part_kind part_kind(const char *name)
{
    static const struct {
        const char *name;
        vnxp_part_kind kind;
    } KINDS[] = {
        {"quantity", VNXP_PART_QUANTITY}, {"quantity_word", VNXP_PART_QUANTITY},
        {"subject", VNXP_PART_SUBJECT},   {"unit", VNXP_PART_UNIT},
        {"rating", VNXP_PART_RATING},     {"ballot", VNXP_PART_BALLOT},
        {"vote", VNXP_PART_VOTE},         {"attend", VNXP_PART_ATTEND},
        {"rate", VNXP_PART_RATE},         {"scope", VNXP_PART_SCOPE},
        {"target", VNXP_PART_TARGET},     {"respectively", VNXP_PART_RESPECTIVELY},
        {"attendee", VNXP_PART_ATTENDEE}, {"presence", VNXP_PART_PRESENCE},
        {"presence_of", VNXP_PART_PRESENCE_OF}, {"cue", VNXP_PART_CUE},
        {"gathering", VNXP_PART_GATHERING}, {"stop", VNXP_PART_STOP},
    };
    for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++)
        if (strcmp(KINDS[i].name, name) == 0)
            return KINDS[i].kind;
    return VNXP_PART_OTHER;
}

// The lexicon value for named group `name` of `h`, or NULL.
static const char *group_lookup(const vnxp_matcher *m, const vnxp_hit *h, const char *name,
                                const char *lexicon)
{
    size_t s, e;
    if (vnxp_hit_group(h, name, &s, &e) || e <= s)
        return NULL;
    const vnxp_lexicon *lx = vnxp_lexicon_find(&m->x->patterns, lexicon);
    return vnxp_lexicon_lookup_text(lx, m->text->s + s, e - s, m->nomem);
}

static int has_group(const vnxp_hit *h, const char *name)
{
    size_t s, e;
    return vnxp_hit_group(h, name, &s, &e) == 0;
}

// Whether the total of a share is the year of a month ("7/2018", "12/2023").
static int month_of_year(const vnxp_matcher *m, const vnxp_hit *h, const vnxp_part *p)
{
    size_t s, e;
    return p->count >= 1 && p->count <= 12 && p->total >= 1900 && p->total < 2100 &&
           vnxp_hit_group(h, "total", &s, &e) == 0 && e - s == 4 && m->text->s[s] != '0';
}

// A figure's values. A percent above 100 is none; so is a share whose
// count is above its total ("31/12" is a date) or whose total is a year.
static void read_figures(const vnxp_matcher *m, const vnxp_hit *h, vnxp_part *p)
{
    p->count = vnxp_group_count(m, h, "count");
    p->total = vnxp_group_count(m, h, "total");
    p->count2 = vnxp_group_count(m, h, "count2");
    p->percent = vnxp_group_decimal(m, h, "percent");
    p->percent2 = vnxp_group_decimal(m, h, "percent2");
    p->decimal = vnxp_group_decimal(m, h, "decimal");
    p->approx = has_group(h, "approx");
    if (p->percent > 100)
        p->percent = VNX_NONE;
    if (p->percent2 > 100 || p->percent == VNX_NONE)
        p->percent2 = VNX_NONE;
    if (p->decimal > 100)
        p->decimal = VNX_NONE;
    if (p->total != VNX_NONE && (p->count == VNX_NONE || p->count > p->total || p->total == 0 ||
                                 month_of_year(m, h, p)))
        p->count = p->total = VNX_NONE;
}

// "tương ứng là 79,85% và 17%": the percents, in order.
static void read_shares(const vnxp_matcher *m, const vnxp_hit *h, vnxp_part *p)
{
    static const char *const GROUPS[VNXP_MAX_RESPECTIVELY] = {"p1", "p2", "p3", "p4"};
    double v[VNXP_MAX_RESPECTIVELY];
    int n = 0;
    while (n < VNXP_MAX_RESPECTIVELY && (v[n] = vnxp_group_decimal(m, h, GROUPS[n])) != VNX_NONE)
        n++;
    if (n == 0)
        return;
    if (!(p->shares = malloc((size_t)n * sizeof *p->shares))) {
        *m->nomem = 1;
        return;
    }
    memcpy(p->shares, v, (size_t)n * sizeof *v);
    p->nshares = (unsigned char)n;
}

// Read hit `h` into `p`; 0 when it holds no part after all (a rating or
// subject the lexicon does not know, a figure that is no figure).
static int read_part(const vnxp_matcher *m, const vnxp_hit *h, vnxp_part *p)
{
    *p = (vnxp_part){.kind = part_kind(h->pattern->name), .start = h->start, .end = h->end};
    switch (p->kind) {
    case VNXP_PART_QUANTITY:
        read_figures(m, h, p);
        return p->count != VNX_NONE || p->percent != VNX_NONE || p->decimal != VNX_NONE;
    case VNXP_PART_SUBJECT:
        p->value = group_lookup(m, h, "subject", "tally_subjects");
        return p->value != NULL;
    case VNXP_PART_RATING:
        p->value = group_lookup(m, h, "rating", "ratings");
        p->value2 = group_lookup(m, h, "rating2", "ratings");
        p->or_above = has_group(h, "or_above");
        return p->value != NULL;
    case VNXP_PART_STOP:
        p->value = has_group(h, "summoned") ? "summoned"
                                            : group_lookup(m, h, "stop", "attendance_stops");
        return 1;
    case VNXP_PART_RESPECTIVELY:
        read_shares(m, h, p);
        return p->nshares > 0;
    case VNXP_PART_OTHER:
        return 0;
    default:
        return 1;
    }
}

// Room for `more` parts, grown by an eighth of `all` at a time: a page
// dense in figures has a part every few dozen bytes, and doubling would
// leave much unused (a large array grows in place: mremap).
static int parts_room(vnxp_parts *parts, size_t all)
{
    if (parts->n < parts->cap)
        return 0;
    size_t step = all / 8 > 64 ? all / 8 : 64;
    vnxp_part *items = vnxp_realloc_array(parts->items, parts->cap + step, sizeof *items);
    if (!items)
        return -1;
    parts->items = items;
    parts->cap += step;
    return 0;
}

int vnxp_find_parts(vnxp_matcher *m, const char *kind, vnxp_parts *parts, vnx_error *err)
{
    vnxp_hits hits = {0};
    int rc = vnxp_scan_kind(m, kind, &hits, err);
    // Each hit's groups are freed once read: the parts grow as they go.
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        if (parts_room(parts, hits.n)) {
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
            break;
        }
        if (read_part(m, &hits.items[i], &parts->items[parts->n]))
            parts->n++;
        vnxp_hit_clear(&hits.items[i]);
    }
    vnxp_hits_free(&hits);
    if (rc != VNX_OK)
        vnxp_parts_free(parts);
    return rc;
}
