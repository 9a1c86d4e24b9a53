/* test_tagger.c -- part-of-speech tags (src/text/tagger.c) on hand-checked
 * news sentences, Penn Treebank tag names, and the tagger against the
 * validation parses in ../shared (a floor, so a regression shows). */
#include "t_tagger.h"

/* "word/TAG word/TAG ..." for a text taken as one sentence. */
static const char *tagged(const char *text) {
    static char buf[8192];
    dyad_sentence s;
    if (t_one_sentence(text, &s) < 0) return "(error)";
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < s.ntokens && o < sizeof buf - 64; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s/%s", i ? " " : "", s.tokens[i].text,
                              dyad_pos_name((dyad_pos)s.tokens[i].pos));
    return buf;
}

static void test_names(void) {
    CHECK_STR(dyad_pos_name(DYAD_POS_NNP), "NNP");
    CHECK_STR(dyad_pos_name(DYAD_POS_PRPS), "PRP$");
    CHECK_STR(dyad_pos_name(DYAD_POS_WPS), "WP$");
    CHECK_STR(dyad_pos_name(DYAD_POS_COMMA), ",");
    CHECK_STR(dyad_pos_name(DYAD_POS_LQUOTE), "``");
    CHECK_STR(dyad_pos_name(DYAD_POS_LRB), "-LRB-");
    CHECK_STR(dyad_pos_name(DYAD_POS_COUNT), "");
    CHECK(dyad_pos_from_name("VBZ") == DYAD_POS_VBZ);
    CHECK(dyad_pos_from_name("PRP$") == DYAD_POS_PRPS);
    CHECK(dyad_pos_from_name("''") == DYAD_POS_RQUOTE);
    CHECK(dyad_pos_from_name("XYZ") == DYAD_POS_NONE);
    CHECK(dyad_pos_from_name("") == DYAD_POS_NONE);
    CHECK(dyad_pos_from_name(NULL) == DYAD_POS_NONE);
    for (int p = 1; p < DYAD_POS_COUNT; p++) CHECK((int)dyad_pos_from_name(dyad_pos_name((dyad_pos)p)) == p);
}

