/**
 * readable.c: the article of a saved page, read the way a reader view
 * reads it.
 *
 * The page's elements are laid out once, in document order, with the text
 * each holds, the part of it inside links, and its commas. Runs of inline
 * text of 25 characters or more are paragraphs; each scores (one point,
 * a point a comma, a point a hundred characters) for the block that holds
 * it, half for the block above, less further up. A block starts from the
 * weights of its tag and of the words of its class and id (lexicon
 * "html_weights": article, content, detail... up; menu, sidebar, related...
 * down), and ends multiplied by the share of its text that is not links.
 * The best block is the article, with the siblings that score near it or
 * are prose (the lead, captions, the byline). Inside it, blocks made mostly
 * of links (related news, tags, "Xem thêm" boxes), blocks whose weight is
 * below zero with little prose, and datelines are left out.
 *
 * The headline is the <h1> (else <h2>) that reads most like the page's
 * og:title or <title> and stands nearest the article; else og:title; else
 * <title> without the site's name. It opens the text. The publication
 * date is the page's metadata, else a <time datetime>, else the dateline
 * nearest the headline (datelines are `published`, not text: the text is
 * the article). A page whose best block is a list of teasers with no
 * prose is a listing page.
 *
 * Every pass is linear in the number of elements; the walks are iterative.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/page.h"

enum { MAX_WEIGHT_WORDS = 160, ANCESTOR_LEVELS = 5, HEADLINE_MAX_CHARS = 300 };

/* ---- weights ------------------------------------------------------------ */

typedef struct weight {
    char name[32];
    int value;
} weight;

typedef struct weights {
    weight hints[MAX_WEIGHT_WORDS];
    size_t nhints;
    int tags[GUMBO_TAG_LAST + 1];       // a candidate's start
    int inner_tags[GUMBO_TAG_LAST + 1]; // a block's inside the article
    // knobs
    int min_paragraph, chars_per_point, paragraph_length_points;
    int sibling_share, sibling_min_score, sibling_prose, sibling_link_density;
    int inner_commas, inner_link_density, inner_link_density_named, inner_min_weight;
    int listing_teasers, teaser_chars, listing_min_prose, rival_share, listing_rivals;
} weights;

static const struct knob {
    const char *name;
    size_t offset;
    int fallback;
} KNOBS[] = {
#define KNOB(f, v) {#f, offsetof(weights, f), v}
    KNOB(min_paragraph, 25),        KNOB(chars_per_point, 100),
    KNOB(paragraph_length_points, 3), KNOB(sibling_share, 20),
    KNOB(sibling_min_score, 10),    KNOB(sibling_prose, 80),
    KNOB(sibling_link_density, 25), KNOB(inner_commas, 10),
    KNOB(inner_link_density, 33),   KNOB(inner_link_density_named, 55),
    KNOB(inner_min_weight, 0),      KNOB(listing_teasers, 8),
    KNOB(teaser_chars, 25),         KNOB(listing_min_prose, 100),
    KNOB(rival_share, 50),          KNOB(listing_rivals, 5),
#undef KNOB
};

static int hint_cmp(const void *a, const void *b)
{
    return strcmp(((const weight *)a)->name, ((const weight *)b)->name);
}

// "tag div = 5": the tag's weight.
static void set_tag(int *tags, const char *name, int value)
{
    GumboTag tag = gumbo_tag_enum(name);
    if (tag != GUMBO_TAG_UNKNOWN)
        tags[tag] = value;
}

static void set_knob(weights *w, const char *name, int value)
{
    for (size_t i = 0; i < sizeof KNOBS / sizeof *KNOBS; i++)
        if (strcmp(KNOBS[i].name, name) == 0)
            *(int *)((char *)w + KNOBS[i].offset) = value;
}

static void load_weights(const vnxp_patterns *ps, weights *w)
{
    memset(w, 0, sizeof *w);
    for (size_t i = 0; i < sizeof KNOBS / sizeof *KNOBS; i++)
        *(int *)((char *)w + KNOBS[i].offset) = KNOBS[i].fallback;
    const vnxp_lexicon *lx = ps ? vnxp_lexicon_find(ps, "html_weights") : NULL;
    for (size_t i = 0; lx && i < lx->n; i++) {
        const char *key = lx->entries[i].key, *sp = strchr(key, ' ');
        if (!sp || strlen(sp + 1) >= sizeof w->hints[0].name)
            continue;
        int value = atoi(lx->entries[i].value);
        if (strncmp(key, "hint ", 5) == 0 && w->nhints < MAX_WEIGHT_WORDS) {
            strcpy(w->hints[w->nhints].name, sp + 1);
            w->hints[w->nhints++].value = value;
        } else if (strncmp(key, "tag ", 4) == 0) {
            set_tag(w->tags, sp + 1, value);
        } else if (strncmp(key, "inner ", 6) == 0) {
            set_tag(w->inner_tags, sp + 1, value);
        } else if (strncmp(key, "knob ", 5) == 0) {
            set_knob(w, sp + 1, value);
        }
    }
    qsort(w->hints, w->nhints, sizeof *w->hints, hint_cmp);
}

