/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-hit.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-search-private.h"

/* What a hit shows: its title, a label saying where it stands, and a
 * snippet of the field that matched, with the matched words marked.
 * Titles and snippets are cut from the case's own text, walked again
 * for the hit, and sanitized for display. */

#define SNIPPET_CHARS    160
#define SNIPPET_BEFORE   50

typedef struct
{
  Run        *run;
  GString    *norm;
  GArray     *tokens;
  GArray     *ranks;
  /* Results: */
  const char *title_field;
  char       *title;
  GArray     *title_marks;
  gboolean    title_has_words;
  DossierSearchRange title_anchor;
  const char *field;
  char       *text;
  GArray     *marks;
  DossierSearchRange anchor;
  const char *fallback_field;
  char       *fallback_text;
  GArray     *fallback_marks;
  DossierSearchRange fallback_anchor;
} Snippeter;

static int
compare_range (gconstpointer a,
               gconstpointer b)
{
  const DossierSearchRange *x = a, *y = b;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  return (x->end < y->end) - (x->end > y->end);
}

/* Sorts marks and merges those that overlap. */
static void
normalize_marks (GArray *marks)
{
  guint n = 0;

  g_array_sort (marks, compare_range);
  for (guint i = 0; i < marks->len; i++)
    {
      DossierSearchRange r = g_array_index (marks, DossierSearchRange, i);

      if (n > 0 && r.start <= g_array_index (marks, DossierSearchRange, n - 1).end)
        {
          DossierSearchRange *last = &g_array_index (marks, DossierSearchRange, n - 1);

          last->end = MAX (last->end, r.end);
        }
      else
        g_array_index (marks, DossierSearchRange, n++) = r;
    }
  g_array_set_size (marks, n);
}

typedef struct
{
  guint start;
  guint end;
  guint matcher;
} RawMark;

static int
compare_raw_mark (gconstpointer a,
                  gconstpointer b)
{
  const RawMark *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Where to center a snippet: at the match with the most different terms
 * matched soon after it, so "jong un" shows "Kim Jong Un" rather than an
 * earlier "United". */
static DossierSearchRange
choose_anchor (GArray *raw)
{
  DossierSearchRange anchor = { 0, 0 };
  guint best = 0;

  g_array_sort (raw, compare_raw_mark);
  for (guint i = 0; i < raw->len; i++)
    {
      const RawMark *m = &g_array_index (raw, RawMark, i);
      guint64 seen = 0;
      guint count = 0;

      for (guint j = i; j < raw->len; j++)
        {
          const RawMark *n = &g_array_index (raw, RawMark, j);
          guint64 bit = G_GUINT64_CONSTANT (1) << (n->matcher % 64);

          if (n->start > m->start + SNIPPET_CHARS / 2)
            break;
          if ((seen & bit) == 0)
            {
              seen |= bit;
              count++;
            }
        }
      if (count > best)
        {
          best = count;
          anchor.start = m->start;
          anchor.end = m->end;
        }
    }
  return anchor;
}

/* The matches in @text; *@has_words tells whether any is of a word
 * typed (not only a tag or an author named by a filter); *@anchor is
 * where a snippet of it should be centered. */
static GArray *
find_marks (Snippeter          *sn,
            const char         *field,
            const char         *text,
            gboolean           *has_words,
            DossierSearchRange *anchor)
{
  Run *run = sn->run;
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (RawMark));
  const guint32 *ranks;
  const Token *tokens;

  g_string_truncate (sn->norm, 0);
  g_array_set_size (sn->tokens, 0);
  dossier_search_text_tokenize_append (text, strlen (text), sn->norm, sn->tokens);

  g_array_set_size (sn->ranks, sn->tokens->len);
  for (guint i = 0; i < sn->tokens->len; i++)
    {
      const Token *tok = &g_array_index (sn->tokens, Token, i);
      RankRange r = dossier_search_index_lookup (run->index, sn->norm->str + tok->norm_start,
                                                 tok->norm_len, FALSE);

      g_array_index (sn->ranks, guint32, i) = r.hi > r.lo ? r.lo : G_MAXUINT32;
    }
  ranks = (const guint32 *) sn->ranks->data;
  tokens = (const Token *) sn->tokens->data;
  *has_words = FALSE;

  for (guint k = 0; k < run->matchers->len; k++)
    {
      const Matcher *m = g_ptr_array_index (run->matchers, k);

      if (m->atom->negated || m->n_marks == 0)
        continue;
      if (m->marks_field != NULL && strcmp (m->marks_field, field) != 0)
        continue;

      if (m->marks_adjacent)
        {
          for (guint i = 0; i + m->n_marks <= sn->tokens->len; i++)
            if (dossier_search_ranks_have_sequence (ranks + i, m->n_marks, m->marks, m->n_marks))
              {
                RawMark r = { tokens[i].start, tokens[i + m->n_marks - 1].end, k };

                g_array_append_val (raw, r);
                if (m->marks_field == NULL)
                  *has_words = TRUE;
              }
        }
      else
        {
          for (guint i = 0; i < sn->tokens->len; i++)
            for (guint j = 0; j < m->n_marks; j++)
              if (slot_has (&m->marks[j], ranks[i]))
                {
                  RawMark r = { tokens[i].start, tokens[i].end, k };

                  g_array_append_val (raw, r);
                }
        }
    }

  *anchor = choose_anchor (raw);
  for (guint i = 0; i < raw->len; i++)
    {
      const RawMark *r = &g_array_index (raw, RawMark, i);
      DossierSearchRange range = { r->start, r->end };

      g_array_append_val (marks, range);
    }
  normalize_marks (marks);
  return marks;
}

