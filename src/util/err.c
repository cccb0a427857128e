#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const nd_errstr[ND_ERR_MAX] = {
	[ND_OK] = "success",
	[ND_EINVAL] = "invalid input",
	[ND_ELIMIT] = "over limit",
	[ND_EPARSE] = "parse error",
	[ND_EUTF8] = "invalid utf-8",
	[ND_EEMPTY] = "empty input",
	[ND_EBINARY] = "binary input",
	[ND_EIO] = "i/o error",
	[ND_ENET] = "network error",
	[ND_EHTTP] = "http error",
	[ND_ETIMEOUT] = "timed out",
	[ND_ESTORE] = "store error",
	[ND_ENOTFOUND] = "not found",
	[ND_EEXIST] = "already exists",
	[ND_EFORMAT] = "wrong format",
};

const char *
nd_strerror(enum nd_err code)
{
	if ((unsigned)code >= ND_ERR_MAX)
		return "unknown error";
	return nd_errstr[code];
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
enum nd_err
nd_error_set(struct nd_error *err, enum nd_err code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	n = vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		err->msg[0] = '\0';
	else if ((size_t)n >= sizeof(err->msg))
		memcpy(err->msg + sizeof(err->msg) - 4, "...", 4);
	return code;
}

void
nd_error_clear(struct nd_error *err)
{
	if (err == NULL)
		return;
	err->code = ND_OK;
	err->msg[0] = '\0';
}
