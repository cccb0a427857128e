/* extract_text_int.h - internals shared by the extract_text_*.c files.
 *
 * The flattened-text extractor works on words (runs of non-space bytes)
 * of the repaired input. Each word carries shape flags (capitalised,
 * ends a sentence, starts a line...) and a mask of the multilingual
 * phrase classes its folded form belongs to. Span detectors then mark
 * runs of words as boilerplate or as header fields by combining those
 * classes with the shape of their neighbours.
 */
#ifndef ND_EXTRACT_TEXT_INT_H
#define ND_EXTRACT_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/article.h"
#include "util/strlist.h"

#define XT_KEY_MAX	48	/* folded word kept for look-ups */
#define XT_NAME_MAX	5	/* words in one person's name */
#define XT_CREDIT_MAX	12	/* words in a photo credit */
#define XT_LIST_MAX	24	/* words in a name list (byline, credits) */
#define XT_CAPTION_MAX	40	/* words of a marked caption */
#define XT_ITEM_MAX	40	/* words of one item of a ranked list */
#define XT_LIST_ITEMS	3	/* items of a ranked list at least */
#define XT_REPEAT_MIN	4	/* words of a title written twice */
#define XT_REPEAT_NUM	6	/* ... when it starts with a number */
#define XT_REPEAT_MAX	24
#define XT_REPEAT_GAP	2	/* words between its copies at most */

/* word shape flags */
enum {
	TF_NL = 1 << 0,		/* a line break comes before the word */
	TF_CAP = 1 << 1,	/* first letter upper case */
	TF_LOWER = 1 << 2,	/* first letter lower case */
	TF_DIGIT = 1 << 3,	/* first significant byte a digit */
	TF_END = 1 << 4,	/* ends a sentence */
	TF_COMMA = 1 << 5,	/* ends with ',' or ';' */
	TF_COLON = 1 << 6,	/* ends with ':' */
	TF_PUNCT = 1 << 7,	/* no letter or digit at all */
	TF_UPPER = 1 << 8,	/* two or more letters, all upper case */
	TF_STAR = 1 << 9,	/* the word is "*" or ends "letter*" */
	TF_NOCASE = 1 << 10,	/* first letter of a script without case */
	TF_IDEO = 1 << 11,	/* first letter of a script without spaces */
	TF_CELL = 1 << 12,	/* a cell of a table rebuilt row by row */
	TF_BREAK = 1 << 13,	/* a unit starts: a run-together table's row */
	TF_PHRASE = 1 << 14,	/* some multi-word phrase starts with it */
	TF_GLUED = 1 << 15	/* split off the word before it: no space */
};

/* phrase classes of a folded word (a word may be in several) */
enum {
	XC_SHARE = 1u << 0,	/* share verbs */
	XC_NET = 1u << 1,	/* social network names */
	XC_SAVE = 1u << 2,	/* save / print / listen verbs */
	XC_NAV = 1u << 3,	/* crumbs: home, news, section names */
	XC_CONN = 1u << 4,	/* small words inside widget runs */
	XC_OBJ = 1u << 5,	/* "page", "article" after a widget verb */
	XC_PROMO = 1u << 6,	/* subscribe, newsletter, updates, inbox */
	XC_PROMOW = 1u << 7,	/* free, email, news: weak promo words */
	XC_YOU = 1u << 8,	/* second person: you, Sie, vous, tu */
	XC_FORM = 1u << 9,	/* comment form: required, fields, email */
	XC_COOKIE = 1u << 10,	/* cookie(s) */
	XC_COOKIEW = 1u << 11,	/* consent, privacy, accept */
	XC_FUNC = 1u << 12,	/* function words of en/de/fr/es */
	XC_STARTER = 1u << 13,	/* function words that start sentences */
	XC_MONTH = 1u << 14,
	XC_WEEKDAY = 1u << 15,
	XC_BY = 1u << 16,	/* byline prepositions: by, von, par, por */
	XC_AND = 1u << 17,	/* and, und, et, y, & */
	XC_PARTICLE = 1u << 18,	/* name particles: von, de, van, del */
	XC_ROLE = 1u << 19,	/* correspondent, Redakteurin, envoyé */
	XC_COMMENTW = 1u << 20,	/* comments, Kommentare, commentaires */
	XC_PLACEPREP = 1u << 21,/* in, à, en, aus before a place */
	XC_PHOTO = 1u << 22,	/* photo, Foto, Bild, credit + ':' */
	XC_AD = 1u << 23,	/* advertisement, Anzeige, publicité */
	XC_DATEPREP = 1u << 24,	/* le, el, am, on before a date */
	XC_TIMEW = 1u << 25,	/* uhr, a.m., h, gmt: time of day words */
	XC_LEGAL = 1u << 26,	/* copyright, rights, reserved, trademark */
	XC_TUNIT = 1u << 27,	/* hours, Stunden, heures, horas */
	XC_AGO = 1u << 28,	/* ago, fa; vor, hace, há before the number */
	XC_REPLY = 1u << 29,	/* reply, antworten, répondre, responder */
	XC_CAPTION = 1u << 30	/* caption, Bildunterschrift, légende */
};
/* provider, Anbieter: a company's own note (past an int enumerator) */
#define XC_ORG	(1u << 31)

