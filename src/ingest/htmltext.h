/* htmltext.h - rules on short article strings for the HTML extractor:
 * bylines ("By Jane Doe and John Roe", "Von", "Par", "Por"), datelines
 * ("BERLIN —", "PARIS (Reuters) -"), trailing credit lines ("Additional
 * reporting by", "Mitarbeit:"), photo credits in captions and site-name
 * suffixes of titles. Pure string functions on NUL-terminated input.
 */
#ifndef ND_HTMLTEXT_H
#define ND_HTMLTEXT_H

#include "util/strlist.h"

#define HTMLTEXT_MAX_BYLINE	200	/* bytes of a byline line */
#define HTMLTEXT_MAX_NAMES	8

/* Names of a byline into out (appended, no duplicates). With need_prefix
 * the line must start with "By"/"Von"/"Par"/"Por". Returns the number of
 * names added; 0 when s is not a byline. */
int htmltext_byline(const char *s, int need_prefix, struct strlist *out);

/* The dateline place at the start of a paragraph, title-cased
 * ("BERLIN —" -> "Berlin", "Paris (AFP) -" -> "Paris"); a new string
 * the caller frees, or NULL. */
char *htmltext_dateline(const char *para);

#define HTMLTEXT_MAX_CREDITS	400	/* bytes of a credit line */

/* 1 if para is a credit line ("Additional reporting by ...", "Editing
 * by ...", "Mitarbeit: ..."), else 0. */
int htmltext_is_credits(const char *para);

/* Split a photo credit off *caption ("... Photo: X", "... © X", "...
 * X/Agency") into *credit when *credit is NULL; strip such a marker from
 * an existing *credit. Both are owned strings and may become NULL. */
void htmltext_caption(char **caption, char **credit);

/* 1 if s ends with a photo credit: a marker ("Photo: ", "Foto: ", "Fot. ",
 * a copyright sign, the Japanese "photographed by" label, ...) followed
 * by 2 to 80 bytes ("... market on Saturday. Foto: Ana Gil"). */
int htmltext_photo_credit(const char *s);

/* Cut a " | Site" (or " - Site" when it names site) suffix off *title. */
void htmltext_title(char **title, const char *site);

/* A page's <title> taken as its headline: the part after the last " | "
 * (or after a dash or middle dot when that part is shorter than the rest
 * and at most six words) is the site's name and is cut off *title. */
void htmltext_title_tag(char **title);

#endif
