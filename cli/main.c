/**
 * main.c: the vnextract command, a thin client of libvnextract.
 *
 *   vnextract [OPTION]... [FILE|DIR|-]...
 *
 * Reads each file (directories recursively, in sorted order; "-" or no
 * argument: standard input) as text, HTML or a JSON Lines stream, and writes
 * one JSON record per document to standard output, in input order, with N
 * worker threads. The options and the exit statuses are the tables of
 * options.c; the options are read with getopt_long.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "review.h"

enum { DEFAULT_MAX_BYTES = 32 << 20, MAX_THREADS = 256 };

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "vnextract: %s '%s'\nTry 'vnextract --help' for more information.\n", what,
            arg);
    return EXIT_USAGE;
}

/* What the command line asks for. */
typedef struct command {
    vnx_options opts;
    unsigned json_flags;
    input_config input;
    const char *encoding;
    int threads; /* 0: the number of cores */
    int no_progress;
    int line_buffered;
    error_mode errors;
    unsigned fields;       // VNX_FIELD_* bits
    const char *html_path; // --html FILE, or NULL
    int with_text;         // --with-text: "text" in every record
    int text_only;         // --text: the texts, not the records
    int show_help, show_version;
    const char **inputs; // argv's inputs, in order
    int ninputs;
} command;

// "32M" -> 33554432; 0 when it is not a size.
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return 0;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end || v > ((unsigned long long)SIZE_MAX >> shift))
        return 0;
    return (size_t)(v << shift);
}

static int parse_format(const char *s, input_format *f)
{
    static const char *const names[] = {"auto", "text", "html", "jsonl"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *f = (input_format)i;
            return 0;
        }
    return -1;
}

// --spans UNIT as the extractor's option bits (bytes: none).
static int parse_span_unit(const char *s, unsigned *flags)
{
    *flags &= ~(VNX_OPT_SPANS_CODEPOINTS | VNX_OPT_SPANS_UTF16);
    if (strcmp(s, "codepoints") == 0)
        *flags |= VNX_OPT_SPANS_CODEPOINTS;
    else if (strcmp(s, "utf16") == 0)
        *flags |= VNX_OPT_SPANS_UTF16;
    else if (strcmp(s, "bytes") != 0)
        return -1;
    return 0;
}

static int parse_error_mode(const char *s, error_mode *mode)
{
    static const char *const names[] = {"record", "stderr", "none"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0) {
            *mode = (error_mode)i;
            return 0;
        }
    return -1;
}

// Read a --fields LIST ("dates,officials") into `mask`; 0, or 2 for a usage
// error (reported with the valid names).
static int parse_fields(const char *list, unsigned *mask)
{
    *mask = 0;
    for (const char *p = list;; p++) {
        size_t n = strcspn(p, ",");
        unsigned bit = vnx_field_from_name(p, n);
        if (!bit) {
            fprintf(stderr, "vnextract: unknown field '%.*s' in --fields; valid fields:", (int)n,
                    p);
            for (unsigned b = 1; b & VNX_FIELD_ALL; b <<= 1)
                fprintf(stderr, "%s%s", b == 1 ? " " : ",", vnx_field_name(b));
            fputs("\nTry 'vnextract --help' for more information.\n", stderr);
            return EXIT_USAGE;
        }
        *mask |= bit;
        p += n;
        if (*p == '\0')
            return 0;
    }
}