static void test_sentences(void) {
    /* a title-case line: its capitals do not make names ("Capital" stays a
     * noun), its small words ("in", "the", "after", "of", "a") are passed over */
    CHECK_STR(tagged("Protests in the Capital after the Election of a New Leader"),
              "Protests/NNS in/IN the/DT Capital/NN after/IN the/DT Election/NN of/IN a/DT "
              "New/JJ Leader/NN");
    /* in a title-case line, a plural right after the name that opens it is
     * its verb when the next word can start an object; not when a verb
     * follows ("Forces Kill", "Conditions Worsen") */
    CHECK_STR(tagged("Lula Sacks Defence Minister"), "Lula/NNP Sacks/VBZ Defence/NN Minister/NN");
    CHECK_STR(tagged("Lula Plans Talks with Colombian Rebels"),
              "Lula/NNP Plans/VBZ Talks/NNS with/IN Colombian/JJ Rebels/NNS");
    CHECK_STR(tagged("Lima Forces Kill Ten Rebels"), "Lima/NNP Forces/NNS Kill/VBP Ten/CD Rebels/NNS");
    CHECK_STR(tagged("Darien Conditions Worsen"), "Darien/NNP Conditions/NNS Worsen/VBP");
    /* after a comma, a headline's second verb with the same subject; not a
     * plural after a comma when no clause before it has a verb */
    CHECK_STR(tagged("Storm Floods Lima, Kills Ten"),
              "Storm/NN Floods/VBZ Lima/NNP ,/, Kills/VBZ Ten/CD");
    CHECK_STR(tagged("Floods, Storms Hit Lima"), "Floods/NNS ,/, Storms/NNS Hit/VBP Lima/NNP");
    /* a noun-or-verb word after the object of a verb is a noun: the clause
     * has its verb; not after a verb like "demand", whose object may be the
     * subject of a bare verb */
    CHECK_STR(tagged("Rebels raided an Indian border post Monday."),
              "Rebels/NNS raided/VBD an/DT Indian/JJ border/NN post/NN Monday/NNP ./.");
    CHECK_STR(tagged("Farmers demanded the government address the debts."),
              "Farmers/NNS demanded/VBD the/DT government/NN address/VBP the/DT debts/NNS ./.");
    /* a lower-case first word from the end of the alphabet (the small-word
     * lookup once read past its table for y and z) */
    CHECK_STR(tagged("zealous officials met yesterday."),
              "zealous/JJ officials/NNS met/VBD yesterday/NN ./.");
    CHECK_STR(tagged("Iranian President Hassan Rouhani has spoken on the telephone to Russian "
                     "President Putin."),
              "Iranian/JJ President/NNP Hassan/NNP Rouhani/NNP has/VBZ spoken/VBN on/IN the/DT "
              "telephone/NN to/IN Russian/JJ President/NNP Putin/NNP ./.");
    /* "to" is TO before a verb and IN before a noun phrase, as in the
     * Stanford parses of the validation records */
    CHECK_STR(tagged("They agreed to talks to end the war."),
              "They/PRP agreed/VBD to/IN talks/NNS to/TO end/VB the/DT war/NN ./.");
    CHECK_STR(tagged("They attack the city."), "They/PRP attack/VBP the/DT city/NN ./.");
    CHECK_STR(tagged("The attack was condemned by the United Nations."),
              "The/DT attack/NN was/VBD condemned/VBN by/IN the/DT United/NNP Nations/NNPS ./.");
    CHECK_STR(tagged("He said the talks will continue."),
              "He/PRP said/VBD the/DT talks/NNS will/MD continue/VB ./.");
    CHECK_STR(tagged("Putin calls Rouhani"), "Putin/NNP calls/VBZ Rouhani/NNP");
    CHECK_STR(tagged("Russia's foreign minister didn't meet his counterpart."),
              "Russia/NNP 's/POS foreign/JJ minister/NN did/VBD n't/RB meet/VB his/PRP$ "
              "counterpart/NN ./.");
    CHECK_STR(tagged("The police have arrested two men who attacked the embassy."),
              "The/DT police/NNS have/VBP arrested/VBN two/CD men/NNS who/WP attacked/VBD the/DT "
              "embassy/NN ./.");
    CHECK_STR(tagged("Israeli forces killed three Palestinians in the West Bank on Monday, "
                     "officials said."),
              "Israeli/JJ forces/NNS killed/VBD three/CD Palestinians/NNPS in/IN the/DT West/NNP "
              "Bank/NNP on/IN Monday/NNP ,/, officials/NNS said/VBD ./.");
    CHECK_STR(tagged("The minister, who is expected to visit Moscow next week, has called for calm."),
              "The/DT minister/NN ,/, who/WP is/VBZ expected/VBN to/TO visit/VB Moscow/NNP next/JJ "
              "week/NN ,/, has/VBZ called/VBN for/IN calm/NN ./.");
    CHECK_STR(tagged("Protesters stormed the building and set fire to cars."),
              "Protesters/NNS stormed/VBD the/DT building/NN and/CC set/VBD fire/NN to/IN "
              "cars/NNS ./.");
    CHECK_STR(tagged("China's foreign ministry urged both sides to exercise restraint."),
              "China/NNP 's/POS foreign/JJ ministry/NN urged/VBD both/DT sides/NNS to/TO "
              "exercise/VB restraint/NN ./.");
    /* the last word of a verb's object is a plural noun, not a second verb;
     * after a verb of saying the same shape is a clause with its verb */
    CHECK_STR(tagged("Police arrested three terror suspects on Monday."),
              "Police/NNS arrested/VBD three/CD terror/NN suspects/NNS on/IN Monday/NNP ./.");
    /* also after a phrasal verb's particle: the plural ends its object */
    CHECK_STR(tagged("Gondor carried out air strikes near the river."),
              "Gondor/NNP carried/VBD out/RP air/NN strikes/NNS near/IN the/DT river/NN ./.");
    /* an article before a plural name is the noun's after it */
    CHECK_STR(tagged("A United Nations report blames Gondor."),
              "A/DT United/NNP Nations/NNPS report/NN blames/VBZ Gondor/NNP ./.");
    CHECK_STR(tagged("Officials said the agreement covers trade."),
              "Officials/NNS said/VBD the/DT agreement/NN covers/VBZ trade/NN ./.");
    CHECK_STR(tagged("Iran and Russia signed an agreement to expand trade."),
              "Iran/NNP and/CC Russia/NNP signed/VBD an/DT agreement/NN to/TO expand/VB "
              "trade/NN ./.");
    CHECK_STR(tagged("Prices rose 3.5 percent in 2016, up from 1,200 in the 1990s."),
              "Prices/NNS rose/VBD 3.5/CD percent/NN in/IN 2016/CD ,/, up/RB from/IN 1,200/CD "
              "in/IN the/DT 1990s/CD ./.");
    CHECK_STR(tagged("The countries' leaders can't agree."),
              "The/DT countries/NNS '/POS leaders/NNS ca/MD n't/RB agree/VB ./.");
    CHECK_STR(tagged("It cost $5 and the U.S.-led talks in the state-run hall stalled."),
              "It/PRP cost/VBD $/$ 5/CD and/CC the/DT U.S.-led/JJ talks/NNS in/IN the/DT "
              "state-run/JJ hall/NN stalled/VBD ./.");
    /* a nationality adjective inside a name is part of it */
    CHECK_STR(tagged("They visited the Central African Republic and Saudi Arabia."),
              "They/PRP visited/VBD the/DT Central/NNP African/NNP Republic/NNP and/CC Saudi/NNP "
              "Arabia/NNP ./.");
    /* a participle after a noun, and a past tense with an object */
    CHECK_STR(tagged("The Kremlin did not say which of the leaders initiated the call."),
              "The/DT Kremlin/NNP did/VBD not/RB say/VB which/WDT of/IN the/DT leaders/NNS "
              "initiated/VBD the/DT call/NN ./.");
    CHECK_STR(tagged("He cited remarks published on Monday."),
              "He/PRP cited/VBD remarks/NNS published/VBN on/IN Monday/NNP ./.");
    CHECK_STR(tagged("After the nation said it would act, police said 16 people died."),
              "After/IN the/DT nation/NN said/VBD it/PRP would/MD act/VB ,/, police/NNS said/VBD "
              "16/CD people/NNS died/VBD ./.");
    CHECK_STR(tagged("The talks in the capital ended in failure."),
              "The/DT talks/NNS in/IN the/DT capital/NN ended/VBD in/IN failure/NN ./.");
    CHECK_STR(tagged("Putin made that point to that official."),
              "Putin/NNP made/VBD that/DT point/NN to/IN that/DT official/NN ./.");
    CHECK_STR(tagged("\"We will respond,\" she said."),
              "``/`` We/PRP will/MD respond/VB ,/, ''/'' she/PRP said/VBD ./.");
}

