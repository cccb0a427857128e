/* extract_text_runtable.c - tables whose cells run together.
 *
 * When a page's blocks run together, a results table or a league table
 * loses its rows as well as its cells: "Pos. Team P W Pts 1 Quay Rovers
 * 15 11 35 2 North Bank United 15 10 32 3 ...". Read as units, that is
 * one run-on unit of dozens of words: a sentence that pulls a sidebar
 * into the body, or a title run that cuts the body off before it.
 *
 * Its shape gives it away: runs of a few non-number words (the names)
 * alternate with runs of numbers of one fixed length (a row's figures,
 * and the next row's rank when the table has a rank column). Three such
 * rows in a row are a table. Each row (its rank, its name, its figures)
 * becomes a unit of its own: its first word is marked TF_BREAK, its
 * words TF_CELL, so the body search weighs it as a table's row (see
 * xt_weight()) and no span detector reads its numbers as dates. The
 * column names right after a sentence's end before the first row are
 * marked the same way, and the word after the last row starts a new
 * unit, so the prose after the table is a sentence again. Linear: one
 * pass makes the runs, one pass over the runs finds the tables, each
 * run read a bounded number of times.
 *
 * Once the text is cut into units (xt_table_units()), such rows keep
 * their weight only next to prose, and a table with too few figures to
 * be found by its shape is found by its lead-in instead: a short
 * sentence ending in a colon, then title-like units, then prose.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define XT_RT_NAME	6	/* words of a row's name at most */
#define XT_RT_FIGURES	2	/* figures of a row at least */
#define XT_RT_ROWS	3	/* rows of a table at least */
#define XT_RT_HEAD	12	/* words of the column names at most */
#define XT_RT_RANK_GAP	2	/* a rank exceeds the one before by 2 at most */
#define XT_RT_RANK_MAX	6	/* digits of a rank */
#define XT_RT_ABBREV	4	/* letters of a column's name cut short */
#define XT_RT_LEAD	12	/* words of a sentence announcing a table */
#define XT_RT_LIST_UNITS 64	/* units of an announced table at most */
#define XT_RT_CELL_WORDS 12	/* words of one of its rows at most */
#define XT_RT_PROSE	8	/* words of the sentence after it at least */

/* kinds of runs of words; a sign is part of the number before it */
enum { RT_NAME, RT_NUM, RT_STOP, RT_SIGN };

struct xt_rt_run {
	size_t a, b;		/* words [a, b) */
	size_t n;		/* its words, signs after numbers left out */
	uint8_t kind;		/* RT_* */
};

struct xt_rt {
	struct xt_rt_run *r;	/* owned */
	size_t n;
};

/* Signs written apart after a figure ("41,3 %", "12 €", "-"): part of
 * the cell, no cell of their own. */
static const char *const xt_rt_signs[] = {
	"%", "\xE2\x80\xB0", "\xE2\x82\xAC", "$", "\xC2\xA3", "\xC2\xB0",
	"-", "\xE2\x80\x93", "\xE2\x80\x94",
};

static int
xt_rt_sign(const struct xt *x, size_t i)
{
	const struct xt_tok *t = &x->t[i];

	return xt_in_list(x->s + t->off, t->len, xt_rt_signs,
	    XT_NELEM(xt_rt_signs));
}

/* Kind of word i: a number, a word of a name, a sign, or a word no
 * table cell holds (other punctuation, a sentence's end or a colon, a
 * cell of a table already rebuilt). */
static uint8_t
xt_rt_kind(const struct xt *x, size_t i)
{
	uint16_t f = x->t[i].flags;

	if (f & (TF_CELL | TF_END | TF_COLON))
		return RT_STOP;
	if (f & TF_PUNCT)
		return xt_rt_sign(x, i) ? RT_SIGN : RT_STOP;
	return (f & TF_DIGIT) ? RT_NUM : RT_NAME;
}

/* Cut the words into runs of one kind. A word that stops a table is a
 * run of its own, and a line break starts a new run: a row lies within
 * one line. A sign joins the run of numbers before it. */
