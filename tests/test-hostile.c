/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-core.h"

/* Every class of hostile-inputs.md items 1 to 10: each file is refused
 * with its exact message and position, never half-loaded, and nothing
 * outside the case file is read. */

typedef struct
{
  const char       *name;
  DossierCaseError  code;
  const char       *message;   /* the whole error, FILE being "bad/NAME" */
} BadCase;

static const BadCase bad_cases[] = {
  /* 1. DTDs and entities */
  { "billion-laughs", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/billion-laughs.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "quadratic-blowup", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/quadratic-blowup.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "doctype-only", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/doctype-only.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  /* 2. external entities, DTDs, parameter entities */
  { "external-entity-file", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/external-entity-file.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "external-entity-url", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/external-entity-url.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "external-dtd", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/external-dtd.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "parameter-entity", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/parameter-entity.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>" },
  { "undefined-entity", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/undefined-entity.case.xml:3:21: error: the entity &eacute; is not defined: a case file may only use &amp;, &lt;, &gt;, &quot; and &apos;" },
  /* 4. nesting */
  { "deep-nesting", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/deep-nesting.case.xml:4:1281: error: elements are nested more than 256 deep" },
  { "inline-nesting", DOSSIER_CASE_ERROR_INVALID,
    "bad/inline-nesting.case.xml:3:138: error: inline elements are nested more than 32 deep" },
  /* 5. bytes and encodings */
  { "invalid-utf8", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/invalid-utf8.case.xml:3:13: error: invalid UTF-8 (the byte 0xE9)" },
  { "nul-byte", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/nul-byte.case.xml:3:16: error: the file contains a NUL byte" },
  { "control-char-ref", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/control-char-ref.case.xml:3:19: error: the character reference &#7; names a character XML does not allow" },
  { "control-char-raw", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/control-char-raw.case.xml:3:17: error: the character U+001B is not allowed in XML" },
  { "lying-encoding", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/lying-encoding.case.xml:1:31: error: the file says it is in UTF-8, but it starts with a UTF-16 byte-order mark" },
  { "lying-encoding-utf16", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/lying-encoding-utf16.case.xml:1:31: error: the file says it is in UTF-16, but it is not (it has no UTF-16 byte-order mark)" },
  { "unknown-encoding", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/unknown-encoding.case.xml:1:31: error: the encoding x-klingon-9 is not supported: a case file is UTF-8 (or UTF-16 with a byte-order mark)" },
  { "utf16-no-bom", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/utf16-no-bom.case.xml:1:1: error: the file looks like UTF-16 without a byte-order mark; save it as UTF-8" },
  /* 6. truncated, empty, binary */
  { "truncated", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/truncated.case.xml:6:1: error: the file ends too early: the tag <p> opened on line 5 is never closed" },
  { "mismatched-tag", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/mismatched-tag.case.xml:6:13: error: the file is not well-formed XML: the tag <p> opened on line 5 is never closed (found </summary>)" },
  { "empty", DOSSIER_CASE_ERROR_IO,
    "bad/empty.case.xml: error: the file is empty" },
  { "gzip-renamed", DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
    "bad/gzip-renamed.case.xml: error: the file is compressed with gzip; a case file is plain XML" },
  /* 7. not a case */
  { "wrong-root", DOSSIER_CASE_ERROR_NOT_A_CASE,
    "bad/wrong-root.case.xml:2:1: error: not a Dossier case file: the root element is <html>, expected <case> in the namespace urn:dossier:case" },
  { "wrong-namespace", DOSSIER_CASE_ERROR_NOT_A_CASE,
    "bad/wrong-namespace.case.xml:2:1: error: not a Dossier case file: the root element is <case> in the namespace urn:dossier:kase, expected <case> in the namespace urn:dossier:case" },
  { "no-namespace", DOSSIER_CASE_ERROR_NOT_A_CASE,
    "bad/no-namespace.case.xml:2:1: error: not a Dossier case file: the root element <case> has no namespace, expected <case> in the namespace urn:dossier:case" },
  { "format-2", DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT,
    "bad/format-2.case.xml:2:1: error: format 2 is newer than this Dossier supports (1)" },
  /* 8. schema, ids, references */
  { "schema-unknown-element", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-unknown-element.case.xml:5:3: error: unknown element <verdict> in <case>" },
  { "schema-unknown-attribute", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-unknown-attribute.case.xml:6:5: error: unknown attribute 'colour' on <entity>" },
  { "schema-out-of-order", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-out-of-order.case.xml:8:3: error: <entities> is out of order in <case>: it must come before <sources>" },
  { "schema-missing-required", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-missing-required.case.xml:6:5: error: <source> has no <title>" },
  { "schema-missing-title", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-missing-title.case.xml:3:1: error: <case> has no <title>" },
  { "schema-bad-enum", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-bad-enum.case.xml:6:5: error: the attribute kind of <entity> is 'robot'; it must be person, organization, group, state, media, work or other" },
  { "schema-missing-ref", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-missing-ref.case.xml:6:22: error: <cite> has no ref attribute" },
  { "schema-text-in-list", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-text-in-list.case.xml:5:3: error: text is not allowed directly in <entities>" },
  { "schema-no-namespace-child", DOSSIER_CASE_ERROR_INVALID,
    "bad/schema-no-namespace-child.case.xml:5:3: error: unknown element <extra> in <case>: it has no namespace" },
  { "too-many-attributes", DOSSIER_CASE_ERROR_INVALID,
    "bad/too-many-attributes.case.xml:4:3: error: the element <x:data> has more than 32 attributes" },
  { "invalid-id", DOSSIER_CASE_ERROR_INVALID,
    "bad/invalid-id.case.xml:6:5: error: the id '1acme' is not valid: an id starts with a letter and holds only letters, digits, '.', '_' and '-'" },
  { "duplicate-id", DOSSIER_CASE_ERROR_INVALID,
    "bad/duplicate-id.case.xml:9:5: error: the id 'sony' on line 9 is already used on line 6" },
  { "dangling-cite", DOSSIER_CASE_ERROR_INVALID,
    "bad/dangling-cite.case.xml:11:43: error: the citation refers to 'varity', but no source has that id; did you mean 'variety'?" },
  { "cite-to-entity", DOSSIER_CASE_ERROR_INVALID,
    "bad/cite-to-entity.case.xml:6:50: error: the citation refers to 'sony', which is an entity, not a source" },
  { "dangling-note-about", DOSSIER_CASE_ERROR_INVALID,
    "bad/dangling-note-about.case.xml:9:5: error: the note is about 'ghost', but nothing in the case has that id" },
  { "dangling-mention-attributes", DOSSIER_CASE_ERROR_INVALID,
    "bad/dangling-mention-attributes.case.xml:9:5: error: the actor of the reaction refers to 'akme', but no entity has that id; did you mean 'acme'?\n"
    "bad/dangling-mention-attributes.case.xml:11:3: error: the work of the release history refers to 'acme', which is an entity of kind organization, not a work" },
  /* 9. dates */
  { "date-no-such-day", DOSSIER_CASE_ERROR_INVALID,
    "bad/date-no-such-day.case.xml:8:7: error: the date in <published> on line 8: '2014-02-30': February 2014 has no day 30" },
  { "date-no-such-month", DOSSIER_CASE_ERROR_INVALID,
    "bad/date-no-such-month.case.xml:8:7: error: the date in <published> on line 8: '2014-13': there is no month 13" },
  { "date-year-zero", DOSSIER_CASE_ERROR_INVALID,
    "bad/date-year-zero.case.xml:8:7: error: the date in <published> on line 8: '0000': there is no year 0000; years run from 0001 to 9999" },
  { "date-padded", DOSSIER_CASE_ERROR_INVALID,
    "bad/date-padded.case.xml:8:7: error: the date in <published> on line 8: ' 2014-11-24 ': remove the spaces before or after the date" },
  { "date-attribute", DOSSIER_CASE_ERROR_INVALID,
    "bad/date-attribute.case.xml:6:5: error: the date in the attribute date of <event> on line 6: '2014-11-31': November 2014 has no day 31" },
  /* Several at once, in line order. */
  { "many-problems", DOSSIER_CASE_ERROR_INVALID,
    "bad/many-problems.case.xml:6:5: error: the attribute kind of <entity> is 'robot'; it must be person, organization, group, state, media, work or other\n"
    "bad/many-problems.case.xml:7:41: error: the citation refers to 'wyre', but no source has that id; did you mean 'wire'?\n"
    "bad/many-problems.case.xml:8:5: error: the id 'acme' on line 8 is already used on line 6\n"
    "bad/many-problems.case.xml:11:55: error: the date in <published> on line 11: '2014-02-30': February 2014 has no day 30\n"
    "bad/many-problems.case.xml:13:3: error: <summary> is out of order in <case>: it must come before <sources>" },
};

static char *
fixture_path (const char *folder,
              const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".case.xml", NULL);

  return g_test_build_filename (G_TEST_DIST, "cases", folder, file_name, NULL);
}

static void
test_bad_fixture (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = fixture_path ("bad", bad->name);
  g_autofree char *shown = g_strdup_printf ("bad/%s.case.xml", bad->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  self = dossier_case_load_with_name (file, shown, NULL, NULL, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, (int)bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
}

/* Every file in tests/cases/bad is in the table: a new fixture without an
 * expected message is a test that cannot fail. */
static void
test_bad_fixtures_all_listed (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "cases", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (entry, ".case.xml"))
        continue;
      n++;
      for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
        {
          g_autofree char *name = g_strconcat (bad_cases[i].name, ".case.xml", NULL);

          if (strcmp (name, entry) == 0)
            listed = TRUE;
        }
      if (!listed)
        g_test_message ("not listed: %s", entry);
      g_assert_true (listed);
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_cases));
}

static DossierCase *
load_string (const char  *text,
             gsize        length,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  return dossier_case_load_bytes (bytes, "memory.case.xml", NULL, NULL, NULL, NULL, error);
}

/* One element with 100,000 attributes takes libxml2 2.9.14 minutes; the
 * loader refuses it before parsing. */
static void
test_hundred_thousand_attributes (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n"
                                          "<title>T</title>\n<x:data xmlns:x=\"urn:x\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, " x:a%u=\"%u\"", i, i);
  g_string_append (text, "/>\n</case>\n");

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:4:1: error: the element <x:data> has more than 32 attributes");
}

/* 32 attributes are allowed: the limit is not off by one. */
static void
test_thirty_two_attributes (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">"
                                          "<title>T</title><x:data xmlns:x=\"urn:x\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  /* With the xmlns:x declaration, 32 in all. */
  for (guint i = 0; i < 31; i++)
    g_string_append_printf (text, " x:a%u=\"%u\"", i, i);
  g_string_append (text, "/></case>");

  self = load_string (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);
}

/* A 2 MiB paragraph is refused, naming the element and its line. */
static void
test_huge_field (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n"
                                          "<title>T</title>\n<summary>\n<p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024 / 8; i++)
    g_string_append (text, "words   ");
  g_string_append (text, "</p>\n</summary>\n</case>\n");

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:4:1: error: the text of <p> on line 4 is longer than the 1 MiB limit");
}

/* A text split by character references stays under the same cap (libxml2
 * would silently cut it at 10,000,000 bytes). */
static void
test_huge_field_of_references (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n"
                                          "<title>");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 400 * 1024; i++)
    g_string_append (text, "ab&#65;");
  g_string_append (text, "</title>\n</case>\n");

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:2:1: error: the text of <title> on line 2 is longer than the 1 MiB limit");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  if (dir != NULL)
    {
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
assert_refused (const char       *path,
                DossierCaseError  code,
                const char       *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  self = dossier_case_load_with_name (file, "x.case.xml", NULL, NULL, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, (int)code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_directory (void)
{
  g_autofree char *dir = make_temp_dir ();

  assert_refused (dir, DOSSIER_CASE_ERROR_IO, "x.case.xml: error: this is a folder, not a case file");
  remove_tree (dir);
}

static void
test_fifo (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.case.xml", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Must return at once: nobody will ever write to this pipe. */
  assert_refused (fifo, DOSSIER_CASE_ERROR_IO,
                  "x.case.xml: error: this is not a regular file (it is a device, a pipe or a socket)");
  remove_tree (dir);
}

static void
test_symlink_to_dev_zero (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *link = g_build_filename (dir, "zero.case.xml", NULL);

  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_refused (link, DOSSIER_CASE_ERROR_IO,
                  "x.case.xml: error: this is not a regular file (it is a device, a pipe or a socket)");
  remove_tree (dir);
}

static void
test_dangling_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *link = g_build_filename (dir, "gone.case.xml", NULL);

  g_assert_cmpint (symlink ("nowhere.case.xml", link), ==, 0);
  assert_refused (link, DOSSIER_CASE_ERROR_IO, "x.case.xml: error: the symbolic link leads nowhere");
  remove_tree (dir);
}

static void
test_missing_file (void)
{
  assert_refused ("/nonexistent/dossier/none.case.xml", DOSSIER_CASE_ERROR_IO,
                  "x.case.xml: error: the file does not exist");
}

/* The size cap, lowered for the test so that nothing big is written. */
static void
test_over_size (void)
{
  g_autofree char *minimal = fixture_path ("good", "minimal");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (minimal, &contents, &length, NULL));

  dossier_loader_set_max_file_size_for_testing (length - 1);
  expected = g_strdup_printf ("x.case.xml: error: the file is larger than the %" G_GSIZE_FORMAT " bytes limit",
                              length - 1);
  assert_refused (minimal, DOSSIER_CASE_ERROR_IO, expected);

  bytes = g_bytes_new (contents, length);
  self = dossier_case_load_bytes (bytes, "x.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_IO);
  g_clear_error (&error);

  /* At the limit exactly, it opens. */
  dossier_loader_set_max_file_size_for_testing (length);
  self = dossier_case_load_bytes (bytes, "x.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);

  dossier_loader_set_max_file_size_for_testing (0);
  g_assert_cmpuint (dossier_loader_get_max_file_size (), ==, DOSSIER_CASE_MAX_FILE_SIZE);
}

/* The default cap, in words. */
static void
test_over_size_message (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sparse.case.xml", NULL);
  FILE *f = fopen (path, "w");

  /* A sparse file one byte over 512 MiB: no data is written. */
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t)DOSSIER_CASE_MAX_FILE_SIZE + 1), ==, 0);
  fclose (f);

  assert_refused (path, DOSSIER_CASE_ERROR_IO, "x.case.xml: error: the file is larger than the 512 MiB limit");
  remove_tree (dir);
}

/* A file with a DOCTYPE naming a file of ours: refused, and nothing of
 * that file shows anywhere. */
static void
test_external_entity_not_read (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *token = g_strdup_printf ("SECRET-%08x", g_random_int ());
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  g_assert_true (g_file_set_contents (secret, token, -1, NULL));
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE case [ <!ENTITY s SYSTEM \"file://%s\"> ]>\n"
                          "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\"><title>&s;</title></case>\n",
                          secret);

  self = load_string (text, strlen (text), &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_NOT_WELL_FORMED);
  g_assert_null (strstr (error->message, token));
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:2:1: error: DTD not allowed: a case file may not hold a <!DOCTYPE>");
  remove_tree (dir);
}

static char *
all_text (DossierCase *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = dossier_inline_to_plain (dossier_case_get_title (self));
  g_autofree char *summary = dossier_blocks_to_plain (dossier_case_get_summary (self));

  g_string_append_printf (out, "%s\n%s\n", title, summary);
  return g_string_free (out, FALSE);
}

static char *
copy_fixture_to (const char *folder,
                 const char *name,
                 const char *dir)
{
  g_autofree char *source = fixture_path (folder, name);
  g_autofree char *target_name = g_strconcat (name, ".case.xml", NULL);
  char *target = g_build_filename (dir, target_name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  return target;
}

/* xi:include is in another namespace: skipped, never processed; the file
 * opens and the included file's words appear nowhere. */
static void
test_xinclude_ignored (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_fixture_to ("hostile", "xinclude", dir);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *token = g_strdup_printf ("SECRET-%08x", g_random_int ());
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (secret, token, -1, NULL));

  self = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);

  text = all_text (self);
  g_assert_cmpstr (text, ==, "XInclude is ignored\nBefore the include. After it.\n");
  g_assert_null (strstr (text, token));
  g_assert_null (strstr (text, "root:"));
  remove_tree (dir);
}

static void
test_stylesheet_ignored (void)
{
  g_autofree char *path = fixture_path ("hostile", "xml-stylesheet");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;
  g_autofree char *title = NULL;

  self = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  title = dossier_inline_to_plain (dossier_case_get_title (self));
  g_assert_cmpstr (title, ==, "Stylesheets are ignored");
  g_assert_cmpuint (dossier_case_get_warnings (self)->len, ==, 0);
}

/* Image paths that leave the folder open the case with a placeholder and
 * a warning, never a load error. */
static void
assert_image_problem (DossierCase *self,
                      const char  *src,
                      const char  *problem)
{
  DossierThreatScreen *screen = dossier_case_get_threat_screen (self);
  g_autofree char *warning = NULL;
  DossierProblem *last;

  g_assert_nonnull (screen);
  g_assert_true (dossier_threat_screen_has_image (screen));
  g_assert_cmpstr (dossier_threat_screen_get_image_src (screen), ==, src);
  g_assert_null (dossier_threat_screen_get_image_file (screen));
  g_assert_cmpstr (dossier_threat_screen_get_image_problem (screen), ==, problem);

  g_assert_cmpuint (dossier_case_get_warnings (self)->len, ==, 1);
  last = g_ptr_array_index (dossier_case_get_warnings (self), 0);
  warning = g_strdup_printf ("the threat screen image '%s' cannot be shown: %s", src, problem);
  g_assert_cmpstr (last->message, ==, warning);
  g_assert_cmpuint (last->line, ==, 7);
  g_assert_cmpuint (last->column, ==, 5);
  g_assert_cmpint (last->section, ==, DOSSIER_SECTION_THREAT);
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

static void
test_image_dotdot (void)
{
  g_autofree char *path = fixture_path ("hostile", "image-dotdot");
  g_autoptr(DossierCase) self = load_path (path);

  assert_image_problem (self, "../good/screen.png", "the image path leaves the case file's folder");
}

static void
test_image_absolute (void)
{
  g_autofree char *path = fixture_path ("hostile", "image-absolute");
  g_autoptr(DossierCase) self = load_path (path);

  assert_image_problem (self, "/etc/passwd",
                        "the image path is absolute or a URI; it must be a path inside the case file's folder");
}

static const guchar png_head[] = {
  0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
};

static void
test_image_symlink_out (void)
{
  g_autofree char *outside = make_temp_dir ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_fixture_to ("hostile", "image-in-folder", dir);
  g_autofree char *target = g_build_filename (outside, "real.png", NULL);
  g_autofree char *link = g_build_filename (dir, "screen.png", NULL);
  g_autoptr(DossierCase) self = NULL;

  g_assert_true (g_file_set_contents (target, (const char *)png_head, sizeof png_head, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);

  self = load_path (path);
  assert_image_problem (self, "screen.png",
                        "the image path leads outside the case file's folder through a symbolic link");
  remove_tree (dir);
  remove_tree (outside);
}

static void
test_image_not_an_image (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_fixture_to ("hostile", "image-in-folder", dir);
  g_autofree char *image = g_build_filename (dir, "screen.png", NULL);
  g_autoptr(DossierCase) self = NULL;

  g_assert_true (g_file_set_contents (image, "<svg onload=\"alert(1)\"/>", -1, NULL));
  self = load_path (path);
  assert_image_problem (self, "screen.png", "the file is not a PNG, JPEG, GIF or WebP image");
  remove_tree (dir);
}

static void
test_image_fifo (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_fixture_to ("hostile", "image-in-folder", dir);
  g_autofree char *image = g_build_filename (dir, "screen.png", NULL);
  g_autoptr(DossierCase) self = NULL;

  g_assert_cmpint (mkfifo (image, 0600), ==, 0);
  self = load_path (path);
  assert_image_problem (self, "screen.png", "the image is not a regular file");
  remove_tree (dir);
}

static void
test_image_inside (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_fixture_to ("hostile", "image-in-folder", dir);
  g_autofree char *image = g_build_filename (dir, "screen.png", NULL);
  g_autofree char *real_image = NULL;
  g_autofree char *loaded = NULL;
  g_autoptr(DossierCase) self = NULL;
  DossierThreatScreen *screen;

  g_assert_true (g_file_set_contents (image, (const char *)png_head, sizeof png_head, NULL));
  self = load_path (path);
  screen = dossier_case_get_threat_screen (self);
  g_assert_null (dossier_threat_screen_get_image_problem (screen));
  g_assert_nonnull (dossier_threat_screen_get_image_file (screen));
  real_image = realpath (image, NULL);
  loaded = g_file_get_path (dossier_threat_screen_get_image_file (screen));
  g_assert_cmpstr (loaded, ==, real_image);
  g_assert_cmpuint (dossier_case_get_warnings (self)->len, ==, 0);
  remove_tree (dir);
}

/* From bytes with no folder, no image loads. */
static void
test_image_from_bytes (void)
{
  g_autofree char *path = fixture_path ("hostile", "image-in-folder");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  self = dossier_case_load_bytes (bytes, "m.case.xml", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_image_problem (self, "screen.png", "the case was not opened from a folder on this computer");
}

/* Well-formedness errors past line 65,535 keep their real line (libxml2's
 * RELAX NG stops counting there). */
static void
test_xml_error_past_line_70000 (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n<title>T</title>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append (text, "<!-- filler -->\n");
  /* Line 70,003. */
  g_string_append (text, "<summary><p>unclosed</summary>\n</case>\n");

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:70003:31: error: the file is not well-formed XML: the tag <p> opened on line 70003 is never closed (found </summary>)");
}

/* Big files are checked for UTF-8 beside the parse: the same message. */
static void
test_invalid_utf8_in_big_file (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n<title>T</title>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<!-- a comment line, twenty-odd bytes -->\n");
  g_string_append (text, "<summary><p>Caf\xe9</p></summary>\n</case>\n");
  g_assert_cmpuint (text->len, >, 2 * 1024 * 1024);

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_NOT_WELL_FORMED);
  g_assert_cmpstr (error->message, ==, "memory.case.xml:100003:16: error: invalid UTF-8 (the byte 0xE9)");
}

/* Big files are prescanned beside the parse, ahead of it: a start tag
 * with too many attributes far into the file is refused for that alone,
 * whatever the parser found before it, as when the prescan ran first. */
static void
test_attributes_in_big_file (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n<title>T</title>\n"
                                          "<summary><p>not closed</summary>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<!-- a comment line, twenty-odd bytes -->\n");
  g_string_append (text, "<x:data xmlns:x=\"urn:x\"");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, " x:a%u=\"%u\"", i, i);
  g_string_append (text, "/>\n</case>\n");
  g_assert_cmpuint (text->len, >, 2 * 1024 * 1024);

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_error (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "memory.case.xml:100004:1: error: the element <x:data> has more than 32 attributes");
}

static void
test_nul_in_big_file (void)
{
  g_autoptr(GString) text = g_string_new ("<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">\n<title>T</title>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) self = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<!-- a comment line, twenty-odd bytes -->\n");
  g_string_append (text, "<summary><p>a");
  g_string_append_len (text, "\0", 1);
  g_string_append (text, "b</p></summary>\n</case>\n");

  self = load_string (text->str, text->len, &error);
  g_assert_null (self);
  g_assert_cmpstr (error->message, ==, "memory.case.xml:100003:14: error: the file contains a NUL byte");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile/refused/%s", bad_cases[i].name);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad_fixture);
    }

  g_test_add_func ("/hostile/every-bad-fixture-has-a-message", test_bad_fixtures_all_listed);
  g_test_add_func ("/hostile/attributes/100000-refused-before-parsing", test_hundred_thousand_attributes);
  g_test_add_func ("/hostile/attributes/32-allowed", test_thirty_two_attributes);
  g_test_add_func ("/hostile/huge-field", test_huge_field);
  g_test_add_func ("/hostile/huge-field-of-references", test_huge_field_of_references);
  g_test_add_func ("/hostile/file/directory", test_directory);
  g_test_add_func ("/hostile/file/fifo", test_fifo);
  g_test_add_func ("/hostile/file/symlink-to-dev-zero", test_symlink_to_dev_zero);
  g_test_add_func ("/hostile/file/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/hostile/file/missing", test_missing_file);
  g_test_add_func ("/hostile/file/over-size", test_over_size);
  g_test_add_func ("/hostile/file/over-size-message", test_over_size_message);
  g_test_add_func ("/hostile/external-entity-not-read", test_external_entity_not_read);
  g_test_add_func ("/hostile/xinclude-ignored", test_xinclude_ignored);
  g_test_add_func ("/hostile/stylesheet-ignored", test_stylesheet_ignored);
  g_test_add_func ("/hostile/image/dotdot", test_image_dotdot);
  g_test_add_func ("/hostile/image/absolute", test_image_absolute);
  g_test_add_func ("/hostile/image/symlink-out", test_image_symlink_out);
  g_test_add_func ("/hostile/image/not-an-image", test_image_not_an_image);
  g_test_add_func ("/hostile/image/fifo", test_image_fifo);
  g_test_add_func ("/hostile/image/inside", test_image_inside);
  g_test_add_func ("/hostile/image/from-bytes", test_image_from_bytes);
  g_test_add_func ("/hostile/line-past-70000", test_xml_error_past_line_70000);
  g_test_add_func ("/hostile/big-file/invalid-utf8", test_invalid_utf8_in_big_file);
  g_test_add_func ("/hostile/big-file/nul", test_nul_in_big_file);
  g_test_add_func ("/hostile/big-file/attributes", test_attributes_in_big_file);

  return g_test_run ();
}
