/* cmd_topic.c - newsdesk topic add|list|rm. Every change re-tags the
 * stored articles so that topic pages agree with the rules. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ingest/classify.h"
#include "topic/topic.h"

static void
topic_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] topic add NAME [--slug SLUG] "
	    "--match EXPR\n"
	    "       newsdesk [--db DSN] topic list\n"
	    "       newsdesk [--db DSN] topic rm SLUG\n\n"
	    "EXPR: words, \"phrases in quotes\", AND, OR, NOT and parentheses;\n"
	    "words side by side mean AND. Matching ignores case and accents\n"
	    "and tolerates inflection: election matches elections.\n"
	    "Example: --match '\"climate change\" OR (emissions NOT football)'\n",
	    fp);
}

struct topic_retag {
	struct store *store;
	struct classify *classify;
	size_t changed;
};

static enum nd_err
topic_retag_one(struct article *a, void *arg)
{
	struct topic_retag *t = arg;
	struct strlist before = a->topics;
	struct nd_error err;
	size_t i;
	int same;

	memset(&a->topics, 0, sizeof(a->topics));
	classify_topics(t->classify, a);
	same = before.n == a->topics.n;
	for (i = 0; same && i < before.n; i++)
		same = strlist_has(&a->topics, before.v[i]);
	strlist_release(&before);
	if (same)
		return ND_OK;
	t->changed++;
	return store_article_set_topics(t->store, a->id, &a->topics, &err);
}

/* Apply the current topic rules to every stored article. */
static int
topic_retag(struct store *s, int quiet)
{
	struct topic_retag t = {s, NULL, 0};
	struct topic_list tl = {NULL, 0};
	struct nd_error err;
	int rc = 0;

	if (store_topic_list(s, &tl, &err) != ND_OK ||
	    classify_new(&tl, &t.classify, &err) != ND_OK ||
	    store_article_each(s, topic_retag_one, &t, &err) != ND_OK) {
		cli_error("%s", err.msg);
		rc = 1;
	} else if (!quiet)
		printf("re-tagged %zu article%s\n", t.changed,
		    t.changed == 1 ? "" : "s");
	classify_free(t.classify);
	topic_list_release(&tl);
	return rc;
}

static int
topic_add(struct store *s, int argc, char **argv, int quiet)
{
	static const struct option opts[] = {
		{"slug", required_argument, NULL, 's'},
		{"match", required_argument, NULL, 'm'},
		{NULL, 0, NULL, 0}};
	struct topic t = {0, NULL, NULL, NULL};
	struct topic_expr *e = NULL;
	struct nd_error err;
	char *slug = NULL;
	int c, rc = 2;

	optind = 0;
	while ((c = getopt_long(argc, argv, "s:m:", opts, NULL)) != -1) {
		if (c == 's')
			t.slug = optarg;
		else if (c == 'm')
			t.expr = optarg;
		else
			goto usage;
	}
	if (argc - optind != 1 || t.expr == NULL)
		goto usage;
	t.name = argv[optind];
	if (t.slug == NULL && (t.slug = slug = topic_slugify(t.name)) == NULL) {
		cli_error("cannot make a slug of '%s'; give --slug", t.name);
		return 2;
	}
	if (topic_expr_parse(t.expr, strlen(t.expr), &e, &err) != ND_OK) {
		cli_error("bad rule for topic '%s': %s", t.name, err.msg);
		rc = 1;
	} else if (store_topic_put(s, &t, &err) != ND_OK) {
		cli_error("%s", err.msg);
		rc = 1;
	} else {
		if (!quiet)
			printf("topic '%s' (%s) saved\n", t.name, t.slug);
		rc = topic_retag(s, quiet);
	}
	topic_expr_free(e);
	free(slug);
	return rc;
usage:
	topic_usage(stderr);
	return 2;
}

static int
topic_list(struct store *s)
{
	struct topic_list tl = {NULL, 0};
	struct nd_error err;
	size_t i;

	if (store_topic_list(s, &tl, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	for (i = 0; i < tl.n; i++)
		printf("%s\t%s\t%s\n", tl.v[i].slug, tl.v[i].name, tl.v[i].expr);
	topic_list_release(&tl);
	return 0;
}

static int
topic_rm(struct store *s, int argc, char **argv, int quiet)
{
	struct nd_error err;

	if (argc != 2) {
		topic_usage(stderr);
		return 2;
	}
	if (store_topic_rm(s, argv[1], &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("topic '%s' removed\n", argv[1]);
	return 0;
}

int
cmd_topic(const struct cli_global *g, int argc, char **argv)
{
	struct store *s;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		topic_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "add") && strcmp(argv[1], "list") &&
	    strcmp(argv[1], "rm")) {
		cli_error("unknown topic command '%s'", argv[1]);
		topic_usage(stderr);
		return 2;
	}
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	if (strcmp(argv[1], "add") == 0)
		rc = topic_add(s, argc - 1, argv + 1, g->quiet);
	else if (strcmp(argv[1], "list") == 0)
		rc = topic_list(s);
	else
		rc = topic_rm(s, argc - 1, argv + 1, g->quiet);
	store_close(s);
	return rc;
}
