/*
 * Webinars — progressive enhancement of the webinar page (templates/webinars/).
 * Without JavaScript everything still works: the native player with its captions, the
 * chapters as a list, the external video as a plain link.
 *
 * - Chapters (a[data-seek]) move the player to their time; the address gets "#t=mm:ss",
 *   and opening the page with such an address (or changing it) seeks the video.
 * - The chapter being played is marked (aria-current="true").
 * - External videos ([data-video-embed]) get a button that loads the provider's player;
 *   nothing is requested from the provider before that click.
 * - Plays: the first "play" of a page load (or the click that loads an external player)
 *   is counted once, with a one-time token fetched then: no identifier, no cookie of ours
 *   (only Django's CSRF cookie, needed to post).
 */
(function () {
  "use strict";

  function parseTime(value) {
    // "90", "01:30", "1:02:15" -> seconds, or null.
    if (!value) return null;
    var text = decodeURIComponent(String(value)).trim();
    if (/^\d+(\.\d+)?s?$/.test(text)) return parseFloat(text);
    var match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(text);
    if (!match) return null;
    return (parseInt(match[1] || "0", 10) * 3600) + (parseInt(match[2], 10) * 60) + parseInt(match[3], 10);
  }

  function formatTime(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var secs = seconds % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return hours ? hours + ":" + pad(minutes) + ":" + pad(secs) : pad(minutes) + ":" + pad(secs);
  }

  function hashTime() {
    var match = /^#t=([^&]+)/.exec(window.location.hash || "");
    return match ? parseTime(match[1]) : null;
  }

  function countPlay(container) {
    var url = container.getAttribute("data-plays-url");
    if (!url || !window.fetch || container.hasAttribute("data-play-counted")) return;
    container.setAttribute("data-play-counted", "");
    // The page is the same for every visitor (and may come from the cache): a one-time token
    // is asked for now, then sent back once.
    window.fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) return;
        var data = new FormData();
        data.append("jeton", answer.jeton);
        data.append("csrfmiddlewaretoken", answer.csrf);
        return window.fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: true });
      })
      .catch(function () { /* statistics never disturb the visitor */ });
  }

  function setUpPlayer(container) {
    var video = container.querySelector("video");
    if (!video) return;
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-seek]"));

    function seek(seconds, play) {
      var go = function () {
        var end = isFinite(video.duration) ? video.duration : seconds;
        video.currentTime = Math.min(seconds, end);
        if (play) {
          var promise = video.play();
          if (promise && promise.catch) promise.catch(function () { /* autoplay refused: the visitor presses play */ });
        }
      };
      if (video.readyState >= 1) {
        go();
      } else {
        video.addEventListener("loadedmetadata", go, { once: true });
        if (video.preload === "none") video.load();
      }
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        var seconds = parseFloat(link.getAttribute("data-seek"));
        if (isNaN(seconds)) return;
        event.preventDefault();
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", "#t=" + formatTime(seconds));
        }
        seek(seconds, true);
        // Keyboard users go on with the player's controls (Space to pause).
        video.focus({ preventScroll: false });
      });
    });

    function markCurrentChapter() {
      var current = null;
      links.forEach(function (link) {
        if (parseFloat(link.getAttribute("data-seek")) <= video.currentTime + 0.25) current = link;
      });
      links.forEach(function (link) {
        if (link === current) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      });
    }
    video.addEventListener("timeupdate", markCurrentChapter);
    video.addEventListener("seeked", markCurrentChapter);

    video.addEventListener("play", function () { countPlay(container); }, { once: true });

    var initial = hashTime();
    if (initial !== null) seek(initial, false);
    window.addEventListener("hashchange", function () {
      var seconds = hashTime();
      if (seconds !== null) seek(seconds, false);
    });
  }

  function setUpEmbed(container) {
    var src = container.getAttribute("data-embed-src");
    var provider = container.getAttribute("data-embed-provider") || "le site externe";
    if (!src) return;
    var actions = container.querySelector(".video-embed__actions") || container;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Charger le lecteur " + provider;
    actions.insertBefore(button, actions.firstChild);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = container.getAttribute("data-embed-title") || "Vidéo";
      frame.className = "video-embed__frame";
      frame.setAttribute("allow", "fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      var wrapper = document.createElement("div");
      wrapper.className = "video-embed__player";
      wrapper.appendChild(frame);
      container.insertBefore(wrapper, container.firstChild);
      button.remove();
      countPlay(container);
      frame.focus();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-webinar-player]"), setUpPlayer);
    Array.prototype.forEach.call(document.querySelectorAll("[data-video-embed]"), setUpEmbed);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
