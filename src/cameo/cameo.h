/* cameo.h -- CAMEO facts the coder asks of an actor code on every event,
 * inline. The rest of the ontology (codes, names, weights, QuadClass,
 * PLOVER, an actor code's country and sector) is declared in dyad.h and
 * kept in the .c files of src/cameo. */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stdint.h>

/* Does actor code c (3 letters or more) begin with one of CAMEO's sector
 * codes, as an actor the dictionary knows with no country does ("Reuters"
 * MED in Phoenix)? None of them is a country's code. The 27 codes sit in
 * a table of 64 slots under a perfect hash of their three letters (the
 * multiplier was searched for: no two share a slot), so the test is one
 * load and one compare, where a switch took a tree of branches. */
#define CAMEO_SECTOR3(a, b, d) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(d))
#define CAMEO_SECTOR_SLOT(k) ((uint32_t)((k) * 0x4a40ed79u) >> 26)
static inline int cameo_is_sector_code(const char *c) {
#define S(a, b, d) [CAMEO_SECTOR_SLOT(CAMEO_SECTOR3(a, b, d))] = CAMEO_SECTOR3(a, b, d)
    static const uint32_t slot[64] = {
        S('A', 'G', 'R'), S('B', 'U', 'S'), S('C', 'O', 'P'), S('C', 'R', 'M'), S('C', 'V', 'L'),
        S('E', 'D', 'U'), S('E', 'L', 'I'), S('E', 'N', 'V'), S('G', 'O', 'V'), S('H', 'L', 'H'),
        S('H', 'R', 'I'), S('I', 'N', 'S'), S('J', 'U', 'D'), S('L', 'A', 'B'), S('L', 'E', 'G'),
        S('M', 'E', 'D'), S('M', 'I', 'L'), S('O', 'P', 'P'), S('P', 'P', 'L'), S('P', 'T', 'Y'),
        S('R', 'A', 'D'), S('R', 'E', 'B'), S('R', 'E', 'F'), S('R', 'E', 'L'), S('S', 'E', 'P'),
        S('S', 'P', 'Y'), S('U', 'A', 'F'),
    };
#undef S
    uint32_t k = CAMEO_SECTOR3((unsigned char)c[0], (unsigned char)c[1], (unsigned char)c[2]);
    return slot[CAMEO_SECTOR_SLOT(k)] == k;
}

#endif
