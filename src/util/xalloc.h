/* xalloc.h - allocation that never returns NULL.
 *
 * Out of memory is fatal in newsdesk: every x* function prints a message
 * and aborts rather than returning NULL, so callers never check.
 */
#ifndef ND_XALLOC_H
#define ND_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Reallocate an array of nmemb elements of size bytes, checking overflow. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
/* Room for element n of the array p of *cap elements of size bytes:
 * when n == *cap, *cap doubles (first when 0) and p is reallocated.
 * Returns p, maybe moved: v = xgrow(v, &cap, n, sizeof(*v), 16). */
void *xgrow(void *p, size_t *cap, size_t n, size_t size, size_t first);
/* Copy a NUL-terminated string; xstrdup(NULL) returns NULL. */
char *xstrdup(const char *s);
/* Copy n bytes and add a NUL; the result is always a fresh string. */
char *xstrndup(const char *s, size_t n);

#endif
