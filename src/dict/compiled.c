/* compiled.c -- the compiled dictionary cache: one file read back whole.
 *
 * Because a loaded set is nothing but flat arrays addressed by indices, the
 * file is those arrays written one after the other (each 16-byte aligned)
 * behind a header and a table of contents. Loading reads the file into one
 * private buffer and points the arrays into it: no parsing and no copying
 * of records.
 *
 * A cache is input like any other and may be damaged or hostile, so a load
 * checks it before any of it is used:
 *   1. the header: magic, format version, byte order, section count, and
 *      the file's size as written in it;
 *   2. a 64-bit checksum of everything after the first 16 bytes, which
 *      catches accidental damage (a flipped bit, a torn copy);
 *   3. every offset and count, in the table of contents and in the records
 *      (verify.c), against the arrays they point into, so that even a file
 *      whose checksum was recomputed after tampering cannot make the coder
 *      read outside the buffer.
 * Two ways to load:
 *   - dyad_dict_load_compiled reads the file with read() into private
 *     memory. A file truncated or rewritten in place while the set is in
 *     use then harms nothing (tests/test_compiled.c truncates it under a
 *     loaded set); each process holds its own copy.
 *   - dyad_dict_map_compiled maps it read-only and shared (MAP_SHARED,
 *     PROT_READ): the processes on a node (the tasks of a Slurm array) hold
 *     one copy of its pages between them, the page cache's. The same checks
 *     run on the mapping before any of it is used. But a mapped file must
 *     not change while in use: one truncated in place raises SIGBUS on the
 *     next access, and one rewritten in place could change under the
 *     checks. `dyad dict compile` never does either (it writes a new file
 *     and renames it over the old one, so running processes keep the old
 *     file's pages); replace a mapped file with mv, never cp over it. A
 *     filesystem that cannot map is read as by the first way.
 * The file is specific to the machine's byte order and this version. */
#include "dictInt.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "DYADDIC8" /* the last byte is the format version */
#define AGAIN "compile it again with 'dyad dict compile'"

typedef struct section {
    void **ptr;
    uint32_t *count;
    uint32_t elem;
} section;

typedef struct toc_entry {
    uint64_t offset;
    uint32_t count, elem;
} toc_entry;

typedef struct header {
    char magic[8];
    uint64_t checksum; /* dict_checksum of bytes [CHECKED_FROM, size) */
    uint64_t size;     /* of the whole file */
    uint32_t nsections, endian;
    dyad_dict_stats stats;
} header;

#define CHECKED_FROM offsetof(header, size)
_Static_assert(offsetof(header, checksum) == DICT_CHECKSUM_AT && CHECKED_FROM == DICT_CHECKED_FROM,
               "dict.h describes the header");

/* ---- the checksum: an xxHash64-style hash, 4 lanes of 8 bytes, some
 * 10 GB/s; every bit of the input reaches every bit of the result */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL

static inline uint64_t rotl(uint64_t x, int r) { return x << r | x >> (64 - r); }
static inline uint64_t mix(uint64_t acc, uint64_t w) { return rotl(acc + w * P2, 31) * P1; }
static inline uint64_t load8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

uint64_t dict_checksum(const void *data, size_t n) {
    const unsigned char *p = data;
    uint64_t v0 = P1 + P2, v1 = P2, v2 = 0, v3 = 0 - P1;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        v0 = mix(v0, load8(p + i));
        v1 = mix(v1, load8(p + i + 8));
        v2 = mix(v2, load8(p + i + 16));
        v3 = mix(v3, load8(p + i + 24));
    }
    uint64_t h = rotl(v0, 1) + rotl(v1, 7) + rotl(v2, 12) + rotl(v3, 18) + (uint64_t)n;
    for (; i + 8 <= n; i += 8) h = rotl(h ^ mix(0, load8(p + i)), 27) * P1 + P3;
    for (; i < n; i++) h = rotl(h ^ (p[i] * P3), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    return h ^ (h >> 32);
}

