/* server.c - libmicrohttpd glue: bounded request reading, routing,
 * field validation, CSRF, language choice, security headers, cookies
 * and conditional GET. Pages are in page_*.c; the route table in
 * router.c.
 *
 * A pool of libmicrohttpd threads (one per core) serves the
 * connections. Each request takes a worker from a pool of as many,
 * made at start: its own store connection (SQLite in WAL mode: readers
 * run side by side) and its own catalogs (ICU formatters are not
 * thread-safe). POST handlers, the only writers and mail senders, run
 * one at a time (post_lock). Anonymous GET answers come from the page
 * cache (cache.h) when they can; a worker asks its connection for the
 * store's data version at most every millisecond and after each POST,
 * and empties the cache when it moved.
 */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "util/timeutil.h"
#include "util/xalloc.h"
#include "web/cache.h"
#include "web/csrf.h"
#include "web/html.h"
#include "web/session.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/pages.h"
#include "web/router.h"

#define SERVER_MAX_PATH		1024
#define SERVER_MAX_QUERY	2048
#define SERVER_CONN_LIMIT	512
#define SERVER_CONN_TIMEOUT	30
#define SERVER_LANGS		2
#define SERVER_THREADS_MAX	16
#define SERVER_CACHE_BYTES	(64u << 20)
#define SERVER_CACHE_ENTRIES	4096u
#define SERVER_MARKER_BYTES	16	/* random bytes, hex in a marker */
#define SERVER_FRESH_NS		1000000	/* look for changes every 1 ms */

/* What one request at a time uses: taken from the server's pool for
 * the request and given back after, so a thread never shares it. */
struct server_worker {
	struct store *store;	/* own connection, or the server's when
				 * it cannot be opened twice (":memory:") */
	struct i18n *ui[SERVER_LANGS];	/* en, de */
	int64_t seen;		/* store_data_version when last looked */
	int64_t checked;	/* server_clock_ns() then */
	struct server_worker *next;	/* all workers */
	struct server_worker *idle;	/* next in the pool */
};

struct server {
	struct MHD_Daemon *daemon;
	struct store *store;
	unsigned char key[TOKEN_KEY_BYTES];
	char *po_dir;
	pthread_mutex_t lock;		/* the pool */
	pthread_cond_t given;		/* a worker came back */
	struct server_worker *idle;	/* the pool: workers not in use */
	pthread_mutex_t post_lock;	/* one POST handler at a time */
	struct server_worker *workers;
	int own_conns;			/* workers open their connection */
	unsigned threads;
	struct cache *cache;
	char marker[CACHE_MARKERS][2 * SERVER_MARKER_BYTES + 8];
	char *base;
	int trust_proxy;
	struct comments_policy comments;
	int mail;
	const char *mail_from;
	void (*mail_queued)(void *arg);
	void *mail_queued_arg;
};

/* Per connection: the request body read so far. */
struct server_conn {
	struct buf body;
	int over;		/* body passed HTTP_BODY_MAX */
	int answered;		/* a response was queued early */
};

/* The cache's markers: where the CSRF token and the comment form token
 * go in a cached page. */
enum server_mark { MARK_CSRF, MARK_FORM };

/* What server_send adds besides the response itself. */
struct server_extra {
	char *csrf_cookie;	/* fresh token to set, owned */
	const char *lang_cookie;
	const char *allow;	/* for 405 */
	int secure;
	const char *cache;	/* X-Cache: "hit", "miss" or NULL */
	char etag[36];		/* precomputed ETag (cached pages), or "" */
};

static const char server_csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' https: data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; "
    "frame-ancestors 'none'";

static void
server_cookie(struct MHD_Response *resp, const char *name, const char *v,
    int max_age, int http_only, int secure)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s=%s; Path=/; Max-Age=%d; SameSite=Lax%s%s", name, v,
	    max_age, http_only ? "; HttpOnly" : "", secure ? "; Secure" : "");
	MHD_add_response_header(resp, "Set-Cookie", b.ptr);
	buf_release(&b);
}

