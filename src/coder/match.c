/* match.c -- the verb dictionary applied to one verb group.
 *
 * The main verb's spelling leads, through one hash probe, to its forms;
 * a multi-word form ("cordon off", "wire tap") needs its other words next
 * to the verb. The form's block holds the patterns. A pattern's words
 * after '*' must occur in order after the verb within its clause, those
 * before '*' in order between the clause start and the verb; other words
 * may come between. '+' and '$' take the next unit as target or source.
 * The pattern with the most words wins; with none, the verb's own code or
 * its block's code applies. */
#include "coder.h"

#include <string.h>

static int tok_is(const ctok *t, uint32_t id) { return id && (t->id == id || t->sid == id); }


/* Words of a multi-word form next to the verb: 1 if all there. */
static int form_fits(const csent *s, const dict_form *f, int main, int *post_end) {
    for (uint32_t k = 0; k < f->npre; k++) {
        int at = main - (int)f->npre + (int)k;
        if (at < 0 || !tok_is(&s->t[at], f->pre[k])) return 0;
    }
    for (uint32_t k = 0; k < f->npost; k++) {
        int at = main + 1 + (int)k;
        if (at >= s->n || !tok_is(&s->t[at], f->post[k])) return 0;
    }
    *post_end = main + 1 + (int)f->npost;
    return 1;
}

typedef struct mstate {
    int source, target;
    int words_end; /* the post side's words and synsets lie before it ("to" excepted) */
    int compound;  /* the subject names several actors */
    int used_pct;  /* the pattern's % matched it */
    const vgroup *g;
} mstate;

/* Finds the next unit with codes starting in [from, to). */
static int next_unit(const csent *s, int from, int to) {
    for (int k = from; k < to; k++) {
        int u = s->t[k].unit;
        if (u >= 0 && s->units[u].ncodes && s->units[u].start >= from) return u;
    }
    return -1;
}

static int nominal(uint8_t p) {
    return coder_pos_in(p, POS_NOMINAL | POS_BIT(DYAD_POS_VBN) | POS_BIT(DYAD_POS_VBG) | POS_BIT(DYAD_POS_RB));
}

static int ends_object(uint8_t p) {
    return coder_pos_in(p, POS_BIT(DYAD_POS_IN) | POS_BIT(DYAD_POS_TO) | POS_BIT(DYAD_POS_COMMA) |
                               POS_BIT(DYAD_POS_PERIOD) | POS_BIT(DYAD_POS_COLON) | POS_BIT(DYAD_POS_MD) |
                               POS_BIT(DYAD_POS_VB) | POS_BIT(DYAD_POS_VBD) | POS_BIT(DYAD_POS_VBP) |
                               POS_BIT(DYAD_POS_VBZ));
}

/* Is token k the "of" of a quantity ("dozens of rockets", "a barrage of
 * missiles")? What follows is still the object the verb acts with. */
static int quantity_of(const csent *s, int k) {
    static const char *const many[] = {"DOZENS", "HUNDREDS", "THOUSANDS", "SCORES", "TENS", "BARRAGE",
                                       "SALVO", "VOLLEY", "WAVE", "SWARM", "NUMBER", "SERIES"};
    return (s->t[k].wc & WC_OF) && k > 0 && CODER_WORD_IN(s->t[k - 1].up, many);
}

/* Does a verb group (a participle) begin at token k, right after a noun? */
static int participle_after_noun(const csent *s, int k) {
    int g = s->t[k].group;
    uint8_t p = k > 0 ? s->t[k - 1].pos : 0;
    return g >= 0 && s->groups[g].start == k && p >= DYAD_POS_NN && p <= DYAD_POS_NNPS;
}

/* How far the words of a group that began at `pos` may be looked for:
 * a noun phrase ends at its first non-nominal token, a prepositional
 * phrase at the next preposition, verb or punctuation. */
static int group_limit(const csent *s, int pos, int to, uint8_t group) {
    int k = pos;
    for (; k < to; k++) {
        uint8_t p = s->t[k].pos;
        if (group == PG_NOUN && !nominal(p)) break;
        /* "with more than 400 drones": a comparative's "than" is no new phrase */
        if (p == DYAD_POS_IN && k > pos && (s->t[k - 1].pos == DYAD_POS_JJR || s->t[k - 1].pos == DYAD_POS_RBR))
            continue;
        if (group == PG_PREP && (p == DYAD_POS_IN || p == DYAD_POS_TO || p == DYAD_POS_COMMA ||
                                 (p >= DYAD_POS_VB && p <= DYAD_POS_VBZ && p != DYAD_POS_VBN &&
                                  p != DYAD_POS_VBG) || p == DYAD_POS_MD))
            break;
    }
    return k;
}

