/* cli.h - what the command files share with main.c. */
#ifndef ND_CLI_H
#define ND_CLI_H

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

/* Open the store named by g and migrate it; prints the error and returns
 * NULL on failure. */
struct store *cli_store_open(const struct cli_global *g);

/* Print "newsdesk: " and the message to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