static void
xt_rt_runs(const struct xt *x, struct xt_rt *rt)
{
	size_t i, cap = 0;
	uint8_t k;

	for (i = 0; i < x->nt; i++) {
		k = xt_rt_kind(x, i);
		if (rt->n > 0 && !(x->t[i].flags & TF_NL) &&
		    rt->r[rt->n - 1].kind == RT_NUM && k == RT_SIGN) {
			rt->r[rt->n - 1].b = i + 1;
			continue;
		}
		if (k == RT_SIGN)
			k = RT_STOP;
		if (rt->n > 0 && k != RT_STOP && rt->r[rt->n - 1].kind == k &&
		    !(x->t[i].flags & TF_NL)) {
			rt->r[rt->n - 1].b = i + 1;
			rt->r[rt->n - 1].n++;
			continue;
		}
		rt->r = xgrow(rt->r, &cap, rt->n, sizeof(*rt->r), 256);
		rt->r[rt->n].a = i;
		rt->r[rt->n].b = i + 1;
		rt->r[rt->n].n = 1;
		rt->r[rt->n].kind = k;
		rt->n++;
	}
}

static size_t
xt_rt_len(const struct xt_rt_run *r)
{
	return r->n;
}

/* A rank: word i is a whole number of a few digits. -1 if not. */
static long
xt_rt_rank(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t k, n = x->t[i].len;
	long v = 0;

	if (n == 0 || n > XT_RT_RANK_MAX)
		return -1;
	for (k = 0; k < n; k++) {
		if (p[k] < '0' || p[k] > '9')
			return -1;
		v = v * 10 + (p[k] - '0');
	}
	return v;
}

/* Rows from the name run s: names of a few words, each followed by a
 * run of m numbers. A name starts with a capital or a sign: in prose
 * the words between figures run on in lower case ("Ruiz beat Gil 6 4 6
 * 3 and Lee 6 2 6 1"). Returns the number of such rows. */
static size_t
xt_rt_rows(const struct xt *x, const struct xt_rt *rt, size_t s, size_t m)
{
	size_t j, rows = 0;

	for (j = s; j + 1 < rt->n; j += 2, rows++)
		if (rt->r[j].kind != RT_NAME || xt_rt_len(&rt->r[j]) >
		    XT_RT_NAME || (x->t[rt->r[j].a].flags & TF_LOWER) ||
		    rt->r[j + 1].kind != RT_NUM ||
		    xt_rt_len(&rt->r[j + 1]) != m)
			break;
	return rows;
}

/* Does the table of `rows` rows from name run s have a rank column:
 * the last number right before each name counts up (ties allowed)? */
static int
xt_rt_ranked(const struct xt *x, const struct xt_rt *rt, size_t s,
    size_t rows)
{
	size_t j;
	long prev, v;

	if (s == 0 || rt->r[s - 1].kind != RT_NUM)
		return 0;
	prev = xt_rt_rank(x, rt->r[s - 1].b - 1);
	for (j = 1; j < rows && prev >= 0; j++) {
		v = xt_rt_rank(x, rt->r[s + 2 * j - 1].b - 1);
		if (v < prev || v > prev + XT_RT_RANK_GAP)
			return 0;
		prev = v;
	}
	return prev >= 0;
}

/* Words [a, b) are one row: a unit of their own, its words cells. */
static void
xt_rt_mark(struct xt *x, size_t a, size_t b)
{
	size_t i;

	x->t[a].flags |= TF_BREAK;
	for (i = a; i < b; i++)
		x->t[i].flags |= TF_CELL;
}

/* Word i is a column's name cut short: a capital, a few letters and a
 * full stop ("Pos.", "Pl.", "Pkt."), which reads as a sentence's end. */
static int
xt_rt_abbrev(const struct xt *x, size_t i)
{
	const struct xt_tok *t = &x->t[i];

	return (t->flags & TF_CAP) && t->len >= 2 && t->len <=
	    XT_RT_ABBREV + 1 && x->s[t->off + t->len - 1] == '.';
}

/* Does a sentence end (or a colon stand) right before word h, so that
 * column names may start there? */
static int
xt_rt_edge(const struct xt *x, size_t h)
{
	return h == 0 || (x->t[h].flags & TF_NL) || ((x->t[h - 1].flags &
	    (TF_END | TF_COLON)) && !xt_rt_abbrev(x, h - 1));
}

