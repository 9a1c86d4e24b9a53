/* filter.c -- which counted events a series, a partner list or a listing
 * takes: a date range, CAMEO roots (or any code prefixes, comma-separated),
 * a QuadClass and a PLOVER type; and which way an event goes between the
 * two sides asked, each a country (RUS) or an actor code that begins with
 * one (RUSGOV takes RUSGOV and RUSGOVMIL, not RUSMIL). The QuadClass is
 * the one the store recorded from the CAMEO table. */
#include "ties/ties.h"

#include <string.h>

/* Does code begin with one of the comma-separated prefixes in list? */
static int has_prefix(const char *list, const char *code) {
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        if (n && !strncmp(code, p, n)) return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

int dyad_ties_match(const dyad_ties_opts *o, const dyad_store_event *e) {
    if (!o) return 1;
    if (o->quad && e->quad_class != o->quad) return 0;
    if (o->root && *o->root && !has_prefix(o->root, e->code)) return 0;
    if ((o->from || o->to) && strlen(e->date) != 8) return 0;
    if (o->from && strcmp(e->date, o->from) < 0) return 0;
    if (o->to && strcmp(e->date, o->to) > 0) return 0;
    if (o->plover_type && *o->plover_type) {
        const dyad_plover *p = dyad_cameo_plover(e->code);
        if (!p || strcmp(p->type, o->plover_type)) return 0;
    }
    return 1;
}

/* Is the side of an event (its country and actor code) the side asked? A
 * country asked takes every code of it; a longer code, those it begins. */
static int side_is(const char *asked, const char *country, const char *code) {
    if (!asked) return 1; /* anyone */
    if (!strcmp(asked, country)) return 1;
    size_t n = strlen(asked);
    return n > strlen(country) && code && !strncmp(code, asked, n) &&
           !strncmp(asked, country, strlen(country)) && *country;
}

int dyad_ties_direction(const char *a, const char *b, const dyad_store_event *e) {
    if (side_is(a, e->src_country, e->source) && side_is(b, e->tgt_country, e->target) &&
        (b || strcmp(e->src_country, e->tgt_country)))
        return 0;
    if (side_is(b, e->src_country, e->source) && side_is(a, e->tgt_country, e->target))
        return 1;
    return -1;
}
