/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-core.h"

/* Files that open: the sample, every good fixture, citations and their
 * numbers, mentions, warnings, white space, encodings, progress and
 * cancellation. */

static char *
fixture_path (const char *folder,
              const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".case.xml", NULL);

  return g_test_build_filename (G_TEST_DIST, "cases", folder, file_name, NULL);
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
}

static DossierCase *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierCase *self = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (self);
  return self;
}

static DossierCase *
load_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierCase *self = dossier_case_load_bytes (bytes, "memory.case.xml", NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (self);
  return self;
}

/* ------------------------------------------------------------------ */
/* An independent reading of the file, to compare the loader with:     */
/* start tags of our elements, found with plain string search in the   */
/* text with comments and foreign elements taken out.                  */
/* ------------------------------------------------------------------ */

typedef struct
{
  char  *ref;
  guint  line;
} TagRef;

static void
tag_ref_free (TagRef *tag)
{
  g_free (tag->ref);
  g_free (tag);
}

/* The file's text with comments and x:... elements blanked out (line
 * breaks kept, so lines still count). */
static char *
visible_text (const char *path)
{
  char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));

  for (char *p = text; (p = strstr (p, "<!--")) != NULL;)
    {
      char *end = strstr (p, "-->");

      g_assert_nonnull (end);
      for (char *q = p; q < end + 3; q++)
        if (*q != '\n')
          *q = ' ';
      p = end + 3;
    }

  /* The fixtures' foreign markup uses the prefix x: only. */
  for (char *p = text; (p = strstr (p, "<x:")) != NULL;)
    {
      char *name_end = p + 1 + strcspn (p + 1, " \t\n/>");
      g_autofree char *name = g_strndup (p + 1, name_end - p - 1);
      g_autofree char *close = g_strdup_printf ("</%s>", name);
      char *self_close = strstr (p, "/>");
      char *gt = strchr (p, '>');
      char *end;

      if (self_close != NULL && self_close + 1 == gt)
        end = gt + 1;
      else
        {
          end = strstr (p, close);
          g_assert_nonnull (end);
          end += strlen (close);
        }

      for (char *q = p; q < end; q++)
        if (*q != '\n')
          *q = ' ';
      p = end;
    }

  return text;
}

/* Every <NAME ... ATTR="VALUE"> in order, with its line. */
static GPtrArray *
find_tags (const char *text,
           const char *name,
           const char *attr)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func ((GDestroyNotify)tag_ref_free);
  g_autofree char *open = g_strdup_printf ("<%s", name);
  g_autofree char *needle = g_strdup_printf ("%s=\"", attr);

  for (const char *p = text; (p = strstr (p, open)) != NULL; p++)
    {
      char after = p[strlen (open)];
      const char *gt, *value;
      TagRef *tag;

      if (after != ' ' && after != '\n' && after != '\t' && after != '/' && after != '>')
        continue;

      gt = strchr (p, '>');
      value = strstr (p, needle);
      if (value == NULL || value > gt)
        continue;
      /* "ref=" must not be the end of another attribute's name. */
      if (value[-1] != ' ' && value[-1] != '\n' && value[-1] != '\t')
        continue;
      value += strlen (needle);

      tag = g_new0 (TagRef, 1);
      tag->ref = g_strndup (value, strchr (value, '"') - value);
      tag->line = 1;
      /* The line where the tag starts. */
      for (const char *q = text; q < p; q++)
        if (*q == '\n')
          tag->line++;
      g_ptr_array_add (tags, tag);
    }

  return tags;
}

static guint
count_tags (const char *text,
            const char *name)
{
  g_autofree char *open = g_strdup_printf ("<%s", name);
  guint n = 0;

  for (const char *p = text; (p = strstr (p, open)) != NULL; p++)
    {
      char after = p[strlen (open)];

      if (after == ' ' || after == '\n' || after == '\t' || after == '/' || after == '>')
        n++;
    }

  return n;
}

/* ------------------------------------------------------------------ */

