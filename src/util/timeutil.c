#include "util/timeutil.h"

#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil. */
int64_t
time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
time_civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
time_mdays(int y, int m)
{
	static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : md[m - 1];
}

enum nd_err
time_from_civil(int y, int mon, int day, int h, int min, int s, int64_t *out)
{
	if (y < 1 || y > 9999 || mon < 1 || mon > 12 || day < 1 ||
	    day > time_mdays(y, mon) || h < 0 || h > 23 || min < 0 ||
	    min > 59 || s < 0 || s > 60)
		return ND_EINVAL;
	*out = time_days_from_civil(y, (unsigned)mon, (unsigned)day) * 86400 +
	    h * 3600 + min * 60 + (s == 60 ? 59 : s);
	return ND_OK;
}

/* Read exactly w digits at *i. */
static int
time_digits(const char *s, size_t n, size_t *i, int w, int *out)
{
	int v = 0, k;

	for (k = 0; k < w; k++) {
		if (*i >= n || s[*i] < '0' || s[*i] > '9')
			return -1;
		v = v * 10 + (s[(*i)++] - '0');
	}
	*out = v;
	return 0;
}

static void
time_skip_space(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' ||
	    s[*i] == '\r'))
		(*i)++;
}

/* Parse "Z", "+hh:mm", "+hhmm", "+hh" at *i into seconds east of UTC. */
static int
time_iso_zone(const char *s, size_t n, size_t *i, int *off)
{
	int sign, hh, mm = 0;

	if (*i < n && (s[*i] == 'Z' || s[*i] == 'z')) {
		(*i)++;
		*off = 0;
		return 0;
	}
	if (*i >= n || (s[*i] != '+' && s[*i] != '-'))
		return -1;
	sign = s[(*i)++] == '-' ? -1 : 1;
	if (time_digits(s, n, i, 2, &hh))
		return -1;
	if (*i < n && s[*i] == ':')
		(*i)++;
	if (*i < n && s[*i] >= '0' && s[*i] <= '9' &&
	    time_digits(s, n, i, 2, &mm))
		return -1;
	if (hh > 23 || mm > 59)
		return -1;
	*off = sign * (hh * 3600 + mm * 60);
	return 0;
}

static int
time_iso_clock(const char *s, size_t n, size_t *i, int *h, int *mi, int *se)
{
	if (time_digits(s, n, i, 2, h) || *i >= n || s[(*i)++] != ':' ||
	    time_digits(s, n, i, 2, mi))
		return -1;
	*se = 0;
	if (*i < n && s[*i] == ':') {
		(*i)++;
		if (time_digits(s, n, i, 2, se))
			return -1;
		if (*i < n && (s[*i] == '.' || s[*i] == ','))
			for ((*i)++; *i < n && s[*i] >= '0' && s[*i] <= '9';)
				(*i)++;
	}
	return 0;
}

enum nd_err
time_parse_iso(const char *s, size_t n, int64_t *t, int *has_time)
{
	size_t i = 0;
	int y, mo, d, h = 0, mi = 0, se = 0, off = 0, timed = 0;

	time_skip_space(s, n, &i);
	if (time_digits(s, n, &i, 4, &y) || i >= n || s[i++] != '-' ||
	    time_digits(s, n, &i, 2, &mo) || i >= n || s[i++] != '-' ||
	    time_digits(s, n, &i, 2, &d))
		return ND_EPARSE;
	if (i < n && (s[i] == 'T' || s[i] == 't' || (s[i] == ' ' &&
	    i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))) {
		i++;
		if (time_iso_clock(s, n, &i, &h, &mi, &se))
			return ND_EPARSE;
		timed = 1;
		if (i < n && s[i] != ' ' && time_iso_zone(s, n, &i, &off))
			return ND_EPARSE;
	}
	time_skip_space(s, n, &i);
	if (i != n)
		return ND_EPARSE;
	if (time_from_civil(y, mo, d, h, mi, se, t) != ND_OK)
		return ND_EINVAL;
	*t -= off;
	*has_time = timed;
	return ND_OK;
}

