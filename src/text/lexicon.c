/* lexicon.c -- word lookups for the tagger.
 *
 * Two tables: the hand-written lists of closed.c, hashed once into the tagger
 * when it is made, and the WordNet table generated at build time (a const
 * open-addressing hash, see lexhash.h) which already holds the regular
 * inflections, so a known word costs one probe. A form the generator did not
 * derive is looked for through its stem by a handful of suffix rules. */
#include "text/lexicon.h"
#include "util/bytes8.h"

#include <stdlib.h>
#include <string.h>

static const lex_entry *wordnet_hashed(const char *w, size_t n, uint32_t h) {
    if (n > LEX_WORD_MAX) return NULL;
    uint32_t mask = dyad_wn_nslots - 1, i = h & mask;
    for (;;) {
        uint32_t k = dyad_wn_slots[i];
        if (!k) return NULL;
        if (lex_slot_may_be(k, h)) {
            const lex_entry *e = &dyad_wn_entries[(k & LEX_INDEX_MASK) - 1];
            if (e->len == n && bytes8_same(e->w, w, n)) return e; /* (n <= LEX_WORD_MAX) */
        }
        i = (i + 1) & mask;
    }
}

const lex_entry *lex_wordnet(const char *w, size_t n) {
    return wordnet_hashed(w, n, lex_hash(w, n));
}

void lex_prefetch_slot(uint32_t hash) { __builtin_prefetch(&dyad_wn_slots[hash & (dyad_wn_nslots - 1)]); }

/* (The entry of whatever word holds the slot, with no test of the slot's
 * hash bits, which was a branch taken at random from word to word: a
 * prefetch of another word's entry, or of entry 0 for an empty slot, is
 * harmless.) */
void lex_prefetch_entry(uint32_t hash) {
    uint32_t k = dyad_wn_slots[hash & (dyad_wn_nslots - 1)];
    __builtin_prefetch(&dyad_wn_entries[(k & LEX_INDEX_MASK) - (k != 0)]);
}

static uint16_t hand_tag_of(uint32_t hash) { return (uint16_t)((hash >> 16) | 1); }

static const hand_entry *hand_hashed(const dyad_tagger *t, const char *w, size_t n, uint32_t h) {
    if (n >= sizeof t->hand[0].word) return NULL;
    uint32_t mask = t->nhand_slots - 1, i = h & mask;
    uint16_t tag = hand_tag_of(h);
    for (; t->hand_tag[i]; i = (i + 1) & mask) {
        if (t->hand_tag[i] != tag) continue;
        const char *e = t->hand[i].word; /* n < its size: e[n] is inside */
        if (e[n] == '\0' && bytes8_same(e, w, n)) return &t->hand[i];
    }
    return NULL;
}

static const hand_entry *hand_find(const dyad_tagger *t, const char *w, size_t n) {
    return hand_hashed(t, w, n, lex_hash(w, n));
}

/* Adds tags to a word in the hand table (creating it). */
static int hand_add(dyad_tagger *t, const char *w, size_t n, uint64_t tags, int best,
                    int closed) {
    if (n == 0 || n >= sizeof t->hand[0].word) return -1;
    uint32_t hash = lex_hash(w, n), mask = t->nhand_slots - 1, i = hash & mask;
    const hand_entry *old = hand_hashed(t, w, n, hash);
    if (old) {
        t->hand[old - t->hand].tags |= tags; /* the first listing keeps its preferred tag */
        return 0;
    }
    while (t->hand_tag[i]) i = (i + 1) & mask; /* the first free slot of the probe */
    if (2 * (t->nhand + 1) > t->nhand_slots) return -1; /* the lists outgrew the table */
    t->nhand++;
    t->hand_tag[i] = hand_tag_of(hash);
    hand_entry *h = &t->hand[i];
    memcpy(h->word, w, n);
    h->word[n] = '\0';
    h->tags = tags;
    h->best = (uint8_t)best;
    h->closed = (uint8_t)closed;
    return 0;
}

