#include "testutil.h"

#include <stdio.h>

#include "ingest/htmlhint.h"
#include "ingest/htmlparse.h"

static struct html_doc *
parse_n(const char *s, size_t n, const struct htmlparse_limits *lim)
{
	struct html_doc *d = NULL;
	struct nd_error err;

	assert_int_equal(htmlparse(s, n, lim, &d, &err), ND_OK);
	assert_non_null(d);
	assert_non_null(d->root);
	assert_int_equal(d->root->tag, TAG_HTML);
	return d;
}

static struct html_doc *
parse(const char *s)
{
	return parse_n(s, strlen(s), NULL);
}

/* The first element with tag under n in document order, or NULL. */
static const struct html_node *
find(const struct html_node *n, enum htmltag tag)
{
	const struct html_node *c, *r;

	for (c = n->first; c; c = c->next) {
		if (c->type != HTML_ELEMENT)
			continue;
		if (c->tag == tag)
			return c;
		if ((r = find(c, tag)) != NULL)
			return r;
	}
	return NULL;
}

/* Serialise n's subtree as "tag(children)" and text as 'text'. */
static void
shape(const struct html_node *n, struct buf *b)
{
	const struct html_node *c;

	for (c = n->first; c; c = c->next) {
		if (c != n->first)
			buf_putc(b, ' ');
		if (c->type == HTML_TEXT) {
			buf_printf(b, "'%s'", c->text);
			continue;
		}
		buf_printf(b, "%d", c->tag);
		if (c->name)
			buf_printf(b, ":%s", c->name);
		if (c->first) {
			buf_putc(b, '(');
			shape(c, b);
			buf_putc(b, ')');
		}
	}
}

static void
assert_body(const char *html, const char *want)
{
	struct html_doc *d = parse(html);
	struct buf b = BUF_INIT;

	assert_non_null(d->body);
	shape(d->body, &b);
	assert_string_equal(b.ptr, want);
	buf_release(&b);
	htmlparse_free(d);
}

static const char *
text_of(const struct html_node *n)
{
	assert_non_null(n);
	assert_non_null(n->first);
	assert_int_equal(n->first->type, HTML_TEXT);
	return n->first->text;
}

static void
tags_and_text(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' %d('b') 'c')", TAG_P, TAG_B);
	assert_body("<P>a<b>b</B>c</p>", want);
}

static void
head_and_body_are_implied(void **state)
{
	struct html_doc *d = parse("<title>T</title><meta name=x "
	    "content=y><p>text");

	(void)state;
	assert_non_null(d->head);
	assert_non_null(d->body);
	assert_ptr_equal(d->head->parent, d->root);
	assert_ptr_equal(d->body->parent, d->root);
	assert_string_equal(text_of(find(d->head, TAG_TITLE)), "T");
	assert_non_null(find(d->head, TAG_META));
	assert_string_equal(text_of(find(d->body, TAG_P)), "text");
	htmlparse_free(d);
}

static void
attributes_all_quoting_styles(void **state)
{
	struct html_doc *d = parse("<div class=\"a b\" id='c d' role=main "
	    "hidden title = \"t\" data-x=1 lang=en>x</div>");
	const struct html_node *n = find(d->root, TAG_DIV);

	(void)state;
	assert_string_equal(htmlparse_attr(n, HA_CLASS), "a b");
	assert_string_equal(htmlparse_attr(n, HA_ID), "c d");
	assert_string_equal(htmlparse_attr(n, HA_ROLE), "main");
	assert_string_equal(htmlparse_attr(n, HA_HIDDEN), "");
	assert_string_equal(htmlparse_attr(n, HA_TITLE), "t");
	assert_string_equal(htmlparse_attr(n, HA_LANG), "en");
	assert_null(htmlparse_attr(n, HA_HREF));
	assert_int_equal(n->nattrs, 6);		/* data-x is not kept */
	htmlparse_free(d);
}

static void
duplicate_attribute_first_wins(void **state)
{
	struct html_doc *d = parse("<p CLASS=one class=two Class=three>x");

	(void)state;
	assert_string_equal(htmlparse_attr(find(d->root, TAG_P), HA_CLASS),
	    "one");
	assert_int_equal(find(d->root, TAG_P)->nattrs, 1);
	htmlparse_free(d);
}

