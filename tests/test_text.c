/* test_text.c -- sentence splitting, Treebank tokenization and Unicode
 * normalization (src/text/), and robustness on hostile input. Every expected
 * value below was written by hand from the Penn Treebank conventions. */
#include "t_tagger.h"
#include "text/text.h"
#include "text/lexhash.h"

/* How joined_as writes a token: its text; its text and '+' when it is
 * DYAD_TOKEN_PLAIN; its text, upper and lower case ("text/UPPER/lower"). */
enum { JOIN_TEXT, JOIN_PLAIN, JOIN_CASES };

/* The tokens of one sentence joined by single spaces, each as `how` says. */
static const char *joined_as(const dyad_sentence *s, int how) {
    static char buf[8192];
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < s->ntokens && o < sizeof buf - 256; i++) {
        const dyad_token *t = &s->tokens[i];
        if (how == JOIN_CASES)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s/%s/%s", i ? " " : "", t->text,
                                  t->upper, t->lower);
        else
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s%s", i ? " " : "", t->text,
                                  how == JOIN_PLAIN && (t->flags & DYAD_TOKEN_PLAIN) ? "+" : "");
    }
    return buf;
}

static const char *joined(const dyad_sentence *s) { return joined_as(s, JOIN_TEXT); }

static dyad_sentence *split(const char *text, size_t *n) {
    dyad_sentence *s = NULL;
    dyad_error err;
    dyad_arena_reset(ar);
    if (dyad_analyze(tg, ar, text, strlen(text), &s, n, &err)) { *n = 0; return NULL; }
    return s;
}

/* The tokens of a text taken as one sentence (joined_as). */
static const char *toks_as(const char *text, int how) {
    dyad_sentence s;
    if (t_one_sentence(text, &s) < 0) return "(error)";
    return joined_as(&s, how);
}

static const char *toks(const char *text) { return toks_as(text, JOIN_TEXT); }

