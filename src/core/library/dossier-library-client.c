/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-client.h"

#include <glib/gi18n-lib.h>

#include "dossier-library.h"
#include "dossier-library-cache.h"
#include "dossier-library-open.h"
#include "dossier-library-sqlite.h"
#include "dossier-library-watcher.h"
#include "dossier-search-query.h"

/* Two connections to the database, each used by one thread at a time:
 * the reader for searches and listings, the writer for updates and
 * folder changes. WAL lets the reader go on while the writer writes. */

/* At most this often a `progress` signal, besides the last file's. */
#define PROGRESS_INTERVAL_US (50 * 1000)

struct _DossierLibraryClient
{
  GObject        parent_instance;

  char          *location;
  GMainContext  *context;

  GMutex         make_lock;     /* opening: one at a time (making the file) */
  GMutex         open_lock;     /* location, generation, notice: held briefly */
  char          *notice;

  GMutex         reader_lock;
  DossierLibraryStore *reader;
  guint          reader_generation;
  GMutex         writer_lock;
  DossierLibraryStore *writer;
  guint          writer_generation;
  guint          generation;    /* of the location; with open_lock */

  /* Main context only. */
  gboolean       updating;
  gboolean       update_again;
  GPtrArray     *pending_files;
  guint          n_tasks;       /* folder changes running */
  DossierLibraryWatcher *watcher;  /* NULL until dossier_library_client_watch() */
  gboolean       read_only;
  int            read_only_seen;  /* atomic: set by a worker */
  char          *problem;
  guint          retry_delay;   /* seconds; 0 while the library answers */
  guint          retry_source;
};

enum
{
  PROP_0,
  PROP_UPDATING,
  PROP_READ_ONLY,
  PROP_PROBLEM,
  N_PROPS
};

enum
{
  SIGNAL_PROGRESS,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierLibraryClient, dossier_library_client, G_TYPE_OBJECT)

static char *default_location;

/* ------------------------------------------------------------------ */
/* Connections (worker threads)                                        */
/* ------------------------------------------------------------------ */

/* Opens a connection; the first one of the process makes or sets aside
 * the file, so the opening is one at a time. */
static DossierLibraryStore *
open_store (DossierLibraryClient  *self,
            GError               **error)
{
  g_autofree char *notice = NULL;
  g_autofree char *location = NULL;
  DossierLibraryStore *store;

  /* The main thread takes open_lock for a moment only: never while a
   * server is being reached, which may take seconds. */
  g_mutex_lock (&self->make_lock);
  g_mutex_lock (&self->open_lock);
  location = g_strdup (self->location);
  g_mutex_unlock (&self->open_lock);
  store = dossier_library_store_open (location, &notice, error);
  g_mutex_unlock (&self->make_lock);

  g_mutex_lock (&self->open_lock);
  if (store != NULL && dossier_library_store_is_read_only (store))
    g_atomic_int_set (&self->read_only_seen, TRUE);
  if (notice != NULL && self->notice == NULL)
    self->notice = g_steal_pointer (&notice);
  g_mutex_unlock (&self->open_lock);
  return store;
}

/* With @lock held: the connection in @slot, opened if need be, and
 * opened again when the client moved to another library. */
static DossierLibraryStore *
ensure_store (DossierLibraryClient  *self,
              DossierLibraryStore  **slot,
              guint                 *slot_generation,
              GError               **error)
{
  guint generation;

  g_mutex_lock (&self->open_lock);
  generation = self->generation;
  g_mutex_unlock (&self->open_lock);
  if (*slot != NULL && *slot_generation != generation)
    g_clear_object (slot);
  if (*slot == NULL)
    {
      *slot = open_store (self, error);
      *slot_generation = generation;
    }
  return *slot;
}

typedef enum
{
  READ_SEARCH,
  READ_CASES,
  READ_FOLDERS,
} ReadKind;

