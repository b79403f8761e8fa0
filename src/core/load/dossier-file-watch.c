/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-file-watch.h"

struct _DossierFileWatch
{
  GObject       parent_instance;

  guint         delay_ms;
  GFile        *file;
  GFileMonitor *monitor;
  guint         timeout_id;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierFileWatch, dossier_file_watch, G_TYPE_OBJECT)

static gboolean
quiet_cb (gpointer user_data)
{
  DossierFileWatch *self = user_data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       gpointer           user_data)
{
  DossierFileWatch *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_DELETED:
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->timeout_id = g_timeout_add (self->delay_ms, quiet_cb, self);
      break;

    default:
      break;
    }
}

static void
unwatch (DossierFileWatch *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->file);
}

void
dossier_file_watch_set_file (DossierFileWatch *self,
                             GFile            *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_FILE_WATCH (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->monitor != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  unwatch (self);
  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the case file for changes: %s", error->message);
      return;
    }
  self->file = g_object_ref (file);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self);
}

DossierFileWatch *
dossier_file_watch_new (guint delay_ms)
{
  DossierFileWatch *self = g_object_new (DOSSIER_TYPE_FILE_WATCH, NULL);

  self->delay_ms = delay_ms;
  return self;
}

static void
dossier_file_watch_dispose (GObject *object)
{
  unwatch (DOSSIER_FILE_WATCH (object));

  G_OBJECT_CLASS (dossier_file_watch_parent_class)->dispose (object);
}

static void
dossier_file_watch_class_init (DossierFileWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_file_watch_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_file_watch_init (DossierFileWatch *self)
{
}
