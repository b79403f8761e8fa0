/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-timeline-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-list-reveal.h"
#include "dossier-timeline-chart.h"
#include "dossier-view-rows.h"


typedef enum
{
  ENTRY_YEAR,         /* a heading row: the year of the rows below */
  ENTRY_EVENT,
  ENTRY_REACTION,
  ENTRY_RELEASE,
  ENTRY_ANNOUNCEMENT,
  ENTRY_BREACH,
  ENTRY_THREAT,
  ENTRY_SOURCE,
  ENTRY_NOTE,
} EntryKind;

/*
 * One row of the timeline. A private item type: the list view needs
 * GObjects, and the case has no single object for "the day the breach was
 * discovered".
 */
#define DOSSIER_TYPE_TIMELINE_ENTRY (dossier_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelineEntry, dossier_timeline_entry, DOSSIER, TIMELINE_ENTRY, GObject)

struct _DossierTimelineEntry
{
  GObject            parent_instance;

  EntryKind          kind;
  const DossierDate *date;       /* borrowed from the case; NULL for a year */
  guint              order;      /* keeps ties in the order of the file */
  DossierSection     section;
  char              *item_id;
  int                item_index;
  char              *date_text;
  char              *title;
  char              *subtitle;
};

G_DEFINE_FINAL_TYPE (DossierTimelineEntry, dossier_timeline_entry, G_TYPE_OBJECT)

static void
dossier_timeline_entry_finalize (GObject *object)
{
  DossierTimelineEntry *self = DOSSIER_TIMELINE_ENTRY (object);

  g_free (self->item_id);
  g_free (self->date_text);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (dossier_timeline_entry_parent_class)->finalize (object);
}

static void
dossier_timeline_entry_class_init (DossierTimelineEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_timeline_entry_finalize;
}

static void
dossier_timeline_entry_init (DossierTimelineEntry *self)
{
  self->item_index = -1;
}

struct _DossierTimelineView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkLabel          *count_label;
  GtkWidget         *notes_box;
  GtkSwitch         *notes_switch;
  GtkStack          *list_stack;
  GtkListView       *list_view;
  DossierTimelineChart *chart;
  GtkWidget         *chart_separator;

  DossierCase       *dcase;
  GListStore        *store;
  GtkNoSelection    *selection;
  DossierListReveal *list_reveal;

  /* Rebuilding in a thread: the jobs under way (owned by their tasks),
   * the number of the latest rebuild, what cancels the older ones. */
  GCancellable      *cancellable;
  guint              generation;
  gpointer           rows_job;
  /* The chart's items without and with the notes, kept for the case:
   * the switch shows the other at once. The one with the notes is made
   * in a thread as soon as the case comes, before anyone asks; the jobs
   * making them are owned by their tasks and cancelled only with the
   * case. */
  DossierChartModel *chart_models[2];
  gpointer           chart_jobs[2];
  gboolean           chart_notes;   /* which of the two the chart wants */
  GCancellable      *models_cancellable;
  guint              case_generation;
  /* What the view shows: the switch's state, or the state a click on it
   * will give once its animation is over. */
  gboolean           include_notes;
  /* Rows to start making after the next frame is painted. */
  gboolean           rows_deferred;
  gboolean           rows_deferred_notes;
  GdkFrameClock     *paint_clock;   /* while waiting for that frame */
  guint              paint_timeout_id;   /* or for this, if none comes */
  guint              n_dated;
  gboolean           dated_notes;
  /* Rows made and not yet in the store: appended a slice an idle. */
  GPtrArray         *fill_rows;
  guint              fill_next;
  guint              fill_replace;  /* old rows the first slice replaces */
  guint              fill_id;
};

static void dossier_timeline_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierTimelineView, dossier_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_timeline_view_iface_init))

static const char *
kind_label (EntryKind kind)
{
  switch (kind)
    {
    case ENTRY_EVENT:
      return _("Event");
    case ENTRY_REACTION:
      return _("Reaction");
    case ENTRY_RELEASE:
      return _("Release");
    case ENTRY_ANNOUNCEMENT:
      return _("Announcement");
    case ENTRY_BREACH:
      return _("Breach");
    case ENTRY_THREAT:
      return _("Threat");
    case ENTRY_SOURCE:
      return _("Source");
    case ENTRY_NOTE:
      return _("Note");
    case ENTRY_YEAR:
    default:
      return "";
    }
}

static const char *
kind_icon (EntryKind kind)
{
  switch (kind)
    {
    case ENTRY_EVENT:
      return "x-office-calendar-symbolic";
    case ENTRY_REACTION:
      return "system-users-symbolic";
    case ENTRY_RELEASE:
      return "video-x-generic-symbolic";
    case ENTRY_ANNOUNCEMENT:
      return "document-send-symbolic";
    case ENTRY_BREACH:
      return "channel-insecure-symbolic";
    case ENTRY_THREAT:
      return "dialog-warning-symbolic";
    case ENTRY_SOURCE:
      return "emblem-documents-symbolic";
    case ENTRY_NOTE:
      return "document-edit-symbolic";
    case ENTRY_YEAR:
    default:
      return NULL;
    }
}

