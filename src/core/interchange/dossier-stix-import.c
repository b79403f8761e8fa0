/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-stix-import.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "dossier-interchange-private.h"

/* A STIX 2.1 bundle read as a case file. The bundle is checked and parsed
 * with json-glib, then written as XML in the case format with libxml2's
 * writer and handed to the loader, which checks it like any case file:
 * the importer never builds the model itself. docs/interchange.md. */

typedef struct
{
  const char       *display_name;
  JsonArray        *objects;
  GHashTable       *by_stix_id;   /* STIX id -> JsonObject */
  GHashTable       *dossier_ids;  /* STIX id -> Dossier id (owned) */
  GHashTable       *used_ids;     /* Dossier ids taken (borrowed from dossier_ids / sources) */
  GPtrArray        *entities;     /* of JsonObject, in bundle order */
  GPtrArray        *notes;        /* of JsonObject */
  GPtrArray        *sources;      /* of ImportSource */
  GHashTable       *source_keys;  /* key -> ImportSource */
  GHashTable       *relations;    /* entity STIX id -> GPtrArray of JsonObject (relationships) */
  GHashTable       *by_dossier_id; /* entity Dossier id -> JsonObject */
  GHashTable       *mentioned;    /* Dossier ids of the entities a <mention> outside the entities names (owned) */
  gboolean          in_entities;  /* writing the entities' descriptions */
  JsonObject       *report;
  GPtrArray        *other_reports; /* names of the reports after the first (owned) */
  JsonObject       *breach;       /* Dossier's breach campaign, or NULL */
  JsonObject       *screen;       /* x-dossier-threat-screen, or NULL */
  GPtrArray        *reactions;    /* of JsonObject: x-dossier-reaction */
  GPtrArray        *releases;     /* of JsonObject: x-dossier-release */
  GHashTable       *hypotheses;   /* STIX ids of the relationships read as hypotheses */
  xmlTextWriterPtr  writer;
} Importer;

typedef struct
{
  char       *id;
  JsonObject *object;     /* the x-dossier-source, or NULL */
  JsonObject *reference;  /* the first external reference naming it */
} ImportSource;

static void
import_source_free (gpointer data)
{
  ImportSource *source = data;

  g_free (source->id);
  g_free (source);
}

/* Collecting */

static const char *
take_id (Importer   *im,
         const char *stix_id,
         const char *wanted)
{
  char *id;

  /* Dossier's own id when the bundle came from Dossier and it is free;
   * else the STIX id, which is a valid Dossier id already. */
  if (dossier_stix_is_dossier_id (wanted) && !g_hash_table_contains (im->used_ids, wanted))
    id = g_strdup (wanted);
  else
    id = g_strdup (stix_id);
  g_hash_table_insert (im->dossier_ids, g_strdup (stix_id), id);
  g_hash_table_add (im->used_ids, g_strdup (id));

  return id;
}

static gboolean
is_entity_type (const char *type)
{
  static const char * const types[] = {
    "identity", "threat-actor", "intrusion-set", "campaign", "malware", "tool",
    "attack-pattern", "vulnerability", "location", "infrastructure", "indicator",
    "x-dossier-work",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i]))
      return TRUE;
  return FALSE;
}

static char *
reference_key (JsonObject *reference)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", dossier_stix_get_string (reference, "source_name") ?: "",
                          dossier_stix_get_string (reference, "external_id") ?: "", dossier_stix_get_string (reference, "url") ?: "");
}

/* The source an external reference names: Dossier's own x-dossier-source
 * when external_id says so, else one source for each distinct reference. */
static ImportSource *
source_for_reference (Importer   *im,
                      JsonObject *reference)
{
  const char *external_id = dossier_stix_get_string (reference, "external_id");
  g_autofree char *key = NULL;
  ImportSource *source;

  if (external_id != NULL && g_str_has_prefix (external_id, "dossier:"))
    {
      const char *colon = strrchr (external_id, ':');

      source = g_hash_table_lookup (im->source_keys, colon + 1);
      if (source != NULL)
        return source;
    }

  key = reference_key (reference);
  source = g_hash_table_lookup (im->source_keys, key);
  if (source != NULL)
    return source;

  source = g_new0 (ImportSource, 1);
  for (guint n = im->sources->len + 1; source->id == NULL || g_hash_table_contains (im->used_ids, source->id); n++)
    {
      g_free (source->id);
      source->id = g_strdup_printf ("ref-%u", n);
    }
  source->reference = reference;
  g_hash_table_add (im->used_ids, g_strdup (source->id));
  g_ptr_array_add (im->sources, source);
  g_hash_table_insert (im->source_keys, g_steal_pointer (&key), source);

  return source;
}

