/* lexicon.h -- what the tagger knows about a word before looking at its
 * neighbours: the set of tags it can take and the likeliest one. */
#ifndef DYAD_TEXT_LEXICON_H
#define DYAD_TEXT_LEXICON_H
#include "text/text.h"
#include "text/lexhash.h"

#define TAGBIT(p) ((uint64_t)1 << (p))

typedef struct word_info {
    uint64_t tags;  /* TAGBIT(dyad_pos) of every possible tag */
    uint8_t best;   /* the likeliest tag out of context */
    uint8_t wn;     /* WN_PROPER, WN_CAPADJ from WordNet */
    uint8_t closed; /* from the closed-class list: no other reading */
    uint8_t known;  /* found in some list, directly or by its stem */
} word_info;

/* Hand-written lists (closed.c). */
extern const char *const text_closed_words[];
extern const char *const text_irregular_verbs[];

/* A hand-list entry in the tagger's own hash table. */
typedef struct hand_entry {
    char word[24];
    uint64_t tags;
    uint8_t best;
    uint8_t closed;
} hand_entry;

#define RULE_SLOTS 512 /* a power of two */

struct dyad_tagger {
    hand_entry *hand;
    uint16_t *hand_tag;   /* per slot: hand_tag_of() the word's hash, 0 if empty;
                             8 KB that stay in cache, so a word not in the
                             lists is told so without reading an entry */
    uint32_t nhand_slots; /* power of two */
    uint32_t nhand;
    uint8_t rule_slot[RULE_SLOTS]; /* the words the rules name: index+1 (tagger.c) */
    /* a filter of those words' hashes (bit lex_hash >> 22): one bit tells
     * most words that they are none, with no probe of the slots */
    uint64_t rule_bits[1024 / 64];
};

/* Fills the tagger's table of the words its rules name (tagger.c). */
void text_rule_words_init(dyad_tagger *t);

/* Looks a lower-case word up: hand lists, WordNet, then WordNet by stem
 * (-s, -ed, -ing, -er, -est, -ly). */
void lex_lookup(const dyad_tagger *t, const char *w, size_t n, word_info *out);
/* The same with w's lex_hash() already computed (for its prefetch). */
void lex_lookup_hashed(const dyad_tagger *t, const char *w, size_t n, uint32_t hash,
                       word_info *out);

/* Tags of a word found nowhere, from its shape and suffix. */
void lex_guess(const char *w, size_t n, word_info *out);

/* Just the WordNet record of a lower-case word, or NULL. */
const lex_entry *lex_wordnet(const char *w, size_t n);

/* Prefetching for a sentence's words: the hash slot first, then (once the
 * slot is in cache) the entry, so the lookups that follow do not wait on
 * memory one after the other. */
void lex_prefetch_slot(uint32_t hash);
void lex_prefetch_entry(uint32_t hash);

#endif