/* The arrays of a dictionary set, in file order. */
static size_t sections(dyad_dict *d, section *s) {
    size_t n = 0;
#define VEC(f, T) s[n++] = (section){&d->f.v, &d->f.n, sizeof(T)}
#define HASH(h) s[n++] = (section){(void **)&d->h.slots, &d->h.cap, sizeof(dhslot)}
#define TRIE(t)                                                               \
    HASH(t.edges);                                                            \
    s[n++] = (section){(void **)&d->t.val, &d->t.nnodes, sizeof(uint32_t)};   \
    s[n++] = (section){(void **)&d->t.stem, &d->t.nnodes, sizeof(uint32_t)}
    VEC(pool, char); VEC(word_str, uint32_t); HASH(words); VEC(ids, uint32_t);
    VEC(files, dfile); TRIE(actor_trie); VEC(actors, dactor); VEC(restrs, drestr);
    VEC(phrases, dphrase); TRIE(agent_trie); VEC(agents, dagent); TRIE(discard_trie);
    VEC(discards, ddiscard); VEC(stems, dstem); TRIE(issue_trie); VEC(issues, dissue);
    HASH(verb_index); VEC(forms, dverbform); VEC(blocks, dblock); VEC(patterns, dpattern);
    VEC(elems, delem); VEC(synsets, dsynset); VEC(synmems, dsynmem);
    VEC(transforms, dtransform); HASH(synset_names); HASH(synset_first); HASH(stem_index);
#undef VEC
#undef HASH
#undef TRIE
    return n;
}

static int write_all(int fd, const void *p, size_t n) {
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The whole file is built in memory, checksummed, then written at once. */
int dyad_dict_compile(const dyad_dict *dc, const char *path, dyad_error *err) {
    dyad_dict copy = *dc; /* sections() wants non-const pointers; nothing is written */
    section s[64];
    size_t ns = sections(&copy, s);
    header h = {MAGIC, 0, 0, (uint32_t)ns, 0x01020304, dc->stats};
    toc_entry toc[64];
    uint64_t off = (sizeof h + sizeof toc[0] * ns + 15) & ~15ULL;
    for (size_t i = 0; i < ns; i++) {
        toc[i].offset = off;
        toc[i].count = *s[i].count;
        toc[i].elem = s[i].elem;
        off = (off + (uint64_t)toc[i].count * toc[i].elem + 15) & ~15ULL;
    }
    h.size = off;
    unsigned char *img = calloc(1, (size_t)off);
    if (!img) return dyad_error_set(err, "%s: out of memory", path);
    for (size_t i = 0; i < ns; i++)
        if (toc[i].count)
            memcpy(img + toc[i].offset, *s[i].ptr, (size_t)toc[i].count * toc[i].elem);
    memcpy(img, &h, sizeof h);
    memcpy(img + sizeof h, toc, sizeof toc[0] * ns);
    h.checksum = dict_checksum(img + CHECKED_FROM, (size_t)off - CHECKED_FROM);
    memcpy(img + offsetof(header, checksum), &h.checksum, sizeof h.checksum);

    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        free(img);
        return dyad_error_set(err, "%s: %s", tmp, strerror(errno));
    }
    int rc = write_all(fd, img, (size_t)off);
    free(img);
    if (close(fd) < 0) rc = -1;
    if (rc || rename(tmp, path) < 0) {
        int e = errno;
        unlink(tmp);
        return dyad_error_set(err, "%s: write failed: %s", path, strerror(e));
    }
    return 0;
}

/* Reads n bytes at offset off; returns how many there were. */
static size_t read_at(int fd, void *buf, size_t n, uint64_t off) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return got;
}

/* The file's image: mapped read-only and shared (map, and the filesystem
 * can), else read into private memory. *mapped says which; NULL when it
 * could not be had, or is shorter than the header says. */
static unsigned char *image_get(int fd, size_t size, int map, int *mapped) {
    void *m = map ? mmap(NULL, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0) : MAP_FAILED;
    *mapped = m != MAP_FAILED;
    if (*mapped) return m;
    unsigned char *p = malloc(size);
    if (p && read_at(fd, p, size, 0) < size) {
        free(p);
        p = NULL;
    }
    return p;
}

