// detente dashboard. Every string from the API is untrusted article text: the DOM is built
// with createElement/textContent only (never innerHTML), and strings given to Plotly (which
// renders a subset of HTML in hover text) are escaped first.
"use strict";

const QUAD_COLOURS = { 1: "#1a9850", 2: "#006837", 3: "#f46d43", 4: "#a50026" };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const PHASE_COLOURS = { hostile: "rgba(178,24,43,0.16)", cold: "rgba(103,169,207,0.20)", neutral: "rgba(160,160,160,0.14)",
  warm: "rgba(253,174,97,0.22)", cooperative: "rgba(26,152,80,0.16)" };

const $ = (id) => document.getElementById(id);
const state = { names: {}, timeline: null, phases: [], selected: null, seq: 0, compareSeq: 0, located: null, mapTotal: 0, mapFetched: 0 };

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function esc(text) {
  return String(text === null || text === undefined ? "" : text)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function shorten(text, n) {
  const s = String(text || "").replace(/\s+/g, " ").trim();
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

const signed = (x) => (x > 0 ? "+" : x < 0 ? "−" : "") + Math.abs(Number(x || 0)).toFixed(1);
const name = (code) => state.names[code] || code || "?";
const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u.trim()) ? u.trim() : null);

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`);
  return body;
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text || "";
  status.classList.toggle("error", Boolean(isError));
}

// -- controls ---------------------------------------------------------------------------------
async function init() {
  try {
    const [countries, codes, store] = await Promise.all([api("/api/countries"), api("/api/codes"), api("/api/status")]);
    if (store.empty) { showEmpty(store); return; }
    fillCountries(countries.countries);
    fillCodes(codes);
    await chooseDefaults(countries.countries);
    for (const id of ["country-a", "country-b", "by", "since", "until"]) $(id).addEventListener("change", load);
    $("code-family").addEventListener("change", () => render());
    $("compare-go").addEventListener("click", compare);
    $("compare-dyads").addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); compare(); } });
    window.addEventListener("resize", () => { if (window.Plotly && state.timeline) Plotly.Plots.resize($("chart")); });
    await load();
  } catch (err) {
    setStatus("Cannot load the store: " + err.message, true);
  }
}

function showEmpty(store) {
  // No events: say so and show the command that fills the store, instead of a blank chart.
  setStatus("");
  $("empty").replaceChildren(el("h2", {}, "No events in this store"), el("p", {}, store.message),
    el("pre", {}, el("code", {}, store.command)),
    el("p", { className: "muted" }, "detente code reads files, folders, URLs and feeds (see detente code --help)."));
  $("empty").hidden = false;
  for (const id of ["controls", "chart", "phases-box", "map-box", "compare-box"]) if ($(id)) $(id).hidden = true;
  document.querySelector(".columns").hidden = true;
}

function fillCountries(countries) {
  for (const id of ["country-a", "country-b"]) {
    const select = $(id);
    select.replaceChildren(el("option", { value: "" }, "—"));
    for (const c of countries) {
      state.names[c.code] = c.name;
      select.append(el("option", { value: c.code }, `${c.name} (${c.code}) · ${c.n_events}`));
    }
  }
}

function fillCodes(codes) {
  const select = $("code-family");
  const quads = el("optgroup", { label: "Quad class" },
    codes.quad_classes.map((q) => el("option", { value: "quad:" + q.quad_class }, q.name)));
  const roots = el("optgroup", { label: "CAMEO root" },
    codes.roots.map((r) => el("option", { value: "root:" + r.code }, `${r.code} ${r.name}`)));
  select.append(quads, roots);
}

async function chooseDefaults(countries) {
  const params = new URLSearchParams(location.hash.slice(1));
  let a = params.get("a"), b = params.get("b");
  if (!a && countries.length) a = countries[0].code;
  if (a && !b) {
    const found = await api(`/api/partners/${encodeURIComponent(a)}?limit=1`).catch(() => ({ partners: [] }));
    b = found.partners.length ? found.partners[0].country : (countries[1] || {}).code;
  }
  if (a) $("country-a").value = a;
  if (b) $("country-b").value = b;
}

// Dates are typed as ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), as everywhere else in detente; a
// browser's date picker would show the locale's order (mm/dd/yyyy).
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function isoDate(id) {
  const value = $(id).value.trim();
  return ISO_DATE.test(value) ? value : "";
}

function addDates(q) {
  for (const id of ["since", "until"]) if (isoDate(id)) q.set(id, isoDate(id));
  return q;
}

function datesValid() {
  const bad = ["since", "until"].filter((id) => $(id).value.trim() && !isoDate(id));
  for (const id of ["since", "until"]) $(id).classList.toggle("invalid", bad.includes(id));
  if (bad.length) setStatus(`Dates are YYYY, YYYY-MM or YYYY-MM-DD (${bad.map((id) => $(id).value.trim()).join(", ")})`, true);
  return !bad.length;
}

function query() {
  return addDates(new URLSearchParams({ by: $("by").value }));
}

// -- data -------------------------------------------------------------------------------------
async function load() {
  const a = $("country-a").value, b = $("country-b").value;
  if (!datesValid()) return;
  const seq = ++state.seq;
  if (!a || !b || a === b) {
    state.timeline = null;
    setStatus("Choose two different countries.");
    render();
    return;
  }
  location.hash = new URLSearchParams({ a, b }).toString();
  setStatus(`Loading ${name(a)}–${name(b)}…`);
  try {
    const base = `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
    const timeline = await api(`${base}/timeline?${query()}`);
    const q = query();
    q.set("by", timeline.by);
    const phases = await api(`${base}/phases?${q}`);
    if (seq !== state.seq) return; // a newer request won
    state.timeline = timeline;
    state.phases = phases.phases;
    state.located = null; // the map of the previous dyad goes until this one's events come
    setStatus("");
    render();
    loadMap(a, b, seq);
    if (!$("compare-dyads").value.trim()) $("compare-dyads").value = `${a}-${b}`;
    compare();
  } catch (err) {
    if (seq === state.seq) setStatus(err.message, true);
  }
}

