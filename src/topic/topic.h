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
 *
 * Details of the language:
 *  - Only the upper-case AND, OR and NOT are operators; "and", "or", "not"
 *    (and any operator inside a phrase) are ordinary words.
 *  - Precedence NOT > AND > OR; juxtaposition is AND: "a b OR c" is
 *    "(a AND b) OR c", "a NOT b" is "a AND (NOT b)".
 *  - A WORD is a run of characters other than white space, '"', '(' and
 *    ')'. It is split into words like document text: runs of letters,
 *    digits and combining marks; each Han, Hiragana or Katakana character
 *    is a word of its own. A WORD that splits into several words
 *    ("covid-19", "U.S.") is a phrase; one with no letter or digit ("&")
 *    is an error.
 *  - A trailing '*' makes the (last) word a prefix: "elect*" matches any
 *    document word whose folded, unstemmed form starts with "elect".
 *    This works inside phrases too: "climate chan*".
 *  - Folding: NFKC case folding, then accents (non-spacing marks) are
 *    dropped and a few letters without a decomposition are mapped
 *    (ß->ss, ø->o, æ->ae, œ->oe, ł->l, đ->d, ð->d, þ->th, ı->i). Words
 *    are cut to TOPIC_TEXT_WORD_MAX (100) characters, on both sides.
 *  - Stemmers: da de en es fi fr hu it nl no (nb, nn) pt ro ru sv tr;
 *    any other language, or none, uses English.
 *  - Stemming uses the document's language, so an expression is stemmed
 *    once per known language when parsed; matching never touches a
 *    stemmer, and a parsed topic_expr and a topic_doc are read-only
 *    afterwards (safe to share between threads).
 *  - Match cost is bounded: each word or phrase of the expression is
 *    looked up once (binary search), a phrase checks at most the
 *    occurrences of its rarest word times its length.
 */
#ifndef ND_TOPIC_H
#define ND_TOPIC_H

#include <stddef.h>

#include "util/err.h"

#define TOPIC_EXPR_MAX_BYTES	4096
#define TOPIC_EXPR_MAX_DEPTH	32
#define TOPIC_EXPR_MAX_TERMS	256
#define TOPIC_DOC_MAX_WORDS	200000
#define TOPIC_SLUG_MAX		64

struct topic_expr;
struct topic_doc;

/* Parse s[0..n) (NUL not needed) into *out, freed with topic_expr_free.
 * On error *out is NULL and err's message says what was wrong at which
 * 1-based character (code point) position:
 *	ND_EPARSE	"empty topic expression"
 *			"missing ')' for '(' at position 3"
 *			"unexpected ')' at position 9"
 *			"empty parentheses at position 4"
 *			"unterminated phrase starting at position 7"
 *			"empty phrase at position 5"
 *			"expected a word, phrase or '(' after 'AND' at position 12"
 *			"expected a word, phrase or '(' before 'OR' at position 1"
 *			"no letters or digits in '&' at position 3"
 *	ND_EUTF8	"invalid utf-8 at position 4 (byte 6)"
 *	ND_ELIMIT	over TOPIC_EXPR_MAX_BYTES bytes, TOPIC_EXPR_MAX_DEPTH
 *			nested '(' or NOT, or TOPIC_EXPR_MAX_TERMS words
 *			(every word counts, also those inside phrases). */
enum nd_err topic_expr_parse(const char *s, size_t n, struct topic_expr **out,
    struct nd_error *err);
void topic_expr_free(struct topic_expr *e);

/* Tokenize, fold and stem a document once, to match many expressions.
 * lang ("de", "fr-CH", ...) may be NULL; unknown languages stem as
 * English. Only the first TOPIC_DOC_MAX_WORDS words are indexed; bytes
 * that are not valid UTF-8 separate words. Never NULL; the caller frees
 * it with topic_doc_free. text is not kept. */
struct topic_doc *topic_doc_new(const char *text, size_t n, const char *lang);
void topic_doc_free(struct topic_doc *d);

/* 1 if the document matches, else 0. */
int topic_expr_match(const struct topic_expr *e, const struct topic_doc *d);

/* Lowercase ASCII slug from a NUL-terminated name: "Climate & Energy" ->
 * "climate-energy", "Économie" -> "economie", "Straße" -> "strasse".
 * The name is split into words and folded as above; each word keeps its
 * ASCII letters and digits, words are joined by single '-' (so no leading,
 * trailing or doubled dash). At most TOPIC_SLUG_MAX bytes: whole words
 * that would pass it are left out (a first word alone is cut). Returns
 * NULL when nothing is left (NULL name, "&&", a name only in Greek or
 * Chinese): the caller must then ask for an explicit slug. Caller frees. */
char *topic_slugify(const char *name);

#endif
