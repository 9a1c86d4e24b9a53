/* tokenize.c -- Penn Treebank tokenization of normalized text.
 *
 * One left-to-right pass, no backtracking: punctuation is split off,
 * clitics become tokens of their own (did|n't, ca|n't, Russia|'s, they|'re),
 * hyphenated words and numbers with inner commas or periods stay whole
 * (Russia-Iran, 1,200, 3.5), abbreviations keep their period (U.S., Mr.),
 * and straight quotes become `` or '' by their side. Each token records
 * whether a space, a line break or a blank line came before it, which the
 * sentence splitter needs. */
#include "text/text.h"
#include "util/buf.h"
#include "util/bytes8.h"

#include <stdlib.h>
#include <string.h>

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline __attribute__((always_inline)) int is_fffd(const char *s, size_t i, size_t len) {
    return i + 2 < len && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
           (unsigned char)s[i + 2] == 0xBD;
}
/* a byte that can be part of a word: ASCII letters, digits, non-ASCII */
static inline __attribute__((always_inline)) int is_wordc(const char *s, size_t i, size_t len) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) return !is_fffd(s, i, len);
    return is_alpha(c) || is_digit(c);
}

/* The array is grown with realloc, not in the arena: arena growth left
 * every smaller copy behind (as much again as the array), and the caller
 * frees it once the sentences are built (a 15 MB document's tokens are
 * some 80 MB). */
static int push(dyad_arena *a, raw_tokens *t, uint32_t s, uint32_t e, const char *text,
                int kind, int flags) {
    (void)a;
    if (util_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v, 256) < 0) return -1;
    static const char *const reps[] = TEXT_REPS;
    uint8_t rep = 0;
    if (text)
        while (++rep < sizeof reps / sizeof *reps && strcmp(reps[rep], text)) {}
    if (rep == sizeof reps / sizeof *reps) return -1; /* not a replacement text.h knows */
    raw_token *k = &t->v[t->n++];
    k->s = s;
    k->e = e;
    k->rep = rep;
    k->kind = (uint8_t)kind;
    k->flags = (uint8_t)flags;
    return 0;
}

static int lower_eq(const char *s, size_t n, const char *lit) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != (unsigned char)lit[i]) return 0;
    }
    return lit[n] == '\0';
}

/* Bytes that are part of a word whatever follows: ASCII letters and
 * digits, and non-ASCII bytes other than 0xEF (which may begin U+FFFD).
 * Where a run of them from s[j] ends: 8 bytes at a time (bytes8_word_end),
 * so that most words take one step and the loop's exit is no branch
 * mispredicted on every word. s[len] and the NUL padding after it end
 * every run and keep the reads inside the text (NORM_PAD). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static size_t plain_run_end(const char *s, size_t j) {
    for (;; j += 8) {
        uint64_t end = bytes8_word_end(bytes8_load(s + j));
        if (end) return j + bytes8_first(end);
    }
}
#else
static const unsigned char plain_word_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static size_t plain_run_end(const char *s, size_t j) {
    while (plain_word_byte[(unsigned char)s[j]]) j++;
    return j;
}
#endif

/* End of the word that starts at i; *inner: where its first byte other than
 * a letter, a digit or a non-ASCII byte is (len when there is none). */
