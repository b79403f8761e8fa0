/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dossier-search-panel.h"

#include "dossier-library-client.h"
#include "dossier-library-problem-bar.h"
#include "dossier-library-result.h"
#include "dossier-library-row.h"
#include "dossier-library-search.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"
#include "dossier-search-result.h"
#include "dossier-text-block.h"

/* More rows than anyone reads; the count says how many match in all. */
#define MAX_RESULTS 200
/* The width the panel asks for inside a GtkSearchBar, whose centered
 * child only gets its natural width. */
#define NATURAL_WIDTH 720

struct _DossierSearchPanel
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *all_cases_button;
  GtkMenuButton      *help_button;
  GtkWidget          *problem_bar;
  GtkLabel           *error_label;
  GtkStack           *results_stack;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkScrolledWindow  *scrolled;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
  GtkWidget          *no_cases_page;

  GListStore         *results;
  GtkNoSelection     *selection;
  GtkListItemFactory *case_factory;

  /* "Search All Cases": made when the toggle is first turned on. */
  DossierLibrarySearch *library;
  GtkNoSelection     *library_selection;
  GtkListItemFactory *library_factory;

  DossierCase        *dcase;
  DossierSearchIndex *index;
  /* Set while the index is built, and while a search runs. */
  GCancellable       *index_cancellable;
  GCancellable       *search_cancellable;
  /* Bumped by every change of the text or the case: a search that
   * finishes under an older number is stale and dropped. */
  guint               generation;
  /* Enter was pressed before the results of the text typed arrived. */
  gboolean            activate_pending;
  gboolean            busy;
};

/* What a search in flight needs to find its panel again. */
typedef struct
{
  DossierSearchPanel *self;
  guint               generation;
} SearchData;

G_DEFINE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESULT_ACTIVATED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_search (DossierSearchPanel *self);

/* Helpers */

/* TRUE while "Search All Cases" is on. */
static gboolean
searches_library (DossierSearchPanel *self)
{
  return self->library != NULL && gtk_toggle_button_get_active (self->all_cases_button);
}

/* What the list shows: the case's results or the library's. */
static GListModel *
shown_results (DossierSearchPanel *self)
{
  if (searches_library (self))
    return dossier_library_search_get_model (self->library);

  return G_LIST_MODEL (self->results);
}

/* The first row Enter in the entry opens: the library's list starts
 * with the header of a case. */
static guint
first_hit_position (DossierSearchPanel *self)
{
  return searches_library (self) ? 1 : 0;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
update_busy (DossierSearchPanel *self)
{
  gboolean busy = self->index_cancellable != NULL || self->search_cancellable != NULL ||
                  (searches_library (self) && dossier_library_search_is_busy (self->library));

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_page (DossierSearchPanel *self,
           const char         *name)
{
  gtk_stack_set_visible_child_name (self->results_stack, name);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "indexing"));
}

static void
show_error (DossierSearchPanel *self,
            const char         *message)
{
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      gtk_label_set_text (self->error_label, "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->search_entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  /* Read with the entry, where the problem is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static void
clear_results (DossierSearchPanel *self)
{
  g_list_store_remove_all (self->results);
  gtk_label_set_text (self->count_label, "");
}

static void
cancel_search (DossierSearchPanel *self)
{
  self->generation++;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
}

/* Highlights @marks (byte ranges) shifted by @offset, cut at @limit. */
static PangoAttrList *
marks_to_attributes (GArray *marks,
                     guint   offset,
                     guint   limit)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);
      guint start = range->start + offset;
      guint end = MIN (range->end + offset, limit);

      dossier_attr_list_add_mark (attrs, start, end);
    }

  return attrs;
}

/* Where the hit's title starts inside its label ("Note n7 — Title"),
 * and how many bytes of it are shown (the label may shorten it with
 * "…"); FALSE when the label does not hold the title. */
