/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-model.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* Which date of its object an item is. */
typedef enum
{
  WHAT_EVENT,
  WHAT_BREACH_BEGAN,
  WHAT_BREACH_DISCOVERED,
  WHAT_BREACH_DISCLOSED,
  WHAT_THREAT_SHOWN,
  WHAT_THREAT_DEADLINE,
  WHAT_REACTION,
  WHAT_RELEASE,
  WHAT_ANNOUNCEMENT,
  WHAT_SOURCE,
  WHAT_NOTE,
} What;

struct _DossierChartModel
{
  gatomicrefcount  ref_count;
  DossierCase     *dcase;
  GArray          *items;                 /* of DossierChartItem, file order */
  guint           *date_order;            /* ranks -> positions, made when asked */
  guint           *date_rank;             /* positions -> ranks */
  GArray          *lane_items[DOSSIER_CHART_N_LANES];   /* of guint, by @at */
  GArray          *lane_bars[DOSSIER_CHART_N_LANES];    /* of guint, by @start */
  /* The same, with the times the layout reads a frame: side by side in
   * memory, where the items are scattered over megabytes. */
  gint64          *lane_times[DOSSIER_CHART_N_LANES];   /* @at of lane_items */
  DossierChartSpan *lane_spans[DOSSIER_CHART_N_LANES];  /* of lane_bars */
  GHashTable      *by_date;               /* built on first use */
  guint            lanes;
  gboolean         open_ends;
  gint64           extent_start;          /* of every item, made with them */
  gint64           extent_end;
};

const char *
dossier_chart_lane_get_label (DossierChartLane lane)
{
  switch (lane)
    {
    case DOSSIER_CHART_LANE_BREACH:
      return dossier_section_get_label (DOSSIER_SECTION_BREACH);
    case DOSSIER_CHART_LANE_THREAT:
      return dossier_section_get_label (DOSSIER_SECTION_THREAT);
    case DOSSIER_CHART_LANE_REACTIONS:
      return dossier_section_get_label (DOSSIER_SECTION_REACTIONS);
    case DOSSIER_CHART_LANE_RELEASE:
      return dossier_section_get_label (DOSSIER_SECTION_RELEASE);
    case DOSSIER_CHART_LANE_EVENTS:
      /* Translators: the chart's lane of the timeline's own events. */
      return C_("chart lane", "Events");
    case DOSSIER_CHART_LANE_SOURCES:
      return dossier_section_get_label (DOSSIER_SECTION_SOURCES);
    case DOSSIER_CHART_LANE_NOTES:
      return dossier_section_get_label (DOSSIER_SECTION_NOTES);
    case DOSSIER_CHART_N_LANES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_item (DossierChartModel *self,
          DossierChartLane   lane,
          What               what,
          GObject           *object,
          const DossierDate *date,
          DossierCertainty   certainty,
          DossierSection     section,
          const char        *item_id,
          int                item_index)
{
  DossierChartItem item = { 0 };

  if (date == NULL)
    return;

  item.lane = lane;
  item.certainty = certainty;
  dossier_chart_mark_from_date (date, &item.mark);
  item.date = date;
  item.section = section;
  item.item_id = item_id;
  item.item_index = item_index;
  item.object = object;
  item.what = what;
  item.order = self->items->len;
  item.precision = dossier_date_get_precision (date);
  if (item.mark.flags & (DOSSIER_CHART_MARK_OPEN_START | DOSSIER_CHART_MARK_OPEN_END))
    self->open_ends = TRUE;
  g_array_append_val (self->items, item);
}

static gboolean
wants (guint          sections,
       DossierSection section)
{
  return (sections & (1u << section)) != 0;
}

static void
collect_lists (DossierChartModel *self,
               guint              sections,
               GHashTable        *note_ids)
{
  GListModel *model;
  guint n;

  if (wants (sections, DOSSIER_SECTION_REACTIONS))
    {
      model = dossier_case_get_reactions (self->dcase);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierReaction) r = g_list_model_get_item (model, i);

          add_item (self, DOSSIER_CHART_LANE_REACTIONS, WHAT_REACTION, G_OBJECT (r),
                    dossier_reaction_get_date (r), dossier_reaction_get_certainty (r),
                    DOSSIER_SECTION_REACTIONS, dossier_reaction_get_id (r), (int) i);
        }
    }

  if (wants (sections, DOSSIER_SECTION_RELEASE))
    {
      model = dossier_case_get_releases (self->dcase);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierRelease) r = g_list_model_get_item (model, i);

          add_item (self, DOSSIER_CHART_LANE_RELEASE, WHAT_RELEASE, G_OBJECT (r),
                    dossier_release_get_date (r), dossier_release_get_certainty (r),
                    DOSSIER_SECTION_RELEASE, NULL, (int) i);
          /* As in the list: an announcement of a plan that has a date. */
          if (dossier_release_get_date (r) != NULL)
            add_item (self, DOSSIER_CHART_LANE_RELEASE, WHAT_ANNOUNCEMENT, G_OBJECT (r),
                      dossier_release_get_announced (r), dossier_release_get_certainty (r),
                      DOSSIER_SECTION_RELEASE, NULL, (int) i);
        }
    }

  if (wants (sections, DOSSIER_SECTION_SOURCES))
    {
      model = dossier_case_get_sources (self->dcase);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierSource) s = g_list_model_get_item (model, i);

          add_item (self, DOSSIER_CHART_LANE_SOURCES, WHAT_SOURCE, G_OBJECT (s),
                    dossier_source_get_published (s), DOSSIER_CERTAINTY_NONE,
                    DOSSIER_SECTION_SOURCES, dossier_source_get_id (s), -1);
        }
    }

  if (wants (sections, DOSSIER_SECTION_NOTES))
    {
      model = dossier_case_get_notes (self->dcase);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierNote) note = g_list_model_get_item (model, i);

          if (note_ids != NULL && !g_hash_table_contains (note_ids, dossier_note_get_id (note)))
            continue;
          add_item (self, DOSSIER_CHART_LANE_NOTES, WHAT_NOTE, G_OBJECT (note),
                    dossier_note_get_created (note), DOSSIER_CERTAINTY_NONE,
                    DOSSIER_SECTION_NOTES, dossier_note_get_id (note), (int) i);
        }
    }
}

