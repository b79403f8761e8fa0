/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVENT (dossier_event_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvent, dossier_event, DOSSIER, EVENT, GObject)

const char          *dossier_event_get_id        (DossierEvent *self);
guint                dossier_event_get_line      (DossierEvent *self);
const DossierDate   *dossier_event_get_date      (DossierEvent *self);
const DossierInline *dossier_event_get_title     (DossierEvent *self);
DossierCertainty     dossier_event_get_certainty (DossierEvent *self);
GPtrArray           *dossier_event_get_summary   (DossierEvent *self);

G_END_DECLS
