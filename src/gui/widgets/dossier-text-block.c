/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dossier-text-block.h"

#define SHOW_ALL_URI "dossier-show-all:"
#define FULL_TEXT_KEY "dossier-full-text"

struct _DossierTextBlock
{
  GtkWidget  parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierTextBlock, dossier_text_block, GTK_TYPE_WIDGET)

typedef struct
{
  const DossierInline *node;
  guint                next_child;
  gboolean             opened_link;
} Frame;

typedef struct
{
  GString  *out;
  gsize     budget;      /* visible characters left; G_MAXSIZE: no limit */
  gboolean  truncated;
  guint     link_depth;  /* Pango has no nested links */
} MarkupState;

/* Explicit bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069) can make "exe.pdf" read as "fdp.exe": case text never
 * needs them, since right-to-left scripts lay out by themselves. */
static char *
strip_bidi_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
append_text (MarkupState *state,
             const char  *raw_text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  glong n_chars;

  if (raw_text == NULL || state->truncated)
    return;

  /* Only pay for the copy when a control may be there (all start 0xE2). */
  text = strchr (raw_text, '\xe2') != NULL ? strip_bidi_controls (raw_text) : g_strdup (raw_text);

  n_chars = g_utf8_strlen (text, -1);
  if ((gsize) n_chars > state->budget)
    {
      const char *end = g_utf8_offset_to_pointer (text, (glong) state->budget);

      escaped = g_markup_escape_text (text, end - text);
      g_string_append (state->out, escaped);
      g_string_append (state->out, "…");
      state->budget = 0;
      state->truncated = TRUE;
      return;
    }

  escaped = g_markup_escape_text (text, -1);
  g_string_append (state->out, escaped);
  if (state->budget != G_MAXSIZE)
    state->budget -= (gsize) n_chars;
}

static void
append_link_open (MarkupState *state,
                  const char  *scheme,
                  const char  *target,
                  const char  *title)
{
  g_autofree char *href = g_markup_escape_text (target != NULL ? target : "", -1);

  g_string_append_printf (state->out, "<a href=\"%s%s\"", scheme, href);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_string_append_printf (state->out, " title=\"%s\"", escaped_title);
    }
  g_string_append (state->out, ">");
  state->link_depth++;
}

static void
open_node (MarkupState *state,
           Frame       *frame)
{
  const DossierInline *node = frame->node;

  switch (node->kind)
    {
    case DOSSIER_INLINE_ROOT:
      break;

    case DOSSIER_INLINE_TEXT:
      append_text (state, node->text);
      break;

    case DOSSIER_INLINE_EM:
      g_string_append (state->out, "<i>");
      break;

    case DOSSIER_INLINE_STRONG:
      g_string_append (state->out, "<b>");
      break;

    case DOSSIER_INLINE_QUOTE:
      if (!state->truncated)
        g_string_append (state->out, "“");
      break;

    case DOSSIER_INLINE_MENTION:
      if (state->link_depth == 0 && node->ref != NULL)
        {
          append_link_open (state, "entity:", node->ref, NULL);
          frame->opened_link = TRUE;
        }
      break;

    case DOSSIER_INLINE_LINK:
      if (state->link_depth == 0 && dossier_link_is_safe (node->ref))
        {
          append_link_open (state, "", node->ref, node->ref);
          frame->opened_link = TRUE;
        }
      break;

    case DOSSIER_INLINE_CITE:
      if (state->truncated)
        break;
      if (state->link_depth == 0 && node->ref != NULL)
        {
          g_autofree char *title = NULL;

          if (node->at != NULL)
            title = g_strdup_printf (_("Source %u, %s"), node->number, node->at);
          else
            title = g_strdup_printf (_("Source %u"), node->number);
          append_link_open (state, "cite:", node->ref, title);
          g_string_append_printf (state->out, "<sup>[%u]</sup></a>", node->number);
          state->link_depth--;
        }
      else
        g_string_append_printf (state->out, "<sup>[%u]</sup>", node->number);
      break;

    default:
      break;
    }
}

