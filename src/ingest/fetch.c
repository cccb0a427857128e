/* fetch.c - one HTTP(S) GET with libcurl's easy interface.
 *
 * Bounded in time (whole transfer and connect), size (checked as the body
 * arrives, after content decoding) and redirects; only http and https are
 * allowed, for the first request and for every redirect.
 */
#include "ingest/fetch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "util/xalloc.h"

#ifndef ND_VERSION
#define ND_VERSION "0.0.0"
#endif

#define FETCH_USER_AGENT	"newsdesk/" ND_VERSION \
	" (+https://github.com/newsdesk)"
#define FETCH_TIMEOUT		30L
#define FETCH_CONNECT_TIMEOUT	10L
#define FETCH_MAX_BYTES		((size_t)16 << 20)
#define FETCH_MAX_REDIRECTS	5L

/* Where the write callback puts the body; over is set when it refused
 * bytes because the body passed its limit. */
struct fetch_sink {
	struct buf *body;
	int over;
};

static pthread_once_t fetch_once = PTHREAD_ONCE_INIT;
static CURLcode fetch_init_rc = CURLE_FAILED_INIT;

static void
fetch_global_init(void)
{
	fetch_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int
fetch_is_url(const char *s)
{
	return s != NULL && (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

void
fetch_result_init(struct fetch_result *res)
{
	buf_init(&res->body, SIZE_MAX);
	res->final_url = NULL;
	res->content_type = NULL;
	res->status = 0;
}

void
fetch_result_release(struct fetch_result *res)
{
	if (res == NULL)
		return;
	buf_release(&res->body);
	free(res->final_url);
	free(res->content_type);
	res->final_url = NULL;
	res->content_type = NULL;
	res->status = 0;
}

static void
fetch_defaults(const struct fetch_opts *in, struct fetch_opts *o)
{
	static const struct fetch_opts none;

	*o = in != NULL ? *in : none;
	if (o->timeout_s <= 0)
		o->timeout_s = FETCH_TIMEOUT;
	if (o->connect_timeout_s <= 0)
		o->connect_timeout_s = FETCH_CONNECT_TIMEOUT;
	if (o->max_bytes == 0)
		o->max_bytes = FETCH_MAX_BYTES;
	if (o->max_redirects <= 0)
		o->max_redirects = FETCH_MAX_REDIRECTS;
	if (o->user_agent == NULL)
		o->user_agent = FETCH_USER_AGENT;
}

static size_t
fetch_write(char *p, size_t size, size_t nmemb, void *arg)
{
	struct fetch_sink *sink = arg;
	size_t n = size * nmemb;	/* curl: size is always 1 */

	if (buf_put(sink->body, p, n) != ND_OK) {
		sink->over = 1;
		return 0;	/* makes curl stop with CURLE_WRITE_ERROR */
	}
	return n;
}

static CURLcode
fetch_set_protocols(CURL *h)
{
	CURLcode cc;

#if LIBCURL_VERSION_NUM >= 0x075500	/* 7.85.0: the _STR forms */
	if ((cc = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR,
	    "http,https")) != CURLE_OK)
		return cc;
	return curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	if ((cc = curl_easy_setopt(h, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) != CURLE_OK)
		return cc;
	return curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

static CURLcode
fetch_setup(CURL *h, const char *url, const struct fetch_opts *o,
    struct fetch_sink *sink, char *errbuf)
{
	CURLcode cc;

	if ((cc = curl_easy_setopt(h, CURLOPT_URL, url)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L)) != CURLE_OK ||
	    (cc = fetch_set_protocols(h)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_MAXREDIRS,
	    o->max_redirects)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout_s)) !=
	    CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
	    o->connect_timeout_s)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)o->max_bytes)) != CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_USERAGENT, o->user_agent)) !=
	    CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "")) !=
	    CURLE_OK ||
	    (cc = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fetch_write)) !=
	    CURLE_OK)
		return cc;
	return curl_easy_setopt(h, CURLOPT_WRITEDATA, sink);
}

/* Status, final address and content type of the last response. */
static void
fetch_info(CURL *h, struct fetch_result *res)
{
	char *s = NULL;
	long status = 0;

	if (curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK)
		res->status = status;
	if (curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK &&
	    s != NULL)
		res->final_url = xstrdup(s);
	s = NULL;
	if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK &&
	    s != NULL)
		res->content_type = xstrdup(s);
}

