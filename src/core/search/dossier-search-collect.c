/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-search-private.h"

/* The documents of a case and the text of their fields, in the order
 * a reader meets them. The build walks every text of the case through
 * here, so the walk of inline trees allocates nothing; showing a hit
 * walks one document again, to cut its snippet from the case's own
 * text. */

static gboolean
find_cites_cb (const DossierInline *node,
               gpointer             user_data)
{
  Collector *c = user_data;

  if (node->kind == DOSSIER_INLINE_CITE && node->ref != NULL)
    g_ptr_array_add (c->cites, node->ref);
  return TRUE;
}

#define WALK_DEPTH 64

/* g_string_append() without its checks: the build appends every text
 * of the case. */
static inline void
plain_append (GString    *plain,
              const char *text)
{
  gsize len = strlen (text);

  if (G_LIKELY (plain->len + len < plain->allocated_len))
    {
      memcpy (plain->str + plain->len, text, len + 1);
      plain->len += len;
    }
  else
    g_string_append_len (plain, text, len);
}

/* What dossier_inline_append_plain() gives (the same tokens: quotation
 * marks stand where it puts them), collecting the cited sources on the
 * way, without allocating: the build walks every text of the case. */
static void
append_plain_and_cites (Collector           *c,
                        const DossierInline *node)
{
  struct { const DossierInline *node; guint next; } stack[WALK_DEPTH];
  gsize start = c->plain->len;
  guint depth = 0;
  guint n_cites = c->cites->len;

  if (node == NULL || node->kind == DOSSIER_INLINE_CITE)
    {
      if (node != NULL && node->ref != NULL)
        g_ptr_array_add (c->cites, node->ref);
      return;
    }

  stack[depth].node = node;
  stack[depth].next = 0;
  depth++;
  for (;;)
    {
      const DossierInline *top = stack[depth - 1].node;

      if (stack[depth - 1].next == 0)
        {
          if (top->kind == DOSSIER_INLINE_TEXT && top->text != NULL)
            plain_append (c->plain, top->text);
          else if (top->kind == DOSSIER_INLINE_QUOTE)
            plain_append (c->plain, "“");
          else if (top->kind == DOSSIER_INLINE_LINK && top->ref != NULL
                   && (top->children == NULL || top->children->len == 0))
            plain_append (c->plain, top->ref);
        }

      if (top->children != NULL && stack[depth - 1].next < top->children->len)
        {
          const DossierInline *child = g_ptr_array_index (top->children, stack[depth - 1].next);

          stack[depth - 1].next++;
          if (child == NULL)
            continue;
          if (child->kind == DOSSIER_INLINE_CITE)
            {
              if (child->ref != NULL)
                g_ptr_array_add (c->cites, child->ref);
              continue;
            }
          if (depth == WALK_DEPTH)
            {
              /* Deeper than the loader allows: let the slow walkers do it. */
              g_string_truncate (c->plain, start);
              g_ptr_array_set_size (c->cites, n_cites);
              dossier_inline_append_plain (node, c->plain);
              dossier_inline_foreach (node, find_cites_cb, c);
              return;
            }
          stack[depth].node = child;
          stack[depth].next = 0;
          depth++;
          /* Mark the frame as opened even when it has no children. */
          if (child->children == NULL || child->children->len == 0)
            {
              if (child->kind == DOSSIER_INLINE_TEXT && child->text != NULL)
                plain_append (c->plain, child->text);
              else if (child->kind == DOSSIER_INLINE_QUOTE)
                plain_append (c->plain, "“”");
              else if (child->kind == DOSSIER_INLINE_LINK && child->ref != NULL)
                plain_append (c->plain, child->ref);
              depth--;
            }
          continue;
        }

      if (top->kind == DOSSIER_INLINE_QUOTE)
        plain_append (c->plain, "”");
      if (--depth == 0)
        break;
    }
}

/* The reader's text of @node; when building, its citations too. */
static void
append_inline (Collector           *c,
               const DossierInline *node)
{
  if (c->want_meta)
    append_plain_and_cites (c, node);
  else
    dossier_inline_append_plain (node, c->plain);
}

