/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every widget test does: an application of its own, opening a case
 * and waiting (never sleeping) until the window shows it, and reading the
 * text a person would see. */
#include "config.h"

#include <string.h>

#include "window-test.h"

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif

/* How long a wait may take before the test fails. It only turns a hang
 * into a message before meson's own timeout (120 s) would, so it is
 * generous: one main-loop iteration that lays out and draws a view takes
 * seconds under AddressSanitizer on a busy machine, and a wait spans
 * several of them. Sanitized builds get four times as long, as meson's
 * timeout does there (--timeout-multiplier 4 in run-sanitized.sh). */
#ifdef SANITIZED
# define WAIT_TIMEOUT_MS (4 * 30000)
#else
# define WAIT_TIMEOUT_MS 30000
#endif

DossierApplication *app;

guint
time_scale (void)
{
#ifdef SANITIZED
  return 4;
#else
  return 1;
#endif
}

/* Iterates the main context until @condition holds, for at most
 * WAIT_TIMEOUT_MS; never a fixed sleep. A wait that used up a quarter
 * of that says so in the log, before it grows into a failure. */
gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  gint64 waited;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  waited = g_get_monotonic_time () - start;
  if (waited > WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND / 4)
    g_test_message ("a wait took %.1f s of the %d s allowed",
                    waited / (double) G_TIME_SPAN_SECOND, WAIT_TIMEOUT_MS / 1000);

  return TRUE;
}

void
wait_for (Condition condition,
          gpointer  data)
{
  g_assert_true (wait_until (condition, data));
}

gboolean
window_settled (gpointer data)
{
  DossierWindow *window = data;

  return !dossier_window_is_loading (window) &&
         g_strcmp0 (dossier_window_get_page_name (window), "loading") != 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  GtkWidget *window;
  guint      frames;
} FrameWait;

/* Two frames: widgets that a frame's allocation creates (list rows, a
 * view built on first show) are laid out in the next one. */
#define SETTLE_FRAMES 2

/* A frame that only asks for ::after-paint lays out and draws no more
 * than the window had queued: waiting costs no redraw of its own. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  FrameWait *wait = user_data;

  if (++wait->frames < SETTLE_FRAMES)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
frames_painted (gpointer data)
{
  FrameWait *wait = data;

  return wait->frames >= SETTLE_FRAMES || !gtk_widget_get_mapped (wait->window);
}

/* Waits for whole frames of every shown window rather than a number of
 * main-loop iterations: on a slow machine the frame clock has not ticked
 * yet when the queue of ready sources runs dry. */
void
settle (void)
{
  GList *toplevels;

  drain_main_context ();

  /* A window may go while another one is waited for. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      FrameWait wait = { l->data, 0 };
      g_autoptr(GdkFrameClock) clock = NULL;
      gulong handler;

      if (!gtk_widget_get_mapped (wait.window))
        continue;

      clock = g_object_ref (gtk_widget_get_frame_clock (wait.window));
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &wait);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
      wait_until (frames_painted, &wait);
      g_signal_handler_disconnect (clock, handler);
    }

  g_list_free_full (toplevels, g_object_unref);
  drain_main_context ();
}

char *
case_path (const char *relative)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

DossierWindow *
open_case (const char *relative,
           const char *view)
{
  g_autofree char *path = case_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;

  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, view));
  g_assert_true (wait_until (window_settled, window));
  settle ();

  return window;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* Everything a reader sees in @widget right now, one label a line. */
char *
shown_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  settle ();
}

void
setup_application (int    *argc,
                   char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("dossier-test-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  /* The recent-files list of the test is its own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (argc, argv, NULL);

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* Panels and pages appear at once instead of sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

typedef struct
{
  GtkWidget  *widget;
  const char *needle;
} ShownText;

static gboolean
text_is_shown (gpointer data)
{
  ShownText *shown = data;
  g_autofree char *text = shown_text (shown->widget);

  return strstr (text, shown->needle) != NULL;
}

/* Waits until @widget shows @needle (a panel is laid out on the next
 * frame); on timeout the caller's assertion shows what is there. */
void
wait_for_text (GtkWidget  *widget,
               const char *needle)
{
  ShownText shown = { widget, needle };

  wait_until (text_is_shown, &shown);
}

GtkWidget *
find_first_of_type (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
find_highlighted (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "highlighted"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_highlighted (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
search_panel_answered (gpointer data)
{
  PanelWait *wait = data;

  return !dossier_search_panel_is_busy (wait->panel) &&
         g_strcmp0 (dossier_search_panel_get_query (wait->panel), wait->query) == 0;
}

static void
on_folder_added_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_client_change_folder_finish (DOSSIER_LIBRARY_CLIENT (source),
                                                              result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
add_library_folder (DossierLibraryClient *client,
                    const char           *folder)
{
  gboolean added = FALSE;

  dossier_library_client_add_folder_async (client, folder, NULL, on_folder_added_cb, &added);
  g_assert_true (wait_until (is_true, &added));
}

char *
copy_case_into (const char *relative,
                const char *folder)
{
  g_autofree char *from = case_path (relative);
  g_autofree char *basename = g_path_get_basename (from);
  char *to = g_build_filename (folder, basename, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
  return to;
}