/* The same order as the timeline list: the file's order of kinds, so
 * that ties sort alike. */
static void
collect (DossierChartModel *self,
         guint              sections,
         GHashTable        *note_ids)
{
  DossierBreach *breach = dossier_case_get_breach (self->dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (self->dcase);
  GListModel *model;
  guint n;

  if (wants (sections, DOSSIER_SECTION_TIMELINE))
    {
      model = dossier_case_get_events (self->dcase);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierEvent) event = g_list_model_get_item (model, i);

          add_item (self, DOSSIER_CHART_LANE_EVENTS, WHAT_EVENT, G_OBJECT (event),
                    dossier_event_get_date (event), dossier_event_get_certainty (event),
                    DOSSIER_SECTION_TIMELINE, dossier_event_get_id (event), -1);
        }
    }

  if (breach != NULL && wants (sections, DOSSIER_SECTION_BREACH))
    {
      add_item (self, DOSSIER_CHART_LANE_BREACH, WHAT_BREACH_BEGAN, G_OBJECT (breach),
                dossier_breach_get_began (breach), DOSSIER_CERTAINTY_NONE,
                DOSSIER_SECTION_BREACH, NULL, -1);
      add_item (self, DOSSIER_CHART_LANE_BREACH, WHAT_BREACH_DISCOVERED, G_OBJECT (breach),
                dossier_breach_get_discovered (breach), DOSSIER_CERTAINTY_NONE,
                DOSSIER_SECTION_BREACH, NULL, -1);
      add_item (self, DOSSIER_CHART_LANE_BREACH, WHAT_BREACH_DISCLOSED, G_OBJECT (breach),
                dossier_breach_get_disclosed (breach), DOSSIER_CERTAINTY_NONE,
                DOSSIER_SECTION_BREACH, NULL, -1);
    }

  if (screen != NULL && wants (sections, DOSSIER_SECTION_THREAT))
    {
      add_item (self, DOSSIER_CHART_LANE_THREAT, WHAT_THREAT_SHOWN, G_OBJECT (screen),
                dossier_threat_screen_get_shown (screen), DOSSIER_CERTAINTY_NONE,
                DOSSIER_SECTION_THREAT, NULL, -1);
      add_item (self, DOSSIER_CHART_LANE_THREAT, WHAT_THREAT_DEADLINE, G_OBJECT (screen),
                dossier_threat_screen_get_deadline (screen), DOSSIER_CERTAINTY_NONE,
                DOSSIER_SECTION_THREAT, NULL, -1);
    }

  collect_lists (self, sections, note_ids);
}

/* Sorting compares keys copied into a small array, not the dates: a
 * hundred thousand dates scattered in memory make a slow sort. */
typedef struct
{
  gint64 key;
  guint  rank;      /* precision, then the order of the file */
  guint  index;
} SortKey;

static int
compare_keys (const void *a,
              const void *b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return (ka->rank > kb->rank) - (ka->rank < kb->rank);
}

