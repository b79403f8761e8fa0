/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-element-table.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const certainty_values[] = {
  "confirmed", "reported", "alleged", "disputed", "unverified", NULL
};
static const char * const case_status_values[] = { "open", "closed", NULL };
static const char * const entity_kind_values[] = {
  "person", "organization", "group", "state", "media", "work", "other", NULL
};
static const char * const source_kind_values[] = {
  "press", "state-media", "official", "letter", "social", "forum", "report",
  "interview", "other", NULL
};
static const char * const reliability_values[] = { "A", "B", "C", "D", "E", "F", NULL };
static const char * const credibility_values[] = { "1", "2", "3", "4", "5", "6", NULL };
static const char * const category_values[] = {
  "personal", "credentials", "documents", "email", "media", "source-code",
  "other", NULL
};
static const char * const evidence_stance_values[] = { "for", "against", "neutral", NULL };
static const char * const reaction_stance_values[] = {
  "condemn", "threaten", "demand", "deny", "support", "neutral", NULL
};
static const char * const release_status_values[] = {
  "planned", "postponed", "released", "cancelled", "leaked", NULL
};

/* Every slot of an element is in its table: a table one longer than
 * its rules would leave a hole of NULL names. */
G_STATIC_ASSERT (DOSSIER_CASE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_ENTITY_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_SOURCE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_POINTER_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_ITEM_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_HYPOTHESIS_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_EVIDENCE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_IMAGE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_HREF_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_REACTION_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_RELEASE_HISTORY_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_RELEASE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_EVENT_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_NOTE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_P_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);
G_STATIC_ASSERT (DOSSIER_CITE_N_ATTRS <= DOSSIER_MAX_ATTR_RULES);

#define ATTRS(a) a, G_N_ELEMENTS (a)
#define CHILDREN(c) c, G_N_ELEMENTS (c)
#define CERTAINTY { "certainty", DOSSIER_ATTR_ENUM, FALSE, certainty_values }

