/**
 * scan.c: run patterns over the matching text and collect their matches.
 *
 * Match data is per call (vnxp_matcher), so one extractor serves many
 * threads. A match that hits PCRE2's match or depth limit is not an error
 * for the document: it becomes a warning and the scan goes on after it.
 *
 * A pattern with anchors (patterns.c) is not run over the whole text.
 * Each anchor is scanned once per document, and every match of the pattern
 * starts at most its `reach` bytes before a hit of one of them. So the
 * pattern runs in the windows from `reach` bytes before each hit to the
 * hit (PCRE2's offset limit), in order: it finds what a whole-text scan
 * finds, since such a scan also goes left to right and resumes after each
 * match.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void vnxp_hit_clear(vnxp_hit *hit)
{
    if (!hit->pooled_at)
        free(hit->ovector);
    memset(hit, 0, sizeof *hit);
}

// Give back the room past the last hit and past the last ovector of the
// pool (before the hits are sorted: qsort copies them), and point each hit
// at its ovector, which stays where it is from now on.
static void hits_fit(vnxp_hits *hits)
{
    vnxp_hit *fit = hits->n ? realloc(hits->items, hits->n * sizeof *fit) : NULL;
    if (fit) {
        hits->items = fit;
        hits->cap = hits->n;
    }
    vnxp_offset *pool = hits->pool_n ? realloc(hits->pool, hits->pool_n * sizeof *pool) : NULL;
    if (pool) {
        hits->pool = pool;
        hits->pool_cap = hits->pool_n;
    }
    for (size_t i = 0; i < hits->n; i++)
        if (hits->items[i].pooled_at)
            hits->items[i].ovector = hits->pool + hits->items[i].pooled_at - 1;
}

void vnxp_hits_free(vnxp_hits *hits)
{
    for (size_t i = 0; i < hits->n; i++)
        vnxp_hit_clear(&hits->items[i]);
    free(hits->items);
    free(hits->pool);
    memset(hits, 0, sizeof *hits);
}

int vnxp_matcher_init(vnxp_matcher *m, const struct vnx_extractor *x, const vnxp_text *text,
                      const char *input, size_t input_len, vnx_result *result, vnx_error *err)
{
    // Match data sized for the largest pattern, made per call: threads share x.
    *m = (vnxp_matcher){.x = x,
                        .text = text,
                        .input = input,
                        .input_len = input_len,
                        .md = pcre2_match_data_create(64, NULL),
                        .mctx = pcre2_match_context_copy(x->mctx),
                        .result = result,
                        .body_end = text->len};
    size_t na = x->patterns.nanchors;
    m->anchor_hits = calloc(na ? na : 1, sizeof *m->anchor_hits);
    if (!m->md || !m->mctx || !m->anchor_hits) {
        vnxp_matcher_free(m);
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    return VNX_OK;
}

void vnxp_matcher_free(vnxp_matcher *m)
{
    for (size_t i = 0; m->anchor_hits && i < m->x->patterns.nanchors; i++)
        free(m->anchor_hits[i].at);
    free(m->anchor_hits);
    for (size_t i = 0; m->candidates && i < m->x->patterns.nanchors; i++)
        free(m->candidates[i].at);
    free(m->candidates);
    if (m->breaks)
        vnxp_breaks_free(m->breaks);
    free(m->breaks);
    free(m->windows);
    free(m->limit_hits);
    free(m->limit_first);
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    memset(m, 0, sizeof *m);
}

// Copy the groups up to the highest one set (pcre2_match's `rc` counts
// them): the groups after it are unset. Into a block of the hit's own, or,
// with `hits`, onto their pool (a page dense in facts has a hit every few
// dozen bytes: one allocation each cost more than the groups).
static int copy_hit(const vnxp_pattern *p, pcre2_match_data *md, int rc, vnxp_hit *hit,
                    vnxp_hits *hits)
{
    uint32_t n = rc > 0 ? (uint32_t)rc : pcre2_get_ovector_count(md);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    vnxp_offset *to;
    if (hits) {
        if (vnxp_grow((void **)&hits->pool, &hits->pool_cap, hits->pool_n + 2 * n,
                      sizeof *hits->pool))
            return -1;
        to = hits->pool + hits->pool_n;
        hit->pooled_at = (vnxp_offset)hits->pool_n + 1;
        hits->pool_n += 2 * n;
    } else if (!(to = hit->ovector = malloc(2 * n * sizeof *hit->ovector))) {
        return -1;
    }
    for (uint32_t i = 0; i < 2 * n; i++) // a document is under INT32_MAX bytes
        to[i] = ov[i] == PCRE2_UNSET ? VNXP_UNSET : (vnxp_offset)ov[i];
    hit->pattern = p;
    hit->ngroups = n;
    hit->start = to[0];
    hit->end = to[1];
    return 0;
}

// Whether a match failed on one of PCRE2's limits (too costly), not on an error.
static int is_limit(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

// Count a limit `p` hit at matching-text byte `at` (one warning per
// pattern, written at the end).
static int count_limit(vnxp_matcher *m, const vnxp_pattern *p, size_t at, vnx_error *err)
{
    size_t n = m->x->patterns.n, i = (size_t)(p - m->x->patterns.items);
    if (!m->limit_hits) {
        m->limit_hits = calloc(n, sizeof *m->limit_hits);
        m->limit_first = calloc(n, sizeof *m->limit_first);
        if (!m->limit_hits || !m->limit_first)
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    if (i < n && m->limit_hits[i]++ == 0)
        m->limit_first[i] = at <= m->text->len ? vnxp_text_input_offset(m->text, at) : m->input_len;
    return VNX_OK;
}

int vnxp_matcher_warn_limits(vnxp_matcher *m, vnx_error *err)
{
    for (size_t i = 0; m->limit_hits && i < m->x->patterns.n; i++) {
        const vnxp_pattern *p = &m->x->patterns.items[i];
        size_t hits = m->limit_hits[i];
        if (hits == 1 && vnxp_result_warn(m->result, "pattern %s/%s hit a match limit at byte %zu",
                                          p->kind, p->name, m->limit_first[i]))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        if (hits > 1 &&
            vnxp_result_warn(m->result,
                             "pattern %s/%s hit a match limit %zu times, first at byte %zu",
                             p->kind, p->name, hits, m->limit_first[i]))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    return VNX_OK;
}

// Report a match that failed for a reason other than "no match".
static int match_failed(vnxp_matcher *m, const vnxp_pattern *p, int rc, size_t at, vnx_error *err)
{
    if (is_limit(rc))
        return count_limit(m, p, at, err);
    if (rc == PCRE2_ERROR_NOMEMORY)
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    PCRE2_UCHAR msg[120];
    pcre2_get_error_message(rc, msg, sizeof msg);
    return vnxp_fail(err, VNX_ERR_MATCH, "pattern %s/%s: %s", p->kind, p->name, (char *)msg);
}

// A JIT compile of a pattern costs about as much as the interpreter
// matching it over this many bytes more than the JIT code would.
enum { JIT_AFTER_BYTES = 16 * 1024, ANCHORED_MATCH_BYTES = 32 };

// The code to run `re` with over about `bytes` bytes: its JIT copy once the
// interpreter has matched over JIT_AFTER_BYTES (counting these), compiled by
// the first thread to get there. The extractor is shared but not const:
// only these atomics change.
static const pcre2_code *code_for(const vnxp_regex *cre, size_t bytes)
{
    vnxp_regex *re = (vnxp_regex *)cre;
    pcre2_code *jit = atomic_load_explicit(&re->jit, memory_order_acquire);
    if (jit)
        return jit;
    size_t done = atomic_fetch_add_explicit(&re->work, bytes, memory_order_relaxed) + bytes;
    int unclaimed = 0;
    if (done < JIT_AFTER_BYTES || !atomic_compare_exchange_strong(&re->jit_claimed, &unclaimed, 1))
        return re->code;
    // Where JIT is unavailable (or out of memory), the interpreter goes on.
    pcre2_code *copy = pcre2_code_copy(re->code);
    if (!copy || pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) != 0) {
        pcre2_code_free(copy);
        return re->code;
    }
    atomic_store_explicit(&re->jit, copy, memory_order_release);
    return copy;
}

// Match `re` at or after `at` in the first `len` bytes of the matching
// text, starting no later than `limit` (PCRE2_UNSET: anywhere). A match
// held to one place has `limit` == `at`, not PCRE2_ANCHORED, which would
// turn JIT off.
static int match(vnxp_matcher *m, const vnxp_regex *re, size_t len, size_t at, size_t limit)
{
    size_t bytes = limit < len ? limit - at + ANCHORED_MATCH_BYTES : len - at;
    const pcre2_code *code = code_for(re, bytes);
    pcre2_set_offset_limit(m->mctx, limit);
    if (code != re->code) // JIT code, called directly: none of pcre2_match's checks apply here
        return pcre2_jit_match(code, (PCRE2_SPTR)m->text->s, len, at, 0, m->md, m->mctx);
    return pcre2_match(code, (PCRE2_SPTR)m->text->s, len, at, PCRE2_NO_UTF_CHECK, m->md,
                       m->mctx);
}

// The start of the character after the one at `at`.
static size_t next_char(const vnxp_text *t, size_t at)
{
    at++;
    while (at < t->len && (t->s[at] & 0xC0) == 0x80)
        at++;
    return at;
}

// Every match of `p` in the first `len` bytes that starts in [*at, limit],
// left to right; *at is left after the last one.
static int scan_range(vnxp_matcher *m, const vnxp_pattern *p, size_t len, size_t *at,
                      size_t limit, vnxp_hits *hits, vnx_error *err)
{
    while (*at <= len && *at <= limit) {
        int rc = match(m, &p->re, len, *at, limit == len ? PCRE2_UNSET : limit);
        if (rc == PCRE2_ERROR_NOMATCH) {
            *at = limit + 1;
            return VNX_OK;
        }
        if (rc < 0) {
            int e = match_failed(m, p, rc, *at, err);
            if (e != VNX_OK)
                return e;
            *at = next_char(m->text, *at); // past the place that was too costly
            continue;
        }
        if (vnxp_grow((void **)&hits->items, &hits->cap, hits->n + 1, sizeof *hits->items))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        vnxp_hit *hit = &hits->items[hits->n];
        memset(hit, 0, sizeof *hit);
        if (copy_hit(p, m->md, rc, hit, hits))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        hits->n++;
        *at = hit->end > hit->start ? hit->end : next_char(m->text, hit->start);
    }
    return VNX_OK;
}

int vnxp_matcher_breaks(vnxp_matcher *m, const vnxp_breaks **out, vnx_error *err)
{
    if (!m->breaks) {
        vnxp_breaks *b = calloc(1, sizeof *b);
        if (!b || vnxp_breaks_find(m->text, b)) {
            free(b);
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        }
        m->breaks = b;
    }
    *out = m->breaks;
    return VNX_OK;
}

static int add_anchor_hit(vnxp_anchor_hits *ah, size_t at, vnx_error *err)
{
    if (vnxp_grow((void **)&ah->at, &ah->cap, ah->n + 1, sizeof *ah->at))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    ah->at[ah->n++] = (vnxp_offset)at;
    return VNX_OK;
}

// The candidate pass over the body, once per document: where each keyed
// anchor may match.
static int find_candidates(vnxp_matcher *m, vnx_error *err)
{
    if (m->candidates)
        return VNX_OK;
    size_t na = m->x->patterns.nanchors;
    m->candidates = calloc(na ? na : 1, sizeof *m->candidates);
    if (!m->candidates ||
        vnxp_keys_find(m->x->patterns.keys, m->text->s, m->body_end, m->candidates))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return VNX_OK;
}

// The hits of keyed anchor `a`: the places the pass found where the anchor
// matches (its match's start, or its \K), as a scan of the body would find.
static int verify_candidates(vnxp_matcher *m, int a, vnx_error *err)
{
    vnxp_anchor_hits *ah = &m->anchor_hits[a];
    const vnxp_anchor *anchor = &m->x->patterns.anchors[a];
    int rc = find_candidates(m, err);
    const vnxp_positions *c = &m->candidates[a];
    for (size_t i = 0; i < c->n && rc == VNX_OK; i++) {
        int got = match(m, &anchor->re, m->body_end, c->at[i], c->at[i]);
        if (got >= 0)
            rc = add_anchor_hit(ah, pcre2_get_ovector_pointer(m->md)[0], err);
        else if (got != PCRE2_ERROR_NOMATCH) { // as scan_anchor
            ah->everywhere = 1;
            return is_limit(got) ? VNX_OK
                                 : vnxp_fail(err, VNX_ERR_MATCH, "anchor %s: match error %d",
                                             anchor->source, got);
        }
    }
    return rc;
}

// Find every start of anchor `a` before m->body_end, once per document.
static int scan_anchor(vnxp_matcher *m, int a, vnx_error *err)
{
    vnxp_anchor_hits *ah = &m->anchor_hits[a];
    const vnxp_anchor *anchor = &m->x->patterns.anchors[a];
    ah->scanned = 1;
    if (anchor->keyed)
        return verify_candidates(m, a, err);
    for (size_t at = 0; at <= m->body_end;) {
        int rc = match(m, &anchor->re, m->body_end, at, PCRE2_UNSET);
        if (rc == PCRE2_ERROR_NOMATCH)
            return VNX_OK;
        if (rc < 0) { // too costly to say where it is: the patterns scan everything
            ah->everywhere = 1;
            return is_limit(rc)                   ? VNX_OK
                   : rc == PCRE2_ERROR_NOMEMORY ? vnxp_fail(err, VNX_ERR_NOMEM, "out of memory")
                                                  : vnxp_fail(err, VNX_ERR_MATCH,
                                                              "anchor %s: match error %d",
                                                              anchor->source, rc);
        }
        // The hit is where the match starts, or its \K: an anchor may read
        // a character (a mark) and hit after it, which lets PCRE2 skip
        // ahead to such characters rather than test a look-behind at every
        // place.
        int rc2 = add_anchor_hit(ah, pcre2_get_ovector_pointer(m->md)[0], err);
        if (rc2 != VNX_OK)
            return rc2;
        // Every hit, overlapping ones too: the next search begins one
        // character after this match's start, not after it.
        at = next_char(m->text, pcre2_get_startchar(m->md));
    }
    return VNX_OK;
}

// The places a pattern's anchor gives, ascending: its hits; or, for a
// keyed anchor held to its place (reach 0, no \K), the candidate pass's
// places as they are: the pattern run there fails wherever the anchor
// would (a match holds the anchor's), so running the anchor first would
// only double the work.
static int anchor_places(vnxp_matcher *m, const vnxp_pattern_anchor *pa, const vnxp_offset **at,
                         size_t *n, int *everywhere, vnx_error *err)
{
    const vnxp_anchor *anchor = &m->x->patterns.anchors[pa->index];
    if (anchor->keyed && pa->reach == 0 && !anchor->moves) {
        int rc = find_candidates(m, err);
        *at = m->candidates ? m->candidates[pa->index].at : NULL;
        *n = m->candidates ? m->candidates[pa->index].n : 0;
        return rc;
    }
    vnxp_anchor_hits *ah = &m->anchor_hits[pa->index];
    int rc = ah->scanned ? VNX_OK : scan_anchor(m, pa->index, err);
    *at = ah->at;
    *n = ah->n;
    *everywhere = ah->everywhere;
    return rc;
}

static int by_from(const void *a, const void *b)
{
    const vnxp_window *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

// The windows where `p` may start a match, from its anchors' hits, in order
// and merged where they touch: into m->windows, their number in *n.
// *everywhere is set when an anchor could not say where it is.
static int find_windows(vnxp_matcher *m, const vnxp_pattern *p, size_t *n, int *everywhere,
                        vnx_error *err)
{
    *n = 0;
    for (int a = 0; a < p->nanchors; a++) {
        const vnxp_offset *at;
        size_t count;
        int rc = anchor_places(m, &p->anchors[a], &at, &count, everywhere, err);
        if (rc != VNX_OK || *everywhere)
            return rc;
        if (vnxp_grow((void **)&m->windows, &m->cap_windows, *n + count, sizeof *m->windows))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        size_t reach = p->anchors[a].reach;
        for (size_t i = 0; i < count; i++)
            m->windows[(*n)++] = (vnxp_window){at[i] > reach ? at[i] - reach : 0, at[i]};
    }
    if (p->nanchors > 1 && *n > 1) // each anchor's windows are in order already
        qsort(m->windows, *n, sizeof *m->windows, by_from);
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        vnxp_window *last = kept ? &m->windows[kept - 1] : NULL;
        if (last && m->windows[i].from <= last->to + 1) {
            if (m->windows[i].to > last->to)
                last->to = m->windows[i].to;
        } else {
            m->windows[kept++] = m->windows[i];
        }
    }
    *n = kept;
    return VNX_OK;
}

// Every match of `p` before m->body_end, scanning left to right: over the
// whole text, or over the windows its anchors' hits give.
static int scan_pattern(vnxp_matcher *m, const vnxp_pattern *p, vnxp_hits *hits, vnx_error *err)
{
    size_t len = m->body_end, at = 0, n = 0;
    int everywhere = p->nanchors == 0 || (m->x->flags & VNX_OPT_NO_ANCHORS);
    int rc = everywhere ? VNX_OK : find_windows(m, p, &n, &everywhere, err);
    if (rc != VNX_OK)
        return rc;
    if (everywhere)
        return scan_range(m, p, len, &at, len, hits, err);
    for (size_t i = 0; i < n && rc == VNX_OK; i++) {
        if (at < m->windows[i].from)
            at = m->windows[i].from;
        rc = scan_range(m, p, len, &at, m->windows[i].to, hits, err);
    }
    return rc;
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
        if (p->name[0] == '_' || p->kind[0] != kind[0] || strcmp(p->kind, kind) != 0)
            continue;
        int rc = scan_pattern(m, p, hits, err);
        if (rc != VNX_OK) {
            hits_fit(hits); // every hit's groups readable, whatever its caller does
            return rc;
        }
    }
    // The windows are scratch of the pattern being scanned, and the hits
    // take their number: a large page's room goes back before the hits
    // are sorted (qsort copies them) and read (into parts, tokens...).
    if (m->cap_windows > 4096) {
        free(m->windows);
        m->windows = NULL;
        m->cap_windows = 0;
    }
    hits_fit(hits);
    keep_non_overlapping(hits);
    return VNX_OK;
}

// A line of prose: PROSE_WORDS words or more, ending a sentence. The
// article's paragraphs are such lines; menus, lists of related links and
// share buttons are not.
enum { PROSE_WORDS = 25 };

static int ends_sentence(const char *s, size_t n)
{
    static const char *const marks[] = {".", "!", "?", "\"", "\u201D", "\u2026"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t k = strlen(marks[i]);
        if (n >= k && memcmp(s + n - k, marks[i], k) == 0)
            return 1;
    }
    return 0;
}

static int is_prose_line(const vnxp_text *t, size_t s, size_t e)
{
    while (e > s && (t->s[e - 1] == ' ' || t->s[e - 1] == '\t'))
        e--;
    if (!ends_sentence(t->s + s, e - s))
        return 0;
    size_t words = 0;
    for (size_t i = s; i < e && words < PROSE_WORDS; i++)
        words += t->s[i] != ' ' && t->s[i] != '\t' && (i == s || t->s[i - 1] == ' ' || t->s[i - 1] == '\t');
    return words >= PROSE_WORDS;
}

// Where the article's last line of prose ends (0 when it has none). The
// page's tail begins after it: a line that names a tail before it ("Xem
// thêm:", "Tin liên quan" with links inside the text) does not end the
// article, which goes on.
static size_t last_prose_end(const vnxp_text *t)
{
    for (size_t e = t->len;; e--) { // e: the end of a line
        size_t s = vnxp_line_start(t, e);
        if (is_prose_line(t, s, e))
            return e;
        if (s == 0)
            return 0;
        e = s; // the next turn looks at the line that ends at s - 1
    }
}

int vnxp_find_body_end(vnxp_matcher *m, vnx_error *err)
{
    m->body_end = m->text->len;
    const vnxp_pattern *p = vnxp_pattern_find(&m->x->patterns, "page", "tail");
    if (!p)
        return VNX_OK;
    for (size_t at = last_prose_end(m->text); at <= m->text->len;) {
        int rc = match(m, &p->re, m->text->len, at, PCRE2_UNSET);
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

int vnxp_search(vnxp_matcher *m, const vnxp_pattern *p, size_t at, size_t last, vnxp_hit *hit,
                vnx_error *err)
{
    memset(hit, 0, sizeof *hit);
    if (!p || at > m->text->len || last < at)
        return 0;
    int rc = match(m, &p->re, m->text->len, at, last);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        int e = match_failed(m, p, rc, at, err);
        return e == VNX_OK ? 0 : -1;
    }
    return copy_hit(p, m->md, rc, hit, NULL) ? (vnxp_fail(err, VNX_ERR_NOMEM, "out of memory"), -1) : 1;
}

int vnxp_match_at(vnxp_matcher *m, const vnxp_pattern *p, size_t at, vnxp_hit *hit, vnx_error *err)
{
    return vnxp_search(m, p, at, at, hit, err);
}

// The entries of pattern p's name table that bear `name`, as
// pcre2_substring_nametable_scan finds them: their size, or -1 if none.
static int group_entries(const vnxp_pattern *p, const char *name, PCRE2_SPTR *first,
                         PCRE2_SPTR *last)
{
    uint32_t h = vnxp_group_hash(name);
    for (size_t at = h & p->groups_mask;; at = (at + 1) & p->groups_mask) {
        const vnxp_group_name *g = &p->groups[at];
        if (!g->name)
            return -1;
        if (g->hash == h && strcmp(g->name, name) == 0) {
            *first = g->first;
            *last = g->last;
            return (int)p->group_entry_size;
        }
    }
}

int vnxp_hit_group(const vnxp_hit *hit, const char *name, size_t *start, size_t *end)
{
    PCRE2_SPTR first, last;
    int size = group_entries(hit->pattern, name, &first, &last);
    if (size < 0)
        return -1;
    // With duplicate names, the first of the groups that is set.
    for (PCRE2_SPTR e = first; e <= last; e += size) {
        unsigned num = ((unsigned)e[0] << 8) | e[1];
        if (num >= hit->ngroups || hit->ovector[2 * num] == VNXP_UNSET)
            continue;
        *start = hit->ovector[2 * num];
        *end = hit->ovector[2 * num + 1];
        return 0;
    }
    return -1;
}

int vnxp_match_whole(vnxp_matcher *m, const vnxp_pattern *p, size_t from, size_t to,
                     vnx_error *err)
{
    if (!p || from > to || to > m->text->len)
        return 0;
    // The text is cut at `to`: the pattern cannot read past it, and a
    // match that ends there covers the bytes.
    int rc = match(m, &p->re, to, from, from);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return match_failed(m, p, rc, from, err) == VNX_OK ? 0 : -1;
    return pcre2_get_ovector_pointer(m->md)[1] == to;
}

int vnxp_match_before(vnxp_matcher *m, const vnxp_pattern *p, size_t from, size_t to,
                      vnx_error *err)
{
    if (!p || from > to || to > m->text->len)
        return 0;
    int rc = match(m, &p->re, to, from, to);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return match_failed(m, p, rc, from, err) == VNX_OK ? 0 : -1;
    return 1;
}
