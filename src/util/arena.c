/* arena.c -- a bump allocator for per-document memory.
 *
 * Documents allocate many small strings and arrays whose lifetimes all end
 * together; an arena makes that one reset instead of thousands of frees, and
 * keeps the hot path free of malloc. Blocks grow geometrically; a request
 * larger than a block gets a block of its own. */
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t size, used;
    unsigned char data[];
} block;

struct dyad_arena {
    block *head;       /* current block (most recent) */
    size_t block_size; /* default size of a new block */
    size_t total;      /* bytes handed out since the last reset */
};

static block *block_new(size_t size) {
    block *b = malloc(sizeof(block) + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

dyad_arena *dyad_arena_new(size_t block_size) {
    dyad_arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->head = block_new(a->block_size);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

void dyad_arena_free(dyad_arena *a) {
    if (!a) return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void dyad_arena_reset(dyad_arena *a) {
    /* keep only the largest block so a big document does not cost a malloc
     * per block on every later one */
    block *keep = a->head;
    for (block *b = a->head; b; b = b->next)
        if (b->size > keep->size) keep = b;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        if (b != keep) free(b);
        b = next;
    }
    keep->next = NULL;
    keep->used = 0;
    a->head = keep;
    a->total = 0;
}

void arena_reset_within(dyad_arena *a, size_t keep_max) {
    dyad_arena_reset(a);
    if (a->head->size <= keep_max) return;
    block *b = block_new(a->block_size);
    if (!b) return; /* the big block stays: still a valid, empty arena */
    free(a->head);
    a->head = b;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n) {
    void *p = dyad_arena_alloc_uninit(a, n);
    if (p) memset(p, 0, n);
    return p;
}

void *dyad_arena_alloc_uninit(dyad_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    block *b = a->head;
    if (b->size - b->used < n) {
        size_t size = a->block_size;
        while (size < n) size *= 2;
        block *nb = block_new(size);
        if (!nb) return NULL;
        nb->next = a->head;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n) {
    char *p = dyad_arena_alloc_uninit(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s) {
    return dyad_arena_strndup(a, s, strlen(s));
}

void *arena_resize(dyad_arena *a, void *p, size_t n) {
    /* the array's block sits after the head (the bump block), which it
     * never becomes: reset may keep it, as the largest, for bump use */
    block **at = &a->head->next;
    if (p)
        while (*at && (*at)->data != (unsigned char *)p) at = &(*at)->next;
    if (p && !*at) return NULL; /* not an array of this arena */
    block *old = p ? *at : NULL;
    block *b = realloc(old, sizeof(block) + n);
    if (!b) return NULL;
    if (old) a->total -= b->size;
    b->size = b->used = n;
    a->total += n;
    if (old) {
        *at = b;
    } else {
        b->next = a->head->next;
        a->head->next = b;
    }
    return b->data;
}

size_t dyad_arena_used(const dyad_arena *a) { return a->total; }

arena_mark arena_mark_now(const dyad_arena *a) {
    return (arena_mark){a->head, a->head->used, a->total};
}

void arena_rewind(dyad_arena *a, arena_mark m) {
    /* the blocks made since the mark are the ones in front of its block */
    while (a->head != m.block && a->head->next) {
        block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
    a->head->used = m.used;
    a->total = m.total;
}
