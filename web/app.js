/* app.js -- the dyad page: reads the JSON API of `dyad serve` and draws
 * its charts as SVG itself (no charting library: a bar chart and a line
 * are a few dozen lines, nothing has to be vendored or kept up to date,
 * and gaps for empty periods are drawn exactly as dyad means them).
 *
 *   Dyad view:     per direction, events per period stacked by QuadClass,
 *                  and the mean Goldstein score as a line that breaks at
 *                  periods with no events. Click a bar: its events.
 *   Partner view:  A's partners ranked, with their share of cooperation
 *                  (QuadClass 1-2) and conflict (3-4). Click: the dyad.
 *   Events:        date, actors, code, event name, the sentence with the
 *                  source and target words marked, the document, and why
 *                  it was coded (the --explain text the store kept), the
 *                  events the bar counts (one_way: its direction only).
 * Every view links to the same data as CSV and JSON. Text from the store
 * is only ever set as text (textContent), never as HTML. */
"use strict";

const QUADS = [
  { k: 1, name: "verbal cooperation", color: "#9ae6b4" },
  { k: 2, name: "material cooperation", color: "#38a169" },
  { k: 3, name: "verbal conflict", color: "#f6ad55" },
  { k: 4, name: "material conflict", color: "#c53030" },
];
const SVGNS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
let view = "dyad";

function el(tag, attrs, text) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4))
                                   : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/* The filters as API parameters (empty ones left out). */
function params(extra) {
  const f = new FormData($("filters"));
  const p = new URLSearchParams();
  for (const [k, v] of f.entries()) {
    const s = String(v).trim();
    if (s) p.set(k, k === "a" || k === "b" ? s.toUpperCase() : s);
  }
  for (const [k, v] of Object.entries(extra || {})) {
    if (v === null) p.delete(k); else p.set(k, v);
  }
  return p;
}

