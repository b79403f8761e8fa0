/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-text-safety.h"

G_BEGIN_DECLS

/**
 * DossierInlineKind:
 * @DOSSIER_INLINE_ROOT: the container of one text element (a title, a
 *   paragraph); only children.
 * @DOSSIER_INLINE_TEXT: a run of character data, white space already
 *   collapsed as the format says; @text holds it.
 * @DOSSIER_INLINE_EM: emphasis; children.
 * @DOSSIER_INLINE_STRONG: strong emphasis; children.
 * @DOSSIER_INLINE_QUOTE: a short quotation (`<q>`); children.
 * @DOSSIER_INLINE_MENTION: a mention of an entity; @ref is the entity id,
 *   children are the shown words.
 * @DOSSIER_INLINE_LINK: an outside link; @ref is the href exactly as
 *   written (check it with dossier_link_is_safe() before opening),
 *   children are the words.
 * @DOSSIER_INLINE_CITE: a citation; @ref is the source id, @at the
 *   optional locator, @number its 1-based number in reading order.
 *
 * One node of the small tree a piece of inline text is kept as. Renderers
 * (the GUI, every exporter, the search index) walk it; nothing re-parses.
 */
typedef enum
{
  DOSSIER_INLINE_ROOT,
  DOSSIER_INLINE_TEXT,
  DOSSIER_INLINE_EM,
  DOSSIER_INLINE_STRONG,
  DOSSIER_INLINE_QUOTE,
  DOSSIER_INLINE_MENTION,
  DOSSIER_INLINE_LINK,
  DOSSIER_INLINE_CITE,
} DossierInlineKind;

typedef struct _DossierInline DossierInline;

struct _DossierInline
{
  DossierInlineKind  kind;
  guint              number;   /* CITE */
  guint              line;     /* source line of the element */
  char              *text;     /* TEXT */
  char              *ref;      /* MENTION, LINK (href), CITE */
  char              *at;       /* CITE, may be NULL */
  GPtrArray         *children; /* of DossierInline; NULL for leaves */
};

DossierInline *dossier_inline_new        (DossierInlineKind    kind);
void           dossier_inline_free       (DossierInline       *node);
/* Appends @child (taking it) and returns it. */
DossierInline *dossier_inline_append     (DossierInline       *parent,
                                          DossierInline       *child);

/* The words a reader sees, without citation markers: "Sony shut down
 * its network." Quotations get typographic quotes. */
char          *dossier_inline_to_plain   (const DossierInline *node);
/* Appends the same to @out. */
void           dossier_inline_append_plain (const DossierInline *node,
                                            GString             *out);

typedef gboolean (*DossierInlineFunc) (const DossierInline *node,
                                       gpointer             user_data);
/* Calls @func on @node and every descendant in document order, without
 * recursion (depth is bounded by the loader, but walkers stay iterative).
 * Stops when @func returns FALSE. */
void           dossier_inline_foreach    (const DossierInline *node,
                                          DossierInlineFunc    func,
                                          gpointer             user_data);

/**
 * DossierCertainty:
 *
 * How sure the case is of a paragraph or an item. NONE when the file
 * does not say.
 */
typedef enum
{
  DOSSIER_CERTAINTY_NONE,
  DOSSIER_CERTAINTY_CONFIRMED,
  DOSSIER_CERTAINTY_REPORTED,
  DOSSIER_CERTAINTY_ALLEGED,
  DOSSIER_CERTAINTY_DISPUTED,
  DOSSIER_CERTAINTY_UNVERIFIED,
} DossierCertainty;

/* "confirmed", ... as written in files; NULL for NONE. */
const char       *dossier_certainty_to_string (DossierCertainty certainty);
/* Parses the file's word; returns FALSE for anything else. */
gboolean          dossier_certainty_from_string (const char       *str,
                                                 DossierCertainty *out);
/* Translated label for readers: "Confirmed", "Reported", ... */
const char       *dossier_certainty_get_label (DossierCertainty certainty);
/* One translated sentence saying what the word means. */
const char       *dossier_certainty_get_description (DossierCertainty certainty);

/**
 * DossierParagraph:
 *
 * One `<p>` of a block: its certainty and its inline text.
 */
typedef struct
{
  DossierCertainty  certainty;
  guint             line;
  DossierInline    *text;
} DossierParagraph;

DossierParagraph *dossier_paragraph_new  (void);
void              dossier_paragraph_free (DossierParagraph *paragraph);

/* Blocks are a GPtrArray of DossierParagraph (with
 * dossier_paragraph_free as its free func), possibly empty, never NULL
 * on a loaded case. Plain text of all paragraphs separated by "\n\n". */
char             *dossier_blocks_to_plain (GPtrArray *blocks);



G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierInline, dossier_inline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierParagraph, dossier_paragraph_free)

G_END_DECLS
