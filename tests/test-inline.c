/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "dossier-inline.h"
#include "dossier-model-builder.h"
#include "dossier-place.h"
#include "dossier-problem.h"

/* Runs with LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC (tests/meson.build). */

static DossierInline *
text_node (const char *text)
{
  DossierInline *node = dossier_inline_new (DOSSIER_INLINE_TEXT);

  node->text = g_strdup (text);
  return node;
}

static DossierInline *
ref_node (DossierInlineKind  kind,
          const char        *ref,
          const char        *words)
{
  DossierInline *node = dossier_inline_new (kind);

  node->ref = g_strdup (ref);
  if (words != NULL)
    dossier_inline_append (node, text_node (words));
  return node;
}

static DossierInline *
cite_node (const char *ref,
           const char *at,
           guint       number)
{
  DossierInline *node = dossier_inline_new (DOSSIER_INLINE_CITE);

  node->ref = g_strdup (ref);
  node->at = g_strdup (at);
  node->number = number;
  return node;
}

/* <mention ref="acme">Acme</mention> shut down <em>its</em>
 * <strong>network</strong><cite ref="trade"/>. It said <q>we were
 * <q>hacked</q></q> (<link href="https://trade.example/">Trade
 * Daily</link>). */
static DossierInline *
build_sample (void)
{
  DossierInline *root = dossier_inline_new (DOSSIER_INLINE_ROOT);
  DossierInline *em, *strong, *quote, *inner;

  dossier_inline_append (root, ref_node (DOSSIER_INLINE_MENTION, "acme", "Acme"));
  dossier_inline_append (root, text_node (" shut down "));
  em = dossier_inline_append (root, dossier_inline_new (DOSSIER_INLINE_EM));
  dossier_inline_append (em, text_node ("its"));
  dossier_inline_append (root, text_node (" "));
  strong = dossier_inline_append (root, dossier_inline_new (DOSSIER_INLINE_STRONG));
  dossier_inline_append (strong, text_node ("network"));
  dossier_inline_append (root, cite_node ("trade", "p. 3", 1));
  dossier_inline_append (root, text_node (". It said "));
  quote = dossier_inline_append (root, dossier_inline_new (DOSSIER_INLINE_QUOTE));
  dossier_inline_append (quote, text_node ("we were "));
  inner = dossier_inline_append (quote, dossier_inline_new (DOSSIER_INLINE_QUOTE));
  dossier_inline_append (inner, text_node ("hacked"));
  dossier_inline_append (root, text_node (" ("));
  dossier_inline_append (root, ref_node (DOSSIER_INLINE_LINK, "https://trade.example/",
                                         "Trade Daily"));
  dossier_inline_append (root, text_node (")."));
  return root;
}

static void
test_plain_sample (void)
{
  g_autoptr(DossierInline) root = build_sample ();
  g_autofree char *plain = dossier_inline_to_plain (root);
  g_autoptr(GString) out = g_string_new ("> ");

  g_assert_cmpstr (plain, ==,
                   "Acme shut down its network. It said “we were ‘hacked’” (Trade Daily).");

  dossier_inline_append_plain (root, out);
  g_assert_cmpstr (out->str, ==,
                   "> Acme shut down its network. It said “we were ‘hacked’” (Trade Daily).");
}

static void
test_plain_parts (void)
{
  g_autoptr(DossierInline) quote = dossier_inline_new (DOSSIER_INLINE_QUOTE);
  g_autoptr(DossierInline) cite = cite_node ("trade", NULL, 2);
  g_autoptr(DossierInline) empty_link = ref_node (DOSSIER_INLINE_LINK, "https://example.com/", NULL);
  g_autoptr(DossierInline) empty_root = dossier_inline_new (DOSSIER_INLINE_ROOT);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  dossier_inline_append (quote, text_node ("Hacked By #GOP"));
  a = dossier_inline_to_plain (quote);
  g_assert_cmpstr (a, ==, "“Hacked By #GOP”");
  /* A citation alone has no words. */
  b = dossier_inline_to_plain (cite);
  g_assert_cmpstr (b, ==, "");
  /* A link without words shows where it points. */
  c = dossier_inline_to_plain (empty_link);
  g_assert_cmpstr (c, ==, "https://example.com/");
  d = dossier_inline_to_plain (empty_root);
  g_assert_cmpstr (d, ==, "");
  e = dossier_inline_to_plain (NULL);
  g_assert_cmpstr (e, ==, "");
}

typedef struct
{
  GString *kinds;
  guint    stop_after;
  guint    seen;
} Walk;

static gboolean
record_kind_cb (const DossierInline *node,
                gpointer             user_data)
{
  static const char letters[] = "RTESQMLC";
  Walk *walk = user_data;

  g_string_append_c (walk->kinds, letters[node->kind]);
  walk->seen++;
  return walk->stop_after == 0 || walk->seen < walk->stop_after;
}

