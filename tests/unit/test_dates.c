/**
 * test_dates.c: the dates extractor, through the public API (SPEC.md,
 * "dates"): every written form, ranges, year inference, rejections, and
 * spans in bytes of the input as given.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

// Assert the document has exactly `n` dates, with these values in order.
static void assert_values(const char *text, size_t n, const char *const *values)
{
    vnx_result *r = extract(text);
    // Compare first, free, then assert: a failure does not leak the result.
    size_t got = vnx_result_date_count(r);
    char first[32] = "-", bad[64] = "";
    if (got)
        snprintf(first, sizeof first, "%s", vnx_result_date(r, 0)->value);
    size_t bad_i = 0;
    for (size_t i = 0; got == n && i < n && !*bad; i++)
        if (strcmp(vnx_result_date(r, i)->value, values[i]) != 0) {
            snprintf(bad, sizeof bad, "%s", vnx_result_date(r, i)->value);
            bad_i = i;
        }
    vnx_result_free(r);
    ck_assert_msg(got == n, "\"%s\": %zu dates, want %zu (first: %s)", text, got, n, first);
    ck_assert_msg(!*bad, "\"%s\": date %zu is %s, want %s", text, bad_i, bad,
                  *bad ? values[bad_i] : "");
}

// Assert the document has no date.
static void assert_none(const char *text)
{
    assert_values(text, 0, NULL);
}

// Assert exactly one date, with its text, value and year_inferred flag.
static void assert_one(const char *text, const char *want_text, const char *want_value,
                       int inferred)
{
    vnx_result *r = extract(text);
    ck_assert_msg(vnx_result_date_count(r) == 1, "\"%s\": %zu dates, want 1", text,
                  vnx_result_date_count(r));
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->value, want_value);
    ck_assert_str_eq(d->text, want_text);
    ck_assert_int_eq(d->year_inferred, inferred);
    vnx_result_free(r);
}

/* ---- forms --------------------------------------------------------------- */

