/* jsonl.c -- events as JSON Lines, one object per event.
 *
 * Fields: doc_id, sentence (0-based index), sentence_text, date
 * (YYYY-MM-DD), source, target, code, root_code, quad_class, goldstein,
 * event_name, source_text, target_text, verb, issues, and explain when
 * --explain asked for it. A code missing from the CAMEO table gets null
 * weights rather than invented ones. */
#include "dyad.h"

#include <errno.h>
#include <string.h>

void dyad_json_string(FILE *out, const char *s) {
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20) fprintf(out, "\\u%04x", *p);
            else putc(*p, out);
        }
    }
    putc('"', out);
}

static void json_text_span(FILE *out, const char *text, uint32_t a, uint32_t b) {
    char buf[4096];
    size_t n = b > a ? b - a : 0;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, text + a, n);
    buf[n] = 0;
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t') buf[i] = ' ';
    dyad_json_string(out, buf);
}

int dyad_write_events_jsonl(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            dyad_error *err) {
    char date[11] = "";
    if (doc->date && strlen(doc->date) == 8)
        snprintf(date, sizeof date, "%.4s-%.2s-%.2s", doc->date, doc->date + 4, doc->date + 6);
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        const dyad_cameo *c = dyad_cameo_find(e->code);
        char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
        fputs("{\"doc_id\":", out);
        dyad_json_string(out, doc->id);
        fprintf(out, ",\"sentence\":%u,\"sentence_text\":", e->sentence);
        if (e->sentence < res->nsentences)
            json_text_span(out, doc->text, res->sentences[e->sentence].start,
                           res->sentences[e->sentence].end);
        else
            fputs("\"\"", out);
        fputs(",\"date\":", out);
        date[0] ? dyad_json_string(out, date) : (void)fputs("null", out);
        fputs(",\"source\":", out);
        dyad_json_string(out, e->source);
        fputs(",\"target\":", out);
        dyad_json_string(out, e->target);
        fputs(",\"code\":", out);
        dyad_json_string(out, e->code);
        fputs(",\"root_code\":", out);
        dyad_json_string(out, root);
        if (c) {
            fprintf(out, ",\"quad_class\":%d,\"goldstein\":%.1f,\"event_name\":", c->quad_class,
                    c->goldstein);
            dyad_json_string(out, c->name);
        } else {
            fputs(",\"quad_class\":null,\"goldstein\":null,\"event_name\":null", out);
        }
        fputs(",\"source_text\":", out);
        dyad_json_string(out, e->source_text);
        fputs(",\"target_text\":", out);
        dyad_json_string(out, e->target_text);
        fputs(",\"verb\":", out);
        dyad_json_string(out, e->verb);
        fputs(",\"issues\":", out);
        dyad_json_string(out, e->issues);
        if (e->explain) {
            fputs(",\"explain\":", out);
            dyad_json_string(out, e->explain);
        }
        fputs("}\n", out);
    }
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