/* Sorts @keys by @key, keeping the order they are in for equal keys
 * (which is what their @rank says when they were filled in order). A
 * lane of a hundred thousand notes is sorted by radix, eight bits a
 * pass over the span of the keys: a few passes instead of a million
 * comparisons. */
static void
sort_keys_stable (SortKey *keys,
                  guint    n)
{
  g_autofree SortKey *tmp = NULL;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  guint64 span;
  SortKey *from = keys, *to;

  if (n < 2048)
    {
      qsort (keys, n, sizeof (SortKey), compare_keys);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, keys[i].key);
      hi = MAX (hi, keys[i].key);
    }
  span = (guint64) hi - (guint64) lo;

  tmp = g_new (SortKey, n);
  to = tmp;
  for (guint shift = 0; shift < 64 && (span >> shift) != 0; shift += 8)
    {
      guint counts[257] = { 0 };
      SortKey *swap;

      for (guint i = 0; i < n; i++)
        counts[(((guint64) from[i].key - (guint64) lo) >> shift & 0xff) + 1]++;
      for (guint d = 1; d < 257; d++)
        counts[d] += counts[d - 1];
      for (guint i = 0; i < n; i++)
        to[counts[((guint64) from[i].key - (guint64) lo) >> shift & 0xff]++] = from[i];
      swap = from, from = to, to = swap;
    }
  if (from != keys)
    memcpy (keys, from, n * sizeof (SortKey));
}

/* Date order as dossier_date_compare() has it (start of the span, then
 * coarse before fine), ties in the order of collection. Only keyboard
 * navigation needs it: made on first use, not for the first frame. */
static void
sort_by_date (DossierChartModel *self)
{
  guint n = self->items->len;
  g_autofree SortKey *keys = g_new (SortKey, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const DossierChartItem *item = &g_array_index (self->items, DossierChartItem, i);

      keys[i].key = item->mark.start;
      keys[i].rank = item->precision << 24 | item->order;
      keys[i].index = i;
    }
  qsort (keys, n, sizeof (SortKey), compare_keys);

  self->date_order = g_new (guint, MAX (n, 1));
  self->date_rank = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      self->date_order[k] = keys[k].index;
      self->date_rank[keys[k].index] = k;
    }
}

/* Each lane's items by the time of their mark. */
static void
sort_lanes (DossierChartModel *self)
{
  guint n = self->items->len;
  g_autofree SortKey *keys = g_new (SortKey, MAX (n, 1));
  guint counts[DOSSIER_CHART_N_LANES] = { 0 };
  guint fill[DOSSIER_CHART_N_LANES] = { 0 };
  guint starts[DOSSIER_CHART_N_LANES];
  guint next = 0;

  for (guint i = 0; i < n; i++)
    counts[dossier_chart_model_get_item (self, i)->lane]++;
  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      starts[lane] = next;
      next += counts[lane];
    }

  for (guint i = 0; i < n; i++)
    {
      const DossierChartItem *item = dossier_chart_model_get_item (self, i);
      SortKey *key = &keys[starts[item->lane] + fill[item->lane]++];

      key->key = item->mark.at;
      key->rank = i;
      key->index = i;
    }

  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      self->lane_items[lane] = g_array_sized_new (FALSE, FALSE, sizeof (guint), counts[lane]);
      sort_keys_stable (keys + starts[lane], counts[lane]);
      self->lane_times[lane] = g_new (gint64, MAX (counts[lane], 1));
      for (guint k = 0; k < counts[lane]; k++)
        {
          g_array_append_val (self->lane_items[lane], keys[starts[lane] + k].index);
          self->lane_times[lane][k] = keys[starts[lane] + k].key;
        }
      if (counts[lane] > 0)
        self->lanes |= 1u << lane;
    }

  /* The bars again, by their start, for packing them into rows; filled
   * in the order of positions, so that equal starts keep it. */
  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      guint n_bars = 0;

      for (guint i = 0; i < n; i++)
        {
          const DossierChartItem *item = dossier_chart_model_get_item (self, i);

          if (item->lane != lane || item->mark.shape != DOSSIER_CHART_SHAPE_BAR)
            continue;
          keys[n_bars].key = item->mark.start;
          keys[n_bars].rank = i;
          keys[n_bars].index = i;
          n_bars++;
        }
      sort_keys_stable (keys, n_bars);
      self->lane_bars[lane] = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_bars);
      self->lane_spans[lane] = g_new (DossierChartSpan, MAX (n_bars, 1));
      for (guint k = 0; k < n_bars; k++)
        {
          const DossierChartItem *item = dossier_chart_model_get_item (self, keys[k].index);

          g_array_append_val (self->lane_bars[lane], keys[k].index);
          self->lane_spans[lane][k].start = item->mark.start;
          self->lane_spans[lane][k].end = item->mark.end;
        }
    }
}

