/* topic_doc.h - what topic.c needs to see of a struct topic_doc.
 * Internal to src/topic; the public part is in topic.h.
 */
#ifndef ND_TOPIC_DOC_H
#define ND_TOPIC_DOC_H

#include <stddef.h>

#include "topic/topic.h"

/* One word of a sequence to look for. */
struct topic_doc_pat {
	const char *s;	/* a stem (exact) or a folded prefix, NUL-terminated */
	int prefix;	/* 1: s is a prefix of the folded, unstemmed word */
};

/* The language index (topic_text_lang) the document was stemmed with. */
int topic_doc_lang(const struct topic_doc *d);

/* 1 if the document has the k words of pat at consecutive positions,
 * else 0 (also for k == 0 or k > TOPIC_EXPR_MAX_TERMS). Costs k binary
 * searches plus k checks per occurrence of the rarest of the words. */
int topic_doc_has_seq(const struct topic_doc *d,
    const struct topic_doc_pat *pat, size_t k);

#endif
