/* fetch.h - HTTP(S) GET with libcurl, bounded in time, size and redirects.
 */
#ifndef ND_FETCH_H
#define ND_FETCH_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct fetch_opts {
	long timeout_s;		/* whole transfer; 0: 30 */
	long connect_timeout_s;	/* 0: 10 */
	size_t max_bytes;	/* 0: 16 MiB */
	long max_redirects;	/* 0: 5 */
	const char *user_agent;	/* NULL: "newsdesk/VERSION" */
};

struct fetch_result {
	struct buf body;	/* response body */
	char *final_url;	/* after redirects; caller frees */
	char *content_type;	/* may be NULL; caller frees */
	long status;
};

/* 1 if s starts with http:// or https:// */
int fetch_is_url(const char *s);

/* GET url into res (initialise with fetch_result_init). Non-2xx status,
 * timeouts, redirect loops, size overruns and network failures return an
 * error whose message names the URL and the cause. */
enum nd_err fetch_url(const char *url, const struct fetch_opts *opts,
    struct fetch_result *res, struct nd_error *err);

void fetch_result_init(struct fetch_result *res);
void fetch_result_release(struct fetch_result *res);

#endif