static char *
entity_name (DossierCase *dcase,
             const char  *id)
{
  if (id == NULL)
    return NULL;

  return dossier_sanitize_display_text (dossier_case_get_entity_name (dcase, id));
}

/* Takes @title and @subtitle. */
static void
add_entry (GPtrArray         *entries,
           EntryKind          kind,
           const DossierDate *date,
           DossierSection     section,
           const char        *item_id,
           int                item_index,
           char              *title,
           char              *subtitle)
{
  DossierTimelineEntry *entry;

  if (date == NULL)
    {
      g_free (title);
      g_free (subtitle);
      return;
    }

  entry = g_object_new (DOSSIER_TYPE_TIMELINE_ENTRY, NULL);
  entry->kind = kind;
  entry->date = date;
  entry->order = entries->len;
  entry->section = section;
  entry->item_id = g_strdup (item_id);
  entry->item_index = item_index;
  entry->date_text = dossier_date_format (date);
  entry->title = title != NULL ? title : g_strdup ("");
  entry->subtitle = subtitle;

  g_ptr_array_add (entries, entry);
}

/* The timeline's own events, and the dates of the breach and the threat
 * screen. */
static void
collect_case_dates (DossierCase *dcase,
                    GPtrArray   *entries)
{
  GListModel *model;
  guint n_items;
  DossierBreach *breach;
  DossierThreatScreen *screen;

  model = dossier_case_get_events (dcase);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (model, i);

      add_entry (entries, ENTRY_EVENT, dossier_event_get_date (event),
                 DOSSIER_SECTION_TIMELINE, dossier_event_get_id (event), -1,
                 dossier_inline_to_display (dossier_event_get_title (event)), NULL);
    }

  breach = dossier_case_get_breach (dcase);
  if (breach != NULL)
    {
      const char *victim = dossier_breach_get_victim (breach);

      add_entry (entries, ENTRY_BREACH, dossier_breach_get_began (breach),
                 DOSSIER_SECTION_BREACH, NULL, -1,
                 g_strdup (_("The breach began")), entity_name (dcase, victim));
      add_entry (entries, ENTRY_BREACH, dossier_breach_get_discovered (breach),
                 DOSSIER_SECTION_BREACH, NULL, -1,
                 g_strdup (_("The breach was discovered")), entity_name (dcase, victim));
      add_entry (entries, ENTRY_BREACH, dossier_breach_get_disclosed (breach),
                 DOSSIER_SECTION_BREACH, NULL, -1,
                 g_strdup (_("The breach was disclosed")), entity_name (dcase, victim));
    }

  screen = dossier_case_get_threat_screen (dcase);
  if (screen != NULL)
    {
      add_entry (entries, ENTRY_THREAT, dossier_threat_screen_get_shown (screen),
                 DOSSIER_SECTION_THREAT, NULL, -1,
                 g_strdup (_("The threat screen appeared")),
                 dossier_inline_to_display (dossier_threat_screen_get_headline (screen)));
      add_entry (entries, ENTRY_THREAT, dossier_threat_screen_get_deadline (screen),
                 DOSSIER_SECTION_THREAT, NULL, -1,
                 g_strdup (_("The threat screen’s deadline")),
                 dossier_inline_to_display (dossier_threat_screen_get_demand (screen)));
    }
}

/* Reactions and release plans. */
static void
collect_responses (DossierCase *dcase,
                   GPtrArray   *entries)
{
  GListModel *model;
  guint n_items;

  model = dossier_case_get_reactions (dcase);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierReaction) reaction = g_list_model_get_item (model, i);
      const DossierInline *channel = dossier_reaction_get_channel (reaction);
      const char *stance = dossier_stance_get_label (dossier_reaction_get_stance (reaction));
      char *subtitle;

      if (channel != NULL)
        {
          g_autofree char *channel_text = dossier_inline_to_display (channel);
          /* Translators: a reaction's stance and channel: "Threatens · a letter to the U.N." */
          subtitle = g_strdup_printf (_("%s · %s"), stance, channel_text);
        }
      else
        {
          subtitle = g_strdup (stance);
        }

      add_entry (entries, ENTRY_REACTION, dossier_reaction_get_date (reaction),
                 DOSSIER_SECTION_REACTIONS, dossier_reaction_get_id (reaction), i,
                 entity_name (dcase, dossier_reaction_get_actor (reaction)), subtitle);
    }

  model = dossier_case_get_releases (dcase);
  n_items = g_list_model_get_n_items (model);
  if (n_items > 0)
    {
      const char *work_id = dossier_case_get_release_work (dcase);
      g_autofree char *work = work_id != NULL ? entity_name (dcase, work_id)
                                              : g_strdup (_("The release"));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DossierRelease) release = g_list_model_get_item (model, i);
          DossierReleaseStatus status_value = dossier_release_get_status (release);
          const char *status = dossier_release_status_get_label (status_value);
          const DossierDate *date = dossier_release_get_date (release);
          g_autofree char *market = dossier_inline_to_display (dossier_release_get_market (release));

          add_entry (entries, ENTRY_RELEASE, date, DOSSIER_SECTION_RELEASE, NULL, (int) i,
                     /* Translators: a work and what became of one release
                      * plan: "The Interview: Postponed" */
                     g_strdup_printf (_("%s: %s"), work, status),
                     g_steal_pointer (&market));

          if (dossier_release_get_announced (release) != NULL && date != NULL)
            {
              g_autofree char *date_text = dossier_date_format (date);

              add_entry (entries, ENTRY_ANNOUNCEMENT, dossier_release_get_announced (release),
                         DOSSIER_SECTION_RELEASE, NULL, (int) i,
                         /* Translators: %s is the planned date of a release */
                         g_strdup_printf (_("Release announced for %s"), date_text),
                         g_strdup (work));
            }
        }
    }
}

