#include "util/strlist.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
strlist_push_owned(struct strlist *l, char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n, sizeof(*l->v), 8);
	l->v[l->n++] = s;
}

void
strlist_push(struct strlist *l, const char *s)
{
	strlist_push_owned(l, xstrdup(s));
}

void
strlist_pushn(struct strlist *l, const char *s, size_t n)
{
	strlist_push_owned(l, xstrndup(s, n));
}

int
strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

void
strlist_release(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