// Apply the option `id` (a cli_options[] row) with its `value` (NULL for a
// flag); 0, or 2 for a bad value (reported).
static int apply_option(command *cmd, int id, const char *value)
{
    switch (id) {
    case OPT_PATTERNS:
        cmd->opts.patterns_dir = value;
        break;
    case OPT_FIELDS:
        return parse_fields(value, &cmd->fields);
    case OPT_HTML:
        if (strcmp(value, "-") == 0) // stdout holds the records
            return usage_error("--html takes a file name (standard output holds the records), not",
                               value);
        cmd->html_path = value;
        break;
    case OPT_ENCODING:
        cmd->encoding = cmd->input.encoding = value;
        break;
    case OPT_FROM:
        if (parse_format(value, &cmd->input.format))
            return usage_error("--from takes auto, text, html or jsonl, not", value);
        break;
    case OPT_MAX_BYTES:
        if (!(cmd->input.max_bytes = parse_size(value)))
            return usage_error("--max-bytes takes a size such as 64M, not", value);
        break;
    case 'j': {
        char *end;
        long n = strtol(value, &end, 10);
        if (*end || end == value || n < 1 || n > MAX_THREADS)
            return usage_error("-j takes a number of threads from 1 to 256, not", value);
        cmd->threads = (int)n;
        break;
    }
    case 'h':
        cmd->show_help = 1;
        break;
    case OPT_VERSION:
        cmd->show_version = 1;
        break;
    case OPT_PRETTY:
        cmd->json_flags |= VNX_JSON_PRETTY;
        break;
    case OPT_NO_SPANS:
        cmd->json_flags |= VNX_JSON_NO_SPANS;
        break;
    case OPT_NO_PROGRESS:
        cmd->no_progress = 1;
        break;
    case OPT_SPANS:
        if (parse_span_unit(value, &cmd->opts.flags))
            return usage_error("--spans takes bytes, codepoints or utf16, not", value);
        break;
    case OPT_LINE_BUFFERED:
        cmd->line_buffered = 1;
        break;
    case OPT_ERRORS:
        if (parse_error_mode(value, &cmd->errors))
            return usage_error("--errors takes record, stderr or none, not", value);
        break;
    case OPT_NO_ANCHORS:
        cmd->opts.flags |= VNX_OPT_NO_ANCHORS;
        break;
    case OPT_WITH_TEXT:
        cmd->with_text = 1;
        break;
    case OPT_TEXT:
        cmd->text_only = 1;
        break;
    case OPT_GLOB:
        cmd->input.globs[cmd->input.nglobs++] = value;
        break;
    case OPT_EXCLUDE:
        cmd->input.excludes[cmd->input.nexcludes++] = value;
        break;
    default: // a row of cli_options[] without its case here
        fprintf(stderr, "vnextract: option %d is not handled\n", id);
        return EXIT_USAGE;
    }
    return 0;
}

// The argument getopt_long last read, for a message: "-x" for an unknown
// short option, else the whole argument ("--no-such", "--pretty=1").
static const char *offending(char **argv, char *buf, size_t size)
{
    if (optopt && optopt < 256 && strncmp(argv[optind - 1], "--", 2) != 0) {
        snprintf(buf, size, "-%c", optopt);
        return buf;
    }
    return argv[optind - 1];
}

// Why getopt_long refused the argument `arg`: a long option that is unknown,
// an abbreviation of several, or a flag given a value.
static const char *why_refused(const char *arg)
{
    if (strncmp(arg, "--", 2) != 0)
        return "unknown option";
    const char *name = arg + 2;
    size_t n = strcspn(name, "="), matches = 0;
    const cli_option *match = NULL;
    for (size_t i = 0; i < cli_option_count; i++)
        if (strncmp(cli_options[i].name, name, n) == 0) {
            match = &cli_options[i];
            if (match->name[n] == '\0') { // an exact name wins over abbreviations
                matches = 1;
                break;
            }
            matches++;
        }
    if (matches > 1)
        return "ambiguous option (it begins several):";
    if (matches == 1 && name[n] == '=' && !match->arg)
        return "this option takes no value:";
    return "unknown option";
}

// Read the arguments into `cmd` with getopt_long over cli_options[]; 0, or
// 2 for a usage error (reported). Options may stand anywhere before "--";
// the other arguments are inputs, in order. A value follows its option
// ("--from html", "--from=html", "-j4", "-j 4").
static int parse_args(int argc, char **argv, command *cmd)
{
    struct option longopts[CLI_MAX_OPTIONS + 1];
    char shortopts[2 * CLI_MAX_OPTIONS + 3], buf[8];
    cli_getopt_tables(longopts, shortopts);
    opterr = 0; // the messages are ours
    int c, rc = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == 1)
            cmd->inputs[cmd->ninputs++] = optarg;
        else if (c == ':')
            rc = usage_error("a value must follow", offending(argv, buf, sizeof buf));
        else if (c == '?')
            rc = usage_error(why_refused(argv[optind - 1]), offending(argv, buf, sizeof buf));
        else
            rc = apply_option(cmd, c, optarg);
    }
    while (rc == 0 && optind < argc) // after "--"
        cmd->inputs[cmd->ninputs++] = argv[optind++];
    return rc;
}

static int number_of_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

/* ---- signals ------------------------------------------------------------ */

// SIGINT, SIGTERM or SIGHUP, once one came: no more input is read, the
// records in progress are written, and the run ends with 128 + its number.
static volatile sig_atomic_t stop_signal;
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_stop_signal(int sig)
{
    stop_signal = sig;
    // A second one ends the run at once.
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        sigaction(stop_signals[i], &dfl, NULL);
}

