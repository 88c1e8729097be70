/**
 * tallies.c: rating tallies (SPEC.md, "tallies").
 *
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

int vnxp_extract_tallies(vnxp_matcher *m, vnx_error *err)
{
    (void)m;
    (void)err;
    return VNX_OK; // PLACEHOLDER: filled in by its issue
}
