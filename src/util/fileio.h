/* fileio.h - reading whole inputs under a size limit. */
#ifndef ND_FILEIO_H
#define ND_FILEIO_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* Read path ("-" for standard input) into out, at most max bytes.
 * Returns ND_OK, ND_EIO (message names the file and errno text) or
 * ND_ELIMIT (message names the file and the limit). */
enum nd_err fileio_read(const char *path, size_t max, struct buf *out,
    struct nd_error *err);

#endif
