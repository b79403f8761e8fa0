/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart.h"
#include "dossier-chart-export.h"
#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_CHART (dossier_timeline_chart_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelineChart, dossier_timeline_chart, DOSSIER, TIMELINE_CHART, GtkWidget)

/*
 * The Timeline tab's chart: the case's dated items as marks in time, one
 * lane per kind, zoomable from decades to minutes.
 *
 * Actions (and their keys while it has the focus):
 *   chart.zoom-in (+, =), chart.zoom-out (-), chart.fit-all (0): zoom
 *     about the pointer when it is over the chart, else about the focused
 *     item, else the middle;
 *   chart.move (int, Left -1 / Right +1, Home / End): the focus to the
 *     previous or next item in date order, on screen (mirrored in a
 *     right-to-left locale);
 *   chart.pan (int, Shift+Left / Shift+Right): a tenth of the width;
 *   chart.activate (Enter, space): selects the focused item; on the
 *     selected item, goes to it in its own tab ("win.show-place").
 * Ctrl+scroll and a pinch zoom, dragging and scrolling pan, a click
 * selects, a double click goes to the item, a click on a counted cluster
 * zooms into it.
 *
 * ::item-selected (const DossierDate *date) is emitted when the user
 * selects an item; the date pointer is the item's, borrowed from the case.
 */
GtkWidget         *dossier_timeline_chart_new               (void);

/* Shows @model (NULL clears) at the zoom that fits every item. */
void               dossier_timeline_chart_set_model         (DossierTimelineChart *self,
                                                             DossierChartModel    *model);
DossierChartModel *dossier_timeline_chart_get_model         (DossierTimelineChart *self);

/* Selects the item with this date (NULL clears) and pans to show it;
 * emits nothing. */
void               dossier_timeline_chart_select_date       (DossierTimelineChart *self,
                                                             const DossierDate    *date);
/* Flashes an item (a search hit), -1 for none. */
void               dossier_timeline_chart_set_highlighted   (DossierTimelineChart *self,
                                                             const DossierDate    *date);
int                dossier_timeline_chart_get_selected      (DossierTimelineChart *self);
int                dossier_timeline_chart_get_highlighted   (DossierTimelineChart *self);
int                dossier_timeline_chart_get_focused       (DossierTimelineChart *self);

/* The visible range, seconds since the epoch. */
void               dossier_timeline_chart_get_range         (DossierTimelineChart *self,
                                                             double               *t0,
                                                             double               *t1);
/* The time at @x (widget coordinates). */
double             dossier_timeline_chart_time_at_x         (DossierTimelineChart *self,
                                                             double                x);
/* Where the item's mark (or the cluster holding it) is, in widget
 * coordinates; FALSE when out of view. */
gboolean           dossier_timeline_chart_get_item_point    (DossierTimelineChart *self,
                                                             guint                 item,
                                                             double               *x,
                                                             double               *y);
/* What the chart tells assistive technologies now: the focused item's
 * title (label) and date, certainty and kind (description). */
void               dossier_timeline_chart_get_accessible_text (DossierTimelineChart *self,
                                                               const char          **label,
                                                               const char          **description);

/* The tooltip at (@x, @y): "TITLE\nDATE IN WORDS · CERTAINTY · KIND" over
 * a mark, the count and the dates over a cluster; NULL elsewhere. */
char              *dossier_timeline_chart_dup_tooltip_text  (DossierTimelineChart *self,
                                                             double                x,
                                                             double                y);

/* Writes the chart as @format into @file (replacing it: the file chooser
 * asked) in a worker thread, at the zoom that shows every item, with the
 * notes when the chart shows them. The "Export" menu's actions
 * (chart.export "svg" / "png") ask for the file and then call this. */
void               dossier_timeline_chart_export_async      (DossierTimelineChart     *self,
                                                             GFile                    *file,
                                                             DossierChartExportFormat  format,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
gboolean           dossier_timeline_chart_export_finish     (DossierTimelineChart     *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);

/* What the event controllers call, for tests that play the user (GTK 4.8
 * cannot create input events): the pointer moved to (@x, @y); a press of
 * @n_press clicks there; a Ctrl+scroll of @dy notches there. */
void               dossier_timeline_chart_pointer_moved     (DossierTimelineChart *self,
                                                             double                x,
                                                             double                y);
void               dossier_timeline_chart_pointer_clicked   (DossierTimelineChart *self,
                                                             int                   n_press,
                                                             double                x,
                                                             double                y);
void               dossier_timeline_chart_pointer_zoomed    (DossierTimelineChart *self,
                                                             double                x,
                                                             double                dy);

G_END_DECLS
