/**
 * main.c: the vnextract command, a thin client of libvnextract.
 *
 *   vnextract [OPTION]... [FILE|DIR|-]...
 *
 * Reads each file (directories recursively, in sorted order; "-" or no
 * argument: standard input) as text, HTML or a JSON Lines stream, and writes
 * one JSON record per document to standard output, in input order, with N
 * worker threads. Exit status: 0 when every input was read, 1 when some
 * input failed (an error record in the output and a line on standard
 * error for each, every other input still processed), 2 for a usage error.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "review.h"

enum { DEFAULT_MAX_BYTES = 32 << 20, MAX_THREADS = 256 };

static const char usage_text[] =
    "Usage: vnextract [OPTION]... [FILE|DIR|-]...\n"
    "Extract dates, directives and the other facts of Vietnamese bulletin posts\n"
    "as one JSON record per document (JSON Lines).\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A DIR is read\n"
    "recursively: its *.txt, *.html, *.htm, *.jsonl and *.ndjson files, in\n"
    "sorted order. A JSON Lines stream holds one object per line with \"text\"\n"
    "or \"html\", and \"id\" or \"url\" (the record's source; else FILE:LINE).\n"
    "\n"
    "Input:\n"
    "  --from FORMAT     auto (default: by extension, then by the first bytes),\n"
    "                    text, html or jsonl\n"
    "  --encoding NAME   the input's encoding (default: UTF-8, or UTF-16/32 by\n"
    "                    its byte order mark), any ICU name: windows-1258, VISCII\n"
    "  --max-bytes N     skip, with an error record, documents over N bytes\n"
    "                    (suffixes K, M, G; default 32M)\n"
    "  --patterns DIR    use the pattern set in DIR instead of the built-in one\n"
    "  --no-anchors      run every pattern over the whole text, ignoring the\n"
    "                    patterns' @anchor lines (slower; the output is the\n"
    "                    same when the anchors are right)\n"
    "Batch:\n"
    "  -j, --jobs N      N worker threads (default: the number of cores); the\n"
    "                    output is in input order whatever N is\n"
    "  --no-progress     no progress line on standard error (shown only when it\n"
    "                    is a terminal and the run takes more than a second)\n"
    "Output:\n"
    "  --pretty          indent each record over several lines\n"
    "  --no-spans        leave out the \"span\" members\n"
    "  --fields LIST     emit only these fields (and \"source\"), comma-separated:\n"
    "                    title,event,dates,directives,officials,tallies,\n"
    "                    attendance,author,warnings\n"
    "  --html FILE       also write FILE, an HTML page showing each document with\n"
    "                    every extracted span highlighted by kind\n"
    "  --help            show this help and exit\n"
    "  --version         show the library and pattern set versions and exit\n"
    "\n"
    "An input that cannot be read or extracted gives {\"source\": ..., \"error\":\n"
    "...} in the output and a line on standard error; the run goes on.\n"
    "Exit status: 0 if every input was read, 1 if some input failed, 2 for a\n"
    "usage error.\n";

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "vnextract: %s '%s'\nTry 'vnextract --help' for more information.\n", what,
            arg);
    return 2;
}

/* What the command line asks for. */
typedef struct command {
    vnx_options opts;
    unsigned json_flags;
    input_config input;
    const char *encoding;
    int threads; /* 0: the number of cores */
    int no_progress;
    unsigned fields;       // VNX_FIELD_* bits
    const char *html_path; // --html FILE, or NULL
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
            return 2;
        }
        *mask |= bit;
        p += n;
        if (*p == '\0')
            return 0;
    }
}

// Apply option `name` with its `value`; 0, or 2 for a bad value (reported).
static int set_option(command *cmd, const char *name, const char *value)
{
    if (strcmp(name, "--patterns") == 0) {
        cmd->opts.patterns_dir = value;
    } else if (strcmp(name, "--fields") == 0) {
        return parse_fields(value, &cmd->fields);
    } else if (strcmp(name, "--html") == 0) {
        cmd->html_path = value;
    } else if (strcmp(name, "--encoding") == 0) {
        cmd->encoding = cmd->input.encoding = value;
    } else if (strcmp(name, "--from") == 0) {
        if (parse_format(value, &cmd->input.format))
            return usage_error("--from takes auto, text, html or jsonl, not", value);
    } else if (strcmp(name, "--max-bytes") == 0) {
        if (!(cmd->input.max_bytes = parse_size(value)))
            return usage_error("--max-bytes takes a size such as 64M, not", value);
    } else { // -j, --jobs
        char *end;
        long n = strtol(value, &end, 10);
        if (*end || end == value || n < 1 || n > MAX_THREADS)
            return usage_error("-j takes a number of threads from 1 to 256, not", value);
        cmd->threads = (int)n;
    }
    return 0;
}

