/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_ENTITY_PERSON,
  DOSSIER_ENTITY_ORGANIZATION,
  DOSSIER_ENTITY_GROUP,
  DOSSIER_ENTITY_STATE,
  DOSSIER_ENTITY_MEDIA,
  DOSSIER_ENTITY_WORK,
  DOSSIER_ENTITY_OTHER,
} DossierEntityKind;

const char *dossier_entity_kind_to_string   (DossierEntityKind  kind);
gboolean    dossier_entity_kind_from_string (const char        *str,
                                             DossierEntityKind *out);
const char *dossier_entity_kind_get_label   (DossierEntityKind  kind);

#define DOSSIER_TYPE_ENTITY (dossier_entity_get_type ())
G_DECLARE_FINAL_TYPE (DossierEntity, dossier_entity, DOSSIER, ENTITY, GObject)

const char         *dossier_entity_get_id          (DossierEntity *self);
DossierEntityKind   dossier_entity_get_kind        (DossierEntity *self);
guint               dossier_entity_get_line        (DossierEntity *self);
const char         *dossier_entity_get_name        (DossierEntity *self);
/* NULL-terminated, never NULL. */
const char * const *dossier_entity_get_aliases     (DossierEntity *self);
const char         *dossier_entity_get_role        (DossierEntity *self);
/* Of DossierParagraph, never NULL. */
GPtrArray          *dossier_entity_get_description (DossierEntity *self);
/* Of DossierPlace: every mention of this entity (and every actor, victim,
 * sender... attribute naming it), in reading order. Never NULL. */
GPtrArray          *dossier_entity_get_mentions    (DossierEntity *self);

G_END_DECLS
