/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of library/ share among themselves. Only files in
 * src/core/library/ include this header.
 *
 * The files, each of one concern, and who calls whom (no circle):
 *
 *   dossier-library.c            keeping a store fresh: folders walked,
 *                                files stamped, changed cases loaded;
 *                                calls collect and the store
 *   dossier-library-sqlite.c     the SQLite store: the file, its schema,
 *                                checking it, writes, search; calls
 *                                aside, tokenizer, match, ready and queue
 *   dossier-library-match.c      a parsed query as an FTS5 expression and
 *                                SQL conditions (no database); the phrase
 *                                writer both stores share
 *   dossier-library-pg.c         the PostgreSQL store of a team: calls
 *                                pg-schema, pg-conn, pg-query, pg-rows,
 *                                excerpt and ready
 *   dossier-library-pg-schema.c  its tables, roles, version; calls pg-conn
 *   dossier-library-pg-conn.c    a connection and its statements, always
 *                                with parameters; errors told as ours
 *   dossier-library-pg-query.c   a parsed query as SQL conditions; calls
 *                                match (the phrases) and pg-rows (quoting)
 *   dossier-library-pg-rows.c    an item as its row's values (tsvector,
 *                                arrays, CJK runs); calls tokenizer
 *   dossier-library-excerpt.c    a hit's snippet made on the client
 *   dossier-library-tokenizer.c  search's tokens as an FTS5 tokenizer
 *   dossier-library-collect.c    the items of a loaded case
 *   dossier-library-aside.c      setting a bad library file aside
 *   dossier-library-ready.c      a case's items made ready for the tables
 *                                (columns, tokens, order, terms); calls
 *                                tokenizer
 *   dossier-library-queue.c      a thread that runs jobs in order (the
 *                                SQLite store's writes in a batch)
 *   dossier-library-store.c      the store interface
 *   dossier-library-records.c    the records the store takes and gives
 *
 * How items are stored. Each item is a row of `items` (its section, id,
 * title, dates, certainties; its rowid its case's id << 26 plus its
 * place in the order hits are given) and a row of the FTS5 table
 * `items_fts` with the same rowid and two columns:
 *
 *   text   its fields joined by DOSSIER_LIBRARY_FIELD_SEPARATOR, the title
 *          first. The tokenizer cuts each field as in-case search does
 *          and puts a separator token between fields, so that no phrase
 *          runs from one field into the next, as the field marks of an
 *          in-case index do.
 *   meta   DOSSIER_LIBRARY_META_START, then its filter terms joined by
 *          the separator: "\001t" and the folded tag, "\001a" and each
 *          word of an author's name, "\001c" and the folded id of each
 *          cited source: the terms in-case search keeps for tag:,
 *          author: and cites:. The tokenizer gives each as one token.
 *
 * A query's strings reach the tokenizer already cut and folded, one
 * token each: in query mode it hands them on whole. */

#include <libpq-fe.h>
#include <sqlite3.h>

#include "dossier-loader.h"
#include "dossier-library-records.h"
#include "dossier-library-store.h"
#include "dossier-search-query.h"

G_BEGIN_DECLS

#define DOSSIER_LIBRARY_FIELD_SEPARATOR '\037'
#define DOSSIER_LIBRARY_META_START      '\036'
/* The token between two fields: no query token can hold it. */
#define DOSSIER_LIBRARY_FIELD_TOKEN     "\001"

/* Filter terms, as in search/ (dossier-search-private.h). */
#define DOSSIER_LIBRARY_TERM_TAG    "\001t"
#define DOSSIER_LIBRARY_TERM_AUTHOR "\001a"
#define DOSSIER_LIBRARY_TERM_CITES  "\001c"

/* dossier-library-collect.c: the items of @dcase (of DossierLibraryItem),
 * in the order in-case search numbers its documents. */
GPtrArray *dossier_library_collect_items     (DossierCase   *dcase);

/* dossier-library-aside.c: renames the library at @path (and its -wal
 * and -shm) to PATH.set-aside-DATE; the new name, or NULL and @error. */
char      *dossier_library_set_aside          (const char   *path,
                                               GError      **error);

/* dossier-library-tokenizer.c: registers the tokenizer "dossier" on @db. */
gboolean   dossier_library_tokenizer_register (sqlite3      *db,
                                               GError      **error);
/* The tokens of a text column, cut ahead of time on another thread
 * than the one that writes it; the tokenizer replays them when this
 * thread (dossier_library_tokenizer_replay()) indexes the same text.
 * new() takes @text. */
typedef struct _DossierLibraryTokens DossierLibraryTokens;

DossierLibraryTokens *dossier_library_tokens_new        (char                 *text);
const char           *dossier_library_tokens_get_text   (DossierLibraryTokens *self);
void                  dossier_library_tokens_free       (DossierLibraryTokens *self);
void                  dossier_library_tokenizer_replay  (DossierLibraryTokens *tokens);
/* Calls @func with each token of @self and then of @meta (a meta
 * column), as the tokenizer gives them to FTS5. */
typedef void (*DossierLibraryTermFunc) (const char *term,
                                        gsize       len,
                                        gpointer    user_data);
void                  dossier_library_tokens_foreach    (DossierLibraryTokens  *self,
                                                         const char            *meta,
                                                         DossierLibraryTermFunc func,
                                                         gpointer               user_data);

/* The text and meta columns of @item. */
char      *dossier_library_item_text          (const DossierLibraryItem *item);
char      *dossier_library_item_meta          (const DossierLibraryItem *item);

/* dossier-library-ready.c: an item ready to go into the tables, its
 * text column cut into tokens and its meta column made. */
typedef struct
{
  const DossierLibraryItem *item;
  DossierLibraryTokens     *text;
  char                     *meta;
} DossierLibraryReady;

/* @items (of DossierLibraryItem, borrowed) made ready, in the order hits
 * are given within their case (of DossierLibraryReady). */
GPtrArray  *dossier_library_ready_items (GPtrArray *items);
/* @items (borrowed) in the order hits are given within their case. */
GPtrArray  *dossier_library_order_items (GPtrArray *items);
/* The distinct terms of @ready (a set of strings). */
GHashTable *dossier_library_ready_terms (GPtrArray *ready);

/* dossier-library-match.c */

/* One bound value of a condition. */
typedef struct
{
  gboolean  is_text;
  char     *text;
  gint64    number;
} DossierLibraryParam;

/* The terms of the index that begin with @prefix (of char *), or NULL
 * when there are too many to list them. */
typedef GPtrArray *(*DossierLibraryExpandFunc) (const char *prefix,
                                                gpointer    user_data);

/* How an expression of words is written: FTS5's MATCH or PostgreSQL's
 * tsquery. */
typedef struct
{
  const char *phrase_join;   /* between the tokens of a phrase */
  const char *or_join;
  const char *and_join;
  const char *prefix_mark;   /* after a quoted prefix */
  void      (*quote) (GString *out, const char *text, gssize len);
} DossierLibrarySyntax;

extern const DossierLibrarySyntax dossier_library_fts5_syntax;

/**
 * DossierLibraryMatch:
 * @fts: (nullable): an FTS5 MATCH expression every hit satisfies
 * @where: SQL conditions on `i` (items) that every hit satisfies, with
 *   `?` placeholders, or "" for none
 * @params: (element-type DossierLibraryParam): their values, in order
 * @nothing: the query can find nothing (a word of no tokens)
 * @expand: (nullable): lists the terms a prefix stands for, so that the
 *   expression names them instead of a prefix query
 */
typedef struct
{
  const DossierLibrarySyntax *syntax;
  char                     *fts;
  GString                  *where;
  GArray                   *params;
  gboolean                  nothing;
  DossierLibraryExpandFunc  expand;
  gpointer                  expand_data;
} DossierLibraryMatch;

DossierLibraryMatch *dossier_library_match_new  (DossierSearchQuery       *query,
                                                 DossierLibraryExpandFunc  expand,
                                                 gpointer                  expand_data);
void                 dossier_library_match_free (DossierLibraryMatch *match);
/* The expression of a words atom in @syntax (its negation ignored): a
 * phrase of its tokens, each of its forms, the last one a prefix when
 * typed last; NULL for no tokens. Prefixes are not listed as terms. */
char                *dossier_library_words_expression (const DossierSearchAtom    *atom,
                                                       const DossierLibrarySyntax *syntax);
/* "…" with "" for each ": a string FTS5 reads as one string. */
void                 dossier_library_fts_quote  (GString             *out,
                                                 const char          *text,
                                                 gssize               len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryMatch, dossier_library_match_free)

/* dossier-library-queue.c: jobs run in order on one thread of their
 * own. push() waits while @max_waiting jobs wait; drain() returns when
 * every job pushed has run; free() runs what is left and ends the
 * thread. new() returns NULL when no thread can be made. */
typedef struct _DossierLibraryQueue DossierLibraryQueue;
typedef void (*DossierLibraryJobFunc) (gpointer job,
                                       gpointer user_data);

DossierLibraryQueue *dossier_library_queue_new   (DossierLibraryJobFunc  run,
                                                  GDestroyNotify         free_job,
                                                  gpointer               user_data,
                                                  guint                  max_waiting);
void                 dossier_library_queue_push  (DossierLibraryQueue   *self,
                                                  gpointer               job);
void                 dossier_library_queue_drain (DossierLibraryQueue   *self);
void                 dossier_library_queue_free  (DossierLibraryQueue   *self);

/* dossier-library-pg-conn.c: a connection to a team library's server
 * and its statements, always with parameters. */

/* Connects; a DOSSIER_LIBRARY_ERROR_CONNECTION with libpq's message. */
PGconn    *dossier_library_pg_connect (const char         *conninfo,
                                       GError            **error);
/* Runs @sql with @values ($1…, text; NULL for NULL): the result, or NULL
 * and @error (CONNECTION when the server was lost, READ_ONLY when the
 * user may not, else DATABASE). */
PGresult  *dossier_library_pg_exec    (PGconn             *conn,
                                       const char         *sql,
                                       guint               n_params,
                                       const char * const *values,
                                       GError            **error);
/* The same, without a result to read. */
gboolean   dossier_library_pg_run     (PGconn             *conn,
                                       const char         *sql,
                                       guint               n_params,
                                       const char * const *values,
                                       GError            **error);
/* Runs statements of the program's own (schema, transactions) that take
 * no values, several at once. */
gboolean   dossier_library_pg_script  (PGconn             *conn,
                                       const char         *sql,
                                       GError            **error);
/* Sets @error for a failed @result (may be NULL); FALSE. */
gboolean   dossier_library_pg_fail    (PGconn             *conn,
                                       PGresult           *result,
                                       GError            **error);
/* The value of @keyword in @conninfo, or NULL (also when it does not
 * parse). */
char      *dossier_library_pg_conninfo_value (const char   *conninfo,
                                              const char   *keyword);
/* @conninfo to put in a message: "…" when it holds a password. */
char      *dossier_library_pg_conninfo_shown (const char   *conninfo);
/* A cell as a new string (NULL for NULL), or as a number (0 for NULL). */
char      *dossier_library_pg_value   (PGresult           *result,
                                       int                 row,
                                       int                 column);
gint64     dossier_library_pg_int     (PGresult           *result,
                                       int                 row,
                                       int                 column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* dossier-library-pg-link.c: a connection made again when lost. */
typedef struct
{
  char     *conninfo;
  PGconn   *conn;
  gboolean  read_only;   /* this user may not write */
} DossierLibraryPgLink;

/* Connects and checks the schema (a DOSSIER_LIBRARY_ERROR_SCHEMA). */
DossierLibraryPgLink *dossier_library_pg_link_new    (const char            *conninfo,
                                                      GError               **error);
void                  dossier_library_pg_link_free   (DossierLibraryPgLink  *link);
/* Connects again, waiting a little more before each of three tries. */
gboolean              dossier_library_pg_link_again  (DossierLibraryPgLink  *link,
                                                      GError               **error);
/* Connects again only if the connection was lost. */
gboolean              dossier_library_pg_link_ensure (DossierLibraryPgLink  *link,
                                                      GError               **error);
/* A statement, tried once more on a new connection when it was lost. */
PGresult             *dossier_library_pg_link_read   (DossierLibraryPgLink  *link,
                                                      const char            *sql,
                                                      guint                  n_params,
                                                      const char * const    *values,
                                                      GError               **error);
gboolean              dossier_library_pg_is_lost     (const GError          *error);

/* dossier-library-pg-write.c: the writes of the team library, each a
 * transaction; READ_ONLY for a reader. */
gboolean dossier_library_pg_write_case   (DossierLibraryPgLink          *link,
                                          const DossierLibraryCaseInfo  *info,
                                          GPtrArray                     *items,
                                          GError                       **error);
gboolean dossier_library_pg_write_remove (DossierLibraryPgLink          *link,
                                          const char                    *path,
                                          GError                       **error);
gboolean dossier_library_pg_write_touch  (DossierLibraryPgLink          *link,
                                          const char                    *path,
                                          const DossierLibraryStamp     *stamp,
                                          GError                       **error);
gboolean dossier_library_pg_write_one    (DossierLibraryPgLink          *link,
                                          const char                    *sql,
                                          guint                          n_params,
                                          const char * const            *values,
                                          GError                       **error);

/* dossier-library-pg-rows.c: an item as its row's values (text). */
typedef struct
{
  char *body;        /* its fields, as dossier_library_item_text() */
  char *words;       /* its tokens with their positions: a tsvector */
  char *cjk;         /* its CJK runs (tokens by spaces), or NULL */
  char *tags;        /* folded tags: a text[] */
  char *authors;     /* the words of its authors: a text[] */
  char *cites;       /* folded ids of the sources it cites: a text[] */
  char *certainty;   /* each DossierCertainty it carries: a smallint[] */
} DossierLibraryPgRow;

DossierLibraryPgRow *dossier_library_pg_row_new        (const DossierLibraryItem *item);
void                 dossier_library_pg_row_free       (DossierLibraryPgRow      *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryPgRow, dossier_library_pg_row_free)
/* '…' with '' for ' and \\ for \: one lexeme of a tsvector or tsquery. */
void                 dossier_library_pg_quote_lexeme   (GString                  *out,
                                                        const char               *text,
                                                        gssize                    len);

/* dossier-library-pg-query.c: a query as SQL conditions on `items` i. */

/* The terms of @kind ('t' tags, 'a' authors' words, 'c' cited sources)
 * equal to @value, or beginning with it when @prefix (of char *); NULL
 * when there are too many to name, or they cannot be read. */
typedef GPtrArray *(*DossierLibraryPgTermsFunc) (char        kind,
                                                 const char *value,
                                                 gboolean    prefix,
                                                 gpointer    user_data);

typedef struct
{
  GString                  *where;    /* the conditions, with $1… */
  GPtrArray                *params;   /* their values, text */
  DossierLibraryPgTermsFunc terms;
  gpointer                  terms_data;
} DossierLibraryPgQuery;

DossierLibraryPgQuery *dossier_library_pg_query_new  (DossierSearchQuery       *query,
                                                      DossierLibraryPgTermsFunc terms,
                                                      gpointer                  terms_data);
void                   dossier_library_pg_query_free (DossierLibraryPgQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryPgQuery, dossier_library_pg_query_free)

/* dossier-library-excerpt.c: the text around the first word of @body (an
 * item's text column) that @query looks for, its words marked as a
 * library hit's snippet is, fields read as spaces; the beginning of
 * @body when no word is looked for. */
char                  *dossier_library_excerpt       (const char            *body,
                                                      DossierSearchQuery    *query);

/* dossier-library-pg-schema.c: the team library's tables. */

/* Checks that @conn's database holds a library of this schema: FALSE
 * and a DOSSIER_LIBRARY_ERROR_SCHEMA saying what to do, otherwise. */
gboolean   dossier_library_pg_check_schema (PGconn      *conn,
                                            const char  *conninfo,
                                            GError     **error);

G_END_DECLS