static void
assert_counts_match_file (DossierCase *self,
                          const char  *path)
{
  g_autofree char *text = visible_text (path);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (self)), ==, count_tags (text, "entity"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_sources (self)), ==, count_tags (text, "source"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_reactions (self)), ==, count_tags (text, "reaction"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_releases (self)), ==, count_tags (text, "release"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_events (self)), ==, count_tags (text, "event"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_notes (self)), ==, count_tags (text, "note"));
  g_assert_cmpuint (dossier_case_get_citations (self)->len, ==, count_tags (text, "cite"));
  g_assert_true ((dossier_case_get_breach (self) != NULL) == (count_tags (text, "breach") == 1));
  g_assert_true ((dossier_case_get_threat_screen (self) != NULL) == (count_tags (text, "threat-screen") == 1));
}

/* Citations are numbered 1..N in reading order; every source lists the
 * places that cite it, in that order, and nothing else. */
static void
assert_citations_match_file (DossierCase *self,
                             const char  *path)
{
  g_autofree char *text = visible_text (path);
  g_autoptr(GPtrArray) cites = find_tags (text, "cite", "ref");
  GPtrArray *citations = dossier_case_get_citations (self);
  GListModel *sources = dossier_case_get_sources (self);
  guint n_listed = 0;

  g_assert_cmpuint (citations->len, ==, cites->len);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierPlace *place = g_ptr_array_index (citations, i);
      TagRef *tag = g_ptr_array_index (cites, i);

      g_assert_cmpuint (place->number, ==, i + 1);
      g_assert_cmpstr (place->ref, ==, tag->ref);
      g_assert_cmpuint (place->line, ==, tag->line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      GPtrArray *backlinks = dossier_source_get_citations (source);
      guint previous = 0;

      for (guint j = 0; j < backlinks->len; j++)
        {
          DossierPlace *place = g_ptr_array_index (backlinks, j);

          g_assert_cmpstr (place->ref, ==, dossier_source_get_id (source));
          g_assert_cmpuint (place->number, >, previous);
          g_assert_true (g_ptr_array_index (citations, place->number - 1) == place);
          previous = place->number;
        }

      for (guint j = 0; j < citations->len; j++)
        {
          DossierPlace *place = g_ptr_array_index (citations, j);

          if (g_strcmp0 (place->ref, dossier_source_get_id (source)) == 0)
            n_listed++;
        }
      g_assert_cmpuint (backlinks->len, ==, n_listed);
      n_listed = 0;
    }
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(DossierCase) self = load_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize length;

  assert_counts_match_file (self, path);
  assert_citations_match_file (self, path);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
  g_assert_cmpstr (dossier_case_get_sha256 (self), ==, sha);
  g_assert_cmpuint (dossier_case_get_size (self), ==, length);
  g_assert_nonnull (dossier_case_get_file (self));

  /* A real case: people, sources, a breach, a threat screen. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_entities (self)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_sources (self)), >, 0);
  g_assert_nonnull (dossier_case_get_breach (self));
  g_assert_cmpuint (dossier_case_get_citations (self)->len, >, 0);
  g_assert_nonnull (strstr (dossier_case_get_display_title (self), "Sony"));
}

/* Every good fixture opens; the counts agree with the file's text. */
static void
test_good_fixtures (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "cases", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(DossierCase) self = NULL;

      if (!g_str_has_suffix (entry, ".case.xml"))
        continue;

      path = g_build_filename (folder, entry, NULL);
      g_test_message ("%s", entry);
      self = load_path (path);
      n++;

      /* utf16.case.xml cannot be searched as UTF-8 text. */
      if (strcmp (entry, "utf16.case.xml") != 0)
        {
          assert_counts_match_file (self, path);
          assert_citations_match_file (self, path);
        }
    }

  g_assert_cmpuint (n, >=, 8);
}

static void
test_minimal (void)
{
  g_autofree char *path = fixture_path ("good", "minimal");
  g_autoptr(DossierCase) self = load_path (path);
  g_autofree char *title = dossier_inline_to_plain (dossier_case_get_title (self));

  g_assert_cmpstr (dossier_case_get_id (self), ==, "minimal");
  g_assert_cmpstr (title, ==, "Minimal case");
  g_assert_cmpstr (dossier_case_get_display_title (self), ==, "Minimal case");
  g_assert_null (dossier_case_get_breach (self));
  g_assert_null (dossier_case_get_threat_screen (self));
  g_assert_false (dossier_case_has_release_history (self));
  g_assert_cmpuint (dossier_case_get_summary (self)->len, ==, 0);
  g_assert_cmpuint (dossier_case_get_warnings (self)->len, ==, 0);
  g_assert_cmpuint (dossier_case_get_citations (self)->len, ==, 0);
}

