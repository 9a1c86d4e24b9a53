/* jsonl.c -- the JSON Lines reader: one object per line, one document each.
 *
 * Fields used (all strings): id, date, title, text, source, url; when there
 * is no "date", a publication date under another common name (published,
 * published_at, publishedAt, pubDate, datePublished, ...: one that cannot
 * be read is warned about and ignored, the record kept). Other
 * members are skipped whatever their type; a used field that is null counts
 * as missing, a numeric id is taken as written, any other type is an error.
 * The text given to the coder is title + "\n\n" + text when there is a title
 * (headlines are coded too); doc->title keeps the title alone. A record with
 * neither title nor text is skipped, as is one with a date that is not
 * "YYYY-MM-DD", "YYYYMMDD" or an ISO timestamp. A missing id becomes
 * "name:line". Blank lines are not records and are passed over silently.
 *
 * Everything else that is wrong with a line (malformed or truncated JSON,
 * invalid UTF-8, a NUL byte, a line longer than the maximum record size)
 * skips that line with a warning "name:line: <what> at column N" and reading
 * goes on at the next line. A last line without '\n' is read normally. */
#include "input/json.h"

#include <string.h>

enum { F_ID, F_DATE, F_TITLE, F_TEXT, F_SOURCE, F_URL, F_PUB, F_COUNT };
static const char *const field_names[F_COUNT] = {"id",     "date", "title",    "text",
                                                 "source", "url",  "published"};
/* Other names of a publication date: taken when "date" is absent. */
static const char *const pub_names[] = {"published_at", "publishedAt", "pubDate",
                                        "datePublished", "date_published", "publish_date"};

typedef struct span {
    size_t off, len;
    int set;
} span;

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

static int field_of(const char *key, size_t n) {
    for (int f = 0; f < F_COUNT; f++)
        if (strlen(field_names[f]) == n && memcmp(field_names[f], key, n) == 0) return f;
    for (size_t i = 0; i < sizeof pub_names / sizeof *pub_names; i++)
        if (strlen(pub_names[i]) == n && memcmp(pub_names[i], key, n) == 0) return F_PUB;
    return -1;
}

/* One member's value: decoded into rec when it is a field we use. */
static int member_value(rd_json *j, byte_buf *rec, int field, span *f) {
    rd_json_ws(j);
    int c = rd_json_peek(j);
    if (field < 0) return rd_json_skip(j);
    if (c == 'n') { /* null: the field is missing */
        f->set = 0;
        return rd_json_skip(j);
    }
    size_t off = rec->len;
    if (c == '"') {
        if (rd_json_string(j, rec) < 0) return -1;
    } else if (field == F_ID && (c == '-' || (c >= '0' && c <= '9'))) {
        const char *s = j->p;
        if (rd_json_skip(j) < 0) return -1;
        if (byte_buf_put(rec, s, (size_t)(j->p - s)) < 0) {
            j->oom = 1;
            return rd_json_fail(j, "out of memory");
        }
    } else {
        const char *value = j->p;
        if (rd_json_skip(j) < 0) return -1; /* report what is wrong with it */
        j->p = value;
        return rd_json_fail(j, "field \"%s\" is not a string", field_names[field]);
    }
    f->off = off;
    f->len = rec->len - off;
    f->set = 1;
    if (byte_buf_putc(rec, '\0') < 0) {
        j->oom = 1;
        return rd_json_fail(j, "out of memory");
    }
    return 0;
}

/* Parses one line into fields (decoded into rec). */
static int parse_object(rd_json *j, byte_buf *rec, span f[F_COUNT]) {
    if (rd_json_expect(j, '{', "at the start of the record (expected '{')") < 0) return -1;
    rd_json_ws(j);
    if (rd_json_peek(j) == '}') {
        j->p++;
    } else {
        for (;;) {
            rd_json_ws(j);
            if (rd_json_peek(j) != '"') {
                if (rd_json_peek(j) < 0)
                    return rd_json_fail(j, "truncated record: end of line where a key was expected");
                return rd_json_fail(j, "expected a string key");
            }
            size_t koff = rec->len;
            if (rd_json_string(j, rec) < 0) return -1;
            int field = field_of(rec->p + koff, rec->len - koff);
            rec->len = koff;
            rec->p[koff] = '\0';
            if (rd_json_expect(j, ':', "after a key (expected ':')") < 0) return -1;
            if (member_value(j, rec, field, field >= 0 ? &f[field] : NULL) < 0) return -1;
            rd_json_ws(j);
            int c = rd_json_peek(j);
            if (c == ',') {
                j->p++;
                continue;
            }
            if (c == '}') {
                j->p++;
                break;
            }
            if (c < 0) return rd_json_fail(j, "truncated record: end of line inside the object");
            return rd_json_fail(j, "expected ',' or '}' after a value");
        }
    }
    rd_json_ws(j);
    if (j->p < j->end) return rd_json_fail(j, "unexpected data after the end of the object");
    return 0;
}

static char *field_dup(dyad_arena *a, const byte_buf *rec, const span *f) {
    if (!f->set) return dyad_arena_strdup(a, "");
    return dyad_arena_strndup(a, rec->p + f->off, f->len);
}

