/* migrations.h - the versioned SQLite schema as constant SQL.
 *
 * Step i (version i + 1) brings a database from version i to i + 1; the
 * store applies each missing step in its own transaction and records it
 * in schema_version. Steps are never edited once released: a change is
 * a new step at the end.
 */
#ifndef ND_MIGRATIONS_H
#define ND_MIGRATIONS_H

#include <stddef.h>

/* The version of the last step of migrations_sqlite (a unit test checks
 * they agree). */
#define MIGRATIONS_SQLITE_LATEST	7

struct migration {
	int version;		/* version after this step */
	const char *sql;	/* one or more statements, no data */
};

extern const struct migration migrations_sqlite[];
extern const size_t migrations_sqlite_n;

#endif
