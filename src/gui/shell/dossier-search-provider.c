/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-search-provider.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-library-snippet.h"
#include "dossier-search-query.h"
#include "dossier-shell-search-provider2.h"

/* The Shell shows five results a provider; a few more let a longer
 * query still show five after the Shell drops what it cannot show. */
#define MAX_RESULTS 20

/* The metas of the latest results are kept to answer GetResultMetas
 * and to know an id came from the library; past this many the table is
 * emptied before the next results go in. */
#define MAX_KEPT_METAS 1000

/* How long a service D-Bus started for the Shell stays after its last
 * answer, so the next keystroke's query finds it running (as GNOME
 * Calculator's provider stays). */
#define SERVICE_INACTIVITY_TIMEOUT_MS 20000

/* Between the parts of a result id; never in an escaped part. */
#define ID_SEPARATOR ':'

typedef struct
{
  char *name;
  char *description;
} Meta;

struct _DossierSearchProvider
{
  GObject               parent_instance;

  GApplication         *application;  /* not owned: it owns us */
  DossierLibraryClient *client;
  GDBusConnection      *connection;
  guint                 registration_id;

  GHashTable           *metas;        /* result id → Meta */
  GHashTable           *searches;     /* sender → GCancellable of its pending search */
  gboolean              update_started;
};

G_DEFINE_FINAL_TYPE (DossierSearchProvider, dossier_search_provider, G_TYPE_OBJECT)

static void
meta_free (Meta *meta)
{
  g_free (meta->name);
  g_free (meta->description);
  g_free (meta);
}

/* ------------------------------------------------------------------ */
/* Result ids                                                          */
/* ------------------------------------------------------------------ */

/* SECTION:INDEX:ITEM-ID:PATH, the item id and the path %-escaped (the
 * path as bytes, so a file name in any encoding comes back whole). */
char *
dossier_search_provider_encode_id (const char     *path,
                                   DossierSection  section,
                                   const char     *item_id,
                                   int             item_index)
{
  g_autofree char *escaped_id = NULL;
  g_autofree char *escaped_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  escaped_id = g_uri_escape_string (item_id != NULL ? item_id : "", NULL, FALSE);
  escaped_path = g_uri_escape_bytes ((const guint8 *) path, strlen (path), "/");
  return g_strdup_printf ("%s%c%d%c%s%c%s",
                          dossier_section_to_string (section), ID_SEPARATOR,
                          item_index >= 0 ? item_index : -1, ID_SEPARATOR,
                          escaped_id, ID_SEPARATOR, escaped_path);
}

static char *
decode_path (const char *escaped)
{
  g_autoptr(GBytes) bytes = g_uri_unescape_bytes (escaped, -1, NULL, NULL);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0 || memchr (data, '\0', len) != NULL)
    return NULL;
  return g_strndup (data, len);
}

