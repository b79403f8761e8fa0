/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-date.h"

G_BEGIN_DECLS

/**
 * DossierChartShape:
 * @DOSSIER_CHART_SHAPE_POINT: an instant or a single day.
 * @DOSSIER_CHART_SHAPE_BAR: a span: a month, a season, a year or an
 *   interval, drawn over the whole of it.
 */
typedef enum
{
  DOSSIER_CHART_SHAPE_POINT,
  DOSSIER_CHART_SHAPE_BAR,
} DossierChartShape;

/**
 * DossierChartMarkFlags:
 * @DOSSIER_CHART_MARK_FADE_START: the start is approximate (`~`): soft,
 *   fading edge.
 * @DOSSIER_CHART_MARK_FADE_END: the end is approximate.
 * @DOSSIER_CHART_MARK_DASHED: uncertain (`?`): a dashed outline.
 * @DOSSIER_CHART_MARK_OPEN_START: an interval without a start: fades out
 *   towards the past.
 * @DOSSIER_CHART_MARK_OPEN_END: an interval without an end: fades out
 *   towards the future.
 */
typedef enum
{
  DOSSIER_CHART_MARK_PLAIN      = 0,
  DOSSIER_CHART_MARK_FADE_START = 1 << 0,
  DOSSIER_CHART_MARK_FADE_END   = 1 << 1,
  DOSSIER_CHART_MARK_DASHED     = 1 << 2,
  DOSSIER_CHART_MARK_OPEN_START = 1 << 3,
  DOSSIER_CHART_MARK_OPEN_END   = 1 << 4,
} DossierChartMarkFlags;

/**
 * DossierChartMark:
 * @shape: point or bar.
 * @flags: how sure the date is, as #DossierChartMarkFlags.
 * @start: the first second the date covers (seconds since the epoch, UTC).
 * @end: the last second it covers.
 * @at: where a point is drawn (the instant, or noon of the day), and the
 *   middle of a bar; marks are ordered and gathered by it.
 *
 * What a date looks like on the chart, in time; the layout turns it into
 * pixels.
 */
typedef struct
{
  DossierChartShape shape;
  guint             flags;
  gint64            start;
  gint64            end;
  gint64            at;
} DossierChartMark;

void dossier_chart_mark_from_date (const DossierDate *date,
                                   DossierChartMark  *mark);

G_END_DECLS