static void test_splitting(void) {
    size_t n;
    dyad_sentence *s;

    s = split("Mr. Smith met Dr. Jones and Gen. Lee in the U.S. capital. They talked.", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(joined(&s[0]), "Mr. Smith met Dr. Jones and Gen. Lee in the U.S. capital .");
        CHECK_STR(joined(&s[1]), "They talked .");
    }
    s = split("George W. Bush met Vladimir V. Putin on Jan. 5. Sen. Kerry, Rep. King and Gov. "
              "Brown agreed.", &n);
    CHECK(n == 2);
    if (n == 2) CHECK_STR(joined(&s[1]), "Sen. Kerry , Rep. King and Gov. Brown agreed .");

    s = split("Prices rose 3.5 percent. Exports fell.", &n);
    CHECK(n == 2);
    if (n == 2) CHECK_STR(joined(&s[0]), "Prices rose 3.5 percent .");

    /* a closing quote after the period stays with its sentence */
    s = split("\"He left.\" She stayed.", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(joined(&s[0]), "`` He left . ''");
        CHECK_STR(joined(&s[1]), "She stayed .");
    }
    /* a line that ends with a colon ends its sentence before a capital, not
     * before a line that goes on in lower case */
    s = split("The ministry issued this statement:\nThe talks will resume in May.", &n);
    CHECK(n == 2);
    if (n == 2) CHECK_STR(joined(&s[0]), "The ministry issued this statement :");
    s = split("The rebels listed their demands:\nthe release of prisoners and a truce.", &n);
    CHECK(n == 1);
    s = split("The ministry said: The talks will resume in May.", &n);
    CHECK(n == 1);
    s = split("The ministry issued this statement:", &n); /* the colon is the last token */
    CHECK(n == 1);
    /* ellipsis inside a sentence */
    s = split("He waited... and then he left.", &n);
    CHECK(n == 1);
    if (n == 1) CHECK_STR(joined(&s[0]), "He waited ... and then he left .");

    /* a headline without a period, then a blank line */
    s = split("Putin calls Rouhani, reaffirms importance of Russia-Iran ties\n\nDays after the "
              "election, Putin called.", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(joined(&s[0]), "Putin calls Rouhani , reaffirms importance of Russia-Iran ties");
        CHECK_STR(joined(&s[1]), "Days after the election , Putin called .");
        CHECK(s[0].start == 0 && s[0].end == 61);
        CHECK(s[1].start == 63);
    }
    /* a headline on the first line, then a single line break */
    s = split("Putin calls Rouhani, reaffirms importance of Russia-Iran ties\nDays after the "
              "election, Putin called.", &n);
    CHECK(n == 2);
    if (n == 2) CHECK_STR(joined(&s[1]), "Days after the election , Putin called .");
    /* but not a wrapped line that ends in a function word */
    s = split("Telemar left for\nMinas Tirith on Wednesday.", &n);
    CHECK(n == 1);
    /* a single line break inside a sentence is just a space */
    s = split("Arnor is about to restore\nfull ties with Gondor.", &n);
    CHECK(n == 1);

    /* a byline, a time stamp and a caption are lines of their own */
    s = split("Arnor hosts talks\nBy Hal Brandt, Staff Writer\nUpdated: 4 June 2025 09:10\n"
              "Photo: Guards at the gate of the palace (Wire)\nARNOR - Arnor hosted Gondor.", &n);
    CHECK(n == 5);
    if (n == 5) {
        CHECK_STR(joined(&s[1]), "By Hal Brandt , Staff Writer");
        CHECK_STR(joined(&s[2]), "Updated : 4 June 2025 09:10");
        CHECK_STR(joined(&s[3]), "Photo : Guards at the gate of the palace ( Wire )");
        CHECK_STR(joined(&s[4]), "ARNOR - Arnor hosted Gondor .");
    }
    /* a story line before a byline ends there */
    s = split("Rohan thanked Gondor for the grain\nBy Ada Venn\nRohan paid.", &n);
    CHECK(n == 3);
    /* "By" before a sentence starter, or inside a line, is no byline */
    s = split("Talks stalled for weeks.\nBy then the envoys had\nleft Arnor.", &n);
    CHECK(n == 2);
    s = split("Arnor was hit by\nPhoto finishes are rare.", &n);
    CHECK(n == 2);

    /* an abbreviation that ends the sentence gets a "." token of its own */
    s = split("The talks were held in the U.S. The next round is in Geneva.", &n);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(joined(&s[0]), "The talks were held in the U.S. .");
        CHECK(s[0].tokens[s[0].ntokens - 1].start == 30);
        CHECK(s[0].tokens[s[0].ntokens - 1].end == 31);
    }
    s = split("Shares of Acme Inc. rose. Acme Corp. and Widget Co. fell, as did the U.K. pound.",
              &n);
    CHECK(n == 2);
    if (n == 2) CHECK_STR(joined(&s[0]), "Shares of Acme Inc. rose .");

    s = split("Did he go? Yes! No.", &n);
    CHECK(n == 3);

    s = split("", &n);
    CHECK(n == 0);
    s = split("   \n\n  ", &n);
    CHECK(n == 0);
}

/* The abbreviations' table is searched by halves: it must be in order;
 * its first and last entries, and words beside them, are looked up. */
static void test_abbrev_table(void) {
    CHECK(text_abbrev_sorted());
    CHECK(text_abbrev("Adm", 3) == 2 && text_abbrev("vs", 2) == 2 && text_abbrev("Inc", 3) == 1);
    CHECK(text_abbrev("Messrs", 6) == 2 && text_abbrev("int'l", 5) == 1 && text_abbrev("v", 1) == 2);
    CHECK(text_abbrev("Ad", 2) == 0 && text_abbrev("Admx", 4) == 0 && text_abbrev("vt", 2) == 0);
    CHECK(text_abbrev("A", 1) == 0 && text_abbrev("zz", 2) == 0 && text_abbrev("", 0) == 0);
    CHECK(text_abbrev("Gens", 4) == 2 && text_abbrev("Gent", 4) == 0 && text_abbrev("gen", 3) == 0);
}

