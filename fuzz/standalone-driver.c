/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "fuzz-target.h"

/* Replays a corpus through a fuzz target without libFuzzer: every
 * regular file of every folder named on the command line (and every file
 * named directly), in name order, one call each. The target aborts when
 * an oracle fails, so the test fails with the input named just above. */

/* Present only in a build with clang's -fprofile-instr-generate. */
extern int __llvm_profile_write_file (void) __attribute__ ((weak));

/* In a coverage build, an input that crashes must not lose what the
 * inputs before it covered: write the profile, then die as before. */
static void
on_fatal_signal (int signum)
{
  __llvm_profile_write_file ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
replay_file (const char *path,
             guint      *n_inputs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  /* An exact-size copy, so that AddressSanitizer sees a read past the
   * input's end (g_file_get_contents adds a NUL). */
  copy = g_malloc (length > 0 ? length : 1);
  memcpy (copy, contents, length);
  printf ("replay %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  (*n_inputs)++;
  return TRUE;
}

static gboolean
replay_dir (const char *path,
            guint      *n_inputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        ok = replay_file (child, n_inputs) && ok;
    }

  return ok;
}

int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;
  gboolean ok = TRUE;

  if (argc < 2)
    {
      g_printerr ("Usage: %s CORPUS-DIR-OR-FILE...\n", argv[0]);
      return 2;
    }

  if (__llvm_profile_write_file != NULL)
    {
      static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

      for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
        signal (fatal[i], on_fatal_signal);
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = replay_dir (argv[i], &n_inputs) && ok;
      else
        ok = replay_file (argv[i], &n_inputs) && ok;
    }

  printf ("%u inputs replayed\n", n_inputs);

  /* An empty corpus would make this test one that cannot fail. */
  if (n_inputs == 0)
    {
      g_printerr ("no input found\n");
      return 1;
    }

  return ok ? 0 : 1;
}
