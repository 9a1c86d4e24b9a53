/* plover.c -- scoring dyad against PLOVER gold records (JSON Lines).
 *
 * One record a line: id, date, text, gold = [{source_country,
 * target_country, plover}, ...], optional reciprocal and source_actors
 * (the format of shared/validation/plover-gsr/). The text is read by the
 * JSON Lines reader and coded as `dyad code` codes it (default options),
 * so the events are the ones `dyad code` writes for the same records.
 *
 * The figures are the PLOVER scorer's (score_plover.py), printed in its
 * words: each event's code takes its PLOVER type (dyad_cameo_plover:
 * code, parent, root); events of roots 01-02 have none and are dropped
 * and counted (or, unmapped_fp, false positives "UNMAPPED"). Per record,
 * sets of (source country, target country, type) triples, countries
 * being the first three letters of the actor codes, and sets of types:
 * (a) records where some event has a gold type, (b) P/R/F1 over triples,
 * (c) P/R/F1 over types, then recall per type. With reciprocal, a record
 * marked reciprocal whose gold has no target scores X->Y and Y->X. */
#include "validate.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>
#include "input/json.h"

typedef struct trip {
    char src[4], tgt[4], type[12];
} trip;

typedef struct record {
    char *id;
    uint64_t line;
    int reciprocal, nsource_actors;
    trip *gold, *got;
    size_t ngold, ngot;
} record;

typedef struct unmapped {
    char code[8];
    long n;
} unmapped;

typedef struct gsr {
    dyad_arena *a;            /* records, for the whole run */
    record *recs;
    size_t n, cap;
    unmapped *um;             /* codes with no PLOVER type, and how often */
    size_t nun;
    long events, unmapped_events;
} gsr;

/* ---- reading the gold */

static int jstr(rd_json *j, byte_buf *b, char *out, size_t cap) {
    rd_json_ws(j);
    if (rd_json_peek(j) == 'n') { /* null */
        out[0] = 0;
        return rd_json_skip(j);
    }
    if (rd_json_peek(j) != '"') return rd_json_fail(j, "expected a string");
    byte_buf_clear(b);
    if (rd_json_string(j, b) < 0) return -1;
    snprintf(out, cap, "%.*s", (int)b->len, b->p ? b->p : "");
    return 0;
}

/* Walks the members of an object: fn(ctx, j, key) reads or skips each value. */
typedef int (*member_fn)(void *ctx, rd_json *j, const char *key);
static int object(rd_json *j, byte_buf *key, member_fn fn, void *ctx) {
    if (rd_json_expect(j, '{', "(expected '{')") < 0) return -1;
    rd_json_ws(j);
    if (rd_json_peek(j) == '}') return j->p++, 0;
    for (;;) {
        rd_json_ws(j);
        char k[32];
        if (jstr(j, key, k, sizeof k) < 0 || rd_json_expect(j, ':', "(expected ':')") < 0 ||
            fn(ctx, j, k) < 0)
            return -1;
        rd_json_ws(j);
        int c = rd_json_peek(j);
        if (c != '}' && c != ',') return rd_json_fail(j, "expected ',' or '}'");
        j->p++;
        if (c == '}') return 0;
    }
}

/* Calls fn(ctx, j, i) on each element of an array. */
typedef int (*elem_fn)(void *ctx, rd_json *j, size_t i);
static int array(rd_json *j, elem_fn fn, void *ctx) {
    if (rd_json_expect(j, '[', "(expected '[')") < 0) return -1;
    rd_json_ws(j);
    if (rd_json_peek(j) == ']') return j->p++, 0;
    for (size_t i = 0;; i++) {
        if (fn(ctx, j, i) < 0) return -1;
        rd_json_ws(j);
        int c = rd_json_peek(j);
        if (c != ']' && c != ',') return rd_json_fail(j, "expected ',' or ']'");
        j->p++;
        if (c == ']') return 0;
    }
}

typedef struct reading {
    gsr *g;
    record *r;
    byte_buf buf;
    trip *t;     /* the gold triple being read */
    trip *gold;  /* malloc'd while reading */
    size_t cap;
} reading;

