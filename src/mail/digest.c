/* digest.c - the digest run: due readers, groups, claims, sending,
 * outcomes; and the status counts. Rendering is in digest_render.c.
 */
#include "mail/digest_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail/mime.h"
#include "mail/schedule.h"
#include "util/token.h"
#include "util/xalloc.h"
#include "web/html.h"

#define DIGEST_PAGE		5000
#define DIGEST_WINDOW_FIRST	86400
#define DIGEST_TOKEN_DAYS	90
#define DIGEST_TZ_CACHE		64
#define DIGEST_MESSAGE_MAX	(8u << 20)	/* bytes of one message */

struct digest_cand {
	struct reader *r;
	char date[11];
	int64_t since, until;
	char *key;
};

struct digest_run {
	struct store *store;
	struct deliver *deliver;
	const struct digest_opts *o;
	struct digest_stats *st;
	struct digest_render render;
	unsigned char key[STORE_SECRET_BYTES];
	const char *host;
	struct { char tz[65]; struct local_day day; } tzc[DIGEST_TZ_CACHE];
	size_t ntzc;
	/* per-reader scratch, cleared and reused (no malloc per reader) */
	struct buf prefs, unsub, mailto, hp, hu, sink;
};

void
digest_opts_init(struct digest_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->now = (int64_t)time(NULL);
	o->base_url = "http://127.0.0.1:8080";
	o->from = "digest@localhost";
	o->per_topic = 5;
	o->stale = 600;
	o->max_failures = 3;
	o->max_attempts = 6;
	o->batch = 200;
	o->page = DIGEST_PAGE;
}

/* Local day of tz at the run's clock, cached per zone. */
static enum nd_err
digest_local(struct digest_run *run, const char *tz, struct local_day *out,
    struct nd_error *err)
{
	size_t i;
	enum nd_err e;

	for (i = 0; i < run->ntzc; i++)
		if (strcmp(run->tzc[i].tz, tz) == 0) {
			*out = run->tzc[i].day;
			return ND_OK;
		}
	if ((e = schedule_local(tz, run->o->now, out, err)) != ND_OK)
		return e;
	if (run->ntzc < DIGEST_TZ_CACHE && strlen(tz) < 65) {
		memcpy(run->tzc[run->ntzc].tz, tz, strlen(tz) + 1);
		run->tzc[run->ntzc++].day = *out;
	}
	return ND_OK;
}

static void
digest_want_of(const struct digest_cand *c, struct digest_want *w)
{
	w->lang = c->r->lang;
	w->tz = c->r->tz;
	w->date = c->date;
	w->since = c->since;
	w->until = c->until;
	w->topics = &c->r->topics;
}

/* Is r due at the run's clock? Fills c when it is. A reader with an
 * unknown zone is skipped (and counted), never fatal for the run. */
static int
digest_due(struct digest_run *run, struct reader *r, struct digest_cand *c)
{
	struct local_day day;
	struct digest_want w;
	struct buf key = BUF_INIT;

	if (digest_local(run, r->tz, &day, NULL) != ND_OK) {
		run->st->skipped++;
		return 0;
	}
	if (day.hour < r->hour || r->topics.n == 0)
		return 0;
	if (strcmp(r->last_date, day.date) == 0 &&
	    (strcmp(r->last_status, "sent") == 0 ||
	    strcmp(r->last_status, "failed") == 0))
		return 0;
	c->r = r;
	memcpy(c->date, day.date, sizeof(c->date));
	c->until = run->o->now;
	c->since = r->last_digest_at > 0 && r->last_digest_at < c->until ?
	    r->last_digest_at : c->until - DIGEST_WINDOW_FIRST;
	digest_want_of(c, &w);
	digest_render_key(&w, &key);
	c->key = buf_detach(&key, NULL);
	return 1;
}

static int
digest_cand_cmp(const void *a, const void *b)
{
	return strcmp(((const struct digest_cand *)a)->key,
	    ((const struct digest_cand *)b)->key);
}

/* A signed link base/PATH?t=TOKEN for reader id (purpose = path). */
static void
digest_link(struct digest_run *run, const char *path, int64_t id,
    struct buf *out, char **tok)
{
	char data[24];

