/* strlist.h - a growable list of owned strings. */
#ifndef ND_STRLIST_H
#define ND_STRLIST_H

#include <stddef.h>

struct strlist {
	char **v;	/* v[0..n) owned strings */
	size_t n, cap;
};

#define STRLIST_INIT { NULL, 0, 0 }

/* Append a copy of s. */
void strlist_push(struct strlist *l, const char *s);
/* Append a copy of s[0..n). */
void strlist_pushn(struct strlist *l, const char *s, size_t n);
/* Take ownership of s (from xmalloc) and append it. */
void strlist_push_owned(struct strlist *l, char *s);
/* 1 if an equal string is in l. */
int strlist_has(const struct strlist *l, const char *s);
/* Free every string and the array; l is empty afterwards. */
void strlist_release(struct strlist *l);

#endif