/* Every object has a type and a well-formed id, each id once. */
static gboolean
check_objects (Importer  *im,
               GError   **error)
{
  guint n = json_array_get_length (im->objects);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (im->objects, i);
      JsonObject *object;
      const char *type;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *message = g_strdup_printf (_("objects[%u] is not an object"), i);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: error: %s", im->display_name, message);
          return FALSE;
        }
      object = json_node_get_object (node);
      type = dossier_stix_get_string (object, "type");
      id = dossier_stix_get_string (object, "id");
      if (type == NULL || id == NULL)
        {
          g_autofree char *shown = dossier_sanitize_display_text (id != NULL ? id : _("no id"));
          g_autofree char *message = g_strdup_printf (_("objects[%u] (%s) lacks the required property “%s”"), i,
                                                      shown, type == NULL ? "type" : "id");

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: error: %s", im->display_name, message);
          return FALSE;
        }
      if (!dossier_stix_is_dossier_id (id) || strstr (id, "--") == NULL)
        {
          g_autofree char *shown = dossier_sanitize_display_text (id);
          g_autofree char *message = g_strdup_printf (_("objects[%u] has the malformed id “%s”"), i, shown);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: error: %s", im->display_name, message);
          return FALSE;
        }
      if (!g_hash_table_insert (im->by_stix_id, (gpointer) id, object))
        {
          g_autofree char *message = g_strdup_printf (_("the id %s is used by two objects"), id);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: error: %s", im->display_name, message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
collect (Importer  *im,
         GError   **error)
{
  guint n = json_array_get_length (im->objects);

  if (!check_objects (im, error))
    return FALSE;

  /* Dossier's sources first (their ids are cited), then the
   * rest by kind. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (im->objects, i);

      if (g_str_equal (dossier_stix_get_string (object, "type"), "x-dossier-source"))
        {
          ImportSource *source = g_new0 (ImportSource, 1);

          source->id = g_strdup (take_id (im, dossier_stix_get_string (object, "id"), dossier_stix_get_string (object, "x_dossier_id")));
          source->object = object;
          g_ptr_array_add (im->sources, source);
          g_hash_table_insert (im->source_keys, g_strdup (source->id), source);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (im->objects, i);
      const char *type = dossier_stix_get_string (object, "type");
      const char *id = dossier_stix_get_string (object, "id");

      if (g_str_equal (type, "report") && im->report == NULL)
        im->report = object;
      else if (g_str_equal (type, "report"))
        g_ptr_array_add (im->other_reports, dossier_sanitize_display_text (dossier_stix_get_string (object, "name") ?: id));
      /* The campaign Dossier writes for a breach comes back as the breach. */
      else if (g_str_equal (type, "campaign") && im->breach == NULL &&
               (json_object_has_member (object, "x_dossier_victim") ||
                json_object_has_member (object, "x_dossier_claimed_by") ||
                json_object_has_member (object, "x_dossier_discovered_date") ||
                json_object_has_member (object, "x_dossier_method")))
        im->breach = object;
      else if (is_entity_type (type))
        {
          g_hash_table_insert (im->by_dossier_id, (gpointer) take_id (im, id, dossier_stix_get_string (object, "x_dossier_id")),
                               object);
          g_ptr_array_add (im->entities, object);
        }
      else if (g_str_equal (type, "x-dossier-threat-screen") && im->screen == NULL)
        im->screen = object;
      else if (g_str_equal (type, "x-dossier-reaction"))
        {
          take_id (im, id, dossier_stix_get_string (object, "x_dossier_id"));
          g_ptr_array_add (im->reactions, object);
        }
      else if (g_str_equal (type, "x-dossier-release"))
        g_ptr_array_add (im->releases, object);
      else if (g_str_equal (type, "note") || g_str_equal (type, "opinion"))
        {
          take_id (im, id, dossier_stix_get_string (object, "x_dossier_id"));
          g_ptr_array_add (im->notes, object);
        }
      else if (g_str_equal (type, "relationship"))
        {
          const char *from = dossier_stix_get_string (object, "source_ref");
          GPtrArray *list;

          if (from == NULL || dossier_stix_get_string (object, "target_ref") == NULL ||
              dossier_stix_get_string (object, "relationship_type") == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("relationship %s lacks source_ref, target_ref or relationship_type"),
                                                          id);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: error: %s", im->display_name, message);
              return FALSE;
            }
          list = g_hash_table_lookup (im->relations, from);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (im->relations, (gpointer) from, list);
            }
          g_ptr_array_add (list, object);
        }
    }

  /* The breach's attribution: Dossier's relationships from the breach
   * that carry a hypothesis id. */
  if (im->breach != NULL)
    {
      GPtrArray *relations = g_hash_table_lookup (im->relations, dossier_stix_get_string (im->breach, "id"));

      for (guint i = 0; relations != NULL && i < relations->len; i++)
        {
          JsonObject *relation = g_ptr_array_index (relations, i);

          if (dossier_stix_get_string (relation, "x_dossier_id") == NULL)
            continue;
          take_id (im, dossier_stix_get_string (relation, "id"), dossier_stix_get_string (relation, "x_dossier_id"));
          g_hash_table_add (im->hypotheses, (gpointer) dossier_stix_get_string (relation, "id"));
        }
    }

  return TRUE;
}

/* Writing the case file */

static void
write_text (Importer   *im,
            const char *element,
            const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return;
  clean = dossier_stix_xml_clean (text);
  xmlTextWriterWriteElement (im->writer, BAD_CAST element, BAD_CAST clean);
}

static void
write_attribute (Importer   *im,
                 const char *name,
                 const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;
  clean = dossier_stix_xml_clean (value);
  xmlTextWriterWriteAttribute (im->writer, BAD_CAST name, BAD_CAST clean);
}

static void
write_cites (Importer   *im,
             JsonObject *object)
{
  JsonArray *references = dossier_stix_get_array (object, "external_references");

  for (guint i = 0; references != NULL && i < json_array_get_length (references); i++)
    {
      JsonNode *node = json_array_get_element (references, i);
      ImportSource *source;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      source = source_for_reference (im, json_node_get_object (node));
      xmlTextWriterStartElement (im->writer, BAD_CAST "cite");
      xmlTextWriterWriteAttribute (im->writer, BAD_CAST "ref", BAD_CAST source->id);
      xmlTextWriterEndElement (im->writer);
    }
}

typedef struct
{
  const char *at;
  gsize       length;
  const char *id;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;

  return x->at < y->at ? -1 : x->at > y->at;
}

static void
write_mention (Importer   *im,
               const char *id,
               const char *words,
               gsize       length)
{
  g_autofree char *text = g_strndup (words, length);

  xmlTextWriterStartElement (im->writer, BAD_CAST "mention");
  xmlTextWriterWriteAttribute (im->writer, BAD_CAST "ref", BAD_CAST id);
  xmlTextWriterWriteString (im->writer, BAD_CAST text);
  xmlTextWriterEndElement (im->writer);
  /* A name in another entity's description is no way in: the reader
   * reaches an entity from the overview, a note or an event. */
  if (!im->in_entities)
    g_hash_table_add (im->mentioned, g_strdup (id));
}

/* @text (clean already) with the entities Dossier recorded as mentioned
 * (x_dossier_mentions) linked again where their name or an alias stands
 * in it, the first time each: the words stay exactly as they were. */
