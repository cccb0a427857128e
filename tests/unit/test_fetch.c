#include "testutil.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include "ingest/fetch.h"

#define BIG_BODY	65536

/* A tiny HTTP/1.1 responder on 127.0.0.1 in a forked child (its own
 * process group, one grandchild per connection), with canned paths. */
static pid_t server_pid = -1;
static int server_port;

static void
send_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* Send a response; a NULL body with len sends len bytes of 'x'. */
static void
respond(int fd, const char *status, const char *extra, const char *body,
    size_t len, int with_length)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_printf(&b, "HTTP/1.1 %s\r\nConnection: close\r\n%s", status, extra);
	if (with_length)
		buf_printf(&b, "Content-Length: %zu\r\n", len);
	buf_puts(&b, "\r\n");
	if (body != NULL)
		buf_put(&b, body, len);
	else
		for (i = 0; i < len; i++)
			buf_putc(&b, 'x');
	send_all(fd, b.ptr, b.len);
	buf_release(&b);
}

/* Read the request head (up to 8 KiB) into req; return the path. */
static const char *
read_request(int fd, struct buf *req, char *path, size_t pathsz)
{
	char chunk[1024];
	const char *sp, *end;
	ssize_t r;

	while (req->len < 8192 && strstr(req->ptr, "\r\n\r\n") == NULL) {
		r = read(fd, chunk, sizeof(chunk));
		if (r <= 0)
			break;
		buf_put(req, chunk, (size_t)r);
	}
	path[0] = '\0';
	if (strncmp(req->ptr, "GET ", 4) != 0)
		return path;
	sp = req->ptr + 4;
	end = strchr(sp, ' ');
	if (end != NULL && (size_t)(end - sp) < pathsz) {
		memcpy(path, sp, (size_t)(end - sp));
		path[end - sp] = '\0';
	}
	return path;
}

static void
serve(int fd)
{
	struct buf req = BUF_INIT;
	char path[256];
	const char *hello = "hello from the test server\n";
	const char *text = "Content-Type: text/plain; charset=utf-8\r\n";

	read_request(fd, &req, path, sizeof(path));
	if (strcmp(path, "/ok") == 0)
		respond(fd, "200 OK", text, hello, strlen(hello), 1);
	else if (strcmp(path, "/headers") == 0)
		respond(fd, "200 OK", text, req.ptr, req.len, 1);
	else if (strcmp(path, "/moved") == 0)
		respond(fd, "301 Moved Permanently", "Location: /ok\r\n", "", 0,
		    1);
	else if (strcmp(path, "/loop") == 0)
		respond(fd, "302 Found", "Location: /loop\r\n", "", 0, 1);
	else if (strcmp(path, "/to-ftp") == 0)
		respond(fd, "302 Found", "Location: ftp://127.0.0.1/file\r\n",
		    "", 0, 1);
	else if (strcmp(path, "/slow") == 0) {
		sleep(3);
		respond(fd, "200 OK", text, hello, strlen(hello), 1);
	} else if (strcmp(path, "/big") == 0)
		respond(fd, "200 OK", text, NULL, BIG_BODY, 1);
	else if (strcmp(path, "/stream") == 0)
		respond(fd, "200 OK", text, NULL, BIG_BODY, 0);
	else
		respond(fd, "404 Not Found", text, "not found\n", 10, 1);
	buf_release(&req);
}

static void
server_loop(int ls)
{
	int fd;

	signal(SIGCHLD, SIG_IGN);	/* no zombies */
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		fd = accept(ls, NULL, NULL);
		if (fd < 0) {
			if (errno == EINTR)
				continue;
			_exit(1);
		}
		if (fork() == 0) {
			close(ls);
			serve(fd);
			close(fd);
			_exit(0);
		}
		close(fd);
	}
}

/* A socket bound to 127.0.0.1 on a free port; the port in *port. */
static int
bind_loopback(int *port)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = 0;
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	*port = ntohs(sa.sin_port);
	return fd;
}

