/* tagger.c -- part-of-speech tagging: lexical tags, then contextual rules.
 *
 * Each token first gets the set of tags the lexicon allows and the likeliest
 * of them (lexicon.c), with capitalization deciding for names: a capital
 * inside a sentence makes a proper noun unless WordNet knows the word as a
 * capitalized adjective (Russian, Iranian). Then hand-written rules in the
 * manner of Brill's tagger revise each tag from its neighbours: a base verb
 * after "to" or a modal, a participle after "has" or "was", a noun after a
 * determiner, a verb after a subject pronoun, and so on. Every rule only
 * picks among the tags the lexicon allowed. Linear in the sentence length,
 * no allocation.
 *
 * Conventions follow the Stanford parses of the PETRARCH validation records,
 * which the tagger is measured against (bench/tagger_accuracy.c): "to" is TO
 * only before a verb and IN before a noun phrase, "'s" is POS or VBZ, title
 * words in names are NNP, "about to" is JJ. */
#include "text/lexicon.h"

#include <string.h>
#include <strings.h>

#define B(p) TAGBIT(DYAD_POS_##p)
#define NOUNS (B(NN) | B(NNS) | B(NNP) | B(NNPS))
#define VERBS (B(VB) | B(VBD) | B(VBG) | B(VBN) | B(VBP) | B(VBZ) | B(MD))

typedef struct tag_state {
    word_info info[TEXT_MAX_TOKENS];
} tag_state;

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
/* A letter or a digit: the three tests folded into one value (no short
 * circuit), so a caller takes one branch where it took up to three, each
 * taken at random from word to word (a lower-case word, a capitalized one). */
static int is_alnum(unsigned char c) { return is_lower(c) | is_upper(c) | is_digit(c); }

/* The tag of a one-byte token that is no letter or digit, if the table
 * below names it ("," "." "(" "$" ...); 0 for the others. */
static const uint8_t punct_byte[256] = {
    [','] = DYAD_POS_COMMA, ['.'] = DYAD_POS_PERIOD, ['!'] = DYAD_POS_PERIOD,
    ['?'] = DYAD_POS_PERIOD, [':'] = DYAD_POS_COLON, [';'] = DYAD_POS_COLON,
    ['-'] = DYAD_POS_COLON, ['`'] = DYAD_POS_LQUOTE, ['\''] = DYAD_POS_RQUOTE,
    ['"'] = DYAD_POS_RQUOTE, ['('] = DYAD_POS_LRB, ['['] = DYAD_POS_LRB, ['{'] = DYAD_POS_LRB,
    [')'] = DYAD_POS_RRB, [']'] = DYAD_POS_RRB, ['}'] = DYAD_POS_RRB, ['#'] = DYAD_POS_HASH,
    ['$'] = DYAD_POS_DOLLAR, ['%'] = DYAD_POS_NN, ['&'] = DYAD_POS_CC,
};

/* Punctuation and symbols: their tag, or DYAD_POS_NONE for a word. A
 * one-byte token (most punctuation) is one load of punct_byte[], any other
 * ASCII byte a symbol; longer ones ("``", "--", "...") go through the table. */
static int punct_tag_of(const char *w) {
    static const struct { const char *w; int pos; } tab[] = {
        {",", DYAD_POS_COMMA}, {".", DYAD_POS_PERIOD}, {"!", DYAD_POS_PERIOD},
        {"?", DYAD_POS_PERIOD}, {":", DYAD_POS_COLON}, {";", DYAD_POS_COLON},
        {"...", DYAD_POS_COLON}, {"--", DYAD_POS_COLON}, {"-", DYAD_POS_COLON},
        {"``", DYAD_POS_LQUOTE}, {"`", DYAD_POS_LQUOTE}, {"''", DYAD_POS_RQUOTE},
        {"'", DYAD_POS_RQUOTE}, {"\"", DYAD_POS_RQUOTE}, {"(", DYAD_POS_LRB}, {"[", DYAD_POS_LRB},
        {"{", DYAD_POS_LRB}, {")", DYAD_POS_RRB}, {"]", DYAD_POS_RRB}, {"}", DYAD_POS_RRB},
        {"#", DYAD_POS_HASH}, {"$", DYAD_POS_DOLLAR}, {"%", DYAD_POS_NN}, {"&", DYAD_POS_CC},
    };
    unsigned char c = (unsigned char)w[0];
    if (is_alnum(c)) return DYAD_POS_NONE;
    if (c && !w[1]) {
        int p = punct_byte[c];
        return p | ((p == 0) & (c < 0x80)) * DYAD_POS_SYM;
    }
    if (c == '\'' && (is_lower((unsigned char)w[1]) || is_upper((unsigned char)w[1])))
        return DYAD_POS_NONE; /* 's 're 'll ... (before the table, which has none) */
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i].w[0] == w[0] && tab[i].w[1] == w[1] && (!w[1] || !strcmp(tab[i].w, w)))
            return tab[i].pos; /* (one byte, the most of them: no call) */
    if (c < 0x80 && !is_upper(c) && !is_lower(c) && !is_digit(c)) return DYAD_POS_SYM;
    if (c == 0xEF && strcmp(w, "\xEF\xBF\xBD") == 0) return DYAD_POS_SYM;
    return DYAD_POS_NONE;
}

/* The tag of a punctuation token, 0 for a word: a word's first byte tells
 * (most tokens are words), the table the rest. */
static inline int punct_tag(const char *w) {
    unsigned char c = (unsigned char)w[0];
    return is_alnum(c) ? DYAD_POS_NONE : punct_tag_of(w);
}

/* Numbers: 12, 1,200, 3.5, 1990s, 27-28, 1/2. Ordinals (1st) are JJ. */
static int number_tag(const char *w, size_t n) {
    if (!is_digit((unsigned char)w[0])) return DYAD_POS_NONE;
    size_t letters = 0, i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (is_lower(c) || is_upper(c)) letters++;
    }
    if (!letters) return DYAD_POS_CD;
    if (n >= 3 && (strcmp(w + n - 2, "st") == 0 || strcmp(w + n - 2, "nd") == 0 ||
                   strcmp(w + n - 2, "rd") == 0 || strcmp(w + n - 2, "th") == 0) &&
        is_digit((unsigned char)w[n - 3])) return DYAD_POS_JJ;
    if (w[n - 1] == 's' && letters == 1) return DYAD_POS_CD;     /* 1990s */
    if (strchr(w, '-')) return DYAD_POS_JJ;                        /* 20-year */
    return DYAD_POS_CD;
}

static void set_single(word_info *wi, int pos) {
    memset(wi, 0, sizeof *wi);
    wi->tags = TAGBIT(pos);
    wi->best = (uint8_t)pos;
    wi->known = wi->closed = 1;
}

/* Hyphenated words: Russia-Iran, pro-government, well-known, vice-president. */
static void hyphen_info(const dyad_tagger *t, const char *lw, size_t n, word_info *wi) {
    const char *last = strrchr(lw, '-');
    size_t ln = n - (size_t)(last + 1 - lw);
    word_info li;
    if (ln == 0) { set_single(wi, DYAD_POS_JJ); wi->closed = 0; return; }
    lex_lookup(t, last + 1, ln, &li);
    memset(wi, 0, sizeof *wi);
    wi->known = 1;
    if (li.known && (li.tags & (B(NNS))) && li.best == DYAD_POS_NNS) {
        wi->tags = B(NNS) | B(JJ);
        wi->best = DYAD_POS_NNS;
    } else if (li.known && (li.best == DYAD_POS_NN)) {
        wi->tags = B(NN) | B(JJ);
        wi->best = DYAD_POS_JJ;
    } else {
        wi->tags = B(JJ);
        wi->best = DYAD_POS_JJ;
    }
}

/* The lexical reading of one word token. `initial`: the first word of the
 * sentence or of a quotation; `headline`: capitals say nothing here. */
/* `n`: the length of its text; `hash`: the lower case's lex_hash() if
 * already computed, else 0. A plain token (DYAD_TOKEN_PLAIN) is letters and
 * digits alone: no hyphen to look for. */
