/* follow.h - following topics with double opt-in, for the web routes
 * (/follow, /confirm, /unsubscribe) and `newsdesk subscribe`.
 *
 * follow_request() never adds a topic by itself: it records the reader
 * (unconfirmed when new) and mails a signed confirmation link whose
 * token names the reader and the topics; follow_confirm() checks that
 * token and only then confirms the reader and adds the topics. So
 * nothing is ever sent to an unconfirmed address but the confirmation,
 * and a signed-out follow from a confirmed address needs the link too.
 */
#ifndef ND_FOLLOW_H
#define ND_FOLLOW_H

#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

#define FOLLOW_PER_IP_HOUR	10	/* follow requests per IP and hour */
#define FOLLOW_PER_ADDR_HOUR	3	/* confirmation mails per address */
#define FOLLOW_CONFIRM_DAYS	7

struct follow_opts {
	const char *base_url;	/* "http://127.0.0.1:8080" */
	const char *from;	/* sender address */
	const char *ip;		/* client address, or NULL (CLI) */
	const char *lang;	/* "en"/"de" or NULL */
	const char *tz;		/* IANA zone or NULL */
	int hour;		/* -1: keep/default */
	int64_t now;
};

/* Validate email (mail/email.h) and topics (existing slugs), apply the
 * rate limits (ND_ELIMIT "too many requests ..."), record the reader and
 * queue the confirmation in the outbox (mail/outbox.h; kind "confirm").
 * The reader row and the queued mail are one transaction
 * (store_tx_begin): a failure leaves neither (the rate hits, which
 * count attempts, stay). s must not be inside a transaction already. */
enum nd_err follow_request(struct store *s, const struct follow_opts *o,
    const char *email, const struct strlist *topics, struct nd_error *err);

/* Check a confirmation token (purpose "confirm") and apply it: the
 * reader is confirmed and follows the topics. *reader_id receives the
 * reader. */
enum nd_err follow_confirm(struct store *s, const char *token, int64_t now,
    int64_t *reader_id, struct nd_error *err);

/* Check an unsubscribe token (from a digest's link or the one-click
 * POST) and remove the reader with everything they follow. */
enum nd_err follow_unsubscribe(struct store *s, const char *token,
    int64_t now, struct nd_error *err);

/* The reader id of a preferences token (purpose "preferences"). */
enum nd_err follow_preferences_reader(struct store *s, const char *token,
    int64_t now, int64_t *reader_id, struct nd_error *err);

#endif
