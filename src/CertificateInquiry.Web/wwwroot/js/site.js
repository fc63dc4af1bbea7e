// Progressive enhancement only: every page works without this file.
// Loaded synchronously in <head> (it is tiny), so the class below is set before the page is drawn.
(function () {
  'use strict';

  // Marks the page as scripted; site.css shows the menu stacked and open when this class is absent.
  document.documentElement.classList.add('js');

  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
      return;
    }

    summary.focus();

    // A link in the summary moves focus to its field and scrolls the field's label (or legend) into view.
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) {
        return;
      }

      var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!field) {
        return;
      }

      event.preventDefault();
      var fieldset = field.closest('fieldset');
      var legend = fieldset ? fieldset.querySelector('legend') : null;
      var label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
      var target = legend || label || field;
      target.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // Fields that only apply to one answer of a radio group (data-shown-when="Name=Value") are hidden otherwise.
  // Without script they stay visible, with a hint saying when they apply.
  function revealConditionalFields() {
    document.querySelectorAll('[data-shown-when]').forEach(function (block) {
      var rule = block.getAttribute('data-shown-when').split('=');
      var radios = document.querySelectorAll('input[type=radio][name="' + CSS.escape(rule[0]) + '"]');
      function update() {
        var chosen = document.querySelector('input[type=radio][name="' + CSS.escape(rule[0]) + '"]:checked');
        block.hidden = !(chosen && chosen.value === rule[1]) && !block.querySelector('.field-validation-error');
      }
      radios.forEach(function (radio) { radio.addEventListener('change', update); });
      update();
    });
  }

  // A result shown on the page that asked for it (a lookup's answer) takes focus, so that it is read out at once;
  // an error summary, when there is one, comes first.
  function focusResult() {
    if (document.querySelector('[data-error-summary]')) {
      return;
    }

    var result = document.querySelector('[data-focus-on-load]');
    if (result) {
      result.focus();
    }
  }

  function enhance() {
    focusErrorSummary();
    focusResult();
    revealConditionalFields();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