static void
collect_inline (Collector           *c,
                const char          *field,
                gboolean             is_title,
                const DossierInline *node)
{
  g_string_truncate (c->plain, 0);
  if (node != NULL)
    append_inline (c, node);
  if (is_title || c->plain->len > 0)
    c->func (c, field, is_title, c->plain->str, c->plain->len);
}

static void
collect_string (Collector  *c,
                const char *field,
                gboolean    is_title,
                const char *text)
{
  if (text == NULL)
    text = "";
  if (is_title || *text != '\0')
    c->func (c, field, is_title, text, strlen (text));
}

static void
collect_strv (Collector          *c,
              const char         *field,
              const char * const *strv)
{
  g_string_truncate (c->plain, 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (c->plain->len > 0)
        g_string_append (c->plain, ", ");
      g_string_append (c->plain, strv[i]);
    }
  if (c->plain->len > 0)
    c->func (c, field, FALSE, c->plain->str, c->plain->len);
}

static void
collect_blocks (Collector  *c,
                const char *field,
                GPtrArray  *blocks)
{
  g_string_truncate (c->plain, 0);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const DossierParagraph *para = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append_c (c->plain, '\n');
      if (para->text != NULL)
        append_inline (c, para->text);
      c->certainties |= 1u << para->certainty;
    }
  if (c->plain->len > 0)
    c->func (c, field, FALSE, c->plain->str, c->plain->len);
}

static void
collect_overview (Collector   *c,
                  DossierCase *dcase)
{
  collect_inline (c, "title", TRUE, dossier_case_get_title (dcase));
  collect_inline (c, "subtitle", FALSE, dossier_case_get_subtitle (dcase));
  collect_blocks (c, "summary", dossier_case_get_summary (dcase));
}

static void
collect_entity (Collector     *c,
                DossierEntity *entity)
{
  collect_string (c, "name", TRUE, dossier_entity_get_name (entity));
  collect_strv (c, "alias", dossier_entity_get_aliases (entity));
  collect_string (c, "role", FALSE, dossier_entity_get_role (entity));
  collect_blocks (c, "description", dossier_entity_get_description (entity));
}

static void
collect_source (Collector     *c,
                DossierSource *source)
{
  collect_inline (c, "title", TRUE, dossier_source_get_title (source));
  collect_string (c, "publisher", FALSE, dossier_source_get_publisher (source));
  collect_strv (c, "author", dossier_source_get_authors (source));
  collect_blocks (c, "excerpt", dossier_source_get_excerpt (source));
}

static void
collect_breach (Collector     *c,
                DossierBreach *breach)
{
  collect_inline (c, "method", TRUE, dossier_breach_get_method (breach));
  collect_blocks (c, "summary", dossier_breach_get_summary (breach));
  collect_blocks (c, "impact", dossier_breach_get_impact (breach));
}

static void
collect_exposed (Collector          *c,
                 DossierExposedItem *item)
{
  collect_inline (c, "item", TRUE, item->text);
  c->certainties |= 1u << item->certainty;
}

static void
collect_hypothesis (Collector         *c,
                    DossierHypothesis *hypothesis)
{
  GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);

  collect_inline (c, "statement", TRUE, dossier_hypothesis_get_statement (hypothesis));
  c->certainties |= 1u << dossier_hypothesis_get_certainty (hypothesis);

  g_string_truncate (c->plain, 0);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const DossierEvidence *e = g_ptr_array_index (evidence, i);

      if (i > 0)
        g_string_append_c (c->plain, '\n');
      if (e->text != NULL)
        append_inline (c, e->text);
      c->certainties |= 1u << e->certainty;
    }
  if (c->plain->len > 0)
    c->func (c, "evidence", FALSE, c->plain->str, c->plain->len);
}

