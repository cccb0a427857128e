/* extract_text_date.c - dates written out in English, German, French and
 * Spanish ("March 14, 2022", "14. März 2022", "le 14 mars 2022",
 * "14 de marzo de 2022") and numeric ones ("14.03.2022", "2022-03-14"),
 * with an optional weekday before and time of day after.
 *
 * A time of day is read over but not kept: pages rarely say the zone, so
 * the date alone is stored (has_time 0).
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#include "util/timeutil.h"

#define XT_TIME_WORDS	5	/* words of a time of day read over */

/* Leading decimal digits of p[0..n) into *v (at most 4); returns count. */
static size_t
xt_digits(const char *p, size_t n, int *v)
{
	size_t k = 0;

	*v = 0;
	while (k < n && k < 4 && p[k] >= '0' && p[k] <= '9')
		*v = *v * 10 + (p[k++] - '0');
	if (k < n && p[k] >= '0' && p[k] <= '9')
		return 0;
	return k;
}

static const char *
xt_word(const struct xt *x, size_t i, size_t *n)
{
	*n = x->t[i].len;
	return x->s + x->t[i].off;
}

/* A day number word: "14", "14.", "14,", "1er", "1st", "14th". */
static int
xt_day(const struct xt *x, size_t i)
{
	size_t n, k;
	const char *p;
	int v;

	if (i >= x->nt || !(x->t[i].flags & TF_DIGIT))
		return 0;
	p = xt_word(x, i, &n);
	k = xt_digits(p, n, &v);
	if (k == 0 || k > 2 || v < 1 || v > 31)
		return 0;
	p += k;
	n -= k;
	if (n == 0 || (n == 1 && (*p == '.' || *p == ',')) ||
	    (n == 2 && memcmp(p, "er", 2) == 0) ||
	    (n >= 2 && n <= 3 && (memcmp(p, "st", 2) == 0 ||
	    memcmp(p, "nd", 2) == 0 || memcmp(p, "rd", 2) == 0 ||
	    memcmp(p, "th", 2) == 0)))
		return v;
	return 0;
}

/* A year word: four digits, then nothing or one of . , ; : ) */
static int
xt_year(const struct xt *x, size_t i)
{
	size_t n, k;
	const char *p;
	int v;

	if (i >= x->nt || !(x->t[i].flags & TF_DIGIT))
		return 0;
	p = xt_word(x, i, &n);
	k = xt_digits(p, n, &v);
	if (k != 4 || v < 1900 || v > 2199)
		return 0;
	if (n - k > 1 || (n > k && strchr(".,;:)", p[k]) == NULL))
		return 0;
	return v;
}

static int
xt_month_word(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	size_t n;

	if (i >= x->nt || !(x->t[i].cls & XC_MONTH))
		return 0;
	n = xt_key(x, i, key);
	return xt_month(key, n);
}

/* "14.03.2022", "14/03/2022", "2022-03-14", and with two figures of
 * the year "11/19/19", "19.11.19": one word. */
static int
xt_numeric(const struct xt *x, size_t i, int *y, int *m, int *d)
{
	size_t n, k1, k2, k3;
	const char *p = xt_word(x, i, &n);
	int a, b, c;
	char sep;

	if ((k1 = xt_digits(p, n, &a)) == 0 || k1 >= n)
		return 0;
	sep = p[k1];
	if (sep != '.' && sep != '/' && sep != '-')
		return 0;
	k2 = xt_digits(p + k1 + 1, n - k1 - 1, &b);
	if (k2 == 0 || k2 > 2 || k1 + 1 + k2 >= n || p[k1 + 1 + k2] != sep)
		return 0;
	k3 = xt_digits(p + k1 + 2 + k2, n - k1 - 2 - k2, &c);
	if (k3 == 0 || n - (k1 + 2 + k2 + k3) > 1)
		return 0;
	if (k1 == 4) {
		*y = a, *m = b, *d = c;
		return k3 <= 2;
	}
	if ((k3 != 4 && !(k3 == 2 && sep != '-')) || k1 > 2)
		return 0;
	*y = k3 == 4 ? c : c + (c < 70 ? 2000 : 1900);	/* "11/19/19" */
	if (a > 12 || (x->dayfirst && b <= 12))
		*d = a, *m = b;
	else
		*m = a, *d = b;
	return 1;
}

