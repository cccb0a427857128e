/* lang.h - language identification of article text by function words. */
#ifndef ND_LANG_H
#define ND_LANG_H

#include <stddef.h>

/* Best guess of the language of text[0..n) as a two-letter code ("en",
 * "de", "fr", "es", "it", "nl", "pt"), or NULL when there is too little
 * text to tell. The string is static. */
const char *lang_detect(const char *text, size_t n);

#endif
