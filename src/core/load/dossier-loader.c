/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier-checker-private.h"
#include "dossier-loader-private.h"
#include "dossier-model-private.h"

/* Bytes handed to the push parser at a time: between two chunks the
 * loader checks for cancellation and reports progress. */
#define PARSE_CHUNK    (256 * 1024)
/* Bytes read at a time. */
#define READ_CHUNK     (4 * 1024 * 1024)
/* How far back to look for the start of a line when placing a tag that
 * spans lines. */
#define MAX_LINE_SCAN  (64 * 1024)
/* Progress reported by an async load at most this often (µs). */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 30)

/* ------------------------------------------------------------------ */
/* State                                                               */
/* ------------------------------------------------------------------ */

typedef struct
{
  DossierElement            element;
  const DossierElementRule *rule;
  guint                     line;
  guint                     column;
  DossierSequence           sequence;

  /* Where citations and mentions inside are placed. */
  DossierSection            section;
  const char               *item_id;
  int                       item_index;

  gpointer                  object;       /* built here, owned by the case */
  GPtrArray                *blocks;       /* where <p> children go */
  DossierInline            *node;         /* INLINE: where text goes */
  guint                     kids_start;   /* INLINE: its children in state->kids */
  guint                     inline_depth; /* inline elements up to here */
  guint                     n_citations;  /* <p>: citations before it */
  gboolean                  text_reported;
} Frame;

enum
{
  PENDING_ENTITIES,
  PENDING_SOURCES,
  PENDING_HYPOTHESES,
  PENDING_REACTIONS,
  PENDING_RELEASES,
  PENDING_EVENTS,
  PENDING_NOTES,
  N_PENDING
};

/* Element names seen, by the address of libxml2's interned name. */
#define ELEMENT_CACHE_SIZE 128

typedef struct
{
  const xmlChar  *name;
  DossierElement  element;
} CachedElement;

typedef struct
{
  xmlParserCtxtPtr     ctxt;
  DossierLoadProblems *problems;
  DossierChecker      *checker;
  DossierCase         *self;
  DossierArena        *arena;           /* the case's */
  GStrv                empty_strv;      /* in the arena, shared */
  Frame               *frames;          /* the open elements, innermost last */
  guint                n_frames;
  guint                frames_alloc;
  CachedElement        element_cache[ELEMENT_CACHE_SIZE];
  /* Attribute names seen, by element and place in its rule: libxml2
   * interns names, so one comparison of addresses finds them. */
  const xmlChar       *attr_names[DOSSIER_N_ELEMENTS][DOSSIER_MAX_ATTR_RULES];
  const xmlChar       *case_namespace;  /* libxml2's string for it */

  guint                depth;           /* elements open, skipped or not */
  guint                skip_depth;      /* inside a skipped subtree */
  gboolean             root_seen;
  gboolean             root_closed;
  gboolean             stopped;         /* parsing stopped for good */
  gboolean             xml_error;       /* libxml2 reported something */

  /* The text element being read: an INLINE tree, or PLAIN/DATE text.
   * The buffer always has room for a NUL after the text. */
  char                *text;
  gsize                text_len;
  gsize                text_alloc;
  guint                text_frame;      /* index of its frame */
  gsize                text_bytes;
  gboolean             text_too_long;
  gboolean             at_start;
  gboolean             pending_space;
  DossierInline       *space_node;      /* ends in a space nothing follows yet */
  DossierInline       *space_parent;

  guint                n_citations;
  guint                image_line;
  guint                image_column;

  /* The children of the open inline elements, innermost last: a node
   * gets its children array, exactly sized, when it ends. */
  DossierInline      **kids;
  guint                n_kids;
  guint                kids_alloc;

  char                *attributes;      /* the current element's values */
  gsize                attributes_len;
  gsize                attributes_alloc;
  /* Objects of each list, added to their GListStore in one splice at the
   * end: appending one by one costs a signal emission each. */
  GPtrArray           *pending[N_PENDING];
  GListStore          *pending_store[N_PENDING];
} LoadState;

static _Thread_local DossierLoadTimings last_timings;
static gsize max_file_size = DOSSIER_CASE_MAX_FILE_SIZE;

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

static guint
count_chars (const char *start,
             const char *end)
{
  const char *p = start;
  guint n = 0;

  /* Eight ASCII bytes at a time: the usual case for markup. */
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
      n += 8;
      p += 8;
    }

  for (; p < end; p++)
    if (((guchar)*p & 0xc0) != 0x80)
      n++;

  return n;
}