/* Sources by their publication date; notes by their creation date. */
static void
collect_documents (DossierCase *dcase,
                   GPtrArray   *entries,
                   gboolean     include_notes)
{
  GListModel *model;
  guint n_items;

  model = dossier_case_get_sources (dcase);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (model, i);
      const char *publisher = dossier_source_get_publisher (source);
      char *subtitle;

      if (publisher != NULL)
        {
          g_autofree char *name = dossier_sanitize_display_text (publisher);
          /* Translators: "Published by Reuters" */
          subtitle = g_strdup_printf (_("Published by %s"), name);
        }
      else
        {
          subtitle = g_strdup (dossier_source_kind_get_label (dossier_source_get_kind (source)));
        }

      add_entry (entries, ENTRY_SOURCE, dossier_source_get_published (source),
                 DOSSIER_SECTION_SOURCES, dossier_source_get_id (source), -1,
                 dossier_inline_to_display (dossier_source_get_title (source)), subtitle);
    }

  if (include_notes)
    {
      model = dossier_case_get_notes (dcase);
      n_items = g_list_model_get_n_items (model);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DossierNote) note = g_list_model_get_item (model, i);
          const char *author = dossier_note_get_author (note);
          char *subtitle = NULL;

          if (author != NULL)
            {
              g_autofree char *name = dossier_sanitize_display_text (author);
              /* Translators: "Note by Jane Roe" */
              subtitle = g_strdup_printf (_("Note by %s"), name);
            }

          add_entry (entries, ENTRY_NOTE, dossier_note_get_created (note),
                     DOSSIER_SECTION_NOTES, dossier_note_get_id (note), (int) i,
                     dossier_inline_to_display (dossier_note_get_title (note)), subtitle);
        }
    }
}


static void
collect_entries (DossierCase *dcase,
                 GPtrArray   *entries,
                 gboolean     include_notes)
{
  collect_case_dates (dcase, entries);
  collect_responses (dcase, entries);
  collect_documents (dcase, entries, include_notes);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DossierTimelineEntry *ea = *(DossierTimelineEntry * const *) a;
  const DossierTimelineEntry *eb = *(DossierTimelineEntry * const *) b;
  int cmp = dossier_date_compare (ea->date, eb->date);

  if (cmp != 0)
    return cmp;

  return (ea->order > eb->order) - (ea->order < eb->order);
}

static int
entry_year (DossierTimelineEntry *entry)
{
  g_autoptr(GDateTime) date_time =
    g_date_time_new_from_unix_utc (dossier_date_get_sort_key (entry->date));

  return date_time != NULL ? g_date_time_get_year (date_time) : 0;
}

static gboolean
has_dated_notes (DossierCase *dcase)
{
  GListModel *notes = dossier_case_get_notes (dcase);

  /* Every note has a creation date in a valid file; check the first. */
  if (g_list_model_get_n_items (notes) > 0)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, 0);

      return dossier_note_get_created (note) != NULL;
    }

  return FALSE;
}

/* Below this many items the rows are made at once; above it in a
 * thread, while the window keeps drawing (a case of 100,000 notes takes
 * a second or two to list). */
#define SYNC_BUILD_MAX 4000

/*
 * What a rebuild makes: the rows of the list (a new store, year headings
 * in place) or the chart's items. Made in a GTask thread from the case,
 * which is read-only; applied on the main thread, or at once when a
 * caller needs the rows (finish_builds()).
 */
typedef struct
{
  gboolean           chart;        /* the chart's items, else the list's rows */
  DossierCase       *dcase;
  gboolean           with_notes;
  guint              generation;   /* of the view's rebuilds, or of its cases for the chart */
  GPtrArray         *rows;
  guint              n_dated;
  DossierChartModel *model;
  GMutex             lock;
  GCond              cond;
  gboolean           done;
  gboolean           applied;
} BuildJob;

static void
build_job_free (BuildJob *job)
{
  g_clear_object (&job->dcase);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->model, dossier_chart_model_unref);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void
