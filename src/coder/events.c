/* events.c -- events from the coded verb groups of one sentence.
 *
 * For each verb group with a code: the source is the pattern's '$' unit or
 * the subject, the target the pattern's '+' unit or the verb's object; in
 * the passive the subject is the target and the agent of "by" (or the first
 * unit after the verb) the source. A compound unit gives one event per
 * actor; a compound subject without a target gives the events among its
 * members ("X and Y renewed ties"). [A:B] codes A from source to target
 * and B back. Repeated events in a sentence are kept once. */
#include "coder.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_null_code(const char *c) {
    return !c || !*c || (c[0] == '-' && c[1] == '-' && c[2] == '-' && !c[3]);
}

/* str in the document's arena: the cached copy, or a new one. */
static const char *keep_str(csent *s, const char *str) {
    if (!s->strs) return dyad_arena_strdup(s->keep, str);
    uint64_t h = hash_key(str, strlen(str));
    size_t i = h % STRCACHE_SLOTS;
    uint64_t bit = 1ULL << (i % 64), *used = &s->strs->used[i / 64];
    if ((*used & bit) && !strcmp(s->strs->slot[i], str)) return s->strs->slot[i];
    const char *k = dyad_arena_strdup(s->keep, str);
    if (k) {
        s->strs->slot[i] = k;
        *used |= bit;
    }
    return k;
}

/* Adds an event unless the sentence has it already. Its strings are
 * copied to the document's arena: the sentence's scratch is reset. The
 * array has an arena block of its own, grown in place. */
static int push_event(csent *s, dyad_event **ev, size_t *nev, size_t *cap, const dyad_event *e) {
    for (size_t i = *nev; i-- > 0 && (*ev)[i].sentence == e->sentence;) {
        const dyad_event *x = &(*ev)[i];
        if (!strcmp(x->source, e->source) && !strcmp(x->target, e->target) && !strcmp(x->code, e->code))
            return 0;
    }
    if (*nev == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        dyad_event *nv = arena_resize(s->keep, *cap ? *ev : NULL, ncap * sizeof *nv);
        if (!nv) return -1;
        *ev = nv;
        *cap = ncap;
    }
    dyad_event k = *e;
    k.source = keep_str(s, e->source);
    k.target = keep_str(s, e->target);
    k.code = keep_str(s, e->code);
    k.source_text = keep_str(s, e->source_text);
    k.target_text = keep_str(s, e->target_text);
    k.issues = keep_str(s, e->issues);
    /* the verb may be a token of the sentence ("talks"), whose memory is reset */
    k.verb = e->verb ? keep_str(s, e->verb) : NULL;
    k.explain = e->explain ? dyad_arena_strdup(s->keep, e->explain) : NULL;
    if (!k.source || !k.target || !k.code || !k.source_text || !k.target_text || !k.issues ||
        (e->verb && !k.verb) || (e->explain && !k.explain))
        return -1;
    (*ev)[(*nev)++] = k;
    return 0;
}

/* The sentence's words for tokens [a, b), joined with blanks. */
static const char *span_text(csent *s, int a, int b) {
    size_t len = 1;
    for (int i = a; i < b; i++) len += strlen(s->t[i].up) + 1;
    char *out = dyad_arena_alloc_uninit(s->a, len); /* every byte is written below */
    if (!out) return "";
    char *p = out;
    *p = '\0';
    for (int i = a; i < b; i++) {
        if (i > a) *p++ = ' ';
        size_t n = strlen(s->t[i].up);
        memcpy(p, s->t[i].up, n + 1);
        p += n;
    }
    return out;
}

static const char *unit_text(csent *s, int u) {
    return u < 0 ? "" : span_text(s, s->units[u].start, s->units[u].end);
}

static void explain_unit(csent *s, int u, char *buf, size_t n) {
    const dyad_dict *d = s->c->dict;
    size_t len = 0;
    if (u < 0) {
        snprintf(buf, n, "(none)");
        return;
    }
    const unit *x = &s->units[u];
    len += (size_t)snprintf(buf + len, n - len, "\"%s\"", unit_text(s, u));
    if (x->from_sentence >= 0)
        len += (size_t)snprintf(buf + len, n - len, " (stands for the %s of sentence %d)",
                                x->pair ? (x->ncodes > 2 ? "parties" : "two parties")
                                        : x->host ? "host of the visit" : "subject",
                                x->from_sentence);
    if (x->dateline)
        len += (size_t)snprintf(buf + len, n - len, " country %s from the %s", x->base,
                                x->dateline == 2 ? "title" : "dateline");
    for (int k = 0; k < x->ncauses && len < n; k++) {
        char rec[600];
        const cause *c = &x->causes[k];
        if (c->is_agent) dict_agent_origin(d, c->rec, rec, sizeof rec);
        else dict_phrase_origin(d, c->rec, c->restr, coder_date(s), rec, sizeof rec);
        len += (size_t)snprintf(buf + len, n - len, " %s", rec);
    }
}

/* The sentence's analysis: units in [..], verb groups in <..>, tags after '/'. */
static const char *structure(csent *s) {
    size_t cap = 64;
    for (int i = 0; i < s->n; i++) cap += strlen(s->t[i].up) + 12;
    char *out = dyad_arena_alloc(s->a, cap), *p = out;
    if (!out) return "";
    for (int i = 0; i < s->n; i++) {
        const ctok *t = &s->t[i];
        int u = t->unit, g = t->group;
        if (u >= 0 && s->units[u].start == i) p += sprintf(p, "[");
        if (g >= 0 && s->groups[g].start == i) p += sprintf(p, "<");
        p += sprintf(p, "%s/%s", t->up, dyad_pos_name((dyad_pos)t->pos));
        if (g >= 0 && s->groups[g].end == i + 1) p += sprintf(p, ">");
        if (u >= 0 && s->units[u].end == i + 1) p += sprintf(p, "]");
        if (i + 1 < s->n) *p++ = ' ';
    }
    *p = 0;
    return out;
}

static const char *explain(csent *s, const vgroup *g, const vmatch *m, int src, int tgt) {
    const dyad_dict *d = s->c->dict;
    char buf[4800], at[300], su[900], tu[900];
    char form[600];
    size_t len = (size_t)snprintf(buf, sizeof buf, "verb \"%s\" (%s%s%s) %s",
                                  span_text(s, g->start, g->end), g->passive ? "passive" : "active",
                                  g->negated ? ", negated" : "", g->infinitive ? ", infinitive" : "",
                                  dict_form_origin(d, m->form, form, sizeof form));
    if (m->pattern) {
        dict_pattern_origin(d, m->pattern - 1, at, sizeof at);
        len += (size_t)snprintf(buf + len, sizeof buf - len, "; pattern at %s", at);
    } else {
        len += (size_t)snprintf(buf + len, sizeof buf - len, "; no pattern matched: the verb's code");
    }
    explain_unit(s, src, su, sizeof su);
    explain_unit(s, tgt, tu, sizeof tu);
    snprintf(buf + len, sizeof buf - len, "; source %s; target %s; structure: %s", su, tu,
             structure(s));
    return dyad_arena_strdup(s->a, buf);
}

/* The code of a negated verb ("did not attack", "will not help"). Refusing
 * to cooperate is CAMEO's 12 (reject): not consulting is 125, not giving
 * material cooperation 121, aid 122, not yielding 124, other cooperation 120.
 * Not engaging in a conflict act (10-20) is read as the cooperative
 * signal 050; not saying or appealing codes nothing. A pattern that spells
 * the negation out itself ("- WILL NOT * ...") keeps its own code. */
static const char *negated_code(const char *code) {
    if (is_null_code(code) || strlen(code) < 2) return NULL;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root <= 2) return NULL;
    if (root >= 10) return "050";
    switch (root) {
    case 3: /* an intention refused: to meet (036) is 125, to give aid (033) 122 */
        switch (code[2]) {
        case '1': return "121";
        case '3': return "122";
        case '4': return "123";
        case '5': return "124";
        case '6': return "125";
        default: return "120";
        }
    case 4: return "125";
    case 6: return "121";
    case 7: return "122";
    case 8: return "124";
    default: return "120";
    }
}

/* Does pattern p name a word or synset before the verb (side 0) or after
 * it (side 1)? */
static int pattern_has_words(const dyad_dict *d, uint32_t pattern, int side) {
    return pattern && dict_pattern_has_words(d, pattern - 1, side);
}

/* "A convoy of Kenyan aid workers was ambushed": a passive verb whose
 * subject names no actor acts on the actor in its prepositional phrase. */
static int passive_subject_in_pp(const csent *s, const vgroup *g) {
    for (int j = g->start - 1; j >= 0; j--) {
        const ctok *t = &s->t[j];
        if (t->group >= 0 || t->pos == DYAD_POS_COMMA || (t->wc & (WC_SUBORD | WC_SEMI))) return -1;
        if (t->unit >= 0) {
            const unit *u = &s->units[t->unit];
            return u->in_pp && u->has_actor && !u->pronoun ? t->unit : -1;
        }
    }
    return -1;
}

/* Can the place of a passive's "in" phrase be its agent, its state acting
 * at home? PETRARCH gives it force (18-20: "was shot dead in X"), and a
 * state does legal acts (17: "was sentenced in X") and grants asylum (07)
 * at home; an abduction (181), a deployment or a warning is not the place's. */
static int place_may_act(const char *c) {
    if (!c || !c[0] || !c[1]) return 0;
    if (c[0] == '2') return c[1] == '0';
    return c[0] == '1' ? c[1] == '7' || c[1] == '9' || (c[1] == '8' && strncmp(c, "181", 3))
                       : c[0] == '0' && c[1] == '7';
}

/* Does unit u name only the press: a news outlet or journalists (MED)? */
static int media_only(const unit *u) {
    for (int k = 0; k < u->ncodes; k++) {
        size_t n = strlen(u->codes[k]);
        if (n < 3 || strcmp(u->codes[k] + n - 3, "MED")) return 0;
    }
    return u->ncodes > 0;
}

/* Does unit u name a country or a city and nothing more ("Iraq", "Gaza
 * City": a bare country code), not a body that acts ("a US tribunal")? */
static int names_place_only(const unit *u) {
    return u->ncodes == 1 && strlen(u->codes[0]) == 3;
}

/* Prepositions that say only where or whither ("across Iraq", "to Libya"). */
static int where_prep(const char *w) {
    static const char *const preps[] = {"ACROSS", "THROUGHOUT", "TO",   "INTO",   "TOWARD", "TOWARDS",
                                        "AROUND", "NEAR",       "ALONG", "INSIDE", "OUTSIDE", "BEYOND"};
    return CODER_WORD_IN(w, preps);
}

/* "jailed five men for the bombing of a Chilean ship", "charged two men in a
 * plot against Peruvian targets", "detained them at a prison in Peru": an
 * arrest, a charge, a sentence or a deportation (173, 174) is done to its
 * object, not to a party to the crime or the place a phrase names; "against
 * X", "for X" ("a warrant for X") and the object's own "of X" ("dozens of
 * X", "members of X") still name the one it is done to. */
