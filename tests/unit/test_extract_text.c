#include "testutil.h"

#include <jansson.h>
#include <stdio.h>

#include "ingest/extract.h"
#include "store/article.h"
#include "util/xalloc.h"

/* Boilerplate that must never reach a body paragraph, in the four
 * languages of the fixtures. */
static const char *const boilerplate[] = {
	"Share", "Twitter", "Facebook", "LinkedIn", "WhatsApp", "Print",
	"Save", "Sign up", "Daily Digest", "updates", "Recommended",
	"Read more", "Leave a comment", "email address", "Required fields",
	"Photo:", "\xC2\xA9", "comments", "Comments", "cookies", "Accept",
	"Advertisement", "Additional reporting", "Editing by", "By ",
	"Teilen", "Merken", "Drucken", "Newsletter", "Lesen Sie auch",
	"Mehr zum Thema", "Mitarbeit", "Kommentar", "E-Mail", "Foto:",
	"Anzeige", "Von Anna", "Partager", "Enregistrer", "Imprimer",
	"Lire aussi", "Avec AFP", "commentaire", "newsletter", "Par Marie",
	"Compartir", "Guardar", "Te recomendamos", "Lee también",
	"Con información", "comentario", "Publicidad", "boletín",
	"Suscríbete", "Por Ana", "obligatorios", "*",
};

static struct article *
extract_file(const char *name, enum nd_err want)
{
	struct extract_opts o = {NULL, name, 0};
	struct article *a = NULL;
	struct nd_error err;
	size_t len;
	char *text = test_data(name, &len);
	enum nd_err rc = extract_text(text, len, &o, &a, &err);

	free(text);
	if (rc != want)
		fail_msg("%s: got %d (%s), want %d", name, rc,
		    rc ? err.msg : "ok", want);
	return a;
}

/* Compare every key of the expected JSON with the article's. */
static void
check_fields(const char *fixture, json_t *want, json_t *got)
{
	const char *key;
	json_t *v;

	json_object_foreach(want, key, v) {
		json_t *g = json_object_get(got, key);

		if (strcmp(key, "image") == 0) {
			check_fields(fixture, v, g);
			continue;
		}
		if (!json_equal(v, g)) {
			char *ws = json_dumps(v, JSON_ENCODE_ANY);
			char *gs = json_dumps(g, JSON_ENCODE_ANY);

			print_error("%s: %s: want %s\n   got %s\n", fixture,
			    key, ws, gs ? gs : "(missing)");
			free(ws);
			free(gs);
			fail();
		}
	}
}

static void
check_no_boilerplate(const char *fixture, const struct article *a)
{
	size_t i, k;

	assert_true(a->body.n > 0);
	for (i = 0; i < a->body.n; i++)
		for (k = 0; k < sizeof(boilerplate) / sizeof(*boilerplate);
		    k++)
			if (strstr(a->body.v[i], boilerplate[k]) != NULL)
				fail_msg("%s: body paragraph %zu keeps \"%s\"",
				    fixture, i, boilerplate[k]);
}

static void
check_fixture(const char *base)
{
	char txt[128], exp[128];
	struct article *a;
	json_t *want, *got;
	json_error_t jerr;
	size_t len;
	char *js;

	snprintf(txt, sizeof(txt), "text/%s.txt", base);
	snprintf(exp, sizeof(exp), "text/%s.json", base);
	a = extract_file(txt, ND_OK);
	assert_non_null(a);
	js = test_data(exp, &len);
	want = json_loadb(js, len, 0, &jerr);
	if (want == NULL)
		fail_msg("%s: %s", exp, jerr.text);
	got = article_to_json(a, 1);
	check_fields(base, want, got);
	check_no_boilerplate(base, a);
	json_decref(want);
	json_decref(got);
	free(js);
	article_free(a);
}

static void
reads_english_flattened(void **state)
{
	(void)state;
	check_fixture("en_flat");
}

static void
reads_english_with_lines(void **state)
{
	(void)state;
	check_fixture("en_lines");
}

/* Sub-headings inside the body are kept; the comments after a comment
 * counter and the copyright footer are not. */
static void
reads_english_with_sections(void **state)
{
	(void)state;
	check_fixture("en_sections");
}

/* The same with every block run together on one line. */
static void
reads_german_sections_flattened(void **state)
{
	(void)state;
	check_fixture("de_sections");
}

/* A language with no function-word table: mostly lower-case sentences
 * are read as prose. */
static void
reads_indonesian_with_lines(void **state)
{
	(void)state;
	check_fixture("id_lines");
}

/* A page that carries its article twice gives it once. */
static void
drops_repeated_copy(void **state)
{
	(void)state;
	check_fixture("en_repeat");
}

/* A block of teaser headlines run together into one long "sentence"
 * before the article is cut into its headlines, and the byline marks
 * where the article starts. */
static void
cuts_teaser_run_english(void **state)
{
	(void)state;
	check_fixture("en_teasers");
}

static void
cuts_teaser_run_spanish(void **state)
{
	(void)state;
	check_fixture("es_teasers");
}

/* Scripts written without spaces: sentences end at 。, words are
 * counted by their signs and a space marks a block edge. */
static void
reads_japanese_flattened(void **state)
{
	(void)state;
	check_fixture("ja_flat");
}

static void
reads_chinese_flattened(void **state)
{
	(void)state;
	check_fixture("zh_flat");
}

/* Teasers with relative time stamps ("2 hours ago", "vor 2 Stunden")
 * after the article: the first stamp ends the body, and the teaser
 * title right before it goes too. */
static void
stops_at_time_stamps_english(void **state)
{
	(void)state;
	check_fixture("en_stamps");
}

static void
stops_at_time_stamps_german(void **state)
{
	(void)state;
	check_fixture("de_stamps");
}

/* A comment thread with neither counter nor form before it: the
 * "Reply" button under each comment ends the body, and the comment
 * right before the first one goes too. */
static void
stops_at_reply_english(void **state)
{
	(void)state;
	check_fixture("en_thread");
}

static void
stops_at_reply_french(void **state)
{
	(void)state;
	check_fixture("fr_thread");
}

/* Run-together boxes: a credit and marked caption inside the body, a
 * date glued to the site name, a ranked "Most read" list between two
 * paragraphs, copyright words in prose and in the footer. */
static void
passes_over_boxes_english(void **state)
{
	(void)state;
	check_fixture("en_boxes");
}

/* The next story (title, byline, date, first paragraph) runs on after
 * the article; an embedded post's signature with its date does not end
 * the article. */
static void
stops_at_next_story_english(void **state)
{
	(void)state;
	check_fixture("en_more");
}

/* Portuguese widget, teaser, counter and form words; a date with "de". */
static void
reads_portuguese_flattened(void **state)
{
	(void)state;
	check_fixture("pt_flat");
}

/* No prose at all: results lines between the date and the footer are
 * the body. */
static void
reads_results_without_prose(void **state)
{
	(void)state;
	check_fixture("en_results");
}

/* A league table flattened one cell per line is rebuilt row by row
 * and kept after the article's two sentences; the longer box of club
 * news before the headline is not the body. */
static void
keeps_table_of_cells(void **state)
{
	(void)state;
	check_fixture("en_table");
}

/* "Photo by Name/Agency" is a credit marker: the sentence before it is
 * the caption, and the first paragraph, which repeats it word for
 * word after the credit, stays in the body. */
static void
reads_photo_by_credit(void **state)
{
	(void)state;
	check_fixture("en_photoby");
}

/* A list of dates under its own short heading ("Fechas de la gira")
 * after the last sentence, with the credits line after it, is the
 * article's, heading and all. */
static void
keeps_list_under_heading(void **state)
{
	(void)state;
	check_fixture("es_gira");
}

/* Readers' short lines that end a sentence ("Great music.", "Must
 * see.") are prose, not menu items: the article is not cut before
 * them, and its last sentence after them stays. */
static void
keeps_short_exclamations(void **state)
{
	(void)state;
	check_fixture("en_reviews");
}

/* Lines kept: an unpunctuated headline line and two key points come
 * before the lead photo, whose caption is broken over lines and
 * whose credit ("Jane Roe | Getty Images") looks like a crumb line;
 * the article starts after the credit, and its first paragraph, one
 * sentence on its own line, is no caption. */
static void
starts_after_key_points(void **state)
{
	(void)state;
	check_fixture("en_keypoints");
}

/* A second copy of the article comes with its own head on lines of
 * their own (title, author, time stamp, image address and size, site
 * name): they go with the copy's repeated sentences. */
static void
drops_second_copy_head(void **state)
{
	(void)state;
	check_fixture("en_copyhead");
}

/* Lines kept, a gallery inside the article: the lead photo's caption
 * is a line without a full stop before its credit, after the first
 * two sentences, which stay; a later caption with its credit glued on
 * ("...high tideCredit: The Coast Gazette", a name starting with
 * "The") is dropped. */
static void
reads_gallery_captions(void **state)
{
	(void)state;
	check_fixture("en_gallery");
}

/* "Aug. 2", "Sept. 12": an abbreviated month before a number ends no
 * sentence, so a date list's lines stay whole and join the body under
 * their heading ending in a colon. */
static void
keeps_abbreviated_months(void **state)
{
	(void)state;
	check_fixture("en_monthabbr");
}

/* A credits line ("Edited by ...") after the article ends it: the
 * sources and the contact note after it are not body. */
static void
ends_at_credits_line(void **state)
{
	(void)state;
	check_fixture("en_sources");
}

/* An interview's short questions and answers on lines labelled "F:"
 * and "A:" cost nothing, so the article's last answer is still
 * reached. */
static void
keeps_interview_lines(void **state)
{
	(void)state;
	check_fixture("de_interview");
}

/* A share-price box of two rows under a line of column names, one
 * cell per line, is a table too: rebuilt row by row, it keeps the
 * lead paragraph joined to the rest of the article. */
static void
keeps_two_row_table(void **state)
{
	(void)state;
	check_fixture("en_ticker");
}

/* A caption line that ends in a bracketed agency credit spelled in
 * camel case ("(Credit: iStock)") is the caption, right after the
 * byline; the one-sentence first paragraph after it stays. */
static void
reads_camel_case_agency(void **state)
{
	(void)state;
	check_fixture("en_istock");
}

/* "Crédit : 20e Siècle Images": a credit's name may start with a
 * number when capitalised words fill the rest of its line; the
 * caption before it leaves the body. */
static void
reads_credit_starting_with_number(void **state)
{
	(void)state;
	check_fixture("fr_credit_lines");
}

/* A second copy glues each sub-heading onto the sentence after it:
 * once the few glued words are taken off, its units repeat the first
 * copy's and go. */
static void
drops_copy_with_glued_headings(void **state)
{
	(void)state;
	check_fixture("en_copyglue");
}

/* A disclosure note (affiliate links, the disclosure page) between the
 * byline and the first sentence is no body; run together on one line. */
static void
drops_disclosure_note(void **state)
{
	(void)state;
	check_fixture("en_disclosure");
}

/* The site's welcome to its reader ("Bienvenue sur ..., votre ...")
 * before the article is no body. */
static void
drops_site_welcome(void **state)
{
	(void)state;
	check_fixture("fr_welcome");
}

