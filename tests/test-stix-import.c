/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dossier-case-open.h"
#include "dossier-core.h"
#include "dossier-interchange.h"
#include "dossier-stix-import.h"

/* A STIX 2.1 bundle read as a case, and opened through the one door every
 * file opens by (dossier_case_open_file): the sample survives a round trip through STIX for every part that has a
 * STIX home, the public examples open, and hostile JSON is refused with
 * FILE:LINE:COLUMN before json-glib parses it. */

static DossierCase *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases",
                                                 "sony-pictures-2014.case.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierCase *dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dcase;
}

static DossierCase *
import_bytes (GBytes *json)
{
  g_autoptr(GError) error = NULL;
  DossierCase *dcase = dossier_stix_import (json, "bundle.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  return dcase;
}

static char *
refused (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = dossier_stix_import (bytes, "bad.json", NULL, &error);

  g_assert_null (dcase);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  return g_strdup (error->message);
}

static void
test_round_trip_sample (void)
{
  g_autoptr(DossierCase) original = load_sample ();
  g_autoptr(GBytes) json = dossier_interchange_to_bytes (original, DOSSIER_INTERCHANGE_STIX, NULL, NULL);
  g_autoptr(DossierCase) again = import_bytes (json);
  GListModel *entities = dossier_case_get_entities (original);
  GListModel *sources = dossier_case_get_sources (original);
  GListModel *notes = dossier_case_get_notes (original);
  GListModel *events = dossier_case_get_events (original);

  g_assert_cmpstr (dossier_case_get_id (again), ==, "sony-pictures-2014");
  g_assert_cmpstr (dossier_case_get_display_title (again), ==, dossier_case_get_display_title (original));
  g_assert_cmpstr (dossier_date_get_text (dossier_case_get_updated (again)), ==, "2026-11-27");
  /* Every entity mentioned, every source cited. Citations come back at
   * the end of the text they were in, so the first paragraphs of the
   * breach and of reactions lose theirs: the only warnings left say so. */
  for (guint i = 0; i < dossier_case_get_warnings (again)->len; i++)
    {
      DossierProblem *problem = g_ptr_array_index (dossier_case_get_warnings (again), i);

      g_assert_true (problem->section == DOSSIER_SECTION_BREACH || problem->section == DOSSIER_SECTION_REACTIONS);
      g_assert_true (g_str_has_suffix (problem->message, "cites no source"));
    }
  g_assert_cmpuint (dossier_case_get_warnings (again)->len, <=, 5);

  /* The threat screen, the reactions and the release history. */
  {
    DossierThreatScreen *screen = dossier_case_get_threat_screen (again);
    g_autofree char *headline = NULL;

    g_assert_nonnull (screen);
    headline = dossier_inline_to_plain (dossier_threat_screen_get_headline (screen));
    g_assert_cmpstr (headline, ==, "Hacked By #GOP");
    g_assert_cmpstr (dossier_threat_screen_get_sender (screen), ==, "gop");
    g_assert_cmpstr (dossier_date_get_text (dossier_threat_screen_get_deadline (screen)), ==, "2014-11-24T23:00Z");
    g_assert_cmpuint (dossier_threat_screen_get_shown_links (screen)->len, ==, 1);
    g_assert_cmpstr (((DossierShownLink *) g_ptr_array_index (dossier_threat_screen_get_shown_links (screen), 0))->href,
                     ==, "https://links.not-recorded.invalid/");
    g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_reactions (again)), ==,
                      g_list_model_get_n_items (dossier_case_get_reactions (original)));
    g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_releases (again)), ==,
                      g_list_model_get_n_items (dossier_case_get_releases (original)));
    g_assert_cmpstr (dossier_case_get_release_work (again), ==, "the-interview");
  }

  /* The breach: victim, claimed-by, dates, and the attribution with its
   * evidence. */
  {
    DossierBreach *breach = dossier_case_get_breach (again);
    DossierBreach *before = dossier_case_get_breach (original);
    GListModel *hypotheses;

    g_assert_nonnull (breach);
    g_assert_cmpstr (dossier_breach_get_victim (breach), ==, "sony-pictures");
    g_assert_cmpstr (dossier_breach_get_claimed_by (breach), ==, "gop");
    g_assert_cmpstr (dossier_date_get_text (dossier_breach_get_discovered (breach)), ==, "2014-11-24");
    g_assert_cmpuint (dossier_breach_get_summary (breach)->len, ==, dossier_breach_get_summary (before)->len);
    g_assert_cmpuint (dossier_breach_get_exposed (breach)->len, ==, dossier_breach_get_exposed (before)->len);
    hypotheses = dossier_breach_get_hypotheses (breach);
    g_assert_cmpuint (g_list_model_get_n_items (hypotheses), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(DossierHypothesis) back = g_list_model_get_item (hypotheses, i);
        g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (dossier_breach_get_hypotheses (before), i);

        g_assert_cmpstr (dossier_hypothesis_get_id (back), ==, dossier_hypothesis_get_id (hypothesis));
        g_assert_cmpstr (dossier_hypothesis_get_actor (back), ==, dossier_hypothesis_get_actor (hypothesis));
        g_assert_cmpint (dossier_hypothesis_get_certainty (back), ==, dossier_hypothesis_get_certainty (hypothesis));
        g_assert_cmpuint (dossier_hypothesis_get_evidence (back)->len, ==,
                          dossier_hypothesis_get_evidence (hypothesis)->len);
      }
  }

  /* Every entity, with its id, kind, name and aliases. */
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      DossierEntity *back = dossier_case_get_entity (again, dossier_entity_get_id (entity));

      g_assert_nonnull (back);
      g_assert_cmpstr (dossier_entity_get_name (back), ==, dossier_entity_get_name (entity));
      g_assert_cmpint (dossier_entity_get_kind (back), ==, dossier_entity_get_kind (entity));
      g_assert_cmpstr (dossier_entity_get_role (back), ==, dossier_entity_get_role (entity));
      /* Mentioned somewhere again: the names in the texts are linked. */
      g_assert_cmpuint (dossier_entity_get_mentions (back)->len, >, 0);
      g_assert_cmpuint (g_strv_length ((char **) dossier_entity_get_aliases (back)), ==,
                        g_strv_length ((char **) dossier_entity_get_aliases (entity)));
    }

  /* Every source, with its grades, dates and address. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_sources (again)), ==, g_list_model_get_n_items (sources));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      DossierSource *back = dossier_case_get_source (again, dossier_source_get_id (source));
      g_autofree char *title = dossier_inline_to_plain (dossier_source_get_title (source));
      g_autofree char *back_title = NULL;

      g_assert_nonnull (back);
      back_title = dossier_inline_to_plain (dossier_source_get_title (back));
      g_assert_cmpstr (back_title, ==, title);
      g_assert_cmpint (dossier_source_get_kind (back), ==, dossier_source_get_kind (source));
      g_assert_cmpint (dossier_source_get_reliability (back), ==, dossier_source_get_reliability (source));
      g_assert_cmpuint (dossier_source_get_credibility (back), ==, dossier_source_get_credibility (source));
      g_assert_cmpstr (dossier_source_get_url (back), ==, dossier_source_get_url (source));
      if (dossier_source_get_published (source) != NULL)
        g_assert_cmpstr (dossier_date_get_text (dossier_source_get_published (back)), ==,
                         dossier_date_get_text (dossier_source_get_published (source)));
    }

  /* Every note: title, date, author, tags and what it is about. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_notes (again)), ==, g_list_model_get_n_items (notes));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      DossierNote *back = DOSSIER_NOTE (dossier_case_lookup (again, dossier_note_get_id (note)));
      g_autofree char *title = dossier_inline_to_plain (dossier_note_get_title (note));
      g_autofree char *back_title = NULL;
      const char * const *about = dossier_note_get_about (note);
      guint kept = 0;

      g_assert_nonnull (back);
      back_title = dossier_inline_to_plain (dossier_note_get_title (back));
      g_assert_cmpstr (back_title, ==, title);
      g_assert_cmpstr (dossier_note_get_author (back), ==, dossier_note_get_author (note));
      g_assert_cmpstr (dossier_date_get_text (dossier_note_get_created (back)), ==,
                       dossier_date_get_text (dossier_note_get_created (note)));
      g_assert_cmpuint (g_strv_length ((char **) dossier_note_get_tags (back)), ==,
                        g_strv_length ((char **) dossier_note_get_tags (note)));
      for (guint j = 0; about[j] != NULL; j++)
        {
          GObject *target = dossier_case_lookup (original, about[j]);

          if (DOSSIER_IS_ENTITY (target) || DOSSIER_IS_SOURCE (target) || DOSSIER_IS_NOTE (target) ||
              DOSSIER_IS_EVENT (target) || DOSSIER_IS_HYPOTHESIS (target) || DOSSIER_IS_REACTION (target))
            g_assert_cmpstr (dossier_note_get_about (back)[kept++], ==, about[j]);
        }
    }

  /* The events, with their EDTF dates and certainty. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      DossierEvent *back = DOSSIER_EVENT (dossier_case_lookup (again, dossier_event_get_id (event)));

      g_assert_nonnull (back);
      g_assert_cmpstr (dossier_date_get_text (dossier_event_get_date (back)), ==,
                       dossier_date_get_text (dossier_event_get_date (event)));
      g_assert_cmpint (dossier_event_get_certainty (back), ==, dossier_event_get_certainty (event));
    }
}

static void
test_public_examples (void)
{
  const char *names[] = {
    "indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
    "indicators-for-C2-with-COA.json", "infrastructure.json",
    "malicious-email-indicator-with-attachment.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "interop", "stix-2.1", "examples", names[i], NULL);
      g_autoptr(GBytes) json = NULL;
      g_autoptr(DossierCase) dcase = NULL;
      char *data;
      gsize size;

      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      json = g_bytes_new_take (data, size);
      dcase = import_bytes (json);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (dcase)), >, 0);
      /* They open without warnings: every entity is mentioned, every
       * source cited. */
      g_assert_cmpuint (dossier_case_get_warnings (dcase)->len, ==, 0);
    }
}

