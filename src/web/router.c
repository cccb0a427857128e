/* router.c - the route table and path matching. */
#include "web/router.h"

#include <string.h>

#include "comments/comments.h"
#include "util/token.h"
#include "web/account.h"
#include "web/pages.h"

#define Q_MAX		256	/* search query bytes */
#define PAGE_DIGITS	4	/* ?page= up to 9999 */
#define ID_DIGITS	18
/* Comment fields: the core counts code points (up to 4 bytes each) and
 * says what is wrong beside the field; the boundary only stops what no
 * form can send. Byte-counted fields get the same headroom, so a reader
 * who typed too much sees the message and keeps the text. */
#define CF_NAME		(4 * COMMENTS_NAME_MAX)
#define CF_BODY		(4 * COMMENTS_BODY_MAX)
#define CF_EMAIL	(4 * COMMENTS_EMAIL_MAX)
#define CF_WEBSITE	(4 * COMMENTS_WEBSITE_MAX)
#define CF_TOKEN	256
#define CF_HONEYPOT	1024
#define EMAIL_FIELD_MAX	1024	/* the mail side says what is wrong */
#define PREFS_TZ_MAX	64

static const struct route router_table[] = {
	{ROUTE_GET, "/", PARAM_NONE, "", page_home, {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/articles/", PARAM_ID, "", page_article,
	    {{"comments", FIELD_SLUG, 8, 0}, {"cpage", FIELD_UINT, PAGE_DIGITS, 0},
	    {"reply", FIELD_UINT, ID_DIGITS, 0}, {"notice", FIELD_SLUG, 16, 0},
	    {NULL, 0, 0, 0}}},
	/* the order is comment_post's: the core reports missing fields */
	{ROUTE_POST, "/articles/", PARAM_ID, "/comments", comment_post,
	    {{"comment", FIELD_TEXT, CF_BODY, 0},
	    {"name", FIELD_TEXT, CF_NAME, 0},
	    {"email", FIELD_TEXT, CF_EMAIL, 0},
	    {"website", FIELD_TEXT, CF_WEBSITE, 0},
	    {"parent", FIELD_UINT, ID_DIGITS, 0},
	    {"form_token", FIELD_TEXT, CF_TOKEN, 0},
	    {"subject", FIELD_TEXT, CF_HONEYPOT, 0},
	    {"notify", FIELD_UINT, 1, 0}, {NULL, 0, 0, 0}}},
	/* the author's links from the comment mails (page_comment_edit.c) */
	{ROUTE_GET, "/comments/edit", PARAM_NONE, "", page_comment_edit_get,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST, "/comments/edit", PARAM_NONE, "", page_comment_edit_post,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0},
	    {"comment", FIELD_TEXT, CF_BODY, 0},
	    {"action", FIELD_SLUG, 8, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/comments/optout", PARAM_NONE, "",
	    page_comment_optout_get,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST | ROUTE_TOKEN, "/comments/optout", PARAM_NONE, "",
	    page_comment_optout_post,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0},
	    {"List-Unsubscribe", FIELD_TEXT, 32, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/topics/", PARAM_SLUG, "/feed.atom", feed_atom_topic,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/topics/", PARAM_SLUG, "", page_topic,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/search", PARAM_NONE, "", page_search,
	    {{"q", FIELD_TEXT, Q_MAX, 0}, {"page", FIELD_UINT, PAGE_DIGITS, 0},
	    {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/feed.atom", PARAM_NONE, "", feed_atom_all,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/saved", PARAM_NONE, "", page_saved_get,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_POST, "/saved", PARAM_NONE, "", page_saved_post,
	    {{"article", FIELD_UINT, 18, 1}, {"action", FIELD_SLUG, 8, 0},
	    {"back", FIELD_SLUG, 8, 0}, {NULL, 0, 0, 0}}},
	/* reader accounts (page_signin.c, page_admin.c) */
	{ROUTE_GET, "/signin", PARAM_NONE, "", page_signin,
	    {{"next", FIELD_TEXT, ACCOUNT_NEXT_MAX, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST, "/signin", PARAM_NONE, "", page_signin_post,
	    {{"email", FIELD_TEXT, CF_EMAIL, 1},
	    {"next", FIELD_TEXT, ACCOUNT_NEXT_MAX, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/signin/confirm", PARAM_NONE, "", page_signin_confirm,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 1}, {NULL, 0, 0, 0}}},
	{ROUTE_POST, "/signout", PARAM_NONE, "", page_signout,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/admin", PARAM_NONE, "", page_admin,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/admin/outbox", PARAM_NONE, "", page_admin_outbox,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_POST, "/admin/comments/", PARAM_ID, "", page_admin_post,
	    {{"action", FIELD_SLUG, 8, 1}, {NULL, 0, 0, 0}}},
	/* follow, confirm, preferences, unsubscribe (page_follow.c,
	 * page_prefs.c, page_unsub.c): the email is checked by the mail
	 * side, so a bad one gets its message beside the field */
	{ROUTE_GET, "/follow", PARAM_NONE, "", page_follow_get,
	    {{"topic", FIELD_SLUG, ROUTE_SLUG_MAX, 0},
	    {"done", FIELD_SLUG, 16, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST, "/follow", PARAM_NONE, "", page_follow_post,
	    {{"topic", FIELD_SLUG, ROUTE_SLUG_MAX, 0},
	    {"email", FIELD_TEXT, EMAIL_FIELD_MAX, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/confirm", PARAM_NONE, "", page_confirm,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/preferences", PARAM_NONE, "", page_prefs_get,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0},
	    {"saved", FIELD_UINT, 1, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST, "/preferences", PARAM_NONE, "", page_prefs_post,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0},
	    {"hour", FIELD_UINT, 2, 0}, {"tz", FIELD_TEXT, PREFS_TZ_MAX, 0},
	    {"lang", FIELD_LANG, 2, 0}, {"paused", FIELD_UINT, 1, 0},
	    {"action", FIELD_SLUG, 16, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/unsubscribe", PARAM_NONE, "", page_unsub_get,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_POST | ROUTE_TOKEN, "/unsubscribe", PARAM_NONE, "",
	    page_unsub_post,
	    {{"t", FIELD_TOKEN, TOKEN_MAX_LEN, 0},
	    {"List-Unsubscribe", FIELD_TEXT, 32, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/healthz", PARAM_NONE, "", page_health,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/static/site.css", PARAM_NONE, "", static_css,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/static/site.js", PARAM_NONE, "", static_js,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/api/v1/articles", PARAM_NONE, "", api_articles,
	    {{"page", FIELD_UINT, PAGE_DIGITS, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/api/v1/articles/", PARAM_ID, "", api_article,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/api/v1/topics", PARAM_NONE, "", api_topics,
	    {{NULL, 0, 0, 0}}},
	{ROUTE_GET, "/api/v1/topics/", PARAM_SLUG, "/articles",
	    api_topic_articles,
	    {{"page", FIELD_UINT, PAGE_DIGITS, 0}, {NULL, 0, 0, 0}}},
	{ROUTE_GET, "/api/v1/search", PARAM_NONE, "", api_search,
	    {{"q", FIELD_TEXT, Q_MAX, 1}, {"page", FIELD_UINT, PAGE_DIGITS, 0},
	    {NULL, 0, 0, 0}}},
};

#define ROUTER_N (sizeof(router_table) / sizeof(router_table[0]))

static int
router_slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* p[0..n) as a parameter of kind k. */
static int
router_param(enum route_param k, const char *p, size_t n, int64_t *id,
    char *slug)
{
	size_t i = 0;
	int64_t v = 0;

	if (n == 0 || (k == PARAM_SLUG && n > ROUTE_SLUG_MAX))
		return 0;
	if (k == PARAM_ID) {
		if (p[0] < '1' || p[0] > '9')
			return 0;
		for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
			if (i >= 18)
				return 0;
			v = v * 10 + (p[i] - '0');
		}
		*id = v;
		if (i < n && p[i] != '-')
			return 0;
	}
	for (; i < n; i++)
		if (!router_slug_char(p[i]))
			return 0;
	if (k == PARAM_SLUG) {
		memcpy(slug, p, n);
		slug[n] = '\0';
	}
	return 1;
}

static int
router_path_is(const struct route *rt, const char *path, int64_t *id,
    char *slug)
{
	size_t pl = strlen(rt->prefix), n = strlen(path), sl;

	if (strncmp(path, rt->prefix, pl) != 0)
		return 0;
	if (rt->param == PARAM_NONE)
		return n == pl;
	sl = strlen(rt->suffix);
	if (n < pl + sl || strcmp(path + n - sl, rt->suffix) != 0)
		return 0;
	return router_param(rt->param, path + pl, n - pl - sl, id, slug);
}

enum route_match
router_match(const char *method, const char *path, const struct route **out,
    int64_t *id, char *slug)
{
	unsigned want = strcmp(method, "POST") == 0 ? ROUTE_POST :
	    (!strcmp(method, "GET") || !strcmp(method, "HEAD")) ? ROUTE_GET : 0;
	enum route_match m = ROUTE_NOT_FOUND;
	size_t i;

	*id = 0;
	slug[0] = '\0';
	for (i = 0; i < ROUTER_N; i++) {
		if (!router_path_is(&router_table[i], path, id, slug))
			continue;
		if (router_table[i].methods & want) {
			*out = &router_table[i];
			return ROUTE_FOUND;
		}
		m = ROUTE_BAD_METHOD;
	}
	return m;
}

const char *
router_allow(const char *path)
{
	unsigned have = 0;
	int64_t id;
	char slug[ROUTE_SLUG_MAX + 1];
	size_t i;

	for (i = 0; i < ROUTER_N; i++)
		if (router_path_is(&router_table[i], path, &id, slug))
			have |= router_table[i].methods & (ROUTE_GET | ROUTE_POST);
	return have == (ROUTE_GET | ROUTE_POST) ? "GET, HEAD, POST" :
	    have == ROUTE_POST ? "POST" : "GET, HEAD";
}
