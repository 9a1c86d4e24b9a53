/* analyze.c -- the text stage's entry points: normalize, tokenize, split,
 * then build the dyad_sentence/dyad_token arrays and tag them.
 *
 * All output lives in the caller's arena; the tagger is read-only, so one
 * tagger serves any number of threads. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* The bytes of raw token t. */
static const char *token_bytes(const norm_text *nt, const raw_token *t, size_t *n) {
    *n = raw_len(t);
    return t->rep ? raw_text(t) : nt->s + t->s;
}

/* ASCII upper and lower case of s[0..n) into up and lo, one long loop over
 * a whole sentence's bytes (which the compiler vectorizes); returns nonzero
 * when s has non-ASCII bytes, whose letters the upper case must fold. */
static unsigned case_forms(const char *restrict s, size_t n, char *restrict up,
                           char *restrict lo) {
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        up[i] = (char)(c - (((unsigned char)(c - 'a') < 26) << 5));
        lo[i] = (char)(c + (((unsigned char)(c - 'A') < 26) << 5));
        high |= c;
    }
    return high >> 7;
}

static int is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

static int has_high(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* A token of up to COPY_CHUNK bytes is copied as COPY_CHUNK bytes, one
 * fixed-size move instead of a call to memcpy; what lands past its end is
 * overwritten by the next token or never read. */
#define COPY_CHUNK 16

/* Room for the texts of tokens [first, last), each terminated, without
 * measuring them: a token's text is at most one byte longer than its
 * bytes in the text (a replacement: '"' -> "``", ".." -> "..."), and the
 * tokens do not overlap. */
static size_t texts_bound(const raw_tokens *toks, size_t first, size_t last) {
    if (first == last) return 1;
    return toks->v[last - 1].e - toks->v[first].s + 2 * (last - first) + 1;
}

/* Copies token t's text to dst (room for COPY_CHUNK bytes); returns its length. */
static size_t copy_token(char *dst, const norm_text *nt, const raw_token *t) {
    size_t n;
    const char *src = token_bytes(nt, t, &n);
    if (n <= COPY_CHUNK && !t->rep && t->s + COPY_CHUNK <= nt->len) memcpy(dst, src, COPY_CHUNK);
    else memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

/* The document offsets of the tokens of a sentence: when one segment of
 * the map that is not konst holds the whole sentence (the usual case), a
 * token's offset is a sum, unless it starts or ends inside a character,
 * which only a sentence with non-ASCII bytes can have. */
typedef struct orig_walk {
    size_t seg;     /* text_orig_at's hint */
    int flat;
    uint32_t shift; /* mod 2^32: i0 + (o - o0) == o + shift */
} orig_walk;

static orig_walk orig_walk_start(const norm_text *nt, const raw_tokens *toks, size_t first,
                                 size_t last) {
    orig_walk w = {nt->nseg, 0, 0};
    if (first < last) {
        text_orig_at(nt, toks->v[first].s, &w.seg);
        const norm_seg *g = &nt->seg[w.seg];
        w.flat = !g->konst && nt->seg[w.seg + 1].o0 > toks->v[last - 1].e;
        w.shift = g->i0 - g->o0;
    }
    return w;
}

/* d's start and end; `ascii`: the sentence has no byte >= 0x80. */
static void set_offsets(const norm_text *nt, orig_walk *w, const raw_token *t, int ascii,
                        dyad_token *d) {
    if (w->flat && (ascii || (!is_cont(nt->s[t->s]) && !is_cont(nt->s[t->e])))) {
        d->start = t->s + w->shift;
        d->end = t->e + w->shift;
    } else {
        d->start = text_orig_at(nt, t->s, &w->seg);
        d->end = text_orig_at(nt, t->e, &w->seg);
    }
    if (d->end < d->start) d->end = d->start;
}

/* DYAD_TOKEN_PLAIN for letters and digits alone whose bytes in the
 * document are the same (nothing dropped in normalizing, such as a soft
 * hyphen, and no accented letter folded), else 0. */
static uint8_t plain_flag(const raw_token *t, const dyad_token *d, size_t n, int folded) {
    return (t->kind == TOK_WORD || t->kind == TOK_NUMBER) && !t->rep && !folded &&
                   !(t->flags & (TF_INNER | TF_ABBREV)) && d->end - d->start == n
               ? DYAD_TOKEN_PLAIN
               : 0;
}

/* A sentence with non-ASCII bytes: the offsets once more, minding
 * characters, and the upper case of the tokens with accented letters,
 * folded apart (Erdoğan -> ERDOGAN). */
static int redo_non_ascii(dyad_arena *a, const norm_text *nt, const raw_tokens *toks,
                          size_t first, size_t last, dyad_token *dst) {
    orig_walk w = orig_walk_start(nt, toks, first, last);
    for (size_t i = first; i < last; i++) {
        const raw_token *t = &toks->v[i];
        dyad_token *d = &dst[i - first];
        size_t n;
        const char *src = token_bytes(nt, t, &n);
        set_offsets(nt, &w, t, 0, d);
        int folded = has_high(src, n);
        d->flags = plain_flag(t, d, n, folded);
        if (!folded) continue;
        char *f = dyad_arena_alloc_uninit(a, 2 * n + 1); /* a 2-byte letter folds to <= 2 */
        if (!f) return -1;
        text_fold_upper_into(f, src, n);
        d->upper = f;
    }
    return 0;
}

/* The tokens [first, last) of a sentence: their texts side by side (each
 * terminated) in one block, then the block's upper and lower case, so a
 * token costs no allocation and no loop of its own. 0, 1 when the texts
 * have non-ASCII bytes, -1 when out of memory. */
static int make_tokens(dyad_arena *a, const norm_text *nt, const raw_tokens *toks, size_t first,
                       size_t last, dyad_token *dst) {
    size_t bound = texts_bound(toks, first, last);
    char *txt = dyad_arena_alloc_uninit(a, 3 * bound + COPY_CHUNK);
    if (!txt) return -1;
    char *up = txt + bound, *lo = up + bound;
    orig_walk w = orig_walk_start(nt, toks, first, last);
    size_t off = 0;
    for (size_t i = first; i < last; i++) {
        const raw_token *t = &toks->v[i];
        dyad_token *d = &dst[i - first];
        size_t n = copy_token(txt + off, nt, t);
        d->text = t->rep ? raw_text(t) : txt + off;
        d->upper = up + off;
        d->lower = lo + off;
        off += n + 1;
        set_offsets(nt, &w, t, 1, d); /* as if ASCII: redone below if not */
        d->pos = t->kind == TOK_POSS ? DYAD_POS_POS : DYAD_POS_NONE; /* a hint for the tagger */
        d->flags = plain_flag(t, d, n, 0);
    }
    if (case_forms(txt, off, up, lo)) return redo_non_ascii(a, nt, toks, first, last, dst) ? -1 : 1;
    return 0;
}

/* The sentence of tokens [first, last); 0 when they are ASCII, 1 when
 * not, -1 when out of memory. */
static int build_sentence(dyad_arena *a, const norm_text *nt, const raw_tokens *toks,
                          size_t first, size_t last, int add_period, dyad_sentence *s) {
    size_t n = last - first + (add_period ? 1 : 0);
    s->tokens = dyad_arena_alloc_uninit(a, (n ? n : 1) * sizeof *s->tokens); /* all filled */
    if (!s->tokens) return -1;
    int high = make_tokens(a, nt, toks, first, last, s->tokens);
    if (high < 0) return -1;
    if (add_period) {
        /* "... in the U.S." ends the sentence: the abbreviation's period
         * doubles as the sentence's final "." token, as in the Treebank */
        dyad_token *p = &s->tokens[n - 1];
        const dyad_token *ab = &s->tokens[n - 2];
        p->text = p->upper = p->lower = ".";
        p->pos = DYAD_POS_NONE;
        p->flags = 0;
        p->start = ab->end > ab->start ? ab->end - 1 : ab->end;
        p->end = ab->end;
    }
    s->ntokens = (uint32_t)n;
    s->start = n ? s->tokens[0].start : 0;
    s->end = n ? s->tokens[n - 1].end : 0;
    return high;
}

static int prepare(dyad_arena *a, const char *text, size_t len, norm_text *nt,
                   raw_tokens *toks, dyad_error *err) {
    memset(toks, 0, sizeof *toks);
    if (!a) return dyad_error_set(err, "%s:%d: no arena", __FILE__, __LINE__);
    if (!text && len) return dyad_error_set(err, "%s:%d: NULL text", __FILE__, __LINE__);
    if (text_normalize(a, text ? text : "", len, nt, err)) return -1;
    return text_tokenize(a, nt, toks, err);
}

int text_doc_open(dyad_arena *a, const char *text, size_t len, text_doc *d, dyad_error *err) {
    memset(d, 0, sizeof *d);
    if (prepare(a, text, len, &d->nt, &d->toks, err) ||
        text_split(&d->nt, &d->toks, &d->ranges, &d->n, err)) {
        text_doc_close(d);
        return -1;
    }
    return 0;
}

void text_doc_close(text_doc *d) {
    text_tokens_free(&d->toks);
    free(d->ranges);
    d->ranges = NULL;
    d->n = 0;
}

/* Sentence i's byte offsets in the original text, as build_sentence sets
 * them, without building its tokens. */
void text_doc_bounds(const text_doc *d, size_t i, uint32_t *start, uint32_t *end) {
    const sent_range *r = &d->ranges[i];
    if (r->last == r->first) {
        *start = *end = 0;
        return;
    }
    const raw_token *f = &d->toks.v[r->first], *l = &d->toks.v[r->last - 1];
    uint32_t ls = text_orig(&d->nt, l->s), le = text_orig(&d->nt, l->e);
    *start = text_orig(&d->nt, f->s);
    *end = le < ls ? ls : le;
}

int text_doc_sentence(const dyad_tagger *t, dyad_arena *a, const text_doc *d, size_t i,
                      dyad_sentence *out, text_key **keys, dyad_error *err) {
    const sent_range *r = &d->ranges[i];
    int high = build_sentence(a, &d->nt, &d->toks, r->first, r->last, r->add_period, out);
    if (high < 0 || (keys && !(*keys = dyad_arena_alloc_uninit(a, (out->ntokens + 1) * sizeof **keys))))
        return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    text_tag_sentence(t, out, keys ? *keys : NULL, !high);
    return 0;
}

int dyad_analyze(const dyad_tagger *t, dyad_arena *a, const char *text, size_t len,
                 dyad_sentence **out, size_t *nout, dyad_error *err) {
    text_doc d;
    *out = NULL;
    *nout = 0;
    if (!t) return dyad_error_set(err, "%s:%d: no tagger", __FILE__, __LINE__);
    if (text_doc_open(a, text, len, &d, err)) return -1;
    dyad_sentence *v = dyad_arena_alloc(a, (d.n ? d.n : 1) * sizeof *v);
    int rc = v ? 0 : dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    for (size_t i = 0; !rc && i < d.n; i++) rc = text_doc_sentence(t, a, &d, i, &v[i], NULL, err);
    size_t n = d.n;
    text_doc_close(&d);
    if (rc) return -1;
    *out = v;
    *nout = n;
    return 0;
}

int dyad_analyze_sentence(const dyad_tagger *t, dyad_arena *a, const char *text, size_t len,
                          dyad_sentence *out, dyad_error *err) {
    norm_text nt;
    raw_tokens toks;
    memset(out, 0, sizeof *out);
    if (!t) return dyad_error_set(err, "%s:%d: no tagger", __FILE__, __LINE__);
    int rc = prepare(a, text, len, &nt, &toks, err), high = 1;
    if (!rc && (high = build_sentence(a, &nt, &toks, 0, toks.n, 0, out)) < 0)
        rc = dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    text_tokens_free(&toks);
    if (rc) return -1;
    text_tag_sentence(t, out, NULL, !high);
    return 0;
}
