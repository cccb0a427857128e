/* follow.c - double opt-in following, unsubscribe and preference
 * tokens. Tokens carry the reader id, never the address. */
#include "mail/follow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mail/email.h"
#include "mail/notice.h"
#include "mail/outbox.h"
#include "mail/schedule.h"
#include "util/token.h"
#include "util/xalloc.h"

static enum nd_err
follow_rate(struct store *s, const char *kind, const char *who, int64_t now,
    int64_t max, struct nd_error *err)
{
	struct buf key = BUF_INIT;
	int64_t n = 0;
	enum nd_err e;

	buf_printf(&key, "follow-%s:%s", kind, who);
	e = store_rate_hit(s, key.ptr, now, 3600, &n, err);
	buf_release(&key);
	if (e == ND_OK && n > max)
		e = nd_error_set(err, ND_ELIMIT, "too many follow requests "
		    "from this %s; try again in an hour", kind);
	return e;
}

/* 1 when email names a confirmed reader. */
static int
follow_confirmed(struct store *s, const char *email)
{
	struct reader *r = NULL;
	struct nd_error err;
	int yes;

	if (store_reader_get(s, email, &r, &err) != ND_OK)
		return 0;
	yes = r->confirmed_at > 0;
	reader_release(r);
	free(r);
	return yes;
}

/* The reader (created unconfirmed when new) with o's settings. */
static enum nd_err
follow_reader(struct store *s, const struct follow_opts *o,
    const char *email, int64_t *id, struct nd_error *err)
{
	struct reader r;
	enum nd_err e;

	if (o->tz && !schedule_tz_valid(o->tz))
		return nd_error_set(err, ND_EINVAL, "unknown time zone '%s'",
		    o->tz);
	if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "de"))
		return nd_error_set(err, ND_EINVAL, "language '%s' is not "
		    "offered (en, de)", o->lang);
	memset(&r, 0, sizeof(r));
	r.email = (char *)email;
	r.hour = -1;
	/* a confirmed reader's settings change only through their own
	 * preferences: anyone can type their address into a follow box */
	if (!follow_confirmed(s, email)) {
		r.lang = (char *)o->lang;
		r.tz = (char *)o->tz;
		r.hour = o->hour;
	}
	e = store_reader_put(s, &r, o->now, err);
	*id = r.id;
	return e;
}

/* Every slug must name a topic; the first one's name for the mail. */
static enum nd_err
follow_topics(struct store *s, const struct strlist *topics,
    struct buf *data, char **first, struct nd_error *err)
{
	struct topic_list tl = {NULL, 0};
	enum nd_err e;
	size_t i, j;

	if (topics->n == 0)
		return nd_error_set(err, ND_EINVAL, "no topic to follow");
	if ((e = store_topic_list(s, &tl, err)) != ND_OK)
		return e;
	for (i = 0; i < topics->n && e == ND_OK; i++) {
		for (j = 0; j < tl.n; j++)
			if (strcmp(tl.v[j].slug, topics->v[i]) == 0)
				break;
		if (j == tl.n)
			e = nd_error_set(err, ND_EINVAL, "no topic '%s'",
			    topics->v[i]);
		else {
			if (*first == NULL)
				*first = xstrdup(tl.v[j].name);
			buf_printf(data, "%s%s", i ? " " : "|", topics->v[i]);
		}
	}
	topic_list_release(&tl);
	return e;
}

static enum nd_err
follow_mail(struct store *s, const struct follow_opts *o, const char *email,
    const char *data, const char *topic, struct nd_error *err)
{
	unsigned char key[STORE_SECRET_BYTES];
	struct buf link = BUF_INIT, msg = BUF_INIT;
	struct notice n;
	char *tok = NULL;
	enum nd_err e;

	if ((e = store_secret(s, key, err)) != ND_OK)
		return e;
	tok = token_sign(key, "confirm", data, o->now +
	    FOLLOW_CONFIRM_DAYS * 86400);
	if (tok == NULL)
		return nd_error_set(err, ND_ELIMIT, "too many topics at once");
	buf_printf(&link, "%s/confirm?t=%s", o->base_url, tok);
	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_CONFIRM;
	n.from = o->from;
	n.to = email;
	n.lang = o->lang;
	n.topic = topic;
	n.link = link.ptr;
	n.now = o->now;
	if ((e = notice_compose(&n, &msg, err)) == ND_OK)
		e = outbox_put(s, "confirm", o->from, email, msg.ptr, msg.len,
		    o->now, err);
	free(tok);
	buf_release(&link);
	buf_release(&msg);
	return e;
}

