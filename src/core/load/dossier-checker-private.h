/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The checks the loader runs once the whole file is read: ids,
 * references, warnings and images. Inside src/core/load only. */

#include <gio/gio.h>

#include "dossier-load-problems.h"
#include "dossier-model-builder.h"

G_BEGIN_DECLS

/* The kinds of things that have ids. */
typedef enum
{
  DOSSIER_ID_CASE,
  DOSSIER_ID_ENTITY,
  DOSSIER_ID_SOURCE,
  DOSSIER_ID_HYPOTHESIS,
  DOSSIER_ID_REACTION,
  DOSSIER_ID_EVENT,
  DOSSIER_ID_NOTE,
} DossierIdKind;

/* Where a reference stands; says what it must point at and how the
 * message names it. */
typedef enum
{
  DOSSIER_REF_CITE,            /* a source */
  DOSSIER_REF_MENTION,         /* an entity */
  DOSSIER_REF_VICTIM,
  DOSSIER_REF_CLAIMED_BY,
  DOSSIER_REF_SENDER,
  DOSSIER_REF_HYPOTHESIS_ACTOR,
  DOSSIER_REF_REACTION_ACTOR,
  DOSSIER_REF_ON_BEHALF_OF,
  DOSSIER_REF_WORK,            /* an entity of kind work */
  DOSSIER_REF_ABOUT,           /* anything with an id */
} DossierRefSite;

typedef struct _DossierChecker DossierChecker;

/* A letter, then letters, digits, '.', '_' and '-'. */
gboolean        dossier_checker_id_is_valid   (const char         *id);

/* Copies of references go into @arena (the case's). */
DossierChecker *dossier_checker_new           (DossierArena       *arena);
void            dossier_checker_free          (DossierChecker     *checker);
/* Registers @id (which must be valid); returns FALSE and the line of the
 * first use when it is taken. @id must outlive the checker (it is the
 * object's own string). */
gboolean        dossier_checker_add_id        (DossierChecker     *checker,
                                               const char         *id,
                                               DossierIdKind       kind,
                                               GObject            *object,
                                               guint               line,
                                               guint              *first_line);
/* Records a reference to resolve at the end; @place (borrowed, owned by
 * the case) is attached to the source's citations or the entity's
 * mentions when it resolves. Returns the string for the model to keep:
 * the id's own string when the id is registered already, else a copy in
 * the arena. */
const char     *dossier_checker_add_ref       (DossierChecker     *checker,
                                               DossierRefSite      site,
                                               const char         *id,
                                               guint               line,
                                               guint               column,
                                               DossierPlace       *place);
/* Resolves every reference, reporting dangling ones and ones of the wrong
 * kind to @problems. */
void            dossier_checker_resolve       (DossierChecker      *checker,
                                               DossierLoadProblems *problems);
/* Adds the warnings of a case that opens: sources never cited, entities
 * never mentioned, notes about nothing. */
void            dossier_checker_add_warnings  (DossierChecker     *checker,
                                               DossierCase        *dcase);
/* Decides whether the threat screen's image may be shown; sets its
 * image_file or image_problem. */
void            dossier_checker_check_image   (DossierThreatScreen *screen,
                                               GFile               *base_dir);

/* Levenshtein distance, giving up (returning @limit + 1) past @limit. */
guint           dossier_checker_edit_distance (const char         *a,
                                               const char         *b,
                                               guint               limit);

G_END_DECLS
