/**
 * fuzz.h: what the libFuzzer harnesses share: one extractor for the whole
 * run, as a batch has, and extraction of a document through to its JSON.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_FUZZ_H
#define VNX_FUZZ_H

#include <stdlib.h>

#include "vnextract.h"

static inline vnx_extractor *fuzz_extractor(void)
{
    static vnx_extractor *x;
    if (!x && !(x = vnx_extractor_new(NULL, NULL)))
        abort();
    return x;
}

// Extract `len` bytes of `text` (with `source`, if not NULL) and write the
// record's JSON. Only out of memory may fail, and the fuzzer bounds memory.
static inline void fuzz_extract(const char *text, size_t len, const char *source)
{
    vnx_result *r = vnx_extract(fuzz_extractor(), text, len, NULL);
    if (!r || (source && vnx_result_set_source(r, source) != VNX_OK))
        abort();
    vnx_free(vnx_result_to_json(r, VNX_JSON_DEFAULT));
    vnx_result_free(r);
}

#endif
