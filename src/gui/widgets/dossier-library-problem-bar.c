/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-library-problem-bar.h"

#include "dossier-core.h"

struct _DossierLibraryProblemBar
{
  GtkWidget             parent_instance;

  DossierLibraryClient *client;
  GtkWidget            *revealer;
  GtkWidget            *label;
};

G_DEFINE_FINAL_TYPE (DossierLibraryProblemBar, dossier_library_problem_bar, GTK_TYPE_WIDGET)

static void
on_problem_changed_cb (DossierLibraryProblemBar *self)
{
  const char *problem = self->client != NULL ? dossier_library_client_get_problem (self->client) : NULL;

  if (problem != NULL)
    {
      g_autofree char *shown = dossier_sanitize_display_text (problem);
      g_auto(GStrv) words = g_strsplit_set (shown, " \t\n", -1);
      GString *text = g_string_new (NULL);

      /* One paragraph: a server's message may come in several lines. */
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_string_append_printf (text, text->len > 0 ? " %s" : "%s", words[i]);
      gtk_label_set_text (GTK_LABEL (self->label), text->str);
      g_string_free (text, TRUE);
    }
  /* The text stays while the bar slides away. */
  if (problem != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), problem != NULL);
}

/* Hidden once it slid away, so that it takes no spacing in a box. */
static void
on_child_revealed_cb (DossierLibraryProblemBar *self)
{
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer)) &&
      !gtk_revealer_get_child_revealed (GTK_REVEALER (self->revealer)))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
dossier_library_problem_bar_dispose (GObject *object)
{
  DossierLibraryProblemBar *self = DOSSIER_LIBRARY_PROBLEM_BAR (object);

  dossier_library_problem_bar_set_client (self, NULL);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_library_problem_bar_parent_class)->dispose (object);
}

static void
dossier_library_problem_bar_class_init (DossierLibraryProblemBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_library_problem_bar_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "library-problem-bar");
}

static void
dossier_library_problem_bar_init (DossierLibraryProblemBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button;

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (self->label), TRUE);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  /* Where to go to choose another library, or the file again. */
  button = gtk_button_new_with_mnemonic (_("_Preferences"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.library-preferences");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Library Preferences"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "library-problem");

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
dossier_library_problem_bar_new (void)
{
  return g_object_new (DOSSIER_TYPE_LIBRARY_PROBLEM_BAR, NULL);
}

void
dossier_library_problem_bar_set_client (DossierLibraryProblemBar *self,
                                        DossierLibraryClient     *client)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_PROBLEM_BAR (self));
  g_return_if_fail (client == NULL || DOSSIER_IS_LIBRARY_CLIENT (client));

  if (client == self->client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, on_problem_changed_cb, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::problem", G_CALLBACK (on_problem_changed_cb),
                             self, G_CONNECT_SWAPPED);
  on_problem_changed_cb (self);
}

const char *
dossier_library_problem_bar_get_message (DossierLibraryProblemBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_PROBLEM_BAR (self), NULL);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->label));
}
