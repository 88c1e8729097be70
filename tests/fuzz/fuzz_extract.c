/**
 * fuzz_extract.c: libFuzzer harness over vnx_extract() and the JSON of its
 * record. One extractor for the whole run, as a batch has.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_extract((const char *)data, size, NULL);
    return 0;
}
