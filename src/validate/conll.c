/* conll.c -- a CoNLL-U parse (the <Parse> of a validation record) turned
 * into a dyad_sentence, so that `--use-parse` codes from its tokens and
 * XPOS tags instead of dyad's own analysis. Multi-word token lines
 * ("1-2") and comments are skipped; a malformed line is an error. */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

int conll_to_sentence(dyad_arena *a, const char *parse, dyad_sentence *out, dyad_error *err) {
    size_t cap = 16, n = 0;
    dyad_token *toks = dyad_arena_alloc(a, cap * sizeof *toks);
    if (!toks) return dyad_error_set(err, "out of memory");
    const char *p = parse;
    int lineno = 0;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        lineno++;
        const char *cols[10];
        size_t lens[10];
        int nc = 0;
        const char *c = p, *end = p + len;
        while (c <= end && nc < 10) {
            const char *tab = memchr(c, '\t', (size_t)(end - c));
            const char *ce = tab ? tab : end;
            cols[nc] = c;
            lens[nc++] = (size_t)(ce - c);
            if (!tab) break;
            c = tab + 1;
        }
        int blank = 1;
        for (size_t i = 0; i < len; i++) blank &= p[i] == ' ' || p[i] == '\r';
        if (!blank && p[0] != '#') {
            if (nc < 5) return dyad_error_set(err, "parse line %d: expected 10 tab-separated columns", lineno);
            if (!memchr(cols[0], '-', lens[0]) && !memchr(cols[0], '.', lens[0])) {
                if (n == cap) {
                    dyad_token *nt = dyad_arena_alloc(a, cap * 2 * sizeof *nt);
                    if (!nt) return dyad_error_set(err, "out of memory");
                    memcpy(nt, toks, n * sizeof *nt);
                    toks = nt;
                    cap *= 2;
                }
                dyad_token *t = &toks[n++];
                t->text = dyad_arena_strndup(a, cols[1], lens[1]);
                t->upper = dyad_fold_upper(a, cols[1], lens[1]);
                char *low = dyad_arena_strndup(a, cols[1], lens[1]);
                for (char *q = low; q && *q; q++)
                    if (*q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
                t->lower = low;
                char tag[16];
                size_t tl = lens[4] < sizeof tag ? lens[4] : sizeof tag - 1;
                memcpy(tag, cols[4], tl);
                tag[tl] = 0;
                t->pos = (uint8_t)dyad_pos_from_name(tag);
                if (!t->text || !t->upper || !t->lower) return dyad_error_set(err, "out of memory");
            }
        }
        if (!eol) break;
        p = eol + 1;
    }
    out->start = 0;
    out->end = 0;
    out->tokens = toks;
    out->ntokens = (uint32_t)n;
    return 0;
}
