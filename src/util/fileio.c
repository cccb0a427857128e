#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum nd_err
fileio_read(const char *path, size_t max, struct buf *out,
    struct nd_error *err)
{
	char chunk[65536];
	FILE *fp;
	size_t n;
	enum nd_err rc = ND_OK;
	int is_stdin = strcmp(path, "-") == 0;

	fp = is_stdin ? stdin : fopen(path, "rb");
	if (fp == NULL)
		return nd_error_set(err, ND_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (out->len + n > max) {
			rc = nd_error_set(err, ND_ELIMIT,
			    "'%s' is larger than the limit of %zu bytes",
			    path, max);
			goto out;
		}
		buf_put(out, chunk, n);
	}
	if (ferror(fp))
		rc = nd_error_set(err, ND_EIO, "cannot read '%s': %s", path,
		    strerror(errno));
out:
	if (!is_stdin)
		fclose(fp);
	return rc;
}