static int load_closed(dyad_tagger *t, dyad_error *err) {
    for (size_t k = 0; text_closed_words[k]; k++) {
        const char *line = text_closed_words[k], *sp = strchr(line, ' ');
        if (!sp) return dyad_error_set(err, "%s:%d: bad word list entry \"%s\"", __FILE__,
                                       __LINE__, line);
        uint64_t tags = 0;
        int best = 0;
        for (const char *p = sp + 1; *p;) {
            char name[8];
            size_t m = strcspn(p, " ");
            if (m >= sizeof name) m = sizeof name - 1;
            memcpy(name, p, m);
            name[m] = '\0';
            dyad_pos pos = dyad_pos_from_name(name);
            if (pos == DYAD_POS_NONE)
                return dyad_error_set(err, "%s:%d: unknown tag \"%s\" in \"%s\"", __FILE__,
                                      __LINE__, name, line);
            if (!best) best = pos;
            tags |= TAGBIT(pos);
            p += strcspn(p, " ");
            while (*p == ' ') p++;
        }
        if (hand_add(t, line, (size_t)(sp - line), tags, best, 1))
            return dyad_error_set(err, "%s:%d: word too long, or the lists outgrew the table, at "
                                  "\"%s\"", __FILE__, __LINE__, line);
    }
    return 0;
}

static int load_irregular(dyad_tagger *t, dyad_error *err) {
    for (size_t k = 0; text_irregular_verbs[k]; k++) {
        const char *line = text_irregular_verbs[k];
        const char *w[3];
        size_t n[3];
        const char *p = line;
        for (int j = 0; j < 3; j++) {
            w[j] = p;
            n[j] = strcspn(p, " ");
            p += n[j];
            while (*p == ' ') p++;
            if (n[j] == 0) return dyad_error_set(err, "%s:%d: bad verb entry \"%s\"", __FILE__,
                                                 __LINE__, line);
        }
        int same = n[1] == n[2] && memcmp(w[1], w[2], n[1]) == 0;
        const hand_entry *past = hand_find(t, w[1], n[1]);
        if (past && past->closed) continue;
        if (hand_add(t, w[0], n[0], TAGBIT(DYAD_POS_VB) | TAGBIT(DYAD_POS_VBP), DYAD_POS_VB, 0) ||
            hand_add(t, w[1], n[1], TAGBIT(DYAD_POS_VBD) | (same ? TAGBIT(DYAD_POS_VBN) : 0),
                     DYAD_POS_VBD, 0) ||
            (!same && hand_add(t, w[2], n[2], TAGBIT(DYAD_POS_VBN), DYAD_POS_VBN, 0)))
            return dyad_error_set(err, "%s:%d: word too long, or the lists outgrew the table, at "
                                  "\"%s\"", __FILE__, __LINE__, line);
    }
    return 0;
}

dyad_tagger *dyad_tagger_new(dyad_error *err) {
    dyad_tagger *t = calloc(1, sizeof *t);
    if (!t) { dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__); return NULL; }
    t->nhand_slots = 4096;
    t->hand = calloc(t->nhand_slots, sizeof *t->hand);
    t->hand_tag = calloc(t->nhand_slots, sizeof *t->hand_tag);
    if (!t->hand || !t->hand_tag) {
        free(t->hand);
        free(t->hand_tag);
        free(t);
        dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
        return NULL;
    }
    if (load_closed(t, err) || load_irregular(t, err)) {
        dyad_tagger_free(t);
        return NULL;
    }
    text_rule_words_init(t);
    return t;
}

void dyad_tagger_free(dyad_tagger *t) {
    if (!t) return;
    free(t->hand);
    free(t->hand_tag);
    free(t);
}

/* ---- scoring of the readings of an open-class word */

typedef struct scores {
    uint64_t set; /* TAGBIT of the tags given a score */
    int v[DYAD_POS_COUNT];
} scores;

static void add(scores *s, int pos, int score) {
    if (!(s->set & TAGBIT(pos)) || score > s->v[pos]) s->v[pos] = score;
    s->set |= TAGBIT(pos);
}