/* kinds of spans of words */
enum xt_kind {
	XK_TEXT = 0,
	XK_WIDGET,	/* nav crumbs, share / save / print labels */
	XK_CREDIT,	/* photo credit with its marker */
	XK_BYLINE,	/* By name(s)[, place][, date] */
	XK_DATE,	/* a date standing on its own */
	XK_COUNTER,	/* "12 comments" */
	XK_RECO,	/* "Recommended", "Lesen Sie auch" */
	XK_CREDITS,	/* "Additional reporting by ..." */
	XK_CTA,		/* "Sign up", "Accept" */
	XK_AD,		/* "Advertisement" */
	XK_DATELINE,	/* "KIEL (dpa) -" */
	XK_FORM,	/* "Leave a comment" */
	XK_STAMP,	/* "2 hours ago": a teaser's or comment's time */
	XK_REPLY,	/* "Reply" under a comment */
	XK_CAPTION,	/* "Image caption ...": a caption with its marker */
	XK_LIST,	/* "1 Title 2 Title 3 Title": a ranked teaser list */
	XK_AUTHOR,	/* "About the author", "About Jane Doe": author box */
	XK_SOURCES,	/* "Sources:", "Tags:", "Filed under": end matter */
	XK_ENTRY,	/* "12:05 Jane Doe": a live blog entry's head */
	XK_LINK		/* "HEADLINE OF A STORY": a link in capitals */
};

/* phrase kinds of the multi-word table */
enum xt_phrase {
	XP_NONE = 0,
	XP_RECO,
	XP_CREDITS,
	XP_CREDITS_WEAK,	/* "Avec", "Con": names must end at a boundary */
	XP_CTA,
	XP_FORM,
	XP_PUBLISHED,
	XP_UPDATED,
	XP_AUTHOR,	/* "About the author" */
	XP_ABOUT,	/* "About", "Über", "Sobre": a name must follow */
	XP_SOURCES,	/* "Sources:", "Tags:": with its colon, or two words */
	XP_LABEL	/* "More:", "Also:": a teaser's label, with its colon */
};

struct xt_tok {
	size_t off;		/* into xt.s */
	uint32_t len;
	uint32_t cls;		/* XC_* */
	uint16_t flags;		/* TF_* */
	uint16_t wn;		/* words it counts as (ideographs: 2 signs a word) */
	uint8_t kind;		/* enum xt_kind */
	uint8_t span;		/* 1 on the first word of a span */
};

#define XT_DICT_SIZE	4096	/* power of two, > 2 * class and first words */

struct xt_dict_ent {
	const char *w;		/* NULL: empty slot */
	uint32_t cls;
	uint32_t n;		/* bytes of w (a phrase's first word: its prefix) */
	uint8_t first;		/* a phrase starts with this word */
};

struct xt {
	const char *s;		/* repaired text, borrowed */
	size_t n;
	struct xt_tok *t;	/* owned */
	size_t nt;
	struct article *a;	/* being filled, borrowed */
	int german;		/* nouns are capitalised: no weak splits */
	int dayfirst;		/* numeric dates are d/m/y */
	int have_byline, have_date, have_credit, have_count;
	struct strlist credits;	/* credits lines, in order */
	struct xt_dict_ent *dict;	/* class words by hash, owned */
};

/* extract_text_class.c */
size_t xt_key(const struct xt *x, size_t i, char out[XT_KEY_MAX]);
int xt_is_word(const struct xt *x, size_t i, const char *w);	/* folded */
/* Is [p, p + n) one of the count strings of list? */
int xt_in_list(const char *p, size_t n, const char *const *list,
    size_t count);
#define XT_NELEM(a)	(sizeof(a) / sizeof((a)[0]))
/* Does key (n bytes) start with one of the count strings of list? */
int xt_key_prefix(const char *key, size_t n, const char *const *list,
    size_t count);
