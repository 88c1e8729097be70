/**
 * keys.c: the keys of an anchor, what the candidate pass looks up
 * (candidates.c): the words every match of the anchor begins with.
 *
 * The anchor's source (its defines expanded, its lexicons left as markers)
 * is read as a regex from its start, as far as it reads as words: letters,
 * spaces written \s+ (a word ends), a non-letter or (?![\p{L}]) after a
 * word (it ends whole, not as the beginning of a longer word), groups,
 * alternations and optional groups, lexicons (each entry's words). What the
 * reader does not know ends a key where it stands: the text's word there
 * may go on ("open"). Every key is a promise looser than the anchor: the
 * pass finds a superset of the places where the anchor matches, and
 * scan.c runs the anchor at each to keep those where it does, so a key
 * lost to something the reader does not know costs time, never a match.
 *
 * A key needs the anchor to begin at a word's start: a leading
 * look-behind that no letter passes ((?<![\p{L}]), {{B}}), or the place
 * after two capitals inside a word ("HVTCbiểu"), which the pass also takes
 * as a start. An anchor that may begin otherwise (with a digit, '/', '–',
 * inside a word) has no keys: scan.c scans it with PCRE2 over the text,
 * which skips fast to a character. (Every digit as a candidate, checked
 * one by one, cost more.)
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

enum {
    MAX_PARTIALS = 50000, // keys in the making: more, and the anchor is scanned instead
    MAX_CLASS_CHARS = 64, // a character class of more is not read
};

/* A key in the making: the folded words read so far ("tổng kết"). */
typedef struct partial {
    char words[VNXP_KEY_BYTES];
    size_t len;
    int nwords;   // words ended by a space or a non-letter
    int in_word;  // letters of a word not yet ended
    int closed;   // no more is read into it
    int gap;      // spaces may follow the word (\s*): a letter next may glue on
    int open;     // closed inside a word that may go on in the text
    int start_ok; // the anchor begins at a word's start here
} partial;

typedef struct pset {
    partial *p;
    size_t n, cap;
} pset;

typedef struct reader {
    const char *s;
    size_t i, n;
    const vnxp_patterns *ps;
    int failed; // the anchor has no keys
    int nomem;
} reader;

static void pset_free(pset *s)
{
    free(s->p);
    memset(s, 0, sizeof *s);
}

static int pset_add(reader *r, pset *s, const partial *p)
{
    if (s->n >= MAX_PARTIALS) {
        r->failed = 1;
        return -1;
    }
    if (vnxp_grow((void **)&s->p, &s->cap, s->n + 1, sizeof *s->p)) {
        r->nomem = 1;
        return -1;
    }
    s->p[s->n++] = *p;
    return 0;
}

static int pset_copy(reader *r, pset *to, const pset *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (pset_add(r, to, &from->p[i]))
            return -1;
    return 0;
}

/* ---- what each item does to a key in the making ------------------------- */

static void close_key(partial *p, int open)
{
    p->closed = 1;
    p->open = open && p->in_word;
}

// A letter (case-folded UTF-8 bytes) read into every key still open.
static void add_letter(reader *r, pset *s, const char *u8, size_t n)
{
    for (size_t i = 0; i < s->n; i++) {
        partial *p = &s->p[i];
        if (p->closed)
            continue;
        if (p->len == 0 && !p->start_ok) {
            r->failed = 1; // a word that may begin inside another
            return;
        }
        if (p->gap) { // "tổng \s* kết": "tổngkết" too
            close_key(p, 1);
            continue;
        }
        if (p->len + n >= VNXP_KEY_BYTES) {
            close_key(p, 1);
            continue;
        }
        memcpy(p->words + p->len, u8, n);
        p->len += n;
        p->in_word = 1;
    }
}

// One or more spaces: the word before them ends whole.
static void add_space(reader *r, pset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        partial *p = &s->p[i];
        if (p->closed)
            continue;
        if (p->len == 0) {
            r->failed = 1; // the anchor begins with spaces
            return;
        }
        p->gap = 0;
        if (!p->in_word || ++p->nwords == VNXP_KEY_WORDS) {
            p->in_word = 0;
            close_key(p, 0);
            continue;
        }
        p->words[p->len++] = ' ';
        p->in_word = 0;
    }
}

// A non-letter, or a look-ahead that no letter passes: the word ends whole.
static void end_word(pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->p[i].closed && s->p[i].len > 0) {
            s->p[i].in_word = 0;
            close_key(&s->p[i], 0);
        }
}

