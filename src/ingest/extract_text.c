/* extract_text.c - flattened page text (markup stripped, as in web-crawl
 * text dumps) to an article.
 *
 * The input's block breaks may be gone, so widget labels, captions,
 * bylines, promos and teasers run into the article's sentences. The
 * text is read word by word (this file: checks, repair, words and their
 * shapes), words are marked by role with multilingual phrase classes
 * (extract_text_class.c, extract_text_span.c, extract_text_date.c), and
 * the marked words are cut into units from which the body, headline,
 * standfirst and caption are chosen (extract_text_unit.c). Every step is
 * linear in the input, with a bounded look-ahead per word.
 */
#include "ingest/extract.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/extract_text_int.h"
#include "ingest/lang.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define XT_BINARY_RATIO	0.01	/* control bytes that make input binary */
#define XT_LANG_BYTES	(64u << 10)	/* text read to tell the language */

static size_t
xt_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Bytes of white space at p (0 if none); sets *nl on a line break. */
static size_t
xt_space(const unsigned char *p, size_t n, int *nl)
{
	if (*p == '\n') {
		*nl = 1;
		return 1;
	}
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
		return 1;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 ||
	    p[2] == 0xAF || p[2] == 0x8B || p[2] == 0xA8 || p[2] == 0xA9)) {
		*nl |= p[2] == 0xA8 || p[2] == 0xA9;
		return 3;
	}
	return 0;
}

/* Case of a code point: 1 upper, 2 lower, 3 caseless letter, 4 digit,
 * 0 not a letter or digit. Latin, Greek and Cyrillic are told apart. */
static int
xt_case(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return 4;
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return 1;
	if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7))
		return 2;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) ? 2 : 1;
	if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F))
		return 1;
	if ((c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F))
		return 2;
	if (c >= 0x180 && c < 0x2000)
		return 3;
	if (c >= 0x3000 && (c < 0xD800 || c > 0xF8FF) && c != 0xFFFD)
		return 3;
	return 0;
}

static void
xt_shape(struct xt *x, struct xt_tok *t)
{
	const char *p = x->s + t->off;
	size_t n = t->len, k = 0, m, ideo = 0;
	uint32_t c;
	int first = 0, letters = 0, upper = 0, cs;

	while (k < n) {
		if ((m = utf8_decode(p + k, n - k, &c)) == 0)
			m = 1, c = 0;
		k += m;
		if ((cs = xt_case(c)) == 0)
			continue;
		if (first == 0 && cs == 3 && c >= 0x3000)
			t->flags |= TF_IDEO;
		if (first == 0)
			first = cs;
		letters += cs <= 3;
		upper += cs == 1;
		ideo += cs == 3 && c >= 0x3000;
	}
	if (first == 0)
		t->flags |= TF_PUNCT;
	t->flags |= first == 1 ? TF_CAP : first == 2 ? TF_LOWER :
	    first == 4 ? TF_DIGIT : first == 3 ? TF_NOCASE : 0;
	/* scripts written without spaces: about two signs a word */
	t->wn = (uint16_t)(ideo >= 4 ? xt_min(ideo / 2, UINT16_MAX) : 1);
	if (letters >= 2 && upper == letters)
		t->flags |= TF_UPPER;
	if (p[n - 1] == ',' || p[n - 1] == ';')
		t->flags |= TF_COMMA;
	if (p[n - 1] == ':')
		t->flags |= TF_COLON;
	if (p[n - 1] == '*' && (n == 1 || (unsigned char)p[n - 2] >= 0x80 ||
	    ((p[n - 2] | 0x20) >= 'a' && (p[n - 2] | 0x20) <= 'z')))
		t->flags |= TF_STAR;	/* "*" or "Name*": a required field */
}

static void
xt_push(struct xt *x, size_t *cap, size_t off, size_t len, int nl)
{
	struct xt_tok *t;
	const struct xt_dict_ent *e;
	char key[XT_KEY_MAX];

	x->t = xgrow(x->t, cap, x->nt, sizeof(*x->t), 256);
	t = &x->t[x->nt++];
	memset(t, 0, sizeof(*t));
	t->off = off;
	t->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	t->flags = nl ? TF_NL : 0;
	xt_shape(x, t);
	e = xt_lookup(x, key, xt_key(x, x->nt - 1, key));
	t->cls = e != NULL ? e->cls : 0;
	if (e != NULL && e->first)
		t->flags |= TF_PHRASE;
}

