/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A team library on a real PostgreSQL server, for a user of its reader
 * role: the Library page lists its cases but "Add Folder…" (on the
 * page and in the folders' popover) and removing a folder are
 * insensitive, with a tooltip that says why. Needs a server:
 * DOSSIER_TEST_PG is a connection string of a user who may create
 * databases and roles (tests/pg-server.sh); without it the test is
 * skipped. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>
#include <libpq-fe.h>

#include "dossier-library-client.h"
#include "dossier-library-pg.h"
#include "dossier-welcome-page.h"
#include "window-test.h"

/* @admin with @dbname and @user in place of its own (NULL: kept). */
static char *
conninfo_for (const char *admin,
              const char *dbname,
              const char *user)
{
  g_autofree char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (admin, &message);
  GString *conninfo = g_string_new (NULL);

  g_assert_nonnull (options);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = o->val;

      if (strcmp (o->keyword, "dbname") == 0 && dbname != NULL)
        value = dbname;
      else if (strcmp (o->keyword, "user") == 0 && user != NULL)
        value = user;
      if (value == NULL || *value == '\0')
        continue;
      if (conninfo->len > 0)
        g_string_append_c (conninfo, ' ');
      /* Test names and paths: no quote or backslash in them. */
      g_string_append_printf (conninfo, "%s='%s'", o->keyword, value);
    }
  PQconninfoFree (options);
  return g_string_free (conninfo, FALSE);
}

static void
run_sql (const char *conninfo,
         const char *sql)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test server: %s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

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

static void
test_reader_cannot_change_folders (void)
{
  const char *admin = g_getenv ("DOSSIER_TEST_PG");
  g_autofree char *dbname = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *owner_conninfo = NULL;
  g_autofree char *reader_conninfo = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autofree char *file_location = g_strdup (dossier_library_client_get_location (client));
  DossierWindow *window;
  GtkWidget *page;
  GtkWidget *add;
  GtkWidget *folders;
  GtkWidget *row;

  if (admin == NULL || *admin == '\0')
    {
      g_test_skip ("no PostgreSQL server: DOSSIER_TEST_PG is not set (tests/pg-server.sh sets it)");
      return;
    }

  /* A team library of its own, and a user of its reader role. */
  dbname = g_strdup_printf ("dossier_gui_ro_%d", (int) getpid ());
  reader = g_strdup_printf ("dossier_gui_reader_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE DATABASE %s", dbname);
  run_sql (admin, sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", reader);
  run_sql (admin, sql);
  owner_conninfo = conninfo_for (admin, dbname, NULL);
  g_assert_true (dossier_library_pg_init_schema (owner_conninfo, &report, &error));
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("GRANT " DOSSIER_LIBRARY_PG_READER_ROLE " TO %s;"
                         "INSERT INTO folders (path) VALUES ('/srv/team/cases')", reader);
  run_sql (owner_conninfo, sql);

  reader_conninfo = conninfo_for (admin, dbname, reader);
  dossier_library_client_set_location (client, reader_conninfo);
  g_application_activate (G_APPLICATION (app));
  window = DOSSIER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (wait_until (window_settled, window));
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
  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", dbname);
  run_sql (admin, sql);
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s", reader);
  run_sql (admin, sql);
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/library-read-only/reader-cannot-change-folders", test_reader_cannot_change_folders);

  return g_test_run ();
}