/* Turns parsed fields into a document; 0 to skip (warned), -1 on error. */
static int make_doc(dyad_reader *r, dyad_arena *a, uint64_t line, span f[F_COUNT],
                    dyad_doc *doc, dyad_error *err) {
    const byte_buf *rec = &r->rec;
    int has_title = f[F_TITLE].set && f[F_TITLE].len > 0;
    if (!f[F_TEXT].set && !has_title) {
        rd_warn(r, line, "record has no \"text\" (or \"title\") field, skipped");
        return 0;
    }
    char date[9] = "";
    if (f[F_DATE].set && f[F_DATE].len > 0 &&
        date_text(date_parse(rec->p + f[F_DATE].off, f[F_DATE].len), date) < 0) {
        rd_warn(r, line, "bad date \"%.40s\" (expected YYYY-MM-DD, YYYYMMDD or an ISO timestamp), skipped",
                rec->p + f[F_DATE].off);
        return 0;
    }
    if (!*date && f[F_PUB].set && f[F_PUB].len > 0 &&
        date_text(date_parse(rec->p + f[F_PUB].off, f[F_PUB].len), date) < 0)
    {
        rd_warn(r, line, "unreadable publication date \"%.40s\" (expected YYYY-MM-DD, YYYYMMDD or "
                "an ISO timestamp), ignored", rec->p + f[F_PUB].off);
        r->skipped--; /* the record is kept: only its date is not */
    }
    size_t tlen = f[F_TEXT].set ? f[F_TEXT].len : 0;
    size_t hlen = has_title ? f[F_TITLE].len : 0;
    size_t total = hlen + (has_title && tlen ? 2 : 0) + tlen;
    char *text = dyad_arena_alloc(a, total + 1);
    if (!text) return rd_fail(r, err, line, "out of memory");
    char *t = text;
    if (has_title) memcpy(t, rec->p + f[F_TITLE].off, hlen), t += hlen;
    if (has_title && tlen) memcpy(t, "\n\n", 2), t += 2;
    if (tlen) memcpy(t, rec->p + f[F_TEXT].off, tlen);
    text[total] = '\0';

    char idbuf[600];
    const char *id = NULL;
    if (!f[F_ID].set || f[F_ID].len == 0) {
        snprintf(idbuf, sizeof idbuf, "%s:%llu", r->name, (unsigned long long)line);
        id = dyad_arena_strdup(a, idbuf);
    } else {
        id = field_dup(a, rec, &f[F_ID]);
    }
    doc->id = id;
    doc->date = dyad_arena_strdup(a, date);
    doc->title = field_dup(a, rec, &f[F_TITLE]);
    doc->source = field_dup(a, rec, &f[F_SOURCE]);
    doc->url = field_dup(a, rec, &f[F_URL]);
    doc->text = text;
    doc->text_len = total;
    doc->line = line;
    if (!doc->id || !doc->date || !doc->title || !doc->source || !doc->url)
        return rd_fail(r, err, line, "out of memory");
    return 1;
}

/* Warns when the line is not valid NUL-free UTF-8 (1), else 0. A line
 * that parses is: bytes outside its strings parse only when ASCII, and
 * its strings were checked as they were read. */
static int not_utf8(dyad_reader *r, uint64_t line, const char *s, size_t n) {
    size_t bad = rd_utf8_check(s, n);
    if (bad == (size_t)-1) return 0;
    if (s[bad] == '\0') rd_warn(r, line, "NUL byte at column %zu", bad + 1);
    else rd_warn(r, line, "invalid UTF-8 (byte 0x%02X) at column %zu", (unsigned char)s[bad], bad + 1);
    return 1;
}

int rd_jsonl_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    for (;;) {
        uint64_t line = r->src.line;
        int too_long;
        int got = rd_src_getline(&r->src, &r->line, r->max_record, &too_long);
        if (got == 0) return 0;
        if (got == -1) return rd_read_error(r, err);
        if (got < 0) return rd_fail(r, err, line, "out of memory");
        if (too_long) {
            rd_warn(r, line, "record longer than %zu bytes, skipped", r->max_record);
            continue;
        }
        const char *s = r->line.p;
        size_t n = r->line.len;
        if (is_blank(s, n)) continue;
        span f[F_COUNT];
        memset(f, 0, sizeof f);
        rd_json j;
        rd_json_init(&j, s, n);
        j.check_utf8 = 1; /* one read of the line: its strings are checked as read */
        byte_buf_clear(&r->rec);
        if (parse_object(&j, &r->rec, f) < 0) {
            if (not_utf8(r, line, s, n)) continue; /* said first, whatever else is wrong */
            if (j.oom) return rd_fail(r, err, line, "out of memory");
            rd_warn(r, line, "%s at column %zu", j.what, j.col);
            continue;
        }
        int rc = make_doc(r, a, line, f, doc, err);
        if (rc == 1 && r->line.cap > RD_KEEP_BUFFER) {
            /* the document is in the arena now: a huge record's buffers go
             * back before the coder needs several times as much */
            byte_buf_free(&r->line);
            byte_buf_free(&r->rec);
        }
        if (rc != 0) return rc;
    }
}
