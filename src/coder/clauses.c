/* clauses.c -- verb groups and who governs them.
 *
 * A verb group is a run of auxiliaries, modals, negation, adverbs and
 * "about to"/"to" ending in a main verb: "is about to restore", "will not
 * ever clash", "has been attacked". For each group this finds:
 *   - its voice (passive: a form of BE or GET before a past participle),
 *   - its subject: the nearest unit to the left, skipping prepositional
 *     phrases and comma insertions ("X, in remarks on Monday, urged");
 *     an infinitive or a coordinated verb ("... and promised") inherits
 *     the subject of the verb before it; a pronoun ("it", "they") stands
 *     for the latest subject; "who/which/that" for the unit before it,
 *   - its clause: where the words after the verb stop belonging to it
 *     (a subordinate conjunction, a relative pronoun, ";", or a trailing
 *     ", officials said"). */
#include "coder.h"

#include <string.h>

static int is_verb(uint8_t pos) { return pos >= DYAD_POS_VB && pos <= DYAD_POS_VBZ; }
/* A finite verb's tag (past, present) or a modal's. */
static int finite_pos(uint8_t p) {
    return p == DYAD_POS_VBD || p == DYAD_POS_VBZ || p == DYAD_POS_VBP || p == DYAD_POS_MD;
}
static int is_adverb(uint8_t pos) {
    return pos == DYAD_POS_RB || pos == DYAD_POS_RBR || pos == DYAD_POS_RBS;
}

static int is_be(const ctok *t) { return (t->wc & WC_BE) != 0; }
static int is_negation(const ctok *t) { return (t->wc & WC_NEG) != 0; }

/* Words that end the clause of the verb before them. */
static int is_clause_stop(const ctok *t) {
    if (t->pos == DYAD_POS_WDT || t->pos == DYAD_POS_WP || t->pos == DYAD_POS_WRB) return 1;
    if (t->pos == DYAD_POS_COLON) return (t->wc & WC_SEMI) != 0;
    return t->pos == DYAD_POS_IN && (t->wc & WC_STOP);
}

static int is_aux(const ctok *t) {
    return (t->wc & (WC_BE | WC_HAVEDO)) || t->pos == DYAD_POS_MD;
}

/* Is the verb before token i (skipping adverbs and negation) a full verb,
 * which a further verb cannot follow in the same group? */
static int g_main_is_full(const csent *s, int i) {
    for (int j = i - 1; j >= 0; j--) {
        const ctok *t = &s->t[j];
        if (is_adverb(t->pos) || is_negation(t) || (t->wc & WC_EVEN)) continue;
        if (t->pos == DYAD_POS_TO) return 0;
        if (is_verb(t->pos) || t->pos == DYAD_POS_MD) return !is_aux(t);
        return 0;
    }
    return 0;
}

/* Can token i continue a verb group that has seen a verb? */
static int continues_group(const csent *s, int i) {
    const ctok *t = s->t;
    if (t[i].unit >= 0) return 0;
    if (is_negation(&t[i])) return 1;
    if (is_verb(t[i].pos) || t[i].pos == DYAD_POS_MD) return !g_main_is_full(s, i);
    /* "is about to restore" stays one group; after a full verb, "to" starts
     * the verb's infinitive complement ("offered | to hold talks") */
    if (t[i].pos == DYAD_POS_TO)
        return i + 1 < s->n && (is_verb(t[i + 1].pos) || is_adverb(t[i + 1].pos)) &&
               !g_main_is_full(s, i);
    if (t[i].wc & WC_ABOUT) return i + 1 < s->n && t[i + 1].pos == DYAD_POS_TO;
    /* adverbs (also coordinated: "heavily and unjustly") before a verb */
    if (is_adverb(t[i].pos) || (t[i].wc & WC_EVEN) ||
        (t[i].pos == DYAD_POS_CC && i > 0 && is_adverb(t[i - 1].pos)))
        for (int j = i + 1; j < s->n && j < i + 5; j++) {
            if (is_verb(t[j].pos) || t[j].pos == DYAD_POS_MD || t[j].pos == DYAD_POS_TO) return 1;
            if (!is_adverb(t[j].pos) && !is_negation(&t[j]) && !(t[j].wc & WC_EVEN) &&
                t[j].pos != DYAD_POS_CC)
                return 0;
        }
    return 0;
}

static int starts_group(const csent *s, int i) {
    const ctok *t = s->t;
    if (t[i].unit >= 0) return 0;
    if (is_verb(t[i].pos) || t[i].pos == DYAD_POS_MD) return 1;
    if (t[i].pos == DYAD_POS_TO) return i + 1 < s->n && is_verb(t[i + 1].pos);
    return 0;
}

/* The prepositions after a headline's participle that make it passive:
 * "killed in", "kidnapped by", "accused over", "blamed on"; not "met
 * with", "voted for". */
static int passive_preposition(const ctok *t) {
    static const char *const p[] = {"BY", "IN", "AT", "NEAR", "DURING", "AFTER", "OVER", "ON", "AMID"};
    if (t->pos != DYAD_POS_IN) return 0;
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (!strcmp(t->up, p[k])) return 1;
    return 0;
}

/* Does what follows a headline's lone participle at token k make it
 * passive: the end, or a passive preposition, also after the word that
 * completes the verb ("shot dead in", "taken hostage by", "gunned down
 * in")? */
static int headline_passive_tail(const csent *s, int k) {
    if (k < s->n && (s->t[k].pos == DYAD_POS_RP || !strcmp(s->t[k].up, "DEAD") ||
                     !strcmp(s->t[k].up, "HOSTAGE") || !strcmp(s->t[k].up, "CAPTIVE")))
        k++;
    return k == s->n || passive_preposition(&s->t[k]);
}

/* Is token i a participle of charging ("charged with", "accused of",
 * "convicted of", "suspected of", "sentenced to")? */
static int charge_participle(const csent *s, int i) {
    static const char *const pair[][2] = {{"CHARGED", "WITH"}, {"ACCUSED", "OF"}, {"CONVICTED", "OF"},
                                          {"SUSPECTED", "OF"}, {"SENTENCED", "TO"}, {"INDICTED", "ON"},
                                          {"INDICTED", "FOR"}};
    if (s->t[i].pos != DYAD_POS_VBD && s->t[i].pos != DYAD_POS_VBN) return 0;
    for (size_t k = 0; k < sizeof pair / sizeof *pair; k++)
        if (s->t[i].up[0] == pair[k][0][0] && !strcmp(s->t[i].up, pair[k][0]) &&
            !strcmp(s->t[i + 1].up, pair[k][1]))
            return 1;
    return 0;
}

/* "all" or "both" right after a noun phrase or pronoun ("France and
 * Turkey all expressed", "they both condemned") quantifies that subject:
 * the participle after it is the clause's verb, not an adjective. */
static int floating_quantifier(const csent *s, int i) {
    const ctok *q = &s->t[i], *p = &s->t[i - 1];
    return i > 0 && ((q->up[0] == 'A' && !strcmp(q->up, "ALL")) || (q->up[0] == 'B' && !strcmp(q->up, "BOTH"))) &&
           (p->unit >= 0 || p->pos == DYAD_POS_PRP || (p->pos >= DYAD_POS_NN && p->pos <= DYAD_POS_NNPS));
}

