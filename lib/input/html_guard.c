/**
 * html_guard.c: gumbo on a leash. A page of any shape is parsed in time and
 * memory in proportion to its length, or refused with VNX_ERR_NOMEM; the
 * process never aborts.
 *
 * gumbo's tree builder walks its stack of open elements and its list of
 * active formatting elements at every tag, and compares every attribute of
 * a tag with those before it: 100,000 nested <div>s, or 100,000 attributes
 * on one tag, took time growing with their square. Browsers stop nesting at
 * 512. So before gumbo sees a page, one forward pass (vnxp_html_bound) reads its
 * tags as the HTML tokenizer does and follows a model of the tree builder's
 * stack: a start tag that would open an element deeper than MAX_DEPTH, or
 * a formatting element (<b>, <font>...) past MAX_FORMATTING, is left out,
 * and so are the attributes of a tag past MAX_ATTRIBUTES (and of a second
 * <html> or <body>, which gumbo merges into the first).
 *
 * The model never believes an element closed unless gumbo closes it too: a
 * start tag opens an element; an element is closed by the end tag or start
 * tag that closes it in HTML5 (</div>, a <p> closing a <p>, a <td> closing
 * a cell...) only when the model is sure of the elements in between; where
 * it is not (a misnested </b>, a second <table>, the insides of <select>
 * or <svg>), the elements gumbo may have closed are marked uncertain and
 * counted as open. A formatting element closed by another's end tag stays
 * counted, since gumbo reopens it at the next text. So the model's depth
 * bounds gumbo's, and every walk of the model is bounded by MAX_DEPTH.
 *
 * The same pass keeps gumbo from aborting: Debian's gumbo 0.10.1 keeps its
 * assertions, and some tag soups of <svg> in tables fail them (see
 * start_tag).
 *
 * gumbo has no failure path for its allocator: it uses what malloc returns.
 * Its allocations here come from a per-document budget (a base plus a
 * multiple of the page's length), carved from chunks; when the budget is
 * spent or malloc fails, the allocator leaves the parse by longjmp, and the
 * chunks are freed as a whole. gumbo holds no other resource, so nothing
 * leaks. (A page that makes gumbo reopen dozens of formatting elements at
 * every paragraph, "<p><b id=1>x</p><p><b id=2>x</p>...", asks for memory
 * growing with their number times the paragraphs': it meets the budget.)
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE // memmem
#include <gumbo.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

enum {
    MAX_DEPTH = VNXP_HTML_MAX_DEPTH,
    MAX_FORMATTING = 32, // formatting elements open or to be reopened
    MAX_ATTRIBUTES = VNXP_HTML_MAX_ATTRIBUTES,
    MAX_PARSE_ERRORS = 100,
    // gumbo may hold this much for any page, and this much more per byte of
    // it: a page of nothing but short elements ("<p>x" a thousand times, or
    // <img> tags with eight attributes) takes some 170 bytes a byte.
    BUDGET_BASE = 32 << 20,
    BUDGET_PER_BYTE = 200
};

/* ---- tags ------------------------------------------------------------------ */

enum {
    F_VOID = 1u << 0,
    F_FORMATTING = 1u << 1,
    F_SPECIAL = 1u << 2,   // HTML5's "special" category
    F_SCOPE = 1u << 3,     // ends the default scope (applet, table, td...)
    F_CLOSES_P = 1u << 4,  // a start tag that closes a <p> in button scope
    F_RAW = 1u << 5,       // its text is read raw up to its end tag
    F_HEADING = 1u << 6,
    F_TABLE_PART = 1u << 7, // only opened inside a table
    F_FOREIGN = 1u << 8,    // <svg>, <math>, and what opens inside them
    F_BREAKOUT = 1u << 9,   // leaves <svg> or <math> content
    F_SVG_POINT = 1u << 10, // inside it (in SVG), tags are HTML again
    F_MATH_POINT = 1u << 11, // the same in MathML
    F_POINT = 1u << 12,      // (model entries) an HTML integration point
    F_MAYBE_POINT = 1u << 13, // (model entries) perhaps one (<annotation-xml>)
    F_SVG = 1u << 14,        // (model entries) in the SVG namespace
    F_MATH = 1u << 15,       // (model entries) in the MathML namespace
    F_IMPLIED = 1u << 16,    // closed by "generate implied end tags"
    F_RESET = 1u << 17       // gumbo's insertion mode reset reads it (see start_tag)
};

// Tags with rules of their own.
enum {
    T_OTHER, T_A, T_ADDRESS, T_BODY, T_BUTTON, T_CAPTION, T_COL, T_COLGROUP, T_DD, T_DIV, T_DT,
    T_FORM, T_FRAMESET, T_HEAD, T_HTML, T_LI, T_NOBR, T_OL, T_OPTGROUP, T_OPTION, T_P,
    T_PLAINTEXT, T_SCRIPT, T_SELECT, T_TABLE, T_TBODY, T_TD, T_TEMPLATE, T_TEXTAREA, T_TFOOT,
    T_TH, T_THEAD, T_TR, T_UL, T_INPUT, T_KEYGEN, T_NOSCRIPT, T_RUBY_PART
};

typedef struct tag_info {
    const char *name;
    int id;
    unsigned flags;
} tag_info;

