/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-welcome-page.h"

#include "dossier-core.h"
#include "dossier-library-cache.h"
#include "dossier-library-client.h"
#include "dossier-library-entry.h"
#include "dossier-library-entry-row.h"
#include "dossier-library-problem-bar.h"

#define MAX_RECENT 8
/* Hits a search shows; more would only slow the first answer. */
#define MAX_RESULTS 1000
/* While an update runs, the cases are listed again this often (µs), so
 * a first indexing fills the list as it goes. */
#define RELIST_INTERVAL (3 * G_USEC_PER_SEC)
/* A first listing puts this many cases in the list for the first frame
 * (more than a screen holds) and the rest after it: GTK 4.8's list view
 * makes about 200 rows at once, which would hold up that frame. */
#define FIRST_SCREEN 14
#define READ_ONLY_TOOLTIP N_("The library is read-only for you: you can search it and open its cases, not change its folders")

typedef enum
{
  SORT_TITLE,
  SORT_UPDATED,
  SORT_FOLDER,
} SortKey;

struct _DossierWelcomePage
{
  DossierLazyWidget     parent_instance;

  /* The page follows the recent list from its first refresh on. */
  gboolean              watching_recent;

  gboolean              built;        /* the template and the lists */
  DossierLibraryClient *client;
  GListStore           *cases;      /* DossierLibraryEntry, CASE */
  GListStore           *results;    /* DossierLibraryEntry, HEADER and HIT */
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  char                 *filter_words;  /* case-folded */
  GStrv                 folders;
  gboolean              have_cases;
  gboolean              have_folders;
  GCancellable         *list_cancellable;
  char                 *listed_location;  /* the library the lists are of */
  SortKey               sort;
  gint64                listed_at;    /* g_get_monotonic_time () */
  GPtrArray            *later;        /* cases put in the list after the first frame */
  gulong                after_paint_id;
  GdkFrameClock        *after_paint_clock;

  GCancellable         *search_cancellable;
  guint                 search_generation;
  char                 *query;        /* the query shown, NULL for none */
  gboolean              query_answered;
  char                 *query_error;  /* the parser's message */
  guint                 n_hits;
  guint                 n_hit_cases;

  GtkWidget            *problem_bar;
  GtkWidget            *page_stack;
  GtkWidget            *status_page;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  GtkListBox           *recent_popover_list;
  GtkWidget            *recent_popover;
  GtkWidget            *recent_button;
  GtkWidget            *folders_popover;
  GtkWidget            *add_folder_button;
  GtkWidget            *popover_add_button;
  GtkListBox           *folder_list;
  GtkWidget            *search_entry;
  GtkWidget            *list_bar;
  GtkWidget            *count_label;
  GtkWidget            *filter_entry;
  GtkWidget            *sort_dropdown;
  GtkWidget            *progress_revealer;
  GtkWidget            *progress_label;
  GtkWidget            *progress_bar;
  GtkWidget            *message_revealer;
  GtkWidget            *message_label;
  GtkWidget            *content_stack;
  GtkListView          *cases_view;
  GtkListView          *results_view;
  GtkWidget            *query_error_page;
};

G_DEFINE_FINAL_TYPE (DossierWelcomePage, dossier_welcome_page, DOSSIER_TYPE_LAZY_WIDGET)

static void reload_library (DossierWelcomePage *self);
static void run_search     (DossierWelcomePage *self);
static void show_folders   (DossierWelcomePage *self);

/* Recent case files ---------------------------------------------------- */

static int
compare_recent_infos (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  /* Newest first. */
  return g_date_time_compare (time_b, time_a);
}

static void
on_recent_row_activated_cb (DossierWelcomePage *self,
                            GtkListBoxRow      *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "dossier-uri");

  gtk_popover_popdown (GTK_POPOVER (self->recent_popover));
  if (uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-file", "s", uri);
}

static void
on_recent_changed_cb (DossierWelcomePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_welcome_page_refresh (self);
}

static GtkWidget *
new_file_row (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = dossier_sanitize_display_text (basename);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_name = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
  g_autofree char *folder = dossier_sanitize_display_text (parent_name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "dossier-uri", g_strdup (uri), g_free);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The recent case files that still exist, newest first. */
static GPtrArray *
recent_case_infos (GtkRecentManager *manager)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (g_str_has_suffix (uri, ".case.xml") && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent_infos);

  return infos;
}

/* Messages ------------------------------------------------------------- */

/* The library could not be reached: the problem bar tells, not a message. */
static gboolean
is_lost (const GError *error)
{
  return g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
}

