#include "testutil.h"

#include "ingest/extract.h"
#include "store/article.h"
#include "util/timeutil.h"

#define PAGE_URL "https://site.example/path/page"

struct expect {
	const char *file;
	const char *headline, *standfirst, *dateline, *published;
	int has_time;
	const char *byline[3];
	const char *image_url, *caption, *credit, *credits, *lang;
	const char *source, *canonical, *section;
	size_t paras;
	const char *first, *last;
	const char *boiler[16];
};

static struct article *
extract_file(const char *file)
{
	struct extract_opts opts = { PAGE_URL, file, 0 };
	struct article *a = NULL;
	struct nd_error err;
	size_t len;
	char *html = test_data(file, &len);

	if (extract_html(html, len, &opts, &a, &err) != ND_OK)
		fail_msg("%s", err.msg);
	free(html);
	return a;
}

static void
assert_str_or_null(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

static void
check_body(const struct article *a, const struct expect *e)
{
	size_t i, k;
	char *body = article_body_text(a);

	assert_int_equal(a->body.n, e->paras);
	assert_string_equal(a->body.v[0], e->first);
	assert_string_equal(a->body.v[a->body.n - 1], e->last);
	for (k = 0; e->boiler[k]; k++)
		if (strstr(body, e->boiler[k]))
			fail_msg("boilerplate '%s' in body", e->boiler[k]);
	for (i = 0; i < a->body.n; i++)
		assert_true(strlen(a->body.v[i]) > 100);
	free(body);
}

static void
check_page(const struct expect *e)
{
	struct article *a = extract_file(e->file);
	char when[21];
	size_t i, n = 0;

	assert_string_equal(a->url, PAGE_URL);
	assert_str_or_null(a->headline, e->headline);
	assert_str_or_null(a->standfirst, e->standfirst);
	assert_str_or_null(a->dateline, e->dateline);
	if (e->published) {
		time_format_iso(a->published, a->published_has_time, when);
		assert_string_equal(when, e->published);
		assert_int_equal(a->published_has_time, e->has_time);
	} else
		assert_int_equal(a->published, 0);
	while (n < 3 && e->byline[n])
		n++;
	assert_int_equal(a->byline.n, n);
	for (i = 0; i < n; i++)
		assert_string_equal(a->byline.v[i], e->byline[i]);
	assert_str_or_null(a->image_url, e->image_url);
	assert_str_or_null(a->image_caption, e->caption);
	assert_str_or_null(a->image_credit, e->credit);
	assert_str_or_null(a->credits, e->credits);
	assert_str_or_null(a->lang, e->lang);
	assert_str_or_null(a->source, e->source);
	assert_str_or_null(a->canonical_url, e->canonical);
	assert_str_or_null(a->section, e->section);
	check_body(a, e);
	article_free(a);
}

/* English, JSON-LD NewsArticle with two authors, canonical link,
 * relative og:image, a "Photo:" credit span and trailing credits. */
static void
english_jsonld_page(void **state)
{
	static const struct expect e = {
		"html/en-jsonld.html",
		"City council approves new tram line to the harbour",
		"The 4.2 km line will link the central station with the old "
		"docks by 2027.", "Berlin", "2024-03-14T08:30:00Z", 1,
		{ "Jane Doe", "John Roe", NULL },
		"https://harbour.example/img/tram-large.jpg",
		"Councillors during the vote on Tuesday evening.",
		"Max Mustermann",
		"Additional reporting by Erik Svensson; Editing by Mary Major",
		"en", "The Harbour Gazette",
		"https://harbour.example/news/2024/tram-line", "Local", 5,
		"BERLIN \xE2\x80\x94 The city council on Tuesday approved a new "
		"tram line to the harbour, ending a decade of debate over how "
		"to connect the old docks with the centre.",
		"The council also asked the operator to study a night service "
		"on weekends, a demand raised by students and shift workers at "
		"the port.",
		{ "Share on", "Save", "Print this page", "Receive free",
		  "Sign up", "Recommended", "ferry fares", "comments",
		  "Leave a comment", "cookies", "All rights reserved",
		  "Most read", "Councillors during", "Additional reporting",
		  "not text", NULL }
	};

	(void)state;
	check_page(&e);
}

/* English, OpenGraph only: byline element, "PARIS (Reuters) -"
 * dateline, "Name/Agency" credit inside the caption. */
static void
english_opengraph_page(void **state)
{
	static const struct expect e = {
		"html/en-og.html", "Wind farm output hits record in stormy week",
		"Turbines off the coast supplied more than half of the "
		"country's power.", "Paris", "2023-11-02T07:15:00Z", 1,
		{ "Jane Doe", "John Roe", NULL },
		"https://cdn.ledger.example/wind.jpg",
		"Turbines off the northern coast.", "Anna Berg/Reuters",
		"Reporting by Paul Smith; Editing by Clara Jones", "en",
		"Northern Ledger", "https://ledger.example/energy/wind-record",
		"Energy", 4,
		"PARIS (Reuters) - Offshore wind farms produced a record share "
		"of the country\xE2\x80\x99s electricity last week, as a series "
		"of storms swept across the coast, the grid operator said on "
		"Monday.",
		"The government has promised to double offshore capacity by "
		"2030, a goal that industry groups say depends on faster "
		"permits, new port facilities and more ships to install the "
		"turbines.",
		{ "Share on", "Print this page", "Receive free", "Recommended",
		  "grid batteries", "comments", "Leave a comment", "cookies",
		  "Contact us", "By Jane Doe", "Reporting by", NULL }
	};

	(void)state;
	check_page(&e);
}

/* German, no metadata but <html lang>: text byline "Von ... und ...",
 * "Lesen Sie auch" teaser, comment form, "Mitarbeit:" credits. */
static void
german_plain_page(void **state)
{
	static const struct expect e = {
		"html/de-plain.html", "Neue Radwege f\xC3\xBCr die Innenstadt",
		NULL, NULL, NULL, 0, { "Anna Schmidt", "Jonas Weber", NULL },
		"https://site.example/img/lead.jpg",
		"Ein neuer Radweg an der Hauptstra\xC3\x9F" "e.",
		"Klara Fischer", "Mitarbeit: Lena Braun", "de", "site.example",
		PAGE_URL, NULL, 4,
		"Die Stadt will in den kommenden zwei Jahren mehr als 30 "
		"Kilometer neue Radwege bauen, vor allem in der Innenstadt und "
		"entlang der gro\xC3\x9F" "en Ausfallstra\xC3\x9F" "en.",
		"Kritik kam vom Einzelhandel, der den Wegfall von "
		"Parkpl\xC3\xA4tzen f\xC3\xBC" "rchtet, w\xC3\xA4hrend "
		"Fahrradverb\xC3\xA4nde den Plan als \xC3\xBC" "berf\xC3\xA4llig, "
		"aber noch zu zaghaft bezeichneten.",
		{ "teilen", "Merken", "Drucken", "Newsletter abonnieren",
		  "Jetzt anmelden", "Lesen Sie auch", "Br\xC3\xBC" "cken",
		  "Kommentar", "Cookies", "Impressum", "Von Anna", "Mitarbeit",
		  NULL }
	};

	(void)state;
	check_page(&e);
}

/* French, JSON-LD in an @graph with the author as an @id reference and
 * an ImageObject; "Photo :" credit; date without time. */
static void
french_graph_page(void **state)
{
	static const struct expect e = {
		"html/fr-graph.html",
		"Le lac retrouve son niveau apr\xC3\xA8s un \xC3\xA9t\xC3\xA9 sec",
		"Les pluies d'automne ont combl\xC3\xA9 le d\xC3\xA9" "ficit en "
		"quelques semaines.", "Gen\xC3\xA8ve", "2023-10-20", 0,
		{ "Claire Martin", NULL, NULL }, "https://lac.example/img/lac.jpg",
		"Le port de plaisance en octobre.", "Luc Bernard", NULL, "fr",
		"Le Courrier du Lac", PAGE_URL, "Environnement", 4,
		"GEN\xC3\x88VE \xE2\x80\x94 Apr\xC3\xA8s un \xC3\xA9t\xC3\xA9 "
		"particuli\xC3\xA8rement sec, le niveau du lac est revenu \xC3\xA0 "
		"la normale \xC3\xA0 la fin du mois d\xE2\x80\x99octobre, selon "
		"les relev\xC3\xA9s publi\xC3\xA9s vendredi par les services "
		"cantonaux.",
		"Les autorit\xC3\xA9s rappellent toutefois que les restrictions "
		"d\xE2\x80\x99" "arrosage pourraient revenir si l\xE2\x80\x99hiver "
		"est peu enneig\xC3\xA9, comme ce fut le cas il y a deux ans.",
		{ "Partager", "Enregistrer", "Imprimer", "Abonnez-vous",
		  "Lire aussi", "p\xC3\xAA" "cheurs", "commentaire", "cookies",
		  "Mentions", "Par Claire", NULL }
	};

	(void)state;
	check_page(&e);
}

/* Spanish, OpenGraph and a canonical link: relative og:image resolved
 * against it, "Por" byline, "Con informaci\u00f3n de" credits. */
static void
spanish_opengraph_page(void **state)
{
	static const struct expect e = {
		"html/es-og.html",
		"El valle estrena su primera biblioteca digital",
		"M\xC3\xA1s de 20.000 libros estar\xC3\xA1n disponibles de forma "
		"gratuita.", "Madrid", NULL, 0,
		{ "Mar\xC3\xAD" "a L\xC3\xB3pez", NULL, NULL },
		"https://valle.example/cultura/imagenes/biblioteca.jpg",
		"La sala de lectura de la biblioteca.", "Pedro Ruiz",
		"Con informaci\xC3\xB3n de Ana G\xC3\xB3mez", "es",
		"Diario del Valle",
		"https://valle.example/cultura/biblioteca-digital", NULL, 4,
		"MADRID \xE2\x80\x94 La comarca estren\xC3\xB3 este lunes su "
		"primera biblioteca digital, que ofrecer\xC3\xA1 de forma "
		"gratuita m\xC3\xA1s de 20.000 libros, revistas y audiolibros a "
		"todos los vecinos.",
		"Las asociaciones de mayores pidieron cursos de formaci\xC3\xB3n, "
		"una petici\xC3\xB3n que la diputaci\xC3\xB3n prometi\xC3\xB3 "
		"atender a partir de enero en los centros culturales.",
		{ "Compartir", "Guardar", "Imprimir", "Suscr\xC3\xAD" "bete",
		  "Lea tambi\xC3\xA9n", "museo", "comentario", "cookies",
		  "Aviso legal", "Por Mar", "Con informaci", NULL }
	};

	(void)state;
	check_page(&e);
}

/* German, div layout inside wrappers named "sidebar": the wrapper keeps
 * its article, the real sidebar, a photo gallery's captions and the
 * author box go; an unparseable og date falls back to JSON-LD. */
static void
german_sidebar_page(void **state)
{
	static const struct expect e = {
		"html/de-sidebar.html",
		"Hochwasser: Pegel am Fluss sinkt langsam", NULL, NULL,
		"2024-06-03T15:45:00Z", 1, { "Petra Lange", NULL, NULL },
		NULL, NULL, NULL, NULL, "de", "Der Landbote", PAGE_URL, NULL, 4,
		"Nach tagelangem Regen sinkt der Pegel des Flusses seit "
		"Montagmorgen wieder, doch die Beh\xC3\xB6rden warnen vor zu "
		"fr\xC3\xBCher Entwarnung in den tiefer gelegenen "
		"Ortsteilen.",
		"Der Landrat k\xC3\xBCndigte an, dass betroffene Haushalte eine "
		"Soforthilfe beantragen k\xC3\xB6nnen, sobald das Ausma\xC3\x9F "
		"der Sch\xC3\xA4" "den in den n\xC3\xA4" "chsten Tagen "
		"feststeht.",
		{ "Helfer sichern", "Redakteurin", "Meistgelesen", "Stadtfest",
		  "Impressum", NULL }
	};

	(void)state;
	check_page(&e);
}

/* French, layout table and a slideshow of captioned images between the
 * paragraphs; author from <meta name=author>. */
static void
french_gallery_page(void **state)
{
	static const struct expect e = {
		"html/fr-gallery.html",
		"Le festival de jazz attire un public record", NULL, NULL,
		"2024-07-21T09:15:00Z", 1, { "Claire Martin", NULL, NULL },
		"https://courrier.example/img/scene.jpg", NULL, NULL, NULL,
		"fr", "Le Courrier du Sud", PAGE_URL, NULL, 4,
		"Plus de 42 000 spectateurs ont assist\xC3\xA9 aux concerts du "
		"festival cette ann\xC3\xA9" "e, un record depuis sa "
		"cr\xC3\xA9" "ation il y a trente ans, selon les "
		"organisateurs.",
		"Les commer\xC3\xA7" "ants du centre-ville se disent "
		"satisfaits, m\xC3\xAAme si certains regrettent les "
		"difficult\xC3\xA9s de stationnement pendant les quatre jours "
		"de f\xC3\xAAte.",
		{ "La sc\xC3\xA8ne principale", "Un musicien", "Abonnez-vous",
		  "Accueil", "Mentions", NULL }
	};

	(void)state;
	check_page(&e);
}

/* Spanish, paragraphs as bare <div>s, an image caption div among them,
 * a byline element ("Por ..."), an about-the-author box and a comment
 * form; a date without time. */
static void
spanish_author_page(void **state)
{
	static const struct expect e = {
		"html/es-author.html",
		"El puerto ampl\xC3\xAD" "a su terminal de contenedores", NULL,
		NULL, "2024-02-09", 0, { "Luis Garc\xC3\xAD" "a", NULL, NULL },
		NULL, NULL, NULL, NULL, "es", "Diario de la Costa", PAGE_URL,
		NULL, 4,
		"El consejo de administraci\xC3\xB3n del puerto aprob\xC3\xB3 el "
		"jueves la ampliaci\xC3\xB3n de la terminal de contenedores, "
		"una obra de 120 millones de euros que durar\xC3\xA1 tres "
		"a\xC3\xB1os.",
		"El alcalde defendi\xC3\xB3 el proyecto como una oportunidad "
		"para crear empleo, y asegur\xC3\xB3 que se tendr\xC3\xA1n en "
		"cuenta todas las alegaciones presentadas.",
		{ "Vista a\xC3\xA9rea", "periodista especializado",
		  "Comentarios", "Enviar", "Por Luis", NULL }
	};

	(void)state;
	check_page(&e);
}

static enum nd_err
extract_mem(const char *s, size_t n, size_t max, struct article **a,
    struct nd_error *err)
{
	struct extract_opts opts = { NULL, "t.html", max };

	return extract_html(s, n, &opts, a, err);
}

static const char article_par[] =
    "<p>The bridge reopened on Friday after two years of repairs, the "
    "city said, adding that buses would return to the route next week, "
    "once the last barriers have been removed.</p>";

static void
empty_input_is_rejected(void **state)
{
	struct article *a = (struct article *)1;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem("", 0, 0, &a, &err), ND_EEMPTY);
	assert_null(a);
	assert_int_equal(extract_mem(" \n\t \r\n", 6, 0, &a, &err), ND_EEMPTY);
	assert_non_null(strstr(err.msg, "'t.html'"));
}

