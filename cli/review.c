/**
 * review.c: the review page of `vnextract --html FILE` (see review.h).
 *
 * Each article is written as its text, HTML-escaped (invalid UTF-8 and
 * control characters shown as U+FFFD), with one <mark> per extracted span:
 * class "k-KIND", data-kind, data-start and data-end (the span in input
 * bytes), and the normalized value in data-value and title. Spans nest as
 * they are found; a span that crosses the end of an enclosing one is cut
 * there and marked data-clipped. Officials' roles have no spans in the
 * record: a role is highlighted only where it is written byte for byte next
 * to a mention of its person's name (see find_roles()).
 *
 * SPDX-License-Identifier: MIT
 */
#include "review.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct review {
    FILE *f;
    size_t narticles;
};

enum kind { K_DATE, K_DIRECTIVE, K_OFFICIAL, K_ROLE, K_TALLY, K_ATTENDANCE, NKINDS };

/* The kinds, in legend order: data-kind and class k-NAME; background and
 * underline colours. */
static const struct {
    const char *name;
    const char *fill, *line;
} kinds[NKINDS] = {
    {"date", "#ffe9a8", "#c99a00"},     {"directive", "#c4e3ff", "#1f6fbf"},
    {"official", "#c9f2bd", "#2f8a1c"}, {"role", "#e6d7ff", "#7446c9"},
    {"tally", "#ffc9c9", "#c22f2f"},    {"attendance", "#ffdcb8", "#c4650a"},
};

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
        size_t cap = b->cap ? b->cap : 64;
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

static void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(buf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

// Append "; " then `s`, unless `s` is NULL (or append `s` alone to an empty buf).
static void buf_part(buf *b, const char *label, const char *s)
{
    if (!s)
        return;
    if (b->n)
        buf_puts(b, "; ");
    if (label)
        buf_puts(b, label);
    buf_puts(b, s);
}

/* ---- escaping ------------------------------------------------------------- */

// The length of the valid UTF-8 sequence at `s` (`n` bytes left), or 0.
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c == 0xE0)
        len = 3, lo = 0xA0;
    else if (c == 0xED)
        len = 3, hi = 0x9F; /* no surrogates */
    else if (c >= 0xE1 && c <= 0xEF)
        len = 3;
    else if (c == 0xF0)
        len = 4, lo = 0x90;
    else if (c == 0xF4)
        len = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3)
        len = 4;
    else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

// The entity for ASCII byte `c`, or NULL when `c` is written as it is.
static const char *ascii_entity(unsigned char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    case '\t':
    case '\n':
    case '\r':
        return NULL;
    default:
        return c < 0x20 || c == 0x7F ? "&#xFFFD;" : NULL;
    }
}

// Write `n` bytes of `s` as HTML text or attribute value: markup characters
// as entities, invalid UTF-8 and control characters as U+FFFD.
static void put_escaped(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* bytes at p that are written as they are */
    while (run < n) {
        size_t len = utf8_seq(p + run, n - run);
        const char *entity = len == 0 ? "&#xFFFD;" : len == 1 ? ascii_entity(p[run]) : NULL;
        if (!entity) {
            run += len;
            continue;
        }
        fwrite(p, 1, run, f);
        fputs(entity, f);
        p += run + 1;
        n -= run + 1;
        run = 0;
    }
    fwrite(p, 1, run, f);
}

static void put_escaped_str(FILE *f, const char *s)
{
    put_escaped(f, s, strlen(s));
}

/* ---- the marks of one article --------------------------------------------- */

typedef struct mark {
    size_t start, end; /* the span, input bytes */
    size_t shown_end;  /* where its element closes (end, or cut by its parent) */
    enum kind kind;
    char *value; /* the normalized value, owned */
} mark;

typedef struct marks {
    mark *v;
    size_t n, cap;
    int failed; /* out of memory */
} marks;

