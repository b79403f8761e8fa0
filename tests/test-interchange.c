/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-core.h"
#include "dossier-interchange.h"

/* What other tools get from the sample case: the STIX bundle's objects,
 * ids, references and dates, the CSL-JSON items, the Timesketch events.
 * Schema validation and the outside tools' reading are in
 * interchange-check.sh. */

static DossierCase *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierCase *dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  return dcase;
}

static DossierCase *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases",
                                                 "sony-pictures-2014.case.xml", NULL);

  return load_path (path);
}

static DossierCase *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cases", "good", name, NULL);

  return load_path (path);
}

static GBytes *
export_bytes (DossierCase              *dcase,
              DossierInterchangeFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = dossier_interchange_to_bytes (dcase, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonNode *
export_json (DossierCase              *dcase,
             DossierInterchangeFormat  format)
{
  g_autoptr(GBytes) bytes = export_bytes (dcase, format);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root = json_from_string (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

/* A bundle with an index of its objects by id. */
typedef struct
{
  JsonNode   *root;
  JsonArray  *objects;
  GHashTable *by_id;
} Bundle;

static void
bundle_load (Bundle      *bundle,
             DossierCase *dcase)
{
  JsonObject *root;

  bundle->root = export_json (dcase, DOSSIER_INTERCHANGE_STIX);
  root = json_node_get_object (bundle->root);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "bundle");
  bundle->objects = json_object_get_array_member (root, "objects");
  bundle->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);

      /* Every id once. */
      g_assert_true (g_hash_table_insert (bundle->by_id,
                                          (gpointer) json_object_get_string_member (object, "id"),
                                          object));
    }
}

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->by_id, g_hash_table_unref);
  g_clear_pointer (&bundle->root, json_node_unref);
}

static guint
count_type (Bundle     *bundle,
            const char *type)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (bundle->objects, i), "type"),
                     type))
      n++;
  return n;
}

/* The object of @type whose x_dossier_id is @id. */
static JsonObject *
find_dossier (Bundle     *bundle,
              const char *type,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);

      if (g_str_equal (json_object_get_string_member (object, "type"), type) &&
          g_strcmp0 (json_object_get_string_member_with_default (object, "x_dossier_id", NULL), id) == 0)
        return object;
    }
  g_assert_not_reached ();
}

static JsonObject *
find_type (Bundle     *bundle,
           const char *type)
{
  for (guint i = 0; i < json_array_get_length (bundle->objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle->objects, i);

      if (g_str_equal (json_object_get_string_member (object, "type"), type))
        return object;
    }
  g_assert_not_reached ();
}

static void
test_format_names (void)
{
  DossierInterchangeFormat format;
  const char *names[] = { "stix", "csl-json", "timesketch", "timesketch-csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (dossier_interchange_format_from_string (names[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (dossier_interchange_format_to_string (format), ==, names[i]);
    }
  g_assert_false (dossier_interchange_format_from_string ("markdown", &format));
  g_assert_false (dossier_interchange_format_from_string ("STIX", &format));
  g_assert_cmpstr (dossier_interchange_format_get_mime_type (DOSSIER_INTERCHANGE_STIX), ==, "application/stix+json");
  g_assert_cmpstr (dossier_interchange_format_get_extension (DOSSIER_INTERCHANGE_TIMESKETCH_CSV), ==, "csv");
}

