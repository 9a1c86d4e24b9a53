/* dateline.c -- the place line that heads a wire story.
 *
 * "NAIROBI, Kenya - Police fired ...", "MOSCOW (Reuters) - ...", "Canadian
 * Press - VANCOUVER (CP) - ...", "Washington [US], May 20 (ANI): ...". The
 * dateline is no part of the first sentence's grammar (its place is no
 * subject), and it tells where the story happens: an actor named only by
 * its sector ("police", "protesters", "the army") acts in the dateline's
 * country when the sentence names none (coder_find_units). */
#include "coder.h"

#include <string.h>

#define DATELINE_MAX (CODER_DATELINE_TOKENS - 1) /* tokens before the dash */

/* A dash ends a dateline; a colon only after a bracket ("(ANI):"), since
 * "Putin: ..." opens a quotation, not a place. */
static int is_dash(const ctok *t, const ctok *before) {
    if (t->pos != DYAD_POS_COLON) return 0;
    if (!strcmp(t->up, ":")) return before && before->pos == DYAD_POS_RRB;
    return !strcmp(t->up, "-") || !strcmp(t->up, "--") || !strcmp(t->up, "\xE2\x80\x94") ||
           !strcmp(t->up, "\xE2\x80\x93");
}


/* Can token t stand in a dateline: names, numbers (dates), commas, brackets. */
static int dateline_token(const ctok *t) {
    switch (t->pos) {
    case DYAD_POS_NNP: case DYAD_POS_NNPS: case DYAD_POS_CD: case DYAD_POS_COMMA:
    case DYAD_POS_LRB: case DYAD_POS_RRB: case DYAD_POS_PERIOD:
        return 1;
    default:
        return 0;
    }
}

int coder_dateline_end(const ctok *t, int n) {
    int end = 0, depth = 0, dash_inside = 0, other = 0;
    for (int i = 0; i < n && i <= DATELINE_MAX; i++) {
        /* "Beirut, (APP - Some News / Wire - 16th Apr, 2024) A source said":
         * a bracket that holds an agency and its dash ends the dateline, and
         * whatever it holds is no part of the sentence; a bracket without a
         * dash holds only what a dateline may ("(Reuters)") */
        if (depth > 0) {
            if (t[i].pos == DYAD_POS_RRB && --depth == 0) {
                if (dash_inside) end = i + 1;
                else if (other) return end;
            } else if (t[i].pos == DYAD_POS_LRB) depth++;
            else if (is_dash(&t[i], &t[i - 1])) dash_inside = 1;
            else other |= !dateline_token(&t[i]);
            continue;
        }
        if (t[i].pos == DYAD_POS_LRB) {
            depth = 1;
            dash_inside = other = 0;
            continue;
        }
        if (is_dash(&t[i], i ? &t[i - 1] : NULL)) {
            if (i == end) return end; /* nothing between two dashes */
            end = i + 1;              /* an agency before the place ("AP - ") goes too */
            continue;
        }
        if (!dateline_token(&t[i])) return end;
    }
    return end;
}

/* The states and provinces that AP and Canadian Press style datelines
 * name after a city ("PUNTA GORDA, Fla.", "LANGLEY, B.C."), in their
 * dateline spelling, without the final period. Checked only in a dateline:
 * "Miss", "Man" or "Wash" in a sentence are other words. */
static const char *const us_states[] = {
    "ALA", "ARIZ", "ARK", "CALIF", "COLO", "CONN", "DEL", "FLA", "GA", "ILL", "IND", "KAN",
    "KY", "LA", "MD", "MASS", "MICH", "MINN", "MISS", "MO", "MONT", "NEB", "NEV", "N.H",
    "N.J", "N.M", "N.Y", "N.C", "N.D", "OKLA", "ORE", "PA", "R.I", "S.C", "S.D", "TENN",
    "VT", "VA", "WASH", "W.VA", "WIS", "WYO", "ALASKA", "HAWAII", "IDAHO", "IOWA", "MAINE",
    "OHIO", "TEXAS", "UTAH",
};
static const char *const ca_provinces[] = {
    "ALTA", "B.C", "MAN", "N.B", "N.L", "NFLD", "N.S", "ONT", "P.E.I", "QUE", "SASK",
};

static int in_list(const char *w, const char *const *list, size_t n) {
    char buf[16];
    size_t len = strlen(w);
    if (len == 0 || len >= sizeof buf) return 0;
    memcpy(buf, w, len + 1);
    if (buf[len - 1] == '.') buf[len - 1] = 0; /* "FLA." or "FLA" "." */
    for (size_t i = 0; i < n; i++)
        if (!strcmp(buf, list[i])) return 1;
    return 0;
}

/* The country of a state or province named after a comma in the dateline. */
static const char *state_country(const csent *s, int from, int end) {
    for (int i = from + 1; i < end; i++) {
        if (s->t[i - 1].pos != DYAD_POS_COMMA) continue;
        const char *w = s->t[i].up;
        if (in_list(w, us_states, sizeof us_states / sizeof *us_states)) return "USA";
        if (in_list(w, ca_provinces, sizeof ca_provinces / sizeof *ca_provinces)) return "CAN";
    }
    return NULL;
}

