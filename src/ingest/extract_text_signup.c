/* extract_text_signup.c - a sign-up form's messages and the site's
 * pitches to its reader after the article.
 *
 * A newsletter box under the article, flattened, leaves every message
 * its form can show: the consent line ("I agree to receive the Morning
 * Brief newsletter", "J'accepte de recevoir la newsletter"), the thanks
 * ("Thanks for signing up!", "Vielen Dank für Ihre Anmeldung", "Gracias
 * por suscribirte") and the error ("There was an error processing your
 * subscription", "Une erreur est survenue"). They read as sentences and
 * joined the body, with the teasers after them. Such a message is a
 * short unit (XT_SIGNUP_WORDS words at most) with a reaction word
 * (thanks, error, agree, success and their kin in de/fr/es/it/pt/nl);
 * XT_SIGNUP_MSGS of them within XT_SIGNUP_UNITS units, one of them
 * naming the subscription (subscribe, newsletter, signing up,
 * Anmeldung, inscription, suscripción, iscrizione, assinatura,
 * aanmelding ...), with the box itself (a promo unit, a button, a
 * unit with a promo word) among them or right before, are the form:
 * a hard end like a comment form. The
 * box's name and pitch right before the first message go with it: from
 * the first of the XT_SIGNUP_BACK units before it that has a promo
 * word or is a promo unit or a button. Prose may thank
 * someone or mention an error, but not twice in a few short units
 * with a subscription named beside.
 *
 * The article's last paragraph is often followed by the site talking
 * to its reader: "Follow us on ...", "Subscribe to our magazine for
 * ...", "Join our forums to keep talking ...", "If you have a tip, let
 * us know at ...". The sentences among them read as prose and the
 * promos cost little, so the body took them. When every unit from a
 * promo to the body's end speaks to the reader (a second-person or a
 * first-person plural word: you, us, our, Sie, uns, vous, nous, tu,
 * nos, noi, ons ...), holds a promo word, or is boilerplate or short
 * (the box's name, "Need more space?"), and XT_PITCH_PROMOS
 * promos stand there, the body ends before that promo, where it weighs
 * most (a list of headlines and a sentence after them that the pitch
 * made worth crossing go too). Prose before the first promo stays,
 * even when it speaks to the reader (a quote, a writer's last word
 * to the reader).
 *
 * A "Stay connected" box shows the site's follower counts, flattened
 * into "1FansLike 299FollowersFollow 151SubscribersSubscribe" or "12k
 * Followers": a number glued to a followers word (fans, followers,
 * subscribers, Abonnenten, abonnés, seguidores, iscritti, volgers,
 * подписчиков; maybe with its button glued on), or followed by one
 * with a capital, as a label. XT_FOLLOW_COUNTS of them within
 * XT_FOLLOW_UNITS units are the box, the start of the site's footer
 * (its "About us" and contact lines come next): a hard end at the
 * first. Prose writes the word in lower case ("40,000 fans
 * packed the stadium. ... 2,000 fans travelled").
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_SIGNUP_WORDS	20	/* words of a form's message at most */
#define XT_SIGNUP_UNITS	6	/* units over which its messages stand */
#define XT_SIGNUP_MSGS	2	/* messages of one form at least */
#define XT_SIGNUP_BACK	2	/* units of the box's name and pitch */
#define XT_SIGNUP_SHORT	4	/* bytes of the shortest word looked for */
#define XT_PITCH_PROMOS	2	/* promos in a pitch at the body's end */
#define XT_FOLLOW_COUNTS	2	/* follower counts of a follow box */
#define XT_FOLLOW_UNITS	4	/* units over which they stand */
#define XT_PITCH_TITLE	6	/* words of a title or question in it */

/* Does word i (folded: key, n bytes) name a subscription: "subscribe",
 * "newsletter", "signing up", "Anmeldung", "inscription", "opt-in"? */
static int
xt_signup_word(const struct xt *x, size_t i, const char *key, size_t n)
{
	static const char *const sub[] = { "subscri", "newsletter",
	    "signup", "sign-up", "opt-in", "abonn", "anmeldung", "inscri",
	    "suscri", "iscri", "assinatura", "aanmelding", "nieuwsbrief",
	    "boletín" };
	static const char *const sign[] = { "sign", "signing", "signed" };

	if (xt_in_list(key, n, sign, XT_NELEM(sign)))
		return xt_is_word(x, i + 1, "up");
	return xt_key_prefix(key, n, sub, XT_NELEM(sub));
}

/* Does word i (folded: key, n bytes) react to a form: thanks, an
 * error, consent, success? ("Thanks to" is prose.) */
