/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "dossier-loader-private.h"
#include "dossier-model-builder.h"

/* Progress reported by an async load at most this often (µs). */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 30)

static _Thread_local DossierLoadTimings last_timings;

typedef struct
{
  GFile                   *file;
  DossierLoadProgressFunc  progress;
  gpointer                 progress_data;
  GMainContext            *context;
  GCancellable            *cancellable;
  gint64                   last_progress;
} LoadTaskData;

typedef struct
{
  DossierLoadProgressFunc  progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
  double                   fraction;
} ProgressUpdate;

void
dossier_loader_get_last_timings (DossierLoadTimings *timings)
{
  g_return_if_fail (timings != NULL);

  *timings = last_timings;
}

static char *
default_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_parse_name (file);
}

/* The bytes to parse: @bytes, or what @file holds; NULL when refused. */
static GBytes *
get_bytes (GFile               *file,
           GBytes              *bytes,
           GCancellable        *cancellable,
           DossierLoadProblems *problems)
{
  if (bytes == NULL)
    return dossier_load_read_file (file, cancellable, problems);

  if (g_bytes_get_size (bytes) > dossier_loader_get_max_file_size ())
    {
      dossier_load_add_too_large (problems);
      return NULL;
    }

  return g_bytes_ref (bytes);
}

static void
start_checksum (ChecksumJob  *job,
                GThread     **thread,
                const char   *data,
                gsize         length)
{
  job->data = (const guchar *)data;
  job->length = length;
  /* A UTF-16 file is converted, and checked on the way. */
  job->check_utf8 = !(length >= 2 && (((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe)
                                      || ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff)));
  if (length < THREADED_CHECKSUM_MIN)
    return;

  job->prescan = job->check_utf8;
  if (job->prescan)
    {
      g_mutex_init (&job->mutex);
      g_cond_init (&job->cond);
      dossier_load_problems_init (&job->prescan_problems);
    }

  *thread = g_thread_try_new ("dossier-checksum", dossier_load_checksum_thread, job, NULL);
  if (*thread == NULL && job->prescan)
    dossier_load_finish_checksum (job, thread, NULL);
}

/* Sets up the buffers, the arena and the checker of one parse. */
static void
load_state_init (LoadState           *state,
                 DossierLoadProblems *problems)
{
  memset (state, 0, sizeof *state);
  state->problems = problems;
  state->arena = dossier_arena_new ();
  state->empty_strv = dossier_arena_alloc (state->arena, sizeof (char *));
  state->checker = dossier_checker_new (state->arena);
  state->frames_alloc = 32;
  state->frames = g_new (Frame, state->frames_alloc);
  state->text_alloc = 1024;
  state->text = g_malloc (state->text_alloc);
  state->attributes_alloc = 256;
  state->attributes = g_malloc (state->attributes_alloc);
  state->kids_alloc = 64;
  state->kids = g_new (DossierInline *, state->kids_alloc);
  for (guint i = 0; i < N_PENDING; i++)
    state->pending[i] = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Frees what the parse needed; the case keeps its arena. */
static void
load_state_clear (LoadState *state)
{
  dossier_load_flush_pending (state);
  if (state->ctxt != NULL)
    xmlFreeParserCtxt (state->ctxt);
  dossier_checker_free (state->checker);
  g_free (state->frames);
  g_free (state->text);
  g_free (state->attributes);
  g_free (state->kids);
  dossier_arena_unref (state->arena);
}

/* The empty case the parse fills, its objects in the state's arena. */
static DossierCase *
new_case (LoadState *state,
          GFile     *file,
          gsize      length)
{
  DossierCase *dcase = dossier_case_new_empty ();

  dcase->arena = dossier_arena_ref (state->arena);
  g_ptr_array_set_free_func (dcase->summary, NULL);
  g_ptr_array_set_free_func (dcase->citations, NULL);
  g_ptr_array_set_free_func (dcase->mentions, NULL);
  if (file != NULL)
    dcase->file = g_object_ref (file);
  dcase->size = length;
  return dcase;
}

/* Parses @text into the state's case; FALSE when the parser could not
 * start or loading was cancelled. */
static gboolean
parse (LoadState               *state,
       const char              *text,
       gsize                    length,
       GCancellable            *cancellable,
       DossierLoadProgressFunc  progress,
       gpointer                 progress_data)
{
  DossierLoadProblems *problems = state->problems;
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  xmlSAXHandler sax;
  gboolean completed;

  dossier_load_init_sax (&sax, TRUE);
  state->ctxt = dossier_load_new_parser (&sax, state);
  if (state->ctxt == NULL)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                                 _("the XML parser could not be started"));
      return FALSE;
    }

  /* Errors that libxml2 raises without a parser context (none are
   * expected with UTF-8 input) come here too, never to stderr. */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (state, dossier_load_on_structured_error);

  completed = dossier_load_run_parser (state, text, length, cancellable, progress, progress_data);

  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  dossier_load_flush_pending (state);

  if (!completed)
    return FALSE;

  if (!state->root_seen && problems->n_total == 0)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                               _("the file holds no XML element"));
  else if (!state->ctxt->wellFormed && !state->stopped && problems->n_total == 0)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                               _("the file is not well-formed XML"));
  return TRUE;
}

