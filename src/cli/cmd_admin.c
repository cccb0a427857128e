/* cmd_admin.c - newsdesk admin add EMAIL | rm EMAIL | list: the
 * readers who may moderate on the site's /admin page. "add" creates
 * the reader when the address is new (they sign in by email link like
 * any reader). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "mail/email.h"

#define ADMIN_USAGE "usage: newsdesk admin add EMAIL | rm EMAIL | list\n"

static int
admin_list(struct store *s)
{
	struct strlist l = STRLIST_INIT;
	struct nd_error err;
	size_t i;

	if (store_admin_list(s, &l, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	for (i = 0; i < l.n; i++)
		printf("%s\n", l.v[i]);
	strlist_release(&l);
	return 0;
}

/* The reader with address addr; created (hour and language defaults)
 * when create is set and there is none. */
static enum nd_err
admin_reader(struct store *s, const char *addr, int create, int64_t *id,
    struct nd_error *err)
{
	struct reader *r = NULL, nr;
	enum nd_err e;

	e = store_reader_get(s, addr, &r, err);
	if (e == ND_OK)
		*id = r->id;
	if (r)
		reader_release(r);
	free(r);
	if (e != ND_ENOTFOUND || !create)
		return e;
	memset(&nr, 0, sizeof(nr));
	nr.email = (char *)addr;
	nr.hour = -1;
	if ((e = store_reader_put(s, &nr, (int64_t)time(NULL), err)) == ND_OK)
		*id = nr.id;
	return e;
}

static int
admin_one(struct store *s, const char *email, int add, int quiet)
{
	struct buf addr = BUF_INIT;
	struct nd_error err;
	int64_t id = 0;
	int rc = 1;

	if (email_normalize(email, strlen(email), &addr, &err) != ND_OK ||
	    admin_reader(s, addr.ptr, add, &id, &err) != ND_OK ||
	    store_admin_set(s, id, add, &err) != ND_OK)
		cli_error("%s", err.msg);
	else {
		if (!quiet)
			printf("%s %s\n", addr.ptr, add ? "is an admin" :
			    "is no longer an admin");
		rc = 0;
	}
	buf_release(&addr);
	return rc;
}

int
cmd_admin(const struct cli_global *g, int argc, char **argv)
{
	struct store *s;
	int rc, list = argc == 2 && strcmp(argv[1], "list") == 0;
	int one = argc == 3 && (!strcmp(argv[1], "add") ||
	    !strcmp(argv[1], "rm"));

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1],
	    "-h"))) {
		fputs(ADMIN_USAGE, stdout);
		return 0;
	}
	if (!list && !one) {
		fputs(ADMIN_USAGE, stderr);
		return 2;
	}
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	rc = list ? admin_list(s) : admin_one(s, argv[2],
	    !strcmp(argv[1], "add"), g->quiet);
	store_close(s);
	return rc;
}
