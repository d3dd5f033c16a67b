// Scripts loaded when a reader starts using a part of the page, not before (issue 14). An element with
// data-use="selector" (its zone: the closest match; empty: itself) lists data-use-styles, data-use-scripts
// (classic) and data-use-modules; the first focus, press or input in its zone loads them, in order, once each,
// then the zone gets "use:loaded". A form sent sooner waits for them and is sent again (or, if one fails, as
// without JavaScript).
const loads = new Map();
const needs = new WeakMap();
const ready = new WeakSet();
const announced = new WeakSet();
const words = (value) => (value || "").split(/\s+/).filter(Boolean);

function add(address, element) {
  if (!loads.has(address)) {
    loads.set(
      address,
      new Promise((resolve, reject) => {
        element.onload = resolve;
        element.onerror = () => reject(new Error(address));
        document.head.append(element);
      }),
    );
  }
  return loads.get(address);
}

const style = (href) => add(href, Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
const script = (src, type = "") => add(src, Object.assign(document.createElement("script"), { src, type }));

function load(element) {
  if (!needs.has(element)) {
    const { useStyles, useScripts, useModules } = element.dataset;
    needs.set(
      element,
      (async () => {
        await Promise.all(words(useStyles).map((href) => style(href)));
        for (const src of words(useScripts)) await script(src);
        for (const src of words(useModules)) await script(src, "module");
        ready.add(element);
      })(),
    );
  }
  return needs.get(element);
}

// The elements whose zone holds `target`, each with its zone; their loading started.
function start(target) {
  const found = [];
  for (const element of document.querySelectorAll("[data-use]")) {
    const zone = element.dataset.use ? element.closest(element.dataset.use) : element;
    if (zone && zone.contains(target)) found.push([element, zone]);
  }
  for (const zone of new Set(found.map(([, zone]) => zone))) {
    if (announced.has(zone)) continue;
    announced.add(zone);
    const elements = found.filter(([, other]) => other === zone).map(([element]) => load(element));
    Promise.all(elements).then(() => zone.dispatchEvent(new Event("use:loaded", { bubbles: true })), () => {});
  }
  return found.map(([element]) => element);
}

for (const type of ["focusin", "pointerdown", "input"]) {
  document.addEventListener(type, (event) => event.target instanceof Element && start(event.target), true);
}

document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const waiting = start(form).filter((element) => !ready.has(element));
    if (waiting.length === 0) return;
    event.preventDefault(); // held back: nothing else sees this sending
    event.stopImmediatePropagation();
    const submitter = event.submitter;
    Promise.all(waiting.map(load)).then(
      () => form.requestSubmit(submitter && submitter.form === form && submitter.isConnected ? submitter : null),
      () => form.submit(),
    );
  },
  true,
);
