/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One side of a date: a year, season, month, day or instant. */
typedef struct
{
  guint16 year;
  guint8  month;      /* 1-12, 0 when not given */
  guint8  day;        /* 1-31, 0 when not given */
  guint8  season;     /* 21-24, 0 when not a season */
  guint8  hour;
  guint8  minute;
  guint8  second;
  guint8  precision;  /* DossierDatePrecision */
  guint8  has_zone : 1;
  guint8  uncertain : 1;
  guint8  approximate : 1;
  gint32  offset;     /* seconds east of UTC */
  gint64  start_key;
  gint64  end_key;
} DatePart;

struct _DossierDate
{
  gatomicrefcount ref_count;
  gboolean        interval;
  DatePart        start;
  DatePart        end;    /* a copy of start when not an interval */
  /* The text as written, stored in the same block: a case holds one
   * date per note and a large case has a hundred thousand of them. */
  char            text[];
};

G_DEFINE_QUARK (dossier-date-error-quark, dossier_date_error)

G_DEFINE_BOXED_TYPE (DossierDate, dossier_date, dossier_date_copy, dossier_date_free)

#define MAX_QUOTED_CHARS 40

/* Calendar arithmetic, proleptic Gregorian, by hand: the parse path runs
 * a hundred thousand times when a large case opens. */

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline int
days_in_month (int year,
               int month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Days since 1970-01-01 (after Howard Hinnant's days_from_civil). */
static inline gint64
days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static inline gint64
day_key (gint64 year,
         int    month,
         int    day)
{
  return days_from_civil (year, month, day) * 86400;
}

/* Where each season starts, as the format page says (summer 2014 sorts
 * as 21 June 2014). */
static void
season_start (int  season,
              int *month,
              int *day)
{
  switch (season)
    {
    case 21: *month = 3; *day = 21; break;
    case 22: *month = 6; *day = 21; break;
    case 23: *month = 9; *day = 23; break;
    case 24: *month = 12; *day = 21; break;
    default: g_assert_not_reached ();
    }
}

static void
part_compute_keys (DatePart *p)
{
  int m, d;

  switch (p->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      p->start_key = day_key (p->year, 1, 1);
      p->end_key = day_key (p->year + 1, 1, 1) - 1;
      break;

    case DOSSIER_DATE_PRECISION_SEASON:
      season_start (p->season, &m, &d);
      p->start_key = day_key (p->year, m, d);
      if (p->season == 24)
        {
          season_start (21, &m, &d);
          p->end_key = day_key (p->year + 1, m, d) - 1;
        }
      else
        {
          season_start (p->season + 1, &m, &d);
          p->end_key = day_key (p->year, m, d) - 1;
        }
      break;

    case DOSSIER_DATE_PRECISION_MONTH:
      p->start_key = day_key (p->year, p->month, 1);
      if (p->month == 12)
        p->end_key = day_key (p->year + 1, 1, 1) - 1;
      else
        p->end_key = day_key (p->year, p->month + 1, 1) - 1;
      break;

    case DOSSIER_DATE_PRECISION_DAY:
      p->start_key = day_key (p->year, p->month, p->day);
      p->end_key = p->start_key + 86400 - 1;
      break;

    case DOSSIER_DATE_PRECISION_MINUTE:
    case DOSSIER_DATE_PRECISION_SECOND:
      p->start_key = day_key (p->year, p->month, p->day)
                     + p->hour * 3600 + p->minute * 60 + p->second
                     - p->offset;
      /* An instant written to the minute covers that minute. */
      p->end_key = p->start_key
                   + (p->precision == DOSSIER_DATE_PRECISION_MINUTE ? 59 : 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Display helpers. */

static GDateTime *
part_local_date_time (const DatePart *p)
{
  int month = p->month ? p->month : 1;
  int day = p->day ? p->day : 1;

  if (p->precision == DOSSIER_DATE_PRECISION_SEASON)
    season_start (p->season, &month, &day);

  return g_date_time_new_utc (p->year, month, day, p->hour, p->minute, p->second);
}

/* "February 2014", localized by GLib and the translation. */
static char *
format_month_year (int year,
                   int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  /* Translators: a month and its year, "November 2014"; a
   * g_date_time_format() pattern. Use %OB for the nominative month name
   * where your language has one. */
  /* xgettext:no-c-format */
  return g_date_time_format (dt, C_("month and year", "%B %Y"));
}

/* Makes user-written text safe and short enough to quote in a message:
 * invisible and control characters are written as \u{XXXX} so that
 * "'2014\u{1}' is not a date" does not read as "'2014' is not a date". */
static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p;
  guint n_chars = 0;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (n_chars++ == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "…");
          break;
        }

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT
          || type == G_UNICODE_LINE_SEPARATOR
          || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_string_append_printf (out, "\\u{%X}", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static void
set_not_a_date (GError     **error,
                const char  *text)
{
  g_autofree char *quoted = NULL;

  if (error == NULL)
    return;
  quoted = quote_text (text);
  g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
               _("'%s' is not a date; write it like 2014, 2014-11 or 2014-11-24"),
               quoted);
}

/* Sets "'TEXT': REASON" where REASON is already formatted. */
G_GNUC_PRINTF (3, 4)
static void
set_problem (GError     **error,
             const char  *text,
             const char  *format,
             ...)
{
  g_autofree char *quoted = NULL;
  g_autofree char *reason = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  quoted = quote_text (text);
  /* Translators: the date as written, then what is wrong with it:
   * "'2014-02-30': February 2014 has no day 30". */
  g_set_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
               _("'%1$s': %2$s"), quoted, reason);
}

/* Parsing. */

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
two_digits (const char *p,
            const char *end,
            int        *out)
{
  if (end - p < 2 || !is_digit (p[0]) || !is_digit (p[1]))
    return FALSE;
  *out = (p[0] - '0') * 10 + (p[1] - '0');
  return TRUE;
}

/* The steps of parse_part(): each reads its piece of @text at @p and
 * returns what follows it, or NULL with @error set. */

static const char *
parse_year (const char  *p,
            const char  *end,
            const char  *text,
            DatePart    *out,
            GError     **error)
{
  const char *q;
  int year = 0;
  int n_digits = 0;

  if (p < end && (*p == '-' || *p == '+'))
    {
      if (end - p > 1 && is_digit (p[1]))
        {
          set_problem (error, text, "%s",
                       _("only years 0001 to 9999 can be written"));
          return NULL;
        }
      set_not_a_date (error, text);
      return NULL;
    }

  for (q = p; q < end && is_digit (*q); q++)
    {
      n_digits++;
      if (n_digits <= 4)
        year = year * 10 + (*q - '0');
    }

  if (n_digits == 0)
    {
      set_not_a_date (error, text);
      return NULL;
    }
  if (n_digits > 4)
    {
      set_problem (error, text, "%s",
                   _("only years 0001 to 9999 can be written"));
      return NULL;
    }
  if (n_digits < 4)
    {
      set_problem (error, text, "%s",
                   _("write the year with four digits, like 2014"));
      return NULL;
    }
  if (year == 0)
    {
      set_problem (error, text, "%s",
                   _("there is no year 0000; years run from 0001 to 9999"));
      return NULL;
    }

  out->year = year;
  out->precision = DOSSIER_DATE_PRECISION_YEAR;
  return q;
}

/* "-MM" after the year: a month, or a season (21 to 24). */
static const char *
parse_month (const char  *p,
             const char  *end,
             const char  *text,
             DatePart    *out,
             GError     **error)
{
  int month;

  if (!two_digits (p + 1, end, &month) || (end - p > 3 && is_digit (p[3])))
    {
      set_not_a_date (error, text);
      return NULL;
    }
  p += 3;

  if (month >= 21 && month <= 24)
    {
      out->season = month;
      out->precision = DOSSIER_DATE_PRECISION_SEASON;
      if (p < end && *p == '-')
        {
          set_problem (error, text, "%s",
                       _("a season (21 to 24) has no days; write a month from 01 to 12"));
          return NULL;
        }
    }
  else if (month < 1 || month > 12)
    {
      set_problem (error, text, _("there is no month %d"), month);
      return NULL;
    }
  else
    {
      out->month = month;
      out->precision = DOSSIER_DATE_PRECISION_MONTH;
    }

  return p;
}

/* "-DD" after a month. */
static const char *
parse_day (const char  *p,
           const char  *end,
           const char  *text,
           DatePart    *out,
           GError     **error)
{
  int day;

  if (!two_digits (p + 1, end, &day) || (end - p > 3 && is_digit (p[3])))
    {
      set_not_a_date (error, text);
      return NULL;
    }
  p += 3;

  if (day < 1 || day > days_in_month (out->year, out->month))
    {
      g_autofree char *month_year = format_month_year (out->year, out->month);

      /* Translators: "February 2014 has no day 30". */
      set_problem (error, text, _("%1$s has no day %2$d"), month_year, day);
      return NULL;
    }
  out->day = day;
  out->precision = DOSSIER_DATE_PRECISION_DAY;
  return p;
}

/* "Z", "+01:00" or "-05:00" after a time, or nothing. */
static const char *
parse_zone (const char  *p,
            const char  *end,
            const char  *text,
            DatePart    *out,
            GError     **error)
{
  int sign;
  int oh, om;

  if (p < end && *p == 'Z')
    {
      out->has_zone = TRUE;
      return p + 1;
    }

  if (p >= end || (*p != '+' && *p != '-'))
    return p;

  sign = *p == '-' ? -1 : 1;
  if (!two_digits (p + 1, end, &oh) || end - p < 6
      || p[3] != ':' || !two_digits (p + 4, end, &om)
      || (end - p > 6 && is_digit (p[6])))
    {
      set_problem (error, text, "%s",
                   _("write the time zone like Z, +01:00 or -05:00"));
      return NULL;
    }
  if (oh > 23 || om > 59)
    {
      set_problem (error, text, _("there is no time zone offset %.6s"), p);
      return NULL;
    }
  out->has_zone = TRUE;
  out->offset = sign * (oh * 3600 + om * 60);
  return p + 6;
}

/* "THH:MM" or "THH:MM:SS" after a day, then its zone. */
static const char *
parse_time (const char  *p,
            const char  *end,
            const char  *text,
            DatePart    *out,
            GError     **error)
{
  int hour, minute, second;

  if (!two_digits (p + 1, end, &hour) || end - p < 6
      || p[3] != ':' || !two_digits (p + 4, end, &minute))
    {
      set_not_a_date (error, text);
      return NULL;
    }
  p += 6;
  second = 0;
  out->precision = DOSSIER_DATE_PRECISION_MINUTE;

  if (p < end && *p == ':')
    {
      if (!two_digits (p + 1, end, &second))
        {
          set_not_a_date (error, text);
          return NULL;
        }
      p += 3;
      out->precision = DOSSIER_DATE_PRECISION_SECOND;
    }

  if (hour > 23)
    {
      set_problem (error, text,
                   _("there is no hour %d; a day runs from 00:00 to 23:59"),
                   hour);
      return NULL;
    }
  if (minute > 59)
    {
      set_problem (error, text, _("there is no minute %d"), minute);
      return NULL;
    }
  if (second > 59)
    {
      set_problem (error, text, _("there is no second %d"), second);
      return NULL;
    }

  out->hour = hour;
  out->minute = minute;
  out->second = second;

  return parse_zone (p, end, text, out, error);
}

/* "?", "~" or "%" at the end, or nothing. */
static const char *
parse_qualifier (const char *p,
                 const char *end,
                 DatePart   *out)
{
  if (p >= end)
    return p;

  switch (*p)
    {
    case '?':
      out->uncertain = TRUE;
      return p + 1;
    case '~':
      out->approximate = TRUE;
      return p + 1;
    case '%':
      out->uncertain = TRUE;
      out->approximate = TRUE;
      return p + 1;
    default:
      return p;
    }
}

/* Parses one side of a date, [p, end). @text is the whole date for
 * messages. */
static gboolean
parse_part (const char  *p,
            const char  *end,
            const char  *text,
            DatePart    *out,
            GError     **error)
{
  memset (out, 0, sizeof *out);

  p = parse_year (p, end, text, out, error);
  if (p == NULL)
    return FALSE;

  if (p < end && *p == '-')
    {
      p = parse_month (p, end, text, out, error);
      if (p == NULL)
        return FALSE;

      if (out->precision == DOSSIER_DATE_PRECISION_MONTH && p < end && *p == '-')
        {
          p = parse_day (p, end, text, out, error);
          if (p == NULL)
            return FALSE;

          if (p < end && *p == 'T')
            {
              p = parse_time (p, end, text, out, error);
              if (p == NULL)
                return FALSE;
            }
        }
    }

  p = parse_qualifier (p, end, out);
  if (p != end)
    {
      set_not_a_date (error, text);
      return FALSE;
    }

  part_compute_keys (out);
  return TRUE;
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

DossierDate *
dossier_date_parse (const char  *text,
                    GError     **error)
{
  DatePart start, end;
  const char *slash;
  gboolean interval = FALSE;
  DossierDate *date;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = strlen (text);

  if (len == 0)
    {
      g_set_error_literal (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID,
                           _("The date is empty; write it like 2014, 2014-11 or 2014-11-24"));
      return NULL;
    }

  if (is_ascii_space (text[0]) || is_ascii_space (text[len - 1]))
    {
      set_problem (error, text, "%s",
                   _("remove the spaces before or after the date"));
      return NULL;
    }

  slash = memchr (text, '/', len);
  if (slash != NULL)
    {
      const char *rest = slash + 1;

      if (memchr (rest, '/', len - (rest - text)) != NULL)
        {
          set_not_a_date (error, text);
          return NULL;
        }
      if (slash == text || *rest == '\0'
          || (slash - text == 2 && text[0] == '.' && text[1] == '.')
          || strcmp (rest, "..") == 0)
        {
          set_problem (error, text, "%s",
                       _("an interval needs both a start and an end"));
          return NULL;
        }

      if (!parse_part (text, slash, text, &start, error)
          || !parse_part (rest, text + len, text, &end, error))
        return NULL;

      if (start.start_key > end.end_key)
        {
          set_problem (error, text, "%s", _("the interval starts after it ends"));
          return NULL;
        }
      interval = TRUE;
    }
  else
    {
      if (!parse_part (text, text + len, text, &start, error))
        return NULL;
      end = start;
    }

  date = g_malloc (sizeof (DossierDate) + len + 1);
  g_atomic_ref_count_init (&date->ref_count);
  date->interval = interval;
  date->start = start;
  date->end = end;
  memcpy (date->text, text, len + 1);

  return date;
}

/* Dates are immutable: a copy is a new reference. */
DossierDate *
dossier_date_copy (const DossierDate *date)
{
  DossierDate *self = (DossierDate *) date;

  g_return_val_if_fail (date != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_date_free (DossierDate *date)
{
  if (date == NULL)
    return;
  if (g_atomic_ref_count_dec (&date->ref_count))
    g_free (date);
}

const char *
dossier_date_get_text (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  return date->text;
}

DossierDatePrecision
dossier_date_get_precision (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, DOSSIER_DATE_PRECISION_YEAR);
  return date->start.precision;
}

gboolean
dossier_date_is_uncertain (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return date->start.uncertain || date->end.uncertain;
}

gboolean
dossier_date_is_approximate (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return date->start.approximate || date->end.approximate;
}

gboolean
dossier_date_is_interval (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return date->interval;
}

gboolean
dossier_date_is_instant (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return date->start.precision >= DOSSIER_DATE_PRECISION_MINUTE;
}

gint64
dossier_date_get_sort_key (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);
  return date->start.start_key;
}

gint64
dossier_date_get_end_key (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);
  return date->end.end_key;
}

int
dossier_date_compare (const DossierDate *a,
                      const DossierDate *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;

  if (a->start.start_key != b->start.start_key)
    return a->start.start_key < b->start.start_key ? -1 : 1;
  if (a->start.precision != b->start.precision)
    return a->start.precision < b->start.precision ? -1 : 1;
  return 0;
}

/* Formatting. */

typedef enum
{
  WITH_YEAR,
  WITHOUT_YEAR,
  DAY_ONLY,
} PartStyle;

static const char *
season_pattern (int      season,
                gboolean with_year)
{
  /* Translators: these are g_date_time_format() patterns; %Y is the
   * year. */
  switch (season)
    {
    case 21:
      /* xgettext:no-c-format */
      return with_year ? C_("season and year", "Spring %Y") : C_("season", "Spring");
    case 22:
      /* xgettext:no-c-format */
      return with_year ? C_("season and year", "Summer %Y") : C_("season", "Summer");
    case 23:
      /* xgettext:no-c-format */
      return with_year ? C_("season and year", "Autumn %Y") : C_("season", "Autumn");
    case 24:
      /* xgettext:no-c-format */
      return with_year ? C_("season and year", "Winter %Y") : C_("season", "Winter");
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* Formats one side without its qualifiers. @tz is used for instants
 * with a zone; NULL means UTC. */
static char *
format_part (const DatePart *p,
             PartStyle       style,
             GTimeZone      *tz)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *pattern = NULL;
  char *result;

  if (p->precision >= DOSSIER_DATE_PRECISION_MINUTE && p->has_zone)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (p->start_key);

      /* Out of GDateTime's range in @tz (year 1 or 9999 near a day's
       * edge): UTC instead. */
      if (utc != NULL && tz != NULL)
        dt = g_date_time_to_timezone (utc, tz);
      if (dt == NULL)
        dt = g_steal_pointer (&utc);

      if (dt == NULL)
        {
          /* Out of range in UTC too (0001-01-01T00:00+01:00): the time as
           * written, in its own offset. */
          g_autoptr(GTimeZone) own = g_time_zone_new_offset (p->offset);

          dt = g_date_time_new (own, p->year, p->month, p->day,
                                p->hour, p->minute, p->second);
        }

      if (p->precision == DOSSIER_DATE_PRECISION_SECOND)
        /* Translators: an instant with its time zone, "24 November 2014,
         * 23:00:05 UTC"; a g_date_time_format() pattern. */
        /* xgettext:no-c-format */
        pattern = C_("instant with seconds", "%-d %B %Y, %H:%M:%S %Z");
      else
        /* Translators: an instant with its time zone, "24 November 2014,
         * 23:00 UTC"; a g_date_time_format() pattern. */
        /* xgettext:no-c-format */
        pattern = C_("instant", "%-d %B %Y, %H:%M %Z");
    }
  else
    {
      dt = part_local_date_time (p);

      switch (p->precision)
        {
        case DOSSIER_DATE_PRECISION_YEAR:
          /* Translators: a year alone, "2014"; a g_date_time_format()
           * pattern. */
          /* xgettext:no-c-format */
          pattern = C_("year", "%Y");
          break;

        case DOSSIER_DATE_PRECISION_SEASON:
          pattern = season_pattern (p->season, style == WITH_YEAR);
          break;

        case DOSSIER_DATE_PRECISION_MONTH:
          if (style == WITH_YEAR)
            /* Translators: a month and its year, "November 2014"; a
             * g_date_time_format() pattern. Use %OB for the nominative
             * month name where your language has one. */
            /* xgettext:no-c-format */
            pattern = C_("month and year", "%B %Y");
          else
            /* Translators: a month in an interval whose year is shown
             * once at the end, "October" in "October – December 2014";
             * %OB is the nominative month name where a language has one. */
            /* xgettext:no-c-format */
            pattern = C_("month without year", "%B");
          break;

        case DOSSIER_DATE_PRECISION_DAY:
          if (style == WITH_YEAR)
            /* Translators: a day, "24 November 2014"; a
             * g_date_time_format() pattern. */
            /* xgettext:no-c-format */
            pattern = C_("day", "%-d %B %Y");
          else if (style == WITHOUT_YEAR)
            /* Translators: a day in an interval whose year is shown once
             * at the end, "10 October" in "10 October – 25 December 2014". */
            /* xgettext:no-c-format */
            pattern = C_("day without year", "%-d %B");
          else
            /* Translators: the first day of an interval within one month,
             * "10" in "10–25 October 2014". */
            /* xgettext:no-c-format */
            pattern = C_("day without month", "%-d");
          break;

        case DOSSIER_DATE_PRECISION_MINUTE:
          /* Translators: an instant written without a time zone; a
           * g_date_time_format() pattern. */
          /* xgettext:no-c-format */
          pattern = C_("instant without zone", "%-d %B %Y, %H:%M (time zone not given)");
          break;

        case DOSSIER_DATE_PRECISION_SECOND:
          /* Translators: an instant written without a time zone, with
           * seconds; a g_date_time_format() pattern. */
          /* xgettext:no-c-format */
          pattern = C_("instant without zone", "%-d %B %Y, %H:%M:%S (time zone not given)");
          break;

        default:
          g_assert_not_reached ();
        }
    }

  result = dt != NULL ? g_date_time_format (dt, pattern) : NULL;
  if (result == NULL)
    result = g_strdup ("?");
  return result;
}

static char *
qualify (char           *formatted,
         const DatePart *p)
{
  char *result;

  if (p->uncertain && p->approximate)
    /* Translators: a date both approximate and uncertain (EDTF "%"). */
    result = g_strdup_printf (_("about %s (uncertain)"), formatted);
  else if (p->uncertain)
    /* Translators: a date the source is not sure of (EDTF "?"). */
    result = g_strdup_printf (_("%s (uncertain)"), formatted);
  else if (p->approximate)
    /* Translators: an approximate date (EDTF "~"), "about October 2014". */
    result = g_strdup_printf (_("about %s"), formatted);
  else
    return formatted;

  g_free (formatted);
  return result;
}

static gboolean
part_is_qualified (const DatePart *p)
{
  return p->uncertain || p->approximate;
}

static char *
format_date (const DossierDate *date,
             GTimeZone         *tz)
{
  const DatePart *a = &date->start;
  const DatePart *b = &date->end;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!date->interval)
    return qualify (format_part (a, WITH_YEAR, tz), a);

  /* The year is shown once when both sides fall in it and are calendar
   * dates: "10 October – 25 December 2014", "10–25 October 2014". */
  if (!part_is_qualified (a) && !part_is_qualified (b)
      && a->year == b->year
      && a->precision > DOSSIER_DATE_PRECISION_YEAR
      && a->precision <= DOSSIER_DATE_PRECISION_DAY
      && b->precision > DOSSIER_DATE_PRECISION_YEAR
      && b->precision <= DOSSIER_DATE_PRECISION_DAY
      && (a->precision == DOSSIER_DATE_PRECISION_SEASON)
         == (b->precision == DOSSIER_DATE_PRECISION_SEASON))
    {
      if (a->precision == DOSSIER_DATE_PRECISION_DAY
          && b->precision == DOSSIER_DATE_PRECISION_DAY
          && a->month == b->month)
        {
          first = format_part (a, DAY_ONLY, tz);
          second = format_part (b, WITH_YEAR, tz);
          /* Translators: an interval within one month, "10–25 October
           * 2014": the first day, then the last day with its month and
           * year. */
          return g_strdup_printf (C_("interval in one month", "%1$s–%2$s"),
                                  first, second);
        }

      first = format_part (a, WITHOUT_YEAR, tz);
      second = format_part (b, WITH_YEAR, tz);
    }
  else
    {
      first = qualify (format_part (a, WITH_YEAR, tz), a);
      second = qualify (format_part (b, WITH_YEAR, tz), b);
    }

  /* Translators: an interval, "10 October – 25 December 2014". */
  return g_strdup_printf (C_("interval", "%1$s – %2$s"), first, second);
}

char *
dossier_date_format (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_date (date, NULL);
}

char *
dossier_date_format_in_zone (const DossierDate *date,
                             GTimeZone         *tz)
{
  g_autoptr(GTimeZone) local = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  return format_date (date, tz);
}

GDateTime *
dossier_date_to_date_time (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_new_from_unix_utc (date->start.start_key);
}

char *
dossier_format_duration (gint64 seconds)
{
  const gint64 minute = 60, hour = 3600, day = 86400;
  guint64 s = seconds < 0 ? -(guint64) seconds : (guint64) seconds;
  gulong n;

  if (s < (guint64) minute)
    {
      n = s;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu second", "%lu seconds", n), n);
    }

  if (s < (guint64) hour - minute / 2)
    {
      n = (s + minute / 2) / minute;
      if (s % minute == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute", "%lu minutes", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu minute", "about %lu minutes", n), n);
    }

  if (s < (guint64) day - hour / 2)
    {
      n = (s + hour / 2) / hour;
      if (s % hour == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour", "%lu hours", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu hour", "about %lu hours", n), n);
    }

  if (s < (guint64) 60 * day)
    {
      n = (s + day / 2) / day;
      if (s % day == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day", "%lu days", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu day", "about %lu days", n), n);
    }

  {
    /* Months and years differ in length: whole years are said exactly
     * when the span is within a day of them, months never are. */
    double days = (double) s / day;
    double years = days / 365.2425;
    double months = days / (365.2425 / 12.0);

    if (days < 365.2425 - 15.0)
      {
        n = (gulong) (months + 0.5);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu month", "about %lu months", n), n);
      }

    n = (gulong) (years + 0.5);
    if (n < 1)
      n = 1;
    if (ABS (days - n * 365.2425) <= 1.0)
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu year", "%lu years", n), n);
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu year", "about %lu years", n), n);
  }
}