static void
named_references(void **state)
{
	struct html_doc *d = parse("<p>a &amp; b &lt;c&gt; &quot;&apos; "
	    "&eacute;t&eacute; &copy 2024 &nbsp;</p>");

	(void)state;
	assert_string_equal(text_of(find(d->root, TAG_P)),
	    "a & b <c> \"' \xc3\xa9t\xc3\xa9 \xc2\xa9 2024 \xc2\xa0");
	htmlparse_free(d);
}

static void
numeric_references(void **state)
{
	struct html_doc *d = parse("<p>&#65;&#x42;&#X43;&#8212;&#128;"
	    "&#0;&#xD800;&#x110000;&#99999999999;</p>");

	(void)state;
	assert_string_equal(text_of(find(d->root, TAG_P)),
	    "ABC\xe2\x80\x94\xe2\x82\xac\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd");
	htmlparse_free(d);
}

static void
invalid_references_stay_text(void **state)
{
	struct html_doc *d = parse("<p>AT&T &bogus; &#; &#x; & &verylongname;"
	    " &amp</p>");

	(void)state;
	assert_string_equal(text_of(find(d->root, TAG_P)),
	    "AT&T &bogus; &#; &#x; & &verylongname; &");
	htmlparse_free(d);
}

static void
reference_in_url_attribute(void **state)
{
	struct html_doc *d = parse("<a href=\"/x?a=1&copy=2&amp;b=3&lang\">"
	    "x</a>");

	(void)state;
	assert_string_equal(htmlparse_attr(find(d->root, TAG_A), HA_HREF),
	    "/x?a=1&copy=2&b=3&lang");
	htmlparse_free(d);
}

static void
raw_text_elements(void **state)
{
	struct html_doc *d = parse("<script>if (a<b && c>d) x=\"</p>\";"
	    "</SCRIPT ><style>p>a{}</style><title>A &amp; <b>B</title>"
	    "<p>after");

	(void)state;
	assert_string_equal(text_of(find(d->root, TAG_SCRIPT)),
	    "if (a<b && c>d) x=\"</p>\";");
	assert_string_equal(text_of(find(d->root, TAG_STYLE)), "p>a{}");
	assert_string_equal(text_of(find(d->root, TAG_TITLE)), "A & <b>B");
	assert_string_equal(text_of(find(d->root, TAG_P)), "after");
	htmlparse_free(d);
}

static void
unterminated_script_takes_the_rest(void **state)
{
	struct html_doc *d = parse("<p>a</p><script>var x = '<p>b</p>';");

	(void)state;
	assert_string_equal(text_of(find(d->root, TAG_SCRIPT)),
	    "var x = '<p>b</p>';");
	htmlparse_free(d);
}

static void
noscript_content_is_markup(void **state)
{
	struct html_doc *d = parse("<figure><noscript><img src=a.jpg>"
	    "</noscript></figure>");
	const struct html_node *ns = find(d->root, TAG_NOSCRIPT);

	(void)state;
	assert_non_null(ns);
	assert_string_equal(htmlparse_attr(find(ns, TAG_IMG), HA_SRC),
	    "a.jpg");
	htmlparse_free(d);
}

static void
comments_and_doctype_leave_no_node(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' 'b' 'c' 'd')", TAG_P);
	assert_body("<!DOCTYPE html><p>a<!-- <p>x</p> -->b<!---->c<?php x ?>"
	    "d", want);
}

static void
unterminated_comment_ends_the_input(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a')", TAG_P);
	assert_body("<p>a<!-- <p>b</p>", want);
}

static void
cdata_is_text(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' '<b>&amp;')", TAG_P);
	assert_body("<p>a<![CDATA[<b>&amp;]]>", want);
}

static void
paragraph_closed_by_block(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d('a') %d('b') %d('c') %d %d('d')",
	    TAG_P, TAG_DIV, TAG_P, TAG_HR, TAG_H2);
	assert_body("<p>a<div>b</div><p>c<hr><h2>d</h2>", want);
}