static void
server_http_date(int64_t t, char out[40])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	if (strftime(out, 40, "%a, %d %b %Y %H:%M:%S GMT", &tm) == 0)
		out[0] = '\0';
}

/* "ETAG" of the body: a quoted BLAKE2b digest. */
static void
server_etag(const struct buf *body, char out[36])
{
	unsigned char h[16];

	crypto_generichash(h, sizeof(h), (const unsigned char *)body->ptr,
	    body->len, NULL, 0);
	out[0] = '"';
	sodium_bin2hex(out + 1, 33, h, sizeof(h));
	out[33] = '"';
	out[34] = '\0';
}

/* 1 when the client's validators say its copy is current. */
static int
server_not_modified(struct MHD_Connection *c, const char *etag,
    int64_t last_modified)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "If-None-Match");
	const char *ims = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "If-Modified-Since");
	int64_t t;
	int has_time;

	if (inm != NULL)
		return strstr(inm, etag) != NULL || strcmp(inm, "*") == 0;
	if (ims == NULL || last_modified == 0 || strlen(ims) > 64)
		return 0;
	if (time_parse_rfc822(ims, strlen(ims), &t, &has_time) != ND_OK)
		return 0;
	return last_modified <= t;
}

static void
server_headers(struct MHD_Response *resp, const struct response *r,
    const struct server_extra *x)
{
	MHD_add_response_header(resp, "Content-Type", r->content_type);
	MHD_add_response_header(resp, "Content-Security-Policy", server_csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy",
	    "strict-origin-when-cross-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", "no-cache");
	MHD_add_response_header(resp, "Vary", "Accept-Language, Cookie");
	if (r->location)
		MHD_add_response_header(resp, "Location", r->location);
	if (x->allow)
		MHD_add_response_header(resp, "Allow", x->allow);
	if (x->csrf_cookie)
		server_cookie(resp, CSRF_COOKIE, x->csrf_cookie, CSRF_TTL, 1,
		    x->secure);
	if (x->cache)
		MHD_add_response_header(resp, "X-Cache", x->cache);
	if (x->lang_cookie)
		server_cookie(resp, "lang", x->lang_cookie, 365 * 24 * 3600,
		    0, x->secure);
	if (r->session)
		server_cookie(resp, SESSION_COOKIE, r->session, SESSION_TTL, 1,
		    x->secure);
	else if (r->session_clear)
		server_cookie(resp, SESSION_COOKIE, "", 0, 1, x->secure);
}

static enum MHD_Result
server_send(struct MHD_Connection *c, struct response *r,
    const struct server_extra *x)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char etag[36], date[40];
	unsigned status = r->status;
	size_t len;
	char *body;

	etag[0] = '\0';
	if (r->etag && status == 200) {
		if (x->etag[0])
			memcpy(etag, x->etag, sizeof(etag));
		else
			server_etag(&r->body, etag);
		if (server_not_modified(c, etag, r->last_modified)) {
			status = 304;
			buf_clear(&r->body);
		}
	}
	body = buf_detach(&r->body, &len);
	/* for HEAD, MHD sends the headers of this response without the body */
	resp = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	server_headers(resp, r, x);
	if (etag[0])
		MHD_add_response_header(resp, "ETag", etag);
	if (r->last_modified > 0 && r->etag) {
		server_http_date(r->last_modified, date);
		MHD_add_response_header(resp, "Last-Modified", date);
	}
	ret = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

struct server_query {
	struct form *f;
	size_t total;
	int bad;		/* 1: malformed, 2: too long */
};

static enum MHD_Result
server_query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    size_t key_size, const char *value, size_t value_size)
{
	struct server_query *q = cls;

	(void)kind;
	q->total += key_size + value_size + 2;
	if (q->total > SERVER_MAX_QUERY) {
		q->bad = 2;
		return MHD_NO;
	}
	if (form_add(q->f, key, key_size, value ? value : "",
	    value ? value_size : 0, NULL) != ND_OK) {
		q->bad = 1;
		return MHD_NO;
	}
	return MHD_YES;
}

