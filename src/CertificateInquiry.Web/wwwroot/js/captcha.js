// The CAPTCHA widget of an inquiry form (Features/Shared/Views/_Captcha.cshtml), loaded only where it is drawn.
// The Content-Security-Policy forbids inline styles and blob: workers, so the portal uses ALTCHA's "external" build,
// which leaves registering the proof-of-work worker, served from the portal itself, to the page.
import '../lib/altcha/altcha.min.js';
import '../lib/altcha/i18n/fa.js';

globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(new URL('../lib/altcha/workers/sha.js', import.meta.url)));

// The widget shows its state only by drawing it: the field's live region says it in words, for screen readers.
const statusText = {
  verifying: 'در حال تأیید؛ چند لحظه صبر کنید…',
  verified: 'تأیید شد. اکنون می‌توانید فرم را بفرستید.',
  error: 'تأیید انجام نشد؛ دوباره گزینهٔ «من ربات نیستم» را بزنید.',
  expired: 'زمان تأیید گذشت؛ دوباره گزینهٔ «من ربات نیستم» را بزنید.',
};

document.querySelectorAll('.captcha-field').forEach((field) => {
  const widget = field.querySelector('altcha-widget');
  const status = field.querySelector('[data-captcha-status]');
  if (!widget || !status) {
    return;
  }

  widget.addEventListener('statechange', (event) => {
    const text = statusText[event.detail && event.detail.state];
    if (text !== undefined) {
      status.textContent = text;
    }
  });
});
