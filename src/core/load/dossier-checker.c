/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-checker-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Only this many dangling references get a "did you mean" suggestion:
 * each search walks every id of the right kind. */
#define MAX_SUGGESTIONS     100
/* Ids longer than this get no suggestion. */
#define MAX_SUGGESTION_LEN  128

typedef struct
{
  const char    *id;
  DossierIdKind  kind;
  GObject       *object;
  guint          line;
} IdRecord;

typedef struct
{
  DossierRefSite  site;
  guint           record;   /* index + 1 into records when known, or 0 */
  const char     *id;       /* the id's own string, or a copy in the arena */
  guint           line;
  guint           column;
  DossierPlace   *place;
} RefRecord;

/* A slot of the id table: the hash of an id and where its record is. */
typedef struct
{
  guint32 hash;
  guint32 record;           /* index + 1 into records; 0 for an empty slot */
} IdSlot;

#define FIRST_ID_SLOTS 256

struct _DossierChecker
{
  /* Open addressing, at most half full: a lookup compares hashes in one
   * small array and reads a string only when they match. A large case
   * looks up a reference for every citation and mention. */
  IdSlot       *slots;
  guint32       mask;
  GArray       *records;    /* of IdRecord, file order */
  GArray       *refs;       /* of RefRecord, file order */
  DossierArena *arena;
};

/* ------------------------------------------------------------------ */
/* The content model: the same rules as data/case-file.rng.            */
/* ------------------------------------------------------------------ */

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

#define ATTRS(a) a, G_N_ELEMENTS (a)
#define CHILDREN(c) c, G_N_ELEMENTS (c)
#define CERTAINTY { "certainty", DOSSIER_ATTR_ENUM, FALSE, certainty_values }

static const DossierAttrRule case_attrs[] = {
  { "format", DOSSIER_ATTR_FORMAT, TRUE, NULL },
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "status", DOSSIER_ATTR_ENUM, FALSE, case_status_values },
};
static const DossierAttrRule entity_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "kind", DOSSIER_ATTR_ENUM, TRUE, entity_kind_values },
};
static const DossierAttrRule source_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "kind", DOSSIER_ATTR_ENUM, TRUE, source_kind_values },
  { "reliability", DOSSIER_ATTR_ENUM, FALSE, reliability_values },
  { "credibility", DOSSIER_ATTR_ENUM, FALSE, credibility_values },
};
static const DossierAttrRule pointer_attrs[] = {
  { "ref", DOSSIER_ATTR_REF, TRUE, NULL },
};
static const DossierAttrRule item_attrs[] = {
  { "category", DOSSIER_ATTR_ENUM, FALSE, category_values },
  CERTAINTY,
};
static const DossierAttrRule hypothesis_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "actor", DOSSIER_ATTR_REF, TRUE, NULL },
  CERTAINTY,
};
static const DossierAttrRule evidence_attrs[] = {
  { "stance", DOSSIER_ATTR_ENUM, TRUE, evidence_stance_values },
  CERTAINTY,
};
static const DossierAttrRule image_attrs[] = {
  { "description", DOSSIER_ATTR_STRING, TRUE, NULL },
  { "src", DOSSIER_ATTR_STRING, FALSE, NULL },
};
static const DossierAttrRule href_attrs[] = {
  { "href", DOSSIER_ATTR_STRING, TRUE, NULL },
};
static const DossierAttrRule reaction_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  { "actor", DOSSIER_ATTR_REF, TRUE, NULL },
  { "on-behalf-of", DOSSIER_ATTR_REF, FALSE, NULL },
  { "stance", DOSSIER_ATTR_ENUM, TRUE, reaction_stance_values },
  CERTAINTY,
};
static const DossierAttrRule release_history_attrs[] = {
  { "work", DOSSIER_ATTR_REF, FALSE, NULL },
};
static const DossierAttrRule release_attrs[] = {
  { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  { "status", DOSSIER_ATTR_ENUM, TRUE, release_status_values },
  { "announced", DOSSIER_ATTR_DATE, FALSE, NULL },
  CERTAINTY,
};
static const DossierAttrRule event_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "date", DOSSIER_ATTR_DATE, TRUE, NULL },
  CERTAINTY,
};
static const DossierAttrRule note_attrs[] = {
  { "id", DOSSIER_ATTR_ID, TRUE, NULL },
  { "created", DOSSIER_ATTR_DATE, FALSE, NULL },
  { "author", DOSSIER_ATTR_STRING, FALSE, NULL },
  { "tags", DOSSIER_ATTR_STRING, FALSE, NULL },
  { "about", DOSSIER_ATTR_REFS, FALSE, NULL },
};
static const DossierAttrRule p_attrs[] = {
  CERTAINTY,
};
static const DossierAttrRule cite_attrs[] = {
  { "ref", DOSSIER_ATTR_REF, TRUE, NULL },
  { "at", DOSSIER_ATTR_STRING, FALSE, NULL },
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
dossier_checker_lookup_element (const char *local_name)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *names = g_once (&once, build_element_names, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (names, local_name));
}

