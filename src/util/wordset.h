/* wordset.h - which of a fixed set of words occur in a string, found in
 * one pass over the string.
 *
 * Each word carries bits (the list it came from); wordset_find() returns
 * the OR of the bits of every word that occurs in s[0..n) as a byte
 * substring, the same answer as strstr() per word, but looking at each
 * byte of s once: the three bytes at each position pick a bucket of the
 * words starting with bytes of that hash (most buckets are empty), and
 * only those are compared. Matching is exact, so callers lowercase
 * first.
 *
 * A set is filled once (wordset_add) and read only afterwards, so one
 * set may be shared by threads once filled; fill it under pthread_once().
 *
 *	static struct wordset ws;
 *	wordset_add(&ws, neg_words, 1);
 *	wordset_add(&ws, pos_words, 2);
 *	bits = wordset_find(&ws, hint, len);
 */
#ifndef ND_WORDSET_H
#define ND_WORDSET_H

#include <stddef.h>

#define WORDSET_MAX	255	/* words in one set */
#define WORDSET_HEADS	4096	/* buckets by the first three bytes */

struct wordset {
	const char *word[WORDSET_MAX];	/* borrowed, static */
	unsigned char len[WORDSET_MAX];
	unsigned bits[WORDSET_MAX];
	unsigned char next[WORDSET_MAX];	/* 1-based chain per bucket */
	unsigned char head[WORDSET_HEADS];	/* 1-based, 0 for none */
	size_t n;
};

/* Add the NULL-terminated list words (static strings of 3..255 bytes)
 * with bits. Shorter or longer words, and words past WORDSET_MAX, are
 * ignored: callers' lists are far below it (unit tests check theirs). */
void wordset_add(struct wordset *ws, const char *const *words,
    unsigned bits);
/* OR of the bits of the words occurring in s[0..n); 0 for none. */
unsigned wordset_find(const struct wordset *ws, const char *s, size_t n);

#endif
