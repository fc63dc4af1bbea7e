// The agency portal's batch page: a live progress bar. Polls the portal's own JSON (data-progress-url, same origin,
// no cookies sent elsewhere) every second while the batch is queued or running, updates the <progress> element, the
// status, the text and the counts, and reloads the page once the batch is done so that the downloads appear. No inline
// script or style (the Content-Security-Policy allows neither). Without this file the page has a refresh link.
(function () {
  'use strict';

  var section = document.querySelector('[data-batch-progress]');
  if (!section || section.getAttribute('data-done') === 'true' || !window.fetch) {
    return;
  }

  var url = section.getAttribute('data-progress-url');
  var bar = section.querySelector('[data-progress-bar]');
  var status = section.querySelector('[data-progress-status]');
  var text = section.querySelector('[data-progress-text]');
  var refresh = section.querySelector('[data-refresh-link]');
  var persian = new Intl.NumberFormat('fa-IR', { useGrouping: false });
  var failures = 0;

  if (refresh) {
    refresh.hidden = true;
  }

  function show(progress) {
    if (bar) {
      bar.value = progress.percent;
      bar.textContent = persian.format(progress.percent) + '٪';
    }

    if (status) {
      status.textContent = progress.statusTitle;
    }

    if (text) {
      text.textContent = progress.text;
    }

    ['total', 'verified', 'notFound', 'invalid'].forEach(function (name) {
      var cell = section.querySelector('[data-count="' + name + '"]');
      if (cell) {
        cell.textContent = persian.format(progress[name]);
      }
    });
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('progress ' + response.status);
        }

        return response.json();
      })
      .then(function (progress) {
        failures = 0;
        show(progress);
        if (progress.done) {
          section.setAttribute('data-done', 'true');
          // A moment at 100% before the page shows the downloads.
          window.setTimeout(function () { window.location.reload(); }, 800);
          return;
        }

        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        failures++;
        if (failures >= 5) {
          // Signed out, or the server is away: the link does what the script cannot.
          if (refresh) {
            refresh.hidden = false;
          }

          return;
        }

        window.setTimeout(poll, 2000 * failures);
      });
  }

  window.setTimeout(poll, 500);
}());