static int
xt_signup_reaction(const struct xt *x, size_t i, const char *key,
    size_t n)
{
	static const char *const re[] = { "thank", "danke", "dank",
	    "merci", "gracias", "grazie", "obrigad", "bedankt", "error",
	    "fehler", "erreur", "errore", "erro", "fout", "agree",
	    "einverstanden", "accepte", "acepto", "accetto", "concordo",
	    "akkoord", "success", "succes", "erfolgreich", "éxito",
	    "sucesso" };

	if (xt_key_prefix(key, n, re, 2))
		return !xt_is_word(x, i + 1, "to");	/* "thanks to" */
	return xt_key_prefix(key, n, re, XT_NELEM(re));
}

/* Is unit k one of a form's messages? Sets *named when it also names
 * the subscription (read only for a message: most units are none). */
static int
xt_signup_msg(const struct xt *x, const struct xt_units *us, size_t k,
    int *named)
{
	const struct xt_unit *u = &us->v[k];
	char key[XT_KEY_MAX];
	size_t i, n;
	int re = 0;

	*named = 0;
	if (u->words == 0 || u->words > XT_SIGNUP_WORDS ||
	    (u->kind != U_SENT && u->kind != U_TITLE && u->kind != U_PROMO))
		return 0;
	for (i = u->a; i < u->b && !re; i++)
		if (x->t[i].len >= XT_SIGNUP_SHORT &&
		    !(x->t[i].flags & (TF_DIGIT | TF_PUNCT))) {
			n = xt_key(x, i, key);
			re = xt_signup_reaction(x, i, key, n);
		}
	for (i = u->a; re && i < u->b && !*named; i++)
		if (x->t[i].len >= XT_SIGNUP_SHORT &&
		    !(x->t[i].flags & (TF_DIGIT | TF_PUNCT))) {
			n = xt_key(x, i, key);
			*named = xt_signup_word(x, i, key, n);
		}
	return re;
}

/* Is unit k part of the box before the messages: its name, its pitch
 * or its button? */
static int
xt_signup_box(const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];

	return u->kind == U_PROMO || xt_is_span(us, k, XK_CTA) ||
	    (u->strong && u->words <= XT_PROMO_MAX);
}

/* Is a box unit within the units a form at unit k may hold, from
 * XT_SIGNUP_BACK before it to XT_SIGNUP_UNITS after? *next is the
 * first box at or after k - XT_SIGNUP_BACK found so far (start with
 * 0, call for k going up): the words are read only near a box. */
static int
xt_signup_near(const struct xt_units *us, size_t k, size_t *next)
{
	size_t lo = k >= XT_SIGNUP_BACK ? k - XT_SIGNUP_BACK : 0;

	if (*next < lo)
		*next = lo;
	while (*next < us->n && *next < k + XT_SIGNUP_UNITS &&
	    !xt_signup_box(us, *next))
		(*next)++;
	return *next < us->n && *next < k + XT_SIGNUP_UNITS;
}

void
xt_signup_forms(const struct xt *x, struct xt_units *us)
{
	size_t k, j, first, next = 0;
	int named, any;
	unsigned msgs;

	for (k = 0; k < us->n; k++) {
		if (!xt_signup_near(us, k, &next) ||
		    !xt_signup_msg(x, us, k, &any))
			continue;
		first = k;
		for (msgs = 1, j = k + 1; j < us->n && j < k +
		    XT_SIGNUP_UNITS; j++)
			if (xt_signup_msg(x, us, j, &named)) {
				msgs++;
				any |= named;
			}
		for (j = k; j > 0 && j + XT_SIGNUP_BACK > k; j--)
			if (xt_signup_box(us, j - 1))
				first = j - 1;
		for (j = first; j < us->n && j < k + XT_SIGNUP_UNITS &&
		    !xt_signup_box(us, j); j++)
			;
		if (msgs < XT_SIGNUP_MSGS || !any || j == us->n ||
		    j == k + XT_SIGNUP_UNITS)
			continue;	/* no box: prose thanking someone */
		us->v[first].end = 1;
		return;	/* the first form is the one under the article */
	}
}

/* Does word i speak for the site to the reader: a second-person word
 * or a first-person plural one (us, our, uns, unser, nous, notre, nos,
 * nuestro, noi, nostro, nosso, ons, onze)? */
static int
xt_pitch_person(const struct xt *x, size_t i)
{
	static const char *const we[] = { "us", "our", "ours", "uns",
	    "nous", "notre", "nos", "nosotros", "noi", "ons", "onze" };
	static const char *const pre[] = { "unser", "nuestr", "nostr",
	    "noss" };
	char key[XT_KEY_MAX];
	size_t n;

	if (x->t[i].cls & XC_YOU)
		return 1;
	if (x->t[i].flags & TF_UPPER)
		return 0;	/* "US" is a country */
	n = xt_key(x, i, key);
	return xt_in_list(key, n, we, XT_NELEM(we)) ||
	    xt_word_prefix(x, i, pre, XT_NELEM(pre));
}

/* Is unit k a promo: a promo unit, a button or a unit with a promo
 * word ("Subscribe to our sister magazine ...")? */