static void word_tag(const dyad_tagger *t, const dyad_token *tok, size_t n, uint32_t hash,
                     int initial, int headline, int next_cap, word_info *wi) {
    const char *w = tok->text, *lw = tok->lower;
    int plain = tok->flags & DYAD_TOKEN_PLAIN;
    if (n >= 63) n = 0; /* too long to be a word */
    int num = is_digit((unsigned char)w[0]) ? number_tag(w, n ? n : strlen(w)) : DYAD_POS_NONE;
    if (num) { set_single(wi, num); return; }
    if (!n) { set_single(wi, DYAD_POS_NN); return; }
    unsigned char c0 = (unsigned char)w[0];
    /* (one value, no short circuit: w[1] is at most the NUL) */
    int cap = is_upper(c0) | ((c0 >= 0xC3) & (c0 <= 0xC5) & !(w[1] & 0x20));
    /* (a capital is no lower-case byte; the second byte tells most words,
     * "Russia", and only a word in capitals is read on) */
    int allcaps = cap && n >= 2 && !is_lower((unsigned char)w[1]);
    for (size_t i = 2; i < n && allcaps; i++) if (is_lower((unsigned char)w[i])) allcaps = 0;
    if (!plain && memchr(lw, '-', n) && !lex_wordnet(lw, n)) {
        const char *last = strrchr(lw, '-') + 1;
        size_t ln = n - (size_t)(last - lw);
        if (ln > 3 && (strcmp(last + ln - 2, "ed") == 0 || strcmp(last + ln - 3, "ing") == 0)) {
            set_single(wi, DYAD_POS_JJ); /* U.S.-led, state-run, Iran-backed */
            wi->closed = 0;
            return;
        }
        if (strcmp(last, "led") == 0 || strcmp(last, "run") == 0 || strcmp(last, "held") == 0) {
            set_single(wi, DYAD_POS_JJ);
            wi->closed = 0;
            return;
        }
        if (cap && !headline) { set_single(wi, DYAD_POS_NNP); wi->closed = 0; return; }
        hyphen_info(t, lw, n, wi);
        return;
    }
    if (w[n - 1] == '.' && n >= 2 && !lex_wordnet(lw, n)) {
        /* an abbreviation: U.S., Gen., Inc. */
        lex_lookup(t, lw, n, wi);
        if (!wi->known) set_single(wi, is_upper(c0) ? DYAD_POS_NNP : DYAD_POS_NN);
        return;
    }
    lex_lookup_hashed(t, lw, n, hash ? hash : lex_hash(lw, n), wi);
    if (!cap) {
        if (!wi->known) lex_guess(lw, n, wi);
        return;
    }
    if (strcmp(lw, "i") == 0) return;
    if (allcaps && !headline && n <= 5) { set_single(wi, DYAD_POS_NNP); wi->closed = 0; return; }
    /* a title writes the pronoun "Us": "US" in capitals is the country */
    if (allcaps && headline && strcmp(w, "US") == 0) { set_single(wi, DYAD_POS_NNP); wi->closed = 0; return; }
    int plural_name = n > 3 && lw[n - 1] == 's' && lw[n - 2] != 's';
    if (initial || headline) {
        if (wi->closed) return;
        if (wi->known && (wi->wn & WN_CAPADJ)) {
            wi->best = DYAD_POS_JJ; /* Iranian, Russian */
            wi->tags |= B(JJ) | B(NNP);
            return;
        }
        if (wi->known && (wi->wn & WN_NAMECAP) && wi->best == DYAD_POS_NN && !headline) {
            wi->tags |= B(NNP); /* Morocco, China: a name more often than a common noun */
            wi->best = DYAD_POS_NNP;
            return;
        }
        if (wi->known && !(wi->wn & WN_PROPER)) {
            wi->tags |= B(NNP);
            return;
        }
        set_single(wi, DYAD_POS_NNP);
        wi->closed = 0;
        return;
    }
    /* a capital inside a sentence */
    if (wi->closed && (wi->best == DYAD_POS_PRP || wi->best == DYAD_POS_DT)) {
        wi->tags |= B(NNP);
        return;
    }
    if (wi->known && (wi->wn & WN_CAPADJ)) {
        uint8_t wn = wi->wn;
        set_single(wi, DYAD_POS_JJ); /* may become NNP inside a name: see name_adjective() */
        wi->wn = wn;
        wi->tags |= B(NNP);
        wi->closed = 0;
        return;
    }
    if (plural_name && next_cap) { set_single(wi, DYAD_POS_NNP); wi->closed = 0; return; }
    if (plural_name) {
        word_info si;
        lex_lookup(t, lw, n - 1, &si);
        if (si.wn & (WN_CAPADJ | WN_PROPER)) { set_single(wi, DYAD_POS_NNPS); return; }
    }
    if (plural_name && wi->known && wi->best == DYAD_POS_NNS && !(wi->wn & WN_PROPER)) {
        set_single(wi, DYAD_POS_NNPS);
        return;
    }
    set_single(wi, DYAD_POS_NNP);
    wi->closed = 0;
}

/* A title-case or all-caps line: most of its words are capitalized. */
/* The small words of a title, in lower case: articles, prepositions and
 * conjunctions ("Talks on the Border"). Sorted by first letter. */
static int is_small_word(const char *w) {
    static const char *const by_letter[26][8] = {
        ['a' - 'a'] = {"a", "an", "at", "and", "as", "after", "amid"},
        ['b' - 'a'] = {"but", "by"}, ['f' - 'a'] = {"for", "from"}, ['i' - 'a'] = {"in", "into"},
        ['o' - 'a'] = {"of", "on", "or", "over"}, ['t' - 'a'] = {"the", "to"},
        ['v' - 'a'] = {"vs."}, ['w' - 'a'] = {"with"},
    };
    if (w[0] < 'a' || w[0] > 'z') return 0;
    for (const char *const *k = by_letter[w[0] - 'a']; *k; k++)
        if (strcmp(w, *k) == 0) return 1;
    return 0;
}

static int is_headline(const dyad_sentence *s) {
    int words = 0;
    for (uint32_t i = 0; i < s->ntokens; i++) {
        const char *w = s->tokens[i].text;
        unsigned char c = (unsigned char)w[0];
        if (!is_upper(c) && !is_lower(c)) continue;
        if (is_small_word(w)) continue;
        if (is_lower(c)) return 0; /* a lower-case content word: running text */
        words++;
    }
    return words >= 3;
}

/* A headline in sentence case: a short line that no full stop, question
 * or exclamation mark ends, only a word or a credit in brackets ("Pakistan
 * bombs suspected camp (AFP)"); a cut-off lead ends in "..." instead. */
static int is_bare_headline(const dyad_sentence *s) {
    uint32_t last = s->ntokens;
    if (last < 3 || last > 20) return 0;
    last--;
    if (strcmp(s->tokens[last].text, ")") == 0) {
        while (last > 0 && strcmp(s->tokens[last].text, "(") != 0) last--;
        if (last < 2) return 0;
        last--;
    }
    unsigned char c = (unsigned char)s->tokens[last].text[0];
    return is_upper(c) || is_lower(c) || is_digit(c);
}

static int lex_stage(const dyad_tagger *t, const dyad_sentence *s, const uint32_t *hash,
                     const uint32_t *len, tag_state *st, int headline) {
    int initial = 1;
    uint32_t n = s->ntokens < TEXT_MAX_TOKENS ? s->ntokens : TEXT_MAX_TOKENS;
    for (uint32_t i = 0; i < n; i++) {
        const char *w = s->tokens[i].text;
        word_info *wi = &st->info[i];
        int p = punct_tag(w);
        if (s->tokens[i].pos == DYAD_POS_POS) p = DYAD_POS_POS; /* countries' (tokenizer) */
        if (p) {
            set_single(wi, p);
            if (p == DYAD_POS_LQUOTE || p == DYAD_POS_COLON || p == DYAD_POS_LRB) initial = 1;
            continue;
        }
        int next_cap = i + 1 < n && is_upper((unsigned char)s->tokens[i + 1].text[0]);
        word_tag(t, &s->tokens[i], len[i], hash[i], initial, headline, next_cap, wi);
        initial = 0;
    }
    return (int)n;
}

