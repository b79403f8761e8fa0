/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

#include <string.h>

/* One STIX 2.1 bundle: a report for the case whose object_refs name every
 * other object, the entities as identities, threat actors, intrusion sets
 * and locations, the breach as a campaign with its relationships, the
 * notes as notes, and x-dossier-* custom objects for the parts STIX has no
 * home for. docs/interchange.md has the whole table. */

typedef struct
{
  DossierCase     *dcase;
  const char      *case_id;
  DossierJsonSink *sink;
  gint64           case_key;      /* the case's own date: created/modified */
  char            *case_stamp;    /* the same as a STIX timestamp */
  char            *report_id;
  GHashTable      *ids;           /* Dossier id -> STIX id (owned) */
  GHashTable      *entity_types;  /* entity id -> STIX type (static) */
  GHashTable      *ext_refs;      /* source id -> its external reference as JSON text */
  GPtrArray       *refs;          /* every STIX id but the report's, in order */
  guint            written;
} StixWriter;

/* What one object's texts cite, mention and link, in reading order.
 * Most objects have a handful of each: the lists are searched in place,
 * and a set is made only for the rare long ones. */
typedef struct
{
  GPtrArray  *cites;     /* of const DossierInline * (CITE nodes) */
  GPtrArray  *mentions;  /* of const char * (entity ids), each once */
  GPtrArray  *links;     /* of const char * (hrefs), each once */
  GHashTable *seen;      /* "m:ID" and "l:HREF", once a list is long */
} TextRefs;

#define SHORT_LIST 16

/* The ids */

static const char *
entity_stix_type (StixWriter    *w,
                  DossierEntity *entity)
{
  return g_hash_table_lookup (w->entity_types, dossier_entity_get_id (entity));
}

static void
classify_entities (StixWriter *w)
{
  DossierBreach *breach = dossier_case_get_breach (w->dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (w->dcase);
  GListModel *entities = dossier_case_get_entities (w->dcase);
  g_autoptr(GHashTable) attackers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) suspects = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (entities);

  /* The names the attackers went by: who claimed the breach, who signed
   * the screen. The suspects: the actors of the attribution hypotheses. */
  if (breach != NULL)
    {
      GListModel *hypotheses = dossier_breach_get_hypotheses (breach);

      if (dossier_breach_get_claimed_by (breach) != NULL)
        g_hash_table_add (attackers, (gpointer) dossier_breach_get_claimed_by (breach));
      for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
        {
          g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);

          if (dossier_hypothesis_get_actor (hypothesis) != NULL)
            g_hash_table_add (suspects, (gpointer) dossier_hypothesis_get_actor (hypothesis));
        }
    }
  if (screen != NULL && dossier_threat_screen_get_sender (screen) != NULL)
    g_hash_table_add (attackers, (gpointer) dossier_threat_screen_get_sender (screen));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      const char *id = dossier_entity_get_id (entity);
      DossierEntityKind kind = dossier_entity_get_kind (entity);
      const char *type;

      if (kind == DOSSIER_ENTITY_WORK)
        type = "x-dossier-work";
      else if (g_hash_table_contains (attackers, id))
        type = kind == DOSSIER_ENTITY_PERSON || kind == DOSSIER_ENTITY_STATE ? "threat-actor" : "intrusion-set";
      else if (g_hash_table_contains (suspects, id))
        type = "threat-actor";
      else if (kind == DOSSIER_ENTITY_STATE)
        type = "location";
      else
        type = "identity";

      g_hash_table_insert (w->entity_types, (gpointer) id, (gpointer) type);
    }
}

static const char *
add_id (StixWriter *w,
        const char *type,
        const char *dossier_id,
        const char *name)
{
  char *stix_id = dossier_interchange_stix_id (type, w->case_id, name);

  g_ptr_array_add (w->refs, stix_id);
  if (dossier_id != NULL)
    g_hash_table_insert (w->ids, (gpointer) dossier_id, stix_id);

  return stix_id;
}

static const char *
lookup_id (StixWriter *w,
           const char *dossier_id)
{
  return dossier_id != NULL ? g_hash_table_lookup (w->ids, dossier_id) : NULL;
}

/* Every object's id, in the order they are written, so the report that
 * comes first can name them all. */
static void
plan_objects (StixWriter *w)
{
  GListModel *models[] = { dossier_case_get_entities (w->dcase), dossier_case_get_sources (w->dcase),
                           dossier_case_get_reactions (w->dcase), dossier_case_get_releases (w->dcase),
                           dossier_case_get_events (w->dcase), dossier_case_get_notes (w->dcase) };
  DossierBreach *breach = dossier_case_get_breach (w->dcase);

  add_id (w, "x-dossier-case", NULL, "#case");

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = g_list_model_get_n_items (models[m]);

      /* The breach and the threat screen stand between the sources and
       * the reactions, as in the file. */
      if (m == 2 && breach != NULL)
        {
          GListModel *hypotheses = dossier_breach_get_hypotheses (breach);

          add_id (w, "campaign", NULL, "#breach");
          if (dossier_breach_get_victim (breach) != NULL)
            add_id (w, "relationship", NULL, "#breach/targets");
          if (dossier_breach_get_claimed_by (breach) != NULL)
            add_id (w, "relationship", NULL, "#breach/claimed-by");
          for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
            {
              g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);
              const char *id = dossier_hypothesis_get_id (hypothesis);

              add_id (w, "relationship", id, id);
            }
        }
      if (m == 2 && dossier_case_get_threat_screen (w->dcase) != NULL)
        add_id (w, "x-dossier-threat-screen", NULL, "#threat-screen");

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (models[m], i);

          if (DOSSIER_IS_ENTITY (object))
            {
              const char *id = dossier_entity_get_id (DOSSIER_ENTITY (object));

              add_id (w, entity_stix_type (w, DOSSIER_ENTITY (object)), id, id);
            }
          else if (DOSSIER_IS_SOURCE (object))
            {
              const char *id = dossier_source_get_id (DOSSIER_SOURCE (object));

              add_id (w, "x-dossier-source", id, id);
            }
          else if (DOSSIER_IS_REACTION (object))
            {
              const char *id = dossier_reaction_get_id (DOSSIER_REACTION (object));

              add_id (w, "x-dossier-reaction", id, id);
            }
          else if (DOSSIER_IS_RELEASE (object))
            {
              g_autofree char *name = g_strdup_printf ("#release-%u",
                                                       dossier_release_get_index (DOSSIER_RELEASE (object)));

              add_id (w, "x-dossier-release", NULL, name);
            }
          else if (DOSSIER_IS_EVENT (object))
            {
              const char *id = dossier_event_get_id (DOSSIER_EVENT (object));

              add_id (w, "x-dossier-event", id, id);
            }
          else if (DOSSIER_IS_NOTE (object))
            {
              const char *id = dossier_note_get_id (DOSSIER_NOTE (object));

              add_id (w, "note", id, id);
            }
        }
    }
}

