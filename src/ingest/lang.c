/* lang.c - language identification by counting function words.
 *
 * Short, frequent words (articles, pronouns, prepositions) identify a
 * European language well from a few sentences and cost one hash-free
 * pass: each word is looked up in small per-language lists.
 */
#include "ingest/lang.h"

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

static void
lang_count(const char *w, size_t n, int *hits)
{
	const char *const *p;
	size_t k;

	for (k = 0; k < LANG_N; k++)
		for (p = lang_table[k].words; *p; p++)
			if (strlen(*p) == n && memcmp(*p, w, n) == 0) {
				hits[k]++;
				break;
			}
}

const char *
lang_detect(const char *text, size_t n)
{
	int hits[LANG_N] = {0};
	char word[LANG_MAX_WORD + 1];
	size_t i = 0, len, k, best = 0;

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
