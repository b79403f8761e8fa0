/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm):
 * exact for every year a case file can hold, and without the
 * allocations of a GDateTime, which counted at 100,000 notes. */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return out + width;
}

char *
dossier_interchange_timestamp (gint64   seconds,
                               gboolean stix)
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  gint64 rest = seconds - days * 86400;
  int year, month, day;
  char buffer[40];
  char *p = buffer;

  civil_from_days (days, &year, &month, &day);
  /* RFC 3339 needs four digits; EDTF level 0 never has more or fewer. */
  if (year < 0 || year > 9999)
    return g_strdup (stix ? "1970-01-01T00:00:00.000Z" : "1970-01-01T00:00:00+00:00");

  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, (int) (rest / 3600), 2);
  *p++ = ':';
  p = put_digits (p, (int) (rest / 60 % 60), 2);
  *p++ = ':';
  p = put_digits (p, (int) (rest % 60), 2);
  strcpy (p, stix ? ".000Z" : "+00:00");

  return g_strdup (buffer);
}

const char *
dossier_interchange_precision_to_string (DossierDatePrecision precision)
{
  switch (precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR: return "year";
    case DOSSIER_DATE_PRECISION_SEASON: return "season";
    case DOSSIER_DATE_PRECISION_MONTH: return "month";
    case DOSSIER_DATE_PRECISION_DAY: return "day";
    case DOSSIER_DATE_PRECISION_MINUTE: return "minute";
    case DOSSIER_DATE_PRECISION_SECOND: return "second";
    default: return "day";
    }
}

/* "2014", "2014-22", "2014-10", "2014-11-24", "2014-11-24T23:00Z", with
 * any qualifier at the end; the loader already checked the shape. */
static void
parse_side (const char       *text,
            DossierDateParts *out)
{
  char *end = NULL;
  long value;

  memset (out, 0, sizeof *out);
  value = strtol (text, &end, 10);
  out->year = (int) value;
  if (end == NULL || *end != '-')
    return;

  value = strtol (end + 1, &end, 10);
  if (value >= 21 && value <= 24)
    {
      out->season = (int) value - 20;
      return;
    }
  out->month = (int) value;
  if (end == NULL || *end != '-')
    return;

  out->day = (int) strtol (end + 1, NULL, 10);
}

guint
dossier_interchange_date_parts (const DossierDate *date,
                                DossierDateParts   parts[2])
{
  const char *text;
  const char *slash;

  g_return_val_if_fail (date != NULL, 0);

  text = dossier_date_get_text (date);
  parse_side (text, &parts[0]);
  slash = strchr (text, '/');
  if (slash == NULL)
    return 1;

  parse_side (slash + 1, &parts[1]);
  return 2;
}

int
dossier_interchange_confidence (DossierCertainty certainty)
{
  /* docs/interchange.md, "Certainty and confidence". */
  switch (certainty)
    {
    case DOSSIER_CERTAINTY_CONFIRMED: return 90;
    case DOSSIER_CERTAINTY_REPORTED: return 70;
    case DOSSIER_CERTAINTY_ALLEGED: return 50;
    case DOSSIER_CERTAINTY_DISPUTED: return 30;
    case DOSSIER_CERTAINTY_UNVERIFIED: return 15;
    case DOSSIER_CERTAINTY_NONE:
    default:
      return -1;
    }
}

const char *
dossier_interchange_reliability_words (char code)
{
  static const char * const words[] = {
    "completely reliable", "usually reliable", "fairly reliable",
    "not usually reliable", "unreliable", "reliability cannot be judged",
  };

  if (code < 'A' || code > 'F')
    return NULL;
  return words[code - 'A'];
}

const char *
dossier_interchange_credibility_words (guint code)
{
  static const char * const words[] = {
    "confirmed by other sources", "probably true", "possibly true",
    "doubtful", "improbable", "truth cannot be judged",
  };

  if (code < 1 || code > 6)
    return NULL;
  return words[code - 1];
}

/* Collecting the dates */

typedef struct
{
  DossierCase *dcase;
  GPtrArray   *items;
  guint        order;
} Collector;

typedef struct
{
  DossierDatedItem item;
  guint            order;
} OrderedItem;

