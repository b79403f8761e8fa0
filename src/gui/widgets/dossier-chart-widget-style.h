/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart.h"

G_BEGIN_DECLS

/* The chart's colours and font as @widget shows them (light, dark, high
 * contrast), from the same named colours as the certainty labels
 * (style.css). No background is painted; the items to mark (selected,
 * focused, hovered, highlighted) are none. @font receives the font
 * description's string, which @style->font borrows; free it with
 * g_free(). */
void dossier_chart_style_init_from_widget (DossierChartStyle  *style,
                                           GtkWidget          *widget,
                                           char              **font);

G_END_DECLS
