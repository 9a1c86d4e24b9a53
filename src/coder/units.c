/* units.c -- from tokens to noun-phrase units that carry actor codes.
 *
 * 1. Every token gets its dictionary word id (one hash probe).
 * 2. At each position the longest actor phrase and the longest agent phrase
 *    are found by walking the tries word by word.
 * 3. Nominal tokens (determiners, adjectives, nouns, numbers, possessives)
 *    and the phrases found form chunks; a chunk's code is its actor's code
 *    with its agents' codes added (IRAN + PRESIDENT -> IRNGOV; a CODE~
 *    agent goes in front). A person's own code (RUSGOV) beats a country
 *    adjective's, also when it does not extend it (IRQOCC, IRQGOV), and an
 *    agent already in the code is not added twice, as PETRARCH-2 mixes them.
 * 4. "agents of/from/in ACTOR" becomes one unit (soldiers from Gondor ->
 *    GONMIL), and coordinated coded units (X, Y and Z) become one compound
 *    unit that yields one event per actor. */
#include "coder.h"

#include <string.h>

static int is_nominal(uint8_t pos) { return coder_pos_in(pos, POS_NOMINAL); }

typedef struct mention {
    int start, end;
    uint8_t is_agent;
    uint32_t rec; /* phrase index (actor) or agent index */
} mention;

/* Longest phrase of `trie` starting at token i: end index, or i if none. */
static int longest(const csent *s, const dtrie *trie, uint16_t next, int i, uint32_t *val) {
    uint32_t node = 0;
    int best = i;
    for (int j = i; j < s->n && s->t[j].id; j++) {
        if (j > i && !(s->t[j].ws & next)) break; /* goes on no phrase */
        uint32_t v = 0;
        node = dtrie_step(trie, node, s->t[j].id, &v);
        if (!node) break;
        if (v) {
            best = j + 1;
            *val = v;
        }
    }
    return best;
}

static int has_agent(const char *code, const char *agent) {
    size_t n = strlen(code);
    /* a code of a sector only is read whole: a CNN journalist is MED */
    if (n >= 3 && !coder_has_country(code)) return strstr(code, agent) != NULL;
    return n > 3 && strstr(code + 3, agent) != NULL;
}

/* Does a later actor's code in a phrase replace the one before it? When it
 * refines it (RUS -> RUSGOV), and when it names the same country otherwise,
 * unless it is only a part of it (IRQOCC -> IRQGOV, not RUSGOV -> RUS). */
static int refines(const char *code, const char *base) {
    size_t n = strlen(base), m = strlen(code);
    if (m > n && !strncmp(code, base, n)) return 1;
    return n >= 3 && m >= 3 && !strncmp(code, base, 3) && strncmp(base, code, m) &&
           coder_has_country(code);
}

/* Is actor mention k joined to the actor mention before it by "and" or
 * "or" ("Georgian and Abkhaz")? */
static int coordinated(const csent *s, const mention *m, int k) {
    return k > 0 && !m[k - 1].is_agent && m[k - 1].end + 1 == m[k].start &&
           (s->t[m[k - 1].end].wc & (WC_AND | WC_OR));
}

/* The code of the actor that actor phrase `rec` names, on the sentence's
 * date; the date is read only for an actor whose code depends on it. */
static const char *actor_code_on(csent *s, uint32_t rec, int *restr_used) {
    const dyad_dict *d = s->c->dict;
    uint32_t actor = (uint32_t)dict_phrase_actor(d, rec);
    return dict_actor_code(d, actor, dict_actor_dated(d, actor) ? coder_date(s) : 0, restr_used);
}

/* "Hamas ally Hezbollah", "Iran's proxy the Houthis": an actor before a
 * noun of alliance and another actor only qualifies that one, which the
 * phrase names. Is mention k such a qualifier? */
static int ally_noun(const ctok *t) {
    static const char *const nouns[] = {"ALLY", "ALLIES", "PROXY", "PROXIES", "PARTNER", "PATRON", "BACKER"};
    return t->pos == DYAD_POS_NN && CODER_WORD_IN(t->up, nouns);
}

static int ally_of_next(const csent *s, const mention *m, int nm, int k) {
    if (k + 1 >= nm || m[k].is_agent || m[k + 1].is_agent) return 0;
    int i = m[k].end;
    if (i < s->n && s->t[i].pos == DYAD_POS_POS) i++;
    return i + 1 == m[k + 1].start && ally_noun(&s->t[i]);
}

/* "Indian and Pakistani troops": actors joined by "and" inside one noun
 * phrase share its agents, one code each (INDMIL, PAKMIL). `agents` is the
 * agent part of the phrase's code. */
static void coordinated_actors(csent *s, unit *u, const mention *m, int nm, const char *agents) {
    for (int k = 0; k + 1 < nm; k++) {
        /* (an ally before the second is passed over: "X and Hamas ally Y") */
        int next = m[k + 1].start;
        if (m[k].is_agent || m[k + 1].is_agent || !(s->t[m[k].end].wc & (WC_AND | WC_OR)) ||
            (m[k].end + 1 != next && !(next - 2 > m[k].end && ally_noun(&s->t[next - 1]))))
            continue;
        const char *code = actor_code_on(s, m[k + 1].rec, NULL);
        if (!code || u->ncodes >= MAX_CODES) continue;
        char buf[96];
        coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, code), agents);
        u->codes[u->ncodes++] = dyad_arena_strdup(s->a, buf);
    }
}

/* The code of a chunk from mentions m[0, nm) inside it. */
static void chunk_code_of(csent *s, unit *u, const mention *m, int nm) {
    const dyad_dict *d = s->c->dict;
    const char *base = NULL;
    const char *pre[4], *post[8];
    int npre = 0, npost = 0;
    for (int k = 0; k < nm; k++) {
        if (u->ncauses < 8) u->causes[u->ncauses++] = (cause){m[k].is_agent, -1, m[k].rec};
        if (!m[k].is_agent) {
            int r;
            const char *code = actor_code_on(s, m[k].rec, &r);
            u->causes[u->ncauses - 1].restr = r;
            /* the first actor is the base (the possessor in "Ithilen's minister
             * Calimehtar"); a later one only refines it (RUS -> RUSGOV), or
             * names the head of the phrase in the same country ("Iraqi Prime
             * Minister Ayad Allawi": IRQGOV, not Iraq's IRQOCC of 2003-06), but
             * not one coordinated with it ("Georgian and Abkhaz": GEO, GEOSEP) */
            if (code && (!base || (refines(code, base) && !coordinated(s, m, k)))) base = code;
            continue;
        }
        int prefix;
        const char *code = dict_agent_code(d, m[k].rec, &prefix);
        if (prefix && npre < 4) pre[npre++] = code;
        else if (!prefix && npost < 8) post[npost++] = code;
    }
    if (!base && !npre && !npost) return;
    char buf[96];
    size_t len = 0;
    buf[0] = 0;
    for (int k = 0; k < npre; k++) len = coder_cat(buf, sizeof buf, len, pre[k]);
    size_t base_at = len;
    len = coder_cat(buf, sizeof buf, len, base ? base : "---");
    size_t agents_at = len; /* where the suffix agents begin */
    /* as PETRARCH-2 mixes them: an agent is added unless the code built so
     * far has it already (RUSGOV + President; GBR + defence secretary
     * GOVMIL + king GOV is GBRGOVMIL), and the people (PPL) only alone; a
     * code of a sector only is read whole (a CNN journalist: MED) */
    size_t own = base && !coder_has_country(base) ? 0 : 3;
    /* an international body's officials act as the body: "EU ambassadors",
     * "the UN envoy" are IGOEUREEC, IGOUNO (as "EU leaders" in the dictionary) */
    int igo = base && base[0] == 'I' && !strncmp(base, "IGO", 3);
    for (int k = 0; k < npost; k++) {
        if (npre + npost > 1 && post[k][0] == 'P' && !strcmp(post[k], "PPL")) continue;
        if (igo && !strcmp(post[k], "GOV")) continue;
        if (len <= base_at + own || !strstr(buf + base_at + own, post[k]))
            len = coder_cat(buf, sizeof buf, len, post[k]);
    }
    u->codes[0] = dyad_arena_strdup(s->a, buf);
    u->ncodes = 1;
    u->has_actor = base != NULL;
    u->base = base;
    coordinated_actors(s, u, m, nm, buf + agents_at);
}

/* The code of a chunk from the mentions inside it, less those that only
 * qualify the next one (ally_of_next). */
