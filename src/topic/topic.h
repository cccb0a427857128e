/* topic.h - the topic rule language.
 *
 *	expr   := or
 *	or     := and { "OR" and }
 *	and    := unary { ["AND"] unary }	(juxtaposition means AND)
 *	unary  := "NOT" unary | "(" expr ")" | PHRASE | WORD
 *	PHRASE := '"' words '"'
 *
 * Matching is case- and accent-insensitive (ICU folding) and tolerant of
 * inflection (Snowball stemmer for the document's language, English when
 * unknown). A phrase matches consecutive words.
 */
#ifndef ND_TOPIC_H
#define ND_TOPIC_H

#include <stddef.h>

#include "util/err.h"

#define TOPIC_EXPR_MAX_BYTES	4096
#define TOPIC_EXPR_MAX_DEPTH	32
#define TOPIC_EXPR_MAX_TERMS	256
#define TOPIC_DOC_MAX_WORDS	200000

struct topic_expr;
struct topic_doc;

/* Parse s[0..n). On error returns ND_EPARSE (or ND_ELIMIT) and err's
 * message says what was expected and at which 1-based character
 * position, e.g. "expected ')' at position 14". */
enum nd_err topic_expr_parse(const char *s, size_t n, struct topic_expr **out,
    struct nd_error *err);
void topic_expr_free(struct topic_expr *e);

/* Tokenize, fold and stem a document once, to match many expressions.
 * lang may be NULL. Caller frees with topic_doc_free. */
struct topic_doc *topic_doc_new(const char *text, size_t n, const char *lang);
void topic_doc_free(struct topic_doc *d);

/* 1 if the document matches, else 0. */
int topic_expr_match(const struct topic_expr *e, const struct topic_doc *d);

/* Lowercase ASCII slug from a name: "Climate & Energy" -> "climate-energy"
 * (accents folded, other characters dropped). Caller frees. */
char *topic_slugify(const char *name);

#endif
