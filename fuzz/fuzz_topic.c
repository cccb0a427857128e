/* fuzz_topic.c - libFuzzer target for the topic rule language.
 *
 * The input is split at the first NUL or newline into an expression and
 * a document. The expression is parsed; if it parses it is matched
 * against the document (in a language picked by the input length), and
 * a slug is made from the expression too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "topic/topic.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_langs[] = { NULL, "en", "de", "fr", "es",
    "ru", "xx" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *lang = fuzz_langs[size % (sizeof(fuzz_langs) /
	    sizeof(fuzz_langs[0]))];
	struct topic_expr *e = NULL;
	struct topic_doc *d;
	struct nd_error err;
	size_t cut = 0;
	char *name;

	while (cut < size && s[cut] != '\0' && s[cut] != '\n')
		cut++;
	if (topic_expr_parse(s, cut, &e, &err) == ND_OK) {
		d = topic_doc_new(s + (cut < size ? cut + 1 : cut),
		    cut < size ? size - cut - 1 : 0, lang);
		(void)topic_expr_match(e, d);
		topic_doc_free(d);
		topic_expr_free(e);
	} else if (e != NULL || err.msg[0] == '\0')
		abort();	/* failure must say why and give nothing */
	name = xstrndup(s, cut);
	free(topic_slugify(name));
	free(name);
	return 0;
}