// Add a mark of `kind` over `sp` with the value in `value` (taken over); a
// span empty or outside the `len` bytes of text is left out.
static void marks_add(marks *ms, enum kind kind, vnx_span sp, size_t len, buf *value)
{
    if (value->failed)
        ms->failed = 1;
    if (ms->failed || sp.start >= sp.end || sp.end > len) {
        free(value->s);
        return;
    }
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 32;
        mark *p = realloc(ms->v, cap * sizeof *p);
        if (!p) {
            ms->failed = 1;
            free(value->s);
            return;
        }
        ms->v = p;
        ms->cap = cap;
    }
    ms->v[ms->n++] = (mark){sp.start, sp.end, sp.end, kind, value->s};
}

static void marks_free(marks *ms)
{
    for (size_t i = 0; i < ms->n; i++)
        free(ms->v[i].value);
    free(ms->v);
}

// Document order: by start, the longer span first (it encloses), then kind.
static int cmp_marks(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

static void add_dates(marks *ms, const vnx_result *r, size_t len)
{
    for (size_t i = 0; i < vnx_result_date_count(r); i++) {
        const vnx_date *d = vnx_result_date(r, i);
        buf v = {0};
        buf_puts(&v, d->value ? d->value : "?");
        if (d->year_inferred)
            buf_puts(&v, " (year inferred)");
        marks_add(ms, K_DATE, d->span, len, &v);
    }
}

static void add_directives(marks *ms, const vnx_result *r, size_t len)
{
    for (size_t i = 0; i < vnx_result_directive_count(r); i++) {
        const vnx_directive *d = vnx_result_directive(r, i);
        buf v = {0};
        buf_part(&v, NULL, d->type);
        if (d->type)
            buf_puts(&v, " ");
        buf_puts(&v, d->number ? d->number : "?");
        buf_part(&v, "date ", d->date);
        buf_part(&v, "issuer ", d->issuer);
        marks_add(ms, K_DIRECTIVE, d->span, len, &v);
    }
}

// The value shown on every mention of official `o`.
static void official_value(buf *v, const vnx_official *o)
{
    buf_puts(v, o->name ? o->name : "?");
    buf_part(v, "honorific ", o->honorific);
    for (size_t k = 0; k < o->nroles; k++) {
        buf_puts(v, k ? ", " : "; roles: ");
        buf_puts(v, o->roles[k]);
    }
}

static int is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Whether byte `i` of the text bounds a word: it is the end, or an ASCII
// byte that is not a letter or digit (so "Bí thư" does not match in "Bí thưa").
static int is_boundary(const char *text, size_t len, size_t i)
{
    return i == len || ((unsigned char)text[i] < 0x80 && !is_ascii_alnum((unsigned char)text[i]));
}

// Skip what may stand between a name and its role (white space and one of
// , - – — ( :), from byte `i`; where it ends.
static size_t skip_separator(const char *text, size_t len, size_t i)
{
    static const char *const seps[] = {",", "-", "\xe2\x80\x93", "\xe2\x80\x94", "(", ":"};
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t n = strlen(seps[k]);
        if (len - i >= n && memcmp(text + i, seps[k], n) == 0) {
            i += n;
            break;
        }
    }
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    return i;
}

// The longest role of `o` written at byte `i`, as a whole word; its length or 0.
static size_t role_at(const vnx_official *o, const char *text, size_t len, size_t i, size_t *which)
{
    size_t best = 0;
    for (size_t k = 0; k < o->nroles; k++) {
        size_t n = strlen(o->roles[k]);
        if (n > best && len - i >= n && memcmp(text + i, o->roles[k], n) == 0 &&
            is_boundary(text, len, i + n)) {
            best = n;
            *which = k;
        }
    }
    return best;
}

// The longest role of `o` written just before byte `end`, as a whole word;
// its length or 0.
static size_t role_before(const vnx_official *o, const char *text, size_t end, size_t *which)
{
    size_t best = 0;
    for (size_t k = 0; k < o->nroles; k++) {
        size_t n = strlen(o->roles[k]);
        if (n > best && n <= end && memcmp(text + end - n, o->roles[k], n) == 0 &&
            (end == n || is_boundary(text, end, end - n - 1))) {
            best = n;
            *which = k;
        }
    }
    return best;
}

static void add_role(marks *ms, const vnx_official *o, size_t k, size_t start, size_t end,
                     size_t len)
{
    buf v = {0};
    buf_puts(&v, o->roles[k]);
    buf_part(&v, "role of ", o->name ? o->name : "?");
    marks_add(ms, K_ROLE, (vnx_span){start, end}, len, &v);
}