static void
show_message (DossierWelcomePage *self,
              const char         *message)
{
  if (self->message_label == NULL)
    return; /* an answer that came after the page was disposed */
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), TRUE);
}

static void
on_message_dismissed_cb (DossierWelcomePage *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), FALSE);
}

/* The client's notice (a bad database set aside), once a process. */
static void
show_notice_once (DossierWelcomePage *self)
{
  const char *notice = NULL;

  /* Only a file is set aside; and asking would wait while a worker
   * tries to reach a team library's server. */
  if (self->client != NULL && !dossier_library_client_is_remote (self->client))
    notice = dossier_library_client_get_notice (self->client);
  if (!self->built || notice == NULL || g_object_get_data (G_OBJECT (self->client), "dossier-notice-shown") != NULL)
    return;

  g_object_set_data (G_OBJECT (self->client), "dossier-notice-shown", GINT_TO_POINTER (TRUE));
  show_message (self, notice);
}

/* Which page and list show --------------------------------------------- */

static void
update_count (DossierWelcomePage *self)
{
  g_autofree char *text = NULL;

  if (!self->built)
    return;

  if (self->query != NULL)
    {
      if (!self->query_answered || self->query_error != NULL || self->n_hits == 0)
        text = g_strdup ("");
      else if (self->n_hits >= MAX_RESULTS)
        text = g_strdup_printf (ngettext ("The first %'u results, in %'u case",
                                          "The first %'u results, in %'u cases", self->n_hit_cases),
                                self->n_hits, self->n_hit_cases);
      else
        {
          g_autofree char *hits = g_strdup_printf (ngettext ("%u result", "%u results", self->n_hits),
                                                   self->n_hits);

          text = g_strdup_printf (ngettext ("%s in %'u case", "%s in %'u cases", self->n_hit_cases),
                                  hits, self->n_hit_cases);
        }
    }
  else
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
      guint later = self->later != NULL ? self->later->len : 0;
      guint total = g_list_model_get_n_items (G_LIST_MODEL (self->cases)) + later;

      shown += later;

      if (shown == total)
        text = g_strdup_printf (ngettext ("%'u case", "%'u cases", total), total);
      else
        text = g_strdup_printf (ngettext ("%'u of %'u case", "%'u of %'u cases", total), shown, total);
    }

  gtk_label_set_text (GTK_LABEL (self->count_label), text);
}

static const char *
content_name (DossierWelcomePage *self)
{
  if (self->query != NULL)
    {
      if (!self->query_answered)
        return NULL;  /* the last answer stays until the next comes */
      if (self->query_error != NULL)
        return "query-error";
      return self->n_hits > 0 ? "results" : "no-results";
    }

  return g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 0 ? "cases" : "no-cases";
}

static void
update_view (DossierWelcomePage *self)
{
  gboolean empty = (self->folders == NULL || self->folders[0] == NULL) &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->cases)) == 0;
  const char *content;

  if (!self->built)
    return; /* a page read ahead of being shown */

  if (!self->have_cases || !self->have_folders)
    gtk_stack_set_visible_child_name (GTK_STACK (self->page_stack), "waiting");
  else if (empty && self->query == NULL && !dossier_library_client_is_updating (self->client))
    gtk_stack_set_visible_child_name (GTK_STACK (self->page_stack), "empty");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->page_stack), "library");

  content = content_name (self);
  if (content != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), content);
  gtk_widget_set_visible (self->filter_entry, self->query == NULL);
  gtk_widget_set_visible (self->sort_dropdown, self->query == NULL);
  update_count (self);
}

/* The list of cases ---------------------------------------------------- */

static int
compare_entries (DossierLibraryEntry *entry_a,
                 DossierLibraryEntry *entry_b,
                 SortKey              sort)
{
  int result = 0;

  switch (sort)
    {
    case SORT_UPDATED:
      /* Newest first; cases without a date last. */
      result = -strcmp (dossier_library_entry_get_updated (entry_a),
                        dossier_library_entry_get_updated (entry_b));
      break;
    case SORT_FOLDER:
      result = strcmp (dossier_library_entry_get_folder_key (entry_a),
                       dossier_library_entry_get_folder_key (entry_b));
      break;
    case SORT_TITLE:
    default:
      break;
    }
  if (result == 0)
    result = strcmp (dossier_library_entry_get_title_key (entry_a),
                     dossier_library_entry_get_title_key (entry_b));
  if (result == 0)
    result = strcmp (dossier_library_entry_get_path (entry_a), dossier_library_entry_get_path (entry_b));

  return result;
}

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  DossierWelcomePage *self = user_data;
  int result = compare_entries ((DossierLibraryEntry *) a, (DossierLibraryEntry *) b, self->sort);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  DossierWelcomePage *self = user_data;

  return dossier_library_entry_matches (item, self->filter_words);
}

