/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-ticks.h"

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  DossierChartTickUnit unit;
  guint                step;
  double               seconds;   /* about; only to pick the step */
} Step;

#define HOUR 3600.0
#define DAY (24 * HOUR)
#define MONTH (30.44 * DAY)
#define YEAR (365.25 * DAY)

static const Step steps[] = {
  { DOSSIER_CHART_TICK_HOUR, 1, HOUR },
  { DOSSIER_CHART_TICK_HOUR, 2, 2 * HOUR },
  { DOSSIER_CHART_TICK_HOUR, 3, 3 * HOUR },
  { DOSSIER_CHART_TICK_HOUR, 6, 6 * HOUR },
  { DOSSIER_CHART_TICK_HOUR, 12, 12 * HOUR },
  { DOSSIER_CHART_TICK_DAY, 1, DAY },
  { DOSSIER_CHART_TICK_DAY, 2, 2 * DAY },
  { DOSSIER_CHART_TICK_DAY, 7, 7 * DAY },
  { DOSSIER_CHART_TICK_MONTH, 1, MONTH },
  { DOSSIER_CHART_TICK_MONTH, 3, 3 * MONTH },
  { DOSSIER_CHART_TICK_MONTH, 6, 6 * MONTH },
  { DOSSIER_CHART_TICK_YEAR, 1, YEAR },
  { DOSSIER_CHART_TICK_YEAR, 2, 2 * YEAR },
  { DOSSIER_CHART_TICK_YEAR, 5, 5 * YEAR },
  { DOSSIER_CHART_TICK_DECADE, 1, 10 * YEAR },
  { DOSSIER_CHART_TICK_DECADE, 2, 20 * YEAR },
  { DOSSIER_CHART_TICK_DECADE, 5, 50 * YEAR },
  { DOSSIER_CHART_TICK_DECADE, 10, 100 * YEAR },
};

static void
clear_tick (gpointer data)
{
  DossierChartTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

/* The first tick at or before @t: the start of the unit, rounded down to
 * a multiple of the step (every 3 hours from midnight, every 3 months
 * from January, every 5 years from a year ending in 0 or 5). */
static GDateTime *
first_tick (const Step *s,
            gint64      t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  int year = g_date_time_get_year (dt);
  int month = g_date_time_get_month (dt);
  int day = g_date_time_get_day_of_month (dt);
  int hour = g_date_time_get_hour (dt);
  int years;

  switch (s->unit)
    {
    case DOSSIER_CHART_TICK_HOUR:
      return g_date_time_new_utc (year, month, day, hour - hour % (int) s->step, 0, 0);
    case DOSSIER_CHART_TICK_DAY:
      if (s->step == 7)
        {
          /* Weeks start on Monday. */
          g_autoptr(GDateTime) midnight = g_date_time_new_utc (year, month, day, 0, 0, 0);

          return g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (midnight));
        }
      return g_date_time_new_utc (year, month, day - (day - 1) % (int) s->step, 0, 0, 0);
    case DOSSIER_CHART_TICK_MONTH:
      return g_date_time_new_utc (year, month - (month - 1) % (int) s->step, 1, 0, 0, 0);
    case DOSSIER_CHART_TICK_YEAR:
    case DOSSIER_CHART_TICK_DECADE:
    default:
      years = (int) s->step * (s->unit == DOSSIER_CHART_TICK_DECADE ? 10 : 1);
      year -= ((year % years) + years) % years;
      return g_date_time_new_utc (MAX (year, 1), 1, 1, 0, 0, 0);
    }
}

static GDateTime *
next_tick (const Step *s,
           GDateTime  *dt)
{
  switch (s->unit)
    {
    case DOSSIER_CHART_TICK_HOUR:
      return g_date_time_add_hours (dt, s->step);
    case DOSSIER_CHART_TICK_DAY:
      if (s->step != 7 && g_date_time_get_day_of_month (dt) + (int) s->step > 28)
        {
          /* Two-day steps restart on the 1st, so that every month's
           * ticks fall on the same days. */
          g_autoptr(GDateTime) next = g_date_time_add_days (dt, s->step);

          if (g_date_time_get_month (next) != g_date_time_get_month (dt))
            return g_date_time_new_utc (g_date_time_get_year (next), g_date_time_get_month (next),
                                        1, 0, 0, 0);
          return g_steal_pointer (&next);
        }
      return g_date_time_add_days (dt, s->step);
    case DOSSIER_CHART_TICK_MONTH:
      return g_date_time_add_months (dt, s->step);
    case DOSSIER_CHART_TICK_YEAR:
      return g_date_time_add_years (dt, s->step);
    case DOSSIER_CHART_TICK_DECADE:
    default:
      return g_date_time_add_years (dt, 10 * s->step);
    }
}