static const DossierAttrRule case_attrs[DOSSIER_CASE_N_ATTRS] = {
  [DOSSIER_CASE_ATTR_FORMAT] = { "format", DOSSIER_ATTR_FORMAT, TRUE, NULL },
  [DOSSIER_CASE_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_CASE_ATTR_STATUS] = { "status", DOSSIER_ATTR_ENUM, FALSE, case_status_values },
};
static const DossierAttrRule entity_attrs[DOSSIER_ENTITY_N_ATTRS] = {
  [DOSSIER_ENTITY_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_ENTITY_ATTR_KIND] = { "kind", DOSSIER_ATTR_ENUM, TRUE, entity_kind_values },
};
static const DossierAttrRule source_attrs[DOSSIER_SOURCE_N_ATTRS] = {
  [DOSSIER_SOURCE_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_SOURCE_ATTR_KIND] = { "kind", DOSSIER_ATTR_ENUM, TRUE, source_kind_values },
  [DOSSIER_SOURCE_ATTR_RELIABILITY] = { "reliability", DOSSIER_ATTR_ENUM, FALSE, reliability_values },
  [DOSSIER_SOURCE_ATTR_CREDIBILITY] = { "credibility", DOSSIER_ATTR_ENUM, FALSE, credibility_values },
};
static const DossierAttrRule pointer_attrs[DOSSIER_POINTER_N_ATTRS] = {
  [DOSSIER_POINTER_ATTR_REF] = { "ref", DOSSIER_ATTR_REF, TRUE, NULL },
};
static const DossierAttrRule item_attrs[DOSSIER_ITEM_N_ATTRS] = {
  [DOSSIER_ITEM_ATTR_CATEGORY] = { "category", DOSSIER_ATTR_ENUM, FALSE, category_values },
  [DOSSIER_ITEM_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule hypothesis_attrs[DOSSIER_HYPOTHESIS_N_ATTRS] = {
  [DOSSIER_HYPOTHESIS_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_HYPOTHESIS_ATTR_ACTOR] = { "actor", DOSSIER_ATTR_REF, TRUE, NULL },
  [DOSSIER_HYPOTHESIS_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule evidence_attrs[DOSSIER_EVIDENCE_N_ATTRS] = {
  [DOSSIER_EVIDENCE_ATTR_STANCE] = { "stance", DOSSIER_ATTR_ENUM, TRUE, evidence_stance_values },
  [DOSSIER_EVIDENCE_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule image_attrs[DOSSIER_IMAGE_N_ATTRS] = {
  [DOSSIER_IMAGE_ATTR_DESCRIPTION] = { "description", DOSSIER_ATTR_STRING, TRUE, NULL },
  [DOSSIER_IMAGE_ATTR_SRC] = { "src", DOSSIER_ATTR_STRING, FALSE, NULL },
};
static const DossierAttrRule href_attrs[DOSSIER_HREF_N_ATTRS] = {
  [DOSSIER_HREF_ATTR_HREF] = { "href", DOSSIER_ATTR_STRING, TRUE, NULL },
};
static const DossierAttrRule reaction_attrs[DOSSIER_REACTION_N_ATTRS] = {
  [DOSSIER_REACTION_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_REACTION_ATTR_DATE] = { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  [DOSSIER_REACTION_ATTR_ACTOR] = { "actor", DOSSIER_ATTR_REF, TRUE, NULL },
  [DOSSIER_REACTION_ATTR_ON_BEHALF_OF] = { "on-behalf-of", DOSSIER_ATTR_REF, FALSE, NULL },
  [DOSSIER_REACTION_ATTR_STANCE] = { "stance", DOSSIER_ATTR_ENUM, TRUE, reaction_stance_values },
  [DOSSIER_REACTION_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule release_history_attrs[DOSSIER_RELEASE_HISTORY_N_ATTRS] = {
  [DOSSIER_RELEASE_HISTORY_ATTR_WORK] = { "work", DOSSIER_ATTR_REF, FALSE, NULL },
};
static const DossierAttrRule release_attrs[DOSSIER_RELEASE_N_ATTRS] = {
  [DOSSIER_RELEASE_ATTR_DATE] = { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  [DOSSIER_RELEASE_ATTR_STATUS] = { "status", DOSSIER_ATTR_ENUM, TRUE, release_status_values },
  [DOSSIER_RELEASE_ATTR_ANNOUNCED] = { "announced", DOSSIER_ATTR_DATE, FALSE, NULL },
  [DOSSIER_RELEASE_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule event_attrs[DOSSIER_EVENT_N_ATTRS] = {
  [DOSSIER_EVENT_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_EVENT_ATTR_DATE] = { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  [DOSSIER_EVENT_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule note_attrs[DOSSIER_NOTE_N_ATTRS] = {
  [DOSSIER_NOTE_ATTR_ID] = { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  [DOSSIER_NOTE_ATTR_CREATED] = { "created", DOSSIER_ATTR_DATE, FALSE, NULL },
  [DOSSIER_NOTE_ATTR_AUTHOR] = { "author", DOSSIER_ATTR_STRING, FALSE, NULL },
  [DOSSIER_NOTE_ATTR_TAGS] = { "tags", DOSSIER_ATTR_STRING, FALSE, NULL },
  [DOSSIER_NOTE_ATTR_ABOUT] = { "about", DOSSIER_ATTR_REFS, FALSE, NULL },
};
static const DossierAttrRule p_attrs[DOSSIER_P_N_ATTRS] = {
  [DOSSIER_P_ATTR_CERTAINTY] = CERTAINTY,
};
static const DossierAttrRule cite_attrs[DOSSIER_CITE_N_ATTRS] = {
  [DOSSIER_CITE_ATTR_REF] = { "ref", DOSSIER_ATTR_REF, TRUE, NULL },
  [DOSSIER_CITE_ATTR_AT] = { "at", DOSSIER_ATTR_STRING, FALSE, NULL },
};

static const DossierChildRule case_children[] = {
  { DOSSIER_ELEMENT_TITLE, 1, 1 },
  { DOSSIER_ELEMENT_SUBTITLE, 0, 1 },
  { DOSSIER_ELEMENT_SUMMARY, 0, 1 },
  { DOSSIER_ELEMENT_UPDATED, 0, 1 },
  { DOSSIER_ELEMENT_ENTITIES, 0, 1 },
  { DOSSIER_ELEMENT_SOURCES, 0, 1 },
  { DOSSIER_ELEMENT_BREACH, 0, 1 },
  { DOSSIER_ELEMENT_THREAT_SCREEN, 0, 1 },
  { DOSSIER_ELEMENT_REACTIONS, 0, 1 },
  { DOSSIER_ELEMENT_RELEASE_HISTORY, 0, 1 },
  { DOSSIER_ELEMENT_TIMELINE, 0, 1 },
  { DOSSIER_ELEMENT_NOTES, 0, 1 },
};
static const DossierChildRule blocks_children[] = {
  { DOSSIER_ELEMENT_P, 1, 0 },
};
static const DossierChildRule entities_children[] = {
  { DOSSIER_ELEMENT_ENTITY, 0, 0 },
};
static const DossierChildRule entity_children[] = {
  { DOSSIER_ELEMENT_NAME, 1, 1 },
  { DOSSIER_ELEMENT_ALIAS, 0, 0 },
  { DOSSIER_ELEMENT_ROLE, 0, 1 },
  { DOSSIER_ELEMENT_DESCRIPTION, 0, 1 },
};
static const DossierChildRule sources_children[] = {
  { DOSSIER_ELEMENT_SOURCE, 0, 0 },
};
static const DossierChildRule source_children[] = {
  { DOSSIER_ELEMENT_TITLE, 1, 1 },
  { DOSSIER_ELEMENT_PUBLISHER, 0, 1 },
  { DOSSIER_ELEMENT_AUTHOR, 0, 0 },
  { DOSSIER_ELEMENT_PUBLISHED, 0, 1 },
  { DOSSIER_ELEMENT_ACCESSED, 0, 1 },
  { DOSSIER_ELEMENT_URL, 0, 1 },
  { DOSSIER_ELEMENT_ARCHIVED_URL, 0, 1 },
  { DOSSIER_ELEMENT_EXCERPT, 0, 1 },
};
static const DossierChildRule breach_children[] = {
  { DOSSIER_ELEMENT_VICTIM, 0, 1 },
  { DOSSIER_ELEMENT_CLAIMED_BY, 0, 1 },
  { DOSSIER_ELEMENT_BEGAN, 0, 1 },
  { DOSSIER_ELEMENT_DISCOVERED, 0, 1 },
  { DOSSIER_ELEMENT_DISCLOSED, 0, 1 },
  { DOSSIER_ELEMENT_METHOD, 0, 1 },
  { DOSSIER_ELEMENT_SUMMARY, 0, 1 },
  { DOSSIER_ELEMENT_IMPACT, 0, 1 },
  { DOSSIER_ELEMENT_EXPOSED, 0, 1 },
  { DOSSIER_ELEMENT_ATTRIBUTION, 0, 1 },
};
static const DossierChildRule exposed_children[] = {
  { DOSSIER_ELEMENT_ITEM, 0, 0 },
};
static const DossierChildRule attribution_children[] = {
  { DOSSIER_ELEMENT_HYPOTHESIS, 0, 0 },
};
static const DossierChildRule hypothesis_children[] = {
  { DOSSIER_ELEMENT_STATEMENT, 1, 1 },
  { DOSSIER_ELEMENT_EVIDENCE, 0, 0 },
};
static const DossierChildRule threat_screen_children[] = {
  { DOSSIER_ELEMENT_SHOWN, 0, 1 },
  { DOSSIER_ELEMENT_SHOWN_ON, 0, 1 },
  { DOSSIER_ELEMENT_SENDER, 0, 1 },
  { DOSSIER_ELEMENT_HEADLINE, 1, 1 },
  { DOSSIER_ELEMENT_IMAGE, 0, 1 },
  { DOSSIER_ELEMENT_MESSAGE, 0, 1 },
  { DOSSIER_ELEMENT_DEMAND, 0, 1 },
  { DOSSIER_ELEMENT_DEADLINE, 0, 1 },
  { DOSSIER_ELEMENT_SHOWN_LINK, 0, 0 },
};
static const DossierChildRule reactions_children[] = {
  { DOSSIER_ELEMENT_REACTION, 0, 0 },
};
static const DossierChildRule reaction_children[] = {
  { DOSSIER_ELEMENT_CHANNEL, 0, 1 },
  { DOSSIER_ELEMENT_QUOTE, 0, 1 },
  { DOSSIER_ELEMENT_SUMMARY, 0, 1 },
};
static const DossierChildRule release_history_children[] = {
  { DOSSIER_ELEMENT_RELEASE, 0, 0 },
};
static const DossierChildRule release_children[] = {
  { DOSSIER_ELEMENT_MARKET, 0, 1 },
  { DOSSIER_ELEMENT_SUMMARY, 0, 1 },
};
static const DossierChildRule timeline_children[] = {
  { DOSSIER_ELEMENT_EVENT, 0, 0 },
};
static const DossierChildRule event_children[] = {
  { DOSSIER_ELEMENT_TITLE, 1, 1 },
  { DOSSIER_ELEMENT_SUMMARY, 0, 1 },
};
static const DossierChildRule notes_children[] = {
  { DOSSIER_ELEMENT_NOTE, 0, 0 },
};
static const DossierChildRule note_children[] = {
  { DOSSIER_ELEMENT_TITLE, 1, 1 },
  { DOSSIER_ELEMENT_P, 0, 0 },
};

#define TEXT_ELEMENT(n) { n, DOSSIER_CONTENT_INLINE, FALSE, NULL, 0, NULL, 0 }
#define PLAIN_ELEMENT(n) { n, DOSSIER_CONTENT_PLAIN, FALSE, NULL, 0, NULL, 0 }
#define DATE_ELEMENT(n) { n, DOSSIER_CONTENT_DATE, FALSE, NULL, 0, NULL, 0 }
#define BLOCKS_ELEMENT(n) { n, DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (blocks_children), NULL, 0 }
#define LIST_ELEMENT(n, c) { n, DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (c), NULL, 0 }

static const DossierElementRule rules[DOSSIER_N_ELEMENTS] = {
  [DOSSIER_ELEMENT_UNKNOWN] = { NULL, DOSSIER_CONTENT_EMPTY, FALSE, NULL, 0, NULL, 0 },
  [DOSSIER_ELEMENT_CASE] = { "case", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (case_children), ATTRS (case_attrs) },
  [DOSSIER_ELEMENT_TITLE] = TEXT_ELEMENT ("title"),
  [DOSSIER_ELEMENT_SUBTITLE] = TEXT_ELEMENT ("subtitle"),
  [DOSSIER_ELEMENT_SUMMARY] = BLOCKS_ELEMENT ("summary"),
  [DOSSIER_ELEMENT_UPDATED] = DATE_ELEMENT ("updated"),
  [DOSSIER_ELEMENT_ENTITIES] = LIST_ELEMENT ("entities", entities_children),
  [DOSSIER_ELEMENT_ENTITY] = { "entity", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (entity_children), ATTRS (entity_attrs) },
  [DOSSIER_ELEMENT_NAME] = PLAIN_ELEMENT ("name"),
  [DOSSIER_ELEMENT_ALIAS] = PLAIN_ELEMENT ("alias"),
  [DOSSIER_ELEMENT_ROLE] = PLAIN_ELEMENT ("role"),
  [DOSSIER_ELEMENT_DESCRIPTION] = BLOCKS_ELEMENT ("description"),
  [DOSSIER_ELEMENT_SOURCES] = LIST_ELEMENT ("sources", sources_children),
  [DOSSIER_ELEMENT_SOURCE] = { "source", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (source_children), ATTRS (source_attrs) },
  [DOSSIER_ELEMENT_PUBLISHER] = PLAIN_ELEMENT ("publisher"),
  [DOSSIER_ELEMENT_AUTHOR] = PLAIN_ELEMENT ("author"),
  [DOSSIER_ELEMENT_PUBLISHED] = DATE_ELEMENT ("published"),
  [DOSSIER_ELEMENT_ACCESSED] = DATE_ELEMENT ("accessed"),
  [DOSSIER_ELEMENT_URL] = PLAIN_ELEMENT ("url"),
  [DOSSIER_ELEMENT_ARCHIVED_URL] = PLAIN_ELEMENT ("archived-url"),
  [DOSSIER_ELEMENT_EXCERPT] = BLOCKS_ELEMENT ("excerpt"),
  [DOSSIER_ELEMENT_BREACH] = LIST_ELEMENT ("breach", breach_children),
  [DOSSIER_ELEMENT_VICTIM] = { "victim", DOSSIER_CONTENT_EMPTY, FALSE, NULL, 0, ATTRS (pointer_attrs) },
  [DOSSIER_ELEMENT_CLAIMED_BY] = { "claimed-by", DOSSIER_CONTENT_EMPTY, FALSE, NULL, 0, ATTRS (pointer_attrs) },
  [DOSSIER_ELEMENT_BEGAN] = DATE_ELEMENT ("began"),
  [DOSSIER_ELEMENT_DISCOVERED] = DATE_ELEMENT ("discovered"),
  [DOSSIER_ELEMENT_DISCLOSED] = DATE_ELEMENT ("disclosed"),
  [DOSSIER_ELEMENT_METHOD] = TEXT_ELEMENT ("method"),
  [DOSSIER_ELEMENT_IMPACT] = BLOCKS_ELEMENT ("impact"),
  [DOSSIER_ELEMENT_EXPOSED] = LIST_ELEMENT ("exposed", exposed_children),
  [DOSSIER_ELEMENT_ITEM] = { "item", DOSSIER_CONTENT_INLINE, FALSE, NULL, 0, ATTRS (item_attrs) },
  [DOSSIER_ELEMENT_ATTRIBUTION] = LIST_ELEMENT ("attribution", attribution_children),
  [DOSSIER_ELEMENT_HYPOTHESIS] = { "hypothesis", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (hypothesis_children), ATTRS (hypothesis_attrs) },
  [DOSSIER_ELEMENT_STATEMENT] = TEXT_ELEMENT ("statement"),
  [DOSSIER_ELEMENT_EVIDENCE] = { "evidence", DOSSIER_CONTENT_INLINE, FALSE, NULL, 0, ATTRS (evidence_attrs) },
  [DOSSIER_ELEMENT_THREAT_SCREEN] = LIST_ELEMENT ("threat-screen", threat_screen_children),
  [DOSSIER_ELEMENT_SHOWN] = DATE_ELEMENT ("shown"),
  [DOSSIER_ELEMENT_SHOWN_ON] = TEXT_ELEMENT ("shown-on"),
  [DOSSIER_ELEMENT_SENDER] = { "sender", DOSSIER_CONTENT_EMPTY, FALSE, NULL, 0, ATTRS (pointer_attrs) },
  [DOSSIER_ELEMENT_HEADLINE] = TEXT_ELEMENT ("headline"),
  [DOSSIER_ELEMENT_IMAGE] = { "image", DOSSIER_CONTENT_EMPTY, FALSE, NULL, 0, ATTRS (image_attrs) },
  [DOSSIER_ELEMENT_MESSAGE] = BLOCKS_ELEMENT ("message"),
  [DOSSIER_ELEMENT_DEMAND] = TEXT_ELEMENT ("demand"),
  [DOSSIER_ELEMENT_DEADLINE] = DATE_ELEMENT ("deadline"),
  [DOSSIER_ELEMENT_SHOWN_LINK] = { "shown-link", DOSSIER_CONTENT_INLINE, FALSE, NULL, 0, ATTRS (href_attrs) },
  [DOSSIER_ELEMENT_REACTIONS] = LIST_ELEMENT ("reactions", reactions_children),
  [DOSSIER_ELEMENT_REACTION] = { "reaction", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (reaction_children), ATTRS (reaction_attrs) },
  [DOSSIER_ELEMENT_CHANNEL] = TEXT_ELEMENT ("channel"),
  [DOSSIER_ELEMENT_QUOTE] = TEXT_ELEMENT ("quote"),
  [DOSSIER_ELEMENT_RELEASE_HISTORY] = { "release-history", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (release_history_children), ATTRS (release_history_attrs) },
  [DOSSIER_ELEMENT_RELEASE] = { "release", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (release_children), ATTRS (release_attrs) },
  [DOSSIER_ELEMENT_MARKET] = TEXT_ELEMENT ("market"),
  [DOSSIER_ELEMENT_TIMELINE] = LIST_ELEMENT ("timeline", timeline_children),
  [DOSSIER_ELEMENT_EVENT] = { "event", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (event_children), ATTRS (event_attrs) },
  [DOSSIER_ELEMENT_NOTES] = LIST_ELEMENT ("notes", notes_children),
  [DOSSIER_ELEMENT_NOTE] = { "note", DOSSIER_CONTENT_ELEMENTS, FALSE, CHILDREN (note_children), ATTRS (note_attrs) },
  [DOSSIER_ELEMENT_P] = { "p", DOSSIER_CONTENT_INLINE, FALSE, NULL, 0, ATTRS (p_attrs) },
  [DOSSIER_ELEMENT_CITE] = { "cite", DOSSIER_CONTENT_EMPTY, TRUE, NULL, 0, ATTRS (cite_attrs) },
  [DOSSIER_ELEMENT_MENTION] = { "mention", DOSSIER_CONTENT_INLINE, TRUE, NULL, 0, ATTRS (pointer_attrs) },
  [DOSSIER_ELEMENT_EM] = { "em", DOSSIER_CONTENT_INLINE, TRUE, NULL, 0, NULL, 0 },
  [DOSSIER_ELEMENT_STRONG] = { "strong", DOSSIER_CONTENT_INLINE, TRUE, NULL, 0, NULL, 0 },
  [DOSSIER_ELEMENT_Q] = { "q", DOSSIER_CONTENT_INLINE, TRUE, NULL, 0, NULL, 0 },
  [DOSSIER_ELEMENT_LINK] = { "link", DOSSIER_CONTENT_INLINE, TRUE, NULL, 0, ATTRS (href_attrs) },
};

static gpointer
build_element_names (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 1; i < DOSSIER_N_ELEMENTS; i++)
    {
      g_assert (rules[i].name != NULL);
      g_assert (rules[i].n_children <= DOSSIER_MAX_CHILD_RULES);
      g_assert (rules[i].n_attrs <= DOSSIER_MAX_ATTR_RULES);
      g_hash_table_insert (table, (gpointer)rules[i].name, GUINT_TO_POINTER (i));
    }

  return table;
}

DossierElement
dossier_element_lookup (const char *local_name)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *names = g_once (&once, build_element_names, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (names, local_name));
}

const DossierElementRule *
dossier_element_get_rule (DossierElement element)
{
  g_return_val_if_fail (element < DOSSIER_N_ELEMENTS, &rules[0]);

  return &rules[element];
}

const DossierAttrRule *
dossier_element_find_attr (const DossierElementRule *rule,
                           const char               *name)
{
  for (guint i = 0; i < rule->n_attrs; i++)
    if (strcmp (rule->attrs[i].name, name) == 0)
      return &rule->attrs[i];

  return NULL;
}

char *
dossier_element_join_values (const char * const *values)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **)values);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i == n - 1)
        g_string_append (out, _(" or "));
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, values[i]);
    }

  return g_string_free (out, FALSE);
}

DossierChildVerdict
dossier_element_accept_child (const DossierElementRule *rule,
                              DossierSequence          *sequence,
                              DossierElement            child,
                              DossierElement           *after)
{
  for (guint i = sequence->pos; i < rule->n_children; i++)
    {
      if (rule->children[i].element != child)
        continue;

      if (rule->children[i].max != 0 && sequence->counts[i] >= rule->children[i].max)
        return DOSSIER_CHILD_TOO_MANY;

      sequence->pos = i;
      if (sequence->counts[i] < G_MAXUINT8)
        sequence->counts[i]++;
      return DOSSIER_CHILD_OK;
    }

  for (guint i = 0; i < sequence->pos && i < rule->n_children; i++)
    {
      if (rule->children[i].element == child)
        {
          if (after != NULL)
            *after = rule->children[sequence->pos].element;
          return DOSSIER_CHILD_OUT_OF_ORDER;
        }
    }

  return DOSSIER_CHILD_NOT_ALLOWED;
}

DossierElement
dossier_element_missing_child (const DossierElementRule *rule,
                               const DossierSequence    *sequence)
{
  for (guint i = 0; i < rule->n_children; i++)
    if (sequence->counts[i] < rule->children[i].min)
      return rule->children[i].element;

  return DOSSIER_ELEMENT_UNKNOWN;
}
