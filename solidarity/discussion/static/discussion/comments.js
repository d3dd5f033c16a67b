// Comment forms sent in place (htmx; solidarity/discussion/comment_views.py). Loaded, then htmx, only when the
// reader starts using the comments (core/on-use.js); links and forms used before that work as pages.
// A form marked data-htmx-form is sent by htmx on its own event, once nothing else stopped the submit: the spam
// guard's proof of work (altcha) stops the first submit, solves its challenge, then submits again. Without
// JavaScript, or without htmx, the form is sent as a page.

// htmx's settings. No style of its own (the Content Security Policy allows no inline style), no eval, no script
// from a response; a form sent back with errors (4xx) is swapped in. htmx reads them from a meta element when it
// starts (this file runs before htmx's); they are set again once it is there, and the page is processed then
// (htmx starting after the page's DOMContentLoaded may not do so on its own).
const config = {
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[234]..", swap: true },
    { code: "...", swap: false, error: true },
  ],
};
if (!document.querySelector('meta[name="htmx-config"]')) {
  const meta = Object.assign(document.createElement("meta"), { name: "htmx-config", content: JSON.stringify(config) });
  document.head.append(meta);
}
document.addEventListener("use:loaded", (event) => {
  if (!globalThis.htmx || !(event.target instanceof Element) || !event.target.matches(".discussion")) return;
  Object.assign(globalThis.htmx.config, config);
  globalThis.htmx.process(document.body);
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-htmx-form")) return;
  if (event.defaultPrevented || !globalThis.htmx) return;
  event.preventDefault();
  globalThis.htmx.process(form); // (nothing new when htmx has seen it)
  globalThis.htmx.trigger(form, "discussion-send");
});

// What was swapped in gets the focus where it says (data-focus): its result, its errors, the form loaded.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  const focus = target && target.querySelector("[data-focus]");
  if (focus) focus.focus();
});