/* Readings of a WordNet entry as the word itself (not a stem). */
static void add_entry(scores *s, const lex_entry *e) {
    if (e->cnt[WN_NOUN]) add(s, DYAD_POS_NN, e->cnt[WN_NOUN]);
    if (e->cnt[WN_VERB]) { add(s, DYAD_POS_VB, e->cnt[WN_VERB]); add(s, DYAD_POS_VBP, 1); }
    if (e->cnt[WN_ADJ]) add(s, DYAD_POS_JJ, e->cnt[WN_ADJ]);
    if (e->cnt[WN_ADV]) add(s, DYAD_POS_RB, e->cnt[WN_ADV]);
    if (e->infl[WI_NNS]) add(s, DYAD_POS_NNS, e->infl[WI_NNS]);
    if (e->infl[WI_VBZ]) add(s, DYAD_POS_VBZ, e->infl[WI_VBZ]);
    if (e->infl[WI_VBD]) { add(s, DYAD_POS_VBD, e->infl[WI_VBD]); add(s, DYAD_POS_VBN, e->infl[WI_VBD] - 1); }
    if (e->infl[WI_VBG]) add(s, DYAD_POS_VBG, e->infl[WI_VBG]);
    if (e->infl[WI_JJR]) add(s, DYAD_POS_JJR, e->infl[WI_JJR]);
    if (e->infl[WI_JJS]) add(s, DYAD_POS_JJS, e->infl[WI_JJS]);
    if (e->flags & WN_PLURAL) add(s, DYAD_POS_NNS, 40);
    if (e->flags & WN_PAST) { add(s, DYAD_POS_VBD, 40); add(s, DYAD_POS_VBN, 39); }
    if (e->flags & WN_GERUND) add(s, DYAD_POS_VBG, 40);
    if (e->flags & WN_COMPAR) add(s, DYAD_POS_JJR, 40);
    if (e->flags & WN_SUPERL) add(s, DYAD_POS_JJS, 40);
}

static int ends(const char *w, size_t n, const char *suf) {
    size_t m = strlen(suf);
    return n > m && memcmp(w + n - m, suf, m) == 0;
}

/* WordNet entry of a stem: w[0..n) with `extra` appended. */
static const lex_entry *stem(const char *w, size_t n, const char *extra) {
    char buf[64];
    size_t m = strlen(extra);
    if (n + m >= sizeof buf || n < 2) return NULL;
    memcpy(buf, w, n);
    memcpy(buf + n, extra, m);
    return lex_wordnet(buf, n + m);
}

static int cnt(const lex_entry *e, int pos) { return e ? e->cnt[pos] : 0; }

/* Inflected readings found through stems. */
static void add_stems(scores *s, const char *w, size_t n) {
    const lex_entry *e;
    if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is")) {
        const lex_entry *cand[3] = {stem(w, n - 1, ""), NULL, NULL};
        if (ends(w, n, "es")) cand[1] = stem(w, n - 2, "");
        if (ends(w, n, "ies")) cand[2] = stem(w, n - 3, "y");
        for (int k = 0; k < 3; k++) {
            if (!cand[k]) continue;
            /* a plural listed as a lemma of its own (leaders, arms) is
             * still mostly the plural */
            if (cnt(cand[k], WN_NOUN)) add(s, DYAD_POS_NNS, cnt(cand[k], WN_NOUN) + 4);
            if (cnt(cand[k], WN_VERB)) add(s, DYAD_POS_VBZ, cnt(cand[k], WN_VERB) + 3);
        }
    }
    if (ends(w, n, "ed")) {
        const lex_entry *cand[4] = {stem(w, n - 2, ""), stem(w, n - 1, ""), NULL, NULL};
        if (ends(w, n, "ied")) cand[2] = stem(w, n - 3, "y");
        if (n > 4 && w[n - 3] == w[n - 4]) cand[3] = stem(w, n - 3, "");
        for (int k = 0; k < 4; k++)
            if (cnt(cand[k], WN_VERB)) {
                add(s, DYAD_POS_VBD, cnt(cand[k], WN_VERB) + 1);
                add(s, DYAD_POS_VBN, cnt(cand[k], WN_VERB));
            }
    }
    if (ends(w, n, "ing") && n > 5) {
        const lex_entry *cand[3] = {stem(w, n - 3, ""), stem(w, n - 3, "e"), NULL};
        if (w[n - 4] == w[n - 5]) cand[2] = stem(w, n - 4, "");
        for (int k = 0; k < 3; k++)
            if (cnt(cand[k], WN_VERB)) add(s, DYAD_POS_VBG, cnt(cand[k], WN_VERB) + 1);
    }
    if (ends(w, n, "er") || ends(w, n, "est")) {
        size_t cut = ends(w, n, "er") ? 2 : 3;
        int pos = cut == 2 ? DYAD_POS_JJR : DYAD_POS_JJS;
        if ((e = stem(w, n - cut, "")) && e->cnt[WN_ADJ]) add(s, pos, e->cnt[WN_ADJ]);
        else if ((e = stem(w, n - cut + 1, "")) && e->cnt[WN_ADJ]) add(s, pos, e->cnt[WN_ADJ]);
        else if (n > cut + 2 && w[n - cut - 1] == w[n - cut - 2] &&
                 (e = stem(w, n - cut - 1, "")) && e->cnt[WN_ADJ]) add(s, pos, e->cnt[WN_ADJ]);
    }
    if (ends(w, n, "ly") && (e = stem(w, n - 2, "")) && e->cnt[WN_ADJ]) add(s, DYAD_POS_RB, 2);
}

