/* cmd_digest.c - newsdesk digest: send every Daily Digest that is due,
 * or show today's counts with --status. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "mail/digest.h"
#include "util/timeutil.h"

static void
digest_usage(FILE *fp)
{
	fputs("usage: newsdesk digest [--at YYYY-MM-DDTHH:MMZ] [--dry-run]\n"
	    "           [--deliver maildir:DIR|smtp://HOST:PORT] [--base-url URL]\n"
	    "           [--from ADDR] [--per-topic N] [--send-empty]\n"
	    "           [--connections N] [--rate MSGS_PER_S] [--require-tls]\n"
	    "           [--stale SECONDS] [--max-failures N]\n"
	    "       newsdesk digest --status [--at ...]\n", fp);
}

/* A bounded non-negative integer option; -1 when malformed. */
static long
digest_num(const char *s, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return -1;
	return v;
}

struct digest_args {
	struct digest_opts o;
	struct deliver_opts d;
	const char *deliver;
	int status;
};

static int
digest_opt(struct digest_args *a, int c, const char *arg)
{
	long v = 0;
	int has_time;

	switch (c) {
	case 'a':
		if (time_parse_iso(arg, strlen(arg), &a->o.now, &has_time) !=
		    ND_OK || !has_time) {
			cli_error("--at '%s' is not YYYY-MM-DDTHH:MMZ", arg);
			return 2;
		}
		return -1;
	case 'n': a->o.dry_run = 1; return -1;
	case 'd': a->deliver = arg; return -1;
	case 'b': a->o.base_url = arg; return -1;
	case 'f': a->o.from = arg; return -1;
	case 'e': a->o.send_empty = 1; return -1;
	case 'T': a->d.require_tls = 1; return -1;
	case 's': a->status = 1; return -1;
	case 'p': v = digest_num(arg, 1000); a->o.per_topic = (size_t)v; break;
	case 'c': v = digest_num(arg, 64); a->d.connections = (int)v; break;
	case 'r': v = digest_num(arg, 100000); a->d.rate = (double)v; break;
	case 'S': v = digest_num(arg, 86400 * 7); a->o.stale = v; break;
	case 'm': v = digest_num(arg, 1000); a->o.max_failures = (int)v; break;
	default: return 2;
	}
	if (v < 0 || (c == 'p' && v == 0)) {
		cli_error("bad number '%s'", arg);
		return 2;
	}
	return -1;
}

static int
digest_parse(int argc, char **argv, struct digest_args *a)
{
	static const struct option opts[] = {
		{"at", required_argument, NULL, 'a'},
		{"dry-run", no_argument, NULL, 'n'},
		{"deliver", required_argument, NULL, 'd'},
		{"base-url", required_argument, NULL, 'b'},
		{"from", required_argument, NULL, 'f'},
		{"per-topic", required_argument, NULL, 'p'},
		{"send-empty", no_argument, NULL, 'e'},
		{"connections", required_argument, NULL, 'c'},
		{"rate", required_argument, NULL, 'r'},
		{"require-tls", no_argument, NULL, 'T'},
		{"stale", required_argument, NULL, 'S'},
		{"max-failures", required_argument, NULL, 'm'},
		{"status", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'h') {
			digest_usage(stdout);
			return 0;
		}
		if ((rc = digest_opt(a, c, optarg)) >= 0) {
			digest_usage(stderr);
			return rc;
		}
	}
	if (optind != argc) {
		digest_usage(stderr);
		return 2;
	}
	return -1;
}

static int
digest_show_status(struct store *s, int64_t now)
{
	struct digest_status st;
	struct nd_error err;

	if (digest_status(s, now, &st, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	printf("readers %zu\nwaiting %zu\ndue %zu\nsent %zu\nfailed %zu\n"
	    "retrying %zu\nclaimed %zu\n", st.readers, st.waiting, st.due,
	    st.sent, st.failed, st.retrying, st.claimed);
	return 0;
}

static int
digest_send_all(struct store *s, struct digest_args *a, int quiet)
{
	struct deliver *d = NULL;
	struct digest_stats st;
	struct nd_error err;
	int rc = 0;

	if (!quiet && isatty(2))
		a->o.progress = stderr;
	if ((!a->o.dry_run && deliver_open(a->deliver, &a->d, &d, &err) !=
	    ND_OK) || digest_run(s, d, &a->o, &st, &err) != ND_OK) {
		cli_error("%s", err.msg);
		rc = 1;
	} else if (!quiet)
		printf("readers %zu due %zu empty %zu built %zu sent %zu "
		    "retry %zu failed %zu skipped %zu groups %zu bytes %zu\n",
		    st.readers, st.due, st.empty, st.built, st.sent, st.retry,
		    st.failed, st.skipped, st.groups, st.bytes);
	deliver_close(d);
	return rc;
}

int
cmd_digest(const struct cli_global *g, int argc, char **argv)
{
	struct digest_args a;
	struct store *s;
	int rc;

	memset(&a, 0, sizeof(a));
	digest_opts_init(&a.o);
	if ((rc = digest_parse(argc, argv, &a)) >= 0)
		return rc;
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	rc = a.status ? digest_show_status(s, a.o.now) :
	    digest_send_all(s, &a, g->quiet);
	store_close(s);
	return rc;
}