/* Line and column (1-based, in characters) of @offset in UTF-8 @data. */
static void
offset_to_position (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  const char *p = data;
  const char *end = data + offset;
  const char *line_start = data;
  const char *nl;

  *line = 1;
  while (p < end && (nl = memchr (p, '\n', end - p)) != NULL)
    {
      (*line)++;
      line_start = nl + 1;
      p = nl + 1;
    }

  *column = 1 + count_chars (line_start, end);
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* TRUE when a byte of @word is zero (exact, as a whole). */
static inline gboolean
has_zero_byte (guint64 word)
{
  return ((word - ONES) & ~word & HIGHS) != 0;
}

/* The last '<' in [@base, @cur], or NULL: eight bytes at a time, as a
 * start tag with its attributes is often long. @plain says whether the
 * bytes from it to @cur are all ASCII and hold no newline, so that
 * characters are bytes. */
static const char *
find_tag_start (const char *base,
                const char *cur,
                gboolean   *plain)
{
  const char *p = cur + 1;
  guint64 seen = 0;
  gboolean newline = FALSE;

  while (p - base >= 8)
    {
      guint64 word;

      memcpy (&word, p - 8, 8);
      if (has_zero_byte (word ^ (ONES * '<')))
        break;
      newline |= has_zero_byte (word ^ (ONES * '\n'));
      seen |= word;
      p -= 8;
    }

  while (p > base)
    {
      p--;
      if (*p == '<')
        {
          *plain = !newline && (seen & HIGHS) == 0;
          return p;
        }
      newline |= *p == '\n';
      seen |= (guchar)*p;
    }

  return NULL;
}

/* Where the start tag being reported begins. libxml2 calls startElementNs
 * with its input at the end of the tag; the tag's '<' is still in the
 * buffer, and no '<' can stand inside a tag. */
static void
element_position (LoadState *state,
                  guint     *line,
                  guint     *column)
{
  xmlParserInputPtr input = state->ctxt->input;
  const char *base = (const char *)input->base;
  const char *cur = (const char *)input->cur;
  const char *lt;
  const char *nl;
  guint newlines = 0;
  gboolean plain = FALSE;

  *line = input->line > 0 ? (guint)input->line : 0;
  *column = input->col > 0 ? (guint)input->col : 0;

  if (base == NULL || cur == NULL || cur < base)
    return;

  lt = find_tag_start (base, cur, &plain);
  if (lt == NULL)
    return;

  /* The usual tag: on one line, in ASCII. */
  if (plain)
    {
      gsize back = cur - lt;

      *column = *column > back ? *column - back : 0;
      return;
    }

  for (const char *p = lt; (nl = memchr (p, '\n', cur - p)) != NULL; p = nl + 1)
    newlines++;

  if (newlines == 0)
    {
      guint back = count_chars (lt, cur);

      *column = *column > back ? *column - back : 0;
      return;
    }

  /* A tag over several lines: its column is counted from the line's
   * start, if that is still in the buffer. */
  *line = *line > newlines ? *line - newlines : 0;
  *column = 0;
  for (const char *p = lt - 1; p >= base && lt - p < MAX_LINE_SCAN; p--)
    {
      if (*p == '\n')
        {
          *column = 1 + count_chars (p + 1, lt);
          return;
        }
    }

  if (lt - base < MAX_LINE_SCAN && input->consumed == 0)
    *column = 1 + count_chars (base, lt);
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static const guchar xml_space_table[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1,
};

static inline gboolean
is_xml_space (char c)
{
  return xml_space_table[(guchar)c];
}

static inline Frame *
top_frame (LoadState *state)
{
  g_assert (state->n_frames > 0);
  return &state->frames[state->n_frames - 1];
}

static inline Frame *
parent_frame (LoadState *state)
{
  if (state->n_frames < 2)
    return NULL;
  return &state->frames[state->n_frames - 2];
}

static const char *
element_name (DossierElement element)
{
  return dossier_checker_get_rule (element)->name;
}

static void
add_problem (LoadState        *state,
             DossierCaseError  code,
             guint             line,
             guint             column,
             const char       *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
add_problem (LoadState        *state,
             DossierCaseError  code,
             guint             line,
             guint             column,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (dossier_load_problems_full (state->problems))
    {
      dossier_load_problems_add (state->problems, code, line, column, "-");
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  dossier_load_problems_add (state->problems, code, line, column, "%s", message);
}

static void
stop_parsing (LoadState *state)
{
  state->stopped = TRUE;
  xmlStopParser (state->ctxt);
}

/* Collapses white space as the format says: runs become one space,
 * trimmed at both ends. The result is in the arena. */
static char *
collapse_plain (DossierArena *arena,
                const char   *text,
                gsize         length)
{
  char *out = dossier_arena_alloc (arena, length + 1);
  gboolean pending = FALSE;
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (is_xml_space (text[i]))
        {
          pending = n > 0;
          continue;
        }
      if (pending)
        out[n++] = ' ';
      pending = FALSE;
      out[n++] = text[i];
    }

  out[n] = '\0';
  return out;
}

/* Attribute values come with '&' kept as "&#38;" (libxml2 does that when
 * it does not replace entities); undo it, appending the value and a NUL
 * to the state's attribute buffer. Returns the offset of the value. */
static gsize
append_attribute_value (LoadState     *state,
                        const xmlChar *start,
                        const xmlChar *end)
{
  const char *s = (const char *)start;
  gsize length = end - start;
  gsize offset = state->attributes_len;
  const char *amp;
  char *out;

  /* The value never grows. */
  if (state->attributes_alloc - state->attributes_len < length + 1)
    {
      state->attributes_alloc = MAX (state->attributes_alloc * 2, state->attributes_len + length + 1);
      state->attributes = g_realloc (state->attributes, state->attributes_alloc);
    }
  out = state->attributes + offset;

  while ((amp = memchr (s, '&', length)) != NULL)
    {
      memcpy (out, s, amp - s);
      out += amp - s;
      length -= amp - s;
      s = amp;
      *out++ = '&';
      if (length >= 5 && memcmp (s, "&#38;", 5) == 0)
        {
          s += 5;
          length -= 5;
        }
      else
        {
          s++;
          length--;
        }
    }

  memcpy (out, s, length);
  out += length;
  *out++ = '\0';
  state->attributes_len = out - state->attributes;
  return offset;
}

static char *
attribute_value (const xmlChar *start,
                 const xmlChar *end)
{
  const char *s = (const char *)start;
  gsize length = end - start;
  const char *amp = memchr (s, '&', length);
  GString *out;

  if (amp == NULL)
    return g_strndup (s, length);

  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      if (s[i] == '&' && length - i >= 5 && memcmp (s + i, "&#38;", 5) == 0)
        {
          g_string_append_c (out, '&');
          i += 4;
          continue;
        }
      g_string_append_c (out, s[i]);
    }

  return g_string_free (out, FALSE);
}

/* The words of @text, which this cuts in place (it is the state's
 * attribute buffer): a NULL-terminated array in the arena of pointers
 * into @text, for the caller to replace. */
static GStrv
split_words (LoadState *state,
             char      *text)
{
  GStrv words;
  guint n = 0;
  char *p = text;

  for (const char *q = text; *q != '\0';)
    {
      while (is_xml_space (*q))
        q++;
      if (*q == '\0')
        break;
      n++;
      while (*q != '\0' && !is_xml_space (*q))
        q++;
    }

  if (n == 0)
    return state->empty_strv;

  words = dossier_arena_alloc (state->arena, (n + 1) * sizeof (char *));
  n = 0;

  while (*p != '\0')
    {
      while (is_xml_space (*p))
        p++;
      if (*p == '\0')
        break;
      words[n++] = p;
      while (*p != '\0' && !is_xml_space (*p))
        p++;
      if (*p != '\0')
        *p++ = '\0';
    }

  words[n] = NULL;
  return words;
}

static gboolean
language_is_valid (const char *lang)
{
  const char *p = lang;
  guint n;

  if (*p == '\0')
    return TRUE;

  for (n = 0; g_ascii_isalpha (*p); p++)
    n++;
  if (n < 1 || n > 8)
    return FALSE;

  while (*p == '-')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Room for @extra more bytes of text and a NUL. */
static inline void
text_reserve (LoadState *state,
              gsize      extra)
{
  if (G_UNLIKELY (state->text_alloc - state->text_len < extra + 1))
    {
      state->text_alloc = MAX (state->text_alloc * 2, state->text_len + extra + 1);
      state->text = g_realloc (state->text, state->text_alloc);
    }
}

static void
text_begin (LoadState *state)
{
  state->text_frame = state->n_frames - 1;
  state->text_bytes = 0;
  state->text_too_long = FALSE;
  state->at_start = TRUE;
  state->pending_space = FALSE;
  state->space_node = NULL;
  state->space_parent = NULL;
  state->text_len = 0;
}

static inline void
kids_push (LoadState     *state,
           DossierInline *node)
{
  if (G_UNLIKELY (state->n_kids == state->kids_alloc))
    {
      state->kids_alloc *= 2;
      state->kids = g_renew (DossierInline *, state->kids, state->kids_alloc);
    }
  state->kids[state->n_kids++] = node;
}

/* @node ends: it takes the children pushed since @start (none leaves its
 * children NULL). */
static void
kids_close (LoadState     *state,
            DossierInline *node,
            guint          start)
{
  g_assert (start <= state->n_kids);

  if (state->n_kids > start)
    node->children = dossier_arena_new_children (state->arena, state->kids + start,
                                                 state->n_kids - start);
  state->n_kids = start;
}

/* Turns the run of text read so far into a TEXT node of the innermost
 * open inline node. */
static DossierInline *
text_flush (LoadState *state)
{
  DossierInline *text;

  if (state->text_len == 0)
    return NULL;

  text = dossier_arena_new_inline (state->arena, DOSSIER_INLINE_TEXT);
  text->text = dossier_arena_strndup (state->arena, state->text, state->text_len);
  kids_push (state, text);
  state->text_len = 0;
  return text;
}

/* Before an inline element in @node: a space read before it belongs
 * before it, unless nothing but markup follows to the end of the text. */
static void
text_before_child (LoadState     *state,
                   DossierInline *node)
{
  gboolean space = state->pending_space && !state->at_start;
  DossierInline *text;

  if (space)
    {
      text_reserve (state, 1);
      state->text[state->text_len++] = ' ';
      state->pending_space = FALSE;
    }

  text = text_flush (state);
  if (space && text != NULL)
    {
      state->space_node = text;
      state->space_parent = node;
    }
}

static void
text_end (LoadState *state,
          Frame     *frame)
{
  text_flush (state);
  state->pending_space = FALSE;
  kids_close (state, frame->node, frame->kids_start);

  /* Every inline element inside has ended: the node holding the space
   * has its children array. */
  if (state->space_node != NULL)
    {
      gsize length = strlen (state->space_node->text);

      if (length > 0 && state->space_node->text[length - 1] == ' ')
        state->space_node->text[length - 1] = '\0';
      if (state->space_node->text[0] == '\0')
        g_ptr_array_remove (state->space_parent->children, state->space_node);
      state->space_node = NULL;
      state->space_parent = NULL;
    }
}

static gboolean
text_accept_bytes (LoadState *state,
                   gsize      length)
{
  Frame *root;

  if (state->text_too_long)
    return FALSE;

  state->text_bytes += length;
  if (state->text_bytes <= DOSSIER_LOADER_MAX_TEXT)
    return TRUE;

  root = &state->frames[state->text_frame];
  state->text_too_long = TRUE;
  add_problem (state, DOSSIER_CASE_ERROR_INVALID, root->line, root->column,
               _("the text of <%s> on line %u is longer than the 1 MiB limit"),
               element_name (root->element), root->line);
  return FALSE;
}

/* TRUE when @chars holds no white space but single spaces (no control
 * character, no two spaces in a row): text that is collapsed already,
 * but for its ends. Eight bytes at a time. */
static gboolean
is_collapsed (const char *chars,
              gsize       length)
{
  const char *p = chars;
  const char *end = chars + length;
  guint64 last_space = 0;

  while (end - p >= 8)
    {
      guint64 word;
      guint64 x;
      guint64 spaces;

      memcpy (&word, p, 8);
      word = GUINT64_FROM_LE (word);
      /* A byte below 0x20: tab, newline, carriage return. */
      if (((word - ONES * 0x20) & ~word & HIGHS) != 0)
        return FALSE;
      /* 0x80 in each byte that is a space, exactly. */
      x = word ^ (ONES * ' ');
      spaces = ~(((x & ~HIGHS) + ~HIGHS) | x | ~HIGHS);
      if ((spaces & ((spaces << 8) | last_space)) != 0)
        return FALSE;
      last_space = spaces >> 56;
      p += 8;
    }

  for (; p < end; p++)
    {
      if ((guchar)*p < 0x20)
        return FALSE;
      if (*p == ' ' && last_space != 0)
        return FALSE;
      last_space = *p == ' ' ? 0x80 : 0;
    }

  return TRUE;
}

/* Collapses white space on the way in: a run becomes one pending space,
 * written only before the next word. */
static void
text_append_inline (LoadState  *state,
                    const char *chars,
                    gsize       length)
{
  const char *p = chars;
  const char *end = chars + length;
  gboolean pending;
  gboolean words = FALSE;
  char *out;

  if (!text_accept_bytes (state, length))
    return;

  /* Most text is written with single spaces: it is copied whole, with
   * only its ends to look at. */
  if (is_collapsed (chars, length))
    {
      gboolean trailing;

      if (*p == ' ')
        {
          if (!state->at_start)
            state->pending_space = TRUE;
          p++;
        }
      trailing = p < end && end[-1] == ' ';
      if (trailing)
        end--;
      if (p == end)
        return;

      text_reserve (state, (end - p) + 1);
      if (state->pending_space)
        state->text[state->text_len++] = ' ';
      memcpy (state->text + state->text_len, p, end - p);
      state->text_len += end - p;
      state->at_start = FALSE;
      state->pending_space = trailing;
      state->space_node = NULL;
      return;
    }

  /* At most every byte and one pending space. */
  text_reserve (state, length + 1);
  out = state->text + state->text_len;
  pending = state->pending_space;

  while (p < end)
    {
      if (is_xml_space (*p))
        {
          if (!state->at_start)
            pending = TRUE;
          p++;
          continue;
        }

      if (pending)
        {
          *out++ = ' ';
          pending = FALSE;
        }
      do
        *out++ = *p++;
      while (p < end && !is_xml_space (*p));
      state->at_start = FALSE;
      words = TRUE;
    }

  state->text_len = out - state->text;
  state->pending_space = pending;
  if (words)
    state->space_node = NULL;
}

/* ------------------------------------------------------------------ */
/* Building the model                                                  */
/* ------------------------------------------------------------------ */

static void
add_pending (LoadState  *state,
             guint       list,
             GListStore *store,
             gpointer    object)
{
  /* One breach, so one store of hypotheses. */
  g_assert (state->pending_store[list] == NULL || state->pending_store[list] == store);
  state->pending_store[list] = store;
  g_ptr_array_add (state->pending[list], g_object_ref (object));
}

static void
flush_pending (LoadState *state)
{
  for (guint i = 0; i < N_PENDING; i++)
    {
      if (state->pending[i] == NULL)
        continue;
      if (state->pending_store[i] != NULL && state->pending[i]->len > 0)
        g_list_store_splice (state->pending_store[i], 0, 0,
                             state->pending[i]->pdata, state->pending[i]->len);
      g_clear_pointer (&state->pending[i], g_ptr_array_unref);
    }
}

/* A place in the arena: its item id is the item's own string. */
static DossierPlace *
new_place (LoadState *state,
           Frame     *frame)
{
  DossierPlace *place = dossier_arena_alloc (state->arena, sizeof (DossierPlace));

  place->section = frame->section;
  place->item_id = (char *)frame->item_id;
  place->item_index = frame->item_index;
  place->line = frame->line;
  return place;
}

/* Records a reference for the checker; returns the string the model
 * keeps for it (in the arena, shared with the id when it is known). */
static char *
add_reference (LoadState      *state,
               Frame          *frame,
               DossierRefSite  site,
               const char     *id,
               DossierPlace   *place)
{
  return (char *)dossier_checker_add_ref (state->checker, site, id, frame->line, frame->column, place);
}

/* A reference from an attribute that names an entity: a mention. */
static char *
entity_reference (LoadState      *state,
                  Frame          *frame,
                  DossierRefSite  site,
                  const char     *id)
{
  DossierPlace *place;

  if (id == NULL)
    return NULL;

  place = new_place (state, frame);
  place->ref = add_reference (state, frame, site, id, place);
  g_ptr_array_add (state->self->mentions, place);
  return place->ref;
}

static void
register_id (LoadState     *state,
             Frame         *frame,
             const char    *id,
             DossierIdKind  kind,
             GObject       *object)
{
  guint first_line = 0;

  if (id == NULL)
    return;

  if (!dossier_checker_id_is_valid (id))
    {
      add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                   _("the id '%s' is not valid: an id starts with a letter and holds only letters, digits, '.', '_' and '-'"),
                   id);
      return;
    }

  if (!dossier_checker_add_id (state->checker, id, kind, object, frame->line, &first_line))
    {
      add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                   _("the id '%s' on line %u is already used on line %u"),
                   id, frame->line, first_line);
      return;
    }

  if (object != NULL)
    g_hash_table_insert (state->self->by_id, (gpointer)id, object);
}

static DossierDate *
parse_date_attribute (LoadState  *state,
                      Frame      *frame,
                      const char *name,
                      const char *value)
{
  g_autoptr(GError) error = NULL;
  DossierDate *date;

  if (value == NULL)
    return NULL;

  date = dossier_date_parse (value, &error);
  if (date == NULL)
    add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                 _("the date in the attribute %s of <%s> on line %u: %s"),
                 name, element_name (frame->element), frame->line, error->message);
  return date;
}

static DossierCertainty
certainty_value (const char *value)
{
  DossierCertainty certainty = DOSSIER_CERTAINTY_NONE;

  if (value != NULL)
    dossier_certainty_from_string (value, &certainty);
  return certainty;
}

/* A text element begins: its tree goes straight into the model so that
 * a refused file frees it with the case. */
