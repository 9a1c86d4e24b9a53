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
    int kind; /* 1: may end a sentence, 2: never does */
} abbrev;

/* Matched case-sensitively, except that an all-lower-case entry also matches
 * a capitalized word at the start of a sentence ("Etc."). */
static const abbrev abbrevs[] = {
    /* titles and ranks */
    {"Mr", 2}, {"Mrs", 2}, {"Ms", 2}, {"Dr", 2}, {"Prof", 2}, {"Gen", 2}, {"Col", 2},
    {"Lt", 2}, {"Maj", 2}, {"Capt", 2}, {"Cmdr", 2}, {"Adm", 2}, {"Sgt", 2}, {"Cpl", 2},
    {"Pvt", 2}, {"Brig", 2}, {"Sen", 2}, {"Rep", 2}, {"Gov", 2}, {"Pres", 2},
    {"Rev", 2}, {"Fr", 2}, {"Hon", 2}, {"Amb", 2}, {"Sens", 2}, {"Reps", 2},
    {"Messrs", 2}, {"Mme", 2}, {"Mt", 2}, {"Ft", 2}, {"Gens", 2}, {"Supt", 2},
    {"Insp", 2}, {"Atty", 2}, {"Rt", 2}, {"Sr", 1}, {"Jr", 1}, {"St", 1},
    /* months and days */
    {"Jan", 2}, {"Feb", 2}, {"Mar", 2}, {"Apr", 2}, {"Jun", 2}, {"Jul", 2}, {"Aug", 2},
    {"Sep", 2}, {"Sept", 2}, {"Oct", 2}, {"Nov", 2}, {"Dec", 2},
    {"Mon", 2}, {"Tue", 2}, {"Tues", 2}, {"Wed", 2}, {"Thu", 2}, {"Thur", 2},
    {"Thurs", 2}, {"Fri", 2}, {"Sat", 1}, {"Sun", 1},
    /* companies and the like */
    {"Inc", 1}, {"Corp", 1}, {"Co", 1}, {"Ltd", 1}, {"Bros", 1}, {"Cos", 1}, {"Plc", 1},
    {"Dept", 1}, {"Univ", 1}, {"Assn", 1}, {"Ave", 1}, {"Blvd", 1}, {"Rd", 1},
    /* states (AP style) */
    {"Ala", 1}, {"Ariz", 1}, {"Ark", 1}, {"Calif", 1}, {"Colo", 1}, {"Conn", 1},
    {"Del", 1}, {"Fla", 1}, {"Ga", 1}, {"Ill", 1}, {"Ind", 1}, {"Kan", 1}, {"Ky", 1},
    {"La", 1}, {"Md", 1}, {"Mass", 1}, {"Mich", 1}, {"Minn", 1}, {"Miss", 1},
    {"Mo", 1}, {"Mont", 1}, {"Neb", 1}, {"Nev", 1}, {"Okla", 1}, {"Ore", 1}, {"Pa", 1},
    {"Tenn", 1}, {"Va", 1}, {"Vt", 1}, {"Wash", 1}, {"Wis", 1}, {"Wyo", 1},
    /* lower-case */
    {"vs", 2}, {"v", 2}, {"etc", 1}, {"approx", 2}, {"cf", 2}, {"ca", 2}, {"no", 2},
    {"No", 2}, {"Nos", 2}, {"nos", 2}, {"vol", 2}, {"Vol", 2}, {"pp", 2}, {"fig", 2},
    {"Fig", 2}, {"est", 1}, {"min", 1}, {"max", 1}, {"dept", 1}, {"govt", 1},
    {"Govt", 1}, {"int'l", 1}, {"Int'l", 1}, {"al", 1}, {"op", 1}, {"Op", 1},
};

int text_abbrev(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        const char *a = abbrevs[i].w;
        if (strlen(a) == n && strncmp(a, w, n) == 0) return abbrevs[i].kind;
    }
    return 0;
}