static void
test_stix_sample_objects (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  Bundle bundle = { 0 };
  JsonObject *report;
  JsonArray *refs;

  bundle_load (&bundle, dcase);

  /* 16 entities: 12 identities, the two suspects of the attribution
   * (North Korea, the other hackers) as threat actors, the name on the
   * screen (#GOP) as an intrusion set, the film as a custom object. */
  g_assert_cmpuint (count_type (&bundle, "identity"), ==, 12);
  g_assert_cmpuint (count_type (&bundle, "threat-actor"), ==, 2);
  g_assert_cmpuint (count_type (&bundle, "intrusion-set"), ==, 1);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-work"), ==, 1);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-source"), ==, 7);
  g_assert_cmpuint (count_type (&bundle, "note"), ==, 15);
  g_assert_cmpuint (count_type (&bundle, "campaign"), ==, 1);
  /* targets, claimed-by, two hypotheses. */
  g_assert_cmpuint (count_type (&bundle, "relationship"), ==, 4);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-reaction"), ==, 2);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-release"), ==, 2);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-event"), ==, 2);
  g_assert_cmpuint (count_type (&bundle, "x-dossier-threat-screen"), ==, 1);
  g_assert_cmpuint (count_type (&bundle, "report"), ==, 1);

  /* The report comes first and names every other object, each once. */
  report = json_array_get_object_element (bundle.objects, 0);
  g_assert_cmpstr (json_object_get_string_member (report, "type"), ==, "report");
  /* UUIDv5 of "sony-pictures-2014" in Dossier's namespace (Python's
   * uuid.uuid5 gives the same). */
  g_assert_cmpstr (json_object_get_string_member (report, "id"), ==,
                   "report--735de306-70d3-5f11-84cb-a7358e7cec2f");
  g_assert_cmpstr (json_object_get_string_member (report, "name"), ==, "The Sony Pictures hack, November 2014");
  g_assert_cmpstr (json_object_get_string_member (report, "published"), ==, "2026-11-27T00:00:00.000Z");
  refs = json_object_get_array_member (report, "object_refs");
  g_assert_cmpuint (json_array_get_length (refs), ==, json_array_get_length (bundle.objects) - 1);
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      const char *ref = json_array_get_string_element (refs, i);

      g_assert_nonnull (g_hash_table_lookup (bundle.by_id, ref));
      g_assert_cmpstr (ref, !=, json_object_get_string_member (report, "id"));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (ref, !=, json_array_get_string_element (refs, j));
    }

  bundle_clear (&bundle);
}

static void
test_stix_same_bytes (void)
{
  g_autoptr(DossierCase) first = load_sample ();
  g_autoptr(DossierCase) second = load_sample ();
  g_autoptr(GBytes) a = export_bytes (first, DOSSIER_INTERCHANGE_STIX);
  g_autoptr(GBytes) b = export_bytes (second, DOSSIER_INTERCHANGE_STIX);
  Bundle bundle = { 0 };

  /* Loaded twice, exported twice: the same ids, the same bytes, and the
   * times are the case's own, not the clock's. */
  g_assert_true (g_bytes_equal (a, b));

  bundle_load (&bundle, first);
  for (guint i = 0; i < json_array_get_length (bundle.objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle.objects, i);

      g_assert_cmpstr (json_object_get_string_member (object, "spec_version"), ==, "2.1");
      g_assert_cmpstr (json_object_get_string_member (object, "created"), ==, "2026-11-27T00:00:00.000Z");
      g_assert_cmpstr (json_object_get_string_member (object, "modified"), ==, "2026-11-27T00:00:00.000Z");
    }
  bundle_clear (&bundle);
}

