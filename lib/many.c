/**
 * many.c: vnx_extract_many(), a batch of documents extracted by threads the
 * library starts and joins before it returns. Each thread takes the next
 * document not yet taken (an atomic counter), so a long document holds up
 * one thread, not a share of the batch. The calling thread works too; when
 * no thread can be started, it does the whole batch alone.
 *
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "internal.h"

enum { MAX_THREADS = 256 };

typedef struct many {
    const vnx_extractor *x;
    const char *const *texts;
    const size_t *lens;
    size_t n;
    vnx_result **results;
    vnx_error *errors;
    atomic_size_t next;
} many;

static void *work(void *arg)
{
    many *m = arg;
    for (size_t i; (i = atomic_fetch_add(&m->next, 1)) < m->n;)
        m->results[i] =
            vnx_extract(m->x, m->texts[i], m->lens[i], m->errors ? &m->errors[i] : NULL);
    return NULL;
}

int vnx_extract_many(const vnx_extractor *x, const char *const *texts, const size_t *lens, size_t n,
                     unsigned threads, vnx_result **results, vnx_error *errors, vnx_error *err)
{
    vnxp_error_clear(err);
    if (!x || (n && (!texts || !lens || !results)))
        return vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_extract_many: NULL extractor or arrays");
    many m = {x, texts, lens, n, results, errors, 0};
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    if (threads > n)
        threads = (unsigned)n;
    pthread_t tids[MAX_THREADS];
    unsigned started = 0;
    while (started + 1 < threads && pthread_create(&tids[started], NULL, work, &m) == 0)
        started++;
    work(&m);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    return VNX_OK;
}
