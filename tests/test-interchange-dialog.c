/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-core.h"
#include "dossier-export-dialog.h"
#include "window-test.h"
#include "dossier-interchange.h"

/* The Export dialog offers the formats for other tools: choosing one
 * greys out what does not apply to it (sections, notes, time zone) and
 * writes the same bytes as the core. */


typedef struct
{
  char                *dir;
  DossierCase         *dcase;
  GtkWindow           *parent;
  DossierExportDialog *dialog;
  guint                n_exported;
} Fixture;

static void
on_exported_cb (DossierExportDialog *dialog,
                GFile               *file,
                Fixture             *fixture)
{
  fixture->n_exported++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
  file = g_file_new_for_path (path);
  fixture->dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("dossier-interchange-dialog-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (fixture->parent);
  fixture->dialog = g_object_ref (dossier_export_dialog_new (fixture->parent, fixture->dcase));
  g_signal_connect (fixture->dialog, "exported", G_CALLBACK (on_exported_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  settle ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  gtk_window_destroy (fixture->parent);
  settle ();
  g_clear_object (&fixture->dcase);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->dialog),
                                                  DOSSIER_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gboolean
was_exported (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_exported > 0;
}

static void
test_offers_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwComboRow *format_row = ADW_COMBO_ROW (template_child (fixture, "format_row"));
  GListModel *formats = adw_combo_row_get_model (format_row);

  g_assert_cmpuint (g_list_model_get_n_items (formats), ==, 8);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), 4), ==,
                   "STIX 2.1 Bundle (threat intelligence)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), 5), ==, "CSL-JSON (reference managers)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), 6), ==, "Timesketch Timeline (JSON Lines)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), 7), ==, "Timesketch Timeline (CSV)");

  /* The whole case: sections, notes and the time zone do not apply. */
  g_assert_true (gtk_widget_get_sensitive (template_child (fixture, "sections_group")));
  adw_combo_row_set_selected (format_row, 4);
  settle ();
  g_assert_false (gtk_widget_get_sensitive (template_child (fixture, "sections_group")));
  g_assert_false (gtk_widget_get_sensitive (template_child (fixture, "notes_group")));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "zone_row")));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "paper_row")));
  g_assert_true (gtk_widget_is_sensitive (template_child (fixture, "export_button")));

  /* Back to a summary: they come back. */
  adw_combo_row_set_selected (format_row, 0);
  settle ();
  g_assert_true (gtk_widget_get_sensitive (template_child (fixture, "sections_group")));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "zone_row")));
}

static void
test_writes_core_bytes (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwComboRow *format_row = ADW_COMBO_ROW (template_child (fixture, "format_row"));

  for (guint format = DOSSIER_INTERCHANGE_STIX; format <= DOSSIER_INTERCHANGE_TIMESKETCH_CSV; format++)
    {
      g_autofree char *name = dossier_interchange_suggest_filename (fixture->dcase, format);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) target = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = dossier_interchange_to_bytes (fixture->dcase, format, NULL, NULL);
      g_autoptr(GBytes) written = NULL;

      adw_combo_row_set_selected (format_row, 4 + format);
      settle ();
      fixture->n_exported = 0;
      dossier_export_dialog_export_to_file (fixture->dialog, target, FALSE);
      g_assert_true (wait_until (was_exported, fixture));
      written = g_file_load_bytes (target, NULL, NULL, NULL);
      g_assert_nonnull (written);
      g_assert_true (g_bytes_equal (written, expected));

      /* The dialog closes after a success; the next format in a new one. */
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      g_clear_object (&fixture->dialog);
      fixture->dialog = g_object_ref (dossier_export_dialog_new (fixture->parent, fixture->dcase));
      g_signal_connect (fixture->dialog, "exported", G_CALLBACK (on_exported_cb), fixture);
      gtk_window_present (GTK_WINDOW (fixture->dialog));
      settle ();
      format_row = ADW_COMBO_ROW (template_child (fixture, "format_row"));
    }

  g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/interchange-dialog/offers-formats", Fixture, NULL,
              fixture_setup, test_offers_formats, fixture_teardown);
  g_test_add ("/interchange-dialog/writes-core-bytes", Fixture, NULL,
              fixture_setup, test_writes_core_bytes, fixture_teardown);

  return g_test_run ();
}
