/**
 * candidates.c: one pass over a document's text that finds, for every
 * anchor with keys (keys.c), the places where its matches may begin.
 *
 * The pass reads the text's letters as words. At each word's start, and
 * inside a word after two capitals before a small letter ("HVTCbiểu"), it
 * looks the word, case-folded, up in a hash table of the keys' first
 * words; a key of several words then reads the words that follow, over
 * spaces. A key whose last word is open matches the beginning of a word:
 * the lengths of such keys are looked up as the word is read. What the
 * pass finds is a superset of where the anchors match: scan.c runs each
 * anchor (or, held to its place, the pattern) there.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

enum {
    MAX_STARTS = 24,     // starts in one word at once: one a word, and one for each
                         // capital-capital-small inside it (3 bytes apart at
                         // least, so no more than 64 / 3 + 1 live)
    TABLE_CHARS = 0x2000 // the characters of the class and fold tables
};

/* The keys of one first word: rules[first, first + n). */
typedef struct slot {
    uint32_t hash;
    int prefix; // the word is a key's open last word: matches a word's beginning
    const char *word;
    size_t len, first, n;
} slot;

/* One key: after its first word, the words that must follow. */
typedef struct rule {
    int anchor;
    int nrest;                         // 0, 1 or 2 words after the first
    const char *rest[VNXP_KEY_WORDS - 1];
    size_t rest_len[VNXP_KEY_WORDS - 1];
    int last_open;
} rule;

struct vnxp_keys {
    size_t nanchors;
    vnxp_anchor_key *keys; // owned copies: the words of slots and rules point into them
    slot *slots;
    size_t mask; // slots - 1, a power of two minus one
    rule *rules;
    uint64_t prefix_lengths; // bit L: an open first word of L bytes
    uint32_t fold[TABLE_CHARS];
    uint8_t cls[TABLE_CHARS];
    uint8_t fold_u8[TABLE_CHARS][4]; // the folding in UTF-8: its length, then its bytes
};

UChar32 vnxp_fold_char(UChar32 c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

static uint32_t hash_bytes(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}
#define HASH_SEED 2166136261u

/* ---- building the table ---------------------------------------------------- */

// The length of the first word of `words`.
static size_t first_len(const char *words)
{
    const char *sp = strchr(words, ' ');
    return sp ? (size_t)(sp - words) : strlen(words);
}

static int is_prefix_key(const vnxp_anchor_key *k)
{
    return k->last_open && !strchr(k->words, ' ');
}

// Keys by their words (open first words apart): those with one first word
// are together, as a space sorts before any letter ("đảng", "đảng bộ",
// "đảng viên", "đảngx").
static int by_first_word(const void *a, const void *b)
{
    const vnxp_anchor_key *x = a, *y = b;
    if (is_prefix_key(x) != is_prefix_key(y))
        return is_prefix_key(x) - is_prefix_key(y);
    int c = strcmp(x->words, y->words);
    if (c)
        return c;
    return x->anchor != y->anchor ? (x->anchor < y->anchor ? -1 : 1) : x->last_open - y->last_open;
}

static slot *find_slot(const vnxp_keys *k, uint32_t hash, const char *word, size_t len,
                       int prefix)
{
    for (size_t i = hash & k->mask;; i = (i + 1) & k->mask) {
        slot *s = &k->slots[i];
        if (!s->word)
            return s;
        if (s->hash == hash && s->prefix == prefix && s->len == len &&
            memcmp(s->word, word, len) == 0)
            return s;
    }
}

static int same_key(const vnxp_anchor_key *a, const vnxp_anchor_key *b)
{
    return a->anchor == b->anchor && a->last_open == b->last_open &&
           strcmp(a->words, b->words) == 0;
}

// Hash the word keys (sorted) into slots and rules.
static int build_words(vnxp_keys *k, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 1)
        cap *= 2;
    k->slots = calloc(cap, sizeof *k->slots);
    k->rules = malloc((n ? n : 1) * sizeof *k->rules);
    if (!k->slots || !k->rules)
        return -1;
    k->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        const vnxp_anchor_key *key = &k->keys[i];
        size_t len = first_len(key->words);
        int prefix = is_prefix_key(key);
        uint32_t h = hash_bytes(HASH_SEED, key->words, len);
        slot *s = find_slot(k, h, key->words, len, prefix);
        if (!s->word)
            *s = (slot){h, prefix, key->words, len, i, 0};
        s->n++; // the keys are sorted by first word: a slot's rules are together
        rule *ru = &k->rules[i];
        *ru = (rule){.anchor = key->anchor, .last_open = key->last_open};
        for (const char *w = key->words + len; *w && ru->nrest < VNXP_KEY_WORDS - 1;) {
            w++; // the space
            ru->rest[ru->nrest] = w;
            ru->rest_len[ru->nrest] = first_len(w);
            w += ru->rest_len[ru->nrest++];
        }
        if (prefix && len < 64)
            k->prefix_lengths |= 1ull << len;
    }
    return 0;
}

