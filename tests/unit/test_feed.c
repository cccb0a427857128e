#include "testutil.h"

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ingest/feed.h"
#include "util/timeutil.h"

#define GAZETTE_URL	"https://gazette.example.org/feed.xml"

/* Parse tests/data/feed/NAME, expecting success. */
static void
parse_ok(const char *name, const char *base, struct feed *f)
{
	struct nd_error err;
	char path[128];
	size_t n;
	char *p;
	int w;

	w = snprintf(path, sizeof(path), "feed/%s", name);
	assert_true(w > 0 && (size_t)w < sizeof(path));
	p = test_data(path, &n);
	if (feed_parse(p, n, base, name, f, &err) != ND_OK)
		fail_msg("%s", err.msg);
	free(p);
}

/* Parse tests/data/feed/NAME, expecting the error code; message in err. */
static void
parse_fails(const char *name, enum nd_err code, struct nd_error *err)
{
	struct feed f;
	char path[128];
	size_t n;
	char *p;
	int w;

	w = snprintf(path, sizeof(path), "feed/%s", name);
	assert_true(w > 0 && (size_t)w < sizeof(path));
	p = test_data(path, &n);
	assert_int_equal(feed_parse(p, n, NULL, name, &f, err), code);
	assert_int_equal(err->code, code);
	assert_int_equal(f.n, 0);
	assert_null(f.entries);
	free(p);
}

static int64_t
utc(int y, int mon, int d, int h, int min, int s)
{
	int64_t t;

	assert_int_equal(time_from_civil(y, mon, d, h, min, s, &t), ND_OK);
	return t;
}

static void
feed_maps_rss2_with_full_text_and_media(void **state)
{
	struct feed f;
	struct article *a;
	char *body;

	(void)state;
	parse_ok("rss2-full.xml", GAZETTE_URL, &f);
	assert_string_equal(f.title, "The Harbour Gazette");
	assert_string_equal(f.link, "https://gazette.example.org/");
	assert_int_equal(f.n, 2);
	a = f.entries[0].art;
	assert_int_equal(f.entries[0].summary_only, 0);
	assert_string_equal(a->url,
	    "https://gazette.example.org/news/ferry-timetable");
	assert_string_equal(a->canonical_url, a->url);
	assert_string_equal(a->headline,
	    "Ferry timetable & fares to change in spring");
	assert_string_equal(a->standfirst,
	    "The island ferry will run later sailings from April.");
	assert_string_equal(a->source, "The Harbour Gazette");
	assert_string_equal(a->lang, "en");
	assert_string_equal(a->section, "Transport");
	assert_int_equal(a->byline.n, 2);
	assert_string_equal(a->byline.v[0], "Tom Becket");
	assert_string_equal(a->byline.v[1], "Ana Ruiz");
	assert_int_equal(a->published, utc(2023, 3, 14, 8, 30, 0));
	assert_int_equal(a->published_has_time, 1);
	assert_string_equal(a->image_url,
	    "https://cdn.example.org/img/ferry-large.jpg");
	assert_string_equal(a->image_caption,
	    "The Saltwick ferry leaving the harbour at dawn.");
	assert_string_equal(a->image_credit, "Jo Marsh");
	assert_int_equal(a->body.n, 6);
	assert_string_equal(a->body.v[1], "Fares for foot passengers rise by "
	    "20 pence, while cyclists will travel free outside the morning "
	    "rush.");
	assert_string_equal(a->body.v[2], "What changes for commuters");
	assert_string_equal(a->body.v[4], "A 23:15 return from the island.");
	body = article_body_text(a);
	assert_null(strstr(body, "trackReader"));
	assert_null(strstr(body, "display"));
	assert_null(strstr(body, "ferry at dawn"));	/* figcaption */
	free(body);
	feed_release(&f);
	assert_int_equal(f.n, 0);
	assert_null(f.title);
}

static void
feed_resolves_relative_rss_links_and_enclosures(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rss2-full.xml", GAZETTE_URL, &f);
	a = f.entries[1].art;
	assert_string_equal(a->url,
	    "https://gazette.example.org/news/lifeboat-kayakers");
	assert_string_equal(a->image_url,
	    "https://cdn.example.org/img/lifeboat.jpg");
	assert_null(a->image_caption);
	assert_int_equal(a->byline.n, 1);	/* "desk@... (Ellen Shaw)" */
	assert_string_equal(a->byline.v[0], "Ellen Shaw");
	assert_null(a->section);
	/* <br><br> separates paragraphs, one <br/> does not */
	assert_int_equal(a->body.n, 3);
	assert_string_equal(a->body.v[0],
	    "Volunteers launched the inshore lifeboat at 16:05.");
	assert_int_equal(f.entries[1].summary_only, 0);
	feed_release(&f);
}

