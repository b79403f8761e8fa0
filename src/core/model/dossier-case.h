/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-breach.h"
#include "dossier-date.h"
#include "dossier-entity.h"
#include "dossier-event.h"
#include "dossier-inline.h"
#include "dossier-note.h"
#include "dossier-place.h"
#include "dossier-problem.h"
#include "dossier-reaction.h"
#include "dossier-release.h"
#include "dossier-source.h"
#include "dossier-threat-screen.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_CASE_STATUS_NONE,
  DOSSIER_CASE_STATUS_OPEN,
  DOSSIER_CASE_STATUS_CLOSED,
} DossierCaseStatus;

/* "Open", "Closed", translated; NULL for NONE. */
const char *dossier_case_status_get_label (DossierCaseStatus status);

#define DOSSIER_TYPE_CASE (dossier_case_get_type ())
G_DECLARE_FINAL_TYPE (DossierCase, dossier_case, DOSSIER, CASE, GObject)

/* The file it was loaded from (NULL when loaded from bytes). */
GFile               *dossier_case_get_file          (DossierCase *self);
/* Lowercase hex SHA-256 of the file's bytes. */
const char          *dossier_case_get_sha256        (DossierCase *self);
gsize                dossier_case_get_size          (DossierCase *self);

const char          *dossier_case_get_id            (DossierCase *self);
const char          *dossier_case_get_language      (DossierCase *self);
DossierCaseStatus    dossier_case_get_status        (DossierCase *self);
const DossierInline *dossier_case_get_title         (DossierCase *self);
/* Plain, sanitized title for window titles and file names. */
const char          *dossier_case_get_display_title (DossierCase *self);
const DossierInline *dossier_case_get_subtitle      (DossierCase *self);
GPtrArray           *dossier_case_get_summary       (DossierCase *self);
const DossierDate   *dossier_case_get_updated       (DossierCase *self);

/* GListModels of the model objects, in file order; never NULL (empty when
 * the section is absent). */
GListModel          *dossier_case_get_entities      (DossierCase *self);
GListModel          *dossier_case_get_sources       (DossierCase *self);
GListModel          *dossier_case_get_reactions     (DossierCase *self);
GListModel          *dossier_case_get_releases      (DossierCase *self);
GListModel          *dossier_case_get_events        (DossierCase *self);
GListModel          *dossier_case_get_notes         (DossierCase *self);

/* NULL when the section is absent. */
DossierBreach       *dossier_case_get_breach        (DossierCase *self);
DossierThreatScreen *dossier_case_get_threat_screen (DossierCase *self);
/* The entity id of the work whose release history the case holds. */
const char          *dossier_case_get_release_work  (DossierCase *self);
gboolean             dossier_case_has_release_history (DossierCase *self);

/* Lookups by id; NULL when none (or of another kind). */
GObject             *dossier_case_lookup            (DossierCase *self,
                                                     const char  *id);
DossierEntity       *dossier_case_get_entity        (DossierCase *self,
                                                     const char  *id);
DossierSource       *dossier_case_get_source        (DossierCase *self,
                                                     const char  *id);
/* The entity's name, or the id itself when unknown. */
const char          *dossier_case_get_entity_name   (DossierCase *self,
                                                     const char  *id);

/* Of DossierPlace: every citation in reading order; the i-th has number
 * i + 1. */
GPtrArray           *dossier_case_get_citations     (DossierCase *self);
/* Of DossierProblem: warnings found while loading. */
GPtrArray           *dossier_case_get_warnings      (DossierCase *self);

G_END_DECLS
