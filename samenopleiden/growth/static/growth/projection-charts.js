// The charts of the growth scenarios. Every <canvas data-chart="ID"> gets its numbers from the json_script element
// with that id; the table on the page shows the same numbers for whoever cannot see the chart.
(function () {
  "use strict";
  var colours = ["#01689b", "#cc0000", "#39870c", "#a90061", "#ffb612"];
  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    var canvases = document.querySelectorAll("canvas[data-chart]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      var source = document.getElementById(canvas.getAttribute("data-chart"));
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      var datasets = data.datasets.map(function (set, index) {
        return {
          label: set.label,
          data: set.data,
          borderColor: colours[index % colours.length],
          backgroundColor: colours[index % colours.length],
          borderDash: index % 2 === 1 ? [6, 4] : [],
          tension: 0
        };
      });
      new window.Chart(canvas, {
        type: "line",
        data: { labels: data.labels, datasets: datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: data.axis } } },
          plugins: { legend: { position: "bottom" } }
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
