/* hrb-i18n.h: gettext for the core library (no GTK). */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>