build_rows (BuildJob *job)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  int year = G_MININT;

  collect_entries (job->dcase, entries, job->with_notes);
  g_ptr_array_sort (entries, compare_entries);

  rows = g_ptr_array_new_full (entries->len + 16, g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      DossierTimelineEntry *entry = g_ptr_array_index (entries, i);
      int entry_y = entry_year (entry);

      if (entry_y != year)
        {
          DossierTimelineEntry *heading = g_object_new (DOSSIER_TYPE_TIMELINE_ENTRY, NULL);

          heading->kind = ENTRY_YEAR;
          heading->title = g_strdup_printf ("%d", entry_y);
          g_ptr_array_add (rows, heading);
          year = entry_y;
        }
      g_ptr_array_add (rows, g_object_ref (entry));
    }

  job->n_dated = entries->len;
  job->rows = g_steal_pointer (&rows);
}

static void
build_chart (BuildJob *job)
{
  guint sections = (1u << DOSSIER_N_SECTIONS) - 1;

  if (!job->with_notes)
    sections &= ~(1u << DOSSIER_SECTION_NOTES);
  job->model = dossier_chart_model_new (job->dcase, sections, NULL);
  /* Sorted here rather than at the first key press on the chart. */
  dossier_chart_model_get_date_order (job->model);
}

static void
build_job_run (BuildJob *job)
{
  if (job->chart)
    build_chart (job);
  else
    build_rows (job);

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

static void
build_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  build_job_run (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Rows appended a call: a few milliseconds of work for the list. */
#define FILL_SLICE 4000

/* Appends up to @max of the rows waiting; TRUE when none are left. */
static gboolean
fill_rows (DossierTimelineView *self,
           guint                max)
{
  guint n;

  if (self->fill_rows == NULL)
    return TRUE;
  n = MIN (max, self->fill_rows->len - self->fill_next);
  g_list_store_splice (self->store, self->fill_next, self->fill_replace,
                       self->fill_rows->pdata + self->fill_next, n);
  self->fill_replace = 0;
  self->fill_next += n;
  if (self->fill_next < self->fill_rows->len)
    return FALSE;

  g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
  self->fill_next = 0;
  return TRUE;
}

static gboolean
fill_rows_cb (gpointer user_data)
{
  DossierTimelineView *self = user_data;

  if (!fill_rows (self, FILL_SLICE))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* Keeps the model made; the chart shows it if it is the one it wants. */
static void
apply_chart_job (DossierTimelineView *self,
                 BuildJob            *job)
{
  guint notes = job->with_notes ? 1 : 0;

  if (job->applied || job->generation != self->case_generation)
    return;
  job->applied = TRUE;
  if (self->chart_jobs[notes] == job)
    self->chart_jobs[notes] = NULL;
  if (self->chart_models[notes] == NULL)
    self->chart_models[notes] = dossier_chart_model_ref (job->model);
  if (self->chart_notes == job->with_notes)
    dossier_timeline_chart_set_model (self->chart, self->chart_models[notes]);
}

static void
apply_job (DossierTimelineView *self,
           BuildJob            *job)
{
  g_assert (job->done);

  if (job->chart)
    {
      apply_chart_job (self, job);
      return;
    }

  if (job->applied || job->generation != self->generation)
    return;
  job->applied = TRUE;
  if (self->rows_job == job)
    self->rows_job = NULL;

  /* The old rows make way for the first slice of the new ones in one
   * change (the list rebinds the row widgets it has, rather than making
   * new ones); the rest go in a slice an idle, a few milliseconds each. */
  dossier_list_reveal_stop (self->list_reveal);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
  self->n_dated = job->n_dated;
  self->fill_rows = g_steal_pointer (&job->rows);
  self->fill_next = 0;
  self->fill_replace = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (!fill_rows (self, FILL_SLICE))
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_rows_cb, self, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->chart), job->n_dated > 0);
  gtk_widget_set_visible (self->chart_separator, job->n_dated > 0);
  {
    g_autofree char *count_text = NULL;

    count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dated item, oldest first",
                                               "%u dated items, oldest first", job->n_dated),
                                  job->n_dated);
    gtk_label_set_text (self->count_label, count_text);
  }
  gtk_stack_set_visible_child_name (self->list_stack, job->n_dated > 0 ? "list" : "none");
  gtk_stack_set_visible_child_name (self->stack,
                                    job->n_dated > 0 || self->dated_notes ? "content" : "empty");
}

static void
on_build_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BuildJob *job = g_task_get_task_data (G_TASK (result));

  /* The view may be gone (the task holds no reference on it). */
  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  apply_job (DOSSIER_TIMELINE_VIEW (source), job);
}

static void start_deferred_rows (DossierTimelineView *self);

/* Rows asked for (a test, a reveal, a row's target) while they are being
 * made: wait for them rather than answer from the old ones. */
