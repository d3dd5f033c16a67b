// The spam guard's proof of work (solidarity/core/spam.py): the altcha widget (vendor/altcha, loaded just
// before this module) gets the worker of the PBKDF2 proof of work from our static files and its words in the
// page's language; it then solves a challenge from /altcha/challenge/ when the form is sent.
const altcha = globalThis.$altcha;
if (altcha) {
  for (const widget of document.querySelectorAll("altcha-widget[data-worker]")) {
    const worker = widget.dataset.worker;
    altcha.algorithms.set("PBKDF2/SHA-256", () => new Worker(worker));
    const language = widget.getAttribute("language");
    if (language && widget.dataset.strings) {
      altcha.i18n.set(language, { ...altcha.i18n.get("en"), ...JSON.parse(widget.dataset.strings) });
    }
  }
}
