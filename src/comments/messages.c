/* messages.c - the strings of the comment form, its errors and notices
 * in English and German (as German sites word them). The web layer
 * picks one by the reader's language; nothing here is HTML. */
#include "comments/comments.h"

#include <string.h>

struct messages_pair {
	const char *en;
	const char *de;
};

static const struct messages_pair messages[COMMENTS_MSG_MAX] = {
	[COMMENTS_MSG_NONE] = {"", ""},
	[COMMENTS_MSG_FORM_TITLE] = {"Leave a comment",
	    "Schreibe einen Kommentar"},
	[COMMENTS_MSG_REPLY_TITLE] = {"Leave a reply",
	    "Schreibe eine Antwort"},
	[COMMENTS_MSG_EMAIL_NOTE] = {"Your email address will not be "
	    "published. Required fields are marked *",
	    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche "
	    "Felder sind mit * markiert"},
	[COMMENTS_MSG_LABEL_NAME] = {"Name", "Name"},
	[COMMENTS_MSG_LABEL_EMAIL] = {"Email", "E-Mail"},
	[COMMENTS_MSG_LABEL_WEBSITE] = {"Website", "Website"},
	[COMMENTS_MSG_LABEL_BODY] = {"Comment", "Kommentar"},
	[COMMENTS_MSG_LABEL_NOTIFY] = {"Email me when someone replies",
	    "Benachrichtige mich bei Antworten"},
	[COMMENTS_MSG_SUBMIT] = {"Post comment", "Kommentar abschicken"},
	[COMMENTS_MSG_REPLY] = {"Reply", "Antworten"},
	[COMMENTS_MSG_COUNT_ONE] = {"1 comment", "1 Kommentar"},
	[COMMENTS_MSG_COUNT_MANY] = {"%d comments", "%d Kommentare"},
	[COMMENTS_MSG_REQUIRED] = {"This field is required.",
	    "Dieses Feld ist erforderlich."},
	[COMMENTS_MSG_TOO_LONG] = {"Please use at most %d characters.",
	    "Bitte verwende höchstens %d Zeichen."},
	[COMMENTS_MSG_BAD_UTF8] = {"This text is not valid UTF-8; please "
	    "type it again.", "Dieser Text ist kein gültiges UTF-8; bitte "
	    "gib ihn erneut ein."},
	[COMMENTS_MSG_CONTROL] = {"This field contains control characters.",
	    "Dieses Feld enthält Steuerzeichen."},
	[COMMENTS_MSG_LINE_BREAK] = {"This field must be on one line.",
	    "Dieses Feld darf keinen Zeilenumbruch enthalten."},
	[COMMENTS_MSG_BAD_EMAIL] = {"Please enter a valid email address.",
	    "Bitte gib eine gültige E-Mail-Adresse ein."},
	[COMMENTS_MSG_BAD_WEBSITE] = {"Please enter a web address starting "
	    "with http:// or https://.", "Bitte gib eine Webadresse ein, die "
	    "mit http:// oder https:// beginnt."},
	[COMMENTS_MSG_PUBLISHED] = {"Thank you, your comment is published.",
	    "Danke, dein Kommentar ist veröffentlicht."},
	[COMMENTS_MSG_PENDING] = {"Thank you, your comment is awaiting "
	    "moderation.", "Danke, dein Kommentar wartet auf Freischaltung."},
	[COMMENTS_MSG_SPAM] = {"Thank you, your comment is awaiting "
	    "moderation.", "Danke, dein Kommentar wartet auf Freischaltung."},
	[COMMENTS_MSG_RATE] = {"You are posting comments too quickly. "
	    "Please wait a few minutes and try again.", "Du schreibst zu "
	    "schnell Kommentare. Bitte warte ein paar Minuten und versuche "
	    "es dann erneut."},
	[COMMENTS_MSG_TOO_LARGE] = {"The form is too large.",
	    "Das Formular ist zu groß."},
	[COMMENTS_MSG_FORM_EXPIRED] = {"The form has expired. Please send "
	    "your comment again.", "Das Formular ist abgelaufen. Bitte "
	    "sende deinen Kommentar erneut."},
	[COMMENTS_MSG_NO_ARTICLE] = {"This article does not exist.",
	    "Diesen Artikel gibt es nicht."},
	[COMMENTS_MSG_BAD_PARENT] = {"The comment you reply to does not "
	    "exist.", "Den Kommentar, auf den du antwortest, gibt es nicht."},
	[COMMENTS_MSG_EDIT_EXPIRED] = {"The time to edit this comment has "
	    "run out.", "Die Zeit zum Bearbeiten dieses Kommentars ist "
	    "abgelaufen."},
	[COMMENTS_MSG_EDITED] = {"Your comment has been changed.",
	    "Dein Kommentar wurde geändert."},
	[COMMENTS_MSG_DELETED] = {"Your comment has been deleted.",
	    "Dein Kommentar wurde gelöscht."},
};

static int
messages_is_german(const char *lang)
{
	return lang != NULL && (lang[0] == 'd' || lang[0] == 'D') &&
	    (lang[1] == 'e' || lang[1] == 'E') &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

const char *
comments_lang(const char *lang)
{
	if (lang == NULL)
		return NULL;
	return messages_is_german(lang) ? "de" : "en";
}

const char *
comments_msg(enum comments_msg msg, const char *lang)
{
	if ((int)msg < 0 || msg >= COMMENTS_MSG_MAX)
		msg = COMMENTS_MSG_NONE;
	return messages_is_german(lang) ? messages[msg].de :
	    messages[msg].en;
}

int
comments_field_max(enum comments_field f)
{
	switch (f) {
	case COMMENTS_F_NAME:
		return COMMENTS_NAME_MAX;
	case COMMENTS_F_EMAIL:
		return COMMENTS_EMAIL_MAX;
	case COMMENTS_F_WEBSITE:
		return COMMENTS_WEBSITE_MAX;
	case COMMENTS_F_BODY:
		return COMMENTS_BODY_MAX;
	default:
		return 0;
	}
}
