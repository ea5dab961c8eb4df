// The coverage monitor's trend chart. The numbers come from the page (json_script "coverage-chart-data"); the
// table under the chart shows the same numbers for whoever cannot see it.
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("coverage-chart");
    var source = document.getElementById("coverage-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var colours = ["#01689b", "#cc0000", "#39870c", "#a90061", "#ffb612"];
    var datasets = data.datasets.map(function (set, index) {
      return {
        label: set.label,
        data: set.data,
        borderColor: colours[index % colours.length],
        backgroundColor: colours[index % colours.length],
        borderDash: index === 1 ? [6, 4] : [],
        spanGaps: false,
        tension: 0
      };
    });
    if (data.target) {
      datasets.push({
        label: data.target.label + " (" + data.target.share + "%)",
        data: data.labels.map(function () { return data.target.share; }),
        borderColor: "#555555",
        borderDash: [2, 4],
        pointRadius: 0
      });
    }
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: data.axis } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
