/* fuzz_extract_html.c - libFuzzer target for extract_html(). */
#include <stddef.h>
#include <stdint.h>

#include "ingest/extract.h"
#include "store/article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_opts opts = { "https://fuzz.example/a/b", "fuzz", 0 };
	struct article *a = NULL;
	struct nd_error err;

	if (extract_html((const char *)data, size, &opts, &a, &err) == ND_OK)
		article_free(a);
	return 0;
}
