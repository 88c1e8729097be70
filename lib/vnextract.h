/**
 * vnextract.h: the public interface of libvnextract.
 *
 * libvnextract reads Vietnamese news bulletins (Party cells, schools, Party
 * committees) and pulls out dates, directive numbers and the other facts of
 * the record described in SPEC.md, as one JSON object per document.
 *
 * The pipeline is normalize -> match -> assemble -> emit:
 *
 *     vnx_extractor *x = vnx_extractor_new(NULL, &err);   // compile patterns once
 *     vnx_result *r = vnx_extract(x, text, len, &err);    // any thread, any time
 *     char *json = vnx_result_to_json(r, VNX_JSON_DEFAULT);
 *     ...; vnx_free(json); vnx_result_free(r); vnx_extractor_free(x);
 *
 * Every symbol is prefixed vnx_ / VNX_. An extractor is immutable once made:
 * one extractor may be used by any number of threads at once. The library
 * never prints and never exits; errors come back through return values and
 * the caller-allocated vnx_error.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNEXTRACT_H
#define VNEXTRACT_H

#include <stddef.h>

#include "vnx_export.h"
#include "vnx_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/** Machine-readable error codes, in vnx_error.code. */
typedef enum vnx_error_code {
    VNX_OK = 0,
    VNX_ERR_NOMEM,        /**< an allocation failed */
    VNX_ERR_ARGUMENT,     /**< a NULL or otherwise invalid argument */
    VNX_ERR_IO,           /**< a pattern file or directory could not be read */
    VNX_ERR_PATTERN,      /**< a pattern set is malformed or does not compile */
    VNX_ERR_UNICODE,      /**< ICU failed on the text */
    VNX_ERR_MATCH,        /**< PCRE2 failed while matching */
    VNX_ERR_TOO_LARGE,    /**< the document is larger than the library handles */
    VNX_ERR_INPUT         /**< an input document is malformed (a bad JSON line) */
} vnx_error_code;

/**
 * A caller-allocated error report, the last parameter of every call that can
 * fail; NULL is allowed. The first error of a call wins. For pattern errors,
 * `source` names the pattern file, `line` its line and `offset` the PCRE2
 * error offset in the expanded pattern (-1 when not relevant).
 */
typedef struct vnx_error {
    int code;          /**< a vnx_error_code */
    char source[128];  /**< pattern file (or "") */
    int line;          /**< 1-based line in `source`, or 0 */
    long offset;       /**< PCRE2 error offset, or -1 */
    char message[256]; /**< a human-readable message, NUL-terminated */
} vnx_error;

/** A static, human-readable name for an error code. Never NULL. */
VNX_EXPORT const char *vnx_strerror(int code);

/* ------------------------------------------------------------------------ */
/* Versions                                                                 */
/* ------------------------------------------------------------------------ */

/** The library version as "MAJOR.MINOR.PATCH" (static storage). */
VNX_EXPORT const char *vnx_version(void);

/** The library version as 0xMMmmpp, to compare with VNX_VERSION. */
VNX_EXPORT int vnx_version_number(void);

/**
 * The version of the pattern set an extractor uses (the VERSION file of its
 * pattern directory, or of the built-in set). Borrowed: valid as long as `x`.
 */
typedef struct vnx_extractor vnx_extractor;
VNX_EXPORT const char *vnx_patterns_version(const vnx_extractor *x);

/* ------------------------------------------------------------------------ */
/* Options, grouped by phase                                                */
/* ------------------------------------------------------------------------ */

#define VNX_OPT_DEFAULT 0u

/* normalize */
/** Keep tone placement as written when matching (default: fold uỷ/ủy). */
#define VNX_OPT_NO_TONE_FOLD (1u << 0)

/* extract */
/** Skip the dates extractor. */
#define VNX_OPT_NO_DATES (1u << 4)
/** Skip the directives extractor. */
#define VNX_OPT_NO_DIRECTIVES (1u << 5)
/** Skip the officials extractor. */
#define VNX_OPT_NO_OFFICIALS (1u << 6)
/** Skip the tallies and attendance extractor. */
#define VNX_OPT_NO_TALLIES (1u << 7)
/** Skip the event, title and author extractor. */
#define VNX_OPT_NO_EVENT (1u << 8)
/** Run every pattern over the whole text, ignoring the pattern set's
 *  "@anchor" lines. Slower; the record is the same when the anchors are
 *  right, which is what this option is for checking. */
#define VNX_OPT_NO_ANCHORS (1u << 9)

/* emit */
/** Spans in code points of the text given to vnx_extract() (Python's str
 *  indices), not bytes. See vnx_result_convert_spans(). */