/* Is there an actor's possessive in tokens [from, to) ("condemned Iran's
 * attack against Israel")? A prepositional phrase after it belongs to the
 * noun the actor owns, not to the verb: the actor is the target. */
static int owned_object(const csent *s, int from, int to) {
    for (int k = from; k < to; k++)
        if (s->t[k].pos == DYAD_POS_POS && s->t[k].unit >= 0 && s->units[s->t[k].unit].ncodes) return 1;
    return 0;
}

/* "received a challenge to his plan to leave Gaza": is the first actor
 * after the verb (tokens [from, to)) inside a phrase of a thing the verb
 * takes as its object (a noun of a thing, then a preposition other than "of")? A
 * pattern's '+' right after the verb is its object, not that phrase's. */
static int thing_before(const csent *s, int from, int to) {
    int noun = 0;
    for (int k = from; k < to; k++) {
        uint8_t p = s->t[k].pos;
        /* "called on the warring sides in Sudan to ...": people of a place are
         * that place's, no thing of the verb's */
        if ((p == DYAD_POS_NN || p == DYAD_POS_NNS) && !coder_party_noun(s->t[k].up)) noun = 1;
        else if (noun && (p == DYAD_POS_IN || p == DYAD_POS_TO) && !(s->t[k].wc & WC_OF)) return 1;
    }
    return 0;
}

/* Matches elements [e, e_end) in tokens [from, to). Returns 1 on success. */
static int match_side(const csent *s, const delem *e, const delem *e_end, int from, int to,
                      mstate *ms) {
    const dyad_dict *d = s->c->dict;
    int pos = from, glimit = to;
    for (; e < e_end; e++) {
        int lim = (e->group != PG_PLAIN && !e->gstart) ? glimit : to;
        switch (e->kind) {
        case PE_WORD: {
            if (!coder_bloom_has(s->bloom, e->id)) return 0; /* not in the sentence at all */
            int k = pos;
            /* the head of a {noun phrase} follows the word before it directly */
            int head = e->group == PG_NOUN && !e->gstart && (e + 1 == e_end || e[1].group != PG_NOUN ||
                                                             e[1].gstart);
            /* a bare word after the verb is in its object: it is not looked
             * for past a preposition, punctuation or another verb */
            int object_only = e->side == 1 && e->group == PG_PLAIN, begun = 0;
            for (;; k++) {
                while (k < lim && !tok_is(&s->t[k], e->id)) {
                    /* ... nor in a participle's clause after it ("detained a
                     * journalist covering a protest": no protest of theirs) */
                    if (object_only && begun && (ends_object(s->t[k].pos) || participle_after_noun(s, k)) &&
                        !quantity_of(s, k))
                        return 0;
                    if (e->side == 1 && k == ms->words_end) return 0; /* a purpose infinitive */
                    begun |= nominal(s->t[k].pos) && s->t[k].pos != DYAD_POS_RB;
                    k++;
                }
                if (k >= lim) return 0;
                /* "arrived on Friday on a state visit": a preposition of time
                 * opens no phrase a pattern looks for; the next one may */
                if (!(e->group == PG_PREP && e->gstart && k + 1 < lim && (s->t[k + 1].wc & WC_TIME))) break;
            }
            if (e->side == 1 && e->group == PG_PREP && e->gstart && owned_object(s, pos, k)) return 0;
            if (e->group == PG_NOUN && !nominal(s->t[k].pos)) return 0;
            if (head)
                for (int j = pos; j < k; j++) /* only adjectives between modifier and head */
                    if (!(s->t[j].pos >= DYAD_POS_JJ && s->t[j].pos <= DYAD_POS_JJS) &&
                        s->t[j].pos != DYAD_POS_VBN && s->t[j].pos != DYAD_POS_VBG)
                        return 0;
            if (e->side == 0 && (s->t[k].pos == DYAD_POS_RB || s->t[k].pos == DYAD_POS_RBR ||
                                 s->t[k].pos == DYAD_POS_RBS))
                return 0; /* words before the verb are nouns, not adverbs */
            pos = k + 1;
            if (e->gstart) glimit = group_limit(s, pos, to, e->group);
            break;
        }
        case PE_SYNSET: {
            int k = pos, found = 0;
            uint32_t words[16];
            for (; k < lim && !found; k++) {
                if (e->side == 1 && k == ms->words_end) return 0; /* a purpose infinitive */
                if (e->id < 64 && !(s->t[k].syn & (1ULL << e->id))) continue;
                int n = 0;
                for (int j = k; j < to && n < 16; j++) words[n++] = s->t[j].id;
                size_t len = 0;
                if (dict_synset_matches(d, e->id, words, (size_t)n, &len)) {
                    found = 1;
                    pos = k + (int)len;
                    break;
                }
                /* a plural member spelled as the singular in text, or vice versa */
                if (s->t[k].sid) {
                    words[0] = s->t[k].sid;
                    if (dict_synset_matches(d, e->id, words, (size_t)n, &len)) {
                        found = 1;
                        pos = k + (int)len;
                        break;
                    }
                }
            }
            if (!found) return 0;
            if (e->gstart) glimit = group_limit(s, pos, to, e->group);
            break;
        }
        case PE_TARGET:
        case PE_SOURCE: {
            int u = next_unit(s, pos, lim);
            if (u < 0) return 0;
            if (e->side == 1 && pos == from && e->kind == PE_TARGET && thing_before(s, pos, s->units[u].start))
                return 0;
            if (e->kind == PE_TARGET) ms->target = u;
            else ms->source = u;
            pos = s->units[u].end;
            if (e->side == 1 && ms->g && pos == ms->g->rel_skip) { /* over its relative clause */
                pos = ms->g->rel_resume;
                to = glimit = ms->g->rel_end;
            }
            break;
        }
        case PE_SKIP:
            if (pos >= to) return 0;
            pos++;
            break;
        case PE_COMPOUND: /* %: the subject must be compound */
            if (!ms->compound) return 0;
            ms->used_pct = 1;
            break;
        default:
            break;
        }
    }
    return 1;
}

