/* cli.c - helpers shared by the command files. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
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

/* "4096", "64k", "16M" -> bytes; 0 on success, -1 on anything else. */
static int
cli_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-' || v == 0)
		return -1;
	if (*end == 'k' || *end == 'K') {
		v <<= 10;
		end++;
	} else if (*end == 'M') {
		v <<= 20;
		end++;
	}
	if (*end != '\0' || v > (1ull << 32))
		return -1;
	*out = (size_t)v;
	return 0;
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
		{"max-bytes", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int c, f;

	optind = 0;
	while ((c = getopt_long(argc, argv, "f:u:nm:h", opts, NULL)) != -1) {
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
		case 'm':
			if (cli_size(optarg, &o->max_bytes) != 0) {
				cli_error("--max-bytes wants a size in bytes "
				    "(with k or M), not '%s'", optarg);
				return 2;
			}
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
