/**
 * review.c: the review page of `vnextract --html FILE` (see review.h).
 *
 * The page is cli/review/review.html with its styles and script inlined
 * (embedded at build time by tools/embed_review.py). Its records are data
 * blocks: the index, <script type="application/json" id="index">, a JSON
 * array of an entry per article, and the details, <script
 * type="application/x-vnx" data-kind="detail">, each the base64 of a zlib
 * stream (which browsers inflate with DecompressionStream) of a JSON array
 * of an entry per article of its block:
 *
 *   index:  {"s": source, "t": title, "e": [type, date, organization],
 *            "a": author, "r": [[rating, subject]...], "d": [[type,
 *            number]...], "o": [name...], "n": [dates, directives,
 *            officials, tallies, attendance], "w": [warning...]}, or
 *           {"s": source, "x": error} for an input that was not read;
 *   detail: {"text": the text, "r": the record, spans in UTF-16 units of
 *            the text}, or null.
 *
 * The index (a fifth of the page) and the first detail block, as JSON,
 * come before the page's script, which reads them at once (JSON.parse, no
 * waiting): the summary and the first page of the list show before the
 * browser reads on, whatever the batch's length. The other detail blocks,
 * BLOCK articles each (detail i holds articles BLOCK * i on), come after
 * the script, compressed. Articles come in input
 * order: the index and the detail blocks are spooled to temporary files
 * and copied into the page when it is closed, so memory stays one block's.
 *
 * The page is written to a temporary file beside FILE (".FILE.XXXXXX")
 * and renamed over it when it is whole: a run that fails or is stopped
 * leaves FILE as it was. A FILE that is not a regular file (/dev/stdout, a
 * pipe) is written in place. The first failure is kept, and said once, by
 * review_close().
 *
 * SPDX-License-Identifier: MIT
 */
#include "review.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "review_assets.inc"

enum { BLOCK = 50 };

/* ---- a growable string ---------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t n, cap;
    int failed; /* an allocation failed: s is incomplete */
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void buf_puts(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

// `n` bytes of `s` as a JSON string. Bytes are copied as they are (the page
// decodes them as UTF-8, invalid ones as U+FFFD, as the spans count them);
// quotes, backslashes, control characters and '<' (no "</script>" in the
// page's index) are escaped, one character for one, so offsets in the text
// hold.
static void buf_json_n(buf *b, const char *s, size_t n)
{
    buf_puts(b, "\"");
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<')
            continue;
        buf_add(b, s + run, i - run);
        char esc[8];
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof esc, "\\%c", c);
        else
            snprintf(esc, sizeof esc, "\\u%04x", c);
        buf_puts(b, esc);
        run = i + 1;
    }
    buf_add(b, s + run, n - run);
    buf_puts(b, "\"");
}

// JSON text as it is, but '<' (only ever inside its strings) escaped: no
// "</script>" in the page.
static void buf_json_raw(buf *b, const char *json)
{
    for (const char *p = json;; p++) {
        size_t n = strcspn(p, "<");
        buf_add(b, p, n);
        p += n;
        if (!*p)
            return;
        buf_puts(b, "\\u003c");
    }
}

