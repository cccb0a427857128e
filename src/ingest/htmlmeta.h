/* htmlmeta.h - page metadata for the HTML extractor: <meta>, OpenGraph,
 * JSON-LD (schema.org NewsArticle and kin), <link rel=canonical>,
 * <html lang>, <time datetime>, <title>, the first <h1> and byline or
 * standfirst elements found by class. Internal to extract_html.c.
 *
 * Every field is an owned, white-space-collapsed string or NULL; the first
 * value met wins. Call htmlmeta_release() when done.
 */
#ifndef ND_HTMLMETA_H
#define ND_HTMLMETA_H

#include <stddef.h>

#include "ingest/htmlparse.h"

#include "util/strlist.h"

#define HTMLMETA_MAX_JSONLD	(1u << 20)	/* bytes of one script */
#define HTMLMETA_MAX_LDDEPTH	4		/* arrays / @graph nesting */

struct htmlmeta {
	char *lang;		/* <html lang>, as written */
	char *canonical;	/* <link rel=canonical href> */
	char *title;		/* <title> */
	char *h1;		/* text of the first <h1> */
	char *time_dt;		/* first <time datetime> */
	char *meta_date;	/* <meta name=date|pubdate|...> */
	char *meta_desc;	/* <meta name=description> */
	char *byline_el;	/* text of a byline/author element */
	char *byline_line;	/* its parent's text when short (the line
				 * with the name, the place and the date) */
	char *standfirst_el;	/* text of a standfirst/summary element */
	char *credits_el;	/* a credits line ("Additional reporting by")
				 * marked by a credit class, anywhere */
	struct strlist meta_authors;	/* <meta name=author> */
	/* OpenGraph and article:* */
	char *og_url, *og_title, *og_desc, *og_image, *og_site;
	char *og_section, *og_published, *og_modified;
	struct strlist og_authors;	/* article:author that are not links */
	/* JSON-LD, from the first article object found */
	int ld_found;
	char *ld_headline, *ld_desc, *ld_published, *ld_modified;
	char *ld_image, *ld_caption, *ld_section, *ld_lang, *ld_publisher;
	struct strlist ld_authors;	/* authors that are people */
	struct strlist ld_org_authors;	/* authors typed Organization */
};

/* Fill m (zeroed by the caller) from the tree under root. Bounded by
 * EXTRACT_MAX_DEPTH and EXTRACT_MAX_NODES. */
void htmlmeta_collect(struct html_node *root, struct htmlmeta *m);
/* Merge one JSON-LD script s[0..n) into m; bad JSON is ignored. */
void htmlmeta_jsonld(const char *s, size_t n, struct htmlmeta *m);
/* Free every field; m is zeroed. */
void htmlmeta_release(struct htmlmeta *m);

#endif
