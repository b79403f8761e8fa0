/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dossier-core.h"

/* Nothing is fetched while loading: a listener on 127.0.0.1 stands where
 * a hostile file's DOCTYPE, external entities, XInclude, stylesheet
 * processing instruction, schema location, links and image point, and
 * must see no connection while the file loads, from disk or from memory.
 * The listener accepts and closes at once, so a loader that did fetch
 * would fail fast instead of hanging on a reply. */

typedef struct
{
  int      listen_fd;
  int      wake_fd[2];
  guint16  port;
  gint     n_connections;  /* atomic */
  GThread *thread;
} Listener;

static gpointer
listener_thread (gpointer data)
{
  Listener *listener = data;

  for (;;)
    {
      struct pollfd fds[2] = {
        { .fd = listener->listen_fd, .events = POLLIN },
        { .fd = listener->wake_fd[0], .events = POLLIN },
      };

      if (poll (fds, 2, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      if (fds[1].revents != 0)
        break;
      if (fds[0].revents & POLLIN)
        {
          int fd = accept (listener->listen_fd, NULL, NULL);

          if (fd >= 0)
            {
              g_atomic_int_inc (&listener->n_connections);
              close (fd);
            }
        }
    }

  return NULL;
}

static void
listener_start (Listener *listener)
{
  struct sockaddr_in addr = { 0 };
  socklen_t length = sizeof addr;

  listener->listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (listener->listen_fd, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = 0;
  g_assert_cmpint (bind (listener->listen_fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (listener->listen_fd, 16), ==, 0);
  g_assert_cmpint (getsockname (listener->listen_fd, (struct sockaddr *) &addr, &length), ==, 0);
  listener->port = ntohs (addr.sin_port);
  g_assert_cmpint (pipe (listener->wake_fd), ==, 0);
  listener->n_connections = 0;
  listener->thread = g_thread_new ("listener", listener_thread, listener);
}

static void
listener_stop (Listener *listener)
{
  g_assert_cmpint (write (listener->wake_fd[1], "x", 1), ==, 1);
  g_thread_join (listener->thread);
  close (listener->wake_fd[0]);
  close (listener->wake_fd[1]);
  close (listener->listen_fd);
}

/* Waits a little for a connection that may still be on its way (a
 * fetch from another thread), then says how many came. */
static int
listener_count (Listener *listener)
{
  for (guint i = 0; i < 10 && g_atomic_int_get (&listener->n_connections) == 0; i++)
    g_usleep (10 * 1000);
  return g_atomic_int_get (&listener->n_connections);
}

/* The listener counts: connecting to it ourselves is seen, or the test
 * below could not fail. */
static void
test_no_network_listener_counts (void)
{
  Listener listener;
  struct sockaddr_in addr = { 0 };
  int fd;

  listener_start (&listener);
  fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons (listener.port);
  g_assert_cmpint (connect (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  close (fd);
  g_assert_cmpint (listener_count (&listener), ==, 1);
  listener_stop (&listener);
}

typedef struct
{
  const char *name;
  /* printf format with the URL base (http://127.0.0.1:PORT) as every
   * argument, used with @URL@. */
  const char *format;
  /* The file must be refused (a DTD), not merely opened inert. */
  gboolean    refused;
  /* When it opens: the title shown, with nothing fetched into it. */
  const char *title;
} Hostile;

#define BODY "<title>Hostile</title></case>\n"
#define ROOT "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\">"

static const Hostile hostile_files[] = {
  { "external-dtd",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE case SYSTEM \"@URL@/case.dtd\">\n" ROOT BODY, TRUE, NULL },
  { "public-dtd",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE case PUBLIC \"-//Dossier//Case//EN\" \"@URL@/public.dtd\">\n" ROOT BODY, TRUE, NULL },
  { "external-entity",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE case [<!ENTITY x SYSTEM \"@URL@/entity\">]>\n"
    ROOT "<title>&x;</title></case>\n", TRUE, NULL },
  { "parameter-entity",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE case [<!ENTITY % p SYSTEM \"@URL@/param.dtd\"> %p;]>\n" ROOT BODY, TRUE, NULL },
  { "xinclude",
    "<?xml version=\"1.0\"?>\n"
    ROOT "<title>Hostile</title>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"@URL@/include.xml\" parse=\"xml\"/>"
    "</case>\n", FALSE, "Hostile" },
  { "xinclude-text",
    "<?xml version=\"1.0\"?>\n"
    ROOT "<title>Hostile<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
    "href=\"@URL@/include.txt\" parse=\"text\"/></title></case>\n", FALSE, "Hostile" },
  { "stylesheet",
    "<?xml version=\"1.0\"?>\n"
    "<?xml-stylesheet type=\"text/xsl\" href=\"@URL@/style.xsl\"?>\n" ROOT BODY, FALSE, "Hostile" },
  { "schema-location",
    "<?xml version=\"1.0\"?>\n"
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"c\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"urn:dossier:case @URL@/case.xsd\" "
    "xsi:noNamespaceSchemaLocation=\"@URL@/none.xsd\">" BODY, FALSE, "Hostile" },
  { "namespace-url",
    "<?xml version=\"1.0\"?>\n"
    "<case xmlns=\"urn:dossier:case\" xmlns:x=\"@URL@/ns\" format=\"1\" id=\"c\">"
    "<x:data x:src=\"@URL@/data\"/>" BODY, FALSE, "Hostile" },
  { "links-and-image",
    "<?xml version=\"1.0\"?>\n"
    ROOT "<title>Hostile <link href=\"@URL@/link\">link</link></title>"
    "<sources><source id=\"s\" kind=\"press\"><title>S</title>"
    "<url>@URL@/url</url><archived-url>@URL@/archive</archived-url></source></sources>"
    "<threat-screen><headline>H<cite ref=\"s\"/></headline>"
    "<image description=\"screen\" src=\"@URL@/screen.png\"/>"
    "<shown-link href=\"@URL@/shown\">shown</shown-link></threat-screen>"
    "</case>\n", FALSE, "Hostile link" },
};

static void
check_result (const Hostile *hostile,
              const char    *how,
              DossierCase   *dcase,
              const GError  *error,
              Listener      *listener)
{
  g_test_message ("%s from %s: %s", hostile->name, how,
                  dcase != NULL ? "opened" : error->message);

  /* Opened inert or refused, never half of one. */
  g_assert_true ((dcase == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_true (error->domain == DOSSIER_CASE_ERROR);
  if (hostile->refused)
    {
      g_assert_null (dcase);
      g_assert_true (g_error_matches (error, DOSSIER_CASE_ERROR, DOSSIER_CASE_ERROR_NOT_WELL_FORMED));
    }
  if (dcase != NULL)
    g_assert_cmpstr (dossier_case_get_display_title (dcase), ==, hostile->title);
  if (dcase != NULL && dossier_case_get_threat_screen (dcase) != NULL)
    g_assert_null (dossier_threat_screen_get_image_file (dossier_case_get_threat_screen (dcase)));

  g_assert_cmpint (listener_count (listener), ==, 0);
}

static void
test_no_network_hostile (gconstpointer data)
{
  const Hostile *hostile = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierCase) bytes_case = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  Listener listener;

  listener_start (&listener);
  base = g_strdup_printf ("http://127.0.0.1:%u", listener.port);
  {
    g_auto(GStrv) parts = g_strsplit (hostile->format, "@URL@", -1);

    text = g_strjoinv (base, parts);
  }
  g_assert_nonnull (strstr (text, base));

  /* From disk, in a folder of its own, as a user opens it. */
  dir = g_dir_make_tmp ("dossier-no-network-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "hostile.case.xml", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  check_result (hostile, "a file", dcase, error, &listener);

  /* From memory, with a folder for images. */
  bytes = g_bytes_new (text, strlen (text));
  folder = g_file_new_for_path (dir);
  bytes_case = dossier_case_load_bytes (bytes, "hostile.case.xml", folder, NULL, NULL, NULL,
                                        &bytes_error);
  check_result (hostile, "memory", bytes_case, bytes_error, &listener);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  listener_stop (&listener);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/no-network/listener-counts", test_no_network_listener_counts);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/no-network/%s", hostile_files[i].name);

      g_test_add_data_func (name, &hostile_files[i], test_no_network_hostile);
    }

  return g_test_run ();
}
