/**
 * chaos.c: out of memory never crashes, leaks or lies (jansson's
 * test_chaos, over every allocation of the process, through shim.c).
 *
 *   chaos KIND FILE [STRIDE [FIRST [LAST]]]
 *
 * KIND is text (vnx_extract), html (vnx_extract_html), jsonl (each line
 * through vnx_jsonl_document, then vnx_extract or vnx_extract_html) or
 * extractor (vnx_extractor_new with the built-in patterns, then an
 * extraction of FILE with it). The record of FILE (each record, for a
 * stream) is made once; then, for N = 1, 1 + STRIDE, ... up to the number
 * of allocations one run makes, the same run is made with the Nth
 * allocation failing, and must give the same record, or fail cleanly: NULL
 * with VNX_ERR_NOMEM (a record the serializer could not write: NULL). The
 * shared extractor (text, html, jsonl) must still give the same record
 * after, and the blocks in use must be as many as before (unless a
 * pattern's JIT copy was made: a cache), and LeakSanitizer finds none at
 * exit in a sanitized build.
 * STRIDE defaults to 1 (every allocation), or to $VNX_CHAOS_STRIDE.
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "shim.h"
#include "vnextract.h"

typedef enum { KIND_TEXT, KIND_HTML, KIND_JSONL, KIND_EXTRACTOR } kind;

/* What one run gave: the records (one per document), or the first failure. */
typedef struct outcome {
    char *records; // joined by newlines
    int code;      // VNX_OK, or the error code
    char message[300];
} outcome;

static vnx_extractor *X;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        *len = (size_t)n;
    }
    return s;
}

static void fail(outcome *o, int code, const char *message)
{
    if (o->code == VNX_OK) {
        o->code = code;
        snprintf(o->message, sizeof o->message, "%s", message);
    }
}

// Add the record of `r` (NULL: failed with err) to o.
static void take(outcome *o, vnx_result *r, const vnx_error *err)
{
    if (!r) {
        fail(o, err->code, err->message);
        return;
    }
    char *json = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    vnx_result_free(r);
    if (!json) {
        fail(o, VNX_ERR_NOMEM, "the serializer returned NULL");
        return;
    }
    size_t have = o->records ? strlen(o->records) : 0, n = strlen(json);
    char *all = realloc(o->records, have + n + 2);
    if (!all) {
        free(json);
        fail(o, VNX_ERR_NOMEM, "(the test's own allocation)");
        return;
    }
    memcpy(all + have, json, n);
    all[have + n] = '\n';
    all[have + n + 1] = '\0';
    o->records = all;
    free(json);
}

static void run_jsonl(const vnx_extractor *x, const char *s, size_t len, outcome *o)
{
    for (size_t at = 0; at < len && o->code == VNX_OK;) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - s) : len;
        vnx_error err;
        vnx_document doc;
        if (end > at && vnx_jsonl_document(s + at, end - at, &doc, &err) == VNX_OK) {
            take(o, doc.is_html ? vnx_extract_html(x, doc.text, doc.len, NULL, &err)
                                : vnx_extract(x, doc.text, doc.len, &err),
                 &err);
            vnx_document_clear(&doc);
        } else if (end > at) {
            fail(o, err.code, err.message);
        }
        at = end + 1;
    }
}

// How many of the extractor's regexes have their JIT copy: one compiled
// during a run stays (a cache, not a leak).
static size_t jit_compiled(const vnx_extractor *x)
{
    size_t n = 0;
    for (size_t i = 0; i < x->patterns.n; i++)
        n += atomic_load(&x->patterns.items[i].re.jit) != NULL;
    for (size_t i = 0; i < x->patterns.nanchors; i++)
        n += atomic_load(&x->patterns.anchors[i].re.jit) != NULL;
    return n;
}

// One run of `k` over s.
static outcome run(kind k, const char *s, size_t len)
{
    outcome o = {NULL, VNX_OK, ""};
    vnx_error err;
    switch (k) {
    case KIND_TEXT:
        take(&o, vnx_extract(X, s, len, &err), &err);
        break;
    case KIND_HTML:
        take(&o, vnx_extract_html(X, s, len, NULL, &err), &err);
        break;
    case KIND_JSONL:
        run_jsonl(X, s, len, &o);
        break;
    case KIND_EXTRACTOR: {
        vnx_extractor *x = vnx_extractor_new(NULL, &err);
        if (!x) {
            fail(&o, err.code, err.message);
            break;
        }
        take(&o, vnx_extract(x, s, len, &err), &err);
        vnx_extractor_free(x);
        break;
    }
    }
    return o;
}

int main(int argc, char **argv)
{
    static const char *const kinds[] = {"text", "html", "jsonl", "extractor"};
    if (argc < 3) {
        fprintf(stderr, "usage: chaos text|html|jsonl|extractor FILE [STRIDE [FIRST [LAST]]]\n");
        return 2;
    }
    kind k = KIND_TEXT;
    for (int i = 0; i < 4; i++)
        if (strcmp(argv[1], kinds[i]) == 0)
            k = (kind)i;
    long stride = argc > 3 ? atol(argv[3])
                  : getenv("VNX_CHAOS_STRIDE") ? atol(getenv("VNX_CHAOS_STRIDE"))
                                               : 1;
    long first = argc > 4 ? atol(argv[4]) : 1, last = argc > 5 ? atol(argv[5]) : 0;
    size_t len;
    char *s = read_file(argv[2], &len);
    vnx_error err;
    if (!s || !(X = vnx_extractor_new(NULL, &err))) {
        fprintf(stderr, "chaos: %s: cannot read it, or no extractor\n", argv[2]);
        return 2;
    }
    // Warm up (ICU's caches, JIT compiles), then the reference and its count.
    for (int i = 0; i < 3; i++)
        free(run(k, s, len).records);
    chaos_arm(0);
    outcome want = run(k, s, len);
    long total = chaos_disarm();
    if (want.code != VNX_OK) {
        fprintf(stderr, "chaos: %s: no record to compare with: %s\n", argv[2], want.message);
        return 1;
    }
    long same = 0, nomem = 0, bad = 0;
    for (long n = first; n <= (last ? last : total); n += stride < 1 ? 1 : stride) {
        long before = chaos_live();
        size_t jit_before = jit_compiled(X);
        chaos_arm(n);
        outcome got = run(k, s, len);
        chaos_disarm();
        const char *why = NULL;
        if (got.code == VNX_OK && strcmp(got.records, want.records) == 0)
            same++;
        else if (got.code == VNX_ERR_NOMEM)
            nomem++;
        else
            why = got.code == VNX_OK ? "a different record" : got.message;
        free(got.records);
        if (!why && chaos_live() != before && jit_compiled(X) == jit_before)
            why = "blocks still in use after the run (a leak)";
        if (k != KIND_EXTRACTOR) { // the shared extractor is intact
            outcome again = run(k, s, len);
            if (!why && (again.code != VNX_OK || strcmp(again.records, want.records) != 0))
                why = "the next run (no failure) gave another record";
            free(again.records);
        }
        if (why) {
            bad++;
            fprintf(stderr, "chaos %s: allocation %ld of %ld failing: %s (code %d)\n", argv[1],
                    n, total, why, got.code);
        }
    }
    printf("chaos %s %s: %ld allocations, stride %ld: %ld same record, %ld out of memory, %ld "
           "wrong\n",
           argv[1], argv[2], total, stride, same, nomem, bad);
    free(want.records);
    free(s);
    vnx_extractor_free(X);
    return bad ? 1 : 0;
}