static void
binary_input_is_rejected(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(png, sizeof(png) - 1, 0, &a, &err),
	    ND_EBINARY);
	assert_null(a);
	assert_non_null(strstr(err.msg, "'t.html'"));
}

static void
oversize_input_is_rejected(void **state)
{
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(article_par, sizeof(article_par) - 1, 64,
	    &a, &err), ND_ELIMIT);
	assert_null(a);
	assert_non_null(strstr(err.msg, "'t.html'"));
	/* the same page passes with room to spare */
	assert_int_equal(extract_mem(article_par, sizeof(article_par) - 1,
	    4096, &a, &err), ND_OK);
	article_free(a);
}

static void
invalid_utf8_is_repaired(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Caf\xC3 owners in the old town said on "
	    "Monday that the new rules on terraces, which take effect in "
	    "May, would cost them customers and jobs.</p></article></body>"
	    "</html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	assert_int_equal(a->body.n, 1);
	assert_memory_equal(a->body.v[0], "Caf\xEF\xBF\xBD owners", 12);
	article_free(a);
}

static void
declared_latin1_is_converted(void **state)
{
	static const char page[] =
	    "<html><head><meta charset=\"windows-1252\"></head><body>"
	    "<article><p>Caf\xE9 owners in the old town said on Monday that "
	    "the new rules on terraces, which take effect in May, would cost "
	    "them \x80 and jobs.</p></article></body></html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	assert_int_equal(a->body.n, 1);
	assert_memory_equal(a->body.v[0], "Caf\xC3\xA9 owners", 11);
	assert_non_null(strstr(a->body.v[0], "them \xE2\x82\xAC and"));
	article_free(a);
}

