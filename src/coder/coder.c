/* coder.c -- the coder's entry points: options, setup, one document.
 *
 * A document is analysed (sentences, tokens, tags), checked against the
 * story discards, and then each sentence is checked against the sentence
 * discards and coded: units, verb groups, events. Nothing is cached across
 * sentences except the subject of the previous one (for "it", "he"). */
#include "coder.h"
#include "text/text.h"
#include "date/date.h"
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void dyad_options_default(dyad_options *o) {
    memset(o, 0, sizeof *o);
    o->require_dyad = 1; /* comma options 0: off, dyad reads insertions itself */
    o->dateline_country = 1;
    o->relative_acts = 1;
}

static int parse_bool(const char *v, int *out) {
    if (!strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes")) *out = 1;
    else if (!strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "no")) *out = 0;
    else return -1;
    return 0;
}

int dyad_options_set(dyad_options *o, const char *option, const char *value, dyad_error *err) {
    struct { const char *name; int *field; } ints[] = {
        {"new_actor_length", &o->new_actor_length}, {"comma_min", &o->comma_min},
        {"comma_max", &o->comma_max}, {"comma_bmin", &o->comma_bmin},
        {"comma_bmax", &o->comma_bmax}, {"comma_emin", &o->comma_emin},
        {"comma_emax", &o->comma_emax}};
    struct { const char *name; int *field; } bools[] = {
        {"require_dyad", &o->require_dyad}, {"future_as_act", &o->future_as_act},
        {"dateline_country", &o->dateline_country}, {"sector_actors", &o->sector_actors},
        {"relative_acts", &o->relative_acts}};
    for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++) {
        if (strcasecmp(option, bools[i].name)) continue;
        if (parse_bool(value, bools[i].field) < 0)
            return dyad_error_set(err, "option %s: '%s' is not true or false", option, value);
        return 0;
    }
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (strcasecmp(option, ints[i].name)) continue;
        char *end;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 0 || v > 1000)
            return dyad_error_set(err, "option %s: '%s' is not a number from 0 to 1000", option, value);
        *ints[i].field = (int)v;
        return 0;
    }
    return dyad_error_set(err, "unknown option '%s'", option);
}

/* Marks synset `bit` on the first words of its members (through nested sets). */
typedef struct synset_mark {
    dyad_coder *c;
    uint64_t bit;
} synset_mark;

static void mark_synset_word(void *ctx, uint32_t word) {
    synset_mark *m = ctx;
    m->c->facts[word].syn |= m->bit;
}

/* Marks the words of trie t's phrases: `first` for the words of its
 * root's edges, `next` for the words of every other edge. */
static void mark_starts(dyad_coder *c, const dtrie *t, uint16_t first, uint16_t next) {
    for (uint32_t i = 0; i < t->edges.cap; i++) {
        uint64_t key = t->edges.slots[i].key;
        if (key && (uint32_t)key < c->nwords) c->facts[(uint32_t)key].start |= (key >> 32) ? next : first;
    }
}

/* May a plural in -s of word `id` name an actor ("Afghans": AFGHAN_)? When
 * the word is a whole one-word actor phrase that names a people, a synonym
 * of its entry: not the entry's own name ("hurricane Frances" is no France)
 * nor a place name in -a, whose plural is a region ("the Americas", "the
 * Koreas"). See units.c. */
static int plural_of_actor(const dyad_coder *c, uint32_t id, const char *w) {
    size_t n = strlen(w);
    uint32_t v = 0;
    if (!(c->facts[id].start & WS_ACTOR) || n < 3 || w[n - 1] == 'A') return 0;
    dtrie_step(c->actors, 0, id, &v);
    return v != 0 && !dict_phrase_primary(c->dict, v - 1);
}

/* The id of a plural noun's singular (TIES -> TIE, TREATIES -> TREATY). */
static uint32_t singular_id(const dyad_dict *d, const char *up, size_t n) {
    char buf[128];
    if (n < 4 || n >= sizeof buf || up[n - 1] != 'S') return 0;
    if (n > 4 && !memcmp(up + n - 3, "IES", 4)) {
        memcpy(buf, up, n - 3);
        memcpy(buf + n - 3, "Y", 2);
        uint32_t id = dict_word_find(d, buf, n - 2);
        if (id) return id;
    }
    if (up[n - 2] == 'E') {
        uint32_t id = dict_word_find(d, up, n - 2);
        if (id) return id;
    }
    return dict_word_find(d, up, n - 1);
}

