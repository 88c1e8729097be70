/**
 * fuzz_extract.c: libFuzzer harness over vnx_extract() and the JSON of its
 * record. One extractor for the whole run, as a batch has.
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
    vnx_result *r = vnx_extract(extractor(), (const char *)data, size, NULL);
    if (!r)
        abort(); // only out of memory may fail, and the fuzzer bounds memory
    vnx_free(vnx_result_to_json(r, VNX_JSON_DEFAULT));
    vnx_result_free(r);
    return 0;
}