/* The reader row and its confirmation mail, stored together: inside
 * the caller's transaction. */
static enum nd_err
follow_store(struct store *s, const struct follow_opts *o, const char *addr,
    const struct strlist *topics, struct nd_error *err)
{
	struct buf data = BUF_INIT;
	char *first = NULL;
	int64_t id = 0;
	enum nd_err e;

	if ((e = follow_reader(s, o, addr, &id, err)) != ND_OK)
		goto out;
	buf_printf(&data, "%lld", (long long)id);
	if ((e = follow_topics(s, topics, &data, &first, err)) != ND_OK)
		goto out;
	e = follow_mail(s, o, addr, data.ptr, first, err);
out:
	free(first);
	buf_release(&data);
	return e;
}

enum nd_err
follow_request(struct store *s, const struct follow_opts *o, const char *email,
    const struct strlist *topics, struct nd_error *err)
{
	struct buf addr = BUF_INIT;
	enum nd_err e;

	if ((e = email_normalize(email, strlen(email), &addr, err)) != ND_OK)
		goto out;
	/* the rate hits count attempts, failed ones too: their own
	 * transactions, before the one of the request */
	if (o->ip && (e = follow_rate(s, "ip", o->ip, o->now,
	    FOLLOW_PER_IP_HOUR, err)) != ND_OK)
		goto out;
	if ((e = follow_rate(s, "address", addr.ptr, o->now,
	    FOLLOW_PER_ADDR_HOUR, err)) != ND_OK)
		goto out;
	if ((e = store_tx_begin(s, err)) != ND_OK)
		goto out;
	e = store_tx_end(s, follow_store(s, o, addr.ptr, topics, err), err);
out:
	buf_release(&addr);
	return e;
}

/* Verify tok for purpose; the leading decimal reader id of its data
 * into *id, the rest (after '|') into *rest (caller frees data). */
static enum nd_err
follow_token(struct store *s, const char *purpose, const char *tok,
    int64_t now, int64_t *id, char **data, struct nd_error *err)
{
	unsigned char key[STORE_SECRET_BYTES];
	char *end;
	long long v;
	enum nd_err e;

	*data = NULL;
	if (tok == NULL || strlen(tok) > TOKEN_MAX_LEN)
		return nd_error_set(err, ND_EINVAL, "malformed token");
	if ((e = store_secret(s, key, err)) != ND_OK ||
	    (e = token_verify(key, purpose, tok, now, data, err)) != ND_OK)
		return e;
	errno = 0;
	v = strtoll(*data, &end, 10);
	if (errno || v <= 0 || (*end != '\0' && *end != '|')) {
		free(*data);
		*data = NULL;
		return nd_error_set(err, ND_EINVAL, "malformed token");
	}
	*id = (int64_t)v;
	return ND_OK;
}

enum nd_err
follow_confirm(struct store *s, const char *token, int64_t now,
    int64_t *reader_id, struct nd_error *err)
{
	struct reader *r = NULL;
	char *data = NULL, *p, *q;
	enum nd_err e;

	if ((e = follow_token(s, "confirm", token, now, reader_id, &data,
	    err)) != ND_OK)
		return e;
	if ((e = store_reader_get_id(s, *reader_id, &r, err)) != ND_OK)
		goto out;
	strlist_release(&r->topics);
	p = strchr(data, '|');
	for (p = p ? p + 1 : NULL; p && *p; p = q) {
		q = strchr(p, ' ');
		strlist_pushn(&r->topics, p, q ? (size_t)(q - p) : strlen(p));
		q = q ? q + 1 : NULL;
	}
	r->confirmed_at = now;
	r->hour = -1;
	free(r->lang);
	free(r->tz);
	r->lang = r->tz = NULL;
	e = store_reader_put(s, r, now, err);
out:
	if (r)
		reader_release(r);
	free(r);
	free(data);
	return e;
}

enum nd_err
follow_unsubscribe(struct store *s, const char *token, int64_t now,
    struct nd_error *err)
{
	char *data = NULL;
	int64_t id;
	enum nd_err e;

	if ((e = follow_token(s, "unsubscribe", token, now, &id, &data,
	    err)) != ND_OK)
		return e;
	free(data);
	e = store_reader_rm(s, id, err);
	return e == ND_ENOTFOUND ? ND_OK : e;	/* twice is fine */
}

enum nd_err
follow_preferences_reader(struct store *s, const char *token, int64_t now,
    int64_t *reader_id, struct nd_error *err)
{
	char *data = NULL;
	enum nd_err e;

	e = follow_token(s, "preferences", token, now, reader_id, &data, err);
	free(data);
	return e;
}