/* Text and its references */

static void
add_once (TextRefs   *refs,
          GPtrArray  *list,
          const char *prefix,
          const char *value)
{
  if (refs->seen == NULL && list->len >= SHORT_LIST)
    {
      refs->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < refs->mentions->len; i++)
        g_hash_table_add (refs->seen, g_strconcat ("m:", g_ptr_array_index (refs->mentions, i), NULL));
      for (guint i = 0; i < refs->links->len; i++)
        g_hash_table_add (refs->seen, g_strconcat ("l:", g_ptr_array_index (refs->links, i), NULL));
    }

  if (refs->seen != NULL)
    {
      if (!g_hash_table_add (refs->seen, g_strconcat (prefix, value, NULL)))
        return;
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        if (strcmp (g_ptr_array_index (list, i), value) == 0)
          return;
    }
  g_ptr_array_add (list, (gpointer) value);
}

static gboolean
collect_refs_cb (const DossierInline *node,
                 gpointer             user_data)
{
  TextRefs *refs = user_data;

  if (node->ref == NULL)
    return TRUE;

  switch (node->kind)
    {
    case DOSSIER_INLINE_CITE:
      g_ptr_array_add (refs->cites, (gpointer) node);
      break;
    case DOSSIER_INLINE_MENTION:
      add_once (refs, refs->mentions, "m:", node->ref);
      break;
    case DOSSIER_INLINE_LINK:
      add_once (refs, refs->links, "l:", node->ref);
      break;
    default:
      break;
    }

  return TRUE;
}

static void
text_refs_init (TextRefs *refs)
{
  refs->cites = g_ptr_array_new ();
  refs->mentions = g_ptr_array_new ();
  refs->links = g_ptr_array_new ();
  refs->seen = NULL;
}

static void
text_refs_clear (TextRefs *refs)
{
  g_clear_pointer (&refs->cites, g_ptr_array_unref);
  g_clear_pointer (&refs->mentions, g_ptr_array_unref);
  g_clear_pointer (&refs->links, g_ptr_array_unref);
  g_clear_pointer (&refs->seen, g_hash_table_unref);
}

static void
refs_add_inline (TextRefs            *refs,
                 const DossierInline *text)
{
  if (text != NULL)
    dossier_inline_foreach (text, collect_refs_cb, refs);
}

static void
refs_add_blocks (TextRefs  *refs,
                 GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      DossierParagraph *paragraph = g_ptr_array_index (blocks, i);

      refs_add_inline (refs, paragraph->text);
    }
}

/* The source's external reference, written by json-glib once and then
 * repeated on every object that cites it. */
static const char *
external_reference (StixWriter    *w,
                    DossierSource *source)
{
  const char *id = dossier_source_get_id (source);
  const char *text = g_hash_table_lookup (w->ext_refs, id);
  g_autofree char *title = NULL;
  g_autofree char *external_id = NULL;
  const char *url = dossier_source_get_url (source);
  JsonObject *ref;
  char *generated;

  if (text != NULL)
    return text;

  ref = json_object_new ();
  title = dossier_inline_to_plain (dossier_source_get_title (source));
  /* "cve" and "capec" are reserved source names in STIX. */
  if (title[0] == '\0' || g_str_equal (title, "cve") || g_str_equal (title, "capec"))
    {
      g_free (title);
      title = g_strdup_printf ("Dossier source %s", id);
    }
  json_object_set_string_member (ref, "source_name", title);

  /* Kept small: a case cites its sources thousands of times, and the
   * rest of what a source says is in its x-dossier-source object, which
   * external_id names ("dossier:CASE:SOURCE", that object's x_dossier_id
   * being SOURCE). */
  if (url != NULL && dossier_link_is_safe (url))
    json_object_set_string_member (ref, "url", url);
  external_id = g_strdup_printf ("dossier:%s:%s", w->case_id, id);
  json_object_set_string_member (ref, "external_id", external_id);
  if (dossier_source_get_reliability (source) != 0)
    {
      char grade[2] = { dossier_source_get_reliability (source), '\0' };

      json_object_set_string_member (ref, "x_dossier_reliability", grade);
    }
  if (dossier_source_get_credibility (source) != 0)
    json_object_set_int_member (ref, "x_dossier_credibility", dossier_source_get_credibility (source));

  generated = dossier_json_sink_to_text (w->sink, ref);
  json_object_unref (ref);
  g_hash_table_insert (w->ext_refs, (gpointer) id, generated);
  return generated;
}

/* TRUE the first time @id comes: a list for the few sources an object
 * usually cites, a set for the rare object that cites many. */
