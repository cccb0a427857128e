/* cmd_comments.c - newsdesk comments: moderation, blocklist, privacy
 * requests, and `post` to send a comment through exactly the path the
 * web form uses (validation, spam defence, moderation).
 *
 * `list` is a moderator's view and still never prints an email address
 * (export is the one command that does: that is its purpose).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "comments/comments.h"
#include "mail/comment_notice.h"
#include "mail/deliver.h"
#include "mail/outbox.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

#define CC_LIST_LIMIT	1000

static void
cc_usage(FILE *fp)
{
	fputs("usage: newsdesk [--db DSN] comments list [--pending|--spam|"
	    "--approved] [--article ID]\n"
	    "       newsdesk [--db DSN] comments approve ID [--deliver SPEC] "
	    "[--from ADDR]\n"
	    "             [--base-url URL] [--lang en|de]\n"
	    "       newsdesk [--db DSN] comments spam|delete ID\n"
	    "       newsdesk [--db DSN] comments export --email ADDR "
	    "[--delete]\n"
	    "       newsdesk [--db DSN] comments block add|rm word|address "
	    "VALUE\n"
	    "       newsdesk [--db DSN] comments block list\n"
	    "       newsdesk [--db DSN] comments purge-ips [--days N]\n"
	    "       newsdesk [--db DSN] comments post --article ID --name N "
	    "--email E --text T\n"
	    "             [--parent ID] [--website URL] [--ip IP] "
	    "[--notify]\n"
	    "             [--moderation all|first|none] [--filled-in SECONDS]"
	    "\n             [--honeypot TEXT] [--lang en|de]\n\n"
	    "list prints id, status, article, parent, date, name, spam "
	    "reason and\nthe text (line breaks as \\n); never the email "
	    "address. export prints\nevery comment of an address as JSON; "
	    "with --delete the comments are\nthen erased (anonymised) and the "
	    "author forgotten. A blocked address\n\"@example.org\" blocks the "
	    "whole domain. post exits 0 when the comment\nis stored "
	    "(published, pending or spam) and 1 when it is refused.\n"
	    "approve mails the parent's author about a reply that becomes "
	    "visible\nwhen they asked for it, through --deliver (default "
	    "maildir:var/mail,\nas digest), from --from, with links under "
	    "--base-url, in the language\nthe author wrote in; --lang "
	    "(default en) only for comments stored\nwithout one. post "
	    "--lang is the author's language, stored with the\ncomment "
	    "(absent: the site default).\n", fp);
}

/* A positive decimal id; 0 on success. */
static int
cc_id(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end != '\0' || v <= 0) {
		cli_error("'%s' is not a comment or article id", s);
		return -1;
	}
	*out = v;
	return 0;
}

/* Text on one line: \n, \t and \\ written as escapes. */
static void
cc_print_text(const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else
			putchar(*s);
	}
}

static void
cc_print(const struct comment *c)
{
	char date[21];

	time_format_iso(c->created, 1, date);
	printf("%" PRId64 "\t%s\t%" PRId64 "\t%" PRId64 "\t%s\t", c->id,
	    comment_status_name(c->status), c->article_id, c->parent_id,
	    date);
	cc_print_text(c->name);
	putchar('\t');
	cc_print_text(c->spam_reason ? c->spam_reason : "-");
	putchar('\t');
	cc_print_text(c->body);
	putchar('\n');
}

static int
cc_list(struct store *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{"pending", no_argument, NULL, 'p'},
		{"spam", no_argument, NULL, 's'},
		{"approved", no_argument, NULL, 'a'},
		{"article", required_argument, NULL, 'A'},
		{NULL, 0, NULL, 0}};
	struct comment_list l = COMMENT_LIST_INIT;
	struct nd_error err;
	int64_t article = 0;
	int c, status = -1;
	size_t i;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'p' || c == 's' || c == 'a')
			status = c == 'p' ? COMMENT_PENDING : c == 's' ?
			    COMMENT_SPAM : COMMENT_APPROVED;
		else if (c == 'A') {
			if (cc_id(optarg, &article) != 0)
				return 2;
		} else
			goto usage;
	}
	if (optind != argc)
		goto usage;
	if (comments_list(s, status, article, CC_LIST_LIMIT, 0, &l, &err)) {
		cli_error("%s", err.msg);
		return 1;
	}
	for (i = 0; i < l.n; i++)
		if (status >= 0 || l.v[i].status != COMMENT_DELETED)
			cc_print(&l.v[i]);
	comment_list_release(&l);
	return 0;