static void
collect_threat (Collector           *c,
                DossierThreatScreen *screen)
{
  GPtrArray *links = dossier_threat_screen_get_shown_links (screen);

  collect_inline (c, "headline", TRUE, dossier_threat_screen_get_headline (screen));
  collect_inline (c, "shown-on", FALSE, dossier_threat_screen_get_shown_on (screen));
  collect_blocks (c, "message", dossier_threat_screen_get_message (screen));
  collect_inline (c, "demand", FALSE, dossier_threat_screen_get_demand (screen));
  collect_string (c, "image", FALSE, dossier_threat_screen_get_image_description (screen));

  g_string_truncate (c->plain, 0);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const DossierShownLink *link = g_ptr_array_index (links, i);

      if (i > 0)
        g_string_append_c (c->plain, '\n');
      if (link->text != NULL)
        append_inline (c, link->text);
      if (link->href != NULL)
        {
          g_string_append_c (c->plain, ' ');
          g_string_append (c->plain, link->href);
        }
    }
  if (c->plain->len > 0)
    c->func (c, "links", FALSE, c->plain->str, c->plain->len);
}

static void
collect_reaction (Collector       *c,
                  DossierCase     *dcase,
                  DossierReaction *reaction)
{
  const char *actor = dossier_reaction_get_actor (reaction);

  collect_inline (c, "channel", TRUE, dossier_reaction_get_channel (reaction));
  if (actor != NULL)
    collect_string (c, "actor", FALSE, dossier_case_get_entity_name (dcase, actor));
  collect_inline (c, "quote", FALSE, dossier_reaction_get_quote (reaction));
  collect_blocks (c, "summary", dossier_reaction_get_summary (reaction));
  c->certainties |= 1u << dossier_reaction_get_certainty (reaction);
}

static void
collect_release (Collector      *c,
                 DossierRelease *release)
{
  collect_inline (c, "market", TRUE, dossier_release_get_market (release));
  collect_blocks (c, "summary", dossier_release_get_summary (release));
  c->certainties |= 1u << dossier_release_get_certainty (release);
}

static void
collect_event (Collector    *c,
               DossierEvent *event)
{
  collect_inline (c, "title", TRUE, dossier_event_get_title (event));
  collect_blocks (c, "summary", dossier_event_get_summary (event));
  c->certainties |= 1u << dossier_event_get_certainty (event);
}

static void
collect_note (Collector   *c,
              DossierNote *note)
{
  const char * const *tags = dossier_note_get_tags (note);
  const char *author = dossier_note_get_author (note);

  collect_inline (c, "title", TRUE, dossier_note_get_title (note));
  collect_blocks (c, "body", dossier_note_get_body (note));
  g_string_truncate (c->plain, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (c->plain, ' ');
      g_string_append (c->plain, tags[i]);
    }
  if (c->plain->len > 0)
    c->func (c, "tags", FALSE, c->plain->str, c->plain->len);
  collect_string (c, "author", FALSE, author);
}

static const DossierDate *
breach_date (DossierBreach *breach)
{
  const DossierDate *date = dossier_breach_get_discovered (breach);

  if (date == NULL)
    date = dossier_breach_get_began (breach);
  if (date == NULL)
    date = dossier_breach_get_disclosed (breach);
  return date;
}

static void
add_doc (GArray             *docs,
         DocKind             kind,
         DossierSection      section,
         gpointer            item,
         int                 item_index,
         const DossierDate  *date)
{
  Doc doc = { 0, };

  doc.kind = kind;
  doc.section = section;
  doc.item = item;
  doc.item_index = item_index;
  doc.date = date;
  /* The build reads date_key from @date, in its threads. */
  doc.has_date = date != NULL;
  g_array_append_val (docs, doc);
}