/* ---- contextual rules */

/* Words the rules ask about by name: found once per token (rule_words[]),
 * then each test is one compare. */
enum rule_word {
    W_NONE,
    W_THAT, W_BACK, W_AS, W_UP, W_TO, W_SHE, W_OVER, W_OUT, W_OFF, W_MOST, W_IT, W_HE, W_DOWN,
    W_BY, W_ABOUT, W_QS, W_WHO, W_WHICH, W_WHAT, W_THERE, W_THAN, W_SUCH, W_SAYS, W_SAY, W_NT,
    W_MORE, W_LET, W_LESS, W_HERE, W_HER, W_HELPS, W_HELPED, W_HELP, W_HAVING, W_HAVE, W_HAS,
    W_HAD, W_GOTTEN, W_GOT, W_GETTING, W_GETS, W_GET, W_DOES, W_DO, W_DID, W_BEFORE, W_AROUND,
    W_AFTER, W_QVE, W_QD,
};

/* Classes of words the rules ask about as a list. */
enum { RC_BE = 1, RC_HAVE = 2, RC_GET = 4, RC_REPORT = 8, RC_CLAUSE = 16, RC_BARE = 32 };

static const struct rule_word_def {
    const char *w;
    uint8_t id, cls;
} rule_words[] = {
    {"that", W_THAT, 0}, {"back", W_BACK, 0}, {"as", W_AS, 0}, {"up", W_UP, 0}, {"to", W_TO, 0},
    {"she", W_SHE, 0}, {"over", W_OVER, 0}, {"out", W_OUT, 0}, {"off", W_OFF, 0},
    {"most", W_MOST, 0}, {"it", W_IT, 0}, {"he", W_HE, 0}, {"down", W_DOWN, 0}, {"by", W_BY, 0},
    {"about", W_ABOUT, 0}, {"'s", W_QS, 0}, {"who", W_WHO, 0}, {"which", W_WHICH, 0},
    {"what", W_WHAT, 0}, {"there", W_THERE, 0}, {"than", W_THAN, 0}, {"such", W_SUCH, 0},
    {"says", W_SAYS, RC_CLAUSE}, {"say", W_SAY, RC_CLAUSE}, {"n't", W_NT, 0}, {"more", W_MORE, 0},
    {"let", W_LET, 0}, {"less", W_LESS, 0}, {"here", W_HERE, 0}, {"her", W_HER, 0},
    {"helps", W_HELPS, 0}, {"helped", W_HELPED, 0}, {"help", W_HELP, 0},
    {"having", W_HAVING, RC_HAVE}, {"have", W_HAVE, RC_HAVE}, {"has", W_HAS, RC_HAVE},
    {"had", W_HAD, RC_HAVE}, {"gotten", W_GOTTEN, RC_GET}, {"got", W_GOT, RC_GET},
    {"getting", W_GETTING, RC_GET}, {"gets", W_GETS, RC_GET}, {"get", W_GET, RC_GET},
    {"does", W_DOES, 0}, {"do", W_DO, 0}, {"did", W_DID, 0}, {"before", W_BEFORE, 0},
    {"around", W_AROUND, 0}, {"after", W_AFTER, 0}, {"'ve", W_QVE, RC_HAVE}, {"'d", W_QD, RC_HAVE},
    {"is", W_NONE, RC_BE}, {"are", W_NONE, RC_BE}, {"was", W_NONE, RC_BE}, {"were", W_NONE, RC_BE},
    {"be", W_NONE, RC_BE}, {"been", W_NONE, RC_BE}, {"being", W_NONE, RC_BE},
    {"am", W_NONE, RC_BE}, {"'re", W_NONE, RC_BE}, {"'m", W_NONE, RC_BE},
    {"said", W_NONE, RC_REPORT}, {"told", W_NONE, RC_REPORT}, {"added", W_NONE, RC_REPORT},
    {"warned", W_NONE, RC_REPORT}, {"claimed", W_NONE, RC_REPORT}, {"stated", W_NONE, RC_REPORT},
    {"announced", W_NONE, RC_REPORT}, {"insisted", W_NONE, RC_REPORT},
    {"argued", W_NONE, RC_REPORT}, {"noted", W_NONE, RC_REPORT}, {"replied", W_NONE, RC_REPORT},
    {"declared", W_NONE, RC_REPORT}, {"confirmed", W_NONE, RC_REPORT},
    {"denied", W_NONE, RC_REPORT}, {"explained", W_NONE, RC_REPORT},
    {"believe", W_NONE, RC_CLAUSE}, {"believes", W_NONE, RC_CLAUSE},
    {"believed", W_NONE, RC_CLAUSE}, {"think", W_NONE, RC_CLAUSE}, {"thinks", W_NONE, RC_CLAUSE},
    {"thought", W_NONE, RC_CLAUSE}, {"hope", W_NONE, RC_CLAUSE}, {"hopes", W_NONE, RC_CLAUSE},
    {"hoped", W_NONE, RC_CLAUSE}, {"fear", W_NONE, RC_CLAUSE}, {"fears", W_NONE, RC_CLAUSE},
    {"feared", W_NONE, RC_CLAUSE}, {"know", W_NONE, RC_CLAUSE}, {"knows", W_NONE, RC_CLAUSE},
    {"knew", W_NONE, RC_CLAUSE}, {"meaning", W_NONE, RC_CLAUSE}, {"means", W_NONE, RC_CLAUSE},
    {"suggest", W_NONE, RC_CLAUSE}, {"suggests", W_NONE, RC_CLAUSE},
    {"suggested", W_NONE, RC_CLAUSE}, {"claim", W_NONE, RC_CLAUSE}, {"claims", W_NONE, RC_CLAUSE},
    {"argue", W_NONE, RC_CLAUSE}, {"argues", W_NONE, RC_CLAUSE}, {"warn", W_NONE, RC_CLAUSE},
    {"warns", W_NONE, RC_CLAUSE},
    /* verbs whose object may be the subject of a bare verb: "demanded the
     * government resign", "watched the police storm it" */
    {"demand", W_NONE, RC_BARE}, {"demands", W_NONE, RC_BARE}, {"demanded", W_NONE, RC_BARE},
    {"demanding", W_NONE, RC_BARE}, {"insist", W_NONE, RC_BARE}, {"ask", W_NONE, RC_BARE},
    {"asked", W_NONE, RC_BARE}, {"asking", W_NONE, RC_BARE}, {"urge", W_NONE, RC_BARE},
    {"urged", W_NONE, RC_BARE}, {"urging", W_NONE, RC_BARE}, {"request", W_NONE, RC_BARE},
    {"requested", W_NONE, RC_BARE}, {"require", W_NONE, RC_BARE}, {"required", W_NONE, RC_BARE},
    {"propose", W_NONE, RC_BARE}, {"proposed", W_NONE, RC_BARE}, {"make", W_NONE, RC_BARE},
    {"made", W_NONE, RC_BARE}, {"making", W_NONE, RC_BARE}, {"see", W_NONE, RC_BARE},
    {"saw", W_NONE, RC_BARE}, {"watch", W_NONE, RC_BARE}, {"watched", W_NONE, RC_BARE},
    {"hear", W_NONE, RC_BARE}, {"heard", W_NONE, RC_BARE},
};

/* A word's bit in the filter of rule words (dyad_tagger.rule_bits). */
static int rule_bit(uint32_t hash) { return (int)(hash >> 22); }

void text_rule_words_init(dyad_tagger *t) {
    for (size_t k = 0; k < sizeof rule_words / sizeof rule_words[0]; k++) {
        uint32_t hash = lex_hash(rule_words[k].w, strlen(rule_words[k].w));
        uint32_t i = hash & (RULE_SLOTS - 1);
        while (t->rule_slot[i]) i = (i + 1) & (RULE_SLOTS - 1);
        t->rule_slot[i] = (uint8_t)(k + 1);
        t->rule_bits[rule_bit(hash) >> 6] |= 1ULL << (rule_bit(hash) & 63);
    }
}

