// Projektbanken: instant filtering, search and sorting from the JSON index the build writes.
// Without JavaScript (or if the index cannot be loaded) the page keeps its full, grouped list
// and the static pages per forvaltning, område, budgetår and status.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var resultLine = document.getElementById("resultat");
  var fields = ["q", "forvaltning", "omraade", "maalgruppe", "afsaet", "aar", "status", "sort"];

  fetch(form.getAttribute("data-index"))
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(start)
    .catch(function () { /* keep the static page as it is */ });

  function start(index) {
    var bySlug = {};
    index.activities.forEach(function (activity, order) {
      activity.order = order;
      activity.total = sumOf(Object.keys(activity.budget).map(function (year) { return activity.budget[year]; }));
      bySlug[activity.slug] = activity;
    });
    var groups = Array.prototype.map.call(document.querySelectorAll("[data-group]"), function (section) {
      var rows = Array.prototype.slice.call(section.querySelectorAll("tr[data-slug]"));
      rows.forEach(function (row, position) { row.dataset.position = position; });
      return { section: section, body: section.querySelector("tbody"), rows: rows, count: section.querySelector("[data-count]") };
    });
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) { if (params.has(name)) form.elements[name].value = params.get(name); });
    form.hidden = false;
    // The form is folded behind one control on a phone, open on a wider screen; the link box
    // (the same choices as pages, for readers without the script) is not needed beside it.
    var finder = document.getElementById("finder"), links = document.getElementById("links");
    if (finder) { finder.hidden = false; finder.open = window.matchMedia("(min-width: 40.01rem)").matches; }
    if (links) links.hidden = true;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();

    function apply() {
      var value = function (name) { return form.elements[name].value; };
      var words = value("q").toLowerCase().split(/\s+/).filter(Boolean);
      var matches = function (activity) {
        if (value("forvaltning") && activity.administration !== value("forvaltning")) return false;
        if (value("omraade") && activity.area !== value("omraade")) return false;
        if (value("maalgruppe") && activity.targetGroup !== value("maalgruppe")) return false;
        if (value("afsaet") && activity.funding !== value("afsaet")) return false;
        if (value("aar") && activity.years.indexOf(value("aar")) < 0) return false;
        if (value("status") && activity.status !== value("status")) return false;
        return words.every(function (word) { return activity.text.indexOf(word) >= 0; });
      };
      var sort = value("sort");
      var shown = [];
      groups.forEach(function (group) {
        var visible = 0;
        var rows = group.rows.slice();
        if (sort) {
          rows.sort(function (a, b) {
            var x = bySlug[a.dataset.slug], y = bySlug[b.dataset.slug];
            var d = sort === "budget" ? amount(y.total) - amount(x.total) : amount(x.total) - amount(y.total);
            return d || a.dataset.position - b.dataset.position;
          });
        } else {
          rows.sort(function (a, b) { return a.dataset.position - b.dataset.position; });
        }
        rows.forEach(function (row) {
          var activity = bySlug[row.dataset.slug];
          var show = !!activity && matches(activity);
          row.hidden = !show;
          if (show) { visible += 1; shown.push(activity); }
          group.body.appendChild(row);
        });
        group.section.hidden = visible === 0;
        if (group.count) group.count.textContent = visible + " " + (visible === 1 ? group.count.dataset.one : group.count.dataset.other);
      });
      resultLine.textContent = "Viser " + shown.length + " af " + index.activities.length + (index.activities.length === 1 ? " indsats." : " indsatser.");
      updateTotals(shown);
      var query = new URLSearchParams();
      fields.forEach(function (name) { if (value(name)) query.set(name, value(name)); });
      var search = query.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }
  }

  // Exact sums: amounts as integers of their smallest written decimal.
  function parse(text) {
    var parts = text.split(".");
    return { digits: parts[0] + (parts[1] || ""), scale: (parts[1] || "").length };
  }
  function sumOf(texts) {
    var scale = 0;
    var parsed = texts.map(function (text) { var p = parse(text); scale = Math.max(scale, p.scale); return p; });
    var value = parsed.reduce(function (sum, p) { return sum + Number(p.digits) * Math.pow(10, scale - p.scale); }, 0);
    return { value: value, scale: scale };
  }
  // For comparing sums written with different numbers of decimals.
  function amount(sum) { return sum.value / Math.pow(10, sum.scale); }
  function danish(amount) {
    var negative = amount.value < 0;
    var digits = String(Math.abs(amount.value));
    while (digits.length <= amount.scale) digits = "0" + digits;
    var integer = digits.slice(0, digits.length - amount.scale);
    var fraction = digits.slice(digits.length - amount.scale);
    var grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (negative ? "-" : "") + grouped + (fraction ? "," + fraction : "");
  }

  // The same table as the static page: exact sums shown rounded (half away from zero) to one
  // decimal, each run of years without a gap (a budget period) with its own sum, and the sum
  // of all years saying when it adds periods together.
  function updateTotals(shown) {
    var table = document.getElementById("aarstotaler");
    if (!table) return;
    var perYear = {};
    shown.forEach(function (activity) {
      Object.keys(activity.budget).forEach(function (year) {
        (perYear[year] = perYear[year] || []).push(activity.budget[year]);
      });
    });
    var decimals = Number(table.getAttribute("data-decimals") || "1");
    function padded(sum) {
      if (sum.scale <= decimals) return danish({ value: sum.value * Math.pow(10, decimals - sum.scale), scale: decimals });
      var divisor = Math.pow(10, sum.scale - decimals);
      var rounded = Math.floor((Math.abs(sum.value) + divisor / 2) / divisor);
      return danish({ value: sum.value < 0 ? -rounded : rounded, scale: decimals });
    }
    function yearsText(years) { return years.length > 1 ? years[0] + "\u2013" + years[years.length - 1] : years[0]; }
    var periods = [];
    Object.keys(perYear).sort().forEach(function (year) {
      var last = periods[periods.length - 1];
      if (last && Number(year) === Number(last[last.length - 1]) + 1) last.push(year); else periods.push([year]);
    });
    var body = table.querySelector("tbody");
    while (body.firstChild) body.removeChild(body.firstChild);
    function addRow(label, count, total, subtotal) {
      var row = document.createElement("tr");
      if (subtotal) row.className = "subtotal";
      var head = document.createElement("th");
      head.scope = "row";
      head.textContent = label;
      row.appendChild(head);
      [count, total].forEach(function (text) {
        var cell = document.createElement("td");
        cell.className = "num";
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    }
    var all = [];
    periods.forEach(function (period) {
      var terms = [];
      period.forEach(function (year) {
        terms = terms.concat(perYear[year]);
        addRow(year, String(perYear[year].length), padded(sumOf(perYear[year])), false);
      });
      all = all.concat(terms);
      if (periods.length > 1) addRow("I alt " + yearsText(period), "", padded(sumOf(terms)), true);
    });
    table.querySelector("tfoot th").textContent = periods.length > 1 ? "I alt, " + periods.map(yearsText).join(" og ") + " lagt sammen" : "I alt";
    table.querySelector("tfoot td.num").textContent = all.length ? padded(sumOf(all)) : "0";
  }
})();
