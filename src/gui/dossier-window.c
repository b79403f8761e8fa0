/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-window.h"
#include "dossier-export-dialog.h"
#include "dossier-print-operation.h"
#include "dossier-search-panel.h"

#include "dossier-case-chooser.h"
#include "dossier-case-open.h"
#include "dossier-entity-panel.h"
#include "dossier-error-page.h"
#include "dossier-file-watch.h"
#include "dossier-library-cache.h"
#include "dossier-link-dialog.h"
#include "dossier-problem-list.h"
#include "dossier-reload-error-window.h"
#include "dossier-source-panel.h"
#include "dossier-view.h"
#include "dossier-views.h"
#include "dossier-welcome-page.h"

#define SETTINGS_SCHEMA_ID "io.github.dossier.Dossier"
#define RELOAD_DELAY_MS 300
#define LOADING_REVEAL_DELAY_MS 250
#define HISTORY_MAX 50
#define HELP_OVERLAY_RESOURCE "/io/github/dossier/Dossier/gtk/help-overlay.ui"

#define N_VIEWS DOSSIER_N_VIEWS

enum
{
  SIGNAL_OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  DossierView *view;     /* a page of the view stack */
  gboolean     applied;  /* given the window's case */
} ViewSlot;

typedef enum
{
  PANEL_NONE,
  PANEL_SOURCE,
  PANEL_ENTITY,
} PanelKind;

typedef struct
{
  char      *view_name;
  double     scroll;
  PanelKind  panel;
  char      *panel_id;
} HistoryEntry;

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  GCancellable         *cancellable;
  GFile                *file;          /* shown or being loaded */
  DossierCase          *dcase;
  DossierFileWatch     *watch;
  guint                 loading_reveal_id;
  guint                 present_timeout_id;
  guint                 index_idle_id;
  guint                 help_overlay_idle_id;
  gboolean              loading;
  guint                 load_generation;
  gboolean              reloading;
  char                 *initial_view;
  GVariant             *initial_place;  /* (ssi) for win.show-place */
  GError               *reload_error;
  ViewSlot              views[N_VIEWS];
  GQueue                history;
  GSettings            *settings;
  GtkWidget            *search_return_focus; /* weak */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *back_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *warnings_button;
  GtkWidget            *warnings_box;
  GtkStack             *main_stack;
  GtkWidget            *welcome_page;
  GtkWidget            *loading_page;
  GtkProgressBar       *progress_bar;
  GtkWidget            *error_page;
  AdwFlap              *flap;
  GtkSearchBar         *search_bar;
  GtkWidget            *search_button;
  GtkWidget            *search_panel;  /* NULL until the bar first opens */
  AdwViewStack         *view_stack;
  GtkStack             *panel_stack;
  GtkWidget            *source_panel;
  GtkWidget            *entity_panel;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static void       start_loading         (DossierWindow *self,
                                          GFile         *file,
                                          gboolean       reload);
static void       present_if_pending    (DossierWindow *self);
static GtkWidget *ensure_search_panel   (DossierWindow *self);
static gboolean   build_search_index_cb (gpointer       user_data);

static void
history_entry_free (gpointer data)
{
  HistoryEntry *entry = data;

  g_free (entry->view_name);
  g_free (entry->panel_id);
  g_free (entry);
}

static int
view_index (DossierWindow *self,
            const char    *name)
{
  if (name == NULL)
    return -1;

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_str_equal (dossier_view_get_name (self->views[i].view), name))
      return (int) i;

  return -1;
}

static int
visible_view_index (DossierWindow *self)
{
  return view_index (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
apply_case_to_view (DossierWindow *self,
                    int            index)
{
  ViewSlot *slot;

  if (index < 0 || index >= (int) N_VIEWS || self->views[index].applied)
    return;

  slot = &self->views[index];
  slot->applied = TRUE;
  dossier_view_set_case (slot->view, self->dcase);
}

static void
show_view (DossierWindow *self,
           int            index)
{
  if (index < 0 || index >= (int) N_VIEWS)
    return;

  apply_case_to_view (self, index);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->views[index].view));
}

/* The tabs are added before the switcher shows them: a switcher given
 * the stack first would rebuild all its buttons for every tab added. */