/* ... and the folded key of word i? */
int xt_word_prefix(const struct xt *x, size_t i, const char *const *list,
    size_t count);
/* The end past phrase p (folded words split by one space) when its
 * words stand from word i on, else 0. */
size_t xt_spells(const struct xt *x, size_t i, const char *p);
void xt_dict_build(struct xt *x);
uint32_t xt_classify(const struct xt *x, const char *key, size_t n);
const struct xt_dict_ent *xt_lookup(const struct xt *x, const char *key,
    size_t n);
int xt_month(const char *key, size_t n);
enum xt_phrase xt_phrase_at(const struct xt *x, size_t i, size_t *end);
int xt_is_closer(const char *p, size_t n);
size_t xt_cjk_stop(const char *p, size_t n);
int xt_is_address(const struct xt *x, size_t i);	/* "www.x.org" */

/* extract_text_date.c */
size_t xt_date_at(const struct xt *x, size_t i, int64_t *t);

/* extract_text_span.c */
void xt_spans(struct xt *x);
size_t xt_names(struct xt *x, size_t i, size_t lim, struct strlist *out);
int xt_bound_before(const struct xt *x, size_t i);
int xt_bound_after(const struct xt *x, size_t j);
int xt_new_part(const struct xt *x, size_t k);
/* Words [a, b) become a span of kind k (the first word starts it). */
void xt_mark(struct xt *x, size_t a, size_t b, enum xt_kind k);
void xt_text(const struct xt *x, size_t a, size_t b, char **field);
size_t xt_dateline(struct xt *x, size_t i);
size_t xt_dateline_end(const struct xt *x, size_t i, size_t *place);

/* extract_text_thread.c: a forum reply's head ("Re: Title"), a
 * "Reply" button with a quote button after it, a footer's "© 2026
 * Site · ..." inside a run; each returns the end of its span, 0 if
 * none */
size_t xt_thread_reply(const struct xt *x, size_t i);
size_t xt_thread_button(const struct xt *x, size_t i);
size_t xt_thread_footer(const struct xt *x, size_t i);

/* extract_text_live.c: with three live blog entry heads or more, mark
 * the heads, their title lines and lone share buttons (u->live): they
 * cost nothing in the body search */
struct xt_units;
void xt_live_units(const struct xt *x, struct xt_units *us);

/* extract_text_markup.c: is word i markup left in the text (name="value",
 * "[/name]", "[name" before an attribute)? */
int xt_markup_word(const struct xt *x, size_t i);

/* extract_text_credit.c */
void xt_agency_credits(struct xt *x);
int xt_agency(const struct xt *x, size_t i);	/* "Getty", "(AP" */
/* Is the word [p, p + n) (any case, ASCII) an agency's name? */
int xt_agency_name(const char *p, size_t n);

/* extract_text_table.c: tables flattened one cell per line are
 * rebuilt one row per line, their words marked TF_CELL */
void xt_tables(struct xt *x);

/* extract_text_runtable.c: tables whose cells and rows run together
 * are cut into rows, each row's first word marked TF_BREAK (and the
 * word after the table), its words TF_CELL */
void xt_run_tables(struct xt *x);

/* extract_text_list.c */
void xt_lists(struct xt *x);
void xt_repeats(struct xt *x);
int xt_same_words(const struct xt *x, size_t a, size_t b, size_t n);

/* units: the text cut into sentences, title-like runs and spans
 * (extract_text_unit.c), the body searched over them
 * (extract_text_body.c) */
enum xt_ukind { U_EMPTY, U_SENT, U_TITLE, U_PROMO, U_FORM, U_COOKIE,
	U_SPAN, U_LEGAL };
enum xt_role { R_NONE, R_CAPTION, R_DROP };

