/* dedupe.h - fingerprints for near-duplicate detection.
 *
 * A 64-bit fingerprint over word 3-shingles of the folded body text
 * (b-bit MinHash with b = 1: bit i is the low bit of the smallest shingle
 * hash under the i-th hash function; see dedupe.c for why not SimHash):
 * two texts that differ in a few words differ in a few bits. Stories
 * whose fingerprints are within DEDUPE_MAX_DISTANCE bits are the same
 * story. It lives in util because both ingest and the store use it.
 */
#ifndef ND_DEDUPE_H
#define ND_DEDUPE_H

#include <stddef.h>
#include <stdint.h>

#define DEDUPE_MAX_DISTANCE 3

/* Fingerprint of text[0..n); 0 when the text has fewer than 8 words. */
uint64_t dedupe_simhash(const char *text, size_t n);

/* Number of differing bits. */
int dedupe_distance(uint64_t a, uint64_t b);

#endif
