/* http.h - one request and its response, as handlers see them.
 *
 * The server (server.c) fills a struct request after routing and
 * validation: handlers only read typed, checked values from it. They
 * write a struct response, which the server sends with the security
 * headers, cookies and conditional-GET handling. A request borrows
 * everything it points to for the duration of the handler call.
 */
#ifndef ND_HTTP_H
#define ND_HTTP_H

#include <stdint.h>

#include <jansson.h>

#include "store/store.h"
#include "util/buf.h"

#define HTTP_MAX_FIELDS	10
#define HTTP_BODY_MAX	(64u * 1024)	/* whole request body */
#define HTTP_PAGE_MAX	(8u << 20)	/* whole response body */

struct comments_policy;
struct form;
struct i18n;
struct route;

struct request {
	struct store *store;
	const struct i18n *ui;		/* UI language catalog */
	const struct route *route;
	const char *path;
	int post;			/* 1 for POST */
	int64_t id;			/* numeric path parameter, or 0 */
	const char *param;		/* text path parameter, or NULL */
	/* values of route->fields[i], validated; NULL when absent */
	const char *field[HTTP_MAX_FIELDS];
	int64_t num[HTTP_MAX_FIELDS];	/* FIELD_UINT values */
	const char *csrf;		/* token to put in every form */
	/* text to put as the comment form's token instead of a fresh
	 * comments_form_token() (the page cache's marker), or NULL */
	const char *form_token;
	const char *base;		/* public URL of the site, no '/' */
	int64_t now;			/* UTC seconds */
	const char *ip;			/* client address as text, or NULL */
	int want_json;			/* Accept names application/json */
	const unsigned char *key;	/* store secret (STORE_SECRET_BYTES) */
	const struct comments_policy *comments;	/* posting policy */
	int64_t reader;			/* signed-in reader (session.h), 0 */
	/* 1 when the site sends reader mail: the handlers render it and
	 * queue it in the store's outbox (mail/outbox.h) with this sender
	 * address; they never talk to a relay. After queuing they call
	 * request_mail_queued() so that a deliverer in this process
	 * (mail_queued, may be NULL) can send it at once. */
	int mail;
	const char *mail_from;
	void (*mail_queued)(void *arg);
	void *mail_queued_arg;
	/* The whole checked form, for a field that repeats (the topic
	 * checkboxes of /preferences); a handler validates each value it
	 * reads from here with form_field_check(). */
	const struct form *form;
};

struct response {
	unsigned status;
	const char *content_type;	/* static string */
	struct buf body;
	char *location;			/* redirect target, owned, or NULL */
	int64_t last_modified;		/* UTC seconds, 0: none */
	int etag;			/* send an ETag of the body, allow 304 */
	char *session;			/* session token to set, owned, or NULL */
	int session_clear;		/* 1: sign out (clear the cookie) */
};

/* Send j (stolen) as the application/json body of r, one line, dumped
 * with the jansson flags given (JSON_COMPACT, maybe JSON_ENSURE_ASCII). */
void response_json(struct response *r, json_t *j, size_t flags);

/* Tell the deliverer of this process that a mail was queued. */
void request_mail_queued(const struct request *rq);

void response_init(struct response *r);
void response_release(struct response *r);
/* Turn r into a redirect (303 See Other) to a site path. */
void response_redirect(struct response *r, const char *path);
/* Sign reader in (set the session cookie with this response), or out
 * when reader is 0. */
void response_session(struct response *r, const unsigned char *key,
    int64_t reader, int64_t now);

#endif
