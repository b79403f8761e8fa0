/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include "dossier-core.h"
#include "fuzz-oracle.h"

/* The loader, from bytes as a stranger's file holds them, with no folder
 * (so no image can load): either a whole case, everything the window
 * would show of it fit for a label, or a DOSSIER_CASE_ERROR whose message
 * the error page can show. Never both, never neither. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_oracle_init ();
  return 0;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  if (!(fraction >= 0.0 && fraction <= 1.0))
    fuzz_oracle_fail ("load progress %g outside [0, 1]", fraction);
  *last = fraction;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DossierCase) dcase = NULL;
  double last_progress = 0.0;

  dcase = dossier_case_load_bytes (bytes, "fuzz.case.xml", NULL, NULL,
                                   progress_cb, &last_progress, &error);
  if (dcase != NULL)
    {
      if (error != NULL)
        fuzz_oracle_fail ("a case and an error: %s", error->message);
      if (dossier_case_get_size (dcase) != size)
        fuzz_oracle_fail ("case size %" G_GSIZE_FORMAT " for %" G_GSIZE_FORMAT " bytes",
                          dossier_case_get_size (dcase), size);
      fuzz_oracle_check_case (dcase);
    }
  else
    {
      fuzz_oracle_check_load_error (error);
    }

  return 0;
}
