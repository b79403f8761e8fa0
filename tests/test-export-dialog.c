/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-core.h"
#include "dossier-export.h"
#include "dossier-export-dialog.h"
#include "dossier-print-operation.h"
#include "window-test.h"

#define SAMPLE "sony-pictures-2014.case.xml"

typedef struct
{
  char                *dir;       /* a fresh folder for the test */
  GFile               *case_file; /* a copy of the sample in @dir */
  DossierCase         *dcase;
  GtkWindow           *parent;
  DossierExportDialog *dialog;
  GFile               *exported;  /* what "exported" gave */
  guint                n_exported;
} Fixture;

static void
on_exported_cb (DossierExportDialog *dialog,
                GFile               *file,
                Fixture             *fixture)
{
  g_set_object (&fixture->exported, file);
  fixture->n_exported++;
}

static void
fixture_open_dialog (Fixture *fixture)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  fixture->n_exported = 0;

  fixture->dialog = g_object_ref (dossier_export_dialog_new (fixture->parent, fixture->dcase));
  g_signal_connect (fixture->dialog, "exported", G_CALLBACK (on_exported_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  settle ();
}

/* The sample is copied next to the exports: if a refusal ever failed,
 * the copy would suffer, never the source tree. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
  g_autofree char *source_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (root);
  source_path = g_build_filename (root, "data", "cases", SAMPLE, NULL);
  g_assert_true (g_file_get_contents (source_path, &contents, &length, &error));
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("dossier-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (fixture->dir, SAMPLE, NULL);
  g_assert_true (g_file_set_contents (copy_path, contents, length, &error));
  fixture->case_file = g_file_new_for_path (copy_path);

  fixture->dcase = dossier_case_load (fixture->case_file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (fixture->parent);
  fixture_open_dialog (fixture);
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

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  gtk_window_destroy (fixture->parent);
  settle ();
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->dcase);
  g_clear_object (&fixture->case_file);
  remove_tree (fixture->dir);
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

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
find_string (GListModel *model,
             const char *string)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), string) == 0)
      return i;

  g_assert_not_reached ();
}

static gboolean
export_ended (gpointer data)
{
  Fixture *fixture = data;

  return !dossier_export_dialog_is_exporting (fixture->dialog);
}

static gboolean
was_exported (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_exported > 0;
}

static GFile *
file_in_dir (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_same_bytes (GBytes *actual,
                   GBytes *expected)
{
  gsize actual_size, expected_size;
  const char *actual_data = g_bytes_get_data (actual, &actual_size);
  const char *expected_data = g_bytes_get_data (expected, &expected_size);

  g_assert_cmpmem (actual_data, actual_size, expected_data, expected_size);
}

/* What the dialog shows, read from the label the user sees. */
static void
assert_message (Fixture    *fixture,
                const char *expected)
{
  GtkWidget *label = template_child (fixture, "message_label");

  g_assert_true (gtk_widget_is_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_cmpstr (dossier_export_dialog_get_message (fixture->dialog), ==, expected);
}

static char **
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* The dialog's options, chosen through its widgets, give the bytes the
 * core gives for the same options. */
static void
test_markdown_bytes (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwComboRow *format_row = ADW_COMBO_ROW (template_child (fixture, "format_row"));
  AdwComboRow *notes_row = ADW_COMBO_ROW (template_child (fixture, "notes_row"));
  AdwComboRow *tag_row = ADW_COMBO_ROW (template_child (fixture, "tag_row"));
  GtkWidget *query_row = template_child (fixture, "query_row");
  GtkWidget *export_button = template_child (fixture, "export_button");
  GtkWidget *reactions;
  g_autoptr(GFile) target = file_in_dir (fixture, "summary.md");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  AdwToast *toast;
  GtkWidget *title;

  /* PDF first: the paper row shows only for PDF. */
  adw_combo_row_set_selected (format_row, 3);
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "paper_row")));
  adw_combo_row_set_selected (format_row, 0);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "paper_row")));
  g_assert_cmpint (dossier_export_dialog_get_format (fixture->dialog), ==, DOSSIER_EXPORT_MARKDOWN);

  reactions = find_named (template_child (fixture, "sections_group"), "reactions");
  g_assert_nonnull (reactions);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (reactions)));
  gtk_switch_set_active (GTK_SWITCH (reactions), FALSE);

  /* A search with no words cannot be exported. */
  adw_combo_row_set_selected (notes_row, 3);
  g_assert_true (gtk_widget_get_visible (query_row));
  g_assert_false (gtk_widget_is_sensitive (export_button));
  gtk_editable_set_text (GTK_EDITABLE (query_row), "embassy");
  g_assert_true (gtk_widget_is_sensitive (export_button));

  adw_combo_row_set_selected (notes_row, 2);
  g_assert_false (gtk_widget_get_visible (query_row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tag_row)));
  adw_combo_row_set_selected (tag_row, find_string (adw_combo_row_get_model (tag_row), "deadline"));

  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_MARKDOWN;
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS & ~(1u << DOSSIER_SECTION_REACTIONS);
  options.notes = DOSSIER_EXPORT_NOTES_TAG;
  options.notes_arg = "deadline";
  options.local_time = FALSE;
  expected = dossier_export_to_bytes (fixture->dcase, &options, NULL, &error);
  g_assert_no_error (error);
  /* The switch and the tag make a difference. */
  dossier_export_options_init (&options);
  plain = dossier_export_to_bytes (fixture->dcase, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (expected, plain));

  dossier_export_dialog_export_to_file (fixture->dialog, target, FALSE);
  g_assert_true (dossier_export_dialog_is_exporting (fixture->dialog));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "progress_box")));
  g_assert_true (wait_until (was_exported, fixture));

  g_assert_cmpuint (fixture->n_exported, ==, 1);
  g_assert_true (g_file_equal (fixture->exported, target));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  written = read_file (target);
  assert_same_bytes (written, expected);

  toast = dossier_export_toast_new (fixture->parent, target);
  title = adw_toast_get_custom_title (toast);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (title))), ==,
                   "Exported “summary.md”");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_last_child (title)), ==,
                   "Show in Files");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_object_unref (toast);
}

