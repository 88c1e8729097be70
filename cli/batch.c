/**
 * batch.c: jobs extracted by worker threads, records written in input order.
 *
 * The reading thread submits jobs into a ring of `window` slots; workers
 * take them in order and turn each into its JSON line. The worker that
 * finishes the next job in order writes it, and every finished one after
 * it, so records are written in submission order without a writer thread
 * (waking one for every record cost more than a small one's extraction).
 * The ring bounds the memory: at most `window` documents, and about
 * MAX_BYTES_IN_FLIGHT bytes of them, are in flight however long the input.
 * A large document (LARGE_DOCUMENT bytes or more) takes some 7 times its
 * size while it is extracted: one is extracted at a time, the others wait
 * for it, so that -j N does not multiply the peak of large inputs (two
 * 6 MB pages at once under `ulimit -v 400000` ran out of memory).
 * With one thread, every job is processed and written on the calling
 * thread, through the same functions, so the output of -j 1 and -j N is
 * the same bytes.
 *
 * A closed stdout (EPIPE) ends the run quietly: the reader stops, what is in
 * flight is dropped.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

// Enough jobs in flight that a worker seldom waits for the reader, and
// the reader seldom for the workers; the byte bound keeps large
// documents from holding much memory.
enum { WINDOW_PER_THREAD = 16 };
#define MAX_BYTES_IN_FLIGHT ((size_t)16 << 20)
#define LARGE_DOCUMENT ((size_t)1 << 20)

struct batch {
    batch_config cfg;
    job **ring;
    size_t window;
    size_t submitted, taken, written; /* sequence numbers */
    size_t bytes_in_flight;           /* of the jobs submitted, not written */
    int closing;                      /* no more jobs will come */
    int writing;                      /* a worker is writing records */
    int large_running;                /* a worker is extracting a large document */
    atomic_int stop;                  /* stdout is gone: drop the rest */
    atomic_int failed;
    int review_failed; /* the --html page could not be written */
    int write_errno;
    /* progress */
    size_t docs_done, bytes_done; /* written, whatever the number of threads */
    double started, last_progress;
    int progress_shown;
    pthread_mutex_t mu;
    pthread_cond_t can_submit, can_take, can_extract_large;
    pthread_t *workers;
    int nworkers;
};

static char *copy_string(const char *s)
{
    return s ? strdup(s) : NULL;
}

job *job_new(const char *source, input_format format, const char *error)
{
    job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->format = format;
    j->source = copy_string(source);
    j->error = copy_string(error);
    if (!j->source || (error && !j->error)) {
        job_free(j);
        return NULL;
    }
    return j;
}

void job_free(job *j)
{
    if (!j)
        return;
    free(j->source);
    free(j->data);
    free(j->error);
    vnx_free(j->record);
    free(j->message);
    vnx_result_free(j->result);
    free(j);
}

/* ---- processing one job (any thread) ----------------------------------- */

// Set the job's record to an error record, and its stderr line.
static void fail_job(job *j, const char *source, const char *why, unsigned json_flags)
{
    size_t n = strlen(source) + strlen(why) + 3;
    j->message = malloc(n);
    if (j->message)
        snprintf(j->message, n, "%s: %s", source, why);
    j->source_len = strlen(source);
    j->record = vnx_error_to_json(source, why, json_flags & VNX_JSON_PRETTY);
}

// The record of the job's document, or NULL with `err` set. `source` may be
// replaced by the id or url of a JSON line.
static vnx_result *document_record(const batch_config *cfg, job *j, char **source,
                                   vnx_error *err)
{
    if (j->format == FORMAT_HTML)
        return vnx_extract_html(cfg->x, j->data, j->len, cfg->encoding, err);
    size_t dlen;
    char *decoded = vnx_decode(j->data, j->len, cfg->encoding, &dlen, err);
    if (!decoded)
        return NULL;
    free(j->data); // the decoded copy stands for it: not two while extracting
    j->data = NULL;
    vnx_result *r = NULL;
    if (j->format == FORMAT_TEXT) {
        r = vnx_extract(cfg->x, decoded, dlen, err);
    } else {
        vnx_document doc;
        if (vnx_jsonl_document(decoded, dlen, &doc, err) == VNX_OK) {
            r = doc.is_html ? vnx_extract_html(cfg->x, doc.text, doc.len, "UTF-8", err)
                            : vnx_extract(cfg->x, doc.text, doc.len, err);
            *source = doc.source;
            doc.source = NULL;
        }
        vnx_document_clear(&doc);
    }
    vnx_free(decoded);
    return r;
}

// --text: the document's text, ending with one line break (the writer adds
// another: a blank line after each document).
static char *text_record(const vnx_result *r)
{
    size_t n;
    const char *text = vnx_result_text(r, &n);
    while (n > 0 && text[n - 1] == '\n')
        n--;
    char *s = malloc(n + 2);
    if (s) {
        memcpy(s, text, n);
        s[n] = '\n';
        s[n + 1] = '\0';
    }
    return s;
}

