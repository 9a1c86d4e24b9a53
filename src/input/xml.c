/* xml.c -- the PETRARCH XML reader: <Sentence> records -> dyad_doc.
 *
 * Reads token by token (xml_lex.c), never the whole file. At the top level
 * it keeps the <Environment> children (Verbfile, Actorfile, Include, ...) as
 * key/value pairs for dyad_reader_env, and the <Config option= value=>
 * settings, a later value replacing an earlier one; every document carries a
 * snapshot of the settings in force when it was read. Each <Sentence> gives
 * one document: its date/id/category/source attributes, the <Text> (entities
 * decoded, inner whitespace kept, trimmed at both ends), the raw <Parse>
 * (entities decoded, nothing trimmed) and the gold <EventCoding> events
 * (noevents="True" or error="..." mean "no event expected"). evaluate="false"
 * or sentence="false" (any case) set doc->evaluate to 0. Comments, <PLEvent>
 * and other unknown elements are ignored.
 *
 * Malformed input is skipped record by record with a warning naming the
 * line: a record without date or <Text>, an unclosed <Sentence> or <Text>,
 * bad markup inside a record, invalid UTF-8 or NUL bytes, a record longer
 * than the maximum record size. Runs of garbage between records give one
 * warning per run. An input with no XML element at all is an error, and so
 * is one that ends inside something -- a comment, CDATA, a tag, a record,
 * <Environment>, the root element: a truncated file, or a `<!--` that
 * swallowed every later record. */
#include "input/input.h"

#include <string.h>
#include <strings.h>

enum { M_TOP, M_ENV, M_ENV_CHILD, M_RECORD };
enum { P_BODY, P_TEXT, P_PARSE, P_SKIP, P_BAD };
#define NONE ((size_t)-1)

/* Results of handling one token. */
enum { GO_ON = 0, GOT_DOC = 1, AT_END = 2, FAILED = -1 };

static const char *const attr_names[RD_XA_COUNT] = {"id", "date", "category", "source",
                                                    "evaluate", "sentence"};

static int is_structural(const char *name) {
    static const char *const names[] = {"Sentence", "Sentences", "Text", "Parse",
                                        "EventCoding", "Config", "Environment"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) return 1;
    return 0;
}

static int put_str(byte_buf *b, const char *s, size_t *off) {
    *off = b->len;
    return byte_buf_put(b, s, strlen(s) + 1); /* keep the NUL */
}

/* ---- records */

static void mark_bad(dyad_reader *r, uint64_t line, const char *why) {
    rd_xml *x = &r->xml;
    if (x->part == P_BAD) return;
    rd_warn(r, line, "%s; record at line %llu skipped", why, (unsigned long long)x->rec_line);
    x->part = P_BAD;
}

static void too_long(dyad_reader *r, uint64_t line) {
    char why[80];
    snprintf(why, sizeof why, "record longer than %zu bytes", r->max_record);
    mark_bad(r, line, why);
}

static int begin_record(dyad_reader *r, const rd_xml_tok *t) {
    rd_xml *x = &r->xml;
    x->mode = M_RECORD;
    x->part = P_BODY;
    x->rec_line = t->line;
    x->text_off = x->parse_off = NONE;
    x->has_gold = x->noevents = 0;
    byte_buf_clear(&x->gold);
    byte_buf_clear(&r->rec);
    for (int i = 0; i < RD_XA_COUNT; i++) {
        const char *v = rd_xml_attr(t, attr_names[i]);
        x->attr[i] = NONE;
        if (v && put_str(&r->rec, v, &x->attr[i]) < 0) return -1;
    }
    if (r->rec.len > r->max_record)
        too_long(r, t->line);
    return 0;
}

static int apply_config(dyad_reader *r, const rd_xml_tok *t) {
    const char *opt = rd_xml_attr(t, "option"), *val = rd_xml_attr(t, "value");
    if (!opt || !*opt) {
        rd_warn(r, t->line, "<Config> without option= ignored");
        return 0;
    }
    int rc = rd_kv_set(&r->xml.config, opt, val ? val : "");
    if (rc > 0) rd_warn(r, t->line, "too many <Config> options; \"%.60s\" ignored", opt);
    return rc < 0 ? -1 : 0;
}

