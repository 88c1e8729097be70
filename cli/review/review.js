/* review.js: the review page of vnextract --html (cli/review.c embeds it).
 * SPDX-License-Identifier: MIT
 *
 * The page holds its records as data blocks (cli/review.c): the index, JSON
 * before this script (what the summary, the filters and the list need of
 * every article: source, title, meeting, ratings, documents, names, counts,
 * warnings), and "detail" blocks of data-block articles each (each
 * article's text and its record, spans in UTF-16 units of the text): the
 * first as JSON before this script too, so that the summary and the first
 * page show before the browser reads on; the others after it, <script
 * type="application/x-vnx">, each a base64 zlib stream of JSON, which a
 * page of the list inflates as soon as the browser has read them. Nothing
 * is fetched.
 */
"use strict";
performance.mark("vnx-start");
(() => {
  const PAGE_SIZE = 20;
  const TOP = 12;
  const RATINGS = ["hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ",
    "không hoàn thành nhiệm vụ", "trong sạch vững mạnh tiêu biểu", "trong sạch vững mạnh", "yếu kém"];
  const SUBJECT_COLOURS = ["#0b57a4", "#b35c00", "#226b12", "#7a3ea8", "#a31f1f", "#00707a", "#5c5c5c"];
  const KINDS = [["dates", "date", "Dates"], ["directives", "directive", "Directives"],
    ["officials", "official", "Officials"], ["tallies", "tally", "Tallies"],
    ["attendance", "attendance", "Attendance"]];
  const NS = "http://www.w3.org/2000/svg";
  const $ = (sel, el = document) => el.querySelector(sel);

  // ---- data ----------------------------------------------------------------
  async function inflate(b64) {
    const bin = atob(b64.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return JSON.parse(await new Response(stream).text());
  }

  // The detail blocks come after this script, so that the summary and the
  // first page show while the browser still reads the rest of the file.
  const parsed = new Promise((resolve) => {
    if (document.readyState !== "loading") resolve();
    else document.addEventListener("DOMContentLoaded", resolve);
  });

  async function detailBlock(block) {
    for (;;) {
      const el = document.getElementById(`d${block}`);
      // A block is whole once the element after it is there, or the file is read.
      if (el && (el.nextElementSibling || document.readyState !== "loading")) return el;
      if (document.readyState !== "loading") throw new Error(`no data block d${block}`);
      await Promise.race([parsed, new Promise((r) => setTimeout(r, 15))]);
    }
  }

  const detailCache = new Map(); // block number -> Promise of its details

  function details(block) {
    if (!detailCache.has(block)) {
      const first = document.getElementById(`d${block}`);
      // The first block is JSON before this script: read at once, so that
      // the first page shows before the browser reads on.
      detailCache.set(block, first && first.type === "application/json"
        ? Promise.resolve(JSON.parse(first.textContent))
        : detailBlock(block).then((el) => inflate(el.textContent)));
      if (detailCache.size > 12) detailCache.delete(detailCache.keys().next().value);
    }
    return detailCache.get(block);
  }

  function detailCount() {
    return 1 + document.querySelectorAll('script[type="application/x-vnx"][data-kind="detail"]').length;
  }

  let articles = [];
  let textsLoaded = null; // a Promise once the article texts are being read for search

  // ---- filters ---------------------------------------------------------------
  const state = { q: "", field: "", warn: "", chips: [], page: 0 };
  const chipTests = {
    rating: (a, c) => a.r.some((t) => t[0] === c.rating && (c.subject === undefined || t[1] === c.subject)),
    month: (a, c) => (a.e[1] || "").slice(0, c.value.length) === c.value, // a month, or a year
    type: (a, c) => (a.e[0] || "(none)") === c.value,
    dirtype: (a, c) => a.d.some((d) => (d[0] || "(none)") === c.value),
    doc: (a, c) => a.d.some((d) => d[1] === c.value),
    official: (a, c) => a.o.includes(c.value),
  };
  const fieldTests = {
    dates: (a) => a.n[0] > 0, directives: (a) => a.n[1] > 0, officials: (a) => a.n[2] > 0,
    tallies: (a) => a.n[3] > 0, attendance: (a) => a.n[4] > 0, event: (a) => !!a.e[0],
    eventdate: (a) => !!a.e[1], author: (a) => !!a.a, title: (a) => !!a.t,
  };

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase();
  }

  // What a text search reads of an article besides its text (made on the
  // first search, not at load).
  function searchKey(a) {
    if (a.key === undefined) {
      a.key = fold([a.s, a.t, ...a.e, a.a, ...a.o, ...a.d.map((d) => d[1]), a.x]
        .filter(Boolean).join(" \u0001 "));
    }
    return a.key;
  }

  function matches(a, q) {
    if (state.warn === "errors" && !a.x) return false;
    if (state.warn !== "errors" && state.warn && a.x) return false;
    if (state.warn === "with" && !a.w.length) return false;
    if (state.warn === "without" && a.w.length) return false;
    if (state.field) {
      const [mode, f] = state.field.split(":");
      if (a.x || fieldTests[f](a) !== (mode === "has")) return false;
    }
    for (const c of state.chips) if (a.x || !chipTests[c.kind](a, c)) return false;
    if (q && !searchKey(a).includes(q) && !(a.textKey && a.textKey.includes(q))) return false;
    return true;
  }

  function filtered() {
    const q = fold(state.q.trim());
    return articles.filter((a) => matches(a, q));
  }

  function toggleChip(chip) {
    const same = (c) => c.kind === chip.kind && c.value === chip.value && c.rating === chip.rating &&
      c.subject === chip.subject;
    const i = state.chips.findIndex(same);
    if (i >= 0) state.chips.splice(i, 1);
    else state.chips.push(chip);
    state.page = 0;
    update();
  }

  // ---- charts ----------------------------------------------------------------
  function svg(tag, attrs, parent) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (parent) parent.appendChild(el);
    return el;
  }

  function count(map, key, by = 1) {
    map.set(key, (map.get(key) || 0) + by);
  }

  function top(map, n) {
    return [...map.entries()].sort((x, y) => y[1] - x[1] || String(x[0]).localeCompare(String(y[0]))).slice(0, n);
  }

  function figure(id, title, note) {
    const fig = document.createElement("figure");
    fig.className = "chart";
    fig.id = id;
    const cap = document.createElement("figcaption");
    cap.textContent = title;
    fig.appendChild(cap);
    if (note) {
      const p = document.createElement("p");
      p.className = "note";
      p.textContent = note;
      fig.appendChild(p);
    }
    $("#charts").appendChild(fig);
    return fig;
  }

  // A bar: a focusable button in the SVG, a filter for the list.
  function bar(parent, chip, label, x, y, w, h, colour) {
    const g = svg("g", { class: "bar", role: "button", tabindex: "0", "aria-pressed": "false",
      "aria-label": label, "data-chip": JSON.stringify(chip) }, parent);
    svg("title", {}, g).textContent = label;
    svg("rect", { class: "hit", x: x, y: y - 2, width: Math.max(w, 24), height: h + 4 }, g);
    svg("rect", { class: "fill", x: x, y: y, width: Math.max(w, 2), height: h, fill: colour }, g);
    g.addEventListener("click", () => toggleChip(chip));
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggleChip(chip); }
    });
    return g;
  }

  // The width of a chart in CSS pixels, so that its text keeps its size
  // (13 px) on a phone as on a desktop; and that of its labels' column.
  function widths(fig) {
    const W = Math.round(Math.max(260, Math.min(640, fig.clientWidth - 26)));
    const LW = Math.round(Math.min(220, W * 0.42));
    return { W, LW, chars: Math.floor(LW / 7.2) };
  }

  function shorten(label, chars) {
    return label.length > chars ? label.slice(0, chars - 1) + "…" : label;
  }

  // Horizontal bars: rows of [label, value, chip], the longest first.
  function hbars(fig, rows, unit, colour) {
    if (!rows.length) {
      const p = document.createElement("p");
      p.className = "none";
      p.textContent = "None in this batch.";
      fig.appendChild(p);
      return;
    }
    const { W, LW, chars } = widths(fig);
    const RH = 22, max = Math.max(...rows.map((r) => r[1]));
    const s = svg("svg", { viewBox: `0 0 ${W} ${rows.length * RH + 4}`, role: "group",
      "aria-label": fig.querySelector("figcaption").textContent }, null);
    rows.forEach(([label, value, chip], i) => {
      const y = i * RH + 2;
      svg("text", { x: LW - 6, y: y + 14, "text-anchor": "end" }, s).textContent = shorten(label, chars);
      const w = ((W - LW - 60) * value) / max;
      bar(s, chip, `${label}: ${value} ${unit}`, LW, y + 2, w, RH - 6, colour);
      svg("text", { x: LW + w + 4, y: y + 14, class: "v" }, s).textContent = value;
    });
    fig.appendChild(s);
  }

  function ratingChart() {
    const fig = figure("chart-tallies", "Tallies by rating and subject",
      "Statements of a rating found, by who is rated.");
    const byRating = new Map(), subjects = new Map();
    for (const a of articles) for (const [rating, subject] of a.r) {
      if (!byRating.has(rating)) byRating.set(rating, new Map());
      count(byRating.get(rating), subject || "(none)");
      count(subjects, subject || "(none)");
    }
    if (!byRating.size) return hbars(fig, [], "", "");
    const order = [...byRating.keys()].sort((x, y) => {
      const i = RATINGS.indexOf(x), j = RATINGS.indexOf(y);
      return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || x.localeCompare(y);
    });
    const subjectList = top(subjects, SUBJECT_COLOURS.length).map((e) => e[0]);
    const colourOf = (s) => SUBJECT_COLOURS[Math.max(0, subjectList.indexOf(s))];
    const { W, LW, chars } = widths(fig);
    const RH = 26;
    const totals = order.map((r) => [...byRating.get(r).values()].reduce((x, y) => x + y, 0));
    const max = Math.max(...totals);
    const s = svg("svg", { viewBox: `0 0 ${W} ${order.length * RH + 4}`, role: "group",
      "aria-label": "Tallies by rating and subject" }, null);
    order.forEach((rating, i) => {
      const y = i * RH + 2;
      const label = svg("text", { x: LW - 6, y: y + 16, "text-anchor": "end", class: "bar-label" }, s);
      label.textContent = shorten(rating, chars);
      let x = LW;
      for (const [subject, n] of [...byRating.get(rating).entries()].sort((p, q) => q[1] - p[1])) {
        const w = ((W - LW - 60) * n) / max;
        bar(s, { kind: "rating", rating, subject: subject === "(none)" ? null : subject,
          label: `${rating} · ${subject}` }, `${rating}, ${subject}: ${n} statements`,
        x, y + 4, w, RH - 10, colourOf(subject));
        x += Math.max(w, 2);
      }
      svg("text", { x: x + 4, y: y + 16, class: "v" }, s).textContent = totals[i];
    });
    fig.appendChild(s);
    const legend = document.createElement("ul");
    legend.className = "legend";
    legend.setAttribute("aria-label", "Subjects");
    for (const subject of subjectList) {
      const li = document.createElement("li");
      const sw = document.createElement("i");
      sw.style.background = colourOf(subject);
      li.append(sw, subject);
      legend.appendChild(li);
    }
    fig.appendChild(legend);
  }

  // Every month from the first meeting's to the last one's; every year,
  // when they span over 20 years (a date far off is worth seeing too).
  function periods(months) {
    const present = [...months.keys()].sort();
    if (!present.length) return { keys: [], yearly: false };
    const [y0, m0] = present[0].split("-").map(Number);
    const [y1, m1] = present[present.length - 1].split("-").map(Number);
    const n = (y1 - y0) * 12 + (m1 - m0) + 1;
    if (n > 240) {
      return { keys: Array.from({ length: y1 - y0 + 1 }, (_, i) => String(y0 + i)), yearly: true };
    }
    return { keys: Array.from({ length: n }, (_, i) => {
      const m = m0 - 1 + i;
      return `${y0 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    }), yearly: false };
  }

  function monthChart() {
    const fig = figure("chart-months", "Meetings by month", "Articles by the month their meeting was held.");
    const months = new Map();
    for (const a of articles) if (a.e[1] && /^\d{4}-\d\d/.test(a.e[1])) count(months, a.e[1].slice(0, 7));
    const { keys, yearly } = periods(months);
    if (!keys.length) return hbars(fig, [], "", "");
    const counts = new Map();
    for (const [m, n] of months) count(counts, yearly ? m.slice(0, 4) : m, n);
    if (yearly) {
      fig.querySelector("figcaption").textContent = "Meetings by year";
      fig.querySelector(".note").textContent = "Articles by the year their meeting was held (the dates span over 20 years).";
    }
    const { W } = widths(fig);
    const H = 150, B = 22, L = 34, max = Math.max(...counts.values());
    const bw = (W - L) / keys.length;
    const s = svg("svg", { viewBox: `0 0 ${W} ${H + B}`, role: "group",
      "aria-label": fig.querySelector("figcaption").textContent }, null);
    const every = Math.max(1, Math.ceil(64 / bw));
    keys.forEach((m, i) => {
      const n = counts.get(m) || 0, h = ((H - 16) * n) / max, x = L + i * bw;
      if (n) {
        bar(s, { kind: "month", value: m, label: `meetings in ${m}` }, `${m}: ${n} meetings`,
          x, H - h, Math.max(1, bw - 1), h, "#0b57a4");
      }
      if (i % every === 0 && x + 56 <= W) {
        svg("text", { x: x, y: H + 16, class: "v" }, s).textContent = m;
      }
    });
    svg("line", { x1: L - 2, x2: L - 2, y1: 16, y2: H, stroke: "#767676" }, s);
    svg("text", { x: L - 6, y: 22, "text-anchor": "end", class: "v" }, s).textContent = max;
    svg("text", { x: L - 6, y: H, "text-anchor": "end", class: "v" }, s).textContent = 0;
    fig.appendChild(s);
  }

  function typeChart() {
    const fig = figure("chart-types", "Meetings by type");
    const types = new Map();
    for (const a of articles) if (!a.x) count(types, a.e[0] || "(none)");
    hbars(fig, top(types, TOP).map(([t, n]) => [t, n, { kind: "type", value: t, label: `meeting: ${t}` }]),
      "articles", "#00707a");
  }

  function directiveCharts() {
    const types = new Map(), docs = new Map();
    for (const a of articles) {
      const seenTypes = new Set();
      for (const [type, number] of a.d) {
        seenTypes.add(type || "(none)");
        count(docs, number);
      }
      for (const t of seenTypes) count(types, t);
    }
    hbars(figure("chart-dirtypes", "Directive types", "Articles citing a document of each kind."),
      top(types, TOP).map(([t, n]) => [t, n, { kind: "dirtype", value: t, label: `cites a ${t}` }]),
      "articles", "#7a3ea8");
    hbars(figure("chart-docs", "Most cited documents", "Articles citing each document."),
      top(docs, TOP).map(([d, n]) => [d, n, { kind: "doc", value: d, label: `cites ${d}` }]),
      "articles", "#0b57a4");
  }

  function officialChart() {
    const names = new Map();
    for (const a of articles) for (const name of a.o) count(names, name);
    hbars(figure("chart-officials", "Most frequent officials", "Articles naming each person."),
      top(names, TOP).map(([o, n]) => [o, n, { kind: "official", value: o, label: `names ${o}` }]),
      "articles", "#226b12");
  }

  // ---- one article ----------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }

  // The facts of a record with spans, in table order: [kind, fact, spans, cells].
  function facts(r) {
    const out = [];
    for (const d of r.dates) out.push(["date", [d.span], [d.text, d.value + (d.year_inferred ? " (year inferred)" : "")]]);
    for (const d of r.directives) {
      out.push(["directive", [d.span], [d.text, [d.type, d.number, d.date, d.issuer].filter(Boolean).join(" · ")]]);
    }
    for (const o of r.officials) {
      out.push(["official", o.spans, [[o.honorific, o.name].filter(Boolean).join(" "), o.roles.join("; ")]]);
    }
    for (const t of r.tallies) {
      const fig = [t.count !== null ? t.count : null, t.total !== null ? `of ${t.total}` : null,
        t.percent !== null ? `${t.percent}%` : null].filter((x) => x !== null).join(" ");
      out.push(["tally", [t.span], [t.text, `${t.rating}${t.or_above ? " or above" : ""} · ${t.subject || "?"} · ${fig}`]]);
    }
    for (const t of r.attendance) {
      const fig = [t.approximate ? "about" : null, t.present, t.total !== null ? `of ${t.total}` : null,
        t.percent !== null ? `${t.percent}%` : null].filter((x) => x !== null).join(" ");
      out.push(["attendance", [t.span], [t.text, fig]]);
    }
    return out;
  }

  // The text with each span a <mark>: segments between span edges, each
  // marked by the innermost span over it; a fact's first segment holds its
  // id. One sweep over the edges: a page with thousands of spans stays fast.
  function highlighted(text, list, art) {
    const spans = [];
    list.forEach(([kind, sp], f) => sp.forEach(([a, b]) => {
      if (a >= 0 && b <= text.length && a < b) spans.push({ a, b, kind, f });
    }));
    spans.sort((x, y) => x.a - y.a || y.b - x.b);
    const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.a, s.b])])].sort((x, y) => x - y);
    const div = el("div", { class: "text", tabindex: "0", role: "region", "aria-label": "Article text" });
    const started = new Set();
    let active = [], next = 0;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i], b = cuts[i + 1];
      active = active.filter((s) => s.b > a);
      while (next < spans.length && spans[next].a === a) active.push(spans[next++]);
      if (!active.length) {
        div.append(text.slice(a, b));
        continue;
      }
      let inner = active[0];
      for (const s of active) if (s.b - s.a < inner.b - inner.a) inner = s;
      const m = el("mark", { class: `k-${inner.kind}`, "data-f": inner.f, tabindex: "-1",
        title: `${inner.kind}: back to the fact` }, text.slice(a, b));
      for (const s of active) {
        if (s.a !== a || started.has(s.f)) continue;
        started.add(s.f);
        if (s === inner) m.id = `s-${art}-${s.f}`;
        else div.append(el("span", { id: `s-${art}-${s.f}`, "data-f": s.f }));
      }
      div.append(m);
    }
    return div;
  }

  function flash(nodes) {
    for (const n of nodes) {
      n.classList.add("flash");
      setTimeout(() => n.classList.remove("flash"), 1600);
    }
  }

  function factTables(list, art) {
    const box = el("section", { class: "facts", "aria-label": "Facts" });
    let any = false;
    for (const [, kind, title] of KINDS) {
      const rows = list.map((x, f) => [x, f]).filter(([x]) => x[0] === kind);
      if (!rows.length) continue;
      any = true;
      const table = el("table", {}, el("caption", {}, el("i", { class: `k-${kind}`, "aria-hidden": "true" }), " ", title));
      table.append(el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "As written"),
        el("th", { scope: "col" }, "Value"))));
      const tbody = el("tbody");
      for (const [[, , cells], f] of rows) {
        const go = el("a", { href: `#s-${art}-${f}`, class: "go", "data-f": f,
          "aria-label": `${cells[0]}: show in the text` }, cells[0] || "(no text)");
        tbody.append(el("tr", { id: `f-${art}-${f}` }, el("td", {}, go), el("td", {}, cells[1] || "")));
      }
      table.append(tbody);
      box.append(table);
    }
    if (!any) box.append(el("p", { class: "none" }, "No facts found."));
    return box;
  }

  function card(a, d) {
    const art = a.i;
    const h = el("h3", { id: `h-${art}` }, a.t || a.s || "(untitled)");
    const node = el("article", { class: "art", id: `art-${art}`, "aria-labelledby": `h-${art}`, "data-source": a.s });
    node.append(h, el("p", { class: "src" }, a.s || ""));
    if (a.x) {
      node.append(el("p", { class: "err" }, "Not read: ", a.x));
      return node;
    }
    const r = d.r;
    const meta = el("dl", { class: "meta" });
    const add = (k, v) => { if (v) meta.append(el("dt", {}, k), el("dd", {}, v)); };
    const ev = r.event || {};
    add("Meeting", [ev.type, ev.date, ev.organization].filter(Boolean).join(" · ") || "—");
    if (!r.title) add("Title", "— (the heading is the source)");
    add("Author", r.author || "—");
    add("Published", r.published || "—");
    node.append(meta);
    for (const w of r.warnings || []) node.append(el("p", { class: "warn" }, "Warning: ", w));
    const list = facts(r);
    const text = highlighted(d.text, list, art);
    node.append(el("div", { class: "body" }, factTables(list, art), text));
    node.addEventListener("click", (ev2) => {
      const go = ev2.target.closest("a.go");
      const mark = ev2.target.closest("mark");
      if (go) {
        ev2.preventDefault();
        const f = go.dataset.f;
        const target = document.getElementById(`s-${art}-${f}`);
        if (!target) return;
        const marks = [...text.querySelectorAll(`mark[data-f="${f}"]`)];
        const first = target.tagName === "MARK" ? target : target.nextElementSibling || target;
        first.scrollIntoView({ block: "center" });
        (marks[0] || first).focus({ preventScroll: true });
        flash(marks.length ? marks : [first]);
      } else if (mark) {
        back(art, mark.dataset.f);
      }
    });
    node.addEventListener("keydown", (ev2) => {
      const mark = ev2.target.closest("mark");
      if (mark && (ev2.key === "Enter" || ev2.key === " ")) { ev2.preventDefault(); back(art, mark.dataset.f); }
    });
    return node;
  }

  function back(art, f) {
    const row = document.getElementById(`f-${art}-${f}`);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    row.querySelector("a.go").focus({ preventScroll: true });
    flash([row]);
  }

  // ---- the list --------------------------------------------------------------
  let renderId = 0;

  async function renderList(list) {
    const id = ++renderId;
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const slice = list.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
    const needed = [...new Set(slice.filter((a) => !a.x).map((a) => a.b))];
    const loaded = new Map(await Promise.all(needed.map(async (b) => [b, await details(b)])));
    if (id !== renderId) return; // a newer render has started
    performance.mark("vnx-details");
    const box = $("#list");
    box.replaceChildren(...slice.map((a) => card(a, a.x ? null : loaded.get(a.b)[a.k])));
    for (const nav of document.querySelectorAll("nav.pager")) pager(nav, pages);
    document.documentElement.dataset.state = "ready";
  }

  function pager(nav, pages) {
    const prev = el("button", { type: "button" }, "← Previous");
    const next = el("button", { type: "button" }, "Next →");
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    const go = (p) => { state.page = p; update(); $("#list-heading").focus(); $("#list-heading").scrollIntoView(); };
    prev.addEventListener("click", () => go(state.page - 1));
    next.addEventListener("click", () => go(state.page + 1));
    nav.replaceChildren(prev, el("span", {}, `Page ${state.page + 1} of ${pages}`), next);
  }

  function renderChips() {
    const ul = $("#chips");
    ul.replaceChildren(...state.chips.map((c) => {
      const b = el("button", { type: "button", "aria-label": `Remove the filter ${c.label}` }, `${c.label} ✕`);
      b.addEventListener("click", () => toggleChip(c));
      return el("li", {}, b);
    }));
    for (const g of document.querySelectorAll("svg .bar")) {
      const c = JSON.parse(g.dataset.chip);
      const on = state.chips.some((x) => x.kind === c.kind && x.value === c.value && x.rating === c.rating &&
        x.subject === c.subject);
      g.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  async function ensureTexts() {
    if (!textsLoaded) {
      textsLoaded = (async () => {
        await parsed;
        for (let b = 0; b < detailCount(); b++) {
          const ds = await details(b);
          for (const a of articles) if (a.b === b && !a.x && ds[a.k]) a.textKey = fold(ds[a.k].text);
        }
      })();
    }
    return textsLoaded;
  }

  // Show the list as the filters say (callers set state.page).
  async function update() {
    renderChips();
    if (state.q.trim()) {
      $("#count").textContent = "Searching the article texts…";
      await ensureTexts();
    }
    const list = filtered();
    const filteredBy = state.q || state.field || state.warn || state.chips.length;
    $("#count").textContent = filteredBy ? `${list.length} of ${articles.length} articles match.`
      : `${articles.length} articles.`;
    await renderList(list);
  }

  // ---- start -------------------------------------------------------------------
  async function start() {
    const index = document.getElementById("index");
    const block = Number(index.dataset.block);
    articles = JSON.parse(index.textContent);
    articles.forEach((a, i) => {
      a.i = i;
      a.b = Math.floor(i / block); // its detail block, and its place there
      a.k = i % block;
      a.r = a.r || []; a.d = a.d || []; a.o = a.o || []; a.w = a.w || []; a.e = a.e || [];
      a.n = a.n || [0, 0, 0, 0, 0];
    });
    performance.mark("vnx-index");
    const failed = articles.filter((a) => a.x).length;
    $("#total").textContent = `${articles.length} articles` + (failed ? `, ${failed} not read` : "");
    ratingChart();
    monthChart();
    typeChart();
    directiveCharts();
    officialChart();
    performance.mark("vnx-charts");
    let timer = 0;
    $("#q").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.q = $("#q").value; state.page = 0; update(); }, 200);
    });
    $("#field").addEventListener("change", () => { state.field = $("#field").value; state.page = 0; update(); });
    $("#warn").addEventListener("change", () => { state.warn = $("#warn").value; state.page = 0; update(); });
    $("#filters").addEventListener("submit", (ev) => ev.preventDefault());
    $("#clear").addEventListener("click", () => {
      Object.assign(state, { q: "", field: "", warn: "", chips: [], page: 0 });
      $("#q").value = ""; $("#field").value = ""; $("#warn").value = "";
      update();
    });
    await update();
    performance.mark("vnx-ready");
    document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  }

  start().catch((e) => {
    document.documentElement.dataset.state = "error";
    const p = document.createElement("p");
    p.className = "err";
    p.textContent = `The page could not read its data: ${e}`;
    $("main").prepend(p);
    console.error(e);
  });
})();