#define XT_LONG_LINE	15	/* words of an unpunctuated line sentence */
#define XT_ITEM_PROSE	10	/* words of a list item that costs nothing */
#define XT_PROMO_MAX	60	/* words of a promo unit at most */
#define XT_PAREN_MORE	4	/* words of a bracketed credit after its name */
#define XT_PITCH_UNITS	3	/* units of a subscription pitch at most */
#define XT_PITCH_MARKS	4	/* its promo, you and price marks at least */
#define XT_PITCH_DENSER	4	/* times as dense in marks as the body */
#define XT_SOCIAL_MAX	25	/* words of a "follow us on ..." promo */
#define XT_CAPTION_WORDS 20	/* a sentence after a credit: caption */
#define XT_CAPTION_TAIL	8	/* last words that tell a caption's copies */
#define XT_CAPTION_NEAR	3	/* units from a caption to its credit */
#define XT_CAPTION_SPAN	40	/* units over which its copies are looked for */
#define XT_DUP_WORDS	4	/* words of a unit checked for repeats */
#define XT_COPY_HEAD	3	/* first sentences a second copy repeats */
#define XT_COPY_NEW	4	/* a copy with a quarter of new words ends */
#define XT_GLUE_WORDS	6	/* words glued to a repeated unit in a copy */
#define XT_SHORT_SENT	5	/* words of a sentence that weigh nothing */
#define XT_HARD_GAP	40	/* cost of a comment form or counter */
#define XT_ARTICLE_MIN	50	/* words of sentences that make an article */
#define XT_SPLIT_MIN	40	/* words of a unit that is cut into parts */
#define XT_PART_MIN	3	/* words of a part at least */
#define XT_PROSE_PARTS	3	/* parts of prose ending in a sentence */
#define XT_TEASER_MAX	30	/* words of a teaser's title sentence */
#define XT_CARD_WORDS	80	/* words read for cards' labels */
#define XT_BOXNAME_MAX	6	/* words of a box's name, head and foot */
#define XT_BOXHEAD_MIN	4	/* words of a headline in a named box */
#define XT_TEASER_UNITS	8	/* units after a "Related" marker read */
#define XT_STORY_MIN	120	/* body weight before another story may end it */
#define XT_ROLE_NEAR	5	/* words from a name to its role */
#define XT_ORG_WORDS	2	/* company words of a press release's note */
#define XT_GLUED_SENT	8	/* words of a sentence under a glued headline */
#define XT_HEAD_MAX	30	/* words of a headline at most */
#define XT_HEAD_BACK	8	/* units before the body to look for one */
#define XT_HEAD_ONE	14	/* words of a headline with no standfirst glued */
#define XT_DATA_MIN	100	/* words of a body without prose */
#define XT_LEGAL_MAX	30	/* words of a copyright footer line */
#define XT_LIST_HEAD	8	/* words of a list's heading at most */
#define XT_CAPTION_LINE	6	/* words of a caption line without full stop */
#define XT_CAPTION_PARA	120	/* words of a caption line ending in credit */

struct xt_unit {
	size_t a, b;		/* words [a, b) */
	size_t words, func, caps, lower, digits;
	uint8_t kind;		/* enum xt_ukind */
	uint8_t span;		/* enum xt_kind when kind == U_SPAN */
	uint8_t role;		/* enum xt_role */
	uint8_t cookiew;	/* cookie words and second person */
	uint8_t ended;		/* ends in sentence punctuation */
	uint8_t cut;		/* ends in "..." or "…": a cut teaser text */
	uint8_t item;		/* a list item without its full stop */
	uint8_t promo;		/* promo and second-person words */
	uint8_t strong;		/* holds a strong promo word ("newsletter") */
	uint8_t row;		/* a table's row (its words are TF_CELL) */
	uint8_t qa;		/* "Q: ...", "A: ...": an interview's line */
	uint8_t part;		/* XT_PART_*: a part of a run-on unit cut apart */
	uint8_t post;		/* an embedded post's address, signature, date */
	uint8_t end;		/* end matter told by its context: a hard end */
	uint8_t live;		/* a live blog entry's head, title or button */
};

enum { XT_PART_NONE, XT_PART_MID, XT_PART_LAST };

struct xt_units {
	struct xt_unit *v;
	size_t n;
	size_t cap_a, cap_b;	/* caption words, cap_a == cap_b: none */
	size_t run_a, run_b;	/* body units [run_a, run_b) */
};

int xt_is_span(const struct xt_units *us, size_t k, enum xt_kind kind);
int xt_soft(const struct xt_unit *u);
int xt_is_sent(const struct xt_unit *u);
int xt_kept(const struct xt_units *us, size_t k);
size_t xt_run(const struct xt_units *us, size_t a, size_t *last);
size_t xt_first_sent(const struct xt_units *us, size_t k, size_t lim);
long xt_weight(const struct xt_unit *u);
void xt_units_body(const struct xt *x, struct xt_units *us);
/* Is unit u a press release's note on the company ("Norvia is a
 * leading provider of ... solutions")? (extract_text_body.c) */
int xt_company_note(const struct xt *x, const struct xt_unit *u);

/* extract_text_unit.c */
enum nd_err xt_units(struct xt *x);

/* extract_text_teaser.c: roles of promo boxes and teasers */
void xt_promo_boxes(struct xt_units *us);
void xt_teasers(const struct xt *x, struct xt_units *us);
void xt_named_boxes(const struct xt *x, struct xt_units *us);
void xt_offer_tail(const struct xt *x, struct xt_units *us);

