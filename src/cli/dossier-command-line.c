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
    N_("Print what QUERY finds in the case files, or without FILE in the case library, one hit a line; needs no display"),
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
    N_("Use this case library instead of the default one: a file, or a PostgreSQL connection string for a team library"), N_("FILE") },
  { "library-add", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Add FOLDER and the folders after it to the case library (their case files, in all their subfolders)"),
    N_("FOLDER") },
  { "library-remove", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Remove FOLDER and the folders after it from the case library, with their cases"), N_("FOLDER") },
  { "library-update", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Bring the case library up to date with its folders; needs no display"), NULL },
  { "library-search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print what QUERY finds in every case of the library, one hit a line; needs no display"),
    N_("QUERY") },
  { "library-list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the cases of the library, one a line; needs no display"), NULL },
  { "library-init", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Make or update the team library that --library-db names on a PostgreSQL server; needs no display"),
    NULL },
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

static const char * const library_options[] = {
  "library-db", "library-add", "library-remove", "library-update", "library-search", "library-list",
  "library-init",
};

/* A library option, or --search without a file: the library. */
static gboolean
is_library_command (GVariantDict       *options,
                    const char * const *files)
{
  for (guint i = 0; i < G_N_ELEMENTS (library_options); i++)
    if (g_variant_dict_contains (options, library_options[i]))
      {
        /* --library-db beside --search FILE… searches the files. */
        return !g_variant_dict_contains (options, "search") || files == NULL || files[0] == NULL
               || g_variant_dict_contains (options, "library-add")
               || g_variant_dict_contains (options, "library-remove");
      }
  return g_variant_dict_contains (options, "search") && (files == NULL || files[0] == NULL);
}

/* @first (an option's values) and then @rest (the remaining arguments),
 * in one array that borrows their strings. */
static const char **
join_folders (const char * const *first,
              const char * const *rest)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; first != NULL && first[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) first[i]);
  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) rest[i]);
  g_ptr_array_add (all, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&all), FALSE);
}

/* `--library-add DIR…` and `--library-remove DIR…` take the remaining
 * arguments as folders; the other library commands take none. */
static int
handle_library (GVariantDict       *options,
                const char * const *files)
{
  g_autofree const char **add = NULL;
  g_autofree const char **remove = NULL;
  g_autofree const char **add_all = NULL;
  g_autofree const char **remove_all = NULL;
  gboolean has_files = files != NULL && files[0] != NULL;
  DossierLibraryCommand command = { NULL, };

  g_variant_dict_lookup (options, "library-db", "^&ay", &command.db_path);
  g_variant_dict_lookup (options, "library-add", "^a&ay", &add);
  g_variant_dict_lookup (options, "library-remove", "^a&ay", &remove);
  if (!g_variant_dict_lookup (options, "search", "&s", &command.search))
    g_variant_dict_lookup (options, "library-search", "&s", &command.search);
  command.list = g_variant_dict_contains (options, "library-list");
  command.init = g_variant_dict_contains (options, "library-init");

  if (has_files && add != NULL && remove != NULL)
    {
      g_printerr ("%s\n", _("dossier: with both --library-add and --library-remove, "
                            "give each folder as --library-add=FOLDER or --library-remove=FOLDER"));
      return 2;
    }
  if (has_files && add == NULL && remove == NULL)
    {
      g_printerr ("%s\n", _("dossier: only --library-add and --library-remove take FOLDER arguments"));
      return 2;
    }
  add_all = join_folders (add, remove == NULL ? files : NULL);
  remove_all = join_folders (remove, add == NULL ? files : NULL);
  command.add = add_all;
  command.remove = remove_all;
  return dossier_library_command (&command, stdout, stderr);
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

  if (is_library_command (options, files))
    return handle_library (options, files);

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

      /* Without a file, is_library_command() took it. */
      g_variant_dict_lookup (options, "search", "&s", &query);
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
