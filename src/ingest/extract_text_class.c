/* extract_text_class.c - the multilingual phrase classes.
 *
 * Each entry names a word's role, not a site's wording: "share" verbs,
 * network names, "subscribe" words, byline prepositions, month names,
 * in English, German, French and Spanish, with the commonest widget,
 * form, date and function words of Portuguese, Italian, Dutch,
 * Indonesian and Russian (Cyrillic capitals are folded too). Detectors
 * combine these roles with the shape of the text around them
 * (extract_text_span.c), so a page whose exact phrasing is in no table
 * is still read.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#include "util/xalloc.h"

struct xt_word {
	const char *w;
	uint32_t cls;
};

#define SH XC_SHARE
#define NE XC_NET
#define SV XC_SAVE
#define NV XC_NAV
#define CO XC_CONN
#define OB XC_OBJ
#define PR XC_PROMO
#define PW XC_PROMOW
#define YO XC_YOU
#define FO XC_FORM
#define FU XC_FUNC
#define ST (XC_STARTER | XC_FUNC)

static const struct xt_word xt_words[] = {
	/* share verbs and networks */
	{"share", SH}, {"teilen", SH}, {"partager", SH}, {"compartir", SH},
	{"tweet", SH}, {"tweeten", SH}, {"send", SH}, {"senden", SH},
	{"envoyer", SH}, {"enviar", SH}, {"invia", SH}, {"versturen", SH},
	{"kirim", SH}, {"отправить", SH}, {"copy", SH}, {"kopieren", SH},
	{"copier", SH}, {"copiar", SH}, {"twitter", NE}, {"facebook", NE},
	{"x", NE},	/* Twitter's new name, next to the others */
	{"linkedin", NE}, {"whatsapp", NE}, {"pinterest", NE}, {"reddit", NE},
	{"telegram", NE}, {"xing", NE}, {"flipboard", NE}, {"messenger", NE},
	{"mastodon", NE}, {"bluesky", NE}, {"threads", NE},
	{"instagram", NE}, {"youtube", NE}, {"tiktok", NE}, {"snapchat", NE},
	{"follow", SH}, {"folgen", SH}, {"suivez", SH}, {"síguenos", SH},
	{"siga", SH}, {"seguici", SH}, {"volg", SH},
	{"compartilhar", SH}, {"compartilhe", SH}, {"partilhar", SH},
	{"condividi", SH}, {"condividere", SH}, {"delen", SH},
	{"bagikan", SH}, {"tumblr", NE}, {"поделиться", SH},
	{"udostępnij", SH}, {"dela", SH},	/* pl, sv */
	{"вконтакте", NE}, {"одноклассники", NE},
	/* save, print, listen */
	{"save", SV}, {"print", SV}, {"merken", SV}, {"speichern", SV},
	{"drucken", SV}, {"enregistrer", SV}, {"sauvegarder", SV},
	{"imprimer", SV}, {"guardar", SV}, {"imprimir", SV},
	{"bookmark", SV}, {"listen", SV}, {"anhören", SV}, {"vorlesen", SV},
	{"écouter", SV}, {"escuchar", SV}, {"gift", SV},
	{"salvar", SV}, {"stampa", SV}, {"salva", SV}, {"afdrukken", SV},
	{"opslaan", SV}, {"cetak", SV}, {"simpan", SV},
	{"zapisz", SV}, {"drukuj", SV}, {"spara", SV},
	/* crumbs */
	{"home", NV}, {"news", NV | PW}, {"startseite", NV},
	{"nachrichten", NV}, {"accueil", NV}, {"actualités", NV},
	{"inicio", NV}, {"portada", NV}, {"noticias", NV},
	{"politics", NV}, {"politik", NV}, {"politique", NV},
	{"política", NV}, {"business", NV}, {"wirtschaft", NV},
	{"économie", NV}, {"economía", NV}, {"world", NV}, {"welt", NV},
	{"monde", NV}, {"mundo", NV}, {"sport", NV}, {"sports", NV},
	{"deportes", NV}, {"local", NV}, {"lokales", NV}, {"regional", NV},
	{"culture", NV}, {"kultur", NV}, {"cultura", NV}, {"opinion", NV},
	{"meinung", NV}, {"opinión", NV}, {"science", NV},
	{"wissenschaft", NV}, {"ciencia", NV}, {"energy", NV},
	{"energie", NV}, {"énergie", NV}, {"energía", NV}, {"region", NV},
	{"société", NV}, {"sociedad", NV}, {"gesellschaft", NV},
	{"environment", NV}, {"umwelt", NV}, {"environnement", NV},
	{"medio", NV}, {"ambiente", NV}, {"tech", NV}, {"technik", NV},
	{"international", NV}, {"internacional", NV}, {"inland", NV},
	{"ausland", NV}, {"france", NV}, {"españa", NV}, {"deutschland", NV},
	{"uk", NV}, {"us", NV}, {"menu", NV}, {"menü", NV}, {"menú", NV},
	{"search", NV}, {"suche", NV}, {"suchen", NV}, {"rechercher", NV},
	{"recherche", NV}, {"buscar", NV}, {"login", NV}, {"log", NV},
	{"connexion", NV}, {"skip", NV}, {"topics", NV}, {"themen", NV},
	{"rubriques", NV}, {"temas", NV}, {"more", NV}, {"mehr", NV},
	{"plus", NV}, {"más", NV}, {"início", NV}, {"notícias", NV},
	{"notizie", NV}, {"nieuws", NV}, {"beranda", NV}, {"berita", NV},
	{"главная", NV}, {"новости", NV}, {"политика", NV}, {"экономика", NV},
	{"спорт", NV}, {"культура", NV}, {"общество", NV}, {"город", NV},
	/* widget connectors and objects */
	{"on", CO | FU}, {"auf", CO | FU}, {"sur", CO | FU}, {"en", CO | FU},
	{"via", CO}, {"per", CO}, {"this", CO | FU}, {"diesen", CO | FU},
	{"cet", CO | FU}, {"cette", CO | FU}, {"este", CO | FU},
	{"esta", CO | FU}, {"the", ST}, {"la", ST}, {"le", ST},
	{"page", OB}, {"article", OB}, {"artikel", OB}, {"seite", OB},
	{"página", OB}, {"artículo", OB}, {"story", OB}, {"link", OB},
	{"lien", OB}, {"enlace", OB}, {"l'article", OB}, {"l’article", OB},
	{"e-mail", OB | PW | FO},
	{"email", OB | PW | FO}, {"mail", OB | PW},
	/* promo */
	{"subscribe", PR}, {"newsletter", PR}, {"newsletters", PR},
	{"updates", PR}, {"digest", PR}, {"inbox", PR}, {"briefing", PR},
	{"abonnieren", PR}, {"abonnieren:", PR}, {"abonnez-vous", PR},
	{"abonner", PR}, {"s'abonner", PR}, {"s’abonner", PR},
	{"inscrivez-vous", PR}, {"suscríbete", PR}, {"suscribirse", PR},
	{"suscribete", PR}, {"boletín", PR}, {"postfach", PR},
	{"mises", PR}, {"actualizaciones", PR}, {"regístrate", PR},
	{"anmelden", PR}, {"registrieren", PR}, {"sign", PW},
	{"subscription", PW}, {"subscriptions", PW}, {"abo", PW},
	{"abonnement", PW}, {"abonnements", PW}, {"suscripción", PW},
	{"assinatura", PW}, {"abbonamento", PW},
	{"free", PW}, {"kostenlos", PW}, {"gratuit", PW},
	{"gratuitement", PW}, {"gratis", PW}, {"gratuito", PW},
	{"gratuitas", PW}, {"daily", PW}, {"täglich", PW}, {"tägliche", PW},
	{"quotidienne", PW}, {"diario", PW}, {"morning", PW}, {"latest", PW},
	{"courriel", PW | FO}, {"correo", PW | FO}, {"receive", PW},
	{"erhalten", PW}, {"recevez", PW}, {"recibe", PW}, {"recibir", PW},
	{"iscriviti", PR}, {"inscreva-se", PR}, {"subscrever", PR},
	{"nieuwsbrief", PR}, {"abonneren", PR}, {"ricevi", PW},
	{"receba", PW}, {"ontvang", PW}, {"gratuita", PW},
	{"gratuitamente", PW}, {"gratuitos", PW}, {"mattina", PW},
	{"matin", PW}, {"manhã", PW}, {"mañana", PW},
	/* second person */
	{"you", YO}, {"your", YO}, {"you'll", YO}, {"we'll", YO},
	{"sie", YO | FU}, {"ihre", YO | FU}, {"ihr", YO | FU},
	{"deine", YO}, {"dein", YO}, {"du", YO | FU}, {"vous", YO | FU},
	{"votre", YO}, {"vos", YO}, {"tu", YO}, {"te", YO}, {"tus", YO},
	{"tua", YO}, {"tuo", YO}, {"tuoi", YO}, {"você", YO},
	{"jouw", YO}, {"twój", YO}, {"twoje", YO}, {"din", YO}, {"ditt", YO},
	/* comment form */
	{"required", FO}, {"fields", FO}, {"marked", FO}, {"address", FO},
	{"published", FO}, {"website", FO}, {"name", FO},
	{"erforderliche", FO}, {"felder", FO}, {"markiert", FO},
	{"e-mail-adresse", FO}, {"veröffentlicht", FO}, {"webseite", FO},
	{"obligatoires", FO}, {"champs", FO}, {"indiqués", FO},
	{"adresse", FO}, {"publiée", FO}, {"nom", FO}, {"site", FO},
	{"obligatorios", FO}, {"campos", FO}, {"marcados", FO},
	{"dirección", FO}, {"electrónico", FO}, {"publicada", FO},
	{"nombre", FO}, {"web", FO}, {"comment", FO}, {"kommentar", FO},
	{"commentaire", FO}, {"comentario", FO},
	{"wymagane", FO}, {"pola", FO}, {"oznaczone", FO}, {"adres", FO},
	{"opublikowany", FO}, {"komentarz", FO}, {"obligatoriska", FO},
	{"fält", FO}, {"markerade", FO}, {"publiceras", FO},
	{"e-postadress", FO}, {"kommentar", FO},
	/* cookies */
	{"cookie", XC_COOKIE}, {"cookies", XC_COOKIE},
	{"consent", XC_COOKIEW}, {"privacy", XC_COOKIEW},
	{"accept", XC_COOKIEW}, {"datenschutz", XC_COOKIEW},
	{"akzeptieren", XC_COOKIEW}, {"einwilligung", XC_COOKIEW},
	{"accepter", XC_COOKIEW}, {"consentement", XC_COOKIEW},
	{"confidentialité", XC_COOKIEW}, {"aceptar", XC_COOKIEW},
	{"privacidad", XC_COOKIEW}, {"política", XC_COOKIEW},
	{"use", XC_COOKIEW}, {"uses", XC_COOKIEW}, {"verwendet", XC_COOKIEW},
	{"verwenden", XC_COOKIEW}, {"utilise", XC_COOKIEW},
	{"utilisons", XC_COOKIEW}, {"utilizamos", XC_COOKIEW},
	{"usamos", XC_COOKIEW}, {"policy", XC_COOKIEW},
	{"datenschutzerklärung", XC_COOKIEW}, {"politique", XC_COOKIEW},
	/* function words; starters also begin sentences */
	{"a", ST}, {"an", ST}, {"this", ST}, {"these", ST}, {"its", ST},
	{"their", ST}, {"his", ST}, {"her", ST}, {"in", ST | XC_PLACEPREP},
	{"at", ST}, {"after", ST}, {"before", ST}, {"for", ST}, {"with", ST},
	{"when", ST}, {"while", ST}, {"it", ST}, {"they", ST}, {"he", ST},
	{"she", ST}, {"we", ST}, {"there", ST}, {"of", FU}, {"to", FU},
	{"and", FU | XC_AND}, {"is", FU}, {"was", FU}, {"that", FU},
	{"are", FU}, {"were", FU}, {"has", FU}, {"have", FU}, {"will", FU},
	{"be", FU}, {"from", FU}, {"but", FU}, {"by", FU | XC_BY},
	{"where", FU}, {"which", FU}, {"who", FU}, {"whom", FU},
	{"whose", FU}, {"said", FU}, {"says", FU}, {"told", FU},
	{"than", FU}, {"or", FU}, {"because", FU}, {"into", FU},
	{"about", FU}, {"between", FU}, {"during", FU}, {"including", FU},
	{"der", ST | XC_PARTICLE}, {"die", ST}, {"das", ST}, {"ein", ST},
	{"eine", ST}, {"im", ST}, {"am", ST | XC_DATEPREP}, {"nach", ST},
	{"mit", ST}, {"bei", ST}, {"für", ST}, {"auch", ST}, {"es", ST},
	{"er", ST}, {"wir", ST}, {"vor", ST}, {"seit", ST}, {"dem", ST},
	{"den", ST}, {"und", FU | XC_AND}, {"ist", FU}, {"nicht", FU},
	{"sich", FU}, {"des", ST}, {"zu", FU}, {"wird", FU}, {"wurde", FU},
	{"hat", FU}, {"von", FU | XC_BY | XC_PARTICLE}, {"aus", FU |
	XC_PLACEPREP}, {"les", ST}, {"l'", ST}, {"un", ST}, {"une", ST},
	{"au", ST}, {"aux", ST}, {"dans", ST}, {"après", ST}, {"avant", ST},
	{"pour", ST}, {"avec", ST}, {"il", ST}, {"elle", ST}, {"ils", ST},
	{"elles", ST}, {"ce", ST}, {"selon", ST}, {"et", FU | XC_AND},
	{"est", FU}, {"du", FU | XC_PARTICLE}, {"qui", FU}, {"que", FU},
	{"pas", FU}, {"sont", FU}, {"ont", FU}, {"à", FU | XC_PLACEPREP},
	{"par", FU | XC_BY | CO}, {"el", ST | XC_DATEPREP}, {"los", ST},
	{"las", ST}, {"una", ST}, {"tras", ST}, {"con", ST}, {"para", ST},
	{"según", ST}, {"del", FU | XC_PARTICLE}, {"y", FU | XC_AND},
	{"de", FU | XC_PARTICLE}, {"por", FU | XC_BY | CO}, {"se", FU},
	{"su", FU}, {"al", FU}, {"ha", FU}, {"fue", FU}, {"van", XC_PARTICLE},
	{"di", XC_PARTICLE}, {"da", XC_PARTICLE}, {"dos", XC_PARTICLE},
	{"&", XC_AND}, {"le", XC_DATEPREP}, {"on", XC_DATEPREP},
	/* function words of pt, it, nl, id: sentence-likeness only */
	{"o", FU}, {"os", FU}, {"as", FU}, {"do", FU}, {"da", FU},
	{"em", FU}, {"no", FU}, {"na", FU}, {"um", FU}, {"com", FU},
	{"não", FU}, {"é", FU}, {"foi", FU}, {"il", FU}, {"gli", FU},
	{"della", FU}, {"che", FU}, {"è", FU}, {"non", FU}, {"nel", FU},
	{"het", FU}, {"een", FU}, {"op", FU}, {"niet", FU}, {"met", FU},
	{"voor", FU}, {"zijn", FU}, {"yang", FU}, {"dan", FU}, {"di", FU},
	{"ke", FU}, {"dari", FU}, {"ini", FU}, {"itu", FU}, {"dengan", FU},
	{"untuk", FU}, {"tidak", FU}, {"dalam", FU}, {"akan", FU},
	{"pada", FU}, {"и", FU}, {"в", FU}, {"на", FU}, {"не", FU},
	{"что", FU}, {"с", FU}, {"по", FU}, {"это", FU}, {"как", FU},
	{"для", FU}, {"из", FU}, {"он", FU}, {"она", FU}, {"они", FU},
	/* function words of pl and sv */
	{"w", FU}, {"z", FU}, {"się", FU}, {"nie", FU}, {"że", FU},
	{"jest", FU}, {"od", FU}, {"przez", FU}, {"dla", FU}, {"oraz", FU},
	{"och", FU}, {"att", FU}, {"är", FU}, {"som", FU}, {"för", FU},
	{"på", FU}, {"av", FU | XC_BY}, {"till", FU}, {"inte", FU},
	{"har", FU}, {"e-post", OB | PW | FO},
	/* roles after a byline name */
	{"correspondent", XC_ROLE}, {"reporter", XC_ROLE},
	{"editor", XC_ROLE}, {"writer", XC_ROLE}, {"staff", XC_ROLE},
	{"korrespondent", XC_ROLE}, {"korrespondentin", XC_ROLE},
	{"redakteur", XC_ROLE}, {"redakteurin", XC_ROLE},
	{"reporterin", XC_ROLE}, {"correspondant", XC_ROLE},
	{"correspondante", XC_ROLE}, {"envoyé", XC_ROLE},
	{"envoyée", XC_ROLE}, {"journaliste", XC_ROLE},
	{"corresponsal", XC_ROLE}, {"redactor", XC_ROLE},
	{"redactora", XC_ROLE}, {"periodista", XC_ROLE},
	{"enviado", XC_ROLE}, {"enviada", XC_ROLE},
	{"jornalista", XC_ROLE}, {"repórter", XC_ROLE},
	{"correspondente", XC_ROLE}, {"giornalista", XC_ROLE},
	{"redattore", XC_ROLE}, {"redattrice", XC_ROLE},
	{"corrispondente", XC_ROLE}, {"inviato", XC_ROLE},
	{"inviata", XC_ROLE}, {"journalist", XC_ROLE},
	{"verslaggever", XC_ROLE}, {"redacteur", XC_ROLE},
	/* a press release's note on the company */
	{"provider", XC_ORG}, {"solutions", XC_ORG}, {"headquartered", XC_ORG},
	{"employees", XC_ORG}, {"worldwide", XC_ORG}, {"subsidiaries", XC_ORG},
	{"customers", XC_ORG}, {"portfolio", XC_ORG}, {"anbieter", XC_ORG},
	{"lösungen", XC_ORG}, {"hauptsitz", XC_ORG}, {"mitarbeiter", XC_ORG},
	{"mitarbeitende", XC_ORG}, {"weltweit", XC_ORG}, {"kunden", XC_ORG},
	{"fournisseur", XC_ORG}, {"siège", XC_ORG}, {"collaborateurs", XC_ORG},
	{"salariés", XC_ORG}, {"clients", XC_ORG}, {"proveedor", XC_ORG},
	{"soluciones", XC_ORG}, {"sede", XC_ORG}, {"empleados", XC_ORG},
	{"clientes", XC_ORG},
	/* comment counters */
	{"comments", XC_COMMENTW}, {"kommentare", XC_COMMENTW},
	{"commentaires", XC_COMMENTW}, {"comentarios", XC_COMMENTW},
	{"reactions", XC_COMMENTW}, {"réactions", XC_COMMENTW},
	{"responses", XC_COMMENTW}, {"replies", XC_COMMENTW},
	{"antworten", XC_COMMENTW}, {"réponses", XC_COMMENTW},
	{"respuestas", XC_COMMENTW}, {"reacciones", XC_COMMENTW},
	{"comentários", XC_COMMENTW}, {"commenti", XC_COMMENTW},
	{"reacties", XC_COMMENTW}, {"komentar", XC_COMMENTW},
	{"tanggapan", XC_COMMENTW}, {"комментарии", XC_COMMENTW},
	{"komentarze", XC_COMMENTW}, {"komentarzy", XC_COMMENTW},
	{"kommentarer", XC_COMMENTW}, {"odpowiedzi", XC_COMMENTW},
	{"комментариев", XC_COMMENTW}, {"комментария", XC_COMMENTW},
	/* photo markers (with a colon) */
	{"photo", XC_PHOTO}, {"foto", XC_PHOTO}, {"fotos", XC_PHOTO},
	{"fot", XC_PHOTO}, {"phot", XC_PHOTO},
	{"bild", XC_PHOTO}, {"credit", XC_PHOTO}, {"crédit", XC_PHOTO},
	{"crédito", XC_PHOTO}, {"image", XC_PHOTO}, {"picture", XC_PHOTO},
	{"photograph", XC_PHOTO}, {"fotografía", XC_PHOTO},
	{"illustration", XC_PHOTO}, {"©", XC_PHOTO | XC_LEGAL},
	{"(c)", XC_PHOTO | XC_LEGAL},
	/* caption markers */
	{"caption", XC_CAPTION}, {"bildunterschrift", XC_CAPTION},
	{"légende", XC_CAPTION}, {"leyenda", XC_CAPTION},
	/* advertising labels */
	{"advertisement", XC_AD}, {"anzeige", XC_AD}, {"werbung", XC_AD},
	{"publicité", XC_AD}, {"publicidad", XC_AD}, {"sponsored", XC_AD},
	{"publicidade", XC_AD}, {"pubblicità", XC_AD}, {"advertentie", XC_AD},
	{"iklan", XC_AD}, {"реклама", XC_AD}, {"reklama", XC_AD},
	{"annons", XC_AD},
	/* copyright and legal footers */
	{"copyright", XC_LEGAL}, {"rights", XC_LEGAL}, {"reserved", XC_LEGAL},
	{"trademark", XC_LEGAL}, {"trademarks", XC_LEGAL},
	{"rechte", XC_LEGAL}, {"vorbehalten", XC_LEGAL},
	{"marke", XC_LEGAL}, {"marken", XC_LEGAL}, {"droits", XC_LEGAL},
	{"réservés", XC_LEGAL}, {"reproduction", XC_LEGAL},
	{"derechos", XC_LEGAL}, {"reservados", XC_LEGAL},
	{"reservado", XC_LEGAL}, {"urheberrecht", XC_LEGAL},
	{"direitos", XC_LEGAL}, {"diritti", XC_LEGAL}, {"riservati", XC_LEGAL},
	{"rechten", XC_LEGAL}, {"voorbehouden", XC_LEGAL},
	{"zastrzeżone", XC_LEGAL}, {"ensamrätt", XC_LEGAL},
	{"rättigheter", XC_LEGAL}, {"förbehållna", XC_LEGAL},
	/* time of day */
	{"uhr", XC_TIMEW}, {"a.m", XC_TIMEW}, {"p.m", XC_TIMEW},
	{"am", XC_TIMEW}, {"pm", XC_TIMEW}, {"gmt", XC_TIMEW},
	{"utc", XC_TIMEW}, {"cet", XC_TIMEW}, {"h", XC_TIMEW},
	{"hs", XC_TIMEW}, {"horas", XC_TIMEW | XC_TUNIT},
	/* relative times: "2 hours ago", "vor 2 Stunden", "hace 2 horas" */
	{"second", XC_TUNIT}, {"seconds", XC_TUNIT}, {"minute", XC_TUNIT},
	{"minutes", XC_TUNIT}, {"min", XC_TUNIT}, {"mins", XC_TUNIT},
	{"hour", XC_TUNIT}, {"hours", XC_TUNIT}, {"hr", XC_TUNIT},
	{"hrs", XC_TUNIT}, {"day", XC_TUNIT}, {"days", XC_TUNIT},
	{"week", XC_TUNIT}, {"weeks", XC_TUNIT}, {"month", XC_TUNIT},
	{"months", XC_TUNIT}, {"year", XC_TUNIT}, {"years", XC_TUNIT},
	{"sekunden", XC_TUNIT}, {"minuten", XC_TUNIT}, {"stunde", XC_TUNIT},
	{"stunden", XC_TUNIT}, {"std", XC_TUNIT}, {"tag", XC_TUNIT},
	{"tagen", XC_TUNIT}, {"woche", XC_TUNIT}, {"wochen", XC_TUNIT},
	{"monat", XC_TUNIT}, {"monaten", XC_TUNIT}, {"jahr", XC_TUNIT},
	{"jahren", XC_TUNIT}, {"seconde", XC_TUNIT},
	{"secondes", XC_TUNIT}, {"heure", XC_TUNIT}, {"heures", XC_TUNIT},
	{"jour", XC_TUNIT}, {"jours", XC_TUNIT}, {"semaine", XC_TUNIT},
	{"semaines", XC_TUNIT}, {"mois", XC_TUNIT}, {"an", XC_TUNIT},
	{"ans", XC_TUNIT}, {"segundo", XC_TUNIT}, {"segundos", XC_TUNIT},
	{"minuto", XC_TUNIT}, {"minutos", XC_TUNIT}, {"minuti", XC_TUNIT},
	{"minuut", XC_TUNIT}, {"minut", XC_TUNIT}, {"hora", XC_TUNIT},
	{"día", XC_TUNIT}, {"días", XC_TUNIT}, {"dia", XC_TUNIT},
	{"dias", XC_TUNIT}, {"semana", XC_TUNIT}, {"semanas", XC_TUNIT},
	{"mes", XC_TUNIT}, {"meses", XC_TUNIT}, {"año", XC_TUNIT},
	{"años", XC_TUNIT}, {"ano", XC_TUNIT}, {"anos", XC_TUNIT},
	{"ore", XC_TUNIT}, {"giorni", XC_TUNIT}, {"uur", XC_TUNIT},
	{"dagen", XC_TUNIT}, {"ago", XC_AGO}, {"fa", XC_AGO},
	{"geleden", XC_AGO}, {"vor", XC_AGO}, {"hace", XC_AGO},
	{"há", XC_AGO},
	/* the reply button under each comment of a thread */
	{"reply", XC_REPLY}, {"antworten", XC_REPLY}, {"répondre", XC_REPLY},
	{"responder", XC_REPLY}, {"rispondi", XC_REPLY},
	{"reageren", XC_REPLY}, {"balas", XC_REPLY}, {"responda", XC_REPLY},
	{"odpowiedz", XC_REPLY}, {"svara", XC_REPLY},
};

