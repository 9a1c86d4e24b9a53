/* shard.c -- --shard K/N: which documents one of N workers takes.
 *
 * N workers started anywhere (Slurm array tasks, GNU parallel jobs, other
 * machines) each read the whole input and keep the documents whose key
 * hashes to their shard, so together they cover it exactly once, with no
 * coordination. The key is a document's id, or for the files of a
 * directory the file's path below that directory (so a worker skips other
 * shards' files unread, and two mounts of one corpus agree). The hash is
 * part of the file format of a sharded run and must never change: 64-bit
 * FNV-1a of the key's bytes, then MurmurHash3's finalizer (FNV's low bits
 * alone are poor: its lowest bit is the parity of the bytes), modulo N;
 * worker K (1-based) takes the keys whose value is K - 1. */
#include "dyad.h"
#include "util/hash.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SHARD_MAX 1000000

int dyad_shard_parse(const char *spec, dyad_shard *out, dyad_error *err) {
    const char *bad = "--shard '%s': expected K/N with 1 <= K <= N <= 1000000";
    char *end;
    if (!spec || *spec < '0' || *spec > '9') return dyad_error_set(err, bad, spec ? spec : "");
    errno = 0;
    unsigned long k = strtoul(spec, &end, 10);
    if (*end != '/' || end[1] < '0' || end[1] > '9') return dyad_error_set(err, bad, spec);
    unsigned long n = strtoul(end + 1, &end, 10);
    if (*end || errno || n < 1 || n > SHARD_MAX || k < 1 || k > n)
        return dyad_error_set(err, bad, spec);
    out->k = (uint32_t)k;
    out->n = (uint32_t)n;
    return 0;
}

uint64_t dyad_shard_hash(const char *key) {
    uint64_t h = hash_fnv64(key, strlen(key));
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

int dyad_shard_takes(const dyad_shard *s, const char *key) {
    if (!s || s->n <= 1) return 1;
    return dyad_shard_hash(key) % s->n == s->k - 1;
}
