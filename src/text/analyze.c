/* analyze.c -- the text stage's entry points: normalize, tokenize, split,
 * then build the dyad_sentence/dyad_token arrays and tag them.
 *
 * All output lives in the caller's arena; the tagger is read-only, so one
 * tagger serves any number of threads. */
#include "text/text.h"

#include <string.h>

/* Fills *dst from raw token t: its text, and its upper and lower case
 * forms, all three made in one pass over the bytes (accented letters then
 * fold the upper case again). A form equal to the text shares its bytes. */
static int make_token(dyad_arena *a, const norm_text *nt, const raw_token *t, dyad_token *dst) {
    size_t n = t->e - t->s;
    const char *src = t->text ? t->text : nt->s + t->s;
    if (t->text) n = strlen(t->text);
    char *txt = dyad_arena_alloc_uninit(a, 4 * n + 3); /* text, upper (2n: folds), lower */
    if (!txt) return -1;
    char *up = txt + n + 1, *lo = up + 2 * n + 1;
    unsigned has_lower = 0, has_upper = 0, high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)src[i];
        unsigned is_up = c - 'A' < 26u, is_lo = c - 'a' < 26u;
        txt[i] = (char)c;
        up[i] = (char)(c - (is_lo << 5));
        lo[i] = (char)(c + (is_up << 5));
        has_lower |= is_lo;
        has_upper |= is_up;
        high |= c >> 7;
    }
    txt[n] = up[n] = lo[n] = '\0';
    if (high) text_fold_upper_into(up, src, n);
    dst->text = t->text ? t->text : txt;
    dst->upper = has_lower || high ? up : dst->text;
    dst->lower = has_upper ? lo : dst->text;
    dst->start = nt->orig[t->s];
    dst->end = nt->orig[t->e];
    if (dst->end < dst->start) dst->end = dst->start;
    dst->pos = t->kind == TOK_POSS ? DYAD_POS_POS : DYAD_POS_NONE; /* a hint for the tagger */
    return 0;
}

static int build_sentence(dyad_arena *a, const norm_text *nt, const raw_tokens *toks,
                          size_t first, size_t last, int add_period, dyad_sentence *s) {
    size_t n = last - first + (add_period ? 1 : 0);
    s->tokens = dyad_arena_alloc_uninit(a, (n ? n : 1) * sizeof *s->tokens); /* all filled */
    if (!s->tokens) return -1;
    for (size_t i = first; i < last; i++)
        if (make_token(a, nt, &toks->v[i], &s->tokens[i - first])) return -1;
    if (add_period) {
        /* "... in the U.S." ends the sentence: the abbreviation's period
         * doubles as the sentence's final "." token, as in the Treebank */
        dyad_token *p = &s->tokens[n - 1];
        const dyad_token *ab = &s->tokens[n - 2];
        p->text = p->upper = p->lower = ".";
        p->pos = DYAD_POS_NONE;
        p->start = ab->end > ab->start ? ab->end - 1 : ab->end;
        p->end = ab->end;
    }
    s->ntokens = (uint32_t)n;
    s->start = n ? s->tokens[0].start : 0;
    s->end = n ? s->tokens[n - 1].end : 0;
    return 0;
}

static int prepare(dyad_arena *a, const char *text, size_t len, norm_text *nt,
                   raw_tokens *toks, dyad_error *err) {
    if (!a) return dyad_error_set(err, "%s:%d: no arena", __FILE__, __LINE__);
    if (!text && len) return dyad_error_set(err, "%s:%d: NULL text", __FILE__, __LINE__);
    if (text_normalize(a, text ? text : "", len, nt, err)) return -1;
    memset(toks, 0, sizeof *toks);
    return text_tokenize(a, nt, toks, err);
}

int dyad_analyze(const dyad_tagger *t, dyad_arena *a, const char *text, size_t len,
                 dyad_sentence **out, size_t *nout, dyad_error *err) {
    norm_text nt;
    raw_tokens toks;
    *out = NULL;
    *nout = 0;
    if (!t) return dyad_error_set(err, "%s:%d: no tagger", __FILE__, __LINE__);
    if (prepare(a, text, len, &nt, &toks, err)) return -1;
    sent_range *ranges;
    size_t nr;
    if (text_split(a, &nt, &toks, &ranges, &nr, err)) return -1;
    dyad_sentence *v = dyad_arena_alloc(a, (nr ? nr : 1) * sizeof *v);
    if (!v) return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    for (size_t i = 0; i < nr; i++) {
        if (build_sentence(a, &nt, &toks, ranges[i].first, ranges[i].last,
                           ranges[i].add_period, &v[i]))
            return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
        text_tag_sentence(t, &v[i]);
    }
    *out = v;
    *nout = nr;
    return 0;
}

int dyad_analyze_sentence(const dyad_tagger *t, dyad_arena *a, const char *text, size_t len,
                          dyad_sentence *out, dyad_error *err) {
    norm_text nt;
    raw_tokens toks;
    memset(out, 0, sizeof *out);
    if (!t) return dyad_error_set(err, "%s:%d: no tagger", __FILE__, __LINE__);
    if (prepare(a, text, len, &nt, &toks, err)) return -1;
    if (build_sentence(a, &nt, &toks, 0, toks.n, 0, out))
        return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    text_tag_sentence(t, out);
    return 0;
}