START_TEST(day_month_year_words)
{
    vnx_result *r = extract("Hội nghị diễn ra vào ngày 30 tháng 11 năm 2023 tại hội trường.");
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->text, "ngày 30 tháng 11 năm 2023");
    ck_assert_str_eq(d->value, "2023-11-30");
    ck_assert_int_eq(d->year, 2023);
    ck_assert_int_eq(d->month, 11);
    ck_assert_int_eq(d->day, 30);
    ck_assert_int_eq(d->year_inferred, 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(numeric_slash)
{
    assert_one("Chi bộ họp 18/12/2023 tại phòng họp.", "18/12/2023", "2023-12-18", 0);
}
END_TEST

START_TEST(numeric_dash)
{
    assert_one("Chi bộ họp 18-12-2023 tại phòng họp.", "18-12-2023", "2023-12-18", 0);
}
END_TEST

START_TEST(numeric_dot)
{
    assert_one("Chi bộ họp 18.12.2023 tại phòng họp.", "18.12.2023", "2023-12-18", 0);
}
END_TEST

START_TEST(numeric_single_digits)
{
    assert_one("Buổi lễ ngày 5/3/2019 rất trang trọng.", "ngày 5/3/2019", "2019-03-05", 0);
}
END_TEST

START_TEST(numeric_spaced_slashes)
{
    assert_one("Ngày 26 / 12 / 2020 chi bộ họp.", "Ngày 26 / 12 / 2020", "2020-12-26", 0);
}
END_TEST

START_TEST(day_month_inferred_from_earlier_date)
{
    vnx_result *r = extract("Ngày 05/11/2023 chi bộ họp lần đầu. Đến ngày 10/11 chi bộ họp tiếp.");
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    const vnx_date *d = vnx_result_date(r, 1);
    ck_assert_str_eq(d->text, "ngày 10/11");
    ck_assert_str_eq(d->value, "2023-11-10");
    ck_assert_int_eq(d->year, 2023);
    ck_assert_int_eq(d->month, 11);
    ck_assert_int_eq(d->day, 10);
    ck_assert_int_eq(d->year_inferred, 1);
    ck_assert_int_eq(vnx_result_date(r, 0)->year_inferred, 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(day_month_inferred_from_nearest_earlier_date)
{
    const char *const want[] = {"2021-01-02", "2022-03-04", "2022-11-10"};
    assert_values("Ngày 2/1/2021 họp. Ngày 4/3/2022 họp. Sau đó ngày 10/11 họp.", 3, want);
}
END_TEST

START_TEST(day_month_inferred_from_title)
{
    vnx_result *r = extract("CHI BỘ TỔNG KẾT CÔNG TÁC NĂM 2022\n"
                            "Chi bộ đã họp vào ngày 10/11 tại phòng truyền thống.");
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->text, "ngày 10/11");
    ck_assert_str_eq(d->value, "2022-11-10");
    ck_assert_int_eq(d->year_inferred, 1);
    vnx_result_free(r);
}
END_TEST

START_TEST(day_month_without_any_year)
{
    vnx_result *r = extract("Chi bộ đã họp vào ngày 10/11 tại phòng truyền thống.");
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->text, "ngày 10/11");
    ck_assert_str_eq(d->value, "--11-10");
    ck_assert_int_eq(d->year, 0);
    ck_assert_int_eq(d->year_inferred, 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(day_month_words_inferred)
{
    const char *const want[] = {"2020-06-01", "2020-07-15"};
    assert_values("Ngày 1/6/2020 khai giảng lớp học. Bế mạc ngày 15 tháng 7.", 2, want);
}
END_TEST

START_TEST(month_year_slash)
{
    vnx_result *r = extract("Trong tháng 11/2023 chi bộ sinh hoạt chuyên đề.");
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->text, "tháng 11/2023");
    ck_assert_str_eq(d->value, "2023-11");
    ck_assert_int_eq(d->day, 0);
    ck_assert_int_eq(d->month, 11);
    ck_assert_int_eq(d->year, 2023);
    vnx_result_free(r);
}
END_TEST

START_TEST(month_year_words)
{
    assert_one("Trong tháng 11 năm 2023 chi bộ sinh hoạt chuyên đề.", "tháng 11 năm 2023",
               "2023-11", 0);
}
END_TEST

START_TEST(weekday_prefix)
{
    assert_one("Thứ Tư, 08/04/2015 chi bộ tổ chức lễ kết nạp.", "Thứ Tư, 08/04/2015",
               "2015-04-08", 0);
    assert_one("Vào Thứ Hai, ngày 13/3/2017 đảng bộ họp.", "Thứ Hai, ngày 13/3/2017",
               "2017-03-13", 0);
    assert_one("Chủ nhật, ngày 5/3/2023 đoàn viên ra quân.", "Chủ nhật, ngày 5/3/2023",
               "2023-03-05", 0);
}
END_TEST

START_TEST(range_with_words)
{
    vnx_result *r = extract("Lớp bồi dưỡng mở từ ngày 23 đến ngày 27/3/2015 tại hội trường.");
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    const vnx_date *a = vnx_result_date(r, 0), *b = vnx_result_date(r, 1);
    ck_assert_str_eq(a->value, "2015-03-23");
    ck_assert_str_eq(b->value, "2015-03-27");
    ck_assert_int_eq(a->year_inferred, 0);
    ck_assert_int_eq(b->year_inferred, 0);
    ck_assert_str_eq(a->text, "từ ngày 23 đến ngày 27/3/2015");
    vnx_result_free(r);
}
END_TEST

START_TEST(range_dash_after_ngay)
{
    const char *const want[] = {"2022-07-03", "2022-07-04"};
    assert_values("Đại hội diễn ra ngày 3-4/7/2022 ở hội trường huyện.", 2, want);
}
END_TEST

START_TEST(range_dash_bare)
{
    /* A range with its full date needs no lead word (day_range_full). */
    const char *const want[] = {"2022-07-03", "2022-07-04"};
    assert_values("Đại hội diễn ra 3-4/7/2022 ở hội trường huyện.", 2, want);
}
END_TEST

START_TEST(two_full_dates_with_en_dash)
{
    vnx_result *r = extract("Kỷ niệm 70 năm thành lập trường (10/9/1951 – 10/9/2021).");
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "1951-09-10");
    ck_assert_str_eq(vnx_result_date(r, 1)->value, "2021-09-10");
    ck_assert_str_eq(vnx_result_date(r, 0)->text, "10/9/1951");
    ck_assert_str_eq(vnx_result_date(r, 1)->text, "10/9/2021");
    vnx_result_free(r);
}
END_TEST

START_TEST(time_of_day_prefix)
{
    // "Sáng"/"Chiều" are not part of the date; "ngày" is.
    assert_one("Sáng ngày 5/12/2023, chi bộ tổ chức hội nghị.", "ngày 5/12/2023", "2023-12-05", 0);
    assert_one("Chiều 25/12/2020, đảng bộ trao huy hiệu.", "25/12/2020", "2020-12-25", 0);
}
END_TEST

START_TEST(leap_day)
{
    assert_one("Hạn nộp hồ sơ 29/02/2024 nhé.", "29/02/2024", "2024-02-29", 0);
    assert_one("Ngày 29/02/2000 là ngày có thật.", "Ngày 29/02/2000", "2000-02-29", 0);
}
END_TEST

START_TEST(several_dates_in_order)
{
    const char *const want[] = {"2023-11-30", "2023-12-18", "2024-01"};
    assert_values("Ngày 30 tháng 11 năm 2023 nhận hướng dẫn; ngày 18/12/2023 họp; "
                  "tháng 01/2024 báo cáo.",
                  3, want);
}
END_TEST

START_TEST(more_ranges)
{
    const char *const a[] = {"2023-09-10", "2023-09-15"};
    assert_values("Lớp học mở từ 10-15/9/2023 tại trường.", 2, a);
    const char *const b[] = {"2023-05-07", "2023-05-08"};
    assert_values("Chi bộ họp ngày 7 và 8-5-2023.", 2, b);
    const char *const c[] = {"2021-05-07", "2021-05-08"};
    assert_values("Hội thi diễn ra ngày 7, 8 tháng 5 năm 2021.", 2, c);
}
END_TEST

START_TEST(range_year_inferred)
{
    vnx_result *r = extract("Ngày 1/3/2015 khai giảng. Học từ ngày 23 đến ngày 27/3.");
    ck_assert_uint_eq(vnx_result_date_count(r), 3);
    ck_assert_str_eq(vnx_result_date(r, 1)->value, "2015-03-23");
    ck_assert_str_eq(vnx_result_date(r, 2)->value, "2015-03-27");
    ck_assert_int_eq(vnx_result_date(r, 1)->year_inferred, 1);
    ck_assert_int_eq(vnx_result_date(r, 2)->year_inferred, 1);
    vnx_result_free(r);
}
END_TEST

START_TEST(year_from_later_date_when_title_has_none)
{
    const char *const want[] = {"2023-11-10", "2023-12-05"};
    assert_values("Tin chi bộ\nNgày 10/11 họp chi ủy.\nNgày 5/12/2023 báo cáo.", 2, want);
}
END_TEST

START_TEST(title_year_before_later_date)
{
    // Title year first, then a later date: the title wins.
    const char *const want[] = {"2022-11-10", "2023-12-05"};
    assert_values("SƠ KẾT HỌC KỲ I NĂM HỌC 2022\nNgày 10/11 họp chi ủy.\nNgày 5/12/2023 báo cáo.",
                  2, want);
}
END_TEST

START_TEST(two_full_dates_with_hyphen)
{
    const char *const want[] = {"1975-04-30", "2025-04-30"};
    assert_values("Kỷ niệm 50 năm (30/4/1975 - 30/4/2025).", 2, want);
}
END_TEST

START_TEST(day_slash_month_year_word)
{
    assert_one("Lễ mít tinh ngày 2/9 năm 2023 tại xã.", "ngày 2/9 năm 2023", "2023-09-02", 0);
}
END_TEST


/* ---- forms of issue 15 (sentences written for the tests) --------------------- */

START_TEST(lists_of_days)
{
    const char *const a[] = {"2022-03-14", "2022-03-15"};
    assert_values("Đoàn trường cắm trại 14 và 15/3/2022 ở bãi biển.", 2, a);
    const char *const b[] = {"2023-02-11", "2023-02-12", "2023-02-13"};
    assert_values("Hội trại diễn ra vào các ngày 11-12-13 tháng 2 năm 2023.", 3, b);
    const char *const c[] = {"2024-11-16", "2024-11-17", "2024-11-18"};
    assert_values("Đại hội họp trong các ngày 16, 17 và 18/11/2024.", 3, c);
    const char *const d[] = {"2021-08-06", "2021-08-07"};
    assert_values("Sau hai ngày làm việc (6 và 7/8/2021), đại hội bế mạc.", 2, d);
    const char *const e[] = {"2022-12-21", "2022-12-22"};
    assert_values("Chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022, huyện mở lớp học.", 2, e);
    // Dashes between days only before "tháng": this is two dates.
    const char *const f[] = {"2012-05-22", "2012-05-23"};
    assert_values("Lớp học từ ngày 22-5 - 23-5-2012 ở hội trường.", 2, f);
}
END_TEST

START_TEST(range_with_two_months)
{
    const char *const a[] = {"2021-09-03", "2021-09-05"};
    assert_values("Hội thao tổ chức 3/9-5/9/2021 tại sân trường.", 2, a);
    const char *const b[] = {"2023-11-28", "2023-12-02"};
    assert_values("Lớp học từ ngày 28/11 đến ngày 2/12/2023.", 2, b);
    const char *const c[] = {"2023-12-28", "2024-01-03"};
    assert_values("Đợt trực từ 28/12 - 3/1/2024 ở xã.", 2, c);
}
END_TEST

START_TEST(ranges_of_months)
{
    const char *const a[] = {"2020-04", "2020-05"};
    assert_values("Chi bộ học tập từ tháng 4 đến tháng 5-2020.", 2, a);
    const char *const b[] = {"2021-03", "2021-05"};
    assert_values("Đợt thi đua kéo dài tháng 3 đến tháng 5 năm 2021.", 2, b);
}
END_TEST

START_TEST(spaced_dashes_and_dots)
{
    assert_one("Ngày 14 – 08 – 2023, chi bộ họp.", "Ngày 14 – 08 – 2023", "2023-08-14", 0);
    assert_one("Trong tháng 4.2021, đoàn viên ra quân.", "tháng 4.2021", "2021-04", 0);
    const char *const a[] = {"2023-02-01", "2023-12-09"};
    assert_values("Ngày 1/2/2023 lập kế hoạch. Chiều 9 - 12, chi bộ họp tổng kết.", 2, a);
    assert_one("Mừng ngày Nhà giáo Việt Nam (20.11) năm 2023.", "20.11", "2023-11-20", 1);
}
END_TEST

START_TEST(old_years_and_month_names)
{
    assert_one("Ngày 2 tháng 9 năm 1945, Bác đọc Tuyên ngôn.", "Ngày 2 tháng 9 năm 1945",
               "1945-09-02", 0);
    assert_one("Cách mạng Tháng Tám năm 1945 thành công.", "Tháng Tám năm 1945", "1945-08", 0);
    assert_one("Chiến thắng ngày 7 tháng 5 năm1954 vang dội.", "ngày 7 tháng 5 năm1954",
               "1954-05-07", 0);
    assert_one("Thứ ba, 27 Tháng 4 2021 10:05", "Thứ ba, 27 Tháng 4 2021", "2021-04-27", 0);
    // Six months: lower case or all capitals, "tháng năm" is no month.
    assert_none("Sơ kết 6 tháng năm 2023 của chi bộ.");
    assert_none("SƠ KẾT 6 THÁNG NĂM 2023");
}
END_TEST

START_TEST(year_from_the_sentence_or_school_year)
{
    // No date before and no year in the title: the year of the sentence.
    assert_one("Tin hoạt động\nChiều ngày 22/3, trường bế giảng lớp học đợt I năm 2019.",
               "ngày 22/3", "2019-03-22", 1);
    // A school year: its second year for January to July.
    assert_one("Tin hoạt động\nSáng 10/02, sở tổng kết hội thi năm học 2022-2023.", "10/02",
               "2023-02-10", 1);
    assert_one("Tin hoạt động\nSáng 10/10, sở tổng kết hội thi năm học 2022-2023.", "10/10",
               "2022-10-10", 1);
    // A year carried from the date before, inferred or written.
    const char *const a[] = {"2019-03-22", "2019-03-18", "2019-03-20"};
    assert_values("Tin hoạt động\nChiều ngày 22/3, trường bế giảng lớp học năm 2019. "
                  "Lớp học từ ngày 18 đến 20/3.", 3, a);
}
END_TEST

START_TEST(not_dates_of_issue_15)
{
    assert_none("Có 2/3 số đảng viên là nữ.");
    assert_none("Trường Mầm non 19-5 tổ chức lễ.");
    assert_none("Thăm gia đình thương binh 1/4 ở xã.");
    assert_none("Tổng số đảng viên dự họp 11/11, đạt 100%.");
    assert_none("Tết Trung thu là ngày 15/8 âm lịch.");
    assert_none("Rằm tháng Giêng năm 2024 chi hội họp.");
    assert_none("Hội thao ngày 30 - 31/2/2023.");
}
END_TEST

/* ---- rejections ---------------------------------------------------------- */

START_TEST(impossible_dates)
{
    assert_none("Hạn nộp là 31/02/2023 theo thông báo.");
    assert_none("Hạn nộp là 29/02/2023 theo thông báo.");
    assert_none("Hạn nộp là 31/04/2023 theo thông báo.");
    assert_none("Hạn nộp là 12/13/2023 theo thông báo.");
    assert_none("Hạn nộp là 00/10/2023 theo thông báo.");
}
END_TEST

START_TEST(counts_are_not_dates)
{
    assert_none("Có 18/22 đ/c tham dự hội nghị.");
    assert_none("Kết quả 10/10 chi bộ được đánh giá tốt.");
    assert_none("Có mặt 08/08 đảng viên của chi bộ.");
    assert_none("Dự họp 11/12 đồng chí, vắng 1.");
}
END_TEST

START_TEST(class_is_not_a_date)
{
    assert_none("Em Lan học lớp 10/3 của trường.");
    assert_none("Giáo viên chủ nhiệm Lớp 12/1 phát biểu.");
}
END_TEST

START_TEST(image_file_name)
{
    assert_none("Ảnh: IMG-18-12-2023.jpg tại buổi lễ.");
    assert_none("Xem tệp anh_18.12.2023.png đính kèm.");
}
END_TEST

START_TEST(terms_and_bare_years)
{
    assert_none("Đại hội chi bộ nhiệm kỳ 2020-2025 thành công tốt đẹp.");
    assert_none("Trong năm 2023 chi bộ hoàn thành tốt nhiệm vụ.");
    assert_none("Năm học 2023-2024 nhà trường có nhiều thành tích.");
}
END_TEST

START_TEST(clock_times)
{
    assert_none("Hội nghị bắt đầu lúc 08:11 tại phòng họp.");
    assert_none("Hội nghị bắt đầu lúc 14:30, kết thúc lúc 16:45.");
}
END_TEST

START_TEST(thousands_and_spans_of_days)
{
    assert_none("Toàn đảng bộ có 1.321 đảng viên.");
    assert_none("Lớp học kéo dài 2-3 ngày.");
    assert_none("Tỷ lệ đạt 12.5 phần trăm.");
}
END_TEST

START_TEST(no_dates_in_empty_text)
{
    assert_none("");
    assert_none("Chi bộ sinh hoạt đều đặn.");
}
END_TEST

/* ---- spans --------------------------------------------------------------- */

START_TEST(span_ascii_prefix)
{
    const char *text = "Chi bo hop 18/12/2023 tai phong.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_uint_eq(d->span.start, 11);
    ck_assert_uint_eq(d->span.end, 21);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_multibyte_prefix)
{
    // "Họp " is 6 bytes (ọ is 3); "ngày 30 tháng 11 năm 2023" is 28 bytes.
    const char *text = "Họp ngày 30 tháng 11 năm 2023.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_uint_eq(d->span.start, 6);
    ck_assert_uint_eq(d->span.end, 34);
    ck_assert_int_eq(memcmp(text + d->span.start, d->text, d->span.end - d->span.start), 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_nfd_input)
{
    // "Đảng ủy họp ngày 30/11/2023." with every toned letter decomposed:
    // Đ(2) a+U+0309(3) n g ' ' u+U+0309(3) y ' ' h o+U+0323(3) p ' '
    // n g a+U+0300(3) y ' ' 30/11/2023 '.'
    const char *text = "\xC4\x90" "a\xCC\x89" "ng u\xCC\x89y ho\xCC\xA3p "
                       "nga\xCC\x80y 30/11/2023.";
    const char *date_nfd = "nga\xCC\x80y 30/11/2023";
    size_t start = (size_t)(strstr(text, date_nfd) - text);
    ck_assert_uint_eq(start, 19);
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->value, "2023-11-30");
    ck_assert_str_eq(d->text, "ngày 30/11/2023"); // NFC
    ck_assert_uint_eq(d->span.start, 19);
    ck_assert_uint_eq(d->span.end, 19 + strlen(date_nfd));
    ck_assert_uint_eq(d->span.end, 36);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_nfd_date_at_end)
{
    // The span end is the input length when the date ends the text.
    const char *text = "Ho\xCC\xA3p nga\xCC\x80y 1/6/2020";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->value, "2020-06-01");
    ck_assert_uint_eq(d->span.start, 6);
    ck_assert_uint_eq(d->span.end, strlen(text));
    vnx_result_free(r);
}
END_TEST