static void
begin_text_element (LoadState *state,
                    Frame     *frame,
                    Frame     *parent)
{
  DossierInline *root = dossier_arena_new_inline (state->arena, DOSSIER_INLINE_ROOT);
  DossierInline **slot = NULL;

  root->line = frame->line;

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_TITLE:
      switch (parent->element)
        {
        case DOSSIER_ELEMENT_CASE:
          slot = &state->self->title;
          break;
        case DOSSIER_ELEMENT_SOURCE:
          slot = &DOSSIER_SOURCE (parent->object)->title;
          break;
        case DOSSIER_ELEMENT_EVENT:
          slot = &DOSSIER_EVENT (parent->object)->title;
          break;
        case DOSSIER_ELEMENT_NOTE:
          slot = &DOSSIER_NOTE (parent->object)->title;
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    case DOSSIER_ELEMENT_SUBTITLE:
      slot = &state->self->subtitle;
      break;
    case DOSSIER_ELEMENT_METHOD:
      slot = &DOSSIER_BREACH (parent->object)->method;
      break;
    case DOSSIER_ELEMENT_STATEMENT:
      slot = &DOSSIER_HYPOTHESIS (parent->object)->statement;
      break;
    case DOSSIER_ELEMENT_SHOWN_ON:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->shown_on;
      break;
    case DOSSIER_ELEMENT_HEADLINE:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->headline;
      break;
    case DOSSIER_ELEMENT_DEMAND:
      slot = &DOSSIER_THREAT_SCREEN (parent->object)->demand;
      break;
    case DOSSIER_ELEMENT_CHANNEL:
      slot = &DOSSIER_REACTION (parent->object)->channel;
      break;
    case DOSSIER_ELEMENT_QUOTE:
      slot = &DOSSIER_REACTION (parent->object)->quote;
      break;
    case DOSSIER_ELEMENT_MARKET:
      slot = &DOSSIER_RELEASE (parent->object)->market;
      break;
    case DOSSIER_ELEMENT_P:
      slot = &((DossierParagraph *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_ITEM:
      slot = &((DossierExposedItem *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_EVIDENCE:
      slot = &((DossierEvidence *)frame->object)->text;
      break;
    case DOSSIER_ELEMENT_SHOWN_LINK:
      slot = &((DossierShownLink *)frame->object)->text;
      break;
    default:
      g_assert_not_reached ();
    }

  /* An earlier tree in the slot (there is none in a valid file) stays in
   * the arena. */
  *slot = root;
  frame->node = root;
  frame->kids_start = state->n_kids;
  frame->inline_depth = 0;
  text_begin (state);
}

static GPtrArray *
blocks_of (Frame *frame,
           Frame *parent)
{
  switch (frame->element)
    {
    case DOSSIER_ELEMENT_SUMMARY:
      switch (parent->element)
        {
        case DOSSIER_ELEMENT_CASE:
          return NULL;  /* set by the caller: the case is not a frame object */
        case DOSSIER_ELEMENT_BREACH:
          return DOSSIER_BREACH (parent->object)->summary;
        case DOSSIER_ELEMENT_REACTION:
          return DOSSIER_REACTION (parent->object)->summary;
        case DOSSIER_ELEMENT_RELEASE:
          return DOSSIER_RELEASE (parent->object)->summary;
        case DOSSIER_ELEMENT_EVENT:
          return DOSSIER_EVENT (parent->object)->summary;
        default:
          g_assert_not_reached ();
        }
      break;
    case DOSSIER_ELEMENT_DESCRIPTION:
      return DOSSIER_ENTITY (parent->object)->description;
    case DOSSIER_ELEMENT_EXCERPT:
      return DOSSIER_SOURCE (parent->object)->excerpt;
    case DOSSIER_ELEMENT_IMPACT:
      return DOSSIER_BREACH (parent->object)->impact;
    case DOSSIER_ELEMENT_MESSAGE:
      return DOSSIER_THREAT_SCREEN (parent->object)->message;
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* @values holds the element's own attributes in the order of its rule
 * (NULL when absent). */
static void
begin_element (LoadState   *state,
               Frame       *frame,
               Frame       *parent,
               const char **values)
{
  DossierCase *self = state->self;

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_CASE:
      /* format (0) was checked before; id (1), status (2) */
      self->id = dossier_arena_strdup (state->arena, values[1]);
      register_id (state, frame, self->id, DOSSIER_ID_CASE, NULL);
      if (values[2] != NULL)
        self->status = strcmp (values[2], "open") == 0 ? DOSSIER_CASE_STATUS_OPEN
                                                       : DOSSIER_CASE_STATUS_CLOSED;
      frame->section = DOSSIER_SECTION_OVERVIEW;
      break;

    case DOSSIER_ELEMENT_TITLE:
    case DOSSIER_ELEMENT_SUBTITLE:
    case DOSSIER_ELEMENT_METHOD:
    case DOSSIER_ELEMENT_STATEMENT:
    case DOSSIER_ELEMENT_SHOWN_ON:
    case DOSSIER_ELEMENT_HEADLINE:
    case DOSSIER_ELEMENT_DEMAND:
    case DOSSIER_ELEMENT_CHANNEL:
    case DOSSIER_ELEMENT_QUOTE:
    case DOSSIER_ELEMENT_MARKET:
      begin_text_element (state, frame, parent);
      break;

    case DOSSIER_ELEMENT_SUMMARY:
    case DOSSIER_ELEMENT_DESCRIPTION:
    case DOSSIER_ELEMENT_EXCERPT:
    case DOSSIER_ELEMENT_IMPACT:
    case DOSSIER_ELEMENT_MESSAGE:
      if (frame->element == DOSSIER_ELEMENT_SUMMARY && parent->element == DOSSIER_ELEMENT_CASE)
        frame->blocks = self->summary;
      else
        frame->blocks = blocks_of (frame, parent);
      break;

    case DOSSIER_ELEMENT_NAME:
    case DOSSIER_ELEMENT_ALIAS:
    case DOSSIER_ELEMENT_ROLE:
    case DOSSIER_ELEMENT_PUBLISHER:
    case DOSSIER_ELEMENT_AUTHOR:
    case DOSSIER_ELEMENT_URL:
    case DOSSIER_ELEMENT_ARCHIVED_URL:
    case DOSSIER_ELEMENT_UPDATED:
    case DOSSIER_ELEMENT_PUBLISHED:
    case DOSSIER_ELEMENT_ACCESSED:
    case DOSSIER_ELEMENT_BEGAN:
    case DOSSIER_ELEMENT_DISCOVERED:
    case DOSSIER_ELEMENT_DISCLOSED:
    case DOSSIER_ELEMENT_SHOWN:
    case DOSSIER_ELEMENT_DEADLINE:
      text_begin (state);
      break;

    case DOSSIER_ELEMENT_ENTITIES:
      frame->section = DOSSIER_SECTION_ENTITIES;
      break;

    case DOSSIER_ELEMENT_ENTITY:
      {
        g_autoptr(DossierEntity) entity = g_object_new (DOSSIER_TYPE_ENTITY, NULL);

        entity->arena = dossier_arena_ref (state->arena);
        entity->aliases = state->empty_strv;
        g_ptr_array_set_free_func (entity->description, NULL);
        entity->id = dossier_arena_strdup (state->arena, values[0]);
        entity->line = frame->line;
        if (values[1] != NULL)
          dossier_entity_kind_from_string (values[1], &entity->kind);
        add_pending (state, PENDING_ENTITIES, self->entities, entity);
        frame->object = entity;
        frame->item_id = entity->id;
        register_id (state, frame, entity->id, DOSSIER_ID_ENTITY, G_OBJECT (entity));
      }
      break;

    case DOSSIER_ELEMENT_SOURCES:
      frame->section = DOSSIER_SECTION_SOURCES;
      break;

    case DOSSIER_ELEMENT_SOURCE:
      {
        g_autoptr(DossierSource) source = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

        source->arena = dossier_arena_ref (state->arena);
        source->authors = state->empty_strv;
        g_ptr_array_set_free_func (source->excerpt, NULL);
        source->id = dossier_arena_strdup (state->arena, values[0]);
        source->line = frame->line;
        if (values[1] != NULL)
          dossier_source_kind_from_string (values[1], &source->kind);
        if (values[2] != NULL)
          source->reliability = values[2][0];
        if (values[3] != NULL)
          source->credibility = values[3][0] - '0';
        add_pending (state, PENDING_SOURCES, self->sources, source);
        frame->object = source;
        frame->item_id = source->id;
        register_id (state, frame, source->id, DOSSIER_ID_SOURCE, G_OBJECT (source));
      }
      break;

    case DOSSIER_ELEMENT_BREACH:
      {
        DossierBreach *breach = dossier_breach_new_empty ();

        breach->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (breach->summary, NULL);
        g_ptr_array_set_free_func (breach->impact, NULL);
        g_ptr_array_set_free_func (breach->exposed, NULL);
        breach->line = frame->line;
        g_clear_object (&self->breach);
        self->breach = breach;
        frame->object = breach;
        frame->section = DOSSIER_SECTION_BREACH;
      }
      break;

    case DOSSIER_ELEMENT_VICTIM:
      DOSSIER_BREACH (parent->object)->victim =
        entity_reference (state, frame, DOSSIER_REF_VICTIM, values[0]);
      break;

    case DOSSIER_ELEMENT_CLAIMED_BY:
      DOSSIER_BREACH (parent->object)->claimed_by =
        entity_reference (state, frame, DOSSIER_REF_CLAIMED_BY, values[0]);
      break;

    case DOSSIER_ELEMENT_ITEM:
      {
        DossierBreach *breach = DOSSIER_BREACH (parent->object);
        DossierExposedItem *item = dossier_arena_alloc (state->arena, sizeof (DossierExposedItem));

        item->line = frame->line;
        if (values[0] != NULL)
          dossier_exposed_category_from_string (values[0], &item->category);
        item->certainty = certainty_value (values[1]);
        g_ptr_array_add (breach->exposed, item);
        frame->object = item;
        frame->item_index = breach->exposed->len - 1;
        begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_EXPOSED:
    case DOSSIER_ELEMENT_ATTRIBUTION:
      frame->object = parent->object;
      break;

    case DOSSIER_ELEMENT_HYPOTHESIS:
      {
        g_autoptr(DossierHypothesis) hypothesis = dossier_hypothesis_new_empty ();

        hypothesis->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (hypothesis->evidence, NULL);
        hypothesis->id = dossier_arena_strdup (state->arena, values[0]);
        hypothesis->line = frame->line;
        hypothesis->certainty = certainty_value (values[2]);
        add_pending (state, PENDING_HYPOTHESES, DOSSIER_BREACH (parent->object)->hypotheses, hypothesis);
        frame->object = hypothesis;
        frame->item_id = hypothesis->id;
        register_id (state, frame, hypothesis->id, DOSSIER_ID_HYPOTHESIS, G_OBJECT (hypothesis));
        hypothesis->actor = entity_reference (state, frame, DOSSIER_REF_HYPOTHESIS_ACTOR, values[1]);
      }
      break;

    case DOSSIER_ELEMENT_EVIDENCE:
      {
        DossierHypothesis *hypothesis = DOSSIER_HYPOTHESIS (parent->object);
        DossierEvidence *evidence = dossier_arena_alloc (state->arena, sizeof (DossierEvidence));

        evidence->line = frame->line;
        if (values[0] != NULL)
          dossier_evidence_stance_from_string (values[0], &evidence->stance);
        evidence->certainty = certainty_value (values[1]);
        g_ptr_array_add (hypothesis->evidence, evidence);
        frame->object = evidence;
        frame->item_index = hypothesis->evidence->len - 1;
        begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_THREAT_SCREEN:
      {
        DossierThreatScreen *screen = dossier_threat_screen_new_empty ();

        screen->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (screen->message, NULL);
        g_ptr_array_set_free_func (screen->shown_links, NULL);
        screen->line = frame->line;
        g_clear_object (&self->threat_screen);
        self->threat_screen = screen;
        frame->object = screen;
        frame->section = DOSSIER_SECTION_THREAT;
      }
      break;

    case DOSSIER_ELEMENT_SENDER:
      DOSSIER_THREAT_SCREEN (parent->object)->sender =
        entity_reference (state, frame, DOSSIER_REF_SENDER, values[0]);
      break;

    case DOSSIER_ELEMENT_IMAGE:
      {
        DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);

        screen->has_image = TRUE;
        state->image_line = frame->line;
        state->image_column = frame->column;
        screen->image_description = dossier_arena_strdup (state->arena, values[0]);
        screen->image_src = dossier_arena_strdup (state->arena, values[1]);
      }
      break;

    case DOSSIER_ELEMENT_SHOWN_LINK:
      {
        DossierThreatScreen *screen = DOSSIER_THREAT_SCREEN (parent->object);
        DossierShownLink *link = dossier_arena_alloc (state->arena, sizeof (DossierShownLink));

        link->line = frame->line;
        link->href = dossier_arena_strdup (state->arena, values[0]);
        g_ptr_array_add (screen->shown_links, link);
        frame->object = link;
        frame->item_index = screen->shown_links->len - 1;
        begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_REACTIONS:
      frame->section = DOSSIER_SECTION_REACTIONS;
      break;

    case DOSSIER_ELEMENT_REACTION:
      {
        g_autoptr(DossierReaction) reaction = dossier_reaction_new_empty ();

        reaction->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (reaction->summary, NULL);
        reaction->id = dossier_arena_strdup (state->arena, values[0]);
        reaction->line = frame->line;
        if (values[4] != NULL)
          dossier_stance_from_string (values[4], &reaction->stance);
        reaction->certainty = certainty_value (values[5]);
        add_pending (state, PENDING_REACTIONS, self->reactions, reaction);
        frame->object = reaction;
        frame->item_id = reaction->id;
        register_id (state, frame, reaction->id, DOSSIER_ID_REACTION, G_OBJECT (reaction));
        reaction->date = parse_date_attribute (state, frame, "date", values[1]);
        reaction->actor = entity_reference (state, frame, DOSSIER_REF_REACTION_ACTOR, values[2]);
        reaction->on_behalf_of = entity_reference (state, frame, DOSSIER_REF_ON_BEHALF_OF, values[3]);
      }
      break;

    case DOSSIER_ELEMENT_RELEASE_HISTORY:
      frame->section = DOSSIER_SECTION_RELEASE;
      self->has_release_history = TRUE;
      self->release_work = entity_reference (state, frame, DOSSIER_REF_WORK, values[0]);
      break;

    case DOSSIER_ELEMENT_RELEASE:
      {
        g_autoptr(DossierRelease) release = dossier_release_new_empty ();

        release->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (release->summary, NULL);
        release->index = state->pending[PENDING_RELEASES]->len;
        release->line = frame->line;
        if (values[1] != NULL)
          dossier_release_status_from_string (values[1], &release->status);
        release->certainty = certainty_value (values[3]);
        add_pending (state, PENDING_RELEASES, self->releases, release);
        frame->object = release;
        frame->item_index = release->index;
        release->date = parse_date_attribute (state, frame, "date", values[0]);
        release->announced = parse_date_attribute (state, frame, "announced", values[2]);
      }
      break;

    case DOSSIER_ELEMENT_TIMELINE:
      frame->section = DOSSIER_SECTION_TIMELINE;
      break;

    case DOSSIER_ELEMENT_EVENT:
      {
        g_autoptr(DossierEvent) event = dossier_event_new_empty ();

        event->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (event->summary, NULL);
        event->id = dossier_arena_strdup (state->arena, values[0]);
        event->line = frame->line;
        event->certainty = certainty_value (values[2]);
        add_pending (state, PENDING_EVENTS, self->events, event);
        frame->object = event;
        frame->item_id = event->id;
        register_id (state, frame, event->id, DOSSIER_ID_EVENT, G_OBJECT (event));
        event->date = parse_date_attribute (state, frame, "date", values[1]);
      }
      break;

    case DOSSIER_ELEMENT_NOTES:
      frame->section = DOSSIER_SECTION_NOTES;
      break;

    case DOSSIER_ELEMENT_NOTE:
      {
        g_autoptr(DossierNote) note = g_object_new (DOSSIER_TYPE_NOTE, NULL);

        note->arena = dossier_arena_ref (state->arena);
        g_ptr_array_set_free_func (note->body, NULL);
        note->id = dossier_arena_strdup (state->arena, values[0]);
        note->line = frame->line;
        note->author = dossier_arena_strdup (state->arena, values[2]);
        note->tags = state->empty_strv;
        note->about = state->empty_strv;
        /* The values are the state's own buffer, cut into words here. */
        if (values[3] != NULL)
          {
            note->tags = split_words (state, (char *)values[3]);
            for (guint i = 0; note->tags[i] != NULL; i++)
              note->tags[i] = dossier_arena_strdup (state->arena, note->tags[i]);
          }
        if (values[4] != NULL)
          note->about = split_words (state, (char *)values[4]);
        add_pending (state, PENDING_NOTES, self->notes, note);
        frame->object = note;
        frame->item_id = note->id;
        frame->blocks = note->body;
        register_id (state, frame, note->id, DOSSIER_ID_NOTE, G_OBJECT (note));
        note->created = parse_date_attribute (state, frame, "created", values[1]);
        for (guint i = 0; note->about[i] != NULL; i++)
          note->about[i] = add_reference (state, frame, DOSSIER_REF_ABOUT, note->about[i], NULL);
      }
      break;

    case DOSSIER_ELEMENT_P:
      {
        DossierParagraph *paragraph = dossier_arena_alloc (state->arena, sizeof (DossierParagraph));

        paragraph->line = frame->line;
        paragraph->certainty = certainty_value (values[0]);
        g_ptr_array_add (parent->blocks, paragraph);
        frame->object = paragraph;
        frame->n_citations = state->n_citations;
        begin_text_element (state, frame, parent);
      }
      break;

    case DOSSIER_ELEMENT_CITE:
      {
        DossierInline *node = dossier_arena_new_inline (state->arena, DOSSIER_INLINE_CITE);
        DossierPlace *place;

        node->line = frame->line;
        node->number = ++state->n_citations;
        node->at = dossier_arena_strdup (state->arena, values[1]);
        kids_push (state, node);
        frame->node = node;
        frame->kids_start = state->n_kids;

        /* Without its ref (already reported) a citation cites nothing. */
        if (values[0] == NULL)
          break;

        place = new_place (state, frame);
        place->number = node->number;
        place->at = node->at;
        place->ref = add_reference (state, frame, DOSSIER_REF_CITE, values[0], place);
        node->ref = place->ref;
        g_ptr_array_add (self->citations, place);
      }
      break;

    case DOSSIER_ELEMENT_MENTION:
    case DOSSIER_ELEMENT_EM:
    case DOSSIER_ELEMENT_STRONG:
    case DOSSIER_ELEMENT_Q:
    case DOSSIER_ELEMENT_LINK:
      {
        static const DossierInlineKind kinds[] = {
          [DOSSIER_ELEMENT_MENTION] = DOSSIER_INLINE_MENTION,
          [DOSSIER_ELEMENT_EM] = DOSSIER_INLINE_EM,
          [DOSSIER_ELEMENT_STRONG] = DOSSIER_INLINE_STRONG,
          [DOSSIER_ELEMENT_Q] = DOSSIER_INLINE_QUOTE,
          [DOSSIER_ELEMENT_LINK] = DOSSIER_INLINE_LINK,
        };
        DossierInline *node = dossier_arena_new_inline (state->arena, kinds[frame->element]);

        node->line = frame->line;
        kids_push (state, node);
        frame->node = node;
        frame->kids_start = state->n_kids;

        if (frame->element == DOSSIER_ELEMENT_MENTION && values[0] != NULL)
          {
            DossierPlace *place = new_place (state, frame);

            place->ref = add_reference (state, frame, DOSSIER_REF_MENTION, values[0], place);
            node->ref = place->ref;
            g_ptr_array_add (self->mentions, place);
          }
        else if (frame->rule->n_attrs > 0)
          node->ref = dossier_arena_strdup (state->arena, values[0]);
      }
      break;

    case DOSSIER_ELEMENT_UNKNOWN:
    case DOSSIER_N_ELEMENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
end_plain_element (LoadState *state,
                   Frame     *frame,
                   Frame     *parent)
{
  char *value;

  if (frame->rule->content == DOSSIER_CONTENT_DATE)
    {
      g_autoptr(GError) error = NULL;
      DossierDate *date;
      DossierDate **slot = NULL;

      if (state->text_too_long)
        return;

      state->text[state->text_len] = '\0';
      date = dossier_date_parse (state->text, &error);
      if (date == NULL)
        {
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                       _("the date in <%s> on line %u: %s"),
                       element_name (frame->element), frame->line, error->message);
          return;
        }

      switch (frame->element)
        {
        case DOSSIER_ELEMENT_UPDATED:
          slot = &state->self->updated;
          break;
        case DOSSIER_ELEMENT_PUBLISHED:
          slot = &DOSSIER_SOURCE (parent->object)->published;
          break;
        case DOSSIER_ELEMENT_ACCESSED:
          slot = &DOSSIER_SOURCE (parent->object)->accessed;
          break;
        case DOSSIER_ELEMENT_BEGAN:
          slot = &DOSSIER_BREACH (parent->object)->began;
          break;
        case DOSSIER_ELEMENT_DISCOVERED:
          slot = &DOSSIER_BREACH (parent->object)->discovered;
          break;
        case DOSSIER_ELEMENT_DISCLOSED:
          slot = &DOSSIER_BREACH (parent->object)->disclosed;
          break;
        case DOSSIER_ELEMENT_SHOWN:
          slot = &DOSSIER_THREAT_SCREEN (parent->object)->shown;
          break;
        case DOSSIER_ELEMENT_DEADLINE:
          slot = &DOSSIER_THREAT_SCREEN (parent->object)->deadline;
          break;
        default:
          g_assert_not_reached ();
        }

      g_clear_pointer (slot, dossier_date_free);
      *slot = date;
      return;
    }

  /* In the arena, like everything a loaded object holds: a value it
   * replaces (there is none in a valid file) stays there too. */
  value = collapse_plain (state->arena, state->text, state->text_len);

  switch (frame->element)
    {
    case DOSSIER_ELEMENT_NAME:
      DOSSIER_ENTITY (parent->object)->name = value;
      break;
    case DOSSIER_ELEMENT_ROLE:
      DOSSIER_ENTITY (parent->object)->role = value;
      break;
    case DOSSIER_ELEMENT_ALIAS:
    case DOSSIER_ELEMENT_AUTHOR:
      {
        GStrv *slot = frame->element == DOSSIER_ELEMENT_ALIAS
                      ? &DOSSIER_ENTITY (parent->object)->aliases
                      : &DOSSIER_SOURCE (parent->object)->authors;
        guint n = *slot != NULL ? g_strv_length (*slot) : 0;
        GStrv longer = dossier_arena_alloc (state->arena, (n + 2) * sizeof (char *));

        if (n > 0)
          memcpy (longer, *slot, n * sizeof (char *));
        longer[n] = value;
        longer[n + 1] = NULL;
        *slot = longer;
      }
      break;
    case DOSSIER_ELEMENT_PUBLISHER:
      DOSSIER_SOURCE (parent->object)->publisher = value;
      break;
    case DOSSIER_ELEMENT_URL:
      DOSSIER_SOURCE (parent->object)->url = value;
      break;
    case DOSSIER_ELEMENT_ARCHIVED_URL:
      DOSSIER_SOURCE (parent->object)->archived_url = value;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
end_element (LoadState *state,
             Frame     *frame,
             Frame     *parent)
{
  switch (frame->rule->content)
    {
    case DOSSIER_CONTENT_ELEMENTS:
      {
        DossierElement missing = dossier_checker_missing_child (frame->rule, &frame->sequence);

        if (missing != DOSSIER_ELEMENT_UNKNOWN)
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                       _("<%s> has no <%s>"), element_name (frame->element), element_name (missing));
      }
      break;

    case DOSSIER_CONTENT_PLAIN:
    case DOSSIER_CONTENT_DATE:
      end_plain_element (state, frame, parent);
      break;

    case DOSSIER_CONTENT_INLINE:
      if (frame->rule->is_inline)
        {
          text_flush (state);
          kids_close (state, frame->node, frame->kids_start);
        }
      else
        text_end (state, frame);
      break;

    case DOSSIER_CONTENT_EMPTY:
    default:
      break;
    }

  if (frame->element == DOSSIER_ELEMENT_P
      && state->n_citations == frame->n_citations
      && (frame->section == DOSSIER_SECTION_BREACH || frame->section == DOSSIER_SECTION_REACTIONS))
    {
      DossierProblem *warning;
      g_autofree char *message = NULL;

      if (frame->section == DOSSIER_SECTION_BREACH)
        message = g_strdup_printf (_("the paragraph on line %u in the breach cites no source"),
                                   frame->line);
      else
        message = g_strdup_printf (_("the paragraph on line %u in reaction '%s' cites no source"),
                                   frame->line, frame->item_id != NULL ? frame->item_id : "");

      warning = dossier_problem_new (frame->line, frame->column, message);
      warning->section = frame->section;
      warning->item_id = g_strdup (frame->item_id);
      g_ptr_array_add (state->self->warnings, warning);
    }
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                       */
/* ------------------------------------------------------------------ */

static DossierElement
lookup_element (LoadState     *state,
                const xmlChar *local_name)
{
  /* Names come from the parser's dictionary: the pointer is the name. */
  guint slot = ((guintptr)local_name >> 3) % ELEMENT_CACHE_SIZE;
  DossierElement element;

  for (guint i = 0; i < ELEMENT_CACHE_SIZE; i++)
    {
      CachedElement *cached = &state->element_cache[(slot + i) % ELEMENT_CACHE_SIZE];

      if (cached->name == local_name)
        return cached->element;

      if (cached->name == NULL)
        {
          element = dossier_checker_lookup_element ((const char *)local_name);
          cached->name = local_name;
          cached->element = element;
          return element;
        }
    }

  /* A full cache (a file of many unknown names) asks every time. */
  return dossier_checker_lookup_element ((const char *)local_name);
}

static const DossierAttrRule *
find_attr (LoadState     *state,
           Frame         *frame,
           const xmlChar *local_name)
{
  const xmlChar **names = state->attr_names[frame->element];
  const DossierElementRule *rule = frame->rule;
  const DossierAttrRule *attr;

  for (guint i = 0; i < rule->n_attrs; i++)
    if (names[i] == local_name)
      return &rule->attrs[i];

  attr = dossier_checker_find_attr (rule, (const char *)local_name);
  if (attr != NULL)
    names[attr - rule->attrs] = local_name;
  return attr;
}

static char *
qualified_name (const xmlChar *prefix,
                const xmlChar *local_name)
{
  if (prefix != NULL)
    return g_strdup_printf ("%s:%s", (const char *)prefix, (const char *)local_name);
  return g_strdup ((const char *)local_name);
}

static void
handle_root (LoadState      *state,
             const xmlChar  *local_name,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_attributes,
             const xmlChar **attributes,
             guint           line,
             guint           column)
{
  g_autofree char *name = qualified_name (prefix, local_name);
  const char *format = NULL;
  g_autofree char *format_value = NULL;

  state->root_seen = TRUE;

  if (strcmp ((const char *)local_name, "case") != 0)
    {
      add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                   _("not a Dossier case file: the root element is <%s>, expected <case> in the namespace %s"),
                   name, DOSSIER_CASE_NAMESPACE);
      stop_parsing (state);
      return;
    }

  if (uri == NULL)
    {
      add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                   _("not a Dossier case file: the root element <%s> has no namespace, expected <case> in the namespace %s"),
                   name, DOSSIER_CASE_NAMESPACE);
      stop_parsing (state);
      return;
    }

  if (strcmp ((const char *)uri, DOSSIER_CASE_NAMESPACE) != 0)
    {
      add_problem (state, DOSSIER_CASE_ERROR_NOT_A_CASE, line, column,
                   _("not a Dossier case file: the root element is <%s> in the namespace %s, expected <case> in the namespace %s"),
                   name, (const char *)uri, DOSSIER_CASE_NAMESPACE);
      stop_parsing (state);
      return;
    }

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + i * 5;

      if (attribute[2] == NULL && strcmp ((const char *)attribute[0], "format") == 0)
        {
          format_value = attribute_value (attribute[3], attribute[4]);
          format = format_value;
        }
    }

  if (format != NULL && strcmp (format, "1") != 0)
    {
      gboolean number = format[0] != '\0' && strlen (format) < 10;

      for (const char *p = format; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          number = FALSE;

      if (number && g_ascii_strtoull (format, NULL, 10) > 1)
        add_problem (state, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT, line, column,
                     _("format %s is newer than this Dossier supports (1)"),
                     format);
      else
        add_problem (state, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT, line, column,
                     _("format '%s' is not a format this Dossier knows; it reads format 1"),
                     format);
      stop_parsing (state);
    }
}

/* Checks the attributes of @frame's element against its rule; fills
 * @values (borrowed from state->attributes until the next element) in
 * the rule's order. */
static void
read_attributes (LoadState      *state,
                 Frame          *frame,
                 int             n_namespaces,
                 int             n_attributes,
                 const xmlChar **attributes,
                 const char    **values)
{
  const DossierElementRule *rule = frame->rule;
  const char *name = rule->name;
  gssize offsets[DOSSIER_MAX_ATTR_RULES];

  g_assert (rule->n_attrs <= DOSSIER_MAX_ATTR_RULES);
  for (guint i = 0; i < DOSSIER_MAX_ATTR_RULES; i++)
    offsets[i] = -1;
  state->attributes_len = 0;

  if (n_attributes + n_namespaces > DOSSIER_LOADER_MAX_ATTRIBUTES)
    add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                 _("the element <%s> has more than %d attributes"),
                 name, DOSSIER_LOADER_MAX_ATTRIBUTES);

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + i * 5;
      const char *local_name = (const char *)attribute[0];
      const char *uri = (const char *)attribute[2];
      gsize length = attribute[4] - attribute[3];
      const DossierAttrRule *attr;
      guint index;

      if (uri != NULL)
        {
          g_autofree char *qname = qualified_name (attribute[1], attribute[0]);

          if (strcmp (uri, DOSSIER_XML_NAMESPACE) == 0)
            {
              if (frame->element == DOSSIER_ELEMENT_CASE && strcmp (local_name, "lang") == 0)
                {
                  g_autofree char *lang = attribute_value (attribute[3], attribute[4]);

                  if (!language_is_valid (lang))
                    add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                                 _("the language '%s' in xml:lang is not a language tag like en or pt-BR"),
                                 lang);
                  else
                    state->self->language = dossier_arena_strdup (state->arena, lang);
                }
              else
                add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                             _("the attribute %s is not allowed on <%s>"), qname, name);
            }
          else if (strcmp (uri, DOSSIER_CASE_NAMESPACE) == 0)
            add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                         _("unknown attribute '%s' on <%s>"), qname, name);
          /* Any other namespace: room for other tools' data, ignored. */
          continue;
        }

      attr = find_attr (state, frame, attribute[0]);
      if (attr == NULL)
        {
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                       _("unknown attribute '%s' on <%s>"), local_name, name);
          continue;
        }

      if (length > DOSSIER_LOADER_MAX_TEXT)
        {
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                       _("the attribute %s of <%s> on line %u is longer than the 1 MiB limit"),
                       local_name, name, frame->line);
          continue;
        }

      index = attr - rule->attrs;
      offsets[index] = append_attribute_value (state, attribute[3], attribute[4]);

      if (attr->type == DOSSIER_ATTR_ENUM
          && !g_strv_contains (attr->values, state->attributes + offsets[index]))
        {
          g_autofree char *allowed = dossier_checker_join_values (attr->values);

          add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                       _("the attribute %s of <%s> is '%s'; it must be %s"),
                       local_name, name, state->attributes + offsets[index], allowed);
          offsets[index] = -1;
        }
    }

  /* The buffer does not move any more: offsets become pointers. */
  for (guint i = 0; i < rule->n_attrs; i++)
    values[i] = offsets[i] >= 0 ? state->attributes + offsets[i] : NULL;

  for (guint i = 0; i < rule->n_attrs; i++)
    {
      if (rule->attrs[i].required && values[i] == NULL)
        {
          /* A present but wrong enumeration was reported already. */
          gboolean present = FALSE;

          for (int j = 0; j < n_attributes; j++)
            if (attributes[j * 5 + 2] == NULL
                && strcmp ((const char *)attributes[j * 5], rule->attrs[i].name) == 0)
              present = TRUE;

          if (!present)
            add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                         _("<%s> has no %s attribute"), name, rule->attrs[i].name);
        }
    }
}