#define SP F_SPECIAL
#define CP F_CLOSES_P
// Sorted by name (bsearch). MathML and SVG names are lower case here: the
// tokenizer lowers tag names.
static const tag_info TAGS[] = {
    {"a", T_A, F_FORMATTING},
    {"address", T_ADDRESS, SP | CP},
    {"annotation-xml", T_OTHER, F_MATH_POINT},
    {"applet", T_OTHER, SP | F_SCOPE},
    {"area", T_OTHER, SP | F_VOID},
    {"article", T_OTHER, SP | CP},
    {"aside", T_OTHER, SP | CP},
    {"b", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"base", T_OTHER, SP | F_VOID},
    {"basefont", T_OTHER, SP | F_VOID},
    {"bgsound", T_OTHER, SP | F_VOID},
    {"big", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"blockquote", T_OTHER, SP | CP | F_BREAKOUT},
    {"body", T_BODY, SP | F_BREAKOUT},
    {"br", T_OTHER, SP | F_VOID | F_BREAKOUT},
    {"button", T_BUTTON, SP},
    {"caption", T_CAPTION, SP | F_SCOPE | F_TABLE_PART | F_RESET},
    {"center", T_OTHER, SP | CP | F_BREAKOUT},
    {"code", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"col", T_COL, SP | F_VOID | F_TABLE_PART},
    {"colgroup", T_COLGROUP, SP | F_TABLE_PART | F_RESET},
    {"dd", T_DD, SP | CP | F_BREAKOUT | F_IMPLIED},
    {"desc", T_OTHER, F_SVG_POINT},
    {"details", T_OTHER, SP | CP},
    {"dialog", T_OTHER, CP},
    {"dir", T_OTHER, SP | CP},
    {"div", T_DIV, SP | CP | F_BREAKOUT},
    {"dl", T_OTHER, SP | CP | F_BREAKOUT},
    {"dt", T_DT, SP | CP | F_BREAKOUT | F_IMPLIED},
    {"em", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"embed", T_OTHER, SP | F_VOID | F_BREAKOUT},
    {"fieldset", T_OTHER, SP | CP},
    {"figcaption", T_OTHER, SP | CP},
    {"figure", T_OTHER, SP | CP},
    {"font", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"footer", T_OTHER, SP | CP},
    {"foreignobject", T_OTHER, F_SVG_POINT},
    {"form", T_FORM, SP},
    {"frame", T_OTHER, SP | F_VOID},
    {"frameset", T_FRAMESET, SP | F_RESET},
    {"h1", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"h2", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"h3", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"h4", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"h5", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"h6", T_OTHER, SP | CP | F_HEADING | F_BREAKOUT},
    {"head", T_HEAD, SP | F_BREAKOUT},
    {"header", T_OTHER, SP | CP},
    {"hgroup", T_OTHER, SP | CP},
    {"hr", T_OTHER, SP | CP | F_VOID | F_BREAKOUT},
    {"html", T_HTML, SP | F_SCOPE | F_RESET},
    {"i", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"iframe", T_OTHER, SP | F_RAW},
    {"image", T_OTHER, F_VOID},
    {"img", T_OTHER, SP | F_VOID | F_BREAKOUT},
    {"input", T_INPUT, SP | F_VOID},
    {"keygen", T_KEYGEN, SP | F_VOID},
    {"li", T_LI, SP | CP | F_BREAKOUT | F_IMPLIED},
    {"link", T_OTHER, SP | F_VOID},
    {"listing", T_OTHER, SP | CP | F_BREAKOUT},
    {"main", T_OTHER, SP | CP},
    {"marquee", T_OTHER, SP | F_SCOPE},
    {"math", T_OTHER, F_FOREIGN | F_MATH},
    {"menu", T_OTHER, SP | CP | F_BREAKOUT},
    {"meta", T_OTHER, SP | F_VOID | F_BREAKOUT},
    {"mi", T_OTHER, F_MATH_POINT},
    {"mn", T_OTHER, F_MATH_POINT},
    {"mo", T_OTHER, F_MATH_POINT},
    {"ms", T_OTHER, F_MATH_POINT},
    {"mtext", T_OTHER, F_MATH_POINT},
    {"nav", T_OTHER, SP | CP},
    {"nobr", T_NOBR, F_FORMATTING | F_BREAKOUT},
    {"noembed", T_OTHER, SP | F_RAW},
    {"noframes", T_OTHER, SP | F_RAW},
    {"noscript", T_NOSCRIPT, SP},
    {"object", T_OTHER, SP | F_SCOPE},
    {"ol", T_OL, SP | CP | F_BREAKOUT},
    {"optgroup", T_OPTGROUP, F_IMPLIED},
    {"option", T_OPTION, F_IMPLIED},
    {"p", T_P, SP | CP | F_BREAKOUT | F_IMPLIED},
    {"param", T_OTHER, SP | F_VOID},
    {"plaintext", T_PLAINTEXT, SP | CP},
    {"pre", T_OTHER, SP | CP | F_BREAKOUT},
    {"rb", T_RUBY_PART, F_IMPLIED},
    {"rp", T_RUBY_PART, F_IMPLIED},
    {"rt", T_RUBY_PART, F_IMPLIED},
    {"rtc", T_RUBY_PART, F_IMPLIED},
    {"ruby", T_OTHER, F_BREAKOUT},
    {"s", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"script", T_SCRIPT, SP | F_RAW},
    {"search", T_OTHER, SP | CP},
    {"section", T_OTHER, SP | CP},
    {"select", T_SELECT, SP | F_RESET},
    {"small", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"source", T_OTHER, SP | F_VOID},
    {"span", T_OTHER, F_BREAKOUT},
    {"strike", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"strong", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"style", T_OTHER, SP | F_RAW},
    {"sub", T_OTHER, F_BREAKOUT},
    {"summary", T_OTHER, SP | CP},
    {"sup", T_OTHER, F_BREAKOUT},
    {"svg", T_OTHER, F_FOREIGN | F_SVG},
    {"table", T_TABLE, SP | F_SCOPE | F_BREAKOUT},
    {"tbody", T_TBODY, SP | F_TABLE_PART | F_RESET},
    {"td", T_TD, SP | F_SCOPE | F_TABLE_PART | F_RESET},
    {"template", T_TEMPLATE, SP | F_SCOPE | F_RESET},
    {"textarea", T_TEXTAREA, SP | F_RAW},
    {"tfoot", T_TFOOT, SP | F_TABLE_PART | F_RESET},
    {"th", T_TH, SP | F_SCOPE | F_TABLE_PART | F_RESET},
    {"thead", T_THEAD, SP | F_TABLE_PART | F_RESET},
    {"title", T_OTHER, SP | F_RAW | F_SVG_POINT},
    {"tr", T_TR, SP | F_TABLE_PART | F_RESET},
    {"track", T_OTHER, SP | F_VOID},
    {"tt", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"u", T_OTHER, F_FORMATTING | F_BREAKOUT},
    {"ul", T_UL, SP | CP | F_BREAKOUT},
    {"var", T_OTHER, F_BREAKOUT},
    {"wbr", T_OTHER, SP | F_VOID},
    {"xmp", T_OTHER, SP | CP | F_RAW},
};
#undef SP
#undef CP

