/* serve_sched.c - the mail thread of `newsdesk serve`: the outbox every
 * second or when woken, the digest every interval. */
#include "cli/serve_sched.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail/deliver.h"
#include "mail/digest.h"
#include "mail/outbox.h"
#include "store/store.h"
#include "util/xalloc.h"

#define SERVE_SCHED_PURGE_EVERY	86400	/* seconds between outbox purges */

struct serve_sched {
	struct serve_sched_config c;
	struct store *store;		/* this thread's own connection */
	struct deliver *d;		/* this thread's own backend */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;			/* under mu */
	int woken;			/* under mu: a mail was queued */
};

/* One digest run; a log line when anything was handed over. */
static void
serve_sched_run(struct serve_sched *s)
{
	struct digest_opts o;
	struct digest_stats st;
	struct nd_error err;

	digest_opts_init(&o);
	o.base_url = s->c.base_url;
	o.from = s->c.from;
	memset(&st, 0, sizeof(st));
	if (digest_run(s->store, s->d, &o, &st, &err) != ND_OK) {
		fprintf(stderr, "newsdesk: digest: %s\n", err.msg);
		return;
	}
	if (!s->c.quiet && st.sent + st.retry + st.failed > 0)
		fprintf(stderr, "newsdesk: digest: %zu due, %zu sent, "
		    "%zu to retry, %zu failed\n", st.due, st.sent, st.retry,
		    st.failed);
}

/* Deliver the due outbox; a log line when anything was handed over. */
static void
serve_sched_outbox(struct serve_sched *s)
{
	struct outbox_stats st;
	struct nd_error err;

	memset(&st, 0, sizeof(st));
	if (outbox_deliver(s->store, s->d, (int64_t)time(NULL), &st,
	    &err) != ND_OK) {
		fprintf(stderr, "newsdesk: outbox: %s\n", err.msg);
		return;
	}
	if (!s->c.quiet && st.sent + st.retry + st.failed > 0)
		fprintf(stderr, "newsdesk: outbox: %zu sent, %zu to retry, "
		    "%zu failed\n", st.sent, st.retry, st.failed);
}

/* Purge old sent and failed outbox rows (once a day). */
static void
serve_sched_purge(struct serve_sched *s)
{
	struct nd_error err;
	int64_t n = 0;

	if (outbox_purge(s->store, (int64_t)time(NULL),
	    STORE_OUTBOX_KEEP_DAYS, &n, &err) != ND_OK)
		fprintf(stderr, "newsdesk: outbox purge: %s\n", err.msg);
	else if (!s->c.quiet && n > 0)
		fprintf(stderr, "newsdesk: outbox: %lld old mails purged\n",
		    (long long)n);
}

static void *
serve_sched_main(void *arg)
{
	struct serve_sched *s = arg;
	struct timespec until, mono;
	time_t next_digest = 0, next_purge = 0;
	int stop;

	pthread_mutex_lock(&s->mu);
	stop = s->stop;
	while (!stop) {
		pthread_mutex_unlock(&s->mu);
		clock_gettime(CLOCK_MONOTONIC, &mono);
		if (s->c.digest && mono.tv_sec >= next_digest) {
			serve_sched_run(s);
			next_digest = mono.tv_sec + s->c.interval;
		}
		serve_sched_outbox(s);
		if (mono.tv_sec >= next_purge) {
			serve_sched_purge(s);
			next_purge = mono.tv_sec + SERVE_SCHED_PURGE_EVERY;
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_mutex_lock(&s->mu);
		while (!s->stop && !s->woken && pthread_cond_timedwait(&s->cv,
		    &s->mu, &until) != ETIMEDOUT)
			;
		s->woken = 0;
		stop = s->stop;
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

void
serve_sched_wake(void *arg)
{
	struct serve_sched *s = arg;

	pthread_mutex_lock(&s->mu);
	s->woken = 1;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

enum nd_err
serve_sched_start(const struct serve_sched_config *c,
    struct serve_sched **out, struct nd_error *err)
{
	struct serve_sched *s = xcalloc(1, sizeof(*s));
	enum nd_err e;

	s->c = *c;
	if (s->c.interval <= 0)
		s->c.interval = 60;
	if ((e = store_open(c->dsn, &s->store, err)) != ND_OK ||
	    (e = deliver_open(c->deliver, NULL, &s->d, err)) != ND_OK)
		goto fail;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	if (pthread_create(&s->thread, NULL, serve_sched_main, s) != 0) {
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
		e = nd_error_set(err, ND_EIO, "cannot start the mail "
		    "thread");
		goto fail;
	}
	*out = s;
	return ND_OK;
fail:
	deliver_close(s->d);
	if (s->store)
		store_close(s->store);
	free(s);
	return e;
}

void
serve_sched_stop(struct serve_sched *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&s->mu);
	s->stop = 1;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
	pthread_join(s->thread, NULL);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	deliver_close(s->d);
	store_close(s->store);
	free(s);
}
