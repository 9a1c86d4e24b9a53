/* read_discards.c -- the discard list and the issues dictionary.
 *
 * Discards: "PHRASE" drops the sentence that contains it, "+PHRASE" drops
 * the whole story. The last word is a stem (matches any word it begins)
 * unless it ends with '_'. Matching is by whole tokens, case-insensitive.
 *
 * Issues: lines "phrase [CODE]" inside <ISSUE CATEGORY=...> blocks; "~phrase"
 * is an ignore phrase. A word "n:x" stands for x and its plural, "v:x" for
 * x, xS, xED and xING, and "a+b" for both "a b" and "a-b". */
#include "dictInt.h"

#include <stdlib.h>
#include <string.h>

static int discard_line(dline *ln, char *raw, void *state) {
    (void)state;
    dyad_dict *d = ln->d;
    char *s = dict_strip_comment(raw);
    if (!*s) return 0;
    int story = s[0] == '+';
    if (story) s = dict_strip_comment(s + 1);
    size_t n = strlen(s);
    int exact = n && s[n - 1] == '_';
    while (n && (s[n - 1] == '_' || s[n - 1] == ' ')) s[--n] = 0;
    char *lastsp = strrchr(s, ' ');
    char *last = lastsp ? lastsp + 1 : s;
    if (!*last) {
        dict_problem(ln, "empty discard phrase, line skipped");
        return 0;
    }
    ddiscard rec = {(uint32_t)story, dict_str(d, s, n), ln->file, ln->no};
    if (dvec_push(&d->discards, sizeof rec, &rec) < 0) return -1;
    uint32_t val = d->discards.n; /* index+1 */
    story ? d->stats.story_discards++ : d->stats.discards++;

    uint32_t ids[64];
    int k = 0;
    if (lastsp) {
        k = dict_phrase_ids(d, s, (size_t)(lastsp - s), ids, 63);
        if (k < 0) {
            dict_problem(ln, "over-long discard phrase, line skipped");
            return 0;
        }
    }
    if (exact) {
        char w[256];
        snprintf(w, sizeof w, "%s", last);
        dict_upper(w);
        ids[k++] = dict_word(d, w, strlen(w));
        int64_t node = dtrie_add(&d->discard_trie, ids, (size_t)k);
        if (node < 0) return -1;
        if (!d->discard_trie.val[node]) d->discard_trie.val[node] = val;
        else d->stats.duplicate_phrases++;
        return 0;
    }
    int64_t node = dtrie_add(&d->discard_trie, ids, (size_t)k);
    if (node < 0) return -1;
    char w[256];
    snprintf(w, sizeof w, "%s", last);
    dict_upper(w);
    dstem st = {dict_str(d, w, strlen(w)), val, d->discard_trie.stem[node]};
    if (dvec_push(&d->stems, sizeof st, &st) < 0) return -1;
    d->discard_trie.stem[node] = d->stems.n;
    uint64_t key = stem_key((uint32_t)node, hash_key(w, strlen(w)));
    if (!dhash_get(&d->stem_index, key) && dhash_put(&d->stem_index, key, d->stems.n) < 0) return -1;
    return 0;
}

int dict_read_discards(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx,
                       dyad_error *err) {
    return dict_read_lines(path, d, fn, ctx, discard_line, NULL, err);
}

/* ---- issues */

#define MAX_VARIANTS 64

typedef struct variants {
    char v[MAX_VARIANTS][256];
    int n;
} variants;

/* Expands one word of an issue phrase ("n:x", "v:x", "a+b") into variants,
 * each a string of one or more blank-separated tokens. */