/* Agreement with the CoNLL-U parses of the development validation records:
 * a floor that catches regressions. The alignment here is rough (XML
 * entities are left as they are), so it reads lower than the careful one of
 * bench/tagger_accuracy.c, which prints the real figure and the details. */
static void test_validation_floor(void) {
    const char *path = T_SHARED("validation/petr2/PETR_Validate_records_2_02.dev.xml",
                                "the tagger's agreement with the parses");
    if (!path) return;
    FILE *f = fopen(path, "rb");
    if (!f) { T_SKIP("cannot open validation records"); return; }
    static char xml[1 << 20];
    size_t len = fread(xml, 1, sizeof xml - 1, f);
    fclose(f);
    xml[len] = '\0';
    int gold = 0, agree = 0;
    for (char *p = xml; (p = strstr(p, "<Text>"));) {
        char *t1 = strstr(p, "</Text>"), *p0 = t1 ? strstr(t1, "<Parse>") : NULL;
        char *p1 = p0 ? strstr(p0, "</Parse>") : NULL, *next = t1 ? strstr(t1, "<Text>") : NULL;
        if (!p1) break;
        char *text = p + 6;
        p = t1 + 7;
        if (next && p0 > next) continue;
        dyad_sentence s;
        dyad_error err;
        dyad_arena_reset(ar);
        if (dyad_analyze_sentence(tg, ar, text, (size_t)(t1 - text), &s, &err)) continue;
        /* compare tags of tokens whose text matches at the same rank */
        uint32_t k = 0;
        for (char *line = p0 + 7; line < p1;) {
            char *eol = strchr(line, '\n');
            if (!eol || eol > p1) break;
            char form[128], tag[16];
            if (sscanf(line, "%*d\t%127[^\t]\t%*[^\t]\t%*[^\t]\t%15[^\t]", form, tag) == 2) {
                gold++;
                for (uint32_t j = k; j < s.ntokens && j < k + 3; j++)
                    if (strcmp(s.tokens[j].text, form) == 0) {
                        if (strcmp(dyad_pos_name((dyad_pos)s.tokens[j].pos), tag) == 0) agree++;
                        k = j + 1;
                        break;
                    }
            }
            line = eol + 1;
        }
        p = p1;
    }
    fprintf(stderr, "test_tagger: %d/%d tokens agree with the validation parses (%.1f%%)\n", agree,
            gold, gold ? 100.0 * agree / gold : 0.0);
    CHECK(gold > 3000);
    CHECK(agree * 100 >= gold * 90);
}

int main(void) {
    static void (*const tests[])(void) = {test_names, test_sentences, test_validation_floor};
    return t_tagger_main(tests, sizeof tests / sizeof tests[0]);
}