/* A video player's close label ("close video", "Video schließen") and
 * the share labels before it are cut off the first sentence they were
 * glued to; the sentence stays. */
static void
cuts_player_label(void **state)
{
	(void)state;
	check_fixture("en_player");
	check_fixture("de_player");
}

/* A site's pitch, one sentence over its menu of products and pages,
 * is no opening of the article under the menu, though it outweighs
 * the menu. */
static void
drops_pitch_over_menu(void **state)
{
	(void)state;
	check_fixture("en_pitch");
}

/* A post's header line run together and ending in "!" ("Title by
 * Name March 3, 2021 written by Name Sharing is fun!") is no sentence of
 * the article: the body starts after it, the byline and date are read
 * from it. */
static void
drops_header_line(void **state)
{
	(void)state;
	check_fixture("en_header");
}

/* A list of dates after the last sentence, announced by "dates:", is
 * the article's; the credits line after it is not body; a
 * "Recommended More stories from ..." label takes no sentence along. */
static void
keeps_list_of_dates(void **state)
{
	(void)state;
	check_fixture("en_dates");
}

/* Teaser cards with their title written twice (and a section word
 * between) inside the body, each with its one-line summary; a
 * newsletter box whose button runs into the next sentence; "No
 * comments yet" ends the article. */
static void
drops_cards_with_titles_twice(void **state)
{
	(void)state;
	check_fixture("en_cards");
}

/* "About Mia Lund Mia Lund is a reporter ...": the author box after
 * the article ends it; the long sentence before the byline is the
 * standfirst, not body. */
static void
stops_at_author_box(void **state)
{
	(void)state;
	check_fixture("en_author");
}

/* A caption sentence before the date and the dateline: the article
 * starts after the dateline. */
static void
starts_at_dateline(void **state)
{
	(void)state;
	check_fixture("en_dateline");
}

/* Russian: Cyrillic capitals folded for the look-ups, crumbs, a date
 * with a genitive month, teaser, share, counter and form words. */
static void
reads_russian_flattened(void **state)
{
	(void)state;
	check_fixture("ru_flat");
}

/* Agency credits after their captions ("(AP Photo/Jane Roe)", "Tom Vik
 * | Getty Images"): the captions go, an agency named in prose stays. */
static void
drops_captions_before_agency_credits(void **state)
{
	(void)state;
	check_fixture("en_agency");
}

/* A credit hides the dateline's boundary ("Lena Berg/Reuters OSLO
 * (Reuters) -") and no headline is found: the sentence after the
 * dateline is still body, and the dateline heads it. */
static void
keeps_first_sentence_after_dateline(void **state)
{
	(void)state;
	check_fixture("en_nohead");
}

/* No byline or date between the headline and the first sentence: the
 * headline is cut off the sentence, which stays in the body. */
static void
cuts_glued_headline_french(void **state)
{
	(void)state;
	check_fixture("fr_glued");
}

/* A sentence that comes back inside the article (a refrain, a meal
 * plan's items) stays each time; only a second copy of the article
 * (see en_repeat) is dropped. */
static void
keeps_repeats_inside_article(void **state)
{
	(void)state;
	check_fixture("en_refrain");
}

/* A page's metadata dumped as text after the article (share icons'
 * lower-case labels, the title twice, ISO time stamps, the image's
 * address) with the article's first sentences again: the dump and
 * the copy are not body. */
static void
drops_metadata_dump(void **state)
{
	(void)state;
	check_fixture("en_metadump");
}

/* A "Trending" box of headlines inside the body, some of them reading
 * as sentences (a quote ending in "!", a question): a short sentence
 * ending in "!" or "?" between the box's titles is a headline, so the
 * whole list goes and the article's next sentence stays. */
static void
drops_trending_headlines(void **state)
{
	(void)state;
	check_fixture("en_trendbox");
}

/* Russian, run together: teaser cards after "Смотрите также" each
 * start with a section word and a counter ("Полезное 4 Title?"), some
 * titles questions, the last one running into the comment form: the
 * label three times over makes them all the box's. */
static void
drops_cards_with_counted_labels(void **state)
{
	(void)state;
	check_fixture("ru_cards");
}

/* A box of headlines named at its head ("Storm Coverage More") and
 * again at its foot ("More in Storm Coverage") inside the body: the
 * name twice with only headlines between makes it all the box's. */
static void
drops_box_named_twice(void **state)
{
	(void)state;
	check_fixture("en_namedbox");
}

/* "More on this story" over teasers with their dates ends the body:
 * the teasers' titles read like sentences, but two dates in a row
 * show a list of other stories. */
static void
ends_at_dated_teasers(void **state)
{
	(void)state;
	check_fixture("en_dated_teasers");
}

/* "Quellen:" ("Sources:") with its colon heads the list of sources
 * after a fact check: the list reads like sentences but ends the
 * body. */
static void
ends_at_sources_list(void **state)
{
	(void)state;
	check_fixture("de_sources");
}

/* A bullet list whose items have no full stops, run together: items
 * that read as prose (mostly lower case, function words) after a
 * sentence are kept and the body goes on to the sentence after them. */
static void
keeps_list_items_without_stops(void **state)
{
	(void)state;
	check_fixture("es_items");
}

/* A paragraph whose full stop was lost, run together with the next
 * sentence into one unit of forty words and more, reads as prose (a
 * function word in four, few capitals; in Russian, mostly lower case):
 * it is cut off the sentence but stays in the body, not weighed as a
 * teaser title, while the menu words glued before it do not. */
static void
keeps_prose_without_stops(void **state)
{
	(void)state;
	check_fixture("en_nostops");
	check_fixture("es_nostops");
	check_fixture("ru_nostops");
}

/* An embedded post flattened: its text, the address of its picture,
 * its signature "— Name (@handle)" and date belong to the article. A
 * sentence ends before the address (no lower-case word goes on with
 * it), so the post and the sentence after it are not cut into titles;
 * with line breaks kept the signature ending the article stays. */
static void
keeps_embedded_post(void **state)
{
	(void)state;
	check_fixture("en_post");
	check_fixture("en_post_lines");
}

/* A "Related:" marker before one capitalised title takes a summary
 * sentence with it, but not one of more than thirty words: that is
 * the article going on after an inline link. */
static void
keeps_long_sentence_after_related(void **state)
{
	(void)state;
	check_fixture("en_related_long");
}

/* A press release's note on the company ("Norvia is a leading provider
 * of ... solutions ... employees") in the last half of the body ends
 * it; the same kind of sentence near the start introduces the company
 * and stays. */
static void
ends_at_company_note(void **state)
{
	(void)state;
	check_fixture("en_release");
}

/* An Italian newsletter box inside the article, flattened into its
 * name, its pitch and its button ("Iscriviti") glued to the next
 * sentence: the pitch before the button is a promo, the sentence after
 * the button is the article's. */
static void
drops_newsletter_box_italian(void **state)
{
	(void)state;
	check_fixture("it_promo");
}

/* A German brief run together: the date after the byline's "·" is the
 * date (the share labels after it are not the article), and the footer
 * links after the teasers ("Impressum | Kontakt | ...") are links, not
 * a sentence that pulls the body on. */
static void
reads_german_brief_flattened(void **state)
{
	(void)state;
	check_fixture("de_brief");
}

/* Portuguese: a "Recomendado" teaser and an author's note by name and
 * role ("Rita Carvalho é jornalista ...") after the article are not
 * body. */
static void
drops_author_note_portuguese(void **state)
{
	(void)state;
	check_fixture("pt_author");
}

/* A live blog run together: each entry's head ("14:10 Tom Reed") and
 * share labels are dropped, every entry is kept, the first one too
 * (an entry head is not a byline that marks where the article
 * starts). */
static void
reads_live_blog_flattened(void **state)
{
	(void)state;
	check_fixture("en_live");
}

/* A forum thread run together: each reply's head holds "Re:" and the
 * thread's title again; the body is the first post and ends there (the
 * sign-off glued to the next poster's name goes with it). */
static void
ends_at_forum_reply(void **state)
{
	(void)state;
	check_fixture("es_forum");
}

/* A photo credit that is a bare name ("Paul Girardin") glued to the
 * article's first sentence, after the caption that follows the date
 * and the share labels: credit and caption are read, neither is body. */
static void
reads_bare_name_credit(void **state)
{
	(void)state;
	check_fixture("fr_credit");
}

/* A photo's caption written three times (the caption, its "less"
 * toggle, the gallery's copy), each next to a credit, inside the
 * article: every copy goes, the article goes on after them. */
static void
drops_caption_copies(void **state)
{
	(void)state;
	check_fixture("en_captions");
}

/* "Mots-clés :" (tags) ends the body: the next story's sentences
 * after it are not the article's. */
static void
ends_at_tags(void **state)
{
	(void)state;
	check_fixture("fr_tags");
}

/* An author box after the article, written as the name and then the
 * text starting with the name again ("Tom Ashby Tom Ashby grew up
 * ..."), without a role word: it ends the body. */
static void
ends_at_name_written_twice(void **state)
{
	(void)state;
	check_fixture("en_namebox");
}

/* Menu lines and a promo before the headline, "Written by" and "3 min
 * read" lines between it and the body: the headline is the nearest
 * headline-like line, its standfirst the sentence after it. */
static void
finds_headline_near_body(void **state)
{
	(void)state;
	check_fixture("en_head_lines");
}

/* A byline without "By": "Ida Holm - March 9, 2023" glued after the
 * headline in run-together text. */
static void
reads_name_and_date_byline(void **state)
{
	(void)state;
	check_fixture("en_namedate");
}

static void
reads_english_plain(void **state)
{
	(void)state;
	check_fixture("en_plain");
}

static void
reads_german_flattened(void **state)
{
	(void)state;
	check_fixture("de_flat");
}

static void
reads_german_with_lines(void **state)
{
	(void)state;
	check_fixture("de_lines");
}

static void
reads_french_flattened(void **state)
{
	(void)state;
	check_fixture("fr_flat");
}

static void
reads_french_with_lines(void **state)
{
	(void)state;
	check_fixture("fr_lines");
}

static void
reads_spanish_flattened(void **state)
{
	(void)state;
	check_fixture("es_flat");
}

static void
reads_spanish_with_lines(void **state)
{
	(void)state;
	check_fixture("es_lines");
}

static enum nd_err
run(const char *s, size_t n, size_t max, struct article **a,
    struct nd_error *err)
{
	struct extract_opts o = {NULL, "page.txt", max};

	return extract_text(s, n, &o, a, err);
}

static void
refuses_over_limit(void **state)
{
	const char s[] = "The council voted on Monday to close the pier.";
	struct article *a = (struct article *)1;
	struct nd_error err;

	(void)state;
	assert_int_equal(run(s, sizeof(s) - 1, 10, &a, &err), ND_ELIMIT);
	assert_null(a);
	assert_non_null(strstr(err.msg, "page.txt"));
	assert_int_equal(run(s, sizeof(s) - 1, sizeof(s) - 1, &a, &err),
	    ND_OK);
	article_free(a);
}

static void
refuses_empty_and_blank(void **state)
{
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(run("", 0, 0, &a, &err), ND_EEMPTY);
	assert_int_equal(run(" \n\t \xC2\xA0\r\n", 8, 0, &a, &err),
	    ND_EEMPTY);
	assert_null(a);
	assert_non_null(strstr(err.msg, "page.txt"));
}

