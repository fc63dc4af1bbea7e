// The CAPTCHA widget of an inquiry form (Features/Shared/Views/_Captcha.cshtml), loaded only where it is drawn.
// The Content-Security-Policy forbids inline styles and blob: workers, so the portal uses ALTCHA's "external" build,
// which leaves registering the proof-of-work worker, served from the portal itself, to the page.
import '../lib/altcha/altcha.min.js';
import '../lib/altcha/i18n/fa.js';

globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(new URL('../lib/altcha/workers/sha.js', import.meta.url)));
