/* words.c -- the function words the coder's rules ask about ("and", "by",
 * "was", "after", "it"...), as bit classes looked up once per token.
 *
 * Rules test these words constantly; comparing strings each time cost more
 * than the rest of clause analysis. A token's class mask comes from one
 * probe of a small hash table built when the coder is created. The class
 * WC_DATE marks the date module's words (date_word), so the coder reads a
 * sentence for its date only when one of its tokens has that bit. */
#include "coder.h"
#include "date/date.h"

#include <stdlib.h>
#include <string.h>

typedef struct fword {
    const char *w;
    uint32_t cls;
} fword;

static const fword fwords[] = {
    {"IS", WC_BE}, {"ARE", WC_BE}, {"WAS", WC_BE}, {"WERE", WC_BE}, {"BE", WC_BE},
    {"BEEN", WC_BE}, {"BEING", WC_BE}, {"AM", WC_BE}, {"GET", WC_BE}, {"GETS", WC_BE},
    {"GOT", WC_BE}, {"GOTTEN", WC_BE}, {"GETTING", WC_BE},
    {"DO", WC_HAVEDO}, {"DOES", WC_HAVEDO}, {"DID", WC_HAVEDO}, {"HAVE", WC_HAVEDO},
    {"HAS", WC_HAVEDO}, {"HAD", WC_HAVEDO}, {"HAVING", WC_HAVEDO},
    {"NOT", WC_NEG}, {"N'T", WC_NEG}, {"NEVER", WC_NEG},
    {"EVEN", WC_EVEN}, {"ABOUT", WC_ABOUT},
    {"AFTER", WC_STOP | WC_SUBORD}, {"WHEN", WC_STOP | WC_SUBORD},
    {"BECAUSE", WC_STOP | WC_SUBORD}, {"WHILE", WC_STOP | WC_SUBORD},
    {"ALTHOUGH", WC_STOP | WC_SUBORD}, {"THOUGH", WC_STOP | WC_SUBORD},
    {"WHEREAS", WC_STOP | WC_SUBORD}, {"UNLESS", WC_STOP | WC_SUBORD | WC_COND},
    {"UNTIL", WC_STOP | WC_SUBORD}, {"IF", WC_STOP | WC_SUBORD | WC_COMPL | WC_COND},
    {"BEFORE", WC_STOP | WC_SUBORD}, {"SINCE", WC_STOP | WC_SUBORD},
    {"WHILST", WC_STOP | WC_SUBORD}, {"ONCE", WC_STOP | WC_SUBORD}, {"AS", WC_SUBORD},
    {"THAT", WC_SUBORD | WC_COMPL}, {"WHETHER", WC_SUBORD | WC_COMPL},
    {"IT", WC_PRON}, {"HE", WC_PRON}, {"SHE", WC_PRON}, {"THEY", WC_PRON}, {"WE", WC_PRON},
    {"AND", WC_AND}, {"OR", WC_OR}, {"OF", WC_OF}, {"FROM", WC_FROM}, {"IN", WC_IN},
    {"BY", WC_BY}, {";", WC_SEMI}, {":", WC_SEMI},
    {"INCLUDING", WC_INCL}, {"EXCLUDING", WC_INCL}, {"ACCORDING", WC_ACCORD}, {"MUST", WC_MUST}, {"SHOULD", WC_MUST},
    {"SAID", WC_SAY}, {"SAYS", WC_SAY}, {"SAY", WC_SAY}, {"INSISTED", WC_SAY}, {"INSISTS", WC_SAY},
    {"STRESSED", WC_SAY}, {"DECLARED", WC_SAY}, {"STATED", WC_SAY}, {"TOLD", WC_SAY},
    {"ARGUED", WC_SAY}, {"ADDED", WC_SAY}, {"WROTE", WC_SAY}, {"WARNED", WC_SAY},
    {"DENY", WC_DENY}, {"DENIES", WC_DENY}, {"DENIED", WC_DENY}, {"DENYING", WC_DENY},
    {"DISMISSED", WC_DENY}, {"REFUTED", WC_DENY}, {"UNLIKELY", WC_DENY},
    {"COULD", WC_MAYBE}, {"MAY", WC_MAYBE}, {"MIGHT", WC_MAYBE},
    {"TALKS", WC_NOMINAL}, {"NEGOTIATIONS", WC_NOMINAL}, {"MEETING", WC_NOMINAL},
    {"SUMMIT", WC_NOMINAL}, {"CLASHES", WC_NOMINAL}, {"CLASH", WC_NOMINAL},
    {"FIGHTING", WC_NOMINAL}, {"BATTLES", WC_NOMINAL}, {"HOSTILITIES", WC_NOMINAL},
    {"CONVERSATION", WC_NOMINAL}, {"CALL", WC_NOMINAL}, {"VISIT", WC_NOMINAL}, {"TOUR", WC_NOMINAL},
    {"TRIP", WC_NOMINAL},
    {"BORDER", WC_PLACE}, {"BORDERS", WC_PLACE}, {"FRONTIER", WC_PLACE}, {"CAPITAL", WC_PLACE},
    {"CITY", WC_PLACE}, {"TOWN", WC_PLACE}, {"VILLAGE", WC_PLACE}, {"VILLAGES", WC_PLACE},
    {"REGION", WC_PLACE}, {"PROVINCE", WC_PLACE}, {"DISTRICT", WC_PLACE}, {"AREA", WC_PLACE},
    {"ISLAND", WC_PLACE}, {"COAST", WC_PLACE}, {"PENINSULA", WC_PLACE}, {"TERRITORY", WC_PLACE},
    {"WATERS", WC_PLACE}, {"AIRSPACE", WC_PLACE}, {"SOIL", WC_PLACE}, {"SUBURB", WC_PLACE},
    {"OUTSKIRTS", WC_PLACE}, {"STREET", WC_PLACE}, {"STREETS", WC_PLACE}, {"ROAD", WC_PLACE},
    {"HIGHWAY", WC_PLACE}, {"BRIDGE", WC_PLACE}, {"CHECKPOINT", WC_PLACE}, {"CENTER", WC_PLACE},
    {"CENTRE", WC_PLACE}, {"MALL", WC_PLACE}, {"MARKET", WC_PLACE}, {"HOTEL", WC_PLACE},
    {"HOSPITAL", WC_PLACE}, {"SCHOOL", WC_PLACE}, {"MOSQUE", WC_PLACE}, {"CHURCH", WC_PLACE},
    {"SHRINE", WC_PLACE}, {"AIRPORT", WC_PLACE}, {"PORT", WC_PLACE}, {"SITE", WC_PLACE},
    {"PLANT", WC_PLACE}, {"FACILITY", WC_PLACE}, {"PIPELINE", WC_PLACE}, {"BUILDING", WC_PLACE},
    {"HOUSE", WC_PLACE}, {"HOME", WC_PLACE}, {"JUNGLE", WC_PLACE}, {"JUNGLES", WC_PLACE},
    {"DESERT", WC_PLACE}, {"MOUNTAINS", WC_PLACE},
    {"WILL", WC_FUTURE}, {"WOULD", WC_FUTURE}, {"SHALL", WC_FUTURE}, {"'LL", WC_FUTURE}, {"WO", WC_FUTURE},
    {"TODAY", WC_TIME}, {"YESTERDAY", WC_TIME}, {"TOMORROW", WC_TIME}, {"TONIGHT", WC_TIME},
    {"MONDAY", WC_TIME}, {"TUESDAY", WC_TIME}, {"WEDNESDAY", WC_TIME}, {"THURSDAY", WC_TIME},
    {"FRIDAY", WC_TIME}, {"SATURDAY", WC_TIME}, {"SUNDAY", WC_TIME}, {"WEEK", WC_TIME},
    {"MONTH", WC_TIME}, {"YEAR", WC_TIME}, {"WEEKEND", WC_TIME}, {"MORNING", WC_TIME},
    {"EVENING", WC_TIME}, {"NIGHT", WC_TIME}, {"AFTERNOON", WC_TIME},
};

