/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The content model of format 1 (the same rules as data/case-file.rng),
 * and the checks the loader runs once the whole file is read: ids,
 * references, warnings and images. Inside src/core only. */

#include <gio/gio.h>

#include "dossier-loader-private.h"
#include "dossier-model-private.h"

G_BEGIN_DECLS

#define DOSSIER_CASE_NAMESPACE "urn:dossier:case"
#define DOSSIER_XML_NAMESPACE  "http://www.w3.org/XML/1998/namespace"

typedef enum
{
  DOSSIER_ELEMENT_UNKNOWN,
  DOSSIER_ELEMENT_CASE,
  DOSSIER_ELEMENT_TITLE,
  DOSSIER_ELEMENT_SUBTITLE,
  DOSSIER_ELEMENT_SUMMARY,
  DOSSIER_ELEMENT_UPDATED,
  DOSSIER_ELEMENT_ENTITIES,
  DOSSIER_ELEMENT_ENTITY,
  DOSSIER_ELEMENT_NAME,
  DOSSIER_ELEMENT_ALIAS,
  DOSSIER_ELEMENT_ROLE,
  DOSSIER_ELEMENT_DESCRIPTION,
  DOSSIER_ELEMENT_SOURCES,
  DOSSIER_ELEMENT_SOURCE,
  DOSSIER_ELEMENT_PUBLISHER,
  DOSSIER_ELEMENT_AUTHOR,
  DOSSIER_ELEMENT_PUBLISHED,
  DOSSIER_ELEMENT_ACCESSED,
  DOSSIER_ELEMENT_URL,
  DOSSIER_ELEMENT_ARCHIVED_URL,
  DOSSIER_ELEMENT_EXCERPT,
  DOSSIER_ELEMENT_BREACH,
  DOSSIER_ELEMENT_VICTIM,
  DOSSIER_ELEMENT_CLAIMED_BY,
  DOSSIER_ELEMENT_BEGAN,
  DOSSIER_ELEMENT_DISCOVERED,
  DOSSIER_ELEMENT_DISCLOSED,
  DOSSIER_ELEMENT_METHOD,
  DOSSIER_ELEMENT_IMPACT,
  DOSSIER_ELEMENT_EXPOSED,
  DOSSIER_ELEMENT_ITEM,
  DOSSIER_ELEMENT_ATTRIBUTION,
  DOSSIER_ELEMENT_HYPOTHESIS,
  DOSSIER_ELEMENT_STATEMENT,
  DOSSIER_ELEMENT_EVIDENCE,
  DOSSIER_ELEMENT_THREAT_SCREEN,
  DOSSIER_ELEMENT_SHOWN,
  DOSSIER_ELEMENT_SHOWN_ON,
  DOSSIER_ELEMENT_SENDER,
  DOSSIER_ELEMENT_HEADLINE,
  DOSSIER_ELEMENT_IMAGE,
  DOSSIER_ELEMENT_MESSAGE,
  DOSSIER_ELEMENT_DEMAND,
  DOSSIER_ELEMENT_DEADLINE,
  DOSSIER_ELEMENT_SHOWN_LINK,
  DOSSIER_ELEMENT_REACTIONS,
  DOSSIER_ELEMENT_REACTION,
  DOSSIER_ELEMENT_CHANNEL,
  DOSSIER_ELEMENT_QUOTE,
  DOSSIER_ELEMENT_RELEASE_HISTORY,
  DOSSIER_ELEMENT_RELEASE,
  DOSSIER_ELEMENT_MARKET,
  DOSSIER_ELEMENT_TIMELINE,
  DOSSIER_ELEMENT_EVENT,
  DOSSIER_ELEMENT_NOTES,
  DOSSIER_ELEMENT_NOTE,
  DOSSIER_ELEMENT_P,
  DOSSIER_ELEMENT_CITE,
  DOSSIER_ELEMENT_MENTION,
  DOSSIER_ELEMENT_EM,
  DOSSIER_ELEMENT_STRONG,
  DOSSIER_ELEMENT_Q,
  DOSSIER_ELEMENT_LINK,
  DOSSIER_N_ELEMENTS
} DossierElement;

/* What an element holds. */
typedef enum
{
  DOSSIER_CONTENT_EMPTY,     /* attributes only (foreign elements allowed) */
  DOSSIER_CONTENT_PLAIN,     /* character data only, collapsed and trimmed */
  DOSSIER_CONTENT_DATE,      /* character data only, kept as written */
  DOSSIER_CONTENT_INLINE,    /* text with inline elements */
  DOSSIER_CONTENT_ELEMENTS,  /* child elements only, in a sequence */
} DossierContent;

typedef enum
{
  DOSSIER_ATTR_STRING,
  DOSSIER_ATTR_ID,
  DOSSIER_ATTR_REF,          /* one id */
  DOSSIER_ATTR_REFS,         /* space-separated ids */
  DOSSIER_ATTR_ENUM,
  DOSSIER_ATTR_DATE,
  DOSSIER_ATTR_FORMAT,
} DossierAttrType;

typedef struct
{
  const char         *name;
  DossierAttrType     type;
  gboolean            required;
  const char * const *values;   /* ENUM */
} DossierAttrRule;

typedef struct
{
  DossierElement element;
  guint8         min;
  guint8         max;           /* 0: unbounded */
} DossierChildRule;

#define DOSSIER_MAX_CHILD_RULES 12
#define DOSSIER_MAX_ATTR_RULES  8

typedef struct
{
  const char             *name;
  DossierContent          content;
  gboolean                is_inline;   /* may stand inside text */
  const DossierChildRule *children;    /* ELEMENTS */
  guint                   n_children;
  const DossierAttrRule  *attrs;
  guint                   n_attrs;
} DossierElementRule;

DossierElement            dossier_checker_lookup_element (const char     *local_name);
const DossierElementRule *dossier_checker_get_rule       (DossierElement  element);
const DossierAttrRule    *dossier_checker_find_attr      (const DossierElementRule *rule,
                                                          const char               *name);
/* "a, b or c" for messages. */
char                     *dossier_checker_join_values    (const char * const *values);
gboolean                  dossier_checker_id_is_valid    (const char     *id);

typedef enum
{
  DOSSIER_CHILD_OK,
  DOSSIER_CHILD_NOT_ALLOWED,
  DOSSIER_CHILD_TOO_MANY,
  DOSSIER_CHILD_OUT_OF_ORDER,
} DossierChildVerdict;

/* Where a parent stands in its sequence of children. */
typedef struct
{
  guint  pos;
  guint8 counts[DOSSIER_MAX_CHILD_RULES];
} DossierSequence;

/* Accepts @child in @rule's sequence, or says why not; for
 * OUT_OF_ORDER, @after is the child it should have come before. */
DossierChildVerdict       dossier_checker_accept_child   (const DossierElementRule *rule,
                                                          DossierSequence          *sequence,
                                                          DossierElement            child,
                                                          DossierElement           *after);
/* The first required child missing once the parent ends, or UNKNOWN. */
DossierElement            dossier_checker_missing_child  (const DossierElementRule *rule,
                                                          const DossierSequence    *sequence);

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
                                               DossierCase        *self);
/* Decides whether the threat screen's image may be shown; sets its
 * image_file or image_problem. */
void            dossier_checker_check_image   (DossierThreatScreen *screen,
                                               GFile               *base_dir);

/* Levenshtein distance, giving up (returning @limit + 1) past @limit. */
guint           dossier_checker_edit_distance (const char         *a,
                                               const char         *b,
                                               guint               limit);

G_END_DECLS
