/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The loader's parts, shared by its files inside src/core/load only.
 * They stand in layers, each calling only the layers listed before it
 * (no two files call each other):
 *
 *   position, state      where things are; reporting a problem
 *   text                 an element's text
 *   items                what building every part of the case shares
 *   sections             each element, as it opens and closes
 *   elements             the SAX callbacks: tags and attributes checked
 *   xml-errors, sax      libxml2's errors; the push parser fed in chunks
 *   read, encoding       the bytes: reading, checking, the checksum
 *   loader               the whole load, phase by phase; the public API
 */

#include <gio/gio.h>

#include <libxml/parser.h>

#include "dossier-checker-private.h"
#include "dossier-element-table.h"
#include "dossier-error.h"
#include "dossier-load-problems.h"
#include "dossier-loader.h"
#include "dossier-model-builder.h"

G_BEGIN_DECLS

/* Text of one element, and one attribute value. */
#define DOSSIER_LOADER_MAX_TEXT          (1024u * 1024u)
#define DOSSIER_LOADER_MAX_ATTRIBUTES    32
#define DOSSIER_LOADER_MAX_INLINE_DEPTH  32
/* Elements nested, counting foreign ones (libxml2's limit for its pull
 * parser; its push parser has none). */
#define DOSSIER_LOADER_MAX_DEPTH         256

/* Bytes handed to the push parser at a time: between two chunks the
 * loader checks for cancellation and reports progress. */
#define PARSE_CHUNK    (256 * 1024)

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

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

  /* The prescan of a UTF-8 file (see dossier-load-encoding.c), run by
   * the thread first, ahead of the parser on the main core: the parser
   * is fed only bytes it has passed. */
  gboolean             prescan;
  GMutex               mutex;
  GCond                cond;
  gsize                prescanned;      /* bytes of the text passed */
  gboolean             prescan_done;
  gboolean             prescan_failed;
  DossierLoadProblems  prescan_problems;
} ChecksumJob;

/* How far into the text the parser may go to reach @want: @want, or 0
 * when the prescan beside the parse refused the file. Waits for the
 * prescan to pass @want. */
static inline gsize
dossier_load_wait_prescan (ChecksumJob *job,
                           gsize        want)
{
  gsize ready;

  if (job == NULL || !job->prescan)
    return want;

  g_mutex_lock (&job->mutex);
  while (!job->prescan_done && job->prescanned < want)
    g_cond_wait (&job->cond, &job->mutex);
  ready = job->prescan_failed ? 0 : want;
  g_mutex_unlock (&job->mutex);
  return ready;
}

/* ------------------------------------------------------------------ */
/* The state of one parse                                             */
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
  ChecksumJob         *prescan_job;     /* NULL when the bytes were prescanned first */
  DossierChecker      *checker;
  DossierCase         *dcase;
  DossierArena        *arena;           /* the case's */
  GStrv                empty_strv;      /* in the arena, shared */
  Frame               *frames;          /* the open elements, innermost last */
  guint                n_frames;
  guint                frames_alloc;
  CachedElement        element_cache[ELEMENT_CACHE_SIZE];
  /* Attribute names seen, by element and attribute slot: libxml2
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

static inline const char *
element_name (DossierElement element)
{
  return dossier_element_get_rule (element)->name;
}

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

/* TRUE when a byte of @word is zero (exact, as a whole). */
static inline gboolean
has_zero_byte (guint64 word)
{
  return ((word - ONES) & ~word & HIGHS) != 0;
}

/* Small steps of building, called for almost every element: inline so
 * the loader's split into files costs no calls. */