/* A tag as read: its name in the page (any case), what the table says. */
typedef struct tag {
    const char *name;
    size_t len;
    uint64_t hash; // of the lower-cased name
    int id;
    unsigned flags;
} tag;

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int by_name(const void *key, const void *item)
{
    return strcmp(key, ((const tag_info *)item)->name);
}

static tag read_tag_name(const char *name, size_t len)
{
    tag t = {name, len, 14695981039346656037ull, T_OTHER, 0};
    char low[16];
    for (size_t i = 0; i < len; i++) {
        t.hash = (t.hash ^ (unsigned char)lower(name[i])) * 1099511628211ull;
        if (i < sizeof low)
            low[i] = lower(name[i]);
    }
    if (len < sizeof low) {
        low[len] = '\0';
        const tag_info *k = bsearch(low, TAGS, sizeof TAGS / sizeof *TAGS, sizeof *TAGS, by_name);
        if (k) {
            t.id = k->id;
            t.flags = k->flags;
        }
    }
    return t;
}

static int same_tag(const tag *a, const tag *b)
{
    if (a->hash != b->hash || a->len != b->len)
        return 0;
    if (a->flags & F_HEADING)
        return 1;
    return strncasecmp(a->name, b->name, a->len) == 0;
}

/* ---- the model of gumbo's stack ---------------------------------------------- */

typedef struct entry {
    tag t;
    int certain;  // gumbo surely has this element open
    uint64_t seq; // when it was opened: order in gumbo's list of formatting elements
} entry;

/* The model keeps every element gumbo may have open, so its depth bounds
 * gumbo's. An entry is certain when gumbo surely has it open: only then may
 * an end tag close the entries above it (were it gone, gumbo would ignore
 * the tag and keep them). Whatever gumbo may close that the model cannot
 * follow exactly is marked uncertain, never dropped. */
typedef struct model {
    entry stack[MAX_DEPTH + 1];
    size_t n;
    // Formatting elements closed by another's end tag: gumbo reopens them.
    entry floating[MAX_DEPTH + 1];
    size_t nfloating;
    size_t nformatting; // formatting elements on the stack
    size_t nselect;     // <select>s on the stack
    int form_open;      // a <form> was opened and not ended
    int in_body;        // past what may be the <head>
    int unsure;         // this token's closes are only marked, not done
    uint64_t seq;       // elements opened so far
    int seen_html, seen_body;
} model;

// Elements that put a marker in gumbo's list of formatting elements: no
// formatting element before it is reopened or ended while it is open.
static int is_marker(const tag *t)
{
    static const char *const names[] = {"applet", "object", "marquee"};
    if (t->id == T_TD || t->id == T_TH || t->id == T_CAPTION || t->id == T_TEMPLATE)
        return !(t->flags & F_FOREIGN);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (t->len == strlen(names[i]) && strncasecmp(t->name, names[i], t->len) == 0)
            return !(t->flags & F_FOREIGN);
    return 0;
}

static void push(model *m, const tag *t, int certain)
{
    m->stack[m->n].t = *t;
    m->stack[m->n].certain = certain;
    m->stack[m->n].seq = ++m->seq;
    m->n++;
    m->nformatting += (t->flags & F_FORMATTING) != 0;
    m->nselect += t->id == T_SELECT;
}

// Pop the top entry; `reopen`: a formatting element is still to be reopened.
// A marker's end takes from the list what came after it.
static void pop(model *m, int reopen)
{
    entry *e = &m->stack[--m->n];
    m->nformatting -= (e->t.flags & F_FORMATTING) != 0;
    m->nselect -= e->t.id == T_SELECT;
    if (reopen && (e->t.flags & F_FORMATTING))
        m->floating[m->nfloating++] = *e;
    if (is_marker(&e->t)) {
        size_t kept = 0;
        for (size_t i = 0; i < m->nfloating; i++)
            if (m->floating[i].seq < e->seq)
                m->floating[kept++] = m->floating[i];
        m->nfloating = kept;
    }
}

// Recount what push and pop count, after entries were taken out.
static void recount(model *m)
{
    m->nformatting = m->nselect = 0;
    for (size_t i = 0; i < m->n; i++) {
        m->nformatting += (m->stack[i].t.flags & F_FORMATTING) != 0;
        m->nselect += m->stack[i].t.id == T_SELECT;
    }
}

// Pop entries down to index k (included when `through`).
static void pop_to(model *m, size_t k, int through)
{
    while (m->n > k + !through)
        pop(m, 1);
}

static void mark_uncertain(model *m, size_t from)
{
    for (size_t i = from; i < m->n; i++)
        m->stack[i].certain = 0;
}

// Text or a tag: gumbo reopens the formatting elements closed by others
// (here more often than gumbo does, which only makes the count safer).
static void reopen(model *m)
{
    for (size_t i = 0; i < m->nfloating; i++) {
        m->floating[i].certain = 0;
        m->stack[m->n] = m->floating[i];
        m->n++;
        m->nformatting++;
    }
    m->nfloating = 0;
}

typedef int (*tag_test)(const tag *t, const tag *want);

/* Close through the topmost entry that `match`es (and all above it), if no
 * entry that `stops` comes first: what gumbo does for "</div>" (stopped by a
 * scope's end), "<li>" (by a special element)... When the model is unsure
 * (an uncertain target, an uncertain stop passed, a <select> or <template>
 * above, whose modes ignore most tags, or m->unsure), it closes nothing and
 * marks uncertain all that gumbo might close: from the lowest entry it
 * might close through. `through`: the target is closed too. */
