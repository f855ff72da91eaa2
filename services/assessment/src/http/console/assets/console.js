// The console's only script: draws each chart from the JSON option the server rendered beside it.
// Pages work without it (tables carry every figure); the wall screen reloads itself by <meta refresh>.
"use strict";
(function () {
  function draw() {
    if (!window.echarts) return;
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-chart") + "-option");
      if (!source) return;
      var chart = window.echarts.init(element, null, { renderer: "svg" });
      var option = JSON.parse(source.textContent);
      option.textStyle = { fontFamily: "'Noto Sans SC', sans-serif" };
      option.animation = false;
      chart.setOption(option);
      window.addEventListener("resize", function () {
        chart.resize();
      });
      element.setAttribute("data-drawn", "true");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
