/* cmd_ingest.c - newsdesk ingest: extract and store articles, one
 * transaction each, printing every stored article's id on its own line. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ingest/classify.h"

struct ingest_run {
	struct store *store;
	struct classify *classify;
	int progress;		/* draw a bar on stderr */
	size_t done, total;
	int failed;
};

static void
ingest_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] ingest [--format auto|html|text|feed] "
	    "[--url URL] [--no-fetch]\n\t\t\t\t[--max-bytes N] INPUT...\n\n"
	    "Extract articles from each INPUT (a file, a URL or '-') and store\n"
	    "them: one transaction per article, the same canonical URL updates\n"
	    "the stored article. Prints the id of every stored article.\n\n"
	    "  --format F   input kind; auto (default) looks at the content\n"
	    "  --url URL    the address the (single) FILE was saved from\n"
	    "  --no-fetch   do not fetch linked pages of summary-only feed\n"
	    "               entries\n"
	    "  --max-bytes N  refuse inputs larger than N bytes (k, M allowed;\n"
	    "               default 16M)\n", fp);
}

static void
ingest_progress(struct ingest_run *r)
{
	size_t width = 30, fill;

	if (!r->progress)
		return;
	fill = r->total ? r->done * width / r->total : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu", (int)fill,
	    "##############################", (int)(width - fill), "",
	    r->done, r->total);
	if (r->done == r->total)
		fputc('\n', stderr);
	fflush(stderr);
}

static void
ingest_store(struct ingest_run *r, struct article *a, const char *input)
{
	struct nd_error err;
	enum store_put what;

	classify_topics(r->classify, a);
	if (store_article_put(r->store, a, &what, &err) != ND_OK) {
		cli_error("cannot store an article of '%s': %s", input,
		    err.msg);
		r->failed = 1;
		return;
	}
	printf("%lld\n", (long long)a->id);
	fflush(stdout);
}

static void
ingest_one(struct ingest_run *r, const char *input,
    const struct ingest_opts *o)
{
	struct article_list list = ARTICLE_LIST_INIT;
	struct nd_error err;
	size_t i;
	int is_feed;

	if (ingest_read(input, o, &list, &is_feed, &err) != ND_OK) {
		cli_error("%s", err.msg);
		r->failed = 1;
		return;
	}
	for (i = 0; i < list.n; i++)
		ingest_store(r, list.v[i], input);
	article_list_release(&list);
}

static int
ingest_classifier(struct ingest_run *r)
{
	struct topic_list tl = {NULL, 0};
	struct nd_error err;
	int rc = 0;

	if (store_topic_list(r->store, &tl, &err) != ND_OK ||
	    classify_new(&tl, &r->classify, &err) != ND_OK) {
		cli_error("%s", err.msg);
		rc = -1;
	}
	topic_list_release(&tl);
	return rc;
}

int
cmd_ingest(const struct cli_global *g, int argc, char **argv)
{
	struct ingest_opts o;
	struct ingest_run r;
	int rc, i;

	memset(&o, 0, sizeof(o));
	memset(&r, 0, sizeof(r));
	o.warn = cli_warn;
	if ((rc = cli_ingest_options(argc, argv, &o, ingest_usage)) >= 0)
		return rc;
	if (optind >= argc) {
		cli_error("ingest needs at least one FILE, URL or '-'");
		ingest_usage(stderr);
		return 2;
	}
	if (o.url && argc - optind > 1) {
		cli_error("--url applies to a single input");
		return 2;
	}
	if ((r.store = cli_store_open(g)) == NULL)
		return 1;
	if (ingest_classifier(&r) == 0) {
		r.progress = !g->quiet && isatty(STDERR_FILENO);
		r.total = (size_t)(argc - optind);
		for (i = optind; i < argc; i++) {
			ingest_one(&r, argv[i], &o);
			r.done++;
			ingest_progress(&r);
		}
	} else
		r.failed = 1;
	classify_free(r.classify);
	store_close(r.store);
	return r.failed ? 1 : 0;
}
