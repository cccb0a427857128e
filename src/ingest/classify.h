/* classify.h - tag articles with topics and fill derived fields.
 *
 * A classifier holds the compiled rules of every topic; it is built once
 * per run (or after a topic changes) and applied to each article.
 */
#ifndef ND_CLASSIFY_H
#define ND_CLASSIFY_H

#include "store/article.h"
#include "store/store.h"
#include "util/err.h"

struct classify;

/* Compile every topic's rule. A rule that no longer parses is an error
 * naming the topic. Caller frees with classify_free. */
enum nd_err classify_new(const struct topic_list *topics,
    struct classify **out, struct nd_error *err);
void classify_free(struct classify *c);

/* Replace a->topics with the slugs of the topics whose rules match the
 * headline, standfirst and body. c may be NULL (no topics). */
void classify_topics(const struct classify *c, struct article *a);

/* Fill what extraction may leave empty: canonical_url (= url), source
 * (host of the url, without "www."), lang (detected from the body),
 * simhash (body fingerprint, util/dedupe.h). */
void classify_derive(struct article *a);

#endif
