/* http.c - response lifecycle. */
#include "web/http.h"

#include <stdlib.h>

#include "util/xalloc.h"
#include "web/session.h"

void
response_init(struct response *r)
{
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	buf_init(&r->body, HTTP_PAGE_MAX);
	r->location = NULL;
	r->last_modified = 0;
	r->etag = 0;
	r->session = NULL;
	r->session_clear = 0;
}

void
response_release(struct response *r)
{
	buf_release(&r->body);
	free(r->location);
	r->location = NULL;
	free(r->session);
	r->session = NULL;
}

void
response_redirect(struct response *r, const char *path)
{
	free(r->location);
	r->location = xstrdup(path);
	r->status = 303;
	r->content_type = "text/plain; charset=utf-8";
	buf_clear(&r->body);
	buf_puts(&r->body, "See other\n");
}

void
response_session(struct response *r, const unsigned char *key, int64_t reader,
    int64_t now)
{
	free(r->session);
	r->session = reader ? session_token(key, reader, now) : NULL;
	r->session_clear = reader == 0;
}

void
response_json(struct response *r, json_t *j, size_t flags)
{
	char *s = json_dumps(j, flags);

	r->content_type = "application/json";
	if (s != NULL)
		buf_puts(&r->body, s);
	buf_putc(&r->body, '\n');
	free(s);
	json_decref(j);
}

void
request_mail_queued(const struct request *rq)
{
	if (rq->mail_queued)
		rq->mail_queued(rq->mail_queued_arg);
}
