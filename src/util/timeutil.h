/* timeutil.h - parsing and formatting of the dates newsdesk meets.
 *
 * Times are int64 seconds since the epoch, UTC. A parsed date may carry no
 * time of day ("2022-03-14"): has_time tells, and such a date is midnight
 * UTC of that day.
 */
#ifndef ND_TIMEUTIL_H
#define ND_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* Days since 1970-01-01 for a proleptic Gregorian date (month 1..12). */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d);

/* Seconds for a UTC civil time; 0 on out-of-range fields is not possible:
 * returns ND_EINVAL for month/day/hour/minute/second out of range. */
enum nd_err time_from_civil(int y, int mon, int day, int h, int min, int s,
    int64_t *out);

/* ISO 8601 / RFC 3339: "2022-03-14", "2022-03-14T09:30", "...:00Z",
 * "...+01:00", fractional seconds ignored. Leading/trailing space allowed. */
enum nd_err time_parse_iso(const char *s, size_t n, int64_t *t, int *has_time);

/* RFC 822/1123/2822 as in RSS: "Mon, 14 Mar 2022 09:30:00 +0100", with
 * or without weekday and seconds, zones GMT/UT/Z/EST/.../+hhmm. */
enum nd_err time_parse_rfc822(const char *s, size_t n, int64_t *t,
    int *has_time);

/* Either of the above. */
enum nd_err time_parse(const char *s, size_t n, int64_t *t, int *has_time);

/* Write "YYYY-MM-DD" (has_time 0) or "YYYY-MM-DDThh:mm:ssZ" into out,
 * which must hold at least 21 bytes. */
void time_format_iso(int64_t t, int has_time, char out[static 21]);

#endif