static void
add_views (DossierWindow *self)
{
  for (guint i = 0; i < N_VIEWS; i++)
    {
      DossierView *view = g_object_new (dossier_views_get_type_at (i), NULL);
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (view),
                                        dossier_view_get_name (view),
                                        dossier_view_get_title (view));
      adw_view_stack_page_set_icon_name (page, dossier_view_get_icon_name (view));
      self->views[i].view = view;
    }
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
}

static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (user_data);

  /* The menu's popover is built when first opened, not with the window. */
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_title_visible_changed_cb (DossierWindow *self)
{
  /* The bar at the bottom is for narrow windows, where the header bar
   * has no room for the tabs: it gets its buttons when first needed. */
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
on_visible_view_changed_cb (DossierWindow *self)
{
  if (self->dcase != NULL)
    apply_case_to_view (self, visible_view_index (self));
}

static void
update_actions (DossierWindow *self)
{
  gboolean has_case = self->dcase != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-source", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-entity", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-place", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", has_case && self->history.length > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", self->loading);
  /* Without a case, Ctrl+F goes to the Library's search. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_case || !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_case);
  gtk_widget_set_sensitive (self->search_button, has_case);
  if (!has_case)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_set_visible (self->back_button, has_case && self->history.length > 0);
}

/* History: where the reader was before a jump. */

/* What the side panel shows: nothing, or a source or an entity, *@id. */
static PanelKind
shown_panel (DossierWindow  *self,
             const char    **id)
{
  if ((*id = dossier_window_get_source_panel_source_id (self)) != NULL)
    return PANEL_SOURCE;
  if ((*id = dossier_window_get_entity_panel_entity_id (self)) != NULL)
    return PANEL_ENTITY;

  return PANEL_NONE;
}

static void
push_history (DossierWindow *self)
{
  HistoryEntry *entry = g_new0 (HistoryEntry, 1);
  int index = visible_view_index (self);
  const char *panel_id = NULL;

  entry->view_name = g_strdup (index >= 0 ? dossier_view_get_name (self->views[index].view) : "overview");
  entry->scroll = index >= 0 ? dossier_view_get_scroll (self->views[index].view) : 0.0;
  entry->panel = shown_panel (self, &panel_id);
  entry->panel_id = g_strdup (panel_id);

  g_queue_push_head (&self->history, entry);
  while (self->history.length > HISTORY_MAX)
    history_entry_free (g_queue_pop_tail (&self->history));

  update_actions (self);
}

static void
clear_history (DossierWindow *self)
{
  g_queue_clear_full (&self->history, history_entry_free);
  update_actions (self);
}

static gboolean
show_source_panel (DossierWindow *self,
                   const char    *source_id)
{
  if (!dossier_source_panel_set_source (DOSSIER_SOURCE_PANEL (self->source_panel), source_id))
    return FALSE;

  gtk_stack_set_visible_child (self->panel_stack, self->source_panel);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  return TRUE;
}

static gboolean
show_entity_panel (DossierWindow *self,
                   const char    *entity_id)
{
  if (!dossier_entity_panel_set_entity (DOSSIER_ENTITY_PANEL (self->entity_panel), entity_id))
    return FALSE;

  gtk_stack_set_visible_child (self->panel_stack, self->entity_panel);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  return TRUE;
}

/* Warnings: the file opened, but something in it looks like a mistake. */

static void
fill_warnings (DossierWindow *self)
{
  GPtrArray *warnings = self->dcase != NULL ? dossier_case_get_warnings (self->dcase) : NULL;

  dossier_problem_list_fill (GTK_BOX (self->warnings_box), warnings);
  gtk_widget_set_visible (self->warnings_button, warnings != NULL && warnings->len > 0);
}

/* Showing a case */

static void
update_titles (DossierWindow *self)
{
  if (self->dcase != NULL)
    {
      g_autofree char *title = dossier_sanitize_display_text (dossier_case_get_display_title (self->dcase));
      g_autofree char *basename = self->file != NULL ? g_file_get_basename (self->file) : NULL;
      g_autofree char *subtitle = basename != NULL ? dossier_sanitize_display_text (basename) : NULL;

      /* A team library's case opened from its copy: not the file to edit. */
      if (subtitle != NULL && dossier_library_cache_holds (self->file))
        {
          char *copy = g_strdup_printf (_("%s · Read-only copy from the team library"), subtitle);

          g_free (subtitle);
          subtitle = copy;
        }

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_view_switcher_title_set_title (self->switcher_title, title);
      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Dossier"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Dossier"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
    }
}

static void
set_case (DossierWindow *self,
          DossierCase   *dcase,
          gboolean       keep_position)
{
  double scrolls[N_VIEWS] = { 0 };
  int visible = visible_view_index (self);
  PanelKind panel = PANEL_NONE;
  g_autofree char *panel_id = NULL;

  if (keep_position)
    {
      const char *shown_id = NULL;

      for (guint i = 0; i < N_VIEWS; i++)
        scrolls[i] = self->views[i].applied ? dossier_view_get_scroll (self->views[i].view) : 0.0;
      panel = shown_panel (self, &shown_id);
      panel_id = g_strdup (shown_id);
    }
  else
    clear_history (self);

  g_set_object (&self->dcase, dcase);
  for (guint i = 0; i < N_VIEWS; i++)
    self->views[i].applied = FALSE;

  dossier_source_panel_set_case (DOSSIER_SOURCE_PANEL (self->source_panel), dcase);
  if (self->search_panel != NULL)
    dossier_search_panel_set_case (DOSSIER_SEARCH_PANEL (self->search_panel), dcase);
  dossier_entity_panel_set_case (DOSSIER_ENTITY_PANEL (self->entity_panel), dcase);
  adw_flap_set_reveal_flap (self->flap, FALSE);

  update_titles (self);
  fill_warnings (self);
  update_actions (self);

  if (dcase == NULL)
    return;

  /* The search index is built when a case loads, but after the first
   * frame: the panel starts it in a thread, so Ctrl+F finds it ready. */
  if (self->search_panel == NULL && self->index_idle_id == 0)
    self->index_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_search_index_cb, self, NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "case");

  if (view_index (self, self->initial_view) >= 0)
    visible = view_index (self, self->initial_view);
  else if (!keep_position || visible < 0)
    visible = 0;
  g_clear_pointer (&self->initial_view, g_free);

  /* Only the visible view is built now; the others on first visit. */
  show_view (self, visible);
  apply_case_to_view (self, visible);

  if (self->initial_place != NULL)
    {
      g_autoptr(GVariant) place = g_steal_pointer (&self->initial_place);

      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-place", place);
    }

  if (keep_position)
    {
      for (guint i = 0; i < N_VIEWS; i++)
        if (self->views[i].applied && scrolls[i] > 0.0)
          dossier_view_restore_scroll (self->views[i].view, scrolls[i]);

      if (panel == PANEL_SOURCE && panel_id != NULL)
        show_source_panel (self, panel_id);
      else if (panel == PANEL_ENTITY && panel_id != NULL)
        show_entity_panel (self, panel_id);
    }
}

/* Loading */

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };
  g_autofree char *display_name = g_file_get_basename (file);

  data.display_name = display_name;
  data.mime_type = (char *) "application/x-dossier-case+xml";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "dossier %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
