/**
 * charset.c: the encoding of a saved page, and mojibake.
 *
 * As a browser decides it: a byte order mark first, then the encoding the
 * caller gives (--encoding), then the page's own <meta charset="..."> or
 * <meta http-equiv="Content-Type" content="text/html; charset=..."> found
 * in its first 1024 bytes, else UTF-8. A page that says "iso-8859-1" or
 * "us-ascii" is read as windows-1252, as browsers do (HTML5); a name no
 * converter knows ("UTF-9") is passed over, as browsers do, not an error.
 *
 * Mojibake is UTF-8 text that was once read as windows-1252 and written
 * back as UTF-8: "đ" becomes "Ä‘", "á" "Ã¡". It is left as it is (it may be
 * meant), with a warning, when such pairs are frequent.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

#include "input/page.h"

enum { PRESCAN_BYTES = 1024, MAX_NAME = 40 };

static const char *bom_name(const unsigned char *b, size_t len)
{
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return "UTF-8";
    if (len >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
                     (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
        return "UTF-32";
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return "UTF-16";
    return NULL;
}

// The names HTML5 maps to another encoding; the rest go to ICU as written.
static const char *canonical(const char *name)
{
    static const char *const latin1[] = {"iso-8859-1", "latin1", "l1", "us-ascii", "ascii",
                                         "iso8859-1", "iso_8859-1", "cp819", "ibm819"};
    for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
        if (strcasecmp(name, latin1[i]) == 0)
            return "windows-1252";
    if (strcasecmp(name, "utf8") == 0 || strcasecmp(name, "unicode-1-1-utf-8") == 0)
        return "UTF-8";
    // A page served as UTF-16 cannot say so in ASCII: its bytes are ASCII.
    if (strncasecmp(name, "utf-16", 6) == 0)
        return "UTF-8";
    return name;
}

// The charset named right after "charset" at s (with '=' and quotes), copied to out.
static int read_charset(const char *s, const char *end, char *out)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s >= end || *s != '=')
        return 0;
    s++;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
        s++;
    size_t n = 0;
    while (s + n < end && n < MAX_NAME &&
           ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
            (s[n] >= '0' && s[n] <= '9') || strchr("-_.:", s[n])))
        n++;
    if (n == 0 || n >= MAX_NAME)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return 1;
}

// Whether ICU has a converter by this name.
static int is_known(const char *name)
{
    UErrorCode st = U_ZERO_ERROR;
    return ucnv_countAliases(canonical(name), &st) > 0 && U_SUCCESS(st);
}

// The first "charset=" inside a <meta ...> tag in the page's first bytes
// that names a known encoding: <meta charset="x"> and <meta
// http-equiv=... content="...; charset=x"> alike.
static int meta_charset(const char *b, size_t len, char *out)
{
    const char *end = b + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
    for (const char *p = b; p + 5 < end; p++) {
        if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0)
            continue;
        const char *close = memchr(p, '>', (size_t)(end - p));
        const char *tag_end = close ? close : end;
        for (const char *q = p + 5; q + 7 <= tag_end; q++)
            if (strncasecmp(q, "charset", 7) == 0 && read_charset(q + 7, tag_end, out) &&
                is_known(out))
                return 1;
        p = tag_end - 1;
    }
    return 0;
}

const char *vnxp_html_encoding(const char *bytes, size_t len, const char *given,
                               const char **why)
{
    static _Thread_local char found[MAX_NAME];
    const char *bom = bom_name((const unsigned char *)bytes, len);
    if (bom) {
        *why = "byte order mark";
        return bom;
    }
    if (given && strcasecmp(given, "auto") != 0) {
        *why = "--encoding";
        return given;
    }
    if (meta_charset(bytes, len, found)) {
        *why = "<meta>";
        return canonical(found);
    }
    *why = "default";
    return "UTF-8";
}

int vnxp_looks_mojibake(const char *s, size_t len)
{
    // UTF-8 lead bytes read as windows-1252 and written back: "Ã" (C3 83),
    // "Ä" (C3 84), "Æ" (C3 86), "Â" (C3 82) followed by a character that
    // was a continuation byte (U+0080..U+00BF, or the windows-1252 specials
    // at 80..9F, written as E2 80 xx, C5 xx, CB xx, C6 92).
    size_t pairs = 0, letters = 0;
    for (size_t i = 0; i + 3 < len; i++) {
        unsigned char c = (unsigned char)s[i];
        letters += c >= 0xC0 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (c != 0xC3 || !strchr("\x82\x83\x84\x86", s[i + 1]))
            continue;
        unsigned char d = (unsigned char)s[i + 2], e = (unsigned char)s[i + 3];
        if ((d == 0xC2 && e >= 0x80 && e <= 0xBF) || d == 0xE2 || d == 0xC5 || d == 0xCB ||
            d == 0xC6)
            pairs++;
    }
    // A few such pairs are words ("Ã" is rare in Vietnamese); many are not.
    return pairs >= 3 && pairs * 50 >= letters;
}
