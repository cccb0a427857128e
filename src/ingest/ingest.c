#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/classify.h"
#include "ingest/extract.h"
#include "ingest/feed.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define INGEST_MAX_BYTES (16u << 20)

int
ingest_format_parse(const char *s)
{
	static const char *const names[] = {"auto", "html", "text", "feed"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* Case-insensitive search for needle in the first n bytes of p. */
static int
ingest_has(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(p + i, needle, k) == 0)
			return 1;
	return 0;
}

enum ingest_format
ingest_sniff(const char *p, size_t n)
{
	size_t head = n < 4096 ? n : 4096, i = 0;

	if (feed_sniff(p, n))
		return INGEST_FEED;
	while (i < head && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' ||
	    p[i] == '\t' || (unsigned char)p[i] == 0xEF ||
	    (unsigned char)p[i] == 0xBB || (unsigned char)p[i] == 0xBF))
		i++;
	if (i < head && p[i] == '<' && (ingest_has(p, head, "<html") ||
	    ingest_has(p, head, "<!doctype html") ||
	    ingest_has(p, head, "<head") || ingest_has(p, head, "<body") ||
	    ingest_has(p, head, "<div") || ingest_has(p, head, "<p")))
		return INGEST_HTML;
	return INGEST_TEXT;
}

static void
ingest_warn(const struct ingest_opts *o, const char *msg)
{
	if (o->warn)
		o->warn(msg, o->warn_arg);
}

/* Read a file or fetch a URL into b; *url gets the address if any. */
static enum nd_err
ingest_load(const char *input, const struct ingest_opts *o, struct buf *b,
    char **url, struct nd_error *err)
{
	struct fetch_result res;
	struct fetch_opts fo = o->fetch;
	size_t max = o->max_bytes ? o->max_bytes : INGEST_MAX_BYTES;
	enum nd_err rc;

	*url = o->url ? xstrdup(o->url) : NULL;
	if (!fetch_is_url(input))
		return fileio_read(input, max, b, err);
	if (fo.max_bytes == 0)
		fo.max_bytes = max;
	fetch_result_init(&res);
	rc = fetch_url(input, &fo, &res, err);
	if (rc == ND_OK) {
		buf_put(b, res.body.ptr, res.body.len);
		free(*url);
		*url = xstrdup(o->url ? o->url :
		    res.final_url ? res.final_url : input);
	}
	fetch_result_release(&res);
	return rc;
}

static enum nd_err
ingest_page(const char *p, size_t n, enum ingest_format fmt, const char *url,
    const char *name, struct article **out, struct nd_error *err)
{
	struct extract_opts eo = {url, name, 0};

	eo.max_bytes = n + 1;
	if (fmt == INGEST_HTML)
		return extract_html(p, n, &eo, out, err);
	return extract_text(p, n, &eo, out, err);
}

/* Move *from into *to when *to is empty. */
static void
ingest_fill(char **to, char **from)
{
	if (*to == NULL && *from != NULL) {
		*to = *from;
		*from = NULL;
	}
}

/* The feed entry keeps its own url and dates; the page adds what the
 * entry lacks, above all the body. */
static void
ingest_merge(struct article *entry, struct article *page)
{
	ingest_fill(&entry->headline, &page->headline);
	ingest_fill(&entry->standfirst, &page->standfirst);
	ingest_fill(&entry->canonical_url, &page->canonical_url);
	ingest_fill(&entry->source, &page->source);
	ingest_fill(&entry->dateline, &page->dateline);
	ingest_fill(&entry->image_url, &page->image_url);
	ingest_fill(&entry->image_caption, &page->image_caption);
	ingest_fill(&entry->image_credit, &page->image_credit);
	ingest_fill(&entry->credits, &page->credits);
	ingest_fill(&entry->lang, &page->lang);
	ingest_fill(&entry->section, &page->section);
	if (entry->byline.n == 0) {
		entry->byline = page->byline;
		memset(&page->byline, 0, sizeof(page->byline));
	}
	if (page->body.n > entry->body.n) {
		strlist_release(&entry->body);
		entry->body = page->body;
		memset(&page->body, 0, sizeof(page->body));
	}
	if (entry->published == 0) {
		entry->published = page->published;
		entry->published_has_time = page->published_has_time;
	}
}