static void
feed_drops_relative_links_without_a_base(void **state)
{
	struct feed f;

	(void)state;
	parse_ok("rss2-full.xml", NULL, &f);
	assert_int_equal(f.n, 2);
	assert_non_null(f.entries[0].art->url);
	assert_null(f.entries[1].art->url);
	assert_string_equal(f.entries[1].art->headline,
	    "Lifeboat crew rescue two kayakers off the point");
	feed_release(&f);
}

static void
feed_marks_summary_only_entries(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rss2-summary.xml", NULL, &f);
	assert_string_equal(f.title, "Valley Courier \xE2\x80\x93 Local");
	assert_int_equal(f.n, 3);	/* one entry has no link or title */
	a = f.entries[0].art;
	assert_int_equal(f.entries[0].summary_only, 1);
	assert_int_equal(a->body.n, 0);
	assert_string_equal(a->standfirst, "Work on the 1.2 km lane starts "
	    "in June & should finish by autumn.");
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Priya Nair");
	assert_string_equal(a->image_url,
	    "https://courier.example.net/thumbs/mill-road.jpg");
	assert_int_equal(a->published, utc(2023, 4, 3, 11, 15, 0));
	assert_null(a->lang);
	assert_int_equal(f.entries[1].summary_only, 1);
	assert_int_equal(f.entries[2].summary_only, 1);
	feed_release(&f);
}

static void
feed_uses_permalink_guid_and_splits_bylines(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rss2-summary.xml", NULL, &f);
	a = f.entries[1].art;
	assert_string_equal(a->url,
	    "https://courier.example.net/2023/04/choir");
	assert_int_equal(a->byline.n, 2);	/* "By Sam Oduya, Lee Chan" */
	assert_string_equal(a->byline.v[0], "Sam Oduya");
	assert_string_equal(a->byline.v[1], "Lee Chan");
	feed_release(&f);
}

static void
feed_leaves_bad_dates_and_unsafe_links_empty(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rss2-summary.xml", NULL, &f);
	a = f.entries[1].art;	/* pubDate "sometime last week" */
	assert_int_equal(a->published, 0);
	assert_int_equal(a->published_has_time, 0);
	a = f.entries[2].art;	/* javascript: link, guid not a permalink */
	assert_string_equal(a->headline, "Library extends weekend hours");
	assert_null(a->url);
	assert_null(a->canonical_url);
	assert_int_equal(a->published, utc(2023, 4, 5, 0, 0, 0));
	assert_int_equal(a->published_has_time, 0);
	feed_release(&f);
}

static void
feed_maps_atom_with_html_and_xml_base(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("atom-html.xml", NULL, &f);
	assert_string_equal(f.title, "Ridge Weather Desk");
	assert_string_equal(f.link, "https://ridge.example.com/blog/");
	assert_int_equal(f.n, 3);
	a = f.entries[0].art;
	assert_string_equal(a->headline,
	    "Frost warning for high valleys & passes");
	assert_string_equal(a->url,
	    "https://ridge.example.com/blog/posts/frost-warning");
	assert_string_equal(a->image_url,
	    "https://ridge.example.com/img/frost-map.png");
	assert_string_equal(a->standfirst, "Overnight lows of minus four "
	    "are expected above 900 metres.");
	assert_int_equal(a->body.n, 3);
	assert_string_equal(a->body.v[2],
	    "The warning runs until nine on Wednesday morning.");
	assert_int_equal(f.entries[0].summary_only, 0);
	assert_int_equal(a->published, utc(2023, 5, 1, 19, 45, 0));
	assert_int_equal(a->updated, utc(2023, 5, 2, 6, 0, 0));
	assert_string_equal(a->section, "Weather alerts");
	assert_string_equal(a->lang, "en");
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Dana Holt");
	feed_release(&f);
}

