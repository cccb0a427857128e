/* validate.c - the fields of the comment form, checked from a table.
 *
 * Each field has a rule (required, one line, maximum length, kind);
 * every field is checked so that the page can show all errors at once
 * beside their fields. Order of checks per field: valid UTF-8, then
 * line breaks (one-line fields), control characters, length, and the
 * kind's syntax (email address, web address). Markup is not an error:
 * it is stored as typed and escaped by the page.
 */
#include "comments/comments.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"
#include "util/xalloc.h"

enum validate_kind { VALIDATE_TEXT, VALIDATE_EMAIL, VALIDATE_URL };

struct validate_rule {
	int required;
	int one_line;
	size_t max;		/* code points (bytes for the URL) */
	enum validate_kind kind;
};

static const struct validate_rule validate_rules[COMMENTS_F_MAX] = {
	[COMMENTS_F_NAME] = {1, 1, COMMENTS_NAME_MAX, VALIDATE_TEXT},
	[COMMENTS_F_EMAIL] = {1, 1, COMMENTS_EMAIL_MAX, VALIDATE_EMAIL},
	[COMMENTS_F_WEBSITE] = {0, 1, COMMENTS_WEBSITE_MAX, VALIDATE_URL},
	[COMMENTS_F_BODY] = {1, 0, COMMENTS_BODY_MAX, VALIDATE_TEXT},
};

static int
validate_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Cut ASCII white space at both ends of t. */
static struct comments_text
validate_trim(struct comments_text t)
{
	while (t.n > 0 && validate_space(t.p[0])) {
		t.p++;
		t.n--;
	}
	while (t.n > 0 && validate_space(t.p[t.n - 1]))
		t.n--;
	return t;
}

/* Characters no field may hold: C0 controls other than tab and line
 * breaks, DEL, C1 controls, and the bidirectional overrides that make
 * text read other than it is stored. */
static int
validate_control(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return 0;
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static int
validate_line_break(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 ||
	    c == 0x85;
}

/* Walk t's code points for breaks, controls and length. */
static enum comments_msg
validate_chars(struct comments_text t, const struct validate_rule *r)
{
	size_t off = 0, k, count = 0;
	uint32_t c;

	while (off < t.n) {
		if ((k = utf8_decode(t.p + off, t.n - off, &c)) == 0)
			return COMMENTS_MSG_BAD_UTF8;
		off += k;
		count++;
		if (r->one_line && validate_line_break(c))
			return COMMENTS_MSG_LINE_BREAK;
		if (validate_control(c) || (r->one_line && c == '\t'))
			return COMMENTS_MSG_CONTROL;
	}
	if (r->kind == VALIDATE_URL ? t.n > r->max : count > r->max)
		return COMMENTS_MSG_TOO_LONG;
	return COMMENTS_MSG_NONE;
}

/* atext of RFC 5322 plus UTF-8 (RFC 6531). */
static int
validate_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80 ||
	    (c != 0 && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static int
validate_local_ok(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > COMMENTS_EMAIL_LOCAL_MAX || p[0] == '.' ||
	    p[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] == '.' && i + 1 < n && p[i + 1] == '.')
			return 0;
		if (p[i] != '.' && !validate_atext((unsigned char)p[i]))
			return 0;
	}
	return 1;
}

static int
validate_label_ok(const char *p, size_t n)
{
	size_t i;
	unsigned char c;

	if (n == 0 || n > COMMENTS_EMAIL_LABEL_MAX || p[0] == '-' ||
	    p[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c >= 0x80))
			return 0;
	}
	return 1;
}

static int
validate_domain_ok(const char *p, size_t n)
{
	size_t start = 0, i, labels = 0, last = 0;

	if (n == 0 || n > 253)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i < n && p[i] != '.')
			continue;
		if (!validate_label_ok(p + start, i - start))
			return 0;
		labels++;
		last = start;
		start = i + 1;
	}
	/* a top-level label of digits only is an IP address, not a name */
	for (i = last; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		;
	return labels >= 2 && i < n;
}

