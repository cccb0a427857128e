/* cmd_subscribe.c - newsdesk subscribe EMAIL --topic SLUG ... and
 * newsdesk subscribers list|show EMAIL|rm EMAIL. Without --confirmed a
 * subscription is a double opt-in: the confirmation mail goes out
 * through --deliver and nothing else is sent until it is confirmed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "mail/deliver.h"
#include "mail/outbox.h"
#include "mail/email.h"
#include "mail/follow.h"
#include "mail/schedule.h"

static void
subscribe_usage(FILE *fp)
{
	fputs("usage: newsdesk subscribe EMAIL --topic SLUG [--topic SLUG ...]\n"
	    "           [--tz ZONE] [--hour H] [--lang en|de] [--confirmed]\n"
	    "           [--deliver maildir:DIR|smtp://HOST:PORT]\n"
	    "           [--base-url URL] [--from ADDR]\n"
	    "       newsdesk subscribers list | show EMAIL | rm EMAIL\n", fp);
}

struct sub_args {
	struct strlist topics;
	struct follow_opts fo;
	const char *deliver;
	int confirmed;
};

/* "7" -> 7 in 0..23, else -1. */
static int
subscribe_hour(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return (*s && *end == '\0' && v >= 0 && v <= 23) ? (int)v : -1;
}

static int
subscribe_parse(int argc, char **argv, struct sub_args *a)
{
	static const struct option opts[] = {
		{"topic", required_argument, NULL, 't'},
		{"tz", required_argument, NULL, 'z'},
		{"hour", required_argument, NULL, 'H'},
		{"lang", required_argument, NULL, 'l'},
		{"confirmed", no_argument, NULL, 'c'},
		{"deliver", required_argument, NULL, 'd'},
		{"base-url", required_argument, NULL, 'b'},
		{"from", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0}};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "t:z:H:l:cd:b:f:", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 't': strlist_push(&a->topics, optarg); break;
		case 'z': a->fo.tz = optarg; break;
		case 'l': a->fo.lang = optarg; break;
		case 'c': a->confirmed = 1; break;
		case 'd': a->deliver = optarg; break;
		case 'b': a->fo.base_url = optarg; break;
		case 'f': a->fo.from = optarg; break;
		case 'H':
			if ((a->fo.hour = subscribe_hour(optarg)) < 0) {
				cli_error("hour '%s' is not 0 to 23", optarg);
				return 2;
			}
			break;
		default: return 2;
		}
	}
	if (argc - optind != 1 || a->topics.n == 0)
		return 2;
	return -1;
}

/* --confirmed: store directly, no mail. */
static int
subscribe_direct(struct store *s, const char *email, struct sub_args *a)
{
	struct buf addr = BUF_INIT;
	struct reader r;
	struct nd_error err;
	int rc = 1;

	if (email_normalize(email, strlen(email), &addr, &err) != ND_OK)
		goto out;
	if (a->fo.tz && !schedule_tz_valid(a->fo.tz)) {
		nd_error_set(&err, ND_EINVAL, "unknown time zone '%s'",
		    a->fo.tz);
		goto out;
	}
	if (a->fo.lang && strcmp(a->fo.lang, "en") && strcmp(a->fo.lang,
	    "de")) {
		nd_error_set(&err, ND_EINVAL, "language '%s' is not offered "
		    "(en, de)", a->fo.lang);
		goto out;
	}
	memset(&r, 0, sizeof(r));
	r.email = addr.ptr;
	r.lang = (char *)a->fo.lang;
	r.tz = (char *)a->fo.tz;
	r.hour = a->fo.hour;
	r.confirmed_at = a->fo.now;
	r.topics = a->topics;
	if (store_reader_put(s, &r, a->fo.now, &err) == ND_OK) {
		printf("%s follows %zu topic%s (confirmed)\n", addr.ptr,
		    a->topics.n, a->topics.n == 1 ? "" : "s");
		rc = 0;
	}
out:
	if (rc)
		cli_error("%s", err.msg);
	buf_release(&addr);
	return rc;
}

static int
subscribe_optin(struct store *s, const char *email, struct sub_args *a)
{
	struct outbox_stats st;
	struct nd_error err;

	/* queued in the outbox, then delivered through --deliver at once */
	memset(&st, 0, sizeof(st));
	if (follow_request(s, &a->fo, email, &a->topics, &err) != ND_OK ||
	    cli_outbox_flush(s, a->deliver, &st, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (st.retry + st.failed) {
		cli_error("confirmation to '%s' is queued, but the relay did "
		    "not take it yet (newsdesk outbox --status)", email);
		return 1;
	}
	printf("confirmation sent to %s\n", email);
	return 0;
}

int
cmd_subscribe(const struct cli_global *g, int argc, char **argv)
{
	struct sub_args a;
	struct store *s;
	int rc;

	memset(&a, 0, sizeof(a));
	a.fo.hour = -1;
	a.fo.now = (int64_t)time(NULL);
	a.fo.base_url = "http://127.0.0.1:8080";
	a.fo.from = "digest@localhost";
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		subscribe_usage(stdout);
		return 0;
	}
	if ((rc = subscribe_parse(argc, argv, &a)) >= 0) {
		subscribe_usage(stderr);
		strlist_release(&a.topics);
		return rc;
	}
	if ((s = cli_store_open(g)) == NULL) {
		strlist_release(&a.topics);
		return 1;
	}
	rc = a.confirmed ? subscribe_direct(s, argv[optind], &a) :
	    subscribe_optin(s, argv[optind], &a);
	store_close(s);
	strlist_release(&a.topics);
	return rc;
}
