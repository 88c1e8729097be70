/**
 * internal.h: declarations shared by the library's modules (not installed).
 * Every cross-module symbol is prefixed vnxp_.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_INTERNAL_H
#define VNX_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/umachine.h>

#include "vnextract.h"

struct lh_table;

/* ---- errors (error.c) -------------------------------------------------- */

/* Fill `err` (if not NULL and still VNX_OK) with code and a printf message.
 * Returns `code`, so that `return vnxp_fail(err, ...)` reads naturally. */
int vnxp_fail(vnx_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void vnxp_error_clear(vnx_error *err);

/* ---- growable buffers (util.c) ----------------------------------------- */

typedef struct vnxp_buf {
    char *s;
    size_t len, cap;
} vnxp_buf;

int vnxp_buf_add(vnxp_buf *b, const char *s, size_t n); /* 0 ok, -1 nomem */
int vnxp_buf_addc(vnxp_buf *b, char c);
void vnxp_buf_free(vnxp_buf *b);

/* Grow the array *items of *cap elements of `size` bytes to hold `need`.
 * Returns 0, or -1 when out of memory (the array is left as it was). */
int vnxp_grow(void **items, size_t *cap, size_t need, size_t size);
/* realloc(p, n * size), NULL when that overflows. Not reallocarray(): a
 * shim over malloc, calloc and realloc (the chaos test) sees this one. */
void *vnxp_realloc_array(void *p, size_t n, size_t size);

char *vnxp_strndup(const char *s, size_t n);
/* A copy of `s`; NULL for NULL, or when out of memory. */
char *vnxp_strdup(const char *s);

/* ---- normalize (normalize/) -------------------------------------------- */

/* An input byte offset. Documents are under INT32_MAX / 2 bytes
 * (vnxp_normalize refuses larger ones), so 32 bits hold one: the maps keep
 * one per byte, and size_t would double them. */
typedef uint32_t vnxp_offset;

/* Where a run of matching text came from: matching byte `out` is input
 * byte `in`, and so on, byte for byte, up to the next shift. */
typedef struct vnxp_shift {
    vnxp_offset out, in;
} vnxp_shift;

/* The text that patterns run over: NFC, tone placement folded (uỷ/ủy),
 * line ends made "\n", invisible characters dropped, odd spaces made ' '.
 * map[0..nmap) are the shifts that take a matching byte to its input byte
 * (read them with vnxp_text_input_offset); the map is NULL where each byte
 * is where it was in the input. Case is kept: patterns match caselessly. */
typedef struct vnxp_text {
    char *s;
    size_t len;
    vnxp_shift *map;
    size_t nmap;
} vnxp_text;

/* The input offset of matching-text byte i (i <= len; every byte of a
 * character gives its first byte's; len gives the input's length). */
size_t vnxp_text_input_offset(const vnxp_text *t, size_t i);

/* One invalid UTF-8 sequence, reported as a warning by the caller. */
typedef void (*vnxp_invalid_fn)(void *ctx, size_t input_offset);

#define VNXP_NORM_FOLD_TONES 1u /* fold tone placement (for matching) */
#define VNXP_NORM_COLLAPSE 2u   /* collapse whitespace runs to one space, trim */
#define VNXP_NORM_LOWER 4u      /* lower case (simple, one code point to one) */

/* Normalize `len` bytes of UTF-8. `map` may be skipped (NULL) by passing
 * want_map = 0. Returns VNX_OK or an error code (err filled in). */
int vnxp_normalize(const char *in, size_t len, unsigned flags, int want_map,
                   vnxp_invalid_fn on_invalid, void *ctx, vnxp_text *out, vnx_error *err);

/* What the normalizer's fast path needs to know of the letters Vietnamese
 * is written with (U+0000-U+024F, U+1E00-U+1EFF), asked of ICU once: made
 * with the extractor, read by its threads. NULL when out of memory. */
typedef struct vnxp_char_classes vnxp_char_classes;
vnxp_char_classes *vnxp_char_classes_new(void);
void vnxp_char_classes_free(vnxp_char_classes *cc);

/* vnxp_normalize with the classes of `cc` (NULL: ask ICU, as it does). */
int vnxp_normalize_with(const vnxp_char_classes *cc, const char *in, size_t len, unsigned flags,
                        int want_map, vnxp_invalid_fn on_invalid, void *ctx, vnxp_text *out,
                        vnx_error *err);
void vnxp_text_free(vnxp_text *t);

/* The first matching-text offset whose input offset is at least `input_off`
 * (binary search of the map). */
size_t vnxp_text_pos(const vnxp_text *t, size_t input_off);

/* A clean copy of input bytes [start, end): NFC, whitespace collapsed and
 * trimmed, invalid bytes as U+FFFD. NULL when out of memory. `cc` as in
 * vnxp_normalize_with. */
char *vnxp_clean(const vnxp_char_classes *cc, const char *in, size_t start, size_t end);

/* A comparison key: lower case, tones folded, spaces collapsed. */
char *vnxp_key(const char *s, size_t n);

/* Tone-fold UTF-8 text (the rule used on matching text), for pattern
 * sources and lexicon entries. NULL when out of memory. */
char *vnxp_fold_utf8(const char *s, size_t n);

/* ---- HTML pages (input/html.c, input/html_guard.c) --------------------- */

/* Deepest an element opens (as browsers) and most attributes a tag keeps. */
#define VNXP_HTML_MAX_DEPTH 512
#define VNXP_HTML_MAX_ATTRIBUTES 128

struct GumboInternalOutput; /* GumboOutput */

/* Parse `len` bytes of HTML with gumbo, first bounded by vnxp_html_bound,
 * within a memory budget that grows with `len`. NULL when out of memory or
 * over the budget. Free with vnxp_html_destroy (NULL allowed). */
struct GumboInternalOutput *vnxp_html_parse(const char *html, size_t len);
void vnxp_html_destroy(struct GumboInternalOutput *doc);

/* The page as gumbo should read it: start tags that would nest deeper than
 * VNXP_HTML_MAX_DEPTH (or open too many formatting elements) and attributes
 * past VNXP_HTML_MAX_ATTRIBUTES left out. *out is NULL when nothing is
 * (the page as it is), else a copy the caller frees, of *out_len bytes.
 * 0, or -1 when out of memory. */
int vnxp_html_bound(const char *html, size_t len, char **out, size_t *out_len);

/* ---- patterns (match/patterns.c) --------------------------------------- */

typedef struct vnxp_lexicon_entry {
    char *key;   /* vnxp_key of the entry */
    char *value; /* the text after '=', or the entry itself */
} vnxp_lexicon_entry;

typedef struct vnxp_lexicon {
    char *name;
    vnxp_lexicon_entry *entries;
    size_t n;
} vnxp_lexicon;

/* A compiled regex. PCRE2's interpreter runs it until it has matched over
 * enough bytes for a JIT compile to pay (match/scan.c), then a JIT-compiled
 * copy: a single document starts at once, a batch runs JIT code. Threads
 * share it; the copy is published atomically. */
typedef struct vnxp_regex {
    pcre2_code *code;
    _Atomic(pcre2_code *) jit; /* NULL until compiled */
    atomic_size_t work;        /* bytes matched over by the interpreter */
    atomic_int jit_claimed;    /* a thread has taken on the JIT compile */
} vnxp_regex;

/* A short pattern that every match of some patterns contains (one of their
 * "@anchor" lines). It is scanned once per document; those patterns then run
 * only just before its hits, not over the whole text. */
typedef struct vnxp_anchor {
    char *source; /* expanded and folded: patterns with the same anchor share it */
    vnxp_regex re;
    int keyed; /* the candidate pass finds where it may match (keys.c) */
    int moves; /* it hits after its match's start (\K): the pass's places are not hits */
} vnxp_anchor;

/* Most "@anchor" lines one pattern may have. */
#define VNXP_MAX_ANCHORS 8

/* One of a pattern's anchors: a match starts at most `reach` bytes before
 * a hit of vnxp_patterns.anchors[index]. */
typedef struct vnxp_pattern_anchor {
    int index;
    size_t reach;
} vnxp_pattern_anchor;

/* A name of a pattern's groups: the entries of PCRE2's name table that bear
 * it, [first, last], each `size` bytes (vnxp_hit_group). */
typedef struct vnxp_group_name {
    uint32_t hash;
    const char *name; /* NULL: an empty slot */
    const unsigned char *first, *last;
} vnxp_group_name;

typedef struct vnxp_pattern {
    char *kind; /* the file's base name: "dates" */
    char *name; /* from "@pattern NAME" */
    vnxp_regex re;
    /* Its group names, hashed: the code asks for groups by name at every
     * hit, and PCRE2's binary search of strcmps cost 4% of all the time. */
    vnxp_group_name *groups;
    size_t groups_mask;
    uint32_t group_entry_size;
    /* Every match holds one of these (none: scan the whole text). */
    vnxp_pattern_anchor anchors[VNXP_MAX_ANCHORS];
    int nanchors;
} vnxp_pattern;

typedef struct vnxp_patterns {
    vnxp_pattern *items;
    size_t n, cap;
    const struct vnxp_pattern **by_name; /* items by name, kind and place */
    const struct vnxp_pattern **pattern_slots; /* hashed by kind and name (vnxp_pattern_find) */
    size_t pattern_mask;
    vnxp_anchor *anchors;
    size_t nanchors, capanchors;
    vnxp_lexicon *lexicons;
    size_t nlex, caplex;
    const vnxp_lexicon **lexicon_slots; /* hashed by name (vnxp_lexicon_find) */
    size_t lexicon_mask;
    char *version;
    struct vnxp_keys *keys; /* the keys of the keyed anchors, hashed */
} vnxp_patterns;

/* A pattern source: a file name and its text. */
typedef struct vnxp_source {
    const char *name;
    const char *text;
} vnxp_source;

int vnxp_patterns_load_builtin(vnxp_patterns *ps, unsigned opt_flags, vnx_error *err);
int vnxp_patterns_load_dir(vnxp_patterns *ps, const char *dir, unsigned opt_flags, vnx_error *err);
int vnxp_patterns_load_sources(vnxp_patterns *ps, const vnxp_source *src, size_t n,
                               unsigned opt_flags, vnx_error *err);
void vnxp_patterns_free(vnxp_patterns *ps);
const vnxp_pattern *vnxp_pattern_find(const vnxp_patterns *ps, const char *kind,
                                      const char *name);
const vnxp_lexicon *vnxp_lexicon_find(const vnxp_patterns *ps, const char *name);
/* The value of the entry whose key equals vnxp_key(s, n); NULL if none,
 * or when out of memory, which sets *nomem (never cleared): absent and
 * failed are told apart. */
const char *vnxp_lexicon_lookup(const vnxp_lexicon *lx, const char *s, size_t n, int *nomem);
/* The same for bytes of the matching text (NFC, tones folded already):
 * their key is their lower case with spaces collapsed, made without
 * allocating (lookups run at every part and name). */
const char *vnxp_lexicon_lookup_text(const vnxp_lexicon *lx, const char *s, size_t n,
                                     int *nomem);

/* ---- the candidate pass (match/keys.c, match/candidates.c) ------------- */

/* The most words of a key, and the bytes of its words. */
#define VNXP_KEY_WORDS 3
#define VNXP_KEY_BYTES 64

/* A place where matches of an anchor may begin (keys.c): a word start
 * followed by these words (case-folded, one space between), the last of
 * which may go on in the text when `last_open` ("số" of "số:" or "sốx"). */
typedef struct vnxp_anchor_key {
    int anchor;
    char words[VNXP_KEY_BYTES];
    int last_open;
} vnxp_anchor_key;

typedef struct vnxp_key_list {
    vnxp_anchor_key *items;
    size_t n, cap;
} vnxp_key_list;

/* The keys of anchor number `anchor` from its source (defines expanded,
 * lexicons left as "{{lex:NAME}}"), added to `keys`: 1 when it has keys,
 * 0 when the places it matches cannot be told from words or characters
 * (scan.c then scans it over the text), -1 when out of memory. */
int vnxp_anchor_keys(const vnxp_patterns *ps, const char *source, int anchor, vnxp_key_list *keys);

/* The hash of a group name in vnxp_pattern.groups. */
uint32_t vnxp_group_hash(const char *name);

/* Simple case folding of one code point, as PCRE2's caseless matching
 * compares characters. */
UChar32 vnxp_fold_char(UChar32 c);

/* The keys of every anchor, hashed (candidates.c). */
typedef struct vnxp_keys vnxp_keys;
/* Build from `list` (its items are copied); NULL when out of memory. */
vnxp_keys *vnxp_keys_new(const vnxp_key_list *list, size_t nanchors);
void vnxp_keys_free(vnxp_keys *k);
/* One pass over text[0, len): for each anchor a, the places its keys find,
 * ascending, into out[a] (nanchors of them). 0, or -1 when out of memory. */
struct vnxp_positions;
int vnxp_keys_find(const vnxp_keys *k, const char *text, size_t len, struct vnxp_positions *out);

/* ---- matching (match/scan.c) ------------------------------------------- */

/* One match of a pattern, with a copy of its offset vector. */
typedef struct vnxp_hit { /* a page dense in facts has many: keep it small */
    const vnxp_pattern *pattern;
    vnxp_offset start, end; /* in the matching text */
    vnxp_offset *ovector;   /* 2 * ngroups offsets (VNXP_UNSET when unset) */
    unsigned ngroups;
    vnxp_offset pooled_at; /* a scan's hit: where its ovector is in the pool, + 1 (0: its own) */
} vnxp_hit;

#define VNXP_UNSET UINT32_MAX /* a group of a hit that is not set */

typedef struct vnxp_hits {
    vnxp_hit *items;
    size_t n, cap;
    vnxp_offset *pool; /* the ovectors of the hits of a scan, one after another */
    size_t pool_n, pool_cap;
} vnxp_hits;

/* Where one anchor matches in the document: every start, in order. */
typedef struct vnxp_anchor_hits {
    vnxp_offset *at; /* 32 bits, as the text's offsets: a page dense in facts has many */
    size_t n, cap;
    int scanned;
    int everywhere; /* the anchor hit a match limit: scan the whole text */
} vnxp_anchor_hits;

/* Bytes [from, to] of the matching text where a match may start. */
typedef struct vnxp_window {
    vnxp_offset from, to;
} vnxp_window;

/* Per-call matching state: match data and the matching text. */
typedef struct vnxp_matcher {
    const struct vnx_extractor *x;
    const vnxp_text *text;
    const char *input;
    size_t input_len;
    pcre2_match_data *md;
    pcre2_match_context *mctx; /* the extractor's limits, plus this call's offset limit */
    vnxp_anchor_hits *anchor_hits; /* one per anchor, scanned when first needed */
    vnxp_window *windows;          /* where the pattern being scanned runs */
    size_t cap_windows;
    struct vnxp_positions *candidates; /* per anchor: where the pass found its keys */
    struct vnxp_breaks *breaks;        /* the text's breaks, found when first asked for */
    vnx_result *result;            /* for warnings */
    size_t body_end;               /* where the page's tail begins (comment form, related
                                      news): no pattern kind is scanned past it */
    /* Per pattern (by index in x->patterns.items): how often it hit one of
     * PCRE2's limits, and where first; NULL until one did. One warning per
     * pattern is written by vnxp_matcher_warn_limits. */
    size_t *limit_hits, *limit_first;
    int *nomem; /* set when an allocation failed in a helper that cannot say
                   so (a pointer: helpers given a const matcher set it too):
                   the extraction fails with VNX_ERR_NOMEM */
} vnxp_matcher;

/* Set up `m` for one document; VNX_OK or VNX_ERR_NOMEM. */
int vnxp_matcher_init(vnxp_matcher *m, const struct vnx_extractor *x, const vnxp_text *text,
                      const char *input, size_t input_len, vnx_result *result, vnx_error *err);
void vnxp_matcher_free(vnxp_matcher *m);
/* Add to the result one warning per pattern that hit a PCRE2 limit, with
 * how often. VNX_OK or VNX_ERR_NOMEM. */
int vnxp_matcher_warn_limits(vnxp_matcher *m, vnx_error *err);

/* Set m->body_end: the start of the first line that page.pcre's "tail"
 * pattern matches (comment forms, related news), else the text's end. */
int vnxp_find_body_end(vnxp_matcher *m, vnx_error *err);

/* Add every match of every pattern of `kind` before m->body_end to `hits`, then keep only the
 * leftmost-longest non-overlapping ones (earlier patterns win ties). */
int vnxp_scan_kind(vnxp_matcher *m, const char *kind, vnxp_hits *hits, vnx_error *err);
/* Match pattern `p` anchored at `at` in the matching text; 1 match, 0 none,
 * <0 error. On a match, `hit` holds it (free with vnxp_hit_clear). */
int vnxp_match_at(vnxp_matcher *m, const vnxp_pattern *p, size_t at, vnxp_hit *hit,
                  vnx_error *err);
/* The first match of `p` that starts in [at, last]; as vnxp_match_at. */
int vnxp_search(vnxp_matcher *m, const vnxp_pattern *p, size_t at, size_t last, vnxp_hit *hit,
                vnx_error *err);
/* The span of named group `name` in `hit`; 0 if set, -1 if unset/unknown. */
int vnxp_hit_group(const vnxp_hit *hit, const char *name, size_t *start, size_t *end);
void vnxp_hit_clear(vnxp_hit *hit);
void vnxp_hits_free(vnxp_hits *hits);

/* ---- extractor and result (extractor.c, assemble/result.c) ------------- */

struct vnx_extractor {
    unsigned flags;
    vnxp_patterns patterns;
    pcre2_match_context *mctx; /* read-only once made: shared by threads */
    vnxp_char_classes *classes; /* read-only once made: shared by threads */
};

struct vnx_result {
    char *source;
    vnx_date *dates;
    size_t ndates, capdates;
    vnx_directive *directives;
    size_t ndirectives, capdirectives;
    vnx_official *officials;
    size_t nofficials, capofficials;
    vnx_tally *tallies;
    size_t ntallies, captallies;
    vnx_attendance *attendance;
    size_t nattendance, capattendance;
    vnx_event event; /* members owned */
    char *title, *author;
    char *published;  /* YYYY-MM-DD, or NULL */
    char *text;       /* the text the spans index (vnx_result_text), or NULL */
    size_t text_len;
    char **warnings;
    size_t nwarnings, capwarnings;
    unsigned span_unit; /* VNX_SPANS_*: bytes until converted */
};

/* vnx_result_convert_spans() without the argument checks (emit/spans.c). */
int vnxp_result_convert_spans(vnx_result *r, const char *text, size_t len, unsigned unit,
                              vnx_error *err);

/* vnx_extract() of `text` (malloc'd), which the record keeps as its text:
 * it is freed with the record, or on failure. */
vnx_result *vnxp_extract_keep(const vnx_extractor *x, char *text, size_t len, vnx_error *err);

int vnxp_result_warn(vnx_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
vnx_date *vnxp_result_add_date(vnx_result *r);
vnx_directive *vnxp_result_add_directive(vnx_result *r);
vnx_official *vnxp_result_add_official(vnx_result *r);
/* Append a copy of `role` to official `o`; 0 ok, -1 out of memory. */
int vnxp_official_add_role(vnx_official *o, const char *role);
/* Append a mention span to official `o`; 0 ok, -1 out of memory. */
int vnxp_official_add_span(vnx_official *o, vnx_span span);
vnx_tally *vnxp_result_add_tally(vnx_result *r);
vnx_attendance *vnxp_result_add_attendance(vnx_result *r);

/* Span of matching-text range [start, end) in the input. */
vnx_span vnxp_input_span(const vnxp_matcher *m, size_t start, size_t end);
/* Clean text of matching-text range [start, end), from the input bytes. */
char *vnxp_hit_text(const vnxp_matcher *m, size_t start, size_t end);

/* ---- figures (match/figures.c) ------------------------------------------ */

/* A count as written in the matching text: "04", "1.321" (dots between
 * thousands), or a number word of lexicon "number_words" ("hai"). 0 and
 * *out set, or -1. */
int vnxp_parse_count(const vnxp_patterns *ps, const char *s, size_t n, long long *out,
                     int *nomem);
/* A decimal: "81,8", "81.8", "100". 0 and *out set, or -1. */
int vnxp_parse_decimal(const char *s, size_t n, double *out);
/* Named group `name` of `h` read as a count (a decimal); VNX_NONE when the
 * group is unset or holds no such figure. */
long long vnxp_group_count(const vnxp_matcher *m, const vnxp_hit *h, const char *name);
double vnxp_group_decimal(const vnxp_matcher *m, const vnxp_hit *h, const char *name);

/* ---- lines, sentences, paragraphs (match/text.c) ----------------------- */

/* A range [s, e) of the matching text. */
typedef struct vnxp_range {
    size_t s, e;
} vnxp_range;

/* The start of the line of `at`, and its end (its '\n', or the text's end). */
size_t vnxp_line_start(const vnxp_text *t, size_t at);
size_t vnxp_line_end(const vnxp_text *t, size_t at);
/* Whether the byte at `at` ends a sentence: '!', '?', a full stop (not the
 * dot of "1.321" or "TP."), a line end before a blank line, a list item or
 * a capital letter, or after ':' or ';'. A line end alone does not: scraped
 * text is often wrapped inside sentences. */
int vnxp_ends_sentence(const vnxp_text *t, size_t at);

/* Where the lines and sentences of a text end, found in one pass, so that
 * finding the line or sentence of a place is a binary search rather than a
 * walk back, which grows with the line: a page flattened to one line holds
 * thousands of dates. */
typedef struct vnxp_positions {
    vnxp_offset *at; /* ascending */
    size_t n, cap;
} vnxp_positions;
typedef struct vnxp_breaks {
    vnxp_positions newlines, sentence_ends; /* per vnxp_ends_sentence */
    vnxp_positions clause_ends;             /* sentence ends and ';' */
    vnxp_positions paragraph_ends;          /* line ends before a blank line */
    size_t len;                             /* the text's */
} vnxp_breaks;
/* Find the breaks of `t`; 0, or -1 when out of memory. */
int vnxp_breaks_find(const vnxp_text *t, vnxp_breaks *b);
void vnxp_breaks_free(vnxp_breaks *b);
/* The breaks of m's text, found once per document (dates, event, tallies
 * and attendance read them): in *out; VNX_OK or VNX_ERR_NOMEM. */
int vnxp_matcher_breaks(vnxp_matcher *m, const vnxp_breaks **out, vnx_error *err);
/* How many positions of `v` are before `at`. */
size_t vnxp_positions_count_before(const vnxp_positions *v, size_t at);
/* Whether `v` holds a position in [from, to). */
int vnxp_positions_any(const vnxp_positions *v, size_t from, size_t to);
/* As vnxp_line_start. */
size_t vnxp_breaks_line_start(const vnxp_breaks *b, size_t at);
/* The sentence around [s, e): from after the last end before `s` to the
 * first end at or after `e` (or the text's end). */
vnxp_range vnxp_breaks_sentence_of(const vnxp_breaks *b, size_t s, size_t e);
/* Whether [from, to) crosses the end of a sentence, or of a paragraph (a
 * blank line). */
int vnxp_crosses_sentence(const vnxp_text *t, size_t from, size_t to);
int vnxp_crosses_paragraph(const vnxp_text *t, size_t from, size_t to);

/* ---- the parts of a statement (match/ finds them, assemble/ links them) -- */

/* What a part is: the name of the pattern that found it. */
typedef enum vnxp_part_kind {
    VNXP_PART_OTHER,
    VNXP_PART_QUANTITY,     /* "04", "18/22", "81,8%", "từ 83,3% đến 85,6%" */
    VNXP_PART_SUBJECT,      /* who is rated: "đảng viên", "chi bộ" */
    VNXP_PART_UNIT,         /* a noun a count may take: "trường hợp" */
    VNXP_PART_RATING,       /* "hoàn thành tốt nhiệm vụ", "TSVM" */
    VNXP_PART_BALLOT,       /* "phiếu" */
    VNXP_PART_VOTE,         /* "nhất trí", "đề nghị" */
    VNXP_PART_ATTEND,       /* "tham dự", "có mặt" */
    VNXP_PART_RATE,         /* "tỷ lệ" */
    VNXP_PART_SCOPE,        /* "trong đó" */
    VNXP_PART_TARGET,       /* "phấn đấu", "chỉ tiêu ... :" */
    VNXP_PART_RESPECTIVELY, /* "tương ứng là 79,85% và 17%" */
    VNXP_PART_ATTENDEE,     /* who takes part: "đảng viên", "học viên" */
    VNXP_PART_PRESENCE,     /* "tham dự", "có mặt", "dự họp" */
    VNXP_PART_PRESENCE_OF,  /* "sự tham dự của" */
    VNXP_PART_CUE,          /* "chủ trì", "chứng kiến" */
    VNXP_PART_GATHERING,    /* "lớp bồi dưỡng", "hội nghị" */
    VNXP_PART_STOP,         /* "bầu", "tốt nghiệp", "vắng" */
} vnxp_part_kind;

/* Most percents of one "tương ứng" part. */
#define VNXP_MAX_RESPECTIVELY 4

/* One part, read from a hit: offsets in the matching text, figures as
 * numbers (VNX_NONE when absent), words as their lexicon values. */
typedef struct vnxp_part { /* a page dense in figures has many: keep it small */
    vnxp_part_kind kind;
    unsigned char used; /* taken into a statement by the assembly */
    unsigned char nshares;
    unsigned char approx, or_above;
    vnxp_offset start, end;
    long long count, total, count2; /* count2: the upper end of "2-3" */
    double percent, percent2;       /* percent2: the upper end of a range */
    double decimal;                 /* "13,2": a share only after "tỷ lệ" */
    double *shares; /* RESPECTIVELY: nshares percents, apart (few parts have any) */
    const char *value;  /* SUBJECT, RATING: the lexicon's value (borrowed) */
    const char *value2; /* RATING: a second level named with the first */
} vnxp_part;

typedef struct vnxp_parts {
    vnxp_part *items;
    size_t n, cap;
} vnxp_parts;

void vnxp_parts_free(vnxp_parts *ps);

/* The parts the patterns of `kind` find, in text order (match/parts.c). */
int vnxp_find_parts(vnxp_matcher *m, const char *kind, vnxp_parts *parts, vnx_error *err);

/* Whether pattern `p` matches exactly the bytes [from, to) of the matching
 * text: 1 yes, 0 no, -1 error (err set). */
int vnxp_match_whole(vnxp_matcher *m, const vnxp_pattern *p, size_t from, size_t to,
                     vnx_error *err);
/* Whether pattern `p` has a match that starts in [from, to] when the text
 * ends at `to` (so "\z" is `to`): 1 yes, 0 no, -1 error (err set). */
int vnxp_match_before(vnxp_matcher *m, const vnxp_pattern *p, size_t from, size_t to,
                      vnx_error *err);

/* What the assembly of parts into statements shares (assemble/links.c):
 * the parts, the text's breaks found once, and the first error. */
typedef struct vnxp_linker {
    vnxp_matcher *m;
    vnxp_part *p;
    size_t n;
    const vnxp_breaks *breaks; /* the matcher's */
    vnx_error *err;
    int failed; /* a match error or no memory: stop */
} vnxp_linker;

/* VNX_OK, or VNX_ERR_NOMEM. */
int vnxp_linker_init(vnxp_linker *l, vnxp_matcher *m, vnxp_parts *parts, vnx_error *err);
void vnxp_linker_free(vnxp_linker *l);
/* Whether [from, to) crosses the end of a clause (a sentence, or ';'), a
 * sentence or a paragraph. */
int vnxp_link_crosses_clause(const vnxp_linker *l, size_t from, size_t to);
int vnxp_link_crosses_sentence(const vnxp_linker *l, size_t from, size_t to);
int vnxp_link_crosses_paragraph(const vnxp_linker *l, size_t from, size_t to);
/* The words in [from, to); a gap of more than VNXP_MAX_GAP_BYTES bytes
 * counts as VNXP_MAX_GAP_BYTES words. */
#define VNXP_MAX_GAP_BYTES 400
int vnxp_link_words(const vnxp_linker *l, size_t from, size_t to);
/* Whether helper `p` covers [from, to) exactly; matches at `at`; has a
 * match starting in [from, to] with the text cut at `to` (its "\z").
 * Errors set l->failed. */
int vnxp_link_gap_is(vnxp_linker *l, const vnxp_pattern *p, size_t from, size_t to);
int vnxp_link_holds_at(vnxp_linker *l, const vnxp_pattern *p, size_t at);
int vnxp_link_found_before(vnxp_linker *l, const vnxp_pattern *p, size_t from, size_t to);
/* Whether part i is of `kind`. */
int vnxp_link_is(const vnxp_linker *l, ptrdiff_t i, vnxp_part_kind kind);
/* The part after figure `q` that is whom it counts (of a kind in `kinds`,
 * a mask of 1u << kind), with only `before_noun` between ("100% các đồng
 * chí"); its index or -1. */
ptrdiff_t vnxp_link_noun_after(vnxp_linker *l, const vnxp_pattern *before_noun, size_t q,
                               unsigned kinds);
/* The statements a linker has stored, by a key of their values, so that a
 * repeat (a headline restating the body) is kept once in constant time. */
typedef struct vnxp_seen {
    struct lh_table *keys; /* owned strings; NULL until the first add */
} vnxp_seen;
/* Add `key`: 1 when it is new, 0 when it was there, -1 out of memory. */
int vnxp_seen_add(vnxp_seen *s, const char *key);
void vnxp_seen_free(vnxp_seen *s);

/* Helpers of pattern kind `kind`, by name, into slots; VNX_OK or
 * VNX_ERR_PATTERN when one is missing (a pattern set overridden without it). */
int vnxp_link_helpers(const vnxp_linker *l, const char *kind, const char *const *names,
                      const vnxp_pattern **const *slots, size_t n);

/* ---- the extractors (match/) ------------------------------------------ */

int vnxp_extract_dates(vnxp_matcher *m, vnx_error *err);
int vnxp_extract_directives(vnxp_matcher *m, vnx_error *err);
int vnxp_extract_officials(vnxp_matcher *m, vnx_error *err);
int vnxp_extract_tallies(vnxp_matcher *m, vnx_error *err);
int vnxp_extract_attendance(vnxp_matcher *m, vnx_error *err);
/* Event, title and author; runs last, as it reads the dates found. */
int vnxp_extract_event(vnxp_matcher *m, vnx_error *err);

#endif /* VNX_INTERNAL_H */
