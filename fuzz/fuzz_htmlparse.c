/* fuzz_htmlparse.c - libFuzzer target for htmlparse(): parse with small
 * limits (so the limits are reached too), then walk the whole tree and
 * check the links, the text lengths and every kept attribute. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/htmlparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_check(const struct html_node *root)
{
	const struct html_node *n = root, *c;
	size_t i;

	while (n) {
		if (n->type == HTML_TEXT && strlen(n->text) != n->len)
			abort();
		for (i = 0; i < n->nattrs; i++)
			if (n->attrs[i].id >= HA_MAX ||
			    strlen(n->attrs[i].value) != n->attrs[i].len)
				abort();
		for (c = n->first; c; c = c->next)
			if (c->parent != n)
				abort();
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n != root && n->next == NULL)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct htmlparse_limits lim = { 64, 2000 };
	struct html_doc *d;

	if (htmlparse((const char *)data, size, &lim, &d, NULL) != ND_OK)
		return 0;
	fuzz_check(d->root);
	htmlparse_free(d);
	return 0;
}
