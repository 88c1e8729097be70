/**
 * test_api.c: the public API around extraction: versions, error codes and
 * reports, options, pattern directories (missing, broken, custom, the
 * repository's own via VNX_PATTERNS_DIR), sharing one extractor between
 * threads, and NULL arguments.
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE
#include <check.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vnextract.h"
#include "fixture.h"

/* A sample document with dates and directives of several forms. */
static const char SAMPLE[] =
    "CHI BỘ TRƯỜNG TIỂU HỌC HOÀ BÌNH HỌP KIỂM ĐIỂM NĂM 2023\n"
    "Thứ Hai, 18/12/2023 chi bộ tổ chức hội nghị kiểm điểm theo Hướng dẫn số 03-HD/TU "
    "ngày 30 tháng 11 năm 2023 của Ban Tổ chức Thành ủy về kiểm điểm, đánh giá.\r\n"
    "Căn cứ Quy định số 124-QĐ/TW và Nghị định 15/2020/NĐ-CP của Chính phủ, đến ngày 25/12 "
    "chi bộ gửi báo cáo. Có 18/22 đ/c tham dự; lớp 10/3 không họp. Chi uỷ học tập chỉ thị 24 "
    "trong tháng 01/2024.";

/* ---- helpers ---------------------------------------------------------------- */

static char tmp_root[256];