static gboolean
find_title_in_label (const char *label,
                     const char *title,
                     guint      *out_offset,
                     guint      *out_length)
{
  gsize label_len = strlen (label);
  gsize title_len = strlen (title);
  const char *ellipsis = "…";
  gsize ellipsis_len = strlen (ellipsis);

  if (title_len == 0)
    return FALSE;

  if (label_len >= title_len && strcmp (label + label_len - title_len, title) == 0)
    {
      *out_offset = label_len - title_len;
      *out_length = title_len;
      return TRUE;
    }

  if (!g_str_has_suffix (label, ellipsis))
    return FALSE;

  for (gsize offset = 1; offset + ellipsis_len < label_len; offset++)
    {
      gsize shown = label_len - ellipsis_len - offset;

      if (shown <= title_len && strncmp (label + offset, title, shown) == 0)
        {
          *out_offset = offset;
          *out_length = shown;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
format_place (const DossierSearchHit *hit)
{
  GString *place = g_string_new (dossier_section_get_label (hit->section));

  if (hit->date != NULL)
    {
      g_autofree char *date = dossier_date_format (hit->date);

      g_string_append_printf (place, " · %s", date);
    }

  if (hit->certainty != DOSSIER_CERTAINTY_NONE)
    g_string_append_printf (place, " · %s", dossier_certainty_get_label (hit->certainty));

  return g_string_free (place, FALSE);
}

static void
add_marked_terms (GPtrArray  *terms,
                  const char *text,
                  GArray     *marks)
{
  gsize len = text != NULL ? strlen (text) : 0;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);
      g_autofree char *term = NULL;
      gboolean seen = FALSE;

      if (range->start >= range->end || range->end > len)
        continue;

      term = g_strndup (text + range->start, range->end - range->start);
      for (guint j = 0; j < terms->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (terms, j), term);
      if (!seen)
        g_ptr_array_add (terms, g_steal_pointer (&term));
    }
}

/* A hit of the open case is revealed in this window, as the case's own
 * results are; a hit of another case opens that case (or raises its
 * window) at the item. */
static void
activate_library_result (DossierSearchPanel *self,
                         guint               position)
{
  g_autoptr(DossierLibraryResult) result = NULL;
  const DossierLibraryHit *hit;

  result = g_list_model_get_item (dossier_library_search_get_model (self->library), position);
  if (result == NULL || dossier_library_result_is_case (result))
    return;

  hit = dossier_library_result_get_hit (result);
  if (dossier_library_result_is_open_case (result))
    {
      g_auto(GStrv) terms = dossier_library_result_dup_terms (result);

      g_signal_emit (self, signals[RESULT_ACTIVATED], 0,
                     dossier_section_to_string (hit->section),
                     hit->item_id,
                     hit->item_index,
                     terms);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-at", "(sssi)",
                              hit->path,
                              dossier_section_to_string (hit->section),
                              hit->item_id != NULL ? hit->item_id : "",
                              hit->item_index);
}

static void
activate_result (DossierSearchPanel *self,
                 guint               position)
{
  g_autoptr(DossierSearchResult) result = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  const DossierSearchHit *hit;

  if (searches_library (self))
    {
      activate_library_result (self, position);
      return;
    }

  result = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  if (result == NULL)
    return;

  hit = dossier_search_result_get_hit (result);
  add_marked_terms (terms, hit->title, hit->title_marks);
  add_marked_terms (terms, hit->snippet, hit->snippet_marks);
  g_ptr_array_add (terms, NULL);

  g_signal_emit (self, signals[RESULT_ACTIVATED], 0,
                 dossier_section_to_string (hit->section),
                 hit->item_id,
                 hit->item_index,
                 (GStrv) terms->pdata);
}

static void
show_hits (DossierSearchPanel *self,
           GPtrArray          *hits,
           guint               total)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkAdjustment *vadjustment;

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, dossier_search_result_new (g_steal_pointer (&hits->pdata[i])));

  g_list_store_splice (self->results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  if (items->len == 0)
    {
      gtk_label_set_text (self->count_label, "");
      show_page (self, "no-results");
      return;
    }

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  if (total > items->len)
    {
      g_autofree char *text = NULL;

      /* Translators: the first number is how many results are shown,
       * the second how many match in all (always more than 200). */
      text = g_strdup_printf (ngettext ("The first %u of %u result",
                                        "The first %u of %u results",
                                        total),
                              items->len, total);
      gtk_label_set_text (self->count_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u result", "%u results", total), total);

      gtk_label_set_text (self->count_label, text);
    }

  show_page (self, "results");
}

/* Tells "Search All Cases" which case is open, and its index once built. */
static void
update_open_case (DossierSearchPanel *self)
{
  if (self->library == NULL)
    return;

  if (self->dcase == NULL)
    dossier_library_search_set_open_case (self->library, NULL, NULL, NULL);
  else
    dossier_library_search_set_open_case (self->library,
                                          dossier_case_get_file (self->dcase),
                                          dossier_case_get_display_title (self->dcase),
                                          self->index);
}

/* Enter was pressed before the results came: it opens the first now. */
static void
run_pending_activation (DossierSearchPanel *self)
{
  guint first = first_hit_position (self);

  if (!self->activate_pending)
    return;

  self->activate_pending = FALSE;
  if (g_list_model_get_n_items (shown_results (self)) > first)
    activate_result (self, first);
}

static void
show_library_count (DossierSearchPanel *self)
{
  guint n_hits = dossier_library_search_get_n_hits (self->library);
  guint n_cases = dossier_library_search_get_n_cases (self->library);
  g_autofree char *hits_text = NULL;
  g_autofree char *text = NULL;

  if (dossier_library_search_is_truncated (self->library))
    hits_text = g_strdup_printf (ngettext ("The first %u result", "The first %u results", n_hits), n_hits);
  else
    hits_text = g_strdup_printf (ngettext ("%u result", "%u results", n_hits), n_hits);

  /* Translators: how many results Search All Cases found (“12 results”,
   * “The first 200 results”), and in how many cases. */
  text = g_strdup_printf (ngettext ("%s in %u case", "%s in %u cases", n_cases), hits_text, n_cases);
  gtk_label_set_text (self->count_label, text);
}

/* What the library answered, or the page that says why there is
 * nothing: no cases in the library, or none that match. */
static void
show_library_hits (DossierSearchPanel *self)
{
  GtkAdjustment *vadjustment;

  if (dossier_library_search_get_n_hits (self->library) == 0)
    {
      gtk_label_set_text (self->count_label, "");
      show_page (self, dossier_library_search_get_n_library_cases (self->library) == 0
                         ? "no-cases" : "no-results");
      return;
    }

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  show_library_count (self);
  show_page (self, "results");
}

/* The row widget (a GtkListItemWidget) showing the result at
 * @position, or NULL when the list has not made it. */
static GtkWidget *
find_row (DossierSearchPanel *self,
          guint               position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkListItem *item = box != NULL ? g_object_get_data (G_OBJECT (box), "dossier-list-item") : NULL;

      if (item != NULL && gtk_list_item_get_item (item) != NULL &&
          gtk_list_item_get_position (item) == position)
        return row;
    }

  return NULL;
}

