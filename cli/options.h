/**
 * options.h: the one table of the command's options. `--help` is printed
 * from it, getopt_long's tables are built from it, and the OPTIONS section
 * of vnextract(1) is generated from it at build time (cli/mangen.c), so the
 * three cannot disagree. To add an option: a value in `option_id` (or a
 * short letter), a row in cli_options[] (options.c), and its case in
 * main.c's apply_option().
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_CLI_OPTIONS_H
#define VNX_CLI_OPTIONS_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

/* What getopt_long returns for an option with no short letter. */
typedef enum option_id {
    OPT_FROM = 256,
    OPT_ENCODING,
    OPT_MAX_BYTES,
    OPT_PATTERNS,
    OPT_NO_ANCHORS,
    OPT_NO_PROGRESS,
    OPT_PRETTY,
    OPT_NO_SPANS,
    OPT_FIELDS,
    OPT_HTML,
    OPT_VERSION,
    OPT_LINE_BUFFERED,
    OPT_ERRORS,
    OPT_SPANS,
    OPT_WITH_TEXT,
    OPT_TEXT,
    OPT_GLOB,
    OPT_EXCLUDE,
} option_id;

/* The headings options are listed under, in this order. */
typedef enum option_group {
    GROUP_INPUT,
    GROUP_BATCH,
    GROUP_OUTPUT,
    GROUP_INFO,
    GROUP_COUNT
} option_group;

typedef struct cli_option {
    const char *name; /* the long name, without "--" */
    int id;           /* a short letter ('j': also "-j"), or an option_id */
    const char *arg;  /* the value's name ("N"), or NULL for a flag */
    option_group group;
    const char *help; /* one paragraph, for --help and man(1) */
    const char *more; /* more sentences for man(1) only, or NULL */
} cli_option;

extern const cli_option cli_options[];
extern const size_t cli_option_count;
extern const char *const cli_group_names[GROUP_COUNT];

/* The text before and after the options in --help. */
extern const char cli_usage_head[];
extern const char cli_usage_tail[];

/* The exit statuses of the command. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, EXIT_WRITE_ERROR = 4 };

/* What each means, for --help and the EXIT STATUS section of man(1). */
typedef struct cli_exit_status {
    int code;
    const char *meaning; /* one paragraph */
} cli_exit_status;

extern const cli_exit_status cli_exit_statuses[];
extern const size_t cli_exit_status_count;

/* The most rows cli_options[] may have (checked at compile time). */
enum { CLI_MAX_OPTIONS = 64 };

/* getopt_long's tables for cli_options[]: `longopts` has room for
 * CLI_MAX_OPTIONS + 1 entries, `shortopts` for 2 * CLI_MAX_OPTIONS + 3
 * characters. Non-options are returned in order as 1; a missing value as ':'. */
void cli_getopt_tables(struct option *longopts, char *shortopts);

/* The row of `id`, or NULL. */
const cli_option *cli_option_by_id(int id);

/* Write --help to `out`. */
void cli_print_help(FILE *out);

/* Write the options as man(7) (roff) paragraphs, one .SS per group. */
void cli_print_man_options(FILE *out);

/* Write the exit statuses as man(7) (roff) paragraphs. */
void cli_print_man_exit_statuses(FILE *out);

#endif
