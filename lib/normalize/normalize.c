/**
 * normalize.c: bytes in, matching text out (the first stage of the pipeline).
 *
 * Input UTF-8 is decoded (invalid sequences become U+FFFD and are reported),
 * a leading BOM is dropped, CRLF and CR become "\n", invisible characters
 * are dropped and odd spaces become ' '. ICU brings the text to NFC (with a
 * quick-check fast path for text that is NFC already), and the placement of
 * tone marks is folded to one style (ủy/uỷ, hòa/hoà, thúy/thuý) so that one
 * pattern matches both; letters that only look like another are read as it
 * ("Ðại hội" with U+00D0 for Đ). Every output byte keeps the offset of the input
 * byte it came from, so that spans point into the input as given.
 *
 * Most documents need none of this but the tone folding: they are valid
 * UTF-8, NFC already, with no CR, control, invisible or odd-space
 * character. Those take a fast path that copies the bytes, folds tones in
 * place and keeps no map (each byte is where it was).
 *
 * SPDX-License-Identifier: MIT
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "internal.h"

/* UTF-16 text with the input offset of every code unit. */
typedef struct u16text {
    UChar *u;
    vnxp_offset *off;
    size_t n, cap;
} u16text;

static void u16_free(u16text *t)
{
    free(t->u);
    free(t->off);
    memset(t, 0, sizeof *t);
}

static int u16_reserve(u16text *t, size_t need)
{
    if (need <= t->cap)
        return 0;
    size_t cap = t->cap;
    if (vnxp_grow((void **)&t->u, &cap, need, sizeof *t->u))
        return -1;
    size_t cap2 = t->cap;
    if (vnxp_grow((void **)&t->off, &cap2, cap, sizeof *t->off))
        return -1;
    t->cap = cap;
    return 0;
}

static int u16_push(u16text *t, UChar32 c, vnxp_offset off)
{
    if (u16_reserve(t, t->n + 2))
        return -1;
    if (c <= 0xFFFF) {
        t->u[t->n] = (UChar)c;
        t->off[t->n++] = off;
    } else {
        t->u[t->n] = U16_LEAD(c);
        t->off[t->n++] = off;
        t->u[t->n] = U16_TRAIL(c);
        t->off[t->n++] = off;
    }
    return 0;
}

// Characters that carry no meaning for matching: zero-width and soft hyphen.
static int is_invisible(UChar32 c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           c == 0x00AD;
}

