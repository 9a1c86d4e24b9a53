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
#include "util/bytes8.h"

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

/* Composition of a Latin letter and a combining accent (NFD -> NFC) for
 * the letters of Latin-1 and Latin Extended-A: for each accent, its base
 * letters and the composed code points, in the same order. */
typedef struct composition {
    uint32_t mark;
    const char *bases;
    uint16_t cps[26];
} composition;

static const composition compositions[] = {
    {0x0300, "AEIOUaeiou", {0xC0, 0xC8, 0xCC, 0xD2, 0xD9, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9}},
    {0x0301, "AEIOUYaeiouyCcLlNnRrSsZz",
     {0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDD, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD, 0x106, 0x107,
      0x139, 0x13A, 0x143, 0x144, 0x154, 0x155, 0x15A, 0x15B, 0x179, 0x17A}},
    {0x0302, "AEIOUaeiouCcGgHhJjSsWwYy",
     {0xC2, 0xCA, 0xCE, 0xD4, 0xDB, 0xE2, 0xEA, 0xEE, 0xF4, 0xFB, 0x108, 0x109, 0x11C, 0x11D,
      0x124, 0x125, 0x134, 0x135, 0x15C, 0x15D, 0x174, 0x175, 0x176, 0x177}},
    {0x0303, "ANOanoIiUu", {0xC3, 0xD1, 0xD5, 0xE3, 0xF1, 0xF5, 0x128, 0x129, 0x168, 0x169}},
    {0x0304, "AaEeIiOoUu", {0x100, 0x101, 0x112, 0x113, 0x12A, 0x12B, 0x14C, 0x14D, 0x16A, 0x16B}},
    {0x0306, "AaEeGgIiOoUu",
     {0x102, 0x103, 0x114, 0x115, 0x11E, 0x11F, 0x12C, 0x12D, 0x14E, 0x14F, 0x16C, 0x16D}},
    {0x0307, "CcEeGgIZz", {0x10A, 0x10B, 0x116, 0x117, 0x120, 0x121, 0x130, 0x17B, 0x17C}},
    {0x0308, "AEIOUaeiouyY",
     {0xC4, 0xCB, 0xCF, 0xD6, 0xDC, 0xE4, 0xEB, 0xEF, 0xF6, 0xFC, 0xFF, 0x178}},
    {0x030A, "AaUu", {0xC5, 0xE5, 0x16E, 0x16F}},
    {0x030B, "OoUu", {0x150, 0x151, 0x170, 0x171}},
    {0x030C, "CcDdEeNnRrSsTtZz",
     {0x10C, 0x10D, 0x10E, 0x10F, 0x11A, 0x11B, 0x147, 0x148, 0x158, 0x159, 0x160, 0x161, 0x164,
      0x165, 0x17D, 0x17E}},
    {0x0327, "CcGgKkLlNnRrSsTt",
     {0xC7, 0xE7, 0x122, 0x123, 0x136, 0x137, 0x13B, 0x13C, 0x145, 0x146, 0x156, 0x157, 0x15E,
      0x15F, 0x162, 0x163}},
    {0x0328, "AaEeIiUu", {0x104, 0x105, 0x118, 0x119, 0x12E, 0x12F, 0x172, 0x173}},
};

/* The precomposed letter for base + combining mark, or 0. */
static uint32_t compose(char base, uint32_t mark) {
    for (size_t i = 0; i < sizeof compositions / sizeof compositions[0]; i++) {
        if (compositions[i].mark != mark) continue;
        const char *p = strchr(compositions[i].bases, base);
        return p && base ? compositions[i].cps[p - compositions[i].bases] : 0;
    }
    return 0;
}

/* The map back to the original, built as the text is: a new segment
 * only where the offset shift changes. */
typedef struct mapper {
    dyad_arena *a;
    norm_seg *v;
    size_t n, cap;
} mapper;

