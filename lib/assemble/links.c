/**
 * links.c: what the assembly of parts into statements shares (tallies,
 * attendance): the text's clause, sentence and paragraph breaks, found
 * once per document, the words between two parts, the helper patterns
 * that test them, and whom a figure counts.
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/linkhash.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int vnxp_linker_init(vnxp_linker *l, vnxp_matcher *m, vnxp_parts *parts, vnx_error *err)
{
    *l = (vnxp_linker){.m = m, .p = parts->items, .n = parts->n, .err = err};
    return vnxp_matcher_breaks(m, &l->breaks, err);
}

void vnxp_linker_free(vnxp_linker *l)
{
    l->breaks = NULL; // the matcher's
}

static int has_break(const vnxp_positions *v, size_t from, size_t to)
{
    return from < to && vnxp_positions_any(v, from, to);
}

int vnxp_link_crosses_clause(const vnxp_linker *l, size_t from, size_t to)
{
    return has_break(&l->breaks->clause_ends, from, to);
}

int vnxp_link_crosses_sentence(const vnxp_linker *l, size_t from, size_t to)
{
    return has_break(&l->breaks->sentence_ends, from, to);
}

int vnxp_link_crosses_paragraph(const vnxp_linker *l, size_t from, size_t to)
{
    return has_break(&l->breaks->paragraph_ends, from, to);
}

int vnxp_link_words(const vnxp_linker *l, size_t from, size_t to)
{
    if (to <= from)
        return 0;
    if (to - from > VNXP_MAX_GAP_BYTES)
        return VNXP_MAX_GAP_BYTES;
    const char *s = l->m->text->s;
    int words = 0, in_word = 0;
    for (size_t i = from; i < to; i++) {
        int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

// Record a helper's result: 1 or 0, with an error kept as l->failed.
static int outcome(vnxp_linker *l, int rc)
{
    l->failed |= rc < 0;
    return rc > 0;
}

int vnxp_link_gap_is(vnxp_linker *l, const vnxp_pattern *p, size_t from, size_t to)
{
    if (to < from || to - from > VNXP_MAX_GAP_BYTES)
        return 0;
    return outcome(l, vnxp_match_whole(l->m, p, from, to, l->err));
}

int vnxp_link_holds_at(vnxp_linker *l, const vnxp_pattern *p, size_t at)
{
    vnxp_hit h;
    int rc = vnxp_match_at(l->m, p, at, &h, l->err);
    if (rc > 0)
        vnxp_hit_clear(&h);
    return outcome(l, rc);
}

int vnxp_link_found_before(vnxp_linker *l, const vnxp_pattern *p, size_t from, size_t to)
{
    if (to < from)
        return 0;
    if (to - from > VNXP_MAX_GAP_BYTES)
        from = to - VNXP_MAX_GAP_BYTES;
    return outcome(l, vnxp_match_before(l->m, p, from, to, l->err));
}

int vnxp_link_is(const vnxp_linker *l, ptrdiff_t i, vnxp_part_kind kind)
{
    return i >= 0 && (size_t)i < l->n && l->p[i].kind == kind;
}

ptrdiff_t vnxp_link_noun_after(vnxp_linker *l, const vnxp_pattern *before_noun, size_t q,
                               unsigned kinds)
{
    ptrdiff_t k = (ptrdiff_t)q + 1;
    if ((size_t)k >= l->n || !(kinds & (1u << l->p[k].kind)))
        return -1;
    return vnxp_link_gap_is(l, before_noun, l->p[q].end, l->p[k].start) ? k : -1;
}

int vnxp_link_helpers(const vnxp_linker *l, const char *kind, const char *const *names,
                      const vnxp_pattern **const *slots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(*slots[i] = vnxp_pattern_find(&l->m->x->patterns, kind, names[i])))
            return vnxp_fail(l->err, VNX_ERR_PATTERN, "%s.pcre: no pattern %s", kind, names[i]);
    return VNX_OK;
}

static void free_key(struct lh_entry *e)
{
    free(lh_entry_k(e));
}

int vnxp_seen_add(vnxp_seen *s, const char *key)
{
    if (!s->keys && !(s->keys = lh_kchar_table_new(64, free_key)))
        return -1;
    if (lh_table_lookup_ex(s->keys, key, NULL))
        return 0;
    char *copy = vnxp_strdup(key);
    if (!copy)
        return -1;
    if (lh_table_insert(s->keys, copy, NULL)) {
        free(copy);
        return -1;
    }
    return 1;
}

void vnxp_seen_free(vnxp_seen *s)
{
    if (s->keys)
        lh_table_free(s->keys);
    s->keys = NULL;
}
