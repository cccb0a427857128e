/* serve_sched.h - the mail thread inside `newsdesk serve`.
 *
 * One thread that delivers the outbox (mail/outbox.h: the reader mails
 * the web queued) every second and whenever serve_sched_wake() is
 * called, purges its sent and failed rows older than
 * STORE_OUTBOX_KEEP_DAYS at start and then once a day, and (unless digest is 0) runs the same digest as `newsdesk
 * digest` (digest_run with the serve's --deliver, --base-url and
 * --from) right away and then every interval seconds, until
 * serve_sched_stop(). It opens its OWN store connection on the same
 * DSN (the server's belongs to the HTTP side) and its own delivery
 * handle (a backend is not shared between threads). It logs one line
 * per run that sent or failed something.
 */
#ifndef ND_SERVE_SCHED_H
#define ND_SERVE_SCHED_H

#include "util/err.h"

struct serve_sched_config {
	const char *dsn;		/* store, as for store_open() */
	const char *deliver;		/* delivery spec (deliver.h) */
	const char *base_url;		/* links in the digests */
	const char *from;		/* sender address */
	int quiet;			/* no log lines */
	int interval;			/* seconds between digest runs (60) */
	int digest;			/* 0: outbox only */
};

struct serve_sched;

/* Start the thread; c's strings are borrowed until serve_sched_stop().
 * Fails when the store or the delivery backend cannot be opened. */
enum nd_err serve_sched_start(const struct serve_sched_config *c,
    struct serve_sched **out, struct nd_error *err);
/* Make the thread deliver the outbox now (a mail was queued). Safe to
 * call from any thread; arg is the struct serve_sched. */
void serve_sched_wake(void *arg);
/* Wake the thread, wait for the run in progress to end, free all.
 * NULL is a no-op. */
void serve_sched_stop(struct serve_sched *s);

#endif
