/* read_verbs.c -- the PETRARCH-2 verb dictionary.
 *
 *   &SYNSET            a synonym set; "+WORD" / "+TWO_WORDS" / "+&OTHER" lines
 *                      follow (a label or member ending in '_' gets no plurals)
 *   --- NAME [CODE] ---  starts a block of synonymous verbs; CODE is what a
 *                      bare verb of the block codes ("---": nothing)
 *   SPEAK {SPOKE SPOKEN SPEAKS SPEAKING} [CODE]   a verb, its irregular forms
 *                      and optional own code; regular forms are generated
 *   +BEEF_UP, WIRE_+TAP {WIRE_+TAPPED ...}  multi-word verbs: '+' marks the verb
 *   - PRE * POST [CODE] a pattern; {..} noun phrase, (..) prepositional
 *                      phrase, + target, $ source, % compound, ^ skip,
 *                      &SYN synset; [A:B] codes A for source->target and B back
 *   ~ ...              a transformation (kept as written)
 *
 * A malformed line is reported as file:line and skipped. */
#include "dictInt.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { MODE_NONE, MODE_SYNSET, MODE_BLOCK };

typedef struct verb_state {
    int mode;
    int synset_plurals; /* the current synset's label has no trailing '_' */
} verb_state;

/* ---- codes */

static int valid_code(const char *s, size_t n) {
    if (n == 3 && !strncmp(s, "---", 3)) return 1;
    if (n < 2 || n > 5) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i])) return 0;
    return isdigit((unsigned char)s[0]);
}

/* "[042]" "[042:043]" "[:190]" "[---]" -> code offsets; 0 on a bad code */
static int parse_code(dyad_dict *d, dline *ln, const char *s, size_t n, uint32_t *a,
                      uint32_t *b) {
    *a = *b = 0;
    while (n && s[0] == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    const char *colon = memchr(s, ':', n);
    size_t la = colon ? (size_t)(colon - s) : n;
    if (la && !valid_code(s, la)) goto bad;
    if (la) *a = dict_str(d, s, la);
    if (colon) {
        size_t lb = n - la - 1;
        if (lb && !valid_code(colon + 1, lb)) goto bad;
        if (lb) *b = dict_str(d, colon + 1, lb);
    }
    if (!*a && !*b) goto bad;
    return 1;
bad:
    dict_problem(ln, "malformed code [%.*s], line skipped", (int)n, s);
    return 0;
}

/* ---- verb forms */

static int is_vowel(char c) { return c && strchr("AEIOU", c) != NULL; }

/* Regular forms of a base verb: base, 3rd person, past, -ing (and the
 * doubled-consonant spellings where English may double). */
static int regular_forms(const char *b, char out[][128]) {
    size_t n = strlen(b);
    int k = 0;
    if (n == 0 || n > 100) return 0;
    char last = b[n - 1], prev = n > 1 ? b[n - 2] : 0;
    snprintf(out[k++], 128, "%s", b);
    if (last == 'Y' && !is_vowel(prev)) snprintf(out[k++], 128, "%.*sIES", (int)n - 1, b);
    else if (strchr("SXZO", last) || (last == 'H' && (prev == 'C' || prev == 'S')))
        snprintf(out[k++], 128, "%sES", b);
    else snprintf(out[k++], 128, "%sS", b);
    if (last == 'E') snprintf(out[k++], 128, "%sD", b);
    else if (last == 'Y' && !is_vowel(prev)) snprintf(out[k++], 128, "%.*sIED", (int)n - 1, b);
    else snprintf(out[k++], 128, "%sED", b);
    if (last == 'E' && prev == 'I') snprintf(out[k++], 128, "%.*sYING", (int)n - 2, b);
    else if (last == 'E' && prev != 'E' && prev != 'Y' && prev != 'O' && n > 2)
        snprintf(out[k++], 128, "%.*sING", (int)n - 1, b);
    else snprintf(out[k++], 128, "%sING", b);
    int cvc = n >= 3 && !is_vowel(last) && !strchr("WXY", last) && is_vowel(prev) &&
              !is_vowel(b[n - 3]);
    if (cvc) {
        snprintf(out[k++], 128, "%s%cED", b, last);
        snprintf(out[k++], 128, "%s%cING", b, last);
    }
    return k;
}

/* Adds one spelling "WORD" or "PRE_+WORD_POST" of a verb. */
static int add_form(dyad_dict *d, dline *ln, const char *form, uint32_t lemma, uint32_t code,
                    uint32_t code2) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", form);
    dict_upper(buf);
    char *plus = strchr(buf, '+');
    char *main = plus ? plus + 1 : buf;
    char *mend = main;
    while (*mend && *mend != '_' && *mend != ' ') mend++;
    if (mend == main) {
        dict_problem(ln, "verb form '%s' has no verb word, skipped", form);
        return 0;
    }
    uint32_t pre[16], post[16];
    int npre = 0, npost = 0;
    if (plus && plus > buf) {
        npre = dict_phrase_ids(d, buf, (size_t)(plus - buf), pre, 16);
        if (npre < 0) npre = 0;
    }
    if (*mend) {
        npost = dict_phrase_ids(d, mend, strlen(mend), post, 16);
        if (npost < 0) npost = 0;
    }
    uint32_t word = dict_word(d, main, (size_t)(mend - main));
    dverbform f = {d->blocks.n - 1, lemma, code, code2, d->ids.n, (uint32_t)npre, 0, (uint32_t)npost,
                   dhash_get(&d->verb_index, word), ln->file, ln->no};
    for (int i = 0; i < npre; i++)
        if (dvec_push(&d->ids, sizeof pre[i], &pre[i]) < 0) return -1;
    f.post_first = d->ids.n;
    for (int i = 0; i < npost; i++)
        if (dvec_push(&d->ids, sizeof post[i], &post[i]) < 0) return -1;
    if (dvec_push(&d->forms, sizeof f, &f) < 0) return -1;
    if (dhash_put(&d->verb_index, word, d->forms.n) < 0) return -1;
    d->stats.verb_forms++;
    return 0;
}