static void test_tokenizing(void) {
    CHECK_STR(toks("They didn't go."), "They did n't go .");
    CHECK_STR(toks("We can't and won't."), "We ca n't and wo n't .");
    CHECK_STR(toks("Russia's army and the countries' leaders"),
              "Russia 's army and the countries ' leaders");
    CHECK_STR(toks("They're here, we'll see, I've been, I'm sure, he'd go"),
              "They 're here , we 'll see , I 've been , I 'm sure , he 'd go");
    CHECK_STR(toks("Russia-Iran ties, pro-government rallies on March 27-28"),
              "Russia-Iran ties , pro-government rallies on March 27-28");
    CHECK_STR(toks("1,200 troops and $3.5 billion (about 40%)"),
              "1,200 troops and $ 3.5 billion ( about 40 % )");
    CHECK_STR(toks("The U.S. and Mr. Smith"), "The U.S. and Mr. Smith");
    CHECK_STR(toks("He said \"no\" to 'them'."), "He said `` no '' to ` them ' .");
    CHECK_STR(toks("Wait -- what?!"), "Wait -- what ? !");
    CHECK_STR(toks("O'Brien left"), "O'Brien left");
    CHECK_STR(toks("in 1,2,3 order"), "in 1 , 2 , 3 order"); /* not a thousands group */
    CHECK_STR(toks("the U.S.-led raid at 10:30 (www.example.com)"),
              "the U.S.-led raid at 10:30 ( www.example.com )");
    CHECK_STR(toks("No. 10 and said no."), "No. 10 and said no .");
    /* an abbreviation's possessive: "'s" is the clitic, not a quote (a bug:
     * the sentence used to end after "U.S.") */
    CHECK_STR(toks("the U.S.'s decision and the U.K.'S vote"),
              "the U.S. 's decision and the U.K. 'S vote");
    size_t n = 0;
    dyad_sentence *s = split("China criticized the U.S.'s decision to sell arms to Taiwan.", &n);
    CHECK(n == 1);
    if (s && n == 1) {
        CHECK_STR(joined(&s[0]), "China criticized the U.S. 's decision to sell arms to Taiwan .");
        CHECK(s[0].tokens[4].pos == DYAD_POS_POS);
    }
    CHECK_STR(toks("the U.S.'scare' quote"), "the U.S. ` scare ' quote"); /* 's' + letters: a quote */
}

static void test_offsets(void) {
    /* offsets are bytes of the original text, even after normalization */
    const char *text = "\xE2\x80\x9CWe won\xE2\x80\x99t,\xE2\x80\x9D Erdo\xC4\x9F" "an said.";
    dyad_sentence s;
    CHECK(t_one_sentence(text, &s) == 0);
    CHECK_STR(joined(&s), "`` We wo n't , '' Erdo\xC4\x9F" "an said .");
    CHECK(s.ntokens == 9);
    if (s.ntokens == 9) {
        CHECK(s.tokens[0].start == 0 && s.tokens[0].end == 3);   /* the curly quote */
        CHECK(s.tokens[1].start == 3 && s.tokens[1].end == 5);   /* We */
        CHECK(s.tokens[2].start == 6 && s.tokens[2].end == 8);   /* wo */
        CHECK(s.tokens[3].start == 8 && s.tokens[3].end == 13);  /* n’t: 5 bytes */
        CHECK(s.tokens[5].start == 14 && s.tokens[5].end == 17); /* closing quote */
        CHECK(s.tokens[6].start == 18 && s.tokens[6].end == 26); /* Erdoğan */
        CHECK_STR(s.tokens[6].upper, "ERDOGAN");
        CHECK(s.start == 0 && s.end == strlen(text));
    }
}

/* The map from normalized bytes back to the original is sparse (issue 14):
 * each change of shift between the two texts starts a segment. Every kind
 * of change, with offsets counted by hand. */
static void test_offsets_sparse(void) {
    /* 0 "Ab" | 2 U+00A0 (2 bytes -> 1) | 4 "c" | 5 U+2014 (3 -> "--") |
     * 8 "d" | 9 0xFF (1 -> 3: U+FFFD) | 10 "e" U+0301 (3 -> 2: é) |
     * 13 U+200B (3 -> nothing) | 16 "f" | 17 "\r\n" | 19 "Mu" |
     * 21 Cyrillic "Ж" (kept) | 23 U+2026 (3 -> "...") | 26 end */
    const char *text = "Ab\xC2\xA0" "c\xE2\x80\x94" "d\xFF" "e\xCC\x81\xE2\x80\x8B" "f\r\nMu\xD0\x96\xE2\x80\xA6";
    dyad_sentence s;
    CHECK(t_one_sentence(text, &s) == 0);
    CHECK_STR(joined(&s), "Ab c -- d \xEF\xBF\xBD \xC3\xA9" "f MuЖ ...");
    CHECK(s.ntokens == 8);
    if (s.ntokens != 8) return;
    uint32_t want[8][2] = {{0, 2}, {4, 5}, {5, 8}, {8, 9}, {9, 10}, {10, 17}, {19, 23}, {23, 26}};
    for (int i = 0; i < 8; i++)
        CHECK(s.tokens[i].start == want[i][0] && s.tokens[i].end == want[i][1]);
    CHECK(s.start == 0 && s.end == strlen(text));
}