/* The full fixture: every element at least once, foreign markup ignored. */
static void
test_full (void)
{
  g_autofree char *path = fixture_path ("good", "full");
  g_autoptr(DossierCase) self = load_path (path);
  GListModel *entities = dossier_case_get_entities (self);
  GListModel *sources = dossier_case_get_sources (self);
  guint kinds_seen = 0, source_kinds_seen = 0, reliabilities = 0, credibilities = 0;
  GPtrArray *summary = dossier_case_get_summary (self);
  g_autofree char *plain = dossier_blocks_to_plain (summary);
  DossierParagraph *first;
  const DossierInline *node;

  g_assert_cmpstr (dossier_case_get_language (self), ==, "en");
  g_assert_cmpint (dossier_case_get_status (self), ==, DOSSIER_CASE_STATUS_CLOSED);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      kinds_seen |= 1u << dossier_entity_get_kind (entity);
      g_assert_nonnull (dossier_entity_get_name (entity));
      g_assert_cmpuint (dossier_entity_get_mentions (entity)->len, >, 0);
    }
  g_assert_cmpuint (kinds_seen, ==, 0x7f);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

      source_kinds_seen |= 1u << dossier_source_get_kind (source);
      if (dossier_source_get_reliability (source) != 0)
        reliabilities |= 1u << (dossier_source_get_reliability (source) - 'A');
      if (dossier_source_get_credibility (source) != 0)
        credibilities |= 1u << (dossier_source_get_credibility (source) - 1);
      g_assert_cmpuint (dossier_source_get_citations (source)->len, >, 0);
    }
  g_assert_cmpuint (source_kinds_seen, ==, 0x1ff);
  g_assert_cmpuint (reliabilities, ==, 0x3f);
  g_assert_cmpuint (credibilities, ==, 0x3f);

  /* Foreign elements and their text are skipped. */
  g_assert_null (strstr (plain, "IGNORED-FOREIGN-TEXT"));
  g_assert_null (strstr (plain, "Other tool"));

  /* The nested inline elements keep their structure:
   * em > strong > q > mention > link > cite. */
  first = g_ptr_array_index (summary, 0);
  g_assert_cmpint (first->certainty, ==, DOSSIER_CERTAINTY_CONFIRMED);
  node = first->text;
  g_assert_cmpint (node->kind, ==, DOSSIER_INLINE_ROOT);
  {
    static const DossierInlineKind path_kinds[] = {
      DOSSIER_INLINE_EM, DOSSIER_INLINE_STRONG, DOSSIER_INLINE_QUOTE,
      DOSSIER_INLINE_MENTION, DOSSIER_INLINE_LINK, DOSSIER_INLINE_CITE,
    };

    for (guint k = 0; k < G_N_ELEMENTS (path_kinds); k++)
      {
        const DossierInline *next = NULL;

        for (guint c = 0; c < node->children->len; c++)
          {
            const DossierInline *child = g_ptr_array_index (node->children, c);

            if (child->kind == path_kinds[k])
              next = child;
          }
        g_assert_nonnull (next);
        node = next;
      }
    g_assert_cmpstr (node->ref, ==, "press");
    g_assert_cmpstr (node->at, ==, "p. 3");
    g_assert_cmpuint (node->number, ==, 1);
  }

  g_assert_nonnull (dossier_case_get_threat_screen (self));
  g_assert_true (dossier_threat_screen_has_image (dossier_case_get_threat_screen (self)));
}

/* warnings.case.xml says in a comment which warnings it expects. */
static void
test_warnings (void)
{
  g_autofree char *path = fixture_path ("good", "warnings");
  g_autoptr(DossierCase) self = load_path (path);
  GPtrArray *warnings = dossier_case_get_warnings (self);
  static const struct
  {
    guint           line;
    DossierSection  section;
    const char     *item_id;
    const char     *message;
  } expected[] = {
    { 18, DOSSIER_SECTION_ENTITIES, "never-mentioned", "entity 'never-mentioned' on line 18 is never mentioned" },
    { 22, DOSSIER_SECTION_SOURCES, "never-cited", "source 'never-cited' on line 22 is never cited" },
    { 29, DOSSIER_SECTION_BREACH, NULL, "the paragraph on line 29 in the breach cites no source" },
    { 36, DOSSIER_SECTION_NOTES, "about-nothing", "note 'about-nothing' on line 36 is not about anything in the case" },
  };

  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierProblem *warning = g_ptr_array_index (warnings, i);

      g_assert_cmpuint (warning->line, ==, expected[i].line);
      g_assert_cmpint (warning->section, ==, expected[i].section);
      g_assert_cmpstr (warning->item_id, ==, expected[i].item_id);
      g_assert_cmpstr (warning->message, ==, expected[i].message);
    }
}