static void build_groups(csent *s) {
    s->ngroups = 0;
    for (int i = 0; i < s->n;) {
        if (!starts_group(s, i)) {
            i++;
            continue;
        }
        /* a participle after a determiner or preposition, or after a possessive
         * before a noun, is an adjective: "a clearly inebriated official", "in
         * occupied Kherson", "the EU's proposed embargo", "its planned offensive" */
        int before_noun = i + 1 < s->n && (s->t[i + 1].unit >= 0 || (s->t[i + 1].pos >= DYAD_POS_NN &&
                                                                     s->t[i + 1].pos <= DYAD_POS_NNPS));
        if ((s->t[i].pos == DYAD_POS_VBD || s->t[i].pos == DYAD_POS_VBN) && i > 0 &&
            ((s->t[i - 1].pos == DYAD_POS_DT && !floating_quantifier(s, i - 1)) ||
             (s->t[i - 1].pos == DYAD_POS_IN && before_noun && !(s->t[i - 1].wc & WC_SUBORD)) ||
             ((s->t[i - 1].pos == DYAD_POS_POS || s->t[i - 1].pos == DYAD_POS_PRPS) && before_noun) ||
             (is_adverb(s->t[i - 1].pos) && i > 1 && s->t[i - 2].pos == DYAD_POS_DT))) {
            s->t[i].pos = DYAD_POS_VBN;
            i++;
            continue;
        }
        /* a participle right after a full verb modifies its object: "will
         * abandon improved relations" */
        if (s->ngroups && s->groups[s->ngroups - 1].end == i &&
            (s->t[i].pos == DYAD_POS_VBD || s->t[i].pos == DYAD_POS_VBN) &&
            !is_aux(&s->t[s->groups[s->ngroups - 1].main]) && i + 1 < s->n &&
            s->t[i + 1].pos != DYAD_POS_IN && s->t[i + 1].pos != DYAD_POS_TO) {
            s->t[i].pos = DYAD_POS_VBN;
            i++;
            continue;
        }
        vgroup *g = &s->groups[s->ngroups];
        memset(g, 0, sizeof *g);
        g->start = i;
        g->main = -1;
        int be_seen = 0;
        while (i < s->n && (i == g->start || continues_group(s, i))) {
            const ctok *t = &s->t[i];
            if (is_verb(t->pos)) {
                if (g->main >= 0 && is_be(&s->t[g->main])) be_seen = 1;
                if (g->main >= 0 && s->t[g->main].pos == DYAD_POS_VBN && t->pos == DYAD_POS_VBN &&
                    !be_seen && !is_be(&s->t[g->main]))
                    break; /* "has indicated decided"? two participles: a new group */
                g->main = i;
            }
            if (is_negation(t)) g->negated = 1;
            i++;
        }
        g->end = i;
        if (g->main < 0) continue; /* a lone modal */
        const ctok *mv = &s->t[g->main];
        /* BE + participle; a participle the tagger took for a past tense
         * after BE ("was criticized/VBD") is one too */
        g->passive = (mv->pos == DYAD_POS_VBN || mv->pos == DYAD_POS_VBD) && be_seen && !is_be(mv);
        /* headlines drop BE: "Four militants killed in airstrike", "Envoy
         * kidnapped by gunmen" (a lone participle with no object after it) */
        if (s->headline && !g->passive && g->main == g->start && g->end == g->main + 1 &&
            (mv->pos == DYAD_POS_VBN || mv->pos == DYAD_POS_VBD) && g->start > 0 &&
            (s->t[g->start - 1].unit >= 0 || /* "Envoy reportedly kidnapped in X" */
             (g->start > 1 && is_adverb(s->t[g->start - 1].pos) && s->t[g->start - 2].unit >= 0)) &&
            headline_passive_tail(s, g->end))
            g->passive = g->bare_passive = 1;
        /* "soldiers charged with abuse", "a man accused of spying": a
         * participle of the courts after a noun, with its charge after it,
         * tells what was done to that noun (no source) */
        if (!g->passive && g->main == g->start && g->end == g->main + 1 && g->start > 0 &&
            s->t[g->start - 1].unit >= 0 && g->end < s->n && charge_participle(s, g->main))
            g->passive = g->bare_passive = 1;
        g->infinitive = s->t[g->start].pos == DYAD_POS_TO ||
                        (g->main > g->start && s->t[g->main - 1].pos == DYAD_POS_TO);
        g->subject = g->object = -1;
        for (int k = g->start; k < g->end; k++) s->t[k].group = (int16_t)s->ngroups;
        s->ngroups++;
    }
}

/* Index of the comma before j that opens an insertion ending at j, or -1. */
static int insertion_start(const csent *s, int j) {
    for (int k = j - 1; k >= 0 && k > j - 25; k--) {
        if (s->t[k].pos != DYAD_POS_COMMA) continue;
        uint8_t p = s->t[k + 1].pos;
        /* a participle the tagger read as a past tense opens one too when
         * a preposition follows it: "insurgents, armed/VBD with rockets, attacked" */
        if (p == DYAD_POS_VBD && !is_aux(&s->t[k + 1]) && k + 2 < j && s->t[k + 2].pos == DYAD_POS_IN)
            return k;
        if (p == DYAD_POS_IN || p == DYAD_POS_DT || is_adverb(p) || p == DYAD_POS_VBN ||
            p == DYAD_POS_VBG || p == DYAD_POS_WP || p == DYAD_POS_WDT || p == DYAD_POS_CD ||
            p == DYAD_POS_JJ || p == DYAD_POS_PRPS)
            return k;
        return -1;
    }
    return -1;
}

static int latest_subject(const csent *s, int before_group) {
    for (int k = before_group - 1; k >= 0; k--) {
        int u = s->groups[k].subject;
        if (u >= 0 && s->units[u].ncodes) return u;
    }
    return -1;
}

/* "Israel said its troops had killed ...": a subject that is only agents
 * after a possessive pronoun ("its troops", "their forces") belongs to the
 * latest subject before it that names an actor: ISR + MIL. */
static void possessive_owner(csent *s, int u, int gi) {
    unit *p = &s->units[u];
    if (s->t[p->start].pos != DYAD_POS_PRPS || p->has_actor || p->ncodes != 1 ||
        strncmp(p->codes[0], "---", 3))
        return;
    int ref = latest_subject(s, gi);
    if (ref < 0 || !s->units[ref].has_actor || !s->units[ref].base) return;
    char buf[96];
    coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, s->units[ref].base), p->codes[0] + 3);
    p->codes[0] = dyad_arena_strdup(s->a, buf);
    p->base = s->units[ref].base;
    p->has_actor = 1;
}

/* "It" heading a sentence as the subject of an act ("It also accused
 * ..."), not the "it" of "It is unclear ...", "It seems ...", "It took
 * ...", which stands for nothing, nor one that only undergoes something
 * ("It will be monitored by ..."). */
static int it_acts(const csent *s, const unit *p) {
    if (p->start != 0 || p->end >= s->n) return 0;
    const ctok *next = &s->t[p->end];
    static const char *const empty[] = {"SEEMS", "SEEMED", "APPEARS", "APPEARED", "REMAINS",
                                        "REMAINED", "TOOK", "TAKES", "MEANS", "MEANT",
                                        "COMES", "CAME", "HAPPENED", "LOOKS", "LOOKED"};
    /* "It is ...", "It will be monitored ...", "It has been ..." */
    if (next->wc & WC_BE) return 0;
    if ((next->pos == DYAD_POS_MD || (next->wc & WC_HAVEDO)) && p->end + 1 < s->n &&
        (s->t[p->end + 1].wc & WC_BE))
        return 0;
    return !CODER_WORD_IN(next->up, empty);
}

/* "They also discussed ..." after "Blinken spoke with Truss": a "they"
 * heading a sentence that would stand for the latest subject, one person
 * (or body) who is a party of the document's latest event between two
 * countries, told in that subject's sentence or after it, stands for both
 * parties. */
static int they_pair(const csent *s, const unit *p) {
    const docmem *m = s->mem;
    if (p->start != 0 || strcmp(s->t[p->start].up, "THEY") || m->pair_sentence < m->sentence ||
        m->subject_plural || m->subject.ncodes != 1)
        return 0;
    const char *c = m->subject.codes[0];
    for (int k = 0; k < m->ngroup; k++)
        if (!strcmp(c, m->group[k])) return 1;
    return !strcmp(c, m->pair[0]) || !strcmp(c, m->pair[1]);
}

/* '"We condemn ...," the ministry said': the speaker of a quotation that
 * the sentence's reporting tail names, for a "we" inside it; -1 if none. */
static int quote_speaker(const csent *s, const unit *p) {
    int j = p->end;
    while (j < s->n && s->t[j].pos != DYAD_POS_RQUOTE) j++;
    if (j + 2 >= s->n) return -1;
    const ctok *a = &s->t[j + 1], *b = &s->t[j + 2];
    int u = -1;
    if (a->unit >= 0) { /* '" the ministry said' */
        const unit *x = &s->units[a->unit];
        if (x->end < s->n && (s->t[x->end].wc & WC_SAY)) u = a->unit;
    } else if ((a->wc & WC_SAY) && b->unit >= 0) /* '" said the ministry' */
        u = b->unit;
    return u >= 0 && s->units[u].has_actor && s->units[u].ncodes && !s->units[u].pronoun ? u : -1;
}

