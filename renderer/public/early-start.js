// Requests every first screen waits for, started before the app's scripts have arrived (a classic
// script of its own: the Content-Security-Policy allows no inline script, and the bundle is evaluated
// too late for this).
// - The session check (/api/health, /api/me): main.tsx hands the answers to the query cache at once.
// - A PDF opened at its own address (/cases/:id/attachments/:aid/view: a new tab, a reload): its bytes
//   are read as they come so the download never waits for the app; the viewer takes it over
//   (renderer/components/pdf/pdfWorker.ts, EarlyPdf).
(function () {
  'use strict';
  if (!window.fetch) return;
  var answers = {};
  ['/api/health', '/api/me'].forEach(function (url) {
    answers[url] = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    answers[url].catch(function () {});
  });
  window.kamilessEarlyAnswers = answers;

  var m = /^\/cases\/(\d{1,12})\/attachments\/(\d{1,12})\/view\/?$/.exec(location.pathname);
  if (!m || !window.ReadableStream) return;
  var ac = new AbortController();
  var early = { url: '/api/cases/' + m[1] + '/attachments/' + m[2], onprogress: null, abort: function () { ac.abort(); } };
  early.done = fetch(early.url, { credentials: 'same-origin', signal: ac.signal }).then(function (res) {
    if (!res.ok || !res.body) throw res.status;
    var total = Number(res.headers.get('content-length')) || null;
    var reader = res.body.getReader();
    var parts = [];
    var length = 0;
    function next(step) {
      if (step.done) return { parts: parts, length: length };
      parts.push(step.value);
      length += step.value.length;
      if (early.onprogress) early.onprogress(length, total);
      return reader.read().then(next);
    }
    return reader.read().then(next);
  });
  early.done.catch(function () {});
  window.kamilessEarlyPdf = early;
})();