// Something the reader does not know: each key ends where it stands.
static void unknown(reader *r, pset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->p[i].closed)
            continue;
        if (s->p[i].len == 0) {
            r->failed = 1;
            return;
        }
        close_key(&s->p[i], 1);
    }
}

// Spaces or none (\s*): a word before ends here or goes on with the next
// letter; a non-letter or a space after them ends it whole ("đ \h* / c").
static void space_or_none(reader *r, pset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        partial *p = &s->p[i];
        if (p->closed)
            continue;
        if (p->len == 0) {
            r->failed = 1;
            return;
        }
        if (p->in_word)
            p->gap = 1;
    }
}

// A word-start look-behind: keys not begun yet begin at a word's start.
static void word_start(pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->p[i].len == 0)
            s->p[i].start_ok = 1;
}

/* ---- reading the source ---------------------------------------------------- */

static void skip_blank(reader *r)
{
    while (r->i < r->n) {
        char c = r->s[r->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            r->i++;
        else if (c == '#')
            while (r->i < r->n && r->s[r->i] != '\n')
                r->i++;
        else
            break;
    }
}

static int at(reader *r, const char *lit)
{
    size_t k = strlen(lit);
    return r->n - r->i >= k && memcmp(r->s + r->i, lit, k) == 0;
}

// Skip a balanced group from its '(' (escapes and classes inside).
static void skip_group(reader *r)
{
    int depth = 0, in_class = 0;
    for (; r->i < r->n; r->i++) {
        char c = r->s[r->i];
        if (c == '\\') {
            r->i++;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = 1;
            if (r->i + 1 < r->n && r->s[r->i + 1] == ']')
                r->i++;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            r->i++;
            return;
        }
    }
}

// The source of [from, to) without blanks, into buf; 0 if it does not fit.
static int squeeze(const char *s, size_t from, size_t to, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
            continue;
        if (k + 1 >= cap)
            return 0;
        buf[k++] = s[i];
    }
    buf[k] = '\0';
    return 1;
}

// Whether the inside of a look-around is a class that every letter is in
// ([\p{L}], [\p{L}\p{N}_.,/:\-]): then no letter passes the negative one.
static int is_letter_class(const char *inner)
{
    size_t n = strlen(inner);
    return n > 2 && inner[0] == '[' && inner[1] != '^' && inner[n - 1] == ']' &&
           (strstr(inner, "\\p{L}") || strstr(inner, "\\w"));
}

// A look-around group at r->i: what it says about keys, then skipped.
static void lookaround(reader *r, pset *s)
{
    size_t from = r->i;
    int behind = at(r, "(?<"), negative = r->s[r->i + (behind ? 3 : 2)] == '!';
    skip_group(r);
    char inner[96];
    size_t head = from + (behind ? 4 : 3);
    if (r->i < head + 1 || !squeeze(r->s, head, r->i - 1, inner, sizeof inner))
        return; // a long one: zero-width, so ignoring it only widens the keys
    if (behind && negative && is_letter_class(inner))
        word_start(s);
    else if (behind && !negative && strcmp(inner, "(?-i:\\p{Lu}\\p{Lu})") == 0)
        word_start(s); // after two capitals: the pass takes it as a start
    else if (!behind && negative && is_letter_class(inner))
        end_word(s);
}

// A quantifier at r->i: its least count in *min, and whether it may repeat.
static int quantifier(reader *r, int *min, int *repeats)
{
    *min = 1;
    *repeats = 0;
    if (r->i >= r->n)
        return 0;
    char c = r->s[r->i];
    if (c == '?' || c == '*' || c == '+') {
        *min = c == '+';
        *repeats = c != '?';
        r->i++;
    } else if (c == '{' && r->i + 1 < r->n && r->s[r->i + 1] >= '0' && r->s[r->i + 1] <= '9') {
        size_t j = r->i + 1;
        int lo = 0;
        while (j < r->n && r->s[j] >= '0' && r->s[j] <= '9')
            lo = lo * 10 + (r->s[j++] - '0');
        int hi = lo;
        if (j < r->n && r->s[j] == ',') {
            j++;
            hi = (j < r->n && r->s[j] >= '0' && r->s[j] <= '9') ? 0 : -1;
            while (j < r->n && r->s[j] >= '0' && r->s[j] <= '9')
                hi = hi * 10 + (r->s[j++] - '0');
        }
        if (j >= r->n || r->s[j] != '}')
            return 0; // a literal '{'
        r->i = j + 1;
        *min = lo;
        *repeats = hi != 1;
    } else {
        return 0;
    }
    if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '?'))
        r->i++; // possessive or lazy: the same strings
    return 1;
}

