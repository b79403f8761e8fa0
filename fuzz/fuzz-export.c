/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-export.h"
#include "fuzz-oracle.h"

/* Load, then export to every text format with every section and every
 * note: each export succeeds, gives the same bytes twice, and keeps case
 * text inert (HTML: no script, no event attribute, no href but http,
 * https and #fragments; Markdown: no raw HTML from the case). The
 * suggested file name is a safe base name. */

static const DossierExportFormat formats[] = {
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_TEXT,
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_oracle_init ();
  return 0;
}

static void
check_file_name (DossierCase         *dcase,
                 DossierExportFormat  format)
{
  g_autofree char *name = dossier_export_suggest_filename (dcase, format);
  g_autofree char *suffix = g_strconcat (".", dossier_export_format_get_extension (format), NULL);

  if (name == NULL || *name == '\0')
    fuzz_oracle_fail ("no suggested file name");
  fuzz_oracle_check_display ("suggested file name", name);
  if (strchr (name, '/') != NULL || name[0] == '.' || !g_str_has_suffix (name, suffix))
    fuzz_oracle_fail ("unsafe suggested file name \"%s\"", name);
  if (g_utf8_strlen (name, -1) > 64 + (glong) strlen (suffix))
    fuzz_oracle_fail ("suggested file name of %ld characters: \"%s\"",
                      g_utf8_strlen (name, -1), name);
}

static void
export_one (DossierCase         *dcase,
            DossierExportFormat  format)
{
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *data;
  gsize length;

  dossier_export_options_init (&options);
  options.format = format;
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options.notes = DOSSIER_EXPORT_NOTES_ALL;

  first = dossier_export_to_bytes (dcase, &options, NULL, &error);
  if (first == NULL)
    fuzz_oracle_fail ("%s export of a loaded case failed: %s",
                      dossier_export_format_to_string (format),
                      error != NULL ? error->message : "(no error)");
  second = dossier_export_to_bytes (dcase, &options, NULL, &error);
  if (second == NULL || !g_bytes_equal (first, second))
    fuzz_oracle_fail ("%s export differs between two runs",
                      dossier_export_format_to_string (format));

  data = g_bytes_get_data (first, &length);
  switch (format)
    {
    case DOSSIER_EXPORT_HTML:
      fuzz_oracle_check_html (data, length);
      break;

    case DOSSIER_EXPORT_MARKDOWN:
      fuzz_oracle_check_markdown (data, length);
      break;

    case DOSSIER_EXPORT_TEXT:
    case DOSSIER_EXPORT_PDF:
    default:
      if (!g_utf8_validate (data, length, NULL))
        fuzz_oracle_fail ("text export is not valid UTF-8");
      break;
    }

  check_file_name (dcase, format);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DossierCase) dcase = NULL;

  dcase = dossier_case_load_bytes (bytes, "fuzz.case.xml", NULL, NULL, NULL, NULL, NULL);
  if (dcase == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    export_one (dcase, formats[i]);

  return 0;
}
