// The phone page of Heat Quiz: join, then show what the game says, and send taps back.
// Everything a player typed is shown with textContent, never as markup.
"use strict";
(function () {
  const VERSION = 1;
  const PLAYER_COLOURS = ["#ec5460", "#46a0ff", "#fac83c", "#3cce86", "#b076f5", "#ff8e36", "#ff74c8", "#30d4de"];
  const ICONS = ["\u2605", "\u26a1\ufe0e", "\u2665", "\u263e", "\u265b", "\u25c6", "\u2660", "\u271a"];
  const ANSWER_COLOURS = ["#d63a48", "#2e74dc", "#e29e1e", "#26a060", "#8e56ce", "#1aa0b0"];
  const SHAPES = [
    '<polygon points="15,3 28,27 2,27"/>',
    '<polygon points="15,2 28,15 15,28 2,15"/>',
    '<circle cx="15" cy="15" r="13"/>',
    '<rect x="3" y="3" width="24" height="24"/>',
    '<polygon points="15,2 18.5,11 28,11 20.5,17 23.5,27 15,21 6.5,27 9.5,17 2,11 11.5,11"/>',
    '<polygon points="8,3 22,3 29,15 22,27 8,27 1,15"/>',
  ];
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let room = (params.get("room") || "").toUpperCase();
  let socket = null, retries = 0, retryTimer = null, stopped = false;
  let wantJoin = null, state = null, look = { colour: 0, icon: 0 };
  let order = [], orderFor = 0, sentFor = 0;

  const tokenKey = () => "heat-quiz:" + room;
  const token = () => { try { return localStorage.getItem(tokenKey()); } catch (e) { return null; } };
  const keep = (t) => { try { localStorage.setItem(tokenKey(), t); } catch (e) { /* private mode */ } };
  const forget = () => { try { localStorage.removeItem(tokenKey()); } catch (e) { /* ignore */ } };

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
    return false;
  }
  function status(text) { $("status").textContent = text; }
  function show(id) {
    for (const s of document.querySelectorAll(".screen")) s.hidden = s.id !== id;
  }
  // Numbers grouped as the TV shows them (12,345), whatever language the phone is set to.
  function grouped(n) { return String(Math.round(n || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Joining -----------------------------------------------------------------------------
  function buildPickers() {
    const colours = $("colours"), icons = $("icons");
    PLAYER_COLOURS.forEach((c, i) => {
      const b = el("button", "", "");
      b.type = "button"; b.style.background = c; b.setAttribute("aria-label", "colour " + (i + 1));
      b.onclick = () => { look.colour = i; markPickers(); };
      colours.appendChild(b);
    });
    ICONS.forEach((c, i) => {
      const b = el("button", "", c);
      b.type = "button"; b.setAttribute("aria-label", "icon " + (i + 1));
      b.onclick = () => { look.icon = i; markPickers(); };
      icons.appendChild(b);
    });
    markPickers();
  }
  function markPickers() {
    [...$("colours").children].forEach((b, i) => b.setAttribute("aria-pressed", String(i === look.colour)));
    [...$("icons").children].forEach((b, i) => {
      b.setAttribute("aria-pressed", String(i === look.icon));
      b.style.color = PLAYER_COLOURS[look.colour];
    });
  }
  function showJoin(error) {
    $("code-row").hidden = Boolean(room) && !error?.startsWith("That room");
    if (!$("code").value) $("code").value = room;
    $("join-error").textContent = error || "";
    $("join-button").disabled = false;
    show("join");
  }
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = $("code").value.trim().toUpperCase();
    if (code) room = code;
    const name = $("name").value.trim();
    if (!room) { showJoin("Type the room code shown on the TV."); $("code-row").hidden = false; return; }
    if (!name) { $("join-error").textContent = "Type a name."; return; }
    wantJoin = { type: "join", v: VERSION, room: room, name: name, colour: look.colour, icon: look.icon };
    $("join-button").disabled = true;
    wakeLock();
    if (!send(wantJoin)) connect();
  });

  // The connection ----------------------------------------------------------------------
  function connect() {
    clearTimeout(retryTimer);
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    status(retries ? "reconnecting\u2026" : "connecting\u2026");
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const ws = new WebSocket(scheme + location.host + "/ws");
    socket = ws;
    ws.onopen = () => {
      retries = 0; status("");
      const t = room && token();
      if (t) send({ type: "resume", v: VERSION, room: room, token: t });
      else if (wantJoin) send(wantJoin);
      else showJoin();
    };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      receive(message);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if ([4003, 4004, 4005, 4006].includes(event.code)) return;  // not to be retried
      if (stopped) return;
      retries += 1;
      const delay = Math.min(8000, 500 * 2 ** Math.min(retries - 1, 4));
      status("reconnecting\u2026");
      retryTimer = setTimeout(connect, delay);
    };
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    wakeLock();
    // A phone that slept has usually lost its socket: try again now, not after the backoff.
    if (!socket || socket.readyState > WebSocket.OPEN) { retries = Math.min(retries, 1); connect(); }
  });
  window.addEventListener("online", () => { if (!socket) connect(); });

  let lock = null;
  async function wakeLock() {
    try {
      if ("wakeLock" in navigator && !lock) {
        lock = await navigator.wakeLock.request("screen");
        lock.addEventListener("release", () => { lock = null; });
      }
    } catch (e) { lock = null; }
  }

  function receive(m) {
    if (m.type === "ping") { send({ type: "pong", id: m.id }); return; }
    if (m.type === "welcome") {
      keep(m.token); wantJoin = null;
      look = { colour: m.colour, icon: m.icon };
      return;
    }
    if (m.type === "refused") {
      if (m.reason === "token") { forget(); showJoin(); return; }
      if (m.reason === "room") { stopped = true; forget(); room = ""; showJoin(m.message); stopped = false; return; }
      if (["name", "name_taken", "full", "rate"].includes(m.reason)) { showJoin(m.message); return; }
      status(m.message || "");
      return;
    }
    if (m.type === "kicked") {
      stopped = true; forget();
      message("You were removed from the game", "The host took your seat away.", true);
      return;
    }
    if (m.type === "state") { state = m; render(); }
  }

  function message(title, text, again) {
    $("message-title").textContent = title;
    $("message-text").textContent = text;
    $("message-again").hidden = !again;
    show("message");
  }
  $("message-again").onclick = () => { stopped = false; retries = 0; showJoin(); connect(); };

  // Screens -----------------------------------------------------------------------------
  function render() {
    const s = state, you = s.you || {};
    const me = $("me");
    me.textContent = (ICONS[you.icon] || "") + " " + (you.name || "");
    me.style.color = PLAYER_COLOURS[you.colour] || "";
    for (const b of document.querySelectorAll(".leader-only")) b.hidden = !s.leader;
    if (s.paused) status("paused on the TV"); else if (socket) status("");
    const screen = s.screen;
    if (screen === "lobby" || screen === "waiting" || screen === "intro") return renderLobby(s);
    if (screen === "question") return renderQuestion(s);
    if (screen === "reveal") return renderReveal(s);
    if (screen === "standings") return renderBoard(s, "standings-list", s.standings);
    if (screen === "podium") return renderPodium(s);
    message(s.title || "Heat Quiz", s.note || "", false);
  }

  function renderLobby(s) {
    $("lobby-title").textContent = s.title || "You're in!";
    $("lobby-note").textContent = s.note || "";
    const list = $("lobby-players");
    clear(list);
    for (const p of s.players || []) {
      const li = el("li");
      li.style.setProperty("--c", p.colour);
      const icon = el("span", "icon", ICONS[p.icon] || ""); icon.style.color = p.colour;
      li.append(icon, el("span", "", p.name));
      if (!p.connected) li.appendChild(el("span", "away", "reconnecting\u2026"));
      list.appendChild(li);
    }
    $("start").hidden = !(s.leader && s.screen === "lobby");
    $("intro-go").hidden = !(s.leader && s.screen === "intro");
    show("lobby");
  }

  function answerButton(index, text, onTap) {
    const b = el("button", "answer");
    b.style.background = ANSWER_COLOURS[index % ANSWER_COLOURS.length];
    b.innerHTML = '<svg viewBox="0 0 30 30" fill="#fff" aria-hidden="true">' + SHAPES[index % SHAPES.length] + "</svg>";
    b.append(el("span", "num", String(index + 1)), el("span", "txt", text));
    b.onclick = onTap;
    return b;
  }

  function renderQuestion(s) {
    const q = s.question;
    $("q-info").textContent = q.info || "";
    $("prompt").textContent = q.prompt;
    const answers = $("answers"), typed = $("typed"), orderBox = $("order"), buzz = $("buzz"), note = $("q-note");
    clear(answers);
    answers.hidden = typed.hidden = orderBox.hidden = buzz.hidden = true;
    answers.classList.toggle("one-column", q.choices.some((c) => c.length > 28));
    note.textContent = q.note || "";
    show("question");
    const done = q.answered || sentFor === q.n;
    if (q.input === "watch" || q.locked_out) return;
    if (done && q.input !== "buzz") { note.textContent = q.answered ? "Locked in! Watch the TV." : "Sending\u2026"; return; }
    if (q.input === "buzz" && !q.you_buzzed) {
      if (q.buzzer) return;
      buzz.hidden = false;
      buzz.onclick = () => { navigator.vibrate?.(40); send({ type: "buzz", q: q.n }); };
      return;
    }
    if (q.input === "choice" || q.input === "buzz") {
      answers.hidden = false;
      q.choices.forEach((text, i) => answers.appendChild(answerButton(i, text, () => {
        if (send({ type: "answer", q: q.n, choice: i })) { sentFor = q.n; renderQuestion(state); }
      })));
      return;
    }
    if (q.input === "text") {
      typed.hidden = false;
      const input = $("typed-input");
      if (input.dataset.q !== String(q.n)) { input.value = ""; input.dataset.q = String(q.n); input.focus(); }
      const go = () => {
        const text = input.value.trim();
        if (text && send({ type: "answer", q: q.n, text: text })) { sentFor = q.n; input.blur(); renderQuestion(state); }
      };
      $("typed-send").onclick = go;
      input.onkeydown = (e) => { if (e.key === "Enter") go(); };
      return;
    }
    if (q.input === "order") {
      if (orderFor !== q.n) { order = []; orderFor = q.n; }
      orderBox.hidden = false;
      renderOrder(q);
    }
  }

  function renderOrder(q) {
    const picked = $("order-picked"), items = $("order-items");
    clear(picked); clear(items);
    for (const i of order) picked.appendChild(el("li", "", q.choices[i]));
    q.choices.forEach((text, i) => {
      const b = answerButton(i, text, () => {
        if (order.includes(i)) return;
        order.push(i); renderOrder(q);
      });
      if (order.includes(i)) { b.classList.add("picked"); b.disabled = true; }
      items.appendChild(b);
    });
    items.classList.toggle("one-column", true);
    $("order-send").disabled = order.length !== q.choices.length;
    $("order-undo").disabled = order.length === 0;
    $("order-undo").onclick = () => { order.pop(); renderOrder(q); };
    $("order-send").onclick = () => {
      if (order.length === q.choices.length && send({ type: "answer", q: q.n, order: order })) {
        sentFor = q.n; renderQuestion(state);
      }
    };
  }

  function renderReveal(s) {
    const r = s.result || {};
    const verdict = $("verdict");
    verdict.className = r.correct ? "right" : "wrong";
    verdict.textContent = r.facing === false ? "Answer" : r.correct ? "Right!" : (r.answered ? "Wrong" : "No answer");
    $("right-answer").textContent = s.answer ? "Answer: " + s.answer : "";
    $("r-points").textContent = (r.points > 0 ? "+" : "") + grouped(r.points);
    $("r-streak").textContent = String(r.streak || 0);
    $("r-rank").textContent = r.rank ? "#" + r.rank : "-";
    $("r-score").textContent = "Score: " + grouped(r.score);
    show("reveal");
  }

  function renderBoard(s, listId, rows) {
    $("standings-title").textContent = s.title || "Standings";
    const list = $(listId);
    clear(list);
    for (const row of rows || []) {
      const li = el("li", row.you ? "you" : "");
      li.style.setProperty("--c", row.colour);
      li.append(el("b", "", "#" + row.rank), el("span", "", row.name), el("span", "score", grouped(row.score)));
      list.appendChild(li);
    }
    if (listId === "standings-list") show("standings");
  }

  function renderPodium(s) {
    const p = s.podium || {};
    $("place").textContent = p.rank === 1 ? "You win!" : "#" + p.rank + " of " + p.of;
    $("p-score").textContent = grouped(p.score);
    $("p-right").textContent = p.correct + "/" + p.questions;
    $("p-streak").textContent = String(p.longest_streak || 0);
    $("p-fast").textContent = p.fastest == null ? "-" : p.fastest.toFixed(1) + " s";
    renderBoard(s, "podium-list", s.standings);
    show("podium");
  }

  $("start").onclick = () => send({ type: "command", do: "start" });
  for (const b of document.querySelectorAll(".continue")) b.onclick = () => send({ type: "command", do: "continue" });

  buildPickers();
  if (room && token()) connect(); else { showJoin(); connect(); }
})();
