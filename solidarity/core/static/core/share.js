/* Share: a "Copy link" button beside the page's address (core/_share.html). Without JavaScript the address
   stays in its read-only field for the reader to copy. */
(function () {
  "use strict";

  function enhance(box) {
    if (box.dataset.shareReady) {
      return;
    }
    box.dataset.shareReady = "true";
    var field = box.querySelector("input");
    var template = box.querySelector("template[data-share-button]");
    var status = box.querySelector("[role=status]");
    if (!field || !template || !status) {
      return;
    }
    var button = template.content.firstElementChild.cloneNode(true);
    template.replaceWith(button);
    field.addEventListener("focus", function () {
      field.select();
    });
    button.addEventListener("click", function () {
      function failed() {
        field.focus();
        field.select();
        status.textContent = box.dataset.failed;
      }
      if (!navigator.clipboard || !navigator.clipboard.writeText) {
        failed();
        return;
      }
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = box.dataset.copied;
      }, failed);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-share-copy]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
