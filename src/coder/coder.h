/* coder.h -- internal interface of the coder stage.
 *
 * A sentence is coded in four passes, each in its own file:
 *   units.c    actor and agent phrases -> noun-phrase units with codes,
 *              joined across "of/in/from" and coordination ("X and Y")
 *   clauses.c  verb groups, their voice, and the subject and object units
 *              each one governs (infinitives, coordination, pronouns,
 *              relative clauses, comma insertions, passives)
 *   match.c    the verb dictionary: which form, which pattern, which code
 *   events.c   events from each coded verb, with the reasons (--explain)
 * All per-sentence memory comes from the caller's arena. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include "dyad.h"
#include "cameo/cameo.h"
#include "dict/dict.h"

#include <string.h>

#define MAX_CODES 16 /* codes in one compound unit */

/* A parsed transformation (transform.c). */
typedef struct xform {
    char osrc, isrc, itgt, rsrc, rtgt; /* variables: a-z, '.', '_' */
    const char *icode;                 /* the inner verb's code, NULL for Q */
    const char *ocode;                 /* the outer verb's code, NULL if none */
    char overb[64];                    /* the outer verb, upper case */
    char rcode[16];                    /* the resulting code, "" for Q */
    uint32_t rec;                      /* index in the dictionary's list */
} xform;

typedef struct word_facts {
    uint64_t syn;   /* synsets (< 64) one of whose members starts with the word */
    uint32_t cls;   /* WC_* classes of function words */
    uint32_t stem;  /* discard+1 whose one-word stem begins the word, or 0 */
    uint16_t start; /* WS_* phrases the word can start or go on */
    uint16_t plural; /* WS_PLURAL: the word is a one-word actor phrase a plural may name */
    uint32_t singular; /* the id of its singular if it ends in S (TIES -> TIE), or 0 */
} word_facts;

struct dyad_coder {
    const dyad_dict *dict;
    /* the dictionary's phrase tries and verb index (dict_trie, dict_verb_index) */
    const dtrie *actors, *agents, *discards, *issues;
    const dhash *verbs;
    dict_words dwords; /* the word index, probed inline per token (make_tokens) */
    uint64_t us_key;   /* the key of the word "US" (make_tokens) */
    const dyad_tagger *tagger;
    dyad_options opt;
    dhash words;       /* function words -> class (words.c) */
    uint64_t word_shape[16]; /* bit set of the function words' (first byte, length) */
    xform *xforms;     /* transformations (transform.c) */
    int nxforms;
    /* facts about each dictionary word, indexed by word id, so that a
     * token needs one hash probe (its id) and one cache line for them all */
    uint32_t nwords;
    struct word_facts *facts;
    dict_phrases *phrases; /* discard and issue walks (dict/phrases.c) */
    uint64_t *pat_side; /* per pattern, PAT_SIDE words: filters (side_bit)
                           of the words it needs before the verb and after it,
                           then the synsets (< 64) it needs there, tested
                           against those two regions of a verb group, then
                           the bloom bits of every word it requires (tested
                           against the sentence's); most patterns are passed
                           over without reading them */
    uint8_t *pat_key;   /* per pattern, one bloom bit of a word it requires
                           (0, always set, if none): tested before its
                           pat_side, so that a pattern whose word is not in
                           the sentence costs a byte, not a cache line */
};

/* Classes of function words (words.c). */
enum {
    WC_BE = 1 << 0, WC_HAVEDO = 1 << 1, WC_NEG = 1 << 2, WC_EVEN = 1 << 3, WC_ABOUT = 1 << 4,
    WC_STOP = 1 << 5, WC_SUBORD = 1 << 6, WC_COMPL = 1 << 7, WC_PRON = 1 << 8, WC_AND = 1 << 9,
    WC_OR = 1 << 10, WC_OF = 1 << 11, WC_FROM = 1 << 12, WC_IN = 1 << 13, WC_BY = 1 << 14,
    WC_SEMI = 1 << 15, WC_TIME = 1 << 16, WC_INCL = 1 << 17, WC_MUST = 1 << 18,
    WC_SAY = 1 << 19, WC_DENY = 1 << 20, WC_FUTURE = 1 << 21, WC_MAYBE = 1 << 22,
    WC_NOMINAL = 1 << 23, /* a noun that names a joint act: TALKS, CLASHES (nominal.c) */
    WC_PLACE = 1 << 24,   /* a noun that names a place or a building: BORDER, CAPITAL, MALL */
    WC_DATE = 1 << 25,    /* a word a date phrase needs (date_word): YESTERDAY, FRIDAY, MARCH */
    WC_COND = 1 << 26,    /* a condition follows: IF, UNLESS */
    WC_ACCORD = 1 << 27,  /* ACCORDING: with TO a preposition, no verb */
};
int coder_words_init(dyad_coder *c);
void coder_words_free(dyad_coder *c);
/* key: hash_key(up, len), which a token's dictionary lookup has made already */
int coder_party_noun(const char *w); /* SIDES, PARTIES, LEADERS ... (words.c) */
uint32_t coder_word_class(const dyad_coder *c, const char *up, size_t len, uint64_t key);
#define CODER_WORD_MAX 12 /* the longest function word */

