/* plover.c -- events as PLOVER/POLECAT-style JSON Lines, one object per
 * event (dyad code --output plover):
 *
 *   {"event_id":"DOC-SENT-I","story_id":DOC,"sentence":N,
 *    "event_date":"YYYY-MM-DD"|null,
 *    "event_type":"CONSULT"|null,"event_mode":"phone"|null,
 *    "event_context":["diplomatic",...],
 *    "source":{"text":..,"code":"RUSGOV","country":"RUS","sector":"GOV"},
 *    "target":{...},"cameo_code":"041","goldstein":1.0|null,
 *    "event_text":SENTENCE,"headline":TITLE|null,"url":URL|null}
 *
 * Type, mode and context come from the CAMEO->PLOVER table
 * (dyad_cameo_plover). CAMEO's statements (01) and appeals (02) have no
 * PLOVER type: they are written too, with a null type, so nothing coded
 * is lost; filter them out with the type. country and sector split the
 * actor code (dyad_actor_country, dyad_actor_sector). */
#include "output/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void str(FILE *out, const char *name, const char *value) {
    fprintf(out, ",\"%s\":", name);
    if (value && *value) dyad_json_string(out, value);
    else fputs("null", out);
}

static void actor(FILE *out, const char *name, const char *text, const char *code) {
    char country[8];
    dyad_actor_country(code ? code : "", country);
    fprintf(out, ",\"%s\":{\"text\":", name);
    dyad_json_string(out, text ? text : "");
    fputs(",\"code\":", out);
    dyad_json_string(out, code ? code : "");
    fputs(",\"country\":", out);
    dyad_json_string(out, country);
    fputs(",\"sector\":", out);
    dyad_json_string(out, dyad_actor_sector(code));
    fputc('}', out);
}

/* "military;legal" -> ["military","legal"] */
static void contexts(FILE *out, const char *ctx) {
    fputs(",\"event_context\":[", out);
    for (const char *p = ctx ? ctx : ""; *p;) {
        size_t n = strcspn(p, ";");
        if (p != ctx) fputc(',', out);
        out_json(out, p, n, 0);
        p += n + (p[n] == ';');
    }
    fputc(']', out);
}

/* The event id: DOC-SENTENCE-INDEX, as Phoenix's EventID. */
static int event_id(FILE *out, const char *doc_id, uint32_t sentence, size_t i) {
    size_t n = strlen(doc_id) + 48;
    char *id = malloc(n);
    if (!id) return -1;
    snprintf(id, n, "%s-%u-%zu", doc_id, sentence, i);
    dyad_json_string(out, id);
    free(id);
    return 0;
}

static int event(FILE *out, const dyad_doc *doc, const dyad_result *res, size_t i) {
    const dyad_event *e = &res->events[i];
    char date[11];
    date_put_iso(e->date, date); /* the date the coder settled */
    const dyad_plover *p = dyad_cameo_plover(e->code);
    const dyad_cameo *c = dyad_cameo_find(e->code);
    fputs("{\"event_id\":", out);
    if (event_id(out, doc->id, e->sentence, i) < 0) return -1;
    fputs(",\"story_id\":", out);
    dyad_json_string(out, doc->id);
    fprintf(out, ",\"sentence\":%u", e->sentence);
    str(out, "event_date", date);
    str(out, "event_type", p ? p->type : NULL);
    str(out, "event_mode", p ? p->mode : NULL);
    contexts(out, p ? p->context : NULL);
    actor(out, "source", e->source_text, e->source);
    actor(out, "target", e->target_text, e->target);
    str(out, "cameo_code", e->code);
    if (c) fprintf(out, ",\"goldstein\":%.1f", c->goldstein);
    else fputs(",\"goldstein\":null", out);
    fputs(",\"event_text\":", out);
    size_t start, n = out_sentence(doc, res, e, &start);
    out_json(out, doc->text ? doc->text + start : "", n, 1);
    str(out, "headline", doc->title);
    str(out, "url", doc->url);
    fputs("}\n", out);
    return 0;
}

int dyad_write_events_plover(FILE *out, const dyad_doc *doc, const dyad_result *res,
                             dyad_error *err) {
    for (size_t i = 0; i < res->nevents; i++)
        if (event(out, doc, res, i) < 0)
            return dyad_error_set(err, "writing events: out of memory");
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
