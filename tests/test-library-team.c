/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A team library on a real PostgreSQL server, for a user of its reader
 * role: the Library page lists its cases but "Add Folder…" (on the
 * page and in the folders' popover) and removing a folder are
 * insensitive, with a tooltip that says why; a case a colleague indexed
 * whose file is not on this computer is listed as such, and opens from
 * the library's checked copy, which the window's subtitle names. Needs
 * a server: DOSSIER_TEST_PG is a connection string of a user who may
 * create databases and roles (tests/pg-server.sh); without it the tests
 * are skipped. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-library-cache.h"
#include "dossier-library-client.h"
#include "dossier-library-pg.h"
#include "dossier-welcome-page.h"
#include "pg-test.h"
#include "window-test.h"

static gboolean
made_insensitive (gpointer data)
{
  return !gtk_widget_get_sensitive (data);
}

static gboolean
lists_a_folder (gpointer data)
{
  return find_first_of_type (data, ADW_TYPE_ACTION_ROW) != NULL;
}

static void
assert_read_only_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_assert_false (gtk_widget_get_sensitive (widget));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "read-only for you"));
}

/* A team library of its own, with a user of each role. */
typedef struct
{
  char *dbname;
  char *reader;
  char *writer;
  char *owner_conninfo;
  char *reader_conninfo;
  char *writer_conninfo;
} TeamLibrary;

static void
team_library_make (TeamLibrary *team)
{
  g_autoptr(GError) error = NULL;

  team->dbname = pg_test_create_database ();
  team->owner_conninfo = pg_test_conninfo (team->dbname, NULL);
  g_assert_true (dossier_library_pg_init_schema (team->owner_conninfo, NULL, &error));
  g_assert_no_error (error);
  /* The roles exist once the library is made. */
  team->reader = pg_test_create_role (DOSSIER_LIBRARY_PG_READER_ROLE);
  team->writer = pg_test_create_role (DOSSIER_LIBRARY_PG_WRITER_ROLE);
  team->reader_conninfo = pg_test_conninfo (team->dbname, team->reader);
  team->writer_conninfo = pg_test_conninfo (team->dbname, team->writer);
}

static void
team_library_drop (TeamLibrary *team)
{
  pg_test_drop_database (team->dbname);
  pg_test_drop_role (team->reader);
  pg_test_drop_role (team->writer);
  g_free (team->dbname);
  g_free (team->reader);
  g_free (team->writer);
  g_free (team->owner_conninfo);
  g_free (team->reader_conninfo);
  g_free (team->writer_conninfo);
}

static gboolean
have_server (void)
{
  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL server: DOSSIER_TEST_PG is not set (tests/pg-server.sh sets it)");
      return FALSE;
    }
  return TRUE;
}

/* The window of the Library, its client on @location. */
static DossierWindow *
open_library_window (const char *location)
{
  DossierWindow *window;

  dossier_library_client_set_location (dossier_library_client_get_default (), location);
  g_application_activate (G_APPLICATION (app));
  window = DOSSIER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (wait_until (window_settled, window));
  return window;
}

static void
test_reader_cannot_change_folders (void)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autofree char *file_location = g_strdup (dossier_library_client_get_location (client));
  TeamLibrary team = { NULL, };
  DossierWindow *window;
  GtkWidget *page;
  GtkWidget *add;
  GtkWidget *folders;
  GtkWidget *row;

  if (!have_server ())
    return;
  team_library_make (&team);
  {
    g_autoptr(PGconn) owner = pg_test_connect (team.dbname);

    pg_test_exec (owner, "INSERT INTO folders (path) VALUES ('/srv/team/cases')");
  }

  window = open_library_window (team.reader_conninfo);
  page = dossier_window_get_welcome_page (window);

  /* The client learns the role from its first answer. */
  add = GTK_WIDGET (gtk_widget_get_template_child (page, DOSSIER_TYPE_WELCOME_PAGE, "popover_add_button"));
  g_assert_true (wait_until (made_insensitive, add));
  g_assert_true (dossier_library_client_is_read_only (client));
  assert_read_only_tooltip (add);
  assert_read_only_tooltip (GTK_WIDGET (gtk_widget_get_template_child (page, DOSSIER_TYPE_WELCOME_PAGE,
                                                                       "add_folder_button")));
  /* The team's folder is listed as not on this computer, and a reader
   * cannot remove it. */
  folders = GTK_WIDGET (gtk_widget_get_template_child (page, DOSSIER_TYPE_WELCOME_PAGE, "folder_list"));
  g_assert_true (wait_until (lists_a_folder, folders));
  row = find_first_of_type (folders, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not on this computer"));
  assert_read_only_tooltip (find_first_of_type (row, GTK_TYPE_BUTTON));

  close_all_windows ();
  dossier_library_client_set_location (client, file_location);
  team_library_drop (&team);
}

static gboolean
shows_case (gpointer data)
{
  DossierWindow *window = data;

  return window_settled (window) && g_strcmp0 (dossier_window_get_page_name (window), "case") == 0;
}

/* A colleague (the writer) indexed a folder this computer does not
 * have: the reader's Library lists its case as not here, and opening it
 * shows the library's copy, named so. */
static void
test_case_from_the_team (void)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autofree char *file_location = g_strdup (dossier_library_client_get_location (client));
  g_autofree char *folder = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierLibraryClient) colleague = NULL;
  g_autoptr(GError) error = NULL;
  TeamLibrary team = { NULL, };
  DossierWindow *window;

  if (!have_server ())
    return;
  team_library_make (&team);

  folder = g_build_filename (g_get_user_data_dir (), "colleague", NULL);
  gone = g_build_filename (g_get_user_data_dir (), "colleague-elsewhere", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  path = copy_case_into ("tests/cases/good/search-basic.case.xml", folder);
  colleague = dossier_library_client_new (team.writer_conninfo);
  add_library_folder (colleague, folder);
  dossier_library_client_wait_idle (colleague);
  /* The colleague's computer, not this one. */
  g_assert_cmpint (g_rename (folder, gone), ==, 0);

  window = open_library_window (team.reader_conninfo);
  wait_for_text (dossier_window_get_welcome_page (window), "Not on this computer");
  {
    g_autofree char *text = shown_text (dossier_window_get_welcome_page (window));

    assert_shows (text, "Search fixture: the Sony Pictures hack");
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-at",
                                  g_variant_new ("(sssi)", path, "", "", -1));
  g_assert_true (wait_until (shows_case, window));
  g_assert_true (dossier_library_cache_holds (dossier_window_get_file (window)));
  wait_for_text (GTK_WIDGET (window), "search-basic.case.xml · Read-only copy from the team library");

  close_all_windows ();
  dossier_library_client_set_location (client, file_location);
  team_library_drop (&team);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("dossier-test-cache-XXXXXX", NULL);

  /* The team's copies go to the test's own cache. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  setup_application (&argc, &argv);

  g_test_add_func ("/library-team/reader-cannot-change-folders", test_reader_cannot_change_folders);
  g_test_add_func ("/library-team/case-from-the-team", test_case_from_the_team);

  return g_test_run ();
}
