/* ident.c -- what makes two documents the same: a hash of the normalised
 * text (exact duplicates: the same story fed twice, with other spacing,
 * case or punctuation) and a MinHash signature over word shingles (near
 * duplicates: a syndicated copy with its own headline, byline or footer).
 *
 * MinHash: each of the MH_N functions maps a shingle's hash through its own
 * seed and keeps the minimum; the share of equal minima between two
 * signatures estimates the Jaccard similarity of their shingle sets. The
 * signature is cut into MH_BANDS bands whose hashes are the lookup keys
 * (locality-sensitive hashing, lsh.c): copies share at least one band with
 * high probability (0.98 at similarity 0.8), unrelated stories almost
 * never. Minima are kept as 32 bits: equal by chance once in 4 billion. */
#include "store/store.h"
#include "util/buf.h"
#include "util/hash.h"

#include <stdlib.h>

static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static int is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

size_t st_text_identity(const char *text, size_t len, int64_t *hash, uint64_t **words,
                        size_t *cap) {
    /* one FNV-1a chain per word; the text's hash folds the words in order */
    uint64_t h = HASH_FNV64_SEED;
    size_t n = 0, i = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (i < len) {
        while (i < len && !is_word_byte(p[i])) i++;
        if (i >= len) break;
        uint64_t w = HASH_FNV64_SEED;
        for (; i < len && is_word_byte(p[i]); i++) {
            unsigned char c = p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i];
            w = hash_fnv64_step(w, c);
        }
        w = mix64(w);
        h = mix64(h ^ w) + n;
        if (words) {
            if (util_grow(words, cap, n + 1, sizeof **words, 1024) < 0)
                words = NULL; /* no MinHash for this one; the hash is still right */
            if (words) (*words)[n] = w;
        }
        n++;
    }
    *hash = (int64_t)mix64(h ^ n);
    return n;
}

int st_minhash(const uint64_t *words, size_t n, uint32_t sig[MH_N]) {
    if (!words || n < MH_SHINGLE || n - MH_SHINGLE + 1 < MH_MIN_SHINGLES) return 0;
    /* MH_N permutations of 32-bit values: v -> (v * mul + add) then an
     * xorshift (odd multipliers make each a bijection); 32-bit lanes let
     * the compiler vectorise the loop */
    uint32_t mul[MH_N], add[MH_N];
    for (int k = 0; k < MH_N; k++) {
        mul[k] = (uint32_t)mix64(0x51ed270b + (uint64_t)k) | 1u;
        add[k] = (uint32_t)mix64(0x2545f491 + (uint64_t)k);
        sig[k] = UINT32_MAX;
    }
    for (size_t i = 0; i + MH_SHINGLE <= n; i++) {
        uint64_t s = 0;
        for (int j = 0; j < MH_SHINGLE; j++) /* order matters: each word rotated by its place */
            s ^= (words[i + j] << (17 * j)) | (j ? words[i + j] >> (64 - 17 * j) : 0);
        s = mix64(s);
        uint32_t h = (uint32_t)(s ^ (s >> 32));
        for (int k = 0; k < MH_N; k++) {
            uint32_t v = h * mul[k] + add[k];
            v ^= v >> 15;
            sig[k] = v < sig[k] ? v : sig[k];
        }
    }
    return 1;
}

void st_minhash_bands(const uint32_t sig[MH_N], uint64_t keys[MH_BANDS]) {
    for (int b = 0; b < MH_BANDS; b++) {
        uint64_t h = (uint64_t)b;
        for (int r = 0; r < MH_ROWS; r++) h = mix64(h ^ sig[b * MH_ROWS + r]);
        keys[b] = h ? h : 1;
    }
}

double st_minhash_similarity(const uint32_t a[MH_N], const uint32_t b[MH_N]) {
    int same = 0;
    for (int k = 0; k < MH_N; k++) same += a[k] == b[k];
    return (double)same / MH_N;
}
