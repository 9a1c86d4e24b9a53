/* verify.c -- checks a dictionary set read from a compiled file before the
 * coder may use it.
 *
 * The coder follows the set's indices without checking them (that is part
 * of what keeps it fast), so every index it may follow is checked here,
 * once, at load: string offsets against the pool (which must end in a NUL,
 * so that every offset inside it starts a terminated string), word ids
 * against the words, record indices and (first, count) ranges against
 * their arrays, trie nodes and payloads against the trie and its records,
 * and hash tables for a power-of-two size with a free slot (so that a probe
 * ends). The lists the coder walks (a verb's forms, a trie node's stems, a
 * synset's nested synsets) must point backwards, as the readers build them,
 * so that no walk can loop; synsets may nest at most DICT_SYNSET_DEPTH
 * deep. A tampered file that passes may code nonsense, but it cannot make
 * dyad read outside its arrays, loop or overflow its stack. */
#include "dictInt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct vctx {
    const dyad_dict *d;
    char *buf;
    size_t n;
    const char *why;
} vctx;

/* Records the first problem; returns 0 so that checks can be chained. */
static int bad(vctx *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(vctx *v, const char *fmt, ...) {
    if (v->why) return 0;
    int k = snprintf(v->buf, v->n, "damaged: ");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->buf + k, v->n - (size_t)k, fmt, ap);
    va_end(ap);
    v->why = v->buf;
    return 0;
}

static int str_ok(const vctx *v, uint32_t off) { return off < v->d->pool.n; }
static int range_ok(uint32_t first, uint32_t n, uint32_t total) {
    return (uint64_t)first + n <= total;
}
static int file_ok(const vctx *v, uint32_t file) { return file < v->d->files.n; }

/* A hash table: power-of-two size, a free slot, values below val_lim, and
 * (when aux_lim is not 0) aux fields below aux_lim. */
static int hash_ok(vctx *v, const dhash *h, const char *name, uint64_t val_lim, uint64_t aux_lim) {
    if (h->cap & (h->cap - 1)) return bad(v, "hash table %s: size %u is not a power of two", name, h->cap);
    int free_slot = 0;
    for (uint32_t i = 0; i < h->cap; i++) {
        const dhslot *s = &h->slots[i];
        if (!s->key) {
            free_slot = 1;
            continue;
        }
        if (s->val >= val_lim || (aux_lim && s->aux >= aux_lim))
            return bad(v, "hash table %s: slot %u points outside its records", name, i);
    }
    if (h->cap && !free_slot) return bad(v, "hash table %s: no free slot", name);
    return 1;
}

/* A trie whose payloads index `payloads` records (payload+1 in val[]). */
static int trie_ok(vctx *v, const dtrie *t, const char *name, uint32_t payloads) {
    if (!t->nnodes) return bad(v, "%s trie: no root", name);
    for (uint32_t i = 0; i < t->nnodes; i++)
        if (t->val[i] > payloads || t->stem[i] > v->d->stems.n)
            return bad(v, "%s trie: node %u points outside its records", name, i);
    return hash_ok(v, &t->edges, name, t->nnodes, (uint64_t)payloads + 1);
}

static int strings_ok(vctx *v) {
    const dyad_dict *d = v->d;
    if (!d->pool.n || ((const char *)d->pool.v)[d->pool.n - 1])
        return bad(v, "the string pool is not terminated");
    if (!d->word_str.n) return bad(v, "no word table");
    const uint32_t *ws = d->word_str.v;
    for (uint32_t i = 0; i < d->word_str.n; i++)
        if (!str_ok(v, ws[i])) return bad(v, "word %u: spelling outside the string pool", i);
    for (uint32_t i = 0; i < d->ids.n; i++)
        if (((const uint32_t *)d->ids.v)[i] >= d->word_str.n) return bad(v, "word sequence %u: unknown word", i);
    for (uint32_t i = 0; i < d->files.n; i++)
        if (!str_ok(v, ((const dfile *)d->files.v)[i].path)) return bad(v, "file %u: bad name", i);
    return hash_ok(v, &d->words, "words", d->word_str.n, d->pool.n);
}

