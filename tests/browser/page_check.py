#!/usr/bin/env python3
"""page_check.py -- drives Debian's chromium, headless, through the DevTools
protocol over --remote-debugging-pipe (fd 3 and 4, NUL-ended JSON: no
WebSocket, nothing from npm or PyPI) and checks the page of `dyad serve`:

  - it loads with no console error, no uncaught exception and no failed
    request (the browser log);
  - the DOM shows the series of the two actors asked, one chart per
    direction, with bars;
  - a real mouse click (Input.dispatchMouseEvent) on a bar fills the events
    table with that period's events, as many as the bar counts, actors'
    words marked, each with why it was coded (the --explain text);
  - the partner view ranks the partners;
  - a screenshot goes to the path given.

usage: page_check.py URL SCREENSHOT.png CHROMIUM USER_DATA_DIR
Prints "PASS what" / "FAIL what" lines; exits 1 when anything failed.
Chromium is killed on the way out, whatever happens."""
import base64
import json
import os
import signal
import subprocess
import sys
import time

URL, SHOT, CHROMIUM, PROFILE = sys.argv[1:5]
DEADLINE = time.time() + 90
failed = 0


def report(ok, what):
    global failed
    print(("PASS " if ok else "FAIL ") + what, flush=True)
    failed += not ok


class Browser:
    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():  # in the child: its ends become fd 3 and 4, kept across exec
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        args = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking",
                "--remote-debugging-pipe", "--user-data-dir=" + PROFILE,
                "--window-size=1280,1000", "about:blank"]
        log = open(os.path.join(PROFILE, "chromium.log"), "wb")
        self.proc = subprocess.Popen(args, preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=log, stderr=log, start_new_session=True)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=5)
        except Exception:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
            except Exception:
                pass

    def _read(self):
        while b"\0" not in self.buf:
            if time.time() > DEADLINE:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(method + ": " + json.dumps(m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read())


def main():
    b = Browser()
    try:
        run(b)
    finally:
        try:
            console_errors(b)
        finally:
            b.close()


def console_errors(b):
    errors = []
    for m in b.events:
        p = m.get("params", {})
        if m.get("method") == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            errors.append(d.get("exception", {}).get("description", d.get("text", "exception")))
        elif m.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append("console.%s %s" % (p["type"], [a.get("value") for a in p.get("args", [])]))
        elif m.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
            errors.append(p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
    report(not errors, "no console errors: %s" % errors)


def evaluate(b, s, expr):
    r = b.send("Runtime.evaluate", {"expression": expr, "returnByValue": True}, s)
    return r.get("result", {}).get("value")


def wait_for(b, s, expr, what):
    until = min(DEADLINE, time.time() + 20)
    while time.time() < until:
        if evaluate(b, s, expr):
            return True
        time.sleep(0.1)
    report(False, what + " (timed out)")
    return False


def click(b, s, selector):
    box = evaluate(b, s, "(() => { const e = document.querySelector(%s); if (!e) return null;"
                         " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                         " return [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
    if not box:
        return False
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        b.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                            "button": "left", "clickCount": 1}, s)
    return True


def run(b):
    target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    s = b.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log"):
        b.send(domain + ".enable", {}, s)
    b.send("Emulation.setDeviceMetricsOverride",
           {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, s)
    # no scroll bar: the screenshot is as wide as the page is laid out
    b.send("Emulation.setScrollbarsHidden", {"hidden": True}, s)
    b.send("Page.navigate", {"url": URL}, s)
    b.wait_event("Page.loadEventFired")

    ok = wait_for(b, s, "document.querySelectorAll('#series svg.chart').length === 2",
                  "two charts drawn")
    if ok:
        charts = evaluate(b, s, "[...document.querySelectorAll('#series svg.chart')].map(c =>"
                                " [c.dataset.source, c.dataset.target,"
                                "  c.querySelectorAll('rect.bar').length,"
                                "  c.querySelector('.title').textContent])")
        report([c[:2] for c in charts] == [["RUS", "IRN"], ["IRN", "RUS"]],
               "the series are RUS -> IRN and IRN -> RUS: %s" % [c[:2] for c in charts])
        report(all(c[2] > 0 for c in charts), "both charts have bars")
        report("RUS → IRN" in charts[0][3], "chart title names RUS → IRN")
        report(evaluate(b, s, "document.querySelectorAll('#series .hit[data-period=\"2026-03\"]')"
                              ".length") == 2, "March 2026 is a period of both charts")

    bar = "#series svg.chart rect.bar[data-period='2026-03']"
    count = evaluate(b, s, "document.querySelector(\"%s\").closest('svg')"
                           ".querySelector('.hit[data-period=\"2026-03\"] title').textContent" % bar)
    report(click(b, s, bar), "a March bar to click")
    if wait_for(b, s, "!document.getElementById('events-box').hidden &&"
                      " document.querySelectorAll('#events tbody tr.event').length > 0",
                "events table after the click"):
        rows = evaluate(b, s, "[...document.querySelectorAll('#events tbody tr.event')].map(r =>"
                              " [...r.cells].map(c => c.textContent))")
        report(count.startswith("2026-03: %d events" % len(rows)),
               "as many events listed as the bar counts (%s): %d" % (count, len(rows)))
        report(all(r[0].startswith("2026-03") and r[1].startswith("RUS") and r[2].startswith("IRN")
                   for r in rows), "events are RUS -> IRN in March: %d rows" % len(rows))
        report(any("Putin met Iranian President" in r[5] for r in rows),
               "the sentence of the 040 meeting is listed")
        report(evaluate(b, s, "document.querySelectorAll('#events mark.src').length > 0"),
               "source words marked in the sentence")
        whys = evaluate(b, s, "[...document.querySelectorAll('#events tbody tr.why')].map(r =>"
                              " [r.querySelector('details').open, r.textContent])")
        report(len(whys) == len(rows) > 0 and whys[0][0], "a why row under each event, the first open")
        report(any('verb "MET"' in w[1] and "dyad.verbs.txt:" in w[1] and "structure: [" in w[1]
                   for w in whys), "the 040 meeting's --explain text is shown")
        report("March" in evaluate(b, s, "document.getElementById('events-title').textContent")
               or "2026-03" in evaluate(b, s, "document.getElementById('events-title').textContent"),
               "events title names the period")
        report(evaluate(b, s, "document.querySelector('#events-dl a').href.includes('format=csv')"),
               "events download link")

    shot = b.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, s)
    with open(SHOT, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    report(os.path.getsize(SHOT) > 10000, "screenshot written to " + SHOT)

    click(b, s, "#tab-partners")
    if wait_for(b, s, "document.querySelectorAll('#partners tbody tr').length > 0",
                "partner view rows"):
        first = evaluate(b, s, "[...document.querySelector('#partners tbody tr').cells]"
                               ".map(c => c.textContent)")
        # the feeds' RUS-IRN events as test_ingest.sh counts them: 9 (a meeting both ways)
        report(first[1] == "IRN" and first[2] == "9", "RUS's first partner is IRN, 9 events: %s" % first)



if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
    try:
        main()
    except Exception as e:  # the checks not reached count as one failure
        report(False, "browser run: %s: %s" % (type(e).__name__, e))
    sys.exit(1 if failed else 0)