/* The country of a unit, if its code names one (3 letters), or NULL. */
static const char *unit_country(const csent *s, int i) {
    if (s->t[i].unit < 0) return NULL;
    const unit *u = &s->units[s->t[i].unit];
    return u->has_actor && coder_has_country(u->base) ? u->base : NULL;
}

/* Does the lead (tokens [end, n)) name the country `place`? */
static int names_country(const csent *s, int end, const char *place) {
    for (int i = end; i < s->n; i++) {
        const char *c = unit_country(s, i);
        if (c && !strncmp(c, place, 3)) return 1;
    }
    return 0;
}

/* Is token i a verb or a modal? */
static int verb_token(const csent *s, int i) {
    uint8_t p = s->t[i].pos;
    return (p >= DYAD_POS_VB && p <= DYAD_POS_VBZ) || p == DYAD_POS_MD;
}

/* The country of a place "in" another country than the dateline's that
 * the lead's first clause names after a noun ("... near a convoy in
 * Mogadishu, killing four"), or NULL. Not right after a verb, whose place
 * may be a journey's end ("the envoy arrived in Chile" comes from the
 * dateline's country); not past the clause's first verb group ("advised
 * schools to watch for a siege in Russia": an example, not the story's
 * place); and the place's own country ("the Australian embassy in
 * Jakarta" is in Indonesia). */
static const char *venue_country(const csent *s, int end, const char *place) {
    int verbs = 0;
    for (int i = end + 2; i < s->n; i++) {
        if (verb_token(s, i - 1) && !verb_token(s, i)) verbs++;
        if (verbs > 1 && verb_token(s, i)) return NULL;
        if (s->t[i - 1].pos != DYAD_POS_IN || strcmp(s->t[i - 1].up, "IN")) continue;
        uint8_t p = s->t[i - 2].pos;
        if (p < DYAD_POS_NN || p > DYAD_POS_NNPS) continue;
        const char *c = unit_country(s, i);
        int own = c != NULL; /* no actor in the unit before "in" gave it */
        for (int k = own ? s->units[s->t[i].unit].start : i; k < i - 1; k++)
            own &= !(s->t[k].ws & WS_ACTOR);
        if (own && strncmp(c, place, 3)) return c;
    }
    return NULL;
}

/* Where the story happens. A bureau's dateline heads stories its region's
 * officials tell ("NAIROBI (AP) - Ugandan army officials said ..."): when the
 * lead (tokens [end, n)) never names the dateline's country, and its first
 * actor, with a country, is the subject of a verb of saying, the story is
 * that country's; otherwise the dateline's (`place`, 3 letters, or NULL).
 * A lead that tells an act ("KYIV - Russian drones killed ...") is told
 * from where it happened, and keeps the dateline's, unless it never names
 * the dateline's country and places the act in another's ("NAIROBI - A
 * bomber blew himself up in Mogadishu": Somalia's story). */
static const char *story_country(const csent *s, int end, const char *place) {
    const char *subject = NULL;
    int first = 1;
    for (int i = end; i < s->n; i++) {
        uint8_t p = s->t[i].pos;
        if ((p >= DYAD_POS_VB && p <= DYAD_POS_VBZ) || p == DYAD_POS_MD) {
            if (!subject || !(s->t[i].wc & WC_SAY)) {
                const char *v = place && !names_country(s, end, place) ? venue_country(s, end, place) : NULL;
                return v ? v : place;
            }
            break; /* the subject says: is the dateline's country named at all? */
        }
        if (s->t[i].unit < 0 || !s->units[s->t[i].unit].ncodes) continue;
        if (first) subject = unit_country(s, i);
        first = 0;
    }
    if (subject && place && names_country(s, end, place)) return place;
    return subject && place ? subject : place;
}

const char *coder_dateline_country(const csent *s, int end) {
    /* the place is in the last part, before the final dash and outside brackets */
    int from = 0, depth = 0;
    for (int i = 0; i + 1 < end; i++) {
        depth += s->t[i].pos == DYAD_POS_LRB ? 1 : s->t[i].pos == DYAD_POS_RRB ? -1 : 0;
        if (!depth && is_dash(&s->t[i], i ? &s->t[i - 1] : NULL)) from = i + 1;
    }
    depth = 0;
    for (int i = from; i < end; i++) {
        const ctok *t = &s->t[i];
        depth += t->pos == DYAD_POS_LRB ? 1 : t->pos == DYAD_POS_RRB ? -1 : 0;
        if (depth > 0) continue;
        const char *c = unit_country(s, i);
        if (c) return dyad_arena_strndup(s->keep, story_country(s, end, c), 3);
    }
    const char *state = state_country(s, from, end);
    return state ? dyad_arena_strndup(s->keep, story_country(s, end, state), 3) : NULL;
}
