/* deliver.h - handing composed messages to a mailbox or a relay.
 *
 * A front (deliver.c) picks a backend by the spec: "maildir:DIR"
 * (deliver_maildir.c, the embedded default "maildir:var/mail") or
 * "smtp://HOST:PORT" / "smtps://..." (deliver_smtp.c, libcurl), with
 * user and password in the URL or in $NEWSDESK_SMTP_USER and
 * $NEWSDESK_SMTP_PASSWORD. Messages go in batches: the backend fills in
 * each message's outcome, so the caller records what happened to every
 * one of them.
 */
#ifndef ND_DELIVER_H
#define ND_DELIVER_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define DELIVER_DEFAULT		"maildir:var/mail"
#define DELIVER_REASON_MAX	256

enum deliver_outcome {
	DELIVER_OK,		/* accepted by the relay / stored */
	DELIVER_TEMPFAIL,	/* 4xx or no connection: try again later */
	DELIVER_PERMFAIL,	/* 5xx: the relay refused for good */
};

struct deliver_msg {
	const char *sender;	/* envelope MAIL FROM (borrowed) */
	const char *rcpt;	/* envelope RCPT TO (borrowed) */
	const char *data;	/* the message, LF line ends (borrowed) */
	size_t len;
	/* out: */
	enum deliver_outcome outcome;
	int code;		/* SMTP reply code, 0 when none */
	char reason[DELIVER_REASON_MAX];	/* one line, for the log/store */
};

struct deliver_opts {
	int connections;	/* parallel SMTP connections (default 2) */
	double rate;		/* messages per second, 0: no limit */
	int require_tls;	/* 1: STARTTLS must succeed (CURLUSESSL_ALL) */
	long timeout;		/* seconds per message (default 60) */
};

struct deliver;

/* Open the backend named by spec (NULL: DELIVER_DEFAULT). o may be
 * NULL for defaults. Fails with a message naming the spec. */
enum nd_err deliver_open(const char *spec, const struct deliver_opts *o,
    struct deliver **out, struct nd_error *err);
/* Send v[0..n); every message's outcome is filled in. Returns an error
 * only when the backend itself is unusable (then nothing is known). */
enum nd_err deliver_send(struct deliver *d, struct deliver_msg *v, size_t n,
    struct nd_error *err);
void deliver_close(struct deliver *d);

/* The backend table. */
struct deliver_backend {
	const char *prefix;	/* "maildir:", "smtp://" */
	enum nd_err (*open)(struct deliver *d, const char *spec,
	    struct nd_error *err);
	enum nd_err (*send)(struct deliver *d, struct deliver_msg *v,
	    size_t n, struct nd_error *err);
	void (*close)(struct deliver *d);
};

struct deliver {
	const struct deliver_backend *be;
	struct deliver_opts opts;
	void *priv;
};

extern const struct deliver_backend deliver_backend_maildir;
extern const struct deliver_backend deliver_backend_smtp;

#endif
