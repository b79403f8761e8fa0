/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-inline.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-model-builder.h"

/* A step of an iterative walk: a node and the next child to visit. */
typedef struct
{
  const DossierInline *node;
  guint                next;
} WalkFrame;

DossierInline *
dossier_inline_new (DossierInlineKind kind)
{
  DossierInline *node;

  g_return_val_if_fail (kind <= DOSSIER_INLINE_CITE, NULL);

  node = g_new0 (DossierInline, 1);
  node->kind = kind;
  return node;
}

/* Frees a whole tree without recursion: children are stolen out of their
 * arrays (so the arrays' own free func never runs) and queued. */
void
dossier_inline_free (DossierInline *node)
{
  GPtrArray *pending;

  if (node == NULL)
    return;

  pending = g_ptr_array_new ();
  g_ptr_array_add (pending, node);

  while (pending->len > 0)
    {
      DossierInline *current = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      if (current->children != NULL)
        {
          gsize n_children = 0;
          gpointer *children = g_ptr_array_steal (current->children, &n_children);

          for (gsize i = 0; i < n_children; i++)
            if (children[i] != NULL)
              g_ptr_array_add (pending, children[i]);

          g_free (children);
          g_ptr_array_unref (current->children);
        }

      g_free (current->text);
      g_free (current->ref);
      g_free (current->at);
      g_free (current);
    }

  g_ptr_array_unref (pending);
}

DossierInline *
dossier_inline_append (DossierInline *parent,
                       DossierInline *child)
{
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (child != NULL, NULL);

  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_inline_free);
  g_ptr_array_add (parent->children, child);
  return child;
}

static inline guint
n_children (const DossierInline *node)
{
  return node->children != NULL ? node->children->len : 0;
}

/* Quotations nest as in English typography: “outer ‘inner’ outer”. */
static void
append_open (const DossierInline *node,
             guint                quote_depth,
             GString             *out)
{
  switch (node->kind)
    {
    case DOSSIER_INLINE_TEXT:
      if (node->text != NULL)
        g_string_append (out, node->text);
      break;
    case DOSSIER_INLINE_QUOTE:
      g_string_append (out, quote_depth % 2 == 0 ? "“" : "‘");
      break;
    case DOSSIER_INLINE_LINK:
      /* A link with no words shows where it points. */
      if (n_children (node) == 0 && node->ref != NULL)
        g_string_append (out, node->ref);
      break;
    case DOSSIER_INLINE_ROOT:
    case DOSSIER_INLINE_EM:
    case DOSSIER_INLINE_STRONG:
    case DOSSIER_INLINE_MENTION:
    case DOSSIER_INLINE_CITE:
    default:
      break;
    }
}

static void
append_close (const DossierInline *node,
              guint                quote_depth,
              GString             *out)
{
  if (node->kind == DOSSIER_INLINE_QUOTE)
    g_string_append (out, quote_depth % 2 == 0 ? "”" : "’");
}

void
dossier_inline_append_plain (const DossierInline *node,
                             GString             *out)
{
  g_autoptr(GArray) stack = NULL;
  guint quote_depth = 0;
  WalkFrame frame;

  g_return_if_fail (out != NULL);

  if (node == NULL || node->kind == DOSSIER_INLINE_CITE)
    return;

  stack = g_array_sized_new (FALSE, FALSE, sizeof (WalkFrame), 8);

  append_open (node, quote_depth, out);
  if (node->kind == DOSSIER_INLINE_QUOTE)
    quote_depth++;
  frame.node = node;
  frame.next = 0;
  g_array_append_val (stack, frame);

  while (stack->len > 0)
    {
      WalkFrame *top = &g_array_index (stack, WalkFrame, stack->len - 1);

      if (top->next < n_children (top->node))
        {
          const DossierInline *child = g_ptr_array_index (top->node->children, top->next);

          top->next++;
          /* Citation markers are not words; their subtree is skipped. */
          if (child == NULL || child->kind == DOSSIER_INLINE_CITE)
            continue;

          append_open (child, quote_depth, out);
          if (child->kind == DOSSIER_INLINE_QUOTE)
            quote_depth++;
          frame.node = child;
          frame.next = 0;
          g_array_append_val (stack, frame);
        }
      else
        {
          const DossierInline *done = top->node;

          g_array_set_size (stack, stack->len - 1);
          if (done->kind == DOSSIER_INLINE_QUOTE)
            quote_depth--;
          append_close (done, quote_depth, out);
        }
    }
}

char *
dossier_inline_to_plain (const DossierInline *node)
{
  GString *out = g_string_new (NULL);

  dossier_inline_append_plain (node, out);
  return g_string_free (out, FALSE);
}