	snprintf(data, sizeof(data), "%lld", (long long)id);
	*tok = token_sign(run->key, path, data, run->o->now +
	    DIGEST_TOKEN_DAYS * 86400);
	buf_printf(out, "%s/%s?t=%s", run->o->base_url, path, *tok);
}

/* Emit reader c's message from body b's template into out: only the
 * links, tokens and per-reader headers are made here. */
static enum nd_err
digest_compose(struct digest_run *run, const struct digest_cand *c,
    const char *message_id, const struct digest_body *b, struct buf *out,
    struct nd_error *err)
{
	const char *slots[DIGEST_SLOTS];
	char *t1 = NULL, *t2 = NULL;
	struct mime_reader m;
	enum nd_err e;

	buf_clear(&run->prefs);
	buf_clear(&run->unsub);
	buf_clear(&run->mailto);
	buf_clear(&run->hp);
	buf_clear(&run->hu);
	digest_link(run, "preferences", c->r->id, &run->prefs, &t1);
	digest_link(run, "unsubscribe", c->r->id, &run->unsub, &t2);
	buf_printf(&run->mailto, "mailto:unsubscribe@%s?subject="
	    "unsubscribe%%20%s", run->host, t2);
	html_url(&run->hp, run->prefs.ptr);
	html_url(&run->hu, run->unsub.ptr);
	slots[DIGEST_SLOT_PREFS] = run->prefs.ptr;
	slots[DIGEST_SLOT_UNSUB] = run->unsub.ptr;
	slots[DIGEST_SLOT_PREFS_HTML] = run->hp.ptr;
	slots[DIGEST_SLOT_UNSUB_HTML] = run->hu.ptr;
	memset(&m, 0, sizeof(m));
	m.to = c->r->email;
	m.message_id = message_id;
	m.date = run->o->now;
	m.unsub_url = run->unsub.ptr;
	m.unsub_mailto = run->mailto.ptr;
	e = mime_tmpl_emit(&b->tmpl, &m, slots, DIGEST_SLOTS, out, err);
	free(t1);
	free(t2);
	return e;
}

static void
digest_scratch_release(struct digest_run *run)
{
	buf_release(&run->prefs);
	buf_release(&run->unsub);
	buf_release(&run->mailto);
	buf_release(&run->hp);
	buf_release(&run->hu);
	buf_release(&run->sink);
}

static void
digest_message_id(struct digest_run *run, const struct digest_cand *c,
    char *out, size_t n)
{
	snprintf(out, n, "digest.%lld.%.4s%.2s%.2s@%s", (long long)c->r->id,
	    c->date, c->date + 5, c->date + 8, run->host);
}

/* The outcome of message m (of claim cl) as a store mark. */
static void
digest_outcome(struct digest_run *run, const struct deliver_msg *m,
    const struct delivery_claim *cl, struct delivery_mark *mk)
{
	int64_t wait;

	memset(mk, 0, sizeof(*mk));
	mk->reader_id = cl->reader_id;
	mk->local_date = cl->local_date;
	mk->window_end = cl->window_end;
	mk->error = m->reason[0] ? m->reason : NULL;
	if (m->outcome == DELIVER_OK) {
		mk->status = DELIVERY_SENT;
		run->st->sent++;
	} else if (m->outcome == DELIVER_TEMPFAIL &&
	    cl->attempts < run->o->max_attempts) {
		mk->status = DELIVERY_RETRY;
		wait = (int64_t)60 << (cl->attempts < 8 ? cl->attempts - 1 : 7);
		mk->next_attempt = (int64_t)time(NULL) + wait;
		run->st->retry++;
	} else {
		mk->status = DELIVERY_FAILED;
		run->st->failed++;
	}
}

/* Send the m composed messages and record every outcome. */
static enum nd_err
digest_send(struct digest_run *run, struct deliver_msg *msg, size_t m,
    const size_t *map, const struct delivery_claim *cl, struct nd_error *err)
{
	struct delivery_mark *mk;
	enum nd_err e;
	size_t i;

	if (m == 0)
		return ND_OK;
	if ((e = deliver_send(run->deliver, msg, m, err)) != ND_OK)
		return e;
	mk = xcalloc(m, sizeof(*mk));
	for (i = 0; i < m; i++)
		digest_outcome(run, &msg[i], &cl[map[i]], &mk[i]);
	e = store_delivery_mark(run->store, mk, m, run->o->max_failures,
	    (int64_t)time(NULL), err);
	free(mk);
	return e;
}

