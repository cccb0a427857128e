/* cmd_serve.c - newsdesk serve: run the site until SIGINT or SIGTERM. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/serve_sched.h"
#include "comments/comments.h"
#include "mail/deliver.h"
#include "web/server.h"

static void
serve_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] serve [--listen HOST:PORT] "
	    "[--base-url URL] [--po-dir DIR]\n"
	    "       [--trust-proxy] [--moderation all|first|none] "
	    "[--comment-min-fill SECONDS]\n"
	    "       [--deliver maildir:DIR|smtp://HOST:PORT] [--from ADDR] "
	    "[--no-digest]\n"
	    "       [--digest-every SECONDS]\n\n"
	    "Serve the store over HTTP (default 127.0.0.1:8080) until SIGINT\n"
	    "or SIGTERM. /healthz answers 200 while the store is reachable.\n"
	    "--base-url is the public address used in share links and feeds\n"
	    "(default http://LISTEN); --po-dir holds de.po (default po).\n"
	    "--trust-proxy takes the client address from the last\n"
	    "X-Forwarded-For entry (only behind a proxy that sets it).\n"
	    "--moderation: which comments wait for approval (default first);\n"
	    "--comment-min-fill: a form sent back faster is spam (default 3).\n"
	    "--deliver: where mail goes (default maildir:var/mail), the\n"
	    "same setting as digest --deliver; --from: its sender. Reader\n"
	    "mails (sign-in, confirmations, comment notices) are queued in\n"
	    "the store's outbox and sent from there at once, retried with\n"
	    "backoff while the relay answers 4xx (newsdesk outbox --status).\n"
	    "Every minute serve sends the due Daily Digests as `newsdesk\n"
	    "digest` would, through --deliver (--digest-every: another\n"
	    "period, 1 to 3600 s); --no-digest turns that off.\n",
	    fp);
}

/* --moderation / --comment-min-fill into p; -1 (after a message) when
 * the value is wrong. */
static int
serve_policy(struct comments_policy *p, int opt, const char *arg)
{
	char *end;
	long v;
	int m;

	if (opt == 'm') {
		if ((m = comments_moderation_parse(arg)) < 0) {
			cli_error("moderation must be all, first or none, not "
			    "'%s'", arg);
			return -1;
		}
		p->moderation = (enum comments_moderation)m;
		return 0;
	}
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0 || v > 3600) {
		cli_error("comment-min-fill must be 0 to 3600 seconds, not "
		    "'%s'", arg);
		return -1;
	}
	p->min_fill_seconds = v;
	return 0;
}

/* Block the stop signals (threads inherit the mask) and wait for one. */
static int
serve_wait(sigset_t *set)
{
	int sig = 0;

	sigwait(set, &sig);
	return sig;
}

/* --digest-every: 1 to 3600 seconds, else -1 after a message. */
static int
serve_every(const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 1 || v > 3600) {
		cli_error("digest-every must be 1 to 3600 seconds, not '%s'",
		    arg);
		return -1;
	}
	return (int)v;
}

/* Start the digest scheduler with the serve's settings; base receives
 * the default base URL (http://LISTEN) when there is no --base-url. */
static enum nd_err
serve_digest(const struct cli_global *g, const struct server_config *cfg,
    const char *deliver_spec, int digest, int every, struct buf *base,
    struct serve_sched **out, struct nd_error *err)
{
	struct serve_sched_config sc;

	if (cfg->base_url == NULL)
		buf_printf(base, "http://%s", cfg->listen);
	memset(&sc, 0, sizeof(sc));
	sc.dsn = g->db;
	sc.deliver = deliver_spec;
	sc.base_url = cfg->base_url ? cfg->base_url : base->ptr;
	sc.from = cfg->mail_from;
	sc.quiet = g->quiet;
	sc.interval = every;
	sc.digest = digest;
	return serve_sched_start(&sc, out, err);
}

int
cmd_serve(const struct cli_global *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"base-url", required_argument, NULL, 'b'},
		{"po-dir", required_argument, NULL, 'p'},
		{"trust-proxy", no_argument, NULL, 't'},
		{"moderation", required_argument, NULL, 'm'},
		{"comment-min-fill", required_argument, NULL, 'f'},
		{"deliver", required_argument, NULL, 'd'},
		{"from", required_argument, NULL, 'F'},
		{"no-digest", no_argument, NULL, 'N'},
		{"digest-every", required_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	struct server_config cfg;
	const char *deliver_spec = DELIVER_DEFAULT;
	struct server *srv = NULL;
	struct serve_sched *sched = NULL;
	struct buf base = BUF_INIT;
	int digest = 1, every = 60;
	struct store *s;
	struct nd_error err;
	sigset_t set;
	int c, sig;

	memset(&cfg, 0, sizeof(cfg));
	cfg.listen = "127.0.0.1:8080";
	cfg.mail_from = "newsdesk@localhost";
	cfg.mail = 1;
	cfg.mail_queued = serve_sched_wake;
	comments_policy_default(&cfg.comments);
	optind = 0;
	while ((c = getopt_long(argc, argv, "l:b:p:h", opts, NULL)) != -1) {
		if (c == 'l')
			cfg.listen = optarg;
		else if (c == 'b')
			cfg.base_url = optarg;
		else if (c == 'p')
			cfg.po_dir = optarg;
		else if (c == 't')
			cfg.trust_proxy = 1;
		else if (c == 'd')
			deliver_spec = optarg;
		else if (c == 'F')
			cfg.mail_from = optarg;
		else if (c == 'N')
			digest = 0;
		else if (c == 'E' && (every = serve_every(optarg)) > 0)
			continue;
		else if ((c == 'm' || c == 'f') &&
		    serve_policy(&cfg.comments, c, optarg) == 0)
			continue;
		else {
			serve_usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? 0 : 2;
		}
	}
	if (optind != argc) {
		serve_usage(stderr);
		return 2;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	/* the mail thread first: the server's requests wake it */
	if (serve_digest(g, &cfg, deliver_spec, digest, every, &base,
	    &sched, &err) == ND_OK) {
		cfg.mail_queued_arg = sched;
		server_start(&cfg, s, &srv, &err);
	}
	if (srv == NULL) {
		cli_error("%s", err.msg);
		serve_sched_stop(sched);
		store_close(s);
		buf_release(&base);
		return 1;
	}
	if (!g->quiet)
		fprintf(stderr, "newsdesk: serving '%s' on http://%s/\n", g->db,
		    cfg.listen);
	sig = serve_wait(&set);
	if (!g->quiet)
		fprintf(stderr, "newsdesk: %s received, stopping\n",
		    sig == SIGINT ? "SIGINT" : "SIGTERM");
	server_stop(srv);
	serve_sched_stop(sched);
	store_close(s);
	buf_release(&base);
	return 0;
}
