/* topic_text.c - tokenizing, folding and stemming for the topic matcher.
 *
 * A word is a run of letters, digits and combining marks (soft hyphens
 * and zero-width joiners may sit inside it); each Han, Hiragana, Katakana
 * or Bopomofo character is a word by itself, since those scripts do not
 * separate words with spaces. A word is folded with ICU: NFKC case
 * folding, NFD, non-spacing marks dropped, then a few letters that have
 * no decomposition mapped to ASCII.
 */
#include "topic/topic_text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include "util/utf8.h"
#include "util/xalloc.h"

static const struct {
	char code[3];
	const char *algo;
} topic_text_langs[TOPIC_TEXT_NLANG] = {
	{ "en", "english" }, { "da", "danish" }, { "de", "german" },
	{ "es", "spanish" }, { "fi", "finnish" }, { "fr", "french" },
	{ "hu", "hungarian" }, { "it", "italian" }, { "nl", "dutch" },
	{ "no", "norwegian" }, { "pt", "portuguese" }, { "ro", "romanian" },
	{ "ru", "russian" }, { "sv", "swedish" }, { "tr", "turkish" },
};

enum topic_text_class { TEXT_SEP, TEXT_WORD, TEXT_INNER, TEXT_SOLO };

/* The state of one walk: the word being collected (UTF-16) and scratch
 * buffers for folding, reused from word to word. */
struct topic_text_walk {
	UChar raw[TOPIC_TEXT_WORD_MAX * 2];
	int32_t nraw;		/* code units in raw */
	size_t nchars;		/* code points seen in this word */
	UChar *a, *b;		/* normalization scratch */
	int32_t cap_a, cap_b;
	struct buf out;		/* the folded word, UTF-8 */
	const UNormalizer2 *nfkc_cf, *nfd;
	topic_text_fn fn;
	void *ctx;
	size_t count, max;
	int stop;
};

int
topic_text_lang(const char *lang)
{
	char c[3];
	int i;

	if (lang == NULL)
		return 0;
	for (i = 0; i < 2; i++) {
		if (!((lang[i] >= 'a' && lang[i] <= 'z') ||
		    (lang[i] >= 'A' && lang[i] <= 'Z')))
			return 0;
		c[i] = (char)(lang[i] | 0x20);
	}
	c[2] = '\0';
	if (lang[2] != '\0' && lang[2] != '-' && lang[2] != '_')
		return 0;
	if (strcmp(c, "nb") == 0 || strcmp(c, "nn") == 0)
		return topic_text_lang("no");
	for (i = 0; i < TOPIC_TEXT_NLANG; i++)
		if (strcmp(c, topic_text_langs[i].code) == 0)
			return i;
	return 0;
}

struct sb_stemmer *
topic_text_stemmer_new(int lang)
{
	if (lang < 0 || lang >= TOPIC_TEXT_NLANG)
		lang = 0;
	return sb_stemmer_new(topic_text_langs[lang].algo, "UTF_8");
}

enum nd_err
topic_text_stem(struct sb_stemmer *st, const char *w, size_t n,
    struct buf *out)
{
	const sb_symbol *r = NULL;
	enum nd_err e;

	if (st != NULL && n <= INT_MAX)
		r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n);
	if (r != NULL)
		e = buf_put(out, r, (size_t)sb_stemmer_length(st));
	else
		e = buf_put(out, w, n);
	if (e == ND_OK)
		e = buf_putc(out, '\0');
	return e;
}

static int
text_is_solo(UChar32 c)
{
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(c, &st);

	if (U_FAILURE(st))
		return 0;
	return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
	    sc == USCRIPT_KATAKANA || sc == USCRIPT_BOPOMOFO;
}

/* Invisible characters that may sit inside a word: soft hyphen, ZWNJ,
 * ZWJ, word joiner. */
static int
text_is_inner(UChar32 c)
{
	return c == 0xAD || c == 0x200C || c == 0x200D || c == 0x2060;
}

static enum topic_text_class
text_class(UChar32 c)
{
	uint32_t mask = U_GET_GC_MASK(c);

	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			return TEXT_WORD;
		return TEXT_SEP;
	}
	if (text_is_inner(c))
		return TEXT_INNER;
	if ((mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) == 0)
		return TEXT_SEP;
	if ((mask & U_GC_L_MASK) && text_is_solo(c))
		return TEXT_SOLO;
	return TEXT_WORD;
}

