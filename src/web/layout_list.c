/* layout_list.c - lists of stories: near-duplicates (one story_id) from
 * several sources shown once, with "also reported by" the others. */
#include "web/layout.h"

#include <string.h>

#include "util/strlist.h"
#include "web/html.h"

/* Index of the first article of story_id in l before end, or end. */
static size_t
layout_list_first(const struct article_list *l, size_t end, int64_t story)
{
	size_t i;

	for (i = 0; i < end; i++)
		if (story != 0 && l->v[i]->story_id == story)
			return i;
	return end;
}

static void
layout_list_also(struct buf *b, const struct request *rq,
    const struct article_list *l, size_t lead)
{
	const struct article *a = l->v[lead];
	struct strlist seen = STRLIST_INIT;
	size_t i;

	for (i = lead + 1; i < l->n; i++) {
		const struct article *o = l->v[i];

		if (o->story_id != a->story_id || o->source == NULL ||
		    (a->source && strcmp(o->source, a->source) == 0) ||
		    strlist_has(&seen, o->source))
			continue;
		if (seen.n == 0) {
			html_raw_trusted(b, "<p class=\"also\">");
			html_text(b, layout_tr(rq, "Also reported by"));
			html_raw_trusted(b, " ");
		} else
			html_raw_trusted(b, ", ");
		html_raw_trusted(b, "<a href=\"");
		layout_article_path(b, o);
		html_raw_trusted(b, "\">");
		html_text(b, o->source);
		html_raw_trusted(b, "</a>");
		strlist_push(&seen, o->source);
	}
	if (seen.n)
		html_raw_trusted(b, "</p>\n");
	strlist_release(&seen);
}

void
layout_story_head(struct buf *b, const struct request *rq,
    const struct article *a)
{
	html_raw_trusted(b, "<li class=\"story\"");
	if (a->lang) {		/* headlines keep their own language */
		html_raw_trusted(b, " lang=\"");
		html_attr(b, a->lang);
		html_raw_trusted(b, "\"");
	}
	html_raw_trusted(b, "><h2><a href=\"");
	layout_article_path(b, a);
	html_raw_trusted(b, "\">");
	html_text(b, a->headline ? a->headline : layout_tr(rq, "(untitled)"));
	html_raw_trusted(b, "</a></h2>\n");
}

static void
layout_list_item(struct buf *b, const struct request *rq,
    const struct article_list *l, size_t i)
{
	const struct article *a = l->v[i];

	layout_story_head(b, rq, a);
	if (a->standfirst) {
		html_raw_trusted(b, "<p class=\"standfirst\">");
		html_text(b, a->standfirst);
		html_raw_trusted(b, "</p>\n");
	}
	html_raw_trusted(b, "<p class=\"meta\">");
	html_text(b, a->source);
	if (a->source && a->published)
		html_raw_trusted(b, " · ");
	layout_date(b, rq, a);
	html_raw_trusted(b, "</p>\n");
	layout_list_also(b, rq, l, i);
	html_raw_trusted(b, "</li>\n");
}

void
layout_story_list(struct buf *b, const struct request *rq,
    const struct article_list *l, size_t max)
{
	size_t i, shown = 0;

	if (l->n == 0) {
		html_raw_trusted(b, "<p>");
		html_text(b, layout_tr(rq, "No articles yet."));
		html_raw_trusted(b, "</p>\n");
		return;
	}
	html_raw_trusted(b, "<ol class=\"stories\">\n");
	for (i = 0; i < l->n && shown < max; i++) {
		if (layout_list_first(l, i, l->v[i]->story_id) != i)
			continue;
		layout_list_item(b, rq, l, i);
		shown++;
	}
	html_raw_trusted(b, "</ol>\n");
}