static void
on_sort_changed_cb (DossierWelcomePage *self)
{
  self->sort = (SortKey) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sort_dropdown));
  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_filter_changed_cb (DossierWelcomePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (self->filter_words);
  self->filter_words = g_utf8_casefold (stripped, -1);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

/* Through app.open-at, which asks the library for the file: a team
 * library's case that is not on this computer opens from its copy. */
static void
open_case_file (DossierWelcomePage *self,
                const char         *path)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-at", "(sssi)", path, "", "", -1);
}

static void
on_case_activated_cb (DossierWelcomePage *self,
                      guint               position)
{
  g_autoptr(DossierLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (entry != NULL)
    open_case_file (self, dossier_library_entry_get_path (entry));
}

static void
on_filter_activate_cb (DossierWelcomePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    on_case_activated_cb (self, 0);
}

/* The entries of the cases, made and sorted in a worker thread: with
 * 10,000 cases the collation keys and the sort would hold up the first
 * frame; the sorted list's own sort then finds them in order. */
typedef struct
{
  GPtrArray *infos;
  SortKey    sort;
  gboolean   remote;   /* a team library: mark the cases not on this computer */
} EntriesJob;

static void
entries_job_free (EntriesJob *job)
{
  g_clear_pointer (&job->infos, g_ptr_array_unref);
  g_free (job);
}

static int
compare_sorted_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_entries (*(DossierLibraryEntry **) a, *(DossierLibraryEntry **) b,
                          GPOINTER_TO_INT (user_data));
}

static GPtrArray *
make_sorted_entries (EntriesJob *job)
{
  GPtrArray *entries;
  gpointer *stolen;
  gsize n = 0;

  stolen = g_ptr_array_steal (job->infos, &n);
  entries = g_ptr_array_new_full ((guint) n, g_object_unref);
  for (gsize i = 0; i < n; i++)
    {
      DossierLibraryEntry *entry = dossier_library_entry_new_case (stolen[i]);

      if (job->remote)
        dossier_library_entry_set_elsewhere (entry, !g_file_test (dossier_library_entry_get_path (entry),
                                                                  G_FILE_TEST_EXISTS));
      g_ptr_array_add (entries, entry);
    }
  g_free (stolen);
  g_ptr_array_sort_with_data (entries, compare_sorted_cb, GINT_TO_POINTER (job->sort));
  return entries;
}

static void
make_entries_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_task_return_pointer (task, make_sorted_entries (task_data), (GDestroyNotify) g_ptr_array_unref);
}

static void
stop_waiting_for_paint (DossierWelcomePage *self)
{
  if (self->after_paint_id != 0)
    g_signal_handler_disconnect (self->after_paint_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->after_paint_clock);
}

static gboolean
add_later_cases_cb (gpointer user_data)
{
  DossierWelcomePage *self = user_data;
  g_autoptr(GPtrArray) later = g_steal_pointer (&self->later);

  if (later != NULL && self->cases != NULL)
    g_list_store_splice (self->cases, g_list_model_get_n_items (G_LIST_MODEL (self->cases)), 0,
                         later->pdata, later->len);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock      *clock,
                   DossierWelcomePage *self)
{
  stop_waiting_for_paint (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_later_cases_cb, g_object_ref (self), g_object_unref);
}

/* The rest of a first listing goes in once a frame shows the first. */
static void
add_later_cases (DossierWelcomePage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->later == NULL || self->after_paint_id != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (clock == NULL)
    {
      add_later_cases_cb (self);
      return;
    }
  self->after_paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
}

/* Shows a listing's entries: on a first listing the first screen now
 * and the rest once a frame has shown it. */
static void
show_entries (DossierWelcomePage *self,
              GPtrArray          *entries)
{
  guint now;

  stop_waiting_for_paint (self);
  g_clear_pointer (&self->later, g_ptr_array_unref);
  now = entries->len;
  if (!self->have_cases && entries->len > FIRST_SCREEN)
    {
      now = FIRST_SCREEN;
      self->later = g_ptr_array_new_full (entries->len - now, g_object_unref);
      for (guint i = now; i < entries->len; i++)
        g_ptr_array_add (self->later, g_object_ref (g_ptr_array_index (entries, i)));
    }

  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       entries->pdata, now);
  self->have_cases = TRUE;
  update_view (self);
  add_later_cases (self);
}

