#include "testutil.h"

#include "ingest/extract.h"
#include "store/article.h"
#include "util/timeutil.h"

/* Rules from the failure kinds of the third held-out set, each on a
 * fixture of its own words: bylines in more languages and shapes,
 * forum threads, dates and images beside a byline. */

static struct article *
extract_file(const char *file)
{
	struct extract_opts opts = { "https://site.example/a/1", file, 0 };
	struct article *a = NULL;
	struct nd_error err;
	size_t len;
	char *html = test_data(file, &len);

	if (extract_html(html, len, &opts, &a, &err) != ND_OK)
		fail_msg("%s", err.msg);
	free(html);
	return a;
}

static struct article *
extract_str(const char *s)
{
	struct extract_opts opts = { NULL, "t.html", 0 };
	struct article *a = NULL;
	struct nd_error err;

	if (extract_html(s, strlen(s), &opts, &a, &err) != ND_OK)
		fail_msg("%s", err.msg);
	return a;
}

static const char byline_par[] =
    "<p>The harbour office said on Tuesday that the north pier will stay "
    "closed to walkers until the end of the month, while divers check "
    "the stones that the winter storms moved out of place.</p>"
    "<p>Fishing boats can still tie up on the inner side, and the ferry "
    "keeps its usual timetable from the south landing, the office said "
    "in a notice posted at the gate.</p>";

/* An Italian "di" byline in a span of its own (not a <p>), beside a
 * span with the date: the byline is the name alone. */
static void
italian_span_byline(void **state)
{
	struct article *a = extract_file("html/it-byline.html");

	(void)state;
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Marco Bellini");
	assert_int_equal(a->body.n, 3);
	article_free(a);
}

/* Byline lines in several languages and shapes: a name link followed
 * by a place and a time in adjacent spans, a middle dot or a guillemet
 * ending the names, "Author:" labels, a Japanese "text:" label; a line
 * that starts like a byline but holds no name gives none. */
static void
byline_shapes(void **state)
{
	static const struct {
		const char *line, *want;
	} c[] = {
		{ "<div class=\"byline\">Por <a href=\"/p/1\">Ana Ruiz</a>"
		  "<span class=\"where\">LISBOA</span><time>4 de março de "
		  "2026 18:20</time></div>", "Ana Ruiz" },
		{ "<p class=\"meta\">Door Anouk Visser \xC2\xB7 Bijgewerkt "
		  "4 maart 2026</p>", "Anouk Visser" },
		{ "<p class=\"who\">Autor: <a href=\"/u/jk\">Jan Kowalski</a> "
		  "\xC2\xBB 2 marca 2026 18:00</p>", "Jan Kowalski" },
		{ "<div class=\"credits\"><span class=\"by\">Av <a href=\"/"
		  "p/ln\">Lars Nyberg</a></span><span class=\"pics\">Foto: "
		  "Eva Lind</span></div>", "Lars Nyberg" },
		{ "<p class=\"meta\">\xE6\x96\x87\xE3\x83\xBB\xE4\xBD\x90"
		  "\xE8\x97\xA4\xE8\x8A\xB1\xE5\xAD\x90 \xC2\xB7 2026"
		  "\xE5\xB9\xB4" "3\xE6\x9C\x88" "4\xE6\x97\xA5</p>",
		  "\xE4\xBD\x90\xE8\x97\xA4\xE8\x8A\xB1\xE5\xAD\x90" },
		{ "<div class=\"x\"><span>Di notte il porto resta chiuso"
		  "</span></div>", NULL },
	};
	struct buf b = BUF_INIT;
	struct article *a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		b.len = 0;
		buf_puts(&b, "<html><body><article><h1>Pier closed</h1>");
		buf_puts(&b, c[i].line);
		buf_puts(&b, byline_par);
		buf_puts(&b, "</article></body></html>");
		a = extract_str(b.ptr);
		if (c[i].want == NULL)
			assert_int_equal(a->byline.n, 0);
		else {
			if (a->byline.n != 1)
				fail_msg("case %zu: %zu names", i, a->byline.n);
			assert_string_equal(a->byline.v[0], c[i].want);
		}
		article_free(a);
	}
	buf_release(&b);
}

/* No structured date: the line holding the byline (its parent, an
 * "Autor:" span beside a span with a Polish written date) gives the
 * published date; so does a byline whose names end at a middle dot,
 * with a Swedish month. */
static void
date_beside_the_byline(void **state)
{
	static const char page[] =
	    "<html><body><article><h1>Pier closed</h1><p class=\"by\">Av "
	    "Per Holm \xC2\xB7 3 augusti 2026</p>%s</article></body></html>";
	struct article *a = extract_file("html/pl-byline-date.html");
	struct buf b = BUF_INIT;
	char day[21];

	(void)state;
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Jan Nowak");
	time_format_iso(a->published, 0, day);
	assert_string_equal(day, "2026-02-12");
	article_free(a);
	buf_printf(&b, page, byline_par);
	a = extract_str(b.ptr);
	assert_string_equal(a->byline.v[0], "Per Holm");
	time_format_iso(a->published, 0, day);
	assert_string_equal(day, "2026-08-03");
	article_free(a);
	buf_release(&b);
}

/* A forum thread: posts with an author block, a title, the text, an
 * attachment box and a signature; the replies' titles are the first
 * post's after "SV: ". The body is the first post's text only; its
 * attached picture is the lead image. */
