/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-model-builder.h"

/* A text element holding @text (and, when @em is given, an <em> after it),
 * as the loader would build it. */
static DossierInline *
make_text (const char *text,
           const char *em)
{
  DossierInline *root = dossier_inline_new (DOSSIER_INLINE_ROOT);
  DossierInline *run = dossier_inline_new (DOSSIER_INLINE_TEXT);

  run->text = g_strdup (text);
  dossier_inline_append (root, run);

  if (em != NULL)
    {
      DossierInline *emphasis = dossier_inline_new (DOSSIER_INLINE_EM);
      DossierInline *inner = dossier_inline_new (DOSSIER_INLINE_TEXT);

      inner->text = g_strdup (em);
      dossier_inline_append (emphasis, inner);
      dossier_inline_append (root, emphasis);
    }

  return root;
}

static DossierDate *
make_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  DossierDate *date = dossier_date_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (date);

  return date;
}

static DossierEntity *
add_entity (DossierCase       *dcase,
            const char        *id,
            DossierEntityKind  kind,
            const char        *name)
{
  DossierEntity *entity = dossier_entity_new_empty ();

  entity->id = g_strdup (id);
  entity->kind = kind;
  entity->name = g_strdup (name);
  g_list_store_append (dcase->entities, entity);
  g_hash_table_insert (dcase->by_id, entity->id, entity);
  g_object_unref (entity);

  return entity;
}

static DossierSource *
add_source (DossierCase *dcase,
            const char  *id,
            const char  *title)
{
  DossierSource *source = dossier_source_new_empty ();

  source->id = g_strdup (id);
  source->kind = DOSSIER_SOURCE_PRESS;
  source->title = make_text (title, NULL);
  g_list_store_append (dcase->sources, source);
  g_hash_table_insert (dcase->by_id, source->id, source);
  g_object_unref (source);

  return source;
}

static DossierCase *
make_small_case (void)
{
  DossierCase *dcase = dossier_case_new_empty ();
  DossierNote *note = dossier_note_new_empty ();

  dcase->id = g_strdup ("sony-2014");
  add_entity (dcase, "sony", DOSSIER_ENTITY_ORGANIZATION, "Sony Pictures Entertainment");
  add_entity (dcase, "gop", DOSSIER_ENTITY_GROUP, "Guardians of Peace");
  add_source (dcase, "fbi-update", "Update on Sony Investigation");

  note->id = g_strdup ("note-1");
  g_list_store_append (dcase->notes, note);
  g_hash_table_insert (dcase->by_id, note->id, note);
  g_object_unref (note);

  return dcase;
}

