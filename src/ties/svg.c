/* svg.c -- the series of a dyad as an SVG chart a person can read.
 *
 * Two panels over the same periods: above, the Goldstein sum per period as
 * a line for each direction (zero marked: above it cooperation, below it
 * conflict), broken at periods with no events (a gap, not a zero); below, the number of events as paired bars. Axes with round
 * ticks, period labels thinned to fit, a title and a legend; the number
 * of undated events left out, when there are any. Plain SVG
 * 1.1 with no scripts or external fonts, so any viewer renders it. */
#include "ties/ties.h"

#include <math.h>
#include <string.h>

#define W 960.0
#define H 600.0
#define ML 78.0   /* left margin: y labels */
#define MR 24.0
#define TOP1 78.0 /* panel 1: Goldstein */
#define BOT1 300.0
#define TOP2 350.0 /* panel 2: counts */
#define BOT2 520.0

static const char *const color[2] = {"#1f5fa8", "#d0582a"};

static double nice_step(double range, int ticks) {
    if (range <= 0) return 1;
    double raw = range / ticks, p = pow(10, floor(log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static void axis_y(FILE *o, double top, double bot, double lo, double hi, double step,
                   const char *label) {
    for (double v = ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
        double y = bot - (v - lo) / (hi - lo) * (bot - top);
        fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                   "stroke-width=\"1\"/>\n",
                ML, y, W - MR, y, fabs(v) < step * 1e-9 ? "#777" : "#e3e3e3");
        fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" "
                   "fill=\"#444\">%g</text>\n",
                ML - 8, y + 4, fabs(v) < step * 1e-9 ? 0.0 : v);
    }
    fprintf(o, "<text transform=\"translate(18,%.1f) rotate(-90)\" text-anchor=\"middle\" "
               "font-size=\"13\" fill=\"#222\">%s</text>\n",
            (top + bot) / 2, label);
    fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", ML,
            top, ML, bot);
}

/* The Goldstein sum of direction d: a line through the periods with
 * events, broken where a period has none (nothing was measured there, not
 * zero); a dot on each point when there are few, and always on a point
 * that stands alone. */
static void gold_line(FILE *o, const dyad_ties *t, int d, double slot, double gmin, double gmax) {
    size_t np = t->n / 2;
#define GX(k) (ML + slot * ((double)(k) + 0.5))
#define GY(k) (BOT1 - (t->rows[2 * (k) + d].gsum - gmin) / (gmax - gmin) * (BOT1 - TOP1))
    for (size_t i = 0; i < np;) {
        if (!t->rows[2 * i + d].n) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < np && t->rows[2 * j + d].n) j++; /* the run [i, j) */
        if (j - i > 1) {
            fprintf(o, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\" "
                       "stroke-linejoin=\"round\" points=\"", color[d]);
            for (size_t k = i; k < j; k++)
                fprintf(o, "%s%.1f,%.1f", k > i ? " " : "", GX(k), GY(k));
            fputs("\"/>\n", o);
        }
        for (size_t k = i; k < j && (np <= 80 || j - i == 1); k++)
            fprintf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" fill=\"%s\"/>\n", GX(k),
                    GY(k), color[d]);
        i = j;
    }
#undef GX
#undef GY
}

