// Optional: apply a filter or sort order as soon as it changes, and give the focus back
// to the same control on the new page. Without this script the "Show results" and
// "Sort" buttons do the same, and the filters stay unfolded.
(function () {
  var key = "portal-browse-focus";
  var form = document.getElementById("browse");
  if (!form) return;
  var last = sessionStorage.getItem(key);
  sessionStorage.removeItem(key);
  var panel = form.querySelector(".facet-panel");
  // On a narrow screen the filters start folded, above the results, unless one was just used.
  if (panel && !last && window.matchMedia("(max-width: 60rem)").matches) panel.open = false;
  if (last && document.getElementById(last)) document.getElementById(last).focus();
  form.querySelectorAll(".facet input, select").forEach(function (input) {
    input.addEventListener("change", function () {
      sessionStorage.setItem(key, input.id);
      form.requestSubmit();
    });
  });
})();
