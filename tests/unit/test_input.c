/**
 * test_input.c: the input front ends: vnx_decode (UTF-8 passed through,
 * UTF-16/32 by byte order mark, windows-1258, unknown encodings),
 * vnx_html_to_text (entities, dropped sections and page furniture, inline
 * and block elements, white space, <pre>, empty and deeply nested pages,
 * spans of a record extracted from the text), vnx_jsonl_document (id, url,
 * text, html, and every kind of bad line) and vnx_error_to_json.
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include <check.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vnextract.h"
#include "fixture.h"

/* ---- helpers ---------------------------------------------------------------- */

// Decode `len` bytes; the test fails when decoding does.
static char *decode_ok(const char *bytes, size_t len, const char *encoding, size_t *out_len)
{
    vnx_error err;
    memset(&err, 0x5a, sizeof err);
    char *s = vnx_decode(bytes, len, encoding, out_len, &err);
    ck_assert_msg(s != NULL, "vnx_decode(%s): %s", encoding ? encoding : "NULL", err.message);
    ck_assert_int_eq(err.code, VNX_OK);
    ck_assert_int_eq(s[*out_len], '\0');
    return s;
}

// The text of `html`; the test fails when the conversion does.
static char *html_text(const char *html, size_t *out_len)
{
    vnx_error err;
    size_t n = 0;
    char *s = vnx_html_to_text(html, strlen(html), &n, &err);
    ck_assert_msg(s != NULL, "vnx_html_to_text: %s", err.message);
    ck_assert_int_eq(err.code, VNX_OK);
    ck_assert_uint_eq(strlen(s), n);
    if (out_len)
        *out_len = n;
    return s;
}

// Assert that the text of `html` is exactly `want`.
static void assert_html_text(const char *html, const char *want)
{
    char *s = html_text(html, NULL);
    char got[512];
    snprintf(got, sizeof got, "%s", s);
    int same = strcmp(s, want) == 0;
    vnx_free(s); // before the assertion, which does not return when it fails
    ck_assert_msg(same, "html %s\n  gives \"%s\"\n  want  \"%s\"", html, got, want);
}

// A JSON line that must be read: the document is returned in *doc.
static void jsonl_ok(const char *line, size_t len, vnx_document *doc)
{
    vnx_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = vnx_jsonl_document(line, len, doc, &err);
    ck_assert_msg(rc == VNX_OK, "vnx_jsonl_document(%s): %d %s", line, rc, err.message);
    ck_assert_int_eq(err.code, VNX_OK);
    ck_assert_ptr_nonnull(doc->text);
    ck_assert_int_eq(doc->text[doc->len], '\0');
}

