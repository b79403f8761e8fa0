/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-result.h"

struct _DossierSearchResult
{
  GObject           parent_instance;
  DossierSearchHit *hit;
};

G_DEFINE_FINAL_TYPE (DossierSearchResult, dossier_search_result, G_TYPE_OBJECT)

static void
dossier_search_result_finalize (GObject *object)
{
  DossierSearchResult *self = DOSSIER_SEARCH_RESULT (object);

  g_clear_pointer (&self->hit, dossier_search_hit_free);

  G_OBJECT_CLASS (dossier_search_result_parent_class)->finalize (object);
}

static void
dossier_search_result_class_init (DossierSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_search_result_finalize;
}

static void
dossier_search_result_init (DossierSearchResult *self)
{
}

DossierSearchResult *
dossier_search_result_new (DossierSearchHit *hit)
{
  DossierSearchResult *self;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_RESULT, NULL);
  self->hit = hit;
  return self;
}

const DossierSearchHit *
dossier_search_result_get_hit (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->hit;
}
