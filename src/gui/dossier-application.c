/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-command-line.h"
#include "dossier-search-provider.h"
#include "dossier-library-client.h"
#include "dossier-library-preferences.h"
#include "dossier-library-setting.h"
#include "dossier-views.h"
#include "dossier-welcome-page.h"
#include "dossier-window.h"

#define VIEW_HINT_PREFIX "view="
#define RESOURCE_PATH "/io/github/dossier/Dossier"

struct _DossierApplication
{
  AdwApplication  parent_instance;
  char           *initial_view;
  DossierSearchProvider *search_provider;
  guint           library_update_id;
  gboolean        library_updated;
  gboolean        library_given;   /* --library-db */
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* A file picked or dropped in @window: opened here, so that a file
 * already open raises its window instead of opening twice. */
static gboolean
on_window_open_file_cb (DossierWindow      *window,
                        GFile              *file,
                        DossierApplication *self)
{
  dossier_application_open_file (self, file, GTK_WINDOW (window), NULL);

  return TRUE;
}

static DossierWindow *
new_window (DossierApplication *self)
{
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (self));

  g_signal_connect_object (window, "open-file", G_CALLBACK (on_window_open_file_cb), self, 0);

  return window;
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DossierWindow *window = new_window (DOSSIER_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  const char *developers[] = { _("The Dossier developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Dossier"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Dossier developers"),
                        "developers", developers,
                        "comments", _("Read investigation case files: the breach, the threats, the reactions and every source behind them."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* "s": the URI of a case file, as the welcome page's recent cases give it. */
static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dossier_application_open_file (DOSSIER_APPLICATION (user_data), file, NULL, NULL);
}

/* The library's case @path opened: its own file, or a team library's
 * copy of it; a toast says why when neither can be had. */
static void
on_library_case_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierApplication *self = DOSSIER_APPLICATION (g_application_get_default ());
  g_autoptr(GVariant) place = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  const char *section = NULL;
  const char *item_id = NULL;
  int item_index = -1;
  GtkWindow *window;

  g_variant_get (place, "(&s&s&si)", &path, &section, &item_id, &item_index);
  file = dossier_library_client_open_case_finish (DOSSIER_LIBRARY_CLIENT (source), result, &error);
  if (file == NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *name = dossier_sanitize_display_text (basename);
      /* TRANSLATORS: a case file's name, then why it cannot be opened */
      g_autofree char *text = g_strdup_printf (_("%s cannot be opened: %s"), name, error->message);
      g_autofree char *message = g_markup_escape_text (text, -1);

      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (!DOSSIER_IS_WINDOW (window))
        window = GTK_WINDOW (new_window (self));
      gtk_window_present (window);
      dossier_window_add_toast (DOSSIER_WINDOW (window), adw_toast_new (message));
    }
  else
    {
      window = dossier_application_open_file (self, file, NULL, NULL);
      if (DOSSIER_IS_WINDOW (window) && *section != '\0')
        dossier_window_set_initial_place (DOSSIER_WINDOW (window), section,
                                          *item_id != '\0' ? item_id : NULL, item_index);
    }
  g_application_release (G_APPLICATION (self));
}

/* (sssi): a case file's path as the library lists it, a section name
 * ("" for none), an item id ("" for none) and an item index (-1 for
 * none): opens the case, or raises its window, at the item. The
 * library's lists and results use it: a team library's case that is
 * not on this computer opens from the library's checked copy. */
static void
open_at_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  const char *path = NULL;

  g_variant_get (parameter, "(&s&s&si)", &path, NULL, NULL, NULL);
  /* Held until the answer: a run started by GNOME Shell has no window yet. */
  g_application_hold (G_APPLICATION (user_data));
  dossier_library_client_open_case_async (dossier_library_client_get_default (), path, NULL,
                                          on_library_case_cb, g_variant_ref (parameter));
}

static void
library_preferences_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  DossierLibraryPreferences *preferences;

  preferences = dossier_library_preferences_new (parent, dossier_library_client_get_default ());
  gtk_window_present (GTK_WINDOW (preferences));
}

/* "s": search terms; a window shows the Library with them in its search
 * field (the GNOME Shell search provider's LaunchSearch). */
static void
library_search_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DossierApplication *self = DOSSIER_APPLICATION (user_data);
  DossierWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (DOSSIER_IS_WINDOW (l->data) && dossier_window_get_case (l->data) == NULL &&
        !dossier_window_is_loading (l->data))
      {
        window = l->data;
        break;
      }
  if (window == NULL)
    window = new_window (self);

  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (dossier_window_get_welcome_page (window)),
                                        g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL },
  { "about", about_action, NULL, NULL, NULL },
  { "new-window", new_window_action, NULL, NULL, NULL },
  { "open-file", open_file_action, "s", NULL, NULL },
  { "open-at", open_at_action, "(sssi)", NULL, NULL },
  { "library-search", library_search_action, "s", NULL, NULL },
  { "library-preferences", library_preferences_action, NULL, NULL, NULL },
};

