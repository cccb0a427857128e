/* main.c - global options and the command table (git.c style). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct cli_command commands[] = {
	{"init", cmd_init, "create the store or upgrade its schema"},
	{"extract", cmd_extract, "print the article(s) in a page, text or feed as JSON"},
	{"ingest", cmd_ingest, "extract and store articles from pages, texts and feeds"},
	{"topic", cmd_topic, "add, list or remove topics"},
	{"serve", cmd_serve, "serve the site over HTTP"},
	{"comments", cmd_comments, "moderate, export or erase reader comments"},
	{"subscribe", cmd_subscribe, "make an address follow topics (double opt-in unless --confirmed)"},
	{"subscribers", cmd_subscribers, "list, show or remove readers"},
	{"admin", cmd_admin, "mark readers as admins who moderate on /admin"},
	{"digest", cmd_digest, "send every Daily Digest that is due (--status: today's counts)"},
	{"outbox", cmd_outbox, "deliver queued reader mails (--deliver) or show the queue (--status)"},
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("newsdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
usage(FILE *fp)
{
	size_t i;

	fputs("usage: newsdesk [--db PATH|postgres://...] [--quiet] COMMAND [ARGS]\n"
	    "       newsdesk --help | --version | COMMAND --help\n\n"
	    "commands:\n", fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fputs("\noptions:\n"
	    "  --db DSN   store: a SQLite file (default var/newsdesk.db,\n"
	    "             or $NEWSDESK_DB) or a postgres:// URL\n"
	    "  --quiet    no progress output\n\n"
	    "exit status: 0 success, 1 failure, 2 misuse\n", fp);
}

int
main(int argc, char **argv)
{
	struct cli_global g = {NULL, 0};
	int i = 1;
	size_t k;

	g.db = getenv("NEWSDESK_DB");
	if (g.db == NULL || *g.db == '\0')
		g.db = "var/newsdesk.db";
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("newsdesk %s\n", ND_VERSION);
			return 0;
		} else if (strcmp(argv[i], "--quiet") == 0 ||
		    strcmp(argv[i], "-q") == 0) {
			g.quiet = 1;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			g.db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			g.db = argv[i] + 5;
		} else {
			cli_error("unknown option '%s'", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	for (k = 0; k < NCOMMANDS; k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return commands[k].run(&g, argc - i, argv + i);
	cli_error("unknown command '%s'", argv[i]);
	usage(stderr);
	return 2;
}
