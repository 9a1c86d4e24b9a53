/* abbrev.c -- abbreviations that keep their period.
 *
 * The tokenizer asks here whether "Gen" before a "." is an abbreviation
 * (then "Gen." is one token and no sentence ends) or a word (then "." is a
 * token of its own). Titles and the like, which are always followed by more
 * of the sentence, are told apart from abbreviations such as "Inc." or
 * "etc." that may also end one. Words with an inner period (U.S., e.g.) and
 * single capital initials are recognised by shape in tokenize.c. */
#include "text/text.h"

#include <string.h>

typedef struct abbrev {
    const char *w;
    size_t len;
    int kind; /* 1: may end a sentence, 2: never does */
} abbrev;

#define A(w, kind) {w, sizeof(w) - 1, kind}

/* Matched case-sensitively. Titles and ranks (Gen, Sgt), months and days
 * (Sept, Thurs), companies and the like (Inc, Ltd), states in AP style
 * (Calif, Wash) and lower-case ones (etc, vs). Kept in byte order
 * (strcmp's), which text_abbrev's binary search needs and
 * text_abbrev_sorted checks for the tests. */
static const abbrev abbrevs[] = {
    A("Adm", 2), A("Ala", 1), A("Amb", 2), A("Apr", 2), A("Ariz", 1), A("Ark", 1), A("Assn", 1),
    A("Atty", 2), A("Aug", 2), A("Ave", 1), A("Blvd", 1), A("Brig", 2), A("Bros", 1),
    A("Calif", 1), A("Capt", 2), A("Cmdr", 2), A("Co", 1), A("Col", 2), A("Colo", 1),
    A("Conn", 1), A("Corp", 1), A("Cos", 1), A("Cpl", 2), A("Dec", 2), A("Del", 1), A("Dept", 1),
    A("Dr", 2), A("Feb", 2), A("Fig", 2), A("Fla", 1), A("Fr", 2), A("Fri", 2), A("Ft", 2),
    A("Ga", 1), A("Gen", 2), A("Gens", 2), A("Gov", 2), A("Govt", 1), A("Hon", 2), A("Ill", 1),
    A("Inc", 1), A("Ind", 1), A("Insp", 2), A("Int'l", 1), A("Jan", 2), A("Jr", 1), A("Jul", 2),
    A("Jun", 2), A("Kan", 1), A("Ky", 1), A("La", 1), A("Lt", 2), A("Ltd", 1), A("Maj", 2),
    A("Mar", 2), A("Mass", 1), A("Md", 1), A("Messrs", 2), A("Mich", 1), A("Minn", 1),
    A("Miss", 1), A("Mme", 2), A("Mo", 1), A("Mon", 2), A("Mont", 1), A("Mr", 2), A("Mrs", 2),
    A("Ms", 2), A("Mt", 2), A("Neb", 1), A("Nev", 1), A("No", 2), A("Nos", 2), A("Nov", 2),
    A("Oct", 2), A("Okla", 1), A("Op", 1), A("Ore", 1), A("Pa", 1), A("Plc", 1), A("Pres", 2),
    A("Prof", 2), A("Pvt", 2), A("Rd", 1), A("Rep", 2), A("Reps", 2), A("Rev", 2), A("Rt", 2),
    A("Sat", 1), A("Sen", 2), A("Sens", 2), A("Sep", 2), A("Sept", 2), A("Sgt", 2), A("Sr", 1),
    A("St", 1), A("Sun", 1), A("Supt", 2), A("Tenn", 1), A("Thu", 2), A("Thur", 2), A("Thurs", 2),
    A("Tue", 2), A("Tues", 2), A("Univ", 1), A("Va", 1), A("Vol", 2), A("Vt", 1), A("Wash", 1),
    A("Wed", 2), A("Wis", 1), A("Wyo", 1), A("al", 1), A("approx", 2), A("ca", 2), A("cf", 2),
    A("dept", 1), A("est", 1), A("etc", 1), A("fig", 2), A("govt", 1), A("int'l", 1), A("max", 1),
    A("min", 1), A("no", 2), A("nos", 2), A("op", 1), A("pp", 2), A("v", 2), A("vol", 2),
    A("vs", 2),
};

#define ABBREV_MAX 6 /* the longest entry: "Messrs", "approx" */

/* Word w[0..n) against entry e, in byte order (a prefix first). */
static int abbrev_cmp(const char *w, size_t n, const abbrev *e) {
    for (size_t k = 0; k < n && k < e->len; k++)
        if (w[k] != e->w[k]) return (unsigned char)w[k] < (unsigned char)e->w[k] ? -1 : 1;
    return (n > e->len) - (n < e->len);
}

int text_abbrev(const char *w, size_t n) {
    if (n == 0 || n > ABBREV_MAX) return 0; /* most words that end a sentence */
    size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = abbrev_cmp(w, n, &abbrevs[mid]);
        if (!c) return abbrevs[mid].kind;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

int text_abbrev_sorted(void) {
    for (size_t i = 1; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
        if (abbrev_cmp(abbrevs[i].w, abbrevs[i].len, &abbrevs[i - 1]) <= 0) return 0;
    return 1;
}