static void
test_refuses_case_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) before = read_file (fixture->case_file);
  g_autoptr(GBytes) after = NULL;

  /* Even with the user's agreement to replace. */
  dossier_export_dialog_export_to_file (fixture->dialog, fixture->case_file, TRUE);
  g_assert_true (wait_until (export_ended, fixture));

  assert_message (fixture, "“" SAMPLE "” is the case file itself and was not overwritten; choose another name.");
  g_assert_cmpuint (fixture->n_exported, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "progress_box")));
  after = read_file (fixture->case_file);
  assert_same_bytes (after, before);
}

static void
test_replace_needs_agreement (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) target = file_in_dir (fixture, "summary.md");
  g_autoptr(GBytes) old = g_bytes_new_static ("old words\n", 10);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;

  g_assert_true (g_file_replace_contents (target, "old words\n", 10, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  dossier_export_dialog_export_to_file (fixture->dialog, target, FALSE);
  g_assert_true (wait_until (export_ended, fixture));
  assert_message (fixture, "“summary.md” already exists and was not replaced; choose another name.");
  g_assert_cmpuint (fixture->n_exported, ==, 0);
  written = read_file (target);
  assert_same_bytes (written, old);
  g_clear_pointer (&written, g_bytes_unref);

  dossier_export_dialog_export_to_file (fixture->dialog, target, TRUE);
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "message_box")));
  g_assert_true (wait_until (was_exported, fixture));

  dossier_export_options_init (&options);
  expected = dossier_export_to_bytes (fixture->dcase, &options, NULL, &error);
  g_assert_no_error (error);
  written = read_file (target);
  assert_same_bytes (written, expected);
}

static void
test_refuses_symlink (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) elsewhere = file_in_dir (fixture, "elsewhere.md");
  g_autoptr(GFile) link = file_in_dir (fixture, "link.md");
  g_autoptr(GBytes) old = g_bytes_new_static ("kept\n", 5);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (elsewhere, "kept\n", 5, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_true (g_file_make_symbolic_link (link, "elsewhere.md", NULL, &error));
  g_assert_no_error (error);

  dossier_export_dialog_export_to_file (fixture->dialog, link, TRUE);
  g_assert_true (wait_until (export_ended, fixture));

  assert_message (fixture, "“link.md” is a symbolic link. Dossier does not write through links; choose another name.");
  g_assert_cmpuint (fixture->n_exported, ==, 0);
  after = read_file (elsewhere);
  assert_same_bytes (after, old);
}

