/**
 * officials.c: people named in the text and their roles (SPEC.md, "officials").
 *
 * officials.pcre finds four kinds of token: honorifics ("đồng chí", "Đ/c",
 * "TS."), names (a surname and capitalised syllables), role heads ("Bí thư",
 * "CUV") and stop words ("phát biểu", "cùng"). This file reads them in text
 * order as one stream:
 *
 *   - a name right after a place word ("trường THPT Nguyễn Du", "đường Lê
 *     Lợi", "tư tưởng Hồ Chí Minh"), a byline mark ("Tác giả:") or in the
 *     not_persons lexicon is no person;
 *   - a name is a person when an honorific introduces it, when roles come
 *     before it ("Bí thư Huyện ủy Nguyễn Văn A"), when a role follows it
 *     after "–", "-", "," or "(", or when it goes on a list of persons
 *     ("các đồng chí Trần Văn A, Lê Thị B");
 *   - a role runs from its head to a stop word, a stop character (";", ".",
 *     ")", the line's end...) or a separator; a separator or a link word
 *     ("và", "được bầu giữ chức") followed by another head starts the next
 *     role;
 *   - every later mention of a person, by full name or by given name alone
 *     after an honorific ("đồng chí Thủy", when only one person is named
 *     so), merges into one entry, whose roles are kept once each.
 *
 * Persons are found by the key of their name, and each person's roles by
 * theirs, in hash tables: a page naming 64,000 people, or one person with
 * 8,000 roles, costs time in proportion to its length.
 *
 * SPDX-License-Identifier: MIT
 */
#include <json-c/linkhash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

enum { TOK_HON, TOK_NOUN, TOK_NAME, TOK_HEAD, TOK_STOP, TOK_GONE };

enum {
    MAX_ROLES = 12,       // roles read at one mention
    MAX_ROLE_WORDS = 24,  // a longer "role" is running text
    MAX_DASH_WORDS = 8,   // words of a body's name after a dash ("Thi đua - Khen thưởng tỉnh")
    MAX_WORDS_BEFORE = 3, // place and byline words looked up before a name
    PERSON_MIN_SYLLABLES = 3, // a name with no honorific, only a role before it
    MAX_NAME_WORDS = 8,      // words of a known name looked for at a mention
    MAX_NAME_SYLLABLES = 5   // a name cut short is completed up to so many
};

typedef struct token { // a page dense in names has many: keep it small
    int kind;
    int nsyl;              // names: syllables
    size_t start, end;     // in the matching text
    unsigned char all_caps; // names: written in capitals (a headline)
    unsigned char dropped;  // names: a place or a thing, not a person
    unsigned char used;     // heads: read as a role of someone
    unsigned char done;     // names: read as a mention
} token;

typedef vnxp_range range;

typedef struct mention {
    size_t name_s, name_e;
    int has_hon;
    size_t hon_s, hon_e;
    range roles[MAX_ROLES];
    size_t nroles;
    size_t heads[MAX_ROLES * 4]; // head tokens read, marked used on commit
    size_t nheads;
    size_t end; // the end of the name and its roles
    int introduced;
} mention;

typedef struct person {
    char *key;     // vnxp_key of the name
    size_t nwords; // words of the key
    size_t index;  // in the result's officials
    size_t hon_at; // offset of the honorific kept, SIZE_MAX when none
} person;

typedef struct state {
    vnxp_matcher *m;
    const char *s; // the matching text
    size_t len;
    token *toks;
    size_t ntok, captok;
    person *people;
    size_t npeople, cappeople;
    struct lh_table *people_by_key; // person key -> index + 1 (the table borrows the key)
    struct lh_table *role_keys;     // "person index:role key" of every role kept (owned)
    struct lh_table *name_keys;     // the key of every name token (owned), or NULL
    unsigned name_lengths;          // bit n: a person's name has n words
    const vnxp_pattern *hon_gap, *role_gap, *link, *given, *role_place, *noun_gap, *list_gap;
    const vnxp_lexicon *places, *not_persons, *bylines, *dot_abbrevs, *surnames, *units;
    vnx_error *err;
    int nomem; // an allocation failed in a helper that cannot say so
} state;

