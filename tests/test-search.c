/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dossier-core.h"
#include "dossier-search-command.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"
#include "dossier-search-text.h"

/* Hits are written "SECTION ID", "SECTION #N" (1-based index) or
 * "SECTION", joined by ", ", so a failing test shows the whole list. */

static DossierSearchIndex *basic_index;
static DossierSearchIndex *minimal_index;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cases", "good", name, NULL);
}

static DossierSearchIndex *
load_index (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;

  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  return dossier_search_index_new (dcase);
}

static char *
describe_hit (const DossierSearchHit *hit)
{
  const char *section = dossier_section_to_string (hit->section);

  if (hit->item_id != NULL)
    return g_strdup_printf ("%s %s", section, hit->item_id);
  if (hit->item_index >= 0)
    return g_strdup_printf ("%s #%d", section, hit->item_index + 1);
  return g_strdup (section);
}

static char *
describe_hits (GPtrArray *hits)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *one = describe_hit (g_ptr_array_index (hits, i));

      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
run_query (DossierSearchIndex *index,
           const char         *text,
           guint               max,
           guint              *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (text, &error);
  GPtrArray *hits;

  g_assert_no_error (error);
  hits = dossier_search_index_run (index, query, max, total, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static char *
search (DossierSearchIndex *index,
        const char         *text)
{
  g_autoptr(GPtrArray) hits = run_query (index, text, 0, NULL);

  return describe_hits (hits);
}

static DossierSearchHit *
find_hit (GPtrArray  *hits,
          const char *described)
{
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *d = describe_hit (g_ptr_array_index (hits, i));

      if (strcmp (d, described) == 0)
        return g_ptr_array_index (hits, i);
    }
  g_error ("no hit %s", described);
  return NULL;
}

/* The marked words of a snippet: "passports|act of war". */
static char *
marked_words (const char *text,
              GArray     *marks)
{
  GString *s = g_string_new (NULL);
  guint last_end = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const DossierSearchRange *r = &g_array_index (marks, DossierSearchRange, i);

      g_assert_cmpuint (r->start, <, r->end);
      g_assert_cmpuint (r->end, <=, strlen (text));
      if (i > 0)
        {
          g_assert_cmpuint (r->start, >=, last_end);
          g_string_append_c (s, '|');
        }
      g_assert_true (g_utf8_validate (text + r->start, r->end - r->start, NULL));
      g_string_append_len (s, text + r->start, r->end - r->start);
      last_end = r->end;
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *query;
  const char *expected;
} QueryCase;

static const QueryCase query_cases[] = {
  /* Ranking: all words in the title first, then the words next to each
   * other, then the rest; inside each, oldest first, undated last. */
  { "/search/rank/title-then-date", "passports",
    "breach #1, notes n1, sources s-variety, breach, notes n8" },
  { "/search/rank/prefix-title-tier", "passport",
    "breach #1, notes n1, sources s-variety, breach, notes n8" },
  { "/search/rank/phrase-before-scattered", "act of war",
    "notes n9, sources s-kcna, reactions r-kcna, reactions r-un, timeline ev-2" },
  { "/search/rank/undated-last", "김정은", "notes n5, entities e-kim" },
  { "/search/phrase/quoted", "\"act of war\"",
    "notes n9, sources s-kcna, reactions r-kcna, reactions r-un" },
  { "/search/phrase/quoted-is-exact", "\"passport\"", "breach #1, notes n8" },
  /* The last word is a prefix while typing; a space ends it. */
  { "/search/prefix/last-word-alone", "spread", "notes n8" },
  { "/search/prefix/exact-after-space", "spread ", "" },
  { "/search/prefix/only-the-last-word", "pass leak", "" },
  { "/search/prefix/last-word", "leak pass", "notes n1, notes n8" },
  /* Plurals find singulars and back, unless quoted. */
  { "/search/plural/singular-finds-plural", "spreadsheet ", "notes n8" },
  { "/search/plural/ies", "salaries ", "notes n8, breach" },
  { "/search/plural/quoted-is-exact", "\"salary\"", "notes n8" },
  { "/search/plural/not-for-ss", "pas ", "" },
  /* Case folding and accents. */
  { "/search/fold/uppercase-accented", "ÉCOLE", "notes n3, notes n4" },
  { "/search/fold/lowercase-accented", "école", "notes n3, notes n4" },
  { "/search/fold/decomposed-query", "e\xcc\x81" "cole", "notes n3, notes n4" },
  { "/search/fold/unaccented", "cafe", "notes n3, notes n4" },
  { "/search/fold/accented-uppercase-query", "CAFÉ", "notes n3, notes n4" },
  { "/search/fold/sharp-s", "HAUPTSTRASSE", "notes n4" },
  /* Punctuation and hyphens. */
  { "/search/punctuation/hyphenated-name", "jong un", "entities e-kim, notes n2" },
  { "/search/punctuation/hyphen-in-query", "Jong-un", "entities e-kim, notes n2" },
  { "/search/punctuation/hash", "#gop",
    "threat, notes n2, timeline ev-1, entities e-gop" },
  /* Korean, Chinese, Japanese: found inside longer runs. */
  { "/search/cjk/korean-substring", "중앙통신", "notes n5" },
  { "/search/cjk/chinese", "中央通讯", "notes n6, entities e-kcna" },
  { "/search/cjk/japanese", "ピクチャーズ", "sources s-nikkei, notes n7" },
  { "/search/cjk/japanese-halfwidth", "ﾊﾟｽﾎﾟｰﾄ", "notes n7" },
  { "/search/cjk/no-false-match", "김정일", "" },
  /* Filters. */
  { "/search/filter/tag", "tag:leak", "notes n8, notes n1" },
  { "/search/filter/tag-and-word", "tag:culture cafe", "notes n3, notes n4" },
  { "/search/filter/author", "author:lee", "notes n1, notes n3" },
  { "/search/filter/author-of-source", "author:doe", "sources s-variety" },
  { "/search/filter/in", "in:reactions", "reactions r-kcna, reactions r-un" },
  { "/search/filter/in-with-words", "coverage in:notes", "notes n5, notes n6, notes n7, notes n10" },
  { "/search/filter/not-in", "-in:notes korean",
    "entities e-kcna, reactions r-kcna, entities e-ja" },
  { "/search/filter/cites", "cites:s-variety", "breach, breach h-dprk, notes n1" },
  { "/search/filter/cites-any-case", "cites:S-KCNA", "reactions r-kcna" },
  { "/search/filter/certainty-of-paragraph", "certainty:alleged", "breach h-dprk, notes n2" },
  { "/search/filter/certainty-of-item", "certainty:confirmed", "breach #1, timeline ev-1" },
  { "/search/filter/before", "war before:2014-12",
    "timeline ev-2, sources s-kcna, reactions r-kcna, reactions r-un" },
  { "/search/filter/after", "war after:2014-12", "notes n9" },
  { "/search/filter/between", "after:2014-11 before:2014-12 tag:leak", "notes n8" },
  /* OR and exclusion. */
  { "/search/or/two-words", "ecole OR korean",
    "notes n3, notes n5, entities e-kcna, reactions r-kcna, notes n4, entities e-ja" },
  { "/search/or/filters", "in:threat OR tag:war", "threat, notes n9" },
  /* The items of the first atom stay when a later one is a negated
   * prefix (its documents once shared the clause's bitmap). */
  { "/search/or/negated-prefix-keeps-first-atom", "kcna OR -leak",
    "sources s-kcna, reactions r-kcna, timeline ev-2, reactions r-un, release #1, breach #1, "
    "breach #2, breach h-dprk, timeline ev-1, notes n2, notes n9, sources s-nikkei, "
    "sources s-variety, notes n3, notes n4, notes n5, notes n6, notes n7, notes n10, "
    "release #3, release #2, overview, entities e-kim, entities e-sony, entities e-gop, "
    "entities e-kcna, entities e-ja, entities e-interview" },
  { "/search/not/prefix", "passports -leak", "breach #1, sources s-variety" },
  { "/search/not/exact", "passports -leak ", "breach #1, sources s-variety, breach" },
  { "/search/not/phrase", "war -\"act of war\"", "timeline ev-2" },
  /* Every section's text is searched. */
  { "/search/section/overview", "fixture", "overview" },
  { "/search/section/entity-role", "supreme", "entities e-kim" },
  { "/search/section/source-publisher", "variety", "sources s-variety" },
  { "/search/section/exposed-item", "executive", "breach #2" },
  { "/search/section/evidence", "insiders", "breach h-dprk, notes n2" },
  { "/search/section/threat-demand", "obey", "threat" },
  { "/search/section/shown-link", "sonyleak", "threat" },
  { "/search/section/reaction-actor", "song nam", "entities e-ja, reactions r-un" },
  { "/search/section/reaction-channel", "ambassador letter", "reactions r-un" },
  { "/search/section/release-market", "theatrical", "release #1, release #2" },
  { "/search/section/release-summary", "streaming", "notes n10, release #3" },
  /* Nothing to look for finds nothing. */
  { "/search/empty/blank", "   ", "" },
  { "/search/empty/punctuation", "!!! -", "" },
};

static void
test_query_case (gconstpointer data)
{
  const QueryCase *qc = data;
  g_autofree char *got = search (basic_index, qc->query);

  g_assert_cmpstr (got, ==, qc->expected);
}

/* ------------------------------------------------------------------ */

static void
test_snippet_marks (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "passports", 0, NULL);
  DossierSearchHit *hit = find_hit (hits, "notes n1");
  g_autofree char *title_words = marked_words (hit->title, hit->title_marks);
  g_autofree char *words = marked_words (hit->snippet, hit->snippet_marks);

  g_assert_cmpstr (hit->title, ==, "Passports in the leak");
  g_assert_cmpuint (hit->title_marks->len, ==, 1);
  g_assert_cmpuint (g_array_index (hit->title_marks, DossierSearchRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (hit->title_marks, DossierSearchRange, 0).end, ==, 9);
  g_assert_cmpstr (title_words, ==, "Passports");
  g_assert_true (hit->title_match);

  g_assert_cmpstr (hit->field, ==, "body");
  g_assert_cmpstr (hit->snippet, ==, "Scans of passports for cast and crew appeared in the dump.");
  g_assert_cmpuint (hit->snippet_marks->len, ==, 1);
  g_assert_cmpuint (g_array_index (hit->snippet_marks, DossierSearchRange, 0).start, ==, 9);
  g_assert_cmpuint (g_array_index (hit->snippet_marks, DossierSearchRange, 0).end, ==, 18);
  g_assert_cmpstr (words, ==, "passports");

  g_assert_cmpstr (hit->label, ==, "Note n1 — Passports in the leak");
  g_assert_cmpint (hit->section, ==, DOSSIER_SECTION_NOTES);
  g_assert_cmpint (hit->item_index, ==, -1);
  g_assert_nonnull (hit->date);
  g_assert_cmpstr (dossier_date_get_text (hit->date), ==, "2014-12-01");
}

static void
test_snippet_phrase_marks (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "\"act of war\"", 0, NULL);
  DossierSearchHit *hit = find_hit (hits, "notes n9");
  g_autofree char *words = marked_words (hit->snippet, hit->snippet_marks);
  g_autofree char *title_words = marked_words (hit->title, hit->title_marks);

  /* The phrase is marked as one range, each time it occurs. */
  g_assert_cmpstr (hit->snippet, ==,
                   "Was it war, or an act of vandalism? The act of war framing came from KCNA.");
  g_assert_cmpstr (words, ==, "act of war");
  g_assert_cmpstr (title_words, ==, "Act of war");
  g_assert_true (hit->title_match);
  g_assert_true (hit->phrase_match);
}

