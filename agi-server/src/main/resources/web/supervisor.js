// CallPortrait supervisor view: the live call table pushed over one WebSocket. The token lives in
// the server's HttpOnly, SameSite=Strict page cookie, never in the URL after the first load.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let retry = 500;
  let signingIn = false;
  if (location.search) history.replaceState(null, '', location.pathname);
  function td(tr, text) { const c = document.createElement('td'); c.textContent = text; tr.appendChild(c); }
  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/ws/supervisor');
    let opened = false;
    ws.onopen = () => { opened = true; retry = 500; signingIn = false; $('login').hidden = true; $('desk').hidden = false; $('status').textContent = 'online'; $('status').className = 'status on'; };
    ws.onclose = () => {
      $('status').textContent = 'offline'; $('status').className = 'status off';
      if (!opened) { $('login').hidden = false; $('login-error').textContent = signingIn ? 'Token not accepted.' : ''; signingIn = false; return; }
      setTimeout(connect, retry); retry = Math.min(retry * 2, 10000);
    };
    ws.onmessage = (m) => {
      const msg = JSON.parse(m.data);
      if (msg.type === 'calls') table(msg.calls);
      if (msg.type === 'alert') { const d = document.createElement('div'); d.className = 'alert'; d.textContent = (msg.agent || '?') + ': ' + msg.message + ' (' + msg.rule + ')'; $('alerts').prepend(d); }
    };
  }
  function table(calls) {
    const body = $('rows'); body.textContent = '';
    let waiting = 0, angry = 0;
    calls.forEach((c) => {
      const tr = document.createElement('tr');
      const e = c.emotion;
      if (e) tr.className = e.label;
      if (c.state === 'waiting') waiting++;
      if (e && e.label === 'angry') angry++;
      td(tr, (c.caller || c.phone) + (c.vip ? ' ★' : '')); td(tr, c.state); td(tr, c.queue); td(tr, c.position || '');
      td(tr, c.priority); td(tr, c.waitSeconds + ' s'); td(tr, c.agent);
      td(tr, e ? e.label + ' ' + Math.round(e.confidence * 100) + '%' + (c.escalating ? ' ↑' : '') : '');
      td(tr, c.escalation >= 0.05 ? Math.round(c.escalation * 100) + '%' : '');
      if (c.escalation >= 0.7) tr.lastChild.className = 'high';
      td(tr, c.intent ? c.intent.topic.replace(/_/g, ' ') + ' ' + Math.round(c.intent.confidence * 100) + '%' : '');
      td(tr, Math.round(c.complaintRisk * 100) + '%'); td(tr, c.lastUtterance);
      td(tr, c.actions.map((a) => a.kind + ' (' + a.rule + '): ' + a.outcome).join('; '));
      body.appendChild(tr);
    });
    $('summary').textContent = calls.length + ' live · ' + waiting + ' waiting · ' + angry + ' angry';
  }
  $('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = $('token').value.trim();
    $('token').value = '';
    fetch('/session', { method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer ' + t } })
      .then((r) => { if (r.ok) { signingIn = true; connect(); } else { $('login-error').textContent = r.status === 429 ? 'Too many failed attempts: wait a minute.' : 'Token not accepted.'; } })
      .catch(() => { $('login-error').textContent = 'The server cannot be reached.'; });
  });
  connect();
})();