static void close_through(model *m, const tag *want, tag_test match, tag_test stops, int through)
{
    int unsure = m->unsure;
    size_t lowest = SIZE_MAX;
    for (size_t i = m->n; i-- > 0;) {
        const entry *e = &m->stack[i];
        if (match(&e->t, want)) {
            if (e->certain && !unsure) {
                pop_to(m, i, through);
                return;
            }
            lowest = i; // gumbo may close through one further down
            if (e->certain)
                break;
            unsure = 1;
            continue;
        }
        if (e->t.id == T_SELECT || e->t.id == T_TEMPLATE)
            unsure = 1;
        if (stops(&e->t, want)) {
            if (e->certain)
                break;
            unsure = 1;
        }
    }
    if (lowest != SIZE_MAX)
        mark_uncertain(m, lowest);
}

// Pop the current node if it `match`es (gumbo's "if the current node is
// ..., pop it"); unsure, mark from the topmost match up.
static void pop_current_if(model *m, const tag *want, tag_test match)
{
    if (!m->unsure) {
        if (m->n > 0 && match(&m->stack[m->n - 1].t, want))
            pop(m, 1);
        return;
    }
    for (size_t i = m->n; i-- > 0;)
        if (match(&m->stack[i].t, want)) {
            mark_uncertain(m, i);
            return;
        }
}

static int is_same(const tag *t, const tag *want)
{
    return same_tag(t, want);
}

static int is_p(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_P;
}

static int is_dd_dt(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_DD || t->id == T_DT;
}

static int is_li(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_LI;
}

static int is_heading(const tag *t, const tag *want)
{
    (void)want;
    return (t->flags & F_HEADING) != 0;
}

static int is_option(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_OPTION;
}

static int is_colgroup(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_COLGROUP;
}

static int is_select(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_SELECT;
}

static int is_cell(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_TD || t->id == T_TH;
}

static int is_table(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_TABLE;
}

// What "<tr>" clears the stack back to.
static int is_body_context(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_TABLE || t->id == T_TBODY || t->id == T_THEAD || t->id == T_TFOOT;
}

// What "<td>" clears the stack back to.
static int is_row_context(const tag *t, const tag *want)
{
    return is_body_context(t, want) || t->id == T_TR;
}

static int stops_scope(const tag *t, const tag *want)
{
    return (t->flags & F_SCOPE) && !same_tag(t, want);
}

static int stops_button_scope(const tag *t, const tag *want)
{
    return stops_scope(t, want) || t->id == T_BUTTON;
}

static int stops_list_scope(const tag *t, const tag *want)
{
    return stops_scope(t, want) || t->id == T_OL || t->id == T_UL;
}

static int stops_table_scope(const tag *t, const tag *want)
{
    return t->id == T_HTML || t->id == T_TEMPLATE || (t->id == T_TABLE && want->id != T_TABLE);
}

static int stops_cell_or_template(const tag *t, const tag *want)
{
    (void)want;
    return t->id == T_TD || t->id == T_TH || t->id == T_TEMPLATE;
}

// "<li>" and "<dd>" close the last item, unless a special element other
// than <address>, <div> or <p> is open inside it.
static int stops_item(const tag *t, const tag *want)
{
    (void)want;
    return (t->flags & F_SPECIAL) && t->id != T_ADDRESS && t->id != T_DIV && t->id != T_P &&
           t->id != T_LI && t->id != T_DD && t->id != T_DT;
}

static int stops_special(const tag *t, const tag *want)
{
    (void)want;
    return (t->flags & F_SPECIAL) != 0;
}

static int stops_nothing(const tag *t, const tag *want)
{
    (void)t;
    (void)want;
    return 0;
}

// How gumbo reads the next tag: as HTML, as <svg> or <math> content (where
// "<x/>" opens nothing and a <style> is no raw text), or the model cannot
// tell, the entries down to the first certain one being perhaps gone.
enum { SURE_HTML, SURE_FOREIGN, MAYBE };

static int is_foreign_entry(const entry *e)
{
    return (e->t.flags & F_FOREIGN) && !(e->t.flags & F_POINT);
}

static int current_mode(const model *m)
{
    int foreign = 0, html = 0;
    for (size_t i = m->n; i-- > 0;) {
        const entry *e = &m->stack[i];
        if (e->t.flags & F_MAYBE_POINT)
            return MAYBE;
        foreign |= is_foreign_entry(e);
        html |= !is_foreign_entry(e);
        if (foreign && html)
            return MAYBE;
        if (e->certain)
            return foreign ? SURE_FOREIGN : SURE_HTML;
    }
    return foreign ? MAYBE : SURE_HTML; // with none left, gumbo's is <html>
}

// The flags of an element opened in <svg> or <math> content: the namespace
// of the element it opens in (a <math> inside <svg> is an SVG element),
// whether it is an integration point; never formatting, special only as a
// point.
static unsigned foreign_flags(const model *m, const tag *t)
{
    unsigned ns = 0;
    for (size_t i = m->n; !ns && i-- > 0;)
        ns = m->stack[i].t.flags & (F_SVG | F_MATH);
    unsigned f = F_FOREIGN | (ns ? ns : F_SVG);
    if (((f & F_SVG) && (t->flags & F_SVG_POINT)) ||
        ((f & F_MATH) && (t->flags & F_MATH_POINT)))
        f |= F_POINT | F_SPECIAL | F_SCOPE;
    if ((f & F_MATH) && t->len == 14 && strncasecmp(t->name, "annotation-xml", 14) == 0)
        f |= F_MAYBE_POINT; // a point only with an HTML encoding attribute
    return f;
}

static int is_special(const entry *e)
{
    return (e->t.flags & (F_SPECIAL | F_SCOPE)) != 0;
}

/* gumbo's adoption agency for formatting element F = stack[f], certain, with
 * special elements above it, the first one not a scope's end. For each such
 * element FB in turn (at most seven), the elements between it and the one
 * before are taken out but for the formatting ones among the three nearest
 * FB (gumbo keeps clones of them), F's clone goes just above FB, and once
 * no special element is left above it, it is closed with all above it.
 * Exact only when the entries from F to the last FB are certain; else
 * marked. */
