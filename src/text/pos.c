/* pos.c -- names of the Penn Treebank part-of-speech tags (enum dyad_pos). */
#include "text/text.h"

#include <string.h>

static const char *const pos_names[DYAD_POS_COUNT] = {
    [DYAD_POS_NONE] = "", [DYAD_POS_CC] = "CC", [DYAD_POS_CD] = "CD", [DYAD_POS_DT] = "DT",
    [DYAD_POS_EX] = "EX", [DYAD_POS_FW] = "FW", [DYAD_POS_IN] = "IN", [DYAD_POS_JJ] = "JJ",
    [DYAD_POS_JJR] = "JJR", [DYAD_POS_JJS] = "JJS", [DYAD_POS_LS] = "LS", [DYAD_POS_MD] = "MD",
    [DYAD_POS_NN] = "NN", [DYAD_POS_NNS] = "NNS", [DYAD_POS_NNP] = "NNP",
    [DYAD_POS_NNPS] = "NNPS", [DYAD_POS_PDT] = "PDT", [DYAD_POS_POS] = "POS",
    [DYAD_POS_PRP] = "PRP", [DYAD_POS_PRPS] = "PRP$", [DYAD_POS_RB] = "RB",
    [DYAD_POS_RBR] = "RBR", [DYAD_POS_RBS] = "RBS", [DYAD_POS_RP] = "RP", [DYAD_POS_SYM] = "SYM",
    [DYAD_POS_TO] = "TO", [DYAD_POS_UH] = "UH", [DYAD_POS_VB] = "VB", [DYAD_POS_VBD] = "VBD",
    [DYAD_POS_VBG] = "VBG", [DYAD_POS_VBN] = "VBN", [DYAD_POS_VBP] = "VBP",
    [DYAD_POS_VBZ] = "VBZ", [DYAD_POS_WDT] = "WDT", [DYAD_POS_WP] = "WP", [DYAD_POS_WPS] = "WP$",
    [DYAD_POS_WRB] = "WRB", [DYAD_POS_COMMA] = ",", [DYAD_POS_PERIOD] = ".",
    [DYAD_POS_COLON] = ":", [DYAD_POS_LQUOTE] = "``", [DYAD_POS_RQUOTE] = "''",
    [DYAD_POS_LRB] = "-LRB-", [DYAD_POS_RRB] = "-RRB-", [DYAD_POS_HASH] = "#",
    [DYAD_POS_DOLLAR] = "$",
};

const char *dyad_pos_name(dyad_pos p) {
    if ((unsigned)p >= DYAD_POS_COUNT) return "";
    return pos_names[p];
}

dyad_pos dyad_pos_from_name(const char *name) {
    if (!name || !*name) return DYAD_POS_NONE;
    for (int p = 1; p < DYAD_POS_COUNT; p++)
        if (strcmp(pos_names[p], name) == 0) return (dyad_pos)p;
    return DYAD_POS_NONE;
}