/* Bytes of a closing bracket or quote of CJK text at p (」 』 ）). */
static size_t
xt_cjk_closer(const char *p, size_t n)
{
	return n >= 3 && (size_t)xt_is_closer(p, 3) == 3 &&
	    (unsigned char)p[0] != 0xE2 ? 3 : 0;
}

/* Flattening glues a caption to its credit ("...treatmentCredit: EPA"):
 * the offset of a photo marker glued after a lower-case letter inside
 * the word [a, b), or 0. */
static size_t
xt_glued_marker(const struct xt *x, size_t a, size_t b)
{
	char key[XT_KEY_MAX];
	size_t k, j, n;

	for (k = a + 1; k + 4 < b; k++) {
		if (!(x->s[k - 1] >= 'a' && x->s[k - 1] <= 'z' &&
		    x->s[k] >= 'A' && x->s[k] <= 'Z'))
			continue;
		for (j = k, n = 0; j < b && n + 1 < sizeof(key) &&
		    ((x->s[j] | 0x20) >= 'a' && (x->s[j] | 0x20) <= 'z'); j++)
			key[n++] = (char)(x->s[j] | 0x20);
		if (xt_classify(x, key, n) & (XC_PHOTO | XC_CAPTION))
			return k;
	}
	return 0;
}

/* Flattening glues a credit's agency to its caption's full stop ("...
 * in New York.Reuters"): the offset of the agency's name after a
 * lower-case letter and a full stop ending the word [a, b), or 0. */
static size_t
xt_glued_agency(const struct xt *x, size_t a, size_t b)
{
	size_t k;

	for (k = b; k > a + 2 && x->s[k - 1] != '.'; k--)
		;
	if (k <= a + 2 || k >= b || !(x->s[k - 2] >= 'a' &&
	    x->s[k - 2] <= 'z') || !(x->s[k] >= 'A' && x->s[k] <= 'Z'))
		return 0;
	return xt_agency_name(x->s + k, b - k) ? k : 0;
}

/* A live blog's entry head flattened glues its time to the author's
 * name ("10:35Jane Reed"): the offset of the name after a time of day
 * ("9:05", "10.35", "14h10") that starts the word [a, b), or 0. */
static size_t
xt_glued_clock(const struct xt *x, size_t a, size_t b)
{
	const unsigned char *p = (const unsigned char *)x->s;
	size_t k = a;

	while (k < b && k < a + 2 && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == a || k + 4 > b || (p[k] != ':' && p[k] != '.' &&
	    p[k] != 'h') || !(p[k + 1] >= '0' && p[k + 1] <= '5') ||
	    !(p[k + 2] >= '0' && p[k + 2] <= '9'))
		return 0;
	k += 3;
	if (!((p[k] >= 'A' && p[k] <= 'Z') || (p[k] == 0xC3 && k + 1 < b &&
	    p[k + 1] >= 0x80 && p[k + 1] <= 0x9E)))
		return 0;	/* a capital: the name */
	return k + 2 < b && ((p[k + 1] >= 'a' && p[k + 1] <= 'z') ||
	    p[k + 1] >= 0x80) ? k : 0;
}

static void
xt_words(struct xt *x)
{
	const unsigned char *p = (const unsigned char *)x->s;
	size_t i = 0, a, w, cap = 0;
	int nl = 0, dummy = 0;
	uint16_t glued = 0;

	while (i < x->n) {
		if ((w = xt_space(p + i, x->n - i, &nl)) > 0) {
			i += w;
			continue;
		}
		a = i;
		while (i < x->n && xt_space(p + i, x->n - i, &dummy) == 0) {
			if ((w = xt_cjk_stop(x->s + i, x->n - i)) > 0) {
				i += w;	/* 。 ends a word: no space follows */
				i += xt_cjk_closer(x->s + i, x->n - i);
				break;
			}
			i++;
		}
		if ((w = xt_glued_marker(x, a, i)) != 0 ||
		    (w = xt_glued_agency(x, a, i)) != 0 ||
		    (w = xt_glued_clock(x, a, i)) != 0) {
			xt_push(x, &cap, a, w - a, nl);
			a = w;
			nl = 0;
			glued = TF_GLUED;
		}
		xt_push(x, &cap, a, i - a, nl);
		x->t[x->nt - 1].flags |= glued;
		nl = 0;
		glued = 0;
	}
}

