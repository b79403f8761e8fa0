/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-place-button.h"

/* An item's name is cut to this many characters in a description. */
#define MAX_PLACE_CHARS 60

static char *
shorten (char *text)
{
  if (text != NULL && g_utf8_strlen (text, -1) > MAX_PLACE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_PLACE_CHARS - 1);
      char *shorter;

      *end = '\0';
      shorter = g_strconcat (text, "…", NULL);
      g_free (text);
      return shorter;
    }

  return text;
}

static char *
describe_item (DossierCase        *dcase,
               const DossierPlace *place)
{
  GObject *item = place->item_id != NULL ? dossier_case_lookup (dcase, place->item_id) : NULL;

  if (item != NULL)
    {
      if (DOSSIER_IS_HYPOTHESIS (item))
        return g_strdup_printf (_("hypothesis: %s"),
                                dossier_case_get_entity_name (dcase, dossier_hypothesis_get_actor (DOSSIER_HYPOTHESIS (item))));
      if (DOSSIER_IS_REACTION (item))
        {
          g_autofree char *date = dossier_date_format (dossier_reaction_get_date (DOSSIER_REACTION (item)));

          return g_strdup_printf (_("%s, %s"),
                                  dossier_case_get_entity_name (dcase, dossier_reaction_get_actor (DOSSIER_REACTION (item))),
                                  date);
        }
      if (DOSSIER_IS_EVENT (item))
        return dossier_inline_to_plain (dossier_event_get_title (DOSSIER_EVENT (item)));
      if (DOSSIER_IS_NOTE (item))
        return dossier_inline_to_plain (dossier_note_get_title (DOSSIER_NOTE (item)));
      if (DOSSIER_IS_ENTITY (item))
        return g_strdup (dossier_entity_get_name (DOSSIER_ENTITY (item)));
      if (DOSSIER_IS_SOURCE (item))
        return dossier_inline_to_plain (dossier_source_get_title (DOSSIER_SOURCE (item)));
    }

  if (place->item_index >= 0)
    {
      switch (place->section)
        {
        case DOSSIER_SECTION_BREACH:
          return g_strdup_printf (_("exposed data, item %d"), place->item_index + 1);
        case DOSSIER_SECTION_THREAT:
          return g_strdup_printf (_("link %d on the screen"), place->item_index + 1);
        case DOSSIER_SECTION_RELEASE:
          return g_strdup_printf (_("plan %d"), place->item_index + 1);
        default:
          return g_strdup_printf (_("item %d"), place->item_index + 1);
        }
    }

  return NULL;
}

char *
dossier_place_describe (DossierCase        *dcase,
                        const DossierPlace *place)
{
  g_autofree char *item = NULL;
  g_autofree char *plain = NULL;
  GString *text;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (place != NULL, NULL);

  text = g_string_new (NULL);
  if (place->number > 0)
    g_string_append_printf (text, "[%u] ", place->number);

  g_string_append (text, dossier_section_get_label (place->section));

  item = shorten (describe_item (dcase, place));
  if (item != NULL)
    g_string_append_printf (text, " · %s", item);

  if (place->at != NULL)
    g_string_append_printf (text, ", %s", place->at);

  plain = g_string_free (text, FALSE);
  return dossier_sanitize_display_text (plain);
}

GtkWidget *
dossier_place_button_new (DossierCase        *dcase,
                          const DossierPlace *place)
{
  g_autofree char *description = dossier_place_describe (dcase, place);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (description);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Go to this place"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-place");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(ssi)",
                                                         dossier_section_to_string (place->section),
                                                         place->item_id != NULL ? place->item_id : "",
                                                         place->item_index));
  return button;
}
