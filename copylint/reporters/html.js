"use strict";
(function () {
  var body = document.body;
  var notes = Array.prototype.slice.call(document.querySelectorAll(".note"));
  var current = -1;

  function marksOf(note) {
    var article = note.closest("article");
    return article ? Array.prototype.slice.call(article.querySelectorAll('mark.hl[data-f~="' + note.dataset.f + '"]')) : [];
  }
  function visible(note) { return note.offsetParent !== null; }

  function refreshMarks() {
    // A highlight is off when every finding it shows is filtered out.
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var article = mark.closest("article");
      var on = mark.dataset.f.split(" ").some(function (i) {
        var note = article.querySelector('.note[data-f="' + i + '"]');
        return note && visible(note);
      });
      mark.classList.toggle("off", !on);
    });
  }

  function select(index, scroll) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    current = index;
    var position = document.getElementById("position");
    if (index < 0) { position.textContent = ""; return; }
    var note = notes[index];
    note.classList.add("current");
    var marks = marksOf(note);
    marks.forEach(function (mark) { mark.classList.add("current"); });
    var shown = notes.filter(visible);
    position.textContent = "finding " + (shown.indexOf(note) + 1) + " of " + shown.length + ": " + note.dataset.code;
    if (scroll) {
      (marks[0] || note).scrollIntoView({ block: "center", behavior: "smooth" });
      note.focus({ preventScroll: true });
    }
  }

  // Wide screens: the article flows on and each note floats beside its first highlight, pushed down only as far
  // as the note above it needs (without this, a paragraph with many notes leaves a gap in the article).
  var wide = window.matchMedia("screen and (min-width: 60rem)");
  function layout() {
    body.classList.toggle("floating", wide.matches);
    document.querySelectorAll("article.file").forEach(function (article) {
      var articleNotes = Array.prototype.slice.call(article.querySelectorAll(".note"));
      if (!wide.matches) {
        articleNotes.forEach(function (note) { note.style.top = ""; });
        article.style.minHeight = "";
        return;
      }
      var base = article.getBoundingClientRect().top;
      var bottom = 0;
      articleNotes.forEach(function (note) {
        if (!visible(note)) return;
        var marks = marksOf(note).filter(function (m) { return !m.classList.contains("off"); });
        var anchor = marks[0] || note.closest(".row");
        var top = Math.max(anchor.getBoundingClientRect().top - base - 4, bottom);
        note.style.top = top + "px";
        bottom = top + note.offsetHeight + 6;
      });
      article.style.minHeight = bottom + "px";
    });
  }

  function step(direction) {
    var shown = notes.filter(visible);
    if (!shown.length) return;
    var at = current >= 0 ? shown.indexOf(notes[current]) : -1;
    var next = at < 0 ? (direction > 0 ? 0 : shown.length - 1) : (at + direction + shown.length) % shown.length;
    select(notes.indexOf(shown[next]), true);
  }

  document.querySelectorAll(".filter").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      body.classList.toggle("hide-" + button.dataset.filter, !on);
      refreshMarks();
      layout();
      if (current >= 0 && !visible(notes[current])) select(-1, false);
    });
  });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  notes.forEach(function (note, index) {
    note.addEventListener("click", function (event) {
      if (event.target.closest("summary")) return;
      select(index, false);
      var marks = marksOf(note);
      if (marks[0]) marks[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
    });
  });
  document.querySelectorAll("mark.hl").forEach(function (mark) {
    mark.addEventListener("click", function () {
      var article = mark.closest("article");
      var ids = mark.dataset.f.split(" ");
      var note = article.querySelector('.note[data-f="' + ids[ids.length - 1] + '"]');
      if (note) select(notes.indexOf(note), false);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea") return;
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
    else if (event.key === "Escape") { select(-1, false); }
  });
  document.querySelectorAll("details").forEach(function (d) { d.addEventListener("toggle", layout); });
  window.addEventListener("resize", layout);
  if (wide.addEventListener) wide.addEventListener("change", layout);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(layout);
  layout();
  // Printed pages show every explanation (and lay notes out in rows: see the print style).
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    layout();
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; }); opened = [];
    layout();
  });
})();