/* At most how many items @dcase gives, to allocate them at once. */
static guint
count_dates (DossierCase *dcase,
             guint        sections)
{
  guint n = 5;

  if (wants (sections, DOSSIER_SECTION_TIMELINE))
    n += g_list_model_get_n_items (dossier_case_get_events (dcase));
  if (wants (sections, DOSSIER_SECTION_REACTIONS))
    n += g_list_model_get_n_items (dossier_case_get_reactions (dcase));
  if (wants (sections, DOSSIER_SECTION_RELEASE))
    n += 2 * g_list_model_get_n_items (dossier_case_get_releases (dcase));
  if (wants (sections, DOSSIER_SECTION_SOURCES))
    n += g_list_model_get_n_items (dossier_case_get_sources (dcase));
  if (wants (sections, DOSSIER_SECTION_NOTES))
    n += g_list_model_get_n_items (dossier_case_get_notes (dcase));
  return n;
}

DossierChartModel *
dossier_chart_model_new (DossierCase *dcase,
                         guint        sections,
                         GHashTable  *note_ids)
{
  DossierChartModel *self;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  self = g_new0 (DossierChartModel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dcase = g_object_ref (dcase);
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (DossierChartItem), count_dates (dcase, sections));

  collect (self, sections, note_ids);
  sort_lanes (self);

  /* Where the chart is fitted when first shown: found here, with the
   * items, rather than by the first frame. */
  self->extent_start = G_MAXINT64;
  self->extent_end = G_MININT64;
  for (guint i = 0; i < self->items->len; i++)
    {
      const DossierChartItem *item = &g_array_index (self->items, DossierChartItem, i);

      self->extent_start = MIN (self->extent_start, item->mark.start);
      self->extent_end = MAX (self->extent_end, item->mark.end);
    }

  return self;
}

DossierChartModel *
dossier_chart_model_ref (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_chart_model_unref (DossierChartModel *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      g_array_unref (self->lane_items[lane]);
      g_array_unref (self->lane_bars[lane]);
      g_free (self->lane_times[lane]);
      g_free (self->lane_spans[lane]);
    }
  g_clear_pointer (&self->by_date, g_hash_table_unref);
  g_array_unref (self->items);
  g_free (self->date_order);
  g_free (self->date_rank);
  g_object_unref (self->dcase);
  g_free (self);
}

DossierCase *
dossier_chart_model_get_case (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dcase;
}

guint
dossier_chart_model_get_n_items (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const DossierChartItem *
dossier_chart_model_get_item (DossierChartModel *self,
                              guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (position >= self->items->len)
    return NULL;
  return &g_array_index (self->items, DossierChartItem, position);
}

const guint *
dossier_chart_model_get_date_order (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->date_order == NULL)
    sort_by_date (self);
  return self->date_order;
}

guint
dossier_chart_model_get_date_rank (DossierChartModel *self,
                                   guint              position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->items->len, 0);

  if (self->date_order == NULL)
    sort_by_date (self);
  return self->date_rank[position];
}

guint
dossier_chart_model_get_lanes (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes;
}

const guint *
dossier_chart_model_get_lane_items (DossierChartModel *self,
                                    DossierChartLane   lane,
                                    guint             *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < DOSSIER_CHART_N_LANES, NULL);

  if (n_items != NULL)
    *n_items = self->lane_items[lane]->len;
  return (const guint *) (gpointer) self->lane_items[lane]->data;
}

const guint *
dossier_chart_model_get_lane_bars (DossierChartModel *self,
                                   DossierChartLane   lane,
                                   guint             *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < DOSSIER_CHART_N_LANES, NULL);

  if (n_items != NULL)
    *n_items = self->lane_bars[lane]->len;
  return (const guint *) (gpointer) self->lane_bars[lane]->data;
}

const gint64 *
dossier_chart_model_get_lane_times (DossierChartModel *self,
                                    DossierChartLane   lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < DOSSIER_CHART_N_LANES, NULL);

  return self->lane_times[lane];
}

const DossierChartSpan *
dossier_chart_model_get_lane_spans (DossierChartModel *self,
                                    DossierChartLane   lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < DOSSIER_CHART_N_LANES, NULL);

  return self->lane_spans[lane];
}

gboolean
dossier_chart_model_has_open_ends (DossierChartModel *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->open_ends;
}