static void     start_read  (DossierLibraryClient *self,
                             ReadKind              kind,
                             const char           *text,
                             guint                 max_results,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
static gpointer read_finish (DossierLibraryClient  *self,
                             GAsyncResult          *result,
                             ReadKind               kind,
                             GError               **error);

/* ------------------------------------------------------------------ */
/* Reaching the library                                                */
/* ------------------------------------------------------------------ */

/* The first wait before trying a lost library again, and the longest. */
#define RETRY_FIRST_S 1
#define RETRY_MAX_S   30

typedef struct
{
  DossierLibraryClient *client;
  char                 *problem;   /* NULL: the library answered */
  gboolean              lost;      /* it could not be reached */
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_object_unref (outcome->client);
  g_free (outcome->problem);
  g_free (outcome);
}

static void retry_cb_done (GObject *object, GAsyncResult *result, gpointer user_data);

static gboolean
retry_cb (gpointer user_data)
{
  DossierLibraryClient *self = user_data;

  self->retry_source = 0;
  start_read (self, READ_FOLDERS, NULL, 0, NULL, retry_cb_done, NULL);
  return G_SOURCE_REMOVE;
}

static void
retry_cb_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_auto(GStrv) folders = read_finish (DOSSIER_LIBRARY_CLIENT (object), result, READ_FOLDERS, NULL);
}

static gboolean
apply_outcome_cb (gpointer user_data)
{
  Outcome *outcome = user_data;
  DossierLibraryClient *self = outcome->client;
  gboolean read_only = g_atomic_int_get (&self->read_only_seen);
  gboolean was_lost = self->problem != NULL;

  if (read_only != self->read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
  if (!outcome->lost && !was_lost)
    return G_SOURCE_REMOVE;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_free (self->problem);
  if (outcome->lost)
    {
      self->retry_delay = self->retry_delay == 0 ? RETRY_FIRST_S
                                                 : MIN (self->retry_delay * 2, RETRY_MAX_S);
      /* libpq's message ends as it pleases ("…connections?"): it comes
       * last, after what Dossier does about it. */
      self->problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "The library cannot be reached. Trying again in %u second. (%s)",
                                                    "The library cannot be reached. Trying again in %u seconds. (%s)",
                                                    self->retry_delay),
                                       self->retry_delay, outcome->problem);
      self->retry_source = g_timeout_add_seconds (self->retry_delay, retry_cb, self);
    }
  else
    {
      self->problem = NULL;
      self->retry_delay = 0;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
  /* Back: what the views show may have changed meanwhile. */
  if (was_lost && !outcome->lost)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* In a worker, after a call on the library: tells the main context
 * whether the library answered (@error NULL or not a lost connection). */
static void
report_outcome (DossierLibraryClient *self,
                const GError         *error)
{
  Outcome *outcome = g_new0 (Outcome, 1);
  GSource *source;

  outcome->client = g_object_ref (self);
  outcome->lost = error != NULL && g_error_matches (error, DOSSIER_LIBRARY_ERROR,
                                                    DOSSIER_LIBRARY_ERROR_CONNECTION);
  outcome->problem = outcome->lost ? g_strdup (error->message) : NULL;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, apply_outcome_cb, outcome, (GDestroyNotify) outcome_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* Searches and listings                                               */
/* ------------------------------------------------------------------ */


typedef struct
{
  ReadKind  kind;
  char     *text;
  guint     max_results;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->text);
  g_free (job);
}

static GPtrArray *
run_search (DossierLibraryStore  *store,
            const ReadJob        *job,
            GError              **error)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (job->text, error);

  if (query == NULL)
    return NULL;
  if (dossier_search_query_is_empty (query))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_hit_free);
  return dossier_library_store_search (store, query, job->max_results, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Runs @job on the reader, in the calling worker thread, unless
 * @cancellable is cancelled by the time the reader is free. */
static gpointer
read_now (DossierLibraryClient  *self,
          const ReadJob         *job,
          GCancellable          *cancellable,
          GError               **error)
{
  DossierLibraryStore *store = NULL;
  gpointer result = NULL;

  g_mutex_lock (&self->reader_lock);
  /* A search typed over before it could start never runs. */
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    store = ensure_store (self, &self->reader, &self->reader_generation, error);
  if (store != NULL && job->kind == READ_SEARCH)
    result = run_search (store, job, error);
  else if (store != NULL && job->kind == READ_CASES)
    result = dossier_library_store_list_cases (store, error);
  else if (store != NULL)
    {
      GStrv folders = dossier_library_store_list_folders (store, error);

      if (folders != NULL)
        qsort (folders, g_strv_length (folders), sizeof (char *), compare_strings);
      result = folders;
    }
  g_mutex_unlock (&self->reader_lock);
  report_outcome (self, result == NULL && error != NULL ? *error : NULL);
  return result;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const ReadJob *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = read_now (source_object, job, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result,
                           job->kind == READ_FOLDERS ? (GDestroyNotify) g_strfreev
                                                     : (GDestroyNotify) g_ptr_array_unref);
}

GPtrArray *
dossier_library_client_list_cases_in_thread (DossierLibraryClient  *self,
                                             GError               **error)
{
  ReadJob job = { READ_CASES, NULL, 0 };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), NULL);

  return read_now (self, &job, NULL, error);
}