static void
deep_nesting_does_not_crash(void **state)
{
	struct buf b = BUF_INIT;
	struct article *a = NULL;
	struct nd_error err;
	enum nd_err rc;
	size_t i;

	(void)state;
	buf_puts(&b, "<html><body><article>");
	buf_puts(&b, article_par);
	buf_puts(&b, "</article>");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, article_par);
	rc = extract_mem(b.ptr, b.len, 0, &a, &err);
	assert_int_equal(rc, ND_OK);
	assert_true(a->body.n >= 1);
	assert_non_null(strstr(a->body.v[0], "The bridge reopened"));
	article_free(a);
	buf_release(&b);
}

/* A paragraph over the 256 KiB paragraph limit keeps the bytes that fit
 * (text goes in by runs of non-space bytes; the cut falls inside one). */
static void
long_paragraph_is_cut_at_the_limit(void **state)
{
	struct buf b = BUF_INIT;
	struct article *a = NULL;
	struct nd_error err;
	size_t i, last;

	(void)state;
	buf_puts(&b, "<html><body><article>");
	buf_puts(&b, article_par);
	buf_puts(&b, "<p>");
	for (i = 0; i < 70000; i++)
		buf_puts(&b, "word\n\t ");
	buf_puts(&b, "</p></article></body></html>");
	assert_int_equal(extract_mem(b.ptr, b.len, 0, &a, &err), ND_OK);
	assert_true(a->body.n >= 2);
	last = a->body.n - 1;
	assert_int_equal(strlen(a->body.v[last]), 256 * 1024);
	assert_int_equal(strncmp(a->body.v[last], "word word ", 10), 0);
	assert_string_equal(a->body.v[last] + 256 * 1024 - 4, "word");
	article_free(a);
	buf_release(&b);
}

