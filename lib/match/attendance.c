/**
 * attendance.c: how many took part (SPEC.md, "attendance").
 *
 * SPDX-License-Identifier: MIT
 */
#include "internal.h"

int vnxp_extract_attendance(vnxp_matcher *m, vnx_error *err)
{
    (void)m;
    (void)err;
    return VNX_OK; // PLACEHOLDER: filled in by its issue
}
