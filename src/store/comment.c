/* comment.c - the comment model: status names and ownership. */
#include "store/comment.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static const char *const comment_status_names[COMMENT_STATUS_MAX] = {
	[COMMENT_PENDING] = "pending",
	[COMMENT_APPROVED] = "approved",
	[COMMENT_SPAM] = "spam",
	[COMMENT_DELETED] = "deleted",
};

const char *
comment_status_name(enum comment_status st)
{
	if ((int)st < 0 || st >= COMMENT_STATUS_MAX)
		return "unknown";
	return comment_status_names[st];
}

int
comment_status_parse(const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < COMMENT_STATUS_MAX; i++)
		if (strcmp(s, comment_status_names[i]) == 0)
			return i;
	return -1;
}

void
comment_release(struct comment *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c->email);
	free(c->website);
	free(c->body);
	free(c->spam_reason);
	free(c->article_url);
	free(c->lang);
	memset(c, 0, sizeof(*c));
}

void
comment_free(struct comment *c)
{
	comment_release(c);
	free(c);
}

struct comment *
comment_list_push(struct comment_list *l)
{
	l->v = xgrow(l->v, &l->cap, l->n, sizeof(*l->v), 16);
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

void
comment_list_release(struct comment_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		comment_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