usage:
	cc_usage(stderr);
	return 2;
}

/* Where `approve` sends the reply mail (comment_notice_reply). */
struct cc_mail {
	const char *deliver, *from, *base, *lang;
};

/* 1 when approving comment c may mail its parent's author (the parent
 * asked for reply mails), so that the delivery is opened only then. */
static int
cc_reply_due(struct store *s, const struct comment *c)
{
	struct comment *p = NULL;
	struct nd_error err;
	int due;

	if (c->status == COMMENT_APPROVED || c->parent_id == 0 ||
	    store_comment_get(s, c->parent_id, &p, &err) != ND_OK)
		return 0;
	due = p->notify_replies && p->email != NULL;
	comment_free(p);
	return due;
}

/* Queue the mail to the parent's author about reply id, now visible;
 * *queued = 1 when one was queued. */
static enum nd_err
cc_reply_queue(struct store *s, const struct cc_mail *m, int64_t id,
    int *queued, struct nd_error *err)
{
	unsigned char key[STORE_SECRET_BYTES];
	struct comment_notice_ctx cx;
	enum nd_err e;

	if ((e = store_secret(s, key, err)) != ND_OK)
		return e;
	memset(&cx, 0, sizeof(cx));
	cx.store = s;
	cx.key = key;
	cx.from = m->from;
	cx.base = m->base;
	cx.lang = m->lang;
	cx.now = (int64_t)time(NULL);
	return comment_notice_reply(&cx, id, queued, err);
}

/* Approve comment id and queue its reply mail (when due) in one
 * transaction: a mail that cannot be queued leaves it unapproved. */
static enum nd_err
cc_approve_store(struct store *s, const struct cc_mail *m, int64_t id,
    int *queued, struct nd_error *err)
{
	struct comment *c = NULL;
	enum nd_err e;

	*queued = 0;
	if ((e = store_tx_begin(s, err)) != ND_OK)
		return e;
	if ((e = store_comment_get(s, id, &c, err)) == ND_OK &&
	    (e = comments_approve(s, id, err)) == ND_OK && cc_reply_due(s, c))
		e = cc_reply_queue(s, m, id, queued, err);
	comment_free(c);
	return store_tx_end(s, e, err);
}

/* Deliver the queued reply mail of id through --deliver at once. */
static int
cc_reply_flush(struct store *s, const struct cc_mail *m, int64_t id,
    int quiet)
{
	struct outbox_stats st;
	struct nd_error err;

	memset(&st, 0, sizeof(st));
	if (cli_outbox_flush(s, m->deliver, &st, &err) != ND_OK) {
		cli_error("comment %" PRId64 " approved, but %s", id,
		    err.msg);
		return 1;
	}
	if (!quiet)
		printf("comment %" PRId64 ": reply mail %s\n", id,
		    st.retry + st.failed ? "queued (the relay did not take "
		    "it yet: newsdesk outbox --status)" : "sent");
	return 0;
}