void dict_image_free(dyad_dict *d) {
    if (d->image_mapped) munmap(d->image, d->image_len);
    else free(d->image);
}

/* Points d's arrays into the file image and checks the table of contents:
 * each section inside the file, aligned, of the record size this build
 * uses. NULL, or what is wrong. */
static const char *place_sections(dyad_dict *d, unsigned char *img, uint64_t size) {
    section s[64];
    size_t ns = sections(d, s);
    const toc_entry *toc = (const toc_entry *)(img + sizeof(header));
    uint64_t first = sizeof(header) + sizeof toc[0] * ns;
    if (first > size) return "damaged: too short for its table of contents";
    for (size_t i = 0; i < ns; i++) {
        uint64_t off = toc[i].offset, bytes = (uint64_t)toc[i].count * toc[i].elem;
        if (toc[i].elem != s[i].elem) /* records of another size: another build's layout */
            return "compiled by another version of dyad (" AGAIN ")";
        if (off % 16 || off < first || off > size || bytes > size - off)
            return "damaged: a section lies outside the file (" AGAIN ")";
        /* a trie's val and stem arrays share one count */
        if (i && s[i].count == s[i - 1].count && toc[i].count != toc[i - 1].count)
            return "damaged: a trie's arrays differ in size (" AGAIN ")";
        *s[i].ptr = img + off;
        *s[i].count = toc[i].count;
    }
    return NULL;
}

static dyad_dict *load_compiled(const char *path, int map, dyad_error *err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        dyad_error_set(err, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    header h;
    const char *why = NULL;
    unsigned char *img = NULL;
    dyad_dict *d = NULL;
    char msg[160];
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) why = "not a regular file";
    else if (read_at(fd, &h, sizeof h, 0) < sizeof h)
        why = "not a compiled dyad dictionary (too short)";
    else if (memcmp(h.magic, MAGIC, 7) != 0) why = "not a compiled dyad dictionary (bad magic)";
    else if (memcmp(h.magic, MAGIC, 8) != 0 || h.endian != 0x01020304)
        why = "compiled by another version of dyad (" AGAIN ")";
    else if (h.size != (uint64_t)st.st_size || h.size > SIZE_MAX / 2) {
        snprintf(msg, sizeof msg, "damaged: %llu bytes where its header says %llu (%s)",
                 (unsigned long long)st.st_size, (unsigned long long)h.size, AGAIN);
        why = msg;
    } else if (h.size < sizeof h || !(d = calloc(1, sizeof *d)))
        why = h.size < sizeof h ? "damaged: shorter than its header" : "out of memory";
    else if (!(img = image_get(fd, (size_t)h.size, map, &d->image_mapped)))
        why = "cannot be read (truncated while read?)";
    else if (fstat(fd, &st) < 0 || (uint64_t)st.st_size < h.size) /* cut since? */
        why = "truncated while read";
    else if (dict_checksum(img + CHECKED_FROM, (size_t)h.size - CHECKED_FROM) != h.checksum)
        why = "damaged: checksum mismatch (" AGAIN ")";
    else if (h.nsections != sections(d, (section[64]){0}))
        why = "compiled by another version of dyad (" AGAIN ")";
    else if ((why = place_sections(d, img, h.size)) == NULL)
        why = dict_verify(d, msg, sizeof msg);
    close(fd);
    if (why) {
        dyad_error_set(err, "%s: %s", path, why);
        if (d && img) {
            d->image = img;
            d->image_len = (size_t)h.size;
            dict_image_free(d);
        }
        free(d);
        return NULL;
    }
    /* derived sizes the sections do not carry */
    d->actor_trie.cap = d->actor_trie.nnodes;
    d->stats = h.stats;
    d->image = img;
    d->image_len = (size_t)h.size;
    return d;
}

dyad_dict *dyad_dict_load_compiled(const char *path, dyad_error *err) {
    return load_compiled(path, 0, err);
}

dyad_dict *dyad_dict_map_compiled(const char *path, dyad_error *err) {
    return load_compiled(path, 1, err);
}
