/**
 * test_attendance.c: the attendance extractor, through the public API
 * (SPEC.md, "attendance"): the figures said with a word of taking part,
 * their total and share, approximate figures, and what is not attendance
 * (membership, votes, absentees, delegates elected to go elsewhere, the
 * comment form).
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define NONE VNX_NONE

// Assert the text holds exactly one attendance figure, with these fields.
static void assert_only(const char *text, long long present, long long total, double percent,
                        int approximate)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_attendance_count(r) == 1, "\"%s\": %zu figures, want 1", text,
                  vnx_result_attendance_count(r));
    const vnx_attendance *a = vnx_result_attendance(r, 0);
    ck_assert_msg(a->present == present, "\"%s\": present %lld, want %lld", a->text, a->present,
                  present);
    ck_assert_msg(a->total == total, "\"%s\": total %lld, want %lld", a->text, a->total, total);
    ck_assert_msg(fabs(a->percent - percent) < 1e-9, "\"%s\": percent %g, want %g", a->text,
                  a->percent, percent);
    ck_assert_int_eq(a->approximate, approximate);
    vnx_result_free(r);
}

static void assert_none(const char *text)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_attendance_count(r) == 0, "\"%s\": %zu figures (first \"%s\"), want 0",
                  text, vnx_result_attendance_count(r),
                  vnx_result_attendance_count(r) ? vnx_result_attendance(r, 0)->text : "-");
    vnx_result_free(r);
}

/* ---- figures of taking part ------------------------------------------------ */

START_TEST(count_then_verb)
{
    assert_only("Buổi sinh hoạt có 26/27 đ/c Đảng viên của chi bộ tham dự.", 26, 27, NONE, 0);
}
END_TEST

START_TEST(count_then_verb_without_total)
{
    assert_only("Lễ kết nạp có 38 đảng viên tham dự.", 38, NONE, NONE, 0);
}
END_TEST

START_TEST(count_then_verb_with_share)
{
    assert_only("Hội nghị học tập có 204 đảng viên tham dự, đạt tỷ lệ 96,2%.", 204, NONE, 96.2, 0);
}
END_TEST

START_TEST(total_then_count)
{
    assert_only("Tổng số đảng viên dự họp 14/15, đạt tỷ lệ 93,3%.", 14, 15, 93.3, 0);
}
END_TEST

START_TEST(verb_then_count)
{
    assert_only("Tham dự hội nghị có 64 cán bộ chủ chốt của xã.", 64, NONE, NONE, 0);
    assert_only("Dự họp có 09/10 đồng chí Ủy viên Ban Chấp hành, đạt 90%.", 9, 10, 90, 0);
}
END_TEST

START_TEST(class_members)
{
    assert_only("Tham gia lớp bồi dưỡng kết nạp đảng lần này có 52 học viên.", 52, NONE, NONE, 0);
    assert_only("Lớp cảm tình Đảng có 120 học viên là đoàn viên ưu tú.", 120, NONE, NONE, 0);
}
END_TEST

START_TEST(presence_of)
{
    assert_only("Hội nghị diễn ra với sự tham dự đầy đủ của 16/16 đồng chí đảng viên.", 16, 16,
                NONE, 0);
}
END_TEST

START_TEST(presence_as_a_share)
{
    assert_only("Hội nghị có sự có mặt của 75% các đồng chí đảng viên trong Đảng bộ.", NONE, NONE,
                75, 0);
}
END_TEST

START_TEST(with_the_guests)
{
    assert_only("Về dự có đồng chí Phan Văn Tài, Phó Bí thư Đảng ủy xã, cùng 19 đồng chí đảng viên "
                "trong chi bộ.",
                19, NONE, NONE, 0);
    assert_only("Đến dự có đồng chí Vũ Thị Lan cùng toàn thể 20 đảng viên của chi bộ.", 20, NONE,
                NONE, 0);
}
END_TEST

START_TEST(with_the_guests_over_wrapped_lines)
{
    assert_only(
        "Về dự có đồng chí Lý Văn Tư, Phó Chủ tịch UBND\nxã, cùng với 27 đảng viên thuộc chi "
        "bộ Trường Mầm non Hoa\nMai tham dự.",
        27, NONE, NONE, 0);
}
END_TEST

START_TEST(approximate)
{
    assert_only("Đến dự có lãnh đạo huyện cùng gần 300 cán bộ, đảng viên của xã.", 300, NONE, NONE,
                1);
    assert_only("Hội nghị trực tuyến có khoảng 45 đảng viên tham dự.", 45, NONE, NONE, 1);
}
END_TEST

START_TEST(present_out_of_members)
{
    assert_only("Tổng số đảng viên của chi bộ là 22 đồng chí, có mặt 20 đồng chí, vắng 2 đồng chí.",
                20, NONE, NONE, 0);
}
END_TEST

