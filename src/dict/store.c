/* store.c -- the flat storage under every dictionary: a string pool,
 * growable record arrays, an open-addressing hash table, interned words
 * and phrase tries keyed by (node, word id).
 *
 * Tries use a hash table of edges instead of child lists so that a lookup
 * step is one probe whatever the fan-out (the actor trie's root has tens of
 * thousands of children). */
#include "dictInt.h"

#include <stdlib.h>
#include <string.h>

int dvec_push(dvec *v, size_t elem, const void *rec) {
    if (v->n == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 64;
        void *p = realloc(v->v, (size_t)cap * elem);
        if (!p) return -1;
        v->v = p;
        v->cap = cap;
    }
    memcpy((char *)v->v + (size_t)v->n * elem, rec, elem);
    v->n++;
    return 0;
}

void *dvec_at(const dvec *v, size_t elem, uint32_t i) {
    return (char *)v->v + (size_t)i * elem;
}

uint32_t dict_str(dyad_dict *d, const char *s, size_t n) {
    if (d->pool.n == 0) { /* offset 0 means "none": keep it an empty string */
        char z = 0;
        if (dvec_push(&d->pool, 1, &z) < 0) return 0;
    }
    while (d->pool.cap - d->pool.n < n + 1) {
        uint32_t cap = d->pool.cap ? d->pool.cap * 2 : 4096;
        void *p = realloc(d->pool.v, cap);
        if (!p) return 0;
        d->pool.v = p;
        d->pool.cap = cap;
    }
    uint32_t off = d->pool.n;
    memcpy((char *)d->pool.v + off, s, n);
    ((char *)d->pool.v)[off + n] = 0;
    d->pool.n += (uint32_t)n + 1;
    return off;
}

static int dhash_grow(dhash *h) {
    uint32_t cap = h->cap ? h->cap * 2 : 1024;
    dhslot *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (uint32_t i = 0; i < h->cap; i++) {
        if (!h->slots[i].key) continue;
        uint32_t j = dhash_home(h->slots[i].key, cap);
        while (slots[j].key) j = (j + 1) & (cap - 1);
        slots[j] = h->slots[i];
    }
    free(h->slots);
    h->slots = slots;
    h->cap = cap;
    return 0;
}

int dhash_put(dhash *h, uint64_t key, uint32_t val) {
    if ((h->n + 1) * 4 >= h->cap * 3 && dhash_grow(h) < 0) return -1;
    uint32_t j = dhash_home(key, h->cap);
    while (h->slots[j].key && h->slots[j].key != key) j = (j + 1) & (h->cap - 1);
    if (!h->slots[j].key) h->n++;
    h->slots[j].key = key;
    h->slots[j].val = val;
    return 0;
}

/* Words are keyed by a 64-bit hash of their spelling; the string is kept
 * and compared so that a hash collision can never merge two words: the
 * colliding word is re-hashed with a salt until its key is free or its own. */
static uint64_t word_key(const char *s, size_t n, unsigned salt) {
    uint64_t h = hash_key(s, n);
    return salt ? (h ^ (0x51ED270B27A4BB4DULL * salt)) | 1 : h;
}

static int word_is(const dyad_dict *d, uint32_t id, const char *s, size_t n) {
    return dict_same_word(dict_s(d, ((const uint32_t *)d->word_str.v)[id]), s, n);
}

uint64_t dict_word_key(const char *s, size_t n) { return word_key(s, n, 0); }

/* A probe that also checks the spelling, from the pool offset kept in the
 * slot: the slot and the string are the only memory touched. */
static uint32_t find_checked(const dyad_dict *d, const char *s, size_t n, uint64_t key) {
    const dhslot *e = dhash_find(&d->words, key);
    if (!e) return 0;
    return dict_same_word(dict_s(d, e->aux), s, n) ? e->val : UINT32_MAX;
}

uint32_t dict_word_find_salted(const dyad_dict *d, const char *s, size_t n) {
    uint32_t id = UINT32_MAX;
    for (unsigned salt = 1; id == UINT32_MAX && salt < 8; salt++)
        id = find_checked(d, s, n, word_key(s, n, salt));
    return id == UINT32_MAX ? 0 : id;
}