static void
test_stix_note_about (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  Bundle bundle = { 0 };
  JsonObject *note;
  JsonArray *refs;
  JsonObject *target;

  bundle_load (&bundle, dcase);

  /* about="variety-sources variety": the source, then the paper. */
  note = find_dossier (&bundle, "note", "note-variety-relay");
  g_assert_cmpstr (json_object_get_string_member (note, "abstract"), ==, "Variety's sources reach us second-hand");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (note, "authors"), 0), ==,
                   "Source reviewer");
  refs = json_object_get_array_member (note, "object_refs");
  g_assert_cmpuint (json_array_get_length (refs), ==, 2);
  target = g_hash_table_lookup (bundle.by_id, json_array_get_string_element (refs, 0));
  g_assert_nonnull (target);
  g_assert_cmpstr (json_object_get_string_member (target, "type"), ==, "x-dossier-source");
  g_assert_cmpstr (json_object_get_string_member (target, "x_dossier_id"), ==, "variety-sources");
  target = g_hash_table_lookup (bundle.by_id, json_array_get_string_element (refs, 1));
  g_assert_nonnull (target);
  g_assert_cmpstr (json_object_get_string_member (target, "type"), ==, "identity");
  g_assert_cmpstr (json_object_get_string_member (target, "name"), ==, "Variety");
  g_assert_cmpstr (json_object_get_string_member (target, "identity_class"), ==, "organization");

  /* about a hypothesis: the relationship that carries it. */
  note = find_dossier (&bundle, "note", "note-ransom");
  refs = json_object_get_array_member (note, "object_refs");
  target = g_hash_table_lookup (bundle.by_id, json_array_get_string_element (refs, 1));
  g_assert_cmpstr (json_object_get_string_member (target, "type"), ==, "relationship");
  g_assert_cmpstr (json_object_get_string_member (target, "x_dossier_id"), ==, "h-north-korea");

  bundle_clear (&bundle);
}

static void
test_stix_attribution (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  Bundle bundle = { 0 };
  JsonObject *relationship;
  JsonObject *actor;
  JsonObject *campaign;
  JsonArray *references;
  gboolean found_fbi = FALSE;

  bundle_load (&bundle, dcase);

  relationship = find_dossier (&bundle, "relationship", "h-north-korea");
  campaign = find_type (&bundle, "campaign");
  g_assert_cmpstr (json_object_get_string_member (relationship, "relationship_type"), ==, "attributed-to");
  g_assert_cmpstr (json_object_get_string_member (relationship, "source_ref"), ==,
                   json_object_get_string_member (campaign, "id"));
  /* alleged -> 50 (docs/interchange.md). */
  g_assert_cmpint (json_object_get_int_member (relationship, "confidence"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (relationship, "x_dossier_certainty"), ==, "alleged");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (relationship, "x_dossier_evidence")), ==, 7);

  actor = g_hash_table_lookup (bundle.by_id, json_object_get_string_member (relationship, "target_ref"));
  g_assert_cmpstr (json_object_get_string_member (actor, "type"), ==, "threat-actor");
  g_assert_cmpstr (json_object_get_string_member (actor, "name"), ==, "North Korea");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (actor, "threat_actor_types"), 0), ==,
                   "nation-state");

  /* The campaign is the breach: first seen on the day it was discovered. */
  g_assert_cmpstr (json_object_get_string_member (campaign, "name"), ==, "Breach of Sony Pictures");
  g_assert_cmpstr (json_object_get_string_member (campaign, "first_seen"), ==, "2014-11-24T00:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (campaign, "x_dossier_discovered_date"), ==, "2014-11-24");

  /* The sources the statement and the evidence cite, with the FBI's
   * address and grades. */
  references = json_object_get_array_member (relationship, "external_references");
  for (guint i = 0; i < json_array_get_length (references); i++)
    {
      JsonObject *reference = json_array_get_object_element (references, i);

      if (g_str_equal (json_object_get_string_member (reference, "source_name"), "Update on Sony Investigation"))
        {
          found_fbi = TRUE;
          g_assert_cmpstr (json_object_get_string_member (reference, "url"), ==,
                           "https://www.fbi.gov/news/press-releases/update-on-sony-investigation");
          g_assert_cmpstr (json_object_get_string_member (reference, "x_dossier_reliability"), ==, "A");
          g_assert_cmpint (json_object_get_int_member (reference, "x_dossier_credibility"), ==, 2);
          g_assert_cmpstr (json_object_get_string_member (reference, "external_id"), ==,
                           "dossier:sony-pictures-2014:fbi-update");
        }
      else if (i == 0)
        {
          /* The article cited first; it has no address. */
          g_assert_cmpstr (json_object_get_string_member (reference, "external_id"), ==,
                           "dossier:sony-pictures-2014:article");
          g_assert_false (json_object_has_member (reference, "url"));
        }
    }
  g_assert_true (found_fbi);

  bundle_clear (&bundle);
}

