// The wall: draws the room's state that the hub streams (server-sent events) on every change.
"use strict";

const STRINGS = JSON.parse(document.getElementById("strings").textContent);
const LANG = document.body.dataset.lang || "nl";
const SVG = "http://www.w3.org/2000/svg";
const seen = new Set();
let firstState = true;
let timerState = null;
let timerStamp = 0;

function tr(key, params) {
  let text = STRINGS[key] || key;
  for (const [name, value] of Object.entries(params || {})) text = text.split("{" + name + "}").join(String(value));
  return text;
}

function el(tag, attrs, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId(id) { return document.getElementById(id); }

function number(value) {
  const text = (Math.round(value * 10) / 10).toString();
  return LANG === "nl" ? text.replace(".", ",") : text;
}

function drawChart(state) {
  byId("line-x").setAttribute("x1", state.lines.x);
  byId("line-x").setAttribute("x2", state.lines.x);
  byId("line-y").setAttribute("y1", 100 - state.lines.y);
  byId("line-y").setAttribute("y2", 100 - state.lines.y);
  for (const [q, label] of Object.entries(state.quadrants)) byId("q-" + q).textContent = label;
  const shade = byId("quadrant-shading");
  shade.replaceChildren(el("svg:rect", {class: "shade", x: state.lines.x, y: 0, width: 100 - state.lines.x,
                                         height: 100 - state.lines.y}));
  const dots = byId("dots");
  const nodes = [];
  const labels = [];
  for (const p of state.players) {
    const cx = Math.max(1, Math.min(99, p.x));
    const cy = 100 - Math.max(1, Math.min(99, p.y));
    const isNew = !firstState && !seen.has(p.id);
    seen.add(p.id);
    const dot = el("svg:circle", {class: "dot" + (isNew ? " new" : ""), cx: cx, cy: cy, r: 2.0, "data-player": p.id});
    const tip = el("svg:title", {}, (p.label ? p.label + ": " : "") + Math.round(p.x) + " · " + Math.round(p.y));
    dot.appendChild(tip);
    nodes.push(dot);
    if (p.label) labels.push(el("svg:text", {class: "dot-label", x: cx + 2.2, y: cy + 1.1}, p.label));
  }
  dots.replaceChildren(...nodes, ...labels);
  let note = "";
  if (state.hidden) note = tr("room.hidden");
  else if (!state.players.length) note = tr("room.chart_empty");
  byId("chart-note").textContent = note;
  byId("counts").textContent = "· " + tr("room.counts", state.counts);
}

function drawTables(state) {
  const list = byId("tables");
  if (!state.tables.length) {
    list.replaceChildren(el("li", {class: "empty"}, tr("room.tables_empty")));
    return;
  }
  list.replaceChildren(...state.tables.map((t) => {
    const item = el("li", {class: (t.finished ? "done" : "") + (t.quiet ? " quiet" : ""), "data-table": t.number});
    item.appendChild(el("b", {}, tr("room.table", {number: t.number})));
    let line = t.phase_text;
    if (t.rounds && !t.finished && t.round) line = t.round + "/" + t.rounds + " · " + t.phase_text;
    if (t.finished) line = "✓ " + tr("room.table_done");
    if (t.quiet && !t.finished) line += " · " + tr("room.table_quiet");
    item.appendChild(el("div", {}, line));
    const bar = el("div", {class: "bar"});
    const fill = el("span");
    const share = t.finished ? 1 : (t.rounds ? Math.max(0, (t.round - 1) / t.rounds) : 0);
    fill.style.width = Math.round(share * 100) + "%";
    bar.appendChild(fill);
    item.appendChild(bar);
    return item;
  }));
}

function drawCoverage(state) {
  const list = byId("coverage");
  if (!state.coverage.length) {
    list.replaceChildren(el("li", {class: "empty"}, tr("room.nothing_yet")));
  } else {
    const top = Math.max(1, ...state.coverage.map((c) => c.total));
    list.replaceChildren(...state.coverage.map((c) => {
      const item = el("li", {class: c.total <= 0 ? "none" : "", "data-theme": c.theme});
      item.appendChild(el("span", {class: "label"}, c.label));
      const meter = el("span", {class: "meter"});
      const fill = el("span");
      fill.style.width = Math.round(100 * c.total / top) + "%";
      meter.appendChild(fill);
      item.appendChild(meter);
      item.appendChild(el("span", {class: "total"}, number(c.total)));
      const need = Math.round(c.need);
      item.appendChild(el("span", {class: "need", title: tr("room.coverage_need")}, "●".repeat(need) + "○".repeat(Math.max(0, 5 - need))));
      return item;
    }));
  }
  const question = byId("question");
  if (state.nobody.length) {
    question.textContent = tr("room.nobody", {names: state.nobody.join(", ")});
    question.className = "question";
  } else if (state.least) {
    question.textContent = tr("room.least", {name: state.least});
    question.className = "question";
  } else {
    question.textContent = tr("room.nothing_yet");
    question.className = "question quiet";
  }
}

function drawTimer() {
  const box = byId("timer");
  if (!timerState || !(timerState.running || timerState.paused)) { box.hidden = true; return; }
  let left = timerState.remaining;
  if (timerState.running) left = Math.max(0, left - (performance.now() - timerStamp) / 1000);
  let text;
  if (left <= 0) text = tr("room.timer_over");
  else if (left > 90) text = tr("room.timer_minutes", {minutes: Math.ceil(left / 60)});
  else text = tr("room.timer_seconds", {seconds: Math.ceil(left)});
  if (timerState.paused) text += " " + tr("room.timer_paused");
  box.textContent = text;
  box.classList.toggle("over", left <= 0);
  box.hidden = false;
}

function draw(state) {
  byId("deck").textContent = state.deck || "";
  byId("join-url").textContent = state.join.url.replace(/^http:\/\//, "");
  byId("join-code").textContent = state.join.code;
  drawChart(state);
  drawTables(state);
  drawCoverage(state);
  timerState = state.timer;
  timerStamp = performance.now();
  drawTimer();
  document.body.dataset.version = state.version;
  firstState = false;
}

function connect() {
  const key = new URLSearchParams(window.location.search).get("key") || "";
  const stream = new EventSource("/api/wall/stream?lang=" + encodeURIComponent(LANG) + "&key=" + encodeURIComponent(key));
  stream.addEventListener("wall", (event) => {
    byId("offline").hidden = true;
    draw(JSON.parse(event.data));
  });
  stream.addEventListener("error", () => { byId("offline").hidden = false; });
}

setInterval(drawTimer, 1000);
connect();