static int verb_line(dyad_dict *d, dline *ln, char *s) {
    uint32_t code = 0, code2 = 0;
    char *open = strchr(s, '[');
    if (open) {
        char *close = strchr(open, ']');
        if (!close || !parse_code(d, ln, open + 1, (size_t)(close - open - 1), &code, &code2))
            return close ? 0 : (dict_problem(ln, "'[' without ']', line skipped"), 0);
        *open = 0;
    }
    char *forms = NULL, *brace = strchr(s, '{');
    if (brace) {
        char *bend = strchr(brace, '}');
        if (!bend) {
            dict_problem(ln, "'{' without '}', line skipped");
            return 0;
        }
        *bend = 0;
        forms = brace + 1;
        *brace = 0;
    }
    char *base = dict_strip_comment(s);
    if (!*base || strchr(base, ' ')) {
        dict_problem(ln, "a verb line holds one verb (words joined by '_'), line skipped");
        return 0;
    }
    dict_upper(base);
    uint32_t lemma = dict_str(d, base, strlen(base));
    d->stats.verbs++;
    if (add_form(d, ln, base, lemma, code, code2) < 0) return -1;
    if (forms) {
        dict_upper(forms);
        for (char *tok = strtok(forms, " \t"); tok; tok = strtok(NULL, " \t"))
            if (add_form(d, ln, tok, lemma, code, code2) < 0) return -1;
        return 0;
    }
    /* regular forms of the verb word, keeping the words around it */
    char *plus = strchr(base, '+');
    char *main = plus ? plus + 1 : base;
    char *mend = main;
    while (*mend && *mend != '_') mend++;
    char word[128];
    if ((size_t)(mend - main) >= sizeof word) return 0;
    memcpy(word, main, (size_t)(mend - main));
    word[mend - main] = 0;
    char out[8][128];
    int k = regular_forms(word, out);
    for (int i = 1; i < k; i++) { /* out[0] is the base, added above */
        char full[400];
        snprintf(full, sizeof full, "%.*s%s%s", (int)(main - base), base, out[i], mend);
        if (add_form(d, ln, full, lemma, code, code2) < 0) return -1;
    }
    return 0;
}

