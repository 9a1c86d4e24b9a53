/* fuzz_analyze.c -- libFuzzer target for the text stage: any bytes through
 * dyad_analyze and dyad_analyze_sentence, checking that the output is
 * bounded and points inside the input. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

static void check_sentence(const dyad_sentence *s, size_t size, uint32_t max_tokens) {
    if (max_tokens && s->ntokens > max_tokens) abort();
    if (s->start > s->end || s->end > size) abort();
    for (uint32_t i = 0; i < s->ntokens; i++) {
        const dyad_token *t = &s->tokens[i];
        if (t->start > t->end || t->end > size) abort();
        if (!t->text || !t->upper || !t->text[0]) abort();
        if (t->pos == DYAD_POS_NONE || t->pos >= DYAD_POS_COUNT) abort();
        if (i && t->start < s->tokens[i - 1].start) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static dyad_tagger *tagger; /* made once: the harness's, not the library's */
    dyad_error err;
    if (!tagger && !(tagger = dyad_tagger_new(&err))) abort();
    dyad_arena *a = dyad_arena_new(0);
    if (!a) return 0;
    dyad_sentence *s;
    size_t n;
    if (dyad_analyze(tagger, a, (const char *)data, size, &s, &n, &err) == 0)
        for (size_t i = 0; i < n; i++) {
            check_sentence(&s[i], size, 401);
            if (i && s[i].start < s[i - 1].end) abort();
        }
    dyad_arena_reset(a);
    dyad_sentence one;
    if (dyad_analyze_sentence(tagger, a, (const char *)data, size, &one, &err) == 0)
        check_sentence(&one, size, 0);
    dyad_arena_free(a);
    return 0;
}