static int gold_member(void *ctx, rd_json *j, const char *key) {
    reading *x = ctx;
    if (!strcmp(key, "source_country")) return jstr(j, &x->buf, x->t->src, sizeof x->t->src);
    if (!strcmp(key, "target_country")) return jstr(j, &x->buf, x->t->tgt, sizeof x->t->tgt);
    if (!strcmp(key, "plover")) return jstr(j, &x->buf, x->t->type, sizeof x->t->type);
    return rd_json_skip(j);
}

static int gold_elem(void *ctx, rd_json *j, size_t i) {
    reading *x = ctx;
    if (util_grow(&x->gold, &x->cap, x->r->ngold + 1, sizeof *x->gold, 8) < 0)
        return rd_json_fail(j, "out of memory");
    x->t = &x->gold[x->r->ngold++];
    memset(x->t, 0, sizeof *x->t);
    return object(j, &x->buf, gold_member, x);
}

static int count_elem(void *ctx, rd_json *j, size_t i) {
    ((reading *)ctx)->r->nsource_actors++;
    return rd_json_skip(j);
}

static int record_member(void *ctx, rd_json *j, const char *key) {
    reading *x = ctx;
    rd_json_ws(j);
    if (!strcmp(key, "id")) {
        char id[256];
        if (jstr(j, &x->buf, id, sizeof id) < 0) return -1;
        x->r->id = dyad_arena_strdup(x->g->a, id);
        return x->r->id ? 0 : rd_json_fail(j, "out of memory");
    }
    if (!strcmp(key, "gold")) return array(j, gold_elem, x);
    if (!strcmp(key, "source_actors") && rd_json_peek(j) == '[') return array(j, count_elem, x);
    if (!strcmp(key, "reciprocal")) x->r->reciprocal = rd_json_peek(j) == 't';
    return rd_json_skip(j);
}

/* Removes repeated triples: the scorer compares sets. */
static size_t unique(trip *t, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t m = 0;
        while (m < k && memcmp(&t[m], &t[i], sizeof *t)) m++;
        if (m == k) t[k++] = t[i];
    }
    return k;
}

/* The scorer's --reciprocal: "X and Y agreed" (gold X->"" and Y->"") is
 * X->Y and Y->X; one country named by two actors is X->X. */
static void reciprocal(gsr *g, record *r) {
    for (size_t i = 0; i < r->ngold; i++)
        if (r->gold[i].tgt[0]) return;
    char src[16][4] = {{0}}, type[16][12] = {{0}}; /* zeroed: triples compare with memcmp */
    size_t ns = 0, nt = 0;
    for (size_t i = 0; i < r->ngold; i++) {
        size_t k = 0;
        while (k < nt && strcmp(type[k], r->gold[i].type)) k++;
        if (k == nt && nt < 16) strcpy(type[nt++], r->gold[i].type);
        if (!r->gold[i].src[0]) continue;
        for (k = 0; k < ns && strcmp(src[k], r->gold[i].src); k++) {}
        if (k == ns && ns < 16) strcpy(src[ns++], r->gold[i].src);
    }
    if (ns < 2 && !(ns == 1 && r->nsource_actors > 1)) return;
    trip *t = dyad_arena_alloc(g->a, sizeof *t * (ns * ns * nt + 1));
    if (!t) return;
    size_t n = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t d = 0; d < ns; d++)
            for (size_t c = 0; c < nt && (s != d || ns == 1); c++) {
                memcpy(t[n].src, src[s], 4);
                memcpy(t[n].tgt, src[d], 4);
                memcpy(t[n].type, type[c], 12);
                n++;
            }
    r->gold = t;
    r->ngold = n;
}

