/* transform.c -- PETRARCH transformations: what a verb means when it acts
 * on the event of another verb.
 *
 *   ~ a (b . ATTACK) SAY = a b 112     "A says B attacked" -> A accuses B
 *   ~ a (a b ATTACK) SAY = a b 015     "A says A attacked B" -> A claims it
 *   ~ a (a b Q) SAY = a b Q            "A says A will do Q to B" -> A does Q
 *
 * Letters are actors bound by position: the outer verb's source, the inner
 * event's source and target; "." is any actor or none, "_" none at all. The
 * verbs are matched by their codes (the named verb's own code, so synonyms
 * match too: ANNOUNCE and STATE share SAY's 010), "Q" is any inner code; an
 * outer verb whose own code is null ("---") only by its lemma or block name.
 * Lines are parsed when the coder is made; a line that does not parse is
 * left out (the loader already checked its shape). */
#include "coder.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Splits "~ a (b . ATTACK) SAY = a b 112" into its eight fields. */
static int parse(const char *text, char f[8][64]) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", text);
    int n = 0;
    for (char *tok = strtok(buf, " \t~()="); tok; tok = strtok(NULL, " \t~()=")) {
        if (n == 8) return -1;
        snprintf(f[n++], 64, "%s", tok);
    }
    return n == 8 ? 0 : -1;
}

int coder_transforms_init(dyad_coder *c) {
    const dyad_dict *d = c->dict;
    c->xforms = calloc(dict_ntransforms(d) + 1, sizeof *c->xforms);
    if (!c->xforms) return -1;
    for (uint32_t i = 0; i < dict_ntransforms(d); i++) {
        char f[8][64];
        if (parse(dict_transform_text(d, i), f) < 0) continue;
        xform *x = &c->xforms[c->nxforms];
        x->osrc = f[0][0], x->isrc = f[1][0], x->itgt = f[2][0];
        x->rsrc = f[5][0], x->rtgt = f[6][0];
        x->icode = strcmp(f[3], "Q") ? dict_verb_code(d, f[3]) : NULL;
        if (strcmp(f[3], "Q") && !x->icode) continue; /* an inner verb the dictionary lacks */
        x->ocode = dict_verb_code(d, f[4]);
        if (x->ocode && (!strcmp(x->ocode, "---") || !x->ocode[0])) x->ocode = NULL;
        snprintf(x->overb, sizeof x->overb, "%s", f[4]);
        for (char *p = x->overb; *p; p++) *p = (char)toupper((unsigned char)*p);
        snprintf(x->rcode, sizeof x->rcode, "%s", strcmp(f[7], "Q") ? f[7] : "");
        x->rec = i;
        c->nxforms++;
    }
    return 0;
}

/* Binds variable v to unit u: 1 if consistent with what is bound. */
static int bind(char v, int u, int *vars) {
    if (v == '.') return 1;
    if (v == '_') return u < 0;
    if (u < 0 || !islower((unsigned char)v)) return 0;
    int *slot = &vars[v - 'a'];
    if (*slot == -1) {
        *slot = u;
        return 1;
    }
    return *slot == u;
}

static int same_actor(const csent *s, int u, int w) {
    return u >= 0 && w >= 0 && s->units[u].ncodes && s->units[w].ncodes &&
           !strcmp(s->units[u].codes[0], s->units[w].codes[0]);
}

/* Whether x's outer verb is the matched verb: by lemma, block name or code
 * (the first letters compared before the strings, as most verbs are not) */
static int outer_is(const xform *x, const char *lemma, const char *block, const char *code) {
    if (x->overb[0] == lemma[0] && !strcmp(x->overb, lemma)) return 1;
    if (x->overb[0] == block[0] && !strcmp(x->overb, block)) return 1;
    return x->ocode && code && x->ocode[0] == code[0] && !strcmp(x->ocode, code);
}

int coder_transform_outer(const dyad_coder *c, const vmatch *outer) {
    const char *block = dict_form_block_name(c->dict, outer->form);
    for (int i = 0; i < c->nxforms; i++)
        if (outer_is(&c->xforms[i], outer->lemma, block, outer->code)) return 1;
    return 0;
}

const xform *coder_transform(const csent *s, const vmatch *outer, int osrc, int isrc, int itgt,
                             const char *icode, int *rsrc, int *rtgt) {
    const dyad_coder *c = s->c;
    const char *lemma = outer->lemma;
    const char *block = dict_form_block_name(c->dict, outer->form);
    for (int i = 0; i < c->nxforms; i++) {
        const xform *x = &c->xforms[i];
        if (!outer_is(x, lemma, block, outer->code)) continue;
        if (x->icode && strcmp(x->icode, icode)) continue;
        int vars[26];
        for (int k = 0; k < 26; k++) vars[k] = -1;
        /* the same actor named twice is one binding: "A says A attacked" */
        int is = same_actor(s, isrc, osrc) ? osrc : isrc;
        int it = same_actor(s, itgt, osrc) ? osrc : itgt;
        if (!bind(x->osrc, osrc, vars) || !bind(x->isrc, is, vars) || !bind(x->itgt, it, vars)) continue;
        /* different letters are different actors */
        int clash = 0;
        for (int a = 0; a < 26; a++)
            for (int b = a + 1; b < 26; b++) clash |= vars[a] >= 0 && vars[a] == vars[b];
        if (clash) continue;
        *rsrc = islower((unsigned char)x->rsrc) ? vars[x->rsrc - 'a'] : -1;
        *rtgt = islower((unsigned char)x->rtgt) ? vars[x->rtgt - 'a'] : -1;
        if (*rsrc < 0) continue;
        return x;
    }
    return NULL;
}