typedef struct
{
  Fixture    *fixture;
  const char *folder;
} PartData;

/* The export has created its temporary file, or already ended. */
static gboolean
temp_file_seen (gpointer data)
{
  PartData *part = data;
  g_auto(GStrv) names = list_dir (part->folder);

  if (!dossier_export_dialog_is_exporting (part->fixture->dialog))
    return TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".part"))
      return TRUE;

  return FALSE;
}

static void
test_cancel_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *target_path = g_build_filename (folder, "summary.pdf", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_auto(GStrv) names = NULL;
  PartData part = { fixture, folder };
  gboolean cancelled = FALSE;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  dossier_export_dialog_set_format (fixture->dialog, DOSSIER_EXPORT_PDF);

  /* Cancel once the temporary file exists, that is during the export. A
   * machine too slow to look in between gets another try. */
  for (guint attempt = 0; attempt < 5 && !cancelled; attempt++)
    {
      dossier_export_dialog_export_to_file (fixture->dialog, target, FALSE);
      g_assert_true (wait_until (temp_file_seen, &part));
      if (!dossier_export_dialog_is_exporting (fixture->dialog))
        {
          /* Done already: the dialog closed; start again with a new one. */
          g_assert_true (wait_until (was_exported, fixture));
          g_assert_cmpint (g_unlink (target_path), ==, 0);
          fixture_open_dialog (fixture);
          dossier_export_dialog_set_format (fixture->dialog, DOSSIER_EXPORT_PDF);
          continue;
        }

      /* What the Cancel button does while exporting. */
      gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "export.cancel", NULL);
      g_assert_true (wait_until (export_ended, fixture));
      cancelled = TRUE;
    }
  g_assert_true (cancelled);

  assert_message (fixture, "The export was cancelled; nothing was written.");
  g_assert_cmpuint (fixture->n_exported, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  names = list_dir (folder);
  g_assert_cmpstrv (names, ((const char * const[]) { NULL }));
}

static guint
count_pdf_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint pages = 0;

  for (gsize i = 0; i + 11 < size; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;

  return pages;
}

/* Printing lays the summary out as the PDF export does: the same number
 * of pages on the same paper. */
static void
test_print_paginates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DossierPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) printed = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportOptions options;
  GtkPrintOperationResult result;

  dossier_export_options_init (&options);
  options.format = DOSSIER_EXPORT_PDF;
  options.paper = DOSSIER_PAPER_A4;
  operation = dossier_print_operation_new (fixture->dcase, &options);
  g_assert_cmpuint (dossier_print_operation_get_n_pages (operation), ==, 0);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  printed = read_file (file);
  g_assert_cmpuint (g_bytes_get_size (printed), >, 4);
  g_assert_cmpmem (g_bytes_get_data (printed, NULL), 5, "%PDF-", 5);

  exported = dossier_export_to_bytes (fixture->dcase, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_print_operation_get_n_pages (operation), >, 1);
  g_assert_cmpuint (count_pdf_pages (printed), ==, dossier_print_operation_get_n_pages (operation));
  g_assert_cmpuint (count_pdf_pages (exported), ==, dossier_print_operation_get_n_pages (operation));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/export-dialog/markdown-same-bytes-as-core", Fixture, NULL,
              fixture_setup, test_markdown_bytes, fixture_teardown);
  g_test_add ("/export-dialog/refuses-case-file", Fixture, NULL,
              fixture_setup, test_refuses_case_file, fixture_teardown);
  g_test_add ("/export-dialog/replace-needs-agreement", Fixture, NULL,
              fixture_setup, test_replace_needs_agreement, fixture_teardown);
  g_test_add ("/export-dialog/refuses-symlink", Fixture, NULL,
              fixture_setup, test_refuses_symlink, fixture_teardown);
  g_test_add ("/export-dialog/cancel-pdf-leaves-nothing", Fixture, NULL,
              fixture_setup, test_cancel_pdf, fixture_teardown);
  g_test_add ("/print/paginates-like-pdf", Fixture, NULL,
              fixture_setup, test_print_paginates, fixture_teardown);

  return g_test_run ();
}