static void
test_indicator_pattern_is_text (void)
{
  const char *json =
    "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":["
    "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
    "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\","
    "\"name\":\"<script>alert(1)</script>\",\"pattern\":\"[file:name = 'x\\u0007y']\",\"pattern_type\":\"stix\","
    "\"valid_from\":\"2016-01-01T00:00:00Z\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(DossierCase) dcase = import_bytes (bytes);
  g_autoptr(DossierEntity) entity = g_list_model_get_item (dossier_case_get_entities (dcase), 0);
  g_autofree char *description = dossier_blocks_to_plain (dossier_entity_get_description (entity));

  /* Markup stays text; a control character becomes a space. */
  g_assert_cmpstr (dossier_entity_get_name (entity), ==, "<script>alert(1)</script>");
  g_assert_cmpstr (description, ==, "Pattern (stix): [file:name = 'x y']");
  g_assert_cmpstr (dossier_entity_get_role (entity), ==, "indicator");
}

static void
test_hostile_json (void)
{
  GString *deep = g_string_new ("{\"type\":\"bundle\",\"objects\":[");
  char *message;

  /* 64 levels are fine, the 65th is refused where it opens: column 91
   * (28 characters, then the 63rd bracket). */
  for (guint i = 0; i < 70; i++)
    g_string_append_c (deep, '[');
  message = refused (deep->str);
  g_assert_cmpstr (message, ==, "bad.json:1:91: error: nesting deeper than 64 levels");
  g_string_free (deep, TRUE);
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\n \"type\":\"bundle\",\"objects\":[]}");
  g_assert_cmpstr (message, ==, "bad.json:2:2: error: the member “type” appears twice in one object");
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\"objects\":[\n{\"type\":\"x\xff\"}]}");
  g_assert_cmpstr (message, ==, "bad.json:2:11: error: the file is not valid UTF-8");
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\n\"objects\":[{\"type\":\"note\"");
  g_assert_true (g_str_has_prefix (message, "bad.json:2:"));
  g_assert_true (strstr (message, ": error: ") != NULL);
  g_free (message);

  message = refused ("");
  g_assert_true (g_str_has_prefix (message, "bad.json:1:"));
  g_free (message);

  message = refused ("[1, 2, 3]");
  g_assert_cmpstr (message, ==,
                   "bad.json:1:1: error: not a STIX bundle (an object with \"type\": \"bundle\" and \"objects\")");
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\"objects\":[{\"type\":\"identity\",\"name\":\"A\"}]}");
  g_assert_cmpstr (message, ==, "bad.json: error: objects[0] (no id) lacks the required property “id”");
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\"objects\":[{\"type\":\"identity\",\"id\":\"identity--1\"},"
                     "{\"type\":\"identity\",\"id\":\"identity--1\"}]}");
  g_assert_cmpstr (message, ==, "bad.json: error: the id identity--1 is used by two objects");
  g_free (message);

  message = refused ("{\"type\":\"bundle\",\"objects\":[{\"type\":\"identity\",\"id\":\"../../etc\"}]}");
  g_assert_cmpstr (message, ==, "bad.json: error: objects[0] has the malformed id “../../etc”");
  g_free (message);
}