/* ---- text helpers --------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

// Length of the UTF-8 character at s[i].
static size_t char_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + n <= len ? n : len - i;
}

static int starts_with(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

// Characters that end a role: ";", ":", brackets, quotes, "!", "?", "|",
// the line's end, and a full stop (not the dot of "TP.HCM").
static int is_stop_char(const char *s, size_t len, size_t i)
{
    char c = s[i];
    if (strchr(";:()[]{}!?|\"\n", c))
        return 1;
    if (c == '.')
        return i + 1 >= len || is_space(s[i + 1]) || s[i + 1] == '\n' || s[i + 1] == '.';
    return starts_with(s, len, i, "\xE2\x80\x9C") || starts_with(s, len, i, "\xE2\x80\x9D") ||
           starts_with(s, len, i, "\xE2\x80\xA6");
}

static int is_digit_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

// Are the characters around s[i..i+n) (spaces skipped) digits: a range
// ("nhiệm kỳ 2020 – 2025", "2025- 2027"), not a separator?
static int between_digits(const char *s, size_t len, size_t i, size_t n)
{
    size_t b = i, a = i + n;
    while (b > 0 && is_space(s[b - 1]))
        b--;
    while (a < len && is_space(s[a]))
        a++;
    return b > 0 && is_digit_at(s, len, b - 1) && is_digit_at(s, len, a);
}

// A separator between two roles at s[i]: a comma, an en or em dash, a
// hyphen with a space on one side ("Thị ủy viên- Phó ban"; not
// "2022-2025"), a slash with spaces on both ("Phó Bí thư / Chủ tịch UBND";
// not "Đ/c", "Đ/ c"), but no dash between two numbers. Returns its length
// in bytes, 0 if none.
static size_t separator_len(const char *s, size_t len, size_t i)
{
    if (s[i] == ',')
        return 1;
    size_t n = 0;
    if (starts_with(s, len, i, "\xE2\x80\x93") || starts_with(s, len, i, "\xE2\x80\x94"))
        n = 3;
    else if (s[i] == '-' && ((i > 0 && is_space(s[i - 1])) || (i + 1 < len && is_space(s[i + 1]))))
        n = 1;
    else if (s[i] == '/' && i > 0 && is_space(s[i - 1]) && i + 1 < len && is_space(s[i + 1]))
        return 1;
    return n && between_digits(s, len, i, n) ? 0 : n;
}

// Is the separator at s[i] a dash (not a comma or a slash)?
static int is_dash(const char *s, size_t i)
{
    return s[i] == '-' || (unsigned char)s[i] == 0xE2;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && is_space(s[i]))
        i++;
    return i;
}

static size_t skip_spaces_back(const char *s, size_t i)
{
    while (i > 0 && is_space(s[i - 1]))
        i--;
    return i;
}

// The start of the character before s[i].
static size_t prev_char(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

// Is a dash (hyphen, en or em dash) just before `i`? Its start, or `i`.
static size_t dash_before(const char *s, size_t i)
{
    if (i >= 1 && s[i - 1] == '-')
        return i - 1;
    if (i >= 3 && (memcmp(s + i - 3, "\xE2\x80\x93", 3) == 0 || memcmp(s + i - 3, "\xE2\x80\x94", 3) == 0))
        return i - 3;
    return i;
}

// The words of a name, without the HTML tags and CSS leftovers a scraped
// page left between them. NULL when out of memory.
static char *clean_name(const vnxp_matcher *m, size_t s, size_t e)
{
    char *raw = vnxp_hit_text(m, s, e);
    if (!raw)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; raw[i];) {
        if (raw[i] == '<' && strchr(raw + i, '>')) {
            i = (size_t)(strchr(raw + i, '>') - raw) + 1;
            raw[j++] = ' ';
        } else if (strncmp(raw + i, "!important", 10) == 0) {
            i += 10 + (raw[i + 10] == ';');
            raw[j++] = ' ';
        } else {
            raw[j++] = raw[i++];
        }
    }
    raw[j] = '\0';
    char *clean = vnxp_clean(m->x->classes, raw, 0, j);
    free(raw);
    return clean;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            n++;
    return n;
}

// Does one of the one to three words that end at `end` (spaces before it
// skipped) make an entry of `lx`? Where they start, or SIZE_MAX. A leading
// bracket or quote is ignored.
static size_t words_before_in(const state *st, size_t end, const vnxp_lexicon *lx)
{
    end = skip_spaces_back(st->s, end);
    size_t start = end;
    for (int n = 0; n < MAX_WORDS_BEFORE && start > 0; n++) {
        start = skip_spaces_back(st->s, start);
        while (start > 0 && !is_space(st->s[start - 1]) && st->s[start - 1] != '\n')
            start--;
        size_t from = start;
        while (from < end && strchr("([\"'", st->s[from]))
            from++;
        if (from < end && vnxp_lexicon_lookup_text(lx, st->s + from, end - from, st->m->nomem))
            return from;
        if (start == 0 || st->s[start - 1] == '\n')
            break;
    }
    return SIZE_MAX;
}

/* ---- tokens -------------------------------------------------------------- */

static int add_token(state *st, int kind, size_t s, size_t e)
{
    if (vnxp_grow((void **)&st->toks, &st->captok, st->ntok + 1, sizeof *st->toks))
        return -1;
    token *t = &st->toks[st->ntok++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->start = s;
    t->end = e;
    return 0;
}

// Does UTF-8 text hold a lower-case letter?
static int has_lower(const char *s, size_t n)
{
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        if (c > 0 && u_islower(c))
            return 1;
    }
    return 0;
}

// Syllables of a name token and whether it is written in capitals.
static int measure_name(state *st, token *t)
{
    char *name = clean_name(st->m, t->start, t->end);
    if (!name)
        return -1;
    t->nsyl = (int)count_words(name);
    free(name);
    t->all_caps = !has_lower(st->s + t->start, t->end - t->start);
    return 0;
}

static size_t role_start_before(state *st, size_t end, mention *mt);
static size_t match_end(state *st, const vnxp_pattern *p, size_t at, int *failed);

// "Chủ tịch UBND xã Lò Văn Páo phát biểu", "Phó Chủ tịch HĐND tỉnh Trần Văn
// B": a full name right after the word of the unit a role is of ("xã",
// "tỉnh", "thành phố": role_places) names the one who holds the role, not a
// place, unless a larger place follows it after a comma ("xã Hòa Bình,
// huyện ...").
static int holder_after_unit(state *st, const token *t)
{
    if (t->nsyl < PERSON_MIN_SYLLABLES || t->all_caps)
        return 0;
    size_t unit = words_before_in(st, t->start, st->units);
    if (unit == SIZE_MAX)
        return 0;
    mention scratch;
    memset(&scratch, 0, sizeof scratch);
    if (role_start_before(st, skip_spaces_back(st->s, t->start), &scratch) == SIZE_MAX)
        return 0;
    int failed = 0;
    size_t e = skip_spaces(st->s, st->len, t->end);
    return !(e < st->len && st->s[e] == ',' &&
             match_end(st, st->role_place, e + 1, &failed) != SIZE_MAX);
}

// A name that is a place, a thing named after a person or a byline.
static int is_not_person(state *st, const token *t)
{
    if (vnxp_lexicon_lookup_text(st->not_persons, st->s + t->start, t->end - t->start, st->m->nomem))
        return 1;
    if (words_before_in(st, t->start, st->places) != SIZE_MAX)
        return !holder_after_unit(st, t);
    size_t b = skip_spaces_back(st->s, t->start);
    return b > 0 && st->s[b - 1] == ':' && words_before_in(st, b - 1, st->bylines) != SIZE_MAX;
}

// Is a letter at s[i] upper case?
static int upper_at(const state *st, size_t i)
{
    int32_t j = (int32_t)i;
    UChar32 c;
    U8_NEXT(st->s, j, (int32_t)st->len, c);
    return c > 0 && u_isupper(c);
}

// A capitalised word honorific right after another capitalised word is a
// part of a proper name: "quận Hai Bà Trưng", not the honorific "Bà".
static int inside_proper_name(const state *st, const token *t)
{
    for (size_t i = t->start; i < t->end; i++)
        if (!is_space(st->s[i]) && (st->s[i] & 0x80) == 0 &&
            !((st->s[i] >= 'a' && st->s[i] <= 'z') || (st->s[i] >= 'A' && st->s[i] <= 'Z')))
            return 0; // "Đ/c", "TS.": an abbreviation is always an honorific
    if (!upper_at(st, t->start) || t->start < 2 || !is_space(st->s[t->start - 1]))
        return 0;
    size_t w = t->start - 1;
    if (is_space(st->s[w - 1]) || strchr(".,;:!?)\"-", st->s[w - 1]))
        return 0;
    while (w > 0 && !is_space(st->s[w - 1]) && st->s[w - 1] != '\n') {
        w--;
        if ((st->s[w] & 0x80) == 0 && !((st->s[w] >= 'a' && st->s[w] <= 'z') ||
                                         (st->s[w] >= 'A' && st->s[w] <= 'Z')))
            return 0; // after "Đ/c", "TS.": a rank ("Đ/c Trung tá Trần Văn Lâm")
    }
    return upper_at(st, w);
}

