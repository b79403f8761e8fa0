/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-text-safety.h"

#include <string.h>

#define MAX_LINK_BYTES 2048

/* The link policy (hostile inputs, item 13). */
gboolean
dossier_link_is_safe (const char *href)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  const char *p;
  gsize len;

  if (href == NULL)
    return FALSE;

  len = strnlen (href, MAX_LINK_BYTES + 1);
  if (len == 0 || len > MAX_LINK_BYTES)
    return FALSE;

  if (!g_utf8_validate (href, len, NULL))
    return FALSE;

  /* No control, white-space or invisible formatting characters anywhere,
   * and no backslash, which browsers read as a slash but GUri does not. */
  for (p = href; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= 0x20 || c == 0x7f || c == '\\'
          || (c >= 0x80 && c <= 0x9f)
          || g_unichar_isspace (c)
          || g_unichar_type (c) == G_UNICODE_FORMAT
          || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR
          || g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        return FALSE;
    }

  uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0
          && g_ascii_strcasecmp (scheme, "https") != 0))
    return FALSE;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_uri_get_userinfo (uri) != NULL)
    return FALSE;

  return TRUE;
}

static inline gboolean
is_invisible_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e)   /* bidi embeddings and overrides */
         || (c >= 0x2066 && c <= 0x2069) /* bidi isolates */
         || (c >= 0x200b && c <= 0x200f) /* zero-width characters, marks */
         || c == 0x2060                  /* word joiner, zero width too */
         || c == 0xfeff                  /* zero-width no-break space */
         || c < 0x20 || c == 0x7f        /* C0 */
         || (c >= 0x80 && c <= 0x9f);    /* C1 */
}

char *
dossier_sanitize_display_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (!is_invisible_control (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}