static const char *const xt_abbrevs[] = {
	"mr", "mrs", "ms", "dr", "st", "prof", "gen", "gov", "sen", "rep",
	"jr", "sr", "inc", "ltd", "co", "corp", "no", "nr", "vs", "bzw",
	"ca", "hr", "mme", "mlle", "sra", "ud", "uds", "dña", "av", "z.b",
	"u.a", "d.h", "usw", "e.g", "i.e", "approx", "art", "abs",
};

/* Does word i end in sentence punctuation (closing quotes allowed)? */
static int
xt_punct_end(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k;

	while ((k = (size_t)xt_is_closer(p, n)) > 0 && k < n)
		n -= k;
	if (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0)
		return 1;
	if (n >= 3 && xt_cjk_stop(p + n - 3, 3) > 0)
		return 1;
	return p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?';
}

/* Does word i open a quotation (“ " « „) before a capital? */
static int
xt_opens_quote(const struct xt *x, size_t i)
{
	const unsigned char *p = (const unsigned char *)x->s + x->t[i].off;
	size_t n = x->t[i].len, q;

	if (n >= 2 && p[0] == '"')
		q = 1;
	else if (n >= 4 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C ||
	    p[2] == 0x9E))
		q = 3;	/* “ „ */
	else if (n >= 3 && p[0] == 0xC2 && p[1] == 0xAB)
		q = 2;	/* « */
	else
		return 0;
	while (q < n && p[q] == ' ')
		q++;
	return q < n && ((p[q] >= 'A' && p[q] <= 'Z') || p[q] >= 0xC3);
}

/* "J.", "Dr.", "14." before a month, "Sept." before a day, "etc."
 * before lower case (a web address is no lower-case word: "... for
 * 60. pic.example.com/a1B2" ends a post's sentence). */
static int
xt_abbrev(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	size_t n = xt_key(x, i, key);
	const char *p = x->s + x->t[i].off;

	if (i + 1 < x->nt && (((x->t[i + 1].flags & TF_LOWER) &&
	    !xt_is_address(x, i + 1)) ||
	    ((x->t[i].flags & TF_DIGIT) && (x->t[i + 1].cls & XC_MONTH)) ||
	    ((x->t[i].cls & XC_MONTH) && (x->t[i + 1].flags & TF_DIGIT))))
		return 1;
	if (x->t[i].len >= 2 && p[x->t[i].len - 1] == '.' &&
	    p[x->t[i].len - 2] == '.')
		return 0;	/* "..." */
	if (n == 1 || (n == 2 && (unsigned char)key[0] >= 0xC0))
		return (x->t[i].flags & TF_CAP) != 0;
	if (i + 1 < x->nt && xt_opens_quote(x, i + 1))
		return 0;	/* "... Acme Inc. “We ...": a new sentence */
	return xt_in_list(key, n, xt_abbrevs, XT_NELEM(xt_abbrevs)) &&
	    p[x->t[i].len - 1] == '.';
}

static void
xt_ends(struct xt *x)
{
	size_t i;

	for (i = 0; i < x->nt; i++) {
		if (!xt_punct_end(x, i) || xt_abbrev(x, i))
			continue;
		/* a closing quote on its own: « ... fermé. » */
		if (i + 1 < x->nt && (x->t[i + 1].flags & TF_PUNCT) &&
		    !(x->t[i + 1].flags & TF_NL) && (size_t)xt_is_closer(x->s +
		    x->t[i + 1].off, x->t[i + 1].len) == x->t[i + 1].len)
			i++;
		x->t[i].flags |= TF_END;
	}
}