/* Picks the field the snippet comes from: the first (after the title)
 * where a typed word matches; else the title when a word matches there;
 * else the first field with text. */
static void
snippet_field_cb (Collector  *c,
                  const char *field,
                  gboolean    is_title,
                  const char *text,
                  gsize       len)
{
  Snippeter *sn = c->data;
  g_autofree char *clean = dossier_search_text_sanitize (text, len);
  g_autoptr(GArray) marks = NULL;
  gboolean has_words;
  DossierSearchRange anchor;

  if (is_title)
    {
      sn->title_field = field;
      sn->title_marks = find_marks (sn, field, clean, &sn->title_has_words, &sn->title_anchor);
      sn->title = g_steal_pointer (&clean);
      return;
    }

  if (clean[0] == '\0' || sn->field != NULL)
    return;

  marks = find_marks (sn, field, clean, &has_words, &anchor);
  if (has_words)
    {
      sn->field = field;
      sn->text = g_steal_pointer (&clean);
      sn->marks = g_steal_pointer (&marks);
      sn->anchor = anchor;
    }
  else if (sn->fallback_field == NULL)
    {
      sn->fallback_field = field;
      sn->fallback_text = g_steal_pointer (&clean);
      sn->fallback_marks = g_steal_pointer (&marks);
      sn->fallback_anchor = anchor;
    }
}

/* Cuts about SNIPPET_CHARS characters of @text around its first mark,
 * at spaces where it can, and moves the marks with it. */
static char *
cut_snippet (const char               *text,
             GArray                   *marks,
             const DossierSearchRange *anchor)
{
  gsize len = strlen (text);
  const char *start = text;
  const char *end;
  const char *first = text + anchor->start;
  const char *first_end = text + anchor->end;
  glong total = g_utf8_strlen (text, len);
  GString *out;
  guint shift;
  guint n = 0;

  if (total <= SNIPPET_CHARS)
    return g_strdup (text);

  /* Start some way before the first match, at a word. */
  if (g_utf8_pointer_to_offset (text, first) > SNIPPET_BEFORE)
    {
      const char *p = first;

      for (int i = 0; i < SNIPPET_BEFORE; i++)
        p = g_utf8_prev_char (p);
      /* Do not cut a word: move on to the next space, if it is near. */
      for (const char *q = p; q < first && q - p < 24; q = g_utf8_next_char (q))
        if (*q == ' ')
          {
            p = q + 1;
            break;
          }
      start = p;
    }

  end = start;
  for (int i = 0; i < SNIPPET_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (end < first_end)
    end = first_end;
  if (*end != '\0')
    {
      for (const char *q = end; q > first_end && end - q < 24; q = g_utf8_prev_char (q))
        if (*q == ' ')
          {
            end = q;
            break;
          }
    }
  else if (start > text)
    {
      /* Near the end: show a full window. */
      const char *p = end;

      for (int i = 0; i < SNIPPET_CHARS && p > text; i++)
        p = g_utf8_prev_char (p);
      if (p < start)
        {
          for (const char *q = p; q < start && q - p < 24; q = g_utf8_next_char (q))
            if (*q == ' ')
              {
                p = q + 1;
                break;
              }
          start = p;
        }
    }

  out = g_string_new (NULL);
  if (start > text)
    g_string_append (out, "…");
  shift = out->len;
  g_string_append_len (out, start, end - start);
  if (*end != '\0')
    g_string_append (out, "…");

  for (guint i = 0; i < marks->len; i++)
    {
      DossierSearchRange r = g_array_index (marks, DossierSearchRange, i);

      if (text + r.start < start || text + r.end > end)
        continue;
      r.start = r.start - (start - text) + shift;
      r.end = r.end - (start - text) + shift;
      g_array_index (marks, DossierSearchRange, n++) = r;
    }
  g_array_set_size (marks, n);

  return g_string_free (out, FALSE);
}

static const char *
doc_item_id (const Doc *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_ENTITY:
      return dossier_entity_get_id (doc->item);
    case DOC_SOURCE:
      return dossier_source_get_id (doc->item);
    case DOC_HYPOTHESIS:
      return dossier_hypothesis_get_id (doc->item);
    case DOC_REACTION:
      return dossier_reaction_get_id (doc->item);
    case DOC_EVENT:
      return dossier_event_get_id (doc->item);
    case DOC_NOTE:
      return dossier_note_get_id (doc->item);
    case DOC_OVERVIEW:
    case DOC_BREACH:
    case DOC_EXPOSED:
    case DOC_THREAT:
    case DOC_RELEASE:
    default:
      return NULL;
    }
}