START_TEST(repeat_kept_once)
{
    vnx_result *r = extract("Hội nghị có 30/31 đảng viên tham dự.\n\nVới 30/31 đảng viên tham dự, "
                            "hội nghị đủ số lượng.");
    ck_assert_uint_eq(vnx_result_attendance_count(r), 1);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_of_figure)
{
    const char *text = "Hôm qua, 18 đảng viên tham dự.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_attendance_count(r), 1);
    const vnx_attendance *a = vnx_result_attendance(r, 0);
    ck_assert_str_eq(a->text, "18 đảng viên tham dự");
    ck_assert_uint_eq(a->span.start, strlen("Hôm qua, "));
    ck_assert_uint_eq(a->span.end, strlen(text) - 1);
    vnx_result_free(r);
}
END_TEST

/* ---- not attendance -------------------------------------------------------------- */

START_TEST(membership_is_not_attendance)
{
    assert_none("Chi bộ có 19 đảng viên, trong đó có 3 đảng viên dự bị.");
    assert_none("Đảng bộ hiện có 1.205 đảng viên sinh hoạt tại 31 chi bộ.");
}
END_TEST

START_TEST(vote_is_not_attendance)
{
    assert_none("Kết quả: 100% đảng viên tham dự hội nghị đã thống nhất đề nghị xếp loại chi bộ "
                "hoàn thành tốt nhiệm vụ.");
    assert_none(
        "Có 21/21 đồng chí dự họp nhất trí đề nghị xếp loại chi bộ hoàn thành tốt nhiệm vụ.");
}
END_TEST

START_TEST(company_without_a_word_of_coming)
{
    assert_none("Đồng chí Bí thư cùng 3 đồng chí trong chi ủy đã trao quà cho các gia đình chính "
                "sách.");
    assert_none("Về dự có đồng chí Lê Hùng.\n\nSau đó, đồng chí Bí thư cùng 3 đồng chí trong chi "
                "ủy trao quà.");
}
END_TEST

START_TEST(absentees_are_not_attendance)
{
    assert_none("Có 02 đồng chí vắng có lý do.");
}
END_TEST

START_TEST(elected_delegates_are_not_attendance)
{
    assert_none("Đại hội bầu 03 đại biểu chính thức đi dự Đại hội Đảng bộ xã.");
}
END_TEST

START_TEST(share_that_cannot_be)
{
    assert_none("Đến dự có lãnh đạo xã cùng 25/20 đảng viên.");
}
END_TEST

START_TEST(comment_form_is_not_a_source)
{
    assert_none("Chi bộ tổ chức sinh hoạt chuyên đề.\n"
                "Bình luận (1)\n"
                "Hôm đó có 40 đảng viên tham dự, rất vui.\n");
}
END_TEST

/* ---- the grammar: a figure of people and a word of taking part ------------- */

START_TEST(grammar_presence_of)
{
    assert_only("Buổi sinh hoạt diễn ra với sự tham dự của 18/20 đồng chí đảng viên trong chi bộ.",
                18, 20, NONE, 0);
    assert_only("Lễ kết nạp có sự có mặt đông đủ của 24/24 đảng viên.", 24, 24, NONE, 0);
    assert_only("Hội nghị có sự tham dự của đồng chí Bí thư Đảng ủy và 19/21 tổng số đảng viên.",
                19, 21, NONE, 0);
}
END_TEST

START_TEST(grammar_those_present_counted)
{
    assert_only("Chi bộ họp với toàn thể đảng viên tham dự (15/15, đạt 100%).", 15, 15, 100, 0);
    assert_only("Hội nghị có sự tham dự của 21/22 đảng viên (01 đồng chí đi công tác), đạt tỷ lệ "
                "95,5%.",
                21, 22, 95.5, 0);
    assert_only("Tổng số đảng viên tham dự là 33 đồng chí.", 33, NONE, NONE, 0);
    assert_only("Có 27 đảng viên thuộc chi bộ Trường Mầm non Bình Minh đã tham dự.", 27, NONE, NONE,
                0);
    assert_only("Có 17/17 đảng viên được triệu tập có mặt đầy đủ.", 17, 17, NONE, 0);
    assert_only("Sáng nay, 76 đoàn viên, học sinh ưu tú của trường tham gia lớp bồi dưỡng.", 76,
                NONE, NONE, 0);
    assert_only("Hội thi năm nay thu hút 41 giáo viên của các trường tham gia.", 41, NONE, NONE, 0);
    // "tham gia" that ends its clause: in what the sentence reports.
    assert_only("Tại các điểm cầu, hơn 3.100 cán bộ, đảng viên tham gia.", 3100, NONE, NONE, 1);
    assert_none("Năm nay có 40 hội viên tham gia phong trào.");
    assert_none("Đại hội bầu 15 đồng chí tham gia Ban Chấp hành.");
}
END_TEST

START_TEST(grammar_parts_add_up)
{
    assert_only("Có 22 đảng viên chính thức và 02 đảng viên dự bị tham dự hội nghị.", 24, NONE, NONE,
                0);
}
END_TEST