function allEvents() {
  const tl = state.timeline;
  return tl ? tl.periods.flatMap((p) => p.events) : [];
}

function matchesFamily(e) {
  const value = $("code-family").value;
  if (!value) return true;
  const [kind, code] = value.split(":");
  return kind === "quad" ? String(e.quad_class) === code : String(e.cameo || "").startsWith(code);
}

// -- rendering --------------------------------------------------------------------------------
function render() {
  renderDownload();
  renderMap();
  renderSummary();
  renderChart();
  renderPhases();
  renderEvents();
}

function csvQuery() {
  // The events the dashboard shows: the dyad's asserted events in the dates and the type chosen.
  const tl = state.timeline;
  const q = new URLSearchParams({ dyad: `${tl.dyad[0]}-${tl.dyad[1]}`, modality: "asserted" });
  addDates(q);
  const family = $("code-family").value;
  if (family) {
    const [kind, code] = family.split(":");
    q.set(kind === "quad" ? "quad_class" : "code", code);
  }
  return q;
}

function renderDownload() {
  const link = $("download");
  link.hidden = !state.timeline;
  if (!state.timeline) return;
  const q = csvQuery();
  link.href = `/api/events.csv?${q}`;
  link.setAttribute("download", `events-${state.timeline.dyad[0]}-${state.timeline.dyad[1]}.csv`);
}

function renderSummary() {
  const tl = state.timeline, box = $("summary");
  if (!tl) { box.replaceChildren(); return; }
  const parts = [`${name(tl.dyad[0])}–${name(tl.dyad[1])}: ${tl.n_events} dated event(s) by ${tl.by}`,
    `${tl.n_articles} article(s) from ${tl.n_sources} source(s)`];
  if (tl.undated.length) parts.push(`${tl.undated.length} undated background event(s)`);
  if (tl.vague && tl.vague.length) parts.push(`${tl.vague.length} dated only to a span of years (not in the series)`);
  const excluded = Object.entries(tl.excluded).map(([m, n]) => `${n} ${m}`).join(", ");
  if (excluded) parts.push(`not counted: ${excluded}`);
  box.replaceChildren(parts.join(" · "));
}