/* The rule word a lower-case token is (its entry, or NULL), from its lex_hash(). */
static const struct rule_word_def *rule_word_of(const dyad_tagger *t, const char *w, uint32_t hash) {
    if (!(t->rule_bits[rule_bit(hash) >> 6] >> (rule_bit(hash) & 63) & 1)) return NULL;
    for (uint32_t i = hash & (RULE_SLOTS - 1); t->rule_slot[i]; i = (i + 1) & (RULE_SLOTS - 1)) {
        const struct rule_word_def *r = &rule_words[t->rule_slot[i] - 1];
        if (r->w[0] == w[0] && strcmp(r->w, w) == 0) return r;
    }
    return NULL;
}

typedef struct ctx {
    const dyad_sentence *s;
    word_info *info;
    uint8_t *tag;
    int n;
    const uint8_t *rw, *rc; /* each token's rule word and rule classes */
    int headline;           /* a title-case line (is_headline) */
    int bare_headline;      /* a headline in sentence case (is_bare_headline) */
} ctx;

/* The tags, rule words and rule classes have TAG_PAD zeros (DYAD_POS_NONE,
 * W_NONE, no class) on either side of the sentence's n, so the three
 * tests below need no test of the index: the rules ask about at most two
 * tokens past either end (i - 2 or i + 2 of a token i, the token before
 * an object or noun phrase that starts the sentence, -1). */
#define TAG_PAD 4

static int can(const ctx *c, int i, int pos) { return (c->info[i].tags & TAGBIT(pos)) != 0; }
static int tag_at(const ctx *c, int i) { return c->tag[i]; }
/* Is token i the rule word w (in any case)? */
static int word_is(const ctx *c, int i, int w) { return c->rw[i] == w; }

/* Is token i one of the words of class cls (RC_*)? */
static int word_in(const ctx *c, int i, int cls) { return (c->rc[i] & cls) != 0; }

static int in_set(int pos, uint64_t set) { return pos && (TAGBIT(pos) & set) != 0; }

/* Index of the previous token, skipping adverbs (has not yet, will also). */
static int prev_skip_rb(const ctx *c, int i) {
    int j = i - 1;
    while (j >= 0 && (c->tag[j] == DYAD_POS_RB) && i - j < 4) j--;
    return j;
}

static int is_have(const ctx *c, int i) { return word_in(c, i, RC_HAVE); }

static int is_be(const ctx *c, int i) {
    return word_in(c, i, RC_BE) || (word_is(c, i, W_QS) && c->tag[i] == DYAD_POS_VBZ);
}

static int is_get(const ctx *c, int i) { return word_in(c, i, RC_GET); }

static void set(ctx *c, int i, int pos) {
    if (can(c, i, pos)) c->tag[i] = (uint8_t)pos;
}

#define SUBJECT (B(PRP) | B(NN) | B(NNS) | B(NNP) | B(NNPS) | B(WDT) | B(WP) | B(EX) | B(CD))
#define DETERMINERS (B(DT) | B(PRPS) | B(POS) | B(WPS) | B(PDT))
#define MODIFIERS (B(JJ) | B(JJR) | B(JJS) | B(CD))


/* Is the noun phrase ending at token i the object of a preposition or a
 * verb? Then an -ed word after it starts a reduced relative clause
 * ("remarks published on Monday") and is a participle. */
static int np_is_object(const ctx *c, int i) {
    int j = i;
    while (j >= 0 && in_set(c->tag[j], NOUNS | MODIFIERS | DETERMINERS)) j--;
    if (j < 0 || j == i) return 0;
    if (word_is(c, j, W_THAT) || word_is(c, j, W_THAN)) return 0;
    if (c->tag[j] == DYAD_POS_IN) return 1;
    /* a phrasal verb's particle: "carried out air strikes", "set up checkpoints" */
    if (c->tag[j] == DYAD_POS_RP && j > 0) j--;
    return in_set(c->tag[j], B(VBD) | B(VBZ) | B(VBP) | B(VB) | B(VBG)) ? 2 : 0;
}

/* Verbs of saying: after a noun they are the clause's verb, not a
 * participle modifying the noun. */
static int reporting_verb(const ctx *c, int i) { return word_in(c, i, RC_REPORT); }

/* Verbs that take a clause: the noun after them is a subject, not an
 * object (said the group wants to ...). */
static int clause_verb(const ctx *c, int i) { return word_in(c, i, RC_REPORT | RC_CLAUSE); }

/* First token of the noun phrase ending at i. */
static int np_start(const ctx *c, int i) {
    while (i > 0 && in_set(c->tag[i - 1], NOUNS | MODIFIERS | DETERMINERS)) i--;
    return i;
}

/* Does a name in the plural ("United Nations", "United States") end at
 * token i after "a" or "an"? The article is then the next noun's: "a
 * United Nations appeal", "an Arab Emirates proposal". */
static int a_name_plural(const ctx *c, int i) {
    if (i < 2 || !in_set(c->tag[i], B(NNS) | B(NNPS)) || !in_set(c->tag[i - 1], B(NNP) | B(NNPS))) return 0;
    int k = i - 1;
    while (k > 0 && in_set(c->tag[k - 1], B(NNP) | B(NNPS))) k--;
    const char *a = k > 0 && c->tag[k - 1] == DYAD_POS_DT ? c->s->tokens[k - 1].lower : "";
    return a[0] == 'a' && (!a[1] || (a[1] == 'n' && !a[2]));
}

/* Is the noun phrase ending at token i the object of a verb that takes no
 * clause? Its clause has its verb then, and a word after it that could be
 * a noun or a verb is a noun ("stormed an Afghan border post Friday"); after
 * a verb of saying or thinking, or one like "demand", the phrase may be a
 * subject instead ("said the union leaders meet ...", "demanded the
 * government address ..."). */
static int object_np(const ctx *c, int i) {
    return np_is_object(c, i) == 2 && !word_in(c, np_start(c, i) - 1, RC_REPORT | RC_CLAUSE | RC_BARE);
}

static int subordinator(const ctx *c, int i) {
    return word_is(c, i, W_AFTER) || word_is(c, i, W_BEFORE);
}

/* "all" or "both" after the noun or pronoun it quantifies ("France and
 * Turkey all expressed concern", "they both condemned"): the subject ends
 * there and the -ed word after it is its verb. */
static inline int floating_quantifier(const ctx *c, int i) {
    const char *w = c->s->tokens[i].lower;
    if (!(w[0] == 'a' && w[1] == 'l' && w[2] == 'l' && !w[3]) && !(w[0] == 'b' && !strcmp(w, "both")))
        return 0;
    return in_set(tag_at(c, i - 1), SUBJECT);
}

