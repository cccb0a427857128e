/* article.h - the article model shared by every stage.
 *
 * An article owns all its strings (xmalloc'd, NULL when unknown) and
 * lists. Stages fill it with article_set() and hand it on; whoever holds
 * the pointer last calls article_free().
 */
#ifndef ND_ARTICLE_H
#define ND_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "util/err.h"
#include "util/strlist.h"

struct article {
	int64_t id;		/* store id; 0 until stored */
	char *url;		/* where it was read from */
	char *canonical_url;	/* <link rel=canonical>/og:url, else url */
	char *source;		/* publisher: site name or host */
	char *headline;
	char *standfirst;	/* the summary line under the headline */
	struct strlist byline;	/* author names */
	char *dateline;		/* place, e.g. "BERLIN" -> "Berlin" */
	int64_t published;	/* UTC seconds; 0 unknown */
	int published_has_time;	/* 0: a date only */
	int64_t updated;	/* UTC seconds; 0 unknown */
	char *image_url;
	char *image_caption;
	char *image_credit;
	struct strlist body;	/* paragraphs, plain text */
	char *credits;		/* "Additional reporting by ..." */
	char *lang;		/* BCP 47 primary tag: "en", "de" */
	char *section;
	struct strlist topics;	/* topic slugs */
	int64_t story_id;	/* near-duplicates share one; 0 unknown */
	uint64_t simhash;	/* fingerprint of the body, for story ids */
	int64_t comment_count;
};

/* A growable array of owned articles. */
struct article_list {
	struct article **v;
	size_t n, cap;
};

#define ARTICLE_LIST_INIT { NULL, 0, 0 }

struct article *article_new(void);
/* Free a and everything it owns; NULL is a no-op. */
void article_free(struct article *a);
/* Replace *field with a copy of s[0..n) with white space runs collapsed
 * and trimmed; an empty result stores NULL. */
void article_set(char **field, const char *s, size_t n);
/* Whole body as one string, paragraphs joined by "\n\n"; caller frees. */
char *article_body_text(const struct article *a);

void article_list_push(struct article_list *l, struct article *a);
/* Free every article and the array. */
void article_list_release(struct article_list *l);

/* The JSON shape of the core issue, keys in this order: url, headline,
 * standfirst, byline, dateline, published, image{url,caption,credit},
 * body, credits, lang, topics. With full, also id, canonical_url, source,
 * section, updated, story_id and comment_count. Caller owns the result. */
json_t *article_to_json(const struct article *a, int full);
/* Inverse of article_to_json (either form). Returns NULL and fills err
 * when a field has the wrong type. */
struct article *article_from_json(const json_t *j, struct nd_error *err);

#endif