/* Runs a read of @kind in a worker; its finish is read_finish(). */
static void
start_read (DossierLibraryClient *self,
            ReadKind              kind,
            const char           *text,
            guint                 max_results,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->kind = kind;
  job->text = g_strdup (text);
  job->max_results = max_results;
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

static gpointer
read_finish (DossierLibraryClient  *self,
             GAsyncResult          *result,
             ReadKind               kind,
             GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == start_read, NULL);
  g_return_val_if_fail (((ReadJob *) g_task_get_task_data (G_TASK (result)))->kind == kind, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
dossier_library_client_search_async (DossierLibraryClient *self,
                                     const char           *text,
                                     guint                 max_results,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));
  g_return_if_fail (text != NULL);

  start_read (self, READ_SEARCH, text, max_results, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_client_search_finish (DossierLibraryClient  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return read_finish (self, result, READ_SEARCH, error);
}

void
dossier_library_client_list_cases_async (DossierLibraryClient *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  start_read (self, READ_CASES, NULL, 0, cancellable, callback, user_data);
}

GPtrArray *
dossier_library_client_list_cases_finish (DossierLibraryClient  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return read_finish (self, result, READ_CASES, error);
}

void
dossier_library_client_list_folders_async (DossierLibraryClient *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  start_read (self, READ_FOLDERS, NULL, 0, cancellable, callback, user_data);
}

GStrv
dossier_library_client_list_folders_finish (DossierLibraryClient  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return read_finish (self, result, READ_FOLDERS, error);
}

/* ------------------------------------------------------------------ */
/* Writes                                                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  DossierLibraryClient *client;
  guint                 done;
  guint                 total;
} ProgressEvent;

static gboolean
emit_progress_cb (gpointer user_data)
{
  ProgressEvent *event = user_data;

  g_signal_emit (event->client, signals[SIGNAL_PROGRESS], 0, event->done, event->total);
  return G_SOURCE_REMOVE;
}

static void
progress_event_free (ProgressEvent *event)
{
  g_object_unref (event->client);
  g_free (event);
}

typedef struct
{
  DossierLibraryClient *client;
  gint64                last;
} ProgressRelay;

/* In the worker: hands the progress to the client's main context. */
static void
relay_progress (guint       done,
                guint       total,
                const char *path,
                gpointer    user_data)
{
  ProgressRelay *relay = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressEvent *event;
  GSource *source;

  if (done < total && now - relay->last < PROGRESS_INTERVAL_US)
    return;
  relay->last = now;
  event = g_new0 (ProgressEvent, 1);
  event->client = g_object_ref (relay->client);
  event->done = done;
  event->total = total;
  /* Not g_main_context_invoke(): while no thread runs the client's
   * context (between two iterations of a loop run by hand, before a loop
   * starts), that would emit the signal here, in the worker. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_progress_cb, event, (GDestroyNotify) progress_event_free);
  g_source_set_static_name (source, "[dossier] library progress");
  g_source_attach (source, relay->client->context);
  g_source_unref (source);
}

typedef struct
{
  GPtrArray *files;     /* to index first */
  gboolean   update;    /* then walk the folders */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_free (job);
}

/* Returns whether the library changed. */
static gboolean
run_write_job (DossierLibraryClient  *self,
               DossierLibraryStore   *store,
               const WriteJob        *job,
               GError               **error)
{
  DossierLibraryUpdate update = { 0, };
  ProgressRelay relay = { self, 0 };
  gboolean changed = FALSE;

  for (guint i = 0; job->files != NULL && i < job->files->len; i++)
    {
      const char *path = g_ptr_array_index (job->files, i);
      gboolean read = FALSE;

      /* A case opened in Dossier stays in the library while it exists. */
      if (!dossier_library_store_add_folder (store, path, error)
          || !dossier_library_index_file (store, path, &read, error))
        return FALSE;
      changed |= read;
    }
  if (job->update)
    {
      if (!dossier_library_update (store, relay_progress, &relay, &update, NULL, error))
        return FALSE;
      changed |= update.n_read > 0 || update.n_removed > 0;
    }
  return changed;
}

typedef struct
{
  gboolean  changed;
  GStrv     folders;    /* the library's folders after the job */
} WriteResult;

static void
write_result_free (WriteResult *result)
{
  g_strfreev (result->folders);
  g_free (result);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DossierLibraryClient *self = source_object;
  DossierLibraryStore *store;
  WriteResult *result = g_new0 (WriteResult, 1);
  GError *error = NULL;

  g_mutex_lock (&self->writer_lock);
  store = ensure_store (self, &self->writer, &self->writer_generation, &error);
  /* A reader's library is kept by others: nothing to write. */
  if (store != NULL && !dossier_library_store_is_read_only (store))
    result->changed = run_write_job (self, store, task_data, &error);
  if (store != NULL && error == NULL)
    result->folders = dossier_library_store_list_folders (store, &error);
  g_mutex_unlock (&self->writer_lock);
  report_outcome (self, error);

  if (error != NULL)
    {
      write_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) write_result_free);
}

static void start_write (DossierLibraryClient *self);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierLibraryClient *self = DOSSIER_LIBRARY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  WriteResult *written;
  gboolean changed = FALSE;

  written = g_task_propagate_pointer (G_TASK (result), &error);
  /* A server that cannot be reached is the client's `problem`, which
   * the window shows; nothing more to say here. */
  if (written == NULL)
    {
      if (!g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION))
        g_warning ("The case library could not be updated: %s", error->message);
    }
  else
    {
      changed = written->changed;
      /* The folders may have changed: watch what they are now. */
      if (self->watcher != NULL)
        dossier_library_watcher_set_folders (self->watcher,
                                             (const char * const *) written->folders);
      write_result_free (written);
    }

  if (self->update_again || self->pending_files->len > 0)
    start_write (self);
  else
    {
      self->updating = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATING]);
    }
  if (changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
start_write (DossierLibraryClient *self)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;
  gboolean was_updating = self->updating;

  job = g_new0 (WriteJob, 1);
  job->update = self->update_again;
  if (self->pending_files->len > 0)
    {
      job->files = self->pending_files;
      self->pending_files = g_ptr_array_new_with_free_func (g_free);
    }
  self->update_again = FALSE;
  self->updating = TRUE;

  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
  if (!was_updating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATING]);
}