/* The column names before the first row (word a): two words or more,
 * XT_RT_HEAD at most, right after a sentence's end, a colon or a line
 * break ("... after round six: Team P W Pts 1 ..."), or from the first
 * name cut short, which no prose word before it would end ("Standings
 * Pos. Team P W Pts 1 ..."). Words that end in a row's figures are
 * no column names. */
static void
xt_rt_head(struct xt *x, size_t a, size_t figures)
{
	size_t h = a, k;

	for (k = a; k > 0 && a - k < figures &&
	    (x->t[k - 1].flags & TF_DIGIT); k--)
		;
	if (a - k == figures)
		return;	/* a row with a longer name, or teasers' counts */
	while (h > 0 && a - h < XT_RT_HEAD && !xt_rt_edge(x, h) &&
	    !(x->t[h - 1].flags & TF_CELL))
		h--;
	for (k = h; k + 1 < a && !xt_rt_abbrev(x, k); k++)
		;
	if (k + 1 < a)
		h = k;	/* "Pos." heads the columns */
	else if (!xt_rt_edge(x, h))
		return;
	if (a - h < 2)
		return;
	xt_rt_mark(x, h, a);
	for (k = h; k < a; k++)	/* "Pos." ends no sentence */
		if (xt_rt_abbrev(x, k))
			x->t[k].flags &= (uint16_t)~TF_END;
}

/* Without a rank column, column names right after a sentence's end run
 * into the first row's name ("... scrutinised: List Votes Seats Harbour
 * Party 8412 10 ..."): a first name run longer than all the others and
 * than one word per column starts with the names of the m + 1 columns.
 * Returns how many of its words are column names. */
static size_t
xt_rt_lead(const struct xt *x, const struct xt_rt *rt, size_t s,
    size_t rows, size_t m)
{
	size_t j, n = xt_rt_len(&rt->r[s]);

	if (n <= m + 1 || !xt_rt_edge(x, rt->r[s].a))
		return 0;
	for (j = 1; j < rows; j++)
		if (xt_rt_len(&rt->r[s + 2 * j]) >= n)
			return 0;
	return m + 1;
}

/* Mark the rows of a table from name run s: `rows` rows of m numbers
 * after the name, ranked (the last number of each run is the next
 * row's rank; the row after the last full one has m - 1) or not. */
static void
xt_rt_rows_mark(struct xt *x, const struct xt_rt *rt, size_t s,
    size_t rows, size_t m, int ranked, size_t lead)
{
	size_t j, a, b = 0, first = 0;

	for (j = 0; j < rows; j++) {
		const struct xt_rt_run *name = &rt->r[s + 2 * j];
		const struct xt_rt_run *num = &rt->r[s + 2 * j + 1];

		a = ranked ? rt->r[s + 2 * j - 1].b - 1 : name->a;
		b = ranked && j + 1 < rows ? num->b - 1 : num->b;
		if (j == 0)
			first = a += lead;
		xt_rt_mark(x, a, b);
	}
	xt_rt_head(x, first, ranked ? m - 1 : m);
	if (b < x->nt)
		x->t[b].flags |= TF_BREAK;	/* the prose after it */
}

/* A table from name run s? Marks it and returns the run after it;
 * else the run to try next. */
static size_t
xt_rt_table(struct xt *x, const struct xt_rt *rt, size_t s)
{
	size_t m, rows, extra = 0;
	int ranked = 0;

	if (rt->r[s].kind != RT_NAME || s + 1 >= rt->n)
		return s + 1;
	m = xt_rt_len(&rt->r[s + 1]);
	if ((rows = xt_rt_rows(x, rt, s, m)) == 0)
		return s + 1;
	if (m > XT_RT_FIGURES) {
		extra = xt_rt_rows(x, rt, s + 2 * rows, m - 1) > 0;
		ranked = xt_rt_ranked(x, rt, s, rows + extra);
		if (!ranked)
			extra = 0;
	}
	if (rows + extra < XT_RT_ROWS || m < XT_RT_FIGURES)
		return s + 2 * rows;	/* no start inside does better */
	xt_rt_rows_mark(x, rt, s, rows + extra, m, ranked, ranked ? 0 :
	    xt_rt_lead(x, rt, s, rows, m));
	return s + 2 * (rows + extra);
}

void
xt_run_tables(struct xt *x)
{
	struct xt_rt rt = {NULL, 0};
	size_t s = 0;

	xt_rt_runs(x, &rt);
	while (s < rt.n)
		s = xt_rt_table(x, &rt, s);
	free(rt.r);
}

