// "Lees voor": read the page aloud with the browser's own speech synthesis.
// An enhancement: the button stays hidden unless the browser can speak the page's language.
// Phone numbers are read digit by digit ("1 4 0 2 4"), so 14 024 is heard as a number to dial.
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

  function digits(text) {
    return text.replace(/\d/g, function (d) { return d + " "; }).replace(/[^\d+ ]/g, " ");
  }

  // The text of one block, with phone numbers spelled out digit by digit.
  function spoken(el) {
    var clone = el.cloneNode(true);
    var hidden = clone.querySelectorAll("[aria-hidden=true], .loket-visually-hidden");
    for (var h = 0; h < hidden.length; h++) { hidden[h].remove(); }
    var phones = clone.querySelectorAll("a[href^='tel:']");
    for (var i = 0; i < phones.length; i++) {
      phones[i].textContent = digits(phones[i].textContent);
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
    button.setAttribute("aria-pressed", "false");
  }

  function start() {
    var chosen = voice();
    var texts = blocks();
    speaking = true;
    button.textContent = labelStop;
    button.setAttribute("aria-pressed", "true");
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
  offer();
  if ("onvoiceschanged" in synth) {
    synth.addEventListener("voiceschanged", offer);
  }
})();
