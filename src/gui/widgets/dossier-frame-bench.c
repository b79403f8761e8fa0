/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-frame-bench.h"

#include <time.h>

struct _DossierFrameBench
{
  GdkFrameClock *clock;
  char          *name;
  gint64         start_us;
  gint64         start_cpu_us;
  gboolean       drawn;
};

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock     *clock,
                 DossierFrameBench *self)
{
  self->start_us = g_get_monotonic_time ();
  self->start_cpu_us = thread_cpu_us ();
  self->drawn = FALSE;
}

static void
after_paint_cb (GdkFrameClock     *clock,
                DossierFrameBench *self)
{
  gint64 now = g_get_monotonic_time ();

  if (!self->drawn || self->start_us == 0)
    return;
  g_print ("%s-frame-us %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           self->name, now, now - self->start_us, thread_cpu_us () - self->start_cpu_us);
  self->drawn = FALSE;
}

DossierFrameBench *
dossier_frame_bench_new (GtkWidget  *widget,
                         const char *name)
{
  DossierFrameBench *self;
  GdkFrameClock *clock;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  clock = gtk_widget_get_frame_clock (widget);
  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_FRAMES"), "1") != 0 || clock == NULL)
    return NULL;

  self = g_new0 (DossierFrameBench, 1);
  self->clock = g_object_ref (clock);
  self->name = g_strdup (name);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  return self;
}

void
dossier_frame_bench_drawn (DossierFrameBench *self)
{
  if (self != NULL)
    self->drawn = TRUE;
}

void
dossier_frame_bench_free (DossierFrameBench *self)
{
  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->clock, self);
  g_object_unref (self->clock);
  g_free (self->name);
  g_free (self);
}
