/* fuzz_web_input.c - libFuzzer target for the web layer's parsers of
 * untrusted input: urlencoded forms with field validation, .po text and
 * Accept-Language negotiation. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct field_spec specs[] = {
		{"q", FIELD_TEXT, 256, 0}, {"email", FIELD_EMAIL, 254, 0},
		{"topic", FIELD_SLUG, 64, 0}, {"page", FIELD_UINT, 4, 0},
		{NULL, 0, 0, 0}};
	const char *val[8];
	int64_t num[8];
	struct form f;
	struct i18n *c = NULL;
	char *s;

	form_init(&f);
	if (form_parse(&f, (const char *)data, size, NULL) == ND_OK)
		form_check(&f, specs, 8, val, num, NULL);
	form_release(&f);
	if (i18n_new("en", NULL, &c, NULL) == ND_OK) {
		i18n_parse_po(c, (const char *)data, size, "fuzz", NULL);
		i18n_free(c);
	}
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	i18n_negotiate(NULL, NULL, s);
	free(s);
	return 0;
}
