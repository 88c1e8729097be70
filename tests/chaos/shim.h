/**
 * shim.h: allocations that fail on demand (shim.c).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef VNX_CHAOS_SHIM_H
#define VNX_CHAOS_SHIM_H

/* Count allocations from now on; the `n`th (1-based) fails (0: none). */
void chaos_arm(long n);
/* Stop counting; the number of allocations since chaos_arm. */
long chaos_disarm(void);
/* Blocks allocated through the shim and not freed yet. */
long chaos_live(void);

#endif