static gboolean
add_cited (GPtrArray   *cited,
           GHashTable **set,
           const char  *id)
{
  if (*set == NULL && cited->len >= SHORT_LIST)
    {
      *set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < cited->len; i++)
        g_hash_table_add (*set, g_ptr_array_index (cited, i));
    }

  if (*set != NULL)
    {
      if (!g_hash_table_add (*set, (gpointer) id))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < cited->len; i++)
        if (strcmp (g_ptr_array_index (cited, i), id) == 0)
          return FALSE;
    }

  g_ptr_array_add (cited, (gpointer) id);
  return TRUE;
}

/* x_dossier_citations (every citation with its locator),
 * x_dossier_mentions and x_dossier_links on @object, and in @external the
 * external references of the sources the texts cite (first citation
 * first, each once, after @own when not NULL). */
static void
apply_refs (StixWriter    *w,
            JsonObject    *object,
            TextRefs      *refs,
            DossierSource *own,
            GPtrArray     *external)
{
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();
  g_autoptr(GHashTable) cited_set = NULL;
  JsonArray *citations = json_array_new ();

  if (own != NULL)
    {
      add_cited (cited, &cited_set, dossier_source_get_id (own));
      g_ptr_array_add (external, (gpointer) external_reference (w, own));
    }

  for (guint i = 0; i < refs->cites->len; i++)
    {
      const DossierInline *cite = g_ptr_array_index (refs->cites, i);
      DossierSource *source = dossier_case_get_source (w->dcase, cite->ref);
      JsonArray *citation = json_array_sized_new (2);

      /* [SOURCE-ID] or [SOURCE-ID, LOCATOR]: arrays, not objects, since
       * a JSON object costs a hash table and a case has many citations. */
      json_array_add_string_element (citation, cite->ref);
      if (cite->at != NULL && cite->at[0] != '\0')
        json_array_add_string_element (citation, cite->at);
      json_array_add_array_element (citations, citation);
      if (source != NULL && add_cited (cited, &cited_set, cite->ref))
        g_ptr_array_add (external, (gpointer) external_reference (w, source));
    }

  if (json_array_get_length (citations) > 0)
    json_object_set_array_member (object, "x_dossier_citations", citations);
  else
    json_array_unref (citations);

  g_ptr_array_add (refs->mentions, NULL);
  dossier_json_set_strv (object, "x_dossier_mentions", (const char * const *) refs->mentions->pdata);
  g_ptr_array_remove_index (refs->mentions, refs->mentions->len - 1);
  g_ptr_array_add (refs->links, NULL);
  dossier_json_set_strv (object, "x_dossier_links", (const char * const *) refs->links->pdata);
  g_ptr_array_remove_index (refs->links, refs->links->len - 1);
}

/* Sets @key to the plain text of @blocks and, when any paragraph says how
 * sure it is, @key_certainty to one word a paragraph ("" when it says
 * nothing). */
static void
set_blocks (JsonObject *object,
            const char *key,
            const char *certainty_key,
            GPtrArray  *blocks,
            TextRefs   *refs)
{
  gboolean any = FALSE;
  JsonArray *words;

  if (blocks == NULL || blocks->len == 0)
    return;

  dossier_json_set_blocks (object, key, blocks);
  refs_add_blocks (refs, blocks);

  for (guint i = 0; i < blocks->len && !any; i++)
    any = ((DossierParagraph *) g_ptr_array_index (blocks, i))->certainty != DOSSIER_CERTAINTY_NONE;
  if (!any || certainty_key == NULL)
    return;

  words = json_array_new ();
  for (guint i = 0; i < blocks->len; i++)
    {
      const char *word = dossier_certainty_to_string (((DossierParagraph *) g_ptr_array_index (blocks, i))->certainty);

      json_array_add_string_element (words, word != NULL ? word : "");
    }
  json_object_set_array_member (object, certainty_key, words);
}

static void
set_inline (JsonObject          *object,
            const char          *key,
            const DossierInline *text,
            TextRefs            *refs)
{
  dossier_json_set_inline (object, key, text);
  refs_add_inline (refs, text);
}

/* @key: the STIX timestamp of the start of the span; @edtf_key: the date
 * as the case wrote it. */
static void
set_date (JsonObject        *object,
          const char        *key,
          const char        *edtf_key,
          const DossierDate *date)
{
  if (date == NULL)
    return;

  if (key != NULL)
    {
      g_autofree char *stamp = dossier_interchange_timestamp (dossier_date_get_sort_key (date), TRUE);

      json_object_set_string_member (object, key, stamp);
    }
  json_object_set_string_member (object, edtf_key, dossier_date_get_text (date));
}

static void
set_certainty (JsonObject       *object,
               DossierCertainty  certainty)
{
  int confidence = dossier_interchange_confidence (certainty);

  if (confidence < 0)
    return;
  json_object_set_int_member (object, "confidence", confidence);
  json_object_set_string_member (object, "x_dossier_certainty", dossier_certainty_to_string (certainty));
}

static JsonObject *
new_object (StixWriter *w,
            const char *type,
            const char *id,
            gint64      created_key)
{
  JsonObject *object = json_object_new ();
  g_autofree char *created = created_key != w->case_key ? dossier_interchange_timestamp (created_key, TRUE) : NULL;
  g_autofree char *modified = created_key > w->case_key ? g_strdup (created) : NULL;

  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "spec_version", "2.1");
  json_object_set_string_member (object, "id", id);
  /* From the case, never the clock: the same case gives the same bytes,
   * and modified is never before created. */
  json_object_set_string_member (object, "created", created != NULL ? created : w->case_stamp);
  json_object_set_string_member (object, "modified", modified != NULL ? modified : w->case_stamp);

  return object;
}

/* Writes @object (taken) with what @refs found in its texts; @own is the
 * source an x-dossier-source object stands for, its reference first. */
