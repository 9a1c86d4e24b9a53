/* read_agents.c -- the PETRARCH agent dictionary.
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   a substitution set
 *   FOREIGN_MINISTER [~GOV]                      agent code after the actor's
 *   HUMAN_RIGHTS_BODY [NGO~]                     agent code before it
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]  irregular plural ({} = none)
 *   CONGRESS!PERSON! [~LEG]                      one entry per set member
 *
 * Regular plurals of the last word are generated. Words separated by a
 * blank are matched as consecutive words, like '_'. */
#include "dictInt.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SUBST 32
#define MAX_MEMBERS 32

typedef struct subst_set {
    char name[64];
    char members[MAX_MEMBERS][64];
    int n;
} subst_set;

typedef struct agent_state {
    subst_set sets[MAX_SUBST];
    int nsets;
} agent_state;

static int add_agent_phrase(dyad_dict *d, dline *ln, const char *phrase, uint32_t agent) {
    int64_t node = dict_trie_phrase(d, ln, &d->agent_trie, phrase, strlen(phrase), "agent");
    if (node <= 0) return (int)node;
    d->agent_trie.val[node] = agent + 1;
    d->stats.agent_phrases++;
    return 0;
}

static int read_subst(agent_state *st, dline *ln, char *s) {
    char *eq = strchr(s, '=');
    char *end = strchr(s + 1, '!');
    if (!eq || !end || end > eq || st->nsets == MAX_SUBST || end - s >= 63) {
        dict_problem(ln, "malformed substitution set (expected !NAME! = A, B), line skipped");
        return 0;
    }
    subst_set *set = &st->sets[st->nsets];
    memset(set, 0, sizeof *set);
    memcpy(set->name, s, (size_t)(end - s + 1));
    for (char *tok = strtok(eq + 1, ","); tok; tok = strtok(NULL, ",")) {
        char *t = dict_strip_comment(tok);
        if (!*t) continue;
        if (set->n == MAX_MEMBERS || strlen(t) >= 64) {
            dict_problem(ln, "substitution set too large, extra members skipped");
            break;
        }
        strcpy(set->members[set->n++], t);
    }
    if (set->n) st->nsets++;
    else dict_problem(ln, "substitution set without members, line skipped");
    return 0;
}

/* Adds the phrase and its plurals (given or generated) for one agent. */
static int add_with_plurals(dyad_dict *d, dline *ln, const char *phrase, const char *plural,
                            int substituted, uint32_t agent) {
    if (add_agent_phrase(d, ln, phrase, agent) < 0) return -1;
    if (plural) { /* {A_B C_D} or {} */
        char buf[512];
        snprintf(buf, sizeof buf, "%s", plural);
        for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t"))
            if (add_agent_phrase(d, ln, tok, agent) < 0) return -1;
        return 0;
    }
    if (substituted) return 0;
    /* regular plural of the last word */
    size_t n = strlen(phrase);
    while (n && phrase[n - 1] == '_') n--;
    size_t start = n;
    while (start && phrase[start - 1] != '_' && phrase[start - 1] != ' ') start--;
    char last[128];
    if (n - start >= sizeof last) return 0;
    memcpy(last, phrase + start, n - start);
    last[n - start] = 0;
    dict_upper(last);
    char forms[4][128];
    int nf;
    dict_plurals(last, forms, &nf);
    for (int i = 0; i < nf; i++) {
        char full[700];
        snprintf(full, sizeof full, "%.*s%s", (int)start, phrase, forms[i]);
        if (add_agent_phrase(d, ln, full, agent) < 0) return -1;
    }
    return 0;
}

static int agent_line(dline *ln, char *raw, void *state) {
    agent_state *st = state;
    dyad_dict *d = ln->d;
    char *s = dict_strip_comment(raw);
    if (!*s || s[0] == '<') return 0; /* blank, or an XML-style comment header */
    if (s[0] == '!' && strchr(s, '=') && !strchr(s, '[')) return read_subst(st, ln, s);
    char *open = strchr(s, '[');
    if (!open) {
        dict_problem(ln, "agent without [code], line skipped");
        return 0;
    }
    char *close = open + 1;
    while (*close && *close != ']' && *close != '}') close++; /* tolerate "[~LEG}" */
    char code[64];
    size_t clen = 0;
    for (char *c = open + 1; c < close && clen < sizeof code - 1; c++)
        if (*c != ' ') code[clen++] = *c;
    code[clen] = 0;
    int prefix = clen && code[clen - 1] == '~';
    if (!*close || clen < 2 || (code[0] != '~' && !prefix)) {
        dict_problem(ln, "agent code must look like [~CODE] or [CODE~], line skipped");
        return 0;
    }
    char *plural = NULL;
    char *brace = strchr(s, '{');
    if (brace && brace < open) {
        char *bend = strchr(brace, '}');
        if (!bend || bend > open) {
            dict_problem(ln, "'{' without '}', line skipped");
            return 0;
        }
        *bend = 0;
        plural = brace + 1;
        *brace = 0;
    } else {
        *open = 0;
    }
    char *phrase = dict_strip_comment(s);
    if (!*phrase) {
        dict_problem(ln, "agent code without a phrase, line skipped");
        return 0;
    }
    char *cstart = prefix ? code : code + 1;
    size_t cl = prefix ? clen - 1 : clen - 1;
    dagent ag = {dict_str(d, cstart, cl), (uint32_t)prefix, dict_str(d, phrase, strlen(phrase)),
                 ln->file, ln->no};
    if (dvec_push(&d->agents, sizeof ag, &ag) < 0) return -1;
    uint32_t agent = d->agents.n - 1;
    d->stats.agents++;

    char *bang = strchr(phrase, '!');
    if (!bang) return add_with_plurals(d, ln, phrase, plural, 0, agent);
    char *bend = strchr(bang + 1, '!');
    for (int i = 0; bend && i < st->nsets; i++) {
        subst_set *set = &st->sets[i];
        if (strncmp(set->name, bang, (size_t)(bend - bang + 1)) != 0 ||
            set->name[bend - bang + 1] != 0)
            continue;
        for (int m = 0; m < set->n; m++) {
            char full[512];
            snprintf(full, sizeof full, "%.*s%s%s", (int)(bang - phrase), phrase,
                     set->members[m], bend + 1);
            if (add_with_plurals(d, ln, full, plural, 1, agent) < 0) return -1;
        }
        return 0;
    }
    dict_problem(ln, "unknown substitution set in '%s', line skipped", phrase);
    return 0;
}

int dict_read_agents(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx,
                     dyad_error *err) {
    return dict_read_lines_with(path, d, fn, ctx, agent_line, sizeof(agent_state), err);
}
