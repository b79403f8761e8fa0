/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-command-line.h"
#include "dossier-export-command.h"
#include "dossier-library-command.h"
#include "dossier-search-command.h"
#include "dossier-validate-command.h"

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check case files and report every problem; needs no display"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print what QUERY finds in the case files, one hit a line; needs no display"),
    N_("QUERY") },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a summary of the case file as markdown, html, text or pdf, its timeline chart as timeline-svg or timeline-png, or the case as stix, csl-json, timesketch or timesketch-csv; needs no display"),
    N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export: write to FILE instead of standard output"), N_("FILE") },
  { "sections", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the sections to include, comma-separated (default: all)"),
    N_("LIST") },
  { "notes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: which notes to include: none, all, tag:TAG or a search query"),
    N_("NOTES") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: replace the output file if it exists"), NULL },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open at this tab: overview, breach, threat, reactions, release, sources, notes or timeline"),
    N_("VIEW") },
  { "library-db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this case library instead of the default one"), N_("FILE") },
  { "library-add", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Add a folder to the case library (its case files, in all its subfolders)"),
    N_("FOLDER") },
  { "library-update", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Bring the case library up to date with its folders; needs no display"), NULL },
  { "library-search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print what QUERY finds in every case of the library, one hit a line; needs no display"),
    N_("QUERY") },
  { "library-list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the cases of the library, one a line; needs no display"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

void
dossier_command_line_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_parameter_string (app, _("— view investigation case files"));
}

int
dossier_command_line_handle (GVariantDict *options)
{
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("dossier %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "library-db") || g_variant_dict_contains (options, "library-add")
      || g_variant_dict_contains (options, "library-update")
      || g_variant_dict_contains (options, "library-search")
      || g_variant_dict_contains (options, "library-list"))
    {
      g_autofree const char **add = NULL;
      DossierLibraryCommand command = { NULL, };

      g_variant_dict_lookup (options, "library-db", "^&ay", &command.db_path);
      g_variant_dict_lookup (options, "library-add", "^a&ay", &add);
      g_variant_dict_lookup (options, "library-search", "&s", &command.search);
      command.add = add;
      command.list = g_variant_dict_contains (options, "library-list");
      return dossier_library_command (&command, stdout, stderr);
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("%s\n", _("dossier: --validate needs at least one FILE"));
          return 2;
        }
      return dossier_validate_command (files, stdout, stderr);
    }

  if (g_variant_dict_contains (options, "search"))
    {
      const char *query = NULL;

      g_variant_dict_lookup (options, "search", "&s", &query);
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("%s\n", _("dossier: --search needs at least one FILE"));
          return 2;
        }
      return dossier_search_command (query, files, stdout, stderr);
    }

  if (g_variant_dict_contains (options, "export"))
    {
      const char *format = NULL;
      const char *output = NULL;
      const char *sections = NULL;
      const char *notes = NULL;

      g_variant_dict_lookup (options, "export", "&s", &format);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "sections", "&s", &sections);
      g_variant_dict_lookup (options, "notes", "&s", &notes);
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          g_printerr ("%s\n", _("dossier: --export needs exactly one FILE"));
          return 2;
        }
      return dossier_export_command (files[0], format, output, sections, notes,
                                     g_variant_dict_contains (options, "force"),
                                     stdout, stderr);
    }

  if (g_variant_dict_contains (options, "output") || g_variant_dict_contains (options, "sections") ||
      g_variant_dict_contains (options, "notes") || g_variant_dict_contains (options, "force"))
    {
      g_printerr ("%s\n", _("dossier: --output, --sections, --notes and --force go with --export"));
      return 2;
    }

  return -1;
}