/* Normalize src[0..len) into *dst, growing it; returns the length or -1. */
static int32_t
text_normalize(const UNormalizer2 *norm, const UChar *src, int32_t len,
    UChar **dst, int32_t *cap)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t r;

	r = unorm2_normalize(norm, src, len, *dst, *cap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		*cap = r + 16;
		*dst = xreallocarray(*dst, (size_t)*cap, sizeof(UChar));
		st = U_ZERO_ERROR;
		r = unorm2_normalize(norm, src, len, *dst, *cap, &st);
	}
	return U_FAILURE(st) ? -1 : r;
}

/* Letters that NFD leaves alone but a reader treats as accented. */
static const char *
text_special(UChar32 c)
{
	switch (c) {
	case 0xDF: return "ss";		/* ß (NFKC_Casefold maps it already) */
	case 0xE6: return "ae";		/* æ */
	case 0xF0: return "d";		/* ð */
	case 0xF8: return "o";		/* ø */
	case 0xFE: return "th";		/* þ */
	case 0x111: return "d";		/* đ */
	case 0x127: return "h";		/* ħ */
	case 0x131: return "i";		/* ı */
	case 0x142: return "l";		/* ł */
	case 0x153: return "oe";	/* œ */
	case 0x167: return "t";		/* ŧ */
	default: return NULL;
	}
}

/* Fold the collected word into w->out (UTF-8, marks dropped). */
static void
text_fold(struct topic_text_walk *w)
{
	const UChar *src = w->raw;
	int32_t len = w->nraw, i = 0;
	UChar32 c;
	const char *sp;

	buf_clear(&w->out);
	if (w->nfkc_cf != NULL && w->nfd != NULL) {
		len = text_normalize(w->nfkc_cf, w->raw, w->nraw, &w->a,
		    &w->cap_a);
		if (len >= 0)
			len = text_normalize(w->nfd, w->a, len, &w->b,
			    &w->cap_b);
		if (len < 0)
			return;
		src = w->b;
	}
	while (i < len) {
		U16_NEXT(src, i, len, c);
		if (u_charType(c) == U_NON_SPACING_MARK || text_is_inner(c))
			continue;
		if ((sp = text_special(c)) != NULL)
			buf_puts(&w->out, sp);
		else
			buf_pututf8(&w->out, (uint32_t)c);
	}
}

/* End the current word: fold it and hand it to the callback. */
static void
text_flush(struct topic_text_walk *w)
{
	if (w->nchars == 0)
		return;
	text_fold(w);
	w->nraw = 0;
	w->nchars = 0;
	if (w->out.len == 0 || w->stop)
		return;
	w->count++;
	if (w->fn(w->ctx, w->out.ptr, w->out.len) != 0 || w->count >= w->max)
		w->stop = 1;
}

static void
text_add(struct topic_text_walk *w, UChar32 c)
{
	UBool bad = 0;

	w->nchars++;
	if (w->nchars > TOPIC_TEXT_WORD_MAX)
		return;
	U16_APPEND(w->raw, w->nraw, (int32_t)(sizeof(w->raw) /
	    sizeof(w->raw[0])), c, bad);
	(void)bad;
}

static void
text_step(struct topic_text_walk *w, UChar32 c)
{
	switch (text_class(c)) {
	case TEXT_SEP:
		text_flush(w);
		break;
	case TEXT_INNER:
		if (w->nchars > 0)
			text_add(w, c);
		break;
	case TEXT_WORD:
		text_add(w, c);
		break;
	case TEXT_SOLO:
		text_flush(w);
		text_add(w, c);
		text_flush(w);
		break;
	}
}

size_t
topic_text_words(const char *s, size_t n, size_t max, topic_text_fn fn,
    void *ctx)
{
	struct topic_text_walk *w;
	UErrorCode st = U_ZERO_ERROR;
	size_t off = 0, k, count;
	uint32_t c;

	if (max == 0)
		return 0;
	w = xcalloc(1, sizeof(*w));
	buf_init(&w->out, SIZE_MAX);
	w->fn = fn;
	w->ctx = ctx;
	w->max = max;
	w->nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	w->nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st))
		w->nfkc_cf = w->nfd = NULL;
	while (off < n && !w->stop) {
		if ((k = utf8_decode(s + off, n - off, &c)) == 0) {
			text_flush(w);
			off++;
			continue;
		}
		off += k;
		text_step(w, (UChar32)c);
	}
	text_flush(w);
	count = w->count;
	buf_release(&w->out);
	free(w->a);
	free(w->b);
	free(w);
	return count;
}
