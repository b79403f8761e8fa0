/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dossier-command-line.h"
#include "dossier-core.h"
#include "dossier-export.h"

/* The command line as a user types it: `dossier --export=… FILE`. This
 * program runs itself as a small application that, like the real one,
 * adds dossier_command_line_add_options() and hands its options to
 * dossier_command_line_handle(); each test runs it with the arguments a
 * user would type, from the source root, and checks the exact standard
 * output, standard error, exit status and files written. No display is
 * needed: only the windows need one. */

#define AS_DOSSIER "--as-dossier"

typedef struct
{
  GBytes *out_bytes;
  char   *out;
  char   *err;
  int     status;
} Run;

static char *self_path;
static char *source_root;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out_bytes, g_bytes_unref);
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The application side of this program: what DossierApplication does
 * before it opens a window. */
static int
on_handle_local_options_cb (GApplication *app,
                            GVariantDict *options,
                            gpointer      user_data)
{
  int status = dossier_command_line_handle (options);

  /* -1: the real application opens windows; say so and stop. */
  if (status < 0)
    {
      g_print ("windows\n");
      return 0;
    }
  return status;
}

static int
run_as_dossier (int    argc,
                char **argv)
{
  g_autoptr(GApplication) app = NULL;

  /* As main.c: the locale of the environment (C.UTF-8 in the tests). */
  setlocale (LC_ALL, "");
  g_set_prgname ("dossier");
  app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  dossier_command_line_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options_cb), NULL);
  return g_application_run (app, argc, argv);
}

/* The bytes as a string, "" for none. */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

/* Runs `dossier ARGS…` (NULL-terminated) from the source root. */
static void
run_dossier (Run        *run,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, self_path);
  g_ptr_array_add (argv, (char *) AS_DOSSIER);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  /* Standard input is /dev/null, as in CI. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, source_root);
  /* The test's own folders (G_TEST_OPTION_ISOLATE_DIRS sets them in
   * this process only): the default library is the test's. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out_bytes = g_steal_pointer (&out);
  run->out = bytes_to_string (run->out_bytes);
  run->err = bytes_to_string (err);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_unlink (path);
  g_rmdir (dir);
}

static GBytes *
export_fixture (const char                 *name,
                const DossierExportOptions *options)
{
  g_autofree char *path = g_build_filename (source_root, "tests", "cases", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = dossier_export_to_bytes (dcase, options, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_dossier (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "dossier " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_dossier (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out,
                                   "Usage:\n"
                                   "  dossier [OPTION…] [FILE…] — view investigation case files\n"));
  g_assert_nonnull (strstr (run.out, "  --validate                  Check case files and report every "
                                     "problem; needs no display\n"));
  g_assert_nonnull (strstr (run.out, "  --search=QUERY              Print what QUERY finds in the case "
                                     "files, or without FILE in the case library, one hit a line; "
                                     "needs no display\n"));
  g_assert_nonnull (strstr (run.out, "  --export=FORMAT             Export a summary of the case file as "
                                     "markdown, html, text or pdf, its timeline chart as timeline-svg "
                                     "or timeline-png, or the case as stix, csl-json, timesketch or "
                                     "timesketch-csv; needs no display\n"));
  g_assert_nonnull (strstr (run.out, "  -o, --output=FILE           With --export: write to FILE instead "
                                     "of standard output\n"));
  g_assert_nonnull (strstr (run.out, "  --force                     With --export: replace the output "
                                     "file if it exists\n"));
  g_assert_nonnull (strstr (run.out, "  --view=VIEW                 Open at this tab: overview, breach, "
                                     "threat, reactions, release, sources, notes or timeline\n"));
  g_assert_nonnull (strstr (run.out, "  --library-remove=FOLDER     Remove FOLDER and the folders after "
                                     "it from the case library, with their cases\n"));
}

/* Each mode that needs files says so, exits 2 and reads nothing. */
static void
test_usage_errors (void)
{
  g_auto(Run) run = { 0 };

  run_dossier (&run, "--validate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: --validate needs at least one FILE\n");

  run_dossier (&run, "--export=text", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "dossier: --export needs exactly one FILE\n");

  run_dossier (&run, "--export=text", "tests/cases/good/minimal.case.xml",
               "tests/cases/good/one-line.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: --export needs exactly one FILE\n");
}

