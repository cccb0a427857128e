/* extract_text_gallery.c - a photo gallery's counter and buttons.
 *
 * A gallery inside the article leaves its controls in the flattened
 * text: a counter ("Image 1 of 6", "1 of 6", "3 / 12", "Bild 2 von 5",
 * "Photo 1 sur 8", "Foto 1 de 8", "Foto 1 di 8", "Foto 1 van 8",
 * "Фото 1 из 8") and a button back to it ("Back to Gallery", "Zurück
 * zur Galerie", "Retour à la galerie", "Volver a la galería", "Voltar à
 * galeria", "Torna alla galleria", "Terug naar galerij"). A counter is
 * two numbers of at most three figures, the first no larger than the
 * second, joined by an "of" word or a lone "/", maybe after a picture
 * word, with a line break, a capital or the end after it, and (joined
 * by a word) at a boundary before it (a line's start, a sentence's end
 * or a span): in prose "1 of 6" goes on in lower case ("1 of 6 voters
 * said"), and no writer spaces a "/" between two figures.
 * Both are widget spans.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_COUNT_MAX	3	/* figures of a gallery's counter */

static const char *const xt_of_words[] = {
	"of", "von", "sur", "de", "di", "van", "из", "/",
};

static const char *const xt_picture_words[] = {
	"image", "photo", "picture", "slide", "bild", "foto", "imagen",
	"immagine", "afbeelding", "фото",
};

static const char *const xt_back_first[] = {
	"back", "zurück", "retour", "volver", "voltar", "torna", "terug",
};

static const char *const xt_gallery_back[] = {
	"back to gallery", "zurück zur galerie", "retour à la galerie",
	"volver a la galería", "voltar à galeria", "torna alla galleria",
	"terug naar galerij",
};

/* The folded word i in list? */
static int
xt_gal_in(const struct xt *x, size_t i, const char *const *list,
    size_t count)
{
	char key[XT_KEY_MAX];
	size_t n;

	if (i >= x->nt || x->t[i].kind != XK_TEXT)
		return 0;
	if (x->t[i].len == 1 && x->s[x->t[i].off] == '/')
		return xt_in_list("/", 1, list, count);
	n = xt_key(x, i, key);
	return n > 0 && xt_in_list(key, n, list, count);
}

/* Word i as a counter's number (1 to 999), else 0. */
static unsigned
xt_gal_number(const struct xt *x, size_t i)
{
	const char *p;
	size_t n, k;
	unsigned v = 0;

	if (i >= x->nt || x->t[i].kind != XK_TEXT ||
	    (n = x->t[i].len) > XT_COUNT_MAX)
		return 0;
	p = x->s + x->t[i].off;
	for (k = 0; k < n; k++) {
		if (p[k] < '0' || p[k] > '9')
			return 0;
		v = v * 10 + (unsigned)(p[k] - '0');
	}
	return v;
}

/* A counter at i ("Image 1 of 6", "1 / 6"): its end, or 0. */
static size_t
xt_gal_counter(const struct xt *x, size_t i)
{
	size_t a = i;
	unsigned m, n;

	if (!(x->t[i].flags & TF_DIGIT) && (i + 1 >= x->nt ||
	    !(x->t[i].flags & TF_CAP) || !(x->t[i + 1].flags & TF_DIGIT) ||
	    !xt_gal_in(x, i, xt_picture_words, XT_NELEM(xt_picture_words))))
		return 0;	/* no figure, nor a picture word before one */
	a += !(x->t[i].flags & TF_DIGIT);
	if (a + 3 > x->nt || (m = xt_gal_number(x, a)) == 0 ||
	    (n = xt_gal_number(x, a + 2)) == 0 || m > n ||
	    x->t[a + 1].len > 4 ||
	    !xt_gal_in(x, a + 1, xt_of_words, XT_NELEM(xt_of_words)))
		return 0;
	if ((!xt_bound_before(x, i) && x->s[x->t[a + 1].off] != '/') ||
	    !xt_bound_after(x, a + 3) ||
	    (a + 3 < x->nt && (x->t[a + 3].flags & TF_DIGIT)))
		return 0;
	return a + 3;
}

/* "Back to Gallery" at i: its end, or 0. */
static size_t
xt_gal_back(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX], s[64];
	size_t k, n = 0, m;

	if (!(x->t[i].flags & TF_CAP) || x->t[i].len < 4 ||
	    !strchr("BZRVT", x->s[x->t[i].off]) || !xt_gal_in(x, i,
	    xt_back_first, XT_NELEM(xt_back_first)))
		return 0;	/* Back, Zurück, Retour, Volver, Torna ... */
	for (k = i; k < x->nt && k < i + 4; k++) {
		if (x->t[k].kind != XK_TEXT || (m = xt_key(x, k, key)) == 0 ||
		    n + m + 1 >= sizeof(s))
			return 0;
		if (n > 0)
			s[n++] = ' ';
		memcpy(s + n, key, m);
		n += m;
		if (k > i && xt_in_list(s, n, xt_gallery_back,
		    XT_NELEM(xt_gallery_back)))
			return k + 1;
	}
	return 0;
}

void
xt_galleries(struct xt *x)
{
	size_t i, e;

	for (i = 0; i < x->nt; i++) {
		if (x->t[i].kind != XK_TEXT || ((e = xt_gal_counter(x, i)) == 0 &&
		    (e = xt_gal_back(x, i)) == 0))
			continue;
		xt_mark(x, i, e, XK_WIDGET);
		i = e - 1;
	}
}