static void
write_mentioned_text (Importer   *im,
                      const char *text,
                      JsonArray  *mentions)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  const char *p = text;

  for (guint i = 0; mentions != NULL && i < json_array_get_length (mentions); i++)
    {
      const char *id = dossier_stix_array_string (mentions, i);
      JsonObject *entity = id != NULL ? g_hash_table_lookup (im->by_dossier_id, id) : NULL;
      JsonArray *aliases = dossier_stix_get_array (entity, "aliases") ?: dossier_stix_get_array (entity, "x_dossier_aliases");
      Match best = { NULL, 0, id };

      for (guint a = 0; entity != NULL && a <= (aliases != NULL ? json_array_get_length (aliases) : 0); a++)
        {
          const char *name = a == 0 ? dossier_stix_get_string (entity, "name") : dossier_stix_array_string (aliases, a - 1);
          const char *found;
          gboolean overlaps = FALSE;

          if (name == NULL || name[0] == '\0' || (found = strstr (text, name)) == NULL)
            continue;
          for (guint m = 0; m < matches->len; m++)
            {
              Match *other = &g_array_index (matches, Match, m);

              if (found < other->at + other->length && other->at < found + strlen (name))
                overlaps = TRUE;
            }
          if (!overlaps && (best.at == NULL || found < best.at))
            {
              best.at = found;
              best.length = strlen (name);
            }
        }
      if (best.at != NULL)
        g_array_append_val (matches, best);
    }
  g_array_sort (matches, compare_matches);

  for (guint m = 0; m < matches->len; m++)
    {
      Match *match = &g_array_index (matches, Match, m);

      xmlTextWriterWriteFormatString (im->writer, "%.*s", (int) (match->at - p), p);
      write_mention (im, match->id, match->at, match->length);
      p = match->at + match->length;
    }
  xmlTextWriterWriteString (im->writer, BAD_CAST p);
}

/* @text as paragraphs (split at blank lines); the object's citations end
 * the last one. Returns whether anything was written. */
static gboolean
write_paragraphs (Importer   *im,
                  const char *text,
                  JsonObject *cited)
{
  g_auto(GStrv) paragraphs = NULL;
  gboolean any = FALSE;
  guint last = 0;

  if (text == NULL)
    return FALSE;
  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (g_strstrip (paragraphs[i])[0] != '\0')
      last = i;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *clean = NULL;

      if (paragraphs[i][0] == '\0')
        continue;
      clean = dossier_stix_xml_clean (paragraphs[i]);
      xmlTextWriterStartElement (im->writer, BAD_CAST "p");
      write_mentioned_text (im, clean, dossier_stix_get_array (cited, "x_dossier_mentions"));
      if (i == last && cited != NULL)
        write_cites (im, cited);
      xmlTextWriterEndElement (im->writer);
      any = TRUE;
    }

  return any;
}

static const char *
entity_kind (JsonObject *object)
{
  const char *type = dossier_stix_get_string (object, "type");
  const char *kind = dossier_stix_get_string (object, "x_dossier_kind");
  DossierEntityKind parsed;

  if (kind != NULL && dossier_entity_kind_from_string (kind, &parsed))
    return kind;

  if (g_str_equal (type, "identity"))
    {
      const char *identity_class = dossier_stix_get_string (object, "identity_class");

      if (g_strcmp0 (identity_class, "individual") == 0)
        return "person";
      if (g_strcmp0 (identity_class, "group") == 0)
        return "group";
      if (g_strcmp0 (identity_class, "organization") == 0)
        return "organization";
      return "other";
    }
  if (g_str_equal (type, "threat-actor"))
    {
      JsonArray *types = dossier_stix_get_array (object, "threat_actor_types");

      for (guint i = 0; types != NULL && i < json_array_get_length (types); i++)
        if (g_strcmp0 (dossier_stix_array_string (types, i), "nation-state") == 0)
          return "state";
      return "group";
    }
  if (g_str_equal (type, "intrusion-set"))
    return "group";
  if (g_str_equal (type, "location"))
    return "state";
  if (g_str_equal (type, "x-dossier-work"))
    return "work";
  return "other";
}

static void
write_relations (Importer   *im,
                 JsonObject *object)
{
  GPtrArray *relations = g_hash_table_lookup (im->relations, dossier_stix_get_string (object, "id"));

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      JsonObject *relation = g_ptr_array_index (relations, i);
      const char *target = dossier_stix_get_string (relation, "target_ref");
      JsonObject *target_object = g_hash_table_lookup (im->by_stix_id, target);
      const char *target_id = g_hash_table_lookup (im->dossier_ids, target);
      const char *target_name = dossier_stix_get_string (target_object, "name");

      /* "Attributed to North Korea", the name linked when it is an
       * entity of the case; the relationship's own words after it. */
      xmlTextWriterStartElement (im->writer, BAD_CAST "p");
      write_attribute (im, "certainty", dossier_stix_get_string (relation, "x_dossier_certainty"));
      {
        g_autofree char *words = dossier_stix_relationship_words (dossier_stix_get_string (relation, "relationship_type"));

        xmlTextWriterWriteString (im->writer, BAD_CAST words);
        xmlTextWriterWriteString (im->writer, BAD_CAST " ");
      }
      if (target_id != NULL && target_object != NULL && is_entity_type (dossier_stix_get_string (target_object, "type")))
        {
          g_autofree char *clean = dossier_stix_xml_clean (target_name != NULL ? target_name : target);

          write_mention (im, target_id, clean, strlen (clean));
        }
      else
        {
          g_autofree char *clean = dossier_stix_xml_clean (target_name != NULL ? target_name : target);

          xmlTextWriterWriteString (im->writer, BAD_CAST clean);
        }
      if (dossier_stix_get_string (relation, "description") != NULL)
        {
          g_autofree char *clean = dossier_stix_xml_clean (dossier_stix_get_string (relation, "description"));

          xmlTextWriterWriteString (im->writer, BAD_CAST ": ");
          xmlTextWriterWriteString (im->writer, BAD_CAST clean);
        }
      write_cites (im, relation);
      xmlTextWriterEndElement (im->writer);
    }
}