static void
dated_item_free (gpointer data)
{
  OrderedItem *ordered = data;

  g_free (ordered->item.item_id);
  g_free (ordered->item.message);
  g_clear_pointer (&ordered->item.texts, g_ptr_array_unref);
  g_clear_pointer (&ordered->item.blocks, g_ptr_array_unref);
  g_free (ordered);
}

static DossierDatedItem *
add_date (Collector         *collector,
          const DossierDate *date,
          DossierSection     section,
          const char        *item_id,
          const char        *what,
          DossierCertainty   certainty,
          char              *message)
{
  OrderedItem *ordered;

  if (date == NULL)
    {
      g_free (message);
      return NULL;
    }

  ordered = g_new0 (OrderedItem, 1);
  ordered->order = collector->order++;
  ordered->item.key = dossier_date_get_sort_key (date);
  ordered->item.date = date;
  ordered->item.section = section;
  ordered->item.item_id = g_strdup (item_id);
  ordered->item.what = what;
  ordered->item.certainty = certainty;
  ordered->item.message = message;
  ordered->item.texts = g_ptr_array_new ();
  ordered->item.blocks = g_ptr_array_new ();
  g_ptr_array_add (collector->items, ordered);

  return &ordered->item;
}

static void
add_text (DossierDatedItem    *item,
          const DossierInline *text)
{
  if (item != NULL && text != NULL)
    g_ptr_array_add (item->texts, (gpointer) text);
}

static void
add_blocks (DossierDatedItem *item,
            GPtrArray        *blocks)
{
  if (item != NULL && blocks != NULL && blocks->len > 0)
    g_ptr_array_add (item->blocks, blocks);
}

static char *
plain_or (const DossierInline *text,
          const char          *fallback)
{
  char *plain = text != NULL ? dossier_inline_to_plain (text) : NULL;

  if (plain != NULL && plain[0] != '\0')
    return plain;
  g_free (plain);
  return g_strdup (fallback != NULL ? fallback : "");
}

static void
collect_sources (Collector *collector)
{
  GListModel *sources = dossier_case_get_sources (collector->dcase);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      const char *id = dossier_source_get_id (source);
      const DossierDate *dates[] = { dossier_source_get_published (source),
                                     dossier_source_get_accessed (source) };
      const char *whats[] = { "Source published", "Source accessed" };

      for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
        {
          DossierDatedItem *item = add_date (collector, dates[j], DOSSIER_SECTION_SOURCES, id, whats[j],
                                             DOSSIER_CERTAINTY_NONE,
                                             plain_or (dossier_source_get_title (source), id));
          if (item != NULL)
            item->source = source;
        }
    }
}

static void
collect_breach (Collector *collector)
{
  DossierBreach *breach = dossier_case_get_breach (collector->dcase);
  const DossierDate *dates[3];
  const char *whats[] = { "Breach began", "Breach discovered", "Breach disclosed" };
  const char *victim;

  if (breach == NULL)
    return;

  dates[0] = dossier_breach_get_began (breach);
  dates[1] = dossier_breach_get_discovered (breach);
  dates[2] = dossier_breach_get_disclosed (breach);
  victim = dossier_breach_get_victim (breach);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      DossierDatedItem *item;
      char *message;

      if (victim != NULL)
        message = g_strdup_printf ("%s: %s", whats[i],
                                   dossier_case_get_entity_name (collector->dcase, victim));
      else
        message = g_strdup (whats[i]);
      item = add_date (collector, dates[i], DOSSIER_SECTION_BREACH, "#breach", whats[i],
                       DOSSIER_CERTAINTY_NONE, message);
      add_text (item, dossier_breach_get_method (breach));
      add_blocks (item, dossier_breach_get_summary (breach));
      add_blocks (item, dossier_breach_get_impact (breach));
    }
}

static void
collect_threat (Collector *collector)
{
  DossierThreatScreen *screen = dossier_case_get_threat_screen (collector->dcase);
  const DossierDate *dates[2];
  const char *whats[] = { "Threat screen shown", "Threat screen deadline" };

  if (screen == NULL)
    return;

  dates[0] = dossier_threat_screen_get_shown (screen);
  dates[1] = dossier_threat_screen_get_deadline (screen);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *headline = plain_or (dossier_threat_screen_get_headline (screen), NULL);
      DossierDatedItem *item = add_date (collector, dates[i], DOSSIER_SECTION_THREAT, "#threat-screen",
                                         whats[i], DOSSIER_CERTAINTY_NONE,
                                         g_strdup_printf ("%s: %s", whats[i], headline));

      add_text (item, dossier_threat_screen_get_headline (screen));
      add_text (item, dossier_threat_screen_get_shown_on (screen));
      add_text (item, dossier_threat_screen_get_demand (screen));
      add_blocks (item, dossier_threat_screen_get_message (screen));
    }
}

