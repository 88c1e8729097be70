/**
 * test_review.c: the review page writer of the CLI (cli/review.c): the
 * shell around the data, the data (read back here: the index of every
 * article and the first detail block, JSON before the script; the other
 * detail blocks of 50 after it, base64 zlib streams of JSON), what an index entry and a detail
 * entry hold, spans in UTF-16 units of the text, hostile text and sources
 * kept as data (never markup), inputs that failed, and write errors.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fixture.h"
#include "review.h"

static const char ARTICLE[] =
    "𝐀 Sáng ngày 18/12/2023, Chi bộ tổ chức hội nghị kiểm điểm theo Hướng dẫn số 03-HD/TU. "
    "Đồng chí Nguyễn Văn Toản, Bí thư chi bộ phát biểu. 04 đ/c Đảng viên được xếp loại hoàn "
    "thành xuất sắc nhiệm vụ.\n";

// The file at `path` as a string (freed by the caller).
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static char *temp_path(void)
{
    static char path[64];
    strcpy(path, "/tmp/vnx-review-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    return path;
}

static int b64_value(char c)
{
    const char *set = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = strchr(set, c);
    return c && p ? (int)(p - set) : -1;
}

// The JSON of the data block starting at `p` (after its ">\n"), inflated.
static json_object *read_block(const char *p, const char **end)
{
    const char *stop = strstr(p, "</script>");
    ck_assert_ptr_nonnull(stop);
    *end = stop;
    size_t cap = (size_t)(stop - p), n = 0;
    unsigned char *raw = malloc(cap);
    unsigned v = 0;
    int bits = 0;
    for (const char *q = p; q < stop; q++) {
        if (*q == '\n' || *q == '=')
            continue;
        int d = b64_value(*q);
        ck_assert_msg(d >= 0, "not base64: '%c'", *q);
        v = v << 6 | (unsigned)d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            raw[n++] = (unsigned char)(v >> bits);
        }
    }
    uLongf len = 1 << 20;
    char *json = malloc(len + 1);
    ck_assert_int_eq(uncompress((Bytef *)json, &len, raw, n), Z_OK);
    json[len] = '\0';
    json_object *o = json_tokener_parse(json);
    ck_assert_msg(o != NULL, "not JSON: %.200s", json);
    free(raw);
    free(json);
    return o;
}

/* The page's data: its index and detail entries, in order. */
typedef struct page {
    char *html;
    json_object *index, *detail; /* arrays */
    int blocks;                  /* detail blocks */
} page;

static page read_page(const char *path)
{
    page pg = {slurp(path), NULL, NULL, 0};
    const char *ix = "<script type=\"application/json\" id=\"index\" data-block=\"50\">";
    char *at = strstr(pg.html, ix);
    ck_assert_ptr_nonnull(at);
    at += strlen(ix);
    char *end = strstr(at, "</script>");
    ck_assert_ptr_nonnull(end);
    char *json = strndup(at, (size_t)(end - at));
    pg.index = json_tokener_parse(json);
    ck_assert_msg(pg.index != NULL, "the index is not JSON: %.200s", json);
    free(json);
    // the first detail block: JSON, right after the index
    const char *d0 = "</script>\n<script type=\"application/json\" id=\"d0\">";
    ck_assert(strncmp(end, d0, strlen(d0)) == 0);
    at = end + strlen(d0);
    end = strstr(at, "</script>");
    json = strndup(at, (size_t)(end - at));
    pg.detail = json_tokener_parse(json);
    ck_assert_msg(pg.detail != NULL, "d0 is not JSON: %.200s", json);
    free(json);
    pg.blocks = json_object_array_length(pg.detail) > 0;
    const char *open = "<script type=\"application/x-vnx\" data-kind=\"";
    for (const char *p = strstr(pg.html, open); p; p = strstr(p, open)) {
        p += strlen(open);
        ck_assert(strncmp(p, "detail\" id=\"d", 13) == 0);
        json_object *block = read_block(strstr(p, ">\n") + 2, &p);
        pg.blocks++;
        for (size_t i = 0; i < json_object_array_length(block); i++)
            json_object_array_add(pg.detail, json_object_get(json_object_array_get_idx(block, i)));
        json_object_put(block);
    }
    return pg;
}

static void page_free(page *pg)
{
    free(pg->html);
    json_object_put(pg->index);
    json_object_put(pg->detail);
}

