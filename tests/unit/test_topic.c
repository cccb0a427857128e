#include "testutil.h"

#include "topic/topic.h"

/* 1 if expr (which must parse) matches text in lang. */
static int
matches(const char *expr, const char *text, const char *lang)
{
	struct topic_expr *e = NULL;
	struct topic_doc *d;
	struct nd_error err;
	int r;

	if (topic_expr_parse(expr, strlen(expr), &e, &err) != ND_OK)
		fail_msg("'%s' did not parse: %s", expr, err.msg);
	d = topic_doc_new(text, strlen(text), lang);
	r = topic_expr_match(e, d);
	topic_doc_free(d);
	topic_expr_free(e);
	return r;
}

/* Parse s[0..n), expect failure with code and exactly msg. */
static void
fails_n(const char *s, size_t n, enum nd_err code, const char *msg)
{
	struct topic_expr *e = (struct topic_expr *)&e;
	struct nd_error err;

	assert_int_equal(topic_expr_parse(s, n, &e, &err), code);
	assert_null(e);
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static void
fails(const char *s, enum nd_err code, const char *msg)
{
	fails_n(s, strlen(s), code, msg);
}

static void
parses(const char *s, size_t n)
{
	struct topic_expr *e = NULL;
	struct nd_error err;

	if (topic_expr_parse(s, n, &e, &err) != ND_OK)
		fail_msg("did not parse: %s", err.msg);
	assert_non_null(e);
	topic_expr_free(e);
}

static void
word_matches_whole_words(void **state)
{
	(void)state;
	assert_true(matches("flood", "Heavy flood hits the valley", NULL));
	assert_false(matches("flood", "Floodlights installed at stadium",
	    NULL));
	assert_false(matches("flood", "", NULL));
	assert_false(matches("rain", "Drought continues", "en"));
}

static void
phrase_needs_consecutive_words(void **state)
{
	(void)state;
	assert_true(matches("\"climate change\"",
	    "Talks on climate change stall", NULL));
	assert_true(matches("\"climate change\"",
	    "Climate, change and everything else", NULL));
	assert_false(matches("\"climate change\"",
	    "Change to the climate of the talks", NULL));
	assert_false(matches("\"climate change\"",
	    "Climate policy change announced", NULL));
	assert_true(matches("\"city council vote\"",
	    "The city council vote is tonight", NULL));
	assert_false(matches("\"city council vote\"",
	    "The city council will vote tonight", NULL));
}

static void
punctuated_word_is_phrase(void **state)
{
	(void)state;
	assert_true(matches("covid-19", "New covid 19 rules", NULL));
	assert_true(matches("covid-19", "COVID-19 cases fall", NULL));
	assert_false(matches("covid-19", "19 new covid rules", NULL));
}

static void
and_needs_both(void **state)
{
	(void)state;
	assert_true(matches("budget AND school",
	    "School budget approved", NULL));
	assert_false(matches("budget AND school", "Budget approved", NULL));
	assert_false(matches("budget AND school", "School reopens", NULL));
}

static void
or_needs_either(void **state)
{
	(void)state;
	assert_true(matches("tram OR bus", "New tram line opens", NULL));
	assert_true(matches("tram OR bus", "Bus fares rise", NULL));
	assert_false(matches("tram OR bus", "Ferry strike", NULL));
}

static void
not_excludes(void **state)
{
	(void)state;
	assert_true(matches("NOT football", "Chess final tonight", NULL));
	assert_false(matches("NOT football", "Football final tonight",
	    NULL));
	assert_true(matches("final NOT football", "Chess final", NULL));
	assert_false(matches("final NOT football", "Football final", NULL));
	assert_true(matches("NOT NOT final", "Chess final", NULL));
}

static void
juxtaposition_is_and(void **state)
{
	(void)state;
	assert_true(matches("flood warning",
	    "A warning was issued before the flood", NULL));
	assert_false(matches("flood warning", "Flood in the valley", NULL));
	assert_false(matches("flood warning", "Storm warning", NULL));
}

static void
precedence_not_and_or(void **state)
{
	(void)state;
	/* a OR b c == a OR (b AND c) */
	assert_true(matches("tram OR bus strike", "Tram news", NULL));
	assert_false(matches("tram OR bus strike", "Bus news", NULL));
	assert_true(matches("tram OR bus strike", "Bus strike", NULL));
	/* a AND b OR c == (a AND b) OR c */
	assert_true(matches("tram AND bus OR ferry", "Ferry news", NULL));
	assert_false(matches("tram AND bus OR ferry", "Tram news", NULL));
	/* NOT a OR b == (NOT a) OR b */
	assert_true(matches("NOT tram OR bus", "Tram and bus", NULL));
	assert_false(matches("NOT tram OR bus", "Tram only", NULL));
	assert_true(matches("NOT tram OR bus", "Ferry", NULL));
	/* NOT a b == (NOT a) AND b */
	assert_true(matches("NOT tram bus", "Bus only", NULL));
	assert_false(matches("NOT tram bus", "Tram and bus", NULL));
}

static void
parentheses_group(void **state)
{
	(void)state;
	assert_true(matches("(tram OR bus) strike", "Bus strike", NULL));
	assert_false(matches("(tram OR bus) strike", "Tram news", NULL));
	assert_true(matches("NOT (tram OR bus)", "Ferry", NULL));
	assert_false(matches("NOT (tram OR bus)", "Bus", NULL));
	assert_true(matches("((((strike))))", "Strike", NULL));
}

static void
lowercase_operators_are_words(void **state)
{
	(void)state;
	assert_true(matches("rock and roll", "Rock and roll night", NULL));
	assert_false(matches("rock and roll", "Rock roll night", NULL));
	assert_false(matches("tax or levy", "New levy", NULL));
	assert_true(matches("\"to be or not\"", "To be or not to be", NULL));
	assert_false(matches("\"to be OR not\"", "To be", NULL));
}

static void
case_is_folded(void **state)
{
	(void)state;
	assert_true(matches("NASA", "nasa launches probe", NULL));
	assert_true(matches("nasa", "NASA LAUNCHES PROBE", NULL));
	assert_true(matches("Mars", "mArS rover", NULL));
}

static void
accents_are_folded(void **state)
{
	(void)state;
	/* German */
	assert_true(matches("Müller", "Trainer muller resigns", "de"));
	assert_true(matches("Strasse", "Die Straße ist gesperrt", "de"));
	assert_true(matches("STRASSE", "Die Straße ist gesperrt", "de"));
	assert_true(matches("Ökonomie", "OKONOMIE", "de"));
	/* French */
	assert_true(matches("Energie", "La transition énergie avance",
	    "fr"));
	assert_true(matches("école", "Une ECOLE rouvre", "fr"));
	assert_true(matches("\"ile de france\"", "En Île-de-France", "fr"));
	/* Spanish */
	assert_true(matches("educacion", "Reforma de la educación", "es"));
	assert_true(matches("año", "Un ano dificil", "es"));
	/* no decomposition, mapped by hand */
	assert_true(matches("Lodz", "Powódź w Łodzi i Łódź", NULL));
	assert_true(matches("orsted", "Ørsted builds a wind farm", NULL));
	/* but the letters must still be there */
	assert_false(matches("Muller", "Miller resigns", "de"));
}

static void
english_inflection(void **state)
{
	(void)state;
	assert_true(matches("election", "Elections next month", "en"));
	assert_true(matches("elections", "The election was close", "en"));
	assert_true(matches("running", "They run a bakery", NULL));
	assert_true(matches("run", "Running costs rise", NULL));
	assert_true(matches("\"rising prices\"", "Price rises", NULL) == 0);
	assert_true(matches("\"rising price\"", "Rise in rising prices",
	    NULL));
	assert_false(matches("election", "Electricity prices", "en"));
}

static void
german_inflection(void **state)
{
	(void)state;
	assert_true(matches("Klimawandel", "Folgen des Klimawandels", "de"));
	assert_true(matches("Klimawandel", "Folgen des Klimawandels",
	    "de-AT"));
	assert_true(matches("Wahl", "Die Wahlen im Herbst", "de"));
	assert_true(matches("Kinder", "Dem Kind geht es gut", "de"));
	assert_false(matches("Wahl", "Die Wahrheit", "de"));
}

static void
document_language_picks_stemmer(void **state)
{
	(void)state;
	/* the French stemmer joins these, the English one does not */
	assert_true(matches("nationales", "Une fête national", "fr"));
	assert_false(matches("nationales", "A national holiday", "en"));
}

static void
non_latin_words_match_themselves(void **state)
{
	(void)state;
	/* Greek, with case and accents */
	assert_true(matches("Ελλάδα", "ΕΛΛΑΔΑ ΣΗΜΕΡΑ", NULL));
	assert_false(matches("Ελλάδα", "Κύπρος σήμερα", NULL));
	/* Cyrillic, with Russian inflection */
	assert_true(matches("Москва", "Новости Москвы", "ru"));
	assert_true(matches("москва", "МОСКВА", NULL));
	assert_false(matches("Москва", "Новости Киева", "ru"));
	/* Chinese and Japanese: each character is a word */
	assert_true(matches("气候", "全球气候变化会议", NULL));
	assert_false(matches("气候", "全球候气变化", NULL));
	assert_true(matches("東京", "東京都の知事", NULL));
	/* Arabic and Hebrew */
	assert_true(matches("القاهرة", "أخبار القاهرة اليوم", NULL));
	assert_true(matches("ירושלים", "חדשות ירושלים", NULL));
}

static void
prefix_star_matches_start(void **state)
{
	(void)state;
	assert_true(matches("elect*", "Electoral reform", NULL));
	assert_true(matches("elect*", "Electricity bill", NULL));
	assert_false(matches("elect*", "Select committee", NULL));
	assert_true(matches("\"climate chan*\"", "Climate changes", NULL));
	assert_false(matches("\"climate chan*\"", "Climate policy", NULL));
	assert_true(matches("Öko*", "Ökosteuer", "de"));
}

static void
invalid_utf8_in_document_is_a_separator(void **state)
{
	static const char text[] = "tram\xFF" "bus\xC3 strike\xE2\x82";
	struct topic_expr *e;
	struct topic_doc *d;

	(void)state;
	d = topic_doc_new(text, sizeof(text) - 1, NULL);
	assert_int_equal(topic_expr_parse("\"tram bus strike\"", 17, &e,
	    NULL), ND_OK);
	assert_true(topic_expr_match(e, d));
	topic_expr_free(e);
	topic_doc_free(d);
}

static void
one_doc_many_topics(void **state)
{
	static const char *yes[] = { "harbour", "\"harbour strike\"",
	    "dock* OR port", "strike NOT airport", "\"walks out\"" };
	static const char *no[] = { "airport", "\"strike harbour\"",
	    "harbour AND airport", "NOT strike", "workers" };
	const char *text = "Harbour strike: dockworkers walk out";
	struct topic_doc *d = topic_doc_new(text, strlen(text), "en");
	struct topic_expr *e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		assert_int_equal(topic_expr_parse(yes[i], strlen(yes[i]), &e,
		    NULL), ND_OK);
		assert_true(topic_expr_match(e, d));
		topic_expr_free(e);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		assert_int_equal(topic_expr_parse(no[i], strlen(no[i]), &e,
		    NULL), ND_OK);
		assert_false(topic_expr_match(e, d));
		topic_expr_free(e);
	}
	assert_false(topic_expr_match(NULL, d));
	topic_doc_free(d);
	topic_doc_free(NULL);
	topic_expr_free(NULL);
}

