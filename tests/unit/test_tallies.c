/**
 * test_tallies.c: the tallies extractor, through the public API (SPEC.md,
 * "tallies"): counts, fractions and percents at each rating level, the
 * rating and subject lexicons, the forms of the genre (rating first, lists,
 * votes, commendations, "tương ứng"), and what is not a tally (attendance,
 * meetings held, emulation titles, election votes, targets, boilerplate).
 * Also the figure parser the tallies and attendance extractors share.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "internal.h"

#define HTXS "hoàn thành xuất sắc nhiệm vụ"
#define HTT "hoàn thành tốt nhiệm vụ"
#define HT "hoàn thành nhiệm vụ"
#define TSVM "trong sạch vững mạnh"
#define NONE VNX_NONE

// Assert tally `i` of `r` has these fields (NONE: absent; NULL: null).
static void assert_tally(const vnx_result *r, size_t i, long long count, long long total,
                         double percent, const char *subject, const char *rating)
{
    ck_assert_msg(i < vnx_result_tally_count(r), "no tally %zu (count %zu)", i,
                  vnx_result_tally_count(r));
    const vnx_tally *t = vnx_result_tally(r, i);
    ck_assert_msg(t->count == count, "tally %zu \"%s\": count %lld, want %lld", i, t->text,
                  t->count, count);
    ck_assert_msg(t->total == total, "tally %zu \"%s\": total %lld, want %lld", i, t->text,
                  t->total, total);
    ck_assert_msg(fabs(t->percent - percent) < 1e-9, "tally %zu \"%s\": percent %g, want %g", i,
                  t->text, t->percent, percent);
    assert_str_or_null(t->subject, subject, "subject");
    assert_str_or_null(t->rating, rating, "rating");
}

// Assert the text holds exactly `n` tallies.
static vnx_result *extract_n_tallies(const char *text, size_t n)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_tally_count(r) == n, "\"%s\": %zu tallies (first \"%s\"), want %zu",
                  text, vnx_result_tally_count(r),
                  vnx_result_tally_count(r) ? vnx_result_tally(r, 0)->text : "-", n);
    return r;
}

static void assert_no_tally(const char *text)
{
    vnx_result_free(extract_n_tallies(text, 0));
}

/* ---- counts, fractions, percents ----------------------------------------- */