static void
page_without_article_is_empty(void **state)
{
	static const char page[] =
	    "<html><body><nav><ul><li><a href=/a>News</a></li>"
	    "<li><a href=/b>Sport</a></li></ul></nav>"
	    "<form><input name=q><button>Search</button></form>"
	    "<footer>Contact | Imprint</footer></body></html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_EEMPTY);
	assert_null(a);
	assert_string_equal(err.msg, "no article text found in 't.html'");
}

static void
lang_falls_back_to_detection(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Die Regierung hat am Montag einen neuen "
	    "Plan vorgestellt, der die Kosten f\xC3\xBCr die B\xC3\xBCrger "
	    "senken soll, und die Opposition hat ihn sofort kritisiert.</p>"
	    "<p>Der Minister sagte, dass die Ma\xC3\x9Fnahmen noch in diesem "
	    "Jahr beginnen und bis zum Ende des Jahres wirken sollen.</p>"
	    "</article></body></html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	assert_non_null(a->lang);
	assert_string_equal(a->lang, "de");
	assert_null(a->headline);
	assert_int_equal(a->byline.n, 0);
	article_free(a);
}

/* Body paragraphs: their count, the first and the last, and no
 * paragraph holding one of the phrases in absent (NULL-ended). */
static void
check_lines(const struct article *a, size_t n, const char *first,
    const char *last, const char *const *absent)
{
	size_t i, k;

	assert_int_equal(a->body.n, n);
	assert_string_equal(a->body.v[0], first);
	assert_string_equal(a->body.v[n - 1], last);
	for (i = 0; i < a->body.n; i++)
		for (k = 0; absent[k]; k++)
			if (strstr(a->body.v[i], absent[k]))
				fail_msg("'%s' in body paragraph %zu", absent[k],
				    i);
}