static size_t scan_word(const char *s, size_t i, size_t len, size_t *inner) {
    size_t j = i, seg = i; /* seg: start of the current period-free segment */
    *inner = len;
    while (j < len) {
        j = plain_run_end(s, j);
        if (j >= len) break;
        unsigned char c = (unsigned char)s[j];
        if (c == ' ' || c == '\n') break; /* no word goes on across a space */
        if (is_wordc(s, j, len)) { j++; continue; }
        if (j == i || j + 1 >= len) break;
        if (*inner == len) *inner = j; /* (set early: a break below ends the word before j) */
        unsigned char p = (unsigned char)s[j - 1], n = (unsigned char)s[j + 1];
        int p_word = is_wordc(s, j - 1, len), n_word = is_wordc(s, j + 1, len);
        if (c == '-' && p_word && n_word) { j++; continue; }
        if (c == '.' && is_digit(p) && is_digit(n)) { j++; continue; }
        if (c == '.' && is_alpha(p) && is_alpha(n) && j - seg == 1) { j++; seg = j; continue; }
        if (c == '.' && is_alpha(p) && n == '-' && j - seg == 1 && j + 2 < len &&
            is_wordc(s, j + 2, len) && j > i + 1 && s[j - 2] == '.') { j += 2; continue; } /* U.S.-led */
        if (c == '.' && p_word && n_word && j - i >= 3 && lower_eq(s + i, 4, "www.")) { j++; continue; }
        if (c == ':' && is_digit(p) && is_digit(n)) { j++; continue; } /* 10:30 */
        if (c == ',' && is_digit(p) && j + 3 < len + 0 && is_digit(n) &&
            is_digit((unsigned char)s[j + 2]) && is_digit((unsigned char)s[j + 3]) &&
            (j + 4 >= len || !is_digit((unsigned char)s[j + 4]))) { j++; continue; }
        if (c == '\'' && is_alpha(p) && is_alpha(n)) { j++; continue; }
        if (c == '&' && p >= 'A' && p <= 'Z' && n >= 'A' && n <= 'Z') { j++; continue; }
        if (c == '/' && p_word && n_word) { j++; continue; }
        break;
    }
    return j;
}


/* Length of a clitic at the end of word s[0..n): n't 's 'm 'd 're 've 'll. */
static size_t clitic_len(const char *s, size_t n) {
    if (n < 3 || (s[n - 2] != '\'' && s[n - 3] != '\'')) return 0; /* every clitic has its ' there */
    if (n > 3 && lower_eq(s + n - 3, 3, "n't")) return 3;
    if (n > 2 && (lower_eq(s + n - 2, 2, "'s") || lower_eq(s + n - 2, 2, "'m") ||
                  lower_eq(s + n - 2, 2, "'d"))) return 2;
    if (n > 3 && (lower_eq(s + n - 3, 3, "'re") || lower_eq(s + n - 3, 3, "'ve") ||
                  lower_eq(s + n - 3, 3, "'ll"))) return 3;
    return 0;
}

static size_t next_nonspace(const char *s, size_t i, size_t len) {
    while (i < len && (s[i] == ' ' || s[i] == '\n')) i++;
    return i;
}

/* Does the word s[i..j) keep the period that follows it? Returns the flags
 * to set (TF_ABBREV, maybe TF_TITLE), 0 when the period is a token. */
static int keeps_period(const char *s, size_t i, size_t j, size_t len) {
    size_t n = j - i;
    int letters = 0, inner = 0;
    for (size_t k = i; k < j; k++) {
        if (is_alpha((unsigned char)s[k])) letters++;
        else if (s[k] == '.') inner = 1;
    }
    if (inner && letters) return TF_ABBREV;                        /* U.S. e.g. p.m. */
    if (n == 1 && s[i] >= 'A' && s[i] <= 'Z') return TF_ABBREV | TF_TITLE; /* W. */
    int kind = text_abbrev(s + i, n);
    if (!kind) return 0;
    if (lower_eq(s + i, n, "no") || lower_eq(s + i, n, "nos") || lower_eq(s + i, n, "vol")) {
        size_t k = next_nonspace(s, j + 1, len);     /* No. 5, not "said no." */
        if (k >= len || !is_digit((unsigned char)s[k])) return 0;
    }
    return kind == 2 ? TF_ABBREV | TF_TITLE : TF_ABBREV;
}

/* Does the last token end at i with an abbreviation's period (U.S.)? */
static int after_abbrev(const raw_tokens *t, size_t i) {
    return t->n && t->v[t->n - 1].e == i && (t->v[t->n - 1].flags & TF_ABBREV);
}

static int is_open_context(unsigned char c) {
    return c == ' ' || c == '\n' || c == '(' || c == '[' || c == '{' || c == '-';
}

