/* cmd_init.c - newsdesk init: create the store or upgrade its schema. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void
init_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] init\n\n"
	    "Create the store named by --db (default var/newsdesk.db) or bring\n"
	    "its schema to the newest version. Running it again is harmless.\n",
	    fp);
}

int
cmd_init(const struct cli_global *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	struct store *s = NULL;
	struct nd_error err;
	int c, from = 0, to = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'h') {
			init_usage(stdout);
			return 0;
		}
		init_usage(stderr);
		return 2;
	}
	if (optind != argc) {
		cli_error("init takes no arguments");
		init_usage(stderr);
		return 2;
	}
	if (store_open(g->db, &s, &err) != ND_OK ||
	    store_migrate(s, &from, &to, &err) != ND_OK) {
		cli_error("%s", err.msg);
		store_close(s);
		return 1;
	}
	if (!g->quiet) {
		if (from == to)
			printf("store '%s' is at schema version %d\n", g->db, to);
		else
			printf("store '%s' upgraded from schema version %d "
			    "to %d\n", g->db, from, to);
	}
	store_close(s);
	return 0;
}