/* The request's query pairs into f; 0, 400 or 414. */
static unsigned
server_query(struct MHD_Connection *c, struct form *f)
{
	struct server_query q = {f, 0, 0};

	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND,
	    server_query_arg, &q);
	return q.bad == 2 ? 414 : q.bad ? 400 : 0;
}

/* Choose the UI language; remember an explicit ?lang= in a cookie. */
static void
server_lang(const struct server_worker *w, struct MHD_Connection *c,
    const struct form *query, struct request *rq, struct server_extra *x)
{
	const char *ql = form_get(query, "lang");
	const char *lang = i18n_negotiate(ql,
	    MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "lang"),
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Accept-Language"));

	rq->ui = w->ui[strcmp(lang, "de") == 0];
	if (ql && strcmp(ql, lang) == 0)
		x->lang_cookie = lang;
}

/* A ROUTE_TOKEN POST (RFC 8058 one-click): the signed token in the
 * query authenticates it, so the query's pairs join the body's (body
 * first) and any content type is taken, the body read only when it is
 * a form. 0 or an error status. */
static unsigned
server_post_token(struct server_conn *sc, const char *ct, const struct form *query, struct form *f)
{
	size_t i;

	if (ct != NULL && strncmp(ct, "application/x-www-form-urlencoded",
	    33) == 0 && form_parse(f, sc->body.ptr, sc->body.len, NULL) !=
	    ND_OK)
		return 400;
	for (i = 0; i < query->n; i++)
		if (form_add(f, query->v[i].name, strlen(query->v[i].name),
		    query->v[i].value, strlen(query->v[i].value), NULL) !=
		    ND_OK)
			return 400;
	return 0;
}

/* POST: form body, content type and CSRF. 0 or an error status. */
static unsigned
server_post(struct server *srv, struct MHD_Connection *c,
    struct server_conn *sc, const struct route *rt, const struct form *query,
    struct form *f, int64_t now)
{
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Type");

	if (sc->over)
		return 413;
	if (rt->methods & ROUTE_TOKEN)
		return server_post_token(sc, ct, query, f);
	if (ct == NULL || strncmp(ct, "application/x-www-form-urlencoded",
	    33) != 0)
		return 415;
	if (form_parse(f, sc->body.ptr, sc->body.len, NULL) != ND_OK)
		return 400;
	if (!csrf_check(srv->key, MHD_lookup_connection_value(c,
	    MHD_COOKIE_KIND, CSRF_COOKIE), form_get(f, CSRF_FIELD), now))
		return 403;
	return 0;
}

static const char *
server_status_msg(unsigned status)
{
	switch (status) {
	case 400: return "Bad request";
	case 403: return "This form has expired. Go back, reload the page "
	    "and try again.";
	case 404: return "Page not found";
	case 405: return "Method not allowed";
	case 413: return "Request too large";
	case 414: return "Address too long";
	case 415: return "Unsupported form encoding";
	default: return "Server error";
	}
}

/* The client's address as text into out: the socket peer, or with
 * trust_proxy the last X-Forwarded-For entry when it is an IP address
 * (the one our proxy added). Empty when unknown. */
static void
server_client_ip(const struct server *srv, struct MHD_Connection *c,
    char out[INET6_ADDRSTRLEN])
{
	const union MHD_ConnectionInfo *ci;
	const char *xff, *last;
	unsigned char tmp[sizeof(struct in6_addr)];
	char one[INET6_ADDRSTRLEN];
	size_t n;

	out[0] = '\0';
	xff = srv->trust_proxy ? MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, "X-Forwarded-For") : NULL;
	if (xff != NULL && strlen(xff) <= SERVER_MAX_QUERY) {
		last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		last += strspn(last, " \t");
		n = strcspn(last, " \t");
		if (n > 0 && n < sizeof(one)) {
			memcpy(one, last, n);
			one[n] = '\0';
			if (inet_pton(AF_INET, one, tmp) == 1 ||
			    inet_pton(AF_INET6, one, tmp) == 1) {
				memcpy(out, one, n + 1);
				return;
			}
		}
	}
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || ci->client_addr == NULL)
		return;
	if (getnameinfo(ci->client_addr, ci->client_addr->sa_family ==
	    AF_INET6 ? sizeof(struct sockaddr_in6) :
	    sizeof(struct sockaddr_in), out, INET6_ADDRSTRLEN, NULL, 0,
	    NI_NUMERICHOST) != 0)
		out[0] = '\0';
}