/* Gives a pronoun unit the codes of what it stands for. */
static void resolve_pronoun(csent *s, int u, int gi) {
    unit *p = &s->units[u];
    if (p->ncodes) return;
    if (!strcmp(s->t[p->start].up, "WE")) {
        int q = quote_speaker(s, p);
        if (q >= 0) {
            const unit *src = &s->units[q];
            p->ncodes = src->ncodes;
            memcpy(p->codes, src->codes, sizeof p->codes);
            p->ncauses = src->ncauses;
            memcpy(p->causes, src->causes, sizeof p->causes);
            p->has_actor = 1;
            return;
        }
    }
    int ref = latest_subject(s, gi);
    const unit *src = ref >= 0 ? &s->units[ref] : NULL;
    /* "He also met ...": a person or group named in an earlier sentence;
     * "It also accused ...": a body or country named there ("it" may stand
     * for anything, so only at the head of a sentence, for an act) */
    int it = !strcmp(s->t[p->start].up, "IT");
    /* a "we" that no one in its sentence speaks stands for an earlier
     * subject that acted ("The UK condemns ... We call on ..."), not one that
     * something was said of ("Iran's attack was reckless. We sanctioned ...") */
    if (!src && s->mem && s->mem->sentence >= 0 && !s->mem->subject_acts &&
        !strcmp(s->t[p->start].up, "WE"))
        return;
    if (!src && s->mem && s->mem->sentence >= 0 &&
        (!it || (s->mem->subject_is_body && it_acts(s, p)))) {
        src = &s->mem->subject;
        p->from_sentence = (int16_t)s->mem->sentence;
        if (they_pair(s, p)) {
            /* after a meeting of three or more, all of them */
            const docmem *m = s->mem;
            p->ncodes = m->ngroup ? m->ngroup : 2;
            memcpy(p->codes, m->ngroup ? m->group : m->pair, sizeof *p->codes * (size_t)p->ncodes);
            p->ncauses = 0;
            p->has_actor = 1;
            p->pair = 1;
            p->from_sentence = (int16_t)s->mem->pair_sentence;
            return;
        }
    }
    if (!src) return;
    p->ncodes = src->ncodes;
    memcpy(p->codes, src->codes, sizeof p->codes);
    p->ncauses = src->ncauses;
    memcpy(p->causes, src->causes, sizeof p->causes);
    p->has_actor = src->has_actor;
}

/* Is the "of" phrase that unit u ends ("the city of [Fallujah]") itself
 * inside a prepositional phrase that belongs to a verb ("exploded on the
 * outskirts of the city of X")? Then no part of it is a subject. Inside
 * the subject's own phrase ("a bombing near the town of X killed") the
 * place may stand for its country, as PETRARCH codes it. */
static int of_chain_in_pp(const csent *s, const unit *u) {
    const ctok *t = s->t;
    int j = u->start - 2; /* the word before OF */
    while (j >= 0) {
        uint8_t p = t[j].pos;
        if (t[j].unit >= 0) {
            j = s->units[t[j].unit].start - 1;
            continue;
        }
        if (p == DYAD_POS_DT || p == DYAD_POS_JJ || p == DYAD_POS_CD || p == DYAD_POS_POS ||
            (p >= DYAD_POS_NN && p <= DYAD_POS_NNPS)) {
            j--;
            continue;
        }
        if (p != DYAD_POS_IN) return 0;
        if (!(t[j].wc & WC_OF)) return j > 0 && (t[j - 1].group >= 0 || is_adverb(t[j - 1].pos));
        j--;
    }
    return 0;
}

/* Is the "to" of infinitive j (a group) after someone's noun of intent?
 * (intent_infinitive) */
static int intent_noun_before(const csent *s, int j) {
    static const char *const noun[] = {"DECISION", "PLAN", "PLANS", "BID", "ATTEMPT", "MOVE", "PROPOSAL",
                                       "OFFER", "THREAT", "THREATS", "PLEDGE", "PROMISE", "READINESS",
                                       "WILLINGNESS", "REFUSAL"};
    const char *w = s->t[j - 1].up;
    /* "in a bid to", "in an attempt to": the purpose of the verb's own subject */
    int b = j - 2;
    if (b >= 0 && s->t[b].pos == DYAD_POS_DT) b--;
    if (b >= 0 && s->t[b].pos == DYAD_POS_IN) return 0;
    /* someone else's: "the decision", "the US decision", "Israel's plan";
     * "has no plans to", "announced its plan to" are the subject's own */
    if (s->t[j - 1].unit < 0 && (j < 2 || strcmp(s->t[j - 2].up, "THE"))) return 0;
    for (size_t k = 0; k < sizeof noun / sizeof *noun; k++)
        if (noun[k][0] == w[0] && !strcmp(w, noun[k])) return 1;
    return 0;
}

/* Does token j start the infinitive of a noun of intent ("the decision to
 * invade X", "a plan to attack Y")? What that infinitive acts on is the
 * topic of the verb before the noun, not its target. Asked of every token
 * of a clause: the tag is tested here, inline, before any word is read. */
static inline int intent_infinitive(const csent *s, int j) {
    return j >= 1 && s->t[j].pos == DYAD_POS_TO && s->t[j].group >= 0 && intent_noun_before(s, j);
}

/* Does w begin with p? */
static int has_prefix(const char *w, const char *p) {
    while (*p)
        if (*w++ != *p++) return 0;
    return 1;
}

/* The unit of the noun phrase that ends right before token `to`, also when
 * the phrase goes on past it with examples or nouns the dictionary does not
 * know ("Peruvian weaponry such as mortars to kill"); -1 if none. */
static int object_before(const csent *s, int to) {
    for (int j = to - 1; j >= 0 && s->t[j].group < 0; j--) {
        int u = s->t[j].unit;
        if (u >= 0) {
            /* an example ("such as drones") goes with the phrase before it */
            int a = s->units[u].start - 1;
            if (!s->units[u].in_pp || a < 0 || strcmp(s->t[a].up, "AS")) return u;
            j = a;
            continue;
        }
        uint8_t p = s->t[j].pos;
        int noun = (p >= DYAD_POS_NN && p <= DYAD_POS_NNPS) || (p >= DYAD_POS_JJ && p <= DYAD_POS_JJS) ||
                   p == DYAD_POS_CD || p == DYAD_POS_DT;
        if (!noun && !(p == DYAD_POS_IN && !strcmp(s->t[j].up, "AS"))) return -1;
    }
    return -1;
}

/* Does the verb of group g hand an infinitive after its object to that
 * object ("urged Y to V", "ordered troops to withdraw", "allowed Y to")?
 * Other verbs do not: "blockaded Paris to demand" is the blockaders' demand. */
static int object_control(const csent *s, const vgroup *g) {
    /* the stems by their first letter, so that a verb is compared with a few */
    static const char *const stem[26][10] = {
        [0] = {"ADVIS", "ALLOW", "APPEAL", "ASK", "AUTHORI"},
        [1] = {"BEG"},
        [2] = {"CALL", "CAUS", "CHALLENG", "COMMAND", "COMPEL", "CONVINC"},
        [3] = {"DAR", "DEPLOY", "DIRECT", "DISPATCH"},
        [4] = {"EMPOWER", "ENABL", "ENCOURAG", "EXHORT", "EXPECT"},
        [5] = {"FORC"},
        [6] = {"GET", "GOT"},
        [7] = {"HELP", "HIR"},
        [8] = {"IMPLOR", "INDUC", "INSPIR", "INSTRUCT", "INTEND", "INVIT"},
        [11] = {"LEAD", "LED", "LIKE", "LOBB"},
        [12] = {"MANDAT", "MEAN", "MOBILI", "MOTIVAT"},
        [13] = {"NEED"},
        [14] = {"OBLIG", "ORDER"},
        [15] = {"PAID", "PAY", "PERMIT", "PERSUAD", "PETITION", "PREFER", "PRESS", "PROMPT", "PUSH"},
        [17] = {"RECRUIT", "REQUEST", "REQUIR"},
        [18] = {"SEND", "SENT"},
        [19] = {"TAUGHT", "TEACH", "TELL", "TOLD", "TRAIN"},
        [20] = {"URG"},
        [22] = {"WAIT", "WANT", "WARN", "WISH"},
    };
    const char *w = s->t[g->main].up;
    if (w[0] < 'A' || w[0] > 'Z') return 0;
    for (const char *const *p = stem[w[0] - 'A']; *p; p++)
        if (has_prefix(w, *p)) return 1;
    return 0;
}

/* Does group g open a free adjunct: a participle right after a comma
 * (", killing three", ", saying that"), not "including" or "according"? */
static int free_adjunct(const csent *s, const vgroup *g) {
    const ctok *v = &s->t[g->start];
    return v->pos == DYAD_POS_VBG && g->start > 0 && s->t[g->start - 1].pos == DYAD_POS_COMMA &&
           !(v->wc & WC_INCL) && strcmp(v->up, "ACCORDING");
}