static const char *upper_of(const char *text) {
    dyad_sentence s;
    if (t_one_sentence(text, &s) < 0 || s.ntokens == 0) return "";
    return s.tokens[0].upper;
}

static void test_normalizing(void) {
    CHECK_STR(upper_of("Erdo\xC4\x9F" "an"), "ERDOGAN");
    CHECK_STR(upper_of("M\xC3\xBCller"), "MULLER");
    CHECK_STR(upper_of("S\xC3\xA3o"), "SAO");
    CHECK_STR(upper_of("\xC5\x81\xC3\xB3" "d\xC5\xBA"), "LODZ");
    CHECK_STR(upper_of("Stra\xC3\x9F" "e"), "STRASSE");
    CHECK_STR(upper_of("\xC3\x86thelred"), "AETHELRED");
    CHECK_STR(upper_of("\xC8\x98" "tefan"), "STEFAN");          /* Ș, Romanian */
    CHECK_STR(upper_of("Mu\xCC\x88ller"), "MULLER");            /* decomposed u + U+0308 */
    CHECK_STR(toks("Mu\xCC\x88ller and Erdog\xCC\x86" "an"), "M\xC3\xBCller and Erdo\xC4\x9F" "an");
    CHECK_STR(toks("x\xCC\x88 \xCC\x81"), "x\xCC\x88 \xCC\x81"); /* nothing to compose with */
    CHECK_STR(upper_of("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), /* Москва kept */
              "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    /* dashes, curly quotes and odd spaces become ASCII */
    CHECK_STR(toks("March 27\xE2\x80\x93" "28"), "March 27-28");
    CHECK_STR(toks("\xE2\x80\x98Yes\xE2\x80\x99 he said"), "` Yes ' he said");
    CHECK_STR(toks("a\xC2\xA0" "b\xE2\x80\x89" "c"), "a b c");
    CHECK_STR(toks("war\xE2\x80\x94peace"), "war -- peace");
    CHECK_STR(toks("wait\xE2\x80\xA6"), "wait ...");
    /* control bytes, DEL and non-ASCII inside and after runs of printable
     * bytes longer than the 8 the normalizer reads at a time */
    CHECK_STR(toks("Abcdefghijklmnop\x7Fqrstuvwxyz0123\tABCDEFGH\x01" "Ijklmnop\xE2\x80\x94" "end"),
              "Abcdefghijklmnop qrstuvwxyz0123 ABCDEFGH Ijklmnop -- end");
    dyad_sentence s;
    if (t_one_sentence("Abcdefghijklmnop\x7Fqrstuvwxyz0123 \xE2\x80\x9C" "End", &s) == 0 && s.ntokens == 4) {
        CHECK(s.tokens[1].start == 17 && s.tokens[1].end == 31);  /* qrstuvwxyz0123 */
        CHECK(s.tokens[2].start == 32 && s.tokens[2].end == 35);  /* the curly quote */
        CHECK(s.tokens[3].start == 35 && s.tokens[3].end == 38);  /* End */
    } else {
        CHECK(!"four tokens");
    }
}

/* Numeric character references: "&#39;", and wire copy's " #39;" whose "&"
 * was lost (a blank in its place before an apostrophe that closes a word). */
static void test_char_refs(void) {
    CHECK_STR(toks("Kenya #39;s capital"), "Kenya 's capital");
    CHECK_STR(toks("Kenya&#39;s capital"), "Kenya 's capital");
    CHECK_STR(toks("they can #39;t stay"), "they ca n't stay");
    CHECK_STR(toks("the rebels #39; camp"), "the rebels ' camp");
    CHECK_STR(toks("his #39;error#39; in #39;99"), "his ` error ' in ` 99");
    CHECK_STR(toks("a deal #151; or not &#8212;"), "a deal -- or not --");
    CHECK_STR(toks("room #12; and #39 and #;"), "room # 12 ; and # 39 and # ;"); /* not references */
    dyad_sentence s;
    if (t_one_sentence("Kenya #39;s capital", &s) == 0 && s.ntokens == 3) {
        CHECK(s.tokens[1].start == 5 && s.tokens[1].end == 11); /* " #39;s" */
        CHECK(s.tokens[2].start == 12 && s.tokens[2].end == 19);
    } else {
        CHECK(!"three tokens");
    }
}

static void test_robustness(void) {
    size_t n;
    dyad_sentence *s;
    dyad_error err;

    /* invalid UTF-8: every bad byte is one unknown character */
    const char bad[] = "ab\xFF" "cd \xC3 x \xE2\x82 y \xF0\x9F\x98 z \xED\xA0\x80.";
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, bad, sizeof bad - 1, &s, &n, &err) == 0);
    CHECK(n == 1);
    if (n == 1) {
        CHECK_STR(s[0].tokens[0].text, "ab");
        CHECK_STR(s[0].tokens[1].text, "\xEF\xBF\xBD");
        CHECK(s[0].tokens[1].start == 2 && s[0].tokens[1].end == 3);
        CHECK(s[0].tokens[1].pos == DYAD_POS_SYM);
    }
    /* NUL bytes are spaces */
    const char nul[] = "Peace\0talks\0began.";
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, nul, sizeof nul - 1, &s, &n, &err) == 0);
    CHECK(n == 1 && s[0].ntokens == 4);

    /* a 5,000-word sentence: pieces of at most 400 tokens */
    size_t big = 5000 * 6;
    char *text = malloc(big + 1);
    for (size_t i = 0; i < 5000; i++) memcpy(text + i * 6, "words ", 6);
    text[big] = '\0';
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, text, big, &s, &n, &err) == 0);
    CHECK(n == 13);
    size_t total = 0, max = 0;
    for (size_t i = 0; i < n; i++) {
        total += s[i].ntokens;
        if (s[i].ntokens > max) max = s[i].ntokens;
    }
    CHECK(total == 5000);
    CHECK(max == 400);
    /* as one sentence nothing is dropped */
    dyad_sentence one;
    dyad_arena_reset(ar);
    CHECK(dyad_analyze_sentence(tg, ar, text, big, &one, &err) == 0);
    CHECK(one.ntokens == 5000);
    CHECK(one.tokens[4999].pos == DYAD_POS_NNS);
    free(text);

    /* 1 MB of punctuation */
    size_t mb = 1 << 20;
    text = malloc(mb);
    const char *punct = ".,;:!?\"'()-[]{}$%&*/";
    for (size_t i = 0; i < mb; i++) text[i] = punct[i % strlen(punct)];
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, text, mb, &s, &n, &err) == 0);
    total = 0;
    max = 0;
    int inside = 1;
    for (size_t i = 0; i < n; i++) {
        total += s[i].ntokens;
        if (s[i].ntokens > max) max = s[i].ntokens;
        if (s[i].end > mb || s[i].start > s[i].end) inside = 0;
    }
    CHECK(total > 100000 && max <= 400 && inside);
    free(text);

    /* 1 MB without a single boundary or space */
    text = malloc(mb);
    memset(text, 'a', mb);
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, text, mb, &s, &n, &err) == 0);
    CHECK(n == 1 && s[0].ntokens == 1 && s[0].end == mb);
    free(text);

    /* every byte value */
    char all[256];
    for (int i = 0; i < 256; i++) all[i] = (char)i;
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, all, sizeof all, &s, &n, &err) == 0);

    CHECK(dyad_analyze(NULL, ar, "x", 1, &s, &n, &err) == -1);
    dyad_arena_reset(ar);
    CHECK(dyad_analyze(tg, ar, NULL, 0, &s, &n, &err) == 0 && n == 0);
}