// Catch the signals that stop a run (not those ignored, as by nohup); no
// SA_RESTART: a read blocked on a pipe returns, and sees the stop.
static void catch_stop_signals(void)
{
    struct sigaction sa = {.sa_handler = on_stop_signal}, old;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(stop_signals[i], &sa, NULL);
}

static const char *signal_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
}

/* ---- the run ------------------------------------------------------------ */

// Whether two stats are one file.
static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

// The --html page must not be an input (by device and inode: another name,
// a hard link, standard input), nor the file stdout writes the records to:
// 0, or 2 (said) when it is.
static int check_page_is_no_input(const char *page, const input_list *list)
{
    struct stat ps, is;
    if (stat(page, &ps) != 0 || !S_ISREG(ps.st_mode)) // new, or a device: no input lost
        return 0;
    if (fstat(STDOUT_FILENO, &is) == 0 && same_file(&ps, &is)) {
        fprintf(stderr,
                "vnextract: %s: the --html page would be standard output, which holds the "
                "records: refused\nTry 'vnextract --help' for more information.\n",
                page);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < list->n; i++) {
        const input_entry *e = &list->items[i];
        int got = strcmp(e->path, "-") == 0 ? fstat(STDIN_FILENO, &is) : stat(e->path, &is);
        if (!e->error && got == 0 && same_file(&ps, &is)) {
            fprintf(stderr,
                    "vnextract: %s: the --html page would overwrite the input %s: refused\n"
                    "Try 'vnextract --help' for more information.\n",
                    page, e->path);
            return EXIT_USAGE;
        }
    }
    return 0;
}

// Extract the listed inputs as a batch (into the review page `rv`, if not
// NULL); the exit status.
static int extract_all(const command *cmd, const input_config *input, const input_list *list,
                       const vnx_extractor *x, review *rv)
{
    batch_config cfg = {.x = x, .json_flags = cmd->json_flags,
                        .fields = cmd->fields | (cmd->with_text ? VNX_FIELD_TEXT : 0),
                        .text_only = cmd->text_only,
                        .review = rv, .encoding = cmd->encoding,
                        .threads = cmd->threads ? cmd->threads : number_of_cores(),
                        .progress = !cmd->no_progress && isatty(STDERR_FILENO),
                        .line_buffered = cmd->line_buffered, .errors = cmd->errors};
    inputs_measure(list, &cfg.total_docs, &cfg.total_bytes);
    batch *b = batch_new(&cfg);
    if (!b) {
        fprintf(stderr, "vnextract: out of memory\n");
        return EXIT_FAILED;
    }
    // The reader stops when stdout is closed: that is no failure.
    int read_failed = inputs_run(input, list, b) != 0 && !batch_closed(b);
    int status = batch_finish(b);
    return status ? status : read_failed;
}

// Extract every input as a batch, with the review page if asked; the exit
// status.
static int run_batch(const command *cmd, const vnx_extractor *x, const char *versions)
{
    input_list list;
    size_t skipped = 0;
    input_config input = cmd->input;
    input.skipped = &skipped;
    input.stop = &stop_signal;
    if (inputs_collect(&input, cmd->inputs, cmd->ninputs, &list) != 0) {
        inputs_free(&list);
        fprintf(stderr, "vnextract: out of memory\n");
        return EXIT_FAILED;
    }
    int status = cmd->html_path ? check_page_is_no_input(cmd->html_path, &list) : 0;
    review *rv = NULL;
    if (status == 0 && cmd->html_path && !(rv = review_open(cmd->html_path, versions))) {
        fprintf(stderr, "vnextract: %s: %s\n", cmd->html_path, strerror(errno));
        status = EXIT_WRITE_ERROR;
    }
    if (status == 0)
        status = extract_all(cmd, &input, &list, x, rv);
    if (rv && review_close(rv) != 0) { // the page's first failure, said once
        fprintf(stderr, "vnextract: %s: %s\n", cmd->html_path,
                strerror(errno));
        status = EXIT_WRITE_ERROR;
    }
    inputs_free(&list);
    if (skipped)
        fprintf(stderr, "vnextract: %zu binary file%s skipped (PDF, images, archives...)\n",
                skipped, skipped == 1 ? "" : "s");
    return status;
}

