/* arena.h -- internal arena extras (the arena itself is in include/dyad.h).
 *
 * One array that grows to an unknown size (a long document's events) would
 * leave every smaller copy behind in a bump allocator: 2x its final size.
 * arena_resize gives it a block of its own that is realloc'd in place
 * (large reallocs move pages, not bytes) and freed with the arena. */
#ifndef DYAD_UTIL_ARENA_H
#define DYAD_UTIL_ARENA_H
#include "dyad.h"

#include <stddef.h>

/* p: NULL for a new array, or a pointer arena_resize returned for this
 * arena (not reset since). Returns the array resized to n bytes (contents
 * kept up to the smaller size, the rest uninitialised), or NULL when out
 * of memory (p is then still valid). */
void *arena_resize(dyad_arena *a, void *p, size_t n);

/* dyad_arena_reset, except that the block it keeps for the next use is
 * kept only up to keep_max bytes: a bigger one (a big document's) is
 * given back and a block of the arena's default size takes its place.
 * For arenas held in numbers, as the pipeline's slots are. */
void arena_reset_within(dyad_arena *a, size_t keep_max);

/* A point in an arena's allocations: arena_rewind gives up everything
 * allocated after it and keeps what came before (a coder's batch of
 * analysed sentences stays while each sentence's own scratch goes). A
 * mark is valid until the arena is reset, or rewound to an earlier mark. */
typedef struct arena_mark {
    const void *block;
    size_t used, total;
} arena_mark;

arena_mark arena_mark_now(const dyad_arena *a);
void arena_rewind(dyad_arena *a, arena_mark m);

#endif