// The roles of `o` written next to its name mention `sp`: a chain of roles
// after the name, each after a separator ("Nguyễn Văn A – Quận ủy viên,
// Phó trưởng ban"), and one role just before the name, or before its
// honorific ("Bí thư chi bộ đồng chí Nguyễn Văn A"). Only byte-exact,
// whole-word matches count, so a role is never highlighted by guesswork.
static void find_roles(marks *ms, const vnx_official *o, vnx_span sp, const char *text, size_t len)
{
    size_t i = sp.end, k = 0;
    for (;;) {
        size_t at = skip_separator(text, len, i);
        size_t n = at > i ? role_at(o, text, len, at, &k) : 0;
        if (!n)
            break;
        add_role(ms, o, k, at, at + n, len);
        i = at + n;
    }
    size_t end = sp.start;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    size_t h = o->honorific ? strlen(o->honorific) : 0;
    if (end < sp.start && h && h <= end && memcmp(text + end - h, o->honorific, h) == 0) {
        size_t before = end - h;
        while (before > 0 && text[before - 1] == ' ')
            before--;
        if (before < end - h)
            end = before;
    }
    size_t n = end < sp.start ? role_before(o, text, end, &k) : 0;
    if (n)
        add_role(ms, o, k, end - n, end, len);
}

static void add_officials(marks *ms, const vnx_result *r, const char *text, size_t len)
{
    for (size_t i = 0; i < vnx_result_official_count(r); i++) {
        const vnx_official *o = vnx_result_official(r, i);
        for (size_t s = 0; s < o->nspans; s++) {
            if (o->spans[s].start >= o->spans[s].end || o->spans[s].end > len)
                continue; /* not a span of this text */
            buf v = {0};
            official_value(&v, o);
            marks_add(ms, K_OFFICIAL, o->spans[s], len, &v);
            find_roles(ms, o, o->spans[s], text, len);
        }
    }
}

// "count/total (percent%)", each part when known.
static void figure_value(buf *v, long long count, long long total, double percent)
{
    if (count != VNX_NONE)
        buf_printf(v, "%lld", count);
    if (total != VNX_NONE)
        buf_printf(v, "/%lld", total);
    if (percent != VNX_NONE)
        buf_printf(v, count == VNX_NONE && total == VNX_NONE ? "%g%%" : " (%g%%)", percent);
}

static void add_tallies(marks *ms, const vnx_result *r, size_t len)
{
    for (size_t i = 0; i < vnx_result_tally_count(r); i++) {
        const vnx_tally *t = vnx_result_tally(r, i);
        buf v = {0};
        buf_puts(&v, t->rating ? t->rating : "?");
        if (t->or_above)
            buf_puts(&v, " or above");
        buf_puts(&v, ": ");
        figure_value(&v, t->count, t->total, t->percent);
        buf_part(&v, "subject ", t->subject);
        marks_add(ms, K_TALLY, t->span, len, &v);
    }
}

static void add_attendance(marks *ms, const vnx_result *r, size_t len)
{
    for (size_t i = 0; i < vnx_result_attendance_count(r); i++) {
        const vnx_attendance *a = vnx_result_attendance(r, i);
        buf v = {0};
        buf_puts(&v, a->approximate ? "present about " : "present ");
        figure_value(&v, a->present, a->total, a->percent);
        marks_add(ms, K_ATTENDANCE, a->span, len, &v);
    }
}

// Merge marks of one kind over one range into one element whose value lists
// theirs: both ends of a range of dates ("từ ngày 11 đến ngày 15/9/2023"
// gives two dates with one span), a role next to two names.
static void merge_repeats(marks *ms)
{
    size_t out = 0;
    for (size_t i = 0; i < ms->n; i++) {
        mark *m = &ms->v[i], *prev = out ? &ms->v[out - 1] : NULL;
        if (!prev || prev->start != m->start || prev->end != m->end || prev->kind != m->kind) {
            ms->v[out++] = *m;
            continue;
        }
        if (strcmp(prev->value, m->value) != 0) {
            buf v = {prev->value, strlen(prev->value), strlen(prev->value) + 1, 0};
            buf_puts(&v, ", ");
            buf_puts(&v, m->value);
            if (v.failed)
                ms->failed = 1;
            prev->value = v.s;
        }
        free(m->value);
    }
    ms->n = out;
}