static void
check_date(const struct article *a, const char *want)
{
	char when[21];

	time_format_iso(a->published, a->published_has_time, when);
	assert_string_equal(when, want);
}

/* Old table layout without structured data or <h1>: the content cell
 * holds a date line, the headline in <font><b>, a standfirst, a "By"
 * line and the lead picture with its caption before the text, which is
 * split by <br><br>. The text starts after that head block; the
 * headline is the <title> without its " | Site" suffix; byline, date
 * and image come from the head block. */
static void
english_table_layout_page(void **state)
{
	static const char *const absent[] = {
		"3 March", "Harbour ferry returns", "little blue ferry",
		"By Oliver", "north slipway", "Facebook", "More news",
		"Most read", "Advertisement", NULL
	};
	struct article *a = extract_file("html/en-table.html");

	(void)state;
	assert_non_null(a->headline);
	assert_string_equal(a->headline,
	    "Harbour ferry returns after a winter of repairs");
	check_lines(a, 4, "The ferry between Portlow and Saint Brannock made "
	    "its first crossing of the year on Sunday, four months after it "
	    "was lifted out of the water for an overhaul that ran three weeks "
	    "late.", "The town council, which owns the vessel, said the "
	    "repairs cost a little under its budget, and that the old engine "
	    "would be sold to a museum of working boats on the other side of "
	    "the bay.", absent);
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Oliver Grant");
	check_date(a, "2025-03-03");
	assert_non_null(a->image_url);
	assert_string_equal(a->image_url,
	    "https://site.example/pics/2025/ferry-ramp.jpg");
	article_free(a);
}

