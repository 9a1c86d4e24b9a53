/* verbs.c -- the verb dictionary as the coder's matcher reads it: a verb's
 * forms (spellings, with the words a multi-word verb needs around its main
 * word), the block of patterns each form belongs to, the patterns'
 * elements, the verbs' own codes, and the transformations.
 *
 * Every answer is a view (dict_form, dict_pattern) filled from the flat
 * arrays, so the layout of those arrays stays in dict.h's private part.
 * The views hold pointers into the dictionary: they live as long as it. */
#include "dictInt.h"

#include <ctype.h>
#include <stdio.h>

static const dverbform *form_rec(const dyad_dict *d, uint32_t form) {
    return (const dverbform *)d->forms.v + form;
}
static const dblock *block_rec(const dyad_dict *d, uint32_t block) {
    return (const dblock *)d->blocks.v + block;
}
static const char *opt_s(const dyad_dict *d, uint32_t off) { return off ? dict_s(d, off) : NULL; }

/* The first form (+ 1) of the verb whose main word is `word`; 0 if none. */
static uint32_t verb_first_form(const dyad_dict *d, uint32_t word) {
    return word ? dhash_get(&d->verb_index, word) : 0;
}

uint32_t dict_form_words(const dyad_dict *d, uint32_t form, dict_form *out) {
    const dverbform *f = form_rec(d, form);
    const uint32_t *ids = d->ids.v;
    out->index = form;
    out->pre = ids + f->pre_first;
    out->npre = f->pre_n;
    out->post = ids + f->post_first;
    out->npost = f->post_n;
    return f->next;
}

uint32_t dict_form_get(const dyad_dict *d, uint32_t form, dict_form *out) {
    const dverbform *f = form_rec(d, form);
    const dblock *b = block_rec(d, f->block);
    dict_form_words(d, form, out);
    out->block = f->block;
    out->lemma = dict_s(d, f->lemma);
    /* a form with a code of its own keeps both of its codes; else the block's */
    int own = f->code || f->code2;
    out->code = opt_s(d, own ? f->code : b->code);
    out->code2 = opt_s(d, own ? f->code2 : b->code2);
    out->first_pattern = b->pat_first;
    out->npatterns = b->pat_n;
    return f->next;
}

const char *dict_form_block_name(const dyad_dict *d, uint32_t form) {
    return dict_s(d, block_rec(d, form_rec(d, form)->block)->name);
}

uint32_t dict_npatterns(const dyad_dict *d) { return d->patterns.n; }

void dict_pattern_get(const dyad_dict *d, uint32_t pattern, dict_pattern *out) {
    const dpattern *p = (const dpattern *)d->patterns.v + pattern;
    out->index = pattern;
    out->need = p->need;
    out->el = (const delem *)d->elems.v + p->el_first;
    out->nel = p->el_n;
    out->code = opt_s(d, p->code);
    out->code2 = opt_s(d, p->code2);
}

int dict_pattern_has_words(const dyad_dict *d, uint32_t pattern, int side) {
    const dpattern *p = (const dpattern *)d->patterns.v + pattern;
    const delem *e = (const delem *)d->elems.v + p->el_first;
    for (uint32_t i = 0; i < p->el_n; i++)
        if (e[i].side == side && (e[i].kind == PE_WORD || e[i].kind == PE_SYNSET)) return 1;
    return 0;
}

const char *dict_verb_code(const dyad_dict *d, const char *word) {
    char up[64];
    size_t n = 0;
    for (; word[n] && n < sizeof up - 1; n++) up[n] = (char)toupper((unsigned char)word[n]);
    up[n] = 0;
    uint32_t fi = verb_first_form(d, dict_word_find(d, up, n));
    if (!fi) return NULL;
    const dverbform *f = form_rec(d, fi - 1);
    return opt_s(d, f->code ? f->code : block_rec(d, f->block)->code);
}

uint32_t dict_ntransforms(const dyad_dict *d) { return d->transforms.n; }

const char *dict_transform_text(const dyad_dict *d, uint32_t i) {
    return dict_s(d, ((const dtransform *)d->transforms.v + i)->text);
}

const char *dict_form_origin(const dyad_dict *d, uint32_t form, char *buf, size_t n) {
    const dverbform *f = form_rec(d, form);
    char at[300];
    snprintf(buf, n, "form %s (%s) in block %s", dict_s(d, f->lemma),
             dict_where(d, f->file, f->line, at, sizeof at), dict_s(d, block_rec(d, f->block)->name));
    return buf;
}

const char *dict_pattern_origin(const dyad_dict *d, uint32_t pattern, char *buf, size_t n) {
    const dpattern *p = (const dpattern *)d->patterns.v + pattern;
    return dict_where(d, p->file, p->line, buf, n);
}

const char *dict_transform_origin(const dyad_dict *d, uint32_t i, char *buf, size_t n) {
    const dtransform *t = (const dtransform *)d->transforms.v + i;
    char at[300];
    snprintf(buf, n, "transformation \"%s\" (%s)", dict_s(d, t->text),
             dict_where(d, t->file, t->line, at, sizeof at));
    return buf;
}