static void
test_case_lookup (void)
{
  g_autoptr(DossierCase) dcase = make_small_case ();
  DossierEntity *sony;
  DossierSource *fbi;

  sony = dossier_case_get_entity (dcase, "sony");
  g_assert_nonnull (sony);
  g_assert_cmpstr (dossier_entity_get_id (sony), ==, "sony");
  g_assert_cmpint (dossier_entity_get_kind (sony), ==, DOSSIER_ENTITY_ORGANIZATION);
  g_assert_true (dossier_case_lookup (dcase, "sony") == G_OBJECT (sony));

  fbi = dossier_case_get_source (dcase, "fbi-update");
  g_assert_nonnull (fbi);
  g_assert_cmpstr (dossier_source_get_id (fbi), ==, "fbi-update");

  /* Lookups by kind refuse an id of another kind. */
  g_assert_null (dossier_case_get_source (dcase, "sony"));
  g_assert_null (dossier_case_get_entity (dcase, "fbi-update"));
  g_assert_null (dossier_case_get_entity (dcase, "note-1"));
  g_assert_null (dossier_case_get_source (dcase, "note-1"));
  g_assert_true (DOSSIER_IS_NOTE (dossier_case_lookup (dcase, "note-1")));

  /* Unknown ids, and ids differing only in case, are not found. */
  g_assert_null (dossier_case_lookup (dcase, "missing"));
  g_assert_null (dossier_case_lookup (dcase, "Sony"));
  g_assert_null (dossier_case_lookup (dcase, NULL));
  g_assert_null (dossier_case_get_entity (dcase, "missing"));
  g_assert_null (dossier_case_get_source (dcase, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (dcase)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_sources (dcase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_notes (dcase)), ==, 1);
}

static void
test_case_entity_name (void)
{
  g_autoptr(DossierCase) dcase = make_small_case ();
  DossierEntity *nameless;

  g_assert_cmpstr (dossier_case_get_entity_name (dcase, "gop"), ==, "Guardians of Peace");
  g_assert_cmpstr (dossier_case_get_entity_name (dcase, "sony"), ==, "Sony Pictures Entertainment");
  /* Unknown ids and ids of other kinds fall back to the id itself, never
   * to a source's title. */
  g_assert_cmpstr (dossier_case_get_entity_name (dcase, "unknown-actor"), ==, "unknown-actor");
  g_assert_cmpstr (dossier_case_get_entity_name (dcase, "fbi-update"), ==, "fbi-update");
  g_assert_null (dossier_case_get_entity_name (dcase, NULL));

  nameless = add_entity (dcase, "anon", DOSSIER_ENTITY_PERSON, NULL);
  g_assert_cmpstr (dossier_entity_get_name (nameless), ==, "anon");
  g_assert_cmpstr (dossier_case_get_entity_name (dcase, "anon"), ==, "anon");
}

static void
test_case_empty (void)
{
  g_autoptr(DossierCase) dcase = dossier_case_new_empty ();
  struct
  {
    GListModel *model;
    GType       type;
  } lists[] = {
    { dossier_case_get_entities (dcase),  DOSSIER_TYPE_ENTITY },
    { dossier_case_get_sources (dcase),   DOSSIER_TYPE_SOURCE },
    { dossier_case_get_reactions (dcase), DOSSIER_TYPE_REACTION },
    { dossier_case_get_releases (dcase),  DOSSIER_TYPE_RELEASE },
    { dossier_case_get_events (dcase),    DOSSIER_TYPE_EVENT },
    { dossier_case_get_notes (dcase),     DOSSIER_TYPE_NOTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_assert_nonnull (lists[i].model);
      g_assert_cmpuint (g_list_model_get_n_items (lists[i].model), ==, 0);
      g_assert_true (g_list_model_get_item_type (lists[i].model) == lists[i].type);
    }

  g_assert_nonnull (dossier_case_get_summary (dcase));
  g_assert_cmpuint (dossier_case_get_summary (dcase)->len, ==, 0);
  g_assert_nonnull (dossier_case_get_citations (dcase));
  g_assert_cmpuint (dossier_case_get_citations (dcase)->len, ==, 0);
  g_assert_nonnull (dossier_case_get_warnings (dcase));
  g_assert_cmpuint (dossier_case_get_warnings (dcase)->len, ==, 0);
  g_assert_null (dossier_case_get_breach (dcase));
  g_assert_null (dossier_case_get_threat_screen (dcase));
  g_assert_false (dossier_case_has_release_history (dcase));
  g_assert_null (dossier_case_get_release_work (dcase));
  g_assert_null (dossier_case_get_file (dcase));
  g_assert_cmpint (dossier_case_get_status (dcase), ==, DOSSIER_CASE_STATUS_NONE);
}

static void
test_case_status_label (void)
{
  g_assert_cmpstr (dossier_case_status_get_label (DOSSIER_CASE_STATUS_OPEN), ==, "Open");
  g_assert_cmpstr (dossier_case_status_get_label (DOSSIER_CASE_STATUS_CLOSED), ==, "Closed");
  g_assert_null (dossier_case_status_get_label (DOSSIER_CASE_STATUS_NONE));
}

static void
test_case_display_title (void)
{
  g_autoptr(DossierCase) titled = dossier_case_new_empty ();
  g_autoptr(DossierCase) untitled = dossier_case_new_empty ();
  g_autoptr(DossierCase) bare = dossier_case_new_empty ();

  titled->id = g_strdup ("sony-2014");
  titled->title = make_text ("The Sony Pictures ", "hack");
  g_assert_cmpstr (dossier_case_get_display_title (titled), ==, "The Sony Pictures hack");

  untitled->id = g_strdup ("sony-2014");
  g_assert_cmpstr (dossier_case_get_display_title (untitled), ==, "sony-2014");

  g_assert_cmpstr (dossier_case_get_display_title (bare), ==, "Untitled case");
}

/* Places are owned by the case; entities and sources only borrow them, so
 * dropping the case frees each place once, whatever the order. */
static void
test_case_borrowed_places (void)
{
  DossierCase *dcase = make_small_case ();
  DossierEntity *sony = dossier_case_get_entity (dcase, "sony");
  DossierSource *fbi = dossier_case_get_source (dcase, "fbi-update");
  DossierPlace *mention = dossier_place_new ();
  DossierPlace *citation = dossier_place_new ();

  mention->ref = g_strdup ("sony");
  mention->section = DOSSIER_SECTION_NOTES;
  mention->item_id = g_strdup ("note-1");
  g_ptr_array_add (dcase->mentions, mention);
  g_ptr_array_add (sony->mentions, mention);

  citation->ref = g_strdup ("fbi-update");
  citation->number = 1;
  g_ptr_array_add (dcase->citations, citation);
  g_ptr_array_add (fbi->citations, citation);

  g_object_ref (sony);
  g_assert_cmpuint (dossier_entity_get_mentions (sony)->len, ==, 1);
  g_assert_true (g_ptr_array_index (dossier_entity_get_mentions (sony), 0) == mention);
  g_assert_cmpuint (dossier_source_get_citations (fbi)->len, ==, 1);
  g_assert_cmpuint (dossier_case_get_citations (dcase)->len, ==, 1);

  g_object_unref (dcase);
  g_object_unref (sony);
}

static void
test_never_null (void)
{
  g_autoptr(DossierEntity) entity = dossier_entity_new_empty ();
  g_autoptr(DossierSource) source = dossier_source_new_empty ();
  g_autoptr(DossierHypothesis) hypothesis = dossier_hypothesis_new_empty ();
  g_autoptr(DossierBreach) breach = dossier_breach_new_empty ();
  g_autoptr(DossierThreatScreen) screen = dossier_threat_screen_new_empty ();
  g_autoptr(DossierReaction) reaction = dossier_reaction_new_empty ();
  g_autoptr(DossierRelease) release = dossier_release_new_empty ();
  g_autoptr(DossierEvent) event = dossier_event_new_empty ();
  g_autoptr(DossierNote) note = dossier_note_new_empty ();
  GPtrArray *arrays[] = {
    dossier_entity_get_description (entity),
    dossier_entity_get_mentions (entity),
    dossier_source_get_excerpt (source),
    dossier_source_get_citations (source),
    dossier_hypothesis_get_evidence (hypothesis),
    dossier_breach_get_summary (breach),
    dossier_breach_get_impact (breach),
    dossier_breach_get_exposed (breach),
    dossier_threat_screen_get_message (screen),
    dossier_threat_screen_get_shown_links (screen),
    dossier_reaction_get_summary (reaction),
    dossier_release_get_summary (release),
    dossier_event_get_summary (event),
    dossier_note_get_body (note),
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      g_assert_nonnull (arrays[i]);
      g_assert_cmpuint (arrays[i]->len, ==, 0);
    }

  g_assert_nonnull (dossier_entity_get_aliases (entity));
  g_assert_null (dossier_entity_get_aliases (entity)[0]);
  g_assert_nonnull (dossier_source_get_authors (source));
  g_assert_null (dossier_source_get_authors (source)[0]);
  g_assert_nonnull (dossier_note_get_tags (note));
  g_assert_null (dossier_note_get_tags (note)[0]);
  g_assert_nonnull (dossier_note_get_about (note));
  g_assert_null (dossier_note_get_about (note)[0]);

  g_assert_nonnull (dossier_breach_get_hypotheses (breach));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_breach_get_hypotheses (breach)), ==, 0);
  g_assert_true (g_list_model_get_item_type (dossier_breach_get_hypotheses (breach))
                 == DOSSIER_TYPE_HYPOTHESIS);

  /* Even when a loader left a strv NULL, readers get an empty one. */
  g_clear_pointer (&entity->aliases, g_strfreev);
  g_clear_pointer (&source->authors, g_strfreev);
  g_clear_pointer (&note->tags, g_strfreev);
  g_clear_pointer (&note->about, g_strfreev);
  g_assert_nonnull (dossier_entity_get_aliases (entity));
  g_assert_null (dossier_entity_get_aliases (entity)[0]);
  g_assert_nonnull (dossier_source_get_authors (source));
  g_assert_null (dossier_source_get_authors (source)[0]);
  g_assert_nonnull (dossier_note_get_tags (note));
  g_assert_nonnull (dossier_note_get_about (note));
  g_assert_false (dossier_note_has_tag (note, "fbi"));

  /* Absent optional values stay NULL rather than empty. */
  g_assert_null (dossier_note_get_author (note));
  g_assert_null (dossier_reaction_get_quote (reaction));
  g_assert_null (dossier_breach_get_method (breach));
  g_assert_null (dossier_threat_screen_get_image_file (screen));
  g_assert_false (dossier_threat_screen_has_image (screen));
  g_assert_cmpint (dossier_source_get_reliability (source), ==, 0);
  g_assert_cmpuint (dossier_source_get_credibility (source), ==, 0);
}