/* "sealed off the town by closing its roads", "beheaded X three weeks
 * after kidnapping him": a gerund right after "by" or a subordinator
 * (after, before, while, since, when) tells how or when the clause's own
 * subject acted. ("accused X of spying", "barred X from leaving" are not:
 * the object acts there.) */
static int adverbial_gerund(const csent *s, const vgroup *g) {
    if (s->t[g->start].pos != DYAD_POS_VBG || g->start == 0) return 0;
    uint32_t wc = s->t[g->start - 1].wc;
    return (wc & WC_BY) || ((wc & WC_STOP) && (wc & WC_SUBORD) && !(wc & WC_COND));
}

/* "Modi said he and Biden discussed ...": a pronoun and "and" before
 * subject unit x make it a compound of what the pronoun stands for and x. */
static void pronoun_and(csent *s, int x, int gi) {
    unit *u = &s->units[x];
    int p = u->start - 2;
    if (p < 0 || !(s->t[u->start - 1].wc & WC_AND) || s->t[p].unit < 0) return;
    unit *pu = &s->units[s->t[p].unit];
    if (!pu->pronoun || !u->has_actor) return;
    resolve_pronoun(s, s->t[p].unit, gi);
    for (int k = 0; k < pu->ncodes && u->ncodes < MAX_CODES; k++) {
        int have = 0;
        for (int m = 0; m < u->ncodes; m++) have |= !strcmp(u->codes[m], pu->codes[k]);
        if (!have) u->codes[u->ncodes++] = pu->codes[k];
    }
}

/* "..., said residents.", "..., say US officials on Monday.", "..., said
 * the ministry, which ...": a saying verb after a comma whose speaker
 * follows it and ends the sentence or the clause (but for its phrase and
 * a time) is an inverted reporting tail; its speaker's unit, else -1. It
 * tells who spoke, no act on anyone. */
static int inverted_tail(const csent *s, const vgroup *g) {
    const ctok *t = s->t;
    if (g->start == 0 || g->main != g->start || !(t[g->main].wc & WC_SAY) || g->end >= s->n ||
        t[g->end].unit < 0)
        return -1;
    uint8_t b = t[g->start - 1].pos, v = t[g->main].pos;
    if (b != DYAD_POS_COMMA && b != DYAD_POS_RQUOTE) return -1;
    if (v != DYAD_POS_VBD && v != DYAD_POS_VBZ && v != DYAD_POS_VBP) return -1;
    int u = t[g->end].unit;
    for (int j = s->units[u].end; j < s->n; j++) {
        uint8_t p = t[j].pos;
        if (p == DYAD_POS_PERIOD || p == DYAD_POS_RQUOTE || p == DYAD_POS_COMMA) break;
        /* "a spokesman for the Israeli prime minister", "on Tuesday" */
        if (t[j].unit >= 0 || (t[j].wc & WC_TIME) || p == DYAD_POS_IN || p == DYAD_POS_CC ||
            p == DYAD_POS_DT)
            continue;
        return -1;
    }
    return u;
}

/* "the attack in Mali that killed", "a group allied with Iran that
 * seized": a restrictive relative clause (no comma before "that") does not
 * tell of a name in a phrase of its own, but of the noun before that phrase.
 * Is token k the end of such a name (a proper noun ending a unit in a
 * phrase other than "of")? */
static int name_in_phrase(const csent *s, int k) {
    const ctok *t = &s->t[k];
    if (t->unit < 0 || (t->pos != DYAD_POS_NNP && t->pos != DYAD_POS_NNPS)) return 0;
    const unit *u = &s->units[t->unit];
    return u->in_pp && u->end == k + 1 && u->start >= 2 && !(s->t[u->start - 1].wc & WC_OF);
}

/* Can token p stand in the object phrase of a verb before a comma ("the
 * 65-year-old treaty with Pakistan")? */
static int object_token(uint8_t p) {
    return (p >= DYAD_POS_NN && p <= DYAD_POS_NNPS) || (p >= DYAD_POS_JJ && p <= DYAD_POS_JJS) ||
           p == DYAD_POS_DT || p == DYAD_POS_CD || p == DYAD_POS_POS || p == DYAD_POS_PRPS ||
           p == DYAD_POS_IN || p == DYAD_POS_TO;
}

/* "India suspended the treaty, closed the crossing and expelled X": a
 * finite verb right after a comma that ends the object of the finite verb
 * before it is the next act of a list, and shares that verb's subject
 * (not the object before the comma). The subject's unit, -1 for none, or
 * -2 when the verb is no such act. */
static int list_subject(const csent *s, const vgroup *g) {
    const ctok *t = s->t;
    int c = g->start - 1, nouns = 0;
    uint8_t f = t[g->start].pos;
    /* the comma must not close an insertion ("Chile, which attacked Peru
     * when Bolivia criticized Ecuador, praised X": Chile praised) */
    /* (a bare VB there is a past tense the tagger missed: "..., shut the crossing") */
    if (c < 2 || t[c].pos != DYAD_POS_COMMA ||
        (f != DYAD_POS_VBD && f != DYAD_POS_VBZ && f != DYAD_POS_VBP && f != DYAD_POS_VB) ||
        insertion_start(s, c) >= 0)
        return -2;
    /* ", stationed/VBD in Gaza,", ", deployed from X,": a participle */
    if (g->end < s->n && (s->t[g->end].pos == DYAD_POS_IN || s->t[g->end].pos == DYAD_POS_TO))
        return -2;
    for (int k = c - 1; k >= 0; k--) {
        if (t[k].group >= 0) {
            const vgroup *h = &s->groups[t[k].group];
            uint8_t p = t[h->start].pos;
            /* (an inverted ", reports the Cuban Reporter," is no act before) */
            if (!nouns || k != h->end - 1 || h->passive || h->infinitive || h->subject < 0 ||
                s->units[h->subject].end > h->start ||
                !finite_pos(p))
                return -2;
            return h->subject;
        }
        if (!object_token(t[k].pos)) return -2;
        nouns += t[k].pos >= DYAD_POS_NN && t[k].pos <= DYAD_POS_NNPS;
    }
    return -2;
}

/* "withdrew its troops as demanded by X", "as called for by the UN": does
 * token j begin "as" + a participle + "by", a clause that says whose wish
 * the act before it met? It has no subject of its own, and its agent is no
 * party of that act. (Asked only at "as": the word's class is tested first.) */
static int as_by_tail(const csent *s, int j) {
    const ctok *t = s->t;
    if (j + 2 >= s->n || t[j + 1].group < 0 || strcmp(t[j].up, "AS")) return 0;
    const vgroup *h = &s->groups[t[j + 1].group];
    if (h->start != j + 1 || (t[h->main].pos != DYAD_POS_VBN && t[h->main].pos != DYAD_POS_VBD)) return 0;
    int k = h->end;
    if (k + 1 < s->n && !strcmp(t[k].up, "FOR")) k++;
    return k < s->n && (t[k].wc & WC_BY);
}
static inline int as_by_clause(const csent *s, int j) {
    return (s->t[j].wc & WC_SUBORD) && (s->wc_any & WC_BY) && as_by_tail(s, j);
}

/* Is token h, before an "of", a place, an act told by a gerund or a thing
 * (coder_thing_token), whose "of" phrase names what it is of, not an actor
 * that acts? */
static int of_what(const ctok *h) {
    return h->pos == DYAD_POS_VBG || ((h->wc & WC_PLACE) && h->pos != DYAD_POS_NNP) || coder_thing_token(h);
}

/* Does group g begin with a finite verb (or a modal)? */
static int finite_group(const csent *s, const vgroup *g) { return finite_pos(s->t[g->start].pos); }

/* "militants holding three UN workers hostage began talks", "a group
 * threatening to kill its captives demanded": the object of a participle
 * right after a noun (and of the infinitives it governs) is no subject of
 * the finite verb after it; the noun before the participle is. Returns the
 * participle's token, from which the search for the subject goes on, or -1. */
static int participle_object(const csent *s, const vgroup *g, const unit *u) {
    const ctok *t = s->t;
    if (!finite_group(s, g)) return -1;
    for (int k = u->start - 1; k >= 0 && t[k].group >= 0;) {
        const vgroup *p = &s->groups[t[k].group];
        if (p->start == p->main && t[p->main].pos == DYAD_POS_VBG) {
            int n = p->start > 0 ? t[p->start - 1].unit : -1;
            /* "Brazil's ruling party": after a possessive it is an adjective */
            return n >= 0 && t[p->start - 1].pos != DYAD_POS_POS && !s->units[n].pronoun && !s->units[n].in_pp
                       ? p->start
                       : -1;
        }
        if (!p->infinitive) return -1;
        k = p->start - 1;
    }
    return -1;
}