// A JSON line that must be refused with VNX_ERR_INPUT and a message that
// contains `word` (case as written); the document is cleared (twice: safe).
static void jsonl_bad(const char *line, size_t len, const char *word)
{
    vnx_document doc;
    memset(&doc, 0x5a, sizeof doc);
    vnx_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = vnx_jsonl_document(line, len, &doc, &err);
    ck_assert_msg(rc == VNX_ERR_INPUT, "line [%.*s]: rc %d (%s), want VNX_ERR_INPUT", (int)len,
                  line, rc, err.message);
    ck_assert_int_eq(err.code, VNX_ERR_INPUT);
    ck_assert_msg(strlen(err.message) > 0 && strlen(err.message) < sizeof err.message,
                  "line [%.*s]: no message", (int)len, line);
    ck_assert_msg(strstr(err.message, word) != NULL,
                  "line [%.*s]: message \"%s\" does not say \"%s\"", (int)len, line,
                  err.message, word);
    vnx_document_clear(&doc);
    ck_assert_ptr_null(doc.text);
    ck_assert_ptr_null(doc.source);
    vnx_document_clear(&doc);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "Sáng ngày 18 tháng 12 năm 2023, chi bộ họp." in windows-1258: the tone
 * marks as combining characters after their letter (0xEC acute, 0xCC grave,
 * 0xF2 dot below), as Vietnamese text in that code page is written; ă (0xE3)
 * and ô (0xF4) are precomposed. */
static const char CP1258_SAMPLE[] = "Sa\xec" "ng nga\xcc" "y 18 tha\xec" "ng 12 n\xe3m 2023, "
                                    "chi b\xf4\xf2 ho\xf2p.";

/* ---- vnx_decode ----------------------------------------------------------------- */

START_TEST(decode_utf8_passes_through)
{
    static const char text[] = "Ngày 18/12/2023, chi bộ họp.\r\n\tEnd";
    const char *encodings[] = {NULL, "auto", "AUTO", "UTF-8", "utf8"};
    for (size_t i = 0; i < sizeof encodings / sizeof *encodings; i++) {
        size_t n = 0;
        char *s = decode_ok(text, sizeof text - 1, encodings[i], &n);
        ck_assert_uint_eq(n, sizeof text - 1);
        ck_assert_mem_eq(s, text, n);
        vnx_free(s);
    }
}
END_TEST

START_TEST(decode_invalid_utf8_passes_through)
{
    // Invalid sequences are kept byte for byte: vnx_extract reports them.
    static const char bytes[] = "ng\xc3\xa0y 18/12/2023 \xc3( \xff\xfe \xed\xa0\x80 end\x00tail";
    size_t len = sizeof bytes - 1;
    size_t n = 0;
    char *s = decode_ok(bytes, len, NULL, &n);
    ck_assert_uint_eq(n, len);
    ck_assert_mem_eq(s, bytes, len);
    vnx_result *r = extract_n(s, n);
    ck_assert_uint_ge(vnx_result_warning_count(r), 1);
    ck_assert_ptr_nonnull(strstr(vnx_result_warning(r, 0), "invalid UTF-8"));
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2023-12-18");
    vnx_result_free(r);
    vnx_free(s);
}
END_TEST

START_TEST(decode_utf16le_bom)
{
    // "Họp ngày 18/12" in UTF-16LE after FF FE.
    static const char bytes[] = "\xff\xfe" "H\0\xcd\x1e" "p\0 \0n\0g\0\xe0\0y\0 \0" "1\0" "8\0/\0"
                                "1\0" "2\0";
    size_t n = 0;
    char *s = decode_ok(bytes, sizeof bytes - 1, NULL, &n);
    ck_assert_str_eq(s, "Họp ngày 18/12");
    ck_assert_uint_eq(n, strlen("Họp ngày 18/12"));
    vnx_free(s);
    // "auto" is the same as NULL.
    s = decode_ok(bytes, sizeof bytes - 1, "auto", &n);
    ck_assert_str_eq(s, "Họp ngày 18/12");
    vnx_free(s);
}
END_TEST

START_TEST(decode_utf16be_bom)
{
    static const char bytes[] = "\xfe\xff" "\0H\x1e\xcd" "\0p\0 \0n\0g\0\xe0\0y\0 \0" "1\0" "8\0/\0"
                                "1\0" "2";
    size_t n = 0;
    char *s = decode_ok(bytes, sizeof bytes - 1, NULL, &n);
    ck_assert_str_eq(s, "Họp ngày 18/12");
    ck_assert_uint_eq(n, strlen("Họp ngày 18/12"));
    vnx_free(s);
}
END_TEST

START_TEST(decode_utf32_bom)
{
    static const char le[] = "\xff\xfe\0\0" "A\0\0\0" "\xcd\x1e\0\0";
    static const char be[] = "\0\0\xfe\xff" "\0\0\0A" "\0\0\x1e\xcd";
    size_t n = 0;
    char *s = decode_ok(le, sizeof le - 1, NULL, &n);
    ck_assert_str_eq(s, "Aọ");
    vnx_free(s);
    s = decode_ok(be, sizeof be - 1, NULL, &n);
    ck_assert_str_eq(s, "Aọ");
    vnx_free(s);
}
END_TEST

START_TEST(decode_utf16_invalid_becomes_fffd)
{
    // A lone surrogate and an odd trailing byte: U+FFFD, not an error.
    static const char bytes[] = "\xff\xfe" "A\0" "\x00\xd8" "B\0" "C";
    size_t n = 0;
    char *s = decode_ok(bytes, sizeof bytes - 1, NULL, &n);
    ck_assert_ptr_nonnull(strchr(s, 'A'));
    ck_assert_ptr_nonnull(strchr(s, 'B'));
    ck_assert_ptr_nonnull(strstr(s, "\xef\xbf\xbd"));
    vnx_free(s);
}
END_TEST

START_TEST(decode_windows_1258)
{
    size_t n = 0;
    char *s = decode_ok(CP1258_SAMPLE, sizeof CP1258_SAMPLE - 1, "windows-1258", &n);
    ck_assert_uint_eq(strlen(s), n);
    // "nga" + U+0300 + "y": the combining tone mark comes through.
    ck_assert_ptr_nonnull(strstr(s, "nga\xcc\x80y"));
    vnx_result *r = extract_n(s, n);
    ck_assert_uint_eq(vnx_result_warning_count(r), 0);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2023-12-18");
    vnx_result_free(r);
    vnx_free(s);
}
END_TEST

START_TEST(decode_empty_input)
{
    const char *encodings[] = {NULL, "windows-1258", "UTF-16LE"};
    for (size_t i = 0; i < sizeof encodings / sizeof *encodings; i++) {
        size_t n = 99;
        char *s = decode_ok("", 0, encodings[i], &n);
        ck_assert_uint_eq(n, 0);
        ck_assert_str_eq(s, "");
        vnx_free(s);
        // NULL with length 0 is empty input too.
        n = 99;
        s = decode_ok(NULL, 0, encodings[i], &n);
        ck_assert_uint_eq(n, 0);
        vnx_free(s);
    }
}
END_TEST

START_TEST(decode_unknown_encoding)
{
    vnx_error err;
    size_t n = 0;
    memset(&err, 0, sizeof err);
    ck_assert_ptr_null(vnx_decode("abc", 3, "no-such-charset-x9", &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_msg(strstr(err.message, "no-such-charset-x9") != NULL, "message: %s", err.message);
    // Also for empty input (the command probes the name this way).
    ck_assert_ptr_null(vnx_decode("", 0, "no-such-charset-x9", &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    // NULL err is allowed.
    ck_assert_ptr_null(vnx_decode("abc", 3, "no-such-charset-x9", &n, NULL));
}
END_TEST

START_TEST(decode_null_arguments)
{
    vnx_error err;
    size_t n = 0;
    ck_assert_ptr_null(vnx_decode(NULL, 5, NULL, &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_decode(NULL, 5, "windows-1258", &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_decode("abc", 3, NULL, NULL, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_decode(NULL, 5, NULL, &n, NULL));
}
END_TEST

/* ---- vnx_html_to_text ----------------------------------------------------------- */

START_TEST(html_entities_decoded)
{
    char *s = html_text("<p>a&nbsp;b &ocirc; &#7897; &#x1EA1; &amp; &lt;x&gt; &quot;</p>", NULL);
    // &nbsp; is U+00A0 (or a plain space); the others their characters.
    ck_assert_msg(strcmp(s, "a\xc2\xa0" "b ô ộ ạ & <x> \"\n") == 0 ||
                      strcmp(s, "a b ô ộ ạ & <x> \"\n") == 0,
                  "got \"%s\"", s);
    ck_assert_ptr_null(strchr(s, ';'));
    vnx_free(s);
}
END_TEST

START_TEST(html_dropped_elements)
{
    static const char page[] =
        "<html><head><title>HEADTITLE</title><style>p{color:red} STYLEWORD</style>"
        "<script>var SCRIPTHEAD = 1;</script></head><body>"
        "<nav><a href=\"/\">NAVWORD</a></nav>"
        "<p>Kept one.</p>"
        "<script>document.write('SCRIPTBODY')</script>"
        "<noscript>NOSCRIPTWORD</noscript>"
        "<style>.x{} STYLEBODY</style>"
        "<form><label>FORMWORD</label><input name=q></form>"
        "<template><p>TEMPLATEWORD</p></template>"
        "<p>Kept two.</p></body></html>";
    char *s = html_text(page, NULL);
    const char *gone[] = {"HEADTITLE", "STYLEWORD", "SCRIPTHEAD", "NAVWORD",  "SCRIPTBODY",
                          "NOSCRIPTWORD", "STYLEBODY", "FORMWORD", "TEMPLATEWORD", "color"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        ck_assert_msg(strstr(s, gone[i]) == NULL, "\"%s\" kept in \"%s\"", gone[i], s);
    ck_assert_str_eq(s, "Kept one.\nKept two.\n");
    vnx_free(s);
}
END_TEST

START_TEST(html_furniture_dropped)
{
    static const char page[] =
        "<body><article><p>Bài viết.</p></article>"
        "<div class=\"comments-area\"><p>COMMENTWORD</p></div>"
        "<div id=\"respond\"><p>RESPONDWORD</p></div>"
        "<div class=\"wrap share_buttons\">SHAREWORD</div>"
        "<p>Cuối.</p></body>";
    char *s = html_text(page, NULL);
    ck_assert_msg(strstr(s, "COMMENTWORD") == NULL, "comments-area kept: %s", s);
    ck_assert_msg(strstr(s, "RESPONDWORD") == NULL, "#respond kept: %s", s);
    ck_assert_msg(strstr(s, "SHAREWORD") == NULL, "share_buttons kept: %s", s);
    ck_assert_str_eq(s, "Bài viết.\nCuối.\n");
    vnx_free(s);
}
END_TEST

START_TEST(html_has_sidebar_container_kept)
{
    // A name that only ends with a furniture word is the article's wrapper.
    assert_html_text("<body class=\"home has-sidebar\"><p>Thân bài.</p></body>", "Thân bài.\n");
    assert_html_text("<body><article class=\"post has-sidebar\"><p>Bài.</p></article></body>",
                     "Bài.\n");
    assert_html_text("<body><div class=\"has-sidebar\"><p>Khối.</p></div></body>", "Khối.\n");
    // The page's own containers are kept whatever their class.
    assert_html_text("<body class=\"sidebar-mini\"><p>Trang.</p></body>", "Trang.\n");
}
END_TEST

START_TEST(html_inline_tags_do_not_split_words)
{
    assert_html_text("<p>Ng<b>à</b>y 18/12/2023</p>", "Ngày 18/12/2023\n");
    assert_html_text("<p><span>Chi</span> <a href=\"#\">b<i>ộ</i></a> h<em>ọ</em>p</p>",
                     "Chi bộ họp\n");
}
END_TEST

START_TEST(html_blocks_and_br_break_lines)
{
    assert_html_text("<p>một</p><p>hai</p>ba<br>bốn<div>năm</div><h2>sáu</h2><li>bảy</li>",
                     "một\nhai\nba\nbốn\nnăm\nsáu\nbảy\n");
    // No blank lines pile up, no line starts or ends with a space.
    assert_html_text("<div> <p> a </p>\n\n<p>  b  </p> </div>", "a\nb\n");
}
END_TEST

START_TEST(html_spaces_collapse)
{
    assert_html_text("<p>a  \t b\n\n   c\r\nd</p>", "a b c d\n");
    assert_html_text("<p>a <b> b </b> c</p>", "a b c\n");
}
END_TEST

START_TEST(html_pre_keeps_spaces)
{
    assert_html_text("<p>x</p><pre>a   b\n  c\td</pre>", "x\na   b\n  c\td\n");
}
END_TEST

START_TEST(html_pre_keeps_spaces_between_tags)
{
    // In <pre>, white space between two tags is white space too: the line
    // break and indentation before the second <b> are kept.
    assert_html_text("<pre><b>a</b>\n    <b>b</b></pre>", "a\n    b\n");
}
END_TEST

START_TEST(html_only_tags_gives_empty_text)
{
    const char *pages[] = {
        "", "<html></html>",
        "<!DOCTYPE html><html><head><title></title></head><body><div><p></p><br><span></span>"
        "<br/><hr><img src=x><!-- a comment --></div></body></html>",
        "<div>   \n\t </div>"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        size_t n = 99;
        char *s = html_text(pages[i], &n);
        ck_assert_msg(n == 0 || (n == 1 && s[0] == '\n'), "page %zu gives \"%s\"", i, s);
        vnx_free(s);
    }
}
END_TEST

/* The deeply nested page is converted on a thread of its own, so that the
 * test can give up after a time limit (the thread is then left to finish
 * while the process ends; its page is never freed). */
typedef struct nest_run {
    char *page;
    size_t len;
    char *text;
    size_t n;
    vnx_error err;
    int done;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} nest_run;

static void *nest_main(void *arg)
{
    nest_run *run = arg;
    size_t n = 0;
    vnx_error err;
    char *text = vnx_html_to_text(run->page, run->len, &n, &err);
    pthread_mutex_lock(&run->mu);
    run->text = text;
    run->n = n;
    run->err = err;
    run->done = 1;
    pthread_cond_signal(&run->cv);
    pthread_mutex_unlock(&run->mu);
    return NULL;
}

START_TEST(html_deep_nesting)
{
    // gumbo 0.10 parses nesting in quadratic time (50,000 levels: 6 s); a
    // depth real pages never reach still shows the walk is not recursive.
    enum { DEPTH = 20000, LIMIT_SECONDS = 10 };
    static nest_run run = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};
    char *page = malloc(DEPTH * 11 + 16);
    ck_assert_ptr_nonnull(page);
    char *p = page;
    for (int i = 0; i < DEPTH; i++, p += 5)
        memcpy(p, "<div>", 5);
    memcpy(p, "Ngày", strlen("Ngày"));
    p += strlen("Ngày");
    for (int i = 0; i < DEPTH; i++, p += 6)
        memcpy(p, "</div>", 6);
    *p = '\0';
    run.page = page;
    run.len = (size_t)(p - page);
    double t0 = seconds();
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, nest_main, &run), 0);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += LIMIT_SECONDS;
    pthread_mutex_lock(&run.mu);
    while (!run.done && pthread_cond_timedwait(&run.cv, &run.mu, &until) == 0)
        ;
    int done = run.done;
    pthread_mutex_unlock(&run.mu);
    if (!done) {
        pthread_detach(th);
        ck_abort_msg("%d nested <div>s: no text after %d s (a linear walk takes well under "
                     "a second)", DEPTH, LIMIT_SECONDS);
    }
    pthread_join(th, NULL);
    double elapsed = seconds() - t0;
    ck_assert_msg(run.text != NULL, "vnx_html_to_text: %s", run.err.message);
    ck_assert_str_eq(run.text, "Ngày\n");
    ck_assert_uint_eq(run.n, strlen("Ngày\n"));
    vnx_free(run.text);
    free(page);
    ck_assert_msg(elapsed < 5.0, "%d nested <div>s took %.1f s (want < 5 s)", DEPTH, elapsed);
}
END_TEST

START_TEST(html_spans_index_the_text)
{
    static const char page[] =
        "<html><head><title>Tin</title><script>x = '18/12/2023';</script></head><body>"
        "<nav>Trang chủ</nav><h1>CHI B&#7896; H&Ocirc;M NAY</h1>"
        "<p>H&ocirc;m nay, <b>ng&agrave;y</b> 18/12/2023, chi b&#7897; h&#7885;p theo "
        "H&#432;&#7899;ng d&#7851;n s&#7889; 03-HD/TU ng&agrave;y 30/11/2023.</p>"
        "<div class=\"comments\">ngày 01/01/2020</div></body></html>";
    size_t n = 0;
    char *s = html_text(page, &n);
    vnx_result *r = extract_n(s, n);
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    for (size_t i = 0; i < vnx_result_date_count(r); i++) {
        const vnx_date *d = vnx_result_date(r, i);
        ck_assert_uint_le(d->span.start, d->span.end);
        ck_assert_uint_le(d->span.end, n);
        size_t len = d->span.end - d->span.start;
        ck_assert_msg(len == strlen(d->text) && memcmp(s + d->span.start, d->text, len) == 0,
                      "date %zu \"%s\": span [%zu, %zu) is \"%.*s\"", i, d->text,
                      d->span.start, d->span.end, (int)len, s + d->span.start);
    }
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2023-12-18");
    ck_assert_uint_ge(vnx_result_directive_count(r), 1);
    const vnx_directive *dir = vnx_result_directive(r, 0);
    ck_assert_str_eq(dir->number, "03-HD/TU");
    ck_assert_uint_le(dir->span.end, n);
    ck_assert_msg(memmem(s + dir->span.start, dir->span.end - dir->span.start, "03-HD/TU", 8),
                  "directive span [%zu, %zu) misses its number", dir->span.start,
                  dir->span.end);
    vnx_result_free(r);
    vnx_free(s);
}
END_TEST

START_TEST(html_null_arguments)
{
    vnx_error err;
    size_t n;
    ck_assert_ptr_null(vnx_html_to_text(NULL, 4, &n, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_html_to_text("<p>", 3, NULL, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    char *s = vnx_html_to_text(NULL, 0, &n, &err);
    ck_assert_ptr_nonnull(s);
    vnx_free(s);
}
END_TEST

/* ---- vnx_jsonl_document ---------------------------------------------------------- */

START_TEST(jsonl_text_with_string_id)
{
    static const char line[] = "{\"id\":\"bài-1\",\"text\":\"Ngày 18/12/2023 họp.\"}";
    vnx_document doc;
    jsonl_ok(line, sizeof line - 1, &doc);
    ck_assert_str_eq(doc.source, "bài-1");
    ck_assert_str_eq(doc.text, "Ngày 18/12/2023 họp.");
    ck_assert_uint_eq(doc.len, strlen("Ngày 18/12/2023 họp."));
    vnx_document_clear(&doc);
    ck_assert_ptr_null(doc.text);
    ck_assert_ptr_null(doc.source);
    ck_assert_uint_eq(doc.len, 0);
}
END_TEST

START_TEST(jsonl_text_with_number_id)
{
    static const char line[] = "{\"text\":\"x\",\"id\":4217}";
    vnx_document doc;
    jsonl_ok(line, sizeof line - 1, &doc);
    ck_assert_str_eq(doc.source, "4217");
    ck_assert_str_eq(doc.text, "x");
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_html_with_url)
{
    static const char line[] =
        "{\"url\":\"https://example.vn/a?b=1\",\"html\":\"<html><head><title>T</title></head>"
        "<body><p>Ng<b>\\u00e0</b>y 18/12/2023</p><script>x()</script></body></html>\"}";
    vnx_document doc;
    jsonl_ok(line, sizeof line - 1, &doc);
    ck_assert_str_eq(doc.source, "https://example.vn/a?b=1");
    // The page as given, for vnx_extract_html.
    ck_assert_int_eq(doc.is_html, 1);
    ck_assert_str_eq(doc.text, "<html><head><title>T</title></head><body><p>Ng<b>à</b>y "
                               "18/12/2023</p><script>x()</script></body></html>");
    ck_assert_uint_eq(doc.len, strlen(doc.text));
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_id_wins_over_url)
{
    static const char a[] = "{\"url\":\"https://u\",\"id\":\"the-id\",\"text\":\"t\"}";
    static const char b[] = "{\"id\":7,\"url\":\"https://u\",\"text\":\"t\"}";
    vnx_document doc;
    jsonl_ok(a, sizeof a - 1, &doc);
    ck_assert_str_eq(doc.source, "the-id");
    vnx_document_clear(&doc);
    jsonl_ok(b, sizeof b - 1, &doc);
    ck_assert_str_eq(doc.source, "7");
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_no_source)
{
    static const char a[] = "{\"text\":\"t\",\"title\":\"x\"}";
    static const char b[] = "{\"text\":\"t\",\"id\":null}";
    vnx_document doc;
    jsonl_ok(a, sizeof a - 1, &doc);
    ck_assert_ptr_null(doc.source);
    vnx_document_clear(&doc);
    jsonl_ok(b, sizeof b - 1, &doc);
    ck_assert_ptr_null(doc.source);
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_trailing_white_space_accepted)
{
    // A CRLF stream leaves "\r" at the end of each line.
    static const char line[] = "  {\"text\":\"t\"} \t\r";
    vnx_document doc;
    jsonl_ok(line, sizeof line - 1, &doc);
    ck_assert_str_eq(doc.text, "t");
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_not_json)
{
    const char *lines[] = {"", "   ", "not json", "{", "{\"text\":\"a\"", "{text: \"a\"}",
                           "'{\"text\":\"a\"}'"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        jsonl_bad(lines[i], strlen(lines[i]), "JSON");
}
END_TEST

START_TEST(jsonl_array_not_object)
{
    jsonl_bad("[{\"text\":\"a\"}]", strlen("[{\"text\":\"a\"}]"), "object");
}
END_TEST

START_TEST(jsonl_string_not_object)
{
    jsonl_bad("\"Ngày 18/12/2023\"", strlen("\"Ngày 18/12/2023\""), "object");
}
END_TEST

START_TEST(jsonl_number_not_object)
{
    // "42" is valid JSON, just not an object: the message must say so
    // (as it does for "42 " and for an array or a string).
    jsonl_bad("42 ", 3, "object");
    jsonl_bad("42", 2, "object");
}
END_TEST

START_TEST(jsonl_missing_text)
{
    const char *lines[] = {"{}", "{\"id\":\"a\"}", "{\"id\":\"a\",\"txt\":\"x\"}",
                           "{\"text\":null}"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        jsonl_bad(lines[i], strlen(lines[i]), "\"text\"");
}
END_TEST

START_TEST(jsonl_text_not_a_string)
{
    const char *lines[] = {"{\"text\":5}", "{\"text\":[\"a\"]}", "{\"text\":{\"v\":\"a\"}}",
                           "{\"text\":true}"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        jsonl_bad(lines[i], strlen(lines[i]), "\"text\"");
    jsonl_bad("{\"html\":5}", strlen("{\"html\":5}"), "\"html\"");
}
END_TEST

START_TEST(jsonl_bad_id_or_url)
{
    jsonl_bad("{\"id\":[1],\"text\":\"a\"}", strlen("{\"id\":[1],\"text\":\"a\"}"), "\"id\"");
    jsonl_bad("{\"url\":5,\"text\":\"a\"}", strlen("{\"url\":5,\"text\":\"a\"}"), "\"url\"");
}
END_TEST

START_TEST(jsonl_trailing_garbage)
{
    const char *lines[] = {"{\"text\":\"a\"} x", "{\"text\":\"a\"}{\"text\":\"b\"}",
                           "{\"text\":\"a\"},", "{\"text\":\"a\"}]"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        jsonl_bad(lines[i], strlen(lines[i]), "JSON");
}
END_TEST

// Issue 19: a number id too large for 64 bits was read as 2^64 - 1, so
// that ids collided; it is the source as written.
START_TEST(jsonl_big_number_id_as_written)
{
    static const char a[] = "{\"id\":123456789012345678901234567890,\"text\":\"t\"}";
    static const char b[] = "{\"id\":123456789012345678901234567891,\"text\":\"t\"}";
    static const char c[] = "{\"id\":-1.5e400,\"text\":\"t\"}";
    vnx_document doc;
    jsonl_ok(a, sizeof a - 1, &doc);
    ck_assert_str_eq(doc.source, "123456789012345678901234567890");
    vnx_document_clear(&doc);
    jsonl_ok(b, sizeof b - 1, &doc);
    ck_assert_str_eq(doc.source, "123456789012345678901234567891");
    vnx_document_clear(&doc);
    jsonl_ok(c, sizeof c - 1, &doc);
    ck_assert_str_eq(doc.source, "-1.5e400");
    vnx_document_clear(&doc);
}
END_TEST

// Issue 19: NaN and Infinity are no JSON (json-c took them).
START_TEST(jsonl_nan_and_infinity_refused)
{
    const char *lines[] = {"{\"id\":NaN,\"text\":\"a\"}", "{\"id\":Infinity,\"text\":\"a\"}",
                           "{\"id\":-Infinity,\"text\":\"a\"}",
                           "{\"text\":\"a\",\"x\":[1,NaN]}", "{\"id\":01,\"text\":\"a\"}",
                           "{\"id\":1.,\"text\":\"a\"}"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        jsonl_bad(lines[i], strlen(lines[i]), "JSON");
}
END_TEST

// Issue 19: a lone surrogate escape is U+FFFD; the record is kept.
START_TEST(jsonl_lone_surrogate_read_as_replacement)
{
    static const char line[] = "{\"id\":\"s\",\"text\":\"a\\ud800b \\udc00 \\ud83d\\ude00\"}";
    vnx_document doc;
    jsonl_ok(line, sizeof line - 1, &doc);
    ck_assert_str_eq(doc.text, "a\xEF\xBF\xBD" "b \xEF\xBF\xBD \xF0\x9F\x98\x80");
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_nul_bytes_do_not_crash)
{
    // Raw NUL bytes inside the string, and after the object.
    static const char raw_in[] = "{\"text\":\"a\0b\"}";
    static const char raw_after[] = "{\"text\":\"a\"}\0\0";
    jsonl_bad(raw_in, sizeof raw_in - 1, "JSON");
    jsonl_bad(raw_after, sizeof raw_after - 1, "JSON");
    // An escaped NUL is a NUL in the text, counted in `len`.
    static const char escaped[] = "{\"id\":\"a\\u0000b\",\"text\":\"ng\\u0000y 18/12/2023\"}";
    vnx_document doc;
    jsonl_ok(escaped, sizeof escaped - 1, &doc);
    ck_assert_uint_eq(doc.len, strlen("ng") + 1 + strlen("y 18/12/2023"));
    ck_assert_mem_eq(doc.text, "ng\0y 18/12/2023", doc.len);
    ck_assert_ptr_nonnull(doc.source);
    vnx_result *r = extract_n(doc.text, doc.len);
    vnx_result_free(r);
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_invalid_utf8_does_not_crash)
{
    static const char line[] = "{\"id\":\"\xff\",\"text\":\"ng\xc3\xa0y 18/12/2023 \xc3( \xff\"}";
    vnx_document doc;
    vnx_error err;
    int rc = vnx_jsonl_document(line, sizeof line - 1, &doc, &err);
    if (rc == VNX_OK) {
        vnx_result *r = extract_n(doc.text, doc.len);
        ck_assert_uint_ge(vnx_result_warning_count(r), 1);
        ck_assert_uint_eq(vnx_result_date_count(r), 1);
        vnx_result_free(r);
    } else {
        ck_assert_int_eq(rc, VNX_ERR_INPUT);
    }
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_clear_after_error)
{
    vnx_document doc;
    memset(&doc, 0x5a, sizeof doc);
    vnx_error err;
    // An error after the source was read (no text): nothing leaks, nothing
    // is freed twice.
    ck_assert_int_eq(vnx_jsonl_document("{\"id\":\"a\"}", 10, &doc, &err), VNX_ERR_INPUT);
    vnx_document_clear(&doc);
    vnx_document_clear(&doc);
    ck_assert_int_eq(vnx_jsonl_document("nope", 4, &doc, &err), VNX_ERR_INPUT);
    vnx_document_clear(&doc);
    vnx_document_clear(NULL);
}
END_TEST

START_TEST(jsonl_null_arguments)
{
    vnx_document doc;
    vnx_error err;
    ck_assert_int_eq(vnx_jsonl_document("{}", 2, NULL, &err), VNX_ERR_ARGUMENT);
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_int_eq(vnx_jsonl_document("{\"text\":\"a\"}", 12, &doc, NULL), VNX_OK);
    vnx_document_clear(&doc);
}
END_TEST

START_TEST(jsonl_null_line_leaves_document_clearable)
{
    // "Free the members with vnx_document_clear(), also after an error":
    // so an error for a NULL line must leave `doc` empty, not as it was.
    vnx_document doc;
    memset(&doc, 0x5a, sizeof doc);
    vnx_error err;
    ck_assert_int_eq(vnx_jsonl_document(NULL, 3, &doc, &err), VNX_ERR_ARGUMENT);
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_msg(doc.text == NULL && doc.source == NULL && doc.len == 0,
                  "doc not zeroed after VNX_ERR_ARGUMENT: text=%p source=%p (clearing it "
                  "would free garbage)", (void *)doc.text, (void *)doc.source);
    vnx_document_clear(&doc);
}
END_TEST

/* ---- vnx_error_to_json ------------------------------------------------------------ */

static json_object *parse_object(const char *s)
{
    json_object *o = json_tokener_parse(s);
    ck_assert_msg(o != NULL, "not valid JSON: %s", s);
    ck_assert_int_eq(json_object_get_type(o), json_type_object);
    return o;
}

static const char *string_member(json_object *o, const char *key)
{
    json_object *v = NULL;
    ck_assert_msg(json_object_object_get_ex(o, key, &v), "key \"%s\" missing", key);
    ck_assert_msg(json_object_is_type(v, json_type_string), "\"%s\" is not a string", key);
    return json_object_get_string(v);
}

START_TEST(error_json_source_and_error)
{
    char *s = vnx_error_to_json("dir/bài.txt", "No such file or directory", VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    json_object *o = parse_object(s);
    ck_assert_int_eq(json_object_object_length(o), 2);
    ck_assert_str_eq(string_member(o, "source"), "dir/bài.txt");
    ck_assert_str_eq(string_member(o, "error"), "No such file or directory");
    ck_assert_ptr_null(strchr(s, '\n'));
    json_object_put(o);
    vnx_free(s);
}
END_TEST

START_TEST(error_json_escapes)
{
    static const char msg[] = "bad \"quoted\" line\nsecond line\\ with\ttab";
    static const char src[] = "a \"b\".jsonl:3";
    char *s = vnx_error_to_json(src, msg, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(strchr(s, '\n') == NULL, "a raw newline in %s", s);
    json_object *o = parse_object(s);
    ck_assert_str_eq(string_member(o, "source"), src);
    ck_assert_str_eq(string_member(o, "error"), msg);
    json_object_put(o);
    vnx_free(s);
}
END_TEST

START_TEST(error_json_pretty_and_null)
{
    char *s = vnx_error_to_json("x", "y", VNX_JSON_PRETTY);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strchr(s, '\n'));
    json_object *o = parse_object(s);
    ck_assert_str_eq(string_member(o, "error"), "y");
    json_object_put(o);
    vnx_free(s);
    // A NULL source or message still gives valid JSON with both keys.
    s = vnx_error_to_json(NULL, NULL, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    o = parse_object(s);
    ck_assert(json_object_object_get_ex(o, "source", NULL));
    ck_assert(json_object_object_get_ex(o, "error", NULL));
    json_object_put(o);
    vnx_free(s);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("decode");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, decode_utf8_passes_through);
    tcase_add_test(tc, decode_invalid_utf8_passes_through);
    tcase_add_test(tc, decode_utf16le_bom);
    tcase_add_test(tc, decode_utf16be_bom);
    tcase_add_test(tc, decode_utf32_bom);
    tcase_add_test(tc, decode_utf16_invalid_becomes_fffd);
    tcase_add_test(tc, decode_windows_1258);
    tcase_add_test(tc, decode_empty_input);
    tcase_add_test(tc, decode_unknown_encoding);
    tcase_add_test(tc, decode_null_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("html");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, html_entities_decoded);
    tcase_add_test(tc, html_dropped_elements);
    tcase_add_test(tc, html_furniture_dropped);
    tcase_add_test(tc, html_has_sidebar_container_kept);
    tcase_add_test(tc, html_inline_tags_do_not_split_words);
    tcase_add_test(tc, html_blocks_and_br_break_lines);
    tcase_add_test(tc, html_spaces_collapse);
    tcase_add_test(tc, html_pre_keeps_spaces);
    tcase_add_test(tc, html_pre_keeps_spaces_between_tags);
    tcase_add_test(tc, html_only_tags_gives_empty_text);
    tcase_add_test(tc, html_spans_index_the_text);
    tcase_add_test(tc, html_null_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("jsonl");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, jsonl_text_with_string_id);
    tcase_add_test(tc, jsonl_text_with_number_id);
    tcase_add_test(tc, jsonl_html_with_url);
    tcase_add_test(tc, jsonl_id_wins_over_url);
    tcase_add_test(tc, jsonl_no_source);
    tcase_add_test(tc, jsonl_trailing_white_space_accepted);
    tcase_add_test(tc, jsonl_not_json);
    tcase_add_test(tc, jsonl_array_not_object);
    tcase_add_test(tc, jsonl_string_not_object);
    tcase_add_test(tc, jsonl_number_not_object);
    tcase_add_test(tc, jsonl_missing_text);
    tcase_add_test(tc, jsonl_text_not_a_string);
    tcase_add_test(tc, jsonl_bad_id_or_url);
    tcase_add_test(tc, jsonl_trailing_garbage);
    tcase_add_test(tc, jsonl_nul_bytes_do_not_crash);
    tcase_add_test(tc, jsonl_big_number_id_as_written);
    tcase_add_test(tc, jsonl_nan_and_infinity_refused);
    tcase_add_test(tc, jsonl_lone_surrogate_read_as_replacement);
    tcase_add_test(tc, jsonl_invalid_utf8_does_not_crash);
    tcase_add_test(tc, jsonl_clear_after_error);
    tcase_add_test(tc, jsonl_null_arguments);
    tcase_add_test(tc, jsonl_null_line_leaves_document_clearable);
    suite_add_tcase(s, tc);

    tc = tcase_create("error_json");
    tcase_add_test(tc, error_json_source_and_error);
    tcase_add_test(tc, error_json_escapes);
    tcase_add_test(tc, error_json_pretty_and_null);
    suite_add_tcase(s, tc);

    // Last: when it fails, its thread is still busy while the suite ends.
    tc = tcase_create("html_deep");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, html_deep_nesting);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(input_suite());
}
