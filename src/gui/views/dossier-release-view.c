/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-release-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-text-block.h"

struct _DossierReleaseView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  AdwClamp          *clamp;
  GtkLabel          *work_label;
  GtkLabel          *count_label;
  GtkListBox        *list_box;

  DossierCase       *dcase;

  gboolean           built;
};

G_DEFINE_FINAL_TYPE (DossierReleaseView, dossier_release_view, GTK_TYPE_WIDGET)

static GtkWidget *
text_label_new (const char *text,
                const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

static GtkWidget *
pill_new (const char *text,
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

static const char *
status_style (DossierReleaseStatus status)
{
  switch (status)
    {
    case DOSSIER_RELEASE_RELEASED:
      return "success";
    case DOSSIER_RELEASE_POSTPONED:
      return "warning";
    case DOSSIER_RELEASE_CANCELLED:
    case DOSSIER_RELEASE_LEAKED:
      return "error";
    case DOSSIER_RELEASE_PLANNED:
    default:
      return "accent";
    }
}

static const char *
certainty_style (DossierCertainty certainty)
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

/* "Moved 76 days later than the previous plan", or NULL when either plan
 * has no date. */
static char *
format_move (const DossierDate *previous,
             const DossierDate *current)
{
  gint64 delta;
  g_autofree char *duration = NULL;

  if (previous == NULL || current == NULL)
    return NULL;

  delta = dossier_date_get_sort_key (current) - dossier_date_get_sort_key (previous);
  if (delta == 0)
    return g_strdup (_("Same date as the previous plan"));

  duration = dossier_format_duration (delta > 0 ? delta : -delta);
  if (delta > 0)
    /* Translators: %s is a span of time: "2 days", "about 2 months" */
    return g_strdup_printf (_("Moved %s later than the previous plan"), duration);
  else
    /* Translators: %s is a span of time: "2 days", "about 2 months" */
    return g_strdup_printf (_("Moved %s earlier than the previous plan"), duration);
}

static GtkWidget *
release_card_new (DossierReleaseView *self,
                  DossierRelease     *release,
                  DossierRelease     *previous,
                  guint               position,
                  guint               n_releases)
{
  GtkWidget *card;
  GtkWidget *header;
  GtkWidget *label;
  DossierReleaseStatus status = dossier_release_get_status (release);
  DossierCertainty certainty = dossier_release_get_certainty (release);
  const DossierDate *date = dossier_release_get_date (release);
  const DossierDate *announced = dossier_release_get_announced (release);
  const DossierInline *market = dossier_release_get_market (release);
  GPtrArray *summary = dossier_release_get_summary (release);
  g_autofree char *plan_text = NULL;
  g_autofree char *date_text = NULL;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dossier-card");

  /* The plan's number and its pills on one line, the date below: a long
   * date then wraps on its own in narrow windows. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: "Plan 2 of 3": the release plans in order of announcement */
  plan_text = g_strdup_printf (_("Plan %u of %u"), position + 1, n_releases);
  label = text_label_new (plan_text, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);
  {
    g_autofree char *a11y = g_strdup_printf (_("Status: %s"),
                                             dossier_release_status_get_label (status));

    label = pill_new (dossier_release_status_get_label (status), status_style (status), a11y);
    gtk_widget_add_css_class (label, "dossier-status");
    gtk_box_append (GTK_BOX (header), label);
  }
  if (certainty != DOSSIER_CERTAINTY_NONE)
    {
      g_autofree char *a11y = g_strdup_printf (_("Certainty: %s"),
                                               dossier_certainty_get_label (certainty));

      label = pill_new (dossier_certainty_get_label (certainty), certainty_style (certainty), a11y);
      gtk_widget_set_tooltip_text (label, dossier_certainty_get_description (certainty));
      gtk_box_append (GTK_BOX (header), label);
    }
  gtk_box_append (GTK_BOX (card), header);

  date_text = date != NULL ? dossier_date_format (date) : g_strdup (_("No date given"));
  gtk_box_append (GTK_BOX (card), text_label_new (date_text, "title-3"));

  if (previous != NULL)
    {
      g_autofree char *move = format_move (dossier_release_get_date (previous), date);

      if (move != NULL)
        gtk_box_append (GTK_BOX (card), text_label_new (move, "dossier-move"));
    }

  if (market != NULL)
    {
      g_autofree char *market_markup = dossier_markup_from_inline (market);
      /* Translators: where the work was to come out: "Market: theatrical" */
      g_autofree char *markup = g_strdup_printf (_("Market: %s"), market_markup);

      label = text_label_new (NULL, NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      dossier_text_block_setup_label (GTK_LABEL (label));
      gtk_box_append (GTK_BOX (card), label);
    }

  if (announced != NULL)
    {
      g_autofree char *announced_text = dossier_date_format (announced);
      /* Translators: %s is a date: "Announced 17 December 2014" */
      g_autofree char *text = g_strdup_printf (_("Announced %s"), announced_text);

      gtk_box_append (GTK_BOX (card), text_label_new (text, "dim-label"));
    }

  if (summary != NULL && summary->len > 0)
    {
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), summary);
      gtk_box_append (GTK_BOX (card), block);
    }

  return card;
}

static void
clear_rows (DossierReleaseView *self)
{
  GtkWidget *child;


  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
rebuild (DossierReleaseView *self)
{
  GListModel *releases;
  guint n_releases;
  const char *work;
  g_autofree char *count_text = NULL;
  g_autoptr(DossierRelease) previous = NULL;

  clear_rows (self);

  if (self->dcase == NULL ||
      (n_releases = g_list_model_get_n_items (dossier_case_get_releases (self->dcase))) == 0)
    {
      gtk_label_set_text (self->work_label, "");
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  releases = dossier_case_get_releases (self->dcase);

  work = dossier_case_get_release_work (self->dcase);
  if (work != NULL)
    {
      g_autofree char *name =
        dossier_sanitize_display_text (dossier_case_get_entity_name (self->dcase, work));
      g_autofree char *escaped_name = g_markup_escape_text (name, -1);
      g_autofree char *escaped_id = g_markup_escape_text (work, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"entity:%s\">%s</a>",
                                                 escaped_id, escaped_name);

      gtk_label_set_markup (self->work_label, markup);
    }
  else
    {
      gtk_label_set_text (self->work_label, _("Release History"));
    }

  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u release plan, in the order it was announced",
                                             "%u release plans, in the order they were announced",
                                             n_releases),
                                n_releases);
  gtk_label_set_text (self->count_label, count_text);

  for (guint i = 0; i < n_releases; i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (releases, i);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  release_card_new (self, release, previous, i, n_releases));
      gtk_list_box_append (self->list_box, row);

      g_set_object (&previous, release);
    }

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
on_empty_page_map_cb (GtkWidget *page)
{
  /* GTK loads the icon of every image in a window, shown or not: the
   * empty page gets its icon once it is shown. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "video-x-generic-symbolic");
}

/* A window holds all eight views and shows one: the template is built
 * when the view is first shown or used, not when it is created. */
static void
ensure_built (DossierReleaseView *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->empty_page, "map", G_CALLBACK (on_empty_page_map_cb), NULL);
  dossier_text_block_setup_label (self->work_label);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
dossier_release_view_map (GtkWidget *widget)
{
  ensure_built (DOSSIER_RELEASE_VIEW (widget));

  GTK_WIDGET_CLASS (dossier_release_view_parent_class)->map (widget);
}

static void
dossier_release_view_dispose (GObject *object)
{
  DossierReleaseView *self = DOSSIER_RELEASE_VIEW (object);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_RELEASE_VIEW);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_release_view_parent_class)->dispose (object);
}

