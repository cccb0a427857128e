#include "web/html.h"

#include <string.h>
#include <strings.h>

void
html_text(struct buf *b, const char *s)
{
	const char *p, *start;

	if (s == NULL)
		return;
	for (p = start = s; *p; p++) {
		const char *rep = NULL;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			/* C0 controls but tab, LF, CR, and DEL are not
			 * allowed in HTML or XML text: dropped */
			if (((unsigned char)*p < 0x20 && *p != '\t' &&
			    *p != '\n' && *p != '\r') || *p == 0x7f)
				rep = "";
			else
				continue;
		}
		buf_put(b, start, (size_t)(p - start));
		buf_puts(b, rep);
		start = p + 1;
	}
	buf_put(b, start, (size_t)(p - start));
}

void
html_attr(struct buf *b, const char *s)
{
	html_text(b, s);
}

void
html_url(struct buf *b, const char *s)
{
	size_t scheme;

	if (s == NULL)
		return;
	scheme = strcspn(s, ":/?#");
	if (s[scheme] == ':' && !(scheme == 4 && !strncasecmp(s, "http", 4)) &&
	    !(scheme == 5 && !strncasecmp(s, "https", 5)) &&
	    !(scheme == 6 && !strncasecmp(s, "mailto", 6))) {
		buf_putc(b, '#');
		return;
	}
	html_text(b, s);
}

void
html_raw_trusted(struct buf *b, const char *s)
{
	buf_puts(b, s);
}