void
dossier_library_client_update (DossierLibraryClient *self)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  self->update_again = TRUE;
  if (!self->updating)
    start_write (self);
}

void
dossier_library_client_index_file (DossierLibraryClient *self,
                                   const char           *path)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));
  g_return_if_fail (path != NULL);

  g_ptr_array_add (self->pending_files, g_canonicalize_filename (path, NULL));
  if (!self->updating)
    start_write (self);
}

typedef struct
{
  char     *path;
  gboolean  add;
} FolderJob;

static void
folder_job_free (FolderJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
folder_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DossierLibraryClient *self = source_object;
  const FolderJob *job = task_data;
  DossierLibraryStore *store;
  GError *error = NULL;
  gboolean ok = FALSE;

  g_mutex_lock (&self->writer_lock);
  store = ensure_store (self, &self->writer, &self->writer_generation, &error);
  if (store != NULL && job->add)
    ok = dossier_library_add_folder (store, job->path, &error);
  else if (store != NULL)
    ok = dossier_library_remove_folder (store, job->path, &error);
  g_mutex_unlock (&self->writer_lock);
  report_outcome (self, ok ? NULL : error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
folder_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierLibraryClient *self = DOSSIER_LIBRARY_CLIENT (object);
  GTask *outer = user_data;
  GError *error = NULL;

  self->n_tasks--;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      dossier_library_client_update (self);
      g_task_return_boolean (outer, TRUE);
    }
  else
    g_task_return_error (outer, error);
  g_object_unref (outer);
}