// The extractors that --fields needs none of, as VNX_OPT_NO_* bits. The
// event extractor (title, event, author) reads the directives and dates
// found, directives read the dates; tallies and attendance are one switch.
// Warnings speak of every extractor, and the --html page shows every
// span: with either, all run.
static unsigned skipped_for_fields(unsigned fields, int html)
{
    if (html || (fields & VNX_FIELD_WARNINGS))
        return 0;
    int event = (fields & (VNX_FIELD_TITLE | VNX_FIELD_EVENT | VNX_FIELD_AUTHOR)) != 0;
    int directives = event || (fields & VNX_FIELD_DIRECTIVES);
    unsigned skip = 0;
    if (!event)
        skip |= VNX_OPT_NO_EVENT;
    if (!directives)
        skip |= VNX_OPT_NO_DIRECTIVES;
    if (!directives && !(fields & VNX_FIELD_DATES))
        skip |= VNX_OPT_NO_DATES;
    if (!(fields & VNX_FIELD_OFFICIALS))
        skip |= VNX_OPT_NO_OFFICIALS;
    if (!(fields & (VNX_FIELD_TALLIES | VNX_FIELD_ATTENDANCE)))
        skip |= VNX_OPT_NO_TALLIES;
    return skip;
}

// Process every input; the exit status.
static int run_command(const command *cmd)
{
    vnx_error err;
    if (cmd->encoding && strcmp(cmd->encoding, "auto") != 0) {
        size_t n;
        char *probe = vnx_decode("", 0, cmd->encoding, &n, &err);
        if (!probe)
            return usage_error("unknown encoding", cmd->encoding);
        vnx_free(probe);
    }
    vnx_options opts = cmd->opts;
    if (cmd->text_only) // the text is all that is wanted: no extractor runs
        opts.flags |= VNX_OPT_NO_DATES | VNX_OPT_NO_DIRECTIVES | VNX_OPT_NO_OFFICIALS |
                      VNX_OPT_NO_TALLIES | VNX_OPT_NO_EVENT;
    opts.flags |= skipped_for_fields(cmd->fields, cmd->html_path != NULL);
    vnx_extractor *x = vnx_extractor_new(&opts, &err);
    if (!x) {
        fprintf(stderr, "vnextract: %s\n", err.message);
        return err.code == VNX_ERR_PATTERN || err.code == VNX_ERR_IO ? EXIT_USAGE : EXIT_FAILED;
    }
    char versions[160];
    snprintf(versions, sizeof versions, "vnextract %s (patterns %s)", vnx_version(),
             vnx_patterns_version(x));
    int status = 0;
    if (cmd->show_version)
        puts(versions);
    else
        status = run_batch(cmd, x, versions);
    vnx_extractor_free(x);
    if (stop_signal) {
        fprintf(stderr, "vnextract: stopped by %s: the records begun are written, the inputs "
                        "after them are not read\n", signal_name(stop_signal));
        status = 128 + stop_signal;
    }
    return status;
}

int main(int argc, char **argv)
{
    // A closed stdout is an EPIPE write error, which ends the run quietly.
    signal(SIGPIPE, SIG_IGN);
    catch_stop_signals();
#ifdef __GLIBC__
    // A large document's buffers go back to the system when freed. glibc
    // raises its mmap threshold to the size of each large block freed, so
    // that the next ones come from the heap, where what is freed stays
    // resident: a 6 MB page then peaked at 56 MB, not 46.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    command cmd = {0};
    vnx_options_init(&cmd.opts);
    cmd.input.max_bytes = DEFAULT_MAX_BYTES;
    cmd.fields = VNX_FIELD_ALL;
    cmd.inputs = calloc((size_t)argc + 1, sizeof *cmd.inputs);
    cmd.input.globs = calloc((size_t)argc + 1, sizeof *cmd.input.globs);
    cmd.input.excludes = calloc((size_t)argc + 1, sizeof *cmd.input.excludes);
    if (!cmd.inputs || !cmd.input.globs || !cmd.input.excludes) {
        free(cmd.inputs);
        free(cmd.input.globs);
        free(cmd.input.excludes);
        fprintf(stderr, "vnextract: out of memory\n");
        return EXIT_FAILED;
    }
    int status = parse_args(argc, argv, &cmd);
    if (status == 0 && cmd.show_help)
        cli_print_help(stdout);
    else if (status == 0)
        status = run_command(&cmd);
    free(cmd.inputs);
    free(cmd.input.globs);
    free(cmd.input.excludes);
    return status;
}