static void
test_snippet_accents (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "cafe ecole", 0, NULL);
  DossierSearchHit *n3 = find_hit (hits, "notes n3");
  DossierSearchHit *n4 = find_hit (hits, "notes n4");
  g_autofree char *n3_words = marked_words (n3->snippet, n3->snippet_marks);
  g_autofree char *n4_words = marked_words (n4->snippet, n4->snippet_marks);
  g_autofree char *n3_title = marked_words (n3->title, n3->title_marks);

  /* The marks cover the accented letters, composed or not. */
  g_assert_cmpstr (n3_words, ==, "école|café");
  g_assert_cmpstr (n3_title, ==, "ÉCOLE");
  g_assert_cmpstr (n4_words, ==, "cafe\xcc\x81|E\xcc\x81" "cole");
}

static void
test_snippet_cjk (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "김정은", 0, NULL);
  DossierSearchHit *n5 = find_hit (hits, "notes n5");
  DossierSearchHit *kim = find_hit (hits, "entities e-kim");
  g_autofree char *n5_words = marked_words (n5->snippet, n5->snippet_marks);
  g_autofree char *kim_words = marked_words (kim->snippet, kim->snippet_marks);

  g_assert_cmpstr (n5->snippet, ==, "조선중앙통신은 김정은의 지시를 보도했다.");
  g_assert_cmpstr (n5_words, ==, "김정은");
  g_assert_cmpstr (kim->field, ==, "alias");
  g_assert_cmpstr (kim_words, ==, "김정은");
}

