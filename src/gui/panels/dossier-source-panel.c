/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-source-panel.h"

#include "dossier-text-block.h"

#define MAX_PLACE_CHARS 60

struct _DossierSourcePanel
{
  GtkWidget          parent_instance;

  gboolean           built;
  DossierCase       *dcase;
  char              *source_id;

  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (DossierSourcePanel, dossier_source_panel, GTK_TYPE_WIDGET)

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

static GtkWidget *
fact_new (const char *key,
          const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (key_label, "caption-heading");
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

static void
append_date_fact (GtkBox            *box,
                  const char        *key,
                  const DossierDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = dossier_date_format (date);
  gtk_box_append (box, fact_new (key, text));
}

static void
append_link (GtkBox     *box,
             const char *key,
             const char *url)
{
  GtkWidget *fact;
  g_autofree char *shown = NULL;

  if (url == NULL)
    return;

  shown = dossier_sanitize_display_text (url);
  fact = fact_new (key, shown);
  gtk_widget_add_css_class (gtk_widget_get_last_child (fact), "inert-link");

  if (dossier_link_is_safe (url))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Link…"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-link");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (url));
      gtk_box_append (GTK_BOX (fact), button);
    }
  else
    {
      GtkWidget *note = gtk_label_new (_("Not a web link: it is shown, never opened."));

      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_box_append (GTK_BOX (fact), note);
    }

  gtk_box_append (box, fact);
}

static void
clear_content (DossierSourcePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

/* The panel stays hidden until a citation is followed: the template is
 * built when the panel is first shown or used. */
static void
ensure_built (DossierSourcePanel *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
dossier_source_panel_map (GtkWidget *widget)
{
  ensure_built (DOSSIER_SOURCE_PANEL (widget));

  GTK_WIDGET_CLASS (dossier_source_panel_parent_class)->map (widget);
}

static void
dossier_source_panel_dispose (GObject *object)
{
  DossierSourcePanel *self = DOSSIER_SOURCE_PANEL (object);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SOURCE_PANEL);
  {
    GtkWidget *child;

    /* Unnamed template children are not disposed with the template. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->source_id, g_free);

  G_OBJECT_CLASS (dossier_source_panel_parent_class)->dispose (object);
}

static void
dossier_source_panel_class_init (DossierSourcePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_source_panel_dispose;
  widget_class->map = dossier_source_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-source-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourcePanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcePanel, content);
}

static void
dossier_source_panel_init (DossierSourcePanel *self)
{
}

GtkWidget *
dossier_source_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SOURCE_PANEL, NULL);
}

void
dossier_source_panel_set_case (DossierSourcePanel *self,
                               DossierCase        *dcase)
{
  g_return_if_fail (DOSSIER_IS_SOURCE_PANEL (self));

  g_set_object (&self->dcase, dcase);
  g_clear_pointer (&self->source_id, g_free);
  if (self->built)
    clear_content (self);
}

gboolean
dossier_source_panel_set_source (DossierSourcePanel *self,
                                 const char         *source_id)
{
  DossierSource *source;
  GtkWidget *title;
  GtkWidget *kind;
  const char * const *authors;
  GPtrArray *excerpt;
  GPtrArray *citations;
  char reliability;
  guint credibility;

  g_return_val_if_fail (DOSSIER_IS_SOURCE_PANEL (self), FALSE);

  ensure_built (self);

  if (self->dcase == NULL || source_id == NULL)
    return FALSE;

  source = dossier_case_get_source (self->dcase, source_id);
  if (source == NULL)
    return FALSE;

  g_free (self->source_id);
  self->source_id = g_strdup (source_id);
  clear_content (self);

  kind = gtk_label_new (dossier_source_kind_get_label (dossier_source_get_kind (source)));
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (kind), 0.0);
  gtk_box_append (self->content, kind);

  title = dossier_inline_label_new (dossier_source_get_title (source));
  gtk_widget_add_css_class (title, "title-3");
  gtk_box_append (self->content, title);

  if (dossier_source_get_publisher (source) != NULL)
    gtk_box_append (self->content, fact_new (_("Publisher"), dossier_source_get_publisher (source)));

  authors = dossier_source_get_authors (source);
  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);
      gtk_box_append (self->content, fact_new (g_strv_length ((char **) authors) > 1 ? _("Authors") : _("Author"), joined));
    }

  append_date_fact (self->content, _("Published"), dossier_source_get_published (source));
  append_date_fact (self->content, _("Accessed"), dossier_source_get_accessed (source));

  reliability = dossier_source_get_reliability (source);
  if (reliability != 0 && dossier_reliability_get_label (reliability) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%c — %s", reliability, dossier_reliability_get_label (reliability));
      gtk_box_append (self->content, fact_new (_("Reliability of the source"), text));
    }

  credibility = dossier_source_get_credibility (source);
  if (credibility != 0 && dossier_credibility_get_label (credibility) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u — %s", credibility, dossier_credibility_get_label (credibility));
      gtk_box_append (self->content, fact_new (_("Credibility of the information"), text));
    }

  excerpt = dossier_source_get_excerpt (source);
  if (excerpt != NULL && excerpt->len > 0)
    {
      GtkWidget *heading = gtk_label_new (_("Excerpt"));
      GtkWidget *block = dossier_text_block_new ();

      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), excerpt);
      gtk_box_append (self->content, heading);
      gtk_box_append (self->content, block);
    }

  append_link (self->content, _("Link"), dossier_source_get_url (source));
  append_link (self->content, _("Archived copy"), dossier_source_get_archived_url (source));

  citations = dossier_source_get_citations (source);
  {
    GtkWidget *heading;
    GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    g_autofree char *text = NULL;

    if (citations->len > 0)
      text = g_strdup_printf (ngettext ("Cited Once", "Cited %u Times", citations->len), citations->len);
    else
      text = g_strdup (_("Never Cited"));

    heading = gtk_label_new (text);
    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
    gtk_box_append (self->content, heading);

    for (guint i = 0; i < citations->len; i++)
      gtk_box_append (GTK_BOX (list), dossier_place_button_new (self->dcase, g_ptr_array_index (citations, i)));

    gtk_widget_add_css_class (list, "citing-places");
    gtk_box_append (self->content, list);
  }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0.0);

  return TRUE;
}

const char *
dossier_source_panel_get_source_id (DossierSourcePanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_PANEL (self), NULL);

  return self->source_id;
}
