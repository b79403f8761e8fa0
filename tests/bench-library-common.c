/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bench-library-common.h"

const char *const bench_library_queries[BENCH_LIBRARY_N_QUERIES][2] = {
  { "common word", "intrusion " },
  { "frequent word", "unprecedented " },
  { "rare word", "secretary " },
  { "absent word", "zeppelin " },
  { "phrase", "\"guardians of peace\"" },
  { "prefix", "cred" },
  { "tag", "tag:timezone" },
  { "date range", "after:2014-03 before:2014-04" },
  { "negation", "studio -intrusion " },
  { "words and filter", "deadline screen in:notes" },
};


char *
bench_library_load_average (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("?");
  return g_strndup (contents, strcspn (contents, " ") + 10);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_library_percentile (GArray *times,
                          double  fraction)
{
  guint rank = (guint) (fraction * times->len + 0.999999);

  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, CLAMP (rank, 1, times->len) - 1);
}