/* The library is brought up to date once a run, after the first window
 * has painted its first frame: the update runs in a worker thread, but
 * walking every folder would compete with that frame. */
static gboolean
update_library_cb (gpointer user_data)
{
  DossierApplication *self = user_data;

  self->library_update_id = 0;
  dossier_library_client_update (dossier_library_client_get_default ());

  return G_SOURCE_REMOVE;
}

static void
on_first_paint_cb (GdkFrameClock      *clock,
                   DossierApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  if (self->library_update_id == 0)
    self->library_update_id = g_idle_add_full (G_PRIORITY_LOW, update_library_cb, self, NULL);
}

static void
on_window_realized_cb (GtkWidget          *window,
                       DossierApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_realized_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_paint_cb), self, 0);
}

static void
schedule_library_update (DossierApplication *self,
                         GtkWindow          *window)
{
  if (self->library_updated)
    return;

  self->library_updated = TRUE;
  if (window != NULL && gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realized_cb (GTK_WIDGET (window), self);
  else if (window != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized_cb), self, 0);
  else
    self->library_update_id = g_idle_add_full (G_PRIORITY_LOW, update_library_cb, self, NULL);
}

/* Benchmark hook (build-aux/bench-startup.py) --------------------------
 *
 * With DOSSIER_BENCH_FIRST_FRAME=1 the first window prints
 * "first-frame-us T" once a frame showing a case has been painted, T
 * being g_get_monotonic_time() (CLOCK_MONOTONIC, as Python's
 * time.monotonic()). DOSSIER_BENCH_EXIT=1 then prints "peak-rss-kb N"
 * (VmHWM) and quits; DOSSIER_BENCH_FRAMES=1 instead goes on printing
 * "frame-us T" for every frame painted, for frame pacing while
 * scrolling. With DOSSIER_BENCH_LIBRARY=1 the frame counted is instead
 * the first that shows the Library page with the library's cases
 * listed (a window opened on no file). Nothing happens without the
 * variables.
 */

/* The frame the benchmark waits for is on screen. */
static gboolean
bench_page_shown (DossierWindow *window)
{
  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_LIBRARY"), "1") == 0)
    return g_strcmp0 (dossier_window_get_page_name (window), "welcome") == 0 &&
           dossier_welcome_page_is_listed (DOSSIER_WELCOME_PAGE (dossier_window_get_welcome_page (window)));

  return g_strcmp0 (dossier_window_get_page_name (window), "case") == 0;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  DossierWindow *window = DOSSIER_WINDOW (user_data);
  gint64 now = g_get_monotonic_time ();
  gboolean first = !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "dossier-bench-shown"));

  if (!bench_page_shown (window))
    return;

  if (first)
    {
      g_object_set_data (G_OBJECT (window), "dossier-bench-shown", GINT_TO_POINTER (TRUE));
      g_print ("first-frame-us %" G_GINT64_FORMAT "\n", now);
    }

  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_FRAMES"), "1") == 0)
    g_print ("frame-us %" G_GINT64_FORMAT "\n", now);
  else if (first && g_strcmp0 (g_getenv ("DOSSIER_BENCH_EXIT"), "1") == 0)
    {
      g_autofree char *status = NULL;
      const char *hwm;

      if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
          (hwm = strstr (status, "VmHWM:")) != NULL)
        g_print ("peak-rss-kb %" G_GINT64_FORMAT "\n",
                 g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10));
      g_application_quit (g_application_get_default ());
    }

  fflush (stdout);
}