// Spaces other than ' ' that read as a space.
static int is_odd_space(UChar32 c)
{
    return c == '\t' || c == '\f' || c == '\v' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// Decode input bytes [pos, len) of UTF-8 into `t` (offsets are the input's),
// applying the line-end and space rules above.
static int decode(const char *in, size_t pos, size_t len, vnxp_invalid_fn on_invalid, void *ctx,
                  u16text *t)
{
    const uint8_t *s = (const uint8_t *)in;
    t->n = 0;
    if (u16_reserve(t, len - pos + 1))
        return -1;
    while (pos < len) {
        size_t start = pos;
        UChar32 c = s[pos];
        if (c < 0x80) {
            pos++;
        } else {
            int32_t k = 0, n = (int32_t)(len - pos < 4 ? len - pos : 4);
            U8_NEXT(s + pos, k, n, c);
            pos += (size_t)k;
            if (c < 0) {
                if (on_invalid)
                    on_invalid(ctx, start);
                c = 0xFFFD;
            }
        }
        if (c == '\r') {
            if (pos < len && s[pos] == '\n')
                pos++;
            c = '\n';
        } else if (is_odd_space(c) || c == 0 || (c < 0x20 && c != '\n') || c == 0x7F) {
            c = ' ';
        } else if (is_invisible(c)) {
            continue;
        }
        if (u16_push(t, c, (vnxp_offset)start))
            return -1;
    }
    return 0;
}

// Bring `t` to NFC. Text that passes ICU's quick check is left as it is;
// otherwise each run between normalization boundaries is normalized on its
// own, and all its output units keep the offset of the run's first unit.
static int to_nfc(u16text *t, vnx_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st))
        return vnxp_fail(err, VNX_ERR_UNICODE, "ICU NFC: %s", u_errorName(st));
    int32_t yes = unorm2_spanQuickCheckYes(nfc, t->u, (int32_t)t->n, &st);
    if (U_FAILURE(st))
        return vnxp_fail(err, VNX_ERR_UNICODE, "ICU quick check: %s", u_errorName(st));
    if ((size_t)yes == t->n)
        return VNX_OK;

    u16text out = {0};
    if (u16_reserve(&out, t->n + 16))
        goto nomem;
    memcpy(out.u, t->u, (size_t)yes * sizeof *t->u);
    memcpy(out.off, t->off, (size_t)yes * sizeof *t->off);
    out.n = (size_t)yes;
    size_t i = (size_t)yes;
    while (i < t->n) {
        size_t j = i;
        UChar32 c;
        U16_NEXT(t->u, j, t->n, c);
        while (j < t->n) {
            size_t k = j;
            U16_NEXT(t->u, k, t->n, c);
            if (unorm2_hasBoundaryBefore(nfc, c))
                break;
            j = k;
        }
        UChar buf[64];
        UChar *dst = buf;
        int32_t cap = 64, got;
        st = U_ZERO_ERROR;
        got = unorm2_normalize(nfc, t->u + i, (int32_t)(j - i), dst, cap, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            // A long run of combining marks: normalize into a heap buffer.
            cap = got + 1;
            dst = malloc((size_t)cap * sizeof *dst);
            if (!dst)
                goto nomem;
            st = U_ZERO_ERROR;
            got = unorm2_normalize(nfc, t->u + i, (int32_t)(j - i), dst, cap, &st);
        }
        if (U_FAILURE(st)) {
            if (dst != buf)
                free(dst);
            u16_free(&out);
            return vnxp_fail(err, VNX_ERR_UNICODE, "ICU normalize: %s", u_errorName(st));
        }
        if (u16_reserve(&out, out.n + (size_t)got)) {
            if (dst != buf)
                free(dst);
            goto nomem;
        }
        for (int32_t q = 0; q < got; q++) {
            out.u[out.n] = dst[q];
            out.off[out.n++] = t->off[i];
        }
        if (dst != buf)
            free(dst);
        i = j;
    }
    u16_free(t);
    *t = out;
    return VNX_OK;
nomem:
    u16_free(&out);
    return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory normalizing text");
}

/* ---- tone placement ------------------------------------------------------ */