static token *token_at(const state *st, size_t pos);

// The end of the word of letters at s[w] (w itself when none).
static size_t letters_end(const state *st, size_t w)
{
    int32_t i = (int32_t)w;
    while (i < (int32_t)st->len) {
        int32_t j = i;
        UChar32 c;
        U8_NEXT(st->s, j, (int32_t)st->len, c);
        if (c < 0 || !u_isalpha(c))
            break;
        i = j;
    }
    return (size_t)i;
}

// The words of s[b, e).
static size_t count_words_in(const state *st, size_t b, size_t e)
{
    size_t n = 0;
    for (size_t i = b; i < e; i++)
        if (!is_space(st->s[i]) && (i == b || is_space(st->s[i - 1])))
            n++;
    return n;
}

// Is the word s[w, e) the middle name "văn" or "thị" (NFC), in one of the
// cases a name is written in?
static int is_middle_name(const state *st, size_t w, size_t e)
{
    static const char *const forms[] = {"văn", "Văn", "VĂN", "thị", "Thị", "THỊ"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (e - w == strlen(forms[i]) && memcmp(st->s + w, forms[i], e - w) == 0)
            return 1;
    return 0;
}

// The next word after name token `t` that may complete it, or 0: a word of
// letters on the same line, not a name, honorific or person noun, nor the
// start of a longer head or stop ("Phạm Văn Được": the stop "được" is one
// word, written with a capital). A lower-case word must be no head or stop
// at all ("Nguyễn Thị thức- Bí thư"). *e is set to its end.
static token *completion(state *st, const token *t, size_t *w, size_t *e, int *ok)
{
    *ok = 0;
    *w = t->end;
    if (*w >= st->len || !is_space(st->s[*w]))
        return NULL;
    *w = skip_spaces(st->s, st->len, *w);
    *e = letters_end(st, *w);
    if (*e == *w || (*e < st->len && !is_space(st->s[*e]) && !strchr(",.;:-)\n", st->s[*e])))
        return NULL;
    token *next = token_at(st, *w);
    if (!next) {
        *ok = 1;
        return NULL;
    }
    *ok = (next->kind == TOK_STOP || next->kind == TOK_HEAD) && next->end == *e &&
          upper_at(st, *w);
    return next;
}

// Complete the names cut short by a word the name pattern refused: a name
// never ends with its middle name "Văn" or "Thị", so the word after it is
// its given name, whatever it is ("Phạm Văn Được", "Nguyễn Thị thức",
// "Đặng Thị vân Thủy"), and capitalised words after that word go on with it.
static void complete_cut_names(state *st)
{
    for (size_t i = 0; i < st->ntok; i++) {
        token *t = &st->toks[i];
        if (t->kind != TOK_NAME)
            continue;
        size_t last = t->end;
        while (last > t->start && !is_space(st->s[last - 1]))
            last--;
        if (!is_middle_name(st, last, t->end))
            continue;
        size_t w, e;
        int ok, syllables = (int)count_words_in(st, t->start, t->end);
        token *next = completion(st, t, &w, &e, &ok);
        while (ok && syllables < MAX_NAME_SYLLABLES) {
            if (next)
                next->kind = TOK_GONE;
            t->end = e;
            syllables++;
            next = completion(st, t, &w, &e, &ok);
            ok = ok && !next && upper_at(st, w); // then capitalised words only
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < st->ntok; i++)
        if (st->toks[i].kind != TOK_GONE)
            st->toks[kept++] = st->toks[i];
    st->ntok = kept;
}

static int has_group(const vnxp_hit *h, const char *name)
{
    size_t s, e;
    return vnxp_hit_group(h, name, &s, &e) == 0;
}

// Turn the hits of officials.pcre into the token stream.
static int read_tokens(state *st)
{
    vnxp_hits hits = {0};
    int rc = vnxp_scan_kind(st->m, "officials", &hits, st->err);
    static const struct {
        const char *group;
        int kind;
    } groups[] = {{"hon", TOK_HON},   {"noun", TOK_NOUN}, {"name", TOK_NAME},
                  {"head", TOK_HEAD}, {"stop", TOK_STOP}};
    // Room for every token at once (a page dense in names has a hit every
    // few dozen bytes: doubling would leave much unused); each hit's groups
    // freed once read.
    size_t ntok = 0;
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++)
        for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
            ntok += has_group(&hits.items[i], groups[g].group);
    if (rc == VNX_OK && st->ntok + ntok > st->captok) {
        token *toks = vnxp_realloc_array(st->toks, st->ntok + ntok, sizeof *toks);
        if (toks) {
            st->toks = toks;
            st->captok = st->ntok + ntok;
        }
    }
    for (size_t i = 0; rc == VNX_OK && i < hits.n; i++) {
        // A hit may hold an honorific and the name it introduces.
        for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
            size_t s, e;
            if (vnxp_hit_group(&hits.items[i], groups[g].group, &s, &e) != 0)
                continue;
            if (add_token(st, groups[g].kind, s, e))
                rc = vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
        }
        vnxp_hit_clear(&hits.items[i]);
    }
    vnxp_hits_free(&hits);
    size_t kept = 0;
    for (size_t i = 0; i < st->ntok; i++)
        if (!(st->toks[i].kind == TOK_HON && inside_proper_name(st, &st->toks[i])))
            st->toks[kept++] = st->toks[i];
    st->ntok = kept;
    complete_cut_names(st);
    for (size_t i = 0; rc == VNX_OK && i < st->ntok; i++) {
        token *t = &st->toks[i];
        if (t->kind != TOK_NAME)
            continue;
        if (measure_name(st, t))
            return vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
        t->dropped = is_not_person(st, t);
    }
    return rc;
}