static int match_pattern(const csent *s, const vgroup *g, const dict_pattern *p, int post_from,
                         mstate *ms) {
    const delem *el = p->el;
    const delem *end = el + p->nel, *mid = el;
    while (mid < end && mid->side == 0) mid++;
    ms->source = ms->target = -1;
    ms->used_pct = 0;
    ms->g = g;
    ms->words_end = g->words_end;
    ms->compound = g->subject >= 0 && s->units[g->subject].ncodes > 1;
    /* words before '*' are the nouns and prepositional phrases before the
     * verb group, not its auxiliaries or adverbs */
    if (mid > el && !match_side(s, el, mid, g->region_start, g->start, ms)) return 0;
    return match_side(s, mid, end, post_from, g->pattern_end, ms);
}

/* "Ten hostages were seized by militants": a passive's subject that names
 * people (its head an agent) is the object of the act, so a pattern whose
 * words after '*' name only the object (no phrase of a preposition, no '+'
 * or '$') may find them in it, as in "militants seized ten hostages". A
 * thing ("sanctions were imposed on X") is left to the phrases after. */
static int passive_object(const csent *s, const vgroup *g, const dict_pattern *p, mstate *ms) {
    if (!g->passive || g->subject < 0 || !p->nel) return 0;
    const unit *u = &s->units[g->subject];
    if (!(s->t[u->end - 1].ws & (WS_AGENT | WS_AGENT_NEXT))) return 0;
    for (uint32_t k = 0; k < p->nel; k++) {
        const delem *e = &p->el[k];
        if (!e->side || (e->kind != PE_WORD && e->kind != PE_SYNSET) || e->group == PG_PREP) return 0;
    }
    ms->source = ms->target = -1;
    ms->used_pct = ms->compound = 0;
    ms->g = NULL;
    ms->words_end = -1;
    return match_side(s, p->el, p->el + p->nel, u->start, u->end, ms);
}

/* "X met Y at Z", "met in Z for talks": a pattern of MEET that codes the
 * intention to meet (036, TABARI's reading of "will meet at") does not
 * apply to a meeting told as done (simple past, "has met", or the simple
 * present of headlines and captions: "X meets Y at Z"): that is the
 * meeting itself, the verb's own code, both ways when the pattern was. */