/* What a dictionary word can do in a phrase: start one of a kind (WS_ACTOR
 * ...), or be a later word of one (WS_*_NEXT), so that a trie walk stops
 * before probing for a word that goes on no phrase of its trie. */
enum {
    WS_ACTOR = 1, WS_AGENT = 2, WS_VERB = 4, WS_DISCARD = 8, WS_ISSUE = 16,
    WS_ACTOR_NEXT = 32, WS_AGENT_NEXT = 64, WS_DISCARD_NEXT = 128, WS_ISSUE_NEXT = 256,
    WS_STEM = 512, /* the word begins with a one-word discard stem (word_facts.stem) */
    WS_PLURAL = 1024, /* a token's singular is a one-word actor phrase (units.c plural_actor) */
};

/* A token as the coder sees it. */
typedef struct ctok {
    const char *up;   /* upper-case folded form */
    uint32_t id;      /* dictionary word id, 0 if unknown */
    uint32_t sid;     /* id of its singular (nouns) or base form, 0 if none */
    uint32_t wc;      /* WC_* classes of a function word */
    uint64_t syn;     /* bit i: synset i may start at this token (i < 64) */
    uint8_t pos;      /* dyad_pos */
    uint16_t ws;      /* WS_* phrases the word can start or go on */
    int16_t unit;     /* unit index, -1 if none */
    int16_t group;    /* verb group index, -1 if none */
} ctok;

/* Why a unit has its code: the dictionary entries used. */
typedef struct cause {
    uint8_t is_agent;
    int restr;        /* date restriction used, -1 none */
    uint32_t rec;     /* phrase (actors) or agent index */
} cause;

/* A noun-phrase unit: one or more codes (compound), token span. */
typedef struct unit {
    int start, end;   /* tokens [start, end) */
    int ncodes;
    const char *codes[MAX_CODES];
    int ncauses;
    cause causes[8];
    const char *base;   /* the actor code before agents were added, or NULL */
    uint8_t has_actor;  /* some code comes from the actor dictionary */
    uint8_t pronoun;    /* a personal pronoun standing for an earlier unit */
    uint8_t in_pp;      /* the object of a preposition */
    uint8_t place;      /* names a place ("the Peruvian border"): a target, never a source */
    uint8_t pair;       /* "the two sides": the parties of an earlier event */
    uint8_t host;       /* "the host": the host of an earlier visit */
    uint8_t dateline;   /* its country is the dateline's (1) or the title's (2) (a sector alone) */
    int16_t from_sentence; /* a pronoun resolved from that earlier sentence, or -1 */
    const char *prep;   /* that preposition, upper-case */
} unit;

/* A verb group: auxiliaries, negation, adverbs and the main verb. */
typedef struct vgroup {
    int start, end;   /* tokens [start, end) */
    int main;         /* the main verb's token */
    uint8_t passive, infinitive, coordinated;
    uint8_t bare_passive; /* a headline's participle without BE: "Envoy kidnapped in X" */
    uint8_t negated;     /* 1: "not", "never"; 2: "failed to" (nothing happened) */
    uint8_t subordinate; /* in an adverbial clause: "after X burned Y" */
    uint8_t relative;    /* in a relative clause: "X, who attacked Y, ..." */
    int subject;      /* unit index or -1 */
    int object;       /* unit index or -1 (first unit after the verb) */
    int region_end;   /* where this verb's clause ends (exclusive) */
    int pattern_end;  /* where its own phrases end: before a complement clause */
    int words_end;    /* a pattern's words after the verb lie before it: a purpose infinitive */
    int region_start; /* where it begins */
    /* "called Russia, which armed X, a coalition of ...": the object's
     * relative clause set off by commas ends the clause at "which", but
     * the verb's phrase goes on after it. A pattern's words after its '+'
     * that ends at rel_skip (the comma) are looked for in [rel_resume,
     * rel_end) instead; rel_skip is -1 when there is no such clause. */
    int rel_skip, rel_resume, rel_end;
} vgroup;

