/* text.h -- internal interface of the text stage (src/text/): normalization,
 * tokenization, sentence splitting and part-of-speech tagging. The public
 * entry points are in include/dyad.h; these are the pieces they are made of. */
#ifndef DYAD_TEXT_TEXT_H
#define DYAD_TEXT_TEXT_H
#include "dyad.h"

#include <stddef.h>
#include <stdint.h>

#define TEXT_MAX_TOKENS 400 /* a sentence longer than this is cut */

/* ---- normalize.c */

/* The document with curly quotes, dashes, odd spaces and control bytes made
 * ASCII, invalid UTF-8 replaced by U+FFFD, and a map back to the original.
 * The map is sparse (a dense one was 4 bytes per byte of text): segments
 * where the shift between the two texts changes. In a segment that is
 * not `konst`, byte o comes from original offset i0 + (o - o0), except a
 * character's later bytes, which map where its first byte does; in a
 * `konst` one (a replacement longer than one byte, U+FFFD) every byte
 * comes from i0. The end, len, maps to the original length. */
typedef struct norm_seg {
    uint32_t o0, i0, konst;
} norm_seg;

typedef struct norm_text {
    char *s;       /* len bytes and NORM_PAD NULs (the tokenizer's word scan
                      stops at the first, reading 8 bytes at a time) */
    norm_seg *seg; /* nseg >= 1, seg[0].o0 == 0, o0 increasing; then
                      seg[nseg], a sentinel: o0 UINT32_MAX */
    size_t nseg;
    size_t len;
} norm_text;
#define NORM_PAD 8

/* The original offset of normalized byte o (0 <= o <= len). *seg is a
 * hint, the segment of an earlier lookup (nseg to start): lookups in
 * increasing order, as a sentence's tokens are, walk forward from it. */
static inline uint32_t text_orig_at(const norm_text *nt, size_t o, size_t *seg) {
    size_t k = *seg;
    if (k >= nt->nseg || nt->seg[k].o0 > o) { /* behind: search */
        size_t lo = 0, hi = nt->nseg;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (nt->seg[mid].o0 <= o) lo = mid;
            else hi = mid;
        }
        k = lo;
    }
    while (nt->seg[k + 1].o0 <= o) k++; /* seg[nseg] is a sentinel */
    *seg = k;
    const norm_seg *g = &nt->seg[k];
    if (g->konst) return g->i0;
    while (((unsigned char)nt->s[o] & 0xC0) == 0x80 && o > g->o0) o--;
    return g->i0 + (uint32_t)(o - g->o0);
}

static inline uint32_t text_orig(const norm_text *nt, size_t o) {
    size_t seg = nt->nseg; /* no hint: a binary search */
    return text_orig_at(nt, o, &seg);
}

int text_normalize(dyad_arena *a, const char *text, size_t len, norm_text *out,
                   dyad_error *err);

/* Upper-cases `s` with accents folded to ASCII (Erdoğan -> ERDOGAN) into the
 * arena. */
char *text_fold_upper(dyad_arena *a, const char *s, size_t n);
/* The same into out[], which has room for 2 * n + 1 bytes; returns the length. */
size_t text_fold_upper_into(char *out, const char *s, size_t n);

/* ---- tokenize.c */

enum {
    TOK_WORD = 0,   /* letters and digits, possibly with - . ' inside */
    TOK_NUMBER,     /* digits with , . inside */
    TOK_PUNCT,
    TOK_LQUOTE,
    TOK_RQUOTE,
    TOK_POSS,       /* the possessive apostrophe of "countries'" */
    TOK_UNKNOWN,    /* an invalid byte (U+FFFD) */
};

/* Token flags. */
enum {
    TF_PARA = 1 << 0,   /* a blank line (or more) precedes the token */
    TF_NEWLINE = 1 << 1,/* a line break precedes the token */
    TF_SPACE = 1 << 2,  /* white space precedes the token */
    TF_ABBREV = 1 << 3, /* a word that kept its final period (U.S., Mr.) */
    TF_TITLE = 1 << 4,  /* an abbreviation that never ends a sentence (Mr., Gen.) */
    TF_INNER = 1 << 5,  /* a word with bytes other than letters and digits inside
                           (Russia-Iran, 1,200, n't) */
};

