/**
 * test_review.c: the review page writer of the CLI (cli/review.c), on
 * records made by hand with the result adders, so that every kind is tested
 * before its extractor exists: one mark per span with its kind, bytes and
 * value; roles found next to a name (after it, before it, before its
 * honorific) and nowhere else; nesting and crossing spans; escaping of the
 * text, of invalid UTF-8 and of the source; the legend; spans out of range.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "internal.h"
#include "review.h"

// An empty result: every extractor off, items added by the tests.
static vnx_result *empty_result(const char *text)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = VNX_OPT_NO_DATES | VNX_OPT_NO_DIRECTIVES | VNX_OPT_NO_OFFICIALS | VNX_OPT_NO_TALLIES |
              VNX_OPT_NO_EVENT;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_msg(x != NULL, "%s", err.message);
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    vnx_extractor_free(x);
    return r;
}

static char *copy(const char *s)
{
    return vnxp_strndup(s, strlen(s));
}

// The span of the first `needle` in `text`; the test fails when it is not there.
static vnx_span span_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    ck_assert_msg(p != NULL, "'%s' not in the text", needle);
    return (vnx_span){(size_t)(p - text), (size_t)(p - text) + strlen(needle)};
}

static void add_date(vnx_result *r, const char *text, const char *written, const char *value)
{
    vnx_date *d = vnxp_result_add_date(r);
    d->text = copy(written);
    d->value = copy(value);
    d->span = span_of(text, written);
}

static vnx_official *add_official(vnx_result *r, const char *text, const char *name,
                                  const char *honorific, const char *const *roles)
{
    vnx_official *o = vnxp_result_add_official(r);
    o->name = copy(name);
    o->honorific = honorific ? copy(honorific) : NULL;
    for (; roles && *roles; roles++)
        ck_assert_int_eq(vnxp_official_add_role(o, *roles), 0);
    ck_assert_int_eq(vnxp_official_add_span(o, span_of(text, name)), 0);
    return o;
}

// The page made of the one article `text` with record `r`, as a string.
static char *page_of(const char *source, const char *text, size_t len, const vnx_result *r)
{
    char path[] = "/tmp/vnx-review-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    review *rv = review_open(path, "vnextract test");
    ck_assert_ptr_nonnull(rv);
    ck_assert_int_eq(review_add(rv, source, text, len, r), 0);
    ck_assert_int_eq(review_close(rv), 0);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    remove(path);
    buf[n] = '\0';
    return buf;
}

static char *page(const char *text, const vnx_result *r)
{
    return page_of("a.txt", text, strlen(text), r);
}

// The opening of the mark of `kind` over `sp`, as the page writes it.
static void assert_mark(const char *html, const char *kind, vnx_span sp)
{
    char want[160];
    snprintf(want, sizeof want,
             "<mark class=\"k-%s\" data-kind=\"%s\" data-start=\"%zu\" data-end=\"%zu\"", kind,
             kind, sp.start, sp.end);
    ck_assert_msg(strstr(html, want) != NULL, "no %s mark over [%zu, %zu)", kind, sp.start, sp.end);
}

static size_t count(const char *html, const char *needle)
{
    size_t n = 0;
    for (const char *p = html; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static const char every_kind[] =
    "Ngày 05/3/2024, đồng chí Lê Văn Tám – Bí thư chi bộ, Hiệu trưởng chủ trì; 20/22 đảng viên "
    "dự họp; 15 đảng viên hoàn thành tốt nhiệm vụ theo Kế hoạch số 07-KH/CB.";

START_TEST(every_kind_marked)
{
    const char *text = every_kind;
    vnx_result *r = empty_result(text);
    add_date(r, text, "Ngày 05/3/2024", "2024-03-05");
    vnx_directive *d = vnxp_result_add_directive(r);
    d->text = copy("Kế hoạch số 07-KH/CB");
    d->number = copy("07-KH/CB");
    d->type = copy("Kế hoạch");
    d->span = span_of(text, "Kế hoạch số 07-KH/CB");
    static const char *const roles[] = {"Bí thư chi bộ", "Hiệu trưởng", NULL};
    add_official(r, text, "Lê Văn Tám", "đồng chí", roles);
    vnx_tally *t = vnxp_result_add_tally(r);
    t->text = copy("15 đảng viên hoàn thành tốt nhiệm vụ");
    t->rating = copy("hoàn thành tốt nhiệm vụ");
    t->count = 15, t->total = VNX_NONE, t->percent = VNX_NONE;
    t->span = span_of(text, t->text);
    vnx_attendance *a = vnxp_result_add_attendance(r);
    a->text = copy("20/22 đảng viên dự họp");
    a->present = 20, a->total = 22, a->percent = VNX_NONE;
    a->span = span_of(text, a->text);

    const char *html = page(text, r);
    assert_mark(html, "date", span_of(text, "Ngày 05/3/2024"));
    assert_mark(html, "directive", span_of(text, "Kế hoạch số 07-KH/CB"));
    assert_mark(html, "official", span_of(text, "Lê Văn Tám"));
    assert_mark(html, "role", span_of(text, "Bí thư chi bộ"));
    assert_mark(html, "role", span_of(text, "Hiệu trưởng"));
    assert_mark(html, "tally", span_of(text, "15 đảng viên hoàn thành tốt nhiệm vụ"));
    assert_mark(html, "attendance", span_of(text, "20/22 đảng viên dự họp"));
    ck_assert_uint_eq(count(html, "<mark "), 7);
    ck_assert_uint_eq(count(html, "</mark>"), 7);
    vnx_result_free(r);
}
END_TEST

START_TEST(values_on_hover)
{
    const char *text = every_kind;
    vnx_result *r = empty_result(text);
    vnx_date *d = vnxp_result_add_date(r);
    d->text = copy("Ngày 05/3/2024");
    d->value = copy("2024-03-05");
    d->year_inferred = 1;
    d->span = span_of(text, "Ngày 05/3/2024");
    vnx_attendance *a = vnxp_result_add_attendance(r);
    a->text = copy("20/22 đảng viên dự họp");
    a->present = 20, a->total = 22, a->percent = 90.9;
    a->span = span_of(text, a->text);
    const char *html = page(text, r);
    ck_assert_ptr_nonnull(
        strstr(html, "data-value=\"2024-03-05 (year inferred)\" "
                     "title=\"date: 2024-03-05 (year inferred)\">Ngày 05/3/2024</mark>"));
    ck_assert_ptr_nonnull(strstr(html, "title=\"attendance: present 20/22 (90.9%)\">"));
    vnx_result_free(r);
}
END_TEST

START_TEST(role_before_the_name)
{
    const char *text = "Bí thư chi bộ Trần Thị Hoa phát biểu khai mạc.";
    vnx_result *r = empty_result(text);
    static const char *const roles[] = {"Bí thư chi bộ", NULL};
    add_official(r, text, "Trần Thị Hoa", NULL, roles);
    const char *html = page(text, r);
    assert_mark(html, "role", span_of(text, "Bí thư chi bộ"));
    vnx_result_free(r);
}
END_TEST

START_TEST(role_before_the_honorific)
{
    const char *text = "Phó Hiệu trưởng đồng chí Lê Văn Tám trình bày báo cáo.";
    vnx_result *r = empty_result(text);
    static const char *const roles[] = {"Phó Hiệu trưởng", NULL};
    add_official(r, text, "Lê Văn Tám", "đồng chí", roles);
    const char *html = page(text, r);
    assert_mark(html, "role", span_of(text, "Phó Hiệu trưởng"));
    vnx_result_free(r);
}
END_TEST

START_TEST(role_elsewhere_not_marked)
{
    // The role is the person's, but written away from the name: not marked.
    const char *text = "Chi bộ bầu Bí thư chi bộ mới. Đồng chí Trần Thị Hoa cảm ơn chi bộ.";
    vnx_result *r = empty_result(text);
    static const char *const roles[] = {"Bí thư chi bộ", NULL};
    add_official(r, text, "Trần Thị Hoa", "Đồng chí", roles);
    const char *html = page(text, r);
    ck_assert_uint_eq(count(html, "data-kind=\"role\""), 0);
    ck_assert_uint_eq(count(html, "data-kind=\"official\""), 1);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_needs_a_separator_and_a_whole_word)
{
    // "Hiệu trưởng" glued to the name, and "Bí thư" inside "Bí thưa": no role.
    const char *text = "Lê Văn TámHiệu trưởng; Lê Văn Hà, Bí thưa hội nghị.";
    vnx_result *r = empty_result(text);
    static const char *const tam[] = {"Hiệu trưởng", NULL};
    static const char *const ha[] = {"Bí thư", NULL};
    add_official(r, text, "Lê Văn Tám", NULL, tam);
    add_official(r, text, "Lê Văn Hà", NULL, ha);
    const char *html = page(text, r);
    ck_assert_uint_eq(count(html, "data-kind=\"role\""), 0);
    vnx_result_free(r);
}
END_TEST

START_TEST(nested_spans_nest)
{
    const char *text = "Theo Kế hoạch số 07-KH/CB ngày 05/3/2024 của Chi bộ.";
    vnx_result *r = empty_result(text);
    vnx_directive *d = vnxp_result_add_directive(r);
    d->text = copy("Kế hoạch số 07-KH/CB ngày 05/3/2024");
    d->number = copy("07-KH/CB");
    d->span = span_of(text, d->text);
    add_date(r, text, "05/3/2024", "2024-03-05");
    const char *html = page(text, r);
    const char *outer = strstr(html, "data-kind=\"directive\"");
    const char *inner = strstr(html, "data-kind=\"date\"");
    ck_assert_ptr_nonnull(outer);
    ck_assert_ptr_nonnull(inner);
    ck_assert_msg(outer < inner, "the date opens before the directive");
    ck_assert_ptr_nonnull(strstr(html, ">05/3/2024</mark></mark> của Chi bộ."));
    vnx_result_free(r);
}
END_TEST

START_TEST(crossing_spans_are_cut)
{
    const char *text = "0123456789abcdefghij";
    vnx_result *r = empty_result(text);
    vnx_date *d = vnxp_result_add_date(r);
    d->value = copy("2024-01-01");
    d->span = (vnx_span){0, 10};
    vnx_tally *t = vnxp_result_add_tally(r);
    t->rating = copy("hoàn thành nhiệm vụ");
    t->count = t->total = VNX_NONE, t->percent = VNX_NONE;
    t->span = (vnx_span){5, 15};
    const char *html = page(text, r);
    ck_assert_ptr_nonnull(strstr(html, "data-start=\"5\" data-end=\"15\" data-clipped=\"1\""));
    ck_assert_ptr_nonnull(strstr(html, ">56789</mark></mark>abcdefghij</div>"));
    vnx_result_free(r);
}
END_TEST

START_TEST(spans_out_of_range_left_out)
{
    const char *text = "ngày 05/3/2024";
    vnx_result *r = empty_result(text);
    vnx_date *d = vnxp_result_add_date(r);
    d->value = copy("2024-03-05");
    d->span = (vnx_span){5, 500};
    d = vnxp_result_add_date(r);
    d->value = copy("2024-03-05");
    d->span = (vnx_span){7, 7};
    const char *html = page(text, r);
    ck_assert_uint_eq(count(html, "<mark "), 0);
    ck_assert_ptr_nonnull(strstr(html, ">ngày 05/3/2024</div>"));
    vnx_result_free(r);
}
END_TEST

START_TEST(text_and_source_escaped)
{
    static const char text[] = "<script>x</script> & \"a\" 'b' \x01 \xff\xfe end";
    vnx_result *r = empty_result(text);
    const char *html = page_of("<b>&.txt", text, sizeof text - 1, r);
    ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;x&lt;/script&gt; &amp; &quot;a&quot; "
                                       "&#39;b&#39; &#xFFFD; &#xFFFD;&#xFFFD; end</div>"));
    ck_assert_ptr_nonnull(strstr(html, "<h2>&lt;b&gt;&amp;.txt</h2>"));
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_null(strstr(html, "\xff"));
    vnx_result_free(r);
}
END_TEST

START_TEST(legend_and_counts)
{
    const char *text = "ngày 05/3/2024";
    vnx_result *r = empty_result(text);
    add_date(r, text, "05/3/2024", "2024-03-05");
    const char *html = page(text, r);
    static const char *const kinds[] = {"date", "directive", "official",
                                        "role", "tally",     "attendance"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char want[80];
        snprintf(want, sizeof want, "<span class=\"key k-%s\">%s</span>", kinds[i], kinds[i]);
        ck_assert_msg(strstr(html, want) != NULL, "legend lacks %s", kinds[i]);
    }
    ck_assert_ptr_nonnull(strstr(html, "<p class=\"summary\">1 date · 0 directives"));
    ck_assert_ptr_nonnull(strstr(html, "1 article</p>"));
    vnx_result_free(r);
}
END_TEST

START_TEST(open_fails_on_a_bad_path)
{
    errno = 0;
    ck_assert_ptr_null(review_open("/nonexistent-dir/x/review.html", NULL));
    ck_assert_int_eq(errno, ENOENT);
    ck_assert_int_eq(review_close(NULL), 0);
}
END_TEST

static Suite *review_suite(void)
{
    Suite *s = suite_create("review");
    TCase *tc = tcase_create("kinds");
    tcase_add_test(tc, every_kind_marked);
    tcase_add_test(tc, values_on_hover);
    tcase_add_test(tc, legend_and_counts);
    suite_add_tcase(s, tc);

    tc = tcase_create("roles");
    tcase_add_test(tc, role_before_the_name);
    tcase_add_test(tc, role_before_the_honorific);
    tcase_add_test(tc, role_elsewhere_not_marked);
    tcase_add_test(tc, role_needs_a_separator_and_a_whole_word);
    suite_add_tcase(s, tc);

    tc = tcase_create("structure");
    tcase_add_test(tc, nested_spans_nest);
    tcase_add_test(tc, crossing_spans_are_cut);
    tcase_add_test(tc, spans_out_of_range_left_out);
    tcase_add_test(tc, text_and_source_escaped);
    tcase_add_test(tc, open_fails_on_a_bad_path);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(review_suite());
}
