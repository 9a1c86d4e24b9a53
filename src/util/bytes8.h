/* bytes8.h -- 8 bytes at a time: the usual bit tests on a word read with
 * memcpy, for the fast paths that read text looking for a few byte values
 * (UTF-8 checking, reading JSON strings, writing them, normalizing text).
 * The scans that cross whole records (bytes8_scan: JSON strings, ASCII
 * runs, digits) take 16 bytes at a time with SSE2 where the compiler has
 * it (every x86-64), else 8 with the word tests. */
#ifndef DYAD_UTIL_BYTES8_H
#define DYAD_UTIL_BYTES8_H
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && !defined(DYAD_NO_SSE2)
#include <emmintrin.h>
#define BYTES8_SSE2 1
#endif

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
/* The bytes of v that end a JSON string's plain run: '"', '\\' or a
 * control character (bit 7 of each; only the lowest is sure to be right:
 * see bytes8_json_plain_end). */
static inline uint64_t bytes8_json_mask(uint64_t v) {
    return bytes8_equal(v, '"') | bytes8_equal(v, '\\') | bytes8_below(v, 0x20);
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
/* The bytes of x (each below 0x80) from lo to hi (below 0x80): bit 7 of
 * each. Per byte, x plus a constant below 0x80 never carries into the
 * next byte: bit 7 of x + (0x80 - lo) says x >= lo, of x + (0x7F - hi)
 * that x > hi. */
static inline uint64_t bytes8_in(uint64_t x, unsigned char lo, unsigned char hi) {
    return (x + BYTES8_ONES * (0x80 - lo)) & ~(x + BYTES8_ONES * (0x7F - hi));
}
/* The bytes of v (read with bytes8_load from a word's text) that end a
 * plain run of the tokenizer's: neither an ASCII letter or digit nor a
 * non-ASCII byte other than 0xEF (which may begin U+FFFD). Bit 7 of a byte
 * is set for each; above the first of them a byte may be set wrongly (a
 * borrow), so only the lowest counts (bytes8_first). */
static inline uint64_t bytes8_word_end(uint64_t v) {
    uint64_t x = v & ~BYTES8_HIGH;
    uint64_t digit = bytes8_in(x, '0', '9'), letter = bytes8_in(x | (BYTES8_ONES * 0x20), 'a', 'z');
    uint64_t plain = ((digit | letter) & ~v) | (v & ~bytes8_equal(v, 0xEF));
    return ~plain & BYTES8_HIGH;
}
/* The index of the first byte (in memory order) flagged in m, a nonzero
 * mask of bit-7 flags; little-endian loads only (see bytes8_word_end). */
static inline unsigned bytes8_first(uint64_t m) { return (unsigned)__builtin_ctzll(m) >> 3; }

/* What a scan looks for (bytes8_scan). */
enum { BYTES8_JSON, BYTES8_JSON_ASCII, BYTES8_NOT_ASCII, BYTES8_DIGIT };

/* The first byte in [p, end) that stops the scan, or end: for
 * BYTES8_JSON a byte that ends a JSON string's plain run ('"', '\\' or a
 * control character), for BYTES8_JSON_ASCII one of those or a byte that is
 * not ASCII, for BYTES8_NOT_ASCII NUL or a byte that is not ASCII, for
 * BYTES8_DIGIT an ASCII digit. `kind` is a constant at each
 * call (the functions below), so each compiles to its own loops. The
 * lowest byte a word test flags is exact (a borrow or a carry only runs
 * upward from a byte truly flagged). */
static inline const char *bytes8_scan(const char *p, const char *end, int kind) {
#ifdef BYTES8_SSE2
    for (; end - p >= 16; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p), m;
        if (kind == BYTES8_JSON || kind == BYTES8_JSON_ASCII) {
            m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
            m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v));
            if (kind == BYTES8_JSON_ASCII) m = _mm_or_si128(m, v);
        } else if (kind == BYTES8_NOT_ASCII) {
            m = _mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()));
        } else {
            __m128i t = _mm_sub_epi8(v, _mm_set1_epi8('0')); /* a digit: 0 to 9 */
            m = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(9)), t);
        }
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return p + __builtin_ctz(bits);
    }
#endif
    for (; end - p >= 8; p += 8) {
        uint64_t v = bytes8_load(p), m, x = v & ~BYTES8_HIGH;
        if (kind == BYTES8_JSON) m = bytes8_json_mask(v);
        else if (kind == BYTES8_JSON_ASCII) m = bytes8_json_mask(v) | (v & BYTES8_HIGH);
        else if (kind == BYTES8_NOT_ASCII) m = (v | bytes8_below(v, 1)) & BYTES8_HIGH;
        else m = bytes8_in(x, '0', '9') & ~v & BYTES8_HIGH;
        if (m) return p + bytes8_first(m);
    }
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        int json = c == '"' || c == '\\' || c < 0x20;
        if (kind == BYTES8_JSON ? json
            : kind == BYTES8_JSON_ASCII ? json || c >= 0x80
            : kind == BYTES8_NOT_ASCII ? c == 0 || c >= 0x80 : c >= '0' && c <= '9')
            break;
    }
    return p;
}

/* The end of a JSON string's plain run: the one scan of the JSON reader
 * and writer. */
static inline const char *bytes8_json_plain_end(const char *p, const char *end) {
    return bytes8_scan(p, end, BYTES8_JSON);
}
/* The same, stopping at a byte that is not ASCII too: the JSON Lines
 * reader checks UTF-8 as it reads its strings. */
static inline const char *bytes8_json_ascii_end(const char *p, const char *end) {
    return bytes8_scan(p, end, BYTES8_JSON_ASCII);
}
/* The end of a run of ASCII without NUL: the UTF-8 check's fast path. */
static inline const char *bytes8_ascii_end(const char *p, const char *end) {
    return bytes8_scan(p, end, BYTES8_NOT_ASCII);
}
/* The first ASCII digit in [p, end), or end. */
static inline const char *bytes8_digit(const char *p, const char *end) {
    return bytes8_scan(p, end, BYTES8_DIGIT);
}

#endif