async function api(call, p) {
  const r = await fetch("/api/" + call + "?" + p.toString());
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function say(msg) { $("status").textContent = msg || ""; }

function downloads(box, call, p) {
  box.replaceChildren();
  for (const fmt of ["csv", "json"]) {
    const q = new URLSearchParams(p);
    q.set("format", fmt);
    q.set("download", "1");
    box.append(el("a", { href: "/api/" + call + "?" + q.toString() }, "Download " + fmt.toUpperCase()));
  }
}

/* ---------------------------------------------------------------- dyad */

function drawChart(title, rows, source, target, onPick) {
  const W = 960, H = 230, L = 44, R = 44, T = 24, B = 34;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", class: "chart",
                              "data-source": source, "data-target": target });
  svg.append(el("svg:text", { x: L, y: 16, class: "title" }, title));
  const n = rows.length, maxN = Math.max(1, ...rows.map((r) => r.events));
  const step = (W - L - R) / Math.max(n, 1), bw = Math.max(1, Math.min(40, step * 0.7));
  const y = (v) => T + (H - T - B) * (1 - v / maxN);
  const g = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
  svg.append(el("svg:line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  svg.append(el("svg:line", { x1: L, x2: W - R, y1: g(0), y2: g(0), class: "zero" }));
  svg.append(el("svg:text", { x: L - 6, y: T + 4, "text-anchor": "end" }, String(maxN)));
  svg.append(el("svg:text", { x: L - 6, y: H - B, "text-anchor": "end" }, "0"));
  svg.append(el("svg:text", { x: W - R + 6, y: g(10) + 4 }, "+10"));
  svg.append(el("svg:text", { x: W - R + 6, y: g(-10) + 4 }, "−10"));
  const every = Math.ceil(n / 12);
  let path = "", pen = false;
  rows.forEach((r, i) => {
    const cx = L + step * (i + 0.5);
    const hit = el("svg:rect", { x: cx - step / 2, y: T, width: step, height: H - T - B,
                                 class: "hit", "data-period": r.period });
    hit.append(el("svg:title", {}, `${r.period}: ${r.events} events` +
                  (r.events ? `, mean Goldstein ${r.goldstein_mean}` : " (no events)")));
    hit.addEventListener("click", () => onPick(r, hit));
    svg.append(hit);
    let base = 0;
    for (const q of QUADS) {
      const v = r.quad[q.k - 1];
      if (!v) continue;
      const bar = el("svg:rect", { x: cx - bw / 2, y: y(base + v), width: bw,
                                   height: y(base) - y(base + v), fill: q.color, class: "bar",
                                   "data-period": r.period, "data-quad": q.k });
      bar.addEventListener("click", () => onPick(r, hit));
      svg.append(bar);
      base += v;
    }
    if (i % every === 0)
      svg.append(el("svg:text", { x: cx, y: H - B + 14, "text-anchor": "middle" }, r.period));
    if (r.events && r.goldstein_mean !== null) {   /* empty periods break the line */
      path += (pen ? "L" : "M") + cx.toFixed(1) + " " + g(r.goldstein_mean).toFixed(1);
      svg.append(el("svg:circle", { cx, cy: g(r.goldstein_mean), r: 2.5, fill: "#1a202c" }));
      pen = true;
    } else pen = false;
  });
  if (path) svg.append(el("svg:path", { d: path, class: "gold" }));
  return svg;
}

async function showDyad() {
  const p = params({ limit: null });
  if (!p.get("b")) { say("Actor B is needed for the dyad view."); return; }
  p.delete("download");
  const t = await api("ties", p);
  const box = $("series");
  box.replaceChildren();
  const a = t.a, b = t.b;
  for (const [dir, src, tgt] of [[0, a, b], [1, b, a]]) {
    const rows = t.rows.filter((r, i) => i % 2 === dir);
    const total = rows.reduce((s, r) => s + r.events, 0);
    box.append(drawChart(`${src} → ${tgt}: ${total} events by ${t.by}; bars by QuadClass, line: mean Goldstein`,
                         rows, src, tgt, (r, hit) => pick(r, src, tgt, hit)));
  }
  if (!t.rows.length) say(`No events between ${a} and ${b} with these filters.`);
  downloads($("series-dl"), "ties", p);
}

/* The events behind one bar: its period and direction. */
async function pick(row, src, tgt, hit) {
  document.querySelectorAll(".picked").forEach((e) => e.classList.remove("picked"));
  hit.classList.add("picked");
  const p = params({ from: row.period, to: row.period, by: null, one_way: "1" });
  p.set("a", src);
  p.set("b", tgt);
  const r = await api("events", p);
  showEvents(`${src} → ${tgt}, ${row.period}: ${r.events.length} events`, r.events, p);
}

/* ---------------------------------------------------------------- events */

/* The sentence with the source's and target's words marked. */
function marked(e) {
  const td = el("td");
  const s = e.sentence_text || "";
  const spans = [];
  for (const [word, cls] of [[e.source_text, "src"], [e.target_text, "tgt"]]) {
    if (!word) continue;
    const at = s.toLowerCase().indexOf(word.toLowerCase());
    if (at >= 0 && !spans.some((x) => at < x.end && x.at < at + word.length))
      spans.push({ at, end: at + word.length, cls });
  }
  spans.sort((x, y) => x.at - y.at);
  let pos = 0;
  for (const x of spans) {
    td.append(s.slice(pos, x.at), el("mark", { class: x.cls }, s.slice(x.at, x.end)));
    pos = x.end;
  }
  td.append(s.slice(pos));
  return td;
}

/* A row under an event: why it was coded (the verb and its pattern, the
 * dictionary entries behind source and target, the sentence's analysis),
 * folded but for the first event's. */
function why(e, open) {
  const box = el("details", open ? { open: "" } : {});
  box.append(el("summary", {}, "why coded"),
             el("div", { class: "explain" }, e.explain || "(not kept: the store was ingested with --no-explain, or before dyad kept it)"));
  const td = el("td", { colspan: "7" });
  td.append(box);
  const tr = el("tr", { class: "why" });
  tr.append(td);
  return tr;
}

function showEvents(title, events, p) {
  $("events-box").hidden = false;
  $("events-title").textContent = title;
  const body = $("events").tBodies[0];
  body.replaceChildren();
  events.forEach((e, i) => {
    const tr = el("tr", { class: "event" });
    tr.append(el("td", {}, e.date || "undated"), el("td", {}, e.source), el("td", {}, e.target),
              el("td", {}, e.code), el("td", {}, e.event_name + (e.plover ? ` (${e.plover})` : "")),
              marked(e));
    const doc = el("td");
    const name = e.title || e.doc_id;
    if (/^https?:\/\//.test(e.url)) doc.append(el("a", { href: e.url, rel: "noopener noreferrer" }, name));
    else doc.append(name);
    tr.append(doc);
    body.append(tr, why(e, i === 0));
  });
  downloads($("events-dl"), "events", p);
}

/* ---------------------------------------------------------------- partners */

function shareCell(part, n, color) {
  const td = el("td", { class: "num" });
  const pct = n ? Math.round((100 * part) / n) : 0;
  const bar = el("span", { class: "share" });
  bar.style.width = pct + "px";
  bar.style.background = color;
  td.append(bar, pct + "%");
  return td;
}

async function showPartners() {
  const p = params({ b: null, by: null });
  const r = await api("partners", p);
  const body = $("partners").tBodies[0];
  body.replaceChildren();
  for (const x of r.partners) {
    const tr = el("tr", { "data-partner": x.partner });
    tr.append(el("td", { class: "num" }, String(x.rank)), el("td", {}, x.partner),
              el("td", { class: "num" }, String(x.events)), el("td", { class: "num" }, String(x.out)),
              el("td", { class: "num" }, String(x.in)),
              shareCell(x.quad[0] + x.quad[1], x.events, "#38a169"),
              shareCell(x.quad[2] + x.quad[3], x.events, "#c53030"),
              el("td", { class: "num" }, x.goldstein_mean.toFixed(2)));
    tr.addEventListener("click", () => {
      $("filters").elements.b.value = x.partner;
      setView("dyad");
    });
    body.append(tr);
  }
  if (!r.partners.length) say(`No partners of ${r.country} with these filters.`);
  downloads($("partners-dl"), "partners", p);
}

/* ---------------------------------------------------------------- page */

async function refresh() {
  say("");
  $("events-box").hidden = true;
  try {
    if (view === "dyad") await showDyad(); else await showPartners();
    const q = params({});
    history.replaceState(null, "", "?" + q.toString() + "#" + view);
  } catch (err) {
    say(err.message);
  }
}

function setView(v) {
  view = v;
  $("tab-dyad").classList.toggle("on", v === "dyad");
  $("tab-partners").classList.toggle("on", v === "partners");
  $("view-dyad").hidden = v !== "dyad";
  $("view-partners").hidden = v !== "partners";
  $("b-label").hidden = v !== "dyad";
  refresh();
}

async function start() {
  const legend = $("legend");
  for (const q of QUADS) {
    const s = el("span", {}, q.name);
    s.style.setProperty("--c", q.color);
    legend.append(s);
  }
  const line = el("span", {}, "mean Goldstein (−10 to +10)");
  line.style.setProperty("--c", "#1a202c");
  legend.append(line);
  const form = $("filters");
  const url = new URLSearchParams(location.search);
  for (const [k, v] of url.entries()) if (form.elements[k]) form.elements[k].value = v;
  try {
    const info = await api("info", new URLSearchParams());
    $("info").textContent = `${info.documents} documents, ${info.counted} counted events`;
    for (const t of info.plover_types) form.elements.plover.append(el("option", { value: t }, t));
    if (url.get("plover")) form.elements.plover.value = url.get("plover");
  } catch (err) {
    say(err.message);
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  $("tab-dyad").addEventListener("click", () => setView("dyad"));
  $("tab-partners").addEventListener("click", () => setView("partners"));
  setView(location.hash === "#partners" ? "partners" : "dyad");
}

start();