void
dossier_inline_foreach (const DossierInline *node,
                        DossierInlineFunc    func,
                        gpointer             user_data)
{
  g_autoptr(GPtrArray) stack = NULL;

  g_return_if_fail (func != NULL);

  if (node == NULL)
    return;

  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, (gpointer) node);

  while (stack->len > 0)
    {
      const DossierInline *current = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (!func (current, user_data))
        return;

      /* Pushed last to first so the first child comes out next. */
      for (guint i = n_children (current); i > 0; i--)
        {
          gpointer child = g_ptr_array_index (current->children, i - 1);

          if (child != NULL)
            g_ptr_array_add (stack, child);
        }
    }
}

/* Inline nodes in the arena. */

DossierInline *
dossier_arena_new_inline (DossierArena      *arena,
                          DossierInlineKind  kind)
{
  DossierInline *node = dossier_arena_alloc (arena, sizeof (DossierInline));

  node->kind = kind;
  return node;
}

GPtrArray *
dossier_arena_new_children (DossierArena   *arena,
                            DossierInline **children,
                            guint           n_children)
{
  return dossier_arena_new_array (arena, (gpointer *)children, n_children);
}

/* Certainty. */

const char *
dossier_certainty_to_string (DossierCertainty certainty)
{
  switch (certainty)
    {
    case DOSSIER_CERTAINTY_CONFIRMED:
      return "confirmed";
    case DOSSIER_CERTAINTY_REPORTED:
      return "reported";
    case DOSSIER_CERTAINTY_ALLEGED:
      return "alleged";
    case DOSSIER_CERTAINTY_DISPUTED:
      return "disputed";
    case DOSSIER_CERTAINTY_UNVERIFIED:
      return "unverified";
    case DOSSIER_CERTAINTY_NONE:
    default:
      return NULL;
    }
}

gboolean
dossier_certainty_from_string (const char       *str,
                               DossierCertainty *out)
{
  static const DossierCertainty all[] = {
    DOSSIER_CERTAINTY_CONFIRMED,
    DOSSIER_CERTAINTY_REPORTED,
    DOSSIER_CERTAINTY_ALLEGED,
    DOSSIER_CERTAINTY_DISPUTED,
    DOSSIER_CERTAINTY_UNVERIFIED,
  };

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (strcmp (str, dossier_certainty_to_string (all[i])) == 0)
        {
          if (out != NULL)
            *out = all[i];
          return TRUE;
        }
    }

  return FALSE;
}

/* NULL for NONE, as dossier_certainty_to_string(). */
const char *
dossier_certainty_get_label (DossierCertainty certainty)
{
  switch (certainty)
    {
    case DOSSIER_CERTAINTY_CONFIRMED:
      return C_("certainty", "Confirmed");
    case DOSSIER_CERTAINTY_REPORTED:
      return C_("certainty", "Reported");
    case DOSSIER_CERTAINTY_ALLEGED:
      return C_("certainty", "Alleged");
    case DOSSIER_CERTAINTY_DISPUTED:
      return C_("certainty", "Disputed");
    case DOSSIER_CERTAINTY_UNVERIFIED:
      return C_("certainty", "Unverified");
    case DOSSIER_CERTAINTY_NONE:
    default:
      return NULL;
    }
}

const char *
dossier_certainty_get_description (DossierCertainty certainty)
{
  switch (certainty)
    {
    case DOSSIER_CERTAINTY_CONFIRMED:
      return _("Shown to be true by evidence or acknowledged by those involved");
    case DOSSIER_CERTAINTY_REPORTED:
      return _("Stated by a source but not independently confirmed");
    case DOSSIER_CERTAINTY_ALLEGED:
      return _("Claimed by someone but not shown to be true");
    case DOSSIER_CERTAINTY_DISPUTED:
      return _("Contested by someone involved or contradicted by other sources");
    case DOSSIER_CERTAINTY_UNVERIFIED:
      return _("Not yet checked against any other source");
    case DOSSIER_CERTAINTY_NONE:
    default:
      return NULL;
    }
}

/* Paragraphs and blocks. */

DossierParagraph *
dossier_paragraph_new (void)
{
  DossierParagraph *paragraph = g_new0 (DossierParagraph, 1);

  paragraph->certainty = DOSSIER_CERTAINTY_NONE;
  return paragraph;
}

void
dossier_paragraph_free (DossierParagraph *paragraph)
{
  if (paragraph == NULL)
    return;

  g_clear_pointer (&paragraph->text, dossier_inline_free);
  g_free (paragraph);
}

GPtrArray *
dossier_blocks_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_paragraph_free);
}

char *
dossier_blocks_to_plain (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  if (blocks == NULL)
    return g_string_free (out, FALSE);

  for (guint i = 0; i < blocks->len; i++)
    {
      const DossierParagraph *paragraph = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append (out, "\n\n");
      if (paragraph != NULL)
        dossier_inline_append_plain (paragraph->text, out);
    }

  return g_string_free (out, FALSE);
}
