/* extract_text_readtime.c - reading-time labels.
 *
 * Article headers often state how long the article takes to read:
 * "2 min read", "5 minute read", "Reading time: 3 minutes",
 * "Lesezeit: 4 Min.", "Temps de lecture : 2 min", "Tiempo de lectura:
 * 3 minutos", "Tempo de leitura: 1 minuto", "Tempo di lettura: 2
 * minuti", "Leestijd: 3 minuten", "Время чтения: 5 минут", or "3 min
 * de lecture". Flattened, the label glues onto the first sentence
 * ("• 2 min read The Steelers spent ..."). A number and a minutes word
 * with "read" after it (or "de lecture", "de lectura", "de leitura",
 * "di lettura", "Lesezeit": "6 Min. Lesezeit"), or a reading-time
 * label with its colon before a number and a minutes word, is a widget
 * span. In prose the words come in
 * another order ("took me ten minutes to read").
 */
#include "ingest/extract_text_int.h"

#include <string.h>

static const char *const xt_minutes[] = {
	"min", "mins", "minute", "minutes", "minuten", "minuto", "minutos",
	"minuti", "minut", "минут", "минуты", "минута", "мин",
};

/* labels of one or more words, the last one with its colon */
static const char *const xt_rt_labels[] = {
	"reading time", "read time", "lesezeit", "lesedauer",
	"temps de lecture", "tiempo de lectura", "tempo de leitura",
	"tempo di lettura", "leestijd", "время чтения",
};

/* first words of the labels: one look-up before the phrases */
static const char *const xt_rt_first[] = {
	"reading", "read", "lesezeit", "lesedauer", "temps", "tiempo",
	"tempo", "leestijd", "время",
};

/* words after "N min": "read", "de lecture", "Lesezeit" ... */
static const char *const xt_rt_after[] = {
	"read", "de lecture", "de lectura", "de leitura", "di lettura",
	"lesezeit", "lesedauer", "leestijd",
};

/* The end past phrase p when its words, plain text, stand from word i
 * on, else 0. */
static size_t
xt_rt_phrase(const struct xt *x, size_t i, const char *p)
{
	size_t e = xt_spells(x, i, p), k;

	for (k = i; k < e; k++)
		if (x->t[k].kind != XK_TEXT)
			return 0;
	return e;
}

/* The end of the first phrase of list found at i, or 0. */
static size_t
xt_rt_list(const struct xt *x, size_t i, const char *const *list,
    size_t count)
{
	size_t k, e;

	for (k = 0; k < count; k++)
		if ((e = xt_rt_phrase(x, i, list[k])) != 0)
			return e;
	return 0;
}

/* Does word i start with one of the ASCII letters in set, or with a
 * Cyrillic letter (a cheap test before the folded look-ups)? */
static int
xt_rt_initial(const struct xt *x, size_t i, const char *set)
{
	unsigned char c = (unsigned char)x->s[x->t[i].off];

	return c == 0xD0 || c == 0xD1 || (c != 0 && strchr(set, c) != NULL);
}

/* "N min" at i: the end past the minutes word, or 0. */
static size_t
xt_rt_amount(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	size_t n;

	if (i + 1 >= x->nt || !(x->t[i].flags & TF_DIGIT) ||
	    x->t[i].len > 3 || x->t[i].kind != XK_TEXT ||
	    x->t[i + 1].kind != XK_TEXT || !xt_rt_initial(x, i + 1, "mM"))
		return 0;
	n = xt_key(x, i + 1, key);
	return n > 0 && xt_in_list(key, n, xt_minutes, XT_NELEM(xt_minutes)) ?
	    i + 2 : 0;
}

/* A reading-time label at i: its end, or 0. */
static size_t
xt_rt_at(const struct xt *x, size_t i)
{
	size_t e, a;

	char key[XT_KEY_MAX];
	size_t n;

	if ((e = xt_rt_amount(x, i)) != 0)
		return xt_rt_list(x, e, xt_rt_after, XT_NELEM(xt_rt_after));
	if (!(x->t[i].flags & TF_CAP) || !xt_rt_initial(x, i, "RLT") ||
	    (n = xt_key(x, i, key)) == 0 ||
	    !xt_in_list(key, n, xt_rt_first, XT_NELEM(xt_rt_first)) ||
	    (e = xt_rt_list(x, i, xt_rt_labels, XT_NELEM(xt_rt_labels))) == 0)
		return 0;
	if (!(x->t[e - 1].flags & TF_COLON) && !(e < x->nt &&
	    x->t[e].len == 1 && x->s[x->t[e].off] == ':'))
		return 0;	/* "Reading time matters", no label */
	a = e + !(x->t[e - 1].flags & TF_COLON);
	return xt_rt_amount(x, a);
}

void
xt_read_times(struct xt *x)
{
	size_t i, e;

	for (i = 0; i < x->nt; i++) {
		if ((e = xt_rt_at(x, i)) == 0)
			continue;
		xt_mark(x, i, e, XK_WIDGET);
		i = e - 1;
	}
}
