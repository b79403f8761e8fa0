/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-breach.h"

#include <glib/gi18n-lib.h>

#include "dossier-model-builder.h"

G_DEFINE_FINAL_TYPE (DossierBreach, dossier_breach, G_TYPE_OBJECT)

/* Indexed by DossierExposedCategory; NONE has no word in files. */
static const struct
{
  const char *word;
  const char *label;
} exposed_categories[] = {
  { NULL,          N_("Uncategorized") },
  { "personal",    N_("Personal data") },
  { "credentials", N_("Credentials") },
  { "documents",   N_("Documents") },
  { "email",       N_("Email") },
  { "media",       N_("Media") },
  { "source-code", N_("Source code") },
  { "other",       N_("Other") },
};

static void
dossier_breach_finalize (GObject *object)
{
  DossierBreach *self = (DossierBreach *)object;

  /* A loaded object keeps these in its case's arena. */
  if (self->arena == NULL)
    {
      g_clear_pointer (&self->victim, g_free);
      g_clear_pointer (&self->claimed_by, g_free);
      g_clear_pointer (&self->method, dossier_inline_free);
    }

  g_clear_pointer (&self->began, dossier_date_free);
  g_clear_pointer (&self->discovered, dossier_date_free);
  g_clear_pointer (&self->disclosed, dossier_date_free);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  g_clear_pointer (&self->impact, g_ptr_array_unref);
  g_clear_pointer (&self->exposed, g_ptr_array_unref);
  g_clear_object (&self->hypotheses);
  g_clear_pointer (&self->arena, dossier_arena_unref);

  G_OBJECT_CLASS (dossier_breach_parent_class)->finalize (object);
}

static void
dossier_breach_class_init (DossierBreachClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_breach_finalize;
}

static void
dossier_breach_init (DossierBreach *self)
{
  self->summary = dossier_blocks_new ();
  self->impact = dossier_blocks_new ();
  self->exposed = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_exposed_item_free);
  self->hypotheses = g_list_store_new (DOSSIER_TYPE_HYPOTHESIS);
}

const char *
dossier_exposed_category_to_string (DossierExposedCategory category)
{
  if ((guint)category >= G_N_ELEMENTS (exposed_categories))
    return NULL;

  return exposed_categories[category].word;
}

gboolean
dossier_exposed_category_from_string (const char             *str,
                                      DossierExposedCategory *out)
{
  if (str == NULL)
    return FALSE;

  /* Starts at 1: NONE is the absence of the attribute, not a word. */
  for (guint i = 1; i < G_N_ELEMENTS (exposed_categories); i++)
    {
      if (g_strcmp0 (str, exposed_categories[i].word) == 0)
        {
          if (out != NULL)
            *out = (DossierExposedCategory)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_exposed_category_get_label (DossierExposedCategory category)
{
  if ((guint)category >= G_N_ELEMENTS (exposed_categories))
    return NULL;

  return _(exposed_categories[category].label);
}

void
dossier_exposed_item_free (DossierExposedItem *item)
{
  if (item == NULL)
    return;

  g_clear_pointer (&item->text, dossier_inline_free);
  g_free (item);
}

DossierBreach *
dossier_breach_new_empty (void)
{
  return g_object_new (DOSSIER_TYPE_BREACH, NULL);
}

guint
dossier_breach_get_line (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), 0);

  return self->line;
}

const char *
dossier_breach_get_victim (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->victim;
}

const char *
dossier_breach_get_claimed_by (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->claimed_by;
}

const DossierDate *
dossier_breach_get_began (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->began;
}

const DossierDate *
dossier_breach_get_discovered (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->discovered;
}

const DossierDate *
dossier_breach_get_disclosed (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->disclosed;
}

const DossierInline *
dossier_breach_get_method (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  return self->method;
}

GPtrArray *
dossier_breach_get_summary (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  if (self->summary == NULL)
    self->summary = dossier_blocks_new ();

  return self->summary;
}

GPtrArray *
dossier_breach_get_impact (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  if (self->impact == NULL)
    self->impact = dossier_blocks_new ();

  return self->impact;
}

GPtrArray *
dossier_breach_get_exposed (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  if (self->exposed == NULL)
    self->exposed = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_exposed_item_free);

  return self->exposed;
}

GListModel *
dossier_breach_get_hypotheses (DossierBreach *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH (self), NULL);

  if (self->hypotheses == NULL)
    self->hypotheses = g_list_store_new (DOSSIER_TYPE_HYPOTHESIS);

  return G_LIST_MODEL (self->hypotheses);
}
