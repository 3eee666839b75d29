/* hrb-score-explanation.c: the score breakdown of one item. */
#include "config.h"
#include "hrb-score-explanation.h"
#include "hrb-format.h"

#include <glib/gi18n.h>

typedef struct {
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *value;
  GtkWidget *bar;
  GtkWidget *detail;
  double     value_number;
  char      *text;
} Bar;

struct _HrbScoreExplanation
{
  GtkBox         parent_instance;

  HrbRankingRow *row;
  HrbMethod     *method;
  GArray        *bars;       /* Bar */

  GtkWidget     *summary;
  GtkWidget     *rank_label;
  GtkWidget     *reason;
  GtkWidget     *bars_box;
};

G_DEFINE_FINAL_TYPE (HrbScoreExplanation, hrb_score_explanation, GTK_TYPE_BOX)

static void
bar_clear (gpointer data)
{
  Bar *b = data;

  g_free (b->text);
}

static void
hrb_score_explanation_dispose (GObject *object)
{
  HrbScoreExplanation *self = HRB_SCORE_EXPLANATION (object);

  g_clear_pointer (&self->row, hrb_ranking_row_free);
  g_clear_pointer (&self->method, hrb_method_free);
  g_clear_pointer (&self->bars, g_array_unref);
  G_OBJECT_CLASS (hrb_score_explanation_parent_class)->dispose (object);
}

static void
hrb_score_explanation_class_init (HrbScoreExplanationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hrb_score_explanation_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "scoreexplanation");
}

