/* cmd_serve.c - newsdesk serve: run the site until SIGINT or SIGTERM. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

#include "cli/cli.h"
#include "web/server.h"

static void
serve_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] serve [--listen HOST:PORT] "
	    "[--base-url URL] [--po-dir DIR]\n\n"
	    "Serve the store over HTTP (default 127.0.0.1:8080) until SIGINT\n"
	    "or SIGTERM. /healthz answers 200 while the store is reachable.\n"
	    "--base-url is the public address used in share links and feeds\n"
	    "(default http://LISTEN); --po-dir holds de.po (default po).\n",
	    fp);
}

/* Block the stop signals (threads inherit the mask) and wait for one. */
static int
serve_wait(sigset_t *set)
{
	int sig = 0;

	sigwait(set, &sig);
	return sig;
}

int
cmd_serve(const struct cli_global *g, int argc, char **argv)
{
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"base-url", required_argument, NULL, 'b'},
		{"po-dir", required_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	struct server_config cfg = {"127.0.0.1:8080", NULL, NULL};
	struct server *srv = NULL;
	struct store *s;
	struct nd_error err;
	sigset_t set;
	int c, sig;

	optind = 0;
	while ((c = getopt_long(argc, argv, "l:b:p:h", opts, NULL)) != -1) {
		if (c == 'l')
			cfg.listen = optarg;
		else if (c == 'b')
			cfg.base_url = optarg;
		else if (c == 'p')
			cfg.po_dir = optarg;
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
	if (server_start(&cfg, s, &srv, &err) != ND_OK) {
		cli_error("%s", err.msg);
		store_close(s);
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
	store_close(s);
	return 0;
}