static void
close_node (MarkupState *state,
            Frame       *frame)
{
  switch (frame->node->kind)
    {
    case DOSSIER_INLINE_EM:
      g_string_append (state->out, "</i>");
      break;

    case DOSSIER_INLINE_STRONG:
      g_string_append (state->out, "</b>");
      break;

    case DOSSIER_INLINE_QUOTE:
      if (!state->truncated)
        g_string_append (state->out, "”");
      break;

    case DOSSIER_INLINE_MENTION:
    case DOSSIER_INLINE_LINK:
      if (frame->opened_link)
        {
          g_string_append (state->out, "</a>");
          state->link_depth--;
        }
      break;

    default:
      break;
    }
}

char *
dossier_markup_from_inline_limited (const DossierInline *node,
                                    gsize                max_chars,
                                    gboolean            *truncated)
{
  MarkupState state = { NULL, max_chars > 0 ? max_chars : G_MAXSIZE, FALSE, 0 };
  g_autoptr(GArray) stack = NULL;

  if (truncated != NULL)
    *truncated = FALSE;
  if (node == NULL)
    return g_strdup ("");

  state.out = g_string_new (NULL);
  stack = g_array_new (FALSE, FALSE, sizeof (Frame));

  /* Iterative walk: open a node when pushed, close it when its last
   * child is done. */
  {
    Frame root = { node, 0, FALSE };
    g_array_append_val (stack, root);
    open_node (&state, &g_array_index (stack, Frame, 0));
  }

  while (stack->len > 0)
    {
      Frame *top = &g_array_index (stack, Frame, stack->len - 1);
      GPtrArray *children = top->node->children;

      if (children != NULL && top->next_child < children->len)
        {
          Frame child = { g_ptr_array_index (children, top->next_child), 0, FALSE };

          top->next_child++;
          g_array_append_val (stack, child);
          open_node (&state, &g_array_index (stack, Frame, stack->len - 1));
        }
      else
        {
          close_node (&state, top);
          g_array_set_size (stack, stack->len - 1);
        }
    }

  if (truncated != NULL)
    *truncated = state.truncated;

  return g_string_free (state.out, FALSE);
}

char *
dossier_markup_from_inline (const DossierInline *node)
{
  return dossier_markup_from_inline_limited (node, 0, NULL);
}

char *
dossier_markup_entity_link (DossierCase *dcase,
                            const char  *entity_id)
{
  const char *name;
  g_autofree char *safe_name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_id = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  name = dossier_case_get_entity_name (dcase, entity_id);
  safe_name = name != NULL ? dossier_sanitize_display_text (name) : g_strdup ("");
  escaped_name = g_markup_escape_text (safe_name, -1);
  escaped_id = g_markup_escape_text (entity_id, -1);

  return g_strdup_printf ("<a href=\"entity:%s\">%s</a>", escaped_id, escaped_name);
}

static void
show_full_text (GtkLabel *label)
{
  const char *text = g_object_get_data (G_OBJECT (label), FULL_TEXT_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));
  GtkWidget *window;
  GtkWidget *toolbar;
  GtkWidget *header;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  if (text == NULL)
    return;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Full Text"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (toolbar), header);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text, -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
on_activate_link_cb (GtkLabel   *label,
                     const char *uri,
                     gpointer    user_data)
{
  GtkWidget *widget = GTK_WIDGET (label);

  /* Whatever happens, GTK never launches anything itself. */
  if (uri == NULL)
    return TRUE;

  if (g_str_has_prefix (uri, "cite:"))
    gtk_widget_activate_action (widget, "win.show-source", "s", uri + strlen ("cite:"));
  else if (g_str_has_prefix (uri, "entity:"))
    gtk_widget_activate_action (widget, "win.show-entity", "s", uri + strlen ("entity:"));
  else if (g_str_equal (uri, SHOW_ALL_URI))
    show_full_text (label);
  else if (dossier_link_is_safe (uri))
    gtk_widget_activate_action (widget, "win.open-link", "s", uri);

  return TRUE;
}

void
dossier_text_block_setup_label (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), "dossier-links-routed") != NULL)
    return;

  g_object_set_data (G_OBJECT (label), "dossier-links-routed", GINT_TO_POINTER (1));
  g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link_cb), NULL);
}