static void
feed_reads_atom_xhtml_text_and_inherited_authors(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("atom-html.xml", NULL, &f);
	a = f.entries[1].art;	/* nested xml:base="archive/" */
	assert_string_equal(a->url,
	    "https://ridge.example.com/blog/archive/rainfall-spring");
	assert_int_equal(a->body.n, 2);
	assert_string_equal(a->body.v[1], "That is a third more than the "
	    "long-term average. Reservoirs are full. Flood risk stays low.");
	/* no published: updated stands in */
	assert_int_equal(a->published, utc(2023, 4, 28, 12, 0, 0));
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Ridge Weather Team");
	a = f.entries[2].art;
	assert_int_equal(f.entries[2].summary_only, 1);
	assert_int_equal(a->body.n, 1);
	assert_string_equal(a->body.v[0], "Just one line.");
	assert_int_equal(a->published, 0);	/* "not a date" */
	assert_int_equal(a->updated, 0);
	feed_release(&f);
}

static void
feed_reads_german_latin1_feed(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rss-de-latin1.xml", NULL, &f);
	assert_int_equal(f.n, 1);
	a = f.entries[0].art;
	assert_string_equal(a->lang, "de");
	assert_string_equal(a->headline, "Neue Fu\xC3\x9Fg\xC3\xA4nger"
	    "br\xC3\xBC" "cke \xC3\xBC" "ber den Kanal er\xC3\xB6" "ffnet");
	assert_int_equal(a->byline.n, 2);	/* "A und B" */
	assert_string_equal(a->byline.v[0], "Anna M\xC3\xBCller");
	assert_string_equal(a->byline.v[1], "Jonas Weber");
	assert_int_equal(a->published, utc(2023, 6, 10, 12, 20, 0));
	assert_string_equal(a->section, "Lokales");
	assert_int_equal(a->body.n, 3);
	assert_int_equal(f.entries[0].summary_only, 0);
	feed_release(&f);
}

static void
feed_reads_rss1_rdf(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("rdf.xml", NULL, &f);
	assert_string_equal(f.title, "Farm Almanac");
	assert_int_equal(f.n, 1);
	a = f.entries[0].art;
	assert_string_equal(a->url, "https://almanac.example.org/apples");
	assert_string_equal(a->lang, "fr");
	assert_string_equal(a->byline.v[0], "Claire Dubois");
	assert_int_equal(a->published, utc(2023, 8, 20, 0, 0, 0));
	assert_int_equal(a->published_has_time, 0);
	assert_int_equal(f.entries[0].summary_only, 1);
	feed_release(&f);
}

static void
feed_prefers_rss_link_over_atom_link(void **state)
{
	const char *s = "<rss version=\"2.0\" "
	    "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>"
	    "<item><title>One</title>"
	    "<atom:link href=\"https://a.example/atom-one\"/>"
	    "<link>https://a.example/one</link></item>"
	    "<item><title>Two</title>"
	    "<atom:link rel=\"alternate\" href=\"https://a.example/two\"/>"
	    "</item></channel></rss>";
	struct nd_error err;
	struct feed f;

	(void)state;
	assert_int_equal(feed_parse(s, strlen(s), NULL, "links", &f, &err),
	    ND_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.entries[0].art->url, "https://a.example/one");
	assert_string_equal(f.entries[1].art->url, "https://a.example/two");
	feed_release(&f);
}

static void
feed_sniff_tells_feeds_from_pages(void **state)
{
	const char *rss = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
	    "<!-- hi -->\n<rss version=\"2.0\">";
	const char *atom = "<?xml version='1.0'?><!DOCTYPE feed [ "
	    "<!ENTITY a \"b\"> ]><feed xmlns=\"http://www.w3.org/2005/Atom\">";
	const char *rdf = "<rdf:RDF xmlns:rdf=\"x\">";
	const char *html = "<!DOCTYPE html>\n<html><body><rss>";
	const char *html2 = "<?xml version=\"1.0\"?><html xmlns=\"x\">";
	const char *json = "{\"items\": []}";

	(void)state;
	assert_true(feed_sniff(rss, strlen(rss)));
	assert_true(feed_sniff(atom, strlen(atom)));
	assert_true(feed_sniff(rdf, strlen(rdf)));
	assert_false(feed_sniff(html, strlen(html)));
	assert_false(feed_sniff(html2, strlen(html2)));
	assert_false(feed_sniff(json, strlen(json)));
	assert_false(feed_sniff("", 0));
	assert_false(feed_sniff(NULL, 0));
	assert_false(feed_sniff("<rs", 3));
	assert_false(feed_sniff("<opml version=\"2.0\">", 20));
}