static int
xt_pitch_promo(const struct xt_units *us, size_t k)
{
	return xt_signup_box(us, k);
}

/* May unit k stand in a pitch at the body's end: boilerplate, a short
 * title or question, a promo, or a unit speaking to the reader? */
static int
xt_pitch_unit(const struct xt *x, const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];
	size_t i;

	if (xt_soft(u) || xt_pitch_promo(us, k))
		return 1;
	if (u->kind != U_SENT && u->kind != U_TITLE)
		return 0;
	if (u->words <= XT_PITCH_TITLE)
		return 1;	/* "Need more space?", the box's name */
	for (i = u->a; i < u->b; i++)
		if (xt_pitch_person(x, i))
			return 1;
	return 0;
}

/* Where the body ending before unit f weighs most: what the pitch
 * made worth crossing (a list of headlines before it, a sentence
 * after them) is not worth it any more. */
static size_t
xt_pitch_best_end(const struct xt_units *us, size_t f)
{
	size_t k, end = us->run_a;
	long sum = 0, best = 0;

	for (k = us->run_a; k < f; k++) {
		sum += xt_weight(&us->v[k]);
		if (sum > best || end == us->run_a) {
			best = sum;
			end = k + 1;
		}
	}
	while (end > us->run_a && !xt_is_sent(&us->v[end - 1]))
		end--;
	return end;
}

void
xt_pitch_tail(const struct xt *x, struct xt_units *us)
{
	size_t p = us->run_b, f, k, promos = 0, words = 0;

	while (p > us->run_a && xt_pitch_unit(x, us, p - 1))
		p--;
	for (f = p; f < us->run_b && !xt_pitch_promo(us, f); f++)
		;
	for (k = f; k < us->run_b; k++)
		promos += xt_pitch_promo(us, k);
	for (k = us->run_a; k < f; k++)
		words += xt_is_sent(&us->v[k]) ? us->v[k].words : 0;
	if (promos < XT_PITCH_PROMOS || words < XT_ARTICLE_MIN)
		return;
	us->run_b = xt_pitch_best_end(us, f);
}

/* Is [p, p + n) a followers word ("fans", "Followers", "abonnés"),
 * maybe with its button glued on ("FollowersFollow", "FansLike")? */
static int
xt_follow_word(const char *p, size_t n)
{
	static const char *const fol[] = { "fans", "fan", "followers",
	    "follower", "subscribers", "subscriber", "abonnenten",
	    "abonnent", "abonnés", "seguidores", "iscritti",
	    "volgers", "подписчиков" };
	static const char *const btn[] = { "like", "follow", "subscribe",
	    "folgen", "abonnieren", "suivre", "seguir", "segui", "volgen" };
	size_t j, m;

	for (j = 0; j < XT_NELEM(fol); j++) {
		m = strlen(fol[j]);
		if (n >= m && memcmp(p, fol[j], m) == 0 && (n == m ||
		    xt_in_list(p + m, n - m, btn, XT_NELEM(btn))))
			return 1;
	}
	return 0;
}

/* Is word i a follower count: a number glued to a followers word
 * ("299FollowersFollow", "12kFans") or followed by one written as a
 * label, with a capital ("12k Followers")? Prose writes "40,000 fans"
 * in lower case. */
static int
xt_follow_count(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	size_t n, k = 0;

	if (!(x->t[i].flags & TF_DIGIT))
		return 0;
	n = xt_key(x, i, key);
	while (k < n && ((key[k] >= '0' && key[k] <= '9') || key[k] == ',' ||
	    key[k] == '.'))
		k++;
	if (k == 0)
		return 0;
	if (k < n && (key[k] == 'k' || key[k] == 'm') && (k + 1 == n ||
	    xt_follow_word(key + k + 1, n - k - 1)))
		k++;	/* "12k", "1.2MFans" */
	if (k < n)
		return xt_follow_word(key + k, n - k);
	if (i + 1 >= x->nt || !(x->t[i + 1].flags & TF_CAP))
		return 0;
	n = xt_key(x, i + 1, key);
	return xt_follow_word(key, n);
}

/* Follower counts in unit k. */
static unsigned
xt_follow_counts(const struct xt *x, const struct xt_units *us, size_t k)
{
	unsigned c = 0;
	size_t i;

	for (i = us->v[k].a; i < us->v[k].b; i++)
		c += xt_follow_count(x, i) != 0;
	return c;
}

void
xt_follow_box(const struct xt *x, struct xt_units *us)
{
	size_t k, j;
	unsigned c;

	for (k = 0; k < us->n; k++) {
		if (us->v[k].kind == U_EMPTY || xt_follow_counts(x, us, k) == 0)
			continue;
		for (c = 0, j = k; j < us->n && j < k + XT_FOLLOW_UNITS; j++)
			c += xt_follow_counts(x, us, j);
		if (c >= XT_FOLLOW_COUNTS) {
			us->v[k].end = 1;
			return;
		}
	}
}