// A JSON string, or null for NULL.
static void buf_json(buf *b, const char *s)
{
    if (s)
        buf_json_n(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

// The array [x, y] of two JSON strings, after a comma unless it is the first.
static void buf_pair(buf *b, size_t index, const char *x, const char *y)
{
    buf_puts(b, index ? ",[" : "[");
    buf_json(b, x);
    buf_puts(b, ",");
    buf_json(b, y);
    buf_puts(b, "]");
}

/* ---- the page ------------------------------------------------------------- */

struct review {
    FILE *f;
    char *target;      /* the file the page replaces (a symlink's target) */
    char *temp;        /* the page until it is whole, or NULL: written in place */
    FILE *spool;       /* the detail blocks, until the page is closed */
    FILE *index_spool; /* the index, likewise */
    int error;         /* errno of the first failure, or 0 */
    size_t articles;   /* articles added */
    size_t in_block;   /* articles in the current detail block */
    size_t blocks;     /* detail blocks written */
    buf index, detail; /* JSON not yet written: of the index, of the block */
    buf first;         /* the first block's JSON (d0), read as the page opens */
};

static void fail(review *rv, int e)
{
    if (!rv->error)
        rv->error = e ? e : EIO;
}

static void put(review *rv, const char *s)
{
    if (fputs(s, rv->f) == EOF)
        fail(rv, errno);
}

// `s` escaped for HTML text and attribute values.
static void put_html(review *rv, const char *s)
{
    for (; *s; s++) {
        const char *esc = *s == '&'   ? "&amp;"
                          : *s == '<' ? "&lt;"
                          : *s == '>' ? "&gt;"
                          : *s == '"' ? "&quot;"
                                      : NULL;
        if (esc)
            put(rv, esc);
        else if (fputc(*s, rv->f) == EOF)
            fail(rv, errno);
    }
}

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Append `n` bytes as base64, in lines of 76 characters.
static void buf_base64(buf *out, const unsigned char *p, size_t n)
{
    char line[80];
    size_t k = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        line[k++] = B64[v >> 18 & 63];
        line[k++] = B64[v >> 12 & 63];
        line[k++] = i + 1 < n ? B64[v >> 6 & 63] : '=';
        line[k++] = i + 2 < n ? B64[v & 63] : '=';
        if (k == 76 || i + 3 >= n) {
            line[k++] = '\n';
            buf_add(out, line, k);
            k = 0;
        }
    }
}

// Append to `out` a data block of `n` deflated bytes at `z`:
// <script type="application/x-vnx" data-kind=KIND id=ID>base64</script>.
static void block_html(buf *out, const char *kind, const char *id, const unsigned char *z, size_t n)
{
    buf_puts(out, "<script type=\"application/x-vnx\" data-kind=\"");
    buf_puts(out, kind);
    buf_puts(out, "\" id=\"");
    buf_puts(out, id);
    buf_puts(out, "\">\n");
    buf_base64(out, z, n);
    buf_puts(out, "</script>\n");
}

// Spool what the index holds.
static void feed_index(review *rv)
{
    if (rv->index.failed)
        fail(rv, ENOMEM);
    else if (fwrite(rv->index.s, 1, rv->index.n, rv->index_spool) != rv->index.n)
        fail(rv, errno);
    rv->index.n = 0;
}

// Write out the current detail block to the spool.
static void flush_block(review *rv)
{
    if (rv->in_block == 0)
        return;
    buf_puts(&rv->detail, "]");
    if (rv->blocks == 0) { // the first page's: kept as JSON, to go before the script
        buf tmp = rv->first;
        rv->first = rv->detail;
        rv->detail = tmp;
        rv->detail.n = 0;
        rv->in_block = 0;
        rv->blocks++;
        return;
    }
    uLongf len = compressBound((uLong)rv->detail.n);
    unsigned char *z = rv->detail.failed ? NULL : malloc(len);
    if (!z || compress2(z, &len, (const Bytef *)rv->detail.s, (uLong)rv->detail.n, 6) != Z_OK) {
        fail(rv, ENOMEM);
    } else {
        char id[32];
        snprintf(id, sizeof id, "d%zu", rv->blocks);
        buf html = {0};
        block_html(&html, "detail", id, z, len);
        if (html.failed)
            fail(rv, ENOMEM);
        else if (fwrite(html.s, 1, html.n, rv->spool) != html.n)
            fail(rv, errno);
        free(html.s);
    }
    free(z);
    rv->detail.n = 0;
    rv->in_block = 0;
    rv->blocks++;
}

// Write the parts of the page from `*part` to the next slot that is not the
// generator's (or to the end), and step past it.
static void put_parts(review *rv, int *part, const char *generator)
{
    for (; *part < REVIEW_PARTS; (*part)++) {
        put(rv, review_parts[*part]);
        if (*part + 1 == REVIEW_PARTS || review_slots[*part] != REVIEW_SLOT_GENERATOR)
            break;
        put_html(rv, generator);
    }
}

// Copy what `spool` holds into the page.
static void put_spool(review *rv, FILE *spool)
{
    char chunk[1 << 16];
    size_t n;
    if (fflush(spool) != 0 || fseek(spool, 0, SEEK_SET) != 0)
        fail(rv, errno);
    while (!rv->error && (n = fread(chunk, 1, sizeof chunk, spool)) > 0)
        if (fwrite(chunk, 1, n, rv->f) != n)
            fail(rv, errno);
    if (ferror(spool))
        fail(rv, EIO);
}

// Start the next entry of the index and of the block: "[" or ",".
static void next_entry(review *rv)
{
    buf_puts(&rv->index, rv->articles ? "," : "[");
    buf_puts(&rv->detail, rv->in_block ? "," : "[");
}

// End an entry: the index spooled, the block written when full. 0, or -1
// with errno set.
static int end_entry(review *rv)
{
    if (rv->detail.failed)
        fail(rv, ENOMEM);
    rv->articles++;
    feed_index(rv);
    if (++rv->in_block == BLOCK)
        flush_block(rv);
    if (rv->error || rv->detail.failed) {
        errno = rv->error ? rv->error : ENOMEM;
        return -1;
    }
    return 0;
}

// Where the page goes: the file a symbolic link names (the link stays).
static char *target_of(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (real)
            return real;
    }
    return strdup(path);
}