static void
test_stix_dates (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  Bundle bundle = { 0 };
  JsonObject *object;

  bundle_load (&bundle, dcase);

  /* An interval starts at its start; the EDTF stays beside it. */
  object = find_dossier (&bundle, "x-dossier-event", "ev-investigation");
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2014-11-24T00:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "x_dossier_date"), ==, "2014-11-24/2014-12-07");
  g_assert_cmpint (json_object_get_int_member (object, "confidence"), ==, 70);

  /* Summer 2014 starts on 21 June. */
  object = find_dossier (&bundle, "x-dossier-reaction", "r-un-letter");
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2014-06-21T00:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "x_dossier_date"), ==, "2014-22");

  /* An instant keeps its time. */
  object = find_type (&bundle, "x-dossier-threat-screen");
  g_assert_cmpstr (json_object_get_string_member (object, "deadline"), ==, "2014-11-24T23:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "x_dossier_deadline_date"), ==, "2014-11-24T23:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Hacked By #GOP");

  /* "About 1 December 2014". */
  object = find_dossier (&bundle, "x-dossier-source", "article");
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==, "2014-12-01T00:00:00.000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "x_dossier_published_date"), ==, "2014-12-01~");

  bundle_clear (&bundle);
}

/* The names of the hostile fixture (bidi controls, markup, quotes) come
 * back from the JSON exactly as the model holds them: escaped, never
 * interpreted. */
static void
test_stix_hostile_text (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("hostile-text.case.xml");
  GListModel *entities = dossier_case_get_entities (dcase);
  Bundle bundle = { 0 };

  bundle_load (&bundle, dcase);
  g_assert_cmpuint (g_list_model_get_n_items (entities), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      const char *id = dossier_entity_get_id (entity);
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (bundle.objects); j++)
        {
          JsonObject *object = json_array_get_object_element (bundle.objects, j);

          if (g_strcmp0 (json_object_get_string_member_with_default (object, "x_dossier_id", NULL), id) == 0)
            {
              g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, dossier_entity_get_name (entity));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
  bundle_clear (&bundle);
}

static JsonObject *
csl_item (JsonArray  *items,
          const char *id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), id))
        return item;
    }
  g_assert_not_reached ();
}

static void
assert_date_parts (JsonObject *date,
                   int         year,
                   int         month,
                   int         day)
{
  JsonArray *parts = json_array_get_array_element (json_object_get_array_member (date, "date-parts"), 0);
  int expected[] = { year, month, day };
  guint n = day > 0 ? 3 : month > 0 ? 2 : 1;

  g_assert_cmpuint (json_array_get_length (parts), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (json_array_get_int_element (parts, i), ==, expected[i]);
}

static void
test_csl_sample (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(JsonNode) root = export_json (dcase, DOSSIER_INTERCHANGE_CSL_JSON);
  JsonArray *items = json_node_get_array (root);
  JsonObject *item;
  JsonObject *issued;

  g_assert_cmpuint (json_array_get_length (items), ==, 7);

  /* 2014-12-01~: about 1 December 2014. */
  item = csl_item (items, "article");
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "article-newspaper");
  issued = json_object_get_object_member (item, "issued");
  assert_date_parts (issued, 2014, 12, 1);
  g_assert_true (json_object_get_boolean_member (issued, "circa"));
  g_assert_true (strstr (json_object_get_string_member (item, "note"),
                         "reliability F (reliability cannot be judged); credibility 3 (possibly true)") != NULL);
  g_assert_false (json_object_has_member (item, "URL"));

  /* A letter by a person, dated exactly. */
  item = csl_item (items, "un-letter");
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "personal_communication");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (item, "author"), 0),
                                                  "literal"), ==, "Ja Song Nam");
  issued = json_object_get_object_member (item, "issued");
  assert_date_parts (issued, 2014, 6, 27);
  g_assert_false (json_object_has_member (issued, "circa"));

  /* 2014-07?: uncertain month, with its address. */
  item = csl_item (items, "thewrap");
  issued = json_object_get_object_member (item, "issued");
  assert_date_parts (issued, 2014, 7, 0);
  g_assert_true (json_object_get_boolean_member (issued, "circa"));
  g_assert_cmpstr (json_object_get_string_member (item, "URL"), ==,
                   "https://www.thewrap.com/seth-rogens-the-interview-blasted-by-north-korea-in-un-complaint/");
  g_assert_cmpstr (json_object_get_string_member (item, "container-title"), ==, "TheWrap");

  /* An agency's press release: the agency is the author. */
  item = csl_item (items, "fbi-update");
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "report");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (item, "author"), 0),
                                                  "literal"), ==, "FBI National Press Office");
}

