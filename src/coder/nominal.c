/* nominal.c -- events told as nouns: "talks between X and Y", "clashes
 * between the army and rebels".
 *
 * Wire copy often names a joint act by its noun, with the parties after
 * "between": no verb of the sentence codes it. Such a noun gives its event
 * both ways between the two parties (or every pair of a list). The nouns
 * are few and their codes fixed: negotiation (046), meeting (040), armed
 * clash (190). */
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
 * is the subject of ("fighting broke out between"), or after a time
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
        if (!verb && !time && p != DYAD_POS_RP && p != DYAD_POS_RB && strcmp(t->up, "OUT")) return -1;
    }
    return -1;
}

int coder_nominal_events(csent *s, uint32_t sentence, dyad_event **ev, size_t *nev, size_t *cap) {
    for (int i = 0; i + 2 < s->n; i++) {
        const char *code = noun_code(&s->t[i]);
        int at = code ? between_after(s, i) : -1, a, b;
        if (at < 0 || !parties(s, at + 1, &a, &b)) continue;
        const unit *A = &s->units[a], *B = b >= 0 ? &s->units[b] : A;
        for (int x = 0; x < A->ncodes; x++)
            for (int y = 0; y < B->ncodes; y++) {
                const char *p = A->codes[x], *q = B->codes[y];
                if (p == q) continue;
                if (coder_emit(s, sentence, p, q, code, a, b >= 0 ? b : a, s->t[i].up, NULL, ev, nev, cap) < 0 ||
                    coder_emit(s, sentence, q, p, code, b >= 0 ? b : a, a, s->t[i].up, NULL, ev, nev, cap) < 0)
                    return -1;
            }
    }
    return 0;
}