static void
bench_realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), window, 0);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  /* Only the first window, and only ever one. */
  g_signal_handlers_disconnect_by_func (app, bench_window_added_cb, NULL);
  if (DOSSIER_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), NULL);
}

static void
bench_hook_setup (GtkApplication *app)
{
  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
}

/* ---------------------------------------------------------------------- */

static int
dossier_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  int status;

  /* --library-db alone is not a command: the window uses that library.
   * With a library command it goes to the command line with it. */
  if (g_variant_dict_contains (options, "library-db") &&
      !g_variant_dict_contains (options, "library-add") &&
      !g_variant_dict_contains (options, "library-update") &&
      !g_variant_dict_contains (options, "library-search") &&
      !g_variant_dict_contains (options, "library-remove") &&
      !g_variant_dict_contains (options, "search") &&
      !g_variant_dict_contains (options, "library-list") &&
      !g_variant_dict_contains (options, "library-init"))
    {
      g_autofree char *location = NULL;

      g_variant_dict_lookup (options, "library-db", "^ay", &location);
      dossier_library_client_set_default_location (location);
      g_variant_dict_remove (options, "library-db");
      self->library_given = TRUE;
    }

  status = dossier_command_line_handle (options);
  if (status >= 0)
    return status;

  /* The window's library: the one chosen in its preferences, unless
   * --library-db named one. */
  if (!self->library_given)
    {
      g_autofree char *location = dossier_library_setting_get ();

      if (location != NULL)
        dossier_library_client_set_default_location (location);
    }

  g_clear_pointer (&self->initial_view, g_free);
  g_variant_dict_lookup (options, "view", "s", &self->initial_view);

  /* The command line's own FILE… option takes the file names, so they
   * are opened here; a running instance gets them with the tab to show
   * in the open hint. */
  if (g_variant_dict_contains (options, G_OPTION_REMAINING))
    {
      g_autofree const char **paths = NULL;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *hint = NULL;
      g_autoptr(GError) error = NULL;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
      for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

      if (files->len > 0)
        {
          if (!g_application_register (app, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }

          hint = self->initial_view != NULL
                 ? g_strconcat (VIEW_HINT_PREFIX, self->initial_view, NULL)
                 : g_strdup ("");
          g_application_open (app, (GFile **) files->pdata, (int) files->len, hint);

          /* The primary instance goes on to run its main loop. */
          return g_application_get_is_remote (app) ? 0 : -1;
        }
    }

  /* No file: the window will show the Library. Its listing starts now,
   * beside the toolkit's start and the window's making. */
  dossier_welcome_page_prefetch ();
  return -1;
}

