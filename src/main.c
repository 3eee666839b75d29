/* main.c: the entry point of the Herbeoordeling application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hrb-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(HrbApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* HRB_LOCALEDIR: the build's catalogues when run uninstalled (meson devenv). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HRB_LOCALEDIR") ? g_getenv ("HRB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hrb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
