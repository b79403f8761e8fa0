/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-overview-view.h"

#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"
#include "dossier-view.h"

struct _DossierOverviewView
{
  GtkWidget          parent_instance;

  DossierCase       *dcase;
  GtkWidget         *summary_widget;
  guint              rest_idle_id;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

static void dossier_overview_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierOverviewView, dossier_overview_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_overview_view_iface_init))

static void
make_row_open (GtkWidget  *row,
               const char *action,
               const char *target,
               const char *tooltip)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (target));
  gtk_widget_set_tooltip_text (row, tooltip);
}

static void
add_entity_row (DossierOverviewView *self,
                AdwPreferencesGroup *group,
                const char          *title,
                const char          *entity_id)
{
  GtkWidget *row;

  if (entity_id == NULL)
    return;

  row = dossier_action_row_new (title, dossier_case_get_entity_name (self->dcase, entity_id));
  if (dossier_case_get_entity (self->dcase, entity_id) != NULL)
    make_row_open (row, "win.show-entity", entity_id, _("Show who this is"));
  adw_preferences_group_add (group, row);
}

static gboolean
add_date_row (AdwPreferencesGroup *group,
              const char          *title,
              const DossierDate   *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return FALSE;

  text = dossier_date_format (date);
  adw_preferences_group_add (group, dossier_action_row_new (title, text));
  return TRUE;
}

static void
add_count_row (AdwPreferencesGroup *group,
               const char          *title,
               guint                count,
               const char          *view)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *row = dossier_action_row_new (title, NULL);
  GtkWidget *number = gtk_label_new (text);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), NULL);
  gtk_widget_add_css_class (number, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);
  if (view != NULL && count > 0)
    make_row_open (row, "win.view", view, NULL);
  adw_preferences_group_add (group, row);
}

static void
clear_content (DossierOverviewView *self)
{
  g_clear_handle_id (&self->rest_idle_id, g_source_remove);
  dossier_box_remove_all (self->content);
  self->summary_widget = NULL;
}

/* The counts and the warnings: below the fold at the default size. */
static void
build_below_fold (DossierOverviewView *self)
{
  DossierCase *dcase = self->dcase;
  GtkWidget *group;
  GPtrArray *warnings;

  /* Counts. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("In This Case"));
  add_count_row (ADW_PREFERENCES_GROUP (group), _("People and organizations"),
                 g_list_model_get_n_items (dossier_case_get_entities (dcase)), NULL);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Sources"),
                 g_list_model_get_n_items (dossier_case_get_sources (dcase)), "sources");
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Citations"),
                 dossier_case_get_citations (dcase)->len, NULL);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Reactions"),
                 g_list_model_get_n_items (dossier_case_get_reactions (dcase)), "reactions");
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Release plans"),
                 g_list_model_get_n_items (dossier_case_get_releases (dcase)), "release");
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Timeline events"),
                 g_list_model_get_n_items (dossier_case_get_events (dcase)), "timeline");
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Notes"),
                 g_list_model_get_n_items (dossier_case_get_notes (dcase)), "notes");
  gtk_box_append (self->content, group);

  /* Warnings: the file opened, but something looks like a mistake. */
  warnings = dossier_case_get_warnings (dcase);
  if (warnings != NULL && warnings->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Warnings"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The file opened, but these look like mistakes in it."));
      for (guint i = 0; i < warnings->len; i++)
        {
          const DossierProblem *problem = g_ptr_array_index (warnings, i);
          /* A warning about the whole file (a bundle's other reports) has no line. */
          g_autofree char *line = problem->line > 0 ? g_strdup_printf (_("Line %u"), problem->line) : NULL;
          GtkWidget *row = dossier_action_row_new (problem->message, line);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_widget_add_css_class (group, "warnings");
      gtk_box_append (self->content, group);
    }
}

static gboolean
build_below_fold_cb (gpointer user_data)
{
  DossierOverviewView *self = user_data;

  self->rest_idle_id = 0;
  build_below_fold (self);

  return G_SOURCE_REMOVE;
}

