/* ties.c -- the series of a dyad: per period and direction, the counted
 * events by QuadClass, the Goldstein sum and mean, the top codes and the
 * counts by PLOVER type.
 *
 * Events come from the store (counted ones only: near copies and
 * one-a-day repeats are left out) of the two sides' countries, filtered by
 * actor code, dates, root, QuadClass and PLOVER type (filter.c), one per
 * document and (source, target, code) unless per_sentence (once.c:
 * ty_scan).
 * Periods between the first and the last are all present, so
 * the series can be drawn as time with its gaps (svg.c); a table leaves
 * out the periods with no events unless it is to be filled. Written as a
 * table, CSV or JSON. */
#include "ties/ties.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

#define TY_MAX_PERIODS 100000

typedef struct code_n { char code[4]; long n; } code_n;

typedef struct acc {
    const char *a, *b;
    const dyad_ties_opts *o;
    dyad_period by;
    long lo, hi;       /* period keys seen */
    long undated;
    struct ev { long key; int dir; char code[4]; int quad; double g; } *ev;
    size_t n, cap;
    int oom;
} acc;

static void on_event(void *ctx, const dyad_store_event *e) {
    acc *x = ctx;
    int dir = dyad_ties_direction(x->a, x->b, e);
    if (dir < 0) return;
    long key = ty_period_key(x->by, e->date);
    if (key == TY_NO_PERIOD) x->undated++;
    if (key == TY_NO_PERIOD || x->oom) return;
    if (util_grow(&x->ev, &x->cap, x->n + 1, sizeof *x->ev, 256) < 0) {
        x->oom = 1;
        return;
    }
    struct ev *v = &x->ev[x->n++];
    v->key = key;
    v->dir = dir;
    snprintf(v->code, sizeof v->code, "%s", e->code);
    v->quad = e->quad_class;
    v->g = e->goldstein;
    if (x->n == 1 || key < x->lo) x->lo = key;
    if (x->n == 1 || key > x->hi) x->hi = key;
}

static void add_code(code_n **codes, size_t *nc, const char *code) {
    for (size_t i = 0; i < *nc; i++)
        if (!strcmp((*codes)[i].code, code)) { (*codes)[i].n++; return; }
    code_n *nv = realloc(*codes, (*nc + 1) * sizeof **codes);
    if (!nv) return;
    *codes = nv;
    snprintf(nv[*nc].code, sizeof nv->code, "%s", code);
    nv[(*nc)++].n = 1;
}

static int by_count(const void *a, const void *b) {
    const code_n *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->code, y->code);
}

/* A side is a country or an actor code led by one: capital letters only
 * (they go into SVG and JSON as is); its country goes to cc. */
int ty_side_ok(const char *c, char cc[8]) {
    size_t n = strlen(c);
    for (size_t i = 0; i < n; i++)
        if (c[i] < 'A' || c[i] > 'Z') return 0;
    return n >= 3 && n <= 15 && dyad_actor_country(c, cc) > 0;
}

