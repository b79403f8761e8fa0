/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-export.h"
#include "fuzz-oracle.h"

/* Load, then export to PDF in memory with every section and every note:
 * the export of a case that loaded succeeds, reports its progress inside
 * [0, 1], never backwards and up to 1, and gives a whole PDF file (it starts with
 * "%PDF-" and ends with "%%EOF"). Cairo and Pango lay out whatever text
 * the case holds, so this is where a stranger's text meets the fonts.
 * PDF export is slow: build-aux/fuzz.sh keeps the inputs short. */

typedef struct
{
  double last;
  guint  calls;
} Progress;

/* Fontconfig, Pango and cairo build their caches at the first layout and
 * keep them: do it once here, so that every input meets them ready and
 * the first one does not pay (nor answer for the memory kept). */
static void
warm_up (void)
{
  static const char minimal[] =
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"warm-up\">"
    "<title>Warm-up</title></case>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (minimal, sizeof minimal - 1);
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;

  dcase = dossier_case_load_bytes (bytes, "warm-up.case.xml", NULL, NULL, NULL, NULL, &error);
  if (dcase == NULL)
    fuzz_oracle_fail ("the warm-up case does not load: %s", error->message);
  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_PDF;
  pdf = dossier_export_to_bytes (dcase, &options, NULL, &error);
  if (pdf == NULL)
    fuzz_oracle_fail ("the warm-up case does not export: %s", error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_oracle_init ();
  warm_up ();
  return 0;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (!(fraction >= 0.0 && fraction <= 1.0))
    fuzz_oracle_fail ("PDF export progress %g outside [0, 1]", fraction);
  if (fraction < progress->last)
    fuzz_oracle_fail ("PDF export progress went back from %g to %g",
                      progress->last, fraction);
  progress->last = fraction;
  progress->calls++;
}

/* The last bytes of a PDF are "%%EOF" and at most an end of line. */
static gboolean
ends_with_eof_marker (const char *data,
                      gsize       length)
{
  static const char marker[] = "%%EOF";
  gsize end = length;

  while (end > 0 && length - end < 2 && (data[end - 1] == '\n' || data[end - 1] == '\r'))
    end--;

  return end >= strlen (marker) &&
         memcmp (data + end - strlen (marker), marker, strlen (marker)) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  Progress progress = { 0.0, 0 };
  const char *pdf_data;
  gsize pdf_length;

  dcase = dossier_case_load_bytes (bytes, "fuzz.case.xml", NULL, NULL, NULL, NULL, NULL);
  if (dcase == NULL)
    return 0;

  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_PDF;
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options.notes = DOSSIER_EXPORT_NOTES_ALL;
  options.paper = DOSSIER_PAPER_A4;
  options.progress = progress_cb;
  options.progress_data = &progress;

  pdf = dossier_export_to_bytes (dcase, &options, NULL, &error);
  if (pdf == NULL)
    fuzz_oracle_fail ("PDF export of a loaded case failed: %s",
                      error != NULL ? error->message : "(no error)");
  if (error != NULL)
    fuzz_oracle_fail ("a PDF and an error: %s", error->message);

  if (progress.calls == 0 || progress.last != 1.0)
    fuzz_oracle_fail ("PDF export done at progress %g after %u reports",
                      progress.last, progress.calls);

  pdf_data = g_bytes_get_data (pdf, &pdf_length);
  if (pdf_length < 5 || memcmp (pdf_data, "%PDF-", 5) != 0)
    fuzz_oracle_fail ("the PDF export does not start with %%PDF- (%" G_GSIZE_FORMAT " bytes)",
                      pdf_length);
  if (!ends_with_eof_marker (pdf_data, pdf_length))
    fuzz_oracle_fail ("the PDF export does not end with %%%%EOF (%" G_GSIZE_FORMAT " bytes)",
                      pdf_length);

  return 0;
}