static void process_job(const batch_config *cfg, job *j)
{
    if (j->error) {
        fail_job(j, j->source, j->error, cfg->json_flags);
        return;
    }
    vnx_error err = {0};
    char *source = NULL;
    vnx_result *r = document_record(cfg, j, &source, &err);
    const char *name = source ? source : j->source;
    if (r && cfg->text_only)
        j->record = text_record(r);
    else if (r && vnx_result_set_source(r, name) == VNX_OK)
        j->record = vnx_result_to_json_fields(r, cfg->json_flags, cfg->fields);
    if (!j->record)
        fail_job(j, name, err.code != VNX_OK ? err.message : "out of memory", cfg->json_flags);
    if (cfg->review && j->record && !j->message) {
        // The page is written in input order, by whoever writes the record: keep what it shows.
        j->result = r;
        r = NULL;
    }
    vnx_result_free(r);
    free(source);
    // The bytes are no longer needed: free them before the job waits its turn.
    free(j->data);
    j->data = NULL;
}

/* ---- writing (one worker at a time, or the caller with one thread) ---- */

// `s` as a JSON string on `out`, with no allocation (for when memory ran out).
static void put_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < ' ')
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void batch_lost(batch *b, const char *source)
{
    fprintf(stderr, "vnextract: %s: out of memory\n", source);
    b->failed = 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void clear_progress(batch *b)
{
    if (b->progress_shown) {
        fputs("\r\033[K", stderr);
        b->progress_shown = 0;
    }
}

// At most twice a second, and only once the run has taken a second.
static void show_progress(batch *b)
{
    double t = now(), elapsed = t - b->started;
    if (!b->cfg.progress || elapsed < 1.0 || t - b->last_progress < 0.5)
        return;
    b->last_progress = t;
    double mbs = (double)b->bytes_done / 1e6 / elapsed;
    fprintf(stderr, "\r\033[Kvnextract: %zu", b->docs_done);
    if (b->cfg.total_docs)
        fprintf(stderr, " of %zu", b->cfg.total_docs);
    fprintf(stderr, " documents, %.1f MB/s", mbs);
    if (b->cfg.total_bytes > b->bytes_done && mbs > 0) {
        double left = (double)(b->cfg.total_bytes - b->bytes_done) / 1e6 / mbs;
        fprintf(stderr, ", %d:%02d left", (int)left / 60, (int)left % 60);
    }
    b->progress_shown = 1;
}

static size_t text_length(const vnx_result *r)
{
    size_t n;
    vnx_result_text(r, &n);
    return n;
}

// Add the job's article, or its failure, to the review page.
static int add_to_review(review *rv, job *j)
{
    if (j->result)
        return review_add(rv, vnx_result_source(j->result), vnx_result_text(j->result, NULL),
                          text_length(j->result), j->result);
    char *source = strndup(j->message, j->source_len);
    int rc = review_add_error(rv, source ? source : j->source, j->message + j->source_len + 2);
    free(source);
    return rc;
}

// Write one finished job; sets b->stop when stdout is gone.
static void write_job(batch *b, job *j)
{
    if (b->stop)
        return; // the output is gone: nothing more to say
    if (j->message || !j->record)
        b->failed = 1;
    if (j->message && b->cfg.errors != ERRORS_NONE) {
        clear_progress(b);
        fprintf(stderr, "vnextract: %s\n", j->message);
    } else if (!j->record && b->cfg.errors != ERRORS_NONE) {
        clear_progress(b); // not even the error record could be made
        fprintf(stderr, "vnextract: %s: out of memory\n", j->source);
    }
    if (!j->record && b->cfg.errors == ERRORS_RECORD && !b->cfg.text_only) {
        fputs("{\"source\":", stdout); // one line per input, whatever happens
        put_json_string(stdout, j->source);
        fputs(",\"error\":\"out of memory\"}\n", stdout);
    }
    int keep = j->record && (!j->message || b->cfg.errors == ERRORS_RECORD);
    if (keep && (fputs(j->record, stdout) == EOF || fputc('\n', stdout) == EOF ||
                 (b->cfg.line_buffered && fflush(stdout) == EOF))) {
        b->stop = 1;
        b->write_errno = errno;
    }
    // A page that failed is said once, when it is closed (review_close).
    if (b->cfg.review && !b->review_failed && (j->result || j->message) &&
        add_to_review(b->cfg.review, j) != 0)
        b->review_failed = 1;
    b->docs_done++;
    b->bytes_done += j->len;
    show_progress(b);
}

/* ---- threads ------------------------------------------------------------ */

// Whether the reader may submit another job: the ring has a free slot and,
// unless nothing is in flight, the bytes in flight are under the bound.
static int has_room(const batch *b)
{
    size_t in_flight = b->submitted - b->written;
    return in_flight < b->window && (in_flight == 0 || b->bytes_in_flight < MAX_BYTES_IN_FLIGHT);
}

// Write the finished jobs at the head of the ring, in order, until one is
// not finished. Called with the lock held, by one worker at a time; the
// lock is let go while a record is written.
static void write_finished(batch *b)
{
    b->writing = 1;
    while (b->written < b->submitted && b->ring[b->written % b->window]->done) {
        job *j = b->ring[b->written % b->window];
        pthread_mutex_unlock(&b->mu);
        write_job(b, j); // only the worker holding `writing` touches the output
        size_t len = j->len;
        job_free(j);
        pthread_mutex_lock(&b->mu);
        b->ring[b->written++ % b->window] = NULL;
        b->bytes_in_flight -= len;
        // Wake the reader once half the ring is free, not at every record.
        if (b->stop || b->submitted - b->written <= b->window / 2)
            pthread_cond_signal(&b->can_submit);
    }
    b->writing = 0;
}

static void *worker_main(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->taken == b->submitted && !b->closing)
            pthread_cond_wait(&b->can_take, &b->mu);
        if (b->taken == b->submitted)
            break;
        job *j = b->ring[b->taken++ % b->window];
        int large = j->len >= LARGE_DOCUMENT;
        while (large && b->large_running && !b->stop)
            pthread_cond_wait(&b->can_extract_large, &b->mu);
        b->large_running |= large;
        int stop = b->stop;
        pthread_mutex_unlock(&b->mu);
        if (!stop)
            process_job(&b->cfg, j);
        pthread_mutex_lock(&b->mu);
        if (large) {
            b->large_running = 0;
            pthread_cond_signal(&b->can_extract_large);
        }
        j->done = 1;
        // A worker already writing will come to this job; else this one writes.
        if (!b->writing)
            write_finished(b);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

// The workers block the signals that stop a run: the reading thread takes
// them, and its blocked read(2) returns EINTR.
static int start_threads(batch *b)
{
    b->workers = calloc((size_t)b->cfg.threads, sizeof *b->workers);
    if (!b->workers)
        return -1;
    sigset_t stops, old;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stops, &old);
    for (; b->nworkers < b->cfg.threads; b->nworkers++)
        if (pthread_create(&b->workers[b->nworkers], NULL, worker_main, b) != 0)
            break;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return b->nworkers > 0 ? 0 : -1;
}

