/**
 * patterns.c: load pattern sets and lexicons, expand them, compile with JIT.
 *
 * A pattern set is a directory (or the built-in copy of patterns/):
 *   VERSION            the set's version, one line
 *   KIND.pcre          the patterns of one kind ("dates.pcre")
 *   lexicon/NAME.txt   word lists, one entry a line, "entry = value"
 * A .pcre file is a series of blocks, each opened by a line
 *   @define NAME     a fragment, used as {{NAME}} (the file's own, or common.pcre's)
 *   @pattern NAME    a pattern, compiled in PCRE2 extended mode
 * and {{lex:NAME}} stands for the alternation of a lexicon's entries. Text
 * outside blocks may only be blank lines and '#' comments.
 *
 * A pattern's first body lines may be (up to VNXP_MAX_ANCHORS of them)
 *   @anchor REACH REGEX
 * a promise that every match holds a match of one of the REGEXes beginning
 * at most its REACH bytes after the match's own start. The pattern is then
 * run only just before the places they match (match/scan.c); a wrong
 * promise loses matches, which VNX_OPT_NO_ANCHORS and the anchors test
 * catch. Several anchors serve where one would be slow to scan: PCRE2 skips
 * ahead fast to an anchor with one first letter, not to one with many.
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

#include "patterns_builtin.inc"

enum { MAX_EXPANSION_DEPTH = 16 };

/* A @define or @pattern block of a file, before expansion. */
typedef struct block {
    int is_pattern;
    char *name;
    int line;
    vnxp_buf body;
    char *anchor[VNXP_MAX_ANCHORS]; /* the REGEX of each "@anchor REACH REGEX" */
    size_t reach[VNXP_MAX_ANCHORS];
    int nanchors;
} block;

typedef struct parsed_file {
    const char *file;
    char *kind;
    block *blocks;
    size_t n, cap;
} parsed_file;

static void parsed_free(parsed_file *pf)
{
    for (size_t i = 0; i < pf->n; i++) {
        free(pf->blocks[i].name);
        for (int a = 0; a < pf->blocks[i].nanchors; a++)
            free(pf->blocks[i].anchor[a]);
        vnxp_buf_free(&pf->blocks[i].body);
    }
    free(pf->blocks);
    free(pf->kind);
    memset(pf, 0, sizeof *pf);
}

