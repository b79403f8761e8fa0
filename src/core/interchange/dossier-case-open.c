/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-case-open.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-model-builder.h"
#include "dossier-problem.h"
#include "dossier-stix-import.h"
#include "dossier-text-safety.h"

/* One door for every file the reader opens: the bytes are read once
 * under the loader's rules, and their first byte says whether they are a
 * STIX bundle (JSON) or a case file. A bundle is read as a case file by
 * the importer and checked by the loader like any other. */

#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 30)

typedef struct
{
  DossierLoadProgressFunc  progress;
  gpointer                 progress_data;
  double                   from;
} ScaledProgress;

typedef struct
{
  GFile                   *file;
  DossierLoadProgressFunc  progress;
  gpointer                 progress_data;
  GMainContext            *context;
  GCancellable            *cancellable;
  gint64                   last_progress;
} OpenTaskData;

typedef struct
{
  DossierLoadProgressFunc  progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
  double                   fraction;
} ProgressUpdate;

/* The loader's progress of the case file made from a bundle, as the
 * second half of opening it (reading the JSON is the first). */
static void
scaled_progress_cb (double   fraction,
                    gpointer user_data)
{
  ScaledProgress *scaled = user_data;

  scaled->progress (scaled->from + (1.0 - scaled->from) * fraction, scaled->progress_data);
}

/* The reports of a bundle that the case does not show, named in one
 * warning on the overview. */
static void
warn_other_reports (DossierCase        *dcase,
                    const char * const *names)
{
  guint n = names != NULL ? g_strv_length ((char **)names) : 0;
  g_autoptr(GString) list = NULL;
  DossierProblem *problem;

  if (n == 0)
    return;

  list = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, i == 0 ? "“%s”" : ", “%s”", names[i]);
  problem = dossier_problem_new_take (DOSSIER_CASE_ERROR_INVALID, 0, 0,
                                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "the bundle holds %u more report, not shown: %s",
                                                                    "the bundle holds %u more reports, not shown: %s",
                                                                    n),
                                                       n, list->str));
  problem->section = DOSSIER_SECTION_OVERVIEW;
  g_ptr_array_add (dossier_case_get_warnings (dcase), problem);
}

static DossierCase *
open_bundle (GFile                    *file,
             GBytes                   *json,
             const char               *name,
             GCancellable             *cancellable,
             DossierLoadProgressFunc   progress,
             gpointer                  progress_data,
             guint                    *n_problems,
             GError                  **error)
{
  g_autoptr(GError) import_error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_auto(GStrv) other_reports = NULL;
  ScaledProgress scaled = { progress, progress_data, 0.5 };
  DossierCase *dcase;

  xml = dossier_stix_import_to_case_xml_full (json, name, &other_reports, &import_error);
  if (xml == NULL)
    {
      /* In the loader's domain, so that the window and the command line
       * say it as they say a broken case file. */
      if (n_problems != NULL)
        *n_problems = 1;
      g_set_error_literal (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_INVALID_BUNDLE, import_error->message);
      return NULL;
    }
  if (progress != NULL)
    progress (scaled.from, progress_data);

  dcase = dossier_case_load_full (file, xml, name, NULL, cancellable,
                                  progress != NULL ? scaled_progress_cb : NULL, &scaled,
                                  n_problems, error);
  if (dcase != NULL)
    {
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, json);

      /* The footer of an export names the file the reader opened. */
      dossier_case_set_file_digest (dcase, sha256, g_bytes_get_size (json));
      warn_other_reports (dcase, (const char * const *)other_reports);
    }
  return dcase;
}

static void
open_task_data_free (OpenTaskData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
progress_update_free (ProgressUpdate *update)
{
  g_clear_object (&update->cancellable);
  g_free (update);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (!g_cancellable_is_cancelled (update->cancellable))
    update->progress (update->fraction, update->progress_data);

  return G_SOURCE_REMOVE;
}

/* Runs in the opening thread: passes at most ~30 updates a second to the
 * caller's main context, and always the first and the last. */
static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  OpenTaskData *data = user_data;
  ProgressUpdate *update;
  GSource *source;
  gint64 now = g_get_monotonic_time ();

  if (fraction > 0.0 && fraction < 1.0 && now - data->last_progress < PROGRESS_INTERVAL)
    return;
  data->last_progress = now;

  update = g_new0 (ProgressUpdate, 1);
  update->progress = data->progress;
  update->progress_data = data->progress_data;
  update->cancellable = data->cancellable != NULL ? g_object_ref (data->cancellable) : NULL;
  update->fraction = fraction;

  /* Not g_main_context_invoke(): while no thread runs the caller's
   * context (before its loop starts), that calls back in this thread. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, update, (GDestroyNotify)progress_update_free);
  g_source_set_static_name (source, "[dossier] open progress");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenTaskData *data = task_data;
  GError *error = NULL;
  DossierCase *dcase;

  dcase = dossier_case_open_file (data->file, NULL, cancellable,
                                  data->progress != NULL ? thread_progress_cb : NULL, data,
                                  NULL, &error);
  if (dcase == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dcase, g_object_unref);
}

DossierCaseFileKind
dossier_case_file_sniff (const char *data,
                         gsize       size)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || size == 0, DOSSIER_CASE_FILE_XML);

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;

  return i < size && data[i] == '{' ? DOSSIER_CASE_FILE_STIX : DOSSIER_CASE_FILE_XML;
}

DossierCase *
dossier_case_open_file (GFile                    *file,
                        const char               *display_name,
                        GCancellable             *cancellable,
                        DossierLoadProgressFunc   progress,
                        gpointer                  progress_data,
                        guint                    *n_problems,
                        GError                  **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_problems != NULL)
    *n_problems = 0;
  if (display_name != NULL)
    name = g_strdup (display_name);
  else if (g_file_peek_path (file) != NULL)
    name = g_strdup (g_file_peek_path (file));
  else
    name = g_file_get_parse_name (file);

  if (progress != NULL)
    progress (0.0, progress_data);

  bytes = dossier_case_read_file (file, name, cancellable, error);
  if (bytes == NULL)
    {
      if (n_problems != NULL)
        *n_problems = 1;
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (dossier_case_file_sniff (data, size) == DOSSIER_CASE_FILE_STIX)
    return open_bundle (file, bytes, name, cancellable, progress, progress_data, n_problems, error);

  return dossier_case_load_full (file, bytes, name, NULL, cancellable, progress, progress_data,
                                 n_problems, error);
}

void
dossier_case_open_file_async (GFile                    *file,
                              GCancellable             *cancellable,
                              DossierLoadProgressFunc   progress,
                              gpointer                  progress_data,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenTaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenTaskData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_case_open_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)open_task_data_free);
  /* Cancelled is said in the loader's own error domain. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

DossierCase *
dossier_case_open_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_case_open_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
