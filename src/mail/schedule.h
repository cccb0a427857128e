/* schedule.h - local time for a reader's time zone (ICU calendars).
 *
 * Readers name an IANA zone; every computation of "local date" and
 * "local hour" goes through ICU so DST changes and odd offsets
 * (Asia/Kolkata +05:30, Pacific/Auckland +13) are right.
 */
#ifndef ND_SCHEDULE_H
#define ND_SCHEDULE_H

#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

struct local_day {
	char date[11];		/* "YYYY-MM-DD" */
	int hour, minute;
};

/* 1 if tz is an IANA zone ICU knows ("Europe/Berlin", "UTC"). */
int schedule_tz_valid(const char *tz);
/* The local date and time in tz at UTC second now. */
enum nd_err schedule_local(const char *tz, int64_t now,
    struct local_day *out, struct nd_error *err);
/* Append the long date of now in tz for lang ("29 March 2026",
 * "29. März 2026"); with time, "HH:MM" instead. */
enum nd_err schedule_format(const char *lang, const char *tz, int64_t now,
    int time_only, struct buf *out, struct nd_error *err);

#endif
