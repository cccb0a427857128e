/* form.h - name=value pairs from a query string or an
 * application/x-www-form-urlencoded body, and their validation against a
 * route's declared fields (kcgi-style: handlers see checked values only).
 *
 * Every limit is named: at most FORM_MAX_PAIRS pairs, names up to
 * FORM_MAX_NAME bytes, values up to FORM_MAX_VALUE bytes after decoding.
 * Names and values must be valid UTF-8 without NUL; going over a limit
 * or a malformed escape is an error, never silent truncation.
 */
#ifndef ND_FORM_H
#define ND_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define FORM_MAX_PAIRS	32
#define FORM_MAX_NAME	64
#define FORM_MAX_VALUE	(20u * 1024)	/* a comment: 5000 code points */

struct form_pair {
	char *name;		/* owned, NUL-terminated */
	char *value;		/* owned, NUL-terminated */
};

struct form {
	struct form_pair v[FORM_MAX_PAIRS];
	size_t n;
};

void form_init(struct form *f);
void form_release(struct form *f);
/* Copy one decoded pair into f; ND_ELIMIT over a limit, ND_EUTF8 on
 * invalid UTF-8 or a NUL byte. */
enum nd_err form_add(struct form *f, const char *name, size_t nlen,
    const char *value, size_t vlen, struct nd_error *err);
/* Parse "a=1&b=x+y%21" (p, n bytes; no NUL needed) into f. A pair
 * without '=' has an empty value; empty pairs ("&&") are skipped. */
enum nd_err form_parse(struct form *f, const char *p, size_t n,
    struct nd_error *err);
/* Value of the first pair named name, or NULL; borrowed from f. */
const char *form_get(const struct form *f, const char *name);

enum field_kind {
	FIELD_TEXT,	/* any text without control characters but \t\n\r */
	FIELD_UINT,	/* decimal, fits in int64 */
	FIELD_SLUG,	/* [a-z0-9-]+ */
	FIELD_EMAIL,	/* local@domain, no spaces or controls */
	FIELD_TOKEN,	/* base64url and '.' */
	FIELD_LANG,	/* "en" or "de" */
};

struct field_spec {
	const char *name;	/* NULL ends a list */
	enum field_kind kind;
	size_t max;		/* bytes */
	int required;
};

/* Check a value against one spec; ND_EINVAL naming the field. */
enum nd_err form_field_check(const struct field_spec *spec,
    const char *value, int64_t *num, struct nd_error *err);
/* Check f against specs (at most max of them): val[i] and num[i] get the
 * value of specs[i] (borrowed from f) or NULL/0 when absent. Fails on a
 * missing required field or an invalid value, naming the field. */
enum nd_err form_check(const struct form *f, const struct field_spec *specs,
    size_t max, const char **val, int64_t *num, struct nd_error *err);

#endif
