/**
 * cli.h: the parts of the vnextract command.
 *
 *   main.c    the command line, and the run
 *   options.c the table of options (getopt_long's, --help's and man(1)'s)
 *   inputs.c  files, directories and streams, read into jobs in input order
 *   batch.c   jobs extracted by worker threads, records written in input order
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_CLI_H
#define VNX_CLI_H

#include <signal.h>
#include <stddef.h>

#include "options.h"
#include "review.h"
#include "vnextract.h"

/* How an input is read. */
typedef enum input_format { FORMAT_AUTO, FORMAT_TEXT, FORMAT_HTML, FORMAT_JSONL } input_format;

/* One document to extract, or an input that failed to be read (`error`). */
typedef struct job {
    char *source;        /* the record's source: a path, or PATH:LINE */
    char *data;          /* the bytes read */
    size_t len;
    input_format format; /* TEXT, HTML, or JSONL for one line of a stream */
    char *error;         /* why the input could not be read, or NULL */
    /* set by the worker */
    char *record;        /* the JSON line to write */
    char *message;       /* a line for stderr, "SOURCE: reason", or NULL */
    size_t source_len;   /* the length of SOURCE in `message` */
    vnx_result *result;  /* for the review page: the record */
    int done;
} job;

/* Where a failed input is told (--errors): an error record on stdout and a
 * line on stderr, the line alone, or neither (the exit status alone). */
typedef enum error_mode { ERRORS_RECORD, ERRORS_STDERR, ERRORS_NONE } error_mode;

/* What every job is processed with; read-only while the batch runs. */
typedef struct batch_config {
    const vnx_extractor *x;
    unsigned json_flags;
    unsigned fields;      /* VNX_FIELD_* bits to emit */
    review *review;       /* the --html page (written in input order), or NULL */
    const char *encoding; /* NULL: UTF-8, or UTF-16/32 by BOM */
    int threads;          /* 1: everything on the calling thread */
    int progress;         /* a progress line on stderr */
    int line_buffered;    /* stdout flushed after each record */
    error_mode errors;
    int text_only;        /* --text: each document's text instead of its record */
    size_t total_bytes;   /* for the progress line; 0 when unknown */
    size_t total_docs;    /* 0 when unknown */
} batch_config;

typedef struct batch batch;

/* A job with a copy of `source` and, if not NULL, of `error`; NULL when
 * out of memory. `data` is set by the caller (owned by the job). */
job *job_new(const char *source, input_format format, const char *error);
void job_free(job *j);

batch *batch_new(const batch_config *cfg);
/* Hand `j` to the batch (which owns it from then on). Waits while the window
 * of jobs in flight is full. Returns 0, or -1 when the run is over (stdout
 * closed, or out of memory); the job is freed either way. */
int batch_submit(batch *b, job *j);
/* An input that gives no job for want of memory: said on stderr (no
 * allocation needed), and the run's status is 1. */
void batch_lost(batch *b, const char *source);
/* Whether stdout was closed by its reader (the run ends quietly). */
int batch_closed(const batch *b);
/* Wait for every job to be written, and free the batch. Returns 0 when every
 * input was read and extracted (or stdout was closed early: a quiet end), 1
 * when some failed, 4 on a write error (reported on stderr). */
int batch_finish(batch *b);

/* The inputs named on the command line, directories walked (in sorted
 * order), each with the reason it cannot be read, if it cannot. */
typedef struct input_entry {
    char *path;  /* "-" for standard input */
    char *error; /* or NULL */
    size_t size; /* bytes, when a regular file (for the progress line) */
    int walked;  /* found in a directory (not named on the command line) */
} input_entry;

typedef struct input_list {
    input_entry *items;
    size_t n, cap;
} input_list;

typedef struct input_config {
    input_format format;
    size_t max_bytes; /* the largest document read */
    const char *encoding; /* --encoding, or NULL */
    const char **globs;    /* --glob patterns: a directory's files to read (none: all) */
    size_t nglobs;
    const char **excludes; /* --exclude patterns: a directory's files and directories left out */
    size_t nexcludes;
    size_t *skipped;       /* counts the binary files of directories skipped */
    const volatile sig_atomic_t *stop; /* set by a signal: read no more input (or NULL) */
} input_config;

/* List the inputs of `args` (no argument: standard input). 0, or -1 when
 * out of memory. */
int inputs_collect(const input_config *cfg, const char *const *args, int nargs,
                   input_list *list);
void inputs_free(input_list *list);
/* The documents and bytes the inputs hold, for the progress line (a JSON
 * Lines stream counts as its bytes, not its documents; stdin as nothing). */
void inputs_measure(const input_list *list, size_t *docs, size_t *bytes);
/* Read every input into jobs, in order, and submit them, until cfg->stop is
 * set (the input being read then is dropped, not told). Returns 0, or -1
 * when the batch refused a job (the run is over) or memory ran out. */
int inputs_run(const input_config *cfg, const input_list *list, batch *b);

#endif