static int
server_start(void **state)
{
	int ls = bind_loopback(&server_port);

	(void)state;
	/* the tests talk to loopback directly, whatever the environment */
	setenv("no_proxy", "*", 1);
	if (listen(ls, 16) != 0)
		return -1;
	server_pid = fork();
	if (server_pid < 0)
		return -1;
	if (server_pid == 0) {
		setpgid(0, 0);
		server_loop(ls);
	}
	setpgid(server_pid, server_pid);
	close(ls);
	return 0;
}

static int
server_stop(void **state)
{
	(void)state;
	if (server_pid > 0) {
		kill(-server_pid, SIGKILL);
		waitpid(server_pid, NULL, 0);
	}
	return 0;
}

static void
url_for(char *out, size_t n, const char *path)
{
	int w = snprintf(out, n, "http://127.0.0.1:%d%s", server_port, path);

	assert_true(w > 0 && (size_t)w < n);
}

static const struct fetch_opts quick = { 2, 1, 0, 3, NULL };

static void
fetch_recognises_urls(void **state)
{
	(void)state;
	assert_true(fetch_is_url("http://example.org/"));
	assert_true(fetch_is_url("HTTPS://example.org/feed"));
	assert_false(fetch_is_url("ftp://example.org/"));
	assert_false(fetch_is_url("file:///etc/passwd"));
	assert_false(fetch_is_url("example.org"));
	assert_false(fetch_is_url(""));
	assert_false(fetch_is_url(NULL));
}

static void
fetch_gets_body_and_type(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128];

	(void)state;
	url_for(url, sizeof(url), "/ok");
	fetch_result_init(&res);
	if (fetch_url(url, &quick, &res, &err) != ND_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(res.status, 200);
	assert_string_equal(res.body.ptr, "hello from the test server\n");
	assert_string_equal(res.content_type, "text/plain; charset=utf-8");
	assert_string_equal(res.final_url, url);
	fetch_result_release(&res);
	assert_null(res.final_url);
	assert_int_equal(res.body.len, 0);
}

static void
fetch_sends_user_agent_and_accept_encoding(void **state)
{
	struct fetch_opts o = quick;
	struct fetch_result res;
	struct nd_error err;
	char url[128];

	(void)state;
	url_for(url, sizeof(url), "/headers");
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &quick, &res, &err), ND_OK);
	assert_non_null(strstr(res.body.ptr, "User-Agent: newsdesk/"
	    ND_VERSION " (+https://github.com/newsdesk)\r\n"));
	assert_non_null(strstr(res.body.ptr, "Accept-Encoding: "));
	o.user_agent = "test-agent/1";
	assert_int_equal(fetch_url(url, &o, &res, &err), ND_OK);
	assert_non_null(strstr(res.body.ptr, "User-Agent: test-agent/1\r\n"));
	fetch_result_release(&res);
}

static void
fetch_follows_a_redirect(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128], ok[128];

	(void)state;
	url_for(url, sizeof(url), "/moved");
	url_for(ok, sizeof(ok), "/ok");
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &quick, &res, &err), ND_OK);
	assert_int_equal(res.status, 200);
	assert_string_equal(res.final_url, ok);
	assert_string_equal(res.body.ptr, "hello from the test server\n");
	fetch_result_release(&res);
}

static void
fetch_reports_http_status(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128], want[256];

	(void)state;
	url_for(url, sizeof(url), "/missing");
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &quick, &res, &err), ND_EHTTP);
	assert_int_equal(res.status, 404);
	assert_true(snprintf(want, sizeof(want), "HTTP 404 fetching '%s'",
	    url) > 0);
	assert_string_equal(err.msg, want);
	fetch_result_release(&res);
}