static void chunk_code(csent *s, unit *u, const mention *all, int nall) {
    mention m[16];
    int nm = 0;
    if (nall > 16) {
        chunk_code_of(s, u, all, nall);
        return;
    }
    for (int k = 0; k < nall; k++)
        if (!ally_of_next(s, all, nall, k)) m[nm++] = all[k];
    chunk_code_of(s, u, m, nm);
}

static int is_pronoun(const ctok *t) { return t->pos == DYAD_POS_PRP && (t->wc & WC_PRON); }

/* Appends u2's codes to u (compound). */
static void add_codes(unit *u, const unit *u2) {
    for (int k = 0; k < u2->ncodes && u->ncodes < MAX_CODES; k++) {
        int dup = 0;
        for (int j = 0; j < u->ncodes; j++) dup |= !strcmp(u->codes[j], u2->codes[k]);
        if (!dup) u->codes[u->ncodes++] = u2->codes[k];
    }
    for (int k = 0; k < u2->ncauses && u->ncauses < 8; k++) u->causes[u->ncauses++] = u2->causes[k];
    u->has_actor |= u2->has_actor;
}

/* Does the phrase of agents a name several ("the governments", "the heads
 * of state"), or is b, the actors they are of, no list joined by "and" or
 * "or" (an apposition: "the president of Cuba, Raul Castro")? Then every
 * actor of b takes the agents; else the first alone ("the Government of
 * Ethiopia and the TPLF" makes no government of the front). */
static int agents_for_all(const csent *s, const unit *a, const unit *b) {
    for (int i = a->start; i < a->end; i++)
        if (s->t[i].pos == DYAD_POS_NNS || s->t[i].pos == DYAD_POS_NNPS) return 1;
    for (int i = b->start; i < b->end; i++)
        if (s->t[i].wc & (WC_AND | WC_OR)) return 0;
    return 1;
}

/* "agents of/from/in ACTOR": the agents' codes go onto the actor's
 * (onto the first only, or every one: agents_for_all). */
static void join_agent_of(csent *s, unit *a, const unit *b) {
    const char *bc = b->codes[0], *ac = a->codes[0]; /* ac = "---AGT" */
    int all = agents_for_all(s, a, b);
    char buf[96];
    coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, bc), has_agent(bc, ac + 3) ? "" : ac + 3);
    a->codes[0] = dyad_arena_strdup(s->a, buf);
    for (int k = 1; k < b->ncodes && a->ncodes < MAX_CODES; k++) {
        coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, b->codes[k]),
                  !all || has_agent(b->codes[k], ac + 3) ? "" : ac + 3);
        a->codes[a->ncodes++] = dyad_arena_strdup(s->a, buf);
    }
    for (int k = 0; k < b->ncauses && a->ncauses < 8; k++) a->causes[a->ncauses++] = b->causes[k];
    a->has_actor = 1;
    a->base = b->base;
    a->end = b->end;
}

static int is_verbish(uint8_t pos) {
    return (pos >= DYAD_POS_VB && pos <= DYAD_POS_VBZ) || pos == DYAD_POS_MD;
}

/* Does unit next go on the list that cur ends? alone: cur is one unit so
 * far, not yet a list. */
static int joins_list(const csent *s, const unit *cur, const unit *next, int alone, int *comma) {
    const ctok *t = s->t;
    int gap = next->start - cur->end;
    int verb_next = next->end < s->n && is_verbish(t[next->end].pos);
    *comma = 0;
    if (gap == 1 && (coder_is_word(s, cur->end, WC_AND | WC_OR))) return 1;
    /* "attacked in the Gulf of X, and Y blamed Z": ", and" before a verb
     * joins two clauses; after a list ("A, B, and C met") it ends the list */
    if (gap == 2 && t[cur->end].pos == DYAD_POS_COMMA &&
        (coder_is_word(s, cur->end + 1, WC_AND | WC_OR)))
        return !(alone && verb_next);
    if (gap == 1 && t[cur->end].pos == DYAD_POS_COMMA) {
        *comma = 1;
        /* "A, B said": B starts a new clause, not a list; but a headline
         * writes "and" as a comma: "Chile, Peru Agree to Resume Talks" */
        return !verb_next || (s->headline && alone && cur->start == 0);
    }
    return 0;
}

/* An agent-only unit coordinated with an actor's ("the Danish media and
 * government") takes that actor: DNKMED, DNKGOV. */
static void lend_actor(csent *s, unit *next, const unit *cur) {
    char buf[96];
    /* (not twice: "President X and other officials" is BLRGOV, not BLRGOVGOV) */
    const char *agents = has_agent(cur->base, next->codes[0] + 3) ? "" : next->codes[0] + 3;
    coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, cur->base), agents);
    next->codes[0] = dyad_arena_strdup(s->a, buf);
    next->base = cur->base;
    next->has_actor = 1;
}

/* Does unit u name a group of its own with a proper-noun modifier that is
 * no agent ("Shia militiamen", "Kurdish fighters")? Then it borrows no
 * country from the unit before it. */
static int own_modifier(const csent *s, const unit *u) {
    for (int i = u->start; i + 1 < u->end; i++) {
        const ctok *t = &s->t[i];
        if ((t->pos == DYAD_POS_NNP || t->pos == DYAD_POS_NNPS) && !(t->ws & (WS_AGENT | WS_AGENT_NEXT)))
            return 1;
    }
    return 0;
}

/* X, Y and Z: coordinated units with actors become one compound unit. */
static void merge_lists(csent *s) {
    unit *u = s->units;
    int n = s->nunits, out = 0;
    for (int i = 0; i < n; i++) {
        int first = i;
        unit *cur = &u[i];
        while (i + 1 < n && cur->has_actor) {
            int comma;
            if (!joins_list(s, cur, &u[i + 1], i == first, &comma)) break;
            /* (not when the agents have an actor of their own: "the Danish
             * media and officials of Sweden") */
            int of_next = i + 2 < n && u[i + 2].start == u[i + 1].end + 1 && u[i + 2].has_actor &&
                          coder_is_word(s, u[i + 1].end, WC_OF | WC_FROM | WC_IN);
            /* (nor between two sides: "fighting between Chilean troops and rebels") */
            int between = u[first].start > 0 && !strcmp(s->t[u[first].start - 1].up, "BETWEEN");
            if (!u[i + 1].has_actor && u[i + 1].ncodes && !comma && cur->base && !u[i + 1].pronoun &&
                !own_modifier(s, &u[i + 1]) && !of_next && !between)
                lend_actor(s, &u[i + 1], cur);
            if (!u[i + 1].has_actor) break;
            add_codes(cur, &u[i + 1]);
            cur->end = u[i + 1].end;
            i++;
        }
        if (out != first) u[out] = *cur;
        out++;
    }
    s->nunits = out;
}

/* "the kidnappers of three Chilean miners": after a noun of those who
 * harm someone, "of" names the victim, not the agents' country. */
static int victim_of(const csent *s, const unit *cur) {
    static const char *const nouns[] = {"KIDNAPPERS", "KIDNAPPER", "CAPTORS", "CAPTOR",   "ABDUCTORS",
                                        "ABDUCTOR",   "KILLERS",   "KILLER",  "MURDERERS", "MURDERER",
                                        "ASSASSINS",  "ASSASSIN",  "ATTACKERS", "ATTACKER"};
    return coder_is_word(s, cur->end, WC_OF) && CODER_WORD_IN(s->t[cur->end - 1].up, nouns);
}

/* Are tokens [a, b) only words that modify the noun phrase after them
 * ("of a sacked governor", "of the banned party"), which the phrase's unit
 * does not hold? */
static int modifiers_only(const csent *s, int a, int b) {
    for (int k = a; k < b; k++) {
        uint8_t p = s->t[k].pos;
        if (p != DYAD_POS_DT && p != DYAD_POS_VBN && p != DYAD_POS_CD && (p < DYAD_POS_JJ || p > DYAD_POS_JJS))
            return 0;
    }
    return 1;
}

/* Is some unit named by agents alone ("---MIL"), which merge_agent_of
 * may join to an actor? Most sentences have none. */
static int any_agents_only(const csent *s) {
    for (int i = 0; i < s->nunits; i++)
        if (s->units[i].ncodes && !s->units[i].has_actor && !s->units[i].pronoun) return 1;
    return 0;
}