gboolean
dossier_search_provider_decode_id (const char      *id,
                                   char           **path,
                                   DossierSection  *section,
                                   char           **item_id,
                                   int             *item_index)
{
  const char separators[] = { ID_SEPARATOR, '\0' };
  g_auto(GStrv) parts = NULL;
  g_autofree char *decoded_path = NULL;
  g_autofree char *decoded_id = NULL;
  gint64 index = -1;

  g_return_val_if_fail (id != NULL, FALSE);

  parts = g_strsplit (id, separators, 4);
  if (g_strv_length (parts) != 4 ||
      !dossier_section_from_string (parts[0], section) ||
      !g_ascii_string_to_signed (parts[1], 10, -1, G_MAXINT, &index, NULL))
    return FALSE;

  /* Fails on an escaped NUL, and anything but UTF-8 is refused. */
  decoded_id = g_uri_unescape_string (parts[2], NULL);
  decoded_path = decode_path (parts[3]);
  if (decoded_id == NULL || !g_utf8_validate (decoded_id, -1, NULL) ||
      decoded_path == NULL || !g_path_is_absolute (decoded_path))
    return FALSE;

  *path = g_steal_pointer (&decoded_path);
  *item_id = g_steal_pointer (&decoded_id);
  *item_index = (int) index;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Metas                                                               */
/* ------------------------------------------------------------------ */

/* The snippet as plain text: without its marks, on one line. */
static char *
snippet_text (const char *snippet)
{
  char *text = dossier_library_snippet_parse (snippet, NULL);

  g_strdelimit (text, "\n\t", ' ');
  return g_strstrip (text);
}

static char *
describe (const char     *case_title,
          const char     *path,
          DossierSection  section)
{
  g_autofree char *basename = NULL;

  if (case_title == NULL || *case_title == '\0')
    case_title = basename = g_filename_display_basename (path);
  /* Translators: a result in the GNOME Shell overview: the title of
   * the case, then the part of the case ("Notes", "Timeline"). */
  return g_strdup_printf (C_("shell result", "%s — %s"),
                          case_title, dossier_section_get_label (section));
}

static Meta *
meta_for_hit (const DossierLibraryHit *hit)
{
  Meta *meta = g_new0 (Meta, 1);

  if (hit->title != NULL && *hit->title != '\0')
    meta->name = g_strdup (hit->title);
  else if (hit->snippet != NULL)
    meta->name = snippet_text (hit->snippet);
  if (meta->name == NULL || *meta->name == '\0')
    {
      g_free (meta->name);
      meta->name = g_strdup (hit->item_id != NULL ? hit->item_id
                                                  : dossier_section_get_label (hit->section));
    }
  meta->description = describe (hit->case_title, hit->path, hit->section);
  return meta;
}

static GVariant *
meta_to_variant (const char *id,
                 const Meta *meta)
{
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *icon_string = g_icon_to_string (icon);
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "s", id);
  g_variant_dict_insert (&dict, "name", "s", meta->name);
  g_variant_dict_insert (&dict, "description", "s", meta->description);
  /* The Shell reads "gicon" as g_icon_to_string() gives it, "icon" as
   * g_icon_serialize() does; both name the application's icon. */
  g_variant_dict_insert (&dict, "gicon", "s", icon_string);
  g_variant_dict_insert_value (&dict, "icon", g_icon_serialize (icon));
  return g_variant_dict_end (&dict);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */
/* ------------------------------------------------------------------ */

/* Opens @path at the item; @path is a case file the library knows. */
static void
open_result (DossierSearchProvider *self,
             const char            *path,
             DossierSection         section,
             const char            *item_id,
             int                    item_index)
{
  GActionGroup *actions = G_ACTION_GROUP (self->application);

  /* app.open-at takes the path as a string: a path that is not UTF-8
   * opens at the start of the case. */
  if (g_utf8_validate (path, -1, NULL) && g_action_group_has_action (actions, "open-at"))
    g_action_group_activate_action (actions, "open-at",
                                    g_variant_new ("(sssi)", path,
                                                   dossier_section_to_string (section),
                                                   item_id, item_index));
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_application_open (self->application, &file, 1, "");
    }
}

static gboolean
open_result_id (DossierSearchProvider *self,
                const char            *id,
                GHashTable            *known_paths)
{
  g_autofree char *path = NULL;
  g_autofree char *item_id = NULL;
  DossierSection section;
  int item_index;

  if (!dossier_search_provider_decode_id (id, &path, &section, &item_id, &item_index))
    return FALSE;
  if (!g_hash_table_contains (self->metas, id) &&
      (known_paths == NULL || !g_hash_table_contains (known_paths, path)))
    return FALSE;

  open_result (self, path, section, item_id, item_index);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Calls waiting for the library                                       */
/* ------------------------------------------------------------------ */

typedef enum
{
  CALL_SEARCH,
  CALL_METAS,
  CALL_ACTIVATE,
} CallKind;

typedef struct
{
  DossierSearchProvider *self;
  GDBusMethodInvocation *invocation;
  CallKind               kind;
  GCancellable          *cancellable;
  char                  *sender;
  GStrv                  ids;
} Call;

static Call *
call_new (DossierSearchProvider *self,
          GDBusMethodInvocation *invocation,
          CallKind               kind)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->invocation = g_object_ref (invocation);
  call->kind = kind;
  g_application_hold (self->application);
  return call;
}