static void adoption_agency(model *m, size_t f)
{
    size_t fb[8], k = 0;
    for (size_t i = f + 1; i < m->n; i++) {
        if (!is_special(&m->stack[i]))
            continue;
        if (k == 7 || !m->stack[i].certain) {
            mark_uncertain(m, f);
            return;
        }
        if (m->stack[i].t.flags & F_SCOPE)
            return; // F is out of scope: gumbo ignores the tag
        fb[k++] = i;
    }
    for (size_t i = f + 1; i < fb[k - 1]; i++)
        if (!m->stack[i].certain) {
            mark_uncertain(m, f);
            return;
        }
    size_t n = f, prev = f;
    for (size_t s = 0; s < k; s++) {
        for (size_t j = prev + 1; j < fb[s]; j++)
            if ((m->stack[j].t.flags & F_FORMATTING) && fb[s] - j <= 3)
                m->stack[n++] = m->stack[j];
        m->stack[n++] = m->stack[fb[s]];
        prev = fb[s];
    }
    for (size_t j = fb[k - 1] + 1; j < m->n; j++) // closed with F's last clone
        if (m->stack[j].t.flags & F_FORMATTING)
            m->floating[m->nfloating++] = m->stack[j];
    m->n = n;
    recount(m);
}

// The end of a formatting element: gumbo's adoption agency for the last one
// of that name in its list after the last marker.
static void end_formatting(model *m, const tag *t)
{
    uint64_t marker = 0;
    for (size_t i = m->n; i-- > 0;)
        if (is_marker(&m->stack[i].t)) {
            marker = m->stack[i].seq;
            break;
        }
    size_t top = SIZE_MAX, lowest = SIZE_MAX, fl = SIZE_MAX;
    for (size_t i = m->n; i-- > 0;)
        if (same_tag(&m->stack[i].t, t) && (m->stack[i].t.flags & F_FORMATTING)) {
            top = top == SIZE_MAX ? i : top;
            lowest = i;
        }
    for (size_t i = 0; i < m->nfloating; i++)
        if (same_tag(&m->floating[i].t, t) && m->floating[i].seq > marker &&
            (fl == SIZE_MAX || m->floating[i].seq > m->floating[fl].seq))
            fl = i;
    if (m->unsure || m->nselect > 0) { // a <select> may ignore it
        if (lowest != SIZE_MAX)
            mark_uncertain(m, lowest);
        return;
    }
    if (fl != SIZE_MAX && (top == SIZE_MAX || m->floating[fl].seq > m->stack[top].seq)) {
        // The last one is closed already: gumbo takes it off its list.
        memmove(&m->floating[fl], &m->floating[fl + 1],
                (m->nfloating - fl - 1) * sizeof *m->floating);
        m->nfloating--;
        return;
    }
    if (top == SIZE_MAX || m->stack[top].seq < marker) {
        close_through(m, t, is_same, stops_special, 1); // "any other end tag"
        return;
    }
    int special_above = 0;
    for (size_t i = top + 1; i < m->n; i++)
        special_above |= is_special(&m->stack[i]);
    if (!m->stack[top].certain) {
        if (top == m->n - 1)
            pop(m, 0); // the current node: gone, or what gumbo closes
        else
            mark_uncertain(m, lowest);
        return;
    }
    if (!special_above) {
        pop_to(m, top + 1, 1); // those above it are reopened later
        pop(m, 0);
    } else {
        adoption_agency(m, top);
    }
}

// "</x>" in <svg> or <math> content: the foreign element of that name
// closes, whatever is above it. Returns 0 when none is open (gumbo then
// reads the tag as HTML).
static int end_foreign(model *m, const tag *t)
{
    for (size_t i = m->n; i-- > 0 && (m->stack[i].t.flags & F_FOREIGN);) {
        if (same_tag(&m->stack[i].t, t)) {
            if (m->unsure || !m->stack[i].certain)
                mark_uncertain(m, i);
            else
                pop_to(m, i, 1);
            return 1;
        }
    }
    return 0;
}

static void end_tag(model *m, const tag *t)
{
    int mode = current_mode(m);
    m->unsure = mode == MAYBE;
    if (mode != SURE_HTML && end_foreign(m, t))
        return;
    if (t->id != T_COLGROUP && t->id != T_COL && t->id != T_TEMPLATE)
        pop_current_if(m, t, is_colgroup); // "in column group": anything else
    switch (t->id) {
    case T_HTML: case T_BODY: case T_HEAD:
        return; // gumbo never closes them on their end tag
    case T_P:
        close_through(m, t, is_p, stops_button_scope, 1);
        return;
    case T_LI:
        close_through(m, t, is_li, stops_list_scope, 1);
        return;
    case T_DD: case T_DT:
        close_through(m, t, is_same, stops_scope, 1);
        return;
    case T_TD: case T_TH: case T_TR: case T_TBODY: case T_THEAD: case T_TFOOT: case T_CAPTION:
    case T_TABLE:
        close_through(m, t, is_same, stops_table_scope, 1);
        return;
    case T_SELECT: case T_TEMPLATE:
        close_through(m, t, is_same, stops_nothing, 1);
        return;
    case T_FORM:
        // gumbo pops what "implied end tags" close, then takes the form out
        // of the stack wherever it is.
        m->unsure |= m->n == 0 || m->stack[m->n - 1].t.id != T_FORM;
        pop_current_if(m, t, is_same);
        if (m->nselect == 0)
            m->form_open = 0;
        return;
    case T_COLGROUP: case T_OPTION: case T_OPTGROUP:
        pop_current_if(m, t, is_same);
        return;
    default:
        break;
    }
    if (t->flags & F_HEADING)
        close_through(m, t, is_heading, stops_scope, 1);
    else if (t->flags & F_FORMATTING)
        end_formatting(m, t);
    else if (t->flags & F_SPECIAL)
        close_through(m, t, is_same, stops_scope, 1);
    else
        close_through(m, t, is_same, stops_special, 1);
}

