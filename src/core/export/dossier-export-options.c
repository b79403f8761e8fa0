/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The values an export is asked for with: formats, paper sizes, the
 * section and notes options as a user types them, and the error domain. */

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  { "markdown", "md",   "text/markdown" },
  { "html",     "html", "text/html" },
  { "text",     "txt",  "text/plain" },
  { "pdf",      "pdf",  "application/pdf" },
};

/* Territories whose paper is Letter (glibc's LC_PAPER data). */
static const char * const letter_territories[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PR",
  "SV", "VE", NULL
};

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].name;
}

gboolean
dossier_export_format_from_string (const char          *str,
                                   DossierExportFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (str, formats[i].name) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

DossierPaperSize
dossier_paper_size_for_locale (void)
{
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" };
  const char *locale = NULL;
  const char *underscore;
  g_autofree char *territory = NULL;
  gsize len;

  /* POSIX precedence: the first one set and not empty wins. */
  for (guint i = 0; i < G_N_ELEMENTS (vars) && locale == NULL; i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        locale = value;
    }

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return DOSSIER_PAPER_A4;

  len = strcspn (underscore + 1, ".@");
  territory = g_strndup (underscore + 1, len);
  if (g_strv_contains (letter_territories, territory))
    return DOSSIER_PAPER_LETTER;

  return DOSSIER_PAPER_A4;
}

void
dossier_export_options_init (DossierExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = DOSSIER_EXPORT_MARKDOWN;
  options->sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options->notes = DOSSIER_EXPORT_NOTES_NONE;
  options->local_time = FALSE;
  options->paper = dossier_paper_size_for_locale ();
}

gboolean
dossier_export_parse_sections (const char  *list,
                               guint       *out,
                               GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint set = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      DossierSection section;

      if (*name == '\0')
        continue;
      if (g_strcmp0 (name, "all") == 0)
        {
          set |= DOSSIER_EXPORT_ALL_SECTIONS;
          continue;
        }
      if (!dossier_section_from_string (name, &section))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                       _("Unknown section “%s”; use overview, entities, sources, breach, threat, reactions, release, timeline, notes or all"),
                       name);
          return FALSE;
        }
      set |= 1u << section;
    }

  if (set == 0)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("No section named in “%s”"), list);
      return FALSE;
    }

  *out = set;
  return TRUE;
}

gboolean
dossier_export_parse_notes (const char          *str,
                            DossierExportNotes  *mode_out,
                            const char         **arg_out,
                            GError             **error)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (mode_out != NULL, FALSE);
  g_return_val_if_fail (arg_out != NULL, FALSE);

  *arg_out = NULL;
  if (g_strcmp0 (str, "none") == 0)
    *mode_out = DOSSIER_EXPORT_NOTES_NONE;
  else if (g_strcmp0 (str, "all") == 0)
    *mode_out = DOSSIER_EXPORT_NOTES_ALL;
  else if (g_str_has_prefix (str, "tag:"))
    {
      if (str[4] == '\0')
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                       _("“tag:” needs a tag, as in tag:attribution"));
          return FALSE;
        }
      *mode_out = DOSSIER_EXPORT_NOTES_TAG;
      *arg_out = str + 4;
    }
  else if (*str == '\0')
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("--notes needs none, all, tag:TAG or a search query"));
      return FALSE;
    }
  else
    {
      *mode_out = DOSSIER_EXPORT_NOTES_QUERY;
      *arg_out = str;
    }

  return TRUE;
}
