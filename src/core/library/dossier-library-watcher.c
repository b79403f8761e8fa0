/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-watcher.h"

#include "dossier-library.h"

/* The folders of a library watched with one GFileMonitor a folder, and
 * "changed" once the changes have settled. */

/* While changes keep coming, "changed" waits at most this many delays. */
#define MAX_DELAYS 10

struct _DossierLibraryWatcher
{
  GObject       parent_instance;

  GStrv         folders;
  /* Folder path -> its GFileMonitor. */
  GHashTable   *monitors;
  GMainContext *context;
  GSource      *settle;
  gint64        first_change;
  gboolean      folders_changed;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierLibraryWatcher, dossier_library_watcher, G_TYPE_OBJECT)

static void on_monitor_changed_cb (GFileMonitor          *monitor,
                                   GFile                 *file,
                                   GFile                 *other,
                                   GFileMonitorEvent      event,
                                   DossierLibraryWatcher *self);

static void
drop_monitor (gpointer data)
{
  GFileMonitor *monitor = data;

  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

/* Moves the monitor of @path from @old into @watched, or makes one, and
 * does the same for every folder below; links to folders are not
 * followed. */
static void
watch_tree (DossierLibraryWatcher *self,
            const char            *path,
            GHashTable            *old,
            GHashTable            *watched)
{
  g_autoptr(GDir) dir = NULL;
  gpointer key = NULL;
  gpointer monitor = NULL;
  gboolean is_case;
  const char *name;

  if (g_hash_table_contains (watched, path))
    return;
  /* A case file kept as an entry of its own: watched alone. */
  is_case = !g_file_test (path, G_FILE_TEST_IS_DIR);
  if (is_case && !(g_file_test (path, G_FILE_TEST_IS_REGULAR)
                   && dossier_library_is_case_file_name (path)))
    return;
  if (g_hash_table_steal_extended (old, path, &key, &monitor))
    g_hash_table_insert (watched, key, monitor);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (is_case)
        monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      else
        monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          /* Unreadable, gone, or too many watches: the next update
           * still finds what changes there. */
          g_debug ("not watching %s: %s", path, error->message);
          return;
        }
      g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self, 0);
      g_hash_table_insert (watched, g_strdup (path), monitor);
    }

  dir = is_case ? NULL : g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        watch_tree (self, child, old, watched);
    }
}

/* Watches exactly the folders there are now below the library's. */
static void
rewatch (DossierLibraryWatcher *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->monitors);

  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, drop_monitor);
  /* The monitors made in this thread's context report there. */
  g_main_context_push_thread_default (self->context);
  for (guint i = 0; self->folders != NULL && self->folders[i] != NULL; i++)
    watch_tree (self, self->folders[i], old, self->monitors);
  g_main_context_pop_thread_default (self->context);
  self->folders_changed = FALSE;
}

static gboolean
on_settled_cb (gpointer user_data)
{
  DossierLibraryWatcher *self = user_data;

  g_clear_pointer (&self->settle, g_source_unref);
  if (self->folders_changed)
    rewatch (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* (Re)starts the wait for changes to settle. */
static void
note_change (DossierLibraryWatcher *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->settle != NULL)
    {
      if (now - self->first_change >= (gint64) MAX_DELAYS * DOSSIER_LIBRARY_WATCHER_DELAY_MS * 1000)
        return;
      g_source_destroy (self->settle);
      g_clear_pointer (&self->settle, g_source_unref);
    }
  else
    self->first_change = now;

  self->settle = g_timeout_source_new (DOSSIER_LIBRARY_WATCHER_DELAY_MS);
  g_source_set_static_name (self->settle, "[dossier] library changes settle");
  g_source_set_callback (self->settle, on_settled_cb, self, NULL);
  g_source_attach (self->settle, self->context);
}

/* Whether @file is, or was, a folder of ours. */
static gboolean
is_folder (DossierLibraryWatcher *self,
           GFile                 *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return FALSE;
  return g_hash_table_contains (self->monitors, path)
         || (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK));
}

static gboolean
is_case_file (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return name != NULL && dossier_library_is_case_file_name (name);
}

static void
on_monitor_changed_cb (GFileMonitor          *monitor,
                       GFile                 *file,
                       GFile                 *other,
                       GFileMonitorEvent      event,
                       DossierLibraryWatcher *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }

  if (is_case_file (file) || is_case_file (other))
    note_change (self);
  else if (event != G_FILE_MONITOR_EVENT_CHANGED
           && event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
           && (is_folder (self, file) || is_folder (self, other)))
    {
      /* A folder came or went: watch again what there is now. */
      self->folders_changed = TRUE;
      note_change (self);
    }
}

static void
dossier_library_watcher_dispose (GObject *object)
{
  DossierLibraryWatcher *self = DOSSIER_LIBRARY_WATCHER (object);

  if (self->settle != NULL)
    g_source_destroy (self->settle);
  g_clear_pointer (&self->settle, g_source_unref);
  g_hash_table_remove_all (self->monitors);

  G_OBJECT_CLASS (dossier_library_watcher_parent_class)->dispose (object);
}

static void
dossier_library_watcher_finalize (GObject *object)
{
  DossierLibraryWatcher *self = DOSSIER_LIBRARY_WATCHER (object);

  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_strfreev);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (dossier_library_watcher_parent_class)->finalize (object);
}

static void
dossier_library_watcher_class_init (DossierLibraryWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_library_watcher_dispose;
  object_class->finalize = dossier_library_watcher_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_library_watcher_init (DossierLibraryWatcher *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, drop_monitor);
  self->context = g_main_context_ref_thread_default ();
}

DossierLibraryWatcher *
dossier_library_watcher_new (void)
{
  return g_object_new (DOSSIER_TYPE_LIBRARY_WATCHER, NULL);
}

void
dossier_library_watcher_set_folders (DossierLibraryWatcher *self,
                                     const char * const    *folders)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_WATCHER (self));

  g_clear_pointer (&self->folders, g_strfreev);
  self->folders = g_strdupv ((char **) folders);
  rewatch (self);
}

guint
dossier_library_watcher_get_n_watched (DossierLibraryWatcher *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_WATCHER (self), 0);

  return g_hash_table_size (self->monitors);
}