static json_object *get(json_object *o, const char *key)
{
    json_object *v = NULL;
    ck_assert_msg(json_object_object_get_ex(o, key, &v), "no \"%s\"", key);
    return v;
}

static const char *str(json_object *o, const char *key)
{
    return json_object_get_string(get(o, key));
}

// The UTF-16 length of `n` bytes of valid UTF-8.
static size_t utf16_len(const char *s, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        u += (c & 0xC0) != 0x80;
        u += c >= 0xF0; // a surrogate pair
    }
    return u;
}

START_TEST(shell_and_one_article)
{
    char *path = temp_path();
    review *rv = review_open(path, "vnextract <test> & \"x\"");
    ck_assert_ptr_nonnull(rv);
    vnx_result *r = extract(ARTICLE);
    ck_assert_int_eq(review_add(rv, "dir/a.txt", ARTICLE, strlen(ARTICLE), r), 0);
    ck_assert_uint_eq(vnx_result_span_unit(r), VNX_SPANS_UTF16);
    ck_assert_int_eq(review_close(rv), 0);
    page pg = read_page(path);
    ck_assert(strncmp(pg.html, "<!DOCTYPE html>", 15) == 0);
    ck_assert_ptr_nonnull(strstr(pg.html, "</html>"));
    ck_assert_ptr_nonnull(strstr(pg.html, "Content-Security-Policy"));
    ck_assert_ptr_nonnull(strstr(pg.html, "vnextract &lt;test&gt; &amp; &quot;x&quot;"));
    ck_assert_ptr_null(strstr(pg.html, "<test>"));
    ck_assert_int_eq(pg.blocks, 1);
    ck_assert_uint_eq(json_object_array_length(pg.index), 1);
    json_object *ix = json_object_array_get_idx(pg.index, 0);
    ck_assert_str_eq(str(ix, "s"), "dir/a.txt");
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(get(ix, "e"), 1)),
                     "2023-12-18");
    json_object *d0 = json_object_array_get_idx(get(ix, "d"), 0);
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(d0, 1)), "03-HD/TU");
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(get(ix, "o"), 0)),
                     "Nguyễn Văn Toản");
    json_object *t0 = json_object_array_get_idx(get(ix, "r"), 0);
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(t0, 0)),
                     "hoàn thành xuất sắc nhiệm vụ");
    ck_assert_int_eq(json_object_get_int(json_object_array_get_idx(get(ix, "n"), 0)),
                     (int)vnx_result_date_count(r));
    // the detail: the text as given, and the record with UTF-16 spans
    json_object *dt = json_object_array_get_idx(pg.detail, 0);
    ck_assert_str_eq(str(dt, "text"), ARTICLE);
    json_object *date = json_object_array_get_idx(get(get(dt, "r"), "dates"), 0);
    json_object *span = get(date, "span");
    const char *at = strstr(ARTICLE, "ngày 18/12/2023");
    size_t a = utf16_len(ARTICLE, (size_t)(at - ARTICLE));
    ck_assert_int_eq(json_object_get_int(json_object_array_get_idx(span, 0)), (int)a);
    ck_assert_int_eq(json_object_get_int(json_object_array_get_idx(span, 1)), (int)a + 15);
    ck_assert_int_eq((int)a, 8); // "𝐀 Sáng ": "𝐀" is two UTF-16 units
    page_free(&pg);
    vnx_result_free(r);
    unlink(path);
}
END_TEST

// Text that looks like markup, control characters and invalid UTF-8 are
// data: in base64 blocks, read back byte for byte (JSON-escaped).
START_TEST(hostile_text_is_data)
{
    static const char text[] = "</script><script>alert(1)</script> Ngày 05/3/2024 \"q\" \\ \x01\t"
                               "\xff\xfe end";
    char *path = temp_path();
    review *rv = review_open(path, "g");
    vnx_result *r = extract_n(text, sizeof text - 1);
    ck_assert_int_eq(review_add(rv, "</script><b>src</b>", text, sizeof text - 1, r), 0);
    ck_assert_int_eq(review_close(rv), 0);
    page pg = read_page(path);
    // (the title, in the index, holds the text's first line: escaped)
    ck_assert_ptr_null(strstr(pg.html, "<script>alert(1)"));
    ck_assert_ptr_null(strstr(pg.html, "</script><"));
    ck_assert_ptr_null(strstr(pg.html, "<b>src"));
    ck_assert_ptr_nonnull(strstr(pg.html, "\\u003c/script>\\u003cb>src\\u003c/b>"));
    json_object *dt = json_object_array_get_idx(pg.detail, 0);
    ck_assert_int_eq(json_object_get_string_len(get(dt, "text")), (int)(sizeof text - 1));
    ck_assert_mem_eq(str(dt, "text"), text, sizeof text - 1);
    ck_assert_str_eq(str(json_object_array_get_idx(pg.index, 0), "s"), "</script><b>src</b>");
    page_free(&pg);
    vnx_result_free(r);
    unlink(path);
}
END_TEST