/* "agents of/from/in ACTOR": the agents' codes go onto the actor's. */
static void merge_agent_of(csent *s) {
    unit *u = s->units;
    int n = s->nunits, out = 0;
    if (!any_agents_only(s)) return; /* (both joins start at such a unit) */
    for (int i = 0; i < n; i++) {
        int first = i;
        unit *cur = &u[i];
        /* not "its troops from Lebanon": the troops are the possessor's */
        int possessed = s->t[cur->start].pos == DYAD_POS_PRPS;
        /* "the government and people of Senegal": agents coordinated before
         * "of ACTOR" are all the actor's (SENGOV, SENCVL); not two sides
         * ("between troops and the militia of X") */
        if (i + 2 < n && cur->ncodes == 1 && !cur->has_actor && !cur->pronoun && !possessed &&
            u[i + 1].ncodes == 1 && !u[i + 1].has_actor && !u[i + 1].pronoun &&
            u[i + 1].start == cur->end + 1 && coder_is_word(s, cur->end, WC_AND) && u[i + 2].has_actor &&
            u[i + 2].start == u[i + 1].end + 1 && coder_is_word(s, u[i + 1].end, WC_OF) &&
            !(cur->start > 0 && !strcmp(s->t[cur->start - 1].up, "BETWEEN"))) {
            unit second = u[i + 1];
            join_agent_of(s, &second, &u[i + 2]);
            join_agent_of(s, cur, &u[i + 2]);
            add_codes(cur, &second);
            cur->end = second.end;
            i += 2;
        } else if (i + 1 < n && cur->ncodes && !cur->has_actor && !cur->pronoun && !possessed &&
            u[i + 1].has_actor && u[i + 1].start > cur->end && modifiers_only(s, cur->end + 1, u[i + 1].start) &&
            (coder_is_word(s, cur->end, WC_OF | WC_FROM | WC_IN) || !strcmp(s->t[cur->end].up, "FOR"))) {
            /* the victim is neither the agents' country nor a party */
            if (victim_of(s, cur)) cur->end = u[i + 1].end;
            else join_agent_of(s, cur, &u[i + 1]);
            i++;
        }
        if (out != first) u[out] = *cur;
        out++;
    }
    s->nunits = out;
}

static void merge_units(csent *s) {
    merge_lists(s);
    merge_agent_of(s);
    merge_lists(s);
}

/* Counts the words of tokens [a, b) that name something (not "'s" or
 * punctuation); sets *proper when one is a proper noun. */
static int name_words(const csent *s, int a, int b, int *proper) {
    int n = 0;
    for (int i = a; i < b; i++) {
        uint8_t p = s->t[i].pos;
        if (p == DYAD_POS_POS || p == DYAD_POS_COMMA || p == DYAD_POS_PERIOD) continue;
        *proper |= p == DYAD_POS_NNP || p == DYAD_POS_NNPS;
        n++;
    }
    return n;
}

/* PETRARCH's new_actor_length: a proper-noun phrase the dictionaries do not
 * know, of at most that many words ("the Ministry of Magic"), becomes an
 * actor whose code is its own text in quotes. "X of Y" is one phrase. */
static void new_actor(csent *s, unit *u, int *next) {
    int proper = 0, end = u->end;
    int n = name_words(s, u->start, end, &proper);
    if (end + 1 < s->n && (s->t[end].wc & WC_OF) && s->t[end + 1].unit < 0) {
        int j = end + 1;
        while (j < s->n && (s->t[j].pos == DYAD_POS_NNP || s->t[j].pos == DYAD_POS_NNPS)) j++;
        if (j > end + 1) {
            n = name_words(s, u->start, j, &proper) + 0;
            end = j;
        }
    }
    /* the tail of a longer phrase ("... Ministry of Magic") is no name of its own */
    if (u->start > 0 && (s->t[u->start - 1].wc & WC_OF)) return;
    if (!proper || n > s->c->opt.new_actor_length) return;
    char buf[256];
    size_t len = 0;
    buf[len++] = '"';
    for (int i = u->start; i < end; i++) {
        if (s->t[i].pos == DYAD_POS_POS) continue;
        if (len > 1) len = coder_cat(buf, sizeof buf - 1, len, " ");
        len = coder_cat(buf, sizeof buf - 1, len, s->t[i].up);
    }
    buf[len++] = '"';
    buf[len] = 0;
    u->end = end;
    *next = end;
    u->codes[0] = dyad_arena_strdup(s->a, buf);
    u->ncodes = 1;
    u->has_actor = 1;
    u->base = u->codes[0];
}

/* "the Peruvian border", "Indonesia's tourist island", "a Saudi shopping
 * center": a phrase whose head noun names a place or a building, and whose
 * actor is only a modifier, names where something happened. A place does
 * nothing, so it is never a source; it may still be a target, as PETRARCH
 * codes "shelled the Bosnian town" (BIH). A name that ends in such a word
 * ("the Gaza Strip") is an actor as usual. */
static int place_head(const csent *s, const unit *u, const mention *m, int nm) {
    int end = u->end; /* "the Afghan border yesterday": the head before a day word */
    while (end - 1 > u->start && (s->t[end - 1].wc & WC_TIME)) end--;
    if (!(s->t[end - 1].wc & WC_PLACE)) return 0;
    for (int k = 0; k < nm; k++)
        if (m[k].end == end && !m[k].is_agent) return 0;
    return 1;
}

/* Nouns of a thing that happened or is planned: a proper name right before
 * them only says which one ("the Lima bombings", "the Chaco war"). */
static int is_thing_noun(const char *w) {
    static const char *const nouns[] = {
        "WAR",       "WARS",     "BOMBING",   "BOMBINGS", "BLAST",     "BLASTS",   "EXPLOSION",
        "EXPLOSIONS", "ATTACK",  "ATTACKS",   "AIRSTRIKE", "AIRSTRIKES", "RAID",   "RAIDS",
        "OFFENSIVE", "INVASION", "CONFLICT",  "CRISIS",   "VIOLENCE",  "FIGHTING", "SIEGE",
        "BID",       "PLAN",     "PLANS",     "DEAL",     "ISSUE",     "PLOT",     "SCANDAL",
        "MASSACRE",  "KILLING",  "KILLINGS"};
    return CODER_WORD_IN(w, nouns);
}

/* Nouns of what is written or said about something: a place's name right
 * before them says what it is about ("the Gaza resolution", "Iraq warning
 * claims"), while a body's says who wrote it ("a UN Security Council
 * resolution"). */
static int is_record_noun(const char *w) {
    static const char *const nouns[] = {"RESOLUTION", "RESOLUTIONS", "CLAIM",    "CLAIMS",  "WARNING",
                                        "WARNINGS",   "ALLEGATIONS", "REPORT",   "REPORTS", "PROPOSAL",
                                        "DISPUTE",    "ROW",         "ELECTION", "ELECTIONS"};
    return CODER_WORD_IN(w, nouns);
}

/* Nouns of things that end in none of a nominalization's suffixes
 * (thing_suffix) nor are among is_thing_noun's and is_record_noun's. */
static int is_affair_noun(const char *w) {
    static const char *const nouns[] = {"PULLOUT", "CRACKDOWN", "BLOCKADE", "THREAT", "THREATS", "SUPPORT", "AID",
                                        "LIVES", "EVENT", "EVENTS", "MOVE", "MOVES", "DEMANDS", "SANCTIONS",
                                        "CALL", "CALLS"};
    return CODER_WORD_IN(w, nouns);
}

/* Does w end as a noun made of a verb or an adjective does: "-tion",
 * "-sion", "-ment", "-ance", "-ence", "-ism" and "-ity" (not "-ority":
 * "authority", "minority" name people), with their plurals? */
static int thing_suffix(const char *w) {
    size_t n = strlen(w);
    if (n > 5 && w[n - 1] == 'S' && w[n - 2] != 'S') n--; /* a plural */
    if (n < 6) return 0;
    const char *e = w + n - 4;
    if (!strncmp(e, "TION", 4) || !strncmp(e, "SION", 4) || !strncmp(e, "MENT", 4) || !strncmp(e, "ANCE", 4) ||
        !strncmp(e, "ENCE", 4))
        return 1;
    if (!strncmp(e + 1, "ISM", 3)) return 1;
    return !strncmp(e + 1, "ITY", 3) && strncmp(e - 1, "ORITY", 5);
}