uint32_t dict_word_find(const dyad_dict *d, const char *s, size_t n) {
    return dict_word_find_key(d, s, n, word_key(s, n, 0));
}

uint32_t dict_word(dyad_dict *d, const char *s, size_t n) {
    if (d->word_str.n == 0) { /* id 0 is "unknown" */
        uint32_t z = 0;
        if (dvec_push(&d->word_str, sizeof z, &z) < 0) return 0;
    }
    for (unsigned salt = 0; salt < 8; salt++) {
        uint64_t key = word_key(s, n, salt);
        uint32_t id = dhash_get(&d->words, key);
        if (id && word_is(d, id, s, n)) return id;
        if (id) continue;
        uint32_t off = dict_str(d, s, n);
        uint32_t nid = d->word_str.n;
        if (!off || dvec_push(&d->word_str, sizeof off, &off) < 0) return 0;
        if (dhash_put(&d->words, key, nid) < 0) return 0;
        ((dhslot *)dhash_find(&d->words, key))->aux = off; /* the slot just filled */
        return nid;
    }
    return 0;
}

static void finish_trie(dtrie *t) {
    for (uint32_t i = 0; i < t->edges.cap; i++)
        if (t->edges.slots[i].key) t->edges.slots[i].aux = t->val[t->edges.slots[i].val];
}

void dict_finish_tries(dyad_dict *d) {
    finish_trie(&d->actor_trie);
    finish_trie(&d->agent_trie);
    finish_trie(&d->discard_trie);
    finish_trie(&d->issue_trie);
}

int dtrie_init(dtrie *t) {
    t->cap = 1024;
    t->val = calloc(t->cap, sizeof *t->val);
    t->stem = calloc(t->cap, sizeof *t->stem);
    t->nnodes = 1;
    return t->val && t->stem ? 0 : -1;
}

static int64_t dtrie_new_node(dtrie *t) {
    if (t->nnodes == t->cap) {
        uint32_t cap = t->cap * 2;
        uint32_t *v = realloc(t->val, cap * sizeof *v);
        if (!v) return -1;
        t->val = v;
        uint32_t *s = realloc(t->stem, cap * sizeof *s);
        if (!s) return -1;
        t->stem = s;
        memset(t->val + t->cap, 0, (cap - t->cap) * sizeof *v);
        memset(t->stem + t->cap, 0, (cap - t->cap) * sizeof *s);
        t->cap = cap;
    }
    return t->nnodes++;
}

int64_t dtrie_add(dtrie *t, const uint32_t *words, size_t n) {
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = dtrie_child(t, node, words[i]);
        if (!c) {
            int64_t nn = dtrie_new_node(t);
            if (nn < 0) return -1;
            c = (uint32_t)nn;
            if (dhash_put(&t->edges, ((uint64_t)node << 32) | words[i], c) < 0) return -1;
        }
        node = c;
    }
    return node;
}

static void dtrie_free(dtrie *t) {
    free(t->edges.slots);
    free(t->val);
    free(t->stem);
}

void dict_free_arrays(dyad_dict *d) {
    dvec *vecs[] = {&d->pool, &d->word_str, &d->ids, &d->files, &d->actors, &d->restrs,
                    &d->phrases, &d->agents, &d->discards, &d->stems, &d->issues,
                    &d->forms, &d->blocks, &d->patterns, &d->elems, &d->synsets,
                    &d->synmems, &d->transforms};
    for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++) free(vecs[i]->v);
    free(d->words.slots);
    free(d->verb_index.slots);
    free(d->synset_names.slots);
    free(d->synset_first.slots);
    free(d->stem_index.slots);
    dtrie_free(&d->actor_trie);
    dtrie_free(&d->agent_trie);
    dtrie_free(&d->discard_trie);
    dtrie_free(&d->issue_trie);
}

void dyad_dict_free(dyad_dict *d) {
    if (!d) return;
    if (d->image) dict_image_free(d);
    else dict_free_arrays(d);
    free(d);
}