function eventHover(e) {
  const ev = e.evidence || {};
  const lines = [`<b>${esc(e.date_label)}</b> ${esc(side(e.source_country, e.source_name, e.source_sector))} → `
    + esc(side(e.target_country, e.target_name, e.target_sector)),
    `${esc(e.cameo)} ${esc(e.cameo_name)} · ${esc(e.plover || "")}`,
    `Goldstein ${esc(signed(e.goldstein))}` + (e.score !== null && e.score !== e.goldstein ? `, counted ${esc(signed(e.score))} (engages the opposition)` : "")];
  if (ev.sentence) lines.push("“" + esc(shorten(ev.sentence, 150)) + "”");
  if (ev.title) lines.push(esc(shorten([ev.title, ev.publisher, ev.published].filter(Boolean).join(" · "), 110)));
  lines.push("<i>click to read the evidence</i>");
  return lines.join("<br>");
}

function eventX(e) {
  if (e.date_start && e.date_end && e.date_end > e.date_start) {
    const a = Date.parse(e.date_start), b = Date.parse(e.date_end);
    return new Date((a + b) / 2).toISOString().slice(0, 10);
  }
  return e.date_start;
}

function renderChart() {
  const chart = $("chart"), tl = state.timeline;
  if (!window.Plotly) { setStatus("Plotly did not load.", true); return; }
  if (!tl) { Plotly.purge(chart); chart.replaceChildren(); return; }
  const mid = (p) => new Date((Date.parse(p.start) + Date.parse(p.end)) / 2).toISOString().slice(0, 10);
  const xs = tl.periods.map(mid);
  // Periods without events have no index: the line breaks there (nothing is drawn across them),
  // and the 95% band is an error bar on each period of two events or more (one event's band spans
  // nearly the whole scale and says nothing: its marker is hollow instead).
  const gapX = [], gapY = [];
  tl.periods.forEach((p, i) => {
    if (i && Date.parse(tl.periods[i - 1].end) + 86400000 !== Date.parse(p.start)) { gapX.push(null); gapY.push(null); }
    gapX.push(xs[i]); gapY.push(p.index);
  });
  const traces = [
    { x: gapX, y: gapY, mode: "lines", line: { color: "#333", width: 2 }, hoverinfo: "skip", showlegend: false, connectgaps: false },
    { x: xs, y: tl.periods.map((p) => p.index), mode: "markers", name: "relations index (95% band)",
      marker: { size: 8, color: tl.periods.map((p) => (p.n_events > 1 ? "#333" : "white")), line: { color: "#333", width: 2 } },
      error_y: { type: "data", symmetric: false, array: tl.periods.map((p) => (p.n_events > 1 ? p.index_high - p.index : 0)),
        arrayminus: tl.periods.map((p) => (p.n_events > 1 ? p.index - p.index_low : 0)), color: "rgba(60,60,60,0.35)", thickness: 6, width: 0 },
      hoverinfo: "text",
      hovertext: tl.periods.map((p) => `<b>${esc(p.period)}</b>: index ${esc(signed(p.index))} `
        + (p.n_events > 1 ? `[${esc(signed(p.index_low))}, ${esc(signed(p.index_high))}]` : "(one event: no band)") + `<br>${p.n_events} event(s)`) },
  ];
  const events = allEvents().filter(matchesFamily);
  for (const quad of [1, 2, 3, 4]) {
    const group = events.filter((e) => e.quad_class === quad);
    if (!group.length) continue;
    traces.push({ x: group.map(eventX), y: group.map((e) => (e.score !== null ? e.score : e.goldstein)), mode: "markers",
      name: QUAD_NAMES[quad], customdata: group.map((e) => e.event_id), hoverinfo: "text", hovertext: group.map(eventHover),
      marker: { color: QUAD_COLOURS[quad], size: group.map((e) => 9 + 2 * Math.min(e.num_mentions, 6)), opacity: 0.85,
        symbol: group.map((e) => (e.score !== null && e.score !== e.goldstein ? "diamond" : "circle")),
        line: { width: 1, color: "white" } } });
  }
  const shapes = state.phases.map((p) => ({ type: "rect", xref: "x", yref: "paper", x0: p.start, x1: p.end, y0: 0, y1: 1,
    fillcolor: PHASE_COLOURS[p.label], line: { width: 0 }, layer: "below" }));
  shapes.push({ type: "line", xref: "paper", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: "#999", width: 1, dash: "dot" } });
  const annotations = state.phases.map((p) => ({ x: p.start, y: 1, xref: "x", yref: "paper", xanchor: "left", yanchor: "top",
    text: esc(p.label), showarrow: false, font: { size: 12, color: "#444" } }));
  if (!tl.periods.length) {  // say why the chart is empty, and what to change
    annotations.push({ x: 0.5, y: 0.5, xref: "paper", yref: "paper", showarrow: false, font: { size: 14, color: "#666" },
      text: `No dated, asserted events between ${esc(name(tl.dyad[0]))} and ${esc(name(tl.dyad[1]))}`
        + ($("since").value || $("until").value ? " in these dates: widen them" : ": choose another pair") });
  }
  const layout = { template: "plotly_white", height: 440, margin: { l: 60, r: 20, t: 20, b: 40 }, shapes, annotations,
    yaxis: { title: { text: "relations index (Goldstein scale)" }, range: [-10.5, 10.5], zeroline: false },
    xaxis: { type: "date" }, legend: { orientation: "h", y: -0.12 }, hoverlabel: { align: "left" }, hovermode: "closest" };
  Plotly.react(chart, traces, layout, { displaylogo: false, responsive: true });
  if (!chart.dataset.bound) {
    chart.on("plotly_click", (ev) => {
      const point = ev.points && ev.points[0];
      if (point && point.customdata) showEvent(point.customdata);
    });
    chart.dataset.bound = "1";
  }
}

