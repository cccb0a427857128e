/* server.c - libmicrohttpd daemon, routing and security headers. */
#include "web/server.h"

#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "util/xalloc.h"
#include "web/page.h"

#define SERVER_MAX_URL		2048
#define SERVER_CONN_LIMIT	512
#define SERVER_CONN_TIMEOUT	30

struct server {
	struct MHD_Daemon *daemon;
	struct store *store;
};

static const char server_csp[] =
    "default-src 'none'; style-src 'self'; img-src 'self' https: data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/* "/articles/123" or "/articles/123-some-slug" -> 123; 0 if not. */
static int64_t
server_article_id(const char *url)
{
	const char *p = url + strlen("/articles/");
	int64_t id = 0;

	if (strncmp(url, "/articles/", 10) != 0 || *p < '1' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (id > (INT64_MAX - 9) / 10)
			return 0;
		id = id * 10 + (*p - '0');
	}
	return *p == '\0' || *p == '-' ? id : 0;
}

static void
server_health(struct store *s, struct page_response *r)
{
	struct nd_error err;

	r->content_type = "text/plain; charset=utf-8";
	if (store_ping(s, &err) == ND_OK) {
		buf_puts(&r->body, "ok\n");
		return;
	}
	r->status = 503;
	buf_puts(&r->body, "store unavailable\n");
}

static void
server_route(struct server *srv, const char *url, struct page_response *r)
{
	int64_t id;

	if (strcmp(url, "/") == 0)
		page_home(srv->store, r);
	else if (strcmp(url, "/healthz") == 0)
		server_health(srv->store, r);
	else if (strcmp(url, "/site.css") == 0)
		page_css(r);
	else if ((id = server_article_id(url)) > 0)
		page_article(srv->store, id, r);
	else
		page_error(r, 404, "Page not found");
}

static enum MHD_Result
server_send(struct MHD_Connection *c, struct page_response *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len;
	char *body = buf_detach(&r->body, &len);

	/* for HEAD, MHD sends the headers of this response without the body */
	resp = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", r->content_type);
	MHD_add_response_header(resp, "Content-Security-Policy", server_csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy",
	    "strict-origin-when-cross-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	ret = MHD_queue_response(c, r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Only GET and HEAD exist so far: anything else is answered on the first
 * call, before MHD reads a request body, and the body is never read. */
static enum MHD_Result
server_handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct page_response r;
	enum MHD_Result ret;
	int first = *state == NULL;

	(void)version;
	(void)upload;
	*state = c;
	page_response_init(&r);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		page_error(&r, 405, "Method not allowed");
	else if (first) {
		page_response_release(&r);
		return MHD_YES;		/* headers only; wait for the end */
	} else if (*upload_size != 0) {
		*upload_size = 0;	/* a GET with a body: ignore it */
		page_response_release(&r);
		return MHD_YES;
	} else if (strlen(url) > SERVER_MAX_URL)
		page_error(&r, 414, "Address too long");
	else
		server_route(cls, url, &r);
	ret = server_send(c, &r);
	page_response_release(&r);
	return ret;
}

/* Split "HOST:PORT" / "[V6]:PORT" and resolve it. */
static enum nd_err
server_resolve(const char *listen, struct addrinfo **ai,
    struct nd_error *err)
{
	struct addrinfo hints;
	const char *colon = strrchr(listen, ':');
	char *host;
	int rc;

	if (colon == NULL || colon[1] == '\0')
		return nd_error_set(err, ND_EINVAL, "listen address '%s' is "
		    "not HOST:PORT", listen);
	host = xstrndup(listen, (size_t)(colon - listen));
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	rc = getaddrinfo(host, colon + 1, &hints, ai);
	free(host);
	if (rc != 0)
		return nd_error_set(err, ND_EINVAL, "cannot resolve listen "
		    "address '%s': %s", listen, gai_strerror(rc));
	return ND_OK;
}

enum nd_err
server_start(const char *listen, struct store *s, struct server **out,
    struct nd_error *err)
{
	struct addrinfo *ai = NULL;
	struct server *srv;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	enum nd_err rc;

	if ((rc = server_resolve(listen, &ai, err)) != ND_OK)
		return rc;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	srv = xcalloc(1, sizeof(*srv));
	srv->store = s;
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, server_handle,
	    srv, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVER_CONN_LIMIT,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVER_CONN_TIMEOUT,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_END);
	freeaddrinfo(ai);
	if (srv->daemon == NULL) {
		free(srv);
		return nd_error_set(err, ND_ENET, "cannot listen on '%s': %s",
		    listen, errno ? strerror(errno) : "address in use?");
	}
	*out = srv;
	return ND_OK;
}

void
server_stop(struct server *srv)
{
	if (srv == NULL)
		return;
	MHD_stop_daemon(srv->daemon);
	free(srv);
}
