/* partners.c -- who a country (or an actor: RUSGOV) deals with: every partner country with the
 * counted events between them (both directions), ranked by volume, then
 * by tone (mean Goldstein, friendliest first), then by code; an event is
 * counted once per document and (source, target, code) unless
 * per_sentence (once.c: ty_scan). */
#include "ties/ties.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct pacc {
    const char *a;
    const dyad_ties_opts *o;
    dyad_partner *p;
    size_t n, cap;
    int oom;
} pacc;

static void on_event(void *ctx, const dyad_store_event *e) {
    pacc *x = ctx;
    int dir = dyad_ties_direction(x->a, NULL, e), out = dir == 0;
    const char *other = out ? e->tgt_country : e->src_country;
    if (dir < 0 || !*other || x->oom) return;
    size_t i = 0;
    while (i < x->n && strcmp(x->p[i].country, other)) i++;
    if (i == x->n) {
        if (util_grow(&x->p, &x->cap, x->n + 1, sizeof *x->p, 32) < 0) {
            x->oom = 1;
            return;
        }
        memset(&x->p[i], 0, sizeof x->p[i]);
        snprintf(x->p[i].country, sizeof x->p[i].country, "%s", other);
        x->n++;
    }
    dyad_partner *p = &x->p[i];
    p->n++;
    if (out) p->out++;
    else p->in++;
    if (e->quad_class >= 1 && e->quad_class <= 4) p->quad[e->quad_class]++;
    p->gsum += e->goldstein;
}

static int by_volume(const void *a, const void *b) {
    const dyad_partner *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    double mx = x->gsum / (double)x->n, my = y->gsum / (double)y->n;
    if (mx != my) return mx < my ? 1 : -1;
    return strcmp(x->country, y->country);
}

int dyad_partners_query(dyad_store *s, const char *a, const dyad_ties_opts *o,
                        dyad_partner **out, size_t *n, dyad_error *err) {
    pacc x = {a, o, NULL, 0, 0, 0};
    char ca[8];
    *out = NULL;
    *n = 0;
    if (!ty_side_ok(a, ca))
        return dyad_error_set(err, "'%.20s': a country (RUS, IGOUNO) or an actor code that "
                              "begins with one (RUSGOV), in capital letters", a);
    if (ty_scan(s, ca, NULL, o, 0, on_event, &x, err) < 0) {
        free(x.p);
        return -1;
    }
    if (x.oom) {
        free(x.p);
        return dyad_error_set(err, "out of memory reading the partners of %s", a);
    }
    if (x.n) qsort(x.p, x.n, sizeof *x.p, by_volume);
    *out = x.p;
    *n = x.n;
    return 0;
}

int dyad_partners_write(FILE *out, const char *a, const dyad_partner *p, size_t n,
                        const char *fmt, dyad_error *err) {
    int json = !strcmp(fmt, "json"), csv = !strcmp(fmt, "csv");
    if (!json && !csv && strcmp(fmt, "table"))
        return dyad_error_set(err, "unknown format '%s' (table, csv or json)", fmt);
    if (csv) fputs("rank,country,partner,events,from_country,to_country,quad1,quad2,quad3,quad4,"
                   "goldstein_sum,goldstein_mean\n", out);
    else if (json) fprintf(out, "{\"country\":\"%s\",\"partners\":[", a);
    else fprintf(out, "%4s %-8s %6s %6s %6s %5s %5s %5s %5s %9s %7s\n", "rank", "partner",
                 "events", "out", "in", "q1", "q2", "q3", "q4", "gold_sum", "mean");
    for (size_t i = 0; i < n; i++) {
        const dyad_partner *r = &p[i];
        double mean = r->gsum / (double)r->n;
        if (csv)
            fprintf(out, "%zu,%s,%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%.1f,%.2f\n", i + 1, a, r->country,
                    r->n, r->out, r->in, r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->gsum,
                    mean);
        else if (json)
            fprintf(out, "%s\n{\"rank\":%zu,\"partner\":\"%s\",\"events\":%ld,\"out\":%ld,"
                    "\"in\":%ld,\"quad\":[%ld,%ld,%ld,%ld],\"goldstein_sum\":%.1f,"
                    "\"goldstein_mean\":%.2f}",
                    i ? "," : "", i + 1, r->country, r->n, r->out, r->in, r->quad[1], r->quad[2],
                    r->quad[3], r->quad[4], r->gsum, mean);
        else
            fprintf(out, "%4zu %-8s %6ld %6ld %6ld %5ld %5ld %5ld %5ld %9.1f %7.2f\n", i + 1,
                    r->country, r->n, r->out, r->in, r->quad[1], r->quad[2], r->quad[3],
                    r->quad[4], r->gsum, mean);
    }
    if (json) fputs("\n]}\n", out);
    if (ferror(out)) return dyad_error_set(err, "writing the partners failed");
    return 0;
}