/* Is token h a common noun in no actor or agent phrase? */
static int plain_noun(const ctok *h) {
    return (h->pos == DYAD_POS_NN || h->pos == DYAD_POS_NNS) &&
           !(h->ws & (WS_AGENT | WS_AGENT_NEXT | WS_ACTOR | WS_ACTOR_NEXT | WS_PLURAL));
}

int coder_thing_token(const ctok *h) {
    if (!plain_noun(h) || (h->wc & WC_PLACE)) return 0;
    return is_thing_noun(h->up) || is_affair_noun(h->up) || thing_suffix(h->up);
}

int coder_thing_unit(const csent *s, const unit *u) {
    if (u->pronoun || u->pair || u->host || u->place || u->from_sentence >= 0) return 0;
    int end = u->end;
    for (int i = u->start + 1; i < u->end; i++) /* "the blockade of the capital": BLOCKADE */
        if (s->t[i].wc & WC_OF) {
            end = i;
            break;
        }
    while (end - 1 > u->start && (s->t[end - 1].wc & WC_TIME)) end--;
    for (int i = u->start; i < end; i++)
        if (s->t[i].pos == DYAD_POS_POS) return 0;
    const ctok *h = &s->t[end - 1];
    /* a body's resolution or report speaks for it (names_thing); a
     * country's election or claims are what happened there */
    if (is_record_noun(h->up))
        return u->ncodes == 1 && strlen(u->codes[0]) == 3 && plain_noun(h);
    return coder_thing_token(h);
}

/* Is mention m one abbreviated name ("US", "U.N.", "EU")? Written before a
 * noun it stands for the adjective of its actor: "the US war" is waged by
 * the United States, while "the Iraq war" and "the Lima bombings" only say
 * where. */
static int abbreviated(const csent *s, const mention *m) {
    if (m->end != m->start + 1) return 0;
    const char *w = s->t[m->start].up;
    size_t n = strlen(w);
    return n == 2 || (n >= 4 && w[1] == '.' && w[n - 1] == '.');
}

/* "the Chaco war", "Lima bombings", "a Lima rocket attack", "the Bolivia
 * plan", "the Iraq situation", "a Gaza referendum call": the proper name of
 * an actor before common nouns that end in a noun of a thing that happened
 * or is planned (coder_thing_token's too) names no actor: the
 * phrase is neither source nor target. A country adjective ("Bolivian
 * attacks"), an abbreviated name ("the US war"), a possessive ("Peru's
 * bid") and an agent ("US envoy") keep their actor. */
static int names_thing(const csent *s, const unit *u, const mention *m, int nm) {
    if (!nm || m[nm - 1].is_agent) return 0;
    int end = u->end, a = m[nm - 1].end;
    while (end - 1 > a && (s->t[end - 1].wc & WC_TIME)) end--;
    if (a >= end || s->t[a - 1].pos != DYAD_POS_NNP || abbreviated(s, &m[nm - 1])) return 0;
    const char *head = s->t[end - 1].up;
    if (!is_thing_noun(head) && !coder_thing_token(&s->t[end - 1]) &&
        !(u->ncodes == 1 && strlen(u->codes[0]) == 3 && is_record_noun(head)))
        return 0;
    /* "Hamas attacks", "Houthi missile attacks", "the Kremlin plan": an
     * organization's name (a country's code with a sector after it, or an
     * international body's or armed group's: "Islamic State positions"; not
     * a bare country, nor a place's code such as Phoenix's IRQOCC or PSEGZA)
     * says who did or plans it */
    int organization = 1;
    for (int c = 0; c < u->ncodes; c++) {
        const char *code = u->codes[c];
        organization &= strlen(code) > 3 && (cameo_is_sector_code(code + 3) || !strncmp(code, "IGO", 3) ||
                                             !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3));
    }
    if (organization) return 0;
    for (int i = a; i < end; i++)
        if (s->t[i].pos != DYAD_POS_NN && s->t[i].pos != DYAD_POS_NNS) return 0;
    return 1;
}

/* "a key U.S. ally", "Washington's allies": an actor's ally is someone
 * else, whom the phrase does not name; a country adjective ("French
 * allies") says who the allies are, and an alliance's allies ("NATO
 * allies") are its members. */
static int ally_of(const csent *s, const unit *u, const mention *m, int nm) {
    const char *h = s->t[u->end - 1].up;
    if (!nm || m[nm - 1].is_agent || h[0] != 'A' || (strcmp(h, "ALLY") && strcmp(h, "ALLIES"))) return 0;
    int a = m[nm - 1].end;
    if (a >= u->end || (u->ncodes && !strncmp(u->codes[0], "IGO", 3))) return 0;
    return s->t[a].pos == DYAD_POS_POS || s->t[a - 1].pos == DYAD_POS_NNP || abbreviated(s, &m[nm - 1]);
}

/* "Sudan vows to restore order (AFP)", "Chile protests to Peru (Canadian
 * Press)": a name alone in brackets that ends the sentence, or one the
 * dictionary knows with no country (a news agency, MED), is an aside, the
 * credit of the story or a gloss, not a party to any of its acts. An
 * abbreviation in brackets inside a name stays in that name. */
static int bracket_credit(const csent *s, const unit *u) {
    if (u->start == 0 || u->end >= s->n || s->t[u->start - 1].pos != DYAD_POS_LRB ||
        s->t[u->end].pos != DYAD_POS_RRB)
        return 0;
    int last = u->end + 1;
    while (last < s->n && (s->t[last].pos == DYAD_POS_PERIOD || s->t[last].pos == DYAD_POS_RRB)) last++;
    if (last >= s->n) return 1;
    for (int c = 0; c < u->ncodes; c++)
        if (!cameo_is_sector_code(u->codes[c])) return 0;
    return 1;
}

/* Words that introduce a clause when a subject and verb follow: "since
 * Putin appears", "that Gondor and Osgiliath have". */
static int is_subordinator(const ctok *t) { return (t->wc & WC_SUBORD) != 0; }

/* Does the preposition at token p only say how many ("up to 100 Albanians",
 * "more than 50 soldiers", "about 300 people")? Then the unit after it is
 * no prepositional phrase: it may be a subject. */
static int quantifier(const csent *s, int p) {
    if (p + 1 >= s->n || s->t[p + 1].pos != DYAD_POS_CD) return 0;
    const char *w = s->t[p].up, *b = p > 0 ? s->t[p - 1].up : "";
    if (!strcmp(w, "ABOUT") || !strcmp(w, "AROUND") || !strcmp(w, "OVER") || !strcmp(w, "UNDER"))
        return 1;
    if (!strcmp(w, "TO")) return !strcmp(b, "UP");
    if (!strcmp(w, "THAN")) return !strcmp(b, "MORE") || !strcmp(b, "FEWER") || !strcmp(b, "LESS");
    if (!strcmp(w, "AS")) return !strcmp(b, "MANY") || !strcmp(b, "MUCH");
    return 0;
}

/* Does a new noun phrase start at token i (inside a run of nominal
 * tokens)? A determiner starts one, and so does an adjective after a noun
 * ("after his victory Iranian President Rouhani"). */
static int starts_new_np(const csent *s, int i) {
    uint8_t p = s->t[i].pos, q = s->t[i - 1].pos;
    if ((p == DYAD_POS_DT || p == DYAD_POS_PRPS || p == DYAD_POS_PDT) && q != DYAD_POS_PDT) return 1;
    return p >= DYAD_POS_JJ && p <= DYAD_POS_JJS && q >= DYAD_POS_NN && q <= DYAD_POS_NNPS;
}

/* "a United Nations call to": an article before a plural name belongs to
 * the noun after the name, which the name only modifies. */
static int article_before_plural_name(const csent *s, const mention *m) {
    if (m->start < 1 || s->t[m->end - 1].pos != DYAD_POS_NNPS) return 0;
    const char *w = s->t[m->start - 1].up;
    return w[0] == 'A' && (!w[1] || (w[1] == 'N' && !w[2]));
}

/* A known verb form that the tagger took for a noun or adjective, standing
 * between an actor (or pronoun) and what looks like its object, is a verb:
 * "Putin calls Rouhani", "Arnor and Gondor welcome a resumption". */
