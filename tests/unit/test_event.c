/**
 * test_event.c: the meeting reported, the title and the byline, through the
 * public API (SPEC.md, "event" and "author"; the record's "title"): the type
 * from the title, the date's sentence or the opening; the date tied to the
 * meeting, not a dateline's nor a directive's; the organization; headline
 * and page furniture; labelled and lone bylines; and what must not be taken.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static void assert_type(const char *text, const char *type)
{
    vnx_result *r = extract(text);
    assert_str_or_null(vnx_result_event(r)->type, type, "type");
    vnx_result_free(r);
}

static void assert_date(const char *text, const char *date)
{
    vnx_result *r = extract(text);
    assert_str_or_null(vnx_result_event(r)->date, date, "date");
    vnx_result_free(r);
}

static void assert_org(const char *text, const char *org)
{
    vnx_result *r = extract(text);
    assert_str_or_null(vnx_result_event(r)->organization, org, "organization");
    vnx_result_free(r);
}

static void assert_title(const char *text, const char *title)
{
    vnx_result *r = extract(text);
    assert_str_or_null(vnx_result_title(r), title, "title");
    vnx_result_free(r);
}

static void assert_author(const char *text, const char *author)
{
    vnx_result *r = extract(text);
    assert_str_or_null(vnx_result_author(r), author, "author");
    vnx_result_free(r);
}

/* ---- type ---------------------------------------------------------------- */

