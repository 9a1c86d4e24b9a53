/* actor.c -- what a CAMEO actor code says of its actor: the country it
 * begins with, and the sector codes after it.
 *
 * A CAMEO actor code is three-letter groups: a country (RUS) or an
 * international or non-state body (IGO, NGO, IMG, MNC, whose next group
 * names it: IGOUNO, NGOAMN), then roles and attributes (GOV, MIL, ELI).
 * The store keys its series on the country; PLOVER output writes both. */
#include "dyad.h"

#include <string.h>

size_t dyad_actor_country(const char *code, char out[8]) {
    size_t n = 0;
    if (!code) code = "";
    size_t want = 3;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
        !strncmp(code, "MNC", 3))
        want = 6;
    while (n < want && code[n] >= 'A' && code[n] <= 'Z') {
        out[n] = code[n];
        n++;
    }
    if (n < 3) n = 0; /* not a country-led code */
    out[n] = 0;
    return n;
}

const char *dyad_actor_sector(const char *code) {
    char c[8];
    if (!code) return "";
    return code + dyad_actor_country(code, c);
}
