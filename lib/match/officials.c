/**
 * officials.c: people named in the text and their roles (SPEC.md, "officials").
 *
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

int vnxp_extract_officials(vnxp_matcher *m, vnx_error *err)
{
    (void)m;
    (void)err;
    return VNX_OK; // PLACEHOLDER: filled in by its issue
}
