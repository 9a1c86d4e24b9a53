/* phoenix.c -- events in the Phoenix data set's tab-separated layout, one
 * line per event, no header:
 *
 *   EventID Date Year Month Day SourceActorFull SourceActorEntity
 *   SourceActorRole SourceActorAttribute TargetActorFull TargetActorEntity
 *   TargetActorRole TargetActorAttribute EventCode EventRootCode PentaClass
 *   GoldsteinScore Issues Lat Lon LocationName StateName CountryCode
 *   SentenceID URLs NewsSources
 *
 * Actor codes are split as Phoenix does: entity = the first three letters,
 * role = the next three, attribute = the rest. PentaClass comes from the
 * root code (dyad_cameo_penta_class, src/cameo/class.c).
 * dyad does no geolocation: Lat, Lon, LocationName, StateName and
 * CountryCode are empty. Tabs and newlines inside fields become spaces. */
#include "dyad.h"
#include "date/date.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void field(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; i < n && s[i]; i++) {
        char c = s[i];
        putc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, out);
    }
}

static void actor(FILE *out, const char *code) {
    size_t n = strlen(code);
    fputc('\t', out);
    field(out, code, n);
    fputc('\t', out);
    field(out, code, n < 3 ? n : 3);
    fputc('\t', out);
    if (n > 3) field(out, code + 3, n - 3 < 3 ? n - 3 : 3);
    fputc('\t', out);
    if (n > 6) field(out, code + 6, n - 6);
}

int dyad_write_events_phoenix(FILE *out, const dyad_doc *doc, const dyad_result *res,
                              dyad_error *err) {
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        char d[9];
        date_put(e->date, d); /* the date the coder settled */
        const dyad_cameo *c = dyad_cameo_find(e->code);
        fprintf(out, "%s-%u-%zu\t%s\t%.4s\t%.2s\t%.2s", doc->id, e->sentence, i, d, d,
                *d ? d + 4 : "", *d ? d + 6 : "");
        actor(out, e->source);
        actor(out, e->target);
        fprintf(out, "\t%s\t%.2s\t%d\t", e->code, e->code, dyad_cameo_penta_class(e->code));
        if (c) fprintf(out, "%.1f", c->goldstein);
        fputc('\t', out);
        field(out, e->issues ? e->issues : "", (size_t)-1);
        fprintf(out, "\t\t\t\t\t\t%s_%u\t", doc->id, e->sentence);
        field(out, doc->url ? doc->url : "", (size_t)-1);
        fputc('\t', out);
        field(out, doc->source ? doc->source : "", (size_t)-1);
        fputc('\n', out);
    }
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
