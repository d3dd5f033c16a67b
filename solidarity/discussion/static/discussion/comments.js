// Comment forms sent in place (htmx, loaded just before this file; solidarity/discussion/comment_views.py).
// A form marked data-htmx-form is sent by htmx on its own event, once nothing else stopped the submit: the spam
// guard's proof of work (altcha) stops the first submit, solves its challenge, then submits again. Without
// JavaScript, or without htmx, the form is sent as a page.
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