/* The companions of --export alone are a mistake, not a window. */
static void
test_export_options_alone (void)
{
  static const char *const alone[] = {
    "--output=summary.md", "--sections=breach", "--notes=all", "--force",
  };

  for (guint i = 0; i < G_N_ELEMENTS (alone); i++)
    {
      g_auto(Run) run = { 0 };

      run_dossier (&run, alone[i], "tests/cases/good/minimal.case.xml", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==,
                       "dossier: --output, --sections, --notes and --force go with --export\n");
    }
}

/* Without a command-line mode, the application goes on to its windows. */
static void
test_windows (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  run_dossier (&run, "--view=timeline", "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "windows\n");
  g_assert_cmpstr (run.err, ==, "");

  g_assert_cmpint (dossier_command_line_handle (options), ==, -1);
}

static void
test_validate (void)
{
  g_auto(Run) run = { 0 };

  run_dossier (&run, "--validate", "tests/cases/good/minimal.case.xml",
               "tests/cases/good/warnings.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "tests/cases/good/minimal.case.xml: ok\n"
                   "tests/cases/good/warnings.case.xml: ok, 4 warnings\n");
  g_assert_true (g_str_has_prefix (run.err, "tests/cases/good/warnings.case.xml:"));
  g_assert_nonnull (strstr (run.err, "tests/cases/good/warnings.case.xml:22: warning: "
                                     "source 'never-cited' on line 22 is never cited\n"));

  /* One refused file makes the whole run fail; every file gets its verdict. */
  run_dossier (&run, "--validate", "tests/cases/bad/dangling-cite.case.xml",
               "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==,
                   "tests/cases/bad/dangling-cite.case.xml: refused, 1 problem\n"
                   "tests/cases/good/minimal.case.xml: ok\n");
  g_assert_cmpstr (run.err, ==,
                   "tests/cases/bad/dangling-cite.case.xml:11:43: error: the citation refers "
                   "to 'varity', but no source has that id; did you mean 'variety'?\n");
}

/* Hits one a line with the file, the section and the item; matched words
 * between [[ ]] when the output is not a terminal; the exit status of
 * grep. */
static void
test_search (void)
{
  g_auto(Run) run = { 0 };

  run_dossier (&run, "--search=passports", "tests/cases/good/search-minimal.case.xml",
               "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "tests/cases/good/search-minimal.case.xml: notes m1: "
                   "A password list and reversed text about [[passports]].\n");
  g_assert_cmpstr (run.err, ==, "");

  run_dossier (&run, "--search=passports", "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  run_dossier (&run, "--search=tag:", "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: invalid search query: tag: at column 1 needs a value\n");
}

/* --sections and --notes reach the export: the file holds the bytes of
 * the same export made through the library. */
static void
test_export_to_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "summary.md", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", target, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_err = NULL;
  g_autoptr(GBytes) expected = NULL;
  DossierExportOptions options;
  gsize length = 0;

  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_MARKDOWN;
  options.sections = 1u << DOSSIER_SECTION_OVERVIEW | 1u << DOSSIER_SECTION_NOTES;
  options.notes = DOSSIER_EXPORT_NOTES_TAG;
  options.notes_arg = "hidden";
  expected = export_fixture ("search-minimal.case.xml", &options);

  run_dossier (&run, "--export=markdown", output_arg, "--sections=overview,notes",
               "--notes=tag:hidden", "tests/cases/good/search-minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_nonnull (strstr (contents, "Hidden pass"));

  /* An existing file stays as it was without --force. */
  run_dossier (&run, "--export=text", output_arg, "tests/cases/good/minimal.case.xml", NULL);
  expected_err = g_strdup_printf ("dossier: %s already exists; use --force to replace it\n", target);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected_err);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  run_dossier (&run, "--export=text", "-o", target, "--force",
               "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Minimal case\n"));

  remove_temp_dir (dir, "summary.md");
}

/* A PDF on a pipe: a whole file, from %PDF- to %%EOF, and the same bytes
 * as the library's PDF of the paper of the locale. */