static void
test_foreach_order (void)
{
  g_autoptr(DossierInline) root = build_sample ();
  Walk walk = { g_string_new (NULL), 0, 0 };
  Walk stop = { g_string_new (NULL), 4, 0 };

  dossier_inline_foreach (root, record_kind_cb, &walk);
  /* Document order: each node before its children. */
  g_assert_cmpstr (walk.kinds->str, ==, "RMTTETTSTCTQTQTTLTT");

  dossier_inline_foreach (root, record_kind_cb, &stop);
  g_assert_cmpstr (stop.kinds->str, ==, "RMTT");

  g_string_free (walk.kinds, TRUE);
  g_string_free (stop.kinds, TRUE);
}

static gboolean
count_cb (const DossierInline *node,
          gpointer             user_data)
{
  guint *count = user_data;

  (*count)++;
  return TRUE;
}

/* Far deeper than the loader allows (32): walking, plain text and
 * freeing must not use the C stack for depth. */
static void
test_deep_tree (void)
{
  const guint depth = 300000;
  DossierInline *root = dossier_inline_new (DOSSIER_INLINE_ROOT);
  DossierInline *node = root;
  g_autofree char *plain = NULL;
  guint count = 0;

  for (guint i = 0; i < depth; i++)
    node = dossier_inline_append (node, dossier_inline_new (i % 2 ? DOSSIER_INLINE_EM
                                                                   : DOSSIER_INLINE_STRONG));
  dossier_inline_append (node, text_node ("deep"));

  dossier_inline_foreach (root, count_cb, &count);
  g_assert_cmpuint (count, ==, depth + 2);

  plain = dossier_inline_to_plain (root);
  g_assert_cmpstr (plain, ==, "deep");

  dossier_inline_free (root);
}

static void
test_certainty (void)
{
  static const struct
  {
    DossierCertainty  certainty;
    const char       *word;
    const char       *label;
    const char       *description;
  } rows[] = {
    { DOSSIER_CERTAINTY_CONFIRMED, "confirmed", "Confirmed",
      "Shown to be true by evidence or acknowledged by those involved" },
    { DOSSIER_CERTAINTY_REPORTED, "reported", "Reported",
      "Stated by a source but not independently confirmed" },
    { DOSSIER_CERTAINTY_ALLEGED, "alleged", "Alleged",
      "Claimed by someone but not shown to be true" },
    { DOSSIER_CERTAINTY_DISPUTED, "disputed", "Disputed",
      "Contested by someone involved or contradicted by other sources" },
    { DOSSIER_CERTAINTY_UNVERIFIED, "unverified", "Unverified",
      "Not yet checked against any other source" },
  };
  const char *refused[] = { "Confirmed", "confirmed ", "", "maybe", "none" };
  DossierCertainty parsed = DOSSIER_CERTAINTY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpstr (dossier_certainty_to_string (rows[i].certainty), ==, rows[i].word);
      g_assert_cmpstr (dossier_certainty_get_label (rows[i].certainty), ==, rows[i].label);
      g_assert_cmpstr (dossier_certainty_get_description (rows[i].certainty), ==,
                       rows[i].description);
      g_assert_true (dossier_certainty_from_string (rows[i].word, &parsed));
      g_assert_cmpint (parsed, ==, rows[i].certainty);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      parsed = DOSSIER_CERTAINTY_ALLEGED;
      g_assert_false (dossier_certainty_from_string (refused[i], &parsed));
      g_assert_cmpint (parsed, ==, DOSSIER_CERTAINTY_ALLEGED);
    }
  g_assert_false (dossier_certainty_from_string (NULL, &parsed));

  g_assert_null (dossier_certainty_to_string (DOSSIER_CERTAINTY_NONE));
  g_assert_null (dossier_certainty_get_label (DOSSIER_CERTAINTY_NONE));
  g_assert_null (dossier_certainty_get_description (DOSSIER_CERTAINTY_NONE));
}

static DossierParagraph *
paragraph (const char *words)
{
  DossierParagraph *p = dossier_paragraph_new ();

  p->text = dossier_inline_new (DOSSIER_INLINE_ROOT);
  dossier_inline_append (p->text, text_node (words));
  return p;
}