static void rescue_verbs(csent *s, const mention *m, int nm) {
    int k = 0;
    for (int i = 1; i + 1 < s->n; i++) {
        /* the token's own bits first: few tokens are a verb form at all */
        ctok *t = &s->t[i];
        if (!(t->ws & WS_VERB)) continue;
        if (t->pos != DYAD_POS_NN && t->pos != DYAD_POS_NNS && t->pos != DYAD_POS_JJ &&
            t->pos != DYAD_POS_NNP)
            continue;
        while (k < nm && m[k].end <= i) k++; /* the first mention not before i */
        if (k < nm && m[k].start <= i) continue; /* inside a phrase */
        int after_actor = (k > 0 && m[k - 1].end == i && !m[k - 1].is_agent &&
                           !article_before_plural_name(s, &m[k - 1])) ||
                          is_pronoun(&s->t[i - 1]);
        uint8_t np = s->t[i + 1].pos;
        int before_object = np == DYAD_POS_DT || np == DYAD_POS_PRPS || np == DYAD_POS_IN ||
                            np == DYAD_POS_TO || np == DYAD_POS_JJ || (k < nm && m[k].start == i + 1);
        /* after a list of actors ("Egypt and Bahrain cut ties"), a bare noun
         * object is enough: a list is a subject far more often than a
         * modifier */
        if (!before_object && after_actor && (np == DYAD_POS_NN || np == DYAD_POS_NNS) &&
            m[k - 1].start > 0 && (s->t[m[k - 1].start - 1].wc & WC_AND))
            before_object = 1;
        if (!after_actor || !before_object) continue;
        size_t n = strlen(t->up);
        t->pos = n > 2 && !strcmp(t->up + n - 2, "ED") ? DYAD_POS_VBD
               : t->up[n - 1] == 'S' ? DYAD_POS_VBZ : DYAD_POS_VBP;
    }
}

/* "struck Houthi targets in Yemen": a plural noun the tagger took for a
 * verb (VBZ), right after a name that is itself the object of a verb other
 * than one of saying, and with no object of its own, heads that object's
 * noun phrase. ("said Ukraine attacks civilians" keeps its verb.) */
static void object_nouns(csent *s) {
    for (int i = 2; i + 1 < s->n; i++) {
        ctok *t = &s->t[i];
        if (t->pos != DYAD_POS_VBZ) continue; /* (its tag first: few tokens are one) */
        size_t n = strlen(t->up);
        if (t->up[n - 1] != 'S') continue;
        uint8_t np = s->t[i + 1].pos;
        if (np != DYAD_POS_IN && np != DYAD_POS_PERIOD && np != DYAD_POS_COMMA) continue;
        int j = i - 1;
        while (j > 0 && (s->t[j].pos == DYAD_POS_NNP || s->t[j].pos == DYAD_POS_NNPS ||
                         s->t[j].pos == DYAD_POS_JJ))
            j--;
        uint8_t vp = s->t[j].pos;
        if (j == i - 1 || (s->t[j].wc & WC_SAY) ||
            (vp != DYAD_POS_VBD && vp != DYAD_POS_VB && vp != DYAD_POS_VBN && vp != DYAD_POS_VBG))
            continue;
        t->pos = DYAD_POS_NNS;
    }
}

/* The actor a role stands for by its title: of the actors named earlier
 * with a title holding the role's head word ("the foreign minister" after
 * "Blinken spoke with French Foreign Minister Colonna": FRAGOV; "the
 * Secretary-General" after "UN Secretary-General Antonio Guterres":
 * IGOUNO), the latest subject if it is one, else the latest named; NULL if
 * none. */
static int title_has(const titled *e, uint32_t id) {
    for (int j = 0; j < e->nids; j++)
        if (e->ids[j] == id) return 1;
    return 0;
}

/* Does title e hold every word of role u that the dictionary knows but
 * "the" ("the Foreign Secretary": FOREIGN and SECRETARY)? */
static int title_has_all(const csent *s, const unit *u, const titled *e) {
    for (int i = u->start; i < u->end; i++)
        if (s->t[i].id && s->t[i].pos != DYAD_POS_DT && !title_has(e, s->t[i].id)) return 0;
    return 1;
}

/* An actor holding every word of the role ("the Foreign Secretary" is
 * the foreign secretary named earlier, not the Secretary of State) comes
 * before one holding only its head word. */
static const char *titled_actor(const csent *s, const unit *u) {
    const docmem *m = s->mem;
    uint32_t head = s->t[u->end - 1].id;
    const char *latest = NULL, *latest_all = NULL;
    if (!head) return NULL;
    for (int k = m->ntitles - 1; k >= 0 && k >= m->ntitles - TITLES; k--) {
        const titled *e = &m->titles[k % TITLES];
        if (!title_has(e, head)) continue;
        int all = title_has_all(s, u, e);
        /* the latest subject first, also when a later sentence named it by
         * its role ("The Secretary praised X. The Secretary and the Foreign
         * Secretary ...") */
        if (all && ((e->subject && e->sentence == m->sentence) ||
                    (m->sentence >= 0 && m->subject.ncodes == 1 && !strcmp(e->code, m->subject.codes[0]))))
            return e->code;
        if (all && !latest_all) latest_all = e->code;
        if (!latest) latest = e->code;
    }
    return latest_all ? latest_all : latest;
}

/* "Mudavadi said ..." after "Kenyan Foreign Minister Musalia Mudavadi":
 * a phrase that ends in a proper name the dictionary does not know, whose
 * unknown names an earlier actor named with a title all had, stands for
 * that actor
 * ("Foreign Minister Park" after "Republic of Korea Foreign Minister Park
 * Jin": KORGOV). */
static void name_reference(csent *s, unit *u) {
    const docmem *m = s->mem;
    const ctok *head = &s->t[u->end - 1];
    /* a known word names no one alone unless it is a name of a titled
     * actor's: "Hamada" after "Defense Minister Yasukazu Hamada", whose
     * whole name the dictionary knows */
    if ((head->id && u->ncodes) || head->pos != DYAD_POS_NNP || u->ncodes > 1 ||
        (u->ncodes && strncmp(u->codes[0], "---", 3)))
        return;
    for (int k = m->ntitles - 1; k >= 0 && k >= m->ntitles - TITLES; k--) {
        const titled *e = &m->titles[k % TITLES];
        /* every proper name of the phrase is one of the actor's ("Paul
         * Bigley" is not "Ken Bigley") */
        int all = 1;
        for (int i = u->start; i < u->end && all; i++) {
            const char *w = s->t[i].up;
            uint32_t id = s->t[i].id;
            if (!id && s->t[i].pos == DYAD_POS_NNP)
                all = !strcmp(e->names[0], w) || !strcmp(e->names[1], w);
            else if (id && s->t[i].pos == DYAD_POS_NNP) { /* and its other names too */
                all = 0;
                for (int j = 0; j < e->nids && !all; j++) all = e->ids[j] == id;
            }
        }
        if (all) {
            u->codes[0] = e->code;
            u->ncodes = 1;
            u->ncauses = 0;
            u->has_actor = 1;
            u->from_sentence = (int16_t)e->sentence;
            return;
        }
    }
}

/* "The Secretary and Foreign Secretary discussed ...": the "the" of a role
 * before "and" serves the role after it too. Is unit u (not yet counted)
 * such a second role? */
static int shared_the(const csent *s, const unit *u) {
    if (!s->nunits || u->start < 2 || !(s->t[u->start - 1].wc & WC_AND)) return 0;
    const unit *p = &s->units[s->nunits - 1];
    return p->end == u->start - 1 && p->has_actor && !strcmp(s->t[p->start].up, "THE");
}

/* "The minister said ...": a role named with "the", in the singular and
 * without a country, stands for the actor named earlier with that title
 * (titled_actor), else for the document's latest subject when that actor
 * holds the role (---GOV -> RUSGOV after "Russian Foreign Minister Lavrov
 * ..."). */
static void role_reference(csent *s, unit *u) {
    const unit *m = &s->mem->subject;
    if (u->ncodes != 1 || strncmp(u->codes[0], "---", 3) || !u->codes[0][3] ||
        (strcmp(s->t[u->start].up, "THE") && !shared_the(s, u)))
        return;
    /* "the two leaders" are several: not the one latest subject; "the
     * Ortega regime" names its own (unknown) holder */
    for (int i = u->start; i < u->end; i++)
        if (s->t[i].pos == DYAD_POS_CD || s->t[i].pos == DYAD_POS_NNS || s->t[i].pos == DYAD_POS_NNPS)
            return;
    if (own_modifier(s, u)) return;
    const char *party = titled_actor(s, u);
    if (party) {
        u->codes[0] = party;
        u->ncauses = 0;
        u->has_actor = 1;
        return;
    }
    if (s->mem->sentence < 0 || m->ncodes != 1 || !strstr(m->codes[0] + 3, u->codes[0] + 3)) return;
    u->codes[0] = m->codes[0];
    u->ncauses = m->ncauses;
    memcpy(u->causes, m->causes, sizeof u->causes);
    u->has_actor = 1;
    u->from_sentence = (int16_t)s->mem->sentence;
}

