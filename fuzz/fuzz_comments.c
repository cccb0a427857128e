/* fuzz_comments.c - libFuzzer target for the comment text parsers that
 * see untrusted input without a store: field validation, the email
 * check, link spans and blocklist folding.
 *
 * The input is split at NUL bytes into name, email, website and body.
 * Checks: linkify spans are adjacent and cover the text exactly; a
 * validated form gives back NUL-terminated valid UTF-8 fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "comments/comments.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_spans(const char *s, size_t n)
{
	struct comments_span *sp = NULL;
	size_t k = comments_linkify(s, n, &sp), i, off = 0;

	for (i = 0; i < k; i++) {
		if (sp[i].off != off || sp[i].len == 0)
			abort();
		off += sp[i].len;
	}
	if (off != n)
		abort();
	free(sp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size, *z;
	struct comment_form form;
	struct comments_clean cl;
	struct comment_result r;
	struct buf b = BUF_INIT;
	int f;

	memset(&form, 0, sizeof(form));
	memset(&r, 0, sizeof(r));
	for (f = 0; f < COMMENTS_F_MAX && s <= end; f++) {
		z = memchr(s, '\0', (size_t)(end - s));
		form.field[f].p = s;
		form.field[f].n = z ? (size_t)(z - s) : (size_t)(end - s);
		s += form.field[f].n + 1;
	}
	if (comments_validate(&form, &cl, &r)) {
		if (!utf8_valid(cl.name, strlen(cl.name)) ||
		    !utf8_valid(cl.body, strlen(cl.body)) ||
		    !comments_email_ok(cl.email, strlen(cl.email)))
			abort();
		comments_clean_release(&cl);
	}
	fuzz_spans((const char *)data, size);
	(void)comments_fold((const char *)data, size, &b);
	buf_release(&b);
	return 0;
}
