/**
 * page.c: vnx_extract_html(), a saved page from its bytes to its record:
 * the encoding (charset.c), the parse (html.c, after prescan.c has cut out
 * what is never read), the article (readable.c), then the extractors on
 * the article's text, whose headline and publication date the record takes.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/page.h"

// The page as UTF-8 (a fresh copy, without a byte order mark), or NULL.
// A page converted from another encoding is made NFC: windows-1258 writes
// tones as combining marks, and the text should read as UTF-8 pages do.
static char *page_utf8(const char *bytes, size_t len, const char *encoding, size_t *out_len,
                       vnx_error *err)
{
    const char *why;
    const char *enc = vnxp_html_encoding(bytes, len, encoding, &why);
    char *u = vnx_decode(bytes, len, enc, out_len, err);
    if (u && *out_len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0) {
        memmove(u, u + 3, *out_len - 3 + 1);
        *out_len -= 3;
    }
    if (u && strcasecmp(enc, "UTF-8") != 0) {
        vnxp_text nfc;
        int rc = vnxp_normalize(u, *out_len, 0, 0, NULL, NULL, &nfc, err);
        free(u);
        if (rc != VNX_OK)
            return NULL;
        u = nfc.s;
        *out_len = nfc.len;
    }
    return u;
}

static int read_article(const vnx_extractor *x, const char *bytes, size_t len,
                        const char *encoding, vnxp_article *a, vnx_error *err)
{
    size_t ulen;
    char *u = page_utf8(bytes, len, encoding, &ulen, err);
    if (!u)
        return err && err->code ? err->code : VNX_ERR_NOMEM;
    ulen = vnxp_html_cut_unread(u, ulen);
    GumboOutput *doc = vnxp_html_parse(u, ulen);
    int rc = doc ? vnxp_readable(doc, &x->patterns, a, err)
                 : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    vnxp_html_destroy(doc);
    free(u);
    return rc;
}

// What the page adds to the record: headline, date, warnings.
static int add_page_fields(vnx_result *r, vnxp_article *a)
{
    if (a->title) {
        free(r->title);
        r->title = a->title;
        a->title = NULL;
    }
    if (a->published.value[0] && !(r->published = vnxp_strdup(a->published.value)))
        return -1;
    if (a->listing && vnxp_result_warn(r, "listing page"))
        return -1;
    if (vnxp_looks_mojibake(r->text, r->text_len) &&
        vnxp_result_warn(r, "mojibake: the text reads like UTF-8 decoded as a one-byte "
                            "encoding (left as it is; try --encoding)"))
        return -1;
    return 0;
}

vnx_result *vnx_extract_html(const vnx_extractor *x, const char *bytes, size_t len,
                             const char *encoding, vnx_error *err)
{
    vnxp_error_clear(err);
    if (!x || (!bytes && len > 0)) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_extract_html: NULL extractor or page");
        return NULL;
    }
    vnxp_article a;
    if (read_article(x, bytes ? bytes : "", len, encoding, &a, err) != VNX_OK)
        return NULL;
    vnx_result *r;
    if (a.listing) {
        // A listing page's record holds no facts: its text is read, not extracted.
        if ((r = vnx_extract(x, "", 0, err))) {
            free(r->text);
            r->text = a.text.s;
            r->text_len = a.text.len;
            a.text.s = NULL;
        }
    } else {
        r = vnxp_extract_keep(x, a.text.s, a.text.len, err);
        a.text.s = NULL; // the record holds it, or it was freed
    }
    if (r && add_page_fields(r, &a)) {
        vnx_result_free(r);
        r = NULL;
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    }
    vnxp_article_free(&a);
    return r;
}
