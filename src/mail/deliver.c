/* deliver.c - the delivery front: picks a backend by the spec's prefix. */
#include "mail/deliver.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static const struct deliver_backend *const deliver_backends[] = {
	&deliver_backend_maildir,
	&deliver_backend_smtp,
};

static const struct deliver_backend *
deliver_pick(const char *spec)
{
	size_t i;

	for (i = 0; i < sizeof(deliver_backends) / sizeof(deliver_backends[0]);
	    i++)
		if (strncmp(spec, deliver_backends[i]->prefix,
		    strlen(deliver_backends[i]->prefix)) == 0)
			return deliver_backends[i];
	if (strncmp(spec, "smtps://", 8) == 0)
		return &deliver_backend_smtp;
	return NULL;
}

enum nd_err
deliver_open(const char *spec, const struct deliver_opts *o,
    struct deliver **out, struct nd_error *err)
{
	struct deliver *d;
	enum nd_err e;

	*out = NULL;
	if (spec == NULL)
		spec = DELIVER_DEFAULT;
	d = xcalloc(1, sizeof(*d));
	if ((d->be = deliver_pick(spec)) == NULL) {
		free(d);
		return nd_error_set(err, ND_EINVAL, "delivery '%s' is neither "
		    "maildir:DIR nor smtp://HOST:PORT", spec);
	}
	if (o)
		d->opts = *o;
	if (d->opts.connections <= 0)
		d->opts.connections = 2;
	if (d->opts.connections > 64)
		d->opts.connections = 64;
	if (d->opts.timeout <= 0)
		d->opts.timeout = 60;
	if ((e = d->be->open(d, spec, err)) != ND_OK) {
		free(d);
		return e;
	}
	*out = d;
	return ND_OK;
}

enum nd_err
deliver_send(struct deliver *d, struct deliver_msg *v, size_t n,
    struct nd_error *err)
{
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].outcome = DELIVER_TEMPFAIL;
		v[i].code = 0;
		v[i].reason[0] = '\0';
	}
	if (n == 0)
		return ND_OK;
	return d->be->send(d, v, n, err);
}

void
deliver_close(struct deliver *d)
{
	if (d == NULL)
		return;
	d->be->close(d);
	free(d);
}