static int is_tone_mark(UChar c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// Split a precomposed letter into its letter without tone and its tone mark
// (0 when it has none): 'ủ' -> 'u' + U+0309, 'ặ' -> 'ă' + U+0323.
static UChar split_tone(const UNormalizer2 *nfd, const UNormalizer2 *nfc, UChar c, UChar *tone)
{
    *tone = 0;
    if (c < 0xC0)
        return c;
    UChar buf[8];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(nfd, c, buf, 8, &st);
    if (U_FAILURE(st) || n < 2 || n > 8)
        return c;
    UChar32 base = buf[0];
    UChar mark = 0;
    for (int32_t i = 1; i < n; i++) {
        if (is_tone_mark(buf[i]) && !mark) {
            mark = buf[i];
            continue;
        }
        base = unorm2_composePair(nfc, base, buf[i]);
        if (base < 0 || base > 0xFFFF)
            return c;
    }
    *tone = mark;
    return mark ? (UChar)base : c;
}

static int is_letter_unit(UChar c)
{
    return !U16_IS_SURROGATE(c) && u_isalpha(c);
}

// Fold one syllable u[0..n): the old style puts the tone of an open "oa",
// "oe" or "uy" on its first vowel (hòa, thúy, ủy), the new style on the
// second (hoà, thuý, uỷ). Both become the new style; everything else has one
// placement in both styles and is left alone.
static int is_bare_a_e_y(UChar c)
{
    UChar lower = c | 0x20;
    return c < 0x80 && (lower == 'a' || lower == 'e' || lower == 'y');
}

static void fold_syllable(const UNormalizer2 *nfd, const UNormalizer2 *nfc, UChar *u, size_t n)
{
    // The cheap test first: only a toned letter before a bare a, e or y can move.
    if (n < 2 || u[n - 2] < 0xC0 || !is_bare_a_e_y(u[n - 1]))
        return;
    UChar t1, t2;
    UChar b1 = split_tone(nfd, nfc, u[n - 2], &t1);
    UChar b2 = split_tone(nfd, nfc, u[n - 1], &t2);
    if (!t1 || t2)
        return;
    UChar l1 = (UChar)u_tolower(b1), l2 = (UChar)u_tolower(b2);
    int pair = (l1 == 'o' && (l2 == 'a' || l2 == 'e')) || (l1 == 'u' && l2 == 'y');
    if (!pair)
        return;
    if (n >= 3 && (u_tolower(u[n - 3]) == 'q' || (l1 == 'u' && u_tolower(u[n - 3]) == 'g')))
        return; // "quý", "gụy": the u belongs to the consonant
    UChar32 moved = unorm2_composePair(nfc, b2, t1);
    if (moved < 0 || moved > 0xFFFF)
        return;
    u[n - 2] = b1;
    u[n - 1] = (UChar)moved;
}

static int fold_tones(u16text *t, vnx_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    if (U_FAILURE(st))
        return vnxp_fail(err, VNX_ERR_UNICODE, "ICU: %s", u_errorName(st));
    size_t i = 0;
    while (i < t->n) {
        if (!is_letter_unit(t->u[i])) {
            i++;
            continue;
        }
        size_t start = i;
        int wide = 0;
        while (i < t->n && is_letter_unit(t->u[i]))
            wide |= t->u[i++] >= 0xC0;
        if (wide)
            fold_syllable(nfd, nfc, t->u + start, i - start);
    }
    return VNX_OK;
}

/* ---- look-alike letters -------------------------------------------------- */

// Letters that scraped text writes for another that looks the same:
// "Ðại hội" with the Icelandic eth (U+00D0) for Đ (U+0110). Matching reads
// them as the letter they stand for; the record's text, taken from the
// input, keeps them. Each pair is two bytes in UTF-8 both ways, so the
// folding leaves every offset where it was.
static const struct {
    UChar from, to;
} look_alikes[] = {
    {0x00D0, 0x0110}, // Ð -> Đ
    {0x00F0, 0x0111}, // ð -> đ
    {0x0189, 0x0110}, // Ɖ (African D) -> Đ
};

static UChar32 letter_it_stands_for(UChar32 c)
{
    for (size_t i = 0; i < sizeof look_alikes / sizeof *look_alikes; i++)
        if (c == look_alikes[i].from)
            return look_alikes[i].to;
    return c;
}

static void fold_look_alikes_u16(u16text *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->u[i] >= 0xD0 && t->u[i] < 0x200)
            t->u[i] = (UChar)letter_it_stands_for(t->u[i]);
}

// The same over UTF-8 in place: the look-alikes start with 0xC3 or 0xC6.
static void fold_look_alikes_utf8(char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b != 0xC3 && b != 0xC6)
            continue;
        UChar32 c = ((b & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
        UChar32 to = letter_it_stands_for(c);
        if (to != c) {
            s[i] = (char)(0xC0 | (to >> 6));
            s[i + 1] = (char)(0x80 | (to & 0x3F));
        }
        i++;
    }
}

/* ---- the fast path ------------------------------------------------------- */

// Zeroed bytes kept after the text: PCRE2's JIT reads ahead in aligned
// blocks, and must find initialised bytes there.
enum { TEXT_PADDING = 64 };

// Whether `c` may be copied as it is: no rule above changes it, and it is
// NFC on its own and combines with nothing before it (so any text made of
// such characters is NFC).
static int is_plain(UChar32 c)
{
    if (c < 0x80)
        return (c >= 0x20 && c != 0x7F) || c == '\n';
    return c <= 0xFFFF && !is_odd_space(c) && !is_invisible(c) &&
           u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(c) == 0;
}

