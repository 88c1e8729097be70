/**
 * scan.c: run patterns over the matching text and collect their matches.
 *
 * Match data is per call (vnxp_matcher), so one extractor serves many
 * threads. A match that hits PCRE2's match or depth limit is not an error
 * for the document: it becomes a warning and the scan goes on after it.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void vnxp_hit_clear(vnxp_hit *hit)
{
    free(hit->ovector);
    memset(hit, 0, sizeof *hit);
}

void vnxp_hits_free(vnxp_hits *hits)
{
    for (size_t i = 0; i < hits->n; i++)
        vnxp_hit_clear(&hits->items[i]);
    free(hits->items);
    memset(hits, 0, sizeof *hits);
}

static int copy_hit(const vnxp_pattern *p, pcre2_match_data *md, vnxp_hit *hit)
{
    uint32_t n = pcre2_get_ovector_count(md);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    hit->ovector = malloc(2 * n * sizeof *hit->ovector);
    if (!hit->ovector)
        return -1;
    for (uint32_t i = 0; i < 2 * n; i++)
        hit->ovector[i] = ov[i];
    hit->pattern = p;
    hit->ngroups = n;
    hit->start = ov[0];
    hit->end = ov[1];
    return 0;
}

// Report a match that failed for a reason other than "no match".
static int match_failed(vnxp_matcher *m, const vnxp_pattern *p, int rc, size_t at, vnx_error *err)
{
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        size_t in = at <= m->text->len ? m->text->map[at] : m->input_len;
        return vnxp_result_warn(m->result, "pattern %s/%s hit a match limit at byte %zu", p->kind,
                                p->name, in)
                   ? vnxp_fail(err, VNX_ERR_NOMEM, "out of memory")
                   : VNX_OK;
    }
    PCRE2_UCHAR msg[120];
    pcre2_get_error_message(rc, msg, sizeof msg);
    return vnxp_fail(err, VNX_ERR_MATCH, "pattern %s/%s: %s", p->kind, p->name, (char *)msg);
}

// Match `p` at or after `at` in the first `len` bytes of the matching text.
static int match(vnxp_matcher *m, const vnxp_pattern *p, size_t len, size_t at, uint32_t options)
{
    const struct vnx_extractor *x = m->x;
    return pcre2_match(p->code, (PCRE2_SPTR)m->text->s, len, at,
                       options | PCRE2_NO_UTF_CHECK, m->md, x->mctx);
}

// Every match of `p` in the first `len` bytes, scanning left to right.
static int scan_pattern(vnxp_matcher *m, const vnxp_pattern *p, size_t len, vnxp_hits *hits,
                        vnx_error *err)
{
    size_t at = 0;
    while (at <= len) {
        int rc = match(m, p, len, at, 0);
        if (rc == PCRE2_ERROR_NOMATCH)
            return VNX_OK;
        if (rc < 0) {
            int e = match_failed(m, p, rc, at, err);
            if (e != VNX_OK)
                return e;
            // Skip one character past the place that was too costly.
            at++;
            while (at < m->text->len && (m->text->s[at] & 0xC0) == 0x80)
                at++;
            continue;
        }
        if (vnxp_grow((void **)&hits->items, &hits->cap, hits->n + 1, sizeof *hits->items))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        vnxp_hit *hit = &hits->items[hits->n];
        memset(hit, 0, sizeof *hit);
        if (copy_hit(p, m->md, hit))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        hits->n++;
        size_t next = hit->end > hit->start ? hit->end : hit->start + 1;
        while (next < m->text->len && (m->text->s[next] & 0xC0) == 0x80)
            next++;
        at = next;
    }
    return VNX_OK;
}

static int by_position(const void *a, const void *b)
{
    const vnxp_hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; // longer first
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern; // earlier pattern first
}

// Keep the leftmost-longest hits that do not overlap a kept one.
static void keep_non_overlapping(vnxp_hits *hits)
{
    if (hits->n == 0)
        return;
    qsort(hits->items, hits->n, sizeof *hits->items, by_position);
    size_t kept = 0, end = 0;
    for (size_t i = 0; i < hits->n; i++) {
        vnxp_hit *h = &hits->items[i];
        if (kept > 0 && h->start < end) {
            vnxp_hit_clear(h);
            continue;
        }
        end = h->end;
        hits->items[kept++] = *h;
    }
    hits->n = kept;
}

int vnxp_scan_kind(vnxp_matcher *m, const char *kind, vnxp_hits *hits, vnx_error *err)
{
    const vnxp_patterns *ps = &m->x->patterns;
    for (size_t i = 0; i < ps->n; i++) {
        const vnxp_pattern *p = &ps->items[i];
        // Patterns named with a leading '_' are helpers, run on demand only.
        if (strcmp(p->kind, kind) != 0 || p->name[0] == '_')
            continue;
        int rc = scan_pattern(m, p, m->body_end, hits, err);
        if (rc != VNX_OK)
            return rc;
    }
    keep_non_overlapping(hits);
    return VNX_OK;
}

int vnxp_find_body_end(vnxp_matcher *m, vnx_error *err)
{
    m->body_end = m->text->len;
    const vnxp_pattern *p = vnxp_pattern_find(&m->x->patterns, "page", "tail");
    if (!p)
        return VNX_OK;
    for (size_t at = 0; at <= m->text->len;) {
        int rc = match(m, p, m->text->len, at, 0);
        if (rc == PCRE2_ERROR_NOMATCH)
            return VNX_OK;
        if (rc >= 0) {
            m->body_end = pcre2_get_ovector_pointer(m->md)[0];
            return VNX_OK;
        }
        int e = match_failed(m, p, rc, at, err);
        if (e != VNX_OK)
            return e;
        at = m->text->len + 1; // too costly to look for: the whole text is the body
    }
    return VNX_OK;
}

int vnxp_match_at(vnxp_matcher *m, const vnxp_pattern *p, size_t at, vnxp_hit *hit, vnx_error *err)
{
    memset(hit, 0, sizeof *hit);
    if (!p || at > m->text->len)
        return 0;
    int rc = match(m, p, m->text->len, at, PCRE2_ANCHORED);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        int e = match_failed(m, p, rc, at, err);
        return e == VNX_OK ? 0 : -1;
    }
    return copy_hit(p, m->md, hit) ? (vnxp_fail(err, VNX_ERR_NOMEM, "out of memory"), -1) : 1;
}

int vnxp_hit_group(const vnxp_hit *hit, const char *name, size_t *start, size_t *end)
{
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(hit->pattern->code, (PCRE2_SPTR)name, &first, &last);
    if (size < 0)
        return -1;
    // With duplicate names, the first of the groups that is set.
    for (PCRE2_SPTR e = first; e <= last; e += size) {
        unsigned num = ((unsigned)e[0] << 8) | e[1];
        if (num >= hit->ngroups || hit->ovector[2 * num] == PCRE2_UNSET)
            continue;
        *start = hit->ovector[2 * num];
        *end = hit->ovector[2 * num + 1];
        return 0;
    }
    return -1;
}
