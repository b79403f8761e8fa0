/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Checking the bytes before the parse: the encoding (UTF-8, or UTF-16
 * with a byte-order mark), every byte valid, no DOCTYPE, no start tag
 * with too many attributes; and the SHA-256 and UTF-8 check that run
 * beside the parse on a second core. For a big UTF-8 file the prescan
 * (DOCTYPE, attributes) runs there too, first, ahead of the parser. */

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF16LE,
  ENCODING_UTF16BE,
} Encoding;

/* What ends the name of a tag, and what matters after it. */
static const guchar name_stops[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['>'] = 1, ['/'] = 1, ['<'] = 1,
};
static const guchar tag_stops[256] = {
  ['>'] = 1, ['<'] = 1, ['"'] = 1, ['\''] = 1, ['='] = 1,
};

static void
add_at_offset (DossierLoadProblems *problems,
               const char          *data,
               gsize                offset,
               DossierCaseError     code,
               const char          *message)
{
  guint line, column;

  dossier_load_offset_to_position (data, offset, &line, &column);
  dossier_load_problems_add (problems, code, line, column, "%s", message);
}

/* UTF-16 with a byte-order mark, to UTF-8. */
static char *
utf16_to_utf8 (const guchar        *data,
               gsize                length,
               gboolean             big_endian,
               gsize               *out_length,
               DossierLoadProblems *problems)
{
  GString *out = g_string_sized_new (length + length / 2);
  gsize i = 0;

  while (i + 1 < length)
    {
      gunichar unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
      gunichar c = unit;

      i += 2;
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          gunichar low;

          if (i + 1 >= length)
            goto bad;
          low = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
          if (low < 0xdc00 || low > 0xdfff)
            goto bad;
          i += 2;
          c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        goto bad;

      if (c == 0)
        {
          add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                         _("the file contains a NUL character"));
          g_string_free (out, TRUE);
          return NULL;
        }

      g_string_append_unichar (out, c);
    }

  if (length % 2 != 0)
    {
      add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                     _("invalid UTF-16: the file ends in the middle of a character"));
      g_string_free (out, TRUE);
      return NULL;
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);

bad:
  add_at_offset (problems, out->str, out->len, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                 _("invalid UTF-16: a surrogate without its pair"));
  g_string_free (out, TRUE);
  return NULL;
}

/* The value of encoding="..." in the XML declaration, or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       length,
                   gsize      *offset)
{
  gsize limit = MIN (length, 512);
  const char *end;
  const char *p;
  char quote;
  const char *value;

  if (length < 6 || memcmp (data, "<?xml", 5) != 0 || !is_xml_space (data[5]))
    return NULL;

  end = g_strstr_len (data, limit, "?>");
  if (end == NULL)
    return NULL;

  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && is_xml_space (*p))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && is_xml_space (*p))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  value = p;
  while (p < end && *p != quote)
    p++;
  if (p >= end)
    return NULL;

  *offset = value - data;
  return g_strndup (value, p - value);
}

static gboolean
is_utf8_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0;
}

static gboolean
is_utf16_name (const char *name)
{
  return g_ascii_strcasecmp (name, "UTF-16") == 0 || g_ascii_strcasecmp (name, "UTF16") == 0
         || g_ascii_strcasecmp (name, "UTF-16LE") == 0 || g_ascii_strcasecmp (name, "UTF-16BE") == 0;
}

/* Like g_strstr_len(), but not stopped by a NUL byte (the bytes may not
 * have been checked yet). */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);
  const char *end = haystack + length;
  const char *p = haystack;

  while (end - p >= (gssize)needle_length
         && (p = memchr (p, needle[0], end - p - needle_length + 1)) != NULL)
    {
      if (memcmp (p, needle, needle_length) == 0)
        return p;
      p++;
    }

  return NULL;
}

/* A start tag with more than the allowed number of attributes takes
 * libxml2 2.9.14 minutes (quadratic); find it first, in one pass over the
 * bytes. A DOCTYPE is refused here too, before libxml2 sees it. */
static void
publish_prescanned (ChecksumJob *job,
                    gsize        prescanned)
{
  g_mutex_lock (&job->mutex);
  job->prescanned = prescanned;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);
}

/* @job: when the thread runs it, where it says how far it has come, a
 * chunk of the parser's at a time. */
