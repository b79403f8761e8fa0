/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTE (dossier_note_get_type ())
G_DECLARE_FINAL_TYPE (DossierNote, dossier_note, DOSSIER, NOTE, GObject)

const char          *dossier_note_get_id      (DossierNote *self);
guint                dossier_note_get_line    (DossierNote *self);
const DossierDate   *dossier_note_get_created (DossierNote *self);
/* NULL when not given. */
const char          *dossier_note_get_author  (DossierNote *self);
/* NULL-terminated, never NULL. */
const char * const  *dossier_note_get_tags    (DossierNote *self);
const char * const  *dossier_note_get_about   (DossierNote *self);
gboolean             dossier_note_has_tag     (DossierNote *self,
                                               const char  *tag);
const DossierInline *dossier_note_get_title   (DossierNote *self);
GPtrArray           *dossier_note_get_body    (DossierNote *self);

G_END_DECLS