/* approve ID [--deliver SPEC] [--from ADDR] [--base-url URL] [--lang] */
static int
cc_approve(struct store *s, int argc, char **argv, int quiet)
{
	static const struct option opts[] = {
		{"deliver", required_argument, NULL, 'd'},
		{"from", required_argument, NULL, 'f'},
		{"base-url", required_argument, NULL, 'b'},
		{"lang", required_argument, NULL, 'l'},
		{NULL, 0, NULL, 0}};
	struct cc_mail m = {DELIVER_DEFAULT, "newsdesk@localhost",
	    "http://127.0.0.1:8080", "en"};
	struct nd_error err;
	int64_t id;
	int o, queued;

	optind = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'd': m.deliver = optarg; break;
		case 'f': m.from = optarg; break;
		case 'b': m.base = optarg; break;
		case 'l': m.lang = optarg; break;
		default: goto usage;
		}
	}
	if (optind != argc - 1)
		goto usage;
	if (cc_id(argv[optind], &id) != 0)
		return 2;
	if (cc_approve_store(s, &m, id, &queued, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("comment %" PRId64 ": approved\n", id);
	return queued ? cc_reply_flush(s, &m, id, quiet) : 0;
usage:
	cc_usage(stderr);
	return 2;
}

/* spam, delete */
static int
cc_set(struct store *s, int argc, char **argv, int quiet)
{
	struct nd_error err;
	enum nd_err e;
	int64_t id;

	if (argc != 2) {
		cc_usage(stderr);
		return 2;
	}
	if (cc_id(argv[1], &id) != 0)
		return 2;
	if (strcmp(argv[0], "spam") == 0)
		e = comments_mark_spam(s, id, NULL, &err);
	else
		e = comments_delete(s, id, &err);
	if (e != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("comment %" PRId64 ": %s\n", id,
		    strcmp(argv[0], "spam") == 0 ? "spam" : "deleted");
	return 0;
}

static int
cc_export(struct store *s, int argc, char **argv, int quiet)
{
	static const struct option opts[] = {
		{"email", required_argument, NULL, 'e'},
		{"delete", no_argument, NULL, 'd'},
		{NULL, 0, NULL, 0}};
	struct buf out = BUF_INIT;
	struct nd_error err;
	const char *email = NULL;
	int c, del = 0, rc = 0;
	int64_t n = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'e')
			email = optarg;
		else if (c == 'd')
			del = 1;
		else
			goto usage;
	}
	if (email == NULL || optind != argc)
		goto usage;
	if (comments_export(s, email, &out, &err) != ND_OK ||
	    (del && comments_erase(s, email, &n, &err) != ND_OK)) {
		cli_error("%s", err.msg);
		rc = 1;
	} else {
		fputs(out.ptr, stdout);
		if (del && !quiet)
			fprintf(stderr, "newsdesk: erased %" PRId64 " comment%s "
			    "of '%s'\n", n, n == 1 ? "" : "s", email);
	}
	buf_release(&out);
	return rc;
usage:
	cc_usage(stderr);
	return 2;
}

static int
cc_block_list(struct store *s)
{
	struct comment_block_list l = {NULL, 0};
	struct nd_error err;
	size_t i;

	if (store_comment_block_list(s, &l, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	for (i = 0; i < l.n; i++)
		printf("%s\t%s\n", l.v[i].kind == COMMENT_BLOCK_WORD ? "word" :
		    "address", l.v[i].value);
	comment_block_list_release(&l);
	return 0;
}

static int
cc_block(struct store *s, int argc, char **argv, int quiet)
{
	enum comment_block_kind kind;
	struct nd_error err;
	enum nd_err e;
	char *value;

	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return cc_block_list(s);
	if (argc != 4 || (strcmp(argv[1], "add") && strcmp(argv[1], "rm")) ||
	    (strcmp(argv[2], "word") && strcmp(argv[2], "address"))) {
		cc_usage(stderr);
		return 2;
	}
	kind = strcmp(argv[2], "word") == 0 ? COMMENT_BLOCK_WORD :
	    COMMENT_BLOCK_ADDRESS;
	value = kind == COMMENT_BLOCK_ADDRESS ? comments_email_key(argv[3]) :
	    xstrdup(argv[3]);
	if (strcmp(argv[1], "add") == 0)
		e = store_comment_block_add(s, kind, value, &err);
	else
		e = store_comment_block_rm(s, kind, value, &err);
	if (e != ND_OK)
		cli_error("%s", err.msg);
	else if (!quiet)
		printf("%s '%s' %s the blocklist\n", argv[2], value,
		    strcmp(argv[1], "add") == 0 ? "added to" : "removed from");
	free(value);
	return e == ND_OK ? 0 : 1;
}

static int
cc_purge(struct store *s, int argc, char **argv, int quiet)
{
	static const struct option opts[] = {
		{"days", required_argument, NULL, 'd'}, {NULL, 0, NULL, 0}};
	struct comments_policy pol;
	struct nd_error err;
	int64_t n = 0, days;
	int c;

	comments_policy_default(&pol);
	days = pol.ip_days;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c != 'd' || (strcmp(optarg, "0") != 0 &&
		    cc_id(optarg, &days) != 0) || days > 36500) {
			cc_usage(stderr);
			return 2;
		}
		if (strcmp(optarg, "0") == 0)
			days = 0;
	}
	if (optind != argc) {
		cc_usage(stderr);
		return 2;
	}
	if (comments_purge_ips(s, (int64_t)time(NULL), (int)days, &n, &err)) {
		cli_error("%s", err.msg);
		return 1;
	}
	if (!quiet)
		printf("cleared %" PRId64 " ip hash%s older than %" PRId64
		    " day%s\n", n, n == 1 ? "" : "es", days, days == 1 ? "" :
		    "s");
	return 0;
}