/* A short sentence that ends in a colon ("Results of the finals:",
 * "So steht es nach dem Spieltag:") announces what follows; when that
 * is a run of short title-like units (no sentence among them) and prose
 * comes after them, they are the rows of the table or list it
 * announced, whose cells hold too few numbers to be found by their
 * shape ("Women's eight Kellsford Marrowby 1½ lengths"): they weigh as
 * a table's rows, so the prose after them stays in the body. Returns
 * the unit after the run. */
static size_t
xt_rt_announced(struct xt_units *us, size_t k)
{
	size_t j, rows = 0;

	for (j = k + 1; j < us->n && j - k <= XT_RT_LIST_UNITS; j++) {
		const struct xt_unit *u = &us->v[j];

		if (u->kind == U_SPAN && u->span == XK_AD)
			continue;	/* an ad in the middle */
		if (u->kind != U_TITLE || u->role != R_NONE ||
		    u->words > XT_RT_CELL_WORDS)
			break;
		rows++;
	}
	if (rows < XT_RT_ROWS || j >= us->n || !xt_is_sent(&us->v[j]) ||
	    us->v[j].words < XT_RT_PROSE)
		return k + 1;
	for (rows = k + 1; rows < j; rows++)
		if (us->v[rows].kind == U_TITLE)
			us->v[rows].row = 1;
	return j;
}

/* Does unit u announce a table: a short lead-in of three words or
 * more with a function word, ending in a colon, as a sentence of its
 * own or, when blocks run together, with the column names or the first
 * row glued after it ("The winners of the main classes: Class Winner
 * Entry")? */
static int
xt_rt_lead_in(const struct xt *x, const struct xt_unit *u)
{
	size_t i, func = 0;

	if (u->role != R_NONE || (u->kind != U_SENT && u->kind != U_TITLE))
		return 0;
	for (i = u->a; i < u->b && i - u->a < XT_RT_LEAD; i++) {
		func += (x->t[i].cls & XC_FUNC) != 0;
		if (x->t[i].flags & TF_COLON)
			return i - u->a + 1 >= 3 && func > 0 && (i + 1 == u->b ?
			    u->kind == U_SENT : u->kind == U_TITLE);
	}
	return 0;
}

static void
xt_announced_rows(const struct xt *x, struct xt_units *us)
{
	size_t k = 0, j;

	while (k < us->n) {
		if (!xt_rt_lead_in(x, &us->v[k])) {
			k++;
			continue;
		}
		j = xt_rt_announced(us, k);
		if (j > k + 1 && us->v[k].kind == U_TITLE)
			us->v[k].row = 1;	/* the lead-in and the head row */
		k = j;
	}
}

/* Does unit k start a row of a run-together table? */
static int
xt_rt_row_unit(const struct xt *x, const struct xt_units *us, size_t k)
{
	return us->v[k].row && (x->t[us->v[k].a].flags & TF_BREAK);
}

/* The rows of a run-together table weigh as data only next to prose:
 * with a sentence right before its first row (or head row) or right
 * after its last one. Without, a list of teasers with their counts
 * ("Bus station to reopen 12 4 Library hours cut 7 2 ...") would have
 * the shape of a table and pull the body to it; such rows weigh as
 * the title runs they look like, and so do rows taken for teasers
 * right after a "Most read" marker. */
static void
xt_rt_context(const struct xt *x, struct xt_units *us)
{
	size_t k = 0, e, j;
	int drop;

	while (k < us->n) {
		if (!xt_rt_row_unit(x, us, k)) {
			k++;
			continue;
		}
		for (e = k + 1; e < us->n && xt_rt_row_unit(x, us, e); e++)
			;
		for (j = k, drop = 0; j < e; j++)
			drop |= us->v[j].role != R_NONE;
		if (drop || ((k == 0 || !xt_is_sent(&us->v[k - 1])) &&
		    (e == us->n || !xt_is_sent(&us->v[e]))))
			for (; k < e; k++)
				us->v[k].row = 0;
		k = e;
	}
}

void
xt_table_units(const struct xt *x, struct xt_units *us)
{
	xt_rt_context(x, us);
	xt_announced_rows(x, us);
}