static void
finish_builds (DossierTimelineView *self)
{
  BuildJob *jobs[2];

  start_deferred_rows (self);
  jobs[0] = self->rows_job;
  jobs[1] = self->chart_jobs[self->chart_notes ? 1 : 0];

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      BuildJob *job = jobs[i];

      if (job == NULL)
        continue;
      g_mutex_lock (&job->lock);
      while (!job->done)
        g_cond_wait (&job->cond, &job->lock);
      g_mutex_unlock (&job->lock);
      apply_job (self, job);
    }

  if (self->fill_id != 0)
    {
      fill_rows (self, G_MAXUINT);
      g_clear_handle_id (&self->fill_id, g_source_remove);
    }
}

static BuildJob *
start_build (DossierTimelineView *self,
             gboolean             chart,
             gboolean             with_notes,
             gboolean             in_thread)
{
  BuildJob *job = g_new0 (BuildJob, 1);

  job->chart = chart;
  job->dcase = g_object_ref (self->dcase);
  job->with_notes = with_notes;
  job->generation = chart ? self->case_generation : self->generation;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);

  if (in_thread)
    {
      g_autoptr(GTask) task = g_task_new (self, chart ? self->models_cancellable : self->cancellable,
                                          on_build_done_cb, NULL);

      g_task_set_source_tag (task, start_build);
      g_task_set_task_data (task, job, (GDestroyNotify) build_job_free);
      g_task_run_in_thread (task, build_thread_cb);
      return job;
    }

  build_job_run (job);
  apply_job (self, job);
  build_job_free (job);
  return NULL;
}

static void
start_deferred_rows (DossierTimelineView *self)
{
  if (!self->rows_deferred)
    return;
  self->rows_deferred = FALSE;
  self->rows_job = start_build (self, FALSE, self->rows_deferred_notes, TRUE);
}

static void
stop_waiting_for_paint (DossierTimelineView *self);

static void
on_after_paint_cb (GdkFrameClock       *clock,
                   DossierTimelineView *self)
{
  stop_waiting_for_paint (self);
  start_deferred_rows (self);
}

