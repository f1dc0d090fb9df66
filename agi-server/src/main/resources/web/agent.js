// CallPortrait agent desktop: one WebSocket per page, token checked by the server on connect.
// The token never stays in the URL and is never readable here: the server keeps it in an
// HttpOnly, SameSite=Strict cookie (set when the page was opened with ?token=, or by signing in).
(function () {
  'use strict';
  const agent = decodeURIComponent(location.pathname.split('/')[2] || '');
  const $ = (id) => document.getElementById(id);
  let ws = null;
  let current = null;
  let retry = 500;
  let signingIn = false;
  $('who').textContent = agent;
  // First load with ?token=: the server answered with the cookie; drop the token from the
  // address bar and the history (and so from bookmarks and shoulder-surfing).
  if (location.search) history.replaceState(null, '', location.pathname);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(proto + '//' + location.host + '/ws/agent/' + encodeURIComponent(agent));
    let opened = false;
    ws.onopen = () => {
      opened = true; retry = 500; signingIn = false;
      $('login').hidden = true; $('desk').hidden = false;
      $('status').textContent = 'online'; $('status').className = 'status on';
    };
    ws.onclose = () => {
      $('status').textContent = 'offline'; $('status').className = 'status off';
      if (!opened) {
        $('login').hidden = false; $('desk').hidden = true;
        $('login-error').textContent = signingIn ? 'The token was not accepted (wrong agent, expired or invalid).' : '';
        signingIn = false;
        return;
      }
      setTimeout(connect, retry); retry = Math.min(retry * 2, 10000);
    };
    ws.onmessage = (m) => handle(JSON.parse(m.data));
  }

  function handle(msg) {
    switch (msg.type) {
      case 'pop': pop(msg); break;
      case 'transcript': if (current === msg.call && msg.utterance) line(msg.utterance); break;
      case 'emotion': if (current === msg.call && msg.emotion) { gauge(msg.emotion, msg.escalating); escalation(msg.escalation); } break;
      case 'intent': if (current === msg.call) intent(msg.intent); break;
      case 'alert': if (current === msg.call) alertBox(msg.message); break;
      case 'done': if (current === msg.call) $('dispo').classList.add('due'); break;
      case 'ended': if (current === msg.call) { $('dispo').classList.add('due'); $('caller-line').textContent += ' · call ended'; } break;
      case 'disposition-saved': $('saved').textContent = 'saved'; break;
      case 'disposition-rejected': $('saved').textContent = 'not saved'; break;
    }
  }

  function pop(p) {
    current = p.call;
    $('idle').hidden = true; $('call').hidden = false;
    $('alerts').textContent = ''; $('saved').textContent = ''; $('dispo').classList.remove('due');
    const c = p.customer;
    $('caller-name').textContent = (p.caller.name || 'Unknown caller') + (p.vip ? ' ★ VIP' : '');
    $('caller-line').textContent = 'Phone ' + p.caller.phone + ' · queue ' + p.queue + ' · waited ' + p.waitSeconds + ' s · ' + p.state;
    // a learned part not available yet is null, with its reason in c.unavailable
    const learned = (part, show) => c[part] === null || c[part] === undefined
      ? 'not available yet (' + ((c.unavailable || {})[part] || 'no model yet') + ')' : show(c[part]);
    $('value-line').textContent = c
      ? c.tier + ' · segment ' + learned('segment', (s) => s) + ' · lifetime value ' + c.lifetimeValue.toFixed(0)
        + ' · value ' + learned('valueScore', pct) + ' · loyalty ' + pct(c.loyaltyScore)
        + ' · complaint risk ' + learned('complaintRisk', pct)
      : 'No portrait: new or unidentified caller.';
    $('outlook').textContent = c
      ? 'Churn risk ' + learned('churnRisk', pct) + (c.churnRiskReason ? ' (why: ' + c.churnRiskReason + ')' : '')
        + ' · next contact ' + learned('nextContact', (n) => '7 d ' + pct(n.within7d) + ', 30 d ' + pct(n.within30d)
          + (n.likelyReason ? ' · likely calling about: ' + n.likelyReason : '')
          + (n.explanation ? ' (why: ' + n.explanation + ')' : ''))
      : '';
    $('nba').textContent = c && c.nextBestAction ? 'Next best action: ' + c.nextBestAction
      + (c.nextBestActionReason ? ' (why: ' + c.nextBestActionReason + ')' : '') : '';
    fill('tags', c ? c.tags : [], (t) => { const li = el('li'); li.appendChild(el('b', t.name)); li.appendChild(el('span', ' (' + t.family + ') ' + t.explanation, 'why')); return li; });
    fill('issues', c ? c.openIssues : [], (i) => el('li', i.id + ' · ' + i.topic + ': ' + i.summary));
    fill('topics', c ? c.lastTopics : [], (t) => el('li', t.at.substring(0, 10) + ' · ' + t.topic + ' → ' + t.outcome
      + (t.resolution ? ' · solved: ' + t.resolution : '')));
    $('transcript').textContent = '';
    (p.transcript || []).forEach(line);
    const e = p.emotions || [];
    if (e.length) gauge(e[e.length - 1], false); else { $('gauge-bar').style.width = '0'; $('emotion-label').textContent = 'no emotion yet'; }
    escalation(p.escalation || 0);
    intent(p.intent);
  }

  // Escalation: the highest probability so far that the caller asks for a manager, to cancel or to complain.
  function escalation(x) {
    const line = $('escalation-line');
    line.textContent = x >= 0.05 ? 'Escalation ' + pct(x) + (x >= 0.7 ? ': asks to escalate' : '') : '';
    line.classList.toggle('high', x >= 0.7);
  }

  function intent(i) {
    $('intent-line').textContent = i
      ? 'Intent: ' + i.topic.replace(/_/g, ' ') + ' (' + pct(i.confidence) + ', heard: ' + i.evidence.join(', ') + ')'
      : 'Intent: not clear yet';
    $('intent-line').classList.toggle('urgent', !!i && i.topic.indexOf('emergency') >= 0);
  }

  function pct(x) { return Math.round(x * 100) + '%'; }

  function fill(id, items, make) {
    const ul = $(id); ul.textContent = '';
    if (!items || !items.length) { ul.appendChild(el('li', 'none', 'none')); return; }
    items.forEach((i) => ul.appendChild(make(i)));
  }

  function line(u) {
    // With the agent's leg tapped each line names its speaker, utterances are numbered per speaker,
    // and the other party's lines may come between a partial and its final.
    const who = u.speaker || 'caller';
    const ol = $('transcript');
    for (let prev = ol.lastElementChild; prev; prev = prev.previousElementSibling) {
      if (prev.dataset.speaker !== who) continue;
      if (prev.dataset.n === String(u.n) && prev.dataset.final !== 'true') ol.removeChild(prev);
      break;
    }
    const li = el('li', undefined, (u.final ? 'final' : 'partial') + (u.speaker ? ' ' + who : ''));
    if (u.speaker) li.appendChild(el('span', who === 'agent' ? 'Agent: ' : 'Caller: ', 'speaker'));
    li.appendChild(document.createTextNode(u.text));
    li.dataset.n = u.n; li.dataset.final = u.final; li.dataset.speaker = who;
    ol.appendChild(li);
  }

  function gauge(e, escalating) {
    // Valence -1..1 mapped to a bar: left red (upset) to right green (pleased).
    const w = Math.round((1 - (e.valence + 1) / 2) * 100);
    const bar = $('gauge-bar');
    bar.style.width = Math.max(w, 4) + '%';
    bar.className = e.label;
    $('emotion-label').textContent = e.label + ' (' + pct(e.confidence) + ' sure, arousal ' + pct(e.arousal) + ')' + (escalating ? ' · escalating' : '');
  }

  function alertBox(text) { $('alerts').appendChild(el('div', text, 'alert')); }

  $('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    const t = $('token').value.trim();
    $('token').value = '';
    // The server checks the token and keeps it in the HttpOnly page cookie.
    fetch('/session', { method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer ' + t } })
      .then((r) => {
        if (r.ok) { signingIn = true; connect(); } else {
          $('login-error').textContent = r.status === 429 ? 'Too many failed attempts: wait a minute.'
            : 'The token was not accepted (wrong agent, expired or invalid).';
        }
      })
      .catch(() => { $('login-error').textContent = 'The server cannot be reached.'; });
  });
  $('save').addEventListener('click', () => {
    if (!ws || !current) return;
    ws.send(JSON.stringify({ type: 'disposition', call: current, outcome: $('outcome').value, note: $('note').value }));
  });
  connect();
})();
