/**
 * attendance.c: how many took part (SPEC.md, "attendance").
 *
 * attendance.pcre finds the figures said with a word of taking part
 * ("tham dự", "có mặt", "sự tham gia của", "cùng ... đảng viên" after the
 * guests, kept only after a word of coming in the same paragraph); this
 * file reads them, drops shares that cannot be ("31/12"),
 * marks approximate figures ("gần 200"), keeps one of repeats, and stops
 * at the end of the page (the comment form, related news).
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include "internal.h"

// Whether the result holds this figure already.
static int is_repeat(const vnx_result *res, long long present, long long total, double percent)
{
    for (size_t i = 0; i < res->nattendance; i++) {
        const vnx_attendance *a = &res->attendance[i];
        if (a->present == present && a->total == total &&
            (present != VNX_NONE || fabs(a->percent - percent) < 1e-9))
            return 1;
    }
    return 0;
}

// Read a hit and store it; 0 ok (stored or not a figure), -1 out of memory.
static int take_hit(vnxp_matcher *m, const vnxp_hit *h)
{
    long long present = vnxp_group_count(m, h, "present");
    long long total = vnxp_group_count(m, h, "total");
    double percent = vnxp_group_decimal(m, h, "percent");
    size_t s, e;
    if (percent > 100)
        percent = VNX_NONE;
    if (present == VNX_NONE && percent == VNX_NONE)
        return 0;
    if (total != VNX_NONE && (present == VNX_NONE || present > total || total == 0))
        return 0;
    if (is_repeat(m->result, present, total, percent))
        return 0;
    vnx_attendance *a = vnxp_result_add_attendance(m->result);
    if (!a)
        return -1;
    a->present = present;
    a->total = total;
    a->percent = percent;
    a->approximate = vnxp_hit_group(h, "approx", &s, &e) == 0;
    a->span = vnxp_input_span(m, h->start, h->end);
    a->text = vnxp_hit_text(m, h->start, h->end);
    return a->text ? 0 : -1;
}

int vnxp_extract_attendance(vnxp_matcher *m, vnx_error *err)
{
    vnxp_hits hits = {0};
    int rc = vnxp_scan_kind(m, "attendance", &hits, err);
    int has_cue = 0;
    size_t cue_end = 0; // the end of the last cue or figure
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        const vnxp_hit *h = &hits.items[i];
        const char *name = h->pattern->name;
        int cued = has_cue && !vnxp_crosses_paragraph(m->text, cue_end, h->start);
        has_cue = 1;
        cue_end = h->end;
        if (strcmp(name, "cue") == 0 || (strcmp(name, "with_guests") == 0 && !cued))
            continue;
        if (take_hit(m, h))
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    vnxp_hits_free(&hits);
    return rc;
}
