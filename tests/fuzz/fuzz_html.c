/**
 * fuzz_html.c: libFuzzer harness over the HTML front end, and extraction
 * from the text it gives.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>

#include "vnextract.h"

static vnx_extractor *extractor(void)
{
    static vnx_extractor *x;
    if (!x && !(x = vnx_extractor_new(NULL, NULL)))
        abort();
    return x;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *text = vnx_html_to_text((const char *)data, size, &len, NULL);
    if (!text)
        abort();
    vnx_result *r = vnx_extract(extractor(), text, len, NULL);
    if (!r)
        abort();
    vnx_result_free(r);
    vnx_free(text);
    return 0;
}