static int add_gold(dyad_reader *r, const rd_xml_tok *t) {
    rd_xml *x = &r->xml;
    x->has_gold = 1;
    const char *noev = rd_xml_attr(t, "noevents");
    if ((noev && strcasecmp(noev, "true") == 0) || rd_xml_attr(t, "error")) {
        x->noevents = 1;
        return 0;
    }
    const char *keys[3] = {"sourcecode", "targetcode", "eventcode"};
    size_t off[3];
    for (int i = 0; i < 3; i++) {
        const char *v = rd_xml_attr(t, keys[i]);
        if (put_str(&r->rec, v ? v : "", &off[i]) < 0) return -1;
    }
    if (r->rec.len > r->max_record) {
        too_long(r, t->line);
        return 0;
    }
    return byte_buf_put(&x->gold, off, sizeof off);
}

static char *trimmed(dyad_arena *a, const char *s, size_t *len) {
    const char *e = s + strlen(s);
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
    *len = (size_t)(e - s);
    return dyad_arena_strndup(a, s, *len);
}

static const char *rec_str(dyad_arena *a, const byte_buf *rec, size_t off) {
    return dyad_arena_strdup(a, off == NONE ? "" : rec->p + off);
}

static int is_false(const byte_buf *rec, size_t off) {
    return off != NONE && strcasecmp(rec->p + off, "false") == 0;
}

/* </Sentence>: the record becomes a document, or is skipped with a warning. */
static int finish_record(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    rd_xml *x = &r->xml;
    const byte_buf *rec = &r->rec;
    x->mode = M_TOP;
    if (x->part == P_BAD) return GO_ON;
    char date[9];
    if (x->attr[RD_XA_DATE] == NONE) {
        rd_warn(r, x->rec_line, "<Sentence> without date=, skipped");
        return GO_ON;
    }
    const char *d = rec->p + x->attr[RD_XA_DATE];
    if (date_text(date_parse(d, strlen(d)), date) < 0) {
        rd_warn(r, x->rec_line, "bad date \"%.40s\" (expected YYYYMMDD), skipped", d);
        return GO_ON;
    }
    if (x->text_off == NONE) {
        rd_warn(r, x->rec_line, "<Sentence> without <Text>, skipped");
        return GO_ON;
    }
    size_t ngold = x->gold.len / (3 * sizeof(size_t));
    size_t nconf = x->config.n;
    doc->line = x->rec_line;
    doc->text = trimmed(a, rec->p + x->text_off, &doc->text_len);
    doc->parse = rec_str(a, rec, x->parse_off);
    doc->date = dyad_arena_strdup(a, date);
    doc->category = rec_str(a, rec, x->attr[RD_XA_CATEGORY]);
    doc->source = rec_str(a, rec, x->attr[RD_XA_SOURCE]);
    if (x->attr[RD_XA_ID] != NONE && rec->p[x->attr[RD_XA_ID]]) {
        doc->id = rec_str(a, rec, x->attr[RD_XA_ID]);
    } else {
        char id[600];
        snprintf(id, sizeof id, "%s:%llu", r->name, (unsigned long long)x->rec_line);
        doc->id = dyad_arena_strdup(a, id);
    }
    doc->evaluate = !(is_false(rec, x->attr[RD_XA_EVALUATE]) || is_false(rec, x->attr[RD_XA_SENTENCE]));
    doc->has_gold = x->has_gold;
    doc->one_sentence = 1; /* a record is one sentence, in code, ingest and validate alike */
    doc->gold_noevents = x->noevents;
    doc->ngold = ngold;
    doc->gold = ngold ? dyad_arena_alloc(a, ngold * sizeof *doc->gold) : NULL;
    doc->nconfig = nconf;
    dyad_kv *conf = nconf ? dyad_arena_alloc(a, nconf * sizeof *conf) : NULL;
    doc->config = conf;
    if (!doc->text || !doc->parse || !doc->date || !doc->category || !doc->source || !doc->id ||
        (ngold && !doc->gold) || (nconf && !conf))
        return rd_fail(r, err, x->rec_line, "out of memory");
    const size_t *g = (const size_t *)(const void *)x->gold.p;
    for (size_t i = 0; i < ngold; i++) {
        doc->gold[i].source = rec_str(a, rec, g[3 * i]);
        doc->gold[i].target = rec_str(a, rec, g[3 * i + 1]);
        doc->gold[i].code = rec_str(a, rec, g[3 * i + 2]);
        if (!doc->gold[i].source || !doc->gold[i].target || !doc->gold[i].code)
            return rd_fail(r, err, x->rec_line, "out of memory");
    }
    for (size_t i = 0; i < nconf; i++) {
        conf[i].key = dyad_arena_strdup(a, x->config.kv[i].key);
        conf[i].value = dyad_arena_strdup(a, x->config.kv[i].value);
        if (!conf[i].key || !conf[i].value) return rd_fail(r, err, x->rec_line, "out of memory");
    }
    return GOT_DOC;
}