/* Claims for v[0..n) that have something to send; idx maps back. */
static enum nd_err
digest_claims(struct digest_run *run, struct digest_cand *v, size_t n,
    struct delivery_claim *cl, size_t *idx, size_t *k, struct nd_error *err)
{
	struct digest_want w;
	enum nd_err e;
	size_t i, items;

	for (*k = 0, i = 0; i < n; i++) {
		digest_want_of(&v[i], &w);
		if ((e = digest_render_items(&run->render, &w, &items, err)))
			return e;
		if (items == 0 && !run->o->send_empty) {
			run->st->empty++;
			continue;
		}
		run->st->due++;
		cl[*k].reader_id = v[i].r->id;
		memcpy(cl[*k].local_date, v[i].date, sizeof(v[i].date));
		digest_message_id(run, &v[i], cl[*k].message_id,
		    sizeof(cl[*k].message_id));
		cl[*k].window_start = v[i].since;
		cl[*k].window_end = v[i].until;
		idx[(*k)++] = i;
	}
	if (run->o->dry_run || *k == 0)
		return ND_OK;
	return store_delivery_claim(run->store, cl, *k, (int64_t)time(NULL),
	    run->o->stale, err);
}

/* Compose the message of claim cl for candidate c (a resend or retry
 * uses the claimed window, so the digest is the same as before). */
static enum nd_err
digest_build(struct digest_run *run, const struct digest_cand *c,
    const struct delivery_claim *cl, struct buf *out, struct nd_error *err)
{
	struct digest_cand cc = *c;
	const struct digest_body *b;
	struct digest_want w;
	enum nd_err e;
	int fresh;

	cc.since = cl->window_start;
	cc.until = cl->window_end;
	digest_want_of(&cc, &w);
	if ((e = digest_render_body(&run->render, &w, &b, &fresh, err)))
		return e;
	run->st->groups += (size_t)fresh;
	return digest_compose(run, &cc, cl->message_id, b, out, err);
}

static enum nd_err
digest_batch(struct digest_run *run, struct digest_cand *v, size_t n,
    struct nd_error *err)
{
	struct delivery_claim *cl = xcalloc(n, sizeof(*cl));
	struct deliver_msg *msg = xcalloc(n, sizeof(*msg));
	struct buf *data = xcalloc(n, sizeof(*data));
	size_t *idx = xcalloc(n, sizeof(*idx)), *map = xcalloc(n, sizeof(*map));
	size_t i, k, m = 0;
	enum nd_err e;

	for (i = 0; i < n; i++)
		buf_init(&data[i], DIGEST_MESSAGE_MAX);
	if ((e = digest_claims(run, v, n, cl, idx, &k, err)) != ND_OK)
		goto out;
	for (i = 0; i < k; i++) {
		if (!run->o->dry_run && cl[i].result == CLAIM_SKIP) {
			run->st->skipped++;
			continue;
		}
		if (run->o->dry_run) {
			/* the discarding sink: one buffer, reused */
			buf_clear(&run->sink);
			if ((e = digest_build(run, &v[idx[i]], &cl[i],
			    &run->sink, err)))
				goto out;
			run->st->built++;
			run->st->bytes += run->sink.len;
			continue;
		}
		if ((e = digest_build(run, &v[idx[i]], &cl[i], &data[m], err)))
			goto out;
		run->st->built++;
		run->st->bytes += data[m].len;
		msg[m].sender = run->o->from;
		msg[m].rcpt = v[idx[i]].r->email;
		msg[m].data = data[m].ptr;
		msg[m].len = data[m].len;
		map[m++] = i;
	}
	if (!run->o->dry_run)
		e = digest_send(run, msg, m, map, cl, err);
out:
	for (i = 0; i < n; i++)
		buf_release(&data[i]);
	free(data);
	free(msg);
	free(cl);
	free(idx);
	free(map);
	return e;
}

/* One page of readers: keep the due ones, sort by group, run batches. */
static enum nd_err
digest_page(struct digest_run *run, struct reader_list *l,
    struct nd_error *err)
{
	struct digest_cand *v = xcalloc(l->n + 1, sizeof(*v));
	size_t i, n = 0, b = run->o->batch ? run->o->batch : 200;
	enum nd_err e = ND_OK;

