/* test_cameo.c -- src/cameo/: the classes of a code, the CAMEO->PLOVER
 * table and what an actor code says. Expectations read by hand from the
 * CAMEO codebook's roots and the PLOVER 2021 conversion table. */
#include "t.h"
#include "dyad.h"
#include "cameo/cameo.h"

static void check_plover(const char *code, const char *type, const char *mode, const char *ctx) {
    const dyad_plover *p = dyad_cameo_plover(code);
    if (!type) {
        CHECK(p == NULL);
        return;
    }
    CHECK(p != NULL);
    if (!p) {
        fprintf(stderr, "  no PLOVER row for %s\n", code);
        return;
    }
    CHECK_STR(p->type, type);
    CHECK_STR(p->mode, mode);
    CHECK_STR(p->context, ctx);
}

static void test_plover(void) {
    check_plover("041", "CONSULT", "phone", "");     /* discuss by telephone */
    check_plover("0412", "CONSULT", "phone", "");    /* no such code: its parent 041 */
    check_plover("0871", "RETREAT", "ceasefire", "military");
    check_plover("084", "RETREAT", "", "");
    check_plover("0845", "RETREAT", "", "");         /* unknown: parent 084 */
    check_plover("08", "CONCEDE", "", "");           /* root 08 is split: bare 08 = 080 */
    check_plover("089", "CONCEDE", "", "");          /* unknown 08x: the root */
    check_plover("0861", "RETREAT", "access", "peacekeeping");
    check_plover("163", "COERCE", "restrict", "diplomatic"); /* moved out of SANCTION */
    check_plover("16", "SANCTION", "", "");
    check_plover("1711", "COERCE", "seize", "human_security");
    check_plover("1712", "ASSAULT", "seize", "human_security");
    check_plover("190", "ASSAULT", "", "military");
    check_plover("191", "COERCE", "restrict", "military");
    check_plover("1124", "ACCUSE", "allege", "military;legal");
    check_plover("094", "ACCUSE", "investigate", "military;legal");
    check_plover("1322", "THREATEN", "ban", "pro_autocracy");
    check_plover("2042", "ASSAULT", "unconventional", "cbrn");
    check_plover("201", "ASSAULT", "cleansing", "religion_ethnicity");
    check_plover("010", NULL, NULL, NULL);           /* statements: no PLOVER type */
    check_plover("0231", NULL, NULL, NULL);          /* appeals: none */
    check_plover("02", NULL, NULL, NULL);
    check_plover("99", NULL, NULL, NULL);
    check_plover("", NULL, NULL, NULL);
    check_plover(NULL, NULL, NULL, NULL);
    check_plover("04123", "CONSULT", "phone", "");   /* as the scorer: its first three digits */

    CHECK_STR(dyad_plover_type(0), "AGREE");
    CHECK_STR(dyad_plover_type(15), "ASSAULT");
    CHECK(dyad_plover_type(16) == NULL);
    CHECK(dyad_plover_type_index("COERCE") == 14);
    CHECK(dyad_plover_type_index("FIGHT") == -1); /* a PLOVER 0.5 name, renamed ASSAULT */
    /* every code of roots 03-20, two to four digits, reaches one of the 16 types */
    int bad = 0, mapped = 0;
    for (int r = 1; r <= 20; r++)
        for (int k = -1; k <= 99; k++) {
            char code[5];
            if (k < 0) snprintf(code, sizeof code, "%02d", r);
            else if (k < 10) snprintf(code, sizeof code, "%02d%d", r, k);
            else snprintf(code, sizeof code, "%02d%02d", r, k);
            const dyad_plover *p = dyad_cameo_plover(code);
            if (r <= 2) bad += p != NULL;
            else bad += !p || dyad_plover_type_index(p->type) < 0, mapped++;
        }
    CHECK(bad == 0);
    CHECK(mapped == 18 * 101);
}

static void test_classes(void) {
    CHECK(dyad_cameo_quad_class("04") == 1);
    CHECK(dyad_cameo_quad_class("057") == 1);
    CHECK(dyad_cameo_quad_class("06") == 2);
    CHECK(dyad_cameo_quad_class("0874") == 2);
    CHECK(dyad_cameo_quad_class("09") == 2);
    CHECK(dyad_cameo_quad_class("10") == 3);
    CHECK(dyad_cameo_quad_class("145") == 3);
    CHECK(dyad_cameo_quad_class("15") == 4);
    CHECK(dyad_cameo_quad_class("2042") == 4);
    CHECK(dyad_cameo_quad_class("21") == 0);
    CHECK(dyad_cameo_quad_class("0") == 0);
    CHECK(dyad_cameo_quad_class("") == 0);
    CHECK(dyad_cameo_quad_class(NULL) == 0);
    /* the table's QuadClass is the root's */
    const char *codes[] = {"010", "0256", "036", "042", "057", "061", "075", "0874", "094",
                           "1056", "112", "1246", "139", "145", "154", "1663", "175", "1823",
                           "196", "2042"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        const dyad_cameo *c = dyad_cameo_find(codes[i]);
        CHECK(c && c->quad_class == dyad_cameo_quad_class(codes[i]));
    }
    CHECK(dyad_cameo_penta_class("01") == 0);
    CHECK(dyad_cameo_penta_class("020") == 0);
    CHECK(dyad_cameo_penta_class("03") == 1);
    CHECK(dyad_cameo_penta_class("057") == 1);
    CHECK(dyad_cameo_penta_class("06") == 2);
    CHECK(dyad_cameo_penta_class("0874") == 2);
    CHECK(dyad_cameo_penta_class("09") == 3); /* Phoenix: investigate is verbal conflict */
    CHECK(dyad_cameo_penta_class("139") == 3);
    CHECK(dyad_cameo_penta_class("14") == 4); /* Phoenix: protest is material conflict */
    CHECK(dyad_cameo_penta_class("20") == 4);
}

static void test_actor(void) {
    CHECK_STR(dyad_actor_sector("RUSGOV"), "GOV");
    CHECK_STR(dyad_actor_sector("GBRELIGOV"), "ELIGOV");
    CHECK_STR(dyad_actor_sector("IGOUNOHRI"), "HRI");
    CHECK_STR(dyad_actor_sector("USA"), "");
    CHECK_STR(dyad_actor_sector(""), "");
    CHECK_STR(dyad_actor_sector(NULL), "");
    char c[8];
    CHECK(dyad_actor_country("IGOUNOHRI", c) == 6);
    CHECK_STR(c, "IGOUNO");
}

/* The sector codes, and of every three capitals AAA..ZZZ those alone. */
static void test_sector_codes(void) {
    static const char *const sectors[] = {"AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV",
                                          "HLH", "HRI", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "OPP",
                                          "PPL", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF"};
    for (size_t i = 0; i < sizeof sectors / sizeof *sectors; i++) CHECK(cameo_is_sector_code(sectors[i]));
    int hits = 0;
    char c[4] = "AAA";
    for (c[0] = 'A'; c[0] <= 'Z'; c[0]++)
        for (c[1] = 'A'; c[1] <= 'Z'; c[1]++)
            for (c[2] = 'A'; c[2] <= 'Z'; c[2]++) hits += cameo_is_sector_code(c);
    CHECK(hits == 27);
    CHECK(cameo_is_sector_code("GOVXYZ") && !cameo_is_sector_code("USAGOV") && !cameo_is_sector_code("\xc3\xa9\xc3"));
}

int main(void) {
    test_sector_codes();
    test_plover();
    test_classes();
    test_actor();
    return t_summary();
}