/* Fetch and extract the page of a summary-only entry; on failure the
 * entry stays as it is and a warning says why. */
static void
ingest_linked(struct article *a, const struct ingest_opts *o)
{
	struct ingest_opts po = *o;
	struct article_list pages = ARTICLE_LIST_INIT;
	struct nd_error err;
	struct buf msg = BUF_INIT;
	int is_feed = 0;

	po.format = INGEST_HTML;
	po.url = NULL;
	if (ingest_read(a->url, &po, &pages, &is_feed, &err) != ND_OK) {
		buf_printf(&msg, "keeping the feed summary of '%s': %s",
		    a->url, err.msg);
		ingest_warn(o, msg.ptr);
	} else if (pages.n == 1)
		ingest_merge(a, pages.v[0]);
	article_list_release(&pages);
	buf_release(&msg);
}

static enum nd_err
ingest_feed(const char *p, size_t n, const char *url, const char *name,
    const struct ingest_opts *o, struct article_list *out,
    struct nd_error *err)
{
	struct feed f;
	size_t i;
	enum nd_err rc;

	memset(&f, 0, sizeof(f));
	if ((rc = feed_parse(p, n, url, name, &f, err)) != ND_OK)
		return rc;
	for (i = 0; i < f.n; i++) {
		struct article *a = f.entries[i].art;

		if (f.entries[i].summary_only && !o->no_fetch && a->url &&
		    fetch_is_url(a->url))
			ingest_linked(a, o);
		classify_derive(a);
		article_list_push(out, a);
		f.entries[i].art = NULL;
	}
	feed_release(&f);
	return ND_OK;
}

/* Replace invalid UTF-8 (a page in Latin-1 that says nothing, a cut
 * multi-byte sequence) by U+FFFD and say so; binary input is left for the
 * extractors to refuse. */
static void
ingest_repair(struct buf *b, const char *input, const struct ingest_opts *o)
{
	struct buf fixed = BUF_INIT, msg = BUF_INIT;
	long n;

	if (utf8_valid(b->ptr, b->len) || utf8_control_ratio(b->ptr,
	    b->len) > 0.01)
		return;
	n = utf8_repair(b->ptr, b->len, &fixed);
	buf_printf(&msg, "'%s': replaced %ld invalid UTF-8 sequence%s with "
	    "U+FFFD", input, n, n == 1 ? "" : "s");
	ingest_warn(o, msg.ptr);
	buf_release(b);
	*b = fixed;
	buf_release(&msg);
}

enum nd_err
ingest_read(const char *input, const struct ingest_opts *o,
    struct article_list *out, int *is_feed, struct nd_error *err)
{
	struct buf b = BUF_INIT;
	struct article *a = NULL;
	enum ingest_format fmt = o->format;
	char *url = NULL;
	enum nd_err rc;

	*is_feed = 0;
	if ((rc = ingest_load(input, o, &b, &url, err)) != ND_OK)
		goto out;
	if (b.len == 0) {
		rc = nd_error_set(err, ND_EEMPTY, "'%s' is empty", input);
		goto out;
	}
	ingest_repair(&b, input, o);
	if (fmt == INGEST_AUTO)
		fmt = ingest_sniff(b.ptr, b.len);
	if (fmt == INGEST_FEED) {
		*is_feed = 1;
		rc = ingest_feed(b.ptr, b.len, url, input, o, out, err);
		goto out;
	}
	if ((rc = ingest_page(b.ptr, b.len, fmt, url, input, &a, err)) != ND_OK)
		goto out;
	classify_derive(a);
	article_list_push(out, a);
out:
	free(url);
	buf_release(&b);
	return rc;
}
