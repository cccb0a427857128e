/* digest.h - the Daily Digest: who is due, what goes in, exactly once.
 *
 * digest_run() pages through the active readers, keeps those whose
 * local time (their IANA zone, ICU) has passed their hour and who have
 * no finished delivery for that local date, sorts them by group (topic
 * set, language, zone, local date, window) so one rendered body serves
 * the whole group, claims (reader, local date) rows in one transaction
 * per batch, hands the messages to the delivery backend and records
 * every outcome. A crash between claim and mark leaves 'claimed' rows
 * that a later run (after opts.stale seconds) sends again with the same
 * Message-ID and window, so a reader never gets two different digests
 * for one date.
 */
#ifndef ND_DIGEST_H
#define ND_DIGEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mail/deliver.h"
#include "store/store.h"
#include "util/err.h"

struct digest_opts {
	int64_t now;		/* the schedule clock: UTC seconds (--at) */
	int dry_run;		/* build everything, claim and send nothing */
	const char *base_url;	/* links: "http://127.0.0.1:8080" */
	const char *from;	/* "digest@news.example" */
	size_t per_topic;	/* items per topic before "and N more" (5) */
	int send_empty;		/* send a digest with nothing new */
	int64_t stale;		/* claimed rows older than this are resent */
	int max_failures;	/* hard failures before bouncing (3) */
	int max_attempts;	/* temporary failures before giving up (6) */
	size_t batch;		/* readers per claim transaction (200) */
	size_t page;		/* readers read per query (5000) */
	FILE *progress;		/* progress lines, or NULL */
};

struct digest_stats {
	size_t readers;		/* active readers looked at */
	size_t due;		/* due and with something to send */
	size_t empty;		/* due but nothing new: no mail */
	size_t built;		/* messages composed */
	size_t sent, retry, failed, skipped;
	size_t groups;		/* bodies rendered */
	size_t bytes;		/* composed message bytes */
};

/* Fill o with the defaults above (now = time(NULL)). */
void digest_opts_init(struct digest_opts *o);

/* Send every due digest through d (NULL with dry_run). */
enum nd_err digest_run(struct store *s, struct deliver *d,
    const struct digest_opts *o, struct digest_stats *st,
    struct nd_error *err);

/* Today's counts (each reader's own local date at o->now). */
struct digest_status {
	size_t readers;		/* active */
	size_t waiting;		/* local hour not yet reached */
	size_t due;		/* due, no delivery yet */
	size_t sent, failed, retrying, claimed;
};

enum nd_err digest_status(struct store *s, int64_t now,
    struct digest_status *out, struct nd_error *err);

#endif
