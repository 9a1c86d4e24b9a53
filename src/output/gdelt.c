/* gdelt.c -- events as a GDELT 2.0 style event table: tab-separated, the
 * 61 columns of GDELT's export format in its order, no header, one line
 * per event. The columns that apply to dyad are filled:
 *
 *   GlobalEventID (running number from *next_id), Day (YYYYMMDD: the
 *   date the coder settled for the event),
 *   MonthYear, Year, FractionDate (year + day of year / 365),
 *   Actor1Code, Actor1Name (the text the actor was coded from),
 *   Actor1CountryCode (the first three letters unless the code is an IGO,
 *   NGO, IMG or MNC one), Actor1KnownGroupCode (those: IGOUNO -> UNO),
 *   Actor1Type1..3Code (the three-letter roles after the country: GOV,
 *   MIL, ...), the same ten for Actor2, IsRootEvent (1 for events in the
 *   first two sentences: headline and lead), EventCode, EventBaseCode,
 *   EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources and
 *   NumArticles (1: one sentence of one article), DATEADDED (the document
 *   date, else the event's, at 000000) and SOURCEURL.
 *
 * Left empty: ethnic and religion codes, AvgTone, and all 24 geography
 * columns (dyad does no geolocation). */
#include "dyad.h"

#include <errno.h>
#include <string.h>
#include "date/date.h"

static void clean(FILE *out, const char *s) {
    for (; s && *s; s++) putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static int is_group(const char *code) {
    return !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
           !strncmp(code, "MNC", 3);
}

/* Actor{1,2}Code .. Actor{1,2}Type3Code: ten columns, each after a tab. */
static void actor(FILE *out, const char *code, const char *name) {
    size_t n = strlen(code);
    int group = is_group(code);
    fputc('\t', out);
    clean(out, code);
    fputc('\t', out);
    clean(out, name);
    fprintf(out, "\t%.3s", group || n < 3 ? "" : code);
    fprintf(out, "\t%.3s", group && n >= 6 ? code + 3 : "");
    fputs("\t\t\t", out); /* ethnic, religion 1, religion 2 */
    size_t at = group ? (n >= 6 ? 6 : n) : (n >= 3 ? 3 : n);
    for (int k = 0; k < 3; k++, at += 3) fprintf(out, "\t%.3s", at + 3 <= n ? code + at : "");
}

static int day_of_year(int y, int m, int d) { return (int)(date_days(y, m, d) - date_days(y, 1, 1)) + 1; }

int dyad_write_events_gdelt(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            uint64_t *next_id, dyad_error *err) {
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        const dyad_cameo *c = dyad_cameo_find(e->code);
        /* SQLDATE: the date the coder settled; DATEADDED: the document's */
        int y = e->date / 10000, m = e->date / 100 % 100, d = e->date % 100, dated = e->date > 0;
        char added[9];
        date_put(e->date, added);
        if (doc->date && strlen(doc->date) == 8) memcpy(added, doc->date, 9);
        fprintf(out, "%llu", (unsigned long long)(*next_id)++);
        if (dated)
            fprintf(out, "\t%08d\t%04d%02d\t%04d\t%.4f", (int)e->date, y, m, y,
                    y + (day_of_year(y, m, d) - 1) / 365.0);
        else
            fputs("\t\t\t\t", out);
        actor(out, e->source, e->source_text);
        actor(out, e->target, e->target_text);
        char base[4] = {0};
        memcpy(base, e->code, strlen(e->code) > 3 ? 3 : strlen(e->code));
        fprintf(out, "\t%d\t%s\t%s\t%.2s\t", e->sentence <= 1, e->code, base, e->code);
        if (c) fprintf(out, "%d\t%.1f", c->quad_class, c->goldstein);
        else fputc('\t', out);
        fputs("\t1\t1\t1\t", out); /* mentions, sources, articles; AvgTone empty */
        for (int k = 0; k < 24; k++) fputc('\t', out); /* three geographies of 8 */
        if (*added) fprintf(out, "\t%s000000\t", added);
        else fputs("\t\t", out);
        clean(out, doc->url);
        fputc('\n', out);
    }
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
