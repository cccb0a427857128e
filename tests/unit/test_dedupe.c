#include "testutil.h"

#include "util/dedupe.h"

/* Copy of text with the k-th word (0-based, a run of letters) replaced
 * by repl; caller frees. */
static char *
replace_word(const char *text, size_t k, const char *repl)
{
	struct buf b = BUF_INIT;
	const char *p = text, *start;
	size_t w = 0;

	while (*p) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
			buf_putc(&b, *p++);
			continue;
		}
		start = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			p++;
		if (w++ == k)
			buf_puts(&b, repl);
		else
			buf_put(&b, start, (size_t)(p - start));
	}
	return buf_detach(&b, NULL);
}

static void
identical_texts_have_distance_zero(void **state)
{
	char *t = test_data("dedupe/story.txt", NULL);
	char *copy = strdup(t);
	uint64_t a = dedupe_simhash(t, strlen(t));

	(void)state;
	assert_int_not_equal(a, 0);
	assert_int_equal(dedupe_distance(a, dedupe_simhash(copy,
	    strlen(copy))), 0);
	free(copy);
	free(t);
}

static void
case_and_punctuation_do_not_matter(void **state)
{
	const char *x = "The Council Voted, on Tuesday, to close the ferry "
	    "terminal early.";
	const char *y = "the council voted on tuesday to close the ferry "
	    "terminal early";

	(void)state;
	assert_int_equal(dedupe_distance(dedupe_simhash(x, strlen(x)),
	    dedupe_simhash(y, strlen(y))), 0);
}

static void
one_changed_word_is_within_max_distance(void **state)
{
	char *t = test_data("dedupe/story.txt", NULL);
	char *v = replace_word(t, 100, "lighthouse");
	uint64_t a = dedupe_simhash(t, strlen(t));
	uint64_t b = dedupe_simhash(v, strlen(v));

	(void)state;
	assert_string_not_equal(t, v);
	assert_int_not_equal(a, b);
	assert_true(dedupe_distance(a, b) <= DEDUPE_MAX_DISTANCE);
	free(v);
	free(t);
}

/* Robustness, not one lucky position: change each of the first 200
 * words in turn; nearly all must stay within the story threshold. */
static void
most_single_word_changes_stay_within_max_distance(void **state)
{
	char *t = test_data("dedupe/story.txt", NULL);
	uint64_t a = dedupe_simhash(t, strlen(t));
	size_t k, within = 0, total = 0;
	char *v;

	(void)state;
	for (k = 0; k < 200; k++) {
		v = replace_word(t, k, "zeppelin");
		if (dedupe_distance(a, dedupe_simhash(v, strlen(v))) <=
		    DEDUPE_MAX_DISTANCE)
			within++;
		total += (size_t)dedupe_distance(a, dedupe_simhash(v,
		    strlen(v)));
		free(v);
	}
	assert_true(within >= 190);
	assert_true(total <= 2 * 200);	/* mean at most 2 bits */
	free(t);
}

static void
unrelated_texts_are_far_apart(void **state)
{
	char *t = test_data("dedupe/story.txt", NULL);
	char *o = test_data("dedupe/other.txt", NULL);

	(void)state;
	assert_true(dedupe_distance(dedupe_simhash(t, strlen(t)),
	    dedupe_simhash(o, strlen(o))) > 10);
	free(o);
	free(t);
}

static void
short_text_has_no_fingerprint(void **state)
{
	const char *seven = "one two three four five six seven";
	const char *eight = "one two three four five six seven eight";

	(void)state;
	assert_int_equal(dedupe_simhash(seven, strlen(seven)), 0);
	assert_int_equal(dedupe_simhash("", 0), 0);
	assert_int_equal(dedupe_simhash(NULL, 0), 0);
	assert_int_equal(dedupe_simhash("!!! ,,, ...", 11), 0);
	assert_int_not_equal(dedupe_simhash(eight, strlen(eight)), 0);
}

static void
length_bounds_the_text(void **state)
{
	const char *t = "alpha beta gamma delta epsilon zeta eta theta iota";

	(void)state;
	/* only the first seven words are inside the given length */
	assert_int_equal(dedupe_simhash(t, 39), 0);
	assert_int_not_equal(dedupe_simhash(t, strlen(t)), 0);
}

static void
utf8_bytes_stay_in_words(void **state)
{
	const char *x = "Z\xC3\xBCrich council voted on Tuesday to close "
	    "the ferry terminal";
	const char *y = "Zrich council voted on Tuesday to close the ferry "
	    "terminal";

	(void)state;
	/* the u-umlaut is part of the word, so the texts differ */
	assert_int_not_equal(dedupe_simhash(x, strlen(x)),
	    dedupe_simhash(y, strlen(y)));
}

static void
distance_counts_bits(void **state)
{
	(void)state;
	assert_int_equal(dedupe_distance(0, 0), 0);
	assert_int_equal(dedupe_distance(0, ~0ULL), 64);
	assert_int_equal(dedupe_distance(0x5, 0x3), 2);
	assert_int_equal(dedupe_distance(1ULL << 63, 0), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identical_texts_have_distance_zero),
		cmocka_unit_test(case_and_punctuation_do_not_matter),
		cmocka_unit_test(one_changed_word_is_within_max_distance),
		cmocka_unit_test(
		    most_single_word_changes_stay_within_max_distance),
		cmocka_unit_test(unrelated_texts_are_far_apart),
		cmocka_unit_test(short_text_has_no_fingerprint),
		cmocka_unit_test(length_bounds_the_text),
		cmocka_unit_test(utf8_bytes_stay_in_words),
		cmocka_unit_test(distance_counts_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
