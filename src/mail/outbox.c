/* outbox.c - queuing rendered reader mails and delivering the queue. */
#include "mail/outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

/* The value of the header at p (after "Message-ID:"), folded or not:
 * the text between '<' and '>', on one line. */
static int
outbox_id_value(const char *p, const char *end, char *out, size_t n)
{
	const char *lt, *gt;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    (*p == '\n' && p + 1 < end && (p[1] == ' ' || p[1] == '\t'))))
		p++;
	if (p == end || *p != '<')
		return 0;
	lt = p + 1;
	for (gt = lt; gt < end && *gt != '>' && *gt != '\n'; gt++)
		;
	if (gt == end || *gt != '>' || gt == lt || (size_t)(gt - lt) >= n)
		return 0;
	memcpy(out, lt, (size_t)(gt - lt));
	out[gt - lt] = '\0';
	return 1;
}

int
outbox_message_id(const char *data, size_t len, char *out, size_t n)
{
	static const char name[] = "Message-ID:";
	const size_t nl = sizeof(name) - 1;
	const char *p = data, *end, *eol;

	if (len > OUTBOX_HEADER_MAX)
		len = OUTBOX_HEADER_MAX;
	end = data + len;
	while (p < end && *p != '\n' && *p != '\r') {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) >= nl && strncasecmp(p, name, nl) == 0)
			return outbox_id_value(p + nl, end, out, n);
		p = eol < end ? eol + 1 : end;
	}
	return 0;
}

enum nd_err
outbox_put(struct store *s, const char *kind, const char *sender,
    const char *rcpt, const char *data, size_t len, int64_t now,
    struct nd_error *err)
{
	struct outbox_msg m;
	char mid[256];

	if (!outbox_message_id(data, len, mid, sizeof(mid)))
		return nd_error_set(err, ND_EINVAL, "mail to '%s' has no "
		    "Message-ID", rcpt ? rcpt : "");
	memset(&m, 0, sizeof(m));
	m.kind = (char *)kind;
	m.sender = (char *)sender;
	m.rcpt = (char *)rcpt;
	m.message_id = mid;
	m.data = (char *)data;
	m.len = len;
	return store_outbox_enqueue(s, &m, now, NULL, err);
}

/* Record the outcome of one message. */
static enum nd_err
outbox_mark(struct store *s, const struct outbox_msg *m,
    const struct deliver_msg *dm, int64_t now, struct outbox_stats *st,
    struct nd_error *err)
{
	char why[DELIVER_REASON_MAX + 16];

	if (dm->outcome == DELIVER_OK) {
		st->sent++;
		return store_outbox_sent(s, m->id, now, err);
	}
	if (dm->code > 0)
		snprintf(why, sizeof(why), "%d %s", dm->code, dm->reason);
	else
		snprintf(why, sizeof(why), "%s", dm->reason);
	if (dm->outcome == DELIVER_PERMFAIL)
		st->failed++;
	else
		st->retry++;
	return store_outbox_failed(s, m->id, dm->outcome == DELIVER_PERMFAIL,
	    why, now, err);
}

/* Deliver one claimed batch and mark every message. */
static enum nd_err
outbox_send_batch(struct store *s, struct deliver *d,
    const struct outbox_list *l, int64_t now, struct outbox_stats *st,
    struct nd_error *err)
{
	struct deliver_msg *v = xcalloc(l->n, sizeof(*v));
	enum nd_err e;
	size_t i;

	for (i = 0; i < l->n; i++) {
		v[i].sender = l->v[i].sender;
		v[i].rcpt = l->v[i].rcpt;
		v[i].data = l->v[i].data;
		v[i].len = l->v[i].len;
	}
	/* an unusable backend: the rows stay claimed until the lease
	 * ends and are tried again then */
	if ((e = deliver_send(d, v, l->n, err)) != ND_OK)
		goto out;
	for (i = 0; i < l->n && e == ND_OK; i++)
		e = outbox_mark(s, &l->v[i], &v[i], now, st, err);
out:
	free(v);
	return e;
}

enum nd_err
outbox_deliver(struct store *s, struct deliver *d, int64_t now,
    struct outbox_stats *st, struct nd_error *err)
{
	struct outbox_stats none;
	struct outbox_list l;
	enum nd_err e = ND_OK;
	int round;

	if (st == NULL) {
		memset(&none, 0, sizeof(none));
		st = &none;
	}
	for (round = 0; round < OUTBOX_ROUNDS && e == ND_OK; round++) {
		memset(&l, 0, sizeof(l));
		e = store_outbox_claim(s, OUTBOX_BATCH, now,
		    STORE_OUTBOX_LEASE, &l, err);
		if (e == ND_OK && l.n > 0)
			e = outbox_send_batch(s, d, &l, now, st, err);
		if (l.n < OUTBOX_BATCH)
			round = OUTBOX_ROUNDS;
		outbox_list_release(&l);
	}
	return e;
}

enum nd_err
outbox_purge(struct store *s, int64_t now, long days, int64_t *n,
    struct nd_error *err)
{
	if (n)
		*n = 0;
	if (days < 1 || days > OUTBOX_PURGE_DAYS_MAX)
		return nd_error_set(err, ND_EINVAL, "outbox purge age '%ld' "
		    "is not 1..%d days", days, OUTBOX_PURGE_DAYS_MAX);
	return store_outbox_purge(s, now - (int64_t)days * 86400, n, err);
}