static gboolean
paint_timeout_cb (gpointer user_data)
{
  DossierTimelineView *self = user_data;

  self->paint_timeout_id = 0;
  stop_waiting_for_paint (self);
  start_deferred_rows (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (DossierTimelineView *self)
{
  g_clear_handle_id (&self->paint_timeout_id, g_source_remove);
  if (self->paint_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->paint_clock, on_after_paint_cb, self);
  g_clear_object (&self->paint_clock);
}

/* Rows of a hundred thousand notes take a core for a second or two:
 * when the view is on screen they are started once the next frame,
 * which shows the chart, is painted; until then the window has the
 * cores. */
static void
start_rows (DossierTimelineView *self,
            gboolean             with_notes,
            gboolean             in_thread)
{
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self))
                         ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL;

  self->rows_deferred = FALSE;
  if (!in_thread || clock == NULL)
    {
      self->rows_job = start_build (self, FALSE, with_notes, in_thread);
      return;
    }

  self->rows_deferred = TRUE;
  self->rows_deferred_notes = with_notes;
  if (self->paint_clock == NULL)
    {
      self->paint_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
      /* A window that paints no frame (minimized) still gets its rows. */
      self->paint_timeout_id = g_timeout_add (250, paint_timeout_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the chart's model with or without the notes: the one kept, or
 * else the one being made when it comes, or else one made now. The one
 * with the notes is then made ahead, if it would take a thread. */
static void
show_chart_model (DossierTimelineView *self,
                  gboolean             with_notes,
                  gboolean             in_thread,
                  guint                n_notes)
{
  guint notes = with_notes ? 1 : 0;

  self->chart_notes = with_notes;
  if (self->chart_models[notes] != NULL)
    dossier_timeline_chart_set_model (self->chart, self->chart_models[notes]);
  else if (self->chart_jobs[notes] == NULL || !in_thread)
    self->chart_jobs[notes] = start_build (self, TRUE, with_notes, in_thread);

  if (!with_notes && self->dated_notes && n_notes > SYNC_BUILD_MAX &&
      self->chart_models[1] == NULL && self->chart_jobs[1] == NULL)
    self->chart_jobs[1] = start_build (self, TRUE, TRUE, TRUE);
}

/* Forgets the chart's models of the old case. */
static void
drop_chart_models (DossierTimelineView *self)
{
  g_cancellable_cancel (self->models_cancellable);
  g_clear_object (&self->models_cancellable);
  self->models_cancellable = g_cancellable_new ();
  self->case_generation++;
  for (guint i = 0; i < G_N_ELEMENTS (self->chart_models); i++)
    {
      g_clear_pointer (&self->chart_models[i], dossier_chart_model_unref);
      self->chart_jobs[i] = NULL;
    }
}

static void
rebuild (DossierTimelineView *self)
{
  gboolean include_notes = self->include_notes;
  gboolean with_notes;
  gboolean in_thread;
  guint n_items;

  /* Whatever was being made for the old state is of no use now. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->rows_job = NULL;
  self->rows_deferred = FALSE;

  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
  self->fill_next = 0;

  if (self->dcase == NULL)
    {
      dossier_list_reveal_stop (self->list_reveal);
      g_list_store_remove_all (self->store);
      drop_chart_models (self);
      dossier_timeline_chart_set_model (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->dated_notes = has_dated_notes (self->dcase);
  with_notes = include_notes && self->dated_notes;
  gtk_widget_set_visible (self->notes_box, self->dated_notes);

  n_items = g_list_model_get_n_items (dossier_case_get_events (self->dcase)) +
            g_list_model_get_n_items (dossier_case_get_reactions (self->dcase)) +
            g_list_model_get_n_items (dossier_case_get_releases (self->dcase)) +
            g_list_model_get_n_items (dossier_case_get_sources (self->dcase)) +
            (with_notes ? g_list_model_get_n_items (dossier_case_get_notes (self->dcase)) : 0);
  in_thread = n_items > SYNC_BUILD_MAX;

  /* The chart first: its items kept from before, or made now; the
   * list's rows after the frame that shows it. Until each is ready the
   * old one stays. */
  show_chart_model (self, with_notes, in_thread,
                    g_list_model_get_n_items (dossier_case_get_notes (self->dcase)));
  start_rows (self, with_notes, in_thread);
}

static GtkWidget *
row_label_new (const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

/*
 * Every row has the same widgets: a year heading, or the kind icon with
 * the kind, the date, a precision mark, the title and a subtitle.
 */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DossierTimelineView      *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = row_label_new ("title-4");
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  gtk_widget_add_css_class (heading, "dossier-year");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (outer), heading);

  gtk_widget_add_css_class (row, "dossier-timeline-row");
  gtk_widget_add_css_class (icon, "dossier-kind-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), icon);

  /* kind, date, precision mark */
  label = row_label_new ("caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (date_box), label);
  label = row_label_new ("caption-heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (date_box), label);
  label = row_label_new ("dossier-pill");
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (date_box), label);
  gtk_box_append (GTK_BOX (text_box), date_box);

  /* title, subtitle */
  label = row_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text_box), label);
  label = row_label_new ("dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text_box), label);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (row), text_box);
  gtk_box_append (GTK_BOX (outer), row);

  gtk_list_item_set_child (item, outer);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierTimelineView      *self)
{
  DossierTimelineEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *outer = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (outer);
  GtkWidget *row = gtk_widget_get_next_sibling (heading);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *text_box = gtk_widget_get_next_sibling (icon);
  GtkWidget *date_box = gtk_widget_get_first_child (text_box);
  GtkWidget *kind_text = gtk_widget_get_first_child (date_box);
  GtkWidget *date_label = gtk_widget_get_next_sibling (kind_text);
  GtkWidget *mark = gtk_widget_get_next_sibling (date_label);
  GtkWidget *title = gtk_widget_get_next_sibling (date_box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean is_year = entry->kind == ENTRY_YEAR;

  gtk_list_item_set_activatable (item, !is_year);
  gtk_list_item_set_selectable (item, FALSE);

  gtk_widget_set_visible (heading, is_year);
  gtk_widget_set_visible (row, !is_year);

  if (is_year)
    {
      gtk_label_set_text (GTK_LABEL (heading), entry->title);
      return;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon (entry->kind));
  gtk_label_set_text (GTK_LABEL (kind_text), kind_label (entry->kind));
  gtk_label_set_text (GTK_LABEL (date_label), entry->date_text);

  if (dossier_date_is_uncertain (entry->date))
    {
      gtk_label_set_text (GTK_LABEL (mark), _("Uncertain"));
      gtk_widget_set_tooltip_text (mark, _("The case is not sure of this date"));
    }
  else if (dossier_date_is_approximate (entry->date))
    {
      gtk_label_set_text (GTK_LABEL (mark), _("Approximate"));
      gtk_widget_set_tooltip_text (mark, _("This date is an estimate"));
    }
  gtk_widget_set_visible (mark, dossier_date_is_uncertain (entry->date) ||
                                dossier_date_is_approximate (entry->date));

  gtk_label_set_text (GTK_LABEL (title), entry->title);
  gtk_label_set_text (GTK_LABEL (subtitle), entry->subtitle != NULL ? entry->subtitle : "");
  gtk_widget_set_visible (subtitle, entry->subtitle != NULL && entry->subtitle[0] != '\0');

  dossier_list_reveal_bind (self->list_reveal, row, entry);
  /* Borrowed: the list item holds the entry while it is bound. */
  g_object_set_data (G_OBJECT (outer), "dossier-timeline-entry", entry);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DossierTimelineView      *self)
{
  GtkWidget *outer = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (outer), "dossier-timeline-entry", NULL);
  dossier_list_reveal_unbind (self->list_reveal,
                              gtk_widget_get_next_sibling (gtk_widget_get_first_child (outer)));
}

static void
row_teardown_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DossierTimelineView      *self)
{
  GtkWidget *outer = gtk_list_item_get_child (item);

  if (outer != NULL && self->list_reveal != NULL)
    dossier_list_reveal_unbind (self->list_reveal,
                                gtk_widget_get_next_sibling (gtk_widget_get_first_child (outer)));
}

/* The parameter of "win.show-place": (section, item id or "", index or
 * -1), e.g. ("release", "", 1) or ("breach", "", -1) for the section. */
static GVariant *
entry_target (DossierTimelineEntry *entry)
{
  return g_variant_new ("(ssi)", dossier_section_to_string (entry->section),
                        entry->item_id != NULL ? entry->item_id : "",
                        entry->item_index);
}

static void
on_list_activate_cb (DossierTimelineView *self,
                     guint                position)
{
  g_autoptr(DossierTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                                 position);

  if (entry == NULL || entry->kind == ENTRY_YEAR)
    return;

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-place", entry_target (entry));
}

static guint
find_entry_by_date (DossierTimelineView *self,
                    const DossierDate   *date)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (entry->kind != ENTRY_YEAR && entry->date == date)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The chart flashes a date while the list flashes its row. */
static void
on_highlight_cb (gpointer item,
                 gpointer user_data)
{
  DossierTimelineView *self = user_data;
  DossierTimelineEntry *entry = item;

  dossier_timeline_chart_set_highlighted (self->chart, entry != NULL ? entry->date : NULL);
}

static void
reveal_position (DossierTimelineView *self,
                 guint                position)
{
  dossier_list_reveal_start (self->list_reveal, position);
}

/* A mark chosen on the chart: the list scrolls to its row. */
static void
on_chart_item_selected_cb (DossierTimelineView *self,
                           const DossierDate   *date)
{
  guint position = find_entry_by_date (self, date);

  if (position != GTK_INVALID_LIST_POSITION)
    reveal_position (self, position);
}

/* The keyboard focus moved in the window: when it is on a row of the
 * list (the list item's widget, whose child is the row), the chart
 * selects the row's item, as a click on the row's mark would. */
static void
on_focus_widget_cb (GtkWindow           *window,
                    GParamSpec          *pspec,
                    DossierTimelineView *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (self->list_view == NULL || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return;

  for (GtkWidget *widget = focus; widget != NULL && widget != GTK_WIDGET (self->list_view);
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      DossierTimelineEntry *entry = g_object_get_data (G_OBJECT (widget), "dossier-timeline-entry");

      if (entry == NULL && child != NULL)
        entry = g_object_get_data (G_OBJECT (child), "dossier-timeline-entry");
      if (entry != NULL)
        {
          if (entry->kind != ENTRY_YEAR)
            dossier_timeline_chart_select_date (self->chart, entry->date);
          return;
        }
    }
}

static void
dossier_timeline_view_root (GtkWidget *widget)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_timeline_view_parent_class)->root (widget);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                             G_CALLBACK (on_focus_widget_cb), self, 0);
}

