/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-search-provider.h"

/* The Shell hands result ids back as it got them: every path and item
 * id must come back whole, and nothing but an encoding may decode. */

static void
assert_round_trip (const char     *path,
                   DossierSection  section,
                   const char     *item_id,
                   int             item_index)
{
  g_autofree char *id = dossier_search_provider_encode_id (path, section, item_id, item_index);
  g_autofree char *back_path = NULL;
  g_autofree char *back_item_id = NULL;
  DossierSection back_section = DOSSIER_N_SECTIONS;
  int back_index = -2;

  /* A D-Bus string, one line, and the separator only between parts. */
  g_assert_true (g_utf8_validate (id, -1, NULL));
  g_assert_null (strchr (id, '\n'));
  g_assert_true (dossier_search_provider_decode_id (id, &back_path, &back_section,
                                                    &back_item_id, &back_index));
  g_assert_cmpstr (back_path, ==, path);
  g_assert_cmpint (back_section, ==, section);
  g_assert_cmpstr (back_item_id, ==, item_id != NULL ? item_id : "");
  g_assert_cmpint (back_index, ==, item_index);
}

static void
test_ids_round_trip (void)
{
  assert_round_trip ("/home/me/cases/sony.case.xml", DOSSIER_SECTION_NOTES, "note-leak", -1);
  assert_round_trip ("/home/me/cases/sony.case.xml", DOSSIER_SECTION_RELEASE, NULL, 3);
  assert_round_trip ("/a:b/c%41 d/e:f.case.xml", DOSSIER_SECTION_TIMELINE, "ev:1%2F", -1);
  assert_round_trip ("/tmp/Überprüfung/事件 #1?.case.xml", DOSSIER_SECTION_ENTITIES, "ソニー", -1);
  /* A file name that is not UTF-8 (Latin-1 bytes). */
  assert_round_trip ("/tmp/caf\xe9/\xff\xfe.case.xml", DOSSIER_SECTION_SOURCES, "s1", -1);
  assert_round_trip ("/x\n\t\"'.case.xml", DOSSIER_SECTION_OVERVIEW, NULL, -1);
}

static void
test_ids_refused (void)
{
  const char *bad[] = {
    "",
    "notes",
    "notes:-1:n1",
    "nowhere:-1:n1:/x.case.xml",
    "notes:one:n1:/x.case.xml",
    "notes:-2:n1:/x.case.xml",
    "notes:99999999999:n1:/x.case.xml",
    "notes:-1:n1:",
    "notes:-1:n1:relative/x.case.xml",
    "notes:-1:n1:/x%00y.case.xml",
    "notes:-1:n%001:/x.case.xml",
    "notes:-1:%FF:/x.case.xml",
    "notes:-1:n1:/x%2.case.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *item_id = NULL;
      DossierSection section;
      int item_index;

      g_test_message ("id %s", bad[i]);
      g_assert_false (dossier_search_provider_decode_id (bad[i], &path, &section, &item_id, &item_index));
      g_assert_null (path);
      g_assert_null (item_id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-provider/ids/round-trip", test_ids_round_trip);
  g_test_add_func ("/search-provider/ids/refused", test_ids_refused);

  return g_test_run ();
}
