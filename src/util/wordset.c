#include "util/wordset.h"

#include <string.h>

/* Bucket of the three bytes at s. */
static unsigned
wordset_bucket(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return ((unsigned)u[0] << 6 ^ (unsigned)u[1] << 3 ^ u[2]) &
	    (WORDSET_HEADS - 1);
}

/* 1 if s starts with w[0..m); s has m bytes. A byte loop: the words
 * are short, shorter than a call to memcmp() costs. */
static int
wordset_at(const char *s, const char *w, size_t m)
{
	size_t k;

	for (k = 0; k < m; k++)
		if (s[k] != w[k])
			return 0;
	return 1;
}

void
wordset_add(struct wordset *ws, const char *const *words, unsigned bits)
{
	size_t m;
	unsigned k;

	for (; *words; words++) {
		m = strlen(*words);
		if (ws->n >= WORDSET_MAX || m < 3 || m > 255)
			continue;
		k = wordset_bucket(*words);
		ws->word[ws->n] = *words;
		ws->len[ws->n] = (unsigned char)m;
		ws->bits[ws->n] = bits;
		ws->next[ws->n] = ws->head[k];
		ws->head[k] = (unsigned char)++ws->n;
	}
}

unsigned
wordset_find(const struct wordset *ws, const char *s, size_t n)
{
	unsigned found = 0, j;
	size_t i;

	for (i = 0; i + 2 < n; i++)
		for (j = ws->head[wordset_bucket(s + i)]; j;
		    j = ws->next[j - 1])
			if (ws->len[j - 1] <= n - i &&
			    wordset_at(s + i, ws->word[j - 1], ws->len[j - 1]))
				found |= ws->bits[j - 1];
	return found;
}
