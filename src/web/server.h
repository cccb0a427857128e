/* server.h - the HTTP server (libmicrohttpd). One polling thread serves
 * every request, so the store it borrows is used from one thread only. */
#ifndef ND_SERVER_H
#define ND_SERVER_H

#include "store/store.h"
#include "util/err.h"

struct server;

/* Listen on listen ("HOST:PORT", "[v6]:PORT") and serve s, which the
 * server borrows until server_stop. */
enum nd_err server_start(const char *listen, struct store *s,
    struct server **out, struct nd_error *err);
/* Stop accepting, finish, free. NULL is a no-op. */
void server_stop(struct server *srv);

#endif
