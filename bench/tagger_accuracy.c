/* tagger_accuracy.c -- measures the tagger against the CoNLL-U parses of a
 * PETRARCH validation file: for each <Sentence>, dyad_analyze_sentence on
 * the <Text>, tokens aligned to the <Parse> tokens by their characters, then
 * the share of gold tokens whose XPOS (5th column) we match, and the most
 * frequent confusions. The parses are a yardstick only: nothing here feeds
 * back into the tagger.
 *
 * usage: tagger_accuracy FILE.xml [-v]     (-v prints every mismatch) */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct span { int start, end; char tag[8]; char form[64]; } span;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(s); return NULL; }
    fclose(f);
    s[n] = '\0';
    *len = (size_t)n;
    return s;
}

/* XML entities in place. */
static size_t unescape(char *s, size_t n) {
    static const struct { const char *e; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int hit = 0;
        for (size_t k = 0; k < 5 && s[i] == '&'; k++) {
            size_t m = strlen(ents[k].e);
            if (i + m <= n && memcmp(s + i, ents[k].e, m) == 0) { s[o++] = ents[k].c; i += m; hit = 1; break; }
        }
        if (!hit) s[o++] = s[i++];
    }
    s[o] = '\0';
    return o;
}

/* Appends a token's characters (quotes and brackets made canonical) to buf
 * and records its span. */
static void add_form(char *buf, int *blen, int cap, const char *form, const char *tag, span *sp) {
    const char *f = form;
    if (!strcmp(form, "``") || !strcmp(form, "''") || !strcmp(form, "\"") || !strcmp(form, "`") ||
        (!strcmp(form, "'") && strcmp(tag, "POS") != 0)) f = "Q";
    else if (!strcmp(form, "-LRB-") || !strcmp(form, "-LCB-") || !strcmp(form, "-LSB-")) f = "(";
    else if (!strcmp(form, "-RRB-") || !strcmp(form, "-RCB-") || !strcmp(form, "-RSB-")) f = ")";
    sp->start = *blen;
    for (; *f && *blen < cap - 1; f++) buf[(*blen)++] = *f;
    sp->end = *blen;
    buf[*blen] = '\0';
    snprintf(sp->tag, sizeof sp->tag, "%s", tag);
    snprintf(sp->form, sizeof sp->form, "%s", form);
}

typedef struct confusion { char gold[8], ours[8]; int n; } confusion;

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE.xml [-v]\n", argv[0]); return 2; }
    int verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
    size_t len;
    char *xml = slurp(argv[1], &len);
    if (!xml) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    dyad_error err;
    dyad_tagger *tg = dyad_tagger_new(&err);
    if (!tg) { fprintf(stderr, "%s\n", err.msg); return 1; }
    dyad_arena *a = dyad_arena_new(0);
    static confusion conf[4096];
    int nconf = 0, gold_total = 0, agree = 0, unaligned = 0, sentences = 0, diverged = 0;
    char *p = xml;
    static span gs[2048], os[2048];
    static char gbuf[65536], obuf[65536];
    for (;;) {
        char *t0 = strstr(p, "<Text>"), *t1 = t0 ? strstr(t0, "</Text>") : NULL;
        if (!t1) break;
        char *next_text = strstr(t1, "<Text>");
        char *p0 = strstr(t1, "<Parse>"), *p1 = p0 ? strstr(p0, "</Parse>") : NULL;
        p = t1 + 7;
        if (!p1 || (next_text && p0 > next_text)) continue;
        p = p1 + 8;
        char *text = t0 + 6;
        size_t tlen = unescape(text, (size_t)(t1 - text));
        *p1 = '\0';
        /* gold tokens */
        int ng = 0, glen = 0;
        gbuf[0] = '\0';
        for (char *line = p0 + 7; line && *line && ng < 2048;) {
            char *eol = strchr(line, '\n');
            if (eol) *eol = '\0';
            char *col[6] = {0};
            int k = 0;
            for (char *c = line; k < 6 && c;) { col[k++] = c; c = strchr(c, '\t'); if (c) *c++ = '\0'; }
            if (k >= 5 && col[0][0] >= '0' && col[0][0] <= '9' && !strchr(col[0], '-')) {
                unescape(col[1], strlen(col[1]));
                add_form(gbuf, &glen, sizeof gbuf, col[1], col[4], &gs[ng++]);
            }
            line = eol ? eol + 1 : NULL;
        }
        dyad_sentence s;
        dyad_arena_reset(a);
        if (dyad_analyze_sentence(tg, a, text, tlen, &s, &err)) { fprintf(stderr, "%s\n", err.msg); return 1; }
        int no = 0, olen = 0;
        obuf[0] = '\0';
        for (uint32_t i = 0; i < s.ntokens && no < 2048; i++)
            add_form(obuf, &olen, sizeof obuf, s.tokens[i].text, dyad_pos_name(s.tokens[i].pos), &os[no++]);
        sentences++;
        if (strcmp(gbuf, obuf) != 0) diverged++;
        for (int g = 0, o = 0; g < ng; g++) {
            gold_total++;
            while (o < no && os[o].start < gs[g].start) o++;
            if (o < no && os[o].start == gs[g].start && os[o].end == gs[g].end) {
                if (strcmp(os[o].tag, gs[g].tag) == 0) agree++;
                else {
                    int c;
                    for (c = 0; c < nconf; c++)
                        if (!strcmp(conf[c].gold, gs[g].tag) && !strcmp(conf[c].ours, os[o].tag)) break;
                    if (c == nconf && nconf < 4096) {
                        snprintf(conf[c].gold, 8, "%s", gs[g].tag);
                        snprintf(conf[c].ours, 8, "%s", os[o].tag);
                        nconf++;
                    }
                    if (c < nconf) conf[c].n++;
                    if (verbose) printf("  %-16s gold %-5s ours %-5s  (%s %s _%s_ %s %s)\n", gs[g].form, gs[g].tag, os[o].tag,
                                        g > 1 ? gs[g - 2].form : "", g > 0 ? gs[g - 1].form : "", gs[g].form,
                                        g + 1 < ng ? gs[g + 1].form : "", g + 2 < ng ? gs[g + 2].form : "");
                }
            } else {
                unaligned++;
                if (verbose) printf("  %-16s gold %-5s UNALIGNED\n", gs[g].form, gs[g].tag);
            }
        }
    }
    printf("sentences %d (tokenization differs in %d)\n", sentences, diverged);
    printf("gold tokens %d, aligned %d, agreement %.2f%% of gold tokens (%.2f%% of aligned)\n",
           gold_total, gold_total - unaligned, gold_total ? 100.0 * agree / gold_total : 0.0,
           gold_total - unaligned ? 100.0 * agree / (gold_total - unaligned) : 0.0);
    for (int k = 0; k < 25; k++) {
        int best = -1;
        for (int c = 0; c < nconf; c++) if (conf[c].n && (best < 0 || conf[c].n > conf[best].n)) best = c;
        if (best < 0) break;
        printf("  gold %-5s ours %-5s %d\n", conf[best].gold, conf[best].ours, conf[best].n);
        conf[best].n = 0;
    }
    dyad_arena_free(a);
    dyad_tagger_free(tg);
    free(xml);
    return 0;
}