static void
forum_thread_first_post(void **state)
{
	static const char *const absent[] = {
		"SV:", "Tack f\xC3\xB6r", "lindarna f\xC3\xA5r st\xC3\xA5",
		"Olle_B", "Inl\xC3\xA4gg:", "Bifogade", "Ekuddens grannforum",
		"Snabbsvar", "Liknande", NULL
	};
	struct article *a = extract_file("html/sv-forum-thread.html");
	char *body = article_body_text(a);
	size_t k;

	(void)state;
	assert_int_equal(a->body.n, 7);
	assert_string_equal(a->body.v[0], "Hej grannar,");
	assert_string_equal(a->body.v[6], "Karin");
	for (k = 0; absent[k]; k++)
		if (strstr(body, absent[k]))
			fail_msg("'%s' in body", absent[k]);
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Karin Sj\xC3\xB6" "berg");
	assert_non_null(a->image_url);
	assert_non_null(strstr(a->image_url, "strandvagen-ritning.jpg"));
	free(body);
	article_free(a);
}

/* Photos without <figure> (a newsletter's table layout): a short line
 * right after an image, and a box holding an image and a line, whose
 * text ends in a photo credit, are captions, not body; the first photo
 * so captioned is the lead picture. */
static void
credited_caption_after_image(void **state)
{
	struct article *a = extract_file("html/nl-caption.html");
	char *body = article_body_text(a);

	(void)state;
	assert_null(strstr(body, "De etalage van"));
	assert_null(strstr(body, "De oude oven in de bakkerij"));
	assert_non_null(strstr(body, "krijgt in de kerstweek"));
	assert_non_null(strstr(body, "gratis krentenbol"));
	assert_non_null(a->image_url);
	assert_non_null(strstr(a->image_url, "bakkerij-de-korenaar.jpg"));
	assert_non_null(a->image_caption);
	assert_string_equal(a->image_caption, "De etalage van bakkerij De "
	    "Korenaar op zaterdagochtend.");
	assert_non_null(a->image_credit);
	assert_string_equal(a->image_credit, "Fenna Bos");
	free(body);
	article_free(a);
}

/* A press release ends at its "###" mark: the media contact and the
 * source line after it are not body; its "About" section before it is. */
static void
press_release_end_mark(void **state)
{
	struct article *a = extract_file("html/de-press-end.html");
	char *body = article_body_text(a);

	(void)state;
	assert_int_equal(a->body.n, 5);
	assert_string_equal(a->body.v[3], "\xC3\x9C" "ber die Stadtwerke "
	    "Lindenau");
	assert_null(strstr(body, "###"));
	assert_null(strstr(body, "Pressekontakt"));
	assert_null(strstr(body, "Quelle:"));
	free(body);
	article_free(a);
}

/* A pull quote repeats a sentence of a paragraph near it: the copy goes,
 * the paragraph stays; a quotation that repeats nothing stays. */
static void
pull_quote_repeat_goes(void **state)
{
	struct article *a = extract_file("html/pt-pullquote.html");
	size_t i;

	(void)state;
	assert_int_equal(a->body.n, 5);
	for (i = 0; i < a->body.n; i++)
		assert_true(strncmp(a->body.v[i], "Um piano esquecido", 18)
		    != 0);
	assert_non_null(strstr(a->body.v[2], "Um piano esquecido numa sala"));
	assert_string_equal(a->body.v[3], "Nunca deixei um piano pior do que "
	    "o encontrei, e n\xC3\xA3o vou come\xC3\xA7" "ar agora.");
	article_free(a);
}

/* A subscription pitch between the paragraphs: a short box whose last
 * element is an "Abonnez-vous" link goes whole, its heading and text
 * with it; the section heading after it stays. */
static void
pitch_box_goes(void **state)
{
	struct article *a = extract_file("html/fr-pitch.html");
	char *body = article_body_text(a);

	(void)state;
	assert_int_equal(a->body.n, 5);
	assert_null(strstr(body, "journalisme local"));
	assert_null(strstr(body, "Soutenez"));
	assert_string_equal(a->body.v[2], "Un m\xC3\xA9tier qui attire");
	free(body);
	article_free(a);
}

/* A hero picture above the headline, outside the element holding the
 * text and without <figure>, followed by a caption line ending in a
 * photo credit: on a page without structured data it is the lead
 * image, with its caption and credit. */
static void
hero_picture_is_lead_image(void **state)
{
	struct article *a = extract_file("html/en-hero.html");

	(void)state;
	assert_non_null(a->image_url);
	assert_string_equal(a->image_url,
	    "https://site.example/media/loch-arrin-ferry.jpg");
	assert_non_null(a->image_caption);
	assert_string_equal(a->image_caption,
	    "The ferry at the east landing on a still morning.");
	assert_non_null(a->image_credit);
	assert_string_equal(a->image_credit, "Isla Munro");
	assert_int_equal(a->body.n, 3);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(italian_span_byline),
		cmocka_unit_test(byline_shapes),
		cmocka_unit_test(date_beside_the_byline),
		cmocka_unit_test(forum_thread_first_post),
		cmocka_unit_test(credited_caption_after_image),
		cmocka_unit_test(press_release_end_mark),
		cmocka_unit_test(pull_quote_repeat_goes),
		cmocka_unit_test(pitch_box_goes),
		cmocka_unit_test(hero_picture_is_lead_image),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