START_TEST(span_with_bom)
{
    // The BOM is 3 bytes of the input as given: spans count it.
    const char *text = "\xEF\xBB\xBF" "Họp 18/12/2023 xong.";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_str_eq(d->text, "18/12/2023");
    ck_assert_uint_eq(d->span.start, 9);
    ck_assert_uint_eq(d->span.end, 19);
    vnx_result_free(r);
}
END_TEST

START_TEST(span_with_crlf)
{
    const char *text = "Tin chi bộ\r\n\r\nNgày 18/12/2023, chi bộ họp.";
    size_t start = (size_t)(strstr(text, "Ngày") - text);
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert_uint_eq(d->span.start, start);
    ck_assert_uint_eq(d->span.end, start + strlen("Ngày 18/12/2023"));
    vnx_result_free(r);
}
END_TEST

START_TEST(span_of_range_covers_both_ends)
{
    const char *text = "Mở lớp từ ngày 23 đến ngày 27/3/2015.";
    size_t start = (size_t)(strstr(text, "từ") - text);
    size_t end = (size_t)(strstr(text, ".") - text);
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_uint_eq(vnx_result_date(r, i)->span.start, start);
        ck_assert_uint_eq(vnx_result_date(r, i)->span.end, end);
    }
    vnx_result_free(r);
}
END_TEST

