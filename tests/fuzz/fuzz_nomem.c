/**
 * fuzz_nomem.c: libFuzzer harness that also fails an allocation, chosen by
 * the input: out of memory anywhere in an extraction (ours, ICU, PCRE2,
 * json-c, gumbo: tests/chaos/shim.c is under every allocation of the
 * process) gives the same record or a clean VNX_ERR_NOMEM, never a crash,
 * a leak (LeakSanitizer) or another record.
 *
 * Input: one byte for the front end (its low bits: text, HTML page, JSON
 * line), four for the allocation to fail (a share of the allocations the
 * extraction makes, counted by a first run), then the document.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "shim.h"

enum { HEADER = 5 };

// The record of `text` read by front end `kind`, or NULL with *code set.
static char *record(int kind, const char *text, size_t len, int *code)
{
    vnx_error err = {0};
    vnx_result *r = NULL;
    vnx_document doc = {0};
    if (kind == 0) {
        r = vnx_extract(fuzz_extractor(), text, len, &err);
    } else if (kind == 1) {
        r = vnx_extract_html(fuzz_extractor(), text, len, NULL, &err);
    } else if (vnx_jsonl_document(text, len, &doc, &err) == VNX_OK) {
        r = doc.is_html ? vnx_extract_html(fuzz_extractor(), doc.text, doc.len, "UTF-8", &err)
                        : vnx_extract(fuzz_extractor(), doc.text, doc.len, &err);
    }
    vnx_document_clear(&doc);
    char *json = r ? vnx_result_to_json(r, VNX_JSON_DEFAULT) : NULL;
    *code = r && !json ? VNX_ERR_NOMEM : err.code;
    vnx_result_free(r);
    return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < HEADER)
        return 0;
    int kind = data[0] % 3;
    uint32_t share = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 |
                     (uint32_t)data[3] << 8 | data[4];
    const char *text = (const char *)data + HEADER;
    size_t len = size - HEADER;
    fuzz_extractor(); // made before counting: the extraction's allocations only
    int want_code, code;
    chaos_arm(0); // count
    char *want = record(kind, text, len, &want_code);
    long count = chaos_disarm();
    if (count > 0) {
        chaos_arm(1 + (long)(share % (uint32_t)count));
        char *got = record(kind, text, len, &code);
        chaos_disarm();
        // The same record; or, failed, out of memory (or as the first run
        // failed: a bad line fails before the allocation that fails now).
        int same = got ? want && strcmp(got, want) == 0
                       : code == VNX_ERR_NOMEM || (!want && code == want_code);
        if (!same)
            abort(); // another record, or a failure that is not out of memory
        vnx_free(got);
    }
    vnx_free(want);
    return 0;
}
