/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-private.h"

/* One thread that runs jobs in the order they were pushed, so that the
 * one who pushes them (an update loading the next case) and the jobs
 * (writing the last case to the database) go on at the same time. */

struct _DossierLibraryQueue
{
  GMutex                 mutex;
  GCond                  cond;
  GQueue                 jobs;
  guint                  max_waiting;
  gboolean               running;
  gboolean               closing;
  DossierLibraryJobFunc  run;
  GDestroyNotify         free_job;
  gpointer               user_data;
  GThread               *thread;
};

static gpointer
queue_thread (gpointer data)
{
  DossierLibraryQueue *self = data;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      gpointer job;

      while (g_queue_is_empty (&self->jobs) && !self->closing)
        g_cond_wait (&self->cond, &self->mutex);
      job = g_queue_pop_head (&self->jobs);
      if (job == NULL)
        break;
      self->running = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);

      self->run (job, self->user_data);
      self->free_job (job);

      g_mutex_lock (&self->mutex);
      self->running = FALSE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
  return NULL;
}

DossierLibraryQueue *
dossier_library_queue_new (DossierLibraryJobFunc  run,
                           GDestroyNotify         free_job,
                           gpointer               user_data,
                           guint                  max_waiting)
{
  DossierLibraryQueue *self = g_new0 (DossierLibraryQueue, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);
  self->max_waiting = MAX (max_waiting, 1);
  self->run = run;
  self->free_job = free_job;
  self->user_data = user_data;
  self->thread = g_thread_try_new ("dossier-library-writer", queue_thread, self, NULL);
  if (self->thread == NULL)
    {
      g_mutex_clear (&self->mutex);
      g_cond_clear (&self->cond);
      g_free (self);
      return NULL;
    }
  return self;
}

void
dossier_library_queue_push (DossierLibraryQueue *self,
                            gpointer             job)
{
  g_mutex_lock (&self->mutex);
  while (self->jobs.length >= self->max_waiting)
    g_cond_wait (&self->cond, &self->mutex);
  g_queue_push_tail (&self->jobs, job);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
dossier_library_queue_drain (DossierLibraryQueue *self)
{
  g_mutex_lock (&self->mutex);
  while (!g_queue_is_empty (&self->jobs) || self->running)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

void
dossier_library_queue_free (DossierLibraryQueue *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->closing = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  /* It runs every job left before it ends. */
  g_thread_join (self->thread);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
