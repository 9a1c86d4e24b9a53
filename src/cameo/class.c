/* class.c -- the classes of a CAMEO code, read from its root (first two
 * digits).
 *
 * QuadClass (GDELT): 01-05 verbal cooperation 1, 06-09 material
 * cooperation 2, 10-14 verbal conflict 3, 15-20 material conflict 4. The
 * code table (codes.c) holds the same value for each of its codes; this
 * rule is what a filter on a class (ties --quad) asks.
 *
 * PentaClass (Phoenix): 01-02 neutral 0, 03-05 verbal cooperation 1, 06-08
 * material cooperation 2, 09-13 verbal conflict 3, 14-20 material
 * conflict 4 (roots past 20, unknown to CAMEO, as Phoenix wrote them: 4). */
#include "dyad.h"

/* The first two digits as a number, or 0 when the code does not begin
 * with two digits. */
static int root_of(const char *code) {
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

int dyad_cameo_quad_class(const char *code) {
    int r = root_of(code);
    if (r < 1 || r > 20) return 0;
    return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
}

int dyad_cameo_penta_class(const char *code) {
    int r = root_of(code);
    return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}