/* German brief in class soup: the story wrapper (kicker, <h1>,
 * standfirst, byline, date line, share tools, picture with caption,
 * then a section of three short paragraphs) wins the scoring; the text
 * is the section only. The date comes from the visible date line. */
static void
german_brief_page(void **state)
{
	static const char *const absent[] = {
		"Kurz gemeldet", "Sturmschaden", "Von Jana", "Mai 2025",
		"Facebook", "reparierten Anleger", "Meistgelesen", NULL
	};
	struct article *a = extract_file("html/de-brief.html");

	(void)state;
	check_lines(a, 3, "Die F\xC3\xA4hre zwischen Kiel und Holmsand "
	    "f\xC3\xA4hrt seit Sonntag wieder nach Fahrplan. Der Anleger war "
	    "beim Sturm im April besch\xC3\xA4" "digt worden.",
	    "Die Reederei bittet um Geduld, weil die Abfahrten am Wochenende "
	    "noch voll sein k\xC3\xB6nnen.", absent);
	assert_int_equal(a->byline.n, 1);
	assert_string_equal(a->byline.v[0], "Jana Roth");
	check_date(a, "2025-05-04");
	article_free(a);
}

/* Spanish photo gallery: the intro is the text; the slides (an image,
 * a "Foto n de 4" counter, a caption and a credit each) are not. */