/* What a document's earlier sentences tell a later one: the latest
 * main-clause subject that names an actor, which "he", "she" or "they"
 * at the head of a sentence may stand for. Its strings live in the
 * document's arena; nothing is kept between documents. */
/* An actor named with a title ("French Foreign Minister Catherine
 * Colonna": FRAGOV), which "the foreign minister" of a later sentence may
 * stand for: the dictionary ids of its words. */
#define TITLE_WORDS 8
#define TITLES 8
typedef struct titled {
    uint32_t ids[TITLE_WORDS];
    int nids;
    char code[24];
    /* its proper names the dictionary does not know ("MUDAVADI"), which name
     * it alone later ("Mudavadi said ..."); "" for none */
    char names[2][24];
    int sentence;
    uint8_t subject; /* it was that sentence's remembered subject */
} titled;

#define GROUP_MAX 6
typedef struct docmem {
    unit subject;
    int sentence; /* where it was named; -1: none yet */
    /* the two parties of the latest event between two countries, which
     * "the two sides", "both leaders" stand for */
    const char *pair[2];
    int pair_sentence; /* -1: none yet */
    /* the same for the latest such event between two actors with a sector
     * (USAGOV, RUSGOV), which "the two presidents" stand for rather than a
     * country praised later (UKR) */
    const char *people[2];
    int people_sentence; /* -1: none yet */
    /* the parties of that event's sentence when it told a consultation
     * (04) among three or more countries ("X met A, B and C"), which
     * "they", "the leaders", "the ministers" stand for; 0: none */
    const char *group[GROUP_MAX];
    int ngroup;
    /* the host of the latest visit (042's target, 043's source), which
     * "the host", "his hosts" stand for */
    const char *host;
    int host_sentence; /* -1: none yet */
    /* the source of the latest attack (18-20), which "the attack", "the
     * operation" of a later condemnation stand for; NULL: none yet */
    const char *attacker;
    /* the subject is a body or a country ("the ministry", "Iran"), not a
     * person: "It" heading a later sentence may stand for it */
    uint8_t subject_is_body;
    /* the subject is named in the plural ("Russian officials"): "they"
     * stands for it, not for the parties of the latest event */
    uint8_t subject_plural;
    /* the subject acts: its verb is no copula ("X's attack was reckless"
     * is said of X's attack, whose X no later "we" stands for) */
    uint8_t subject_acts;
    /* the sources of the latest sentence that opened with "we" ("We, the
     * ministers of X and Y, condemn ..."): the voice of a statement, whose
     * demands its later "Z must ..." sentences make; voice_sentence -1:
     * none yet */
    unit voice;
    int voice_sentence;
    /* the latest actors named with a title, newest at (ntitles - 1) % TITLES */
    titled titles[TITLES];
    int ntitles;
} docmem;

/* Strings of a document's events (codes, actor names, issues), each kept
 * once in its arena: a long document repeats them. A direct-mapped cache,
 * so a miss only costs a copy. A slot holds a string only when its bit in
 * `used` is set: a document clears the bits (128 bytes), not the slots. */
#define STRCACHE_SLOTS 1024
typedef struct strcache {
    uint64_t used[STRCACHE_SLOTS / 64];
    const char *slot[STRCACHE_SLOTS];
} strcache;

/* A sentence's date, settled the first time it is asked for (coder_date):
 * most sentences code no event and name no actor whose code depends on
 * the date, so their words are never read for one. */
typedef struct sdate {
    const char *text;   /* the sentence's words to read, or NULL: none */
    size_t len;
    int32_t doc;        /* the document's date (YYYYMMDD, 0: none) */
    int32_t date;       /* the sentence's date, once settled (0: none) */
    uint8_t kind;       /* its dyad_date_kind */
    uint8_t settled;
} sdate;