static void
add_image_warning (LoadState   *state,
                   DossierCase *dcase,
                   GFile       *base_dir)
{
  DossierThreatScreen *screen = dcase->threat_screen;
  g_autofree char *message = NULL;
  DossierProblem *warning;

  dossier_checker_check_image (screen, base_dir);
  if (screen->image_problem == NULL)
    return;

  message = g_strdup_printf (_("the threat screen image '%s' cannot be shown: %s"),
                             screen->image_src, screen->image_problem);
  warning = dossier_problem_new (state->image_line, state->image_column, message);
  warning->section = DOSSIER_SECTION_THREAT;
  g_ptr_array_add (dcase->warnings, warning);
}

static void
set_display_title (DossierCase *dcase)
{
  g_autofree char *plain = dossier_inline_to_plain (dcase->title);
  g_autofree char *clean = dossier_sanitize_display_text (plain);

  /* An empty title is left to the case's fallback (its id). */
  g_strstrip (clean);
  g_clear_pointer (&dcase->display_title, g_free);
  if (clean[0] != '\0')
    dcase->display_title = g_steal_pointer (&clean);
}

/* After the parse: references, then, for a case that opens, its
 * warnings, its image, its title and its checksum. */
static void
check_case (LoadState    *state,
            GFile        *base_dir,
            ChecksumJob  *job,
            GThread     **checksum)
{
  DossierLoadProblems *problems = state->problems;
  DossierCase *dcase = state->dcase;

  /* References are checked only in a whole, well-formed case file:
   * otherwise half of them would dangle for no fault of their own. */
  if (dossier_load_problems_have (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED)
      || dossier_load_problems_have (problems, DOSSIER_CASE_ERROR_NOT_A_CASE)
      || dossier_load_problems_have (problems, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT)
      || dossier_load_problems_have (problems, DOSSIER_CASE_ERROR_IO))
    return;

  dossier_checker_resolve (state->checker, problems);
  if (problems->n_total > 0)
    return;

  dossier_checker_add_warnings (state->checker, dcase);
  if (dcase->threat_screen != NULL)
    add_image_warning (state, dcase, base_dir);
  if (dcase->title != NULL)
    set_display_title (dcase);

  if (*checksum != NULL)
    g_thread_join (g_steal_pointer (checksum));
  else
    {
      job->check_utf8 = FALSE;
      dossier_load_checksum_thread (job);
    }
  dcase->sha256 = g_steal_pointer (&job->sha256);
}

static DossierCase *
cancelled (DossierLoadProblems  *problems,
           ChecksumJob          *job,
           GThread             **checksum,
           const char           *name,
           GError              **error)
{
  DossierProblem problem = { .code = DOSSIER_CASE_ERROR_CANCELLED,
                             .message = (char *)_("loading was cancelled") };
  g_autofree char *line = NULL;

  dossier_load_finish_checksum (job, checksum, problems);
  g_clear_pointer (&job->sha256, g_free);
  dossier_load_problems_clear (problems);
  line = dossier_problem_format (&problem, name, _("error"));
  g_set_error_literal (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_CANCELLED, line);
  return NULL;
}

static DossierCase *
refused (DossierLoadProblems  *problems,
         ChecksumJob          *job,
         GThread             **checksum,
         const char           *name,
         GCancellable         *cancellable,
         guint                *n_problems,
         GError              **error)
{
  dossier_load_finish_checksum (job, checksum, problems);
  g_clear_pointer (&job->sha256, g_free);
  if (problems->n_total == 0 && g_cancellable_is_cancelled (cancellable))
    return cancelled (problems, job, checksum, name, error);
  if (n_problems != NULL)
    *n_problems = problems->n_total;
  dossier_load_problems_to_error (problems, name, error);
  dossier_load_problems_clear (problems);
  return NULL;
}

