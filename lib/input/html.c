/**
 * html.c: the text of an HTML (gumbo) tree or subtree; the parse is html_guard.c's.
 *
 * Entities come decoded from the parser. What is never read is dropped: the
 * head, scripts, styles, templates, forms, navigation, widgets; the whole
 * page's text (vnx_html_to_text) also drops sections whose id or class
 * names comments, menus or sharing buttons (the reader view, readable.c,
 * weighs such names instead). Block elements and <br> end a line; a table
 * cell ends a word (a tab) and a row a line, so the figures of a table stay
 * apart; inline elements (<b>, <span>, <a>) join their text without a
 * break, so a word split by tags stays whole. Runs of white space inside
 * text collapse to one space, as a browser shows them (except in <pre>).
 *
 * The walk is iterative: deeply nested pages do not grow the C stack.
 *
 * SPDX-License-Identifier: MIT
 */
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/page.h"
#include "internal.h"

// Words that, first in an id or class name ("comments-area", "menu_top",
// "sidebar"), mark a section as page furniture. A name that only ends with
// one ("has-sidebar") does not: that is often the article's own wrapper.
static const char *const FURNITURE[] = {"comment", "comments", "respond", "reply", "menu",
                                        "navbar", "navigation", "breadcrumb", "breadcrumbs",
                                        "share", "sharing", "social", "sidebar"};
int vnxp_html_dropped_tag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_NAV: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
        return 1;
    default:
        return 0;
    }
}

int vnxp_html_block_tag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL:
        return 1;
    default:
        return 0;
    }
}

static int is_furniture_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof FURNITURE / sizeof *FURNITURE; i++)
        if (strlen(FURNITURE[i]) == n && strncasecmp(w, FURNITURE[i], n) == 0)
            return 1;
    return 0;
}

// Whether an id or class attribute names furniture: some name in it, up to
// its first '-' or '_', is a furniture word.
static int names_furniture(const GumboAttribute *attr)
{
    if (!attr)
        return 0;
    for (const char *p = attr->value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t first = strcspn(p, " \t\n-_");
        if (first > 0 && is_furniture_word(p, first))
            return 1;
        p += strcspn(p, " \t\n");
    }
    return 0;
}

// The page's own containers are never dropped for their class.
static int is_container_tag(GumboTag tag)
{
    return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
           tag == GUMBO_TAG_ARTICLE;
}

// The whole page's rule: what is never read, and furniture by its name.
static int is_dropped(void *ctx, const GumboNode *node)
{
    (void)ctx;
    const GumboElement *e = &node->v.element;
    if (vnxp_html_dropped_tag(e->tag))
        return 1;
    return !is_container_tag(e->tag) &&
           (names_furniture(gumbo_get_attribute(&e->attributes, "id")) ||
            names_furniture(gumbo_get_attribute(&e->attributes, "class")));
}

/* The text being built: `pending_space` and `pending_break` hold white space
 * until the next visible character, so that no line starts or ends with a
 * space and blank lines do not pile up. */
typedef struct text_out {
    vnxp_buf buf;
    int pending_space;
    int pending_break;
    int pending_cell;  // a table cell ended: a tab before the next character
    int pre_depth; // inside how many <pre> elements
    int nomem;
} text_out;

static void put(text_out *t, const char *s, size_t n)
{
    if (t->pending_break && t->buf.len > 0)
        t->nomem |= vnxp_buf_addc(&t->buf, '\n');
    else if (t->pending_cell && t->buf.len > 0 && t->buf.s[t->buf.len - 1] != '\n')
        t->nomem |= vnxp_buf_addc(&t->buf, '\t');
    else if (t->pending_space && t->buf.len > 0 && t->buf.s[t->buf.len - 1] != '\n')
        t->nomem |= vnxp_buf_addc(&t->buf, ' ');
    t->pending_break = t->pending_space = t->pending_cell = 0;
    t->nomem |= vnxp_buf_add(&t->buf, s, n);
}