enum { CHAR_PLAIN = 1, CHAR_LETTER = 2 };

// CHAR_PLAIN if is_plain(c), CHAR_LETTER if it is a letter of the BMP.
static uint8_t ask_class(UChar32 c)
{
    if (c < 0x80) {
        unsigned lower = (unsigned)c | 0x20;
        return (uint8_t)((is_plain(c) ? CHAR_PLAIN : 0) |
                         (lower >= 'a' && lower <= 'z' ? CHAR_LETTER : 0));
    }
    return (uint8_t)((is_plain(c) ? CHAR_PLAIN : 0) |
                     (c <= 0xFFFF && u_isalpha(c) ? CHAR_LETTER : 0));
}

// The classes of the characters Vietnamese is written with, asked once per
// extractor: asked per call, they cost a document some 10 instructions a
// byte and a short string (a name, a title) most of its normalizing.
enum { LATIN_END = 0x250, ADDITIONAL = 0x1E00, ADDITIONAL_END = 0x1F00 };
struct vnxp_char_classes {
    uint8_t latin[LATIN_END];                       // U+0000-U+024F
    uint8_t additional[ADDITIONAL_END - ADDITIONAL]; // U+1E00-U+1EFF
};

vnxp_char_classes *vnxp_char_classes_new(void)
{
    vnxp_char_classes *cc = malloc(sizeof *cc);
    if (!cc)
        return NULL;
    for (UChar32 c = 0; c < LATIN_END; c++)
        cc->latin[c] = ask_class(c);
    for (UChar32 c = ADDITIONAL; c < ADDITIONAL_END; c++)
        cc->additional[c - ADDITIONAL] = ask_class(c);
    return cc;
}

void vnxp_char_classes_free(vnxp_char_classes *cc)
{
    free(cc);
}

// The fast path's knowledge of the other characters, cached per call (made
// ready at its first use): asking ICU at every occurrence was most of the
// fast path's time.
typedef struct class_cache {
    const vnxp_char_classes *cc; // or NULL
    int ready;
    UChar32 cp[256];
    uint8_t cls[256];
} class_cache;

static unsigned char_class(class_cache *cache, UChar32 c)
{
    if (c < 0)
        return 0; // an invalid sequence (U8_NEXT's -1): not plain, the full path
    if (cache->cc && c < LATIN_END)
        return cache->cc->latin[c];
    if (cache->cc && c >= ADDITIONAL && c < ADDITIONAL_END)
        return cache->cc->additional[c - ADDITIONAL];
    if (c < 0x80)
        return ask_class(c);
    if (!cache->ready) {
        memset(cache->cp, 0xFF, sizeof cache->cp); // -1: no character
        cache->ready = 1;
    }
    unsigned slot = (unsigned)c & 255;
    if (cache->cp[slot] != c) {
        cache->cp[slot] = c;
        cache->cls[slot] = ask_class(c);
    }
    return cache->cls[slot];
}

// Fold the syllable whose last (up to) three letters start at at[0..n) and
// whose last letter ends at `end`, in place. 0, or -1 when the folded letters
// would not take the same bytes.
static int fold_in_place(const UNormalizer2 *nfd, const UNormalizer2 *nfc, char *s,
                         const size_t *at, size_t n, size_t end)
{
    UChar u[3];
    for (size_t k = 0; k < n; k++) {
        int32_t i = 0;
        UChar32 c;
        U8_NEXT_UNSAFE((const uint8_t *)s + at[k], i, c);
        u[k] = (UChar)c;
    }
    UChar b1 = u[n - 2], b2 = u[n - 1];
    fold_syllable(nfd, nfc, u, n);
    if (u[n - 2] == b1 && u[n - 1] == b2)
        return 0;
    uint8_t buf[8];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u[n - 2]);
    U8_APPEND_UNSAFE(buf, len, u[n - 1]);
    if ((size_t)len != end - at[n - 2])
        return -1;
    memcpy(s + at[n - 2], buf, (size_t)len);
    return 0;
}