static int hint_of(const weights *w, const char *word, size_t n)
{
    weight key;
    if (n == 0 || n >= sizeof key.name)
        return 0;
    for (size_t i = 0; i < n; i++)
        key.name[i] = (char)((word[i] >= 'A' && word[i] <= 'Z') ? word[i] + 32 : word[i]);
    key.name[n] = '\0';
    const weight *hit = bsearch(&key, w->hints, w->nhints, sizeof *w->hints, hint_cmp);
    return hit ? hit->value : 0;
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The words of a class or id: split at non-letters and at a capital after a
 * small letter ("articleBody" is "article" and "body"). Two neighbouring
 * words also count as one ("chi-tiet", "chiTiet": "chitiet"). Each word
 * weighs once per attribute. */
static int words_weight(const weights *w, const char *s, int *furniture)
{
    int total = 0;
    size_t prev_start = 0, prev_len = 0;
    char joined[64];
    for (size_t i = 0; s[i];) {
        if (!is_alnum(s[i])) {
            i++;
            if (s[i - 1] == ' ')
                prev_len = 0; // a new class name: no joining across it
            continue;
        }
        size_t start = i++;
        while (s[i] && is_alnum(s[i]) &&
               !(s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z'))
            i++;
        size_t len = i - start;
        int h = hint_of(w, s + start, len);
        if (prev_len && prev_len + len < sizeof joined) {
            memcpy(joined, s + prev_start, prev_len);
            memcpy(joined + prev_len, s + start, len);
            h += hint_of(w, joined, prev_len + len);
        }
        total += h;
        *furniture |= h < 0;
        prev_start = start;
        prev_len = len;
    }
    return total;
}

enum { HINT_CAP = 50 };

static int element_weight(const weights *w, const GumboElement *e, unsigned char *furniture)
{
    int total = 0, named = 0;
    static const char *const attrs[] = {"class", "id"};
    for (size_t i = 0; i < 2; i++) {
        const GumboAttribute *a = gumbo_get_attribute(&e->attributes, attrs[i]);
        if (a)
            total += words_weight(w, a->value, &named);
    }
    *furniture = (unsigned char)named;
    // Many words of one kind (a class list of ten furniture names) weigh
    // no more than two.
    return total > HINT_CAP ? HINT_CAP : total < -HINT_CAP ? -HINT_CAP : total;
}

/* ---- the page laid out --------------------------------------------------- */

typedef struct rnode {
    const GumboNode *g;
    int parent;          // -1 for the first
    int end;             // one past the last node of its subtree
    int block;           // the nearest block element: itself, or above
    int weight;          // tag and class/id weights
    float score;         // as a candidate for the article
    unsigned chars;      // text characters in its subtree
    unsigned link_chars; // of them, inside links
    unsigned commas;
    unsigned digits;
    unsigned own_chars, own_link_chars, own_commas; // inline text it holds as a paragraph
    unsigned teasers;    // links of teaser length in its subtree
    unsigned char scored, has_block_child, in_link, left_out;
    unsigned char furniture; // a word of its class or id names furniture
} rnode;

typedef struct layout {
    rnode *nodes;
    size_t n, cap;
    vnxp_page_meta meta;
    int body; // index of <body>, or 0
} layout;

/* The blocks of the layout: those that end a line of text, but <br> and
 * <hr> (a line break inside a paragraph is still the paragraph), and the
 * blocks the text's walk leaves out or reads as cells. */
static int is_block(GumboTag tag)
{
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR)
        return 0;
    return vnxp_html_block_tag(tag) || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ||
           tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_HTML;
}

// Elements a reader never sees: the hidden attribute, display:none or
// visibility:hidden in the style attribute, aria-hidden.
static int is_hidden(const GumboElement *e)
{
    if (gumbo_get_attribute(&e->attributes, "hidden"))
        return 1;
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "aria-hidden");
    if (a && strcasecmp(a->value, "true") == 0)
        return 1;
    a = gumbo_get_attribute(&e->attributes, "style");
    if (!a)
        return 0;
    char squeezed[256];
    size_t n = 0;
    for (const char *p = a->value; *p && n + 1 < sizeof squeezed; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            squeezed[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    squeezed[n] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* Elements never read: those the whole page's text drops, but <form> and
 * <nav>. ASP.NET pages (many school and government portals) wrap the whole
 * page in one <form>; a <nav> is weighed as furniture (html_weights), not
 * dropped unseen. Their controls (<input>, <select>, <button>) are dropped. */
static int is_unread(const GumboElement *e)
{
    if (e->tag == GUMBO_TAG_FORM || e->tag == GUMBO_TAG_NAV)
        return is_hidden(e);
    return vnxp_html_dropped_tag(e->tag) || is_hidden(e);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Count a text node's characters (white space runs as one), commas and digits.
static void count_text(const char *s, unsigned *chars, unsigned *commas, unsigned *digits)
{
    int in_space = 1;
    for (; *s; s++) {
        if (is_space(*s)) {
            *chars += !in_space;
            in_space = 1;
            continue;
        }
        in_space = 0;
        *chars += ((unsigned char)*s & 0xC0) != 0x80;
        *commas += *s == ',';
        *digits += *s >= '0' && *s <= '9';
    }
}

typedef struct pending {
    const GumboNode *g;
    int parent; // index in the layout, or -1
    int unread; // inside an element never read
} pending;

static int add_node(layout *l, const weights *w, const GumboNode *g, int parent)
{
    if (vnxp_grow((void **)&l->nodes, &l->cap, l->n + 1, sizeof *l->nodes))
        return -1;
    const GumboElement *e = &g->v.element;
    int i = (int)l->n++;
    rnode *r = &l->nodes[i];
    memset(r, 0, sizeof *r);
    r->g = g;
    r->parent = parent;
    r->end = i + 1;
    r->weight = element_weight(w, e, &r->furniture);
    r->in_link = e->tag == GUMBO_TAG_A || (parent >= 0 && l->nodes[parent].in_link);
    r->block = is_block(e->tag) || parent < 0 ? i : l->nodes[parent].block;
    if (is_block(e->tag) && parent >= 0)
        l->nodes[parent].has_block_child = 1;
    if (e->tag == GUMBO_TAG_BODY && !l->body)
        l->body = i;
    return i;
}

static void add_text(layout *l, int at, const char *s)
{
    if (at < 0)
        return;
    rnode *r = &l->nodes[at];
    unsigned chars = 0, commas = 0, digits = 0;
    count_text(s, &chars, &commas, &digits);
    r->chars += chars;
    r->commas += commas;
    r->digits += digits;
    if (r->in_link)
        r->link_chars += chars;
    rnode *b = &l->nodes[r->block];
    b->own_chars += chars;
    b->own_commas += commas;
    if (r->in_link)
        b->own_link_chars += chars;
}

static int push_children(pending **stack, size_t *n, size_t *cap, const GumboVector *children,
                         int parent, int unread)
{
    if (vnxp_grow((void **)stack, cap, *n + children->length, sizeof **stack))
        return -1;
    for (size_t i = children->length; i-- > 0;)
        (*stack)[(*n)++] = (pending){children->data[i], parent, unread};
    return 0;
}

// Lay the page out in document order (one pass, iterative), reading the
// <head>'s metadata on the way; then sum each subtree into its root.
static int lay_out(const GumboOutput *doc, const weights *w, layout *l)
{
    pending *stack = NULL;
    size_t n = 0, cap = 0;
    int rc = push_children(&stack, &n, &cap, &doc->document->v.document.children, -1, 0);
    while (rc == 0 && n > 0) {
        pending p = stack[--n];
        const GumboNode *g = p.g;
        if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement *e = &g->v.element;
            vnxp_page_meta_element(e, &l->meta);
            int unread = p.unread || is_unread(e);
            int at = p.parent;
            if (!unread && (at = add_node(l, w, g, p.parent)) < 0)
                rc = -1;
            else
                rc = push_children(&stack, &n, &cap, &e->children, at, unread);
        } else if (!p.unread && (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA)) {
            add_text(l, p.parent, g->v.text.text);
        }
    }
    free(stack);
    if (rc)
        return -1;
    for (size_t i = l->n; i-- > 1;) {
        rnode *r = &l->nodes[i];
        // Its subtree is summed: a link of a teaser's length is one.
        r->teasers += r->g->v.element.tag == GUMBO_TAG_A && r->chars >= (unsigned)w->teaser_chars;
        if (r->parent < 0)
            continue;
        rnode *up = &l->nodes[r->parent];
        up->chars += r->chars;
        up->link_chars += r->link_chars;
        up->commas += r->commas;
        up->digits += r->digits;
        up->teasers += r->teasers;
        if (r->end > up->end)
            up->end = r->end;
    }
    return 0;
}

/* ---- scoring -------------------------------------------------------------- */

static float link_density(const rnode *r)
{
    return r->chars ? (float)r->link_chars / (float)r->chars : 0;
}

static void add_score(rnode *r, const weights *w, float points)
{
    if (!r->scored) {
        r->scored = 1;
        r->score = (float)(r->weight + w->tags[r->g->v.element.tag]);
    }
    r->score += points;
}

// Each paragraph scores for the block that holds it and, less, for the
// blocks above: a text block's container is the article, not the <p>.
static void score_paragraphs(layout *l, const weights *w)
{
    for (size_t i = 0; i < l->n; i++) {
        rnode *r = &l->nodes[i];
        if (r->block != (int)i || r->own_chars < (unsigned)w->min_paragraph)
            continue;
        unsigned length_points = r->own_chars / (unsigned)(w->chars_per_point > 0 ? w->chars_per_point : 100);
        if (length_points > (unsigned)w->paragraph_length_points)
            length_points = (unsigned)w->paragraph_length_points;
        float points = 1.0f + (float)r->own_commas + (float)length_points;
        // A paragraph that is a link (a teaser's headline) is not prose.
        points *= 1.0f - (float)r->own_link_chars / (float)r->own_chars;
        // Text beside block children is a paragraph of this block itself.
        int at = r->has_block_child ? (int)i : r->parent;
        for (int level = 0; at >= 0 && level < ANCESTOR_LEVELS; level++) {
            float share = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            add_score(&l->nodes[at], w, points / share);
            at = l->nodes[at].parent;
        }
    }
    for (size_t i = 0; i < l->n; i++)
        if (l->nodes[i].scored)
            l->nodes[i].score *= 1.0f - link_density(&l->nodes[i]);
}

static int best_block(const layout *l)
{
    int best = -1;
    for (size_t i = 0; i < l->n; i++) {
        const rnode *r = &l->nodes[i];
        GumboTag tag = r->g->v.element.tag;
        if (r->scored && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY &&
            (best < 0 || r->score > l->nodes[best].score))
            best = (int)i;
    }
    return best;
}

// Readability's step up: a parent that scores more than the best block
// holds more of the article (a body split in several blocks).
static int step_up(const layout *l, int top)
{
    float last = l->nodes[top].score, threshold = last / 3;
    for (int p = l->nodes[top].parent; p >= 0 && p != l->body; p = l->nodes[p].parent) {
        const rnode *r = &l->nodes[p];
        if (!r->scored)
            continue;
        if (r->score < threshold)
            break;
        if (r->score > last)
            return p;
        last = r->score;
    }
    // A block alone in its parent is its parent.
    while (l->nodes[top].parent >= 0 && l->nodes[top].parent != l->body) {
        int p = l->nodes[top].parent, children = 0;
        for (int j = p + 1; j < l->nodes[p].end; j = l->nodes[j].end)
            children++;
        if (children != 1)
            break;
        top = p;
    }
    return top;
}

static const char *class_of(const rnode *r)
{
    const GumboAttribute *a = gumbo_get_attribute(&r->g->v.element.attributes, "class");
    return a && a->value[0] ? a->value : NULL;
}

// Mark `top` and the siblings that belong with it as the article's roots.
static void choose_roots(layout *l, const weights *w, int top, unsigned char *root)
{
    root[top] = 1;
    int p = l->nodes[top].parent;
    if (p < 0)
        return;
    const rnode *t = &l->nodes[top];
    float threshold = t->score * (float)w->sibling_share / 100.0f;
    if (threshold < (float)w->sibling_min_score)
        threshold = (float)w->sibling_min_score;
    const char *top_class = class_of(t);
    for (int j = p + 1; j < l->nodes[p].end; j = l->nodes[j].end) {
        const rnode *s = &l->nodes[j];
        if (j == top)
            continue;
        const char *cls = class_of(s);
        float bonus = top_class && cls && strcmp(top_class, cls) == 0 ? t->score * 0.2f : 0;
        int joins = s->scored && s->score + bonus >= threshold;
        if (!joins && !s->has_block_child && s->chars >= (unsigned)w->sibling_prose &&
            link_density(s) * 100 <= (float)w->sibling_link_density)
            joins = 1;
        root[j] = (unsigned char)joins;
    }
}

/* ---- inside the article ------------------------------------------------------ */

// Blocks Readability cleans "conditionally": judged by links and weight.
static int is_judged(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FORM: case GUMBO_TAG_DL: case GUMBO_TAG_P:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_FIGURE: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_ARTICLE:
        return 1;
    default:
        return 0;
    }
}

/* Whether the best block is the article's text itself: most of its text
 * is in paragraphs that are its own children (not in containers of
 * containers, as when the best block is a page's layout table). */
static int is_text_flow(const layout *l, int top)
{
    const rnode *t = &l->nodes[top];
    unsigned in_paragraphs = t->own_chars;
    for (int j = top + 1; j < t->end; j = l->nodes[j].end)
        if (!l->nodes[j].has_block_child)
            in_paragraphs += l->nodes[j].chars;
    return t->chars && in_paragraphs * 10 >= t->chars * 6;
}

/* Whether a block inside the article is left out: its weight (class words
 * and inner tag weights) below zero (a block named "related", "tags", "share" without prose, a
 * <nav> or an <aside>), or mostly links with few commas. In the flow of
 * an article's text (under a best block that is mostly its own
 * paragraphs), only a block with a furniture word in its names ("tags",
 * "share") is judged by its links: a "see also" box the editor put among
 * the paragraphs is part of the article as the site publishes it. */
static int left_out_inside(const layout *l, int i, int flow_top, const weights *w)
{
    const rnode *r = &l->nodes[i];
    GumboTag tag = r->g->v.element.tag;
    if (!is_judged(tag) || r->chars == 0)
        return 0;
    if (r->weight + w->inner_tags[tag] < w->inner_min_weight)
        return 1;
    // In the flow of the text, links alone do not make furniture: a name must say so.
    int in_flow = flow_top >= 0 && i > flow_top && i < l->nodes[flow_top].end;
    if (r->commas >= (unsigned)w->inner_commas || (in_flow && !r->furniture))
        return 0;
    int limit = r->weight >= 25 ? w->inner_link_density_named : w->inner_link_density;
    return link_density(r) * 100 > (float)limit;
}

/* ---- the text ---------------------------------------------------------------- */

typedef struct render_ctx {
    const layout *l;
    const GumboNode **left_out; // sorted
    size_t n;
} render_ctx;

static int ptr_cmp(const void *a, const void *b)
{
    const GumboNode *x = *(const GumboNode *const *)a, *y = *(const GumboNode *const *)b;
    return x < y ? -1 : x > y;
}

static int skip_node(void *ctx, const GumboNode *node)
{
    const render_ctx *rc = ctx;
    if (is_unread(&node->v.element))
        return 1;
    return rc->n && bsearch(&node, rc->left_out, rc->n, sizeof *rc->left_out, ptr_cmp) != NULL;
}

// The text of node i alone (for headlines and datelines), whitespace collapsed.
static int node_text(const layout *l, int i, vnxp_buf *out)
{
    render_ctx rc = {l, NULL, 0};
    out->len = 0;
    if (vnxp_html_render(l->nodes[i].g, skip_node, &rc, out))
        return -1;
    for (size_t k = 0; k < out->len; k++)
        if (out->s[k] == '\n' || out->s[k] == '\t')
            out->s[k] = ' ';
    return 0;
}

/* ---- headline ---------------------------------------------------------------- */

// The share of the words of `a` that `b` holds too (ASCII case folded).
static float word_overlap(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    int words = 0, shared = 0;
    size_t blen = strlen(b);
    for (const char *p = a; *p;) {
        while (*p && (is_space(*p) || strchr(",.:;-|–\"'“”()", *p)))
            p++;
        size_t n = 0;
        while (p[n] && !is_space(p[n]) && !strchr(",.:;|\"'“”()", p[n]))
            n++;
        if (n == 0)
            break;
        words++;
        for (size_t k = 0; k + n <= blen; k++) {
            int word_start = k == 0 || is_space(b[k - 1]) || strchr("\"'(", b[k - 1]);
            if (word_start && strncasecmp(b + k, p, n) == 0 &&
                (k + n == blen || !is_alnum(b[k + n]))) {
                shared++;
                break;
            }
        }
        p += n;
    }
    return words ? (float)shared / (float)words : 0;
}

// <title> without the site's name: the longest part between " - ", " | ",
// " – " (the site's name is the short one, at either end).
static char *title_without_site(const char *title)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " / "};
    const char *best = title;
    size_t best_len = strlen(title);
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        const char *sep = strstr(title, seps[k]);
        if (!sep)
            continue;
        // The part before the first separator, or after the last one.
        const char *last = sep, *next;
        while ((next = strstr(last + 1, seps[k])))
            last = next;
        size_t head = (size_t)(sep - title), tail = strlen(last + strlen(seps[k]));
        if (head >= tail) {
            best = title;
            best_len = head;
        } else {
            best = last + strlen(seps[k]);
            best_len = tail;
        }
        break;
    }
    while (best_len && is_space(*best)) {
        best++;
        best_len--;
    }
    while (best_len && is_space(best[best_len - 1]))
        best_len--;
    return vnxp_strndup(best, best_len);
}

