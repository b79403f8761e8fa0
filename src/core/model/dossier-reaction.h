/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_STANCE_CONDEMN,
  DOSSIER_STANCE_THREATEN,
  DOSSIER_STANCE_DEMAND,
  DOSSIER_STANCE_DENY,
  DOSSIER_STANCE_SUPPORT,
  DOSSIER_STANCE_NEUTRAL,
} DossierStance;

const char *dossier_stance_to_string   (DossierStance  stance);
gboolean    dossier_stance_from_string (const char    *str,
                                        DossierStance *out);
const char *dossier_stance_get_label   (DossierStance  stance);

#define DOSSIER_TYPE_REACTION (dossier_reaction_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaction, dossier_reaction, DOSSIER, REACTION, GObject)

const char          *dossier_reaction_get_id           (DossierReaction *self);
guint                dossier_reaction_get_line         (DossierReaction *self);
const DossierDate   *dossier_reaction_get_date         (DossierReaction *self);
const char          *dossier_reaction_get_actor        (DossierReaction *self);
const char          *dossier_reaction_get_on_behalf_of (DossierReaction *self);
const DossierInline *dossier_reaction_get_channel      (DossierReaction *self);
DossierStance        dossier_reaction_get_stance       (DossierReaction *self);
DossierCertainty     dossier_reaction_get_certainty    (DossierReaction *self);
/* Verbatim words, or NULL. */
const DossierInline *dossier_reaction_get_quote        (DossierReaction *self);
GPtrArray           *dossier_reaction_get_summary      (DossierReaction *self);

G_END_DECLS
