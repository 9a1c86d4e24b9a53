/* phrases.c -- discard and issue phrases found among a sentence's words.
 *
 * The caller hands the words over one at a time (word id, upper-case
 * spelling) through a walk (dict_walk), so it keeps its own filters of
 * where a phrase may start and builds no arrays. A discard phrase may end
 * in a stem that any word beginning with it matches ("TERRORIS": terrorism,
 * terrorists); a word's stems are found by hashing its prefixes, one probe
 * each, and the walk stops at the first prefix that begins no stem (a bit
 * set made once, with the stems' shortest and longest lengths, in the
 * dict_phrases handle). An issue phrase carries a code, or none for an
 * ignore phrase. */
#include "dictInt.h"

#include <stdlib.h>
#include <string.h>

#define STEM_PREFIX_BITS (1u << 16)

struct dict_phrases {
    const dyad_dict *d;
    int stem_min, stem_max; /* lengths of the discard stems */
    uint64_t *stem_prefix;  /* bit set: (node, prefix) of some discard stem */
};

static inline uint32_t stem_prefix_bit(uint64_t key) {
    return (uint32_t)(key * 0x9E3779B97F4A7C15ULL >> 48);
}

static const dstem *stem_rec(const dyad_dict *d, uint32_t si) { return (const dstem *)d->stems.v + si - 1; }

/* Every prefix of the stems hanging off discard trie node `node`, into the bit set. */
static void stem_prefixes(dict_phrases *pm, uint32_t node) {
    const dyad_dict *d = pm->d;
    for (uint32_t si = d->discard_trie.stem[node]; si; si = stem_rec(d, si)->next) {
        uint64_t h = HASH_FNV64_SEED;
        for (const char *p = dict_s(d, stem_rec(d, si)->str); *p; p++) {
            h = hash_fnv64_step(h, (unsigned char)*p);
            uint32_t b = stem_prefix_bit(stem_key(node, h ? h : 1));
            pm->stem_prefix[b >> 6] |= 1ULL << (b & 63);
        }
    }
}

dict_phrases *dict_phrases_new(const dyad_dict *d) {
    dict_phrases *pm = calloc(1, sizeof *pm);
    if (!pm) return NULL;
    pm->d = d;
    pm->stem_min = 1 << 30;
    for (uint32_t i = 0; i < d->stems.n; i++) {
        int n = (int)strlen(dict_s(d, ((const dstem *)d->stems.v)[i].str));
        if (n < pm->stem_min) pm->stem_min = n;
        if (n > pm->stem_max) pm->stem_max = n;
    }
    pm->stem_prefix = calloc(STEM_PREFIX_BITS / 64, sizeof *pm->stem_prefix);
    if (!pm->stem_prefix) {
        free(pm);
        return NULL;
    }
    for (uint32_t node = 0; node < d->discard_trie.nnodes; node++)
        if (d->discard_trie.stem[node]) stem_prefixes(pm, node);
    return pm;
}

void dict_phrases_free(dict_phrases *pm) {
    if (!pm) return;
    free(pm->stem_prefix);
    free(pm);
}

uint32_t dict_discard_stem(const dict_phrases *pm, uint32_t node, const char *w) {
    const dyad_dict *d = pm->d;
    if (!d->discard_trie.stem[node]) return 0;
    uint64_t h = HASH_FNV64_SEED;
    for (const char *p = w; *p && p - w < pm->stem_max; p++) {
        h = hash_fnv64_step(h, (unsigned char)*p);
        uint64_t key = stem_key(node, h ? h : 1);
        uint32_t b = stem_prefix_bit(key);
        if (!(pm->stem_prefix[b >> 6] >> (b & 63) & 1)) return 0; /* no stem begins so */
        if (p - w + 1 < pm->stem_min) continue;
        for (uint32_t si = dhash_get(&d->stem_index, key); si; si = stem_rec(d, si)->next) {
            const char *stem = dict_s(d, stem_rec(d, si)->str);
            size_t sl = strlen(stem);
            if (sl == (size_t)(p - w + 1) && !strncmp(w, stem, sl)) return stem_rec(d, si)->val;
        }
    }
    return 0;
}

int dict_discard_kind(const dict_phrases *pm, uint32_t rec) {
    return ((const ddiscard *)pm->d->discards.v + rec - 1)->story ? 2 : 1;
}

int dict_discard_step(const dict_phrases *pm, dict_walk *w, uint32_t id, const char *up, uint32_t stem0,
                      int may_go_on) {
    const dyad_dict *d = pm->d;
    const dtrie *tr = &d->discard_trie;
    /* stems hanging off this node match a word that begins with them */
    if (tr->stem[w->node]) {
        uint32_t val = w->node == 0 && id ? stem0 : dict_discard_stem(pm, w->node, up);
        if (val) {
            w->hit = dict_discard_kind(pm, val);
            return 0;
        }
    }
    if (!id || !may_go_on) return 0;
    uint32_t v = 0;
    w->node = dtrie_step(tr, w->node, id, &v);
    if (!w->node) return 0;
    if (v) w->hit = dict_discard_kind(pm, v);
    return w->hit != 2;
}

int dict_has_issues(const dyad_dict *d) { return d->issues.n > 0; }

int dict_issue_step(const dict_phrases *pm, dict_walk *w, uint32_t id, int may_go_on) {
    if (!id || !may_go_on) return 0;
    uint32_t v = 0;
    w->node = dtrie_step(&pm->d->issue_trie, w->node, id, &v);
    if (!w->node) return 0;
    if (v) w->hit = (int)v;
    return 1;
}

const char *dict_issue_code(const dyad_dict *d, uint32_t hit) {
    uint32_t code = ((const dissue *)d->issues.v)[hit - 1].code;
    return code ? dict_s(d, code) : NULL;
}