static int
time_month(const char *s, size_t n)
{
	static const char *const mon[12] = {"jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
	char low[3];
	int k;

	if (n < 3)
		return 0;
	for (k = 0; k < 3; k++)
		low[k] = (char)(s[k] | 0x20);
	for (k = 0; k < 12; k++)
		if (memcmp(low, mon[k], 3) == 0)
			return k + 1;
	return 0;
}

static int
time_rfc822_zone(const char *s, size_t n, size_t *i, int *off)
{
	static const struct { const char *name; int hours; } zones[] = {
		{"GMT", 0}, {"UTC", 0}, {"UT", 0}, {"Z", 0}, {"EST", -5},
		{"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7},
		{"MDT", -6}, {"PST", -8}, {"PDT", -7},
	};
	size_t k, len;

	if (*i < n && (s[*i] == '+' || s[*i] == '-'))
		return time_iso_zone(s, n, i, off);
	for (k = 0; k < sizeof(zones) / sizeof(zones[0]); k++) {
		len = strlen(zones[k].name);
		if (n - *i >= len && strncmp(s + *i, zones[k].name, len) == 0) {
			*i += len;
			*off = zones[k].hours * 3600;
			return 0;
		}
	}
	*off = 0;		/* unknown zone: RFC 2822 says treat as UTC */
	while (*i < n && s[*i] != ' ')
		(*i)++;
	return 0;
}

enum nd_err
time_parse_rfc822(const char *s, size_t n, int64_t *t, int *has_time)
{
	size_t i = 0;
	int d, mo, y, h = 0, mi = 0, se = 0, off = 0, timed = 0;

	time_skip_space(s, n, &i);
	if (i < n && !(s[i] >= '0' && s[i] <= '9')) {
		while (i < n && s[i] != ',' && s[i] != ' ')
			i++;
		if (i < n && s[i] == ',')
			i++;
		time_skip_space(s, n, &i);
	}
	if (time_digits(s, n, &i, 1, &d))
		return ND_EPARSE;
	if (i < n && s[i] >= '0' && s[i] <= '9')
		d = d * 10 + (s[i++] - '0');
	time_skip_space(s, n, &i);
	if ((mo = time_month(s + i, n - i)) == 0)
		return ND_EPARSE;
	while (i < n && s[i] != ' ')
		i++;
	time_skip_space(s, n, &i);
	if (time_digits(s, n, &i, 4, &y))
		return ND_EPARSE;
	time_skip_space(s, n, &i);
	if (i < n && s[i] >= '0' && s[i] <= '9') {
		if (time_iso_clock(s, n, &i, &h, &mi, &se))
			return ND_EPARSE;
		timed = 1;
		time_skip_space(s, n, &i);
		if (i < n && time_rfc822_zone(s, n, &i, &off))
			return ND_EPARSE;
	}
	time_skip_space(s, n, &i);
	if (i != n)
		return ND_EPARSE;
	if (time_from_civil(y, mo, d, h, mi, se, t) != ND_OK)
		return ND_EINVAL;
	*t -= off;
	*has_time = timed;
	return ND_OK;
}

enum nd_err
time_parse(const char *s, size_t n, int64_t *t, int *has_time)
{
	if (time_parse_iso(s, n, t, has_time) == ND_OK)
		return ND_OK;
	return time_parse_rfc822(s, n, t, has_time);
}

void
time_format_iso(int64_t t, int has_time, char out[static 21])
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	unsigned m, d, uy;
	int y;

	time_civil_from_days(days, &y, &m, &d);
	uy = y < 0 ? 0 : (unsigned)y % 10000;
	if (has_time)
		snprintf(out, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ", uy, m % 13,
		    d % 32, (unsigned)(secs / 3600) % 24,
		    (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
	else
		snprintf(out, 21, "%04u-%02u-%02u", uy, m % 13, d % 32);
}
