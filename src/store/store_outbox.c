/* store_outbox.c - the store front for the outbox: checks arguments the
 * same way for every backend, then forwards through struct
 * store_backend. */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define STORE_OUTBOX_FIELD_MAX	998	/* one header line at most */

void
outbox_msg_release(struct outbox_msg *m)
{
	if (m == NULL)
		return;
	free(m->kind);
	free(m->sender);
	free(m->rcpt);
	free(m->message_id);
	free(m->data);
	free(m->last_error);
	memset(m, 0, sizeof(*m));
}

void
outbox_list_release(struct outbox_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		outbox_msg_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* A non-empty one-line value without controls, at most the maximum. */
static int
store_outbox_field_ok(const char *v)
{
	size_t i, n = v ? strlen(v) : 0;

	if (n == 0 || n > STORE_OUTBOX_FIELD_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return 0;
	return 1;
}

enum nd_err
store_outbox_enqueue(struct store *s, const struct outbox_msg *m,
    int64_t now, int64_t *id, struct nd_error *err)
{
	if (id)
		*id = 0;
	if (!store_outbox_field_ok(m->kind) ||
	    !store_outbox_field_ok(m->sender) ||
	    !store_outbox_field_ok(m->rcpt) ||
	    !store_outbox_field_ok(m->message_id))
		return nd_error_set(err, ND_EINVAL, "queued mail lacks a kind, "
		    "sender, recipient or message id, or one holds a "
		    "control character");
	if (m->data == NULL || m->len == 0)
		return nd_error_set(err, ND_EEMPTY, "queued mail to '%s' is "
		    "empty", m->rcpt);
	if (m->len > STORE_OUTBOX_MSG_MAX)
		return nd_error_set(err, ND_ELIMIT, "mail to '%s' has %zu "
		    "bytes, over the limit of %u", m->rcpt, m->len,
		    STORE_OUTBOX_MSG_MAX);
	return s->be->outbox_enqueue(s, m, now, id, err);
}

enum nd_err
store_outbox_claim(struct store *s, size_t limit, int64_t now,
    int64_t lease, struct outbox_list *out, struct nd_error *err)
{
	if (limit == 0 || limit > STORE_OUTBOX_LIST_MAX)
		return nd_error_set(err, ND_EINVAL, "claim of %zu mails is "
		    "not in 1..%d", limit, STORE_OUTBOX_LIST_MAX);
	if (lease <= 0)
		return nd_error_set(err, ND_EINVAL, "claim lease %lld is not "
		    "positive", (long long)lease);
	return s->be->outbox_claim(s, limit, now, lease, out, err);
}

enum nd_err
store_outbox_sent(struct store *s, int64_t id, int64_t now,
    struct nd_error *err)
{
	if (id <= 0)
		return nd_error_set(err, ND_EINVAL, "bad outbox id %lld",
		    (long long)id);
	return s->be->outbox_sent(s, id, now, err);
}

enum nd_err
store_outbox_failed(struct store *s, int64_t id, int permanent,
    const char *error, int64_t now, struct nd_error *err)
{
	if (id <= 0)
		return nd_error_set(err, ND_EINVAL, "bad outbox id %lld",
		    (long long)id);
	return s->be->outbox_failed(s, id, permanent != 0, error, now, err);
}

enum nd_err
store_outbox_list(struct store *s, int st, size_t limit, size_t offset,
    struct outbox_list *out, struct nd_error *err)
{
	if (st < -1 || st > OUTBOX_FAILED)
		return nd_error_set(err, ND_EINVAL, "bad outbox status %d",
		    st);
	if (limit == 0 || limit > STORE_OUTBOX_LIST_MAX)
		limit = STORE_OUTBOX_LIST_MAX;
	return s->be->outbox_list(s, st, limit, offset, out, err);
}

enum nd_err
store_outbox_count(struct store *s, int64_t now, struct outbox_counts *out,
    struct nd_error *err)
{
	return s->be->outbox_count(s, now, out, err);
}

enum nd_err
store_outbox_purge(struct store *s, int64_t before, int64_t *n,
    struct nd_error *err)
{
	int64_t dummy;

	if (before <= 0)
		return nd_error_set(err, ND_EINVAL, "outbox purge time %lld is "
		    "not positive", (long long)before);
	return s->be->outbox_purge(s, before, n ? n : &dummy, err);
}
