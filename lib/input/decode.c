/**
 * decode.c: input bytes in any encoding to UTF-8, with ICU converters.
 *
 * UTF-8 (the default) is copied as it is: vnx_extract() reads invalid
 * sequences as U+FFFD and reports each one, which a converter would do
 * silently. UTF-16 and UTF-32 are recognised by their byte order mark.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>

#include "internal.h"

// The encoding whose byte order mark starts `b`, or NULL. ICU's "UTF-16"
// and "UTF-32" converters read the mark for the byte order and drop it.
static const char *bom_encoding(const unsigned char *b, size_t len)
{
    if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        return "UTF-32";
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        return "UTF-32";
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return "UTF-16";
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return "UTF-16";
    return NULL;
}

static int is_utf8_name(const char *name)
{
    return strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0;
}

static char *copy_bytes(const char *bytes, size_t len, size_t *out_len, vnx_error *err)
{
    char *out = malloc(len + 1);
    if (!out) {
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(out, bytes, len);
    out[len] = '\0';
    *out_len = len;
    return out;
}

// Convert with ICU from `encoding` to UTF-8; invalid bytes become U+FFFD.
static char *convert(const char *bytes, size_t len, const char *encoding, size_t *out_len,
                     vnx_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &status);
    if (U_FAILURE(status)) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "unknown encoding '%s'", encoding);
        return NULL;
    }
    // At most 3 UTF-8 bytes per input byte (a BMP character per byte).
    if (len > (INT32_MAX - 1) / 3) {
        ucnv_close(cnv);
        vnxp_fail(err, VNX_ERR_TOO_LARGE, "input of %zu bytes is too large to convert", len);
        return NULL;
    }
    ucnv_close(cnv);
    int32_t cap = (int32_t)len * 3 + 1;
    char *out = malloc((size_t)cap);
    if (!out) {
        vnxp_fail(err, VNX_ERR_NOMEM, "out of memory");
        return NULL;
    }
    int32_t n = ucnv_convert("UTF-8", encoding, out, cap, bytes, (int32_t)len, &status);
    if (U_FAILURE(status)) {
        free(out);
        vnxp_fail(err, VNX_ERR_UNICODE, "cannot convert from %s: %s", encoding,
                  u_errorName(status));
        return NULL;
    }
    *out_len = (size_t)n;
    return out;
}

char *vnx_decode(const char *bytes, size_t len, const char *encoding, size_t *out_len,
                 vnx_error *err)
{
    vnxp_error_clear(err);
    if ((!bytes && len > 0) || !out_len) {
        vnxp_fail(err, VNX_ERR_ARGUMENT, "vnx_decode: NULL argument");
        return NULL;
    }
    if (!bytes)
        bytes = "";
    if (!encoding || strcasecmp(encoding, "auto") == 0) {
        encoding = bom_encoding((const unsigned char *)bytes, len);
        if (!encoding)
            return copy_bytes(bytes, len, out_len, err);
    }
    if (is_utf8_name(encoding))
        return copy_bytes(bytes, len, out_len, err);
    return convert(bytes, len, encoding, out_len, err);
}
