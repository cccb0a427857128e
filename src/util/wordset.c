#include "util/wordset.h"

#include <string.h>

/* Bucket of the byte pair at s: letters a-z each, any other byte in one
 * slot. */
static unsigned
wordset_pair(const char *s)
{
	unsigned a = (unsigned char)s[0] - 'a', b = (unsigned char)s[1] - 'a';

	return (a < 26 ? a : 26) * 27 + (b < 26 ? b : 26);
}

/* The raw byte pair at s as a bit index into starts[]. */
static unsigned
wordset_raw(const char *s)
{
	return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
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
		if (ws->n >= WORDSET_MAX || m < 2 || m > 255)
			continue;
		k = wordset_pair(*words);
		ws->starts[wordset_raw(*words) >> 3] |=
		    (unsigned char)(1u << (wordset_raw(*words) & 7));
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
	unsigned found = 0, j, r;
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		r = wordset_raw(s + i);
		if (!(ws->starts[r >> 3] & (1u << (r & 7))))
			continue;
		for (j = ws->head[wordset_pair(s + i)]; j; j = ws->next[j - 1])
			if (ws->len[j - 1] <= n - i &&
			    wordset_at(s + i, ws->word[j - 1], ws->len[j - 1]))
				found |= ws->bits[j - 1];
	}
	return found;
}