/* An -ed word after a noun: participle of a reduced relative, or past tense? */
static int reduced_relative(const ctx *c, int i) {
    int np = np_is_object(c, i - 1), next = tag_at(c, i + 1);
    int k = i + 1;
    while (k < c->n && c->tag[k] == DYAD_POS_RB && k < i + 3) k++;
    int object = in_set(tag_at(c, k), DETERMINERS | B(PRP) | B(NNP) | B(CD));
    if (next == DYAD_POS_RP || word_is(c, i + 1, W_DOWN) || word_is(c, i + 1, W_UP) ||
        word_is(c, i + 1, W_OUT) || word_is(c, i + 1, W_OFF))
        return 0; /* a phrasal verb: crowds burned down the embassy */
    if (!np || !in_set(c->tag[i - 1], B(NN) | B(NNS))) return 0;
    if (reporting_verb(c, i)) return 0; /* the party said on Friday */
    int head = np_start(c, i - 1) - 1;
    if (np == 2 && (reporting_verb(c, head) || word_is(c, head, W_SAYS) || word_is(c, head, W_SAY)))
        return 0; /* police said 16 people died */
    if (word_is(c, i + 1, W_THAT) || next == DYAD_POS_LQUOTE) return 0;
    /* a clause needs a finite verb: if there is none before or after, the
     * -ed word is it (the talks in the hall stalled) */
    int before = 0, after = 0;
    for (int j = i - 2; j >= 0 && !before; j--) {
        if (in_set(c->tag[j], B(CC) | B(COLON))) break;
        before = in_set(c->tag[j], B(VBD) | B(VBZ) | B(VBP) | B(MD));
    }
    for (int j = i + 1; j < c->n && !after; j++) {
        if (in_set(c->tag[j], B(CC) | B(COLON))) break;
        after = in_set(c->tag[j], B(VBD) | B(VBZ) | B(VBP) | B(MD));
    }
    if (object || next == DYAD_POS_CC) {
        /* a participle takes no object (which of the leaders initiated the
         * call); but the Stanford parses we measure against take "after
         * crowds trashed its embassy" as a participle: follow them in just
         * that shape (after/before, a bare plural, a determiner) */
        return np == 1 && before && np_start(c, i - 1) == i - 1 && c->tag[i - 1] == DYAD_POS_NNS &&
               subordinator(c, i - 2) && in_set(next, B(DT) | B(PRPS));
    }
    return before || after; /* remarks published on Monday */
}

/* The last finite or participle verb before token i, within a few tokens
 * and not across a clause break; -1 if none. */
static int last_verb(const ctx *c, int i) {
    for (int j = i - 1; j >= 0 && i - j < 8; j--) {
        if (in_set(c->tag[j], B(VBD) | B(VBZ) | B(VBP) | B(VBN) | B(VB) | B(VBG))) return j;
        if (in_set(c->tag[j], B(COMMA) | B(COLON) | B(CC) | B(WDT) | B(WP))) return -1;
    }
    return -1;
}

/* A verb reading for an ambiguous noun/verb word at i. */
static void verb_reading(ctx *c, int i) {
    int t = c->tag[i];
    if (t == DYAD_POS_VB && can(c, i, DYAD_POS_VBD) &&
        (word_is(c, i - 1, W_HE) || word_is(c, i - 1, W_SHE) || word_is(c, i - 1, W_IT))) {
        c->tag[i] = DYAD_POS_VBD; /* it cost, she put */
        return;
    }
    if (t == DYAD_POS_NNS || can(c, i, DYAD_POS_VBZ)) set(c, i, DYAD_POS_VBZ);
    if (t == DYAD_POS_NN || t == DYAD_POS_VB || t == DYAD_POS_JJ) set(c, i, DYAD_POS_VBP);
    if (t == DYAD_POS_VBN || t == DYAD_POS_JJ) set(c, i, DYAD_POS_VBD);
}

static void noun_reading(ctx *c, int i) {
    int t = c->tag[i];
    if (t == DYAD_POS_VBZ) set(c, i, DYAD_POS_NNS);
    else if (t == DYAD_POS_VB || t == DYAD_POS_VBP) set(c, i, DYAD_POS_NN);
}

/* "Israel Destroys Homes, Kills One", "Storm Hits Coast, Kills 12": in a
 * headline whose first clause has its verb, a third person right after a
 * comma is the verb of a second clause with the same subject, when its next
 * word can begin an object. */
static int headline_second_verb(const ctx *c, int i) {
    if (c->tag[i - 1] != DYAD_POS_COMMA || !in_set(c->tag[i], B(NNS) | B(VBZ)) || !can(c, i, DYAD_POS_VBZ) ||
        !(c->info[i + 1].tags & (NOUNS | DETERMINERS | B(JJ) | B(CD) | B(PRP))))
        return 0;
    for (int j = 0; j < i - 1; j++)
        if (in_set(c->tag[j], B(VBZ) | B(VBP) | B(VBD))) return 1;
    return 0;
}

/* "Sistani Urges Supporters to ...", "Karzai Sacks Regional Governor",
 * "Chilean Leader Promises More Aid", "Border Raid Kills Two": in a title-case
 * headline, a plural right after the noun phrase that opens it is the
 * headline's verb, when the word can be one and the next word can begin its
 * object ("Darfur Conditions Worsen", "U.S. Forces Kill" stay nouns: a verb
 * follows; "Arrests Smuggling Suspects": an -ing word that can be a noun may
 * begin the object). */
static int headline_verb(const ctx *c, int i) {
    if (!(c->headline || c->bare_headline) || i == 0 || i + 1 >= c->n) return 0;
    if (headline_second_verb(c, i)) return 1;
    int p = i - 1; /* the subject's last word, before any adverb ("troops again attack") */
    while (p > 0 && c->tag[p] == DYAD_POS_RB) p--;
    int sing = p == i - 1 && in_set(c->tag[i], B(NNS) | B(VBZ)) && can(c, i, DYAD_POS_VBZ) &&
               can(c, i, DYAD_POS_NNS) && in_set(c->tag[p], B(NNP) | B(NN) | B(JJ));
    /* "US jets hammer insurgents", "French Students Face Ban": a plural
     * subject's verb in its base form */
    int plur = in_set(c->tag[i], B(NN) | B(VBP)) && can(c, i, DYAD_POS_VBP) &&
               can(c, i, DYAD_POS_NN) && in_set(c->tag[p], B(NNS) | B(NNPS));
    if (!sing && !plur) return 0;
    /* "US forces bomb Falluja": a plural whose next word is a base verb with
     * an object after it is the subject, and that word the verb */
    if (sing && i + 2 < c->n && in_set(c->info[i + 1].best, B(NN) | B(VB) | B(VBP)) &&
        can(c, i + 1, DYAD_POS_VBP) &&
        (c->info[i + 2].tags & (NOUNS | DETERMINERS | B(JJ) | B(CD) | B(PRP) | B(IN))) &&
        !in_set(c->info[i + 2].best, VERBS))
        return 0;
    for (int j = 0; j <= p; j++)
        if (!in_set(c->tag[j], B(NNP) | B(NNPS) | B(POS) | B(NN) | B(NNS) | B(JJ))) return 0;
    int k = i + 1; /* "US planes again hit": the verb after an adverb */
    while (k + 1 < c->n && c->info[k].best == DYAD_POS_RB) k++;
    if (k > i + 1 && (c->info[k].tags & (B(VB) | B(VBP) | B(VBD) | B(VBZ)))) return 0;
    int next = c->info[i + 1].best;
    /* "Pakistan bombs suspected camp": a participle that can be an adjective */
    if (in_set(next, VERBS) && !(next == DYAD_POS_VBG && can(c, i + 1, DYAD_POS_NN)) &&
        !(in_set(next, B(VBD) | B(VBN)) && can(c, i + 1, DYAD_POS_JJ)))
        return 0; /* "U.S. Forces Kill 50" */
    return (c->info[i + 1].tags & (NOUNS | DETERMINERS | B(JJ) | B(JJR) | B(CD) | B(PRP) | B(TO) | B(IN) |
                                   B(RP) | B(RB))) != 0;
}

/* An adverb between a subject and its verb: "the army mistakenly kills
 * three soldiers", "Israel reportedly plans to" (not inside an object:
 * "hit the city again twice"). Token i is a plural noun or a verb after
 * adverbs; pv is the word before them. Rare: kept out of rule_token's body. */
static __attribute__((noinline)) void adverb_subject_verb(ctx *c, int i, int pv, int next) {
    if (pv < 0 || !in_set(c->tag[pv], B(NNP) | B(NN)) || !can(c, i, DYAD_POS_VBZ)) return;
    int np = np_is_object(c, pv);
    if (!(np == 1 || (np == 2 && !clause_verb(c, np_start(c, pv) - 1))) &&
        in_set(next, B(DT) | B(PRPS) | B(PRP) | B(NNP) | B(CD) | B(TO) | B(JJ) | B(NNS) | B(NN)))
        verb_reading(c, i);
}

