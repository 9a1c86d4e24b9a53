/* cameo.h -- CAMEO facts the coder asks of an actor code on every event,
 * inline. The rest of the ontology (codes, names, weights, QuadClass,
 * PLOVER, an actor code's country and sector) is declared in dyad.h and
 * kept in the .c files of src/cameo. */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stdint.h>

/* Does actor code c (3 letters or more) begin with one of CAMEO's sector
 * codes, as an actor the dictionary knows with no country does ("Reuters"
 * MED in Phoenix)? None of them is a country's code. */
static inline int cameo_is_sector_code(const char *c) {
#define SECTOR3(a, b, d) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(d))
    switch (SECTOR3(c[0], c[1], c[2])) {
    case SECTOR3('A', 'G', 'R'): case SECTOR3('B', 'U', 'S'): case SECTOR3('C', 'O', 'P'):
    case SECTOR3('C', 'R', 'M'): case SECTOR3('C', 'V', 'L'): case SECTOR3('E', 'D', 'U'):
    case SECTOR3('E', 'L', 'I'): case SECTOR3('E', 'N', 'V'): case SECTOR3('G', 'O', 'V'):
    case SECTOR3('H', 'L', 'H'): case SECTOR3('H', 'R', 'I'): case SECTOR3('I', 'N', 'S'):
    case SECTOR3('J', 'U', 'D'): case SECTOR3('L', 'A', 'B'): case SECTOR3('L', 'E', 'G'):
    case SECTOR3('M', 'E', 'D'): case SECTOR3('M', 'I', 'L'): case SECTOR3('O', 'P', 'P'):
    case SECTOR3('P', 'P', 'L'): case SECTOR3('P', 'T', 'Y'): case SECTOR3('R', 'A', 'D'):
    case SECTOR3('R', 'E', 'B'): case SECTOR3('R', 'E', 'F'): case SECTOR3('R', 'E', 'L'):
    case SECTOR3('S', 'E', 'P'): case SECTOR3('S', 'P', 'Y'): case SECTOR3('U', 'A', 'F'):
        return 1;
    default:
        return 0;
    }
#undef SECTOR3
}

#endif