static void
spanish_gallery_page(void **state)
{
	static const char *const absent[] = {
		"Foto 1 de 4", "Foto 4 de 4", "Foto: ", "alfarero de Valdemora",
		"La plaza mayor, llena", "Treinta alfareros", "Por In", NULL
	};
	struct article *a = extract_file("html/es-gallery.html");

	(void)state;
	check_lines(a, 2, "La feria de la cer\xC3\xA1mica ha vuelto este fin "
	    "de semana a la plaza mayor con treinta puestos, diez m\xC3\xA1s "
	    "que el a\xC3\xB1o pasado, y con talleres para que los "
	    "ni\xC3\xB1os prueben el torno.", "Los organizadores esperan "
	    "m\xC3\xA1s de cinco mil visitantes hasta el domingo por la "
	    "tarde, cuando se entregar\xC3\xA1 el premio a la mejor pieza, "
	    "elegida por votaci\xC3\xB3n del p\xC3\xBA" "blico.", absent);
	article_free(a);
}

/* A live blog whose JSON-LD names the site (an Organization) as author:
 * the reporters named on the page are the byline. */
static void
english_live_blog_byline(void **state)
{
	struct article *a = extract_file("html/en-live.html");

	(void)state;
	assert_int_equal(a->byline.n, 2);
	assert_string_equal(a->byline.v[0], "Nadia Holt");
	assert_string_equal(a->byline.v[1], "Owen Pike");
	assert_int_equal(a->body.n, 6);
	article_free(a);
}

/* Without <h1>, og:title or JSON-LD the <title> is the headline, less
 * the site's name after " | " (any length) or after a dash when that
 * part is the shorter one. */
static void
title_tag_is_headline_without_site(void **state)
{
	static const char page[] =
	    "<html><head><title>Night buses return to the old town - "
	    "Hillside Gazette</title></head><body><div><p>The night buses "
	    "that stopped running during the works on the main square will "
	    "return from Friday, the transport office said, with two routes "
	    "and a bus every forty minutes until three.</p></div></body>"
	    "</html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	assert_non_null(a->headline);
	assert_string_equal(a->headline, "Night buses return to the old town");
	article_free(a);
}

/* Dates as a page's date line writes them, in several languages, with
 * a time and a place around them; lines without a date give none. */
static void
written_dates_are_read(void **state)
{
	static const struct {
		const char *line, *want;
	} c[] = {
		{ "9 April 2025, 07:15 \xC2\xB7 Dunmore", "2025-04-09" },
		{ "Linden \xC2\xB7 12. M\xC3\xA4rz 2025, 16:30", "2025-03-12" },
		{ "2 de febrero de 2025, 11:00 \xC2\xB7 Soria", "2025-02-02" },
		{ "17 de novembro de 2025, 09:05", "2025-11-17" },
		{ "mardi 3 juin 2025", "2025-06-03" },
		{ "By Ann Lee", NULL },
		{ "Home > News > Sport", NULL },
	};
	char when[21];
	int64_t t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		int got = extract_text_date(c[i].line, strlen(c[i].line), 1,
		    &t);

		if (c[i].want == NULL) {
			assert_int_equal(got, 0);
			continue;
		}
		assert_int_equal(got, 1);
		time_format_iso(t, 0, when);
		assert_string_equal(when, c[i].want);
	}
}

/* An <h1> used as a sub-heading after paragraphs of the text is not the
 * article's head: the text before it stays. */