static void
refuses_binary(void **state)
{
	const char s[] = "PK\x03\x04\x14\0\0\0\x08\0The pier\0\0\x01\x02";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(run(s, sizeof(s) - 1, 0, &a, &err), ND_EBINARY);
	assert_null(a);
	assert_non_null(strstr(err.msg, "binary"));
}

static void
refuses_text_without_sentences(void **state)
{
	const char s[] = "Home News Politics Share on Twitter Save Print\n"
	    "Menu Search Login\n12 comments";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(run(s, sizeof(s) - 1, 0, &a, &err), ND_EEMPTY);
	assert_null(a);
	assert_non_null(strstr(err.msg, "no sentences"));
}

/* Extract s (len bytes) as flattened text; it must succeed. */
static struct article *
extract_ok(const char *s, size_t len)
{
	struct article *a = NULL;
	struct nd_error err;

	assert_int_equal(run(s, len, 0, &a, &err), ND_OK);
	return a;
}

/* A text fixture with its blocks run together (line breaks made
 * spaces), extracted. */
static struct article *
extract_run_together(const char *name)
{
	struct article *a;
	size_t len, i;
	char *s = test_data(name, &len);

	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			s[i] = ' ';
	a = extract_ok(s, len);
	free(s);
	return a;
}

/* No body paragraph holds any of the NULL-ended words in absent. */
static void
assert_lacks(const struct article *a, const char *const *absent)
{
	size_t i, k;

	for (i = 0; i < a->body.n; i++)
		for (k = 0; absent[k] != NULL; k++)
			if (strstr(a->body.v[i], absent[k]) != NULL)
				fail_msg("body paragraph %zu keeps \"%s\"", i,
				    absent[k]);
}

/* Paragraphs of the body that hold needle. */
static size_t
count_with(const struct article *a, const char *needle)
{
	size_t i, n = 0;

	for (i = 0; i < a->body.n; i++)
		n += strstr(a->body.v[i], needle) != NULL;
	return n;
}

/* The first body paragraph that holds needle; there must be one. */
static const char *
para_with(const struct article *a, const char *needle)
{
	size_t i;

	for (i = 0; i < a->body.n; i++)
		if (strstr(a->body.v[i], needle) != NULL)
			return a->body.v[i];
	fail_msg("no body paragraph holds \"%s\"", needle);
	return NULL;
}

/* Extract s and check the body has min paragraphs or more and none of
 * them holds any of the NULL-ended words in absent. */
static void
check_body_lacks(const char *s, size_t min, const char *const *absent)
{
	struct article *a = extract_ok(s, strlen(s));

	assert_true(a->body.n >= min);
	assert_lacks(a, absent);
	article_free(a);
}

/* Swedish and Polish end matter run together: tags ("Taggar:",
 * "Tagi:"), a comment counter ("2 kommentarer", "2 Komentarze"), reply
 * buttons ("Svara", "Odpowiedz"), a most-read list and the rights line
 * end the body; "Av Name" and "12 maj 2025", "14 maja 2025" are the
 * byline and date, and the save labels ("Spara", "Zapisz Drukuj") are
 * not glued to the first sentence. */
static void
reads_swedish_end_matter(void **state)
{
	(void)state;
	check_fixture("sv_tail");
}

static void
reads_polish_end_matter(void **state)
{
	(void)state;
	check_fixture("pl_tail");
}

/* A live ticker whose entry heads glue the time to the author
 * ("09:40Ole Krämer"), each entry with a short title and its own
 * "Teilen" button: every entry stays, with its title; heads and
 * buttons go. */
static void
reads_live_ticker_entries(void **state)
{
	(void)state;
	check_fixture("de_ticker");
}

/* A "Reply" button with a quote button next to it ("Reply “” Name"),
 * run together between comments: a hard end, like a lone button. */
static void
ends_at_reply_with_quote_button(void **state)
{
	static const char *const absent[] = {"Ottersen", "ferry twice",
	    NULL};
	const char s[] = "Harbour News The quay will get new lights this "
	    "winter By Lena Moss 4 March 2025 The town will replace every "
	    "lamp along the old quay before the first storms of the winter "
	    "arrive. Workers start at the fish market and move north, one "
	    "section a week, so the quay stays open to walkers the whole "
	    "time. The new lamps use less power and point their light down "
	    "at the stones instead of out over the water. Boat owners had "
	    "asked for this for years because the old lamps blinded them "
	    "when they came in at night. Posted in Harbour talk · Contact "
	    "the moderators Reply “” Ottersen Posts: 45 Joined: 2019 About "
	    "time, I take the ferry twice a day and the glare is awful. "
	    "Reply “” Mia Posts: 12 Joined: 2021 Good news for the birds "
	    "too, they hate the bright lamps.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_true(a->body.n >= 3);
	assert_non_null(para_with(a, "blinded them"));
	assert_lacks(a, absent);
	article_free(a);
}

/* A footer's "© 2025 Site · Links" glued to the links before it, run
 * together: the notice ends the body with what follows. */
static void
ends_at_glued_copyright(void **state)
{
	static const char *const absent[] = {"Aviso", "Funciona", NULL};
	const char s[] = "Diario del Valle El puente viejo cerrará dos "
	    "meses por obras Por Ana Gil 5 de marzo de 2025 El puente viejo "
	    "sobre el río cerrará al tráfico durante dos meses a partir del "
	    "lunes para reparar los pilares. Los peatones podrán cruzar por "
	    "una pasarela provisional que el ayuntamiento instalará junto "
	    "a la orilla norte. Los autobuses de las líneas dos y cinco "
	    "darán un rodeo por la carretera de circunvalación mientras "
	    "duren los trabajos. Quiénes somos Contacto Mapa del sitio "
	    "Aviso legal © 2025 Diario del Valle · Funciona con una "
	    "plantilla libre · Privacidad de los lectores del diario.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_non_null(para_with(a, "circunvalación"));
	assert_lacks(a, absent);
	article_free(a);
}

/* A blog platform's author line run together ("Lena Vogt · Folgen"):
 * the name is the byline, and the menu, headline and standfirst before
 * it are no body. */
static void
reads_name_with_follow_button(void **state)
{
	static const char *const absent[] = {"Anmelden", "Fensterbrett",
	    "Folgen", NULL};
	size_t len;
	char *s = test_data("text/de_follow.txt", &len);
	struct article *a = extract_ok(s, len);

	(void)state;
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Lena Vogt");
	assert_non_null(para_with(a, "Heizdecke stelle"));
	assert_lacks(a, absent);
	article_free(a);
	free(s);
}

/* "Inc." before an opening quote ends the sentence: the quote is the
 * next one, and the sentence before it is not an unfinished title. */
static void
ends_sentence_at_abbreviation_before_quote(void **state)
{
	const char s[] = "Pier vote\nThe council chose a builder for the "
	    "new pier on Monday after a long search across the region. "
	    "\"We wanted a local firm,\" said Ana Ruiz of Harbour Works "
	    "Inc. \"They know the tides here better than anyone else.\" "
	    "Work starts in the spring and should take about a year.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_null(strstr(para_with(a, "Harbour Works Inc."), "tides"));
	article_free(a);
}

/* "X" (Twitter's new name) next to other networks and "l'article"
 * after a share verb are share labels, run together with the text. */
static void
drops_share_labels_with_x(void **state)
{
	const char s[] = "Crue de la Sarne\nLa rivière a dépassé son niveau "
	    "d'alerte à Verchamps dans la nuit de jeudi à vendredi. "
	    "Partager l'article Facebook X Les écoles de la vallée restent "
	    "fermées vendredi et les transports scolaires sont suspendus. "
	    "La préfecture annonce un pic de la crue dans la nuit de "
	    "samedi, selon les prévisionnistes.";
	static const char *const absent[] = {"Partager", "Facebook", NULL};

	(void)state;
	check_body_lacks(s, 3, absent);
}

/* An ad break's label inside the article ("Continue Reading Below",
 * "Weiterlesen nach der Anzeige") is not body. */
static void
drops_ad_break_labels(void **state)
{
	const char s[] = "Pier vote\nThe council voted on Monday to close "
	    "the old coal pier by the end of next year after a long debate. "
	    "Continue Reading Below The decision ends more than a century "
	    "of coal shipments through the harbour, the mayor said. Work "
	    "on a ferry terminal could start the year after.";
	static const char *const absent[] = {"Continue Reading", NULL};

	(void)state;
	check_body_lacks(s, 3, absent);
}

/* A long sentence (over the run-on limit) with names after "where"
 * and "said" is one sentence: relative words and speech verbs are
 * function words, so no new part starts at the name. */
static void
keeps_long_sentence_with_names(void **state)
{
	const char s[] = "Ferry plan\nIn a letter sent by the harbour master "
	    "on Sunday, the crews were told that the old ferry will stop "
	    "this winter and that a meeting will move from Tuesday to "
	    "Friday, where Holm will present the new timetable to the "
	    "whole town council. The new boat is expected in the spring, "
	    "said Tom Reed, who leads the crews' union at the harbour.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_non_null(strstr(para_with(a, "In a letter sent"),
	    "whole town"));
	article_free(a);
}

/* The article the promo tests end with a promo. */
#define PIER_LEAD "Pier vote\nThe council voted on Monday to close the " \
	"old coal pier by the end of next year after a long debate. The " \
	"decision ends more than a century of coal shipments through the " \
	"harbour, the mayor said at the meeting. Work on a ferry terminal " \
	"could start the year after. "

/* "Follow us on Instagram, Facebook and YouTube", "Follow her on X
 * @handle" after the article are promos for the site's accounts, not
 * the article's last sentence. */
static void
drops_follow_promos(void **state)
{
	static const char *const absent[] = {"Instagram", "@idaholm", NULL};

	(void)state;
	check_body_lacks(PIER_LEAD "You can follow our reporters on "
	    "Instagram, Facebook and YouTube for more news from the coast.", 3,
	    absent);
	check_body_lacks(PIER_LEAD "You can follow the reporter on X "
	    "@idaholm every day.", 3, absent);
}

/* Byline lines as blogs and fact checkers write them: two names with
 * a spaced comma and "on <date>", "Posted on <date> by Name", "Von Name
 * publiziert am <date>": the names and the date are read and the line
 * is not body. */