static void finish(const scores *s, word_info *out) {
    int best = 0, bs = 0;
    for (uint64_t set = s->set; set; set &= set - 1) {
        int p = __builtin_ctzll(set);
        if (!s->v[p]) continue;
        out->tags |= TAGBIT(p);
        if (s->v[p] > bs) { bs = s->v[p]; best = p; }
    }
    if (best) { out->best = (uint8_t)best; out->known = 1; }
}

void lex_lookup(const dyad_tagger *t, const char *w, size_t n, word_info *out) {
    lex_lookup_hashed(t, w, n, lex_hash(w, n), out);
}

void lex_lookup_hashed(const dyad_tagger *t, const char *w, size_t n, uint32_t hash,
                       word_info *out) {
    memset(out, 0, sizeof *out); /* one hash for both tables */
    const hand_entry *h = hand_hashed(t, w, n, hash);
    if (h && h->closed) {
        out->tags = h->tags;
        out->best = h->best;
        out->closed = 1;
        out->known = 1;
        return;
    }
    scores s;
    s.set = 0; /* v[] is read only where set says it was written */
    const lex_entry *e = wordnet_hashed(w, n, hash);
    if (e) {
        add_entry(&s, e);
        out->wn = e->flags & (WN_PROPER | WN_CAPADJ | WN_NAMECAP);
    }
    else add_stems(&s, w, n); /* forms WordNet's regular inflections missed */
    if (h) {
        /* irregular verb forms outrank WordNet's noun and adjective senses */
        for (uint64_t set = h->tags & ~TAGBIT(0); set; set &= set - 1) {
            int p = __builtin_ctzll(set);
            add(&s, p, p == h->best ? 200 : 199);
        }
    }
    finish(&s, out);
}

static int has_suffix(const char *w, size_t n, const char *const *list) {
    for (; *list; list++)
        if (ends(w, n, *list)) return 1;
    return 0;
}

void lex_guess(const char *w, size_t n, word_info *out) {
    static const char *const adj[] = {"ous", "al", "ive", "ic", "able", "ible", "ful",
                                      "less", "ish", "ary", "ian", "ese", "ean", NULL};
    memset(out, 0, sizeof *out);
    int best = DYAD_POS_NN;
    if (ends(w, n, "ing") && n > 5) best = DYAD_POS_VBG;
    else if (ends(w, n, "ed") && n > 4) best = DYAD_POS_VBN;
    else if (ends(w, n, "ly") && n > 4) best = DYAD_POS_RB;
    else if (has_suffix(w, n, adj)) best = DYAD_POS_JJ;
    else if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is") &&
             n > 3) best = DYAD_POS_NNS;
    out->best = (uint8_t)best;
    out->tags = TAGBIT(best);
    if (best == DYAD_POS_VBN) out->tags |= TAGBIT(DYAD_POS_VBD) | TAGBIT(DYAD_POS_JJ);
    if (best == DYAD_POS_VBG) out->tags |= TAGBIT(DYAD_POS_NN) | TAGBIT(DYAD_POS_JJ);
}