#define VNX_OPT_SPANS_CODEPOINTS (1u << 10)
/** Spans in UTF-16 code units (JavaScript's, Java's string indices), not
 *  bytes. Not together with VNX_OPT_SPANS_CODEPOINTS. */
#define VNX_OPT_SPANS_UTF16 (1u << 11)

/** Every valid VNX_OPT_* bit. */
#define VNX_OPT_MASK                                                                   \
    (VNX_OPT_NO_TONE_FOLD | VNX_OPT_NO_DATES | VNX_OPT_NO_DIRECTIVES |                 \
     VNX_OPT_NO_OFFICIALS | VNX_OPT_NO_TALLIES | VNX_OPT_NO_EVENT | VNX_OPT_NO_ANCHORS | \
     VNX_OPT_SPANS_CODEPOINTS | VNX_OPT_SPANS_UTF16)

/** Options of an extractor. Initialise with vnx_options_init(). */
typedef struct vnx_options {
    unsigned flags;           /**< VNX_OPT_* bits */
    const char *patterns_dir; /**< a pattern directory to load; NULL: built-in set */
    unsigned long match_limit; /**< PCRE2 match limit per match; 0: default */
    unsigned long depth_limit; /**< PCRE2 depth limit per match; 0: default */
} vnx_options;

/** Fill `opts` with the defaults (built-in patterns, default limits). */
VNX_EXPORT void vnx_options_init(vnx_options *opts);

/* ------------------------------------------------------------------------ */
/* Extractor                                                                */
/* ------------------------------------------------------------------------ */

/**
 * Make an extractor: load and JIT-compile the pattern set. `opts` NULL means
 * defaults. Returns NULL on failure with `err` filled in. Caller frees with
 * vnx_extractor_free().
 */
VNX_EXPORT vnx_extractor *vnx_extractor_new(const vnx_options *opts, vnx_error *err);

/** Free an extractor made by vnx_extractor_new(). NULL is a no-op. */
VNX_EXPORT void vnx_extractor_free(vnx_extractor *x);

/* ------------------------------------------------------------------------ */
/* Results                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct vnx_result vnx_result;

/**
 * A half-open range [start, end) of the text given to vnx_extract(): in
 * bytes by default, else in the unit the extractor's options or
 * vnx_result_convert_spans() chose (vnx_result_span_unit()).
 */
typedef struct vnx_span {
    size_t start;
    size_t end;
} vnx_span;

/* The units of a span's offsets. */
/** Bytes of UTF-8 (C, Go, Rust string indices): the default. */
#define VNX_SPANS_BYTES 0u
/** Unicode code points (Python's str indices). */
#define VNX_SPANS_CODEPOINTS 1u
/** UTF-16 code units (JavaScript's, Java's, .NET's string indices). */
#define VNX_SPANS_UTF16 2u

/**
 * A calendar date found in the text. Borrowed from its result. `value` is
 * "YYYY-MM-DD", "YYYY-MM" or "--MM-DD" (no year known); `day` is 0 for a
 * month-and-year date and `year` 0 when unknown.
 */
typedef struct vnx_date {
    const char *text;  /**< the date as written (NFC, spaces collapsed) */
    const char *value; /**< normalized value, see above */
    int year, month, day;
    int year_inferred; /**< 1 when the year came from the context */
    vnx_span span;
} vnx_date;

/**
 * A reference to a numbered document. Borrowed from its result; `type`,
 * `date` and `issuer` are NULL when unknown.
 */
typedef struct vnx_directive {
    const char *text;   /**< the first mention as written */
    const char *type;   /**< document kind, capitalised ("Hướng dẫn") */
    const char *number; /**< number and symbol, spaces removed, upper case */
    const char *date;   /**< issue date "YYYY-MM-DD", or NULL */
    const char *issuer; /**< issuing body as written, or NULL */
    vnx_span span;      /**< the first mention */
} vnx_directive;

/**
 * A person named in the text, all mentions merged. Borrowed from its result.
 * `honorific` is as written at the first mention, or NULL.
 */
typedef struct vnx_official {
    const char *name;              /**< the full name, without honorific */
    const char *honorific;         /**< "đồng chí", "Đ/c", "TS."..., or NULL */
    const char *const *roles;      /**< `nroles` roles, as written */
    size_t nroles;
    const vnx_span *spans;         /**< `nspans` mentions of the name */
    size_t nspans;
} vnx_official;

/** Absent integer and number fields of tallies and attendance. */
#define VNX_NONE (-1)

/**
 * How many members or organisations reached a rating level. Borrowed from
 * its result. `count`, `total` and `percent` are VNX_NONE when not given.
 */
