/* wordnet_gen.c -- build-time generator of the tagger's WordNet lexicon.
 *
 * Reads Debian's WordNet database (package wordnet-base, /usr/share/wordnet:
 * index.{noun,verb,adj,adv}, data.{noun,adj} and the *.exc exception lists)
 * and writes a C file holding one 32-byte record per single-word form (the
 * lemmas, their regular inflections -- plurals, -s, -ed, -ing, -er, -est --
 * and the irregular forms of the exception lists) and a ready-made
 * open-addressing hash table (src/text/lexhash.h), so the tagger probes a
 * const table and loads nothing at run time. WordNet data is never
 * committed: the Makefile regenerates build/gen/wordnet_lex.c.
 *
 * usage: wordnet_gen WORDNET_DIR > wordnet_lex.c */
#include "text/lexhash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen_word {
    char *w;
    uint8_t cnt[4];
    uint8_t infl[WI_COUNT];
    uint8_t flags;
    int noun_cap, noun_low, adj_cap, adj_low;
} gen_word;

typedef struct gen_table {
    gen_word *v;
    size_t n, cap;
    uint32_t *slots; /* index + 1 */
    size_t nslots;
} gen_table;

static void die(const char *msg, const char *arg) {
    fprintf(stderr, "wordnet_gen: %s %s\n", msg, arg ? arg : "");
    exit(1);
}

static void grow_slots(gen_table *t);

static gen_word *find(gen_table *t, const char *w, int create) {
    if (t->nslots == 0 || (t->n + 1) * 2 > t->nslots) grow_slots(t);
    size_t len = strlen(w);
    uint32_t mask = (uint32_t)t->nslots - 1, i = lex_hash(w, len) & mask;
    while (t->slots[i]) {
        gen_word *g = &t->v[t->slots[i] - 1];
        if (strcmp(g->w, w) == 0) return g;
        i = (i + 1) & mask;
    }
    if (!create) return NULL;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 65536;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
        if (!t->v) die("out of memory", NULL);
    }
    gen_word *g = &t->v[t->n];
    memset(g, 0, sizeof *g);
    g->w = strdup(w);
    if (!g->w) die("out of memory", NULL);
    t->slots[i] = (uint32_t)++t->n;
    return g;
}

static void grow_slots(gen_table *t) {
    size_t n = t->nslots ? t->nslots * 2 : 1 << 17;
    free(t->slots);
    t->slots = calloc(n, sizeof *t->slots);
    if (!t->slots) die("out of memory", NULL);
    t->nslots = n;
    uint32_t mask = (uint32_t)n - 1;
    for (size_t k = 0; k < t->n; k++) {
        uint32_t i = lex_hash(t->v[k].w, strlen(t->v[k].w)) & mask;
        while (t->slots[i]) i = (i + 1) & mask;
        t->slots[i] = (uint32_t)k + 1;
    }
}

/* A single word of letters, digits, '-', '.', '\'': no multi-word lemmas. */
static int usable(const char *w) {
    if (!*w || strlen(w) > LEX_WORD_MAX) return 0;
    for (const char *p = w; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.' && *p != '\'') return 0;
    return 1;
}

static FILE *open_wn(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open", path);
    return f;
}

/* index.POS: "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets" */
static void read_index(gen_table *t, const char *dir, const char *name, int pos) {
    FILE *f = open_wn(dir, name);
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue; /* licence header */
        char *save = NULL, *lemma = strtok_r(line, " \n", &save);
        strtok_r(NULL, " \n", &save);                        /* pos */
        char *synsets = strtok_r(NULL, " \n", &save);
        char *pcnt = strtok_r(NULL, " \n", &save);
        if (!lemma || !synsets || !pcnt) continue;
        int np = atoi(pcnt);
        for (int i = 0; i < np; i++) strtok_r(NULL, " \n", &save);
        strtok_r(NULL, " \n", &save);                        /* sense_cnt */
        char *tagged = strtok_r(NULL, " \n", &save);
        if (!tagged || !usable(lemma)) continue;
        int c = 1 + atoi(tagged);
        gen_word *g = find(t, lemma, 1);
        g->cnt[pos] = (uint8_t)(c > 255 ? 255 : c);
    }
    fclose(f);
}