static void
reads_byline_lines(void **state)
{
	static const char *const in[] = {
	    "Pier vote\nBy Ida Holm , Tom Reed on Monday, November 18th, "
	    "2019 at 11:08 a.m. The council voted on Monday to close the "
	    "old coal pier by the end of next year after a long debate. "
	    "The decision ends more than a century of coal shipments "
	    "through the harbour, the mayor said.",
	    "Pier vote\nPosted on March 30, 2015 by Tom Reed The council "
	    "voted on Monday to close the old coal pier by the end of next "
	    "year after a long debate. The decision ends more than a "
	    "century of coal shipments through the harbour, the mayor said.",
	    "Stegabstimmung\nVon Moritz Bachmann publiziert am 30. Juli 2018 "
	    "Der Gemeinderat hat am Montag beschlossen, den alten "
	    "Kohlensteg bis Ende des nächsten Jahres zu schließen. Damit "
	    "enden mehr als hundert Jahre Kohlenverladung im Hafen, sagte "
	    "der Bürgermeister."};
	static const char *const name[] = {"Tom Reed", "Tom Reed",
	    "Moritz Bachmann"};
	static const int64_t day[] = {1574035200, 1427673600, 1532908800};
	struct article *a = NULL;
	struct nd_error err;
	size_t k, i;

	(void)state;
	for (k = 0; k < 3; k++) {
		assert_int_equal(run(in[k], strlen(in[k]), 0, &a, &err),
		    ND_OK);
		assert_true(a->byline.n >= 1);
		assert_string_equal(a->byline.v[a->byline.n - 1], name[k]);
		assert_true(a->published >= day[k] &&
		    a->published < day[k] + 86400);
		for (i = 0; i < a->body.n; i++)
			assert_null(strstr(a->body.v[i], name[k]));
		article_free(a);
	}
}

/* "Submitted photo" after each of a gallery's name captions is a
 * credit: neither it nor the names are body. */
static void
drops_submitted_photo_credits(void **state)
{
	const char s[] = "Three arrested after search of houses near the "
	    "mill\nPolice arrested three people on Friday "
	    "after a search of two houses near the old mill, a spokesman "
	    "said on Saturday. Officers found tools and a stolen bicycle "
	    "in one of the houses. A neighbour had called the police after "
	    "seeing lights in the empty house at night. Ida Holm Submitted "
	    "photo Tom Reed Submitted "
	    "photo Ana Ruiz Submitted photo The three face charges of "
	    "theft and will appear in court next month, the spokesman "
	    "said.";
	static const char *const absent[] = {"Submitted", "Tom Reed", NULL};
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_true(a->body.n >= 2);
	assert_non_null(strstr(a->body.v[0], "Police arrested"));
	assert_non_null(strstr(a->body.v[a->body.n - 1], "three face"));
	assert_lacks(a, absent);
	article_free(a);
}

/* The comments' rules ("Comentários ... não serão aprovados pelo
 * moderador") end the body like a comment form; "his comments ...
 * moderates" in prose does not. */
static void
ends_at_comment_rules(void **state)
{
	const char s[] = "Vote on the harbour plan moves to next week\n"
	    "The council put off its vote on the harbour plan until next "
	    "week after a long debate on Tuesday. The mayor's comments "
	    "gave moderates on the council a reason to wait for the "
	    "ferry company's figures. The plan would close the coal pier "
	    "by the end of next year. ATENÇÃO: Comentários com textos "
	    "ofensivos não serão aprovados pelo moderador. Clique na foto "
	    "do colunista e veja todas as colunas que ele escreve para o "
	    "site sobre a cidade e o porto.";
	static const char *const absent[] = {"Clique", "ATENÇÃO", NULL};
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_lacks(a, absent);
	assert_non_null(para_with(a, "moderates"));
	article_free(a);
}

/* A league table whose cells and rows run together with the prose
 * ("... Spieltag Pl. Verein Sp. ... 1 SV Hafenstadt 12 9 3 0 27:8 30 2
 * FC Lindau ..."): cut into its rows (rank, name, figures), it stays in
 * the body between the paragraphs, and so does the prose after it. */
static void
keeps_run_together_table_german(void **state)
{
	(void)state;
	check_fixture("de_runtable");
}

/* The same without a rank column, the column names glued to the first
 * row's name after a colon: each list with its votes is a row. */
static void
cuts_run_together_table_spanish(void **state)
{
	(void)state;
	check_fixture("es_runtable");
}

/* A table of names without figures, one row per line under a short
 * sentence that ends in a colon, reads as title lines; announced by
 * the colon and followed by prose, its rows are kept and so is the
 * sentence after them. */
static void
keeps_announced_table(void **state)
{
	(void)state;
	check_fixture("en_announced");
}

/* The same page with every block run together: the lead-in and the
 * column names are one unit, the rows are cut apart as run-on parts. */
static void
keeps_announced_table_run_together(void **state)
{
	struct article *a = extract_run_together("text/en_announced.txt");

	(void)state;
	assert_int_equal(count_with(a, "Mary Finch"), 1);
	assert_int_equal(count_with(a, "larger field"), 1);
	article_free(a);
}

/* The share bar over the article comes again right under it: the
 * comment policy and the columnist's box after the second copy are not
 * the article's, with line breaks kept or with blocks run together. */