/* Plural nouns that "the two" or "both" make the two parties of the
 * document's latest event between two countries. */

/* "The two ministers agreed ...", "both sides condemned ...": a phrase of
 * "the two" or "both" and a plural party noun, naming no actor of its own,
 * stands for the source and the target of the document's latest event
 * between two countries (RUSGOV and TURGOV after "Lavrov held talks with
 * his Turkish counterpart"). */
/* Is actor code c one of the parties of the latest meeting of three or more? */
static int in_group(const docmem *m, const char *c) {
    for (int k = 0; k < m->ngroup; k++)
        if (!strcmp(m->group[k], c)) return 1;
    return 0;
}

/* Is the remembered subject the group of the latest meeting, or some of
 * it ("They pledged aid ..." after "X, Y and Z met")? */
static int subject_is_group(const docmem *m) {
    if (!m->ngroup || m->subject.ncodes < 2) return 0;
    for (int k = 0; k < m->subject.ncodes; k++)
        if (!in_group(m, m->subject.codes[k])) return 0;
    return 1;
}

/* Is the remembered subject one party of the latest event between two
 * countries ("X met Y. X noted ... The ministers agreed ...": no one else
 * came between)? */
static int subject_in_pair(const docmem *m) {
    return m->subject.ncodes == 1 && m->pair_sentence >= 0 &&
           (!strcmp(m->subject.codes[0], m->pair[0]) || !strcmp(m->subject.codes[0], m->pair[1]));
}

static void pair_reference(csent *s, unit *u) {
    const docmem *m = s->mem;
    int i = u->start, n = u->end - u->start;
    if (m->pair_sentence < 0 || n < 2 || n > 4) return;
    const ctok *head = &s->t[u->end - 1];
    int party = head->pos == DYAD_POS_NNS && coder_party_noun(head->up);
    if (!strcmp(s->t[i].up, "THE") && n == 2 && u->start == 0 &&
        (m->pair_sentence >= m->sentence || subject_is_group(m) || subject_in_pair(m))) {
        /* heading a sentence, after an event no later subject but its
         * parties came between: "The two discussed ...", "The leaders also
         * stressed ..."
         * (not "The officials ...", who may be any officials) */
        static const char *const heads[] = {"TWO", "SIDES", "LEADERS", "PRESIDENTS", "PREMIERS",
                                            "COUNTERPARTS", "MINISTERS", "PARTIES"};
        if (!CODER_WORD_IN(head->up, heads)) return;
        /* after a meeting of three or more: all of them ("The leaders also
         * discussed ..."), but "The two" are two */
        if (m->ngroup && strcmp(head->up, "TWO")) {
            u->ncodes = m->ngroup;
            memcpy(u->codes, m->group, sizeof *m->group * (size_t)m->ngroup);
            u->ncauses = 0;
            u->has_actor = 1;
            u->pair = 1;
            u->from_sentence = (int16_t)m->pair_sentence;
            return;
        }
    } else {
        if (!strcmp(s->t[i].up, "THE") && !strcmp(s->t[i + 1].up, "TWO")) i += 2;
        else if (!strcmp(s->t[i].up, "BOTH")) i += 1;
        else return;
        if (i >= u->end || !party) return;
    }
    /* people ("the two presidents") are the parties of the latest event
     * between two actors with a sector, if any */
    static const char *const persons[] = {"LEADERS", "MINISTERS", "PRESIDENTS", "PREMIERS", "COUNTERPARTS",
                                          "DIPLOMATS", "OFFICIALS", "CHIEFS", "ENVOYS", "SECRETARIES",
                                          "NEGOTIATORS", "MEN"};
    int people = m->people_sentence >= 0 && CODER_WORD_IN(head->up, persons);
    u->ncodes = 2;
    u->codes[0] = people ? m->people[0] : m->pair[0];
    u->codes[1] = people ? m->people[1] : m->pair[1];
    u->ncauses = 0;
    u->has_actor = 1;
    u->pair = 1;
    u->from_sentence = (int16_t)(people ? m->people_sentence : m->pair_sentence);
}

/* "The host", "his hosts", "their host": a phrase of a determiner or a
 * possessive and HOST(S), naming no actor, stands for the host of the
 * document's latest visit (TURGOV after "Putin visited Turkey's
 * president"). */
static void host_reference(csent *s, unit *u) {
    const docmem *m = s->mem;
    if (m->host_sentence < 0 || u->end - u->start != 2) return;
    const ctok *det = &s->t[u->start], *head = &s->t[u->start + 1];
    if (det->pos != DYAD_POS_DT && det->pos != DYAD_POS_PRPS) return;
    if (strcmp(head->up, "HOST") && strcmp(head->up, "HOSTS")) return;
    u->ncodes = 1;
    u->codes[0] = m->host;
    u->ncauses = 0;
    u->has_actor = 1;
    u->host = 1;
    u->from_sentence = (int16_t)m->host_sentence;
}

/* Whether a proper name the dictionary does not know owns the unit's
 * sector: "Carlos Mendoza's special envoy", "Acme's chairman". */
static int owned_by_name(const csent *s, const unit *u) {
    for (int i = u->start + 1; i < u->end; i++)
        if (s->t[i].pos == DYAD_POS_POS && s->t[i - 1].pos == DYAD_POS_NNP) return 1;
    return 0;
}

/* An armed group or the police: REB, INS, UAF, COP. */
static int armed_sector(const char *sec) {
    return !strncmp(sec, "REB", 3) || !strncmp(sec, "INS", 3) || !strncmp(sec, "UAF", 3) ||
           !strncmp(sec, "COP", 3);
}

/* "Police fired ..." under a "NAIROBI, Kenya -" dateline: a unit named
 * only by its sector (---COP) acts in the dateline's country (KENCOP);
 * with no dateline, an armed group or the police act in the title's
 * (coder.c title_place), other sectors stay without a country,
 * unless a name the dictionary does not know owns it: "LIMA - Carlos
 * Mendoza's special envoy" is no Peruvian official, nor a phrase that
 * ends in a noun of a thing that happened. */
static void dateline_actor(csent *s, unit *u) {
    /* "missile and drone attacks": a thing that happened, no actor of the place */
    if (owned_by_name(s, u) || is_thing_noun(s->t[u->end - 1].up)) return;
    for (int k = 0; k < u->ncodes; k++) {
        if (strncmp(u->codes[k], "---", 3)) return;
        if (s->title_place && !armed_sector(u->codes[k] + 3)) return;
        char buf[96];
        coder_cat(buf, sizeof buf, coder_cat(buf, sizeof buf, 0, s->place), u->codes[k] + 3);
        u->codes[k] = dyad_arena_strdup(s->a, buf);
    }
    u->base = s->place;
    u->has_actor = u->ncodes > 0;
    u->dateline = s->title_place ? 2 : 1;
}

/* "Afghans", "Iraqis": a plural in -s that starts no phrase of its own but
 * whose singular is a whole one-word actor phrase (a people's adjective,
 * AFGHAN_, IRAQI_; WS_PLURAL, coder.c plural_of_actor) names that actor:
 * the dictionaries of PETRARCH-2 give plurals to agents only. A noun the
 * tagger does not know is a proper noun ("Marsovians"). Returns the
 * phrase value, 0 if none. */
static uint32_t plural_actor(const csent *s, int i) {
    uint32_t sid = s->t[i].sid, v = 0;
    const char *w = dict_word_text(s->c->dict, sid), *up = s->t[i].up;
    size_t n = strlen(w);
    if (s->t[i].pos == DYAD_POS_VBZ || strncmp(w, up, n) || strcmp(up + n, "S")) return 0;
    dtrie_step(s->c->actors, 0, sid, &v);
    return v;
}

/* Can a phrase [start, end) with no actor or agent word get a code? Only
 * as a new actor (new_actor), or as one standing for an earlier actor:
 * name_reference needs a proper noun at its head, pair_reference two to
 * four words, host_reference two. Most such phrases ("the talks",
 * "Tuesday") are passed over without a unit being made for them. */