/* Answered: the application may go. */
static void
call_free (Call *call)
{
  g_application_release (call->self->application);
  g_clear_object (&call->invocation);
  g_clear_object (&call->cancellable);
  g_free (call->sender);
  g_strfreev (call->ids);
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void
on_updating_cb (DossierLibraryClient  *client,
                GParamSpec            *pspec,
                DossierSearchProvider *self)
{
  if (dossier_library_client_is_updating (client))
    return;
  g_signal_handlers_disconnect_by_func (client, on_updating_cb, self);
  g_application_release (self->application);
}

/* Once a process, after its first answer: a case changed since the
 * window or the command line last looked is found from then on. */
static void
start_update_once (DossierSearchProvider *self)
{
  if (self->update_started)
    return;
  self->update_started = TRUE;

  dossier_library_client_update (self->client);
  if (dossier_library_client_is_updating (self->client))
    {
      g_application_hold (self->application);
      g_signal_connect_object (self->client, "notify::updating",
                               G_CALLBACK (on_updating_cb), self, 0);
    }
}

static void
return_ids (GDBusMethodInvocation *invocation,
            GPtrArray             *ids)
{
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(@as)",
                                                        g_variant_new_strv ((const char * const *) ids->pdata,
                                                                            (gssize) ids->len)));
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  DossierSearchProvider *self = call->self;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  if (call->sender != NULL && g_hash_table_lookup (self->searches, call->sender) == call->cancellable)
    g_hash_table_remove (self->searches, call->sender);

  hits = dossier_library_client_search_finish (DOSSIER_LIBRARY_CLIENT (object), result, &error);
  /* A query the Shell typed half of, or one a newer query replaced,
   * finds nothing; a library that cannot be read is an error. */
  if (hits == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      error->domain != DOSSIER_SEARCH_ERROR)
    {
      g_dbus_method_invocation_return_gerror (call->invocation, error);
      return;
    }

  if (hits != NULL && g_hash_table_size (self->metas) + hits->len > MAX_KEPT_METAS)
    g_hash_table_remove_all (self->metas);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);
      char *id = dossier_search_provider_encode_id (hit->path, hit->section,
                                                    hit->item_id, hit->item_index);

      g_hash_table_replace (self->metas, g_strdup (id), meta_for_hit (hit));
      g_ptr_array_add (ids, id);
    }
  return_ids (call->invocation, ids);
  start_update_once (self);
}

/* A new query from a sender replaces its query still pending: typing
 * quickly costs only the last one. */
static void
start_search (DossierSearchProvider *self,
              GDBusMethodInvocation *invocation,
              const char * const    *terms)
{
  Call *call = call_new (self, invocation, CALL_SEARCH);
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  const char *sender = g_dbus_method_invocation_get_sender (invocation);
  GCancellable *previous;

  call->cancellable = g_cancellable_new ();
  if (sender != NULL)
    {
      call->sender = g_strdup (sender);
      previous = g_hash_table_lookup (self->searches, sender);
      if (previous != NULL)
        g_cancellable_cancel (previous);
      g_hash_table_replace (self->searches, g_strdup (sender), g_object_ref (call->cancellable));
    }

  dossier_library_client_search_async (self->client, text, MAX_RESULTS, call->cancellable,
                                       search_done_cb, call);
}

/* Metas for ids the kept results do not hold (the process started
 * after the search): what the case list says, for cases it knows. */
static GVariant *
metas_from_cases (DossierSearchProvider *self,
                  const char * const    *ids,
                  GHashTable            *cases)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      Meta *meta = g_hash_table_lookup (self->metas, ids[i]);
      g_autofree char *path = NULL;
      g_autofree char *item_id = NULL;
      DossierSection section;
      int item_index;
      const DossierLibraryCaseInfo *info;
      Meta made;

      if (meta != NULL)
        {
          g_variant_builder_add_value (&builder, meta_to_variant (ids[i], meta));
          continue;
        }
      if (cases == NULL ||
          !dossier_search_provider_decode_id (ids[i], &path, &section, &item_id, &item_index) ||
          (info = g_hash_table_lookup (cases, path)) == NULL)
        continue;

      made.name = *item_id != '\0' ? item_id : (char *) dossier_section_get_label (section);
      made.description = describe (info->title, path, section);
      g_variant_builder_add_value (&builder, meta_to_variant (ids[i], &made));
      g_free (made.description);
    }
  return g_variant_builder_end (&builder);
}

static void
cases_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  cases = dossier_library_client_list_cases_finish (DOSSIER_LIBRARY_CLIENT (object), result, &error);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      g_hash_table_insert (by_path, info->path, info);
    }

  if (call->kind == CALL_METAS)
    {
      GVariant *metas = metas_from_cases (call->self, (const char * const *) call->ids, by_path);

      g_dbus_method_invocation_return_value (call->invocation, g_variant_new_tuple (&metas, 1));
    }
  else if (open_result_id (call->self, call->ids[0], by_path))
    g_dbus_method_invocation_return_value (call->invocation, NULL);
  else
    g_dbus_method_invocation_return_error (call->invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                           "No case in the library has the result %s", call->ids[0]);
}

