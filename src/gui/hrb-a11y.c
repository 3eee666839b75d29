/* hrb-a11y.c: accessible names where GTK 4.8 does not pass them on. */
#include "hrb-a11y.h"

#include <adwaita.h>

static void
set_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The first descendant of widget (depth first) of the given type. */
static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_descendant (c, type)) != NULL)
        return found;
    }
  return NULL;
}

void
hrb_a11y_set_label (GtkWidget *widget, const char *label)
{
  GtkWidget *inner = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  set_label (widget, label);
  if (GTK_IS_DROP_DOWN (widget))
    inner = find_descendant (widget, GTK_TYPE_TOGGLE_BUTTON);
  else if (GTK_IS_COLUMN_VIEW (widget))
    inner = find_descendant (widget, GTK_TYPE_LIST_VIEW);
  if (inner == NULL && GTK_IS_COLUMN_VIEW (widget))
    {
      /* The inner list is a private GtkListView subclass: the child after
       * the header. */
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        if (g_str_equal (G_OBJECT_TYPE_NAME (c), "GtkColumnListView"))
          inner = c;
    }
  if (inner == NULL && GTK_IS_EXPANDER (widget))
    inner = gtk_widget_get_first_child (widget);
  if (inner != NULL)
    set_label (inner, label);
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *t = gtk_label_get_text (GTK_LABEL (widget));
      if (t != NULL && t[0] != '\0')
        {
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, t);
        }
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

void
hrb_a11y_label_from_content (GtkWidget *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (GTK_IS_WIDGET (row));
  collect_text (row, text);
  if (text->len > 0)
    set_label (row, text->str);
}

static void
label_lists (GtkWidget *widget, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_BOX (c))
        set_label (c, label);
      else
        label_lists (c, label);
    }
}

void
hrb_a11y_label_expander_row (GtkWidget *row, const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  /* The row itself, its header list and the list of its nested rows. */
  set_label (row, label);
  label_lists (row, label);
}

/* The title of the nearest preferences group or row above widget. */
static const char *
context_title (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *t = NULL;

      if (ADW_IS_PREFERENCES_GROUP (w))
        t = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w));
      else if (ADW_IS_PREFERENCES_ROW (w))
        t = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
      if (t != NULL && t[0] != '\0')
        return t;
    }
  return NULL;
}

static void
fix_tree (GtkWidget *widget, const char *combo_title)
{
  if (ADW_IS_COMBO_ROW (widget))
    combo_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_LIST_VIEW (widget) && combo_title != NULL)
    set_label (widget, combo_title);
  else if (GTK_IS_LIST_BOX (widget))
    {
      const char *t = context_title (widget);
      GtkWidget *first = gtk_widget_get_first_child (widget);

      /* An untitled group: the list is named after its first row. */
      if (t == NULL && first != NULL && ADW_IS_PREFERENCES_ROW (first))
        t = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first));
      if (t != NULL && t[0] != '\0')
        set_label (widget, t);
    }
  /* The pop-up of a combo row is a popover child: walk it too. */
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    fix_tree (c, combo_title);
}

void
hrb_a11y_fix_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  fix_tree (root, NULL);
}