static DossierCertainty
doc_certainty (const Doc *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_EXPOSED:
      return ((DossierExposedItem *) doc->item)->certainty;
    case DOC_HYPOTHESIS:
      return dossier_hypothesis_get_certainty (doc->item);
    case DOC_REACTION:
      return dossier_reaction_get_certainty (doc->item);
    case DOC_RELEASE:
      return dossier_release_get_certainty (doc->item);
    case DOC_EVENT:
      return dossier_event_get_certainty (doc->item);
    case DOC_OVERVIEW:
    case DOC_ENTITY:
    case DOC_SOURCE:
    case DOC_BREACH:
    case DOC_THREAT:
    case DOC_NOTE:
    default:
      return DOSSIER_CERTAINTY_NONE;
    }
}

static char *
shorten (const char *text,
         glong       max_chars)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (head, "…", NULL);
}

static char *
make_label (const Doc  *doc,
            const char *id,
            const char *title)
{
  g_autofree char *short_title = shorten (title, 60);
  gboolean has_title = short_title[0] != '\0';

  switch ((DocKind) doc->kind)
    {
    case DOC_OVERVIEW:
      /* Translators: a search hit; %s is the case's title. */
      return has_title ? g_strdup_printf (_("Overview — %s"), short_title)
                       : g_strdup (_("Overview"));
    case DOC_ENTITY:
      /* Translators: a search hit; the entity's id, then its name. */
      return g_strdup_printf (_("Entity %s — %s"), id, short_title);
    case DOC_SOURCE:
      return g_strdup_printf (_("Source %s — %s"), id, short_title);
    case DOC_BREACH:
      return has_title ? g_strdup_printf (_("Breach — %s"), short_title)
                       : g_strdup (_("Breach"));
    case DOC_EXPOSED:
      /* Translators: a search hit; the item's number, then its text. */
      return g_strdup_printf (_("Exposed item %d — %s"), doc->item_index + 1, short_title);
    case DOC_HYPOTHESIS:
      return g_strdup_printf (_("Hypothesis %s — %s"), id, short_title);
    case DOC_THREAT:
      return has_title ? g_strdup_printf (_("Threat screen — %s"), short_title)
                       : g_strdup (_("Threat screen"));
    case DOC_REACTION:
      return has_title ? g_strdup_printf (_("Reaction %s — %s"), id, short_title)
                       : g_strdup_printf (_("Reaction %s"), id);
    case DOC_RELEASE:
      return g_strdup_printf (_("Release %d — %s"), doc->item_index + 1, short_title);
    case DOC_EVENT:
      return g_strdup_printf (_("Event %s — %s"), id, short_title);
    case DOC_NOTE:
      /* Translators: a search hit; the note's id, then its title. */
      return g_strdup_printf (_("Note %s — %s"), id, short_title);
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

/* A title to show when the item has none of its own. */
static char *
fallback_title (DossierCase *dcase,
                const Doc   *doc)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_BREACH:
      return g_strdup (dossier_section_get_label (DOSSIER_SECTION_BREACH));
    case DOC_THREAT:
      return g_strdup (dossier_section_get_label (DOSSIER_SECTION_THREAT));
    case DOC_RELEASE:
      return g_strdup (dossier_release_status_get_label (dossier_release_get_status (doc->item)));
    case DOC_REACTION:
      {
        const char *actor = dossier_reaction_get_actor (doc->item);

        return actor != NULL
               ? dossier_search_text_sanitize (dossier_case_get_entity_name (dcase, actor),
                                               strlen (dossier_case_get_entity_name (dcase, actor)))
               : g_strdup ("");
      }
    case DOC_OVERVIEW:
    case DOC_ENTITY:
    case DOC_SOURCE:
    case DOC_EXPOSED:
    case DOC_HYPOTHESIS:
    case DOC_EVENT:
    case DOC_NOTE:
    default:
      return g_strdup ("");
    }
}

