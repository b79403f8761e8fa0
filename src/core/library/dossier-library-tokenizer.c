/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-text.h"

/* Search's folding and tokens (dossier-search-text.h) as an FTS5
 * tokenizer, so that the library matches exactly as in-case search
 * does. See dossier-library-private.h for the two columns it cuts. */

typedef int (*TokenFunc) (void       *ctx,
                          int         tflags,
                          const char *token,
                          int         n_token,
                          int         start,
                          int         end);

static int
tokenizer_create (void           *user_data,
                  const char    **argv,
                  int             argc,
                  Fts5Tokenizer **out)
{
  /* No state: any non-NULL pointer will do. */
  *out = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

/* The meta column: each term between separators is one token. */
static int
tokenize_meta (void       *ctx,
               const char *text,
               int         len,
               TokenFunc   token_cb)
{
  int start = 1;

  for (int i = 1; i <= len; i++)
    if (i == len || text[i] == DOSSIER_LIBRARY_FIELD_SEPARATOR)
      {
        if (i > start)
          {
            int rc = token_cb (ctx, 0, text + start, i - start, start, i);

            if (rc != SQLITE_OK)
              return rc;
          }
        start = i + 1;
      }
  return SQLITE_OK;
}

/* The text column. The separators are control characters, which the
 * tokenizer skips like spaces: cut the whole text at once, and put a
 * field token wherever a separator stands between two tokens. */
static int
tokenize_text (void       *ctx,
               const char *text,
               int         len,
               TokenFunc   token_cb)
{
  g_auto(DossierSearchTextIter) iter = { 0, };
  DossierSearchTextToken token;
  int at = 0;

  dossier_search_text_iter_init (&iter, text, len);
  while (dossier_search_text_iter_next (&iter, &token))
    {
      int rc;

      for (; at < (int) token.start; at++)
        if (text[at] == DOSSIER_LIBRARY_FIELD_SEPARATOR
            && (rc = token_cb (ctx, 0, DOSSIER_LIBRARY_FIELD_TOKEN, 1, at, at + 1)) != SQLITE_OK)
          return rc;
      rc = token_cb (ctx, 0, token.text, token.length, token.start, token.end);
      if (rc != SQLITE_OK)
        return rc;
      at = MAX (at, (int) token.end);
    }
  return SQLITE_OK;
}

/* Tokens cut ahead of time: the text they were cut from, and each
 * token's bytes (in norm) and place. */
typedef struct
{
  guint offset;
  guint length;
  int   start;
  int   end;
} CutToken;

struct _DossierLibraryTokens
{
  char    *text;
  int      len;
  GString *norm;
  GArray  *tokens;
};

static int
record_token (void       *ctx,
              int         tflags,
              const char *token,
              int         n_token,
              int         start,
              int         end)
{
  DossierLibraryTokens *self = ctx;
  CutToken cut = { self->norm->len, n_token, start, end };

  g_string_append_len (self->norm, token, n_token);
  g_array_append_val (self->tokens, cut);
  return SQLITE_OK;
}

DossierLibraryTokens *
dossier_library_tokens_new (char *text)
{
  DossierLibraryTokens *self = g_new0 (DossierLibraryTokens, 1);

  self->text = text;
  self->len = (int) strlen (text);
  self->norm = g_string_sized_new (self->len);
  self->tokens = g_array_sized_new (FALSE, FALSE, sizeof (CutToken), self->len / 4 + 1);
  tokenize_text (self, self->text, self->len, record_token);
  return self;
}

const char *
dossier_library_tokens_get_text (DossierLibraryTokens *self)
{
  return self->text;
}

void
dossier_library_tokens_free (DossierLibraryTokens *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_string_free (self->norm, TRUE);
  g_array_unref (self->tokens);
  g_free (self);
}

void
dossier_library_tokens_foreach (DossierLibraryTokens  *self,
                                const char            *meta,
                                DossierLibraryTermFunc func,
                                gpointer               user_data)
{
  int start = 1;

  for (guint i = 0; i < self->tokens->len; i++)
    {
      const CutToken *cut = &g_array_index (self->tokens, CutToken, i);

      func (self->norm->str + cut->offset, cut->length, user_data);
    }
  /* As tokenize_meta() cuts it. */
  for (int i = 1; meta != NULL && meta[0] == DOSSIER_LIBRARY_META_START; i++)
    if (meta[i] == '\0' || meta[i] == DOSSIER_LIBRARY_FIELD_SEPARATOR)
      {
        if (i > start)
          func (meta + start, i - start, user_data);
        if (meta[i] == '\0')
          break;
        start = i + 1;
      }
}

/* The tokens the next text this thread indexes was cut into, if any. */
static GPrivate replay_key;

void
dossier_library_tokenizer_replay (DossierLibraryTokens *tokens)
{
  g_private_set (&replay_key, tokens);
}

static int
replay (DossierLibraryTokens *self,
        void                 *ctx,
        TokenFunc             token_cb)
{
  for (guint i = 0; i < self->tokens->len; i++)
    {
      const CutToken *cut = &g_array_index (self->tokens, CutToken, i);
      int rc = token_cb (ctx, 0, self->norm->str + cut->offset, cut->length, cut->start, cut->end);

      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            len,
                    TokenFunc      token_cb)
{
  DossierLibraryTokens *ready;

  if (len <= 0)
    return SQLITE_OK;

  /* A query's strings are single tokens already cut and folded by
   * search's query parser (dossier-library-match.c). */
  if (flags & FTS5_TOKENIZE_QUERY)
    return token_cb (ctx, 0, text, len, 0, len);

  if (text[0] == DOSSIER_LIBRARY_META_START)
    return tokenize_meta (ctx, text, len, token_cb);

  /* Cut already, on the thread that loaded the case: the same text
   * gives the same tokens. */
  ready = g_private_get (&replay_key);
  if (ready != NULL && (flags & FTS5_TOKENIZE_DOCUMENT) && ready->len == len
      && memcmp (ready->text, text, len) == 0)
    return replay (ready, ctx, token_cb);

  return tokenize_text (ctx, text, len, token_cb);
}

static fts5_api *
fts5_api_from_db (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

gboolean
dossier_library_tokenizer_register (sqlite3  *db,
                                    GError  **error)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create, tokenizer_delete, tokenizer_tokenize,
  };
  static int state;
  fts5_api *api = fts5_api_from_db (db);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                           "SQLite has no FTS5");
      return FALSE;
    }
  if (api->xCreateTokenizer (api, "dossier", &state, &tokenizer, NULL) != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                   "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Bytes the columns use as separators and marks, which XML forbids in
 * case text anyway, become spaces: they separate tokens all the same. */
static void
append_clean (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char ch = *p;

      if (ch == DOSSIER_LIBRARY_FIELD_SEPARATOR || ch == DOSSIER_LIBRARY_META_START
          || ch == '\001' || ch == '\002' || ch == '\003')
        ch = ' ';
      g_string_append_c (out, ch);
    }
}

