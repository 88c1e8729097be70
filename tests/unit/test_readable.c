/**
 * test_readable.c: vnx_extract_html(), the reader view, on small pages
 * written for each rule: a main column named "sidebar", a "Xem thêm" box
 * in the middle of the article, a table of tallies, a listing page, a
 * windows-1258 page, a footer with a press licence, headlines, publication
 * dates, encodings, hidden elements, mojibake; and the pre-scan that
 * blanks what gumbo need not read.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "input/page.h"

// The record of `page` (the test fails when extraction does).
static vnx_result *html_enc(const char *page, size_t len, const char *encoding)
{
    vnx_error err;
    vnx_result *r = vnx_extract_html(X, page, len, encoding, &err);
    ck_assert_msg(r != NULL, "vnx_extract_html: %s", err.message);
    return r;
}

static vnx_result *html(const char *page)
{
    return html_enc(page, strlen(page), NULL);
}

static const char *text_of(const vnx_result *r)
{
    return vnx_result_text(r, NULL);
}

static void assert_in_text(const vnx_result *r, const char *what)
{
    ck_assert_msg(strstr(text_of(r), what) != NULL, "\"%s\" not in the text:\n%s", what,
                  text_of(r));
}

static void assert_not_in_text(const vnx_result *r, const char *what)
{
    ck_assert_msg(strstr(text_of(r), what) == NULL, "\"%s\" in the text:\n%s", what,
                  text_of(r));
}

static int has_date(const vnx_result *r, const char *value)
{
    for (size_t i = 0; i < vnx_result_date_count(r); i++)
        if (strcmp(vnx_result_date(r, i)->value, value) == 0)
            return 1;
    return 0;
}

static int has_warning(const vnx_result *r, const char *start)
{
    for (size_t i = 0; i < vnx_result_warning_count(r); i++)
        if (strncmp(vnx_result_warning(r, i), start, strlen(start)) == 0)
            return 1;
    return 0;
}

/* A site's frame around an article: a menu, a sidebar of teasers, a
 * footer with a press licence and a clock in the header. */
#define MENU                                                                                   \
    "<header class=\"site-header\"><div class=\"clock\">Thứ Hai, 01/01/2024 10:00</div>"        \
    "<ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/a\">Tin tức</a>"     \
    "</li><li><a href=\"/b\">Văn bản</a></li><li><a href=\"/c\">Liên hệ</a></li></ul>"        \
    "</header>"
#define SIDEBAR                                                                                \
    "<aside class=\"sidebar\"><h3>Tin mới</h3><ul>"                                            \
    "<li><a href=\"/1\">Hội nghị ngày 05/05/2022 của Đảng bộ xã bàn về công tác cán bộ</a></li>" \
    "<li><a href=\"/2\">Đồng chí Trần Văn Bình dự lễ khai giảng năm học mới tại trường</a></li>" \
    "<li><a href=\"/3\">Kế hoạch số 99-KH/ĐU về công tác kiểm tra giám sát năm 2022</a></li>"  \
    "</ul></aside>"
#define FOOTER                                                                                 \
    "<footer class=\"footer\"><p>Cơ quan chủ quản: Sở Giáo dục. Giấy phép số 102/GP-BTTTT "    \
    "ngày 15/04/2019. Ghi rõ nguồn khi phát hành lại thông tin.</p></footer>"
#define BODY_1                                                                                 \
    "<p>Ngày 18/12/2023, Chi bộ trường THPT Liên Chiểu tổ chức hội nghị kiểm điểm, đánh giá, "  \
    "xếp loại chất lượng đảng viên năm 2023, theo Hướng dẫn số 03-HD/TU của Ban Tổ chức "      \
    "Thành ủy.</p>"
#define BODY_2                                                                                 \
    "<p>Đồng chí Hồ Văn Trung, Bí thư chi bộ, trình bày báo cáo kiểm điểm của tập thể chi "     \
    "bộ, nêu rõ những ưu điểm, hạn chế và nguyên nhân, đề ra giải pháp cho năm tới.</p>"