static int crime_party(const csent *s, const unit *u, const char *code) {
    if (!u->in_pp || !code || strncmp(code, "17", 2) || (code[2] != '3' && code[2] != '4')) return 0;
    if (!strcmp(u->prep, "AGAINST") || !strcmp(u->prep, "FOR")) return 0;
    if (!strcmp(u->prep, "OF")) { /* "of X" after the verb's own object: "dozens of X", "members of X" */
        int k = u->start - 2;
        while (k >= 0 && s->t[k].group < 0 &&
               (s->t[k].pos == DYAD_POS_CD || s->t[k].pos == DYAD_POS_DT || s->t[k].pos == DYAD_POS_PRPS ||
                s->t[k].pos == DYAD_POS_RP ||
                (s->t[k].pos >= DYAD_POS_JJ && s->t[k].pos <= DYAD_POS_JJS) ||
                (s->t[k].pos >= DYAD_POS_NN && s->t[k].pos <= DYAD_POS_NNPS)))
            k--;
        if (k >= 0 && s->t[k].group >= 0) return 0;
    }
    return 1;
}

/* Without "by", a passive's agent is in a phrase after it, one of "from"
 * or "in" first, where PETRARCH-2 looks for it ("was launched at X from
 * Gaza": Gaza), else the first (the phrase of "criticized over its dispute
 * with X"); -1 if the first object is in none. */
static int passive_agent_pp(const csent *s, const vgroup *g) {
    if (g->bare_passive || g->object < 0 || !s->units[g->object].in_pp) return -1;
    int gi = (int)(g - s->groups), own_end = gi + 1 < s->ngroups ? s->groups[gi + 1].start : s->n;
    for (int u = g->object; u >= 0 && s->units[u].start < own_end; u = coder_next_object(s, gi, s->units[u].end, 0)) {
        const unit *x = &s->units[u];
        if (!x->in_pp) break;
        if (!strcmp(x->prep, "FROM") || !strcmp(x->prep, "IN")) return u;
    }
    return g->object;
}

/* "was fired at X", "was launched against X": the unit a passive act is
 * aimed at, in a phrase of "at", "on", "against" or "into" after the
 * verb, not the agent's; -1 if none. */
static int aimed_at(const csent *s, const vgroup *g, int agent) {
    int gi = (int)(g - s->groups), own_end = gi + 1 < s->ngroups ? s->groups[gi + 1].start : s->n;
    for (int u = coder_next_object(s, gi, g->end, 0); u >= 0 && s->units[u].start < own_end;
         u = coder_next_object(s, gi, s->units[u].end, 0)) {
        const unit *x = &s->units[u];
        if (u == agent || !x->in_pp) continue;
        if (!strcmp(x->prep, "AT") || !strcmp(x->prep, "ON") || !strcmp(x->prep, "AGAINST") ||
            !strcmp(x->prep, "INTO"))
            return u;
    }
    return -1;
}

/* "toward the Sea of Japan", "into the Gulf of Mexico": a country named
 * after a body of water and "of" names the water, not the country. */
static int water_of(const csent *s, const unit *u) {
    static const char *const water[] = {"SEA", "GULF", "BAY", "STRAIT", "STRAITS"};
    return !strcmp(u->prep, "OF") && u->start >= 2 && CODER_WORD_IN(s->t[u->start - 2].up, water);
}

/* Source and target units of a coded group. */
static void roles(csent *s, const vgroup *g, const vmatch *m, int *src, int *tgt) {
    *src = m->source >= 0 ? m->source : g->subject;
    *tgt = m->target >= 0 ? m->target : g->object;
    if (g->passive && m->source < 0) {
        int by = -1;
        /* "by" of this verb, not of a later one ("accused of X was expelled by Y") */
        for (int j = g->end; j + 1 < g->region_end && (s->t[j].group < 0 || s->t[j].group == g - s->groups); j++)
            if (coder_is_word(s, j, WC_BY) && s->t[j + 1].unit >= 0) {
                by = s->t[j + 1].unit;
                break;
            }
        /* without "by", the source can only be in a prepositional phrase
         * ("was shot dead in X"), never a clause ("it was noted that X");
         * in a headline's "X kidnapped in Y", Y is only the place */
        *src = by >= 0 ? by : passive_agent_pp(s, g);
        /* "killed across X", "deported to X", "dropped near X": a
         * preposition of place or direction names no agent */
        if (by < 0 && *src >= 0 && where_prep(s->t[s->units[*src].start - 1].up)) *src = -1;
        /* ", in a new setback for X's sector": past a comma, no agent */
        for (int j = g->end; by < 0 && *src >= 0 && j < s->units[*src].start; j++)
            if (s->t[j].pos == DYAD_POS_COMMA) *src = -1;
        /* "was charged with the murder of X", "was accused of helping X":
         * a phrase of "with" or "of" right after the verb is no agent */
        if (by < 0 && g->end < s->n && (coder_is_word(s, g->end, WC_OF) || !strcmp(s->t[g->end].up, "WITH")))
            *src = -1;
        /* "were taken hostage in Iraq", "will be deployed in Korea": an "in"
         * phrase naming a country or a city says only where it happened (an
         * abduction, a deployment: place_may_act); a body in it still acts
         * ("charged in a US tribunal") */
        if (by < 0 && *src >= 0 && s->units[*src].start > 0 && coder_is_word(s, s->units[*src].start - 1, WC_IN) &&
            names_place_only(&s->units[*src]) && !place_may_act(m->code ? m->code : m->code2))
            *src = -1;
        *tgt = m->target >= 0 ? m->target : g->subject >= 0 ? g->subject : passive_subject_in_pp(s, g);
        /* "a rocket was fired at X by Y": a subject that names no one leaves
         * the target to the phrase the act is aimed at */
        if (m->target < 0 && (*tgt < 0 || !s->units[*tgt].has_actor)) {
            int a = aimed_at(s, g, *src);
            if (a >= 0) *tgt = a;
        }
    }
    /* "shot it down amid Israel's war with Hamas", "lodged a protest via its
     * embassy": what a phrase of "amid" names is the circumstance, of "via"
     * the channel, not the one acted on */
    if (m->target < 0 && *tgt >= 0 && s->units[*tgt].in_pp &&
        (!strcmp(s->units[*tgt].prep, "AMID") || !strcmp(s->units[*tgt].prep, "AMIDST") ||
         !strcmp(s->units[*tgt].prep, "VIA") || water_of(s, &s->units[*tgt])))
        *tgt = -1;
    if (*src == *tgt) *tgt = -1;
}

static int code_root(const char *code) {
    return code && strlen(code) >= 2 ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
}

/* Threats of curfews and bans (132), protest (133) and repression (137):
 * domestic like the acts themselves. */
static int domestic_threat(const char *code) {
    return !strncmp(code, "132", 3) || !strncmp(code, "133", 3) || !strncmp(code, "137", 3);
}

/* Acts domestic by nature: protest (14), repression and arrest (17),
 * violence (18-20), and threats of bans, protest or repression. */
static int domestic_act(const char *code) {
    int root = code_root(code);
    return domestic_threat(code) || root == 14 || root == 17 || root >= 18;
}

/* An actor and the state it belongs to (TURGOV -> TUR), or two names of
 * the same office (RUSGOV -> RUSGOVELI), make no dyad, unless the act is
 * domestic by nature (domestic_act). A country acting on a part of itself
 * (BIH -> BIHMIL: actors the dictionary knows only by their country) is
 * kept, unless a reference named one of them (self_reference) or the act
 * is a show of force (15: its own forces are what it deploys). */
static int self_dyad(const char *sc, const char *tc, const char *code) {
    size_t a = strlen(sc), b = strlen(tc);
    int whole = b < a && !strncmp(sc, tc, b);                   /* the target contains the source */
    int same = a >= 6 && b >= 6 && !strncmp(sc, tc, 6);          /* same country and sector */
    if (!strcmp(sc, tc)) return 1;
    /* "the Chilean minister visited Chilean troops": a visit to one's own
     * state's people is no diplomatic visit (a visit to a place of one's
     * own country, a bare code, still is) */
    if (a > 3 && b > 3 && !strncmp(sc, tc, 3) && (!strncmp(code, "042", 3) || !strncmp(code, "043", 3)))
        return 1;
    /* a country's own forces are what it deploys, not whom: "Sudan sent
     * troops to the border" (SDN -> SDNMIL) is no show of force at them */
    if (a < b && !strncmp(tc, sc, a) && code_root(code) == 15) return 1;
    /* nor is a country's act on its own state ("Russia welcomed ..., with
     * the Kremlin calling ...": RUS -> RUSGOV), as the state's on the country;
     * a visit to a region of one's own country keeps its host (043) */
    int own_state = a == 3 && b >= 6 && !strncmp(tc, sc, 3) && !strncmp(tc + 3, "GOV", 3) &&
                    strncmp(code, "043", 3);
    return (whole || same || own_state) && !domestic_act(code);
}

/* Adds the event sc -> tc, whatever the two actors are; -1 out of memory. */
static int push_coded(csent *s, uint32_t sentence, const char *sc, const char *tc, const char *code, int su,
                      int tu, const char *verb, const char *why, dyad_event **ev, size_t *nev, size_t *cap) {
    const char *issues = coder_issues(s);
    if (!issues) return -1; /* out of memory */
    dyad_event e = {sc, tc, code, unit_text(s, su), unit_text(s, tu), verb, sentence, issues, why,
                    coder_date(s), coder_date_kind(s)};
    return push_event(s, ev, nev, cap, &e);
}

/* The actor entry (its index) that named unit x, or -1: an agent only. */
static int64_t unit_actor(const csent *s, const unit *x) {
    for (int k = 0; k < x->ncauses; k++)
        if (!x->causes[k].is_agent) return dict_phrase_actor(s->c->dict, x->causes[k].rec);
    return -1;
}

/* A nation named by its people's plural alone ("Kenyans", "the Iraqis")
 * is the people, XXXCVL, when its own state acts on it: "the Kenyan
 * president urged Kenyans to stay calm" is the government and the people,
 * not the state and itself. The plural is one plural noun in -ANS or -IS
 * (Kenyans, Afghans, Iraqis, Thais: the great run of them; never a
 * country's name, as "Laos" or "the Philippines", whose singulars are
 * names too), with a bare country code, whose singular names the same
 * entry ("Kenyan"; a place such as "Tartus" has none). NULL otherwise (or
 * out of memory: the event is then dropped, as a self-dyad). */
static int demonym_plural(const char *w) {
    size_t n = strlen(w);
    return (n > 4 && !strcmp(w + n - 3, "ANS")) || (n > 3 && !strcmp(w + n - 2, "IS"));
}

static const char *people_of(csent *s, int u, const char *tc) {
    const unit *x = &s->units[u];
    int i = x->start;
    if (strlen(tc) != 3 || x->ncodes != 1 || !x->has_actor) return NULL;
    if (i < x->end && s->t[i].pos == DYAD_POS_DT) i++;
    if (i + 1 != x->end || (s->t[i].pos != DYAD_POS_NNPS && s->t[i].pos != DYAD_POS_NNS) ||
        !demonym_plural(s->t[i].up))
        return NULL;
    int64_t actor = unit_actor(s, x);
    if (actor < 0 || dict_word_actor(s->c->dict, s->t[i].sid) != actor) return NULL;
    char *p = dyad_arena_alloc(s->keep, 7);
    if (p) snprintf(p, 7, "%sCVL", tc);
    return p;
}

/* Does unit u stand for actors named earlier (a pronoun, "the two sides",
 * "the host", a title)? */