// A temporary file beside `target`, with the mode the page would get (an
// existing page's, else 0666 less the umask); NULL with errno set.
static FILE *open_temp(const char *target, char **temp)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    size_t n = strlen(target) + 10;
    if (!(*temp = malloc(n)))
        return NULL;
    snprintf(*temp, n, "%.*s.%s.XXXXXX", (int)dir, target, target + dir);
    struct stat st;
    mode_t mode;
    if (stat(target, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0); // (read, then put back: one thread runs here)
        umask(mask);
        mode = 0666 & ~mask;
    }
    int fd = mkstemp(*temp); // (after stat: errno is mkstemp's)
    FILE *f = fd < 0 || fchmod(fd, mode) != 0 ? NULL : fdopen(fd, "w");
    if (!f) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(*temp);
        }
        free(*temp);
        *temp = NULL;
        errno = e;
    }
    return f;
}

// Open the page's file: a temporary one beside a regular (or new) file, the
// file itself when it is a device or a pipe.
static int open_page(review *rv, const char *path)
{
    if (!(rv->target = target_of(path)))
        return -1;
    struct stat st;
    if (stat(rv->target, &st) == 0 && !S_ISREG(st.st_mode))
        rv->f = fopen(rv->target, "w");
    else
        rv->f = open_temp(rv->target, &rv->temp);
    return rv->f ? 0 : -1;
}

// Free what review_open() made (the temporary file removed, if any).
static void discard(review *rv)
{
    if (rv->spool)
        fclose(rv->spool);
    if (rv->index_spool)
        fclose(rv->index_spool);
    if (rv->temp)
        unlink(rv->temp);
    free(rv->temp);
    free(rv->target);
    free(rv->index.s);
    free(rv->detail.s);
    free(rv->first.s);
    free(rv);
}

review *review_open(const char *path, const char *generator)
{
    review *rv = calloc(1, sizeof *rv);
    if (!rv)
        return NULL;
    if (!(rv->spool = tmpfile()) || !(rv->index_spool = tmpfile()) || open_page(rv, path) != 0) {
        int e = errno;
        discard(rv);
        errno = e;
        return NULL;
    }
    int part = 0;
    put_parts(rv, &part, generator ? generator : "vnextract"); // up to the index
    return rv;
}