static gboolean
write_object_to (StixWriter       *w,
                 DossierJsonSink  *sink,
                 JsonObject       *object,
                 TextRefs         *refs,
                 DossierSource    *own,
                 const char       *separator,
                 GError          **error)
{
  g_autoptr(GPtrArray) external = g_ptr_array_new ();

  apply_refs (w, object, refs, own, external);
  text_refs_clear (refs);

  return dossier_json_sink_write_raw (sink, separator, error) &&
         dossier_json_sink_write_object_with_list (sink, object, "external_references", external, error);
}

static gboolean
write_object_full (StixWriter     *w,
                   JsonObject     *object,
                   TextRefs       *refs,
                   DossierSource  *own,
                   const char     *separator,
                   GError        **error)
{
  return write_object_to (w, w->sink, object, refs, own, separator, error);
}

static gboolean
write_object (StixWriter  *w,
              JsonObject  *object,
              TextRefs    *refs,
              GError     **error)
{
  TextRefs none;

  if (refs == NULL)
    {
      text_refs_init (&none);
      refs = &none;
    }

  w->written++;
  return write_object_full (w, object, refs, NULL, ",\n", error) &&
         dossier_json_sink_step (w->sink, (double) w->written / MAX (w->refs->len, 1), error);
}

/* The case */

static gboolean
write_report (StixWriter  *w,
              GError     **error)
{
  JsonObject *report = new_object (w, "report", w->report_id, w->case_key);
  JsonArray *object_refs = json_array_new ();
  JsonArray *types = json_array_new ();
  TextRefs refs;

  text_refs_init (&refs);
  set_inline (report, "name", dossier_case_get_title (w->dcase), &refs);
  if (!json_object_has_member (report, "name"))
    json_object_set_string_member (report, "name", w->case_id);
  set_blocks (report, "description", "x_dossier_description_certainty",
              dossier_case_get_summary (w->dcase), &refs);
  refs_add_inline (&refs, dossier_case_get_subtitle (w->dcase));
  json_array_add_string_element (types, "threat-report");
  json_object_set_array_member (report, "report_types", types);
  {
    g_autofree char *published = dossier_interchange_timestamp (w->case_key, TRUE);

    json_object_set_string_member (report, "published", published);
  }
  for (guint i = 0; i < w->refs->len; i++)
    json_array_add_string_element (object_refs, g_ptr_array_index (w->refs, i));
  json_object_set_array_member (report, "object_refs", object_refs);
  dossier_json_set_string (report, "lang", dossier_case_get_language (w->dcase));
  set_date (report, NULL, "x_dossier_date", dossier_case_get_updated (w->dcase));
  json_object_set_string_member (report, "x_dossier_case_id", w->case_id);
  json_object_set_string_member (report, "x_dossier_case_ref", g_ptr_array_index (w->refs, 0));

  /* The report opens the list; the others follow with ",\n". */
  return write_object_full (w, report, &refs, NULL, "\n", error);
}

static gboolean
write_case (StixWriter  *w,
            GError     **error)
{
  const char *id = g_ptr_array_index (w->refs, 0);
  JsonObject *object = new_object (w, "x-dossier-case", id, w->case_key);
  const char *status = NULL;
  TextRefs refs;

  text_refs_init (&refs);
  set_inline (object, "name", dossier_case_get_title (w->dcase), &refs);
  json_object_set_string_member (object, "case_id", w->case_id);
  json_object_set_string_member (object, "format", "1");
  dossier_json_set_string (object, "language", dossier_case_get_language (w->dcase));
  if (dossier_case_get_status (w->dcase) == DOSSIER_CASE_STATUS_OPEN)
    status = "open";
  else if (dossier_case_get_status (w->dcase) == DOSSIER_CASE_STATUS_CLOSED)
    status = "closed";
  dossier_json_set_string (object, "status", status);
  set_inline (object, "subtitle", dossier_case_get_subtitle (w->dcase), &refs);
  set_blocks (object, "summary", "summary_certainty", dossier_case_get_summary (w->dcase), &refs);
  set_date (object, "updated", "x_dossier_date", dossier_case_get_updated (w->dcase));
  dossier_json_set_string (object, "case_sha256", dossier_case_get_sha256 (w->dcase));
  json_object_set_string_member (object, "report_ref", w->report_id);

  return write_object (w, object, &refs, error);
}

/* Entities and sources */

static JsonArray *
threat_actor_types (DossierEntityKind kind)
{
  JsonArray *types = json_array_new ();

  json_array_add_string_element (types, kind == DOSSIER_ENTITY_STATE ? "nation-state" : "unknown");
  return types;
}

static const char *
identity_class (DossierEntityKind kind)
{
  switch (kind)
    {
    case DOSSIER_ENTITY_PERSON: return "individual";
    case DOSSIER_ENTITY_GROUP: return "group";
    case DOSSIER_ENTITY_ORGANIZATION:
    case DOSSIER_ENTITY_MEDIA:
    case DOSSIER_ENTITY_STATE:
      return "organization";
    case DOSSIER_ENTITY_WORK:
    case DOSSIER_ENTITY_OTHER:
    default:
      return "unknown";
    }
}