// 50 articles a block; a failed input is an index entry with its reason.
START_TEST(blocks_and_failures)
{
    char *path = temp_path();
    review *rv = review_open(path, "g");
    for (int i = 0; i < 120; i++) {
        char source[32];
        snprintf(source, sizeof source, "a%03d.txt", i);
        if (i == 77) {
            ck_assert_int_eq(review_add_error(rv, source, "No such file or directory"), 0);
            continue;
        }
        vnx_result *r = extract(ARTICLE);
        ck_assert_int_eq(review_add(rv, source, ARTICLE, strlen(ARTICLE), r), 0);
        vnx_result_free(r);
    }
    ck_assert_int_eq(review_close(rv), 0);
    page pg = read_page(path);
    ck_assert_int_eq(pg.blocks, 3);
    // the index and the first block before the page's script, the others after it
    const char *script = strstr(pg.html, "<script>");
    ck_assert_ptr_nonnull(script);
    ck_assert(strstr(pg.html, "id=\"index\"") < script);
    ck_assert(strstr(pg.html, "id=\"d0\"") < script);
    ck_assert(strstr(pg.html, "id=\"d1\"") > script);
    ck_assert(strstr(pg.html, "<script type=\"application/x-vnx\"") > script);
    ck_assert_ptr_nonnull(strstr(pg.html, "id=\"d2\""));
    ck_assert_uint_eq(json_object_array_length(pg.index), 120);
    ck_assert_uint_eq(json_object_array_length(pg.detail), 120);
    for (int i = 0; i < 120; i++) {
        char source[32];
        snprintf(source, sizeof source, "a%03d.txt", i);
        json_object *ix = json_object_array_get_idx(pg.index, (size_t)i);
        ck_assert_str_eq(str(ix, "s"), source);
        ck_assert_int_eq(json_object_object_get_ex(ix, "x", NULL), i == 77);
        ck_assert_int_eq(json_object_array_get_idx(pg.detail, (size_t)i) == NULL, i == 77);
    }
    ck_assert_str_eq(str(json_object_array_get_idx(pg.index, 77), "x"),
                     "No such file or directory");
    page_free(&pg);
    unlink(path);
}
END_TEST

START_TEST(empty_batch)
{
    char *path = temp_path();
    ck_assert_int_eq(review_close(review_open(path, "g")), 0);
    page pg = read_page(path);
    ck_assert_int_eq(pg.blocks, 0);
    ck_assert_uint_eq(json_object_array_length(pg.index), 0); // an empty index: "[]"
    ck_assert_ptr_nonnull(strstr(pg.html, "</html>"));
    page_free(&pg);
    unlink(path);
    ck_assert_int_eq(review_close(NULL), 0);
}
END_TEST

START_TEST(write_errors)
{
    errno = 0;
    ck_assert_ptr_null(review_open("/nonexistent-dir/page.html", "g"));
    ck_assert_int_eq(errno, ENOENT);
    if (access("/dev/full", W_OK) != 0)
        return;
    review *rv = review_open("/dev/full", "g");
    ck_assert_ptr_nonnull(rv);
    vnx_result *r = extract(ARTICLE);
    for (int i = 0; i < 200; i++)
        review_add(rv, "a.txt", ARTICLE, strlen(ARTICLE), r);
    vnx_result_free(r);
    ck_assert_int_eq(review_close(rv), -1);
    ck_assert_int_eq(errno, ENOSPC);
}
END_TEST

static Suite *review_suite(void)
{
    Suite *s = suite_create("review");
    TCase *tc = tcase_create("page");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, shell_and_one_article);
    tcase_add_test(tc, hostile_text_is_data);
    tcase_add_test(tc, blocks_and_failures);
    tcase_add_test(tc, empty_batch);
    tcase_add_test(tc, write_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(review_suite());
}