static void
list_items_close_siblings(void **state)
{
	char want[128];

	(void)state;
	snprintf(want, sizeof(want), "%d(%d('a') %d('b' %d(%d('c'))) "
	    "%d('d'))", TAG_UL, TAG_LI, TAG_LI, TAG_OL, TAG_LI, TAG_LI);
	assert_body("<ul><li>a<li>b<ol><li>c</ol><li>d</ul>", want);
}

static void
definition_items_close_siblings(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d(%d('a') %d('b') %d('c'))", TAG_DL,
	    TAG_DT, TAG_DD, TAG_DT);
	assert_body("<dl><dt>a<dd>b<dt>c</dl>", want);
}

static void
table_rows_and_cells_close(void **state)
{
	char want[128];

	(void)state;
	snprintf(want, sizeof(want), "%d(%d(%d('1') %d('2')) %d(%d('3'))) "
	    "%d('x')", TAG_TABLE, TAG_TR, TAG_TD, TAG_TD, TAG_TR, TAG_TD,
	    TAG_P);
	assert_body("<table><tr><td>1<td>2<tr><td>3</table><p>x", want);
}

static void
options_close_siblings(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d(%d('a') %d('b'))", TAG_SELECT,
	    TAG_OPTION, TAG_OPTION);
	assert_body("<select><option>a<option>b</select>", want);
}

static void
void_elements_have_no_children(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' %d 'b' %d 'c' %d 'd')", TAG_P,
	    TAG_BR, TAG_IMG, TAG_INPUT);
	assert_body("<p>a<br>b<img src=x>c<input>d</p>", want);
}

static void
self_closing_elements_are_empty(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d %d('x')", TAG_DIV, TAG_P);
	assert_body("<div/><p>x</p>", want);
}

static void
inline_end_tag_does_not_cross_blocks(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d(%d('a' %d('b' 'c')))", TAG_DIV,
	    TAG_SPAN, TAG_DIV);
	assert_body("<div><span>a<div>b</span>c</div></div>", want);
}

static void
misnested_formatting_is_tolerated(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' %d('b' %d('c')) 'd')",
	    TAG_P, TAG_B, TAG_I);
	assert_body("<p>a<b>b<i>c</b>d</i></p>", want);
}

static void
unknown_elements_match_by_name(void **state)
{
	char want[96];

	(void)state;
	snprintf(want, sizeof(want), "%d:my-box(%d:x-y('a') 'b')",
	    TAG_OTHER, TAG_OTHER);
	assert_body("<My-Box><x-y>a</x-y>b</my-box>", want);
}

static void
stray_end_tags_are_ignored(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a' 'b')", TAG_P);
	assert_body("</div></span><p>a</td></li>b", want);
}

static void
nesting_limit(void **state)
{
	const size_t n = 100000;
	struct buf b = BUF_INIT;
	struct html_doc *d;
	const struct html_node *c;
	size_t i, depth = 0;

	(void)state;
	for (i = 0; i < n; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, "deep");
	for (i = 0; i < n; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "<p>after</p>");
	d = parse_n(b.ptr, b.len, NULL);
	for (c = d->body; c && c->first && c->first->type == HTML_ELEMENT;
	    c = c->first)
		depth++;
	/* body and the divs in it are the open elements under <html> */
	assert_int_equal(depth, HTMLPARSE_MAX_DEPTH - 1);
	assert_string_equal(c->first->text, "deep");
	assert_int_equal(d->body->last->tag, TAG_P);
	assert_false(d->truncated);
	htmlparse_free(d);
	buf_release(&b);
}

static void
node_limit_keeps_the_start(void **state)
{
	struct htmlparse_limits lim = { 0, 50 };
	struct buf b = BUF_INIT;
	struct html_doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "<p>para %zu</p>", i);
	d = parse_n(b.ptr, b.len, &lim);
	assert_true(d->truncated);
	assert_int_equal(d->elements, 50);
	assert_string_equal(text_of(find(d->root, TAG_P)), "para 0");
	htmlparse_free(d);
	buf_release(&b);
}

