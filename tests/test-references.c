/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-core.h"
#include "dossier-loader.h"

/* Every place a case refers to an entity by id (victim, claimed-by,
 * mention, hypothesis actor, sender, reaction actor, on-behalf-of), each
 * pointing at no id, then each pointing at something that is not an
 * entity (the case itself, a source, a hypothesis, a reaction, an event,
 * a note): the case is refused, and the user reads one sentence per
 * reference that names the place, the id and what it is, in line order,
 * as `--validate` and the error page show them. The fixtures are in
 * tests/cases/references/ (tests/cases/bad/ is test-hostile's list). */

static void
assert_refused (const char *name,
                const char *expected)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cases", "references", name, NULL);
  g_autofree char *display_name = g_build_filename ("references", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;

  dcase = dossier_case_load_with_name (file, display_name, NULL, NULL, NULL, &error);
  g_assert_null (dcase);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_dangling (void)
{
  assert_refused ("dangling.case.xml",
    "references/dangling.case.xml:9:5: error: the victim refers to 'acne', but no entity has that id; did you mean 'acme'?\n"
    "references/dangling.case.xml:10:5: error: <claimed-by> refers to 'crew', but no entity has that id\n"
    "references/dangling.case.xml:12:10: error: the mention refers to 'guardians', but no entity has that id\n"
    "references/dangling.case.xml:15:7: error: the actor of the hypothesis refers to 'north', but no entity has that id\n"
    "references/dangling.case.xml:21:5: error: the sender refers to 'gop', but no entity has that id\n"
    "references/dangling.case.xml:25:5: error: the actor of the reaction refers to 'state', but no entity has that id\n"
    "references/dangling.case.xml:25:5: error: on-behalf-of refers to 'government', but no entity has that id");
}

static void
test_wrong_kind (void)
{
  assert_refused ("wrong-kind.case.xml",
    "references/wrong-kind.case.xml:13:5: error: the victim refers to 'c', which is the case itself, not an entity\n"
    "references/wrong-kind.case.xml:14:5: error: <claimed-by> refers to 'wire', which is a source, not an entity\n"
    "references/wrong-kind.case.xml:16:10: error: the mention refers to 'h1', which is a hypothesis, not an entity\n"
    "references/wrong-kind.case.xml:16:50: error: the citation refers to 'acme', which is an entity, not a source\n"
    "references/wrong-kind.case.xml:19:7: error: the actor of the hypothesis refers to 'r1', which is a reaction, not an entity\n"
    "references/wrong-kind.case.xml:25:5: error: the sender refers to 'e1', which is an event, not an entity\n"
    "references/wrong-kind.case.xml:29:5: error: the actor of the reaction refers to 'n1', which is a note, not an entity\n"
    "references/wrong-kind.case.xml:29:5: error: on-behalf-of refers to 'wire', which is a source, not an entity");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/references/dangling", test_dangling);
  g_test_add_func ("/references/wrong-kind", test_wrong_kind);

  return g_test_run ();
}