static gboolean
prescan (const char          *data,
         gsize                length,
         DossierLoadProblems *problems,
         ChecksumJob         *job)
{
  const char *p = data;
  const char *end = data + length;
  const char *published = data;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *q;
      const char *name;
      guint n_attributes = 0;

      if (end - p < 2)
        break;

      /* Everything before this '<' has passed. */
      if (job != NULL && p - published >= PARSE_CHUNK)
        {
          publish_prescanned (job, p - data);
          published = p;
        }

      if (p[1] == '!')
        {
          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              q = find_bytes (p + 4, end - p - 4, "-->");
              if (q == NULL)
                break;
              p = q + 3;
            }
          else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
            {
              q = find_bytes (p + 9, end - p - 9, "]]>");
              if (q == NULL)
                break;
              p = q + 3;
            }
          else if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
            {
              add_at_offset (problems, data, p - data, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                             _("DTD not allowed: a case file may not hold a <!DOCTYPE>"));
              return FALSE;
            }
          else
            p += 2;
          continue;
        }

      if (p[1] == '?')
        {
          q = find_bytes (p + 2, end - p - 2, "?>");
          if (q == NULL)
            break;
          p = q + 2;
          continue;
        }

      if (p[1] == '/')
        {
          q = memchr (p, '>', end - p);
          if (q == NULL)
            break;
          p = q + 1;
          continue;
        }

      name = p + 1;
      for (q = name; q < end && !name_stops[(guchar)*q]; q++)
        ;

      while (q < end)
        {
          while (q < end && !tag_stops[(guchar)*q])
            q++;
          if (q == end || *q == '>' || *q == '<')
            break;

          if (*q == '"' || *q == '\'')
            {
              const char *close = memchr (q + 1, *q, end - q - 1);

              if (close == NULL)
                return TRUE;
              q = close + 1;
              continue;
            }

          if (*q == '=' && ++n_attributes > DOSSIER_LOADER_MAX_ATTRIBUTES)
            {
              g_autofree char *element = NULL;
              const char *name_end = name;
              guint line, column;

              while (name_end < end && name_end - name < 64 && !is_xml_space (*name_end)
                     && *name_end != '>' && *name_end != '/')
                name_end++;
              element = g_utf8_make_valid (name, name_end - name);
              dossier_load_offset_to_position (data, p - data, &line, &column);
              dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_INVALID, line, column,
                                         _("the element <%s> has more than %d attributes"),
                                         element, DOSSIER_LOADER_MAX_ATTRIBUTES);
              return FALSE;
            }
          q++;
        }

      p = q;
    }

  return TRUE;
}

/* Decides the encoding, converts to UTF-8 when needed and checks every
 * byte. Returns the UTF-8 text to parse (owned by @holder), or NULL. */
static void
add_invalid_utf8 (DossierLoadProblems *problems,
                  const char          *text,
                  const char          *invalid)
{
  if (*invalid == '\0')
    add_at_offset (problems, text, invalid - text, DOSSIER_CASE_ERROR_NOT_WELL_FORMED,
                   _("the file contains a NUL byte"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("invalid UTF-8 (the byte 0x%02X)"),
                                                  (guint)(guchar)*invalid);

      add_at_offset (problems, text, invalid - text, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, message);
    }
}

/* @utf8_checked: the UTF-8 of a file without a UTF-16 byte-order mark is
 * checked elsewhere (beside the parse, for big files). */
