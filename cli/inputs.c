/**
 * inputs.c: the command's inputs, read into jobs in input order.
 *
 * A file is one document (text or HTML) or a JSON Lines stream of them,
 * told by --from, else by its extension (in any case: .HTM), else by its
 * first bytes. A directory is walked recursively in sorted order, and its
 * files are read by their content, whatever their names (a scraped mirror
 * holds index.php?id=12 and extension-less pages) but a page's assets
 * (.css, .js, .json...), or only those --glob chooses, less those
 * --exclude leaves out; binary files (PDF, images, archives, office files)
 * are skipped with a line on stderr and counted.
 * Symbolic-link loops are reported, not followed.
 * Streams are read a line at a time, so a stream of any length is never
 * held in memory; a document over the --max-bytes bound becomes an error
 * record and the run goes on.
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

enum { SNIFF_BYTES = 512, CHUNK = 1 << 16 };
// A line over --max-bytes is skipped to its end, up to this many times
// --max-bytes more.
enum { LONG_LINE_SKIP = 8, LINE_TOO_LONG = 1, LINE_ENDLESS = 2 };

/* ---- the list of inputs ------------------------------------------------ */

// Add an input; `st` (may be NULL) gives a regular file's size.
static int add_entry(input_list *list, const char *path, const char *error,
                     const struct stat *st)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        input_entry *items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    input_entry *e = &list->items[list->n];
    e->path = strdup(path);
    e->error = error ? strdup(error) : NULL;
    e->size = st && S_ISREG(st->st_mode) ? (size_t)st->st_size : 0;
    e->walked = 0;
    if (!e->path || (error && !e->error)) {
        free(e->path);
        free(e->error);
        return -1;
    }
    list->n++;
    return 0;
}

void inputs_free(input_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].error);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

static input_format format_of_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || strchr(dot, '/'))
        return FORMAT_AUTO;
    if (strcasecmp(dot, ".txt") == 0)
        return FORMAT_TEXT;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
        strcasecmp(dot, ".xhtml") == 0)
        return FORMAT_HTML;
    if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0)
        return FORMAT_JSONL;
    return FORMAT_AUTO;
}

// Whether `name` (a directory's entry) or its whole path matches a pattern.
static int matches_any(const char *const *patterns, size_t n, const char *name, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(patterns[i], name, 0) == 0 || fnmatch(patterns[i], path, 0) == 0)
            return 1;
    return 0;
}

/* Whether a file's name says it is a page's asset rather than a page: a
 * style sheet, a script, data, a feed, a font. A mirror holds them beside
 * its pages; read as documents they would give empty records. Any other
 * name (index.php?id=12, page.aspx, an extension-less name) is read by its
 * content. */
static int is_asset_name(const char *name)
{
    static const char *const assets[] = {"css", "js", "mjs", "json", "map", "xml", "rss",
                                         "atom", "svg", "ico", "woff", "woff2", "ttf", "otf",
                                         "eot", "swf"};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    size_t n = strcspn(dot + 1, "?#");
    for (size_t i = 0; i < sizeof assets / sizeof *assets; i++)
        if (strlen(assets[i]) == n && strncasecmp(dot + 1, assets[i], n) == 0)
            return 1;
    return 0;
}

// Whether a directory's file is read: chosen by --glob (without one: any
// file but an asset), not left out by --exclude.
static int is_chosen(const input_config *cfg, const char *name, const char *path)
{
    if (matches_any(cfg->excludes, cfg->nexcludes, name, path))
        return 0;
    return cfg->nglobs ? matches_any(cfg->globs, cfg->nglobs, name, path) : !is_asset_name(name);
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

static int collect_path(const input_config *cfg, input_list *list, const char *path,
                        const visit *up);

// The sorted names in directory `path` (no dot files); NULL on failure.
static char **read_names(const char *path, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *de;
    int nomem = 0;
    while (!nomem && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            nomem = !p;
            names = p ? p : names;
        }
        if (!nomem && !(names[*n] = strdup(de->d_name)))
            nomem = 1;
        *n += !nomem;
    }
    closedir(d);
    if (nomem) {
        for (size_t i = 0; i < *n; i++)
            free(names[i]);
        free(names);
        errno = ENOMEM;
        return NULL;
    }
    if (*n)
        qsort(names, *n, sizeof *names, cmp_names);
    return names ? names : calloc(1, sizeof *names);
}

