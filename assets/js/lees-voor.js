// "Lees voor": read the page aloud with the browser's own speech synthesis.
// An enhancement: the button stays hidden unless the browser can speak the page's language.
// A phone number is read as one, with its words: "Bel telefoonnummer 1 4 0 2 4" (digit by digit,
// a number to dial; the word is added where the text does not say it, because residents did not
// recognise 14 024 as a phone number). The button changes its label to "Stop met voorlezen"
// while it reads (a label, not a toggle state: one way to say it); Escape stops too. A word marked
// with another language (lang="nl" on an English page) is read by a voice for that language,
// when the browser has one.
(function () {
  "use strict";
  var box = document.querySelector("[data-lees-voor]");
  if (!box || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    return;
  }
  var synth = window.speechSynthesis;
  var button = box.querySelector("button");
  var lang = box.getAttribute("data-lang") || "nl";
  var labelStart = button.textContent;
  var labelStop = box.getAttribute("data-stop-label") || labelStart;
  var speaking = false;

  function voice(code) {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().indexOf(code) === 0) {
        return voices[i];
      }
    }
    return null;
  }

  var NUMBER = /\+?\d[\d\s]*\d/g; // groups may be joined by a no-break space
  var NAMED = /(telefoonnummer|nummer|phone number|number)\s*:?\s*$/i;
  var WORD = lang === "nl" ? "telefoonnummer" : "phone number";

  function digits(number) {
    return number.replace(/\s+/g, "").split("").join(" ");
  }

  // The words of a phone link as they are spoken: its number digit by digit, after its name.
  function phone(link, before) {
    var text = link.textContent;
    return text.replace(NUMBER, function (number, offset) {
      var named = NAMED.test(before + text.slice(0, offset));
      return (named ? "" : WORD + " ") + digits(number);
    });
  }

  // The parts of one block as they are read aloud: [{text, lang}], one per language in a row.
  function spoken(el) {
    var clone = el.cloneNode(true);
    var hidden = clone.querySelectorAll("[aria-hidden=true], .loket-visually-hidden");
    for (var h = 0; h < hidden.length; h++) { hidden[h].remove(); }
    var phones = clone.querySelectorAll("a[href^='tel:']");
    for (var i = 0; i < phones.length; i++) {
      var range = document.createRange();
      range.setStart(clone, 0);
      range.setEndBefore(phones[i]);
      phones[i].textContent = phone(phones[i], range.toString());
    }
    var parts = [];
    var walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var marked = node.parentNode.closest("[lang]");
      var code = marked ? marked.getAttribute("lang").toLowerCase() : lang;
      if (code.indexOf(lang) === 0 || !voice(code)) { code = lang; }
      var last = parts[parts.length - 1];
      // Punctuation and spaces stay with what came before: no utterance of its own.
      if (last && (last.lang === code || !/[A-Za-z\u00C0-\u024F0-9]/.test(node.data))) {
        last.text += node.data;
      } else {
        parts.push({ text: node.data, lang: code });
      }
    }
    return parts.map(function (part) {
      return { text: part.text.replace(/\s+/g, " ").trim(), lang: part.lang };
    }).filter(function (part) { return part.text; });
  }

  function blocks() {
    var root = document.querySelector("main article") || document.querySelector("main");
    var found = root.querySelectorAll("h1, h2, h3, p, li, dt, dd");
    var parts = [];
    for (var i = 0; i < found.length; i++) {
      if (found[i].closest("[data-lees-voor]")) { continue; }
      parts = parts.concat(spoken(found[i]));
    }
    return parts;
  }

  function stop() {
    synth.cancel();
    speaking = false;
    button.textContent = labelStart;
  }

  function start() {
    var parts = blocks();
    speaking = true;
    button.textContent = labelStop;
    parts.forEach(function (part, index) {
      var chosen = voice(part.lang);
      var utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = chosen ? chosen.lang : part.lang;
      if (chosen) { utterance.voice = chosen; }
      utterance.rate = 0.9;
      if (index === parts.length - 1) { utterance.onend = stop; }
      synth.speak(utterance);
    });
  }

  function offer() {
    if (voice(lang)) {
      box.hidden = false;
    }
  }

  button.addEventListener("click", function () {
    if (speaking) { stop(); } else { start(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && speaking) { stop(); }
  });
  offer();
  if ("onvoiceschanged" in synth) {
    synth.addEventListener("voiceschanged", offer);
  }
})();
