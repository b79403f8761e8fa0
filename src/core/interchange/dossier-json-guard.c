/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Checks JSON bytes from a stranger before json-glib sees them: json-glib
 * parses recursively (deep nesting would exhaust the stack) and keeps the
 * last of two members with the same name without a word. One pass over
 * the bytes, no recursion, no allocation beyond the names of the open
 * objects' members. */

static void
keys_free (gpointer keys)
{
  if (keys != NULL)
    g_hash_table_unref (keys);
}

static void
set_error (GError     **error,
           const char  *display_name,
           guint        line,
           guint        column,
           const char  *message)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u:%u: error: %s",
               display_name, line, column, message);
}

gboolean
dossier_json_guard_check (const char  *data,
                          gsize        size,
                          const char  *display_name,
                          guint        max_depth,
                          GError     **error)
{
  /* One set of member names (as written) per open object, NULL per open
   * array. */
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (keys_free);
  const char *invalid = NULL;
  guint line = 1, column = 1;
  gboolean expect_key = FALSE;

  if (size > DOSSIER_CASE_MAX_FILE_SIZE)
    {
      set_error (error, display_name, 1, 1, _("the file is larger than 512 MiB"));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, size, &invalid))
    {
      for (const char *p = data; p < invalid; p++)
        {
          if (*p == '\n')
            line++, column = 1;
          else if (((guchar) *p & 0xc0) != 0x80)
            column++;
        }
      set_error (error, display_name, line, column, _("the file is not valid UTF-8"));
      return FALSE;
    }

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize start = ++i;
          guint key_line = line, key_column = column;

          while (i < size && data[i] != '"')
            {
              if (data[i] == '\\' && i + 1 < size)
                i++;
              i++;
            }
          column += (guint) g_utf8_strlen (data + start, (gssize) (i - start)) + 2;
          if (expect_key && stack->len > 0 && g_ptr_array_index (stack, stack->len - 1) != NULL)
            {
              GHashTable *keys = g_ptr_array_index (stack, stack->len - 1);
              char *key = g_strndup (data + start, i - start);

              if (!g_hash_table_add (keys, key))
                {
                  g_autofree char *shown = dossier_sanitize_display_text (key);
                  g_autofree char *message = NULL;

                  if (g_utf8_strlen (shown, -1) > 60)
                    *g_utf8_offset_to_pointer (shown, 60) = '\0';
                  message = g_strdup_printf (_("the member “%s” appears twice in one object"), shown);
                  set_error (error, display_name, key_line, key_column, message);
                  return FALSE;
                }
            }
          expect_key = FALSE;
          continue;
        }

      switch (c)
        {
        case '\n':
          line++;
          column = 0;
          break;
        case '{':
        case '[':
          if (stack->len >= max_depth)
            {
              g_autofree char *message = g_strdup_printf (_("nesting deeper than %u levels"), max_depth);

              set_error (error, display_name, line, column, message);
              return FALSE;
            }
          g_ptr_array_add (stack, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL);
          expect_key = c == '{';
          break;
        case '}':
        case ']':
          if (stack->len > 0)
            g_ptr_array_remove_index (stack, stack->len - 1);
          break;
        case ',':
          expect_key = stack->len > 0 && g_ptr_array_index (stack, stack->len - 1) != NULL;
          break;
        default:
          break;
        }
      if (((guchar) c & 0xc0) != 0x80)
        column++;
    }

  return TRUE;
}
