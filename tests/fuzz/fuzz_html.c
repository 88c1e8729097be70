/**
 * fuzz_html.c: libFuzzer harness over the HTML front ends: the whole
 * page's text and extraction from it, and the reader view
 * (vnx_extract_html: pre-scan, encodings, the article, its record).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *text = vnx_html_to_text((const char *)data, size, &len, NULL);
    if (!text)
        abort();
    fuzz_extract(text, len, NULL);
    vnx_free(text);
    vnx_result *r = vnx_extract_html(fuzz_extractor(), (const char *)data, size, NULL, NULL);
    if (!r)
        abort();
    size_t n;
    const char *article = vnx_result_text(r, &n);
    if (!article || strlen(article) != n)
        abort(); // the text the spans index holds no NUL of its own
    vnx_free(vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, VNX_FIELD_ALL | VNX_FIELD_TEXT));
    vnx_result_free(r);
    return 0;
}