static int is_reference(const csent *s, int u) {
    const unit *x = u >= 0 ? &s->units[u] : NULL;
    return x && (x->pronoun || x->pair || x->host || x->from_sentence >= 0);
}

/* A reference that gives a country on one side and a part of its state on
 * the other ("Bangladesh held talks to bring the two countries closer":
 * BGD and the pair's BGDGOV) makes no dyad, unless the act is domestic by
 * nature; two sectors of one country (IRQGOV and IRQINS, "the two sides")
 * still do. */
static int self_reference(const csent *s, int su, int tu, const char *sc, const char *tc,
                          const char *code) {
    if (!is_reference(s, su) && !is_reference(s, tu)) return 0;
    size_t a = strlen(sc), b = strlen(tc), n = a < b ? a : b;
    return a != b && n == 3 && !strncmp(sc, tc, 3) && !domestic_act(code);
}

int coder_emit(csent *s, uint32_t sentence, const char *sc, const char *tc, const char *code, int su,
               int tu, const char *verb, const char *why, dyad_event **ev, size_t *nev, size_t *cap) {
    if (is_null_code(code) || self_reference(s, su, tu, sc, tc, code)) return 0;
    if (self_dyad(sc, tc, code)) {
        const char *people = tu >= 0 ? people_of(s, tu, tc) : NULL;
        if (!people || self_dyad(sc, people, code)) return 0;
        tc = people;
    }
    return push_coded(s, sentence, sc, tc, code, su, tu, verb, why, ev, nev, cap);
}

static int emit(csent *s, uint32_t sentence, const char *sc, const char *tc, const char *code,
                int su, int tu, const vmatch *m, const char *why, dyad_event **ev, size_t *nev,
                size_t *cap) {
    return coder_emit(s, sentence, sc, tc, code, su, tu, m->lemma, why, ev,
                      nev, cap);
}

static int has_object(const csent *s, const vgroup *g) {
    for (int j = g->end; j < g->pattern_end; j++) {
        uint8_t p = s->t[j].pos;
        if (s->t[j].wc & WC_TIME) continue; /* "said today": time, not an object */
        if (p == DYAD_POS_NN || p == DYAD_POS_NNS || p == DYAD_POS_NNP || p == DYAD_POS_NNPS ||
            p == DYAD_POS_PRP)
            return 1;
        if (p == DYAD_POS_IN || p == DYAD_POS_TO || p == DYAD_POS_COMMA || p == DYAD_POS_PERIOD)
            return 0;
    }
    return 0;
}

/* Acts done together: meeting, negotiating, agreeing, cooperating. */
static int joint_act(const char *code) {
    if (!code || strlen(code) < 3) return 0;
    int root = code_root(code);
    if (root == 4) return code[2] != '2' && code[2] != '4' && code[2] != '5'; /* not visits, mediation */
    if (root == 3) return code[2] == '0' || code[2] == '6';                    /* intend to cooperate, to meet */
    if (root == 5) return code[2] == '0' || code[2] == '7';                    /* cooperate, sign an agreement */
    return root == 6;                                                          /* material cooperation */
}

/* The first unit after group g's verb in its clause, when it names only a
 * sector ("opposition activists"); -1 otherwise. */
static int sector_object(const csent *s, const vgroup *g) {
    for (int j = g->end; j < g->pattern_end; j++) {
        int u = s->t[j].unit;
        if (u < 0) continue;
        const unit *x = &s->units[u];
        /* "fired at protesters", "detained thousands of protesters" */
        const char *p = x->in_pp ? x->prep : "";
        int object_pp = !strcmp(p, "AT") || !strcmp(p, "ON") || !strcmp(p, "AGAINST") ||
                        (!strcmp(p, "OF") && x->start >= 2 &&
                         (s->t[x->start - 2].pos == DYAD_POS_NNS || s->t[x->start - 2].pos == DYAD_POS_CD) &&
                         s->t[x->start - 2].unit < 0);
        return !x->has_actor && !x->pronoun && (!x->in_pp || object_pp) ? u : -1;
    }
    return -1;
}

/* Is unit u named only by its sector (---OPP: "protesters", "gunmen")? */
static int sector_only(const unit *u) {
    return u->ncodes == 1 && !strncmp(u->codes[0], "---", 3) && u->codes[0][3] && !u->pronoun;
}

/* Fills *out with sector-only unit u placed in country cc (the first three
 * letters of an actor code): ---OPP in RUS is RUSOPP. 0 if it cannot. */
static int sector_in(csent *s, const unit *u, const char *cc, unit *out) {
    if (!sector_only(u) || !coder_has_country(cc)) return 0;
    char buf[96] = {cc[0], cc[1], cc[2], 0};
    *out = *u;
    coder_cat(buf, sizeof buf, 3, u->codes[0] + 3);
    out->codes[0] = dyad_arena_strdup(s->a, buf);
    out->base = out->codes[0];
    out->has_actor = 1;
    return out->codes[0] != NULL;
}

/* The code a unit's country is read from: its actor's, before agents. */
static const char *actor_code(const unit *u) {
    return u->base ? u->base : u->ncodes ? u->codes[0] : NULL;
}

/* Does unit u say where: "in Baghdad", "across Syria"? ("at" and "on"
 * often name the target of an attack: "fired at Israel".) */
static int locative(const unit *u) {
    const char *p = u->in_pp ? u->prep : "";
    return !strcmp(p, "IN") || !strcmp(p, "INSIDE") || !strcmp(p, "ACROSS") || !strcmp(p, "THROUGHOUT");
}

/* Does unit x say where an act happened: "in Baghdad"; "near Tikrit",
 * "outside Lima" (a town, not a border: "near the Afghan border" says no
 * country); "in the southern city of Basra" (the name after a place noun
 * of a locative phrase)? */
static int venue(const csent *s, const unit *x) {
    if (locative(x)) return 1;
    const char *p = x->in_pp ? x->prep : "";
    if (!x->place && (!strcmp(p, "NEAR") || !strcmp(p, "OUTSIDE") || !strcmp(p, "AROUND"))) return 1;
    int j = x->start - 1; /* "of" */
    if (strcmp(p, "OF") || j < 1 || !(s->t[j - 1].wc & WC_PLACE)) return 0;
    for (j -= 2; j >= 0 && (s->t[j].pos == DYAD_POS_DT || s->t[j].pos == DYAD_POS_JJ); j--)
        ;
    return j >= 0 && s->t[j].unit < 0 && (!strcmp(s->t[j].up, "IN") || !strcmp(s->t[j].up, "NEAR"));
}

/* The country where group g's act happened, from a place phrase of its
 * clause (venue: "in Baghdad", "in the Saudi capital", "near Tikrit");
 * NULL if none. */
static const char *venue_country(const csent *s, const vgroup *g, const unit *other) {
    for (int j = g->region_start; j < g->region_end; j++) {
        int u = s->t[j].unit;
        if (u < 0) continue;
        const unit *x = &s->units[u];
        j = x->end - 1;
        if (!x->in_pp || !x->has_actor || u == g->subject) continue;
        if (x == other) return NULL; /* the place is the other party: "fought in Baghdad" */
        if (!venue(s, x)) continue;
        const char *c = actor_code(x);
        if (coder_has_country(c)) return c;
    }
    return NULL;
}

/* "unknown gunmen", "unidentified attackers" */
static int unknown(const csent *s, const unit *u) {
    for (int i = u->start; i < u->end; i++)
        if (!strcmp(s->t[i].up, "UNKNOWN") || !strcmp(s->t[i].up, "UNIDENTIFIED")) return 1;
    return 0;
}

/* Is unit u an armed group named only by its sectors ("militants" ---INS,
 * "rebels" ---REB, "gunmen" ---UAF; "Islamist rebels" ---MUSREB, "Muslim
 * militants" ---UAFMUS: one of the sectors is armed)? */
static int armed_group(const unit *u) {
    if (!sector_only(u)) return 0;
    for (const char *c = u->codes[0] + 3; strlen(c) >= 3; c += 3)
        if (!strncmp(c, "INS", 3) || !strncmp(c, "REB", 3) || !strncmp(c, "UAF", 3)) return 1;
    return 0;
}

/* Is actor code c a state's armed force or police (NGAMIL, PAKCOP)? */
static int state_force(const char *c) {
    return coder_has_country(c) && strlen(c) == 6 &&
           (!strcmp(c + 3, "MIL") || !strcmp(c + 3, "COP") || !strcmp(c + 3, "SPY"));
}

/* Where an actor named only by its sector acts, when the sentence names no
 * country for it: repression (17) and protest (14) happen at home, so
 * "Russian police arrested activists" is RUSCOP -> RUSOPP and "mutinous
 * soldiers detained Mali's president" MLIMIL -> MLIGOV; violence (18-20)
 * happens where the sentence places it: "gunmen killed three Britons in
 * Baghdad" is IRQ gunmen. Fills *out for sector-only unit u, whose
 * counterpart in the event is other (NULL if none). */
static int sector_home(csent *s, const vgroup *g, const unit *u, const unit *other, int is_source,
                       const char *code, unit *out) {
    int root = code_root(code);
    const char *oc = other && !other->place ? actor_code(other) : NULL;
    if ((root == 17 || domestic_threat(code) || (root == 14 && is_source)) && oc && sector_in(s, u, oc, out))
        return 1;
    /* only people act somewhere: "gunmen", not "a drone attack"; and
     * "unknown gunmen" are no one the data can name */
    if ((root == 14 || root >= 17) && (s->t[u->end - 1].ws & WS_AGENT) && !unknown(s, u)) {
        const char *vc = venue_country(s, g, other);
        if (vc) return sector_in(s, u, vc, out);
        /* with no place, a state's forces fight armed groups at home:
         * "the Chilean army killed a dozen rebels" is CHLMIL -> CHLREB (not
         * the other way: "rebels killed Chilean soldiers" says nothing of
         * where); its police act at home on anyone ("Chilean police fired
         * on demonstrators": CHLCOP -> CHLOPP) */
        return root >= 18 && !is_source && oc && other->ncodes == 1 && state_force(other->codes[0]) &&
               (armed_group(u) || !strcmp(other->codes[0] + 3, "COP")) && sector_in(s, u, oc, out);
    }
    return 0;
}

/* Fills *out with an actor of one code, copied into the sentence's arena,
 * that no words name (at token `at`): the state or government a rule
 * supplies. 0 when the arena is full. */
static int code_unit(csent *s, const char *code, int at, unit *out) {
    memset(out, 0, sizeof *out);
    out->from_sentence = -1;
    out->start = out->end = at;
    out->codes[0] = out->base = dyad_arena_strdup(s->a, code);
    out->ncodes = 1;
    out->has_actor = 1;
    return out->codes[0] != NULL;
}

/* "Kenyans protest": a nation named by its people's plural is people,
 * and a region named as a place ("the West Bank") is its people too: is
 * unit u such a nation's people? */
static int people_named(const csent *s, int u) {
    if (s->units[u].place) return 1;
    for (int j = s->units[u].start; j < s->units[u].end; j++) {
        const ctok *t = &s->t[j];
        if (t->pos == DYAD_POS_IN) break;
        if ((t->pos == DYAD_POS_NNS || t->pos == DYAD_POS_NNPS) && demonym_plural(t->up)) return 1;
    }
    return 0;
}