static int seg_push(mapper *m, uint32_t o, uint32_t i, uint32_t konst) {
    if (m->n == m->cap) {
        size_t ncap = m->cap * 2;
        norm_seg *nv = dyad_arena_alloc_uninit(m->a, ncap * sizeof *nv);
        if (!nv) return -1;
        memcpy(nv, m->v, m->n * sizeof *nv);
        m->v = nv;
        m->cap = ncap;
    }
    m->v[m->n].o0 = o;
    m->v[m->n].i0 = i;
    m->v[m->n].konst = konst;
    m->n++;
    return 0;
}

/* Bytes from normalized offset o on come one for one from original offset
 * i on (a multi-byte character as a whole). */
static int map_same(mapper *m, size_t o, size_t i) {
    const norm_seg *g = m->n ? &m->v[m->n - 1] : NULL;
    if (g && !g->konst && i - o == (size_t)g->i0 - g->o0) return 0;
    return seg_push(m, (uint32_t)o, (uint32_t)i, 0);
}

/* Bytes from o on (up to the next segment) all come from original i. */
static int map_const(mapper *m, size_t o, size_t i) {
    return seg_push(m, (uint32_t)o, (uint32_t)i, 1);
}

/* A numeric character reference at p[0] = '#' ("&#39;", "&#8212;"), also
 * with its "&" lost, as wire copy often has it ("Kenya #39;s capital"): its
 * length up to the ';', and its ASCII stand-in in *rep; 0 for none. Only
 * the references of quotes, apostrophes, dashes and "&". */
static size_t char_ref(const unsigned char *p, size_t n, const char **rep) {
    size_t k = 1;
    uint32_t v = 0;
    while (k < n && k < 6 && p[k] >= '0' && p[k] <= '9') v = v * 10 + (uint32_t)(p[k++] - '0');
    if (k == 1 || k >= n || p[k] != ';') return 0;
    switch (v) {
    case 39: case 145: case 146: case 8216: case 8217: *rep = "'"; break;
    case 34: case 147: case 148: case 8220: case 8221: *rep = "\""; break;
    case 150: case 8211: *rep = "-"; break;
    case 151: case 8212: *rep = "--"; break;
    case 38: *rep = "&"; break;
    default: return 0;
    }
    return k + 1;
}