static void
on_entries_made_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierWelcomePage *self = DOSSIER_WELCOME_PAGE (source);
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);

  if (entries == NULL || self->cases == NULL)
    return; /* listed again since, or the page is gone */
  show_entries (self, entries);
}

static void
make_entries (DossierWelcomePage  *self,
              GPtrArray           *infos,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  EntriesJob *job = g_new0 (EntriesJob, 1);
  GCancellable *cancellable = self->list_cancellable;
  gpointer source = self;

  job->infos = infos;
  job->sort = self->sort;
  job->remote = dossier_library_client_is_remote (self->client);
  task = g_task_new (source, cancellable, callback, NULL);
  g_task_set_source_tag (task, make_entries);
  g_task_set_task_data (task, job, (GDestroyNotify) entries_job_free);
  g_task_run_in_thread (task, make_entries_thread);
}

/* A first listing made before any page asks (the application starts it
 * before it makes a window that shows the Library, so the listing and
 * the window are made side by side). The first page to list the
 * library in the default order takes it: at once when the worker is
 * done, even before the main loop has heard so, else when it is. */
typedef struct
{
  GMutex              lock;
  GPtrArray          *entries;   /* the worker's, under @lock */
  gboolean            made;      /* under @lock */
  gboolean            taken;     /* a page has it */
  DossierWelcomePage *waiter;    /* a page waiting for it */
  GCancellable       *cancellable;  /* the waiter's listing */
  gboolean            remote;    /* read in the main thread */
} Prefetch;

static Prefetch *prefetch;

static void
prefetch_free (Prefetch *data)
{
  g_mutex_clear (&data->lock);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_object (&data->waiter);
  g_clear_object (&data->cancellable);
  g_free (data);
}

/* The entries, if the worker has made them: NULL otherwise. */
static GPtrArray *
steal_prefetched (Prefetch *data,
                  gboolean *made)
{
  GPtrArray *entries;

  g_mutex_lock (&data->lock);
  *made = data->made;
  entries = g_steal_pointer (&data->entries);
  g_mutex_unlock (&data->lock);
  return entries;
}

static void
on_prefetch_made_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Prefetch *data = g_steal_pointer (&prefetch);
  g_autoptr(GPtrArray) entries = NULL;
  gboolean made;

  entries = steal_prefetched (data, &made);
  /* A page listed again since, or went away, takes its own listing. */
  if (data->waiter != NULL && entries != NULL && data->waiter->cases != NULL &&
      !g_cancellable_is_cancelled (data->cancellable))
    show_entries (data->waiter, entries);
  prefetch_free (data);
}

/* Lists the cases and makes their entries in one worker: the main loop
 * is still starting the toolkit and making the window. */
static void
prefetch_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Prefetch *data = g_task_get_task_data (task);
  EntriesJob job = { NULL, SORT_TITLE, data->remote };
  GPtrArray *entries;

  job.infos = dossier_library_client_list_cases_in_thread (source_object, NULL);
  if (job.infos == NULL)
    job.infos = g_ptr_array_new ();
  entries = make_sorted_entries (&job);
  g_ptr_array_unref (job.infos);

  g_mutex_lock (&data->lock);
  data->entries = entries;
  data->made = TRUE;
  g_mutex_unlock (&data->lock);
  g_task_return_boolean (task, TRUE);
}

void
dossier_welcome_page_prefetch (void)
{
  g_autoptr(GTask) task = NULL;

  if (prefetch != NULL)
    return;
  prefetch = g_new0 (Prefetch, 1);
  g_mutex_init (&prefetch->lock);
  prefetch->remote = dossier_library_client_is_remote (dossier_library_client_get_default ());
  /* The client is made here, in the main thread: its answers come in
   * the main context. The task's data lives until its callback. */
  task = g_task_new (dossier_library_client_get_default (), NULL, on_prefetch_made_cb, NULL);
  g_task_set_source_tag (task, dossier_welcome_page_prefetch);
  g_task_set_task_data (task, prefetch, NULL);
  g_task_run_in_thread (task, prefetch_thread);
}

/* Takes the prefetched listing for @self's first listing; FALSE when
 * there is none to take. */