static void
server_worker_free(struct server *srv, struct server_worker *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < SERVER_LANGS; i++)
		i18n_free(w->ui[i]);
	if (w->store != srv->store)
		store_close(w->store);
	free(w);
}

/* A worker with its own connection and catalogs (not yet listed). */
static enum nd_err
server_worker_new(struct server *srv, struct server_worker **out,
    struct nd_error *err)
{
	struct server_worker *w = xcalloc(1, sizeof(*w));
	struct buf po = BUF_INIT;
	enum nd_err e;

	*out = NULL;
	w->store = srv->store;
	if (srv->own_conns &&
	    (e = store_open(store_dsn(srv->store), &w->store, err)) != ND_OK)
		goto out;
	if ((e = i18n_new("en", NULL, &w->ui[0], err)) != ND_OK)
		goto out;
	buf_printf(&po, "%s/de.po", srv->po_dir);
	if ((e = i18n_new("de", po.ptr, &w->ui[1], err)) != ND_OK)
		goto out;
	if ((e = store_data_version(w->store, &w->seen, err)) != ND_OK)
		goto out;
	*out = w;
out:
	buf_release(&po);
	if (e != ND_OK)
		server_worker_free(srv, w);
	return e;
}

/* The pool: as many workers as threads, made before serving. */
static enum nd_err
server_workers_start(struct server *srv, struct nd_error *err)
{
	struct server_worker *w;
	unsigned i;
	enum nd_err e;

	for (i = 0; i < srv->threads; i++) {
		if ((e = server_worker_new(srv, &w, err)) != ND_OK)
			return e;
		w->next = srv->workers;
		srv->workers = w;
		w->idle = srv->idle;
		srv->idle = w;
	}
	return ND_OK;
}

/* A worker for one request; give it back with server_worker_give. */
static struct server_worker *
server_worker_take(struct server *srv)
{
	struct server_worker *w;

	pthread_mutex_lock(&srv->lock);
	while (srv->idle == NULL)
		pthread_cond_wait(&srv->given, &srv->lock);
	w = srv->idle;
	srv->idle = w->idle;
	pthread_mutex_unlock(&srv->lock);
	return w;
}

static void
server_worker_give(struct server *srv, struct server_worker *w)
{
	pthread_mutex_lock(&srv->lock);
	w->idle = srv->idle;
	srv->idle = w;
	pthread_cond_signal(&srv->given);
	pthread_mutex_unlock(&srv->lock);
}

static int64_t
server_clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Empty the page cache when the store changed since this worker last
 * looked (any process, any connection, this one included). It looks at
 * most every SERVER_FRESH_NS (a read transaction is three system calls:
 * at 50,000 requests/s they cost more than the rest of a cache hit),
 * and always with force (after a POST: this process's own writes show
 * on the next request, whatever the clock). */
static void
server_fresh(struct server *srv, struct server_worker *w, int force)
{
	int64_t v = 0, now = server_clock_ns();

	if (!force && now - w->checked < SERVER_FRESH_NS)
		return;
	w->checked = now;
	if (store_data_version(w->store, &v, NULL) != ND_OK || v != w->seen) {
		w->seen = v;
		cache_invalidate(srv->cache);
	}
}