// Write `text` to dir/name (creating dir/lexicon when name is in it).
static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    if (strncmp(name, "lexicon/", 8) == 0) {
        snprintf(path, sizeof path, "%s/lexicon", dir);
        mkdir(path, 0700);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

// A new empty directory under the test's temporary root.
static char *make_dir(void)
{
    static int n;
    char *dir = malloc(512);
    ck_assert_ptr_nonnull(dir);
    snprintf(dir, 512, "%s/set%d", tmp_root, n++);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    return dir;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    return remove(path);
}

// Remove the temporary tree (files first, then directories).
static void remove_tree(const char *dir)
{
    if (nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static void setup_tmp(void)
{
    const char *base = getenv("TMPDIR");
    snprintf(tmp_root, sizeof tmp_root, "%s/vnx_test_api_XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(tmp_root));
}

static void teardown_tmp(void)
{
    remove_tree(tmp_root);
}

static vnx_extractor *new_with_dir(const char *dir, vnx_error *err)
{
    vnx_options o;
    vnx_options_init(&o);
    o.patterns_dir = dir;
    return vnx_extractor_new(&o, err);
}

static char *json_of(const vnx_extractor *x, const char *text, size_t len)
{
    vnx_error err;
    vnx_result *r = vnx_extract(x, text, len, &err);
    ck_assert_msg(r != NULL, "vnx_extract: %s", err.message);
    char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    vnx_result_free(r);
    return s;
}

/* ---- versions and errors ------------------------------------------------------ */

START_TEST(version_string_and_number)
{
    ck_assert_ptr_nonnull(vnx_version());
    ck_assert_str_eq(vnx_version(), VNX_VERSION_STRING);
    ck_assert_int_eq(vnx_version_number(), VNX_VERSION);
    // The number agrees with the string: 0xMMmmpp.
    int major, minor, patch;
    ck_assert_int_eq(sscanf(vnx_version(), "%d.%d.%d", &major, &minor, &patch), 3);
    ck_assert_int_eq(vnx_version_number(), (major << 16) | (minor << 8) | patch);
}
END_TEST

START_TEST(strerror_every_code)
{
    const int codes[] = {VNX_OK,           VNX_ERR_NOMEM,   VNX_ERR_ARGUMENT,
                         VNX_ERR_IO,       VNX_ERR_PATTERN, VNX_ERR_UNICODE,
                         VNX_ERR_MATCH,    VNX_ERR_TOO_LARGE, VNX_ERR_INPUT};
    size_t n = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = vnx_strerror(codes[i]);
        ck_assert_ptr_nonnull(s);
        ck_assert_uint_gt(strlen(s), 0);
        // Each code has its own name.
        for (size_t j = 0; j < i; j++)
            ck_assert_str_ne(s, vnx_strerror(codes[j]));
    }
    ck_assert_ptr_nonnull(vnx_strerror(-1));
    ck_assert_ptr_nonnull(vnx_strerror(12345));
}
END_TEST

START_TEST(extract_with_null_extractor)
{
    vnx_error err;
    memset(&err, 0x5a, sizeof err);
    ck_assert_ptr_null(vnx_extract(NULL, "ngày 18/12/2023", 15, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    ck_assert_uint_gt(strlen(err.message), 0);
    // NULL err is allowed.
    ck_assert_ptr_null(vnx_extract(NULL, "x", 1, NULL));
}
END_TEST

START_TEST(extract_with_null_text)
{
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(NULL, &err);
    ck_assert_ptr_nonnull(x);
    ck_assert_ptr_null(vnx_extract(x, NULL, 10, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    // NULL with length 0 is an empty document.
    vnx_result *r = vnx_extract(x, NULL, 0, &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(err.code, VNX_OK);
    ck_assert_uint_eq(vnx_result_date_count(r), 0);
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

START_TEST(success_clears_error)
{
    vnx_error err;
    memset(&err, 0x5a, sizeof err);
    err.code = VNX_ERR_IO;
    vnx_extractor *x = vnx_extractor_new(NULL, &err);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(err.code, VNX_OK);
    err.code = VNX_ERR_MATCH;
    vnx_result *r = vnx_extract(x, "ngày 1/2/2020", strlen("ngày 1/2/2020"), &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(err.code, VNX_OK);
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

START_TEST(unknown_option_bits)
{
    vnx_options o;
    vnx_options_init(&o);
    o.flags = VNX_OPT_NO_DATES | (1u << 20);
    vnx_error err;
    ck_assert_ptr_null(vnx_extractor_new(&o, &err));
    ck_assert_int_eq(err.code, VNX_ERR_ARGUMENT);
    o.flags = 1u << 31;
    ck_assert_ptr_null(vnx_extractor_new(&o, NULL));
    // Every known bit is accepted (but one unit of spans at a time).
    o.flags = VNX_OPT_MASK & ~VNX_OPT_SPANS_UTF16;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_ptr_nonnull(x);
    vnx_extractor_free(x);
}
END_TEST

START_TEST(options_init_defaults)
{
    vnx_options o;
    memset(&o, 0x7f, sizeof o);
    vnx_options_init(&o);
    ck_assert_uint_eq(o.flags, VNX_OPT_DEFAULT);
    ck_assert_ptr_null(o.patterns_dir);
    ck_assert_uint_eq(o.match_limit, 0);
    ck_assert_uint_eq(o.depth_limit, 0);
}
END_TEST

/* ---- pattern directories ---------------------------------------------------- */

START_TEST(missing_patterns_dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/does-not-exist", tmp_root);
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(path, &err));
    ck_assert_int_eq(err.code, VNX_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "does-not-exist"));
}
END_TEST

START_TEST(dir_without_pattern_files)
{
    char *dir = make_dir();
    write_file(dir, "VERSION", "1\n");
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_IO);
    free(dir);
}
END_TEST

START_TEST(broken_pattern)
{
    char *dir = make_dir();
    write_file(dir, "dates.pcre",
               "# a comment\n"
               "\n"
               "@pattern fine\n"
               "  \\d+ / \\d+\n"
               "\n"
               "@pattern broken\n"
               "  (\n");
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
    ck_assert_str_eq(err.source, "dates.pcre");
    ck_assert_int_eq(err.line, 6);
    ck_assert_int_ge(err.offset, 0);
    ck_assert_ptr_nonnull(strstr(err.message, "broken"));
    free(dir);
}
END_TEST

START_TEST(text_outside_a_block)
{
    char *dir = make_dir();
    write_file(dir, "directives.pcre",
               "# comment\n"
               "stray words here\n"
               "@pattern p\n"
               "  abc\n");
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
    ck_assert_str_eq(err.source, "directives.pcre");
    ck_assert_int_eq(err.line, 2);
    free(dir);
}
END_TEST

START_TEST(unknown_directive_and_missing_define)
{
    char *dir = make_dir();
    write_file(dir, "dates.pcre", "@pattern a\n  x\n@patern b\n  y\n");
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
    ck_assert_str_eq(err.source, "dates.pcre");
    ck_assert_int_eq(err.line, 3);
    free(dir);

    dir = make_dir();
    write_file(dir, "dates.pcre", "\n@pattern a\n  {{NOPE}} x\n");
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
    ck_assert_str_eq(err.source, "dates.pcre");
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.message, "NOPE"));
    free(dir);
}
END_TEST

START_TEST(bad_anchor_lines)
{
    const struct {
        const char *text;
        int line;
    } cases[] = {
        {"@anchor 3 x\n@pattern a\n  x\n", 1},              // before any pattern
        {"@define D\n  x\n@anchor 3 x\n", 3},                // on a define
        {"@pattern a\n  x\n@anchor 3 x\n", 3},               // after the body
        {"@pattern a\n@anchor 3 x\n  x\n@anchor 3 y\n", 4}, // after the body, a second
        {"@pattern a\n@anchor 1 a\n@anchor 1 b\n@anchor 1 c\n@anchor 1 d\n@anchor 1 e\n"
         "@anchor 1 f\n@anchor 1 g\n@anchor 1 h\n@anchor 1 i\n  x\n",
         10}, // more than VNXP_MAX_ANCHORS
        {"@pattern a\n@anchor x\n  x\n", 2},                 // no reach
        {"@pattern a\n@anchor 3\n  x\n", 2},                 // no regex
        {"@pattern a\n@anchor 3 (\n  x\n", 1},               // does not compile
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *dir = make_dir();
        write_file(dir, "dates.pcre", cases[i].text);
        vnx_error err;
        ck_assert_ptr_null(new_with_dir(dir, &err));
        ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
        ck_assert_str_eq(err.source, "dates.pcre");
        ck_assert_msg(err.line == cases[i].line, "case %zu: line %d: %s", i, err.line, err.message);
        free(dir);
    }
}
END_TEST

// The number of dates found with pattern `dmy` (day, month and year
// between '/' or '-') under the @anchor lines `anchors`, with and without
// VNX_OPT_NO_ANCHORS.
static size_t dates_with_anchors(const char *anchors, unsigned flags, const char *text)
{
    char *dir = make_dir();
    char src[256];
    snprintf(src, sizeof src,
             "@pattern dmy\n%s"
             "  (?<![\\p{N}]) (?<day>\\d\\d) [/-] (?<month>\\d\\d) [/-] (?<year>\\d{4})\n",
             anchors);
    write_file(dir, "dates.pcre", src);
    vnx_options o;
    vnx_options_init(&o);
    o.patterns_dir = dir;
    o.flags = flags;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_msg(x != NULL, "%s", err.message);
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    size_t n = vnx_result_date_count(r);
    vnx_result_free(r);
    vnx_extractor_free(x);
    free(dir);
    return n;
}

START_TEST(anchor_reach_bounds_where_a_pattern_runs)
{
    // The first '/' of a date is 2 bytes after its start: a reach of 2 finds
    // every date, wherever it stands; a reach of 1 is a wrong promise.
    const char *text = "01/02/2023 x 03/04/2023/05/06/2023\n07/08/2023";
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 /\n", 0, text), 4);
    ck_assert_uint_eq(dates_with_anchors("@anchor 40 /\n", 0, text), 4);
    ck_assert_uint_eq(dates_with_anchors("@anchor 1 /\n", 0, text), 0);
    ck_assert_uint_eq(dates_with_anchors("@anchor 1 /\n", VNX_OPT_NO_ANCHORS, text), 4);
}
END_TEST

START_TEST(several_anchors_run_a_pattern_near_any_of_them)
{
    // Each anchor finds the dates written with its separator; both anchors
    // find all of them, in whatever order their windows come.
    const char *text = "03-04-2023 x 01/02/2023 y 05-06-2023\n07/08/2023-09-10-2023";
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 /\n", 0, text), 2);
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 -\n", 0, text), 3);
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 /\n@anchor 2 -\n", 0, text), 5);
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 -\n@anchor 2 /\n", 0, text), 5);
    ck_assert_uint_eq(dates_with_anchors("@anchor 2 /\n@anchor 2 -\n@anchor 2 /\n", 0, text), 5);
}
END_TEST

static const char MINIMAL_DATES[] =
    "# Only numeric day/month/year.\n"
    "@define DAY\n"
    "  (?:0?[1-9]|[12][0-9]|3[01])\n"
    "@pattern dmy\n"
    "  (?<![\\p{N}/]) (?<day>{{DAY}}) / (?<month>0?[1-9]|1[0-2]) / (?<year>\\d{4}) (?![\\p{N}])\n";

START_TEST(custom_dir_works)
{
    char *dir = make_dir();
    write_file(dir, "dates.pcre", MINIMAL_DATES);
    write_file(dir, "VERSION", "test-set 7.1\nignored second line\n");
    vnx_error err;
    vnx_extractor *x = new_with_dir(dir, &err);
    ck_assert_msg(x != NULL, "custom set: %s", err.message);
    ck_assert_str_eq(vnx_patterns_version(x), "test-set 7.1");

    const char *text = "Họp 18/12/2023, ngày 30 tháng 11 năm 2023 và Hướng dẫn số 03-HD/TU.";
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    // Only the custom pattern ran: no word dates, no directives.
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2023-12-18");
    ck_assert_str_eq(vnx_result_date(r, 0)->text, "18/12/2023");
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.start, 6);
    ck_assert_uint_eq(vnx_result_date(r, 0)->span.end, 16);
    ck_assert_uint_eq(vnx_result_directive_count(r), 0);
    vnx_result_free(r);
    vnx_extractor_free(x);
    free(dir);
}
END_TEST

START_TEST(custom_dir_without_version)
{
    char *dir = make_dir();
    write_file(dir, "dates.pcre", MINIMAL_DATES);
    vnx_error err;
    vnx_extractor *x = new_with_dir(dir, &err);
    ck_assert_ptr_nonnull(x);
    ck_assert_ptr_nonnull(vnx_patterns_version(x));
    ck_assert_str_eq(vnx_patterns_version(x), "unversioned");
    vnx_extractor_free(x);
    free(dir);
}
END_TEST

START_TEST(custom_dir_with_lexicon)
{
    char *dir = make_dir();
    write_file(dir, "lexicon/kinds.txt", "# kinds\nHướng dẫn\nChỉ thị\n");
    write_file(dir, "lexicon/doc_kinds.txt", "Hướng dẫn\n");
    write_file(dir, "lexicon/party_codes.txt", "HD = Hướng dẫn\n");
    write_file(dir, "directives.pcre",
               "@pattern symbol\n"
               "  (?<kind>{{lex:kinds}}) \\s+ số \\s+ (?<number>\\d+-HD/TU)\n");
    write_file(dir, "VERSION", "lex-1\n");
    vnx_error err;
    vnx_extractor *x = new_with_dir(dir, &err);
    ck_assert_msg(x != NULL, "custom set: %s", err.message);
    const char *text = "Theo hướng dẫn số 07-HD/TU và Chỉ thị số 05-HD/TU.";
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_directive_count(r), 2);
    ck_assert_str_eq(vnx_result_directive(r, 0)->number, "07-HD/TU");
    ck_assert_str_eq(vnx_result_directive(r, 0)->type, "Hướng dẫn");
    ck_assert_str_eq(vnx_result_directive(r, 1)->number, "05-HD/TU");
    // "Chỉ thị" is not in doc_kinds here: the type comes from the code.
    ck_assert_str_eq(vnx_result_directive(r, 1)->type, "Hướng dẫn");
    vnx_result_free(r);
    vnx_extractor_free(x);
    free(dir);
}
END_TEST

// The date text matched by "DATE WORDS" where WORDS is one entry of a
// lexicon whose entries begin alike, followed by no letter.
static char *date_with_lexicon_entry(const char *text)
{
    char *dir = make_dir();
    write_file(dir, "lexicon/words.txt", "bí\nbí thư\nbí thư chi bộ\nphó bí thư\nbíp\nb+c\n");
    write_file(dir, "dates.pcre",
               "@pattern d\n"
               "  (?<day>\\d\\d)/(?<month>\\d\\d)/(?<year>\\d{4}) \\s+ {{lex:words}} (?![\\p{L}])\n");
    vnx_error err;
    vnx_extractor *x = new_with_dir(dir, &err);
    ck_assert_msg(x != NULL, "%s", err.message);
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_ptr_nonnull(r);
    char *got = vnx_result_date_count(r) ? strdup(vnx_result_date(r, 0)->text) : NULL;
    vnx_result_free(r);
    vnx_extractor_free(x);
    free(dir);
    return got;
}

START_TEST(lexicon_prefers_the_longest_entry)
{
    const struct {
        const char *text, *want;
    } cases[] = {
        {"01/02/2023 Bí thư chi bộ họp", "01/02/2023 Bí thư chi bộ"},
        {"01/02/2023 bí  thư chi đoàn", "01/02/2023 bí thư"}, // back to a shorter entry
        {"01/02/2023 bí thưa", "01/02/2023 bí"},
        {"01/02/2023 bíp", "01/02/2023 bíp"},
        {"01/02/2023 b+c", "01/02/2023 b+c"}, // metacharacters are literal
        {"01/02/2023 bbc", NULL},
        {"01/02/2023 phó bí thư", "01/02/2023 phó bí thư"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = date_with_lexicon_entry(cases[i].text);
        if (cases[i].want)
            ck_assert_msg(got && strcmp(got, cases[i].want) == 0, "case %zu: %s", i,
                          got ? got : "(none)");
        else
            ck_assert_msg(got == NULL, "case %zu: %s", i, got);
        free(got);
    }
}
END_TEST

START_TEST(missing_lexicon_is_an_error)
{
    char *dir = make_dir();
    write_file(dir, "directives.pcre", "# x\n@pattern p\n  {{lex:absent}}\n");
    vnx_error err;
    ck_assert_ptr_null(new_with_dir(dir, &err));
    ck_assert_int_eq(err.code, VNX_ERR_PATTERN);
    ck_assert_str_eq(err.source, "directives.pcre");
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.message, "absent"));
    free(dir);
}
END_TEST

START_TEST(repo_patterns_dir_same_as_builtin)
{
    const char *dir = getenv("VNX_PATTERNS_DIR");
    ck_assert_msg(dir && *dir, "VNX_PATTERNS_DIR is not set (run through ctest)");
    vnx_error err;
    vnx_extractor *from_dir = new_with_dir(dir, &err);
    ck_assert_msg(from_dir != NULL, "%s: %s", dir, err.message);
    vnx_extractor *builtin = vnx_extractor_new(NULL, &err);
    ck_assert_ptr_nonnull(builtin);

    // Both carry the VERSION of the repository's set.
    char path[4200], version[256] = "";
    snprintf(path, sizeof path, "%s/VERSION", dir);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(version, sizeof version, f));
    fclose(f);
    version[strcspn(version, "\r\n")] = '\0';
    ck_assert_str_eq(vnx_patterns_version(from_dir), version);
    ck_assert_str_eq(vnx_patterns_version(builtin), version);

    char *a = json_of(from_dir, SAMPLE, strlen(SAMPLE));
    char *b = json_of(builtin, SAMPLE, strlen(SAMPLE));
    ck_assert_str_eq(a, b);
    // And the sample is not trivial.
    ck_assert_ptr_nonnull(strstr(a, "\"number\":\"03-HD/TU\""));
    ck_assert_ptr_nonnull(strstr(a, "\"value\":\"2023-12-25\""));
    vnx_free(a);
    vnx_free(b);
    vnx_extractor_free(from_dir);
    vnx_extractor_free(builtin);
}
END_TEST

/* ---- threads -------------------------------------------------------------------- */

enum { THREADS = 4, ROUNDS = 200 };

typedef struct thread_job {
    const vnx_extractor *x;
    const char *reference;
    int mismatches;
    int failures;
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *job = arg;
    for (int i = 0; i < ROUNDS; i++) {
        vnx_error err;
        vnx_result *r = vnx_extract(job->x, SAMPLE, strlen(SAMPLE), &err);
        if (!r) {
            job->failures++;
            continue;
        }
        char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
        if (!s || strcmp(s, job->reference) != 0)
            job->mismatches++;
        vnx_free(s);
        vnx_result_free(r);
    }
    return NULL;
}

// The reference is made before the threads start, by PCRE2's interpreter;
// the threads' rounds take the patterns past the point where they are
// JIT-compiled (match/scan.c), so they also check the JIT code against it
// and its publication while other threads match.
START_TEST(one_extractor_many_threads)
{
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(NULL, &err);
    ck_assert_ptr_nonnull(x);
    char *reference = json_of(x, SAMPLE, strlen(SAMPLE));
    ck_assert_ptr_nonnull(strstr(reference, "\"number\":\"124-QĐ/TW\""));

    pthread_t tid[THREADS];
    thread_job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (thread_job){x, reference, 0, 0};
        ck_assert_int_eq(pthread_create(&tid[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        ck_assert_int_eq(jobs[i].failures, 0);
        ck_assert_int_eq(jobs[i].mismatches, 0);
    }
    vnx_free(reference);
    vnx_extractor_free(x);
}
END_TEST

// vnx_extract_many(): every document's result, in its place, the same as
// vnx_extract()'s, on 1 to 8 threads; a document too large fails alone.
START_TEST(extract_many_in_place)
{
    enum { N = 40 };
    static const char *const texts[] = {SAMPLE, "", "Ngày 18/12/2023 họp chi bộ.",
                                        "Kết luận 21 KL/TW, ngày 30/11/2023."};
    const char *docs[N];
    size_t lens[N];
    char *want[N];
    for (int i = 0; i < N; i++) {
        docs[i] = texts[i % 4];
        lens[i] = strlen(docs[i]);
        want[i] = json_of(X, docs[i], lens[i]);
    }
    for (unsigned threads = 0; threads <= 8; threads++) {
        vnx_result *results[N];
        vnx_error errors[N], err;
        ck_assert_int_eq(vnx_extract_many(X, docs, lens, N, threads, results, errors, &err),
                         VNX_OK);
        for (int i = 0; i < N; i++) {
            ck_assert_ptr_nonnull(results[i]);
            ck_assert_int_eq(errors[i].code, VNX_OK);
            char *got = vnx_result_to_json(results[i], VNX_JSON_DEFAULT);
            ck_assert_str_eq(got, want[i]);
            vnx_free(got);
            vnx_result_free(results[i]);
        }
    }
    for (int i = 0; i < N; i++)
        vnx_free(want[i]);
}
END_TEST

START_TEST(extract_many_arguments)
{
    vnx_error err;
    vnx_result *results[1];
    const char *docs[1] = {SAMPLE};
    size_t lens[1] = {strlen(SAMPLE)};
    ck_assert_int_eq(vnx_extract_many(X, NULL, NULL, 0, 4, NULL, NULL, &err), VNX_OK);
    ck_assert_int_eq(vnx_extract_many(NULL, docs, lens, 1, 1, results, NULL, &err),
                     VNX_ERR_ARGUMENT);
    ck_assert_int_eq(vnx_extract_many(X, docs, NULL, 1, 1, results, NULL, &err),
                     VNX_ERR_ARGUMENT);
    // errors NULL: a failing document is NULL in its place, the others done
    const char *two[2] = {NULL, SAMPLE};
    size_t two_lens[2] = {5, strlen(SAMPLE)};
    vnx_result *out[2];
    ck_assert_int_eq(vnx_extract_many(X, two, two_lens, 2, 2, out, NULL, &err), VNX_OK);
    ck_assert_ptr_null(out[0]);
    ck_assert_ptr_nonnull(out[1]);
    vnx_result_free(out[1]);
}
END_TEST

/* ---- NULL arguments --------------------------------------------------------------- */

START_TEST(free_functions_accept_null)
{
    vnx_extractor_free(NULL);
    vnx_result_free(NULL);
    vnx_free(NULL);
    vnx_options_init(NULL);
}
END_TEST

START_TEST(accessors_accept_null)
{
    ck_assert_uint_eq(vnx_result_date_count(NULL), 0);
    ck_assert_ptr_null(vnx_result_date(NULL, 0));
    ck_assert_uint_eq(vnx_result_directive_count(NULL), 0);
    ck_assert_ptr_null(vnx_result_directive(NULL, 0));
    ck_assert_uint_eq(vnx_result_warning_count(NULL), 0);
    ck_assert_ptr_null(vnx_result_warning(NULL, 0));
    ck_assert_ptr_null(vnx_result_to_json(NULL, VNX_JSON_PRETTY));
    ck_assert_int_eq(vnx_result_set_source(NULL, "x"), VNX_ERR_ARGUMENT);
    ck_assert_ptr_null(vnx_patterns_version(NULL));
}
END_TEST

// Issue 19: with a match limit of 1, a 180-byte text gave thousands of
// warnings, one per match tried; there is one per pattern, with a count.
START_TEST(match_limit_warnings_bounded)
{
    vnx_options o;
    vnx_options_init(&o);
    o.match_limit = 1;
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(&o, &err);
    ck_assert_msg(x != NULL, "%s", err.message);
    const char *text = "Ngày 30 tháng 11 năm 2023, Chi bộ họp theo Hướng dẫn số 03-HD/TU; "
                       "đồng chí Nguyễn Văn An - Bí thư chi bộ chủ trì; 18/22 đ/c hoàn thành "
                       "tốt nhiệm vụ.";
    vnx_result *r = vnx_extract(x, text, strlen(text), &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    size_t n = vnx_result_warning_count(r), counted = 0;
    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        const char *w = vnx_result_warning(r, i);
        for (size_t j = 0; j < i; j++) { // one per pattern: no two alike up to " hit"
            const char *v = vnx_result_warning(r, j);
            size_t k = strcspn(w, " ");
            k += strcspn(w + k + 1, " ") + 1;
            ck_assert_msg(strncmp(w, v, k) != 0, "two warnings for one pattern: \"%s\", \"%s\"",
                          v, w);
        }
        counted += strstr(w, " times") != NULL;
    }
    ck_assert_msg(n < 200, "%zu warnings", n);
    ck_assert_uint_gt(counted, 0); // patterns that hit it again say how often
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

START_TEST(accessors_out_of_range)
{
    vnx_extractor *x = vnx_extractor_new(NULL, NULL);
    ck_assert_ptr_nonnull(x);
    vnx_result *r = vnx_extract(x, "Họp 18/12/2023.", strlen("Họp 18/12/2023."), NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_ptr_nonnull(vnx_result_date(r, 0));
    ck_assert_ptr_null(vnx_result_date(r, 1));
    ck_assert_ptr_null(vnx_result_date(r, (size_t)-1));
    ck_assert_ptr_null(vnx_result_directive(r, 0));
    ck_assert_ptr_null(vnx_result_warning(r, 0));
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

/* The page's tail (a comment form, related news) is no source of facts,
 * for any extractor; the same lines inside the article are read. */
START_TEST(nothing_read_past_the_page_tail)
{
    vnx_extractor *x = vnx_extractor_new(NULL, NULL);
    ck_assert_ptr_nonnull(x);
    const char *text = "Ngày 05/3/2024, đồng chí Trịnh Văn Khải - Bí thư chi bộ chủ trì.\n"
                       "Có 03 đảng viên hoàn thành xuất sắc nhiệm vụ.\n"
                       "Bài viết liên quan\n"
                       "Ngày 07/4/2024, đồng chí Lương Thị Mơ - Phó Bí thư trao huy hiệu.\n"
                       "Có 05 đảng viên hoàn thành tốt nhiệm vụ.\n";
    vnx_result *r = vnx_extract(x, text, strlen(text), NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_date_count(r), 1);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2024-03-05");
    ck_assert_uint_eq(vnx_result_official_count(r), 1);
    ck_assert_str_eq(vnx_result_official(r, 0)->name, "Trịnh Văn Khải");
    ck_assert_uint_eq(vnx_result_tally_count(r), 1);
    ck_assert_int_eq(vnx_result_tally(r, 0)->count, 3);
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

/* A line that names a tail ("Xem thêm:") with its links inside the text
 * does not end the article: its facts below are read. */
START_TEST(see_also_inside_the_text_is_not_the_tail)
{
    vnx_extractor *x = vnx_extractor_new(NULL, NULL);
    ck_assert_ptr_nonnull(x);
    const char *text = "Ngày 05/3/2024, chi bộ thôn Đông họp để bàn về công tác phát triển đảng viên "
                       "và nhiều nội dung khác của năm, với sự có mặt của các đồng chí trong chi bộ.\n"
                       "Xem thêm:\n"
                       "- Chi bộ thôn Tây học tập nghị quyết\n"
                       "Tiếp đó, ngày 07/4/2024, chi bộ tổ chức lễ kết nạp đảng viên mới cho hai quần "
                       "chúng ưu tú, là những người đã phấn đấu rèn luyện lâu năm ở thôn.\n"
                       "Tin liên quan\n"
                       "- Ngày 09/5/2024, xã tổ chức hội nghị\n";
    vnx_result *r = vnx_extract(x, text, strlen(text), NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(vnx_result_date_count(r), 2);
    ck_assert_str_eq(vnx_result_date(r, 0)->value, "2024-03-05");
    ck_assert_str_eq(vnx_result_date(r, 1)->value, "2024-04-07");
    vnx_result_free(r);
    vnx_extractor_free(x);
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("basics");
    tcase_add_test(tc, version_string_and_number);
    tcase_add_test(tc, strerror_every_code);
    tcase_add_test(tc, extract_with_null_extractor);
    tcase_add_test(tc, extract_with_null_text);
    tcase_add_test(tc, success_clears_error);
    tcase_add_test(tc, unknown_option_bits);
    tcase_add_test(tc, options_init_defaults);
    tcase_add_test(tc, nothing_read_past_the_page_tail);
    tcase_add_test(tc, see_also_inside_the_text_is_not_the_tail);
    suite_add_tcase(s, tc);

    tc = tcase_create("pattern_dirs");
    tcase_add_checked_fixture(tc, setup_tmp, teardown_tmp);
    tcase_add_test(tc, missing_patterns_dir);
    tcase_add_test(tc, dir_without_pattern_files);
    tcase_add_test(tc, broken_pattern);
    tcase_add_test(tc, text_outside_a_block);
    tcase_add_test(tc, unknown_directive_and_missing_define);
    tcase_add_test(tc, bad_anchor_lines);
    tcase_add_test(tc, anchor_reach_bounds_where_a_pattern_runs);
    tcase_add_test(tc, several_anchors_run_a_pattern_near_any_of_them);
    tcase_add_test(tc, custom_dir_works);
    tcase_add_test(tc, custom_dir_without_version);
    tcase_add_test(tc, custom_dir_with_lexicon);
    tcase_add_test(tc, missing_lexicon_is_an_error);
    tcase_add_test(tc, lexicon_prefers_the_longest_entry);
    tcase_add_test(tc, repo_patterns_dir_same_as_builtin);
    suite_add_tcase(s, tc);

    tc = tcase_create("threads");
    tcase_set_timeout(tc, 100);
    tcase_add_test(tc, one_extractor_many_threads);
    suite_add_tcase(s, tc);

    tc = tcase_create("many");
    tcase_set_timeout(tc, 100);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, extract_many_in_place);
    tcase_add_test(tc, extract_many_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("null");
    tcase_add_test(tc, free_functions_accept_null);
    tcase_add_test(tc, accessors_accept_null);
    tcase_add_test(tc, accessors_out_of_range);
    tcase_add_test(tc, match_limit_warnings_bounded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(api_suite());
}