// Fold code point c into UTF-8 at out; its length.
static size_t fold_u8(UChar32 c, char *out)
{
    size_t k = 0;
    UBool bad = 0;
    U8_APPEND((uint8_t *)out, k, 4, vnxp_fold_char(c), bad);
    return bad ? 0 : k;
}

// A character class at r->i ('['): its code points, or -1 when it is not
// a plain list (negated, a property, a POSIX class, too long).
static int read_class(reader *r, uint32_t *cps, size_t *n)
{
    size_t j = r->i + 1;
    *n = 0;
    if (j < r->n && r->s[j] == '^')
        return -1;
    for (int first = 1; j < r->n && (r->s[j] != ']' || first); first = 0) {
        UChar32 c;
        if (r->s[j] == '\\') {
            char e = j + 1 < r->n ? r->s[j + 1] : 0;
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9'))
                return -1; // \d, \p{..}, \x{..}: not read
            c = (unsigned char)e;
            j += 2;
        } else if (r->s[j] == '[' && j + 1 < r->n && r->s[j + 1] == ':') {
            return -1;
        } else {
            int32_t k = (int32_t)j;
            U8_NEXT(r->s, k, (int32_t)r->n, c);
            j = (size_t)k;
        }
        UChar32 hi = c;
        if (j + 1 < r->n && r->s[j] == '-' && r->s[j + 1] != ']') {
            int32_t k = (int32_t)j + 1;
            U8_NEXT(r->s, k, (int32_t)r->n, hi);
            j = (size_t)k;
        }
        for (UChar32 x = c; x <= hi; x++) {
            if (c < 0 || *n >= MAX_CLASS_CHARS)
                return -1;
            cps[(*n)++] = (uint32_t)x;
        }
    }
    if (j >= r->n)
        return -1;
    r->i = j + 1;
    return 0;
}

// Whether a key still open has no letter yet.
static int any_empty(const pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->p[i].closed && s->p[i].len == 0)
            return 1;
    return 0;
}

// One item that matches the characters cps[0..n) (n == 0: the reader
// does not know which), or spaces, at least `min` times, maybe more.
static void consume_item(reader *r, pset *s, const uint32_t *cps, size_t n, int is_space, int min,
                         int repeats)
{
    if (is_space) {
        if (min > 0)
            add_space(r, s);
        else
            space_or_none(r, s);
        return;
    }
    if (n == 0) {
        unknown(r, s);
        return;
    }
    int letters = 0;
    UChar32 folded = -1;
    for (size_t i = 0; i < n; i++) {
        if (!u_isalpha((UChar32)cps[i]))
            continue;
        UChar32 f = vnxp_fold_char((UChar32)cps[i]);
        folded = letters++ == 0 ? f : folded == f ? f : -2; // -2: letters of more than one kind
    }
    if (letters == 0) { // non-letters
        if (any_empty(s))
            r->failed = 1; // a branch that begins with one: no word key
        else if (min == 0)
            unknown(r, s);
        else
            end_word(s);
    } else if (letters == (int)n && folded >= 0 && min > 0) { // one letter, any case
        char u8[4];
        size_t k = fold_u8(folded, u8);
        if (k == 0) {
            unknown(r, s);
            return;
        }
        add_letter(r, s, u8, k);
        if (repeats)
            unknown(r, s);
    } else {
        unknown(r, s);
    }
}

// One item, then its quantifier.
static void consume(reader *r, pset *s, const uint32_t *cps, size_t n, int is_space)
{
    int min, repeats;
    quantifier(r, &min, &repeats);
    consume_item(r, s, cps, n, is_space, min, repeats);
}

static void consume_char(reader *r, pset *s, uint32_t c)
{
    consume_item(r, s, &c, 1, 0, 1, 0);
}