static void
change_folder (DossierLibraryClient *self,
               const char           *path,
               gboolean              add,
               GCancellable         *cancellable,
               GAsyncReadyCallback   callback,
               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  FolderJob *job;

  /* The outer task reports to the caller after the folder list changed;
   * the inner one does the change in a worker. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, change_folder);

  job = g_new0 (FolderJob, 1);
  job->path = g_strdup (path);
  job->add = add;
  task = g_task_new (self, NULL, folder_done_cb, outer);
  g_task_set_task_data (task, job, (GDestroyNotify) folder_job_free);
  self->n_tasks++;
  g_task_run_in_thread (task, folder_thread);
}

void
dossier_library_client_add_folder_async (DossierLibraryClient *self,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));
  g_return_if_fail (path != NULL);

  change_folder (self, path, TRUE, cancellable, callback, user_data);
}

void
dossier_library_client_remove_folder_async (DossierLibraryClient *self,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));
  g_return_if_fail (path != NULL);

  change_folder (self, path, FALSE, cancellable, callback, user_data);
}

gboolean
dossier_library_client_change_folder_finish (DossierLibraryClient  *self,
                                             GAsyncResult          *result,
                                             GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
dossier_library_client_watch (DossierLibraryClient *self)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  if (self->watcher != NULL)
    return;
  self->watcher = dossier_library_watcher_new ();
  g_signal_connect_object (self->watcher, "changed",
                           G_CALLBACK (dossier_library_client_update), self, G_CONNECT_SWAPPED);
  /* The update tells the watcher the folders when it ends. */
  dossier_library_client_update (self);
}

void
dossier_library_client_wait_idle (DossierLibraryClient *self)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  while (self->updating || self->n_tasks > 0)
    g_main_context_iteration (self->context, TRUE);
}

/* ------------------------------------------------------------------ */
/* The object                                                          */
/* ------------------------------------------------------------------ */

DossierLibraryClient *
dossier_library_client_new (const char *location)
{
  DossierLibraryClient *self = g_object_new (DOSSIER_TYPE_LIBRARY_CLIENT, NULL);

  self->location = location != NULL ? g_strdup (location) : dossier_library_sqlite_default_path ();
  return self;
}

void
dossier_library_client_set_default_location (const char *location)
{
  g_free (default_location);
  default_location = g_strdup (location);
}

DossierLibraryClient *
dossier_library_client_get_default (void)
{
  static DossierLibraryClient *client;

  if (client == NULL)
    client = dossier_library_client_new (default_location);
  return client;
}

const char *
dossier_library_client_get_location (DossierLibraryClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), NULL);

  return self->location;
}

