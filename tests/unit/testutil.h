/* testutil.h - includes and helpers shared by the cmocka unit tests. */
#ifndef ND_TESTUTIL_H
#define ND_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/fileio.h"

/* Read tests/data/NAME into a fresh NUL-terminated string (tests run from
 * the repository top). Fails the test if the file is missing. */
static inline char *
test_data(const char *name, size_t *len)
{
	struct buf path = BUF_INIT, b = BUF_INIT;
	struct nd_error err;

	buf_printf(&path, "tests/data/%s", name);
	if (fileio_read(path.ptr, 64u << 20, &b, &err) != ND_OK)
		fail_msg("%s", err.msg);
	buf_release(&path);
	return buf_detach(&b, len);
}

#endif