static int collect_dir(const input_config *cfg, input_list *list, const char *path,
                       const struct stat *st, const visit *up)
{
    for (const visit *v = up; v; v = v->up)
        if (v->dev == st->st_dev && v->ino == st->st_ino)
            return add_entry(list, path, "directory loop (symbolic link), skipped", NULL);
    visit here = {st->st_dev, st->st_ino, up};
    size_t n;
    char **names = read_names(path, &n);
    if (!names)
        return errno == ENOMEM ? -1 : add_entry(list, path, strerror(errno), NULL);
    int rc = 0;
    // The path as given, then the name: "dir/" gives "dir/a.txt", not "dir//a.txt".
    size_t plen = strlen(path);
    const char *sep = plen && path[plen - 1] == '/' ? "" : "/";
    for (size_t i = 0; i < n; i++) {
        size_t len = plen + strlen(names[i]) + 2;
        char *child = rc == 0 ? malloc(len) : NULL;
        if (child) {
            snprintf(child, len, "%s%s%s", path, sep, names[i]);
            struct stat cst;
            if (stat(child, &cst) != 0)
                rc = add_entry(list, child, strerror(errno), NULL);
            else if (S_ISDIR(cst.st_mode) &&
                     !matches_any(cfg->excludes, cfg->nexcludes, names[i], child))
                rc = collect_dir(cfg, list, child, &cst, &here);
            else if (S_ISREG(cst.st_mode) && is_chosen(cfg, names[i], child) &&
                     (rc = add_entry(list, child, NULL, &cst)) == 0)
                list->items[list->n - 1].walked = 1;
        } else {
            rc = -1;
        }
        free(child);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int collect_path(const input_config *cfg, input_list *list, const char *path,
                        const visit *up)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return add_entry(list, path, NULL, NULL);
    if (stat(path, &st) != 0)
        return add_entry(list, path, strerror(errno), NULL);
    if (S_ISDIR(st.st_mode))
        return collect_dir(cfg, list, path, &st, up);
    return add_entry(list, path, NULL, &st);
}

int inputs_collect(const input_config *cfg, const char *const *args, int nargs,
                   input_list *list)
{
    memset(list, 0, sizeof *list);
    if (nargs == 0)
        return add_entry(list, "-", NULL, NULL);
    for (int i = 0; i < nargs; i++)
        if (collect_path(cfg, list, args[i], NULL) != 0)
            return -1;
    return 0;
}

void inputs_measure(const input_list *list, size_t *docs, size_t *bytes)
{
    *docs = *bytes = 0;
    for (size_t i = 0; i < list->n; i++) {
        const input_entry *e = &list->items[i];
        if (e->error || strcmp(e->path, "-") == 0)
            continue;
        *bytes += e->size;
        *docs += format_of_name(e->path) != FORMAT_JSONL;
    }
}

/* ---- reading ------------------------------------------------------------ */

/* A file with its first bytes read ahead (to sniff its format). It is read
 * with read(2), which gives what has come: a coprocess that writes one JSON
 * line gets its record without closing the pipe or filling a buffer. */
typedef struct reader {
    int fd;
    int error; /* the errno of a failed read, or 0 */
    const volatile sig_atomic_t *stop; /* a signal came: read no more */
    int stopped; /* the reading stopped for it (what was read is dropped) */
    char head[SNIFF_BYTES];
    size_t head_len, head_pos;
} reader;

// Up to `n` bytes, what is there; 0 at the end or on an error (r->error).
// A signal asked to stop: a read blocked on a pipe returns EINTR.
static size_t read_some(reader *r, char *buf, size_t n)
{
    for (;;) {
        if (r->stop && *r->stop) {
            r->stopped = 1;
            return 0;
        }
        ssize_t got = read(r->fd, buf, n);
        if (got >= 0)
            return (size_t)got;
        if (errno != EINTR) {
            r->error = errno;
            return 0;
        }
    }
}

// Up to `n` bytes, the read-ahead first; 0 only at the end or on an error.
static size_t reader_read(reader *r, char *buf, size_t n)
{
    size_t from_head = r->head_len - r->head_pos;
    if (from_head == 0)
        return read_some(r, buf, n);
    if (from_head > n)
        from_head = n;
    memcpy(buf, r->head + r->head_pos, from_head);
    r->head_pos += from_head;
    return from_head;
}

// Where the content of the read-ahead begins: after a UTF-8 BOM and white
// space; head_len when there is none yet.
static size_t content_start(const reader *r)
{
    size_t i = 0;
    if (r->head_len >= 3 && memcmp(r->head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < r->head_len && strchr(" \t\r\n", r->head[i]))
        i++;
    return i;
}

// Read ahead until the first byte of content (and a byte order mark's four
// bytes) have come, the read-ahead is full, or the input ends.
static void read_head(reader *r)
{
    while (r->head_len < sizeof r->head && (r->head_len < 4 || content_start(r) == r->head_len)) {
        size_t got = read_some(r, r->head + r->head_len, sizeof r->head - r->head_len);
        if (got == 0)
            break;
        r->head_len += got;
    }
}

// The format of a document by its first bytes: '<' HTML, '{' JSON Lines.
static input_format sniff(const reader *r)
{
    size_t i = content_start(r);
    if (i < r->head_len && r->head[i] == '<')
        return FORMAT_HTML;
    if (i < r->head_len && r->head[i] == '{')
        return FORMAT_JSONL;
    return FORMAT_TEXT;
}

// Whether the stream is UTF-16 or UTF-32 (named, or by its byte order mark):
// then its lines cannot be split on the byte '\n'.
static int is_wide_encoding(const reader *r, const char *encoding)
{
    if (encoding && (strncasecmp(encoding, "UTF-16", 6) == 0 ||
                     strncasecmp(encoding, "UTF-32", 6) == 0 ||
                     strncasecmp(encoding, "UTF16", 5) == 0 || strncasecmp(encoding, "UTF32", 5) == 0))
        return 1;
    const unsigned char *h = (const unsigned char *)r->head;
    return r->head_len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF) ||
                                (r->head_len >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0xFE &&
                                 h[3] == 0xFF));
}

