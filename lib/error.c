/**
 * error.c: the caller-allocated error report and error names.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *vnx_strerror(int code)
{
    switch (code) {
    case VNX_OK: return "success";
    case VNX_ERR_NOMEM: return "out of memory";
    case VNX_ERR_ARGUMENT: return "invalid argument";
    case VNX_ERR_IO: return "cannot read pattern files";
    case VNX_ERR_PATTERN: return "invalid pattern set";
    case VNX_ERR_UNICODE: return "Unicode processing failed";
    case VNX_ERR_MATCH: return "pattern matching failed";
    case VNX_ERR_TOO_LARGE: return "document too large";
    case VNX_ERR_INPUT: return "malformed input document";
    default: return "unknown error";
    }
}

void vnxp_error_clear(vnx_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

int vnxp_fail(vnx_error *err, int code, const char *fmt, ...)
{
    // First error wins: a caller that already reported keeps its message.
    if (!err || err->code != VNX_OK)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}
