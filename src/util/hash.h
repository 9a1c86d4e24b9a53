/* hash.h -- FNV-1a, the one string hash of dyad (64-bit, and the 32-bit
 * variant of the generated lexicon's table), written once here.
 *
 * The values are part of files dyad writes (the compiled dictionary's
 * tables, the store's text hashes), so they never change: the offset basis
 * and prime are FNV's published ones. A hash may be built byte by byte
 * (hash_fnv64_step) when the bytes are folded or cut on the way. */
#ifndef DYAD_UTIL_HASH_H
#define DYAD_UTIL_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HASH_FNV64_SEED 0xcbf29ce484222325ULL
#define HASH_FNV32_SEED 2166136261u

static inline uint64_t hash_fnv64_step(uint64_t h, unsigned char c) {
    return (h ^ c) * 0x100000001b3ULL;
}
static inline uint32_t hash_fnv32_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

/* FNV-1a of h's bytes followed by s[0..n) (several fields in one hash). */
static inline uint64_t hash_fnv64_more(uint64_t h, const void *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = hash_fnv64_step(h, ((const unsigned char *)s)[i]);
    return h;
}

/* FNV-1a of s[0..n). */
static inline uint64_t hash_fnv64(const void *s, size_t n) {
    return hash_fnv64_more(HASH_FNV64_SEED, s, n);
}

/* The same, never 0: a key for open-addressing tables where 0 is empty. */
static inline uint64_t hash_key(const void *s, size_t n) {
    uint64_t h = hash_fnv64(s, n);
    return h ? h : 1;
}

/* hash_key of terminated string s, and its length into *n, in one pass. */
static inline uint64_t hash_key_str(const char *s, size_t *n) {
    uint64_t h = HASH_FNV64_SEED;
    const char *p = s;
    for (; *p; p++) h = hash_fnv64_step(h, (unsigned char)*p);
    *n = (size_t)(p - s);
    return h ? h : 1;
}

#endif