/* Huge numbers and unknown types are not errors: the numbers are never
 * used as sizes, unknown objects are left out. */
static void
test_tolerated (void)
{
  const char *json =
    "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
    "{\"type\":\"x-unknown-thing\",\"id\":\"x-unknown-thing--1\",\"size\":1e999999},"
    "{\"type\":\"identity\",\"id\":\"identity--2\",\"name\":\"Someone\",\"confidence\":123456789012345678901234567890}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(DossierCase) dcase = import_bytes (bytes);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (dcase)), ==, 1);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cases", "stix", name, NULL);
}

static DossierCase *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_case_open_file (file, NULL, NULL, NULL, NULL, NULL, error);
}

/* A file named as it likes, holding @from's bytes, in a fresh folder. */
static char *
copy_as (const char *from,
         const char *folder,
         const char *name)
{
  g_autofree char *data = NULL;
  char *to = g_build_filename (folder, name, NULL);
  gsize size;

  g_assert_true (g_file_get_contents (from, &data, &size, NULL));
  g_assert_true (g_file_set_contents (to, data, size, NULL));
  return to;
}

static void
test_open_sniffs_content (void)
{
  g_autofree char *folder = g_dir_make_tmp ("dossier-open-XXXXXX", NULL);
  g_autofree char *bundle = g_test_build_filename (G_TEST_DIST, "interop", "stix-2.1", "examples",
                                                   "infrastructure.json", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "cases",
                                                   "sony-pictures-2014.case.xml", NULL);
  g_autofree char *bundle_as_xml = copy_as (bundle, folder, "bundle.case.xml");
  g_autofree char *case_as_json = copy_as (sample, folder, "case.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) from_bundle = NULL;
  g_autoptr(DossierCase) from_case = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_cmpint (dossier_case_file_sniff ("\xef\xbb\xbf \r\n\t{", 8), ==, DOSSIER_CASE_FILE_STIX);
  g_assert_cmpint (dossier_case_file_sniff ("<?xml", 5), ==, DOSSIER_CASE_FILE_XML);
  g_assert_cmpint (dossier_case_file_sniff ("  ", 2), ==, DOSSIER_CASE_FILE_XML);
  g_assert_cmpint (dossier_case_file_sniff (NULL, 0), ==, DOSSIER_CASE_FILE_XML);

  /* The bytes decide, not the name. */
  from_bundle = open_path (bundle_as_xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (from_bundle)), >, 0);
  /* The case knows its file, so that no export writes over it. */
  file = g_file_new_for_path (bundle_as_xml);
  g_assert_true (g_file_equal (dossier_case_get_file (from_bundle), file));

  from_case = open_path (case_as_json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_case_get_id (from_case), ==, "sony-pictures-2014");
  g_assert_cmpuint (dossier_case_get_warnings (from_case)->len, ==, 0);

  g_unlink (bundle_as_xml);
  g_unlink (case_as_json);
  g_rmdir (folder);
}