watch_file (DossierWindow *self)
{
  dossier_file_watch_set_file (self->watch, self->file);
}

typedef struct
{
  DossierWindow *self;
  GCancellable  *cancellable;
  guint          generation;
} LoadData;

/* Shows the outcome of a load: the case, the error page, or for a
 * reload a toast that keeps the last good version on screen. */
static void
show_load_result (DossierWindow *self,
                  guint          generation,
                  gboolean       reloading,
                  DossierCase   *dcase,
                  const GError  *error)
{
  /* A newer load replaced this one. */
  if (generation != self->load_generation)
    return;

  self->loading = FALSE;
  self->reloading = FALSE;
  g_clear_handle_id (&self->loading_reveal_id, g_source_remove);
  update_actions (self);

  if (dcase == NULL)
    {
      if (g_error_matches (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->dcase != NULL)
            gtk_stack_set_visible_child_name (self->main_stack, "case");
          else
            {
              g_clear_object (&self->file);
              dossier_welcome_page_refresh (DOSSIER_WELCOME_PAGE (self->welcome_page));
              gtk_stack_set_visible_child_name (self->main_stack, "welcome");
              update_titles (self);
            }
          return;
        }

      if (reloading && self->dcase != NULL)
        {
          g_autofree char *problem = dossier_problem_list_first_line (error);
          g_autofree char *escaped = g_markup_escape_text (problem, -1);
          g_autofree char *title = g_strdup_printf (_("The file changed and cannot be opened now; still showing the last good version. %s"), escaped);
          AdwToast *toast = adw_toast_new (title);

          g_clear_error (&self->reload_error);
          self->reload_error = g_error_copy (error);
          adw_toast_set_button_label (toast, _("_Details"));
          adw_toast_set_action_name (toast, "win.show-reload-error");
          adw_toast_set_timeout (toast, 0);
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
          return;
        }

      dossier_welcome_page_index_case (self->file);
      set_case (self, NULL, FALSE);
      dossier_error_page_set_error (DOSSIER_ERROR_PAGE (self->error_page), self->file, error);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      {
        g_autofree char *basename = g_file_get_basename (self->file);
        g_autofree char *subtitle = dossier_sanitize_display_text (basename);

        adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      }
      watch_file (self);
      return;
    }

  g_clear_error (&self->reload_error);
  if (!reloading)
    add_to_recent (self->file);
  dossier_welcome_page_index_case (self->file);
  set_case (self, dcase, reloading && self->dcase != NULL);
  watch_file (self);
}