/* Mentions: <mention> elements and the victim, actor ... attributes. */
static void
test_mentions (void)
{
  g_autofree char *path = fixture_path ("good", "warnings");
  g_autoptr(DossierCase) self = load_path (path);
  DossierEntity *mentioned = dossier_case_get_entity (self, "mentioned");
  GPtrArray *mentions;
  DossierPlace *place;

  g_assert_nonnull (mentioned);
  mentions = dossier_entity_get_mentions (mentioned);
  /* <victim ref="mentioned"/> on line 25 and <mention> on line 27; the
   * note's about= is not a mention. */
  g_assert_cmpuint (mentions->len, ==, 2);
  place = g_ptr_array_index (mentions, 0);
  g_assert_cmpuint (place->line, ==, 25);
  g_assert_cmpint (place->section, ==, DOSSIER_SECTION_BREACH);
  g_assert_cmpuint (place->number, ==, 0);
  place = g_ptr_array_index (mentions, 1);
  g_assert_cmpuint (place->line, ==, 27);
  g_assert_cmpstr (place->ref, ==, "mentioned");

  g_assert_cmpuint (dossier_entity_get_mentions (dossier_case_get_entity (self, "never-mentioned"))->len, ==, 0);
  g_assert_null (dossier_case_get_source (self, "mentioned"));
  g_assert_true (dossier_case_lookup (self, "about-nothing") != NULL);
}

/* Places say where a citation stands: the section, the nearest item with
 * an id, or the index of an item without one. */
static void
test_places (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n"
    "<title>T<cite ref=\"s\"/></title>\n"
    "<entities><entity id=\"e\" kind=\"work\"><name>E</name>"
    "<description><p>d<cite ref=\"s\"/></p></description></entity></entities>\n"
    "<sources><source id=\"s\" kind=\"press\"><title>S</title></source></sources>\n"
    "<breach><exposed><item>a</item><item>b<cite ref=\"s\"/></item></exposed>\n"
    "<attribution><hypothesis id=\"h\" actor=\"e\"><statement>st</statement>"
    "<evidence stance=\"for\">x</evidence><evidence stance=\"against\">y<cite ref=\"s\" at=\"p. 2\"/></evidence>"
    "</hypothesis></attribution></breach>\n"
    "<threat-screen><headline>H</headline><shown-link href=\"http://a\">a</shown-link>"
    "<shown-link href=\"http://b\">b<cite ref=\"s\"/></shown-link></threat-screen>\n"
    "<release-history work=\"e\"><release date=\"2014\" status=\"planned\"/>"
    "<release date=\"2015\" status=\"released\"><summary><p>r<cite ref=\"s\"/></p></summary></release></release-history>\n"
    "<notes><note id=\"n\" about=\"e s c\"><title>N</title><p>n<cite ref=\"s\"/></p></note></notes>\n"
    "</case>\n");
  static const struct
  {
    DossierSection  section;
    const char     *item_id;
    int             item_index;
    guint           line;
  } expected[] = {
    { DOSSIER_SECTION_OVERVIEW, NULL, -1, 2 },
    { DOSSIER_SECTION_ENTITIES, "e", -1, 3 },
    { DOSSIER_SECTION_BREACH, NULL, 1, 5 },
    { DOSSIER_SECTION_BREACH, "h", 1, 6 },
    { DOSSIER_SECTION_THREAT, NULL, 1, 7 },
    { DOSSIER_SECTION_RELEASE, NULL, 1, 8 },
    { DOSSIER_SECTION_NOTES, "n", -1, 9 },
  };
  GPtrArray *citations = dossier_case_get_citations (self);

  g_assert_cmpuint (citations->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < citations->len; i++)
    {
      DossierPlace *place = g_ptr_array_index (citations, i);

      g_assert_cmpint (place->section, ==, expected[i].section);
      g_assert_cmpstr (place->item_id, ==, expected[i].item_id);
      g_assert_cmpint (place->item_index, ==, expected[i].item_index);
      g_assert_cmpuint (place->line, ==, expected[i].line);
      g_assert_cmpuint (place->number, ==, i + 1);
    }
  g_assert_cmpstr (((DossierPlace *)g_ptr_array_index (citations, 3))->at, ==, "p. 2");
  g_assert_cmpuint (dossier_source_get_citations (dossier_case_get_source (self, "s"))->len, ==, 7);
  g_assert_cmpstr (dossier_case_get_release_work (self), ==, "e");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_case_get_releases (self)), ==, 2);
}

