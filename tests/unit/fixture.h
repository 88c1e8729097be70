/**
 * fixture.h: what the Check suites share: one extractor with the built-in
 * patterns per test (setup/teardown), extraction that must succeed, a
 * string assertion, and a main() body that runs a suite.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_TEST_FIXTURE_H
#define VNX_TEST_FIXTURE_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vnextract.h"

static vnx_extractor *X;

static inline void setup(void)
{
    vnx_error err;
    X = vnx_extractor_new(NULL, &err);
    ck_assert_msg(X != NULL, "vnx_extractor_new: %s", err.message);
}

static inline void teardown(void)
{
    vnx_extractor_free(X);
    X = NULL;
}

// Extract `len` bytes with X; the test fails when extraction does.
static inline vnx_result *extract_n(const char *text, size_t len)
{
    vnx_error err;
    vnx_result *r = vnx_extract(X, text, len, &err);
    ck_assert_msg(r != NULL, "vnx_extract: %s", err.message);
    ck_assert_int_eq(err.code, VNX_OK);
    return r;
}

static inline vnx_result *extract(const char *text)
{
    return extract_n(text, strlen(text));
}

// Assert string `what` is `want`, or null when `want` is NULL.
static inline void assert_str_or_null(const char *got, const char *want, const char *what)
{
    if (!want)
        ck_assert_msg(got == NULL, "%s: got \"%s\", want null", what, got ? got : "");
    else
        ck_assert_msg(got && strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"", what,
                      got ? got : "(null)", want);
}

// Run every test of `s`; the exit status of the test program.
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
