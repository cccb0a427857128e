/* comment.h - the reader comment model shared by the store, the comments
 * module and (later) the web pages.
 *
 * A comment owns its strings (xmalloc'd, NULL when absent). The body is
 * kept as the reader typed it (line breaks normalised to "\n"); escaping
 * is the page's job. email is filled only by the calls that are for
 * moderators and for export (store_comment_get, store_comment_list); the
 * public thread never reads it from the database.
 */
#ifndef ND_COMMENT_H
#define ND_COMMENT_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define COMMENT_IP_HASH_BYTES	32

enum comment_status {
	COMMENT_PENDING,	/* waits for a moderator */
	COMMENT_APPROVED,	/* shown, counted in articles.comment_count */
	COMMENT_SPAM,		/* spam queue, with a reason */
	COMMENT_DELETED,	/* removed by a moderator, the author or erasure */
	COMMENT_STATUS_MAX
};

struct comment {
	int64_t id;
	int64_t article_id;
	int64_t parent_id;		/* 0: top level */
	char *name;
	char *email;			/* lowercased; NULL in public lists */
	char *website;			/* NULL when not given */
	char *body;
	enum comment_status status;
	char *spam_reason;		/* NULL unless spam */
	int64_t created;		/* UTC seconds */
	int64_t edited;			/* 0: never */
	int notify_replies;
	int64_t edit_token_expires;	/* author may edit before this */
	char *lang;			/* author's UI language ("en", "de")
					 * when posted; NULL: not known
					 * (older rows): the site default */
	/* in: ip_hash is stored when has_ip_hash; never read back */
	int has_ip_hash;
	unsigned char ip_hash[COMMENT_IP_HASH_BYTES];
	int64_t ip_hash_expires;
	/* out only */
	int depth;			/* thread: 0 top level, 1 reply, ... */
	char *article_url;		/* lists: the article's canonical url */
};

struct comment_list {
	struct comment *v;
	size_t n, cap;
};

#define COMMENT_LIST_INIT { NULL, 0, 0 }

/* "pending", "approved", "spam", "deleted". */
const char *comment_status_name(enum comment_status st);
/* The status named s, or -1. */
int comment_status_parse(const char *s);

/* Free what c owns (not c itself) and zero it. */
void comment_release(struct comment *c);
/* Free a heap comment and what it owns; NULL is a no-op. */
void comment_free(struct comment *c);
/* A new zeroed slot at the end of l (owned by l). */
struct comment *comment_list_push(struct comment_list *l);
void comment_list_release(struct comment_list *l);

#endif
