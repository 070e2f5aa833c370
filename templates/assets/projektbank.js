// Projektbanken: filtering, search and sorting from the compact index the build writes
// (projektbank/indeks.json: one array per field, texts as positions in lists of their own).
// The page itself is plain HTML with the first activities and numbered pages; the index is
// fetched only after the page has loaded. Without JavaScript, or if the index cannot be
// loaded, the page stays as it is, with the static pages per forvaltning, område, målgruppe,
// afsæt, budgetår and status. On a phone the form is folded behind one control; the results
// (one list sorted by budget, or grouped by administration; an empty state that says which
// choice to remove) come after the budget totals per year, which count what is shown.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var resultLine = document.getElementById("resultat");
  var results = document.getElementById("resultater");
  var root = form.getAttribute("data-root") || "";
  var fields = ["q", "forvaltning", "omraade", "maalgruppe", "afsaet", "aar", "status", "sort"];
  var facetFields = fields.filter(function (name) { return name !== "q" && name !== "sort" && form.elements[name]; });
  var labels = { q: "Søgningen", forvaltning: "Forvaltning", omraade: "Område", maalgruppe: "Målgruppe", afsaet: "Afsæt", aar: "Budgetår", status: "Status" };

  fetch(form.getAttribute("data-index"))
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(start)
    .catch(function () { /* keep the static page as it is */ });

  // The budget unit, and the decimals of the budget columns (a summary: 0,1 mio. kr.).
  var unit = "", decimals = 1;

  function start(index) {
    unit = index.unit;
    if (typeof index.decimals === "number") decimals = index.decimals;
    var activities = index.title.map(function (title, i) { return activity(index, i); });
    var shownCount = index.pageSize || 100;
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) { if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name); });
    form.hidden = false;
    // The form is folded behind one control on a phone, open on a wider screen; the link box
    // (the same choices as pages, for readers without the script) is not needed beside it.
    var finder = document.getElementById("finder"), links = document.getElementById("links");
    if (finder) { finder.hidden = false; finder.open = window.matchMedia("(min-width: 40.01rem)").matches; }
    if (links) links.hidden = true;
    form.addEventListener("input", function () { shownCount = index.pageSize || 100; apply(); });
    // A text field also fires "change" when it loses focus (to a button of the results, say):
    // its "input" has already applied it, and a second rendering would lose that click.
    form.addEventListener("change", function (event) {
      if (event.target && event.target.type === "search") return;
      shownCount = index.pageSize || 100;
      apply();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();

    function value(name) { return form.elements[name] ? form.elements[name].value : ""; }

    // The tests an activity must pass, one per chosen field (all but `skip`).
    function tests(skip) {
      var list = [];
      var words = fold(value("q")).split(/\s+/).filter(Boolean);
      if (words.length && skip !== "q") list.push(function (a) { return words.every(function (w) { return a.search.indexOf(w) >= 0; }); });
      facetFields.forEach(function (name) {
        var chosen = value(name);
        if (!chosen || name === skip) return;
        list.push(function (a) { return a.facets[name].indexOf(chosen) >= 0; });
      });
      return list;
    }
    function matching(skip) {
      var list = tests(skip);
      return activities.filter(function (a) { return list.every(function (test) { return test(a); }); });
    }

    function apply() {
      var sort = value("sort");
      var active = fields.some(function (name) { return value(name); });
      var shown = matching(null);
      var year = value("aar");
      results.innerHTML = "";
      document.querySelectorAll("[data-group], [data-pagination]").forEach(function (element) { element.hidden = active; });
      results.hidden = !active;
      if (active) {
        if (shown.length === 0) emptyState();
        else render(shown, sort);
      }
      resultLine.textContent = "Viser " + shown.length + " af " + activities.length + (activities.length === 1 ? " indsats." : " indsatser.");
      updateTotals(shown, year);
      var query = new URLSearchParams();
      fields.forEach(function (name) { if (value(name)) query.set(name, value(name)); });
      var search = query.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    // Sorted by budget: one list across all administrations. Otherwise grouped by
    // administration as on the page, titles A–Å.
    function render(shown, sort) {
      var list = shown.slice(0, shownCount);
      if (sort) {
        var ordered = shown.slice().sort(function (a, b) {
          var d = sort === "budget" ? b.total.amount - a.total.amount : a.total.amount - b.total.amount;
          return d || a.order - b.order;
        });
        results.appendChild(table(null, ordered.slice(0, shownCount), shown.length));
      } else {
        index.administrations.forEach(function (administration, position) {
          var members = list.filter(function (a) { return a.administration === position; });
          var all = shown.filter(function (a) { return a.administration === position; }).length;
          if (members.length) results.appendChild(table(administration[1], members, all));
        });
      }
      if (shown.length > shownCount) {
        var more = element("button", "Vis " + Math.min(index.pageSize || 100, shown.length - shownCount) + " flere (" + (shown.length - shownCount) + " ikke vist)");
        more.type = "button";
        more.className = "button";
        more.setAttribute("data-more", "");
        more.addEventListener("click", function () { shownCount += index.pageSize || 100; apply(); });
        results.appendChild(element("p", null, [more]));
      }
    }

    // No matches: which choice to remove (with the count it would give), and the nearest
    // matches, those of the choice whose removal gives the fewest but some.
    function emptyState() {
      var box = element("div", null);
      box.className = "empty-state";
      box.appendChild(element("h2", "Ingen indsatser passer til alle valgene"));
      var options = fields.filter(function (name) { return name !== "sort" && value(name); }).map(function (name) {
        return { name: name, found: matching(name) };
      });
      var list = element("ul", null);
      options.forEach(function (option) {
        var button = element("button", "Fjern " + labels[option.name].toLowerCase() + ": " + chosenText(option.name) + " (giver " + option.found.length + ")");
        button.type = "button";
        button.className = "button";
        button.addEventListener("click", function () { form.elements[option.name].value = ""; apply(); });
        list.appendChild(element("li", null, [button]));
      });
      box.appendChild(element("p", "Fjern et af valgene:"));
      box.appendChild(list);
      var nearest = options.filter(function (o) { return o.found.length; }).sort(function (a, b) { return a.found.length - b.found.length; })[0];
      results.appendChild(box);
      if (nearest) {
        box.appendChild(element("p", "Nærmeste indsatser (uden " + labels[nearest.name].toLowerCase() + ": " + chosenText(nearest.name) + "):"));
        var near = table(null, nearest.found.slice(0, 5), nearest.found.length);
        near.setAttribute("data-nearest", "");
        near.setAttribute("aria-label", "Nærmeste indsatser");
        results.appendChild(near);
      }
    }

    function chosenText(name) {
      var field = form.elements[name];
      if (field.tagName !== "SELECT") return "«" + field.value + "»";
      return field.options[field.selectedIndex].text.replace(/ \(\d+\)$/, "");
    }
  }

  // One activity from the index's columns, with what the filter compares.
  function activity(index, i) {
    var title = index.title[i];
    var code = index.slug[i];
    var slug = typeof code === "string" ? code : slugOf(title) + (code ? "-" + code : "");
    var budget = {};
    for (var k = 0; k < index.budget[i].length; k += 2) budget[index.years[index.budget[i][k]]] = index.budget[i][k + 1];
    var text = index.text[i] >= 0 ? index.texts[index.text[i]] : "";
    var administration = index.administrations[index.administration[i]];
    var total = sumOf(Object.keys(budget).map(function (year) { return budget[year]; }));
    total.amount = amount(total);
    return {
      order: i, slug: slug, title: title, text: text, budget: budget, total: total,
      hasBudget: index.budget[i].length > 0,
      administration: index.administration[i],
      area: index.areas[index.area[i]] || "",
      span: index.span[i] >= 0 ? index.spans[index.span[i]] : "",
      search: fold(title + " " + text),
      facets: {
        forvaltning: [administration ? administration[0] : ""],
        omraade: [index.areas[index.area[i]]],
        maalgruppe: index.targetGroup[i].map(function (t) { return index.targetGroups[t][0]; }),
        afsaet: index.funding[i].map(function (t) { return index.fundings[t][0]; }),
        aar: Object.keys(budget),
        status: [index.statuses[index.status[i]]]
      }
    };
  }

  function table(name, list, count) {
    var section = element("section", null);
    section.className = "activity-group";
    section.setAttribute("data-results", "");
    if (name) {
      var heading = element("h2", name + " ");
      var counter = element("span", "(" + count + (count === 1 ? " indsats" : " indsatser") + ")");
      counter.className = "count";
      heading.appendChild(counter);
      section.appendChild(heading);
      section.setAttribute("aria-label", name);
    } else {
      section.setAttribute("aria-label", "Indsatser");
    }
    var scroll = element("div", null);
    scroll.className = "table-scroll";
    var tableElement = element("table", null);
    tableElement.className = "activities";
    var head = element("thead", null);
    var headRow = element("tr", null);
    ["Indsats", "Område", "Målgruppe", "Budgetår", "Budget i alt (" + unit + ")"].forEach(function (text, position) {
      var cell = element("th", text);
      cell.scope = "col";
      if (position >= 3) cell.className = "num";
      headRow.appendChild(cell);
    });
    head.appendChild(headRow);
    tableElement.appendChild(head);
    var body = element("tbody", null);
    list.forEach(function (a) { body.appendChild(row(a)); });
    tableElement.appendChild(body);
    scroll.appendChild(tableElement);
    section.appendChild(scroll);
    return section;
  }

  function row(a) {
    var tr = element("tr", null);
    tr.setAttribute("data-slug", a.slug);
    var th = element("th", null);
    th.scope = "row";
    var link = element("a", a.title);
    link.href = root + "projektbank/" + a.slug + "/index.html";
    th.appendChild(link);
    tr.appendChild(th);
    [a.area, a.text, a.span, a.hasBudget ? rounded(a.total) : ""].forEach(function (text, position) {
      var cell = element("td", text);
      if (position >= 2) cell.className = "num";
      tr.appendChild(cell);
    });
    return tr;
  }

  function element(tag, text, children) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  // Lower case without accents, æ/ø/å as ae/oe/aa: "Nørrebro" is found as "norrebro" too.
  function fold(text) {
    return text.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/oe/g, "o").replace(/aa/g, "a");
  }

  // The slug the build makes from a title (Slug.make): ASCII letters and digits in lower
  // case, Danish and a few other letters spelled out, anything else a dash between words.
  var spelled = { 0xE6: "ae", 0xC6: "ae", 0xF8: "oe", 0xD8: "oe", 0xE5: "aa", 0xC5: "aa", 0xE9: "e", 0xC9: "e", 0xE8: "e", 0xC8: "e",
    0xEA: "e", 0xCA: "e", 0xFC: "u", 0xDC: "u", 0xF6: "o", 0xD6: "o", 0xE4: "a", 0xC4: "a" };
  function slugOf(title) {
    var out = "", dash = false;
    for (var i = 0; i < title.length; i++) {
      var c = title.codePointAt(i), mapped;
      if (c > 0xFFFF) i++;
      if ((c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)) mapped = String.fromCharCode(c);
      else if (c >= 0x41 && c <= 0x5A) mapped = String.fromCharCode(c + 0x20);
      else if (spelled[c]) mapped = spelled[c];
      else if (c >= 0x300 && c <= 0x36F) continue;
      else { dash = out.length > 0; continue; }
      if (dash) out += "-";
      dash = false;
      out += mapped;
    }
    return out;
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
  function danish(sum) {
    var negative = sum.value < 0;
    var digits = String(Math.abs(sum.value));
    while (digits.length <= sum.scale) digits = "0" + digits;
    var integer = digits.slice(0, digits.length - sum.scale);
    var fraction = digits.slice(digits.length - sum.scale);
    var grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (negative ? "-" : "") + grouped + (fraction ? "," + fraction : "");
  }

  // A sum as the build shows a summary (DanishFormat.number with the column's decimals):
  // rounded half away from zero, or padded with zeros.
  function rounded(sum) {
    if (sum.scale <= decimals) return danish({ value: sum.value * Math.pow(10, decimals - sum.scale), scale: decimals });
    var divisor = Math.pow(10, sum.scale - decimals);
    var whole = Math.floor((Math.abs(sum.value) + divisor / 2) / divisor);
    return danish({ value: sum.value < 0 ? -whole : whole, scale: decimals });
  }

  // The budget per year of the activities shown (with a budget year chosen, that year's only),
  // as the static page shows it: exact sums shown rounded (half away from zero) to the budget
  // columns' decimals, each run of years without a gap (a budget period) with its own sum, and the sum
  // of all years saying when it adds periods together.
  function updateTotals(shown, year) {
    var table = document.getElementById("aarstotaler");
    if (!table) return;
    var perYear = {};
    shown.forEach(function (a) {
      Object.keys(a.budget).forEach(function (y) {
        if (!year || y === year) (perYear[y] = perYear[y] || []).push(a.budget[y]);
      });
    });
    function yearsText(years) { return years.length > 1 ? years[0] + "\u2013" + years[years.length - 1] : years[0]; }
    var periods = [];
    Object.keys(perYear).sort().forEach(function (y) {
      var last = periods[periods.length - 1];
      if (last && Number(y) === Number(last[last.length - 1]) + 1) last.push(y); else periods.push([y]);
    });
    var body = table.querySelector("tbody");
    while (body.firstChild) body.removeChild(body.firstChild);
    function addRow(label, count, total, subtotal) {
      var tr = element("tr", null);
      if (subtotal) tr.className = "subtotal";
      var head = element("th", label);
      head.scope = "row";
      tr.appendChild(head);
      [count, total].forEach(function (text) {
        var cell = element("td", text);
        cell.className = "num";
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    }
    var all = [];
    periods.forEach(function (period) {
      var terms = [];
      period.forEach(function (y) {
        terms = terms.concat(perYear[y]);
        addRow(y, String(perYear[y].length), rounded(sumOf(perYear[y])), false);
      });
      all = all.concat(terms);
      if (periods.length > 1) addRow("I alt " + yearsText(period), "", rounded(sumOf(terms)), true);
    });
    table.querySelector("tfoot th").textContent = periods.length > 1 ? "I alt, " + periods.map(yearsText).join(" og ") + " lagt sammen" : "I alt";
    table.querySelector("tfoot td.num").textContent = all.length ? rounded(sumOf(all)) : "0";
  }
})();