static int is_html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Text as a browser shows it: white space runs made one space.
static void put_text(text_out *t, const char *s, int preformatted)
{
    if (preformatted) {
        put(t, s, strlen(s));
        return;
    }
    while (*s) {
        if (is_html_space(*s)) {
            t->pending_space = 1;
            s++;
            continue;
        }
        size_t n = 0;
        while (s[n] && !is_html_space(s[n]))
            n++;
        put(t, s, n);
        s += n;
    }
}

/* One step of the walk: a node to enter, or the end of an element to leave. */
typedef struct step {
    const GumboNode *node;
    int leaving;
} step;

typedef struct walk {
    step *items;
    size_t n, cap;
} walk;

static int push(walk *w, const GumboNode *node, int leaving)
{
    if (vnxp_grow((void **)&w->items, &w->cap, w->n + 1, sizeof *w->items))
        return -1;
    w->items[w->n++] = (step){node, leaving};
    return 0;
}

static int is_cell_tag(GumboTag tag)
{
    return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
}

// Enter an element: mark a break for blocks, queue its end and its children.
static int enter_element(walk *w, text_out *t, const GumboNode *node, vnxp_html_skip skip,
                         void *ctx)
{
    const GumboElement *e = &node->v.element;
    if (skip(ctx, node))
        return 0;
    if (vnxp_html_block_tag(e->tag))
        t->pending_break = 1;
    else if (is_cell_tag(e->tag))
        t->pending_cell = 1;
    t->pre_depth += e->tag == GUMBO_TAG_PRE;
    if (push(w, node, 1))
        return -1;
    for (size_t i = e->children.length; i-- > 0;)
        if (push(w, e->children.data[i], 0))
            return -1;
    return 0;
}

static int walk_tree(const GumboNode *root, text_out *t, vnxp_html_skip skip, void *ctx)
{
    walk w = {0};
    int rc = push(&w, root, 0);
    while (rc == 0 && w.n > 0 && !t->nomem) {
        step s = w.items[--w.n];
        const GumboNode *node = s.node;
        if (s.leaving) {
            if (vnxp_html_block_tag(node->v.element.tag))
                t->pending_break = 1;
            else if (is_cell_tag(node->v.element.tag))
                t->pending_cell = 1;
            t->pre_depth -= node->v.element.tag == GUMBO_TAG_PRE;
        } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE ||
                   node->type == GUMBO_NODE_DOCUMENT) {
            if (node->type == GUMBO_NODE_DOCUMENT) {
                const GumboVector *ch = &node->v.document.children;
                for (size_t i = ch->length; rc == 0 && i-- > 0;)
                    rc = push(&w, ch->data[i], 0);
            } else {
                rc = enter_element(&w, t, node, skip, ctx);
            }
        } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            put_text(t, node->v.text.text, t->pre_depth > 0);
        } else if (node->type == GUMBO_NODE_WHITESPACE) {
            if (t->pre_depth > 0)
                put(t, node->v.text.text, strlen(node->v.text.text));
            else
                t->pending_space = 1;
        }
    }
    free(w.items);
    return rc || t->nomem ? -1 : 0;
}

int vnxp_html_render(const GumboNode *root, vnxp_html_skip skip, void *ctx, vnxp_buf *out)
{
    text_out t = {.buf = *out};
    // Text already there is ended by a line break before this subtree's.
    t.pending_break = out->len > 0;
    int rc = walk_tree(root, &t, skip, ctx);
    *out = t.buf;
    return rc;
}

char *vnx_html_to_text(const char *html, size_t len, size_t *out_len, vnx_error *err)
{
    vnxp_error_clear(err);
    if ((!html && len > 0) || !out_len) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_html_to_text: NULL argument");
        return NULL;
    }
    GumboOutput *doc = vnxp_html_parse(html, len);
    if (!doc) {
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    text_out t = {0};
    int rc = walk_tree(doc->document, &t, is_dropped, NULL);
    vnxp_html_destroy(doc);
    if (rc == 0 && vnxp_buf_add(&t.buf, "\n", 1) == 0) {
        *out_len = t.buf.len;
        t.buf.s[t.buf.len] = '\0'; // vnxp_buf keeps room for a NUL
        return t.buf.s;
    }
    vnxp_buf_free(&t.buf);
    vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return NULL;
}
