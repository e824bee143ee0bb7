// The "CekNetral" block in the editor: its settings in the sidebar and a live preview (the
// real <cek-netral> element; its module is loaded in the editor by the plugin). A dynamic
// block: PHP writes the element on the page, nothing is saved but the attributes.
// No build step: plain JavaScript on the editor's globals.
(function (wp) {
  "use strict";
  const el = wp.element.createElement;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, SelectControl, ToggleControl, CheckboxControl } = wp.components;
  // Labels translated by PHP (the plugin's .po), the packs uploaded in Settings > CekNetral.
  const data = window.ceknetralEditor || { labels: {}, packs: [], defaults: {} };
  const t = (key, fallback) => data.labels[key] || fallback;

  function Edit(props) {
    const { attributes: a, setAttributes } = props;
    const blockProps = useBlockProps({ className: "ceknetral-editor-preview" });
    const modeOptions = [
      { value: "", label: t("default", "Default (settings)") },
      { value: "both", label: t("both", "Checker and scanner") },
      { value: "checker", label: t("checker", "Checker only") },
      { value: "scanner", label: t("scanner", "Scanner only") },
    ];
    const langOptions = [
      { value: "", label: t("default", "Default (settings)") },
      { value: "id", label: "Bahasa Indonesia" },
      { value: "en", label: "English" },
    ];
    const chosen = a.choosePacks ? a.packs : data.defaults.packs || [];
    const packUrls = data.packs.filter((p) => chosen.includes(p.id)).map((p) => p.url);
    const element = {
      mode: a.mode || data.defaults.mode || "both",
      lang: a.lang || data.defaults.lang || "id",
      "url-state": "off",
      // A new element when a setting changes: the preview starts over with it.
      key: [a.mode, a.lang, packUrls.join(",")].join("|"),
    };
    if (packUrls.length) element.packs = packUrls.join(",");
    const packControls = data.packs.length
      ? [
          el(ToggleControl, {
            key: "choose",
            label: t("choosePacks", "Choose the packs for this block"),
            help: t("choosePacksHelp", "Off: the default packs of the settings."),
            checked: a.choosePacks,
            onChange: (v) => setAttributes({ choosePacks: v }),
          }),
          a.choosePacks &&
            data.packs.map((p) =>
              el(CheckboxControl, {
                key: p.id,
                label: p.title,
                checked: a.packs.includes(p.id),
                onChange: (on) =>
                  setAttributes({ packs: on ? [...a.packs, p.id] : a.packs.filter((x) => x !== p.id) }),
              }),
            ),
        ]
      : el("p", { key: "none" }, t("noPacks", "No regional pack uploaded (Settings > CekNetral)."));
    return el(
      "div",
      blockProps,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: t("panel", "CekNetral"), initialOpen: true },
          el(SelectControl, { label: t("mode", "Tools"), value: a.mode, options: modeOptions, onChange: (v) => setAttributes({ mode: v }) }),
          el(SelectControl, { label: t("lang", "Language"), value: a.lang, options: langOptions, onChange: (v) => setAttributes({ lang: v }) }),
        ),
        el(PanelBody, { title: t("packs", "Election packs"), initialOpen: false }, packControls),
      ),
      el("cek-netral", element),
    );
  }

  wp.blocks.registerBlockType("ceknetral/widget", { edit: Edit, save: () => null });
})(window.wp);
