#include "testutil.h"

#include "store/article.h"

static struct article *
sample(void)
{
	struct article *a = article_new();
	const char *h = "  Harbour \n votes\t to close pier  ";

	article_set(&a->url, "https://x.example/a", 19);
	article_set(&a->headline, h, strlen(h));
	strlist_push(&a->byline, "Jane Okafor");
	strlist_push(&a->body, "First paragraph.");
	strlist_push(&a->body, "Second \xE2\x80\x94 with a dash.");
	a->published = 1647250200;	/* 2022-03-14T09:30:00Z */
	a->published_has_time = 1;
	article_set(&a->lang, "en", 2);
	return a;
}

static void
article_set_collapses_space(void **state)
{
	struct article *a = sample();
	char *nb = NULL;

	(void)state;
	assert_string_equal(a->headline, "Harbour votes to close pier");
	article_set(&nb, "a\xC2\xA0\xC2\xA0" "b", 6);
	assert_string_equal(nb, "a b");
	article_set(&nb, " \n ", 3);
	assert_null(nb);
	article_free(a);
}

static void
article_json_has_the_documented_shape(void **state)
{
	struct article *a = sample();
	json_t *j = article_to_json(a, 0);
	const char *keys[] = {"url", "headline", "standfirst", "byline",
	    "dateline", "published", "image", "body", "credits", "lang",
	    "topics"};
	const char *k;
	json_t *v;
	size_t i = 0;

	(void)state;
	json_object_foreach(j, k, v) {
		assert_true(i < 11);
		assert_string_equal(k, keys[i++]);
	}
	assert_int_equal(i, 11);
	assert_true(json_is_null(json_object_get(j, "standfirst")));
	assert_string_equal(json_string_value(json_object_get(j, "published")),
	    "2022-03-14T09:30:00Z");
	assert_true(json_is_null(json_object_get(json_object_get(j, "image"),
	    "url")));
	assert_int_equal(json_array_size(json_object_get(j, "topics")), 0);
	json_decref(j);
	article_free(a);
}

static void
article_json_round_trips(void **state)
{
	struct article *a = sample(), *b;
	json_t *j = article_to_json(a, 1);
	struct nd_error err;

	(void)state;
	b = article_from_json(j, &err);
	assert_non_null(b);
	assert_string_equal(b->headline, a->headline);
	assert_int_equal(b->body.n, 2);
	assert_string_equal(b->body.v[1], a->body.v[1]);
	assert_int_equal(b->published, a->published);
	assert_int_equal(b->published_has_time, 1);
	json_decref(j);
	article_free(a);
	article_free(b);
}

static void
article_from_json_rejects_wrong_types(void **state)
{
	struct nd_error err;
	json_t *j = json_pack("{s:i}", "headline", 3);

	(void)state;
	assert_null(article_from_json(j, &err));
	assert_non_null(strstr(err.msg, "'headline'"));
	json_decref(j);
	j = json_pack("{s:s}", "published", "last tuesday");
	assert_null(article_from_json(j, &err));
	assert_non_null(strstr(err.msg, "'published'"));
	json_decref(j);
	j = json_array();
	assert_null(article_from_json(j, &err));
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(article_set_collapses_space),
		cmocka_unit_test(article_json_has_the_documented_shape),
		cmocka_unit_test(article_json_round_trips),
		cmocka_unit_test(article_from_json_rejects_wrong_types),
	};

	return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
