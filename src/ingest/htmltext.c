#include "ingest/htmltext.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmlwalk.h"
#include "store/article.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define HTMLTEXT_MAX_NAME	60	/* bytes of one author name */
#define HTMLTEXT_MAX_PLACE	40	/* bytes of a dateline place */
#define HTMLTEXT_MAX_PHOTO	80	/* bytes of a photo credit */

static int
text_upper(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static const char *
text_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

/* Name particles that may start lowercase ("Ursula von der Leyen"). */
static int
text_particle(const char *w, size_t n)
{
	static const char *const p[] = {
		"von", "van", "der", "den", "de", "del", "della", "da", "di",
		"du", "la", "le", "bin", "al", "dos", "das", "ten", "ter", NULL
	};
	size_t i;

	for (i = 0; p[i]; i++)
		if (strlen(p[i]) == n && strncmp(w, p[i], n) == 0)
			return 1;
	return 0;
}

/* 1 if s[0..n) looks like a person's name: 1..5 capitalised words. */
static int
text_is_name(const char *s, size_t n)
{
	size_t i = 0, words = 0, w;

	if (n == 0 || n > HTMLTEXT_MAX_NAME)
		return 0;
	while (i < n) {
		for (w = i; w < n && s[w] != ' '; w++)
			if ((s[w] >= '0' && s[w] <= '9') || s[w] == ':' ||
			    s[w] == '@' || s[w] == '|' || s[w] == '/')
				return 0;
		if (!text_upper((unsigned char)s[i]) &&
		    !text_particle(s + i, w - i))
			return 0;
		words++;
		for (i = w; i < n && s[i] == ' '; i++)
			;
	}
	return words >= 1 && words <= 5 && text_upper((unsigned char)s[0]);
}

static const char *
text_prefix(const char *s)
{
	static const char *const pre[] = {
		"By ", "BY ", "by ", "Von ", "VON ", "von ", "Par ", "PAR ",
		"par ", "Por ", "POR ", "por ", "Di ", "di ", "Door ", "door ",
		"Av ", "av ", "Af ", "af ", "Przez ", "przez ", "Text: ",
		"Texto: ", "Author: ", "Autor: ", "Autore: ", "Auteur : ",
		"Auteur: ",
		/* Japanese "text:" labels: 文 + space, nakaguro or colon */
		"\xE6\x96\x87 ", "\xE6\x96\x87\xE3\x83\xBB",
		"\xE6\x96\x87\xEF\xBC\x9A", NULL
	};
	size_t i;

	for (i = 0; pre[i]; i++)
		if (strncmp(s, pre[i], strlen(pre[i])) == 0)
			return s + strlen(pre[i]);
	return NULL;
}

/* Length of the next name part of s, stopping at a list separator; a
 * middle dot or a guillemet ends the names ("By Ann Lee · 3 May"). */
static size_t
text_part(const char *s, size_t *skip)
{
	static const char *const ends[] = {
		" \xC2\xB7", " \xC2\xBB", " \xE2\x80\xA2", NULL
	};
	static const char *const seps[] = {
		" and ", " und ", " et ", " y ", " & ", " AND ", " UND ",
		" ET ", " Y ", NULL
	};
	size_t i, k;

	for (i = 0; s[i]; i++) {
		for (k = 0; ends[k]; k++)
			if (strncmp(s + i, ends[k], strlen(ends[k])) == 0) {
				*skip = 0;
				return i;
			}
		if (s[i] == ',' || s[i] == ';' || s[i] == '|') {
			*skip = 1;
			return i;
		}
		for (k = 0; seps[k]; k++)
			if (strncmp(s + i, seps[k], strlen(seps[k])) == 0) {
				*skip = strlen(seps[k]);
				return i;
			}
	}
	*skip = 0;
	return i;
}

/* Cut " in Berlin" / " aus Paris" / " à Paris" / " en Madrid" off. */
static size_t
text_cut_place(const char *s, size_t n)
{
	static const char *const at[] = {
		" in ", " aus ", " à ", " en ", " a ", " at ", NULL
	};
	size_t i, k, m;

	for (i = 0; i < n; i++)
		for (k = 0; at[k]; k++) {
			m = strlen(at[k]);
			if (i + m <= n && strncmp(s + i, at[k], m) == 0)
				return i;
		}
	return n;
}

/* After a "By" prefix, the names end before the first word holding a
 * digit or a colon, or written in capitals after a mixed-case word
 * ("Por Ana Ruiz LISBOA 24 de enero", "Av Per Ek Foto: Bo Lind"): the
 * length kept, or n when no such word follows two name words. */
static size_t
text_cut_tail(const char *s, size_t n)
{
	size_t i = 0, w, words = 0;
	int stop, lower, upper, mixed = 0;

	while (i < n) {
		stop = lower = upper = 0;
		for (w = i; w < n && s[w] != ' '; w++) {
			if ((s[w] >= '0' && s[w] <= '9') || s[w] == ':')
				stop = 1;
			lower |= s[w] >= 'a' && s[w] <= 'z';
			upper |= s[w] >= 'A' && s[w] <= 'Z';
		}
		if (stop || (mixed && upper && !lower && w - i >= 2))
			return words >= 2 ? i : n;
		mixed |= lower;
		words++;
		for (i = w; i < n && s[i] == ' '; i++)
			;
	}
	return n;
}

int
htmltext_byline(const char *s, int need_prefix, struct strlist *out)
{
	const char *p;
	size_t n, skip, added = 0;
	char *name = NULL;

	s = text_skip_space(s);
	if (strlen(s) > HTMLTEXT_MAX_BYLINE)
		return 0;
	p = text_prefix(s);
	if (p == NULL && need_prefix)
		return 0;
	s = text_skip_space(p ? p : s);
	while (*s && out->n < HTMLTEXT_MAX_NAMES) {
		n = text_part(s, &skip);
		n = text_cut_place(s, n);
		if (p)
			n = text_cut_tail(s, n);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
			n--;
		if (!text_is_name(s, n))
			break;
		article_set(&name, s, n);
		if (name && !strlist_has(out, name)) {
			strlist_push_owned(out, name);
			added++;
			name = NULL;
		}
		n = text_part(s, &skip);
		if (skip == 0)
			break;
		s = text_skip_space(s + n + skip);
	}
	free(name);
	return (int)added;
}

/* Length of a dash separator at s (" — ", " – ", " - ", " -- "), or 0. */
static size_t
text_dash(const char *s)
{
	static const char *const d[] = {
		" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - ",
		"\xE2\x80\x94", " \xE2\x80\x94", NULL
	};
	size_t i;

	for (i = 0; d[i]; i++)
		if (strncmp(s, d[i], strlen(d[i])) == 0)
			return strlen(d[i]);
	return 0;
}

/* Title-case an upper-case place: "NEW YORK" -> "New York". */
static char *
text_titlecase(const char *s, size_t n)
{
	char *out = xstrndup(s, n);
	size_t i;
	int first = 1;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c == ' ' || c == '-' || c == '\'') {
			first = 1;
			continue;
		}
		if (!first && c >= 'A' && c <= 'Z')
			out[i] = (char)(c + 32);
		else if (!first && c == 0xC3 && i + 1 < n &&
		    (unsigned char)out[i + 1] >= 0x80 &&
		    (unsigned char)out[i + 1] <= 0x9E &&
		    (unsigned char)out[i + 1] != 0x97)
			out[i + 1] = (char)((unsigned char)out[i + 1] + 0x20);
		if ((c & 0xC0) != 0x80)
			first = 0;
	}
	return out;
}