static void
dossier_timeline_view_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_focus_widget_cb, widget);
  GTK_WIDGET_CLASS (dossier_timeline_view_parent_class)->unroot (widget);
}

static void
set_include_notes (DossierTimelineView *self,
                   gboolean             include_notes)
{
  if (self->include_notes == include_notes)
    return;
  self->include_notes = include_notes;
  rebuild (self);
}

static void
on_notes_switch_cb (DossierTimelineView *self)
{
  set_include_notes (self, gtk_switch_get_active (self->notes_switch));
}

/* The switch turns only when its animation (100 ms) is over; the view
 * need not wait for it. A click that turns it (the switch's own click
 * comes after this one, which sees it first) and a key that activates
 * it show the other state at once; the switch's "active" then agrees. */
static void
on_notes_switch_released_cb (GtkGestureClick     *gesture,
                             int                  n_press,
                             double               x,
                             double               y,
                             DossierTimelineView *self)
{
  if (gtk_widget_contains (GTK_WIDGET (self->notes_switch), x, y))
    set_include_notes (self, !gtk_switch_get_active (self->notes_switch));
}

static void
on_notes_switch_activate_cb (DossierTimelineView *self)
{
  gboolean animations = TRUE;

  /* Without animations the switch has turned already. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->notes_switch)),
                "gtk-enable-animations", &animations, NULL);
  if (animations)
    set_include_notes (self, !gtk_switch_get_active (self->notes_switch));
}

static void
dossier_timeline_view_template_built (DossierView *view)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (view);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->list_reveal = dossier_list_reveal_new (self->list_view);
  dossier_list_reveal_set_highlight_func (self->list_reveal, on_highlight_cb, self);
  self->store = g_list_store_new (DOSSIER_TYPE_TIMELINE_ENTRY);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
dossier_timeline_view_dispose (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->rows_job = NULL;
  self->rows_deferred = FALSE;
  stop_waiting_for_paint (self);
  g_cancellable_cancel (self->models_cancellable);
  g_clear_object (&self->models_cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (self->chart_models); i++)
    {
      g_clear_pointer (&self->chart_models[i], dossier_chart_model_unref);
      self->chart_jobs[i] = NULL;
    }
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->fill_rows, g_ptr_array_unref);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->list_reveal, dossier_list_reveal_free);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_TIMELINE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->dispose (object);
}

static void
dossier_timeline_view_class_init (DossierTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_view_dispose;
  widget_class->root = dossier_timeline_view_root;
  widget_class->unroot = dossier_timeline_view_unroot;
  g_type_ensure (DOSSIER_TYPE_TIMELINE_CHART);

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, notes_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_switch_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_switch_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineView, chart_separator);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_item_selected_cb);

  gtk_widget_class_set_css_name (widget_class, "dossier-timeline-view");
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  self->models_cancellable = g_cancellable_new ();
}

GtkWidget *
dossier_timeline_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, NULL);
}

static void
dossier_timeline_view_set_case (DossierView *view,
                                DossierCase *dcase)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (view);

  dossier_view_ensure_built (view);
  if (self->dcase == dcase)
    return;

  /* The rows borrow dates from the old case: drop them before it goes. */
  dossier_list_reveal_stop (self->list_reveal);
  g_list_store_remove_all (self->store);
  g_set_object (&self->dcase, dcase);
  drop_chart_models (self);
  rebuild (self);
}

