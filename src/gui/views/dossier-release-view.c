/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-release-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

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
};

static void dossier_release_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierReleaseView, dossier_release_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_release_view_iface_init))

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

    label = dossier_pill_new (dossier_release_status_get_label (status), status_style (status), a11y);
    gtk_widget_add_css_class (label, "dossier-status");
    gtk_box_append (GTK_BOX (header), label);
  }
  if (certainty != DOSSIER_CERTAINTY_NONE)
    {
      g_autofree char *a11y = g_strdup_printf (_("Certainty: %s"),
                                               dossier_certainty_get_label (certainty));

      label = dossier_pill_new (dossier_certainty_get_label (certainty), dossier_certainty_style (certainty), a11y);
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
  dossier_list_box_remove_all (self->list_box);
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
      g_autofree char *markup = dossier_markup_entity_link (self->dcase, work);

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
dossier_release_view_template_built (DossierView *view)
{
  DossierReleaseView *self = DOSSIER_RELEASE_VIEW (view);

  dossier_text_block_setup_label (self->work_label);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
dossier_release_view_set_case (DossierView *view,
                               DossierCase *dcase)
{
  DossierReleaseView *self = DOSSIER_RELEASE_VIEW (view);

  dossier_view_ensure_built (view);
  if (self->dcase == dcase)
    return;

  /* The cards borrow from the old case: drop them before it goes. */
  clear_rows (self);
  g_set_object (&self->dcase, dcase);
  rebuild (self);
}

static gboolean
dossier_release_view_reveal (DossierView        *view,
                             const DossierPlace *place)
{
  DossierReleaseView *self = DOSSIER_RELEASE_VIEW (view);
  GtkListBoxRow *row;

  /* Release plans have no ids: they are found by their position. */
  if (self->dcase == NULL || place->item_id != NULL || place->item_index < 0)
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->list_box, place->item_index);
  if (row == NULL)
    return FALSE;

  dossier_widget_reveal (GTK_WIDGET (row), gtk_list_box_row_get_child (row));

  return TRUE;
}

static void
dossier_release_view_dispose (GObject *object)
{
  DossierReleaseView *self = DOSSIER_RELEASE_VIEW (object);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_RELEASE_VIEW);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_release_view_parent_class)->dispose (object);
}

static void
dossier_release_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "release";
  iface->title = N_("Release");
  iface->icon_name = "camera-video-symbolic";
  iface->empty_icon_name = "video-x-generic-symbolic";
  iface->template_built = dossier_release_view_template_built;
  iface->set_case = dossier_release_view_set_case;
  iface->reveal = dossier_release_view_reveal;
}

static void
dossier_release_view_class_init (DossierReleaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_release_view_dispose;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-release-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, work_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReleaseView, list_box);

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