/* data.POS: records which lemmas are written capitalized in their synsets. */
static void read_data_case(gen_table *t, const char *dir, const char *name, int pos) {
    FILE *f = open_wn(dir, name);
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue;
        char *save = NULL;
        strtok_r(line, " \n", &save);          /* offset */
        strtok_r(NULL, " \n", &save);          /* lex_filenum */
        strtok_r(NULL, " \n", &save);          /* ss_type */
        char *wcnt = strtok_r(NULL, " \n", &save);
        if (!wcnt) continue;
        int nw = (int)strtol(wcnt, NULL, 16);
        for (int i = 0; i < nw; i++) {
            char *w = strtok_r(NULL, " \n", &save);
            strtok_r(NULL, " \n", &save);      /* lex_id */
            if (!w) break;
            char *paren = strchr(w, '(');      /* adjective markers: (a) (p) (ip) */
            if (paren) *paren = '\0';
            char low[256];
            size_t k = 0;
            for (; w[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)w[k]);
            low[k] = '\0';
            if (!usable(low)) continue;
            gen_word *g = find(t, low, 0);
            if (!g) continue;
            int cap = isupper((unsigned char)w[0]) != 0;
            if (pos == WN_NOUN) { if (cap) g->noun_cap++; else g->noun_low++; }
            else { if (cap) g->adj_cap++; else g->adj_low++; }
        }
    }
    fclose(f);
}

static int ends(const char *w, const char *suf) {
    size_t n = strlen(w), m = strlen(suf);
    return n >= m && strcmp(w + n - m, suf) == 0;
}

/* *.exc: "form lemma [lemma...]" */
static void read_exc(gen_table *t, const char *dir, const char *name, int pos) {
    FILE *f = open_wn(dir, name);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *save = NULL, *form = strtok_r(line, " \n", &save);
        char *lemma = strtok_r(NULL, " \n", &save);
        if (!form || !lemma || !usable(form) || strcmp(form, lemma) == 0) continue;
        gen_word *g = find(t, form, 1);
        if (pos == WN_NOUN) g->flags |= WN_PLURAL;
        else if (pos == WN_VERB) {
            if (ends(form, "ing")) g->flags |= WN_GERUND;
            else g->flags |= WN_PAST;
        } else if (pos == WN_ADJ) {
            if (ends(form, "st")) g->flags |= WN_SUPERL;
            else g->flags |= WN_COMPAR;
        }
    }
    fclose(f);
}

static int is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* Regular inflection of lemma w by kind (WI_NNS ... WI_JJS) into out. */
static void inflect(const char *w, int kind, char *out, size_t cap) {
    size_t n = strlen(w);
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 'a';
    int cons_y = last == 'y' && !is_vowel(prev);
    const char *suffix = "";
    size_t keep = n;
    switch (kind) {
    case WI_NNS: case WI_VBZ:
        if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh"))
            suffix = "es";
        else if (cons_y) { keep = n - 1; suffix = "ies"; }
        else suffix = "s";
        break;
    case WI_VBD:
        if (last == 'e') suffix = "d";
        else if (cons_y) { keep = n - 1; suffix = "ied"; }
        else suffix = "ed";
        break;
    case WI_VBG:
        if (ends(w, "ie")) { keep = n - 2; suffix = "ying"; }
        else if (last == 'e' && !ends(w, "ee") && !ends(w, "ye") && !ends(w, "oe") && n > 2)
            { keep = n - 1; suffix = "ing"; }
        else suffix = "ing";
        break;
    case WI_JJR: case WI_JJS:
        if (last == 'e') suffix = kind == WI_JJR ? "r" : "st";
        else if (cons_y) { keep = n - 1; suffix = kind == WI_JJR ? "ier" : "iest"; }
        else suffix = kind == WI_JJR ? "er" : "est";
        break;
    }
    snprintf(out, cap, "%.*s%s", (int)keep, w, suffix);
}

static void add_infl(gen_table *t, const char *lemma, int kind, int score) {
    char form[128];
    if (strlen(lemma) < 2 || strlen(lemma) > 60) return;
    inflect(lemma, kind, form, sizeof form);
    if (!usable(form)) return;
    gen_word *g = find(t, form, 1);
    if (score > 255) score = 255;
    if (score > g->infl[kind]) g->infl[kind] = (uint8_t)score;
}