#define BODY_3                                                                                 \
    "<p>Hội nghị thống nhất đề nghị xếp loại chi bộ hoàn thành tốt nhiệm vụ, đồng thời giao " \
    "cho các đồng chí chi ủy viên theo dõi việc khắc phục, báo cáo vào ngày 20/01/2024.</p>"

START_TEST(main_column_named_sidebar)
{
    // The article's own column is named "sidebar-1" (as a news site does):
    // the name lowers it, the text it holds decides.
    static const char page[] =
        "<html><head><title>Chi bộ kiểm điểm cuối năm - Trường THPT Liên Chiểu</title></head>"
        "<body>" MENU "<div class=\"sidebar-1\"><h1>Chi bộ kiểm điểm cuối năm</h1>"
        "<article class=\"fck_detail\">" BODY_1 BODY_2 BODY_3 "</article></div>"
        SIDEBAR FOOTER "</body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ kiểm điểm cuối năm", "title");
    assert_in_text(r, "Hội nghị thống nhất");
    ck_assert(has_date(r, "2023-12-18"));
    ck_assert(has_date(r, "2024-01-20"));
    assert_not_in_text(r, "Trần Văn Bình"); // the real sidebar
    assert_not_in_text(r, "Trang chủ");     // the menu
    ck_assert(!has_date(r, "2022-05-05"));
    ck_assert(!has_date(r, "2024-01-01"));  // the clock
    vnx_result_free(r);
}
END_TEST

START_TEST(xem_them_box_mid_article)
{
    // A "see also" box between two paragraphs ends nothing: the paragraphs
    // after it are read, the box's teasers are not.
    static const char page[] =
        "<body>" MENU "<h1>Chi bộ kiểm điểm cuối năm</h1><div class=\"detail-content\">"
        BODY_1 BODY_2
        "<div class=\"box-xemthem\"><strong>Xem thêm:</strong><ul>"
        "<li><a href=\"/x\">Đảng bộ xã tổng kết ngày 05/05/2022 công tác xây dựng Đảng</a></li>"
        "<li><a href=\"/y\">Hội nghị học tập Nghị quyết số 99-NQ/TW tại các chi bộ trực thuộc</a></li>"
        "</ul></div>" BODY_3 "</div>" FOOTER "</body>";
    vnx_result *r = html(page);
    assert_in_text(r, "Hội nghị thống nhất");
    ck_assert(has_date(r, "2024-01-20"));
    ck_assert(!has_date(r, "2022-05-05"));
    assert_not_in_text(r, "Xem thêm");
    vnx_result_free(r);
}
END_TEST

START_TEST(table_cells_stay_apart)
{
    // A cell ends a word (a tab), a row a line: the figures do not glue.
    static const char page[] =
        "<body><h1>Kết quả xếp loại đảng viên năm 2023</h1><div class=\"content\">" BODY_1
        "<table><tr><th>Mức xếp loại</th><th>Số đảng viên</th><th>Tỷ lệ</th></tr>"
        "<tr><td>Hoàn thành xuất sắc nhiệm vụ</td><td>04</td><td>18,2%</td></tr>"
        "<tr><td>Hoàn thành tốt nhiệm vụ</td><td>18</td><td>81,8%</td></tr></table>"
        BODY_2 "</div></body>";
    vnx_result *r = html(page);
    assert_in_text(r, "Hoàn thành xuất sắc nhiệm vụ\t04\t18,2%\n");
    assert_in_text(r, "Hoàn thành tốt nhiệm vụ\t18\t81,8%\n");
    assert_not_in_text(r, "0418");
    vnx_result_free(r);
}
END_TEST