static gboolean
write_entity (StixWriter     *w,
              DossierEntity  *entity,
              GError        **error)
{
  const char *id = dossier_entity_get_id (entity);
  const char *type = entity_stix_type (w, entity);
  DossierEntityKind kind = dossier_entity_get_kind (entity);
  JsonObject *object = new_object (w, type, lookup_id (w, id), w->case_key);
  const char *role = dossier_entity_get_role (entity);
  const char *roles[] = { role, NULL };
  TextRefs refs;

  text_refs_init (&refs);
  json_object_set_string_member (object, "name", dossier_entity_get_name (entity));
  set_blocks (object, "description", "x_dossier_description_certainty",
              dossier_entity_get_description (entity), &refs);

  if (g_str_equal (type, "identity"))
    {
      json_object_set_string_member (object, "identity_class", identity_class (kind));
      if (kind == DOSSIER_ENTITY_MEDIA)
        {
          const char *sectors[] = { "communications", NULL };

          dossier_json_set_strv (object, "sectors", sectors);
        }
      if (role != NULL)
        dossier_json_set_strv (object, "roles", roles);
      dossier_json_set_strv (object, "x_dossier_aliases", dossier_entity_get_aliases (entity));
    }
  else if (g_str_equal (type, "threat-actor") || g_str_equal (type, "intrusion-set"))
    {
      if (g_str_equal (type, "threat-actor"))
        json_object_set_array_member (object, "threat_actor_types", threat_actor_types (kind));
      dossier_json_set_strv (object, "aliases", dossier_entity_get_aliases (entity));
    }
  else if (g_str_equal (type, "location"))
    {
      /* The case gives a state's name, not its ISO code. */
      json_object_set_string_member (object, "country", dossier_entity_get_name (entity));
      dossier_json_set_strv (object, "x_dossier_aliases", dossier_entity_get_aliases (entity));
    }
  else
    dossier_json_set_strv (object, "x_dossier_aliases", dossier_entity_get_aliases (entity));

  json_object_set_string_member (object, "x_dossier_id", id);
  json_object_set_string_member (object, "x_dossier_kind", dossier_entity_kind_to_string (kind));
  dossier_json_set_string (object, "x_dossier_role", role);

  return write_object (w, object, &refs, error);
}

static gboolean
write_source (StixWriter     *w,
              DossierSource  *source,
              GError        **error)
{
  const char *id = dossier_source_get_id (source);
  JsonObject *object = new_object (w, "x-dossier-source", lookup_id (w, id), w->case_key);
  TextRefs refs;

  text_refs_init (&refs);
  set_inline (object, "name", dossier_source_get_title (source), &refs);
  if (!json_object_has_member (object, "name"))
    json_object_set_string_member (object, "name", id);
  json_object_set_string_member (object, "x_dossier_id", id);
  json_object_set_string_member (object, "kind", dossier_source_kind_to_string (dossier_source_get_kind (source)));
  if (dossier_source_get_reliability (source) != 0)
    {
      char grade[2] = { dossier_source_get_reliability (source), '\0' };

      json_object_set_string_member (object, "reliability", grade);
    }
  if (dossier_source_get_credibility (source) != 0)
    json_object_set_int_member (object, "credibility", dossier_source_get_credibility (source));
  dossier_json_set_string (object, "publisher", dossier_source_get_publisher (source));
  dossier_json_set_strv (object, "authors", dossier_source_get_authors (source));
  set_date (object, "published", "x_dossier_published_date", dossier_source_get_published (source));
  set_date (object, "accessed", "x_dossier_accessed_date", dossier_source_get_accessed (source));
  dossier_json_set_string (object, "url", dossier_source_get_url (source));
  dossier_json_set_string (object, "archived_url", dossier_source_get_archived_url (source));
  set_blocks (object, "excerpt", "excerpt_certainty", dossier_source_get_excerpt (source), &refs);

  /* The source's own reference first, then what its texts cite. */
  w->written++;
  return write_object_full (w, object, &refs, source, ",\n", error) &&
         dossier_json_sink_step (w->sink, (double) w->written / MAX (w->refs->len, 1), error);
}

/* The breach */

static const char *
exposed_word (DossierExposedCategory category)
{
  return category == DOSSIER_EXPOSED_NONE ? NULL : dossier_exposed_category_to_string (category);
}

static void
set_exposed (JsonObject    *object,
             DossierBreach *breach,
             TextRefs      *refs)
{
  GPtrArray *exposed = dossier_breach_get_exposed (breach);
  JsonArray *items;

  if (exposed->len == 0)
    return;

  items = json_array_new ();
  for (guint i = 0; i < exposed->len; i++)
    {
      DossierExposedItem *exposed_item = g_ptr_array_index (exposed, i);
      JsonObject *item = json_object_new ();

      dossier_json_set_string (item, "category", exposed_word (exposed_item->category));
      dossier_json_set_string (item, "certainty", dossier_certainty_to_string (exposed_item->certainty));
      set_inline (item, "text", exposed_item->text, refs);
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (object, "x_dossier_exposed", items);
}

static gboolean
write_campaign (StixWriter     *w,
                DossierBreach  *breach,
                GError        **error)
{
  g_autofree char *id = dossier_interchange_stix_id ("campaign", w->case_id, "#breach");
  JsonObject *object = new_object (w, "campaign", id, w->case_key);
  const char *victim = dossier_breach_get_victim (breach);
  const DossierDate *first = dossier_breach_get_began (breach);
  g_autofree char *name = NULL;
  TextRefs refs;

  text_refs_init (&refs);
  if (victim != NULL)
    name = g_strdup_printf ("Breach of %s", dossier_case_get_entity_name (w->dcase, victim));
  else
    name = dossier_inline_to_plain (dossier_case_get_title (w->dcase));
  json_object_set_string_member (object, "name", name[0] != '\0' ? name : w->case_id);
  set_blocks (object, "description", "x_dossier_description_certainty",
              dossier_breach_get_summary (breach), &refs);
  if (first == NULL)
    first = dossier_breach_get_discovered (breach);
  if (first != NULL)
    {
      g_autofree char *stamp = dossier_interchange_timestamp (dossier_date_get_sort_key (first), TRUE);

      json_object_set_string_member (object, "first_seen", stamp);
    }
  set_date (object, NULL, "x_dossier_began_date", dossier_breach_get_began (breach));
  set_date (object, NULL, "x_dossier_discovered_date", dossier_breach_get_discovered (breach));
  set_date (object, NULL, "x_dossier_disclosed_date", dossier_breach_get_disclosed (breach));
  set_inline (object, "x_dossier_method", dossier_breach_get_method (breach), &refs);
  set_blocks (object, "x_dossier_impact", "x_dossier_impact_certainty", dossier_breach_get_impact (breach), &refs);
  set_exposed (object, breach, &refs);
  dossier_json_set_string (object, "x_dossier_victim", victim);
  dossier_json_set_string (object, "x_dossier_claimed_by", dossier_breach_get_claimed_by (breach));

  return write_object (w, object, &refs, error);
}

static gboolean
write_relationship (StixWriter  *w,
                    const char  *name,
                    const char  *relationship_type,
                    const char  *source_ref,
                    const char  *entity_id,
                    const char  *description,
                    GError     **error)
{
  g_autofree char *id = dossier_interchange_stix_id ("relationship", w->case_id, name);
  JsonObject *object = new_object (w, "relationship", id, w->case_key);

  json_object_set_string_member (object, "relationship_type", relationship_type);
  json_object_set_string_member (object, "source_ref", source_ref);
  json_object_set_string_member (object, "target_ref", lookup_id (w, entity_id));
  json_object_set_string_member (object, "description", description);

  return write_object (w, object, NULL, error);
}

static JsonArray *
evidence_list (DossierHypothesis *hypothesis,
               TextRefs          *refs)
{
  GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < evidence->len; i++)
    {
      DossierEvidence *piece = g_ptr_array_index (evidence, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "stance", dossier_evidence_stance_to_string (piece->stance));
      dossier_json_set_string (item, "certainty", dossier_certainty_to_string (piece->certainty));
      set_inline (item, "text", piece->text, refs);
      json_array_add_object_element (list, item);
    }

  return list;
}