static void
write_entity (Importer   *im,
              JsonObject *object)
{
  const char *stix_id = dossier_stix_get_string (object, "id");
  const char *name = dossier_stix_get_string (object, "name");
  const char *role = dossier_stix_get_string (object, "x_dossier_role");
  const char *pattern = dossier_stix_get_string (object, "pattern");
  JsonArray *aliases = dossier_stix_get_array (object, "aliases");

  if (aliases == NULL)
    aliases = dossier_stix_get_array (object, "x_dossier_aliases");
  if (role == NULL)
    role = dossier_stix_array_string (dossier_stix_get_array (object, "roles"), 0);
  /* From another tool: what kind of STIX object it was. */
  if (role == NULL && dossier_stix_get_string (object, "x_dossier_kind") == NULL)
    role = dossier_stix_get_string (object, "type");

  xmlTextWriterStartElement (im->writer, BAD_CAST "entity");
  write_attribute (im, "id", g_hash_table_lookup (im->dossier_ids, stix_id));
  write_attribute (im, "kind", entity_kind (object));
  write_text (im, "name", name != NULL ? name : stix_id);
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    write_text (im, "alias", dossier_stix_array_string (aliases, i));
  write_text (im, "role", role);

  if (dossier_stix_get_string (object, "description") == NULL && pattern == NULL &&
      dossier_stix_get_array (object, "external_references") == NULL &&
      g_hash_table_lookup (im->relations, stix_id) == NULL)
    {
      xmlTextWriterEndElement (im->writer);
      return;
    }

  xmlTextWriterStartElement (im->writer, BAD_CAST "description");
  if (!write_paragraphs (im, dossier_stix_get_string (object, "description"), object) &&
      dossier_stix_get_array (object, "external_references") != NULL)
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "p");
      write_cites (im, object);
      xmlTextWriterEndElement (im->writer);
    }
  /* An indicator's pattern is shown as text, never evaluated. */
  if (pattern != NULL)
    {
      g_autofree char *words = g_strdup_printf (_("Pattern (%s): %s"),
                                                dossier_stix_get_string (object, "pattern_type") ?: "stix", pattern);

      write_text (im, "p", words);
    }
  write_relations (im, object);
  xmlTextWriterEndElement (im->writer);

  xmlTextWriterEndElement (im->writer);
}

static void
write_source (Importer     *im,
              ImportSource *source)
{
  JsonObject *object = source->object;
  JsonObject *reference = source->reference;
  const char *kind = dossier_stix_get_string (object, "kind");
  const char *reliability = dossier_stix_get_string (object, "reliability");
  const char *url = object != NULL ? dossier_stix_get_string (object, "url") : dossier_stix_get_string (reference, "url");
  DossierSourceKind parsed;
  g_autofree char *published = dossier_stix_edtf_from (object, "x_dossier_published_date", "published");
  g_autofree char *accessed = dossier_stix_edtf_from (object, "x_dossier_accessed_date", "accessed");
  JsonArray *authors = dossier_stix_get_array (object, "authors");

  xmlTextWriterStartElement (im->writer, BAD_CAST "source");
  write_attribute (im, "id", source->id);
  write_attribute (im, "kind", kind != NULL && dossier_source_kind_from_string (kind, &parsed) ? kind : "other");
  if (reliability != NULL && strlen (reliability) == 1 && reliability[0] >= 'A' && reliability[0] <= 'F')
    write_attribute (im, "reliability", reliability);
  if (object != NULL && json_object_has_member (object, "credibility"))
    {
      gint64 credibility = json_object_get_int_member (object, "credibility");

      if (credibility >= 1 && credibility <= 6)
        {
          g_autofree char *grade = g_strdup_printf ("%d", (int) credibility);

          write_attribute (im, "credibility", grade);
        }
    }
  write_text (im, "title", object != NULL ? dossier_stix_get_string (object, "name")
                                          : dossier_stix_get_string (reference, "source_name") ?: dossier_stix_get_string (reference, "description")
                                            ?: source->id);
  write_text (im, "publisher", dossier_stix_get_string (object, "publisher"));
  for (guint i = 0; authors != NULL && i < json_array_get_length (authors); i++)
    write_text (im, "author", dossier_stix_array_string (authors, i));
  write_text (im, "published", published);
  write_text (im, "accessed", accessed);
  write_text (im, "url", url);
  write_text (im, "archived-url", dossier_stix_get_string (object, "archived_url"));
  if (dossier_stix_get_string (object, "excerpt") != NULL)
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "excerpt");
      write_paragraphs (im, dossier_stix_get_string (object, "excerpt"), NULL);
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

static void
write_event (Importer   *im,
             const char *id,
             const char *date,
             const char *certainty,
             const char *title,
             const char *summary,
             JsonObject *cited)
{
  DossierCertainty parsed;

  xmlTextWriterStartElement (im->writer, BAD_CAST "event");
  write_attribute (im, "id", id);
  write_attribute (im, "date", date);
  if (certainty != NULL && dossier_certainty_from_string (certainty, &parsed))
    write_attribute (im, "certainty", certainty);
  write_text (im, "title", title);
  if (summary != NULL || (cited != NULL && dossier_stix_get_array (cited, "external_references") != NULL))
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "summary");
      if (!write_paragraphs (im, summary, cited))
        {
          xmlTextWriterStartElement (im->writer, BAD_CAST "p");
          xmlTextWriterWriteString (im->writer, BAD_CAST title);
          write_cites (im, cited);
          xmlTextWriterEndElement (im->writer);
        }
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

/* Dossier's events, sightings, and the first and last sightings of
 * campaigns, actors and intrusion sets. */
static void
write_timeline (Importer *im)
{
  guint n = json_array_get_length (im->objects);
  guint counter = 0;

  xmlTextWriterStartElement (im->writer, BAD_CAST "timeline");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (im->objects, i);
      const char *type = dossier_stix_get_string (object, "type");
      const char *name = dossier_stix_get_string (object, "name") ?: dossier_stix_get_string (object, "id");
      const char *stamps[] = { "first_seen", "last_seen" };


      if (g_str_equal (type, "x-dossier-event"))
        {
          g_autofree char *date = dossier_stix_edtf_from (object, "x_dossier_date", "date");
          const char *id = take_id (im, dossier_stix_get_string (object, "id"), dossier_stix_get_string (object, "x_dossier_id"));

          if (date != NULL)
            write_event (im, id, date, dossier_stix_get_string (object, "x_dossier_certainty"), name,
                         dossier_stix_get_string (object, "description"), object);
          continue;
        }
      if (g_str_equal (type, "sighting"))
        {
          JsonObject *seen = g_hash_table_lookup (im->by_stix_id, dossier_stix_get_string (object, "sighting_of_ref") ?: "");
          g_autofree char *date = dossier_stix_edtf_from (object, NULL, "first_seen");
          g_autofree char *title = g_strdup_printf (_("Sighting of %s"),
                                                    dossier_stix_get_string (seen, "name") ?: dossier_stix_get_string (object, "sighting_of_ref") ?: "?");

          if (date == NULL)
            date = dossier_stix_edtf_from (object, NULL, "created");
          if (date != NULL)
            write_event (im, take_id (im, dossier_stix_get_string (object, "id"), NULL), date, NULL, title,
                         dossier_stix_get_string (object, "description"), object);
          continue;
        }
      if (!is_entity_type (type) || object == im->breach)
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (stamps); s++)
        {
          g_autofree char *date = dossier_stix_edtf_from (object, NULL, stamps[s]);
          g_autofree char *title = NULL;
          g_autofree char *id = NULL;

          if (date == NULL)
            continue;
          title = s == 0 ? g_strdup_printf (_("First seen: %s"), name) : g_strdup_printf (_("Last seen: %s"), name);
          id = g_strdup_printf ("seen-%u", ++counter);
          while (g_hash_table_contains (im->used_ids, id))
            {
              g_free (id);
              id = g_strdup_printf ("seen-%u", ++counter);
            }
          g_hash_table_add (im->used_ids, g_strdup (id));
          write_event (im, id, date, NULL, title, NULL, NULL);
        }
    }
  xmlTextWriterEndElement (im->writer);
}