static void
collect_reactions (Collector *collector)
{
  GListModel *reactions = dossier_case_get_reactions (collector->dcase);
  guint n = g_list_model_get_n_items (reactions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierReaction) reaction = g_list_model_get_item (reactions, i);
      const DossierInline *words = dossier_reaction_get_quote (reaction);
      g_autofree char *said = NULL;
      DossierDatedItem *item;

      if (words == NULL)
        words = dossier_reaction_get_channel (reaction);
      said = plain_or (words, dossier_stance_to_string (dossier_reaction_get_stance (reaction)));
      item = add_date (collector, dossier_reaction_get_date (reaction), DOSSIER_SECTION_REACTIONS,
                       dossier_reaction_get_id (reaction), "Reaction",
                       dossier_reaction_get_certainty (reaction),
                       g_strdup_printf ("%s (%s): %s",
                                        dossier_case_get_entity_name (collector->dcase,
                                                                      dossier_reaction_get_actor (reaction)),
                                        dossier_stance_to_string (dossier_reaction_get_stance (reaction)),
                                        said));
      add_text (item, dossier_reaction_get_channel (reaction));
      add_text (item, dossier_reaction_get_quote (reaction));
      add_blocks (item, dossier_reaction_get_summary (reaction));
    }
}

static const char *
release_what (DossierReleaseStatus status)
{
  switch (status)
    {
    case DOSSIER_RELEASE_PLANNED: return "Release planned";
    case DOSSIER_RELEASE_POSTPONED: return "Release postponed";
    case DOSSIER_RELEASE_RELEASED: return "Released";
    case DOSSIER_RELEASE_CANCELLED: return "Release cancelled";
    case DOSSIER_RELEASE_LEAKED: return "Leaked";
    default: return "Release";
    }
}

static void
collect_releases (Collector *collector)
{
  GListModel *releases = dossier_case_get_releases (collector->dcase);
  const char *work = dossier_case_get_release_work (collector->dcase);
  const char *work_name = work != NULL ? dossier_case_get_entity_name (collector->dcase, work) : "";
  guint n = g_list_model_get_n_items (releases);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (releases, i);
      g_autofree char *id = g_strdup_printf ("#release-%u", dossier_release_get_index (release));
      g_autofree char *market = plain_or (dossier_release_get_market (release), NULL);
      const char *status = dossier_release_status_to_string (dossier_release_get_status (release));
      const DossierDate *dates[2] = { dossier_release_get_date (release),
                                      dossier_release_get_announced (release) };
      const char *whats[2] = { release_what (dossier_release_get_status (release)), "Release announced" };

      for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
        {
          DossierDatedItem *item;

          item = add_date (collector, dates[j], DOSSIER_SECTION_RELEASE, id, whats[j],
                           dossier_release_get_certainty (release),
                           market[0] != '\0'
                           ? g_strdup_printf ("%s: %s (%s)", work_name, status, market)
                           : g_strdup_printf ("%s: %s", work_name, status));
          add_text (item, dossier_release_get_market (release));
          add_blocks (item, dossier_release_get_summary (release));
        }
    }
}

static void
collect_events (Collector *collector)
{
  GListModel *events = dossier_case_get_events (collector->dcase);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEvent) event = g_list_model_get_item (events, i);
      DossierDatedItem *item;

      item = add_date (collector, dossier_event_get_date (event), DOSSIER_SECTION_TIMELINE,
                       dossier_event_get_id (event), "Event", dossier_event_get_certainty (event),
                       plain_or (dossier_event_get_title (event), dossier_event_get_id (event)));
      add_text (item, dossier_event_get_title (event));
      add_blocks (item, dossier_event_get_summary (event));
    }
}