static void
test_snippet_title_only (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "behind", 0, NULL);
  DossierSearchHit *hit;
  g_autofree char *words = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  words = marked_words (hit->snippet, hit->snippet_marks);
  g_assert_cmpstr (hit->field, ==, "title");
  g_assert_cmpstr (hit->snippet, ==, "Who is behind GOP?");
  g_assert_cmpstr (words, ==, "behind");
}

static void
test_snippet_filter_only (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "tag:culture", 0, NULL);
  DossierSearchHit *hit = find_hit (hits, "notes n3");

  /* Nothing typed to mark: the start of the text. */
  g_assert_cmpstr (hit->field, ==, "body");
  g_assert_cmpstr (hit->snippet, ==, "Une école de pensée: the café near the office.");
  g_assert_cmpuint (hit->snippet_marks->len, ==, 0);
}

static void
test_snippet_cut (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "haystack needle", 0, NULL);
  DossierSearchHit *hit;
  g_autofree char *words = NULL;
  glong chars;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  words = marked_words (hit->snippet, hit->snippet_marks);
  chars = g_utf8_strlen (hit->snippet, -1);

  g_assert_true (g_str_has_prefix (hit->snippet, "…"));
  g_assert_true (g_str_has_suffix (hit->snippet, "…"));
  g_assert_cmpint (chars, <=, 162);
  g_assert_cmpint (chars, >=, 120);
  g_assert_cmpstr (words, ==, "haystack|needle");
  /* Cut at spaces, never inside a word. */
  g_assert_true (hit->snippet[strlen ("…")] != ' ');
  g_assert_nonnull (strstr (hit->snippet, "names the haystack needle that the test looks for"));
  g_assert_true (hit->phrase_match);
}