static guint
find_entry (DossierTimelineView *self,
            const char          *item_id,
            int                  item_index)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint found = GTK_INVALID_LIST_POSITION;

  if (item_id == NULL)
    {
      /* Without an id, @item_index counts the timeline's events in file
       * order. */
      GListModel *events = dossier_case_get_events (self->dcase);
      g_autoptr(DossierEvent) event = NULL;

      if (item_index < 0 || (guint) item_index >= g_list_model_get_n_items (events))
        return GTK_INVALID_LIST_POSITION;
      event = g_list_model_get_item (events, item_index);
      item_id = dossier_event_get_id (event);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (entry->kind == ENTRY_YEAR || g_strcmp0 (entry->item_id, item_id) != 0)
        continue;
      /* The timeline's own events first; a reaction or a source is found
       * by its id too. */
      if (entry->section == DOSSIER_SECTION_TIMELINE)
        return i;
      if (found == GTK_INVALID_LIST_POSITION)
        found = i;
    }

  return found;
}

static gboolean
dossier_timeline_view_reveal (DossierView        *view,
                              const DossierPlace *place)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (view);
  const char *item_id = place->item_id;
  int item_index = place->item_index;
  guint position;

  dossier_view_ensure_built (view);
  if (self->dcase == NULL)
    return FALSE;

  finish_builds (self);
  position = find_entry (self, item_id, item_index);

  /* A note's date is here only with the notes included. */
  if (position == GTK_INVALID_LIST_POSITION && item_id != NULL &&
      !gtk_switch_get_active (self->notes_switch) &&
      DOSSIER_IS_NOTE (dossier_case_lookup (self->dcase, item_id)))
    {
      gtk_switch_set_active (self->notes_switch, TRUE);
      finish_builds (self);
      position = find_entry (self, item_id, item_index);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  {
    g_autoptr(DossierTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                                   position);

    dossier_timeline_chart_select_date (self->chart, entry->date);
  }
  reveal_position (self, position);

  return TRUE;
}

static void
dossier_timeline_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "timeline";
  iface->title = N_("Timeline");
  iface->icon_name = "x-office-calendar-symbolic";
  iface->empty_icon_name = "document-open-recent-symbolic";
  iface->template_built = dossier_timeline_view_template_built;
  iface->set_case = dossier_timeline_view_set_case;
  iface->reveal = dossier_timeline_view_reveal;
}

void
dossier_timeline_view_set_include_notes (DossierTimelineView *self,
                                         gboolean             include_notes)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  gtk_switch_set_active (self->notes_switch, include_notes);
}

gboolean
dossier_timeline_view_get_include_notes (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  return gtk_switch_get_active (self->notes_switch);
}

guint
dossier_timeline_view_get_n_rows (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  finish_builds (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

gboolean
dossier_timeline_view_get_row (DossierTimelineView  *self,
                               guint                 position,
                               const DossierDate   **date,
                               const char          **date_text,
                               const char          **kind,
                               const char          **title)
{
  g_autoptr(DossierTimelineEntry) entry = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  finish_builds (self);
  entry = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  if (entry == NULL)
    return FALSE;

  /* The store keeps the entry, so the strings outlive this reference. */
  if (date != NULL)
    *date = entry->date;
  if (date_text != NULL)
    *date_text = entry->date_text;
  if (kind != NULL)
    *kind = entry->kind == ENTRY_YEAR ? NULL : kind_label (entry->kind);
  if (title != NULL)
    *title = entry->title;

  return TRUE;
}

GVariant *
dossier_timeline_view_get_row_target (DossierTimelineView *self,
                                      guint                position)
{
  g_autoptr(DossierTimelineEntry) entry = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  finish_builds (self);
  entry = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  if (entry == NULL || entry->kind == ENTRY_YEAR)
    return NULL;

  return g_variant_ref_sink (entry_target (entry));
}
