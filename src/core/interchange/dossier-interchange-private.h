/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-core.h"
#include "dossier-interchange.h"

G_BEGIN_DECLS

/* dossier-interchange-uuid.c */

/* The RFC 9562 name-based UUID (version 5, SHA-1) of @name in the
 * namespace @namespace_uuid ("xxxxxxxx-xxxx-..."), lowercase. */
char       *dossier_uuid_v5                  (const char *namespace_uuid,
                                              const char *name);
/* "TYPE--UUID", the UUID being dossier_uuid_v5() of "CASE-ID/NAME" in
 * DOSSIER_INTERCHANGE_NAMESPACE. */
char       *dossier_interchange_stix_id      (const char *type,
                                              const char *case_id,
                                              const char *name);

/* dossier-interchange-json.c */

/**
 * DossierJsonSink:
 *
 * Buffers what the exporters write and hands it to the stream in large
 * pieces; turns JSON nodes into text with one reused JsonGenerator, so
 * case text is always escaped by json-glib. Checks the cancellable and
 * reports progress as it goes.
 */
typedef struct _DossierJsonSink DossierJsonSink;

/* @stream NULL: a sink that only collects, for a worker thread. */
DossierJsonSink *dossier_json_sink_new        (GOutputStream                  *stream,
                                               GCancellable                   *cancellable,
                                               DossierInterchangeProgressFunc  progress,
                                               gpointer                        progress_data);
void             dossier_json_sink_free       (DossierJsonSink *self);
/* Our own fixed text (punctuation, keys we control). Never case text. */
gboolean         dossier_json_sink_write_raw  (DossierJsonSink *self,
                                               const char      *text,
                                               GError         **error);
/* @node as compact JSON. */
gboolean         dossier_json_sink_write_node (DossierJsonSink *self,
                                               JsonNode        *node,
                                               GError         **error);
/* The same, taking @object. */
gboolean         dossier_json_sink_write_object (DossierJsonSink *self,
                                                 JsonObject      *object,
                                                 GError         **error);
/* @object as compact JSON text, for a piece written many times. */
char            *dossier_json_sink_to_text    (DossierJsonSink *self,
                                               JsonObject      *object);
/* @object (taken) as compact JSON with one more member at its end, @key
 * (our own name, never case text) holding the array of @texts, each a
 * piece from dossier_json_sink_to_text(): json-glib wrote every byte of
 * case text, the sink only the brackets and commas. */
gboolean         dossier_json_sink_write_object_with_list (DossierJsonSink  *self,
                                                           JsonObject       *object,
                                                           const char       *key,
                                                           GPtrArray        *texts,
                                                           GError          **error);
/* Case text escaped and quoted as an RFC 4180 CSV field when needed. */
void             dossier_json_sink_append_csv_field (DossierJsonSink *self,
                                                     const char      *text);
/* Writes out the buffer when it is large, checks for cancellation and
 * reports @fraction. */
gboolean         dossier_json_sink_step       (DossierJsonSink *self,
                                               double           fraction,
                                               GError         **error);
/* Moves what @part (a sink made without a stream, filled by another
 * thread) holds to the end of @self; then as _step() at @fraction. */
gboolean         dossier_json_sink_take       (DossierJsonSink *self,
                                               DossierJsonSink *part,
                                               double           fraction,
                                               GError         **error);
/* Writes item @index into @part (a sink of its own thread). Called from
 * several threads at once: may only read what nothing changes meanwhile. */
typedef void (*DossierJsonItemFunc) (DossierJsonSink *part,
                                     guint            index,
                                     gpointer         data);
/* Writes items 0 to @n_items - 1 with @func on every processor (one
 * thread for fewer than 8,192), appending them to @self in index order,
 * so the bytes are those one thread would write; reports progress from
 * @from to @to and checks for cancellation as it goes. */
gboolean         dossier_json_sink_write_items (DossierJsonSink      *self,
                                                guint                 n_items,
                                                DossierJsonItemFunc   func,
                                                gpointer              data,
                                                double                from,
                                                double                to,
                                                GError              **error);
/* Writes out what is left. */
gboolean         dossier_json_sink_finish     (DossierJsonSink *self,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonSink, dossier_json_sink_free)

/* Sets @key to the plain text of @text when it has any. */
void        dossier_json_set_inline        (JsonObject          *object,
                                            const char          *key,
                                            const DossierInline *text);
/* Sets @key to the plain text of the paragraphs, "\n\n" between them,
 * when there are any. */
void        dossier_json_set_blocks        (JsonObject          *object,
                                            const char          *key,
                                            GPtrArray           *blocks);
/* Sets @key to a string when @value is not NULL (or empty). */
void        dossier_json_set_string        (JsonObject          *object,
                                            const char          *key,
                                            const char          *value);
/* Sets @key to an array of the strings when there is at least one (STIX
 * forbids empty lists). */
void        dossier_json_set_strv          (JsonObject          *object,
                                            const char          *key,
                                            const char * const  *values);

/* dossier-interchange-dates.c */

/* The start of the span of @date as an RFC 3339 UTC timestamp with
 * milliseconds, "2014-06-21T00:00:00.000Z" (STIX), or with "+00:00" and
 * no fraction when @stix is FALSE (Timesketch). */
