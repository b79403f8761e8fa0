/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dossier-chart.h"
#include "dossier-chart-export.h"
#include "dossier-core.h"

/* The timeline chart on a large case with every note included: building
 * its items, the first frame, frames while zooming and panning, and the
 * SVG export beside the load time (load and export alternate, median of
 * five). A benchmark: it prints figures and never fails on time.
 *
 *   build/tests/bench-chart /work/large-100k.case.xml
 *
 * A frame is what the widget does per frame: lay the items out for the
 * range in view and draw them with cairo, here on an image surface the
 * size of a wide window's chart. Each figure is given as wall time and as
 * the CPU time of the thread: on a shared machine the wall time also
 * counts the waits for a core. */

#define RUNS 5
#define WIDTH 1200

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
cpu_ms_since (gint64 start)
{
  return (cpu_us () - start) / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

static double
frame (DossierChartModel       *model,
       const DossierChartFrame *frame_in,
       cairo_t                 *cr,
       double                  *cpu)
{
  g_autoptr(DossierChartLayout) layout = NULL;
  DossierChartStyle style;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = cpu_us ();

  dossier_chart_style_init (&style, FALSE);
  layout = dossier_chart_layout_new (model, frame_in);
  dossier_chart_draw (model, layout, &style, cr);
  cairo_surface_flush (cairo_get_target (cr));
  *cpu = cpu_ms_since (cpu_start);
  return ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "/work/large-100k.case.xml";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierChartModel) model = NULL;
  DossierExportOptions options;
  DossierChartFrame fit = { WIDTH, 0, 1, FALSE };
  DossierChartFrame view;
  double load[RUNS], svg[RUNS], build[RUNS], first[RUNS], ratio[RUNS];
  double load_cpu[RUNS], svg_cpu[RUNS], build_cpu[RUNS], first_cpu[RUNS], ratio_cpu[RUNS];
  double frames[240], frames_cpu[240];
  guint n_frames = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  DossierChartStyle style;
  double height;

  dossier_export_options_init (&options);
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options.notes = DOSSIER_EXPORT_NOTES_ALL;

  /* Load and SVG export alternate, so both see the same machine. */
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      gint64 start;

      gint64 cpu_start;

      g_clear_object (&dcase);
      start = g_get_monotonic_time ();
      cpu_start = cpu_us ();
      dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
      load[i] = ms_since (start);
      load_cpu[i] = cpu_ms_since (cpu_start);
      if (dcase == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      start = g_get_monotonic_time ();
      cpu_start = cpu_us ();
      bytes = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, &error);
      svg[i] = ms_since (start);
      svg_cpu[i] = cpu_ms_since (cpu_start);
      if (bytes == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      ratio[i] = svg[i] / load[i];
      ratio_cpu[i] = svg_cpu[i] / load_cpu[i];
      if (i == 0)
        printf ("svg: %" G_GSIZE_FORMAT " bytes\n", g_bytes_get_size (bytes));
    }

  printf ("case: %s (%u notes)\n", path, g_list_model_get_n_items (dossier_case_get_notes (dcase)));

  /* What switching to the tab costs the chart: its items, then the first
   * frame at the zoom that shows them all. */
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_us ();

      g_clear_pointer (&model, dossier_chart_model_unref);
      model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
      build[i] = ms_since (start);
      build_cpu[i] = cpu_ms_since (cpu_start);

      dossier_chart_frame_fit (&fit, model);
      dossier_chart_style_init (&style, FALSE);
      height = dossier_chart_get_height (model, &fit, &style);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, (int) height);
      cr = cairo_create (surface);
      first[i] = frame (model, &fit, cr, &first_cpu[i]);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  printf ("items: %u\n", dossier_chart_model_get_n_items (model));

  /* The radix sort of big lanes against the order it must give: by
   * time, ties by position. */
  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      guint n;
      const guint *order = dossier_chart_model_get_lane_items (model, lane, &n);

      for (guint k = 1; k < n; k++)
        {
          gint64 a = dossier_chart_model_get_item (model, order[k - 1])->mark.at;
          gint64 b = dossier_chart_model_get_item (model, order[k])->mark.at;

          if (a > b || (a == b && order[k - 1] > order[k]))
            {
              fprintf (stderr, "lane %u out of order at %u\n", lane, k);
              return 1;
            }
        }
      order = dossier_chart_model_get_lane_bars (model, lane, &n);
      for (guint k = 1; k < n; k++)
        {
          gint64 a = dossier_chart_model_get_item (model, order[k - 1])->mark.start;
          gint64 b = dossier_chart_model_get_item (model, order[k])->mark.start;

          if (a > b || (a == b && order[k - 1] > order[k]))
            {
              fprintf (stderr, "bars of lane %u out of order at %u\n", lane, k);
              return 1;
            }
        }
    }

  /* Zooming in by 10% a frame towards the notes, then panning by 5% a
   * frame, then zooming out again. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, (int) height);
  cr = cairo_create (surface);
  view = fit;
  for (guint i = 0; i < 80; i++)
    {
      double t = view.t0 + (view.t1 - view.t0) * 0.6;
      double span = (view.t1 - view.t0) / 1.1;

      view.t0 = t - 0.6 * span;
      view.t1 = view.t0 + span;
      frames[n_frames] = frame (model, &view, cr, &frames_cpu[n_frames]);
      n_frames++;
    }
  for (guint i = 0; i < 80; i++)
    {
      double dt = (view.t1 - view.t0) * 0.05;

      view.t0 -= dt;
      view.t1 -= dt;
      frames[n_frames] = frame (model, &view, cr, &frames_cpu[n_frames]);
      n_frames++;
    }
  for (guint i = 0; i < 80; i++)
    {
      double mid = (view.t0 + view.t1) / 2, span = (view.t1 - view.t0) * 1.1;

      view.t0 = mid - span / 2;
      view.t1 = mid + span / 2;
      frames[n_frames] = frame (model, &view, cr, &frames_cpu[n_frames]);
      n_frames++;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  printf ("%-34s %8s %8s\n", "(median of 5 unless said)", "wall", "cpu");
  printf ("%-34s %8.1f %8.1f ms\n", "load", percentile (load, RUNS, 0.5), percentile (load_cpu, RUNS, 0.5));
  printf ("%-34s %8.1f %8.1f ms\n", "svg export", percentile (svg, RUNS, 0.5), percentile (svg_cpu, RUNS, 0.5));
  printf ("%-34s %8.2f %8.2f ×  (goal ≤ 1×)\n", "svg export / load (median of ratios)",
          percentile (ratio, RUNS, 0.5), percentile (ratio_cpu, RUNS, 0.5));
  printf ("%-34s %8.1f %8.1f ms\n", "chart items, notes included", percentile (build, RUNS, 0.5),
          percentile (build_cpu, RUNS, 0.5));
  printf ("%-34s %8.1f %8.1f ms\n", "first frame at fit-all", percentile (first, RUNS, 0.5),
          percentile (first_cpu, RUNS, 0.5));
  printf ("%-34s %8.1f %8.1f ms  (goal ≤ 50 ms)\n", "items + first frame",
          percentile (build, RUNS, 0.5) + percentile (first, RUNS, 0.5),
          percentile (build_cpu, RUNS, 0.5) + percentile (first_cpu, RUNS, 0.5));
  printf ("%-34s %8.1f %8.1f ms\n", "zoom/pan frame p50", percentile (frames, n_frames, 0.5),
          percentile (frames_cpu, n_frames, 0.5));
  printf ("%-34s %8.1f %8.1f ms  (goal ≤ 16 ms)\n", "zoom/pan frame p95", percentile (frames, n_frames, 0.95),
          percentile (frames_cpu, n_frames, 0.95));
  printf ("%-34s %8.1f %8.1f ms  (%u frames)\n", "zoom/pan frame max", percentile (frames, n_frames, 0.999),
          percentile (frames_cpu, n_frames, 0.999), n_frames);
  return 0;
}