/* "Israeli unions began a nationwide strike", "thousands of Kenyans
 * marched": people of a country who protest (14) at no one the sentence
 * names protest at home, against their own government (CAMEO's practice,
 * and the hand-coded sets'). A state (a bare country or its government),
 * or anyone not of one country, is left alone: it protests at someone. Fills *out with XXXGOV. */
static int home_government(csent *s, int su, const unit *src, const char *code, unit *out) {
    if (code_root(code) != 14 || src->ncodes != 1) return 0;
    const char *c = src->codes[0];
    size_t n = strlen(c);
    if (!coder_has_country(c)) return 0;
    /* "China protested": a state; "Kenyans protested": its people */
    if (n < 6 && !(n == 3 && su >= 0 && people_named(s, su))) return 0;
    for (const char *p = c + 3; strlen(p) >= 3; p += 3)
        if (!strncmp(p, "GOV", 3)) return 0;
    char buf[8] = {c[0], c[1], c[2], 'G', 'O', 'V', 0};
    return code_unit(s, buf, src->start, out);
}

/* "A British soldier was charged with murder": an arrest or a charge
 * (173) told in the passive with no agent is the state's where it happened
 * ("arrested in X"), else the target's own. Fills *out; 0 if no country. */
static int state_of(csent *s, const vgroup *g, const unit *target, unit *out) {
    const char *cc = actor_code(target);
    int at = g->end < s->n && !strcmp(s->t[g->end].up, "IN") ? g->end + 1 : -1; /* "arrested in X" */
    if (at >= 0 && at < s->n && s->t[at].unit >= 0 && coder_has_country(actor_code(&s->units[s->t[at].unit])))
        cc = actor_code(&s->units[s->t[at].unit]);
    if (!coder_has_country(cc)) return 0;
    char buf[4] = {cc[0], cc[1], cc[2], 0};
    return code_unit(s, buf, g->start, out);
}

/* Does the act of group g go both ways when several actors do it together?
 * Meeting, negotiating, agreeing and cooperating do ("X and Y met", "signed
 * a deal"); so does anything done to "each other" or "one another". */
static int reciprocal(const csent *s, const vgroup *g, const char *code) {
    for (int j = g->end; j + 1 < g->pattern_end; j++)
        if ((!strcmp(s->t[j].up, "EACH") && !strcmp(s->t[j + 1].up, "OTHER")) ||
            (!strcmp(s->t[j].up, "ONE") && !strcmp(s->t[j + 1].up, "ANOTHER")))
            return 1;
    return joint_act(code);
}

/* Is the object of group g "each other" or "one another", right after the
 * verb or its preposition ("accused each other", "fired at one another")? */
static int each_other_object(const csent *s, const vgroup *g) {
    int j = g->end;
    if (j < s->n && s->t[j].pos == DYAD_POS_IN) j++;
    if (j + 1 >= s->n) return 0;
    return (!strcmp(s->t[j].up, "EACH") && !strcmp(s->t[j + 1].up, "OTHER")) ||
           (!strcmp(s->t[j].up, "ONE") && !strcmp(s->t[j + 1].up, "ANOTHER"));
}

/* Is a verb one of mutual conflict, which two sides do to each other ("X
 * and Y clashed", "fought", "battled")? Dictionaries that mark no such
 * pattern with "%" (Phoenix marks none) still say it by the verb. */
static int mutual_verb(const char *lemma) {
    static const char *const verbs[] = {"CLASH",   "FIGHT",  "BATTLE", "SKIRMISH", "DUEL",    "QUARREL",
                                        "WRESTLE", "GRAPPLE", "FEUD",  "SCUFFLE",  "BRAWL",   "TUSSLE"};
    return lemma && CODER_WORD_IN(lemma, verbs);
}

/* Is the first noun after group g's verb a fight ("fought pitched
 * battles", "waged a war"), the act itself told again as its object? */
static int fight_object(const csent *s, const vgroup *g) {
    static const char *const nouns[] = {"BATTLE", "BATTLES", "WAR",       "WARS",       "CLASH", "CLASHES",
                                        "FIGHT",  "FIGHTS",  "GUNBATTLE", "GUNBATTLES", "DUEL",  "SKIRMISHES"};
    for (int j = g->end; j < g->pattern_end; j++) {
        uint8_t p = s->t[j].pos;
        if (p == DYAD_POS_NN || p == DYAD_POS_NNS) return CODER_WORD_IN(s->t[j].up, nouns);
        if (p == DYAD_POS_IN || p == DYAD_POS_TO || p == DYAD_POS_COMMA || p == DYAD_POS_PERIOD) return 0;
    }
    return 0;
}

/* Several actors doing a verb together, with no actor as its object: do
 * they act on each other? A joint act or "each other" says so; a compound
 * pattern ("X and Y clashed") only when the verb has no object of its own,
 * or one of theirs ("delayed their meeting"), or the fight itself ("fought
 * fierce battles"): "X and Y fought hunger" is no fight between them. */
static int among_themselves(const csent *s, const vgroup *g, const vmatch *m) {
    const char *code = m->code ? m->code : m->code2;
    int theirs = g->end < s->n && !strcmp(s->t[g->end].up, "THEIR"); /* "delayed their meeting" */
    /* a compound pattern that names the object itself ("% * FIRE":
     * "X and Y exchanged fire") says the act is mutual */
    return reciprocal(s, g, code) ||
           (m->compound && (theirs || !has_object(s, g) || pattern_has_words(s->c->dict, m->pattern, 1) ||
                            fight_object(s, g)));
}

/* Is token i a noun whose own "with" phrase names the other side of a
 * relation or a conflict ("the negotiations with Iran", "its war with
 * Ukraine")? That phrase belongs to the noun, not to the verb before it. */
static int relation_noun(const csent *s, int i) {
    static const char *const nouns[] = {
        "WAR",         "WARS",         "AGGRESSION", "CONFLICT",     "NEGOTIATIONS", "TALKS",
        "RELATIONS",   "TIES",         "RELATIONSHIP", "DEAL",       "AGREEMENT",    "DIALOGUE",
        "COOPERATION", "PARTNERSHIP",  "TRADE",      "DISPUTE",      "STANDOFF",     "TENSIONS",
        "BORDER",      "FIGHTING",     "CLASHES",    "ENGAGEMENT",   "CONTACTS",     "ALLIANCE"};
    return i >= 0 && i < s->n && s->t[i].pos >= DYAD_POS_NN && s->t[i].pos <= DYAD_POS_NNS &&
           CODER_WORD_IN(s->t[i].up, nouns);
}

/* "discussed the Syrian crisis", "discussed preparations for the BRICS
 * summit", "talked about ...": what is discussed is the topic, and the
 * partner only the one discussed "with". Returns that partner's unit, or -1;
 * `is` says whether group g is a discussion at all. */
static int discussion_partner(const csent *s, const vgroup *g, int *is) {
    const char *v = s->t[g->main].up;
    *is = (v[0] == 'D' && (!strncmp(v, "DISCUSS", 7) || !strncmp(v, "DEBATE", 6))) ||
          (v[0] == 'T' && !strncmp(v, "TALK", 4) && g->end < s->n && !strcmp(s->t[g->end].up, "ABOUT"));
    if (!*is) return -1;
    /* the phrases of a verb inside the topic are its own ("discussed efforts
     * to reach a deal with Iran") */
    int end = g->region_end;
    for (int h = 0; h < s->ngroups; h++)
        if (s->groups[h].start >= g->end && s->groups[h].start < end) end = s->groups[h].start;
    for (int u = 0; u < s->nunits; u++) {
        const unit *x = &s->units[u];
        if (x->start < g->end || x->start >= end) continue;
        if (x->in_pp && x->has_actor && !strcmp(x->prep, "WITH") && !relation_noun(s, x->start - 2))
            return u;
    }
    return -1;
}

/* Is group gi an infinitive complement ("urged X to respond", "signed an
 * accord to supply") of a verb that coded an event? Its meaning is part
 * of that event, so it codes none of its own. */
static int complement_of_previous(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    if (gi == 0 || s->t[g->start].pos != DYAD_POS_TO) return 0;
    const vgroup *prev = &s->groups[gi - 1];
    for (int j = prev->end; j < g->start; j++) {
        if (s->t[j].unit >= 0) { /* "urged X and Y to": the "and" of one unit */
            j = s->units[s->t[j].unit].end - 1;
            continue;
        }
        if (s->t[j].pos == DYAD_POS_COMMA || s->t[j].pos == DYAD_POS_CC) return 0;
    }
    return 1;
}

/* "warned that Peru's plan would hurt trade": a warning of what another
 * does or what will happen is no threat; only the warner's own act told in
 * the clause after it is ("warned that it would respond"). Is group gi's
 * WARN, with no pattern of its own, one whose clause has a subject other
 * than the warner? */
static int warning_of_others(const csent *s, int gi, const vmatch *m) {
    const vgroup *g = &s->groups[gi];
    if (m->pattern || !m->lemma || m->lemma[0] != 'W' || strcmp(m->lemma, "WARN") || g->subject < 0 ||
        g->pattern_end >= g->region_end)
        return 0;
    int h = gi + 1;
    /* the clause's own verb: not an infinitive of its subject ("X's plan to withdraw") */
    while (h < s->ngroups && (s->groups[h].start < g->pattern_end || s->groups[h].infinitive)) h++;
    if (h >= s->ngroups || s->groups[h].start >= g->region_end || s->groups[h].subject < 0) return 0;
    const unit *w = &s->units[g->subject], *x = &s->units[s->groups[h].subject];
    const char *wa = actor_code(w), *xa = actor_code(x);
    /* the warner itself or a part of it ("Chile ... Chilean troops"); a
     * sector alone may be the warner's too ("its troops would respond") */
    if (x->pronoun || !coder_has_country(wa) || !coder_has_country(xa)) return 0;
    const char *wc = w->codes[0], *xc = x->codes[0];
    size_t a = strlen(wc), b = strlen(xc);
    return strncmp(wa, xa, 3) || strncmp(wc, xc, a < b ? a : b);
}

/* Group gi's verb match, worked out once per sentence: several rules ask
 * about the same group (its own event, combinations, transformations). */
/* "refused to deploy troops": a refusal of what its infinitive tells,
 * which did not happen (12x), also when the dictionary codes REFUSE or
 * DECLINE alone as nothing (Phoenix). Called for a verb with no code. */
static void refusal(const csent *s, int gi, vmatch *x) {
    const char *l = x->lemma;
    if (!x->pattern && l && (l[0] == 'R' || l[0] == 'D') && (!strcmp(l, "REFUSE") || !strcmp(l, "DECLINE")) &&
        gi + 1 < s->ngroups && complement_of_previous(s, gi + 1))
        x->code = "120";
}

/* "sought to block the plan": SEEK right before an infinitive is an
 * attempt, no appeal; the infinitive tells the act, as after "tried to".
 * ("sought help to rebuild" has its object between: an appeal; "will seek
 * to extend" keeps SEEK, lest a future attempt code as the act.) */
