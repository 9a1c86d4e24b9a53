/* dict.h -- what the rest of dyad may ask of a loaded dictionary set.
 *
 * A dyad_dict is opaque outside src/dict/: its arrays, records and string
 * pool are laid out in dictInt.h, which only src/dict/ (and the tests of
 * its format) include, so a change to the compiled format touches no other
 * module. Others ask through the accessors below (lookup.c, verbs.c,
 * phrases.c) and walk the two index structures the coder probes inline on
 * every token: hash tables of 64-bit keys and phrase tries of word ids.
 * Verb patterns are handed out as views (dict_form, dict_pattern) whose
 * elements (delem) are the matcher's instructions. Once loaded, a
 * dyad_dict is immutable. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "dyad.h"
#include "util/bytes8.h"
#include "util/hash.h"

#include <stddef.h>
#include <stdint.h>

/* Open-addressing hash table: 64-bit keys (never 0) to 32-bit values. */
typedef struct dhslot {
    uint64_t key;
    uint32_t val;
    uint32_t aux; /* words: the word's pool offset; trie edges: the child's
                     val[] (dict_finish_tries): one cache miss less a step */
} dhslot;

typedef struct dhash {
    dhslot *slots;
    uint32_t cap; /* a power of two, or 0 */
    uint32_t n;
} dhash;

/* Where key's probe starts in a table of cap slots (linear probing). */
static inline uint32_t dhash_home(uint64_t key, uint32_t cap) {
    return (uint32_t)(key * 0x9E3779B97F4A7C15ULL >> 32) & (cap - 1);
}

/* The slot holding key, or NULL: every lookup goes through this one probe. */
static inline const dhslot *dhash_find(const dhash *h, uint64_t key) {
    if (!h->cap) return NULL;
    for (uint32_t j = dhash_home(key, h->cap); h->slots[j].key; j = (j + 1) & (h->cap - 1))
        if (h->slots[j].key == key) return &h->slots[j];
    return NULL;
}

/* A phrase trie. Node 0 is the root. val[node] is payload+1 (0: no phrase
 * ends here). stem[node] heads a list of prefix-matched last words
 * (discards only). */
typedef struct dtrie {
    dhash edges;    /* (parent << 32 | word) -> child */
    uint32_t *val;
    uint32_t *stem; /* node -> index+1 into d->stems, or 0 */
    uint32_t nnodes, cap;
} dtrie;

enum { PE_WORD = 1, PE_SYNSET, PE_TARGET, PE_SOURCE, PE_COMPOUND, PE_SKIP };
enum { PG_PLAIN = 0, PG_NOUN = 1, PG_PREP = 2 };

/* One element of a verb pattern. */
typedef struct delem {
    uint8_t kind;   /* PE_* */
    uint8_t side;   /* 0 before the verb, 1 after */
    uint8_t group;  /* PG_*: inside {...} or (...) */
    uint8_t gstart; /* first element of its group */
    uint32_t id;    /* word id or synset index */
} delem;

/* ---- index structures the coder probes inline (store.c builds them) */
int dhash_put(dhash *h, uint64_t key, uint32_t val); /* replaces */
static inline uint32_t dhash_get(const dhash *h, uint64_t key) { /* 0 if absent */
    const dhslot *e = dhash_find(h, key);
    return e ? e->val : 0;
}
static inline uint32_t dtrie_child(const dtrie *t, uint32_t node, uint32_t word) {
    uint32_t c = dhash_get(&t->edges, ((uint64_t)node << 32) | word);
    return c; /* 0: none (the root is never a child) */
}

/* One step down trie t: the child of node by word (0: none), and in *val
 * the child's payload, read from the edge itself (dict_finish_tries). */
static inline uint32_t dtrie_step(const dtrie *t, uint32_t node, uint32_t word, uint32_t *val) {
    const dhslot *e = dhash_find(&t->edges, ((uint64_t)node << 32) | word);
    if (!e) return 0;
    *val = e->aux;
    return e->val;
}

/* ---- words (store.c) */
uint32_t dict_word_find(const dyad_dict *d, const char *s, size_t n); /* 0 if unknown */
/* A sentence's words are looked up in two steps, so that their cache
 * misses overlap: the key of each word and a prefetch, then each find.
 * The steps a token takes are inline, on a view of the word index
 * (dict_words_of): they run once per token of every sentence, and a call
 * cost as much as the probe. */
