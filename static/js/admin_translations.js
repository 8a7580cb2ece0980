// The language tabs of a translated text in admin (modeltranslation's): each tab says what
// its language is (original, translated, machine-translated, out of date or missing), and
// the form opens on the text's original language, where an editor reads a submission.
// The same is listed in the form's "Languages" section without this script.
// It runs when the document is ready, after modeltranslation's tabs are made then.
(window.jQuery || window.django.jQuery)(function (jQuery) {
  var data = document.getElementById("translation-states");
  var select = document.getElementById("modeltranslation-main-switch");
  if (!data || !select) {
    return;
  }
  var known = JSON.parse(data.textContent);
  select.setAttribute("aria-label", known.switch);  // modeltranslation gives it no name
  document.querySelectorAll(".ui-tabs-nav a").forEach(function (tab) {
    var code = tab.textContent.trim();
    if (known.states[code]) {
      tab.textContent = code + " · " + known.labels[code];
      tab.parentNode.classList.add("translation-" + known.states[code]);
    }
  });
  Array.prototype.forEach.call(select.options, function (option) {
    var code = option.textContent.trim();
    if (known.states[code]) {
      option.textContent = code + " · " + known.labels[code];
    }
    if (code === known.original) {
      select.value = option.value;
    }
  });
  jQuery(select).trigger("change");
});