static int word_tables(dyad_coder *c) {
    const dyad_dict *d = c->dict;
    c->nwords = dict_nwords(d);
    c->facts = calloc(c->nwords + 1, sizeof *c->facts);
    if (!c->facts) return -1;
    for (uint32_t i = 0; i < dict_nsynsets(d) && i < 64; i++) {
        synset_mark m = {c, 1ULL << i};
        dict_synset_first_words(d, i, 4, mark_synset_word, &m);
    }
    mark_starts(c, c->actors, WS_ACTOR, WS_ACTOR_NEXT);
    mark_starts(c, c->agents, WS_AGENT, WS_AGENT_NEXT);
    mark_starts(c, c->discards, WS_DISCARD, WS_DISCARD_NEXT);
    mark_starts(c, c->issues, WS_ISSUE, WS_ISSUE_NEXT);
    for (uint32_t i = 0; i < c->verbs->cap; i++) {
        uint64_t key = c->verbs->slots[i].key;
        if (key && key < c->nwords) c->facts[key].start |= WS_VERB;
    }
    for (uint32_t id = 1; id < c->nwords; id++) {
        const char *w = dict_word_text(d, id);
        c->facts[id].cls = coder_word_class(c, w, strlen(w), hash_key(w, strlen(w)));
        c->facts[id].stem = dict_discard_stem(c->phrases, 0, w);
        if (c->facts[id].stem) c->facts[id].start |= WS_STEM;
        c->facts[id].plural = plural_of_actor(c, id, w) ? WS_PLURAL : 0;
        c->facts[id].singular = singular_id(d, w, strlen(w));
    }
    return 0;
}

/* The words each pattern needs before and after its verb, as filters. */
static int pattern_sides(dyad_coder *c) {
    const dyad_dict *d = c->dict;
    c->pat_side = calloc(PAT_SIDE * ((size_t)dict_npatterns(d) + 1), sizeof *c->pat_side);
    c->pat_key = calloc((size_t)dict_npatterns(d) + 1, 1);
    if (!c->pat_side || !c->pat_key) return -1;
    for (uint32_t i = 0; i < dict_npatterns(d); i++) {
        dict_pattern p;
        dict_pattern_get(d, i, &p);
        const delem *e = p.el;
        uint64_t *side = c->pat_side + PAT_SIDE * (size_t)i;
        memcpy(side + 4, p.need, 4 * sizeof *side);
        for (uint32_t k = 0; k < p.nel; k++) {
            int after = e[k].side ? 1 : 0;
            if (e[k].kind == PE_WORD) side[after] |= side_bit(e[k].id);
            if (e[k].kind == PE_SYNSET && e[k].id < 64) side[2 + after] |= 1ULL << e[k].id;
        }
    }
    return 0;
}

/* Each pattern's key (pat_key): the bloom bit of a word it requires, one
 * that is no function word if it has one ("TO", "WITH" are in most
 * sentences), else its lowest bit but bit 0, which every sentence has
 * (word 0); 0 when it requires no word. Which word is only a matter of
 * speed: a sentence without it cannot match the pattern. */
static void pattern_keys(dyad_coder *c) {
    const dyad_dict *d = c->dict;
    for (uint32_t i = 0; i < dict_npatterns(d); i++) {
        dict_pattern p;
        dict_pattern_get(d, i, &p);
        uint8_t key = 0;
        for (uint32_t k = 0; k < p.nel && !key; k++) {
            uint32_t id = p.el[k].id, h = dict_bloom_bit(id);
            if (p.el[k].kind == PE_WORD && id && id < c->nwords && !c->facts[id].cls &&
                dict_bloom_has_bit(p.need, h))
                key = (uint8_t)h;
        }
        for (uint32_t b = 1; b < 256 && !key; b++)
            if (dict_bloom_has_bit(p.need, b)) key = (uint8_t)b;
        c->pat_key[i] = key;
    }
}