static void fill_tables(vnxp_keys *k);

vnxp_keys *vnxp_keys_new(const vnxp_key_list *list, size_t nanchors)
{
    vnxp_keys *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->nanchors = nanchors;
    k->keys = malloc((list->n ? list->n : 1) * sizeof *k->keys);
    if (!k->keys) {
        vnxp_keys_free(k);
        return NULL;
    }
    size_t n = 0;
    if (list->n)
        memcpy(k->keys, list->items, list->n * sizeof *k->keys);
    qsort(k->keys, list->n, sizeof *k->keys, by_first_word);
    for (size_t i = 0; i < list->n; i++) // drop repeats
        if (n == 0 || !same_key(&k->keys[n - 1], &k->keys[i]))
            k->keys[n++] = k->keys[i];
    if (build_words(k, n)) {
        vnxp_keys_free(k);
        return NULL;
    }
    fill_tables(k);
    return k;
}

void vnxp_keys_free(vnxp_keys *k)
{
    if (!k)
        return;
    free(k->keys);
    free(k->slots);
    free(k->rules);
    free(k);
}

/* ---- the pass ---------------------------------------------------------------- */

// What the pass needs of a character: letter, capital, small letter,
// space (PCRE2's \s with UCP, and more: a wider gap only finds more).
enum { LETTER = 1, UPPER = 2, LOWER = 4, SPACE = 8 };

static uint8_t char_class(UChar32 c)
{
    int8_t t = (int8_t)u_charType(c);
    uint8_t k = (U_MASK(t) & U_GC_L_MASK) ? LETTER : 0;
    k |= t == U_UPPERCASE_LETTER ? UPPER : t == U_LOWERCASE_LETTER ? LOWER : 0;
    if (u_isUWhiteSpace(c) || t == U_SPACE_SEPARATOR || t == U_LINE_SEPARATOR ||
        t == U_PARAGRAPH_SEPARATOR)
        k |= SPACE;
    return k;
}

// The class and folding of the characters below TABLE_CHARS (Latin and
// Vietnamese among them), looked up rather than asked of ICU each time.
static void fill_tables(vnxp_keys *k)
{
    for (UChar32 c = 0; c < TABLE_CHARS; c++) {
        k->cls[c] = char_class(c);
        k->fold[c] = (uint32_t)vnxp_fold_char(c);
        int32_t n = 0;
        UBool bad = 0;
        U8_APPEND(k->fold_u8[c] + 1, n, 3, (UChar32)k->fold[c], bad); // below U+10000: 3 bytes
        k->fold_u8[c][0] = bad ? 0 : (uint8_t)n;
    }
}

static uint8_t info(const vnxp_keys *k, UChar32 c, UChar32 *folded)
{
    if (c < TABLE_CHARS) {
        *folded = (UChar32)k->fold[c];
        return k->cls[c];
    }
    *folded = vnxp_fold_char(c);
    return char_class(c);
}

/* A word being read from one of its starts. */
typedef struct start {
    size_t at;
    char buf[VNXP_KEY_BYTES];
    size_t len;
    uint32_t hash;
    int too_long; // longer than any key: no more lookups
} start;

/* The words after the one just read, read once for every key that wants
 * them, as far as one wants them. */
typedef struct after {
    int n;        // read so far
    int ended;    // no more words follow (a non-letter after the spaces)
    size_t at;    // where reading goes on
    char w[VNXP_KEY_WORDS - 1][VNXP_KEY_BYTES];
    size_t len[VNXP_KEY_WORDS - 1];
    int cut[VNXP_KEY_WORDS - 1]; // the word is longer than w holds
} after;

