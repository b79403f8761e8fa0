/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "dossier-view-rows.h"

static GtkWidget *
title_label_new (const char *text,
                 const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

GtkWidget *
dossier_heading_new (const char *text)
{
  return title_label_new (text, "section-title");
}

GtkWidget *
dossier_subheading_new (const char *text)
{
  return title_label_new (text, "heading");
}

GtkWidget *
dossier_action_row_new (const char *title,
                        const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *safe = dossier_sanitize_display_text (subtitle != NULL ? subtitle : "");

  /* Case text is never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), safe);

  return row;
}

GtkWidget *
dossier_text_label_new (const char *text)
{
  g_autofree char *safe = dossier_sanitize_display_text (text);
  GtkWidget *label = gtk_label_new (safe);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  return label;
}

GtkWidget *
dossier_fact_new (const char *key,
                  const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = dossier_text_label_new (value);

  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

GtkWidget *
dossier_pill_new (const char *text,
                  const char *style_class,
                  const char *accessible_label)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dossier-pill");
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    -1);

  return label;
}

const char *
dossier_certainty_style (DossierCertainty certainty)
{
  switch (certainty)
    {
    case DOSSIER_CERTAINTY_CONFIRMED:
      return "success";
    case DOSSIER_CERTAINTY_REPORTED:
      return "accent";
    case DOSSIER_CERTAINTY_ALLEGED:
      return "warning";
    case DOSSIER_CERTAINTY_DISPUTED:
      return "error";
    case DOSSIER_CERTAINTY_UNVERIFIED:
    case DOSSIER_CERTAINTY_NONE:
    default:
      return "dim-label";
    }
}

char *
dossier_inline_to_display (const DossierInline *node)
{
  g_autofree char *plain = NULL;

  if (node == NULL)
    return g_strdup ("");

  plain = dossier_inline_to_plain (node);
  return dossier_sanitize_display_text (plain);
}

static void
ellipsized_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
ellipsized_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

GtkListItemFactory *
dossier_ellipsized_factory_new (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (ellipsized_setup_cb),
                    GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (ellipsized_bind_cb), NULL);

  return factory;
}

void
dossier_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
dossier_list_box_remove_all (GtkListBox *list_box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}