static void
test_export_pdf_to_pipe (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GBytes) expected = NULL;
  DossierExportOptions options;

  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_PDF;
  expected = export_fixture ("one-line.case.xml", &options);

  run_dossier (&run, "--export=pdf", "tests/cases/good/one-line.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  g_assert_true (g_bytes_equal (run.out_bytes, expected));
  g_assert_cmpmem ((const char *) g_bytes_get_data (expected, NULL) + g_bytes_get_size (expected) - 6, 6,
                   "%%EOF\n", 6);
}

/* A file that cannot be loaded: the loader's message, exit 1, nothing
 * written. */
static void
test_export_refused (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "summary.html", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", target, NULL);

  run_dossier (&run, "--export=html", output_arg, "tests/cases/bad/dangling-cite.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_suffix (run.err,
                                   "tests/cases/bad/dangling-cite.case.xml:11:43: error: the "
                                   "citation refers to 'varity', but no source has that id; "
                                   "did you mean 'variety'?\n"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  run_dossier (&run, "--export=docx", "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==,
                   "dossier: unknown export format “docx”; use markdown, html, text, pdf, "
                   "timeline-svg, timeline-png, stix, csl-json, timesketch or timesketch-csv\n");

  remove_temp_dir (dir, "summary.html");
}

/* A folder of cases for the library tests: @dir/a with two cases (one in
 * a subfolder), @dir/b with one that does not load. */
static void
make_case_folders (const char *dir)
{
  static const struct { const char *from; const char *to; } copies[] = {
    { "tests/cases/good/search-minimal.case.xml", "a/m.case.xml" },
    { "tests/cases/good/minimal.case.xml", "a/sub/n.case.xml" },
    { "tests/library/broken.case.xml", "b/broken.case.xml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *from = g_build_filename (source_root, copies[i].from, NULL);
      g_autofree char *to = g_build_filename (dir, copies[i].to, NULL);
      g_autofree char *folder = g_path_get_dirname (to);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_file_get_contents (from, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, length, &error);
      g_assert_no_error (error);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* `--library-add DIR…` and `--library-remove DIR…` take the folders as
 * arguments; removing one drops its cases, except those another folder
 * of the library holds; --library-list shows the result, one case a
 * line, a case that does not load with its first problem and line. */
static void
test_library_folders (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "library.sqlite3", NULL);
  g_autofree char *db_option = g_strconcat ("--library-db=", db, NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *sub = g_build_filename (dir, "a", "sub", NULL);
  g_autofree char *add_sub = g_strconcat ("--library-add=", sub, NULL);
  g_autofree char *m_line = NULL;
  g_autofree char *n_line = NULL;
  g_autofree char *broken_line = NULL;
  g_autofree char *expected = NULL;

  make_case_folders (dir);
  m_line = g_strdup_printf ("%s/a/m.case.xml: Minimal search fixture (1 note, 0 events, 0 sources, "
                            "0 entities)\n", dir);
  n_line = g_strdup_printf ("%s/a/sub/n.case.xml: Minimal case (0 notes, 0 events, 0 sources, "
                            "0 entities)\n", dir);
  broken_line = g_strdup_printf ("%s/b/broken.case.xml:3: error: <case> has no <title>\n", dir);

  run_dossier (&run, db_option, "--library-add", a, b, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  run_dossier (&run, db_option, "--library-list", NULL);
  expected = g_strconcat (m_line, n_line, broken_line, NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&expected, g_free);

  /* b's case goes with b. */
  run_dossier (&run, db_option, "--library-remove", b, "--library-list", NULL);
  expected = g_strconcat (m_line, n_line, NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&expected, g_free);

  run_dossier (&run, db_option, "--library-remove", b, NULL);
  expected = g_strdup_printf ("dossier: %s is not a folder of the library\n", b);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpint (run.status, ==, 2);
  g_clear_pointer (&expected, g_free);

  /* a/sub is a folder of its own too: its case stays when a goes. */
  run_dossier (&run, db_option, add_sub, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_dossier (&run, db_option, "--library-remove", a, "--library-list", NULL);
  g_assert_cmpstr (run.out, ==, n_line);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* Folders as arguments belong to --library-add or --library-remove. */
  run_dossier (&run, db_option, "--library-list", a, NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: only --library-add and --library-remove take FOLDER arguments\n");
  g_assert_cmpint (run.status, ==, 2);
  run_dossier (&run, db_option, "--library-add", a, "--library-remove", b, sub, NULL);
  g_assert_cmpstr (run.err, ==, "dossier: with both --library-add and --library-remove, give each "
                                "folder as --library-add=FOLDER or --library-remove=FOLDER\n");
  g_assert_cmpint (run.status, ==, 2);

  /* A library that cannot be made: said, and exit 2. */
  run_dossier (&run, "--library-db=/dev/null/library.sqlite3", "--library-list", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "dossier: /dev/null/library.sqlite3: "));
  g_assert_cmpint (run.status, ==, 2);

  remove_tree (dir);
}

/* --search without a file searches the library, with the output and exit
 * status of --search on files; --library-search is the same; every run
 * first brings the library up to date. */
static void
test_library_search (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *later = g_build_filename (dir, "a", "later.case.xml", NULL);
  g_autofree char *basic = g_build_filename (source_root, "tests", "cases", "good",
                                             "search-basic.case.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hostile = NULL;
  gsize length = 0;

  make_case_folders (dir);
  /* An empty library: --search without its FILE, most likely. */
  run_dossier (&run, "--search=passports", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: the case library has no folders: give --search a FILE, "
                                "or add a folder with --library-add FOLDER\n");
  g_assert_cmpint (run.status, ==, 2);

  /* The default library: $XDG_DATA_HOME, a folder of this test. */
  run_dossier (&run, "--library-add", a, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* One hit, shown as safely as in the window: the fixture's
   * right-to-left override and zero-width space do not reach the
   * terminal. */
  run_dossier (&run, "--search=passports", NULL);
  expected = g_strdup_printf ("%s/a/m.case.xml: notes m1: ", dir);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_nonnull (strstr (run.out, "reversed text about [[passports]]."));
  g_assert_null (strchr (strchr (run.out, '\n') + 1, '\n'));
  g_assert_null (strstr (run.out, "\u202e"));
  g_assert_null (strstr (run.out, "\u200b"));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup (run.out);

  run_dossier (&run, "--library-search=passports", NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 0);

  run_dossier (&run, "--search=zebras", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 1);

  run_dossier (&run, "--search=tag:", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "dossier: invalid search query: tag: at column 1 needs a value\n");
  g_assert_cmpint (run.status, ==, 2);

  /* A case that came after the last run is found at once. */
  g_file_get_contents (basic, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (later, contents, length, &error);
  g_assert_no_error (error);
  run_dossier (&run, "--search=\"act of war\" in:reactions", NULL);
  g_assert_true (g_str_has_prefix (run.out, later));
  g_assert_nonnull (strstr (run.out, ": reactions r-kcna: "));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* A file name cannot pass for another line, nor turn text around. */
  hostile = g_build_filename (dir, "a", "x\netc-passwd: notes n1: \u202eevil.case.xml", NULL);
  g_file_set_contents (hostile, contents, length, &error);
  g_assert_no_error (error);
  run_dossier (&run, "--search=\"act of war\" in:reactions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "\netc-passwd"));
  g_assert_null (strstr (run.out, "\u202e"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s/a/x etc-passwd: notes n1: evil.case.xml: reactions r-kcna: ", dir);
  g_assert_nonnull (strstr (run.out, expected));

  /* With a file, --search searches the file, not the library. */
  run_dossier (&run, "--search=passports", "tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 1);

  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && strcmp (argv[1], AS_DOSSIER) == 0)
    {
      argv[1] = argv[0];
      return run_as_dossier (argc - 1, argv + 1);
    }

  /* Every run's default library ($XDG_DATA_HOME) is a folder of its test. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);
  source_root = g_test_build_filename (G_TEST_DIST, "..", NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-options-alone", test_export_options_alone);
  g_test_add_func ("/cli/windows", test_windows);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/export/to-file", test_export_to_file);
  g_test_add_func ("/cli/export/pdf-to-pipe", test_export_pdf_to_pipe);
  g_test_add_func ("/cli/export/refused", test_export_refused);
  g_test_add_func ("/cli/library/folders", test_library_folders);
  g_test_add_func ("/cli/library/search", test_library_search);

  return g_test_run ();
}