typedef struct pass {
    const vnxp_keys *k;
    const char *s;
    size_t len;
    struct vnxp_positions *out;
    int nomem;
    start starts[MAX_STARTS];
    int nstarts;
    int upper_run; // capitals just before, in this word
    after next;
} pass;

static void add(pass *p, int anchor, size_t at)
{
    struct vnxp_positions *v = &p->out[anchor];
    if (v->n && v->at[v->n - 1] == at)
        return;
    if (v->n == v->cap && vnxp_grow((void **)&v->at, &v->cap, v->n + 1, sizeof *v->at))
        p->nomem = 1;
    else
        v->at[v->n++] = (vnxp_offset)at;
}

// The code point at *i, not ASCII (advanced past it); U+FFFD for a bad
// sequence.
static UChar32 next_wide_cp(const char *s, size_t len, size_t *i)
{
    int32_t k = (int32_t)*i;
    UChar32 c;
    U8_NEXT(s, k, (int32_t)len, c);
    *i = (size_t)k;
    return c < 0 ? 0xFFFD : c;
}

// Append code point c as UTF-8 to buf (n bytes used of VNXP_KEY_BYTES);
// 0 when it does not fit.
static int append(char *buf, size_t *n, UChar32 c)
{
    if (*n + 4 >= VNXP_KEY_BYTES)
        return 0;
    int32_t k = (int32_t)*n;
    UBool bad = 0;
    U8_APPEND((uint8_t *)buf, k, VNXP_KEY_BYTES, c, bad);
    *n = (size_t)k;
    return !bad;
}

// The class of the character at *i (advanced past it) and its folding in
// UTF-8 (its length, then its bytes: in the tables, or in `wide`). Inline:
// the pass asks it of every character, most of them ASCII.
static inline uint8_t read_char(const vnxp_keys *k, const char *s, size_t len, size_t *i,
                                const uint8_t **f, uint8_t wide[5])
{
    unsigned char b = (unsigned char)s[*i];
    UChar32 c = b;
    if (b < 0x80)
        (*i)++;
    else
        c = next_wide_cp(s, len, i);
    if (c < TABLE_CHARS) {
        *f = k->fold_u8[c];
        return k->cls[c];
    }
    UChar32 folded;
    uint8_t cls = info(k, c, &folded);
    size_t n = 0;
    append((char *)wide + 1, &n, folded);
    wide[0] = (uint8_t)n;
    *f = wide;
    return cls;
}

// Append a folding as read_char gives it to buf, as append() would: 0 when
// it does not fit (room for 4 bytes is wanted) or is no character.
static int append_folded(char *buf, size_t *n, const uint8_t *f)
{
    if (*n + 4 >= VNXP_KEY_BYTES || f[0] == 0)
        return 0;
    memcpy(buf + *n, f + 1, f[0]);
    *n += f[0];
    return 1;
}

// Read the next word after spaces into p->next; 0 when none follows.
static int read_next(pass *p)
{
    after *a = &p->next;
    size_t at = a->at, gap = at, j = at;
    const uint8_t *f;
    uint8_t wide[5];
    while (at < p->len && (read_char(p->k, p->s, p->len, &j, &f, wide) & SPACE))
        at = j;
    int w = a->n;
    a->len[w] = 0;
    a->cut[w] = 0;
    for (j = at; at < p->len && (read_char(p->k, p->s, p->len, &j, &f, wide) & LETTER); at = j)
        if (!a->cut[w] && !append_folded(a->w[w], &a->len[w], f))
            a->cut[w] = 1;
    a->at = at;
    if (at == gap || a->len[w] == 0) {
        a->ended = 1;
        return 0;
    }
    a->n++;
    return 1;
}

// Whether the words after the first of rule `ru` follow it, each after
// spaces; its last may go on when open.
static int follows(pass *p, const rule *ru)
{
    for (int w = 0; w < ru->nrest; w++) {
        if (w >= p->next.n && (p->next.ended || !read_next(p)))
            return 0;
        size_t n = p->next.len[w], want = ru->rest_len[w];
        int open = ru->last_open && w == ru->nrest - 1;
        int fits = open ? n >= want : n == want && !p->next.cut[w];
        if (!fits || memcmp(p->next.w[w], ru->rest[w], want) != 0)
            return 0;
    }
    return 1;
}

