/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"

G_BEGIN_DECLS

/**
 * DossierInterchangeFormat:
 * @DOSSIER_INTERCHANGE_STIX: one STIX 2.1 bundle (JSON) for
 *   threat-intelligence platforms.
 * @DOSSIER_INTERCHANGE_CSL_JSON: the sources as CSL-JSON items for
 *   reference managers.
 * @DOSSIER_INTERCHANGE_TIMESKETCH: one Timesketch event a line (JSON
 *   Lines) for every date in the case.
 * @DOSSIER_INTERCHANGE_TIMESKETCH_CSV: the same events as RFC 4180 CSV.
 *
 * The formats other tools read. Unlike the summaries of dossier-export.h
 * they hold the whole case (or all its sources, or all its dates) as
 * data; the mapping is in docs/interchange.md.
 */
typedef enum
{
  DOSSIER_INTERCHANGE_STIX,
  DOSSIER_INTERCHANGE_CSL_JSON,
  DOSSIER_INTERCHANGE_TIMESKETCH,
  DOSSIER_INTERCHANGE_TIMESKETCH_CSV,
} DossierInterchangeFormat;

/* "stix", "csl-json", "timesketch", "timesketch-csv": the names of
 * --export. */
const char *dossier_interchange_format_to_string     (DossierInterchangeFormat  format);
gboolean    dossier_interchange_format_from_string   (const char               *str,
                                                      DossierInterchangeFormat *out);
/* "json", "json", "jsonl", "csv". */
const char *dossier_interchange_format_get_extension (DossierInterchangeFormat  format);
/* "application/stix+json", "application/vnd.citationstyles.csl+json",
 * "application/jsonl", "text/csv". */
const char *dossier_interchange_format_get_mime_type (DossierInterchangeFormat  format);

/* Called from the exporting thread with a fraction in [0, 1]. */
typedef void (*DossierInterchangeProgressFunc) (double   fraction,
                                                gpointer user_data);

/**
 * dossier_interchange_to_stream:
 * @dcase: a loaded case
 * @format: the format
 * @progress: (nullable): called as the export advances
 * @progress_data: for @progress
 * @stream: where the bytes go; not closed
 * @cancellable: (nullable)
 * @error: a G_IO_ERROR from the stream, or G_IO_ERROR_CANCELLED
 *
 * Writes the case in @format. The same case always gives the same bytes:
 * identifiers are UUIDv5 of the case and item ids, timestamps come from
 * the case's own dates, never from the clock. All case text goes through
 * json-glib (escaped) or the CSV quoting; nothing is evaluated. Blocking;
 * run it in a worker thread in a UI.
 */
gboolean    dossier_interchange_to_stream (DossierCase                    *dcase,
                                           DossierInterchangeFormat        format,
                                           DossierInterchangeProgressFunc  progress,
                                           gpointer                        progress_data,
                                           GOutputStream                  *stream,
                                           GCancellable                   *cancellable,
                                           GError                        **error);
/* The same into memory. */
GBytes     *dossier_interchange_to_bytes  (DossierCase                    *dcase,
                                           DossierInterchangeFormat        format,
                                           GCancellable                   *cancellable,
                                           GError                        **error);

/* A safe base name: the case title as dossier_export_suggest_filename()
 * makes it, with the extension of @format ("The-Sony-hack.stix.json"). */
char       *dossier_interchange_suggest_filename (DossierCase              *dcase,
                                                  DossierInterchangeFormat  format);

/* The UUIDv5 namespace of every identifier Dossier writes. */
#define DOSSIER_INTERCHANGE_NAMESPACE "0f0d7c52-5d63-4b63-9a3c-6c1e2f8a4d10"

G_END_DECLS
