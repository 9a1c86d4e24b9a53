/* nominal.c -- events told as nouns: "talks between X and Y", "clashes
 * between the army and rebels".
 *
 * Wire copy often names a joint act by its noun, with the parties after
 * "between": no verb of the sentence codes it. Such a noun gives its event
 * both ways between the two parties (or every pair of a list). The nouns
 * are few and their codes fixed: negotiation (046), meeting (040), armed
 * clash (190). A consultation told by its noun in a phrase of the clause
 * ("In a telephone conversation with X, Y confirmed ...", "Y, at talks with
 * X, welcomed ...") is the clause subject's with X, both ways; with no "with", a
 * compound subject's among themselves ("X and Y agreed at a meeting in Z").
 * What did not happen is no event: such a noun inside a topic, or in the
 * infinitive of a noun or a verb of intent ("his willingness to facilitate
 * talks between X and Y", "offered to host talks between X and Y"). A
 * visit told by its noun with its visitor ("Chirac's tour of China",
 * "during his visit to Peru") is the visitor's visit (042) and the host's
 * (043), once the verbs of the sentence have been coded. */
#include "coder.h"

#include <string.h>

static const struct {
    const char *noun, *code;
} nouns[] = {
    {"TALKS", "046"},   {"NEGOTIATIONS", "046"}, {"MEETING", "040"}, {"SUMMIT", "040"},
    {"CLASHES", "190"}, {"CLASH", "190"},        {"FIGHTING", "190"}, {"BATTLES", "190"},
    {"HOSTILITIES", "190"},
};