	for (i = 0; i < l->n; i++)
		n += (size_t)digest_due(run, &l->v[i], &v[n]);
	qsort(v, n, sizeof(*v), digest_cand_cmp);
	for (i = 0; i < n && e == ND_OK; i += b)
		e = digest_batch(run, v + i, n - i < b ? n - i : b, err);
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	return e;
}

static void
digest_progress(const struct digest_run *run)
{
	if (run->o->progress == NULL)
		return;
	fprintf(run->o->progress, "\rdigest: %zu readers, %zu due, %zu sent, "
	    "%zu retry, %zu failed", run->st->readers, run->st->due,
	    run->st->sent, run->st->retry, run->st->failed);
	fflush(run->o->progress);
}

enum nd_err
digest_run(struct store *s, struct deliver *d, const struct digest_opts *o,
    struct digest_stats *st, struct nd_error *err)
{
	struct digest_run run;
	struct reader_list l = {NULL, 0};
	const char *at = strrchr(o->from, '@');
	int64_t after = 0;
	enum nd_err e;
	size_t got, page = o->page ? o->page : DIGEST_PAGE;

	memset(st, 0, sizeof(*st));
	if (at == NULL || !mime_header_safe(o->from) || strchr(o->base_url,
	    '"') || !mime_header_safe(o->base_url))
		return nd_error_set(err, ND_EINVAL, "sender '%s' or base url "
		    "'%s' is malformed", o->from, o->base_url);
	if (d == NULL && !o->dry_run)
		return nd_error_set(err, ND_EINVAL, "no delivery backend");
	memset(&run, 0, sizeof(run));
	run.store = s;
	run.deliver = d;
	run.o = o;
	run.st = st;
	run.host = at + 1;
	buf_init(&run.prefs, SIZE_MAX);
	buf_init(&run.unsub, SIZE_MAX);
	buf_init(&run.mailto, SIZE_MAX);
	buf_init(&run.hp, SIZE_MAX);
	buf_init(&run.hu, SIZE_MAX);
	buf_init(&run.sink, DIGEST_MESSAGE_MAX);
	if ((e = store_secret(s, run.key, err)) != ND_OK ||
	    (e = digest_render_init(&run.render, s, o, err)) != ND_OK)
		return e;
	do {
		if ((e = store_reader_list(s, 1, after, page, &l, err)))
			break;
		st->readers += l.n;
		got = l.n;
		if (l.n > 0)
			after = l.v[l.n - 1].id;
		e = digest_page(&run, &l, err);
		reader_list_release(&l);
		digest_progress(&run);
	} while (e == ND_OK && got == page);
	if (o->progress)
		fputc('\n', o->progress);
	digest_render_release(&run.render);
	digest_scratch_release(&run);
	return e;
}

static void
digest_status_one(const struct reader *r, const struct local_day *day,
    struct digest_status *out)
{
	if (strcmp(r->last_date, day->date) == 0) {
		if (strcmp(r->last_status, "sent") == 0)
			out->sent++;
		else if (strcmp(r->last_status, "failed") == 0)
			out->failed++;
		else if (strcmp(r->last_status, "retry") == 0)
			out->retrying++;
		else
			out->claimed++;
	} else if (day->hour >= r->hour)
		out->due++;
	else
		out->waiting++;
}

enum nd_err
digest_status(struct store *s, int64_t now, struct digest_status *out,
    struct nd_error *err)
{
	struct reader_list l = {NULL, 0};
	struct local_day day;
	int64_t after = 0;
	enum nd_err e;
	size_t i, got;

	memset(out, 0, sizeof(*out));
	do {
		if ((e = store_reader_list(s, 1, after, DIGEST_PAGE, &l, err)))
			return e;
		got = l.n;
		for (i = 0; i < l.n; i++) {
			after = l.v[i].id;
			out->readers++;
			if (schedule_local(l.v[i].tz, now, &day, NULL) == ND_OK)
				digest_status_one(&l.v[i], &day, out);
		}
		reader_list_release(&l);
	} while (got == DIGEST_PAGE);
	return ND_OK;
}