/* Fills the owned arrays with one of everything, so finalize frees each
 * kind of item (valgrind and ASan builds see leaks or double frees). */
static void
test_items_free (void)
{
  g_autoptr(DossierBreach) breach = dossier_breach_new_empty ();
  g_autoptr(DossierThreatScreen) screen = dossier_threat_screen_new_empty ();
  DossierHypothesis *hypothesis = dossier_hypothesis_new_empty ();
  DossierEvidence *evidence = g_new0 (DossierEvidence, 1);
  DossierExposedItem *item = g_new0 (DossierExposedItem, 1);
  DossierShownLink *link = g_new0 (DossierShownLink, 1);
  DossierParagraph *paragraph = dossier_paragraph_new ();
  DossierHypothesis *first;

  evidence->stance = DOSSIER_EVIDENCE_AGAINST;
  evidence->text = make_text ("Code reuse is weak evidence", NULL);
  hypothesis->id = g_strdup ("h-dprk");
  hypothesis->actor = g_strdup ("dprk");
  hypothesis->statement = make_text ("North Korea did it", NULL);
  g_ptr_array_add (hypothesis->evidence, evidence);
  g_list_store_append (breach->hypotheses, hypothesis);
  g_object_unref (hypothesis);

  item->category = DOSSIER_EXPOSED_EMAIL;
  item->text = make_text ("Executives' email", NULL);
  g_ptr_array_add (breach->exposed, item);

  paragraph->text = make_text ("Hacked by #GOP", NULL);
  g_ptr_array_add (screen->message, paragraph);
  link->href = g_strdup ("http://example.invalid/sony/");
  link->text = make_text ("SPE_LEAKED", NULL);
  g_ptr_array_add (screen->shown_links, link);
  screen->image_file = g_file_new_for_path ("/nonexistent/skull.png");
  screen->image_src = g_strdup ("skull.png");
  screen->has_image = TRUE;

  first = g_list_model_get_item (dossier_breach_get_hypotheses (breach), 0);
  g_assert_cmpstr (dossier_hypothesis_get_actor (first), ==, "dprk");
  g_assert_cmpuint (dossier_hypothesis_get_evidence (first)->len, ==, 1);
  g_assert_cmpint (((DossierEvidence *)g_ptr_array_index (dossier_hypothesis_get_evidence (first), 0))->stance,
                   ==, DOSSIER_EVIDENCE_AGAINST);
  g_object_unref (first);
  g_assert_cmpuint (dossier_breach_get_exposed (breach)->len, ==, 1);
  g_assert_cmpuint (dossier_threat_screen_get_shown_links (screen)->len, ==, 1);
  g_assert_cmpstr (dossier_threat_screen_get_image_src (screen), ==, "skull.png");
  g_assert_true (dossier_threat_screen_has_image (screen));

  dossier_evidence_free (NULL);
  dossier_exposed_item_free (NULL);
  dossier_shown_link_free (NULL);
}