static int takes_value(const char *name)
{
    static const char *const names[] = {"--patterns", "--encoding", "--from", "--max-bytes",
                                        "--jobs", "-j", "--fields", "--html"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

// A flag option; 0, or 2 when unknown (reported).
static int set_flag(command *cmd, const char *a)
{
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
        cmd->show_help = 1;
    else if (strcmp(a, "--version") == 0)
        cmd->show_version = 1;
    else if (strcmp(a, "--pretty") == 0)
        cmd->json_flags |= VNX_JSON_PRETTY;
    else if (strcmp(a, "--no-spans") == 0)
        cmd->json_flags |= VNX_JSON_NO_SPANS;
    else if (strcmp(a, "--no-progress") == 0)
        cmd->no_progress = 1;
    else if (strcmp(a, "--no-anchors") == 0)
        cmd->opts.flags |= VNX_OPT_NO_ANCHORS;
    else
        return usage_error("unknown option", a);
    return 0;
}

// Read the arguments into `cmd`; 0, or 2 for a usage error (reported).
// Options may stand anywhere before "--"; the other arguments are inputs.
// A value follows its option ("--from html", "--from=html", "-j4", "-j 4").
static int parse_args(int argc, char **argv, command *cmd)
{
    int options_done = 0, rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        char *a = argv[i];
        char *eq = strchr(a, '=');
        if (options_done || a[0] != '-' || a[1] == '\0') {
            cmd->inputs[cmd->ninputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9') {
            rc = set_option(cmd, "-j", a + 2);
        } else if (eq && a[1] == '-') {
            *eq = '\0';
            rc = takes_value(a) ? set_option(cmd, a, eq + 1) : usage_error("unknown option", a);
            *eq = '=';
        } else if (takes_value(a)) {
            if (++i >= argc)
                return usage_error("a value must follow", a);
            rc = set_option(cmd, a, argv[i]);
        } else {
            rc = set_flag(cmd, a);
        }
    }
    return rc;
}

static int number_of_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

// Extract every input as a batch; the exit status.
static int run_batch(const command *cmd, const vnx_extractor *x, review *rv)
{
    input_list list;
    if (inputs_collect(cmd->inputs, cmd->ninputs, &list) != 0) {
        inputs_free(&list);
        fprintf(stderr, "vnextract: out of memory\n");
        return 1;
    }
    batch_config cfg = {.x = x, .json_flags = cmd->json_flags, .fields = cmd->fields,
                        .review = rv, .encoding = cmd->encoding,
                        .threads = cmd->threads ? cmd->threads : number_of_cores(),
                        .progress = !cmd->no_progress && isatty(STDERR_FILENO)};
    inputs_measure(&list, &cfg.total_docs, &cfg.total_bytes);
    batch *b = batch_new(&cfg);
    if (!b) {
        inputs_free(&list);
        fprintf(stderr, "vnextract: out of memory\n");
        return 1;
    }
    // The reader stops when stdout is closed: that is no failure.
    int read_failed = inputs_run(&cmd->input, &list, b) != 0 && !batch_closed(b);
    int status = batch_finish(b);
    inputs_free(&list);
    return status ? status : read_failed;
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
    vnx_extractor *x = vnx_extractor_new(&cmd->opts, &err);
    if (!x) {
        fprintf(stderr, "vnextract: %s\n", err.message);
        return err.code == VNX_ERR_PATTERN || err.code == VNX_ERR_IO ? 2 : 1;
    }
    char versions[160];
    snprintf(versions, sizeof versions, "vnextract %s (patterns %s)", vnx_version(),
             vnx_patterns_version(x));
    int status = 0;
    review *rv = NULL;
    if (cmd->show_version) {
        puts(versions);
    } else if (cmd->html_path && !(rv = review_open(cmd->html_path, versions))) {
        fprintf(stderr, "vnextract: %s: %s\n", cmd->html_path, strerror(errno));
        status = 1;
    } else {
        status = run_batch(cmd, x, rv);
        if (rv && review_close(rv) != 0) {
            fprintf(stderr, "vnextract: %s: %s\n", cmd->html_path, strerror(errno));
            status = status ? status : 1;
        }
    }
    vnx_extractor_free(x);
    return status;
}

int main(int argc, char **argv)
{
    // A closed stdout is an EPIPE write error, which ends the run quietly.
    signal(SIGPIPE, SIG_IGN);
    command cmd = {0};
    vnx_options_init(&cmd.opts);
    cmd.input.max_bytes = DEFAULT_MAX_BYTES;
    cmd.fields = VNX_FIELD_ALL;
    cmd.inputs = calloc((size_t)argc + 1, sizeof *cmd.inputs);
    if (!cmd.inputs) {
        fprintf(stderr, "vnextract: out of memory\n");
        return 1;
    }
    int status = parse_args(argc, argv, &cmd);
    if (status == 0 && cmd.show_help)
        fputs(usage_text, stdout);
    else if (status == 0)
        status = run_command(&cmd);
    free(cmd.inputs);
    return status;
}