// White space runs collapsed to one space and trimmed, letters lowered, as
// encode() does, for VNXP_NORM_COLLAPSE and VNXP_NORM_LOWER: a new text
// from the `len` bytes of plain text at `s`.
static int collapse_and_lower(const char *s, size_t len, unsigned flags, vnxp_text *out)
{
    char *o = malloc(2 * len + TEXT_PADDING); // a lower case letter may be longer
    if (!o)
        return -1;
    size_t j = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT_UNSAFE((const uint8_t *)s, i, c);
        int space = c < 0x80 ? c == ' ' || c == '\n' : u_isUWhiteSpace(c);
        if ((flags & VNXP_NORM_COLLAPSE) && space) {
            pending_space = j > 0;
            continue;
        }
        if (pending_space) {
            o[j++] = ' ';
            pending_space = 0;
        }
        if (flags & VNXP_NORM_LOWER)
            c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : u_tolower(c);
        U8_APPEND_UNSAFE(o, j, c);
    }
    memset(o + j, 0, TEXT_PADDING);
    *out = (vnxp_text){o, j, NULL, 0};
    return 0;
}

// The matching text of `in` by the fast path: 1 done, 0 the text needs the
// full path, -1 out of memory. Collapsing or lowering moves bytes, so those
// take it only when no map is asked for.
static int fast_path(const vnxp_char_classes *cc, const char *in, size_t len, unsigned flags,
                     int want_map, vnxp_text *out)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    unsigned moving = flags & (VNXP_NORM_COLLAPSE | VNXP_NORM_LOWER);
    if (U_FAILURE(st) || (flags & ~(VNXP_NORM_FOLD_TONES | moving)) || (moving && want_map))
        return 0;
    char *s = malloc(len + TEXT_PADDING);
    if (!s)
        return -1;
    memcpy(s, in, len);
    memset(s + len, 0, TEXT_PADDING);
    size_t at[3], letters = 0; // the last three letters of the current run
    int wide = 0;
    class_cache cache;
    cache.cc = cc;
    cache.ready = 0;
    for (size_t i = 0; i <= len;) {
        UChar32 c = 0;
        size_t start = i;
        if (i < len)
            U8_NEXT((const uint8_t *)s, i, len, c);
        else
            i++;
        unsigned cls = start < len ? char_class(&cache, c) : 0;
        if (start < len && !(cls & CHAR_PLAIN))
            break;
        if (cls & CHAR_LETTER) {
            if (letters >= 3) {
                at[0] = at[1];
                at[1] = at[2];
                at[2] = start;
            } else {
                at[letters] = start;
            }
            letters++;
            wide |= c >= 0xC0;
            continue;
        }
        if (wide && letters >= 2 && (flags & VNXP_NORM_FOLD_TONES) &&
            fold_in_place(nfd, nfc, s, at, letters < 3 ? letters : 3, start))
            break;
        letters = 0;
        wide = 0;
        if (start == len && (flags & VNXP_NORM_FOLD_TONES))
            fold_look_alikes_utf8(s, len);
        if (start == len && moving) {
            int rc = collapse_and_lower(s, len, flags, out);
            free(s);
            return rc ? -1 : 1;
        }
        if (start == len) {
            *out = (vnxp_text){s, len, NULL, 0};
            return 1;
        }
    }
    free(s);
    return 0;
}

/* ---- UTF-8 output -------------------------------------------------------- */

static int is_space_unit(UChar c)
{
    return c == ' ' || c == '\n';
}

/* The UTF-8 text being written, piece by piece, with its map: a shift
 * for each character whose distance to its input byte differs from the
 * character's before it (the map of a text that only lost a CR at each
 * line end is one shift a line, not one offset a byte). */
typedef struct encoder {
    vnxp_text *out;
    size_t cap, map_cap;
    unsigned flags;
    int want_map, pending_space;
} encoder;

static int encoder_init(encoder *e, vnxp_text *out, size_t input_len, unsigned flags,
                        int want_map)
{
    // Most texts take about the bytes they came in; the rest grow.
    *e = (encoder){.out = out, .cap = input_len + TEXT_PADDING, .flags = flags,
                   .want_map = want_map};
    out->s = malloc(e->cap);
    return out->s ? 0 : -1;
}

