/* test_doc_memory.c -- the memory one long document costs the coder
 * (issue 14): a 15 MB JSON Lines record took 778 MB, 52 times its size,
 * because the tokenizer grew its token array in the arena (every smaller
 * copy stayed behind) and the coder made its tokens for every sentence of
 * the document before coding the first. What the document's arena holds
 * after coding is measured (dyad_arena_used), not the process's RSS, so
 * the sanitizer build can check it. */
#include "t.h"
#include "dyad.h"

static void test_long_doc(void) {
    dyad_error err = {{0}};
    dyad_dict *d = dyad_dict_load_dir("tests/data/dict", NULL, NULL, &err);
    dyad_tagger *t = dyad_tagger_new(&err);
    dyad_options o;
    dyad_options_default(&o);
    dyad_coder *c = d && t ? dyad_coder_new(d, t, &o, &err) : NULL;
    CHECK(c != NULL);
    if (!c) return;
    /* 1 MiB of short sentences, the worst case for tokens per byte */
    const char *s = "The weather was fine on Monday. ";
    size_t sl = strlen(s), n = ((size_t)1 << 20) / sl;
    char *text = malloc(n * sl + 1);
    for (size_t i = 0; i < n; i++) memcpy(text + i * sl, s, sl);
    text[n * sl] = 0;
    dyad_doc doc = {0};
    doc.id = "long";
    doc.date = "20260314";
    doc.title = doc.source = doc.url = doc.category = doc.parse = "";
    doc.text = text;
    doc.text_len = n * sl;
    doc.evaluate = 1;
    dyad_arena *a = dyad_arena_new(0);
    dyad_result res;
    CHECK(dyad_code_doc(c, a, &doc, 0, &res, &err) == 0);
    CHECK(res.nsentences == n);
    double ratio = (double)dyad_arena_used(a) / (double)doc.text_len;
    printf("arena after coding: %.1f times the text\n", ratio);
    CHECK(ratio < 25); /* 42 before, 19.7 after */
    dyad_arena_free(a);
    free(text);
    dyad_coder_free(c);
    dyad_tagger_free(t);
    dyad_dict_free(d);
}

int main(void) {
    test_long_doc();
    return t_summary();
}