static void
error_empty(void **state)
{
	(void)state;
	fails("", ND_EPARSE, "empty topic expression");
	fails(" \t\n ", ND_EPARSE, "empty topic expression");
	fails_n(NULL, 0, ND_EPARSE, "empty topic expression");
}

static void
error_unbalanced_parentheses(void **state)
{
	(void)state;
	fails("(tram OR bus", ND_EPARSE, "missing ')' for '(' at position 1");
	fails("a ((b) OR c", ND_EPARSE, "missing ')' for '(' at position 3");
	fails("tram OR bus)", ND_EPARSE, "unexpected ')' at position 12");
	fails(") tram", ND_EPARSE, "unexpected ')' at position 1");
	fails("tram ()", ND_EPARSE, "empty parentheses at position 6");
	fails("tram (", ND_EPARSE,
	    "expected a word, phrase or '(' after '(' at position 6");
}

static void
error_unterminated_phrase(void **state)
{
	(void)state;
	fails("flood \"storm surge", ND_EPARSE,
	    "unterminated phrase starting at position 7");
	fails("\"a\" \"b", ND_EPARSE,
	    "unterminated phrase starting at position 5");
}

static void
error_empty_phrase(void **state)
{
	(void)state;
	fails("tram \"\"", ND_EPARSE, "empty phrase at position 6");
	fails("\" - ! \"", ND_EPARSE, "empty phrase at position 1");
}

