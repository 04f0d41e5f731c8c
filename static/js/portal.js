/*
 * Portail VIF Nord — progressive enhancement only: every page works without it.
 * Loaded synchronously in <head> (it is tiny) so that the "js" class is on
 * <html> before the first paint; the rest waits for the DOM.
 *  - mobile menu: the "Menu" button toggles #menu-principal (aria-expanded);
 *    Escape closes it and gives focus back to the button;
 *  - skip links: move the keyboard focus to their target;
 *  - filter panels: open on wide screens, folded on small ones.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function initMenu() {
    var toggle = document.querySelector("[data-nav-toggle]");
    if (!toggle) {
      return;
    }
    var menu = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) {
      return;
    }

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }

    setOpen(false);

    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") {
        return;
      }
      // Only when the button is shown (narrow screens) and focus is in the menu.
      if (toggle.offsetParent === null) {
        return;
      }
      if (menu.contains(document.activeElement) || document.activeElement === toggle) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function initSkipLinks() {
    var links = document.querySelectorAll(".skip-link[href^='#']");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) {
          return;
        }
        event.preventDefault();
        if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
          target.setAttribute("tabindex", "-1");
        }
        target.focus();
        if (target.scrollIntoView) {
          target.scrollIntoView({ block: "start" });
        }
      });
    });
  }

  // Filter panels (<details data-filters-panel>): open beside the results on wide
  // screens, folded on small ones so that the first result shows on the first screen
  // ("Filtrer (n)" says how many are active; the active filters are listed above the results).
  function initFilterPanels() {
    var panels = document.querySelectorAll("[data-filters-panel]");
    if (!panels.length || !window.matchMedia) {
      return;
    }
    var wide = window.matchMedia("(min-width: 60em)").matches;
    Array.prototype.forEach.call(panels, function (panel) {
      panel.open = wide;
    });
  }

  function init() {
    initMenu();
    initSkipLinks();
    initFilterPanels();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
