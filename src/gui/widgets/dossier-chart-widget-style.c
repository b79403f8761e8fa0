/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-widget-style.h"

#include <adwaita.h>

static void
lookup_color (GtkStyleContext   *context,
              const char        *name,
              DossierChartColor *color)
{
  GdkRGBA rgba;
  gboolean found;

  /* Named colours have no other way in GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (context, name, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (!found)
    return;
  color->red = rgba.red;
  color->green = rgba.green;
  color->blue = rgba.blue;
  color->alpha = rgba.alpha;
}

void
dossier_chart_style_init_from_widget (DossierChartStyle  *style,
                                      GtkWidget          *widget,
                                      char              **font)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg;
  PangoFontDescription *desc;

  dossier_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  style->colors.foreground = (DossierChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  lookup_color (context, "window_bg_color", &style->colors.background);
  lookup_color (context, "accent_color", &style->colors.accent);
  lookup_color (context, "success_color", &style->colors.certainty[DOSSIER_CERTAINTY_CONFIRMED]);
  lookup_color (context, "accent_color", &style->colors.certainty[DOSSIER_CERTAINTY_REPORTED]);
  lookup_color (context, "warning_color", &style->colors.certainty[DOSSIER_CERTAINTY_ALLEGED]);
  lookup_color (context, "error_color", &style->colors.certainty[DOSSIER_CERTAINTY_DISPUTED]);
  style->colors.certainty[DOSSIER_CERTAINTY_UNVERIFIED] =
    (DossierChartColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.8 };
  style->colors.certainty[DOSSIER_CERTAINTY_NONE] =
    (DossierChartColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.5 };

  desc = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  *font = desc != NULL ? pango_font_description_to_string (desc) : NULL;
  style->font = *font;
  style->draw_background = FALSE;
  style->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}