static void
error_dangling_operator(void **state)
{
	(void)state;
	fails("climate AND", ND_EPARSE,
	    "expected a word, phrase or '(' after 'AND' at position 9");
	fails("climate OR", ND_EPARSE,
	    "expected a word, phrase or '(' after 'OR' at position 9");
	fails("tram AND OR bus", ND_EPARSE,
	    "expected a word, phrase or '(' after 'AND' at position 6");
	fails("NOT", ND_EPARSE,
	    "expected a word, phrase or '(' after 'NOT' at position 1");
	fails("(tram NOT)", ND_EPARSE,
	    "expected a word, phrase or '(' after 'NOT' at position 7");
	fails("OR climate", ND_EPARSE,
	    "expected a word, phrase or '(' before 'OR' at position 1");
	fails("(AND x)", ND_EPARSE,
	    "expected a word, phrase or '(' after '(' at position 1");
}

static void
error_word_without_letters(void **state)
{
	(void)state;
	fails("tram & bus", ND_EPARSE,
	    "no letters or digits in '&' at position 6");
	fails("*", ND_EPARSE, "no letters or digits in '*' at position 1");
}

static void
error_positions_count_characters(void **state)
{
	(void)state;
	/* "Ökonomie" is 9 bytes but 8 characters */
	fails("Ökonomie AND", ND_EPARSE,
	    "expected a word, phrase or '(' after 'AND' at position 10");
	fails("東京 (", ND_EPARSE,
	    "expected a word, phrase or '(' after '(' at position 4");
}

