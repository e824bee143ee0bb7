// Settings > CekNetral: the colour fields drive the preview widget (its CSS custom
// properties), and each colour picker fills the text field beside it.
(function () {
  "use strict";
  const preview = document.getElementById("ceknetral-preview");
  const valid = (v) => /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
  function apply(field) {
    const value = field.value.trim();
    if (!preview) return;
    if (valid(value)) preview.style.setProperty(field.dataset.property, value);
    else preview.style.removeProperty(field.dataset.property);
  }
  for (const field of document.querySelectorAll(".ceknetral-colour")) {
    apply(field);
    field.addEventListener("input", () => apply(field));
  }
  for (const picker of document.querySelectorAll(".ceknetral-picker")) {
    picker.addEventListener("input", () => {
      const field = document.getElementById(picker.dataset.for);
      if (!field) return;
      field.value = picker.value;
      apply(field);
    });
  }
})();
