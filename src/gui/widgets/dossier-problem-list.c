/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-problem-list.h"

#include "dossier-core.h"
#include "dossier-view-rows.h"

void
dossier_problem_list_fill (GtkBox    *box,
                           GPtrArray *problems)
{
  g_autofree char *count = NULL;
  GtkWidget *heading;

  g_return_if_fail (GTK_IS_BOX (box));

  dossier_box_remove_all (box);
  if (problems == NULL || problems->len == 0)
    return;

  count = g_strdup_printf (ngettext ("%u Warning", "%u Warnings", problems->len), problems->len);
  heading = gtk_label_new (count);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_box_append (box, heading);

  for (guint i = 0; i < problems->len; i++)
    {
      const DossierProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (box, label);
    }
}

char *
dossier_problem_list_first_line (const GError *error)
{
  const char *newline;

  g_return_val_if_fail (error != NULL, NULL);

  newline = strchr (error->message, '\n');
  if (newline == NULL)
    return g_strdup (error->message);

  return g_strndup (error->message, newline - error->message);
}