void text_tokens_free(raw_tokens *t) {
    free(t->v);
    memset(t, 0, sizeof *t);
}

int text_tokenize(dyad_arena *a, const norm_text *norm, raw_tokens *out, dyad_error *err) {
    const char *s = norm->s;
    size_t len = norm->len, i = 0;
    int flags = TF_PARA; /* the document start counts as a paragraph start */
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n') {
            flags |= TF_SPACE;
            if (c == '\n') flags |= (flags & TF_NEWLINE) ? TF_PARA : TF_NEWLINE;
            i++;
            continue;
        }
        int r = 0;
        uint32_t st = (uint32_t)i;
        if (is_wordc(s, i, len)) {
            size_t inner;
            size_t j = scan_word(s, i, len, &inner);
            int f = 0;
            if (j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] == '.'))
                f = keeps_period(s, i, j, len);
            if (f) {
                r = push(a, out, st, (uint32_t)(j + 1), NULL, TOK_WORD, flags | f);
                i = j + 1;
            } else {
                size_t cl = clitic_len(s + i, j - i);
                if (cl) {
                    int in = inner < j - cl ? TF_INNER : 0;
                    r = push(a, out, st, (uint32_t)(j - cl), NULL, TOK_WORD, flags | in);
                    if (!r) r = push(a, out, (uint32_t)(j - cl), (uint32_t)j, NULL, TOK_WORD, TF_INNER);
                } else {
                    int kind = is_digit(c) ? TOK_NUMBER : TOK_WORD;
                    r = push(a, out, st, (uint32_t)j, NULL, kind, flags | (inner < j ? TF_INNER : 0));
                }
                i = j;
            }
        } else if (is_fffd(s, i, len)) {
            r = push(a, out, st, st + 3, NULL, TOK_UNKNOWN, flags);
            i += 3;
        } else if (c == '"') {
            int open = (i == 0 || is_open_context((unsigned char)s[i - 1])) &&
                       i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '\n';
            r = push(a, out, st, st + 1, open ? "``" : "''", open ? TOK_LQUOTE : TOK_RQUOTE, flags);
            i++;
        } else if ((c == '`' || c == '\'') && i + 1 < len && s[i + 1] == (char)c) {
            r = push(a, out, st, st + 2, c == '`' ? "``" : "''",
                     c == '`' ? TOK_LQUOTE : TOK_RQUOTE, flags);
            i += 2;
        } else if (c == '`') {
            r = push(a, out, st, st + 1, "`", TOK_LQUOTE, flags);
            i++;
        } else if (c == '\'' && after_abbrev(out, i) && i + 1 < len && (s[i + 1] | 32) == 's' &&
                   !(i + 2 < len && is_wordc(s, i + 2, len))) {
            /* "the U.S.'s decision": the possessive of an abbreviation */
            r = push(a, out, st, st + 2, NULL, TOK_WORD, flags | TF_INNER);
            i += 2;
        } else if (c == '\'') {
            int after_word = i > 0 && is_wordc(s, i - 1, len) && !(flags & TF_SPACE);
            int before_word = i + 1 < len && is_wordc(s, i + 1, len);
            if (after_word && (s[i - 1] == 's' || s[i - 1] == 'S') && !before_word)
                r = push(a, out, st, st + 1, "'", TOK_POSS, flags);
            else if (!after_word && before_word)
                r = push(a, out, st, st + 1, "`", TOK_LQUOTE, flags);
            else
                r = push(a, out, st, st + 1, "'", TOK_RQUOTE, flags);
            i++;
        } else if (c == '.' || c == '-') {
            size_t j = i;
            while (j < len && s[j] == (char)c) j++;
            const char *text = NULL;
            if (j - i >= 2) text = c == '.' ? "..." : "--";
            r = push(a, out, st, (uint32_t)j, text, TOK_PUNCT, flags);
            i = j;
        } else {
            r = push(a, out, st, st + 1, NULL, TOK_PUNCT, flags);
            i++;
        }
        if (r) return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
        flags = 0;
    }
    return 0;
}
