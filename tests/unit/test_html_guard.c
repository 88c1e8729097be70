/**
 * test_html_guard.c: gumbo on a leash (lib/input/html_guard.c). Pages of
 * every ordinary shape reach gumbo unchanged; a page nested deeper than 512
 * or with a tag of 1,000 attributes is cut down to them; tag soups that
 * made Debian's gumbo fail an assertion (and abort the process) parse; the
 * depth of the tree stays bounded on random tag soups; and a page that asks
 * gumbo for memory without end meets its budget (NULL, VNX_ERR_NOMEM).
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "internal.h"

/* ---- helpers ---------------------------------------------------------------- */

// A growing string.
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    while (t->len + (size_t)n + 1 > t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4096;
        t->s = realloc(t->s, t->cap);
        ck_assert_ptr_nonnull(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static void repeat(text *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add(t, "%s", s);
}

// The depth of the deepest node under `root` (iteratively).
static size_t tree_depth(const GumboNode *root)
{
    typedef struct at {
        const GumboNode *node;
        size_t depth;
    } at;
    size_t n = 0, cap = 1024, deepest = 0;
    at *stack = malloc(cap * sizeof *stack);
    stack[n++] = (at){root, 0};
    while (n > 0) {
        at a = stack[--n];
        deepest = a.depth > deepest ? a.depth : deepest;
        const GumboVector *ch = a.node->type == GUMBO_NODE_DOCUMENT ? &a.node->v.document.children
                                : a.node->type == GUMBO_NODE_ELEMENT || a.node->type == GUMBO_NODE_TEMPLATE
                                    ? &a.node->v.element.children
                                    : NULL;
        for (size_t i = 0; ch && i < ch->length; i++) {
            if (n == cap)
                stack = realloc(stack, (cap *= 2) * sizeof *stack);
            stack[n++] = (at){ch->data[i], a.depth + 1};
        }
    }
    free(stack);
    return deepest;
}

// The first element named `tag` under `root`, or NULL.
static const GumboNode *find_element(const GumboNode *root, GumboTag tag)
{
    if (root->type == GUMBO_NODE_ELEMENT && root->v.element.tag == tag)
        return root;
    const GumboVector *ch = root->type == GUMBO_NODE_DOCUMENT ? &root->v.document.children
                            : root->type == GUMBO_NODE_ELEMENT ? &root->v.element.children
                                                               : NULL;
    for (size_t i = 0; ch && i < ch->length; i++) {
        const GumboNode *found = find_element(ch->data[i], tag);
        if (found)
            return found;
    }
    return NULL;
}

// Assert that `html` reaches gumbo as it is.
static void assert_unchanged(const char *html, size_t len, const char *what)
{
    char *out;
    size_t out_len;
    ck_assert_int_eq(vnxp_html_bound(html, len, &out, &out_len), 0);
    ck_assert_msg(out == NULL, "%s: changed (%zu bytes -> %zu)", what, len, out ? out_len : 0);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    char *s = malloc(*len + 1);
    ck_assert_uint_eq(fread(s, 1, *len, f), *len);
    s[*len] = '\0';
    fclose(f);
    return s;
}

// Every .html file of `dir` (relative to patterns/..) unchanged; how many.
static int assert_dir_unchanged(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/../%s", getenv("VNX_PATTERNS_DIR"), dir);
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 5, ".html") != 0)
            continue;
        char file[8192];
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        size_t len;
        char *html = read_file(file, &len);
        ck_assert_ptr_nonnull(html);
        assert_unchanged(html, len, file);
        free(html);
        n++;
    }
    closedir(d);
    return n;
}

/* ---- ordinary pages pass unchanged ---------------------------------------------- */

START_TEST(saved_pages_unchanged)
{
    ck_assert_int_gt(assert_dir_unchanged("tests/fuzz/seeds/html"), 0);
    assert_dir_unchanged("../shared/corpus/html"); // when it is there
}
END_TEST