// The index of the first token that starts at or after `pos`.
static size_t token_from(const state *st, size_t pos)
{
    size_t lo = 0, hi = st->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->toks[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// The token that starts exactly at `pos`, or NULL.
static token *token_at(const state *st, size_t pos)
{
    size_t i = token_from(st, pos);
    return i < st->ntok && st->toks[i].start == pos ? &st->toks[i] : NULL;
}

// Match helper pattern `p` anchored at `at`: the end of the match, or
// SIZE_MAX when it does not match. *failed is set on an error.
static size_t match_end(state *st, const vnxp_pattern *p, size_t at, int *failed)
{
    vnxp_hit h;
    int got = vnxp_match_at(st->m, p, at, &h, st->err);
    if (got < 0)
        *failed = 1;
    if (got <= 0)
        return SIZE_MAX;
    size_t end = h.end;
    vnxp_hit_clear(&h);
    return end;
}

/* ---- persons ------------------------------------------------------------- */

// The end of the `n`-th word from `start` on the same line, or SIZE_MAX.
static size_t words_end(const state *st, size_t start, size_t n)
{
    size_t i = start;
    for (size_t w = 0; w < n; w++) {
        if (w > 0) {
            if (i >= st->len || !is_space(st->s[i]))
                return SIZE_MAX;
            i = skip_spaces(st->s, st->len, i);
        }
        if (i >= st->len || is_space(st->s[i]) || st->s[i] == '\n')
            return SIZE_MAX;
        while (i < st->len && !is_space(st->s[i]) && st->s[i] != '\n')
            i++;
    }
    // A word ends at a letter's end: drop trailing punctuation.
    while (i > start && strchr(",.;:)-", st->s[i - 1]))
        i--;
    return i;
}

// A name cut short by the end of a scraped text ("đồng chí Hoàng Thị
// Nghĩ" for Hoàng Thị Nghĩa): the one known person whose name it begins.
static person *cut_short_at_end(state *st, const token *t, size_t *end)
{
    size_t i = t->end;
    while (i < st->len && (is_space(st->s[i]) || st->s[i] == '\n'))
        i++;
    if (i < st->len)
        return NULL;
    char *key = vnxp_key(st->s + t->start, t->end - t->start);
    if (!key) {
        st->nomem = 1;
        return NULL;
    }
    person *only = NULL;
    size_t n = 0, klen = strlen(key);
    for (size_t k = 0; k < st->npeople; k++)
        if (strncmp(st->people[k].key, key, klen) == 0 && st->people[k].key[klen]) {
            only = &st->people[k];
            n++;
        }
    free(key);
    if (n != 1)
        return NULL;
    *end = t->end;
    return only;
}

// The numbers of words (bit n: n words) of the known names that may be
// written at name token `t`: those not shorter than it, unless in capitals.
static unsigned name_lengths(const state *st, const token *t)
{
    if (t->all_caps || t->nsyl <= 0)
        return st->name_lengths;
    return t->nsyl > MAX_NAME_WORDS ? 0 : st->name_lengths & ~((1u << t->nsyl) - 1);
}

// The person whose name has key `key`, or NULL.
static person *person_by_key(const state *st, const char *key)
{
    void *index;
    if (!lh_table_lookup_ex(st->people_by_key, key, &index))
        return NULL;
    return &st->people[(uintptr_t)index - 1];
}

// The known person whose name is written at `start` (caselessly; the words
// may go on past a name token cut short by a lower-case syllable, or, for a
// headline in capitals, stop before its end). The longest wins; *end is set.
static person *known_at(state *st, const token *t, size_t *end)
{
    // The keys of the first n words, made once, for the n of known names.
    char *keys[MAX_NAME_WORDS + 1] = {0};
    size_t ends[MAX_NAME_WORDS + 1];
    unsigned want = name_lengths(st, t);
    int nomem = 0;
    for (size_t n = 1; n <= MAX_NAME_WORDS && !nomem && (want >> n); n++) {
        ends[n] = words_end(st, t->start, n);
        if (ends[n] == SIZE_MAX)
            break;
        if (want & (1u << n))
            nomem = !(keys[n] = vnxp_key(st->s + t->start, ends[n] - t->start));
    }
    person *best = NULL;
    for (size_t n = MAX_NAME_WORDS; n >= 1 && !best && !nomem; n--) {
        person *p = keys[n] ? person_by_key(st, keys[n]) : NULL;
        if (p && p->nwords == n) {
            best = p; // the longest name written here
            *end = ends[n];
        }
    }
    for (size_t n = 1; n <= MAX_NAME_WORDS; n++)
        free(keys[n]);
    st->nomem |= nomem;
    if (!best && !nomem)
        best = cut_short_at_end(st, t, end);
    return best;
}

// The key of a role of person `p` in st->role_keys: "INDEX:KEY". NULL
// when out of memory.
static char *role_key(const state *st, const person *p, const char *text)
{
    char *key = vnxp_key(text, strlen(text));
    if (!key)
        return NULL;
    vnxp_buf b = {0};
    char index[24];
    int n = snprintf(index, sizeof index, "%zx:", (size_t)(p - st->people));
    if (vnxp_buf_add(&b, index, (size_t)n) || vnxp_buf_add(&b, key, strlen(key)))
        vnxp_buf_free(&b);
    free(key);
    return b.s;
}

// A role as a new, distinct role of person `p`, official `o` (case and
// tone placement aside). 0 ok, -1 out of memory.
static int add_role(state *st, const person *p, vnx_official *o, range r)
{
    char *text = vnxp_hit_text(st->m, r.s, r.e);
    if (!text)
        return -1;
    char *key = text[0] ? role_key(st, p, text) : NULL;
    int rc = text[0] && !key ? -1 : 0;
    if (key && !lh_table_lookup_ex(st->role_keys, key, NULL)) {
        rc = lh_table_insert(st->role_keys, key, NULL) ? -1 : 0;
        if (rc == 0)
            key = NULL; // the table owns it
        if (rc == 0)
            rc = vnxp_official_add_role(o, text);
    }
    free(key);
    free(text);
    return rc;
}

// Is every word of the name s[0, n) a capital followed by lower-case
// letters ("Lê Thị Hoa"; not "LÊ THỊ HOA", "Lê Thị hoa", "Lê Thị HOa")?
static int well_cased(const char *s, size_t n)
{
    int first = 1;
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        if (c == ' ' || c == '\t') {
            first = 1;
        } else if (u_isalpha(c)) {
            if (first ? !u_isupper(c) : u_isupper(c))
                return 0;
            first = 0;
        }
    }
    return 1;
}

// Merge the mention into person `p` (or a new person when NULL).
static int commit(state *st, const mention *mt, person *p)
{
    vnx_official *o;
    if (p) {
        o = &st->m->result->officials[p->index];
        if (!well_cased(o->name, strlen(o->name)) &&
            well_cased(st->s + mt->name_s, mt->name_e - mt->name_s)) {
            // A headline in capitals or a case slip ("Nguyễn Thị thức",
            // "Dương Trọng HIếu") named them first: keep the name as written
            // right.
            char *name = clean_name(st->m, mt->name_s, mt->name_e);
            if (!name)
                return -1;
            free((char *)o->name);
            o->name = name;
        }
    } else {
        char *name = clean_name(st->m, mt->name_s, mt->name_e);
        char *key = name ? vnxp_key(name, strlen(name)) : NULL;
        person *np = NULL;
        if (key && !vnxp_grow((void **)&st->people, &st->cappeople, st->npeople + 1,
                              sizeof *st->people))
            np = &st->people[st->npeople];
        // The first person of a key keeps it (the table borrows np->key).
        int taken = np && person_by_key(st, key);
        if (np && !taken &&
            lh_table_insert(st->people_by_key, key, (void *)(uintptr_t)(st->npeople + 1)))
            np = NULL;
        o = np ? vnxp_result_add_official(st->m->result) : NULL;
        if (!o) {
            if (np && !taken)
                lh_table_delete(st->people_by_key, key);
            free(name);
            free(key);
            return -1;
        }
        o->name = name;
        np->key = key;
        np->nwords = count_words(key);
        np->index = st->m->result->nofficials - 1;
        np->hon_at = SIZE_MAX;
        if (np->nwords <= MAX_NAME_WORDS)
            st->name_lengths |= 1u << np->nwords;
        st->npeople++;
        p = np;
    }
    if (mt->has_hon && mt->hon_s < p->hon_at) {
        char *hon = vnxp_hit_text(st->m, mt->hon_s, mt->hon_e);
        if (!hon)
            return -1;
        free((char *)o->honorific);
        o->honorific = hon;
        p->hon_at = mt->hon_s;
    }
    for (size_t i = 0; i < mt->nroles; i++)
        if (add_role(st, p, o, mt->roles[i]))
            return -1;
    for (size_t i = 0; i < mt->nheads; i++)
        st->toks[mt->heads[i]].used = 1;
    return vnxp_official_add_span(o, vnxp_input_span(st->m, mt->name_s, mt->name_e));
}

/* ---- roles ----------------------------------------------------------------- */

// Does the role end at s[i]? At a stop character, except the dot of an
// abbreviation ("TP. Hồ Chí Minh"); at a separator, except a comma before
// the larger place the role belongs to ("huyện Cần Giờ, TP. Hồ Chí Minh").
static int ends_role(state *st, size_t i, int *failed)
{
    if (st->s[i] == '.' && i > 0 && !is_space(st->s[i - 1])) {
        size_t w = i;
        while (w > 0 && !is_space(st->s[w - 1]) && st->s[w - 1] != '\n')
            w--;
        if (vnxp_lexicon_lookup_text(st->dot_abbrevs, st->s + w, i - w, st->m->nomem))
            return 0;
    }
    if (is_stop_char(st->s, st->len, i))
        return 1;
    if (st->s[i] == ',' && match_end(st, st->role_place, i + 1, failed) != SIZE_MAX)
        return 0;
    return separator_len(st->s, st->len, i) != 0;
}

// Add the role text[s, e), without the spaces and dashes at its end.
static void push_role(mention *mt, size_t s, size_t e, const char *text)
{
    for (;;) {
        e = skip_spaces_back(text, e);
        size_t d = e > s ? dash_before(text, e) : e;
        if (d == e)
            break;
        e = d;
    }
    if (e > s && mt->nroles < MAX_ROLES) {
        mt->roles[mt->nroles].s = s;
        mt->roles[mt->nroles].e = e;
        mt->nroles++;
    }
}

static void note_head(mention *mt, size_t k)
{
    if (mt->nheads < sizeof mt->heads / sizeof *mt->heads)
        mt->heads[mt->nheads++] = k;
}

// Is token `t`, met inside a role, a part of it? Heads not yet read are (a
// second head: "Phó Bí thư Thường trực Tỉnh ủy"), person nouns are ("Chủ
// tịch Hội Cựu chiến binh"), and so are names that are places ("Hiệu
// trưởng Trường THPT Hoàng Hoa Thám") or too short to be a person ("Tỉnh
// ủy Lâm Đồng").
static int part_of_role(const token *t)
{
    if (t->kind == TOK_HEAD)
        return !t->used;
    if (t->kind == TOK_NOUN)
        return 1; // "Chủ tịch Hội Cựu chiến binh", "Phó Chủ tịch Hội Sinh viên"
    if (t->kind == TOK_NAME)
        return t->dropped || t->nsyl < PERSON_MIN_SYLLABLES;
    return 0;
}

static size_t role_end(state *st, size_t cur, mention *mt, size_t max_words, int *failed);

// Does a dash at s[i] of `n` bytes go on inside a body's name rather than
// part two roles ("Trưởng phòng Tổ chức – hành chính", "Sở Nông nghiệp -
// PTNT")? It does when what follows is none of a role head, a person's
// name, an honorific, a stop word or a stop character, and ends within a
// few words as a role would (not a sentence after a misspelt head).
static int dash_inside_role(state *st, size_t i, size_t n, int *failed)
{
    if (!is_dash(st->s, i))
        return 0;
    size_t a = skip_spaces(st->s, st->len, i + n);
    if (a >= st->len || is_stop_char(st->s, st->len, a) || separator_len(st->s, st->len, a))
        return 0;
    const token *t = token_at(st, a);
    if (t && !(t->kind == TOK_NAME && part_of_role(t)))
        return 0;
    return role_end(st, a, NULL, MAX_DASH_WORDS, failed) != SIZE_MAX;
}

// Where the role whose head ends at `cur` ends: at a stop word, a stop
// character, a separator (not a dash inside a body's name), a person's name
// or after MAX_ROLE_WORDS words; SIZE_MAX when more than `max_words` words
// come before that. The heads read are noted in `mt` when it is not NULL.
static size_t role_end(state *st, size_t cur, mention *mt, size_t max_words, int *failed)
{
    size_t j = token_from(st, cur), words = 0;
    while (cur < st->len) {
        if (j < st->ntok && st->toks[j].start == cur) {
            if (!part_of_role(&st->toks[j]))
                break;
            if (st->toks[j].kind == TOK_HEAD && mt)
                note_head(mt, j);
            cur = st->toks[j++].end;
            continue;
        }
        if (ends_role(st, cur, failed)) {
            size_t n = separator_len(st->s, st->len, cur);
            if (!n || max_words < MAX_ROLE_WORDS || !dash_inside_role(st, cur, n, failed))
                break;
            cur += n;
            continue;
        }
        if (is_space(st->s[cur]) && cur + 1 < st->len && !is_space(st->s[cur + 1]) &&
            ++words > MAX_ROLE_WORDS)
            break;
        if (words > max_words)
            return SIZE_MAX;
        cur += char_len(st->s, st->len, cur);
    }
    return cur;
}

// Does the role of head `t` run up to a person's name (through a dash)?
// Then it is that person's role written before the name ("đồng chí A – Bí
// thư Đảng ủy, Chủ tịch UBND xã Nguyễn Văn B"), not the next role of a
// chain.
static int role_before_a_name(state *st, const token *t, int *failed)
{
    size_t e = skip_spaces(st->s, st->len, role_end(st, t->end, NULL, MAX_ROLE_WORDS, failed));
    if (e < st->len && is_dash(st->s, e) && separator_len(st->s, st->len, e))
        e = skip_spaces(st->s, st->len, e + separator_len(st->s, st->len, e));
    const token *next = token_at(st, e);
    return next && next->kind == TOK_NAME && !part_of_role(next);
}

// The head token that starts a next role at `pos`, after a separator or a
// link word; NULL if none, or if that role is the one of a person named
// after it. (A semicolon ends the chain: after it come the next person or
// the roles of people not named.)
static token *next_head(state *st, size_t pos, int *failed)
{
    size_t at = skip_spaces(st->s, st->len, pos);
    size_t sep = at < st->len ? separator_len(st->s, st->len, at) : 0;
    token *t = NULL;
    if (sep)
        t = token_at(st, skip_spaces(st->s, st->len, at + sep));
    if (!(t && t->kind == TOK_HEAD && !t->used)) {
        size_t e = match_end(st, st->link, pos, failed);
        t = e != SIZE_MAX ? token_at(st, e) : NULL;
    }
    if (!(t && t->kind == TOK_HEAD && !t->used) || role_before_a_name(st, t, failed))
        return NULL;
    return t;
}

// Read the roles that begin with head token `k`, each up to its end, while
// a separator or a link word leads to another head. Returns where the last
// role ends.
static size_t read_roles_after(state *st, size_t k, mention *mt, int *failed)
{
    size_t role_s = st->toks[k].start, cur = st->toks[k].end;
    note_head(mt, k);
    for (;;) {
        cur = role_end(st, cur, mt, MAX_ROLE_WORDS, failed);
        push_role(mt, role_s, cur, st->s);
        token *t = cur < st->len ? next_head(st, cur, failed) : NULL;
        if (!t)
            return skip_spaces_back(st->s, cur);
        role_s = t->start;
        cur = t->end;
        note_head(mt, (size_t)(t - st->toks));
    }
}

// The start of the word "và" right before `pos` (spaces skipped), or
// SIZE_MAX.
static size_t and_before(const state *st, size_t pos)
{
    size_t e = skip_spaces_back(st->s, pos), n = strlen("và");
    if (e == pos || e < n || memcmp(st->s + e - n, "và", n) != 0)
        return SIZE_MAX;
    size_t b = e - n;
    return b == 0 || is_space(st->s[b - 1]) ? b : SIZE_MAX;
}

// The start of the role phrase that ends at `end` (spaces before `end`
// skipped): the earliest head from which the text up to `end` holds no stop
// character, separator or other token; SIZE_MAX if there is none.
static size_t role_start_before(state *st, size_t end, mention *mt)
{
    size_t cur = end, best = SIZE_MAX, words = 0;
    size_t j = token_from(st, end); // tokens before index j end before `end`
    while (cur > 0) {
        while (j > 0 && st->toks[j - 1].end > cur)
            j--;
        if (j > 0 && st->toks[j - 1].end == cur) {
            const token *t = &st->toks[j - 1];
            if (!part_of_role(t))
                break;
            if (t->kind == TOK_HEAD) {
                best = j - 1;
                if (and_before(st, t->start) != SIZE_MAX)
                    break; // "Bí thư Đảng ủy và Chủ tịch UBND xã A": two roles
            }
            cur = t->start;
            j--;
            continue;
        }
        size_t p = prev_char(st->s, cur);
        if (best == SIZE_MAX && words <= MAX_DASH_WORDS && is_dash(st->s, p) &&
            separator_len(st->s, st->len, p)) {
            cur = p; // no head after it: inside a body's name ("Sở Nông nghiệp - PTNT")
            continue;
        }
        if (is_stop_char(st->s, st->len, p) || separator_len(st->s, st->len, p) ||
            (st->s[p] == '-' && p + 1 == cur))
            break;
        if (is_space(st->s[p]) && ++words > MAX_ROLE_WORDS)
            break;
        cur = p;
    }
    if (best == SIZE_MAX)
        return SIZE_MAX;
    // The segment holds heads from `best` on: mark them.
    for (size_t i = best; i < st->ntok && st->toks[i].start < end; i++)
        if (st->toks[i].kind == TOK_HEAD)
            note_head(mt, i);
    return st->toks[best].start;
}

// Roles written before a name (or before its honorific) at `b`: "Bí thư
// Đảng ủy, Chủ tịch HĐND phường Phan Thị Thanh Phương", "Đồng chí bí thư
// Đảng ủy - Lê Đại Hùng". Returns where the first of them starts, or `b`.
static size_t read_roles_before(state *st, size_t b, mention *mt)
{
    range found[MAX_ROLES];
    size_t n = 0, first = b;
    size_t end = skip_spaces_back(st->s, b);
    size_t d = dash_before(st->s, end); // "bí thư Đảng ủy - Lê Đại Hùng"
    end = skip_spaces_back(st->s, d);
    while (n < MAX_ROLES) {
        size_t s = role_start_before(st, end, mt);
        if (s == SIZE_MAX)
            break;
        found[n].s = s;
        found[n].e = end;
        n++;
        first = s;
        // Another role before it, after a separator: "Bí thư Đảng ủy, Chủ tịch..."
        size_t p = skip_spaces_back(st->s, s);
        if (p == 0)
            break;
        size_t q = prev_char(st->s, p), va = and_before(st, s);
        if (va != SIZE_MAX)
            q = va;
        else if (!separator_len(st->s, st->len, q) && !(st->s[q] == '-'))
            break;
        end = skip_spaces_back(st->s, q);
    }
    for (size_t i = n; i-- > 0;)
        push_role(mt, found[i].s, found[i].e, st->s);
    return first;
}

// The honorific token right before `pos` (through spaces, a colon, a dash
// or CSS leftovers), the earliest of a run ("Đ/c Trung tá"); NULL if none.
static const token *honorific_before(state *st, size_t pos, int *failed)
{
    const token *hon = NULL;
    size_t j = token_from(st, pos);
    while (j > 0) {
        const token *t = &st->toks[j - 1];
        if (t->kind != TOK_HON || match_end(st, st->hon_gap, t->end, failed) != pos)
            break;
        hon = t;
        pos = t->start;
        j--;
    }
    return hon;
}

/* ---- mentions -------------------------------------------------------------- */

// Is the text between `from` and `to` only a list separator (",", ";",
// "và", a dash), maybe after the class or address of the item before
// (officials.pcre, _list_gap)?
static int list_gap(state *st, size_t from, size_t to, int *failed)
{
    return from < to && match_end(st, st->list_gap, from, failed) == to;
}

// Is a person noun right before `pos` ("quần chúng ưu tú Lê Văn A", "học
// sinh: Vũ Thị B", "gồm: Đỗ Văn C")?
static int noun_before(state *st, size_t pos, int *failed)
{
    size_t j = token_from(st, pos);
    const token *t = j > 0 ? &st->toks[j - 1] : NULL;
    return t && t->kind == TOK_NOUN && match_end(st, st->noun_gap, t->end, failed) == pos;
}

// Read the name token at index `i` with what is around it: its honorific,
// the roles before and after it. `known` is the person it names, if any.
static void read_mention(state *st, size_t i, person *known, size_t name_e, mention *mt,
                         int *failed)
{
    const token *t = &st->toks[i];
    memset(mt, 0, sizeof *mt);
    mt->name_s = t->start;
    mt->name_e = name_e;
    const token *hon = honorific_before(st, t->start, failed);
    size_t before = hon ? hon->start : t->start;
    size_t first = read_roles_before(st, before, mt);
    if (!hon && first < before)
        hon = honorific_before(st, first, failed); // "Đồng chí bí thư Đảng ủy - A"
    if (hon) {
        mt->has_hon = 1;
        mt->hon_s = hon->start;
        mt->hon_e = hon->end;
    }
    int before_ok = mt->nroles > 0 && t->nsyl >= PERSON_MIN_SYLLABLES;
    mt->end = name_e;
    // Roles after: after a dash, a comma or "(" (or mere spaces once the
    // name is known to be a person's), or after a link word.
    size_t gap = match_end(st, st->role_gap, name_e, failed);
    token *h = gap != SIZE_MAX ? token_at(st, gap) : NULL;
    if (h && h->kind == TOK_NOUN && gap > name_e) {
        // "Phạm Thị A – Đảng viên, Tổ trưởng chuyên môn": what the person is,
        // then their roles
        token *after = next_head(st, h->end, failed);
        h = after ? after : h;
    }
    int by_sep = 0, by_link = 0;
    if (h && h->kind == TOK_HEAD && !h->used) {
        for (size_t c = name_e; c < gap; c++)
            by_sep |= !is_space(st->s[c]);
    } else {
        size_t e = match_end(st, st->link, name_e, failed);
        h = e != SIZE_MAX ? token_at(st, e) : NULL;
        by_link = h && h->kind == TOK_HEAD && !h->used;
        if (!by_link)
            h = NULL;
    }
    if (h && role_before_a_name(st, h, failed)) {
        h = NULL; // "A và Chủ tịch Hội Nông dân Lê Văn B": B's role
        by_sep = by_link = 0;
    }
    mt->introduced = hon || before_ok || known || by_sep || by_link ||
                     noun_before(st, t->start, failed);
    if (h && mt->introduced)
        mt->end = read_roles_after(st, (size_t)(h - st->toks), mt, failed);
}

static void free_key(struct lh_entry *e)
{
    free(lh_entry_k(e));
}

// The set of the keys of every name token, made when first asked for (few
// pages need it). 0 ok, -1 out of memory.
static int index_name_keys(state *st)
{
    st->name_keys = lh_kchar_table_new(64, free_key);
    for (size_t i = 0; st->name_keys && i < st->ntok; i++) {
        const token *t = &st->toks[i];
        if (t->kind != TOK_NAME)
            continue;
        char *name = clean_name(st->m, t->start, t->end);
        char *key = name ? vnxp_key(name, strlen(name)) : NULL;
        free(name);
        if (!key)
            return -1;
        if (lh_table_lookup_ex(st->name_keys, key, NULL))
            free(key);
        else if (lh_table_insert(st->name_keys, key, NULL)) {
            free(key);
            return -1;
        }
    }
    return st->name_keys ? 0 : -1;
}

// Is the text [s, e) written as a name of its own elsewhere in the text?
static int written_alone(state *st, size_t s, size_t e)
{
    if (!st->name_keys && index_name_keys(st)) {
        st->nomem = 1;
        return 0;
    }
    char *key = vnxp_key(st->s + s, e - s);
    if (!key) {
        st->nomem = 1;
        return 0;
    }
    int found = lh_table_lookup_ex(st->name_keys, key, NULL);
    free(key);
    return found;
}

// "Chủ tịch UBND xã Phong Lâm Hà Thị Hạnh": a long name right after role
// words, with no honorific, may begin with the last words of a place. When
// a later syllable is a surname with at least a full name (three
// syllables) from it on, the name starts there and the rest is the role's:
// at the surname from which the rest is written alone elsewhere ("huyện
// Thạch Hà Lê Văn Sơn" when "Lê Văn Sơn" is), else at the first.
static void trim_place_words(state *st, size_t i)
{
    token *t = &st->toks[i];
    if (t->nsyl <= PERSON_MIN_SYLLABLES || t->all_caps || i == 0)
        return;
    int failed = 0;
    if (honorific_before(st, t->start, &failed) || failed)
        return;
    const token *prev = &st->toks[i - 1];
    if (prev->kind != TOK_HEAD || prev->used)
        return;
    for (size_t c = prev->end; c < t->start; c++)
        if (is_stop_char(st->s, st->len, c) || separator_len(st->s, st->len, c))
            return;
    size_t w = t->start, cut = SIZE_MAX;
    int cut_k = 0;
    for (int k = 1; t->nsyl - k >= PERSON_MIN_SYLLABLES; k++) {
        while (w < t->end && !is_space(st->s[w]))
            w++;
        w = skip_spaces(st->s, t->end, w);
        size_t e = w;
        while (e < t->end && !is_space(st->s[e]))
            e++;
        if (!vnxp_lexicon_lookup_text(st->surnames, st->s + w, e - w, st->m->nomem))
            continue;
        int alone = written_alone(st, w, t->end);
        if (cut == SIZE_MAX || alone) {
            cut = w;
            cut_k = k;
        }
        if (alone)
            break;
    }
    if (cut != SIZE_MAX) {
        t->start = cut;
        t->nsyl -= cut_k;
    }
}

// Read every name token: the persons introduced (first pass), then the
// names of persons already known and the given names alone (second pass).
static int read_names(state *st, int second_pass)
{
    size_t list_end = SIZE_MAX; // where the last mention of a list ended
    mention list_head;          // its honorific goes to the items that follow
    int failed = 0;
    mention mt;
    memset(&list_head, 0, sizeof list_head);
    for (size_t i = 0; i < st->ntok && !failed; i++) {
        token *t = &st->toks[i];
        if (t->kind != TOK_NAME || t->dropped || t->done)
            continue;
        if (!second_pass)
            trim_place_words(st, i);
        size_t name_e = t->end;
        person *p = known_at(st, t, &name_e);
        read_mention(st, i, p, name_e, &mt, &failed);
        int on_list = list_end != SIZE_MAX && list_gap(st, list_end, t->start, &failed);
        if (!mt.introduced && !on_list && !(second_pass && p))
            continue;
        if (on_list && !mt.has_hon) {
            // "các đồng chí Trần Văn A, Lê Thị B": B is a "đồng chí" too
            mt.has_hon = list_head.has_hon;
            mt.hon_s = list_head.hon_s;
            mt.hon_e = list_head.hon_e;
        }
        if (commit(st, &mt, p))
            return vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
        t->done = 1;
        list_end = mt.end;
        list_head = mt;
    }
    return failed ? (st->err && st->err->code ? st->err->code : VNX_ERR_MATCH) : VNX_OK;
}

// The last word of the key of every person named with more than one word,
// to the person's index + 1, or to 0 when several persons share it. The
// table borrows the keys. NULL when out of memory.
static struct lh_table *index_given_names(const state *st)
{
    struct lh_table *given = lh_kchar_table_new(64, NULL);
    for (size_t k = 0; given && k < st->npeople; k++) {
        const char *last = strrchr(st->people[k].key, ' ');
        if (!last || !last[1])
            continue;
        struct lh_entry *e = lh_table_lookup_entry(given, last + 1);
        if (e) {
            lh_entry_set_val(e, NULL); // a name several persons share names none of them
        } else if (lh_table_insert(given, last + 1, (void *)(uintptr_t)(k + 1))) {
            lh_table_free(given);
            return NULL;
        }
    }
    return given;
}

// read_given_names with the table of index_given_names.
static int read_given_names_with(state *st, struct lh_table *given)
{
    int failed = 0;
    for (size_t i = 0; i < st->ntok && !failed; i++) {
        const token *t = &st->toks[i];
        if (t->kind != TOK_HON)
            continue;
        vnxp_hit h;
        int got = vnxp_match_at(st->m, st->given, t->end, &h, st->err);
        if (got < 0)
            return st->err && st->err->code ? st->err->code : VNX_ERR_MATCH;
        size_t gs, ge;
        int ok = got && vnxp_hit_group(&h, "given", &gs, &ge) == 0 && !token_at(st, gs);
        vnxp_hit_clear(&h);
        if (!ok)
            continue;
        char *key = vnxp_key(st->s + gs, ge - gs);
        if (!key)
            return vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
        void *index = NULL;
        lh_table_lookup_ex(given, key, &index);
        free(key);
        if (!index)
            continue;
        person *only = &st->people[(uintptr_t)index - 1];
        mention mt;
        memset(&mt, 0, sizeof mt);
        mt.name_s = gs;
        mt.name_e = ge;
        size_t gap = match_end(st, st->role_gap, ge, &failed);
        token *hd = gap != SIZE_MAX ? token_at(st, gap) : NULL;
        if (hd && hd->kind == TOK_HEAD && !hd->used)
            read_roles_after(st, (size_t)(hd - st->toks), &mt, &failed);
        if (commit(st, &mt, only))
            return vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
    }
    return failed ? (st->err && st->err->code ? st->err->code : VNX_ERR_MATCH) : VNX_OK;
}

// "đồng chí Thủy": a given name alone after an honorific names the one
// person so called, if there is exactly one.
static int read_given_names(state *st)
{
    if (st->npeople == 0)
        return VNX_OK; // no one to name
    struct lh_table *given = index_given_names(st);
    if (!given)
        return vnxp_fail(st->err, VNX_ERR_NOMEM, "out of memory");
    int rc = read_given_names_with(st, given);
    lh_table_free(given);
    return rc;
}

static int by_span(const void *a, const void *b)
{
    const vnx_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

int vnxp_extract_officials(vnxp_matcher *m, vnx_error *err)
{
    const vnxp_patterns *ps = &m->x->patterns;
    state st = {.m = m, .s = m->text->s, .len = m->text->len, .err = err};
    st.hon_gap = vnxp_pattern_find(ps, "officials", "_hon_gap");
    st.role_gap = vnxp_pattern_find(ps, "officials", "_role_gap");
    st.link = vnxp_pattern_find(ps, "officials", "_link");
    st.given = vnxp_pattern_find(ps, "officials", "_given");
    st.role_place = vnxp_pattern_find(ps, "officials", "_role_place");
    st.noun_gap = vnxp_pattern_find(ps, "officials", "_noun_gap");
    st.list_gap = vnxp_pattern_find(ps, "officials", "_list_gap");
    st.dot_abbrevs = vnxp_lexicon_find(ps, "dot_abbrevs");
    st.surnames = vnxp_lexicon_find(ps, "surnames");
    st.units = vnxp_lexicon_find(ps, "role_places");
    st.places = vnxp_lexicon_find(ps, "name_places");
    st.not_persons = vnxp_lexicon_find(ps, "not_persons");
    st.bylines = vnxp_lexicon_find(ps, "byline_marks");
    if (!st.hon_gap || !st.role_gap || !st.link || !st.given || !st.role_place || !st.noun_gap ||
        !st.list_gap)
        return VNX_OK; // a pattern set without officials
    st.people_by_key = lh_kchar_table_new(64, NULL);
    st.role_keys = lh_kchar_table_new(64, free_key);
    int rc = st.people_by_key && st.role_keys
                 ? read_tokens(&st)
                 : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc == VNX_OK)
        rc = read_names(&st, 0);
    if (rc == VNX_OK)
        rc = read_names(&st, 1);
    if (rc == VNX_OK)
        rc = read_given_names(&st);
    for (size_t i = 0; i < st.npeople; i++) {
        vnx_official *o = &m->result->officials[st.people[i].index];
        if (o->nspans > 1) // (qsort of NULL, 0 is undefined)
            qsort((void *)o->spans, o->nspans, sizeof *o->spans, by_span);
        free(st.people[i].key);
    }
    if (st.people_by_key)
        lh_table_free(st.people_by_key);
    if (st.role_keys)
        lh_table_free(st.role_keys);
    if (st.name_keys)
        lh_table_free(st.name_keys);
    free(st.people);
    free(st.toks);
    if (rc == VNX_OK && st.nomem)
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return rc;
}
