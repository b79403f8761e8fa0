/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-export-dialog.h"

#include "dossier-interchange.h"
#include "dossier-safe-writer.h"

/* The rows of format_row after the four summaries: the interchange
 * formats, in the order of DossierInterchangeFormat. */
#define FIRST_INTERCHANGE_ROW 4

/* The sections that have a switch, in the order of the window's tabs.
 * Notes are chosen with the Notes row instead. */
static const DossierSection switchable_sections[] = {
  DOSSIER_SECTION_OVERVIEW,
  DOSSIER_SECTION_ENTITIES,
  DOSSIER_SECTION_BREACH,
  DOSSIER_SECTION_THREAT,
  DOSSIER_SECTION_REACTIONS,
  DOSSIER_SECTION_RELEASE,
  DOSSIER_SECTION_TIMELINE,
  DOSSIER_SECTION_SOURCES,
};

/* The rows of notes_row, in order. */
static const DossierExportNotes notes_modes[] = {
  DOSSIER_EXPORT_NOTES_NONE,
  DOSSIER_EXPORT_NOTES_ALL,
  DOSSIER_EXPORT_NOTES_TAG,
  DOSSIER_EXPORT_NOTES_QUERY,
};

/* Shared by the dialog and the worker: the worker stores the latest
 * fraction and schedules at most one update of the bar at a time. */
typedef struct
{
  GWeakRef  dialog;
  gint      permille;
  gint      scheduled;
} ProgressState;

typedef struct
{
  DossierCase          *dcase;
  GFile                *file;
  GFile                *protected_file;
  DossierExportOptions  options;
  char                 *notes_arg;
  gboolean              replace;
  gboolean              interchange;
  DossierInterchangeFormat interchange_format;
  ProgressState        *progress;
  GMainContext         *context;
} ExportJob;

struct _DossierExportDialog
{
  AdwWindow             parent_instance;

  DossierCase          *dcase;
  GtkStringList        *tag_model;
  GPtrArray            *tags;          /* the raw tags behind tag_model */
  GtkWidget            *section_switches[G_N_ELEMENTS (switchable_sections)];
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  ProgressState        *progress;
  char                 *message;
  gboolean              exporting;

  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  GtkWidget            *message_box;
  GtkImage             *message_icon;
  GtkLabel             *message_label;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *document_group;
  AdwComboRow          *format_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *zone_row;
  AdwPreferencesGroup  *sections_group;
  GtkWidget            *notes_group;
  AdwComboRow          *notes_row;
  AdwComboRow          *tag_row;
  AdwEntryRow          *query_row;
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Progress */

static void
progress_state_clear (gpointer data)
{
  ProgressState *state = data;

  g_weak_ref_clear (&state->dialog);
}

static ProgressState *
progress_state_new (DossierExportDialog *dialog)
{
  ProgressState *state = g_atomic_rc_box_new0 (ProgressState);

  g_weak_ref_init (&state->dialog, dialog);

  return state;
}

static void
progress_state_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_state_clear);
}

static gboolean
show_progress_cb (gpointer data)
{
  ProgressState *state = data;
  g_autoptr(DossierExportDialog) self = g_weak_ref_get (&state->dialog);

  g_atomic_int_set (&state->scheduled, 0);
  /* A late update of an export that already ended changes nothing. */
  if (self != NULL && self->exporting && self->progress == state)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&state->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  ProgressState *state = job->progress;

  g_atomic_int_set (&state->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&state->scheduled, 0, 1))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_progress_cb,
                                g_atomic_rc_box_acquire (state), progress_state_release);
}

/* The export job */

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->dcase);
  g_clear_object (&job->file);
  g_clear_object (&job->protected_file);
  g_free (job->notes_arg);
  g_clear_pointer (&job->progress, progress_state_release);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static gboolean
file_is_symlink (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  return info != NULL && g_file_info_get_is_symlink (info);
}

/* The safe writer speaks to the command line ("use --force"); the dialog
 * says the same in the window's words. In the worker thread. */
