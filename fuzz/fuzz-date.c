/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-target.h"

#include <string.h>

#include "dossier-date.h"
#include "fuzz-oracle.h"

/* The EDTF date parser: any bytes are refused with a message a label can
 * show, or give a date whose text is the input, whose span does not end
 * before it starts, and that formats to showable words. */

static GTimeZone *utc_zone;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_oracle_init ();
  utc_zone = g_time_zone_new_utc ();
  return 0;
}

static void
check_date (const DossierDate *date,
            const char        *text)
{
  g_autoptr(DossierDate) copy = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_utc = NULL;
  g_autofree char *duration = NULL;
  gint64 start = dossier_date_get_sort_key (date);
  gint64 end = dossier_date_get_end_key (date);

  if (strcmp (dossier_date_get_text (date), text) != 0)
    fuzz_oracle_fail ("date text \"%s\" differs from the input \"%s\"",
                      dossier_date_get_text (date), text);
  if (end < start)
    fuzz_oracle_fail ("date \"%s\" ends (%" G_GINT64_FORMAT ") before it starts (%" G_GINT64_FORMAT ")",
                      text, end, start);
  if ((guint) dossier_date_get_precision (date) > DOSSIER_DATE_PRECISION_SECOND)
    fuzz_oracle_fail ("date \"%s\" has precision %d", text, dossier_date_get_precision (date));

  copy = dossier_date_copy (date);
  if (dossier_date_compare (date, copy) != 0)
    fuzz_oracle_fail ("date \"%s\" does not compare equal to its copy", text);
  if (dossier_date_compare (date, NULL) >= 0 || dossier_date_compare (NULL, date) <= 0)
    fuzz_oracle_fail ("NULL does not sort after \"%s\"", text);

  shown = dossier_date_format (date);
  if (shown == NULL || *shown == '\0')
    fuzz_oracle_fail ("date \"%s\" formats to nothing", text);
  fuzz_oracle_check_label ("formatted date", shown);

  shown_utc = dossier_date_format_in_zone (date, utc_zone);
  if (shown_utc == NULL || *shown_utc == '\0')
    fuzz_oracle_fail ("date \"%s\" formats to nothing in UTC", text);
  fuzz_oracle_check_label ("formatted date in UTC", shown_utc);

  date_time = dossier_date_to_date_time (date);
  if (date_time != NULL && g_date_time_to_unix (date_time) != start)
    fuzz_oracle_fail ("date \"%s\": GDateTime %" G_GINT64_FORMAT " differs from sort key %" G_GINT64_FORMAT,
                      text, g_date_time_to_unix (date_time), start);

  duration = dossier_format_duration (end - start);
  fuzz_oracle_check_label ("duration", duration);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDate) date = NULL;
  /* A C string: the parser never sees past a NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  date = dossier_date_parse (text, &error);
  if (date != NULL)
    {
      if (error != NULL)
        fuzz_oracle_fail ("a date and an error for \"%s\"", text);
      check_date (date, text);
    }
  else
    {
      if (error == NULL || error->domain != DOSSIER_DATE_ERROR)
        fuzz_oracle_fail ("\"%s\" refused without a DOSSIER_DATE_ERROR", text);
      if (*error->message == '\0')
        fuzz_oracle_fail ("\"%s\" refused with an empty message", text);
      fuzz_oracle_check_label ("date error message", error->message);
    }

  return 0;
}