/* extract_text_copy.c: units repeated by a second copy of the article
 * are dropped, and a copy that adds little ends the body (run_b) */
void xt_copies(const struct xt *x, struct xt_units *us);
uint64_t xt_range_hash(const struct xt *x, size_t a, size_t b);

/* extract_text_head.c: the headline read again from the words before
 * the body us->v[run_a, run_b), which it leaves as they are */
void xt_head_words(struct xt *x, const struct xt_units *us);

/* extract_text_near.c: the byline and published date read again from
 * the words between the headline [ha, hb) (hb 0: none found) and the
 * body; words and units are left as they are */
void xt_near_fields(struct xt *x, const struct xt_units *us, size_t ha,
    size_t hb);
/* Does word k open a publishing note: "Published", "Updated", "Posted",
 * "Written by", "Geschrieben von"? (No headline holds one.) */
int xt_near_marker(const struct xt *x, size_t k);
/* extract_text_runtable.c: a run-together table's rows keep their row
 * mark only next to prose; the title-like units after a short
 * sentence ending in a colon, with prose after them, are marked as
 * rows */
void xt_table_units(const struct xt *x, struct xt_units *us);

/* extract_text_share.c: a share bar written once more after an article
 * ends it (its unit marked end) */
void xt_share_again(const struct xt *x, struct xt_units *us);

/* extract_text_signup.c: a sign-up form's messages ("Thanks for
 * signing up!", "There was an error ...") end the body (the first
 * message's unit, or the box's name before it, marked end) */
void xt_signup_forms(const struct xt *x, struct xt_units *us);
/* ... and a run of promos and sentences speaking to the reader at the
 * body's end is cut off it (run_b moved back) */
void xt_pitch_tail(const struct xt *x, struct xt_units *us);
/* ... and a box of follower counts ("299FollowersFollow") is a hard end
 * (its first unit marked end) */
void xt_follow_box(const struct xt *x, struct xt_units *us);

/* extract_text_company.c: when the body ends at a company's note, the
 * note's sentences before it (naming the company in their first
 * words, or glued to the line before) go too (run_b moved back, a
 * glued unit cut) */
void xt_company_before(const struct xt *x, struct xt_units *us);

/* extract_text_disclaim.c: two units with a disclaimer phrase ("for
 * informational purposes only", "nur zu Informationszwecken") within
 * a few units end the body (the first marked end) */
void xt_disclaimers_end(const struct xt *x, struct xt_units *us);

/* extract_text_lead.c: a disclosure note or the site's welcome among
 * the body's first units moves its start past them */
void xt_lead_notes(const struct xt *x, struct xt_units *us);

/* extract_text_recall.c: list items right after the body's last
 * unit join it (run_b) */
void xt_recall_tail(const struct xt *x, struct xt_units *us);
/* text lines between the header and the body join it (run_a) */
void xt_recall_head(const struct xt *x, struct xt_units *us);
/* The first unit of the body's footnotes ("[1] ..."), or run_b */
size_t xt_footnotes_at(const struct xt *x, const struct xt_units *us);
/* Is unit k a line of a list of dates or results after the body? */
int xt_list_line(const struct xt_units *us, size_t k);
/* Are words [a, b) one long sentence of prose, not to be cut? */
int xt_long_sentence(const struct xt *x, size_t a, size_t b);

/* extract_text_card.c: a hover card glued into a sentence after a
 * person's name ("Jo ParkJo Park<headlines> MORE") is cut out of the
 * repaired text b, in place, before its words are read */
struct buf;
void xt_cards(struct buf *b);

/* extract_text_caps.c: a headline in capitals (six words or more)
 * after a sentence is a link to another story: its words XK_LINK */
void xt_caps_links(struct xt *x);

/* extract_text_readtime.c: "2 min read", "Lesezeit: 4 Min." are
 * widget spans */
void xt_read_times(struct xt *x);

/* extract_text_gallery.c: a gallery's counter ("Image 1 of 6") and
 * its "Back to Gallery" button are widget spans */
void xt_galleries(struct xt *x);

/* extract_text_button.c: a card's summary and title right before a
 * "Read more" button go (their role R_DROP) */
void xt_read_more(const struct xt *x, struct xt_units *us);
/* Are words [a, b) a card's button ("Read more", "Weiterlesen")? */
int xt_button_at(const struct xt *x, size_t a, size_t b);
/* ... and such a button run together after a summary cut short is
 * marked XK_RECO, a unit of its own */
void xt_glued_buttons(struct xt *x);

#endif