static void
test_csl_seasons (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  g_autoptr(JsonNode) root = export_json (dcase, DOSSIER_INTERCHANGE_CSL_JSON);
  JsonArray *items = json_node_get_array (root);
  guint seasons = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *issued = json_object_get_object_member (item, "issued");

      if (issued != NULL && json_object_has_member (issued, "season"))
        {
          /* A season is its year and its number, 1 (spring) to 4. */
          seasons++;
          g_assert_cmpint (json_object_get_int_member (issued, "season"), >=, 1);
          g_assert_cmpint (json_object_get_int_member (issued, "season"), <=, 4);
          g_assert_cmpuint (json_array_get_length (json_array_get_array_element (
                              json_object_get_array_member (issued, "date-parts"), 0)), ==, 1);
        }
    }
  g_assert_cmpuint (seasons, >, 0);
}

/* The dates of a case, counted through the model. */
static guint
count_dates (DossierCase *dcase)
{
  GListModel *models[] = { dossier_case_get_sources (dcase), dossier_case_get_reactions (dcase),
                           dossier_case_get_releases (dcase), dossier_case_get_events (dcase),
                           dossier_case_get_notes (dcase) };
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);
  guint n = dossier_case_get_updated (dcase) != NULL;

  if (breach != NULL)
    n += (dossier_breach_get_began (breach) != NULL) + (dossier_breach_get_discovered (breach) != NULL) +
         (dossier_breach_get_disclosed (breach) != NULL);
  if (screen != NULL)
    n += (dossier_threat_screen_get_shown (screen) != NULL) + (dossier_threat_screen_get_deadline (screen) != NULL);

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(GObject) object = g_list_model_get_item (models[m], i);

        if (DOSSIER_IS_SOURCE (object))
          n += (dossier_source_get_published (DOSSIER_SOURCE (object)) != NULL) +
               (dossier_source_get_accessed (DOSSIER_SOURCE (object)) != NULL);
        else if (DOSSIER_IS_RELEASE (object))
          n += 1 + (dossier_release_get_announced (DOSSIER_RELEASE (object)) != NULL);
        else if (DOSSIER_IS_NOTE (object))
          n += dossier_note_get_created (DOSSIER_NOTE (object)) != NULL;
        else
          n++;
      }

  return n;
}

