// Comment forms sent in place (htmx, loaded just before this file; solidarity/discussion/comment_views.py).
// A form marked data-htmx-form is sent by htmx on its own event, once nothing else stopped the submit: the spam
// guard's proof of work (altcha) stops the first submit, solves its challenge, then submits again. Without
// JavaScript, or without htmx, the form is sent as a page.

// htmx's settings, given before it starts (both scripts are deferred: this one runs after htmx's file and before
// the page's DOMContentLoaded, when htmx reads its settings). No style of its own (the Content Security Policy
// allows no inline style), no eval, no script from a response; a form sent back with errors (4xx) is swapped in.
if (globalThis.htmx) {
  Object.assign(globalThis.htmx.config, {
    includeIndicatorStyles: false,
    allowEval: false,
    allowScriptTags: false,
    responseHandling: [
      { code: "204", swap: false },
      { code: "[234]..", swap: true },
      { code: "...", swap: false, error: true },
    ],
  });
}
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-htmx-form")) return;
  if (event.defaultPrevented || !globalThis.htmx) return;
  event.preventDefault();
  globalThis.htmx.trigger(form, "discussion-send");
});

// What was swapped in gets the focus where it says (data-focus): its result, its errors, the form loaded.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  const focus = target && target.querySelector("[data-focus]");
  if (focus) focus.focus();
});