// Long, sloppy but ordinary markup: unclosed <p>, <li>, <td>, <option>,
// spans left open in divs, formatting misnested, nested tables, inline svg.
START_TEST(sloppy_pages_unchanged)
{
    static const char *const parts[] = {
        "<p>Đoạn văn không đóng ",
        "<div class=post><span style=x>chữ</div>",
        "<ul><li>một<li>hai<li>ba</ul>",
        "<table><tr><td>1<td>2<tr><td>3<td>4</table>",
        "<p><b>đậm <i>nghiêng</b> còn</i> hết</p>",
        "<strong><p>Word dán vào</strong></p>",
        "<select><option>a<option>b</select>",
        "<dl><dt>x<dd>y<dt>z<dd>w</dl>",
        "<table><tr><td><table><tr><td>trong</table></table>",
        "<svg viewBox='0 0 1 1'><path d='M0'/><g><circle r=1/></g></svg>",
        "<h2>Tiêu đề<h3>phụ</h3>",
        "<font face=Arial><p>cũ</font></p>",
        "<form><input name=q><button>Tìm</button></form>",
        "<a href=1>liên kết</a><a href=2>không đóng<a href=3>nữa</a>",
        "<blockquote><p>trích</blockquote>",
    };
    text page = {0};
    add(&page, "<!DOCTYPE html><html><head><title>T</title></head><body>");
    for (int i = 0; i < 2000; i++)
        add(&page, "%s\n", parts[i % (sizeof parts / sizeof *parts)]);
    add(&page, "</body></html>");
    assert_unchanged(page.s, page.len, "a sloppy page of 2,000 parts");
    free(page.s);
}
END_TEST

/* ---- hostile pages are cut down ------------------------------------------------ */

START_TEST(deep_nesting_capped)
{
    text page = {0};
    repeat(&page, "<div>", 100000);
    add(&page, "sâu");
    GumboOutput *doc = vnxp_html_parse(page.s, page.len);
    ck_assert_ptr_nonnull(doc);
    size_t depth = tree_depth(doc->document);
    ck_assert_msg(depth <= VNXP_HTML_MAX_DEPTH + 4, "depth %zu", depth);
    vnxp_html_destroy(doc);
    size_t n;
    vnx_error err;
    char *s = vnx_html_to_text(page.s, page.len, &n, &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "sâu\n");
    vnx_free(s);
    free(page.s);
}
END_TEST

START_TEST(attributes_capped)
{
    text page = {0};
    add(&page, "<p");
    for (int i = 0; i < 1000; i++)
        add(&page, " a%d=\"%d>\"", i, i); // a '>' in a quoted value does not end the tag
    add(&page, ">chữ</p><p b=1 c=2>sau</p>");
    GumboOutput *doc = vnxp_html_parse(page.s, page.len);
    ck_assert_ptr_nonnull(doc);
    const GumboNode *p = find_element(doc->document, GUMBO_TAG_P);
    ck_assert_ptr_nonnull(p);
    const GumboVector *attrs = &p->v.element.attributes;
    ck_assert_uint_eq(attrs->length, VNXP_HTML_MAX_ATTRIBUTES);
    ck_assert_str_eq(((GumboAttribute *)attrs->data[0])->name, "a0");
    ck_assert_str_eq(((GumboAttribute *)attrs->data[attrs->length - 1])->value, "127>");
    vnxp_html_destroy(doc);
    free(page.s);
}
END_TEST

START_TEST(second_body_attributes_dropped)
{
    text page = {0};
    add(&page, "<body class=a>");
    for (int i = 0; i < 20000; i++)
        add(&page, "<body a%d=1>", i);
    add(&page, "chữ");
    GumboOutput *doc = vnxp_html_parse(page.s, page.len);
    ck_assert_ptr_nonnull(doc);
    const GumboNode *body = find_element(doc->document, GUMBO_TAG_BODY);
    ck_assert_uint_eq(body->v.element.attributes.length, 1);
    vnxp_html_destroy(doc);
    free(page.s);
}
END_TEST

/* ---- gumbo's assertions -------------------------------------------------------- */

// Each of these aborted the process in gumbo_parse (Debian's gumbo 0.10.1,
// built with its assertions), found by random tag soups and minimized.
START_TEST(gumbo_assertions_avoided)
{
    static const char *const soups[] = {
        "<table><tr><svg><th><foreignObject><template></template></tbody>",
        "<table><svg><select><foreignObject><select><tr/>",
        "<table><tr><svg><th><foreignObject><select></tbody>",
        "<table><caption><svg><math><mi><th><desc><table></table></table>",
    };
    for (size_t i = 0; i < sizeof soups / sizeof *soups; i++) {
        size_t n;
        vnx_error err;
        char *s = vnx_html_to_text(soups[i], strlen(soups[i]), &n, &err);
        ck_assert_msg(s != NULL, "%s: %s", soups[i], err.message);
        vnx_free(s);
    }
}
END_TEST