static gboolean
write_hypothesis (StixWriter         *w,
                  const char         *campaign_id,
                  DossierHypothesis  *hypothesis,
                  GError            **error)
{
  const char *id = dossier_hypothesis_get_id (hypothesis);
  JsonObject *object = new_object (w, "relationship", lookup_id (w, id), w->case_key);
  JsonArray *evidence;
  TextRefs refs;

  /* An attribution hypothesis: the breach attributed to its actor, with
   * the case's certainty and every piece of evidence for and against. */
  text_refs_init (&refs);
  json_object_set_string_member (object, "relationship_type", "attributed-to");
  json_object_set_string_member (object, "source_ref", campaign_id);
  json_object_set_string_member (object, "target_ref", lookup_id (w, dossier_hypothesis_get_actor (hypothesis)));
  set_inline (object, "description", dossier_hypothesis_get_statement (hypothesis), &refs);
  set_certainty (object, dossier_hypothesis_get_certainty (hypothesis));
  json_object_set_string_member (object, "x_dossier_id", id);
  json_object_set_string_member (object, "x_dossier_actor", dossier_hypothesis_get_actor (hypothesis));
  evidence = evidence_list (hypothesis, &refs);
  if (json_array_get_length (evidence) > 0)
    json_object_set_array_member (object, "x_dossier_evidence", evidence);
  else
    json_array_unref (evidence);

  return write_object (w, object, &refs, error);
}

static gboolean
write_breach (StixWriter  *w,
              GError     **error)
{
  DossierBreach *breach = dossier_case_get_breach (w->dcase);
  GListModel *hypotheses;
  g_autofree char *campaign_id = NULL;
  const char *victim;
  const char *claimed_by;

  if (breach == NULL)
    return TRUE;

  campaign_id = dossier_interchange_stix_id ("campaign", w->case_id, "#breach");
  victim = dossier_breach_get_victim (breach);
  claimed_by = dossier_breach_get_claimed_by (breach);
  if (!write_campaign (w, breach, error))
    return FALSE;
  if (victim != NULL &&
      !write_relationship (w, "#breach/targets", "targets", campaign_id, victim,
                           "The victim of the breach", error))
    return FALSE;
  if (claimed_by != NULL &&
      !write_relationship (w, "#breach/claimed-by", "attributed-to", campaign_id, claimed_by,
                           "Claimed the breach (the case's claimed-by)", error))
    return FALSE;

  hypotheses = dossier_breach_get_hypotheses (breach);
  for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
    {
      g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);

      if (!write_hypothesis (w, campaign_id, hypothesis, error))
        return FALSE;
    }

  return TRUE;
}

/* The parts with no STIX home */

static gboolean
write_threat_screen (StixWriter  *w,
                     GError     **error)
{
  DossierThreatScreen *screen = dossier_case_get_threat_screen (w->dcase);
  g_autofree char *id = NULL;
  JsonObject *object;
  GPtrArray *links;
  const char *sender;
  TextRefs refs;

  if (screen == NULL)
    return TRUE;

  id = dossier_interchange_stix_id ("x-dossier-threat-screen", w->case_id, "#threat-screen");
  object = new_object (w, "x-dossier-threat-screen", id, w->case_key);
  text_refs_init (&refs);
  set_inline (object, "name", dossier_threat_screen_get_headline (screen), &refs);
  set_date (object, "shown", "x_dossier_shown_date", dossier_threat_screen_get_shown (screen));
  set_inline (object, "shown_on", dossier_threat_screen_get_shown_on (screen), &refs);
  sender = dossier_threat_screen_get_sender (screen);
  dossier_json_set_string (object, "sender_ref", lookup_id (w, sender));
  dossier_json_set_string (object, "x_dossier_sender", sender);
  if (dossier_threat_screen_has_image (screen))
    {
      dossier_json_set_string (object, "image_description", dossier_threat_screen_get_image_description (screen));
      dossier_json_set_string (object, "image_src", dossier_threat_screen_get_image_src (screen));
    }
  set_blocks (object, "message", "message_certainty", dossier_threat_screen_get_message (screen), &refs);
  set_inline (object, "demand", dossier_threat_screen_get_demand (screen), &refs);
  set_date (object, "deadline", "x_dossier_deadline_date", dossier_threat_screen_get_deadline (screen));

  /* Evidence, never links: kept as text with their words. */
  links = dossier_threat_screen_get_shown_links (screen);
  if (links->len > 0)
    {
      JsonArray *list = json_array_new ();

      for (guint i = 0; i < links->len; i++)
        {
          DossierShownLink *link = g_ptr_array_index (links, i);
          JsonObject *item = json_object_new ();

          json_object_set_string_member (item, "href", link->href != NULL ? link->href : "");
          set_inline (item, "text", link->text, &refs);
          json_array_add_object_element (list, item);
        }
      json_object_set_array_member (object, "shown_links", list);
    }

  return write_object (w, object, &refs, error);
}