const SECTOR_WORDS = { OPP: "opposition", REB: "rebels", INS: "insurgents", SEP: "separatists", UAF: "armed group" };

function side(country, actorName, sector) {
  // The country's name, or for its opposition / armed groups: who they are.
  if (!SECTOR_WORDS[sector]) return name(country);
  const who = `${name(country)} ${SECTOR_WORDS[sector]}`;
  return actorName && actorName !== name(country) ? `${actorName} (${who})` : who;
}

function describe(e) {
  return `${e.cameo_name || e.cameo} (${side(e.source_country, e.source_name, e.source_sector)} → `
    + `${side(e.target_country, e.target_name, e.target_sector)}, ${e.date_label})`;
}

function renderPhases() {
  const list = $("phases");
  list.replaceChildren(...state.phases.map((p) => el("li", {},
    el("span", { className: "label " + p.label }, p.label), " ",
    `${p.first_period === p.last_period ? p.first_period : p.first_period + " – " + p.last_period} · index ${signed(p.index)} `,
    el("span", { className: "muted" }, `[${signed(p.index_low)}, ${signed(p.index_high)}] · ${p.n_events} event(s)`),
    p.turning_events.length ? el("div", { className: "muted" }, "turning point: ",
      ...p.turning_events.slice(0, 2).map((e, i) => [i ? "; " : "",
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); showEvent(e.event_id); } }, describe(e))])) : null)));
  if (!state.phases.length) list.replaceChildren(el("li", { className: "muted" }, "No phases: no dated events."));
}

function eventRow(e, undated) {
  const g = Number(e.goldstein || 0);
  const row = el("tr", { tabindex: "0", className: undated ? "undated" : null, dataset: { eventId: e.event_id },
    onclick: () => showEvent(e.event_id), onkeydown: (ev) => { if (ev.key === "Enter") showEvent(e.event_id); } },
    el("td", { className: "nowrap" }, e.date_label),
    el("td", { className: "nowrap", title: `${side(e.source_country, e.source_name, e.source_sector)} → ${side(e.target_country, e.target_name, e.target_sector)}` },
      `${e.source_country || "?"} → ${e.target_country || "?"}`),
    el("td", {}, el("span", { className: "code" }, e.cameo), " ", e.cameo_name || "", el("br"),
      el("span", { className: "muted" }, e.plover || "–")),
    el("td", { className: "num " + (g > 0 ? "pos" : g < 0 ? "neg" : "") }, signed(g)),
    el("td", {}, shorten(e.evidence ? e.evidence.sentence : "", 140)));
  if (state.selected === e.event_id) row.classList.add("selected");
  return row;
}

