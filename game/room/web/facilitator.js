// The facilitator's page: log in with the PIN, then run the timer, the reveal, the downloads and the wipe.
"use strict";

const STRINGS = JSON.parse(document.getElementById("strings").textContent);
const TIMER_MINUTES = [1, 2, 3, 5, 10];

function tr(key, params) {
  let text = STRINGS[key] || key;
  for (const [name, value] of Object.entries(params || {})) text = text.split("{" + name + "}").join(String(value));
  return text;
}

function byId(id) { return document.getElementById(id); }

async function call(path, body) {
  const options = body === undefined ? {} : {method: "POST", headers: {"Content-Type": "application/json"},
                                              body: JSON.stringify(body)};
  const response = await fetch(path, {credentials: "same-origin", ...options});
  let data = {};
  try { data = await response.json(); } catch (e) { data = {}; }
  return {status: response.status, data: data};
}

function say(text) { byId("message").textContent = text; }

function timerText(timer) {
  if (!timer || !(timer.running || timer.paused)) return "–";
  const left = Math.ceil(timer.remaining);
  let text = left <= 0 ? tr("room.timer_over") : left > 90 ? tr("room.timer_minutes", {minutes: Math.ceil(left / 60)})
    : tr("room.timer_seconds", {seconds: left});
  return timer.paused ? text + " " + tr("room.timer_paused") : text;
}

async function refresh() {
  const {status, data} = await call("/api/admin/state?lang=" + document.body.dataset.lang);
  if (status === 403) { showLogin(); return; }
  if (status !== 200) return;
  byId("status").textContent = tr("room.fac_status", {results: data.counts.results, tables: data.counts.tables,
                                                      url: data.wall_url, code: data.join.code});
  byId("data-file").textContent = tr("room.fac_data", {path: data.data_file});
  byId("timer-now").textContent = timerText(data.timer);
  byId("hide").disabled = data.hidden;
  byId("show").disabled = !data.hidden;
}

function showLogin() {
  byId("controls").hidden = true;
  byId("login").hidden = false;
}

async function act(path, body) {
  const {status, data} = await call(path, body);
  if (status === 200) { say(""); await refresh(); return data; }
  if (status === 403) { showLogin(); return null; }
  say(tr("room.fac_failed", {reason: data.error || status}));
  return null;
}

function setUp() {
  const buttons = byId("timer-buttons");
  for (const minutes of TIMER_MINUTES) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "primary";
    button.textContent = tr("room.fac_minutes", {minutes: minutes});
    button.addEventListener("click", () => act("/api/admin/timer", {action: "start", seconds: minutes * 60}));
    buttons.appendChild(button);
  }
  byId("timer-pause").addEventListener("click", () => act("/api/admin/timer", {action: "pause"}));
  byId("timer-resume").addEventListener("click", () => act("/api/admin/timer", {action: "resume"}));
  byId("timer-stop").addEventListener("click", () => act("/api/admin/timer", {action: "stop"}));
  byId("hide").addEventListener("click", () => act("/api/admin/reveal", {hidden: true}));
  byId("show").addEventListener("click", () => act("/api/admin/reveal", {hidden: false}));
  byId("wipe").addEventListener("click", async () => {
    if (!window.confirm(tr("room.fac_wipe_confirm"))) return;
    if (await act("/api/admin/wipe", {confirm: true})) say(tr("room.fac_wiped"));
  });
  byId("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const {status} = await call("/api/admin/login", {pin: byId("pin").value});
    if (status === 200) {
      byId("pin").value = "";
      byId("login-message").textContent = "";
      byId("login").hidden = true;
      byId("controls").hidden = false;
      await refresh();
    } else {
      byId("login-message").textContent = tr(status === 429 ? "room.fac_slow_down" : "room.fac_wrong_pin");
      byId("pin").value = "";
      byId("pin").focus();
    }
  });
  setInterval(() => { if (!byId("controls").hidden) refresh(); }, 2000);
}

async function start() {
  setUp();
  const {status} = await call("/api/admin/state");
  if (status === 200) {
    byId("login").hidden = true;
    byId("controls").hidden = false;
    await refresh();
  }
}

start();
