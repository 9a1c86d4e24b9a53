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

#endif