static int read_gold(gsr *g, const char *path, FILE *fp, int recip, dyad_error *err) {
    reading x = {g, NULL, {0}, NULL, NULL, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    for (uint64_t no = 1; !rc && (len = getline(&line, &cap, fp)) >= 0; no++) {
        rd_json j;
        rd_json_init(&j, line, (size_t)len);
        rd_json_ws(&j);
        if (rd_json_peek(&j) < 0 || (rd_json_peek(&j) == '\n' && len == 1)) continue;
        if (util_grow(&g->recs, &g->cap, g->n + 1, sizeof *g->recs, 256) < 0) {
            rc = dyad_error_set(err, "%s: out of memory", path);
            break;
        }
        x.r = &g->recs[g->n];
        memset(x.r, 0, sizeof *x.r);
        x.r->line = no;
        x.gold = NULL;
        x.cap = 0;
        if (object(&j, &x.buf, record_member, &x) < 0)
            rc = dyad_error_set(err, "%s:%llu: %s at column %zu", path, (unsigned long long)no,
                                j.what, j.col);
        else if (!x.r->id)
            rc = dyad_error_set(err, "%s:%llu: a gold record without an id", path,
                                (unsigned long long)no);
        trip *t = dyad_arena_alloc(g->a, sizeof *t * (x.r->ngold + 1));
        if (!rc && !t) rc = dyad_error_set(err, "%s: out of memory", path);
        if (!rc) {
            if (x.r->ngold) memcpy(t, x.gold, sizeof *t * x.r->ngold);
            x.r->gold = t;
            if (recip && x.r->reciprocal) reciprocal(g, x.r);
            x.r->ngold = unique(x.r->gold, x.r->ngold);
            g->n++;
        }
        free(x.gold);
    }
    free(line);
    byte_buf_free(&x.buf);
    if (!rc && g->n == 0) rc = dyad_error_set(err, "%s: no gold records", path);
    return rc;
}

/* ---- coding and scoring */

static record *record_at(gsr *g, uint64_t line) {
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->recs[mid].line < line) lo = mid + 1;
        else hi = mid;
    }
    return lo < g->n && g->recs[lo].line == line ? &g->recs[lo] : NULL;
}

static void count_unmapped(gsr *g, const char *code) {
    g->unmapped_events++;
    size_t i = 0;
    while (i < g->nun && strcmp(g->um[i].code, code)) i++;
    if (i == g->nun) {
        unmapped *nu = realloc(g->um, (g->nun + 1) * sizeof *nu);
        if (!nu) return;
        g->um = nu;
        snprintf(nu[g->nun].code, sizeof nu->code, "%s", code);
        nu[g->nun++].n = 0;
    }
    g->um[i].n++;
}

static int add_events(gsr *g, record *r, const dyad_result *res, int unmapped_fp) {
    trip *t = dyad_arena_alloc(g->a, sizeof *t * (r->ngot + res->nevents + 1));
    if (!t) return -1;
    if (r->ngot) memcpy(t, r->got, sizeof *t * r->ngot);
    r->got = t;
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        const dyad_plover *p = dyad_cameo_plover(e->code);
        g->events++;
        if (!p) count_unmapped(g, e->code);
        if (!p && !unmapped_fp) continue;
        trip *x = &r->got[r->ngot++];
        snprintf(x->src, sizeof x->src, "%.3s", e->source);
        snprintf(x->tgt, sizeof x->tgt, "%.3s", e->target);
        snprintf(x->type, sizeof x->type, "%s", p ? p->type : "UNMAPPED");
    }
    r->ngot = unique(r->got, r->ngot);
    return 0;
}

/* The pipeline's sink: a record's events added to its gold record (and
 * written with --events), in input order. */
typedef struct plover_run {
    gsr *g;
    const char *path;
    const dyad_validate_opts *o;
} plover_run;

static int add_sink(void *ctx, const dyad_pipeline_item *it, dyad_error *err) {
    plover_run *p = ctx;
    if (it->kind == DYAD_PIPELINE_INPUT_FAILED) return dyad_error_set(err, "%s", it->msg);
    if (it->kind != DYAD_PIPELINE_DOC) return 0;
    record *r = record_at(p->g, it->doc->line);
    if (!r) return dyad_error_set(err, "%s:%llu: no gold record", p->path,
                                  (unsigned long long)it->doc->line);
    if (!it->res) return dyad_error_set(err, "%s", it->msg);
    if (add_events(p->g, r, it->res, p->o->unmapped_fp) < 0) return dyad_error_set(err, "out of memory");
    if (p->o->events && dyad_write_events_jsonl(p->o->events, it->doc, it->res, err) < 0) return -1;
    return 0;
}