static void attempt(const csent *s, int gi, vmatch *x) {
    const char *l = x->lemma;
    const vgroup *g = &s->groups[gi];
    if (x->pattern || !l || l[0] != 'S' || strcmp(l, "SEEK") || gi + 1 >= s->ngroups ||
        s->groups[gi + 1].start != g->end || !complement_of_previous(s, gi + 1))
        return;
    for (int k = g->start; k < g->main; k++)
        if (s->t[k].pos == DYAD_POS_MD) return;
    x->code = x->code2 = NULL;
}

static inline int group_match(csent *s, int gi, vmatch *m) {
    if (!s->matched[gi]) {
        vmatch *x = &s->matches[gi];
        s->matched[gi] = coder_match_verb(s, &s->groups[gi], x) ? 1 : -1;
        if (s->matched[gi] == 1 && is_null_code(x->code) && is_null_code(x->code2)) refusal(s, gi, x);
        else if (s->matched[gi] == 1) attempt(s, gi, x);
    }
    *m = s->matches[gi];
    return s->matched[gi] == 1;
}

/* "Norway is prepared to send aid", "is expected to", "was set to": BE and
 * a participle of readiness or expectation before an infinitive are no
 * passive act of their own but the frame of the infinitive, which is the
 * subject's act, told as a future one (scheduled). 1 if group gi is one. */
static int readiness_word(const char *w) {
    static const char *const ready[] = {"PREPARED", "EXPECTED", "SET", "SCHEDULED", "PLANNED", "INTENDED"};
    return CODER_WORD_IN(w, ready);
}

static inline int readiness_frame(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    return g->passive && gi + 1 < s->ngroups && s->groups[gi + 1].start == g->end &&
           s->t[g->end].pos == DYAD_POS_TO && readiness_word(s->t[g->main].up);
}

/* Is group gi's meaning part of the verb before it? An infinitive complement
 * is, when that verb coded an event ("urged X to release Y"); and what is
 * only appealed for, intended, demanded, refused or threatened (02, 03, 10,
 * 12, 13) did not happen, even when that verb names no target of its own:
 * "threatened to attack vehicles near X" is no attack on X. */
static int absorbed(csent *s, int gi, const uint8_t *coded) {
    if (gi > 0 && s->groups[gi].coordinated) return coded[gi - 1] ? 0 : absorbed(s, gi - 1, coded);
    if (gi == 0 || !complement_of_previous(s, gi) || readiness_frame(s, gi - 1)) return 0;
    if (coded[gi - 1] || absorbed(s, gi - 1, coded)) return 1; /* "to work together to restore" */
    vmatch up;
    if (!group_match(s, gi - 1, &up)) return 0;
    int root = code_root(up.code ? up.code : up.code2);
    return root == 2 || root == 3 || root == 10 || root == 12 || root == 13;
}

/* Does a word of class cls stand among group g's auxiliaries (before its
 * main verb): "could", "must", "will"? */
static int aux_has(const csent *s, const vgroup *g, uint32_t cls) {
    for (int k = g->start; k < g->main; k++)
        if (s->t[k].wc & cls) return 1;
    return 0;
}

/* Emits code from every actor of unit su to every actor of unit tu; -1
 * out of memory. */
static int emit_pairs(csent *s, uint32_t sentence, int su, int tu, const char *code, const vmatch *m,
                      const char *why, dyad_event **ev, size_t *nev, size_t *cap) {
    const unit *S = &s->units[su], *T = &s->units[tu];
    for (int a = 0; a < S->ncodes; a++)
        for (int b = 0; b < T->ncodes; b++)
            if (emit(s, sentence, S->codes[a], T->codes[b], code, su, tu, m, why, ev, nev, cap) < 0)
                return -1;
    return 0;
}

/* "Russia could attack", "China may impose sanctions": what only might
 * happen is no event in CAMEO (PETRARCH-2 codes it as done); nor is what
 * one must or should do ("Iran must cease its support"), unless a speaker
 * demands it (reported_demand). */
static int speculation(const csent *s, const vgroup *g) {
    return !s->c->opt.future_as_act && aux_has(s, g, WC_MAYBE | WC_MUST);
}

/* "We, the ministers of X and Y, condemn ... Z must cease ...": in a
 * statement in the first person (the document's voice: docmem.voice),
 * what another actor must or should do is the statement's demand
 * (10x, by what is demanded) of it. -1 out of memory. */
static int voice_demand(csent *s, const vgroup *g, const vmatch *m, uint32_t sentence,
                        dyad_event **ev, size_t *nev, size_t *cap) {
    if (!s->mem || s->mem->voice_sentence < 0 || g->subject < 0) return 0;
    const unit *T = &s->units[g->subject], *S = &s->mem->voice;
    if (!aux_has(s, g, WC_MUST) || !T->has_actor || T->pronoun) return 0;
    char buf[8];
    const char *code = coder_combine("100", m->code ? m->code : m->code2, buf, sizeof buf);
    if (!code) code = "100";
    const char *why = s->c->opt.explain ? explain(s, g, m, -1, g->subject) : NULL;
    for (int a = 0; a < S->ncodes; a++)
        for (int b = 0; b < T->ncodes; b++)
            if (emit(s, sentence, S->codes[a], T->codes[b], code, -1, g->subject, m, why, ev, nev, cap) < 0)
                return -1;
    return 0;
}

/* Is group g a gerund in "the importance of (X) doing", "the value of"?
 * What is important is a topic, not an act ("stressed the importance of
 * partners providing aid"). */
static int topic_gerund(const csent *s, const vgroup *g) {
    static const char *const nouns[] = {"IMPORTANCE", "VALUE", "NECESSITY", "NEED"};
    if (s->t[g->start].pos != DYAD_POS_VBG) return 0;
    for (int j = g->start - 1; j > 0 && j >= g->start - 12; j--) {
        uint8_t p = s->t[j].pos;
        if (s->t[j].group >= 0 || p == DYAD_POS_COMMA) return 0;
        if (coder_is_word(s, j, WC_OF)) return CODER_WORD_IN(s->t[j - 1].up, nouns);
    }
    return 0;
}

/* Is group g an infinitive after a noun of ways and chances ("discussed
 * opportunities to deepen ties", "ways to end the war"), or a gerund of
 * what is important (topic_gerund)? It names a topic of talk, not an act. */
static int topic_infinitive(const csent *s, const vgroup *g) {
    static const char *const nouns[] = {"WAYS", "WAY", "OPPORTUNITIES", "OPPORTUNITY", "MEANS",
                                        "CHANCE", "CHANCES", "OPTIONS", "STEPS", "MEASURES",
                                        "PROPOSALS", "IDEAS", "PROSPECTS"};
    if (topic_gerund(s, g)) return 1;
    if (!g->infinitive || g->start == 0 || s->t[g->start].pos != DYAD_POS_TO) return 0;
    const ctok *t = &s->t[g->start - 1];
    return (t->pos == DYAD_POS_NN || t->pos == DYAD_POS_NNS) && CODER_WORD_IN(t->up, nouns);
}

/* Is the act of group g made to depend on something ("... unless Y
 * agrees", "... if Y goes ahead")? */
static int conditional(const csent *s, const vgroup *g) {
    for (int j = g->end; j < s->n; j++)
        if (s->t[j].wc & WC_COND) return 1;
    return 0;
}

/* A threat with no target of its own is aimed at whoever must act on the
 * condition: "threatened to halt the talks if Y deployed troops" -> Y.
 * The subject of the if/unless clause, when it names an actor; else -1. */
static int condition_subject(const csent *s, const vgroup *g) {
    for (int j = g->end; j + 1 < s->n; j++) {
        if (s->t[j].wc & WC_SEMI) return -1;
        if (!(s->t[j].wc & WC_COND)) continue;
        int u = s->t[j + 1].unit;
        return u >= 0 && s->units[u].has_actor && !s->units[u].pronoun ? u : -1;
    }
    return -1;
}

/* "Karzai is to visit Pakistan", "is set to meet", "plans to send", "is
 * willing to send", "ready to contribute": an infinitive after BE or a word
 * of planning or readiness tells a future act; so does a headline's first
 * verb when it is an infinitive right after its subject, BE dropped ("Iran
 * to hold talks with Oman"). */
static int scheduled(const csent *s, const vgroup *g) {
    int to = g->start;
    while (to < g->main && s->t[to].pos != DYAD_POS_TO) to++;
    if (!g->infinitive || to == 0 || s->t[to].pos != DYAD_POS_TO) return 0;
    int k = to - 1;
    while (k > 0 && (s->t[k].wc & WC_TIME)) k--; /* "was preparing Sunday to arrive" */
    const ctok *b = &s->t[k];
    if (s->headline && g == &s->groups[0] && b->unit >= 0) return 1;
    static const char *const plan[] = {"SET", "DUE", "EXPECTED", "SCHEDULED", "PLANS", "PLANNED",
                                       "PLAN", "PLANNING", "INTENDS", "INTENDED", "PREPARING",
                                       "WILLING", "READY", "PREPARED", "EAGER"};
    if ((b->wc & WC_BE) && strcmp(b->up, "BEING")) return 1;
    return CODER_WORD_IN(b->up, plan);
}

/* "He is set to visit Nepal", "talks are due to resume": a schedule that
 * the reporter tells (BE with "set", "due" or "scheduled" before an
 * infinitive, in a clause that no one is said to say) is neither an act
 * nor a party's stated intention: no event. A party's plan or readiness
 * ("plans to", "is ready to"), "is to visit", what is "expected" and a
 * schedule someone is said to announce stay intentions. */
static int reporter_schedule(const csent *s, int gi) {
    const vgroup *g = &s->groups[gi];
    if (!g->infinitive || g->subordinate || s->headline) return 0;
    int to = g->start;
    while (to < g->main && s->t[to].pos != DYAD_POS_TO) to++;
    if (to == 0 || s->t[to].pos != DYAD_POS_TO) return 0;
    int k = to - 1;
    while (k > 0 && (s->t[k].wc & WC_TIME)) k--;
    static const char *const sched[] = {"SET", "DUE", "SCHEDULED"};
    if (!(k > 0 && (s->t[k - 1].wc & WC_BE) && CODER_WORD_IN(s->t[k].up, sched))) return 0;
    for (int h = 0; h < gi; h++)
        if ((s->t[s->groups[h].main].wc & WC_SAY) && s->groups[h].region_end > g->start) return 0;
    return 1;
}

/* "X will invest in Y", "X said it would invest in Y": a cooperative act
 * (04-08) told in the future, in a main clause or a statement's
 * complement, is an intention (03x); a harmful one (14-20) made to
 * depend on a condition ("will boycott unless ...") or announced in a
 * statement ("said they would blockade X") is a threat (13x). */
