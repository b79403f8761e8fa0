/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-command-line.h"
#include "dossier-validate-command.h"

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check case files and report every problem; needs no display"), NULL },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open at this tab: overview, breach, threat, reactions, release, sources, notes or timeline"),
    N_("VIEW") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

void
dossier_command_line_add_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_parameter_string (app, _("[FILE…] — view investigation case files"));
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

  if (g_variant_dict_contains (options, "validate"))
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("%s\n", _("dossier: --validate needs at least one FILE"));
          return 2;
        }
      return dossier_validate_command (files, stdout, stderr);
    }

  return -1;
}
