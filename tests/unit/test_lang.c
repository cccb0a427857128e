#include "testutil.h"

#include "ingest/lang.h"

static void
lang_tells_languages_apart(void **state)
{
	const char *en = "The council said on Monday that the new bridge "
	    "will be opened by the mayor in the spring, and that it was built "
	    "with steel from the old mill.";
	const char *de = "Der Stadtrat sagte am Montag, dass die neue Brücke "
	    "im Frühjahr von der Bürgermeisterin eröffnet wird und dass sie "
	    "mit Stahl aus der alten Mühle gebaut wurde.";
	const char *fr = "Le conseil a annoncé lundi que le nouveau pont "
	    "sera inauguré par la maire au printemps et qu'il est construit "
	    "avec l'acier de la vieille usine, selon les services.";
	const char *es = "El ayuntamiento dijo el lunes que el nuevo puente "
	    "será inaugurado por la alcaldesa en primavera y que fue "
	    "construido con el acero de la vieja fábrica.";

	(void)state;
	assert_string_equal(lang_detect(en, strlen(en)), "en");
	assert_string_equal(lang_detect(de, strlen(de)), "de");
	assert_string_equal(lang_detect(fr, strlen(fr)), "fr");
	assert_string_equal(lang_detect(es, strlen(es)), "es");
}

static void
lang_gives_up_on_too_little_text(void **state)
{
	(void)state;
	assert_null(lang_detect("Hello", 5));
	assert_null(lang_detect("", 0));
	assert_null(lang_detect("12345 67890 !!!", 15));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lang_tells_languages_apart),
		cmocka_unit_test(lang_gives_up_on_too_little_text),
	};

	return cmocka_run_group_tests_name("lang", tests, NULL, NULL);
}
