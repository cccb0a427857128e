/* extract_text_table.c - tables flattened one cell per line.
 *
 * Stripping the markup of a results page or a league table leaves each
 * cell on a line of its own: "1", "Ana Ruiz", "5040", "5", "2", then
 * "2", the next name, its numbers... Read line by line, that is a long
 * run of one-word lines that weighs like a menu, so the body search
 * never crosses it. A run of short lines whose kind (a number, or a
 * few words) repeats at a fixed period, with at least two numbers in
 * each period (or two periods under a line of column names), is such
 * a table: each period is rebuilt as one line
 * ("1 Ana Ruiz 5040 5 2") by removing the line breaks inside it, and
 * its words are marked as table cells, so the body search weighs the
 * rows as data (see xt_weight()) and no span detector reads them as
 * widgets or dates. The period's line of column names right before
 * the first row is rebuilt and marked the same way. Linear: one
 * backward pass per period tried.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>

#include "util/xalloc.h"

#define XT_CELL_WORDS	4	/* words of a text cell at most */
#define XT_PERIOD_MIN	2	/* cells of a row */
#define XT_PERIOD_MAX	16
#define XT_ROWS_MIN	3	/* rows of a table */
#define XT_ROW_NUMBERS	2	/* number cells of a row at least */

/* kinds of lines */
enum { L_LONG = 0, L_NUM, L_TEXT };

struct xt_line {
	size_t a, b;		/* words [a, b) */
	uint8_t kind;		/* L_* */
};

struct xt_table {
	struct xt_line *l;	/* owned */
	size_t n;
	uint32_t *run;		/* lines after each that repeat the period */
	uint32_t *cover;	/* best table from each line: its lines */
	uint8_t *period;	/* and its period, 0: none */
};

/* A number cell: every word starts with a digit ("5040", "1:41.2",
 * "+3"); a text cell: a few words, not all numbers. */
static uint8_t
xt_line_kind(const struct xt *x, size_t a, size_t b)
{
	size_t i, words = 0, nums = 0;

	for (i = a; i < b; i++) {
		if (x->t[i].flags & TF_PUNCT)
			continue;
		words += x->t[i].wn;
		nums += (x->t[i].flags & TF_DIGIT) != 0;
	}
	if (words == 0 || words > XT_CELL_WORDS)
		return L_LONG;
	return nums == words ? L_NUM : L_TEXT;
}

static void
xt_table_lines(const struct xt *x, struct xt_table *tb)
{
	size_t i, a, cap = 0;

	for (i = 0; i < x->nt; i = a) {
		for (a = i + 1; a < x->nt && !(x->t[a].flags & TF_NL); a++)
			;
		tb->l = xgrow(tb->l, &cap, tb->n, sizeof(*tb->l), 64);
		tb->l[tb->n].a = i;
		tb->l[tb->n].b = a;
		tb->l[tb->n].kind = xt_line_kind(x, i, a);
		tb->n++;
	}
}

/* Does the period of p lines from line j hold the cells of a row: at
 * least XT_ROW_NUMBERS numbers and one text cell? */
static int
xt_row_shape(const struct xt_table *tb, size_t j, size_t p)
{
	size_t k, nums = 0, text = 0;

	for (k = j; k < j + p; k++) {
		nums += tb->l[k].kind == L_NUM;
		text += tb->l[k].kind == L_TEXT;
	}
	return nums >= XT_ROW_NUMBERS && text >= 1;
}

/* Are the p lines before line j column names (all text cells)? */
static int
xt_table_head(const struct xt_table *tb, size_t j, size_t p)
{
	size_t k;

	if (j < p)
		return 0;
	for (k = j - p; k < j && tb->l[k].kind == L_TEXT; k++)
		;
	return k == j;
}

/* For period p, the longest table starting at each line, kept in
 * tb->cover and tb->period when it is longer than the best so far:
 * XT_ROWS_MIN rows, or two under a line of column names. */
static void
xt_table_period(struct xt_table *tb, size_t p)
{
	size_t j, cover;

	for (j = tb->n; j-- > 0;) {
		int same = j + p < tb->n && tb->l[j].kind != L_LONG &&
		    tb->l[j].kind == tb->l[j + p].kind;

		tb->run[j] = same ? (j + 1 < tb->n ? tb->run[j + 1] : 0) + 1 :
		    0;
		cover = (tb->run[j] + p) / p * p;	/* whole rows */
		if (tb->run[j] > 0 && (cover >= XT_ROWS_MIN * p ||
		    (cover >= 2 * p && xt_table_head(tb, j, p))) &&
		    cover > tb->cover[j] && xt_row_shape(tb, j, p)) {
			tb->cover[j] = (uint32_t)cover;
			tb->period[j] = (uint8_t)p;
		}
	}
}

/* Lines [a, a + p) become one: no line break inside, cells marked. */
static void
xt_table_join(struct xt *x, const struct xt_table *tb, size_t a, size_t p,
    int cells)
{
	size_t k, i;

	for (k = a; k < a + p; k++)
		for (i = tb->l[k].a; i < tb->l[k].b; i++) {
			if (k > a)
				x->t[i].flags &= (uint16_t)~TF_NL;
			if (cells)
				x->t[i].flags |= TF_CELL;
		}
}

static void
xt_table_rows(struct xt *x, const struct xt_table *tb)
{
	size_t j = 0, p, r;

	while (j < tb->n) {
		if ((p = tb->period[j]) == 0) {
			j++;
			continue;
		}
		if (xt_table_head(tb, j, p))	/* column names */
			xt_table_join(x, tb, j - p, p, 1);
		for (r = 0; r < tb->cover[j]; r += p)
			xt_table_join(x, tb, j + r, p, 1);
		j += tb->cover[j];
	}
}

void
xt_tables(struct xt *x)
{
	struct xt_table tb = {NULL, 0, NULL, NULL, NULL};
	size_t p;

	xt_table_lines(x, &tb);
	if (tb.n < XT_ROWS_MIN * XT_PERIOD_MIN)
		goto out;
	tb.run = xcalloc(tb.n, sizeof(*tb.run));
	tb.cover = xcalloc(tb.n, sizeof(*tb.cover));
	tb.period = xcalloc(tb.n, sizeof(*tb.period));
	for (p = XT_PERIOD_MIN; p <= XT_PERIOD_MAX; p++)
		xt_table_period(&tb, p);
	xt_table_rows(x, &tb);
out:
	free(tb.l);
	free(tb.run);
	free(tb.cover);
	free(tb.period);
}
