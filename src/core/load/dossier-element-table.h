/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The content model of format 1, element by element (the same rules as
 * data/case-file.rng): what each element holds, its children in order,
 * and its attributes by slot. The one table the checks and the loader
 * both read. Inside src/core/load only. */

#include <glib.h>

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

/* The slots of each element's attributes: the loader reads an
 * attribute's value as values[DOSSIER_SOURCE_ATTR_KIND], never by a
 * bare index. The rules list the attributes by these slots (designated
 * initializers), so the order of a table cannot drift from them. */
typedef enum
{
  DOSSIER_CASE_ATTR_FORMAT,
  DOSSIER_CASE_ATTR_ID,
  DOSSIER_CASE_ATTR_STATUS,
  DOSSIER_CASE_N_ATTRS
} DossierCaseAttr;

typedef enum
{
  DOSSIER_ENTITY_ATTR_ID,
  DOSSIER_ENTITY_ATTR_KIND,
  DOSSIER_ENTITY_N_ATTRS
} DossierEntityAttr;

typedef enum
{
  DOSSIER_SOURCE_ATTR_ID,
  DOSSIER_SOURCE_ATTR_KIND,
  DOSSIER_SOURCE_ATTR_RELIABILITY,
  DOSSIER_SOURCE_ATTR_CREDIBILITY,
  DOSSIER_SOURCE_N_ATTRS
} DossierSourceAttr;

/* <victim>, <claimed-by>, <sender> and <mention>: a reference. */
typedef enum
{
  DOSSIER_POINTER_ATTR_REF,
  DOSSIER_POINTER_N_ATTRS
} DossierPointerAttr;

typedef enum
{
  DOSSIER_ITEM_ATTR_CATEGORY,
  DOSSIER_ITEM_ATTR_CERTAINTY,
  DOSSIER_ITEM_N_ATTRS
} DossierItemAttr;

typedef enum
{
  DOSSIER_HYPOTHESIS_ATTR_ID,
  DOSSIER_HYPOTHESIS_ATTR_ACTOR,
  DOSSIER_HYPOTHESIS_ATTR_CERTAINTY,
  DOSSIER_HYPOTHESIS_N_ATTRS
} DossierHypothesisAttr;

typedef enum
{
  DOSSIER_EVIDENCE_ATTR_STANCE,
  DOSSIER_EVIDENCE_ATTR_CERTAINTY,
  DOSSIER_EVIDENCE_N_ATTRS
} DossierEvidenceAttr;

typedef enum
{
  DOSSIER_IMAGE_ATTR_DESCRIPTION,
  DOSSIER_IMAGE_ATTR_SRC,
  DOSSIER_IMAGE_N_ATTRS
} DossierImageAttr;

/* <shown-link> and <link>. */
typedef enum
{
  DOSSIER_HREF_ATTR_HREF,
  DOSSIER_HREF_N_ATTRS
} DossierHrefAttr;

typedef enum
{
  DOSSIER_REACTION_ATTR_ID,
  DOSSIER_REACTION_ATTR_DATE,
  DOSSIER_REACTION_ATTR_ACTOR,
  DOSSIER_REACTION_ATTR_ON_BEHALF_OF,
  DOSSIER_REACTION_ATTR_STANCE,
  DOSSIER_REACTION_ATTR_CERTAINTY,
  DOSSIER_REACTION_N_ATTRS
} DossierReactionAttr;

typedef enum
{
  DOSSIER_RELEASE_HISTORY_ATTR_WORK,
  DOSSIER_RELEASE_HISTORY_N_ATTRS
} DossierReleaseHistoryAttr;

typedef enum
{
  DOSSIER_RELEASE_ATTR_DATE,
  DOSSIER_RELEASE_ATTR_STATUS,
  DOSSIER_RELEASE_ATTR_ANNOUNCED,
  DOSSIER_RELEASE_ATTR_CERTAINTY,
  DOSSIER_RELEASE_N_ATTRS
} DossierReleaseAttr;

typedef enum
{
  DOSSIER_EVENT_ATTR_ID,
  DOSSIER_EVENT_ATTR_DATE,
  DOSSIER_EVENT_ATTR_CERTAINTY,
  DOSSIER_EVENT_N_ATTRS
} DossierEventAttr;

typedef enum
{
  DOSSIER_NOTE_ATTR_ID,
  DOSSIER_NOTE_ATTR_CREATED,
  DOSSIER_NOTE_ATTR_AUTHOR,
  DOSSIER_NOTE_ATTR_TAGS,
  DOSSIER_NOTE_ATTR_ABOUT,
  DOSSIER_NOTE_N_ATTRS
} DossierNoteAttr;

typedef enum
{
  DOSSIER_P_ATTR_CERTAINTY,
  DOSSIER_P_N_ATTRS
} DossierParagraphAttr;

typedef enum
{
  DOSSIER_CITE_ATTR_REF,
  DOSSIER_CITE_ATTR_AT,
  DOSSIER_CITE_N_ATTRS
} DossierCiteAttr;

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

/* The element named @local_name in the case namespace, or UNKNOWN. */
DossierElement            dossier_element_lookup      (const char     *local_name);
const DossierElementRule *dossier_element_get_rule    (DossierElement  element);
/* The attribute of @rule named @name, or NULL; its slot is its index in
 * rule->attrs. */
const DossierAttrRule    *dossier_element_find_attr   (const DossierElementRule *rule,
                                                       const char               *name);
/* "a, b or c" for messages. */
char                     *dossier_element_join_values (const char * const *values);

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
DossierChildVerdict       dossier_element_accept_child   (const DossierElementRule *rule,
                                                          DossierSequence          *sequence,
                                                          DossierElement            child,
                                                          DossierElement           *after);
/* The first required child missing once the parent ends, or UNKNOWN. */
DossierElement            dossier_element_missing_child  (const DossierElementRule *rule,
                                                          const DossierSequence    *sequence);

G_END_DECLS
