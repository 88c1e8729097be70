/**
 * test_directives.c: the directives extractor, through the public API
 * (SPEC.md, "directives"): Party and State symbols, plain numbers, number
 * normalization, the type from the kind word or the symbol's code, the issue
 * date and issuer that follow, merging of repeats, and rejections.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

// Assert directive `i` of `r` has these fields (NULL: the field is null).
static void assert_directive(const vnx_result *r, size_t i, const char *text, const char *type,
                             const char *number, const char *date, const char *issuer)
{
    ck_assert_msg(i < vnx_result_directive_count(r), "no directive %zu (count %zu)", i,
                  vnx_result_directive_count(r));
    const vnx_directive *d = vnx_result_directive(r, i);
    ck_assert_ptr_nonnull(d);
    assert_str_or_null(d->number, number, "number");
    if (text)
        assert_str_or_null(d->text, text, "text");
    assert_str_or_null(d->type, type, "type");
    assert_str_or_null(d->date, date, "date");
    assert_str_or_null(d->issuer, issuer, "issuer");
}

// Assert the text holds exactly one directive, with these fields.
static void assert_only(const char *text, const char *type, const char *number, const char *date,
                        const char *issuer)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_directive_count(r) == 1, "\"%s\": %zu directives, want 1", text,
                  vnx_result_directive_count(r));
    assert_directive(r, 0, NULL, type, number, date, issuer);
    vnx_result_free(r);
}

static void assert_no_directive(const char *text)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_directive_count(r) == 0, "\"%s\": %zu directives (first %s), want 0",
                  text, vnx_result_directive_count(r),
                  vnx_result_directive_count(r) ? vnx_result_directive(r, 0)->number : "-");
    vnx_result_free(r);
}

/* ---- Party style ----------------------------------------------------------- */