static void
build (DossierOverviewView *self)
{
  DossierCase *dcase = self->dcase;
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title;
  GtkWidget *status_line;
  GtkWidget *group;
  GPtrArray *summary;
  gboolean has_glance = FALSE;

  /* Title, subtitle, status, last update. */
  title = dossier_inline_label_new (dossier_case_get_title (dcase));
  gtk_widget_add_css_class (title, "case-title");
  gtk_box_append (GTK_BOX (header), title);

  if (dossier_case_get_subtitle (dcase) != NULL)
    {
      GtkWidget *subtitle = dossier_inline_label_new (dossier_case_get_subtitle (dcase));

      gtk_widget_add_css_class (subtitle, "case-subtitle");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (header), subtitle);
    }

  status_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (status_line, 6);
  if (dossier_case_get_status (dcase) != DOSSIER_CASE_STATUS_NONE)
    {
      g_autofree char *text = g_strdup_printf (_("Case %s"), dossier_case_status_get_label (dossier_case_get_status (dcase)));
      GtkWidget *status = gtk_label_new (text);

      gtk_widget_add_css_class (status, "certainty-pill");
      gtk_widget_add_css_class (status,
                                dossier_case_get_status (dcase) == DOSSIER_CASE_STATUS_OPEN
                                ? "certainty-reported" : "certainty-unverified");
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (status_line), status);
    }
  if (dossier_case_get_updated (dcase) != NULL)
    {
      g_autofree char *date = dossier_date_format (dossier_case_get_updated (dcase));
      g_autofree char *text = g_strdup_printf (_("Last updated %s"), date);
      GtkWidget *updated = gtk_label_new (text);

      gtk_widget_add_css_class (updated, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (updated), TRUE);
      gtk_label_set_xalign (GTK_LABEL (updated), 0.0);
      gtk_box_append (GTK_BOX (status_line), updated);
    }
  gtk_box_append (GTK_BOX (header), status_line);
  gtk_box_append (self->content, header);

  /* Summary. */
  summary = dossier_case_get_summary (dcase);
  if (summary != NULL && summary->len > 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), summary);
      gtk_box_append (GTK_BOX (box), dossier_heading_new (_("Summary")));
      gtk_box_append (GTK_BOX (box), block);
      gtk_box_append (GTK_BOX (box), dossier_certainty_legend_button_new ());
      gtk_box_append (self->content, box);
      self->summary_widget = box;
    }

  /* The key facts at a glance. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("At a Glance"));
  if (breach != NULL)
    {
      if (dossier_breach_get_victim (breach) != NULL || dossier_breach_get_claimed_by (breach) != NULL)
        has_glance = TRUE;
      add_entity_row (self, ADW_PREFERENCES_GROUP (group), _("Victim"), dossier_breach_get_victim (breach));
      add_entity_row (self, ADW_PREFERENCES_GROUP (group), _("Claimed by"), dossier_breach_get_claimed_by (breach));
      has_glance |= add_date_row (ADW_PREFERENCES_GROUP (group), _("Discovered"), dossier_breach_get_discovered (breach));
      has_glance |= add_date_row (ADW_PREFERENCES_GROUP (group), _("Disclosed"), dossier_breach_get_disclosed (breach));
    }
  if (screen != NULL)
    has_glance |= add_date_row (ADW_PREFERENCES_GROUP (group), _("Deadline set by the attackers"),
                                dossier_threat_screen_get_deadline (screen));
  if (has_glance)
    gtk_box_append (self->content, group);
  else
    {
      g_object_ref_sink (group);
      g_object_unref (group);
    }

  /* What lies below the fold at the default size comes after the
   * window's first frame; a view already on screen (a reload) gets
   * everything at once, so that nothing blinks. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_below_fold (self);
  else
    self->rest_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_below_fold_cb, self, NULL);
}

static void
dossier_overview_view_set_case (DossierView *view,
                                DossierCase *dcase)
{
  DossierOverviewView *self = DOSSIER_OVERVIEW_VIEW (view);

  dossier_view_ensure_built (view);
  g_set_object (&self->dcase, dcase);
  clear_content (self);

  if (dcase == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
dossier_overview_view_reveal (DossierView        *view,
                              const DossierPlace *place)
{
  DossierOverviewView *self = DOSSIER_OVERVIEW_VIEW (view);
  GtkWidget *target;

  if (self->dcase == NULL)
    return FALSE;
  dossier_view_ensure_built (view);

  /* The overview's citations are all in its summary. */
  target = self->summary_widget != NULL ? self->summary_widget : gtk_widget_get_first_child (GTK_WIDGET (self->content));
  if (target == NULL)
    return FALSE;

  dossier_widget_reveal (target, NULL);
  return TRUE;
}

static void
dossier_overview_view_dispose (GObject *object)
{
  DossierOverviewView *self = DOSSIER_OVERVIEW_VIEW (object);

  g_clear_handle_id (&self->rest_idle_id, g_source_remove);
  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_overview_view_parent_class)->dispose (object);
}

static void
dossier_overview_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "overview";
  iface->title = N_("Overview");
  iface->icon_name = "x-office-document-symbolic";
  iface->empty_icon_name = "x-office-document-symbolic";
  iface->set_case = dossier_overview_view_set_case;
  iface->reveal = dossier_overview_view_reveal;
}

static void
dossier_overview_view_class_init (DossierOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_overview_view_dispose;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierOverviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierOverviewView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierOverviewView, content);
}

static void
dossier_overview_view_init (DossierOverviewView *self)
{
}

GtkWidget *
dossier_overview_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_OVERVIEW_VIEW, NULL);
}

gboolean
dossier_overview_view_is_empty (DossierOverviewView *self)
{
  g_return_val_if_fail (DOSSIER_IS_OVERVIEW_VIEW (self), TRUE);

  return self->dcase == NULL;
}
