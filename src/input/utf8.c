/* utf8.c -- UTF-8 validation and encoding for the readers.
 *
 * Every string a reader hands out must be valid UTF-8 (the tokenizer and the
 * JSON writer rely on it), so records are checked here: overlong forms,
 * surrogates (U+D800..DFFF), code points above U+10FFFF, truncated
 * sequences and NUL bytes are all rejected, and the offset of the first bad
 * byte is returned so the warning can name a column. ASCII runs take a fast
 * path. */
#include "input/input.h"

#include <stdint.h>
#include <string.h>

size_t rd_utf8_seq(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF; /* bounds for the second byte */
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) need = 2;
    else if (c == 0xED) need = 2, hi = 0x9F;  /* no surrogates */
    else if (c >= 0xEE && c <= 0xEF) need = 2;
    else if (c == 0xF0) need = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) need = 3, hi = 0x8F;  /* <= U+10FFFF */
    else return 0;
    if (n <= need) return 0;
    if (s[1] < lo || s[1] > hi) return 0;
    for (size_t k = 2; k <= need; k++)
        if ((s[k] & 0xC0) != 0x80) return 0;
    return need + 1;
}

size_t rd_utf8_check(const char *str, size_t n) {
    size_t i = 0;
    while (i < n) {
        i = (size_t)(bytes8_ascii_end(str + i, str + n) - str); /* ASCII, 16 or 8 at a time */
        if (i >= n) break;
        size_t k = rd_utf8_seq(str + i, n - i); /* 0 for a NUL */
        if (!k) return i;
        i += k;
    }
    return (size_t)-1;
}

int rd_utf8_put(char *out, uint32_t cp) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
