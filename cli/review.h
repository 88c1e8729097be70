/**
 * review.h: the review page of `vnextract --html FILE`: one self-contained
 * HTML page (nothing fetched) for an editor checking a batch: a summary of
 * the batch in charts that filter the list, and the list of articles, each
 * with its meeting, title, author, published date, a table of its facts and
 * its text with every extracted span highlighted (a click on a fact goes to
 * its span, and back). It reads records only through the public accessors
 * of vnextract.h. See review.c for the page's data.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_REVIEW_H
#define VNX_REVIEW_H

#include <stddef.h>

#include "vnextract.h"

typedef struct review review;

/**
 * Create the page for `path` and write its head; `generator` (e.g.
 * "vnextract 0.1.0 (patterns 1)") is shown under the heading. The page is
 * written to a temporary file beside `path` and takes its place when
 * review_close() succeeds (a device or a pipe is written in place).
 * Returns NULL with errno set on failure. Finish with review_close().
 */
review *review_open(const char *path, const char *generator);

/**
 * After the first failure (kept, for review_close) the adds do nothing and
 * return -1.
 *
 * Add one article: the `len` bytes of `text` its record `res` was extracted
 * from (its spans, in any unit, index them), under the heading `source`.
 * The spans of `res` are left in UTF-16 units. Returns 0, or -1 with errno
 * set (out of memory, or a write error).
 */
int review_add(review *rv, const char *source, const char *text, size_t len, vnx_result *res);

/**
 * Add an input that could not be read or extracted, with the reason.
 * Returns 0, or -1 with errno set.
 */
int review_add_error(review *rv, const char *source, const char *message);

/**
 * Write the end of the page, close the file, put it in place of `path`
 * and free `rv` (NULL is a no-op). Returns 0, or -1 with errno set (the
 * first failure) when some write failed, then or before: then `path` is
 * left as it was and the temporary file removed.
 */
int review_close(review *rv);

#endif