/* Asks the library which cases it knows, then answers. */
static void
start_lookup (DossierSearchProvider *self,
              GDBusMethodInvocation *invocation,
              CallKind               kind,
              const char * const    *ids)
{
  Call *call = call_new (self, invocation, kind);

  call->ids = g_strdupv ((char **) ids);
  dossier_library_client_list_cases_async (self->client, NULL, cases_done_cb, call);
}

/* ------------------------------------------------------------------ */
/* The D-Bus object                                                    */
/* ------------------------------------------------------------------ */

static gboolean
all_kept (DossierSearchProvider *self,
          const char * const    *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_hash_table_contains (self->metas, ids[i]))
      return FALSE;
  return TRUE;
}

static void
get_result_metas (DossierSearchProvider *self,
                  GDBusMethodInvocation *invocation,
                  const char * const    *ids)
{
  GVariant *metas;

  if (!all_kept (self, ids))
    {
      start_lookup (self, invocation, CALL_METAS, ids);
      return;
    }
  metas = metas_from_cases (self, ids, NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new_tuple (&metas, 1));
}

static void
activate_result (DossierSearchProvider *self,
                 GDBusMethodInvocation *invocation,
                 const char            *id)
{
  const char *ids[] = { id, NULL };

  if (g_hash_table_contains (self->metas, id) && open_result_id (self, id, NULL))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else
    start_lookup (self, invocation, CALL_ACTIVATE, ids);
}

/* The Library page with the terms (app.library-search); without that
 * action, a window. */
static void
launch_search (DossierSearchProvider *self,
               GDBusMethodInvocation *invocation,
               const char * const    *terms)
{
  GActionGroup *actions = G_ACTION_GROUP (self->application);
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  if (g_action_group_has_action (actions, "library-search"))
    g_action_group_activate_action (actions, "library-search", g_variant_new_string (text));
  else
    g_application_activate (self->application);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  DossierSearchProvider *self = DOSSIER_SEARCH_PROVIDER (user_data);
  g_autofree const char **previous = NULL;
  g_autofree const char **strv = NULL;
  const char *id = NULL;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &strv);
      start_search (self, invocation, strv);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* Searched again: the previous results were cut at MAX_RESULTS,
       * so filtering them could miss what the longer query finds. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &strv);
      start_search (self, invocation, strv);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &strv);
      get_result_metas (self, invocation, strv);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &id, &strv, NULL);
      activate_result (self, invocation, id);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &strv, NULL);
      launch_search (self, invocation, strv);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { NULL } };

/* ------------------------------------------------------------------ */
/* The object                                                          */
/* ------------------------------------------------------------------ */

static void
dossier_search_provider_dispose (GObject *object)
{
  DossierSearchProvider *self = DOSSIER_SEARCH_PROVIDER (object);

  dossier_search_provider_unregister (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (dossier_search_provider_parent_class)->dispose (object);
}

static void
dossier_search_provider_finalize (GObject *object)
{
  DossierSearchProvider *self = DOSSIER_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->metas, g_hash_table_unref);
  g_clear_pointer (&self->searches, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_search_provider_parent_class)->finalize (object);
}

static void
dossier_search_provider_class_init (DossierSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_search_provider_dispose;
  object_class->finalize = dossier_search_provider_finalize;
}

static void
dossier_search_provider_init (DossierSearchProvider *self)
{
  self->metas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) meta_free);
  self->searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

DossierSearchProvider *
dossier_search_provider_new (GApplication         *application,
                             DossierLibraryClient *client)
{
  DossierSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (client), NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->client = g_object_ref (client);
  return self;
}

gboolean
dossier_search_provider_register (DossierSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  GError                **error)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  self->registration_id =
    g_dbus_connection_register_object (connection, DOSSIER_SEARCH_PROVIDER_PATH,
                                       (GDBusInterfaceInfo *) &dossier_shell_search_provider2_interface,
                                       &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;
  self->connection = g_object_ref (connection);

  if (g_application_get_flags (self->application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (self->application, SERVICE_INACTIVITY_TIMEOUT_MS);
  return TRUE;
}

void
dossier_search_provider_unregister (DossierSearchProvider *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