typedef struct headline {
    int node; // -1: none in the page's body
    char *text;
} headline;

static size_t count_chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

// How much two titles read alike: the smaller of the shares of each one's
// words that the other holds.
static float alike(const char *a, const char *b)
{
    float x = word_overlap(a, b), y = word_overlap(b, a);
    return x < y ? x : y;
}

/* Weigh the page's <h1>s and <h2>s, and the short blocks that read like
 * the page's og:title or <title> (without the site's name): sites set
 * headlines in a <div> too. A candidate gains by reading like those
 * titles, by standing near before the article (or in it), by being an
 * <h1>; it loses by being a link (teasers of this very article in a
 * "most read" box are links). */
static int find_headline(const layout *l, int top, const char *page_title, headline *h)
{
    h->node = -1;
    h->text = NULL;
    vnxp_buf t = {0};
    float best = 0;
    size_t og = count_chars(l->meta.og_title), pt = count_chars(page_title);
    size_t ref = og > pt ? og : pt;
    // Headings first, then other blocks; a block whose text is read is not
    // read again in its parts (nested wrappers cost their size once).
    for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0, read_until = 0; i < l->n; i++) {
        const rnode *r = &l->nodes[i];
        GumboTag tag = r->g->v.element.tag;
        int heading = tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2;
        int near_ref = ref && r->chars * 2 >= ref && r->chars <= ref * 2;
        if (i < read_until || heading != (pass == 0) || r->chars < 4 ||
            r->chars > HEADLINE_MAX_CHARS || (!heading && !near_ref) ||
            (!heading && r->has_block_child))
            continue;
        read_until = (size_t)r->end;
        if (node_text(l, (int)i, &t)) {
            vnxp_buf_free(&t);
            return -1;
        }
        float like = alike(t.s, l->meta.og_title), like_title = alike(t.s, page_title);
        if (like_title > like)
            like = like_title;
        if (!heading && like < 0.7f)
            continue;
        const rnode *tp = &l->nodes[top];
        int inside = (int)i > top && (int)i < tp->end;
        // Before the article, nearer is better: count the elements between.
        int before = (int)i < top ? top - (int)i : -1;
        float where = inside ? 1.0f : before >= 0 ? 1.0f / (1.0f + (float)before / 50.0f) : 0.2f;
        float score = 2.0f * like + where + (tag == GUMBO_TAG_H1 ? 0.5f : heading ? 0.2f : 0) -
                      (r->in_link ? 1.0f : link_density(r) * 0.5f) + (r->chars >= 20 ? 0.3f : 0);
        if (score > best) {
            best = score;
            h->node = (int)i;
            free(h->text);
            if (!(h->text = vnxp_strndup(t.s, t.len))) {
                vnxp_buf_free(&t);
                return -1;
            }
        }
    }
    vnxp_buf_free(&t);
    // A heading that reads like nothing the page says of itself and stands
    // far from the article is a section label, not the headline.
    if (h->node >= 0 && best < 1.2f) {
        h->node = -1;
        free(h->text);
        h->text = NULL;
    }
    return 0;
}