static void
skip_subtree (LoadState *state)
{
  state->skip_depth = 1;
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  LoadState *state = user_data;
  const DossierElementRule *rule;
  DossierElement element;
  Frame *parent;
  Frame frame = { 0 };
  const char *values[DOSSIER_MAX_ATTR_RULES] = { NULL };
  guint line, column;

  if (state->stopped)
    return;

  /* libxml2's own depth limit does not apply to the push parser. */
  if (++state->depth > DOSSIER_LOADER_MAX_DEPTH)
    {
      element_position (state, &line, &column);
      add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, line, column,
                   _("elements are nested more than %d deep"), DOSSIER_LOADER_MAX_DEPTH);
      stop_parsing (state);
      return;
    }

  if (state->skip_depth > 0)
    {
      state->skip_depth++;
      return;
    }

  element_position (state, &line, &column);

  if (!state->root_seen)
    {
      handle_root (state, local_name, prefix, uri, n_attributes, attributes, line, column);
      if (state->stopped)
        return;
      element = DOSSIER_ELEMENT_CASE;
      parent = NULL;
    }
  else
    {
      const char *parent_name;
      g_autofree char *name = NULL;

      parent = top_frame (state);
      parent_name = parent->rule->name;

      /* Namespace names are interned too: one comparison of strings. */
      if (uri != NULL && uri != state->case_namespace
          && strcmp ((const char *)uri, DOSSIER_CASE_NAMESPACE) == 0)
        state->case_namespace = uri;

      if (uri == NULL || uri != state->case_namespace)
        {
          name = qualified_name (prefix, local_name);

          if (uri == NULL)
            add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                         _("unknown element <%s> in <%s>: it has no namespace"), name, parent_name);
          else if (parent->rule->content == DOSSIER_CONTENT_PLAIN
                   || parent->rule->content == DOSSIER_CONTENT_DATE)
            add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                         _("the element <%s> is not allowed in <%s>, which holds only text"),
                         name, parent_name);
          /* Elements of other namespaces are skipped with everything in
           * them: room for other tools' data. */
          skip_subtree (state);
          return;
        }

      element = lookup_element (state, local_name);
      if (element == DOSSIER_ELEMENT_UNKNOWN)
        {
          name = qualified_name (prefix, local_name);
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                       _("unknown element <%s> in <%s>"), name, parent_name);
          skip_subtree (state);
          return;
        }

      rule = dossier_checker_get_rule (element);

      switch (parent->rule->content)
        {
        case DOSSIER_CONTENT_EMPTY:
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                       _("<%s> is not allowed in <%s>, which must be empty"), rule->name, parent_name);
          skip_subtree (state);
          return;

        case DOSSIER_CONTENT_PLAIN:
        case DOSSIER_CONTENT_DATE:
          add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                       _("the element <%s> is not allowed in <%s>, which holds only text"),
                       rule->name, parent_name);
          skip_subtree (state);
          return;

        case DOSSIER_CONTENT_INLINE:
          if (!rule->is_inline)
            {
              add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                           _("<%s> is not allowed in <%s>"), rule->name, parent_name);
              skip_subtree (state);
              return;
            }
          if (parent->inline_depth + 1 > DOSSIER_LOADER_MAX_INLINE_DEPTH)
            {
              add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                           _("inline elements are nested more than %d deep"),
                           DOSSIER_LOADER_MAX_INLINE_DEPTH);
              skip_subtree (state);
              return;
            }
          break;

        case DOSSIER_CONTENT_ELEMENTS:
        default:
          {
            DossierElement after = DOSSIER_ELEMENT_UNKNOWN;

            switch (dossier_checker_accept_child (parent->rule, &parent->sequence, element, &after))
              {
              case DOSSIER_CHILD_OK:
                break;
              case DOSSIER_CHILD_TOO_MANY:
                add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                             _("<%s> may hold only one <%s>"), parent_name, rule->name);
                skip_subtree (state);
                return;
              case DOSSIER_CHILD_OUT_OF_ORDER:
                add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                             _("<%s> is out of order in <%s>: it must come before <%s>"),
                             rule->name, parent_name, element_name (after));
                skip_subtree (state);
                return;
              case DOSSIER_CHILD_NOT_ALLOWED:
              default:
                add_problem (state, DOSSIER_CASE_ERROR_INVALID, line, column,
                             _("<%s> is not allowed in <%s>"), rule->name, parent_name);
                skip_subtree (state);
                return;
              }
          }
          break;
        }
    }

  frame.element = element;
  frame.rule = dossier_checker_get_rule (element);
  frame.line = line;
  frame.column = column;
  frame.item_index = -1;
  if (parent != NULL)
    {
      frame.section = parent->section;
      frame.item_id = parent->item_id;
      frame.item_index = parent->item_index;
      frame.inline_depth = parent->inline_depth + (frame.rule->is_inline ? 1 : 0);
    }

  if (G_UNLIKELY (state->n_frames == state->frames_alloc))
    {
      state->frames_alloc *= 2;
      state->frames = g_renew (Frame, state->frames, state->frames_alloc);
    }
  state->frames[state->n_frames++] = frame;
  /* The frames may have moved. */
  parent = parent_frame (state);

  read_attributes (state, top_frame (state), n_namespaces, n_attributes, attributes, values);

  /* Inline elements start in the text of their parent. */
  if (frame.rule->is_inline)
    text_before_child (state, parent->node);

  begin_element (state, top_frame (state), parent_frame (state), values);
}

