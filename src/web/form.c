/* form.c - bounded urlencoded parsing and field validation. */
#include "web/form.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
form_init(struct form *f)
{
	memset(f, 0, sizeof(*f));
}

void
form_release(struct form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].value);
	}
	f->n = 0;
}

static int
form_text_ok(const char *p, size_t n)
{
	return memchr(p, '\0', n) == NULL && utf8_valid(p, n);
}

enum nd_err
form_add(struct form *f, const char *name, size_t nlen, const char *value,
    size_t vlen, struct nd_error *err)
{
	if (f->n == FORM_MAX_PAIRS)
		return nd_error_set(err, ND_ELIMIT, "more than %d form fields",
		    FORM_MAX_PAIRS);
	if (nlen > FORM_MAX_NAME || vlen > FORM_MAX_VALUE)
		return nd_error_set(err, ND_ELIMIT, "form field too long");
	if (!form_text_ok(name, nlen) || !form_text_ok(value, vlen))
		return nd_error_set(err, ND_EUTF8, "form field is not valid "
		    "UTF-8 text");
	f->v[f->n].name = xstrndup(name, nlen);
	f->v[f->n].value = xstrndup(value, vlen);
	f->n++;
	return ND_OK;
}

static int
form_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode p[0..n) ('+' is a space, %XX a byte) into out. */
static enum nd_err
form_decode(const char *p, size_t n, struct buf *out, struct nd_error *err)
{
	size_t i;
	int hi, lo;

	buf_clear(out);
	for (i = 0; i < n; i++) {
		int c = (unsigned char)p[i];

		if (c == '%') {
			if (i + 2 >= n)
				return nd_error_set(err, ND_EPARSE,
				    "truncated %%-escape in form");
			hi = form_hex((unsigned char)p[i + 1]);
			lo = form_hex((unsigned char)p[i + 2]);
			if (hi < 0 || lo < 0)
				return nd_error_set(err, ND_EPARSE,
				    "bad %%-escape in form");
			c = hi * 16 + lo;
			i += 2;
		} else if (c == '+')
			c = ' ';
		if (buf_putc(out, c) != ND_OK)
			return nd_error_set(err, ND_ELIMIT, "form field too "
			    "long");
	}
	return ND_OK;
}

/* One "name=value" piece. */
static enum nd_err
form_piece(struct form *f, const char *p, size_t n, struct buf *nb,
    struct buf *vb, struct nd_error *err)
{
	const char *eq = memchr(p, '=', n);
	size_t nlen = eq ? (size_t)(eq - p) : n;
	enum nd_err e;

	if ((e = form_decode(p, nlen, nb, err)) != ND_OK)
		return e;
	if (eq && (e = form_decode(eq + 1, n - nlen - 1, vb, err)) != ND_OK)
		return e;
	if (!eq)
		buf_clear(vb);
	return form_add(f, nb->ptr, nb->len, vb->ptr, vb->len, err);
}

enum nd_err
form_parse(struct form *f, const char *p, size_t n, struct nd_error *err)
{
	struct buf nb, vb;
	const char *amp;
	enum nd_err e = ND_OK;
	size_t len;

	buf_init(&nb, FORM_MAX_NAME);
	buf_init(&vb, FORM_MAX_VALUE);
	while (n > 0) {
		amp = memchr(p, '&', n);
		len = amp ? (size_t)(amp - p) : n;
		if (len > 0 && (e = form_piece(f, p, len, &nb, &vb, err)))
			break;
		p += len + (amp != NULL);
		n -= len + (amp != NULL);
	}
	buf_release(&nb);
	buf_release(&vb);
	return e;
}

const char *
form_get(const struct form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			return f->v[i].value;
	return NULL;
}

static int
form_chars_ok(const char *s, const char *extra, int lower_only)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (!lower_only && c >= 'A' && c <= 'Z') ||
		    strchr(extra, c) != NULL)
			continue;
		return 0;
	}
	return 1;
}

static int
form_email_ok(const char *s)
{
	const char *at = strrchr(s, '@');
	const char *p;

	if (at == NULL || at == s || at[1] == '\0' || strchr(s, '@') != at)
		return 0;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '<' ||
		    *p == '>' || *p == ',' || *p == ';')
			return 0;
	return strchr(at, '.') != NULL;
}

static int
form_uint(const char *s, int64_t *num)
{
	int64_t v = 0;

	if (*s == '\0')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return 0;
		v = v * 10 + (*s - '0');
	}
	*num = v;
	return 1;
}

static int
form_text_plain(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
		    *s != '\r') || *s == 0x7f)
			return 0;
	return 1;
}

enum nd_err
form_field_check(const struct field_spec *spec, const char *value,
    int64_t *num, struct nd_error *err)
{
	int ok = 0;

	*num = 0;
	if (strlen(value) > spec->max)
		return nd_error_set(err, ND_ELIMIT, "field '%s' is longer "
		    "than %zu bytes", spec->name, spec->max);
	switch (spec->kind) {
	case FIELD_TEXT: ok = form_text_plain(value); break;
	case FIELD_UINT: ok = form_uint(value, num); break;
	case FIELD_SLUG: ok = *value && form_chars_ok(value, "-", 1); break;
	case FIELD_EMAIL: ok = form_email_ok(value); break;
	case FIELD_TOKEN: ok = *value && form_chars_ok(value, "-_.", 0);
		break;
	case FIELD_LANG: ok = !strcmp(value, "en") || !strcmp(value, "de");
		break;
	}
	if (!ok)
		return nd_error_set(err, ND_EINVAL, "field '%s' is not valid",
		    spec->name);
	return ND_OK;
}

enum nd_err
form_check(const struct form *f, const struct field_spec *specs, size_t max,
    const char **val, int64_t *num, struct nd_error *err)
{
	enum nd_err e;
	size_t i;

	for (i = 0; i < max && specs[i].name; i++) {
		val[i] = form_get(f, specs[i].name);
		num[i] = 0;
		if (val[i] == NULL && specs[i].required)
			return nd_error_set(err, ND_EINVAL, "field '%s' is "
			    "missing", specs[i].name);
		if (val[i] && (e = form_field_check(&specs[i], val[i], &num[i],
		    err)) != ND_OK)
			return e;
	}
	for (; i < max; i++) {
		val[i] = NULL;
		num[i] = 0;
	}
	return ND_OK;
}