/* ---- published ------------------------------------------------------------------ */

// A block short enough, with digits enough, to be a dateline.
static int may_be_dateline(const rnode *r)
{
    return r->digits >= 6 && r->chars <= 120 && !r->has_block_child;
}

// Whether node i's text is its parent's, which is read already: nested
// wrappers of one text are read once, not once per level.
static int same_as_parent(const layout *l, const rnode *r)
{
    return r->parent >= 0 && l->nodes[r->parent].chars == r->chars &&
           may_be_dateline(&l->nodes[r->parent]);
}

/* The page's own date where its metadata gives none: the first <time
 * datetime>, else the dateline nearest the headline (a short block that
 * is a date and a time, not in a link), looked for from the headline (or
 * the article, if it comes first) to the article's end: a clock in the
 * page's header or a teaser's date in a sidebar is not the article's. */
static int find_dateline(const layout *l, int from, int to, int near, vnxp_day *day,
                         int *dateline, vnx_error *err)
{
    *dateline = -1;
    vnxp_buf t = {0};
    int best_dist = -1;
    for (int i = from; i < to; i++) {
        const rnode *r = &l->nodes[i];
        const GumboElement *e = &r->g->v.element;
        if (e->tag == GUMBO_TAG_TIME && !day->value[0]) {
            const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "datetime");
            if (a && vnxp_find_day(a->value, strlen(a->value), day))
                continue;
        }
        if (!may_be_dateline(r) || same_as_parent(l, r) || r->in_link)
            continue;
        if (node_text(l, i, &t)) {
            vnxp_buf_free(&t);
            return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        }
        if (!vnxp_is_dateline(t.s, t.len))
            continue;
        int dist = i > near ? i - near : near - i;
        if (best_dist < 0 || dist < best_dist) {
            best_dist = dist;
            *dateline = i;
        }
    }
    vnxp_day found;
    int rc = VNX_OK;
    if (!day->value[0] && *dateline >= 0) {
        if (node_text(l, *dateline, &t)) // (not a page without a date)
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        else if (vnxp_find_day(t.s, t.len, &found))
            *day = found;
    }
    vnxp_buf_free(&t);
    return rc;
}