/* Codes every record as `dyad code` does (the pipeline, default options). */
static int code_all(gsr *g, const char *path, const dyad_validate_opts *o, dyad_error *err) {
    dyad_dict *d = NULL;
    if (!o->dict) return dyad_error_set(err, "%s: give the dictionaries to code with", path);
    d = dyad_dict_load_dir(o->dict, NULL, NULL, err);
    if (!d) d = dyad_dict_load_compiled(o->dict, err);
    dyad_tagger *tg = d ? dyad_tagger_new(err) : NULL;
    dyad_options opt;
    dyad_options_default(&opt); /* as dyad code codes */
    opt.default_date = o->default_date;
    dyad_coder *c = tg ? dyad_coder_new(d, tg, &opt, err) : NULL;
    plover_run p = {g, path, o};
    dyad_pipeline_opts po = {0};
    po.threads = o->threads;
    po.format = DYAD_FEED_JSONL;
    po.coder = c;
    po.on_warning = o->on_warning;
    po.warn_ctx = o->warn_ctx;
    po.sink = add_sink;
    po.ctx = &p;
    int rc = c && !dyad_pipeline_run(&path, 1, &po, err) ? 0 : -1;
    dyad_coder_free(c);
    dyad_tagger_free(tg);
    dyad_dict_free(d);
    return rc;
}

static int has(const trip *t, size_t n, const trip *x, int type_only) {
    for (size_t i = 0; i < n; i++)
        if (type_only ? !strcmp(t[i].type, x->type) : !memcmp(&t[i], x, sizeof *x)) return 1;
    return 0;
}

/* The distinct types of a set of triples (at most MAX_TYPES). */
#define MAX_TYPES 32
static size_t types(const trip *t, size_t n, trip *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k < MAX_TYPES && !has(out, k, &t[i], 1)) {
            memset(&out[k], 0, sizeof out[k]);
            strcpy(out[k++].type, t[i].type);
        }
    return k;
}

typedef struct percat {
    char type[12];
    long records, found, triple;
} percat;

static void prf(const long c[3], double out[3]) {
    out[0] = c[0] + c[1] ? (double)c[0] / (double)(c[0] + c[1]) : 0;
    out[1] = c[0] + c[2] ? (double)c[0] / (double)(c[0] + c[2]) : 0;
    out[2] = out[0] + out[1] ? 2 * out[0] * out[1] / (out[0] + out[1]) : 0;
}

static int by_type(const void *a, const void *b) {
    return strcmp(((const percat *)a)->type, ((const percat *)b)->type);
}
static int by_code(const void *a, const void *b) {
    return strcmp(((const unmapped *)a)->code, ((const unmapped *)b)->code);
}

static double pct(long a, long b) { return b ? 100.0 * (double)a / (double)b : 0; }

