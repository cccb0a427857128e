/* htmlentity.h - named character references for the HTML parser. */
#ifndef ND_HTMLENTITY_H
#define ND_HTMLENTITY_H

#include <stddef.h>

#define HTMLENTITY_MAX_NAME	8	/* longest name in the table */

/* The code point of the reference named s[0..n) (without '&' and ';'),
 * or 0 when the name is unknown. Case-sensitive. */
unsigned htmlentity_lookup(const char *s, size_t n);

#endif
