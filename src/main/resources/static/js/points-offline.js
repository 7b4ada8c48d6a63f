// The operator's point page on a phone with a failing connection. Without this script the form
// posts as usual. With it, a status is first kept on the phone (localStorage) with its own
// Idempotency-Key, the ETag (version) it was made against and the moment it was observed, then
// sent; what cannot be sent now is sent by itself when the connection returns. A 412 (someone
// else changed the point meanwhile) is shown with both versions for the operator to choose.
'use strict';
(function () {
  const QUEUE = 'weerbaar.points.pending';
  const CONFLICTS = 'weerbaar.points.conflicts';
  const SENT = 'weerbaar.points.sent';
  const form = document.getElementById('status-form');
  const keepLinks = Array.from(document.querySelectorAll('a[data-offline-keep]')).map((a) => a.href);

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/medewerkers/steunpunten/offline-sw.js').then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (keepLinks.length && registration.active) {
          registration.active.postMessage({ keep: keepLinks });
        }
      }).catch(() => {});
  }
  if (!form) {
    return;
  }

  const data = form.dataset;
  // The phone's clock may be wrong: observed times are the server's time of the page load plus
  // the time that passed on the phone since, so the server's checks judge them fairly.
  const clockOffset = Date.parse(data.serverNow) - Date.now();
  const statusBox = document.getElementById('offline-status');
  const conflictBox = document.getElementById('offline-conflicts');
  let sending = false;
  // "Sent" is said once, on the page that sent it (or the reload right after).
  let sentNote = sessionStorage.getItem(SENT) !== null;
  sessionStorage.removeItem(SENT);

  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(name)) || [];
    } catch (e) {
      return [];
    }
  }

  function write(name, items) {
    localStorage.setItem(name, JSON.stringify(items));
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function label(code) {
    const option = form.querySelector('#status option[value="' + code + '"]');
    return option ? option.textContent : code;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }) : '';
  }

  function render() {
    const pending = read(QUEUE);
    if (pending.length > 0) {
      statusBox.textContent = (pending.length === 1 ? data.msgWaitingOne : data.msgWaitingMany).replace('{0}', pending.length);
      statusBox.hidden = false;
    } else if (sentNote) {
      statusBox.textContent = data.msgSent;
      statusBox.hidden = false;
    } else {
      statusBox.hidden = true;
    }
    conflictBox.replaceChildren();
    read(CONFLICTS).forEach((conflict) => conflictBox.appendChild(conflictView(conflict)));
    conflictBox.hidden = read(CONFLICTS).length === 0;
  }

  function versionText(v) {
    return label(v.status) + ', ' + v.occupancy + (v.message ? ', "' + v.message + '"' : '')
      + ' (' + data.msgObserved + ' ' + time(v.observedAt) + ')';
  }

  function conflictView(conflict) {
    const box = document.createElement('div');
    box.className = 'utrecht-alert utrecht-alert--warning weerbaar-conflict';
    box.setAttribute('role', 'alert');
    const intro = document.createElement('p');
    intro.textContent = conflict.refused ? data.msgRefused + ' ' + conflict.refused : data.msgConflict;
    box.appendChild(intro);
    const list = document.createElement('dl');
    [[data.msgMine, conflict.item], [data.msgTheirs, conflict.current]].forEach(([title, version]) => {
      if (!version) {
        return;
      }
      const dt = document.createElement('dt');
      dt.textContent = title;
      const dd = document.createElement('dd');
      dd.textContent = versionText(version);
      list.append(dt, dd);
    });
    box.appendChild(list);
    if (conflict.current) {
      box.appendChild(button(data.msgKeepMine, 'keep-mine', () => {
        const again = Object.assign({}, conflict.item, { key: uuid(), etag: '"' + conflict.current.version + '"', basedOn: null });
        write(QUEUE, read(QUEUE).concat([again]));
        drop(conflict.item.key);
        send();
      }));
    }
    box.appendChild(button(conflict.current ? data.msgKeepTheirs : data.msgDismiss, 'keep-theirs', () => {
      drop(conflict.item.key);
      if (conflict.current && Number(conflict.item.point) === Number(data.point)) {
        location.reload();
      }
    }));
    return box;
  }

  function button(text, name, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'utrecht-button utrecht-button--secondary-action';
    b.dataset.choice = name;
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  function drop(key) {
    write(CONFLICTS, read(CONFLICTS).filter((c) => c.item.key !== key));
    render();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pending = read(QUEUE);
    const earlier = pending.filter((p) => Number(p.point) === Number(data.point)).pop();
    pending.push({
      key: uuid(),
      point: data.point,
      sendTo: data.sendUrl,
      // A second change on top of one still waiting is made against that one, not against the
      // version the page was loaded with: it gets that one's new ETag once it is sent.
      etag: '"' + form.querySelector('input[name=version]').value + '"',
      basedOn: earlier ? earlier.key : null,
      observedAt: new Date(Date.now() + clockOffset).toISOString(),
      status: form.querySelector('#status').value,
      occupancy: form.querySelector('#occupancy').value,
      message: form.querySelector('#message').value,
      unavailable: Array.from(form.querySelectorAll('input[name=unavailable]:checked')).map((c) => c.value),
    });
    write(QUEUE, pending);
    sentNote = false;
    render();
    send();
  });

  async function send() {
    if (sending) {
      return;
    }
    sending = true;
    let sentHere = false;
    try {
      for (;;) {
        const item = read(QUEUE).find((p) => !p.basedOn);
        if (!item) {
          break;
        }
        const body = new URLSearchParams();
        ['status', 'occupancy', 'message', 'observedAt'].forEach((f) => body.append(f, item[f]));
        item.unavailable.forEach((u) => body.append('unavailable', u));
        body.append('_csrf', form.querySelector('input[name=_csrf]').value);
        let response;
        try {
          response = await fetch(item.sendTo, {
            method: 'POST', body, credentials: 'same-origin',
            headers: { 'If-Match': item.etag, 'Idempotency-Key': item.key, Accept: 'application/json' },
          });
        } catch (offline) {
          break;
        }
        const json = (response.headers.get('Content-Type') || '').includes('json') && !response.redirected;
        if (!json) {
          // Logged out meanwhile (a redirect to the login page) or a server in trouble: keep it.
          statusBox.textContent = data.msgLogin;
          break;
        }
        const answer = await response.json();
        const rest = read(QUEUE).filter((p) => p.key !== item.key);
        if (response.ok) {
          rest.filter((p) => p.basedOn === item.key).forEach((p) => { p.basedOn = null; p.etag = '"' + answer.version + '"'; });
          if (Number(item.point) === Number(data.point)) {
            form.querySelector('input[name=version]').value = answer.version;
            sentHere = true;
          }
          sentNote = true;
        } else {
          rest.filter((p) => p.basedOn === item.key).forEach((p) => { p.basedOn = null; });
          const refused = answer.invalidParams ? answer.invalidParams.map((p) => p.name + ': ' + p.reason).join('; ') : null;
          write(CONFLICTS, read(CONFLICTS).concat([{ item, current: answer.current || null, refused }]));
        }
        write(QUEUE, rest);
      }
    } finally {
      sending = false;
    }
    if (sentHere && read(QUEUE).length === 0 && read(CONFLICTS).length === 0) {
      // Show the point as the server has it now, and say it was sent.
      sessionStorage.setItem(SENT, '1');
      location.reload();
      return;
    }
    render();
  }

  window.addEventListener('online', send);
  setInterval(send, 10000);
  render();
  send();
}());