static void
huge_attribute_is_dropped(void **state)
{
	struct buf b = BUF_INIT;
	struct html_doc *d;
	const struct html_node *img;

	(void)state;
	buf_puts(&b, "<img alt=ok src=\"");
	for (size_t i = 0; i < HTMLPARSE_MAX_ATTR_LEN + 10; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\" class=c><p>x</p>");
	d = parse_n(b.ptr, b.len, NULL);
	img = find(d->root, TAG_IMG);
	assert_non_null(img);
	assert_null(htmlparse_attr(img, HA_SRC));
	assert_string_equal(htmlparse_attr(img, HA_ALT), "ok");
	assert_string_equal(htmlparse_attr(img, HA_CLASS), "c");
	assert_string_equal(text_of(find(d->root, TAG_P)), "x");
	htmlparse_free(d);
	buf_release(&b);
}

static void
entity_storm(void **state)
{
	const size_t n = 200000;
	struct buf b = BUF_INIT;
	struct html_doc *d;
	const char *t;

	(void)state;
	buf_puts(&b, "<p>");
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, "&amp;&#x41;");
	d = parse_n(b.ptr, b.len, NULL);
	t = text_of(find(d->root, TAG_P));
	assert_int_equal(strlen(t), 2 * n);
	assert_memory_equal(t, "&A&A", 4);
	htmlparse_free(d);
	buf_release(&b);
}

static void
unterminated_tag_at_end_is_dropped(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a')", TAG_P);
	assert_body("<p>a<div class=\"x", want);
	assert_body("<p>a</di", want);
	assert_body("<p>a<img src=", want);
}

static void
lone_less_than_is_text(void **state)
{
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "%d('a < b <3 <')", TAG_P);
	assert_body("<p>a < b <3 <", want);
}

static void
nul_bytes_are_dropped(void **state)
{
	static const char html[] = "<p cl\0ass=\"a\0b\">x\0y</p>";
	struct html_doc *d = parse_n(html, sizeof(html) - 1, NULL);
	const struct html_node *p = find(d->root, TAG_P);

	(void)state;
	assert_string_equal(text_of(p), "xy");
	htmlparse_free(d);
}

static void
empty_input_has_a_root(void **state)
{
	struct html_doc *d = parse_n(NULL, 0, NULL);

	(void)state;
	assert_null(d->root->first);
	assert_null(d->body);
	htmlparse_free(d);
}

static void
null_buffer_with_length_fails(void **state)
{
	struct html_doc *d = (struct html_doc *)1;
	struct nd_error err;

	(void)state;
	assert_int_equal(htmlparse(NULL, 5, NULL, &d, &err), ND_EINVAL);
	assert_null(d);
}

static void
html_attributes_merge(void **state)
{
	struct html_doc *d = parse("<!-- x --><html lang=fr><body class=b>"
	    "<p>x</p><body id=i>");

	(void)state;
	assert_string_equal(htmlparse_attr(d->root, HA_LANG), "fr");
	assert_string_equal(htmlparse_attr(d->body, HA_CLASS), "b");
	assert_string_equal(htmlparse_attr(d->body, HA_ID), "i");
	htmlparse_free(d);
}

static void
class_hints_are_found_and_cached(void **state)
{
	struct html_doc *d = parse("<div class=\"Ad Article-Body\" "
	    "id=Story-Byline>x</div><p id=intro class=ads>y</p><ul>z</ul>");
	struct html_node *n = (struct html_node *)find(d->root, TAG_DIV);

	(void)state;
	assert_int_equal(htmlhint_of(n), HH_AD | HH_POS | HH_MAYBE |
	    HH_BYLINE);
	assert_int_equal(n->hint, HH_AD | HH_POS | HH_MAYBE | HH_BYLINE |
	    HH_DONE);
	n->hint = HH_DONE | HH_CREDIT;	/* the cache answers now */
	assert_int_equal(htmlhint_of(n), HH_CREDIT);
	n = (struct html_node *)find(d->root, TAG_P);
	assert_int_equal(htmlhint_of(n), HH_AD | HH_STANDFIRST);
	n = (struct html_node *)find(d->root, TAG_UL);
	assert_int_equal(htmlhint_of(n), 0);
	assert_int_equal(n->hint, HH_DONE);
	htmlparse_free(d);
}

