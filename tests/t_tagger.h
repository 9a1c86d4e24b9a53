/* t_tagger.h -- the tagger and arena of the text tests (test_text.c,
 * test_tagger.c): made once in main and used by every test of the file,
 * and a text analysed as one sentence with them. */
#ifndef T_TAGGER_H
#define T_TAGGER_H
#include "dyad.h"
#include "t.h"

static dyad_tagger *tg;
static dyad_arena *ar;

/* Analyses text as one sentence into *s, the arena reset first: 0, or -1. */
static int t_one_sentence(const char *text, dyad_sentence *s) {
    dyad_error err;
    dyad_arena_reset(ar);
    return dyad_analyze_sentence(tg, ar, text, strlen(text), s, &err) ? -1 : 0;
}

/* Makes the tagger and the arena, runs the n tests in order and frees
 * them; the exit status of the summary. */
static int t_tagger_main(void (*const tests[])(void), size_t n) {
    dyad_error err;
    tg = dyad_tagger_new(&err);
    ar = dyad_arena_new(0);
    CHECK(tg != NULL);
    if (!tg) return t_summary();
    for (size_t i = 0; i < n; i++) tests[i]();
    dyad_arena_free(ar);
    dyad_tagger_free(tg);
    return t_summary();
}
#endif