static int actors_ok(vctx *v) {
    const dyad_dict *d = v->d;
    for (uint32_t i = 0; i < d->actors.n; i++) {
        const dactor *a = (const dactor *)d->actors.v + i;
        if (!str_ok(v, a->name) || !str_ok(v, a->code) || !file_ok(v, a->file) ||
            !range_ok(a->r_first, a->r_count, d->restrs.n))
            return bad(v, "actor %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->restrs.n; i++)
        if (!str_ok(v, ((const drestr *)d->restrs.v)[i].code)) return bad(v, "date restriction %u: bad code", i);
    for (uint32_t i = 0; i < d->phrases.n; i++) {
        const dphrase *p = (const dphrase *)d->phrases.v + i;
        if (p->actor >= d->actors.n || !file_ok(v, p->file)) return bad(v, "actor phrase %u: bad actor", i);
    }
    for (uint32_t i = 0; i < d->agents.n; i++) {
        const dagent *a = (const dagent *)d->agents.v + i;
        if (!str_ok(v, a->code) || !str_ok(v, a->name) || !file_ok(v, a->file))
            return bad(v, "agent %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->discards.n; i++) {
        const ddiscard *x = (const ddiscard *)d->discards.v + i;
        if (!str_ok(v, x->name) || !file_ok(v, x->file)) return bad(v, "discard %u: bad name", i);
    }
    for (uint32_t i = 0; i < d->stems.n; i++) {
        const dstem *s = (const dstem *)d->stems.v + i;
        if (!str_ok(v, s->str) || s->val > d->discards.n || s->next > i) /* next: an earlier stem */
            return bad(v, "discard stem %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->issues.n; i++) {
        const dissue *x = (const dissue *)d->issues.v + i;
        if (!str_ok(v, x->code) || !file_ok(v, x->file)) return bad(v, "issue %u: bad code", i);
    }
    return trie_ok(v, &d->actor_trie, "actor", d->phrases.n) &&
           trie_ok(v, &d->agent_trie, "agent", d->agents.n) &&
           trie_ok(v, &d->discard_trie, "discard", d->discards.n) &&
           trie_ok(v, &d->issue_trie, "issue", d->issues.n) &&
           hash_ok(v, &d->stem_index, "stems", (uint64_t)d->stems.n + 1, 0);
}

static int verbs_ok(vctx *v) {
    const dyad_dict *d = v->d;
    for (uint32_t i = 0; i < d->forms.n; i++) {
        const dverbform *f = (const dverbform *)d->forms.v + i;
        if (f->block >= d->blocks.n || !str_ok(v, f->lemma) || !str_ok(v, f->code) ||
            !str_ok(v, f->code2) || !range_ok(f->pre_first, f->pre_n, d->ids.n) ||
            !range_ok(f->post_first, f->post_n, d->ids.n) || f->next > i /* an earlier form */ ||
            !file_ok(v, f->file))
            return bad(v, "verb form %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->blocks.n; i++) {
        const dblock *b = (const dblock *)d->blocks.v + i;
        if (!str_ok(v, b->name) || !str_ok(v, b->code) || !str_ok(v, b->code2) ||
            !range_ok(b->pat_first, b->pat_n, d->patterns.n) || !file_ok(v, b->file))
            return bad(v, "verb block %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->patterns.n; i++) {
        const dpattern *p = (const dpattern *)d->patterns.v + i;
        if (!range_ok(p->el_first, p->el_n, d->elems.n) || !str_ok(v, p->code) ||
            !str_ok(v, p->code2) || !file_ok(v, p->file))
            return bad(v, "pattern %u points outside its records", i);
    }
    for (uint32_t i = 0; i < d->elems.n; i++) {
        const delem *e = (const delem *)d->elems.v + i;
        if ((e->kind == PE_WORD && e->id >= d->word_str.n) ||
            (e->kind == PE_SYNSET && e->id >= d->synsets.n))
            return bad(v, "pattern element %u: unknown word or synset", i);
    }
    for (uint32_t i = 0; i < d->transforms.n; i++) {
        const dtransform *t = (const dtransform *)d->transforms.v + i;
        if (!str_ok(v, t->text) || !file_ok(v, t->file)) return bad(v, "transformation %u: bad text", i);
    }
    return hash_ok(v, &d->verb_index, "verbs", (uint64_t)d->forms.n + 1, 0);
}

/* Members in range; a nested synset is an earlier one (so nesting cannot
 * loop) and nesting is at most DICT_SYNSET_DEPTH deep (so the coder's
 * recursion through it is bounded). */
static int synsets_ok(vctx *v) {
    const dyad_dict *d = v->d;
    for (uint32_t i = 0; i < d->synmems.n; i++) {
        const dsynmem *m = (const dsynmem *)d->synmems.v + i;
        if (!range_ok(m->id_first, m->id_n, d->ids.n) || m->synset > d->synsets.n)
            return bad(v, "synset member %u points outside its records", i);
    }
    uint8_t *depth = calloc((size_t)d->synsets.n + 1, 1);
    if (!depth) return bad(v, "out of memory");
    int ok = 1;
    for (uint32_t i = 0; ok && i < d->synsets.n; i++) {
        const dsynset *s = (const dsynset *)d->synsets.v + i;
        if (!str_ok(v, s->name) || !range_ok(s->mem_first, s->mem_n, d->synmems.n)) {
            ok = bad(v, "synset %u points outside its records", i);
            break;
        }
        for (uint32_t k = 0; k < s->mem_n; k++) {
            uint32_t nested = ((const dsynmem *)d->synmems.v)[s->mem_first + k].synset;
            if (!nested) continue;
            if (nested > i) { /* index+1 > i: itself or a later one */
                ok = bad(v, "synset %u nests synset %u, not an earlier one", i, nested - 1);
                break;
            }
            if (depth[nested - 1] + 1 > depth[i]) depth[i] = (uint8_t)(depth[nested - 1] + 1);
            if (depth[i] > DICT_SYNSET_DEPTH) {
                ok = bad(v, "synset %u nests more than %d deep", i, DICT_SYNSET_DEPTH);
                break;
            }
        }
    }
    free(depth);
    return ok && hash_ok(v, &d->synset_names, "synset names", (uint64_t)d->synsets.n + 1, 0) &&
           hash_ok(v, &d->synset_first, "synset starts", UINT64_MAX, 0);
}

const char *dict_verify(const dyad_dict *d, char *buf, size_t n) {
    vctx v = {d, buf, n, NULL};
    if (strings_ok(&v) && actors_ok(&v) && verbs_ok(&v)) synsets_ok(&v);
    return v.why;
}
