/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-library-entry-row.h"

#include "dossier-library-snippet.h"
#include "dossier-search-hit.h"

#include "dossier-core.h"
#include "dossier-text-block.h"

struct _DossierLibraryEntryRow
{
  GtkWidget  parent_instance;

  GtkWidget *icon;
  GtkWidget *label;   /* every line of the row: a list shows hundreds */
};

G_DEFINE_FINAL_TYPE (DossierLibraryEntryRow, dossier_library_entry_row, GTK_TYPE_WIDGET)

static void
dossier_library_entry_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_library_entry_row_parent_class)->dispose (object);
}

static void
dossier_library_entry_row_class_init (DossierLibraryEntryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_library_entry_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "library-row");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_library_entry_row_init (DossierLibraryEntryRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->icon = gtk_image_new ();
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  /* One label for the title and the lines under it, each line
   * shortened on its own (a paragraph of one line). */
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_valign (self->label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
dossier_library_entry_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_LIBRARY_ENTRY_ROW, NULL);
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return C_("case status", "Open");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("case status", "Closed");
  return status;
}

/* "Open · Updated 19 December 2014 · 15 notes, 2 events, 7 sources, 16 entities" */
static void
append_case_detail (GString                      *detail,
                    const DossierLibraryCaseInfo *info)
{
  const char *status = status_label (info->status);
  gsize start = detail->len;

  if (status != NULL && *status != '\0')
    {
      g_autofree char *safe = dossier_sanitize_display_text (status);

      g_string_append (detail, safe);
    }
  if (info->updated != NULL)
    {
      g_autoptr(DossierDate) date = dossier_date_parse (info->updated, NULL);
      g_autofree char *shown = date != NULL ? dossier_date_format (date)
                                            : dossier_sanitize_display_text (info->updated);

      if (detail->len > start)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, _("Updated %s"), shown);
    }
  if (detail->len > start)
    g_string_append (detail, " · ");
  g_string_append_printf (detail, ngettext ("%u note", "%u notes", info->n_notes), info->n_notes);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u event", "%u events", info->n_events), info->n_events);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u source", "%u sources", info->n_sources), info->n_sources);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u entity", "%u entities", info->n_entities), info->n_entities);
}

/* The look of the lines of a row, as attributes over byte ranges. */
static void
add_weight (PangoAttrList *attrs,
            gsize          start,
            gsize          end,
            PangoWeight    weight)
{
  PangoAttribute *attr = pango_attr_weight_new (weight);

  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

static void
add_small (PangoAttrList *attrs,
           gsize          start,
           gsize          end)
{
  PangoAttribute *attr = pango_attr_scale_new (PANGO_SCALE_SMALL);

  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

static void
add_dim (PangoAttrList *attrs,
         gsize          start,
         gsize          end)
{
  PangoAttribute *attr = pango_attr_foreground_alpha_new (0.6 * G_MAXUINT16);

  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

/* In the theme's error color (red, lighter on a dark background). */
static void
add_error (DossierLibraryEntryRow *self,
           PangoAttrList     *attrs,
           gsize              start,
           gsize              end)
{
  GdkRGBA color = { 0.75, 0.11, 0.16, 1.0 };
  PangoAttribute *attr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "error_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  attr = pango_attr_foreground_new ((guint16) (color.red * G_MAXUINT16),
                                    (guint16) (color.green * G_MAXUINT16),
                                    (guint16) (color.blue * G_MAXUINT16));
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

static void
show_case (DossierLibraryEntryRow   *self,
           DossierLibraryEntry *entry,
           GString             *text,
           PangoAttrList       *attrs)
{
  const DossierLibraryCaseInfo *info = dossier_library_entry_get_case_info (entry);
  g_autofree char *folder_raw = g_path_get_dirname (info->path);
  g_autofree char *folder = dossier_sanitize_display_text (folder_raw);
  gsize start;
  gsize folder_start;

  g_string_append (text, dossier_library_entry_get_title (entry));
  add_weight (attrs, 0, text->len, PANGO_WEIGHT_BOLD);
  g_string_append_c (text, '\n');
  start = text->len;
  if (info->problem != NULL)
    {
      g_autofree char *problem = dossier_sanitize_display_text (info->problem);

      if (info->problem_line > 0)
        g_string_append_printf (text, _("Line %u: %s"), info->problem_line, problem);
      else
        g_string_append (text, problem);
      add_error (self, attrs, start, text->len);
      gtk_widget_set_tooltip_text (self->label, text->str + start);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "dialog-warning-symbolic");
    }
  else
    {
      append_case_detail (text, info);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "x-office-document-symbolic");
    }
  g_string_append_c (text, '\n');
  folder_start = text->len;
  g_string_append (text, folder);
  /* On a colleague's computer: nothing wrong, it opens from the team
   * library's copy. */
  if (dossier_library_entry_is_elsewhere (entry))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Not on this computer"));
      if (info->problem == NULL)
        gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "network-server-symbolic");
    }
  add_small (attrs, start, text->len);
  add_dim (attrs, folder_start, text->len);
}

