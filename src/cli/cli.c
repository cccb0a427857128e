/* cli.c - helpers shared by the command files. */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

struct store *
cli_store_open(const struct cli_global *g)
{
	struct store *s = NULL;
	struct nd_error err;

	if (store_open(g->db, &s, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return NULL;
	}
	if (store_migrate(s, NULL, NULL, &err) != ND_OK) {
		cli_error("%s", err.msg);
		store_close(s);
		return NULL;
	}
	return s;
}

void
cli_warn(const char *msg, void *arg)
{
	(void)arg;
	cli_error("warning: %s", msg);
}

/* Parse options into o; returns -1 to go on, else an exit status. */
int
cli_ingest_options(int argc, char **argv, struct ingest_opts *o,
    void (*usage)(FILE *))
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"url", required_argument, NULL, 'u'},
		{"no-fetch", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int c, f;

	optind = 0;
	while ((c = getopt_long(argc, argv, "f:u:nh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((f = ingest_format_parse(optarg)) < 0) {
				cli_error("unknown format '%s' (auto, html, "
				    "text or feed)", optarg);
				return 2;
			}
			o->format = (enum ingest_format)f;
			break;
		case 'u':
			o->url = optarg;
			break;
		case 'n':
			o->no_fetch = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	return -1;
}
