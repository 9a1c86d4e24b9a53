/* filter.c -- which counted events a series, a partner list or a listing
 * takes: a date range, a CAMEO root (or any code prefix) and a QuadClass.
 * The QuadClass is the one the store recorded from the CAMEO table. */
#include "ties/ties.h"

#include <string.h>

int dyad_ties_match(const dyad_ties_opts *o, const dyad_store_event *e) {
    if (!o) return 1;
    if (o->quad && e->quad_class != o->quad) return 0;
    if (o->root && strncmp(e->code, o->root, strlen(o->root))) return 0;
    if ((o->from || o->to) && strlen(e->date) != 8) return 0;
    if (o->from && strcmp(e->date, o->from) < 0) return 0;
    if (o->to && strcmp(e->date, o->to) > 0) return 0;
    return 1;
}
