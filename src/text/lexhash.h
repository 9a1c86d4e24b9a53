/* lexhash.h -- the hash function and record layout of the generated WordNet
 * lexicon, shared by the generator (src/text/gen/wordnet_gen.c) and the
 * tagger, so a table computed at build time can be probed at run time. */
#ifndef DYAD_TEXT_LEXHASH_H
#define DYAD_TEXT_LEXHASH_H
#include <stddef.h>
#include <stdint.h>

#include "util/hash.h"

/* A word's key: hash_key (FNV-1a 64, never 0) of its ASCII upper case,
 * which is the key the dictionaries give a token's upper case
 * (dict_word_key_str), so the tagger hashes a token once for both
 * (text_tag_sentence's text_key). */
static inline uint64_t lex_key(const char *s, size_t n) {
    uint64_t h = HASH_FNV64_SEED;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = hash_fnv64_step(h, (unsigned char)(c - (((unsigned char)(c - 'a') < 26) << 5)));
    }
    return h ? h : 1;
}

/* The tables' 32-bit hash of a lower-case word, from its key. */
static inline uint32_t lex_hash_of_key(uint64_t key) { return (uint32_t)(key ^ (key >> 32)); }
static inline uint32_t lex_hash(const char *s, size_t n) { return lex_hash_of_key(lex_key(s, n)); }

/* Which WordNet part of speech a count belongs to. */
enum { WN_NOUN, WN_VERB, WN_ADJ, WN_ADV };

/* Flags of a word form. */
enum {
    WN_PROPER = 1 << 0,  /* every noun sense is capitalized (Russia, Paris) */
    WN_CAPADJ = 1 << 1,  /* an adjective sense is capitalized (Russian) */
    WN_PLURAL = 1 << 2,  /* irregular noun plural (men, crises) */
    WN_PAST = 1 << 3,    /* irregular or doubled verb past form (went, stopped) */
    WN_GERUND = 1 << 4,  /* verb form in -ing from verb.exc (stopping) */
    WN_NAMECAP = 1 << 5, /* some noun sense is capitalized (China, Bush) */
    WN_COMPAR = 1 << 6,  /* comparative adjective (better, bigger) */
    WN_SUPERL = 1 << 7,  /* superlative adjective (best, biggest) */
};

/* One word form. cnt[p] is 0 when the word has no sense in part of speech p,
 * else 1 + the number of its senses found in WordNet's tagged corpus (capped),
 * a frequency hint for choosing between noun and verb readings. */
/* Regular inflections the generator derived from a lemma, indexed by: */
enum { WI_NNS, WI_VBZ, WI_VBD, WI_VBG, WI_JJR, WI_JJS, WI_COUNT };

#define LEX_WORD_MAX 19 /* longer words are left out of the table */

/* 32 bytes, aligned: one probe touches one slot and one cache line. */
typedef struct lex_entry {
    uint8_t cnt[4];         /* indexed by WN_NOUN.. */
    uint8_t infl[WI_COUNT]; /* like cnt, for the word as an inflected form of a
                               lemma: "leaders" NNS, "talks" NNS and VBZ */
    uint8_t flags;
    uint8_t len;
    char w[LEX_WORD_MAX + 1];
} __attribute__((aligned(32))) lex_entry;

/* The generated table (build/gen/wordnet_lex.c). slots[] holds entry index + 1
 * in its low LEX_INDEX_BITS and the top bits of the word's hash above them
 * (lex_slot), 0 for an empty slot; nslots is a power of two; linear probing.
 * The hash bits let a probe pass over other words' slots without reading
 * their entries, each a cache miss. */
#define LEX_INDEX_BITS 18
#define LEX_INDEX_MASK ((1u << LEX_INDEX_BITS) - 1)
static inline uint32_t lex_slot(uint32_t index1, uint32_t hash) {
    return index1 | (hash >> LEX_INDEX_BITS << LEX_INDEX_BITS);
}
static inline int lex_slot_may_be(uint32_t slot, uint32_t hash) {
    return (slot >> LEX_INDEX_BITS) == (hash >> LEX_INDEX_BITS);
}
extern const lex_entry dyad_wn_entries[];
extern const uint32_t dyad_wn_slots[];
extern const uint32_t dyad_wn_nslots;
extern const uint32_t dyad_wn_nentries;

#endif