/* Random per-process markers, so that no stored text can hold one. */
static void
server_markers(struct server *srv)
{
	unsigned char r[SERVER_MARKER_BYTES];
	const char *m[CACHE_MARKERS];
	size_t i;

	for (i = 0; i < CACHE_MARKERS; i++) {
		randombytes_buf(r, sizeof(r));
		memcpy(srv->marker[i], "ndmk", 4);
		sodium_bin2hex(srv->marker[i] + 4, sizeof(srv->marker[i]) - 4,
		    r, sizeof(r));
		m[i] = srv->marker[i];
	}
	srv->cache = cache_new(SERVER_CACHE_BYTES, SERVER_CACHE_ENTRIES, m);
}

static struct server *
server_new(struct store *s)
{
	struct server *srv = xcalloc(1, sizeof(*srv));
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	srv->store = s;
	pthread_cond_init(&srv->given, NULL);
	pthread_mutex_init(&srv->lock, NULL);
	pthread_mutex_init(&srv->post_lock, NULL);
	srv->own_conns = strcmp(store_dsn(s), ":memory:") != 0;
	srv->threads = n < 1 ? 1 : n > SERVER_THREADS_MAX ?
	    SERVER_THREADS_MAX : (unsigned)n;
	if (!srv->own_conns)
		srv->threads = 1;
	return srv;
}

/* 1 when the client asks for JSON (the comment form's fetch()). */
static int
server_wants_json(struct MHD_Connection *c)
{
	const char *acc = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Accept");

	return acc != NULL && strlen(acc) <= 1024 &&
	    strstr(acc, "application/json") != NULL;
}

struct server_req {
	struct server *srv;
	struct server_worker *w;
	struct MHD_Connection *c;
	struct server_conn *sc;
	const char *method, *url;
};

/* 1 when the answer may come from (and go to) the page cache: an
 * anonymous GET or HEAD of anything but the health check. A request
 * with a session cookie is never served a cached page, valid or not. */
static int
server_cacheable(const struct server_req *sr, const struct request *rq)
{
	return !rq->post && rq->reader == 0 &&
	    rq->route->handler != page_health &&
	    MHD_lookup_connection_value(sr->c, MHD_COOKIE_KIND,
	    SESSION_COOKIE) == NULL;
}

/* Everything a cached page depends on: path, UI language, JSON or not,
 * and the route's checked fields, the only query values a handler sees
 * (so unknown parameters cannot fill the cache with copies). Values are
 * NUL-terminated: none holds a NUL. */
static void
server_key(const struct request *rq, struct buf *key)
{
	size_t i;

	buf_put(key, rq->path, strlen(rq->path) + 1);
	buf_put(key, i18n_lang(rq->ui), strlen(i18n_lang(rq->ui)) + 1);
	buf_putc(key, rq->want_json ? 'j' : 'h');
	for (i = 0; i < HTTP_MAX_FIELDS && rq->route->fields[i].name; i++) {
		buf_putc(key, rq->field[i] ? '=' : '-');
		if (rq->field[i])
			buf_put(key, rq->field[i], strlen(rq->field[i]) + 1);
	}
}

/* This request's values for the markers, escaped for an attribute. */
static void
server_fills(const struct request *rq, struct buf fill[CACHE_MARKERS])
{
	char *tok;

	html_attr(&fill[MARK_CSRF], rq->csrf ? rq->csrf : "");
	if (rq->id == 0 || rq->key == NULL)
		return;
	tok = comments_form_token(rq->key, rq->id, rq->now,
	    rq->comments->form_max_age);
	html_attr(&fill[MARK_FORM], tok ? tok : "");
	free(tok);
}

/* ETag of a cached page as sent: its template's hash and the fills. */
static void
server_etag_fill(const struct cache_meta *m, const char *const fills[],
    char out[36])
{
	crypto_generichash_state st;
	unsigned char h[16];
	size_t i;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, m->hash, sizeof(m->hash));
	for (i = 0; i < CACHE_MARKERS; i++)
		if (m->used & (1u << i))
			crypto_generichash_update(&st,
			    (const unsigned char *)fills[i],
			    strlen(fills[i]) + 1);
	crypto_generichash_final(&st, h, sizeof(h));
	out[0] = '"';
	sodium_bin2hex(out + 1, 33, h, sizeof(h));
	out[33] = '"';
	out[34] = '\0';
}

