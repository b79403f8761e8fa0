/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include <gio/gio.h>

#include "dossier-core.h"
#include "dossier-stix-import.h"
#include "fuzz-oracle.h"

/* The STIX importer, from bytes as a stranger's bundle holds them: either
 * a whole case, everything the window would show of it fit for a label,
 * or an error whose message is one line a label can show. Never both,
 * never neither, never a crash or a hang (nesting is refused before
 * json-glib's recursive parser sees it). */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_oracle_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DossierCase) dcase = NULL;

  dcase = dossier_stix_import (bytes, "fuzz.json", NULL, &error);
  if (dcase != NULL)
    {
      if (error != NULL)
        fuzz_oracle_fail ("a case and an error: %s", error->message);
      fuzz_oracle_check_case (dcase);
    }
  else
    {
      if (error == NULL)
        fuzz_oracle_fail ("neither a case nor an error");
      if (error->domain == DOSSIER_CASE_ERROR)
        fuzz_oracle_check_load_error (error);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        fuzz_oracle_fail ("unexpected error domain: %s", error->message);
      fuzz_oracle_check_label ("import error", error->message);
      if (!g_str_has_prefix (error->message, "fuzz.json"))
        fuzz_oracle_fail ("an error that does not name the file: %s", error->message);
    }

  return 0;
}
