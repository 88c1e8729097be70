/**
 * event.c: the meeting reported, the title and the byline (SPEC.md).
 *
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

int vnxp_extract_event(vnxp_matcher *m, vnx_error *err)
{
    (void)m;
    (void)err;
    return VNX_OK; // PLACEHOLDER: filled in by its issue
}
