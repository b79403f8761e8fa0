/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-snippet.h"

#include <string.h>

#include "dossier-library-records.h"
#include "dossier-search-hit.h"
#include "dossier-text-safety.h"

static void
add_range (GArray *marks,
           gsize   start,
           gsize   end)
{
  DossierSearchRange range = { (guint) start, (guint) end };

  if (marks != NULL && end > start)
    g_array_append_val (marks, range);
}

char *
dossier_library_snippet_parse (const char *snippet,
                               GArray     *marks)
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

      /* The marks are control characters the sanitizer would drop: each
       * run between them is made safe on its own. */
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
          add_range (marks, mark_start, text->len);
        }
      if (*p != '\0')
        p++;
    }
  if (in_mark)
    add_range (marks, mark_start, text->len);

  return g_string_free (text, FALSE);
}

void
dossier_library_snippet_split_title (const char  *title,
                                     char       **text,
                                     GArray      *marks,
                                     GArray      *title_marks)
{
  gsize title_len = title != NULL ? strlen (title) : 0;
  const char *snippet = *text;
  guint kept = 0;
  gsize cut;

  if (title_len == 0 || !g_str_has_prefix (snippet, title))
    return;
  if (snippet[title_len] != '\0' && snippet[title_len] != ' ')
    return;

  cut = snippet[title_len] == ' ' ? title_len + 1 : title_len;
  for (guint i = 0; i < marks->len; i++)
    {
      DossierSearchRange range = g_array_index (marks, DossierSearchRange, i);

      if (range.end <= title_len)
        g_array_append_val (title_marks, range);
      else if (range.start >= cut)
        {
          range.start -= cut;
          range.end -= cut;
          g_array_index (marks, DossierSearchRange, kept++) = range;
        }
    }
  g_array_set_size (marks, kept);

  *text = g_strdup (snippet + cut);
  g_free ((char *) snippet);
}
