/*
 * Portail VIF Nord — search suggestions. Progressive enhancement only: without this
 * script the search box is a plain field and its form submits to /recherche/.
 *
 * Any <input data-autocomplete="/recherche/suggestions/"> becomes a WAI-ARIA 1.2
 * combobox with list autocomplete (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 *  - the input gets role="combobox", aria-autocomplete="list", aria-expanded,
 *    aria-controls and, while an option is highlighted, aria-activedescendant
 *    (the keyboard focus stays in the input);
 *  - a <ul role="listbox"> of <li role="option"> follows the input; its parent gets
 *    the "has-search-suggestions" class (positioning, see portal.css);
 *  - from 2 characters, 200 ms after the last key, the endpoint is asked
 *    (?q=…; answer {"suggestions": [{"title", "url", "type"}]});
 *  - ArrowDown / ArrowUp move through the options (wrapping), Enter opens the
 *    highlighted suggestion (or submits the form when none is), Escape closes the
 *    list (a second Escape leaves the browser's own behaviour), Tab closes it;
 *    a click on an option opens it;
 *  - a polite live region (no role="status": pages keep theirs for their own
 *    messages) says "3 suggestions disponibles" / "Aucune suggestion".
 * Vanilla ES5, no dependency. Loaded with defer from base.html.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var MIN_LENGTH = 2;
  var CACHE_SIZE = 30;
  var SAFE_URL = /^(\/(?!\/)|https?:\/\/)/;
  var instances = 0;

  function announceText(count) {
    if (count === 0) {
      return "Aucune suggestion";
    }
    return count === 1 ? "1 suggestion disponible" : count + " suggestions disponibles";
  }

  function Combobox(input) {
    instances += 1;
    var base = input.id || "recherche-" + instances;
    this.input = input;
    this.endpoint = input.getAttribute("data-autocomplete");
    this.form = input.form;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.sequence = 0;
    this.controller = null;
    this.cache = {};
    this.cacheKeys = [];
    this.lastAnnouncement = "";

    this.list = document.createElement("ul");
    this.list.id = base + "-suggestions";
    this.list.className = "search-suggest__list";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", "Suggestions de recherche");
    this.list.hidden = true;

    this.status = document.createElement("div");
    this.status.id = base + "-suggestions-status";
    this.status.className = "visually-hidden";
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("aria-atomic", "true");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("data-autocomplete-ready", "");
    input.removeAttribute("aria-activedescendant");

    input.parentNode.classList.add("has-search-suggestions");
    input.insertAdjacentElement("afterend", this.list);
    this.list.insertAdjacentElement("afterend", this.status);

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    // Keep the focus in the input when an option is pressed, then follow it on click.
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.list.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.query = function () {
    return this.input.value.replace(/\s+/g, " ").trim();
  };

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.setActive(-1);
    if (this.query().length < MIN_LENGTH) {
      this.sequence += 1; // late answers to a longer text are ignored
      this.abort();
      this.close();
      this.announce("");
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(self.query());
    }, DEBOUNCE_MS);
  };

  Combobox.prototype.abort = function () {
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
  };

  Combobox.prototype.fetch = function (text) {
    var self = this;
    var sequence = (this.sequence += 1);
    if (Object.prototype.hasOwnProperty.call(this.cache, text)) {
      this.show(this.cache[text]);
      return;
    }
    this.abort();
    var options = { headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (window.AbortController) {
      this.controller = new window.AbortController();
      options.signal = this.controller.signal;
    }
    var separator = this.endpoint.indexOf("?") === -1 ? "?" : "&";
    window
      .fetch(this.endpoint + separator + "q=" + encodeURIComponent(text), options)
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var items = (data && data.suggestions) || [];
        items = items.filter(function (item) {
          return item && typeof item.title === "string" && typeof item.url === "string" && SAFE_URL.test(item.url);
        });
        self.remember(text, items);
        if (sequence === self.sequence && document.activeElement === self.input) {
          self.show(items);
        }
      })
      .catch(function () {
        if (sequence === self.sequence) {
          self.close();
        }
      });
  };

  Combobox.prototype.remember = function (text, items) {
    if (!Object.prototype.hasOwnProperty.call(this.cache, text)) {
      this.cacheKeys.push(text);
      if (this.cacheKeys.length > CACHE_SIZE) {
        delete this.cache[this.cacheKeys.shift()];
      }
    }
    this.cache[text] = items;
  };

  Combobox.prototype.show = function (items) {
    var list = this.list;
    var base = list.id;
    this.items = items;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = base + "-" + index;
      option.className = "search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var title = document.createElement("span");
      title.className = "search-suggest__title";
      title.textContent = item.title;
      option.appendChild(title);
      if (item.type) {
        var type = document.createElement("span");
        type.className = "search-suggest__type";
        var separator = document.createElement("span");
        separator.className = "visually-hidden";
        separator.textContent = ", ";
        type.appendChild(separator);
        type.appendChild(document.createTextNode(item.type));
        option.appendChild(type);
      }
      list.appendChild(option);
    });
    if (items.length) {
      this.open();
    } else {
      this.close();
    }
    this.announce(announceText(items.length));
  };

  Combobox.prototype.announce = function (text) {
    if (text === this.lastAnnouncement) {
      return;
    }
    this.lastAnnouncement = text;
    this.status.textContent = text;
  };

  Combobox.prototype.isOpen = function () {
    return !this.list.hidden;
  };

  Combobox.prototype.open = function () {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    window.clearTimeout(this.timer);
    this.setActive(-1);
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  };

  Combobox.prototype.setActive = function (index) {
    var options = this.list.children;
    if (this.active >= 0 && options[this.active]) {
      options[this.active].classList.remove("is-active");
      options[this.active].setAttribute("aria-selected", "false");
    }
    this.active = index;
    if (index < 0 || !options[index]) {
      this.active = -1;
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    var option = options[index];
    option.classList.add("is-active");
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    if (option.scrollIntoView) {
      option.scrollIntoView({ block: "nearest" });
    }
  };

  Combobox.prototype.move = function (step) {
    var count = this.items.length;
    if (!count) {
      return;
    }
    if (!this.isOpen()) {
      this.open();
    }
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    this.setActive(next);
  };

  Combobox.prototype.follow = function (index) {
    var item = this.items[index];
    if (!item) {
      return;
    }
    this.close();
    window.location.assign(item.url);
  };

  Combobox.prototype.onKeydown = function (event) {
    if (event.isComposing || event.ctrlKey || event.metaKey) {
      return;
    }
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        if (event.altKey) {
          if (this.items.length) {
            this.open();
          }
        } else if (this.items.length) {
          this.move(1);
        } else if (this.query().length >= MIN_LENGTH) {
          this.fetch(this.query());
        } else {
          return;
        }
        event.preventDefault();
        break;
      case "ArrowUp":
      case "Up":
        if (!this.isOpen()) {
          return;
        }
        if (event.altKey) {
          this.close();
        } else {
          this.move(-1);
        }
        event.preventDefault();
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.follow(this.active);
        }
        break;
      case "Escape":
      case "Esc":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest ? event.target.closest("[role='option']") : null;
    if (option && this.list.contains(option)) {
      this.follow(Number(option.getAttribute("data-index")));
    }
  };

  function init() {
    if (!window.fetch || !window.Element || !Element.prototype.insertAdjacentElement) {
      return;
    }
    var inputs = document.querySelectorAll("input[data-autocomplete]:not([data-autocomplete-ready])");
    Array.prototype.forEach.call(inputs, function (input) {
      if (input.getAttribute("data-autocomplete") && input.parentNode) {
        new Combobox(input); // eslint-disable-line no-new
      }
    });
  }

  window.PortalSearchSuggestions = { init: init };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
