/* router.h - the route table: method, path pattern, handler and the
 * fields each route accepts with their validators and maxima.
 *
 * A pattern is PREFIX [PARAM SUFFIX]: "/articles/" + an id (digits, an
 * optional "-slug" after them), "/topics/" + a slug + "/feed.atom".
 * Handlers get a request whose fields were checked against the route's
 * field list; they never see raw input.
 */
#ifndef ND_ROUTER_H
#define ND_ROUTER_H

#include <stdint.h>

#include "web/form.h"
#include "web/http.h"

#define ROUTE_GET	1u	/* GET and HEAD */
#define ROUTE_POST	2u
/* With ROUTE_POST: a signed token in the query ("t") authenticates the
 * POST instead of the CSRF token, and query fields count (RFC 8058
 * one-click unsubscribe: mail clients post without our cookie). The
 * handler must verify the token. */
#define ROUTE_TOKEN	4u
#define ROUTE_SLUG_MAX	64

enum route_param {
	PARAM_NONE,	/* prefix is the whole path */
	PARAM_ID,	/* 1-18 digits, then optionally "-" and [a-z0-9-] */
	PARAM_SLUG,	/* [a-z0-9-], 1 to ROUTE_SLUG_MAX bytes */
};

struct route {
	unsigned methods;
	const char *prefix;
	enum route_param param;
	const char *suffix;		/* after the parameter, "" if none */
	void (*handler)(const struct request *rq, struct response *r);
	struct field_spec fields[HTTP_MAX_FIELDS];
};

enum route_match {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,
	ROUTE_BAD_METHOD,	/* the path exists, not with this method */
};

/* Find the route for method ("GET", "HEAD", "POST") and path. On
 * ROUTE_FOUND, *out is the route, *id the numeric parameter and slug
 * (ROUTE_SLUG_MAX + 1 bytes) the text one. */
enum route_match router_match(const char *method, const char *path,
    const struct route **out, int64_t *id, char *slug);
/* "GET, HEAD" or "POST" or both, for an Allow header. */
const char *router_allow(const char *path);

#endif