/* ---- blocks */

static int block_line(dyad_dict *d, dline *ln, char *s) {
    char *p = s + 3;
    while (*p == '-' || *p == ' ') p++;
    char *open = strchr(p, '[');
    uint32_t code = 0, code2 = 0;
    char *name_end = open ? open : p + strlen(p);
    if (open) {
        char *close = strchr(open, ']');
        if (!close || !parse_code(d, ln, open + 1, (size_t)(close - open - 1), &code, &code2)) {
            if (!close) dict_problem(ln, "'[' without ']' in block header, line skipped");
            return 0;
        }
    }
    while (name_end > p && (name_end[-1] == ' ' || name_end[-1] == '-')) name_end--;
    dblock b = {dict_str(d, p, (size_t)(name_end - p)), code, code2, d->patterns.n, 0, ln->file, ln->no};
    return dvec_push(&d->blocks, sizeof b, &b);
}

/* ---- synsets */

static int synset_start(dyad_dict *d, dline *ln, verb_state *st, char *s) {
    size_t n = strlen(s);
    if (n < 2 || strchr(s, ' ')) {
        dict_problem(ln, "malformed synset label '%s', line skipped", s);
        st->mode = MODE_NONE;
        return 0;
    }
    st->synset_plurals = s[n - 1] != '_';
    while (n && s[n - 1] == '_') n--;
    dict_upper(s);
    dsynset ss = {dict_str(d, s, n), d->synmems.n, 0, 0};
    if (dvec_push(&d->synsets, sizeof ss, &ss) < 0) return -1;
    if (dhash_put(&d->synset_names, hash_key(s, n), d->synsets.n) < 0) return -1;
    st->mode = MODE_SYNSET;
    d->stats.synsets++;
    return 0;
}

static int synset_add(dyad_dict *d, const uint32_t *ids, int k, uint32_t nested) {
    dsynmem m = {d->ids.n, (uint32_t)k, nested};
    uint32_t self = d->synsets.n - 1;
    if (k && dhash_put(&d->synset_first, ((uint64_t)self << 32) | ids[0], 1) < 0) return -1;
    if (nested) { /* the nested set's first words start members here too */
        const dsynset *ns = (const dsynset *)d->synsets.v + nested - 1;
        for (uint32_t i = 0; i < ns->mem_n; i++) {
            const dsynmem *nm = (const dsynmem *)d->synmems.v + ns->mem_first + i;
            uint32_t first = nm->id_n ? ((const uint32_t *)d->ids.v)[nm->id_first] : 0;
            if (first && dhash_put(&d->synset_first, ((uint64_t)self << 32) | first, 1) < 0) return -1;
        }
    }
    for (int i = 0; i < k; i++)
        if (dvec_push(&d->ids, sizeof ids[i], &ids[i]) < 0) return -1;
    if (dvec_push(&d->synmems, sizeof m, &m) < 0) return -1;
    dsynset *ss = (dsynset *)dvec_at(&d->synsets, sizeof *ss, d->synsets.n - 1);
    ss->mem_n++;
    if (nested) {
        uint32_t depth = ((const dsynset *)d->synsets.v + nested - 1)->depth + 1;
        if (depth > ss->depth) ss->depth = depth;
    }
    return 0;
}

static uint32_t synset_find(const dyad_dict *d, const char *name, size_t n) {
    while (n && name[n - 1] == '_') n--;
    uint32_t idx = dhash_get(&d->synset_names, hash_key(name, n));
    if (!idx) return 0;
    const dsynset *ss = (const dsynset *)dvec_at(&d->synsets, sizeof *ss, idx - 1);
    const char *nm = dict_s(d, ss->name);
    return strncmp(nm, name, n) == 0 && nm[n] == 0 ? idx : 0;
}