/* Replacement texts of raw tokens, by raw_token.rep (0: none), and their
 * lengths (tests/test_text.c checks the two agree). */
#define TEXT_REPS {NULL, "``", "''", "`", "'", "...", "--"}
#define TEXT_REP_LENS {0, 2, 2, 1, 1, 3, 2}

typedef struct raw_token { /* 12 bytes: a long document has millions */
    uint32_t s, e;      /* byte range in the normalized text */
    uint8_t kind, flags;
    uint8_t rep;        /* replacement text (quotes), TEXT_REPS[rep], or 0: use s..e */
} raw_token;

/* The replacement text of raw token t, or NULL. */
static inline const char *raw_text(const raw_token *t) {
    static const char *const reps[] = TEXT_REPS;
    return reps[t->rep];
}

/* The length of raw token t's text: its replacement's, or its bytes'. */
static inline size_t raw_len(const raw_token *t) {
    static const uint8_t lens[] = TEXT_REP_LENS;
    return t->rep ? lens[t->rep] : t->e - t->s;
}

typedef struct raw_tokens {
    raw_token *v;
    size_t n, cap;
} raw_tokens;

/* Appends the Treebank tokens of norm->s to *out (malloc-grown: free them
 * with text_tokens_free, also after an error). */
int text_tokenize(dyad_arena *a, const norm_text *norm, raw_tokens *out, dyad_error *err);
void text_tokens_free(raw_tokens *t);

/* ---- abbrev.c */

/* 1 if `w` (without its period) is a known abbreviation; 2 if it is a title
 * or other abbreviation that is always followed by more of the sentence. */
int text_abbrev(const char *w, size_t n);
/* 1 if the table text_abbrev searches is in order (for the tests). */
int text_abbrev_sorted(void);

/* ---- split.c */

/* Index ranges [first, last) of raw tokens, one per sentence. */
typedef struct sent_range {
    uint32_t first, last;
    uint32_t add_period; /* the sentence ends in an abbreviation: add a "." token */
} sent_range;

/* *out is malloc'd: the caller frees it (NULL after an error). */
int text_split(const norm_text *norm, const raw_tokens *toks, sent_range **out, size_t *nout,
               dyad_error *err);

/* ---- tagger.c */

/* A token's dictionary key (hash_key of its upper case, dict_word_key_str)
 * and the length of that upper case, as the tagger computes them on its
 * way (lexhash.h's lex_key); key 0 where it did not (a token with an
 * accent folded, or beyond TEXT_MAX_TOKENS): the coder computes those. */
typedef struct text_key {
    uint64_t key;
    uint32_t len;
} text_key;

/* Tags s's tokens; keys (NULL: not wanted), one per token, gets their
 * keys. `ascii`: the sentence's tokens are ASCII, so each one's upper
 * case is its lower case's ASCII upper case (no accent folded). */
void text_tag_sentence(const dyad_tagger *t, dyad_sentence *s, text_key *keys, int ascii);

/* ---- analyze.c: a document analysed one sentence at a time
 *
 * text_doc_open normalizes, tokenizes and splits the whole text (the
 * normalized text in the arena, tokens and sentence ranges malloc'd);
 * text_doc_sentence then builds and tags one sentence's tokens in any
 * arena, so a caller can keep only one sentence's tokens at a time (a
 * long document's tokens were 10x its size). */
typedef struct text_doc {
    norm_text nt;
    raw_tokens toks;
    sent_range *ranges;
    size_t n; /* sentences */
} text_doc;
int text_doc_open(dyad_arena *a, const char *text, size_t len, text_doc *d, dyad_error *err);
void text_doc_bounds(const text_doc *d, size_t i, uint32_t *start, uint32_t *end);
/* keys: NULL, or where to put the tokens' text_keys (in a) */
int text_doc_sentence(const dyad_tagger *t, dyad_arena *a, const text_doc *d, size_t i,
                      dyad_sentence *out, text_key **keys, dyad_error *err);
void text_doc_close(text_doc *d);

#endif