static void
on_case_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(DossierWindow) self = data->self;
  guint generation = data->generation;
  g_autoptr(GCancellable) cancellable = data->cancellable;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(GError) error = NULL;
  gboolean reloading = self->reloading;

  g_free (data);
  dcase = dossier_case_open_file_finish (result, &error);

  /* Cancelled is cancelled, even when the thread had just finished. */
  if (dcase != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_object (&dcase);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    }

  show_load_result (self, generation, reloading, dcase, error);

  /* Whatever the outcome, a new window shows it now, in its first frame:
   * presented only once the page is in place, it is laid out once. */
  present_if_pending (self);
}

static void
on_load_progress_cb (double   fraction,
                     gpointer user_data)
{
  DossierWindow *self = user_data;

  if (DOSSIER_IS_WINDOW (self) && self->loading)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static gboolean
reveal_loading_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  self->loading_reveal_id = 0;
  /* The icon only now: an icon in a hidden page is still rendered when
   * the window is shown. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->loading_page), "folder-documents-symbolic");
  gtk_widget_set_opacity (self->loading_page, 1.0);

  return G_SOURCE_REMOVE;
}

static void
present_if_pending (DossierWindow *self)
{
  if (self->present_timeout_id == 0)
    return;

  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  self->present_timeout_id = 0;
  gtk_window_present (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
start_loading (DossierWindow *self,
               GFile         *file,
               gboolean       reload)
{
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->file != file)
    g_set_object (&self->file, file);

  self->loading = TRUE;
  self->reloading = reload;
  update_actions (self);

  if (!reload)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      /* A small file opens before the page would be noticed: show the
       * progress only when loading takes a while. */
      gtk_widget_set_opacity (self->loading_page, 0.0);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      g_clear_handle_id (&self->loading_reveal_id, g_source_remove);
      self->loading_reveal_id = g_timeout_add (LOADING_REVEAL_DELAY_MS, reveal_loading_cb, self);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  data->generation = ++self->load_generation;
  dossier_case_open_file_async (file, self->cancellable, on_load_progress_cb, self,
                                on_case_loaded_cb, data);
}

/* The file was saved again (and has been quiet for a moment). */
static void
on_file_changed_cb (DossierWindow *self)
{
  if (self->file != NULL && !(self->loading && !self->reloading))
    start_loading (self, self->file, self->dcase != NULL);
}

/* Actions */

/* A file the reader picked or dropped here: whoever handles
 * DossierWindow::open-file (the application: it raises a window that
 * already shows the file) decides whether it opens in this window. */
static void
open_file_here (DossierWindow *self,
                GFile         *file)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, file, &handled);
  if (!handled)
    dossier_window_open (self, file);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  DossierWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        open_file_here (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser = dossier_case_chooser_new (GTK_WINDOW (self));

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  show_view (self, view_index (self, g_variant_get_string (parameter, NULL)));
}