int dyad_ties_svg(FILE *o, const dyad_ties *t, dyad_error *err) {
    size_t np = t->n / 2;
    double gmin = 0, gmax = 0, cmax = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->rows[i].gsum < gmin) gmin = t->rows[i].gsum;
        if (t->rows[i].gsum > gmax) gmax = t->rows[i].gsum;
        if (t->rows[i].n > cmax) cmax = (double)t->rows[i].n;
    }
    if (gmax - gmin < 1) gmax = gmin + 1;
    if (cmax < 1) cmax = 1;
    double gstep = nice_step(gmax - gmin, 5), cstep = nice_step(cmax, 4);
    if (cstep < 1) cstep = 1;
    gmin = floor(gmin / gstep) * gstep;
    gmax = ceil(gmax / gstep) * gstep;
    cmax = ceil(cmax / cstep) * cstep;
    double slot = np ? (W - ML - MR) / (double)np : 1;

    fprintf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Helvetica, Arial, "
               "sans-serif\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
            W, H, W, H);
    fprintf(o, "<text x=\"%.1f\" y=\"30\" font-size=\"19\" font-weight=\"bold\" fill=\"#111\">"
               "%s and %s: events per %s</text>\n",
            ML, t->a, t->b, ty_period_name(t->by));
    /* legend */
    for (int d = 0; d < 2; d++) {
        double x = ML + d * 150;
        fprintf(o, "<rect x=\"%.1f\" y=\"44\" width=\"18\" height=\"12\" fill=\"%s\"/>\n"
                   "<text x=\"%.1f\" y=\"55\" font-size=\"13\" fill=\"#222\">%s \xe2\x86\x92 %s"
                   "</text>\n",
                x, color[d], x + 24, d ? t->b : t->a, d ? t->a : t->b);
    }
    fprintf(o, "<text x=\"%.1f\" y=\"55\" font-size=\"12\" fill=\"#666\" text-anchor=\"end\">"
               "above 0: cooperation, below 0: conflict</text>\n", W - MR);
    if (np == 0)
        fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" fill=\"#666\" "
                   "text-anchor=\"middle\">no %sevents between %s and %s</text>\n",
                W / 2, H / 2, t->undated ? "dated " : "", t->a, t->b);

    /* panel 1: Goldstein sum */
    axis_y(o, TOP1, BOT1, gmin, gmax, gstep, "Goldstein sum");
    fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", ML,
            BOT1, W - MR, BOT1);
    fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\">Goldstein sum per %s"
               "</text>\n", ML + 8, TOP1 - 6, ty_period_name(t->by));
    fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\">events per %s"
               "</text>\n", ML + 8, TOP2 - 6, ty_period_name(t->by));
    for (int d = 0; d < 2 && np; d++) gold_line(o, t, d, slot, gmin, gmax);
    /* panel 2: counts */
    axis_y(o, TOP2, BOT2, 0, cmax, cstep, "events");
    for (size_t i = 0; i < np; i++)
        for (int d = 0; d < 2; d++) {
            double n = (double)t->rows[2 * i + d].n;
            if (n <= 0) continue;
            double bw = slot * 0.38 > 34 ? 34 : slot * 0.38;
            double x = ML + slot * ((double)i + 0.5) - bw + d * bw;
            double h = n / cmax * (BOT2 - TOP2);
            fprintf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                    x, BOT2 - h, bw, h, color[d]);
        }
    fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", ML,
            BOT2, W - MR, BOT2);
    /* period labels, thinned to at most 14 */
    size_t every = np > 14 ? (np + 13) / 14 : 1;
    for (size_t i = 0; i < np; i += every) {
        double x = ML + slot * ((double)i + 0.5);
        fprintf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x,
                BOT2, x, BOT2 + 5);
        fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#444\" "
                   "text-anchor=\"end\" transform=\"rotate(-35 %.1f %.1f)\">%s</text>\n",
                x + 4, BOT2 + 20, x + 4, BOT2 + 20, t->rows[2 * i].period);
    }
    if (t->undated) /* events with no date are in no period: say how many */
        fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#a33\">%ld undated "
                   "event%s left out</text>\n", ML, H - 10, t->undated, t->undated == 1 ? "" : "s");
    fprintf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#777\" text-anchor=\"end\">"
               "counted events (near copies and repeats left out); Goldstein scale -10..+10"
               "</text>\n</svg>\n",
            W - MR, H - 10);
    if (ferror(o)) return dyad_error_set(err, "writing the chart failed");
    return 0;
}