static void
test_open_public_examples (void)
{
  const char *names[] = {
    "indicator-for-c2-ip-address.json", "indicator-to-campaign-relationship.json",
    "indicators-for-C2-with-COA.json", "infrastructure.json",
    "malicious-email-indicator-with-attachment.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "interop", "stix-2.1", "examples", names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierCase) dcase = open_path (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (dcase)), >, 0);
      g_assert_cmpuint (dossier_case_get_warnings (dcase)->len, ==, 0);
    }
}

static void
test_open_broken_bundle (void)
{
  g_autofree char *path = fixture_path ("truncated.json");
  g_autofree char *expected = g_strdup_printf ("%s:9:1: error: ", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = open_path (path, &error);
  guint n_problems = 0;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierCase) named = NULL;

  g_assert_null (dcase);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID_BUNDLE);
  g_assert_true (g_str_has_prefix (error->message, expected));

  /* Named as the command line names it, with its count. */
  g_clear_error (&error);
  named = dossier_case_open_file (file, "truncated.json", NULL, NULL, NULL, &n_problems, &error);
  g_assert_null (named);
  g_assert_true (g_str_has_prefix (error->message, "truncated.json:9:1: error: "));
  g_assert_cmpuint (n_problems, ==, 1);
}

static void
test_open_several_reports (void)
{
  g_autofree char *path = fixture_path ("several-reports.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = open_path (path, &error);
  GPtrArray *warnings;
  DossierProblem *warning;
  g_autofree char *bytes = NULL;
  g_autofree char *sha256 = NULL;
  gsize size;

  g_assert_no_error (error);
  /* The case names the bundle the reader opened, in an export's footer
   * too: its SHA-256 and size are the bundle's, not those of the case
   * file made from it. */
  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, size);
  g_assert_cmpstr (dossier_case_get_sha256 (dcase), ==, sha256);
  g_assert_cmpuint (dossier_case_get_size (dcase), ==, size);
  /* The first report is the case... */
  g_assert_cmpstr (dossier_case_get_display_title (dcase), ==, "Operation Glass Harbour");
  g_assert_cmpstr (dossier_date_get_text (dossier_case_get_updated (dcase)), ==, "2023-03-01T09:00:00Z");
  /* ...and one warning names the others, in bundle order. */
  warnings = dossier_case_get_warnings (dcase);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->section, ==, DOSSIER_SECTION_OVERVIEW);
  g_assert_cmpstr (warning->message, ==,
                   "the bundle holds 2 more reports, not shown: “Glass Harbour: the loader”, "
                   "“Glass Harbour: infrastructure”");
}