static void
dossier_release_view_class_init (DossierReleaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_release_view_dispose;
  widget_class->map = dossier_release_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossier/Dossier/dossier-release-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, work_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, list_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-release-view");
}

static void
dossier_release_view_init (DossierReleaseView *self)
{
}

GtkWidget *
dossier_release_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_RELEASE_VIEW, NULL);
}

void
dossier_release_view_set_case (DossierReleaseView *self,
                               DossierCase        *dcase)
{
  g_return_if_fail (DOSSIER_IS_RELEASE_VIEW (self));
  g_return_if_fail (dcase == NULL || DOSSIER_IS_CASE (dcase));

  ensure_built (self);
  if (self->dcase == dcase)
    return;

  /* The cards borrow from the old case: drop them before it goes. */
  clear_rows (self);
  g_set_object (&self->dcase, dcase);
  rebuild (self);
}

DossierCase *
dossier_release_view_get_case (DossierReleaseView *self)
{
  g_return_val_if_fail (DOSSIER_IS_RELEASE_VIEW (self), NULL);

  return self->dcase;
}

gboolean
dossier_release_view_reveal (DossierReleaseView *self,
                             const char         *item_id,
                             int                 item_index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_RELEASE_VIEW (self), FALSE);

  /* Release plans have no ids: they are found by their position. */
  if (self->dcase == NULL || item_id != NULL || item_index < 0)
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->list_box, item_index);
  if (row == NULL)
    return FALSE;

  dossier_widget_reveal (GTK_WIDGET (row), gtk_list_box_row_get_child (row));

  return TRUE;
}
