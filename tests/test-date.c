/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "dossier-date.h"

/* Runs with LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC (tests/meson.build). */

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static DossierDate *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  DossierDate *date = dossier_date_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (date);
  g_assert_cmpstr (dossier_date_get_text (date), ==, text);
  return date;
}

static void
assert_format (const char *text,
               const char *expected)
{
  g_autoptr(DossierDate) date = parse_ok (text);
  g_autofree char *shown = dossier_date_format (date);

  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDate) date = dossier_date_parse (text, &error);

  g_assert_null (date);
  g_assert_error (error, DOSSIER_DATE_ERROR, DOSSIER_DATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Every row of the table in the format page, parsed and shown. */

static void
test_parse_year (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014");
  g_autofree char *shown = dossier_date_format (date);

  g_assert_cmpstr (shown, ==, "2014");
  g_assert_cmpint (dossier_date_get_precision (date), ==, DOSSIER_DATE_PRECISION_YEAR);
  g_assert_false (dossier_date_is_interval (date));
  g_assert_false (dossier_date_is_instant (date));
  g_assert_false (dossier_date_is_uncertain (date));
  g_assert_false (dossier_date_is_approximate (date));
  g_assert_cmpint (dossier_date_get_sort_key (date), ==, utc (2014, 1, 1, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (date), ==, utc (2015, 1, 1, 0, 0, 0) - 1);
}

static void
test_parse_month (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014-11");
  g_autofree char *shown = dossier_date_format (date);

  g_assert_cmpstr (shown, ==, "November 2014");
  g_assert_cmpint (dossier_date_get_precision (date), ==, DOSSIER_DATE_PRECISION_MONTH);
  g_assert_cmpint (dossier_date_get_sort_key (date), ==, utc (2014, 11, 1, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (date), ==, utc (2014, 12, 1, 0, 0, 0) - 1);

  assert_format ("2014-01", "January 2014");
  assert_format ("2014-12", "December 2014");
}

static void
test_parse_day (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014-11-24");
  g_autofree char *shown = dossier_date_format (date);

  g_assert_cmpstr (shown, ==, "24 November 2014");
  g_assert_cmpint (dossier_date_get_precision (date), ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_false (dossier_date_is_instant (date));
  g_assert_cmpint (dossier_date_get_sort_key (date), ==, utc (2014, 11, 24, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (date), ==, utc (2014, 11, 25, 0, 0, 0) - 1);

  assert_format ("2014-11-03", "3 November 2014");
  assert_format ("0001-01-01", "1 January 1");
  assert_format ("9999-12-31", "31 December 9999");
}

static void
test_parse_instant (void)
{
  g_autoptr(DossierDate) z = parse_ok ("2014-11-24T23:00Z");
  g_autoptr(DossierDate) offset = parse_ok ("2014-11-24T18:00-05:00");
  g_autoptr(DossierDate) seconds = parse_ok ("2014-11-24T23:00:05Z");
  g_autoptr(DossierDate) east = parse_ok ("2014-11-25T08:00+09:00");

  g_assert_true (dossier_date_is_instant (z));
  g_assert_cmpint (dossier_date_get_precision (z), ==, DOSSIER_DATE_PRECISION_MINUTE);
  g_assert_cmpint (dossier_date_get_precision (seconds), ==, DOSSIER_DATE_PRECISION_SECOND);
  g_assert_cmpint (dossier_date_get_sort_key (z), ==, utc (2014, 11, 24, 23, 0, 0));
  g_assert_cmpint (dossier_date_get_sort_key (offset), ==, utc (2014, 11, 24, 23, 0, 0));
  g_assert_cmpint (dossier_date_get_sort_key (east), ==, utc (2014, 11, 24, 23, 0, 0));
  g_assert_cmpint (dossier_date_get_sort_key (seconds), ==, utc (2014, 11, 24, 23, 0, 5));
  g_assert_cmpint (dossier_date_compare (z, offset), ==, 0);

  assert_format ("2014-11-24T23:00Z", "24 November 2014, 23:00 UTC");
  assert_format ("2014-11-24T18:00-05:00", "24 November 2014, 23:00 UTC");
  assert_format ("2014-11-25T08:00+09:00", "24 November 2014, 23:00 UTC");
  assert_format ("2014-11-24T23:00:05Z", "24 November 2014, 23:00:05 UTC");
  assert_format ("2014-11-24T23:00:00Z", "24 November 2014, 23:00:00 UTC");
  /* Crossing midnight and a year when moved to UTC. */
  assert_format ("2014-12-31T22:30-02:00", "1 January 2015, 00:30 UTC");
  assert_format ("9999-12-31T23:59:59Z", "31 December 9999, 23:59:59 UTC");
}

static void
test_parse_instant_without_zone (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014-11-24T23:00");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autofree char *in_zone = NULL;

  g_assert_true (dossier_date_is_instant (date));
  g_assert_cmpint (dossier_date_get_sort_key (date), ==, utc (2014, 11, 24, 23, 0, 0));
  assert_format ("2014-11-24T23:00", "24 November 2014, 23:00 (time zone not given)");
  assert_format ("2014-11-24T23:00:30", "24 November 2014, 23:00:30 (time zone not given)");

  /* Without a zone there is nothing to convert. */
  g_assert_nonnull (new_york);
  in_zone = dossier_date_format_in_zone (date, new_york);
  g_assert_cmpstr (in_zone, ==, "24 November 2014, 23:00 (time zone not given)");
}

static void
test_parse_season (void)
{
  g_autoptr(DossierDate) summer = parse_ok ("2014-22");
  g_autoptr(DossierDate) winter = parse_ok ("2014-24");
  g_autoptr(DossierDate) spring = parse_ok ("2014-21");
  g_autoptr(DossierDate) autumn = parse_ok ("2014-23");

  assert_format ("2014-21", "Spring 2014");
  assert_format ("2014-22", "Summer 2014");
  assert_format ("2014-23", "Autumn 2014");
  assert_format ("2014-24", "Winter 2014");

  g_assert_cmpint (dossier_date_get_precision (summer), ==, DOSSIER_DATE_PRECISION_SEASON);
  g_assert_cmpint (dossier_date_get_sort_key (spring), ==, utc (2014, 3, 21, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (spring), ==, utc (2014, 6, 21, 0, 0, 0) - 1);
  g_assert_cmpint (dossier_date_get_sort_key (summer), ==, utc (2014, 6, 21, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (summer), ==, utc (2014, 9, 23, 0, 0, 0) - 1);
  g_assert_cmpint (dossier_date_get_sort_key (autumn), ==, utc (2014, 9, 23, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (autumn), ==, utc (2014, 12, 21, 0, 0, 0) - 1);
  g_assert_cmpint (dossier_date_get_sort_key (winter), ==, utc (2014, 12, 21, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (winter), ==, utc (2015, 3, 21, 0, 0, 0) - 1);
}

static void
test_parse_qualifiers (void)
{
  g_autoptr(DossierDate) uncertain = parse_ok ("2014-10?");
  g_autoptr(DossierDate) approximate = parse_ok ("2014-10~");
  g_autoptr(DossierDate) both = parse_ok ("2014-10%");

  g_assert_true (dossier_date_is_uncertain (uncertain));
  g_assert_false (dossier_date_is_approximate (uncertain));
  g_assert_false (dossier_date_is_uncertain (approximate));
  g_assert_true (dossier_date_is_approximate (approximate));
  g_assert_true (dossier_date_is_uncertain (both));
  g_assert_true (dossier_date_is_approximate (both));
  /* A qualifier does not move the date. */
  g_assert_cmpint (dossier_date_get_sort_key (both), ==, utc (2014, 10, 1, 0, 0, 0));

  assert_format ("2014-10?", "October 2014 (uncertain)");
  assert_format ("2014-10~", "about October 2014");
  assert_format ("2014-10%", "about October 2014 (uncertain)");
  assert_format ("2014?", "2014 (uncertain)");
  assert_format ("2014-11-24~", "about 24 November 2014");
  assert_format ("2014-22?", "Summer 2014 (uncertain)");
}

static void
test_parse_interval (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014-10-10/2014-12-25");

  g_assert_true (dossier_date_is_interval (date));
  g_assert_cmpint (dossier_date_get_precision (date), ==, DOSSIER_DATE_PRECISION_DAY);
  g_assert_cmpint (dossier_date_get_sort_key (date), ==, utc (2014, 10, 10, 0, 0, 0));
  g_assert_cmpint (dossier_date_get_end_key (date), ==, utc (2014, 12, 26, 0, 0, 0) - 1);

  assert_format ("2014-10-10/2014-12-25", "10 October – 25 December 2014");
  assert_format ("2014-10-10/2015-01-03", "10 October 2014 – 3 January 2015");
  assert_format ("2014-10-10/2014-10-25", "10–25 October 2014");
  assert_format ("2014-10/2014-12", "October – December 2014");
  assert_format ("2014-10/2014-12-25", "October – 25 December 2014");
  assert_format ("2014-21/2014-22", "Spring – Summer 2014");
  assert_format ("2014/2016", "2014 – 2016");
  assert_format ("2014-11-24/2014-11-24", "24–24 November 2014");
  assert_format ("2014-10?/2014-12~", "October 2014 (uncertain) – about December 2014");
  assert_format ("2014-11-24T23:00Z/2014-11-25T01:30Z",
                 "24 November 2014, 23:00 UTC – 25 November 2014, 01:30 UTC");
  /* The end may start before the start ends: both fall in 2014. */
  assert_format ("2014-06/2014", "June 2014 – 2014");
}

static void
test_parse_leap_years (void)
{
  assert_format ("2016-02-29", "29 February 2016");
  assert_format ("2000-02-29", "29 February 2000");
  assert_format ("2012-02-29", "29 February 2012");
  assert_refused ("2015-02-29", "'2015-02-29': February 2015 has no day 29");
  assert_refused ("1900-02-29", "'1900-02-29': February 1900 has no day 29");
  assert_refused ("2100-02-29", "'2100-02-29': February 2100 has no day 29");
  assert_refused ("2014-04-31", "'2014-04-31': April 2014 has no day 31");
  assert_format ("2014-01-31", "31 January 2014");
}

static void
test_parse_invalid (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } rows[] = {
    { "2014-13", "'2014-13': there is no month 13" },
    { "2014-13-01", "'2014-13-01': there is no month 13" },
    { "2014-02-30", "'2014-02-30': February 2014 has no day 30" },
    { "2014-00", "'2014-00': there is no month 0" },
    { "2014-25", "'2014-25': there is no month 25" },
    { "2014-11-00", "'2014-11-00': November 2014 has no day 0" },
    { "2014-01-32", "'2014-01-32': January 2014 has no day 32" },
    { "yesterday", "'yesterday' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "November 2014", "'November 2014' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-1", "'2014-1' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-5", "'2014-11-5' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-111", "'2014-111' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014/11/24", "'2014/11/24' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24 23:00", "'2014-11-24 23:00' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24t23:00z", "'2014-11-24t23:00z' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24T23", "'2014-11-24T23' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24T23:00:00.5Z", "'2014-11-24T23:00:00.5Z' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11T23:00Z", "'2014-11T23:00Z' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014?\?", "'2014?\?' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014?~", "'2014?~' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014?-10", "'2014?-10' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014/2015/2016", "'2014/2015/2016' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24T23:00Zx", "'2014-11-24T23:00Zx' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "0000", "'0000': there is no year 0000; years run from 0001 to 9999" },
    { "0000-01-01", "'0000-01-01': there is no year 0000; years run from 0001 to 9999" },
    { "-0044", "'-0044': only years 0001 to 9999 can be written" },
    { "+2014", "'+2014': only years 0001 to 9999 can be written" },
    { "12014", "'12014': only years 0001 to 9999 can be written" },
    { "Y12014", "'Y12014' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "214", "'214': write the year with four digits, like 2014" },
    { "14-11-24", "'14-11-24': write the year with four digits, like 2014" },
    { " 2014", "' 2014': remove the spaces before or after the date" },
    { "2014 ", "'2014 ': remove the spaces before or after the date" },
    { "2014-11-24\n", "'2014-11-24\\u{A}': remove the spaces before or after the date" },
    { "", "The date is empty; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014-11-24T24:00Z", "'2014-11-24T24:00Z': there is no hour 24; a day runs from 00:00 to 23:59" },
    { "2014-11-24T23:60Z", "'2014-11-24T23:60Z': there is no minute 60" },
    { "2014-11-24T23:59:60Z", "'2014-11-24T23:59:60Z': there is no second 60" },
    { "2014-11-24T23:00+25:00", "'2014-11-24T23:00+25:00': there is no time zone offset +25:00" },
    { "2014-11-24T23:00+05:60", "'2014-11-24T23:00+05:60': there is no time zone offset +05:60" },
    { "2014-11-24T23:00+0500", "'2014-11-24T23:00+0500': write the time zone like Z, +01:00 or -05:00" },
    { "2014-11-24T23:00+05", "'2014-11-24T23:00+05': write the time zone like Z, +01:00 or -05:00" },
    { "2014-21-05", "'2014-21-05': a season (21 to 24) has no days; write a month from 01 to 12" },
    { "2014-12-25/2014-10-10", "'2014-12-25/2014-10-10': the interval starts after it ends" },
    { "2015/2014-22", "'2015/2014-22': the interval starts after it ends" },
    { "2014-11-24T23:00Z/2014-11-24T22:00Z", "'2014-11-24T23:00Z/2014-11-24T22:00Z': the interval starts after it ends" },
    { "2014-10/", "'2014-10/': an interval needs both a start and an end" },
    { "/2014-10", "'/2014-10': an interval needs both a start and an end" },
    { "../2014-10", "'../2014-10': an interval needs both a start and an end" },
    { "2014-10/..", "'2014-10/..': an interval needs both a start and an end" },
    { "2014-02-30/2014-03-01", "'2014-02-30/2014-03-01': February 2014 has no day 30" },
    { "2014-01-01/2014-13", "'2014-01-01/2014-13': there is no month 13" },
    { "2014\001", "'2014\\u{1}' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014\342\200\256", "'2014\\u{202E}' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "2014\377", "'2014\357\277\275' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
    { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not a date; write it like 2014, 2014-11 or 2014-11-24" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    assert_refused (rows[i].text, rows[i].message);
}

static void
test_parse_no_error_pointer (void)
{
  g_assert_null (dossier_date_parse ("2014-13", NULL));
  g_assert_null (dossier_date_parse ("yesterday", NULL));
}

/* Sorting. */

typedef struct
{
  DossierDate *date;
  guint        index;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;
  int cmp = dossier_date_compare (ra->date, rb->date);

  /* Ties keep file order: the caller's stable tie-break. */
  if (cmp != 0)
    return cmp;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static void
test_sort_order (void)
{
  /* In file order; NULL is an item with no date. */
  const char *file[] = {
    "2014-07",
    "2014-06-21/2014-06-30",
    "2014-22",
    NULL,
    "2014-06-21T00:00Z",
    "2014",
    "2014-06-21",
    "2013-12-31T23:00-05:00",
    "2014-06",
    "2013-24",
  };
  const char *expected[] = {
    "2013-24",                 /* 21 December 2013 */
    "2014",                    /* 1 January 2014, a year */
    "2013-12-31T23:00-05:00",  /* 1 January 2014, 04:00 UTC */
    "2014-06",                 /* 1 June */
    "2014-22",                 /* 21 June, a season: coarse first */
    "2014-06-21/2014-06-30",   /* 21 June, a day: tie, file order */
    "2014-06-21",
    "2014-06-21T00:00Z",       /* 21 June, a minute */
    "2014-07",
    NULL,
  };
  Row rows[G_N_ELEMENTS (file)];

  for (guint i = 0; i < G_N_ELEMENTS (file); i++)
    {
      rows[i].date = file[i] != NULL ? parse_ok (file[i]) : NULL;
      rows[i].index = i;
    }

  qsort (rows, G_N_ELEMENTS (rows), sizeof (Row), compare_rows);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *text = rows[i].date != NULL ? dossier_date_get_text (rows[i].date) : NULL;

      g_assert_cmpstr (text, ==, expected[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    dossier_date_free (rows[i].date);
}

static void
test_sort_compare (void)
{
  g_autoptr(DossierDate) summer = parse_ok ("2014-22");
  g_autoptr(DossierDate) july = parse_ok ("2014-07");
  g_autoptr(DossierDate) year = parse_ok ("2014");
  g_autoptr(DossierDate) january = parse_ok ("2014-01");
  g_autoptr(DossierDate) first = parse_ok ("2014-01-01");
  g_autoptr(DossierDate) approximate = parse_ok ("2014-01-01~");
  g_autoptr(DossierDate) interval = parse_ok ("2014-01-01/2014-03-01");

  g_assert_cmpint (dossier_date_compare (summer, july), <, 0);
  g_assert_cmpint (dossier_date_compare (july, summer), >, 0);
  g_assert_cmpint (dossier_date_compare (year, january), <, 0);
  g_assert_cmpint (dossier_date_compare (january, first), <, 0);
  g_assert_cmpint (dossier_date_compare (first, year), >, 0);
  g_assert_cmpint (dossier_date_compare (first, approximate), ==, 0);
  g_assert_cmpint (dossier_date_compare (first, interval), ==, 0);
  g_assert_cmpint (dossier_date_compare (first, first), ==, 0);
  g_assert_cmpint (dossier_date_compare (first, NULL), <, 0);
  g_assert_cmpint (dossier_date_compare (NULL, first), >, 0);
  g_assert_cmpint (dossier_date_compare (NULL, NULL), ==, 0);
}

/* Time zones. */

static void
test_format_in_zone (void)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(DossierDate) z = parse_ok ("2014-11-24T23:00Z");
  g_autoptr(DossierDate) offset = parse_ok ("2014-11-24T18:00-05:00");
  g_autoptr(DossierDate) summer = parse_ok ("2014-07-04T16:00Z");
  g_autoptr(DossierDate) day = parse_ok ("2014-11-24");
  g_autoptr(DossierDate) interval = parse_ok ("2014-11-24T23:00Z/2014-11-25T01:30:15Z");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;
  g_autofree char *g = NULL;

  g_assert_nonnull (new_york);
  g_assert_nonnull (tokyo);

  a = dossier_date_format_in_zone (z, new_york);
  g_assert_cmpstr (a, ==, "24 November 2014, 18:00 EST");
  b = dossier_date_format_in_zone (offset, new_york);
  g_assert_cmpstr (b, ==, "24 November 2014, 18:00 EST");
  c = dossier_date_format_in_zone (z, tokyo);
  g_assert_cmpstr (c, ==, "25 November 2014, 08:00 JST");
  d = dossier_date_format_in_zone (summer, new_york);
  g_assert_cmpstr (d, ==, "4 July 2014, 12:00 EDT");
  /* A date without a time stays as it is. */
  e = dossier_date_format_in_zone (day, new_york);
  g_assert_cmpstr (e, ==, "24 November 2014");
  f = dossier_date_format_in_zone (interval, new_york);
  g_assert_cmpstr (f, ==, "24 November 2014, 18:00 EST – 24 November 2014, 20:30:15 EST");
  /* NULL is the viewer's zone, UTC under the tests' TZ. */
  g = dossier_date_format_in_zone (z, NULL);
  g_assert_cmpstr (g, ==, "24 November 2014, 23:00 UTC");
}

static void
test_to_date_time (void)
{
  g_autoptr(DossierDate) summer = parse_ok ("2014-22");
  g_autoptr(DossierDate) instant = parse_ok ("2014-11-24T18:00-05:00");
  g_autoptr(GDateTime) a = dossier_date_to_date_time (summer);
  g_autoptr(GDateTime) b = dossier_date_to_date_time (instant);

  g_assert_cmpint (g_date_time_get_year (a), ==, 2014);
  g_assert_cmpint (g_date_time_get_month (a), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (a), ==, 21);
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (b), ==, 23);
  g_assert_cmpint (g_date_time_to_unix (b), ==, dossier_date_get_sort_key (instant));
}

/* Durations. */

static void
assert_duration (gint64      seconds,
                 const char *expected)
{
  g_autofree char *words = dossier_format_duration (seconds);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_duration (void)
{
  g_autoptr(DossierDate) discovered = parse_ok ("2014-11-24T00:00Z");
  g_autoptr(DossierDate) deadline = parse_ok ("2014-11-24T23:00Z");
  g_autoptr(DossierDate) start = parse_ok ("2011-01-01");
  g_autoptr(DossierDate) end = parse_ok ("2014-01-01");

  assert_duration (dossier_date_get_sort_key (deadline) - dossier_date_get_sort_key (discovered),
                   "23 hours");
  assert_duration (dossier_date_get_sort_key (end) - dossier_date_get_sort_key (start),
                   "3 years");
  assert_duration (0, "0 seconds");
  assert_duration (1, "1 second");
  assert_duration (45, "45 seconds");
  assert_duration (60, "1 minute");
  assert_duration (125 * 60, "about 2 hours");
  assert_duration (3600, "1 hour");
  assert_duration (86400, "1 day");
  assert_duration (2 * 86400, "2 days");
  assert_duration (-2 * 86400, "2 days");
  assert_duration (2 * 86400 + 3 * 3600, "about 2 days");
  assert_duration (61 * 86400, "about 2 months");
  assert_duration (365 * 86400, "1 year");
  assert_duration (500 * 86400, "about 1 year");
  assert_duration (G_MININT64, "about 292277024627 years");
}

/* The boxed type. */

static void
test_boxed (void)
{
  g_autoptr(DossierDate) date = parse_ok ("2014-10-10/2014-12-25");
  g_auto(GValue) value = G_VALUE_INIT;
  const DossierDate *held;
  g_autoptr(DossierDate) copy = NULL;

  g_value_init (&value, DOSSIER_TYPE_DATE);
  g_value_set_boxed (&value, date);
  held = g_value_get_boxed (&value);
  g_assert_cmpstr (dossier_date_get_text (held), ==, "2014-10-10/2014-12-25");

  copy = dossier_date_copy (date);
  g_clear_pointer (&date, dossier_date_free);
  g_assert_cmpstr (dossier_date_get_text (copy), ==, "2014-10-10/2014-12-25");
  g_assert_cmpint (dossier_date_get_sort_key (copy), ==, utc (2014, 10, 10, 0, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/year", test_parse_year);
  g_test_add_func ("/date/parse/month", test_parse_month);
  g_test_add_func ("/date/parse/day", test_parse_day);
  g_test_add_func ("/date/parse/instant", test_parse_instant);
  g_test_add_func ("/date/parse/instant-without-zone", test_parse_instant_without_zone);
  g_test_add_func ("/date/parse/season", test_parse_season);
  g_test_add_func ("/date/parse/qualifiers", test_parse_qualifiers);
  g_test_add_func ("/date/parse/interval", test_parse_interval);
  g_test_add_func ("/date/parse/leap-years", test_parse_leap_years);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/no-error-pointer", test_parse_no_error_pointer);
  g_test_add_func ("/date/sort/order", test_sort_order);
  g_test_add_func ("/date/sort/compare", test_sort_compare);
  g_test_add_func ("/date/format/in-zone", test_format_in_zone);
  g_test_add_func ("/date/to-date-time", test_to_date_time);
  g_test_add_func ("/date/duration", test_duration);
  g_test_add_func ("/date/boxed", test_boxed);

  return g_test_run ();
}
