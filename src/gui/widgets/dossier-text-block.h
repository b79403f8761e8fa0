/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

/*
 * Rendering case text in widgets. Untrusted text never reaches Pango
 * markup unescaped: everything goes through dossier_markup_from_inline().
 *
 * Links inside the markup use these URIs, routed to window actions by the
 * label's activate-link handler (see dossier_text_block_setup_label()):
 *   cite:SOURCE-ID      -> "win.show-source"  (string parameter: source id)
 *   entity:ENTITY-ID    -> "win.show-entity"  (string parameter: entity id)
 *   http(s)://...       -> "win.open-link"    (string parameter: the URI),
 *                          only when dossier_link_is_safe(); other hrefs are
 *                          shown as plain text and never become links.
 */

/* Safe Pango markup for @node: emphasis, strong, quotations in typographic
 * quotes, mentions and citations as links (citation markers as
 * superscript "[n]"). */
char *dossier_markup_from_inline (const DossierInline *node);

/* Safe Pango markup for the name of the entity @entity_id of @dcase,
 * as a link to it ("entity:ID"). */
char *dossier_markup_entity_link (DossierCase *dcase,
                                  const char  *entity_id);

/* Connects activate-link on @label so that the URIs above go to the
 * window's actions and nothing else is ever launched. */
void  dossier_text_block_setup_label (GtkLabel *label);

/* A label for @node (wrapping, selectable, links routed). */
GtkWidget *dossier_inline_label_new (const DossierInline *node);

/* Case text longer than this many characters is never put into one
 * label: the label shows the beginning and a "Show all" link that opens
 * the whole text in a scrolling text view. */
#define DOSSIER_TEXT_BLOCK_MAX_LABEL_CHARS 20000

/* Like dossier_markup_from_inline() but stops after @max_chars visible
 * characters (0: no limit); *@truncated tells whether it did. */
char      *dossier_markup_from_inline_limited (const DossierInline *node,
                                               gsize                max_chars,
                                               gboolean            *truncated);

/* Sets @label's text to @node (safe markup, truncated with a
 * "Show all" link when too long), wrapping, selectable, links routed. */
void       dossier_inline_label_set_inline (GtkLabel            *label,
                                            const DossierInline *node);

/* A small colored pill with the certainty's word ("Alleged"), with the
 * description as tooltip; NULL for DOSSIER_CERTAINTY_NONE. */
GtkWidget *dossier_certainty_pill_new  (DossierCertainty certainty);

/* A flat button "What do these labels mean?" with a popover listing each
 * certainty word with its description. */
GtkWidget *dossier_certainty_legend_button_new (void);

/* Adds the look of a search match (bold on translucent yellow) to
 * @attrs between the byte offsets @start and @end. */
void       dossier_attr_list_add_mark  (PangoAttrList *attrs,
                                        guint          start,
                                        guint          end);

#define DOSSIER_TYPE_TEXT_BLOCK (dossier_text_block_get_type ())
G_DECLARE_FINAL_TYPE (DossierTextBlock, dossier_text_block, DOSSIER, TEXT_BLOCK, GtkWidget)

/* A vertical run of paragraphs, each with its certainty shown as a small
 * badge ("Alleged") when the file gives one. */
GtkWidget *dossier_text_block_new        (void);
void       dossier_text_block_set_blocks (DossierTextBlock *self,
                                          GPtrArray        *blocks);

G_END_DECLS