static void
show_header (DossierLibraryEntryRow   *self,
             DossierLibraryEntry *entry,
             GString             *text,
             PangoAttrList       *attrs)
{
  g_autofree char *path = dossier_sanitize_display_text (dossier_library_entry_get_path (entry));
  gsize start;

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "x-office-document-symbolic");
  g_string_append (text, dossier_library_entry_get_title (entry));
  add_weight (attrs, 0, text->len, PANGO_WEIGHT_HEAVY);
  g_string_append_c (text, '\n');
  start = text->len;
  g_string_append (text, path);
  add_small (attrs, start, text->len);
  add_dim (attrs, start, text->len);
}

static void
add_marks (PangoAttrList *attrs,
           GArray        *marks,
           gsize          offset)
{
  for (guint i = 0; i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);

      dossier_attr_list_add_mark (attrs, (guint) (offset + range->start), (guint) (offset + range->end));
    }
}

static void
show_hit (DossierLibraryEntryRow *self,
          DossierLibraryEntry    *entry,
          GString                *text,
          PangoAttrList          *attrs)
{
  const DossierLibraryHit *hit = dossier_library_entry_get_hit (entry);
  const char *title = hit->title != NULL && *hit->title != '\0' ? hit->title : hit->item_id;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autoptr(GArray) title_marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autofree char *snippet = dossier_library_snippet_parse (hit->snippet, marks);
  g_autofree char *safe_title = title != NULL ? dossier_sanitize_display_text (title) : NULL;
  gsize start;

  /* The snippet starts with the title: its words are marked there. */
  dossier_library_snippet_split_title (safe_title, &snippet, marks, title_marks);

  gtk_widget_set_visible (self->icon, FALSE);
  g_string_append (text, dossier_section_get_label (hit->section));
  if (safe_title != NULL)
    g_string_append (text, " · ");
  start = text->len;
  if (safe_title != NULL)
    g_string_append (text, safe_title);
  add_weight (attrs, 0, text->len, PANGO_WEIGHT_SEMIBOLD);
  add_marks (attrs, title_marks, start);
  if (*snippet == '\0')
    return;
  g_string_append_c (text, '\n');
  start = text->len;
  g_string_append (text, snippet);
  add_small (attrs, start, text->len);
  add_marks (attrs, marks, start);
}

void
dossier_library_entry_row_set_entry (DossierLibraryEntryRow *self,
                                     DossierLibraryEntry    *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  g_return_if_fail (DOSSIER_IS_LIBRARY_ENTRY_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "case");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "hit");
  gtk_widget_set_tooltip_text (self->label, NULL);
  gtk_widget_set_visible (self->icon, TRUE);

  if (entry != NULL)
    switch (dossier_library_entry_get_kind (entry))
      {
      case DOSSIER_LIBRARY_ENTRY_CASE:
        gtk_widget_add_css_class (GTK_WIDGET (self), "case");
        show_case (self, entry, text, attrs);
        break;
      case DOSSIER_LIBRARY_ENTRY_HEADER:
        gtk_widget_add_css_class (GTK_WIDGET (self), "header");
        show_header (self, entry, text, attrs);
        break;
      case DOSSIER_LIBRARY_ENTRY_HIT:
        gtk_widget_add_css_class (GTK_WIDGET (self), "hit");
        show_hit (self, entry, text, attrs);
        break;
      default:
        g_assert_not_reached ();
      }

  gtk_label_set_text (GTK_LABEL (self->label), text->str);
  gtk_label_set_attributes (GTK_LABEL (self->label), attrs);
}
