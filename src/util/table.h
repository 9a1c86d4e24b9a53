/* table.h -- the one growth step of dyad's open-addressing tables of
 * 64-bit keys (the store's batch sets, the near-copy index, the ties'
 * once-per-document set): 0 marks an empty slot, the size is a power of
 * two, and a key's probe starts at its low bits and goes on slot by slot.
 *
 * Each table keeps its own lookups (a set, a map, a multimap); they all
 * grow alike, by doubling and putting every key, with its value, in its
 * slot of the new table. */
#ifndef DYAD_UTIL_TABLE_H
#define DYAD_UTIL_TABLE_H
#include <stddef.h>
#include <stdint.h>

/* The slot where key's probe starts in a table of cap slots. */
static inline size_t table_home(uint64_t key, size_t cap) { return (size_t)(key & (cap - 1)); }
/* The slot after h. */
static inline size_t table_next(size_t h, size_t cap) { return (h + 1) & (cap - 1); }

/* Doubles the table of *cap slots (or makes one of min_cap, a power of
 * two): *keys and, beside them, values of vsize bytes each in the array
 * that vals points to (a pointer to it, as &t->v; NULL and 0 for a set).
 * 0, or -1 out of memory (the table unchanged). */
int table_grow(uint64_t **keys, void *vals, size_t vsize, size_t *cap, size_t min_cap);
#endif