/* The position of the result that has the focus, or
 * GTK_INVALID_LIST_POSITION. */
static guint
focused_position (DossierSearchPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (gtk_widget_get_parent (focus) == GTK_WIDGET (self->list_view))
        {
          GtkWidget *box = gtk_widget_get_first_child (focus);
          GtkListItem *item = box != NULL ? g_object_get_data (G_OBJECT (box), "dossier-list-item") : NULL;

          return item != NULL ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Callbacks */

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SearchData *data = user_data;
  DossierSearchPanel *self = data->self;
  guint generation = data->generation;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  g_free (data);

  hits = dossier_search_index_run_finish (DOSSIER_SEARCH_INDEX (source), result, &total, &error);

  /* Every search is cancelled before the panel goes away or starts
   * another one: a cancelled search must not touch the panel. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (generation != self->generation)
    return;

  g_clear_object (&self->search_cancellable);

  if (hits == NULL)
    {
      clear_results (self);
      show_error (self, error->message);
      show_page (self, "error");
    }
  else
    {
      show_hits (self, hits, total);
    }

  update_busy (self);
  run_pending_activation (self);
}

static void
on_library_finished_cb (DossierSearchPanel *self,
                        const GError       *error)
{
  if (!searches_library (self))
    return;

  /* Out of reach: the problem bar says so and when it tries again. */
  if (g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION))
    {
      show_error (self, NULL);
      clear_results (self);
      show_page (self, "none");
    }
  else if (error != NULL)
    {
      show_error (self, error->message);
      show_page (self, "error");
    }
  else
    {
      show_library_hits (self);
    }

  update_busy (self);
  run_pending_activation (self);
}