batch *batch_new(const batch_config *cfg)
{
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->cfg = *cfg;
    if (b->cfg.threads < 1)
        b->cfg.threads = 1;
    b->started = now();
    if (b->cfg.threads == 1)
        return b;
    b->window = (size_t)b->cfg.threads * WINDOW_PER_THREAD;
    b->ring = calloc(b->window, sizeof *b->ring);
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->can_submit, NULL);
    pthread_cond_init(&b->can_take, NULL);
    pthread_cond_init(&b->can_extract_large, NULL);
    if (!b->ring || start_threads(b) != 0) {
        // Fall back to one thread: correct, only slower.
        b->closing = 1;
        pthread_cond_broadcast(&b->can_take);
        for (int i = 0; i < b->nworkers; i++)
            pthread_join(b->workers[i], NULL);
        b->cfg.threads = 1;
        b->closing = 0;
    }
    return b;
}

int batch_submit(batch *b, job *j)
{
    if (b->cfg.threads == 1) {
        if (!b->stop) {
            process_job(&b->cfg, j);
            write_job(b, j);
        }
        job_free(j);
        return b->stop ? -1 : 0;
    }
    pthread_mutex_lock(&b->mu);
    while (!has_room(b) && !b->stop)
        pthread_cond_wait(&b->can_submit, &b->mu);
    int stop = b->stop;
    if (!stop) {
        b->ring[b->submitted++ % b->window] = j;
        b->bytes_in_flight += j->len;
        pthread_cond_signal(&b->can_take);
    }
    pthread_mutex_unlock(&b->mu);
    if (stop)
        job_free(j);
    return stop ? -1 : 0;
}

int batch_closed(const batch *b)
{
    return b->stop && b->write_errno == EPIPE;
}

int batch_finish(batch *b)
{
    if (b->cfg.threads > 1) {
        pthread_mutex_lock(&b->mu);
        b->closing = 1;
        pthread_cond_broadcast(&b->can_take);
        pthread_mutex_unlock(&b->mu);
        for (int i = 0; i < b->nworkers; i++)
            pthread_join(b->workers[i], NULL);
    }
    if (b->workers || b->ring) {
        pthread_mutex_destroy(&b->mu);
        pthread_cond_destroy(&b->can_submit);
        pthread_cond_destroy(&b->can_take);
        pthread_cond_destroy(&b->can_extract_large);
    }
    clear_progress(b);
    if (!b->stop && fflush(stdout) != 0) {
        b->stop = 1;
        b->write_errno = errno;
    }
    // A closed stdout (EPIPE) is the reader's choice: not an error.
    int status = b->review_failed ? EXIT_WRITE_ERROR : b->failed ? EXIT_FAILED : EXIT_OK;
    if (b->stop && b->write_errno != EPIPE) {
        fprintf(stderr, "vnextract: write error: %s\n", strerror(b->write_errno));
        status = EXIT_WRITE_ERROR;
    }
    free(b->workers);
    free(b->ring);
    free(b);
    return status;
}