/* Is group g the verb of a relative clause set off by no comma ("the
 * officers who seized power", "a junta that took power")? */
static int restrictive_relative(const csent *s, const vgroup *g) {
    if (!g->relative || g->subject < 0) return 0;
    int r = s->units[g->subject].end; /* the relative pronoun, right after its noun */
    return r < g->start && (s->t[r].pos == DYAD_POS_WDT || s->t[r].pos == DYAD_POS_WP) && r + 1 == g->start;
}

static int find_subject(csent *s, int gi) {
    vgroup *g = &s->groups[gi];
    const ctok *t = s->t;
    int saw_and = 0;
    int tail = inverted_tail(s, g);
    if (tail >= 0) return tail;
    if (g->start > 0 && as_by_clause(s, g->start - 1)) return -1;
    /* "troops stormed the camp, killing three", "..., telling X that": a
     * participle after a comma is a free adjunct of the clause before it,
     * whose subject is that of its latest finite verb; so is a gerund
     * after "by" or "after" */
    if (free_adjunct(s, g) || adverbial_gerund(s, g)) {
        for (int h = gi - 1; h >= 0; h--) {
            uint8_t f = t[s->groups[h].start].pos;
            /* "two-thirds of X was flooded, destroying crops": no agent */
            if (finite_pos(f) &&
                !s->groups[h].bare_passive)
                return s->groups[h].passive ? -1 : s->groups[h].subject;
        }
    }
    /* "farmers blockaded Paris to demand an end": an infinitive right after
     * its verb's object is the act of that verb's subject */
    int ob = g->infinitive && gi > 0 && t[g->start].pos == DYAD_POS_TO ? object_before(s, g->start) : -1;
    if (ob >= 0) {
        const vgroup *prev = &s->groups[gi - 1];
        const unit *o = &s->units[ob];
        if (o->start >= prev->end && !o->in_pp && !o->pronoun && prev->region_end > g->start &&
            !object_control(s, prev))
            return prev->subject;
    }
    /* "the US decision to invade X": the infinitive's subject is the
     * noun's owner, if any; not the subject of the verb before it */
    if (intent_infinitive(s, g->start)) {
        int u = t[g->start - 1].unit;
        return u >= 0 && s->units[u].has_actor ? u : -1;
    }
    int ls = list_subject(s, g);
    if (ls != -2) return ls;
    /* "X criticized Y and accused Z": a verb right after "and" shares the
     * subject of the verb before it */
    int b = g->start - 1;
    while (b >= 0 && is_adverb(t[b].pos)) b--;
    /* "urged Y to halt the attacks and withdraw its troops": a bare verb
     * after "and" goes on with the infinitive before it (its subject, and
     * whether it happened: events.c's absorbed) */
    if (b > 0 && t[b].pos == DYAD_POS_CC && gi > 0 && g->start == g->main && t[g->main].pos == DYAD_POS_VB &&
        s->groups[gi - 1].infinitive && s->groups[gi - 1].end <= b) {
        g->coordinated = 1;
        return s->groups[gi - 1].subject;
    }
    /* a headline's "X Arrests Y, Kills Z": after a comma, as after "and" */
    int headline_comma = s->headline && b > 0 && t[b].pos == DYAD_POS_COMMA && t[g->main].pos == DYAD_POS_VBZ;
    if (b > 0 && (t[b].pos == DYAD_POS_CC || headline_comma) && gi > 0 && !g->infinitive) {
        const vgroup *prev = &s->groups[gi - 1];
        /* "forced a plane to land and arrested X": the finite verb before; so
         * too past a gerund ("vows to stop shelling towns and blames X") */
        int finite = t[g->main].pos == DYAD_POS_VBD || t[g->main].pos == DYAD_POS_VBZ ||
                     t[g->main].pos == DYAD_POS_VBP;
        while ((prev->infinitive || (finite && t[prev->main].pos == DYAD_POS_VBG)) && prev > s->groups &&
               t[b - 1].group != prev - s->groups)
            prev--;
        int has_own = 0; /* a unit directly before "and" that is prev's subject is "X and Y V" */
        for (int j = prev->end; j < b; j++) {
            const vgroup *h = t[j].group >= 0 ? &s->groups[t[j].group] : NULL;
            has_own |= h && !h->infinitive && !(finite && t[h->main].pos == DYAD_POS_VBG);
        }
        if (!has_own && prev->end <= b) return prev->subject;
    }
    for (int j = g->start - 1; j >= 0; j--) {
        if (t[j].unit >= 0) {
            unit *u = &s->units[t[j].unit];
            int pp = participle_object(s, g, u);
            if (pp >= 0) {
                j = pp;
                continue;
            }
            if (u->pronoun) {
                resolve_pronoun(s, t[j].unit, gi);
                return u->ncodes ? t[j].unit : -1;
            }
            if (u->in_pp && (!(s->t[u->start - 1].wc & WC_OF) || of_chain_in_pp(s, u))) {
                j = u->start - 1; /* skip the preposition too */
                continue;
            }
            /* "the bombing of a UN office injured six", "an attack in the
             * town of X killed", "angered at X's sacking of Y ransacked":
             * what a thing, a place or an act is "of" is not what acts */
            if (u->in_pp && u->start >= 2 && of_what(&t[u->start - 2])) return -1;
            pronoun_and(s, t[j].unit, gi);
            possessive_owner(s, t[j].unit, gi);
            return t[j].unit;
        }
        if (t[j].group >= 0) {
            const vgroup *prev = &s->groups[t[j].group];
            /* "the officers who seized power expelled X": a finite verb
             * right after a relative clause without commas is the verb of
             * the noun the clause tells of */
            if (restrictive_relative(s, prev) && finite_group(s, g) && !saw_and) return prev->subject;
            /* "a man accused of spying was expelled": the participle and
             * its phrase modify the subject before them */
            if (prev->bare_passive && !s->headline && prev->start > 0 && s->t[prev->start - 1].unit >= 0) {
                j = prev->start;
                continue;
            }
            /* "urging its neighbour to ratify": the object that is told to act
             * is the infinitive's subject, even when it names no actor */
            if (g->infinitive && !saw_and)
                for (int k = prev->end; k < g->start; k++)
                    if (t[k].pos >= DYAD_POS_NN && t[k].pos <= DYAD_POS_NNPS) {
                        if (object_control(s, prev)) return -1;
                        break;
                    }
            if (saw_and || g->infinitive) return prev->subject;
            return -1;
        }
        if (t[j].pos == DYAD_POS_WDT || t[j].pos == DYAD_POS_WP) {
            g->relative = 1;
            int k = j - 1;
            if (k >= 0 && t[k].pos == DYAD_POS_COMMA) k--;
            else if (k >= 0 && name_in_phrase(s, k)) k = s->units[t[k].unit].start - 2;
            return k >= 0 ? t[k].unit : -1;
        }
        if (t[j].pos == DYAD_POS_CC) {
            saw_and = 1;
            continue;
        }
        if (t[j].pos == DYAD_POS_COMMA) {
            int k = insertion_start(s, j);
            if (k >= 0) j = k;
            continue;
        }
        if (is_clause_stop(&t[j]) && t[j].pos != DYAD_POS_IN) return -1;
    }
    return -1;
}

/* ", a spokeswoman for the French embassy said", ", an official at the
 * ministry told reporters", ", relief officials in Nairobi said": the
 * speaker of a reporting tail may go on with a phrase of "for", "of",
 * "at", "from" or "in" before its verb. Where the
 * speaker ends, from the end e of its first noun phrase: e itself when no
 * such phrase follows, else the token after that phrase, if a finite verb
 * is there (s->n otherwise: no tail). */
static int tail_speaker_end(const csent *s, int e) {
    const ctok *t = s->t;
    if (e >= s->n || t[e].pos != DYAD_POS_IN) return e;
    const char *p = t[e].up;
    if (strcmp(p, "FOR") && strcmp(p, "OF") && strcmp(p, "AT") && strcmp(p, "FROM") && strcmp(p, "IN")) return e;
    int k = e + 1;
    while (k < s->n && k < e + 8 && t[k].group < 0 &&
           ((t[k].pos >= DYAD_POS_NN && t[k].pos <= DYAD_POS_NNPS) || t[k].pos == DYAD_POS_DT ||
            (t[k].pos >= DYAD_POS_JJ && t[k].pos <= DYAD_POS_JJS) || t[k].pos == DYAD_POS_POS))
        k++;
    if (k == e + 1 || k >= s->n || t[k].group < 0) return s->n;
    uint8_t v = t[s->groups[t[k].group].start].pos;
    return finite_pos(v) ? k : s->n;
}