static void rule_token(ctx *c, int i) {
    int t = c->tag[i], prev = tag_at(c, i - 1), next = tag_at(c, i + 1);
    int pv = prev_skip_rb(c, i), ptag = tag_at(c, pv);
    uint64_t tags = c->info[i].tags;
    /* a word with one possible tag keeps it: every rule below only picks among
     * the tags the lexicon allowed, except those for "to" and "'s" */
    if (tags && !(tags & (tags - 1)) && TAGBIT(t) == tags && !c->rw[i]) return;

    if (word_is(c, i, W_TO)) {
        /* the infinitive marker before a verb, a preposition before a noun
         * phrase (the convention of the Stanford parses we measure against) */
        int j = i + 1;
        while (j + 1 < c->n && can(c, j, DYAD_POS_RB) && can(c, j + 1, DYAD_POS_VB) && j < i + 3) j++;
        int verb = j < c->n && can(c, j, DYAD_POS_VB) &&
                   !in_set(c->info[j].best, B(DT) | B(PDT) | B(PRP) | B(PRPS) | B(NNP) | B(NNPS) | B(CD));
        c->tag[i] = verb ? DYAD_POS_TO : DYAD_POS_IN;
        return;
    }
    if (word_is(c, i, W_QS)) {
        int after_pron = prev == DYAD_POS_PRP || word_is(c, i - 1, W_THAT) ||
                         word_is(c, i - 1, W_THERE) || word_is(c, i - 1, W_WHAT) ||
                         word_is(c, i - 1, W_WHO) || word_is(c, i - 1, W_HERE);
        /* "Pakistan's ruling coalition", "Israel's occupied territories": a
         * participle between a name and a noun is an adjective, the 's its
         * owner's */
        int owned = (prev == DYAD_POS_NNP || prev == DYAD_POS_NNPS) && i + 2 < c->n &&
                    in_set(c->info[i + 2].best, B(NN) | B(NNS) | B(NNP) | B(NNPS));
        c->tag[i] = after_pron || (in_set(next, B(VBN) | B(VBG)) && !owned) ? DYAD_POS_VBZ
                                                                          : DYAD_POS_POS;
        return;
    }
    if (ptag == DYAD_POS_TO || ptag == DYAD_POS_MD) {
        if (can(c, i, DYAD_POS_VB)) { c->tag[i] = DYAD_POS_VB; return; }
    }
    if (pv >= 0 && (word_is(c, pv, W_DO) || word_is(c, pv, W_DOES) || word_is(c, pv, W_DID) ||
                    word_is(c, pv, W_NT) || word_is(c, pv, W_HELP) || word_is(c, pv, W_HELPS) ||
                    word_is(c, pv, W_HELPED) || word_is(c, pv, W_LET)) && can(c, i, DYAD_POS_VB) &&
        !in_set(c->info[i].best, B(NNS) | B(NNP))) {
        c->tag[i] = DYAD_POS_VB;
        return;
    }
    if (pv >= 0 && is_have(c, pv) && can(c, i, DYAD_POS_VBN)) { c->tag[i] = DYAD_POS_VBN; return; }
    if (pv >= 0 && (is_be(c, pv) || is_get(c, pv))) {
        if (can(c, i, DYAD_POS_VBN) && in_set(t, B(VBD) | B(VBN) | B(JJ) | B(NN)) &&
            !(t == DYAD_POS_JJ && !can(c, i, DYAD_POS_VBD))) { c->tag[i] = DYAD_POS_VBN; return; }
        if (can(c, i, DYAD_POS_VBG) && t != DYAD_POS_JJ) { c->tag[i] = DYAD_POS_VBG; return; }
        if (is_be(c, pv) && in_set(t, B(VB) | B(VBP) | B(NN)) && can(c, i, DYAD_POS_JJ)) {
            c->tag[i] = DYAD_POS_JJ; /* it was clear */
            return;
        }
    }
    if (headline_verb(c, i)) {
        c->tag[i] = in_set(c->tag[i], B(NN) | B(VBP)) ? DYAD_POS_VBP : DYAD_POS_VBZ;
        /* its object's -ing word is a noun: "Arrests Smuggling Suspects" */
        if (c->info[i + 1].best == DYAD_POS_VBG) c->tag[i + 1] = DYAD_POS_NN;
        return;
    }
    /* after a relative pronoun comes a verb (a step that holds); "that"
     * after a verb or preposition is a complementizer or determiner, and a
     * word that is mostly a noun is then a noun (made that point) */
    int rel = word_is(c, i - 1, W_WHICH) ||
              (word_is(c, i - 1, W_THAT) &&
               (in_set(tag_at(c, i - 2), NOUNS) || !in_set(c->info[i].best, NOUNS)) &&
               !in_set(tag_at(c, i - 2), B(IN) | B(TO)));
    if (!rel && (in_set(prev, DETERMINERS | MODIFIERS) || prev == DYAD_POS_IN || prev == DYAD_POS_TO) &&
        !(prev == DYAD_POS_DT && floating_quantifier(c, i - 1))) {
        if (in_set(t, B(VB) | B(VBP) | B(VBZ)) && (c->info[i].tags & NOUNS)) noun_reading(c, i);
        if (t == DYAD_POS_VBD && in_set(prev, DETERMINERS | MODIFIERS) &&
            in_set(prev, DETERMINERS) && in_set(next, NOUNS | B(JJ))) { /* the reported attack */
            if (can(c, i, DYAD_POS_VBN)) c->tag[i] = DYAD_POS_VBN;
            else if (c->info[i].tags & NOUNS) set(c, i, DYAD_POS_NN);
        }
        if (in_set(c->tag[i], B(VB) | B(VBP) | B(IN)) && can(c, i, DYAD_POS_JJ)) set(c, i, DYAD_POS_JJ);
        if (c->tag[i] == DYAD_POS_VBG && !in_set(next, DETERMINERS | B(PRP) | B(NNP) | B(CD) | B(RP)) &&
            (prev != DYAD_POS_IN || in_set(next, B(PERIOD) | B(COMMA) | B(COLON) | B(NONE))))
            set(c, i, DYAD_POS_NN); /* the bombing, days of fighting, a gardening license */
        if (c->tag[i] == DYAD_POS_NN && in_set(prev, DETERMINERS) && in_set(next, B(NN) | B(NNS)) &&
            can(c, i, DYAD_POS_JJ) && c->info[i].known)
            set(c, i, DYAD_POS_JJ);
        return;
    }
    if (in_set(t, B(NN) | B(NNS) | B(VB) | B(VBP) | B(VBZ)) && (c->info[i].tags & VERBS) &&
        (c->info[i].tags & NOUNS)) {
        int pron = ptag == DYAD_POS_PRP || ptag == DYAD_POS_WDT || ptag == DYAD_POS_WP ||
                   ptag == DYAD_POS_EX || rel;
        int strong = in_set(next, DETERMINERS | B(PRP) | B(NNP) | B(CD));
        int obj = strong || (!in_set(c->info[i].best, NOUNS) &&
                             in_set(next, B(TO) | B(JJ) | B(IN) | B(RB) | B(NNS) | B(NN)));
        if (pron) verb_reading(c, i);
        else if (a_name_plural(c, i - 1)) noun_reading(c, i); /* a United Nations appeal */
        else if (prev == DYAD_POS_NNS && in_set(t, B(NN) | B(VB))) {
            if (in_set(tag_at(c, i - 2), DETERMINERS) && !strong) noun_reading(c, i); /* the police force */
            else if (obj || next == DYAD_POS_PERIOD) verb_reading(c, i);
        } else if ((prev == DYAD_POS_NNP || prev == DYAD_POS_NN) && t == DYAD_POS_NNS) {
            /* inside an object (began wildcat strikes, over management plans)
             * the plural is a noun; after a subject it may be the verb */
            int np = np_is_object(c, i - 1);
            if (np == 1 || (np == 2 && !clause_verb(c, np_start(c, i - 1) - 1))) {
            } else if (in_set(next, B(DT) | B(PRPS) | B(PRP) | B(NNP) | B(CD) | B(TO)) ||
                (prev == DYAD_POS_NN && (in_set(next, B(NN) | B(JJ) | B(VB)) ||
                                         (next == DYAD_POS_VBP && can(c, i + 1, DYAD_POS_NN)))))
                verb_reading(c, i); /* the agreement covers trade */
        } else if ((prev == DYAD_POS_NNP || prev == DYAD_POS_NN) && t == DYAD_POS_VBZ) {
            /* the noun phrase is a verb's object: its last word is a plural
             * noun (charged eight terror suspects on Tuesday) */
            int np = np_is_object(c, i - 1);
            if (np == 2 && !clause_verb(c, np_start(c, i - 1) - 1)) noun_reading(c, i);
            else if (!obj && next != DYAD_POS_PERIOD) noun_reading(c, i);
        } else if (in_set(prev, B(VBD) | B(VBZ) | B(VBP) | B(VBN) | B(VBG)) &&
                   in_set(t, B(VB) | B(VBP))) {
            if (can(c, i, DYAD_POS_JJ) && (in_set(next, B(IN) | B(COMMA) | B(PERIOD)) ||
                                           word_is(c, i + 1, W_THAT)))
                c->tag[i] = DYAD_POS_JJ; /* made clear that, make sure */
            else
                noun_reading(c, i); /* set fire, made progress */
        } else if ((prev == DYAD_POS_NNP || prev == DYAD_POS_NN) && in_set(t, B(VB) | B(VBP))) {
            if (next == DYAD_POS_PERIOD && can(c, i, DYAD_POS_VBD)) c->tag[i] = DYAD_POS_VBD;
            else if (can(c, i, DYAD_POS_VBN) && next == DYAD_POS_IN && reduced_relative(c, i))
                c->tag[i] = DYAD_POS_VBN; /* an election set for October */
            else if (!strong || object_np(c, i - 1))
                noun_reading(c, i); /* the peace process; stormed a border post Friday */
        } else if (i == 0 || prev == DYAD_POS_LQUOTE) {
            if (t == DYAD_POS_VBZ) noun_reading(c, i);
        } else if (prev == DYAD_POS_CC && last_verb(c, i - 1) >= 0 &&
                   can(c, i, c->tag[last_verb(c, i - 1)]) &&
                   i + 1 < c->n &&
                   (c->info[i + 1].tags & (DETERMINERS | NOUNS | B(PRP) | B(CD) | B(IN) | B(TO) | B(RP)))) {
            c->tag[i] = c->tag[last_verb(c, i - 1)]; /* stormed the building and set fire */
        } else if (prev == DYAD_POS_CC && in_set(tag_at(c, i - 2), B(NN) | B(NNS)) &&
                   in_set(t, B(VB) | B(VBP)) && !in_set(next, DETERMINERS | B(PRP))) {
            noun_reading(c, i); /* death at sea and torture */
        } else if (t == DYAD_POS_NNS && prev == DYAD_POS_RB) {
            adverb_subject_verb(c, i, pv, next);
        }
        t = c->tag[i];
    }
    if (t == DYAD_POS_VB && !(prev == DYAD_POS_CC && tag_at(c, i - 2) == DYAD_POS_VB)) {
        int singular = word_is(c, i - 1, W_HE) || word_is(c, i - 1, W_SHE) ||
                       word_is(c, i - 1, W_IT) || prev == DYAD_POS_NN || prev == DYAD_POS_NNP;
        if (singular && can(c, i, DYAD_POS_VBD)) set(c, i, DYAD_POS_VBD); /* it cost, he put */
        else if (in_set(prev, SUBJECT | B(RRB))) set(c, i, DYAD_POS_VBP);
    }
    if (t == DYAD_POS_VBD || t == DYAD_POS_VBN) {
        int by = word_is(c, i + 1, W_BY) && !reporting_verb(c, i);
        for (int j = i + 2; j < c->n && j < i + 5 && !by && next == DYAD_POS_IN && !reporting_verb(c, i);
             j++) {
            if (in_set(c->tag[j], VERBS | B(COMMA) | B(PERIOD))) break;
            by = word_is(c, j, W_BY); /* the hostility expressed towards Iran by ... */
        }
        if (i == 0 || prev == DYAD_POS_COMMA || by) { if (by || i == 0) set(c, i, DYAD_POS_VBN); }
        else if (in_set(prev, NOUNS) && reduced_relative(c, i)) set(c, i, DYAD_POS_VBN);
        else if (in_set(prev, SUBJECT) || (prev == DYAD_POS_DT && floating_quantifier(c, i - 1)))
            set(c, i, DYAD_POS_VBD);
        else if (prev == DYAD_POS_CC && last_verb(c, i - 1) >= 0 &&
                 in_set(c->tag[last_verb(c, i - 1)], B(VBD) | B(VBN)))
            set(c, i, c->tag[last_verb(c, i - 1)]);
        if (c->tag[i] == DYAD_POS_VBN && in_set(next, NOUNS) && can(c, i, DYAD_POS_JJ) &&
            !can(c, i, DYAD_POS_VBD))
            set(c, i, DYAD_POS_JJ);
    }
}

