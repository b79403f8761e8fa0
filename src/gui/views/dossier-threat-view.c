/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-threat-view.h"

#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

struct _DossierThreatView
{
  GtkWidget          parent_instance;

  DossierCase       *dcase;
  GtkWidget         *screen_card;
  GPtrArray         *links;        /* index -> widget (borrowed) */

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

static void dossier_threat_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierThreatView, dossier_threat_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_threat_view_iface_init))

static GtkWidget *
image_new (DossierThreatScreen *screen)
{
  GFile *file = dossier_threat_screen_get_image_file (screen);
  const char *description = dossier_threat_screen_get_image_description (screen);
  const char *problem = dossier_threat_screen_get_image_problem (screen);
  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *title;

  if (file != NULL)
    {
      GtkWidget *picture = gtk_picture_new_for_file (file);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_size_request (picture, -1, 240);
      if (description != NULL)
        {
          g_autofree char *safe = dossier_sanitize_display_text (description);
          gtk_picture_set_alternative_text (GTK_PICTURE (picture), safe);
        }
      return picture;
    }

  /* No image to show: say what it showed and why it is not here. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (box, "threat-image-placeholder");

  icon = gtk_image_new_from_icon_name ("image-missing-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);

  title = gtk_label_new (_("Image described, not shown"));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (description != NULL)
    {
      GtkWidget *label = dossier_text_label_new (description);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (problem != NULL)
    {
      GtkWidget *label = dossier_text_label_new (problem);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static GtkWidget *
screen_card_new (DossierThreatScreen *screen)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *headline = dossier_inline_label_new (dossier_threat_screen_get_headline (screen));
  GPtrArray *message = dossier_threat_screen_get_message (screen);

  gtk_widget_add_css_class (card, "threat-screen");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The screen as the victims saw it"),
                                  -1);

  gtk_widget_add_css_class (headline, "threat-headline");
  gtk_label_set_xalign (GTK_LABEL (headline), 0.5);
  gtk_label_set_justify (GTK_LABEL (headline), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (card), headline);

  if (dossier_threat_screen_has_image (screen))
    gtk_box_append (GTK_BOX (card), image_new (screen));

  if (message != NULL && message->len > 0)
    {
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), message);
      gtk_box_append (GTK_BOX (card), block);
    }

  if (dossier_threat_screen_get_demand (screen) != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *key = gtk_label_new (_("Demand"));
      GtkWidget *demand = dossier_inline_label_new (dossier_threat_screen_get_demand (screen));

      gtk_widget_add_css_class (key, "caption-heading");
      gtk_widget_add_css_class (key, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (key), 0.0);
      gtk_widget_add_css_class (demand, "threat-demand");
      gtk_box_append (GTK_BOX (box), key);
      gtk_box_append (GTK_BOX (box), demand);
      gtk_box_append (GTK_BOX (card), box);
    }

  return card;
}

static void
clear_content (DossierThreatView *self)
{
  dossier_box_remove_all (self->content);
  self->screen_card = NULL;
  g_ptr_array_set_size (self->links, 0);
}

static void
build (DossierThreatView   *self,
       DossierThreatScreen *screen)
{
  DossierBreach *breach = dossier_case_get_breach (self->dcase);
  const DossierDate *deadline = dossier_threat_screen_get_deadline (screen);
  GPtrArray *links = dossier_threat_screen_get_shown_links (screen);
  GtkWidget *group;
  gboolean any = FALSE;

  gtk_box_append (self->content, dossier_heading_new (_("What the Victims Saw")));
  self->screen_card = screen_card_new (screen);
  gtk_box_append (self->content, self->screen_card);

  /* When, where, by whom; the deadline in both zones. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("About the Screen"));

  if (dossier_threat_screen_get_shown (screen) != NULL)
    {
      g_autofree char *text = dossier_date_format (dossier_threat_screen_get_shown (screen));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dossier_action_row_new (_("Shown"), text));
      any = TRUE;
    }
  if (dossier_threat_screen_get_shown_on (screen) != NULL)
    {
      g_autofree char *text = dossier_inline_to_plain (dossier_threat_screen_get_shown_on (screen));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dossier_action_row_new (_("Shown on"), text));
      any = TRUE;
    }
  if (dossier_threat_screen_get_sender (screen) != NULL)
    {
      const char *sender = dossier_threat_screen_get_sender (screen);
      GtkWidget *row = dossier_action_row_new (_("Sent by"), dossier_case_get_entity_name (self->dcase, sender));

      if (dossier_case_get_entity (self->dcase, sender) != NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-entity");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (sender));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      any = TRUE;
    }
  if (deadline != NULL)
    {
      g_autofree char *utc = dossier_date_format (deadline);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dossier_action_row_new (_("Deadline"), utc));

      if (dossier_date_is_instant (deadline))
        {
          g_autofree char *local = dossier_date_format_in_zone (deadline, NULL);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dossier_action_row_new (_("Deadline in your time zone"), local));
        }

      if (breach != NULL && dossier_breach_get_discovered (breach) != NULL)
        {
          gint64 span = dossier_date_get_sort_key (deadline) -
                        dossier_date_get_sort_key (dossier_breach_get_discovered (breach));
          g_autofree char *duration = dossier_format_duration (span >= 0 ? span : -span);
          g_autofree char *text = NULL;

          if (span >= 0)
            text = g_strdup_printf (_("%s after the breach was discovered"), duration);
          else
            text = g_strdup_printf (_("%s before the breach was discovered"), duration);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dossier_action_row_new (_("Time given"), text));
        }
      any = TRUE;
    }
  if (any)
    gtk_box_append (self->content, group);
  else
    {
      g_object_ref_sink (group);
      g_object_unref (group);
    }

  /* Links printed on the screen: evidence, never links. */
  if (links->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *note = gtk_label_new (_("These addresses were printed on the screen. They are shown as evidence and are never opened."));
      GtkWidget *list = gtk_list_box_new ();

      gtk_box_append (GTK_BOX (box), dossier_heading_new (_("Links on the Screen")));
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < links->len; i++)
        {
          const DossierShownLink *link = g_ptr_array_index (links, i);
          GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          GtkWidget *href = dossier_text_label_new (link->href != NULL ? link->href : "");
          GtkWidget *inert = gtk_label_new (_("Not opened"));
          GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          GtkWidget *row = gtk_list_box_row_new ();

          gtk_widget_set_margin_top (item, 10);
          gtk_widget_set_margin_bottom (item, 10);
          gtk_widget_set_margin_start (item, 12);
          gtk_widget_set_margin_end (item, 12);
          gtk_widget_add_css_class (href, "inert-link");
          gtk_widget_set_hexpand (href, TRUE);
          gtk_widget_add_css_class (inert, "certainty-pill");
          gtk_widget_add_css_class (inert, "certainty-unverified");
          gtk_widget_set_valign (inert, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (top), href);
          gtk_box_append (GTK_BOX (top), inert);
          gtk_box_append (GTK_BOX (item), top);

          if (link->text != NULL)
            {
              g_autofree char *words = dossier_inline_to_plain (link->text);

              if (words != NULL && *words != '\0' && g_strcmp0 (words, link->href) != 0)
                {
                  GtkWidget *text = dossier_text_label_new (words);

                  gtk_widget_add_css_class (text, "dim-label");
                  gtk_box_append (GTK_BOX (item), text);
                }
            }

          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), item);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_widget_set_focusable (row, FALSE);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_ptr_array_add (self->links, row);
        }
      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (self->content, box);
    }
}

