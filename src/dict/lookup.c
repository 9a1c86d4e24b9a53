/* lookup.c -- questions the coder and the CLI ask of a loaded dictionary:
 * which code an actor has on a date, whether words match a synset, and the
 * stand-alone name lookup behind `dyad dict lookup`. */
#include "dictInt.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A bare [CODE] restriction line: no dates, the actor's default. */
static int restr_bare(const drestr *r) { return r->from == INT32_MIN && r->to == INT32_MAX; }

const char *dict_actor_code(const dyad_dict *d, uint32_t actor, int32_t date, int *restr_used) {
    const dactor *a = (const dactor *)dvec_at(&d->actors, sizeof *a, actor);
    const drestr *r = (const drestr *)d->restrs.v + a->r_first;
    if (restr_used) *restr_used = -1;
    /* a dated restriction that covers the date wins; a bare [CODE] line is
     * the default, as is the code on the primary line */
    uint32_t fallback = a->code;
    for (uint32_t i = 0; i < a->r_count; i++) {
        if (restr_bare(&r[i])) {
            if (!fallback) fallback = r[i].code;
            continue;
        }
        if (date > 0 && date >= r[i].from && date <= r[i].to) { /* 0: no date */
            if (restr_used) *restr_used = (int)i;
            return dict_s(d, r[i].code);
        }
    }
    return fallback ? dict_s(d, fallback) : NULL;
}

int dict_actor_dated(const dyad_dict *d, uint32_t actor) {
    const dactor *a = (const dactor *)dvec_at(&d->actors, sizeof *a, actor);
    const drestr *r = (const drestr *)d->restrs.v + a->r_first;
    for (uint32_t i = 0; i < a->r_count; i++)
        if (!restr_bare(&r[i])) return 1;
    return 0;
}

int64_t dict_phrase_actor(const dyad_dict *d, uint32_t rec) {
    return rec < d->phrases.n ? (int64_t)((const dphrase *)d->phrases.v + rec)->actor : -1;
}

int dict_phrase_primary(const dyad_dict *d, uint32_t rec) {
    if (rec >= d->phrases.n) return 0;
    const dphrase *ph = (const dphrase *)d->phrases.v + rec;
    const dactor *ac = (const dactor *)d->actors.v + ph->actor;
    return ph->file == ac->file && ph->line == ac->line;
}

int64_t dict_word_actor(const dyad_dict *d, uint32_t word) {
    uint32_t node = word ? dtrie_child(&d->actor_trie, 0, word) : 0;
    uint32_t val = node ? d->actor_trie.val[node] : 0; /* phrase index + 1 */
    return val ? dict_phrase_actor(d, val - 1) : -1;
}

const char *dict_agent_code(const dyad_dict *d, uint32_t rec, int *prefix) {
    const dagent *ag = (const dagent *)d->agents.v + rec;
    if (prefix) *prefix = ag->prefix != 0;
    return dict_s(d, ag->code);
}

const dtrie *dict_trie(const dyad_dict *d, dict_trie_kind kind) {
    switch (kind) {
    case DICT_ACTORS: return &d->actor_trie;
    case DICT_AGENTS: return &d->agent_trie;
    case DICT_DISCARDS: return &d->discard_trie;
    case DICT_ISSUES: return &d->issue_trie;
    }
    return NULL;
}

const dhash *dict_verb_index(const dyad_dict *d) { return &d->verb_index; }

uint32_t dict_nwords(const dyad_dict *d) { return d->word_str.n; }

dict_words dict_words_of(const dyad_dict *d) {
    return (dict_words){&d->words, (const char *)d->pool.v, d->pool.n, d};
}

const char *dict_word_text(const dyad_dict *d, uint32_t id) {
    return dict_s(d, ((const uint32_t *)d->word_str.v)[id]);
}

uint32_t dict_nsynsets(const dyad_dict *d) { return d->synsets.n; }

void dict_synset_first_words(const dyad_dict *d, uint32_t synset, int max_depth,
                             void (*fn)(void *ctx, uint32_t word), void *ctx) {
    const dsynset *ss = (const dsynset *)d->synsets.v + synset;
    for (uint32_t i = 0; i < ss->mem_n; i++) {
        const dsynmem *m = (const dsynmem *)d->synmems.v + ss->mem_first + i;
        if (m->synset && max_depth > 0) dict_synset_first_words(d, m->synset - 1, max_depth - 1, fn, ctx);
        else if (m->id_n) fn(ctx, ((const uint32_t *)d->ids.v)[m->id_first]);
    }
}

