/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A benchmark hook (tests/bench-chart-frames.py): with
 * DOSSIER_BENCH_FRAMES=1, what each frame that drew a widget cost the
 * main thread from the start of its paint to its end (snapshots,
 * rendering, the X requests), in wall time and in CPU time of the
 * thread, printed as "NAME-frame-us END WALL CPU" (µs, END being
 * g_get_monotonic_time()). The interval between frames also counts the
 * waits for a core on a busy machine; these figures do not. Nothing
 * happens without the variable. */
typedef struct _DossierFrameBench DossierFrameBench;

/* Starts timing the frames of @widget's frame clock, or returns NULL
 * without the variable. Call when @widget is realized. */
DossierFrameBench *dossier_frame_bench_new   (GtkWidget         *widget,
                                              const char        *name);
/* The frame under way drew the widget: it is printed. */
void               dossier_frame_bench_drawn (DossierFrameBench *self);
void               dossier_frame_bench_free  (DossierFrameBench *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFrameBench, dossier_frame_bench_free)

G_END_DECLS