/* The end of group gi's clause: exclusive token index. */
/* Does a finite verb of another group begin at token e, right after the
 * noun phrase that follows "and" (or after its "all", "both")? Then that
 * phrase is the subject of a clause of its own. */
static int and_clause(const csent *s, int gi, int e) {
    if (e < s->n && floating_quantifier(s, e)) e++;
    if (e >= s->n || s->t[e].group < 0 || s->t[e].group == gi) return 0;
    uint8_t p = s->t[s->groups[s->t[e].group].start].pos;
    return s->groups[s->t[e].group].start == e &&
           finite_pos(p);
}

static int clause_end(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    const ctok *t = s->t;
    int restrictive = restrictive_relative(s, g);
    for (int j = g->end; j < s->n; j++) {
        if (is_clause_stop(&t[j]) || as_by_clause(s, j)) return j;
        /* "officers who seized power expelled X": the relative clause ends
         * where the main clause's finite verb begins, unless a subject of
         * its own stands before that verb ("who said Iran attacked") */
        if (restrictive && t[j].group >= 0 && t[j].group != gi && s->groups[t[j].group].start == j &&
            finite_group(s, &s->groups[t[j].group]) &&
            !(t[j - 1].unit >= 0 && !s->units[t[j - 1].unit].in_pp))
            return j;
        /* "shelled the town as Bolivian ministers met": "as" with a subject
         * and a finite verb opens a clause of its own */
        if ((t[j].wc & WC_SUBORD) && !(t[j].wc & WC_COMPL) && j > g->end && j + 1 < s->n && t[j + 1].unit >= 0) {
            int e = s->units[t[j + 1].unit].end;
            if (e < s->n && t[e].group >= 0 && t[e].group != gi) {
                uint8_t p = t[s->groups[t[e].group].start].pos;
                if (finite_pos(p) || p == DYAD_POS_VBN)
                    return j; /* (the tagger reads "met" as a participle there too) */
            }
        }
        if (t[j].pos == DYAD_POS_COMMA) {
            /* "X, speaking in Y, condemned Z": a comma right before a finite
             * verb closes an insertion or a list of acts; what follows is
             * that verb's, not this one's */
            if (j + 1 < s->n && t[j + 1].group >= 0 && t[j + 1].group != gi) {
                const vgroup *h = &s->groups[t[j + 1].group];
                uint8_t p = t[h->start].pos;
                if (finite_pos(p) ||
                    (h->start == j + 1 && free_adjunct(s, h)))
                    return j; /* ", killing three": an act of its own */
            }
            /* ", officials said", ", a clearly tired official said": a
             * reporting tail, whose speaker is no object of this verb */
            for (int k = j + 1; k < s->n && k < j + 10; k++) {
                /* "an official at the embassy said": a speaker the
                 * dictionary does not know, named with its phrase */
                if (t[k].pos == DYAD_POS_IN && k > j + 1 && t[k - 1].pos >= DYAD_POS_NN &&
                    t[k - 1].pos <= DYAD_POS_NNPS) {
                    int e = tail_speaker_end(s, k);
                    if (e != k && e < s->n) return j;
                }
                if (t[k].pos == DYAD_POS_COMMA || t[k].pos == DYAD_POS_PERIOD || t[k].pos == DYAD_POS_IN)
                    break;
                if (t[k].unit >= 0) {
                    int e = tail_speaker_end(s, s->units[t[k].unit].end);
                    if (e < s->n && t[e].group >= 0 && t[e].group != gi) return j;
                    break;
                }
            }
        }
        if (t[j].pos == DYAD_POS_CC && j + 1 < s->n && t[j + 1].group >= 0) {
            uint8_t p = t[s->groups[t[j + 1].group].start].pos;
            if (finite_pos(p) ||
                (p == DYAD_POS_VBG && t[g->start].pos == DYAD_POS_VBG))
                return j; /* "... and killed", "killing X and wounding Y": a coordinated verb */
        }
        if (t[j].pos == DYAD_POS_CC && t[j].unit < 0 && j + 1 < s->n && t[j + 1].unit >= 0 &&
            and_clause(s, gi, s->units[t[j + 1].unit].end))
            return j; /* "appealed for help and France expressed concern": a clause of its own */
    }
    return s->n;
}

/* "called Russia, which armed X, a coalition of murderers", "accused
 * Iran, which denies it, of ...": the clause of group gi ends at a
 * relative pronoun right after a comma and its object, and after the
 * relative clause's closing comma the verb's phrase resumes with an
 * article or a preposition. Sets rel_skip (the first comma), rel_resume
 * and rel_end (where the resumed phrase ends); rel_skip -1 otherwise. */
static void after_relative(csent *s, vgroup *g) {
    const ctok *t = s->t;
    int r = g->region_end, c;
    g->rel_skip = -1;
    if (r >= s->n || r < g->end + 2 || (t[r].pos != DYAD_POS_WDT && t[r].pos != DYAD_POS_WP) ||
        t[r - 1].pos != DYAD_POS_COMMA || t[r - 2].unit < 0 || s->units[t[r - 2].unit].start < g->end)
        return;
    for (int j = g->end; j < s->units[t[r - 2].unit].start; j++)
        if (t[j].group >= 0 || t[j].unit >= 0 || t[j].pos == DYAD_POS_COMMA) return; /* not its object */
    for (c = r + 1; c < s->n && t[c].pos != DYAD_POS_COMMA; c++)
        if (t[c].pos == DYAD_POS_PERIOD || t[c].pos == DYAD_POS_COLON) return;
    if (c + 1 >= s->n || t[c + 1].group >= 0) return;
    uint8_t p = t[c + 1].pos;
    if (p != DYAD_POS_DT && !(p == DYAD_POS_IN && !(t[c + 1].wc & (WC_SUBORD | WC_COMPL | WC_STOP)))) return;
    int e = c + 1;
    while (e < s->n && !is_clause_stop(&t[e]) && t[e].pos != DYAD_POS_COMMA && t[e].pos != DYAD_POS_PERIOD &&
           t[e].pos != DYAD_POS_COLON && t[e].group < 0)
        e++;
    g->rel_skip = r - 1;
    g->rel_resume = c + 1;
    g->rel_end = e;
}

/* Where the verb's own phrases end: at "that/whether/if" or at a later
 * verb group with its own subject (a complement clause). Patterns match
 * only up to here; a target may still be the complement's subject. */
static int phrases_end(const csent *s, int gi, int region_end) {
    const vgroup *g = &s->groups[gi];
    for (int j = g->end; j < region_end; j++) {
        const ctok *t = &s->t[j];
        if (t->pos == DYAD_POS_IN && (t->wc & WC_COMPL))
            return j;
        /* a finite verb after a noun phrase starts that phrase's clause; a
         * bare participle ("diplomats suspected of spying") does not */
        uint8_t first = t->group >= 0 ? s->t[s->groups[t->group].start].pos : 0;
        int finite = finite_pos(first);
        if (t->group >= 0 && t->group != gi && finite && j > g->end && s->t[j - 1].unit >= 0)
            return s->units[s->t[j - 1].unit].start;
    }
    return region_end;
}

/* Where the words of group gi's patterns may be looked for after the
 * verb: up to an infinitive that does not follow the verb directly and
 * that the verb does not hand to its object ("met Y to discuss the war",
 * "met in Riyadh to discuss ..."): its phrases are its own act's, and a
 * pattern names no verb (PETRARCH-2's rule), so no pattern word is taken
 * from them ("met Y to discuss the war" is no meeting about a war, "sees
 * no reason to join talks on X" no talks) unless the pattern names the
 * "to" itself ("* TO ACT"). "threatened to stop talks" and "ordered Y to
 * withdraw" keep their infinitive's words: the combination of the two
 * verbs codes them. */
static int words_end(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    for (int h = gi + 1; h < s->ngroups && s->groups[h].start < g->pattern_end; h++) {
        int j = s->groups[h].start;
        if (j > g->end && s->t[j].pos == DYAD_POS_TO)
            return object_control(s, g) ? g->pattern_end : j;
    }
    return g->pattern_end;
}

/* Is unit u only an example ("including Ukraine", "including in Kyiv")? */
static int is_example(const csent *s, const unit *u) {
    if (!u->in_pp) return 0;
    int p = u->start - 1;
    return (s->t[p].wc & WC_INCL) || (p > 0 && (s->t[p - 1].wc & WC_INCL));
}