static void
ends_at_share_bar_again(void **state)
{
	static const char *const absent[] = {"insult", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_share_twice");
	a = extract_run_together("text/en_share_twice.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "first corner"), 1);
	article_free(a);
}

/* A tag list written "tags #A #B" in lower case ends the body, with
 * line breaks kept or blocks run together ("... 09:12 am tags #A"):
 * the "most popular" titles after it read like sentences. */
static void
ends_at_hashtag_list(void **state)
{
	static const char *const absent[] = {"coffee", "#Ferry", "First",
	    NULL};
	struct article *a;

	(void)state;
	check_fixture("en_hashtags");
	a = extract_run_together("text/en_hashtags.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "ramp in a storm"), 1);
	article_free(a);
}

/* A subscription pitch after the article (a promo word and a price,
 * "you", a code) is not the article's end, in English and German, with
 * line breaks kept or blocks run together. */
static void
drops_subscription_pitch(void **state)
{
	static const char *const absent[] = {"Harbour Plus", "PORTS",
	    "Abo", "Gutscheincode", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_subpitch");
	check_fixture("de_pitch");
	a = extract_run_together("text/en_subpitch.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "annual accounts"), 1);
	article_free(a);
	a = extract_run_together("text/de_pitch.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "nichts entscheiden"), 1);
	article_free(a);
}

/* A Japanese post whose first paragraph starts with a brand name in
 * Latin letters ("Firefoxで...") is prose, not a title; "タグ:" (tags)
 * and "関連記事" (related articles) end it, though the teasers after
 * them are sentences. */
static void
reads_japanese_post(void **state)
{
	(void)state;
	check_fixture("ja_blog");
}

/* An inline box labelled "related news" in lower case (a label the
 * page sets in capitals) holds teaser titles, not the article's. */
static void
drops_lower_case_related_box(void **state)
{
	(void)state;
	check_fixture("en_related_lower");
}

/* "Citation: <title> (date) retrieved <date> from <address>" under a
 * science story is end matter like "Sources:": the copyright notice
 * after it, which reads like sentences, is not the article's. */
static void
ends_at_citation(void **state)
{
	(void)state;
	check_fixture("en_citation");
}

/* A reading time ("Tempo de leitura: 2 minutos", "4 Min. Lesezeit")
 * is a widget: the words around it do not run into the first
 * sentence. */
static void
drops_reading_time_glued(void **state)
{
	static const char *const absent[] = {"Lesezeit", "Min.", NULL};
	struct article *a;

	(void)state;
	check_fixture("pt_readtime2");
	a = extract_run_together("text/de_readtime.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Nach drei Wochen Pause"), 1);
	article_free(a);
}

/* "related stories" in lower case after an author line's date, with a
 * capitalised title after it, heads teasers; "the most popular?" in a
 * sentence is prose. */
static void
drops_related_after_date(void **state)
{
	(void)state;
	check_fixture("en_related_date");
}

/* A wire story's first sentence of 45 words on a line of its own is
 * one sentence, not headlines strung together to cut apart at "Prime
 * Minister Carmen | Abela": prose, with its stop only at the end. Run
 * together, the dateline (or its dash, after a wire slug) tells where
 * it starts. */
static void
keeps_long_first_sentence(void **state)
{
	struct article *a;

	(void)state;
	check_fixture("en_wirelede");
	a = extract_run_together("text/en_wirelede.txt");
	assert_int_equal(count_with(a, "ruling party was accused"), 1);
	assert_int_equal(count_with(a, "Green Party leader Joseph"), 1);
	article_free(a);
	a = extract_run_together("text/en_wirelede_slug.txt");
	assert_int_equal(count_with(a, "Green Party leader Joseph"), 1);
	article_free(a);
}

/* A hover card flattened into a sentence glues its blocks ("Dana
 * BellDana Marie BellRiver County ..."): the line is not one long
 * sentence, and the card's headlines stay out of the body. */
static void
drops_glued_hover_card(void **state)
{
	static const char *const absent[] = {"BellDana", "doubles down",
	    NULL};
	struct article *a;
	size_t len;
	char *s = test_data("text/en_hovercard.txt", &len);

	(void)state;
	a = extract_ok(s, len);
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "posters went up first"), 1);
	article_free(a);
	free(s);
}

/* Run together, an author's name with a handle that spells it ("Mia
 * Lund @mialund / 3 days") is the byline, not a capitalised word
 * before it; the relative time after it is not the first sentence's. */
static void
reads_name_with_handle(void **state)
{
	(void)state;
	check_fixture("en_handle");
}

/* After an inline "Te puede interesar" box and its title, a line of
 * two sentences is the article's next paragraph, not the teaser's
 * one-line summary. */
static void
keeps_paragraph_after_inline_box(void **state)
{
	(void)state;
	check_fixture("es_inline_box");
}

/* A newsletter box's form messages after the article (consent, thanks,
 * error) end the body with the box's name and pitch, lines kept or run
 * together; in German too. */
static void
ends_at_signup_form(void **state)
{
	static const char *const absent[] = {"breakfast", "agree",
	    "signing", "error", "car park", NULL};
	static const char *const absent_de[] = {"Anmeldung", "Fehler",
	    "Parkhaus", NULL};
	const char de[] = "Neue Fähre nach Selby\nDie Fähre nach Selby fährt "
	    "seit Montag wieder, nachdem der Hafenverband den Anleger über "
	    "den Winter repariert hat. Rund vierzig Menschen nahmen die "
	    "erste Fahrt, die meisten von ihnen Inselbewohner auf dem Weg "
	    "zur Arbeit. Der Verband sagt, der neue Anleger halte noch "
	    "zwanzig Jahre und die Fähre könne bei jedem Wasserstand "
	    "anlegen. Der Morgen-Newsletter Ich bin einverstanden, dass "
	    "mir die Hafenzeitung den Newsletter schickt. Vielen Dank für "
	    "Ihre Anmeldung! Leider ist ein Fehler aufgetreten. Bitte "
	    "versuchen Sie es später noch einmal. Der Rat stimmt über ein "
	    "neues Parkhaus am Ufer ab, das zweihundert Plätze neben der "
	    "Rettungsstation bringen soll und die Händler spaltet.";
	struct article *a;

	(void)state;
	check_fixture("en_signup");
	a = extract_run_together("text/en_signup.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "any tide"), 1);
	article_free(a);
	a = extract_ok(de, sizeof(de) - 1);
	assert_lacks(a, absent_de);
	assert_int_equal(count_with(a, "Wasserstand"), 1);
	article_free(a);
}

/* Prose that thanks something and mentions an error, with a
 * subscription named but no sign-up box, is no form: the article goes
 * on after it. */
static void
keeps_prose_with_thanks(void **state)
{
	const char s[] = "Library fees\nThe town library will stop charging "
	    "late fees next month, the council said on Tuesday after a long "
	    "review of its budget. Thanks to a rise in subscriptions, the "
	    "library can cover the lost income. An error in last year's "
	    "accounts had hidden the surplus for months. Readers with old "
	    "fines will have them cleared on the first of the month, and "
	    "the library will open on Sunday afternoons from the spring.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_int_equal(count_with(a, "late fees"), 1);
	assert_int_equal(count_with(a, "Thanks to"), 1);
	assert_int_equal(count_with(a, "Sunday afternoons"), 1);
	article_free(a);
}

/* The site's pitches after the article (follow us, subscribe, join
 * our panel, send us a tip) are cut off the body's end, lines kept or
 * run together, with the headlines and the plug before them that they
 * made worth crossing; a newsletter named inside the article is not. */
static void
ends_before_pitch_to_reader(void **state)
{
	static const char *const absent[] = {"Follow us", "Subscribe",
	    "panel", "tips@", "Low Tide", "Whole Coast", NULL};
	const char s[] = "Club news\nThe rowing club sent its members a "
	    "newsletter on Monday announcing a new boathouse by the weir. "
	    "Work on the boathouse starts in March and should be finished "
	    "before the summer regatta, the club's captain said. The old "
	    "shed will be kept for the junior squad and the canoes. The "
	    "council gave the club a grant for half of the cost last year.";
	const char es[] = "Vuelve el ferry\nEl ferry entre Puerto Lince y la "
	    "isla volvió a navegar el lunes después de tres meses de obras "
	    "en el muelle. Unos cuarenta vecinos hicieron el primer viaje, "
	    "la mayoría de ellos trabajadores que cruzan cada mañana. La "
	    "naviera dice que el nuevo muelle permitirá atracar con "
	    "cualquier marea durante toda la temporada. Síguenos en "
	    "Facebook, Instagram y YouTube para no perderte nada. ¿Quieres "
	    "más noticias? Suscríbete a nuestro boletín semanal con lo mejor "
	    "de la semana. Si tienes una pista, escríbenos y cuéntanos tu "
	    "historia.";
	static const char *const absent_es[] = {"Síguenos", "Suscríbete",
	    "pista", NULL};
	const char us[] = "Port talks\nDelegates from the two ports met on "
	    "Monday to talk about sharing the cost of a new breakwater that "
	    "both harbours need before the winter storms. The larger port "
	    "wants the cost split by the number of ships each harbour "
	    "takes in a year, which the smaller one says is unfair. Sign "
	    "up for our "
	    "daily newsletter and get the news first. US officials said the "
	    "talks would resume in March. Subscribe to our podcast for more "
	    "from the coast. The US envoy will travel to both ports before "
	    "then.";
	struct article *a;

	(void)state;
	check_fixture("en_pitch_tail");
	a = extract_run_together("text/en_pitch_tail.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "feed at sea"), 1);
	article_free(a);
	a = extract_ok(s, sizeof(s) - 1);
	assert_int_equal(count_with(a, "newsletter"), 1);
	assert_int_equal(count_with(a, "grant for half"), 1);
	article_free(a);
	a = extract_ok(es, sizeof(es) - 1);
	assert_lacks(a, absent_es);
	assert_int_equal(count_with(a, "temporada"), 1);
	article_free(a);
	a = extract_ok(us, sizeof(us) - 1);
	assert_int_equal(count_with(a, "resume in March"), 1);
	assert_int_equal(count_with(a, "envoy"), 1);
	article_free(a);
}

/* A box of follower counts ("299FollowersFollow", "12k Followers")
 * starts the site's footer: its "About us" and contact lines are not
 * the article's, lines kept or run together. One count in prose is
 * no box, nor are counts of fans in lower case. */
static void
ends_at_follower_counts(void **state)
{
	const char lines[] = "Bridge reopens\nThe old bridge over the Lune "
	    "reopened to traffic on Friday after eight months of repairs to "
	    "its arches and railings. Drivers had used a diversion through "
	    "two villages since the spring, adding twenty minutes to the "
	    "trip into town. The council said the bridge is now safe for "
	    "lorries up to twelve tonnes for the first time in a decade.\n"
	    "STAY CONNECTED\n2,310FansLike\n12kFollowersFollow\n"
	    "845 Subscribers Subscribe\nABOUT US\nNobody covers the Lune "
	    "valley like the Courier, in print every day since 1881.\n"
	    "Contact us: news@courier.example\n";
	const char prose[] = "Town feed\nThe town's page on the photo app "
	    "passed 12,000 followers this week, the council said on "
	    "Tuesday after a year of posting pictures of the market. The "
	    "page is run by two clerks who take turns each week. Their "
	    "photos of the flood last winter were shared across the "
	    "country. The council plans to add a weekly video from the "
	    "market hall in the spring.";
	const char match[] = "Cup final\nThe final was played in front of "
	    "a full ground on Sunday, and the home side won it with a goal "
	    "in the last minute of extra time. More than 40,000 fans packed "
	    "the stadium. About 2,000 fans travelled from the coast by "
	    "train. The 300 fanatics of the away end sang until the end. "
	    "The winners play their first league game of the season next "
	    "Saturday at home.";
	static const char *const absent[] = {"Fans", "Followers", "Nobody",
	    "Contact", NULL};
	char run[sizeof(lines)];
	struct article *a;
	size_t i;

	(void)state;
	a = extract_ok(lines, sizeof(lines) - 1);
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "twelve tonnes"), 1);
	article_free(a);
	for (i = 0; i < sizeof(lines); i++)
		run[i] = lines[i] == '\n' ? ' ' : lines[i];
	a = extract_ok(run, sizeof(run) - 1);
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "twelve tonnes"), 1);
	article_free(a);
	a = extract_ok(prose, sizeof(prose) - 1);
	assert_int_equal(count_with(a, "12,000 followers"), 1);
	assert_int_equal(count_with(a, "market hall"), 1);
	article_free(a);
	a = extract_ok(match, sizeof(match) - 1);
	assert_int_equal(count_with(a, "packed"), 1);
	assert_int_equal(count_with(a, "next Saturday"), 1);
	article_free(a);
}

/* A site's disclaimers after a teaser box ("not evaluated by the Food
 * and Drug Administration", "for informational purposes only", "nur zu
 * Informationszwecken") end the body; one such phrase quoted inside
 * the article does not. */
static void
ends_at_disclaimers(void **state)
{
	static const char *const absent[] = {"Food and Drug", "diagnose",
	    "informational", NULL};
	static const char *const absent_de[] = {"Informationszwecken",
	    "Anlageberatung", "Zinsen", NULL};
	const char de[] = "Sparen im Winter\nViele Haushalte legen im "
	    "Winter weniger zur Seite, weil Heizung und Strom mehr kosten "
	    "als im Sommer. Wer seine Abschläge früh anpasst, erlebt im "
	    "Frühjahr keine böse Überraschung bei der Abrechnung. Ein "
	    "fester Sparbetrag am Monatsanfang hilft, auch kleine Summen "
	    "über das Jahr zu sammeln.\nWeitere Artikel\nSparen Extra\n"
	    "Konten im Vergleich\nSparen Extra\nGünstige Kredite\n"
	    "Sparen Extra\nDie besten Apps\nDie Inhalte dieser Seite "
	    "dienen nur zu Informationszwecken. Sie stellen keine "
	    "Anlageberatung dar. Die Zinsen ändern sich täglich.\n";
	const char quoted[] = "Vitamin labels\nA market stall was fined "
	    "on Friday for selling pills with labels that promised to cure "
	    "colds, the trading standards office said. Labels in the "
	    "country must say the product is not intended to diagnose or "
	    "cure any disease, the office said. The stall's owner said he "
	    "had bought the pills from a wholesaler and did not read the "
	    "labels. He was given a month to change them and was told to "
	    "keep the receipts for the next inspection.";
	struct article *a;

	(void)state;
	check_fixture("en_disclaim");
	a = extract_run_together("text/en_disclaim.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "do a set"), 1);
	article_free(a);
	a = extract_ok(de, sizeof(de) - 1);
	assert_lacks(a, absent_de);
	assert_int_equal(count_with(a, "Sparbetrag"), 1);
	article_free(a);
	a = extract_ok(quoted, sizeof(quoted) - 1);
	assert_int_equal(count_with(a, "not intended to diagnose"), 1);
	assert_int_equal(count_with(a, "next inspection"), 1);
	article_free(a);
}

/* A press release's note on the company over several sentences, the
 * first ones naming the company without company words ("Brightwell's
 * mission is ...") and, run together, glued to the reference list's
 * last item: all of it goes, the references stay. */
static void
ends_before_company_note(void **state)
{
	static const char *const absent[] = {"mission", "vision",
	    "employees", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_release_note");
	a = extract_run_together("text/en_release_note.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Coastal Towns"), 1);
	assert_int_equal(count_with(a, "company's website"), 1);
	article_free(a);
}

/* A shortcode the CMS did not render ("[button link=\"...\"] ...
 * [/button]") is markup, not prose: run together after the article, it
 * no longer glues the words around it into a sentence the body takes.
 * An equation or a reference mark in prose is no markup. */
static void
drops_leaked_markup(void **state)
{
	const char s[] = "Glove test\nThe winter gloves kept our hands warm "
	    "on a three-hour ride in the hills at two degrees, and the "
	    "grip on the bars stayed firm when the roads were wet. The "
	    "stitching on the left thumb came loose after a month, which "
	    "is poor for the price, but the shop replaced the pair without "
	    "a fuss. They are a good buy for anyone who rides all year. "
	    "Advert [button link=\"https://bikes.example/review/\" "
	    "type=\"big\"] Send us your own review[/button] This gallery "
	    "needs scripts to show. Get the magazine through your door "
	    "every month. Tell us what you think in the comments below.";
	const char prose[] = "Energy sums\nThe teacher wrote E=mc2 on the "
	    "board and asked the class what each letter stood for in the "
	    "famous formula. Most of the pupils knew the answer, she said, "
	    "because the film about the scientist had been shown on "
	    "television the week before. The school will show the film "
	    "again in the hall on Friday [1] for the parents who missed it.";
	static const char *const absent[] = {"button", "Send us", "scripts",
	    "magazine", NULL};
	struct article *a;

	(void)state;
	a = extract_ok(s, sizeof(s) - 1);
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "rides all year"), 1);
	article_free(a);
	a = extract_ok(prose, sizeof(prose) - 1);
	assert_int_equal(count_with(a, "E=mc2"), 1);
	assert_int_equal(count_with(a, "missed it"), 1);
	article_free(a);
}

/* A photo credit in brackets whose name holds a lower-case particle
 * ("(Foto: Jornal do Litoral)") ends at its closing bracket: the rest
 * of the name does not start the first sentence. */
static void
reads_bracketed_credit_to_its_end(void **state)
{
	(void)state;
	check_fixture("pt_parencredit");
}

/* An abbreviated photo marker after the caption's stop ("... miasta.
 * Fot. Anna Wiśniewska") is a credit, lines kept or run together: the
 * name does not start the first sentence. */
static void
reads_abbreviated_photo_credit(void **state)
{
	static const char *const absent[] = {"Fot.", "Wiśniewska", NULL};
	struct article *a;

	(void)state;
	check_fixture("pl_fotcredit");
	a = extract_run_together("text/pl_fotcredit.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Kierowcy nie przejadą"), 1);
	article_free(a);
}

