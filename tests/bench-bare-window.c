/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The baseline of build-aux/bench-startup.py: a bare libadwaita window
 * (a header bar over a status page) that prints "first-frame-us T" when
 * its first frame has been painted, T being g_get_monotonic_time ()
 * (CLOCK_MONOTONIC), then "peak-rss-kb N" (VmHWM) and quits. Dossier
 * does the same with DOSSIER_BENCH_FIRST_FRAME=1 DOSSIER_BENCH_EXIT=1.
 *
 * No config.h: it stands for any libadwaita application, so it is built
 * with nothing of Dossier's.
 */

#include <adwaita.h>
#include <string.h>

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *status = NULL;
  const char *hwm;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);

  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", now);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    g_print ("peak-rss-kb %" G_GINT64_FORMAT "\n",
             g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10));
  fflush (stdout);

  g_application_quit (app);
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status_page = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  /* The size of Dossier's window: cairo paints every pixel. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), "Bare Window");
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page),
                                   "The baseline for Dossier's start-up time");
  gtk_widget_set_vexpand (status_page, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.dossier.BenchBareWindow",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