static inline void reported_intention(csent *s, int gi, vmatch *m) {
    const vgroup *g = &s->groups[gi];
    if (!m->code || strlen(m->code) < 2 || g->subordinate) return;
    int root = code_root(m->code);
    /* "renewed its threats to attack": what is threatened is a threat (13x) */
    const char *before = g->infinitive && g->start > 0 ? s->t[g->start - 1].up : "";
    if (root >= 10 && (!strcmp(before, "THREAT") || !strcmp(before, "THREATS"))) {
        m->code = coder_threat(m->code);
        m->code2 = NULL;
        return;
    }
    if ((root < 4 || root > 8) && root < 14) return;
    if (!scheduled(s, g) && !aux_has(s, g, WC_FUTURE)) return;
    /* in another verb's clause, only a statement's ("said it would") */
    const vgroup *prev = gi > 0 && !readiness_frame(s, gi - 1) ? &s->groups[gi - 1] : NULL;
    int reported = prev && prev->region_end > g->start;
    /* harm announced ("said they would blockade X"), told as plain future
     * ("will retaliate") or made to depend on a condition is a threat, as
     * it has not happened; a cut in relations announced ("said it would
     * expel diplomats") is a decision, not a threat, and stays the act */
    if (!reported && s->c->opt.future_as_act) return;
    if (root == 16 && !conditional(s, g)) return;
    vmatch pm;
    if (reported && group_match(s, gi - 1, &pm) && !is_null_code(pm.code) && strncmp(pm.code, "01", 2))
        return;
    char buf[8];
    const char *code = root >= 14 ? coder_threat(m->code) : coder_combine("030", m->code, buf, sizeof buf);
    if (code) {
        m->code = dyad_arena_strdup(s->a, code);
        m->code2 = NULL;
    }
}

/* "X and Y agreed that their countries should cooperate": an agreement
 * (019) on a cooperative act (04-08) that its complement clause tells is
 * the intention to do it (03x), as "agreed to cooperate" is. */
static void agreed_clause(csent *s, int gi, vmatch *m) {
    const vgroup *g = &s->groups[gi];
    vmatch low;
    char buf[8];
    if (!m->code || strcmp(m->code, "019")) return;
    /* "agreed to:" and a list of what they will do: intentions, as "agreed
     * to work together" is, not accord on a position */
    if (g->end + 1 < s->n && !strcmp(s->t[g->end].up, "TO") && s->t[g->end + 1].pos == DYAD_POS_COLON) {
        m->code = "030";
        m->code2 = NULL;
        return;
    }
    if (gi + 1 >= s->ngroups) return;
    const vgroup *h = &s->groups[gi + 1];
    if (h->start < g->pattern_end || h->start >= g->region_end || h->negated || h->infinitive ||
        !group_match(s, gi + 1, &low) || !low.code || code_root(low.code) < 4 || code_root(low.code) > 8)
        return;
    const char *code = coder_combine("030", low.code, buf, sizeof buf);
    if (code) {
        m->code = dyad_arena_strdup(s->a, code);
        m->code2 = NULL;
    }
}

/* "urged X to release Y": group gi's code combined with its infinitive
 * complement's (combine.c). Returns the complement's target unit when gi
 * has none of its own, through *tgt. */
static void combine_with_complement(csent *s, int gi, vmatch *m, char *buf, size_t n, int *tgt,
                                    int *joint) {
    *tgt = -1;
    *joint = 0;
    if (gi + 1 >= s->ngroups || !complement_of_previous(s, gi + 1) || !m->code) return;
    vmatch low;
    const vgroup *h = &s->groups[gi + 1];
    /* agreeing to do what has no code of its own ("agreed to maintain
     * contacts") is the intention to cooperate, not accord on a position
     * (not what one "must" or "could" agree to) */
    const vgroup *g = &s->groups[gi];
    int modal = 0;
    for (int k = g->start; k < g->main; k++) modal |= s->t[k].pos == DYAD_POS_MD;
    if (!strcmp(m->code, "019") && h->infinitive && !h->negated && !modal && h->start == g->end &&
        (!group_match(s, gi + 1, &low) || (is_null_code(low.code) && is_null_code(low.code2)))) {
        m->code = "030";
        m->code2 = NULL;
        return;
    }
    if (!group_match(s, gi + 1, &low) || is_null_code(low.code) || h->negated) return;
    /* agreeing to do something is the intention to do it (combine.c's 019),
     * whatever code the dictionary gives AGREE alone (Phoenix: 050) */
    int agree = !m->pattern && m->lemma && m->lemma[0] == 'A' && !strcmp(m->lemma, "AGREE");
    const char *code = coder_combine(agree ? "019" : m->code, low.code, buf, n);
    if (!code) return;
    m->code = dyad_arena_strdup(s->a, code);
    m->code2 = NULL;
    *joint = reciprocal(s, h, low.code); /* "promised to work together" */
    int su;
    roles(s, h, &low, &su, tgt);
}

/* Is group gi the frame of the infinitive after it, which tells the
 * subject's act: "is prepared to" (readiness_frame), or BE, "willing",
 * "ready" with no code of its own ("was ready to hold talks")? */
static int readiness_of(csent *s, int gi) {
    if (readiness_frame(s, gi)) return 1;
    if (gi + 1 >= s->ngroups || !complement_of_previous(s, gi + 1) || !scheduled(s, &s->groups[gi + 1]))
        return 0;
    vmatch m;
    return !group_match(s, gi, &m) || (is_null_code(m.code) && is_null_code(m.code2));
}

/* A transformation of group gi acting on the next group's event ("A says
 * B attacked" -> A accuses B): emits the result. 1 if one applied. */
static int transformed(csent *s, int gi, const vmatch *m, uint32_t sentence, dyad_event **ev,
                       size_t *nev, size_t *cap) {
    if (!s->c->nxforms || gi + 1 >= s->ngroups) return 0;
    const vgroup *g = &s->groups[gi];
    if (s->groups[gi + 1].start >= g->region_end || !coder_transform_outer(s->c, m)) return 0;
    /* "said it is ready / prepared to withdraw": the inner act is the
     * frame's infinitive, with the frame's subject */
    int frame = readiness_of(s, gi + 1), hi = gi + 1 + frame;
    const vgroup *h = &s->groups[hi];
    vmatch low;
    if (!group_match(s, hi, &low) || is_null_code(low.code)) return 0;
    /* the inner act as it is coded alone: "said it would meet Y" is the
     * intention (036) that SAY passes on, "said it will attack" a threat,
     * "said it plans to withdraw from Y" the intention to withdraw (0356) */
    char comb[8];
    int ctgt, cjoint;
    combine_with_complement(s, hi, &low, comb, sizeof comb, &ctgt, &cjoint);
    reported_intention(s, hi, &low);
    int isrc, itgt;
    roles(s, h, &low, &isrc, &itgt);
    if ((itgt < 0 || !s->units[itgt].has_actor) && ctgt >= 0 && ctgt != isrc) itgt = ctgt;
    /* an infinitive has no source of its own, but a frame's */
    if (complement_of_previous(s, hi)) isrc = frame ? s->groups[gi + 1].subject : -1;
    int rs, rt;
    const xform *x = coder_transform(s, m, g->subject, isrc, itgt, low.code, &rs, &rt);
    if (!x) return 0;
    const char *code = x->rcode[0] ? x->rcode : low.code;
    const unit *S = &s->units[rs];
    const char *why = NULL;
    if (s->c->opt.explain) {
        char buf[600], tr[600];
        snprintf(buf, sizeof buf, "%s; %s", dict_transform_origin(s->c->dict, x->rec, tr, sizeof tr),
                 explain(s, g, m, rs, rt));
        why = dyad_arena_strdup(s->a, buf);
    }
    for (int a = 0; a < S->ncodes; a++)
        for (int b = 0; b < (rt >= 0 ? s->units[rt].ncodes : 1); b++) {
            const char *tc = rt >= 0 ? s->units[rt].codes[b] : "---";
            if (rt < 0 && s->c->opt.require_dyad) continue;
            if (emit(s, sentence, S->codes[a], tc, code, rs, rt, m, why, ev, nev, cap) < 0) return -1;
        }
    return 1;
}

/* Does unit g name one of unit a's actors: the same code, or the bare
 * code of its country (CHN for CHNGOV, and CHNGOV for CHN)? */
static int includes_actor(const unit *g, const unit *a) {
    for (int i = 0; i < a->ncodes; i++)
        for (int j = 0; j < g->ncodes; j++) {
            const char *x = a->codes[i], *y = g->codes[j];
            if (!strcmp(x, y) || ((strlen(x) == 3 || strlen(y) == 3) && !strncmp(x, y, 3))) return 1;
        }
    return 0;
}

/* "X said (that) Y must release Z", "X demanded that Y resign": what one
 * actor says another must or should do is a demand (10x, by what is
 * demanded: 1053 for a release, 1041 for a resignation),
 * from the speaker to the one who must act; that act itself is not coded.
 * 1 if the demand was coded, and marks the inner group done. */
static int reported_demand(csent *s, int gi, uint8_t *done, uint32_t sentence, dyad_event **ev,
                           size_t *nev, size_t *cap) {
    const vgroup *g = &s->groups[gi];
    if (gi + 1 >= s->ngroups) return 0;
    const vgroup *h = &s->groups[gi + 1];
    int su = g->subject, tu = h->subject;
    if (h->start >= g->region_end || su < 0 || tu < 0 || su == tu || !s->units[su].has_actor ||
        !s->units[tu].has_actor || h->negated || h->infinitive || h->bare_passive)
        return 0; /* "demanded the release of engineers kidnapped by X": no clause */
    /* said ... must/should V; or demanded that Y V */
    vmatch upper;
    if (!(aux_has(s, h, WC_MUST) && (s->t[g->main].wc & WC_SAY)) &&
        !(group_match(s, gi, &upper) && code_root(upper.code) == 10 && h->start > g->end))
        return 0;
    /* "X said both nations should cooperate closely": what a group that
     * includes the speaker should do is no demand of the others in it */
    if (s->units[tu].ncodes > 1 && includes_actor(&s->units[tu], &s->units[su])) {
        done[gi + 1] = 1;
        return 1;
    }
    /* the verb to name: the demanded act's, else the speaker's */
    vmatch low;
    int inner = group_match(s, gi + 1, &low);
    if (!inner && !group_match(s, gi, &low)) return 0;
    char buf[8];
    const char *code = inner && !is_null_code(low.code) ? coder_combine("100", low.code, buf, sizeof buf) : NULL;
    if (!code) code = "100";
    const char *why = s->c->opt.explain ? explain(s, inner ? h : g, &low, su, tu) : NULL;
    if (emit_pairs(s, sentence, su, tu, code, &low, why, ev, nev, cap) < 0) return -1;
    done[gi + 1] = 1;
    return 1;
}

/* Words that judge what they are said of: "X said Y was illegal", "... a
 * mistake"; "responsible" and "to blame" lay the blame. */
static int judgement(const char *w) {
    static const char *const words[] = {
        "ILLEGAL",  "ILLEGITIMATE", "UNLAWFUL",   "WRONG",    "UNACCEPTABLE", "MISTAKE",    "BLUNDER",
        "FAILURE",  "DISASTER",     "SCANDAL",    "SCANDALOUS", "UNJUST",     "UNFAIR",     "IRRESPONSIBLE",
        "ABSURD",   "OUTRAGEOUS",   "HYPOCRITICAL", "CRIMINAL", "SHAMEFUL",   "DISGRACEFUL", "PROVOCATION",
        "PROVOCATIVE"};
    return CODER_WORD_IN(w, words);
}

/* "X said (that) Y was illegal / a serious mistake": what one actor says
 * of another in such words is criticism of it (111), and "X said Y was to
 * blame / responsible for ..." an accusation (112), from the speaker to
 * the one judged (an act or a plan of Y's is Y's: "the US war was
 * illegal"). 1 if coded; the inner group is then done. */