int
comments_email_ok(const char *p, size_t n)
{
	const char *at;

	if (n == 0 || n > COMMENTS_EMAIL_MAX || !utf8_valid(p, n))
		return 0;
	if ((at = memchr(p, '@', n)) == NULL)
		return 0;
	return validate_local_ok(p, (size_t)(at - p)) &&
	    validate_domain_ok(at + 1, n - (size_t)(at - p) - 1);
}

/* http:// or https://, a host, and no space, control, <, > or ". */
static int
validate_url_ok(const char *p, size_t n)
{
	size_t i, skip;

	if (n > 7 && strncasecmp(p, "http://", 7) == 0)
		skip = 7;
	else if (n > 8 && strncasecmp(p, "https://", 8) == 0)
		skip = 8;
	else
		return 0;
	if (p[skip] == '/' || p[skip] == '?' || p[skip] == '#' ||
	    p[skip] == '@' || p[skip] == ':')
		return 0;
	for (i = skip; i < n; i++)
		if ((unsigned char)p[i] <= 0x20 || p[i] == 0x7f ||
		    p[i] == '<' || p[i] == '>' || p[i] == '"' ||
		    p[i] == '\\')
			return 0;
	return 1;
}

static enum comments_msg
validate_field(struct comments_text t, const struct validate_rule *r)
{
	enum comments_msg m;

	if (t.p == NULL)
		t.n = 0;
	if (t.n > 0 && !utf8_valid(t.p, t.n))
		return COMMENTS_MSG_BAD_UTF8;
	t = validate_trim(t);
	if (t.n == 0)
		return r->required ? COMMENTS_MSG_REQUIRED : COMMENTS_MSG_NONE;
	if ((m = validate_chars(t, r)) != COMMENTS_MSG_NONE)
		return m;
	if (r->kind == VALIDATE_EMAIL && !comments_email_ok(t.p, t.n))
		return COMMENTS_MSG_BAD_EMAIL;
	if (r->kind == VALIDATE_URL && !validate_url_ok(t.p, t.n))
		return COMMENTS_MSG_BAD_WEBSITE;
	return COMMENTS_MSG_NONE;
}

/* Copy of t with CRLF and lone CR made LF. */
static char *
validate_lines(struct comments_text t)
{
	char *out = xmalloc(t.n + 1);
	size_t i, j = 0;

	for (i = 0; i < t.n; i++) {
		if (t.p[i] == '\r') {
			out[j++] = '\n';
			if (i + 1 < t.n && t.p[i + 1] == '\n')
				i++;
		} else
			out[j++] = t.p[i];
	}
	out[j] = '\0';
	return out;
}

static char *
validate_copy(struct comments_text t)
{
	if (t.p == NULL)
		return NULL;
	t = validate_trim(t);
	return t.n ? xstrndup(t.p, t.n) : NULL;
}

int
comments_validate(const struct comment_form *form, struct comments_clean *out,
    struct comment_result *r)
{
	char *email;
	int f, ok = 1;

	memset(out, 0, sizeof(*out));
	for (f = 0; f < COMMENTS_F_MAX; f++) {
		r->field[f] = validate_field(form->field[f],
		    &validate_rules[f]);
		if (r->field[f] != COMMENTS_MSG_NONE)
			ok = 0;
	}
	if (!ok)
		return 0;
	out->name = validate_copy(form->field[COMMENTS_F_NAME]);
	email = validate_copy(form->field[COMMENTS_F_EMAIL]);
	out->email = comments_email_key(email);
	free(email);
	out->website = validate_copy(form->field[COMMENTS_F_WEBSITE]);
	out->body = validate_lines(validate_trim(
	    form->field[COMMENTS_F_BODY]));
	return 1;
}

enum comments_msg
comments_validate_body(const char *p, size_t n, char **out)
{
	struct comments_text t = {p, n};
	enum comments_msg m;

	*out = NULL;
	m = validate_field(t, &validate_rules[COMMENTS_F_BODY]);
	if (m == COMMENTS_MSG_NONE)
		*out = validate_lines(validate_trim(t));
	return m;
}

void
comments_clean_release(struct comments_clean *c)
{
	free(c->name);
	free(c->email);
	free(c->website);
	free(c->body);
	memset(c, 0, sizeof(*c));
}