const char *
dossier_load_check_bytes (const char          *data,
                          gsize                length,
                          gboolean             utf8_checked,
                          char               **holder,
                          gsize               *out_length,
                          DossierLoadProblems *problems)
{
  const guchar *u = (const guchar *)data;
  Encoding encoding = ENCODING_UTF8;
  const char *text = data;
  gsize text_length = length;
  g_autofree char *declared = NULL;
  const char *invalid;
  gsize offset = 0;

  if (length == 0)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s", _("the file is empty"));
      return NULL;
    }

  if (length >= 2 && u[0] == 0x1f && u[1] == 0x8b)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                                 _("the file is compressed with gzip; a case file is plain XML"));
      return NULL;
    }

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 0, 0, "%s",
                                 _("the file is a ZIP archive; a case file is plain XML"));
      return NULL;
    }

  if (length >= 4 && ((u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0)
                      || (u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff)))
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 1, 1, "%s",
                                 _("the file is in UTF-32, which case files may not use; save it as UTF-8"));
      return NULL;
    }

  if (length >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      text += 3;
      text_length -= 3;
    }
  else if (length >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    {
      gboolean big_endian = u[0] == 0xfe;

      encoding = big_endian ? ENCODING_UTF16BE : ENCODING_UTF16LE;
      *holder = utf16_to_utf8 (u + 2, length - 2, big_endian, &text_length, problems);
      if (*holder == NULL)
        return NULL;
      text = *holder;
    }
  else if (length >= 4 && ((u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<')))
    {
      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, 1, 1, "%s",
                                 _("the file looks like UTF-16 without a byte-order mark; save it as UTF-8"));
      return NULL;
    }

  if ((encoding != ENCODING_UTF8 || !utf8_checked)
      && !g_utf8_validate_len (text, text_length, &invalid))
    {
      add_invalid_utf8 (problems, text, invalid);
      return NULL;
    }

  declared = declared_encoding (text, text_length, &offset);
  if (declared != NULL)
    {
      g_autofree char *message = NULL;

      if (encoding == ENCODING_UTF8 && is_utf16_name (declared))
        message = g_strdup_printf (_("the file says it is in %s, but it is not (it has no UTF-16 byte-order mark)"),
                                   declared);
      else if (encoding != ENCODING_UTF8 && !is_utf16_name (declared))
        message = g_strdup_printf (_("the file says it is in %s, but it starts with a UTF-16 byte-order mark"),
                                   declared);
      else if (encoding == ENCODING_UTF8 && !is_utf8_name (declared))
        message = g_strdup_printf (_("the encoding %s is not supported: a case file is UTF-8 (or UTF-16 with a byte-order mark)"),
                                   declared);

      if (message != NULL)
        {
          add_at_offset (problems, text, offset, DOSSIER_CASE_ERROR_NOT_WELL_FORMED, message);
          return NULL;
        }
    }

  /* A UTF-8 file checked beside the parse is prescanned there too. */
  if ((encoding != ENCODING_UTF8 || !utf8_checked)
      && !prescan (text, text_length, problems, NULL))
    return NULL;

  *out_length = text_length;
  return text;
}

gpointer
dossier_load_checksum_thread (gpointer user_data)
{
  ChecksumJob *job = user_data;
  const char *text = (const char *)job->data;
  gsize length = job->length;
  const char *invalid = NULL;

  if (job->check_utf8)
    {
      if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
        {
          text += 3;
          length -= 3;
        }

      if (job->prescan)
        {
          gboolean passed = prescan (text, length, &job->prescan_problems, job);

          g_mutex_lock (&job->mutex);
          job->prescan_done = TRUE;
          job->prescan_failed = !passed;
          g_cond_broadcast (&job->cond);
          g_mutex_unlock (&job->mutex);
        }

      if (!g_utf8_validate_len (text, length, &invalid))
        job->invalid = invalid;
    }

  job->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, job->data, job->length);
  return NULL;
}

/* After the parse: a file the prescan beside it refused is refused for
 * that alone, whatever the parser found before the place (as when the
 * prescan ran first). Returns TRUE when so. */
gboolean
dossier_load_apply_prescan (ChecksumJob         *job,
                            DossierLoadProblems *problems)
{
  gboolean failed;

  if (!job->prescan)
    return FALSE;

  g_mutex_lock (&job->mutex);
  while (!job->prescan_done)
    g_cond_wait (&job->cond, &job->mutex);
  failed = job->prescan_failed;
  g_mutex_unlock (&job->mutex);

  if (!failed)
    return FALSE;

  dossier_load_problems_clear (problems);
  *problems = job->prescan_problems;
  dossier_load_problems_init (&job->prescan_problems);
  return TRUE;
}

/* Waits for the thread; a file that is not UTF-8 is refused for that
 * alone, whatever the parser made of it (as when checked first). */
void
dossier_load_finish_checksum (ChecksumJob         *job,
                              GThread            **thread,
                              DossierLoadProblems *problems)
{
  const char *text = (const char *)job->data;

  if (*thread != NULL)
    g_thread_join (g_steal_pointer (thread));

  if (job->prescan)
    {
      job->prescan = FALSE;
      dossier_load_problems_clear (&job->prescan_problems);
      g_mutex_clear (&job->mutex);
      g_cond_clear (&job->cond);
    }

  if (job->applied || job->invalid == NULL)
    return;

  job->applied = TRUE;
  if (job->length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3;
  dossier_load_problems_clear (problems);
  dossier_load_problems_init (problems);
  add_invalid_utf8 (problems, text, job->invalid);
}
