/* topic_text.h - the words of a text, as the topic matcher sees them:
 * tokenizing, Unicode folding and Snowball stemming. Internal to
 * src/topic (topic.c and topic_doc.c); see topic.h for the rules.
 */
#ifndef ND_TOPIC_TEXT_H
#define ND_TOPIC_TEXT_H

#include <stddef.h>

#include "util/buf.h"

#define TOPIC_TEXT_WORD_MAX	100	/* code points kept of one word */
#define TOPIC_TEXT_NLANG	15	/* languages with a stemmer */

struct sb_stemmer;

/* Called with each folded word w[0..n) (UTF-8, NUL-terminated, borrowed
 * for the call only). Return non-zero to stop the walk. */
typedef int (*topic_text_fn)(void *ctx, const char *w, size_t n);

/* Index in [0, TOPIC_TEXT_NLANG) of the stemmer for a language code
 * ("de", "DE", "pt-BR", "nb"); 0 (English) for NULL or unknown codes. */
int topic_text_lang(const char *lang);

/* A new stemmer for language index lang (free with sb_stemmer_delete),
 * or NULL if libstemmer has none: words are then used unstemmed. */
struct sb_stemmer *topic_text_stemmer_new(int lang);

/* Split s[0..n) into words, fold each and pass it to fn, stopping after
 * max words or when fn returns non-zero. Malformed UTF-8 bytes separate
 * words. Returns the number of words passed to fn. */
size_t topic_text_words(const char *s, size_t n, size_t max,
    topic_text_fn fn, void *ctx);

/* Append the stem of folded word w[0..n) to out and a NUL after it; with
 * st NULL (or on a stemmer failure) the word itself. Returns ND_OK or
 * ND_ELIMIT from the buffer. */
enum nd_err topic_text_stem(struct sb_stemmer *st, const char *w, size_t n,
    struct buf *out);

#endif
