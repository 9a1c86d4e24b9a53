/* compiled.c -- the compiled dictionary cache: one file that mmap maps back.
 *
 * Because a loaded set is nothing but flat arrays addressed by indices, the
 * file is those arrays written one after the other (each 16-byte aligned)
 * behind a table of contents. Loading maps the file read-only and points the
 * arrays into the mapping: no parsing and no copying, so a set of 34,000
 * actor phrases is ready in well under a millisecond plus page faults.
 * The file is specific to the machine's byte order and this version. */
#include "dict.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "DYADDIC7"

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
    uint32_t nsections, endian;
    dyad_dict_stats stats;
} header;

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

int dyad_dict_compile(const dyad_dict *dc, const char *path, dyad_error *err) {
    dyad_dict copy = *dc; /* sections() wants non-const pointers; nothing is written */
    section s[64];
    size_t ns = sections(&copy, s);
    header h = {MAGIC, (uint32_t)ns, 0x01020304, dc->stats};
    toc_entry toc[64];
    uint64_t off = (sizeof h + sizeof toc[0] * ns + 15) & ~15ULL;
    for (size_t i = 0; i < ns; i++) {
        toc[i].offset = off;
        toc[i].count = *s[i].count;
        toc[i].elem = s[i].elem;
        off = (off + (uint64_t)toc[i].count * toc[i].elem + 15) & ~15ULL;
    }
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return dyad_error_set(err, "%s: %s", tmp, strerror(errno));
    static const char zeros[16];
    uint64_t pos = 0;
    int rc = write_all(fd, &h, sizeof h) | write_all(fd, toc, sizeof toc[0] * ns);
    pos = sizeof h + sizeof toc[0] * ns;
    for (size_t i = 0; !rc && i < ns; i++) {
        rc |= write_all(fd, zeros, toc[i].offset - pos);
        size_t bytes = (size_t)toc[i].count * toc[i].elem;
        if (bytes) rc |= write_all(fd, *s[i].ptr, bytes);
        pos = toc[i].offset + bytes;
    }
    if (close(fd) < 0) rc = -1;
    if (rc || rename(tmp, path) < 0) {
        int e = errno;
        unlink(tmp);
        return dyad_error_set(err, "%s: write failed: %s", path, strerror(e));
    }
    return 0;
}

dyad_dict *dyad_dict_load_compiled(const char *path, dyad_error *err) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        dyad_error_set(err, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof(header)) {
        close(fd);
        dyad_error_set(err, "%s: not a compiled dyad dictionary (too short)", path);
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        dyad_error_set(err, "%s: mmap: %s", path, strerror(errno));
        return NULL;
    }
    dyad_dict *d = calloc(1, sizeof *d);
    const header *h = map;
    section s[64];
    size_t ns = d ? sections(d, s) : 0;
    const char *why = NULL;
    if (!d) why = "out of memory";
    else if (memcmp(h->magic, MAGIC, 7) != 0) why = "not a compiled dyad dictionary (bad magic)";
    else if (memcmp(h->magic, MAGIC, 8) != 0 || h->endian != 0x01020304 || h->nsections != ns)
        why = "compiled by another version of dyad (compile it again with 'dyad dict compile')";
    const toc_entry *toc = (const toc_entry *)(h + 1);
    for (size_t i = 0; !why && i < ns; i++) {
        if (toc[i].elem != s[i].elem ||
            toc[i].offset + (uint64_t)toc[i].count * toc[i].elem > (uint64_t)st.st_size)
            why = "truncated or corrupt";
        *s[i].ptr = (char *)map + toc[i].offset;
        *s[i].count = toc[i].count;
    }
    if (why) {
        dyad_error_set(err, "%s: %s", path, why);
        munmap(map, (size_t)st.st_size);
        free(d);
        return NULL;
    }
    /* derived sizes the sections do not carry */
    d->actor_trie.cap = d->actor_trie.nnodes;
    d->stats = h->stats;
    d->map = map;
    d->map_len = (size_t)st.st_size;
    return d;
}
