// "Lees voor": read the page aloud with the browser's own speech synthesis.
// An enhancement: the button stays hidden unless the browser can speak the page's language.
// A phone number is read as one, with its words: "Bel telefoonnummer 1 4 0 2 4" (digit by digit,
// a number to dial; the word is added where the text does not say it, because residents did not
// recognise 14 024 as a phone number). The button changes its label to "Stop met voorlezen"
// while it reads (a label, not a toggle state: one way to say it); Escape stops too.
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

  function voice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().indexOf(lang) === 0) {
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

  // The text of one block as it is read aloud.
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
    return clone.textContent.replace(/\s+/g, " ").trim();
  }

  function blocks() {
    var root = document.querySelector("main article") || document.querySelector("main");
    var found = root.querySelectorAll("h1, h2, h3, p, li, dt, dd");
    var texts = [];
    for (var i = 0; i < found.length; i++) {
      if (found[i].closest("[data-lees-voor]")) { continue; }
      var text = spoken(found[i]);
      if (text) { texts.push(text); }
    }
    return texts;
  }

  function stop() {
    synth.cancel();
    speaking = false;
    button.textContent = labelStart;
  }

  function start() {
    var chosen = voice();
    var texts = blocks();
    speaking = true;
    button.textContent = labelStop;
    texts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = chosen ? chosen.lang : lang;
      if (chosen) { utterance.voice = chosen; }
      utterance.rate = 0.9;
      if (index === texts.length - 1) { utterance.onend = stop; }
      synth.speak(utterance);
    });
  }

  function offer() {
    if (voice()) {
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