static int fail_at(vnx_error *err, int code, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int fail_at(vnx_error *err, int code, const char *file, int line, const char *fmt, ...)
{
    if (!err || err->code != VNX_OK)
        return code;
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vnxp_fail(err, code, "%s:%d: %s", file, line, msg);
    snprintf(err->source, sizeof err->source, "%s", file);
    err->line = line;
    return code;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Read "@define NAME" / "@pattern NAME" at `line` into `b`.
static int parse_directive(const char *line, size_t n, const char *file, int lineno, block *b,
                           vnx_error *err)
{
    const char *kw[] = {"@define", "@pattern"};
    for (int k = 0; k < 2; k++) {
        size_t kl = strlen(kw[k]);
        if (n <= kl || strncmp(line, kw[k], kl) != 0 || (line[kl] != ' ' && line[kl] != '\t'))
            continue;
        size_t i = kl;
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t s = i;
        while (i < n && is_name_char(line[i]))
            i++;
        size_t e = i;
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (s == e || i != n)
            return fail_at(err, VNX_ERR_PATTERN, file, lineno, "bad name after %s", kw[k]);
        b->is_pattern = k == 1;
        b->line = lineno;
        b->name = vnxp_strndup(line + s, e - s);
        return b->name ? VNX_OK : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    return fail_at(err, VNX_ERR_PATTERN, file, lineno,
                   "unknown directive (want @define, @pattern or @anchor)");
}

// Read "@anchor REACH REGEX" at `line` into the pattern `b` it follows.
static int parse_anchor(const char *line, size_t n, const char *file, int lineno, block *b,
                        vnx_error *err)
{
    if (!b || !b->is_pattern || b->body.len > 0)
        return fail_at(err, VNX_ERR_PATTERN, file, lineno,
                       "@anchor lines must open a @pattern block");
    if (b->nanchors == VNXP_MAX_ANCHORS)
        return fail_at(err, VNX_ERR_PATTERN, file, lineno, "more than %d @anchor lines",
                       VNXP_MAX_ANCHORS);
    size_t i = strlen("@anchor"), reach = 0, digits = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t'))
        i++;
    for (; i < n && line[i] >= '0' && line[i] <= '9' && reach < 100000; i++, digits++)
        reach = reach * 10 + (size_t)(line[i] - '0');
    size_t s = i;
    while (s < n && (line[s] == ' ' || line[s] == '\t'))
        s++;
    size_t e = n;
    while (e > s && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r'))
        e--;
    if (digits == 0 || s == i || s == e)
        return fail_at(err, VNX_ERR_PATTERN, file, lineno, "want @anchor REACH REGEX");
    b->reach[b->nanchors] = reach;
    b->anchor[b->nanchors] = vnxp_strndup(line + s, e - s);
    return b->anchor[b->nanchors++] ? VNX_OK : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
}

static int is_blank_or_comment(const char *line, size_t n)
{
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
        i++;
    return i == n || line[i] == '#';
}

// Split a .pcre file into its blocks.
static int parse_file(const vnxp_source *src, parsed_file *pf, vnx_error *err)
{
    memset(pf, 0, sizeof *pf);
    pf->file = src->name;
    const char *dot = strrchr(src->name, '.');
    pf->kind = vnxp_strndup(src->name, (size_t)(dot - src->name));
    if (!pf->kind)
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    const char *p = src->text;
    int lineno = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (strncmp(p, "@anchor", 7) == 0 && (p[7] == ' ' || p[7] == '\t')) {
            int rc =
                parse_anchor(p, n, src->name, lineno, pf->n ? &pf->blocks[pf->n - 1] : NULL, err);
            if (rc != VNX_OK)
                return rc;
        } else if (p[0] == '@') {
            if (vnxp_grow((void **)&pf->blocks, &pf->cap, pf->n + 1, sizeof *pf->blocks))
                return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
            block *b = &pf->blocks[pf->n];
            memset(b, 0, sizeof *b);
            int rc = parse_directive(p, n, src->name, lineno, b, err);
            if (rc != VNX_OK)
                return rc;
            pf->n++;
        } else if (pf->n > 0) {
            block *b = &pf->blocks[pf->n - 1];
            if (vnxp_buf_add(&b->body, p, n) || vnxp_buf_addc(&b->body, '\n'))
                return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        } else if (!is_blank_or_comment(p, n)) {
            return fail_at(err, VNX_ERR_PATTERN, src->name, lineno,
                           "text outside a @pattern or @define block");
        }
        p += n + (nl != NULL);
    }
    return VNX_OK;
}

/* ---- lexicons ------------------------------------------------------------ */

static void lexicon_free(vnxp_lexicon *lx)
{
    for (size_t i = 0; i < lx->n; i++) {
        free(lx->entries[i].key);
        free(lx->entries[i].value);
    }
    free(lx->entries);
    free(lx->name);
}

static void trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

// Entries by key; of equal keys, the one first in the file first.
static int by_key_then_place(const void *a, const void *b)
{
    const vnxp_lexicon_entry *x = *(const vnxp_lexicon_entry *const *)a;
    const vnxp_lexicon_entry *y = *(const vnxp_lexicon_entry *const *)b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x > y) - (x < y);
}

// Sort the entries by key for vnxp_lexicon_lookup's binary search; of
// entries with the same key, the first in the file is kept.
static int sort_entries(vnxp_lexicon *lx)
{
    vnxp_lexicon_entry **order = malloc((lx->n ? lx->n : 1) * sizeof *order);
    vnxp_lexicon_entry *sorted = malloc((lx->n ? lx->n : 1) * sizeof *sorted);
    if (!order || !sorted) {
        free(order);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < lx->n; i++)
        order[i] = &lx->entries[i];
    qsort(order, lx->n, sizeof *order, by_key_then_place);
    size_t kept = 0;
    for (size_t i = 0; i < lx->n; i++) {
        if (kept > 0 && strcmp(sorted[kept - 1].key, order[i]->key) == 0) {
            free(order[i]->key);
            free(order[i]->value);
        } else {
            sorted[kept++] = *order[i];
        }
    }
    free(order);
    free(lx->entries);
    lx->entries = sorted;
    lx->n = kept;
    return 0;
}

// Parse "entry" or "entry = value" lines; '#' starts a comment line.
static int parse_lexicon(const vnxp_source *src, vnxp_lexicon *lx, vnx_error *err)
{
    memset(lx, 0, sizeof *lx);
    const char *base = src->name + strlen("lexicon/");
    const char *dot = strrchr(base, '.');
    lx->name = vnxp_strndup(base, (size_t)(dot - base));
    size_t cap = 0;
    if (!lx->name)
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    const char *p = src->text;
    int lineno = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        lineno++;
        const char *s = p, *e = end;
        trim(&s, &e);
        p = nl ? nl + 1 : end;
        if (s == e || *s == '#')
            continue;
        const char *eq = memchr(s, '=', (size_t)(e - s));
        const char *ks = s, *ke = eq ? eq : e, *vs = eq ? eq + 1 : s, *ve = e;
        trim(&ks, &ke);
        trim(&vs, &ve);
        if (ks == ke)
            return fail_at(err, VNX_ERR_PATTERN, src->name, lineno, "empty lexicon entry");
        if (vnxp_grow((void **)&lx->entries, &cap, lx->n + 1, sizeof *lx->entries))
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        vnxp_lexicon_entry *en = &lx->entries[lx->n++];
        en->key = vnxp_key(ks, (size_t)(ke - ks));
        en->value = vnxp_strndup(vs, (size_t)(ve - vs));
        if (!en->key || !en->value)
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    return sort_entries(lx) ? vnxp_fail(err, VNX_ERR_NOMEM, "out of memory") : VNX_OK;
}

/* ---- lookups by name ------------------------------------------------------ */
//
// The code asks for its patterns and lexicons by name at every use (some
// hundred thousand times a megabyte): open-addressing hash tables, made
// once loaded, answer that with one hash and a strcmp or two.

static uint32_t name_hash(const char *kind, const char *name)
{
    uint32_t h = 2166136261u;
    for (const char *s = kind; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    h = (h ^ '/') * 16777619u;
    for (const char *s = name; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

// The zeroed slots of a table for n items of `item` bytes: a power of two,
// at least 2n; its mask in *mask. NULL when out of memory.
static void *new_slots(size_t n, size_t item, size_t *mask)
{
    size_t size = 8;
    while (size < 2 * n)
        size *= 2;
    *mask = size - 1;
    return calloc(size, item);
}

// The lexicons by name; of two of one name, the first (as a walk finds it).
static int hash_lexicons(vnxp_patterns *ps)
{
    ps->lexicon_slots = new_slots(ps->nlex, sizeof *ps->lexicon_slots, &ps->lexicon_mask);
    if (!ps->lexicon_slots)
        return -1;
    for (size_t i = 0; i < ps->nlex; i++) {
        const char *name = ps->lexicons[i].name;
        size_t at = name_hash(NULL, name) & ps->lexicon_mask;
        while (ps->lexicon_slots[at] && strcmp(ps->lexicon_slots[at]->name, name) != 0)
            at = (at + 1) & ps->lexicon_mask;
        if (!ps->lexicon_slots[at])
            ps->lexicon_slots[at] = &ps->lexicons[i];
    }
    return 0;
}

const vnxp_lexicon *vnxp_lexicon_find(const vnxp_patterns *ps, const char *name)
{
    if (!ps->lexicon_slots) { // while the lexicons load
        for (size_t i = 0; i < ps->nlex; i++)
            if (strcmp(ps->lexicons[i].name, name) == 0)
                return &ps->lexicons[i];
        return NULL;
    }
    for (size_t at = name_hash(NULL, name) & ps->lexicon_mask;; at = (at + 1) & ps->lexicon_mask) {
        const vnxp_lexicon *lx = ps->lexicon_slots[at];
        if (!lx || strcmp(lx->name, name) == 0)
            return lx;
    }
}

static int by_entry_key(const void *a, const void *b)
{
    return strcmp(((const vnxp_lexicon_entry *)a)->key, ((const vnxp_lexicon_entry *)b)->key);
}

// The entry whose key is `key`; NULL if none.
static const char *find_key(const vnxp_lexicon *lx, char *key)
{
    vnxp_lexicon_entry want = {key, NULL};
    const vnxp_lexicon_entry *found =
        bsearch(&want, lx->entries, lx->n, sizeof *lx->entries, by_entry_key);
    return found ? found->value : NULL;
}

// The entry whose key is vnxp_key(s, n); NULL if none, or when the key
// could not be made (which sets *nomem).
static const char *find_made_key(const vnxp_lexicon *lx, const char *s, size_t n, int *nomem)
{
    char *key = vnxp_key(s, n);
    if (!key) {
        *nomem = 1;
        return NULL;
    }
    const char *value = find_key(lx, key);
    free(key);
    return value;
}

const char *vnxp_lexicon_lookup(const vnxp_lexicon *lx, const char *s, size_t n, int *nomem)
{
    if (!lx)
        return NULL;
    int ascii = 1;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii) // nothing to normalize: vnxp_key is lower case and spaces collapsed
        return vnxp_lexicon_lookup_text(lx, s, n, nomem);
    return find_made_key(lx, s, n, nomem);
}

// Lower case and spaces collapsed (as vnxp_key does after normalizing),
// into buf (cap bytes); 0 when it does not fit.
static int lower_collapsed(const char *s, size_t n, char *buf, size_t cap)
{
    size_t j = 0;
    int pending_space = 0;
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        if (c < 0)
            return 0;
        if (c < 0x80 ? c == ' ' || c == '\n' || c == '\t' || c == '\r' : u_isUWhiteSpace(c)) {
            pending_space = j > 0;
            continue;
        }
        if (j + 6 >= cap)
            return 0;
        if (pending_space)
            buf[j++] = ' ';
        pending_space = 0;
        c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : u_tolower(c);
        U8_APPEND_UNSAFE(buf, j, c);
    }
    buf[j] = '\0';
    return 1;
}

const char *vnxp_lexicon_lookup_text(const vnxp_lexicon *lx, const char *s, size_t n,
                                     int *nomem)
{
    char buf[256];
    if (!lx)
        return NULL;
    if (!lower_collapsed(s, n, buf, sizeof buf))
        return find_made_key(lx, s, n, nomem);
    return find_key(lx, buf);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// The length of the token of `key` at `at`: a space (a run of spaces in the
// text) or one UTF-8 character.
static size_t token_len(const char *key, size_t at)
{
    size_t n = 1;
    if (key[at] != ' ')
        while ((key[at + n] & 0xC0) == 0x80)
            n++;
    return n;
}

static int append_token(vnxp_buf *out, const char *tok, size_t n)
{
    if (*tok == ' ')
        return vnxp_buf_add(out, "\\s+", 3);
    if (n == 1 && strchr("\\^$.|?*+()[]{}#-/", *tok) && vnxp_buf_addc(out, '\\'))
        return -1;
    return vnxp_buf_add(out, tok, n);
}

static size_t longest(char *const *keys, size_t n)
{
    size_t max = 0;
    for (size_t i = 0; i < n; i++)
        if (strlen(keys[i]) > max)
            max = strlen(keys[i]);
    return max;
}

typedef struct branch {
    char *const *keys;
    size_t n, longest;
} branch;

static int by_longest_desc(const void *a, const void *b)
{
    size_t la = ((const branch *)a)->longest, lb = ((const branch *)b)->longest;
    return la < lb ? 1 : la > lb ? -1 : 0;
}

// Append sorted keys[0..n), which share their first `at` bytes, from byte
// `at` on: a tree of alternations, one branch per next token. A branch
// with longer entries comes first and the end of a shorter entry last, so
// that of two entries that both match, the longer is tried first
// ("phó bí thư" before "bí thư"), as in a list sorted longest first; but
// PCRE2 tries each token once, not once per entry.
static int append_tree(vnxp_buf *out, char *const *keys, size_t n, size_t at)
{
    size_t ends = 0; // keys that end here sort first
    while (ends < n && keys[ends][at] == '\0')
        ends++;
    branch *br = malloc((n - ends + 1) * sizeof *br);
    if (!br)
        return -1;
    size_t nb = 0;
    for (size_t i = ends; i < n;) {
        size_t len = token_len(keys[i], at), j = i + 1;
        while (j < n && strncmp(keys[j] + at, keys[i] + at, len) == 0 &&
               token_len(keys[j], at) == len)
            j++;
        br[nb++] = (branch){keys + i, j - i, longest(keys + i, j - i)};
        i = j;
    }
    qsort(br, nb, sizeof *br, by_longest_desc);
    int group = nb > 1 || (nb == 1 && ends > 0);
    int rc = group ? vnxp_buf_add(out, "(?:", 3) : 0;
    for (size_t b = 0; b < nb && !rc; b++) {
        size_t len = token_len(br[b].keys[0], at);
        if (b)
            rc = vnxp_buf_addc(out, '|');
        if (!rc)
            rc = append_token(out, br[b].keys[0] + at, len);
        if (!rc)
            rc = append_tree(out, br[b].keys, br[b].n, at + len);
    }
    if (!rc && group)
        rc = vnxp_buf_add(out, ends ? "|)" : ")", ends ? 2 : 1);
    free(br);
    return rc;
}

// Append the lexicon as one group matching any of its entries:
// metacharacters escaped, each space \s+ (patterns are compiled in extended
// mode), entries with a common beginning sharing it (append_tree).
static int append_lexicon_regex(vnxp_buf *out, const vnxp_lexicon *lx)
{
    char **keys = malloc((lx->n ? lx->n : 1) * sizeof *keys);
    if (!keys)
        return -1;
    for (size_t i = 0; i < lx->n; i++)
        keys[i] = lx->entries[i].key;
    qsort(keys, lx->n, sizeof *keys, by_key);
    int rc = vnxp_buf_add(out, "(?:", 3);
    if (!rc && lx->n)
        rc = append_tree(out, keys, lx->n, 0);
    if (!rc)
        rc = vnxp_buf_addc(out, ')');
    free(keys);
    return rc;
}

/* ---- expansion and compilation ------------------------------------------ */

typedef struct expand_ctx {
    const vnxp_patterns *ps;
    const parsed_file *file;
    const parsed_file *common;
    vnx_error *err;
    int lex_markers; /* {{lex:NAME}} left as it is, for keys.c */
} expand_ctx;

static const block *find_define(const parsed_file *pf, const char *name, size_t n)
{
    if (!pf)
        return NULL;
    for (size_t i = 0; i < pf->n; i++)
        if (!pf->blocks[i].is_pattern && strlen(pf->blocks[i].name) == n &&
            strncmp(pf->blocks[i].name, name, n) == 0)
            return &pf->blocks[i];
    return NULL;
}

static int expand(const expand_ctx *cx, const block *b, const char *text, int depth, vnxp_buf *out);

// Expand one {{NAME}} or {{lex:NAME}} reference.
static int expand_ref(const expand_ctx *cx, const block *b, const char *name, size_t n, int depth,
                      vnxp_buf *out)
{
    if (n > 4 && strncmp(name, "lex:", 4) == 0) {
        char lexname[64];
        snprintf(lexname, sizeof lexname, "%.*s", (int)(n - 4), name + 4);
        const vnxp_lexicon *lx = vnxp_lexicon_find(cx->ps, lexname);
        if (!lx)
            return fail_at(cx->err, VNX_ERR_PATTERN, cx->file->file, b->line,
                           "%s '%s': no lexicon '%s'", b->is_pattern ? "pattern" : "define",
                           b->name, lexname);
        int bad = cx->lex_markers ? vnxp_buf_add(out, "{{lex:", 6) ||
                                        vnxp_buf_add(out, lexname, strlen(lexname)) ||
                                        vnxp_buf_add(out, "}}", 2)
                                  : append_lexicon_regex(out, lx);
        return bad ? vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory") : VNX_OK;
    }
    const block *d = find_define(cx->file, name, n);
    if (!d)
        d = find_define(cx->common, name, n);
    if (!d)
        return fail_at(cx->err, VNX_ERR_PATTERN, cx->file->file, b->line,
                       "%s '%s': no define '%.*s'", b->is_pattern ? "pattern" : "define", b->name,
                       (int)n, name);
    // The newline ends any '#' comment of the fragment inside the group.
    if (vnxp_buf_add(out, "(?:", 3))
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    int rc = expand(cx, d, d->body.s ? d->body.s : "", depth + 1, out);
    if (rc == VNX_OK && vnxp_buf_add(out, "\n)", 2))
        rc = vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    return rc;
}

static int expand(const expand_ctx *cx, const block *b, const char *text, int depth, vnxp_buf *out)
{
    if (depth > MAX_EXPANSION_DEPTH)
        return fail_at(cx->err, VNX_ERR_PATTERN, cx->file->file, b->line,
                       "'%s': defines nested too deep (a cycle?)", b->name);
    const char *p = text;
    while (*p) {
        const char *open = strstr(p, "{{");
        if (!open)
            return vnxp_buf_add(out, p, strlen(p))
                       ? vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory")
                       : VNX_OK;
        const char *close = strstr(open + 2, "}}");
        if (!close)
            return fail_at(cx->err, VNX_ERR_PATTERN, cx->file->file, b->line, "'%s': unclosed {{",
                           b->name);
        if (vnxp_buf_add(out, p, (size_t)(open - p)))
            return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
        int rc = expand_ref(cx, b, open + 2, (size_t)(close - open - 2), depth, out);
        if (rc != VNX_OK)
            return rc;
        p = close + 2;
    }
    return VNX_OK;
}

// Expand, tone-fold and compile `text` (block b's body or anchor) into
// *code, with its folded source in *folded (free both). `extra` adds to the
// compile options.
static int compile_text(const expand_ctx *cx, const block *b, const char *text, unsigned opt_flags,
                        uint32_t extra, pcre2_code **code, char **folded)
{
    *code = NULL;
    *folded = NULL;
    vnxp_buf src = {0};
    int rc = expand(cx, b, text, 0, &src);
    if (rc == VNX_OK && !src.s && vnxp_buf_add(&src, "", 0))
        rc = vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    if (rc != VNX_OK) {
        vnxp_buf_free(&src);
        return rc;
    }
    char *f = (opt_flags & VNX_OPT_NO_TONE_FOLD) ? src.s : vnxp_fold_utf8(src.s, src.len);
    if (f != src.s)
        vnxp_buf_free(&src);
    if (!f)
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    int errcode;
    PCRE2_SIZE erroff;
    // The offset limit lets a scan stop where an anchor's reach ends (match/scan.c).
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_EXTENDED | PCRE2_DUPNAMES |
                       PCRE2_USE_OFFSET_LIMIT | extra;
    *code = pcre2_compile((PCRE2_SPTR)f, strlen(f), options, &errcode, &erroff, NULL);
    if (!*code && errcode == PCRE2_ERROR_HEAP_FAILED) { // no fault of the pattern's
        free(f);
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    }
    if (!*code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        size_t flen = strlen(f), from = erroff > 20 ? erroff - 20 : 0;
        rc = fail_at(cx->err, VNX_ERR_PATTERN, cx->file->file, b->line,
                     "%s '%s': %s at offset %zu near \"%.*s\"",
                     text != b->body.s ? "anchor of pattern" : "pattern", b->name, (char *)msg,
                     (size_t)erroff, (int)((erroff < flen ? erroff : flen) - from), f + from);
        if (cx->err)
            cx->err->offset = (long)erroff;
        free(f);
        return rc;
    }
    *folded = f; // JIT-compiled when it pays (match/scan.c)
    return VNX_OK;
}

static void regex_init(vnxp_regex *re, pcre2_code *code)
{
    re->code = code;
    atomic_init(&re->jit, NULL);
    atomic_init(&re->work, 0);
    atomic_init(&re->jit_claimed, 0);
}

static void regex_free(vnxp_regex *re)
{
    pcre2_code_free(re->code);
    pcre2_code_free(atomic_load(&re->jit));
}

uint32_t vnxp_group_hash(const char *name)
{
    return name_hash(NULL, name);
}

// The names of pt's groups hashed into pt->groups (pt->re.code compiled);
// -1 when out of memory.
static int hash_group_names(vnxp_pattern *pt)
{
    uint32_t count = 0, size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(pt->re.code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(pt->re.code, PCRE2_INFO_NAMEENTRYSIZE, &size);
    pcre2_pattern_info(pt->re.code, PCRE2_INFO_NAMETABLE, &table);
    pt->groups = new_slots(count, sizeof *pt->groups, &pt->groups_mask);
    pt->group_entry_size = size;
    if (!pt->groups)
        return -1;
    // The table is sorted by name: the entries of one name are together.
    for (uint32_t i = 0; i < count; i++) {
        const unsigned char *e = table + (size_t)i * size;
        const char *name = (const char *)e + 2;
        if (i > 0 && strcmp((const char *)e - size + 2, name) == 0) {
            // another group of the name before: extend its run
            uint32_t h = name_hash(NULL, name);
            size_t at = h & pt->groups_mask;
            while (strcmp(pt->groups[at].name, name) != 0)
                at = (at + 1) & pt->groups_mask;
            pt->groups[at].last = e;
            continue;
        }
        uint32_t h = name_hash(NULL, name);
        size_t at = h & pt->groups_mask;
        while (pt->groups[at].name)
            at = (at + 1) & pt->groups_mask;
        pt->groups[at] = (vnxp_group_name){h, name, e, e};
    }
    return 0;
}

// The keys of anchor `index` (keys.c), from `anchor` (an anchor's source
// or a pattern's) with lexicons as markers; anchor->keyed says whether it
// has any.
static int add_keys(vnxp_patterns *ps, const expand_ctx *cx, const block *b, const char *anchor,
                    unsigned opt_flags, int index, vnxp_key_list *keys)
{
    expand_ctx marked = *cx;
    marked.lex_markers = 1;
    vnxp_buf src = {0};
    int rc = expand(&marked, b, anchor, 0, &src);
    if (rc == VNX_OK && !src.s && vnxp_buf_add(&src, "", 0))
        rc = vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    if (rc != VNX_OK) {
        vnxp_buf_free(&src);
        return rc;
    }
    char *f = (opt_flags & VNX_OPT_NO_TONE_FOLD) ? src.s : vnxp_fold_utf8(src.s, src.len);
    int got = f ? vnxp_anchor_keys(ps, f, index, keys) : -1;
    if (f != src.s)
        free(f);
    vnxp_buf_free(&src);
    if (got < 0)
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    ps->anchors[index].keyed = got;
    return VNX_OK;
}

// The index of b's anchor in ps->anchors, compiled and added if new.
static int add_anchor(vnxp_patterns *ps, const expand_ctx *cx, const block *b, const char *anchor,
                      unsigned opt_flags, int *index, vnxp_key_list *keys)
{
    pcre2_code *code;
    char *folded;
    int rc = compile_text(cx, b, anchor, opt_flags, 0, &code, &folded);
    if (rc != VNX_OK)
        return rc;
    for (size_t i = 0; i < ps->nanchors; i++) {
        if (strcmp(ps->anchors[i].source, folded) == 0) {
            pcre2_code_free(code);
            free(folded);
            *index = (int)i;
            return VNX_OK;
        }
    }
    if (vnxp_grow((void **)&ps->anchors, &ps->capanchors, ps->nanchors + 1, sizeof *ps->anchors)) {
        pcre2_code_free(code);
        free(folded);
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    }
    ps->anchors[ps->nanchors].source = folded;
    ps->anchors[ps->nanchors].keyed = 0;
    ps->anchors[ps->nanchors].moves = strstr(anchor, "\\K") != NULL;
    regex_init(&ps->anchors[ps->nanchors].re, code);
    *index = (int)ps->nanchors++;
    return add_keys(ps, cx, b, anchor, opt_flags, *index, keys);
}

// Whether the body of `b`, compiled as `code`, is better compiled without
// PCRE2's start-up optimizations: a helper (run at one place at a time)
// whose every match holds a known character (PCRE2_INFO_LASTCODETYPE).
// PCRE2 first looks for that character from where a call starts, as far as
// the text's end (the JIT, up to 500 KB on): called at every line of a long
// page without it, a helper read on over the page each time, in time
// growing with the page's square. Held to one place, the optimizations
// save little. (Patterns run in anchor windows keep them: there they skip
// to their first characters, and turning them off cost 5% on real pages.)
static int no_start_optimize(const block *b, const pcre2_code *code)
{
    uint32_t last = 0;
    return b->name[0] == '_' && pcre2_pattern_info(code, PCRE2_INFO_LASTCODETYPE, &last) == 0 &&
           last != 0;
}

// A pattern with no "@anchor" line whose own start has keys (keys.c) is
// its own anchor: it runs only where the candidate pass finds them. Not
// helpers: the code runs them at given places.
static int add_own_anchor(vnxp_patterns *ps, const expand_ctx *cx, const block *b,
                          unsigned opt_flags, vnxp_pattern *pt, vnxp_key_list *keys)
{
    if (b->nanchors > 0 || b->name[0] == '_')
        return VNX_OK;
    if (vnxp_grow((void **)&ps->anchors, &ps->capanchors, ps->nanchors + 1, sizeof *ps->anchors))
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    vnxp_anchor *a = &ps->anchors[ps->nanchors];
    memset(a, 0, sizeof *a);
    a->source = malloc(strlen(pt->kind) + strlen(pt->name) + 16);
    if (!a->source)
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    sprintf(a->source, "(the pattern %s/%s)", pt->kind, pt->name); // shared by none
    regex_init(&a->re, NULL);
    int index = (int)ps->nanchors++;
    int rc = add_keys(ps, cx, b, b->body.s ? b->body.s : "", opt_flags, index, keys);
    if (rc == VNX_OK && a->keyed) {
        pt->anchors[0] = (vnxp_pattern_anchor){index, 0};
        pt->nanchors = 1;
    } else if (rc == VNX_OK) { // no keys: the pattern scans the whole text
        free(a->source);
        ps->nanchors--;
    }
    return rc;
}

static int compile_block(vnxp_patterns *ps, const expand_ctx *cx, const block *b,
                         unsigned opt_flags, vnxp_key_list *keys)
{
    vnxp_pattern_anchor anchors[VNXP_MAX_ANCHORS];
    int rc = VNX_OK;
    for (int a = 0; a < b->nanchors && rc == VNX_OK; a++) {
        anchors[a].reach = b->reach[a];
        rc = add_anchor(ps, cx, b, b->anchor[a], opt_flags, &anchors[a].index, keys);
    }
    pcre2_code *code = NULL;
    char *folded = NULL;
    const char *body = b->body.s ? b->body.s : "";
    if (rc == VNX_OK)
        rc = compile_text(cx, b, body, opt_flags, 0, &code, &folded);
    free(folded);
    if (rc == VNX_OK && no_start_optimize(b, code)) {
        pcre2_code_free(code);
        rc = compile_text(cx, b, body, opt_flags, PCRE2_NO_START_OPTIMIZE, &code, &folded);
        free(folded);
    }
    if (rc != VNX_OK)
        return rc;
    if (vnxp_grow((void **)&ps->items, &ps->cap, ps->n + 1, sizeof *ps->items)) {
        pcre2_code_free(code);
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    }
    vnxp_pattern *pt = &ps->items[ps->n++];
    pt->kind = vnxp_strdup(cx->file->kind);
    pt->name = vnxp_strdup(b->name);
    regex_init(&pt->re, code);
    memcpy(pt->anchors, anchors, (size_t)b->nanchors * sizeof *anchors);
    pt->nanchors = b->nanchors;
    pt->groups = NULL;
    if (!pt->kind || !pt->name || hash_group_names(pt))
        return vnxp_fail(cx->err, VNX_ERR_NOMEM, "out of memory");
    return add_own_anchor(ps, cx, b, opt_flags, pt, keys);
}

static int compare_name_kind(const vnxp_pattern *p, const char *kind, const char *name)
{
    int c = strcmp(p->name, name);
    return c ? c : strcmp(p->kind, kind);
}

static int by_name_kind_place(const void *a, const void *b)
{
    const vnxp_pattern *x = *(const vnxp_pattern *const *)a, *y = *(const vnxp_pattern *const *)b;
    int c = compare_name_kind(x, y->kind, y->name);
    return c ? c : (x < y ? -1 : x > y);
}

// The lookup index by_name: patterns sorted by name, kind and place; and
// hashed by kind and name, the first place of each.
static int index_by_name(vnxp_patterns *ps)
{
    ps->by_name = malloc((ps->n ? ps->n : 1) * sizeof *ps->by_name);
    ps->pattern_slots = new_slots(ps->n, sizeof *ps->pattern_slots, &ps->pattern_mask);
    if (!ps->by_name || !ps->pattern_slots)
        return -1;
    for (size_t i = 0; i < ps->n; i++)
        ps->by_name[i] = &ps->items[i];
    qsort(ps->by_name, ps->n, sizeof *ps->by_name, by_name_kind_place);
    for (size_t i = 0; i < ps->n; i++) {
        const vnxp_pattern *p = ps->by_name[i];
        size_t at = name_hash(p->kind, p->name) & ps->pattern_mask;
        while (ps->pattern_slots[at] && compare_name_kind(ps->pattern_slots[at], p->kind, p->name))
            at = (at + 1) & ps->pattern_mask;
        if (!ps->pattern_slots[at])
            ps->pattern_slots[at] = p;
    }
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int vnxp_patterns_load_sources(vnxp_patterns *ps, const vnxp_source *src, size_t n,
                               unsigned opt_flags, vnx_error *err)
{
    memset(ps, 0, sizeof *ps);
    int rc = VNX_OK;
    // Lexicons and the version first: patterns refer to lexicons.
    for (size_t i = 0; i < n && rc == VNX_OK; i++) {
        if (strcmp(src[i].name, "VERSION") == 0) {
            const char *e = src[i].text + strcspn(src[i].text, "\r\n");
            free(ps->version);
            ps->version = vnxp_strndup(src[i].text, (size_t)(e - src[i].text));
            if (!ps->version)
                rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        } else if (strncmp(src[i].name, "lexicon/", 8) == 0 && ends_with(src[i].name, ".txt")) {
            // (not a return: what was loaded is freed below)
            if (vnxp_grow((void **)&ps->lexicons, &ps->caplex, ps->nlex + 1, sizeof *ps->lexicons))
                rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
            else
                rc = parse_lexicon(&src[i], &ps->lexicons[ps->nlex++], err);
        }
    }
    if (rc == VNX_OK && hash_lexicons(ps))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    parsed_file common = {0};
    vnxp_key_list keys = {0};
    for (size_t i = 0; i < n && rc == VNX_OK; i++)
        if (strcmp(src[i].name, "common.pcre") == 0)
            rc = parse_file(&src[i], &common, err);
    for (size_t i = 0; i < n && rc == VNX_OK; i++) {
        if (!ends_with(src[i].name, ".pcre") || strchr(src[i].name, '/'))
            continue;
        parsed_file pf;
        rc = parse_file(&src[i], &pf, err);
        expand_ctx cx = {ps, &pf, &common, err, 0};
        for (size_t b = 0; b < pf.n && rc == VNX_OK; b++)
            if (pf.blocks[b].is_pattern)
                rc = compile_block(ps, &cx, &pf.blocks[b], opt_flags, &keys);
        parsed_free(&pf);
    }
    parsed_free(&common);
    if (rc == VNX_OK && !(ps->keys = vnxp_keys_new(&keys, ps->nanchors)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    free(keys.items);
    if (rc == VNX_OK && index_by_name(ps))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc == VNX_OK && !ps->version && !(ps->version = vnxp_strndup("unversioned", 11)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc != VNX_OK)
        vnxp_patterns_free(ps);
    return rc;
}

int vnxp_patterns_load_builtin(vnxp_patterns *ps, unsigned opt_flags, vnx_error *err)
{
    return vnxp_patterns_load_sources(
        ps, builtin_sources, sizeof builtin_sources / sizeof builtin_sources[0], opt_flags, err);
}

/* ---- pattern directories -------------------------------------------------- */

static char *read_file(const char *path, vnx_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        vnxp_fail(err, VNX_ERR_IO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    vnxp_buf b = {0};
    char chunk[8192];
    size_t got;
    int bad = vnxp_buf_add(&b, "", 0);
    while (!bad && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        bad = vnxp_buf_add(&b, chunk, got);
    if (ferror(f))
        vnxp_fail(err, VNX_ERR_IO, "%s: read error", path), bad = 1;
    else if (bad)
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory reading %s", path);
    fclose(f);
    if (!bad && memchr(b.s, '\0', b.len)) {
        vnxp_fail(err, VNX_ERR_PATTERN, "%s: contains a NUL byte", path);
        bad = 1;
    }
    if (bad)
        vnxp_buf_free(&b);
    return b.s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Names of the files in `dir` ending in `suffix`, sorted, prefixed by `prefix`.
static int list_dir(const char *dir, const char *prefix, const char *suffix, char ***names,
                    size_t *n, size_t *cap, vnx_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT && *prefix
                   ? VNX_OK
                   : vnxp_fail(err, VNX_ERR_IO, "%s: %s", dir, strerror(errno));
    size_t first = *n;
    struct dirent *de;
    int rc = VNX_OK;
    while (rc == VNX_OK && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, suffix))
            continue;
        size_t len = strlen(prefix) + strlen(de->d_name) + 1;
        char *name = malloc(len);
        if (!name || vnxp_grow((void **)names, cap, *n + 1, sizeof **names)) {
            free(name);
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
            break;
        }
        snprintf(name, len, "%s%s", prefix, de->d_name);
        (*names)[(*n)++] = name;
    }
    closedir(d);
    if (*n > first)
        qsort(*names + first, *n - first, sizeof **names, cmp_str);
    return rc;
}

int vnxp_patterns_load_dir(vnxp_patterns *ps, const char *dir, unsigned opt_flags, vnx_error *err)
{
    memset(ps, 0, sizeof *ps);
    char **names = NULL;
    size_t n = 0, cap = 0;
    char lexdir[4096];
    snprintf(lexdir, sizeof lexdir, "%s/lexicon", dir);
    int rc = list_dir(dir, "", ".pcre", &names, &n, &cap, err);
    size_t npcre = n;
    if (rc == VNX_OK)
        rc = list_dir(lexdir, "lexicon/", ".txt", &names, &n, &cap, err);
    if (rc == VNX_OK && npcre == 0)
        rc = vnxp_fail(err, VNX_ERR_IO, "%s: no *.pcre pattern files", dir);
    vnxp_source *src = calloc(n + 1, sizeof *src);
    char **texts = calloc(n + 1, sizeof *texts);
    if (rc == VNX_OK && (!src || !texts))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    size_t nsrc = 0;
    char path[4200];
    for (size_t i = 0; i < n && rc == VNX_OK; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!(texts[nsrc] = read_file(path, err)))
            rc = err && err->code ? err->code : VNX_ERR_IO;
        else {
            src[nsrc].name = names[i];
            src[nsrc].text = texts[nsrc];
            nsrc++;
        }
    }
    snprintf(path, sizeof path, "%s/VERSION", dir);
    FILE *vf = rc == VNX_OK ? fopen(path, "rb") : NULL;
    if (vf) {
        fclose(vf);
        if (!(texts[nsrc] = read_file(path, err)))
            rc = err && err->code ? err->code : VNX_ERR_IO;
        else {
            src[nsrc].name = "VERSION";
            src[nsrc].text = texts[nsrc];
            nsrc++;
        }
    }
    if (rc == VNX_OK)
        rc = vnxp_patterns_load_sources(ps, src, nsrc, opt_flags, err);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    for (size_t i = 0; texts && i < nsrc; i++)
        free(texts[i]);
    free(names);
    free(texts);
    free(src);
    return rc;
}

void vnxp_patterns_free(vnxp_patterns *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        regex_free(&ps->items[i].re);
        free(ps->items[i].groups);
        free(ps->items[i].kind);
        free(ps->items[i].name);
    }
    free(ps->items);
    free(ps->by_name);
    free(ps->pattern_slots);
    for (size_t i = 0; i < ps->nanchors; i++) {
        regex_free(&ps->anchors[i].re);
        free(ps->anchors[i].source);
    }
    free(ps->anchors);
    vnxp_keys_free(ps->keys);
    for (size_t i = 0; i < ps->nlex; i++)
        lexicon_free(&ps->lexicons[i]);
    free(ps->lexicons);
    free(ps->lexicon_slots);
    free(ps->version);
    memset(ps, 0, sizeof *ps);
}

// The first pattern so named (code looks helpers up at every line it reads).
const vnxp_pattern *vnxp_pattern_find(const vnxp_patterns *ps, const char *kind, const char *name)
{
    if (!ps->pattern_slots)
        return NULL;
    for (size_t at = name_hash(kind, name) & ps->pattern_mask;; at = (at + 1) & ps->pattern_mask) {
        const vnxp_pattern *p = ps->pattern_slots[at];
        if (!p || compare_name_kind(p, kind, name) == 0)
            return p;
    }
}