static void
dossier_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *back_accels[] = { "<Alt>Left", "Back", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };
  const char * const *view_names = dossier_views_get_names ();
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  /* What a resource base path would do, less one thing: GtkApplication
   * would build the shortcuts window (gtk/help-overlay.ui) for every new
   * window before its first frame; each window builds its own once it
   * is on screen (dossier-window.c). Ctrl+? as GtkApplication sets it. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay", help_overlay_accels);

  bench_hook_setup (gtk_app);

  g_set_application_name (_("Dossier"));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (gtk_app, "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.open", open_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.close", close_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.go-back", back_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.find", find_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.export", export_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.print", print_accels);

  for (guint i = 0; view_names[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.view('%s')", view_names[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (gtk_app, detailed, accels);
    }
}

static void
dossier_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      dossier_welcome_page_prefetch ();
      window = GTK_WINDOW (new_window (DOSSIER_APPLICATION (app)));
      /* It shows the Library: read it while the window is being made. */
      dossier_welcome_page_read_ahead (DOSSIER_WELCOME_PAGE (dossier_window_get_welcome_page (DOSSIER_WINDOW (window))));
    }
  else if (!gtk_widget_get_visible (GTK_WIDGET (window)) &&
           DOSSIER_IS_WINDOW (window) && dossier_window_is_loading (DOSSIER_WINDOW (window)))
    return; /* it shows itself when its case is ready */

  gtk_window_present (window);
  schedule_library_update (DOSSIER_APPLICATION (app), window);
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autofree char *view = NULL;
  GtkWindow *window = NULL;

  /* A second `dossier --view=X FILE` hands its tab over in the hint. */
  if (hint != NULL && g_str_has_prefix (hint, VIEW_HINT_PREFIX))
    view = g_strdup (hint + strlen (VIEW_HINT_PREFIX));
  else
    view = g_steal_pointer (&self->initial_view);

  for (int i = 0; i < n_files; i++)
    window = dossier_application_open_file (self, files[i], NULL, view);
  schedule_library_update (self, window);
}

/* The GNOME Shell search provider lives on the application's own bus
 * name, exported while the application is registered. */
static gboolean
dossier_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  if (!G_APPLICATION_CLASS (dossier_application_parent_class)->dbus_register (app, connection,
                                                                             object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = dossier_search_provider_new (app, dossier_library_client_get_default ());
  return dossier_search_provider_register (self->search_provider, connection, error);
}

static void
dossier_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  if (self->search_provider != NULL)
    dossier_search_provider_unregister (self->search_provider);

  G_APPLICATION_CLASS (dossier_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  g_clear_pointer (&self->initial_view, g_free);
  g_clear_object (&self->search_provider);
  g_clear_handle_id (&self->library_update_id, g_source_remove);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dossier_application_finalize;
  app_class->handle_local_options = dossier_application_handle_local_options;
  app_class->startup = dossier_application_startup;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->dbus_register = dossier_application_dbus_register;
  app_class->dbus_unregister = dossier_application_dbus_unregister;
}

static void
dossier_application_init (DossierApplication *self)
{
  dossier_command_line_add_options (G_APPLICATION (self));
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* No resource base path: startup () loads the
                        * style sheet and the windows their shortcuts. */
                       "resource-base-path", NULL,
                       NULL);
}

static gboolean
window_is_empty (GtkWindow *window)
{
  DossierWindow *dwindow;

  if (!DOSSIER_IS_WINDOW (window))
    return FALSE;

  dwindow = DOSSIER_WINDOW (window);
  return dossier_window_get_case (dwindow) == NULL && !dossier_window_is_loading (dwindow);
}

GtkWindow *
dossier_application_open_file (DossierApplication *self,
                               GFile              *file,
                               GtkWindow          *from,
                               const char         *view_name)
{
  DossierWindow *window = NULL;

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!DOSSIER_IS_WINDOW (l->data))
        continue;

      shown = dossier_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        {
          window = l->data;
          /* A window that could not open the file tries again. */
          if (dossier_window_get_case (window) == NULL && !dossier_window_is_loading (window))
            dossier_window_open (window, file);
          if (view_name != NULL)
            dossier_window_set_initial_view (window, view_name);
          gtk_window_present (GTK_WINDOW (window));
          return GTK_WINDOW (window);
        }
    }

  if (from == NULL)
    from = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (from != NULL && window_is_empty (from))
    window = DOSSIER_WINDOW (from);
  else
    window = new_window (self);

  if (view_name != NULL)
    dossier_window_set_initial_view (window, view_name);
  dossier_window_open_and_present (window, file);

  return GTK_WINDOW (window);
}