function renderEvents() {
  const body = $("events").querySelector("tbody");
  const tl = state.timeline;
  if (!tl) { body.replaceChildren(); $("events-count").textContent = ""; return; }
  const dated = allEvents().filter(matchesFamily).slice().reverse();
  const undated = tl.undated.filter(matchesFamily);
  const rows = dated.map((e) => eventRow(e, false));
  if (undated.length) {
    rows.push(el("tr", { className: "undated" }, el("td", { colspan: "5", className: "muted" }, "Undated background events (not in the index)")));
    rows.push(...undated.map((e) => eventRow(e, true)));
  }
  body.replaceChildren(...rows);
  $("events-count").textContent = `${dated.length} dated, ${undated.length} undated · newest first`;
}

// -- map --------------------------------------------------------------------------------------
// Plotly's scattergeo on the world map served by the app (static/topojson): no tiles, no network.
async function loadMap(a, b, seq) {
  const q = new URLSearchParams({ dyad: `${a}-${b}`, modality: "asserted", limit: "1000" });
  addDates(q);
  try {
    const found = await api(`/api/events?${q}`);
    if (seq !== state.seq) return;
    state.located = found.events.filter((e) => e.location && Number.isFinite(e.location.lat) && Number.isFinite(e.location.lon));
    state.mapTotal = found.total;
    state.mapFetched = found.events.length;
  } catch (err) {
    state.located = [];
    $("map-count").textContent = "· " + err.message;
    return;
  }
  renderMap();
}

function mapRanges(groups) {
  // The places with a margin around them (at least 25 degrees across), or the whole world.
  if (!groups.length) return {};
  const lats = groups.map((g) => g[0].location.lat), lons = groups.map((g) => g[0].location.lon);
  const pad = (lo, hi, min, top) => {
    const half = Math.max((hi - lo) * 0.65, min / 2), mid = (lo + hi) / 2;
    return [Math.max(-top, mid - half), Math.min(top, mid + half)];
  };
  return { lataxis: { range: pad(Math.min(...lats), Math.max(...lats), 25, 85) },
    lonaxis: { range: pad(Math.min(...lons), Math.max(...lons), 40, 180) } };
}

function renderMap() {
  const box = $("map");
  if (!window.Plotly || !state.timeline || !state.located) { $("map-count").textContent = ""; return; }
  const events = state.located.filter(matchesFamily);
  const places = new Map(); // one marker per place, sized by its number of events
  for (const e of events) {
    const key = `${e.location.lat},${e.location.lon}`;
    if (!places.has(key)) places.set(key, []);
    places.get(key).push(e);
  }
  const groups = [...places.values()];
  const hover = groups.map((g) => {
    const loc = g[0].location;
    const lines = [`<b>${esc(loc.name)}</b>${loc.country ? " (" + esc(loc.country) + ")" : ""}: ${g.length} event(s)`];
    for (const e of g.slice(0, 6)) lines.push(`${esc(e.date_start || "undated")} ${esc(e.cameo)} ${esc(e.cameo_name || "")}`);
    if (g.length > 6) lines.push(`… ${g.length - 6} more`);
    return lines.join("<br>");
  });
  const colour = (g) => { const m = g.reduce((s, e) => s + Number(e.goldstein || 0), 0) / g.length; return m; };
  const trace = { type: "scattergeo", mode: "markers", lat: groups.map((g) => g[0].location.lat), lon: groups.map((g) => g[0].location.lon),
    customdata: groups.map((g) => g[0].event_id), hoverinfo: "text", hovertext: hover, showlegend: false,
    marker: { size: groups.map((g) => 8 + 4 * Math.min(Math.sqrt(g.length), 5)), color: groups.map(colour), cmin: -10, cmax: 10,
      colorscale: [[0, "#a50026"], [0.5, "#f7f7f7"], [1, "#1a9850"]], line: { width: 1, color: "#333" }, opacity: 0.85,
      colorbar: { title: { text: "mean Goldstein" }, thickness: 10, len: 0.8 } } };
  const layout = { height: 360, margin: { l: 0, r: 0, t: 0, b: 0 }, hoverlabel: { align: "left" },
    geo: { scope: "world", resolution: 110, projection: { type: "natural earth" }, showcountries: true, countrycolor: "#bbb",
      showland: true, landcolor: "#f2f2ee", showocean: true, oceancolor: "#e8f0f6", ...mapRanges(groups) } };
  Plotly.react(box, [trace], layout, { displaylogo: false, responsive: true, topojsonURL: "/static/topojson/" });
  if (!box.dataset.bound) {
    box.on("plotly_click", (ev) => { const p = ev.points && ev.points[0]; if (p && p.customdata) showEvent(p.customdata); });
    box.dataset.bound = "1";
  }
  $("map-count").textContent = `· ${events.length} located event(s) at ${groups.length} place(s)`
    + (state.mapTotal > state.mapFetched ? ` (among the first ${state.mapFetched} of ${state.mapTotal} events)` : "");
}