static void
test_timesketch_sample (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(GBytes) bytes = export_bytes (dcase, DOSSIER_INTERCHANGE_TIMESKETCH);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  gint64 previous = G_MININT64;

  /* updated, 4 sources published, discovered, shown and deadline, 2
   * reactions, 2 releases, 2 events, 15 notes. */
  g_assert_cmpuint (count_dates (dcase), ==, 29);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  g_assert_cmpuint (n_lines - 1, ==, count_dates (dcase));

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (lines[i], &error);
      JsonObject *event;

      g_assert_no_error (error);
      event = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (event, "message"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (event, "timestamp_desc"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (event, "case_id"), ==, "sony-pictures-2014");
      g_assert_cmpint (json_object_get_int_member (event, "timestamp"), >=, previous);
      previous = json_object_get_int_member (event, "timestamp");

      if (i == 0)
        {
          /* Summer 2014 (uncertain) sorts first; of two reactions on the
           * same day, the id decides. */
          g_assert_cmpstr (json_object_get_string_member (event, "datetime"), ==, "2014-06-21T00:00:00+00:00");
          g_assert_cmpstr (json_object_get_string_member (event, "item_id"), ==, "r-kcna-statement");
          g_assert_cmpstr (json_object_get_string_member (event, "edtf_date"), ==, "2014-22?");
          g_assert_cmpstr (json_object_get_string_member (event, "date_precision"), ==, "season");
          g_assert_cmpstr (json_object_get_string_member (event, "certainty"), ==, "reported");
          g_assert_cmpstr (json_object_get_string_member (event, "section"), ==, "reactions");
          g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (event, "sources"), 0), ==,
                           "Statement of a Foreign Ministry spokesman carried by KCNA, as quoted by the article");
        }
    }
}

static void
test_timesketch_csv (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(GBytes) bytes = export_bytes (dcase, DOSSIER_INTERCHANGE_TIMESKETCH_CSV);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) records = g_strsplit (text, "\r\n", -1);

  /* A header, one record an event, CRLF after each. */
  g_assert_true (g_str_has_prefix (text, "message,datetime,timestamp_desc,timestamp,case_id,section,item_id,"));
  g_assert_cmpuint (g_strv_length (records), ==, 1 + 29 + 1);
  g_assert_cmpstr (records[30], ==, "");
  /* The sources' titles hold commas: the field is quoted. */
  g_assert_true (g_str_has_suffix (records[1],
                                   ",\"Statement of a Foreign Ministry spokesman carried by KCNA, as quoted by the "
                                   "article; North Korea And Kim Jong-un Might Be Kind Of Pissed About “The Interview,” "
                                   "Behind Sony Hack\""));
}

static void
test_cancelled (void)
{
  g_autoptr(DossierCase) dcase = load_sample ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_cancellable_cancel (cancellable);
  bytes = dossier_interchange_to_bytes (dcase, DOSSIER_INTERCHANGE_STIX, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (bytes);
}

static void
test_minimal_case (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("minimal.case.xml");
  Bundle bundle = { 0 };
  JsonObject *report;
  g_autoptr(JsonNode) csl = export_json (dcase, DOSSIER_INTERCHANGE_CSL_JSON);
  g_autoptr(GBytes) events = export_bytes (dcase, DOSSIER_INTERCHANGE_TIMESKETCH);
  g_autofree char *name = dossier_interchange_suggest_filename (dcase, DOSSIER_INTERCHANGE_STIX);

  /* A case with nothing but a title: the report still names an object
   * (the case's own), dated at the epoch, never at the time of export. */
  bundle_load (&bundle, dcase);
  report = json_array_get_object_element (bundle.objects, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "object_refs")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "published"), ==, "1970-01-01T00:00:00.000Z");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl)), ==, 0);
  g_assert_cmpuint (g_bytes_get_size (events), ==, 0);
  g_assert_cmpstr (name, ==, "Minimal-case.stix.json");
  bundle_clear (&bundle);
}

/* A case with many notes is written by several threads; the notes still
 * come in file order, each once, and the bytes do not change from one
 * export to the next. The case is built here, the same every time. */