typedef struct vnx_tally {
    const char *text;    /**< the statement as written */
    long long count;     /**< how many, or VNX_NONE */
    long long total;     /**< out of how many, or VNX_NONE */
    double percent;      /**< the share in percent, or VNX_NONE */
    const char *subject; /**< "đảng viên", "chi bộ"..., or NULL */
    const char *rating;  /**< one of the six rating levels of SPEC.md */
    int or_above;        /**< 1 for "... trở lên" */
    vnx_span span;
} vnx_tally;

/** How many took part in the meeting. Borrowed from its result. */
typedef struct vnx_attendance {
    const char *text;  /**< the statement as written */
    long long present; /**< how many took part */
    long long total;   /**< out of how many, or VNX_NONE */
    double percent;    /**< the share in percent, or VNX_NONE */
    int approximate;   /**< 1 for "gần 500", "khoảng 40"... */
    vnx_span span;
} vnx_attendance;

/** The meeting the article reports. Members are NULL when unknown. */
typedef struct vnx_event {
    const char *type;         /**< "kiểm điểm", "đại hội"... (SPEC.md), or NULL */
    const char *date;         /**< the day it was held, "YYYY-MM-DD", or NULL */
    const char *organization; /**< who held it, as written, or NULL */
} vnx_event;

/**
 * Extract the record of one document: `len` bytes of UTF-8 at `text`
 * (invalid bytes are read as U+FFFD and reported as warnings). Safe to call
 * from many threads on one extractor. Returns NULL on failure with `err`
 * filled in. Caller frees with vnx_result_free().
 */
VNX_EXPORT vnx_result *vnx_extract(const vnx_extractor *x, const char *text, size_t len,
                                   vnx_error *err);

/**
 * Extract `n` documents, `lens[i]` bytes at `texts[i]`, each as vnx_extract()
 * does, on up to `threads` threads (the calling thread is one of them: 0 or
 * 1 runs the batch on it alone). `results[i]` is set to the result of
 * document i, or to NULL with `errors[i]` filled in when `errors` is not
 * NULL. Every thread is joined before it returns. Returns VNX_OK (whatever
 * each document came to), or VNX_ERR_ARGUMENT for a NULL extractor or
 * array, with `err` filled in. The caller frees each result.
 */
VNX_EXPORT int vnx_extract_many(const vnx_extractor *x, const char *const *texts,
                                const size_t *lens, size_t n, unsigned threads,
                                vnx_result **results, vnx_error *errors, vnx_error *err);

/** Free a result. NULL is a no-op. */
VNX_EXPORT void vnx_result_free(vnx_result *r);

/**
 * Set the record's "source" (a file name, an id). The string is copied.
 * Returns VNX_OK or VNX_ERR_NOMEM.
 */
VNX_EXPORT int vnx_result_set_source(vnx_result *r, const char *source);

/** The record's "source", borrowed from `r`, or NULL when not set. */
VNX_EXPORT const char *vnx_result_source(const vnx_result *r);

/**
 * Restate every span of `r` in `unit` (a VNX_SPANS_* value), given the
 * `len` bytes of `text` its spans index: the text given to vnx_extract().
 * Whatever unit the spans are in now, the text is walked once. An invalid
 * UTF-8 sequence counts as one code point and one UTF-16 unit (U+FFFD, the
 * maximal-subpart rule of Python's and WHATWG's decoders), and so does a
 * byte order mark. Returns VNX_OK; VNX_ERR_ARGUMENT (spans unchanged) for an
 * unknown unit or a span past the end of `text`; VNX_ERR_NOMEM.
 */
VNX_EXPORT int vnx_result_convert_spans(vnx_result *r, const char *text, size_t len,
                                        unsigned unit, vnx_error *err);

/** The unit of `r`'s spans, a VNX_SPANS_* value (VNX_SPANS_BYTES for NULL). */
VNX_EXPORT unsigned vnx_result_span_unit(const vnx_result *r);

/** The number of dates found. */
VNX_EXPORT size_t vnx_result_date_count(const vnx_result *r);
/** Date `i` (0-based), borrowed from `r`; NULL when out of range. */
VNX_EXPORT const vnx_date *vnx_result_date(const vnx_result *r, size_t i);

/** The number of directives found (repeats merged). */
VNX_EXPORT size_t vnx_result_directive_count(const vnx_result *r);
/** Directive `i` (0-based), borrowed from `r`; NULL when out of range. */
VNX_EXPORT const vnx_directive *vnx_result_directive(const vnx_result *r, size_t i);