static GError *
describe_error (ExportJob    *job,
                const GError *error)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *display = g_filename_display_name (name);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                _("The export was cancelled; nothing was written."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      if (file_is_symlink (job->file))
        return g_error_new (G_IO_ERROR, error->code,
                            _("“%s” is a symbolic link. Dossier does not write through links; choose another name."),
                            display);
      if (job->protected_file != NULL)
        return g_error_new (G_IO_ERROR, error->code,
                            _("“%s” is the case file itself and was not overwritten; choose another name."),
                            display);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
      g_file_query_exists (job->file, NULL))
    return g_error_new (G_IO_ERROR, error->code,
                        _("“%s” already exists and was not replaced; choose another name."),
                        display);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_error_new (G_IO_ERROR, error->code,
                        _("“%s” is a folder; choose a file name."), display);

  return g_error_new (error->domain, error->code,
                      _("The summary could not be written to “%s”: %s"),
                      display, error->message);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(DossierSafeWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  writer = dossier_safe_writer_new (job->file, job->protected_file,
                                    job->replace ? DOSSIER_SAFE_WRITER_REPLACE : DOSSIER_SAFE_WRITER_NONE,
                                    cancellable, &error);
  if (writer == NULL ||
      (job->interchange
       ? !dossier_interchange_to_stream (job->dcase, job->interchange_format, export_progress_cb, job,
                                         dossier_safe_writer_get_stream (writer), cancellable, &error)
       : !dossier_export_to_stream (job->dcase, &job->options, dossier_safe_writer_get_stream (writer),
                                    cancellable, &error)) ||
      !dossier_safe_writer_commit (writer, cancellable, &error))
    {
      /* Freeing the uncommitted writer removes its temporary file. */
      g_clear_pointer (&writer, dossier_safe_writer_free);
      g_task_return_error (task, describe_error (job, error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* The widgets */

static void
set_message (DossierExportDialog *self,
             const char          *icon_name,
             const char          *message)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_widget_set_visible (self->message_box, message != NULL);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  if (icon_name != NULL)
    {
      gboolean warning = g_str_equal (icon_name, "dialog-warning-symbolic");

      gtk_image_set_from_icon_name (self->message_icon, icon_name);
      if (warning)
        gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "error");
    }
}

/* TRUE when the selected format is one for other tools (STIX, CSL-JSON,
 * Timesketch): the whole case, no sections, notes or time zone. */
static gboolean
get_interchange_format (DossierExportDialog      *self,
                        DossierInterchangeFormat *out)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < FIRST_INTERCHANGE_ROW)
    return FALSE;

  *out = (DossierInterchangeFormat) (selected - FIRST_INTERCHANGE_ROW);
  return TRUE;
}

static DossierExportNotes
get_notes_mode (DossierExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->notes_row);

  if (!gtk_widget_get_visible (self->notes_group) || selected >= G_N_ELEMENTS (notes_modes))
    return DOSSIER_EXPORT_NOTES_NONE;

  return notes_modes[selected];
}

static const char *
get_selected_tag (DossierExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->tag_row);

  if (selected >= self->tags->len)
    return NULL;

  return g_ptr_array_index (self->tags, selected);
}

static void
update_widgets (DossierExportDialog *self)
{
  DossierExportNotes notes = get_notes_mode (self);
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->query_row))));
  DossierInterchangeFormat interchange;
  gboolean whole_case = get_interchange_format (self, &interchange);
  gboolean ready = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->zone_row), !whole_case);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_group), !whole_case && !self->exporting);
  gtk_widget_set_sensitive (self->notes_group, !whole_case && !self->exporting);

  gtk_widget_set_visible (GTK_WIDGET (self->paper_row),
                          dossier_export_dialog_get_format (self) == DOSSIER_EXPORT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_row), notes == DOSSIER_EXPORT_NOTES_TAG);
  gtk_widget_set_visible (GTK_WIDGET (self->query_row), notes == DOSSIER_EXPORT_NOTES_QUERY);

  if (!whole_case && notes == DOSSIER_EXPORT_NOTES_TAG && get_selected_tag (self) == NULL)
    ready = FALSE;
  if (!whole_case && notes == DOSSIER_EXPORT_NOTES_QUERY && query[0] == '\0')
    ready = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", ready && !self->exporting);
}

static void
set_exporting (DossierExportDialog *self,
               gboolean             exporting,
               GFile               *file)
{
  self->exporting = exporting;

  gtk_widget_set_visible (self->progress_box, exporting);
  gtk_widget_set_sensitive (self->document_group, !exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_group), !exporting);
  gtk_widget_set_sensitive (self->notes_group, !exporting);
  gtk_widget_set_tooltip_text (self->cancel_button, exporting ? _("Stop the export") : NULL);

  if (exporting)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *text = g_strdup_printf (_("Writing “%s”…"), display);

      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }

  update_widgets (self);
}