/* Every value has its exact file word, a round trip, and a non-empty
 * label distinct from the others; near misses are refused. A macro rather
 * than function pointers, so each enum's own functions are called with
 * their own types. */
#define CHECK_ENUM(Type, words, first, n_values, to_string, from_string, get_label) \
  G_STMT_START {                                                                   \
    g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);     \
    const char *near_misses[] = { "", " ", "Other", "other ", " other",            \
                                  "unknown", "OTHER", "-", NULL };                 \
    Type parsed;                                                                   \
                                                                                   \
    for (guint i = (first); i < (n_values); i++)                                   \
      {                                                                            \
        const char *word = to_string ((Type)i);                                    \
        const char *label = get_label ((Type)i);                                   \
        g_autofree char *upper = NULL;                                             \
                                                                                   \
        g_assert_cmpstr (word, ==, (words)[i - (first)]);                          \
        parsed = (Type)(n_values);                                                 \
        g_assert_true (from_string (word, &parsed));                               \
        g_assert_cmpint (parsed, ==, (int)i);                                      \
                                                                                   \
        upper = g_ascii_strup (word, -1);                                          \
        g_assert_false (from_string (upper, &parsed));                             \
        g_assert_cmpint (parsed, ==, (int)i);                                      \
                                                                                   \
        g_assert_nonnull (label);                                                  \
        g_assert_cmpstr (label, !=, "");                                           \
        g_assert_false (g_hash_table_contains (labels, label));                    \
        g_hash_table_add (labels, (char *)label);                                  \
      }                                                                            \
                                                                                   \
    g_assert_null ((words)[(n_values) - (first)]);                                 \
    g_assert_null (to_string ((Type)(n_values)));                                  \
    g_assert_null (get_label ((Type)(n_values)));                                  \
    g_assert_false (from_string (NULL, NULL));                                     \
                                                                                   \
    for (guint i = 0; near_misses[i] != NULL; i++)                                 \
      {                                                                            \
        parsed = (Type)(n_values);                                                 \
        g_assert_false (from_string (near_misses[i], &parsed));                    \
        g_assert_cmpint (parsed, ==, (int)(n_values));                             \
      }                                                                            \
  } G_STMT_END