static void
on_library_busy_cb (DossierSearchPanel *self)
{
  update_busy (self);
}

/* The library changed (cases read again, added, gone; "No Cases" may
 * come or go): the text typed runs again. */
static void
on_library_cases_cb (DossierSearchPanel *self)
{
  if (searches_library (self))
    start_search (self);
}

static void
on_index_built_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DossierSearchPanel *self = user_data;
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  index = dossier_search_index_new_finish (result, &error);

  /* Cancelled by a new case or by dispose: the panel may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->index_cancellable);

  if (index == NULL)
    {
      show_error (self, error->message);
      show_page (self, "error");
      update_busy (self);
      return;
    }

  self->index = g_steal_pointer (&index);
  update_open_case (self);
  start_search (self);
  update_busy (self);
}

static void
start_search (DossierSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  SearchData *data;

  cancel_search (self);
  if (self->library != NULL)
    dossier_library_search_cancel (self->library);

  if (is_blank (text))
    {
      show_error (self, NULL);
      clear_results (self);
      if (searches_library (self))
        {
          dossier_library_search_run (self->library, "");
          show_page (self, dossier_library_search_get_n_library_cases (self->library) == 0
                             ? "no-cases" : "none");
        }
      else
        {
          show_page (self, self->index_cancellable != NULL ? "indexing" : "none");
        }
      update_busy (self);
      return;
    }

  query = dossier_search_query_parse (text, &error);
  if (query == NULL)
    {
      /* The previous results would answer another question: hide them. */
      clear_results (self);
      show_error (self, error->message);
      show_page (self, "error");
      update_busy (self);
      return;
    }

  show_error (self, NULL);

  /* The same text over every case; the library parses it again in its
   * thread, so this only had to catch mistakes at once. */
  if (searches_library (self))
    {
      if (dossier_search_query_is_empty (query))
        {
          dossier_library_search_run (self->library, "");
          show_page (self, "none");
        }
      else
        {
          dossier_library_search_run (self->library, text);
        }
      update_busy (self);
      return;
    }

  if (self->index == NULL)
    {
      clear_results (self);
      show_page (self, self->index_cancellable != NULL ? "indexing" : "none");
      update_busy (self);
      return;
    }

  if (dossier_search_query_is_empty (query))
    {
      clear_results (self);
      show_page (self, "none");
      update_busy (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  data = g_new0 (SearchData, 1);
  data->self = self;
  data->generation = self->generation;
  dossier_search_index_run_async (self->index, query, MAX_RESULTS,
                                  self->search_cancellable,
                                  on_search_done_cb, data);
  update_busy (self);
}

static void
on_search_changed_cb (DossierSearchPanel *self)
{
  self->activate_pending = FALSE;
  start_search (self);
}

static void
on_search_activate_cb (DossierSearchPanel *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->results_stack);

  /* Results still on their way belong to the text typed: wait for them
   * rather than open what an older text found. */
  if (self->busy)
    {
      self->activate_pending = TRUE;
      return;
    }

  if (g_strcmp0 (page, "results") == 0)
    activate_result (self, first_hit_position (self));
}