static void
write_note (Importer   *im,
            JsonObject *object)
{
  const char *stix_id = dossier_stix_get_string (object, "id");
  gboolean opinion = g_str_equal (dossier_stix_get_string (object, "type"), "opinion");
  const char *content = dossier_stix_get_string (object, opinion ? "explanation" : "content");
  const char *title = dossier_stix_get_string (object, "abstract");
  g_autofree char *made_title = NULL;
  g_autofree char *created = dossier_stix_edtf_from (object, "x_dossier_date", "created");
  JsonArray *refs = dossier_stix_get_array (object, "object_refs");
  JsonArray *labels = dossier_stix_get_array (object, "labels");
  GString *about = g_string_new (NULL);
  GString *tags = g_string_new (NULL);

  if (opinion)
    title = made_title = g_strdup_printf (_("Opinion: %s"), dossier_stix_get_string (object, "opinion") ?: _("none given"));
  else if (title == NULL)
    title = made_title = g_strdup (content != NULL && g_utf8_strlen (content, -1) <= 60 ? content : "Note");

  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    {
      const char *ref = dossier_stix_array_string (refs, i);
      JsonObject *target = g_hash_table_lookup (im->by_stix_id, ref ?: "");
      const char *id = ref != NULL ? g_hash_table_lookup (im->dossier_ids, ref) : NULL;

      /* Only what became an item of the case with an id. */
      if (id == NULL || target == NULL ||
          (g_str_equal (dossier_stix_get_string (target, "type"), "relationship") && !g_hash_table_contains (im->hypotheses, ref)))
        continue;
      g_string_append_printf (about, "%s%s", about->len > 0 ? " " : "", id);
    }
  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      const char *label = dossier_stix_array_string (labels, i);

      g_autofree char *tag = NULL;

      if (label == NULL || g_strstrip (tag = g_strdup (label))[0] == '\0')
        continue;
      /* A tag is one word in a case file. */
      g_strdelimit (tag, " \t\r\n", '-');
      g_string_append_printf (tags, "%s%s", tags->len > 0 ? " " : "", tag);
    }

  xmlTextWriterStartElement (im->writer, BAD_CAST "note");
  write_attribute (im, "id", g_hash_table_lookup (im->dossier_ids, stix_id));
  write_attribute (im, "created", created);
  write_attribute (im, "author", dossier_stix_array_string (dossier_stix_get_array (object, "authors"), 0));
  if (tags->len > 0)
    write_attribute (im, "tags", tags->str);
  if (about->len > 0)
    write_attribute (im, "about", about->str);
  write_text (im, "title", title);
  if (!write_paragraphs (im, content, object) && dossier_stix_get_array (object, "external_references") != NULL)
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "p");
      write_cites (im, object);
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);

  g_string_free (about, TRUE);
  g_string_free (tags, TRUE);
}

/* An entity id the case knows, for a breach's or hypothesis's pointer. */
static const char *
entity_ref (Importer   *im,
            const char *dossier_id)
{
  return dossier_id != NULL && g_hash_table_contains (im->by_dossier_id, dossier_id) ? dossier_id : NULL;
}

static void
write_pointer (Importer   *im,
               const char *element,
               const char *entity_id)
{
  if (entity_id == NULL)
    return;
  xmlTextWriterStartElement (im->writer, BAD_CAST element);
  xmlTextWriterWriteAttribute (im->writer, BAD_CAST "ref", BAD_CAST entity_id);
  xmlTextWriterEndElement (im->writer);
}

/* One inline text with the object's mentions; its citations at the end
 * when @cited is given. */
static void
write_inline (Importer   *im,
              const char *element,
              const char *text,
              JsonObject *mentions_from,
              JsonObject *cited)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return;
  clean = dossier_stix_xml_clean (text);
  xmlTextWriterStartElement (im->writer, BAD_CAST element);
  write_mentioned_text (im, clean, dossier_stix_get_array (mentions_from, "x_dossier_mentions"));
  if (cited != NULL)
    write_cites (im, cited);
  xmlTextWriterEndElement (im->writer);
}

static void
write_blocks (Importer   *im,
              const char *element,
              const char *text,
              JsonObject *object,
              JsonObject *cited)
{
  if (text == NULL)
    return;
  xmlTextWriterStartElement (im->writer, BAD_CAST element);
  if (!write_paragraphs (im, text, cited))
    write_text (im, "p", "");
  xmlTextWriterEndElement (im->writer);
}