static int reported_judgement(csent *s, int gi, uint8_t *done, uint32_t sentence, dyad_event **ev,
                              size_t *nev, size_t *cap) {
    const vgroup *g = &s->groups[gi];
    if (!(s->t[g->main].wc & WC_SAY) || gi + 1 >= s->ngroups) return 0;
    const vgroup *h = &s->groups[gi + 1];
    /* Y: the first phrase after the speaking verb, not one inside Y ("the
     * US invasion of Iraq") */
    int su = g->subject, tu = -1;
    for (int j = g->end; j < h->start && tu < 0; j++) {
        const unit *u = s->t[j].unit >= 0 ? &s->units[s->t[j].unit] : NULL;
        if (u && (!u->in_pp || (s->t[u->start - 1].wc & WC_COMPL))) tu = s->t[j].unit; /* "that Y" */
    }
    if (h->start >= g->region_end || su < 0 || tu < 0 || su == tu || !s->units[su].has_actor ||
        !s->units[tu].has_actor || h->negated || !(s->t[h->start].wc & WC_BE))
        return 0;
    const char *code = NULL;
    if (h->end - h->start == 3 && s->t[h->start + 1].pos == DYAD_POS_TO && !strcmp(s->t[h->start + 2].up, "BLAME"))
        code = "112"; /* "was to blame" */
    else if (h->infinitive)
        return 0;
    else if (h->main == h->start) /* BE alone: what follows says what Y is */
        for (int j = h->end; j < s->n && j < h->end + 4 && !code; j++) {
            const ctok *t = &s->t[j];
            if (judgement(t->up)) code = "111";
            else if (!strcmp(t->up, "RESPONSIBLE")) code = "112";
            else if (t->pos != DYAD_POS_DT && t->pos != DYAD_POS_RB && (t->pos < DYAD_POS_JJ || t->pos > DYAD_POS_JJS))
                break;
        }
    if (!code) return 0;
    vmatch m;
    if (!group_match(s, gi, &m)) return 0; /* the speaking verb's own form, for the record */
    m.code = code;
    m.code2 = NULL;
    m.pattern = 0;
    m.compound = 0;
    m.target = m.source = -1;
    const char *why = s->c->opt.explain ? explain(s, g, &m, su, tu) : NULL;
    if (emit_pairs(s, sentence, su, tu, code, &m, why, ev, nev, cap) < 0) return -1;
    done[gi + 1] = 1;
    return 1;
}

/* "Iran said Iraq met Kuwait": a statement (the bare code 010 of its verb,
 * no pattern) whose target is the subject of a later clause that codes an
 * act of its own is no event: that act is coded, not the saying, as
 * PETRARCH-2 nests the act in the statement and keeps of the two only what
 * a transformation makes of them ("said Iraq attacked": 112). */
static int statement_of_act(csent *s, int gi, const vmatch *m, int tu) {
    if (tu < 0 || m->pattern || !m->code || strcmp(m->code, "010")) return 0;
    for (int h = gi + 1; h < s->ngroups && s->groups[h].start < s->groups[gi].region_end; h++) {
        vmatch low;
        if (s->groups[h].subject != tu) continue;
        if (readiness_of(s, h)) h++; /* "said Y is ready to V" */
        return group_match(s, h, &low) && !(is_null_code(low.code) && is_null_code(low.code2));
    }
    return 0;
}

/* "told AFP that rockets were launched from X", "told Reuters Y was beaten
 * by police": a statement's addressee (the verb's own code, no pattern)
 * stands before what is said; a unit past the verb of the reported clause
 * is in that clause, no addressee. */
static int said_in_complement(const csent *s, int gi, const vmatch *m, int tu) {
    const vgroup *g = &s->groups[gi];
    if (tu < 0 || m->pattern || m->target >= 0 || g->passive) return 0;
    for (int j = g->end; j < s->units[tu].start; j++)
        if (s->t[j].group >= 0 && s->t[j].group != gi) return 1;
    return 0;
}

/* "forces backed by X", "troops supporting X's army": support told by a
 * lone participle after a noun describes what the noun is, a standing
 * relation, not an act the sentence reports (not in a headline, where
 * "Japan backing X" is the news). */
static int support_describes_noun(const csent *s, const vgroup *g) {
    if (s->headline || g->main != g->start || g->start == 0) return 0;
    uint8_t p = s->t[g->main].pos, q = s->t[g->start - 1].pos;
    if (q < DYAD_POS_NN || q > DYAD_POS_NNPS) return 0;
    if (p == DYAD_POS_VBG) return 1;
    return (p == DYAD_POS_VBN || p == DYAD_POS_VBD) && g->end < s->n && coder_is_word(s, g->end, WC_BY);
}

/* Nouns whose "that" clause tells what someone holds or alleges, not what
 * happened: "its belief that X was preparing to attack Y", "echoed charges
 * that X is cooperating with Y". */
static int belief_noun(const char *w) {
    static const char *const words[] = {"BELIEF",     "BELIEFS",      "CHARGE",     "CHARGES",   "CLAIM",
                                        "CLAIMS",     "ALLEGATION",   "ALLEGATIONS", "ACCUSATION", "ACCUSATIONS",
                                        "SUSPICION",  "SUSPICIONS",   "RUMOR",      "RUMORS",    "RUMOUR",
                                        "RUMOURS",    "SPECULATION",  "FEAR",       "FEARS",     "ASSERTION",
                                        "ASSERTIONS", "INSINUATIONS", "CONVICTION"};
    return CODER_WORD_IN(w, words);
}

/* Is group gi the verb of a "that" clause of such a noun ("the claim that
 * X attacked Y")? Only the first verb after "that" is looked at, and an
 * infinitive it governs. */
static int alleged_clause(const csent *s, int gi) {
    if (s->groups[gi].infinitive && gi > 0) gi--; /* "that X was preparing to attack Y" */
    int from = gi > 0 ? s->groups[gi - 1].end : 0;
    for (int j = s->groups[gi].start - 1; j > from; j--)
        if (s->t[j].wc & WC_COMPL) return s->t[j].pos == DYAD_POS_IN && belief_noun(s->t[j - 1].up);
    return 0;
}

/* Nouns that name an attack ("condemned the attack", "the operation"). */
static int attack_noun(const char *w) {
    static const char *const words[] = {"ATTACK",   "ATTACKS",  "STRIKE",    "STRIKES",  "AIRSTRIKE",
                                        "AIRSTRIKES", "RAID",   "RAIDS",     "BOMBING",  "BOMBINGS",
                                        "SHELLING", "ASSAULT",  "OPERATION", "INCURSION", "KILLING",
                                        "KILLINGS", "MASSACRE", "AGGRESSION"};
    return CODER_WORD_IN(w, words);
}

/* "Islamabad denounced the attack", "Lula condemned the operation": a
 * condemnation (11) whose object is an attack named by a bare noun, with
 * no actor of its own, is of the one who carried out the document's latest
 * attack (docmem's attacker). 1 with *out that actor. */
static int condemned_attack(csent *s, const vgroup *g, unit *out) {
    if (!s->mem || !s->mem->attacker) return 0;
    int j = g->end;
    while (j < s->n && s->t[j].unit < 0 &&
           (s->t[j].pos == DYAD_POS_DT || s->t[j].pos == DYAD_POS_PRPS || !strcmp(s->t[j].up, "THAT") ||
            (s->t[j].pos >= DYAD_POS_JJ && s->t[j].pos <= DYAD_POS_JJS)))
        j++;
    if (j >= s->n || s->t[j].unit >= 0 || s->t[j].group >= 0 || !attack_noun(s->t[j].up)) return 0;
    return code_unit(s, s->mem->attacker, j, out);
}

/* "three agreements were signed", "it was agreed to expand ties": a joint
 * act (joint_act) or an agreed intention (03x) told in the passive with no
 * agent, whose other party is none or "the two countries", was done by the
 * two parties of the latest consultation of the sentence, else of the
 * document's latest exchange (docmem's pair), each with the other. 1 if
 * emitted so, -1 out of memory. */
static int pair_passive(csent *s, const vgroup *g, const vmatch *m, int tu, uint32_t sentence,
                        dyad_event **ev, size_t *nev, size_t *cap) {
    const char *code = m->code ? m->code : m->code2;
    if (!g->passive || !s->mem || !(joint_act(code) || code_root(code) == 3)) return 0;
    /* "it was agreed to ...": a dummy "it" names no party */
    const unit *t = tu >= 0 ? &s->units[tu] : NULL;
    int dummy = t && t->pronoun && t->end == t->start + 1 && !strcmp(s->t[t->start].up, "IT");
    if (t && t->has_actor && !t->pair && !dummy) return 0;
    /* "held talks with Y, during which it was agreed": this sentence's
     * consultation names the pair before the document's memory does */
    const char *a = s->mem->pair_sentence >= 0 ? s->mem->pair[0] : NULL;
    const char *b = s->mem->pair_sentence >= 0 ? s->mem->pair[1] : NULL;
    for (size_t i = *nev; i-- > 0 && (*ev)[i].sentence == sentence;)
        if (code_root((*ev)[i].code) == 4 && strncmp((*ev)[i].source, (*ev)[i].target, 3)) {
            a = (*ev)[i].source;
            b = (*ev)[i].target;
            break;
        }
    if (!a || !b) return 0;
    const char *why = s->c->opt.explain ? explain(s, g, m, -1, tu) : NULL;
    if (coder_emit(s, sentence, a, b, code, -1, tu, m->lemma, why, ev, nev, cap) < 0 ||
        coder_emit(s, sentence, b, a, code, -1, tu, m->lemma, why, ev, nev, cap) < 0)
        return -1;
    return 1;
}

/* "China protests US sanctions": a state (a country's bare code or its
 * government, XXX or XXXGOV) does not demonstrate in the street; its
 * protest (141) at another is an official complaint (114). */
static int state_protest(const csent *s, int su, int tu, const char *sc, const char *code) {
    size_t n = strlen(sc);
    if (strcmp(code, "141") || (n != 3 && (n != 6 || strcmp(sc + 3, "GOV")))) return 0;
    /* what it protests is its object: "protests the sanctions", not "a
     * protest at" a phrase's people */
    if (tu < 0 || s->units[tu].in_pp) return 0;
    return su >= 0 && !people_named(s, su);
}

/* "summoned the ambassador": an official complaint (114) that a pattern
 * gives a verb which by itself is a consultation (its form's or block's
 * code 04x, SUMMON [040] as in CAMEO's dictionary) is both, the meeting
 * called and what was said at it: the consultation's code, or NULL. */
static const char *complaint_meeting(const csent *s, const vmatch *m) {
    dict_form f;
    if (!m->pattern || !m->code || strcmp(m->code, "114")) return NULL;
    dict_form_get(s->c->dict, m->form, &f);
    return f.code && code_root(f.code) == 4 ? f.code : NULL;
}

/* Do the event's source and target name countries, the same one (*same)
 * or two (return 1)? 0 when either names none. */
static int two_countries(const dyad_event *e, int *same) {
    char sc[8], tc[8];
    if (!e->source || !e->target || !coder_has_country(e->source) || !coder_has_country(e->target))
        return 0;
    dyad_actor_country(e->source, sc);
    dyad_actor_country(e->target, tc);
    *same = !strcmp(sc, tc);
    return 1;
}

