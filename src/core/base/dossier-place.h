/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierSection:
 *
 * The parts of a case, in the order of the file and of the window's tabs.
 */
typedef enum
{
  DOSSIER_SECTION_OVERVIEW,   /* title, subtitle, summary */
  DOSSIER_SECTION_ENTITIES,
  DOSSIER_SECTION_SOURCES,
  DOSSIER_SECTION_BREACH,
  DOSSIER_SECTION_THREAT,
  DOSSIER_SECTION_REACTIONS,
  DOSSIER_SECTION_RELEASE,
  DOSSIER_SECTION_TIMELINE,
  DOSSIER_SECTION_NOTES,
  DOSSIER_N_SECTIONS
} DossierSection;

/* "overview", "entities", "sources", "breach", "threat", "reactions",
 * "release", "timeline", "notes": the names used by --view, in:, and
 * --sections. */
const char *dossier_section_to_string   (DossierSection  section);
gboolean    dossier_section_from_string (const char     *str,
                                         DossierSection *out);
/* Translated, for readers: "Overview", "Breach", "Threat Screen", ... */
const char *dossier_section_get_label   (DossierSection  section);

/**
 * DossierPlace:
 * @section: the part of the case.
 * @item_id: the id of the nearest enclosing item that has one (a reaction,
 *   a hypothesis, an event, a note, an entity, a source), or NULL.
 * @item_index: for items without ids (releases, exposed items, shown
 *   links, evidence), their 0-based index in their list; else -1.
 * @line: the line of the `cite` or `mention` element.
 * @number: for a citation, its 1-based number in reading order; 0 for a
 *   mention.
 * @ref: the id of the source cited or the entity mentioned.
 * @at: the citation's locator ("p. 3"), or NULL.
 *
 * A place in the case that cites a source or mentions an entity, so a view
 * can jump there. Owned by the #DossierCase.
 */
typedef struct
{
  DossierSection  section;
  char           *item_id;
  int             item_index;
  guint           line;
  guint           number;
  char           *ref;
  char           *at;
} DossierPlace;

DossierPlace *dossier_place_new  (void);
void          dossier_place_free (DossierPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierPlace, dossier_place_free)

G_END_DECLS