// A lexicon ("{{lex:NAME}}" at r->i): each of its entries read into each key
// not begun yet; keys with words before it end there.
static void lexicon(reader *r, pset *s)
{
    size_t from = r->i + strlen("{{lex:"), to = from;
    while (to < r->n && r->s[to] != '}')
        to++;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(to - from), r->s + from);
    r->i = to + 2;
    const vnxp_lexicon *lx = vnxp_lexicon_find(r->ps, name);
    if (!lx || lx->n == 0) {
        r->failed = 1;
        return;
    }
    pset out = {0};
    for (size_t i = 0; i < s->n && !r->failed && !r->nomem; i++) {
        partial p = s->p[i];
        if (p.closed || p.len > 0) {
            if (!p.closed)
                close_key(&p, 1);
            pset_add(r, &out, &p);
            continue;
        }
        for (size_t e = 0; e < lx->n && !r->failed && !r->nomem; e++) {
            pset one = {0};
            if (pset_add(r, &one, &p) == 0)
                for (const char *k = lx->entries[e].key; *k && !r->failed && !one.p[0].closed;) {
                    int32_t j = 0;
                    UChar32 c;
                    U8_NEXT(k, j, (int32_t)strlen(k), c);
                    k += j;
                    if (c == ' ')
                        add_space(r, &one);
                    else
                        consume_char(r, &one, (uint32_t)c);
                }
            if (one.n)
                pset_add(r, &out, &one.p[0]);
            pset_free(&one);
        }
    }
    pset_free(s);
    *s = out;
}

static void parse_alt(reader *r, pset *s);

// Skip the rest of a branch (every key of it is closed) up to its '|' or ')'.
static void skip_branch(reader *r)
{
    while (r->i < r->n && r->s[r->i] != '|' && r->s[r->i] != ')') {
        if (r->s[r->i] == '(') {
            skip_group(r);
        } else if (r->s[r->i] == '[') {
            uint32_t cps[MAX_CLASS_CHARS];
            size_t n;
            if (read_class(r, cps, &n)) // not a plain list: skip to its ']'
                for (r->i += 2; r->i < r->n && r->s[r->i - 1] != ']'; r->i++)
                    r->i += r->s[r->i - 1] == '\\';
        } else {
            r->i += r->s[r->i] == '\\' ? 2 : 1;
        }
    }
}

static int any_open(const pset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->p[i].closed)
            return 1;
    return 0;
}

// After a group or lexicon read from `before` into s: its quantifier.
static void repeat(reader *r, pset *s, pset *before)
{
    int min, repeats;
    quantifier(r, &min, &repeats);
    if (repeats)
        unknown(r, s);
    if (min == 0)
        pset_copy(r, s, before);
}

// A group at r->i ('('): a look-around, a comment, a call, or a group read
// as an alternation.
static void group(reader *r, pset *s)
{
    if (at(r, "(?=") || at(r, "(?!") || at(r, "(?<=") || at(r, "(?<!")) {
        lookaround(r, s);
        return;
    }
    if (at(r, "(?#") || at(r, "(*") || at(r, "(?(DEFINE)")) {
        skip_group(r); // zero-width
        return;
    }
    size_t j = r->i + 1;
    if (at(r, "(?<") || at(r, "(?P<") || at(r, "(?'")) { // a named group
        while (j < r->n && r->s[j] != '>' && r->s[j] != '\'')
            j++;
        j++;
    } else if (at(r, "(?:") || at(r, "(?>") || at(r, "(?|")) {
        j = r->i + 3;
    } else if (at(r, "(?")) { // options: "(?-i:" opens a group, "(?i)" sets them
        j = r->i + 2;
        while (j < r->n && (r->s[j] == '-' || (r->s[j] >= 'a' && r->s[j] <= 'z') ||
                            (r->s[j] >= 'A' && r->s[j] <= 'Z')))
            j++;
        if (j >= r->n || r->s[j] != ':') {
            int sets_options = j < r->n && r->s[j] == ')' && j > r->i + 2;
            skip_group(r);
            if (!sets_options) // a call or a condition: it matches characters
                unknown(r, s);
            return;
        }
        j++;
    }
    pset before = {0};
    pset_copy(r, &before, s);
    r->i = j;
    parse_alt(r, s);
    if (r->i < r->n && r->s[r->i] == ')')
        r->i++;
    else
        r->failed = 1;
    repeat(r, s, &before);
    pset_free(&before);
}