/* "Saudi and Iranian delegations, one led by the secretary of Iran's
 * council, held talks", "asked the Iranian envoy, who was visiting Tehran,
 * to stay away": in a sentence that codes an event between two countries,
 * a consultation (04) between two actors of one country is a reading of
 * its names (an envoy and his capital, a delegate and his delegation), not
 * a meeting. Drops such events from ev[first, *nev). */
static void drop_home_meetings(dyad_event *ev, size_t first, size_t *nev) {
    int foreign = 0, same;
    for (size_t k = first; k < *nev && !foreign; k++) foreign = two_countries(&ev[k], &same) && !same;
    if (!foreign) return;
    size_t w = first;
    for (size_t k = first; k < *nev; k++) {
        int home = two_countries(&ev[k], &same) && same && code_root(ev[k].code) == 4;
        if (!home) ev[w++] = ev[k];
    }
    *nev = w;
}

int coder_events(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap) {
    size_t first = *nev;
    if (s->c->opt.trace) s->c->opt.trace(s->c->opt.trace_ctx, structure(s));
    if ((s->wc_any & WC_NOMINAL) && coder_nominal_events(s, sentence, ev, nev, cap) < 0) return -1;
    size_t ng = (size_t)s->ngroups + 1;
    s->matches = dyad_arena_alloc_uninit(s->a, sizeof *s->matches * ng);
    /* per group, in one zeroed block: matched, coded, and done (used by a
     * transformation) */
    uint8_t *flags = dyad_arena_alloc(s->a, 3 * ng);
    if (!s->matches || !flags) return -1;
    s->matched = (int8_t *)flags;
    uint8_t *coded = flags + ng, *done = flags + 2 * ng;
    for (int gi = 0; gi < s->ngroups; gi++) {
        const vgroup *g = &s->groups[gi];
        vmatch m;
        if (done[gi] || readiness_frame(s, gi)) continue;
        if (g->relative && !s->c->opt.relative_acts) continue; /* PETRARCH-2's convention */
        int dm = reported_demand(s, gi, done, sentence, ev, nev, cap);
        if (!dm) dm = reported_judgement(s, gi, done, sentence, ev, nev, cap);
        if (dm < 0) return -1;
        if (dm || !group_match(s, gi, &m)) continue;
        int tr = transformed(s, gi, &m, sentence, ev, nev, cap);
        if (tr < 0) return -1;
        if (tr) {
            coded[gi] = done[gi + 1] = 1;
            continue;
        }
        if (is_null_code(m.code) && is_null_code(m.code2)) continue;
        if (absorbed(s, gi, coded) || warning_of_others(s, gi, &m)) continue;
        size_t before = *nev;
        char combined[8];
        int low_tgt, low_joint;
        combine_with_complement(s, gi, &m, combined, sizeof combined, &low_tgt, &low_joint);
        reported_intention(s, gi, &m);
        agreed_clause(s, gi, &m);
        if (g->negated == 2 || topic_infinitive(s, g) || reporter_schedule(s, gi)) continue;
        if ((s->wc_any & WC_COMPL) && alleged_clause(s, gi)) continue;
        if (speculation(s, g)) {
            if (voice_demand(s, g, &m, sentence, ev, nev, cap) < 0) return -1;
            continue;
        }
        if (g->negated && !pattern_has_words(s->c->dict, m.pattern, 0)) {
            m.code = negated_code(m.code ? m.code : m.code2);
            m.code2 = NULL;
            if (!m.code) continue;
        }
        int su, tu;
        roles(s, g, &m, &su, &tu);
        /* a compound subject of a verb of mutual conflict acts as a "%"
         * pattern's does: each side on the other */
        if (!m.compound && m.target < 0 && su >= 0 && s->units[su].ncodes > 1 && mutual_verb(m.lemma))
            m.compound = 1;
        int discussing, partner = discussion_partner(s, g, &discussing);
        if (discussing && m.target < 0 && !g->passive) tu = partner;
        /* a meeting or an agreement is not with the place where it happened
         * (a visit is: "arrived in X") */
        if (m.target < 0 && !g->passive && tu >= 0 && tu == g->object &&
            joint_act(m.code ? m.code : m.code2))
            tu = coder_next_object(s, gi, g->end, 1);
        if (m.target < 0 && !g->passive && tu >= 0 && crime_party(s, &s->units[tu], m.code ? m.code : m.code2))
            tu = -1;
        if ((tu < 0 || !s->units[tu].has_actor) && low_tgt >= 0 && low_tgt != su) tu = low_tgt;
        if ((tu < 0 || !s->units[tu].has_actor) && code_root(m.code ? m.code : m.code2) == 13)
            tu = condition_subject(s, g);
        int pp = su < 0 ? pair_passive(s, g, &m, tu, sentence, ev, nev, cap) : 0;
        if (pp < 0) return -1;
        if (pp) {
            coded[gi] = *nev > before;
            continue;
        }
        unit state;
        /* (not a participle's that only describes a noun: "exiles jailed in X") */
        int by_state = su < 0 && g->passive && (!g->bare_passive || s->headline) && m.code &&
                       !strncmp(m.code, "173", 3) && tu >= 0 &&
                       s->units[tu].has_actor && state_of(s, g, &s->units[tu], &state);
        if (!by_state && (su < 0 || !s->units[su].ncodes || s->units[su].place)) continue;
        /* "gunmen fought police in Lima": the object named by its sector is
         * the target, and Lima only where it happened */
        int k = sector_object(s, g);
        if (k >= 0 && tu >= 0 && tu != k && locative(&s->units[tu]) &&
            (s->t[s->units[k].end - 1].ws & WS_AGENT) && s->units[k].start < s->units[tu].start)
            tu = -1;
        /* "X and Y clashed in Lima", "fought fierce battles near the town":
         * a compound subject's mutual act (each fights the other) takes no
         * other party from a phrase but "with" or "against" */
        if (m.compound && m.target < 0 && tu >= 0 && s->units[tu].in_pp && strcmp(s->units[tu].prep, "WITH") &&
            strcmp(s->units[tu].prep, "AGAINST"))
            tu = -1;
        /* "X and Y accused each other of ... in Z": the object is the
         * subject's actors, and Z no party */
        if (tu >= 0 && each_other_object(s, g)) tu = -1;
        if (statement_of_act(s, gi, &m, tu)) continue;
        if (m.code && !strcmp(m.code, "010") && said_in_complement(s, gi, &m, tu)) continue;
        if (code_root(m.code ? m.code : m.code2) == 5 && support_describes_noun(s, g)) continue;
        const unit *S = by_state ? &state : &s->units[su];
        const unit *T = tu >= 0 && s->units[tu].has_actor ? &s->units[tu] : NULL;
        unit local, home;
        const char *code = m.code ? m.code : m.code2;
        /* a thing does not act, but by force ("US airstrikes killed ..."):
         * "an Israeli pullout held talks", "the Peruvian election offered
         * X" are misreadings of a phrase that only says when or why */
        if (!by_state && code_root(code) < 17 && coder_thing_unit(s, S)) continue;
        /* "told Reuters", "briefed the media": a statement given to the
         * press is made to the public, not to the outlet's country */
        if (T && code_root(code) == 1 && media_only(T)) T = NULL;
        /* PETRARCH-2's convention, on request: an actor named only by its
         * sector, whose country nothing gives, codes as it is (---GOV) */
        int sh = S->has_actor || sector_home(s, g, S, T, 1, code, &home);
        if (!sh && !(s->c->opt.sector_actors && sector_only(S) && !unknown(s, S))) continue;
        if (!S->has_actor && sh) S = &home;
        /* a place of the source's own country is no target: "recaptured
         * areas of the Kharkiv region" */
        if (T && T->place && actor_code(S) && actor_code(T) && !strncmp(actor_code(S), actor_code(T), 3))
            continue;
        if (!T && tu < 0 && k >= 0 && sector_home(s, g, &s->units[k], S, 0, code, &local)) {
            T = &local, tu = k;
            /* a state's police firing on or beating people at home who bear
             * no arms (protesters, civilians) is violent repression (175,
             * as CAMEO's manual says), whatever force the verb codes alone */
            int r = code_root(code);
            if ((r == 18 || r == 19) && S->ncodes == 1 && state_force(S->codes[0]) &&
                !strcmp(S->codes[0] + 3, "COP") && !armed_group(&s->units[k])) {
                m.code = code = "175";
                m.code2 = NULL;
            }
        }
        else if (!T && tu < 0 && k >= 0 && s->c->opt.sector_actors && sector_only(&s->units[k]))
            T = &s->units[k], tu = k;
        const char *why = s->c->opt.explain ? explain(s, g, &m, su, T ? tu : -1) : NULL;
        if (!T && S->ncodes > 1 && (low_joint || among_themselves(s, g, &m))) {
            /* "X and Y renewed ties", "X and Y met": among themselves */
            /* parties named side by side act on each other, a state and its
             * own rebels too ("Ethiopia and Tigrayan forces signed a deal") */
            const char *jc = m.code ? m.code : m.code2;
            for (int a = 0; a < S->ncodes; a++)
                for (int b = 0; b < S->ncodes; b++)
                    if (a != b && !is_null_code(jc) && strcmp(S->codes[a], S->codes[b]) &&
                        push_coded(s, sentence, S->codes[a], S->codes[b], jc, su, su,
                                   m.lemma, why, ev, nev, cap) < 0)
                        return -1;
            coded[gi] = *nev > before;
            continue;
        }
        /* "Kenyans marched in Nairobi": where people protest at home is no
         * one they protest at */
        if (T && code_root(code) == 14 && locative(T) && names_place_only(T) && actor_code(S) &&
            !strncmp(actor_code(S), T->codes[0], 3))
            T = NULL, tu = -1;
        if (!T && home_government(s, by_state ? -1 : su, S, code, &local)) T = &local, tu = -1;
        if (!T && code_root(code) == 11 && condemned_attack(s, g, &local)) T = &local, tu = -1;
        if (!T) {
            /* without a dyad, a verb still needs an object ("burned down its
             * embassy") and a main clause; "X said" alone codes nothing */
            if (s->c->opt.require_dyad || !has_object(s, g) || g->subordinate) continue;
            for (int a = 0; a < S->ncodes; a++)
                if (emit(s, sentence, S->codes[a], "---", m.code, su, -1, &m, why, ev, nev, cap) < 0)
                    return -1;
            coded[gi] = *nev > before;
            continue;
        }
        const char *meeting = complaint_meeting(s, &m);
        for (int a = 0; a < S->ncodes; a++)
            for (int b = 0; b < T->ncodes; b++) {
                const char *c = m.code && state_protest(s, su, tu, S->codes[a], m.code) ? "114" : m.code;
                if (c && emit(s, sentence, S->codes[a], T->codes[b], c, su, tu, &m, why, ev, nev, cap) < 0)
                    return -1;
                if (meeting && emit(s, sentence, S->codes[a], T->codes[b], meeting, su, tu, &m, why,
                                    ev, nev, cap) < 0)
                    return -1;
                if (m.code2 && emit(s, sentence, T->codes[b], S->codes[a], m.code2, tu, su, &m, why,
                                    ev, nev, cap) < 0)
                    return -1;
            }
        coded[gi] = *nev > before;
    }
    if ((s->wc_any & WC_NOMINAL) && coder_nominal_visits(s, sentence, ev, nev, cap) < 0) return -1;
    if (*nev - first > 1) drop_home_meetings(*ev, first, nev);
    return 0;
}