START_TEST(listing_page_has_no_facts)
{
    // Teasers alike, none of which stands out: a listing, not an article.
    char page[8192] = "<html><head><title>Tin tức - Trường THPT</title></head><body>" MENU
                      "<div class=\"list-news\">";
    for (int i = 1; i <= 12; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<div class=\"item\"><h3><a href=\"/t%d\">Chi bộ số %d tổ chức hội nghị "
                 "kiểm điểm cuối năm 2023</a></h3><p class=\"sapo\">Ngày %d/12/2023, chi bộ "
                 "tổ chức hội nghị kiểm điểm, đánh giá, xếp loại đảng viên, với sự tham dự "
                 "của các đồng chí đảng viên.</p></div>",
                 i, i, i);
        strcat(page, item);
    }
    strcat(page, "</div>" FOOTER "</body></html>");
    vnx_result *r = html(page);
    ck_assert(has_warning(r, "listing page"));
    ck_assert_uint_eq(vnx_result_date_count(r), 0);
    ck_assert_uint_eq(vnx_result_directive_count(r), 0);
    ck_assert_ptr_null(vnx_result_published(r));
    vnx_result_free(r);
}
END_TEST

START_TEST(article_is_not_a_listing)
{
    static const char page[] = "<body>" MENU "<h1>Chi bộ kiểm điểm cuối năm</h1><div>" BODY_1
                               BODY_2 BODY_3 "</div>" SIDEBAR SIDEBAR SIDEBAR FOOTER "</body>";
    vnx_result *r = html(page);
    ck_assert(!has_warning(r, "listing page"));
    ck_assert(has_date(r, "2023-12-18"));
    vnx_result_free(r);
}
END_TEST

// The page of windows1258 below, in windows-1258: "Chi bộ Đảng họp" and a
// paragraph, with tones as combining marks (as that encoding writes them).
#define WINDOWS1258_BODY                                                                       \
    "<h1>Chi b\xF4\xF2 \xD0" "a\xD2ng ho\xF2p</h1><p>Ng\xE0y 18/12/2023, \xF0\xF4\xCCng ch\xED " \
    "Nguy\xEA\xDEn V\xE3n Toa\xD2n d\xFD\xF2 h\xF4\xF2i nghi\xF2 ki\xEA\xD2m \xF0i\xEA\xD2m "    \
    "cu\xD2" "a Chi b\xF4\xF2 tr\xFD\xF5\xCCng.</p>"

START_TEST(windows1258_page)
{
    static const char page[] = "<html><head><meta charset=\"windows-1258\"></head><body>"
        WINDOWS1258_BODY "</body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    assert_in_text(r, "đồng chí Nguyễn Văn Toản"); // NFC
    ck_assert(has_date(r, "2023-12-18"));
    ck_assert_uint_eq(vnx_result_official_count(r), 1);
    ck_assert_str_eq(vnx_result_official(r, 0)->name, "Nguyễn Văn Toản");
    vnx_result_free(r);
}
END_TEST