/* ---- writing -------------------------------------------------------------- */

static void open_mark(FILE *f, const mark *m)
{
    const char *name = kinds[m->kind].name;
    fprintf(f, "<mark class=\"k-%s\" data-kind=\"%s\" data-start=\"%zu\" data-end=\"%zu\"", name,
            name, m->start, m->end);
    if (m->shown_end < m->end)
        fputs(" data-clipped=\"1\"", f);
    fputs(" data-value=\"", f);
    put_escaped_str(f, m->value);
    fprintf(f, "\" title=\"%s: ", name);
    put_escaped_str(f, m->value);
    fputs("\">", f);
}

// The text with its marks, nested: an open mark closes before a later one
// that starts at or after its end; a mark that would cross its parent's end
// is cut there.
static void put_marked_text(FILE *f, const char *text, size_t len, mark *v, size_t n)
{
    const mark *stack[64];
    size_t depth = 0, pos = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t next = i < n ? v[i].start : len;
        while (depth && stack[depth - 1]->shown_end <= next) {
            const mark *top = stack[--depth];
            put_escaped(f, text + pos, top->shown_end - pos);
            fputs("</mark>", f);
            pos = top->shown_end;
        }
        put_escaped(f, text + pos, next - pos);
        pos = next;
        if (i == n || depth == sizeof stack / sizeof *stack)
            continue; /* absurdly deep nesting: the mark is left out */
        if (depth && v[i].end > stack[depth - 1]->shown_end)
            v[i].shown_end = stack[depth - 1]->shown_end;
        open_mark(f, &v[i]);
        stack[depth++] = &v[i];
    }
}