// What a start tag closes before it opens (HTML5's "in body", "in table"...).
static void close_before(model *m, const tag *t)
{
    if (t->id != T_COL && t->id != T_TEMPLATE)
        pop_current_if(m, t, is_colgroup); // "in column group": anything else
    if (m->nselect > 0 && (t->id == T_SELECT || t->id == T_INPUT || t->id == T_KEYGEN ||
                           t->id == T_TEXTAREA || (t->flags & F_TABLE_PART) || t->id == T_TABLE)) {
        // In a <select>, these close it.
        int was = m->unsure;
        m->unsure = 1;
        close_through(m, t, is_select, stops_nothing, 1);
        m->unsure = was;
    }
    if (t->id == T_A || t->id == T_NOBR) {
        end_formatting(m, t); // a second <a> ends the first
    } else if (t->id == T_LI) {
        close_through(m, t, is_li, stops_item, 1);
    } else if (t->id == T_DD || t->id == T_DT) {
        close_through(m, t, is_dd_dt, stops_item, 1);
    } else if (t->id == T_TD || t->id == T_TH) {
        close_through(m, t, is_cell, stops_table_scope, 1);
        close_through(m, t, is_row_context, stops_nothing, 0);
    } else if (t->id == T_TR) {
        close_through(m, t, is_body_context, stops_nothing, 0);
    } else if (t->id == T_TBODY || t->id == T_THEAD || t->id == T_TFOOT || t->id == T_CAPTION ||
               t->id == T_COLGROUP || t->id == T_COL) {
        close_through(m, t, is_table, stops_nothing, 0);
    } else if (t->id == T_TABLE) {
        // In a table (not in a cell), a <table> ends the one open.
        close_through(m, t, is_table, stops_cell_or_template, 1);
    } else if (t->id == T_BUTTON) {
        close_through(m, t, is_same, stops_scope, 1);
    } else if (t->id == T_RUBY_PART) {
        // "generate implied end tags": the <p>s, <li>s... at the top.
        size_t i = m->n;
        while (i > 0 && (m->stack[i - 1].t.flags & F_IMPLIED))
            i--;
        mark_uncertain(m, i);
    } else if (t->id == T_FRAMESET) {
        mark_uncertain(m, 0); // it may take the body's place
    }
    if (t->flags & F_CLOSES_P)
        close_through(m, t, is_p, stops_button_scope, 1);
    if (t->flags & F_HEADING)
        pop_current_if(m, t, is_heading);
    if (t->id == T_OPTION || t->id == T_OPTGROUP)
        pop_current_if(m, t, is_option);
}

// Does gumbo surely open the element? Not where it may ignore the tag: in
// a <select>, a table part outside a table, a second <form>...
static int surely_opened(const model *m, const tag *t)
{
    if (m->nselect > 0 || t->id == T_FRAMESET || (t->id == T_NOSCRIPT && !m->in_body) ||
        (t->id == T_FORM && m->form_open))
        return 0;
    if (!(t->flags & F_TABLE_PART))
        return 1;
    for (size_t i = m->n; i-- > 0;)
        if (m->stack[i].t.id == T_TABLE)
            return m->stack[i].certain;
    return 0;
}

enum { KEEP, DROP, KEEP_RAW, KEEP_TEXT_TO_END };

