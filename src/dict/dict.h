/* dict.h -- internal layout of a loaded dictionary set.
 *
 * Everything lives in flat arrays addressed by 32-bit indices (no pointers
 * between records), so that the whole set can be written to a file as is
 * and read back as is (compiled.c). Strings live in one pool; words
 * are interned to ids; phrases are tries whose edges are hash-table entries
 * keyed by (parent node, word id). Once loaded, a dyad_dict is immutable. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "dyad.h"
#include "util/hash.h"

#include <stddef.h>
#include <stdint.h>

#define DICT_NONE 0u /* "no string / no record": every index below is 1-based or offset > 0 */

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

/* A prefix-matched last word of a discard phrase. */
typedef struct dstem {
    uint32_t str;  /* pool offset of the stem */
    uint32_t val;  /* payload+1 */
    uint32_t next; /* next stem of the same node, index+1 */
} dstem;

/* An actor's date restriction: code applies from..to inclusive (YYYYMMDD). */
typedef struct drestr {
    uint32_t code;
    int32_t from, to;
} drestr;

typedef struct dactor {
    uint32_t name;     /* pool: primary phrase as written */
    uint32_t code;     /* pool: default code, or 0 */
    uint32_t r_first, r_count;
    uint32_t file, line;
} dactor;

/* A phrase that names an actor (primary or synonym). */
typedef struct dphrase {
    uint32_t actor;
    uint32_t file, line;
} dphrase;

typedef struct dagent {
    uint32_t code;   /* pool: code without '~' */
    uint32_t prefix; /* 1: CODE~ (goes before the actor code) */
    uint32_t name;   /* pool: phrase as written */
    uint32_t file, line;
} dagent;

typedef struct ddiscard {
    uint32_t story; /* 1: discards the whole story */
    uint32_t name, file, line;
} ddiscard;

typedef struct dissue {
    uint32_t code;   /* pool, or 0 for an ignore phrase */
    uint32_t file, line;
} dissue;

/* Verbs. A form is one spelling of a verb ("SPOKE"), possibly with words
 * before/after it for multi-word verbs ("+BEEF_UP": post word UP). */
typedef struct dverbform {
    uint32_t block;    /* index into blocks */
    uint32_t lemma;    /* pool: the verb's base phrase */
    uint32_t code, code2; /* pool: own code (A of [A:B], B), or 0 to use the block's */
    uint32_t pre_first, pre_n, post_first, post_n; /* word ids in d->ids */
    uint32_t next;     /* next form with the same main word, index+1 */
    uint32_t file, line;
} dverbform;

typedef struct dblock {
    uint32_t name, code, code2;
    uint32_t pat_first, pat_n;
    uint32_t file, line;
} dblock;

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

typedef struct dpattern {
    uint64_t need[4];     /* bloom bits of the words the pattern requires */
    uint32_t el_first, el_n;
    uint32_t code, code2; /* pool: "A" of [A:B] and "B"; 0 when absent */
    uint32_t nwords;      /* specificity: words and synsets matched */
    uint32_t block;
    uint32_t file, line;
} dpattern;

typedef struct dsynset {
    uint32_t name;
    uint32_t mem_first, mem_n; /* into synmems */
    uint32_t depth;            /* how deep synsets nest in it: 0 for none */
} dsynset;
#define DICT_SYNSET_DEPTH 64 /* deeper nesting is refused (it bounds recursion) */

/* A synset member: a phrase of word ids (d->ids), or a nested synset. */
typedef struct dsynmem {
    uint32_t id_first, id_n;
    uint32_t synset; /* index+1 for a nested &SYN member, else 0 */
} dsynmem;

/* A transformation "~ a (b c VERB) VERB2 = x y CODE", kept as written. */
typedef struct dtransform {
    uint32_t text, file, line;
} dtransform;

typedef struct dfile {
    uint32_t path;
} dfile;

/* A growable array of fixed-size records (or mapped, when loaded compiled). */
typedef struct dvec {
    void *v;
    uint32_t n, cap;
} dvec;

struct dyad_dict {
    dvec pool;      /* char */
    dvec word_str;  /* uint32 pool offsets, id -> string; id 0 unused */
    dhash words;    /* fnv(string) -> id */
    dvec ids;       /* uint32 word-id sequences (multiword verbs, synsets) */
    dvec files;     /* dfile */