void
dossier_inline_label_set_inline (GtkLabel            *label,
                                 const DossierInline *node)
{
  g_autofree char *markup = NULL;
  gboolean truncated = FALSE;

  g_return_if_fail (GTK_IS_LABEL (label));

  dossier_text_block_setup_label (label);
  markup = dossier_markup_from_inline_limited (node, DOSSIER_TEXT_BLOCK_MAX_LABEL_CHARS, &truncated);

  if (truncated)
    {
      GString *with_link = g_string_new (markup);

      g_string_append_printf (with_link, "\n<a href=\"%s\">%s</a>", SHOW_ALL_URI, _("Show all"));
      g_clear_pointer (&markup, g_free);
      markup = g_string_free (with_link, FALSE);
      g_object_set_data_full (G_OBJECT (label), FULL_TEXT_KEY,
                              dossier_inline_to_plain (node), g_free);
    }
  else
    g_object_set_data (G_OBJECT (label), FULL_TEXT_KEY, NULL);

  gtk_label_set_markup (label, markup);
}

GtkWidget *
dossier_inline_label_new (const DossierInline *node)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  dossier_inline_label_set_inline (GTK_LABEL (label), node);

  return label;
}

GtkWidget *
dossier_certainty_pill_new (DossierCertainty certainty)
{
  GtkWidget *pill;
  g_autofree char *css_class = NULL;

  if (certainty == DOSSIER_CERTAINTY_NONE)
    return NULL;

  pill = gtk_label_new (dossier_certainty_get_label (certainty));
  css_class = g_strdup_printf ("certainty-%s", dossier_certainty_to_string (certainty));
  gtk_widget_add_css_class (pill, "certainty-pill");
  gtk_widget_add_css_class (pill, css_class);
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_set_valign (pill, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (pill, dossier_certainty_get_description (certainty));

  return pill;
}

GtkWidget *
dossier_certainty_legend_button_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *heading = gtk_label_new (_("Certainty Labels"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("What do these labels mean?"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_grid_attach (GTK_GRID (grid), heading, 0, 0, 2, 1);

  for (int c = DOSSIER_CERTAINTY_CONFIRMED; c <= DOSSIER_CERTAINTY_UNVERIFIED; c++)
    {
      GtkWidget *pill = dossier_certainty_pill_new (c);
      GtkWidget *description = gtk_label_new (dossier_certainty_get_description (c));

      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
      gtk_label_set_xalign (GTK_LABEL (description), 0.0);
      gtk_widget_set_tooltip_text (pill, NULL);
      gtk_grid_attach (GTK_GRID (grid), pill, 0, c, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), description, 1, c, 1, 1);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

void
dossier_attr_list_add_mark (PangoAttrList *attrs,
                            guint          start,
                            guint          end)
{
  PangoAttribute *attr;

  g_return_if_fail (attrs != NULL);

  if (start >= end)
    return;

  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  /* Translucent yellow reads on light and dark backgrounds alike. */
  attr = pango_attr_background_new (0xf6f6, 0xd3d3, 0x2d2d);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_background_alpha_new (0x7000);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
dossier_text_block_clear (DossierTextBlock *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
dossier_text_block_dispose (GObject *object)
{
  dossier_text_block_clear (DOSSIER_TEXT_BLOCK (object));

  G_OBJECT_CLASS (dossier_text_block_parent_class)->dispose (object);
}

static void
dossier_text_block_class_init (DossierTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_text_block_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "textblock");
}

static void
dossier_text_block_init (DossierTextBlock *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

GtkWidget *
dossier_text_block_new (void)
{
  return g_object_new (DOSSIER_TYPE_TEXT_BLOCK, NULL);
}

void
dossier_text_block_set_blocks (DossierTextBlock *self,
                               GPtrArray        *blocks)
{
  g_return_if_fail (DOSSIER_IS_TEXT_BLOCK (self));

  dossier_text_block_clear (self);

  if (blocks == NULL)
    return;

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierParagraph *paragraph = g_ptr_array_index (blocks, i);
      GtkWidget *label = dossier_inline_label_new (paragraph->text);
      GtkWidget *pill = dossier_certainty_pill_new (paragraph->certainty);

      if (pill != NULL)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

          gtk_box_append (GTK_BOX (box), pill);
          gtk_box_append (GTK_BOX (box), label);
          gtk_widget_add_css_class (box, "paragraph");
          gtk_widget_set_parent (box, GTK_WIDGET (self));
        }
      else
        {
          gtk_widget_add_css_class (label, "paragraph");
          gtk_widget_set_parent (label, GTK_WIDGET (self));
        }
    }
}