void
dossier_library_client_set_location (DossierLibraryClient *self,
                                     const char           *location)
{
  g_autofree char *path = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));

  path = location != NULL && *location != '\0' ? g_strdup (location)
                                                : dossier_library_sqlite_default_path ();
  if (g_strcmp0 (path, self->location) == 0)
    return;
  /* Workers read the location and open their connections under the
   * lock; each drops its connection at its next call. */
  g_mutex_lock (&self->open_lock);
  g_free (self->location);
  self->location = g_steal_pointer (&path);
  g_clear_pointer (&self->notice, g_free);
  self->generation++;
  g_atomic_int_set (&self->read_only_seen, FALSE);
  g_mutex_unlock (&self->open_lock);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_delay = 0;
  if (self->problem != NULL)
    {
      g_clear_pointer (&self->problem, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  if (self->read_only)
    {
      self->read_only = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
  if (self->watcher != NULL)
    dossier_library_client_update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
open_case_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DossierLibraryClient *self = source_object;
  const char *path = task_data;
  DossierLibraryStore *store;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  GError *error = NULL;
  GFile *file = NULL;

  g_mutex_lock (&self->reader_lock);
  store = ensure_store (self, &self->reader, &self->reader_generation, &error);
  if (store != NULL)
    bytes = dossier_library_store_get_case_file (store, path, &sha256, &error);
  g_mutex_unlock (&self->reader_lock);
  report_outcome (self, error);
  if (bytes != NULL)
    file = dossier_library_cache_put (bytes, sha256, path, &error);
  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
dossier_library_client_open_case_async (DossierLibraryClient *self,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_client_open_case_async);
  /* A case on this computer opens from its own file. */
  if (g_path_is_absolute (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_pointer (task, g_file_new_for_path (path), g_object_unref);
      return;
    }
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_case_thread);
}

GFile *
dossier_library_client_open_case_finish (DossierLibraryClient  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
dossier_library_client_get_notice (DossierLibraryClient *self)
{
  const char *notice;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), NULL);

  g_mutex_lock (&self->open_lock);
  notice = self->notice;
  g_mutex_unlock (&self->open_lock);
  return notice;
}

gboolean
dossier_library_client_is_updating (DossierLibraryClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), FALSE);

  return self->updating;
}

gboolean
dossier_library_client_is_remote (DossierLibraryClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), FALSE);

  return dossier_library_location_is_server (self->location);
}

gboolean
dossier_library_client_is_read_only (DossierLibraryClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), FALSE);

  return self->read_only;
}

const char *
dossier_library_client_get_problem (DossierLibraryClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (self), NULL);

  return self->problem;
}

static void
dossier_library_client_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierLibraryClient *self = DOSSIER_LIBRARY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_UPDATING:
      g_value_set_boolean (value, self->updating);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_library_client_finalize (GObject *object)
{
  DossierLibraryClient *self = DOSSIER_LIBRARY_CLIENT (object);

  /* Tasks hold the client: none runs now. */
  g_clear_object (&self->watcher);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->reader);
  g_clear_object (&self->writer);
  g_mutex_clear (&self->make_lock);
  g_mutex_clear (&self->open_lock);
  g_mutex_clear (&self->reader_lock);
  g_mutex_clear (&self->writer_lock);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->notice);
  g_free (self->problem);
  g_free (self->location);

  G_OBJECT_CLASS (dossier_library_client_parent_class)->finalize (object);
}

static void
dossier_library_client_class_init (DossierLibraryClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dossier_library_client_get_property;
  object_class->finalize = dossier_library_client_finalize;

  properties[PROP_UPDATING] =
    g_param_spec_boolean ("updating", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_library_client_init (DossierLibraryClient *self)
{
  g_mutex_init (&self->make_lock);
  g_mutex_init (&self->open_lock);
  g_mutex_init (&self->reader_lock);
  g_mutex_init (&self->writer_lock);
  self->context = g_main_context_ref_thread_default ();
  self->pending_files = g_ptr_array_new_with_free_func (g_free);
}