static void
feed_rejects_html_page(void **state)
{
	struct nd_error err;

	(void)state;
	parse_fails("page.html", ND_EFORMAT, &err);
	assert_string_equal(err.msg, "'page.html' is not an RSS or Atom feed "
	    "(root element is <html>)");
}

static void
feed_rejects_other_xml_and_non_xml(void **state)
{
	const char *opml = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">"
	    "<body/></opml>";
	struct nd_error err;
	struct feed f;

	(void)state;
	assert_int_equal(feed_parse(opml, strlen(opml), NULL, "subs.opml", &f,
	    &err), ND_EFORMAT);
	assert_string_equal(err.msg, "'subs.opml' is not an RSS or Atom feed "
	    "(root element is <opml>)");
	parse_fails("jsonfeed.json", ND_EFORMAT, &err);
	assert_non_null(strstr(err.msg, "'jsonfeed.json' is not an RSS or "
	    "Atom feed"));
}

static void
feed_reports_malformed_xml_with_line(void **state)
{
	struct nd_error err;

	(void)state;
	parse_fails("malformed.xml", ND_EPARSE, &err);
	assert_non_null(strstr(err.msg, "'malformed.xml'"));
	assert_non_null(strstr(err.msg, "line 7"));
	assert_non_null(strstr(err.msg, "mismatch"));
}

static void
feed_rejects_empty_input(void **state)
{
	struct nd_error err;
	struct feed f;

	(void)state;
	parse_fails("empty.xml", ND_EEMPTY, &err);
	assert_string_equal(err.msg, "'empty.xml' is empty");
	assert_int_equal(feed_parse(" \n\t ", 4, NULL, "blank", &f, &err),
	    ND_EEMPTY);
}

static void
feed_accepts_feed_without_items(void **state)
{
	const char *s = "<rss version=\"2.0\"><channel><title>Quiet</title>"
	    "</channel></rss>";
	struct nd_error err;
	struct feed f;

	(void)state;
	assert_int_equal(feed_parse(s, strlen(s), NULL, "quiet", &f, &err),
	    ND_OK);
	assert_int_equal(f.n, 0);
	assert_string_equal(f.title, "Quiet");
	feed_release(&f);
	feed_release(&f);	/* released twice: still safe */
}

static void
feed_rejects_oversize_input(void **state)
{
	size_t n = (size_t)FEED_MAX_BYTES + 1;
	char *p = malloc(n);
	struct nd_error err;
	struct feed f;

	(void)state;
	assert_non_null(p);
	memset(p, ' ', n);
	memcpy(p, "<rss>", 5);
	assert_int_equal(feed_parse(p, n, NULL, "huge.xml", &f, &err),
	    ND_ELIMIT);
	assert_non_null(strstr(err.msg, "'huge.xml'"));
	free(p);
}

/* An RSS document with count items. */
static void
many_items(struct buf *b, size_t count)
{
	size_t i;

	buf_puts(b, "<rss version=\"2.0\"><channel><title>Many</title>");
	for (i = 0; i < count; i++)
		buf_printf(b, "<item><title>Item %zu</title></item>", i);
	buf_puts(b, "</channel></rss>");
}

static void
feed_limits_entry_count(void **state)
{
	struct buf b = BUF_INIT;
	struct nd_error err;
	struct feed f;

	(void)state;
	many_items(&b, FEED_MAX_ENTRIES);
	assert_int_equal(feed_parse(b.ptr, b.len, NULL, "max", &f, &err),
	    ND_OK);
	assert_int_equal(f.n, FEED_MAX_ENTRIES);
	assert_string_equal(f.entries[FEED_MAX_ENTRIES - 1].art->headline,
	    "Item 9999");
	feed_release(&f);
	buf_clear(&b);
	many_items(&b, FEED_MAX_ENTRIES + 1);
	assert_int_equal(feed_parse(b.ptr, b.len, NULL, "many", &f, &err),
	    ND_ELIMIT);
	assert_string_equal(err.msg, "'many' has more than 10000 entries");
	assert_int_equal(f.n, 0);
	buf_release(&b);
}

/* Parse tests/data/feed/NAME in a child; return its exit status (the
 * nd_err) and peak resident memory in KiB. */
