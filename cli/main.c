/**
 * main.c: the vnextract command, a thin client of libvnextract.
 *
 *   vnextract [OPTION]... [FILE|DIR|-]...
 *
 * Reads each file (directories recursively: *.txt, *.html, *.htm, in sorted
 * order; "-" or no argument: standard input) and writes one JSON record per
 * document to standard output. Exit status: 0 when every input was read, 1
 * when some input failed (each failure reported on standard error, every
 * other input still processed), 2 for a usage error.
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vnextract.h"

static const char usage_text[] =
    "Usage: vnextract [OPTION]... [FILE|DIR|-]...\n"
    "Extract dates, directives and the other facts of Vietnamese bulletin posts\n"
    "as one JSON record per document (JSON Lines).\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A DIR is read\n"
    "recursively: its *.txt, *.html and *.htm files, in sorted order.\n"
    "\n"
    "  --pretty          indent each record over several lines\n"
    "  --no-spans        leave out the \"span\" members\n"
    "  --patterns DIR    use the pattern set in DIR instead of the built-in one\n"
    "  --help            show this help and exit\n"
    "  --version         show the library and pattern set versions and exit\n"
    "\n"
    "Exit status: 0 if every input was read, 1 if some input failed, 2 for a\n"
    "usage error.\n";

typedef struct run {
    vnx_extractor *x;
    unsigned json_flags;
    int failed;
} run;

static void report(const char *name, const char *reason)
{
    fprintf(stderr, "vnextract: %s: %s\n", name, reason);
}

// Read all of `f`; NULL with errno set on failure.
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            char *p = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                errno = e;
                return NULL;
            }
            break;
        }
    }
    *len = n;
    return buf;
}

static void process_text(run *r, const char *name, const char *text, size_t len)
{
    vnx_error err;
    vnx_result *res = vnx_extract(r->x, text, len, &err);
    if (!res) {
        report(name, err.message);
        r->failed = 1;
        return;
    }
    char *json = NULL;
    if (vnx_result_set_source(res, name) == VNX_OK)
        json = vnx_result_to_json(res, r->json_flags);
    if (!json) {
        report(name, "out of memory");
        r->failed = 1;
    } else {
        fputs(json, stdout);
        fputc('\n', stdout);
    }
    vnx_free(json);
    vnx_result_free(res);
}

static void process_stream(run *r, const char *name, FILE *f)
{
    size_t len = 0;
    errno = 0;
    char *text = read_all(f, &len);
    if (!text) {
        report(name, strerror(errno ? errno : EIO));
        r->failed = 1;
        return;
    }
    process_text(r, name, text, len);
    free(text);
}

static void process_file(run *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(path, strerror(errno));
        r->failed = 1;
        return;
    }
    process_stream(r, path, f);
    fclose(f);
}

static int has_document_suffix(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories being walked, to stop at a symbolic-link loop. */
typedef struct visit {
    dev_t dev;
    ino_t ino;
    const struct visit *up;
} visit;

static void process_path(run *r, const char *path, const visit *up);

static void process_dir(run *r, const char *path, const struct stat *st, const visit *up)
{
    for (const visit *v = up; v; v = v->up)
        if (v->dev == st->st_dev && v->ino == st->st_ino) {
            report(path, "directory loop (symbolic link), skipped");
            r->failed = 1;
            return;
        }
    visit here = {st->st_dev, st->st_ino, up};
    DIR *d = opendir(path);
    if (!d) {
        report(path, strerror(errno));
        r->failed = 1;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (!p)
                break;
            names = p;
        }
        if (!(names[n] = strdup(de->d_name)))
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(path) + strlen(names[i]) + 2;
        char *child = malloc(len);
        if (child) {
            snprintf(child, len, "%s/%s", path, names[i]);
            struct stat cst;
            if (stat(child, &cst) != 0) {
                report(child, strerror(errno));
                r->failed = 1;
            } else if (S_ISDIR(cst.st_mode)) {
                process_dir(r, child, &cst, &here);
            } else if (has_document_suffix(names[i])) {
                process_path(r, child, &here);
            }
        }
        free(child);
        free(names[i]);
    }
    free(names);
}

static void process_path(run *r, const char *path, const visit *up)
{
    if (strcmp(path, "-") == 0) {
        process_stream(r, "-", stdin);
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        report(path, strerror(errno));
        r->failed = 1;
    } else if (S_ISDIR(st.st_mode)) {
        process_dir(r, path, &st, up);
    } else {
        process_file(r, path);
    }
}

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
    int show_help, show_version;
    const char **inputs; // argv's inputs, in order
    int ninputs;
} command;

// Read the arguments into `cmd`; 0, or 2 for a usage error (reported).
// Options may stand anywhere before "--"; the other arguments are inputs.
static int parse_args(int argc, char **argv, command *cmd)
{
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            cmd->inputs[cmd->ninputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cmd->show_help = 1;
        } else if (strcmp(a, "--version") == 0) {
            cmd->show_version = 1;
        } else if (strcmp(a, "--pretty") == 0) {
            cmd->json_flags |= VNX_JSON_PRETTY;
        } else if (strcmp(a, "--no-spans") == 0) {
            cmd->json_flags |= VNX_JSON_NO_SPANS;
        } else if (strcmp(a, "--patterns") == 0) {
            if (++i >= argc)
                return usage_error("a directory must follow", a);
            cmd->opts.patterns_dir = argv[i];
        } else if (strncmp(a, "--patterns=", 11) == 0) {
            cmd->opts.patterns_dir = a + 11;
        } else {
            return usage_error("unknown option", a);
        }
    }
    return 0;
}

// Process every input; the exit status.
static int run_command(const command *cmd)
{
    vnx_error err;
    run r = {vnx_extractor_new(&cmd->opts, &err), cmd->json_flags, 0};
    if (!r.x) {
        fprintf(stderr, "vnextract: %s\n", err.message);
        return err.code == VNX_ERR_PATTERN || err.code == VNX_ERR_IO ? 2 : 1;
    }
    if (cmd->show_version) {
        printf("vnextract %s (patterns %s)\n", vnx_version(), vnx_patterns_version(r.x));
    } else {
        if (cmd->ninputs == 0)
            process_stream(&r, "-", stdin);
        for (int i = 0; i < cmd->ninputs; i++)
            process_path(&r, cmd->inputs[i], NULL);
    }
    vnx_extractor_free(r.x);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "vnextract: write error: %s\n", strerror(errno));
        return 1;
    }
    return r.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    command cmd = {0};
    vnx_options_init(&cmd.opts);
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
