/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How search reads text: the folding and the tokens that the index, the
 * query parser and the match marks all share. None of it needs an index,
 * so another store (an SQLite FTS5 tokenizer, say) can cut text exactly
 * as search does.
 *
 * Folding: full Unicode case folding and compatibility decomposition
 * (NFKD), combining marks dropped, so "Café", "CAFE" and "cafe\u0301"
 * all give "cafe", "ﬁle" gives "file", "Ｆｕｌｌ" gives "full". Soft
 * hyphens, zero-width and bidi control characters are ignored, so a word
 * split by them is still one word.
 *
 * Tokens: runs of letters and digits, folded. Everything else (white
 * space, punctuation, hyphens) separates tokens, so "Jong-un" is the two
 * tokens "jong" "un" and a search for it is a phrase of both. Korean,
 * Chinese and Japanese characters are one token each, which is how a
 * word of them is found inside a longer run (as adjacent tokens). A
 * token is cut after DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES bytes. Bytes
 * that are not UTF-8 separate tokens. */

/* The longest token, in bytes of folded UTF-8. */
#define DOSSIER_SEARCH_TEXT_MAX_TOKEN_BYTES 128

/**
 * dossier_search_text_fold:
 * @text: UTF-8 text
 *
 * The folding without splitting: case folded, NFKD, marks dropped,
 * punctuation kept. Used for whole values such as tags.
 *
 * Returns: (transfer full): the folded text.
 */
char  *dossier_search_text_fold     (const char *text);

/**
 * dossier_search_text_tokenize:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * The folded tokens of @text, in order.
 *
 * Returns: (transfer full): a %NULL-terminated array of tokens.
 */
GStrv  dossier_search_text_tokenize (const char *text,
                                     gssize      length);

/* TRUE for a character of the scripts written without spaces (Han,
 * Hangul, kana…), which are a token each. */
gboolean dossier_search_text_is_cjk (gunichar c);

/**
 * dossier_search_text_other_forms:
 * @token: a folded token
 *
 * The other number of an English word, so that "passports" finds
 * "passport" and back: -s, -es after s/x/z/ch/sh, -ies for -y after a
 * consonant. Only for tokens of three lowercase ASCII letters or more;
 * words in -ss, -us and -is are not plurals. Search adds them to a
 * word typed without quotes.
 *
 * Returns: (transfer full): the other forms, most likely first; often
 *   one, sometimes two, none for other tokens.
 */
GStrv  dossier_search_text_other_forms (const char *token);

/**
 * DossierSearchTextToken:
 * @text: the folded token; not nul-terminated
 * @length: its length in bytes
 * @start: byte offset of its first byte in the text that was cut
 * @end: byte offset just past its last byte there (combining marks
 *   that follow its last letter belong to it)
 *
 * One token, as dossier_search_text_iter_next() gives it. @text stays
 * valid until the iterator is cleared.
 */
typedef struct
{
  const char *text;
  gsize       length;
  gsize       start;
  gsize       end;
} DossierSearchTextToken;

/**
 * DossierSearchTextIter:
 *
 * Walks the tokens of a text with their byte offsets, as a full-text
 * tokenizer callback wants them:
 *
 * |[<!-- language="C" -->
 * g_auto(DossierSearchTextIter) iter = { 0, };
 * DossierSearchTextToken token;
 *
 * dossier_search_text_iter_init (&iter, text, -1);
 * while (dossier_search_text_iter_next (&iter, &token))
 *   emit (token.text, token.length, token.start, token.end);
 * ]|
 *
 * Lives on the stack; its fields are private.
 */
typedef struct
{
  /*< private >*/
  GString *folded;
  GArray  *spans;
  guint    next;
} DossierSearchTextIter;

void     dossier_search_text_iter_init  (DossierSearchTextIter  *iter,
                                         const char             *text,
                                         gssize                  length);
gboolean dossier_search_text_iter_next  (DossierSearchTextIter  *iter,
                                         DossierSearchTextToken *token);
void     dossier_search_text_iter_clear (DossierSearchTextIter  *iter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierSearchTextIter, dossier_search_text_iter_clear)

G_END_DECLS