dyad_coder *dyad_coder_new(const dyad_dict *d, const dyad_tagger *t, const dyad_options *o,
                           dyad_error *err) {
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) {
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    c->dict = d;
    c->actors = dict_trie(d, DICT_ACTORS);
    c->agents = dict_trie(d, DICT_AGENTS);
    c->discards = dict_trie(d, DICT_DISCARDS);
    c->issues = dict_trie(d, DICT_ISSUES);
    c->verbs = dict_verb_index(d);
    c->dwords = dict_words_of(d);
    c->us_key = hash_key("US", 2);
    c->phrases = dict_phrases_new(d);
    if (!c->phrases || pattern_sides(c) < 0 || coder_words_init(c) < 0 ||
        word_tables(c) < 0 || coder_transforms_init(c) < 0) {
        dyad_coder_free(c);
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    pattern_keys(c);
    c->tagger = t;
    if (o) c->opt = *o;
    else dyad_options_default(&c->opt);
    return c;
}

void dyad_coder_free(dyad_coder *c) {
    if (!c) return;
    coder_words_free(c);
    free(c->xforms);
    free(c->facts);
    dict_phrases_free(c->phrases);
    free(c->pat_side);
    free(c->pat_key);
    free(c);
}

/* The document's date; if it gives none, the caller's default (0: none). */
static int32_t doc_date(const dyad_coder *c, const dyad_doc *doc) {
    int32_t v = doc->date && *doc->date ? date_parse(doc->date, strlen(doc->date)) : -1;
    return v > 0 ? v : c->opt.default_date;
}

/* The date of sentence `sent`, to be settled when first asked for
 * (coder_date): the first date phrase of its words ("yesterday", "on
 * Friday") against the document date, else that date. `dated` 0: no word
 * of the sentence is a date word (make_tokens), so its text is not read. */
static sdate sentence_date(const dyad_doc *doc, int32_t date, const dyad_sentence *sent, int dated) {
    int ok = dated && sent->start <= sent->end && sent->end <= doc->text_len;
    return (sdate){.text = ok ? doc->text + sent->start : NULL,
                   .len = ok ? sent->end - sent->start : 0, .doc = date};
}

static const sdate *settled(const csent *s) {
    sdate *w = s->when;
    if (!w->settled) {
        w->kind = (uint8_t)date_in_sentence(w->doc, w->text ? w->text : "", w->len, &w->date);
        w->settled = 1;
    }
    return w;
}

int32_t coder_date(const csent *s) { return settled(s)->date; }
uint8_t coder_date_kind(const csent *s) { return settled(s)->kind; }

/* Might token k (of sentence `sent`, in `text`) hold a date word? One bit
 * of its class for a plain word (DYAD_TOKEN_PLAIN: its text is its upper
 * case's word); other tokens ("mid-March", "Sept.", "n't" after "Ja",
 * punctuation) have the words of their text read, as date_in_sentence
 * reads them. */
static int token_dated(const char *text, const dyad_sentence *sent, const dyad_token *k,
                       uint32_t wc) {
    if (k->flags & DYAD_TOKEN_PLAIN) return (wc & WC_DATE) != 0;
    if (k->start < sent->start || k->end > sent->end || k->start > k->end) return 1;
    return date_words_in(text + sent->start, text + k->start, text + k->end);
}

/* The issues dictionary: each issue phrase in the sentence counts for its
 * code; an ignore phrase ("~...") anywhere cancels the sentence's issues.
 * Returns "CODE n, CODE n" in order of first mention, or "". */
static const char *issues_of(const dyad_coder *c, dyad_arena *a, const ctok *t, int n) {
    const dyad_dict *d = c->dict;
    if (!dict_has_issues(d)) return "";
    const char *codes[16];
    uint32_t counts[16];
    int nc = 0;
    for (int i = 0; i < n; i++) {
        if (!(t[i].ws & WS_ISSUE)) continue; /* no issue phrase starts here */
        dict_walk w = {0, 0};
        for (int j = i; j < n; j++)
            if (!dict_issue_step(c->phrases, &w, t[j].id, j == i || (t[j].ws & WS_ISSUE_NEXT))) break;
        uint32_t hit = (uint32_t)w.hit;
        if (!hit) continue;
        const char *code = dict_issue_code(d, hit);
        if (!code) return ""; /* an ignore phrase */
        int k = 0;
        while (k < nc && codes[k] != code) k++;
        if (k == nc && nc < 16) {
            codes[nc] = code;
            counts[nc++] = 0;
        }
        if (k < nc) counts[k]++;
    }
    if (!nc) return "";
    char buf[1024], num[16];
    size_t len = 0;
    for (int k = 0; k < nc; k++) {
        if (k) len = coder_cat(buf, sizeof buf, len, ", ");
        len = coder_cat(buf, sizeof buf, len, codes[k]);
        snprintf(num, sizeof num, " %u", counts[k]);
        len = coder_cat(buf, sizeof buf, len, num);
    }
    return dyad_arena_strdup(a, buf);
}

const char *coder_issues(csent *s) {
    if (!s->issues) s->issues = issues_of(s->c, s->a, s->t, s->n);
    return s->issues;
}

/* Words in tokens [a, b), punctuation not counted. */
static int clause_words(const ctok *t, int a, int b) {
    int n = 0;
    for (int i = a; i < b; i++)
        n += t[i].pos != DYAD_POS_COMMA && t[i].pos != DYAD_POS_PERIOD && t[i].pos != DYAD_POS_COLON &&
             t[i].pos != DYAD_POS_LQUOTE && t[i].pos != DYAD_POS_RQUOTE;
    return n;
}

static int in_range(int n, int lo, int hi) { return hi > 0 && n >= lo && n <= hi; }

/* PETRARCH's comma options: a comma-delimited clause at the start
 * (comma_bmin..bmax words), inside (comma_min..max) or at the end
 * (comma_emin..emax) is left out of coding. Off (0) unless configured.
 * Returns the new token count. */
static int drop_comma_clauses(const dyad_options *o, ctok *t, int n) {
    if (o->comma_max <= 0 && o->comma_bmax <= 0 && o->comma_emax <= 0) return n;
    int commas[64], nc = 0;
    for (int i = 0; i < n && nc < 64; i++) {
        if (t[i].pos != DYAD_POS_COMMA) continue;
        /* "complete, full diplomatic ties": a comma between modifiers is
         * inside a noun phrase, not a clause boundary */
        int in_np = i > 0 && i + 1 < n && t[i + 1].pos == DYAD_POS_JJ &&
                    !(t[i - 1].pos >= DYAD_POS_NN && t[i - 1].pos <= DYAD_POS_NNPS);
        if (!in_np) commas[nc++] = i;
    }
    if (!nc) return n;
    uint8_t drop[1024] = {0};
    if (n > 1024) return n;
    int end = n;
    while (end > 0 && t[end - 1].pos == DYAD_POS_PERIOD) end--;
    if (in_range(clause_words(t, 0, commas[0]), o->comma_bmin, o->comma_bmax))
        memset(drop, 1, (size_t)commas[0] + 1);
    for (int k = 0; k + 1 < nc; k++)
        if (in_range(clause_words(t, commas[k] + 1, commas[k + 1]), o->comma_min, o->comma_max))
            memset(drop + commas[k], 1, (size_t)(commas[k + 1] - commas[k]));
    if (in_range(clause_words(t, commas[nc - 1] + 1, end), o->comma_emin, o->comma_emax))
        memset(drop + commas[nc - 1], 1, (size_t)(end - commas[nc - 1]));
    int out = 0;
    for (int i = 0; i < n; i++)
        if (!drop[i]) t[out++] = t[i];
    return out;
}

/* Where a sentence's tokens are in their text, so that a discard phrase is
 * matched as PETRARCH-2 matches it: on the words of the sentence split at
 * blanks. NULL text: tokens of no known text (a record's parse), taken as
 * they are. */
typedef struct wordsrc {
    const dyad_sentence *sent;
    const char *text;
} wordsrc;

static int is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* Are tokens [i, j] whole blank-separated words of the sentence, with a
 * word after them? PETRARCH-2 splits the sentence at blanks and compares
 * words, so "1990," or "Iraq's" holds no discard "1990" or "IRAQ", and it
 * looks for the end of a phrase at the next word, so a phrase that ends
 * the sentence is none. */
static int whole_words(const wordsrc *w, int i, int j, int n) {
    if (!w->text) return 1;
    const dyad_token *k = w->sent->tokens;
    if (j + 1 >= n) return 0;
    if (k[i].start > w->sent->start && !is_blank(w->text[k[i].start - 1])) return 0;
    for (int m = i; m <= j; m++)
        if (!is_blank(w->text[k[m].end])) return 0;
    return 1;
}

/* Does a discard phrase start at token i? 1 sentence, 2 story, 0 none. */
static int discard_at(const dyad_coder *c, const ctok *t, int n, int i, const wordsrc *ws) {
    dict_walk w = {0, 0};
    int hit = 0;
    for (int j = i; j < n; j++) {
        /* one-word stems: known once per dictionary word (word_tables) */
        uint32_t stem0 = t[j].id ? c->facts[t[j].id].stem : 0;
        int go = (t[j].ws & (w.node == 0 ? WS_DISCARD : WS_DISCARD_NEXT)) != 0;
        w.hit = 0;
        int more = dict_discard_step(c->phrases, &w, t[j].id, t[j].up, stem0, go);
        if (w.hit && whole_words(ws, i, j, n) && (hit = w.hit) == 2) return 2;
        if (!more) break;
    }
    return hit;
}

/* The discard starting at token i, which may begin one: a phrase, or for
 * an unknown word (which begins no phrase) a one-word stem. */
static int discard_from(const dyad_coder *c, const ctok *t, int n, int i, const wordsrc *w) {
    if (t[i].id) return discard_at(c, t, n, i, w);
    uint32_t stem = dict_discard_stem(c->phrases, 0, t[i].up);
    return stem && whole_words(w, i, i, n) ? dict_discard_kind(c->phrases, stem) : 0;
}

static int discard_kind(const dyad_coder *c, const ctok *t, int n, const wordsrc *w) {
    int kind = 0;
    for (int i = 0; i < n && kind < 2; i++) {
        /* a known word that begins no discard phrase and no stem: none starts here */
        if (t[i].id && !(t[i].ws & (WS_DISCARD | WS_STEM))) continue;
        int k = discard_from(c, t, n, i, w);
        if (k > kind) kind = k;
    }
    return kind;
}

/* The coder's tokens of `sent`. With `dated`, the sentence's words are
 * also looked at for dates (text: the document's, which the tokens' offsets
 * point into): *dated is set to 1 when one of them is a date word, left
 * alone otherwise. `keys`: the tokens' dictionary keys as the tagger
 * found them (text_key), or NULL. */
static ctok *make_tokens(const dyad_coder *c, dyad_arena *a, const dyad_sentence *sent,
                         const text_key *keys, const char *text, int *dated) {
    ctok *t = dyad_arena_alloc_uninit(a, sizeof *t * (sent->ntokens + 1));
    if (!t) return NULL;
    uint64_t key[32]; /* words are looked up 32 at a time, their cache misses overlapping */
    size_t klen[32];
    for (uint32_t i = 0; i < sent->ntokens; i++) {
        const dyad_token *k = &sent->tokens[i];
        if (i % 32 == 0)
            for (uint32_t j = i; j < sent->ntokens && j < i + 32; j++) {
                if (keys && keys[j].key) key[j % 32] = keys[j].key, klen[j % 32] = keys[j].len;
                else key[j % 32] = dict_word_key_str(sent->tokens[j].upper, &klen[j % 32]);
                dict_words_prefetch(&c->dwords, key[j % 32]);
            }
        size_t len = klen[i % 32];
        t[i].up = k->upper;
        uint32_t word = dict_words_find_key(&c->dwords, k->upper, len, key[i % 32]);
        t[i].id = word;
        t[i].pos = k->pos;
        /* "US" written in capitals, a proper noun to the tagger, is the
         * United States, not the pronoun: it is looked up as "U.S." (the
         * word's key is tested first: a test of the length or the tag
         * was a branch taken at random, and so was the first of two the
         * compiler made of "&") */
        if (key[i % 32] == c->us_key && k->pos == DYAD_POS_NNP && !strcmp(k->upper, "US") &&
            !strcmp(k->text, "US")) {
            uint32_t us = dict_word_find(c->dict, "U.S.", 4);
            if (us) t[i].id = us;
        }
        /* "U.S.-led troops", "a Nigerian-led force": what an actor leads is
         * that actor's, as a ship is its flag's ("a Panama-flagged tanker"),
         * so the word is looked up as its first part (a hyphen 4 or 8
         * letters from the end is rare: a last 'D' was a branch mispredicted
         * on every past tense, and so was a test of the length, or of a
         * plain token, letters and digits alone, made alone: one compare
         * with a limit no plain token's length passes) */
        if (len > (5 | -(size_t)(k->flags & DYAD_TOKEN_PLAIN)) &&
            (k->upper[len - 4] == '-' || (len > 9 && k->upper[len - 8] == '-'))) {
            size_t cut = !memcmp(k->upper + len - 4, "-LED", 4)                 ? 4
                         : len > 9 && !memcmp(k->upper + len - 8, "-FLAGGED", 8) ? 8
                                                                                 : 0;
            int us = cut && len == cut + 2 && !memcmp(k->upper, "US", 2);
            uint32_t id = cut ? dict_word_find(c->dict, us ? "U.S." : k->upper, us ? 4 : len - cut) : 0;
            if (id) t[i].id = id;
        }
        /* plurals and third persons: the only tokens whose singular is asked
         * for (a dictionary word's is known: word_tables) */
        t[i].sid = !coder_pos_in(k->pos, POS_BIT(DYAD_POS_NNS) | POS_BIT(DYAD_POS_NNPS) |
                                             POS_BIT(DYAD_POS_VBZ) | POS_BIT(DYAD_POS_NNP)) ? 0
                   : word ? c->facts[word].singular
                          : singular_id(c->dict, k->upper, len);
        /* function words the dictionary lacks still need their class */
        const word_facts *f = &c->facts[t[i].id];
        t[i].wc = t[i].id ? f->cls : coder_word_class(c, k->upper, len, key[i % 32]);
        /* "including Y" introduces an example, like a preposition: "Russian
         * aircraft including gunships killed ..." has the aircraft as subject */
        /* so is "according to X": no verb ACCORD (Phoenix's 060) */
        if ((t[i].wc & (WC_INCL | WC_ACCORD)) && k->pos == DYAD_POS_VBG &&
            (!(t[i].wc & WC_ACCORD) || (i + 1 < sent->ntokens && !strcmp(sent->tokens[i + 1].upper, "TO"))))
            t[i].pos = DYAD_POS_IN;
        const word_facts *fs = &c->facts[t[i].sid]; /* word 0: none of these */
        t[i].syn = f->syn | fs->syn;
        t[i].ws = f->start | fs->plural;
        if (dated && !*dated) *dated = token_dated(text, sent, k, t[i].wc);
    }
    return t;
}

/* The first sentence of a document's body: after its title, which the
 * readers put first (title, blank line, text). */
static size_t body_start(const dyad_doc *doc, const dyad_sentence *sents, size_t n) {
    size_t at = doc->title && *doc->title ? strlen(doc->title) + 2 : 0, i = 0;
    while (i < n && sents[i].start < at) i++;
    return i;
}

/* How many sentences of an untitled text may come before its dateline. */
#define DATELINE_LINES 4

/* Where the coder gets each sentence's tokens: a caller's analysed
 * sentences, or a document analysed a batch of sentences at a time, so
 * that a long document never holds all its tokens. Analysing one
 * sentence, coding it, then analysing the next left neither the tagger's
 * nor the coder's code in the instruction cache (four times the misses of
 * analysing the whole document first). A batch is up to BATCH_SENTENCES
 * sentences, ending with the one that brings it to BATCH_TOKENS tokens; it
 * lives at the bottom of the coder's scratch memory, under each sentence's
 * own scratch (rewound to `mark` after each sentence), so a document
 * costs one block of memory. */
#define BATCH_SENTENCES 16
#define BATCH_TOKENS 384

typedef struct sentsrc {
    dyad_sentence *sents;        /* analysed sentences, or NULL */
    const text_doc *doc;         /* or the document they are built from */
    size_t batch_first, batch_n; /* the batch: sentences [first, first + n) */
    arena_mark mark;             /* the scratch memory above the batch */
    dyad_sentence batch[BATCH_SENTENCES];
    text_key *keys[BATCH_SENTENCES]; /* their tokens' dictionary keys */
} sentsrc;

/* Analyses the batch of sentences that holds sentence i into `scratch`
 * (reset first); -1 when out of memory. The document's first batch starts
 * at its first sentence when i is the dateline's (read before the others),
 * so no sentence is analysed twice. */
static int analyse_batch(const dyad_coder *c, sentsrc *src, dyad_arena *scratch, size_t i) {
    dyad_error e;
    size_t from = src->batch_n == 0 && i <= DATELINE_LINES ? 0 : i, tokens = 0;
    dyad_arena_reset(scratch);
    src->batch_first = from;
    src->batch_n = 0;
    for (size_t k = from; k < src->doc->n && src->batch_n < BATCH_SENTENCES &&
                          (k <= i || tokens < BATCH_TOKENS);
         k++) {
        dyad_sentence *s = &src->batch[src->batch_n];
        if (text_doc_sentence(c->tagger, scratch, src->doc, k, s, &src->keys[src->batch_n], &e))
            return -1;
        tokens += s->ntokens;
        src->batch_n++;
    }
    src->mark = arena_mark_now(scratch);
    return 0;
}

/* Sentence i with its tokens; NULL when out of memory. */
static const dyad_sentence *sentence_at(const dyad_coder *c, sentsrc *src, dyad_arena *scratch,
                                        size_t i) {
    if (src->sents) return &src->sents[i];
    if (i - src->batch_first >= src->batch_n && analyse_batch(c, src, scratch, i) < 0) return NULL;
    return &src->batch[i - src->batch_first];
}

/* The dictionary keys of sentence i's tokens (the one sentence_at gave
 * last), or NULL for a caller's sentences. */
static const text_key *sentence_keys(const sentsrc *src, size_t i) {
    return src->sents ? NULL : src->keys[i - src->batch_first];
}

/* The dateline heading sentence `sent`: where it ends (*end, 0 if none)
 * and the country it names (*place, in the document's arena, or NULL).
 * The end is found from the words and tags of the sentence's first
 * tokens alone; only a sentence that has a dateline (one document in a
 * hundred) is made into coder tokens and units, for its country, in
 * scratch memory, which is rewound. 0, or -1 when out of memory. */
static int dateline(const dyad_coder *c, dyad_arena *keep, dyad_arena *scratch,
                    sentsrc *src, size_t head, int32_t date, int *end, const char **place) {
    const dyad_sentence *sent = sentence_at(c, src, scratch, head);
    if (!sent) return -1;
    int n = (int)sent->ntokens, m = n < CODER_DATELINE_TOKENS ? n : CODER_DATELINE_TOKENS;
    ctok first[CODER_DATELINE_TOKENS];
    for (int i = 0; i < m; i++)
        first[i] = (ctok){.up = sent->tokens[i].upper, .pos = sent->tokens[i].pos};
    *end = coder_dateline_end(first, m);
    if (*end) {
        ctok *t = make_tokens(c, scratch, sent, sentence_keys(src, head), NULL, NULL);
        if (!t) return -1;
        sdate when = {.doc = date, .date = date, .settled = 1}; /* the document's date */
        csent s = {.c = c, .a = scratch, .keep = keep, .t = t, .n = n, .when = &when};
        if (coder_find_units(&s) < 0) return -1;
        *place = coder_dateline_country(&s, *end);
    }
    arena_rewind(scratch, src->mark);
    return 0;
}

/* The same event, as a headline and a lead tell it: the same source and
 * target countries (RUS and RUSGOV alike) and the same CAMEO root. */
static int same_event(const dyad_event *x, const dyad_event *y) {
    char xs[8], xt[8], ys[8], yt[8];
    dyad_actor_country(x->source, xs), dyad_actor_country(x->target, xt);
    dyad_actor_country(y->source, ys), dyad_actor_country(y->target, yt);
    return !strcmp(xs, ys) && !strcmp(xt, yt) && !strncmp(x->code, y->code, 2);
}

/* Marks the lead's events (sentence `lead`, the first after the headline)
 * that the headline told already: out->repeat_of[i] is the headline's
 * sentence (allocated only when there is a repeat). -1 on OOM. */
static int mark_repeats(dyad_arena *a, dyad_result *out, size_t lead) {
    if (lead == 0) return 0; /* no headline */
    for (size_t i = 0; i < out->nevents; i++) {
        const dyad_event *e = &out->events[i];
        if (e->sentence != lead) continue;
        for (size_t k = 0; k < out->nevents && out->events[k].sentence < lead; k++) {
            if (!same_event(&out->events[k], e)) continue;
            if (!out->repeat_of) {
                out->repeat_of = dyad_arena_alloc(a, out->nevents * sizeof *out->repeat_of);
                if (!out->repeat_of) return -1;
                for (size_t j = 0; j < out->nevents; j++) out->repeat_of[j] = -1;
            }
            out->repeat_of[i] = (int32_t)out->events[k].sentence;
            break;
        }
    }
    return 0;
}

/* Whether some unit of the sentence has a code, or is a pronoun that the
 * events may resolve from the document (events need one or the other). */
static int any_coded_unit(const csent *s) {
    for (int u = 0; u < s->nunits; u++)
        if (s->units[u].ncodes || s->units[u].pronoun) return 1;
    return 0;
}

/* A story with no dateline happens in the one country its title names
 * ("Iraq: 26 killed ...", "Rebel attacks kill 12 Iraqis"): its units named
 * only by their sector ("insurgents", "police") act there, as under a
 * dateline. A title that names two countries, or none, gives no place.
 * `*n` counts the countries seen (2: more than one). */
static void title_place(const csent *s, dyad_arena *keep, const char **place, int *n) {
    for (int u = 0; u < s->nunits && *n < 2; u++) {
        const unit *x = &s->units[u];
        for (int k = 0; x->has_actor && k < x->ncodes && *n < 2; k++) {
            const char *c = x->codes[k]; /* "Chad and Sudan": each of a list */
            if (!coder_has_country(c) || (*place && !strncmp(*place, c, 3))) continue;
            *place = *n ? NULL : dyad_arena_strndup(keep, c, 3);
            (*n)++;
        }
    }
}

/* Codes sentences [0, nsents): `sents` holds their offsets (and, for
 * code_sentences, their tokens); their tokens come from `src`. */
static int code_loop(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                     const dyad_sentence *sents, size_t nsents, sentsrc *src,
                     dyad_result *out, dyad_error *err) {
    size_t cap = 0;
    int32_t date = doc_date(c, doc);
    /* a sentence's tokens, units, groups and explanations live in scratch
     * memory that is rewound after it (and the batch's analysis is reset
     * with the next batch), so a long document does not pile them up (a
     * 15 MB document's tokens alone were 150 MB) */
    dyad_arena *scratch = dyad_arena_new(64 * 1024);
    if (!scratch) return dyad_error_set(err, "out of memory");
    src->mark = arena_mark_now(scratch);
    docmem mem = {.sentence = -1, .pair_sentence = -1, .people_sentence = -1, .host_sentence = -1,
                  .voice_sentence = -1};
    strcache strs; /* its slots are read only once written (used[]) */
    memset(strs.used, 0, sizeof strs.used);
    size_t head = body_start(doc, sents, nsents);
    int head_end = 0, title_places = 0;
    const char *place = NULL;
    if (head < nsents && dateline(c, a, scratch, src, head, date, &head_end, &place) < 0) {
        dyad_arena_free(scratch);
        return dyad_error_set(err, "out of memory");
    }
    /* no title: a plain text's dateline may follow its headline, byline or
     * caption lines; what comes before it is the head of the story */
    for (size_t k = 1; head == 0 && !head_end && k < nsents && k <= DATELINE_LINES; k++) {
        if (sents[k].start == 0 || doc->text[sents[k].start - 1] != '\n') continue;
        if (dateline(c, a, scratch, src, k, date, &head_end, &place) < 0) {
            dyad_arena_free(scratch);
            return dyad_error_set(err, "out of memory");
        }
        if (head_end) head = k;
    }
    for (size_t i = 0; i < nsents; i++) {
        arena_rewind(scratch, src->mark);
        const dyad_sentence *sent = sentence_at(c, src, scratch, i);
        /* a caller's sentences may have tokens of other text: their text is read for dates */
        int dated = src->sents != NULL;
        ctok *t = sent ? make_tokens(c, scratch, sent, sentence_keys(src, i), doc->text,
                                     dated ? NULL : &dated)
                       : NULL;
        if (!t) {
            dyad_arena_free(scratch);
            return dyad_error_set(err, "out of memory");
        }
        wordsrc words = {sent, src->sents ? NULL : doc->text};
        int n = (int)sent->ntokens, discard = discard_kind(c, t, n, &words);
        if (discard == 2) { /* a story discard drops the whole document */
            out->events = NULL;
            out->nevents = 0;
            break;
        }
        if (n == 0 || discard) continue;
        int skip = i == head ? head_end : 0; /* the dateline is no part of the sentence */
        t += skip;
        n = drop_comma_clauses(&c->opt, t, n - skip);
        sdate when = sentence_date(doc, date, sent, dated);
        csent s = {.c = c, .a = scratch, .keep = a, .t = t, .n = n, .when = &when,
                   .place = c->opt.dateline_country && (head_end || i >= head) ? place : NULL,
                   .title_place = !head_end, .headline = i < head,
                   .mem = i < head ? NULL : &mem, .strs = &strs};
        /* the filter holds every token's id and singular's id; 0 (unknown,
         * no singular) once, rather than for most tokens */
        coder_bloom_add(s.bloom, 0);
        for (int k = 0; k < n; k++) {
            coder_bloom_add(s.bloom, t[k].id);
            if (t[k].sid) coder_bloom_add(s.bloom, t[k].sid);
            s.wc_any |= t[k].wc;
        }
        size_t before = out->nevents;
        if (coder_find_units(&s) < 0) {
            dyad_arena_free(scratch);
            return dyad_error_set(err, "out of memory coding sentence %zu", i + 1);
        }
        if (i < head && !head_end && c->opt.dateline_country) title_place(&s, a, &place, &title_places);
        /* no unit with a code: no event, and no subject to remember, so its
         * verbs are not looked at (unless --explain shows them) */
        if (!c->opt.trace && !any_coded_unit(&s)) continue;
        if (coder_find_groups(&s) < 0 ||
            coder_events(&s, (uint32_t)i, &out->events, &out->nevents, &cap) < 0 ||
            coder_remember(&s, (int)i) < 0) {
            dyad_arena_free(scratch);
            return dyad_error_set(err, "out of memory coding sentence %zu", i + 1);
        }
        coder_remember_pair(&s, out->events + before, out->nevents - before, (int)i);
    }
    dyad_arena_free(scratch);
    if (mark_repeats(a, out, head) < 0) return dyad_error_set(err, "out of memory");
    return 0;
}

int dyad_code_sentences(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                        dyad_sentence *sents, size_t nsents, dyad_result *out, dyad_error *err) {
    memset(out, 0, sizeof *out);
    out->sentences = sents;
    out->nsentences = nsents;
    sentsrc src = {.sents = sents};
    return code_loop(c, a, doc, sents, nsents, &src, out, err);
}

/* The document analysed and coded one sentence at a time: the result's
 * sentences hold offsets only (no tokens). */
static int code_text(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc, dyad_result *out,
                     dyad_error *err) {
    text_doc td;
    if (!c->tagger) return dyad_error_set(err, "%s:%d: no tagger", __FILE__, __LINE__);
    if (text_doc_open(a, doc->text, doc->text_len, &td, err)) return -1;
    dyad_sentence *sents = dyad_arena_alloc(a, (td.n ? td.n : 1) * sizeof *sents);
    if (!sents) {
        text_doc_close(&td);
        return dyad_error_set(err, "out of memory");
    }
    for (size_t i = 0; i < td.n; i++) text_doc_bounds(&td, i, &sents[i].start, &sents[i].end);
    out->sentences = sents;
    out->nsentences = td.n;
    sentsrc src = {.doc = &td};
    int rc = code_loop(c, a, doc, sents, td.n, &src, out, err);
    text_doc_close(&td);
    return rc;
}

int dyad_code_doc(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc, int as_one_sentence,
                  dyad_result *out, dyad_error *err) {
    memset(out, 0, sizeof *out);
    if (!as_one_sentence) return code_text(c, a, doc, out, err);
    dyad_sentence *sents = dyad_arena_alloc(a, sizeof *sents);
    if (!sents) return dyad_error_set(err, "out of memory");
    if (dyad_analyze_sentence(c->tagger, a, doc->text, doc->text_len, sents, err) < 0) return -1;
    return dyad_code_sentences(c, a, doc, sents, 1, out, err);
}
