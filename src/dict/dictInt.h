/* dictInt.h -- the layout of a loaded dictionary set, private to src/dict/.
 *
 * Everything lives in flat arrays addressed by 32-bit indices (no pointers
 * between records), so that the whole set can be written to a file as is
 * and read back as is (compiled.c). Strings live in one pool; words
 * are interned to ids; phrases are tries whose edges are hash-table entries
 * keyed by (parent node, word id). Only src/dict/ includes this header
 * (scripts/nevers.sh), and the tests that check the compiled format. */
#ifndef DYAD_DICTINT_H
#define DYAD_DICTINT_H

#include "dict/dict.h"

#define DICT_NONE 0u /* "no string / no record": every index below is 1-based or offset > 0 */

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
uint32_t dict_word(dyad_dict *d, const char *s, size_t n); /* interns; id > 0 */
uint64_t dict_word_key(const char *s, size_t n);
static inline uint32_t dict_word_find_key(const dyad_dict *d, const char *s, size_t n, uint64_t key) {
    const dhslot *e = dhash_find(&d->words, key);
    if (!e) return 0;
    return dict_same_word(dict_s(d, e->aux), s, n) ? e->val : dict_word_find_salted(d, s, n);
}
int dtrie_init(dtrie *t);
/* Adds a phrase of word ids; returns the final node, or -1 on OOM. */
int64_t dtrie_add(dtrie *t, const uint32_t *words, size_t n);

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

/* Key of a discard stem hanging off trie node `node`, from the FNV hash of
 * its spelling (so that a token's prefixes can be hashed incrementally). */
static inline uint64_t stem_key(uint32_t node, uint64_t fnv) {
    return (fnv ^ ((uint64_t)node * 0x9E3779B97F4A7C15ULL)) | 1;
}

/* ---- lookup.c: "file:line", a record's dictionary file (base name) and
 * line, into buf (n bytes); returns buf (the origins dict.h hands out) */
const char *dict_where(const dyad_dict *d, uint32_t file, uint32_t line, char *buf, size_t n);

#endif