static char *
all_plain_text (DossierCase *self)
{
  GString *out = g_string_new (NULL);
  GListModel *sources = dossier_case_get_sources (self);
  GListModel *entities = dossier_case_get_entities (self);
  DossierBreach *breach = dossier_case_get_breach (self);
  g_autofree char *title = dossier_inline_to_plain (dossier_case_get_title (self));

  g_string_append_printf (out, "title: %s\n", title);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);

      g_string_append_printf (out, "entity: %s\n", dossier_entity_get_name (entity));
    }
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      g_autofree char *source_title = dossier_inline_to_plain (dossier_source_get_title (source));

      g_string_append_printf (out, "source: %s\n", source_title);
    }
  if (breach != NULL)
    {
      GPtrArray *summary = dossier_breach_get_summary (breach);

      for (guint i = 0; i < summary->len; i++)
        {
          DossierParagraph *paragraph = g_ptr_array_index (summary, i);
          g_autofree char *text = dossier_inline_to_plain (paragraph->text);

          g_string_append_printf (out, "p: [%s]\n", text);
        }
    }

  return g_string_free (out, FALSE);
}

/* A pretty-printed file and a one-line file read alike. */
static void
test_white_space_collapse (void)
{
  g_autofree char *pretty_path = fixture_path ("good", "pretty");
  g_autofree char *one_line_path = fixture_path ("good", "one-line");
  g_autoptr(DossierCase) pretty = load_path (pretty_path);
  g_autoptr(DossierCase) one_line = load_path (one_line_path);
  g_autofree char *pretty_text = all_plain_text (pretty);
  g_autofree char *one_line_text = all_plain_text (one_line);

  g_assert_cmpstr (pretty_text, ==, one_line_text);
  g_assert_cmpstr (pretty_text, ==,
                   "title: White space collapses\n"
                   "entity: Acme Films\n"
                   "source: Trade report\n"
                   "p: [Acme Films shut down its network.]\n"
                   "p: [Tabs and line breaks are one space.]\n");
}

/* Space around inline elements: kept once between words, dropped at the
 * ends of the text, even when markup stands at the end. */
static void
test_white_space_around_inline (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">"
    "<title>  <em> lead </em>  word<strong>tight</strong> x <cite ref=\"s\"/>  </title>"
    "<sources><source id=\"s\" kind=\"press\"><title>\n\t S \n</title></source></sources>"
    "</case>");
  const DossierInline *title = dossier_case_get_title (self);
  g_autofree char *plain = dossier_inline_to_plain (title);
  const DossierInline *em, *text, *last_text;

  g_assert_cmpstr (plain, ==, "lead wordtight x");

  /* The space after "lead" stays outside the emphasis. */
  em = g_ptr_array_index (title->children, 0);
  g_assert_cmpint (em->kind, ==, DOSSIER_INLINE_EM);
  text = g_ptr_array_index (em->children, 0);
  g_assert_cmpstr (text->text, ==, "lead");

  /* Before the final citation, no trailing space is left. */
  last_text = g_ptr_array_index (title->children, title->children->len - 2);
  g_assert_cmpint (last_text->kind, ==, DOSSIER_INLINE_TEXT);
  g_assert_cmpstr (last_text->text, ==, " x");
  g_assert_cmpint (((DossierInline *)g_ptr_array_index (title->children, title->children->len - 1))->kind,
                   ==, DOSSIER_INLINE_CITE);
}

/* Entities in attribute values and text come out as the characters they
 * stand for; markup in text stays text. */
