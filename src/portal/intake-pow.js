// Public forms' proof of work (served at /assets/intake-pow.js; no outside service). For each
// <fieldset data-pow='{"algorithm","challenge","maxnumber","salt","signature"}'> it finds the number n
// with SHA-256(salt + n) = challenge, writes the ALTCHA payload into the hidden field "altcha" and
// hides the arithmetic question, which stays as the way through for browsers without JavaScript
// or without crypto.subtle (plain http on another host).
(function () {
  'use strict';
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  async function solve(c) {
    var enc = new TextEncoder();
    var max = c.maxnumber || 1000000;
    for (var n = 0; n <= max; n++) {
      if (hex(await crypto.subtle.digest('SHA-256', enc.encode(c.salt + n))) === c.challenge) return n;
    }
    return null;
  }
  function start(fs) {
    var c;
    try { c = JSON.parse(fs.getAttribute('data-pow')); } catch (e) { return; }
    var field = fs.querySelector('input[name="altcha"]');
    var status = fs.querySelector('[data-pow-status]');
    if (!field || !c || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
    if (status) { status.hidden = false; status.textContent = '正在自动完成人机验证……'; }
    solve(c).then(function (n) {
      if (n === null) { if (status) status.textContent = '自动验证未完成，请回答下面的验证题。'; return; }
      field.value = btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature }));
      var q = fs.querySelector('[data-question]');
      if (q) {
        q.hidden = true;
        var a = q.querySelector('input');
        if (a) a.required = false;
      }
      if (status) status.textContent = '已自动完成人机验证，可直接提交。';
    }, function () {
      if (status) status.textContent = '自动验证未完成，请回答下面的验证题。';
    });
  }
  function init() {
    var list = document.querySelectorAll('fieldset[data-pow]');
    for (var i = 0; i < list.length; i++) start(list[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