/* Each token of a text taken as one sentence, followed by '+' when it is
 * DYAD_TOKEN_PLAIN (its bytes in the text are ASCII letters and digits
 * alone, as they are). */
static const char *plain_marks(const char *text) { return toks_as(text, JOIN_PLAIN); }

static void test_plain_tokens(void) {
    CHECK_STR(plain_marks("Iran met Russia on Friday, 2024."),
              "Iran+ met+ Russia+ on+ Friday+ , 2024+ .");
    CHECK_STR(plain_marks("mid-March talks in the U.S. ended"),
              "mid-March talks+ in+ the+ U.S. ended+");
    CHECK_STR(plain_marks("Russia's envoy didn't go"), "Russia+ 's envoy+ did+ n't go+");
    CHECK_STR(plain_marks("Erdo\xc4\x9f" "an spoke of 1,200 men"),
              "Erdo\xc4\x9f" "an spoke+ of+ 1,200 men+");
    /* a soft hyphen is dropped in normalizing: "Monday" is not its bytes */
    CHECK_STR(plain_marks("Mon\xc2\xad" "day came"), "Monday came+");
    /* curly quotes become ASCII ones: the words beside them stay plain */
    CHECK_STR(plain_marks("\xe2\x80\x9cNo\xe2\x80\x9d"), "`` No+ ''");
}