// The keys of the word read from `st` (for an open first word: read so
// far; else whole, with p->next reading the words after it).
static void look_up(pass *p, const start *st, int prefix)
{
    const slot *s = find_slot(p->k, st->hash, st->buf, st->len, prefix);
    for (size_t r = 0; s->word && r < s->n; r++) {
        const rule *ru = &p->k->rules[s->first + r];
        if (ru->nrest == 0 || (!prefix && follows(p, ru)))
            add(p, ru->anchor, st->at);
    }
}

// A letter, folded to u8[0, n), read into every start of the word.
static void read_letter(pass *p, const uint8_t *u8, size_t n)
{
    for (int i = 0; i < p->nstarts; i++) {
        start *st = &p->starts[i];
        if (st->too_long)
            continue;
        if (st->len + n >= VNXP_KEY_BYTES) {
            st->too_long = 1;
            continue;
        }
        for (size_t b = 0; b < n; b++) {
            st->buf[st->len++] = (char)u8[b];
            st->hash = (st->hash ^ u8[b]) * 16777619u; // as hash_bytes
        }
        if (p->k->prefix_lengths >> st->len & 1)
            look_up(p, st, 1);
    }
}

static void end_of_word(pass *p, size_t end)
{
    p->next.n = p->next.ended = 0; // the words after it: read when a key wants them
    p->next.at = end;
    for (int i = 0; i < p->nstarts; i++)
        if (!p->starts[i].too_long)
            look_up(p, &p->starts[i], 0);
    p->nstarts = 0;
    p->upper_run = 0;
}

static void begin(pass *p, size_t at)
{
    if (p->nstarts == MAX_STARTS) { // cannot happen (see MAX_STARTS): the oldest goes
        memmove(p->starts, p->starts + 1, (MAX_STARTS - 1) * sizeof *p->starts);
        p->nstarts--;
    }
    start *st = &p->starts[p->nstarts++];
    st->at = at;
    st->len = 0;
    st->hash = HASH_SEED;
    st->too_long = 0;
}

static int by_value(const void *a, const void *b)
{
    vnxp_offset x = *(const vnxp_offset *)a, y = *(const vnxp_offset *)b;
    return x < y ? -1 : x > y;
}

// Each anchor's places in order, once: starts inside a word are found at
// its end, after the word's own start.
static void sort_places(pass *p)
{
    for (size_t a = 0; a < p->k->nanchors; a++) {
        struct vnxp_positions *v = &p->out[a];
        int sorted = 1;
        for (size_t i = 1; i < v->n && sorted; i++)
            sorted = v->at[i - 1] < v->at[i];
        if (sorted)
            continue;
        qsort(v->at, v->n, sizeof *v->at, by_value);
        size_t kept = 0;
        for (size_t i = 0; i < v->n; i++)
            if (kept == 0 || v->at[kept - 1] != v->at[i])
                v->at[kept++] = v->at[i];
        v->n = kept;
    }
}

int vnxp_keys_find(const vnxp_keys *k, const char *text, size_t len, struct vnxp_positions *out)
{
    pass p = {.k = k, .s = text, .len = len, .out = out};
    for (size_t i = 0; i < len && !p.nomem;) {
        size_t at = i;
        uint8_t wide[5];
        const uint8_t *f; // the folding in UTF-8: its length, then its bytes
        uint8_t cls = read_char(k, text, len, &i, &f, wide);
        if (!(cls & LETTER)) {
            if (p.nstarts)
                end_of_word(&p, at);
            continue;
        }
        if (p.nstarts == 0 || ((cls & LOWER) && p.upper_run >= 2))
            begin(&p, at);
        p.upper_run = cls & UPPER ? p.upper_run + 1 : 0;
        read_letter(&p, f + 1, f[0]);
    }
    if (p.nstarts && !p.nomem)
        end_of_word(&p, len);
    if (!p.nomem)
        sort_places(&p);
    return p.nomem ? -1 : 0;
}
