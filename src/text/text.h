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
 * ASCII, invalid UTF-8 replaced by U+FFFD, and a map back to the original:
 * orig[i] is the original offset of the character that produced byte i,
 * orig[len] == the original length. */
typedef struct norm_text {
    char *s;
    uint32_t *orig;
    size_t len;
} norm_text;

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
};

typedef struct raw_token {
    uint32_t s, e;      /* byte range in the normalized text */
    const char *text;   /* replacement text (quotes) or NULL: use s..e */
    uint8_t kind, flags;
} raw_token;

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

/* ---- split.c */

/* Index ranges [first, last) of raw tokens, one per sentence. */
typedef struct sent_range {
    size_t first, last;
    int add_period; /* the sentence ends in an abbreviation: add a "." token */
} sent_range;

int text_split(dyad_arena *a, const norm_text *norm, const raw_tokens *toks,
               sent_range **out, size_t *nout, dyad_error *err);

/* ---- tagger.c */
void text_tag_sentence(const dyad_tagger *t, dyad_sentence *s);

#endif