static int
parse_in_child(const char *name, long *maxrss_kib)
{
	struct rusage ru;
	int status = 0;
	pid_t pid;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct nd_error err;
		struct feed f;
		char path[128];
		size_t n;
		char *p;

		if (snprintf(path, sizeof(path), "feed/%s", name) <= 0)
			_exit(100);
		p = test_data(path, &n);
		_exit((int)feed_parse(p, n, NULL, name, &f, &err));
	}
	assert_int_equal(wait4(pid, &status, 0, &ru), pid);
	assert_true(WIFEXITED(status));
	*maxrss_kib = ru.ru_maxrss;
	return WEXITSTATUS(status);
}

static void
feed_survives_billion_laughs(void **state)
{
	long rss;
	int rc;

	(void)state;
	/* fully expanded, lol9 is 3 GB of text; the parse must fail fast
	 * and stay small */
	rc = parse_in_child("bomb.xml", &rss);
	assert_int_equal(rc, ND_ELIMIT);
	assert_true(rss < 256 * 1024);
	rc = parse_in_child("bomb-attr.xml", &rss);
	assert_int_equal(rc, ND_ELIMIT);
	assert_true(rss < 256 * 1024);
}

static void
feed_bounds_quadratic_entity_expansion(void **state)
{
	struct buf b = BUF_INIT;
	struct nd_error err;
	struct feed f;
	size_t i;

	(void)state;
	/* one 50 KB entity used 20000 times: 1 GB of text from 110 KB */
	buf_puts(&b, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY q \"");
	for (i = 0; i < 50000; i++)
		buf_putc(&b, 'A');
	buf_puts(&b, "\">]><rss version=\"2.0\"><channel><item><title>t"
	    "</title><description>");
	for (i = 0; i < 20000; i++)
		buf_puts(&b, "&q;");
	buf_puts(&b, "</description></item></channel></rss>");
	assert_int_equal(feed_parse(b.ptr, b.len, NULL, "quad", &f, &err),
	    ND_ELIMIT);
	assert_non_null(strstr(err.msg, "'quad' expands entities to more "
	    "than"));
	assert_int_equal(f.n, 0);
	buf_release(&b);
}

static void
feed_never_loads_external_entities(void **state)
{
	struct feed f;
	struct article *a;

	(void)state;
	parse_ok("xxe.xml", NULL, &f);
	assert_int_equal(f.n, 1);
	a = f.entries[0].art;
	assert_string_equal(a->headline, "Hello from an internal entity");
	assert_string_equal(a->standfirst, "before after");
	assert_null(strstr(a->standfirst, "SECRET"));
	feed_release(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(feed_maps_rss2_with_full_text_and_media),
		cmocka_unit_test(
		    feed_resolves_relative_rss_links_and_enclosures),
		cmocka_unit_test(feed_drops_relative_links_without_a_base),
		cmocka_unit_test(feed_marks_summary_only_entries),
		cmocka_unit_test(feed_uses_permalink_guid_and_splits_bylines),
		cmocka_unit_test(feed_leaves_bad_dates_and_unsafe_links_empty),
		cmocka_unit_test(feed_maps_atom_with_html_and_xml_base),
		cmocka_unit_test(
		    feed_reads_atom_xhtml_text_and_inherited_authors),
		cmocka_unit_test(feed_reads_german_latin1_feed),
		cmocka_unit_test(feed_reads_rss1_rdf),
		cmocka_unit_test(feed_prefers_rss_link_over_atom_link),
		cmocka_unit_test(feed_sniff_tells_feeds_from_pages),
		cmocka_unit_test(feed_rejects_html_page),
		cmocka_unit_test(feed_rejects_other_xml_and_non_xml),
		cmocka_unit_test(feed_reports_malformed_xml_with_line),
		cmocka_unit_test(feed_rejects_empty_input),
		cmocka_unit_test(feed_accepts_feed_without_items),
		cmocka_unit_test(feed_rejects_oversize_input),
		cmocka_unit_test(feed_limits_entry_count),
		cmocka_unit_test(feed_survives_billion_laughs),
		cmocka_unit_test(feed_bounds_quadratic_entity_expansion),
		cmocka_unit_test(feed_never_loads_external_entities),
	};

	return cmocka_run_group_tests_name("feed", tests, NULL, NULL);
}
