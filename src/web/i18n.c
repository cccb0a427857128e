/* i18n.c - .po catalogs, language negotiation, ICU formatting. */
#include "web/i18n.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "util/fileio.h"
#include "util/xalloc.h"

#define I18N_ICU_CHARS 128

struct i18n_entry {
	char *id;
	char *str;
};

struct i18n {
	char lang[8];
	struct i18n_entry *v;
	size_t n;
	UDateFormat *date;
	UDateFormat *datetime;
	UNumberFormat *num;
};

static int
i18n_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct i18n_entry *)a)->id,
	    ((const struct i18n_entry *)b)->id);
}

static enum nd_err
i18n_icu_open(struct i18n *c, struct nd_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar tz[4];
	const char *loc = strcmp(c->lang, "en") == 0 ? "en_GB" : c->lang;

	u_uastrcpy(tz, "UTC");
	c->date = udat_open(UDAT_NONE, UDAT_LONG, loc, tz, -1, NULL, 0, &st);
	if (U_SUCCESS(st))
		c->datetime = udat_open(UDAT_SHORT, UDAT_LONG, loc, tz, -1,
		    NULL, 0, &st);
	if (U_SUCCESS(st))
		c->num = unum_open(UNUM_DECIMAL, NULL, 0, loc, NULL, &st);
	if (U_FAILURE(st))
		return nd_error_set(err, ND_EINVAL, "ICU cannot format for "
		    "'%s': %s", c->lang, u_errorName(st));
	return ND_OK;
}

enum nd_err
i18n_new(const char *lang, const char *po_path, struct i18n **out,
    struct nd_error *err)
{
	struct i18n *c = xcalloc(1, sizeof(*c));
	struct buf b = BUF_INIT;
	enum nd_err e;

	*out = NULL;
	if (strlen(lang) >= sizeof(c->lang)) {
		free(c);
		return nd_error_set(err, ND_EINVAL, "language '%s' too long",
		    lang);
	}
	memcpy(c->lang, lang, strlen(lang) + 1);
	if ((e = i18n_icu_open(c, err)) != ND_OK)
		goto out;
	if (po_path && (e = fileio_read(po_path, I18N_PO_MAX, &b, err)))
		goto out;
	if (po_path && (e = i18n_parse_po(c, b.ptr, b.len, po_path, err)))
		goto out;
	*out = c;
out:
	buf_release(&b);
	if (e != ND_OK)
		i18n_free(c);
	return e;
}

void
i18n_free(struct i18n *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].str);
	}
	free(c->v);
	if (c->date)
		udat_close(c->date);
	if (c->datetime)
		udat_close(c->datetime);
	if (c->num)
		unum_close(c->num);
	free(c);
}

/* Append the C-style quoted string at *p (line[0..n)) to out. */
static int
i18n_po_string(const char *p, size_t n, struct buf *out)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n || p[i++] != '"')
		return 0;
	for (; i < n && p[i] != '"'; i++) {
		char ch = p[i];

		if (ch == '\\') {
			if (++i == n)
				return 0;
			ch = p[i] == 'n' ? '\n' : p[i] == 't' ? '\t' : p[i];
		}
		if (buf_putc(out, ch) != ND_OK)
			return 0;
	}
	return i < n;
}

struct i18n_po {
	struct buf id, str;
	struct buf *cur;	/* where continuation lines go */
};

static enum nd_err
i18n_po_flush(struct i18n *c, struct i18n_po *po, const char *name,
    struct nd_error *err)
{
	if (po->id.len > 0 && po->str.len > 0) {
		if (c->n == I18N_MAX_ENTRIES)
			return nd_error_set(err, ND_ELIMIT, "'%s': more than "
			    "%d messages", name, I18N_MAX_ENTRIES);
		c->v = xreallocarray(c->v, c->n + 1, sizeof(*c->v));
		c->v[c->n].id = xstrdup(po->id.ptr);
		c->v[c->n].str = xstrdup(po->str.ptr);
		c->n++;
	}
	buf_clear(&po->id);
	buf_clear(&po->str);
	po->cur = NULL;
	return ND_OK;
}

/* One line of a .po file. */
static enum nd_err
i18n_po_line(struct i18n *c, struct i18n_po *po, const char *p, size_t n,
    const char *name, struct nd_error *err)
{
	enum nd_err e;

	if (n == 0 || p[0] == '#')
		return ND_OK;
	if (n > 6 && memcmp(p, "msgid ", 6) == 0) {
		if ((e = i18n_po_flush(c, po, name, err)) != ND_OK)
			return e;
		po->cur = &po->id;
		p += 6, n -= 6;
	} else if (n > 7 && memcmp(p, "msgstr ", 7) == 0 && po->cur) {
		po->cur = &po->str;
		p += 7, n -= 7;
	}
	if (po->cur == NULL || !i18n_po_string(p, n, po->cur))
		return ND_EPARSE;
	return ND_OK;
}

enum nd_err
i18n_parse_po(struct i18n *c, const char *p, size_t n, const char *name,
    struct nd_error *err)
{
	struct i18n_po po;
	const char *nl;
	size_t len, line = 1;
	enum nd_err e = ND_OK;