static gboolean
write_reaction (StixWriter       *w,
                DossierReaction  *reaction,
                GError          **error)
{
  const char *id = dossier_reaction_get_id (reaction);
  JsonObject *object = new_object (w, "x-dossier-reaction", lookup_id (w, id), w->case_key);
  const char *actor = dossier_reaction_get_actor (reaction);
  const char *behalf = dossier_reaction_get_on_behalf_of (reaction);
  const char *stance = dossier_stance_to_string (dossier_reaction_get_stance (reaction));
  g_autofree char *name = g_strdup_printf ("%s (%s)", dossier_case_get_entity_name (w->dcase, actor), stance);
  TextRefs refs;

  text_refs_init (&refs);
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "x_dossier_id", id);
  set_date (object, "date", "x_dossier_date", dossier_reaction_get_date (reaction));
  dossier_json_set_string (object, "actor_ref", lookup_id (w, actor));
  dossier_json_set_string (object, "x_dossier_actor", actor);
  dossier_json_set_string (object, "on_behalf_of_ref", lookup_id (w, behalf));
  dossier_json_set_string (object, "x_dossier_on_behalf_of", behalf);
  json_object_set_string_member (object, "stance", stance);
  set_certainty (object, dossier_reaction_get_certainty (reaction));
  set_inline (object, "channel", dossier_reaction_get_channel (reaction), &refs);
  set_inline (object, "quote", dossier_reaction_get_quote (reaction), &refs);
  set_blocks (object, "summary", "summary_certainty", dossier_reaction_get_summary (reaction), &refs);

  return write_object (w, object, &refs, error);
}

static gboolean
write_release (StixWriter      *w,
               DossierRelease  *release,
               GError         **error)
{
  g_autofree char *name = g_strdup_printf ("#release-%u", dossier_release_get_index (release));
  g_autofree char *id = dossier_interchange_stix_id ("x-dossier-release", w->case_id, name);
  JsonObject *object = new_object (w, "x-dossier-release", id, w->case_key);
  const char *work = dossier_case_get_release_work (w->dcase);
  const char *status = dossier_release_status_to_string (dossier_release_get_status (release));
  g_autofree char *title = g_strdup_printf ("%s: %s",
                                            work != NULL ? dossier_case_get_entity_name (w->dcase, work) : "",
                                            status);
  TextRefs refs;

  text_refs_init (&refs);
  json_object_set_string_member (object, "name", title);
  json_object_set_int_member (object, "index", dossier_release_get_index (release));
  dossier_json_set_string (object, "work_ref", lookup_id (w, work));
  dossier_json_set_string (object, "x_dossier_work", work);
  set_date (object, "date", "x_dossier_date", dossier_release_get_date (release));
  json_object_set_string_member (object, "status", status);
  set_date (object, "announced", "x_dossier_announced_date", dossier_release_get_announced (release));
  set_certainty (object, dossier_release_get_certainty (release));
  set_inline (object, "market", dossier_release_get_market (release), &refs);
  set_blocks (object, "summary", "summary_certainty", dossier_release_get_summary (release), &refs);

  return write_object (w, object, &refs, error);
}

static gboolean
write_event (StixWriter    *w,
             DossierEvent  *event,
             GError       **error)
{
  const char *id = dossier_event_get_id (event);
  JsonObject *object = new_object (w, "x-dossier-event", lookup_id (w, id), w->case_key);
  TextRefs refs;

  text_refs_init (&refs);
  set_inline (object, "name", dossier_event_get_title (event), &refs);
  if (!json_object_has_member (object, "name"))
    json_object_set_string_member (object, "name", id);
  json_object_set_string_member (object, "x_dossier_id", id);
  set_date (object, "date", "x_dossier_date", dossier_event_get_date (event));
  set_certainty (object, dossier_event_get_certainty (event));
  set_blocks (object, "description", "description_certainty", dossier_event_get_summary (event), &refs);

  return write_object (w, object, &refs, error);
}

/* In a worker thread: @note into @sink. Only reads the case and the
 * writer's tables, which nothing changes while notes are written. */