const char *dict_where(const dyad_dict *d, uint32_t file, uint32_t line, char *buf, size_t n) {
    const dfile *f = (const dfile *)d->files.v + file;
    const char *path = dict_s(d, f->path);
    const char *slash = strrchr(path, '/');
    snprintf(buf, n, "%s:%u", slash ? slash + 1 : path, line);
    return buf;
}

const char *dict_agent_origin(const dyad_dict *d, uint32_t rec, char *buf, size_t n) {
    const dagent *ag = (const dagent *)d->agents.v + rec;
    char at[300];
    snprintf(buf, n, "agent %s [%s%s%s] (%s)", dict_s(d, ag->name), ag->prefix ? "" : "~",
             dict_s(d, ag->code), ag->prefix ? "~" : "", dict_where(d, ag->file, ag->line, at, sizeof at));
    return buf;
}

const char *dict_phrase_origin(const dyad_dict *d, uint32_t rec, int restr, int32_t date, char *buf,
                               size_t n) {
    const dphrase *ph = (const dphrase *)d->phrases.v + rec;
    const dactor *ac = (const dactor *)d->actors.v + ph->actor;
    char at[300];
    int len = snprintf(buf, n, "actor %s (%s)", dict_s(d, ac->name),
                       dict_where(d, ph->file, ph->line, at, sizeof at));
    if (restr >= 0 && len >= 0 && (size_t)len < n) {
        const drestr *r = (const drestr *)d->restrs.v + ac->r_first + restr;
        snprintf(buf + len, n - (size_t)len, " date restriction [%s %d-%d] applies on %d",
                 dict_s(d, r->code), r->from == INT32_MIN ? 0 : r->from,
                 r->to == INT32_MAX ? 99999999 : r->to, date);
    }
    return buf;
}

int dict_synset_matches(const dyad_dict *d, uint32_t synset, const uint32_t *words, size_t n,
                        size_t *len) {
    *len = 0;
    if (!n || !dhash_get(&d->synset_first, ((uint64_t)synset << 32) | words[0])) return 0;
    const dsynset *ss = (const dsynset *)dvec_at(&d->synsets, sizeof *ss, synset);
    const dsynmem *m = (const dsynmem *)d->synmems.v + ss->mem_first;
    const uint32_t *ids = d->ids.v;
    size_t best = 0;
    for (uint32_t i = 0; i < ss->mem_n; i++) {
        size_t l = 0;
        if (m[i].synset) {
            if (m[i].synset - 1 != synset && dict_synset_matches(d, m[i].synset - 1, words, n, &l) &&
                l > best)
                best = l;
            continue;
        }
        if (m[i].id_n > n) continue;
        size_t k = 0;
        while (k < m[i].id_n && ids[m[i].id_first + k] == words[k]) k++;
        if (k == m[i].id_n && k > best) best = k;
    }
    *len = best;
    return best > 0;
}

/* Splits a name into upper-case words the way the tokenizer would see
 * them (blanks and underscores separate; "'s" is its own word). */
static size_t name_words(const dyad_dict *d, const char *name, uint32_t *ids, size_t max) {
    size_t k = 0;
    const char *p = name;
    char w[256];
    while (*p && k < max) {
        while (*p == ' ' || *p == '_' || *p == '\t') p++;
        size_t n = 0;
        while (*p && *p != ' ' && *p != '_' && *p != '\t' && n < sizeof w - 1)
            w[n++] = (char)toupper((unsigned char)*p++);
        if (!n) break;
        ids[k++] = dict_word_find(d, w, n);
    }
    return k;
}

const char *dyad_dict_lookup_actor(const dyad_dict *d, const char *name, int32_t date,
                                   dyad_arena *a) {
    (void)a;
    uint32_t ids[64];
    size_t n = name_words(d, name, ids, 64);
    uint32_t node = 0, found = 0;
    for (size_t i = 0; i < n; i++) {
        node = ids[i] ? dtrie_child(&d->actor_trie, node, ids[i]) : 0;
        if (!node) break;
        if (d->actor_trie.val[node] && i == n - 1) found = d->actor_trie.val[node];
    }
    if (!found) return NULL;
    const dphrase *ph = (const dphrase *)dvec_at(&d->phrases, sizeof *ph, found - 1);
    return dict_actor_code(d, ph->actor, date, NULL);
}