static DossierSearchHit *
make_hit (Run          *run,
          Snippeter    *sn,
          Collector    *c,
          const Ranked *ranked)
{
  const Doc *doc = &run->index->docs[ranked->doc];
  DossierSearchHit *hit = g_new0 (DossierSearchHit, 1);
  const char *id = doc_item_id (doc);

  sn->title_field = NULL;
  sn->title = NULL;
  sn->title_marks = NULL;
  sn->title_has_words = FALSE;
  sn->field = NULL;
  sn->text = NULL;
  sn->marks = NULL;
  sn->fallback_field = NULL;
  sn->fallback_text = NULL;
  sn->fallback_marks = NULL;
  memset (&sn->anchor, 0, sizeof sn->anchor);
  memset (&sn->title_anchor, 0, sizeof sn->title_anchor);
  memset (&sn->fallback_anchor, 0, sizeof sn->fallback_anchor);
  dossier_search_collect_fields (run->index->dcase, doc, c);

  hit->section = doc->section;
  hit->item_id = g_strdup (id);
  hit->item_index = doc->item_index;
  hit->document = ranked->doc;
  hit->date = doc->date != NULL ? dossier_date_copy (doc->date) : NULL;
  hit->certainty = doc_certainty (doc);
  hit->title_match = (ranked->tier & 2) != 0;
  hit->phrase_match = (ranked->tier & 1) != 0 || run->n_sequence_atoms == 1;

  if (sn->title != NULL && sn->title[0] != '\0')
    {
      hit->title = g_steal_pointer (&sn->title);
      hit->title_marks = g_steal_pointer (&sn->title_marks);
    }
  else
    {
      g_clear_pointer (&sn->title, g_free);
      g_clear_pointer (&sn->title_marks, g_array_unref);
      hit->title = fallback_title (run->index->dcase, doc);
      hit->title_marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
    }
  hit->label = make_label (doc, id, hit->title);

  if (sn->field != NULL)
    hit->field = sn->field;
  else if (sn->title_has_words || sn->fallback_field == NULL)
    {
      hit->field = sn->title_field != NULL ? sn->title_field : "title";
      sn->text = g_strdup (hit->title);
      sn->marks = g_array_copy (hit->title_marks);
      sn->anchor = sn->title_anchor;
    }
  else
    {
      hit->field = sn->fallback_field;
      sn->text = g_steal_pointer (&sn->fallback_text);
      sn->marks = g_steal_pointer (&sn->fallback_marks);
      sn->anchor = sn->fallback_anchor;
    }

  hit->snippet = cut_snippet (sn->text, sn->marks, &sn->anchor);
  hit->snippet_marks = g_steal_pointer (&sn->marks);
  g_free (sn->text);
  g_free (sn->fallback_text);
  g_clear_pointer (&sn->fallback_marks, g_array_unref);
  return hit;
}

GPtrArray *
dossier_search_run_make_hits (Run     *run,
                              GArray  *best,
                              GError **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  Snippeter sn = { 0, };
  Collector c = { 0, };

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  sn.run = run;
  sn.norm = g_string_new (NULL);
  sn.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  sn.ranks = g_array_new (FALSE, FALSE, sizeof (guint32));
  c.func = snippet_field_cb;
  c.data = &sn;
  c.plain = g_string_new (NULL);

  for (guint i = 0; i < best->len; i++)
    {
      if ((i & 63) == 63 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        break;
      g_ptr_array_add (hits, make_hit (run, &sn, &c, &g_array_index (best, Ranked, i)));
    }

  g_string_free (sn.norm, TRUE);
  g_array_unref (sn.tokens);
  g_array_unref (sn.ranks);
  g_string_free (c.plain, TRUE);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&hits);
}

void
dossier_search_hit_free (DossierSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->item_id);
  g_free (hit->title);
  g_clear_pointer (&hit->title_marks, g_array_unref);
  g_free (hit->label);
  g_clear_pointer (&hit->date, dossier_date_free);
  g_free (hit->snippet);
  g_clear_pointer (&hit->snippet_marks, g_array_unref);
  g_free (hit);
}
