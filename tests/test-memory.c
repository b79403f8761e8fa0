/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <unistd.h>

#include "dossier-core.h"

/* Opening and closing a case many times in one process must not grow
 * memory: a window that opens one file after another, or reloads one,
 * runs for days. The sample case is loaded 10 times to warm up (types,
 * quarks, translations, libxml2's globals), then 100 more times; the
 * memory in use may grow by at most MAX_GROWTH in all, 40 KiB a load on
 * average. A whole case kept alive costs about 115 KiB (measured by the
 * second test, which keeps 100 of them), so leaking a third of one each
 * time fails.
 *
 * The memory in use is what the allocator hands out (mallinfo2), or,
 * under AddressSanitizer, which replaces malloc, its own count of live
 * bytes. The process's resident size is checked too, with the same bound:
 * it is what a user's system monitor shows. */

#define WARM_UP     10
#define ROUNDS      100
#define MAX_GROWTH  (4 * 1024 * 1024)

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

#ifdef UNDER_ASAN
/* From <sanitizer/allocator_interface.h>, which clang ships and GCC does
 * not; both runtimes export it. */
size_t __sanitizer_get_current_allocated_bytes (void);
#endif

static gsize
allocated_bytes (void)
{
#ifdef UNDER_ASAN
  return __sanitizer_get_current_allocated_bytes ();
#else
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#endif
}

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%lu %lu", &size, &resident), ==, 2);
  return (gsize) resident * (gsize) sysconf (_SC_PAGESIZE);
}

static GFile *
sample_case (void)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_file_new_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
}

/* One open and close as the window does it: load, read what the views
 * show first, drop the case. */
static void
open_and_close (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  g_assert_cmpstr (dossier_case_get_id (dcase), ==, "sony-pictures-2014");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (dcase)), >, 0);
  g_assert_cmpuint (dossier_case_get_citations (dcase)->len, >, 0);
}

static void
test_memory_open_close_100 (void)
{
  g_autoptr(GFile) file = sample_case ();
  gsize heap_before, heap_after, rss_before, rss_after;

  for (guint i = 0; i < WARM_UP; i++)
    open_and_close (file);

  malloc_trim (0);
  heap_before = allocated_bytes ();
  rss_before = resident_bytes ();

  for (guint i = 0; i < ROUNDS; i++)
    open_and_close (file);

  malloc_trim (0);
  heap_after = allocated_bytes ();
  rss_after = resident_bytes ();

  g_test_message ("heap in use: %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT " bytes; "
                  "resident: %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT " bytes",
                  heap_before, heap_after, rss_before, rss_after);

  /* Growth, not size: the counts may also go down. */
  g_assert_cmpint ((gint64) heap_after - (gint64) heap_before, <, MAX_GROWTH);
#ifndef UNDER_ASAN
  /* AddressSanitizer keeps freed memory in quarantine (256 MiB by
   * default), so resident size says nothing under it. */
  g_assert_cmpint ((gint64) rss_after - (gint64) rss_before, <, MAX_GROWTH);
#endif
}

/* The measurement itself must see a leak of that size, or the test above
 * could not fail: keep 100 cases alive and watch the count rise. */
static void
test_memory_measure_sees_leak (void)
{
  g_autoptr(GFile) file = sample_case ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  gsize before, after;

  open_and_close (file);
  before = allocated_bytes ();
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      DossierCase *dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (kept, dcase);
    }
  after = allocated_bytes ();

  g_test_message ("100 live cases: %" G_GSIZE_FORMAT " bytes", after - before);
  g_assert_cmpint ((gint64) after - (gint64) before, >, MAX_GROWTH);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/open-close-100-times", test_memory_open_close_100);
  g_test_add_func ("/memory/measure-sees-100-live-cases", test_memory_measure_sees_leak);

  return g_test_run ();
}
