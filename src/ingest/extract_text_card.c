/* extract_text_card.c - hover cards flattened into a sentence.
 *
 * Some sites attach a card to a person's name inside the article: the
 * link text, then (shown on hover) the name again, the person's latest
 * headlines or a short bio, and a button in capitals ("MORE").
 * Flattening glues the card into the sentence with no space at either
 * end of the second name: "... kill Rep. Jo ParkJo Park<card> MORE
 * (D-Ore.), the office said." (or "Jo ParkJo Lee ParkCity council ...
 * MORE", the card giving the full name). Prose never glues a name's
 * first word to its last one. So: a capital glued after a lower-case
 * letter, where what follows starts with the first word of the name
 * just before (one to three capitalised words) and, within a few
 * words, the name's last word comes again glued to a capital; then a
 * button word in capitals ("MORE", "MEHR", "PLUS", "MÁS", "MAIS",
 * "MEER", "ALTRO", "ЕЩЁ") within XT_CARD_MAX words on the same line.
 * The bytes from the second name to the button are cut out of the
 * text before it is read, so the sentence reads whole again.
 * Linear in the text; bytes only move when a card is cut.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#include "util/buf.h"

#define XT_CARD_MAX	150	/* words of a card up to its button */
#define XT_CARD_NAME	6	/* words of the second name at most */
#define XT_CARD_BACK	3	/* words of the first name before the glue */

static const char *const xt_card_buttons[] = {
	"MORE", "MEHR", "PLUS", "M\xC3\x81S", "MAIS", "MEER", "ALTRO",
	"\xD0\x95\xD0\xA9\xD0\x81",	/* ЕЩЁ */
};

static int
xt_card_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
xt_card_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
xt_card_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Start of the word that holds byte k (no further back than 0). */
static size_t
xt_card_wstart(const char *p, size_t k)
{
	while (k > 0 && !xt_card_space(p[k - 1]))
		k--;
	return k;
}

/* Does the text at k start with the word [w, w + n) and a space? */
static int
xt_card_starts(const char *p, size_t len, size_t k, size_t w, size_t n)
{
	return k + n < len && memcmp(p + k, p + w, n) == 0 &&
	    p[k + n] == ' ';
}

/* The first word of the name whose last word [ws, k) the glue at k
 * follows, when the text at k starts with it: its length, else 0. */
static size_t
xt_card_first(const char *p, size_t len, size_t ws, size_t k)
{
	size_t e = ws, a, m;

	for (m = 0; m < XT_CARD_BACK && e > 1 && p[e - 1] == ' '; m++) {
		e--;
		a = xt_card_wstart(p, e);
		if (a == e || !xt_card_upper(p[a]) || p[e - 1] == '.' ||
		    p[e - 1] == ',')
			return 0;	/* "Rep." is no part of the name */
		if (xt_card_starts(p, len, k, a, e - a))
			return e - a;
		e = a;
	}
	return 0;
}

/* After the second name's first word at k: the end of the name's last
 * word [ws, ws + n) written again and glued to a capital, else 0. */
static size_t
xt_card_name_end(const char *p, size_t len, size_t k, size_t ws,
    size_t n)
{
	size_t m, j = k;

	for (m = 0; m < XT_CARD_NAME && j < len; m++) {
		while (j < len && p[j] == ' ')
			j++;
		if (j + n < len && memcmp(p + j, p + ws, n) == 0 &&
		    xt_card_upper(p[j + n]))
			return j + n;
		while (j < len && !xt_card_space(p[j]))
			j++;
	}
	return 0;
}

/* The end of the card's button word after j on the same line, or 0. */
static size_t
xt_card_button(const char *p, size_t len, size_t j)
{
	size_t m, a;

	for (m = 0; m < XT_CARD_MAX && j < len; m++) {
		while (j < len && p[j] == ' ')
			j++;
		if (j >= len || xt_card_space(p[j]))
			return 0;	/* the line ends: no card */
		for (a = j; j < len && !xt_card_space(p[j]); j++)
			;
		if (xt_in_list(p + a, j - a, xt_card_buttons,
		    XT_NELEM(xt_card_buttons)))
			return j;
	}
	return 0;
}

/* The end of a card glued at k, or 0. */
static size_t
xt_card_at(const char *p, size_t len, size_t k)
{
	size_t ws = xt_card_wstart(p, k), n, e;

	if (k - ws < 2 || !xt_card_upper(p[ws]) ||
	    (n = xt_card_first(p, len, ws, k)) == 0 ||
	    (e = xt_card_name_end(p, len, k + n, ws, k - ws)) == 0)
		return 0;
	return xt_card_button(p, len, e);
}

void
xt_cards(struct buf *b)
{
	char *p = b->ptr;
	size_t len = b->len, k, e;

	for (k = 1; k < len; k++) {
		if (!xt_card_lower(p[k - 1]) || !xt_card_upper(p[k]) ||
		    (e = xt_card_at(p, len, k)) == 0)
			continue;
		memmove(p + k, p + e, len - e);
		len -= e - k;
	}
	buf_truncate(b, len);
}
