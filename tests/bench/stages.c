/**
 * stages.c: where the time of an extraction goes, extractor by extractor.
 *
 *   bench_stages STREAM.jsonl
 *
 * Reads the documents of a JSON Lines stream into memory, then times
 * vnx_extract() and vnx_result_to_json() over all of them, on one thread,
 * with the extractors switched on one at a time in the order they run. The
 * first row (every extractor off) is what any record costs: normalizing the
 * text and writing the JSON. Each next row adds one extractor; its own cost
 * is the difference. Best of three runs per row, in CPU seconds. Part of
 * scripts/bench.sh.
 *
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <time.h>

#include "vnextract.h"

typedef struct docs {
    vnx_document *items;
    size_t n, cap, bytes;
} docs;

static int add_line(docs *d, const char *line, size_t len)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 1024;
        vnx_document *p = realloc(d->items, cap * sizeof *p);
        if (!p)
            return -1;
        d->items = p;
        d->cap = cap;
    }
    vnx_error err;
    vnx_document *doc = &d->items[d->n];
    if (vnx_jsonl_document(line, len, doc, &err) != VNX_OK) {
        vnx_document_clear(doc);
        return 0; // not a document: skipped, as the stream's other readers would report it
    }
    d->bytes += doc->len;
    d->n++;
    return 0;
}

static int read_stream(const char *path, docs *d)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) > 0)
        rc = add_line(d, line, (size_t)len);
    free(line);
    fclose(f);
    return rc;
}

// CPU seconds of the process: one thread runs, and on a machine others load
// its wall-clock time would measure the load.
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// Seconds to extract every document and write its record; -1 on an error.
static double run(const vnx_extractor *x, const docs *d)
{
    double t0 = now();
    for (size_t i = 0; i < d->n; i++) {
        vnx_error err;
        vnx_result *r = vnx_extract(x, d->items[i].text, d->items[i].len, &err);
        char *json = r ? vnx_result_to_json(r, VNX_JSON_DEFAULT) : NULL;
        vnx_result_free(r);
        if (!json)
            return -1;
        vnx_free(json);
    }
    return now() - t0;
}

// The best of three runs with the extractors of `flags` off; -1 on an error.
static double best_of_three(unsigned flags, const docs *d)
{
    vnx_options opts;
    vnx_options_init(&opts);
    opts.flags = flags;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&opts, &err);
    if (!x)
        return -1;
    double best = -1;
    for (int i = 0; i < 3; i++) {
        double s = run(x, d);
        if (s < 0) {
            best = -1;
            break;
        }
        if (best < 0 || s < best)
            best = s;
    }
    vnx_extractor_free(x);
    return best;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_stages STREAM.jsonl\n");
        return 2;
    }
    docs d = {0};
    if (read_stream(argv[1], &d) != 0 || d.n == 0) {
        fprintf(stderr, "bench_stages: %s: no documents read\n", argv[1]);
        return 1;
    }
    static const struct {
        const char *name;
        unsigned on; /* the extractor this row adds */
    } rows[] = {{"normalize + JSON record (no extractor)", 0},
                {"+ dates", VNX_OPT_NO_DATES},
                {"+ directives", VNX_OPT_NO_DIRECTIVES},
                {"+ officials", VNX_OPT_NO_OFFICIALS},
                {"+ tallies and attendance", VNX_OPT_NO_TALLIES},
                {"+ event, title, author (all)", VNX_OPT_NO_EVENT}};
    unsigned off = VNX_OPT_NO_DATES | VNX_OPT_NO_DIRECTIVES | VNX_OPT_NO_OFFICIALS |
                   VNX_OPT_NO_TALLIES | VNX_OPT_NO_EVENT;
    printf("| -j 1, in memory, %zu documents | s | MB/s | the stage's own s |\n", d.n);
    printf("|---|---|---|---|\n");
    double prev = 0;
    int status = 0;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        off &= ~rows[i].on;
        double s = best_of_three(off, &d);
        if (s < 0) {
            fprintf(stderr, "bench_stages: extraction failed\n");
            status = 1;
            break;
        }
        printf("| %-40s | %6.3f | %6.1f | %6.3f |\n", rows[i].name, s, (double)d.bytes / 1e6 / s,
               s - prev);
        prev = s;
    }
    for (size_t i = 0; i < d.n; i++)
        vnx_document_clear(&d.items[i]);
    free(d.items);
    return status;
}