static void
on_stop_search_cb (DossierSearchPanel *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_list_activate_cb (DossierSearchPanel *self,
                     guint               position)
{
  activate_result (self, position);
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         DossierSearchPanel    *self)
{
  guint first = first_hit_position (self);
  GtkWidget *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "results") != 0 ||
      g_list_model_get_n_items (shown_results (self)) <= first)
    return GDK_EVENT_PROPAGATE;

  /* Into the list at the first result, the one Enter in the entry
   * opens; Up from there comes back. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", first);
  row = find_row (self, first);
  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        DossierSearchPanel    *self)
{
  guint position = focused_position (self);

  /* Up from the first result (or a case above it) goes back to the entry. */
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) &&
      position != GTK_INVALID_LIST_POSITION && position <= first_hit_position (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_panel_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         DossierSearchPanel    *self)
{
  /* The entry closes on Escape itself ("stop-search"); this is for the
   * focus in the results or on the help button. */
  if (keyval == GDK_KEY_Escape)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  /* Without it a wrapping label asks for its whole text as its width. */
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), place);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);

  g_object_set_data (G_OBJECT (box), "dossier-list-item", list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  DossierSearchResult *result = gtk_list_item_get_item (list_item);
  const DossierSearchHit *hit = dossier_search_result_get_hit (result);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *place = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (place);
  g_autoptr(PangoAttrList) title_attrs = NULL;
  g_autoptr(PangoAttrList) snippet_attrs = NULL;
  g_autofree char *place_text = format_place (hit);
  g_autofree char *accessible = NULL;
  gboolean show_snippet;
  guint offset;
  guint length;

  /* Case text is hostile: plain text with attributes, never markup. */
  gtk_label_set_text (GTK_LABEL (title), hit->label);
  if (find_title_in_label (hit->label, hit->title, &offset, &length))
    title_attrs = marks_to_attributes (hit->title_marks, offset, offset + length);
  else
    title_attrs = pango_attr_list_new ();
  gtk_label_set_attributes (GTK_LABEL (title), title_attrs);

  gtk_label_set_text (GTK_LABEL (place), place_text);

  /* A match in the title needs no second line saying the same. */
  show_snippet = hit->snippet != NULL && hit->snippet[0] != '\0' &&
                 g_strcmp0 (hit->snippet, hit->title) != 0;
  gtk_label_set_text (GTK_LABEL (snippet), show_snippet ? hit->snippet : "");
  snippet_attrs = marks_to_attributes (hit->snippet_marks, 0,
                                       show_snippet ? strlen (hit->snippet) : 0);
  gtk_label_set_attributes (GTK_LABEL (snippet), snippet_attrs);
  gtk_widget_set_visible (snippet, show_snippet);

  accessible = g_strjoin (". ", hit->label, place_text,
                          show_snippet ? hit->snippet : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
setup_library_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *row = dossier_library_row_new ();

  gtk_list_item_set_child (list_item, row);
  g_object_set_data (G_OBJECT (row), "dossier-list-item", list_item);
}

static void
bind_library_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  DossierLibraryResult *result = gtk_list_item_get_item (list_item);

  /* A case's header only names it; its hits are what opens. */
  gtk_list_item_set_activatable (list_item, !dossier_library_result_is_case (result));
  dossier_library_row_set_result (DOSSIER_LIBRARY_ROW (gtk_list_item_get_child (list_item)), result);
}

static void
ensure_library (DossierSearchPanel *self)
{
  GtkListItemFactory *factory;
  GListModel *model;

  if (self->library != NULL)
    return;

  self->library = dossier_library_search_new (dossier_library_client_get_default ());
  g_signal_connect_object (self->library, "finished",
                           G_CALLBACK (on_library_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::busy",
                           G_CALLBACK (on_library_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "library-changed",
                           G_CALLBACK (on_library_cases_cb), self, G_CONNECT_SWAPPED);

  model = dossier_library_search_get_model (self->library);
  self->library_selection = gtk_no_selection_new (g_object_ref (model));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_library_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_library_row_cb), NULL);
  self->library_factory = factory;
}

/* "Search All Cases" on or off: the same text runs over the library, or
 * over the case again. */
static void
on_all_cases_toggled_cb (DossierSearchPanel *self)
{
  gboolean all = gtk_toggle_button_get_active (self->all_cases_button);
  const char *placeholder = all ? _("Search all cases") : _("Search the case");

  /* What keeps the library from answering shows while it is searched. */
  dossier_library_problem_bar_set_client (DOSSIER_LIBRARY_PROBLEM_BAR (self->problem_bar),
                                          all ? dossier_library_client_get_default () : NULL);
  if (all)
    {
      ensure_library (self);
      update_open_case (self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->library_selection));
      gtk_list_view_set_factory (self->list_view, self->library_factory);
    }
  else
    {
      if (self->library != NULL)
        dossier_library_search_run (self->library, "");
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      gtk_list_view_set_factory (self->list_view, self->case_factory);
    }

  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  self->activate_pending = FALSE;
  clear_results (self);
  start_search (self);
  update_busy (self);
}