START_TEST(grammar_class_and_ceremony_sizes)
{
    assert_only("Lớp học có 120 học viên.", 120, NONE, NONE, 0);
    assert_only("Sáng nay, Trung tâm khai giảng lớp bồi dưỡng kết nạp Đảng cho 64 quần chúng ưu tú.",
                64, NONE, NONE, 0);
    assert_only("Lớp bồi dưỡng lý luận chính trị khóa I gồm 88 học viên.", 88, NONE, NONE, 0);
    assert_only("Huyện tổ chức lớp tập huấn nghiệp vụ cho gần 150 cán bộ, giáo viên.", 150, NONE,
                NONE, 1);
    assert_only("Dự lễ bế giảng có lãnh đạo huyện và 130 học viên.", 130, NONE, NONE, 0);
}
END_TEST

START_TEST(grammar_sentence_opened_by_taking_part)
{
    assert_only("Dự Đại hội có các đồng chí: Nguyễn Văn Hải, Phó Bí thư Huyện ủy; Trần Thị Mai, "
                "Trưởng ban Dân vận Huyện ủy; đại diện các ban, ngành và 96 đại biểu chính thức.",
                96, NONE, NONE, 0);
    assert_only("Hội nghị do đồng chí Lê Văn Nam chủ trì và có 70 đồng chí cán bộ chủ chốt.", 70,
                NONE, NONE, 0);
}
END_TEST

START_TEST(grammar_not_attendance)
{
    assert_none("Chi bộ hiện có 35 đảng viên.");
    assert_none("Tại hội nghị, chi bộ có 19 đảng viên sinh hoạt.");
    assert_none("Đại hội có 53 đại biểu được triệu tập.");
    assert_none("Đại hội bầu Ban Chấp hành gồm 05 đồng chí.");
    assert_none("Kết thúc khóa học, 46/46 học viên đạt yêu cầu.");
    assert_none("Ban tổ chức trao giấy chứng nhận cho 40 học viên.");
    assert_none("Báo cáo được sự nhất trí của 100% đảng viên có mặt.");
    assert_none("Đảng bộ có 12 chi bộ với trên 900 đảng viên tham gia sinh hoạt.");
    assert_none("Lễ kết nạp đảng viên mới cho 03 quần chúng ưu tú.");
    // Classes counted over a year, not the meeting reported.
    assert_none("Năm qua, Đảng ủy đã tổ chức 5 lớp bồi dưỡng cho 210 quần chúng ưu tú.");
    assert_none("Đồng chí Bí thư vinh dự nhận bằng khen cùng 2 đồng chí đảng viên.");
    assert_none("Từ tháng 7/2018 các đồng chí cấp ủy đã về dự sinh hoạt với chi bộ.");
    assert_none("Có 92 đại biểu là người dân tộc, chiếm 58,2% tổng số đại biểu tham dự.");
    assert_none("Hội nghị hiệp thương cử 45 người vào Ủy ban, 21 người vào đoàn đại biểu dự Đại "
                "hội cấp trên.");
}
END_TEST

START_TEST(grammar_a_breakdown_is_not_a_second_figure)
{
    vnx_result *r = extract("Đại hội có 150 đại biểu chính thức. Đại hội có 62 đại biểu là nữ.");
    ck_assert_uint_eq(vnx_result_attendance_count(r), 1);
    ck_assert_int_eq(vnx_result_attendance(r, 0)->present, 150);
    vnx_result_free(r);
    // Delegates and those they represent: the delegates took part.
    assert_only("Tham dự có 60 đại biểu đại diện cho gần 400 hội viên.", 60, NONE, NONE, 0);
}
END_TEST

static Suite *attendance_suite(void)
{
    Suite *s = suite_create("attendance");
    TCase *tc = tcase_create("figures");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, count_then_verb);
    tcase_add_test(tc, count_then_verb_without_total);
    tcase_add_test(tc, count_then_verb_with_share);
    tcase_add_test(tc, total_then_count);
    tcase_add_test(tc, verb_then_count);
    tcase_add_test(tc, class_members);
    tcase_add_test(tc, presence_of);
    tcase_add_test(tc, presence_as_a_share);
    tcase_add_test(tc, with_the_guests);
    tcase_add_test(tc, with_the_guests_over_wrapped_lines);
    tcase_add_test(tc, approximate);
    tcase_add_test(tc, present_out_of_members);
    tcase_add_test(tc, repeat_kept_once);
    tcase_add_test(tc, span_of_figure);
    suite_add_tcase(s, tc);

    tc = tcase_create("not_attendance");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, membership_is_not_attendance);
    tcase_add_test(tc, vote_is_not_attendance);
    tcase_add_test(tc, company_without_a_word_of_coming);
    tcase_add_test(tc, absentees_are_not_attendance);
    tcase_add_test(tc, elected_delegates_are_not_attendance);
    tcase_add_test(tc, share_that_cannot_be);
    tcase_add_test(tc, comment_form_is_not_a_source);
    suite_add_tcase(s, tc);

    tc = tcase_create("grammar");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, grammar_presence_of);
    tcase_add_test(tc, grammar_those_present_counted);
    tcase_add_test(tc, grammar_parts_add_up);
    tcase_add_test(tc, grammar_class_and_ceremony_sizes);
    tcase_add_test(tc, grammar_sentence_opened_by_taking_part);
    tcase_add_test(tc, grammar_not_attendance);
    tcase_add_test(tc, grammar_a_breakdown_is_not_a_second_figure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(attendance_suite());
}
