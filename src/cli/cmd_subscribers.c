/* cmd_subscribers.c - newsdesk subscribers list | show EMAIL | rm EMAIL
 * (operators only: the CLI is the one place an address is printed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mail/email.h"

static void
subscribers_print(const struct reader *r, int full)
{
	size_t i;

	printf("%s\t%s\t%s\t%02d:00\t%s", r->email, r->lang, r->tz, r->hour,
	    r->confirmed_at ? (r->paused ? "paused" : r->bouncing ?
	    "bouncing" : "confirmed") : "unconfirmed");
	for (i = 0; i < r->topics.n; i++)
		printf("%s%s", i ? "," : "\t", r->topics.v[i]);
	putchar('\n');
	if (full && r->last_date[0])
		printf("last digest\t%s\t%s\n", r->last_date, r->last_status);
}

static int
subscribers_list(struct store *s)
{
	struct reader_list l = {NULL, 0};
	struct nd_error err;
	int64_t after = 0;
	size_t i, got;

	do {
		if (store_reader_list(s, 0, after, 1000, &l, &err) != ND_OK) {
			cli_error("%s", err.msg);
			return 1;
		}
		got = l.n;
		for (i = 0; i < l.n; i++) {
			subscribers_print(&l.v[i], 0);
			after = l.v[i].id;
		}
		reader_list_release(&l);
	} while (got == 1000);
	return 0;
}

static int
subscribers_one(struct store *s, const char *email, int rm, int quiet)
{
	struct buf addr = BUF_INIT;
	struct reader *r = NULL;
	struct nd_error err;
	int rc = 1;

	if (email_normalize(email, strlen(email), &addr, &err) != ND_OK ||
	    store_reader_get(s, addr.ptr, &r, &err) != ND_OK ||
	    (rm && store_reader_rm(s, r->id, &err) != ND_OK))
		cli_error("%s", err.msg);
	else {
		if (!rm)
			subscribers_print(r, 1);
		else if (!quiet)
			printf("%s removed\n", addr.ptr);
		rc = 0;
	}
	if (r)
		reader_release(r);
	free(r);
	buf_release(&addr);
	return rc;
}

int
cmd_subscribers(const struct cli_global *g, int argc, char **argv)
{
	struct store *s;
	int rc, list = argc == 2 && strcmp(argv[1], "list") == 0;
	int one = argc == 3 && (!strcmp(argv[1], "show") ||
	    !strcmp(argv[1], "rm"));

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1],
	    "-h"))) {
		fputs("usage: newsdesk subscribers list | show EMAIL | rm "
		    "EMAIL\n", stdout);
		return 0;
	}
	if (!list && !one) {
		fputs("usage: newsdesk subscribers list | show EMAIL | rm "
		    "EMAIL\n", stderr);
		return 2;
	}
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	rc = list ? subscribers_list(s) : subscribers_one(s, argv[2],
	    !strcmp(argv[1], "rm"), g->quiet);
	store_close(s);
	return rc;
}