static void
add_list (GArray         *docs,
          GListModel     *list,
          DocKind         kind,
          DossierSection  section)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      const DossierDate *date = NULL;
      int index = -1;

      switch (kind)
        {
        case DOC_SOURCE:
          date = dossier_source_get_published (DOSSIER_SOURCE (item));
          break;
        case DOC_REACTION:
          date = dossier_reaction_get_date (DOSSIER_REACTION (item));
          break;
        case DOC_RELEASE:
          date = dossier_release_get_date (DOSSIER_RELEASE (item));
          index = dossier_release_get_index (DOSSIER_RELEASE (item));
          break;
        case DOC_EVENT:
          date = dossier_event_get_date (DOSSIER_EVENT (item));
          break;
        case DOC_NOTE:
          date = dossier_note_get_created (DOSSIER_NOTE (item));
          break;
        case DOC_ENTITY:
        case DOC_OVERVIEW:
        case DOC_BREACH:
        case DOC_EXPOSED:
        case DOC_HYPOTHESIS:
        case DOC_THREAT:
        default:
          break;
        }
      /* The case keeps the item alive; the index borrows it. */
      add_doc (docs, kind, section, item, index, date);
    }
}

GArray *
dossier_search_collect_documents (DossierCase *dcase)
{
  GArray *docs = g_array_new (FALSE, FALSE, sizeof (Doc));
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);

  add_doc (docs, DOC_OVERVIEW, DOSSIER_SECTION_OVERVIEW, dcase, -1,
           dossier_case_get_updated (dcase));
  add_list (docs, dossier_case_get_entities (dcase), DOC_ENTITY, DOSSIER_SECTION_ENTITIES);
  add_list (docs, dossier_case_get_sources (dcase), DOC_SOURCE, DOSSIER_SECTION_SOURCES);

  if (breach != NULL)
    {
      const DossierDate *date = breach_date (breach);
      GPtrArray *exposed = dossier_breach_get_exposed (breach);
      GListModel *hypotheses = dossier_breach_get_hypotheses (breach);
      guint n = hypotheses != NULL ? g_list_model_get_n_items (hypotheses) : 0;

      add_doc (docs, DOC_BREACH, DOSSIER_SECTION_BREACH, breach, -1, date);
      for (guint i = 0; exposed != NULL && i < exposed->len; i++)
        add_doc (docs, DOC_EXPOSED, DOSSIER_SECTION_BREACH,
                 g_ptr_array_index (exposed, i), i, date);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (hypotheses, i);

          add_doc (docs, DOC_HYPOTHESIS, DOSSIER_SECTION_BREACH, item, -1, date);
        }
    }

  if (screen != NULL)
    {
      const DossierDate *date = dossier_threat_screen_get_shown (screen);

      if (date == NULL)
        date = dossier_threat_screen_get_deadline (screen);
      add_doc (docs, DOC_THREAT, DOSSIER_SECTION_THREAT, screen, -1, date);
    }

  add_list (docs, dossier_case_get_reactions (dcase), DOC_REACTION, DOSSIER_SECTION_REACTIONS);
  add_list (docs, dossier_case_get_releases (dcase), DOC_RELEASE, DOSSIER_SECTION_RELEASE);
  add_list (docs, dossier_case_get_events (dcase), DOC_EVENT, DOSSIER_SECTION_TIMELINE);
  add_list (docs, dossier_case_get_notes (dcase), DOC_NOTE, DOSSIER_SECTION_NOTES);

  return docs;
}

void
dossier_search_collect_fields (DossierCase *dcase,
                               const Doc   *doc,
                               Collector   *c)
{
  switch ((DocKind) doc->kind)
    {
    case DOC_OVERVIEW:
      collect_overview (c, doc->item);
      break;
    case DOC_ENTITY:
      collect_entity (c, doc->item);
      break;
    case DOC_SOURCE:
      collect_source (c, doc->item);
      break;
    case DOC_BREACH:
      collect_breach (c, doc->item);
      break;
    case DOC_EXPOSED:
      collect_exposed (c, doc->item);
      break;
    case DOC_HYPOTHESIS:
      collect_hypothesis (c, doc->item);
      break;
    case DOC_THREAT:
      collect_threat (c, doc->item);
      break;
    case DOC_REACTION:
      collect_reaction (c, dcase, doc->item);
      break;
    case DOC_RELEASE:
      collect_release (c, doc->item);
      break;
    case DOC_EVENT:
      collect_event (c, doc->item);
      break;
    case DOC_NOTE:
      collect_note (c, doc->item);
      break;
    default:
      g_assert_not_reached ();
    }
}