static void
dossier_threat_view_set_case (DossierView *view,
                              DossierCase *dcase)
{
  DossierThreatView *self = DOSSIER_THREAT_VIEW (view);
  DossierThreatScreen *screen;

  dossier_view_ensure_built (view);
  g_set_object (&self->dcase, dcase);
  clear_content (self);

  screen = dcase != NULL ? dossier_case_get_threat_screen (dcase) : NULL;
  if (screen == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build (self, screen);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
dossier_threat_view_reveal (DossierView        *view,
                            const DossierPlace *place)
{
  DossierThreatView *self = DOSSIER_THREAT_VIEW (view);
  GtkWidget *target = NULL;

  if (dossier_threat_view_is_empty (self))
    return FALSE;

  if (place->item_index >= 0 && (guint) place->item_index < self->links->len)
    target = g_ptr_array_index (self->links, place->item_index);
  else
    target = self->screen_card;

  if (target == NULL)
    return FALSE;

  dossier_widget_reveal (target, NULL);
  return TRUE;
}

static void
dossier_threat_view_dispose (GObject *object)
{
  DossierThreatView *self = DOSSIER_THREAT_VIEW (object);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_THREAT_VIEW);
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_threat_view_parent_class)->dispose (object);
}

static void
dossier_threat_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "threat";
  iface->title = N_("Threat Screen");
  iface->icon_name = "video-display-symbolic";
  iface->empty_icon_name = "video-display-symbolic";
  iface->set_case = dossier_threat_view_set_case;
  iface->reveal = dossier_threat_view_reveal;
}

static void
dossier_threat_view_class_init (DossierThreatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_threat_view_dispose;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-threat-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierThreatView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierThreatView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierThreatView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierThreatView, content);
}

static void
dossier_threat_view_init (DossierThreatView *self)
{
  self->links = g_ptr_array_new ();
}

GtkWidget *
dossier_threat_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_THREAT_VIEW, NULL);
}

gboolean
dossier_threat_view_is_empty (DossierThreatView *self)
{
  g_return_val_if_fail (DOSSIER_IS_THREAT_VIEW (self), TRUE);

  /* Not built: never given a case. */
  if (!dossier_view_is_built (DOSSIER_VIEW (self)))
    return TRUE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