/* A word's bit in the (first byte, length) filter of function words. */
static unsigned shape_bit(const char *w, size_t len) {
    return ((unsigned char)w[0] & 63u) * 16u + (unsigned)(len < 15 ? len : 15);
}

int coder_words_init(dyad_coder *c) {
    for (size_t i = 0; i < sizeof fwords / sizeof fwords[0]; i++) {
        unsigned b = shape_bit(fwords[i].w, strlen(fwords[i].w));
        c->word_shape[b >> 6] |= 1ULL << (b & 63);
    }
    for (size_t i = 0; i < sizeof fwords / sizeof fwords[0]; i++)
        if (dhash_put(&c->words, hash_key(fwords[i].w, strlen(fwords[i].w)), (uint32_t)i + 1) < 0)
            return -1;
    return 0;
}

void coder_words_free(dyad_coder *c) { free(c->words.slots); }

uint32_t coder_word_class(const dyad_coder *c, const char *up, size_t len, uint64_t key) {
    uint32_t date = date_word(up, len) ? WC_DATE : 0; /* the date module's words */
    unsigned b = shape_bit(up, len);
    if (len > CODER_WORD_MAX || !(c->word_shape[b >> 6] >> (b & 63) & 1))
        return date; /* punctuation, most names: no function word has their first byte and length */
    uint32_t i = dhash_get(&c->words, key);
    return (i && !strcmp(fwords[i - 1].w, up) ? fwords[i - 1].cls : 0) | date;
}

/* A plural noun of parties or people who act for them: SIDES, PARTIES,
 * LEADERS, OFFICIALS ... ("the two sides", "the warring sides in Sudan"). */
int coder_party_noun(const char *w) {
    static const char *const nouns[] = {
        "SIDES",     "PARTIES",   "LEADERS",     "MINISTERS",   "PRESIDENTS", "PREMIERS",
        "COUNTRIES", "NATIONS",   "STATES",      "GOVERNMENTS", "DELEGATIONS", "NEIGHBOURS",
        "NEIGHBORS", "ALLIES",    "RIVALS",      "CAPITALS",    "MEN",        "DIPLOMATS",
        "OFFICIALS", "CHIEFS",    "COUNTERPARTS", "ENVOYS",     "SECRETARIES", "NEGOTIATORS"};
    return CODER_WORD_IN(w, nouns);
}
