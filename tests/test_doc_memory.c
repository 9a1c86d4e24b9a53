/* test_doc_memory.c -- the memory one long document costs the coder
 * (issue 14): a 15 MB JSON Lines record took 778 MB, 52 times its size,
 * because the tokenizer grew its token array in the arena (every smaller
 * copy stayed behind) and the coder made its tokens for every sentence of
 * the document before coding the first; then (565 MB) because the
 * document's tokens were all made before the first sentence was coded,
 * the normalized text had a 4-byte offset per byte, and every event copied
 * its strings. What the document's arena holds
 * after coding is measured (dyad_arena_used), not the process's RSS, so
 * the sanitizer build can check it. */
#include "t.h"
#include "dyad.h"
#include "input/input.h"

/* What the arena holds, in multiples of the text, after coding 1 MiB of
 * sentence s repeated; every sentence must give `events` events. */
static double arena_ratio(const dyad_coder *c, const char *s, size_t events) {
    dyad_error err = {{0}};
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
    CHECK(res.nevents == n * events);
    /* the sentences keep their offsets (the output needs them), not tokens */
    CHECK(res.nsentences > 2 && res.sentences[1].start == sl && res.sentences[1].end == 2 * sl - 1);
    CHECK(res.nsentences > 2 && res.sentences[1].tokens == NULL);
    CHECK(res.nevents < 2 || res.events[0].source == res.events[1].source); /* one copy */
    double ratio = (double)dyad_arena_used(a) / (double)doc.text_len;
    printf("arena after coding '%s': %.1f times the text\n", s, ratio);
    dyad_arena_free(a);
    free(text);
    return ratio;
}

static void test_long_doc(void) {
    dyad_error err = {{0}};
    dyad_dict *d = dyad_dict_load_dir("tests/data/dict", NULL, NULL, &err);
    dyad_tagger *t = dyad_tagger_new(&err);
    dyad_options o;
    dyad_options_default(&o);
    dyad_coder *c = d && t ? dyad_coder_new(d, t, &o, &err) : NULL;
    CHECK(c != NULL);
    if (c) {
        /* short sentences, the worst case for tokens per byte: 42 times
         * the text at first, 19.7 with the tokens in scratch memory, 1.9
         * once sentences were analysed one at a time (the rest: the
         * normalized text, whose map back is sparse, and the offsets) */
        CHECK(arena_ratio(c, "The weather was fine on Monday. ", 0) < 2.5);
        /* an event per sentence: 72 bytes each in the array (which may
         * be up to twice as long as needed), strings kept once */
        CHECK(arena_ratio(c, "Freedonia accused Sylvania. ", 1) < 8);
    }
    dyad_coder_free(c);
    dyad_tagger_free(t);
    dyad_dict_free(d);
}

/* a reader does not keep a huge record's buffers (each the record's size)
 * while the record is coded */
static void test_reader_buffers(void) {
    size_t n = (size_t)3 << 20;
    char *in = malloc(n + 64);
    int k = snprintf(in, 64, "{\"id\":\"big\",\"text\":\"");
    memset(in + k, 'a', n);
    const char *tail = "\"}\n{\"id\":\"small\",\"text\":\"b\"}\n";
    memcpy(in + k + n, tail, strlen(tail));
    FILE *fp = fmemopen(in, (size_t)k + n + strlen(tail), "r");
    dyad_error err = {{0}};
    dyad_reader *r = dyad_reader_open(fp, "big.jsonl", DYAD_FMT_JSONL, NULL, &err);
    dyad_arena *a = dyad_arena_new(0);
    dyad_doc d;
    CHECK(dyad_reader_next(r, a, &d, &err) == 1);
    CHECK(d.text_len == n);
    CHECK(r->line.cap <= RD_KEEP_BUFFER && r->rec.cap <= RD_KEEP_BUFFER);
    CHECK(dyad_reader_next(r, a, &d, &err) == 1);
    CHECK_STR(d.id, "small");
    CHECK_STR(d.text, "b");
    CHECK(dyad_reader_next(r, a, &d, &err) == 0);
    dyad_reader_close(r);
    dyad_arena_free(a);
    fclose(fp);
    free(in);
}

int main(void) {
    test_long_doc();
    test_reader_buffers();
    return t_summary();
}