static void
on_end_element (void          *user_data,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  LoadState *state = user_data;
  Frame *frame;

  if (state->stopped)
    return;

  state->depth--;

  if (state->skip_depth > 0)
    {
      state->skip_depth--;
      return;
    }

  if (state->n_frames == 0)
    return;

  frame = top_frame (state);
  end_element (state, frame, parent_frame (state));
  state->n_frames--;

  if (state->n_frames == 0)
    state->root_closed = TRUE;
}

static void
on_characters (void          *user_data,
               const xmlChar *chars,
               int            length)
{
  LoadState *state = user_data;
  Frame *frame;

  if (state->stopped || state->skip_depth > 0 || state->n_frames == 0 || length <= 0)
    return;

  frame = top_frame (state);

  switch (frame->rule->content)
    {
    case DOSSIER_CONTENT_INLINE:
      text_append_inline (state, (const char *)chars, length);
      break;

    case DOSSIER_CONTENT_PLAIN:
    case DOSSIER_CONTENT_DATE:
      if (text_accept_bytes (state, length))
        {
          text_reserve (state, length);
          memcpy (state->text + state->text_len, chars, length);
          state->text_len += length;
        }
      break;

    case DOSSIER_CONTENT_EMPTY:
    case DOSSIER_CONTENT_ELEMENTS:
    default:
      if (!frame->text_reported)
        {
          for (int i = 0; i < length; i++)
            {
              if (!is_xml_space (chars[i]))
                {
                  frame->text_reported = TRUE;
                  add_problem (state, DOSSIER_CASE_ERROR_INVALID, frame->line, frame->column,
                               _("text is not allowed directly in <%s>"),
                               element_name (frame->element));
                  break;
                }
            }
        }
      break;
    }
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  LoadState *state = user_data;
  xmlParserInputPtr input = state->ctxt->input;

  add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
               input != NULL ? input->line : 0, 0,
               _("DTD not allowed: a case file may not hold a <!DOCTYPE>"));
  stop_parsing (state);
}

