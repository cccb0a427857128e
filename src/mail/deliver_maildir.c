/* deliver_maildir.c - Maildir delivery: each message is written to
 * DIR/tmp/ under a unique name (time.pid_counter_random.host), synced,
 * then renamed into DIR/new/, so a reader never sees half a message.
 */
#include "mail/deliver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "util/buf.h"
#include "util/xalloc.h"

struct maildir {
	char *dir;
	unsigned long counter;
	char host[64];
};

/* mkdir -p dir (and its parents). */
static int
maildir_mkdirs(const char *dir)
{
	char *p, *copy = xstrdup(dir);
	int rc = 0;

	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (mkdir(copy, 0755) != 0 && errno != EEXIST)
		rc = -1;
	free(copy);
	return rc;
}

static enum nd_err
maildir_open(struct deliver *d, const char *spec, struct nd_error *err)
{
	struct maildir *m;
	struct buf p = BUF_INIT;
	const char *sub[] = {"tmp", "new", "cur"};
	size_t i;

	if (spec[8] == '\0')
		return nd_error_set(err, ND_EINVAL, "delivery '%s' names no "
		    "folder", spec);
	m = xcalloc(1, sizeof(*m));
	m->dir = xstrdup(spec + 8);
	for (i = 0; i < 3; i++) {
		buf_clear(&p);
		buf_printf(&p, "%s/%s", m->dir, sub[i]);
		if (maildir_mkdirs(p.ptr) != 0) {
			nd_error_set(err, ND_EIO, "maildir '%s': cannot create "
			    "'%s': %s", m->dir, p.ptr, strerror(errno));
			buf_release(&p);
			free(m->dir);
			free(m);
			return ND_EIO;
		}
	}
	buf_release(&p);
	if (gethostname(m->host, sizeof(m->host) - 1) != 0 || !*m->host)
		memcpy(m->host, "localhost", 10);
	for (i = 0; m->host[i]; i++)
		if (m->host[i] == '/' || m->host[i] == ':')
			m->host[i] = '_';
	d->priv = m;
	return ND_OK;
}

static int
maildir_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void
maildir_one(struct maildir *m, struct deliver_msg *msg)
{
	struct buf tmp = BUF_INIT, dst = BUF_INIT;
	struct timespec ts;
	int fd, ok = 0;

	clock_gettime(CLOCK_REALTIME, &ts);
	buf_printf(&tmp, "%s/tmp/%lld.M%ldP%ldQ%luR%08x.%s", m->dir,
	    (long long)ts.tv_sec, ts.tv_nsec / 1000, (long)getpid(),
	    ++m->counter, (unsigned)randombytes_random(), m->host);
	buf_printf(&dst, "%s/new/%s", m->dir, tmp.ptr + strlen(m->dir) + 5);
	fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd >= 0 && maildir_write_all(fd, msg->data, msg->len) == 0 &&
	    fsync(fd) == 0) {
		ok = close(fd) == 0;
		fd = -1;
	}
	if (!ok || rename(tmp.ptr, dst.ptr) != 0) {
		snprintf(msg->reason, sizeof(msg->reason), "maildir '%s': %s",
		    m->dir, strerror(errno));
		msg->outcome = DELIVER_TEMPFAIL;
		if (fd >= 0)
			close(fd);
		unlink(tmp.ptr);
	} else
		msg->outcome = DELIVER_OK;
	buf_release(&tmp);
	buf_release(&dst);
}

static enum nd_err
maildir_send(struct deliver *d, struct deliver_msg *v, size_t n,
    struct nd_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		maildir_one(d->priv, &v[i]);
	return ND_OK;
}

static void
maildir_close(struct deliver *d)
{
	struct maildir *m = d->priv;

	if (m == NULL)
		return;
	free(m->dir);
	free(m);
}

const struct deliver_backend deliver_backend_maildir = {
	.prefix = "maildir:",
	.open = maildir_open,
	.send = maildir_send,
	.close = maildir_close,
};