/* A token inside <Text> or <Parse>: text or a tag. */
static int in_content(dyad_reader *r, rd_xml_tok *t, const char *elem, int *redo) {
    rd_xml *x = &r->xml;
    if (t->type == RD_XML_TEXT) {
        if (t->overflow) too_long(r, t->line);
        else if (t->bad_line) mark_bad(r, t->bad_line, "invalid UTF-8 or NUL byte");
        return GO_ON;
    }
    if (t->type == RD_XML_END && strcmp(t->name, elem) == 0) {
        if (byte_buf_putc(&r->rec, '\0') < 0) return FAILED;
        x->part = P_BODY;
        return GO_ON;
    }
    if (!is_structural(t->name)) return GO_ON; /* unknown markup inside the text */
    char why[200];
    snprintf(why, sizeof why, "<%s> not closed before <%s%s>", elem,
             t->type == RD_XML_END ? "/" : "", t->name);
    mark_bad(r, t->line, why);
    *redo = 1; /* let the bad-record state see </Sentence> or <Sentence> */
    return GO_ON;
}

/* A token in the body of a <Sentence>: text or a tag. */
static int in_body(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err, rd_xml_tok *t) {
    rd_xml *x = &r->xml;
    switch (t->type) {
    case RD_XML_TEXT:
        if (t->nonspace) mark_bad(r, t->nonspace_line, "text outside <Text>");
        return GO_ON;
    case RD_XML_END:
        if (strcmp(t->name, "Sentence") == 0) return finish_record(r, a, doc, err);
        mark_bad(r, t->line, "unexpected end tag in <Sentence>");
        return GO_ON;
    default:
        break;
    }
    int empty = t->type == RD_XML_EMPTY;
    const char *n = t->name;
    if (strcmp(n, "Text") == 0 || strcmp(n, "Parse") == 0) {
        int is_text = n[0] == 'T';
        size_t *off = is_text ? &x->text_off : &x->parse_off;
        if (*off != NONE) {
            mark_bad(r, t->line, is_text ? "a second <Text>" : "a second <Parse>");
            return GO_ON;
        }
        *off = r->rec.len;
        if (empty) return byte_buf_putc(&r->rec, '\0') < 0 ? FAILED : GO_ON;
        if (byte_buf_reserve(&r->rec, 0) < 0) return FAILED;
        x->part = is_text ? P_TEXT : P_PARSE;
        return GO_ON;
    }
    if (strcmp(n, "EventCoding") == 0) {
        if (add_gold(r, t) < 0) return FAILED;
    } else if (strcmp(n, "Config") == 0) {
        if (apply_config(r, t) < 0) return FAILED;
    }
    if (!empty) {
        x->part = P_SKIP;
        memcpy(x->skip_name, t->name, sizeof x->skip_name);
        x->skip_depth = 1;
    }
    return GO_ON;
}

