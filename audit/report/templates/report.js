// The report page's script: filters, keyboard triage, decisions kept in local storage and exported as CSV.
// Inlined by audit/report/html.py at render time; the page's Content-Security-Policy allows it by its hash.
(function () {
  "use strict";
  var RANK = { info: 1, warning: 2, error: 3 };
  var STORE = "zh-en-audit:decisions";  // finding id → {s: status, n: note, t: when}; ids are content hashes
  var bar = document.getElementById("filters");
  var only = document.getElementById("only-findings");
  var exporter = document.getElementById("export");
  var all = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var boxes = function (name) { return all('input[name="' + name + '"]', bar); };
  var enabled = function (name) {
    var on = {};
    boxes(name).forEach(function (box) { on[box.value] = box.checked; });
    return on;
  };
  var generated = Date.parse(document.body.dataset.generated || "") || 0;

  // --- decisions, kept in this browser's local storage ------------------------------------------
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(STORE + ":probe", "1");
    storage.removeItem(STORE + ":probe");
  } catch (error) {
    storage = null;
    document.getElementById("storage-note").hidden = false;
  }
  function load() {
    try { return (storage && JSON.parse(storage.getItem(STORE) || "{}")) || {}; } catch (error) { return {}; }
  }
  var local = load();
  function save() {
    try { if (storage) { storage.setItem(STORE, JSON.stringify(local)); } } catch (error) { /* full: kept in memory */ }
  }
  // The newest decision wins: one made here after the report was written, else the report's own.
  function decision(li) {
    var mine = local[li.dataset.id];
    var reported = { s: li.dataset.status || "", n: li.dataset.note || "" };
    if (mine && !((reported.s || reported.n) && (mine.t || 0) < generated)) { return { s: mine.s || "", n: mine.n || "" }; }
    return reported;
  }
  function stateOf(status) {
    return status === "accepted" || status === "ignore" || status === "conflict" ? status : "open";
  }
  function show(li) {
    var d = decision(li), state = stateOf(d.s);
    li.dataset.state = state;
    all("button[data-set]", li).forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.set === (state === "conflict" ? "open" : state)));
    });
    var note = li.querySelector("input.note");
    if (note && document.activeElement !== note) { note.value = d.n; }
  }
  function decide(id, status, note) {
    var same = all('li.finding[data-id="' + id + '"]');
    var now = decision(same[0]);
    local[id] = { s: status === null ? now.s : status, n: note === null ? now.n : note, t: Date.now() };
    save();
    same.forEach(show);
  }

  // --- filters ---------------------------------------------------------------------------------
  function apply() {
    var sev = enabled("sev"), code = enabled("code"), status = enabled("status"), visible = {}, shown = 0;
    var tally = { open: 0, accepted: 0, ignore: 0 }, open = {}, listed = {};
    all("li.finding").forEach(function (li) {
      var key = li.dataset.state === "conflict" ? "open" : li.dataset.state;
      tally[key] += 1;
      if (key === "open") { open[li.dataset.doc] = (open[li.dataset.doc] || 0) + 1; }
      count(listed, li, key);
      var on = li === pinned || Boolean(sev[li.dataset.sev] && code[li.dataset.code] && status[key]);
      li.hidden = !on;
      if (on) { visible[li.id] = true; shown += 1; }
    });
    // A highlight stays only while one of the findings it belongs to is shown.
    all("mark[data-f]").forEach(function (mark) {
      mark.classList.toggle("off", !mark.dataset.f.split(" ").some(function (id) { return visible[id]; }));
    });
    all("tbody.pair").forEach(function (pair) {
      var worst = "";
      all("li.finding:not([hidden])", pair).forEach(function (li) {
        if (li.dataset.state !== "ignore" && (!worst || RANK[li.dataset.sev] > RANK[worst])) { worst = li.dataset.sev; }
      });
      pair.dataset.worst = worst;
      var row = pair.querySelector("tr.findings-row");
      var any = pair.querySelector("li.finding:not([hidden])") !== null;
      if (row) { row.hidden = !any; }
      pair.hidden = only.checked && !any;
    });
    all(".doc-findings").forEach(function (box) {
      box.hidden = all("li.finding:not([hidden])", box).length === 0;
    });
    document.getElementById("shown-count").textContent = String(shown);
    all("[data-review]").forEach(function (node) { node.textContent = String(tally[node.dataset.review]); });
    all("[data-open-for]").forEach(function (cell) {
      cell.textContent = String(open[cell.dataset.openFor] || 0);
      cell.dataset.value = cell.textContent;
    });
    showCounts(listed);
  }

  // --- counts: an ignored finding is suppressed, as on the command line ---------------------------------
  // Keys: "sev:error", "code:N001", "all", "ignored", each also per document ("doc-1|sev:error").
  function count(listed, li, state) {
    var keys = state === "ignore" ? ["ignored"]
      : ["sev:" + li.dataset.sev, "code:" + li.dataset.code, "all", "code:" + li.dataset.code + "&sev:" + li.dataset.sev];
    keys.forEach(function (key) {
      listed[key] = (listed[key] || 0) + 1;
      listed[li.dataset.doc + "|" + key] = (listed[li.dataset.doc + "|" + key] || 0) + 1;
    });
  }
  function plural(noun, n) { return noun + (n === 1 || noun === "info" ? "" : "s"); }
  // The charts follow the decisions as the cards do: each bar redrawn at the scale the report drew it.
  var SEVERITIES = ["error", "warning", "info"];
  function drawCharts(listed) {
    all("figure.chart svg[data-unit]").forEach(function (svg) {
      var unit = Number(svg.dataset.unit), x0 = Number(svg.dataset.x0);
      all("g.bar[data-bar]", svg).forEach(function (bar) {
        var x = x0, total = 0, label = bar.querySelector("text.total");
        SEVERITIES.forEach(function (sev) {
          var n = listed[bar.dataset.bar + "sev:" + sev] || 0, rect = bar.querySelector('rect[data-sev="' + sev + '"]');
          if (!rect && n) { rect = newBar(bar, sev, label); }
          if (rect) {
            rect.setAttribute("x", x.toFixed(1));
            rect.setAttribute("width", n ? Math.max(n * unit, 1.5).toFixed(1) : "0");
            rect.querySelector("title").textContent = bar.dataset.title + ": " + n + " " + plural(sev, n);
          }
          x += n * unit;
          total += n;
        });
        label.textContent = String(total);
        label.setAttribute("x", (x + 6).toFixed(1));
      });
    });
  }
  function newBar(bar, sev, label) {  // a severity the report drew no bar of, reopened here: as the template draws one
    var rect = document.createElementNS(bar.namespaceURI, "rect");  // the page names no URL, not even SVG's
    rect.setAttribute("class", "sev-" + sev);
    rect.dataset.sev = sev;
    rect.setAttribute("y", String(Number(label.getAttribute("y")) - 11));
    rect.setAttribute("height", "14");
    rect.setAttribute("rx", "2");
    rect.appendChild(document.createElementNS(bar.namespaceURI, "title"));
    bar.insertBefore(rect, label);
    return rect;
  }
  function showCounts(listed) {
    drawCharts(listed);
    var get = function (key, doc) { return listed[(doc ? doc + "|" : "") + key] || 0; };
    all("[data-count]").forEach(function (node) {
      var n = get(node.dataset.count, node.dataset.countDoc);
      node.textContent = node.dataset.noun ? n + " " + plural(node.dataset.noun, n) : String(n);
      if (node.dataset.value !== undefined) { node.dataset.value = String(n); }
      var box = node.closest(".card, .count");
      if (box) { box.classList.toggle("zero", n === 0); }
    });
    all("[data-count-label]").forEach(function (node) {
      node.textContent = plural(node.dataset.noun, get(node.dataset.countLabel));
    });
    // Suppressed: those the run suppressed otherwise (baseline, markers), plus those ignored now.
    all("[data-suppressed]").forEach(function (node) {
      var n = Number(node.dataset.suppressed) + get("ignored", node.dataset.suppressedDoc);
      node.textContent = String(n);
      if (node.dataset.value !== undefined) { node.dataset.value = String(n); }
      var box = node.closest(".card, [data-suppressed-box]");
      if (box) { box.hidden = n === 0; }
    });
    // The article's score, as overview.article_score computes it, in the overview table and the article's head.
    var score = function (doc, pairs) {
      var errors = get("sev:error", doc), warnings = get("sev:warning", doc);
      return errors + warnings === 0 ? 100
        : Math.max(0, roundHalfEven(100 * (1 - (errors + 0.5 * warnings) / Math.max(Number(pairs), 1))));
    };
    all("[data-score]").forEach(function (cell) {
      var value = score(cell.dataset.score, cell.dataset.pairs), badge = cell.querySelector(".score");
      cell.dataset.value = String(value);
      badge.textContent = String(value);
      badge.className = "score " + (value >= 90 ? "good" : value >= 70 ? "fair" : "bad");
    });
    all("[data-score-text]").forEach(function (node) {
      node.textContent = String(score(node.dataset.scoreText, node.dataset.pairs));
    });
  }
  function roundHalfEven(x) {  // as Python's round(), which gives the report's own score (overview.article_score)
    var r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }

  // Filters can be preset from the address, e.g. report.html#sev=error,warning&code=N001&status=open&only=1
  function fromHash() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") < 0) { return; }  // a plain anchor such as #doc-2
    var params = new URLSearchParams(hash);
    ["sev", "code", "status"].forEach(function (name) {
      if (!params.has(name)) { return; }
      var wanted = params.get(name).split(",");
      boxes(name).forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
    if (params.has("only")) { only.checked = params.get("only") === "1"; }
  }

  // --- moving from finding to finding ----------------------------------------------------------
  var current = null;
  function shownNow(li) { return !li.hidden && li.offsetParent !== null; }
  function findings() { return all("li.finding").filter(shownNow); }
  function select(li, scroll) {
    if (current) { current.classList.remove("current"); }
    all("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    current = li;
    if (!li) { return; }
    li.classList.add("current");
    all("mark[data-f]").forEach(function (mark) {
      if (mark.dataset.f.split(" ").indexOf(li.id) >= 0) { mark.classList.add("current"); }
    });
    li.focus({ preventScroll: true });
    if (scroll) {  // the sentence pair in view, the finding under it
      (li.closest("tbody.pair") || li).scrollIntoView({ block: "start" });
      if (li.getBoundingClientRect().bottom > window.innerHeight) { li.scrollIntoView({ block: "end" }); }
    }
  }
  function move(step) {
    var list = findings();
    if (!list.length) { return; }
    var at = list.indexOf(current);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    select(list[next], true);
  }
  // a and i decide and move on, so a run of findings is triaged with one key each; n right after them writes
  // the note on the finding just decided (brought back into view while the note is open, even when ignored),
  // and Enter or Esc then returns to where the decision moved on to. Any other move forgets that finding.
  var decided = null, resume = null, pinned = null;
  function decideCurrent(status, advance) {
    if (!current) { move(1); return; }
    var list = findings(), at = list.indexOf(current), li = current;
    decide(li.dataset.id, status, null);
    apply();
    var next = advance ? list.slice(at + 1).filter(shownNow)[0] : null;
    select(next || (shownNow(li) ? li : findings()[Math.max(at - 1, 0)] || null), Boolean(next) || !shownNow(li));
    decided = advance ? li : null;
  }
  function noteOn(li) {
    resume = li === current ? null : current;
    pinned = li;
    apply();
    select(li, true);
    li.querySelector("input.note").focus();
  }
  function leaveNote(input) {
    var li = input.closest("li.finding"), back = resume;
    resume = null;
    input.blur();  // unpins (focusout below)
    select(back && shownNow(back) ? back : (shownNow(li) ? li : null), Boolean(back));
  }
  document.addEventListener("focusout", function (event) {
    if (pinned && event.target.matches("input.note") && pinned.contains(event.target)) {
      pinned = null;
      apply();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && target.matches && target.matches("input.note")) {
      if (event.key === "Escape" || event.key === "Enter") {
        leaveNote(target);
        event.preventDefault();
      }
      return;
    }
    if (target && target.matches && target.matches("input[type=text], textarea, select")) { return; }
    var last = decided;
    decided = null;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": decideCurrent("accepted", true); break;
      case "i": decideCurrent("ignore", true); break;
      case "o": decideCurrent("", false); break;
      case "n": if (last || current) { noteOn(last || current); } break;
      default: return;
    }
    event.preventDefault();
  });
  document.addEventListener("click", function (event) {
    var li = event.target.closest ? event.target.closest("li.finding") : null;
    if (!li) { return; }
    decided = null;
    var button = event.target.closest("button[data-set]");
    if (button) {
      decide(li.dataset.id, button.dataset.set, null);
      apply();
    }
    if (!event.target.closest("a, input")) { select(li, false); }
  });
  document.addEventListener("input", function (event) {
    var li = event.target.matches("input.note") ? event.target.closest("li.finding") : null;
    if (li) { decide(li.dataset.id, null, event.target.value); }
  });
  window.addEventListener("storage", function (event) {  // another tab decided
    if (event.key === STORE) { local = load(); all("li.finding").forEach(show); apply(); }
  });

  // --- export: the decisions CSV, same columns and cells as audit.csv ---------------------------
  // The CSV writer's guard (audit/cells.py), with the same sets: a would-be formula gets an apostrophe.
  var guard = JSON.parse(exporter.dataset.cellGuard);
  function defuse(cell) {
    var at = 0;
    while (at < cell.length && guard.leadingSpaces.indexOf(cell.charAt(at)) >= 0) { at += 1; }
    return at < cell.length && guard.formulaStart.indexOf(cell.charAt(at)) >= 0 ? "'" + cell : cell;
  }
  function quote(cell) { return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell; }
  function decisionsCsv() {
    var columns = exporter.dataset.columns.split(",");
    var lines = [columns.join(",")];
    all("li.finding").sort(function (a, b) { return a.dataset.order - b.dataset.order; }).forEach(function (li) {
      var row = JSON.parse(li.dataset.row), d = decision(li);
      row.status = d.s;
      row.note = defuse(d.n);
      lines.push(columns.map(function (column) { return quote(String(row[column] || "")); }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  exporter.addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([decisionsCsv()], { type: "text/csv;charset=utf-8" }));
    link.download = exporter.dataset.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  });

  // --- the overview's table sorts by any column ------------------------------------------------
  all("table.docs button.sort").forEach(function (button) {
    button.addEventListener("click", function () {
      var th = button.closest("th"), table = th.closest("table"), body = table.tBodies[0];
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      all("th", table).forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      Array.prototype.slice.call(body.rows).sort(function (a, b) {
        var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
        var order = th.dataset.type === "text" ? x.localeCompare(y) : parseFloat(x) - parseFloat(y);
        return ascending ? order : -order;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });

  document.getElementById("reset").addEventListener("click", function () {
    all("input[type=checkbox]", bar).forEach(function (box) { box.checked = box.defaultChecked; });
    apply();
  });
  // Table headers stick just below the filter bar, whose height depends on the window width.
  function measure() {
    document.documentElement.style.setProperty("--toolbar-h", bar.parentNode.offsetHeight + "px");
  }
  window.addEventListener("resize", measure);
  measure();
  bar.addEventListener("change", apply);
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  all("li.finding").forEach(show);
  fromHash();
  apply();
  document.body.dataset.ready = "1";
})();