/* The scorer reads the first 256 bytes of "class id ", the metadata
 * walk the first 4096: a word past 256 counts for the metadata only. */
static void
class_hints_past_the_scorer_limit(void **state)
{
	struct buf b = BUF_INIT;
	struct html_doc *d;
	struct html_node *n;
	int i;

	(void)state;
	buf_puts(&b, "<div class=\"");
	for (i = 0; i < 60; i++)
		buf_puts(&b, "xxxx ");
	buf_puts(&b, "sidebar byline\">t</div>");
	d = parse(b.ptr);
	n = (struct html_node *)find(d->root, TAG_DIV);
	assert_int_equal(htmlhint_of(n), HH_BYLINE);
	htmlparse_free(d);
	buf_release(&b);
}

/* A class that fills the metadata walk's buffer to its last two bytes,
 * and an id after it: the walk's spaces must leave room for the NUL
 * (ASan in make san-unit caught a write past it; found by the fuzzer). */
static void
class_hints_at_the_metadata_limit(void **state)
{
	struct buf b = BUF_INIT;
	struct html_doc *d;
	struct html_node *n;
	size_t i;

	(void)state;
	buf_puts(&b, "<div class=\"");
	for (i = 0; i + 2 < HTMLHINT_META_MAX; i++)
		buf_putc(&b, i < 7 ? "byline "[i] : 'x');
	buf_puts(&b, "\" id=sidebar>t</div>");
	d = parse(b.ptr);
	n = (struct html_node *)find(d->root, TAG_DIV);
	assert_int_equal(htmlhint_of(n) & HH_BYLINE, HH_BYLINE);
	htmlparse_free(d);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tags_and_text),
		cmocka_unit_test(class_hints_at_the_metadata_limit),
		cmocka_unit_test(head_and_body_are_implied),
		cmocka_unit_test(attributes_all_quoting_styles),
		cmocka_unit_test(duplicate_attribute_first_wins),
		cmocka_unit_test(named_references),
		cmocka_unit_test(numeric_references),
		cmocka_unit_test(invalid_references_stay_text),
		cmocka_unit_test(reference_in_url_attribute),
		cmocka_unit_test(raw_text_elements),
		cmocka_unit_test(unterminated_script_takes_the_rest),
		cmocka_unit_test(noscript_content_is_markup),
		cmocka_unit_test(comments_and_doctype_leave_no_node),
		cmocka_unit_test(unterminated_comment_ends_the_input),
		cmocka_unit_test(cdata_is_text),
		cmocka_unit_test(paragraph_closed_by_block),
		cmocka_unit_test(list_items_close_siblings),
		cmocka_unit_test(definition_items_close_siblings),
		cmocka_unit_test(table_rows_and_cells_close),
		cmocka_unit_test(options_close_siblings),
		cmocka_unit_test(void_elements_have_no_children),
		cmocka_unit_test(self_closing_elements_are_empty),
		cmocka_unit_test(inline_end_tag_does_not_cross_blocks),
		cmocka_unit_test(misnested_formatting_is_tolerated),
		cmocka_unit_test(unknown_elements_match_by_name),
		cmocka_unit_test(stray_end_tags_are_ignored),
		cmocka_unit_test(nesting_limit),
		cmocka_unit_test(node_limit_keeps_the_start),
		cmocka_unit_test(huge_attribute_is_dropped),
		cmocka_unit_test(entity_storm),
		cmocka_unit_test(unterminated_tag_at_end_is_dropped),
		cmocka_unit_test(lone_less_than_is_text),
		cmocka_unit_test(nul_bytes_are_dropped),
		cmocka_unit_test(empty_input_has_a_root),
		cmocka_unit_test(null_buffer_with_length_fails),
		cmocka_unit_test(html_attributes_merge),
		cmocka_unit_test(class_hints_are_found_and_cached),
		cmocka_unit_test(class_hints_past_the_scorer_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
