/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"

G_BEGIN_DECLS

/* Objects and arrays nested deeper than this are refused before parsing:
 * json-glib parses recursively. */
#define DOSSIER_STIX_MAX_DEPTH 64

/**
 * dossier_stix_import_to_case_xml:
 * @json: the bytes of a STIX 2.1 bundle
 * @display_name: names the file in messages
 * @error: a G_IO_ERROR_INVALID_DATA whose message is
 *   `NAME:LINE:COLUMN: error: ...` for bytes that are not acceptable JSON
 *   (over 512 MiB, not UTF-8, nested deeper than DOSSIER_STIX_MAX_DEPTH,
 *   a member twice in one object, a syntax error) and `NAME: error: ...`
 *   naming the object's id for a bundle that breaks STIX's rules
 *
 * Turns a bundle into a case file (format 1): the first report gives the
 * title, summary and date; identities, threat actors, intrusion sets,
 * campaigns, malware, tools, attack patterns, vulnerabilities,
 * infrastructure, indicators (their pattern as text, never evaluated) and
 * locations become entities, with their relationships as paragraphs;
 * external references become sources; notes and opinions become notes;
 * first and last sightings become the timeline. Dossier's own exports
 * (x_dossier_ properties, x-dossier-* objects) come back with their ids,
 * EDTF dates and certainties. The case file is written with libxml2, so
 * every text is escaped.
 *
 * Returns: (transfer full): the case file's bytes, or NULL and @error.
 */
GBytes      *dossier_stix_import_to_case_xml (GBytes      *json,
                                              const char  *display_name,
                                              GError     **error);

/* The same; @other_reports (out) (optional) (transfer full): the names
 * of the reports after the first, which the case does not show (an empty
 * list when there is one report or none). */
GBytes      *dossier_stix_import_to_case_xml_full (GBytes       *json,
                                                   const char   *display_name,
                                                   char       ***other_reports,
                                                   GError      **error);

/* The same, loaded as a case by the loader (which checks it like any
 * case file). */
DossierCase *dossier_stix_import             (GBytes       *json,
                                              const char   *display_name,
                                              GCancellable *cancellable,
                                              GError      **error);

G_END_DECLS