static void
write_note (StixWriter      *w,
            DossierJsonSink *sink,
            DossierNote     *note)
{
  const char *id = dossier_note_get_id (note);
  const DossierDate *created = dossier_note_get_created (note);
  const char * const *about = dossier_note_get_about (note);
  const char *author = dossier_note_get_author (note);
  const char *authors[] = { author, NULL };
  JsonObject *object;
  JsonArray *object_refs = json_array_new ();
  TextRefs refs;

  object = new_object (w, "note", lookup_id (w, id),
                       created != NULL ? dossier_date_get_sort_key (created) : w->case_key);
  text_refs_init (&refs);
  set_inline (object, "abstract", dossier_note_get_title (note), &refs);
  set_blocks (object, "content", "x_dossier_content_certainty", dossier_note_get_body (note), &refs);
  /* STIX requires content; a note with only a title says it there. */
  if (!json_object_has_member (object, "content"))
    json_object_set_string_member (object, "content",
                                   json_object_has_member (object, "abstract")
                                   ? json_object_get_string_member (object, "abstract") : id);
  if (author != NULL)
    dossier_json_set_strv (object, "authors", authors);

  /* What the note is about; a note about nothing is about the case. */
  for (guint i = 0; about[i] != NULL; i++)
    {
      const char *target = lookup_id (w, about[i]);

      if (target != NULL)
        json_array_add_string_element (object_refs, target);
    }
  if (json_array_get_length (object_refs) == 0)
    json_array_add_string_element (object_refs, w->report_id);
  json_object_set_array_member (object, "object_refs", object_refs);

  dossier_json_set_strv (object, "labels", dossier_note_get_tags (note));
  json_object_set_string_member (object, "x_dossier_id", id);
  set_date (object, NULL, "x_dossier_date", created);

  /* A sink without a stream cannot fail. */
  write_object_to (w, sink, object, &refs, NULL, ",\n", NULL);
}

/* The notes: most of a large case. They are written in parallel, each
 * thread into its own sink, and joined in file order, so the bytes are
 * the same as one thread would write. */

typedef struct
{
  StixWriter *w;
  GPtrArray  *notes;   /* of DossierNote */
} NoteJob;

static void
write_note_item (DossierJsonSink *part,
                 guint            index,
                 gpointer         data)
{
  NoteJob *job = data;

  write_note (job->w, part, g_ptr_array_index (job->notes, index));
}

static gboolean
write_notes (StixWriter  *w,
             GError     **error)
{
  GListModel *model = dossier_case_get_notes (w->dcase);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_full (n, g_object_unref);
  NoteJob job = { w, notes };
  double from = (double) w->written / MAX (w->refs->len, 1);
  gboolean ok;

  /* A GListStore is not to be read from two threads: the notes are taken
   * out here first. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (notes, g_list_model_get_item (model, i));

  ok = dossier_json_sink_write_items (w->sink, n, write_note_item, &job, from,
                                      (double) (w->written + n) / MAX (w->refs->len, 1), error);
  w->written += n;
  return ok;
}

/* The bundle */

static gboolean
write_list (StixWriter  *w,
            GListModel  *model,
            GError     **error)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      gboolean ok = TRUE;

      if (DOSSIER_IS_ENTITY (object))
        ok = write_entity (w, DOSSIER_ENTITY (object), error);
      else if (DOSSIER_IS_SOURCE (object))
        ok = write_source (w, DOSSIER_SOURCE (object), error);
      else if (DOSSIER_IS_REACTION (object))
        ok = write_reaction (w, DOSSIER_REACTION (object), error);
      else if (DOSSIER_IS_RELEASE (object))
        ok = write_release (w, DOSSIER_RELEASE (object), error);
      else if (DOSSIER_IS_EVENT (object))
        ok = write_event (w, DOSSIER_EVENT (object), error);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_bundle (StixWriter  *w,
              GError     **error)
{
  g_autofree char *bundle_id = dossier_interchange_stix_id ("bundle", w->case_id, "#bundle");
  g_autofree char *head = g_strdup_printf ("{\"type\":\"bundle\",\"id\":\"%s\",\"objects\":[", bundle_id);

  /* The frame is ours (fixed words and a UUID); every object in it is
   * written by json-glib. */
  return dossier_json_sink_write_raw (w->sink, head, error) &&
         write_report (w, error) &&
         write_case (w, error) &&
         write_list (w, dossier_case_get_entities (w->dcase), error) &&
         write_list (w, dossier_case_get_sources (w->dcase), error) &&
         write_breach (w, error) &&
         write_threat_screen (w, error) &&
         write_list (w, dossier_case_get_reactions (w->dcase), error) &&
         write_list (w, dossier_case_get_releases (w->dcase), error) &&
         write_list (w, dossier_case_get_events (w->dcase), error) &&
         write_notes (w, error) &&
         dossier_json_sink_write_raw (w->sink, "\n]}\n", error);
}

gboolean
dossier_stix_export (DossierCase      *dcase,
                     DossierJsonSink  *sink,
                     GError          **error)
{
  StixWriter w = { 0 };
  const DossierDate *updated = dossier_case_get_updated (dcase);
  gboolean ok;

  w.dcase = dcase;
  w.case_id = dossier_case_get_id (dcase);
  w.sink = sink;
  /* The case's own date; a case that gives none is dated at the epoch
   * rather than at the time of export, so the bytes stay the same. */
  w.case_key = updated != NULL ? dossier_date_get_sort_key (updated) : 0;
  w.case_stamp = dossier_interchange_timestamp (w.case_key, TRUE);
  w.report_id = dossier_interchange_stix_id ("report", w.case_id, NULL);
  w.ids = g_hash_table_new (g_str_hash, g_str_equal);
  w.entity_types = g_hash_table_new (g_str_hash, g_str_equal);
  w.ext_refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  w.refs = g_ptr_array_new_with_free_func (g_free);

  classify_entities (&w);
  plan_objects (&w);
  /* Every source's reference is written before the notes' threads start
   * and only read from then on. */
  for (guint i = 0; i < g_list_model_get_n_items (dossier_case_get_sources (dcase)); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (dossier_case_get_sources (dcase), i);

      external_reference (&w, source);
    }
  ok = write_bundle (&w, error);
  g_assert (!ok || w.written == w.refs->len);

  g_free (w.report_id);
  g_free (w.case_stamp);
  g_hash_table_unref (w.ids);
  g_hash_table_unref (w.entity_types);
  g_hash_table_unref (w.ext_refs);
  g_ptr_array_unref (w.refs);

  return ok;
}
