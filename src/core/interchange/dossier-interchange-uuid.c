/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange-private.h"

#include <string.h>

static gboolean
parse_uuid (const char *text,
            guint8      out[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      int high, low;

      if (*p == '-')
        continue;
      if (n == 16 || p[1] == '\0')
        return FALSE;
      high = g_ascii_xdigit_value (p[0]);
      low = g_ascii_xdigit_value (p[1]);
      if (high < 0 || low < 0)
        return FALSE;
      out[n++] = (guint8) (high << 4 | low);
      p++;
    }

  return n == 16;
}

char *
dossier_uuid_v5 (const char *namespace_uuid,
                 const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (namespace_uuid != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (namespace_uuid, ns))
    g_return_val_if_reached (NULL);

  /* RFC 9562, 5.5: SHA-1 of the namespace's 16 bytes and the name, cut to
   * 16 bytes, with the version (5) and the variant (10xx) set. */
  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  /* By hand: one id an object, 100,000 of them in a large case. */
  {
    static const char hex[] = "0123456789abcdef";
    char *out = g_malloc (37);
    char *p = out;

    for (guint i = 0; i < 16; i++)
      {
        if (i == 4 || i == 6 || i == 8 || i == 10)
          *p++ = '-';
        *p++ = hex[digest[i] >> 4];
        *p++ = hex[digest[i] & 0xf];
      }
    *p = '\0';
    return out;
  }
}

char *
dossier_interchange_stix_id (const char *type,
                             const char *case_id,
                             const char *name)
{
  g_autofree char *full = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  /* Case and item ids never hold a '/', so "CASE/ITEM" is unambiguous;
   * parts without an id use names that start with '#', which no id can. */
  full = name != NULL ? g_strconcat (case_id, "/", name, NULL) : g_strdup (case_id);
  uuid = dossier_uuid_v5 (DOSSIER_INTERCHANGE_NAMESPACE, full);

  return g_strconcat (type, "--", uuid, NULL);
}