static void
test_relationships_read_as_sentences (void)
{
  g_autofree char *path = fixture_path ("several-reports.json");
  g_autoptr(DossierCase) dcase = open_path (path, NULL);
  DossierEntity *actor = dossier_case_get_entity (dcase, "threat-actor--1a2b3c4d-0000-4000-8000-000000000010");
  DossierEntity *loader = dossier_case_get_entity (dcase, "malware--1a2b3c4d-0000-4000-8000-000000000011");
  DossierEntity *target = dossier_case_get_entity (dcase, "identity--1a2b3c4d-0000-4000-8000-000000000012");
  g_autofree char *said = NULL;
  g_autofree char *loader_said = NULL;
  g_autofree char *summary = NULL;

  g_assert_nonnull (actor);
  said = dossier_blocks_to_plain (dossier_entity_get_description (actor));
  g_assert_cmpstr (said, ==,
                   "Uses GlassLoader\n\n"
                   "Targets Northsea Shipping: through its freight-booking portal\n\n"
                   "Located at Freedonia");
  loader_said = dossier_blocks_to_plain (dossier_entity_get_description (loader));
  g_assert_cmpstr (loader_said, ==, "Attributed to Harbour Crew");
  /* The target's name is a link to it, and since no other way leads to
   * it (the actor's description is reached from the actor), it is named
   * on the overview too. */
  g_assert_cmpuint (dossier_entity_get_mentions (target)->len, ==, 2);
  summary = dossier_blocks_to_plain (dossier_case_get_summary (dcase));
  g_assert_cmpstr (summary, ==,
                   "A spear-phishing campaign against shipping firms.\n\n"
                   "Also in this bundle: Harbour Crew, GlassLoader, Northsea Shipping, Freedonia.");
}