static void
show_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (dossier_case_get_source (self->dcase, id) == NULL)
    return;

  push_history (self);
  show_source_panel (self, id);
}

static void
show_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (dossier_case_get_entity (self->dcase, id) == NULL)
    return;

  push_history (self);
  show_entity_panel (self, id);
}

static void
close_panel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
show_place_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *section_name = NULL;
  const char *item_id = NULL;
  DossierPlace place = { 0 };
  g_autoptr(GtkWidget) focus = NULL;
  int index;

  g_variant_get (parameter, "(&s&si)", &section_name, &item_id, &place.item_index);
  if (item_id != NULL && *item_id != '\0')
    place.item_id = (char *) item_id;

  if (!dossier_section_from_string (section_name, &place.section))
    return;

  push_history (self);

  /* Entities have no tab: their places are in the entity panel. */
  if (place.section == DOSSIER_SECTION_ENTITIES)
    {
      if (place.item_id != NULL)
        show_entity_panel (self, place.item_id);
      return;
    }

  index = view_index (self, section_name);
  if (index < 0)
    index = 0;

  /* The revealed item takes the focus. Until then nothing has it: the
   * focus would otherwise move on from the button or the search entry
   * that is going away, and a selectable label taking it selects all its
   * text. */
  g_set_object (&focus, gtk_root_get_focus (GTK_ROOT (self)));
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  /* On a narrow window the panel covers the text: get it out of the way. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  show_view (self, index);
  if (!dossier_view_reveal (self->views[index].view, &place) &&
      focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  HistoryEntry *entry = g_queue_pop_head (&self->history);
  int index;

  if (entry == NULL)
    return;

  index = view_index (self, entry->view_name);
  show_view (self, index);
  if (index >= 0)
    dossier_view_restore_scroll (self->views[index].view, entry->scroll);

  if (entry->panel == PANEL_SOURCE)
    show_source_panel (self, entry->panel_id);
  else if (entry->panel == PANEL_ENTITY)
    show_entity_panel (self, entry->panel_id);
  else
    adw_flap_set_reveal_flap (self->flap, FALSE);

  history_entry_free (entry);
  update_actions (self);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  /* The policy: only http and https with a host, shown before opening. */
  if (!dossier_link_is_safe (uri))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This link was not opened: only web links (http and https) are opened.")));
      return;
    }

  dossier_link_dialog_present (GTK_WINDOW (self), uri);
}

static void
show_reload_error_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->reload_error != NULL)
    dossier_reload_error_window_present (GTK_WINDOW (self), self->file, self->reload_error);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            gpointer       user_data)
{
  DossierWindow *self = user_data;
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  open_file_here (self, file);
  return TRUE;
}

/* The keyboard shortcuts window: built once the window is on screen,
 * not with it (the application does not let GtkApplication build it
 * for every new window; see dossier-application.c). Setting it adds
 * "win.show-help-overlay", which Ctrl+? and the primary menu use. */
static gboolean
build_help_overlay_cb (gpointer user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  self->help_overlay_idle_id = 0;
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    return G_SOURCE_REMOVE;

  builder = gtk_builder_new_from_resource (HELP_OVERLAY_RESOURCE);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  if (GTK_IS_SHORTCUTS_WINDOW (overlay))
    gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                             GTK_SHORTCUTS_WINDOW (overlay));

  return G_SOURCE_REMOVE;
}

/* Window state */

static void
dossier_window_map (GtkWidget *widget)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  GTK_WIDGET_CLASS (dossier_window_parent_class)->map (widget);

  /* At a low priority: after the first frame has been painted. */
  if (self->help_overlay_idle_id == 0 &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
    self->help_overlay_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_help_overlay_cb, self, NULL);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