static int record_token(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err,
                        rd_xml_tok *t, int *redo) {
    rd_xml *x = &r->xml;
    if (t->type == RD_XML_EOF) { /* a truncated file: an error, not a skipped record */
        x->mode = M_TOP;
        return rd_fail(r, err, x->rec_line, "<Sentence> not closed at end of input (a truncated "
                       "file?)");
    }
    /* a comment or declaration is nothing to use, in any part; malformed
     * markup spoils the record (once: a bad record says no more) */
    if (t->type == RD_XML_BAD) mark_bad(r, t->line, t->bad);
    if (t->type == RD_XML_BAD || t->type == RD_XML_OTHER) return GO_ON;
    int is_sentence = strcmp(t->name, "Sentence") == 0;
    /* a new record, or the end of the list, ends this one in any state */
    if ((t->type == RD_XML_START || t->type == RD_XML_EMPTY) && is_sentence) {
        mark_bad(r, t->line, "<Sentence> not closed before the next <Sentence>");
        x->mode = M_TOP;
        *redo = 1;
        return GO_ON;
    }
    if (t->type == RD_XML_END &&
        (strcmp(t->name, "Sentences") == 0 || strcmp(t->name, "Validation") == 0)) {
        mark_bad(r, t->line, "<Sentence> not closed");
        x->mode = M_TOP;
        *redo = 1; /* the top level closes its element */
        return GO_ON;
    }
    switch (x->part) {
    case P_BODY:
        return in_body(r, a, doc, err, t);
    case P_TEXT:
        return in_content(r, t, "Text", redo);
    case P_PARSE:
        return in_content(r, t, "Parse", redo);
    case P_SKIP:
        if (t->type == RD_XML_END && is_sentence) return finish_record(r, a, doc, err);
        else if (t->type == RD_XML_START && strcmp(t->name, x->skip_name) == 0) x->skip_depth++;
        else if (t->type == RD_XML_END && strcmp(t->name, x->skip_name) == 0 && --x->skip_depth == 0)
            x->part = P_BODY;
        return GO_ON;
    default: /* P_BAD: wait for the end of the record */
        if (t->type == RD_XML_END && is_sentence) x->mode = M_TOP;
        return GO_ON;
    }
}

/* ---- top level and <Environment> */

static void garbage(dyad_reader *r, const rd_xml_tok *t, const char *what) {
    rd_xml *x = &r->xml;
    x->seen_content = 1;
    if (x->in_garbage) return;
    x->in_garbage = 1;
    uint64_t line = t->type == RD_XML_TEXT ? t->nonspace_line : t->line;
    rd_warn(r, line, "%s outside a <Sentence> record, ignored", what);
}

static int top_token(dyad_reader *r, dyad_error *err, rd_xml_tok *t) {
    rd_xml *x = &r->xml;
    switch (t->type) {
    case RD_XML_TEXT:
        if (t->nonspace) garbage(r, t, "text");
        return GO_ON;
    case RD_XML_BAD:
        if (t->bad_start && strcmp(t->name, "Sentence") == 0) {
            /* a broken <Sentence ...> tag: skip that record as a whole */
            x->in_garbage = 0;
            x->seen_element = 1;
            if (begin_record(r, t) < 0) return FAILED;
            mark_bad(r, t->line, t->bad);
            return GO_ON;
        }
        garbage(r, t, t->bad);
        return GO_ON;
    case RD_XML_EOF:
        if (x->depth) /* a file cut after a record: </Sentences> never came */
            return rd_fail(r, err, x->root_line, "<%s> not closed at end of input (a truncated "
                           "file?)", x->root);
        return AT_END;
    default:
        break;
    }
    x->in_garbage = 0;
    if (t->type == RD_XML_END && x->depth) x->depth--;
    if (t->type == RD_XML_OTHER || t->type == RD_XML_END) return GO_ON;
    if (strcmp(t->name, "Sentence") == 0) {
        if (begin_record(r, t) < 0) return FAILED;
        if (t->type == RD_XML_EMPTY) {
            rd_warn(r, t->line, "empty <Sentence/> (no <Text>), skipped");
            x->mode = M_TOP;
        }
        return GO_ON;
    }
    if (strcmp(t->name, "Config") == 0) return apply_config(r, t) < 0 ? FAILED : GO_ON;
    if (strcmp(t->name, "Environment") == 0 && t->type == RD_XML_START) {
        x->mode = M_ENV;
    } else if (t->type == RD_XML_START) {
        if (!x->depth++) {
            memcpy(x->root, t->name, sizeof x->root);
            x->root_line = t->line;
        }
    }
    return GO_ON;
}