static void
test_blocks_plain (void)
{
  g_autoptr(GPtrArray) blocks = dossier_blocks_new ();
  g_autoptr(GPtrArray) empty = dossier_blocks_new ();
  g_autofree char *plain = NULL;
  g_autofree char *none = NULL;
  g_autofree char *null = NULL;
  DossierParagraph *second;

  g_autoptr(DossierParagraph) fresh = dossier_paragraph_new ();

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpint (fresh->certainty, ==, DOSSIER_CERTAINTY_NONE);
  g_assert_null (fresh->text);

  g_ptr_array_add (blocks, paragraph ("Acme shut down its network."));
  second = paragraph ("The attackers ");
  second->certainty = DOSSIER_CERTAINTY_ALLEGED;
  dossier_inline_append (second->text, cite_node ("trade", NULL, 1));
  dossier_inline_append (second->text, text_node ("left a message."));
  g_ptr_array_add (blocks, second);

  plain = dossier_blocks_to_plain (blocks);
  g_assert_cmpstr (plain, ==, "Acme shut down its network.\n\nThe attackers left a message.");

  none = dossier_blocks_to_plain (empty);
  g_assert_cmpstr (none, ==, "");
  null = dossier_blocks_to_plain (NULL);
  g_assert_cmpstr (null, ==, "");
}

/* The link policy, hostile inputs item 13. */

static void
test_link_policy (void)
{
  const char *safe[] = {
    "https://example.com",
    "https://www.sonypictures.com/",
    "http://example.com/path?q=1&r=2#frag",
    "HTTPS://EXAMPLE.COM/",
    "https://example.com:8443/x",
    "https://[2001:db8::1]/",
    "https://example.com/%20encoded",
    "https://bücher.example/",
  };
  const char *unsafe[] = {
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "file:///etc/passwd",
    "file://host/share",
    "data:text/html,<script>alert(1)</script>",
    "smb://server/share",
    "mailto:someone@example.com",
    "ftp://example.com/",
    "dossier://case/open",
    "x-custom-handler://anything",
    "https://user@example.com/",
    "https://user:password@example.com/",
    "https://",
    "https:///path",
    "https:example.com",
    "//example.com/",
    "example.com",
    "/relative/path",
    "",
    " https://example.com/",
    "https://example.com/ ",
    "https://exa mple.com/",
    "https://example.com/\001",
    "https://example.com/\n",
    "https://example.com/\t",
    "https://example.com/\177",
    "https://example.com/\302\205",      /* U+0085 */
    "https://example.com/\342\200\256",  /* U+202E */
    "https://example.com/\342\200\213",  /* U+200B */
    "https://example.com/\302\240",      /* U+00A0 */
    "https://good.example\\@evil.example/",
    "https://example.com/\377",
  };
  g_autofree char *padding = NULL;
  g_autofree char *long_url = NULL;
  g_autofree char *limit_url = NULL;
  g_autofree char *over_url = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    if (!dossier_link_is_safe (safe[i]))
      g_error ("refused a safe link: %s", safe[i]);

  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    if (dossier_link_is_safe (unsafe[i]))
      g_error ("accepted an unsafe link: %s", unsafe[i]);

  g_assert_false (dossier_link_is_safe (NULL));

  /* 3000 bytes, 2048 bytes exactly, 2049 bytes. */
  padding = g_strnfill (3000 - strlen ("https://example.com/"), 'a');
  long_url = g_strconcat ("https://example.com/", padding, NULL);
  g_assert_cmpuint (strlen (long_url), ==, 3000);
  g_assert_false (dossier_link_is_safe (long_url));

  limit_url = g_strndup (long_url, 2048);
  g_assert_true (dossier_link_is_safe (limit_url));
  over_url = g_strndup (long_url, 2049);
  g_assert_false (dossier_link_is_safe (over_url));
}

static void
test_sanitize (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } rows[] = {
    { "Sony Pictures", "Sony Pictures" },
    { "invoice\342\200\256fdp.exe", "invoicefdp.exe" },            /* U+202E */
    { "\342\200\252a\342\200\253b\342\200\254c\342\200\255d", "abcd" }, /* U+202A-D */
    { "a\342\201\246b\342\201\247c\342\201\250d\342\201\251e", "abcde" }, /* U+2066-9 */
    { "zero\342\200\213width\342\200\214\342\200\215\342\200\216\342\200\217", "zerowidth" },
    { "\357\273\277title", "title" },                             /* U+FEFF */
    { "word\342\201\240joiner", "wordjoiner" },                  /* U+2060 */
    { "line\nbreak\ttab\rreturn", "line break tab return" },
    { "a\342\200\250b\342\200\251c", "a b c" },                   /* U+2028, U+2029 */
    { "bell\001\037\177end", "bellend" },
    { "c1\302\200\302\205\302\237end", "c1end" },                 /* U+0080, U+0085, U+009F */
    { "broken\377utf8", "broken\357\277\275utf8" },
    { "Gu\303\251rin \342\200\223 \346\235\261\344\272\254", "Gu\303\251rin \342\200\223 \346\235\261\344\272\254" },
    { "", "" },
  };
  g_autofree char *null = dossier_sanitize_display_text (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *clean = dossier_sanitize_display_text (rows[i].in);

      g_assert_cmpstr (clean, ==, rows[i].out);
      g_assert_true (g_utf8_validate (clean, -1, NULL));
    }

  g_assert_cmpstr (null, ==, "");
}

