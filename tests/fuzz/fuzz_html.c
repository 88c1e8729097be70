/**
 * fuzz_html.c: libFuzzer harness over the HTML front end, and extraction
 * from the text it gives.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *text = vnx_html_to_text((const char *)data, size, &len, NULL);
    if (!text)
        abort();
    fuzz_extract(text, len, NULL);
    vnx_free(text);
    return 0;
}