static int synset_member(dyad_dict *d, dline *ln, verb_state *st, char *s) {
    dict_upper(s);
    if (s[0] == '&') {
        uint32_t nested = synset_find(d, s, strlen(s));
        if (!nested || nested == d->synsets.n) {
            dict_problem(ln, "synset member %s is not a defined synset, skipped", s);
            return 0;
        }
        if (((const dsynset *)d->synsets.v + nested - 1)->depth + 1 > DICT_SYNSET_DEPTH) {
            dict_problem(ln, "synset member %s nests synsets more than %d deep, skipped", s,
                         DICT_SYNSET_DEPTH);
            return 0;
        }
        return synset_add(d, NULL, 0, nested);
    }
    /* "(TO THE END)": a phrase in parentheses is matched as its words */
    for (char *c = s; *c; c++)
        if (*c == '(' || *c == ')') *c = ' ';
    size_t n = strlen(s);
    int plural = st->synset_plurals && n && s[n - 1] != '_';
    uint32_t ids[32];
    int k = dict_phrase_ids(d, s, n, ids, 32);
    if (k < 0) {
        dict_problem(ln, "empty or over-long synset member, skipped");
        return 0;
    }
    if (synset_add(d, ids, k, 0) < 0) return -1;
    if (!plural) return 0;
    const char *last = dict_s(d, ((uint32_t *)d->word_str.v)[ids[k - 1]]);
    char forms[4][128];
    int nf;
    char lastcopy[128];
    snprintf(lastcopy, sizeof lastcopy, "%s", last);
    dict_plurals(lastcopy, forms, &nf);
    for (int i = 0; i < nf; i++) {
        ids[k - 1] = dict_word(d, forms[i], strlen(forms[i]));
        if (synset_add(d, ids, k, 0) < 0) return -1;
    }
    return 0;
}

/* ---- patterns */

static int push_elem(dyad_dict *d, uint8_t kind, uint8_t side, uint8_t group, uint8_t gstart,
                     uint32_t id) {
    delem e = {kind, side, group, gstart, id};
    return dvec_push(&d->elems, sizeof e, &e);
}

static int pattern_line(dyad_dict *d, dline *ln, char *s) {
    char *open = strrchr(s, '[');
    char *close = open ? strchr(open, ']') : NULL;
    if (!open || !close) {
        dict_problem(ln, "pattern without [code], line skipped");
        return 0;
    }
    uint32_t code, code2;
    if (!parse_code(d, ln, open + 1, (size_t)(close - open - 1), &code, &code2)) return 0;
    *open = 0;
    /* separate the brackets from the words */
    char buf[1024];
    size_t bn = 0;
    for (char *c = s + 1; *c && bn < sizeof buf - 4; c++) {
        if (strchr("{}()", *c)) {
            buf[bn++] = ' ';
            buf[bn++] = *c;
            buf[bn++] = ' ';
        } else {
            buf[bn++] = *c;
        }
    }
    buf[bn] = 0;
    dict_upper(buf);
    uint32_t first = d->elems.n;
    int side = 0, group = PG_PLAIN, gstart = 0, nwords = 0, stars = 0;
    for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t")) {
        int rc = 0;
        if (!strcmp(tok, "*")) {
            side = 1;
            stars++;
            continue;
        } else if (!strcmp(tok, "{") || !strcmp(tok, "(")) {
            group = tok[0] == '{' ? PG_NOUN : PG_PREP;
            gstart = 1;
            continue;
        } else if (!strcmp(tok, "}") || !strcmp(tok, ")")) {
            group = PG_PLAIN;
            continue;
        } else if (!strcmp(tok, "+")) {
            rc = push_elem(d, PE_TARGET, side, group, gstart, 0);
        } else if (!strcmp(tok, "$")) {
            rc = push_elem(d, PE_SOURCE, side, group, gstart, 0);
        } else if (!strcmp(tok, "%")) {
            rc = push_elem(d, PE_COMPOUND, side, group, gstart, 0);
            nwords++; /* a compound condition makes the pattern more specific */
        } else if (!strcmp(tok, "^")) {
            rc = push_elem(d, PE_SKIP, side, group, gstart, 0);
        } else if (tok[0] == '&') {
            uint32_t syn = synset_find(d, tok, strlen(tok));
            if (!syn) {
                dict_problem(ln, "pattern uses undefined synset %s, line skipped", tok);
                d->elems.n = first;
                return 0;
            }
            rc = push_elem(d, PE_SYNSET, side, group, gstart, syn - 1);
            nwords++;
        } else {
            uint32_t ids[16];
            int k = dict_phrase_ids(d, tok, strlen(tok), ids, 16);
            for (int i = 0; i < k && rc == 0; i++, nwords++)
                rc = push_elem(d, PE_WORD, side, group, (uint8_t)(gstart && i == 0), ids[i]);
        }
        if (rc < 0) return -1;
        gstart = 0;
    }
    if (stars != 1) {
        dict_problem(ln, "pattern needs exactly one '*' for the verb, line skipped");
        d->elems.n = first;
        return 0;
    }
    dpattern p = {{0}, first, d->elems.n - first, code, code2, (uint32_t)nwords, d->blocks.n - 1,
                  ln->file, ln->no};
    for (uint32_t i = first; i < d->elems.n; i++) {
        const delem *e = (const delem *)d->elems.v + i;
        if (e->kind == PE_WORD) dict_bloom_add(p.need, e->id);
    }
    if (dvec_push(&d->patterns, sizeof p, &p) < 0) return -1;
    dblock *b = (dblock *)dvec_at(&d->blocks, sizeof *b, d->blocks.n - 1);
    b->pat_n++;
    d->stats.patterns++;
    return 0;
}

