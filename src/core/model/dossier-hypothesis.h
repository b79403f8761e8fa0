/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_EVIDENCE_FOR,
  DOSSIER_EVIDENCE_AGAINST,
  DOSSIER_EVIDENCE_NEUTRAL,
} DossierEvidenceStance;

const char *dossier_evidence_stance_to_string   (DossierEvidenceStance  stance);
gboolean    dossier_evidence_stance_from_string (const char            *str,
                                                 DossierEvidenceStance *out);
/* "For", "Against", "Neutral", translated. */
const char *dossier_evidence_stance_get_label   (DossierEvidenceStance  stance);

typedef struct
{
  DossierEvidenceStance  stance;
  DossierCertainty       certainty;
  guint                  line;
  DossierInline         *text;
} DossierEvidence;

void dossier_evidence_free (DossierEvidence *evidence);

#define DOSSIER_TYPE_HYPOTHESIS (dossier_hypothesis_get_type ())
G_DECLARE_FINAL_TYPE (DossierHypothesis, dossier_hypothesis, DOSSIER, HYPOTHESIS, GObject)

const char          *dossier_hypothesis_get_id        (DossierHypothesis *self);
guint                dossier_hypothesis_get_line      (DossierHypothesis *self);
/* The entity id of the suspected actor. */
const char          *dossier_hypothesis_get_actor     (DossierHypothesis *self);
DossierCertainty     dossier_hypothesis_get_certainty (DossierHypothesis *self);
const DossierInline *dossier_hypothesis_get_statement (DossierHypothesis *self);
/* Of DossierEvidence, in file order. Never NULL. */
GPtrArray           *dossier_hypothesis_get_evidence  (DossierHypothesis *self);

G_END_DECLS