/* Places and problems. */

static void
test_sections (void)
{
  static const struct
  {
    DossierSection  section;
    const char     *name;
    const char     *label;
  } rows[] = {
    { DOSSIER_SECTION_OVERVIEW, "overview", "Overview" },
    { DOSSIER_SECTION_ENTITIES, "entities", "Entities" },
    { DOSSIER_SECTION_SOURCES, "sources", "Sources" },
    { DOSSIER_SECTION_BREACH, "breach", "Breach" },
    { DOSSIER_SECTION_THREAT, "threat", "Threat Screen" },
    { DOSSIER_SECTION_REACTIONS, "reactions", "Reactions" },
    { DOSSIER_SECTION_RELEASE, "release", "Release History" },
    { DOSSIER_SECTION_TIMELINE, "timeline", "Timeline" },
    { DOSSIER_SECTION_NOTES, "notes", "Notes" },
  };
  DossierSection section;

  g_assert_cmpuint (G_N_ELEMENTS (rows), ==, DOSSIER_N_SECTIONS);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpint (rows[i].section, ==, i);
      g_assert_cmpstr (dossier_section_to_string (rows[i].section), ==, rows[i].name);
      g_assert_cmpstr (dossier_section_get_label (rows[i].section), ==, rows[i].label);
      section = DOSSIER_N_SECTIONS;
      g_assert_true (dossier_section_from_string (rows[i].name, &section));
      g_assert_cmpint (section, ==, rows[i].section);
    }

  g_assert_false (dossier_section_from_string ("Breach", &section));
  g_assert_false (dossier_section_from_string ("threat-screen", &section));
  g_assert_false (dossier_section_from_string ("", &section));
  g_assert_false (dossier_section_from_string (NULL, &section));
}

static void
test_place (void)
{
  g_autoptr(DossierPlace) place = dossier_place_new ();

  g_assert_cmpint (place->item_index, ==, -1);
  g_assert_null (place->item_id);
  g_assert_null (place->ref);
  place->item_id = g_strdup ("gop-warning");
  place->ref = g_strdup ("trade");
  place->at = g_strdup ("p. 3");
}

static void
test_problem_format (void)
{
  g_autoptr(DossierProblem) full = dossier_problem_new (12, 7, "source 'trade' is never cited");
  g_autoptr(DossierProblem) no_column = dossier_problem_new (70000, 0, "a note about nothing");
  g_autoptr(DossierProblem) no_line = dossier_problem_new (0, 0, "the case has no summary");
  g_autoptr(DossierProblem) column_only = dossier_problem_new (0, 5, "odd");
  g_autofree char *a = dossier_problem_format (full, "sony.case.xml", "warning");
  g_autofree char *b = dossier_problem_format (no_column, "sony.case.xml", "error");
  g_autofree char *c = dossier_problem_format (no_line, "sony.case.xml", "warning");
  g_autofree char *d = dossier_problem_format (column_only, "sony.case.xml", "warning");
  g_autofree char *e = dossier_problem_format (full, NULL, "warning");

  g_assert_cmpuint (full->line, ==, 12);
  g_assert_cmpuint (full->column, ==, 7);
  g_assert_null (full->item_id);
  g_assert_cmpstr (a, ==, "sony.case.xml:12:7: warning: source 'trade' is never cited");
  g_assert_cmpstr (b, ==, "sony.case.xml:70000: error: a note about nothing");
  g_assert_cmpstr (c, ==, "sony.case.xml: warning: the case has no summary");
  g_assert_cmpstr (d, ==, "sony.case.xml: warning: odd");
  g_assert_cmpstr (e, ==, "12:7: warning: source 'trade' is never cited");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inline/plain/sample", test_plain_sample);
  g_test_add_func ("/inline/plain/parts", test_plain_parts);
  g_test_add_func ("/inline/foreach/order", test_foreach_order);
  g_test_add_func ("/inline/deep-tree", test_deep_tree);
  g_test_add_func ("/inline/certainty", test_certainty);
  g_test_add_func ("/inline/blocks/plain", test_blocks_plain);
  g_test_add_func ("/inline/link-policy", test_link_policy);
  g_test_add_func ("/inline/sanitize", test_sanitize);
  g_test_add_func ("/place/sections", test_sections);
  g_test_add_func ("/place/place", test_place);
  g_test_add_func ("/place/problem-format", test_problem_format);

  return g_test_run ();
}
