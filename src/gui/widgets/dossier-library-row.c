/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-library-row.h"

#include "dossier-core.h"
#include "dossier-text-block.h"

struct _DossierLibraryRow
{
  GtkWidget  parent_instance;

  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *detail;
  GtkWidget *extra;
};

G_DEFINE_FINAL_TYPE (DossierLibraryRow, dossier_library_row, GTK_TYPE_WIDGET)

static void
dossier_library_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_library_row_parent_class)->dispose (object);
}

static void
dossier_library_row_class_init (DossierLibraryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_library_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "library-row");
}

static GtkWidget *
new_label (GtkWidget *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static void
dossier_library_row_init (DossierLibraryRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_HORIZONTAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->icon = gtk_image_new ();
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  self->title = new_label (box, "title");
  self->detail = new_label (box, "detail");
  self->extra = new_label (box, "extra");
}

GtkWidget *
dossier_library_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_LIBRARY_ROW, NULL);
}

char *
dossier_library_snippet_to_text (const char    *snippet,
                                 PangoAttrList *attrs)
{
  GString *text = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";
  gsize mark_start = 0;
  gboolean in_mark = FALSE;

  while (*p != '\0')
    {
      gsize run = strcspn (p, DOSSIER_LIBRARY_MARK_OPEN DOSSIER_LIBRARY_MARK_CLOSE);
      g_autofree char *raw = g_strndup (p, run);
      g_autofree char *safe = dossier_sanitize_display_text (raw);

      g_string_append (text, safe);
      p += run;
      if (*p == DOSSIER_LIBRARY_MARK_OPEN[0] && !in_mark)
        {
          in_mark = TRUE;
          mark_start = text->len;
        }
      else if (*p == DOSSIER_LIBRARY_MARK_CLOSE[0] && in_mark)
        {
          in_mark = FALSE;
          if (attrs != NULL)
            dossier_attr_list_add_mark (attrs, (guint) mark_start, (guint) text->len);
        }
      if (*p != '\0')
        p++;
    }
  if (in_mark && attrs != NULL)
    dossier_attr_list_add_mark (attrs, (guint) mark_start, (guint) text->len);

  return g_string_free (text, FALSE);
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
static char *
format_case_detail (const DossierLibraryCaseInfo *info)
{
  GString *detail = g_string_new (NULL);
  const char *status = status_label (info->status);

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

      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, _("Updated %s"), shown);
    }
  if (detail->len > 0)
    g_string_append (detail, " · ");
  g_string_append_printf (detail, ngettext ("%u note", "%u notes", info->n_notes), info->n_notes);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u event", "%u events", info->n_events), info->n_events);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u source", "%u sources", info->n_sources), info->n_sources);
  g_string_append (detail, ", ");
  g_string_append_printf (detail, ngettext ("%u entity", "%u entities", info->n_entities), info->n_entities);

  return g_string_free (detail, FALSE);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_attributes (GTK_LABEL (label), NULL);
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

static void
show_case (DossierLibraryRow   *self,
           DossierLibraryEntry *entry)
{
  const DossierLibraryCaseInfo *info = dossier_library_entry_get_case_info (entry);
  g_autofree char *folder_raw = g_path_get_dirname (info->path);
  g_autofree char *folder = dossier_sanitize_display_text (folder_raw);

  set_label (self->title, dossier_library_entry_get_title (entry));
  if (info->problem != NULL)
    {
      g_autofree char *problem = dossier_sanitize_display_text (info->problem);
      g_autofree char *line = info->problem_line > 0
                              ? g_strdup_printf (_("Line %u: %s"), info->problem_line, problem)
                              : g_steal_pointer (&problem);

      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "dialog-warning-symbolic");
      set_label (self->detail, line);
      gtk_widget_add_css_class (self->detail, "error");
      gtk_widget_set_tooltip_text (self->detail, line);
    }
  else
    {
      g_autofree char *detail = format_case_detail (info);

      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "x-office-document-symbolic");
      set_label (self->detail, detail);
    }
  set_label (self->extra, folder);
  gtk_label_set_ellipsize (GTK_LABEL (self->extra), PANGO_ELLIPSIZE_START);
}

static void
show_hit (DossierLibraryRow   *self,
          DossierLibraryEntry *entry)
{
  const DossierLibraryHit *hit = dossier_library_entry_get_hit (entry);
  const char *title = hit->title != NULL && *hit->title != '\0' ? hit->title : hit->item_id;
  g_autofree char *safe_title = title != NULL ? dossier_sanitize_display_text (title) : NULL;
  g_autofree char *line = safe_title != NULL
                          ? g_strdup_printf ("%s · %s", dossier_section_get_label (hit->section), safe_title)
                          : g_strdup (dossier_section_get_label (hit->section));
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *snippet = dossier_library_snippet_to_text (hit->snippet, attrs);

  gtk_widget_set_visible (self->icon, FALSE);
  set_label (self->title, line);
  set_label (self->detail, snippet);
  gtk_label_set_attributes (GTK_LABEL (self->detail), attrs);
  pango_attr_list_unref (attrs);
}

void
dossier_library_row_set_entry (DossierLibraryRow   *self,
                               DossierLibraryEntry *entry)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "case");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "hit");
  gtk_widget_remove_css_class (self->detail, "error");
  gtk_widget_set_tooltip_text (self->detail, NULL);
  gtk_widget_set_visible (self->icon, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->detail), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (self->extra), PANGO_ELLIPSIZE_END);
  set_label (self->extra, NULL);

  if (entry == NULL)
    {
      set_label (self->title, NULL);
      set_label (self->detail, NULL);
      return;
    }

  switch (dossier_library_entry_get_kind (entry))
    {
    case DOSSIER_LIBRARY_ENTRY_CASE:
      gtk_widget_add_css_class (GTK_WIDGET (self), "case");
      show_case (self, entry);
      break;
    case DOSSIER_LIBRARY_ENTRY_HEADER:
      {
        g_autofree char *path = dossier_sanitize_display_text (dossier_library_entry_get_path (entry));

        gtk_widget_add_css_class (GTK_WIDGET (self), "header");
        gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), "x-office-document-symbolic");
        set_label (self->title, dossier_library_entry_get_title (entry));
        set_label (self->detail, path);
        gtk_label_set_ellipsize (GTK_LABEL (self->detail), PANGO_ELLIPSIZE_START);
        break;
      }
    case DOSSIER_LIBRARY_ENTRY_HIT:
      gtk_widget_add_css_class (GTK_WIDGET (self), "hit");
      show_hit (self, entry);
      break;
    default:
      g_assert_not_reached ();
    }
}
