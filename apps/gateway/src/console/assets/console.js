// The console works without this script; with it, the progress page refreshes its figures in
// place and a row's change is saved without leaving the review.
(function () {
  'use strict';

  function followProgress(panel) {
    var url = panel.getAttribute('data-progress-url');
    var status = panel.getAttribute('data-status');
    var bar = panel.querySelector('progress');
    var texts = { rows: panel.querySelector('[data-figure="rows"]'), rate: panel.querySelector('[data-figure="rate"]'), eta: panel.querySelector('[data-figure="eta"]') };
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('progress ' + response.status);
          return response.json();
        })
        .then(function (progress) {
          if (progress.status !== status) {
            window.location.reload();
            return;
          }
          bar.max = Math.max(progress.total, 1);
          bar.value = progress.processed;
          texts.rows.textContent = progress.rows;
          texts.rate.textContent = progress.rate;
          texts.eta.textContent = progress.eta;
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          window.setTimeout(poll, 3000);
        });
    }
    window.setTimeout(poll, 1000);
  }

  function saveInPlace(form, submitter) {
    var data = new URLSearchParams(new FormData(form, submitter));
    var row = form.closest('tr');
    return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.text().then(function (html) {
          return { response: response, html: html };
        });
      })
      .then(function (answer) {
        var page = new DOMParser().parseFromString(answer.html, 'text/html');
        var fresh = row && page.getElementById(row.id);
        if (!fresh) {
          // Not the review any more (committed meanwhile, signed out…): show whatever page it is.
          window.location.assign(answer.response.url);
          return;
        }
        row.replaceWith(fresh);
        ['review-counts', 'review-commit'].forEach(function (id) {
          var now = document.getElementById(id);
          var then = page.getElementById(id);
          if (now && then) now.replaceWith(then);
        });
        var focus = fresh.querySelector('.row-error') || fresh.querySelector('.saved');
        if (focus) focus.focus();
        enhanceForms(fresh);
      });
  }

  function enhanceForms(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-row-form]'), function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        saveInPlace(form, event.submitter).catch(function () {
          form.submit();
        });
      });
    });
  }

  var panel = document.querySelector('[data-progress-url]');
  if (panel) followProgress(panel);
  enhanceForms(document);
})();
