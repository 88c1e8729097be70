/**
 * page.h: the HTML front end's parts, shared by the files of lib/input/
 * (not installed).
 *
 *   html.c      the text of a (sub)tree
 *   html_guard.c  gumbo's parse, bounded (vnxp_html_parse, in internal.h)
 *   prescan.c   what gumbo need not tokenize, cut out before the parse
 *   charset.c   the page's encoding (BOM, <meta>), mojibake
 *   readable.c  the article of a page: the reader view
 *   meta.c      the page's headline candidates and publication date
 *   page.c      vnx_extract_html(): all of them, then the extractors
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_INPUT_PAGE_H
#define VNX_INPUT_PAGE_H

#include <gumbo.h>

#include "internal.h"

/* ---- html.c ------------------------------------------------------------ */

/* Elements that end a line of the text (<p>, <div>, <li>, <br>...). */
int vnxp_html_block_tag(GumboTag tag);

/* Elements never read: head, script, style, forms' controls, widgets. */
int vnxp_html_dropped_tag(GumboTag tag);

/* Whether to leave element `node` (and all under it) out of the text. */
typedef int (*vnxp_html_skip)(void *ctx, const GumboNode *node);

/* Append the text of `root` to `out` (after a line break when `out` is not
 * empty), leaving out the elements `skip` says. 0, or -1 out of memory. */
int vnxp_html_render(const GumboNode *root, vnxp_html_skip skip, void *ctx, vnxp_buf *out);

/* ---- prescan.c ----------------------------------------------------------- */

/* Cut the contents of <script> (but JSON-LD), <style> and <svg> elements
 * out of `html` (in place): gumbo spends most of its time on them and the
 * reader never reads them. Only what gumbo would read as those elements'
 * contents is cut (comments, attribute values and raw text of other
 * elements are skipped over); an <svg> that holds HTML is kept. Returns
 * the page's new length (a NUL follows it when shorter). */
size_t vnxp_html_cut_unread(char *html, size_t len);

/* ---- charset.c ----------------------------------------------------------- */

/* The encoding of an HTML page: its byte order mark, else `given` (not
 * NULL or "auto"), else its <meta charset> or http-equiv Content-Type in
 * the first 1024 bytes, else UTF-8. Static storage or `given`; `*why` says
 * where it came from ("byte order mark", "<meta>", "--encoding", "default"). */
const char *vnxp_html_encoding(const char *bytes, size_t len, const char *given,
                               const char **why);

/* Whether UTF-8 text looks like UTF-8 read as a one-byte encoding and
 * written back as UTF-8 (mojibake: "Ä‘" for "đ", "Ã¡" for "á"). */
int vnxp_looks_mojibake(const char *s, size_t len);

/* ---- meta.c -------------------------------------------------------------- */

/* A date read from a page: YYYY-MM-DD, or "" when none. */
typedef struct vnxp_day {
    char value[11];
} vnxp_day;

/* The first date in `s` (`n` bytes): "2026-03-07T08:00", "07/03/2026",
 * "7-3-2026", "ngày 7 tháng 3 năm 2026". 1 found, 0 none. */
int vnxp_find_day(const char *s, size_t n, vnxp_day *out);

/* Whether `s` is a dateline: a short line that is a date and time with
 * little else ("Thứ Bảy, 07/03/2026 - 08:00 (GMT+7)"). */
int vnxp_is_dateline(const char *s, size_t n);

/* What the page says of itself in its <head> and JSON-LD. Strings are
 * borrowed from the gumbo tree (NULL when absent). */
typedef struct vnxp_page_meta {
    const char *og_title;
    const char *title;        /* <title> */
    const char *og_type;      /* "article", "website" */
    vnxp_day published;       /* article:published_time, JSON-LD datePublished... */
} vnxp_page_meta;

/* Read element `e` into `meta` if it is a <meta>, the <title> or a JSON-LD
 * script (called for every element of the page, in document order; the
 * first of each kind wins). */
void vnxp_page_meta_element(const GumboElement *e, vnxp_page_meta *meta);

/* ---- readable.c ------------------------------------------------------------ */

/* The article of a page, as the reader view reads it. */
typedef struct vnxp_article {
    vnxp_buf text;     /* headline first, then the article's text; ends with '\n' */
    char *title;       /* the headline, or NULL */
    vnxp_day published;
    int listing;       /* a page of teasers with no article */
} vnxp_article;

/* Read the article of the parsed page `doc` with the weights of lexicon
 * "html_weights" of `ps` (NULL: none, every weight 0). VNX_OK, or an
 * error code with `err` filled in. */
int vnxp_readable(const GumboOutput *doc, const vnxp_patterns *ps, vnxp_article *out,
                  vnx_error *err);
void vnxp_article_free(vnxp_article *a);

#endif