static GtkWidget *
caption_label (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
hrb_score_explanation_init (HrbScoreExplanation *self)
{
  GtkWidget *title;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  title = gtk_label_new (_("Score"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);
  self->summary = caption_label (NULL);
  gtk_widget_add_css_class (self->summary, "numeric");
  gtk_box_append (GTK_BOX (self), self->summary);
  self->rank_label = caption_label (NULL);
  gtk_box_append (GTK_BOX (self), self->rank_label);
  self->reason = caption_label ("warning");
  gtk_box_append (GTK_BOX (self), self->reason);
  self->bars_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_top (self->bars_box, 6);
  gtk_box_append (GTK_BOX (self), self->bars_box);
  hrb_score_explanation_set_row (self, NULL, NULL);
}

GtkWidget *
hrb_score_explanation_new (void)
{
  return g_object_new (HRB_TYPE_SCORE_EXPLANATION, NULL);
}

static char *
number_text (double v, int decimals)
{
  HrbNumberFormat fmt;

  hrb_number_format_current (&fmt);
  return hrb_format_number (&fmt, v, decimals);
}

/* The input value as people read it, by the kind of input. */
static char *
input_text (const HrbCriterion *c, const HrbCriterionDetail *d)
{
  HrbNumberFormat fmt;

  hrb_number_format_current (&fmt);
  if (!hrb_is_known (d->input))
    return g_strdup (_("unknown"));
  if (c == NULL)
    return hrb_format_number (&fmt, d->input, 2);
  switch (c->input)
    {
    case HRB_INPUT_PATIENTS:
      if (hrb_is_known (d->input_low) && hrb_is_known (d->input_high) && d->input_low != d->input_high)
        {
          HrbRange r = { d->input_low, d->input_high };
          g_autofree char *range = hrb_format_range (&fmt, r, FALSE);
          g_autofree char *point = hrb_format_number (&fmt, d->input, 0);
          /* TRANSLATORS: patients: the point value, then the range. */
          return g_strdup_printf (_("%s patients (%s)"), point, range);
        }
      {
        g_autofree char *point = hrb_format_number (&fmt, d->input, 0);
        return g_strdup_printf (_("%s patients"), point);
      }
    case HRB_INPUT_BUDGET_IMPACT:
    case HRB_INPUT_COST_PER_PATIENT:
      if (hrb_is_known (d->input_low) && hrb_is_known (d->input_high) && d->input_low != d->input_high)
        {
          HrbRange r = { d->input_low, d->input_high };
          g_autofree char *range = hrb_format_range (&fmt, r, TRUE);
          g_autofree char *point = hrb_format_money (&fmt, d->input);
          return g_strdup_printf ("%s (%s)", point, range);
        }
      return hrb_format_money (&fmt, d->input);
    case HRB_INPUT_RELATIVE_BUDGET_IMPACT:
    case HRB_INPUT_GROWTH:
      return hrb_format_percent (&fmt, d->input, 2);
    case HRB_INPUT_UNCERTAINTY:
    case HRB_INPUT_MARKET:
    case HRB_INPUT_EXPERT:
    case HRB_N_INPUTS:
    default:
      {
        g_autofree char *points = hrb_format_number (&fmt, d->input, 0);
        return g_strdup_printf (_("%s points"), points);
      }
    }
}

static Bar
new_bar (void)
{
  Bar b = { 0 };
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  b.box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  b.name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (b.name), 0);
  gtk_widget_set_hexpand (b.name, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (b.name), PANGO_ELLIPSIZE_END);
  b.value = gtk_label_new (NULL);
  gtk_widget_add_css_class (b.value, "numeric");
  gtk_box_append (GTK_BOX (head), b.name);
  gtk_box_append (GTK_BOX (head), b.value);
  gtk_box_append (GTK_BOX (b.box), head);

  b.bar = gtk_level_bar_new_for_interval (0, 100);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (b.bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (b.bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (b.bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_box_append (GTK_BOX (b.box), b.bar);

  b.detail = caption_label ("dim-label");
  gtk_widget_add_css_class (b.detail, "caption");
  gtk_box_append (GTK_BOX (b.box), b.detail);
  return b;
}

static void
set_label (GtkWidget *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

/* Fills bar k (made when missing; kept when the same criteria are shown
 * again, so dragging a weight only changes texts and values). */
static void
fill_bar (HrbScoreExplanation *self, guint k, const HrbCriterionDetail *d, double total_weight)
{
  const HrbCriterion *c = self->method ? hrb_method_find_criterion (self->method, d->criterion_id) : NULL;
  g_autofree char *contrib = number_text (d->contribution, 2);
  g_autofree char *score = number_text (d->criterion_score, 1);
  g_autofree char *weight = number_text (d->weight, 1);
  g_autofree char *input = input_text (c, d);
  g_autofree char *detail_text = NULL;
  g_autofree char *total = number_text (total_weight, 1);
  const char *name = d->label ? d->label : d->criterion_id;
  Bar *b;

  if (k >= self->bars->len)
    {
      Bar fresh = new_bar ();
      g_array_append_val (self->bars, fresh);
      gtk_box_append (GTK_BOX (self->bars_box), fresh.box);
    }
  b = &g_array_index (self->bars, Bar, k);
  set_label (b->name, name);
  set_label (b->value, contrib);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (b->bar), CLAMP (d->contribution, 0, 100));
  /* TRANSLATORS: input value (source) · criterion score × weight / total weight. */
  detail_text = g_strdup_printf (_("%s (%s) · criterion score %s × weight %s / %s"),
                                 input, d->source ? d->source : _("no source"), score, weight, total);
  set_label (b->detail, detail_text);
  b->value_number = d->contribution;
  g_free (b->text);
  b->text = g_strdup_printf ("%s: %s = %s", name, detail_text, contrib);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, b->text, -1);
}

static void
trim_bars (HrbScoreExplanation *self, guint n)
{
  while (self->bars->len > n)
    {
      Bar *b = &g_array_index (self->bars, Bar, self->bars->len - 1);
      gtk_box_remove (GTK_BOX (self->bars_box), b->box);
      g_array_set_size (self->bars, self->bars->len - 1);
    }
}

void
hrb_score_explanation_set_row (HrbScoreExplanation *self, const HrbRankingRow *row,
                               const HrbMethod *method)
{
  double total_weight = 0;

  g_return_if_fail (HRB_IS_SCORE_EXPLANATION (self));
  g_clear_pointer (&self->row, hrb_ranking_row_free);
  g_clear_pointer (&self->method, hrb_method_free);
  if (row == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary), _("Not scored."));
      gtk_widget_set_visible (self->rank_label, FALSE);
      gtk_widget_set_visible (self->reason, FALSE);
      trim_bars (self, 0);
      return;
    }
  self->row = hrb_ranking_row_copy (row);
  self->method = method ? hrb_method_copy (method) : NULL;

  {
    g_autofree char *s = number_text (row->score, 2);
    g_autofree char *lo = number_text (row->score_low, 2);
    g_autofree char *hi = number_text (row->score_high, 2);
    g_autofree char *text = NULL;

    if (self->method)
      /* TRANSLATORS: score, its low–high interval and the method name and version. */
      text = g_strdup_printf (_("%s (%s–%s), method %s version %d"), s, lo, hi, self->method->name,
                              self->method->version);
    else
      text = g_strdup_printf (_("%s (%s–%s)"), s, lo, hi);
    gtk_label_set_text (GTK_LABEL (self->summary), text);
  }
  if (row->eligible)
    {
      g_autofree char *text = NULL;
      if (row->rank_best == row->rank_worst)
        text = g_strdup_printf (_("Rank %u"), row->rank);
      else if (row->unstable)
        /* TRANSLATORS: rank, then the best and worst rank within the ranges. */
        text = g_strdup_printf (_("Rank %u (%u–%u within the ranges: unstable)"), row->rank,
                                row->rank_best, row->rank_worst);
      else
        text = g_strdup_printf (_("Rank %u (%u–%u within the ranges)"), row->rank, row->rank_best,
                                row->rank_worst);
      gtk_label_set_text (GTK_LABEL (self->rank_label), text);
      gtk_widget_set_visible (self->rank_label, TRUE);
      gtk_widget_set_visible (self->reason, FALSE);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not ranked: %s"), row->reason ? row->reason : "");
      gtk_label_set_text (GTK_LABEL (self->reason), text);
      gtk_widget_set_visible (self->reason, TRUE);
      gtk_widget_set_visible (self->rank_label, FALSE);
    }
  for (guint c = 0; c < row->n_details; c++)
    total_weight += row->details[c].weight;
  for (guint c = 0; c < row->n_details; c++)
    fill_bar (self, c, &row->details[c], total_weight);
  trim_bars (self, row->n_details);
}

const HrbRankingRow *
hrb_score_explanation_get_row (HrbScoreExplanation *self)
{
  g_return_val_if_fail (HRB_IS_SCORE_EXPLANATION (self), NULL);
  return self->row;
}

guint
hrb_score_explanation_get_n_bars (HrbScoreExplanation *self)
{
  g_return_val_if_fail (HRB_IS_SCORE_EXPLANATION (self), 0);
  return self->bars->len;
}

double
hrb_score_explanation_get_bar_value (HrbScoreExplanation *self, guint i)
{
  g_return_val_if_fail (HRB_IS_SCORE_EXPLANATION (self) && i < self->bars->len, NAN);
  return gtk_level_bar_get_value (GTK_LEVEL_BAR (g_array_index (self->bars, Bar, i).bar));
}

const char *
hrb_score_explanation_get_bar_text (HrbScoreExplanation *self, guint i)
{
  g_return_val_if_fail (HRB_IS_SCORE_EXPLANATION (self) && i < self->bars->len, NULL);
  return g_array_index (self->bars, Bar, i).text;
}