/* Capitalized words that name an office: a nationality adjective before
 * them stays an adjective (Russian President Putin). */
static int is_title_word(const char *w) {
    static const char *const titles[] = {
        "President", "Prime", "Minister", "Foreign", "Defense", "Defence", "Interior",
        "Secretary", "Chancellor", "King", "Queen", "Prince", "Leader", "Ambassador", "Envoy",
        "Deputy", "Vice", "General", "Gen.", "Col.", "Lt.", "Sen.", "Rep.", "Gov.", "Mr.",
        "Mrs.", "Ms.", "Dr.", "Supreme", "Chief", "Premier", "Governor", "Senator", "Mayor",
        "Spokesman", "Commander", "Finance", "Trade", "Economy", "Energy", "Justice",
        "Ministry", "Embassy", "Army", "Navy", "Air", "Military", "Security", "Police",
        "Official", "Officials", "Foreign", "State", "Government",
    };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (strcmp(titles[i], w) == 0) return 1;
    return 0;
}

/* A nationality adjective inside a name (the Central African Republic, the
 * European Commission) is part of the proper noun. */
static int name_adjective(const ctx *c, int i) {
    if (!is_upper((unsigned char)c->s->tokens[i].text[0])) return 0;
    if (i > 0 && c->tag[i - 1] == DYAD_POS_NNP && is_upper((unsigned char)c->s->tokens[i - 1].text[0]) &&
        !is_title_word(c->s->tokens[i - 1].text))
        return 1;
    if (i + 1 < c->n && c->tag[i + 1] == DYAD_POS_NNP && !is_title_word(c->s->tokens[i + 1].text))
        return 1;
    return 0;
}

/* Words whose tag depends on the next one. */
/* The rules for the words rule_lookahead() names (that, her, more, up, ...);
 * 1 if one applied to token i. */
