/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-library-row.h"

#include "dossier-place.h"
#include "dossier-text-block.h"
#include "dossier-text-safety.h"

struct _DossierLibraryRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *case_box;
  GtkLabel  *case_title_label;
  GtkLabel  *file_label;
  GtkWidget *open_case_label;
  GtkLabel  *n_hits_label;
  GtkWidget *hit_box;
  GtkLabel  *title_label;
  GtkLabel  *section_label;
  GtkLabel  *snippet_label;
};

G_DEFINE_FINAL_TYPE (DossierLibraryRow, dossier_library_row, GTK_TYPE_WIDGET)

static void
show_case (DossierLibraryRow    *self,
           DossierLibraryResult *result)
{
  const char *case_title = dossier_library_result_get_case_title (result);
  gboolean is_open = dossier_library_result_is_open_case (result);
  guint n_hits = dossier_library_result_get_n_hits (result);
  const char *file_name = dossier_library_result_get_file_name (result);
  g_autofree char *path = dossier_sanitize_display_text (dossier_library_result_get_path (result));
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  if (case_title == NULL || case_title[0] == '\0')
    case_title = file_name;

  count = g_strdup_printf (ngettext ("%u result", "%u results", n_hits), n_hits);

  gtk_label_set_text (self->case_title_label, case_title);
  gtk_label_set_text (self->file_label, file_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), path);
  gtk_widget_set_visible (self->open_case_label, is_open);
  gtk_label_set_text (self->n_hits_label, count);

  if (is_open)
    /* Translators: what a screen reader says for the header of the open
     * case in the results of Search All Cases: its title, its file
     * name and how many results (“3 results”). */
    accessible = g_strdup_printf (_("Case %s, %s, this case, %s"), case_title, file_name, count);
  else
    /* Translators: the same for another case. */
    accessible = g_strdup_printf (_("Case %s, %s, %s"), case_title, file_name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
show_hit (DossierLibraryRow    *self,
          DossierLibraryResult *result)
{
  const DossierLibraryHit *hit = dossier_library_result_get_hit (result);
  const char *section = dossier_section_get_label (hit->section);
  const char *snippet = dossier_library_result_get_snippet (result);
  const char *item_title = dossier_library_result_get_title (result);
  const char *title = item_title != NULL && item_title[0] != '\0' ? item_title : section;
  GArray *marks = dossier_library_result_get_snippet_marks (result);
  GArray *title_marks = dossier_library_result_get_title_marks (result);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoAttrList) title_attrs = pango_attr_list_new ();
  g_autofree char *accessible = NULL;
  gboolean show_snippet;

  /* Case text is hostile: plain text with attributes, never markup. */
  gtk_label_set_text (self->title_label, title);
  for (guint i = 0; title == item_title && i < title_marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (title_marks, DossierSearchRange, i);

      dossier_attr_list_add_mark (title_attrs, range->start, range->end);
    }
  gtk_label_set_attributes (self->title_label, title_attrs);
  gtk_label_set_text (self->section_label, section);

  /* A match in the title needs no second line saying the same. */
  show_snippet = snippet[0] != '\0' && g_strcmp0 (snippet, title) != 0;
  for (guint i = 0; show_snippet && i < marks->len; i++)
    {
      const DossierSearchRange *range = &g_array_index (marks, DossierSearchRange, i);

      dossier_attr_list_add_mark (attrs, range->start, range->end);
    }
  gtk_label_set_text (self->snippet_label, show_snippet ? snippet : "");
  gtk_label_set_attributes (self->snippet_label, attrs);
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), show_snippet);

  accessible = g_strjoin (". ", title, section, show_snippet ? snippet : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
dossier_library_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_LIBRARY_ROW);

  G_OBJECT_CLASS (dossier_library_row_parent_class)->dispose (object);
}

static void
dossier_library_row_class_init (DossierLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, case_box);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, case_title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, file_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, open_case_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, n_hits_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, hit_box);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryRow, snippet_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-library-row");
}

static void
dossier_library_row_init (DossierLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
dossier_library_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_LIBRARY_ROW, NULL);
}

void
dossier_library_row_set_result (DossierLibraryRow    *self,
                                DossierLibraryResult *result)
{
  gboolean is_case;

  g_return_if_fail (DOSSIER_IS_LIBRARY_ROW (self));
  g_return_if_fail (result == NULL || DOSSIER_IS_LIBRARY_RESULT (result));

  is_case = result != NULL && dossier_library_result_is_case (result);
  gtk_widget_set_visible (self->case_box, is_case);
  gtk_widget_set_visible (self->hit_box, result != NULL && !is_case);

  if (result == NULL)
    return;

  if (is_case)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "case");
      show_case (self, result);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "case");
      show_hit (self, result);
    }
}
