/**
 * fuzz_jsonl.c: libFuzzer harness over the JSON Lines front end: each input
 * is one line; a document read from it is extracted.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnx_document doc;
    vnx_error err;
    if (vnx_jsonl_document((const char *)data, size, &doc, &err) == VNX_OK) {
        fuzz_extract(doc.text, doc.len, doc.source);
    } else if (err.code != VNX_ERR_INPUT && err.code != VNX_ERR_TOO_LARGE) {
        abort(); // a bad line is VNX_ERR_INPUT, nothing else
    }
    vnx_document_clear(&doc);
    return 0;
}
