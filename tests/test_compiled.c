/* test_compiled.c -- the compiled cache (.dyc) under damage.
 *
 * dyad's own dictionaries (data/dict) are compiled, then 160 copies are
 * damaged with a fixed random seed: one flipped bit, twenty flipped bits
 * anywhere, twenty in the header and table of contents, or a truncation.
 * With the checksum left stale every copy must be refused, naming the
 * file. With the checksum (and size) recomputed, as someone tampering with
 * the file would, a copy may load, and is then used to code sentences: the
 * load-time checks must keep the coder inside the file's arrays (this test
 * runs under AddressSanitizer, which makes any stray read fail it). A file
 * truncated after it was loaded must not matter (it once raised SIGBUS). */
#include "t.h"
#include "dyad.h"
#include "dict/dictInt.h"

#include <stdint.h>

static const char *path = "build/test_compiled.dyc";

static const char text[] =
    "Brazilian President Luiz Inacio Lula da Silva spoke by telephone with Indian Prime Minister "
    "Narendra Modi on Saturday. Lula congratulated Modi on his party's victory. Russian troops "
    "attacked Ukrainian positions near Kharkiv, the army said. The United Nations urged Israel "
    "and Hamas to agree to a ceasefire. Iran accused the United States of violating the nuclear "
    "deal. Chinese officials met with Japanese diplomats in Beijing to discuss trade.";

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next_rand(void) { /* xorshift64 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static unsigned char *slurp(const char *p, size_t *n) {
    FILE *fp = fopen(p, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)len);
    *n = b ? fread(b, 1, (size_t)len, fp) : 0;
    fclose(fp);
    return b;
}

static int spill(const char *p, const unsigned char *b, size_t n) {
    FILE *fp = fopen(p, "wb");
    if (!fp) return -1;
    size_t w = fwrite(b, 1, n, fp);
    return fclose(fp) == 0 && w == n ? 0 : -1;
}

/* Codes the test text with d: the number of events, or -1. */
static int code_with(const dyad_dict *d, const dyad_tagger *t) {
    dyad_error err = {{0}};
    dyad_options o;
    dyad_options_default(&o);
    o.explain = 1; /* explanations follow every record's file and line */
    dyad_coder *c = dyad_coder_new(d, t, &o, &err);
    if (!c) return -1;
    dyad_arena *a = dyad_arena_new(0);
    dyad_doc doc = {0};
    doc.id = doc.title = doc.source = doc.url = doc.category = doc.parse = "";
    doc.date = "20240601";
    doc.text = text;
    doc.text_len = sizeof text - 1;
    dyad_result res;
    int n = dyad_code_doc(c, a, &doc, 0, &res, &err) < 0 ? -1 : (int)res.nevents;
    dyad_arena_free(a);
    dyad_coder_free(c);
    return n;
}

/* Flips `bits` distinct bits in [from, to). */
static void flip(unsigned char *b, size_t from, size_t to, int bits) {
    uint64_t done[20];
    for (int k = 0; k < bits && k < 20; k++) {
        uint64_t bit;
        int again;
        do {
            bit = from * 8 + next_rand() % ((to - from) * 8);
            again = 0;
            for (int j = 0; j < k; j++) again |= done[j] == bit;
        } while (again);
        done[k] = bit;
        b[bit / 8] ^= (unsigned char)(1u << (bit % 8));
    }
}

/* What tampering would do: the size and checksum made to fit again. */
static void reseal(unsigned char *b, size_t n) {
    uint64_t size = n;
    memcpy(b + DICT_CHECKED_FROM, &size, sizeof size);
    uint64_t sum = dict_checksum(b + DICT_CHECKED_FROM, n - DICT_CHECKED_FROM);
    memcpy(b + DICT_CHECKSUM_AT, &sum, sizeof sum);
}

/* The undamaged file written again and loaded by `load` (read or mapped);
 * NULL (a failed check) when it would not load. */
static dyad_dict *reload(const unsigned char *orig, size_t n,
                         dyad_dict *(*load)(const char *, dyad_error *)) {
    CHECK(spill(path, orig, n) == 0);
    dyad_error err = {{0}};
    dyad_dict *d = load(path, &err);
    CHECK(d != NULL);
    return d;
}

static void test_damage(const dyad_tagger *t, const unsigned char *orig, size_t n, int want_events) {
    unsigned char *b = malloc(n);
    if (!b) return;
    int refused_stale = 0, stale = 0, loaded = 0, refused = 0, named = 0;
    for (int i = 0; i < 160; i++) {
        int kind = i % 4, resealed = (i / 4) % 2;
        size_t len = n;
        memcpy(b, orig, n);
        if (kind == 0) flip(b, 0, n, 1);
        else if (kind == 1) flip(b, 0, n, 20);
        else if (kind == 2) flip(b, 0, 1024, 20); /* header and table of contents */
        else len = next_rand() % n;
        if (resealed && len >= DICT_CHECKED_FROM + 8) reseal(b, len);
        else resealed = 0;
        if (spill(path, b, len) < 0) {
            CHECK(0);
            break;
        }
        dyad_error err = {{0}};
        dyad_dict *d = dyad_dict_load_compiled(path, &err);
        if (!resealed) {
            stale++;
            refused_stale += d == NULL;
        }
        if (!d) {
            refused++;
            named += strncmp(err.msg, path, strlen(path)) == 0;
            continue;
        }
        loaded++;
        code_with(d, t); /* any result, but no stray read */
        dyad_dict_free(d);
    }
    printf("damaged caches: %d loaded (checksum recomputed), %d refused; %d of %d with a stale "
           "checksum refused\n", loaded, refused, refused_stale, stale);
    CHECK(stale >= 80 && refused_stale == stale); /* accidental damage never gets through */
    CHECK(named == refused);                      /* every refusal names the file */
    /* the undamaged file still loads and codes as before */
    dyad_dict *d = reload(orig, n, dyad_dict_load_compiled);
    if (d) CHECK(code_with(d, t) == want_events);
    dyad_dict_free(d);
    free(b);
}

/* The file shrinks to nothing while a loaded set is in use. */
static void test_truncated_after_load(const dyad_tagger *t, const unsigned char *orig, size_t n,
                                      int want_events) {
    dyad_dict *d = reload(orig, n, dyad_dict_load_compiled);
    if (!d) return;
    FILE *fp = fopen(path, "wb"); /* truncates */
    CHECK(fp != NULL);
    if (fp) fclose(fp);
    CHECK(code_with(d, t) == want_events);
    dyad_dict_free(d);
}

/* dyad_dict_map_compiled: the file mapped and shared, not copied; the same
 * events; replaced by rename while in use (as `dyad dict compile` does),
 * the mapped set goes on with the old file's pages; a damaged or cut file
 * is refused as by the read load. */
static void test_mapped(const dyad_tagger *t, const unsigned char *orig, size_t n,
                        int want_events) {
    dyad_dict *d = reload(orig, n, dyad_dict_map_compiled);
    if (!d) return;
    CHECK(d->image_mapped == 1 && d->image_len == n);
    CHECK(code_with(d, t) == want_events);
    dyad_error err = {{0}};
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    unsigned char *b = malloc(n);
    if (b) {
        memset(b, 0, n);
        CHECK(spill(tmp, b, n) == 0 && rename(tmp, path) == 0); /* replaced: zeros */
        CHECK(code_with(d, t) == want_events);
        CHECK(dyad_dict_map_compiled(path, &err) == NULL && strstr(err.msg, "bad magic"));
        memcpy(b, orig, n);
        b[n / 3] ^= 1; /* a flipped bit */
        CHECK(spill(path, b, n) == 0);
        CHECK(dyad_dict_map_compiled(path, &err) == NULL && strstr(err.msg, "checksum"));
        CHECK(spill(path, orig, n - 100) == 0); /* cut short */
        CHECK(dyad_dict_map_compiled(path, &err) == NULL && strstr(err.msg, path));
        free(b);
    }
    dyad_dict_free(d);
}

/* Hand-made damage the random cases may miss. */
static void test_crafted(const unsigned char *orig, size_t n) {
    unsigned char *b = malloc(n);
    if (!b) return;
    dyad_error err = {{0}};
    /* an older format version: refused with the hint to compile again */
    memcpy(b, orig, n);
    b[7] = '7';
    CHECK(spill(path, b, n) == 0);
    CHECK(dyad_dict_load_compiled(path, &err) == NULL);
    CHECK(strstr(err.msg, "another version of dyad") && strstr(err.msg, "dyad dict compile"));
    /* one flipped bit, checksum stale: named as damaged */
    memcpy(b, orig, n);
    b[n / 2] ^= 4;
    CHECK(spill(path, b, n) == 0);
    CHECK(dyad_dict_load_compiled(path, &err) == NULL);
    CHECK(strstr(err.msg, path) && strstr(err.msg, "checksum"));
    /* the first section (the string pool) made to reach past the end, resealed */
    memcpy(b, orig, n);
    uint32_t huge = UINT32_MAX;
    size_t toc = 152; /* sizeof(header): magic, checksum, size, 2 counts, stats */
    memcpy(b + toc + 8, &huge, sizeof huge);
    reseal(b, n);
    CHECK(spill(path, b, n) == 0);
    CHECK(dyad_dict_load_compiled(path, &err) == NULL);
    CHECK(strstr(err.msg, "outside the file") != NULL);
    /* records of another size (another build's layout), resealed */
    memcpy(b, orig, n);
    uint32_t elem = 3;
    memcpy(b + toc + 16 + 12, &elem, sizeof elem); /* the second section's record size */
    reseal(b, n);
    CHECK(spill(path, b, n) == 0);
    CHECK(dyad_dict_load_compiled(path, &err) == NULL);
    CHECK(strstr(err.msg, "another version of dyad") != NULL);
    free(b);
}

int main(void) {
    dyad_error err = {{0}};
    dyad_dict *src = dyad_dict_load_dir("data/dict", NULL, NULL, &err);
    dyad_tagger *t = dyad_tagger_new(&err);
    CHECK(src && t);
    if (!src || !t) return t_summary();
    int want = code_with(src, t);
    CHECK(want > 0);
    CHECK(dyad_dict_compile(src, path, &err) == 0);
    dyad_dict_free(src);
    size_t n = 0;
    unsigned char *orig = slurp(path, &n);
    CHECK(orig && n > 4096);
    if (orig && n > 4096) {
        test_crafted(orig, n);
        test_truncated_after_load(t, orig, n, want);
        test_mapped(t, orig, n, want);
        test_damage(t, orig, n, want);
    }
    free(orig);
    remove(path);
    dyad_tagger_free(t);
    return t_summary();
}