struct xt_month {
	const char *w;
	int m;
};

static const struct xt_month xt_months[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11},
	{"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},
	{"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
	{"oct", 10}, {"nov", 11}, {"dec", 12},
	{"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3},
	{"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
	{"dezember", 12}, {"janvier", 1}, {"février", 2}, {"mars", 3},
	{"avril", 4}, {"juin", 6}, {"juillet", 7}, {"août", 8},
	{"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"décembre", 12}, {"enero", 1}, {"febrero", 2}, {"marzo", 3},
	{"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
	{"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12},
	{"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12}, {"gennaio", 1},
	{"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
	{"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
	{"augustus", 8}, {"maret", 3}, {"agustus", 8}, {"desember", 12},
	{"maj", 5}, {"augusti", 8},
	{"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4},
	{"maja", 5}, {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8},
	{"września", 9}, {"października", 10}, {"listopada", 11},
	{"grudnia", 12},
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4},
	{"мая", 5}, {"июня", 6}, {"июля", 7}, {"августа", 8},
	{"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
};

static const char *const xt_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
	"sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
	"samedi", "dimanche", "lunes", "martes", "miércoles", "jueves",
	"viernes", "sábado", "domingo",
};

struct xt_phrase_ent {
	const char *p;
	enum xt_phrase k;
};

static const struct xt_phrase_ent xt_phrases[] = {
	{"recommended", XP_RECO}, {"related", XP_RECO},
	{"関連記事", XP_RECO}, {"おすすめ記事", XP_RECO},
	{"人気記事", XP_RECO}, {"相关文章", XP_RECO}, {"相關文章", XP_RECO},
	{"相关阅读", XP_RECO}, {"推荐阅读", XP_RECO}, {"관련기사", XP_RECO},
	{"read more", XP_RECO}, {"read also", XP_RECO},
	{"see also", XP_RECO}, {"more on this story", XP_RECO},
	{"more on this topic", XP_RECO}, {"you may also like", XP_RECO},
	{"lesen sie auch", XP_RECO}, {"lesen sie mehr", XP_RECO},
	{"mehr zum thema", XP_RECO}, {"auch interessant", XP_RECO},
	{"das könnte sie auch interessieren", XP_RECO},
	{"empfohlen", XP_RECO}, {"lire aussi", XP_RECO},
	{"à lire aussi", XP_RECO}, {"a lire aussi", XP_RECO},
	{"voir aussi", XP_RECO}, {"sur le même sujet", XP_RECO},
	{"à lire également", XP_RECO}, {"te recomendamos", XP_RECO},
	{"lee también", XP_RECO}, {"leer más", XP_RECO},
	{"lea también", XP_RECO},
	{"te puede interesar", XP_RECO},
	{"también te puede interesar", XP_RECO},
	{"noticias relacionadas", XP_RECO},
	{"leia também", XP_RECO}, {"veja também", XP_RECO},
	{"relacionados", XP_RECO}, {"baca juga", XP_RECO},
	{"artikel terkait", XP_RECO}, {"terkait", XP_RECO},
	{"leggi anche", XP_RECO}, {"articoli correlati", XP_RECO},
	{"recomendado", XP_RECO}, {"recomendados", XP_RECO},
	{"consigliati", XP_RECO}, {"aanbevolen", XP_RECO},
	{"lees ook", XP_RECO}, {"gerelateerd", XP_RECO},
	{"читайте также", XP_RECO}, {"смотрите также", XP_RECO},
	{"похожие статьи", XP_RECO}, {"похожие материалы", XP_RECO},
	{"вам также может быть интересно", XP_RECO},
	{"вам может быть интересно", XP_RECO},
	{"related articles", XP_RECO}, {"related stories", XP_RECO},
	{"related news", XP_RECO}, {"related content", XP_RECO},
	{"related coverage", XP_RECO}, {"more stories", XP_RECO},
	{"don't miss", XP_RECO}, {"don’t miss", XP_RECO},
	{"see more", XP_RECO}, {"also read", XP_RECO},
	{"read next", XP_RECO}, {"up next", XP_RECO},
	{"read this next", XP_RECO},
	{"weitere artikel", XP_RECO}, {"weitere beiträge", XP_RECO},
	{"à lire", XP_RECO}, {"explore further", XP_RECO},
	{"most read", XP_RECO}, {"most popular", XP_RECO},
	{"most viewed", XP_RECO}, {"trending", XP_RECO},
	{"meistgelesen", XP_RECO}, {"am meisten gelesen", XP_RECO},
	{"les plus lus", XP_RECO}, {"les plus populaires", XP_RECO},
	{"zobacz również", XP_RECO}, {"zobacz też", XP_RECO},
	{"czytaj także", XP_RECO}, {"czytaj też", XP_RECO},
	{"przeczytaj także", XP_RECO}, {"najczęściej czytane", XP_RECO},
	{"polecamy", XP_RECO}, {"läs också", XP_RECO}, {"läs även", XP_RECO},
	{"läs mer", XP_RECO}, {"mest läst", XP_RECO}, {"mest lästa", XP_RECO},
	{"rekommenderat", XP_RECO}, {"relaterat", XP_RECO},
	{"più letti", XP_RECO},
	{"mais lidas", XP_RECO}, {"mais lidos", XP_RECO},
	{"meest gelezen", XP_RECO},
	{"lo más leído", XP_RECO}, {"más leídas", XP_RECO},
	{"más leído", XP_RECO},
	{"additional reporting by", XP_CREDITS},
	{"additional reporting", XP_CREDITS}, {"reporting by", XP_CREDITS},
	{"editing by", XP_CREDITS}, {"edited by", XP_CREDITS},
	{"writing by", XP_CREDITS}, {"mitarbeit", XP_CREDITS},
	{"mit material von", XP_CREDITS}, {"redaktion", XP_CREDITS},
	{"avec", XP_CREDITS_WEAK}, {"édité par", XP_CREDITS},
	{"édition", XP_CREDITS},
	{"con información de", XP_CREDITS},
	{"información adicional de", XP_CREDITS},
	{"edición de", XP_CREDITS}, {"edición", XP_CREDITS},
	{"sign up", XP_CTA}, {"subscribe", XP_CTA}, {"subscribe now", XP_CTA},
	{"iscriviti", XP_CTA}, {"iscriviti ora", XP_CTA},
	{"continue reading below", XP_CTA}, {"story continues below", XP_CTA},
	{"article continues below", XP_CTA},
	{"story continues below gallery", XP_CTA},
	{"weiterlesen nach der anzeige", XP_CTA},
	{"la suite après cette publicité", XP_CTA},
	{"sigue leyendo", XP_CTA}, {"continúa leyendo", XP_CTA},
	{"abbonati", XP_CTA}, {"inscreva-se", XP_CTA},
	{"subscrever", XP_CTA}, {"assinar", XP_CTA}, {"assine", XP_CTA},
	{"aanmelden", XP_CTA}, {"inschrijven", XP_CTA},
	{"abonneren", XP_CTA}, {"je m'inscris", XP_CTA},
	{"jetzt abonnieren", XP_CTA}, {"abonnieren", XP_CTA},
	{"anmelden", XP_CTA}, {"jetzt anmelden", XP_CTA},
	{"s'inscrire", XP_CTA}, {"je m'inscris", XP_CTA},
	{"s'abonner", XP_CTA}, {"je m'abonne", XP_CTA},
	{"suscríbete", XP_CTA}, {"suscribirse", XP_CTA},
	{"suscribirme", XP_CTA}, {"inscribirme", XP_CTA},
	{"regístrate", XP_CTA}, {"accept", XP_CTA}, {"accept all", XP_CTA},
	{"alle akzeptieren", XP_CTA}, {"akzeptieren", XP_CTA},
	{"tout accepter", XP_CTA}, {"accepter", XP_CTA},
	{"aceptar", XP_CTA}, {"aceptar todo", XP_CTA},
	{"zapisz się", XP_CTA}, {"subskrybuj", XP_CTA},
	{"prenumerera", XP_CTA}, {"anmäl dig", XP_CTA},
	{"leave a comment", XP_FORM}, {"leave a reply", XP_FORM},
	{"post a comment", XP_FORM}, {"add a comment", XP_FORM},
	{"join the conversation", XP_FORM},
	{"schreibe einen kommentar", XP_FORM},
	{"kommentar schreiben", XP_FORM}, {"kommentar verfassen", XP_FORM},
	{"hinterlasse einen kommentar", XP_FORM},
	{"laisser un commentaire", XP_FORM},
	{"ajouter un commentaire", XP_FORM},
	{"laisser une réponse", XP_FORM}, {"deja un comentario", XP_FORM},
	{"deja una respuesta", XP_FORM}, {"escribe un comentario", XP_FORM},
	{"deixe um comentário", XP_FORM}, {"deixe uma resposta", XP_FORM},
	{"lascia un commento", XP_FORM}, {"lascia una risposta", XP_FORM},
	{"dodaj komentarz", XP_FORM}, {"napisz komentarz", XP_FORM},
	{"skriv en kommentar", XP_FORM}, {"lämna en kommentar", XP_FORM},
	{"laat een reactie achter", XP_FORM},
	{"plaats een reactie", XP_FORM}, {"tinggalkan balasan", XP_FORM},
	{"tinggalkan komentar", XP_FORM},
	{"оставить комментарий", XP_FORM}, {"добавить комментарий", XP_FORM},
	{"оставьте комментарий", XP_FORM},
	{"about the author", XP_AUTHOR}, {"about the authors", XP_AUTHOR},
	{"über den autor", XP_AUTHOR}, {"über die autorin", XP_AUTHOR},
	{"zum autor", XP_AUTHOR}, {"zur autorin", XP_AUTHOR},
	{"à propos de l'auteur", XP_AUTHOR}, {"sobre el autor", XP_AUTHOR},
	{"sobre la autora", XP_AUTHOR}, {"sobre o autor", XP_AUTHOR},
	{"about", XP_ABOUT}, {"über", XP_ABOUT}, {"sobre", XP_ABOUT},
	{"à propos de", XP_ABOUT}, {"acerca de", XP_ABOUT},
	{"published", XP_PUBLISHED}, {"published on", XP_PUBLISHED},
	{"veröffentlicht am", XP_PUBLISHED}, {"veröffentlicht", XP_PUBLISHED},
	{"publiziert am", XP_PUBLISHED}, {"publiziert", XP_PUBLISHED},
	{"erschienen am", XP_PUBLISHED},
	{"publié le", XP_PUBLISHED}, {"publié", XP_PUBLISHED},
	{"publicado el", XP_PUBLISHED}, {"publicado", XP_PUBLISHED},
	{"publicado em", XP_PUBLISHED}, {"pubblicato", XP_PUBLISHED},
	{"gepubliceerd", XP_PUBLISHED}, {"diterbitkan", XP_PUBLISHED},
	{"posted", XP_PUBLISHED}, {"posted on", XP_PUBLISHED},
	{"first published", XP_PUBLISHED},
	{"first published on", XP_PUBLISHED},
	{"zuerst veröffentlicht", XP_PUBLISHED},
	{"zuerst veröffentlicht am", XP_PUBLISHED},
	{"опубликовано", XP_PUBLISHED},
	{"sources", XP_SOURCES}, {"quellen", XP_SOURCES},
	{"fuentes", XP_SOURCES}, {"fontes", XP_SOURCES},
	{"fonti", XP_SOURCES}, {"bronnen", XP_SOURCES},
	{"источники", XP_SOURCES}, {"filed under", XP_SOURCES},
	{"citation", XP_SOURCES}, {"how to cite", XP_SOURCES},
	{"cite this article", XP_SOURCES}, {"zitiervorschlag", XP_SOURCES},
	{"citer cet article", XP_SOURCES}, {"cómo citar", XP_SOURCES},
	{"citação", XP_SOURCES}, {"citazione", XP_SOURCES},
	{"tags", XP_SOURCES}, {"tagged", XP_SOURCES}, {"タグ", XP_SOURCES},
	{"标签", XP_SOURCES}, {"標籤", XP_SOURCES}, {"태그", XP_SOURCES},
	{"schlagwörter", XP_SOURCES}, {"schlagworte", XP_SOURCES},
	{"mots-clés", XP_SOURCES}, {"étiquettes", XP_SOURCES},
	{"etiquetas", XP_SOURCES}, {"etichette", XP_SOURCES},
	{"теги", XP_SOURCES}, {"метки", XP_SOURCES},
	{"tagi", XP_SOURCES}, {"taggar", XP_SOURCES}, {"ämnen", XP_SOURCES},
	{"temas", XP_SOURCES}, {"argomenti", XP_SOURCES},
	{"onderwerpen", XP_SOURCES}, {"trefwoorden", XP_SOURCES},
	{"more", XP_LABEL}, {"also", XP_LABEL}, {"mehr", XP_LABEL},
	{"más", XP_LABEL}, {"también", XP_LABEL}, {"mais", XP_LABEL},
	{"também", XP_LABEL}, {"altro", XP_LABEL}, {"anche", XP_LABEL},
	{"meer", XP_LABEL}, {"ook", XP_LABEL}, {"ещё", XP_LABEL},
	{"updated", XP_UPDATED}, {"last updated", XP_UPDATED},
	{"aktualisiert am", XP_UPDATED}, {"aktualisiert", XP_UPDATED},
	{"stand", XP_UPDATED}, {"mis à jour le", XP_UPDATED},
	{"mis à jour", XP_UPDATED}, {"actualizado el", XP_UPDATED},
	{"actualizado", XP_UPDATED},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Bytes to strip at the front of a word: quotes, brackets, ¿ ¡ « “ „ ‘. */
static size_t
xt_lead_punct(const char *p, size_t n)
{
	unsigned char c = (unsigned char)p[0];

	if (n == 0)
		return 0;
	if (strchr("\"'([{", c) != NULL && c != 0)
		return 1;
	if (n >= 2 && c == 0xC2 && ((unsigned char)p[1] == 0xBF ||
	    (unsigned char)p[1] == 0xA1 || (unsigned char)p[1] == 0xAB))
		return 2;
	if (n >= 3 && c == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x98 ||
	    (unsigned char)p[2] == 0x9E))
		return 3;
	return 0;
}

int
xt_is_closer(const char *p, size_t n)
{
	unsigned char c;

	if (n == 0)
		return 0;
	c = (unsigned char)p[n - 1];
	if (c == '"' || c == '\'' || c == ')' || c == ']')
		return 1;
	if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && c == 0xBB)
		return 2;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
	    (unsigned char)p[n - 2] == 0x80 && (c == 0x9D || c == 0x99))
		return 3;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xE3 &&
	    (unsigned char)p[n - 2] == 0x80 && (c == 0x8D || c == 0x8F))
		return 3;	/* 」 』 */
	if (n >= 3 && (unsigned char)p[n - 3] == 0xEF &&
	    (unsigned char)p[n - 2] == 0xBC && c == 0x89)
		return 3;	/* ） */
	return 0;
}

/* Bytes of an ideographic full stop, exclamation or question mark
 * (。 ！ ？) at p, 0 if none: the sentence ends of scripts written
 * without spaces. */
size_t
xt_cjk_stop(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (n < 3)
		return 0;
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82)
		return 3;
	if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F))
		return 3;
	return 0;
}

/* Bytes to strip at the end: . , ; : ! ? * … and closing quotes. */
static size_t
xt_trail_punct(const char *p, size_t n)
{
	unsigned char c;
	size_t k;

	if (n == 0)
		return 0;
	c = (unsigned char)p[n - 1];
	if (c != 0 && strchr(".,;:!?*", c) != NULL)
		return 1;
	if ((k = (size_t)xt_is_closer(p, n)) > 0)
		return k;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
	    (unsigned char)p[n - 2] == 0x80 && c == 0xA6)
		return 3;
	return 0;
}

/* Fold word i into out: strip surrounding punctuation, lower-case ASCII
 * and Latin-1 letters. Returns the length, 0 if empty or too long. */
/* Lower case of a Cyrillic capital D0 xx (А-Я, Ё): the second byte,
 * with the first rewritten in *lead when the lower case is D1 xx. */
static unsigned char
xt_fold_cyrillic(char *lead, unsigned char c)
{
	if (c >= 0x90 && c <= 0x9F)
		return (unsigned char)(c + 0x20);	/* А-П: D0 B0-BF */
	if (c >= 0xA0 && c <= 0xAF) {
		*lead = (char)0xD1;			/* Р-Я: D1 80-8F */
		return (unsigned char)(c - 0x20);
	}
	if (c == 0x81) {
		*lead = (char)0xD1;			/* Ё: D1 91 */
		return 0x91;
	}
	return c;
}

size_t
xt_key(const struct xt *x, size_t i, char out[XT_KEY_MAX])
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k, j;

	if (n == 3 && memcmp(p, "(c)", 3) == 0) {
		memcpy(out, p, 4);
		return 3;
	}
	while ((k = xt_lead_punct(p, n)) > 0) {
		p += k;
		n -= k;
	}
	while ((k = xt_trail_punct(p, n)) > 0 && k <= n)
		n -= k;
	if (n == 0 || n >= XT_KEY_MAX)
		return 0;
	for (j = 0; j < n; j++) {
		unsigned char c = (unsigned char)p[j];

		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		else if (j > 0 && (unsigned char)p[j - 1] == 0xC3 &&
		    c >= 0x80 && c <= 0x9E && c != 0x97)
			c += 0x20;
		else if (j > 0 && (unsigned char)p[j - 1] == 0xD0)
			c = xt_fold_cyrillic(out + j - 1, c);
		out[j] = (char)c;
	}
	out[n] = '\0';
	return n;
}

int
xt_month(const char *key, size_t n)
{
	size_t k;

	if (n > 0 && key[n - 1] == '.')
		n--;
	for (k = 0; k < NELEM(xt_months); k++)
		if (strlen(xt_months[k].w) == n &&
		    memcmp(xt_months[k].w, key, n) == 0)
			return xt_months[k].m;
	return 0;
}

static size_t
xt_hash(const char *key, size_t n)
{
	uint32_t h = 2166136261u;
	size_t k;

	for (k = 0; k < n; k++)
		h = (h ^ (unsigned char)key[k]) * 16777619u;
	return h & (XT_DICT_SIZE - 1);
}

static void
xt_dict_put(struct xt_dict_ent *d, const char *w, size_t n, uint32_t cls,
    int first)
{
	size_t h = xt_hash(w, n);

	while (d[h].w != NULL && !(d[h].n == n && memcmp(d[h].w, w, n) == 0))
		h = (h + 1) & (XT_DICT_SIZE - 1);
	d[h].w = w;
	d[h].n = (uint32_t)n;
	d[h].cls |= cls;
	d[h].first |= (uint8_t)first;
}

static void
xt_dict_add(struct xt_dict_ent *d, const char *w, uint32_t cls)
{
	xt_dict_put(d, w, strlen(w), cls, 0);
}

/* Hash every class word once per call, so a word costs one probe. */
void
xt_dict_build(struct xt *x)
{
	size_t k;

	x->dict = xcalloc(XT_DICT_SIZE, sizeof(*x->dict));
	for (k = 0; k < NELEM(xt_words); k++)
		xt_dict_add(x->dict, xt_words[k].w, xt_words[k].cls);
	for (k = 0; k < NELEM(xt_months); k++)
		xt_dict_add(x->dict, xt_months[k].w, XC_MONTH);
	for (k = 0; k < NELEM(xt_weekdays); k++)
		xt_dict_add(x->dict, xt_weekdays[k], XC_WEEKDAY);
	for (k = 0; k < NELEM(xt_phrases); k++)	/* first words */
		xt_dict_put(x->dict, xt_phrases[k].p, strcspn(xt_phrases[k].p,
		    " "), 0, 1);
}

uint32_t
xt_classify(const struct xt *x, const char *key, size_t n)
{
	const struct xt_dict_ent *e = xt_lookup(x, key, n);

	return e != NULL ? e->cls : 0;
}

/* The dictionary's entry of a folded word, NULL if none. */
const struct xt_dict_ent *
xt_lookup(const struct xt *x, const char *key, size_t n)
{
	size_t h;

	if (n == 0)
		return NULL;
	if (key[n - 1] == '.' && n > 1)	/* "Mar.", "Sept." */
		n--;
	for (h = xt_hash(key, n); x->dict[h].w != NULL;
	    h = (h + 1) & (XT_DICT_SIZE - 1))
		if (x->dict[h].n == n && memcmp(x->dict[h].w, key, n) == 0)
			return &x->dict[h];
	return NULL;
}

/* Does phrase p match the words from i on? Sets *end past the match. */
static int
xt_phrase_match(const struct xt *x, size_t i, const char *p, size_t *end)
{
	size_t e = xt_spells(x, i, p), k;

	if (e == 0)
		return 0;
	for (k = i; k + 1 < e; k++)
		if (x->t[k].flags & (TF_END | TF_COLON))
			return 0;	/* a colon or sentence end closes it */
	*end = e;
	return 1;
}

/* Does phrase p start with the word key (n bytes)? strncmp: p may be
 * shorter than n. */
static int
xt_phrase_first(const char *p, const char *key, size_t n)
{
	return strncmp(p, key, n) == 0 && (p[n] == ' ' || p[n] == '\0');
}

int
xt_in_list(const char *p, size_t n, const char *const *list, size_t count)
{
	size_t k;

	for (k = 0; k < count; k++)
		if (strlen(list[k]) == n && memcmp(list[k], p, n) == 0)
			return 1;
	return 0;
}

size_t
xt_spells(const struct xt *x, size_t i, const char *p)
{
	char key[XT_KEY_MAX];
	size_t wn;

	while (*p != '\0') {
		wn = strcspn(p, " ");
		if (i >= x->nt || xt_key(x, i, key) != wn ||
		    memcmp(key, p, wn) != 0)
			return 0;
		i++;
		p += wn + (p[wn] == ' ');
	}
	return i;
}

int
xt_key_prefix(const char *key, size_t n, const char *const *list,
    size_t count)
{
	size_t k, m;

	for (k = 0; k < count; k++) {
		m = strlen(list[k]);
		if (n >= m && memcmp(key, list[k], m) == 0)
			return 1;
	}
	return 0;
}

int
xt_word_prefix(const struct xt *x, size_t i, const char *const *list,
    size_t count)
{
	char key[XT_KEY_MAX];

	return xt_key_prefix(key, xt_key(x, i, key), list, count);
}

int
xt_is_word(const struct xt *x, size_t i, const char *w)
{
	char key[XT_KEY_MAX];
	size_t n;

	if (i >= x->nt)
		return 0;
	n = xt_key(x, i, key);
	return n == strlen(w) && memcmp(key, w, n) == 0;
}

enum xt_phrase
xt_phrase_at(const struct xt *x, size_t i, size_t *end)
{
	char key[XT_KEY_MAX];
	size_t k, e, best = 0, n = xt_key(x, i, key);
	enum xt_phrase kind = XP_NONE;

	if (i >= x->nt || !(x->t[i].flags & TF_PHRASE))
		n = 0;	/* no phrase starts with this word */
	for (k = 0; n > 0 && k < NELEM(xt_phrases); k++)
		if (xt_phrase_first(xt_phrases[k].p, key, n) &&
		    xt_phrase_match(x, i, xt_phrases[k].p, &e) && e > best) {
			best = e;
			kind = xt_phrases[k].k;
		}
	*end = best;
	return kind;
}

/* Is word i a web address ("https://...", "www.example.org",
 * "pic.example.com/a1B2")? A host of letters, digits, dots and dashes
 * with a dot, before a slash. */
int
xt_is_address(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k;
	int dot = 0;

	if ((n > 7 && memcmp(p, "http://", 7) == 0) || (n > 8 &&
	    memcmp(p, "https://", 8) == 0) || (n > 4 && memcmp(p, "www.",
	    4) == 0))
		return 1;
	for (k = 0; k < n && p[k] != '/'; k++) {
		if (!((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= '0' &&
		    p[k] <= '9') || p[k] == '-' || p[k] == '.'))
			return 0;
		dot |= p[k] == '.' && k > 0;
	}
	return dot && k + 1 < n && p[k - 1] != '.';
}
