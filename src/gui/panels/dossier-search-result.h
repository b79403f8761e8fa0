/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-search-index.h"

G_BEGIN_DECLS

/* One row of the search panel's list: a search hit in a GObject, for the
 * GListStore the list view shows. */
#define DOSSIER_TYPE_SEARCH_RESULT (dossier_search_result_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchResult, dossier_search_result, DOSSIER, SEARCH_RESULT, GObject)

/* Takes @hit. */
DossierSearchResult    *dossier_search_result_new     (DossierSearchHit    *hit);
const DossierSearchHit *dossier_search_result_get_hit (DossierSearchResult *self);

G_END_DECLS