/* The prepositions of what talks are about: "held talks on X". */
static int is_topic(const char *p) {
    return !strcmp(p, "ON") || !strcmp(p, "OVER") || !strcmp(p, "ABOUT") || !strcmp(p, "REGARDING");
}

/* Is unit u the object of "of" after a noun that a topic's preposition
 * introduces ("on the fate of X", "about the future of X")? Not "over":
 * "clashed over the efforts of X" is a dispute with X. */
static int topic_of(const csent *s, const unit *u) {
    if (strcmp(u->prep, "OF")) return 0;
    int j = u->start - 2;
    while (j >= 0 && s->t[j].unit < 0 &&
           (s->t[j].pos == DYAD_POS_DT || s->t[j].pos == DYAD_POS_NN || s->t[j].pos == DYAD_POS_NNS ||
            (s->t[j].pos >= DYAD_POS_JJ && s->t[j].pos <= DYAD_POS_JJS)))
        j--;
    return j >= 0 && j < u->start - 2 && s->t[j].pos == DYAD_POS_IN && is_topic(s->t[j].up) &&
           strcmp(s->t[j].up, "OVER");
}

/* A unit where a meeting or an agreement took place, or what it was
 * about: "in Moscow", "at NATO in Brussels", "on Iran's programme". */
int coder_is_venue(const csent *s, const unit *u) {
    if (!u->in_pp) return 0;
    const char *p = u->prep;
    return !strcmp(p, "IN") || !strcmp(p, "AT") || !strcmp(p, "NEAR") || !strcmp(p, "DURING") ||
           !strcmp(p, "INSIDE") || !strcmp(p, "THROUGHOUT") || !strcmp(p, "ACROSS") || is_topic(p);
}

/* "denied that it had attacked", "dismissed claims that troops shelled":
 * what is denied codes nothing (the denial itself may: 016). */
static void deny_complement(csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    if (!(s->t[g->main].wc & WC_DENY)) return;
    for (int h = gi + 1; h < s->ngroups && s->groups[h].start < g->region_end; h++)
        s->groups[h].negated = 2;
}

/* "discussed how X and Y can cooperate", "discussed ways to strengthen
 * cooperation", "talked about efforts to reach a deal": what is discussed is a
 * topic, so the verbs told inside it code nothing. */
static void discussion_topic(csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    const char *v = s->t[g->main].up;
    int talk = v[0] == 'T' && !strncmp(v, "TALK", 4) && g->end < s->n && !strcmp(s->t[g->end].up, "ABOUT");
    if (!talk && (v[0] != 'D' || (strncmp(v, "DISCUSS", 7) && strncmp(v, "DEBATE", 6)))) return;
    for (int h = gi + 1; h < s->ngroups; h++) {
        vgroup *x = &s->groups[h];
        /* a clause of "how", "whether" or "what" that goes on the topic
         * past the verb's own clause: "... and how X can cooperate" */
        int j = x->start - 1; /* the word before it and its subject */
        if (j >= 0 && s->t[j].unit >= 0) j = s->units[s->t[j].unit].start - 1;
        int wh = j >= g->end && (s->t[j].pos == DYAD_POS_WRB || s->t[j].pos == DYAD_POS_WP ||
                                 !strcmp(s->t[j].up, "WHETHER"));
        /* and the infinitive of such a clause's verb ("... to strengthen") */
        int inf = x->infinitive && h > gi + 1 && s->groups[h - 1].negated == 2 && s->groups[h - 1].end == x->start;
        if (x->start >= g->region_end && !wh && !inf) break;
        x->negated = 2;
    }
}

/* The first unit with an actor in a phrase of "against" from token j on
 * in group g's region, before another verb, -1 if none. */
static int against_after(const csent *s, const vgroup *g, int j) {
    for (; j < g->region_end && s->t[j].group < 0; j++) {
        int v = s->t[j].unit;
        if (v >= 0 && s->units[v].in_pp && s->units[v].has_actor && !s->units[v].pronoun &&
            !strcmp(s->units[v].prep, "AGAINST"))
            return v;
    }
    return -1;
}

int coder_next_object(const csent *s, int gi, int from, int skip_venues) {
    const vgroup *g = &s->groups[gi];
    for (int j = from; j < g->region_end; j++) {
        if (s->t[j].unit < 0 && s->t[j].group < 0) continue; /* no phrase, no verb: nothing below */
        if (j > from && intent_infinitive(s, j)) return -1;
        /* several actors acting on a thing made by another ("X and Y agreed
         * to a truce brokered by Z"): Z is a third party, not the object */
        int h = s->t[j].group;
        if (h >= 0 && h != gi && s->groups[h].start == j && s->t[j].pos == DYAD_POS_VBN && j > 0 &&
            s->t[j - 1].pos >= DYAD_POS_NN && s->t[j - 1].pos <= DYAD_POS_NNPS && g->subject >= 0 &&
            s->units[g->subject].ncodes > 1)
            return -1;
        /* "promised to be a president who ...": what one is or becomes
         * is no object of the verb before it */
        if (h >= 0 && h != gi && s->groups[h].start == j && is_be(&s->t[s->groups[h].main])) return -1;
        int u = s->t[j].unit;
        /* the first unit with an actor: "provided military aid to Taiwan"
         * has an agent word (military) before the actor */
        if (u < 0 || u == g->subject || !s->units[u].has_actor || s->units[u].pronoun) continue;
        /* a place in a phrase is where, not whom: "captured part of a
         * stronghold on the Thai border", "killed rebels near the border" */
        if (s->units[u].place && s->units[u].in_pp && strcmp(s->units[u].prep, "TO") &&
            strcmp(s->units[u].prep, "FOR")) { /* "delivered aid to a Baghdad hospital" */
            j = s->units[u].end - 1;
            continue;
        }
        /* what talks were about ends the search: "on Russia's build-up near X",
         * "on the fate of two journalists" */
        if (skip_venues && s->units[u].in_pp && (is_topic(s->units[u].prep) || topic_of(s, &s->units[u])))
            return -1;
        if (is_example(s, &s->units[u]) ||
            (skip_venues && (coder_is_venue(s, &s->units[u]) || s->units[u].place))) {
            j = s->units[u].end - 1;
            continue;
        }
        /* "rallied in Tehran against X", "an offensive in Lebanon against
         * X": the phrase of "in" says where, the one of "against" whom */
        if (s->units[u].in_pp && !strcmp(s->units[u].prep, "IN")) {
            int a = against_after(s, g, s->units[u].end);
            if (a >= 0) return a;
        }
        return u;
    }
    return -1;
}

/* "have long cooperated", "has long backed", "have not met since": a
 * standing relation that the sentence describes, not an act it reports */
static int standing_relation(const csent *s, const vgroup *g) {
    for (int i = g->start; i + 1 < g->main; i++) {
        const char *w = s->t[i].up;
        if (strcmp(w, "HAVE") && strcmp(w, "HAS") && strcmp(w, "HAD") && strcmp(w, "'VE")) continue;
        if (!strcmp(s->t[i + 1].up, "LONG")) return 1;
        /* "have not met since 1949": no act, a state that lasts */
        if (g->negated)
            for (int j = g->end; j <= g->region_end && j < s->n; j++) /* "since" may end the clause */
                if (!strcmp(s->t[j].up, "SINCE")) return 1;
    }
    return 0;
}

/* Is there a finite verb, not one of saying, before token `before`? */
static int finite_before(const csent *s, int before) {
    for (int h = 0; h < s->ngroups && s->groups[h].start < before; h++) {
        uint8_t f = s->t[s->groups[h].start].pos;
        if (finite_pos(f) &&
            !(s->t[s->groups[h].main].wc & WC_SAY))
            return 1;
    }
    return 0;
}

/* "Two aid workers seized in Lima (by rebels) were freed", "a diplomat shot
 * dead in X was ...": a lone participle right after a noun phrase, followed
 * only by its own phrases up to a finite verb that has no subject of its
 * own, is a reduced relative clause: what was done to that noun phrase
 * (passive; its source only a "by" phrase), and the finite verb is the
 * noun phrase's. So is one after the object of a preposition or of a
 * verb once the clause has its finite verb ("rallied to call for the
 * freedom of three nurses held in Lima"), or after the object of "of" inside the subject
 * ("the family of a nurse held hostage in Lima appealed"). The participle
 * may be completed by "dead", "hostage" or "captive" ("held hostage in").
 * Is group gi one? */