static int may_stand_for(const csent *s, int start, int end) {
    if (s->c->opt.new_actor_length > 0) return 1;
    const docmem *m = s->mem;
    int n = end - start;
    return m && ((m->ntitles && s->t[end - 1].pos == DYAD_POS_NNP) ||
                 (m->pair_sentence >= 0 && n >= 2 && n <= 4) || (m->host_sentence >= 0 && n == 2));
}

int coder_find_units(csent *s) {
    for (int i = 0; i < s->n; i++) {
        s->t[i].unit = -1;
        s->t[i].group = -1;
    }
    mention *m = dyad_arena_alloc_uninit(s->a, sizeof *m * (size_t)(s->n + 1));
    s->units = dyad_arena_alloc_uninit(s->a, sizeof *s->units * (size_t)(s->n + 1));
    if (!m || !s->units) return -1;
    int nm = 0;
    for (int i = 0; i < s->n;) {
        uint32_t av = 0, gv = 0;
        uint16_t st = s->t[i].ws;
        if (!(st & (WS_ACTOR | WS_AGENT | WS_PLURAL))) {
            i++;
            continue;
        }
        int ae = st & WS_ACTOR ? longest(s, s->c->actors, WS_ACTOR_NEXT, i, &av) : i;
        int ge = st & WS_AGENT ? longest(s, s->c->agents, WS_AGENT_NEXT, i, &gv) : i;
        /* "attacked us": a pronoun (the tagger saw it in lower case) is no
         * abbreviation the dictionary spells the same (US_, the United
         * States: PETRARCH-2 reads upper-cased text and cannot tell) */
        if (ae == i + 1 && s->t[i].pos == DYAD_POS_PRP) ae = i;
        if (ae == i && ge == i) {
            if ((st & WS_PLURAL) && (av = plural_actor(s, i)) != 0) m[nm++] = (mention){i, i + 1, 0, av - 1};
            i++;
            continue;
        }
        if (ae >= ge) m[nm++] = (mention){i, ae, 0, av - 1};
        else m[nm++] = (mention){i, ge, 1, gv - 1};
        i = ae >= ge ? ae : ge;
    }
    rescue_verbs(s, m, nm);
    object_nouns(s);
    /* chunks */
    s->nunits = 0;
    int k = 0;
    for (int i = 0; i < s->n;) {
        int in_mention = k < nm && m[k].start == i;
        if (!in_mention && is_pronoun(&s->t[i])) {
            unit *u = &s->units[s->nunits++];
            memset(u, 0, sizeof *u);
            u->start = i;
            u->end = i + 1;
            u->pronoun = 1;
            u->from_sentence = -1;
            i++;
            continue;
        }
        if (!in_mention && !is_nominal(s->t[i].pos)) {
            i++;
            continue;
        }
        int start = i, k0 = k;
        while (i < s->n) {
            /* an agent word tagged as an adjective ("the Myanmar military")
             * belongs to the phrase before it */
            int agent_here = k < nm && m[k].start == i && m[k].is_agent &&
                             s->t[i].pos >= DYAD_POS_JJ && s->t[i].pos <= DYAD_POS_JJS;
            if (i > start && !agent_here && starts_new_np(s, i)) break;
            if (k < nm && m[k].start == i) {
                i = m[k++].end;
                continue;
            }
            /* "awful and evil minister": coordinated adjectives stay inside */
            int adjectives = i > start && s->t[i - 1].pos >= DYAD_POS_JJ && s->t[i - 1].pos <= DYAD_POS_JJS;
            /* "Freedonian and Sylvanian troops": two actors before one noun */
            int actors = i > start && k > 0 && m[k - 1].end == i && !m[k - 1].is_agent && k < nm &&
                         m[k].start == i + 1 && !m[k].is_agent && m[k].end < s->n &&
                         (s->t[m[k].end].pos == DYAD_POS_NNS || s->t[m[k].end].pos == DYAD_POS_NN);
            if (s->t[i].pos == DYAD_POS_CC && i + 1 < s->n && (adjectives || actors) &&
                is_nominal(s->t[i + 1].pos) && s->t[i + 1].pos != DYAD_POS_DT) {
                i++;
                continue;
            }
            if (!is_nominal(s->t[i].pos) || is_pronoun(&s->t[i])) {
                /* "Republic of Korea (ROK) Foreign Minister Park": an
                 * abbreviation in brackets inside a name */
                if (i > start && s->t[i].pos == DYAD_POS_LRB && i + 3 < s->n &&
                    s->t[i + 1].pos == DYAD_POS_NNP && s->t[i + 2].pos == DYAD_POS_RRB &&
                    (s->t[i + 3].ws & (WS_AGENT | WS_ACTOR))) {
                    if (k < nm && m[k].start == i + 1 && m[k].end == i + 2) k++;
                    i += 3;
                    continue;
                }
                break;
            }
            i++;
        }
        if (k == k0 && !may_stand_for(s, start, i)) continue; /* no code: the unit is not kept */
        unit *u = &s->units[s->nunits];
        memset(u, 0, sizeof *u);
        u->from_sentence = -1;
        u->start = start;
        u->end = i;
        if (k > k0) chunk_code(s, u, m + k0, k - k0); /* no mention: no code */
        u->place = u->ncodes && place_head(s, u, m + k0, k - k0);
        if (u->ncodes && !u->place && (names_thing(s, u, m + k0, k - k0) || ally_of(s, u, m + k0, k - k0)))
            u->ncodes = 0;
        if (u->ncodes && bracket_credit(s, u)) u->ncodes = 0;
        if (!u->has_actor && s->mem && s->mem->ntitles) name_reference(s, u);
        if (!u->ncodes && s->c->opt.new_actor_length > 0) new_actor(s, u, &i);
        if (!u->has_actor && s->mem) pair_reference(s, u);
        if (!u->has_actor && s->mem) host_reference(s, u);
        /* before lists are merged, so that "the secretary and the foreign
         * minister" names both parties; "the minister of X" is X's */
        if (!u->has_actor && u->ncodes && s->mem && !coder_is_word(s, u->end, WC_OF | WC_FROM | WC_IN))
            role_reference(s, u);
        if (u->ncodes) s->nunits++;
    }
    merge_units(s);
    for (int x = 0; x < s->nunits; x++) {
        unit *u = &s->units[x];
        /* (the others were tried before the lists were merged) */
        if (!u->has_actor && !u->pronoun && s->mem && coder_is_word(s, u->end, WC_OF | WC_FROM | WC_IN))
            role_reference(s, u);
        if (s->place && !u->has_actor && !u->pronoun) dateline_actor(s, u);
        for (int i = u->start; i < u->end; i++) s->t[i].unit = (int16_t)x;
        const ctok *before = u->start > 0 ? &s->t[u->start - 1] : NULL;
        if (before && (before->pos == DYAD_POS_IN || before->pos == DYAD_POS_TO) &&
            !quantifier(s, u->start - 1) &&
            !(is_subordinator(before) && u->end < s->n && is_verbish(s->t[u->end].pos))) {
            u->in_pp = 1;
            u->prep = s->t[u->start - 1].up;
        }
    }
    return 0;
}

/* Singular nouns that name a body, not a person: "it" may stand for them
 * ("The ministry summoned ... It also ..."); "the minister" is a person. */
static int is_body_noun(const char *w) {
    static const char *const nouns[] = {
        "MINISTRY",   "GOVERNMENT", "ADMINISTRATION", "CABINET",   "REGIME",     "JUNTA",
        "ARMY",       "MILITARY",   "NAVY",           "POLICE",    "PARLIAMENT", "SENATE",
        "CONGRESS",   "ASSEMBLY",   "LEGISLATURE",    "COURT",     "TRIBUNAL",   "COUNCIL",
        "COMMISSION", "COMMITTEE",  "AGENCY",         "DEPARTMENT", "OFFICE",    "EMBASSY",
        "PARTY",      "GROUP",      "MOVEMENT",       "ORGANIZATION", "ORGANISATION", "UNION",
        "ALLIANCE",   "COALITION",  "BLOC",           "BANK",      "FUND",       "COMPANY",
        "FIRM",       "COUNTRY",    "NATION",         "KINGDOM",   "REPUBLIC",   "STATE",
        "MISSION",    "AUTHORITY",  "SECRETARIAT",    "PRESIDENCY"};
    return CODER_WORD_IN(w, nouns);
}

/* Is unit u a body or a country rather than a person? Its last word is a
 * body noun ("the Iranian foreign ministry"), or it names a country and
 * nothing more ("Iran": a three-letter code; "Putin" is RUSGOV). */
