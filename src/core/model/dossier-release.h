/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_RELEASE_PLANNED,
  DOSSIER_RELEASE_POSTPONED,
  DOSSIER_RELEASE_RELEASED,
  DOSSIER_RELEASE_CANCELLED,
  DOSSIER_RELEASE_LEAKED,
} DossierReleaseStatus;

const char *dossier_release_status_to_string   (DossierReleaseStatus  status);
gboolean    dossier_release_status_from_string (const char           *str,
                                                DossierReleaseStatus *out);
const char *dossier_release_status_get_label   (DossierReleaseStatus  status);

#define DOSSIER_TYPE_RELEASE (dossier_release_get_type ())
G_DECLARE_FINAL_TYPE (DossierRelease, dossier_release, DOSSIER, RELEASE, GObject)

/* 0-based position in the release history (order of announcement). */
guint                 dossier_release_get_index     (DossierRelease *self);
guint                 dossier_release_get_line      (DossierRelease *self);
const DossierDate    *dossier_release_get_date      (DossierRelease *self);
DossierReleaseStatus  dossier_release_get_status    (DossierRelease *self);
const DossierDate    *dossier_release_get_announced (DossierRelease *self);
const DossierInline  *dossier_release_get_market    (DossierRelease *self);
DossierCertainty      dossier_release_get_certainty (DossierRelease *self);
GPtrArray            *dossier_release_get_summary   (DossierRelease *self);

G_END_DECLS