    dtrie actor_trie;  dvec actors, restrs, phrases;
    dtrie agent_trie;  dvec agents;
    dtrie discard_trie; dvec discards, stems;
    dtrie issue_trie;  dvec issues;

    dhash verb_index;  /* main word id -> first dverbform index+1 */
    dvec forms, blocks, patterns, elems, synsets, synmems, transforms;
    dhash synset_names; /* fnv(name) -> synset index+1 */
    dhash synset_first; /* (synset << 32 | first word id) -> 1: a member may start here */
    dhash stem_index;   /* stem_key(node, stem) -> dstem index+1, for prefix matching */

    dyad_dict_stats stats;

    /* compiled form: the file image that all arrays point into, or NULL;
     * its length, and whether it is mapped (else malloc'd) */
    void *image;
    size_t image_len;
    int image_mapped;
};

/* ---- store.c: pool, vectors, hash tables, words, tries */
int dvec_push(dvec *v, size_t elem, const void *rec); /* 0 / -1 on OOM */
void *dvec_at(const dvec *v, size_t elem, uint32_t i);
#define DV(d, field, type) ((type *)(d)->field.v)
uint32_t dict_str(dyad_dict *d, const char *s, size_t n); /* pool offset (> 0) */
static inline const char *dict_s(const dyad_dict *d, uint32_t off) {
    return (const char *)d->pool.v + off;
}
int dhash_put(dhash *h, uint64_t key, uint32_t val); /* replaces */
static inline uint32_t dhash_get(const dhash *h, uint64_t key) { /* 0 if absent */
    const dhslot *e = dhash_find(h, key);
    return e ? e->val : 0;
}
uint32_t dict_word(dyad_dict *d, const char *s, size_t n); /* interns; id > 0 */
uint32_t dict_word_find(const dyad_dict *d, const char *s, size_t n); /* 0 if unknown */
/* The same in two steps, so a sentence's lookups can overlap their cache
 * misses: dict_word_key() and prefetch every word, then find each one.
 * The steps a token takes are inline: they run once per token of every
 * sentence, and a call cost as much as the probe. */
uint64_t dict_word_key(const char *s, size_t n);
/* The key of terminated word s (dict_word_key's), and its length into *n,
 * in one pass. */