static void
on_external_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  on_internal_subset (user_data, name, external_id, system_id);
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  return NULL;
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  on_internal_subset (user_data, name, public_id, system_id);
}

/* libxml2's messages, in plain words. */
static char *
translate_xml_error (LoadState  *state,
                     xmlErrorPtr error)
{
  const char *message = error->message != NULL ? error->message : "";
  const char *str1 = error->str1 != NULL ? error->str1 : "";
  const char *str2 = error->str2 != NULL ? error->str2 : "";

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_END:
      if (!state->root_seen)
        return g_strdup (_("the file holds no XML element"));
      if (!state->root_closed)
        {
          if (state->n_frames > 0 && state->skip_depth == 0)
            {
              Frame *frame = top_frame (state);

              return g_strdup_printf (_("the file ends too early: the tag <%s> opened on line %u is never closed"),
                                      element_name (frame->element), frame->line);
            }
          if (state->ctxt != NULL && state->ctxt->name != NULL)
            return g_strdup_printf (_("the file ends too early: the tag <%s> is never closed"),
                                    (const char *)state->ctxt->name);
          return g_strdup (_("the file ends too early"));
        }
      return g_strdup (_("the file is not well-formed XML: there is more after the end of the root element"));

    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file is not XML: it does not start with an element"));

    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup_printf (_("the file ends too early: the tag <%s> opened on line %d is never closed"),
                              str1, error->int1);

    case XML_ERR_TAG_NAME_MISMATCH:
      return g_strdup_printf (_("the file is not well-formed XML: the tag <%s> opened on line %d is never closed (found </%s>)"),
                              str1, error->int1, str2);

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("the entity &%s; is not defined: a case file may only use &amp;, &lt;, &gt;, &quot; and &apos;"),
                              str1);

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
      if (g_str_has_prefix (message, "Input is not proper UTF-8"))
        return g_strdup (_("invalid UTF-8"));
      if (g_str_has_prefix (message, "xmlParseCharRef"))
        return g_strdup_printf (_("the character reference &#%d; names a character XML does not allow"),
                                error->int1);
      return g_strdup_printf (_("the character U+%04X is not allowed in XML"), (guint)error->int1);

    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("the file is not well-formed XML: the attribute %s appears twice"), str1);

    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return g_strdup_printf (_("the namespace prefix '%s' is not declared"), str1);

    case XML_ERR_INTERNAL_ERROR:
      if (strstr (message, "Excessive depth") != NULL)
        return g_strdup_printf (_("elements are nested more than %d deep"), DOSSIER_LOADER_MAX_DEPTH);
      break;

    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("the file is not well-formed XML: the start tag <%s> is not closed"), str1);

    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("the file is not well-formed XML: an attribute value holds '<' (write &lt;)"));

    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
      if (strstr (message, "EntityRef") != NULL || strstr (message, "xmlParseEntityRef") != NULL)
        return g_strdup (_("the file is not well-formed XML: a '&' must start a reference such as &amp;"));
      break;

    case XML_WAR_UNKNOWN_VERSION:
      return g_strdup (_("the file declares an XML version other than 1.0"));

    default:
      break;
    }

  {
    /* libxml2 quotes the file in some messages, cutting characters in
     * the middle. */
    g_autofree char *plain = g_strchomp (g_utf8_make_valid (message, -1));

    return g_strdup_printf (_("the file is not well-formed XML: %s"), plain);
  }
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  LoadState *state = user_data;
  g_autofree char *message = NULL;

  /* After the first error, libxml2 goes on only to report consequences
   * of it. */
  if (state->xml_error || error == NULL || error->code == XML_ERR_USER_STOP)
    return;

  /* A stop of our own (a DTD, a wrong root) says everything already. */
  if (state->stopped)
    return;

  /* Warnings are not errors (a relative namespace URI, an odd xml:space
   * value), except these two. */
  if (error->level == XML_ERR_WARNING
      && error->code != XML_WAR_UNKNOWN_VERSION
      && error->code != XML_WAR_UNDECLARED_ENTITY)
    return;

  state->xml_error = TRUE;
  message = translate_xml_error (state, error);
  add_problem (state, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
               error->line > 0 ? error->line : 0,
               error->int2 > 0 ? error->int2 : 0,
               "%s", message);
  stop_parsing (state);
}

/* ------------------------------------------------------------------ */
/* Once per process                                                    */
/* ------------------------------------------------------------------ */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing is ever fetched or read on behalf of a case file. */
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);
  xmlCatalogSetDefaults (XML_CATA_ALLOW_NONE);
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

/* ------------------------------------------------------------------ */
/* Reading the bytes                                                   */
/* ------------------------------------------------------------------ */

void
dossier_loader_set_max_file_size_for_testing (gsize max_size)
{
  max_file_size = max_size != 0 ? max_size : DOSSIER_CASE_MAX_FILE_SIZE;
}

gsize
dossier_loader_get_max_file_size (void)
{
  return max_file_size;
}

/* The number is formatted outside _(): xgettext cannot see through the
 * G_GSIZE_FORMAT macro, so "%" G_GSIZE_FORMAT " MiB" never reached the
 * translators. */
static char *
format_limit (gsize size)
{
  g_autofree char *number = NULL;

  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0)
    {
      number = g_strdup_printf ("%" G_GSIZE_FORMAT, size / (1024 * 1024));
      /* Translators: a size limit, e.g. "512 MiB". */
      return g_strdup_printf (_("%s MiB"), number);
    }

  number = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
  /* Translators: a size limit in bytes, e.g. "1048576 bytes". */
  return g_strdup_printf (_("%s bytes"), number);
}

static void
add_too_large (DossierLoadProblems *problems)
{
  g_autofree char *limit = format_limit (max_file_size);

  dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                             _("the file is larger than the %s limit"), limit);
}

static void
add_not_regular (DossierLoadProblems *problems,
                 GFileType            type)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("this is a folder, not a case file"));
  else if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("the symbolic link leads nowhere"));
  else
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("this is not a regular file (it is a device, a pipe or a socket)"));
}

static void
add_io_error (DossierLoadProblems *problems,
              const GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                               _("the file does not exist"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                               _("permission to read the file was denied"));
  else
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               _("the file cannot be read: %s"), error->message);
}

