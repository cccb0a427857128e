#include "ingest/htmlhint.h"

#include <pthread.h>
#include <string.h>

#include "ingest/htmlwalk.h"
#include "util/wordset.h"

/* Class/id fragments (lowercase), by cue. Boilerplate hints lower the
 * weight; "unlikely" ones drop the element unless a "maybe" one is
 * present. */
static const char *const hint_neg[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
	"related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
	"sponsor", "shopping", "tags", "widget", "newsletter", "subscri",
	"signup", "recommend", "cookie", "consent", "social", "toolbar",
	"advert", "popup", "modal", "breadcrumb", "teaser", NULL
};
static const char *const hint_pos[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "post", "text", "blog", "story", NULL
};
static const char *const hint_unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", "newsletter", "cookie", "consent", "share",
	"recommend", "promo", "caption", "gallery", "slideshow", "author", NULL
};
static const char *const hint_maybe[] = {
	"and", "article", "body", "column", "content", "main", "shadow", NULL
};
/* ad tokens after a space; at the start of the string see hint_ad_start */
static const char *const hint_ad[] = { " ad ", " ads", " ad-", NULL };
static const char *const hint_byline[] = { "byline", "author-name", NULL };
static const char *const hint_standfirst[] = {
	"standfirst", "subtitle", "summary", "lede", "intro", NULL
};
static const char *const hint_credit[] = { "credit", NULL };

#define HH_SCORE	(HH_AD | HH_NEG | HH_POS | HH_UNLIKELY | HH_MAYBE)
#define HH_META		(HH_BYLINE | HH_STANDFIRST | HH_CREDIT)

static struct wordset hint_words;
static pthread_once_t hint_once = PTHREAD_ONCE_INIT;

static void
hint_init(void)
{
	wordset_add(&hint_words, hint_neg, HH_NEG);
	wordset_add(&hint_words, hint_pos, HH_POS);
	wordset_add(&hint_words, hint_unlikely, HH_UNLIKELY);
	wordset_add(&hint_words, hint_maybe, HH_MAYBE);
	wordset_add(&hint_words, hint_ad, HH_AD);
	wordset_add(&hint_words, hint_byline, HH_BYLINE);
	wordset_add(&hint_words, hint_standfirst, HH_STANDFIRST);
	wordset_add(&hint_words, hint_credit, HH_CREDIT);
}

/* Lowercase "class id " of n into out (cap bytes, NUL-terminated). The
 * scorer and the metadata walk cut a long string differently: the
 * metadata walk always ends each part with a space (space_always). */
static size_t
hint_string(const struct html_node *n, char *out, size_t cap,
    int space_always)
{
	const char *v[2] = { htmlwalk_attr(n, HA_CLASS), htmlwalk_attr(n, HA_ID) };
	size_t len = 0, i;

	for (i = 0; i < 2; i++) {
		const char *s = v[i];

		for (; s && *s && len + 2 < cap; s++)
			out[len++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		if ((space_always && len + 1 < cap) || len + 2 < cap)
			out[len++] = ' ';	/* room is kept for the NUL */
	}
	out[len] = '\0';
	return len;
}

/* "ad", "ads", "ad-..." as the first class word. */
static unsigned
hint_ad_start(const char *s, size_t n)
{
	return n >= 3 && s[0] == 'a' && s[1] == 'd' &&
	    (s[2] == ' ' || s[2] == 's' || s[2] == '-') ? HH_AD : 0;
}

static unsigned
hint_scan(const struct html_node *n)
{
	char meta[HTMLHINT_META_MAX], score[HTMLHINT_SCORE_MAX];
	size_t mlen, slen;
	unsigned found;

	pthread_once(&hint_once, hint_init);
	mlen = hint_string(n, meta, sizeof(meta), 1);
	found = wordset_find(&hint_words, meta, mlen);
	/* short enough that the scorer cuts nothing: the same string */
	if (mlen + 2 <= sizeof(score) ||
	    (slen = hint_string(n, score, sizeof(score), 0)) == mlen)
		return found | hint_ad_start(meta, mlen);
	return (found & HH_META) | hint_ad_start(score, slen) |
	    (wordset_find(&hint_words, score, slen) & HH_SCORE);
}

unsigned
htmlhint_of(struct html_node *n)
{
	if (!(n->hint & HH_DONE))
		n->hint = (unsigned short)(HH_DONE |
		    (n->nattrs ? hint_scan(n) : 0));
	return n->hint & ~(unsigned)HH_DONE;
}