/* A box score's rows before a "Read more" link are the table's data,
 * not a teaser card's title and summary; the line after the link's
 * title holds two sentences (the second full of names, Title Case):
 * the article's paragraph, not the teaser's summary. */
static void
keeps_table_rows_before_read_more(void **state)
{
	(void)state;
	check_fixture("en_boxscore");
}

/* Election results run together after an inline "Recommended" box:
 * the percent signs written apart belong to the figures, and the
 * lead-in ending in a colon is the article's, not the box's summary. */
static void
keeps_run_together_table_with_signs(void **state)
{
	(void)state;
	check_fixture("en_runtable");
}

/* A "Most read" box whose teasers carry their counts has the shape
 * of a table run together; after the marker they are teasers all the
 * same, and the marker is no column name of theirs. */
static void
drops_teasers_with_counts(void **state)
{
	const char s[] = "Harbour wall repairs to start next month By Ana "
	    "Pratt \xC2\xB7 3 March 2025 Work to repair the old harbour wall "
	    "will start next month and last until the end of the summer, "
	    "the council said on Monday. The wall was damaged in two storms "
	    "last winter, when waves broke through near the lifeboat "
	    "station. Boats will still be able to use the inner harbour "
	    "while the work goes on, but the outer pier will be closed to "
	    "the public. Most read Bus station to reopen in June 14 3 "
	    "Library hours cut 9 1 Ferry fares rise again 22 5 New school "
	    "opens in Westfield 7 0 The Harbour Gazette has reported on "
	    "life in the town and its villages since 1911. \xC2\xA9 2025 "
	    "Harbour Gazette";
	static const char *const absent[] = {"Library hours", "Most read",
	    NULL};
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_non_null(strstr(a->body.v[0], "Work to repair"));
	assert_lacks(a, absent);
	article_free(a);
}

/* Run together, the article's last words may be the site's address
 * ("... corner. www.valleynews.example Share on Facebook ..."): the
 * share bar after it is still a bar, written the second time. */
static void
ends_at_share_bar_after_address(void **state)
{
	const char s[] = "Club racer sets a new hill record Saturday 7 "
	    "September 2024 Share on Facebook Share on Twitter Lena Voss "
	    "knocked almost half a second off the record for the hill climb "
	    "on Saturday, driving a car she built in her own garage. The "
	    "course runs for just under a mile up a narrow lane with two "
	    "hairpins, and dry weather brought fast times all afternoon. "
	    "Voss said she had changed the gearing overnight after a slow "
	    "practice run and that the car felt right from the first corner. "
	    "The next meeting on the hill is planned for the first weekend "
	    "of October, weather permitting. "
	    "www.valleynews.example Share on Facebook Share on Twitter Note: "
	    "comments that insult other readers will not be published. "
	    "Ray Dunn writes every week about the small race "
	    "meetings that keep club motorsport alive in the valleys.";
	static const char *const absent[] = {"insult", "Ray Dunn", NULL};
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_true(a->body.n > 0);
	assert_non_null(strstr(a->body.v[0], "Lena Voss"));
	assert_lacks(a, absent);
	article_free(a);
}

/* Figures recurring at a fixed period in prose, with lower-case words
 * between them, are no table: the sentence stays whole. */
static void
keeps_scores_in_prose(void **state)
{
	const char s[] = "Open final\nThe young player from the harbour "
	    "club had a long week. Ruiz beat Gil 6 4 6 3 and then Lee 6 2 "
	    "6 1 before losing to Park 3 6 4 6 in the final on Sunday "
	    "afternoon. She said the week had shown her how far she had "
	    "come since the spring.";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	(void)state;
	assert_non_null(strstr(para_with(a, "Ruiz beat Gil"), "on Sunday"));
	article_free(a);
}

static void
repairs_invalid_utf8(void **state)
{
	const char s[] = "Pier vote\nThe council voted on Monday to close "
	    "the pier \xC3( near the old mill. The decision ends a century "
	    "of coal shipments through the harbour.";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(run(s, sizeof(s) - 1, 0, &a, &err), ND_OK);
	assert_int_equal(a->body.n, 2);
	assert_non_null(strstr(a->body.v[0], "pier \xEF\xBF\xBD( near"));
	assert_string_equal(a->headline, "Pier vote");
	article_free(a);
}

static void
survives_large_flat_input(void **state)
{
	const char *unit = "Councillors voted on Monday to close the pier. "
	    "Share on Twitter Save Print By Jane Okafor, Kestrel Bay, "
	    "March 14, 2022 12 comments Photo: A/B \xC2\xA9 C ";
	size_t max = EXTRACT_MAX_BYTES, n = strlen(unit), len = 0;
	char *s = xmalloc(max);
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	while (len + n <= max) {
		memcpy(s + len, unit, n);
		len += n;
	}
	assert_int_equal(run(s, len, 0, &a, &err), ND_OK);
	assert_true(a->body.n >= 1);
	assert_string_equal(a->body.v[0],
	    "Councillors voted on Monday to close the pier.");
	article_free(a);
	memset(s, 'x', max);	/* one 16 MiB word */
	assert_int_equal(run(s, max, 0, &a, &err), ND_EEMPTY);
	/* one line of 8 Mi function words: read as one long sentence */
	for (len = 0; len + 2 <= max; len += 2)
		memcpy(s + len, "a ", 2);
	assert_int_equal(run(s, len, 0, &a, &err), ND_OK);
	assert_int_equal(a->body.n, 1);
	article_free(a);
	free(s);
}

/* A headline glued to the menu words before it (blocks run
 * together): it is the stretch whose words the body repeats, the menu
 * items are not ("... Science Space The Quiet Comet That Came Back to
 * the Northern Sky By ..."). */
static void
reads_headline_after_menu_english(void **state)
{
	(void)state;
	check_fixture("en_head_menu");
}

static void
reads_headline_after_menu_french(void **state)
{
	(void)state;
	check_fixture("fr_head_menu");
}

/* The byline and date are read again between the headline and the
 * body: a lower-case "by" after a date, "Geschrieben von", a name with
 * its @handle; a menu's date before the headline is not the article's,
 * an ISO stamp is. */
static void
reads_byline_after_date_english(void **state)
{
	(void)state;
	check_fixture("en_head_byline");
}

static void
reads_date_near_headline_german(void **state)
{
	(void)state;
	check_fixture("de_head_date");
}

static void
reads_byline_with_handle_spanish(void **state)
{
	(void)state;
	check_fixture("es_head_handle");
}

/* A byline name written twice (link and text) is kept once, and an
 * address after it is not the next sentence's first word. */
static void
reads_byline_written_twice_french(void **state)
{
	(void)state;
	check_fixture("fr_head_name");
}

/* A long headline line the body search took in is still read as the
 * headline, not the title-like line of a teaser before it. */
static void
reads_headline_inside_body_english(void **state)
{
	(void)state;
	check_fixture("en_head_long");
}

/* A headline and a long standfirst glued together (blocks run
 * together): the first is the headline, the second its standfirst. */
static void
reads_glued_standfirst_spanish(void **state)
{
	(void)state;
	check_fixture("es_head_glued");
}

/* A headline written twice in a row (a crumb's last item and the
 * headline) is the headline, though the span pass reads such a pair
 * as a teaser card. */
static void
reads_headline_written_twice_english(void **state)
{
	(void)state;
	check_fixture("en_head_twice");
}

/* "Veröffentlicht von Name am Datum": the note ends the headline, and
 * the name before "am" and a date is whole. */
static void
reads_posted_by_german(void **state)
{
	(void)state;
	check_fixture("de_head_posted");
}

/* "Mar 3, 20249:15 AM": flattening glued the year to the time after
 * it; the date is still read. */
static void
reads_date_glued_to_time_english(void **state)
{
	(void)state;
	check_fixture("en_head_gluedate");
}

/* Outside English a capitalised sentence starter inside a run-together
 * line starts a new part even after a name ("... à Chamonix Les cabines
 * ..."): the headline ends there and the standfirst begins. */
static void
reads_headline_before_starter_french(void **state)
{
	(void)state;
	check_fixture("fr_head_starter");
}

/* A byline name glued to the next block by flattening ("HolmHarbour")
 * ends at the glue, also when the byline stands away from the
 * headline. */
static void
reads_glued_byline_name_english(void **state)
{
	(void)state;
	check_fixture("en_head_gluedname");
}

/* A bullet list without full stops ends the article: its last items
 * weigh nothing, yet they are the article's (the list begins after a
 * line ending in a colon inside the body). */
static void
keeps_list_ending_article(void **state)
{
	(void)state;
	check_fixture("en_listend");
}

/* A teaser's prose-like title right after the article's last sentence
 * (no list begun in the body) stays out. */
static void
drops_teaser_title_after_body(void **state)
{
	static const char s[] =
	    "Ferry timetable changes from Monday\n"
	    "By Tom Reed\n12 October 2022\n"
	    "The harbour company will run two more ferries each weekday "
	    "from Monday, after a summer in which queues at the terminal "
	    "often stretched past the car park.\n"
	    "The first boat will now leave at half past five, and the last "
	    "one will return shortly before midnight, the company said on "
	    "Friday.\n"
	    "Harbour master: Both sides to blame for the long wait at the "
	    "island pier\n"
	    "By Ida Holm\n11 October 2022\nShare this article\n";
	static const char *const absent[] = { "Harbour master", NULL };
	struct article *a = extract_ok(s, sizeof(s) - 1);

	assert_int_equal(a->body.n, 2);
	assert_lacks(a, absent);
	article_free(a);
}

/* A lede of more than forty words on a line of its own, after a
 * dateline, with names inside it: one sentence, not headlines strung
 * together, so it is not cut at its names and stays whole; run
 * together, the same after the dateline's dash. */
static void
keeps_long_lede(void **state)
{
	struct article *a;

	(void)state;
	check_fixture("en_longlede");
	/* run together, the lede starts after the dateline's dash */
	a = extract_run_together("text/en_longlede.txt");
	assert_non_null(strstr(para_with(a, "Signe Halvorsen"),
	    "The island council voted"));
	article_free(a);
}

/* A bullet list under a question between the byline and the body's
 * first sentence: its lines cost as titles, yet they open the
 * article. */
static void
keeps_list_before_body(void **state)
{
	(void)state;
	check_fixture("en_headlist");
}

/* Spanish: a line and code lines (one starting in lower case) between
 * the headline and the body's first sentence open the article; the
 * headline after the crumb stays out of the body. */
static void
keeps_code_lines_before_body(void **state)
{
	(void)state;
	check_fixture("es_codelines");
}

/* Short labels under the date ("Reading time 4 min", "Add to
 * favourites", "Text size") are no list: the body starts at its first
 * sentence. */
static void
drops_labels_before_body(void **state)
{
	static const char s[] =
	    "Ferry timetable changes from Monday\n"
	    "By Tom Reed\n12 October 2022\n"
	    "Reading time 4 min\nAdd to favourites\nText size\n"
	    "The harbour company will run two more ferries each weekday "
	    "from Monday, after a summer in which queues at the terminal "
	    "often stretched past the car park.\n"
	    "The first boat will now leave at half past five, and the last "
	    "one will return shortly before midnight, the company said on "
	    "Friday.\n";
	static const char *const absent[] = { "Reading", "favourites",
	    "Text size", NULL };
	struct article *a = extract_ok(s, sizeof(s) - 1);

	assert_int_equal(a->body.n, 2);
	assert_lacks(a, absent);
	article_free(a);
}