static void
test_snippet_sanitized (void)
{
  g_autoptr(GPtrArray) hits = run_query (minimal_index, "passports", 0, NULL);
  g_autoptr(GPtrArray) word_hits = run_query (minimal_index, "password", 0, NULL);
  DossierSearchHit *hit;
  g_autofree char *words = NULL;
  g_autofree char *title_words = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  words = marked_words (hit->snippet, hit->snippet_marks);
  title_words = marked_words (hit->title, hit->title_marks);

  /* Zero-width, soft hyphen and bidi characters neither split words nor
   * reach the screen. */
  g_assert_cmpstr (hit->title, ==, "Hidden passports");
  g_assert_cmpstr (title_words, ==, "passports");
  g_assert_cmpstr (hit->snippet, ==, "A password list and reversed text about passports.");
  g_assert_cmpstr (words, ==, "passports");
  g_assert_cmpuint (word_hits->len, ==, 1);
}

static void
test_labels (void)
{
  struct { const char *query; const char *hit; const char *label; } cases[] = {
    { "passport ", "breach #1", "Exposed item 1 — Passport scans of cast members" },
    { "theatrical", "release #2", "Release 2 — Theatrical" },
    { "obey", "threat", "Threat screen — Hacked By #GOP" },
    { "terabytes", "breach", "Breach — Wiper malware and data theft" },
    { "insiders", "breach h-dprk", "Hypothesis h-dprk — North Korea ordered the attack" },
    { "fixture", "overview", "Overview — Search fixture: the Sony Pictures hack" },
    { "supreme", "entities e-kim", "Entity e-kim — Kim Jong-un" },
    { "act of war", "timeline ev-2", "Event ev-2 — War of words" },
    { "ambassador", "reactions r-un", "Reaction r-un — Letter to the U.N. Secretary-General" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = run_query (basic_index, cases[i].query, 0, NULL);
      DossierSearchHit *hit = find_hit (hits, cases[i].hit);

      g_assert_cmpstr (hit->label, ==, cases[i].label);
    }
}

static void
test_hit_date_and_certainty (void)
{
  g_autoptr(GPtrArray) hits = run_query (basic_index, "passport ", 0, NULL);
  DossierSearchHit *item = find_hit (hits, "breach #1");
  DossierSearchHit *note = find_hit (hits, "notes n8");

  g_assert_cmpint (item->certainty, ==, DOSSIER_CERTAINTY_CONFIRMED);
  g_assert_cmpstr (dossier_date_get_text (item->date), ==, "2014-11-24");
  g_assert_cmpint (note->certainty, ==, DOSSIER_CERTAINTY_NONE);
  g_assert_cmpstr (dossier_date_get_text (note->date), ==, "2014-11-30");
}

static void
test_max_results_and_total (void)
{
  guint total = 0;
  g_autoptr(GPtrArray) all = run_query (basic_index, "passport", 0, &total);
  g_autoptr(GPtrArray) two = run_query (basic_index, "passport", 2, &total);
  g_autofree char *all_s = describe_hits (all);
  g_autofree char *two_s = describe_hits (two);

  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (two_s, ==, "breach #1, notes n1");
  g_assert_true (g_str_has_prefix (all_s, two_s));
}

/* ------------------------------------------------------------------ */

typedef struct
{
  const char         *query;
  DossierSearchError  code;
  guint               column;
  const char         *message;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "passports \"act of", DOSSIER_SEARCH_ERROR_SYNTAX, 11, "unclosed quote at column 11" },
    { "école \"x", DOSSIER_SEARCH_ERROR_SYNTAX, 7, "unclosed quote at column 7" },
    { "tag:\"leak", DOSSIER_SEARCH_ERROR_SYNTAX, 5, "unclosed quote at column 5" },
    { "colour:red", DOSSIER_SEARCH_ERROR_UNKNOWN_FILTER, 1,
      "unknown filter 'colour:' at column 1; known: tag, author, in, cites, certainty, before, after" },
    { "war Colour:red", DOSSIER_SEARCH_ERROR_UNKNOWN_FILTER, 5,
      "unknown filter 'Colour:' at column 5; known: tag, author, in, cites, certainty, before, after" },
    { "in:kitchen", DOSSIER_SEARCH_ERROR_INVALID_VALUE, 4,
      "unknown section 'kitchen' after in: at column 4; known: overview, entities, sources, "
      "breach, threat, reactions, release, timeline, notes" },
    { "certainty:sure", DOSSIER_SEARCH_ERROR_INVALID_VALUE, 11,
      "unknown certainty 'sure' after certainty: at column 11; known: confirmed, reported, "
      "alleged, disputed, unverified" },
    { "OR passports", DOSSIER_SEARCH_ERROR_SYNTAX, 1, "OR at column 1 needs a term before it" },
    { "passports OR", DOSSIER_SEARCH_ERROR_SYNTAX, 11, "OR at column 11 needs a term after it" },
    { "a OR OR b", DOSSIER_SEARCH_ERROR_SYNTAX, 6, "OR at column 6 needs a term before it" },
    { "tag:", DOSSIER_SEARCH_ERROR_SYNTAX, 1, "tag: at column 1 needs a value" },
    { "leak after:", DOSSIER_SEARCH_ERROR_SYNTAX, 6, "after: at column 6 needs a value" },
    { "tag:݅", DOSSIER_SEARCH_ERROR_INVALID_VALUE, 5, "'݅' after tag: at column 5 has no letters or digits to search for" },
    { "author:--", DOSSIER_SEARCH_ERROR_INVALID_VALUE, 8, "'--' after author: at column 8 has no letters or digits to search for" },
    { "pass\xff", DOSSIER_SEARCH_ERROR_SYNTAX, 5, "the query is not valid UTF-8 at byte 5" },
    /* The byte counts bytes; the column, characters. */
    { "école\xff", DOSSIER_SEARCH_ERROR_SYNTAX, 6, "the query is not valid UTF-8 at byte 7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (cases[i].query, &error);

      g_assert_null (query);
      g_assert_error (error, DOSSIER_SEARCH_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (dossier_search_error_get_column (error), ==, cases[i].column);
    }
}

/* The fuzzer's oracle read the column back from the message and found
 * the "column" the user had typed inside the quotes: the column is the
 * error's own data, whatever the quoted text says. */
static void
test_error_column_in_quoted_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(DossierSearchQuery) query =
    dossier_search_query_parse ("in:\"agacolumn inst\"t:threaaut", &error);

  g_assert_null (query);
  g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "unknown section 'agacolumn inst' after in: at column 4; known: overview, "
                   "entities, sources, breach, threat, reactions, release, timeline, notes");
  g_assert_cmpuint (dossier_search_error_get_column (error), ==, 4);

  /* It survives a copy, as a GTask hands errors on. */
  copy = g_error_copy (error);
  g_assert_cmpuint (dossier_search_error_get_column (copy), ==, 4);
}

