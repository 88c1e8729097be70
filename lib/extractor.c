/**
 * extractor.c: the extractor's life cycle and vnx_extract(), which runs the
 * pipeline normalize -> match -> assemble for one document.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum {
    DEFAULT_MATCH_LIMIT = 1000000,
    DEFAULT_DEPTH_LIMIT = 10000,
    MAX_UTF8_WARNINGS = 20
};

const char *vnx_version(void)
{
    return VNX_VERSION_STRING;
}

int vnx_version_number(void)
{
    return VNX_VERSION;
}

const char *vnx_patterns_version(const vnx_extractor *x)
{
    return x ? x->patterns.version : NULL;
}

void vnx_options_init(vnx_options *opts)
{
    if (opts)
        memset(opts, 0, sizeof *opts);
}

vnx_extractor *vnx_extractor_new(const vnx_options *opts, vnx_error *err)
{
    vnxp_error_clear(err);
    vnx_options defaults;
    if (!opts) {
        vnx_options_init(&defaults);
        opts = &defaults;
    }
    if (opts->flags & ~VNX_OPT_MASK) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "unknown option bits 0x%x", opts->flags & ~VNX_OPT_MASK);
        return NULL;
    }
    if ((opts->flags & VNX_OPT_SPANS_CODEPOINTS) && (opts->flags & VNX_OPT_SPANS_UTF16)) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "spans in code points or in UTF-16 units, not both");
        return NULL;
    }
    vnx_extractor *x = calloc(1, sizeof *x);
    if (!x) {
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    x->flags = opts->flags;
    int rc = opts->patterns_dir
                 ? vnxp_patterns_load_dir(&x->patterns, opts->patterns_dir, opts->flags, err)
                 : vnxp_patterns_load_builtin(&x->patterns, opts->flags, err);
    if (rc != VNX_OK) {
        free(x);
        return NULL;
    }
    x->mctx = pcre2_match_context_create(NULL);
    x->classes = vnxp_char_classes_new();
    if (!x->mctx || !x->classes) {
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        vnx_extractor_free(x);
        return NULL;
    }
    pcre2_set_match_limit(x->mctx, opts->match_limit ? (uint32_t)opts->match_limit
                                                     : DEFAULT_MATCH_LIMIT);
    pcre2_set_depth_limit(x->mctx, opts->depth_limit ? (uint32_t)opts->depth_limit
                                                     : DEFAULT_DEPTH_LIMIT);
    return x;
}

void vnx_extractor_free(vnx_extractor *x)
{
    if (!x)
        return;
    vnxp_patterns_free(&x->patterns);
    pcre2_match_context_free(x->mctx);
    vnxp_char_classes_free(x->classes);
    free(x);
}

/* Counts invalid UTF-8 sequences and reports the first few as warnings. */
typedef struct utf8_report {
    vnx_result *r;
    size_t count;
    int nomem;
} utf8_report;

static void on_invalid_utf8(void *ctx, size_t offset)
{
    utf8_report *rep = ctx;
    if (rep->count++ < MAX_UTF8_WARNINGS)
        rep->nomem |= vnxp_result_warn(rep->r, "invalid UTF-8 at byte %zu", offset);
}

vnx_span vnxp_input_span(const vnxp_matcher *m, size_t start, size_t end)
{
    const vnxp_text *t = m->text;
    vnx_span s = {vnxp_text_input_offset(t, start), vnxp_text_input_offset(t, end)};
    // The end maps to the first input byte of the next character.
    if (end > start && end <= t->len) {
        size_t last = end - 1;
        while (last > start && (t->s[last] & 0xC0) == 0x80)
            last--;
        size_t next = vnxp_text_input_offset(t, end), first = vnxp_text_input_offset(t, last);
        s.end = next > first ? next : first + 1;
    }
    // Without a map, a tone moved inside a syllable (ủy -> uỷ) may leave a
    // boundary inside an input character: widen the span to whole ones.
    const unsigned char *in = (const unsigned char *)m->input;
    while (!t->map && s.start > 0 && s.start < m->input_len && (in[s.start] & 0xC0) == 0x80)
        s.start--;
    while (!t->map && s.end < m->input_len && (in[s.end] & 0xC0) == 0x80)
        s.end++;
    return s;
}