/* Render with markers in place of the per-reader tokens, store the
 * template when it is a plain page, and fill it into r->body. */
static void
server_render_template(struct server_req *sr, struct request *rq,
    const struct buf *key, const char *const fills[], struct response *r,
    struct server_extra *x)
{
	struct cache *cache = sr->srv->cache;
	uint64_t gen = cache_generation(cache);
	const char *csrf = rq->csrf;
	struct cache_meta m;
	size_t len;
	char *tpl;

	rq->csrf = sr->srv->marker[MARK_CSRF];
	rq->form_token = sr->srv->marker[MARK_FORM];
	rq->route->handler(rq, r);
	rq->csrf = csrf;
	rq->form_token = NULL;
	tpl = buf_detach(&r->body, &len);
	memset(&m, 0, sizeof(m));
	m.status = r->status;
	m.content_type = r->content_type;
	m.last_modified = r->last_modified;
	m.etag = r->etag;
	if (r->status == 200 && r->location == NULL && r->session == NULL &&
	    !r->session_clear) {
		cache_put(cache, key->ptr, key->len, gen, tpl, len, &m);
		server_etag_fill(&m, fills, x->etag);
	}
	if (cache_fill(cache, tpl, len, fills, &r->body) != ND_OK) {
		buf_clear(&r->body);
		r->status = 500;
		x->etag[0] = '\0';
	}
	free(tpl);
}

/* Run the route's handler, through the page cache when allowed. */
static void
server_run(struct server_req *sr, struct request *rq, struct response *r,
    struct server_extra *x)
{
	struct buf key = BUF_INIT, fill[CACHE_MARKERS] = {BUF_INIT, BUF_INIT};
	const char *fills[CACHE_MARKERS];
	struct cache_meta m;

	if (rq->post) {
		pthread_mutex_lock(&sr->srv->post_lock);
		rq->route->handler(rq, r);
		pthread_mutex_unlock(&sr->srv->post_lock);
		server_fresh(sr->srv, sr->w, 1);
		return;
	}
	if (!server_cacheable(sr, rq)) {
		rq->route->handler(rq, r);
		return;
	}
	server_key(rq, &key);
	server_fills(rq, fill);
	fills[MARK_CSRF] = fill[MARK_CSRF].ptr;
	fills[MARK_FORM] = fill[MARK_FORM].ptr;
	x->cache = "miss";
	if (cache_get(sr->srv->cache, key.ptr, key.len, fills, &r->body, &m)) {
		r->status = m.status;
		r->content_type = m.content_type;
		r->last_modified = m.last_modified;
		r->etag = m.etag;
		server_etag_fill(&m, fills, x->etag);
		x->cache = "hit";
	} else {
		buf_clear(&r->body);
		server_render_template(sr, rq, &key, fills, r, x);
	}
	buf_release(&key);
	buf_release(&fill[0]);
	buf_release(&fill[1]);
}

/* Route, validate and run the handler; errors become short pages. */
static void
server_dispatch(struct server_req *sr, struct request *rq,
    struct response *r, struct server_extra *x)
{
	struct form query, body;
	char slug[ROUTE_SLUG_MAX + 1];
	enum route_match m;
	unsigned status;
	int fresh = 0;

	form_init(&query);
	form_init(&body);
	status = strlen(sr->url) > SERVER_MAX_PATH ? 414 :
	    server_query(sr->c, &query);
	server_lang(sr->w, sr->c, &query, rq, x);
	if (status != 0)
		goto out;
	m = router_match(sr->method, sr->url, &rq->route, &rq->id, slug);
	status = m == ROUTE_NOT_FOUND ? 404 : m == ROUTE_BAD_METHOD ? 405 : 0;
	if (m == ROUTE_BAD_METHOD)
		x->allow = router_allow(sr->url);
	if (status == 0 && rq->post)
		status = server_post(sr->srv, sr->c, sr->sc, rq->route, &query,
		    &body, rq->now);
	if (status == 0 && form_check(rq->post ? &body : &query,
	    rq->route->fields, HTTP_MAX_FIELDS, rq->field, rq->num, NULL))
		status = 400;
	if (status != 0)
		goto out;
	rq->param = slug[0] ? slug : NULL;
	rq->form = rq->post ? &body : &query;
	x->csrf_cookie = csrf_token(sr->srv->key, MHD_lookup_connection_value(
	    sr->c, MHD_COOKIE_KIND, CSRF_COOKIE), rq->now, &fresh);
	rq->csrf = x->csrf_cookie;
	server_run(sr, rq, r, x);
	if (!fresh || strncmp(r->content_type, "text/html", 9) != 0)
		rq->csrf = NULL;
out:
	if (status != 0)
		page_error(rq, r, status, server_status_msg(status));
	form_release(&query);
	form_release(&body);
}