typedef struct dict_words {
    const dhash *index;   /* key -> word id; a slot's aux: the word's pool offset */
    const char *pool;
    uint32_t pool_len;    /* the pool's bytes */
    const dyad_dict *d;
} dict_words;
dict_words dict_words_of(const dyad_dict *d);
/* The key of terminated word s, and its length into *n, in one pass. */
static inline uint64_t dict_word_key_str(const char *s, size_t *n) { return hash_key_str(s, n); }
static inline void dict_words_prefetch(const dict_words *w, uint64_t key) {
    if (w->index->cap) __builtin_prefetch(&w->index->slots[dhash_home(key, w->index->cap)]);
}
/* Is the pool string w the n bytes of s? (w is terminated; s need not be) */
static inline int dict_same_word(const char *w, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (w[i] != s[i]) return 0;
    return w[n] == 0;
}
/* The word whose salted key is its own, after its plain key was found
 * holding another word (a hash collision: store.c); 0 if none. */
uint32_t dict_word_find_salted(const dyad_dict *d, const char *s, size_t n);
/* The same for the pool word at offset off, 8 bytes at a time where its
 * n + 1 bytes lie inside the pool, even if the word is shorter (then
 * they run into the next words: a byte differs, or w[n] is not its end);
 * a byte loop's exit, at a length that changes from word to word, was a
 * mispredicted branch on nearly every token. */
static inline int dict_words_same(const dict_words *w, uint32_t off, const char *s, size_t n) {
    const char *p = w->pool + off;
    if (off + n < w->pool_len) return bytes8_same(p, s, n) && p[n] == 0;
    return dict_same_word(p, s, n);
}
static inline uint32_t dict_words_find_key(const dict_words *w, const char *s, size_t n, uint64_t key) {
    const dhslot *e = dhash_find(w->index, key);
    if (!e) return 0;
    return dict_words_same(w, e->aux, s, n) ? e->val : dict_word_find_salted(w->d, s, n);
}

/* ---- lookups used by the coder (lookup.c) */
/* The 256-bit bloom filter that sentences and patterns share: a pattern
 * whose required words are not all in a sentence's filter cannot match.
 * A word's bit, whether a bit is set, and adding a word: */
static inline uint32_t dict_bloom_bit(uint32_t id) { return (id * 2654435761u) >> 24; }
static inline int dict_bloom_has_bit(const uint64_t *b, uint32_t bit) {
    return (b[bit >> 6] >> (bit & 63)) & 1;
}
static inline void dict_bloom_add(uint64_t *b, uint32_t id) {
    uint32_t h = dict_bloom_bit(id);
    b[h >> 6] |= 1ULL << (h & 63);
}

const char *dict_actor_code(const dyad_dict *d, uint32_t actor, int32_t date, int *restr_used);
/* Does actor's code depend on the date (a dated restriction)? If not,
 * dict_actor_code gives the same code for every date. */
int dict_actor_dated(const dyad_dict *d, uint32_t actor);
/* The actor entry an actor phrase names (rec: its index), and the one a
 * single word names as a whole phrase, or -1. */
int64_t dict_phrase_actor(const dyad_dict *d, uint32_t rec);
/* Is actor phrase rec its entry's primary phrase (FRANCE_), not a synonym (+FRENCH_)? */
int dict_phrase_primary(const dyad_dict *d, uint32_t rec);
int64_t dict_word_actor(const dyad_dict *d, uint32_t word);
int dict_synset_matches(const dyad_dict *d, uint32_t synset, const uint32_t *words, size_t n,
                        size_t *len); /* longest member matching at words[0..] */
/* An agent's code (without '~'); *prefix 1 when it goes before the actor's
 * code (CODE~). rec: the agent's index, as the agent trie gives it. */
const char *dict_agent_code(const dyad_dict *d, uint32_t rec, int *prefix);

/* ---- the verb dictionary as the matcher reads it (verbs.c): views filled
 * from the arrays, holding pointers into the dictionary */
typedef struct dict_form {       /* one spelling of a verb */
    uint32_t index;              /* its form number (dict_form_origin) */
    uint32_t block;
    const char *lemma;           /* the verb's base phrase */
    const char *code, *code2;    /* its own codes, else its block's; NULL: none */
    const uint32_t *pre, *post;  /* word ids a multi-word form needs before and after its main word */
    uint32_t npre, npost;
    uint32_t first_pattern, npatterns; /* its block's patterns, most specific first */
} dict_form;
typedef struct dict_pattern {
    uint32_t index;              /* its pattern number */
    const uint64_t *need;        /* 4 words: bloom bits (dict_bloom_add) of the words it requires */
    const delem *el;             /* its elements, those before the verb (side 0) first */
    uint32_t nel;
    const char *code, *code2;    /* NULL: none */
} dict_pattern;
/* Fills *out with form `form` (a value of dict_verb_index less 1, or a
 * returned next form less 1); returns the next form of the same main word
 * + 1, or 0. */