// One sentence per type, each naming its meeting the way the genre does.
START_TEST(type_of_each_kind)
{
    static const struct {
        const char *text, *type;
    } cases[] = {
        {"Chiều ngày 3/12/2024, Chi bộ Tổ Văn họp kiểm điểm, đánh giá, xếp loại đảng viên.",
         "kiểm điểm"},
        {"Chi bộ Phòng Tài vụ tiến hành bình xét, phân loại đảng viên năm 2024.", "kiểm điểm"},
        {"Sáng 8/1/2025, Đảng ủy xã Tân Lộc tổ chức Hội nghị tổng kết công tác Đảng năm 2024.",
         "tổng kết"},
        {"Ngày 2/6/2024, Đảng ủy phường tổ chức Hội nghị sơ kết 6 tháng đầu năm.", "sơ kết"},
        {"Hội nghị trực tuyến đánh giá 02 năm thực hiện Kết luận của Tỉnh ủy đã diễn ra.",
         "sơ kết"},
        {"Ngày 9/3/2025, Chi bộ thôn Bắc tổ chức Đại hội Chi bộ nhiệm kỳ 2025 - 2027.", "đại hội"},
        {"Chi bộ Khối Văn phòng sinh hoạt chuyên đề tháng 4 về học tập tấm gương đạo đức.",
         "sinh hoạt chi bộ"},
        {"Chi bộ trường THCS Lam Sơn long trọng tổ chức Lễ kết nạp đảng viên mới cho cô giáo Mai.",
         "kết nạp đảng viên"},
        {"Đảng ủy phường Nam Sơn trao tặng Huy hiệu Đảng cho 15 đảng viên lão thành.",
         "trao huy hiệu"},
        {"Bác Lương nhận Huy hiệu 70 năm tuổi Đảng tại nhà riêng.", "trao huy hiệu"},
        {"Đảng bộ Trường THPT Bình Minh học tập, quán triệt Nghị quyết Hội nghị Trung ương 8.",
         "học tập nghị quyết"},
        {"Chiều 2/2/2025, Đảng ủy xã tổ chức Lễ kỷ niệm 95 năm Ngày thành lập Đảng.", "kỷ niệm"},
        {"Sáng 4/4/2024, Trung tâm Chính trị huyện khai giảng lớp bồi dưỡng đảng viên mới.",
         "khác"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_type(cases[i].text, cases[i].type);
}
END_TEST

// The title decides before the body; its first cue wins among equals.
START_TEST(type_from_title_first)
{
    assert_type("CHI BỘ TRƯỜNG TIỂU HỌC AN PHÚ TỔ CHỨC HỘI NGHỊ KIỂM ĐIỂM NĂM 2024\n\n"
                "Ngày 5/12/2024, chi bộ họp, nhắc lại kết quả Đại hội Chi bộ nhiệm kỳ trước.\n",
                "kiểm điểm");
    assert_type("ĐẢNG BỘ XÃ AN HÒA TỔNG KẾT CÔNG TÁC ĐẢNG NĂM 2024 VÀ TRAO HUY HIỆU ĐẢNG\n\n"
                "Sáng 6/1/2025, Đảng bộ xã An Hòa tổ chức hội nghị.\n",
                "tổng kết");
}
END_TEST

// In the date's sentence a strong cue beats a weak one (the occasion).
START_TEST(type_strong_cue_beats_occasion)
{
    assert_type("Ngày 30-1-2025, Đảng ủy phường Tây Hồ tổ chức họp mặt kỷ niệm 95 năm Ngày thành "
                "lập Đảng; trao tặng Huy hiệu Đảng cho 20 đảng viên.\n",
                "trao huy hiệu");
}
END_TEST

// Cue words inside phrases that name no meeting do not count.
START_TEST(type_not_from_phrases_naming_no_meeting)
{
    assert_type("Ngày 7/5/2024, Chi bộ thôn Đông tổ chức hội nghị bàn cách thực hiện Nghị quyết "
                "Đại hội Đảng bộ xã.\n",
                "khác");
    assert_type("Năm 2024, Đảng bộ huyện kết nạp 120 đảng viên mới, vượt chỉ tiêu.\n", "khác");
}
END_TEST

// Preparing congresses, admission targets: meetings of another kind.
START_TEST(type_other_kinds)
{
    assert_type(
        "ĐẢNG ỦY XÃ HƯNG LONG TRIỂN KHAI CÔNG TÁC CHUẨN BỊ ĐẠI HỘI ĐẢNG CÁC CẤP\n\nNội dung.\n",
        "khác");
    assert_type("Thị ủy Sông Cầu giao chỉ tiêu kết nạp đảng viên năm 2025\n\nNội dung hội nghị.\n",
                "khác");
}
END_TEST

// With no title and no dated sentence, the opening paragraphs decide.
START_TEST(type_from_opening_without_title)
{
    assert_type("Công tác kiểm điểm, đánh giá, xếp loại chi bộ năm 2024 được Đảng ủy xã quan tâm "
                "chỉ đạo sát sao, bảo đảm đúng quy định và thực chất.\n",
                "kiểm điểm");
}
END_TEST

// A headline with no cue: the later body does not make it a meeting.
START_TEST(type_title_without_cue_is_other)
{
    assert_type("Nâng cao chất lượng đội ngũ đảng viên ở cơ sở\n\n"
                "Nhiều năm qua, Đảng bộ huyện chú trọng xây dựng tổ chức đảng vững mạnh.\n"
                "Chi bộ Công ty Vận tải kết nạp đảng viên mới (ảnh tư liệu).\n",
                "khác");
}
END_TEST

START_TEST(type_null_for_empty_document)
{
    assert_type("", NULL);
    assert_type("  \n\n ", NULL);
}
END_TEST

/* ---- date ---------------------------------------------------------------- */

// A date opening the sentence whose verb holds the meeting.
START_TEST(date_before_the_held_verb)
{
    assert_date("Sáng ngày 25/6/2024, tại hội trường nhà văn hóa, Chi bộ thôn Tây long trọng tổ "
                "chức Đại hội Chi bộ nhiệm kỳ 2024 - 2027.\n",
                "2024-06-25");
    assert_date("(TTV) – Ngày 06/01/2025, tại TP. Vinh, Đảng ủy Học viện Chính trị khu vực tổ chức "
                "Hội nghị tổng kết.\n",
                "2025-01-06");
}
END_TEST

// A directive's issue date is not the meeting's.
START_TEST(date_not_a_directives)
{
    const char *text = "Thực hiện Hướng dẫn số 05-HD/ĐU ngày 02/10/2024 của Đảng ủy xã về tổ chức "
                       "đại hội chi bộ, chiều ngày 12/10/2024 Chi bộ xóm Chùa tiến hành Đại hội.\n";
    assert_date(text, "2024-10-12");
    assert_date("Thực hiện Kế hoạch số 12-KH/ĐU ngày 02/10/2024 của Đảng ủy xã về tổ chức đại hội "
                "chi bộ nhiệm kỳ mới.\n",
                NULL);
}
END_TEST

// The page's own dates: labelled, next to a clock, alone on their line.
START_TEST(date_not_a_datelines)
{
    assert_date("Thứ Hai, 14/10/2024, 09:15\n\nNgày 12/10, Chi bộ xóm Đình tổ chức Đại hội.\n",
                "2024-10-12");
    assert_date("Đăng lúc: 10:20:05 16/10/2024\n\nChi bộ xóm Đình tổ chức Đại hội năm 2024.\n",
                NULL);
    assert_date(" date 2024-10-16 Chi bộ xóm Đình tổ chức Đại hội chi bộ.\n", NULL);
    assert_date("16/10/2024\n\nChi bộ xóm Đình tổ chức Đại hội chi bộ.\n", NULL);
}
END_TEST

// A date after the verb: "đã tổ chức lễ trao ... vào sáng 29/8"; not a
// batch ("đợt 2/9").
START_TEST(date_after_the_held_verb)
{
    assert_date("Lễ trao Huy hiệu Đảng năm 2024\n\nĐảng ủy phường Hạ Long đã tổ chức lễ trao Huy "
                "hiệu Đảng đợt 2/9 cho các đảng viên vào sáng 29/8.\n",
                "2024-08-29");
    assert_date("Đảng ủy phường Hạ Long tổ chức lễ trao Huy hiệu Đảng đợt ngày 3/2/2025 cho 12 "
                "đảng viên.\n",
                NULL);
}
END_TEST

// A paragraph that opens with the date, even when the sentence ends there.
START_TEST(date_opening_a_paragraph)
{
    assert_date("Ngày 5 tháng 3 năm 2024. Tại hội trường xã, chi bộ tiến hành họp.\n",
                "2024-03-05");
}
END_TEST

// A range gives its first day.
START_TEST(date_first_day_of_a_range)
{
    assert_date(
        "Trong hai ngày 14-15/6/2024, Đảng bộ xã Phú Lâm tổ chức Đại hội đại biểu lần thứ X.\n",
        "2024-06-14");
}
END_TEST

// A body holding the meeting as subject beats a count of cells.
START_TEST(date_with_holding_body_first)
{
    assert_date(
        "Trước đó, từ ngày 04/12 đến ngày 15/12, 08/08 chi bộ đã tổ chức hội nghị kiểm điểm. "
        "Sáng ngày 20/12/2024, Đảng bộ Trường THPT Hòa Bình tổ chức Hội nghị kiểm điểm.\n",
        "2024-12-20");
}
END_TEST

// Dates not tied to a meeting are not its date.
START_TEST(date_null_when_untied)
{
    assert_date("Đồng chí Lò Văn Pọm sinh ngày 12/5/1990, quê ở xã Mường Bon.\n", NULL);
    assert_date("Chi bộ có 20 đảng viên, được thành lập ngày 3/2/2001.\n", NULL);
}
END_TEST

/* ---- organization -------------------------------------------------------- */

START_TEST(org_after_the_date)
{
    assert_org(
        "Ngày 10/9/2024, tại Nhà văn hóa xã, Đảng ủy xã Tân Phú tổ chức Hội nghị tổng kết.\n",
        "Đảng ủy xã Tân Phú");
}
END_TEST

START_TEST(org_without_aside_and_with_dashes)
{
    assert_org("Ngày 7/5/2024, Đảng bộ xã Hòa Bình (huyện Chợ Mới) tiến hành Đại hội.\n",
               "Đảng bộ xã Hòa Bình");
    assert_org("Sáng 22/12/2024, Chi bộ Phòng Kế hoạch – Tài chính thuộc Đảng bộ Sở Nội vụ tổ chức "
               "họp kiểm điểm.\n",
               "Chi bộ Phòng Kế hoạch – Tài chính");
}
END_TEST

START_TEST(org_in_the_title)
{
    assert_org(
        "Huyện ủy Kim Sơn quán triệt Nghị quyết Trung ương 9\n\nHội nghị diễn ra trực tuyến.\n",
        "Huyện ủy Kim Sơn");
}
END_TEST

/* ---- title --------------------------------------------------------------- */

START_TEST(title_first_line)
{
    assert_title("Đại hội Chi bộ thôn Nam nhiệm kỳ 2025 - 2027 thành công tốt đẹp!\n"
                 "Sáng ngày 9/3/2025, Chi bộ thôn Nam tổ chức Đại hội.\n",
                 "Đại hội Chi bộ thôn Nam nhiệm kỳ 2025 - 2027 thành công tốt đẹp!");
}
END_TEST

// Menus, site names, datelines and hotlines above the headline are skipped.
START_TEST(title_under_page_furniture)
{
    assert_title("TRƯỜNG THCS HẢI VÂN\n"
                 "Trang chủ | Giới thiệu | Tin tức\n"
                 "Đường dây nóng: 0236 3812 345\n"
                 "09:30, 12/01/2025\n"
                 "CHI BỘ TRƯỜNG THCS HẢI VÂN KẾT NẠP ĐẢNG VIÊN MỚI\n"
                 "Chiều 10/1/2025, chi bộ tổ chức lễ kết nạp.\n",
                 "CHI BỘ TRƯỜNG THCS HẢI VÂN KẾT NẠP ĐẢNG VIÊN MỚI");
}
END_TEST

// A first line that is a sentence of the body: no headline.
START_TEST(title_null_for_body_first)
{
    assert_title("Sáng ngày 9/3/2025, Chi bộ thôn Nam tổ chức Đại hội nhiệm kỳ 2025 - 2027.\n",
                 NULL);
    assert_title(
        "Ký kết giao ước thi đua năm 2025.\nNăm 2024, Đảng bộ phường hoàn thành các chỉ tiêu.\n",
        NULL);
    assert_title("(TTV) - Chi bộ thôn Nam tổ chức Đại hội nhiệm kỳ mới\n", NULL);
}
END_TEST

// Continuations are joined; a timestamp and the scraper's label are dropped.
START_TEST(title_joined_and_trimmed)
{
    assert_title("Đảng bộ Khối Doanh nghiệp tỉnh:\n\nTriển khai nhiệm vụ năm 2025\n\nNội dung.\n",
                 "Đảng bộ Khối Doanh nghiệp tỉnh: Triển khai nhiệm vụ năm 2025");
    assert_title("ĐẠI\nHỘI CHI BỘ THÔN ĐÔNG NHIỆM KỲ 2025-2027\nNội dung.\n",
                 "ĐẠI HỘI CHI BỘ THÔN ĐÔNG NHIỆM KỲ 2025-2027");
    assert_title("Huyện ủy Yên Thế tổng kết công tác năm 2024 (16:05 06/01/2025)\n\nNội dung.\n",
                 "Huyện ủy Yên Thế tổng kết công tác năm 2024");
    assert_title(" date 2025-01-06 Huyện ủy Yên Thế tổng kết công tác năm 2024\n\nNội dung.\n",
                 "Huyện ủy Yên Thế tổng kết công tác năm 2024");
}
END_TEST

/* ---- author -------------------------------------------------------------- */

START_TEST(author_labelled)
{
    assert_author("Nội dung bài.\nTác giả: Nguyễn Văn Bình\n", "Nguyễn Văn Bình");
    assert_author("Tin bài: Chi bộ Ban Quản lý dự án\n\nNội dung bài.\n",
                  "Chi bộ Ban Quản lý dự án");
    assert_author("Nội dung bài.\nNgười viết: Đỗ Hạnh\nTrả lời\n", "Đỗ Hạnh");
    assert_author("Nội dung bài.\nNguồn tin: Trần Thu - Cán bộ Huyện đoàn\n", "Trần Thu");
    assert_author("Nội dung bài.\nThực hiện:\nLê Quỳnh\nViết bình luận\n", "Lê Quỳnh");
}
END_TEST

// A lone name or initials at the end, above comment forms and links.
START_TEST(author_lone_name_at_end)
{
    assert_author("Hội nghị kết thúc trong không khí phấn khởi.\nMinh Khoa\n", "Minh Khoa");
    assert_author(
        "Hội nghị kết thúc.\nT.H\nTrả lời\nEmail của bạn sẽ không được hiển thị công khai.\n",
        "T.H");
    assert_author("Hội nghị kết thúc.\nHOÀNG LAN\n", "HOÀNG LAN");
    assert_author("Hội nghị kết thúc.\nBảo Ngọc (CTV)\nTin liên quan:\n- Chi bộ thôn Nam tổ chức "
                  "Đại hội nhiệm kỳ 2025 - 2027 thành công tốt đẹp và đầy trách nhiệm\n",
                  "Bảo Ngọc");
}
END_TEST

// Photo credits, web addresses, captions, lone letters: no byline.
START_TEST(author_null_for_what_is_not_a_byline)
{
    assert_author("Quang cảnh hội nghị. Ảnh: Lê Vũ\nHội nghị kết thúc.\n", NULL);
    assert_author("Hội nghị kết thúc.\nNguồn tin: xaanbinh.gov.vn\n", NULL);
    assert_author("Hội nghị kết thúc.\nBí thư Đảng ủy phường An Hòa phát biểu\n", NULL);
    assert_author("Hội nghị kết thúc.\nA A\n", NULL);
    assert_author("Minh Khoa\nHội nghị kết thúc trong không khí phấn khởi, đoàn kết và dân chủ, "
                  "các đảng viên đều hứa phấn đấu.\n",
                  NULL);
}
END_TEST

/* ---- forms of issue 15 (sentences written for the tests) --------------------- */

// A broad cue (the cell's meeting, an anniversary) gives way to the
// meeting held at it.
START_TEST(type_broad_cue_gives_way)
{
    assert_type("Chi bộ thôn Bắc tiến hành sinh hoạt chi bộ, kiểm điểm, đánh giá, xếp loại "
                "đảng viên năm 2024.",
                "kiểm điểm");
    assert_type("Sức sống cơ sở\nSáng 3-2, Đảng ủy xã tổ chức Lễ kỷ niệm 95 năm Ngày thành lập "
                "Đảng và trao Huy hiệu Đảng cho 6 đảng viên.",
                "trao huy hiệu");
    assert_type("Chi bộ thôn Bắc tổ chức sinh hoạt chi bộ thường kỳ tháng 5.", "sinh hoạt chi bộ");
    assert_type("Xã tổ chức Lễ kỷ niệm 80 năm Cách mạng Tháng Tám.", "kỷ niệm");
}
END_TEST

// Every organisation's congress is "đại hội"; a Youth Union admission is
// not a Party admission.
START_TEST(type_congresses_and_admissions_of_others)
{
    assert_type("Chi đoàn lớp 11A tổ chức Đại hội Chi đoàn nhiệm kỳ 2024-2025.", "đại hội");
    assert_type("Công đoàn trường tổ chức Đại hội Công đoàn cơ sở lần thứ V.", "đại hội");
    assert_type("Đoàn trường tổ chức Lễ kết nạp đoàn viên mới cho 45 học sinh.", "khác");
    assert_type("Hội Nông dân xã kết nạp 20 hội viên mới trong năm.", "khác");
    assert_type("Liên đội tổ chức lễ kết nạp cho 120 đội viên mới.", "khác");
    assert_type("Chi bộ tổ chức Lễ kết nạp đảng viên mới cho quần chúng ưu tú.",
                "kết nạp đảng viên");
}
END_TEST

// "Ðại hội" with U+00D0 for Đ is a congress; the title keeps its letter.
START_TEST(type_with_look_alike_letters)
{
    vnx_result *r = extract("\xC3\x90ại hội chi bộ thôn Bắc\nChi bộ họp.");
    assert_str_or_null(vnx_result_event(r)->type, "đại hội", "type");
    assert_str_or_null(vnx_result_title(r), "\xC3\x90ại hội chi bộ thôn Bắc", "title");
    vnx_result_free(r);
}
END_TEST

// Studying a directive or a plenum; "bình xét" of emulation titles.
START_TEST(type_study_and_emulation)
{
    assert_type("Hội nghị quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp",
                "học tập nghị quyết");
    assert_type("QUÁN TRIỆT HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG", "học tập nghị quyết");
    assert_type("Hội nghị bình xét và tổng kết công tác thi đua năm 2024", "tổng kết");
}
END_TEST

// With no headline, the meeting the body names most.
START_TEST(type_from_the_body_without_title)
{
    assert_type("Buổi lễ diễn ra trang nghiêm tại hội trường.\n\nĐông đủ đảng viên dự.\n\n"
                "Bí thư chi bộ công bố quyết định kết nạp đảng viên. Sau lễ kết nạp, "
                "đảng viên mới tuyên thệ.\n",
                "kết nạp đảng viên");
}
END_TEST

// Furniture in English or left by a web framework is not the headline.
START_TEST(title_not_framework_furniture)
{
    assert_title("Monday, 30/03/2020 - 04:15|\nChi bộ tổ chức sinh hoạt chuyên đề\nNội dung.",
                 "Chi bộ tổ chức sinh hoạt chuyên đề");
    assert_title("DetailController\nHội nghị tổng kết công tác năm 2024\nNội dung.",
                 "Hội nghị tổng kết công tác năm 2024");
}
END_TEST

// The day a body issued a document is the news; the date after a number is
// the document's.
START_TEST(date_of_issuing_is_the_meetings)
{
    assert_date("Ngày 20/12/2023, Thị ủy ban hành Quyết định số 410/QĐ-TU về xếp loại tổ chức "
                "đảng năm 2023.",
                "2023-12-20");
}
END_TEST

// "vừa qua" between the date and who held it; the year from the dateline.
START_TEST(date_just_past)
{
    assert_date("12/03/2024\nNgày 9/3 vừa qua, Chi bộ thôn Nam tổ chức Lễ kết nạp đảng viên.",
                "2024-03-09");
}
END_TEST

/* ---- the meeting a page reports, read from its headline and date --------- */

// A review at the middle of a term or a half-year is a mid-term review; a
// cell's own "hội nghị chi bộ" is a cell meeting.
START_TEST(type_mid_term_and_cell_meetings)
{
    assert_type("Ngày 12/5/2024, Đảng bộ xã Tân Phú tổ chức Hội nghị kiểm điểm giữa nhiệm kỳ "
                "2020-2025.",
                "sơ kết");
    assert_type("Sáng 3/7, Huyện ủy Đông Sơn tổ chức hội nghị giao ban công tác Đảng 6 tháng đầu "
                "năm 2024.",
                "sơ kết");
    assert_type("Ngày 8/10/2024, Chi bộ trường Tiểu học An Lạc tổ chức hội nghị chi bộ năm học "
                "2024 - 2025.",
                "sinh hoạt chi bộ");
}
END_TEST

// A period a page speaks of is not the meeting it reports.
START_TEST(type_half_year_only_near_the_meeting)
{
    assert_type("Cán bộ, đảng viên xã Tân Lập học tập chuyên đề năm 2024 về đạo đức.\n\n"
                "Tình hình kinh tế - xã hội của xã 6 tháng đầu năm tiếp tục ổn định.\n",
                "khác");
}
END_TEST

// Rolling out a study or a congress plan: a study, a meeting of another kind.
START_TEST(type_rolling_out)
{
    assert_type("Ngày 5/3/2024, Đảng ủy phường tổ chức Hội nghị triển khai chuyên đề năm 2024.",
                "học tập nghị quyết");
    assert_type("Đảng ủy xã Hòa An triển khai kế hoạch tổ chức Đại hội Đảng bộ xã nhiệm kỳ "
                "2025-2030\n\nNội dung.\n",
                "khác");
    assert_type("Các huyện điều chỉnh lịch Đại hội Đảng bộ cơ sở\n\nNội dung.\n", "khác");
}
END_TEST

// A weak cue of the headline gives way to the meeting its date's sentence
// names; before the date, a sentence gives its reason, not the meeting.
START_TEST(type_from_the_meeting_sentence)
{
    assert_type("Phát triển đảng viên trong công nhân năm 2024\n\nNgày 19/5/2024, Chi bộ Phòng "
                "Kế toán tổ chức Lễ kết nạp đảng viên mới.\n",
                "kết nạp đảng viên");
    assert_type("Trang tin tức\n\nThực hiện Hướng dẫn số 12-HD/ĐU về đại hội chi bộ, ngày 4/3/2024 "
                "Đảng ủy Trường Cao đẳng Y tế tổ chức Hội nghị quán triệt Chỉ thị 35-CT/TW.\n",
                "học tập nghị quyết");
}
END_TEST

// A section label over the headline is not the headline.
START_TEST(title_below_a_section_label)
{
    assert_title("Hội đồng nhân dân Tỉnh\n\nHội nghị Tổng kết công tác Tuyên giáo năm 2023\n\n"
                 "Ngày 21/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.\n",
                 "Hội nghị Tổng kết công tác Tuyên giáo năm 2023");
}
END_TEST

// A date that stands alone as a sentence goes with the next; a dateline's
// clock on the line above is not next to the date below it.
START_TEST(date_alone_and_under_a_dateline)
{
    assert_date("Sau một thời gian chuẩn bị khẩn trương các văn kiện. Sáng ngày 22/02/2025. Chi bộ "
                "Trường Tiểu học Bát Tràng tổ chức Đại hội lần thứ XI.",
                "2025-02-22");
    assert_date("21/12/2023 08:00\nNgày 21/12, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị tổng kết.",
                "2023-12-21");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("event");
    TCase *tc = tcase_create("type");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, type_of_each_kind);
    tcase_add_test(tc, type_from_title_first);
    tcase_add_test(tc, type_strong_cue_beats_occasion);
    tcase_add_test(tc, type_not_from_phrases_naming_no_meeting);
    tcase_add_test(tc, type_other_kinds);
    tcase_add_test(tc, type_from_opening_without_title);
    tcase_add_test(tc, type_title_without_cue_is_other);
    tcase_add_test(tc, type_null_for_empty_document);
    tcase_add_test(tc, type_broad_cue_gives_way);
    tcase_add_test(tc, type_congresses_and_admissions_of_others);
    tcase_add_test(tc, type_with_look_alike_letters);
    tcase_add_test(tc, type_study_and_emulation);
    tcase_add_test(tc, type_from_the_body_without_title);
    tcase_add_test(tc, type_mid_term_and_cell_meetings);
    tcase_add_test(tc, type_half_year_only_near_the_meeting);
    tcase_add_test(tc, type_rolling_out);
    tcase_add_test(tc, type_from_the_meeting_sentence);
    suite_add_tcase(s, tc);

    tc = tcase_create("date");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, date_before_the_held_verb);
    tcase_add_test(tc, date_not_a_directives);
    tcase_add_test(tc, date_not_a_datelines);
    tcase_add_test(tc, date_after_the_held_verb);
    tcase_add_test(tc, date_opening_a_paragraph);
    tcase_add_test(tc, date_first_day_of_a_range);
    tcase_add_test(tc, date_with_holding_body_first);
    tcase_add_test(tc, date_null_when_untied);
    tcase_add_test(tc, date_of_issuing_is_the_meetings);
    tcase_add_test(tc, date_just_past);
    tcase_add_test(tc, date_alone_and_under_a_dateline);
    suite_add_tcase(s, tc);

    tc = tcase_create("organization");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, org_after_the_date);
    tcase_add_test(tc, org_without_aside_and_with_dashes);
    tcase_add_test(tc, org_in_the_title);
    suite_add_tcase(s, tc);

    tc = tcase_create("title");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, title_first_line);
    tcase_add_test(tc, title_under_page_furniture);
    tcase_add_test(tc, title_null_for_body_first);
    tcase_add_test(tc, title_joined_and_trimmed);
    tcase_add_test(tc, title_not_framework_furniture);
    tcase_add_test(tc, title_below_a_section_label);
    suite_add_tcase(s, tc);

    tc = tcase_create("author");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, author_labelled);
    tcase_add_test(tc, author_lone_name_at_end);
    tcase_add_test(tc, author_null_for_what_is_not_a_byline);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