/* Reads a local file with plain system calls: opening with O_NONBLOCK
 * never hangs on a FIFO that appeared after the check, and fstat() on the
 * open descriptor is what counts. */
static GBytes *
read_local_file (const char          *path,
                 GCancellable        *cancellable,
                 DossierLoadProblems *problems)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize capacity;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved),
                                                     g_strerror (saved));

      if (saved == ENXIO)
        add_not_regular (problems, G_FILE_TYPE_SPECIAL);
      else
        add_io_error (problems, error);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                                 _("the file cannot be read: %s"), g_strerror (saved));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      add_not_regular (problems, S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL);
      close (fd);
      return NULL;
    }

  if ((guint64)st.st_size > max_file_size)
    {
      add_too_large (problems);
      close (fd);
      return NULL;
    }

  /* The size is a hint: the file may grow or shrink while read. */
  capacity = (gsize)st.st_size + 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > max_file_size)
            break;
          capacity = MIN (capacity * 2, max_file_size + 1);
          buffer = g_realloc (buffer, capacity);
        }

      if (g_cancellable_is_cancelled (cancellable))
        {
          close (fd);
          return NULL;
        }

      n = read (fd, buffer + length, MIN (capacity - length, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                                     _("the file cannot be read: %s"), g_strerror (saved));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  close (fd);

  if (length > max_file_size)
    {
      add_too_large (problems);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* Other GIO files (through GVfs): the same bounds through a stream. */
static GBytes *
read_stream (GFile               *file,
             GCancellable        *cancellable,
             DossierLoadProblems *problems)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guchar chunk[64 * 1024];

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_io_error (problems, error);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                                      MIN (sizeof chunk, max_file_size + 1 - buffer->len),
                                      cancellable, &error);
      if (n < 0)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            add_io_error (problems, error);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > max_file_size)
        {
          add_too_large (problems);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GBytes *
read_file (GFile               *file,
           GCancellable        *cancellable,
           DossierLoadProblems *problems)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  GFileType type;

  /* Following symbolic links: what counts is what the link leads to (a
   * link to /dev/zero is a device). */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_io_error (problems, error);
      return NULL;
    }

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR)
    {
      add_not_regular (problems, type);
      return NULL;
    }

  if ((guint64)g_file_info_get_size (info) > max_file_size)
    {
      add_too_large (problems);
      return NULL;
    }

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local_file (path, cancellable, problems);

  return read_stream (file, cancellable, problems);
}

/* ------------------------------------------------------------------ */
/* Checking the bytes before parsing                                   */
/* ------------------------------------------------------------------ */

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
} Encoding;

static void
add_at_offset (DossierLoadProblems *problems,
               const char          *data,
               gsize                offset,
               DossierCaseError     code,
               const char          *message)
{
  guint line, column;

  offset_to_position (data, offset, &line, &column);
  dossier_load_problems_add (problems, code, line, column, "%s", message);
}

/* UTF-16 with a byte-order mark, to UTF-8. */
static char *
utf16_to_utf8 (const guchar        *data,
               gsize                length,
               gboolean             big_endian,
               gsize               *out_length,
               DossierLoadProblems *problems)
{
  GString *out = g_string_sized_new (length + length / 2);
  gsize i = 0;

  while (i + 1 < length)
    {
      gunichar unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
      gunichar c = unit;

      i += 2;
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          gunichar low;

          if (i + 1 >= length)
            goto bad;
          low = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
          if (low < 0xdc00 || low > 0xdfff)
            goto bad;
          i += 2;
          c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        goto bad;

      if (c == 0)
        {
          add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                         _("the file contains a NUL character"));
          g_string_free (out, TRUE);
          return NULL;
        }

      g_string_append_unichar (out, c);
    }

  if (length % 2 != 0)
    {
      add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                     _("invalid UTF-16: the file ends in the middle of a character"));
      g_string_free (out, TRUE);
      return NULL;
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);

bad:
  add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                 _("invalid UTF-16: a surrogate without its pair"));
  g_string_free (out, TRUE);
  return NULL;
}

/* The value of encoding="..." in the XML declaration, or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       length,
                   gsize      *offset)
{
  gsize limit = MIN (length, 512);
  const char *end;
  const char *p;
  char quote;
  const char *value;

  if (length < 6 || memcmp (data, "<?xml", 5) != 0 || !is_xml_space (data[5]))
    return NULL;

  end = g_strstr_len (data, limit, "?>");
  if (end == NULL)
    return NULL;

  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && is_xml_space (*p))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && is_xml_space (*p))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  value = p;
  while (p < end && *p != quote)
    p++;
  if (p >= end)
    return NULL;

  *offset = value - data;
  return g_strndup (value, p - value);
}

static gboolean
is_utf8_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0;
}

static gboolean
is_utf16_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-16") == 0 || g_ascii_strcasecmp (name, "UTF16") == 0
         || g_ascii_strcasecmp (name, "UTF-16LE") == 0 || g_ascii_strcasecmp (name, "UTF-16BE") == 0;
}

/* Like g_strstr_len(), but not stopped by a NUL byte (the bytes may not
 * have been checked yet). */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);
  const char *end = haystack + length;
  const char *p = haystack;

  while (end - p >= (gssize)needle_length
         && (p = memchr (p, needle[0], end - p - needle_length + 1)) != NULL)
    {
      if (memcmp (p, needle, needle_length) == 0)
        return p;
      p++;
    }

  return NULL;
}

/* What ends the name of a tag, and what matters after it. */
static const guchar name_stops[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['>'] = 1, ['/'] = 1, ['<'] = 1,
};
static const guchar tag_stops[256] = {
  ['>'] = 1, ['<'] = 1, ['"'] = 1, ['\''] = 1, ['='] = 1,
};

/* A start tag with more than the allowed number of attributes takes
 * libxml2 2.9.14 minutes (quadratic); find it first, in one pass over the
 * bytes. A DOCTYPE is refused here too, before libxml2 sees it. */
static gboolean
prescan (const char          *data,
         gsize                length,
         DossierLoadProblems *problems)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *q;
      const char *name;
      guint n_attributes = 0;

      if (end - p < 2)
        break;

      if (p[1] == '!')
        {
          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              q = find_bytes (p + 4, end - p - 4, "-->");
              if (q == NULL)
                break;
              p = q + 3;
            }
          else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
            {
              q = find_bytes (p + 9, end - p - 9, "]]>");
              if (q == NULL)
                break;
              p = q + 3;
            }
          else if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
            {
              add_at_offset (problems, data, p - data, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                             _("DTD not allowed: a case file may not hold a <!DOCTYPE>"));
              return FALSE;
            }
          else
            p += 2;
          continue;
        }

      if (p[1] == '?')
        {
          q = find_bytes (p + 2, end - p - 2, "?>");
          if (q == NULL)
            break;
          p = q + 2;
          continue;
        }

      if (p[1] == '/')
        {
          q = memchr (p, '>', end - p);
          if (q == NULL)
            break;
          p = q + 1;
          continue;
        }

      name = p + 1;
      for (q = name; q < end && !name_stops[(guchar)*q]; q++)
        ;

      while (q < end)
        {
          while (q < end && !tag_stops[(guchar)*q])
            q++;
          if (q == end || *q == '>' || *q == '<')
            break;

          if (*q == '"' || *q == '\'')
            {
              const char *close = memchr (q + 1, *q, end - q - 1);

              if (close == NULL)
                return TRUE;
              q = close + 1;
              continue;
            }

          if (*q == '=' && ++n_attributes > DOSSIER_LOADER_MAX_ATTRIBUTES)
            {
              g_autofree char *element = NULL;
              const char *name_end = name;
              guint line, column;

              while (name_end < end && name_end - name < 64 && !is_xml_space (*name_end)
                     && *name_end != '>' && *name_end != '/')
                name_end++;
              element = g_utf8_make_valid (name, name_end - name);
              offset_to_position (data, p - data, &line, &column);
              dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, line, column,
                                         _("the element <%s> has more than %d attributes"),
                                         element, DOSSIER_LOADER_MAX_ATTRIBUTES);
              return FALSE;
            }
          q++;
        }

      p = q;
    }

  return TRUE;
}

/* Decides the encoding, converts to UTF-8 when needed and checks every
 * byte. Returns the UTF-8 text to parse (owned by @holder), or NULL. */
static void
add_invalid_utf8 (DossierLoadProblems *problems,
                  const char          *text,
                  const char          *invalid)
{
  if (*invalid == '\0')
    add_at_offset (problems, text, invalid - text, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                   _("the file contains a NUL byte"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("invalid UTF-8 (the byte 0x%02X)"),
                                                  (guint)(guchar)*invalid);

      add_at_offset (problems, text, invalid - text, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, message);
    }
}

/* @utf8_checked: the UTF-8 of a file without a UTF-16 byte-order mark is
 * checked elsewhere (beside the parse, for big files). */
static const char *
check_bytes (const char          *data,
             gsize                length,
             gboolean             utf8_checked,
             char               **holder,
             gsize               *out_length,
             DossierLoadProblems *problems)
{
  const guchar *u = (const guchar *)data;
  Encoding encoding = ENCODING_UTF8;
  const char *text = data;
  gsize text_length = length;
  g_autofree char *declared = NULL;
  const char *invalid;
  gsize offset = 0;

  if (length == 0)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s", _("the file is empty"));
      return NULL;
    }

  if (length >= 2 && u[0] == 0x1f && u[1] == 0x8b)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                                 _("the file is compressed with gzip; a case file is plain XML"));
      return NULL;
    }

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                                 _("the file is a ZIP archive; a case file is plain XML"));
      return NULL;
    }

  if (length >= 4 && ((u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0)
                      || (u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff)))
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 1, 1, "%s",
                                 _("the file is in UTF-32, which case files may not use; save it as UTF-8"));
      return NULL;
    }

  if (length >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      text += 3;
      text_length -= 3;
    }
  else if (length >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    {
      gboolean big_endian = u[0] == 0xfe;

      encoding = big_endian ? ENCODING_UTF16BE : ENCODING_UTF16LE;
      *holder = utf16_to_utf8 (u + 2, length - 2, big_endian, &text_length, problems);
      if (*holder == NULL)
        return NULL;
      text = *holder;
    }
  else if (length >= 4 && ((u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<')))
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 1, 1, "%s",
                                 _("the file looks like UTF-16 without a byte-order mark; save it as UTF-8"));
      return NULL;
    }

  if ((encoding != ENCODING_UTF8 || !utf8_checked)
      && !g_utf8_validate_len (text, text_length, &invalid))
    {
      add_invalid_utf8 (problems, text, invalid);
      return NULL;
    }

  declared = declared_encoding (text, text_length, &offset);
  if (declared != NULL)
    {
      g_autofree char *message = NULL;

      if (encoding == ENCODING_UTF8 && is_utf16_name (declared))
        message = g_strdup_printf (_("the file says it is in %s, but it is not (it has no UTF-16 byte-order mark)"),
                                   declared);
      else if (encoding != ENCODING_UTF8 && !is_utf16_name (declared))
        message = g_strdup_printf (_("the file says it is in %s, but it starts with a UTF-16 byte-order mark"),
                                   declared);
      else if (encoding == ENCODING_UTF8 && !is_utf8_name (declared))
        message = g_strdup_printf (_("the encoding %s is not supported: a case file is UTF-8 (or UTF-16 with a byte-order mark)"),
                                   declared);

      if (message != NULL)
        {
          add_at_offset (problems, text, offset, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, message);
          return NULL;
        }
    }

  if (!prescan (text, text_length, problems))
    return NULL;

  *out_length = text_length;
  return text;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

static void
init_sax (xmlSAXHandler *sax,
          gboolean       build)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->internalSubset = on_internal_subset;
  sax->externalSubset = on_external_subset;
  sax->getEntity = on_get_entity;
  sax->getParameterEntity = on_get_entity;
  sax->entityDecl = on_entity_decl;
  sax->serror = on_structured_error;
  if (build)
    {
      sax->startElementNs = on_start_element;
      sax->endElementNs = on_end_element;
      sax->characters = on_characters;
      sax->cdataBlock = on_characters;
      sax->ignorableWhitespace = on_characters;
    }
}

static xmlParserCtxtPtr
new_parser (xmlSAXHandler *sax,
            LoadState     *state)
{
  xmlParserCtxtPtr ctxt;

  ctxt = xmlCreatePushParserCtxt (sax, state, NULL, 0, NULL);
  if (ctxt == NULL)
    return NULL;

  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER.
   * The bytes are UTF-8 by now: the declaration's encoding was checked
   * and is not to be acted on. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_NOXINCNODE);
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  return ctxt;
}

