// Lentera: keeps a long job's progress page current without reloading it. The element with
// data-progress-url names a JSON status ({status, done, total}); while the job runs the <progress>
// bar and its text are updated every two seconds, and the page is loaded again once it is finished.
// Without this script the page offers a link to update it by hand.
(() => {
  'use strict';
  const EVERY_MS = 2000;
  const box = document.querySelector('[data-progress-url]');
  const bar = document.querySelector('progress');
  const field = (name) => document.querySelector(`[data-${name}]`);
  if (!box || !bar) return;
  const url = box.getAttribute('data-progress-url');
  const doneUrl = box.getAttribute('data-done-url');
  const poll = () => {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((s) => {
        if (typeof s.done !== 'number' || typeof s.total !== 'number') return;
        bar.max = s.total;
        bar.value = s.done;
        const set = (name, value) => {
          const el = field(name);
          if (el) el.textContent = String(value);
        };
        set('done', s.done);
        set('total', s.total);
        set('percent', s.total === 0 ? 100 : Math.floor((s.done / s.total) * 100));
        if (s.status === 'running') setTimeout(poll, EVERY_MS);
        else if (doneUrl) window.location.assign(doneUrl);
      })
      .catch(() => setTimeout(poll, EVERY_MS * 5));
  };
  setTimeout(poll, EVERY_MS);
})();
