/* fuzz_extract_text.c - libFuzzer target for extract_text(). */
#include <stddef.h>
#include <stdint.h>

#include "ingest/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_opts o = {NULL, "fuzz.txt", 1u << 20};
	struct article *a = NULL;
	struct nd_error err;

	if (extract_text((const char *)data, size, &o, &a, &err) == ND_OK)
		article_free(a);
	return 0;
}