static int submit_error(batch *b, const char *source, const char *why)
{
    job *j = job_new(source, FORMAT_TEXT, why);
    if (!j) {
        batch_lost(b, source);
        return 0;
    }
    return batch_submit(b, j);
}

static void describe_too_large(char *buf, size_t n, size_t max)
{
    snprintf(buf, n, "larger than --max-bytes (%zu bytes): skipped", max);
}

// Read the rest of `r` as one document of at most `max` bytes into `j`.
// Returns 0, or an errno (EFBIG when over the bound).
static int read_document(reader *r, size_t max, job *j)
{
    size_t cap = CHUNK, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *p = ncap > cap ? realloc(buf, ncap) : NULL;
            if (!p) {
                free(buf);
                return ncap > cap ? ENOMEM : EFBIG;
            }
            buf = p;
            cap = ncap;
        }
        size_t got = reader_read(r, buf + n, cap - n);
        n += got;
        if (n > max) {
            free(buf);
            return EFBIG;
        }
        if (got == 0) {
            if (r->error || r->stopped) {
                free(buf);
                return r->stopped ? ECANCELED : r->error;
            }
            break;
        }
    }
    j->data = buf;
    j->len = n;
    return 0;
}

static int submit_document(const input_config *cfg, batch *b, const char *name, reader *r,
                           input_format format)
{
    job *j = job_new(name, format, NULL);
    if (!j) {
        batch_lost(b, name);
        return 0;
    }
    errno = 0;
    int e = read_document(r, cfg->max_bytes, j);
    if (e == 0)
        return batch_submit(b, j);
    job_free(j);
    if (e == ECANCELED) // a signal: the document is not read, nor told
        return 0;
    char why[128];
    if (e == EFBIG)
        describe_too_large(why, sizeof why, cfg->max_bytes);
    else
        snprintf(why, sizeof why, "%s", strerror(e));
    return submit_error(b, name, why);
}

/* Lines of a stream, each at most `max` bytes (longer ones are skipped). */
typedef struct line_reader {
    reader *in;
    char chunk[CHUNK];
    size_t pos, end;
    int eof;
} line_reader;