static int is_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Does the apostrophe of a reference close a word, with the blank before it
 * standing for the lost "&" ("Kenya #39;s", "can #39;t", "the rebels #39;
 * camp"), rather than open a quote ("his #39;mistake", "on #39;90s")?
 * q: the text after the reference. */
static int apostrophe_closes(const unsigned char *q, size_t n) {
    size_t k = 0;
    while (k < n && k < 3 && is_letter(q[k])) k++;
    if (k == 0) return n == 0 || !(q[0] >= '0' && q[0] <= '9');
    if (k < n && is_letter(q[k])) return 0;
    unsigned a = q[0] | 0x20, b = k > 1 ? q[1] | 0x20 : 0;
    if (k == 1) return a == 's' || a == 't' || a == 'd' || a == 'm';
    return k == 2 && ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e'));
}

/* Writes the stand-in of the reference at original offset i (length rl):
 * the "&" before it is dropped, and so is the blank that stands for a lost
 * "&" before an apostrophe that closes a word. */
static int put_ref(mapper *m, char *s, size_t *o, const unsigned char *p, size_t i, size_t len, size_t rl,
                   const char *rep) {
    size_t from = i;
    if (*o > 0 && s[*o - 1] == '&') {
        (*o)--;
        from = i - 1;
    } else if (rep[0] == '\'' && *o > 1 && s[*o - 1] == ' ' && s[*o - 2] != ' ' &&
               apostrophe_closes(p + i + rl, len - i - rl)) {
        (*o)--;
        from = i - 1;
    }
    int rc = map_const(m, *o, from);
    for (const char *r = rep; *r; r++) s[(*o)++] = *r;
    return rc;
}

int text_normalize(dyad_arena *a, const char *text, size_t len, norm_text *out,
                   dyad_error *err) {
    if (len > 0x3FFFFFFF) return dyad_error_set(err, "%s:%d: document too long (%zu bytes)",
                                                __FILE__, __LINE__, len);
    /* only an invalid byte grows (to the 3 bytes of U+FFFD); every other
     * replacement is no longer than what it replaces */
    size_t high = 0, k = 0;
    for (; k + 8 <= len; k += 8) high += bytes8_count_high(bytes8_load(text + k));
    for (; k < len; k++) high += (unsigned char)text[k] >> 7;
    size_t cap = len + 2 * high + NORM_PAD;
    char *s = dyad_arena_alloc_uninit(a, cap);
    mapper m = {.a = a, .cap = 8};
    m.v = dyad_arena_alloc_uninit(a, m.cap * sizeof *m.v);
    if (!s || !m.v) return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0, o = 0;
    int rc = 0;
    while (i < len && !rc) {
        unsigned c = p[i];
        if (c >= 0x20 && c < 0x7F) { /* a run of printable ASCII, most of any text: kept */
            size_t end = i + 1;
            while (end + 8 <= len && bytes8_printable(bytes8_load(p + end))) end += 8;
            while (end < len && (unsigned char)(p[end] - 0x20) < 0x5F) end++;
            /* a character reference ("&#39;", " #39;") ends the run */
            const unsigned char *h = memchr(p + i, '#', end - i);
            const char *rep = NULL;
            size_t rl = 0;
            while (h && !(rl = char_ref(h, len - (size_t)(h - p), &rep)))
                h = memchr(h + 1, '#', end - (size_t)(h + 1 - p));
            if (h) end = (size_t)(h - p);
            if (end > i) {
                memcpy(s + o, p + i, end - i);
                rc = map_same(&m, o, i);
                o += end - i;
                i = end;
            }
            if (rl && !rc) {
                rc = put_ref(&m, s, &o, p, i, len, rl, rep);
                i += rl;
            }
            continue;
        }
        if (c < 0x80) {
            char ch = (char)c;
            if (c == '\r') ch = (i + 1 < len && p[i + 1] == '\n') ? ' ' : '\n';
            else if (c == '\t' || c == '\f' || c == '\v') ch = ' ';
            else if (c < 0x20 && c != '\n') ch = ' ';  /* NUL and control bytes */
            else if (c == 0x7F) ch = ' ';
            rc = map_same(&m, o, i);
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
            rc = map_const(&m, o, i);
            for (int k = 0; k < 3; k++) s[o++] = fffd[k];
        } else if (cp >= 0x80 && cp < 0xA0) {
            rc = map_same(&m, o, i); /* C1 controls */
            s[o++] = ' ';
        } else if (cp >= 0x0300 && cp <= 0x036F && o > 0 && (unsigned char)s[o - 1] < 0x80 &&
                   compose(s[o - 1], cp)) {
            /* a decomposed accent (u + U+0308): NFC keeps the letter whole;
             * its second byte maps where the letter does (text_orig walks
             * back to a character's first byte), so the map is unchanged */
            uint32_t c2 = compose(s[o - 1], cp);
            s[o - 1] = (char)(0xC0 | (c2 >> 6));
            s[o++] = (char)(0x80 | (c2 & 0x3F));
        } else if (rep) {
            /* "" (a character dropped) needs no map: what follows maps itself */
            if (*rep) rc = rep[1] ? map_const(&m, o, i) : map_same(&m, o, i);
            for (const char *r = rep; *r; r++) s[o++] = *r;
        } else {
            rc = map_same(&m, o, i);
            for (size_t k = 0; k < n; k++) s[o++] = (char)p[i + k];
        }
        i += n;
    }
    if (!rc) rc = map_same(&m, o, len); /* the end maps to the original's end */
    if (!rc) rc = seg_push(&m, UINT32_MAX, 0, 0); /* the sentinel */
    if (rc) return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
    memset(s + o, 0, NORM_PAD);
    out->s = s;
    out->seg = m.v;
    out->nseg = m.n - 1;
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
    text_fold_upper_into(out, s, n);
    return out;
}

size_t text_fold_upper_into(char *out, const char *s, size_t n) {
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
    return o;
}