static const char page_head[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"vi\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>vnextract review</title>\n"
    "<style>\n"
    "body { font: 15px/1.6 \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif; margin: 0;\n"
    "  color: #1d1d1f; background: #f4f4f2; }\n"
    "header { position: sticky; top: 0; z-index: 2; background: #fff;\n"
    "  border-bottom: 1px solid #ccc; padding: 8px 24px; }\n"
    "h1 { font-size: 20px; margin: 0; display: inline-block; margin-right: 16px; }\n"
    ".generator { display: inline; color: #666; font-size: 13px; }\n"
    ".legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex;\n"
    "  flex-wrap: wrap; gap: 8px 16px; align-items: center; font-size: 14px; }\n"
    ".legend .hint { color: #666; font-size: 13px; }\n"
    "main { max-width: 60em; margin: 0 auto; padding: 8px 24px 40px; }\n"
    ".article { background: #fff; border: 1px solid #ddd; border-radius: 6px;\n"
    "  margin: 16px 0; padding: 12px 20px; }\n"
    ".article h2 { font-size: 16px; margin: 0 0 4px; word-break: break-all; }\n"
    ".summary { color: #555; font-size: 13px; margin: 0 0 8px; }\n"
    ".warnings { color: #a33; font-size: 13px; margin: 0 0 8px; }\n"
    ".text { white-space: pre-wrap; overflow-wrap: anywhere; }\n"
    "mark, .key { color: inherit; border-radius: 3px; padding: 0 1px;\n"
    "  border-bottom: 2px solid; position: relative; }\n"
    ".key { padding: 1px 6px; }\n"
    "mark[data-clipped] { border-bottom-style: dashed; }\n"
    ".text mark:hover { outline: 2px solid #333; }\n"
    ".text mark:hover:not(:has(mark:hover))::after {\n"
    "  content: attr(data-kind) \": \" attr(data-value); position: absolute; left: 0;\n"
    "  top: 100%; z-index: 3; margin-top: 4px; padding: 3px 8px; white-space: pre;\n"
    "  font-size: 13px; background: #222; color: #fff; border-radius: 4px; }\n";

static const char page_body[] = "</style>\n"
                                "</head>\n"
                                "<body>\n"
                                "<header>\n"
                                "<h1>vnextract review</h1>\n";

review *review_open(const char *path, const char *generator)
{
    review *rv = calloc(1, sizeof *rv);
    if (!rv)
        return NULL;
    if (!(rv->f = fopen(path, "w"))) {
        int e = errno;
        free(rv);
        errno = e;
        return NULL;
    }
    FILE *f = rv->f;
    fputs(page_head, f);
    for (int k = 0; k < NKINDS; k++)
        fprintf(f, ".k-%s { background: %s; border-color: %s; }\n", kinds[k].name, kinds[k].fill,
                kinds[k].line);
    fputs(page_body, f);
    if (generator) {
        fputs("<p class=\"generator\">", f);
        put_escaped_str(f, generator);
        fputs("</p>\n", f);
    }
    fputs("<ul class=\"legend\">\n", f);
    for (int k = 0; k < NKINDS; k++)
        fprintf(f, "<li><span class=\"key k-%s\">%s</span></li>\n", kinds[k].name, kinds[k].name);
    fputs("<li class=\"hint\">hover a highlight to see its normalized value</li>\n"
          "</ul>\n</header>\n<main>\n",
          f);
    return rv;
}

// "3 dates · 1 directive · ..." from the record's counts.
static void put_summary(FILE *f, const vnx_result *r, size_t nroles)
{
    const struct {
        size_t n;
        const char *one, *many;
    } counts[] = {
        {vnx_result_date_count(r), "date", "dates"},
        {vnx_result_directive_count(r), "directive", "directives"},
        {vnx_result_official_count(r), "official", "officials"},
        {nroles, "role shown", "roles shown"},
        {vnx_result_tally_count(r), "tally", "tallies"},
        {vnx_result_attendance_count(r), "attendance figure", "attendance figures"},
    };
    fputs("<p class=\"summary\">", f);
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        fprintf(f, "%s%zu %s", i ? " · " : "", counts[i].n,
                counts[i].n == 1 ? counts[i].one : counts[i].many);
    fputs("</p>\n", f);
}

static void put_warnings(FILE *f, const vnx_result *r)
{
    size_t n = vnx_result_warning_count(r);
    if (!n)
        return;
    fputs("<p class=\"warnings\">warnings: ", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs("; ", f);
        put_escaped_str(f, vnx_result_warning(r, i));
    }
    fputs("</p>\n", f);
}

int review_add(review *rv, const char *source, const char *text, size_t len, const vnx_result *res)
{
    marks ms = {0};
    add_dates(&ms, res, len);
    add_directives(&ms, res, len);
    add_officials(&ms, res, text, len);
    add_tallies(&ms, res, len);
    add_attendance(&ms, res, len);
    if (!ms.failed && ms.n) {
        qsort(ms.v, ms.n, sizeof *ms.v, cmp_marks);
        merge_repeats(&ms);
    }
    if (ms.failed) {
        marks_free(&ms);
        errno = ENOMEM;
        return -1;
    }
    size_t nroles = 0;
    for (size_t i = 0; i < ms.n; i++)
        nroles += ms.v[i].kind == K_ROLE;

    FILE *f = rv->f;
    rv->narticles++;
    fprintf(f, "<section class=\"article\" id=\"article-%zu\">\n<h2>", rv->narticles);
    put_escaped_str(f, source ? source : "-");
    fputs("</h2>\n", f);
    put_summary(f, res, nroles);
    put_warnings(f, res);
    fputs("<div class=\"text\">", f);
    put_marked_text(f, text, len, ms.v, ms.n);
    fputs("</div>\n</section>\n", f);
    marks_free(&ms);
    return ferror(f) ? -1 : 0;
}

int review_close(review *rv)
{
    if (!rv)
        return 0;
    fprintf(rv->f,
            "</main>\n<footer><p class=\"summary\" style=\"text-align:center\">%zu %s"
            "</p></footer>\n</body>\n</html>\n",
            rv->narticles, rv->narticles == 1 ? "article" : "articles");
    int failed = ferror(rv->f);
    int e = errno;
    if (fclose(rv->f) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    free(rv);
    if (failed)
        errno = e ? e : EIO;
    return failed ? -1 : 0;
}