static enum nd_err
xt_check(const char *text, size_t len, const struct extract_opts *opts,
    const char *name, struct buf *out, struct nd_error *err)
{
	size_t max = opts && opts->max_bytes ? opts->max_bytes :
	    EXTRACT_MAX_BYTES, i, w;
	int nl = 0;

	if (text == NULL && len > 0)
		return nd_error_set(err, ND_EINVAL, "%s: no text given", name);
	if (len > max)
		return nd_error_set(err, ND_ELIMIT,
		    "%s: %zu bytes is over the limit of %zu bytes", name, len,
		    max);
	if (len > 0 && utf8_control_ratio(text, len) > XT_BINARY_RATIO)
		return nd_error_set(err, ND_EBINARY,
		    "%s: binary data (control bytes) where text was expected",
		    name);
	if (len > 0 && utf8_repair(text, len, out) < 0)
		return nd_error_set(err, ND_ELIMIT,
		    "%s: text too large to repair", name);
	for (i = 0; i < out->len; i += w)
		if ((w = xt_space((const unsigned char *)out->ptr + i,
		    out->len - i, &nl)) == 0)
			return ND_OK;
	return nd_error_set(err, ND_EEMPTY, "%s: empty text", name);
}

static void
xt_finish(struct xt *x)
{
	struct buf b = BUF_INIT;
	const char *lang;
	char *body;
	size_t k;

	for (k = 0; k < x->credits.n; k++)
		buf_printf(&b, "%s%s", k ? "; " : "", x->credits.v[k]);
	if (b.len > 0)
		article_set(&x->a->credits, b.ptr, b.len);
	buf_release(&b);
	body = article_body_text(x->a);
	lang = lang_detect(body, xt_min(strlen(body), XT_LANG_BYTES));
	if (lang == NULL)
		lang = lang_detect(x->s, xt_min(x->n, XT_LANG_BYTES));
	free(body);
	if (lang != NULL)
		x->a->lang = xstrdup(lang);
}

enum nd_err
extract_text(const char *text, size_t len, const struct extract_opts *opts,
    struct article **out, struct nd_error *err)
{
	struct buf b = BUF_INIT;
	struct xt x;
	const char *name = opts && opts->name ? opts->name : "text", *lang;
	enum nd_err rc;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	if ((rc = xt_check(text, len, opts, name, &b, err)) != ND_OK)
		goto out;
	xt_cards(&b);
	x.s = b.ptr;
	x.n = b.len;
	x.a = article_new();
	lang = lang_detect(x.s, xt_min(x.n, XT_LANG_BYTES));
	x.german = lang != NULL && strcmp(lang, "de") == 0;
	x.dayfirst = lang == NULL || strcmp(lang, "en") != 0;
	xt_dict_build(&x);
	xt_words(&x);
	xt_ends(&x);
	xt_tables(&x);
	xt_run_tables(&x);
	xt_spans(&x);
	xt_agency_credits(&x);
	xt_caps_links(&x);
	xt_glued_buttons(&x);
	xt_read_times(&x);
	xt_galleries(&x);
	xt_lists(&x);
	xt_repeats(&x);
	if ((rc = xt_units(&x)) != ND_OK) {
		nd_error_set(err, rc, "%s: no sentences found: nothing reads "
		    "as article text", name);
		goto out;
	}
	xt_finish(&x);
	if (opts && opts->url)
		x.a->url = xstrdup(opts->url);
	*out = x.a;
	x.a = NULL;
out:
	article_free(x.a);
	strlist_release(&x.credits);
	free(x.t);
	free(x.dict);
	buf_release(&b);
	return rc;
}

int
extract_text_date(const char *s, size_t n, int dayfirst, int64_t *t)
{
	struct xt x;
	size_t i;
	int found = 0;

	if (s == NULL || n == 0 || n > EXTRACT_DATE_MAX)
		return 0;
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.n = n;
	x.dayfirst = dayfirst;
	xt_dict_build(&x);
	xt_words(&x);
	for (i = 0; i < x.nt && !found; i++)
		found = xt_date_at(&x, i, t) != 0;
	free(x.t);
	free(x.dict);
	return found;
}