char *
dossier_library_item_text (const DossierLibraryItem *item)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < item->fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, DOSSIER_LIBRARY_FIELD_SEPARATOR);
      append_clean (text, g_ptr_array_index (item->fields, i));
    }
  return g_string_free (text, FALSE);
}

static void
append_term (GString    *meta,
             const char *prefix,
             const char *value)
{
  g_string_append_c (meta, DOSSIER_LIBRARY_FIELD_SEPARATOR);
  g_string_append (meta, prefix);
  append_clean (meta, value);
}

char *
dossier_library_item_meta (const DossierLibraryItem *item)
{
  GString *meta = g_string_new (NULL);

  g_string_append_c (meta, DOSSIER_LIBRARY_META_START);
  for (guint i = 0; i < item->tags->len; i++)
    {
      g_autofree char *folded = dossier_search_text_fold (g_ptr_array_index (item->tags, i));

      append_term (meta, DOSSIER_LIBRARY_TERM_TAG, folded);
    }
  for (guint i = 0; i < item->authors->len; i++)
    {
      g_auto(GStrv) words = dossier_search_text_tokenize (g_ptr_array_index (item->authors, i), -1);

      for (guint k = 0; words[k] != NULL; k++)
        append_term (meta, DOSSIER_LIBRARY_TERM_AUTHOR, words[k]);
    }
  for (guint i = 0; i < item->cites->len; i++)
    {
      g_autofree char *folded = dossier_search_text_fold (g_ptr_array_index (item->cites, i));

      append_term (meta, DOSSIER_LIBRARY_TERM_CITES, folded);
    }
  return g_string_free (meta, FALSE);
}