static gboolean
take_prefetch (DossierWelcomePage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  gboolean made;

  if (prefetch == NULL || prefetch->taken || self->have_cases || self->sort != SORT_TITLE ||
      self->client != dossier_library_client_get_default ())
    return FALSE;
  prefetch->taken = TRUE;
  entries = steal_prefetched (prefetch, &made);
  if (!made)
    {
      prefetch->waiter = g_object_ref (self);
      prefetch->cancellable = g_object_ref (self->list_cancellable);
      return TRUE;
    }
  if (entries != NULL)
    show_entries (self, entries);
  return TRUE;
}

static void
on_cases_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DossierWelcomePage) self = user_data;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = dossier_library_client_list_cases_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A library out of reach: the problem bar says so, and the cases
   * listed before stay until it answers again. */
  if (is_lost (error) && self->have_cases)
    return;
  if (infos == NULL && !is_lost (error))
    show_message (self, error->message);
  if (infos == NULL)
    infos = g_ptr_array_new ();

  make_entries (self, g_steal_pointer (&infos), on_entries_made_cb);
}

/* The library's folders ------------------------------------------------- */

static void
on_folder_changed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_client_change_folder_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error))
    show_message (self, error->message);
}

static void
on_remove_folder_clicked_cb (GtkButton          *button,
                             DossierWelcomePage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "dossier-folder");

  dossier_library_client_remove_folder_async (self->client, path, NULL,
                                              on_folder_changed_cb, g_object_ref (self));
}

