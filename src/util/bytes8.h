/* bytes8.h -- 8 bytes at a time: the usual bit tests on a word read with
 * memcpy, for the fast paths that read text looking for a few byte values
 * (UTF-8 checking, reading JSON strings, writing them, normalizing text). */
#ifndef DYAD_UTIL_BYTES8_H
#define DYAD_UTIL_BYTES8_H
#include <stdint.h>
#include <string.h>

#define BYTES8_ONES 0x0101010101010101ULL
#define BYTES8_HIGH 0x8080808080808080ULL

static inline uint64_t bytes8_load(const void *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
/* Nonzero when a byte of v is below n (n <= 0x80); n = 1: a zero byte. */
static inline uint64_t bytes8_below(uint64_t v, unsigned n) {
    return (v - BYTES8_ONES * n) & ~v & BYTES8_HIGH;
}
/* Nonzero when a byte of v equals c. */
static inline uint64_t bytes8_equal(uint64_t v, unsigned char c) {
    return bytes8_below(v ^ (BYTES8_ONES * c), 1);
}
/* Does a byte of v end a JSON string's plain run: '"', '\\' or a control
 * character? */
static inline int bytes8_json_special(uint64_t v) {
    return (bytes8_equal(v, '"') | bytes8_equal(v, '\\') | bytes8_below(v, 0x20)) != 0;
}
/* Are the 8 bytes of v all printable ASCII (0x20 to 0x7E)? */
static inline int bytes8_printable(uint64_t v) {
    return !((v & BYTES8_HIGH) | bytes8_below(v, 0x20) | bytes8_equal(v, 0x7F));
}
/* How many bytes of v are 0x80 or above (the multiply adds the eight
 * bits, one a byte, into the top byte). */
static inline unsigned bytes8_count_high(uint64_t v) {
    return (unsigned)((((v & BYTES8_HIGH) >> 7) * BYTES8_ONES) >> 56);
}
#endif