static int transform_line(dyad_dict *d, dline *ln, char *s) {
    if (!strchr(s, '=') || !strchr(s, '(')) {
        dict_problem(ln, "transformation must look like '~ a (b c VERB) VERB = x y CODE', line skipped");
        return 0;
    }
    dtransform t = {dict_str(d, s, strlen(s)), ln->file, ln->no};
    if (dvec_push(&d->transforms, sizeof t, &t) < 0) return -1;
    d->stats.transformations++;
    return 0;
}

static int verbs_each(dline *ln, char *raw, void *state) {
    verb_state *st = state;
    dyad_dict *d = ln->d;
    char *s = dict_strip_comment(raw);
    if (!*s) return 0;
    if (!strncmp(s, "---", 3)) {
        /* a malformed header leaves no block: the lines under it are
         * reported rather than filed under the block before */
        uint32_t before = d->blocks.n;
        int rc = block_line(d, ln, s);
        st->mode = d->blocks.n > before ? MODE_BLOCK : MODE_NONE;
        return rc;
    }
    if (s[0] == '&') return synset_start(d, ln, st, s);
    if (s[0] == '+' && st->mode == MODE_SYNSET) return synset_member(d, ln, st, s + 1);
    if (st->mode != MODE_BLOCK) {
        dict_problem(ln, "line outside any synset or verb block, skipped");
        return 0;
    }
    if (s[0] == '-') return pattern_line(d, ln, s);
    if (s[0] == '~') return transform_line(d, ln, s);
    if (s[0] == '*' || s[0] == '(' || s[0] == '{') {
        dict_problem(ln, "pattern line must start with '-', line skipped");
        return 0;
    }
    return verb_line(d, ln, s);
}

/* Most specific first: within a block, patterns with more words come
 * first, and among equals the file's order stays (a stable sort), so the
 * first pattern that matches is the one to use. */
static void sort_patterns(dyad_dict *d) {
    dpattern *all = d->patterns.v;
    for (uint32_t b = 0; b < d->blocks.n; b++) {
        const dblock *bl = (const dblock *)d->blocks.v + b;
        dpattern *p = all + bl->pat_first;
        for (uint32_t i = 1; i < bl->pat_n; i++) { /* insertion sort: blocks are small */
            dpattern x = p[i];
            uint32_t j = i;
            while (j > 0 && p[j - 1].nwords < x.nwords) {
                p[j] = p[j - 1];
                j--;
            }
            p[j] = x;
        }
    }
}

int dict_read_verbs(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx,
                    dyad_error *err) {
    verb_state st = {MODE_NONE, 1};
    int rc = dict_read_lines(path, d, fn, ctx, verbs_each, &st, err);
    if (!rc) sort_patterns(d);
    return rc;
}
