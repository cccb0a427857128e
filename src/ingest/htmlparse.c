#include "ingest/htmlparse.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/htmlentity.h"
#include "ingest/htmltree.h"
#include "util/xalloc.h"

#define HTMLARENA_MIN		(16u << 10)	/* first block, bytes */
#define HTMLARENA_MAX		(1u << 20)	/* largest regular block */
#define HTMLPARSE_NAME		64		/* bytes of a tag name kept */
#define HTMLPARSE_ATTR_NAME	16		/* longest kept attribute name */

struct html_block {
	struct html_block *next;
	size_t used, cap;
	unsigned char data[];
};

struct html_arena {
	struct html_block *head;
	size_t next_cap;
};

struct tagname {
	const char *name;
	enum htmltag tag;
};

static const struct tagname htmlparse_tags[] = {
	{"a", TAG_A}, {"abbr", TAG_ABBR}, {"address", TAG_ADDRESS},
	{"applet", TAG_APPLET}, {"area", TAG_AREA}, {"article", TAG_ARTICLE},
	{"aside", TAG_ASIDE}, {"audio", TAG_AUDIO}, {"b", TAG_B},
	{"base", TAG_BASE}, {"big", TAG_BIG}, {"blockquote", TAG_BLOCKQUOTE},
	{"body", TAG_BODY}, {"br", TAG_BR}, {"button", TAG_BUTTON},
	{"canvas", TAG_CANVAS}, {"caption", TAG_CAPTION},
	{"center", TAG_CENTER}, {"cite", TAG_CITE}, {"code", TAG_CODE},
	{"col", TAG_COL}, {"colgroup", TAG_COLGROUP}, {"dd", TAG_DD},
	{"details", TAG_DETAILS}, {"dialog", TAG_DIALOG}, {"dir", TAG_DIR},
	{"div", TAG_DIV}, {"dl", TAG_DL}, {"dt", TAG_DT}, {"em", TAG_EM},
	{"embed", TAG_EMBED}, {"fieldset", TAG_FIELDSET},
	{"figcaption", TAG_FIGCAPTION}, {"figure", TAG_FIGURE},
	{"font", TAG_FONT}, {"footer", TAG_FOOTER}, {"form", TAG_FORM},
	{"h1", TAG_H1}, {"h2", TAG_H2}, {"h3", TAG_H3}, {"h4", TAG_H4},
	{"h5", TAG_H5}, {"h6", TAG_H6}, {"head", TAG_HEAD},
	{"header", TAG_HEADER}, {"hgroup", TAG_HGROUP}, {"hr", TAG_HR},
	{"html", TAG_HTML}, {"i", TAG_I}, {"iframe", TAG_IFRAME},
	{"image", TAG_IMAGE}, {"img", TAG_IMG}, {"input", TAG_INPUT},
	{"keygen", TAG_KEYGEN}, {"label", TAG_LABEL}, {"li", TAG_LI},
	{"link", TAG_LINK}, {"listing", TAG_LISTING}, {"main", TAG_MAIN},
	{"map", TAG_MAP}, {"mark", TAG_MARK}, {"marquee", TAG_MARQUEE},
	{"math", TAG_MATH}, {"menu", TAG_MENU}, {"meta", TAG_META},
	{"nav", TAG_NAV}, {"nobr", TAG_NOBR}, {"noembed", TAG_NOEMBED},
	{"noframes", TAG_NOFRAMES}, {"noscript", TAG_NOSCRIPT},
	{"object", TAG_OBJECT}, {"ol", TAG_OL}, {"optgroup", TAG_OPTGROUP},
	{"option", TAG_OPTION}, {"p", TAG_P}, {"param", TAG_PARAM},
	{"picture", TAG_PICTURE}, {"plaintext", TAG_PLAINTEXT},
	{"pre", TAG_PRE}, {"q", TAG_Q}, {"s", TAG_S}, {"script", TAG_SCRIPT},
	{"section", TAG_SECTION}, {"select", TAG_SELECT},
	{"small", TAG_SMALL}, {"source", TAG_SOURCE}, {"span", TAG_SPAN},
	{"strike", TAG_STRIKE}, {"strong", TAG_STRONG}, {"style", TAG_STYLE},
	{"sub", TAG_SUB}, {"summary", TAG_SUMMARY}, {"sup", TAG_SUP},
	{"svg", TAG_SVG}, {"table", TAG_TABLE}, {"tbody", TAG_TBODY},
	{"td", TAG_TD}, {"template", TAG_TEMPLATE},
	{"textarea", TAG_TEXTAREA}, {"tfoot", TAG_TFOOT}, {"th", TAG_TH},
	{"thead", TAG_THEAD}, {"time", TAG_TIME}, {"title", TAG_TITLE},
	{"tr", TAG_TR}, {"track", TAG_TRACK}, {"tt", TAG_TT}, {"u", TAG_U},
	{"ul", TAG_UL}, {"video", TAG_VIDEO}, {"wbr", TAG_WBR},
	{"xmp", TAG_XMP},
};