// May the tag be a part of the <head>? (A <noscript> there closes at the
// first tag that is not.)
static int in_head(const tag *t)
{
    static const char *const names[] = {"html", "head", "title", "base", "basefont", "bgsound",
                                        "link", "meta", "noframes", "script", "style",
                                        "template", "noscript"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (t->len == strlen(names[i]) && strncasecmp(t->name, names[i], t->len) == 0)
            return 1;
    return 0;
}

/* A start tag: KEEP (and the model follows it), DROP it, or KEEP it and
 * read what follows as raw text (KEEP_RAW) or as text to the end.
 *
 * Besides depth, one more kind of tag is dropped: in <svg> or <math>
 * content, the names of table parts and <select> (which mean nothing
 * there). Debian's gumbo 0.10.1 is built with its assertions, and its
 * insertion-mode reset reads such a foreign <th> or <select> as the HTML
 * one: "<table><tr><svg><th><foreignObject><template></template></tbody>"
 * aborts the process. */
static int start_tag(model *m, const tag *t, int self_closing)
{
    int mode = current_mode(m);
    int breakout = mode != SURE_HTML && (t->flags & F_BREAKOUT);
    m->in_body |= t->id == T_BODY || !in_head(t);
    m->unsure = mode != SURE_HTML;
    if (breakout) // gumbo may leave the <svg> (or <math>) and read it as HTML
        for (size_t i = m->n; i-- > 0 && (m->stack[i].t.flags & F_FOREIGN);)
            m->stack[i].certain = 0;
    int html = mode == SURE_HTML || breakout;
    if (!html && (t->flags & F_RESET))
        return DROP; // see below
    if (t->id == T_HTML || t->id == T_BODY || t->id == T_HEAD) {
        if (html)
            close_before(m, t);
        return KEEP; // merged into the one gumbo has
    }
    if ((t->flags & F_VOID) && html) {
        close_before(m, t);
        return KEEP;
    }
    if (mode == SURE_FOREIGN && self_closing && !breakout)
        return KEEP; // <path/> in <svg> opens nothing
    if (mode == SURE_HTML && t->id == T_PLAINTEXT)
        return KEEP_TEXT_TO_END;
    if (mode == SURE_HTML && (t->flags & F_RAW) &&
        (m->nselect == 0 || t->id == T_SCRIPT || t->id == T_TEXTAREA)) {
        close_before(m, t);
        return KEEP_RAW; // opens nothing that stays open
    }
    if (m->n + m->nfloating >= MAX_DEPTH)
        return DROP;
    if ((t->flags & F_FORMATTING) && t->id != T_A &&
        m->nformatting + m->nfloating >= MAX_FORMATTING)
        return DROP;
    tag pushed = *t;
    int certain;
    if (html) {
        close_before(m, t);
        if (mode == SURE_HTML)
            reopen(m);
        // <font> leaves <svg> only with some attributes: perhaps still foreign.
        certain = surely_opened(m, t) &&
                  (mode == SURE_HTML || strncasecmp(t->name, "font", t->len) != 0);
    } else {
        pushed.flags = foreign_flags(m, t);
        certain = mode == SURE_FOREIGN;
    }
    m->form_open |= t->id == T_FORM && m->nselect == 0;
    push(m, &pushed, certain);
    return KEEP;
}

// Text other than white space.
static void text(model *m)
{
    m->in_body = 1;
    int mode = current_mode(m);
    m->unsure = mode != SURE_HTML;
    if (mode == SURE_FOREIGN)
        return;
    pop_current_if(m, NULL, is_colgroup);
    if (mode == SURE_HTML)
        reopen(m);
}

/* ---- the pass over the page -------------------------------------------------- */

typedef struct pass {
    const char *s;
    size_t len;
    vnxp_buf out;    // the page as gumbo will read it, once it differs
    size_t copied;   // bytes of s up to here are in out (or unchanged)
    int changed, nomem;
    model *m;
} pass;

// Leave bytes [from, to) of the page out.
static void cut(pass *p, size_t from, size_t to)
{
    if (from > p->copied)
        p->nomem |= vnxp_buf_add(&p->out, p->s + p->copied, from - p->copied);
    p->copied = to;
    p->changed = 1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *find(const char *s, size_t from, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    if (from > len || len - from < n)
        return NULL;
    return memmem(s + from, len - from, lit, n);
}

// The end of a comment opened at i ("<!--"): one past its "-->", or len.
static size_t comment_end(const char *s, size_t i, size_t len)
{
    size_t j = i + 4;
    if (j < len && s[j] == '>')
        return j + 1; // "<!-->"
    if (j + 1 < len && s[j] == '-' && s[j + 1] == '>')
        return j + 2; // "<!--->"
    for (const char *d; (d = find(s, j, len, "--")) != NULL; j = (size_t)(d - s) + 1) {
        size_t k = (size_t)(d - s) + 2;
        if (k < len && s[k] == '>')
            return k + 1;
        if (k + 1 < len && s[k] == '!' && s[k + 1] == '>')
            return k + 2;
    }
    return len;
}

static size_t past(const char *s, size_t i, size_t len, char c)
{
    const char *e = i < len ? memchr(s + i, c, len - i) : NULL;
    return e ? (size_t)(e - s) + 1 : len;
}

/* Read the attributes of the tag whose name ends at i, up to its '>'.
 * Attributes past `keep` are cut. Returns one past the '>', or SIZE_MAX
 * when the page ends inside the tag (gumbo then drops it). */
static size_t read_attributes(pass *p, size_t i, size_t keep, int *self_closing)
{
    const char *s = p->s;
    size_t len = p->len, count = 0;
    *self_closing = 0;
    for (;;) {
        while (i < len && (is_space(s[i]) || s[i] == '/')) {
            *self_closing = s[i] == '/' && i + 1 < len && s[i + 1] == '>';
            i++;
        }
        if (i >= len)
            return SIZE_MAX;
        if (s[i] == '>')
            return i + 1;
        *self_closing = 0;
        size_t start = i++; // a name may begin with '='
        while (i < len && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
            i++;
        while (i < len && is_space(s[i]))
            i++;
        if (i < len && s[i] == '=') {
            i++;
            while (i < len && is_space(s[i]))
                i++;
            if (i < len && (s[i] == '"' || s[i] == '\'')) {
                const char *q = memchr(s + i + 1, s[i], len - i - 1);
                if (!q)
                    return SIZE_MAX;
                i = (size_t)(q - s) + 1;
            } else {
                while (i < len && !is_space(s[i]) && s[i] != '>')
                    i++;
            }
        }
        if (++count > keep)
            cut(p, start, i);
    }
}

// The start of the end tag "</name" of a raw text element at or after i.
static size_t raw_text_end(const char *s, size_t i, size_t len, const tag *t)
{
    for (; i < len; i++) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            return len;
        i = (size_t)(lt - s);
        if (i + 2 + t->len < len && s[i + 1] == '/' &&
            strncasecmp(s + i + 2, t->name, t->len) == 0 &&
            (is_space(s[i + 2 + t->len]) || s[i + 2 + t->len] == '/' ||
             s[i + 2 + t->len] == '>'))
            return i;
    }
    return len;
}

// A tag at s[i] == '<' followed by a letter (or '/' and a letter).
static size_t read_tag(pass *p, size_t i)
{
    const char *s = p->s;
    size_t len = p->len;
    int end = s[i + 1] == '/';
    size_t n0 = i + 1 + end, n1 = n0;
    while (n1 < len && !is_space(s[n1]) && s[n1] != '/' && s[n1] != '>')
        n1++;
    tag t = read_tag_name(s + n0, n1 - n0);
    int self_closing;
    size_t keep = MAX_ATTRIBUTES;
    if ((t.id == T_HTML && p->m->seen_html++) || (t.id == T_BODY && p->m->seen_body++))
        keep = 0; // gumbo would merge them into the first, one by one
    size_t after = read_attributes(p, n1, end ? SIZE_MAX : keep, &self_closing);
    if (after == SIZE_MAX)
        return len; // a tag the page ends inside: gumbo drops it
    if (end) {
        end_tag(p->m, &t);
        return after;
    }
    switch (start_tag(p->m, &t, self_closing)) {
    case DROP:
        cut(p, i, after);
        return after;
    case KEEP_RAW:
        return raw_text_end(s, after, len, &t);
    case KEEP_TEXT_TO_END:
        return len;
    default:
        return after;
    }
}

// Markup at s[i] == '<': a tag, a comment, a doctype... or a '<' of text.
static size_t read_markup(pass *p, size_t i)
{
    const char *s = p->s;
    size_t len = p->len;
    if (i + 1 >= len)
        return len;
    char c = s[i + 1];
    if (is_letter(c) || (c == '/' && i + 2 < len && is_letter(s[i + 2])))
        return read_tag(p, i);
    if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-')
        return comment_end(s, i, len);
    if (c == '!' && i + 8 < len && memcmp(s + i + 2, "[CDATA[", 7) == 0 &&
        current_mode(p->m) == SURE_FOREIGN) {
        const char *e = find(s, i + 9, len, "]]>");
        return e ? (size_t)(e - s) + 3 : len;
    }
    if (c == '!' || c == '?' || c == '/')
        return past(s, i + 1, len, '>'); // a doctype, a bogus comment, "</>"
    return i + 1;
}

// Text in s[from, to): what but white space does to the model.
static void read_text(pass *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!is_space(p->s[i])) {
            text(p->m);
            return;
        }
}

int vnxp_html_bound(const char *html, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    model *m = calloc(1, sizeof *m);
    if (!m)
        return -1;
    pass p = {.s = html, .len = len, .m = m};
    for (size_t i = 0; i < len;) {
        const char *lt = memchr(html + i, '<', len - i);
        size_t at = lt ? (size_t)(lt - html) : len;
        read_text(&p, i, at);
        i = at < len ? read_markup(&p, at) : len;
    }
    free(m);
    if (p.changed)
        cut(&p, len, len);
    if (p.nomem || (p.changed && !p.out.s && vnxp_buf_add(&p.out, "", 0))) {
        vnxp_buf_free(&p.out);
        return -1;
    }
    if (p.changed) {
        *out = p.out.s;
        *out_len = p.out.len;
    }
    return 0;
}

/* ---- gumbo's memory ------------------------------------------------------------ */

/* gumbo's allocations are carved from chunks, each prefixed with the arena
 * (so that vnxp_html_destroy finds it from the output) and its size class.
 * A block's size is a power of two, and a block gumbo frees goes on the
 * list of its class for the next allocation of that class: gumbo frees a
 * text's buffer as it ends (after copying it) and the buffers it outgrows,
 * and without reuse a page's text took its bytes three times over, in
 * fresh pages. The chunks go as a whole, whether the parse ended or was
 * left by longjmp. */
typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    max_align_t data[];
} chunk;

