/* CME Assist dates: deadline calculator (/v1/tools/deadline), case timeline (/v1/tools/timeline,
   JSON and .ics) and an optional school calendar (/v1/tools/calendar/parse). */
(function () {
  "use strict";

  var CME = window.CME;
  var esc = CME.escapeHtml;
  var deadlineForm = document.getElementById("deadline-form");
  if (!deadlineForm) return;
  var ruleSelect = document.getElementById("deadline-rule");
  var ruleHint = document.getElementById("deadline-rule-hint");
  var deadlineResult = document.getElementById("deadline-result");
  var timelineForm = document.getElementById("timeline-form");
  var timelineResult = document.getElementById("timeline-result");
  var calendarForm = document.getElementById("calendar-form");
  var calendarInUse = document.getElementById("calendar-in-use");
  var calendarRemove = document.getElementById("calendar-remove");
  var statusRegion = document.getElementById("dates-status");

  var rules = {};
  var calendar = null;
  var lastDeadline = null;
  var lastTimelineBody = null;

  function announce(text) {
    statusRegion.textContent = "";
    window.setTimeout(function () { statusRegion.textContent = text; }, 50);
  }

  /* ---------- rules ---------- */
  async function loadRules() {
    try {
      var list = await CME.api("/v1/tools/rules");
      var groups = {};
      var order = [];
      list.forEach(function (r) {
        rules[r.id] = r;
        var group = r.authority ? r.authority + (r.scope === "school" ? " (school policies)" : "") : "The law (England)";
        if (!groups[group]) { groups[group] = []; order.push(group); }
        groups[group].push(r);
      });
      order.sort(function (a, b) { return a === "The law (England)" ? -1 : b === "The law (England)" ? 1 : a.localeCompare(b); });
      ruleSelect.innerHTML = '<option value="">Choose a rule</option>' + order.map(function (g) {
        return '<optgroup label="' + esc(g) + '">' + groups[g].map(function (r) {
          return '<option value="' + esc(r.id) + '">' + esc(r.title) + "</option>";
        }).join("") + "</optgroup>";
      }).join("");
      var wanted = (location.search.match(/[?&]rule=([^&]+)/) || [])[1];
      if (wanted && rules[decodeURIComponent(wanted)]) { ruleSelect.value = decodeURIComponent(wanted); updateHint(); }
    } catch (e) {
      ruleSelect.innerHTML = '<option value="">The rules could not be loaded</option>';
      CME.showErrors(document.getElementById("deadline-errors"), [{ text: e.message }]);
    }
  }

  function updateHint() {
    var r = rules[ruleSelect.value];
    ruleHint.textContent = r ? "Counts from " + r.start_meaning + "." + (r.note ? " " + r.note : "") : "Choose a rule to see what it counts from.";
  }
  ruleSelect.addEventListener("change", updateHint);

  /* ---------- deadline ---------- */
  function basisWords(basis) {
    return { school_days: "school days", working_days: "working days", calendar_days: "calendar days",
      calendar_months: "calendar months", on_event: "on the day of the event" }[basis] || basis;
  }

  function deadlineHtml(res) {
    var d = res.deadline;
    var html = '<div class="app-due-box" tabindex="-1" id="deadline-due"><h3 class="govuk-heading-s govuk-!-margin-bottom-1">' + esc(d.title) + "</h3>" +
      '<p class="app-due">Due ' + esc(CME.formatDate(d.due)) + "</p>" +
      '<p class="govuk-body govuk-!-margin-bottom-0">Counted in ' + esc(basisWords(d.basis)) + " from " + esc(CME.formatDate(d.start)) +
      (d.statutory ? " " + CME.tag("The law", "blue") : " " + CME.tag("Local procedure", "purple")) + "</p></div>";
    html += '<h3 class="govuk-heading-s">How it was counted</h3><p class="govuk-body">' + esc(d.explanation) + "</p>";
    var skipped = d.skipped || [];
    html += '<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Days skipped (' + skipped.length + ")</span></summary>" +
      '<div class="govuk-details__text">' + (skipped.length
        ? '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Days not counted, and why</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Why it was skipped</th></tr></thead><tbody class="govuk-table__body">' +
          skipped.map(function (s) { return '<tr class="govuk-table__row"><td class="govuk-table__cell app-nowrap">' + esc(CME.formatDate(s[0])) + '</td><td class="govuk-table__cell">' + esc(s[1]) + "</td></tr>"; }).join("") + "</tbody></table>"
        : '<p class="govuk-body">No days were skipped.</p>') + "</div></details>";
    var counted = d.counted || [];
    if (counted.length) {
      html += '<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Days counted (' + counted.length + ")</span></summary>" +
        '<div class="govuk-details__text"><ol class="govuk-list govuk-list--number">' + counted.map(function (c) { return "<li>" + esc(CME.formatDate(c)) + "</li>"; }).join("") + "</ol></div></details>";
    }
    var variants = d.local_variants || [];
    if (variants.length) {
      html += '<h3 class="govuk-heading-s">Your authority’s version</h3><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Local versions of this step</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Due</th></tr></thead><tbody class="govuk-table__body">' +
        variants.map(function (v) { return '<tr class="govuk-table__row"><td class="govuk-table__cell">' + esc(v.title) + '<br><span class="govuk-body-s">' + esc(v.explanation || "") + '</span></td><td class="govuk-table__cell app-nowrap">' + esc(CME.formatDate(v.due)) + "</td></tr>"; }).join("") +
        "</tbody></table>";
    }
    if (res.citations && res.citations.length) {
      html += '<h3 class="govuk-heading-s">Sources</h3><ul class="govuk-list">' + res.citations.map(CME.ruleCitationHtml).join("") + "</ul>";
    }
    html += '<button type="button" class="govuk-button govuk-button--secondary" id="deadline-ics">Add to your calendar (.ics)</button>';
    return html;
  }

  deadlineForm.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    CME.clearErrors(deadlineForm);
    var errors = [];
    if (!ruleSelect.value) errors.push({ text: "Choose what you need to work out", href: "#deadline-rule", group: "deadline-rule-group", message: "deadline-rule-error", inputs: ["deadline-rule"] });
    var start = CME.readDateInput("deadline-start", "The start date", true);
    if (start.error) errors.push(CME.dateError("deadline-start", start));
    if (errors.length) { CME.showErrors(document.getElementById("deadline-errors"), errors); return; }
    var body = { rule: ruleSelect.value, start: start.iso, authority: document.getElementById("deadline-authority").value || null };
    if (calendar) body.calendar = calendar;
    var button = document.getElementById("deadline-submit");
    button.disabled = true;
    try {
      var res = await CME.api("/v1/tools/deadline", body);
      lastDeadline = res.deadline;
      deadlineResult.innerHTML = deadlineHtml(res);
      deadlineResult.hidden = false;
      document.getElementById("deadline-ics").addEventListener("click", downloadDeadline);
      document.getElementById("deadline-due").focus();
      announce("Due " + CME.formatDate(res.deadline.due) + ".");
    } catch (e) {
      CME.showErrors(document.getElementById("deadline-errors"), [{ text: e.message, href: "#deadline-start-day" }]);
    } finally {
      button.disabled = false;
    }
  });

  /* One all-day event for the deadline (RFC 5545: escaped text, lines folded at 75 octets). */
  function icsText(text) {
    return String(text || "").replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var out = [], bytes = 0, current = "";
    var encoder = new TextEncoder();
    Array.from(line).forEach(function (ch) {
      var n = encoder.encode(ch).length;
      if (bytes + n > (out.length ? 74 : 75)) { out.push(current); current = ""; bytes = 0; }
      current += ch;
      bytes += n;
    });
    out.push(current);
    return out.join("\r\n ");
  }
  function compact(iso) { return iso.replace(/-/g, ""); }
  function nextDay(iso) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function downloadDeadline() {
    var d = lastDeadline;
    if (!d) return;
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    var sources = (d.sources || []).map(function (s) { return s.doc_id + " " + s.locator + ": “" + s.quote + "”"; }).join("\n");
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CME Assist//Web//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:" + compact(d.due) + "-" + d.rule.replace(/[^A-Za-z0-9_.-]/g, "") + "-" + Math.random().toString(36).slice(2, 10) + "@cme-assist",
      "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(d.due), "DTEND;VALUE=DATE:" + compact(nextDay(d.due)),
      "SUMMARY:" + icsText(d.title),
      "DESCRIPTION:" + icsText(d.explanation + (sources ? "\n" + sources : "")),
      "END:VEVENT", "END:VCALENDAR"
    ];
    var text = lines.map(fold).join("\r\n") + "\r\n";
    CME.downloadBlob(new Blob([text], { type: "text/calendar;charset=utf-8" }), "cme-deadline-" + d.due + ".ics");
    announce("Calendar file downloaded.");
  }

  /* ---------- case timeline ---------- */
  var TL_FIELDS = [["tl-first-absence", "first_day_of_absence", "The first day of absence"],
    ["tl-leave-end", "leave_end", "The last day of leave"], ["tl-entry", "date_of_entry", "The date of entry"],
    ["tl-dob", "date_of_birth", "The date of birth"]];

  function timelineHtml(res) {
    var items = res.timeline.items || [];
    if (!items.length) return '<p class="govuk-body">No dated steps follow from these dates.</p>';
    var html = '<h3 class="govuk-heading-s" id="timeline-result-heading" tabindex="-1">Timeline: ' + items.length + " dated steps</h3>" +
      '<div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Dated steps for this case</caption><thead class="govuk-table__head"><tr class="govuk-table__row">' +
      '<th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">What is due</th><th scope="col" class="govuk-table__header">Required by</th></tr></thead><tbody class="govuk-table__body">' +
      items.map(function (it, i) {
        return '<tr class="govuk-table__row"><td class="govuk-table__cell app-nowrap">' + esc(CME.formatDate(it.date)) + '</td><td class="govuk-table__cell">' + esc(it.title) +
          '<details class="govuk-details govuk-!-margin-bottom-0 govuk-!-margin-top-2"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">How it was counted<span class="govuk-visually-hidden"> (step ' + (i + 1) + ")</span></span></summary>" +
          '<div class="govuk-details__text govuk-body-s">' + esc(it.explanation) + "</div></details></td>" +
          '<td class="govuk-table__cell">' + (it.statutory ? CME.tag("The law", "blue") : CME.tag(it.authority ? it.authority : "Local", "purple")) + "</td></tr>";
      }).join("") + "</tbody></table></div>" +
      '<button type="button" class="govuk-button govuk-button--secondary" id="timeline-ics">Download the timeline (.ics)</button>';
    return html;
  }

  timelineForm.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    CME.clearErrors(timelineForm);
    var errors = [], body = {}, any = false;
    TL_FIELDS.forEach(function (f) {
      var r = CME.readDateInput(f[0], f[2], false);
      if (r.error) errors.push(CME.dateError(f[0], r));
      else if (r.iso) { body[f[1]] = r.iso; any = true; }
    });
    if (!errors.length && !any) errors.push({ text: "Enter at least one date, such as the first day of absence", href: "#tl-first-absence-day", group: "tl-first-absence-group", message: "tl-first-absence-error" });
    if (errors.length) { CME.showErrors(document.getElementById("timeline-errors"), errors); return; }
    var authority = document.getElementById("timeline-authority").value;
    if (authority) body.authority = authority;
    if (calendar) body.calendar = calendar;
    var button = document.getElementById("timeline-submit");
    button.disabled = true;
    try {
      var res = await CME.api("/v1/tools/timeline", body);
      lastTimelineBody = body;
      timelineResult.innerHTML = timelineHtml(res);
      timelineResult.hidden = false;
      var ics = document.getElementById("timeline-ics");
      if (ics) ics.addEventListener("click", downloadTimeline);
      var heading = document.getElementById("timeline-result-heading");
      if (heading) heading.focus();
      announce("Timeline ready.");
    } catch (e) {
      CME.showErrors(document.getElementById("timeline-errors"), [{ text: e.message }]);
    } finally {
      button.disabled = false;
    }
  });

  async function downloadTimeline() {
    if (!lastTimelineBody) return;
    try {
      var response = await fetch("/v1/tools/timeline?format=ics", {
        method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/calendar" }, body: JSON.stringify(lastTimelineBody)
      });
      if (!response.ok) throw new Error("The calendar file could not be made. Try again.");
      CME.downloadBlob(await response.blob(), "cme-timeline.ics");
      announce("Calendar file downloaded.");
    } catch (e) {
      CME.showErrors(document.getElementById("timeline-errors"), [{ text: e.message }]);
    }
  }

  /* ---------- school calendar ---------- */
  function showCalendar() {
    if (!calendar) {
      calendarInUse.hidden = true;
      calendarRemove.hidden = true;
      return;
    }
    var closures = (calendar.closures || []).length, terms = (calendar.terms || []).length;
    calendarInUse.innerHTML = "Counting school days with <strong>" + esc(calendar.name || "your school’s calendar") + "</strong>: " +
      terms + (terms === 1 ? " term" : " terms") + " and " + closures + (closures === 1 ? " closure day" : " closure days") + ".";
    calendarInUse.hidden = false;
    calendarRemove.hidden = false;
  }

  calendarForm.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    CME.clearErrors(calendarForm);
    var input = document.getElementById("calendar-file");
    var file = input.files && input.files[0];
    var summary = document.getElementById("calendar-errors");
    var fileError = function (text) { return { text: text, href: "#calendar-file", group: "calendar-file-group", message: "calendar-file-error", inputs: ["calendar-file"] }; };
    if (!file) { CME.showErrors(summary, [fileError("Select a calendar file (.ics)")]); return; }
    if (file.size > 48 * 1024) { CME.showErrors(summary, [fileError("The calendar file must be smaller than 48 KB")]); return; }
    try {
      var text = await file.text();
      calendar = await CME.api("/v1/tools/calendar/parse", { ics: text, name: document.getElementById("calendar-name").value.trim() });
      showCalendar();
      calendarInUse.setAttribute("tabindex", "-1");
      calendarInUse.focus();
      announce("Calendar added.");
    } catch (e) {
      CME.showErrors(summary, [fileError(e.message || "The calendar file could not be read")]);
    }
  });

  calendarRemove.addEventListener("click", function () {
    calendar = null;
    showCalendar();
    document.getElementById("calendar-file").value = "";
    announce("The school calendar is no longer used.");
    document.getElementById("calendar-file").focus();
  });

  loadRules();
})();