/** The number of officials found (mentions merged). */
VNX_EXPORT size_t vnx_result_official_count(const vnx_result *r);
/** Official `i` (0-based), borrowed from `r`; NULL when out of range. */
VNX_EXPORT const vnx_official *vnx_result_official(const vnx_result *r, size_t i);

/** The number of rating tallies found. */
VNX_EXPORT size_t vnx_result_tally_count(const vnx_result *r);
/** Tally `i` (0-based), borrowed from `r`; NULL when out of range. */
VNX_EXPORT const vnx_tally *vnx_result_tally(const vnx_result *r, size_t i);

/** The number of attendance figures found. */
VNX_EXPORT size_t vnx_result_attendance_count(const vnx_result *r);
/** Attendance figure `i` (0-based), borrowed from `r`; NULL when out of range. */
VNX_EXPORT const vnx_attendance *vnx_result_attendance(const vnx_result *r, size_t i);

/** The meeting reported, borrowed from `r` (never NULL for a non-NULL `r`). */
VNX_EXPORT const vnx_event *vnx_result_event(const vnx_result *r);
/** The headline, borrowed from `r`, or NULL. */
VNX_EXPORT const char *vnx_result_title(const vnx_result *r);
/** The byline, borrowed from `r`, or NULL. */
VNX_EXPORT const char *vnx_result_author(const vnx_result *r);
/** The day the page was published, "YYYY-MM-DD", borrowed from `r`, or
 *  NULL (set for HTML pages: vnx_extract_html). */
VNX_EXPORT const char *vnx_result_published(const vnx_result *r);

/**
 * The text the record was extracted from, which its spans index: the text
 * given to vnx_extract(), or the article vnx_extract_html() read from a
 * page (headline first). Borrowed from `r`, NUL-terminated; its length in
 * `*len` when `len` is not NULL. NULL for a NULL `r`.
 */
VNX_EXPORT const char *vnx_result_text(const vnx_result *r, size_t *len);

/** The number of warnings (invalid UTF-8, match limits hit...). */
VNX_EXPORT size_t vnx_result_warning_count(const vnx_result *r);
/** Warning `i`, borrowed from `r`; NULL when out of range. */
VNX_EXPORT const char *vnx_result_warning(const vnx_result *r, size_t i);

/* ------------------------------------------------------------------------ */
/* Input front ends: bytes in other encodings, HTML pages, JSON Lines       */
/* ------------------------------------------------------------------------ */

/**
 * Decode `len` bytes in `encoding` to UTF-8. `encoding` NULL (or "auto")
 * means UTF-8, or UTF-16/UTF-32 when the bytes start with its byte order
 * mark; any other name is an ICU converter name ("windows-1258", "VISCII",
 * "UTF-16LE"). Bytes invalid in the encoding become U+FFFD, except for
 * UTF-8, which is passed through as it is (vnx_extract reports invalid
 * UTF-8 in its warnings). Returns a NUL-terminated copy of `*out_len`
 * bytes, or NULL with `err` filled in (VNX_ERR_ARGUMENT for an unknown
 * encoding). Caller frees with vnx_free().
 */
VNX_EXPORT char *vnx_decode(const char *bytes, size_t len, const char *encoding,
                            size_t *out_len, vnx_error *err);

/**
 * The text of a whole HTML page (UTF-8), parsed as HTML5, without the
 * reader view of vnx_extract_html(): entities decoded; head, script,
 * style, noscript, template, forms, navigation and comment sections
 * dropped; block elements and <br> made line breaks, table cells ended by
 * a tab; inline tags joined without a break. Spans of a record extracted
 * from it with vnx_extract() point into this text. Returns a NUL-terminated copy of `*out_len` bytes, or NULL with
 * `err` filled in. Caller frees with vnx_free().
 */
VNX_EXPORT char *vnx_html_to_text(const char *html, size_t len, size_t *out_len,
                                  vnx_error *err);

/**
 * Extract the record of a saved HTML page, read the way a browser's reader
 * view reads it (SPEC.md, "HTML pages"): the article's block is found by
 * the text it holds against its links, its paragraphs and commas, and the
 * weights of its tags and class names (lexicon "html_weights" of the
 * pattern set); menus, sidebars, related news, comments, footers and
 * datelines are left out. The record's title is the headline, its
 * "published" the page's publication date (metadata, <time>, or the
 * dateline), and vnx_result_text() the article's text, headline first,
 * which the spans index. Table cells end words and rows end lines.
 *
 * `len` bytes at `bytes` in `encoding`: NULL or "auto" reads the byte order
 * mark, else the page's <meta charset> or http-equiv Content-Type, else
 * UTF-8; another name (an ICU converter name: "windows-1258") is used
 * unless a byte order mark says otherwise. Warnings: "listing page" for a
 * page of teasers with no article (its record holds no facts), and text
 * that looks like mojibake (left as it is). Safe to call from many threads
 * on one extractor. Returns NULL on failure with `err` filled in
 * (VNX_ERR_ARGUMENT for an unknown encoding). Caller frees with
 * vnx_result_free().
 */
