/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-mark.h"

#include <string.h>

/* The date API says whether a date is approximate or uncertain as a
 * whole; an interval may be so at one end only ("2014-10~/2014-12-25"),
 * which only the text tells. EDTF's `%` is both at once. */
static void
part_qualifiers (const char *part,
                 gsize       len,
                 gboolean   *approximate,
                 gboolean   *uncertain)
{
  char last = len > 0 ? part[len - 1] : '\0';

  *approximate = last == '~' || last == '%';
  *uncertain = last == '?' || last == '%';
}

void
dossier_chart_mark_from_date (const DossierDate *date,
                              DossierChartMark  *mark)
{
  const char *text;
  const char *slash;
  gboolean approximate, uncertain;

  g_return_if_fail (date != NULL);
  g_return_if_fail (mark != NULL);

  memset (mark, 0, sizeof *mark);
  mark->start = dossier_date_get_sort_key (date);
  mark->end = dossier_date_get_end_key (date);
  text = dossier_date_get_text (date);
  slash = strchr (text, '/');

  if (dossier_date_is_interval (date) && slash != NULL)
    {
      gboolean end_approximate, end_uncertain;

      mark->shape = DOSSIER_CHART_SHAPE_BAR;
      part_qualifiers (text, slash - text, &approximate, &uncertain);
      part_qualifiers (slash + 1, strlen (slash + 1), &end_approximate, &end_uncertain);
      if (approximate)
        mark->flags |= DOSSIER_CHART_MARK_FADE_START;
      if (end_approximate)
        mark->flags |= DOSSIER_CHART_MARK_FADE_END;
      if (uncertain || end_uncertain)
        mark->flags |= DOSSIER_CHART_MARK_DASHED;
      mark->at = mark->start + (mark->end - mark->start) / 2;
      return;
    }

  approximate = dossier_date_is_approximate (date);
  uncertain = dossier_date_is_uncertain (date);
  if (approximate)
    mark->flags |= DOSSIER_CHART_MARK_FADE_START | DOSSIER_CHART_MARK_FADE_END;
  if (uncertain)
    mark->flags |= DOSSIER_CHART_MARK_DASHED;

  switch (dossier_date_get_precision (date))
    {
    case DOSSIER_DATE_PRECISION_YEAR:
    case DOSSIER_DATE_PRECISION_SEASON:
    case DOSSIER_DATE_PRECISION_MONTH:
      mark->shape = DOSSIER_CHART_SHAPE_BAR;
      mark->at = mark->start + (mark->end - mark->start) / 2;
      break;

    case DOSSIER_DATE_PRECISION_DAY:
      mark->shape = DOSSIER_CHART_SHAPE_POINT;
      mark->at = mark->start + 12 * 3600;
      break;

    case DOSSIER_DATE_PRECISION_MINUTE:
    case DOSSIER_DATE_PRECISION_SECOND:
    default:
      mark->shape = DOSSIER_CHART_SHAPE_POINT;
      mark->at = mark->start;
      break;
    }
}