static void
collect_notes (Collector *collector)
{
  GListModel *notes = dossier_case_get_notes (collector->dcase);
  guint n = g_list_model_get_n_items (notes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      DossierDatedItem *item;

      item = add_date (collector, dossier_note_get_created (note), DOSSIER_SECTION_NOTES,
                       dossier_note_get_id (note), "Note created", DOSSIER_CERTAINTY_NONE,
                       plain_or (dossier_note_get_title (note), dossier_note_get_id (note)));
      add_text (item, dossier_note_get_title (note));
      add_blocks (item, dossier_note_get_body (note));
    }
}

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const OrderedItem *x = *(const OrderedItem * const *) a;
  const OrderedItem *y = *(const OrderedItem * const *) b;
  int cmp;

  if (x->item.key != y->item.key)
    return x->item.key < y->item.key ? -1 : 1;
  if (x->item.section != y->item.section)
    return x->item.section < y->item.section ? -1 : 1;
  cmp = strcmp (x->item.item_id, y->item.item_id);
  if (cmp != 0)
    return cmp;
  return x->order < y->order ? -1 : x->order > y->order;
}

GPtrArray *
dossier_interchange_collect_dates (DossierCase *dcase)
{
  Collector collector = { dcase, g_ptr_array_new_with_free_func (dated_item_free), 0 };
  g_autofree char *title = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  title = plain_or (dossier_case_get_title (dcase), dossier_case_get_id (dcase));
  add_date (&collector, dossier_case_get_updated (dcase), DOSSIER_SECTION_OVERVIEW, "#case",
            "Case updated", DOSSIER_CERTAINTY_NONE, g_steal_pointer (&title));
  collect_sources (&collector);
  collect_breach (&collector);
  collect_threat (&collector);
  collect_reactions (&collector);
  collect_releases (&collector);
  collect_events (&collector);
  collect_notes (&collector);

  g_ptr_array_sort (collector.items, compare_dated);

  return collector.items;
}

typedef struct
{
  GHashTable *titles;  /* source id -> plain title, shared by all items */
  GPtrArray  *ids;     /* of the sources already named, usually few */
  GPtrArray  *out;
} TitleState;

static void
add_source_title (TitleState    *state,
                  DossierSource *source)
{
  const char *id;
  const char *title;

  if (source == NULL)
    return;

  id = dossier_source_get_id (source);
  for (guint i = 0; i < state->ids->len; i++)
    if (strcmp (g_ptr_array_index (state->ids, i), id) == 0)
      return;
  g_ptr_array_add (state->ids, (gpointer) id);

  /* The cache holds every source of the case and is only read here, from
   * several threads. */
  title = g_hash_table_lookup (state->titles, id);
  g_ptr_array_add (state->out, (gpointer) (title != NULL ? title : id));
}

typedef struct
{
  DossierCase *dcase;
  TitleState  *state;
} CiteWalk;

static gboolean
cite_title_cb (const DossierInline *node,
               gpointer             user_data)
{
  CiteWalk *walk = user_data;

  if (node->kind == DOSSIER_INLINE_CITE && node->ref != NULL)
    add_source_title (walk->state, dossier_case_get_source (walk->dcase, node->ref));

  return TRUE;
}

GHashTable *
dossier_interchange_title_cache_new (DossierCase *dcase)
{
  GHashTable *cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *sources = dossier_case_get_sources (dcase);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);
      const char *id = dossier_source_get_id (source);

      g_hash_table_insert (cache, (gpointer) id, plain_or (dossier_source_get_title (source), id));
    }

  return cache;
}

const char **
dossier_interchange_item_source_titles (DossierCase            *dcase,
                                        GHashTable             *title_cache,
                                        const DossierDatedItem *item)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  TitleState state = { title_cache, ids, g_ptr_array_new () };
  CiteWalk walk = { dcase, &state };

  add_source_title (&state, item->source);
  for (guint i = 0; i < item->texts->len; i++)
    dossier_inline_foreach (g_ptr_array_index (item->texts, i), cite_title_cb, &walk);
  for (guint i = 0; i < item->blocks->len; i++)
    {
      GPtrArray *blocks = g_ptr_array_index (item->blocks, i);

      for (guint j = 0; j < blocks->len; j++)
        {
          DossierParagraph *paragraph = g_ptr_array_index (blocks, j);

          dossier_inline_foreach (paragraph->text, cite_title_cb, &walk);
        }
    }
  g_ptr_array_add (state.out, NULL);

  return (const char **) g_ptr_array_free (state.out, FALSE);
}