load_settings (DossierWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  /* Until the schema is installed, the window simply does not remember. */
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "window-width") ||
      !g_settings_schema_has_key (schema, "window-height") ||
      !g_settings_schema_has_key (schema, "window-maximized"))
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (294, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Search: Ctrl+F opens the bar over any view; a result goes to its place. */

static void
close_search (DossierWindow *self,
              gboolean       restore_focus)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (restore_focus && self->search_return_focus != NULL)
    gtk_widget_grab_focus (self->search_return_focus);
  g_clear_weak_pointer (&self->search_return_focus);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->dcase == NULL)
    {
      DossierWelcomePage *page = DOSSIER_WELCOME_PAGE (self->welcome_page);
      g_autofree char *text = g_strdup (dossier_welcome_page_get_search_text (page));

      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
        dossier_welcome_page_set_search_text (page, text);
      return;
    }

  ensure_search_panel (self);
  if (gtk_search_bar_get_search_mode (self->search_bar) &&
      focus != NULL && gtk_widget_is_ancestor (focus, self->search_panel))
    {
      close_search (self, TRUE);
      return;
    }

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    g_set_weak_pointer (&self->search_return_focus, focus);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  dossier_search_panel_grab_focus (DOSSIER_SEARCH_PANEL (self->search_panel));
}

static void
on_search_result_activated_cb (DossierWindow *self,
                               const char    *section,
                               const char    *item_id,
                               int            item_index,
                               GStrv          terms)
{
  int index = view_index (self, section);

  /* The entry that had the focus goes away: see show_place_action(). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  close_search (self, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-place", "(ssi)",
                              section, item_id != NULL ? item_id : "", item_index);

  /* The item flashes where it stands; the searched words in it stay
   * marked a little longer. */
  if (index >= 0)
    dossier_view_mark_terms (self->views[index].view, (const char * const *) terms);
}

static void
on_search_closed_cb (DossierWindow *self)
{
  close_search (self, TRUE);
}

/* The panel (and the search index it builds) is made when the bar first
 * opens: most readers of a case never search it. */
static GtkWidget *
ensure_search_panel (DossierWindow *self)
{
  if (self->search_panel != NULL)
    return self->search_panel;

  self->search_panel = dossier_search_panel_new ();
  g_signal_connect_object (self->search_panel, "result-activated",
                           G_CALLBACK (on_search_result_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_panel, "closed",
                           G_CALLBACK (on_search_closed_cb), self, G_CONNECT_SWAPPED);
  dossier_search_panel_set_case (DOSSIER_SEARCH_PANEL (self->search_panel), self->dcase);
  gtk_search_bar_set_child (self->search_bar, self->search_panel);

  return self->search_panel;
}

static gboolean
build_search_index_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  self->index_idle_id = 0;
  if (self->dcase != NULL)
    ensure_search_panel (self);

  return G_SOURCE_REMOVE;
}

