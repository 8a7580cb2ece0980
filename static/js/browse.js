// Optional: apply a filter or sort order as soon as it changes, and give the focus back
// to the same control on the new page. Without this script the "Show results" and
// "Sort" buttons do the same.
(function () {
  var key = "portal-browse-focus";
  var form = document.getElementById("browse");
  if (!form) return;
  var last = sessionStorage.getItem(key);
  sessionStorage.removeItem(key);
  var panel = form.querySelector(".facet-panel");
  // The filters come folded (the CSS shows them anyway on a wide screen): unfolded on a
  // wide screen, so that they are announced as open, and after one was just used.
  if (panel && (last || window.matchMedia("(min-width: 60rem)").matches)) panel.open = true;
  if (last && document.getElementById(last)) document.getElementById(last).focus();
  form.querySelectorAll(".facet input, select").forEach(function (input) {
    input.addEventListener("change", function () {
      sessionStorage.setItem(key, input.id);
      form.requestSubmit();
    });
  });
})();