static const char *noun_code(const ctok *t) {
    if (!(t->wc & WC_NOMINAL)) return NULL; /* one bit test for most tokens */
    if (t->pos < DYAD_POS_NN || t->pos > DYAD_POS_NNPS) {
        if (t->pos != DYAD_POS_VBG) return NULL; /* "fighting" is often tagged a verb */
    }
    for (size_t k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
        if (!strcmp(t->up, nouns[k].noun)) return nouns[k].code;
    return NULL;
}

/* The parties after "between" at token i: one compound unit (X and Y), or
 * two units joined by "and". Fills *a, *b (b = -1 for a compound). */
static int parties(const csent *s, int i, int *a, int *b) {
    *a = *b = -1;
    if (i >= s->n || s->t[i].unit < 0) return 0;
    const unit *u = &s->units[s->t[i].unit];
    if (!u->has_actor || u->pronoun) return 0;
    *a = s->t[i].unit;
    if (u->ncodes > 1) return 1;
    int j = u->end;
    if (j + 1 < s->n && (s->t[j].wc & WC_AND) && s->t[j + 1].unit >= 0) {
        const unit *v = &s->units[s->t[j + 1].unit];
        if (v->has_actor && !v->pronoun) {
            *b = s->t[j + 1].unit;
            return 1;
        }
    }
    return 0;
}

/* The "between" after the noun at token i, directly, after the verb it
 * is the subject of ("fighting broke out between", "clashes that broke
 * out between"), or after a time
 * ("clashes on Tuesday between", "talks late on Friday between"); -1 if
 * none. A noun other than a time, or any actor, ends the search. */
static int between_after(const csent *s, int i) {
    for (int k = i + 1; k < s->n && k <= i + 6; k++) {
        const ctok *t = &s->t[k];
        uint8_t p = t->pos;
        if (!strcmp(t->up, "BETWEEN")) return k;
        if (t->unit >= 0) return -1;
        int verb = p >= DYAD_POS_VB && p <= DYAD_POS_VBZ;
        int time = (t->wc & WC_TIME) || ((p == DYAD_POS_IN || p == DYAD_POS_DT || p == DYAD_POS_JJ ||
                                          p == DYAD_POS_CD) && k + 1 < s->n && (s->t[k + 1].wc & WC_TIME));
        /* "clashes that broke out between": the noun's relative clause */
        int rel = k == i + 1 && p == DYAD_POS_WDT;
        if (!verb && !time && !rel && p != DYAD_POS_RP && p != DYAD_POS_RB && strcmp(t->up, "OUT")) return -1;
    }
    return -1;
}

/* Nouns whose infinitive tells what one is ready or means to do, not what
 * was done: "his willingness to facilitate talks". */
static int intent_noun(const char *w) {
    static const char *const nouns[] = {"WILLINGNESS", "READINESS", "PROPOSAL", "OFFER",   "PLAN",
                                        "PLANS",       "EFFORT",    "EFFORTS",  "BID",     "ATTEMPT",
                                        "INTENTION",   "CALL",      "CALLS",    "READY",   "WILLING"};
    return CODER_WORD_IN(w, nouns);
}

/* Verbs whose infinitive tells what is offered, promised, planned or
 * asked for ("offered to host talks between X and Y"), by their stems. */
static int intent_verb(const char *w) {
    static const char *const stems[] = {"OFFER", "PROPOS", "AGREE", "PROMIS", "PLEDG", "PLAN", "INTEND",
                                        "HOPE",  "WANT",   "SEEK",  "URGE",   "ASK",   "VOW"};
    for (size_t k = 0; k < sizeof stems / sizeof *stems; k++)
        if (w[0] == stems[k][0] && !strncmp(w, stems[k], strlen(stems[k]))) return 1;
    return 0;
}

/* Is the noun at token i in something that did not happen: a topic (what
 * is discussed, or what a verb that codes nothing there tells: negated 2,
 * such as what is denied), or the
 * infinitive of a noun of intent? */
static int not_done(const csent *s, int i) {
    for (int g = 0; g < s->ngroups; g++) {
        const vgroup *v = &s->groups[g];
        if (v->start >= i || v->region_end <= i) continue;
        if (v->negated == 2) return 1;
        /* "discussed the coming talks between X and Y": a topic */
        const char *w = s->t[v->main].up;
        if (w[0] == 'D' && (!strncmp(w, "DISCUSS", 7) || !strncmp(w, "DEBATE", 6))) return 1;
        int to = v->start; /* "to further facilitate": the TO before adverbs */
        while (to > 0 && s->t[to].pos != DYAD_POS_TO && s->t[to - 1].pos == DYAD_POS_RB) to--;
        if (to > 0 && s->t[to].pos != DYAD_POS_TO) to--;
        if (to > 0 && s->t[to].pos == DYAD_POS_TO && (intent_noun(s->t[to - 1].up) || intent_verb(s->t[to - 1].up)))
            return 1;
    }
    return 0;
}

/* The noun of a consultation at token i in a phrase of the clause: after
 * IN, AT, DURING, AFTER or FOLLOWING and determiners, adjectives and
 * nouns ("in a telephone conversation", "after his comprehensive talks");
 * its code, or NULL. */
static const char *consult_noun(const csent *s, int i, int *with_only) {
    static const struct {
        const char *noun, *code;
        uint8_t with_only; /* only with a partner after "with" */
    } cn[] = {{"TALKS", "046", 0}, {"NEGOTIATIONS", "046", 0}, {"MEETING", "040", 0},
              {"CONVERSATION", "040", 0}, {"CALL", "040", 1}, {"SUMMIT", "040", 1}};
    const ctok *t = &s->t[i];
    if (!(t->wc & WC_NOMINAL) || t->pos < DYAD_POS_NN || t->pos > DYAD_POS_NNS) return NULL;
    size_t k = 0;
    while (k < sizeof cn / sizeof *cn && strcmp(t->up, cn[k].noun)) k++;
    if (k == sizeof cn / sizeof *cn) return NULL;
    int j = i - 1;
    while (j >= 0 && s->t[j].unit < 0 &&
           (s->t[j].pos == DYAD_POS_DT || s->t[j].pos == DYAD_POS_PRPS || s->t[j].pos == DYAD_POS_JJ ||
            s->t[j].pos == DYAD_POS_NN || s->t[j].pos == DYAD_POS_CD))
        j--;
    if (j < 0) return NULL;
    static const char *const preps[] = {"IN", "AT", "DURING", "AFTER", "FOLLOWING"};
    if (!CODER_WORD_IN(s->t[j].up, preps)) return NULL;
    *with_only = cn[k].with_only;
    /* "a telephone conversation", "a phone call" */
    if (i > 0 && (!strcmp(s->t[i - 1].up, "TELEPHONE") || !strcmp(s->t[i - 1].up, "PHONE"))) return "041";
    return cn[k].code;
}

/* The subject unit of the clause that the phrase at token i belongs to:
 * the latest main clause before it ("X said after his talks with Y"), else
 * the first clause after it ("In a call with X, Y said"); -1 if none names
 * an actor. */
static int clause_subject(const csent *s, int i) {
    int g = -1;
    for (int h = 0; h < s->ngroups && s->groups[h].start < i; h++)
        if (!s->groups[h].infinitive && !s->groups[h].subordinate && s->groups[h].subject >= 0) g = h;
    if (g < 0)
        for (int h = 0; h < s->ngroups && g < 0; h++)
            if (s->groups[h].start > i && !s->groups[h].infinitive) g = h;
    if (g < 0 || s->groups[g].subject < 0) return -1;
    const unit *u = &s->units[s->groups[g].subject];
    return u->has_actor && u->ncodes ? s->groups[g].subject : -1;
}

/* Emits code both ways between every code of unit a and every code of
 * unit b (a == b: among a's codes). */
static int both_ways(csent *s, uint32_t sentence, int a, int b, const char *code, const char *noun,
                     dyad_event **ev, size_t *nev, size_t *cap) {
    const unit *A = &s->units[a], *B = &s->units[b];
    for (int x = 0; x < A->ncodes; x++)
        for (int y = 0; y < B->ncodes; y++) {
            const char *p = A->codes[x], *q = B->codes[y];
            if (p == q) continue;
            if (coder_emit(s, sentence, p, q, code, a, b, noun, NULL, ev, nev, cap) < 0 ||
                coder_emit(s, sentence, q, p, code, b, a, noun, NULL, ev, nev, cap) < 0)
                return -1;
        }
    return 0;
}

/* "In a telephone conversation with X, Y confirmed ...": Y's consultation
 * with X, both ways (each consults the other, as "Y spoke with X" is coded
 * by dyad's own verbs); "X and Y agreed at a meeting": among them. */
static int consultation(csent *s, uint32_t sentence, int i, dyad_event **ev, size_t *nev, size_t *cap) {
    int with_only;
    const char *code = consult_noun(s, i, &with_only);
    if (!code || not_done(s, i)) return 0;
    int su = clause_subject(s, i);
    if (su < 0) return 0;
    int with = i + 2 < s->n && !strcmp(s->t[i + 1].up, "WITH") ? s->t[i + 2].unit : -1;
    if (with >= 0 && with != su && s->units[with].has_actor && !s->units[with].pronoun)
        return both_ways(s, sentence, su, with, code, s->t[i].up, ev, nev, cap);
    if (with_only || s->units[su].ncodes < 2 || (i + 1 < s->n && !strcmp(s->t[i + 1].up, "WITH"))) return 0;
    return both_ways(s, sentence, su, su, code, s->t[i].up, ev, nev, cap);
}

int coder_nominal_events(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap) {
    for (int i = 0; i + 2 < s->n; i++) {
        if (consultation(s, sentence, i, ev, nev, cap) < 0) return -1;
        const char *code = noun_code(&s->t[i]);
        int at = code ? between_after(s, i) : -1, a, b;
        if (at < 0 || !parties(s, at + 1, &a, &b) || not_done(s, i)) continue;
        if (both_ways(s, sentence, a, b >= 0 ? b : a, code, s->t[i].up, ev, nev, cap) < 0) return -1;
    }
    return 0;
}

/* The visitor of the visit noun at token i: the actor that owns it in its
 * own phrase ("the French president's visit"), or the clause subject for
 * "his", "her", "their" before it ("during his first visit"); -1 if none,
 * or if the visit is yet to come ("his planned visit", "ahead of his
 * visit", "he will announce it during his visit") and so no visit. */
static int visitor(const csent *s, int i) {
    static const char *const later[] = {"PLANNED", "UPCOMING",  "PROPOSED",  "FORTHCOMING", "POSSIBLE",
                                        "EXPECTED", "NEXT",     "FUTURE",    "SCHEDULED",   "PROSPECTIVE",
                                        "AHEAD",    "BEFORE",   "FOR",       "POSTPONED",   "CANCELLED",
                                        "CANCELED", "DELAYED",  "PREPARATIONS"};
    int j = i - 1, u = s->t[i].unit, owner = -1;
    if (u >= 0) { /* the possessive inside the visit's own phrase */
        const unit *v = &s->units[u];
        if (v->end != i + 1 || !v->has_actor || v->pronoun) return -1;
        for (j = v->start; j < i && s->t[j].pos != DYAD_POS_POS; j++)
            ;
        if (j == i) return -1;
        owner = u;
        j = v->start - 1;
    } else {
        while (j >= 0 && (s->t[j].pos == DYAD_POS_JJ || s->t[j].pos == DYAD_POS_CD ||
                          (s->t[j].pos == DYAD_POS_NN && s->t[j].unit < 0))) {
            if (CODER_WORD_IN(s->t[j].up, later)) return -1;
            j--;
        }
        if (j < 0 || s->t[j].pos != DYAD_POS_PRPS || !strcmp(s->t[j].up, "ITS")) return -1;
        owner = clause_subject(s, i);
        /* "his" is one actor: not the ministers of four countries */
        if (owner >= 0 && strcmp(s->t[j].up, "THEIR") && s->units[owner].ncodes > 1) return -1;
        j--;
    }
    for (int k = u >= 0 ? s->units[u].start : j + 1; k < i; k++)
        if (CODER_WORD_IN(s->t[k].up, later)) return -1;
    for (int k = j; k >= 0 && k >= j - 1; k--) /* "ahead of his visit", "preparations for" */
        if (CODER_WORD_IN(s->t[k].up, later)) return -1;
    for (int k = 0; k < s->n; k++) /* "will announce ... during his visit": to come */
        if (s->t[k].wc & WC_FUTURE) return -1;
    return owner;
}

/* Has a verb of the sentence coded this visit already ("arrived in Lima
 * on his visit to Peru")? */
static int visit_coded(const dyad_event *ev, size_t nev, uint32_t sentence, const char *a, const char *b) {
    for (size_t k = nev; k-- > 0 && ev[k].sentence == sentence;)
        if (!strcmp(ev[k].source, a) && !strcmp(ev[k].target, b) && !strncmp(ev[k].code, "042", 3)) return 1;
    return 0;
}

int coder_nominal_visits(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap) {
    static const char *const nouns[] = {"VISIT", "TOUR", "TRIP"};
    for (int i = 1; i + 2 < s->n; i++) {
        const ctok *t = &s->t[i];
        if (!(t->wc & WC_NOMINAL) || t->pos != DYAD_POS_NN || !CODER_WORD_IN(t->up, nouns)) continue;
        if (strcmp(s->t[i + 1].up, "TO") && strcmp(s->t[i + 1].up, "OF")) continue;
        int h = s->t[i + 2].unit;
        if (h < 0 || s->units[h].start != i + 2 || !s->units[h].has_actor || s->units[h].pronoun) continue;
        int v = visitor(s, i);
        if (v < 0 || v == h || not_done(s, i)) continue;
        const unit *V = &s->units[v], *H = &s->units[h];
        for (int x = 0; x < V->ncodes; x++)
            for (int y = 0; y < H->ncodes; y++) {
                /* a trip at home ("her visit to London's airport") is no visit */
                if (!strncmp(V->codes[x], H->codes[y], 3) || visit_coded(*ev, *nev, sentence, V->codes[x], H->codes[y]))
                    continue;
                if (coder_emit(s, sentence, V->codes[x], H->codes[y], "042", v, h, t->up, NULL, ev, nev, cap) < 0 ||
                    coder_emit(s, sentence, H->codes[y], V->codes[x], "043", h, v, t->up, NULL, ev, nev, cap) < 0)
                    return -1;
            }
    }
    return 0;
}