/* A text's tokens, each with its upper and lower case. */
static const char *case_forms_of(const char *text) { return toks_as(text, JOIN_CASES); }

static void test_token_forms(void) {
    /* replacement texts (quotes, "..", "--"), words longer and shorter
     * than the 16 bytes a token is copied by, and short words at the very
     * end of the text, all with their case forms */
    CHECK_STR(case_forms_of("\"Now\" .. Supercalifragilistic-Expialidocious--Ab go"),
              "``/``/`` Now/NOW/now ''/''/'' .../.../... "
              "Supercalifragilistic-Expialidocious/SUPERCALIFRAGILISTIC-EXPIALIDOCIOUS/"
              "supercalifragilistic-expialidocious --/--/-- Ab/AB/ab go/GO/go");
    CHECK_STR(case_forms_of("to 'them'"), "to/TO/to `/`/` them/THEM/them '/'/'");
    CHECK_STR(case_forms_of("x"), "x/X/x");
    CHECK_STR(case_forms_of("Erdo\xc4\x9f" "an Mr. Z"),
              "Erdo\xc4\x9f" "an/ERDOGAN/erdo\xc4\x9f" "an Mr./MR./mr. Z/Z/z");
}

/* The dictionary keys the tagger gives a text's tokens (text_key): each
 * the key of the token's upper case (hash_key) and its length, or 0 where
 * an accent was folded into the upper case (the coder hashes those). */
static const char *keys_of(const char *text) {
    static char buf[1024];
    text_doc d;
    dyad_error err;
    size_t o = 0;
    dyad_arena_reset(ar);
    buf[0] = '\0';
    if (text_doc_open(ar, text, strlen(text), &d, &err)) return "(error)";
    for (size_t i = 0; i < d.n && o < sizeof buf - 64; i++) {
        dyad_sentence s;
        text_key *k = NULL;
        if (text_doc_sentence(tg, ar, &d, i, &s, &k, &err)) break;
        for (uint32_t j = 0; j < s.ntokens; j++) {
            const char *up = s.tokens[j].upper;
            int ok = k[j].key == hash_key(up, strlen(up)) && k[j].len == strlen(up);
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", o ? " " : "",
                                  !k[j].key ? "0" : ok ? "k" : "BAD");
        }
    }
    text_doc_close(&d);
    return buf;
}

static void test_token_keys(void) {
    /* every token of an ASCII sentence: plain words, punctuation, a
     * hyphen, an abbreviation, a clitic, a replaced quote */
    CHECK_STR(keys_of("\"Iran-backed\" groups in the U.S. didn't go."), "k k k k k k k k k k k");
    /* a sentence with an accent: its plain tokens, not the folded one */
    CHECK_STR(keys_of("Erdo\xc4\x9f" "an met Putin, then left."), "0 k k 0 k k 0");
    /* the tagger's hash of a lower-case word is the key of its upper case */
    CHECK(lex_key("erdogan", 7) == hash_key("ERDOGAN", 7) && lex_key("u.s.", 4) == hash_key("U.S.", 4));
    CHECK(lex_hash("x", 1) == lex_hash_of_key(hash_key("X", 1)));
}

int main(void) {
    static void (*const tests[])(void) = {test_splitting,     test_tokenizing,  test_offsets,
                                          test_offsets_sparse, test_normalizing, test_char_refs, test_robustness,
                                          test_plain_tokens,  test_token_forms, test_abbrev_table,
                                          test_token_keys};
    return t_tagger_main(tests, sizeof tests / sizeof tests[0]);
}
