/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_DATE_ERROR (dossier_date_error_quark ())

typedef enum
{
  DOSSIER_DATE_ERROR_INVALID,
} DossierDateError;

GQuark dossier_date_error_quark (void);

/**
 * DossierDatePrecision:
 *
 * How much of a date is known, from coarse to fine.
 */
typedef enum
{
  DOSSIER_DATE_PRECISION_YEAR,
  DOSSIER_DATE_PRECISION_SEASON,
  DOSSIER_DATE_PRECISION_MONTH,
  DOSSIER_DATE_PRECISION_DAY,
  DOSSIER_DATE_PRECISION_MINUTE,
  DOSSIER_DATE_PRECISION_SECOND,
} DossierDatePrecision;

/**
 * DossierDate:
 *
 * An EDTF date (ISO 8601-2 level 0 plus seasons, `?`, `~` and intervals
 * of level 1), as case files write them. Immutable once parsed.
 */
typedef struct _DossierDate DossierDate;

#define DOSSIER_TYPE_DATE (dossier_date_get_type ())
GType dossier_date_get_type (void) G_GNUC_CONST;

/* Parses @text; on failure sets a DOSSIER_DATE_ERROR whose message says in
 * plain words what is wrong ("February 2014 has no day 30"). */
DossierDate          *dossier_date_parse            (const char        *text,
                                                     GError           **error);
DossierDate          *dossier_date_copy             (const DossierDate *date);
void                  dossier_date_free             (DossierDate       *date);

/* The text as written in the file. */
const char           *dossier_date_get_text         (const DossierDate *date);
DossierDatePrecision  dossier_date_get_precision    (const DossierDate *date);
gboolean              dossier_date_is_uncertain     (const DossierDate *date);
gboolean              dossier_date_is_approximate   (const DossierDate *date);
gboolean              dossier_date_is_interval      (const DossierDate *date);
/* TRUE when the date (or the start of an interval) has a time of day. */
gboolean              dossier_date_is_instant       (const DossierDate *date);

/* Seconds since the Unix epoch (UTC) of the start of the span the date
 * covers: a year sorts at 1 January, summer 2014 at 21 June 2014, a date
 * without a time zone at 00:00 UTC. For sorting and arithmetic. */
gint64                dossier_date_get_sort_key     (const DossierDate *date);
/* The same for the end of the span (end of the interval, end of the day,
 * month, season or year). */
gint64                dossier_date_get_end_key      (const DossierDate *date);

/* Orders by sort key, then by precision (coarse first). Usable with
 * g_ptr_array_sort_with_data-style wrappers; NULL sorts last. */
int                   dossier_date_compare          (const DossierDate *a,
                                                     const DossierDate *b);

/* For display, localized through gettext and GLib:
 *   "2014", "November 2014", "24 November 2014", "Summer 2014",
 *   "October 2014 (uncertain)", "about October 2014",
 *   "10 October – 25 December 2014",
 *   "24 November 2014, 23:00 UTC". */
char                 *dossier_date_format           (const DossierDate *date);
/* For an instant, the same moment in @tz ("24 November 2014, 18:00 EST");
 * NULL @tz means the viewer's local zone. For a date without a time, the
 * same as dossier_date_format(). */
char                 *dossier_date_format_in_zone   (const DossierDate *date,
                                                     GTimeZone         *tz);
/* A start-of-span GDateTime in UTC, for arithmetic. */
GDateTime            *dossier_date_to_date_time     (const DossierDate *date);

/* "3 hours", "2 days", "about 2 months": a span between two sort keys, in
 * words, for "the deadline fell 23 hours after discovery". */
char                 *dossier_format_duration       (gint64             seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDate, dossier_date_free)

G_END_DECLS