/* Overrides */

static void
dossier_search_panel_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*natural, MAX (*minimum, NATURAL_WIDTH));
}

/* As its box: a message that wraps (the library's problem, an error)
 * is as tall as it wraps at the width the panel gets. */
static GtkSizeRequestMode
dossier_search_panel_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (DOSSIER_SEARCH_PANEL (widget)->box);
}

static void
dossier_search_panel_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static gboolean
dossier_search_panel_grab_focus_vfunc (GtkWidget *widget)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
dossier_search_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_panel_dispose (GObject *object)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);

  cancel_search (self);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  if (self->library != NULL)
    dossier_library_search_cancel (self->library);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_PANEL);

  g_clear_object (&self->library_selection);
  g_clear_object (&self->library_factory);
  g_clear_object (&self->library);
  g_clear_object (&self->case_factory);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->index);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_search_panel_parent_class)->dispose (object);
}

static void
dossier_search_panel_class_init (DossierSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_panel_dispose;
  object_class->get_property = dossier_search_panel_get_property;
  widget_class->measure = dossier_search_panel_measure;
  widget_class->get_request_mode = dossier_search_panel_get_request_mode;
  widget_class->size_allocate = dossier_search_panel_size_allocate;
  widget_class->grab_focus = dossier_search_panel_grab_focus_vfunc;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT,
                  G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (DOSSIER_TYPE_LIBRARY_PROBLEM_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, all_cases_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, help_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, problem_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, results_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPanel, no_cases_page);
  /* For tests, which check that every example of the help works. */
  gtk_widget_class_bind_template_child_full (widget_class, "help_grid", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_cases_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "dossier-search-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
}

static void
dossier_search_panel_init (DossierSearchPanel *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (DOSSIER_TYPE_SEARCH_RESULT);
  /* No selection: the list's single-click-activate would select the
   * rows under the pointer, and what Enter in the entry opens (the
   * first result) must not depend on where the mouse rests. */
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  self->case_factory = factory;

  /* Capture: the entry's text would take Down for itself. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_panel_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  show_page (self, "none");
}

/* Public API */

GtkWidget *
dossier_search_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH_PANEL, NULL);
}

void
dossier_search_panel_set_case (DossierSearchPanel *self,
                               DossierCase        *dcase)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));
  g_return_if_fail (dcase == NULL || DOSSIER_IS_CASE (dcase));

  if (self->dcase == dcase)
    return;

  cancel_search (self);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->index);
  g_set_object (&self->dcase, dcase);
  update_open_case (self);
  self->activate_pending = FALSE;
  clear_results (self);

  if (dcase != NULL)
    {
      self->index_cancellable = g_cancellable_new ();
      dossier_search_index_new_async (dcase, self->index_cancellable,
                                      on_index_built_cb, self);
    }

  start_search (self);
  update_busy (self);
}

DossierCase *
dossier_search_panel_get_case (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), NULL);

  return self->dcase;
}

void
dossier_search_panel_set_query (DossierSearchPanel *self,
                                const char         *text)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

const char *
dossier_search_panel_get_query (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
dossier_search_panel_grab_focus (DossierSearchPanel *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
dossier_search_panel_is_busy (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), FALSE);

  return self->busy;
}

guint
dossier_search_panel_get_n_results (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), 0);

  if (searches_library (self))
    return dossier_library_search_get_n_hits (self->library);

  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

void
dossier_search_panel_set_search_all (DossierSearchPanel *self,
                                     gboolean            search_all)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  gtk_toggle_button_set_active (self->all_cases_button, search_all);
}

gboolean
dossier_search_panel_get_search_all (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), FALSE);

  return gtk_toggle_button_get_active (self->all_cases_button);
}
