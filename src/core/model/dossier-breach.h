/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-date.h"
#include "dossier-hypothesis.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_EXPOSED_NONE,   /* no category given */
  DOSSIER_EXPOSED_PERSONAL,
  DOSSIER_EXPOSED_CREDENTIALS,
  DOSSIER_EXPOSED_DOCUMENTS,
  DOSSIER_EXPOSED_EMAIL,
  DOSSIER_EXPOSED_MEDIA,
  DOSSIER_EXPOSED_SOURCE_CODE,
  DOSSIER_EXPOSED_OTHER,
} DossierExposedCategory;

const char *dossier_exposed_category_to_string   (DossierExposedCategory  category);
gboolean    dossier_exposed_category_from_string (const char             *str,
                                                  DossierExposedCategory *out);
/* "Personal data", "Credentials", ... translated; "Uncategorized" for NONE. */
const char *dossier_exposed_category_get_label   (DossierExposedCategory  category);

typedef struct
{
  DossierExposedCategory  category;
  DossierCertainty        certainty;
  guint                   line;
  DossierInline          *text;
} DossierExposedItem;

void dossier_exposed_item_free (DossierExposedItem *item);

#define DOSSIER_TYPE_BREACH (dossier_breach_get_type ())
G_DECLARE_FINAL_TYPE (DossierBreach, dossier_breach, DOSSIER, BREACH, GObject)

guint                dossier_breach_get_line        (DossierBreach *self);
/* Entity ids, or NULL. */
const char          *dossier_breach_get_victim      (DossierBreach *self);
const char          *dossier_breach_get_claimed_by  (DossierBreach *self);
const DossierDate   *dossier_breach_get_began       (DossierBreach *self);
const DossierDate   *dossier_breach_get_discovered  (DossierBreach *self);
const DossierDate   *dossier_breach_get_disclosed   (DossierBreach *self);
/* NULL when absent. */
const DossierInline *dossier_breach_get_method      (DossierBreach *self);
/* Of DossierParagraph, never NULL. */
GPtrArray           *dossier_breach_get_summary     (DossierBreach *self);
GPtrArray           *dossier_breach_get_impact      (DossierBreach *self);
/* Of DossierExposedItem, file order, never NULL. */
GPtrArray           *dossier_breach_get_exposed     (DossierBreach *self);
/* Of DossierHypothesis, never NULL. */
GListModel          *dossier_breach_get_hypotheses  (DossierBreach *self);

G_END_DECLS