typedef struct csent {
    const dyad_coder *c;
    dyad_arena *a;      /* scratch for this sentence, reset after it */
    dyad_arena *keep;   /* the document's arena: events and their strings */
    ctok *t;
    int n;
    unit *units;
    int nunits;
    vgroup *groups;
    int ngroups;
    sdate *when;        /* the sentence's date (coder_date): its events
                           carry it, its actors are looked up on it */
    const char *place;  /* the dateline's country code (or, with no dateline,
                           the title's: title_place), or NULL */
    uint8_t title_place; /* the story has no dateline: the place, if any, is the title's */
    uint8_t headline;   /* the sentence is the story's title */
    docmem *mem;        /* the document's memory, or NULL */
    strcache *strs;     /* the document's event strings, or NULL */
    const char *issues; /* "CODE n, CODE n" for the sentence, or "";
                           NULL until an event asks (coder_issues) */
    struct vmatch *matches; /* per group, filled on demand (events.c) */
    int8_t *matched;        /* per group: 0 not yet, 1 matched, -1 no verb form */
    uint64_t bloom[4]; /* word ids (and singulars) present in the sentence */
    uint32_t wc_any;   /* the WC_* classes of any of its tokens: a rule about
                          a rare word skips a sentence that has none */
} csent;

/* Is w (upper-case) one of the words of a short closed list? (The first
 * byte is compared inline: most words differ there, and a call does not.) */
static inline int coder_word_in(const char *w, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (w[0] == list[i][0] && !strcmp(w, list[i])) return 1;
    return 0;
}
#define CODER_WORD_IN(w, list) coder_word_in(w, list, sizeof list / sizeof *list)

#define coder_bloom_add dict_bloom_add
static inline int coder_bloom_has(const uint64_t *b, uint32_t id) {
    return dict_bloom_has_bit(b, dict_bloom_bit(id));
}

/* Does actor code c begin with a country (RUSGOV: RUS)? Not a new actor's
 * quoted name, nor an international or non-state body (IGO, NGO, IMG, MNC),
 * nor a sector with no country (MED). */
static inline int coder_has_country(const char *c) {
    return c && strlen(c) >= 3 && c[0] >= 'A' && c[0] <= 'Z' && strncmp(c, "IGO", 3) &&
           strncmp(c, "NGO", 3) && strncmp(c, "IMG", 3) && strncmp(c, "MNC", 3) &&
           !cameo_is_sector_code(c);
}

/* dateline.c: where a dateline heading a sentence ends (tokens [0, end)),
 * 0 if there is none; and, once the sentence's units are found, the
 * country where the story happens (in the document's arena), or NULL: the
 * place's, unless the lead never names it and its subject, of another
 * country, says something (a bureau's story of its region: the subject's). */
int coder_dateline_end(const ctok *t, int n);
/* coder_dateline_end reads tokens [0, CODER_DATELINE_TOKENS) at most, and
 * of them only their upper case and their tag (up, pos) */
#define CODER_DATELINE_TOKENS 17
const char *coder_dateline_country(const csent *s, int end);
/* units.c */
int coder_find_units(csent *s);
/* Does unit u name a thing (an act, a plan, a state of affairs) whose actor
 * is only a modifier ("the rebel blockade", "a UN resolution", "an Israeli
 * pullout"), not a person or a body? Not when an owner is named ("X's
 * plan"): what is done about one's plan is done to its owner. */
int coder_thing_unit(const csent *s, const unit *u);
/* Is token h a common noun of a thing ("bombing", "withdrawal", "crackdown")
 * that is in no actor or agent phrase and names no place? */
int coder_thing_token(const ctok *h);
/* After a sentence is coded: remembers its first main-clause subject that
 * names an actor, for the pronouns of the next sentences. -1 when out of
 * memory. */
int coder_remember(csent *s, int sentence);
/* After a sentence is coded: remembers the source and target of its last
 * event between two countries (events ev[0, n)), for "the two sides" of
 * the next sentences, and the host of its last visit, for "the host" (it
 * keeps pointers to the events' strings, which live in the document's
 * arena: nothing is allocated). */
void coder_remember_pair(csent *s, const dyad_event *ev, size_t n, int sentence);
/* clauses.c */
int coder_find_groups(csent *s);
/* The first unit from token `from` on that can be group gi's object: an
 * actor's, not an example ("including X"), nor, with skip_venues, a place
 * ("in X", "at X"); -1 if none before the clause ends. */
/* Is unit u where a meeting took place or what it was about ("in Moscow",
 * "on Iran's programme")? (clauses.c) */
int coder_is_venue(const csent *s, const unit *u);
int coder_next_object(const csent *s, int gi, int from, int skip_venues);
/* match.c */
typedef struct vmatch {
    uint32_t form;           /* the verb's form (dict_form_get) */
    const char *lemma;       /* its base phrase */
    uint32_t pattern;        /* the pattern that matched + 1; 0: the verb's or block's own code */
    const char *code, *code2;
    int source, target;      /* units fixed by $ and + in the pattern, or -1 */
    int compound;            /* a % pattern: the subject's actors act among themselves */
} vmatch;
int coder_match_verb(const csent *s, const vgroup *g, vmatch *m);
/* combine.c: the threat (13x) of a harmful act (10-20): threatening a
 * boycott is 1312, force 138; NULL for a cooperative act */
