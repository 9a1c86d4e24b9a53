/* events.c -- the events behind a count: every counted event between two
 * sides (or of one with anyone; one_way: from a to b only) that passes the
 * filters, by date, with its actors, code, PLOVER type and sentence, the
 * document it is from and why it was coded; the events the series count
 * (once per document and (source, target, code): ty_scan).
 *
 *   table: 2019-12-02  RUSGOV -> IRNGOV  041 CONSULT  Discuss by telephone
 *              "Russian President ..."  [doc d1, sentence 0]
 *   csv:   date,source,target,code,plover,quad_class,goldstein,doc_id,
 *          sentence,source_text,target_text,sentence_text,event_name,title,
 *          url,explain (the first twelve as before the last four came)
 *   json:  {"a":..,"b":..,"events":[{"date":..,...,"explain":..}]}
 *
 * explain is "" (csv) or null (json) for an event stored without its
 * reasons (ingest --no-explain, or a store written before dyad kept them).
 *
 * Dates are YYYY-MM-DD, undated events have "" (csv), null (json) or
 * "undated" (table). opts->limit stops the list after that many. */
#include "ties/ties.h"

#include <string.h>

typedef struct lister {
    const char *a, *b;
    FILE *out;
    const dyad_ties_opts *o;
    int csv, json;
    long n;
} lister;

static void iso_date(const char *yyyymmdd, char out[11]) {
    if (strlen(yyyymmdd) == 8)
        snprintf(out, 11, "%.4s-%.2s-%.2s", yyyymmdd, yyyymmdd + 4, yyyymmdd + 6);
    else
        out[0] = 0;
}

/* A CSV field: quoted, quotes doubled, line breaks made blanks. */
static void csv_field(FILE *out, const char *s, int last) {
    fputc('"', out);
    for (; s && *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
    }
    fputs(last ? "\"\n" : "\",", out);
}

static void json_field(FILE *out, const char *name, const char *value) {
    fprintf(out, ",\"%s\":", name);
    dyad_json_string(out, value ? value : "");
}

static void on_event(void *ctx, const dyad_store_event *e) {
    lister *l = ctx;
    int dir = dyad_ties_direction(l->a, l->b, e);
    if (dir < 0 || (dir == 1 && l->o && l->o->one_way)) return;
    if (l->o && l->o->limit && l->n >= l->o->limit) return;
    const dyad_plover *p = dyad_cameo_plover(e->code);
    const dyad_cameo *c = dyad_cameo_find(e->code);
    char date[11];
    iso_date(e->date, date);
    FILE *out = l->out;
    if (l->csv) {
        fprintf(out, "%s,%s,%s,%s,%s,%d,%.1f,", date, e->source, e->target, e->code,
                p ? p->type : "", e->quad_class, e->goldstein);
        csv_field(out, e->doc_id, 0);
        fprintf(out, "%u,", e->sentence);
        const char *f[7] = {e->source_text, e->target_text, e->sentence_text,
                            c ? c->name : "", e->title, e->url, e->explain};
        for (int i = 0; i < 7; i++) csv_field(out, f[i], i == 6);
    } else if (l->json) {
        fprintf(out, "%s\n{\"date\":", l->n ? "," : "");
        if (*date) fprintf(out, "\"%s\"", date);
        else fputs("null", out);
        json_field(out, "source", e->source);
        json_field(out, "target", e->target);
        json_field(out, "code", e->code);
        json_field(out, "event_name", c ? c->name : "");
        fputs(",\"plover\":", out);
        if (p) dyad_json_string(out, p->type);
        else fputs("null", out);
        fprintf(out, ",\"quad_class\":%d,\"goldstein\":%.1f", e->quad_class, e->goldstein);
        json_field(out, "doc_id", e->doc_id);
        json_field(out, "title", e->title);
        json_field(out, "url", e->url);
        fprintf(out, ",\"sentence\":%u", e->sentence);
        json_field(out, "source_text", e->source_text);
        json_field(out, "target_text", e->target_text);
        json_field(out, "sentence_text", e->sentence_text);
        fputs(",\"explain\":", out);
        if (e->explain && *e->explain) dyad_json_string(out, e->explain);
        else fputs("null", out);
        fputc('}', out);
    } else {
        char who[64];
        snprintf(who, sizeof who, "%s -> %s", e->source, e->target);
        fprintf(out, "%-10s  %-24s %-4s %-9s %s\n", *date ? date : "undated", who, e->code,
                p ? p->type : "-", c ? c->name : "?");
        fputs("            \"", out);
        for (const char *q = e->sentence_text; q && *q; q++) /* one line */
            fputc(*q == '\n' || *q == '\r' || *q == '\t' ? ' ' : *q, out);
        fprintf(out, "\"  [doc %s, sentence %u]\n", e->doc_id, e->sentence);
    }
    l->n++;
}

int dyad_ties_events(FILE *out, dyad_store *s, const char *a, const char *b,
                     const dyad_ties_opts *o, const char *fmt, long *n, dyad_error *err) {
    lister l = {a, b, out, o, !strcmp(fmt, "csv"), !strcmp(fmt, "json"), 0};
    char ca[8], cb[8];
    *n = 0;
    if (!ty_side_ok(a, ca) || (b && !ty_side_ok(b, cb)))
        return dyad_error_set(err, "'%.20s'/'%.20s': a country (RUS, IGOUNO) or an actor code "
                              "that begins with one (RUSGOV), in capital letters", a, b ? b : "");
    if (!l.csv && !l.json && strcmp(fmt, "table"))
        return dyad_error_set(err, "unknown format '%s' (table, csv or json)", fmt);
    if (l.csv)
        fputs("date,source,target,code,plover,quad_class,goldstein,doc_id,sentence,source_text,"
              "target_text,sentence_text,event_name,title,url,explain\n", out);
    if (l.json) {
        fputs("{\"a\":", out);
        dyad_json_string(out, a);
        fputs(",\"b\":", out);
        if (b) dyad_json_string(out, b);
        else fputs("null", out);
        fputs(",\"events\":[", out);
    }
    if (ty_scan(s, ca, b ? cb : NULL, o, 1, on_event, &l, err) < 0) return -1;
    if (l.json) fputs("\n]}\n", out);
    *n = l.n;
    if (ferror(out)) return dyad_error_set(err, "writing the events failed");
    return 0;
}