int dyad_ties_query(dyad_store *s, const char *a, const char *b, dyad_period by,
                    const dyad_ties_opts *o, dyad_ties *out, dyad_error *err) {
    memset(out, 0, sizeof *out);
    char ca[8], cb[8];
    if (!ty_side_ok(a, ca) || !ty_side_ok(b, cb))
        return dyad_error_set(err, "'%.20s'/'%.20s': a country (RUS, IGOUNO) or an actor code "
                              "that begins with one (RUSGOV), in capital letters", a, b);
    snprintf(out->a, sizeof out->a, "%s", a);
    snprintf(out->b, sizeof out->b, "%s", b);
    out->by = by;
    out->fill = !o || o->fill;
    out->plover = o && o->plover;
    acc x = {out->a, out->b, o, by, 0, 0, 0, NULL, 0, 0, 0};
    if (ty_scan(s, ca, cb, o, 0, on_event, &x, err) < 0) {
        free(x.ev);
        return -1;
    }
    if (x.oom) {
        free(x.ev);
        return dyad_error_set(err, "out of memory reading the events of %s-%s", a, b);
    }
    out->undated = x.undated;
    if (x.n == 0) {
        free(x.ev);
        return 0;
    }
    size_t np = (size_t)(x.hi - x.lo + 1);
    if (np > TY_MAX_PERIODS) {
        free(x.ev);
        return dyad_error_set(err, "%s-%s spans %zu %ss: too many to list", a, b, np,
                              ty_period_name(by));
    }
    out->rows = calloc(np * 2, sizeof *out->rows);
    code_n **codes = calloc(np * 2, sizeof *codes);
    size_t *ncodes = calloc(np * 2, sizeof *ncodes);
    if (!out->rows || !codes || !ncodes) {
        free(out->rows), free(codes), free(ncodes), free(x.ev);
        out->rows = NULL;
        return dyad_error_set(err, "out of memory");
    }
    out->n = np * 2;
    for (size_t i = 0; i < out->n; i++) {
        ty_period_label(by, x.lo + (long)(i / 2), out->rows[i].period);
        out->rows[i].dir = (int)(i % 2);
    }
    for (size_t i = 0; i < x.n; i++) {
        size_t r = (size_t)(x.ev[i].key - x.lo) * 2 + (size_t)x.ev[i].dir;
        dyad_tie_row *row = &out->rows[r];
        row->n++;
        if (x.ev[i].quad >= 1 && x.ev[i].quad <= 4) row->quad[x.ev[i].quad]++;
        row->gsum += x.ev[i].g;
        const dyad_plover *p = dyad_cameo_plover(x.ev[i].code);
        int k = p ? dyad_plover_type_index(p->type) : -1;
        row->plover[k >= 0 ? k : DYAD_PLOVER_TYPES]++;
        add_code(&codes[r], &ncodes[r], x.ev[i].code);
    }
    for (size_t r = 0; r < out->n; r++) {
        if (ncodes[r]) qsort(codes[r], ncodes[r], sizeof **codes, by_count);
        for (size_t k = 0; k < 3 && k < ncodes[r]; k++) {
            snprintf(out->rows[r].top[k], 4, "%s", codes[r][k].code);
            out->rows[r].topn[k] = codes[r][k].n;
        }
        free(codes[r]);
    }
    free(codes), free(ncodes), free(x.ev);
    return 0;
}

void dyad_ties_free(dyad_ties *t) {
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
}

static void top_codes(FILE *out, const dyad_tie_row *r, const char *sep, int json) {
    for (int k = 0; k < 3 && r->top[k][0]; k++) {
        if (json) fprintf(out, "%s{\"code\":\"%s\",\"n\":%ld}", k ? "," : "", r->top[k], r->topn[k]);
        else fprintf(out, "%s%s (%ld)", k ? sep : "", r->top[k], r->topn[k]);
    }
}

static const char *plover_name(int k) { return k < DYAD_PLOVER_TYPES ? dyad_plover_type((size_t)k) : "none"; }

/* The PLOVER counts of a row: "CONSULT 2, AID 1" (table), "2,0,1,..."
 * (csv: every type, then none), {"CONSULT":2,...} (json: those not 0). */
static void plover_counts(FILE *out, const dyad_tie_row *r, int csv, int json) {
    int first = 1;
    if (json) fputc('{', out);
    for (int k = 0; k <= DYAD_PLOVER_TYPES; k++) {
        if (csv) fprintf(out, "%s%ld", k ? "," : "", r->plover[k]);
        else if (r->plover[k]) {
            fprintf(out, json ? "%s\"%s\":%ld" : "%s%s %ld", first ? "" : json ? "," : ", ",
                    plover_name(k), r->plover[k]);
            first = 0;
        }
    }
    if (json) fputc('}', out);
}

