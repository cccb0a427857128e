/* comment_fx.h - a fresh migrated SQLite store in a temporary folder with
 * two articles, for the comment tests. */
#ifndef ND_COMMENT_FX_H
#define ND_COMMENT_FX_H

#include <stdio.h>
#include <unistd.h>

#include "store/store.h"
#include "util/xalloc.h"

struct cfx {
	char dir[64];
	char dsn[96];
	struct store *s;
	int64_t a1, a2;		/* article ids */
};

static int64_t
cfx_article(struct store *s, const char *url)
{
	struct article *a = article_new();
	struct nd_error err;
	int64_t id;

	a->url = xstrdup(url);
	a->headline = xstrdup("A headline");
	strlist_push(&a->body, "One paragraph.");
	a->comment_count = 7;	/* as scraped: a comment recount replaces it */
	if (store_article_put(s, a, NULL, &err) != ND_OK)
		fail_msg("%s", err.msg);
	id = a->id;
	article_free(a);
	return id;
}

static int
cfx_setup(void **state)
{
	struct cfx *f = xcalloc(1, sizeof(*f));
	struct nd_error err;

	snprintf(f->dir, sizeof(f->dir), "/tmp/nd-cmt-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->dsn, sizeof(f->dsn), "%s/c.db", f->dir);
	if (store_open(f->dsn, &f->s, &err) != ND_OK ||
	    store_migrate(f->s, NULL, NULL, &err) != ND_OK) {
		print_error("%s\n", err.msg);
		return -1;
	}
	f->a1 = cfx_article(f->s, "https://example.org/one");
	f->a2 = cfx_article(f->s, "https://example.org/two");
	*state = f;
	return 0;
}

static int
cfx_teardown(void **state)
{
	struct cfx *f = *state;
	char p[128];
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	size_t i;

	store_close(f->s);
	for (i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s%s", f->dsn, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* comment_count of article id as stored. */
static int64_t
cfx_count(struct store *s, int64_t id)
{
	struct article *a;
	struct nd_error err;
	int64_t n;

	if (store_article_get(s, id, &a, &err) != ND_OK)
		fail_msg("%s", err.msg);
	n = a->comment_count;
	article_free(a);
	return n;
}

#endif
