// Lentera: while an applicant describes the information they want, lists published DIP entries that
// match (GET data-endpoint?q=, src/dip/suggest.ts). Plain ES2017, no dependencies. Without it the
// box still holds its link to the DIP search, and the form works the same.
(() => {
  'use strict';
  const WAIT_MS = 400;
  const MIN_LETTERS = 3;

  for (const box of document.querySelectorAll('[data-dip-suggest-for]')) {
    const field = document.getElementById(box.getAttribute('data-dip-suggest-for'));
    const live = box.querySelector('[aria-live]');
    const endpoint = box.getAttribute('data-endpoint');
    if (!field || !live || !endpoint) continue;
    let timer = 0;
    let asked = 0;
    let shown = '';

    const show = (hits, query) => {
      shown = query;
      live.textContent = '';
      if (hits.length === 0) return;
      const heading = document.createElement('p');
      heading.textContent = box.getAttribute('data-heading') || '';
      const list = document.createElement('ul');
      for (const hit of hits) {
        // Only our own pages: a path on this site, never another scheme or host.
        if (!hit || typeof hit.title !== 'string' || typeof hit.url !== 'string' || !/^\/[^/\\]/.test(hit.url)) continue;
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = hit.url;
        link.textContent = hit.title;
        item.appendChild(link);
        if (typeof hit.summary === 'string' && hit.summary) {
          const summary = document.createElement('span');
          summary.textContent = hit.summary;
          item.appendChild(summary);
        }
        list.appendChild(item);
      }
      if (list.children.length > 0) live.append(heading, list);
    };

    const ask = async () => {
      const query = field.value.trim().slice(0, 200);
      const mine = ++asked;
      // The same words again (a space typed): the list stays, and a screen reader is not told it twice.
      if (query === shown) return;
      if (query.replace(/\s+/g, '').length < MIN_LETTERS) return show([], query);
      try {
        const response = await fetch(endpoint + '?q=' + encodeURIComponent(query), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        const hits = response.ok ? await response.json() : [];
        // A slower answer to an older question must not replace a newer one.
        if (mine === asked) show(Array.isArray(hits) ? hits : [], query);
      } catch (error) {
        // Offline or refused: the link to the DIP search is still there.
      }
    };

    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    });
  }
})();
