/**
 * test_normalize.c: the normalize module (vnxp_normalize, vnxp_clean,
 * vnxp_key, vnxp_fold_utf8): NFC, the byte map back into the input, line
 * ends, invisible characters, odd spaces, invalid UTF-8, tone placement
 * folding, whitespace collapse and lower-casing.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unicode/utf8.h>

#include "internal.h"
#include "fixture.h"

/* ---- helpers ------------------------------------------------------------- */

// Normalize `in` (NUL-terminated) with `flags` and a map; fail on error.
static vnxp_text norm(const char *in, unsigned flags)
{
    vnxp_text t;
    vnx_error err;
    memset(&err, 0, sizeof err);
    int rc = vnxp_normalize(in, strlen(in), flags, 1, NULL, NULL, &t, &err);
    ck_assert_int_eq(rc, VNX_OK);
    ck_assert_ptr_nonnull(t.s);
    ck_assert_uint_eq(strlen(t.s), t.len);
    return t;
}

static void assert_map(const vnxp_text *t, const size_t *want, size_t n)
{
    ck_assert_uint_eq(t->len + 1, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(vnxp_text_input_offset(t, i) == want[i], "map[%zu] = %zu, want %zu", i,
                      vnxp_text_input_offset(t, i), want[i]);
}

static void assert_fold(const char *in, const char *want)
{
    char *got = vnxp_fold_utf8(in, strlen(in));
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

static void assert_key(const char *in, const char *want)
{
    char *got = vnxp_key(in, strlen(in));
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

/* Collects the offsets the on_invalid callback receives. */
typedef struct invalid_log {
    size_t offsets[16];
    size_t n;
} invalid_log;

static void log_invalid(void *ctx, size_t offset)
{
    invalid_log *log = ctx;
    if (log->n < 16)
        log->offsets[log->n] = offset;
    log->n++;
}

/* "Đảng" written decomposed: Đ (no decomposition), a + U+0309, n, g. */
#define DANG_NFD "\xC4\x90" "a\xCC\x89" "ng"
#define DANG_NFC "\xC4\x90" "\xE1\xBA\xA3" "ng"

/* ---- NFC and the map ----------------------------------------------------- */

START_TEST(nfc_of_nfd_input)
{
    vnxp_text t = norm(DANG_NFD, 0);
    ck_assert_str_eq(t.s, DANG_NFC);
    ck_assert_str_eq(t.s, "Đảng");
    ck_assert_uint_eq(t.len, 7);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(map_of_nfd_input)
{
    // Input bytes: Đ 0-1, a 2, U+0309 3-4, n 5, g 6 (length 7).
    // Output bytes: Đ 0-1, ả 2-4, n 5, g 6: ả comes from the run at byte 2.
    vnxp_text t = norm(DANG_NFD, 0);
    const size_t want[] = {0, 0, 2, 2, 2, 5, 6, 7};
    assert_map(&t, want, sizeof want / sizeof want[0]);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(long_text_in_pieces)
{
    // The full path takes a long text a piece at a time (cut between ASCII
    // characters): the text and the map are those of its lines normalized
    // one by one. A line with a CR, decomposed tones, an old-style tone to
    // fold (hòa), an invalid byte, a no-break space and a zero-width space.
    const char *line = "Chi bo\xCC\xA3 ho\xCC\xA3p ho\xCC\x80" "a \xFF x\xC2\xA0"
                       "\xE2\x80\x8B" "y 18/12\r\n";
    size_t ln = strlen(line), reps = 20000; // 620 KB: some ten pieces
    char *in = malloc(ln * reps + 1);
    ck_assert_ptr_nonnull(in);
    for (size_t r = 0; r < reps; r++)
        memcpy(in + r * ln, line, ln);
    in[ln * reps] = '\0';
    vnxp_text one = norm(line, VNXP_NORM_FOLD_TONES);
    vnxp_text all;
    ck_assert_int_eq(vnxp_normalize(in, ln * reps, VNXP_NORM_FOLD_TONES, 1, NULL, NULL, &all, NULL),
                     VNX_OK);
    ck_assert_uint_eq(all.len, one.len * reps);
    for (size_t r = 0; r < reps; r++) {
        ck_assert(memcmp(all.s + r * one.len, one.s, one.len) == 0);
        for (size_t i = 0; i < one.len; i++)
            ck_assert_uint_eq(vnxp_text_input_offset(&all, r * one.len + i),
                              r * ln + vnxp_text_input_offset(&one, i));
    }
    ck_assert_uint_eq(vnxp_text_input_offset(&all, all.len), ln * reps);
    // Its map is a shift where the distance to the input changes, not an
    // offset a byte: a few a line.
    ck_assert_uint_lt(all.nmap, 12 * reps);
    vnxp_text_free(&one);
    vnxp_text_free(&all);
    free(in);
}
END_TEST

START_TEST(map_of_nfd_in_the_middle)
{
    // "Họp " is NFC (6 bytes); then "ngày" decomposed: n g a U+0300 y.
    const char *in = "H\xE1\xBB\x8Dp nga\xCC\x80y";
    vnxp_text t = norm(in, 0);
    ck_assert_str_eq(t.s, "Họp ngày");
    // H0 ọ1-3 p4 ' '5 n6 g7 à(8-9 <- a8,U+0300 9-10) y11; input length 12.
    const size_t want[] = {0, 1, 1, 1, 4, 5, 6, 7, 8, 8, 11, 12};
    assert_map(&t, want, sizeof want / sizeof want[0]);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(nfc_input_map_is_identity)
{
    const char *in = "Chi bo hop 18/12";
    vnxp_text t = norm(in, 0);
    ck_assert_str_eq(t.s, in);
    for (size_t i = 0; i <= t.len; i++)
        ck_assert_uint_eq(vnxp_text_input_offset(&t, i), i);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(map_of_multibyte_nfc_input)
{
    // NFC input takes the fast path: every byte stays where it was.
    vnxp_text t = norm("bộ họp", 0);
    ck_assert_str_eq(t.s, "bộ họp");
    // b0 ộ1-3 ' '4 h5 ọ6-8 p9; length 10.
    const size_t want[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assert_map(&t, want, 11);
    vnxp_text_free(&t);
    // Taking the full path (for the CR), every byte of a character maps to
    // the character's first input byte.
    t = norm("bộ\r", 0);
    ck_assert_str_eq(t.s, "bộ\n");
    const size_t full[] = {0, 1, 1, 1, 4, 5};
    assert_map(&t, full, 6);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(fast_and_full_paths_fold_alike)
{
    // The same words, NFC (the fast path) and with a CR, a tab, a
    // no-break space or decomposed marks (the full path).
    const char *words = "Hòa Bình, thúy, ủy ban, quý, Khỏe, HÒA, òa, xòe";
    const char *want = "Hoà Bình, thuý, uỷ ban, quý, Khoẻ, HOÀ, oà, xoè";
    const char *suffixes[] = {"", "\r", "\t", "\xC2\xA0", " a\xCC\x81"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        char in[200];
        snprintf(in, sizeof in, "%s%s", words, suffixes[i]);
        vnxp_text t = norm(in, VNXP_NORM_FOLD_TONES);
        ck_assert_msg(strncmp(t.s, want, strlen(want)) == 0, "suffix %zu: %s", i, t.s);
        vnxp_text_free(&t);
    }
}
END_TEST

START_TEST(no_map_when_not_wanted)
{
    vnxp_text t;
    int rc = vnxp_normalize(DANG_NFD, strlen(DANG_NFD), 0, 0, NULL, NULL, &t, NULL);
    ck_assert_int_eq(rc, VNX_OK);
    ck_assert_ptr_null(t.map);
    ck_assert_str_eq(t.s, DANG_NFC);
    vnxp_text_free(&t);
    ck_assert_ptr_null(t.s);
}
END_TEST

START_TEST(empty_input)
{
    vnxp_text t = norm("", 0);
    ck_assert_uint_eq(t.len, 0);
    ck_assert_str_eq(t.s, "");
    ck_assert_uint_eq(vnxp_text_input_offset(&t, 0), 0);
    vnxp_text_free(&t);
}
END_TEST

/* ---- BOM, line ends, invisible characters, odd spaces ------------------- */

START_TEST(bom_dropped)
{
    vnxp_text t = norm("\xEF\xBB\xBF" "ab", 0);
    ck_assert_str_eq(t.s, "ab");
    const size_t want[] = {3, 4, 5};
    assert_map(&t, want, 3);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(bom_only_at_start_is_dropped)
{
    // A BOM inside the text is a zero-width no-break space: dropped too.
    vnxp_text t = norm("a\xEF\xBB\xBF" "b", 0);
    ck_assert_str_eq(t.s, "ab");
    const size_t want[] = {0, 4, 5};
    assert_map(&t, want, 3);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(crlf_to_lf)
{
    vnxp_text t = norm("ab\r\ncd", 0);
    ck_assert_str_eq(t.s, "ab\ncd");
    // a0 b1 '\n'<-CR 2, c4 d5; length 6.
    const size_t want[] = {0, 1, 2, 4, 5, 6};
    assert_map(&t, want, 6);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(cr_to_lf)
{
    vnxp_text t = norm("ab\rcd\r", 0);
    ck_assert_str_eq(t.s, "ab\ncd\n");
    const size_t want[] = {0, 1, 2, 3, 4, 5, 6};
    assert_map(&t, want, 7);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(crlf_twice_and_lf)
{
    vnxp_text t = norm("a\r\n\r\nb\nc", 0);
    ck_assert_str_eq(t.s, "a\n\nb\nc");
    const size_t want[] = {0, 1, 3, 5, 6, 7, 8};
    assert_map(&t, want, 7);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(nbsp_to_space)
{
    vnxp_text t = norm("chi\xC2\xA0" "bộ", 0);
    ck_assert_str_eq(t.s, "chi bộ");
    // c0 h1 i2 ' '<-3 (NBSP 3-4), b5, ộ 6-8; length 9.
    const size_t want[] = {0, 1, 2, 3, 5, 6, 6, 6, 9};
    assert_map(&t, want, 9);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(tab_and_narrow_nbsp_to_space)
{
    vnxp_text t = norm("a\tb\xE2\x80\xAF" "c", 0);
    ck_assert_str_eq(t.s, "a b c");
    vnxp_text_free(&t);
}
END_TEST

START_TEST(zero_width_space_dropped)
{
    vnxp_text t = norm("đá\xE2\x80\x8B" "nh", 0);
    ck_assert_str_eq(t.s, "đánh");
    // đ0-1 á2-3 (ZWSP 4-6) n7 h8; length 9.
    const size_t want[] = {0, 0, 2, 2, 7, 8, 9};
    assert_map(&t, want, 7);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(soft_hyphen_and_zwj_dropped)
{
    vnxp_text t = norm("chi\xC2\xAD" "bộ\xE2\x80\x8D", 0);
    ck_assert_str_eq(t.s, "chibộ");
    vnxp_text_free(&t);
}
END_TEST

/* ---- invalid UTF-8 ------------------------------------------------------ */

START_TEST(invalid_byte_replaced_and_reported)
{
    invalid_log log = {{0}, 0};
    vnxp_text t;
    const char *in = "ab\xFF" "cd";
    int rc = vnxp_normalize(in, strlen(in), 0, 1, log_invalid, &log, &t, NULL);
    ck_assert_int_eq(rc, VNX_OK);
    ck_assert_str_eq(t.s, "ab\xEF\xBF\xBD" "cd");
    ck_assert_uint_eq(log.n, 1);
    ck_assert_uint_eq(log.offsets[0], 2);
    const size_t want[] = {0, 1, 2, 2, 2, 3, 4, 5};
    assert_map(&t, want, 8);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(invalid_offsets_after_multibyte)
{
    // "Họp" (H0 ọ1-3 p4), a lone continuation byte at 5, "ngày" (n6 g7 à8-9
    // y10), an overlong encoding of '/' at 11-12.
    invalid_log log = {{0}, 0};
    vnxp_text t;
    const char *in = "H\xE1\xBB\x8Dp\x80ng\xC3\xA0y\xC0\xAF";
    int rc = vnxp_normalize(in, strlen(in), 0, 1, log_invalid, &log, &t, NULL);
    ck_assert_int_eq(rc, VNX_OK);
    ck_assert_uint_ge(log.n, 2);
    ck_assert_uint_eq(log.offsets[0], 5);
    ck_assert_uint_eq(log.offsets[1], 11);
    ck_assert_ptr_nonnull(strstr(t.s, "Họp\xEF\xBF\xBDngày\xEF\xBF\xBD"));
    vnxp_text_free(&t);
}
END_TEST

START_TEST(truncated_sequence_at_end)
{
    // The first two bytes of "ạ" (E1 BA A1) and nothing after: one U+FFFD.
    invalid_log log = {{0}, 0};
    vnxp_text t;
    const char *in = "ab\xE1\xBA";
    int rc = vnxp_normalize(in, strlen(in), 0, 1, log_invalid, &log, &t, NULL);
    ck_assert_int_eq(rc, VNX_OK);
    ck_assert_uint_eq(log.n, 1);
    ck_assert_uint_eq(log.offsets[0], 2);
    ck_assert_str_eq(t.s, "ab\xEF\xBF\xBD");
    ck_assert_uint_eq(vnxp_text_input_offset(&t, t.len), 4);
    vnxp_text_free(&t);
}
END_TEST

START_TEST(invalid_without_callback)
{
    vnxp_text t;
    const char *in = "x\xFEy";
    ck_assert_int_eq(vnxp_normalize(in, 3, 0, 0, NULL, NULL, &t, NULL), VNX_OK);
    ck_assert_str_eq(t.s, "x\xEF\xBF\xBDy");
    vnxp_text_free(&t);
}
END_TEST

START_TEST(nul_byte_becomes_space)
{
    vnxp_text t;
    const char in[] = {'a', '\0', 'b'};
    ck_assert_int_eq(vnxp_normalize(in, 3, 0, 1, NULL, NULL, &t, NULL), VNX_OK);
    ck_assert_uint_eq(t.len, 3);
    ck_assert_str_eq(t.s, "a b");
    vnxp_text_free(&t);
}
END_TEST

/* ---- tone placement ------------------------------------------------------ */

START_TEST(fold_uy)
{
    assert_fold("ủy", "uỷ");
    assert_fold("uỷ", "uỷ");
    assert_fold("Chi ủy viên", "Chi uỷ viên");
    assert_fold("ỦY BAN", "UỶ BAN");
    assert_fold("Thành ủy", "Thành uỷ");
}
END_TEST

START_TEST(fold_oa_oe)
{
    assert_fold("hòa", "hoà");
    assert_fold("hoà", "hoà");
    assert_fold("khỏe", "khoẻ");
    assert_fold("Hòa Bình", "Hoà Bình");
}
END_TEST

START_TEST(fold_thuy)
{
    assert_fold("thúy", "thuý");
    assert_fold("thuý", "thuý");
    assert_fold("Thủy", "Thuỷ");
}
END_TEST

START_TEST(old_and_new_styles_fold_alike)
{
    const char *pairs[][2] = {
        {"ủy", "uỷ"}, {"hòa", "hoà"}, {"thúy", "thuý"}, {"tùy", "tuỳ"}, {"khỏe", "khoẻ"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *a = vnxp_fold_utf8(pairs[i][0], strlen(pairs[i][0]));
        char *b = vnxp_fold_utf8(pairs[i][1], strlen(pairs[i][1]));
        ck_assert_ptr_nonnull(a);
        ck_assert_ptr_nonnull(b);
        ck_assert_str_eq(a, b);
        free(a);
        free(b);
    }
}
END_TEST

START_TEST(fold_leaves_other_syllables)
{
    assert_fold("quý", "quý");
    assert_fold("Quý", "Quý");
    assert_fold("hoàn", "hoàn");
    assert_fold("hoàn thành", "hoàn thành");
    assert_fold("thuyết", "thuyết");
    assert_fold("người", "người");
    assert_fold("Đảng", "Đảng");
    assert_fold("xếp loại", "xếp loại");
}
END_TEST

START_TEST(fold_of_nfd_input)
{
    // "ủy" decomposed: u + U+0309, then y.
    assert_fold("u\xCC\x89y", "uỷ");
    // "hòa" decomposed: o + U+0300.
    assert_fold("ho\xCC\x80" "a", "hoà");
}
END_TEST

START_TEST(normalize_folds_only_when_asked)
{
    vnxp_text t = norm("chi ủy", 0);
    ck_assert_str_eq(t.s, "chi ủy");
    vnxp_text_free(&t);
    t = norm("chi ủy", VNXP_NORM_FOLD_TONES);
    ck_assert_str_eq(t.s, "chi uỷ");
    // Input: c0 h1 i2 ' '3 ủ4-6 y7. Output: u4 ỷ5-7, in place (the fast path).
    const size_t want[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    assert_map(&t, want, 9);
    vnxp_text_free(&t);
    // The full path (for the CR) maps ỷ to the y's offset.
    t = norm("chi ủy\r", VNXP_NORM_FOLD_TONES);
    ck_assert_str_eq(t.s, "chi uỷ\n");
    const size_t full[] = {0, 1, 2, 3, 4, 7, 7, 7, 8, 9};
    assert_map(&t, full, 10);
    vnxp_text_free(&t);
}
END_TEST

/* ---- collapse, clean, key ----------------------------------------------- */

START_TEST(collapse_whitespace)
{
    vnxp_text t = norm("  chi \n\t bộ\r\n  họp  ", VNXP_NORM_COLLAPSE);
    ck_assert_str_eq(t.s, "chi bộ họp");
    // Leading blanks are dropped: 'c' is input byte 2.
    ck_assert_uint_eq(vnxp_text_input_offset(&t, 0), 2);
    // The kept space maps into its run of blanks (input bytes 5-8), 'b' to 9.
    ck_assert_uint_ge(vnxp_text_input_offset(&t, 3), 5);
    ck_assert_uint_le(vnxp_text_input_offset(&t, 3), 9);
    ck_assert_uint_eq(vnxp_text_input_offset(&t, 4), 9);
    ck_assert_uint_eq(vnxp_text_input_offset(&t, t.len), strlen("  chi \n\t bộ\r\n  họp  "));
    vnxp_text_free(&t);
}
END_TEST

START_TEST(clean_range)
{
    const char *in = "xx  Ban   Tổ\nchức  yy";
    // [2, 23) is "  Ban   Tổ\nchức  " (the "yy" starts at byte 23).
    char *c = vnxp_clean(NULL, in, 2, 23);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c, "Ban Tổ chức");
    free(c);
}
END_TEST

START_TEST(clean_is_nfc_and_keeps_tones_and_case)
{
    const char *in = "  " DANG_NFD "  \xC2\xA0ỦY  ";
    char *c = vnxp_clean(NULL, in, 0, strlen(in));
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c, "Đảng ỦY");
    free(c);
}
END_TEST

START_TEST(clean_invalid_bytes)
{
    char *c = vnxp_clean(NULL, "a \xFF b", 0, 5);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c, "a \xEF\xBF\xBD b");
    free(c);
}
END_TEST

START_TEST(key_lower_folded_collapsed)
{
    assert_key("Chi Ủy  Viên", "chi uỷ viên");
    assert_key("chi uỷ viên", "chi uỷ viên");
    assert_key("  BAN TỔ CHỨC\tTHÀNH ỦY ", "ban tổ chức thành uỷ");
    assert_key("ĐẢNG", "đảng");
    assert_key("HD", "hd");
    assert_key("QĐi", "qđi");
}
END_TEST

START_TEST(collapse_and_lower_take_fast_and_full_paths_alike)
{
    // Without a map, plain text is collapsed and lowered by the fast path;
    // asking for a map takes the full path. Both must give the same text.
    const char *texts[] = {
        "", "   ", "\n\n", "  Chi Ủy \n\n Viên  ", "HÒA BÌNH, ỦY BAN, THÚY", "Đ/C LÊ VĂN ĐẠT",
        "line\xE2\x80\xA8separator", "next\xC2\x85line", "\xC4\xB0stanbul", /* İ: shorter lower */
        "\xC8\xBA" "b", /* Ⱥ: a longer lower case */ "Ω ΣΑΣ", "a\xCC\x81 then plain",
    };
    unsigned modes[] = {VNXP_NORM_COLLAPSE, VNXP_NORM_LOWER,
                        VNXP_NORM_FOLD_TONES | VNXP_NORM_COLLAPSE | VNXP_NORM_LOWER};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        for (size_t k = 0; k < sizeof modes / sizeof *modes; k++) {
            vnxp_text fast, full;
            size_t n = strlen(texts[i]);
            ck_assert_int_eq(vnxp_normalize(texts[i], n, modes[k], 0, NULL, NULL, &fast, NULL), VNX_OK);
            ck_assert_int_eq(vnxp_normalize(texts[i], n, modes[k], 1, NULL, NULL, &full, NULL), VNX_OK);
            ck_assert_msg(fast.len == full.len && memcmp(fast.s, full.s, fast.len) == 0,
                          "text %zu, flags %u: \"%s\" vs \"%s\"", i, modes[k], fast.s, full.s);
            vnxp_text_free(&fast);
            vnxp_text_free(&full);
        }
}
END_TEST

// The classes made once with the extractor say what ICU says: every
// character they hold, between letters and alone, in every mode, with and
// without a map, gives the text the normalizer gives without them.
START_TEST(char_classes_agree_with_icu)
{
    vnxp_char_classes *cc = vnxp_char_classes_new();
    ck_assert_ptr_nonnull(cc);
    unsigned modes[] = {0, VNXP_NORM_FOLD_TONES, VNXP_NORM_COLLAPSE,
                        VNXP_NORM_FOLD_TONES | VNXP_NORM_COLLAPSE | VNXP_NORM_LOWER};
    for (UChar32 c = 1; c < 0x1F00; c = c == 0x24F ? 0x1E00 : c + 1) {
        char text[32];
        int32_t n = 0;
        U8_APPEND_UNSAFE(text, n, 'H');
        U8_APPEND_UNSAFE(text, n, 'o');
        U8_APPEND_UNSAFE(text, n, c);
        U8_APPEND_UNSAFE(text, n, 'a');
        U8_APPEND_UNSAFE(text, n, ' ');
        U8_APPEND_UNSAFE(text, n, c);
        for (size_t k = 0; k < sizeof modes / sizeof *modes; k++)
            for (int want_map = 0; want_map <= 1; want_map++) {
                vnxp_text with, without;
                ck_assert_int_eq(vnxp_normalize_with(cc, text, (size_t)n, modes[k], want_map, NULL,
                                                     NULL, &with, NULL),
                                 VNX_OK);
                ck_assert_int_eq(vnxp_normalize(text, (size_t)n, modes[k], want_map, NULL, NULL,
                                                &without, NULL),
                                 VNX_OK);
                ck_assert_msg(with.len == without.len &&
                                  memcmp(with.s, without.s, with.len) == 0,
                              "U+%04X, flags %u", (unsigned)c, modes[k]);
                vnxp_text_free(&with);
                vnxp_text_free(&without);
            }
    }
    // An invalid sequence is no character of the tables (the full path
    // replaces it): "H\xC3(", a lone continuation byte, a truncated end.
    const char *bad[] = {"Ho\xC3(a", "\x80 b", "ca\xE1\xBB", "\xFF"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        vnxp_text with, without;
        size_t n = strlen(bad[i]);
        ck_assert_int_eq(vnxp_normalize_with(cc, bad[i], n, VNXP_NORM_FOLD_TONES, 1, NULL, NULL,
                                             &with, NULL),
                         VNX_OK);
        ck_assert_int_eq(vnxp_normalize(bad[i], n, VNXP_NORM_FOLD_TONES, 1, NULL, NULL, &without,
                                        NULL),
                         VNX_OK);
        ck_assert_msg(with.len == without.len && memcmp(with.s, without.s, with.len) == 0,
                      "invalid text %zu", i);
        vnxp_text_free(&with);
        vnxp_text_free(&without);
    }
    vnxp_char_classes_free(cc);
}
END_TEST

START_TEST(key_equal_for_both_styles_and_forms)
{
    char *a = vnxp_key("Hòa Bình", strlen("Hòa Bình"));
    char *b = vnxp_key("HOÀ BÌNH", strlen("HOÀ BÌNH"));
    char *c = vnxp_key("ho\xCC\x80" "a bi\xCC\x80nh", strlen("ho\xCC\x80" "a bi\xCC\x80nh"));
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(a, "hoà bình");
    ck_assert_str_eq(b, "hoà bình");
    ck_assert_str_eq(c, "hoà bình");
    free(a);
    free(b);
    free(c);
}
END_TEST

START_TEST(key_of_prefix_length)
{
    // Only `n` bytes are read.
    assert_key("Nghị quyết", "nghị quyết");
    char *k = vnxp_key("Nghị quyết số 5", strlen("Nghị quyết"));
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k, "nghị quyết");
    free(k);
}
END_TEST

/* ---- lines and sentences (match/text.c) ---------------------------------- */

// The sentence around the first occurrence of `word` in `in`.
static char *sentence_around(const char *in, const char *word)
{
    vnxp_text t = norm(in, 0);
    size_t at = (size_t)(strstr(t.s, word) - t.s);
    vnxp_breaks b;
    ck_assert_int_eq(vnxp_breaks_find(&t, &b), 0);
    vnxp_range r = vnxp_breaks_sentence_of(&b, at, at + strlen(word));
    char *out = vnxp_strndup(t.s + r.s, r.e - r.s);
    vnxp_breaks_free(&b);
    vnxp_text_free(&t);
    return out;
}

START_TEST(sentence_ends)
{
    // A full stop ends a sentence; the dots of "TP." and "1.250" do not.
    char *s = sentence_around("Hôm qua họp. Tại TP. Huế có 1.250 người dự. Xong.", "Huế");
    ck_assert_str_eq(s, " Tại TP. Huế có 1.250 người dự");
    free(s);
    // A line wrapped inside a sentence goes on; a capital letter, a list
    // item or a blank line after the line end begins a new one.
    s = sentence_around("Chi bộ có\nmười người dự\nCuối buổi, bế mạc", "mười");
    ck_assert_str_eq(s, "Chi bộ có\nmười người dự");
    free(s);
    s = sentence_around("Kết quả:\n- 04 đồng chí\n\nHết", "04");
    ck_assert_str_eq(s, "- 04 đồng chí");
    free(s);
}
END_TEST

START_TEST(line_bounds)
{
    vnxp_text t = norm("một\nhai ba\nbốn", 0);
    size_t at = (size_t)(strstr(t.s, "ba") - t.s);
    ck_assert_str_eq(t.s + vnxp_line_start(&t, at), "hai ba\nbốn");
    ck_assert_uint_eq(vnxp_line_end(&t, at), at + 2);
    ck_assert_uint_eq(vnxp_line_end(&t, vnxp_line_end(&t, at) + 1), t.len);
    vnxp_text_free(&t);
}
END_TEST

// The index of breaks says what walking the text says, at every place.
START_TEST(breaks_agree_with_walking)
{
    vnxp_text t = norm("\nHọp. Tại TP. Huế\nmười người\n\n- 04 đồng chí!\nA? b\n", 0);
    vnxp_breaks b;
    ck_assert_int_eq(vnxp_breaks_find(&t, &b), 0);
    for (size_t s = 0; s <= t.len; s++) {
        ck_assert_uint_eq(vnxp_breaks_line_start(&b, s), vnxp_line_start(&t, s));
        for (size_t e = s; e <= t.len; e++) {
            vnxp_range want = {s, e};
            while (want.s > 0 && !vnxp_ends_sentence(&t, want.s - 1))
                want.s--;
            while (want.e < t.len && !vnxp_ends_sentence(&t, want.e))
                want.e++;
            vnxp_range got = vnxp_breaks_sentence_of(&b, s, e);
            ck_assert_uint_eq(got.s, want.s);
            ck_assert_uint_eq(got.e, want.e);
        }
    }
    vnxp_breaks_free(&b);
    vnxp_text_free(&t);
}
END_TEST

static Suite *normalize_suite(void)
{
    Suite *s = suite_create("normalize");
    TCase *tc = tcase_create("nfc_map");
    tcase_add_test(tc, nfc_of_nfd_input);
    tcase_add_test(tc, map_of_nfd_input);
    tcase_add_test(tc, map_of_nfd_in_the_middle);
    tcase_add_test(tc, long_text_in_pieces);
    tcase_add_test(tc, nfc_input_map_is_identity);
    tcase_add_test(tc, map_of_multibyte_nfc_input);
    tcase_add_test(tc, fast_and_full_paths_fold_alike);
    tcase_add_test(tc, no_map_when_not_wanted);
    tcase_add_test(tc, empty_input);
    suite_add_tcase(s, tc);

    tc = tcase_create("characters");
    tcase_add_test(tc, bom_dropped);
    tcase_add_test(tc, bom_only_at_start_is_dropped);
    tcase_add_test(tc, crlf_to_lf);
    tcase_add_test(tc, cr_to_lf);
    tcase_add_test(tc, crlf_twice_and_lf);
    tcase_add_test(tc, nbsp_to_space);
    tcase_add_test(tc, tab_and_narrow_nbsp_to_space);
    tcase_add_test(tc, zero_width_space_dropped);
    tcase_add_test(tc, soft_hyphen_and_zwj_dropped);
    suite_add_tcase(s, tc);

    tc = tcase_create("invalid_utf8");
    tcase_add_test(tc, invalid_byte_replaced_and_reported);
    tcase_add_test(tc, invalid_offsets_after_multibyte);
    tcase_add_test(tc, truncated_sequence_at_end);
    tcase_add_test(tc, invalid_without_callback);
    tcase_add_test(tc, nul_byte_becomes_space);
    suite_add_tcase(s, tc);

    tc = tcase_create("tones");
    tcase_add_test(tc, fold_uy);
    tcase_add_test(tc, fold_oa_oe);
    tcase_add_test(tc, fold_thuy);
    tcase_add_test(tc, old_and_new_styles_fold_alike);
    tcase_add_test(tc, fold_leaves_other_syllables);
    tcase_add_test(tc, fold_of_nfd_input);
    tcase_add_test(tc, normalize_folds_only_when_asked);
    suite_add_tcase(s, tc);

    tc = tcase_create("clean_key");
    tcase_add_test(tc, collapse_whitespace);
    tcase_add_test(tc, clean_range);
    tcase_add_test(tc, clean_is_nfc_and_keeps_tones_and_case);
    tcase_add_test(tc, clean_invalid_bytes);
    tcase_add_test(tc, key_lower_folded_collapsed);
    tcase_add_test(tc, collapse_and_lower_take_fast_and_full_paths_alike);
    tcase_add_test(tc, char_classes_agree_with_icu);
    tcase_add_test(tc, key_equal_for_both_styles_and_forms);
    tcase_add_test(tc, key_of_prefix_length);
    suite_add_tcase(s, tc);

    tc = tcase_create("text_structure");
    tcase_add_test(tc, sentence_ends);
    tcase_add_test(tc, line_bounds);
    tcase_add_test(tc, breaks_agree_with_walking);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(normalize_suite());
}
