/**
 * shim.c: allocations that fail on demand, over malloc, calloc, realloc
 * (and free, which must know the shim's own bootstrap memory), for every
 * library of the process: ours, json-c, ICU, PCRE2, gumbo.
 *
 * Linked into the chaos test, it is driven by chaos_arm() and
 * chaos_disarm(). Preloaded into the command (LD_PRELOAD=libvnxchaos.so,
 * scripts/chaos.sh), it reads VNX_CHAOS_FAIL=N (fail the Nth allocation of
 * the process, counted from its start) and, at exit, writes the count of
 * allocations to the file VNX_CHAOS_COUNT names. The real functions are
 * the next ones (dlsym RTLD_NEXT): the C library's, or AddressSanitizer's.
 * With VNX_CHAOS_TRACE set, the failing allocation's stack goes to stderr.
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

// dlsym may allocate before the real functions are known: from here.
static _Alignas(max_align_t) char bootstrap[8192];
static size_t bootstrap_used;
static int resolving;

static atomic_long counter;  // allocations since the shim was armed
static atomic_long live;     // blocks allocated and not freed
static atomic_long fail_at;  // the one that fails (0: none)
static atomic_int armed;

static void resolve(void)
{
    if (real_malloc || resolving)
        return;
    resolving = 1;
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    resolving = 0;
}

static void *from_bootstrap(size_t n)
{
    size_t at = (bootstrap_used + 15) & ~(size_t)15;
    if (at + n > sizeof bootstrap)
        return NULL;
    bootstrap_used = at + n;
    return bootstrap + at;
}

static int in_bootstrap(const void *p)
{
    return (const char *)p >= bootstrap && (const char *)p < bootstrap + sizeof bootstrap;
}

// With VNX_CHAOS_TRACE set, where the failing allocation was made.
static void trace(void)
{
    static __thread int inside;
    if (inside || !getenv("VNX_CHAOS_TRACE"))
        return;
    inside = 1;
    void *frames[24];
    int n = backtrace(frames, 24);
    backtrace_symbols_fd(frames, n, 2);
    inside = 0;
}

// Whether this allocation is the one to fail.
static int fails(void)
{
    if (!atomic_load(&armed))
        return 0;
    long n = atomic_fetch_add(&counter, 1) + 1;
    if (n != atomic_load(&fail_at))
        return 0;
    trace();
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t n)
{
    resolve();
    if (!real_malloc)
        return from_bootstrap(n);
    void *p = fails() ? NULL : real_malloc(n);
    if (p)
        atomic_fetch_add(&live, 1);
    return p;
}

void *calloc(size_t n, size_t size)
{
    resolve();
    if (!real_calloc)
        return size && n > (size_t)-1 / size ? NULL : from_bootstrap(n * size); // zeroed: static
    void *p = fails() ? NULL : real_calloc(n, size);
    if (p)
        atomic_fetch_add(&live, 1);
    return p;
}

void *realloc(void *p, size_t n)
{
    resolve();
    if (in_bootstrap(p)) { // never happens in practice: copy out
        void *q = malloc(n);
        if (q)
            memcpy(q, p, n < 256 ? n : 256);
        return q;
    }
    if (fails())
        return NULL;
    void *q = real_realloc(p, n);
    if (q && !p)
        atomic_fetch_add(&live, 1);
    else if (!q && p && n == 0)
        atomic_fetch_sub(&live, 1);
    return q;
}

void free(void *p)
{
    if (!p || in_bootstrap(p))
        return;
    resolve();
    atomic_fetch_sub(&live, 1);
    real_free(p);
}

long chaos_live(void)
{
    return atomic_load(&live);
}

void chaos_arm(long n)
{
    atomic_store(&counter, 0);
    atomic_store(&fail_at, n);
    atomic_store(&armed, 1);
}

long chaos_disarm(void)
{
    atomic_store(&armed, 0);
    return atomic_load(&counter);
}

/* ---- preloaded into the command ----------------------------------------- */

__attribute__((constructor)) static void from_environment(void)
{
    const char *n = getenv("VNX_CHAOS_FAIL");
    if (n || getenv("VNX_CHAOS_COUNT"))
        chaos_arm(n ? atol(n) : 0);
}

__attribute__((destructor)) static void report_count(void)
{
    const char *path = getenv("VNX_CHAOS_COUNT");
    if (!path)
        return;
    long n = chaos_disarm();
    FILE *f = fopen(path, "w");
    if (f) {
        fprintf(f, "%ld\n", n);
        fclose(f);
    }
}