/* curl's error text, first letter lowercased for our messages. */
static const char *
fetch_reason(CURLcode cc, char *errbuf)
{
	size_t n = strlen(errbuf);

	if (n == 0)
		return curl_easy_strerror(cc);
	while (n > 0 && (errbuf[n - 1] == '\n' || errbuf[n - 1] == '\r'))
		errbuf[--n] = '\0';
	if (errbuf[0] >= 'A' && errbuf[0] <= 'Z' &&
	    !(errbuf[1] >= 'A' && errbuf[1] <= 'Z'))
		errbuf[0] = (char)(errbuf[0] - 'A' + 'a');
	return errbuf;
}

static enum nd_err
fetch_timeout(CURL *h, const char *url, const struct fetch_opts *o,
    struct nd_error *err)
{
	curl_off_t connect_us = 0;
	long limit = o->timeout_s;

	/* never connected: the connect timeout is what ran out */
	if (curl_easy_getinfo(h, CURLINFO_CONNECT_TIME_T, &connect_us) ==
	    CURLE_OK && connect_us == 0 && o->connect_timeout_s < limit)
		limit = o->connect_timeout_s;
	return nd_error_set(err, ND_ETIMEOUT, "timed out after %ld s "
	    "fetching '%s'", limit, url);
}

static enum nd_err
fetch_outcome(CURL *h, CURLcode cc, const char *url,
    const struct fetch_opts *o, const struct fetch_sink *sink,
    const struct fetch_result *res, char *errbuf, struct nd_error *err)
{
	if (cc == CURLE_OK && res->status >= 200 && res->status <= 299)
		return ND_OK;
	if (cc == CURLE_OK)
		return nd_error_set(err, ND_EHTTP, "HTTP %ld fetching '%s'",
		    res->status, url);
	if (sink->over || cc == CURLE_FILESIZE_EXCEEDED)
		return nd_error_set(err, ND_ELIMIT, "response from '%s' is "
		    "larger than the limit of %zu bytes", url, o->max_bytes);
	switch (cc) {
	case CURLE_OPERATION_TIMEDOUT:
		return fetch_timeout(h, url, o, err);
	case CURLE_TOO_MANY_REDIRECTS:
		return nd_error_set(err, ND_EHTTP, "too many redirects "
		    "fetching '%s' (more than %ld)", url, o->max_redirects);
	case CURLE_URL_MALFORMAT:
		return nd_error_set(err, ND_EINVAL, "malformed url '%s': %s",
		    url, fetch_reason(cc, errbuf));
	case CURLE_UNSUPPORTED_PROTOCOL:
		return nd_error_set(err, ND_EHTTP, "redirect to a protocol "
		    "other than http(s) fetching '%s': %s", url,
		    fetch_reason(cc, errbuf));
	default:
		return nd_error_set(err, ND_ENET, "cannot fetch '%s': %s", url,
		    fetch_reason(cc, errbuf));
	}
}

enum nd_err
fetch_url(const char *url, const struct fetch_opts *opts,
    struct fetch_result *res, struct nd_error *err)
{
	struct fetch_opts o;
	struct fetch_sink sink = { &res->body, 0 };
	char errbuf[CURL_ERROR_SIZE];
	CURL *h = NULL;
	CURLcode cc;
	enum nd_err rc;

	fetch_defaults(opts, &o);
	fetch_result_release(res);
	buf_init(&res->body, o.max_bytes);
	if (!fetch_is_url(url))
		return nd_error_set(err, ND_EINVAL, "'%s' is not an http or "
		    "https url", url != NULL ? url : "(null)");
	pthread_once(&fetch_once, fetch_global_init);
	if (fetch_init_rc != CURLE_OK)
		return nd_error_set(err, ND_ENET, "cannot start libcurl: %s",
		    curl_easy_strerror(fetch_init_rc));
	if ((h = curl_easy_init()) == NULL)
		return nd_error_set(err, ND_ENET, "cannot start libcurl to "
		    "fetch '%s'", url);
	errbuf[0] = '\0';
	if ((cc = fetch_setup(h, url, &o, &sink, errbuf)) != CURLE_OK) {
		rc = nd_error_set(err, ND_EINVAL, "cannot set up fetching "
		    "'%s': %s", url, curl_easy_strerror(cc));
		goto out;
	}
	cc = curl_easy_perform(h);
	fetch_info(h, res);
	rc = fetch_outcome(h, cc, url, &o, &sink, res, errbuf, err);
out:
	curl_easy_cleanup(h);
	return rc;
}