gboolean
dossier_chart_model_get_extent (DossierChartModel *self,
                                gint64            *start,
                                gint64            *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (start != NULL)
    *start = self->extent_start;
  if (end != NULL)
    *end = self->extent_end;
  return self->items->len > 0;
}

int
dossier_chart_model_find_date (DossierChartModel *self,
                               const DossierDate *date)
{
  gpointer position;

  g_return_val_if_fail (self != NULL, -1);

  if (date == NULL)
    return -1;

  if (self->by_date == NULL)
    {
      self->by_date = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_insert (self->by_date,
                             (gpointer) dossier_chart_model_get_item (self, i)->date,
                             GUINT_TO_POINTER (i + 1));
    }

  position = g_hash_table_lookup (self->by_date, date);
  return position != NULL ? (int) GPOINTER_TO_UINT (position) - 1 : -1;
}

static char *
inline_text (const DossierInline *node)
{
  g_autofree char *plain = NULL;

  if (node == NULL)
    return g_strdup ("");
  plain = dossier_inline_to_plain (node);
  return dossier_sanitize_display_text (plain);
}

static char *
entity_name (DossierCase *dcase,
             const char  *id)
{
  if (id == NULL)
    return g_strdup ("");
  return dossier_sanitize_display_text (dossier_case_get_entity_name (dcase, id));
}

/* Titles are made when asked: a hundred thousand notes need none of
 * them to be drawn. The words are the timeline list's. */
char *
dossier_chart_model_dup_title (DossierChartModel *self,
                               guint              position)
{
  const DossierChartItem *item = dossier_chart_model_get_item (self, position);
  const char *work_id;
  g_autofree char *work = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  switch ((What) item->what)
    {
    case WHAT_EVENT:
      return inline_text (dossier_event_get_title (DOSSIER_EVENT (item->object)));
    case WHAT_BREACH_BEGAN:
      return g_strdup (_("The breach began"));
    case WHAT_BREACH_DISCOVERED:
      return g_strdup (_("The breach was discovered"));
    case WHAT_BREACH_DISCLOSED:
      return g_strdup (_("The breach was disclosed"));
    case WHAT_THREAT_SHOWN:
      return g_strdup (_("The threat screen appeared"));
    case WHAT_THREAT_DEADLINE:
      return g_strdup (_("The threat screen’s deadline"));
    case WHAT_REACTION:
      return entity_name (self->dcase, dossier_reaction_get_actor (DOSSIER_REACTION (item->object)));
    case WHAT_RELEASE:
    case WHAT_ANNOUNCEMENT:
      work_id = dossier_case_get_release_work (self->dcase);
      work = work_id != NULL ? entity_name (self->dcase, work_id) : g_strdup (_("The release"));
      if (item->what == WHAT_RELEASE)
        {
          DossierReleaseStatus status = dossier_release_get_status (DOSSIER_RELEASE (item->object));

          /* Translators: a work and what became of one release plan:
           * "The Interview: Postponed" */
          return g_strdup_printf (_("%s: %s"), work, dossier_release_status_get_label (status));
        }
      else
        {
          g_autofree char *planned =
            dossier_date_format (dossier_release_get_date (DOSSIER_RELEASE (item->object)));

          /* Translators: %s is the planned date of a release */
          return g_strdup_printf (_("Release announced for %s"), planned);
        }
    case WHAT_SOURCE:
      return inline_text (dossier_source_get_title (DOSSIER_SOURCE (item->object)));
    case WHAT_NOTE:
      return inline_text (dossier_note_get_title (DOSSIER_NOTE (item->object)));
    default:
      g_assert_not_reached ();
    }
}

const char *
dossier_chart_model_get_kind_label (DossierChartModel *self,
                                    guint              position)
{
  const DossierChartItem *item = dossier_chart_model_get_item (self, position);

  g_return_val_if_fail (item != NULL, NULL);

  switch ((What) item->what)
    {
    case WHAT_EVENT:
      return _("Event");
    case WHAT_BREACH_BEGAN:
    case WHAT_BREACH_DISCOVERED:
    case WHAT_BREACH_DISCLOSED:
      return _("Breach");
    case WHAT_THREAT_SHOWN:
    case WHAT_THREAT_DEADLINE:
      return _("Threat");
    case WHAT_REACTION:
      return _("Reaction");
    case WHAT_RELEASE:
      return _("Release");
    case WHAT_ANNOUNCEMENT:
      return _("Announcement");
    case WHAT_SOURCE:
      return _("Source");
    case WHAT_NOTE:
      return _("Note");
    default:
      g_assert_not_reached ();
    }
}
