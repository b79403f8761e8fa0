/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-chart-image.h"
#include "dossier-chart-model.h"
#include "dossier-export.h"

G_BEGIN_DECLS

/* "timeline-svg" and "timeline-png", the names --export takes. */
gboolean           dossier_chart_export_format_from_string (const char               *str,
                                                            DossierChartExportFormat *out);
const char        *dossier_chart_export_format_get_extension (DossierChartExportFormat format);

/* The items the export draws: the lanes of @options->sections, notes as
 * @options->notes selects them (none unless asked, as the other
 * exports). NULL and @error for a notes query that does not parse. */
DossierChartModel *dossier_chart_model_new_for_export      (DossierCase                *dcase,
                                                            const DossierExportOptions *options,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);

/* The timeline chart at a zoom that shows every item, with its legend,
 * drawn in the light style. The same case and options always give the
 * same bytes. */
GBytes            *dossier_chart_export_to_bytes           (DossierCase                *dcase,
                                                            const DossierExportOptions *options,
                                                            DossierChartExportFormat    format,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);
gboolean           dossier_chart_export_to_stream          (DossierCase                *dcase,
                                                            const DossierExportOptions *options,
                                                            DossierChartExportFormat    format,
                                                            GOutputStream              *stream,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);

G_END_DECLS
