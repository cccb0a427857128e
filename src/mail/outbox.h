/* outbox.h - reader mails through the store's outbox (store.h,
 * store_outbox_*).
 *
 * The side that causes a mail (a web request, a CLI command) renders it
 * and queues it with outbox_put(); it never talks to the relay. A
 * deliverer (the serve's scheduler thread every second or when woken,
 * `newsdesk outbox --deliver`, the CLI commands that queue a mail)
 * runs outbox_deliver(): claim due rows, hand them to a deliver handle,
 * record each outcome. Delivery is at least once, and exactly once
 * unless a deliverer dies between the relay's answer and the mark;
 * then the copy carries the same Message-ID.
 */
#ifndef ND_OUTBOX_H
#define ND_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

#include "mail/deliver.h"
#include "store/store.h"
#include "util/err.h"

#define OUTBOX_BATCH		50	/* rows per claim */
#define OUTBOX_ROUNDS		20	/* claims per outbox_deliver call */
#define OUTBOX_HEADER_MAX	(64u * 1024)	/* bytes of header read */

/* Queue the rendered message data/len (RFC 5322, LF line ends, with a
 * Message-ID header, which keys the row) of kind ("signin", "confirm",
 * "comment-edit", "comment-reply") from sender to rcpt, due at once.
 * Everything is borrowed for the call. ND_EINVAL when the message has
 * no Message-ID in its header. */
enum nd_err outbox_put(struct store *s, const char *kind, const char *sender,
    const char *rcpt, const char *data, size_t len, int64_t now,
    struct nd_error *err);

/* The Message-ID (without <>) of the message data/len into out (n
 * bytes); 0 when its header (the first OUTBOX_HEADER_MAX bytes) has
 * none or it does not fit. */
int outbox_message_id(const char *data, size_t len, char *out, size_t n);

struct outbox_stats {
	size_t sent;		/* taken by the relay or Maildir */
	size_t retry;		/* 4xx / no connection: due again later */
	size_t failed;		/* 5xx (or too many 4xx): given up */
};

/* Claim due messages at now (OUTBOX_BATCH at a time, at most
 * OUTBOX_ROUNDS claims) and deliver them through d, marking each
 * outcome. st (may be NULL) is added to. Fails only when the store or
 * the delivery backend is unusable; a claimed row left unmarked comes
 * due again after STORE_OUTBOX_LEASE. */
enum nd_err outbox_deliver(struct store *s, struct deliver *d, int64_t now,
    struct outbox_stats *st, struct nd_error *err);

#define OUTBOX_PURGE_DAYS_MAX	3650

/* Delete the sent and failed rows older than days (1..
 * OUTBOX_PURGE_DAYS_MAX; STORE_OUTBOX_KEEP_DAYS by default) at now:
 * sent, or given up, before now - days * 86400. Queued rows stay. *n
 * (may be NULL): rows deleted. ND_EINVAL naming the days when out of
 * range. */
enum nd_err outbox_purge(struct store *s, int64_t now, long days,
    int64_t *n, struct nd_error *err);

#endif