static void
heading_after_text_is_not_the_head(void **state)
{
	static const char page[] =
	    "<html><body><div class=\"story\">"
	    "<p>The river authority opened the new flood gates on Tuesday, "
	    "three years after the winter floods that reached the market "
	    "square, and said the town is now protected against a flood of "
	    "the size seen once in a hundred years.</p>"
	    "<p>Engineers tested each of the four gates in turn during the "
	    "morning, watched by a small crowd on the embankment, before the "
	    "mayor pressed the button that closed all of them together for "
	    "the first time.</p>"
	    "<h1>What changes for residents</h1>"
	    "<p>Not much, for now.</p>"
	    "<div><p>The footpath along the embankment reopens next week, "
	    "with new steps down to the water and lights along the whole "
	    "length between the two bridges.</p>"
	    "<p>The car park by the old mill, closed during the works, will "
	    "open again from the first of next month with the same charges "
	    "as before the works began.</p></div>"
	    "</div></body></html>";
	struct article *a = NULL;
	struct nd_error err;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	assert_true(a->body.n >= 4);
	assert_non_null(strstr(a->body.v[0], "The river authority opened"));
	article_free(a);
}

/* A sub-heading followed by a paragraph of text stays even when its
 * words are on the boilerplate phrase list; a "Related" heading over a
 * list of links still goes. */
static void
section_heading_with_boilerplate_words_stays(void **state)
{
	static const char page[] =
	    "<html><body><article>"
	    "<p>The rowing club will hold open trials for new members on "
	    "three Saturdays in January, the first time in a decade that it "
	    "has taken beginners in the winter season.</p>"
	    "<h2>Sign up for the winter trials</h2>"
	    "<p>Places are limited to twenty a day. The club asks those who "
	    "want to take part to fill in a form at the boathouse and to "
	    "bring a change of clothes, as the launch can be wet.</p>"
	    "<h3>Related articles</h3>"
	    "<ul><li><a href=\"/a\">Regatta results in full</a></li>"
	    "<li><a href=\"/b\">New boathouse opens</a></li></ul>"
	    "<p>Coaches will be on the water with every crew, and the club "
	    "lends boats and oars for the trials, so no one needs to bring "
	    "anything but warm clothes and a good pair of shoes.</p>"
	    "</article></body></html>";
	struct article *a = NULL;
	struct nd_error err;
	char *body;

	(void)state;
	assert_int_equal(extract_mem(page, sizeof(page) - 1, 0, &a, &err),
	    ND_OK);
	body = article_body_text(a);
	assert_non_null(strstr(body, "Sign up for the winter trials"));
	assert_null(strstr(body, "Related articles"));
	assert_null(strstr(body, "Regatta results"));
	free(body);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english_jsonld_page),
		cmocka_unit_test(english_opengraph_page),
		cmocka_unit_test(german_plain_page),
		cmocka_unit_test(french_graph_page),
		cmocka_unit_test(spanish_opengraph_page),
		cmocka_unit_test(german_sidebar_page),
		cmocka_unit_test(french_gallery_page),
		cmocka_unit_test(spanish_author_page),
		cmocka_unit_test(empty_input_is_rejected),
		cmocka_unit_test(binary_input_is_rejected),
		cmocka_unit_test(oversize_input_is_rejected),
		cmocka_unit_test(invalid_utf8_is_repaired),
		cmocka_unit_test(declared_latin1_is_converted),
		cmocka_unit_test(deep_nesting_does_not_crash),
		cmocka_unit_test(long_paragraph_is_cut_at_the_limit),
		cmocka_unit_test(page_without_article_is_empty),
		cmocka_unit_test(lang_falls_back_to_detection),
		cmocka_unit_test(english_table_layout_page),
		cmocka_unit_test(german_brief_page),
		cmocka_unit_test(spanish_gallery_page),
		cmocka_unit_test(english_live_blog_byline),
		cmocka_unit_test(title_tag_is_headline_without_site),
		cmocka_unit_test(written_dates_are_read),
		cmocka_unit_test(heading_after_text_is_not_the_head),
		cmocka_unit_test(section_heading_with_boilerplate_words_stays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