START_TEST(nfd_and_nfc_give_the_same_dates)
{
    const char *nfc = "Ngày 30 tháng 11 năm 2023 chi bộ họp.";
    const char *nfd = "Nga\xCC\x80y 30 tha\xCC\x81ng 11 na\xCC\x86m 2023 chi bo\xCC\xA3\xCC\x82 ho\xCC\xA3p.";
    vnx_result *a = extract(nfc), *b = extract(nfd);
    ck_assert_uint_eq(vnx_result_date_count(a), 1);
    ck_assert_uint_eq(vnx_result_date_count(b), 1);
    ck_assert_str_eq(vnx_result_date(a, 0)->value, vnx_result_date(b, 0)->value);
    ck_assert_str_eq(vnx_result_date(a, 0)->text, vnx_result_date(b, 0)->text);
    ck_assert_uint_eq(vnx_result_date(b, 0)->span.start, 0);
    ck_assert_uint_eq(vnx_result_date(b, 0)->span.end, (size_t)(strstr(nfd, " chi") - nfd));
    vnx_result_free(a);
    vnx_result_free(b);
}
END_TEST

START_TEST(no_dates_option)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = VNX_OPT_NO_DATES;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_ptr_nonnull(x);
    const char *text = "Họp 18/12/2023.";
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_date_count(r), 0);
    ck_assert_ptr_null(vnx_result_date(r, 0));
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

