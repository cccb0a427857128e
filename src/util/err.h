/* err.h - the one error enum of newsdesk and a carrier for its message.
 *
 * Functions that can fail return enum nd_err and, when given a non-NULL
 * struct nd_error, fill it with a one-line, lowercase message that names
 * the input and what was wrong with it.
 */
#ifndef ND_ERR_H
#define ND_ERR_H

enum nd_err {
	ND_OK = 0,
	ND_EINVAL,	/* bad argument or malformed input */
	ND_ELIMIT,	/* input over a configured limit */
	ND_EPARSE,	/* a parser rejected the input */
	ND_EUTF8,	/* invalid UTF-8 that could not be repaired */
	ND_EEMPTY,	/* nothing to work on */
	ND_EBINARY,	/* binary data where text was expected */
	ND_EIO,		/* file system error */
	ND_ENET,	/* network error: DNS, connect, TLS */
	ND_EHTTP,	/* HTTP status not 2xx */
	ND_ETIMEOUT,	/* operation timed out */
	ND_ESTORE,	/* database error */
	ND_ENOTFOUND,	/* no such record */
	ND_EEXIST,	/* record already exists */
	ND_EFORMAT,	/* input is of the wrong kind (HTML given as feed) */
	ND_ERR_MAX
};

#define ND_ERRMSG_MAX 512

struct nd_error {
	enum nd_err code;
	char msg[ND_ERRMSG_MAX];
};

/* Static string naming the code: "invalid input", "over limit", ... */
const char *nd_strerror(enum nd_err code);

/* Set err (if non-NULL) to code and a printf-formatted message; returns code.
 * A message longer than ND_ERRMSG_MAX is cut and ends in "...". */
enum nd_err nd_error_set(struct nd_error *err, enum nd_err code,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Reset err to ND_OK with an empty message. */
void nd_error_clear(struct nd_error *err);

#endif