static int names_body(const csent *s, const unit *u) {
    const ctok *head = &s->t[u->end - 1];
    if (head->pos == DYAD_POS_NN && is_body_noun(head->up)) return 1;
    return u->ncodes == 1 && strlen(u->codes[0]) == 3 && head->pos == DYAD_POS_NNP;
}

/* Is unit u an actor named with a title ("UN Secretary-General Antonio
 * Guterres", "the Iranian foreign minister"): a word of its own that can
 * begin an agent? */
static int titled_unit(const csent *s, const unit *u) {
    if (!u->has_actor || u->ncodes != 1 || u->pronoun || u->pair || u->host || u->from_sentence >= 0 ||
        !u->ncauses)
        return 0;
    for (int i = u->start; i < u->end; i++)
        if (s->t[i].ws & WS_AGENT) return 1;
    return 0;
}

/* Remembers the sentence's actors named with a title, for "the minister"
 * of later sentences; `subject` is the unit remembered as its subject
 * (copied into the memory's slots: nothing is allocated). */
static void remember_titles(csent *s, int sentence, int subject) {
    docmem *m = s->mem;
    for (int x = 0; x < s->nunits; x++) {
        const unit *u = &s->units[x];
        if (!titled_unit(s, u)) continue;
        size_t len = strlen(u->codes[0]);
        if (len >= sizeof m->titles[0].code) continue;
        titled *e = &m->titles[m->ntitles % TITLES];
        memcpy(e->code, u->codes[0], len + 1);
        e->nids = 0;
        int nn = 0;
        e->names[0][0] = e->names[1][0] = 0;
        for (int i = u->start; i < u->end; i++) {
            if (s->t[i].id && e->nids < TITLE_WORDS) e->ids[e->nids++] = s->t[i].id;
            else if (!s->t[i].id && s->t[i].pos == DYAD_POS_NNP && nn < 2 &&
                     strlen(s->t[i].up) < sizeof e->names[0])
                strcpy(e->names[nn++], s->t[i].up);
        }
        e->sentence = sentence;
        e->subject = x == subject;
        m->ntitles++;
    }
}

int coder_remember(csent *s, int sentence) {
    if (!s->mem) return 0;
    for (int gi = 0; gi < s->ngroups; gi++) {
        const vgroup *g = &s->groups[gi];
        /* nor an infinitive's ("plans for the support of Ukraine to help
         * it ...": not Ukraine) */
        if (g->subordinate || g->infinitive || g->subject < 0) continue;
        const unit *u = &s->units[g->subject];
        /* "he" after "the two ministers ..." is not both of them */
        if (!u->has_actor || !u->ncodes || u->pair) continue;
        /* nor a pronoun inside the sentence for one of its own phrases ("to
         * help it deter attacks": it is Ukraine, named as no subject) */
        if (u->pronoun && u->from_sentence < 0 && u->start > 0) continue;

        unit keep = *u;
        for (int k = 0; k < keep.ncodes; k++)
            if (!(keep.codes[k] = dyad_arena_strdup(s->keep, u->codes[k]))) return -1;
        /* the preposition is a token of this sentence, whose memory is reset */
        if (keep.prep && !(keep.prep = dyad_arena_strdup(s->keep, keep.prep))) return -1;
        keep.base = NULL;
        keep.pronoun = 0;
        keep.from_sentence = -1;
        s->mem->subject = keep;
        s->mem->sentence = sentence;
        s->mem->subject_is_body = (uint8_t)names_body(s, u);
        uint8_t hp = s->t[u->end - 1].pos;
        s->mem->subject_plural = hp == DYAD_POS_NNS || hp == DYAD_POS_NNPS || u->ncodes > 1;
        s->mem->subject_acts = g->passive || !(s->t[g->main].wc & WC_BE);
        remember_titles(s, sentence, g->subject);
        return 0;
    }
    remember_titles(s, sentence, -1);
    return 0;
}

/* The host of the last visit among events ev[0, n), or NULL. */
static const char *visit_host(const dyad_event *ev, size_t n) {
    for (size_t k = n; k-- > 0;) {
        if (!strcmp(ev[k].code, "042") && ev[k].target) return ev[k].target;
        if (!strcmp(ev[k].code, "043") && ev[k].source) return ev[k].source;
    }
    return NULL;
}

/* Adds actor code c to the memory's group unless it is there or full;
 * 0 when full. */
static int group_add(docmem *m, const char *c) {
    if (in_group(m, c)) return 1;
    if (m->ngroup == GROUP_MAX) return 0;
    m->group[m->ngroup++] = c;
    return 1;
}

/* The parties of the consultations (04) among countries that events
 * ev[0, n) of one sentence tell, kept when there are three or more ("Blinken
 * met the German, British and French ministers"): "they" and "the leaders"
 * of the next sentences are all of them. */
static void remember_group(docmem *m, const dyad_event *ev, size_t n) {
    m->ngroup = 0;
    for (size_t k = 0; k < n; k++) {
        const dyad_event *e = &ev[k];
        if (!e->source || !e->target || e->code[0] != '0' || e->code[1] != '4' ||
            !coder_has_country(e->source) || !coder_has_country(e->target))
            continue;
        if (!group_add(m, e->source) || !group_add(m, e->target)) {
            m->ngroup = 0; /* more parties than "they" can stand for */
            return;
        }
    }
    if (m->ngroup < 3) m->ngroup = 0;
}

/* A sentence that opens with "we" ("We, the ministers of X and Y, condemn
 * ...", "We call on ...") speaks in the document's own voice: the sources
 * of its events are that voice (docmem.voice), until another such sentence. */
static void remember_voice(csent *s, const dyad_event *ev, size_t n, int sentence) {
    if (s->n == 0 || strcmp(s->t[0].up, "WE")) return;
    unit *v = &s->mem->voice;
    memset(v, 0, sizeof *v);
    for (size_t k = 0; k < n && v->ncodes < MAX_CODES; k++) {
        int seen = !ev[k].source;
        for (int j = 0; j < v->ncodes && !seen; j++) seen = !strcmp(v->codes[j], ev[k].source);
        if (!seen) v->codes[v->ncodes++] = ev[k].source;
    }
    v->has_actor = v->ncodes > 0;
    s->mem->voice_sentence = v->ncodes ? sentence : -1;
}

void coder_remember_pair(csent *s, const dyad_event *ev, size_t n, int sentence) {
    if (!s->mem) return;
    remember_voice(s, ev, n, sentence);
    if (!n) return; /* no event: nothing else to remember */
    const char *host = visit_host(ev, n);
    if (host) {
        s->mem->host = host;
        s->mem->host_sentence = sentence;
    }
    for (size_t k = n; k-- > 0;) {
        const char *c = ev[k].code;
        if (ev[k].source && ev[k].target && c && ((c[0] == '1' && c[1] >= '8') || (c[0] == '2' && c[1] == '0'))) {
            s->mem->attacker = ev[k].source;
            break;
        }
    }
    /* the remembered parties acting ("The two sides condemned X", "They
     * pledged aid to Y" after a meeting of three) stay the parties */
    int pair_subject = 0;
    for (int u = 0; u < s->nunits; u++) pair_subject |= s->units[u].pair;
    if (s->mem->ngroup) {
        size_t k = 0;
        while (k < n && (!ev[k].source || in_group(s->mem, ev[k].source))) k++;
        pair_subject |= k == n && n > 0;
    }
    for (size_t k = n; k-- > 0;) {
        char sc[8], tc[8];
        if (!ev[k].source || !ev[k].target) continue;
        if (!coder_has_country(ev[k].source) || !coder_has_country(ev[k].target)) continue;
        dyad_actor_country(ev[k].source, sc);
        dyad_actor_country(ev[k].target, tc);
        if (!strcmp(sc, tc)) continue;
        /* the event's strings live in the document's arena already */
        /* "The two sides condemned X": its parties stay the ones remembered */
        if (s->mem->pair_sentence != sentence && !pair_subject) {
            s->mem->pair[0] = ev[k].source;
            s->mem->pair[1] = ev[k].target;
            s->mem->pair_sentence = sentence;
            remember_group(s->mem, ev, n);
        }
        if (strlen(ev[k].source) > 3 && strlen(ev[k].target) > 3) {
            s->mem->people[0] = ev[k].source;
            s->mem->people[1] = ev[k].target;
            s->mem->people_sentence = sentence;
            return;
        }
    }
}