struct cc_post_opts {
	int64_t article, parent, filled;
	const char *name, *email, *text, *website, *ip, *honeypot, *lang;
	int notify;
	struct comments_policy policy;
};

static int
cc_post_opt(struct cc_post_opts *o, int c, const char *arg)
{
	int m;

	switch (c) {
	case 'A': return cc_id(arg, &o->article);
	case 'P': return cc_id(arg, &o->parent);
	case 'n': o->name = arg; return 0;
	case 'e': o->email = arg; return 0;
	case 't': o->text = arg; return 0;
	case 'w': o->website = arg; return 0;
	case 'i': o->ip = arg; return 0;
	case 'H': o->honeypot = arg; return 0;
	case 'l': o->lang = arg; return 0;
	case 'N': o->notify = 1; return 0;
	case 'f':
		if (strcmp(arg, "0") == 0) {
			o->filled = 0;
			return 0;
		}
		return cc_id(arg, &o->filled);
	case 'm':
		if ((m = comments_moderation_parse(arg)) < 0) {
			cli_error("moderation must be all, first or none, not "
			    "'%s'", arg);
			return -1;
		}
		o->policy.moderation = (enum comments_moderation)m;
		return 0;
	default:
		return -1;
	}
}

static int
cc_post_parse(int argc, char **argv, struct cc_post_opts *o)
{
	static const struct option opts[] = {
		{"article", required_argument, NULL, 'A'},
		{"parent", required_argument, NULL, 'P'},
		{"name", required_argument, NULL, 'n'},
		{"email", required_argument, NULL, 'e'},
		{"text", required_argument, NULL, 't'},
		{"website", required_argument, NULL, 'w'},
		{"ip", required_argument, NULL, 'i'},
		{"honeypot", required_argument, NULL, 'H'},
		{"lang", required_argument, NULL, 'l'},
		{"notify", no_argument, NULL, 'N'},
		{"filled-in", required_argument, NULL, 'f'},
		{"moderation", required_argument, NULL, 'm'},
		{NULL, 0, NULL, 0}};
	int c;

	memset(o, 0, sizeof(*o));
	comments_policy_default(&o->policy);
	o->filled = 60;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1)
		if (cc_post_opt(o, c, optarg) != 0)
			return -1;
	if (optind != argc || o->article == 0) {
		cc_usage(stderr);
		return -1;
	}
	return 0;
}

static struct comments_text
cc_text(const char *s)
{
	struct comments_text t = {s, s ? strlen(s) : 0};

	return t;
}

/* Print a message, its one "%d" (if any) replaced by n. */
static void
cc_msg(const char *prefix, enum comments_msg m, const char *lang, int n)
{
	const char *t = comments_msg(m, lang), *d = strstr(t, "%d");

	if (d == NULL)
		cli_error("%s%s", prefix, t);
	else
		cli_error("%s%.*s%d%s", prefix, (int)(d - t), t, n, d + 2);
}