static inline uint64_t dict_word_key_str(const char *s, size_t *n) {
    uint64_t h = HASH_FNV64_SEED;
    const char *p = s;
    for (; *p; p++) h = hash_fnv64_step(h, (unsigned char)*p);
    *n = (size_t)(p - s);
    return h ? h : 1;
}
static inline void dict_word_prefetch(const dyad_dict *d, uint64_t key) {
    if (d->words.cap) __builtin_prefetch(&d->words.slots[dhash_home(key, d->words.cap)]);
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
static inline uint32_t dict_word_find_key(const dyad_dict *d, const char *s, size_t n, uint64_t key) {
    const dhslot *e = dhash_find(&d->words, key);
    if (!e) return 0;
    return dict_same_word(dict_s(d, e->aux), s, n) ? e->val : dict_word_find_salted(d, s, n);
}
int dtrie_init(dtrie *t);
/* Adds a phrase of word ids; returns the final node, or -1 on OOM. */
int64_t dtrie_add(dtrie *t, const uint32_t *words, size_t n);
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

/* Copies each trie node's payload onto the edge that leads to it; called
 * once the dictionary files are read (and kept in a compiled file). */
void dict_finish_tries(dyad_dict *d);
void dict_free_arrays(dyad_dict *d);

/* ---- compiled.c, verify.c: the compiled cache */
/* A compiled file begins with 8 bytes of magic, then the checksum of every
 * byte from DICT_CHECKED_FROM on (the file's size comes next). */
enum { DICT_CHECKSUM_AT = 8, DICT_CHECKED_FROM = 16 };
/* Unmaps or frees a compiled set's image. */
void dict_image_free(dyad_dict *d);
/* The checksum a compiled file carries (exposed for the tests, which
 * tamper with files and recompute it). */
uint64_t dict_checksum(const void *data, size_t n);
/* Checks every offset, index and count of a set read from a compiled file
 * against the arrays it points into, so that the coder never reads outside
 * them whatever the file held. NULL if sound, else what is wrong (in buf). */
const char *dict_verify(const dyad_dict *d, char *buf, size_t n);

/* ---- text helpers shared by the readers (parse.c) */
typedef struct dline {
    const char *path;
    uint32_t file; /* index into d->files */
    uint32_t no;   /* 1-based line number */
    dyad_problem_fn on_problem;
    void *ctx;
    dyad_dict *d;
} dline;

void dict_problem(dline *ln, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *dict_strip_comment(char *s);       /* cuts at '#', trims both ends */
void dict_upper(char *s);
/* Splits a phrase on blanks and underscores into interned word ids.
 * Returns the count (at most max), or -1 if empty/too long. */
int dict_phrase_ids(dyad_dict *d, const char *s, size_t n, uint32_t *out, int max);
/* Adds a phrase to trie t. Returns its node (> 0) when the phrase is new,
 * 0 when it was skipped (malformed: reported; a repeat: counted), -1 on OOM. */
int64_t dict_trie_phrase(dyad_dict *d, dline *ln, dtrie *t, const char *s, size_t n,
                         const char *what);
#define DICT_LINE_MAX 65536 /* longest dictionary line, '\n' not counted */
int dict_read_lines(const char *path, dyad_dict *d, dyad_problem_fn fn, void *ctx,
                    int (*each)(dline *ln, char *line, void *state), void *state,
                    dyad_error *err);
/* The same with a state of state_size bytes, zeroed, made for the file and
 * freed after it (a reader's state too large for the stack). */
int dict_read_lines_with(const char *path, dyad_dict *d, dyad_problem_fn fn, void *ctx,
                         int (*each)(dline *ln, char *line, void *state), size_t state_size,
                         dyad_error *err);
void dict_plurals(const char *word, char out[][128], int *n); /* regular noun plurals */

/* ---- one reader per dictionary kind */
int dict_read_actors(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx, dyad_error *err);
int dict_read_agents(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx, dyad_error *err);
int dict_read_discards(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx, dyad_error *err);
int dict_read_issues(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx, dyad_error *err);
int dict_read_verbs(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx, dyad_error *err);

/* ---- lookups used by the coder (lookup.c) */
/* The 256-bit bloom filter that sentences and patterns share: a pattern
 * whose required words are not all in a sentence's filter cannot match. */
static inline void dict_bloom_add(uint64_t *b, uint32_t id) {
    uint32_t h = (id * 2654435761u) >> 24;
    b[h >> 6] |= 1ULL << (h & 63);
}

/* Key of a discard stem hanging off trie node `node`, from the FNV hash of
 * its spelling (so that a token's prefixes can be hashed incrementally). */
static inline uint64_t stem_key(uint32_t node, uint64_t fnv) {
    return (fnv ^ ((uint64_t)node * 0x9E3779B97F4A7C15ULL)) | 1;
}

const char *dict_actor_code(const dyad_dict *d, uint32_t actor, int32_t date, int *restr_used);
/* The actor entry an actor phrase names (rec: its index), and the one a
 * single word names as a whole phrase, or -1. */
int64_t dict_phrase_actor(const dyad_dict *d, uint32_t rec);
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
/* The first form (+ 1) of the verb whose main word is `word`; 0 if none. */
uint32_t dict_verb_first_form(const dyad_dict *d, uint32_t word);
/* Fills *out with form `form` (first form - 1, ...); returns the next form
 * of the same main word + 1, or 0. */
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
/* "file:line": a record's dictionary file (base name) and line */
const char *dict_where(const dyad_dict *d, uint32_t file, uint32_t line, char *buf, size_t n);
/* "agent NAME [CODE~] (file:line)" */
const char *dict_agent_origin(const dyad_dict *d, uint32_t rec, char *buf, size_t n);
/* "actor NAME (file:line)", and with restr >= 0 (the restriction
 * dict_actor_code used) " date restriction [CODE from-to] applies on DATE" */
const char *dict_phrase_origin(const dyad_dict *d, uint32_t rec, int restr, int32_t date, char *buf,
                               size_t n);

#endif
