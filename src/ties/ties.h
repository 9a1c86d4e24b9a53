/* ties.h -- internals of the dyad series: period keys and labels. */
#ifndef DYAD_TIES_H
#define DYAD_TIES_H

#include <limits.h>
#include "dyad.h"

#define TY_NO_PERIOD LONG_MIN /* a date that is missing or malformed */

/* A period as an integer that grows by one per period (so a series can be
 * indexed and its gaps filled): months since year 0, years, or weeks since
 * the Monday of 1969-12-29 (negative before it). TY_NO_PERIOD for a
 * missing or malformed date. */
long ty_period_key(dyad_period by, const char *yyyymmdd);
/* "2026-03", "2026", "2026-W11" (ISO 8601 week), "2026-03-14" */
void ty_period_label(dyad_period by, long key, char out[12]);
const char *ty_period_name(dyad_period by);
/* Is c a side of a series (a country, or an actor code that begins with
 * one)? Its country goes to cc. */
int ty_side_ok(const char *c, char cc[8]);

/* once.c: the events of a document that share (source, target, code). */
typedef struct ty_once {
    uint64_t *k;
    size_t cap, n;
} ty_once;
/* 1 the first time an event's (document, source, target, code) is seen, 0
 * after; -1 out of memory. */
int ty_once_first(ty_once *s, const dyad_store_event *e);
void ty_once_free(ty_once *s);
/* Reads the events of q that pass o (dates, from the store; the other
 * filters, here) into fn, one per document and (source, target, code)
 * unless o->per_sentence. "Once, then filter": a telling dated before
 * o->from (or undated) claims its event first, as it does when no dates
 * are asked, so a period counts the same with or without a date filter,
 * and the events behind a count are those it counts. */
int ty_scan(dyad_store *s, const char *ca, const char *cb, const dyad_ties_opts *o, int detail,
            dyad_store_event_fn fn, void *ctx, dyad_error *err);
#endif
