/* CME Assist referrals: a form per authority (only the facts its form asks for, plus the
   safeguarding questions), the draft with missing fields and escalation, Word download, and
   reviewer sign-off (approve / reject). API: /v1/referrals/... */
(function () {
  "use strict";

  var CME = window.CME;
  var esc = CME.escapeHtml;
  var form = document.getElementById("ref-form");
  if (!form) return;
  var config = JSON.parse(document.getElementById("referral-config").textContent);
  var authoritySelect = document.getElementById("ref-authority");
  var choiceEl = document.getElementById("ref-form-choice");
  var fieldsEl = document.getElementById("ref-fields");
  var submitButton = document.getElementById("ref-submit");
  var preview = document.getElementById("ref-preview");
  var listEl = document.getElementById("ref-list");
  var errors = document.getElementById("ref-errors");
  var statusRegion = document.getElementById("ref-status");

  var DATES = ["date_of_birth", "first_day_of_absence", "date_left", "leave_end"];
  var BOOLS = ["cp_plan", "sen_ehcp"];
  var LONG = ["address", "safeguarding_concerns", "destination"];
  var SAFEGUARDING = [
    { name: "safeguarding_concerns", label: "Safeguarding concerns (summary)", required: false },
    { name: "cp_plan", label: "Child protection plan", required: false },
    { name: "social_worker", label: "Social worker / agency involved", required: false }
  ];
  var HINTS = {
    child_name: "As on the admission register.",
    enquiries_made: "One enquiry on each line, for example “Phoned both parents 3 November”.",
    destination: "The new school, or a forwarding address. Write “Not known” if you do not know.",
    safeguarding_concerns: "Anything that suggests the child may be at risk. This is always asked, whatever the form.",
    parent_phone: "A number that works in an emergency.",
    upn: "13 characters, for example A123456789012."
  };

  function announce(text) {
    statusRegion.textContent = "";
    window.setTimeout(function () { statusRegion.textContent = text; }, 50);
  }

  function formsOf(authority) { return config.forms[authority] || []; }

  function chosenForm() {
    var forms = formsOf(authoritySelect.value);
    if (!forms.length) return null;
    var checked = choiceEl.querySelector('input[name="ref-form-id"]:checked');
    return forms.filter(function (f) { return checked && f.id === checked.value; })[0] || forms[0];
  }

  /* ---------- the form for the chosen authority ---------- */
  function label(f) { return esc(f.label) + (f.required ? "" : " (optional)"); }

  function fieldHtml(f) {
    var id = "ref-" + f.name.replace(/_/g, "-");
    var hint = HINTS[f.name] ? '<div class="govuk-hint" id="' + id + '-hint">' + esc(HINTS[f.name]) + "</div>" : "";
    var described = HINTS[f.name] ? ' aria-describedby="' + id + '-hint"' : "";
    var error = '<p class="govuk-error-message" id="' + id + '-error" hidden></p>';
    if (DATES.indexOf(f.name) >= 0) {
      return '<div class="govuk-form-group" id="' + id + '-group" data-field="' + f.name + '"><fieldset class="govuk-fieldset" role="group" aria-describedby="' + id + '-hint">' +
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">' + label(f) + '</legend><div class="govuk-hint" id="' + id + '-hint">For example, 27 3 2014</div>' + error +
        '<div class="govuk-date-input" id="' + id + '">' + ["day", "month", "year"].map(function (p) {
          return '<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="' + id + "-" + p + '">' +
            p.charAt(0).toUpperCase() + p.slice(1) + '</label><input class="govuk-input govuk-date-input__input govuk-input--width-' + (p === "year" ? 4 : 2) +
            '" id="' + id + "-" + p + '" name="' + id + "-" + p + '" type="text" inputmode="numeric" autocomplete="off"></div></div>';
        }).join("") + "</div></fieldset></div>";
    }
    if (BOOLS.indexOf(f.name) >= 0) {
      return '<div class="govuk-form-group" id="' + id + '-group" data-field="' + f.name + '"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">' +
        label(f) + "</legend>" + error + '<div class="govuk-radios govuk-radios--inline govuk-radios--small">' +
        [["yes", "Yes"], ["no", "No"], ["", "Not known"]].map(function (o, i) {
          return '<div class="govuk-radios__item"><input class="govuk-radios__input" id="' + id + "-" + i + '" name="' + id + '" type="radio" value="' + o[0] + '"' + (o[0] === "" ? " checked" : "") + ">" +
            '<label class="govuk-label govuk-radios__label" for="' + id + "-" + i + '">' + o[1] + "</label></div>";
        }).join("") + "</div></fieldset></div>";
    }
    var input;
    if (f.name === "enquiries_made" || LONG.indexOf(f.name) >= 0) {
      input = '<textarea class="govuk-textarea" id="' + id + '" name="' + id + '" rows="' + (f.name === "enquiries_made" ? 4 : 3) + '"' + described + "></textarea>";
    } else {
      var type = f.name === "parent_email" ? "email" : f.name === "parent_phone" ? "tel" : "text";
      var auto = { child_name: "off", parent_name: "off", parent_phone: "off", parent_email: "off", postcode: "off" }[f.name] || "off";
      var width = { upn: " govuk-input--width-20", postcode: " govuk-input--width-10", year_group: " govuk-input--width-10", parent_phone: " govuk-input--width-20" }[f.name] || "";
      input = '<input class="govuk-input' + width + '" id="' + id + '" name="' + id + '" type="' + type + '" autocomplete="' + auto + '" spellcheck="false"' + described + ">";
    }
    var html = '<div class="govuk-form-group" id="' + id + '-group" data-field="' + f.name + '"><label class="govuk-label govuk-label--s" for="' + id + '">' + label(f) + "</label>" + hint + error + input + "</div>";
    if (f.name === "address") html += fieldHtml({ name: "postcode", label: "Postcode", required: false });
    return html;
  }

  function renderForm() {
    var forms = formsOf(authoritySelect.value);
    preview.hidden = true;
    if (!forms.length) {
      choiceEl.innerHTML = "";
      fieldsEl.innerHTML = "";
      submitButton.hidden = true;
      return;
    }
    if (forms.length > 1) {
      var current = (choiceEl.querySelector('input[name="ref-form-id"]:checked') || {}).value;
      choiceEl.innerHTML = '<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which form?</legend>' +
        '<div class="govuk-radios govuk-radios--small">' + forms.map(function (f, i) {
          var checked = current ? f.id === current : i === 0;
          return '<div class="govuk-radios__item"><input class="govuk-radios__input" id="ref-form-id-' + i + '" name="ref-form-id" type="radio" value="' + esc(f.id) + '"' + (checked ? " checked" : "") + ">" +
            '<label class="govuk-label govuk-radios__label" for="ref-form-id-' + i + '">' + esc(f.title) + '</label><div class="govuk-hint govuk-radios__hint">' + esc(f.purpose) + "</div></div>";
        }).join("") + "</div></fieldset></div>";
    } else {
      choiceEl.innerHTML = '<p class="govuk-body"><strong>' + esc(forms[0].title) + "</strong><br>" + esc(forms[0].purpose) + "</p>";
    }
    renderFields();
  }

  function renderFields() {
    var f = chosenForm();
    var asked = f.fields.map(function (x) { return x.name; });
    var extra = SAFEGUARDING.filter(function (x) { return asked.indexOf(x.name) < 0; });
    fieldsEl.innerHTML = '<h3 class="govuk-heading-s">What the form asks for</h3>' + f.fields.map(fieldHtml).join("") +
      '<h3 class="govuk-heading-s">Safeguarding</h3>' + (extra.length ? extra.map(fieldHtml).join("") : '<p class="govuk-body">Answered above.</p>');
    submitButton.hidden = false;
  }

  authoritySelect.addEventListener("change", renderForm);
  choiceEl.addEventListener("change", function (ev) { if (ev.target.name === "ref-form-id") renderFields(); });

  function collect() {
    var facts = {}, problems = [];
    fieldsEl.querySelectorAll("[data-field]").forEach(function (group) {
      var name = group.getAttribute("data-field"), id = "ref-" + name.replace(/_/g, "-");
      if (DATES.indexOf(name) >= 0) {
        var legend = group.querySelector("legend").textContent.replace(" (optional)", "");
        var r = CME.readDateInput(id, legend, false);
        if (r.error) problems.push(CME.dateError(id, r));
        else if (r.iso) facts[name] = r.iso;
      } else if (BOOLS.indexOf(name) >= 0) {
        var v = (group.querySelector("input:checked") || {}).value;
        if (v === "yes") facts[name] = true;
        else if (v === "no") facts[name] = false;
      } else if (name === "enquiries_made") {
        var lines = document.getElementById(id).value.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
        if (lines.length) facts[name] = lines;
      } else {
        var text = document.getElementById(id).value.trim();
        if (text) facts[name] = text;
      }
    });
    return { facts: facts, problems: problems };
  }

  /* ---------- a draft ---------- */
  function escalationHtml(e) {
    return '<div class="govuk-notification-banner app-banner--safeguarding" role="alert" aria-labelledby="ref-escalation-title" id="ref-escalation">' +
      '<div class="govuk-notification-banner__header"><h3 class="govuk-notification-banner__title" id="ref-escalation-title">Safeguarding: act now</h3></div>' +
      '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">' + esc(e.banner) + "</p>" +
      '<ol class="govuk-list govuk-list--number">' + (e.steps || []).map(function (s) { return "<li>" + esc(s) + "</li>"; }).join("") + "</ol>" +
      ((e.citations || []).length ? '<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Where this comes from</span></summary><div class="govuk-details__text"><ul class="govuk-list">' +
        e.citations.map(CME.ruleCitationHtml).join("") + "</ul></div></details>" : "") + "</div></div>";
  }

  var STATUS_TAG = { draft: ["Waiting for review", "blue"], approved: ["Approved", "green"], rejected: ["Rejected", "red"] };

  function fieldTarget(name) {
    var id = "ref-" + name.replace(/_/g, "-");
    if (document.getElementById(id + "-day")) return id + "-day";
    if (document.getElementById(id + "-0")) return id + "-0";
    return document.getElementById(id) ? id : null;
  }

  function draftHtml(d) {
    var s = STATUS_TAG[d.status] || [d.status, "grey"];
    var html = d.escalation ? escalationHtml(d.escalation) : "";
    html += '<h3 class="govuk-heading-m" id="ref-draft-heading" tabindex="-1">' + esc(d.form) + "</h3>" +
      '<p class="govuk-body">' + CME.tag(s[0], s[1]) + ' <span class="app-muted">Draft ' + esc(d.draft_id.slice(0, 8)) + " · " + esc(d.authority) + "</span></p>";
    var missing = (d.fields || []).filter(function (f) { return f.missing; });
    if (missing.length) {
      html += '<div class="govuk-notification-banner" role="region" aria-labelledby="ref-missing-title" id="ref-missing"><div class="govuk-notification-banner__header">' +
        '<h3 class="govuk-notification-banner__title" id="ref-missing-title">Still to complete</h3></div><div class="govuk-notification-banner__content">' +
        '<p class="govuk-body">The form needs ' + missing.length + (missing.length === 1 ? " more answer" : " more answers") + " before it can be sent:</p>" +
        '<ul class="govuk-list govuk-list--bullet">' + missing.map(function (f) {
          var target = fieldTarget(f.name);
          return "<li>" + (target && d.status === "draft" ? '<a class="govuk-notification-banner__link" href="#' + target + '">' + esc(f.label) + "</a>" : esc(f.label)) + "</li>";
        }).join("") + "</ul></div></div>";
    }
    html += '<dl class="govuk-summary-list" id="ref-fields-summary">' + (d.fields || []).map(function (f) {
      var value = f.missing ? CME.tag("To complete", "red") : f.value === "Not given" ? '<span class="app-muted">Not given</span>' : esc(f.value);
      var src = f.citation ? '<br><span class="govuk-body-s">Asked for by <a class="govuk-link" href="' + esc(CME.documentHref(f.citation.doc_id, f.citation.chunk_id, f.citation.quote)) + '">' +
        esc(f.citation.locator || f.citation.title || f.citation.doc_id) + "</a></span>" : "";
      return '<div class="govuk-summary-list__row" data-field-row="' + esc(f.name) + '"><dt class="govuk-summary-list__key">' + esc(f.label) + '</dt><dd class="govuk-summary-list__value">' + value + src + "</dd></div>";
    }).join("") + "</dl>";
    if ((d.warnings || []).length) {
      html += '<h4 class="govuk-heading-s">Check before sending</h4><ul class="govuk-list govuk-list--bullet">' + d.warnings.map(function (w) { return "<li>" + esc(w) + "</li>"; }).join("") + "</ul>";
    }
    if ((d.deadlines || []).length) {
      html += '<h4 class="govuk-heading-s">Dates</h4><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Dates for this case</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">What</th></tr></thead><tbody class="govuk-table__body">' +
        d.deadlines.map(function (x) { return '<tr class="govuk-table__row"><td class="govuk-table__cell app-nowrap">' + esc(CME.formatDate(x.due)) + '</td><td class="govuk-table__cell">' + esc(x.title) + "</td></tr>"; }).join("") + "</tbody></table>";
    }
    html += '<div class="govuk-button-group"><a class="govuk-button govuk-button--secondary" id="ref-docx" href="/v1/referrals/' + encodeURIComponent(d.draft_id) + '/docx" download>Download as Word (.docx)</a></div>';
    if (d.status === "draft") {
      html += '<form class="app-review" id="ref-review" novalidate><h4 class="govuk-heading-s">Review this draft</h4>' +
        '<div class="govuk-error-summary" id="ref-review-errors" tabindex="-1" hidden><div role="alert"><h5 class="govuk-error-summary__title">There is a problem</h5><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"></ul></div></div></div>' +
        '<div class="govuk-form-group" id="ref-comment-group"><label class="govuk-label" for="ref-comment">Comment (needed if you reject it)</label>' +
        '<p class="govuk-error-message" id="ref-comment-error" hidden></p><textarea class="govuk-textarea" id="ref-comment" rows="2" maxlength="2000"></textarea></div>' +
        '<div class="govuk-button-group"><button type="button" class="govuk-button" id="ref-approve">Approve</button>' +
        '<button type="button" class="govuk-button govuk-button--warning" id="ref-reject">Reject</button></div></form>';
    } else if (d.reviewer) {
      html += '<div class="govuk-inset-text">' + esc(s[0]) + " by " + esc(d.reviewer) + (d.reviewed_at ? " on " + esc(CME.formatDate(d.reviewed_at.slice(0, 10))) : "") +
        (d.review_comment ? ": “" + esc(d.review_comment) + "”" : ".") + "</div>";
    }
    return html;
  }

  function showDraft(d, message) {
    preview.innerHTML = draftHtml(d);
    preview.hidden = false;
    var approve = document.getElementById("ref-approve");
    if (approve) {
      approve.addEventListener("click", function () { decide(d, "approve"); });
      document.getElementById("ref-reject").addEventListener("click", function () { decide(d, "reject"); });
    }
    preview.querySelectorAll("#ref-missing a[href^='#']").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var target = document.getElementById(a.getAttribute("href").slice(1));
        if (target) { ev.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); }
      });
    });
    var heading = d.escalation ? document.getElementById("ref-escalation") : document.getElementById("ref-draft-heading");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    if (message) announce(message);
  }

  async function decide(d, decision) {
    var comment = document.getElementById("ref-comment").value.trim();
    var reviewForm = document.getElementById("ref-review");
    CME.clearErrors(reviewForm);
    if (decision === "reject" && !comment) {
      CME.showErrors(document.getElementById("ref-review-errors"), [{ text: "Enter why you are rejecting the draft", href: "#ref-comment",
        group: "ref-comment-group", message: "ref-comment-error", inputs: ["ref-comment"] }]);
      return;
    }
    try {
      var updated = await CME.api("/v1/referrals/" + encodeURIComponent(d.draft_id) + "/" + decision, comment ? { comment: comment } : {});
      showDraft(updated, decision === "approve" ? "Draft approved." : "Draft rejected.");
      loadList();
    } catch (e) {
      CME.showErrors(document.getElementById("ref-review-errors"), [{ text: e.message }]);
    }
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    CME.clearErrors(form);
    if (!authoritySelect.value) {
      CME.showErrors(errors, [{ text: "Choose the local authority", href: "#ref-authority", group: "ref-authority-group", message: "ref-authority-error", inputs: ["ref-authority"] }]);
      return;
    }
    var got = collect();
    if (got.problems.length) { CME.showErrors(errors, got.problems); return; }
    var f = chosenForm();
    submitButton.disabled = true;
    try {
      var d = await CME.api("/v1/referrals/draft", { authority: authoritySelect.value, form: f.id, facts: got.facts });
      showDraft(d, "Draft created." + (d.missing_fields.length ? " " + d.missing_fields.length + " answers still to complete." : ""));
      loadList();
    } catch (e) {
      CME.showErrors(errors, [{ text: e.message }]);
    } finally {
      submitButton.disabled = false;
    }
  });

  /* ---------- reviewer list ---------- */
  async function loadList() {
    try {
      var res = await CME.api("/v1/referrals?status=draft");
      var drafts = res.drafts || [];
      if (!drafts.length) { listEl.innerHTML = '<p class="govuk-body" id="ref-list-empty">No drafts are waiting for review.</p>'; return; }
      listEl.innerHTML = '<table class="govuk-table" id="ref-table"><caption class="govuk-table__caption govuk-visually-hidden">Drafts waiting for review</caption><thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Created</th><th scope="col" class="govuk-table__header">Authority and form</th><th scope="col" class="govuk-table__header">By</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th></tr></thead><tbody class="govuk-table__body">' +
        drafts.map(function (d) {
          return '<tr class="govuk-table__row" data-draft="' + esc(d.draft_id) + '"><td class="govuk-table__cell app-nowrap">' + esc(CME.formatDate(d.created_at.slice(0, 10), false)) + " " + esc(d.created_at.slice(11, 16)) +
            '</td><td class="govuk-table__cell">' + esc(d.authority) + "<br><span class=\"govuk-body-s\">" + esc(d.form) + '</span></td><td class="govuk-table__cell">' + esc(d.created_by) +
            '</td><td class="govuk-table__cell"><button type="button" class="app-link-button" data-open="' + esc(d.draft_id) + '">Review<span class="govuk-visually-hidden"> draft ' + esc(d.draft_id.slice(0, 8)) + "</span></button></td></tr>";
        }).join("") + "</tbody></table>";
    } catch (e) {
      listEl.innerHTML = '<p class="govuk-body">' + esc(e.message) + "</p>";
    }
  }

  listEl.addEventListener("click", async function (ev) {
    var b = ev.target.closest("button[data-open]");
    if (!b) return;
    try {
      var d = await CME.api("/v1/referrals/" + encodeURIComponent(b.getAttribute("data-open")));
      showDraft(d, "Draft opened.");
      preview.scrollIntoView({ block: "start" });
    } catch (e) {
      CME.showErrors(errors, [{ text: e.message }]);
    }
  });

  renderForm();
  loadList();
})();