static void
test_stix_many_notes (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"many\">\n"
                               "<title>Many notes</title><updated>2020-01-02</updated>\n"
                               "<entities><entity id=\"e\" kind=\"person\"><name>E</name></entity></entities>\n"
                               "<sources><source id=\"s\" kind=\"press\"><title>S</title></source></sources>\n"
                               "<notes>\n");
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  Bundle bundle = { 0 };
  guint seen = 0;
  const guint n_notes = 10000;

  for (guint i = 0; i < n_notes; i++)
    g_string_append_printf (xml, "<note id=\"n%05u\" created=\"2019-%02u-%02u\" about=\"e\"><title>Note %u</title>"
                                 "<p>Text %u<cite ref=\"s\" at=\"p. %u\"/>.</p></note>\n",
                            i, 12 - i % 12, 1 + i % 28, i, i, i);
  g_string_append (xml, "</notes></case>\n");
  input = g_string_free_to_bytes (xml);
  dcase = dossier_case_load_bytes (input, "many.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  first = export_bytes (dcase, DOSSIER_INTERCHANGE_STIX);
  second = export_bytes (dcase, DOSSIER_INTERCHANGE_STIX);
  g_assert_true (g_bytes_equal (first, second));

  bundle_load (&bundle, dcase);
  for (guint i = 0; i < json_array_get_length (bundle.objects); i++)
    {
      JsonObject *object = json_array_get_object_element (bundle.objects, i);
      g_autofree char *id = NULL;
      g_autofree char *at = NULL;
      JsonArray *citation;

      if (!g_str_equal (json_object_get_string_member (object, "type"), "note"))
        continue;
      id = g_strdup_printf ("n%05u", seen);
      at = g_strdup_printf ("p. %u", seen);
      g_assert_cmpstr (json_object_get_string_member (object, "x_dossier_id"), ==, id);
      citation = json_array_get_array_element (json_object_get_array_member (object, "x_dossier_citations"), 0);
      g_assert_cmpstr (json_array_get_string_element (citation, 1), ==, at);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "external_references")), ==, 1);
      seen++;
    }
  g_assert_cmpuint (seen, ==, n_notes);
  bundle_clear (&bundle);

  /* The Timesketch events, written by several threads too: one a note
   * and one for the case, in order of time then id, the same twice. */
  {
    g_autoptr(GBytes) events = export_bytes (dcase, DOSSIER_INTERCHANGE_TIMESKETCH);
    g_autoptr(GBytes) again = export_bytes (dcase, DOSSIER_INTERCHANGE_TIMESKETCH);
    g_autofree char *text = g_strndup (g_bytes_get_data (events, NULL), g_bytes_get_size (events));
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *previous = g_strdup ("");

    g_assert_true (g_bytes_equal (events, again));
    g_assert_cmpuint (g_strv_length (lines), ==, n_notes + 1 + 1);
    for (guint i = 0; i < n_notes + 1; i++)
      {
        g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
        JsonObject *event = json_node_get_object (node);
        g_autofree char *key = g_strdup_printf ("%s %s", json_object_get_string_member (event, "datetime"),
                                                json_object_get_string_member (event, "item_id"));

        g_assert_cmpstr (previous, <, key);
        g_free (previous);
        previous = g_steal_pointer (&key);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interchange/format-names", test_format_names);
  g_test_add_func ("/interchange/stix/sample-objects", test_stix_sample_objects);
  g_test_add_func ("/interchange/stix/same-bytes-twice", test_stix_same_bytes);
  g_test_add_func ("/interchange/stix/note-about", test_stix_note_about);
  g_test_add_func ("/interchange/stix/attribution", test_stix_attribution);
  g_test_add_func ("/interchange/stix/dates", test_stix_dates);
  g_test_add_func ("/interchange/stix/hostile-text", test_stix_hostile_text);
  g_test_add_func ("/interchange/stix/minimal-case", test_minimal_case);
  g_test_add_func ("/interchange/stix/many-notes-in-order", test_stix_many_notes);
  g_test_add_func ("/interchange/csl/sample", test_csl_sample);
  g_test_add_func ("/interchange/csl/seasons", test_csl_seasons);
  g_test_add_func ("/interchange/timesketch/sample", test_timesketch_sample);
  g_test_add_func ("/interchange/timesketch/csv", test_timesketch_csv);
  g_test_add_func ("/interchange/cancelled", test_cancelled);

  return g_test_run ();
}