/* Feeds @text to the parser chunk by chunk; FALSE when cancelled. */
static gboolean
run_parser (LoadState               *state,
            const char              *text,
            gsize                    length,
            GCancellable            *cancellable,
            DossierLoadProgressFunc  progress,
            gpointer                 progress_data)
{
  gsize offset = 0;

  while (offset < length && !state->stopped)
    {
      gsize n = MIN (length - offset, PARSE_CHUNK);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      xmlParseChunk (state->ctxt, text + offset, n, 0);
      offset += n;

      if (progress != NULL)
        progress (0.05 + 0.9 * ((double)offset / length), progress_data);
    }

  if (!state->stopped)
    xmlParseChunk (state->ctxt, NULL, 0, 1);

  return TRUE;
}

gboolean
dossier_loader_sax_only_pass (const char *data,
                              gsize       length)
{
  xmlSAXHandler sax;
  LoadState state = { 0 };
  DossierLoadProblems problems;
  gboolean ok;

  ensure_libxml ();
  dossier_load_problems_init (&problems);
  state.problems = &problems;
  init_sax (&sax, FALSE);
  state.ctxt = new_parser (&sax, &state);
  if (state.ctxt == NULL)
    return FALSE;

  run_parser (&state, data, length, NULL, NULL, NULL);
  ok = problems.n_total == 0 && state.ctxt->wellFormed;
  xmlFreeParserCtxt (state.ctxt);
  dossier_load_problems_clear (&problems);
  return ok;
}

void
dossier_loader_get_last_timings (DossierLoadTimings *timings)
{
  g_return_if_fail (timings != NULL);

  *timings = last_timings;
}

/* The checksum of a big file is computed beside the parse, on another
 * core: it costs about as much as the parse itself. */
#define THREADED_CHECKSUM_MIN (1024 * 1024)

typedef struct
{
  const guchar *data;
  gsize         length;
  char         *sha256;
  gboolean      check_utf8;
  const char   *invalid;      /* the first byte that is not UTF-8, or NULL */
  gboolean      applied;
} ChecksumJob;

static gpointer
checksum_thread (gpointer user_data)
{
  ChecksumJob *job = user_data;
  const char *text = (const char *)job->data;
  gsize length = job->length;
  const char *invalid = NULL;

  if (job->check_utf8)
    {
      if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
        {
          text += 3;
          length -= 3;
        }
      if (!g_utf8_validate_len (text, length, &invalid))
        job->invalid = invalid;
    }

  job->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, job->data, job->length);
  return NULL;
}

/* Waits for the thread; a file that is not UTF-8 is refused for that
 * alone, whatever the parser made of it (as when checked first). */
static void
finish_checksum (ChecksumJob         *job,
                 GThread            **thread,
                 DossierLoadProblems *problems)
{
  const char *text = (const char *)job->data;

  if (*thread != NULL)
    g_thread_join (g_steal_pointer (thread));

  if (job->applied || job->invalid == NULL)
    return;

  job->applied = TRUE;
  if (job->length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3;
  dossier_load_problems_clear (problems);
  dossier_load_problems_init (problems);
  add_invalid_utf8 (problems, text, job->invalid);
}

static char *
default_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_parse_name (file);
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
  g_autoptr(DossierCase) self = NULL;
  g_autofree char *name = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *image_warning = NULL;
  DossierLoadProblems problems;
  xmlSAXHandler sax;
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  LoadState state = { 0 };
  const char *data;
  const char *text;
  gsize length;
  gsize text_length = 0;
  gint64 t0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
  gboolean completed;
  ChecksumJob job = { NULL, 0, NULL };
  GThread *checksum = NULL;

  g_return_val_if_fail (file != NULL || bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_libxml ();
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

  if (bytes == NULL)
    {
      bytes = owned_bytes = read_file (file, cancellable, &problems);
      if (bytes == NULL)
        goto refused;
    }
  else if (g_bytes_get_size (bytes) > max_file_size)
    {
      add_too_large (&problems);
      goto refused;
    }

  t1 = g_get_monotonic_time ();
  last_timings.read = t1 - t0;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  job.data = (const guchar *)data;
  job.length = length;
  /* A UTF-16 file is converted, and checked on the way. */
  job.check_utf8 = !(length >= 2 && (((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe)
                                     || ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff)));
  if (length >= THREADED_CHECKSUM_MIN)
    checksum = g_thread_try_new ("dossier-checksum", checksum_thread, &job, NULL);

  text = check_bytes (data, length, checksum != NULL, &converted, &text_length, &problems);
  if (text == NULL)
    goto refused;

  t2 = g_get_monotonic_time ();
  last_timings.prescan = t2 - t1;

  if (g_cancellable_is_cancelled (cancellable))
    goto cancelled;

  state.arena = dossier_arena_new ();
  state.empty_strv = dossier_arena_alloc (state.arena, sizeof (char *));

  self = dossier_case_new_empty ();
  self->arena = dossier_arena_ref (state.arena);
  g_ptr_array_set_free_func (self->summary, NULL);
  g_ptr_array_set_free_func (self->citations, NULL);
  g_ptr_array_set_free_func (self->mentions, NULL);
  if (file != NULL)
    self->file = g_object_ref (file);
  self->size = length;

  state.problems = &problems;
  state.checker = dossier_checker_new (state.arena);
  state.self = self;
  state.frames_alloc = 32;
  state.frames = g_new (Frame, state.frames_alloc);
  state.text_alloc = 1024;
  state.text = g_malloc (state.text_alloc);
  state.attributes_alloc = 256;
  state.attributes = g_malloc (state.attributes_alloc);
  state.kids_alloc = 64;
  state.kids = g_new (DossierInline *, state.kids_alloc);
  for (guint i = 0; i < N_PENDING; i++)
    state.pending[i] = g_ptr_array_new_with_free_func (g_object_unref);

  init_sax (&sax, TRUE);
  state.ctxt = new_parser (&sax, &state);
  if (state.ctxt == NULL)
    {
      dossier_load_problems_add (&problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                                 _("the XML parser could not be started"));
      goto cleanup;
    }

  /* Errors that libxml2 raises without a parser context (none are
   * expected with UTF-8 input) come here too, never to stderr. */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&state, on_structured_error);

  completed = run_parser (&state, text, text_length, cancellable, progress, progress_data);

  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  flush_pending (&state);

  if (!completed)
    goto cleanup;

  if (!state.root_seen && problems.n_total == 0)
    dossier_load_problems_add (&problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                               _("the file holds no XML element"));
  else if (!state.ctxt->wellFormed && !state.stopped && problems.n_total == 0)
    dossier_load_problems_add (&problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                               _("the file is not well-formed XML"));

  t3 = g_get_monotonic_time ();
  last_timings.parse = t3 - t2;

  /* References are checked only in a whole, well-formed case file:
   * otherwise half of them would dangle for no fault of their own. */
  if (!dossier_load_problems_have (&problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED)
      && !dossier_load_problems_have (&problems, DOSSIER_CASE_ERROR_NOT_A_CASE)
      && !dossier_load_problems_have (&problems, DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT)
      && !dossier_load_problems_have (&problems, DOSSIER_CASE_ERROR_IO))
    {
      dossier_checker_resolve (state.checker, &problems);

      if (problems.n_total == 0)
        {
          dossier_checker_add_warnings (state.checker, self);

          if (self->threat_screen != NULL)
            {
              DossierThreatScreen *screen = self->threat_screen;

              dossier_checker_check_image (screen, base_dir);
              if (screen->image_problem != NULL)
                {
                  DossierProblem *warning;

                  image_warning = g_strdup_printf (_("the threat screen image '%s' cannot be shown: %s"),
                                                   screen->image_src, screen->image_problem);
                  warning = dossier_problem_new (state.image_line, state.image_column, image_warning);
                  warning->section = DOSSIER_SECTION_THREAT;
                  g_ptr_array_add (self->warnings, warning);
                }
            }

          if (self->title != NULL)
            {
              g_autofree char *plain = dossier_inline_to_plain (self->title);
              g_autofree char *clean = dossier_sanitize_display_text (plain);

              /* An empty title is left to the case's fallback (its id). */
              g_strstrip (clean);
              g_clear_pointer (&self->display_title, g_free);
              if (clean[0] != '\0')
                self->display_title = g_steal_pointer (&clean);
            }

          if (checksum != NULL)
            g_thread_join (g_steal_pointer (&checksum));
          else
            {
              job.check_utf8 = FALSE;
              checksum_thread (&job);
            }
          self->sha256 = g_steal_pointer (&job.sha256);
        }
    }

  t4 = g_get_monotonic_time ();
  last_timings.check = t4 - t3;

cleanup:
  finish_checksum (&job, &checksum, &problems);
  g_clear_pointer (&job.sha256, g_free);
  flush_pending (&state);
  if (state.ctxt != NULL)
    xmlFreeParserCtxt (state.ctxt);
  dossier_checker_free (state.checker);
  g_free (state.frames);
  g_free (state.text);
  g_free (state.attributes);
  g_free (state.kids);
  dossier_arena_unref (state.arena);

  if (g_cancellable_is_cancelled (cancellable) && problems.n_total == 0)
    goto cancelled;

  if (problems.n_total > 0)
    goto refused;

  dossier_load_problems_clear (&problems);
  last_timings.total = g_get_monotonic_time () - t0;

  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&self);

cancelled:
  if (checksum != NULL)
    g_thread_join (g_steal_pointer (&checksum));
  g_clear_pointer (&job.sha256, g_free);
  dossier_load_problems_clear (&problems);
  {
    DossierProblem cancelled = { .code = DOSSIER_CASE_ERROR_CANCELLED,
                                 .message = (char *)_("loading was cancelled") };
    g_autofree char *line = dossier_problem_format (&cancelled, name, _("error"));

    g_set_error_literal (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_CANCELLED, line);
  }
  return NULL;

refused:
  finish_checksum (&job, &checksum, &problems);
  g_clear_pointer (&job.sha256, g_free);
  if (problems.n_total == 0 && g_cancellable_is_cancelled (cancellable))
    goto cancelled;
  if (n_problems != NULL)
    *n_problems = problems.n_total;
  dossier_load_problems_to_error (&problems, name, error);
  dossier_load_problems_clear (&problems);
  return NULL;
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
  DossierCase *self;

  self = dossier_case_load_full (data->file, NULL, NULL, NULL, cancellable,
                              data->progress != NULL ? thread_progress_cb : NULL, data,
                              NULL, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
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