// How far a line over `max` bytes is skipped, looking for its end, before
// the rest of the stream is given up (/dev/zero has no line end).
static size_t skip_bound(size_t max)
{
    return max > SIZE_MAX / LONG_LINE_SKIP ? SIZE_MAX : max * LONG_LINE_SKIP;
}

// The next line (without its "\n") into a fresh buffer: 1 a line, 0 the
// end, -1 out of memory. *too_long is set when it was over `max` bytes:
// LINE_TOO_LONG, or LINE_ENDLESS when no line end came within
// skip_bound(max) bytes more (the rest of the stream is not read).
static int next_line(line_reader *lr, size_t max, char **line, size_t *len, int *too_long)
{
    size_t cap = 0, n = 0, skipped = 0;
    char *buf = NULL;
    *too_long = 0;
    for (;;) {
        if (lr->pos == lr->end) {
            lr->pos = 0;
            lr->end = lr->eof ? 0 : reader_read(lr->in, lr->chunk, sizeof lr->chunk);
            if (lr->end == 0) {
                lr->eof = 1;
                if ((n == 0 && !*too_long) || lr->in->stopped) { // (a cut line is dropped)
                    free(buf);
                    return 0;
                }
                break;
            }
        }
        char *nl = memchr(lr->chunk + lr->pos, '\n', lr->end - lr->pos);
        size_t take = (nl ? (size_t)(nl - lr->chunk) : lr->end) - lr->pos;
        if (!*too_long && n + take > max) {
            *too_long = LINE_TOO_LONG; // read on to the line's end, keep nothing
            free(buf);
            buf = NULL;
            n = cap = 0;
        }
        if (*too_long && (skipped += take) > skip_bound(max)) {
            *too_long = LINE_ENDLESS;
            break;
        }
        if (!*too_long) {
            if (n + take + 1 > cap) {
                size_t ncap = (n + take + 1) * 2;
                char *p = realloc(buf, ncap);
                if (!p) {
                    free(buf);
                    return -1;
                }
                buf = p;
                cap = ncap;
            }
            memcpy(buf + n, lr->chunk + lr->pos, take);
            n += take;
        }
        lr->pos += take + (nl != NULL);
        if (nl)
            break;
    }
    if (buf)
        buf[n] = '\0';
    *line = buf;
    *len = n;
    return 1;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r", s[i]))
            return 0;
    return 1;
}

// Every line of a JSON Lines stream is a job named NAME:LINE (a line's
// "id" or "url" takes its place when it has one). Blank lines are skipped.
static int submit_stream(const input_config *cfg, batch *b, const char *name, reader *r)
{
    line_reader *lr = calloc(1, sizeof *lr);
    size_t lineno = 0, namelen = strlen(name) + 24;
    char *source = lr ? malloc(namelen) : NULL;
    if (!source) {
        free(lr);
        batch_lost(b, name);
        return 0;
    }
    lr->in = r;
    int rc = 0;
    while (rc == 0 && !(cfg->stop && *cfg->stop)) {
        char *line = NULL;
        size_t len;
        int too_long;
        int got = next_line(lr, cfg->max_bytes, &line, &len, &too_long);
        if (got < 0) { // the rest of the stream is not read
            snprintf(source, namelen, "%s:%zu", name, lineno + 1);
            batch_lost(b, source);
            break;
        }
        if (got == 0)
            break;
        snprintf(source, namelen, "%s:%zu", name, ++lineno);
        if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            memmove(line, line + 3, len - 2); // a UTF-8 BOM, with the NUL
            len -= 3;
        }
        if (too_long) {
            char why[192];
            describe_too_large(why, sizeof why, cfg->max_bytes);
            if (too_long == LINE_ENDLESS)
                snprintf(why + strlen(why), sizeof why - strlen(why),
                         "; no line end in %zu bytes more: the rest of the stream is not read",
                         skip_bound(cfg->max_bytes));
            rc = submit_error(b, source, why);
            if (too_long == LINE_ENDLESS)
                break;
        } else if (!is_blank(line, len)) {
            job *j = job_new(source, FORMAT_JSONL, NULL);
            if (!j) {
                free(line);
                batch_lost(b, source);
                continue;
            }
            j->data = line;
            j->len = len;
            line = NULL;
            rc = batch_submit(b, j);
        }
        free(line);
    }
    if (rc == 0 && r->error && !r->stopped)
        rc = submit_error(b, name, strerror(r->error));
    free(source);
    free(lr);
    return rc;
}

