// Keyboard shortcuts for the common review actions. Reading and every form work without this script.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key;
    var quick = document.querySelector('button.quick[data-key="' + key + '"]');
    if (quick) { event.preventDefault(); quick.click(); return; }
    if (key === "e") {
      var note = document.getElementById("note-input");
      if (note) { event.preventDefault(); note.focus(); }
    } else if (key === "/") {
      var search = document.getElementById("search");
      if (search) { event.preventDefault(); search.focus(); }
    } else if (key === "g") {
      window.location.href = "/";
    } else if (key === "j" || key === "k") {
      var links = Array.prototype.slice.call(document.querySelectorAll("a.open-finding"));
      if (!links.length) { return; }
      var index = links.indexOf(document.activeElement);
      index = key === "j" ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0);
      links[index].focus();
      event.preventDefault();
    }
  });
})();
