/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the library's benchmarks (bench-library, bench-library-clients)
 * share: the typical queries, and how figures are read. */

/* A label and a query each: the queries a person types. */
#define BENCH_LIBRARY_N_QUERIES 10
extern const char *const bench_library_queries[BENCH_LIBRARY_N_QUERIES][2];

/* The load average of the last 1, 5 and 15 minutes, as /proc says. */
char   *bench_library_load_average (void);

/* The value at @fraction (0.5 the median, 0.95 the 95th percentile) of
 * @times (of double), sorted in place, by nearest rank. */
double  bench_library_percentile   (GArray *times,
                                    double  fraction);

G_END_DECLS