static GtkWidget *
new_folder_row (DossierWelcomePage *self,
                const char         *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *name = dossier_sanitize_display_text (basename);
  g_autofree char *shown = dossier_sanitize_display_text (path);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gboolean read_only = dossier_library_client_is_read_only (self->client);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* A team library's folder may be on a colleague's computer: its cases
   * open from the library's copies, nothing is wrong with it. */
  if (dossier_library_client_is_remote (self->client) && !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s · Not on this computer"), shown);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("network-server-symbolic"));
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_sensitive (remove, !read_only);
  gtk_widget_set_tooltip_text (remove, read_only ? _(READ_ONLY_TOOLTIP) : _("Remove From the Library"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove From the Library"), -1);
  g_object_set_data_full (G_OBJECT (remove), "dossier-folder", g_strdup (path), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_folder_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* A reader of a team library may search it and open its cases only. */
static void
update_read_only (DossierWelcomePage *self)
{
  gboolean read_only;

  if (!self->built || self->client == NULL)
    return;
  read_only = dossier_library_client_is_read_only (self->client);
  gtk_widget_set_sensitive (self->add_folder_button, !read_only);
  gtk_widget_set_tooltip_text (self->add_folder_button, read_only ? _(READ_ONLY_TOOLTIP) : NULL);
  gtk_widget_set_sensitive (self->popover_add_button, !read_only);
  gtk_widget_set_tooltip_text (self->popover_add_button, read_only ? _(READ_ONLY_TOOLTIP) : NULL);
  show_folders (self);
}

static void
show_folders (DossierWelcomePage *self)
{
  if (!self->built)
    return;

  clear_list_box (self->folder_list);
  for (guint i = 0; self->folders != NULL && self->folders[i] != NULL; i++)
    gtk_list_box_append (self->folder_list, new_folder_row (self, self->folders[i]));
}

static void
on_folders_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv folders;

  folders = dossier_library_client_list_folders_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (is_lost (error) && self->have_folders)
    return;
  if (folders == NULL && !is_lost (error))
    show_message (self, error->message);
  if (folders == NULL)
    folders = g_new0 (char *, 1);

  g_strfreev (self->folders);
  self->folders = folders;
  self->have_folders = TRUE;
  show_folders (self);
  update_view (self);
}

static void
on_folder_chosen_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     DossierWelcomePage *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (folder != NULL && g_file_peek_path (folder) != NULL && self->client != NULL)
    dossier_library_client_add_folder_async (self->client, g_file_peek_path (folder), NULL,
                                             on_folder_changed_cb, g_object_ref (self));
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_add_folder_clicked_cb (DossierWelcomePage *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  gtk_popover_popdown (GTK_POPOVER (self->folders_popover));
  chooser = gtk_file_chooser_native_new (_("Add a Folder of Case Files"),
                                         GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Searching every case ---------------------------------------------------- */

typedef struct
{
  DossierWelcomePage *self;
  guint               generation;
} SearchData;

static void
show_results (DossierWelcomePage *self,
              GPtrArray          *hits)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  const char *last_path = NULL;
  gpointer *stolen;
  gsize n = 0;

  self->n_hit_cases = 0;
  stolen = g_ptr_array_steal (hits, &n);
  for (gsize i = 0; i < n; i++)
    {
      DossierLibraryHit *hit = stolen[i];

      if (g_strcmp0 (hit->path, last_path) != 0)
        {
          g_ptr_array_add (entries, dossier_library_entry_new_header (hit));
          self->n_hit_cases++;
        }
      last_path = hit->path;
      g_ptr_array_add (entries, dossier_library_entry_new_hit (hit));
    }
  g_free (stolen);
  self->n_hits = (guint) n;

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       entries->pdata, entries->len);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SearchData *data = user_data;
  g_autoptr(DossierWelcomePage) self = data->self;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = data->generation;

  g_free (data);
  hits = dossier_library_client_search_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);

  /* An answer to a query typed over since. */
  if (generation != self->search_generation ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->query_answered = TRUE;
  g_clear_pointer (&self->query_error, g_free);
  if (hits == NULL)
    {
      self->query_error = g_strdup (error->message);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->query_error_page), self->query_error);
      hits = g_ptr_array_new ();
    }
  show_results (self, hits);
  update_view (self);
}

static void
run_search (DossierWelcomePage *self)
{
  SearchData *data;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_generation++;

  if (self->query == NULL)
    {
      g_list_store_remove_all (self->results);
      update_view (self);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  data = g_new0 (SearchData, 1);
  data->self = g_object_ref (self);
  data->generation = self->search_generation;
  dossier_library_client_search_async (self->client, self->query, MAX_RESULTS,
                                       self->search_cancellable, on_search_done_cb, data);
}

static void
on_search_changed_cb (DossierWelcomePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* The same query again (the field's delayed signal after
   * dossier_welcome_page_set_search_text(), or only spaces typed). */
  if (g_strcmp0 (*stripped != '\0' ? stripped : NULL, self->query) == 0)
    return;

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_steal_pointer (&stripped);
  self->query_answered = FALSE;
  if (self->client != NULL)
    run_search (self);
  update_view (self);
}

static void
activate_result (DossierWelcomePage  *self,
                 DossierLibraryEntry *entry)
{
  const DossierLibraryHit *hit = dossier_library_entry_get_hit (entry);

  if (hit == NULL)
    {
      open_case_file (self, dossier_library_entry_get_path (entry));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-at", "(sssi)", hit->path,
                              dossier_section_to_string (hit->section),
                              hit->item_id != NULL ? hit->item_id : "", hit->item_index);
}

static void
on_result_activated_cb (DossierWelcomePage *self,
                        guint               position)
{
  g_autoptr(DossierLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (entry != NULL)
    activate_result (self, entry);
}

/* Escape in the search field empties it. */
static void
on_search_stopped_cb (DossierWelcomePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed_cb (self);
}

/* Enter in the search field opens the first hit. */
static void
on_search_activate_cb (DossierWelcomePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (self->query == NULL)
    {
      on_filter_activate_cb (self);
      return;
    }
  for (guint i = 0; i < n && self->query_answered; i++)
    {
      g_autoptr(DossierLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (dossier_library_entry_get_kind (entry) == DOSSIER_LIBRARY_ENTRY_HIT)
        {
          activate_result (self, entry);
          return;
        }
    }
}

/* The client ------------------------------------------------------------ */

static void
on_progress_cb (DossierLibraryClient *client,
                guint                 done,
                guint                 total,
                DossierWelcomePage   *self)
{
  g_autofree char *text = NULL;

  if (!self->built)
    return;
  /* TRANSLATORS: "Indexing case files: 120 of 1,000" */
  text = g_strdup_printf (_("Indexing case files: %'u of %'u"), done, total);
  gtk_label_set_text (GTK_LABEL (self->progress_label), text);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 total > 0 ? (double) done / total : 0.0);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer),
                                 dossier_library_client_is_updating (client));
  if (g_get_monotonic_time () - self->listed_at > RELIST_INTERVAL)
    reload_library (self);
}

static void
on_updating_changed_cb (DossierWelcomePage *self)
{
  gboolean updating = dossier_library_client_is_updating (self->client);

  if (!self->built)
    return;
  if (!updating)
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), FALSE);
  show_notice_once (self);
  update_view (self);
}

/* The client moved to another library (its preferences): nothing of
 * the old one stays on screen, even while the new one is out of reach. */
static void
forget_library (DossierWelcomePage *self)
{
  stop_waiting_for_paint (self);
  g_clear_pointer (&self->later, g_ptr_array_unref);
  g_list_store_remove_all (self->cases);
  g_clear_pointer (&self->folders, g_strfreev);
  self->have_cases = FALSE;
  self->have_folders = FALSE;
  show_folders (self);
  update_view (self);
}