static void
add_section_rows (DossierExportDialog *self)
{
  gboolean present[DOSSIER_N_SECTIONS] = { FALSE };
  DossierCase *dcase = self->dcase;

  present[DOSSIER_SECTION_OVERVIEW] = dossier_case_get_summary (dcase) != NULL &&
                                      dossier_case_get_summary (dcase)->len > 0;
  present[DOSSIER_SECTION_ENTITIES] = g_list_model_get_n_items (dossier_case_get_entities (dcase)) > 0;
  present[DOSSIER_SECTION_BREACH] = dossier_case_get_breach (dcase) != NULL;
  present[DOSSIER_SECTION_THREAT] = dossier_case_get_threat_screen (dcase) != NULL;
  present[DOSSIER_SECTION_REACTIONS] = g_list_model_get_n_items (dossier_case_get_reactions (dcase)) > 0;
  present[DOSSIER_SECTION_RELEASE] = dossier_case_has_release_history (dcase);
  present[DOSSIER_SECTION_TIMELINE] = g_list_model_get_n_items (dossier_case_get_events (dcase)) > 0;
  present[DOSSIER_SECTION_SOURCES] = g_list_model_get_n_items (dossier_case_get_sources (dcase)) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (switchable_sections); i++)
    {
      DossierSection section = switchable_sections[i];
      GtkWidget *row;
      GtkWidget *toggle;

      if (!present[section])
        continue;

      row = adw_action_row_new ();
      toggle = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dossier_section_get_label (section));
      if (section == DOSSIER_SECTION_OVERVIEW)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The summary under the title"));
      else if (section == DOSSIER_SECTION_SOURCES)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Also list the sources nothing cites"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      gtk_widget_set_name (toggle, dossier_section_to_string (section));
      adw_preferences_group_add (self->sections_group, row);
      self->section_switches[i] = toggle;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_notes (DossierExportDialog *self)
{
  GListModel *notes = dossier_case_get_notes (self->dcase);
  guint n_notes = g_list_model_get_n_items (notes);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_set_visible (self->notes_group, n_notes > 0);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      const char * const *tags = dossier_note_get_tags (note);

      for (guint j = 0; tags[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) tags[j]))
          g_ptr_array_add (self->tags, g_strdup (tags[j]));
    }
  g_ptr_array_sort (self->tags, compare_strings);

  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *shown = dossier_sanitize_display_text (g_ptr_array_index (self->tags, i));

      gtk_string_list_append (self->tag_model, shown);
    }
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (self->tag_model));
  if (self->tags->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tag_row), _("No note in this case has a tag"));
}

static GFile *
get_case_file (DossierExportDialog *self)
{
  return dossier_case_get_file (self->dcase);
}

/* Callbacks */