static void header(FILE *out, const dyad_ties *t, int csv, int json) {
    if (csv) {
        fputs("period,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,",
              out);
        if (!t->plover) fputs("top_codes", out);
        for (int k = 0; t->plover && k <= DYAD_PLOVER_TYPES; k++)
            fprintf(out, "%s%s", k ? "," : "", plover_name(k));
        fputc('\n', out);
    } else if (json) {
        fprintf(out, "{\"a\":\"%s\",\"b\":\"%s\",\"by\":\"%s\",\"rows\":[", t->a, t->b,
                ty_period_name(t->by));
    } else {
        fprintf(out, "%-9s %-15s %6s %5s %5s %5s %5s %9s %7s  %s\n", "period", "direction",
                "events", "q1", "q2", "q3", "q4", "gold_sum", "mean",
                t->plover ? "PLOVER types" : "top codes");
    }
}

static void row_line(FILE *out, const dyad_ties *t, const dyad_tie_row *r, int first, int csv,
                     int json) {
    const char *who[2] = {t->a, t->b};
    const char *src = who[r->dir], *tgt = who[!r->dir];
    double mean = r->n ? r->gsum / (double)r->n : 0;
    if (csv) {
        fprintf(out, "%s,%s,%s,%ld,%ld,%ld,%ld,%ld,%.1f,", r->period, src, tgt, r->n, r->quad[1],
                r->quad[2], r->quad[3], r->quad[4], r->gsum);
        if (r->n) fprintf(out, "%.2f", mean);
        fputc(',', out);
        if (t->plover) plover_counts(out, r, 1, 0);
        else {
            fputc('"', out);
            top_codes(out, r, " ", 0);
            fputc('"', out);
        }
        fputc('\n', out);
    } else if (json) {
        fprintf(out, "%s\n{\"period\":\"%s\",\"source\":\"%s\",\"target\":\"%s\",\"events\":%ld,"
                "\"quad\":[%ld,%ld,%ld,%ld],\"goldstein_sum\":%.1f,\"goldstein_mean\":",
                first ? "" : ",", r->period, src, tgt, r->n, r->quad[1], r->quad[2], r->quad[3],
                r->quad[4], r->gsum);
        if (r->n) fprintf(out, "%.2f", mean);
        else fputs("null", out);
        fputs(",\"top_codes\":[", out);
        top_codes(out, r, "", 1);
        fputc(']', out);
        if (t->plover) {
            fputs(",\"plover\":", out);
            plover_counts(out, r, 0, 1);
        }
        fputc('}', out);
    } else {
        char dir[20];
        snprintf(dir, sizeof dir, "%s->%s", src, tgt);
        fprintf(out, "%-9s %-15s %6ld %5ld %5ld %5ld %5ld %9.1f ", r->period, dir, r->n,
                r->quad[1], r->quad[2], r->quad[3], r->quad[4], r->gsum);
        if (r->n) fprintf(out, "%7.2f  ", mean);
        else fprintf(out, "%7s  ", "-");
        if (t->plover) plover_counts(out, r, 0, 0);
        else top_codes(out, r, ", ", 0);
        fputc('\n', out);
    }
}

int dyad_ties_write(FILE *out, const dyad_ties *t, const char *fmt, dyad_error *err) {
    int json = !strcmp(fmt, "json"), csv = !strcmp(fmt, "csv");
    if (!json && !csv && strcmp(fmt, "table"))
        return dyad_error_set(err, "unknown format '%s' (table, csv or json)", fmt);
    header(out, t, csv, json);
    int first = 1;
    for (size_t i = 0; i + 1 < t->n; i += 2) {
        if (!t->fill && !t->rows[i].n && !t->rows[i + 1].n) continue; /* an empty period */
        for (size_t d = i; d < i + 2; d++, first = 0) row_line(out, t, &t->rows[d], first, csv, json);
    }
    if (json) fputs("\n]}\n", out);
    if (ferror(out)) return dyad_error_set(err, "writing the series failed");
    return 0;
}
