/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"
#include "window-test.h"

static DossierWindow *window;

static GtkWidget *
go_to (const char *view)
{
  GtkWidget *widget;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", view);
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, view);
  settle ();

  widget = dossier_window_get_view (window, view);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  return widget;
}

static void
test_overview (void)
{
  g_autofree char *text = shown_text (go_to ("overview"));

  assert_shows (text, "The Sony Pictures hack, November 2014");
  assert_shows (text, "At a Glance");
  assert_shows (text, "Victim\nSony Pictures");
  assert_shows (text, "Discovered\n24 November 2014");
  assert_shows (text, "Deadline set by the attackers\n24 November 2014, 23:00 UTC");
  assert_shows (text, "Hacked By #GOP");
  /* Certainty on every paragraph that has one, with the word. */
  assert_shows (text, "Reported");
  assert_shows (text, "Unverified");
  assert_shows (text, "Sources\n7");
}

static void
test_breach (void)
{
  g_autofree char *text = shown_text (go_to ("breach"));

  assert_shows (text, "Method");
  assert_shows (text, "Ransomware, in the article's words a “massive ransomware hack”[9]");
  assert_shows (text, "Claimed by\n");
  assert_shows (text, "Exposed Data");
  assert_shows (text, "Personal data");
  assert_shows (text, "Passport and visa information for cast and crew");
  assert_shows (text, "Evidence For");
  assert_shows (text, "Evidence Against");
  assert_shows (text, "Unnamed sources told Variety that Sony has no evidence");
  assert_shows (text, "Alleged");
}

static void
test_threat (void)
{
  g_autofree char *text = shown_text (go_to ("threat"));

  assert_shows (text, "Hacked By #GOP");
  assert_shows (text, "Deadline\n24 November 2014, 23:00 UTC");
  assert_shows (text, "23 hours after the breach was discovered");
  assert_shows (text, "A red skull with the phrase Hacked By #GOP");
  /* The printed link is evidence: plain text, marked as not opened. */
  assert_shows (text, "https://links.not-recorded.invalid/\nNot opened");
}

static gboolean
has_no_link_to (GtkWidget  *widget,
                const char *uri)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), uri) != NULL)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!has_no_link_to (child, uri))
      return FALSE;

  return TRUE;
}

static void
test_threat_links_inert (void)
{
  GtkWidget *view = go_to ("threat");

  g_assert_true (has_no_link_to (view, "href=\"https://links.not-recorded.invalid"));
}

static void
test_sources (void)
{
  GtkWidget *view = go_to ("sources");
  g_autofree char *text = NULL;

  /* List rows are made when the list is laid out. */
  wait_for_text (view, "Credibility");
  text = shown_text (view);

  assert_shows (text, "North Korea And Kim Jong-un Might Be Kind Of Pissed About “The Interview,” Behind Sony Hack");
  assert_shows (text, "Reliability\nF — Reliability cannot be judged");
  assert_shows (text, "Credibility\n3 — Possibly true");
  assert_shows (text, "Cited ");
  assert_shows (text, "Breach · hypothesis: ");
}

static void
test_other_views_shown (void)
{
  const char *views[] = { "reactions", "release", "notes", "timeline" };

  /* The four views of the other pages get the case through the same
   * actions; their own tests check their facts. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    go_to (views[i]);
}

static void
test_hostile_text_literal (void)
{
  DossierWindow *hostile = open_case ("tests/cases/good/hostile-text.case.xml", NULL);
  g_autofree char *text = NULL;

  g_assert_true (hostile != window);
  gtk_widget_activate_action (GTK_WIDGET (hostile), "win.view", "s", "overview");
  settle ();
  text = shown_text (dossier_window_get_view (hostile, "overview"));

  /* Markup in case text is shown as written; bidi overrides are gone. */
  assert_shows (text, "../../etc/passwd <b>fdp.exe</b> &amp; <span size='2147483647'>huge</span>");
  assert_shows (text, "<script>alert(1)</script> evil [click](javascript:alert(1))");
  assert_shows (text, "Victim & Co </title>");
  g_assert_null (strstr (text, "\u202E"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (hostile)), "\u202E"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (hostile)), "../../etc/passwd <b>fdp.exe</b>"));

  gtk_window_destroy (GTK_WINDOW (hostile));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);
  window = open_case ("data/cases/sony-pictures-2014.case.xml", NULL);

  g_test_add_func ("/views/overview", test_overview);
  g_test_add_func ("/views/breach", test_breach);
  g_test_add_func ("/views/threat", test_threat);
  g_test_add_func ("/views/threat/links-inert", test_threat_links_inert);
  g_test_add_func ("/views/sources", test_sources);
  g_test_add_func ("/views/others", test_other_views_shown);
  g_test_add_func ("/views/hostile-text-literal", test_hostile_text_literal);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