static int meeting_done(const csent *s, const vgroup *g, const char *lemma, const char *code) {
    if (!code || strncmp(code, "036", 3) || !lemma) return 0;
    if (strncmp(lemma + (lemma[0] == '+'), "MEET", 4)) return 0;
    uint8_t p = s->t[g->main].pos;
    return ((p == DYAD_POS_VBD || p == DYAD_POS_VBZ || p == DYAD_POS_VBP) && g->start == g->main) ||
           (p == DYAD_POS_VBN && g->start < g->main && (s->t[g->start].wc & WC_HAVEDO));
}

/* Adds the words of tokens [from, to) to a region's word bits and synset bits. */
static void region_words(const csent *s, int from, int to, uint64_t *words, uint64_t *syn) {
    for (int k = from; k < to; k++) {
        *words |= side_bit(s->t[k].id) | side_bit(s->t[k].sid);
        *syn |= s->t[k].syn;
    }
}

int coder_match_verb(const csent *s, const vgroup *g, vmatch *m) {
    const dyad_dict *d = s->c->dict;
    memset(m, 0, sizeof *m);
    m->source = m->target = -1;
    uint32_t fi = dhash_get(s->c->verbs, s->t[g->main].id);
    dict_form f, best;
    int best_extra = -1, best_form = -1, post_from = g->main + 1;
    while (fi) {
        uint32_t next = dict_form_words(d, fi - 1, &f);
        int pe;
        /* equal: the earlier line, as PETRARCH-2 keeps a word's first entry */
        if (form_fits(s, &f, g->main, &pe) && (int)(f.npre + f.npost) >= best_extra) {
            best_form = (int)f.index;
            best_extra = (int)(f.npre + f.npost);
            post_from = pe;
        }
        fi = next;
    }
    if (best_form < 0) return 0;
    dict_form_get(d, (uint32_t)best_form, &best);
    m->form = best.index;
    m->lemma = best.lemma;
    if (post_from < g->end) post_from = g->end;
    /* patterns come most specific first (read_verbs.c): the first match wins */
    /* the words of the two regions a pattern's words are looked for in */
    uint64_t pre = 0, post = 0, pre_syn = 0, post_syn = 0;
    region_words(s, g->region_start, g->start, &pre, &pre_syn);
    region_words(s, post_from, g->pattern_end, &post, &post_syn);
    if (g->rel_skip >= 0) /* the phrase resumed past the object's relative clause */
        region_words(s, g->rel_resume, g->rel_end, &post, &post_syn);
    if (g->passive && g->subject >= 0) /* its subject's words may be the object's (passive_object) */
        region_words(s, s->units[g->subject].start, s->units[g->subject].end, &post, &post_syn);
    const uint64_t *have = s->bloom, *side = s->c->pat_side + PAT_SIDE * (size_t)best.first_pattern;
    const uint8_t *key = s->c->pat_key + best.first_pattern;
    m->code = best.code;
    m->code2 = best.code2;
    for (uint32_t i = 0; i < best.npatterns; i++, side += PAT_SIDE) {
        if (!dict_bloom_has_bit(have, key[i]))
            continue; /* a word it requires is not in the sentence (its key) */
        if ((side[0] & ~pre) | (side[1] & ~post) | (side[2] & ~pre_syn) | (side[3] & ~post_syn))
            continue; /* a word or synset the pattern needs is missing from its region */
        const uint64_t *need = side + 4;
        if ((need[0] & ~have[0]) | (need[1] & ~have[1]) | (need[2] & ~have[2]) | (need[3] & ~have[3]))
            continue; /* a required word is missing from the sentence */
        dict_pattern p;
        dict_pattern_get(d, best.first_pattern + i, &p);
        mstate ms;
        if (!match_pattern(s, g, &p, post_from, &ms) && !passive_object(s, g, &p, &ms)) continue;
        m->pattern = p.index + 1;
        m->code = p.code;
        m->code2 = p.code2;
        if (best.code && meeting_done(s, g, best.lemma, p.code)) {
            m->code = best.code;
            m->code2 = p.code2 ? best.code : NULL;
        }
        m->source = ms.source;
        m->target = ms.target;
        m->compound = ms.used_pct;
        break;
    }
    return 1;
}