char       *dossier_interchange_timestamp  (gint64    seconds,
                                            gboolean  stix);
/* "year", "season", "month", "day", "minute", "second". */
const char *dossier_interchange_precision_to_string (DossierDatePrecision precision);

/**
 * DossierDateParts:
 *
 * The calendar parts of one side of an EDTF date as written (not moved
 * to UTC): @month is 0 for a year or a season, @day 0 unless given,
 * @season 1 (spring) to 4 (winter) or 0.
 */
typedef struct
{
  int year;
  int month;
  int day;
  int season;
} DossierDateParts;

/* Reads the start (and, for an interval, the end) of @date from its text.
 * Returns the number of sides read: 1 or 2 (0 never happens for a loaded
 * case). */
guint       dossier_interchange_date_parts (const DossierDate *date,
                                            DossierDateParts   parts[2]);

/* STIX confidence (0-100) for a certainty, -1 for NONE; the table is in
 * docs/interchange.md. */
int         dossier_interchange_confidence (DossierCertainty certainty);

/* The Admiralty grades in English, as machine-readable notes: 'A'
 * "completely reliable" ..., 1 "confirmed by other sources" ... NULL out
 * of range. */
const char *dossier_interchange_reliability_words (char  code);
const char *dossier_interchange_credibility_words (guint code);

/**
 * DossierDatedItem:
 * @key: start of the span (seconds since the epoch, UTC).
 * @date: the date, borrowed from the case.
 * @section: the part of the case.
 * @item_id: the item's id, or a made-up one for items without
 *   ("#breach", "#release-2"); owned.
 * @what: which date of the item it is, in English ("Published",
 *   "Deadline"); static.
 * @certainty: of the item.
 * @message: one line saying what happened; owned.
 * @texts: (element-type DossierInline): the inline texts whose citations
 *   give the item's sources; borrowed.
 * @blocks: (element-type GPtrArray): paragraph lists with more citations;
 *   borrowed.
 * @source: the source itself for a source's dates, else NULL.
 *
 * One date of the case, for the timelines.
 */
typedef struct
{
  gint64              key;
  const DossierDate  *date;
  DossierSection      section;
  char               *item_id;
  const char         *what;
  DossierCertainty    certainty;
  char               *message;
  GPtrArray          *texts;
  GPtrArray          *blocks;
  DossierSource      *source;
} DossierDatedItem;

/* Every date of @dcase in the order of the timelines: by time, then
 * section, then item id, then the order within the item. Of
 * DossierDatedItem. */
GPtrArray  *dossier_interchange_collect_dates (DossierCase *dcase);

/* The plain titles of all the sources of @dcase, for the next function;
 * only read from then on, so it may be shared by threads. */
GHashTable *dossier_interchange_title_cache_new (DossierCase *dcase);
/* The titles (plain) of the sources cited in @item, first citation
 * first, each once: NULL-terminated, the strings borrowed from
 * @title_cache (free the array with g_free()). */
const char **dossier_interchange_item_source_titles (DossierCase            *dcase,
                                                    GHashTable             *title_cache,
                                                    const DossierDatedItem *item);

/* dossier-json-guard.c: refuses JSON bytes that are over the case size
 * limit, not UTF-8, nested deeper than @max_depth or holding an object
 * with two members of the same name, before any parser sees them. The
 * error says "NAME:LINE:COLUMN: error: ...". */
gboolean    dossier_json_guard_check  (const char  *data,
                                       gsize        size,
                                       const char  *display_name,
                                       guint        max_depth,
                                       GError     **error);

/* dossier-stix-read.c: what the STIX importer reads with. */

/* The member as a string or an array, NULL when it is missing or of
 * another type (@object may be NULL). */
const char *dossier_stix_get_string   (JsonObject *object,
                                       const char *member);
JsonArray  *dossier_stix_get_array    (JsonObject *object,
                                       const char *member);
/* Element @index as a string, NULL when out of range or not a string. */
const char *dossier_stix_array_string (JsonArray  *array,
                                       guint       index);
/* Whether @id may stand as a case file's id. */
gboolean    dossier_stix_is_dossier_id (const char *id);
/* @text for XML 1.0: the characters it cannot hold become spaces. */
char       *dossier_stix_xml_clean    (const char *text);
/* An EDTF date for the case file: @edtf_member when it is one, else
 * @stamp_member's STIX timestamp to the second; NULL when neither. */
char       *dossier_stix_edtf_from    (JsonObject *object,
                                       const char *edtf_member,
                                       const char *stamp_member);
/* A relationship type as words that begin a sentence ("Attributed to"),
 * translated; an unknown type as its own words. */
char       *dossier_stix_relationship_words (const char *relationship_type);

/* The three writers. */
gboolean    dossier_stix_export       (DossierCase *dcase, DossierJsonSink *sink, GError **error);
gboolean    dossier_csl_export        (DossierCase *dcase, DossierJsonSink *sink, GError **error);
gboolean    dossier_timesketch_export (DossierCase *dcase, DossierJsonSink *sink, gboolean csv,
                                       GError **error);

G_END_DECLS