// An escape at r->i ('\\').
static void escape(reader *r, pset *s)
{
    char e = r->i + 1 < r->n ? r->s[r->i + 1] : 0;
    r->i += 2;
    if (strchr("shvRntrf", e)) {
        consume(r, s, NULL, 0, 1);
    } else if (strchr("KbBAzZG", e)) {
        // zero-width
    } else if (e == 'x' && r->i < r->n && r->s[r->i] == '{') {
        uint32_t c = (uint32_t)strtoul(r->s + r->i + 1, NULL, 16);
        while (r->i < r->n && r->s[r->i] != '}')
            r->i++;
        r->i++;
        consume(r, s, &c, 1, 0);
    } else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
        if ((e == 'p' || e == 'P') && r->i < r->n && r->s[r->i] == '{')
            while (r->i < r->n && r->s[r->i - 1] != '}')
                r->i++;
        consume(r, s, NULL, 0, 0); // \d, \w, \p{..}, a back reference: not read
    } else {
        uint32_t c = (unsigned char)e;
        consume(r, s, &c, 1, 0);
    }
}

// The items of one branch, up to its '|' or ')'.
static void parse_seq(reader *r, pset *s)
{
    for (;;) {
        skip_blank(r);
        if (r->failed || r->nomem || r->i >= r->n || r->s[r->i] == '|' || r->s[r->i] == ')')
            return;
        if (!any_open(s)) {
            skip_branch(r);
            return;
        }
        char c = r->s[r->i];
        if (c == '(') {
            group(r, s);
        } else if (c == '[') {
            uint32_t cps[MAX_CLASS_CHARS];
            size_t n;
            if (read_class(r, cps, &n)) {
                skip_branch(r);
                unknown(r, s);
                return;
            }
            consume(r, s, cps, n, 0);
        } else if (c == '\\') {
            escape(r, s);
        } else if (at(r, "{{lex:")) {
            pset before = {0};
            pset_copy(r, &before, s);
            lexicon(r, s);
            repeat(r, s, &before);
            pset_free(&before);
        } else if (c == '^' || c == '$') {
            r->i++;
        } else if (c == '.') {
            r->i++;
            consume(r, s, NULL, 0, 0);
        } else {
            int32_t k = (int32_t)r->i;
            UChar32 u;
            U8_NEXT(r->s, k, (int32_t)r->n, u);
            r->i = (size_t)k;
            uint32_t cp = (uint32_t)(u < 0 ? 0xFFFD : u);
            consume(r, s, &cp, 1, 0);
        }
    }
}

// Branches separated by '|', each read from the keys of s; their union.
static void parse_alt(reader *r, pset *s)
{
    pset in = *s, out = {0};
    memset(s, 0, sizeof *s);
    for (;;) {
        pset branch = {0};
        pset_copy(r, &branch, &in);
        parse_seq(r, &branch);
        pset_copy(r, &out, &branch);
        pset_free(&branch);
        if (r->failed || r->nomem || r->i >= r->n || r->s[r->i] != '|')
            break;
        r->i++;
    }
    pset_free(&in);
    *s = out;
}

// Add the keys made to `keys`; -1 out of memory.
static int emit_keys(const reader *r, const pset *s, int anchor, vnxp_key_list *keys)
{
    for (size_t i = 0; i < s->n; i++) {
        const partial *p = &s->p[i];
        size_t len = p->len;
        int open = p->closed ? p->open : p->in_word;
        while (len > 0 && p->words[len - 1] == ' ')
            len--;
        if (vnxp_grow((void **)&keys->items, &keys->cap, keys->n + 1, sizeof *keys->items))
            return -1;
        vnxp_anchor_key *k = &keys->items[keys->n++];
        *k = (vnxp_anchor_key){.anchor = anchor, .last_open = open};
        memcpy(k->words, p->words, len);
        k->words[len] = '\0';
    }
    return 0;
}

int vnxp_anchor_keys(const vnxp_patterns *ps, const char *source, int anchor, vnxp_key_list *keys)
{
    reader r = {.s = source, .n = strlen(source), .ps = ps};
    pset s = {0};
    partial start = {0};
    pset_add(&r, &s, &start);
    parse_alt(&r, &s);
    if (r.i < r.n) // a ')' with no group: not read
        r.failed = 1;
    for (size_t i = 0; i < s.n && !r.failed; i++)
        if (s.p[i].len == 0)
            r.failed = 1; // a branch that may begin with anything
    int rc = r.nomem ? -1 : r.failed ? 0 : 1;
    if (rc == 1 && emit_keys(&r, &s, anchor, keys))
        rc = -1;
    pset_free(&s);
    return rc;
}