char *vnxp_hit_text(const vnxp_matcher *m, size_t start, size_t end)
{
    vnx_span s = vnxp_input_span(m, start, end);
    return vnxp_clean(m->x->classes, m->input, s.start, s.end);
}

// The extractors in the order they run; each may read what earlier ones found.
static const struct {
    unsigned skip_flag;
    int (*run)(vnxp_matcher *m, vnx_error *err);
} EXTRACTORS[] = {
    {VNX_OPT_NO_DATES, vnxp_extract_dates},
    {VNX_OPT_NO_DIRECTIVES, vnxp_extract_directives},
    {VNX_OPT_NO_OFFICIALS, vnxp_extract_officials},
    {VNX_OPT_NO_TALLIES, vnxp_extract_tallies},
    {VNX_OPT_NO_TALLIES, vnxp_extract_attendance},
    {VNX_OPT_NO_EVENT, vnxp_extract_event},
};

static int run_extractors(vnxp_matcher *m, vnx_error *err)
{
    for (size_t i = 0; i < sizeof EXTRACTORS / sizeof *EXTRACTORS; i++) {
        if (m->x->flags & EXTRACTORS[i].skip_flag)
            continue;
        int rc = EXTRACTORS[i].run(m, err);
        if (rc != VNX_OK)
            return rc;
    }
    return VNX_OK;
}

// Extract the record of `len` bytes at `text`, which the record keeps as
// its text (vnx_result_text) when `keep` (freed on failure); else the
// record keeps a copy.
static vnx_result *extract(const vnx_extractor *x, const char *text, size_t len, char *keep,
                           vnx_error *err)
{
    vnxp_error_clear(err);
    if (!x || (!text && len > 0)) {
        free(keep);
        vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_extract: NULL extractor or text");
        return NULL;
    }
    if (!text)
        text = "";
    vnx_result *r = calloc(1, sizeof *r);
    if (!r) {
        free(keep);
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    utf8_report rep = {r, 0, 0};
    vnxp_text t;
    unsigned nflags = (x->flags & VNX_OPT_NO_TONE_FOLD) ? 0 : VNXP_NORM_FOLD_TONES;
    int rc = vnxp_normalize_with(x->classes, text, len, nflags, 1, on_invalid_utf8, &rep, &t, err);
    if (rc == VNX_OK && rep.count > MAX_UTF8_WARNINGS)
        rep.nomem |= vnxp_result_warn(r, "%zu more invalid UTF-8 sequences",
                                      rep.count - MAX_UTF8_WARNINGS);
    if (rc == VNX_OK && rep.nomem)
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    if (rc == VNX_OK) {
        vnxp_matcher m;
        int nomem = 0;
        rc = vnxp_matcher_init(&m, x, &t, text, len, r, err);
        m.nomem = &nomem;
        if (rc == VNX_OK && (rc = vnxp_find_body_end(&m, err)) == VNX_OK)
            rc = run_extractors(&m, err);
        if (rc == VNX_OK && nomem)
            rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        if (rc == VNX_OK)
            rc = vnxp_matcher_warn_limits(&m, err);
        vnxp_matcher_free(&m);
    }
    if (rc == VNX_OK && (x->flags & (VNX_OPT_SPANS_CODEPOINTS | VNX_OPT_SPANS_UTF16)))
        rc = vnxp_result_convert_spans(r, text, len,
                                       (x->flags & VNX_OPT_SPANS_UTF16) ? VNX_SPANS_UTF16
                                                                        : VNX_SPANS_CODEPOINTS,
                                       err);
    vnxp_text_free(&t);
    // The record's copy of the text is made last: while the matcher's
    // memory was held it would have added to the peak.
    if (rc == VNX_OK && !(r->text = keep ? keep : vnxp_strndup(text, len)))
        rc = vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
    r->text_len = len;
    if (rc != VNX_OK) {
        if (!r->text)
            free(keep);
        vnx_result_free(r);
        return NULL;
    }
    return r;
}

vnx_result *vnx_extract(const vnx_extractor *x, const char *text, size_t len, vnx_error *err)
{
    return extract(x, text, len, NULL, err);
}

vnx_result *vnxp_extract_keep(const vnx_extractor *x, char *text, size_t len, vnx_error *err)
{
    return extract(x, text, len, text, err);
}