// -- comparison -------------------------------------------------------------------------------
const COMPARE_COLOURS = ["#24384a", "#d95f02", "#7570b3"];

function parseDyads(text) {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length || parts.length > 3) throw new Error("Give one to three dyads, e.g. IRN-TJK, IRN-AFG.");
  return parts.map((p) => {
    const m = /^([A-Za-z]{3})[-–>/]([A-Za-z]{3})$/.exec(p);
    if (!m || m[1].toUpperCase() === m[2].toUpperCase()) throw new Error(`Not a dyad: ${p} (write two country codes: IRN-TJK).`);
    return [m[1].toUpperCase(), m[2].toUpperCase()];
  });
}

function lineWithGaps(tl) {
  // One point per period with events; the line breaks where periods are missing.
  const xs = [], ys = [], text = [];
  tl.periods.forEach((p, i) => {
    if (i && Date.parse(tl.periods[i - 1].end) + 86400000 !== Date.parse(p.start)) { xs.push(null); ys.push(null); text.push(""); }
    xs.push(new Date((Date.parse(p.start) + Date.parse(p.end)) / 2).toISOString().slice(0, 10));
    ys.push(p.index);
    text.push(`<b>${esc(name(tl.dyad[0]))}–${esc(name(tl.dyad[1]))}, ${esc(p.period)}</b>: index ${esc(signed(p.index))} `
      + `[${esc(signed(p.index_low))}, ${esc(signed(p.index_high))}]<br>${p.n_events} event(s)`);
  });
  return { xs, ys, text };
}

