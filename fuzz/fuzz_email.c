/* fuzz_email.c - libFuzzer target for email address normalization: any
 * bytes in; an accepted address must come back without controls, with
 * exactly one '@', within the length limits, and normalize to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/email.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out = BUF_INIT, again = BUF_INIT;
	struct nd_error err;
	size_t i, ats = 0;

	if (email_normalize((const char *)data, size, &out, &err) == ND_OK) {
		if (out.len > EMAIL_MAX)
			abort();
		for (i = 0; i < out.len; i++) {
			if ((unsigned char)out.ptr[i] < 0x21 ||
			    (unsigned char)out.ptr[i] >= 0x7f)
				abort();
			ats += out.ptr[i] == '@';
		}
		if (ats != 1)
			abort();
		if (email_normalize(out.ptr, out.len, &again, &err) != ND_OK ||
		    strcmp(again.ptr, out.ptr) != 0)
			abort();
	}
	buf_release(&out);
	buf_release(&again);
	return 0;
}