VNX_EXPORT vnx_result *vnx_extract_html(const vnx_extractor *x, const char *bytes, size_t len,
                                        const char *encoding, vnx_error *err);

/** A document read from a JSON Lines stream (vnx_jsonl_document). */
typedef struct vnx_document {
    char *source; /**< the "id" member, else the "url" member, else NULL */
    char *text;   /**< the "text" member, or the "html" member as given */
    size_t len;   /**< the length of `text` in bytes */
    int is_html;  /**< 1: `text` is the "html" member (vnx_extract_html) */
} vnx_document;

/**
 * Read one line of a JSON Lines stream: a JSON object with a "text" or an
 * "html" string, and optionally an "id" (string or number) or a "url".
 * Returns VNX_OK and fills `doc`, or an error code with `err` filled in
 * (VNX_ERR_INPUT when the line is not such an object). Free the members
 * with vnx_document_clear(), also after an error.
 */
VNX_EXPORT int vnx_jsonl_document(const char *line, size_t len, vnx_document *doc,
                                  vnx_error *err);

/** Free the members of `doc` and zero it. NULL is a no-op. */
VNX_EXPORT void vnx_document_clear(vnx_document *doc);

/* ------------------------------------------------------------------------ */
/* Emit                                                                     */
/* ------------------------------------------------------------------------ */

#define VNX_JSON_DEFAULT 0u
/** Indent the JSON over several lines (default: one line). */
#define VNX_JSON_PRETTY (1u << 0)
/** Leave out the "span" members. */
#define VNX_JSON_NO_SPANS (1u << 1)

/**
 * The record as JSON (SPEC.md), NUL-terminated, with no trailing newline.
 * `flags` are VNX_JSON_* bits. Returns NULL when out of memory. Caller frees
 * with vnx_free().
 */
VNX_EXPORT char *vnx_result_to_json(const vnx_result *r, unsigned flags);

/**
 * The record of an input that could not be read or extracted:
 * {"source": SOURCE, "error": MESSAGE}, one line (or indented with
 * VNX_JSON_PRETTY). Returns NULL when out of memory. Caller frees with
 * vnx_free().
 */
VNX_EXPORT char *vnx_error_to_json(const char *source, const char *message, unsigned flags);

/* The fields of the record, one bit per top-level key but "source". */
#define VNX_FIELD_TITLE (1u << 0)
#define VNX_FIELD_EVENT (1u << 1)
#define VNX_FIELD_DATES (1u << 2)
#define VNX_FIELD_DIRECTIVES (1u << 3)
#define VNX_FIELD_OFFICIALS (1u << 4)
#define VNX_FIELD_TALLIES (1u << 5)
#define VNX_FIELD_ATTENDANCE (1u << 6)
#define VNX_FIELD_AUTHOR (1u << 7)
#define VNX_FIELD_WARNINGS (1u << 8)
#define VNX_FIELD_PUBLISHED (1u << 9)
/** Every field but "text": what vnx_result_to_json() emits. */
#define VNX_FIELD_ALL ((1u << 10) - 1)
/** "text": the text the spans index (vnx_result_text), on request only. */
#define VNX_FIELD_TEXT (1u << 10)

/**
 * The record as JSON with only the keys whose VNX_FIELD_* bit is set in
 * `fields` (in the record's usual order); "source" is always there. Returns
 * NULL when out of memory. Caller frees with vnx_free().
 */
VNX_EXPORT char *vnx_result_to_json_fields(const vnx_result *r, unsigned flags,
                                           unsigned fields);

/**
 * The VNX_FIELD_* bit of the field named by the `len` bytes at `name` (its
 * JSON key: "dates", "officials"...), or 0 when there is no such field.
 */
VNX_EXPORT unsigned vnx_field_from_name(const char *name, size_t len);

/**
 * The name (JSON key) of the single VNX_FIELD_* bit `field`, in static
 * storage; NULL when `field` is not exactly one field bit.
 */
VNX_EXPORT const char *vnx_field_name(unsigned field);

/** Free a string the library allocated. NULL is a no-op. */
VNX_EXPORT void vnx_free(void *p);

#ifdef __cplusplus
}
#endif

#endif /* VNEXTRACT_H */