async function compare() {
  const seq = ++state.compareSeq;
  const chart = $("compare-chart");
  let dyads;
  try { dyads = parseDyads($("compare-dyads").value); } catch (err) { $("compare-status").textContent = err.message; $("compare-status").classList.add("error"); return; }
  $("compare-status").classList.remove("error");
  $("compare-status").textContent = "Loading…";
  const q = query();
  if (state.timeline) q.set("by", state.timeline.by); // the periods of the main chart, so the lines compare
  try {
    const lines = await Promise.all(dyads.map(([a, b]) =>
      api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?${q}`)));
    if (seq !== state.compareSeq || !window.Plotly) return;
    const traces = lines.map((tl, i) => {
      const line = lineWithGaps(tl);
      return { x: line.xs, y: line.ys, mode: "lines+markers", name: `${name(tl.dyad[0])}–${name(tl.dyad[1])} (${tl.n_events})`,
        line: { color: COMPARE_COLOURS[i], width: 2 }, marker: { size: 6 }, hoverinfo: "text", hovertext: line.text };
    });
    const empty = lines.filter((tl) => !tl.n_events).map((tl) => `${tl.dyad[0]}-${tl.dyad[1]}`);
    $("compare-status").textContent = empty.length ? `No dated events for ${empty.join(", ")}.` : "";
    const layout = { template: "plotly_white", height: 320, margin: { l: 60, r: 20, t: 10, b: 40 },
      yaxis: { title: { text: "relations index" }, range: [-10.5, 10.5], zeroline: true, zerolinecolor: "#bbb" },
      xaxis: { type: "date" }, legend: { orientation: "h", y: -0.2 }, hoverlabel: { align: "left" }, hovermode: "closest" };
    Plotly.react(chart, traces, layout, { displaylogo: false, responsive: true });
  } catch (err) {
    if (seq === state.compareSeq) { $("compare-status").textContent = err.message; $("compare-status").classList.add("error"); }
  }
}

// -- evidence ---------------------------------------------------------------------------------
async function showEvent(eventId) {
  state.selected = eventId;
  for (const row of $("events").querySelectorAll("tbody tr")) row.classList.toggle("selected", row.dataset.eventId === eventId);
  const box = $("evidence");
  box.replaceChildren(el("p", { className: "muted" }, "Loading the evidence…"));
  try {
    const record = await api(`/api/events/${encodeURIComponent(eventId)}`);
    await renderEvidence(record, 0);
  } catch (err) {
    box.replaceChildren(el("p", { className: "status error" }, err.message));
  }
}

async function renderEvidence(record, index) {
  const box = $("evidence");
  const mention = record.mentions[index];
  const article = mention ? (await api(`/api/articles/${encodeURIComponent(mention.article_id)}`)).article : null;
  const src = record.source || {}, tgt = record.target || {};
  const facts = [record.date_start ? `${record.date_start}${record.date_end && record.date_end !== record.date_start ? " – " + record.date_end : ""} (${record.date_precision})` : "undated",
    `${record.modality}${record.reported ? ", reported" : ""}`, `Goldstein ${signed(record.goldstein)}`,
    `confidence ${Number(record.confidence || 0).toFixed(2)}`];
  const nodes = [
    el("h3", {}, `${record.cameo} ${record.cameo_name || ""}`, record.plover ? ` · ${record.plover}` : ""),
    el("p", { className: "facts" }, `${src.name || src.text || name(src.country)} (${src.country || "?"}${src.sector ? " " + src.sector : ""}) → `
      + `${tgt.name || tgt.text || name(tgt.country)} (${tgt.country || "?"}${tgt.sector ? " " + tgt.sector : ""})`, el("br"), facts.join(" · ")),
  ];
  if (record.mentions.length > 1) {
    nodes.push(el("div", { className: "mentions" }, record.mentions.map((m, i) => el("button", { type: "button",
      "aria-pressed": i === index ? "true" : "false", title: m.title || m.article_id, onclick: () => renderEvidence(record, i) },
    `${i + 1}. “${shorten(m.sentence, 44)}”`))));
  }
  if (mention && article) nodes.push(...articleView(article, mention));
  box.replaceChildren(...nodes);
  const mark = box.querySelector("mark.sentence");
  if (mark) mark.scrollIntoView({ block: "center", behavior: "auto" });
}

function articleView(article, mention) {
  const url = safeUrl(article.url);
  const title = url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, article.title || article.id)
    : el("strong", {}, article.title || article.id);
  const meta = el("div", { className: "article-meta" }, title,
    el("span", { className: "muted" }, [article.publisher, article.published].filter(Boolean).map((x) => " · " + x).join("")),
    el("div", { className: "muted" }, `trigger “${mention.trigger}” · rule ${mention.rule}`));
  return [meta, el("div", { className: "article-body" }, highlighted(article.body || "", mention))];
}

function highlighted(body, m) {
  // The sentence at its offsets in the body (found by search when the offsets do not match),
  // the trigger marked inside it; everything as text nodes.
  let start = m.char_start, end = m.char_end;
  if (!(start >= 0 && end <= body.length && body.slice(start, end) === m.sentence)) {
    start = body.indexOf(m.sentence);
    end = start + m.sentence.length;
  }
  if (start < 0) return [body, el("p", {}, el("mark", { className: "sentence" }, m.sentence))];
  const sentence = body.slice(start, end);
  let t = Number.isInteger(m.trigger_char) ? m.trigger_char - start : -1;
  if (!(t >= 0 && sentence.slice(t, t + m.trigger.length) === m.trigger)) t = m.trigger ? sentence.indexOf(m.trigger) : -1;
  const inner = t < 0 ? [sentence] : [sentence.slice(0, t), el("mark", { className: "trigger" }, sentence.slice(t, t + m.trigger.length)),
    sentence.slice(t + m.trigger.length)];
  return [body.slice(0, start), el("mark", { className: "sentence" }, ...inner), body.slice(end)];
}

document.addEventListener("DOMContentLoaded", init);