static int word_rules(ctx *c, int i, int prev, int next) {
    if (word_is(c, i, W_THAT)) {
        if (in_set(prev, NOUNS) && in_set(next, VERBS)) c->tag[i] = DYAD_POS_WDT;
        else if (in_set(next, B(NN) | B(NNS)) && !in_set(tag_at(c, i + 2), VERBS) && prev != DYAD_POS_NNS &&
                 !(in_set(prev, VERBS) && next == DYAD_POS_NNS))
            c->tag[i] = DYAD_POS_DT;
        else if ((i == 0 || prev == DYAD_POS_LQUOTE) && in_set(next, VERBS | B(PERIOD)))
            c->tag[i] = DYAD_POS_DT;
        else c->tag[i] = DYAD_POS_IN;
    } else if (word_is(c, i, W_HER)) {
        c->tag[i] = in_set(next, NOUNS | MODIFIERS | B(JJ) | B(VBG) | B(VBN)) ? DYAD_POS_PRPS
                                                                             : DYAD_POS_PRP;
    } else if (word_is(c, i, W_MORE) || word_is(c, i, W_MOST) || word_is(c, i, W_LESS)) {
        int rb = in_set(next, B(JJ) | B(RB) | B(VBN));
        if (word_is(c, i, W_MOST)) c->tag[i] = rb ? DYAD_POS_RBS : DYAD_POS_JJS;
        else c->tag[i] = rb ? DYAD_POS_RBR : DYAD_POS_JJR;
    } else if (word_is(c, i, W_ABOUT) && word_is(c, i + 1, W_TO) && tag_at(c, i + 2) == DYAD_POS_VB) {
        c->tag[i] = DYAD_POS_JJ; /* "is about to leave" */
    } else if ((word_is(c, i, W_ABOUT) || word_is(c, i, W_AROUND)) && next == DYAD_POS_CD) {
        c->tag[i] = DYAD_POS_RB;
    } else if (word_is(c, i, W_UP) || word_is(c, i, W_OUT) || word_is(c, i, W_DOWN) ||
               word_is(c, i, W_OFF) || word_is(c, i, W_OVER) || word_is(c, i, W_BACK)) {
        if (in_set(prev, VERBS) && !word_is(c, i, W_BACK))
            c->tag[i] = in_set(next, DETERMINERS | NOUNS) && word_is(c, i, W_OVER) ? DYAD_POS_IN
                                                                                : DYAD_POS_RP;
        else if (!word_is(c, i, W_BACK))
            c->tag[i] = in_set(next, DETERMINERS | NOUNS | B(PRP)) ? DYAD_POS_IN : DYAD_POS_RB;
    } else if (word_is(c, i, W_AS) && word_is(c, i + 2, W_AS) && in_set(next, B(JJ) | B(RB))) {
        c->tag[i] = DYAD_POS_RB;
    } else if (word_is(c, i, W_SUCH) && word_is(c, i + 1, W_AS)) {
        c->tag[i] = DYAD_POS_JJ;
    } else {
        return 0;
    }
    return 1;
}

static void rule_lookahead(ctx *c, int i) {
    int next = tag_at(c, i + 1), prev = tag_at(c, i - 1);
    const char *w = c->s->tokens[i].text;
    if (c->tag[i] == DYAD_POS_JJ && (c->info[i].wn & WN_CAPADJ) && can(c, i, DYAD_POS_NNP) &&
        name_adjective(c, i)) {
        c->tag[i] = DYAD_POS_NNP;
    } else if (c->tag[i] == DYAD_POS_JJ && can(c, i, DYAD_POS_NN) &&
               (prev == DYAD_POS_DT || (prev == DYAD_POS_JJ && in_set(tag_at(c, i - 2), DETERMINERS))) &&
               in_set(next, B(IN) | B(COMMA) | B(PERIOD) | B(CC) | B(COLON) | B(TO) | B(VBZ) |
                            B(VBD) | B(MD)) &&
               !(next == DYAD_POS_CC && tag_at(c, i + 2) == DYAD_POS_JJ)) {
        c->tag[i] = DYAD_POS_NN; /* a future with ..., a hat-trick , */
    } else if (c->tag[i] == DYAD_POS_JJ && can(c, i, DYAD_POS_RB) &&
               in_set(next, B(VB) | B(VBD) | B(VBN) | B(VBZ) | B(VBP))) {
        c->tag[i] = DYAD_POS_RB; /* to further strengthen */
    } else if (c->rw[i] && word_rules(c, i, prev, next)) {
        /* a word of its own rules */
    } else if (c->tag[i] == DYAD_POS_NNP && (i == 0 || prev == DYAD_POS_LQUOTE)) {
        (void)w;
    } else if ((i == 0 || prev == DYAD_POS_LQUOTE) && in_set(c->tag[i], B(NN) | B(NNS)) &&
               (next == DYAD_POS_NNP || (next == DYAD_POS_POS && (c->info[i].wn & WN_NAMECAP))) &&
               is_upper((unsigned char)w[0])) {
        c->tag[i] = c->tag[i] == DYAD_POS_NNS ? DYAD_POS_NNPS : DYAD_POS_NNP;
    }
}

/* The length of token k's text (and lower case): a plain token's is its
 * span in the document. */
static size_t token_len(const dyad_token *k) {
    return k->flags & DYAD_TOKEN_PLAIN ? k->end - k->start : strlen(k->lower);
}

/* Token k's length and tables' hash (lex_hash of its lower case), and
 * into *key its dictionary key. `ascii`: its upper case is its lower
 * case's ASCII upper case, as in a sentence of ASCII bytes, or a plain
 * token (DYAD_TOKEN_PLAIN: no accent was folded), so one hash of its upper
 * case is both (lex_key); another's key is left to the coder (0). */
static size_t token_hash(const dyad_token *k, int ascii, uint32_t *hash, uint64_t *key) {
    size_t n;
    if (ascii || (k->flags & DYAD_TOKEN_PLAIN)) {
        *key = hash_key_str(k->upper, &n);
        *hash = lex_hash_of_key(*key);
        return n;
    }
    n = strlen(k->lower);
    *key = 0;
    *hash = n > 1 && n < 63 ? lex_hash(k->lower, n) : 0;
    return n;
}

void text_tag_sentence(const dyad_tagger *t, dyad_sentence *s, text_key *keys, int ascii) {
    tag_state st;
    uint32_t hash[TEXT_MAX_TOKENS], len[TEXT_MAX_TOKENS];
    /* each with TAG_PAD zeros before and after the sentence (see tag_at) */
    uint8_t tag_pad[TEXT_MAX_TOKENS + 2 * TAG_PAD], rw_pad[TEXT_MAX_TOKENS + 2 * TAG_PAD],
        rc_pad[TEXT_MAX_TOKENS + 2 * TAG_PAD];
    uint8_t *tag = tag_pad + TAG_PAD, *rw = rw_pad + TAG_PAD, *rc = rc_pad + TAG_PAD;
    int m = s->ntokens < TEXT_MAX_TOKENS ? (int)s->ntokens : TEXT_MAX_TOKENS;
    memset(tag_pad, 0, TAG_PAD), memset(rw_pad, 0, TAG_PAD), memset(rc_pad, 0, TAG_PAD);
    memset(tag + m, 0, TAG_PAD), memset(rw + m, 0, TAG_PAD), memset(rc + m, 0, TAG_PAD);
    for (int i = 0; i < m; i++) {
        uint64_t key;
        uint32_t h;
        size_t k = token_hash(&s->tokens[i], ascii, &h, &key);
        if (keys) keys[i] = (text_key){key, (uint32_t)k};
        len[i] = k < 63 ? (uint32_t)k : 63;
        hash[i] = k > 1 && k < 63 ? h : 0;
        rw[i] = rc[i] = 0;
        if (hash[i]) lex_prefetch_slot(hash[i]);
        const struct rule_word_def *r =
            k > 1 && k < 10 ? rule_word_of(t, s->tokens[i].lower, hash[i]) : NULL;
        if (r) {
            rw[i] = r->id;
            rc[i] = r->cls;
        }
    }
    for (int i = 0; i < m; i++)
        if (hash[i]) lex_prefetch_entry(hash[i]);
    int headline = is_headline(s);
    int n = lex_stage(t, s, hash, len, &st, headline);
    for (int i = 0; i < n; i++) tag[i] = st.info[i].best ? st.info[i].best : DYAD_POS_NN;
    ctx c = {s, st.info, tag, n, rw, rc, headline, !headline && is_bare_headline(s)};
    for (int i = 0; i < n; i++) rule_token(&c, i);
    for (int i = 0; i < n; i++) rule_lookahead(&c, i);
    for (int i = 0; i < n; i++) s->tokens[i].pos = tag[i];
    /* beyond TEXT_MAX_TOKENS (dyad_analyze_sentence only): lexical tags */
    for (uint32_t i = (uint32_t)n; i < s->ntokens; i++) {
        word_info wi;
        if (keys) keys[i] = (text_key){0, 0};
        int p = punct_tag(s->tokens[i].text);
        if (p) { s->tokens[i].pos = (uint8_t)p; continue; }
        word_tag(t, &s->tokens[i], token_len(&s->tokens[i]), 0, 0, 0, 0, &wi);
        s->tokens[i].pos = wi.best ? wi.best : DYAD_POS_NN;
    }
}
