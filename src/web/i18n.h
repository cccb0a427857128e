/* i18n.h - the UI languages: message catalogs from gettext .po files
 * (English msgids, translated msgstrs) and ICU date/number formatting.
 *
 * A catalog is loaded once at startup and then only read; it owns its
 * strings and ICU formatters. ICU formatters are not safe to share
 * between threads: each server worker has catalogs of its own, used by
 * one request at a time.
 */
#ifndef ND_I18N_H
#define ND_I18N_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

#define I18N_PO_MAX		(256u * 1024)	/* bytes of one .po file */
#define I18N_MAX_ENTRIES	1024
#define I18N_ACCEPT_MAX		1024		/* Accept-Language bytes */
#define I18N_ACCEPT_ITEMS	32

struct i18n;

/* A catalog for lang ("en", "de"). With po_path, messages come from
 * that .po file; with NULL, every message is its own msgid. Fails
 * naming the file and line when the .po is malformed or over a limit. */
enum nd_err i18n_new(const char *lang, const char *po_path,
    struct i18n **out, struct nd_error *err);
void i18n_free(struct i18n *c);
/* Parse .po text (p, n bytes) into c, replacing nothing already there;
 * name is used in messages. Exposed for tests and fuzzing. */
enum nd_err i18n_parse_po(struct i18n *c, const char *p, size_t n,
    const char *name, struct nd_error *err);

/* The translation of msgid, or msgid itself; borrowed from c. */
const char *i18n_tr(const struct i18n *c, const char *msgid);
const char *i18n_lang(const struct i18n *c);
/* A long localized date of UTC seconds t: "14 March 2022",
 * "14. März 2022". */
void i18n_date(const struct i18n *c, int64_t t, struct buf *out);
/* A long localized date with a short time of UTC seconds t (UTC):
 * "14 March 2022 at 09:30", "14. März 2022 um 09:30". */
void i18n_datetime(const struct i18n *c, int64_t t, struct buf *out);
/* A localized integer: "12,345" / "12.345". */
void i18n_number(const struct i18n *c, int64_t n, struct buf *out);

/* The UI language to use: a valid choice (query, then cookie, both
 * "en"/"de" or NULL) wins, then the best Accept-Language match (q-values,
 * at most I18N_ACCEPT_ITEMS items of I18N_ACCEPT_MAX bytes), else "en".
 * Returns a static string. */
const char *i18n_negotiate(const char *query, const char *cookie,
    const char *accept);

#endif
