/* html.h - writing HTML safely: every value goes through an escaping
 * function; raw output needs html_raw_trusted(), whose name says so. */
#ifndef ND_HTML_H
#define ND_HTML_H

#include <stddef.h>

#include "util/buf.h"

/* Text content: escapes & < > " ' and drops C0 control characters
 * (but tab, LF, CR) and DEL, which HTML and XML text may not hold. */
void html_text(struct buf *b, const char *s);
/* Attribute value (inside double quotes): same escaping as text. */
void html_attr(struct buf *b, const char *s);
/* A URL for href/src: only http, https, mailto and relative URLs pass;
 * anything else (javascript:, data:) is written as "#". Escaped. */
void html_url(struct buf *b, const char *s);
/* Markup from the program itself, never from data. */
void html_raw_trusted(struct buf *b, const char *s);

#endif
