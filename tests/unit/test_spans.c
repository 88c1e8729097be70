/**
 * test_spans.c: spans in the unit the caller indexes with (SPEC.md's span,
 * vnx_result_convert_spans, VNX_OPT_SPANS_*): bytes, code points, UTF-16
 * units; characters outside the BMP, invalid UTF-8, a byte order mark; all
 * or nothing on an error.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

// "𝐀" is 4 bytes, 1 code point, 2 UTF-16 units; "à" 2 bytes, 1, 1.
static const char ASTRAL[] = "\xF0\x9D\x90\x80 Ngày 18/12/2023 theo Hướng dẫn số 03-HD/TU.";

static vnx_result *extract_with(unsigned flags, const char *text, size_t len)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = flags;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_msg(x != NULL, "%s", err.message);
    vnx_result *r = vnx_extract(x, text, len, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    vnx_extractor_free(x);
    return r;
}

START_TEST(bytes_by_default)
{
    vnx_result *r = extract(ASTRAL);
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_BYTES);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    // "𝐀 " is 5 bytes; "Ngày 18/12/2023" 16 bytes
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 5);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 21);
    vnx_result_free(r);
}
END_TEST

START_TEST(codepoints_option)
{
    vnx_result *r = extract_with(VNX_OPT_SPANS_CODEPOINTS, ASTRAL, strlen(ASTRAL));
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_CODEPOINTS);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 2);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 17);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    // "Hướng dẫn số 03-HD/TU" starts after "𝐀 Ngày 18/12/2023 theo " (23 code points)
    ck_assert_uint_eq(vnx_result_directive(r, 0)->span.start, 23);
    ck_assert_uint_eq(vnx_result_directive(r, 0)->span.end, 23 + 21);
    vnx_result_free(r);
}
END_TEST

START_TEST(utf16_option)
{
    vnx_result *r = extract_with(VNX_OPT_SPANS_UTF16, ASTRAL, strlen(ASTRAL));
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_UTF16);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 3);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 18);
    vnx_result_free(r);
}
END_TEST

START_TEST(both_units_refused)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = VNX_OPT_SPANS_CODEPOINTS | VNX_OPT_SPANS_UTF16;
    vnx_error err;
    ck_assert_ptr_null(vnx_extractor_new(&o, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
}
END_TEST

// bytes -> UTF-16 -> code points -> bytes gives the spans back, from any unit.
START_TEST(round_trip)
{
    vnx_result *r = extract(ASTRAL), *want = extract(ASTRAL);
    vnx_error err;
    size_t len = strlen(ASTRAL);
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, len, VNX_SPANS_UTF16, &err), VNX_OK);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 3);
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, len, VNX_SPANS_CODEPOINTS, &err), VNX_OK);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 2);
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, len, VNX_SPANS_CODEPOINTS, &err), VNX_OK);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 2); // already there: unchanged
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, len, VNX_SPANS_BYTES, &err), VNX_OK);
    char *a = vnx_result_to_json(r, 0), *b = vnx_result_to_json(want, 0);
    ck_assert_str_eq(a, b);
    vnx_free(a);
    vnx_free(b);
    vnx_result_free(r);
    vnx_result_free(want);
}
END_TEST

// An invalid sequence is one U+FFFD (its maximal subpart), a BOM one code point.
START_TEST(invalid_utf8_and_bom)
{
    // BOM (3 bytes), a truncated 3-byte sequence (2 bytes: one U+FFFD), 0xFF (one more)
    static const char text[] = "\xEF\xBB\xBF\xE1\xBB\xFF Ngày 18/12/2023";
    vnx_result *r = extract_with(VNX_OPT_SPANS_CODEPOINTS, text, sizeof text - 1);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 4); // BOM, U+FFFD, U+FFFD, space
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 19);
    vnx_result_free(r);
}
END_TEST

START_TEST(past_the_end_changes_nothing)
{
    vnx_result *r = extract(ASTRAL);
    vnx_error err;
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, 10, VNX_SPANS_CODEPOINTS, &err),
                     VNX_ERR_ARGUMENT);
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_BYTES);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 5);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 21);
    vnx_result_free(r);
}
END_TEST

START_TEST(bad_arguments)
{
    vnx_result *r = extract(ASTRAL);
    vnx_error err;
    ck_assert_int_eq(vnx_result_convert_spans(r, ASTRAL, strlen(ASTRAL), 3, &err),
                     VNX_ERR_ARGUMENT);
    ck_assert_int_eq(vnx_result_convert_spans(NULL, ASTRAL, 1, VNX_SPANS_UTF16, &err),
                     VNX_ERR_ARGUMENT);
    ck_assert_int_eq(vnx_result_convert_spans(r, NULL, 5, VNX_SPANS_UTF16, &err), VNX_ERR_ARGUMENT);
    ck_assert_uint_eq(vnx_result_span_unit(NULL), VNX_SPANS_BYTES);
    vnx_result_free(r);
    // an empty record converts on an empty text
    r = extract("");
    ck_assert_int_eq(vnx_result_convert_spans(r, NULL, 0, VNX_SPANS_UTF16, &err), VNX_OK);
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_UTF16);
    vnx_result_free(r);
}
END_TEST

// Officials' mention spans are converted too.
START_TEST(officials_spans)
{
    static const char text[] =
        "\xF0\x9D\x90\x80 Hội nghị. Đồng chí Nguyễn Văn Toản, Bí thư chi bộ phát biểu.";
    vnx_result *b = extract(text);
    vnx_result *c = extract_with(VNX_OPT_SPANS_CODEPOINTS, text, sizeof text - 1);
    ck_assert_uint_eq(vnx_result_official_count(c), 1);
    const vnx_official *ob = vnx_result_official(b, 0), *oc = vnx_result_official(c, 0);
    ck_assert_uint_eq(oc->nspans, 1);
    ck_assert_uint_eq(ob->spans[0].start, 32); // 4 + 1 + "Hội nghị. Đồng chí " (27 bytes)
    ck_assert_uint_eq(oc->spans[0].start, 21); // 1 + 1 + 19 code points
    ck_assert_uint_eq(oc->spans[0].end, 21 + 15);
    vnx_result_free(b);
    vnx_result_free(c);
}
END_TEST

static Suite *spans_suite(void)
{
    Suite *s = suite_create("spans");
    TCase *tc = tcase_create("units");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, bytes_by_default);
    tcase_add_test(tc, codepoints_option);
    tcase_add_test(tc, utf16_option);
    tcase_add_test(tc, both_units_refused);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, invalid_utf8_and_bom);
    tcase_add_test(tc, past_the_end_changes_nothing);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, officials_spans);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(spans_suite());
}
