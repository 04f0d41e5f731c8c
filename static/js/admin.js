// The portal's additions to Wagtail's admin (home/wagtail_hooks.py).

// Related items as a checkbox list (home/widgets.py): the search field filters the list by
// its labels, ignoring case and accents; checked items always stay in view.
(() => {
  const fold = (text) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();

  const filterList = (field) => {
    const words = fold(field.value).split(/\s+/).filter(Boolean);
    const list = field.closest("[data-portal-checkbox-list]");
    list.querySelectorAll("input[type=checkbox]").forEach((checkbox) => {
      const option = checkbox.closest("label")?.parentElement;
      if (!option) return;
      const label = fold(option.textContent);
      option.hidden = !checkbox.checked && !words.every((word) => label.includes(word));
    });
  };

  const showFilters = () => {
    document.querySelectorAll("[data-portal-checkbox-filter][hidden]").forEach((field) => {
      field.hidden = false;
    });
  };

  document.addEventListener("input", (event) => {
    if (event.target.matches("[data-portal-checkbox-filter]")) filterList(event.target);
  });
  document.addEventListener("keydown", (event) => {
    // Enter in the filter would submit the page form.
    if (event.key === "Enter" && event.target.matches("[data-portal-checkbox-filter]")) {
      event.preventDefault();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showFilters);
  } else {
    showFilters();
  }
})();