const char *coder_threat(const char *act);
/* combine.c: the code of "upper to lower" ("urged to release"), or NULL */
const char *coder_combine(const char *upper, const char *lower, char *buf, size_t n);
/* transform.c */
int coder_transforms_init(dyad_coder *c);
/* Whether any transformation has this outer verb: the inner event need not
 * be matched when none has */
int coder_transform_outer(const dyad_coder *c, const vmatch *outer);
/* The transformation that applies to an outer verb acting on an inner event,
 * with the units its result's source and target stand for; or NULL. */
const xform *coder_transform(const csent *s, const vmatch *outer, int osrc, int isrc, int itgt,
                             const char *icode, int *rsrc, int *rtgt);
/* events.c */
int coder_events(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap);
/* Adds the event sc -> tc (units su, tu; -1 none) unless the sentence has
 * it already or it is no dyad (an actor and its own state); -1 when out
 * of memory. `verb` names what coded it, `why` explains it (or NULL). */
int coder_emit(csent *s, uint32_t sentence, const char *sc, const char *tc, const char *code, int su,
               int tu, const char *verb, const char *why, dyad_event **ev, size_t *nev, size_t *cap);
/* nominal.c: events told as nouns ("talks between X and Y") */
int coder_nominal_events(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap);
/* visits told by their noun, after the verbs' events (nominal.c) */
int coder_nominal_visits(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap);
/* The sentence's issues ("CODE n, CODE n" or ""), found on first request;
 * NULL when out of memory (coder.c). */
const char *coder_issues(csent *s);
/* The sentence's date (YYYYMMDD, 0: none) and its dyad_date_kind, read
 * from its words on first request (coder.c). */
int32_t coder_date(const csent *s);
uint8_t coder_date_kind(const csent *s);

#define PAT_SIDE 8 /* words before, words after, synsets before, synsets after; the
                     pattern's 4 words of required words (dict_pattern.need) */

/* A word's bit in the 64-bit filters of pattern sides (match.c). */
static inline uint64_t side_bit(uint32_t id) {
    return (uint64_t)(id != 0) << ((id * 2654435761u) >> 26); /* (no branch: word 0 has no bit) */
}

/* Tag sets as bit sets: is tag pos among those of `set` (POS_BIT(DYAD_POS_NN) |
 * ...)? One test, where a chain of comparisons or a switch took a branch a
 * tag, mispredicted on every change of tag class. */
#define POS_BIT(p) (1ULL << (p))
static inline int coder_pos_in(uint8_t pos, uint64_t set) { return pos < 64 && ((set >> pos) & 1); }
/* the tags of a noun phrase's words: determiners, adjectives, numbers, nouns */
#define POS_NOMINAL                                                                                 \
    (POS_BIT(DYAD_POS_DT) | POS_BIT(DYAD_POS_PDT) | POS_BIT(DYAD_POS_PRPS) | POS_BIT(DYAD_POS_JJ) |  \
     POS_BIT(DYAD_POS_JJR) | POS_BIT(DYAD_POS_JJS) | POS_BIT(DYAD_POS_CD) | POS_BIT(DYAD_POS_NN) |   \
     POS_BIT(DYAD_POS_NNS) | POS_BIT(DYAD_POS_NNP) | POS_BIT(DYAD_POS_NNPS) | POS_BIT(DYAD_POS_POS) | \
     POS_BIT(DYAD_POS_FW))

/* Is token i a function word of class cls (WC_*)? */
static inline int coder_is_word(const csent *s, int i, uint32_t cls) {
    return i >= 0 && i < s->n && (s->t[i].wc & cls);
}
/* Appends string x to buf[0..len) of capacity cap, as much as fits, and
 * keeps it terminated; returns the new length. Codes and spans are built
 * with this: printf's format parsing costs more than the copy. */
static inline size_t coder_cat(char *buf, size_t cap, size_t len, const char *x) {
    size_t n = strlen(x);
    if (len + n >= cap) n = len + 1 < cap ? cap - 1 - len : 0;
    memcpy(buf + len, x, n);
    buf[len + n] = '\0';
    return len + n;
}

#endif