/* The sample exported to a file and opened again through the door shows
 * the same entities, sources, notes and events (their details are
 * checked by /stix-import/round-trip-sample). */
static void
test_open_round_trip_file (void)
{
  g_autoptr(DossierCase) original = load_sample ();
  g_autoptr(GBytes) json = dossier_interchange_to_bytes (original, DOSSIER_INTERCHANGE_STIX, NULL, NULL);
  g_autofree char *folder = g_dir_make_tmp ("dossier-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "sample.stix.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) again = NULL;
  GListModel *lists[][2] = {
    { dossier_case_get_entities (original), NULL },
    { dossier_case_get_sources (original), NULL },
    { dossier_case_get_notes (original), NULL },
    { dossier_case_get_events (original), NULL },
  };

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
  again = open_path (path, &error);
  g_assert_no_error (error);
  lists[0][1] = dossier_case_get_entities (again);
  lists[1][1] = dossier_case_get_sources (again);
  lists[2][1] = dossier_case_get_notes (again);
  lists[3][1] = dossier_case_get_events (again);

  g_assert_cmpstr (dossier_case_get_display_title (again), ==, dossier_case_get_display_title (original));
  g_assert_cmpstr (dossier_date_get_text (dossier_case_get_updated (again)), ==,
                   dossier_date_get_text (dossier_case_get_updated (original)));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_assert_cmpuint (g_list_model_get_n_items (lists[i][1]), ==, g_list_model_get_n_items (lists[i][0]));

  g_unlink (path);
  g_rmdir (folder);
}

typedef struct
{
  GMainLoop   *loop;
  DossierCase *dcase;
  GError      *error;
  GArray      *fractions;
} OpenWait;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  OpenWait *wait = user_data;

  g_array_append_val (wait->fractions, fraction);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenWait *wait = user_data;

  wait->dcase = dossier_case_open_file_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_open_async (void)
{
  g_autofree char *path = fixture_path ("several-reports.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OpenWait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL, g_array_new (FALSE, FALSE, sizeof (double)) };
  double last;

  dossier_case_open_file_async (file, NULL, on_progress, &wait, on_opened, &wait);
  g_main_loop_run (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (dossier_case_get_display_title (wait.dcase), ==, "Operation Glass Harbour");
  g_clear_object (&wait.dcase);
  /* Progress arrives in this thread, rises, and ends at 1. */
  g_assert_cmpuint (wait.fractions->len, >=, 2);
  last = g_array_index (wait.fractions, double, wait.fractions->len - 1);
  g_assert_cmpfloat (last, ==, 1.0);
  for (guint i = 1; i < wait.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (wait.fractions, double, i), >=, g_array_index (wait.fractions, double, i - 1));

  /* Cancelled before it starts: cancelled, in the loader's words. */
  g_cancellable_cancel (cancellable);
  dossier_case_open_file_async (file, cancellable, NULL, NULL, on_opened, &wait);
  g_main_loop_run (wait.loop);
  g_assert_null (wait.dcase);
  g_assert_error (wait.error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_CANCELLED);
  g_clear_error (&wait.error);

  g_main_loop_unref (wait.loop);
  g_array_unref (wait.fractions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stix-import/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/stix-import/public-examples", test_public_examples);
  g_test_add_func ("/stix-import/indicator-pattern-is-text", test_indicator_pattern_is_text);
  g_test_add_func ("/stix-import/hostile-json", test_hostile_json);
  g_test_add_func ("/stix-import/tolerated", test_tolerated);
  g_test_add_func ("/stix-open/sniffs-content", test_open_sniffs_content);
  g_test_add_func ("/stix-open/public-examples", test_open_public_examples);
  g_test_add_func ("/stix-open/broken-bundle", test_open_broken_bundle);
  g_test_add_func ("/stix-open/several-reports", test_open_several_reports);
  g_test_add_func ("/stix-open/relationships-read-as-sentences", test_relationships_read_as_sentences);
  g_test_add_func ("/stix-open/async", test_open_async);
  g_test_add_func ("/stix-open/round-trip-file", test_open_round_trip_file);

  return g_test_run ();
}