/* What a binary file is, by its first bytes (NULL: not binary): the
 * signatures of the files a scraped mirror holds beside its pages, else,
 * for a file found in a directory (`walked`), a NUL byte where text has
 * none (UTF-16 and UTF-32 start with their mark). A file named on the
 * command line with a stray NUL is still read: it was asked for. */
static const char *binary_kind(const unsigned char *h, size_t n, int walked)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } signatures[] = {
        {"%PDF", 4, "PDF"},
        {"\x89PNG", 4, "PNG image"},
        {"\xFF\xD8\xFF", 3, "JPEG image"},
        {"GIF8", 4, "GIF image"},
        {"II*\0", 4, "TIFF image"},
        {"MM\0*", 4, "TIFF image"},
        {"PK\x03\x04", 4, "ZIP archive or office file"},
        {"\xD0\xCF\x11\xE0", 4, "office file"},
        {"\x1F\x8B", 2, "gzip archive"},
        {"Rar!", 4, "RAR archive"},
        {"7z\xBC\xAF", 4, "7-Zip archive"},
        {"ID3", 3, "audio"},
        {"OggS", 4, "audio"},
    };
    for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++)
        if (n >= signatures[i].len && memcmp(h, signatures[i].magic, signatures[i].len) == 0)
            return signatures[i].kind;
    if (n >= 12 && memcmp(h, "RIFF", 4) == 0)
        return memcmp(h + 8, "WEBP", 4) == 0 ? "WebP image" : "media";
    int wide = n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF));
    return walked && !wide && memchr(h, 0, n) ? "binary" : NULL;
}

// Read one file (or stdin) as the format asked, named, or sniffed.
static int submit_file(const input_config *cfg, batch *b, const input_entry *e)
{
    const char *path = e->path;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return submit_error(b, path, strerror(errno));
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size > cfg->max_bytes && cfg->format != FORMAT_JSONL &&
        format_of_name(path) != FORMAT_JSONL) {
        fclose(f);
        char why[128];
        describe_too_large(why, sizeof why, cfg->max_bytes);
        return submit_error(b, path, why);
    }
    reader r = {.fd = fileno(f), .stop = cfg->stop};
    read_head(&r);
    const char *binary = cfg->format == FORMAT_AUTO
                             ? binary_kind((const unsigned char *)r.head, r.head_len, e->walked)
                             : NULL;
    if (binary) {
        if (!is_stdin)
            fclose(f);
        char why[96];
        snprintf(why, sizeof why, "a binary file (%s), not read", binary);
        if (!e->walked)
            return submit_error(b, path, why);
        fprintf(stderr, "vnextract: %s: skipped: %s\n", path, why);
        if (cfg->skipped)
            ++*cfg->skipped;
        return 0;
    }
    input_format format = cfg->format;
    if (format == FORMAT_AUTO && !is_stdin)
        format = format_of_name(path);
    if (format == FORMAT_AUTO)
        format = sniff(&r);
    int rc;
    if (format == FORMAT_JSONL && is_wide_encoding(&r, cfg->encoding))
        rc = submit_error(b, path, "JSON Lines streams must be UTF-8 or another "
                                   "ASCII-based encoding (convert UTF-16/32 first)");
    else if (format == FORMAT_JSONL)
        rc = submit_stream(cfg, b, path, &r);
    else
        rc = submit_document(cfg, b, path, &r, format);
    if (!is_stdin)
        fclose(f);
    return rc;
}

int inputs_run(const input_config *cfg, const input_list *list, batch *b)
{
    for (size_t i = 0; i < list->n && !(cfg->stop && *cfg->stop); i++) {
        const input_entry *e = &list->items[i];
        int rc = e->error ? submit_error(b, e->path, e->error) : submit_file(cfg, b, e);
        if (rc != 0)
            return -1;
    }
    return 0;
}
