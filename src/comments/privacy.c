/* privacy.c - what the comment store keeps about a person, and the
 * reader's rights of access and erasure.
 *
 * IP addresses are never stored: only a keyed BLAKE2b-256 hash (the
 * store secret is the key, so the hash cannot be reversed by trying
 * every address without it), used for the rate limit and cleared after
 * a number of days. Export gives back every comment of an address with
 * the email in it (that is its purpose); erasure anonymises them.
 */
#include "comments/comments.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "util/xalloc.h"

#define PRIVACY_EXPORT_BATCH	500
#define PRIVACY_DAY		86400

void
comments_ip_hash(const unsigned char key[STORE_SECRET_BYTES], const char *ip,
    unsigned char out[COMMENT_IP_HASH_BYTES])
{
	static const char domain[] = "newsdesk comment ip\n";
	crypto_generichash_state st;

	if (sodium_init() < 0)	/* the store secret already started it */
		abort();
	crypto_generichash_init(&st, key, STORE_SECRET_BYTES,
	    COMMENT_IP_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)domain,
	    sizeof(domain) - 1);
	crypto_generichash_update(&st, (const unsigned char *)ip, strlen(ip));
	crypto_generichash_final(&st, out, COMMENT_IP_HASH_BYTES);
}

enum nd_err
comments_purge_ips(struct store *s, int64_t now, int days, int64_t *n,
    struct nd_error *err)
{
	if (days < 0)
		return nd_error_set(err, ND_EINVAL, "ip hash days %d is "
		    "negative", days);
	return store_comment_purge_ips(s, now, now - (int64_t)days *
	    PRIVACY_DAY, n, err);
}

char *
comments_email_key(const char *email)
{
	size_t a = 0, b, i;
	char *k;

	if (email == NULL)
		return NULL;
	b = strlen(email);
	while (a < b && isspace((unsigned char)email[a]))
		a++;
	while (b > a && isspace((unsigned char)email[b - 1]))
		b--;
	k = xstrndup(email + a, b - a);
	for (i = 0; k[i]; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] = (char)(k[i] - 'A' + 'a');
	return k;
}

static json_t *
privacy_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
privacy_comment_json(const struct comment *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "article_id", json_integer(c->article_id));
	json_object_set_new(o, "article_url", privacy_str(c->article_url));
	json_object_set_new(o, "parent_id", c->parent_id ?
	    json_integer(c->parent_id) : json_null());
	json_object_set_new(o, "name", privacy_str(c->name));
	json_object_set_new(o, "email", privacy_str(c->email));
	json_object_set_new(o, "website", privacy_str(c->website));
	json_object_set_new(o, "body", privacy_str(c->body));
	json_object_set_new(o, "status",
	    json_string(comment_status_name(c->status)));
	json_object_set_new(o, "created", json_integer(c->created));
	json_object_set_new(o, "edited", json_integer(c->edited));
	json_object_set_new(o, "notify_replies",
	    json_boolean(c->notify_replies));
	return o;
}

/* Append every comment of key to arr, a batch at a time. */
static enum nd_err
privacy_collect(struct store *s, const char *key, json_t *arr,
    struct nd_error *err)
{
	struct comment_query q = {-1, 0, key, PRIVACY_EXPORT_BATCH, 0};
	struct comment_list l = COMMENT_LIST_INIT;
	enum nd_err e;
	size_t i, got;

	do {
		if ((e = store_comment_list(s, &q, &l, err)) != ND_OK)
			return e;
		for (i = 0; i < l.n; i++)
			json_array_append_new(arr,
			    privacy_comment_json(&l.v[i]));
		got = l.n;
		comment_list_release(&l);
		q.offset += got;
	} while (got == PRIVACY_EXPORT_BATCH);
	return ND_OK;
}

enum nd_err
comments_export(struct store *s, const char *email, struct buf *out,
    struct nd_error *err)
{
	char *key = comments_email_key(email), *text = NULL;
	json_t *doc = json_object(), *arr = json_array();
	enum nd_err e = ND_OK;

	if (key == NULL || *key == '\0') {
		e = nd_error_set(err, ND_EINVAL, "no email address given");
		goto out;
	}
	if ((e = privacy_collect(s, key, arr, err)) != ND_OK)
		goto out;
	json_object_set_new(doc, "email", json_string(key));
	json_object_set(doc, "comments", arr);
	text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (text == NULL || buf_puts(out, text) != ND_OK ||
	    buf_putc(out, '\n') != ND_OK)
		e = nd_error_set(err, ND_ELIMIT, "export of '%s' does not "
		    "fit", key);
out:
	free(text);
	json_decref(arr);
	json_decref(doc);
	free(key);
	return e;
}

enum nd_err
comments_erase(struct store *s, const char *email, int64_t *n,
    struct nd_error *err)
{
	char *key = comments_email_key(email);
	enum nd_err e;

	e = store_comment_erase(s, key, n, err);
	free(key);
	return e;
}
