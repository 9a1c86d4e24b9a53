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
/* Are the n bytes at a and b the same? Only those bytes are read: two
 * overlapping loads of 8 (or of 4) bytes for a word of 4 or more, each
 * byte of a shorter one; no loop over the bytes, whose exit the branch
 * predictor would miss on every word. */
static inline int bytes8_same(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8)
            if (bytes8_load(x + i) != bytes8_load(y + i)) return 0;
        return bytes8_load(x + n - 8) == bytes8_load(y + n - 8);
    }
    if (n >= 4) {
        uint32_t p, q, r, t;
        memcpy(&p, x, 4), memcpy(&q, y, 4), memcpy(&r, x + n - 4, 4), memcpy(&t, y + n - 4, 4);
        return ((p ^ q) | (r ^ t)) == 0;
    }
    return n == 0 || ((x[0] == y[0]) & (x[n / 2] == y[n / 2]) & (x[n - 1] == y[n - 1]));
}
/* The bytes of v (read with bytes8_load from a word's text) that end a
 * plain run of the tokenizer's: neither an ASCII letter or digit nor a
 * non-ASCII byte other than 0xEF (which may begin U+FFFD). Bit 7 of a byte
 * is set for each; above the first of them a byte may be set wrongly (a
 * borrow), so only the lowest counts (bytes8_first). Per byte, x < 0x80
 * plus a constant below 0x80 never carries into the next byte: bit 7 of
 * x + (0x80 - lo) says x >= lo, of x + (0x7F - hi) that x > hi. */
static inline uint64_t bytes8_word_end(uint64_t v) {
    uint64_t x = v & ~BYTES8_HIGH, xl = x | (BYTES8_ONES * 0x20);
    uint64_t digit = (x + BYTES8_ONES * (0x80 - '0')) & ~(x + BYTES8_ONES * (0x7F - '9'));
    uint64_t letter = (xl + BYTES8_ONES * (0x80 - 'a')) & ~(xl + BYTES8_ONES * (0x7F - 'z'));
    uint64_t plain = ((digit | letter) & ~v) | (v & ~bytes8_equal(v, 0xEF));
    return ~plain & BYTES8_HIGH;
}
/* The index of the first byte (in memory order) flagged in m, a nonzero
 * mask of bit-7 flags; little-endian loads only (see bytes8_word_end). */
static inline unsigned bytes8_first(uint64_t m) { return (unsigned)__builtin_ctzll(m) >> 3; }

#endif