static int env_set(dyad_reader *r, const char *key, const char *value, uint64_t line) {
    int rc = rd_kv_set(&r->xml.env, key, value);
    if (rc > 0) rd_warn(r, line, "<Environment> too large; <%s> ignored", key);
    return rc < 0 ? FAILED : GO_ON;
}

static int env_token(dyad_reader *r, dyad_error *err, rd_xml_tok *t, int *redo) {
    rd_xml *x = &r->xml;
    if (t->type == RD_XML_EOF)
        return rd_fail(r, err, t->line, "<Environment> not closed at end of input (a truncated "
                       "file?)");
    if (t->type == RD_XML_BAD) {
        rd_warn(r, t->line, "%s in <Environment>, ignored", t->bad);
        if (x->mode == M_ENV_CHILD) x->mode = M_ENV;
        return GO_ON;
    }
    if ((t->type == RD_XML_START || t->type == RD_XML_EMPTY) && strcmp(t->name, "Sentence") == 0) {
        rd_warn(r, t->line, "<Environment> not closed before <Sentence>");
        x->mode = M_TOP;
        *redo = 1;
        return GO_ON;
    }
    if (t->type == RD_XML_END && strcmp(t->name, "Environment") == 0) {
        x->mode = M_TOP;
        return GO_ON;
    }
    if (x->mode == M_ENV) {
        if (t->type == RD_XML_START) {
            memcpy(x->env_key, t->name, sizeof x->env_key);
            byte_buf_clear(&x->scratch);
            if (byte_buf_reserve(&x->scratch, 0) < 0) return FAILED;
            x->mode = M_ENV_CHILD;
        } else if (t->type == RD_XML_EMPTY) {
            return env_set(r, t->name, "", t->line);
        }
        return GO_ON;
    }
    /* inside a child */
    if (t->type == RD_XML_TEXT && (t->overflow || t->bad_line)) {
        rd_warn(r, t->line, "<%s> in <Environment> too long or not UTF-8, ignored", x->env_key);
        x->mode = M_ENV;
        return GO_ON;
    }
    if (t->type == RD_XML_END && strcmp(t->name, x->env_key) == 0) {
        x->mode = M_ENV;
        /* trim the value in place */
        char *s = x->scratch.p, *e = s + x->scratch.len;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
        *e = '\0';
        return env_set(r, x->env_key, s, t->line);
    }
    return GO_ON;
}

/* ---- the loop */

int rd_xml_next_doc(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    rd_xml *x = &r->xml;
    rd_xml_tok *t = &x->tok;
    for (;;) {
        byte_buf *sink = NULL;
        if (x->mode == M_RECORD && (x->part == P_TEXT || x->part == P_PARSE)) sink = &r->rec;
        else if (x->mode == M_ENV_CHILD) sink = &x->scratch;
        size_t limit = sink == &x->scratch ? RD_KV_MAX_BYTES : r->max_record;
        if (rd_xml_next(&r->src, t, sink, limit) < 0) return rd_fail(r, err, t->line, "out of memory");
        if (r->src.err) return rd_read_error(r, err);
        if (t->type == RD_XML_BAD && t->unterminated) /* the rest of the file is lost in it */
            return rd_fail(r, err, t->line, "%s", t->bad);
        if (t->type == RD_XML_START || t->type == RD_XML_EMPTY || t->type == RD_XML_END)
            x->seen_element = 1;
        int rc, redo;
        do {
            redo = 0;
            if (x->mode == M_RECORD) rc = record_token(r, a, doc, err, t, &redo);
            else if (x->mode == M_TOP) rc = top_token(r, err, t);
            else rc = env_token(r, err, t, &redo);
        } while (redo && rc == GO_ON);
        if (rc == GOT_DOC) return 1;
        if (rc == FAILED) return -1;
        if (rc == AT_END) {
            if (!x->seen_element && x->seen_content)
                return rd_fail(r, err, 1, "no XML element found; is this PETRARCH XML?");
            return 0;
        }
    }
}

void rd_xml_free(rd_xml *x) {
    byte_buf_free(&x->tok.attrs);
    byte_buf_free(&x->scratch);
    byte_buf_free(&x->gold);
    rd_kv_free(&x->env);
    rd_kv_free(&x->config);
}