static void
write_hypothesis (Importer   *im,
                  JsonObject *relation)
{
  const char *actor = entity_ref (im, dossier_stix_get_string (relation, "x_dossier_actor"));
  JsonArray *evidence = dossier_stix_get_array (relation, "x_dossier_evidence");
  DossierCertainty certainty;

  if (actor == NULL)
    actor = entity_ref (im, g_hash_table_lookup (im->dossier_ids, dossier_stix_get_string (relation, "target_ref")));
  if (actor == NULL)
    return;

  xmlTextWriterStartElement (im->writer, BAD_CAST "hypothesis");
  write_attribute (im, "id", g_hash_table_lookup (im->dossier_ids, dossier_stix_get_string (relation, "id")));
  write_attribute (im, "actor", actor);
  if (dossier_certainty_from_string (dossier_stix_get_string (relation, "x_dossier_certainty") ?: "", &certainty))
    write_attribute (im, "certainty", dossier_stix_get_string (relation, "x_dossier_certainty"));
  write_inline (im, "statement", dossier_stix_get_string (relation, "description") ?: "", relation, relation);
  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      JsonNode *node = json_array_get_element (evidence, i);
      JsonObject *piece;
      const char *stance;
      DossierEvidenceStance parsed;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      piece = json_node_get_object (node);
      stance = dossier_stix_get_string (piece, "stance");
      if (stance == NULL || !dossier_evidence_stance_from_string (stance, &parsed))
        continue;
      xmlTextWriterStartElement (im->writer, BAD_CAST "evidence");
      write_attribute (im, "stance", stance);
      if (dossier_certainty_from_string (dossier_stix_get_string (piece, "certainty") ?: "", &certainty))
        write_attribute (im, "certainty", dossier_stix_get_string (piece, "certainty"));
      {
        g_autofree char *clean = dossier_stix_xml_clean (dossier_stix_get_string (piece, "text") ?: "");

        write_mentioned_text (im, clean, dossier_stix_get_array (relation, "x_dossier_mentions"));
      }
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

/* Dossier's breach, from its campaign: the dates, the method, the
 * summary and impact, the exposed items and the attribution. */
static void
write_breach (Importer *im)
{
  JsonObject *breach = im->breach;
  JsonArray *exposed = dossier_stix_get_array (breach, "x_dossier_exposed");
  const char *dates[] = { "began", "discovered", "disclosed" };
  DossierCertainty certainty;
  GPtrArray *relations;

  if (breach == NULL)
    return;
  relations = g_hash_table_lookup (im->relations, dossier_stix_get_string (breach, "id"));

  xmlTextWriterStartElement (im->writer, BAD_CAST "breach");
  write_pointer (im, "victim", entity_ref (im, dossier_stix_get_string (breach, "x_dossier_victim")));
  write_pointer (im, "claimed-by", entity_ref (im, dossier_stix_get_string (breach, "x_dossier_claimed_by")));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *member = g_strdup_printf ("x_dossier_%s_date", dates[i]);
      g_autofree char *date = dossier_stix_edtf_from (breach, member, NULL);

      write_text (im, dates[i], date);
    }
  write_inline (im, "method", dossier_stix_get_string (breach, "x_dossier_method"), breach, NULL);
  write_blocks (im, "summary", dossier_stix_get_string (breach, "description"), breach, breach);
  write_blocks (im, "impact", dossier_stix_get_string (breach, "x_dossier_impact"), breach, NULL);

  if (exposed != NULL)
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "exposed");
      for (guint i = 0; i < json_array_get_length (exposed); i++)
        {
          JsonNode *node = json_array_get_element (exposed, i);
          JsonObject *item;
          DossierExposedCategory category;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          item = json_node_get_object (node);
          xmlTextWriterStartElement (im->writer, BAD_CAST "item");
          if (dossier_exposed_category_from_string (dossier_stix_get_string (item, "category") ?: "", &category))
            write_attribute (im, "category", dossier_stix_get_string (item, "category"));
          if (dossier_certainty_from_string (dossier_stix_get_string (item, "certainty") ?: "", &certainty))
            write_attribute (im, "certainty", dossier_stix_get_string (item, "certainty"));
          {
            g_autofree char *clean = dossier_stix_xml_clean (dossier_stix_get_string (item, "text") ?: "");

            write_mentioned_text (im, clean, dossier_stix_get_array (breach, "x_dossier_mentions"));
          }
          xmlTextWriterEndElement (im->writer);
        }
      xmlTextWriterEndElement (im->writer);
    }

  xmlTextWriterStartElement (im->writer, BAD_CAST "attribution");
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    if (g_hash_table_contains (im->hypotheses, dossier_stix_get_string (g_ptr_array_index (relations, i), "id")))
      write_hypothesis (im, g_ptr_array_index (relations, i));
  xmlTextWriterEndElement (im->writer);

  xmlTextWriterEndElement (im->writer);
}