static void
on_form_changed_cb (DossierExportDialog *self)
{
  update_widgets (self);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (source);
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (job->file);

  if (!g_task_propagate_boolean (task, &error))
    {
      /* Disposed meanwhile: the window is gone, nobody to tell. */
      if (self->message_label == NULL)
        return;

      set_exporting (self, FALSE, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_message (self, "dialog-information-symbolic", error->message);
      else
        set_message (self, "dialog-warning-symbolic", error->message);
      return;
    }

  if (self->message_label == NULL)
    return;

  set_exporting (self, FALSE, NULL);
  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (DossierExportDialog  *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  /* The chooser asked before accepting an existing name: that is the
   * user's agreement to replace it. */
  if (file != NULL)
    dossier_export_dialog_export_to_file (self, file, TRUE);
}

/* Actions */

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (widget);
  DossierExportFormat format = dossier_export_dialog_get_format (self);
  DossierInterchangeFormat interchange;
  gboolean whole_case = get_interchange_format (self, &interchange);
  g_autofree char *name = whole_case ? dossier_interchange_suggest_filename (self->dcase, interchange)
                                     : dossier_export_suggest_filename (self->dcase, format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", whole_case ? dossier_interchange_format_get_extension (interchange)
                                                                 : dossier_export_format_get_extension (format));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkStringList *formats = GTK_STRING_LIST (adw_combo_row_get_model (self->format_row));
  GFile *case_file = get_case_file (self);

  if (self->exporting || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, gtk_string_list_get_string (formats, adw_combo_row_get_selected (self->format_row)));
  gtk_file_filter_add_mime_type (filter, whole_case ? dossier_interchange_format_get_mime_type (interchange)
                                                    : dossier_export_format_get_mime_type (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (case_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (case_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (widget);

  if (self->exporting)
    dossier_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
dossier_export_dialog_dispose (GObject *object)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  /* The worker stops at its next step and removes its temporary file. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_EXPORT_DIALOG);
  memset (self->section_switches, 0, sizeof self->section_switches);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_finalize (GObject *object)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  g_clear_object (&self->dcase);
  g_clear_object (&self->tag_model);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->progress, progress_state_release);
  g_free (self->message);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->finalize (object);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;
  object_class->finalize = dossier_export_dialog_finalize;

  /**
   * DossierExportDialog::exported:
   * @file: the file written
   *
   * The summary was written; the dialog closes right after.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, message_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, document_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, query_row);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->tag_model = gtk_string_list_new (NULL);

  adw_combo_row_set_selected (self->paper_row,
                              dossier_paper_size_for_locale () == DOSSIER_PAPER_LETTER ? 1 : 0);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->notes_row, "notify::selected", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->tag_row, "notify::selected", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->query_row, "changed", G_CALLBACK (on_form_changed_cb), self);
}

/* Public API */

DossierExportDialog *
dossier_export_dialog_new (GtkWindow   *parent,
                           DossierCase *dcase)
{
  DossierExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->dcase = g_object_ref (dcase);
  add_section_rows (self);
  fill_notes (self);
  update_widgets (self);

  return self;
}

DossierCase *
dossier_export_dialog_get_case (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  return self->dcase;
}

DossierExportFormat
dossier_export_dialog_get_format (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), DOSSIER_EXPORT_MARKDOWN);

  /* The rows of format_row follow DossierExportFormat. */
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1: return DOSSIER_EXPORT_HTML;
    case 2: return DOSSIER_EXPORT_TEXT;
    case 3: return DOSSIER_EXPORT_PDF;
    default: return DOSSIER_EXPORT_MARKDOWN;
    }
}

void
dossier_export_dialog_set_format (DossierExportDialog *self,
                                  DossierExportFormat  format)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= DOSSIER_EXPORT_PDF);

  adw_combo_row_set_selected (self->format_row, (guint) format);
}

void
dossier_export_dialog_get_options (DossierExportDialog  *self,
                                   DossierExportOptions *options)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  dossier_export_options_init (options);
  options->format = dossier_export_dialog_get_format (self);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? DOSSIER_PAPER_LETTER : DOSSIER_PAPER_A4;
  options->local_time = adw_combo_row_get_selected (self->zone_row) == 1;

  /* Sections the case lacks stay in the set: they print nothing. */
  options->sections = DOSSIER_EXPORT_ALL_SECTIONS & ~(1u << DOSSIER_SECTION_NOTES);
  for (guint i = 0; i < G_N_ELEMENTS (switchable_sections); i++)
    if (self->section_switches[i] != NULL &&
        !gtk_switch_get_active (GTK_SWITCH (self->section_switches[i])))
      options->sections &= ~(1u << switchable_sections[i]);

  options->notes = get_notes_mode (self);
  options->notes_arg = NULL;
  if (options->notes == DOSSIER_EXPORT_NOTES_TAG)
    options->notes_arg = get_selected_tag (self);
  else if (options->notes == DOSSIER_EXPORT_NOTES_QUERY)
    options->notes_arg = gtk_editable_get_text (GTK_EDITABLE (self->query_row));
  if (options->notes != DOSSIER_EXPORT_NOTES_NONE)
    options->sections |= 1u << DOSSIER_SECTION_NOTES;
}

void
dossier_export_dialog_export_to_file (DossierExportDialog *self,
                                      GFile               *file,
                                      gboolean             replace)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  GFile *case_file;

  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->exporting)
    return;

  job = g_new0 (ExportJob, 1);
  job->dcase = g_object_ref (self->dcase);
  job->file = g_object_ref (file);
  case_file = get_case_file (self);
  job->protected_file = case_file != NULL ? g_object_ref (case_file) : NULL;
  dossier_export_dialog_get_options (self, &job->options);
  /* The worker keeps its own copy: the widgets may change meanwhile. */
  job->notes_arg = g_strdup (job->options.notes_arg);
  job->options.notes_arg = job->notes_arg;
  job->options.progress = export_progress_cb;
  job->options.progress_data = job;
  job->replace = replace;
  job->interchange = get_interchange_format (self, &job->interchange_format);
  job->context = g_main_context_ref_thread_default ();

  g_clear_pointer (&self->progress, progress_state_release);
  self->progress = progress_state_new (self);
  job->progress = g_atomic_rc_box_acquire (self->progress);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_message (self, NULL, NULL);
  set_exporting (self, TRUE, file);

  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, dossier_export_dialog_export_to_file);
  /* What the worker did wins over a late Cancel: a committed file was
   * written, whatever the cancellable says now. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dossier_export_dialog_is_exporting (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), FALSE);

  return self->exporting;
}

void
dossier_export_dialog_cancel (DossierExportDialog *self)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

const char *
dossier_export_dialog_get_message (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  return self->message;
}