static int reduced_relative(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    const ctok *t = s->t;
    uint8_t p = t[g->main].pos;
    if (g->passive || g->main != g->start || g->end != g->main + 1 || g->start == 0) return 0;
    if ((p != DYAD_POS_VBD && p != DYAD_POS_VBN) || (t[g->main].wc & WC_SAY)) return 0;
    int u = t[g->start - 1].unit;
    if (u < 0 || s->units[u].pronoun) return 0;
    int in_pp = s->units[u].in_pp, after_verb = finite_before(s, s->units[u].start);
    if (in_pp && !after_verb) {
        /* "the family of a Briton held hostage in Iraq appealed": the
         * "of" phrase is part of the subject; the finite verb must follow */
        if (strcmp(s->units[u].prep, "OF")) return 0;
        in_pp = 0;
    }
    /* "rebels freed a reporter abducted in Lima": the object right after
     * a finite verb, as a preposition's (a form the tagger reads as a
     * participle, not a past tense) */
    int start = s->units[u].start;
    if (!in_pp && after_verb && p == DYAD_POS_VBN && start > 0 && t[start - 1].group >= 0) in_pp = 1;
    int j = g->end;
    if (j < s->n && (t[j].pos == DYAD_POS_JJ || t[j].pos == DYAD_POS_RP || !strcmp(t[j].up, "HOSTAGE") ||
                     !strcmp(t[j].up, "CAPTIVE")))
        j++; /* "shot dead in", "held hostage in" */
    while (j < s->n && (t[j].wc & WC_TIME)) j++; /* "killed Saturday in" */
    if (j >= s->n || t[j].pos != DYAD_POS_IN || (t[j].wc & (WC_SUBORD | WC_COMPL))) return 0;
    for (int k = j; k < s->n && k < j + 24; k++) {
        if (t[k].group >= 0) {
            uint8_t f = t[s->groups[t[k].group].start].pos;
            return in_pp || finite_pos(f);
        }
        if (t[k].unit >= 0 && !s->units[t[k].unit].in_pp) return 0; /* a subject of its own */
        if (t[k].unit >= 0 || (t[k].wc & WC_TIME)) continue;
        uint8_t q = t[k].pos;
        if (q == DYAD_POS_IN ? (t[k].wc & (WC_SUBORD | WC_COMPL)) != 0
                             : !(q == DYAD_POS_DT || q == DYAD_POS_JJ || q == DYAD_POS_CD ||
                                 q == DYAD_POS_POS || q == DYAD_POS_PRPS || is_adverb(q) ||
                                 (q >= DYAD_POS_NN && q <= DYAD_POS_NNPS)))
            return in_pp; /* the participle's phrase ends here */
    }
    return in_pp;
}

/* What a relative clause holds ("X, who lost his son when Y bombed Z,
 * said ..."): the verbs after its own, up to where it ends (one set off
 * by a comma at the next comma), that are subordinate, infinitives or have
 * their own subject inside it. */
static void relative_clauses(csent *s) {
    for (int gi = 0; gi < s->ngroups; gi++) {
        const vgroup *r = &s->groups[gi];
        if (!r->relative) continue;
        int end = r->region_end, k = r->start - 1;
        while (k > 0 && s->t[k].pos != DYAD_POS_WDT && s->t[k].pos != DYAD_POS_WP) k--;
        if (k > 0 && s->t[k - 1].pos == DYAD_POS_COMMA)
            for (end = r->end; end < s->n && s->t[end].pos != DYAD_POS_COMMA; end++) {}
        for (int h = gi + 1; h < s->ngroups && s->groups[h].start < end; h++) {
            vgroup *x = &s->groups[h];
            if (!x->subordinate && !x->infinitive && !(x->subject >= 0 && s->units[x->subject].start > r->start))
                break;
            x->relative = 1;
        }
    }
}

int coder_find_groups(csent *s) {
    s->groups = dyad_arena_alloc_uninit(s->a, sizeof *s->groups * (size_t)(s->n + 1));
    if (!s->groups) return -1;
    build_groups(s);
    for (int gi = 0; gi < s->ngroups; gi++)
        if (!s->headline && reduced_relative(s, gi)) s->groups[gi].passive = s->groups[gi].bare_passive = 1;
    /* "accused X of trying to kill Y": what an accusation or a preposition
     * names as a gerund is not an event of its own, nor its infinitive */
    for (int gi = 0; gi < s->ngroups; gi++) {
        vgroup *g = &s->groups[gi];
        if (s->t[g->start].pos == DYAD_POS_VBG && g->start > 0 && s->t[g->start - 1].pos == DYAD_POS_IN &&
            !(s->t[g->start - 1].wc & WC_SUBORD)) {
            g->negated = 2;
            if (gi + 1 < s->ngroups && s->t[s->groups[gi + 1].start].pos == DYAD_POS_TO &&
                s->groups[gi + 1].start == g->end)
                s->groups[gi + 1].negated = 2;
        }
    }
    /* "to stop militants firing rockets", "prevented X leaving": what is
     * stopped or prevented did not happen */
    for (int gi = 1; gi < s->ngroups; gi++) {
        vgroup *g = &s->groups[gi];
        int u = g->start > 0 ? s->t[g->start - 1].unit : -1;
        const char *w = s->t[s->groups[gi - 1].main].up;
        if (s->t[g->start].pos == DYAD_POS_VBG && u >= 0 && s->units[u].start >= s->groups[gi - 1].end &&
            (!strncmp(w, "STOP", 4) || !strncmp(w, "PREVENT", 7) || !strncmp(w, "DETER", 5) ||
             !strncmp(w, "BAR", 3) || !strncmp(w, "BAN", 3)))
            g->negated = 2;
    }
    /* "has no plans to meet", "sees no reason to join": a refusal */
    for (int gi = 0; gi < s->ngroups; gi++) {
        vgroup *g = &s->groups[gi];
        if (!g->infinitive) continue;
        int to = g->start;
        while (to < g->main && s->t[to].pos != DYAD_POS_TO) to++;
        if (to >= 2 && s->t[to].pos == DYAD_POS_TO &&
            s->t[to - 1].pos >= DYAD_POS_NN && s->t[to - 1].pos <= DYAD_POS_NNS &&
            !strcmp(s->t[to - 2].up, "NO"))
            g->negated = 1;
    }
    /* "failed to condemn": what failed did not happen (negated = 2: no event) */
    for (int gi = 0; gi + 1 < s->ngroups; gi++) {
        const char *w = s->t[s->groups[gi].main].up;
        if (w[0] == 'F' && !strncmp(w, "FAIL", 4) && s->t[s->groups[gi + 1].start].pos == DYAD_POS_TO &&
            s->groups[gi + 1].start == s->groups[gi].end)
            s->groups[gi + 1].negated = 2;
    }
    int in_condition = 0;
    for (int gi = 0; gi < s->ngroups; gi++) {
        vgroup *g = &s->groups[gi];
        g->subject = find_subject(s, gi);
        int tail_subject = g->subject >= 0 && g->subject == inverted_tail(s, g);
        /* "unlikely to attack": a hedge, nothing happened */
        if (g->infinitive && g->start > 0 && (s->t[g->start - 1].wc & WC_DENY)) g->negated = 2;
        int first = g->subject >= 0 && s->units[g->subject].end <= g->start ? s->units[g->subject].start
                                                                             : g->start;
        g->subordinate = first > 0 && s->t[first - 1].pos == DYAD_POS_IN &&
                         !(s->t[first - 1].wc & WC_COMPL);
        /* "... if Russia invaded Ukraine": a condition, not an event; nor
         * what a clause or an infinitive inside it tells ("if China helps
         * Russia as it attacks ...") */
        if (first > 0 && (s->t[first - 1].wc & WC_COND)) in_condition = 1;
        else if (!g->subordinate && !g->infinitive) in_condition = 0;
        if (in_condition) g->negated = 2;
        g->region_end = clause_end(s, gi);
        if (standing_relation(s, g)) g->negated = 2;
        g->pattern_end = phrases_end(s, gi, g->region_end);
        after_relative(s, g);
        g->words_end = words_end(s, gi);
        deny_complement(s, gi);
        discussion_topic(s, gi);
        g->region_start = g->subject >= 0 ? s->units[g->subject].start
                                          : (gi > 0 ? s->groups[gi - 1].end : 0);
        if (g->region_start > g->start) g->region_start = g->start;
        g->object = tail_subject ? -1 : coder_next_object(s, gi, g->end, 0);
    }
    relative_clauses(s);
    return 0;
}