// The index entry of a record: what the summary, filters and list read.
static void index_entry(buf *b, const char *source, const vnx_result *res)
{
    buf_puts(b, "{\"s\":");
    buf_json(b, source);
    buf_puts(b, ",\"t\":");
    buf_json(b, vnx_result_title(res));
    const vnx_event *ev = vnx_result_event(res);
    buf_puts(b, ",\"e\":[");
    buf_json(b, ev->type);
    buf_puts(b, ",");
    buf_json(b, ev->date);
    buf_puts(b, ",");
    buf_json(b, ev->organization);
    buf_puts(b, "],\"a\":");
    buf_json(b, vnx_result_author(res));
    buf_puts(b, ",\"r\":[");
    for (size_t i = 0; i < vnx_result_tally_count(res); i++) {
        const vnx_tally *t = vnx_result_tally(res, i);
        buf_pair(b, i, t->rating, t->subject);
    }
    buf_puts(b, "],\"d\":[");
    for (size_t i = 0; i < vnx_result_directive_count(res); i++) {
        const vnx_directive *d = vnx_result_directive(res, i);
        buf_pair(b, i, d->type, d->number);
    }
    buf_puts(b, "],\"o\":[");
    for (size_t i = 0; i < vnx_result_official_count(res); i++) {
        buf_puts(b, i ? "," : "");
        buf_json(b, vnx_result_official(res, i)->name);
    }
    char counts[128];
    snprintf(counts, sizeof counts, "],\"n\":[%zu,%zu,%zu,%zu,%zu],\"w\":[",
             vnx_result_date_count(res), vnx_result_directive_count(res),
             vnx_result_official_count(res), vnx_result_tally_count(res),
             vnx_result_attendance_count(res));
    buf_puts(b, counts);
    for (size_t i = 0; i < vnx_result_warning_count(res); i++) {
        buf_puts(b, i ? "," : "");
        buf_json(b, vnx_result_warning(res, i));
    }
    buf_puts(b, "]}");
}

// Whether the page failed already (then nothing more is added): -1 with
// errno set, else 0.
static int failed_before(const review *rv)
{
    if (!rv->error)
        return 0;
    errno = rv->error;
    return -1;
}

int review_add(review *rv, const char *source, const char *text, size_t len, vnx_result *res)
{
    if (failed_before(rv))
        return -1;
    // The page indexes its text with JavaScript strings: UTF-16 units.
    char *record = vnx_result_convert_spans(res, text, len, VNX_SPANS_UTF16, NULL) == VNX_OK
                       ? vnx_result_to_json(res, VNX_JSON_DEFAULT)
                       : NULL;
    if (!record) {
        fail(rv, ENOMEM);
        return failed_before(rv);
    }
    next_entry(rv);
    index_entry(&rv->index, source, res);
    buf_puts(&rv->detail, "{\"text\":");
    buf_json_n(&rv->detail, text, len);
    buf_puts(&rv->detail, ",\"r\":");
    buf_json_raw(&rv->detail, record);
    buf_puts(&rv->detail, "}");
    vnx_free(record);
    return end_entry(rv);
}

int review_add_error(review *rv, const char *source, const char *message)
{
    if (failed_before(rv))
        return -1;
    next_entry(rv);
    buf_puts(&rv->index, "{\"s\":");
    buf_json(&rv->index, source);
    buf_puts(&rv->index, ",\"x\":");
    buf_json(&rv->index, message ? message : "error");
    buf_puts(&rv->index, "}");
    buf_puts(&rv->detail, "null");
    return end_entry(rv);
}

int review_close(review *rv)
{
    if (!rv)
        return 0;
    flush_block(rv);
    buf_puts(&rv->index, rv->articles ? "]" : "[]");
    feed_index(rv);
    int part = 0;
    while (part < REVIEW_PARTS && review_slots[part] != REVIEW_SLOT_INDEX)
        part++;
    char open[96];
    snprintf(open, sizeof open, "<script type=\"application/json\" id=\"index\" data-block=\"%d\">",
             BLOCK);
    put(rv, open);
    put_spool(rv, rv->index_spool);
    put(rv, "</script>\n<script type=\"application/json\" id=\"d0\">");
    put(rv, rv->first.s ? rv->first.s : "[]");
    put(rv, "</script>\n");
    part++;
    put_parts(rv, &part, ""); // the script, up to the details
    put_spool(rv, rv->spool);
    part++;
    put_parts(rv, &part, ""); // the end
    if (rv->temp && fflush(rv->f) == 0 && fsync(fileno(rv->f)) != 0)
        fail(rv, errno);
    if (fclose(rv->f) != 0)
        fail(rv, errno);
    if (!rv->error && rv->temp) { // whole: it takes the file's place
        if (rename(rv->temp, rv->target) != 0)
            fail(rv, errno);
        else
            rv->temp[0] = '\0'; // nothing to remove
    }
    int e = rv->error;
    if (rv->temp && !rv->temp[0]) {
        free(rv->temp);
        rv->temp = NULL;
    }
    discard(rv);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}