const DossierElementRule *
dossier_checker_get_rule (DossierElement element)
{
  g_return_val_if_fail (element < DOSSIER_N_ELEMENTS, &rules[0]);

  return &rules[element];
}

const DossierAttrRule *
dossier_checker_find_attr (const DossierElementRule *rule,
                           const char               *name)
{
  for (guint i = 0; i < rule->n_attrs; i++)
    if (strcmp (rule->attrs[i].name, name) == 0)
      return &rule->attrs[i];

  return NULL;
}

char *
dossier_checker_join_values (const char * const *values)
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

gboolean
dossier_checker_id_is_valid (const char *id)
{
  if (!g_ascii_isalpha (id[0]))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

DossierChildVerdict
dossier_checker_accept_child (const DossierElementRule *rule,
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
dossier_checker_missing_child (const DossierElementRule *rule,
                               const DossierSequence    *sequence)
{
  for (guint i = 0; i < rule->n_children; i++)
    if (sequence->counts[i] < rule->children[i].min)
      return rule->children[i].element;

  return DOSSIER_ELEMENT_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Ids and references                                                  */
/* ------------------------------------------------------------------ */

DossierChecker *
dossier_checker_new (DossierArena *arena)
{
  DossierChecker *checker = g_new0 (DossierChecker, 1);

  checker->slots = g_new0 (IdSlot, FIRST_ID_SLOTS);
  checker->mask = FIRST_ID_SLOTS - 1;
  checker->records = g_array_new (FALSE, FALSE, sizeof (IdRecord));
  checker->refs = g_array_new (FALSE, FALSE, sizeof (RefRecord));
  checker->arena = arena;
  return checker;
}

void
dossier_checker_free (DossierChecker *checker)
{
  if (checker == NULL)
    return;

  g_free (checker->slots);
  g_array_unref (checker->records);
  g_array_unref (checker->refs);
  g_free (checker);
}

static inline guint32
hash_id (const char *id)
{
  guint32 hash = 5381;

  for (const guchar *p = (const guchar *)id; *p != '\0'; p++)
    hash = hash * 33 + *p;

  /* Ids such as n-000001, n-000002 hash to neighbours: mix the bits
   * (MurmurHash3's finalizer) so they do not fill runs of slots. */
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  hash *= 0xc2b2ae35u;
  hash ^= hash >> 16;
  return hash;
}

/* The slot holding @id, or the empty slot where it would go. */
static IdSlot *
find_slot (DossierChecker *checker,
           const char     *id,
           guint32         hash)
{
  for (guint32 i = hash & checker->mask;; i = (i + 1) & checker->mask)
    {
      IdSlot *slot = &checker->slots[i];

      if (slot->record == 0)
        return slot;
      if (slot->hash == hash
          && strcmp (g_array_index (checker->records, IdRecord, slot->record - 1).id, id) == 0)
        return slot;
    }
}

static void
grow_slots (DossierChecker *checker)
{
  IdSlot *old = checker->slots;
  guint32 old_size = checker->mask + 1;

  checker->mask = old_size * 2 - 1;
  checker->slots = g_new0 (IdSlot, old_size * 2);

  for (guint32 i = 0; i < old_size; i++)
    {
      guint32 j;

      if (old[i].record == 0)
        continue;
      for (j = old[i].hash & checker->mask; checker->slots[j].record != 0; j = (j + 1) & checker->mask)
        ;
      checker->slots[j] = old[i];
    }

  g_free (old);
}

gboolean
dossier_checker_add_id (DossierChecker *checker,
                        const char     *id,
                        DossierIdKind   kind,
                        GObject        *object,
                        guint           line,
                        guint          *first_line)
{
  IdRecord record = { id, kind, object, line };
  guint32 hash = hash_id (id);
  IdSlot *slot = find_slot (checker, id, hash);

  if (slot->record != 0)
    {
      if (first_line != NULL)
        *first_line = g_array_index (checker->records, IdRecord, slot->record - 1).line;
      return FALSE;
    }

  g_array_append_val (checker->records, record);
  slot->hash = hash;
  slot->record = checker->records->len;

  if (checker->records->len * 2 > checker->mask + 1)
    grow_slots (checker);
  return TRUE;
}

const char *
dossier_checker_add_ref (DossierChecker *checker,
                         DossierRefSite  site,
                         const char     *id,
                         guint           line,
                         guint           column,
                         DossierPlace   *place)
{
  RefRecord record;
  guint found;

  g_return_val_if_fail (id != NULL, NULL);

  /* Most references come after their ids: looked up once, here, they
   * share the id's string and need no lookup at the end. The first use
   * of an id wins at the end too, so the answer is the same. */
  found = find_slot (checker, id, hash_id (id))->record;
  if (found != 0)
    {
      const char *known = g_array_index (checker->records, IdRecord, found - 1).id;

      /* A known id is anything a note may be about: nothing left to do. */
      if (site == DOSSIER_REF_ABOUT && place == NULL)
        return known;
      record.id = known;
    }
  else
    record.id = dossier_arena_strdup (checker->arena, id);
  record.site = site;
  record.record = found;
  record.line = line;
  record.column = column;
  record.place = place;
  g_array_append_val (checker->refs, record);
  return record.id;
}

static const IdRecord *
lookup_record (DossierChecker *checker,
               const char     *id)
{
  guint found = find_slot (checker, id, hash_id (id))->record;

  if (found == 0)
    return NULL;

  return &g_array_index (checker->records, IdRecord, found - 1);
}

static const char *
id_kind_phrase (DossierIdKind kind)
{
  switch (kind)
    {
    case DOSSIER_ID_CASE:
      return _("the case itself");
    case DOSSIER_ID_ENTITY:
      return _("an entity");
    case DOSSIER_ID_SOURCE:
      return _("a source");
    case DOSSIER_ID_HYPOTHESIS:
      return _("a hypothesis");
    case DOSSIER_ID_REACTION:
      return _("a reaction");
    case DOSSIER_ID_EVENT:
      return _("an event");
    case DOSSIER_ID_NOTE:
    default:
      return _("a note");
    }
}

/* What a reference must point at: a source, an entity, or anything. */
static gboolean
site_wants_source (DossierRefSite site)
{
  return site == DOSSIER_REF_CITE;
}

static gboolean
site_wants_anything (DossierRefSite site)
{
  return site == DOSSIER_REF_ABOUT;
}

/* The messages, whole, so translators see whole sentences. */
static char *
dangling_message (DossierRefSite  site,
                  const char     *id)
{
  switch (site)
    {
    case DOSSIER_REF_CITE:
      return g_strdup_printf (_("the citation refers to '%s', but no source has that id"), id);
    case DOSSIER_REF_MENTION:
      return g_strdup_printf (_("the mention refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_VICTIM:
      return g_strdup_printf (_("the victim refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_CLAIMED_BY:
      return g_strdup_printf (_("<claimed-by> refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_SENDER:
      return g_strdup_printf (_("the sender refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_HYPOTHESIS_ACTOR:
      return g_strdup_printf (_("the actor of the hypothesis refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_REACTION_ACTOR:
      return g_strdup_printf (_("the actor of the reaction refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_ON_BEHALF_OF:
      return g_strdup_printf (_("on-behalf-of refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_WORK:
      return g_strdup_printf (_("the work of the release history refers to '%s', but no entity has that id"), id);
    case DOSSIER_REF_ABOUT:
    default:
      return g_strdup_printf (_("the note is about '%s', but nothing in the case has that id"), id);
    }
}

static char *
wrong_kind_message (DossierRefSite  site,
                    const char     *id,
                    const char     *what)
{
  switch (site)
    {
    case DOSSIER_REF_CITE:
      return g_strdup_printf (_("the citation refers to '%s', which is %s, not a source"), id, what);
    case DOSSIER_REF_MENTION:
      return g_strdup_printf (_("the mention refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_VICTIM:
      return g_strdup_printf (_("the victim refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_CLAIMED_BY:
      return g_strdup_printf (_("<claimed-by> refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_SENDER:
      return g_strdup_printf (_("the sender refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_HYPOTHESIS_ACTOR:
      return g_strdup_printf (_("the actor of the hypothesis refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_REACTION_ACTOR:
      return g_strdup_printf (_("the actor of the reaction refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_ON_BEHALF_OF:
      return g_strdup_printf (_("on-behalf-of refers to '%s', which is %s, not an entity"), id, what);
    case DOSSIER_REF_WORK:
      return g_strdup_printf (_("the work of the release history refers to '%s', which is %s, not a work"), id, what);
    case DOSSIER_REF_ABOUT:
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

static gboolean
record_fits (const IdRecord *record,
             DossierRefSite  site)
{
  if (site_wants_anything (site))
    return TRUE;
  if (site_wants_source (site))
    return record->kind == DOSSIER_ID_SOURCE;
  if (record->kind != DOSSIER_ID_ENTITY)
    return FALSE;
  if (site == DOSSIER_REF_WORK)
    return DOSSIER_ENTITY (record->object)->kind == DOSSIER_ENTITY_WORK;
  return TRUE;
}

guint
dossier_checker_edit_distance (const char *a,
                               const char *b,
                               guint       limit)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  guint *row;
  guint result;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint row_min;

      row[0] = i;
      row_min = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint best = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);

          best = MIN (best, above + 1);
          best = MIN (best, row[j - 1] + 1);
          row[j] = best;
          diagonal = above;
          row_min = MIN (row_min, best);
        }

      if (row_min > limit)
        {
          g_free (row);
          return limit + 1;
        }
    }

  result = row[lb];
  g_free (row);
  return MIN (result, limit + 1);
}

/* The id of the right kind closest to @id, within 2 edits. */
static const char *
suggest (DossierChecker *checker,
         const char     *id,
         DossierRefSite  site)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (id) > MAX_SUGGESTION_LEN)
    return NULL;

  for (guint i = 0; i < checker->records->len; i++)
    {
      const IdRecord *record = &g_array_index (checker->records, IdRecord, i);
      guint distance;

      if (!record_fits (record, site))
        continue;

      distance = dossier_checker_edit_distance (id, record->id, 2);
      if (distance < best_distance)
        {
          best = record->id;
          best_distance = distance;
        }
    }

  return best;
}

void
dossier_checker_resolve (DossierChecker      *checker,
                         DossierLoadProblems *problems)
{
  guint n_suggestions = 0;

  for (guint i = 0; i < checker->refs->len; i++)
    {
      const RefRecord *ref = &g_array_index (checker->refs, RefRecord, i);
      const IdRecord *record = ref->record != 0
                               ? &g_array_index (checker->records, IdRecord, ref->record - 1)
                               : lookup_record (checker, ref->id);

      if (record == NULL)
        {
          g_autofree char *message = NULL;
          const char *suggestion = NULL;

          if (dossier_load_problems_full (problems))
            {
              dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column, "-");
              continue;
            }

          if (n_suggestions < MAX_SUGGESTIONS)
            {
              n_suggestions++;
              suggestion = suggest (checker, ref->id, ref->site);
            }

          message = dangling_message (ref->site, ref->id);
          if (suggestion != NULL)
            dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                       _("%s; did you mean '%s'?"), message, suggestion);
          else
            dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                       "%s", message);
          continue;
        }

      if (!record_fits (record, ref->site))
        {
          g_autofree char *what = NULL;
          g_autofree char *message = NULL;

          if (record->kind == DOSSIER_ID_ENTITY && ref->site == DOSSIER_REF_WORK)
            what = g_strdup_printf (_("an entity of kind %s"),
                                    dossier_entity_kind_to_string (DOSSIER_ENTITY (record->object)->kind));
          else
            what = g_strdup (id_kind_phrase (record->kind));

          message = wrong_kind_message (ref->site, ref->id, what);
          dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, ref->line, ref->column,
                                     "%s", message);
          continue;
        }

      if (ref->place == NULL)
        continue;

      if (record->kind == DOSSIER_ID_SOURCE)
        g_ptr_array_add (DOSSIER_SOURCE (record->object)->citations, ref->place);
      else if (record->kind == DOSSIER_ID_ENTITY)
        g_ptr_array_add (DOSSIER_ENTITY (record->object)->mentions, ref->place);
    }
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */
/* ------------------------------------------------------------------ */

static void
add_warning (DossierCase    *self,
             guint           line,
             DossierSection  section,
             const char     *item_id,
             char           *message)
{
  DossierProblem *problem = dossier_problem_new (line, 0, message);

  problem->section = section;
  problem->item_id = g_strdup (item_id);
  g_ptr_array_add (self->warnings, problem);
  g_free (message);
}

void
dossier_checker_add_warnings (DossierChecker *checker,
                              DossierCase    *self)
{
  for (guint i = 0; i < checker->records->len; i++)
    {
      const IdRecord *record = &g_array_index (checker->records, IdRecord, i);

      switch (record->kind)
        {
        case DOSSIER_ID_SOURCE:
          {
            DossierSource *source = DOSSIER_SOURCE (record->object);

            if (source->citations->len == 0)
              add_warning (self, record->line, DOSSIER_SECTION_SOURCES, record->id,
                           g_strdup_printf (_("source '%s' on line %u is never cited"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_ENTITY:
          {
            DossierEntity *entity = DOSSIER_ENTITY (record->object);

            if (entity->mentions->len == 0)
              add_warning (self, record->line, DOSSIER_SECTION_ENTITIES, record->id,
                           g_strdup_printf (_("entity '%s' on line %u is never mentioned"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_NOTE:
          {
            DossierNote *note = DOSSIER_NOTE (record->object);

            if (note->about == NULL || note->about[0] == NULL)
              add_warning (self, record->line, DOSSIER_SECTION_NOTES, record->id,
                           g_strdup_printf (_("note '%s' on line %u is not about anything in the case"),
                                            record->id, record->line));
          }
          break;

        case DOSSIER_ID_CASE:
        case DOSSIER_ID_HYPOTHESIS:
        case DOSSIER_ID_REACTION:
        case DOSSIER_ID_EVENT:
        default:
          break;
        }
    }

  /* Stable: warnings on one line keep the order they were found in. */
  g_ptr_array_sort (self->warnings, dossier_problem_compare_places);
}

/* ------------------------------------------------------------------ */
/* The threat screen's image                                           */
/* ------------------------------------------------------------------ */

static gboolean
has_image_magic (const guchar *head,
                 gsize         length)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };

  if (length >= sizeof png && memcmp (head, png, sizeof png) == 0)
    return TRUE;
  if (length >= sizeof jpeg && memcmp (head, jpeg, sizeof jpeg) == 0)
    return TRUE;
  if (length >= 6 && (memcmp (head, "GIF87a", 6) == 0 || memcmp (head, "GIF89a", 6) == 0))
    return TRUE;
  if (length >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    return TRUE;

  return FALSE;
}

/* Reads the first bytes of @path without blocking on anything that is not
 * a regular file; returns a problem in words, or NULL. */
static char *
check_image_file (const char *path)
{
  guchar head[16];
  struct stat st;
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return g_strdup (_("the image is not a regular file"));
    }

  do
    n_read = read (fd, head, sizeof head);
  while (n_read < 0 && errno == EINTR);
  close (fd);

  if (n_read < 0)
    return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));

  if (!has_image_magic (head, n_read))
    return g_strdup (_("the file is not a PNG, JPEG, GIF or WebP image"));

  return NULL;
}

static char *
image_problem (const char  *src,
               GFile       *base_dir,
               GFile      **image_file)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *real_base = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real_image = NULL;
  g_autofree char *prefix = NULL;
  const char *base_path;
  char *problem;

  if (src[0] == '\0')
    return g_strdup (_("the image path is empty"));

  if (g_path_is_absolute (src) || src[0] == '/' || src[0] == '\\' || strchr (src, ':') != NULL)
    return g_strdup (_("the image path is absolute or a URI; it must be a path inside the case file's folder"));

  parts = g_strsplit_set (src, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return g_strdup (_("the image path leaves the case file's folder"));

  if (base_dir == NULL || (base_path = g_file_peek_path (base_dir)) == NULL)
    return g_strdup (_("the case was not opened from a folder on this computer"));

  real_base = realpath (base_path, NULL);
  if (real_base == NULL)
    return g_strdup_printf (_("the case file's folder cannot be read: %s"), g_strerror (errno));

  joined = g_build_filename (real_base, src, NULL);
  real_image = realpath (joined, NULL);
  if (real_image == NULL)
    {
      if (errno == ENOENT)
        return g_strdup (_("the image file does not exist"));
      return g_strdup_printf (_("the image cannot be read: %s"), g_strerror (errno));
    }

  prefix = g_str_has_suffix (real_base, "/") ? g_strdup (real_base) : g_strconcat (real_base, "/", NULL);
  if (!g_str_has_prefix (real_image, prefix))
    return g_strdup (_("the image path leads outside the case file's folder through a symbolic link"));

  problem = check_image_file (real_image);
  if (problem != NULL)
    return problem;

  *image_file = g_file_new_for_path (real_image);
  return NULL;
}

void
dossier_checker_check_image (DossierThreatScreen *screen,
                             GFile               *base_dir)
{
  GFile *image_file = NULL;

  g_clear_object (&screen->image_file);
  g_clear_pointer (&screen->image_problem, g_free);

  if (!screen->has_image || screen->image_src == NULL)
    return;

  screen->image_problem = image_problem (screen->image_src, base_dir, &image_file);
  screen->image_file = image_file;
}
