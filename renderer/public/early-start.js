// Requests every first screen waits for, started before the app's scripts have arrived (a classic
// script of its own: the Content-Security-Policy allows no inline script, and the bundle is evaluated
// too late for this).
// - The session check (/api/health, /api/me): renderer/earlyStart.ts hands the answers to the app.
// - A PDF opened at its own address (/cases/:id/attachments/:aid/view: a new tab, a reload): its bytes
//   are read by a worker of their own, so the download neither waits for the app's scripts nor takes
//   the main thread from them; the viewer takes it over (renderer/components/pdf/pdfWorker.ts, EarlyPdf).
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
  var early = { url: '/api/cases/' + m[1] + '/attachments/' + m[2], onprogress: null };

  // The worker's whole program: fetch, report progress at most every 50 ms, hand over one buffer (transferred, not copied).
  var program =
    'onmessage = function (e) {' +
    '  fetch(e.data, { credentials: "same-origin" }).then(function (res) {' +
    '    if (!res.ok || !res.body) return postMessage({ status: res.status });' +
    '    var total = Number(res.headers.get("content-length")) || null, parts = [], length = 0, last = 0, reader = res.body.getReader();' +
    '    function next(step) {' +
    '      if (step.done) {' +
    '        var all = new Uint8Array(length), at = 0;' +
    '        parts.forEach(function (p) { all.set(p, at); at += p.length; });' +
    '        return postMessage({ bytes: all.buffer }, [all.buffer]);' +
    '      }' +
    '      parts.push(step.value); length += step.value.length;' +
    '      var now = Date.now();' +
    '      if (now - last > 50) { last = now; postMessage({ loaded: length, total: total }); }' +
    '      return reader.read().then(next);' +
    '    }' +
    '    return reader.read().then(next);' +
    '  }).catch(function () { postMessage({ status: 0 }); });' +
    '};';

  function inWorker() {
    var url = URL.createObjectURL(new Blob([program], { type: 'text/javascript' }));
    var worker = new Worker(url, { name: 'pdf download' });
    URL.revokeObjectURL(url);
    early.abort = function () { worker.terminate(); };
    early.done = new Promise(function (resolve, reject) {
      worker.onmessage = function (e) {
        var d = e.data;
        if (d.loaded !== undefined) return void (early.onprogress && early.onprogress(d.loaded, d.total));
        worker.terminate();
        if (d.bytes) resolve({ parts: [new Uint8Array(d.bytes)], length: d.bytes.byteLength });
        else reject(d.status);
      };
      worker.onerror = function () { reject(0); };
    });
    // A blob: worker resolves no relative address.
    worker.postMessage(location.origin + early.url);
  }

  // Where no worker can be made: read the bytes here, as they come.
  function here() {
    var ac = new AbortController();
    early.abort = function () { ac.abort(); };
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
  }

  try {
    inWorker();
  } catch {
    here();
  }
  early.done.catch(function () {});
  window.kamilessEarlyPdf = early;
})();