static void
test_enum_entity_kind (void)
{
  const char *words[] = { "person", "organization", "group", "state", "media", "work", "other", NULL };

  CHECK_ENUM (DossierEntityKind, words, 0, DOSSIER_ENTITY_OTHER + 1,
              dossier_entity_kind_to_string,
              dossier_entity_kind_from_string,
              dossier_entity_kind_get_label);
  g_assert_cmpstr (dossier_entity_kind_get_label (DOSSIER_ENTITY_PERSON), ==, "Person");
  g_assert_cmpstr (dossier_entity_kind_get_label (DOSSIER_ENTITY_STATE), ==, "State");
  g_assert_cmpstr (dossier_entity_kind_get_label (DOSSIER_ENTITY_WORK), ==, "Work");
}

static void
test_enum_source_kind (void)
{
  const char *words[] = { "press", "state-media", "official", "letter", "social",
                          "forum", "report", "interview", "other", NULL };

  CHECK_ENUM (DossierSourceKind, words, 0, DOSSIER_SOURCE_OTHER + 1,
              dossier_source_kind_to_string,
              dossier_source_kind_from_string,
              dossier_source_kind_get_label);
  g_assert_cmpstr (dossier_source_kind_get_label (DOSSIER_SOURCE_STATE_MEDIA), ==, "State media");
  g_assert_false (dossier_source_kind_from_string ("state_media", NULL));
  g_assert_false (dossier_source_kind_from_string ("statemedia", NULL));
}

static void
test_enum_evidence_stance (void)
{
  const char *words[] = { "for", "against", "neutral", NULL };

  CHECK_ENUM (DossierEvidenceStance, words, 0, DOSSIER_EVIDENCE_NEUTRAL + 1,
              dossier_evidence_stance_to_string,
              dossier_evidence_stance_from_string,
              dossier_evidence_stance_get_label);
  g_assert_cmpstr (dossier_evidence_stance_get_label (DOSSIER_EVIDENCE_FOR), ==, "For");
  g_assert_cmpstr (dossier_evidence_stance_get_label (DOSSIER_EVIDENCE_AGAINST), ==, "Against");
  g_assert_cmpstr (dossier_evidence_stance_get_label (DOSSIER_EVIDENCE_NEUTRAL), ==, "Neutral");
}

static void
test_enum_exposed_category (void)
{
  const char *words[] = { "personal", "credentials", "documents", "email", "media",
                          "source-code", "other", NULL };
  DossierExposedCategory out = DOSSIER_EXPOSED_OTHER;

  CHECK_ENUM (DossierExposedCategory, words, DOSSIER_EXPOSED_PERSONAL, DOSSIER_EXPOSED_OTHER + 1,
              dossier_exposed_category_to_string,
              dossier_exposed_category_from_string,
              dossier_exposed_category_get_label);

  /* NONE is the absence of the attribute: no word, but a label. */
  g_assert_null (dossier_exposed_category_to_string (DOSSIER_EXPOSED_NONE));
  g_assert_cmpstr (dossier_exposed_category_get_label (DOSSIER_EXPOSED_NONE), ==, "Uncategorized");
  g_assert_false (dossier_exposed_category_from_string ("none", &out));
  g_assert_cmpint (out, ==, DOSSIER_EXPOSED_OTHER);
  g_assert_cmpstr (dossier_exposed_category_get_label (DOSSIER_EXPOSED_PERSONAL), ==, "Personal data");
  g_assert_cmpstr (dossier_exposed_category_get_label (DOSSIER_EXPOSED_SOURCE_CODE), ==, "Source code");
  for (guint i = DOSSIER_EXPOSED_PERSONAL; i <= DOSSIER_EXPOSED_OTHER; i++)
    g_assert_cmpstr (dossier_exposed_category_get_label (i), !=,
                     dossier_exposed_category_get_label (DOSSIER_EXPOSED_NONE));
}

