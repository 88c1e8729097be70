/**
 * fuzz_jsonl.c: libFuzzer harness over the JSON Lines front end: each input
 * is one line; a document read from it is extracted.
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
    vnx_document doc;
    vnx_error err;
    if (vnx_jsonl_document((const char *)data, size, &doc, &err) == VNX_OK) {
        vnx_result *r = vnx_extract(extractor(), doc.text, doc.len, NULL);
        if (!r)
            abort();
        if (vnx_result_set_source(r, doc.source) != VNX_OK)
            abort();
        vnx_free(vnx_result_to_json(r, VNX_JSON_DEFAULT));
        vnx_result_free(r);
    } else if (err.code != VNX_ERR_INPUT && err.code != VNX_ERR_TOO_LARGE) {
        abort(); // a bad line is VNX_ERR_INPUT, nothing else
    }
    vnx_document_clear(&doc);
    return 0;
}