// Map output byte `at` (a character's first) to input byte `from`.
static int encoder_map(encoder *e, size_t at, vnxp_offset from)
{
    vnxp_text *o = e->out;
    if (o->nmap > 0) {
        const vnxp_shift *last = &o->map[o->nmap - 1];
        if ((int64_t)from - last->in == (int64_t)at - last->out)
            return 0;
    }
    if (vnxp_grow((void **)&o->map, &e->map_cap, o->nmap + 1, sizeof *o->map))
        return -1;
    o->map[o->nmap++] = (vnxp_shift){(vnxp_offset)at, from};
    return 0;
}

// Append one character (and a collapsed space before it) that came from
// input byte `from`.
static int encoder_put(encoder *e, UChar32 c, vnxp_offset from)
{
    vnxp_text *o = e->out;
    if (o->len + 5 + TEXT_PADDING > e->cap &&
        vnxp_grow((void **)&o->s, &e->cap, o->len + 5 + TEXT_PADDING, 1))
        return -1;
    if (e->pending_space) {
        if (e->want_map && encoder_map(e, o->len, from))
            return -1;
        o->s[o->len++] = ' ';
        e->pending_space = 0;
    }
    if (e->want_map && encoder_map(e, o->len, from))
        return -1;
    U8_APPEND_UNSAFE(o->s, o->len, c);
    return 0;
}

// Encode the piece `t` as UTF-8 onto the encoder's text.
static int encode(encoder *e, const u16text *t)
{
    size_t i = 0;
    while (i < t->n) {
        size_t first = i;
        UChar32 c;
        U16_NEXT(t->u, i, t->n, c);
        if ((e->flags & VNXP_NORM_COLLAPSE) && (is_space_unit((UChar)c) || u_isUWhiteSpace(c))) {
            e->pending_space = e->out->len > 0;
            continue;
        }
        if (e->flags & VNXP_NORM_LOWER)
            c = u_tolower(c);
        if (encoder_put(e, c, t->off[first]))
            return -1;
    }
    return 0;
}

// The end of the text maps to the end of the input; both shrink to fit.
static int encoder_finish(encoder *e, size_t input_len)
{
    vnxp_text *o = e->out;
    if (e->want_map && encoder_map(e, o->len, (vnxp_offset)input_len))
        return -1;
    memset(o->s + o->len, 0, TEXT_PADDING);
    char *fit = realloc(o->s, o->len + TEXT_PADDING);
    if (fit)
        o->s = fit;
    vnxp_shift *map_fit = o->map ? realloc(o->map, o->nmap * sizeof *o->map) : NULL;
    if (map_fit)
        o->map = map_fit;
    return 0;
}

/* ---- the full path, a piece at a time ------------------------------------ */

// Input bytes the full path takes at a time: its UTF-16 copy and offsets
// (6 bytes a unit) stay this size whatever the document's.
enum { PIECE = 1 << 16 };

// Whether the input may be cut before byte `p`: between two ASCII
// characters, the first neither a letter (a syllable is folded whole) nor
// a CR (CRLF is one line end). No rule reads across such a cut: ASCII
// starts a normalization segment and composes with nothing before it.
static int may_cut_before(const char *in, size_t p)
{
    unsigned char a = (unsigned char)in[p - 1], b = (unsigned char)in[p];
    unsigned char lower = a | 0x20;
    return a < 0x80 && b < 0x80 && a != '\r' && !(lower >= 'a' && lower <= 'z');
}

// The end of the piece that starts at `from`: about PIECE bytes on, at the
// first place the input may be cut (the whole rest when there is none).
static size_t piece_end(const char *in, size_t from, size_t len)
{
    if (len - from <= PIECE)
        return len;
    size_t p = from + PIECE;
    while (p < len && !may_cut_before(in, p))
        p++;
    return p;
}