static void
fetch_stops_redirect_loops(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128], want[256];

	(void)state;
	url_for(url, sizeof(url), "/loop");
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &quick, &res, &err), ND_EHTTP);
	assert_true(snprintf(want, sizeof(want), "too many redirects "
	    "fetching '%s'", url) > 0);
	assert_non_null(strstr(err.msg, want));
	fetch_result_release(&res);
}

static void
fetch_refuses_redirect_to_other_protocols(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128];
	enum nd_err rc;

	(void)state;
	url_for(url, sizeof(url), "/to-ftp");
	fetch_result_init(&res);
	rc = fetch_url(url, &quick, &res, &err);
	assert_int_not_equal(rc, ND_OK);
	assert_int_equal(err.code, rc);
	assert_non_null(strstr(err.msg, url));
	assert_int_equal(fetch_url("ftp://127.0.0.1/x", &quick, &res, &err),
	    ND_EINVAL);
	assert_string_equal(err.msg,
	    "'ftp://127.0.0.1/x' is not an http or https url");
	fetch_result_release(&res);
}

static void
fetch_times_out(void **state)
{
	struct fetch_opts o = { 1, 1, 0, 0, NULL };
	struct fetch_result res;
	struct nd_error err;
	char url[128], want[256];

	(void)state;
	url_for(url, sizeof(url), "/slow");
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &o, &res, &err), ND_ETIMEOUT);
	assert_true(snprintf(want, sizeof(want), "timed out after 1 s "
	    "fetching '%s'", url) > 0);
	assert_string_equal(err.msg, want);
	fetch_result_release(&res);
}

static void
fetch_caps_body_size(void **state)
{
	struct fetch_opts o = quick;
	struct fetch_result res;
	struct nd_error err;
	char url[128];

	(void)state;
	o.max_bytes = 1024;
	fetch_result_init(&res);
	url_for(url, sizeof(url), "/big");	/* declared length */
	assert_int_equal(fetch_url(url, &o, &res, &err), ND_ELIMIT);
	assert_non_null(strstr(err.msg, url));
	assert_non_null(strstr(err.msg, "1024 bytes"));
	assert_true(res.body.len <= 1024);
	url_for(url, sizeof(url), "/stream");	/* no length: counted */
	assert_int_equal(fetch_url(url, &o, &res, &err), ND_ELIMIT);
	assert_true(res.body.len <= 1024);
	o.max_bytes = BIG_BODY;			/* exactly at the limit */
	assert_int_equal(fetch_url(url, &o, &res, &err), ND_OK);
	assert_int_equal(res.body.len, BIG_BODY);
	fetch_result_release(&res);
}

static void
fetch_reports_unreachable_port(void **state)
{
	struct fetch_result res;
	struct nd_error err;
	char url[128];
	int port, fd;
	int w;

	(void)state;
	fd = bind_loopback(&port);	/* bound, never listening */
	w = snprintf(url, sizeof(url), "http://127.0.0.1:%d/", port);
	assert_true(w > 0 && (size_t)w < sizeof(url));
	fetch_result_init(&res);
	assert_int_equal(fetch_url(url, &quick, &res, &err), ND_ENET);
	assert_non_null(strstr(err.msg, "cannot fetch '"));
	assert_non_null(strstr(err.msg, url));
	close(fd);
	fetch_result_release(&res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fetch_recognises_urls),
		cmocka_unit_test(fetch_gets_body_and_type),
		cmocka_unit_test(fetch_sends_user_agent_and_accept_encoding),
		cmocka_unit_test(fetch_follows_a_redirect),
		cmocka_unit_test(fetch_reports_http_status),
		cmocka_unit_test(fetch_stops_redirect_loops),
		cmocka_unit_test(fetch_refuses_redirect_to_other_protocols),
		cmocka_unit_test(fetch_times_out),
		cmocka_unit_test(fetch_caps_body_size),
		cmocka_unit_test(fetch_reports_unreachable_port),
	};

	return cmocka_run_group_tests_name("fetch", tests, server_start,
	    server_stop);
}
