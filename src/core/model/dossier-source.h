/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_SOURCE_PRESS,
  DOSSIER_SOURCE_STATE_MEDIA,
  DOSSIER_SOURCE_OFFICIAL,
  DOSSIER_SOURCE_LETTER,
  DOSSIER_SOURCE_SOCIAL,
  DOSSIER_SOURCE_FORUM,
  DOSSIER_SOURCE_REPORT,
  DOSSIER_SOURCE_INTERVIEW,
  DOSSIER_SOURCE_OTHER,
} DossierSourceKind;

const char *dossier_source_kind_to_string   (DossierSourceKind  kind);
gboolean    dossier_source_kind_from_string (const char        *str,
                                             DossierSourceKind *out);
const char *dossier_source_kind_get_label   (DossierSourceKind  kind);

/* Admiralty scale in words, translated: 'A' "Completely reliable" ...
 * 'F' "Reliability cannot be judged"; 1 "Confirmed by other sources" ...
 * 6 "Truth cannot be judged". NULL for 0 / out of range. */
const char *dossier_reliability_get_label   (char               code);
const char *dossier_credibility_get_label   (guint              code);

#define DOSSIER_TYPE_SOURCE (dossier_source_get_type ())
G_DECLARE_FINAL_TYPE (DossierSource, dossier_source, DOSSIER, SOURCE, GObject)

const char         *dossier_source_get_id           (DossierSource *self);
DossierSourceKind   dossier_source_get_kind         (DossierSource *self);
guint               dossier_source_get_line         (DossierSource *self);
/* 'A'..'F', or 0 when not given. */
char                dossier_source_get_reliability  (DossierSource *self);
/* 1..6, or 0 when not given. */
guint               dossier_source_get_credibility  (DossierSource *self);
const DossierInline *dossier_source_get_title       (DossierSource *self);
const char         *dossier_source_get_publisher    (DossierSource *self);
const char * const *dossier_source_get_authors      (DossierSource *self);
const DossierDate  *dossier_source_get_published    (DossierSource *self);
const DossierDate  *dossier_source_get_accessed     (DossierSource *self);
const char         *dossier_source_get_url          (DossierSource *self);
const char         *dossier_source_get_archived_url (DossierSource *self);
GPtrArray          *dossier_source_get_excerpt      (DossierSource *self);
/* Of DossierPlace (borrowed from the case): the citations of this source
 * in reading order. Never NULL. */
GPtrArray          *dossier_source_get_citations    (DossierSource *self);

G_END_DECLS