// A random tag soup of `ntok` tokens from the first `ntags` names, start
// tags `start` percent of the time.
static void soup(text *t, unsigned seed, size_t ntok, size_t ntags, unsigned start)
{
    static const char *const names[] = {
        "div", "p", "b", "table", "td", "svg", "foreignObject", "select", "tr", "span", "i",
        "a", "th", "tbody", "caption", "colgroup", "col", "option", "math", "mi", "desc",
        "template", "li", "ul", "dd", "h1", "button", "nobr", "font", "form", "title",
        "textarea", "annotation-xml", "object", "rb", "ruby", "frameset", "body", "html",
        "em", "strong", "pre", "noscript", "input", "img", "br", "hr", "g", "path"};
    unsigned long long r = seed * 2654435761u + 1;
    ntags = ntags < sizeof names / sizeof *names ? ntags : sizeof names / sizeof *names;
    for (size_t k = 0; k < ntok; k++) {
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        unsigned x = (unsigned)(r >> 33);
        const char *name = names[(x >> 8) % ntags];
        unsigned roll = x % 100;
        if (roll < start)
            add(t, (x >> 4) % 3 ? "<%s id=%u>" : "<%s>", name, (x >> 12) % 1000);
        else if (roll < start + 4)
            add(t, "<%s/>", name);
        else if (roll < start + 4 + (96 - start) * 2 / 3)
            add(t, "</%s>", name);
        else
            add(t, "x");
    }
}

START_TEST(random_soups_parse_bounded)
{
    static const size_t ntags[] = {8, 10, 14, 20, 30, 49};
    static const unsigned starts[] = {50, 70};
    unsigned seed = 1;
    for (size_t a = 0; a < sizeof ntags / sizeof *ntags; a++)
        for (size_t b = 0; b < sizeof starts / sizeof *starts; b++)
            for (int k = 0; k < 4; k++, seed++) {
                text page = {0};
                soup(&page, seed, 20000, ntags[a], starts[b]);
                GumboOutput *doc = vnxp_html_parse(page.s, page.len);
                ck_assert_msg(doc != NULL, "soup %u: no tree", seed);
                size_t depth = tree_depth(doc->document);
                // gumbo adds a <tbody> and a <tr> to a table: at most twice the model's.
                ck_assert_msg(depth <= 2 * VNXP_HTML_MAX_DEPTH + 8, "soup %u: depth %zu", seed,
                              depth);
                vnxp_html_destroy(doc);
                free(page.s);
            }
}
END_TEST

/* ---- memory ---------------------------------------------------------------------- */

// gumbo reopens every formatting element left open at each paragraph: the
// tree grows with their number times the paragraphs'.
START_TEST(budget_meets_reopening_bomb)
{
    text page = {0};
    for (int i = 0; i < 8000; i++)
        add(&page, "<p><b id=%d>x</p>", i);
    ck_assert_ptr_null(vnxp_html_parse(page.s, page.len));
    size_t n;
    vnx_error err;
    ck_assert_ptr_null(vnx_html_to_text(page.s, page.len, &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_NOMEM);
    free(page.s);
}
END_TEST

START_TEST(destroy_null)
{
    vnxp_html_destroy(NULL);
    GumboOutput *doc = vnxp_html_parse("", 0);
    ck_assert_ptr_nonnull(doc);
    vnxp_html_destroy(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html_guard");
    TCase *ordinary = tcase_create("ordinary");
    tcase_add_test(ordinary, saved_pages_unchanged);
    tcase_add_test(ordinary, sloppy_pages_unchanged);
    suite_add_tcase(s, ordinary);
    TCase *hostile = tcase_create("hostile");
    tcase_set_timeout(hostile, 60);
    tcase_add_test(hostile, deep_nesting_capped);
    tcase_add_test(hostile, attributes_capped);
    tcase_add_test(hostile, second_body_attributes_dropped);
    tcase_add_test(hostile, gumbo_assertions_avoided);
    tcase_add_test(hostile, random_soups_parse_bounded);
    tcase_add_test(hostile, budget_meets_reopening_bomb);
    tcase_add_test(hostile, destroy_null);
    suite_add_tcase(s, hostile);
    return run_suite(s);
}