static void
error_invalid_utf8(void **state)
{
	(void)state;
	fails("ab\xC3(", ND_EUTF8, "invalid utf-8 at position 3 (byte 3)");
	fails("\xC3\xA9\xFF", ND_EUTF8,
	    "invalid utf-8 at position 2 (byte 3)");
	fails("\xED\xA0\x80", ND_EUTF8,
	    "invalid utf-8 at position 1 (byte 1)");
}

static void
limit_bytes(void **state)
{
	char s[TOPIC_EXPR_MAX_BYTES + 1];

	(void)state;
	memset(s, 'a', sizeof(s));
	parses(s, TOPIC_EXPR_MAX_BYTES);
	fails_n(s, sizeof(s), ND_ELIMIT,
	    "topic expression is 4097 bytes, over the limit of 4096");
}

static void
limit_depth(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < TOPIC_EXPR_MAX_DEPTH; i++)
		buf_putc(&b, '(');
	buf_puts(&b, "x");
	for (i = 0; i < TOPIC_EXPR_MAX_DEPTH; i++)
		buf_putc(&b, ')');
	parses(b.ptr, b.len);
	buf_clear(&b);
	for (i = 0; i <= TOPIC_EXPR_MAX_DEPTH; i++)
		buf_putc(&b, '(');
	buf_puts(&b, "x");
	fails_n(b.ptr, b.len, ND_ELIMIT,
	    "topic expression nested deeper than 32 levels at position 33");
	buf_clear(&b);
	for (i = 0; i <= TOPIC_EXPR_MAX_DEPTH; i++)
		buf_puts(&b, "NOT ");
	buf_puts(&b, "x");
	fails_n(b.ptr, b.len, ND_ELIMIT,
	    "topic expression nested deeper than 32 levels at position 129");
	buf_release(&b);
}

static void
limit_words(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < TOPIC_EXPR_MAX_TERMS; i++)
		buf_puts(&b, "w ");
	parses(b.ptr, b.len);
	buf_puts(&b, "w");
	fails_n(b.ptr, b.len, ND_ELIMIT,
	    "more than 256 words in topic expression at position 513");
	buf_clear(&b);
	buf_puts(&b, "x \"");
	for (i = 0; i < TOPIC_EXPR_MAX_TERMS; i++)
		buf_puts(&b, "w ");
	buf_puts(&b, "\"");
	fails_n(b.ptr, b.len, ND_ELIMIT,
	    "more than 256 words in topic expression at position 3");
	buf_release(&b);
}

static void
limit_document_words(void **state)
{
	struct buf b = BUF_INIT;
	struct topic_expr *first, *last, *over;
	struct topic_doc *d;
	int i;

	(void)state;
	buf_puts(&b, "alpha ");
	for (i = 2; i < TOPIC_DOC_MAX_WORDS; i++)
		buf_puts(&b, "w ");
	buf_puts(&b, "omega zulu");
	d = topic_doc_new(b.ptr, b.len, NULL);
	assert_int_equal(topic_expr_parse("alpha", 5, &first, NULL), ND_OK);
	assert_int_equal(topic_expr_parse("omega", 5, &last, NULL), ND_OK);
	assert_int_equal(topic_expr_parse("zulu", 4, &over, NULL), ND_OK);
	assert_true(topic_expr_match(first, d));
	assert_true(topic_expr_match(last, d));
	assert_false(topic_expr_match(over, d));
	topic_expr_free(first);
	topic_expr_free(last);
	topic_expr_free(over);
	topic_doc_free(d);
	buf_release(&b);
}