/* Length of a run of place words at s: all upper-case (caps 1) or
 * capitalised (caps 0), at most 4 words. */
static size_t
text_place(const char *s, int caps)
{
	size_t i = 0, words = 0, end = 0;
	int lower = 0;

	while (s[i] && words < 4) {
		size_t w = i;

		if (!text_upper((unsigned char)s[i]))
			break;
		for (; s[i] && s[i] != ' ' && s[i] != ','; i++)
			if (s[i] >= 'a' && s[i] <= 'z')
				lower = 1;
		if (caps && lower)
			return 0;
		if (i - w < 2 && !caps)
			break;
		words++;
		end = i;
		if (s[i] != ' ' || text_dash(s + i) || s[i + 1] == '(')
			break;
		i++;
	}
	return end;
}

char *
htmltext_dateline(const char *para)
{
	size_t n, k;
	int caps;
	const char *s;

	for (caps = 1; caps >= 0; caps--) {
		n = text_place(para, caps);
		if (n < 2 || n > HTMLTEXT_MAX_PLACE)
			continue;
		s = para + n;
		if (*s == ',' && caps) {	/* "WASHINGTON, D.C." */
			for (k = 1; s[k] && s[k] != ' ' && k < 12; k++)
				;
			s += s[k] == ' ' && text_upper((unsigned char)s[k + 1]) ?
			    k + 1 + text_place(s + k + 1, 0) : 0;
		}
		if (s[0] == ' ' && s[1] == '(') {
			const char *e = strchr(s, ')');

			if (e == NULL || e - s > 40)
				continue;
			s = e + 1;
		} else if (!caps)
			continue;	/* "Berlin - " alone is too weak */
		if (text_dash(s))
			return caps ? text_titlecase(para, n) :
			    xstrndup(para, n);
	}
	return NULL;
}