static void
test_error_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("war before:2014-13", &error);
  g_autoptr(DossierDate) date = dossier_date_parse ("2014-13", &date_error);
  g_autofree char *expected = NULL;

  g_assert_null (date);
  g_assert_nonnull (date_error);
  expected = g_strdup_printf ("'2014-13' after before: at column 12 is not a date: %s",
                              date_error->message);
  g_assert_null (query);
  g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (dossier_search_error_get_column (error), ==, 12);
}

static void
test_parse (void)
{
  static const struct { const char *text; const char *parsed; } cases[] = {
    { "passports", "passports*" },
    { "passports ", "passports" },
    { "ÉCOLE", "ecole*" },
    { "!!! passports", "passports*" },
    { "Jong-un OR \"act of war\" -leak tag:Leak in:Notes before:2014-12",
      "(\"jong un\" OR \"act of war\") AND -leak AND tag:leak AND in:notes AND before:2014-12" },
    { "-in:notes certainty:Alleged author:\"Analyst Lee\"",
      "-in:notes AND certainty:alleged AND author:\"analyst lee\"" },
    { "http://example.com/x", "\"http example com x\"*" },
    { "cites:S-KCNA", "cites:s-kcna*" },
    { "or and", "or AND and*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (cases[i].text, &error);
      g_autofree char *parsed = NULL;

      g_assert_no_error (error);
      parsed = dossier_search_query_to_string (query);
      g_assert_cmpstr (parsed, ==, cases[i].parsed);
      g_assert_cmpstr (dossier_search_query_get_text (query), ==, cases[i].text);
    }
}

static void
test_tokenize (void)
{
  static const struct { const char *text; const char *tokens; } cases[] = {
    { "Kim Jong-un's Café", "kim|jong|un|s|cafe" },
    { "ÉCOLE straße ﬁle Ｆｕｌｌ", "ecole|strasse|file|full" },
    { "E\xcc\x81" "cole cafe\xcc\x81", "ecole|cafe" },
    { "ΣΊΣΥΦΟΣ", "σισυφοσ" },
    { "σίσυφος", "σισυφοσ" },
    { "İstanbul", "istanbul" },
    { "김정은의 GOP가", "김|정|은|의|gop|가" },
    /* Conjoining jamo and half-width kana come out composed. */
    { "\xe1\x84\x80\xe1\x85\xa1", "가" },
    { "ｶﾞ", "ガ" },
    { "pass\xc2\xad" "word wo\xe2\x80\x8b" "rd \xe2\x80\xae" "evil", "password|word|evil" },
    { "U.N. 2014-11-24", "u|n|2014|11|24" },
    /* One character, four tokens: more tokens than bytes. */
    { "㍿㍿㍿㍿", "株|式|会|社|株|式|会|社|株|式|会|社|株|式|会|社" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) tokens = dossier_search_text_tokenize (cases[i].text, -1);
      g_autofree char *joined = g_strjoinv ("|", tokens);

      g_assert_cmpstr (joined, ==, cases[i].tokens);
    }
}

static void
test_fold (void)
{
  g_autofree char *a = dossier_search_text_fold ("North-Korea");
  g_autofree char *b = dossier_search_text_fold ("E\xcc\x81" "COLE");

  g_assert_cmpstr (a, ==, "north-korea");
  g_assert_cmpstr (b, ==, "ecole");
}

/* What a full-text tokenizer callback gets: each folded token and the
 * bytes of the text it stands for. */
static void
test_text_iter (void)
{
  /* "É" and "e\u0301" are two bytes and three; the soft hyphen is
   * ignored inside the word; the Hangul are one token each. */
  const char *text = "Caf\xc3\xa9 E\xcc\x81" "COLE pass\xc2\xad" "word 김정";
  static const struct { const char *token; gsize start; gsize end; } expected[] = {
    { "cafe", 0, 5 },
    { "ecole", 6, 13 },
    { "password", 14, 24 },
    { "김", 25, 28 },
    { "정", 28, 31 },
  };
  g_auto(DossierSearchTextIter) iter = { 0, };
  DossierSearchTextToken token;
  guint n = 0;

  dossier_search_text_iter_init (&iter, text, -1);
  while (dossier_search_text_iter_next (&iter, &token))
    {
      g_autofree char *folded = g_strndup (token.text, token.length);

      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (folded, ==, expected[n].token);
      g_assert_cmpuint (token.start, ==, expected[n].start);
      g_assert_cmpuint (token.end, ==, expected[n].end);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_false (dossier_search_text_iter_next (&iter, &token));
}

static void
test_text_other_forms (void)
{
  static const struct { const char *token; const char *forms; } cases[] = {
    { "passports", "passport" },
    { "passport", "passports" },
    { "boxes", "boxe|box" },
    { "box", "boxes" },
    { "agency", "agencys|agencies" },
    { "agencies", "agencie|agency" },
    { "class", "classes" },
    { "virus", "" },
    { "is", "" },
    { "café", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) forms = dossier_search_text_other_forms (cases[i].token);
      g_autofree char *joined = g_strjoinv ("|", forms);

      g_assert_cmpstr (joined, ==, cases[i].forms);
    }
}

/* ------------------------------------------------------------------ */

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("passports", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  guint total = 99;

  g_cancellable_cancel (cancellable);
  hits = dossier_search_index_run (basic_index, query, 10, &total, cancellable, &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (total, ==, 0);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  *out = dossier_search_index_run_finish (DOSSIER_SEARCH_INDEX (object), result, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 5);
}

static void
test_async (void)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("passport", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *got = NULL;

  dossier_search_index_run_async (basic_index, query, 3, NULL, on_run_done_cb, &hits);
  while (hits == NULL)
    g_main_context_iteration (NULL, TRUE);
  got = describe_hits (hits);
  g_assert_cmpstr (got, ==, "breach #1, notes n1, sources s-variety");
}

static void
on_index_built_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DossierSearchIndex **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_search_index_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_build_async (void)
{
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autofree char *got = NULL;

  dossier_search_index_new_async (dossier_search_index_get_case (basic_index), NULL,
                                  on_index_built_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dossier_search_index_get_n_documents (index), ==,
                    dossier_search_index_get_n_documents (basic_index));
  got = search (index, "act of war");
  g_assert_cmpstr (got, ==,
                   "notes n9, sources s-kcna, reactions r-kcna, reactions r-un, timeline ev-2");
}

static gpointer
query_thread (gpointer data)
{
  for (guint round = 0; round < 20; round++)
    for (guint i = 0; i < G_N_ELEMENTS (query_cases); i++)
      {
        g_autofree char *got = search (basic_index, query_cases[i].query);

        if (strcmp (got, query_cases[i].expected) != 0)
          return GUINT_TO_POINTER (i + 1);
      }
  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  /* The index is read-only: queries from several threads at once agree
   * with the single-threaded answers. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("search", query_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

/* ------------------------------------------------------------------ */

static char *
read_stream (FILE *f)
{
  GString *s = g_string_new (NULL);
  char buf[4096];
  size_t n;

  fflush (f);
  rewind (f);
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    g_string_append_len (s, buf, n);
  return g_string_free (s, FALSE);
}

static int
run_command (const char         *query,
             const char * const *paths,
             char              **out_text,
             char              **err_text)
{
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();
  int status;

  g_assert_nonnull (out);
  g_assert_nonnull (err);
  status = dossier_search_command (query, paths, out, err);
  *out_text = read_stream (out);
  *err_text = read_stream (err);
  fclose (out);
  fclose (err);
  return status;
}

static void
test_command (void)
{
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *minimal = fixture_path ("search-minimal.case.xml");
  g_autofree char *missing = fixture_path ("search-no-such-file.case.xml");
  const char *both[] = { basic, minimal, NULL };
  const char *with_missing[] = { basic, missing, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  int status;

  status = run_command ("passports", both, &out, &err);
  expected = g_strdup_printf (
    "%s: breach #1: [[Passport]] scans of cast members\n"
    "%s: notes n1: Scans of [[passports]] for cast and crew appeared in the dump.\n"
    "%s: sources s-variety: Scans of [[passports]] and visas of stars were posted on file-sharing sites.\n"
    "%s: breach: Employees' [[passports]], salaries and emails leaked.\n"
    "%s: notes n8: Spreadsheets with salaries and [[passport]] numbers were passed around.\n"
    "%s: notes m1: A password list and reversed text about [[passports]].\n",
    basic, basic, basic, basic, basic, minimal);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  /* Items without an id: their number; the threat screen: nothing. */
  status = run_command ("\"passport scans\" OR obey", both, &out, &err);
  expected = g_strdup_printf ("%s: breach #1: [[Passport scans]] of cast members\n"
                              "%s: threat: [[Obey]] us\n", basic, basic);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  status = run_command ("zebra", both, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_command ("passports \"act of", both, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "dossier: invalid search query: unclosed quote at column 11\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_command ("  ", both, &out, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (err, ==, "dossier: the search query is empty\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A refused file is an error, but the others are still searched. */
  status = run_command ("behind", with_missing, &out, &err);
  expected = g_strdup_printf ("%s: notes n2: Who is [[behind]] GOP?\n", basic);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, expected);
  g_assert_nonnull (strstr (err, "search-no-such-file.case.xml"));
  g_assert_true (g_str_has_suffix (err, "\n"));
}

/* ------------------------------------------------------------------ */

/* The shipped sample: questions a reader asks of it, with hits that
 * must be among the answers (expected: hits separated by ", "). */
static const QueryCase sample_cases[] = {
  { "/search/sample/passports", "passports", "breach #1, sources reddit-claims" },
  { "/search/sample/ambassador-letter", "ambassador letter",
    "reactions r-un-letter, sources un-letter" },
  { "/search/sample/jong-un", "jong un", "entities kim-jong-un" },
  { "/search/sample/act-of-war", "\"act of war\"",
    "reactions r-un-letter, breach h-north-korea" },
};

static DossierSearchIndex *sample_index;

/* The index of the shipped sample, built on first use. The sample must
 * load: a missing or broken sample fails these tests, it does not skip
 * them. */
static DossierSearchIndex *
get_sample_index (void)
{
  if (sample_index == NULL)
    {
      const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierCase) dcase = NULL;

      if (root != NULL)
        path = g_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
      else
        path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases",
                                      "sony-pictures-2014.case.xml", NULL);
      file = g_file_new_for_path (path);
      dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (dcase);
      sample_index = dossier_search_index_new (dcase);
    }
  return sample_index;
}

static void
test_sample (gconstpointer data)
{
  const QueryCase *qc = data;
  g_autoptr(GPtrArray) hits = NULL;
  g_auto(GStrv) expected = NULL;

  hits = run_query (get_sample_index (), qc->query, 0, NULL);
  expected = g_strsplit (qc->expected, ", ", -1);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      DossierSearchHit *hit = find_hit (hits, expected[i]);

      /* Every hit shows why it matched. */
      g_assert_cmpuint (hit->snippet_marks->len, >, 0);
    }
  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (hit->snippet_marks->len > 0 || hit->title_marks->len > 0);
      g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *basic = NULL;
  g_autofree char *minimal = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  basic = fixture_path ("search-basic.case.xml");
  minimal = fixture_path ("search-minimal.case.xml");
  basic_index = load_index (basic);
  minimal_index = load_index (minimal);

  for (guint i = 0; i < G_N_ELEMENTS (query_cases); i++)
    g_test_add_data_func (query_cases[i].path, &query_cases[i], test_query_case);

  g_test_add_func ("/search/snippet/marks", test_snippet_marks);
  g_test_add_func ("/search/snippet/phrase-marks", test_snippet_phrase_marks);
  g_test_add_func ("/search/snippet/accents", test_snippet_accents);
  g_test_add_func ("/search/snippet/cjk", test_snippet_cjk);
  g_test_add_func ("/search/snippet/title-only", test_snippet_title_only);
  g_test_add_func ("/search/snippet/filter-only", test_snippet_filter_only);
  g_test_add_func ("/search/snippet/cut", test_snippet_cut);
  g_test_add_func ("/search/snippet/sanitized", test_snippet_sanitized);
  g_test_add_func ("/search/hit/labels", test_labels);
  g_test_add_func ("/search/hit/date-and-certainty", test_hit_date_and_certainty);
  g_test_add_func ("/search/hit/max-results-and-total", test_max_results_and_total);
  g_test_add_func ("/search/query/errors", test_errors);
  g_test_add_func ("/search/query/error-date", test_error_date);
  g_test_add_func ("/search/query/error-column-in-quoted-text", test_error_column_in_quoted_text);
  g_test_add_func ("/search/query/parse", test_parse);
  g_test_add_func ("/search/text/tokenize", test_tokenize);
  g_test_add_func ("/search/text/fold", test_fold);
  g_test_add_func ("/search/text/iter", test_text_iter);
  g_test_add_func ("/search/text/other-forms", test_text_other_forms);
  g_test_add_func ("/search/run/cancelled", test_cancelled);
  g_test_add_func ("/search/run/async", test_async);
  g_test_add_func ("/search/run/build-async", test_build_async);
  g_test_add_func ("/search/run/threads", test_threads);
  g_test_add_func ("/search/command", test_command);

  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    g_test_add_data_func (sample_cases[i].path, &sample_cases[i], test_sample);

  status = g_test_run ();

  g_clear_object (&basic_index);
  g_clear_object (&minimal_index);
  g_clear_object (&sample_index);
  return status;
}
