/* "Quote this": pick a quotation's words in a source's archived text (apps/desk/quoting.py).
 *
 * On a source's page, the quotation form opens with the words, the sentence around them and their
 * place in the text; on the quotation form, those fields are filled in place, and the text of the
 * source picked is fetched. Offsets are counted in characters (Unicode code points), as Python
 * counts them; JavaScript's strings count UTF-16 units, so an emoji or another character beyond
 * U+FFFF counts 2 here and 1 there: every offset is converted. The server checks them anyway
 * (Quotation.clean: the words must be what stands at those offsets).
 *
 * Plain script, no build step; loaded from this site only (the admin's Content Security Policy). */
"use strict";

(function () {
  // As apps/claims/anchoring.py's sentence_around: keep the two alike.
  var SENTENCE_END = ".!?…";
  var CLOSERS = "\"'”’»)]";

  function isSpace(character) {
    return /\s/u.test(character);
  }

  function sentenceStartsAfter(chars, position) {
    var before = position - 1;
    while (before >= 0 && CLOSERS.indexOf(chars[before]) !== -1) {
      before -= 1;
    }
    return before >= 0 && SENTENCE_END.indexOf(chars[before]) !== -1;
  }

  // The sentence around chars[start:end] (an array of code points), at most maxLength characters.
  function sentenceAround(chars, start, end, maxLength) {
    var left = start;
    while (left > 0) {
      if (chars[left - 1] === "\n" || (isSpace(chars[left - 1]) && sentenceStartsAfter(chars, left - 1))) {
        break;
      }
      left -= 1;
    }
    var right = end;
    while (right < chars.length) {
      if (chars[right] === "\n" || (isSpace(chars[right]) && sentenceStartsAfter(chars, right))) {
        break;
      }
      right += 1;
    }
    var excerptStart = left;
    var excerptEnd = right;
    if (excerptEnd - excerptStart > maxLength) {
      var spare = Math.max(0, maxLength - (end - start));
      excerptStart = Math.max(left, start - Math.floor(spare / 2));
      excerptEnd = Math.min(right, excerptStart + maxLength);
      excerptStart = Math.max(left, Math.min(excerptStart, excerptEnd - maxLength));
    }
    var excerpt = chars.slice(excerptStart, excerptEnd).join("").trim();
    return Array.from(excerpt).length >= end - start ? excerpt : chars.slice(start, end).join("");
  }

  function codePoints(text) {
    return Array.from(text);
  }

  // The selection of the textarea in code points, without the spaces around it; null when empty.
  function selectionOf(textarea) {
    var value = textarea.value;
    var start16 = textarea.selectionStart;
    var end16 = textarea.selectionEnd;
    if (start16 === null || end16 === null || start16 === end16) {
      return null;
    }
    var start = Array.from(value.slice(0, start16)).length;
    var end = start + Array.from(value.slice(start16, end16)).length;
    var chars = codePoints(value);
    while (start < end && isSpace(chars[start])) {
      start += 1;
    }
    while (end > start && isSpace(chars[end - 1])) {
      end -= 1;
    }
    if (start === end) {
      return null;
    }
    return { chars: chars, start: start, end: end, words: chars.slice(start, end).join("") };
  }

  function field(name) {
    return document.getElementById("id_" + name);
  }

  function setField(name, value) {
    var input = field(name);
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // A place in code points (as Python counts) as a place in UTF-16 units (as a textarea counts).
  function utf16Offset(chars, position) {
    return chars.slice(0, position).join("").length;
  }

  function offsetsInForm() {
    var start = field("selected_start");
    var end = field("selected_end");
    if (!start || !end || start.value === "" || end.value === "") {
      return null;
    }
    var from = parseInt(start.value, 10);
    var to = parseInt(end.value, 10);
    return isNaN(from) || isNaN(to) || to <= from ? null : { start: from, end: to };
  }

  // "Selected: characters X–Y" next to the words: the form's own Char start / Char end are filled
  // only when the quotation is saved (the server checks the words stand at those places).
  function selectionNote() {
    var note = document.getElementById("quote-selected");
    var row = document.querySelector(".form-row.field-text");
    if (!note && row) {
      note = document.createElement("p");
      note.id = "quote-selected";
      note.className = "quote-selected help";
      note.setAttribute("role", "status");
      note.hidden = true;
      var words = field("text");
      var box = words ? words.closest(".flex-container") || words : null;
      if (box) {
        box.insertAdjacentElement("afterend", note);
      } else {
        row.appendChild(note);
      }
    }
    return note;
  }

  function showSelectionNote() {
    var note = selectionNote();
    if (!note) {
      return;
    }
    var offsets = offsetsInForm();
    if (!offsets) {
      note.hidden = true;
      note.textContent = "";
      return;
    }
    var occurrence = field("occurrence");
    var numbered = occurrence && occurrence.value !== "" ? "occurrence " + occurrence.value : "occurrence numbered when saved";
    note.textContent = "Selected: characters " + offsets.start + "–" + offsets.end + " (" + numbered + ")";
    note.hidden = false;
  }

  function setupPanel(panel) {
    var textarea = panel.querySelector(".quote-text");
    var button = panel.querySelector(".quote-this");
    var status = panel.querySelector(".quote-status");
    var maxLength = parseInt(panel.dataset.contextMax, 10) || 600;
    var addUrl = panel.dataset.addUrl;
    var filling = false;

    var form = panel.closest("form");
    function formState() {
      return form ? new URLSearchParams(new FormData(form)).toString() : "";
    }
    var startState = formState();

    var quoted = null; // the selection last quoted: its "Filled in" stays until another is made

    // The words of the form, marked in the text: selected in the box (scrolled to them) and shown
    // with the words around them, marked, under it (a box's selection fades when it loses focus).
    var marked = document.createElement("p");
    marked.className = "quote-marked";
    marked.hidden = true;
    panel.querySelector(".quote-bar").insertAdjacentElement("afterend", marked);

    function markSelection() {
      var offsets = offsetsInForm();
      var chars = codePoints(textarea.value);
      if (!offsets || offsets.end > chars.length) {
        marked.hidden = true;
        return;
      }
      var start16 = utf16Offset(chars, offsets.start);
      var end16 = utf16Offset(chars, offsets.end);
      textarea.setSelectionRange(start16, end16);
      var lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      var before = textarea.value.slice(0, start16);
      var lines = before.split("\n").length;
      var perLine = Math.max(20, Math.floor(textarea.clientWidth / (lineHeight / 2.2)));
      var wrapped = before.split("\n").reduce(function (total, line) {
        return total + Math.floor(line.length / perLine);
      }, lines - 1);
      textarea.scrollTop = Math.max(0, wrapped * lineHeight - textarea.clientHeight / 3);
      var from = Math.max(0, offsets.start - 60);
      var to = Math.min(chars.length, offsets.end + 60);
      marked.textContent = "";
      marked.appendChild(document.createTextNode("In the text: " + (from > 0 ? "…" : "") + chars.slice(from, offsets.start).join("")));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(offsets.start, offsets.end).join("");
      marked.appendChild(mark);
      marked.appendChild(document.createTextNode(chars.slice(offsets.end, to).join("") + (to < chars.length ? "…" : "")));
      marked.hidden = false;
    }

    function describe() {
      var selection = selectionOf(textarea);
      if (selection && quoted === selection.start + ":" + selection.end) {
        return;
      }
      if (!selection) {
        status.textContent = "Select words in the text.";
        return;
      }
      var shown = selection.words.length > 60 ? selection.words.slice(0, 59) + "…" : selection.words;
      status.textContent = "Selected: «" + shown + "» (" + (selection.end - selection.start) + " characters)";
    }

    function quote() {
      var selection = selectionOf(textarea);
      if (!selection) {
        status.textContent = "Select the words in the text first, then press “Quote this”.";
        textarea.focus();
        return;
      }
      var context = sentenceAround(selection.chars, selection.start, selection.end, maxLength);
      if (addUrl) {
        // The quotation form opens in place of this page: what was typed here is not saved.
        if (formState() !== startState &&
            !window.confirm("Your changes to this page are not saved. Open the quotation form anyway?")) {
          return;
        }
        var params = new URLSearchParams({
          text: selection.words,
          context: context,
          selected_start: String(selection.start),
          selected_end: String(selection.end),
        });
        window.location.assign(addUrl + (addUrl.indexOf("?") === -1 ? "?" : "&") + params.toString());
        return;
      }
      filling = true;
      setField("text", selection.words);
      setField("context", context);
      setField("selected_start", String(selection.start));
      setField("selected_end", String(selection.end));
      filling = false;
      showSelectionNote();
      markSelection();
      quoted = selection.start + ":" + selection.end;
      status.textContent =
        "Filled in: the words, the sentence around them, and their place (characters " +
        selection.start + "–" + selection.end + ").";
    }

    // The text is read, never edited (see quote_panel: not `readonly`, for the keyboard's sake).
    var original = textarea.value;
    ["beforeinput", "paste", "cut", "drop"].forEach(function (type) {
      textarea.addEventListener(type, function (event) {
        event.preventDefault();
      });
    });
    textarea.addEventListener("input", function () {
      var start = textarea.selectionStart;
      textarea.value = original;
      textarea.setSelectionRange(start, start);
    });

    button.addEventListener("click", quote);
    ["select", "keyup", "mouseup", "touchend"].forEach(function (type) {
      textarea.addEventListener(type, describe);
    });

    // Words typed by hand are no longer the ones selected: the offsets are dropped, and the
    // server finds the words itself.
    var words = field("text");
    if (words && !addUrl) {
      words.addEventListener("input", function () {
        if (!filling) {
          setField("selected_start", "");
          setField("selected_end", "");
          showSelectionNote();
          marked.hidden = true;
        }
      });
    }

    // On the quotation form: next to the source, and the text of the source picked.
    var sourceRow = document.querySelector(".form-row.field-source");
    if (!addUrl && sourceRow) {
      sourceRow.insertAdjacentElement("afterend", panel);
      var textUrl = panel.dataset.textUrl;
      var select = field("source");
      var onSourceChange = function () {
        var id = select.value;
        if (!id || !textUrl) {
          panel.hidden = true;
          return;
        }
        fetch(textUrl.replace(/\/0\/$/, "/" + encodeURIComponent(id) + "/"), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .then(function (source) {
            if (!source || String(source.id) !== String(select.value)) {
              return;
            }
            textarea.value = original = source.text;
            textarea.dataset.source = source.id;
            panel.hidden = !source.text;
            status.textContent = source.text ? "Select words in the text." : "";
            markSelection();
          });
      };
      // Opened from a source's page ("Quote this" there): the words' place, said and marked.
      showSelectionNote();
      if (!panel.hidden) {
        markSelection();
      }
      if (select && window.django && window.django.jQuery) {
        // select2 announces a choice with jQuery's event, which addEventListener does not hear.
        window.django.jQuery(select).on("change", onSourceChange);
      } else if (select) {
        select.addEventListener("change", onSourceChange);
      }
    }
  }

  function ready() {
    document.querySelectorAll(".quote-panel").forEach(setupPanel);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