static void
on_search_mode_changed_cb (DossierWindow *self)
{
  /* The search button opens the bar without win.find. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ensure_search_panel (self);
}

/* Export and print: a dialog with the options, a toast when written. */

static void
on_exported_cb (DossierWindow *self,
                GFile         *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               dossier_export_toast_new (GTK_WINDOW (self), file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierExportDialog *dialog;

  if (self->dcase == NULL)
    return;

  dialog = dossier_export_dialog_new (GTK_WINDOW (self), self->dcase);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->dcase != NULL && !dossier_print_case (GTK_WINDOW (self), self->dcase, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_reveal_id, g_source_remove);
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  g_clear_handle_id (&self->index_idle_id, g_source_remove);
  g_clear_handle_id (&self->help_overlay_idle_id, g_source_remove);
  g_clear_object (&self->watch);
  g_queue_clear_full (&self->history, history_entry_free);
  g_clear_weak_pointer (&self->search_return_focus);

  /* The views go with the stack: nothing may look them up meanwhile. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  memset (self->views, 0, sizeof self->views);
  self->search_panel = NULL; /* was in the search bar */

  g_clear_object (&self->dcase);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->initial_view, g_free);
  g_clear_pointer (&self->initial_place, g_variant_unref);
  g_clear_error (&self->reload_error);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  widget_class->map = dossier_window_map;
  window_class->close_request = dossier_window_close_request;

  /**
   * DossierWindow::open-file:
   * @window: the window the file was picked or dropped in
   * @file: the file
   *
   * The reader asked to open @file from this window. Return %TRUE when
   * handled; else the window opens it itself.
   */
  signals[SIGNAL_OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_FILE);

  g_type_ensure (DOSSIER_TYPE_WELCOME_PAGE);
  g_type_ensure (DOSSIER_TYPE_ERROR_PAGE);
  g_type_ensure (DOSSIER_TYPE_SOURCE_PANEL);
  g_type_ensure (DOSSIER_TYPE_ENTITY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, warnings_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, source_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_panel);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-source", "s", show_source_action);
  gtk_widget_class_install_action (widget_class, "win.show-entity", "s", show_entity_action);
  gtk_widget_class_install_action (widget_class, "win.show-place", "(ssi)", show_place_action);
  gtk_widget_class_install_action (widget_class, "win.close-panel", NULL, close_panel_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.show-reload-error", NULL, show_reload_error_action);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  add_views (self);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->history);
  self->watch = dossier_file_watch_new (RELOAD_DELAY_MS);
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (on_file_changed_cb), self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (on_visible_view_changed_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode_changed_cb), self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (on_title_visible_changed_cb), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  load_settings (self);
  update_titles (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

DossierWindow *
dossier_window_new (GtkApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

void
dossier_window_open (DossierWindow *self,
                     GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Opening another file starts afresh; the same file reloads in place. */
  if (self->dcase != NULL && self->file != NULL && g_file_equal (self->file, file))
    {
      start_loading (self, file, TRUE);
      return;
    }

  if (self->dcase != NULL)
    set_case (self, NULL, FALSE);

  start_loading (self, file, FALSE);
}

void
dossier_window_open_and_present (DossierWindow *self,
                                 GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  dossier_window_open (self, file);

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  /* A new window waits for a small case so that its first frame shows the
   * case, not a flash of the loading page; a large one shows progress. */
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  self->present_timeout_id = g_timeout_add (LOADING_REVEAL_DELAY_MS, present_timeout_cb, self);
}

void
dossier_window_set_initial_view (DossierWindow *self,
                                 const char    *view_name)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (view_index (self, view_name) < 0)
    return;

  if (self->dcase != NULL && !self->loading)
    {
      show_view (self, view_index (self, view_name));
      return;
    }

  g_free (self->initial_view);
  self->initial_view = g_strdup (view_name);
}

void
dossier_window_set_initial_place (DossierWindow *self,
                                  const char    *section_name,
                                  const char    *item_id,
                                  int            item_index)
{
  GVariant *place;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (section_name != NULL);

  place = g_variant_ref_sink (g_variant_new ("(ssi)", section_name,
                                             item_id != NULL ? item_id : "", item_index));
  g_clear_pointer (&self->initial_place, g_variant_unref);
  if (self->dcase != NULL && !self->loading)
    {
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-place", place);
      g_variant_unref (place);
      return;
    }
  self->initial_place = place;
}

GFile *
dossier_window_get_file (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->file;
}

DossierCase *
dossier_window_get_case (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->dcase;
}

gboolean
dossier_window_is_loading (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->loading;
}

const char *
dossier_window_get_page_name (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
dossier_window_get_visible_view_name (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
dossier_window_get_view (DossierWindow *self,
                         const char    *view_name)
{
  int index;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  index = view_index (self, view_name);
  return index >= 0 ? GTK_WIDGET (self->views[index].view) : NULL;
}

const char *
dossier_window_get_source_panel_source_id (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  if (!adw_flap_get_reveal_flap (self->flap) ||
      gtk_stack_get_visible_child (self->panel_stack) != self->source_panel)
    return NULL;

  return dossier_source_panel_get_source_id (DOSSIER_SOURCE_PANEL (self->source_panel));
}

const char *
dossier_window_get_entity_panel_entity_id (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  if (!adw_flap_get_reveal_flap (self->flap) ||
      gtk_stack_get_visible_child (self->panel_stack) != self->entity_panel)
    return NULL;

  return dossier_entity_panel_get_entity_id (DOSSIER_ENTITY_PANEL (self->entity_panel));
}

GtkWidget *
dossier_window_get_side_panel (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->panel_stack);
}

GtkWidget *
dossier_window_get_error_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->error_page;
}

void
dossier_window_add_toast (DossierWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
dossier_window_get_welcome_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->welcome_page;
}

const GError *
dossier_window_get_reload_error (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->reload_error;
}

GtkWidget *
dossier_window_get_search_panel (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return ensure_search_panel (self);
}

gboolean
dossier_window_is_search_open (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}
