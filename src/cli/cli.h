/* cli.h - what the command files share with main.c. */
#ifndef ND_CLI_H
#define ND_CLI_H

#include <stdio.h>

#include "ingest/ingest.h"
#include "store/store.h"

/* Global options, parsed by main.c before the command name. */
struct cli_global {
	const char *db;		/* --db, $NEWSDESK_DB, "var/newsdesk.db" */
	int quiet;		/* --quiet */
};

/* A command: argv[0] is the command name; returns the exit status
 * (0 success, 1 failure, 2 misuse). */
struct cli_command {
	const char *name;
	int (*run)(const struct cli_global *g, int argc, char **argv);
	const char *summary;
};

int cmd_init(const struct cli_global *g, int argc, char **argv);
int cmd_extract(const struct cli_global *g, int argc, char **argv);
int cmd_ingest(const struct cli_global *g, int argc, char **argv);
int cmd_topic(const struct cli_global *g, int argc, char **argv);
int cmd_serve(const struct cli_global *g, int argc, char **argv);
int cmd_comments(const struct cli_global *g, int argc, char **argv);
int cmd_subscribe(const struct cli_global *g, int argc, char **argv);
int cmd_subscribers(const struct cli_global *g, int argc, char **argv);
int cmd_digest(const struct cli_global *g, int argc, char **argv);
int cmd_admin(const struct cli_global *g, int argc, char **argv);
int cmd_outbox(const struct cli_global *g, int argc, char **argv);

struct outbox_stats;
/* Open the delivery spec (NULL: the default Maildir) and deliver every
 * due mail of the store's outbox through it (outbox_deliver), adding
 * to st: what a command that just queued a mail runs so that it goes
 * out before the command exits. Fails when the store or the delivery
 * cannot be used. */
enum nd_err cli_outbox_flush(struct store *s, const char *spec,
    struct outbox_stats *st, struct nd_error *err);

/* Open the store named by g and migrate it; prints the error and returns
 * NULL on failure. */
struct store *cli_store_open(const struct cli_global *g);

/* Options shared by extract and ingest (--format, --url, --no-fetch,
 * --help) into o. Returns -1 to go on, else the exit status to return
 * (0 after --help, 2 on misuse). optind is left at the first operand. */
int cli_ingest_options(int argc, char **argv, struct ingest_opts *o,
    void (*usage)(FILE *));

/* An ingest_opts warn callback printing "newsdesk: warning: MSG". */
void cli_warn(const char *msg, void *arg);

/* Print "newsdesk:  and the message to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