/* ---- the article ------------------------------------------------------------------ */

static int collect_left_out(layout *l, const weights *w, const unsigned char *root, int top,
                            int title_node, int dateline, render_ctx *rc)
{
    int flow_top = is_text_flow(l, top) ? top : -1;
    size_t cap = 0;
    for (size_t i = 0; i < l->n; i++) {
        rnode *r = &l->nodes[i];
        r->left_out = !root[i] && ((int)i == title_node || (int)i == dateline ||
                                   left_out_inside(l, (int)i, flow_top, w));
        if (r->left_out) {
            if (vnxp_grow((void **)&rc->left_out, &cap, rc->n + 1, sizeof *rc->left_out))
                return -1;
            rc->left_out[rc->n++] = r->g;
        }
    }
    if (rc->n > 1)
        qsort(rc->left_out, rc->n, sizeof *rc->left_out, ptr_cmp);
    return 0;
}

// Datelines inside the article are left out too: the date is `published`.
static int leave_out_datelines(layout *l, const unsigned char *root, render_ctx *rc,
                               size_t *cap)
{
    vnxp_buf t = {0};
    int rcode = 0;
    for (size_t i = 0; i < l->n && rcode == 0; i++) {
        rnode *r = &l->nodes[i];
        if (root[i] || r->left_out || !may_be_dateline(r) || same_as_parent(l, r))
            continue;
        if (node_text(l, (int)i, &t)) {
            rcode = -1;
            break;
        }
        if (vnxp_is_dateline(t.s, t.len)) {
            if (vnxp_grow((void **)&rc->left_out, cap, rc->n + 1, sizeof *rc->left_out))
                rcode = -1;
            else
                rc->left_out[rc->n++] = r->g;
        }
    }
    vnxp_buf_free(&t);
    if (rc->n > 1)
        qsort(rc->left_out, rc->n, sizeof *rc->left_out, ptr_cmp);
    return rcode;
}

