/* server.h - the HTTP server (libmicrohttpd). A pool of threads (one
 * per core) serves the requests; each request runs on a worker with its
 * own store connection, opened on the DSN of the store the server
 * borrows (a ":memory:" store cannot be opened twice: then one thread
 * serves everything on the borrowed connection). Anonymous GET answers
 * are cached (cache.h) until the store's data changes.
 */
#ifndef ND_SERVER_H
#define ND_SERVER_H

#include "comments/comments.h"
#include "store/store.h"

#include "util/err.h"

struct server;

struct server_config {
	const char *listen;	/* "HOST:PORT", "[v6]:PORT" */
	const char *base_url;	/* public URL for links and feeds, or NULL:
				 * "http://" + listen */
	const char *po_dir;	/* folder with LANG.po files, or NULL: "po" */
	int trust_proxy;	/* take the client address from the last
				 * X-Forwarded-For entry (behind a proxy) */
	struct comments_policy comments;	/* for posted comments */
	int mail;			/* send reader mail (sign-in,
					 * confirmations, comment notices)
					 * through the store's outbox */
	const char *mail_from;		/* sender address of that mail */
	/* called (from a request thread) after a mail was queued, to wake
	 * the deliverer; may be NULL */
	void (*mail_queued)(void *arg);
	void *mail_queued_arg;
};

/* Listen and serve s, which the server borrows until server_stop. Loads
 * the translations and the store's secret first; fails naming what
 * could not be had. */
enum nd_err server_start(const struct server_config *cfg, struct store *s,
    struct server **out, struct nd_error *err);
/* Stop accepting, finish, free. NULL is a no-op. */
void server_stop(struct server *srv);

#endif
