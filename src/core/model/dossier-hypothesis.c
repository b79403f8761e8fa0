/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-hypothesis.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierHypothesis, dossier_hypothesis, G_TYPE_OBJECT)

/* Indexed by DossierEvidenceStance. */
static const struct
{
  const char *word;
  const char *label;
} evidence_stances[] = {
  { "for",     N_("For") },
  { "against", N_("Against") },
  { "neutral", N_("Neutral") },
};

static void
dossier_hypothesis_finalize (GObject *object)
{
  DossierHypothesis *self = (DossierHypothesis *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->actor, g_free);
      g_clear_pointer (&self->statement, dossier_inline_free);
    }

  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_hypothesis_parent_class)->finalize (object);
}

static void
dossier_hypothesis_class_init (DossierHypothesisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_hypothesis_finalize;
}

static void
dossier_hypothesis_init (DossierHypothesis *self)
{
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_evidence_free);
}

const char *
dossier_evidence_stance_to_string (DossierEvidenceStance stance)
{
  if ((guint)stance >= G_N_ELEMENTS (evidence_stances))
    return NULL;

  return evidence_stances[stance].word;
}

gboolean
dossier_evidence_stance_from_string (const char            *str,
                                     DossierEvidenceStance *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (evidence_stances); i++)
    {
      if (g_strcmp0 (str, evidence_stances[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierEvidenceStance)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_evidence_stance_get_label (DossierEvidenceStance stance)
{
  if ((guint)stance >= G_N_ELEMENTS (evidence_stances))
    return NULL;

  return _(evidence_stances[stance].label);
}

void
dossier_evidence_free (DossierEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_clear_pointer (&evidence->text, dossier_inline_free);
  g_free (evidence);
}

DossierHypothesis *
dossier_hypothesis_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_HYPOTHESIS, NULL);
}

const char *
dossier_hypothesis_get_id (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), NULL);

  return self->id;
}

guint
dossier_hypothesis_get_line (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), 0);

  return self->line;
}

const char *
dossier_hypothesis_get_actor (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), NULL);

  return self->actor;
}

DossierCertainty
dossier_hypothesis_get_certainty (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), DOSSIER_CERTAINTY_NONE);

  return self->certainty;
}

const DossierInline *
dossier_hypothesis_get_statement (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), NULL);

  return self->statement;
}

GPtrArray *
dossier_hypothesis_get_evidence (DossierHypothesis *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPOTHESIS (self), NULL);

  if (self->evidence == NULL)
    self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_evidence_free);

  return self->evidence;
}
