/**
 * prescan.c: what gumbo need not read, cut out before the parse.
 *
 * gumbo tokenizes the contents of <script> and <style> a character at a
 * time, and builds a node for every part of an inline <svg>: on saved news
 * pages, whose inline CSS and icons are most of their bytes, that was four
 * fifths of the parse. None of it is text a reader sees. This pass finds
 * those elements the way the HTML tokenizer would (skipping comments,
 * attribute values, and the raw text of <textarea>, <title>, <xmp>,
 * <iframe>, <noembed> and <noframes>) and cuts their contents out, in
 * place: the elements stay, empty. (Blanking them with spaces is not
 * enough: gumbo reads spaces a character at a time too.)
 *
 * Kept as they are: JSON-LD scripts (the publication date is read from
 * them), a script that holds "<!--" (the tokenizer's escaped states may
 * read its end elsewhere), an <svg> that holds an HTML element (which the
 * parser would move out of it), and anything not closed.
 *
 * One forward pass: linear in the page's bytes.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include <strings.h>

#include "input/page.h"

static int is_tag_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether the tag name at s (n bytes left) is `name`, ended by a space, '/' or '>'.
static int name_is(const char *s, size_t n, const char *name)
{
    size_t k = strlen(name);
    return n > k && strncasecmp(s, name, k) == 0 && (is_tag_space(s[k]) || s[k] == '/' ||
                                                     s[k] == '>');
}

// The end of the tag starting at `p` ('<'): one past its '>', or `end`.
// Quoted attribute values may hold '>'.
static const char *tag_end(const char *p, const char *end)
{
    char quote = 0;
    for (const char *q = p + 1; q < end; q++) {
        if (quote) {
            if (*q == quote)
                quote = 0;
        } else if (*q == '>') {
            return q + 1;
        } else if ((*q == '"' || *q == '\'') && q[-1] == '=') {
            quote = *q;
        } else if ((*q == '"' || *q == '\'') && is_tag_space(q[-1])) {
            // `= "x"`: a value after spaces is quoted too.
            const char *b = q - 1;
            while (b > p && is_tag_space(*b))
                b--;
            if (*b == '=')
                quote = *q;
        }
    }
    return end;
}

// The start of the first "</NAME" (ended like a tag name) at or after p, or NULL.
static const char *find_close(const char *p, const char *end, const char *name)
{
    size_t k = strlen(name);
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) > k + 2 && p[1] == '/' && name_is(p + 2, (size_t)(end - p - 2), name))
            return p;
        p++;
    }
    return NULL;
}

// Whether [s, end) holds `what` (ASCII letters in any case; its first
// character is not a letter).
static int holds(const char *s, const char *end, const char *what)
{
    size_t k = strlen(what);
    while (s + k <= end && (s = memchr(s, what[0], (size_t)(end - s))) != NULL) {
        if (s + k <= end && strncasecmp(s, what, k) == 0)
            return 1;
        s++;
    }
    return 0;
}

/* The page being cut: bytes before `kept` are done (written at `out`), and
 * ranges are cut as the scan finds them, in order. */
typedef struct cutter {
    char *out;        // where the next kept byte goes
    const char *kept; // the first byte not yet written
} cutter;

static void cut(cutter *c, const char *from, const char *to)
{
    size_t n = (size_t)(from - c->kept);
    memmove(c->out, c->kept, n);
    c->out += n;
    c->kept = to;
}

// HTML elements that end an <svg> when met inside it (HTML5 "foreign
// content" breakout), so its contents are not all the svg's.
static int breaks_out(const char *s, size_t n)
{
    static const char *const names[] = {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
        "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
        "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (name_is(s, n, names[i]))
            return 1;
    return 0;
}

// The end of the <svg> whose contents start at p: the '<' of its "</svg",
// or NULL when it is not closed or holds HTML (then nothing is cut).
static const char *svg_close(const char *p, const char *end)
{
    int depth = 1;
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t left = (size_t)(end - p);
        if (left > 4 && strncmp(p, "<!--", 4) == 0) {
            const char *c = strstr(p + 4, "-->");
            if (!c || c >= end)
                return NULL;
            p = c + 3;
            continue;
        }
        if (left > 5 && p[1] == '/' && name_is(p + 2, left - 2, "svg") && --depth == 0)
            return p;
        if (left > 1 && is_letter(p[1])) {
            if (breaks_out(p + 1, left - 1))
                return NULL;
            depth += name_is(p + 1, left - 1, "svg");
        }
        p = tag_end(p, end);
    }
    return NULL;
}

// Elements whose contents the tokenizer reads as text up to their end tag.
static const char *const RAW_TEXT[] = {"textarea", "title", "xmp", "iframe", "noembed",
                                       "noframes"};

// An open tag at p (p[1] a letter): cut what it holds if it is unread, and
// return where the scan goes on.
static const char *open_tag(cutter *c, const char *p, const char *end)
{
    size_t left = (size_t)(end - p) - 1;
    const char *after = tag_end(p, end);
    if (name_is(p + 1, left, "script") || name_is(p + 1, left, "style")) {
        const char *name = name_is(p + 1, left, "script") ? "script" : "style";
        const char *close = find_close(after, end, name);
        if (!close)
            return end; // the rest is its text: nothing more to find
        int keep = holds(p, after, "+json") || holds(after, close, "<!--");
        if (!keep)
            cut(c, after, close);
        return close;
    }
    if (name_is(p + 1, left, "svg")) {
        const char *close = svg_close(after, end);
        if (close)
            cut(c, after, close);
        return close ? close : after;
    }
    if (name_is(p + 1, left, "plaintext"))
        return end;
    for (size_t i = 0; i < sizeof RAW_TEXT / sizeof *RAW_TEXT; i++)
        if (name_is(p + 1, left, RAW_TEXT[i])) {
            const char *close = find_close(after, end, RAW_TEXT[i]);
            return close ? close : end;
        }
    return after;
}

size_t vnxp_html_cut_unread(char *html, size_t len)
{
    const char *end = html + len;
    const char *p = html;
    cutter c = {html, html};
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t left = (size_t)(end - p);
        if (left >= 4 && strncmp(p, "<!--", 4) == 0) {
            // A comment ends at the first "-->" ("<!-->" is one too).
            const char *q = p + 2;
            while (q + 2 < end && !(q[0] == '-' && q[1] == '-' && q[2] == '>'))
                q++;
            p = q + 3 <= end ? q + 3 : end;
        } else if (left >= 2 && is_letter(p[1])) {
            p = open_tag(&c, p, end);
        } else if (left >= 2 && (p[1] == '/' || p[1] == '!' || p[1] == '?')) {
            p = tag_end(p, end);
        } else {
            p++;
        }
    }
    cut(&c, end, end);
    size_t n = (size_t)(c.out - html);
    if (n < len)
        html[n] = '\0';
    return n;
}