/* Adds every regular inflection of every lemma (the table may grow). */
static void expand(gen_table *t) {
    size_t nlemmas = t->n;
    for (size_t i = 0; i < nlemmas; i++) {
        char lemma[128];
        snprintf(lemma, sizeof lemma, "%s", t->v[i].w);
        uint8_t cnt[4];
        memcpy(cnt, t->v[i].cnt, sizeof cnt);
        if (cnt[WN_NOUN]) add_infl(t, lemma, WI_NNS, cnt[WN_NOUN] + 4);
        size_t ln = strlen(lemma);
        if (cnt[WN_NOUN] && ln > 3 && strcmp(lemma + ln - 3, "man") == 0) {
            /* -man -> -men, as WordNet's own morphology does (women, chairmen) */
            char men[128];
            snprintf(men, sizeof men, "%.*smen", (int)(ln - 3), lemma);
            gen_word *g = find(t, men, 1);
            int score = cnt[WN_NOUN] + 4;
            if (score > g->infl[WI_NNS]) g->infl[WI_NNS] = (uint8_t)(score > 255 ? 255 : score);
        }
        if (cnt[WN_VERB]) {
            add_infl(t, lemma, WI_VBZ, cnt[WN_VERB] + 3);
            add_infl(t, lemma, WI_VBD, cnt[WN_VERB] + 1);
            add_infl(t, lemma, WI_VBG, cnt[WN_VERB] + 1);
        }
        if (cnt[WN_ADJ] && strlen(lemma) <= 7 && !strchr(lemma, '-')) {
            add_infl(t, lemma, WI_JJR, cnt[WN_ADJ]);
            add_infl(t, lemma, WI_JJS, cnt[WN_ADJ]);
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 2) die("usage: wordnet_gen WORDNET_DIR", NULL);
    const char *dir = argv[1];
    gen_table t = {0};
    read_index(&t, dir, "index.noun", WN_NOUN);
    read_index(&t, dir, "index.verb", WN_VERB);
    read_index(&t, dir, "index.adj", WN_ADJ);
    read_index(&t, dir, "index.adv", WN_ADV);
    read_data_case(&t, dir, "data.noun", WN_NOUN);
    read_data_case(&t, dir, "data.adj", WN_ADJ);
    expand(&t);
    read_exc(&t, dir, "noun.exc", WN_NOUN);
    read_exc(&t, dir, "verb.exc", WN_VERB);
    read_exc(&t, dir, "adj.exc", WN_ADJ);
    for (size_t i = 0; i < t.n; i++) {
        gen_word *g = &t.v[i];
        if (g->noun_cap && !g->noun_low) g->flags |= WN_PROPER;
        if (g->noun_cap) g->flags |= WN_NAMECAP;
        if (g->adj_cap && !g->adj_low) g->flags |= WN_CAPADJ;
    }
    printf("/* Generated by src/text/gen/wordnet_gen.c from WordNet 3.0 "
           "(Princeton University, WordNet licence). Do not edit or commit. */\n");
    printf("#include \"text/lexhash.h\"\n\nconst lex_entry dyad_wn_entries[] = {\n");
    for (size_t i = 0; i < t.n; i++) {
        gen_word *g = &t.v[i];
        /* usable() admits no '"' or '\\' */
        printf("{{%u,%u,%u,%u},{%u,%u,%u,%u,%u,%u},%u,%zu,\"%s\"},\n", g->cnt[0], g->cnt[1],
               g->cnt[2], g->cnt[3], g->infl[0], g->infl[1], g->infl[2], g->infl[3], g->infl[4],
               g->infl[5], g->flags, strlen(g->w), g->w);
    }
    if (t.n >= LEX_INDEX_MASK) die("too many words for the slots' index bits", NULL);
    printf("};\n\nconst uint32_t dyad_wn_slots[] = {\n");
    for (size_t i = 0; i < t.nslots; i++) {
        uint32_t k = t.slots[i];
        uint32_t slot = k ? lex_slot(k, lex_hash(t.v[k - 1].w, strlen(t.v[k - 1].w))) : 0;
        printf("%u,%s", slot, i % 16 == 15 ? "\n" : "");
    }
    printf("};\n\nconst uint32_t dyad_wn_nslots = %zu;\nconst uint32_t dyad_wn_nentries = %zu;\n",
           t.nslots, t.n);
    return 0;
}