/* Blocks that score near the best one (`rival_share` percent of its
 * score or more) and are apart from it: on a listing page, the teasers are
 * many blocks alike, none of which stands out. */
static int count_rivals(const layout *l, const weights *w, int top)
{
    const rnode *t = &l->nodes[top];
    float threshold = t->score * (float)w->rival_share / 100.0f;
    int rivals = 0;
    for (size_t i = 0; i < l->n; i++) {
        const rnode *r = &l->nodes[i];
        int overlaps = ((int)i >= top && (int)i < t->end) || ((int)i < top && r->end > top);
        if (overlaps || !r->scored || r->score < threshold)
            continue;
        rivals++;
        i = (size_t)r->end - 1; // a block and its parts are one rival
    }
    return rivals;
}

/* Whether the best block is a list of teasers: `listing_rivals` or more
 * of its children (or of its only child's) are items that hold one or
 * two teaser links, and they hold most of its text. */
static int is_teaser_list(const layout *l, const weights *w, int top)
{
    const rnode *t = &l->nodes[top];
    unsigned items = 0, in_items = 0;
    for (int j = top + 1; j < t->end; j = l->nodes[j].end) {
        const rnode *c = &l->nodes[j];
        if (c->teasers >= 1 && c->teasers <= 2) {
            items++;
            in_items += c->chars;
        }
    }
    return items >= (unsigned)w->listing_rivals && in_items * 2 >= t->chars;
}