static int full_path(const char *in, size_t len, unsigned flags, int want_map,
                     vnxp_invalid_fn on_invalid, void *ctx, vnxp_text *out, vnx_error *err)
{
    encoder e;
    if (encoder_init(&e, out, len, flags, want_map))
        return vnxp_fail(err, VNX_ERR_NOMEM, "out of memory encoding text");
    u16text t = {0};
    int rc = VNX_OK;
    size_t from = len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; // a BOM
    while (rc == VNX_OK && from < len) {
        size_t to = piece_end(in, from, len);
        if (decode(in, from, to, on_invalid, ctx, &t)) {
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory decoding text");
            break;
        }
        if ((rc = to_nfc(&t, err)) != VNX_OK)
            break;
        if ((flags & VNXP_NORM_FOLD_TONES) && (rc = fold_tones(&t, err)) != VNX_OK)
            break;
        if (flags & VNXP_NORM_FOLD_TONES)
            fold_look_alikes_u16(&t);
        if (encode(&e, &t))
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory encoding text");
        from = to;
    }
    if (rc == VNX_OK && encoder_finish(&e, len))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory encoding text");
    u16_free(&t);
    if (rc != VNX_OK)
        vnxp_text_free(out);
    return rc;
}

int vnxp_normalize(const char *in, size_t len, unsigned flags, int want_map,
                   vnxp_invalid_fn on_invalid, void *ctx, vnxp_text *out, vnx_error *err)
{
    return vnxp_normalize_with(NULL, in, len, flags, want_map, on_invalid, ctx, out, err);
}

int vnxp_normalize_with(const vnxp_char_classes *cc, const char *in, size_t len, unsigned flags,
                        int want_map, vnxp_invalid_fn on_invalid, void *ctx, vnxp_text *out,
                        vnx_error *err)
{
    memset(out, 0, sizeof *out);
    if (len > (size_t)INT32_MAX / 2)
        return vnxp_fail(err, VNX_ERR_TOO_LARGE, "document of %zu bytes is over the limit of %d",
                         len, INT32_MAX / 2);
    int fast = fast_path(cc, in, len, flags, want_map, out);
    if (fast != 0)
        return fast > 0 ? VNX_OK : vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    return full_path(in, len, flags, want_map, on_invalid, ctx, out, err);
}

void vnxp_text_free(vnxp_text *t)
{
    free(t->s);
    free(t->map);
    memset(t, 0, sizeof *t);
}

char *vnxp_clean(const vnxp_char_classes *cc, const char *in, size_t start, size_t end)
{
    vnxp_text t;
    if (vnxp_normalize_with(cc, in + start, end - start, VNXP_NORM_COLLAPSE, 0, NULL, NULL, &t,
                            NULL))
        return NULL;
    return t.s;
}

char *vnxp_key(const char *s, size_t n)
{
    vnxp_text t;
    unsigned flags = VNXP_NORM_FOLD_TONES | VNXP_NORM_COLLAPSE | VNXP_NORM_LOWER;
    if (vnxp_normalize(s, n, flags, 0, NULL, NULL, &t, NULL))
        return NULL;
    return t.s;
}

char *vnxp_fold_utf8(const char *s, size_t n)
{
    vnxp_text t;
    if (vnxp_normalize(s, n, VNXP_NORM_FOLD_TONES, 0, NULL, NULL, &t, NULL))
        return NULL;
    return t.s;
}

size_t vnxp_text_input_offset(const vnxp_text *t, size_t i)
{
    if (!t->map)
        return i;
    // Every byte of a character maps where its first byte does.
    while (i > 0 && i < t->len && ((unsigned char)t->s[i] & 0xC0) == 0x80)
        i--;
    size_t lo = 0, hi = t->nmap; // the last shift at or before i
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->map[mid].out <= i)
            lo = mid;
        else
            hi = mid;
    }
    return t->map[lo].in + (i - t->map[lo].out);
}

size_t vnxp_text_pos(const vnxp_text *t, size_t input_off)
{
    if (!t->map)
        return input_off < t->len ? input_off : t->len;
    size_t lo = 0, hi = t->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vnxp_text_input_offset(t, mid) < input_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
