/**
 * review.h: the review page of `vnextract --html FILE`: one self-contained
 * HTML page (inline CSS, no script, nothing fetched) that shows each article
 * with every extracted span highlighted by kind (date, directive, official,
 * role, tally, attendance), a legend, and each span's normalized value on
 * hover. It reads records only through the public accessors of vnextract.h.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_REVIEW_H
#define VNX_REVIEW_H

#include <stddef.h>

#include "vnextract.h"

typedef struct review review;

/**
 * Create the page at `path` and write its head and legend; `generator` (e.g.
 * "vnextract 0.1.0 (patterns 1)") is shown under the heading. Returns NULL
 * with errno set on failure. Finish with review_close().
 */
review *review_open(const char *path, const char *generator);

/**
 * Add one article: its `len` bytes of `text` as read, and the record `res`
 * extracted from them, under the heading `source`. Returns 0, or -1 with
 * errno set (out of memory, or a write error).
 */
int review_add(review *rv, const char *source, const char *text, size_t len, const vnx_result *res);

/**
 * Write the end of the page, close the file and free `rv` (NULL is a no-op).
 * Returns 0, or -1 with errno set when some write failed (then or before).
 */
int review_close(review *rv);

#endif