static Suite *dates_suite(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("forms");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, day_month_year_words);
    tcase_add_test(tc, numeric_slash);
    tcase_add_test(tc, numeric_dash);
    tcase_add_test(tc, numeric_dot);
    tcase_add_test(tc, numeric_single_digits);
    tcase_add_test(tc, numeric_spaced_slashes);
    tcase_add_test(tc, day_month_inferred_from_earlier_date);
    tcase_add_test(tc, day_month_inferred_from_nearest_earlier_date);
    tcase_add_test(tc, day_month_inferred_from_title);
    tcase_add_test(tc, day_month_without_any_year);
    tcase_add_test(tc, day_month_words_inferred);
    tcase_add_test(tc, month_year_slash);
    tcase_add_test(tc, month_year_words);
    tcase_add_test(tc, weekday_prefix);
    tcase_add_test(tc, range_with_words);
    tcase_add_test(tc, range_dash_after_ngay);
    tcase_add_test(tc, range_dash_bare);
    tcase_add_test(tc, two_full_dates_with_en_dash);
    tcase_add_test(tc, two_full_dates_with_hyphen);
    tcase_add_test(tc, more_ranges);
    tcase_add_test(tc, range_year_inferred);
    tcase_add_test(tc, year_from_later_date_when_title_has_none);
    tcase_add_test(tc, title_year_before_later_date);
    tcase_add_test(tc, day_slash_month_year_word);
    tcase_add_test(tc, time_of_day_prefix);
    tcase_add_test(tc, leap_day);
    tcase_add_test(tc, several_dates_in_order);
    tcase_add_test(tc, lists_of_days);
    tcase_add_test(tc, range_with_two_months);
    tcase_add_test(tc, ranges_of_months);
    tcase_add_test(tc, spaced_dashes_and_dots);
    tcase_add_test(tc, old_years_and_month_names);
    tcase_add_test(tc, year_from_the_sentence_or_school_year);
    tcase_add_test(tc, not_dates_of_issue_15);
    suite_add_tcase(s, tc);

    tc = tcase_create("rejections");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, impossible_dates);
    tcase_add_test(tc, counts_are_not_dates);
    tcase_add_test(tc, class_is_not_a_date);
    tcase_add_test(tc, image_file_name);
    tcase_add_test(tc, terms_and_bare_years);
    tcase_add_test(tc, clock_times);
    tcase_add_test(tc, thousands_and_spans_of_days);
    tcase_add_test(tc, no_dates_in_empty_text);
    suite_add_tcase(s, tc);

    tc = tcase_create("spans");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, span_ascii_prefix);
    tcase_add_test(tc, span_multibyte_prefix);
    tcase_add_test(tc, span_nfd_input);
    tcase_add_test(tc, span_nfd_date_at_end);
    tcase_add_test(tc, span_with_bom);
    tcase_add_test(tc, span_with_crlf);
    tcase_add_test(tc, span_of_range_covers_both_ends);
    tcase_add_test(tc, nfd_and_nfc_give_the_same_dates);
    tcase_add_test(tc, no_dates_option);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(dates_suite());
}
