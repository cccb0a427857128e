/* fuzz_feed.c - libFuzzer target for feed_sniff() and feed_parse().
 *
 * Each input is parsed with and without a base URL; everything parsed is
 * walked (so sanitizers see every string) and released.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "ingest/feed.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_feed_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
fuzz_feed_quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, fuzz_feed_quiet);
	xmlSetStructuredErrorFunc(NULL, fuzz_feed_quiet_structured);
	return 0;
}

static size_t
fuzz_feed_touch(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

static void
fuzz_feed_walk(const struct feed *f)
{
	size_t i, j, total = 0;

	for (i = 0; i < f->n; i++) {
		const struct article *a = f->entries[i].art;

		total += fuzz_feed_touch(a->url) + fuzz_feed_touch(a->headline) +
		    fuzz_feed_touch(a->standfirst) +
		    fuzz_feed_touch(a->image_url) + fuzz_feed_touch(a->lang) +
		    fuzz_feed_touch(a->section) + fuzz_feed_touch(a->source);
		for (j = 0; j < a->body.n; j++)
			total += fuzz_feed_touch(a->body.v[j]);
		for (j = 0; j < a->byline.n; j++)
			total += fuzz_feed_touch(a->byline.v[j]);
	}
	(void)total;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nd_error err;
	struct feed f;

	(void)feed_sniff((const char *)data, size);
	if (feed_parse((const char *)data, size, NULL, "fuzz", &f, &err) ==
	    ND_OK) {
		fuzz_feed_walk(&f);
		feed_release(&f);
	}
	if (feed_parse((const char *)data, size, "https://example.org/a/b",
	    "fuzz", &f, &err) == ND_OK) {
		fuzz_feed_walk(&f);
		feed_release(&f);
	}
	return 0;
}
