/* cmd_outbox.c - newsdesk outbox: deliver the reader mails queued in the
 * store (sign-in links, confirmations, comment notices) or show the
 * queue; for operators who run the site without `newsdesk serve`, whose
 * scheduler thread otherwise delivers them. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "mail/outbox.h"

#define OUTBOX_SHOW	20	/* rows listed by --status */

static void
outbox_usage(FILE *fp)
{
	fputs("usage: newsdesk outbox [--deliver[=maildir:DIR|smtp://HOST:PORT]]"
	    " [--purge[=DAYS]] [--status]\n\n"
	    "--deliver: send every queued mail that is due (default\n"
	    "maildir:var/mail); --purge: delete mails sent or given up\n"
	    "more than DAYS (default 30) days ago; --status (the default):\n"
	    "counts and the newest mails that are not sent.\n", fp);
}

enum nd_err
cli_outbox_flush(struct store *s, const char *spec, struct outbox_stats *st,
    struct nd_error *err)
{
	struct deliver *d = NULL;
	enum nd_err e;

	if ((e = deliver_open(spec, NULL, &d, err)) != ND_OK)
		return e;
	e = outbox_deliver(s, d, (int64_t)time(NULL), st, err);
	deliver_close(d);
	return e;
}

static const char *
outbox_status_name(enum outbox_status st)
{
	return st == OUTBOX_SENT ? "sent" : st == OUTBOX_FAILED ? "failed" :
	    "queued";
}

static void
outbox_row(const struct outbox_msg *m)
{
	printf("%" PRId64 "\t%s\t%s\t%s\t%d\t%" PRId64 "\t%s\n", m->id,
	    outbox_status_name(m->status), m->kind, m->rcpt, m->attempts,
	    m->next_try, m->last_error ? m->last_error : "");
}

static int
outbox_show(struct store *s)
{
	struct outbox_counts c;
	struct outbox_list l;
	struct nd_error err;
	size_t i, shown = 0;

	memset(&l, 0, sizeof(l));
	if (store_outbox_count(s, (int64_t)time(NULL), &c, &err) != ND_OK ||
	    store_outbox_list(s, -1, 0, 0, &l, &err) != ND_OK) {
		cli_error("%s", err.msg);
		outbox_list_release(&l);
		return 1;
	}
	printf("due %" PRId64 ", waiting %" PRId64 ", sent %" PRId64
	    ", failed %" PRId64 "\n", c.due, c.waiting, c.sent, c.failed);
	for (i = 0; i < l.n && shown < OUTBOX_SHOW; i++)
		if (l.v[i].status != OUTBOX_SENT) {
			outbox_row(&l.v[i]);
			shown++;
		}
	outbox_list_release(&l);
	return 0;
}

static int
outbox_run(struct store *s, const char *spec, int quiet)
{
	struct outbox_stats st;
	struct nd_error err;

	memset(&st, 0, sizeof(st));
	if (cli_outbox_flush(s, spec, &st, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("%zu sent, %zu to retry, %zu failed\n", st.sent,
		    st.retry, st.failed);
	return 0;
}

/* DAYS of --purge=DAYS: a decimal 1..OUTBOX_PURGE_DAYS_MAX, else -1. */
static long
outbox_days(const char *v)
{
	char *end;
	long d;

	if (v == NULL)
		return STORE_OUTBOX_KEEP_DAYS;
	errno = 0;
	d = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || d < 1 ||
	    d > OUTBOX_PURGE_DAYS_MAX)
		return -1;
	return d;
}

static int
outbox_purge_run(struct store *s, long days, int quiet)
{
	struct nd_error err;
	int64_t n = 0;

	if (outbox_purge(s, (int64_t)time(NULL), days, &n, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("%" PRId64 " mails older than %ld days purged\n", n,
		    days);
	return 0;
}

int
cmd_outbox(const struct cli_global *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{"deliver", optional_argument, NULL, 'd'},
		{"status", no_argument, NULL, 's'},
		{"purge", optional_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *spec = DELIVER_DEFAULT;
	int c, deliver = 0, status = 0, rc = 0;
	long purge = 0;
	struct store *s;

	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd') {
			deliver = 1;
			if (optarg)
				spec = optarg;
		} else if (c == 's')
			status = 1;
		else if (c == 'p' && (purge = outbox_days(optarg)) < 0) {
			cli_error("purge age '%s' is not 1..%d days", optarg,
			    OUTBOX_PURGE_DAYS_MAX);
			return 2;
		} else if (c != 'p') {
			outbox_usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? 0 : 2;
		}
	}
	if (optind != argc) {
		outbox_usage(stderr);
		return 2;
	}
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	if (deliver)
		rc = outbox_run(s, spec, g->quiet);
	if (rc == 0 && purge > 0)
		rc = outbox_purge_run(s, purge, g->quiet);
	if (rc == 0 && (status || (!deliver && purge == 0)))
		rc = outbox_show(s);
	store_close(s);
	return rc;
}