/* Month-name forms from i; sets y m d, returns the index past them. */
static size_t
xt_named(const struct xt *x, size_t i, int *y, int *m, int *d)
{
	size_t j = i;

	if ((*m = xt_month_word(x, j)) != 0) {	/* March 14, 2022 */
		if ((*d = xt_day(x, j + 1)) != 0 &&
		    (*y = xt_year(x, j + 2)) != 0)
			return j + 3;
		return 0;
	}
	if ((*d = xt_day(x, j)) == 0)
		return 0;
	j++;
	if (xt_is_word(x, j, "de"))
		j++;
	if ((*m = xt_month_word(x, j)) == 0)
		return 0;
	j++;
	if (xt_is_word(x, j, "de"))
		j++;
	if ((*y = xt_year(x, j)) == 0)
		return 0;
	return j + 1;
}

static int
xt_time_like(const struct xt *x, size_t i)
{
	size_t n;
	const char *p;
	int v;
	size_t k;

	if (i >= x->nt)
		return 0;
	if (x->t[i].cls & XC_TIMEW)
		return 1;
	p = xt_word(x, i, &n);
	k = xt_digits(p, n, &v);
	if (k == 0 || k > 2 || k >= n)
		return 0;
	return p[k] == ':' || p[k] == 'h' || p[k] == '.';
}

/* A time zone after a time of day: "ET", "EST", "CEST", "UTC". */
static int
xt_zone(const struct xt *x, size_t k)
{
	const char *p = x->s + x->t[k].off;
	size_t n = x->t[k].len;

	if (!(x->t[k].flags & TF_UPPER) || n < 2 || n > 4)
		return 0;
	return p[n - 1] == 'T' || (n == 3 && memcmp(p, "UTC", 3) == 0);
}

/* Read over a time of day after a date: "12:30", "at 9:30 a.m.",
 * "um 12.30 Uhr", "à 14h30", "- 10:15 GMT". */
static size_t
xt_time_after(const struct xt *x, size_t j)
{
	size_t k, lim = j + XT_TIME_WORDS;
	int seen = 0;

	for (k = j; k < x->nt && k < lim; k++) {
		if (x->t[k].flags & TF_NL)
			break;
		if (xt_time_like(x, k) || (seen && xt_zone(x, k))) {
			seen = 1;
			j = k + 1;
			continue;
		}
		if (seen || !((x->t[k].flags & TF_PUNCT) || xt_is_word(x, k,
		    "at") || xt_is_word(x, k, "um") || xt_is_word(x, k, "à") ||
		    xt_is_word(x, k, "a") || xt_is_word(x, k, "las")))
			break;
	}
	return j;
}

/* Read over a time of day before a date: "11:21 pm CST, Tuesday, ...",
 * "10:48, Tue, Nov 19, 2019". Returns j when there is none. */
static size_t
xt_time_before(const struct xt *x, size_t j)
{
	size_t k = j, n, h;
	const char *p;
	int v;

	if (j >= x->nt)
		return j;
	p = xt_word(x, j, &n);	/* "11:21", "10.48,", "9h30" */
	h = xt_digits(p, n, &v);
	if (h == 0 || h > 2 || h + 3 > n || strchr(":.h", p[h]) == NULL ||
	    xt_digits(p + h + 1, n - h - 1, &v) != 2 || n > h + 4 ||
	    (n == h + 4 && p[n - 1] != ','))
		return j;
	for (k++; k < x->nt && k < j + XT_TIME_WORDS; k++) {
		if (x->t[k].flags & TF_NL)
			return j;
		if (!xt_time_like(x, k) && !(x->t[k].flags & TF_PUNCT) &&
		    !((x->t[k].flags & TF_UPPER) && x->t[k].len <= 4))
			break;
	}
	return k;
}

size_t
xt_date_at(const struct xt *x, size_t i, int64_t *t)
{
	int y = 0, m = 0, d = 0;
	size_t j = xt_time_before(x, i);

	if (j < x->nt && (x->t[j].cls & XC_WEEKDAY))
		j++;
	if (j < x->nt && (x->t[j].cls & XC_DATEPREP))
		j++;
	if (j >= x->nt)
		return 0;
	if (xt_numeric(x, j, &y, &m, &d))
		j++;
	else if ((j = xt_named(x, j, &y, &m, &d)) == 0)
		return 0;
	if (time_from_civil(y, m, d, 0, 0, 0, t) != ND_OK)
		return 0;
	if (d > 28 && d > (int)(time_days_from_civil(m == 12 ? y + 1 : y,
	    m == 12 ? 1u : (unsigned)m + 1, 1) - time_days_from_civil(y,
	    (unsigned)m, 1)))
		return 0;
	return xt_time_after(x, j);
}