static void
on_library_changed_cb (DossierWelcomePage *self)
{
  if (g_strcmp0 (dossier_library_client_get_location (self->client), self->listed_location) != 0)
    forget_library (self);
  show_notice_once (self);
  reload_library (self);
  if (self->query != NULL)
    run_search (self);
}

static void
reload_library (DossierWelcomePage *self)
{
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();
  self->listed_at = g_get_monotonic_time ();
  g_free (self->listed_location);
  self->listed_location = g_strdup (dossier_library_client_get_location (self->client));

  if (!take_prefetch (self))
    dossier_library_client_list_cases_async (self->client, self->list_cancellable,
                                             on_cases_listed_cb, g_object_ref (self));
  dossier_library_client_list_folders_async (self->client, self->list_cancellable,
                                             on_folders_listed_cb, g_object_ref (self));
}

static void
ensure_client (DossierWelcomePage *self)
{
  if (self->client != NULL)
    return;

  self->client = g_object_ref (dossier_library_client_get_default ());
  g_signal_connect_object (self->client, "changed", G_CALLBACK (on_library_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "progress", G_CALLBACK (on_progress_cb), self, 0);
  g_signal_connect_object (self->client, "notify::updating", G_CALLBACK (on_updating_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::read-only", G_CALLBACK (update_read_only),
                           self, G_CONNECT_SWAPPED);
  if (self->built)
    dossier_library_problem_bar_set_client (DOSSIER_LIBRARY_PROBLEM_BAR (self->problem_bar), self->client);
  update_read_only (self);
  reload_library (self);
  if (self->query != NULL)
    run_search (self);
}

/* The lists' rows ----------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, dossier_library_entry_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  dossier_library_entry_row_set_entry (DOSSIER_LIBRARY_ENTRY_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  dossier_library_entry_row_set_entry (DOSSIER_LIBRARY_ENTRY_ROW (gtk_list_item_get_child (item)), NULL);
}

static GtkListItemFactory *
new_row_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);

  return factory;
}

static void
make_models (DossierWelcomePage *self)
{
  self->cases = g_list_store_new (DOSSIER_TYPE_LIBRARY_ENTRY);
  self->results = g_list_store_new (DOSSIER_TYPE_LIBRARY_ENTRY);
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_entries_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);
}

static void
build_lists (DossierWelcomePage *self)
{
  g_autoptr(GtkListItemFactory) case_factory = new_row_factory ();
  g_autoptr(GtkListItemFactory) result_factory = new_row_factory ();
  GtkNoSelection *case_selection;
  GtkNoSelection *result_selection;

  case_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_list_view_set_model (self->cases_view, GTK_SELECTION_MODEL (case_selection));
  gtk_list_view_set_factory (self->cases_view, case_factory);
  g_object_unref (case_selection);

  result_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (result_selection));
  gtk_list_view_set_factory (self->results_view, result_factory);
  g_object_unref (result_selection);
}

/* The page ------------------------------------------------------------- */

static void
ensure_page (DossierWelcomePage *self)
{
  if (self->built)
    return;

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));
  build_lists (self);
  self->built = TRUE;
  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self));
  /* What was read ahead (dossier_welcome_page_read_ahead ()). */
  if (self->client != NULL)
    dossier_library_problem_bar_set_client (DOSSIER_LIBRARY_PROBLEM_BAR (self->problem_bar), self->client);
  update_read_only (self);
  show_folders (self);
  update_view (self);
}

static void
dossier_welcome_page_map (GtkWidget *widget)
{
  DossierWelcomePage *self = DOSSIER_WELCOME_PAGE (widget);

  GTK_WIDGET_CLASS (dossier_welcome_page_parent_class)->map (widget);

  /* Read the recent list and the library only when the page is seen: a
   * window opened on a file never pays for them. */
  dossier_welcome_page_refresh (self);
  ensure_client (self);
  show_notice_once (self);
  add_later_cases (self);
}

static void
dossier_welcome_page_unmap (GtkWidget *widget)
{
  DossierWelcomePage *self = DOSSIER_WELCOME_PAGE (widget);

  /* The rest goes in when the page is shown again. */
  stop_waiting_for_paint (self);

  GTK_WIDGET_CLASS (dossier_welcome_page_parent_class)->unmap (widget);
}