START_TEST(http_equiv_charset_and_override)
{
    static const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=windows-1258\"></head><body>" WINDOWS1258_BODY
        "</body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
    // The page says nothing: the caller's encoding is used.
    static const char bare[] = "<html><body>" WINDOWS1258_BODY "</body></html>";
    r = html_enc(bare, sizeof bare - 1, "windows-1258");
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
    // A UTF-8 page whose <meta> says otherwise is read as the caller says.
    static const char utf8[] = "<html><head><meta charset=\"windows-1258\"></head><body>"
                               "<h1>Chi bộ Đảng họp</h1>" BODY_1 "</body></html>";
    r = html_enc(utf8, sizeof utf8 - 1, "UTF-8");
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
    // A byte order mark wins over the <meta>.
    static const char bom[] = "\xEF\xBB\xBF<html><head><meta charset=\"windows-1258\"></head>"
                              "<body><h1>Chi bộ Đảng họp</h1>" BODY_1 "</body></html>";
    r = html(bom);
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
    // An encoding ICU does not know is an error, not a guess.
    vnx_error err;
    ck_assert_ptr_null(vnx_extract_html(X, bare, sizeof bare - 1, "no-such-encoding", &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
}
END_TEST

START_TEST(unknown_meta_charset_passed_over)
{
    // A <meta> that names no encoding ICU knows is passed over, as browsers
    // do: the next one says, or UTF-8 (found by fuzzing: it was an error).
    static const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=UTF-9\"><meta charset=\"windows-1258\"></head><body>"
        WINDOWS1258_BODY "</body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
    static const char utf8[] = "<html><head><meta charset=\"x-no-such\"></head><body>"
                               "<h1>Chi bộ Đảng họp</h1>" BODY_1 "</body></html>";
    r = html(utf8);
    assert_str_or_null(vnx_result_title(r), "Chi bộ Đảng họp", "title");
    vnx_result_free(r);
}
END_TEST

START_TEST(page_wrapped_in_a_form)
{
    // ASP.NET WebForms pages (school and government portals) wrap the whole
    // page, article included, in one <form>.
    static const char page[] =
        "<html><head><title>Chi bộ kiểm điểm cuối năm</title></head><body>"
        "<form method=\"post\" action=\"./Default.aspx\" id=\"form1\">"
        "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"abc\">" MENU
        "<nav class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> / <a href=\"/t\">Tin tức</a></nav>"
        "<div id=\"dnn_ContentPane\"><h1>Chi bộ kiểm điểm cuối năm</h1>" BODY_1 BODY_2 BODY_3
        "</div>" SIDEBAR FOOTER "</form></body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ kiểm điểm cuối năm", "title");
    ck_assert(has_date(r, "2023-12-18"));
    ck_assert(has_date(r, "2024-01-20"));
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_not_in_text(r, "Trang chủ");
    assert_not_in_text(r, "Trần Văn Bình");
    vnx_result_free(r);
}
END_TEST

START_TEST(footer_licence_is_no_directive)
{
    static const char page[] = "<body>" MENU "<h1>Chi bộ kiểm điểm cuối năm</h1>"
                               "<div class=\"post-content\">" BODY_1 BODY_2 BODY_3 "</div>"
                               FOOTER "</body>";
    vnx_result *r = html(page);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    ck_assert_str_eq(vnx_result_directive(r, 0)->number, "03-HD/TU");
    assert_not_in_text(r, "Giấy phép");
    ck_assert(!has_date(r, "2019-04-15"));
    vnx_result_free(r);
}
END_TEST

START_TEST(headline_from_the_page_not_stale_metadata)
{
    // og:title was written before the headline was edited; the <h1> by the
    // article is the headline.
    static const char page[] =
        "<html><head><title>Chi bộ họp kiểm điểm năm 2023 | Cổng thông tin Trường THPT</title>"
        "<meta property=\"og:title\" content=\"Chi bộ họp kiểm điểm năm 2023\"></head><body>"
        MENU "<h1 class=\"logo\">Trường THPT Liên Chiểu</h1>"
        "<h1>Chi bộ họp kiểm điểm, xếp loại năm 2023</h1><div class=\"content\">" BODY_1
        BODY_2 "</div>" FOOTER "</body></html>";
    vnx_result *r = html(page);
    assert_str_or_null(vnx_result_title(r), "Chi bộ họp kiểm điểm, xếp loại năm 2023", "title");
    // The headline opens the text.
    ck_assert(strncmp(text_of(r), "Chi bộ họp kiểm điểm, xếp loại năm 2023\n", 41) == 0);
    vnx_result_free(r);
    // No heading: <title> without the site's name.
    static const char bare[] =
        "<html><head><title>Chi bộ họp kiểm điểm năm 2023 | Cổng thông tin Trường THPT</title>"
        "</head><body><div>" BODY_1 BODY_2 "</div></body></html>";
    r = html(bare);
    assert_str_or_null(vnx_result_title(r), "Chi bộ họp kiểm điểm năm 2023", "title");
    vnx_result_free(r);
}
END_TEST

START_TEST(published_from_metadata_or_dateline)
{
    static const char meta[] =
        "<html><head><meta property=\"article:published_time\" "
        "content=\"2023-12-20T08:15:00+07:00\"></head><body>" MENU
        "<h1>Chi bộ kiểm điểm cuối năm</h1><div>" BODY_1 BODY_2 "</div></body></html>";
    vnx_result *r = html(meta);
    assert_str_or_null(vnx_result_published(r), "2023-12-20", "published");
    vnx_result_free(r);
    static const char json_ld[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"datePublished\": \"2023-12-21T09:00:00+07:00\"}</script></head><body>"
        "<h1>Chi bộ kiểm điểm cuối năm</h1><div>" BODY_1 BODY_2 "</div></body></html>";
    r = html(json_ld);
    assert_str_or_null(vnx_result_published(r), "2023-12-21", "published");
    vnx_result_free(r);
    // The dateline by the headline is `published`, not a date of the text;
    // the header's clock is neither.
    static const char dateline[] =
        "<body>" MENU "<h1>Chi bộ kiểm điểm cuối năm</h1>"
        "<div class=\"meta\"><span class=\"date\">Thứ Tư, 20/12/2023 - 15:32</span></div>"
        "<div class=\"content\">" BODY_1 BODY_2 "</div>" SIDEBAR "</body>";
    r = html(dateline);
    assert_str_or_null(vnx_result_published(r), "2023-12-20", "published");
    ck_assert(!has_date(r, "2023-12-20"));
    ck_assert(has_date(r, "2023-12-18"));
    vnx_result_free(r);
    // A page that states no date has none (a teaser's date is not its own).
    static const char none[] = "<body><h1>Chi bộ kiểm điểm cuối năm</h1><div>" BODY_2 "</div>"
                               "<div class=\"other-news\"><a href=\"/z\">Tin cũ</a>"
                               "<span>17/01/2022</span></div></body>";
    r = html(none);
    ck_assert_ptr_null(vnx_result_published(r));
    vnx_result_free(r);
}
END_TEST

START_TEST(hidden_and_unread_elements)
{
    static const char page[] =
        "<body><h1>Chi bộ kiểm điểm cuối năm</h1><div class=\"content\">" BODY_1
        "<div style=\"display: none\">Quyết định số 777/QĐ-UBND ẩn</div>"
        "<div hidden>Quyết định số 778/QĐ-UBND ẩn</div>"
        "<script>var x = 'Quyết định số 779/QĐ-UBND';</script>"
        "<style>.a{}</style><svg><text>Quyết định số 780/QĐ-UBND</text></svg>"
        BODY_2 "</div></body>";
    vnx_result *r = html(page);
    ck_assert_uint_eq(vnx_result_directive_count(r), 1);
    assert_not_in_text(r, "ẩn");
    vnx_result_free(r);
}
END_TEST

START_TEST(mojibake_warned_and_kept)
{
    // "Đảng ủy" written as UTF-8, read as windows-1252, written back.
    static const char page[] =
        "<body><h1>Chi bá»™ há»p</h1><p>Ä�áº£ng á»§y xÃ£ tá»• chá»©c há»™i nghá»‹ "
        "kiá»ƒm Ä‘iá»ƒm, Ä‘Ã¡nh giÃ¡, xáº¿p loáº¡i Ä‘áº£ng viÃªn nÄƒm 2023.</p></body>";
    vnx_result *r = html(page);
    ck_assert(has_warning(r, "mojibake"));
    assert_in_text(r, "Ä‘Ã¡nh"); // left as it is
    vnx_result_free(r);
    r = html("<body><h1>Chi bộ họp</h1>" BODY_1 "</body>");
    ck_assert(!has_warning(r, "mojibake"));
    vnx_result_free(r);
}
END_TEST

START_TEST(empty_and_bad_arguments)
{
    vnx_result *r = html_enc("", 0, NULL);
    ck_assert_str_eq(text_of(r), "\n");
    ck_assert_uint_eq(vnx_result_date_count(r), 0);
    vnx_result_free(r);
    vnx_error err;
    ck_assert_ptr_null(vnx_extract_html(NULL, "<p>x</p>", 8, NULL, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_extract_html(X, NULL, 8, NULL, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    // The text of a text document is the text given.
    r = extract("Ngày 18/12/2023.");
    size_t n;
    ck_assert_str_eq(vnx_result_text(r, &n), "Ngày 18/12/2023.");
    ck_assert_uint_eq(n, strlen("Ngày 18/12/2023."));
    vnx_result_free(r);
    ck_assert_ptr_null(vnx_result_text(NULL, &n));
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(spans_index_the_text)
{
    static const char page[] = "<body>" MENU "<h1>Chi bộ kiểm điểm cuối năm</h1><div>" BODY_1
                               BODY_2 "</div></body>";
    vnx_result *r = html(page);
    const char *t = text_of(r);
    ck_assert_uint_ge(vnx_result_date_count(r), 1);
    const vnx_date *d = vnx_result_date(r, 0);
    ck_assert(strncmp(t + d->span.start, "18/12/2023", d->span.end - d->span.start) == 0 ||
              strncmp(t + d->span.start, "Ngày 18/12/2023", d->span.end - d->span.start) == 0);
    vnx_result_free(r);
}
END_TEST

/* ---- the pre-scan (cut out what is never read) ------------------------------------------------------------------ */

static char *blanked(const char *page)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s", page);
    size_t n = vnxp_html_cut_unread(buf, strlen(buf));
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

START_TEST(prescan_blanks_what_is_not_read)
{
    ck_assert_str_eq(blanked("<script>var a='<p>';</script><p>x</p>"),
                     "<script></script><p>x</p>");
    ck_assert_str_eq(blanked("<STYLE type=x>p{}</Style >"), "<STYLE type=x></Style >");
    ck_assert_str_eq(blanked("<svg a=\"1\"><path d=\"M0\"/></svg>b"), "<svg a=\"1\"></svg>b");
    ck_assert_str_eq(blanked("a<script>1</script>b<style>2</style>c"),
                     "a<script></script>b<style></style>c");
}
END_TEST

START_TEST(prescan_keeps_what_the_tokenizer_reads_otherwise)
{
    static const char *const same[] = {
        // JSON-LD is read (datePublished).
        "<script type=\"application/ld+json\">{\"a\":1}</script>",
        // Inside a comment, an attribute value or a <textarea>, "<script" is text.
        "<!-- <script>x</script> --><p>y</p>",
        "<p title=\"<script>\">x</p><p>y</p>",
        "<textarea><script>x</script></textarea>",
        "<title><style>x</style></title>",
        // A script holding "<!--" is left to the tokenizer's escaped states.
        "<script><!-- document.write('<script>x</script>') --></script>",
        // An <svg> that holds HTML (the parser moves it out of the svg).
        "<svg><p>text</p></svg>",
        // Not closed.
        "<svg><path/>",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        ck_assert_str_eq(blanked(same[i]), same[i]);
    // After a comment that holds a script tag, a real script is blanked.
    ck_assert_str_eq(blanked("<!-- <script> --><script>z</script>"),
                     "<!-- <script> --><script></script>");
}
END_TEST

static Suite *readable_suite(void)
{
    Suite *s = suite_create("readable");
    TCase *tc = tcase_create("reader_view");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, main_column_named_sidebar);
    tcase_add_test(tc, xem_them_box_mid_article);
    tcase_add_test(tc, table_cells_stay_apart);
    tcase_add_test(tc, listing_page_has_no_facts);
    tcase_add_test(tc, article_is_not_a_listing);
    tcase_add_test(tc, windows1258_page);
    tcase_add_test(tc, http_equiv_charset_and_override);
    tcase_add_test(tc, unknown_meta_charset_passed_over);
    tcase_add_test(tc, page_wrapped_in_a_form);
    tcase_add_test(tc, footer_licence_is_no_directive);
    tcase_add_test(tc, headline_from_the_page_not_stale_metadata);
    tcase_add_test(tc, published_from_metadata_or_dateline);
    tcase_add_test(tc, hidden_and_unread_elements);
    tcase_add_test(tc, mojibake_warned_and_kept);
    tcase_add_test(tc, empty_and_bad_arguments);
    tcase_add_test(tc, spans_index_the_text);
    suite_add_tcase(s, tc);
    tc = tcase_create("prescan");
    tcase_add_test(tc, prescan_blanks_what_is_not_read);
    tcase_add_test(tc, prescan_keeps_what_the_tokenizer_reads_otherwise);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(readable_suite());
}