	buf_init(&po.id, 4096);
	buf_init(&po.str, 4096);
	po.cur = NULL;
	for (; n > 0 && e == ND_OK; line++) {
		nl = memchr(p, '\n', n);
		len = nl ? (size_t)(nl - p) : n;
		e = i18n_po_line(c, &po, p, len - (len && p[len - 1] == '\r'),
		    name, err);
		if (e == ND_EPARSE)
			nd_error_set(err, e, "'%s' line %zu: not a msgid, "
			    "msgstr or string line", name, line);
		p += len + (nl != NULL);
		n -= len + (nl != NULL);
	}
	if (e == ND_OK)
		e = i18n_po_flush(c, &po, name, err);
	buf_release(&po.id);
	buf_release(&po.str);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), i18n_entry_cmp);
	return e;
}

const char *
i18n_tr(const struct i18n *c, const char *msgid)
{
	struct i18n_entry key = {(char *)(uintptr_t)msgid, NULL}, *hit;

	if (c == NULL || c->n == 0)
		return msgid;
	hit = bsearch(&key, c->v, c->n, sizeof(*c->v), i18n_entry_cmp);
	return hit ? hit->str : msgid;
}

const char *
i18n_lang(const struct i18n *c)
{
	return c->lang;
}

static void
i18n_put_uchars(const UChar *u, int32_t n, struct buf *out)
{
	char utf8[I18N_ICU_CHARS * 4];
	int32_t len = 0;
	UErrorCode st = U_ZERO_ERROR;

	u_strToUTF8(utf8, (int32_t)sizeof(utf8), &len, u, n, &st);
	if (U_SUCCESS(st))
		buf_put(out, utf8, (size_t)len);
}

static void
i18n_udat(UDateFormat *f, int64_t t, struct buf *out)
{
	UChar u[I18N_ICU_CHARS];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	n = udat_format(f, (UDate)t * 1000.0, u, I18N_ICU_CHARS, NULL, &st);
	if (U_SUCCESS(st))
		i18n_put_uchars(u, n, out);
}

void
i18n_date(const struct i18n *c, int64_t t, struct buf *out)
{
	i18n_udat(c->date, t, out);
}

void
i18n_datetime(const struct i18n *c, int64_t t, struct buf *out)
{
	i18n_udat(c->datetime, t, out);
}

void
i18n_number(const struct i18n *c, int64_t v, struct buf *out)
{
	UChar u[I18N_ICU_CHARS];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	n = unum_formatInt64(c->num, v, u, I18N_ICU_CHARS, NULL, &st);
	if (U_SUCCESS(st))
		i18n_put_uchars(u, n, out);
}

static const char *
i18n_known(const char *s, size_t n)
{
	if (n >= 2 && (s[0] | 0x20) == 'd' && (s[1] | 0x20) == 'e' &&
	    (n == 2 || s[2] == '-' || s[2] == '_'))
		return "de";
	if (n >= 2 && (s[0] | 0x20) == 'e' && (s[1] | 0x20) == 'n' &&
	    (n == 2 || s[2] == '-' || s[2] == '_'))
		return "en";
	return NULL;
}

/* q-value of one item's parameters ("q=0.8"); 1000ths, 1000 if none. */
static int
i18n_qvalue(const char *p, size_t n)
{
	const char *q = NULL;
	int v = 0, scale = 1000;
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if ((p[i] == 'q' || p[i] == 'Q') && p[i + 1] == '=')
			q = p + i + 2;
	if (q == NULL)
		return 1000;
	if (*q == '1')
		return 1000;
	for (q += (*q == '0'), q += (*q == '.'); q < p + n && scale > 1 &&
	    *q >= '0' && *q <= '9'; q++) {
		scale /= 10;
		v += (*q - '0') * scale;
	}
	return v;
}

static const char *
i18n_accept(const char *accept)
{
	const char *best = NULL, *lang, *p = accept;
	size_t n = strnlen(accept, I18N_ACCEPT_MAX + 1), len, tag;
	int bestq = 0, q, items = 0;

	if (n > I18N_ACCEPT_MAX)
		return NULL;
	while (n > 0 && items++ < I18N_ACCEPT_ITEMS) {
		const char *comma = memchr(p, ',', n);

		len = comma ? (size_t)(comma - p) : n;
		while (len && *p == ' ')
			p++, n--, len--;
		tag = strcspn(p, ";, ");
		tag = tag < len ? tag : len;
		lang = i18n_known(p, tag);
		q = i18n_qvalue(p + tag, len - tag);
		if (lang && q > bestq)
			best = lang, bestq = q;
		p += len + (comma != NULL);
		n -= len + (comma != NULL);
	}
	return best;
}

const char *
i18n_negotiate(const char *query, const char *cookie, const char *accept)
{
	const char *l;

	if (query && (l = i18n_known(query, strlen(query))) &&
	    strlen(query) == 2)
		return l;
	if (cookie && (l = i18n_known(cookie, strlen(cookie))) &&
	    strlen(cookie) == 2)
		return l;
	if (accept && (l = i18n_accept(accept)) != NULL)
		return l;
	return "en";
}