/* Indexed by enum htmlattr. */
static const char *const htmlparse_attrs[HA_MAX] = {
	"alt", "aria-hidden", "charset", "class", "content", "data-src",
	"datetime", "height", "hidden", "href", "http-equiv", "id",
	"itemprop", "itemtype", "lang", "name", "property", "rel", "role",
	"src", "srcset", "style", "title", "type", "width",
};

/* Windows-1252 meanings of the references &#128; .. &#159;. */
static const unsigned short htmlparse_c1[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
};

enum hp_raw { HP_NORMAL, HP_RAW, HP_RCDATA, HP_PLAINTEXT };

struct hp {
	const char *s;
	size_t n, pos;
	int has_nul;		/* the input holds NUL bytes */
	struct html_arena *arena;
	struct htmltree tree;
	struct htmltok tok;
};

/* ---- arena ------------------------------------------------------------ */

void *
htmlarena_alloc(struct html_arena *a, size_t n)
{
	struct html_block *b = a->head;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = a->next_cap > n ? a->next_cap : n;

		b = xmalloc(sizeof(*b) + cap);
		b->cap = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
		if (a->next_cap < HTMLARENA_MAX)
			a->next_cap *= 2;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static void
htmlarena_free(struct html_arena *a)
{
	struct html_block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

/* ---- names ------------------------------------------------------------ */

/* strcmp without a call: names are short. */
static int
hp_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int
hp_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Lowercase s[0..n) into out (cap bytes with the NUL); the length. */
static size_t
hp_lowername(const char *s, size_t n, char *out, size_t cap)
{
	size_t i;

	if (n >= cap)
		n = cap - 1;
	for (i = 0; i < n; i++)
		out[i] = (char)hp_lower((unsigned char)s[i]);
	out[n] = '\0';
	return n;
}

/* Tag and attribute names found by hashing: one open-addressing table
 * each, filled once, holding 1 + the index into htmlparse_tags[] or
 * htmlparse_attrs[] (0: empty). */
#define HP_TAG_SLOTS	256	/* powers of two, over twice the names */
#define HP_ATTR_SLOTS	64

static unsigned char hp_tag_slots[HP_TAG_SLOTS];
static unsigned char hp_attr_slots[HP_ATTR_SLOTS];
static pthread_once_t hp_names_once = PTHREAD_ONCE_INIT;

/* FNV-1a of the string s (to its NUL: a name stops there, as with
 * strcmp). */
static size_t
hp_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
hp_slot_put(unsigned char *slots, size_t cap, const char *name, size_t v)
{
	size_t i = hp_hash(name) & (cap - 1);

	while (slots[i])
		i = (i + 1) & (cap - 1);
	slots[i] = (unsigned char)(v + 1);
}

static void
hp_names_index(void)
{
	size_t i;

	for (i = 0; i < sizeof(htmlparse_tags) / sizeof(htmlparse_tags[0]); i++)
		hp_slot_put(hp_tag_slots, HP_TAG_SLOTS, htmlparse_tags[i].name,
		    i);
	for (i = 0; i < HA_MAX; i++)
		hp_slot_put(hp_attr_slots, HP_ATTR_SLOTS, htmlparse_attrs[i], i);
}

enum htmltag
htmlparse_tag(const char *s, size_t n)
{
	char name[HTMLPARSE_NAME];
	size_t i;
	unsigned k;

	if (n == 0 || n >= 12)
		return TAG_OTHER;
	hp_lowername(s, n, name, sizeof(name));
	pthread_once(&hp_names_once, hp_names_index);
	i = hp_hash(name) & (HP_TAG_SLOTS - 1);
	for (; (k = hp_tag_slots[i]) != 0; i = (i + 1) & (HP_TAG_SLOTS - 1))
		if (hp_strcmp(name, htmlparse_tags[k - 1].name) == 0)
			return htmlparse_tags[k - 1].tag;
	return TAG_OTHER;
}

/* The enum htmlattr of a name, or -1 when it is not kept. */
static int
hp_attr_id(const char *s, size_t n)
{
	char name[HTMLPARSE_ATTR_NAME];
	size_t i;
	unsigned k;

	if (n < 2 || n >= sizeof(name))
		return -1;
	hp_lowername(s, n, name, sizeof(name));
	pthread_once(&hp_names_once, hp_names_index);
	i = hp_hash(name) & (HP_ATTR_SLOTS - 1);
	for (; (k = hp_attr_slots[i]) != 0; i = (i + 1) & (HP_ATTR_SLOTS - 1))
		if (hp_strcmp(name, htmlparse_attrs[k - 1]) == 0)
			return (int)(k - 1);
	return -1;
}

static int
hp_space(int c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static int
hp_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
hp_alnum(int c)
{
	return hp_alpha(c) || (c >= '0' && c <= '9');
}

/* ---- character references --------------------------------------------- */

static size_t
hp_utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* &#NNN; / &#xHH; at s[0..n) (s[0] is '&', s[1] is '#'). Returns the
 * bytes used, 0 when there are no digits. */
static size_t
hp_numref(const char *s, size_t n, unsigned *cp)
{
	size_t i = 2, start;
	unsigned v = 0, base = 10, d;
	int c;

	if (i < n && (s[i] == 'x' || s[i] == 'X')) {
		base = 16;
		i++;
	}
	for (start = i; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			break;
		if (v <= 0x10FFFF)
			v = v * base + d;
	}
	if (i == start)
		return 0;
	if (i < n && s[i] == ';')
		i++;
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	else if (v >= 0x80 && v <= 0x9F)
		v = htmlparse_c1[v - 0x80];
	*cp = v;
	return i;
}

/* &name; at s[0..n). In text the ';' may be missing ("&copy 2024");
 * in attribute values it may not (URL queries). Returns bytes used or
 * 0. */
static size_t
hp_namedref(const char *s, size_t n, int in_attr, unsigned *cp)
{
	size_t i = 1;

	while (i < n && i <= HTMLENTITY_MAX_NAME + 1 &&
	    hp_alnum((unsigned char)s[i]))
		i++;
	if (i == 1 || i > HTMLENTITY_MAX_NAME + 1)
		return 0;
	if ((*cp = htmlentity_lookup(s + 1, i - 1)) == 0)
		return 0;
	if (i < n && s[i] == ';')
		return i + 1;
	return in_attr ? 0 : i;
}

/* Decode s[0..n) into out (at least n + 1 bytes): references resolved,
 * NUL bytes dropped, NUL-terminated. The decoded length is never more
 * than n. Returns the decoded length. */
static size_t
hp_decode(const char *s, size_t n, int in_attr, int has_nul, char *out)
{
	size_t i = 0, o = 0, k, run;
	const char *amp;
	unsigned cp;

	while (i < n) {
		amp = memchr(s + i, '&', n - i);
		run = amp ? (size_t)(amp - (s + i)) : n - i;
		if (has_nul) {
			for (k = 0; k < run; k++)
				if (s[i + k] != '\0')
					out[o++] = s[i + k];
		} else {
			memcpy(out + o, s + i, run);
			o += run;
		}
		i += run;
		if (amp == NULL)
			break;
		k = i + 1 < n && s[i + 1] == '#' ?
		    hp_numref(s + i, n - i, &cp) :
		    hp_namedref(s + i, n - i, in_attr, &cp);
		if (k == 0) {
			out[o++] = '&';
			i++;
			continue;
		}
		o += hp_utf8(cp, out + o);
		i += k;
	}
	out[o] = '\0';
	return o;
}

/* ---- tokens ----------------------------------------------------------- */

/* Copy s[0..n) into out (n + 1 bytes) without NUL bytes, terminated. */
static size_t
hp_copy(const char *s, size_t n, int has_nul, char *out)
{
	size_t i, o = 0;

	if (!has_nul) {
		memcpy(out, s, n);
		out[n] = '\0';
		return n;
	}
	for (i = 0; i < n; i++)
		if (s[i] != '\0')
			out[o++] = s[i];
	out[o] = '\0';
	return o;
}

/* Text s[start..end) into the tree, references decoded when decode. */
static void
hp_emit_text(struct hp *p, size_t start, size_t end, int decode)
{
	size_t n = end - start, len;
	char *t;

	if (n == 0 || p->tree.stop)
		return;
	t = htmlarena_alloc(p->arena, n + 1);
	len = decode ? hp_decode(p->s + start, n, 0, p->has_nul, t) :
	    hp_copy(p->s + start, n, p->has_nul, t);
	htmltree_text(&p->tree, t, len);
}

/* 1 if a '<' at i starts markup rather than being text. */
static int
hp_markup_at(const struct hp *p, size_t i)
{
	int c;

	if (i + 1 >= p->n)
		return 0;
	c = (unsigned char)p->s[i + 1];
	return hp_alpha(c) || c == '/' || c == '!' || c == '?';
}

static void
hp_text(struct hp *p)
{
	size_t start = p->pos, i = p->pos + 1;
	const char *lt;

	while (i < p->n) {
		lt = memchr(p->s + i, '<', p->n - i);
		if (lt == NULL) {
			i = p->n;
			break;
		}
		i = (size_t)(lt - p->s);
		if (hp_markup_at(p, i))
			break;
		i++;
	}
	if (i > p->n)
		i = p->n;
	hp_emit_text(p, start, i, 1);
	p->pos = i;
}

/* Skip to just past the next '>' from i (or to the end). */
static void
hp_skip_gt(struct hp *p, size_t i)
{
	const char *gt = i < p->n ? memchr(p->s + i, '>', p->n - i) : NULL;

	p->pos = gt ? (size_t)(gt - p->s) + 1 : p->n;
}

static const char *
hp_find(const struct hp *p, size_t i, const char *needle, size_t m)
{
	const char *s = p->s + i;
	size_t left = p->n - i;
	const char *c;

	while (left >= m && (c = memchr(s, needle[0], left - m + 1)) != NULL) {
		if (memcmp(c, needle, m) == 0)
			return c;
		left -= (size_t)(c - s) + 1;
		s = c + 1;
	}
	return NULL;
}

/* <!-- comment -->, <![CDATA[ text ]]>, <!doctype ...> */
static void
hp_bang(struct hp *p)
{
	size_t i = p->pos + 2;
	const char *e;

	if (p->n - i >= 2 && p->s[i] == '-' && p->s[i + 1] == '-') {
		i += 2;
		if (i < p->n && p->s[i] == '>')
			p->pos = i + 1;
		else if (i + 1 < p->n && p->s[i] == '-' && p->s[i + 1] == '>')
			p->pos = i + 2;
		else if ((e = hp_find(p, i, "-->", 3)) != NULL)
			p->pos = (size_t)(e - p->s) + 3;
		else
			p->pos = p->n;
		return;
	}
	if (p->n - i >= 7 && memcmp(p->s + i, "[CDATA[", 7) == 0) {
		i += 7;
		e = hp_find(p, i, "]]>", 3);
		hp_emit_text(p, i, e ? (size_t)(e - p->s) : p->n, 0);
		p->pos = e ? (size_t)(e - p->s) + 3 : p->n;
		return;
	}
	hp_skip_gt(p, i);
}

/* ---- tags ------------------------------------------------------------- */

static void
hp_attr_add(struct hp *p, struct htmltok *k, size_t ns, size_t ne,
    size_t vs, size_t ve)
{
	int id = hp_attr_id(p->s + ns, ne - ns);
	struct html_attr *a;
	char *v;
	size_t i;

	if (id < 0 || k->nattrs >= HTMLPARSE_MAX_ATTRS ||
	    ve - vs > HTMLPARSE_MAX_ATTR_LEN)
		return;
	for (i = 0; i < k->nattrs; i++)
		if (k->attrs[i].id == id)
			return;		/* the first of duplicates wins */
	v = htmlarena_alloc(p->arena, ve - vs + 1);
	a = &k->attrs[k->nattrs++];
	a->id = (unsigned char)id;
	a->len = (unsigned)hp_decode(p->s + vs, ve - vs, 1, p->has_nul, v);
	a->value = v;
}

static void
hp_skip_space(struct hp *p)
{
	while (p->pos < p->n && hp_space((unsigned char)p->s[p->pos]))
		p->pos++;
}

/* An attribute value after '='; 0 at the end of input. */
static int
hp_attr_value(struct hp *p, size_t *vs, size_t *ve)
{
	const char *e;
	char q;

	hp_skip_space(p);
	if (p->pos >= p->n)
		return 0;
	q = p->s[p->pos];
	if (q == '"' || q == '\'') {
		*vs = p->pos + 1;
		e = memchr(p->s + *vs, q, p->n - *vs);
		if (e == NULL)
			return 0;
		*ve = (size_t)(e - p->s);
		p->pos = *ve + 1;
		return 1;
	}
	*vs = p->pos;
	while (p->pos < p->n && !hp_space((unsigned char)p->s[p->pos]) &&
	    p->s[p->pos] != '>')
		p->pos++;
	*ve = p->pos;
	return 1;
}

/* Attributes up to and past the closing '>'; kept ones into k when k is
 * not NULL. Returns 0 when the input ends inside the tag. */
static int
hp_attrs(struct hp *p, struct htmltok *k)
{
	size_t ns, ne, vs, ve;
	char c;

	for (;;) {
		hp_skip_space(p);
		if (p->pos >= p->n)
			return 0;
		c = p->s[p->pos];
		if (c == '>' || c == '/') {
			p->pos++;
			if (c == '>')
				return 1;
			if (p->pos < p->n && p->s[p->pos] == '>') {
				if (k)
					k->selfclose = 1;
				p->pos++;
				return 1;
			}
			continue;
		}
		ns = p->pos++;
		while (p->pos < p->n && !hp_space((unsigned char)p->s[p->pos]) &&
		    p->s[p->pos] != '/' && p->s[p->pos] != '>' &&
		    p->s[p->pos] != '=')
			p->pos++;
		ne = p->pos;
		hp_skip_space(p);
		vs = ve = 0;
		if (p->pos < p->n && p->s[p->pos] == '=') {
			p->pos++;
			if (!hp_attr_value(p, &vs, &ve))
				return 0;
		}
		if (k)
			hp_attr_add(p, k, ns, ne, vs, ve);
	}
}

/* The tag name at p->pos into name (lowercase); its length. */
static size_t
hp_name(struct hp *p, char *name, enum htmltag *tag)
{
	size_t s = p->pos, n;

	while (p->pos < p->n && !hp_space((unsigned char)p->s[p->pos]) &&
	    p->s[p->pos] != '/' && p->s[p->pos] != '>')
		p->pos++;
	n = hp_lowername(p->s + s, p->pos - s, name, HTMLPARSE_NAME);
	*tag = htmlparse_tag(name, n);
	return n;
}

static void
hp_endtag(struct hp *p)
{
	char name[HTMLPARSE_NAME];
	enum htmltag tag;
	size_t n;

	p->pos += 2;
	if (p->pos >= p->n)
		return;
	if (p->s[p->pos] == '>') {
		p->pos++;
		return;
	}
	if (!hp_alpha((unsigned char)p->s[p->pos])) {
		hp_skip_gt(p, p->pos);
		return;
	}
	n = hp_name(p, name, &tag);
	if (!hp_attrs(p, NULL)) {
		p->pos = p->n;
		return;
	}
	htmltree_end(&p->tree, tag, name, n);
}

static enum hp_raw
hp_rawkind(enum htmltag t)
{
	switch (t) {
	case TAG_SCRIPT: case TAG_STYLE: case TAG_XMP: case TAG_IFRAME:
	case TAG_NOEMBED: case TAG_NOFRAMES:
		return HP_RAW;
	case TAG_TITLE: case TAG_TEXTAREA:
		return HP_RCDATA;
	case TAG_PLAINTEXT:
		return HP_PLAINTEXT;
	default:
		return HP_NORMAL;
	}
}

/* The start of "</name" ending a raw text element, or n. */
static size_t
hp_raw_end(const struct hp *p, const char *name, size_t m)
{
	size_t i = p->pos, j;
	const char *lt;
	int c;

	while (i < p->n && (lt = memchr(p->s + i, '<', p->n - i)) != NULL) {
		i = (size_t)(lt - p->s);
		if (i + 2 + m > p->n)
			return p->n;
		if (p->s[i + 1] == '/') {
			for (j = 0; j < m && hp_lower((unsigned char)
			    p->s[i + 2 + j]) == name[j]; j++)
				;
			c = i + 2 + m < p->n ? (unsigned char)p->s[i + 2 + m] :
			    '>';
			if (j == m && (hp_space(c) || c == '/' || c == '>'))
				return i;
		}
		i++;
	}
	return p->n;
}

/* Content of a raw text element: text of el (when kept), up to its end
 * tag, which the main loop then reads. */
static void
hp_raw(struct hp *p, enum hp_raw kind, const char *name, size_t m,
    int kept)
{
	size_t end = kind == HP_PLAINTEXT ? p->n : hp_raw_end(p, name, m);

	if (kept)
		hp_emit_text(p, p->pos, end, kind == HP_RCDATA);
	p->pos = end;
}

static void
hp_starttag(struct hp *p)
{
	char name[HTMLPARSE_NAME];
	struct htmltok *k = &p->tok;
	struct html_node *el;
	enum hp_raw kind;
	size_t n;
	int kept;

	p->pos++;
	k->nattrs = 0;
	k->selfclose = 0;
	n = hp_name(p, name, &k->tag);
	k->name = NULL;
	if (!hp_attrs(p, k)) {
		p->pos = p->n;		/* a tag cut by the end is dropped */
		return;
	}
	if (k->tag == TAG_OTHER) {
		char *c = htmlarena_alloc(p->arena, n + 1);

		memcpy(c, name, n + 1);
		k->name = c;
	}
	el = htmltree_start(&p->tree, k, &kept);
	kind = hp_rawkind(k->tag);
	if (kind != HP_NORMAL && !k->selfclose)
		hp_raw(p, kind, name, n, el != NULL);
}

static void
hp_run(struct hp *p)
{
	int c;

	while (p->pos < p->n && !p->tree.stop) {
		if (p->s[p->pos] != '<' || !hp_markup_at(p, p->pos)) {
			hp_text(p);
			continue;
		}
		c = (unsigned char)p->s[p->pos + 1];
		if (c == '!')
			hp_bang(p);
		else if (c == '?')
			hp_skip_gt(p, p->pos + 2);
		else if (c == '/')
			hp_endtag(p);
		else
			hp_starttag(p);
	}
}

/* ---- documents -------------------------------------------------------- */

enum nd_err
htmlparse(const char *html, size_t len, const struct htmlparse_limits *lim,
    struct html_doc **out, struct nd_error *err)
{
	struct html_doc *doc;
	struct hp *p;

	*out = NULL;
	if (html == NULL && len > 0)
		return nd_error_set(err, ND_EINVAL, "html parser: no input "
		    "buffer");
	if (len > HTMLPARSE_MAX_BYTES)
		return nd_error_set(err, ND_ELIMIT, "html parser: %zu bytes "
		    "of input, over the limit of %zu", len,
		    (size_t)HTMLPARSE_MAX_BYTES);
	doc = xcalloc(1, sizeof(*doc));
	doc->arena = xcalloc(1, sizeof(*doc->arena));
	doc->arena->next_cap = len / 2 > HTMLARENA_MIN ?
	    (len / 2 < HTMLARENA_MAX ? len / 2 : HTMLARENA_MAX) : HTMLARENA_MIN;
	p = xcalloc(1, sizeof(*p));
	p->s = html ? html : "";
	p->n = len;
	p->has_nul = len > 0 && memchr(html, '\0', len) != NULL;
	p->arena = doc->arena;
	htmltree_init(&p->tree, doc,
	    lim && lim->max_depth ? lim->max_depth : HTMLPARSE_MAX_DEPTH,
	    lim && lim->max_nodes ? lim->max_nodes : HTMLPARSE_MAX_NODES);
	hp_run(p);
	htmltree_finish(&p->tree);
	free(p);
	*out = doc;
	return ND_OK;
}

void
htmlparse_free(struct html_doc *doc)
{
	if (doc == NULL)
		return;
	htmlarena_free(doc->arena);
	free(doc);
}

const char *
htmlparse_attr(const struct html_node *n, enum htmlattr id)
{
	size_t i;

	for (i = 0; i < n->nattrs; i++)
		if (n->attrs[i].id == id)
			return n->attrs[i].value;
	return NULL;
}

size_t
htmlparse_child_elements(const struct html_node *n)
{
	const struct html_node *c;
	size_t k = 0;

	for (c = n->first; c; c = c->next)
		k += c->type == HTML_ELEMENT;
	return k;
}