static int
cc_post_report(const struct cc_post_opts *o, const struct comment_result *r,
    int quiet)
{
	static const char *const names[COMMENTS_F_MAX] = {"name: ",
	    "email: ", "website: ", "text: "};
	int f;

	for (f = 0; f < COMMENTS_F_MAX; f++)
		if (r->field[f] != COMMENTS_MSG_NONE)
			cc_msg(names[f], r->field[f], o->lang,
			    comments_field_max((enum comments_field)f));
	if (r->verdict == COMMENTS_INVALID || r->verdict == COMMENTS_REFUSED) {
		if (r->msg != COMMENTS_MSG_NONE)
			cc_msg("", r->msg, o->lang, 0);
		return 1;
	}
	if (r->verdict == COMMENTS_SPAM)
		printf("spam %" PRId64 " (%s)\n", r->id, r->spam_reason);
	else
		printf("%s %" PRId64 "\n", comments_verdict_name(r->verdict),
		    r->id);
	if (!quiet)
		cc_msg("", r->msg, o->lang, 0);
	return 0;
}

static int
cc_post(struct store *s, int argc, char **argv, int quiet)
{
	unsigned char key[STORE_SECRET_BYTES];
	struct comment_result r;
	struct comment_form form;
	struct cc_post_opts o;
	struct nd_error err;
	int64_t now = (int64_t)time(NULL);
	char *tok = NULL;
	int rc = 1;

	if (cc_post_parse(argc, argv, &o) != 0)
		return 2;
	if (store_secret(s, key, &err) != ND_OK) {
		cli_error("%s", err.msg);
		return 1;
	}
	tok = comments_form_token(key, o.article, now - o.filled,
	    o.policy.form_max_age);
	memset(&form, 0, sizeof(form));
	form.article_id = o.article;
	form.parent_id = o.parent;
	form.field[COMMENTS_F_NAME] = cc_text(o.name);
	form.field[COMMENTS_F_EMAIL] = cc_text(o.email);
	form.field[COMMENTS_F_WEBSITE] = cc_text(o.website);
	form.field[COMMENTS_F_BODY] = cc_text(o.text);
	form.honeypot = cc_text(o.honeypot);
	form.form_token = tok;
	form.ip = o.ip;
	form.lang = o.lang;
	form.notify_replies = o.notify;
	if (comments_submit(s, key, &form, &o.policy, now, &r, &err) != ND_OK)
		cli_error("%s", err.msg);
	else
		rc = cc_post_report(&o, &r, quiet);
	comments_result_release(&r);
	free(tok);
	return rc;
}

int
cmd_comments(const struct cli_global *g, int argc, char **argv)
{
	static const char *const subs[] = {"list", "approve", "spam",
	    "delete", "export", "block", "purge-ips", "post", NULL};
	struct store *s;
	const char *sub;
	int rc, i;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cc_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	sub = argv[1];
	for (i = 0; subs[i] && strcmp(subs[i], sub); i++)
		;
	if (subs[i] == NULL) {
		cli_error("unknown comments command '%s'", sub);
		cc_usage(stderr);
		return 2;
	}
	if ((s = cli_store_open(g)) == NULL)
		return 1;
	argc--;
	argv++;
	if (strcmp(sub, "list") == 0)
		rc = cc_list(s, argc, argv);
	else if (strcmp(sub, "export") == 0)
		rc = cc_export(s, argc, argv, g->quiet);
	else if (strcmp(sub, "block") == 0)
		rc = cc_block(s, argc, argv, g->quiet);
	else if (strcmp(sub, "purge-ips") == 0)
		rc = cc_purge(s, argc, argv, g->quiet);
	else if (strcmp(sub, "post") == 0)
		rc = cc_post(s, argc, argv, g->quiet);
	else if (strcmp(sub, "approve") == 0)
		rc = cc_approve(s, argc, argv, g->quiet);
	else
		rc = cc_set(s, argc, argv, g->quiet);
	store_close(s);
	return rc;
}
