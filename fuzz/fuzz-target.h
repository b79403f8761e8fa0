/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry points every target defines. libFuzzer calls them;
 * so does standalone-driver.c, which replays a corpus without libFuzzer
 * so that any compiler can run it as an ordinary test. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
