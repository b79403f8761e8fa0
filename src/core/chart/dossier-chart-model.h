/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-case.h"
#include "dossier-chart-mark.h"

G_BEGIN_DECLS

/**
 * DossierChartLane:
 *
 * The rows of the chart, one per kind of item, top to bottom.
 */
typedef enum
{
  DOSSIER_CHART_LANE_BREACH,
  DOSSIER_CHART_LANE_THREAT,
  DOSSIER_CHART_LANE_REACTIONS,
  DOSSIER_CHART_LANE_RELEASE,
  DOSSIER_CHART_LANE_EVENTS,
  DOSSIER_CHART_LANE_SOURCES,
  DOSSIER_CHART_LANE_NOTES,
  DOSSIER_CHART_N_LANES
} DossierChartLane;

/* "Breach", "Threat Screen", "Reactions", "Release History", "Events",
 * "Sources", "Notes", translated. */
const char *dossier_chart_lane_get_label (DossierChartLane lane);

/**
 * DossierChartItem:
 * @lane: the row it is drawn in.
 * @certainty: how sure the case is of the item (NONE for the breach's
 *   and the threat screen's dates, which carry none).
 * @mark: how its date is drawn.
 * @date: the date, borrowed from the case; the timeline list's rows
 *   borrow the same pointer, so it names the row.
 * @section, @item_id, @item_index: where the item lives, as the
 *   parameter of "win.show-place" wants it.
 *
 * One dated thing of the case. Read-only.
 */
typedef struct
{
  DossierChartLane   lane;
  DossierCertainty   certainty;
  DossierChartMark   mark;
  const DossierDate *date;
  DossierSection     section;
  const char        *item_id;
  int                item_index;
  /*< private >*/
  GObject           *object;
  guint              what;
  guint              order;
  guint              precision;
} DossierChartItem;

typedef struct _DossierChartModel DossierChartModel;

/* Every dated item of @dcase whose section is in @sections (bits
 * `1 << DossierSection`; the events are DOSSIER_SECTION_TIMELINE). Notes
 * need DOSSIER_SECTION_NOTES; @note_ids (nullable) keeps only the notes
 * whose id it holds. An item's position is its place in the order the
 * timeline list collects them (events, breach, threat screen, reactions,
 * releases, sources, notes, each in file order); the date order is
 * dossier_chart_model_get_date_order(). */
DossierChartModel      *dossier_chart_model_new         (DossierCase       *dcase,
                                                         guint              sections,
                                                         GHashTable        *note_ids);
DossierChartModel      *dossier_chart_model_ref         (DossierChartModel *self);
void                    dossier_chart_model_unref       (DossierChartModel *self);

DossierCase            *dossier_chart_model_get_case    (DossierChartModel *self);
guint                   dossier_chart_model_get_n_items (DossierChartModel *self);
const DossierChartItem *dossier_chart_model_get_item    (DossierChartModel *self,
                                                         guint              position);
/* The positions in date order, as the list has them (start of the span,
 * coarse before fine, ties in the order above); sorted when first asked,
 * not when the chart is first drawn. */
const guint            *dossier_chart_model_get_date_order (DossierChartModel *self);
/* Where @position is in that order. */
guint                   dossier_chart_model_get_date_rank  (DossierChartModel *self,
                                                            guint              position);
/* The lanes that hold at least one item, as bits `1 << DossierChartLane`. */
guint                   dossier_chart_model_get_lanes   (DossierChartModel *self);
/* Positions of the items of @lane ordered by their mark's @at. */
const guint            *dossier_chart_model_get_lane_items (DossierChartModel *self,
                                                            DossierChartLane   lane,
                                                            guint             *n_items);
/* Positions of the items of @lane drawn as bars, ordered by their
 * mark's @start. */
const guint            *dossier_chart_model_get_lane_bars (DossierChartModel *self,
                                                           DossierChartLane   lane,
                                                           guint             *n_items);
/* The @at of each of dossier_chart_model_get_lane_items(), in the same
 * order: what a frame reads of every item in view, side by side. */
const gint64           *dossier_chart_model_get_lane_times (DossierChartModel *self,
                                                            DossierChartLane   lane);
/**
 * DossierChartSpan:
 * @start: a bar's mark's @start.
 * @end: its @end.
 */
typedef struct
{
  gint64 start;
  gint64 end;
} DossierChartSpan;

/* The spans of dossier_chart_model_get_lane_bars(), in the same order. */
const DossierChartSpan *dossier_chart_model_get_lane_spans (DossierChartModel *self,
                                                            DossierChartLane   lane);
/* TRUE when some item's mark has an open end (the legend explains it
 * only then). */
gboolean                dossier_chart_model_has_open_ends (DossierChartModel *self);
/* The first second of the earliest item and the last of the latest;
 * FALSE when there are none. */
gboolean                dossier_chart_model_get_extent  (DossierChartModel *self,
                                                         gint64            *start,
                                                         gint64            *end);
/* The position of the item with this date pointer, or -1. */
int                     dossier_chart_model_find_date   (DossierChartModel *self,
                                                         const DossierDate *date);

/* The item's title as the timeline list writes it ("The breach was
 * discovered", a reaction's actor, a note's title), display-safe. */
char                   *dossier_chart_model_dup_title   (DossierChartModel *self,
                                                         guint              position);
/* "Event", "Reaction", "Release", "Announcement", "Breach", "Threat",
 * "Source", "Note", translated. */
const char             *dossier_chart_model_get_kind_label (DossierChartModel *self,
                                                            guint              position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartModel, dossier_chart_model_unref)

G_END_DECLS