DossierCase *
dossier_case_load_full (GFile                    *file,
                        GBytes                   *bytes,
                        const char               *display_name,
                        GFile                    *base_dir,
                        GCancellable             *cancellable,
                        DossierLoadProgressFunc   progress,
                        gpointer                  progress_data,
                        guint                    *n_problems,
                        GError                  **error)
{
  g_autoptr(GBytes) owned_bytes = NULL;
  g_autoptr(GFile) owned_base = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autofree char *name = NULL;
  g_autofree char *converted = NULL;
  DossierLoadProblems problems;
  LoadState state = { 0 };
  ChecksumJob job = { NULL, 0, NULL };
  GThread *checksum = NULL;
  const char *data;
  const char *text;
  gsize length;
  gsize text_length = 0;
  gint64 t0, t1, t2, t3;

  g_return_val_if_fail (file != NULL || bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dossier_load_ensure_libxml ();
  memset (&last_timings, 0, sizeof last_timings);
  t0 = g_get_monotonic_time ();

  if (n_problems != NULL)
    *n_problems = 0;

  name = display_name != NULL ? g_strdup (display_name)
         : file != NULL ? default_display_name (file)
         : g_strdup (_("(memory)"));

  if (base_dir == NULL && file != NULL)
    base_dir = owned_base = g_file_get_parent (file);

  dossier_load_problems_init (&problems);

  if (progress != NULL)
    progress (0.0, progress_data);

  owned_bytes = get_bytes (file, bytes, cancellable, &problems);
  if (owned_bytes == NULL)
    return refused (&problems, &job, &checksum, name, cancellable, n_problems, error);

  t1 = g_get_monotonic_time ();
  last_timings.read = t1 - t0;

  data = g_bytes_get_data (owned_bytes, &length);
  if (data == NULL)
    data = "";

  start_checksum (&job, &checksum, data, length);
  text = dossier_load_check_bytes (data, length, checksum != NULL, &converted, &text_length, &problems);
  if (text == NULL)
    return refused (&problems, &job, &checksum, name, cancellable, n_problems, error);

  t2 = g_get_monotonic_time ();
  last_timings.prescan = t2 - t1;

  if (g_cancellable_is_cancelled (cancellable))
    return cancelled (&problems, &job, &checksum, name, error);

  load_state_init (&state, &problems);
  state.prescan_job = job.prescan ? &job : NULL;
  dcase = state.dcase = new_case (&state, file, length);

  if (parse (&state, text, text_length, cancellable, progress, progress_data))
    {
      t3 = g_get_monotonic_time ();
      last_timings.parse = t3 - t2;
      if (!dossier_load_apply_prescan (&job, &problems))
        check_case (&state, base_dir, &job, &checksum);
      last_timings.check = g_get_monotonic_time () - t3;
    }

  dossier_load_finish_checksum (&job, &checksum, &problems);
  g_clear_pointer (&job.sha256, g_free);
  load_state_clear (&state);

  if (g_cancellable_is_cancelled (cancellable) && problems.n_total == 0)
    return cancelled (&problems, &job, &checksum, name, error);

  if (problems.n_total > 0)
    return refused (&problems, &job, &checksum, name, cancellable, n_problems, error);

  dossier_load_problems_clear (&problems);
  last_timings.total = g_get_monotonic_time () - t0;

  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&dcase);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

DossierCase *
dossier_case_load (GFile                    *file,
                   GCancellable             *cancellable,
                   DossierLoadProgressFunc   progress,
                   gpointer                  progress_data,
                   GError                  **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return dossier_case_load_full (file, NULL, NULL, NULL, cancellable,
                              progress, progress_data, NULL, error);
}

DossierCase *
dossier_case_load_with_name (GFile                    *file,
                             const char               *display_name,
                             GCancellable             *cancellable,
                             DossierLoadProgressFunc   progress,
                             gpointer                  progress_data,
                             GError                  **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return dossier_case_load_full (file, NULL, display_name, NULL, cancellable,
                              progress, progress_data, NULL, error);
}

DossierCase *
dossier_case_load_bytes (GBytes                   *bytes,
                         const char               *display_name,
                         GFile                    *base_dir,
                         GCancellable             *cancellable,
                         DossierLoadProgressFunc   progress,
                         gpointer                  progress_data,
                         GError                  **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (base_dir == NULL || G_IS_FILE (base_dir), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return dossier_case_load_full (NULL, bytes, display_name, base_dir, cancellable,
                              progress, progress_data, NULL, error);
}

GBytes *
dossier_case_read_file (GFile         *file,
                        const char    *display_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *name = NULL;
  DossierLoadProblems problems;
  ChecksumJob job = { NULL, 0, NULL };
  GThread *checksum = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name != NULL ? g_strdup (display_name) : default_display_name (file);
  dossier_load_problems_init (&problems);
  bytes = dossier_load_read_file (file, cancellable, &problems);
  if (bytes == NULL)
    {
      /* Says why, in the loader's words (or that it was cancelled). */
      refused (&problems, &job, &checksum, name, cancellable, NULL, error);
      return NULL;
    }

  dossier_load_problems_clear (&problems);
  return bytes;
}

static void
load_task_data_free (LoadTaskData *data)
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

/* Runs in the loading thread: passes at most ~30 updates a second to the
 * caller's main context, and always the last one. */
static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  LoadTaskData *data = user_data;
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
  g_source_set_static_name (source, "[dossier] load progress");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadTaskData *data = task_data;
  GError *error = NULL;
  DossierCase *dcase;

  dcase = dossier_case_load_full (data->file, NULL, NULL, NULL, cancellable,
                              data->progress != NULL ? thread_progress_cb : NULL, data,
                              NULL, &error);
  if (dcase == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dcase, g_object_unref);
}

void
dossier_case_load_async (GFile                    *file,
                         GCancellable             *cancellable,
                         DossierLoadProgressFunc   progress,
                         gpointer                  progress_data,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadTaskData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_case_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_task_data_free);
  /* The loader says "cancelled" in its own error domain. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

DossierCase *
dossier_case_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_case_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