static void
test_escapes (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">"
    "<title>&lt;b&gt; &amp; &#x263A; <link href=\"https://a.example/?x=1&amp;y=&quot;2&quot;&#38;z\">l</link></title>"
    "</case>");
  const DossierInline *title = dossier_case_get_title (self);
  g_autofree char *plain = dossier_inline_to_plain (title);
  const DossierInline *link = g_ptr_array_index (title->children, 1);

  g_assert_cmpstr (plain, ==, "<b> & ☺ l");
  g_assert_cmpint (link->kind, ==, DOSSIER_INLINE_LINK);
  g_assert_cmpstr (link->ref, ==, "https://a.example/?x=1&y=\"2\"&z");
}

static void
test_utf16 (void)
{
  g_autofree char *path = fixture_path ("good", "utf16");
  g_autoptr(DossierCase) self = load_path (path);
  g_autofree char *title = dossier_inline_to_plain (dossier_case_get_title (self));
  DossierEntity *kim = dossier_case_get_entity (self, "kim");

  g_assert_cmpstr (title, ==, "UTF-16 case: café, 김정은, 𝄞");
  g_assert_nonnull (kim);
  g_assert_cmpstr (dossier_entity_get_name (kim), ==, "김정은");
  g_assert_cmpstr (dossier_entity_get_aliases (kim)[0], ==, "Kim Jong-un");
  g_assert_cmpuint (dossier_case_get_citations (self)->len, ==, 1);
  g_assert_cmpuint (dossier_case_get_warnings (self)->len, ==, 0);
}

/* libxml2's warnings are not errors: a relative namespace URI on a
 * foreign element opens. */
static void
test_xml_warning_not_refused (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" xmlns:r=\"relative/uri\" format=\"1\" id=\"c\">"
    "<title>T</title><r:data/></case>");

  g_assert_cmpstr (dossier_case_get_id (self), ==, "c");
}

/* XML 1.1 is not XML 1.0: refused. */
static void
test_xml_version (void)
{
  const char *text = "<?xml version=\"1.1\"?>\n<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\"><title>T</title></case>";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = dossier_case_load_bytes (bytes, "v.case.xml", NULL, NULL, NULL, NULL, &error);

  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_NOT_WELL_FORMED);
  g_assert_true (g_str_has_prefix (error->message, "v.case.xml:1:"));
  g_assert_true (g_str_has_suffix (error->message, ": error: the file declares an XML version other than 1.0"));
}

/* A UTF-8 byte-order mark is allowed. */
static void
test_utf8_bom (void)
{
  g_autoptr(DossierCase) self = load_string (
    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\"><title>BOM</title></case>");
  g_autofree char *title = dossier_inline_to_plain (dossier_case_get_title (self));

  g_assert_cmpstr (title, ==, "BOM");
}

/* The display title is sanitized: no bidi overrides or controls. */
static void
test_display_title (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">"
    "<title>Evil \xe2\x80\xaegnp.exe\xe2\x80\x8b title</title></case>");

  g_assert_cmpstr (dossier_case_get_display_title (self), ==, "Evil gnp.exe title");
}

/* A title of nothing but invisible characters falls back to the id. */
static void
test_display_title_empty (void)
{
  g_autoptr(DossierCase) self = load_string (
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"the-id\">"
    "<title> \xe2\x80\xae <em> </em></title></case>");

  g_assert_cmpstr (dossier_case_get_display_title (self), ==, "the-id");
}

/* Reference problems past line 65,535 carry their real line: the
 * template is repeated in memory, not committed as a big file. */
static void
test_line_past_70000 (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n"
                                          "<title>T</title>\n<sources>\n"
                                          "<source id=\"variety\" kind=\"press\"><title>V</title></source>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "<!-- a comment line -->\n");
  /* Lines 70,005 and 70,006. */
  g_string_append (text,
                   "<source id=\"variety\" kind=\"press\"><title>Again</title></source>\n"
                   "<source id=\"other\" kind=\"press\"><title>O</title><excerpt><p>x<cite ref=\"varity\"/></p></excerpt></source>\n"
                   "</sources>\n</case>\n");

  bytes = g_bytes_new (text->str, text->len);
  self = dossier_case_load_bytes (bytes, "big.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "big.case.xml:70005:1: error: the id 'variety' on line 70005 is already used on line 4\n"
                   "big.case.xml:70006:62: error: the citation refers to 'varity', but no source has that id; did you mean 'variety'?");
}