static void expand_word(const char *w, variants *out) {
    out->n = 0;
    char parts[8][128];
    int np = 0;
    const char *p = w;
    while (*p && np < 8) {
        const char *plus = strchr(p, '+');
        size_t len = plus ? (size_t)(plus - p) : strlen(p);
        if (len >= 120) len = 119;
        memcpy(parts[np], p, len);
        parts[np++][len] = 0;
        if (!plus) break;
        p = plus + 1;
    }
    /* forms of each part, combined part by part; two buffers swap roles so
     * that only the variants in use are ever written */
    variants tmp;
    variants *bufs[2] = {out, &tmp};
    int cur = 0;
    bufs[0]->n = 1;
    bufs[0]->v[0][0] = 0;
    for (int i = 0; i < np; i++) {
        char forms[6][128];
        int nf = 0;
        char *x = parts[i];
        if (!strncmp(x, "n:", 2)) {
            snprintf(forms[nf++], 128, "%s", x + 2);
            int npl;
            char pl[4][128];
            dict_plurals(x + 2, pl, &npl);
            for (int j = 0; j < npl && nf < 6; j++) memcpy(forms[nf++], pl[j], 128);
        } else if (!strncmp(x, "v:", 2)) {
            const char *b = x + 2;
            size_t bl = strlen(b);
            int e = bl && b[bl - 1] == 'E';
            snprintf(forms[nf++], 128, "%s", b);
            snprintf(forms[nf++], 128, "%sS", b);
            snprintf(forms[nf++], 128, e ? "%sD" : "%sED", b);
            snprintf(forms[nf++], 128, "%.*sING", (int)(e ? bl - 1 : bl), b);
        } else {
            snprintf(forms[nf++], 128, "%s", x);
        }
        const variants *acc = bufs[cur];
        variants *next = bufs[1 - cur];
        next->n = 0;
        for (int a = 0; a < acc->n; a++)
            for (int f = 0; f < nf; f++)
                for (int sep = 0; sep < (i ? 2 : 1); sep++) {
                    if (next->n == MAX_VARIANTS) break;
                    snprintf(next->v[next->n++], 256, "%s%s%s", acc->v[a], i ? (sep ? "-" : " ") : "",
                             forms[f]);
                }
        cur = 1 - cur;
    }
    if (cur == 1) { /* the result is in tmp: copy the variants in use */
        out->n = tmp.n;
        for (int i = 0; i < tmp.n; i++) memcpy(out->v[i], tmp.v[i], strlen(tmp.v[i]) + 1);
    }
}

typedef struct issue_state {
    variants words[16];
} issue_state;

static int add_issue_phrase(dyad_dict *d, dline *ln, const char *phrase, uint32_t rec) {
    uint32_t ids[64];
    int k = dict_phrase_ids(d, phrase, strlen(phrase), ids, 64);
    if (k < 0) return 0;
    int64_t node = dtrie_add(&d->issue_trie, ids, (size_t)k);
    if (node < 0) return -1;
    if (!d->issue_trie.val[node]) d->issue_trie.val[node] = rec;
    (void)ln;
    return 0;
}

/* All combinations of the words' variants, each added to the trie. */
static int add_combinations(dyad_dict *d, dline *ln, issue_state *st, int nw, int i,
                            char *prefix, uint32_t rec, int *budget) {
    if (i == nw) return add_issue_phrase(d, ln, prefix, rec);
    size_t len = strlen(prefix);
    for (int v = 0; v < st->words[i].n && *budget > 0; v++) {
        (*budget)--;
        snprintf(prefix + len, 1024 - len, "%s%s", len ? " " : "", st->words[i].v[v]);
        if (add_combinations(d, ln, st, nw, i + 1, prefix, rec, budget) < 0) return -1;
        prefix[len] = 0;
    }
    return 0;
}

static int issue_line(dline *ln, char *raw, void *state) {
    issue_state *st = state;
    dyad_dict *d = ln->d;
    char *s = dict_strip_comment(raw);
    if (!*s || s[0] == '<') return 0; /* blank, <ISSUE ...> or </ISSUE> */
    int ignore = s[0] == '~';
    while (*s == '~') s++;
    uint32_t code = 0;
    char *open = strchr(s, '[');
    if (open) {
        char *close = strchr(open, ']');
        if (!close) {
            dict_problem(ln, "'[' without ']', line skipped");
            return 0;
        }
        code = dict_str(d, open + 1, (size_t)(close - open - 1));
        *open = 0;
    } else if (!ignore) {
        dict_problem(ln, "issue phrase without [CODE], line skipped");
        return 0;
    }
    dict_upper(s);
    dissue rec = {ignore ? 0 : code, ln->file, ln->no};
    if (dvec_push(&d->issues, sizeof rec, &rec) < 0) return -1;
    d->stats.issues++;
    int nw = 0;
    for (char *tok = strtok(s, " \t"); tok; tok = strtok(NULL, " \t")) {
        if (nw == 16) {
            dict_problem(ln, "issue phrase longer than 16 words, line skipped");
            return 0;
        }
        char w[256];
        snprintf(w, sizeof w, "%s", tok);
        /* the n:/v: markers were upper-cased with the rest */
        for (char *c = w; *c; c++)
            if ((c[0] == 'N' || c[0] == 'V') && c[1] == ':' && (c == w || c[-1] == '+'))
                c[0] = (char)(c[0] - 'A' + 'a');
        expand_word(w, &st->words[nw++]);
    }
    if (!nw) {
        dict_problem(ln, "empty issue phrase, line skipped");
        return 0;
    }
    char prefix[1024] = "";
    int budget = 4096;
    return add_combinations(d, ln, st, nw, 0, prefix, d->issues.n, &budget);
}

int dict_read_issues(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx,
                     dyad_error *err) {
    return dict_read_lines_with(path, d, fn, ctx, issue_line, sizeof(issue_state), err);
}
