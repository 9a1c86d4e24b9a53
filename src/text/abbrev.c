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
#include <strings.h>

typedef struct abbrev {
    const char *w;
    size_t len;
    int kind; /* 1: may end a sentence, 2: never does */
} abbrev;

#define A(w, kind) {w, sizeof(w) - 1, kind}

/* Matched case-sensitively, except that an all-lower-case entry also matches
 * a capitalized word at the start of a sentence ("Etc."). */
static const abbrev abbrevs[] = {
    /* titles and ranks */
    A("Mr", 2), A("Mrs", 2), A("Ms", 2), A("Dr", 2), A("Prof", 2), A("Gen", 2), A("Col", 2),
    A("Lt", 2), A("Maj", 2), A("Capt", 2), A("Cmdr", 2), A("Adm", 2), A("Sgt", 2), A("Cpl", 2),
    A("Pvt", 2), A("Brig", 2), A("Sen", 2), A("Rep", 2), A("Gov", 2), A("Pres", 2),
    A("Rev", 2), A("Fr", 2), A("Hon", 2), A("Amb", 2), A("Sens", 2), A("Reps", 2),
    A("Messrs", 2), A("Mme", 2), A("Mt", 2), A("Ft", 2), A("Gens", 2), A("Supt", 2),
    A("Insp", 2), A("Atty", 2), A("Rt", 2), A("Sr", 1), A("Jr", 1), A("St", 1),
    /* months and days */
    A("Jan", 2), A("Feb", 2), A("Mar", 2), A("Apr", 2), A("Jun", 2), A("Jul", 2), A("Aug", 2),
    A("Sep", 2), A("Sept", 2), A("Oct", 2), A("Nov", 2), A("Dec", 2),
    A("Mon", 2), A("Tue", 2), A("Tues", 2), A("Wed", 2), A("Thu", 2), A("Thur", 2),
    A("Thurs", 2), A("Fri", 2), A("Sat", 1), A("Sun", 1),
    /* companies and the like */
    A("Inc", 1), A("Corp", 1), A("Co", 1), A("Ltd", 1), A("Bros", 1), A("Cos", 1), A("Plc", 1),
    A("Dept", 1), A("Univ", 1), A("Assn", 1), A("Ave", 1), A("Blvd", 1), A("Rd", 1),
    /* states (AP style) */
    A("Ala", 1), A("Ariz", 1), A("Ark", 1), A("Calif", 1), A("Colo", 1), A("Conn", 1),
    A("Del", 1), A("Fla", 1), A("Ga", 1), A("Ill", 1), A("Ind", 1), A("Kan", 1), A("Ky", 1),
    A("La", 1), A("Md", 1), A("Mass", 1), A("Mich", 1), A("Minn", 1), A("Miss", 1),
    A("Mo", 1), A("Mont", 1), A("Neb", 1), A("Nev", 1), A("Okla", 1), A("Ore", 1), A("Pa", 1),
    A("Tenn", 1), A("Va", 1), A("Vt", 1), A("Wash", 1), A("Wis", 1), A("Wyo", 1),
    /* lower-case */
    A("vs", 2), A("v", 2), A("etc", 1), A("approx", 2), A("cf", 2), A("ca", 2), A("no", 2),
    A("No", 2), A("Nos", 2), A("nos", 2), A("vol", 2), A("Vol", 2), A("pp", 2), A("fig", 2),
    A("Fig", 2), A("est", 1), A("min", 1), A("max", 1), A("dept", 1), A("govt", 1),
    A("Govt", 1), A("int'l", 1), A("Int'l", 1), A("al", 1), A("op", 1), A("Op", 1),
};

#define ABBREV_MAX 6 /* the longest entry: "Messrs", "approx" */

int text_abbrev(const char *w, size_t n) {
    if (n == 0 || n > ABBREV_MAX) return 0; /* most words that end a sentence */
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        if (abbrevs[i].len == n && abbrevs[i].w[0] == w[0] && memcmp(abbrevs[i].w, w, n) == 0)
            return abbrevs[i].kind;
    }
    return 0;
}