START_TEST(party_guide)
{
    vnx_result *r = extract("Chi bộ thực hiện Hướng dẫn số 03-HD/TU về kiểm điểm cuối năm.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Hướng dẫn số 03-HD/TU", "Hướng dẫn", "03-HD/TU", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(party_regulation_with_dj)
{
    vnx_result *r = extract("Theo Quy định số 124-QĐ/TW, chi bộ tiến hành đánh giá.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Quy định số 124-QĐ/TW", "Quy định", "124-QĐ/TW", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(party_symbol_without_kind)
{
    // No kind word: the type comes from the code "HD".
    vnx_result *r = extract("Căn cứ 08-HD/BTCTU, các chi bộ tổ chức họp.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "08-HD/BTCTU", "Hướng dẫn", "08-HD/BTCTU", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(type_from_party_codes)
{
    assert_only("Thực hiện 21-KL/TW của Trung ương.", "Kết luận", "21-KL/TW", NULL, "Trung ương");
    assert_only("Căn cứ 05-CT/TW trong năm.", "Chỉ thị", "05-CT/TW", NULL, NULL);
    assert_only("Căn cứ 15-KH/ĐU trong năm.", "Kế hoạch", "15-KH/ĐU", NULL, NULL);
    // SPEC.md: letters upper case in the number ("QĐi" -> "QĐI").
    assert_only("Căn cứ 09-QĐi/TW trong năm.", "Quy định", "09-QĐI/TW", NULL, NULL);
    assert_only("Căn cứ 44-NQ/TW trong năm.", "Nghị quyết", "44-NQ/TW", NULL, NULL);
}
END_TEST

START_TEST(kind_word_wins_over_code)
{
    assert_only("Theo Công văn số 260-CV/HU gửi các chi bộ.", "Công văn", "260-CV/HU", NULL, NULL);
    assert_only("Theo Kết luận 07-KL/TW mới.", "Kết luận", "07-KL/TW", NULL, NULL);
}
END_TEST

START_TEST(kind_word_lower_case)
{
    // Lower-case kind words still name the kind, capitalised.
    assert_only("theo hướng dẫn số 11-HD/BTGTU nhé", "Hướng dẫn", "11-HD/BTGTU", NULL, NULL);
    assert_only("theo quyết định số 76-QĐ/ĐU nhé", "Quyết định", "76-QĐ/ĐU", NULL, NULL);
}
END_TEST

/* ---- State style ----------------------------------------------------------- */

START_TEST(state_decree)
{
    vnx_result *r = extract("Thực hiện Nghị định 15/2020/NĐ-CP trong cơ quan.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Nghị định 15/2020/NĐ-CP", "Nghị định", "15/2020/NĐ-CP", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(state_decision)
{
    vnx_result *r = extract("Thực hiện Quyết định số 1234/QĐ-UBND về việc khen thưởng.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Quyết định số 1234/QĐ-UBND", "Quyết định", "1234/QĐ-UBND", NULL,
                     NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(state_number_after_so_colon)
{
    // "số: 1234/QĐ-UBND": no kind word, the type comes from "QĐ".
    vnx_result *r = extract("Văn bản số: 1234/QĐ-UBND đã được gửi.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "số: 1234/QĐ-UBND", "Quyết định", "1234/QĐ-UBND", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(type_from_state_codes)
{
    assert_only("Căn cứ 05/2018/TT-BGDĐT hiện hành.", "Thông tư", "05/2018/TT-BGDĐT", NULL, NULL);
    assert_only("Căn cứ 91/2019/NĐ-CP hiện hành.", "Nghị định", "91/2019/NĐ-CP", NULL, NULL);
}
END_TEST

/* ---- number normalization ------------------------------------------------- */

START_TEST(number_spaces_removed)
{
    vnx_result *r = extract("Theo Hướng dẫn số 03 - HD/TU về đánh giá.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Hướng dẫn số 03 - HD/TU", "Hướng dẫn", "03-HD/TU", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(number_spaces_around_slash)
{
    assert_only("Theo Quyết định số 57 / QĐ - UBND của Ủy ban nhân dân huyện.", "Quyết định",
                "57/QĐ-UBND", NULL, "Ủy ban nhân dân huyện");
}
END_TEST

/* ---- issue date ------------------------------------------------------------- */

START_TEST(date_after_comma)
{
    vnx_result *r = extract("Căn cứ Hướng dẫn số 05-HD/ĐU, ngày 04/10/2023 của Đảng ủy xã về việc "
                            "đánh giá.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Hướng dẫn số 05-HD/ĐU", "Hướng dẫn", "05-HD/ĐU", "2023-10-04",
                     "Đảng ủy xã");
    vnx_result_free(r);
}
END_TEST

START_TEST(date_in_words_after)
{
    vnx_result *r = extract("Căn cứ Kế hoạch số 12-KH/CB ngày 30 tháng 11 năm 2023 của Chi bộ "
                            "trường và các văn bản khác.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Kế hoạch số 12-KH/CB", "Kế hoạch", "12-KH/CB", "2023-11-30",
                     "Chi bộ trường");
    // The date is a date of the document too.
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2023-11-30");
    vnx_result_free(r);
}
END_TEST

START_TEST(state_date_after)
{
    assert_only("Thực hiện Quyết định số 1234/QĐ-UBND ngày 04/10/2023.", "Quyết định",
                "1234/QĐ-UBND", "2023-10-04", NULL);
}
END_TEST

START_TEST(no_date_when_far)
{
    // A date later in the sentence is not the issue date.
    assert_only("Theo Hướng dẫn số 03-HD/TU, chi bộ họp vào ngày 04/10/2023.", "Hướng dẫn",
                "03-HD/TU", NULL, NULL);
}
END_TEST

START_TEST(date_without_year_is_not_issue_date)
{
    assert_only("Theo Hướng dẫn số 03-HD/TU ngày 4/10 chi bộ họp.", "Hướng dẫn", "03-HD/TU", NULL,
                NULL);
}
END_TEST

/* ---- issuer ------------------------------------------------------------------- */

START_TEST(issuer_stops_before_ve)
{
    vnx_result *r = extract("Thực hiện Hướng dẫn số 03-HD/TU của Ban Tổ chức Thành ủy về kiểm điểm "
                            "tập thể.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Hướng dẫn số 03-HD/TU", "Hướng dẫn", "03-HD/TU", NULL,
                     "Ban Tổ chức Thành ủy");
    vnx_result_free(r);
}
END_TEST

START_TEST(issuer_stops_before_va)
{
    assert_only("Căn cứ Quy định số 124-QĐ/TW của Bộ Chính trị và các văn bản hướng dẫn.",
                "Quy định", "124-QĐ/TW", NULL, "Bộ Chính trị");
}
END_TEST

START_TEST(issuer_stops_before_punctuation)
{
    vnx_result *r = extract("Theo Công văn số 260-CV/HU của Huyện ủy, Quy định 124-QĐ/TW nêu rõ.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 2);
    assert_directive(r, 0, "Công văn số 260-CV/HU", "Công văn", "260-CV/HU", NULL, "Huyện ủy");
    assert_directive(r, 1, "Quy định 124-QĐ/TW", "Quy định", "124-QĐ/TW", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(issuer_state)
{
    assert_only("Thực hiện Nghị định 15/2020/NĐ-CP của Chính phủ.", "Nghị định", "15/2020/NĐ-CP",
                NULL, "Chính phủ");
}
END_TEST

START_TEST(issuer_as_written)
{
    // Old tone placement kept in the issuer as written.
    assert_only("Theo Hướng dẫn số 08-HD/TU của Ban Tuyên giáo Tỉnh uỷ về học tập.", "Hướng dẫn",
                "08-HD/TU", NULL, "Ban Tuyên giáo Tỉnh uỷ");
}
END_TEST

START_TEST(no_issuer_without_cua)
{
    assert_only("Theo Hướng dẫn số 03-HD/TU Ban Tổ chức đã gửi.", "Hướng dẫn", "03-HD/TU", NULL,
                NULL);
}
END_TEST

/* ---- repeats ------------------------------------------------------------------- */

START_TEST(repeats_merged_issuer_filled)
{
    const char *text = "Theo Hướng dẫn số 03-HD/TU, chi bộ họp. Sau đó Hướng dẫn 03-HD/TU của "
                       "Ban Tuyên giáo Tỉnh ủy được quán triệt.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    // Text and span are of the first mention; the issuer is from the second.
    assert_directive(r, 0, "Hướng dẫn số 03-HD/TU", "Hướng dẫn", "03-HD/TU", NULL,
                     "Ban Tuyên giáo Tỉnh ủy");
    const vnx_directive *d = vnx_result_directive(r, 0);
    size_t start = (size_t)(strstr(text, "Hướng") - text);
    ck_assert_uint_eq(d->span.start, start);
    ck_assert_uint_eq(d->span.end, start + strlen("Hướng dẫn số 03-HD/TU"));
    vnx_result_free(r);
}
END_TEST

START_TEST(repeats_merged_date_filled)
{
    vnx_result *r = extract("Căn cứ 03-HD/TU của Thành ủy. Hướng dẫn số 03-HD/TU ngày 30/11/2023 "
                            "nêu rõ yêu cầu.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "03-HD/TU", "Hướng dẫn", "03-HD/TU", "2023-11-30", "Thành ủy");
    vnx_result_free(r);
}
END_TEST

START_TEST(repeats_with_spacing_merged)
{
    vnx_result *r = extract("Theo 03-HD/TU và Hướng dẫn 03 - HD/TU, chi bộ họp.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    ck_assert_str_eq(vnx_result_directive(r, 0)->number, "03-HD/TU");
    vnx_result_free(r);
}
END_TEST

START_TEST(distinct_numbers_kept_in_order)
{
    vnx_result *r = extract("Căn cứ Chỉ thị 05-CT/TW, Kết luận 01-KL/TW và Nghị định 15/2020/NĐ-CP.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 3);
    assert_directive(r, 0, "Chỉ thị 05-CT/TW", "Chỉ thị", "05-CT/TW", NULL, NULL);
    assert_directive(r, 1, "Kết luận 01-KL/TW", "Kết luận", "01-KL/TW", NULL, NULL);
    assert_directive(r, 2, "Nghị định 15/2020/NĐ-CP", "Nghị định", "15/2020/NĐ-CP", NULL, NULL);
    ck_assert_ptr_null(vnx_result_directive(r, 3));
    vnx_result_free(r);
}
END_TEST

/* ---- plain numbers ---------------------------------------------------------- */

START_TEST(bare_directive_number)
{
    vnx_result *r = extract("Chi bộ học tập chỉ thị 24 trong tháng.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "chỉ thị 24", "Chỉ thị", "24", NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(resolution_number_with_issuer)
{
    vnx_result *r = extract("Quán triệt Nghị quyết số 37 của Bộ Chính trị về sắp xếp đơn vị.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_directive(r, 0, "Nghị quyết số 37", "Nghị quyết", "37", NULL, "Bộ Chính trị");
    vnx_result_free(r);
}
END_TEST

START_TEST(span_of_directive)
{
    // "Thực hiện " is 14 bytes; "Hướng dẫn số 03-HD/TU" is 28.
    const char *text = "Thực hiện Hướng dẫn số 03-HD/TU.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    const vnx_directive *d = vnx_result_directive(r, 0);
    ck_assert_uint_eq(d->span.start, 14);
    ck_assert_uint_eq(d->span.end, 42);
    ck_assert_int_eq(memcmp(text + 14, "Hướng dẫn số 03-HD/TU", 28), 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(nfd_input_span_and_strings)
{
    // "Thực hiện Hướng dẫn số 03-HD/TU của Ban Tổ chức Thành ủy." in NFD.
    const char *text = "Thu\xCC\x9B\xCC\xA3" "c hie\xCC\xA3\xCC\x82" "n "
                       "Hu\xCC\x9Bo\xCC\x9B\xCC\x81" "ng da\xCC\x82\xCC\x83" "n "
                       "so\xCC\x82\xCC\x81 03-HD/TU cu\xCC\x89" "a Ban "
                       "To\xCC\x82\xCC\x89 chu\xCC\x9B\xCC\x81" "c Tha\xCC\x80" "nh "
                       "u\xCC\x89y.";
    ck_assert_uint_eq(strlen(text), 93);
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    // Strings are NFC; the span is in bytes of the NFD input.
    assert_directive(r, 0, "Hướng dẫn số 03-HD/TU", "Hướng dẫn", "03-HD/TU", NULL,
                     "Ban Tổ chức Thành ủy");
    const vnx_directive *d = vnx_result_directive(r, 0);
    ck_assert_uint_eq(d->span.start, 18);
    ck_assert_uint_eq(d->span.end, 53);
    ck_assert_int_eq(memcmp(text + 45, "03-HD/TU", 8), 0);
    vnx_result_free(r);
}
END_TEST

/* ---- rejections ------------------------------------------------------------- */

START_TEST(plan_of_a_year)
{
    assert_no_directive("Chi bộ triển khai Kế hoạch 2024 đến toàn thể đảng viên.");
    assert_no_directive("Nghị quyết 2023 của chi bộ được thông qua.");
}
END_TEST

START_TEST(five_year_plan)
{
    assert_no_directive("Chi bộ thực hiện kế hoạch 5 năm của nhà trường.");
    assert_no_directive("Báo cáo 6 tháng đầu năm được thông qua.");
}
END_TEST

START_TEST(counts_of_members)
{
    assert_no_directive("Có 2 đ/c vắng mặt có lý do.");
    assert_no_directive("Chi bộ có 18/22 đ/c tham dự.");
    assert_no_directive("Nghị quyết số 5 đảng viên thông qua.");
    // A plain number with no "số" that counts the word after it.
    assert_no_directive("Nhà trường thực hiện quy định 3 công khai năm học 2024-2025.");
}
END_TEST

START_TEST(dates_are_not_directives)
{
    assert_no_directive("Ngày 18/12/2023 và 18-12-2023 chi bộ họp.");
}
END_TEST

START_TEST(no_directives_option)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = VNX_OPT_NO_DIRECTIVES;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_ptr_nonnull(x);
    const char *text = "Theo Hướng dẫn số 03-HD/TU ngày 30/11/2023.";
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_directive_count(r), 0);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

/* ---- forms of issue 15 (sentences written for the tests) --------------------- */

START_TEST(issuing_body_before_the_verb)
{
    assert_only("Ban Thường vụ Thị ủy ban hành Kế hoạch số 17-KH/TU về công tác cán bộ.",
                "Kế hoạch", "17-KH/TU", NULL, "Ban Thường vụ Thị ủy");
    assert_only("Đảng ủy phường đã xây dựng Kế hoạch số 08-KH/ĐU ngày 3/1/2024 về đại hội.",
                "Kế hoạch", "08-KH/ĐU", "2024-01-03", "Đảng ủy phường");
    assert_only("Bộ Chính trị đã ban hành các văn bản quan trọng: Kết luận số 21-KL/TW về "
                "chỉnh đốn Đảng.",
                "Kết luận", "21-KL/TW", NULL, "Bộ Chính trị");
}
END_TEST

START_TEST(no_issuer_from_the_symbol)
{
    // "/TU" says a provincial committee; the text names none: null.
    assert_only("Chi bộ học tập Kế hoạch số 17-KH/TU trong tháng.", "Kế hoạch", "17-KH/TU",
                NULL, NULL);
}
END_TEST

START_TEST(symbols_whole)
{
    assert_only("Theo Công văn số 25/SGDĐT của Sở Giáo dục.", "Công văn", "25/SGDĐT", NULL,
                "Sở Giáo dục");
    assert_only("Áp dụng Nghị định 15/2021-NĐ-CP trong năm.", "Nghị định", "15/2021-NĐ-CP", NULL,
                NULL);
    assert_only("Căn cứ Quyết định số 512/QĐ-Thu ngày 4/5/2023.", "Quyết định", "512/QĐ-THU",
                "2023-05-04", NULL);
    // An office alone after a number, without a kind or "số", is no symbol.
    assert_no_directive("Tổ có 10/HTXS trong năm.");
}
END_TEST

START_TEST(plain_number_with_its_date)
{
    assert_only("Căn cứ Hướng dẫn số 07 ngày 02/12/2024 của Ban Thường vụ Đảng ủy xã.",
                "Hướng dẫn", "07", "2024-12-02", "Ban Thường vụ Đảng ủy xã");
    assert_no_directive("Chi bộ có số 3 ngày nghỉ.");
}
END_TEST

START_TEST(list_shares_date_and_issuer)
{
    vnx_result *r = extract("Căn cứ Quyết định số 120-QĐ/HU và 121-QĐ/HU ngày 5/6/2024 của "
                            "Huyện ủy Tân Yên về kết nạp đảng viên.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 2);
    assert_directive(r, 0, NULL, "Quyết định", "120-QĐ/HU", "2024-06-05", "Huyện ủy Tân Yên");
    assert_directive(r, 1, NULL, "Quyết định", "121-QĐ/HU", "2024-06-05", "Huyện ủy Tân Yên");
    vnx_result_free(r);
    // Two kinds: two documents, the date and issuer of the second alone.
    r = extract("Học tập Luật số 10/2022/QH15 và Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ "
                "Chính trị.");
    ck_assert_uint_eq(vnx_result_directive_count(r), 2);
    assert_directive(r, 0, NULL, "Luật", "10/2022/QH15", NULL, NULL);
    assert_directive(r, 1, NULL, "Quy định", "69-QĐ/TW", "2022-07-06", "Bộ Chính trị");
    vnx_result_free(r);
}
END_TEST

static Suite *directives_suite(void)
{
    Suite *s = suite_create("directives");
    TCase *tc = tcase_create("symbols");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, party_guide);
    tcase_add_test(tc, issuing_body_before_the_verb);
    tcase_add_test(tc, no_issuer_from_the_symbol);
    tcase_add_test(tc, symbols_whole);
    tcase_add_test(tc, plain_number_with_its_date);
    tcase_add_test(tc, list_shares_date_and_issuer);
    tcase_add_test(tc, party_regulation_with_dj);
    tcase_add_test(tc, party_symbol_without_kind);
    tcase_add_test(tc, type_from_party_codes);
    tcase_add_test(tc, kind_word_wins_over_code);
    tcase_add_test(tc, kind_word_lower_case);
    tcase_add_test(tc, state_decree);
    tcase_add_test(tc, state_decision);
    tcase_add_test(tc, state_number_after_so_colon);
    tcase_add_test(tc, type_from_state_codes);
    tcase_add_test(tc, number_spaces_removed);
    tcase_add_test(tc, number_spaces_around_slash);
    tcase_add_test(tc, span_of_directive);
    tcase_add_test(tc, nfd_input_span_and_strings);
    suite_add_tcase(s, tc);

    tc = tcase_create("links");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, date_after_comma);
    tcase_add_test(tc, date_in_words_after);
    tcase_add_test(tc, state_date_after);
    tcase_add_test(tc, no_date_when_far);
    tcase_add_test(tc, date_without_year_is_not_issue_date);
    tcase_add_test(tc, issuer_stops_before_ve);
    tcase_add_test(tc, issuer_stops_before_va);
    tcase_add_test(tc, issuer_stops_before_punctuation);
    tcase_add_test(tc, issuer_state);
    tcase_add_test(tc, issuer_as_written);
    tcase_add_test(tc, no_issuer_without_cua);
    suite_add_tcase(s, tc);

    tc = tcase_create("merge_and_plain");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, repeats_merged_issuer_filled);
    tcase_add_test(tc, repeats_merged_date_filled);
    tcase_add_test(tc, repeats_with_spacing_merged);
    tcase_add_test(tc, distinct_numbers_kept_in_order);
    tcase_add_test(tc, bare_directive_number);
    tcase_add_test(tc, resolution_number_with_issuer);
    suite_add_tcase(s, tc);

    tc = tcase_create("rejections");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, plan_of_a_year);
    tcase_add_test(tc, five_year_plan);
    tcase_add_test(tc, counts_of_members);
    tcase_add_test(tc, dates_are_not_directives);
    tcase_add_test(tc, no_directives_option);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(directives_suite());
}