/* A listing page: teaser links in number, and a best block that is a list
 * of teasers, or does not stand out from its rivals, or holds hardly any
 * text outside links. */
static int is_listing(const layout *l, const weights *w, int top)
{
    unsigned teasers = l->nodes[0].teasers;
    if (teasers < (unsigned)w->listing_teasers)
        return 0;
    const rnode *t = &l->nodes[top];
    return t->chars - t->link_chars < (unsigned)w->listing_min_prose ||
           is_teaser_list(l, w, top) || count_rivals(l, w, top) >= w->listing_rivals;
}

static int render_article(const layout *l, const unsigned char *root, render_ctx *rc,
                          vnxp_buf *out)
{
    for (size_t i = 0; i < l->n; i++) {
        if (!root[i])
            continue;
        if (vnxp_html_render(l->nodes[i].g, skip_node, rc, out))
            return -1;
        i = (size_t)l->nodes[i].end - 1;
    }
    return 0;
}


void vnxp_article_free(vnxp_article *a)
{
    if (!a)
        return;
    vnxp_buf_free(&a->text);
    free(a->title);
    memset(a, 0, sizeof *a);
}

static int nomem(vnx_error *err)
{
    return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
}

int vnxp_readable(const GumboOutput *doc, const vnxp_patterns *ps, vnxp_article *out,
                  vnx_error *err)
{
    memset(out, 0, sizeof *out);
    weights *w = malloc(sizeof *w);
    layout l = {0};
    unsigned char *root = NULL;
    render_ctx rc = {&l, NULL, 0};
    headline h = {-1, NULL};
    char *page_title = NULL;
    int rcode = VNX_OK;
    if (!w) {
        return nomem(err);
    }
    load_weights(ps, w);
    if (lay_out(doc, w, &l) || !(root = calloc(l.n + 1, 1))) {
        rcode = nomem(err);
        goto done;
    }
    out->published = l.meta.published;
    if (l.n == 0)
        goto done;
    score_paragraphs(&l, w);
    int top = best_block(&l);
    if (top < 0)
        top = l.body;
    else
        top = step_up(&l, top);
    choose_roots(&l, w, top, root);
    page_title = l.meta.title ? title_without_site(l.meta.title) : NULL;
    if ((l.meta.title && !page_title) || find_headline(&l, top, page_title, &h)) {
        rcode = nomem(err);
        goto done;
    }
    int dateline = -1, first = -1, last_end = 0;
    for (size_t i = 0; i < l.n; i++)
        if (root[i]) {
            first = first < 0 ? (int)i : first;
            last_end = l.nodes[i].end;
        }
    int from = h.node >= 0 && h.node < first ? h.node : first;
    out->listing = is_listing(&l, w, top);
    // A listing page's dates are its teasers'.
    if (!out->listing &&
        (rcode = find_dateline(&l, from, last_end, h.node >= 0 ? h.node : top, &out->published,
                               &dateline, err)) != VNX_OK)
        goto done;
    if (collect_left_out(&l, w, root, top, h.node, dateline, &rc)) {
        rcode = nomem(err);
        goto done;
    }
    size_t cap = rc.n;
    if (leave_out_datelines(&l, root, &rc, &cap)) {
        rcode = nomem(err);
        goto done;
    }
    if (h.text)
        out->title = h.text;
    else if (l.meta.og_title && l.meta.og_title[0]) {
        if (!(out->title = vnxp_strdup(l.meta.og_title))) { // (not a page without a title)
            rcode = nomem(err);
            goto done;
        }
    } else if (page_title && page_title[0]) {
        out->title = page_title;
        page_title = NULL;
    }
    h.text = NULL;
    if (out->title && vnxp_buf_add(&out->text, out->title, strlen(out->title))) {
        rcode = nomem(err);
        goto done;
    }
    if (render_article(&l, root, &rc, &out->text)) {
        rcode = nomem(err);
        goto done;
    }
done:
    if (rcode == VNX_OK && (out->text.len == 0 || out->text.s[out->text.len - 1] != '\n') &&
        vnxp_buf_addc(&out->text, '\n'))
        rcode = nomem(err);
    if (rcode != VNX_OK)
        vnxp_article_free(out);
    free(h.text);
    free(page_title);
    free(rc.left_out);
    free(root);
    free(l.nodes);
    free(w);
    return rcode;
}
