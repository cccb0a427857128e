/* cmd_extract.c - newsdesk extract: print the article(s) of one input as
 * JSON without storing anything. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "ingest/ingest.h"

static void
extract_usage(FILE *fp)
{
	fputs("usage: newsdesk extract [--format auto|html|text|feed] "
	    "[--url URL] [--no-fetch]\n\t\t\t\t[--max-bytes N] FILE|URL|-\n\n"
	    "Print the article in a page (HTML or flattened text) as a JSON\n"
	    "object, or the articles of an RSS/Atom feed as a JSON array.\n\n"
	    "  --format F   input kind; auto (default) looks at the content\n"
	    "  --url URL    the address FILE was saved from (for links)\n"
	    "  --no-fetch   do not fetch linked pages of summary-only feed\n"
	    "               entries\n"
	    "  --max-bytes N  refuse inputs larger than N bytes (k, M allowed;\n"
	    "               default 16M)\n", fp);
}

int
cmd_extract(const struct cli_global *g, int argc, char **argv)
{
	struct ingest_opts o;
	struct article_list list = ARTICLE_LIST_INIT;
	struct nd_error err;
	json_t *j;
	size_t i;
	int rc, is_feed;

	(void)g;
	memset(&o, 0, sizeof(o));
	o.warn = cli_warn;
	if ((rc = cli_ingest_options(argc, argv, &o, extract_usage)) >= 0)
		return rc;
	if (argc - optind != 1) {
		cli_error("extract takes exactly one FILE, URL or '-'");
		extract_usage(stderr);
		return 2;
	}
	if (ingest_read(argv[optind], &o, &list, &is_feed, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (is_feed) {
		j = json_array();
		for (i = 0; i < list.n; i++)
			json_array_append_new(j, article_to_json(list.v[i], 0));
	} else
		j = article_to_json(list.v[0], 0);
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(j);
	article_list_release(&list);
	return 0;
}