/* More problems than the cap: the first ones, then a count. */
static void
test_problem_cap (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n<title>T</title>\n<summary>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < DOSSIER_CASE_MAX_PROBLEMS + 7; i++)
    g_string_append (text, "<p><cite ref=\"nowhere\"/></p>\n");
  g_string_append (text, "</summary>\n</case>\n");

  bytes = g_bytes_new (text->str, text->len);
  self = dossier_case_load_bytes (bytes, "many.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_null (self);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, DOSSIER_CASE_MAX_PROBLEMS + 1);
  g_assert_cmpstr (lines[0], ==, "many.case.xml:4:4: error: the citation refers to 'nowhere', but no source has that id");
  g_assert_cmpstr (lines[DOSSIER_CASE_MAX_PROBLEMS], ==, "… and 7 more problems");
}

typedef struct
{
  GMainLoop   *loop;
  DossierCase *result;
  GError      *error;
  GArray      *fractions;
  GThread     *main_thread;
} AsyncData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncData *data = user_data;

  /* Progress arrives in the caller's thread. */
  g_assert_true (g_thread_self () == data->main_thread);
  g_array_append_val (data->fractions, fraction);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = dossier_case_load_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncData data = { 0 };
  double previous = -1;

  data.loop = g_main_loop_new (NULL, FALSE);
  data.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  data.main_thread = g_thread_self ();

  dossier_case_load_async (file, NULL, on_progress, &data, on_loaded, &data);
  g_main_loop_run (data.loop);

  g_assert_no_error (data.error);
  g_assert_true (DOSSIER_IS_CASE (data.result));
  g_assert_cmpuint (data.fractions->len, >=, 2);
  for (guint i = 0; i < data.fractions->len; i++)
    {
      double fraction = g_array_index (data.fractions, double, i);

      g_assert_cmpfloat (fraction, >=, previous);
      g_assert_cmpfloat (fraction, <=, 1.0);
      previous = fraction;
    }
  g_assert_cmpfloat (previous, ==, 1.0);

  g_object_unref (data.result);
  g_array_unref (data.fractions);
  g_main_loop_unref (data.loop);
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { 0 };

  data.loop = g_main_loop_new (NULL, FALSE);
  data.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  data.main_thread = g_thread_self ();

  g_cancellable_cancel (cancellable);
  dossier_case_load_async (file, cancellable, on_progress, &data, on_loaded, &data);
  g_main_loop_run (data.loop);

  g_assert_null (data.result);
  g_assert_error (data.error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_CANCELLED);
  /* No progress is delivered for a cancelled load. */
  g_assert_cmpuint (data.fractions->len, ==, 0);

  g_clear_error (&data.error);
  g_array_unref (data.fractions);
  g_main_loop_unref (data.loop);
}

/* The synchronous load reports progress from 0 to 1 in its own thread. */
static void
sync_progress (double   fraction,
               gpointer user_data)
{
  g_array_append_val ((GArray *)user_data, fraction);
}

static void
test_sync_progress (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = dossier_case_load (file, NULL, sync_progress, fractions, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/sample", test_sample);
  g_test_add_func ("/loader/good-fixtures", test_good_fixtures);
  g_test_add_func ("/loader/minimal", test_minimal);
  g_test_add_func ("/loader/full", test_full);
  g_test_add_func ("/loader/warnings", test_warnings);
  g_test_add_func ("/loader/mentions", test_mentions);
  g_test_add_func ("/loader/places", test_places);
  g_test_add_func ("/loader/white-space/collapse", test_white_space_collapse);
  g_test_add_func ("/loader/white-space/around-inline", test_white_space_around_inline);
  g_test_add_func ("/loader/escapes", test_escapes);
  g_test_add_func ("/loader/utf16", test_utf16);
  g_test_add_func ("/loader/utf8-bom", test_utf8_bom);
  g_test_add_func ("/loader/xml-warning-not-refused", test_xml_warning_not_refused);
  g_test_add_func ("/loader/xml-version", test_xml_version);
  g_test_add_func ("/loader/display-title", test_display_title);
  g_test_add_func ("/loader/display-title-empty", test_display_title_empty);
  g_test_add_func ("/loader/line-past-70000", test_line_past_70000);
  g_test_add_func ("/loader/problem-cap", test_problem_cap);
  g_test_add_func ("/loader/async", test_async);
  g_test_add_func ("/loader/async-cancelled", test_async_cancelled);
  g_test_add_func ("/loader/sync-progress", test_sync_progress);

  return g_test_run ();
}
