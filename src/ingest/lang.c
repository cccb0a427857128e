/* lang.c - language identification by counting function words.
 *
 * Short, frequent words (articles, pronouns, prepositions) identify a
 * European language well from a few sentences and cost one pass: each
 * word is looked up once in a table of all the lists' words, which says
 * which languages list it.
 */
#include "ingest/lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define LANG_MIN_HITS	4
#define LANG_MAX_WORD	12

struct lang_words {
	const char *code;
	const char *const *words;
};

static const char *const lang_en[] = {"the", "and", "of", "to", "in",
    "is", "that", "for", "was", "with", "on", "as", "by", "at", "from",
    "his", "her", "they", "have", "has", "were", "this", "which", "but",
    "their", "been", "would", "will", "an", "it", "said", NULL};
static const char *const lang_de[] = {"der", "die", "und", "das", "den",
    "ist", "nicht", "mit", "sich", "des", "auf", "dem", "ein", "eine",
    "auch", "es", "zu", "im", "wird", "sie", "wurde", "von", "nach", "bei",
    "einer", "werden", "hat", "aus", "noch", "wie", "sagte", NULL};
static const char *const lang_fr[] = {"le", "la", "les", "des", "et",
    "est", "une", "du", "dans", "qui", "que", "pour", "pas", "sur", "au",
    "avec", "sont", "il", "elle", "ont", "aux", "par", "mais", "ses",
    "cette", "leur", "été", "selon", "nous", NULL};
static const char *const lang_es[] = {"el", "los", "las", "del", "y",
    "que", "en", "una", "por", "con", "para", "es", "su", "al", "lo",
    "como", "más", "pero", "sus", "fue", "ha", "este", "esta", "según",
    "también", "entre", "sobre", NULL};
static const char *const lang_it[] = {"il", "di", "che", "della", "per",
    "non", "sono", "gli", "nel", "alla", "anche", "è", "dei", "delle",
    "con", "una", "degli", "più", "ha", "questo", "nella", NULL};
static const char *const lang_nl[] = {"de", "het", "een", "en", "van",
    "niet", "zijn", "op", "dat", "voor", "met", "ook", "worden", "wordt",
    "bij", "naar", "heeft", "maar", "nog", "werd", NULL};
static const char *const lang_pt[] = {"o", "os", "da", "do", "não",
    "uma", "com", "para", "dos", "das", "mais", "como", "foi", "ao",
    "pelo", "pela", "também", "são", "seu", "sua", NULL};

static const struct lang_words lang_table[] = {
	{"en", lang_en}, {"de", lang_de}, {"fr", lang_fr}, {"es", lang_es},
	{"it", lang_it}, {"nl", lang_nl}, {"pt", lang_pt},
};

#define LANG_N (sizeof(lang_table) / sizeof(lang_table[0]))

static int
lang_is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Every list word in one open-addressing table: the word and the bit
 * of each language listing it. Filled once, read-only after. */
#define LANG_SLOTS	512	/* a power of two, over twice the words */

struct lang_slot {
	const char *word;
	size_t len;
	unsigned langs;
};

static struct lang_slot lang_slots[LANG_SLOTS];
static pthread_once_t lang_once = PTHREAD_ONCE_INIT;

static size_t
lang_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h & (LANG_SLOTS - 1);
}

/* The slot of w[0..n): its own, or the empty one it would go in. */
static struct lang_slot *
lang_slot(const char *w, size_t n)
{
	size_t i = lang_hash(w, n);

	while (lang_slots[i].word && (lang_slots[i].len != n ||
	    memcmp(lang_slots[i].word, w, n) != 0))
		i = (i + 1) & (LANG_SLOTS - 1);
	return &lang_slots[i];
}

static void
lang_index(void)
{
	const char *const *p;
	struct lang_slot *s;
	size_t k;

	for (k = 0; k < LANG_N; k++)
		for (p = lang_table[k].words; *p; p++) {
			s = lang_slot(*p, strlen(*p));
			s->word = *p;
			s->len = strlen(*p);
			s->langs |= 1u << k;
		}
}

/* Count w[0..n) for each language whose list holds it. */
static void
lang_count(const char *w, size_t n, int *hits)
{
	const struct lang_slot *s = lang_slot(w, n);
	size_t k;

	for (k = 0; s->word && k < LANG_N; k++)
		if (s->langs & (1u << k))
			hits[k]++;
}

const char *
lang_detect(const char *text, size_t n)
{
	int hits[LANG_N] = {0};
	char word[LANG_MAX_WORD + 1];
	size_t i = 0, len, k, best = 0;

	pthread_once(&lang_once, lang_index);
	while (i < n) {
		while (i < n && !lang_is_letter((unsigned char)text[i]))
			i++;
		for (len = 0; i < n && lang_is_letter((unsigned char)text[i]);
		    i++) {
			if (len < sizeof(word))
				word[len] = (char)(text[i] >= 'A' &&
				    text[i] <= 'Z' ? text[i] | 0x20 : text[i]);
			len++;
		}
		if (len > 0 && len <= LANG_MAX_WORD)
			lang_count(word, len, hits);
	}
	for (k = 1; k < LANG_N; k++)
		if (hits[k] > hits[best])
			best = k;
	return hits[best] >= LANG_MIN_HITS ? lang_table[best].code : NULL;
}