static gboolean
is_major (const Step *s,
          GDateTime  *dt)
{
  switch (s->unit)
    {
    case DOSSIER_CHART_TICK_HOUR:
      return g_date_time_get_hour (dt) == 0;
    case DOSSIER_CHART_TICK_DAY:
      return g_date_time_get_day_of_month (dt) == 1;
    case DOSSIER_CHART_TICK_MONTH:
      return g_date_time_get_month (dt) == 1;
    case DOSSIER_CHART_TICK_YEAR:
      return g_date_time_get_year (dt) % 10 == 0;
    case DOSSIER_CHART_TICK_DECADE:
    default:
      return g_date_time_get_year (dt) % 100 == 0;
    }
}

static char *
tick_label (const Step *s,
            GDateTime  *dt,
            gboolean    major,
            gboolean    first)
{
  /* The first tick says the year the axis is in, unless a later one does
   * (and a month tick at January is the year). */
  if (first && !major && s->unit == DOSSIER_CHART_TICK_MONTH)
    /* Translators: the first month on the chart's time axis: "Nov 2014". */
    return g_date_time_format (dt, C_("chart axis", "%b %Y"));
  if (first && !major && s->unit == DOSSIER_CHART_TICK_DAY)
    return g_date_time_format (dt, C_("chart axis", "%-d %b %Y"));
  /* Hours are in UTC, as instants are shown elsewhere: the first one
   * says so, with its day. */
  if (first && s->unit == DOSSIER_CHART_TICK_HOUR)
    /* Translators: the first hour on the chart's time axis:
     * "24 Nov 2014, 08:00 UTC". */
    return g_date_time_format (dt, C_("chart axis", "%-d %b %Y, %H:%M UTC"));

  switch (s->unit)
    {
    case DOSSIER_CHART_TICK_HOUR:
      if (major)
        /* Translators: a day on the chart's time axis, strftime format:
         * "24 Nov". */
        return g_date_time_format (dt, C_("chart axis", "%-d %b"));
      /* Translators: an hour on the chart's time axis: "10:00". */
      return g_date_time_format (dt, C_("chart axis", "%H:%M"));
    case DOSSIER_CHART_TICK_DAY:
      if (major && g_date_time_get_month (dt) == 1)
        /* Translators: the first day of a year on the chart's time
         * axis: "1 Jan 2015". */
        return g_date_time_format (dt, C_("chart axis", "%-d %b %Y"));
      return g_date_time_format (dt, C_("chart axis", "%-d %b"));
    case DOSSIER_CHART_TICK_MONTH:
      if (major)
        return g_date_time_format (dt, "%Y");
      /* Translators: a month on the chart's time axis: "Nov". */
      return g_date_time_format (dt, C_("chart axis", "%b"));
    case DOSSIER_CHART_TICK_YEAR:
    case DOSSIER_CHART_TICK_DECADE:
    default:
      return g_date_time_format (dt, "%Y");
    }
}

DossierChartTicks *
dossier_chart_ticks_new (double t0,
                         double t1,
                         double width,
                         double min_spacing)
{
  DossierChartTicks *self;
  const Step *s = &steps[G_N_ELEMENTS (steps) - 1];
  g_autoptr(GDateTime) dt = NULL;
  double per_second;

  g_return_val_if_fail (t1 > t0, NULL);
  g_return_val_if_fail (width > 0, NULL);

  per_second = width / (t1 - t0);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].seconds * per_second >= min_spacing)
      {
        s = &steps[i];
        break;
      }

  self = g_new0 (DossierChartTicks, 1);
  self->unit = s->unit;
  self->step = s->step;
  self->ticks = g_array_new (FALSE, TRUE, sizeof (DossierChartTick));
  g_array_set_clear_func (self->ticks, clear_tick);

  /* Years 1 to 9999: what GDateTime and the date parser know. */
  t0 = CLAMP (t0, -62135596800.0, 253402300799.0);
  t1 = CLAMP (t1, -62135596800.0, 253402300799.0);

  dt = first_tick (s, (gint64) floor (t0));
  while (dt != NULL)
    {
      gint64 t = g_date_time_to_unix (dt);
      GDateTime *next;

      if (t > t1)
        break;
      if (t >= t0)
        {
          DossierChartTick tick = { t, is_major (s, dt), NULL };

          tick.label = tick_label (s, dt, tick.major, self->ticks->len == 0);
          g_array_append_val (self->ticks, tick);
        }
      next = next_tick (s, dt);
      g_date_time_unref (dt);
      dt = next;
    }

  return self;
}

void
dossier_chart_ticks_free (DossierChartTicks *ticks)
{
  if (ticks == NULL)
    return;

  g_array_unref (ticks->ticks);
  g_free (ticks);
}
