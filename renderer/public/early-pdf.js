// A PDF opened at its own address (/cases/:id/attachments/:aid/view: a new tab, a reload). Its
// download starts here, before the app's scripts have arrived, and the bytes are read as they come
// so the download never waits for the app; the viewer takes it over (renderer/components/pdf/
// pdfWorker.ts, EarlyPdf). A classic script of its own: the Content-Security-Policy allows no
// inline script, and the app's bundle arrives too late for this.
(function () {
  'use strict';
  var m = /^\/cases\/(\d{1,12})\/attachments\/(\d{1,12})\/view\/?$/.exec(location.pathname);
  if (!m || !window.fetch || !window.ReadableStream) return;
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