static void
test_enum_stance (void)
{
  const char *words[] = { "condemn", "threaten", "demand", "deny", "support", "neutral", NULL };

  CHECK_ENUM (DossierStance, words, 0, DOSSIER_STANCE_NEUTRAL + 1,
              dossier_stance_to_string,
              dossier_stance_from_string,
              dossier_stance_get_label);
  g_assert_cmpstr (dossier_stance_get_label (DOSSIER_STANCE_CONDEMN), ==, "Condemns");
  g_assert_cmpstr (dossier_stance_get_label (DOSSIER_STANCE_DENY), ==, "Denies");
  g_assert_false (dossier_stance_from_string ("condemns", NULL));
}

static void
test_enum_release_status (void)
{
  const char *words[] = { "planned", "postponed", "released", "cancelled", "leaked", NULL };

  CHECK_ENUM (DossierReleaseStatus, words, 0, DOSSIER_RELEASE_LEAKED + 1,
              dossier_release_status_to_string,
              dossier_release_status_from_string,
              dossier_release_status_get_label);
  g_assert_cmpstr (dossier_release_status_get_label (DOSSIER_RELEASE_POSTPONED), ==, "Postponed");
  g_assert_false (dossier_release_status_from_string ("canceled", NULL));
}

static void
test_admiralty_labels (void)
{
  const char *reliability[] = {
    "Completely reliable", "Usually reliable", "Fairly reliable",
    "Not usually reliable", "Unreliable", "Reliability cannot be judged",
  };
  const char *credibility[] = {
    "Confirmed by other sources", "Probably true", "Possibly true",
    "Doubtful", "Improbable", "Truth cannot be judged",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reliability); i++)
    g_assert_cmpstr (dossier_reliability_get_label ('A' + i), ==, reliability[i]);
  for (guint i = 0; i < G_N_ELEMENTS (credibility); i++)
    g_assert_cmpstr (dossier_credibility_get_label (i + 1), ==, credibility[i]);

  g_assert_null (dossier_reliability_get_label (0));
  g_assert_null (dossier_reliability_get_label ('G'));
  g_assert_null (dossier_reliability_get_label ('a'));
  g_assert_null (dossier_reliability_get_label ('@'));
  g_assert_null (dossier_credibility_get_label (0));
  g_assert_null (dossier_credibility_get_label (7));
  g_assert_null (dossier_credibility_get_label (G_MAXUINT));
}

static void
test_note_has_tag (void)
{
  g_autoptr(DossierNote) note = dossier_note_new_empty ();
  const char *tags[] = { "fbi", "malware", "attribution", NULL };

  g_strfreev (note->tags);
  note->tags = g_strdupv ((GStrv)tags);

  g_assert_true (dossier_note_has_tag (note, "fbi"));
  g_assert_true (dossier_note_has_tag (note, "attribution"));
  g_assert_false (dossier_note_has_tag (note, "FBI"));
  g_assert_false (dossier_note_has_tag (note, "mal"));
  g_assert_false (dossier_note_has_tag (note, "malware "));
  g_assert_false (dossier_note_has_tag (note, ""));
  g_assert_false (dossier_note_has_tag (note, NULL));
  g_assert_cmpuint (g_strv_length ((GStrv)dossier_note_get_tags (note)), ==, 3);
}