/* A place in the arena: its item id is the item's own string. */
static inline DossierPlace *
dossier_load_new_place (LoadState *state,
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
static inline char *
dossier_load_add_reference (LoadState      *state,
                            Frame          *frame,
                            DossierRefSite  site,
                            const char     *id,
                            DossierPlace   *place)
{
  return (char *)dossier_checker_add_ref (state->checker, site, id, frame->line, frame->column, place);
}

static inline DossierCertainty
dossier_load_certainty_value (const char *value)
{
  DossierCertainty certainty = DOSSIER_CERTAINTY_NONE;

  if (value != NULL)
    dossier_certainty_from_string (value, &certainty);
  return certainty;
}

static inline void
dossier_load_text_begin (LoadState *state)
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

/* @node ends: it takes the children pushed since @start (none leaves its
 * children NULL). */
static inline void
dossier_load_kids_close (LoadState     *state,
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
static inline DossierInline *
dossier_load_text_flush (LoadState *state)
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

/* dossier-load-position.c */

void
dossier_load_offset_to_position (const char *data,
                                 gsize       offset,
                                 guint      *line,
                                 guint      *column);

void
dossier_load_element_position (LoadState *state,
                               guint     *line,
                               guint     *column);

/* dossier-load-state.c */

void
dossier_load_add_problem (LoadState        *state,
                          DossierCaseError  code,
                          guint             line,
                          guint             column,
                          const char       *format,
                          ...) G_GNUC_PRINTF (5, 6);

void
dossier_load_stop_parsing (LoadState *state);

/* dossier-load-text.c */

char *
dossier_load_collapse_plain (DossierArena *arena,
                             const char   *text,
                             gsize         length);




void
dossier_load_text_before_child (LoadState     *state,
                                DossierInline *node);

void
dossier_load_text_end (LoadState *state,
                       Frame     *frame);

gboolean
dossier_load_text_accept_bytes (LoadState *state,
                                gsize      length);

void
dossier_load_text_append_inline (LoadState  *state,
                                 const char *chars,
                                 gsize       length);

/* dossier-load-items.c */

GStrv
dossier_load_split_words (LoadState *state,
                          char      *text);

void
dossier_load_add_pending (LoadState  *state,
                          guint       list,
                          GListStore *store,
                          gpointer    object);

void
dossier_load_flush_pending (LoadState *state);



char *
dossier_load_entity_reference (LoadState      *state,
                               Frame          *frame,
                               DossierRefSite  site,
                               const char     *id);

void
dossier_load_register_id (LoadState     *state,
                          Frame         *frame,
                          const char    *id,
                          DossierIdKind  kind,
                          GObject       *object);

DossierDate *
dossier_load_parse_date_attribute (LoadState  *state,
                                   Frame      *frame,
                                   const char *name,
                                   const char *value);


void
dossier_load_begin_text_element (LoadState *state,
                                 Frame     *frame,
                                 Frame     *parent);

GPtrArray *
dossier_load_blocks_of (Frame *frame,
                        Frame *parent);

/* dossier-load-sections.c */

void
dossier_load_begin_element (LoadState   *state,
                            Frame       *frame,
                            Frame       *parent,
                            const char **values);

void
dossier_load_end_element (LoadState *state,
                          Frame     *frame,
                          Frame     *parent);

/* dossier-load-elements.c */

void
dossier_load_on_start_element (void           *user_data,
                               const xmlChar  *local_name,
                               const xmlChar  *prefix,
                               const xmlChar  *uri,
                               int             n_namespaces,
                               const xmlChar **namespaces,
                               int             n_attributes,
                               int             n_defaulted,
                               const xmlChar **attributes);

void
dossier_load_on_end_element (void          *user_data,
                             const xmlChar *local_name,
                             const xmlChar *prefix,
                             const xmlChar *uri);

void
dossier_load_on_characters (void          *user_data,
                            const xmlChar *chars,
                            int            length);

/* dossier-load-xml-errors.c */

void
dossier_load_on_structured_error (void        *user_data,
                                  xmlErrorPtr  error);

/* dossier-load-sax.c */

void
dossier_load_ensure_libxml (void);

void
dossier_load_init_sax (xmlSAXHandler *sax,
                       gboolean       build);

xmlParserCtxtPtr
dossier_load_new_parser (xmlSAXHandler *sax,
                         LoadState     *state);

gboolean
dossier_load_run_parser (LoadState               *state,
                         const char              *text,
                         gsize                    length,
                         GCancellable            *cancellable,
                         DossierLoadProgressFunc  progress,
                         gpointer                 progress_data);

/* dossier-load-read.c */

void
dossier_load_add_too_large (DossierLoadProblems *problems);

GBytes *
dossier_load_read_file (GFile               *file,
                        GCancellable        *cancellable,
                        DossierLoadProblems *problems);

/* dossier-load-encoding.c */

const char *
dossier_load_check_bytes (const char          *data,
                          gsize                length,
                          gboolean             utf8_checked,
                          char               **holder,
                          gsize               *out_length,
                          DossierLoadProblems *problems);

gpointer
dossier_load_checksum_thread (gpointer user_data);

gboolean
dossier_load_apply_prescan (ChecksumJob         *job,
                            DossierLoadProblems *problems);

void
dossier_load_finish_checksum (ChecksumJob         *job,
                              GThread            **thread,
                              DossierLoadProblems *problems);


G_END_DECLS
