/* schedule.c - ICU ucal/udat for local dates, hours and date text. */
#include "mail/schedule.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#define SCHEDULE_TZ_MAX	64

/* tz as UTF-16; 0 when too long or empty. */
static int32_t
schedule_uzone(const char *tz, UChar *out, int32_t cap)
{
	size_t n = tz ? strlen(tz) : 0;

	if (n == 0 || n >= (size_t)cap || n > SCHEDULE_TZ_MAX)
		return 0;
	u_charsToUChars(tz, out, (int32_t)n);
	return (int32_t)n;
}

int
schedule_tz_valid(const char *tz)
{
	UChar id[SCHEDULE_TZ_MAX + 1], canon[128];
	UErrorCode e = U_ZERO_ERROR;
	UBool sys = 0;
	int32_t n = schedule_uzone(tz, id, SCHEDULE_TZ_MAX + 1);
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; tz[i]; i++)
		if (!((tz[i] >= 'A' && tz[i] <= 'Z') || (tz[i] >= 'a' &&
		    tz[i] <= 'z') || (tz[i] >= '0' && tz[i] <= '9') ||
		    strchr("/_+-", tz[i])))
			return 0;
	ucal_getCanonicalTimeZoneID(id, n, canon, 128, &sys, &e);
	return U_SUCCESS(e) && sys;
}

enum nd_err
schedule_local(const char *tz, int64_t now, struct local_day *out,
    struct nd_error *err)
{
	UChar id[SCHEDULE_TZ_MAX + 1];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = schedule_uzone(tz, id, SCHEDULE_TZ_MAX + 1);
	UCalendar *cal;
	int y, m, d;

	if (n == 0 || !schedule_tz_valid(tz))
		return nd_error_set(err, ND_EINVAL, "unknown time zone '%s'",
		    tz ? tz : "");
	cal = ucal_open(id, n, "en", UCAL_GREGORIAN, &e);
	if (U_FAILURE(e))
		return nd_error_set(err, ND_EINVAL, "time zone '%s': %s", tz,
		    u_errorName(e));
	ucal_setMillis(cal, (UDate)now * 1000.0, &e);
	y = ucal_get(cal, UCAL_EXTENDED_YEAR, &e);
	m = ucal_get(cal, UCAL_MONTH, &e) + 1;
	d = ucal_get(cal, UCAL_DATE, &e);
	out->hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &e);
	out->minute = ucal_get(cal, UCAL_MINUTE, &e);
	ucal_close(cal);
	if (U_FAILURE(e) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return nd_error_set(err, ND_EINVAL, "time zone '%s': no local "
		    "date for %lld", tz, (long long)now);
	snprintf(out->date, sizeof(out->date), "%04u-%02u-%02u",
	    (unsigned)y % 10000, (unsigned)m % 100, (unsigned)d % 100);
	return ND_OK;
}

/* Formatters are costly to open (a zone's rules, a locale's patterns),
 * so the first SCHEDULE_FMT_CACHE (locale, zone, kind) stay open for the
 * process; a formatter is not safe to share, so uses are serialized. */
#define SCHEDULE_FMT_CACHE	64

static struct {
	char tz[SCHEDULE_TZ_MAX + 1];
	const char *loc;
	int time_only;
	UDateFormat *f;
} schedule_fmt[SCHEDULE_FMT_CACHE];
static size_t schedule_nfmt;
static pthread_mutex_t schedule_lock = PTHREAD_MUTEX_INITIALIZER;

/* The cached formatter, or NULL (the caller opens its own). Under lock. */
static UDateFormat *
schedule_fmt_get(const char *loc, const char *tz, int time_only)
{
	size_t i;

	for (i = 0; i < schedule_nfmt; i++)
		if (schedule_fmt[i].loc == loc && schedule_fmt[i].time_only ==
		    time_only && strcmp(schedule_fmt[i].tz, tz) == 0)
			return schedule_fmt[i].f;
	return NULL;
}

static void
schedule_fmt_put(const char *loc, const char *tz, int time_only,
    UDateFormat **f)
{
	if (schedule_nfmt == SCHEDULE_FMT_CACHE || strlen(tz) > SCHEDULE_TZ_MAX)
		return;
	memcpy(schedule_fmt[schedule_nfmt].tz, tz, strlen(tz) + 1);
	schedule_fmt[schedule_nfmt].loc = loc;
	schedule_fmt[schedule_nfmt].time_only = time_only;
	schedule_fmt[schedule_nfmt++].f = *f;
	*f = NULL;	/* the cache owns it now */
}

enum nd_err
schedule_format(const char *lang, const char *tz, int64_t now,
    int time_only, struct buf *out, struct nd_error *err)
{
	UChar id[SCHEDULE_TZ_MAX + 1], res[128];
	static const UChar hhmm[] = {'H', 'H', ':', 'm', 'm', 0};
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = schedule_uzone(tz, id, SCHEDULE_TZ_MAX + 1), len;
	const char *loc = lang && strcmp(lang, "de") == 0 ? "de_DE" : "en_GB";
	char utf8[512];
	UDateFormat *f = NULL, *cached;

	if (n == 0)
		return nd_error_set(err, ND_EINVAL, "unknown time zone '%s'",
		    tz ? tz : "");
	pthread_mutex_lock(&schedule_lock);
	if ((cached = schedule_fmt_get(loc, tz, time_only)) == NULL) {
		f = time_only ? udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, id,
		    n, hhmm, -1, &e) : udat_open(UDAT_NONE, UDAT_LONG, loc, id,
		    n, NULL, 0, &e);
		if (U_FAILURE(e)) {
			pthread_mutex_unlock(&schedule_lock);
			return nd_error_set(err, ND_EINVAL, "cannot format "
			    "dates for '%s' in '%s'", loc, tz);
		}
		cached = f;
		schedule_fmt_put(loc, tz, time_only, &f);
	}
	len = udat_format(cached, (UDate)now * 1000.0, res, 128, NULL, &e);
	pthread_mutex_unlock(&schedule_lock);
	if (f)
		udat_close(f);
	if (U_SUCCESS(e))
		u_strToUTF8(utf8, (int32_t)sizeof(utf8), NULL, res, len, &e);
	if (U_FAILURE(e))
		return nd_error_set(err, ND_EINVAL, "cannot format a date");
	buf_puts(out, utf8);
	return ND_OK;
}
