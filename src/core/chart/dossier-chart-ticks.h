/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierChartTickUnit:
 *
 * What the ticks of the time axis count, from fine to coarse.
 */
typedef enum
{
  DOSSIER_CHART_TICK_HOUR,
  DOSSIER_CHART_TICK_DAY,
  DOSSIER_CHART_TICK_MONTH,
  DOSSIER_CHART_TICK_YEAR,
  DOSSIER_CHART_TICK_DECADE,
} DossierChartTickUnit;

/**
 * DossierChartTick:
 * @time: seconds since the epoch (UTC).
 * @major: a boundary of the next coarser unit (midnight, 1 January, ...),
 *   drawn stronger.
 * @label: what the axis writes, localized ("2014", "Nov", "24 Nov",
 *   "10:00").
 */
typedef struct
{
  gint64    time;
  gboolean  major;
  char     *label;
} DossierChartTick;

/**
 * DossierChartTicks:
 * @unit: the unit every tick counts.
 * @step: how many units between two ticks (1, 2, 3, 6, 12 hours; 1, 2,
 *   7 days; 1, 3, 6 months; 1, 2, 5 years; 1, 2, 5, 10 decades).
 * @ticks: of #DossierChartTick, in time order, all inside the range.
 */
typedef struct
{
  DossierChartTickUnit  unit;
  guint                 step;
  GArray               *ticks;
} DossierChartTicks;

/* The ticks for the range [@t0, @t1] seconds shown on @width pixels: the
 * finest unit whose ticks stay at least @min_spacing pixels apart. */
DossierChartTicks *dossier_chart_ticks_new  (double  t0,
                                             double  t1,
                                             double  width,
                                             double  min_spacing);
void               dossier_chart_ticks_free (DossierChartTicks *ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartTicks, dossier_chart_ticks_free)

G_END_DECLS