uint32_t dict_form_get(const dyad_dict *d, uint32_t form, dict_form *out);
/* The same filling only index, pre, npre, post and npost (choosing a form). */
uint32_t dict_form_words(const dyad_dict *d, uint32_t form, dict_form *out);
const char *dict_form_block_name(const dyad_dict *d, uint32_t form);
uint32_t dict_npatterns(const dyad_dict *d);
void dict_pattern_get(const dyad_dict *d, uint32_t pattern, dict_pattern *out);
/* Does the pattern name a word or synset before the verb (side 0) or after it (1)? */
int dict_pattern_has_words(const dyad_dict *d, uint32_t pattern, int side);
/* The code a verb named by its spelling has by itself (its form's, else its block's), or NULL. */
const char *dict_verb_code(const dyad_dict *d, const char *word);
uint32_t dict_ntransforms(const dyad_dict *d);
const char *dict_transform_text(const dyad_dict *d, uint32_t i); /* "~ a (b . ATTACK) SAY = a b 112" */
/* --explain: "form LEMMA (file:line) in block NAME", a pattern's "file:line",
 * "transformation \"TEXT\" (file:line)" (into buf, n bytes; returns buf) */
const char *dict_form_origin(const dyad_dict *d, uint32_t form, char *buf, size_t n);
const char *dict_pattern_origin(const dyad_dict *d, uint32_t pattern, char *buf, size_t n);
const char *dict_transform_origin(const dyad_dict *d, uint32_t i, char *buf, size_t n);

/* ---- discard and issue phrases among a sentence's words (phrases.c)
 * A walk takes a sentence's words one at a time from where a phrase may
 * start: each step returns 1 to go on with the next word, 0 when the walk
 * is over; `hit` is then what it found (also when the words ran out). */
typedef struct dict_phrases dict_phrases; /* the stems' filters, made once */
dict_phrases *dict_phrases_new(const dyad_dict *d); /* NULL: out of memory */
void dict_phrases_free(dict_phrases *pm);
typedef struct dict_walk {
    uint32_t node; /* where in the phrase trie the walk is (0: its start) */
    int hit;       /* discards: 2 story, 1 sentence, 0 none; issues: the
                      issue + 1 of the longest phrase so far, or 0 */
} dict_walk;
/* The discard + 1 whose stem, hanging off discard trie node `node` (0: a
 * one-word stem), begins upper-case word w; 0 if none. */
uint32_t dict_discard_stem(const dict_phrases *pm, uint32_t node, const char *w);
int dict_discard_kind(const dict_phrases *pm, uint32_t rec); /* rec: discard + 1; 2 story, 1 sentence */
/* One word of a discard walk: id (0: unknown) and spelling; stem0 is
 * dict_discard_stem(pm, 0, up) for a known word (the caller may keep it
 * per word); may_go_on 0 stops the walk after this word's stems (the
 * caller knows the word goes on no phrase). A story discard ends the walk. */
int dict_discard_step(const dict_phrases *pm, dict_walk *w, uint32_t id, const char *up, uint32_t stem0,
                      int may_go_on);
int dict_has_issues(const dyad_dict *d);
/* One word of an issue walk (may_go_on as above, before the step). */
int dict_issue_step(const dict_phrases *pm, dict_walk *w, uint32_t id, int may_go_on);
/* An issue's code (hit: dict_walk.hit), or NULL for an ignore phrase. */
const char *dict_issue_code(const dyad_dict *d, uint32_t hit);

/* ---- what the coder walks when it is made (lookup.c): words, tries, the
 * verb index, synsets; all read-only */
typedef enum { DICT_ACTORS, DICT_AGENTS, DICT_DISCARDS, DICT_ISSUES } dict_trie_kind;
const dtrie *dict_trie(const dyad_dict *d, dict_trie_kind kind);
/* main verb word id -> its first form's index + 1 (match.c walks the forms) */
const dhash *dict_verb_index(const dyad_dict *d);
uint32_t dict_nwords(const dyad_dict *d); /* ids run from 1 to dict_nwords() - 1 */
const char *dict_word_text(const dyad_dict *d, uint32_t id);
uint32_t dict_nsynsets(const dyad_dict *d);
/* Calls fn(ctx, word id) with the first word of each member of synset,
 * following nested synsets down to max_depth levels. */
void dict_synset_first_words(const dyad_dict *d, uint32_t synset, int max_depth,
                             void (*fn)(void *ctx, uint32_t word), void *ctx);

/* ---- where records came from, for --explain (lookup.c): each writes into
 * buf (n bytes) and returns buf */
/* "agent NAME [CODE~] (file:line)" */
const char *dict_agent_origin(const dyad_dict *d, uint32_t rec, char *buf, size_t n);
/* "actor NAME (file:line)", and with restr >= 0 (the restriction
 * dict_actor_code used) " date restriction [CODE from-to] applies on DATE" */
const char *dict_phrase_origin(const dyad_dict *d, uint32_t rec, int restr, int32_t date, char *buf,
                               size_t n);

#endif
