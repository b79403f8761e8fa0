/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

/* A link printed on a threat screen: evidence, shown, never opened. */
typedef struct
{
  guint          line;
  char          *href;
  DossierInline *text;
} DossierShownLink;

void dossier_shown_link_free (DossierShownLink *link);

#define DOSSIER_TYPE_THREAT_SCREEN (dossier_threat_screen_get_type ())
G_DECLARE_FINAL_TYPE (DossierThreatScreen, dossier_threat_screen, DOSSIER, THREAT_SCREEN, GObject)

guint                dossier_threat_screen_get_line              (DossierThreatScreen *self);
const DossierDate   *dossier_threat_screen_get_shown             (DossierThreatScreen *self);
const DossierInline *dossier_threat_screen_get_shown_on          (DossierThreatScreen *self);
const char          *dossier_threat_screen_get_sender            (DossierThreatScreen *self);
const DossierInline *dossier_threat_screen_get_headline          (DossierThreatScreen *self);
gboolean             dossier_threat_screen_has_image             (DossierThreatScreen *self);
const char          *dossier_threat_screen_get_image_description (DossierThreatScreen *self);
/* The `src` as written, or NULL. */
const char          *dossier_threat_screen_get_image_src         (DossierThreatScreen *self);
/* The image file inside the case's folder, or NULL when there is no src
 * or it may not be loaded; then get_image_problem() says why, in words. */
GFile               *dossier_threat_screen_get_image_file        (DossierThreatScreen *self);
const char          *dossier_threat_screen_get_image_problem     (DossierThreatScreen *self);
GPtrArray           *dossier_threat_screen_get_message           (DossierThreatScreen *self);
const DossierInline *dossier_threat_screen_get_demand            (DossierThreatScreen *self);
const DossierDate   *dossier_threat_screen_get_deadline          (DossierThreatScreen *self);
/* Of DossierShownLink, never NULL. */
GPtrArray           *dossier_threat_screen_get_shown_links       (DossierThreatScreen *self);

G_END_DECLS