static void report(gsr *g, const dyad_validate_opts *o) {
    FILE *f = o->report;
    long tt[3] = {0}, ct[3] = {0}, found = 0, wrong = 0, ngold = 0;
    percat pc[MAX_TYPES];
    size_t npc = 0;
    for (size_t i = 0; i < g->n; i++) {
        record *r = &g->recs[i];
        trip gt[MAX_TYPES], pt[MAX_TYPES];
        size_t ngt = types(r->gold, r->ngold, gt), npt = types(r->got, r->ngot, pt);
        long inter = 0, cinter = 0;
        for (size_t k = 0; k < r->ngot; k++) inter += has(r->gold, r->ngold, &r->got[k], 0);
        for (size_t k = 0; k < npt; k++) cinter += has(gt, ngt, &pt[k], 1);
        ngold += (long)r->ngold;
        tt[0] += inter, tt[1] += (long)r->ngot - inter, tt[2] += (long)r->ngold - inter;
        ct[0] += cinter, ct[1] += (long)npt - cinter, ct[2] += (long)ngt - cinter;
        found += cinter > 0;
        wrong += !(inter == (long)r->ngot && inter == (long)r->ngold);
        for (size_t k = 0; k < ngt; k++) {
            size_t m = 0;
            while (m < npc && strcmp(pc[m].type, gt[k].type)) m++;
            if (m == npc) {
                if (npc == MAX_TYPES) continue;
                memset(&pc[npc], 0, sizeof pc[npc]);
                strcpy(pc[npc++].type, gt[k].type);
            }
            pc[m].records++;
            pc[m].found += has(pt, npt, &gt[k], 1);
            pc[m].triple += inter > 0;
        }
    }
    long n = (long)g->n;
    fprintf(f, "gold records %ld, gold triples %ld; dyad events %ld (0 on records not in gold), "
               "%ld with no PLOVER category", n, ngold, g->events, g->unmapped_events);
    if (g->nun) {
        qsort(g->um, g->nun, sizeof *g->um, by_code);
        fputs(" (", f);
        for (size_t i = 0; i < g->nun; i++) fprintf(f, "%s%s:%ld", i ? " " : "", g->um[i].code, g->um[i].n);
        fprintf(f, "; %s)", o->unmapped_fp ? "counted as false positives" : "dropped");
    }
    double p3[3], pcat[3];
    prf(tt, p3);
    prf(ct, pcat);
    fprintf(f, "\nrecords fully right (triple sets equal): %ld/%ld = %.1f%%\n", n - wrong, n,
            pct(n - wrong, n));
    fprintf(f, "(a) event found (gold PLOVER category among dyad events): %ld/%ld = %.1f%%\n", found,
            n, pct(found, n));
    fprintf(f, "(b) triples (src country, tgt country, PLOVER): tp %ld fp %ld fn %ld  P %.3f R %.3f "
               "F1 %.3f\n", tt[0], tt[1], tt[2], p3[0], p3[1], p3[2]);
    fprintf(f, "(c) PLOVER category per record:               tp %ld fp %ld fn %ld  P %.3f R %.3f "
               "F1 %.3f\n", ct[0], ct[1], ct[2], pcat[0], pcat[1], pcat[2]);
    fputs("per category: records, category found (recall), records with a right triple\n", f);
    qsort(pc, npc, sizeof *pc, by_type);
    for (size_t i = 0; i < npc; i++)
        fprintf(f, "  %-10s %3ld  found %3ld (%5.1f%%)  triple %3ld (%5.1f%%)\n", pc[i].type,
                pc[i].records, pc[i].found, pct(pc[i].found, pc[i].records), pc[i].triple,
                pct(pc[i].triple, pc[i].records));
    fprintf(f, "SUMMARY plover-gsr: records %ld  event-found %.1f%%  triple P %.3f R %.3f F1 %.3f  "
               "category P %.3f R %.3f F1 %.3f%s\n", n, pct(found, n), p3[0], p3[1], p3[2],
            pcat[0], pcat[1], pcat[2], o->reciprocal ? "  [reciprocal]" : "");
}

int validate_plover(const char *path, const dyad_validate_opts *o, dyad_validate_result *res,
                    dyad_error *err) {
    FILE *fp = fopen(path, "r");
    if (!fp) return dyad_error_set(err, "%s: cannot open", path);
    gsr g = {0};
    g.a = dyad_arena_new(0);
    int rc = g.a ? read_gold(&g, path, fp, o->reciprocal, err) : dyad_error_set(err, "out of memory");
    if (!rc) rc = code_all(&g, path, o, err);
    if (!rc) {
        report(&g, o);
        for (size_t i = 0; i < g.n; i++) {
            const record *r = &g.recs[i];
            size_t inter = 0;
            for (size_t k = 0; k < r->ngot; k++) inter += has(r->gold, r->ngold, &r->got[k], 0);
            if (inter == r->ngot && inter == r->ngold) res->passed++;
            else res->failed++;
        }
    }
    fclose(fp);
    free(g.recs);
    free(g.um);
    dyad_arena_free(g.a);
    return rc;
}
