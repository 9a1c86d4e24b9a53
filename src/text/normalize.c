/* normalize.c -- Unicode clean-up before tokenizing, and the accent-folded
 * upper case used as dictionary key.
 *
 * News text arrives with curly quotes, en/em dashes, non-breaking spaces and
 * now and then broken UTF-8. The tokenizer wants plain ASCII punctuation, and
 * the dictionaries want "ERDOGAN" for "Erdoğan", so both are made here by
 * small tables (Latin-1 Supplement, Latin Extended-A and a few of
 * Extended-B) rather than a Unicode library: a table lookup per character is
 * all the speed budget allows, and these blocks cover the names in news.
 * Every normalized byte keeps the offset of the original character it came
 * from, so tokens can report positions in the text the caller gave. */
#include "text/text.h"

#include <string.h>

/* Decodes one UTF-8 character at s[0..n). Returns its length (1 for an
 * invalid byte, *cp = 0xFFFD). Rejects overlong forms and surrogates. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if (len > n) { *cp = 0xFFFD; return 1; }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = v;
    return len;
}

/* ASCII stand-in for punctuation and spaces, "" to drop, NULL to keep. */
static const char *ascii_punct(uint32_t cp) {
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x2028: case 0x2029: case 0x0085:
        return " ";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
        return "-";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2026:
        return "...";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return "";
    case 0xFFFD:
        return NULL;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return " ";
    return NULL;
}

int text_normalize(dyad_arena *a, const char *text, size_t len, norm_text *out,
                   dyad_error *err) {
    if (len > 0x3FFFFFFF) return dyad_error_set(err, "%s:%d: document too long (%zu bytes)",
                                                __FILE__, __LINE__, len);
    /* the worst case grows an invalid byte to 3 (U+FFFD) */
    size_t cap = len * 3 + 1;
    char *s = dyad_arena_alloc(a, cap);
    uint32_t *orig = dyad_arena_alloc(a, (cap + 1) * sizeof *orig);
    if (!s || !orig) return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0, o = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c < 0x80) {
            char ch = (char)c;
            if (c == '\r') ch = (i + 1 < len && p[i + 1] == '\n') ? ' ' : '\n';
            else if (c == '\t' || c == '\f' || c == '\v') ch = ' ';
            else if (c < 0x20 && c != '\n') ch = ' ';  /* NUL and control bytes */
            else if (c == 0x7F) ch = ' ';
            orig[o] = (uint32_t)i;
            s[o++] = ch;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        const char *rep = ascii_punct(cp);
        if (cp == 0xFFFD && n == 1) {
            /* an invalid byte: one unknown character, U+FFFD */
            static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
            for (int k = 0; k < 3; k++) { orig[o] = (uint32_t)i; s[o++] = fffd[k]; }
        } else if (cp >= 0x80 && cp < 0xA0) {
            orig[o] = (uint32_t)i; /* C1 controls */
            s[o++] = ' ';
        } else if (rep) {
            for (const char *r = rep; *r; r++) { orig[o] = (uint32_t)i; s[o++] = *r; }
        } else {
            for (size_t k = 0; k < n; k++) { orig[o] = (uint32_t)i; s[o++] = (char)p[i + k]; }
        }
        i += n;
    }
    orig[o] = (uint32_t)len;
    s[o] = '\0';
    out->s = s;
    out->orig = orig;
    out->len = o;
    return 0;
}

/* Upper-case ASCII for U+00C0..U+017F; "" for characters that fold to
 * nothing special (kept as they are). Two-letter folds are spelled out. */
static const char *const latin_fold[192] = {
    /* C0 */ "A","A","A","A","A","A","AE","C","E","E","E","E","I","I","I","I",
    /* D0 */ "D","N","O","O","O","O","O",NULL,"O","U","U","U","U","Y","TH","SS",
    /* E0 */ "A","A","A","A","A","A","AE","C","E","E","E","E","I","I","I","I",
    /* F0 */ "D","N","O","O","O","O","O",NULL,"O","U","U","U","U","Y","TH","Y",
    /* 100 */ "A","A","A","A","A","A","C","C","C","C","C","C","C","C","D","D",
    /* 110 */ "D","D","E","E","E","E","E","E","E","E","E","E","G","G","G","G",
    /* 120 */ "G","G","G","G","H","H","H","H","I","I","I","I","I","I","I","I",
    /* 130 */ "I","I","IJ","IJ","J","J","K","K","K","L","L","L","L","L","L","L",
    /* 140 */ "L","L","L","N","N","N","N","N","N","N","N","N","O","O","O","O",
    /* 150 */ "O","O","OE","OE","R","R","R","R","R","R","S","S","S","S","S","S",
    /* 160 */ "S","S","T","T","T","T","T","T","U","U","U","U","U","U","U","U",
    /* 170 */ "U","U","U","U","W","W","Y","Y","Y","Z","Z","Z","Z","Z","Z","S",
};

static const char *fold_cp(uint32_t cp) {
    if (cp >= 0xC0 && cp <= 0x17F) return latin_fold[cp - 0xC0];
    switch (cp) {
    case 0x0218: case 0x0219: return "S"; /* Romanian S/s with comma below */
    case 0x021A: case 0x021B: return "T";
    case 0x018F: case 0x0259: return "E"; /* Azerbaijani schwa */
    case 0x01CD: case 0x01CE: return "A";
    case 0x01CF: case 0x01D0: return "I";
    case 0x01D1: case 0x01D2: return "O";
    case 0x01D3: case 0x01D4: return "U";
    case 0x01A0: case 0x01A1: return "O"; /* Vietnamese horn letters */
    case 0x01AF: case 0x01B0: return "U";
    case 0x1E9E: return "SS";
    }
    return NULL;
}

char *text_fold_upper(dyad_arena *a, const char *s, size_t n) {
    char *out = dyad_arena_alloc(a, n * 2 + 1); /* a 2-byte char folds to at most 2 */
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (cp >= 0x0300 && cp <= 0x036F) { i += k; continue; } /* combining accents */
        const char *f = fold_cp(cp);
        if (f) {
            while (*f && o < n * 2) out[o++] = *f++;
        } else {
            memcpy(out + o, p + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    return out;
}