static void
server_answer(struct server_req *sr)
{
	struct request rq;
	struct response r;
	struct server_extra x = {NULL, NULL, NULL, 0, NULL, ""};
	const char *proto = MHD_lookup_connection_value(sr->c,
	    MHD_HEADER_KIND, "X-Forwarded-Proto");
	char ip[INET6_ADDRSTRLEN];

	memset(&rq, 0, sizeof(rq));
	sr->w = server_worker_take(sr->srv);
	server_client_ip(sr->srv, sr->c, ip);
	rq.ip = ip[0] ? ip : NULL;
	rq.want_json = server_wants_json(sr->c);
	rq.key = sr->srv->key;
	rq.comments = &sr->srv->comments;
	rq.mail = sr->srv->mail;
	rq.mail_from = sr->srv->mail_from;
	rq.mail_queued = sr->srv->mail_queued;
	rq.mail_queued_arg = sr->srv->mail_queued_arg;
	rq.store = sr->w->store;
	rq.ui = sr->w->ui[0];
	rq.path = sr->url;
	rq.post = strcmp(sr->method, "POST") == 0;
	rq.base = sr->srv->base;
	rq.now = (int64_t)time(NULL);
	rq.reader = session_reader(rq.key, MHD_lookup_connection_value(sr->c,
	    MHD_COOKIE_KIND, SESSION_COOKIE), rq.now);
	x.secure = proto && strcmp(proto, "https") == 0;
	server_fresh(sr->srv, sr->w, 0);
	response_init(&r);
	server_dispatch(sr, &rq, &r, &x);
	if (rq.csrf == NULL) {		/* keep only fresh cookies on pages */
		free(x.csrf_cookie);
		x.csrf_cookie = NULL;
	}
	server_worker_give(sr->srv, sr->w);
	server_send(sr->c, &r, &x);
	free(x.csrf_cookie);
	response_release(&r);
}

/* First call: decide on method and declared size before any body is
 * read. Returns 0 to go on, or the status to answer at once. */
static unsigned
server_first(struct MHD_Connection *c, const char *method)
{
	const char *cl;

	if (strcmp(method, "GET") && strcmp(method, "HEAD") &&
	    strcmp(method, "POST"))
		return 405;
	cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Content-Length");
	if (cl && (strlen(cl) > 9 || strtoul(cl, NULL, 10) > HTTP_BODY_MAX))
		return 413;
	return 0;
}

/* Answer before the body is read (MHD then closes the connection). */
static enum MHD_Result
server_early(struct server_req *sr, unsigned status)
{
	struct request rq;
	struct response r;
	struct server_extra x = {NULL, NULL, NULL, 0, NULL, ""};
	enum MHD_Result ret;

	memset(&rq, 0, sizeof(rq));
	sr->w = server_worker_take(sr->srv);
	rq.store = sr->w->store;
	rq.ui = sr->w->ui[0];
	rq.path = sr->url;
	rq.base = sr->srv->base;
	if (status == 405)
		x.allow = router_allow(sr->url);
	response_init(&r);
	page_error(&rq, &r, status, server_status_msg(status));
	server_worker_give(sr->srv, sr->w);
	ret = server_send(sr->c, &r, &x);
	response_release(&r);
	return ret;
}