typedef struct prefix {
    _Alignas(max_align_t) struct arena *arena;
    size_t size_class; // the block after the prefix holds 1 << size_class bytes
} prefix;

enum { CHUNK_MIN = 16 << 10, CHUNK_MAX = 1 << 20, MIN_CLASS = 4, CLASSES = 64 };

// A freed block, on the list of its class.
typedef struct free_block {
    struct free_block *next;
} free_block;

typedef struct arena {
    chunk *chunks; // the first has room, the others are full or large
    size_t used, budget, next_size;
    free_block *free[CLASSES];
    char *page; // the bounded page, when it differs: gumbo points into it
    jmp_buf fail;
} arena;

// A chunk of at least `need` bytes: the new first one, or (for a large
// block) one behind it, so that the first one's room is not lost.
static chunk *new_chunk(arena *a, size_t need)
{
    int large = need > a->next_size / 4;
    size_t size = large ? need : a->next_size;
    if (size > a->budget - a->used || a->budget - a->used - size < sizeof(chunk))
        longjmp(a->fail, 1);
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c)
        longjmp(a->fail, 1);
    c->size = size;
    c->used = 0;
    a->used += sizeof(chunk) + size;
    if (large && a->chunks) {
        c->next = a->chunks->next;
        a->chunks->next = c;
    } else {
        c->next = a->chunks;
        a->chunks = c;
        a->next_size = a->next_size * 2 > CHUNK_MAX ? CHUNK_MAX : a->next_size * 2;
    }
    return c;
}

// The least class whose blocks hold `size` bytes.
static size_t size_class(size_t size)
{
    size_t k = MIN_CLASS;
    while (((size_t)1 << k) < size)
        k++;
    return k;
}

static void *arena_alloc(void *userdata, size_t size)
{
    arena *a = userdata;
    if (size > SIZE_MAX / 4)
        longjmp(a->fail, 1);
    size_t k = size_class(size);
    if (a->free[k]) {
        free_block *b = a->free[k];
        a->free[k] = b->next;
        return b;
    }
    size_t need = sizeof(prefix) + ((size_t)1 << k);
    chunk *c = a->chunks;
    if (!c || c->size - c->used < need)
        c = new_chunk(a, need);
    prefix *p = (prefix *)((char *)c->data + c->used);
    c->used += need;
    p->arena = a;
    p->size_class = k;
    return p + 1;
}

static void arena_free(void *userdata, void *ptr)
{
    arena *a = userdata;
    if (!ptr)
        return;
    free_block *b = ptr;
    size_t k = ((prefix *)ptr - 1)->size_class;
    b->next = a->free[k];
    a->free[k] = b;
}

static void arena_release(arena *a)
{
    for (chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a->page);
    free(a);
}

// gumbo_parse_with_options, or NULL when the parse was left by longjmp. A
// function of its own, so that nothing it changes after setjmp is read after
// the jump.
static GumboOutput *parse_in(arena *a, const char *html, size_t len)
{
    GumboOptions opts = kGumboDefaultOptions;
    opts.allocator = arena_alloc;
    opts.deallocator = arena_free;
    opts.userdata = a;
    opts.max_errors = MAX_PARSE_ERRORS;
    if (setjmp(a->fail))
        return NULL;
    return gumbo_parse_with_options(&opts, html, len);
}

GumboOutput *vnxp_html_parse(const char *html, size_t len)
{
    arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->next_size = CHUNK_MIN;
    a->budget = len > (SIZE_MAX - BUDGET_BASE) / BUDGET_PER_BYTE
                    ? SIZE_MAX
                    : BUDGET_BASE + BUDGET_PER_BYTE * len;
    size_t bounded_len = len;
    if (vnxp_html_bound(html ? html : "", len, &a->page, &bounded_len)) {
        arena_release(a);
        return NULL;
    }
    GumboOutput *doc = parse_in(a, a->page ? a->page : html ? html : "", bounded_len);
    if (!doc)
        arena_release(a);
    return doc;
}

void vnxp_html_destroy(GumboOutput *doc)
{
    if (doc)
        arena_release(((prefix *)doc - 1)->arena);
}