static void
test_properties (void)
{
  g_autoptr(DossierNote) note = dossier_note_new_empty ();
  g_autoptr(DossierNote) undated = dossier_note_new_empty ();
  g_autoptr(DossierEvent) event = dossier_event_new_empty ();
  g_autoptr(DossierSource) source = dossier_source_new_empty ();
  g_autoptr(DossierEntity) entity = dossier_entity_new_empty ();
  g_autoptr(DossierReaction) reaction = dossier_reaction_new_empty ();
  g_autoptr(DossierRelease) release = dossier_release_new_empty ();
  g_autoptr(DossierDate) expected = make_date ("2014-11-24");
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autofree char *tags_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) tags = NULL;
  const char *words[] = { "wiper", "gop", NULL };
  gint64 sort_key = 0;
  guint count = 99;

  note->id = g_strdup ("n-42");
  note->title = make_text ("Destover is a ", "wiper");
  note->created = make_date ("2014-11-24");
  g_strfreev (note->tags);
  note->tags = g_strdupv ((GStrv)words);
  g_object_get (note, "id", &id, "title", &title, "sort-key", &sort_key,
                "tags", &tags, "tags-text", &tags_text, NULL);
  g_assert_cmpstr (id, ==, "n-42");
  g_assert_cmpstr (title, ==, "Destover is a wiper");
  g_assert_cmpint (sort_key, ==, dossier_date_get_sort_key (expected));
  g_assert_cmpint (sort_key, ==, 1416787200); /* 2014-11-24T00:00Z */
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[1], ==, "gop");
  g_assert_cmpstr (tags_text, ==, "wiper gop");
  g_clear_pointer (&title, g_free);

  /* Undated items sort after every dated one. */
  g_object_get (undated, "sort-key", &sort_key, "title", &title, NULL);
  g_assert_cmpint (sort_key, ==, G_MAXINT64);
  g_assert_cmpstr (title, ==, "");
  g_clear_pointer (&title, g_free);

  event->title = make_text ("Threat screen appears", NULL);
  event->date = make_date ("2014-22");
  g_object_get (event, "title", &title, "sort-key", &sort_key, NULL);
  g_assert_cmpstr (title, ==, "Threat screen appears");
  g_assert_cmpint (sort_key, ==, 1403308800); /* Summer 2014: 21 June */
  g_clear_pointer (&title, g_free);

  source->title = make_text ("Sony hack: the ", "timeline");
  source->published = make_date ("2014-12");
  source->kind = DOSSIER_SOURCE_STATE_MEDIA;
  g_object_get (source, "title", &title, "kind-label", &label,
                "sort-key", &sort_key, "citation-count", &count, NULL);
  g_assert_cmpstr (title, ==, "Sony hack: the timeline");
  g_assert_cmpstr (label, ==, "State media");
  g_assert_cmpint (sort_key, ==, 1417392000); /* 2014-12-01 */
  g_assert_cmpuint (count, ==, 0);
  g_clear_pointer (&label, g_free);

  entity->id = g_strdup ("kim");
  g_object_get (entity, "name", &name, "kind-label", &label, NULL);
  g_assert_cmpstr (name, ==, "kim");
  g_assert_cmpstr (label, ==, "Other");
  g_clear_pointer (&label, g_free);

  reaction->stance = DOSSIER_STANCE_THREATEN;
  reaction->actor = g_strdup ("dprk");
  g_object_get (reaction, "stance-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Threatens");
  g_clear_pointer (&label, g_free);

  release->status = DOSSIER_RELEASE_LEAKED;
  g_object_get (release, "status-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Leaked");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/case/lookup-by-id-and-kind", test_case_lookup);
  g_test_add_func ("/model/case/entity-name-falls-back-to-id", test_case_entity_name);
  g_test_add_func ("/model/case/empty-lists-never-null", test_case_empty);
  g_test_add_func ("/model/case/status-label", test_case_status_label);
  g_test_add_func ("/model/case/display-title", test_case_display_title);
  g_test_add_func ("/model/case/places-borrowed", test_case_borrowed_places);
  g_test_add_func ("/model/arrays-never-null", test_never_null);
  g_test_add_func ("/model/items-freed", test_items_free);
  g_test_add_func ("/model/enum/entity-kind", test_enum_entity_kind);
  g_test_add_func ("/model/enum/source-kind", test_enum_source_kind);
  g_test_add_func ("/model/enum/evidence-stance", test_enum_evidence_stance);
  g_test_add_func ("/model/enum/exposed-category", test_enum_exposed_category);
  g_test_add_func ("/model/enum/reaction-stance", test_enum_stance);
  g_test_add_func ("/model/enum/release-status", test_enum_release_status);
  g_test_add_func ("/model/source/admiralty-labels", test_admiralty_labels);
  g_test_add_func ("/model/note/has-tag", test_note_has_tag);
  g_test_add_func ("/model/properties", test_properties);

  return g_test_run ();
}