static enum MHD_Result
server_handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct server_conn *sc = *state;
	struct server_req sr = {cls, NULL, c, NULL, method, url};
	unsigned status;

	(void)version;
	if (sc == NULL) {
		sc = xcalloc(1, sizeof(*sc));
		buf_init(&sc->body, HTTP_BODY_MAX);
		*state = sc;
		if ((status = server_first(c, method)) == 0)
			return MHD_YES;
		sc->answered = 1;
		sr.sc = sc;
		return server_early(&sr, status);
	}
	if (*upload_size != 0) {
		if (strcmp(method, "POST") == 0 &&
		    buf_put(&sc->body, upload, *upload_size) != ND_OK)
			sc->over = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (sc->answered)
		return MHD_YES;
	sr.sc = sc;
	server_answer(&sr);
	return MHD_YES;
}

static void
server_completed(void *cls, struct MHD_Connection *c, void **state,
    enum MHD_RequestTerminationCode toe)
{
	struct server_conn *sc = *state;

	(void)cls;
	(void)c;
	(void)toe;
	if (sc == NULL)
		return;
	buf_release(&sc->body);
	free(sc);
	*state = NULL;
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

/* Catalogs, secret and base URL. */
static enum nd_err
server_setup(struct server *srv, const struct server_config *cfg,
    struct nd_error *err)
{
	enum nd_err e;

	srv->po_dir = xstrdup(cfg->po_dir ? cfg->po_dir : "po");
	if ((e = store_secret(srv->store, srv->key, err)) != ND_OK)
		return e;
	if ((e = server_workers_start(srv, err)) != ND_OK)
		return e;
	server_markers(srv);
	if (cfg->base_url) {
		srv->base = xstrdup(cfg->base_url);
		if (*srv->base && srv->base[strlen(srv->base) - 1] == '/')
			srv->base[strlen(srv->base) - 1] = '\0';
	} else {
		struct buf b = BUF_INIT;

		buf_printf(&b, "http://%s", cfg->listen);
		srv->base = buf_detach(&b, NULL);
	}
	return ND_OK;
}

static void
server_free(struct server *srv)
{
	struct server_worker *w, *next;

	for (w = srv->workers; w; w = next) {
		next = w->next;
		server_worker_free(srv, w);
	}
	pthread_cond_destroy(&srv->given);
	pthread_mutex_destroy(&srv->lock);
	pthread_mutex_destroy(&srv->post_lock);
	cache_free(srv->cache);
	sodium_memzero(srv->key, sizeof(srv->key));
	free(srv->po_dir);
	free(srv->base);
	free(srv);
}

enum nd_err
server_start(const struct server_config *cfg, struct store *s,
    struct server **out, struct nd_error *err)
{
	struct addrinfo *ai = NULL;
	struct server *srv;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	    MHD_USE_ERROR_LOG;
	enum nd_err rc;

	if ((rc = server_resolve(cfg->listen, &ai, err)) != ND_OK)
		return rc;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	srv = server_new(s);
	srv->trust_proxy = cfg->trust_proxy;
	srv->comments = cfg->comments;
	srv->mail = cfg->mail;
	srv->mail_from = cfg->mail_from;
	srv->mail_queued = cfg->mail_queued;
	srv->mail_queued_arg = cfg->mail_queued_arg;
	if ((rc = server_setup(srv, cfg, err)) != ND_OK) {
		freeaddrinfo(ai);
		server_free(srv);
		return rc;
	}
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, server_handle,
	    srv, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_NOTIFY_COMPLETED, server_completed, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVER_CONN_LIMIT,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVER_CONN_TIMEOUT,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(16 * 1024),
	    MHD_OPTION_THREAD_POOL_SIZE, srv->threads,
	    MHD_OPTION_END);
	freeaddrinfo(ai);
	if (srv->daemon == NULL) {
		server_free(srv);
		return nd_error_set(err, ND_ENET, "cannot listen on '%s': %s",
		    cfg->listen, errno ? strerror(errno) : "address in use?");
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
	server_free(srv);
}