/* A results line counts goals and saves ("Lena Park 1 goal, 1 assist.
 * Ines Duval 2 assists. Tom Baker 3 saves."): numbers before lower-case
 * words count things and are no ranked list of teasers, so the line
 * stays in the body, with line breaks kept and run together. */
static void
keeps_counts_in_results(void **state)
{
	struct article *a;

	(void)state;
	check_fixture("en_counts");
	a = extract_run_together("text/en_counts.txt");
	assert_non_null(strstr(para_with(a, "Tom Baker"), "3 saves"));
	article_free(a);
}

/* A list of dates after the last sentence with one place wrapped onto
 * a line of its own ("North Bank"): the list goes on past it to its
 * last date. */
static void
keeps_wrapped_list_line(void **state)
{
	(void)state;
	check_fixture("en_datewrap");
}

/* Prose that names the same subject twice across a full stop ("...
 * Quay Rowing Club won the cup. Quay Rowing Club won the shield ...")
 * is no teaser card written twice (a card's copies have at most a
 * section word between them, never a sentence's end): both sentences
 * stay. */
static void
keeps_subject_named_twice(void **state)
{
	static const char s[] =
	    "Regatta ends a long season\n"
	    "By Tom Reed\n12 October 2022\n"
	    "The autumn regatta on the river closed a season in which the "
	    "small clubs of the valley won more races than ever before.\n"
	    "In the last hour of racing the results came in quickly. "
	    "Quay Rowing Club won the cup. Quay Rowing Club won the shield "
	    "as well, and the crowd on the bank cheered both crews home.\n"
	    "The clubs meet again in the spring, when the new boats from the "
	    "boatyard at the harbour should be ready for their first race.\n"
	    "Share this article\n";
	struct article *a = extract_ok(s, sizeof(s) - 1);

	assert_non_null(strstr(para_with(a, "won the cup"),
	    "won the shield"));
	article_free(a);
}

/* A press release's footnotes ("[1] ... 2021; 14: 212-219.") before
 * the company's note, which ends the body: the body ends after the
 * footnotes, not at the last sentence before them. */
static void
keeps_footnotes_before_note(void **state)
{
	(void)state;
	check_fixture("en_footnotes");
}

/* "More:" with its colon over three headlines inside the body: a
 * one-word teaser label, so the headlines go, with line breaks kept
 * or with blocks run together; "More than half ..." (no colon) is the
 * article's sentence and stays. */
static void
drops_headlines_after_label(void **state)
{
	static const char *const absent[] = {"spring tides", "uphill",
		"lake that", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_label");
	a = extract_run_together("text/en_label.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "More than half"), 1);
	article_free(a);
}

/* A hover card glued into a sentence after a senator's name (the name
 * again, glued at both ends, the card's headlines, "MORE"): it is cut
 * out and the sentence reads whole, with line breaks kept or with
 * blocks run together; the card that gives the full name goes too. */
static void
cuts_hover_card_out_of_sentence(void **state)
{
	static const char *const absent[] = {"GrantPaula", "Ferry subsidy",
		"dredging plan", "MORE", "Lighthouse", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_card");
	a = extract_run_together("text/en_card.txt");
	assert_lacks(a, absent);
	assert_non_null(strstr(para_with(a, "Paula Grant (D-Ore.)"),
	    "committee vote"));
	article_free(a);
}

/* Headlines in capitals between the paragraphs link to other stories:
 * six words or more in capitals after a sentence go, with line breaks
 * kept or run together (the next paragraph glued on stays), in any
 * script with case; a short sub-heading in capitals stays. */
static void
drops_headline_links_in_capitals(void **state)
{
	static const char *const absent[] = {"FORMER CHAMPION",
		"FOOD QUIZ", NULL};
	static const char *const ru_absent[] = {"ЗВЕЗДА", NULL};
	static const char ru[] =
	    "Новости\nМост через реку откроют весной\n"
	    "Строители закончили укладку последнего пролёта нового моста "
	    "через реку и начали работы на подъездных дорогах к нему. "
	    "По словам инженеров, движение по мосту откроют в начале "
	    "весны, если погода не помешает работам. "
	    "ЗВЕЗДА СЕРИАЛА РАССКАЗАЛА О СВОЕЙ НОВОЙ РОЛИ В КИНО "
	    "Жители соседних сёл ждут открытия моста уже много лет, "
	    "потому что старая переправа работает только летом. "
	    "Город обещает пустить по мосту и новый автобус до вокзала.\n";
	struct article *a;

	(void)state;
	check_fixture("en_capslink");
	a = extract_run_together("text/en_capslink.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Viewers flooded"), 1);
	article_free(a);
	a = extract_ok(ru, strlen(ru));
	assert_lacks(a, ru_absent);
	assert_int_equal(count_with(a, "Жители соседних"), 1);
	article_free(a);
}

/* A later photo's caption of several sentences on a line that ends in
 * its credit, with line breaks kept: the whole line goes, not only its
 * last sentence. */
static void
drops_caption_line_ending_in_credit(void **state)
{
	(void)state;
	check_fixture("en_captionline");
}

/* A card to another story inside the article closed by its button:
 * title, summary cut short, "Read more" (the marker last). The title
 * and the summary go, with line breaks kept or run together; the same
 * in German with "Weiterlesen". */
static void
drops_card_before_read_more(void **state)
{
	static const char *const absent[] = {"Vaping", "clinics", NULL};
	static const char *const de_absent[] = {"Radwege", "Stadtrat",
		NULL};
	static const char de[] =
	    "Nachrichten\nDer Hafen bekommt eine neue Fähre\n"
	    "Die neue Fähre zwischen den beiden Ufern des Hafens soll im "
	    "Frühjahr in Dienst gehen und doppelt so viele Fahrgäste "
	    "tragen wie das alte Schiff. "
	    "Neue Radwege Für Die Innenstadt Kommen Später Als Geplant "
	    "Der Stadtrat hat am Dienstag über die Pläne für die "
	    "Weiterlesen "
	    "Die Werft hat das Schiff in nur vierzehn Monaten gebaut, "
	    "obwohl die Teile für den Motor lange auf sich warten ließen. "
	    "Die Stadt zahlt einen Teil der Kosten, den Rest tragen das "
	    "Land und die Betreiber der Fähre zu gleichen Teilen.\n";
	struct article *a;

	(void)state;
	check_fixture("en_readmore");
	a = extract_run_together("text/en_readmore.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Once the feathers"), 1);
	article_free(a);
	a = extract_ok(de, strlen(de));
	assert_lacks(a, de_absent);
	assert_int_equal(count_with(a, "Die Werft"), 1);
	article_free(a);
}

/* A credit in square brackets at the end of the lead photo's caption
 * ("[Harbour Board via Coast News]", "[File: Agency]"): the caption
 * before it goes, and the short sentence after it is the article's,
 * with line breaks kept or run together; brackets in prose stay. */
static void
reads_credit_in_square_brackets(void **state)
{
	static const char *const absent[] = {"Crew members", "via", NULL};
	static const char *const file_absent[] = {"File:", "sandbags",
		NULL};
	static const char file[] =
	    "News\nRiver rises in the old town\n"
	    "Volunteers fill sandbags on the river bank below the bridge "
	    "[File: Coast News] The river rose above its banks on Monday "
	    "night for the first time in ten years. "
	    "Shop owners in the old town moved their goods upstairs as "
	    "the water reached the market square before dawn. "
	    "The council opened the school hall for families who had to "
	    "leave their homes near the water.\n";
	struct article *a;

	(void)state;
	check_fixture("en_squarecredit");
	a = extract_run_together("text/en_squarecredit.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Lerwick, Scotland"), 1);
	article_free(a);
	a = extract_ok(file, strlen(file));
	assert_lacks(a, file_absent);
	assert_int_equal(count_with(a, "The river rose"), 1);
	article_free(a);
}

/* A press release's dateline on a line of its own in capitals, with
 * no dash ("OSLO, NORWAY"): the headline and standfirst sentences
 * before it are not the body, and it opens the first paragraph, with
 * line breaks kept or run together. */
static void
reads_place_line_in_capitals(void **state)
{
	static const char *const absent[] = {"busy wards", "announce a",
		NULL};
	struct article *a;

	(void)state;
	check_fixture("en_placeline");
	a = extract_run_together("text/en_placeline.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "OSLO, NORWAY Harbour"), 1);
	article_free(a);
}

/* An agency's name glued to the caption's full stop ("... harbour
 * district.Reuters Good morning ..."): split off, it is the lead
 * photo's credit, the caption goes and the greeting after it stays,
 * with line breaks kept or run together. */
static void
reads_agency_glued_to_caption(void **state)
{
	static const char *const absent[] = {"glass entrance", "Reuters",
		NULL};
	struct article *a;

	(void)state;
	check_fixture("en_gluedagency");
	a = extract_run_together("text/en_gluedagency.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Good morning"), 1);
	article_free(a);
}

/* Reading-time labels ("Tempo de leitura: 2 minutos", "4 min read",
 * "Lesezeit: 3 Min.") are widgets, also glued onto the first sentence
 * when run together; "dez minutos para ler" in prose stays. */
