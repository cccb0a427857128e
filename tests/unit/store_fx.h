/* store_fx.h - a fresh migrated SQLite store file in a temporary folder
 * for the unit tests that need a store of their own: sfx_open() makes
 * it (NULL and a printed error on failure), sfx_close() closes it and
 * removes the file, its WAL files and the folder. */
#ifndef ND_STORE_FX_H
#define ND_STORE_FX_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/store.h"
#include "util/xalloc.h"

struct fixture {
	char dir[64];		/* /tmp/nd-NAME-XXXXXX */
	char path[128];		/* DIR/s.db */
	struct store *s;
};

static inline struct fixture *
sfx_open(const char *name)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct nd_error err;

	snprintf(f->dir, sizeof(f->dir), "/tmp/nd-%s-XXXXXX", name);
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return NULL;
	}
	snprintf(f->path, sizeof(f->path), "%s/s.db", f->dir);
	if (store_open(f->path, &f->s, &err) != ND_OK ||
	    store_migrate(f->s, NULL, NULL, &err) != ND_OK) {
		fprintf(stderr, "%s\n", err.msg);
		store_close(f->s);
		rmdir(f->dir);
		free(f);
		return NULL;
	}
	return f;
}

static inline void
sfx_close(struct fixture *f)
{
	static const char *const sfx[] = {"", "-wal", "-shm"};
	char p[160];
	size_t i;

	store_close(f->s);
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", f->path, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
}

#endif