static void
long_phrase_in_repetitive_document(void **state)
{
	struct buf expr = BUF_INIT, text = BUF_INIT;
	int i;

	(void)state;
	buf_putc(&expr, '"');
	for (i = 0; i < TOPIC_EXPR_MAX_TERMS - 1; i++)
		buf_puts(&expr, "na ");
	buf_puts(&expr, "batman\"");
	for (i = 0; i < 20000; i++)
		buf_puts(&text, "na ");
	assert_false(matches(expr.ptr, text.ptr, NULL));
	buf_puts(&text, "batman");
	assert_true(matches(expr.ptr, text.ptr, NULL));
	buf_release(&expr);
	buf_release(&text);
}

static void
slug_folds_and_joins(void **state)
{
	static const char *cases[][2] = {
		{ "Klimawandel & Energie", "klimawandel-energie" },
		{ "Économie", "economie" },
		{ "Climate & Energy", "climate-energy" },
		{ "  --Climate -- Energy--  ", "climate-energy" },
		{ "Straße", "strasse" },
		{ "Łódź Covid-19", "lodz-covid-19" },
		{ "Ελλάδα news", "news" },
		{ "ÆRØ", "aero" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = topic_slugify(cases[i][0]);
		assert_non_null(s);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

static void
slug_empty_is_null(void **state)
{
	(void)state;
	assert_null(topic_slugify(NULL));
	assert_null(topic_slugify(""));
	assert_null(topic_slugify("&& --"));
	assert_null(topic_slugify("Ελλάδα"));
	assert_null(topic_slugify("气候"));
}

static void
slug_is_bounded(void **state)
{
	char name[300];
	char *s;

	(void)state;
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	s = topic_slugify(name);
	assert_non_null(s);
	assert_int_equal(strlen(s), TOPIC_SLUG_MAX);
	free(s);
	s = topic_slugify("the quick brown fox jumps over the lazy dog and "
	    "keeps running far away");
	assert_non_null(s);
	assert_true(strlen(s) <= TOPIC_SLUG_MAX);
	assert_string_equal(s, "the-quick-brown-fox-jumps-over-the-lazy-dog-"
	    "and-keeps-running");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(word_matches_whole_words),
		cmocka_unit_test(phrase_needs_consecutive_words),
		cmocka_unit_test(punctuated_word_is_phrase),
		cmocka_unit_test(and_needs_both),
		cmocka_unit_test(or_needs_either),
		cmocka_unit_test(not_excludes),
		cmocka_unit_test(juxtaposition_is_and),
		cmocka_unit_test(precedence_not_and_or),
		cmocka_unit_test(parentheses_group),
		cmocka_unit_test(lowercase_operators_are_words),
		cmocka_unit_test(case_is_folded),
		cmocka_unit_test(accents_are_folded),
		cmocka_unit_test(english_inflection),
		cmocka_unit_test(german_inflection),
		cmocka_unit_test(document_language_picks_stemmer),
		cmocka_unit_test(non_latin_words_match_themselves),
		cmocka_unit_test(prefix_star_matches_start),
		cmocka_unit_test(invalid_utf8_in_document_is_a_separator),
		cmocka_unit_test(one_doc_many_topics),
		cmocka_unit_test(error_empty),
		cmocka_unit_test(error_unbalanced_parentheses),
		cmocka_unit_test(error_unterminated_phrase),
		cmocka_unit_test(error_empty_phrase),
		cmocka_unit_test(error_dangling_operator),
		cmocka_unit_test(error_word_without_letters),
		cmocka_unit_test(error_positions_count_characters),
		cmocka_unit_test(error_invalid_utf8),
		cmocka_unit_test(limit_bytes),
		cmocka_unit_test(limit_depth),
		cmocka_unit_test(limit_words),
		cmocka_unit_test(limit_document_words),
		cmocka_unit_test(long_phrase_in_repetitive_document),
		cmocka_unit_test(slug_folds_and_joins),
		cmocka_unit_test(slug_empty_is_null),
		cmocka_unit_test(slug_is_bounded),
	};

	return cmocka_run_group_tests_name("topic", tests, NULL, NULL);
}
