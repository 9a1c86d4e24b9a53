/* combine.c -- verb combinations: "urged X to release", "offered to hold
 * talks", "refused to release".
 *
 * CAMEO files appeals (02), intentions (03), demands (10) and rejections
 * (12) by what is appealed for, intended, demanded or rejected: material
 * cooperation, diplomatic cooperation, aid, political reform, yielding, a
 * meeting. When such a verb governs an infinitive whose own code is one of
 * those cooperative acts (04-08), the two make one event with the specific
 * code: appeal + release (0841) = appeal for release (0253). */
#include "coder.h"

#include <stdio.h>
#include <string.h>

/* What a cooperative code is about: the CAMEO sub-category (1 material
 * cooperation, 2 diplomatic cooperation, 3 aid, 4 political reform, 5 yield,
 * 6 meeting) and the detail digit within it (0 for none). */
static int kind_of(const char *c, int *detail) {
    size_t n = strlen(c);
    *detail = 0;
    if (n < 3) return 0;
    int root = (c[0] - '0') * 10 + (c[1] - '0'), third = c[2] - '0';
    switch (root) {
    case 4: return 6;
    case 5: return 2;
    case 6: *detail = third >= 1 && third <= 4 ? third : 0; return 1;
    case 7: *detail = third >= 1 && third <= 4 ? third : 0; return 3;
    case 8:
        if (third == 3) {
            *detail = n > 3 ? c[3] - '0' : 0;
            return 4;
        }
        /* yield: 081 admin sanctions, 082 dissent, 084 release, 085 economic
         * sanctions, 086 international involvement, 087 de-escalation */
        *detail = third == 1 ? 1 : third == 2 ? 2 : third == 4 ? 3 : third == 5 ? 4
                : third == 6 ? 5 : third == 7 ? 6 : 0;
        return 5;
    default: return 0;
    }
}

/* Per governing root, the three-digit code of each kind (index 1..6). */
static const char *const by_kind[][7] = {
    /* 02 appeal */ {"020", "021", "022", "023", "024", "025", "026"},
    /* 03 intend */ {"030", "031", "032", "033", "034", "035", "036"},
    /* 10 demand */ {"100", "101", "102", "103", "104", "105", "108"},
    /* 12 reject */ {"120", "121", "120", "122", "123", "124", "125"},
};

const char *coder_threat(const char *act) {
    size_t len = strlen(act);
    int root = len >= 2 ? (act[0] - '0') * 10 + (act[1] - '0') : 0, third = len >= 3 ? act[2] - '0' : 0;
    switch (root) {
    case 14: return "133";                                         /* protest */
    case 16:
        return third == 3 ? "1312" : third == 4 ? "134" : third == 5 ? "135" : third == 6 ? "136"
             : "1313";                                             /* boycott, talks, relations */
    case 17: return "137";                                         /* repression */
    case 18: return "1383";                                        /* unconventional violence */
    case 19: /* blockade, occupation, a conventional attack (small arms, artillery, aircraft) */
        return third == 1 ? "1381" : third == 2 ? "1382" : third >= 3 && third <= 5 ? "1384" : "138";
    case 20: return "1385";                                        /* mass violence */
    default: return root >= 10 ? "130" : NULL;
    }
}

const char *coder_combine(const char *upper, const char *lower, char *buf, size_t n) {
    /* agreeing to do something (019, express accord) is an intention to do it */
    if (upper && !strcmp(upper, "019")) upper = "030";
    if (!upper || !lower || strlen(upper) != 3 || upper[2] != '0') return NULL;
    /* a vow to do harm is a threat (13) of that harm */
    int lroot = strlen(lower) >= 2 ? (lower[0] - '0') * 10 + (lower[1] - '0') : 0;
    /* threatening to do harm is the threat of that harm: "threatened to
     * attack" 138, "to break off relations" 1313 */
    if (!strncmp(upper, "13", 2)) {
        if (lroot < 10) return NULL;
        snprintf(buf, n, "%s", coder_threat(lower));
        return buf;
    }
    if (!strncmp(upper, "03", 2) && lroot >= 10) {
        snprintf(buf, n, "%s", coder_threat(lower));
        return buf;
    }
    int row = !strncmp(upper, "02", 2) ? 0 : !strncmp(upper, "03", 2) ? 1
            : !strncmp(upper, "10", 2) ? 2 : !strncmp(upper, "12", 2) ? 3 : -1;
    int detail, kind = row < 0 ? 0 : kind_of(lower, &detail);
    if (!kind) return NULL;
    /* mediating (045) has codes of its own: appeal 028, intent 039,
     * rejection 126 (CAMEO has no demand for it: a demanded meeting, 108) */
    static const char *const mediation[] = {"028", "039", "108", "126"};
    if (!strncmp(lower, "045", 3)) return snprintf(buf, n, "%s", mediation[row]), buf;
    const char *base = by_kind[row][kind];
    snprintf(buf, n, "%s%d", base, detail);
    if (detail && dyad_cameo_find(buf)) return buf; /* the detailed code exists */
    snprintf(buf, n, "%s", base);
    return buf;
}