START_TEST(count_with_dc_and_party_member)
{
    vnx_result *r = extract_n_tallies(
        "Năm nay chi bộ có 05 đ/c Đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ.", 1);
    assert_tally(r, 0, 5, NONE, NONE, "đảng viên", HTXS);
    const vnx_tally *t = vnx_result_tally(r, 0);
    ck_assert_str_eq(t->text, "05 đ/c Đảng viên được xếp loại hoàn thành xuất sắc nhiệm vụ");
    ck_assert_int_eq(t->or_above, 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(fraction_count_and_total)
{
    vnx_result *r = extract_n_tallies("Kết quả có 20/24 đ/c Hoàn thành tốt nhiệm vụ.", 1);
    assert_tally(r, 0, 20, 24, NONE, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(quoted_ratings_two_subjects)
{
    vnx_result *r = extract_n_tallies("Đảng ủy biểu dương 03 chi bộ “Hoàn thành xuất sắc nhiệm vụ” "
                                      "và 11 đảng viên “Hoàn thành xuất sắc nhiệm vụ” năm 2022.",
                                      2);
    assert_tally(r, 0, 3, NONE, NONE, "chi bộ", HTXS);
    assert_tally(r, 1, 11, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(count_with_percent_comma)
{
    vnx_result *r = extract_n_tallies("Có 9/11 đảng viên hoàn thành tốt nhiệm vụ, chiếm 81,8%.", 1);
    assert_tally(r, 0, 9, 11, 81.8, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(count_with_percent_dot_in_brackets)
{
    vnx_result *r =
        extract_n_tallies("Toàn huyện có 41 TCCSĐ đạt trong sạch vững mạnh (72.5%).", 1);
    assert_tally(r, 0, 41, NONE, 72.5, "tổ chức cơ sở đảng", TSVM);
    vnx_result_free(r);
}
END_TEST

START_TEST(thousands_and_or_above)
{
    vnx_result *r = extract_n_tallies(
        "Toàn Đảng bộ có 2.415/2.630 đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên.", 1);
    assert_tally(r, 0, 2415, 2630, NONE, "đảng viên", HTT);
    ck_assert_int_eq(vnx_result_tally(r, 0)->or_above, 1);
    vnx_result_free(r);
}
END_TEST

START_TEST(percent_first)
{
    vnx_result *r =
        extract_n_tallies("Hằng năm có 92,5% đảng viên xếp loại hoàn thành tốt nhiệm vụ.", 1);
    assert_tally(r, 0, NONE, NONE, 92.5, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(count_in_words)
{
    vnx_result *r =
        extract_n_tallies("Chi bộ có hai đồng chí được xếp loại hoàn thành xuất sắc nhiệm vụ.", 1);
    assert_tally(r, 0, 2, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

/* ---- ratings and subjects -------------------------------------------------- */

START_TEST(old_wording_du_tu_cach)
{
    vnx_result *r = extract_n_tallies("Qua bình xét, có 03 Đ/c đủ tư cách hoàn thành xuất sắc "
                                      "nhiệm vụ, 12 Đ/c đủ tư cách, hoàn thành tốt nhiệm vụ.",
                                      2);
    assert_tally(r, 0, 3, NONE, NONE, "đảng viên", HTXS);
    assert_tally(r, 1, 12, NONE, NONE, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(abbreviations)
{
    vnx_result *r = extract_n_tallies(
        "Trong đó có: 06 ĐV HTXSNV; 25 ĐV HTTNV; 02 ĐV HTNV; 07 chi bộ đạt TSVM.", 4);
    assert_tally(r, 0, 6, NONE, NONE, "đảng viên", HTXS);
    assert_tally(r, 1, 25, NONE, NONE, "đảng viên", HTT);
    assert_tally(r, 2, 2, NONE, NONE, "đảng viên", HT);
    assert_tally(r, 3, 7, NONE, NONE, "chi bộ", TSVM);
    vnx_result_free(r);
}
END_TEST

START_TEST(case_and_comma_in_rating)
{
    vnx_result *r = extract_n_tallies("Đảng bộ có 14 chi bộ đạt TRONG SẠCH, VỮNG MẠNH TIÊU BIỂU và "
                                      "2 chi bộ yếu kém.",
                                      2);
    assert_tally(r, 0, 14, NONE, NONE, "chi bộ", "trong sạch vững mạnh tiêu biểu");
    assert_tally(r, 1, 2, NONE, NONE, "chi bộ", "yếu kém");
    vnx_result_free(r);
}
END_TEST

START_TEST(failed_rating)
{
    vnx_result *r = extract_n_tallies("Có 01 đảng viên không hoàn thành nhiệm vụ.", 1);
    assert_tally(r, 0, 1, NONE, NONE, "đảng viên", "không hoàn thành nhiệm vụ");
    vnx_result_free(r);
}
END_TEST

START_TEST(organisation_subjects)
{
    vnx_result *r = extract_n_tallies("Năm qua có 12 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, "
                                      "04 đơn vị hoàn thành xuất sắc nhiệm vụ, 2 đảng bộ hoàn "
                                      "thành nhiệm vụ.",
                                      3);
    assert_tally(r, 0, 12, NONE, NONE, "tổ chức cơ sở đảng", HTT);
    assert_tally(r, 1, 4, NONE, NONE, "tập thể", HTXS);
    assert_tally(r, 2, 2, NONE, NONE, "đảng bộ", HT);
    vnx_result_free(r);
}
END_TEST

/* ---- forms of the genre ------------------------------------------------------ */

START_TEST(list_after_ket_qua)
{
    vnx_result *r =
        extract_n_tallies("Kết quả: 02 đồng chí hoàn thành xuất sắc nhiệm vụ, 14 đồng "
                          "chí hoàn thành tốt nhiệm vụ, 01 đồng chí hoàn thành nhiệm vụ.",
                          3);
    assert_tally(r, 0, 2, NONE, NONE, "đảng viên", HTXS);
    assert_tally(r, 1, 14, NONE, NONE, "đảng viên", HTT);
    assert_tally(r, 2, 1, NONE, NONE, "đảng viên", HT);
    vnx_result_free(r);
}
END_TEST

START_TEST(rating_first_with_colon)
{
    vnx_result *r =
        extract_n_tallies("Đảng viên xếp loại: Hoàn thành xuất sắc nhiệm vụ: 04 đồng chí.", 1);
    assert_tally(r, 0, 4, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(rating_first_count_and_percent)
{
    vnx_result *r = extract_n_tallies(
        "Đảng viên hoàn thành tốt nhiệm vụ là 120 đồng chí, chiếm tỷ lệ 75,9%.", 1);
    assert_tally(r, 0, 120, NONE, 75.9, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(list_lines_under_heading)
{
    vnx_result *r = extract_n_tallies("Xếp loại đảng viên năm 2022:\n"
                                      "- Hoàn thành xuất sắc nhiệm vụ: 2 đồng chí\n"
                                      "- Hoàn thành tốt nhiệm vụ: 17 đồng chí\n",
                                      2);
    assert_tally(r, 0, 2, NONE, NONE, "đảng viên", HTXS);
    assert_tally(r, 1, 17, NONE, NONE, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(subject_carried_to_bare_rating)
{
    vnx_result *r = extract_n_tallies("Tỷ lệ chi bộ hoàn thành xuất sắc nhiệm vụ chiếm 15,5%; hoàn "
                                      "thành tốt nhiệm vụ chiếm 80,2%; 4,3% hoàn thành nhiệm vụ.",
                                      3);
    assert_tally(r, 0, NONE, NONE, 15.5, "chi bộ", HTXS);
    assert_tally(r, 1, NONE, NONE, 80.2, "chi bộ", HTT);
    assert_tally(r, 2, NONE, NONE, 4.3, "chi bộ", HT);
    vnx_result_free(r);
}
END_TEST

START_TEST(share_without_percent_sign_after_ty_le)
{
    vnx_result *r =
        extract_n_tallies("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 85,4; còn lại.", 1);
    assert_tally(r, 0, NONE, NONE, 85.4, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(names_between_count_and_rating)
{
    vnx_result *r =
        extract_n_tallies("Chi bộ đề nghị khen thưởng 03 đồng chí: Nguyễn Văn An, Lê Thị "
                          "Hà và Trần Quốc Bình hoàn thành xuất sắc nhiệm vụ.",
                          1);
    assert_tally(r, 0, 3, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(first_count_shares_the_rating)
{
    vnx_result *r = extract_n_tallies(
        "Đảng bộ khen thưởng 03 tập thể, 15 cá nhân hoàn thành xuất sắc nhiệm vụ năm 2022.", 2);
    assert_tally(r, 0, 3, NONE, NONE, "tập thể", HTXS);
    assert_tally(r, 1, 15, NONE, NONE, "cá nhân", HTXS);
    ck_assert_str_eq(vnx_result_tally(r, 0)->text,
                     "03 tập thể, 15 cá nhân hoàn thành xuất sắc nhiệm vụ");
    vnx_result_free(r);
}
END_TEST

START_TEST(vote_counts_who_is_rated)
{
    vnx_result *r =
        extract_n_tallies("Hội nghị biểu quyết với 30/31 phiếu đề nghị Đảng ủy cấp trên "
                          "xếp loại Đảng bộ nhà trường hoàn thành tốt nhiệm vụ.",
                          1);
    assert_tally(r, 0, 30, 31, NONE, "đảng bộ", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(vote_percent_of_members)
{
    vnx_result *r = extract_n_tallies(
        "Kết quả: 100% các đồng chí dự họp đã bỏ phiếu chi bộ hoàn thành tốt nhiệm vụ.", 1);
    assert_tally(r, 0, NONE, NONE, 100, "chi bộ", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(vote_after_rating)
{
    vnx_result *r = extract_n_tallies(
        "Chi bộ được xếp loại hoàn thành tốt nhiệm vụ với 100% phiếu tán thành. Đồng chí Đinh "
        "Văn Long được đề nghị xếp loại hoàn thành xuất sắc nhiệm vụ với 17/18 phiếu.",
        2);
    assert_tally(r, 0, NONE, NONE, 100, "chi bộ", HTT);
    assert_tally(r, 1, 17, 18, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(respectively)
{
    vnx_result *r = extract_n_tallies(
        "Năm 2022 có 410 đảng viên hoàn thành tốt nhiệm vụ, 95 đảng viên hoàn thành xuất sắc "
        "nhiệm vụ (năm 2021 tỷ lệ tương ứng là 78,5% và 16,2%).",
        4);
    assert_tally(r, 2, NONE, NONE, 78.5, "đảng viên", HTT);
    assert_tally(r, 3, NONE, NONE, 16.2, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(headline_repeat_kept_once)
{
    vnx_result *r = extract_n_tallies("Xã Tân Phú: 18 chi bộ đạt trong sạch vững mạnh\n\n"
                                      "Năm 2021, xã có 18 chi bộ đạt trong sạch vững mạnh.",
                                      1);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_of_tally)
{
    const char *text = "Kết quả: 04 đ/c hoàn thành xuất sắc nhiệm vụ.";
    vnx_result *r = extract_n_tallies(text, 1);
    const vnx_tally *t = vnx_result_tally(r, 0);
    ck_assert_uint_eq(t->span.start, strlen("Kết quả: "));
    ck_assert_uint_eq(t->span.end, strlen(text) - 1);
    vnx_result_free(r);
}
END_TEST

/* ---- not tallies ------------------------------------------------------------- */

START_TEST(attendance_is_not_a_tally)
{
    assert_no_tally("Hội nghị có 22/22 đ/c đảng viên của chi bộ tham dự.");
}
END_TEST

START_TEST(meetings_held_are_not_tallies)
{
    assert_no_tally("Năm 2024, 12/12 chi bộ đã tổ chức thành công Đại hội nhiệm kỳ 2025 - 2027.");
}
END_TEST

START_TEST(emulation_titles_are_not_tallies)
{
    assert_no_tally("Có 04 tập thể đạt danh hiệu Tập thể lao động xuất sắc, 9 cá nhân đạt danh "
                    "hiệu Chiến sĩ thi đua cơ sở.");
}
END_TEST

START_TEST(election_votes_are_not_tallies)
{
    assert_no_tally("Đồng chí Ngô Văn Bình trúng cử Bí thư chi bộ với 25/25 phiếu bầu.");
}
END_TEST

START_TEST(targets_are_not_tallies)
{
    vnx_result *r = extract_n_tallies("Năm 2024, chi bộ phấn đấu 100% đảng viên hoàn thành tốt "
                                      "nhiệm vụ trở lên; 02 đồng chí hoàn thành xuất sắc nhiệm vụ. "
                                      "Năm 2023 có 03 đồng chí hoàn thành xuất sắc nhiệm vụ.",
                                      1);
    assert_tally(r, 0, 3, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(effort_is_not_a_target)
{
    vnx_result *r =
        extract_n_tallies("Sau một năm nỗ lực phấn đấu, chi bộ có 04 đồng chí hoàn thành "
                          "xuất sắc nhiệm vụ.",
                          1);
    assert_tally(r, 0, 4, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(target_sentence_goes_on_after_a_wrapped_line)
{
    assert_no_tally(
        "Năm 2024, chi bộ phấn đấu có\n100% đảng viên hoàn thành tốt nhiệm vụ trở lên.");
}
END_TEST

START_TEST(kind_of_body_is_not_a_count)
{
    assert_no_tally("Chi bộ Trường Tiểu học An Phú là một chi bộ trong sạch vững mạnh.");
    assert_no_tally("Trong năm đảng viên đều hoàn thành tốt nhiệm vụ được giao.");
}
END_TEST

START_TEST(nobody_is_not_a_tally)
{
    assert_no_tally("Không có đảng viên không hoàn thành nhiệm vụ; không hoàn thành nhiệm vụ: 0 "
                    "đồng chí.");
}
END_TEST

START_TEST(comment_form_is_not_a_source)
{
    vnx_result *r = extract_n_tallies("Chi bộ có 02 đồng chí hoàn thành xuất sắc nhiệm vụ.\n"
                                      "Trả lời\n"
                                      "Chúc mừng 05 đồng chí hoàn thành tốt nhiệm vụ!\n"
                                      "Email của bạn sẽ không được hiển thị công khai.\n",
                                      1);
    assert_tally(r, 0, 2, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

/* ---- figures (lib/match/numbers.c) --------------------------------------------- */

START_TEST(parse_counts)
{
    long long v = 0;
    int nomem = 0;
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "04", 2, &v, &nomem), 0);
    ck_assert_int_eq(v, 4);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "1.321", 5, &v, &nomem), 0);
    ck_assert_int_eq(v, 1321);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "12.345.678", 10, &v, &nomem), 0);
    ck_assert_int_eq(v, 12345678);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "hai", 3, &v, &nomem), 0);
    ck_assert_int_eq(v, 2);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "mười lăm", strlen("mười lăm"), &v, &nomem), 0);
    ck_assert_int_eq(v, 15);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "1.32", 4, &v, &nomem), -1);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "1321.", 5, &v, &nomem), -1);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "nhiều", strlen("nhiều"), &v, &nomem), -1);
    ck_assert_int_eq(vnxp_parse_count(&X->patterns, "", 0, &v, &nomem), -1);
    ck_assert_int_eq(nomem, 0);
}
END_TEST

START_TEST(parse_decimals)
{
    double v = 0;
    ck_assert_int_eq(vnxp_parse_decimal("81,8", 4, &v), 0);
    ck_assert(v == 81.8);
    ck_assert_int_eq(vnxp_parse_decimal("81.8", 4, &v), 0);
    ck_assert(v == 81.8);
    ck_assert_int_eq(vnxp_parse_decimal("100", 3, &v), 0);
    ck_assert(v == 100);
    ck_assert_int_eq(vnxp_parse_decimal("0,04", 4, &v), 0);
    ck_assert(v == 0.04);
    ck_assert_int_eq(vnxp_parse_decimal("81,", 3, &v), -1);
    ck_assert_int_eq(vnxp_parse_decimal(",5", 2, &v), -1);
    ck_assert_int_eq(vnxp_parse_decimal("8,1,2", 5, &v), -1);
}
END_TEST

/* ---- the grammar: quantity, subject, rating in either order --------------- */

START_TEST(grammar_count_first_forms)
{
    vnx_result *r = extract_n_tallies("Năm qua, ba tập thể hoàn thành xuất sắc nhiệm vụ.", 1);
    assert_tally(r, 0, 3, NONE, NONE, "tập thể", HTXS);
    vnx_result_free(r);
    r = extract_n_tallies("Chi bộ là một trong sáu chi bộ hoàn thành xuất sắc nhiệm vụ.", 1);
    assert_tally(r, 0, 6, NONE, NONE, "chi bộ", HTXS);
    vnx_result_free(r);
    r = extract_n_tallies("Toàn Đảng bộ có 07 TCCS Đảng HTXSNV.", 1);
    assert_tally(r, 0, 7, NONE, NONE, "tổ chức cơ sở đảng", HTXS);
    vnx_result_free(r);
    r = extract_n_tallies("Có 6 cơ quan được xếp loại hoàn thành tốt nhiệm vụ.", 1);
    assert_tally(r, 0, 6, NONE, NONE, "tập thể", HTT);
    vnx_result_free(r);
    r = extract_n_tallies("Năm 2024, 100% CBCC hoàn thành tốt nhiệm vụ.", 1);
    assert_tally(r, 0, NONE, NONE, 100, "cá nhân", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_rating_far_after_subject)
{
    vnx_result *r = extract_n_tallies("Có 12/12 đảng bộ, ban chỉ huy quân sự trực thuộc được xếp loại "
                                      "chất lượng hoàn thành tốt nhiệm vụ.",
                                      1);
    assert_tally(r, 0, 12, 12, NONE, "đảng bộ", HTT);
    vnx_result_free(r);
    r = extract_n_tallies("Cả 4 đồng chí đảng viên trong tổ được vinh dự nhận giấy khen cá nhân "
                          "hoàn thành xuất sắc nhiệm vụ.",
                          1);
    assert_tally(r, 0, 4, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_rating_first_forms)
{
    vnx_result *r =
        extract_n_tallies("Hoàn thành tốt nhiệm vụ: 27 đồng chí (chiếm 69,2%). Không hoàn "
                          "thành nhiệm vụ 01.",
                          2);
    assert_tally(r, 0, 27, NONE, 69.2, "đảng viên", HTT);
    assert_tally(r, 1, 1, NONE, NONE, "đảng viên", "không hoàn thành nhiệm vụ");
    vnx_result_free(r);
    // A table, one row a line, cells apart, under a lead-in and a header row.
    r = extract_n_tallies("Kết quả xếp loại đảng viên:\nXếp loại | Số lượng | Tỷ lệ\n"
                          "Hoàn thành xuất sắc nhiệm vụ | 4 | 10%\n"
                          "Hoàn thành tốt nhiệm vụ | 33 | 82,5%\n",
                          2);
    assert_tally(r, 0, 4, NONE, 10, "đảng viên", HTXS);
    assert_tally(r, 1, 33, NONE, 82.5, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_shares)
{
    vnx_result *r =
        extract_n_tallies("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 93%.", 1);
    assert_tally(r, 0, NONE, NONE, 93, "đảng viên", HTT);
    ck_assert_int_eq(vnx_result_tally(r, 0)->or_above, 1);
    vnx_result_free(r);
    r = extract_n_tallies("Hằng năm, tỷ lệ tổ chức đảng đạt trong sạch, vững mạnh trên 85%.", 1);
    assert_tally(r, 0, NONE, NONE, 85, "tổ chức cơ sở đảng", TSVM);
    vnx_result_free(r);
    r = extract_n_tallies("Tỷ lệ đảng viên được xếp loại hoàn thành nhiệm vụ trở lên hằng năm đạt "
                          "trên 95%.",
                          1);
    assert_tally(r, 0, NONE, NONE, 95, "đảng viên", HT);
    vnx_result_free(r);
    // A range: one tally per end.
    r = extract_n_tallies("Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt từ 78,5% đến 81%.", 2);
    assert_tally(r, 0, NONE, NONE, 78.5, "chi bộ", HTT);
    assert_tally(r, 1, NONE, NONE, 81, "chi bộ", HTT);
    vnx_result_free(r);
    // Two levels named together: the lower one.
    r = extract_n_tallies("Tỷ lệ tổ chức cơ sở đảng trong sạch vững mạnh và hoàn thành tốt "
                          "nhiệm vụ đạt 86,4%.",
                          1);
    assert_tally(r, 0, NONE, NONE, 86.4, "tổ chức cơ sở đảng", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_votes_and_commendations)
{
    vnx_result *r = extract_n_tallies("Hội nghị có 27/29 phiếu đề nghị xếp loại Đảng bộ hoàn "
                                      "thành tốt nhiệm vụ.",
                                      1);
    assert_tally(r, 0, 27, 29, NONE, "đảng bộ", HTT);
    vnx_result_free(r);
    r = extract_n_tallies("Đảng ủy biểu dương 11 chi bộ đạt trong sạch, vững mạnh và tặng giấy "
                          "khen cho 14 đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền.",
                          2);
    assert_tally(r, 0, 11, NONE, NONE, "chi bộ", TSVM);
    assert_tally(r, 1, 14, NONE, NONE, "đảng viên", HTXS);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_breakdown_and_shared_rating)
{
    vnx_result *r = extract_n_tallies("Về tổ chức cơ sở đảng: Hoàn thành tốt nhiệm vụ 23 (có 03 "
                                      "đảng bộ và 20 chi bộ), chiếm 71,9%.",
                                      3);
    assert_tally(r, 0, 3, NONE, NONE, "đảng bộ", HTT);
    assert_tally(r, 1, 20, NONE, NONE, "chi bộ", HTT);
    assert_tally(r, 2, 23, NONE, 71.9, "tổ chức cơ sở đảng", HTT);
    vnx_result_free(r);
    r = extract_n_tallies("Năm 2024 có 5 chi bộ và 48 đảng viên đều hoàn thành tốt nhiệm vụ.", 2);
    assert_tally(r, 0, 5, NONE, NONE, "chi bộ", HTT);
    assert_tally(r, 1, 48, NONE, NONE, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_scope_gives_total_and_subject)
{
    vnx_result *r = extract_n_tallies(
        "Kết quả xếp loại đảng viên: có 40/42 đồng chí được xếp loại; trong đó: Hoàn thành "
        "xuất sắc nhiệm vụ 6, chiếm 15%; Hoàn thành tốt nhiệm vụ 34.",
        2);
    assert_tally(r, 0, 6, 40, 15, "đảng viên", HTXS);
    assert_tally(r, 1, 34, 40, NONE, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

START_TEST(grammar_not_tallies)
{
    // A membership count, then a clause with a subject of its own.
    assert_no_tally("Chi bộ có 25 đảng viên, năm qua chi bộ được xếp loại hoàn thành tốt "
                    "nhiệm vụ.");
    // Those who came are not those rated.
    assert_no_tally("Có 30 đảng viên tham dự hội nghị kiểm điểm và đánh giá chi bộ hoàn thành "
                    "tốt nhiệm vụ.");
    // A figure after the rating that counts something else.
    assert_no_tally("Chi bộ hoàn thành tốt nhiệm vụ 6 tháng đầu năm 2024.");
    assert_no_tally("Chi bộ hoàn thành xuất sắc nhiệm vụ (2019, 2020).");
    // A percent of something else before the rating.
    assert_no_tally("Chi bộ đạt 100% kế hoạch và hoàn thành tốt nhiệm vụ.");
    // "tỷ lệ" makes the rating a share's: the count before it is not its.
    assert_no_tally("Chi bộ có 45 đảng viên, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ cao.");
    // A year, not a count.
    assert_no_tally("Chi bộ có 28 đảng viên. Năm 2024 chi bộ được đánh giá hoàn thành tốt nhiệm vụ.");
    // An estimate, not a result.
    assert_no_tally("Mỗi năm có 2-3 đảng viên hoàn thành xuất sắc nhiệm vụ.");
    // Targets: a list of them, and a place named "... Thành".
    assert_no_tally("Chỉ tiêu nhiệm kỳ 2025-2030: hằng năm có 90% đảng viên hoàn thành tốt "
                    "nhiệm vụ; 100% chi bộ đạt trong sạch vững mạnh.");
    assert_no_tally("Huyện Yên Thành phấn đấu 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.");
}
END_TEST

START_TEST(grammar_targets_reached_are_results)
{
    vnx_result *r = extract_n_tallies("Đảng bộ đã hoàn thành các mục tiêu đề ra: 100% đảng viên "
                                      "hoàn thành nhiệm vụ, trong đó 90% trở lên hoàn thành tốt "
                                      "nhiệm vụ.",
                                      2);
    assert_tally(r, 0, NONE, NONE, 100, "đảng viên", HT);
    assert_tally(r, 1, NONE, NONE, 90, "đảng viên", HTT);
    vnx_result_free(r);
}
END_TEST

static Suite *tallies_suite(void)
{
    Suite *s = suite_create("tallies");
    TCase *tc = tcase_create("figures");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, count_with_dc_and_party_member);
    tcase_add_test(tc, fraction_count_and_total);
    tcase_add_test(tc, quoted_ratings_two_subjects);
    tcase_add_test(tc, count_with_percent_comma);
    tcase_add_test(tc, count_with_percent_dot_in_brackets);
    tcase_add_test(tc, thousands_and_or_above);
    tcase_add_test(tc, percent_first);
    tcase_add_test(tc, count_in_words);
    suite_add_tcase(s, tc);

    tc = tcase_create("ratings_and_subjects");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, old_wording_du_tu_cach);
    tcase_add_test(tc, abbreviations);
    tcase_add_test(tc, case_and_comma_in_rating);
    tcase_add_test(tc, failed_rating);
    tcase_add_test(tc, organisation_subjects);
    suite_add_tcase(s, tc);

    tc = tcase_create("forms");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, list_after_ket_qua);
    tcase_add_test(tc, rating_first_with_colon);
    tcase_add_test(tc, rating_first_count_and_percent);
    tcase_add_test(tc, list_lines_under_heading);
    tcase_add_test(tc, subject_carried_to_bare_rating);
    tcase_add_test(tc, share_without_percent_sign_after_ty_le);
    tcase_add_test(tc, names_between_count_and_rating);
    tcase_add_test(tc, first_count_shares_the_rating);
    tcase_add_test(tc, vote_counts_who_is_rated);
    tcase_add_test(tc, vote_percent_of_members);
    tcase_add_test(tc, vote_after_rating);
    tcase_add_test(tc, respectively);
    tcase_add_test(tc, headline_repeat_kept_once);
    tcase_add_test(tc, span_of_tally);
    suite_add_tcase(s, tc);

    tc = tcase_create("not_tallies");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, attendance_is_not_a_tally);
    tcase_add_test(tc, meetings_held_are_not_tallies);
    tcase_add_test(tc, emulation_titles_are_not_tallies);
    tcase_add_test(tc, election_votes_are_not_tallies);
    tcase_add_test(tc, targets_are_not_tallies);
    tcase_add_test(tc, effort_is_not_a_target);
    tcase_add_test(tc, target_sentence_goes_on_after_a_wrapped_line);
    tcase_add_test(tc, kind_of_body_is_not_a_count);
    tcase_add_test(tc, nobody_is_not_a_tally);
    tcase_add_test(tc, comment_form_is_not_a_source);
    suite_add_tcase(s, tc);

    tc = tcase_create("grammar");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, grammar_count_first_forms);
    tcase_add_test(tc, grammar_rating_far_after_subject);
    tcase_add_test(tc, grammar_rating_first_forms);
    tcase_add_test(tc, grammar_shares);
    tcase_add_test(tc, grammar_votes_and_commendations);
    tcase_add_test(tc, grammar_breakdown_and_shared_rating);
    tcase_add_test(tc, grammar_scope_gives_total_and_subject);
    tcase_add_test(tc, grammar_not_tallies);
    tcase_add_test(tc, grammar_targets_reached_are_results);
    suite_add_tcase(s, tc);

    tc = tcase_create("parser");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, parse_counts);
    tcase_add_test(tc, parse_decimals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(tallies_suite());
}
