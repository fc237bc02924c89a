// The session-status component (components/session_status.html), enhanced: a quiet warning in
// its live region before the login ends (WCAG 2.2.1), and "Blijf ingelogd" without leaving the
// page, so what the resident typed stays. Without this script the component still says until
// when the login lasts, and its button sends a form that comes back to the same page.
(function () {
  "use strict";
  var box = document.querySelector("[data-session]");
  if (!box || box.hasAttribute("data-session-ready") || !window.fetch) {
    return;
  }
  box.setAttribute("data-session-ready", "");
  var form = box.querySelector("[data-session-form]");
  var button = form.querySelector("button");
  var live = box.querySelector("[data-session-warning]");
  var until = box.querySelector("[data-session-until]");
  var warnLead = Number(box.getAttribute("data-session-warn-seconds") || 120);
  var statusUrl = box.getAttribute("data-session-status-url");
  var timers = [];
  var ended = false;
  var warned = false;

  function message(name, time) {
    return (box.getAttribute("data-msg-" + name) || "").replace("{tijd}", time || "");
  }

  function say(text) {
    live.textContent = text;
  }

  function warn(time) {
    warned = true;
    say(message("warning", time));
  }

  // Has the resident typed or chosen something on this page that is not sent yet?
  function unsent() {
    var fields = document.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.closest("[data-session]") || f.type === "hidden") { continue; }
      if (f.type === "checkbox" || f.type === "radio") {
        if (f.checked !== f.defaultChecked) { return true; }
      } else if (f.tagName === "SELECT") {
        for (var j = 0; j < f.options.length; j++) {
          if (f.options[j].selected !== f.options[j].defaultSelected) { return true; }
        }
      } else if (f.value !== f.defaultValue) {
        return true;
      }
    }
    return false;
  }

  function schedule(seconds) {
    timers.forEach(clearTimeout);
    timers = [
      setTimeout(beforeWarning, Math.max(0, seconds - warnLead) * 1000),
      setTimeout(atEnd, (seconds + 1) * 1000),
    ];
  }

  // Ask how long is left without moving the end: another tab may have kept the login alive.
  function status() {
    return fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); });
  }

  function beforeWarning() {
    status().then(function (s) {
      if (s.seconds > warnLead + 5) {
        if (s.until) { until.textContent = s.until; }
        schedule(s.seconds);
      } else if (s.seconds > 0) {
        warn(s.until || until.textContent);
      } else {
        end();
      }
    }, function () { warn(until.textContent); });
  }

  function atEnd() {
    status().then(function (s) {
      if (s.seconds > 0) {
        if (s.until) { until.textContent = s.until; }
        say("");
        warned = false;
        schedule(s.seconds);
      } else {
        end();
      }
    }, end);
  }

  function end() {
    if (ended) { return; }
    ended = true;
    timers.forEach(clearTimeout);
    say(message("ended"));
    button.textContent = box.getAttribute("data-label-login") || button.textContent;
  }

  form.addEventListener("submit", function (event) {
    // The plain form reloads this page, which is fine when nothing would be lost. Stay on the
    // page when the warning is showing (keep the reader's place) or something is not sent yet.
    // After the end the plain form is right too: the server sends the resident to log in.
    if (ended || (!warned && !unsent())) { return; }
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (s) {
        if (!s.logged_in) {
          end();
          return;
        }
        until.textContent = s.until;
        warned = false;
        say(message("extended", s.until));
        schedule(s.seconds);
      })
      .catch(function () { form.submit(); });
  });

  document.addEventListener("visibilitychange", function () {
    // Timers sleep with the laptop and slow down in a hidden tab: look again on return.
    if (document.visibilityState === "visible" && !ended) {
      status().then(function (s) {
        if (s.seconds <= 0) { end(); return; }
        if (s.until) { until.textContent = s.until; }
        schedule(s.seconds);
        if (s.seconds <= warnLead) { warn(s.until); }
      }, function () {});
    }
  });

  schedule(Number(box.getAttribute("data-session-seconds") || 0));
})();