static void
drops_reading_time(void **state)
{
	static const char *const absent[] = {"leitura", NULL};
	static const char *const en_absent[] = {"min read", NULL};
	static const char *const de_absent[] = {"Lesezeit", NULL};
	static const char en[] =
	    "Sport\nClub calms the row after two red cards\n"
	    "Nov 12, 2024 \xE2\x80\xA2 4 min read The club spent "
	    "the week trying to calm the row over the match that ended "
	    "with two players sent off and a fine for both teams. "
	    "The coach said on Monday that he had spoken to every player "
	    "and that the team would accept the league's decision. "
	    "The next match is on Sunday at home against the leaders.\n";
	static const char de[] =
	    "Kultur\nDer Hafen kommt ins Museum\n"
	    "Lesezeit: 3 Min. Das Stadtmuseum zeigt ab Freitag "
	    "eine Ausstellung über die Geschichte des Hafens und seiner "
	    "Arbeiter in den letzten hundert Jahren. "
	    "Die Kuratorin hat dafür alte Fotos aus Familienalben "
	    "gesammelt, die noch nie öffentlich zu sehen waren. "
	    "Die Ausstellung ist bis zum Ende des Sommers geöffnet.\n";
	struct article *a;

	(void)state;
	check_fixture("pt_readtime");
	a = extract_run_together("text/pt_readtime.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "As escolas municipais"), 1);
	article_free(a);
	a = extract_ok(en, strlen(en));
	assert_lacks(a, en_absent);
	assert_int_equal(count_with(a, "The club spent"), 1);
	article_free(a);
	a = extract_ok(de, strlen(de));
	assert_lacks(a, de_absent);
	assert_int_equal(count_with(a, "Das Stadtmuseum"), 1);
	article_free(a);
}

/* A gallery's counter ("Image 1 of 4", "1 / 4") and its "Back to
 * Gallery" button inside the article are widgets, with line breaks
 * kept or run together; "Only 1 of 4 shots" in prose stays. */
static void
drops_gallery_counter(void **state)
{
	static const char *const absent[] = {"Image 1", "1 / 4", "Gallery",
		NULL};
	struct article *a;

	(void)state;
	check_fixture("en_gallerycount");
	a = extract_run_together("text/en_gallerycount.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "Only 1 of 4 shots"), 1);
	assert_int_equal(count_with(a, "The winning goal"), 1);
	article_free(a);
}

/* A numeric date with two figures of the year ("11/19/19 06:56 AM
 * EST") after the byline is the published date, and run together it
 * no longer glues onto the first sentence. */
static void
reads_date_with_short_year(void **state)
{
	static const char *const absent[] = {"11/19/19", "06:56", NULL};
	struct article *a;

	(void)state;
	check_fixture("en_shortyear");
	a = extract_run_together("text/en_shortyear.txt");
	assert_lacks(a, absent);
	assert_int_equal(count_with(a, "The governor of the state"), 1);
	article_free(a);
}

/* The send verbs of it/nl/id/ru ("Invia per email", "Versturen")
 * join the share labels, so run together "Invia per email Salva
 * Stampa" no longer opens the first sentence. */
static void
drops_send_labels(void **state)
{
	static const char *const absent[] = {"Invia", "Stampa", NULL};
	static const char it[] =
	    "Cronaca\nIl ponte riapre dopo tre mesi di lavori\n"
	    "Di Sara Conti\nFacebook X WhatsApp Invia per email Salva "
	    "Stampa Il ponte sul fiume riapre al traffico lunedì mattina "
	    "dopo tre mesi di lavori sulla struttura e sull'asfalto. "
	    "I tecnici del comune hanno controllato i piloni e le "
	    "ringhiere, che erano state danneggiate dalla piena di "
	    "novembre. Le auto potranno passare in entrambe le direzioni, "
	    "mentre i camion dovranno aspettare la fine del mese.\n";

	(void)state;
	check_body_lacks(it, 2, absent);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_english_flattened),
		cmocka_unit_test(reads_english_with_lines),
		cmocka_unit_test(reads_english_plain),
		cmocka_unit_test(reads_english_with_sections),
		cmocka_unit_test(reads_german_sections_flattened),
		cmocka_unit_test(reads_indonesian_with_lines),
		cmocka_unit_test(drops_repeated_copy),
		cmocka_unit_test(cuts_teaser_run_english),
		cmocka_unit_test(cuts_teaser_run_spanish),
		cmocka_unit_test(reads_japanese_flattened),
		cmocka_unit_test(stops_at_time_stamps_english),
		cmocka_unit_test(stops_at_time_stamps_german),
		cmocka_unit_test(stops_at_reply_english),
		cmocka_unit_test(stops_at_reply_french),
		cmocka_unit_test(passes_over_boxes_english),
		cmocka_unit_test(stops_at_next_story_english),
		cmocka_unit_test(reads_portuguese_flattened),
		cmocka_unit_test(reads_results_without_prose),
		cmocka_unit_test(keeps_list_of_dates),
		cmocka_unit_test(keeps_table_of_cells),
		cmocka_unit_test(reads_photo_by_credit),
		cmocka_unit_test(keeps_list_under_heading),
		cmocka_unit_test(keeps_short_exclamations),
		cmocka_unit_test(starts_after_key_points),
		cmocka_unit_test(drops_second_copy_head),
		cmocka_unit_test(reads_gallery_captions),
		cmocka_unit_test(keeps_abbreviated_months),
		cmocka_unit_test(ends_at_credits_line),
		cmocka_unit_test(keeps_interview_lines),
		cmocka_unit_test(keeps_two_row_table),
		cmocka_unit_test(reads_camel_case_agency),
		cmocka_unit_test(reads_credit_starting_with_number),
		cmocka_unit_test(drops_copy_with_glued_headings),
		cmocka_unit_test(drops_disclosure_note),
		cmocka_unit_test(drops_site_welcome),
		cmocka_unit_test(cuts_player_label),
		cmocka_unit_test(drops_pitch_over_menu),
		cmocka_unit_test(drops_header_line),
		cmocka_unit_test(drops_cards_with_titles_twice),
		cmocka_unit_test(stops_at_author_box),
		cmocka_unit_test(starts_at_dateline),
		cmocka_unit_test(reads_russian_flattened),
		cmocka_unit_test(drops_captions_before_agency_credits),
		cmocka_unit_test(keeps_first_sentence_after_dateline),
		cmocka_unit_test(cuts_glued_headline_french),
		cmocka_unit_test(keeps_repeats_inside_article),
		cmocka_unit_test(finds_headline_near_body),
		cmocka_unit_test(drops_metadata_dump),
		cmocka_unit_test(ends_at_dated_teasers),
		cmocka_unit_test(drops_trending_headlines),
		cmocka_unit_test(keeps_list_ending_article),
		cmocka_unit_test(drops_teaser_title_after_body),
		cmocka_unit_test(keeps_long_lede),
		cmocka_unit_test(keeps_list_before_body),
		cmocka_unit_test(keeps_code_lines_before_body),
		cmocka_unit_test(drops_labels_before_body),
		cmocka_unit_test(keeps_counts_in_results),
		cmocka_unit_test(keeps_wrapped_list_line),
		cmocka_unit_test(keeps_subject_named_twice),
		cmocka_unit_test(keeps_footnotes_before_note),
		cmocka_unit_test(drops_cards_with_counted_labels),
		cmocka_unit_test(drops_box_named_twice),
		cmocka_unit_test(drops_headlines_after_label),
		cmocka_unit_test(cuts_hover_card_out_of_sentence),
		cmocka_unit_test(drops_headline_links_in_capitals),
		cmocka_unit_test(drops_caption_line_ending_in_credit),
		cmocka_unit_test(drops_card_before_read_more),
		cmocka_unit_test(reads_credit_in_square_brackets),
		cmocka_unit_test(reads_place_line_in_capitals),
		cmocka_unit_test(reads_agency_glued_to_caption),
		cmocka_unit_test(drops_reading_time),
		cmocka_unit_test(drops_gallery_counter),
		cmocka_unit_test(reads_date_with_short_year),
		cmocka_unit_test(drops_send_labels),
		cmocka_unit_test(ends_at_sources_list),
		cmocka_unit_test(ends_at_name_written_twice),
		cmocka_unit_test(ends_at_tags),
		cmocka_unit_test(drops_caption_copies),
		cmocka_unit_test(reads_bare_name_credit),
		cmocka_unit_test(reads_live_blog_flattened),
		cmocka_unit_test(ends_at_forum_reply),
		cmocka_unit_test(ends_at_reply_with_quote_button),
		cmocka_unit_test(ends_at_glued_copyright),
		cmocka_unit_test(reads_swedish_end_matter),
		cmocka_unit_test(reads_polish_end_matter),
		cmocka_unit_test(reads_live_ticker_entries),
		cmocka_unit_test(reads_name_with_follow_button),
		cmocka_unit_test(drops_author_note_portuguese),
		cmocka_unit_test(reads_german_brief_flattened),
		cmocka_unit_test(drops_newsletter_box_italian),
		cmocka_unit_test(ends_at_company_note),
		cmocka_unit_test(ends_sentence_at_abbreviation_before_quote),
		cmocka_unit_test(drops_share_labels_with_x),
		cmocka_unit_test(keeps_run_together_table_german),
		cmocka_unit_test(cuts_run_together_table_spanish),
		cmocka_unit_test(keeps_scores_in_prose),
		cmocka_unit_test(keeps_run_together_table_with_signs),
		cmocka_unit_test(drops_teasers_with_counts),
		cmocka_unit_test(keeps_announced_table),
		cmocka_unit_test(keeps_announced_table_run_together),
		cmocka_unit_test(ends_at_share_bar_again),
		cmocka_unit_test(ends_at_hashtag_list),
		cmocka_unit_test(drops_subscription_pitch),
		cmocka_unit_test(reads_japanese_post),
		cmocka_unit_test(drops_lower_case_related_box),
		cmocka_unit_test(ends_at_citation),
		cmocka_unit_test(drops_reading_time_glued),
		cmocka_unit_test(drops_related_after_date),
		cmocka_unit_test(keeps_long_first_sentence),
		cmocka_unit_test(drops_glued_hover_card),
		cmocka_unit_test(reads_name_with_handle),
		cmocka_unit_test(keeps_paragraph_after_inline_box),
		cmocka_unit_test(reads_bracketed_credit_to_its_end),
		cmocka_unit_test(reads_abbreviated_photo_credit),
		cmocka_unit_test(keeps_table_rows_before_read_more),
		cmocka_unit_test(ends_at_signup_form),
		cmocka_unit_test(keeps_prose_with_thanks),
		cmocka_unit_test(ends_before_pitch_to_reader),
		cmocka_unit_test(ends_at_follower_counts),
		cmocka_unit_test(ends_at_disclaimers),
		cmocka_unit_test(ends_before_company_note),
		cmocka_unit_test(drops_leaked_markup),
		cmocka_unit_test(ends_at_share_bar_after_address),
		cmocka_unit_test(drops_ad_break_labels),
		cmocka_unit_test(keeps_long_sentence_with_names),
		cmocka_unit_test(drops_follow_promos),
		cmocka_unit_test(reads_byline_lines),
		cmocka_unit_test(drops_submitted_photo_credits),
		cmocka_unit_test(ends_at_comment_rules),
		cmocka_unit_test(keeps_list_items_without_stops),
		cmocka_unit_test(keeps_prose_without_stops),
		cmocka_unit_test(keeps_embedded_post),
		cmocka_unit_test(keeps_long_sentence_after_related),
		cmocka_unit_test(reads_name_and_date_byline),
		cmocka_unit_test(reads_chinese_flattened),
		cmocka_unit_test(reads_german_flattened),
		cmocka_unit_test(reads_german_with_lines),
		cmocka_unit_test(reads_french_flattened),
		cmocka_unit_test(reads_french_with_lines),
		cmocka_unit_test(reads_spanish_flattened),
		cmocka_unit_test(reads_spanish_with_lines),
		cmocka_unit_test(refuses_over_limit),
		cmocka_unit_test(refuses_empty_and_blank),
		cmocka_unit_test(refuses_binary),
		cmocka_unit_test(refuses_text_without_sentences),
		cmocka_unit_test(repairs_invalid_utf8),
		cmocka_unit_test(survives_large_flat_input),
		cmocka_unit_test(reads_headline_after_menu_english),
		cmocka_unit_test(reads_headline_after_menu_french),
		cmocka_unit_test(reads_byline_after_date_english),
		cmocka_unit_test(reads_date_near_headline_german),
		cmocka_unit_test(reads_byline_with_handle_spanish),
		cmocka_unit_test(reads_byline_written_twice_french),
		cmocka_unit_test(reads_headline_inside_body_english),
		cmocka_unit_test(reads_glued_standfirst_spanish),
		cmocka_unit_test(reads_headline_written_twice_english),
		cmocka_unit_test(reads_posted_by_german),
		cmocka_unit_test(reads_date_glued_to_time_english),
		cmocka_unit_test(reads_headline_before_starter_french),
		cmocka_unit_test(reads_glued_byline_name_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