static void
dossier_welcome_page_dispose (GObject *object)
{
  DossierWelcomePage *self = DOSSIER_WELCOME_PAGE (object);

  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (),
                                        on_recent_changed_cb, object);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  stop_waiting_for_paint (self);
  g_clear_pointer (&self->later, g_ptr_array_unref);
  if (self->cases_view != NULL)
    gtk_list_view_set_model (self->cases_view, NULL);
  if (self->results_view != NULL)
    gtk_list_view_set_model (self->results_view, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->cases);
  g_clear_object (&self->results);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (dossier_welcome_page_parent_class)->dispose (object);
}

static void
dossier_welcome_page_finalize (GObject *object)
{
  DossierWelcomePage *self = DOSSIER_WELCOME_PAGE (object);

  g_strfreev (self->folders);
  g_free (self->listed_location);
  g_free (self->filter_words);
  g_free (self->query);
  g_free (self->query_error);

  G_OBJECT_CLASS (dossier_welcome_page_parent_class)->finalize (object);
}

static void
dossier_welcome_page_class_init (DossierWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_welcome_page_dispose;
  object_class->finalize = dossier_welcome_page_finalize;
  widget_class->map = dossier_welcome_page_map;
  widget_class->unmap = dossier_welcome_page_unmap;

  g_type_ensure (DOSSIER_TYPE_LIBRARY_PROBLEM_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, problem_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_popover_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, folders_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, add_folder_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, popover_add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, folder_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, list_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, cases_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, results_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, query_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
}

static void
dossier_welcome_page_init (DossierWelcomePage *self)
{
  make_models (self);
}

GtkWidget *
dossier_welcome_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_WELCOME_PAGE, NULL);
}

void
dossier_welcome_page_refresh (DossierWelcomePage *self)
{
  GtkRecentManager *manager;
  g_autoptr(GPtrArray) infos = NULL;
  guint shown;

  g_return_if_fail (DOSSIER_IS_WELCOME_PAGE (self));

  ensure_page (self);
  manager = gtk_recent_manager_get_default ();
  if (!self->watching_recent)
    {
      self->watching_recent = TRUE;
      g_signal_connect_swapped (manager, "changed", G_CALLBACK (on_recent_changed_cb), self);
    }

  clear_list_box (self->recent_list);
  clear_list_box (self->recent_popover_list);
  infos = recent_case_infos (manager);
  shown = MIN (infos->len, MAX_RECENT);
  for (guint i = 0; i < shown; i++)
    {
      const char *uri = gtk_recent_info_get_uri (g_ptr_array_index (infos, i));

      gtk_list_box_append (self->recent_list, new_file_row (uri));
      gtk_list_box_append (self->recent_popover_list, new_file_row (uri));
    }

  gtk_widget_set_visible (self->recent_group, shown > 0);
  gtk_widget_set_visible (self->recent_button, shown > 0);
}

void
dossier_welcome_page_set_search_text (DossierWelcomePage *self,
                                      const char         *text)
{
  g_return_if_fail (DOSSIER_IS_WELCOME_PAGE (self));

  ensure_page (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  /* At once, not after the field's typing delay. */
  on_search_changed_cb (self);
  gtk_widget_grab_focus (self->search_entry);
}

const char *
dossier_welcome_page_get_search_text (DossierWelcomePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_WELCOME_PAGE (self), NULL);

  if (!dossier_lazy_widget_is_built (DOSSIER_LAZY_WIDGET (self)))
    return "";
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
dossier_welcome_page_read_ahead (DossierWelcomePage *self)
{
  g_return_if_fail (DOSSIER_IS_WELCOME_PAGE (self));

  ensure_client (self);
}

gboolean
dossier_welcome_page_is_listed (DossierWelcomePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_WELCOME_PAGE (self), FALSE);

  return self->have_cases && self->have_folders;
}

static gboolean
index_case_cb (gpointer user_data)
{
  const char *path = g_file_peek_path (user_data);
  DossierLibraryClient *client = dossier_library_client_get_default ();

  /* Moved to a team library meanwhile: see below. */
  if (path != NULL && !dossier_library_client_is_remote (client))
    dossier_library_client_index_file (client, path);

  return G_SOURCE_REMOVE;
}

void
dossier_welcome_page_index_case (GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));

  /* A team library's copy is the library's already; and a case opened
   * is shared with the team only by adding its folder, never by being
   * read. */
  if (dossier_library_cache_holds (file) ||
      dossier_library_client_is_remote (dossier_library_client_get_default ()))
    return;

  g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, index_case_cb, g_object_ref (file), g_object_unref);
}
