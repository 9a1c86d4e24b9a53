/* fuzz_dyc.c -- libFuzzer target for the compiled-cache loader: a valid
 * .dyc, made once from the small test dictionaries (tests/data/dict, so
 * run from the repository root), is damaged as the input says, loaded, and
 * when the load succeeds used to code a few sentences. Nothing may crash,
 * hang or leak whatever the file holds.
 *
 * The input: byte 0 holds flags (bit 0: leave the checksum stale, so that
 * mostly the structure checks are fuzzed; bit 1: truncate to the length in
 * bytes 1-4), then 6-byte edits: a 4-byte offset (modulo the length), a
 * value, and a mode (even: xor the byte, odd: set it). */
#include "dyad.h"
#include "dict/dictInt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char text[] =
    "Freedonia accused Sylvania on Monday. Sylvania was criticized by Freedonia. "
    "Freedonia will restore diplomatic relations with Sylvania. Freedonian troops attacked "
    "Sylvania. Rufus Firefly condemned Sylvania. Freedonia said Sylvania attacked Trentino. "
    "Freedonia sent aid to Sylvania to protect human rights. Freedonia accused Sylvania at the "
    "World Cup. The Olympics began.";

typedef struct harness { /* made once: the harness's, not the library's */
    unsigned char *base;
    size_t len;
    dyad_tagger *tagger;
    char path[64];
} harness;

static unsigned char *slurp(const char *p, size_t *n) {
    FILE *fp = fopen(p, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *b = len > 0 ? malloc((size_t)len) : NULL;
    *n = b ? fread(b, 1, (size_t)len, fp) : 0;
    fclose(fp);
    return b;
}

static void setup(harness *h) {
    dyad_error err;
    snprintf(h->path, sizeof h->path, "/tmp/fuzz_dyc_%d.dyc", (int)getpid());
    dyad_dict *d = dyad_dict_load_dir("tests/data/dict", NULL, NULL, &err);
    if (!d || dyad_dict_compile(d, h->path, &err) < 0) abort();
    dyad_dict_free(d);
    h->base = slurp(h->path, &h->len);
    h->tagger = dyad_tagger_new(&err);
    if (!h->base || h->len < 1024 || !h->tagger) abort();
}

static void code_with(const dyad_dict *d, const dyad_tagger *t) {
    dyad_error err;
    dyad_options o;
    dyad_options_default(&o);
    o.explain = 1;
    dyad_coder *c = dyad_coder_new(d, t, &o, &err);
    if (!c) return;
    dyad_arena *a = dyad_arena_new(0);
    if (a) {
        dyad_doc doc = {0};
        doc.id = doc.title = doc.source = doc.url = doc.category = doc.parse = "";
        doc.date = "20200101";
        doc.text = text;
        doc.text_len = sizeof text - 1;
        dyad_result res;
        dyad_code_doc(c, a, &doc, 0, &res, &err);
        const char *code = dyad_dict_lookup_actor(d, "RUFUS FIREFLY", 19330601, a);
        if (code) (void)strlen(code);
        dyad_arena_free(a);
    }
    dyad_coder_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static harness h;
    if (!h.base) setup(&h);
    if (size < 1) return 0;
    unsigned char *b = malloc(h.len);
    if (!b) return 0;
    memcpy(b, h.base, h.len);
    size_t len = h.len, i = 1;
    if ((data[0] & 2) && size >= 5) {
        uint32_t cut;
        memcpy(&cut, data + 1, 4);
        len = cut % (h.len + 1);
        i = 5;
    }
    for (; len && i + 6 <= size; i += 6) {
        uint32_t off;
        memcpy(&off, data + i, 4);
        off %= (uint32_t)len;
        if (data[i + 5] & 1) b[off] = data[i + 4];
        else b[off] ^= data[i + 4];
    }
    if (!(data[0] & 1) && len >= DICT_CHECKED_FROM + 8) { /* made to fit again */
        uint64_t n = len, sum;
        memcpy(b + DICT_CHECKED_FROM, &n, sizeof n);
        sum = dict_checksum(b + DICT_CHECKED_FROM, len - DICT_CHECKED_FROM);
        memcpy(b + DICT_CHECKSUM_AT, &sum, sizeof sum);
    }
    FILE *fp = fopen(h.path, "wb");
    if (fp) {
        fwrite(b, 1, len, fp);
        fclose(fp);
        dyad_error err;
        dyad_dict *d = dyad_dict_load_compiled(h.path, &err);
        if (d) code_with(d, h.tagger);
        else if (strncmp(err.msg, h.path, strlen(h.path))) abort(); /* names the file */
        dyad_dict_free(d);
    }
    free(b);
    return 0;
}
