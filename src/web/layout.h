/* layout.h - the template layer: the page frame and the fragments
 * several pages share. Every value is written through html.h's escaping
 * functions; translated strings come from the request's catalog and are
 * escaped as well. Functions append to b and borrow their arguments.
 */
#ifndef ND_LAYOUT_H
#define ND_LAYOUT_H

#include "store/store.h"
#include "util/buf.h"
#include "web/http.h"

/* The translation of msgid in the request's UI language. */
const char *layout_tr(const struct request *rq, const char *msgid);
/* Escaped translation of msgid with its one "%s" replaced by the
 * escaped arg. */
void layout_trf(struct buf *b, const struct request *rq, const char *msgid,
    const char *arg);

/* <!DOCTYPE> to <main>: html lang (the UI's when lang is NULL), title,
 * stylesheet, script, header with the topic navigation and search. */
void layout_head(struct buf *b, const struct request *rq, const char *title,
    const char *lang, const struct topic_list *topics);
/* layout_head() with the translated title (a msgid) and the page's
 * <h1> of the same text: the opening of the simple pages. */
void layout_page_title(struct buf *b, const struct request *rq,
    const char *msgid);
/* </main>, footer with language links and feed link, </html>. */
void layout_foot(struct buf *b, const struct request *rq);

/* The hidden CSRF field of a form. */
void layout_csrf(struct buf *b, const struct request *rq);
/* "/articles/ID-slug-from-headline" (unescaped path into b). */
void layout_article_path(struct buf *b, const struct article *a);
/* Open a story list item: <li class="story"> (with the article's lang)
 * and its linked <h2> headline; the caller adds the rest and </li>. */
void layout_story_head(struct buf *b, const struct request *rq,
    const struct article *a);
/* <time datetime=ISO>localized date</time>, nothing when unknown. */
void layout_date(struct buf *b, const struct request *rq,
    const struct article *a);
/* The follow box for topic t (form posting to /follow). */
void layout_follow_box(struct buf *b, const struct request *rq,
    const struct topic *t);
/* The display name of slug in topics, or the slug itself. */
const char *layout_topic_name(const struct topic_list *topics,
    const char *slug);
/* Percent-encode s for a query value (unescaped into b). */
void layout_urlencode(struct buf *b, const char *s);

/* Articles grouped by story_id in order (newest first), each story once
 * with "also reported by" the other sources; at most max stories. */
void layout_story_list(struct buf *b, const struct request *rq,
    const struct article_list *l, size_t max);

#endif
