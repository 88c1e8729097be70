/**
 * html.c: vnx_extract_html() over saved pages, in one process, the way the
 * benchmark times Readability + jsdom (tests/bench/readability/bench.js).
 *
 *   bench_html [-n RUNS] PAGE.html...
 *
 * Reads the pages into memory, makes one extractor (its start-up is not
 * timed), then extracts every page RUNS times (default 5) on one thread
 * and prints, per page, its size and its best time, then the median of
 * the per-page times and the total. With -t it times only the reader view
 * (an extractor with every extractor off).
 *
 * SPDX-License-Identifier: MIT
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vnextract.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int runs = 5, first = 1;
    vnx_options opts;
    vnx_options_init(&opts);
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "-n") == 0 && first + 1 < argc)
            runs = atoi(argv[++first]);
        else if (strcmp(argv[first], "-t") == 0)
            opts.flags |= VNX_OPT_NO_DATES | VNX_OPT_NO_DIRECTIVES | VNX_OPT_NO_OFFICIALS |
                          VNX_OPT_NO_TALLIES | VNX_OPT_NO_EVENT;
    }
    int npages = argc - first;
    if (npages < 1 || runs < 1) {
        fprintf(stderr, "usage: bench_html [-n RUNS] [-t] PAGE.html...\n");
        return 2;
    }
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&opts, &err);
    if (!x) {
        fprintf(stderr, "bench_html: %s\n", err.message);
        return 1;
    }
    double *best = calloc((size_t)npages, sizeof *best), total = 0;
    for (int i = 0; i < npages; i++) {
        size_t len;
        char *page = slurp(argv[first + i], &len);
        if (!page) {
            fprintf(stderr, "bench_html: cannot read %s\n", argv[first + i]);
            return 1;
        }
        best[i] = 1e9;
        for (int k = 0; k < runs; k++) {
            double t = now();
            vnx_result *r = vnx_extract_html(x, page, len, NULL, &err);
            char *json = r ? vnx_result_to_json(r, VNX_JSON_DEFAULT) : NULL;
            double d = now() - t;
            if (!json) {
                fprintf(stderr, "bench_html: %s: %s\n", argv[first + i], err.message);
                return 1;
            }
            vnx_free(json);
            vnx_result_free(r);
            best[i] = d < best[i] ? d : best[i];
        }
        total += best[i];
        printf("%9zu bytes %8.2f ms  %s\n", len, best[i] * 1e3, argv[first + i]);
        free(page);
    }
    qsort(best, (size_t)npages, sizeof *best, cmp_double);
    double median = npages % 2 ? best[npages / 2] : (best[npages / 2 - 1] + best[npages / 2]) / 2;
    printf("median %.2f ms per page, total %.1f ms, %d pages\n", median * 1e3, total * 1e3,
           npages);
    free(best);
    vnx_extractor_free(x);
    return 0;
}