int
htmltext_is_credits(const char *para)
{
	static const char *const starts[] = {
		"additional reporting", "reporting by", "editing by",
		"writing by", "compiled by", "mitarbeit:", "mitarbeit ",
		"mit material von", "avec l'", "avec afp", "édité par",
		"con información de", "edición de", "editado por",
		"información de", "additional writing", "research by", NULL
	};
	size_t i;

	para = text_skip_space(para);
	if (*para == '(' || *para == '[')
		para++;
	if (strlen(para) > HTMLTEXT_MAX_CREDITS)
		return 0;
	for (i = 0; starts[i]; i++)
		if (strncasecmp(para, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/* Replace *field with s[0..n) trimmed of spaces and the punctuation that
 * joined a credit to its caption. */
static void
text_set_trimmed(char **field, const char *s, size_t n)
{
	char *old = *field;

	while (n && strchr(" |-(/:,;", s[n - 1]))
		n--;
	while (n && strchr(" |-):", *s)) {
		s++;
		n--;
	}
	*field = NULL;
	article_set(field, s, n);
	free(old);
}

static const char *
text_marker(const char *s, size_t *mlen)
{
	static const char *const marks[] = {
		"Photo: ", "Photograph: ", "Foto: ", "Fotos: ", "Bild: ",
		"Image: ", "Picture: ", "Photo : ", "Crédit photo : ",
		"Crédit : ", "Credit: ", "Photo by ", "Foto von ", "\xC2\xA9 ",
		"\xC2\xA9", "(c) ", "Fot. ", "Zdj\xC4\x99" "cie: ",
		"\xE6\x92\xAE\xE5\xBD\xB1\xEF\xBC\x9A",
		"\xE5\x86\x99\xE7\x9C\x9F\xEF\xBC\x9A", NULL
	};
	const char *best = NULL, *p;
	size_t i;

	for (i = 0; marks[i]; i++) {
		p = strstr(s, marks[i]);
		if (p && (best == NULL || p < best)) {
			best = p;
			*mlen = strlen(marks[i]);
		}
	}
	return best;
}

int
htmltext_photo_credit(const char *s)
{
	const char *p;
	size_t mlen = 0;

	p = text_marker(s, &mlen);
	return p && strlen(p + mlen) <= HTMLTEXT_MAX_PHOTO &&
	    strlen(p + mlen) > 1;
}

/* "... Berlin on Monday. Jane Doe/Reuters" -> offset of "Jane Doe/...". */
static const char *
text_agency_tail(const char *s)
{
	const char *p = NULL, *q;

	for (q = s; (q = strstr(q, ". ")) != NULL; q += 2)
		p = q + 2;
	if (p == NULL || strlen(p) > HTMLTEXT_MAX_PHOTO ||
	    strchr(p, '/') == NULL || strstr(p, "://"))
		return NULL;
	return text_upper((unsigned char)*p) ? p : NULL;
}

void
htmltext_caption(char **caption, char **credit)
{
	const char *c = *caption, *p;
	size_t mlen = 0;

	if (*credit) {
		p = text_marker(*credit, &mlen);
		if (p == *credit)
			text_set_trimmed(credit, p + mlen, strlen(p + mlen));
	}
	if (c == NULL || *credit)
		return;
	p = text_marker(c, &mlen);
	if (p && strlen(p + mlen) <= HTMLTEXT_MAX_PHOTO) {
		text_set_trimmed(credit, p + mlen, strlen(p + mlen));
		text_set_trimmed(caption, c, (size_t)(p - c));
		return;
	}
	if ((p = text_agency_tail(c)) != NULL) {
		text_set_trimmed(credit, p, strlen(p));
		text_set_trimmed(caption, c, (size_t)(p - c));
	}
}

static const char *
text_last_sep(const char *t, size_t *slen, int *pipe)
{
	static const char *const seps[] = {
		" | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ",
		" \xC2\xB7 ", " :: ", NULL
	};
	const char *best = NULL, *p;
	size_t i;

	for (i = 0; seps[i]; i++)
		for (p = t; (p = strstr(p, seps[i])) != NULL; p++)
			if (best == NULL || p > best) {
				best = p;
				*slen = strlen(seps[i]);
				*pipe = i == 0;
			}
	return best;
}

static size_t
text_words(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

void
htmltext_title(char **title, const char *site)
{
	const char *t = *title, *sep, *suf;
	size_t slen = 0;
	int pipe = 0, cut;

	if (t == NULL || (sep = text_last_sep(t, &slen, &pipe)) == NULL)
		return;
	suf = sep + slen;
	cut = site && *site && (strcasecmp(suf, site) == 0 ||
	    htmlwalk_memcasemem(site, strlen(site), suf) ||
	    htmlwalk_memcasemem(suf, strlen(suf), site));
	if (!cut && pipe && text_words(suf) <= 4)
		cut = 1;
	if (cut && sep > t)
		text_set_trimmed(title, t, (size_t)(sep - t));
}

void
htmltext_title_tag(char **title)
{
	const char *t = *title, *sep;
	size_t slen = 0;
	int pipe = 0;

	if (t == NULL || (sep = text_last_sep(t, &slen, &pipe)) == NULL ||
	    sep == t)
		return;
	if (!pipe && (text_words(sep + slen) > 6 ||
	    strlen(sep + slen) >= (size_t)(sep - t)))
		return;
	text_set_trimmed(title, t, (size_t)(sep - t));
}
