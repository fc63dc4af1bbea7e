// The back-office dashboard's charts, drawn with Chart.js (wwwroot/lib/chartjs) from the JSON block the page carries
// (#dashboard-data). The same numbers are in the table beside each chart: without this script the page loses nothing
// but the pictures. No inline script or style is used (the Content-Security-Policy allows neither).
(function () {
  'use strict';

  var source = document.getElementById('dashboard-data');
  if (!source || typeof window.Chart === 'undefined') {
    return;
  }

  var data = JSON.parse(source.textContent);
  var Chart = window.Chart;
  var styles = getComputedStyle(document.documentElement);
  function colour(name, fallback) {
    return styles.getPropertyValue(name).trim() || fallback;
  }

  var ink = colour('--site-ink', '#1b262c');
  var muted = colour('--site-muted', '#4a5960');
  var primary = colour('--site-primary', '#0d4a5a');
  var accent = colour('--site-gold', '#f3d27a');
  var grid = colour('--site-border', '#d3dee2');

  // Persian text and digits: the page's font, right-to-left legends and tooltips, numbers in fa-IR (Persian digits).
  Chart.defaults.font.family = 'Vazirmatn, Tahoma, sans-serif';
  Chart.defaults.font.size = 13;
  Chart.defaults.color = ink;
  Chart.defaults.borderColor = grid;
  Chart.defaults.locale = 'fa-IR';
  Chart.defaults.animation = false; // figures, not motion; also what people who ask for reduced motion want
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.rtl = true;
  Chart.defaults.plugins.legend.textDirection = 'rtl';
  Chart.defaults.plugins.tooltip.rtl = true;
  Chart.defaults.plugins.tooltip.textDirection = 'rtl';

  var integerTicks = { precision: 0 };

  // A long Persian label («ثبت‌شده، در انتظار بررسی») on two lines at the space nearest its middle, instead of tilted.
  function wrap(label) {
    if (label.length <= 14) {
      return label;
    }

    var middle = label.length / 2;
    var best = -1;
    for (var i = 0; i < label.length; i++) {
      if (label[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
        best = i;
      }
    }

    return best < 0 ? label : [label.slice(0, best), label.slice(best + 1)];
  }

  // Right to left: the first category on the right, the value axis on the right.
  function categoryAxis() {
    return { reverse: true, grid: { display: false }, ticks: { color: ink, maxRotation: 0, autoSkip: false } };
  }

  function valueAxis() {
    return { position: 'right', beginAtZero: true, ticks: integerTicks };
  }

  function draw() {
    var byStatus = document.getElementById('chart-by-status');
    if (byStatus && data.byStatus) {
      new Chart(byStatus, {
        type: 'bar',
        data: {
          labels: data.byStatus.labels.map(wrap),
          datasets: [{ label: 'درخواست‌ها', data: data.byStatus.values, backgroundColor: primary, borderRadius: 4 }]
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { x: categoryAxis(), y: valueAxis() }
        }
      });
    }

    var byProvince = document.getElementById('chart-by-province');
    if (byProvince && data.byProvince) {
      new Chart(byProvince, {
        type: 'bar',
        data: {
          labels: data.byProvince.labels,
          datasets: [
            { label: 'همه', data: data.byProvince.total, backgroundColor: primary, borderRadius: 3 },
            { label: 'بی‌پاسخ', data: data.byProvince.open, backgroundColor: accent, borderRadius: 3 }
          ]
        },
        options: {
          indexAxis: 'y',
          plugins: { legend: { position: 'top', align: 'start' } },
          scales: {
            x: { reverse: true, beginAtZero: true, ticks: integerTicks },
            y: { position: 'right', grid: { display: false }, ticks: { color: ink, autoSkip: false } }
          }
        }
      });
    }

    var lookups = document.getElementById('chart-lookups');
    if (lookups && data.lookups) {
      var datasets = [];
      if (data.lookups.total) {
        datasets.push({ label: 'همه استعلام‌ها', data: data.lookups.total, borderColor: primary, backgroundColor: primary, cubicInterpolationMode: 'monotone', pointRadius: 2 });
      }
      datasets.push({ label: 'یافته‌شده', data: data.lookups.found, borderColor: '#b07d00', backgroundColor: '#b07d00', cubicInterpolationMode: 'monotone', pointRadius: 2 });
      new Chart(lookups, {
        type: 'line',
        data: { labels: data.lookups.labels, datasets: datasets },
        options: {
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'top', align: 'start' } },
          scales: {
            x: { reverse: true, grid: { display: false }, ticks: { color: muted, maxRotation: 0, autoSkipPadding: 12 } },
            y: valueAxis()
          }
        }
      });
    }
  }

  // Canvas text is drawn once: wait for Vazirmatn so that the labels are not drawn in a fallback font.
  if (document.fonts && document.fonts.load) {
    document.fonts.load('400 13px Vazirmatn').then(draw, draw);
  } else {
    draw();
  }
})();