/* Dossier's own parts with no STIX home, from its custom objects. */
static void
write_threat_screen (Importer *im)
{
  JsonObject *screen = im->screen;
  JsonArray *links = dossier_stix_get_array (screen, "shown_links");
  g_autofree char *shown = dossier_stix_edtf_from (screen, "x_dossier_shown_date", NULL);
  g_autofree char *deadline = dossier_stix_edtf_from (screen, "x_dossier_deadline_date", NULL);

  if (screen == NULL)
    return;

  xmlTextWriterStartElement (im->writer, BAD_CAST "threat-screen");
  write_text (im, "shown", shown);
  write_inline (im, "shown-on", dossier_stix_get_string (screen, "shown_on"), screen, NULL);
  write_pointer (im, "sender", entity_ref (im, dossier_stix_get_string (screen, "x_dossier_sender")));
  write_inline (im, "headline", dossier_stix_get_string (screen, "name") ?: "", screen, NULL);
  if (dossier_stix_get_string (screen, "image_description") != NULL)
    {
      xmlTextWriterStartElement (im->writer, BAD_CAST "image");
      write_attribute (im, "description", dossier_stix_get_string (screen, "image_description"));
      write_attribute (im, "src", dossier_stix_get_string (screen, "image_src"));
      xmlTextWriterEndElement (im->writer);
    }
  write_blocks (im, "message", dossier_stix_get_string (screen, "message"), screen, screen);
  write_inline (im, "demand", dossier_stix_get_string (screen, "demand"), screen, NULL);
  write_text (im, "deadline", deadline);
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *node = json_array_get_element (links, i);
      JsonObject *link;

      if (!JSON_NODE_HOLDS_OBJECT (node) || dossier_stix_get_string (json_node_get_object (node), "href") == NULL)
        continue;
      link = json_node_get_object (node);
      /* Evidence: written as it was, never followed. */
      xmlTextWriterStartElement (im->writer, BAD_CAST "shown-link");
      write_attribute (im, "href", dossier_stix_get_string (link, "href"));
      {
        g_autofree char *clean = dossier_stix_xml_clean (dossier_stix_get_string (link, "text") ?: "");

        write_mentioned_text (im, clean, dossier_stix_get_array (screen, "x_dossier_mentions"));
      }
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

static void
write_reactions (Importer *im)
{
  if (im->reactions->len == 0)
    return;

  xmlTextWriterStartElement (im->writer, BAD_CAST "reactions");
  for (guint i = 0; i < im->reactions->len; i++)
    {
      JsonObject *reaction = g_ptr_array_index (im->reactions, i);
      const char *actor = entity_ref (im, dossier_stix_get_string (reaction, "x_dossier_actor"));
      const char *stance = dossier_stix_get_string (reaction, "stance");
      g_autofree char *date = dossier_stix_edtf_from (reaction, "x_dossier_date", "date");
      DossierStance parsed;
      DossierCertainty certainty;

      if (actor == NULL || date == NULL || stance == NULL || !dossier_stance_from_string (stance, &parsed))
        continue;
      xmlTextWriterStartElement (im->writer, BAD_CAST "reaction");
      write_attribute (im, "id", g_hash_table_lookup (im->dossier_ids, dossier_stix_get_string (reaction, "id")));
      write_attribute (im, "date", date);
      write_attribute (im, "actor", actor);
      write_attribute (im, "on-behalf-of", entity_ref (im, dossier_stix_get_string (reaction, "x_dossier_on_behalf_of")));
      write_attribute (im, "stance", stance);
      if (dossier_certainty_from_string (dossier_stix_get_string (reaction, "x_dossier_certainty") ?: "", &certainty))
        write_attribute (im, "certainty", dossier_stix_get_string (reaction, "x_dossier_certainty"));
      write_inline (im, "channel", dossier_stix_get_string (reaction, "channel"), reaction, NULL);
      write_inline (im, "quote", dossier_stix_get_string (reaction, "quote"), reaction, NULL);
      write_blocks (im, "summary", dossier_stix_get_string (reaction, "summary"), reaction, reaction);
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

static void
write_releases (Importer *im)
{
  const char *work = NULL;

  for (guint i = 0; i < im->releases->len && work == NULL; i++)
    work = entity_ref (im, dossier_stix_get_string (g_ptr_array_index (im->releases, i), "x_dossier_work"));
  if (work == NULL)
    return;

  xmlTextWriterStartElement (im->writer, BAD_CAST "release-history");
  write_attribute (im, "work", work);
  for (guint i = 0; i < im->releases->len; i++)
    {
      JsonObject *release = g_ptr_array_index (im->releases, i);
      const char *status = dossier_stix_get_string (release, "status");
      g_autofree char *date = dossier_stix_edtf_from (release, "x_dossier_date", "date");
      g_autofree char *announced = dossier_stix_edtf_from (release, "x_dossier_announced_date", "announced");
      DossierReleaseStatus parsed;
      DossierCertainty certainty;

      if (date == NULL || status == NULL || !dossier_release_status_from_string (status, &parsed))
        continue;
      xmlTextWriterStartElement (im->writer, BAD_CAST "release");
      write_attribute (im, "date", date);
      write_attribute (im, "status", status);
      write_attribute (im, "announced", announced);
      if (dossier_certainty_from_string (dossier_stix_get_string (release, "x_dossier_certainty") ?: "", &certainty))
        write_attribute (im, "certainty", dossier_stix_get_string (release, "x_dossier_certainty"));
      write_inline (im, "market", dossier_stix_get_string (release, "market"), release, NULL);
      write_blocks (im, "summary", dossier_stix_get_string (release, "summary"), release, release);
      xmlTextWriterEndElement (im->writer);
    }
  xmlTextWriterEndElement (im->writer);
}

/* Parts are written into their own buffers and spliced in file order:
 * the summary can only list the entities nothing mentions once the
 * entities and notes are written, and the sources only once everything
 * that cites them is. libxml2 wrote and escaped every spliced byte. */
static xmlBufferPtr
begin_part (Importer         *im,
            xmlTextWriterPtr *saved)
{
  xmlBufferPtr buffer = xmlBufferCreate ();

  *saved = im->writer;
  im->writer = xmlNewTextWriterMemory (buffer, 0);
  return buffer;
}

static void
end_part (Importer         *im,
          xmlTextWriterPtr  saved)
{
  xmlFreeTextWriter (im->writer);
  im->writer = saved;
}

static void
write_unmentioned (Importer *im)
{
  gboolean any = FALSE;

  /* Every entity is named somewhere the reader can reach it from, as
   * the loader wants: those no text outside the entities' descriptions
   * mentions are listed once, at the end of the summary. */
  for (guint i = 0; i < im->entities->len; i++)
    {
      JsonObject *entity = g_ptr_array_index (im->entities, i);
      const char *id = g_hash_table_lookup (im->dossier_ids, dossier_stix_get_string (entity, "id"));
      const char *name = dossier_stix_get_string (entity, "name");
      g_autofree char *clean = dossier_stix_xml_clean (name != NULL ? name : id);

      if (g_hash_table_contains (im->mentioned, id))
        continue;
      if (!any)
        {
          xmlTextWriterStartElement (im->writer, BAD_CAST "p");
          xmlTextWriterWriteString (im->writer, BAD_CAST _("Also in this bundle: "));
        }
      else
        xmlTextWriterWriteString (im->writer, BAD_CAST ", ");
      write_mention (im, id, clean, strlen (clean));
      any = TRUE;
    }
  if (any)
    {
      xmlTextWriterWriteString (im->writer, BAD_CAST ".");
      xmlTextWriterEndElement (im->writer);
    }
}

static GBytes *
write_case (Importer *im)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlBufferPtr summary, entities, breach, rest;
  xmlTextWriterPtr saved;
  g_autofree char *updated = dossier_stix_edtf_from (im->report, "x_dossier_date", "published");
  const char *case_id = dossier_stix_get_string (im->report, "x_dossier_case_id");
  const char *title = dossier_stix_get_string (im->report, "name");
  GBytes *bytes;

  if (!dossier_stix_is_dossier_id (case_id))
    case_id = im->report != NULL ? dossier_stix_get_string (im->report, "id") : "stix-bundle";

  summary = begin_part (im, &saved);
  write_paragraphs (im, dossier_stix_get_string (im->report, "description"), im->report);
  end_part (im, saved);

  entities = begin_part (im, &saved);
  xmlTextWriterStartElement (im->writer, BAD_CAST "entities");
  im->in_entities = TRUE;
  for (guint i = 0; i < im->entities->len; i++)
    write_entity (im, g_ptr_array_index (im->entities, i));
  im->in_entities = FALSE;
  xmlTextWriterEndElement (im->writer);
  end_part (im, saved);

  breach = begin_part (im, &saved);
  write_breach (im);
  write_threat_screen (im);
  write_reactions (im);
  write_releases (im);
  end_part (im, saved);

  rest = begin_part (im, &saved);
  write_timeline (im);
  xmlTextWriterStartElement (im->writer, BAD_CAST "notes");
  for (guint i = 0; i < im->notes->len; i++)
    write_note (im, g_ptr_array_index (im->notes, i));
  xmlTextWriterEndElement (im->writer);
  end_part (im, saved);

  im->writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterStartDocument (im->writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (im->writer, BAD_CAST "case");
  xmlTextWriterWriteAttribute (im->writer, BAD_CAST "xmlns", BAD_CAST "urn:dossier:case");
  xmlTextWriterWriteAttribute (im->writer, BAD_CAST "format", BAD_CAST "1");
  write_attribute (im, "id", case_id);
  write_text (im, "title", title != NULL ? title : "STIX bundle");

  {
    xmlBufferPtr also = begin_part (im, &saved);

    write_unmentioned (im);
    end_part (im, saved);
    if (xmlBufferLength (summary) > 0 || xmlBufferLength (also) > 0)
      {
        xmlTextWriterStartElement (im->writer, BAD_CAST "summary");
        xmlTextWriterWriteRaw (im->writer, xmlBufferContent (summary));
        xmlTextWriterWriteRaw (im->writer, xmlBufferContent (also));
        xmlTextWriterEndElement (im->writer);
      }
    xmlBufferFree (also);
  }
  write_text (im, "updated", updated);
  xmlTextWriterWriteRaw (im->writer, xmlBufferContent (entities));

  xmlTextWriterStartElement (im->writer, BAD_CAST "sources");
  for (guint i = 0; i < im->sources->len; i++)
    write_source (im, g_ptr_array_index (im->sources, i));
  xmlTextWriterEndElement (im->writer);
  xmlTextWriterWriteRaw (im->writer, xmlBufferContent (breach));
  xmlTextWriterWriteRaw (im->writer, xmlBufferContent (rest));

  xmlTextWriterEndElement (im->writer);
  xmlTextWriterEndDocument (im->writer);
  xmlFreeTextWriter (im->writer);
  im->writer = NULL;

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  xmlBufferFree (summary);
  xmlBufferFree (entities);
  xmlBufferFree (breach);
  xmlBufferFree (rest);
  return bytes;
}

static void
ptr_array_unref0 (gpointer data)
{
  g_ptr_array_unref (data);
}

GBytes *
dossier_stix_import_to_case_xml (GBytes      *json,
                                 const char  *display_name,
                                 GError     **error)
{
  return dossier_stix_import_to_case_xml_full (json, display_name, NULL, error);
}

GBytes *
dossier_stix_import_to_case_xml_full (GBytes       *json,
                                      const char   *display_name,
                                      char       ***other_reports,
                                      GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  Importer im = { 0 };
  const char *data;
  gsize size;
  JsonNode *root;
  JsonObject *bundle;
  GBytes *bytes = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (json, &size);
  /* Empty bytes have no data pointer; json-glib wants one. */
  if (data == NULL)
    data = "";
  if (!dossier_json_guard_check (data, size, display_name, DOSSIER_STIX_MAX_DEPTH, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: ...", quoting
       * the bad token cut at a byte count, so perhaps mid-character. */
      g_autofree char *valid = g_utf8_make_valid (parse_error->message, -1);
      const char *message = valid;

      if (g_str_has_prefix (message, "<data>:"))
        {
          const char *rest = strstr (message + 7, ": ");
          g_autofree char *where = rest != NULL ? g_strndup (message + 7, rest - (message + 7)) : NULL;

          if (rest != NULL && g_str_has_prefix (rest, ": Parse error: "))
            rest += strlen (": Parse error: ");
          else if (rest != NULL)
            rest += 2;
          if (where != NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%s: error: %s", display_name, where, rest);
              return NULL;
            }
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:1:1: error: %s", display_name, message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (dossier_stix_get_string (json_node_get_object (root), "type"), "bundle") != 0 ||
      dossier_stix_get_array (json_node_get_object (root), "objects") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:1:1: error: %s", display_name,
                   _("not a STIX bundle (an object with \"type\": \"bundle\" and \"objects\")"));
      return NULL;
    }
  bundle = json_node_get_object (root);

  im.display_name = display_name;
  im.objects = dossier_stix_get_array (bundle, "objects");
  im.by_stix_id = g_hash_table_new (g_str_hash, g_str_equal);
  im.dossier_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.entities = g_ptr_array_new ();
  im.notes = g_ptr_array_new ();
  im.sources = g_ptr_array_new_with_free_func (import_source_free);
  im.source_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.relations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, ptr_array_unref0);
  im.by_dossier_id = g_hash_table_new (g_str_hash, g_str_equal);
  im.mentioned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.hypotheses = g_hash_table_new (g_str_hash, g_str_equal);
  im.reactions = g_ptr_array_new ();
  im.releases = g_ptr_array_new ();
  im.other_reports = g_ptr_array_new_with_free_func (g_free);

  if (collect (&im, error))
    bytes = write_case (&im);
  if (bytes != NULL && other_reports != NULL)
    {
      g_ptr_array_add (im.other_reports, NULL);
      *other_reports = (char **)g_ptr_array_free (g_steal_pointer (&im.other_reports), FALSE);
    }
  g_clear_pointer (&im.other_reports, g_ptr_array_unref);

  g_hash_table_unref (im.by_stix_id);
  g_hash_table_unref (im.used_ids);
  g_hash_table_unref (im.dossier_ids);
  g_ptr_array_unref (im.entities);
  g_ptr_array_unref (im.notes);
  g_hash_table_unref (im.source_keys);
  g_ptr_array_unref (im.sources);
  g_hash_table_unref (im.relations);
  g_hash_table_unref (im.by_dossier_id);
  g_hash_table_unref (im.mentioned);
  g_hash_table_unref (im.hypotheses);
  g_ptr_array_unref (im.reactions);
  g_ptr_array_unref (im.releases);

  return bytes;
}

DossierCase *
dossier_stix_import (GBytes        *json,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) xml = dossier_stix_import_to_case_xml (json, display_name, error);

  if (xml == NULL)
    return NULL;

  return dossier_case_load_bytes (xml, display_name, NULL, cancellable, NULL, NULL, error);
}
