/* CME Assist guided leaver-reason form, driven by POST /v1/tools/leaver-reason.
   Each quick reply is turned into facts by POST /web/leaver-facts (the rule module's answer_question),
   so the page never guesses what an option means. */
(function () {
  "use strict";

  var CME = window.CME;
  var form = document.getElementById("leaver-form");
  if (!form) return;
  var config = JSON.parse(document.getElementById("leaver-config").textContent);
  var questionEl = document.getElementById("leaver-question");
  var stepEl = document.getElementById("leaver-step");
  var backButton = document.getElementById("leaver-back");
  var continueButton = document.getElementById("leaver-continue");
  var resultEl = document.getElementById("leaver-result");
  var answersWrap = document.getElementById("leaver-answers");
  var answersList = document.getElementById("leaver-answers-list");
  var restartButton = document.getElementById("leaver-restart");
  var errorSummary = document.getElementById("leaver-errors");
  var statusRegion = document.getElementById("leaver-status");
  var authoritySelect = document.getElementById("leaver-authority");

  var answers = [];   // [{key, reply, text (question), label (reply in words)}]
  var current = null; // the question on screen
  var esc = CME.escapeHtml;
  var seq = 0;

  function announce(text) {
    statusRegion.textContent = "";
    window.setTimeout(function () { statusRegion.textContent = text; }, 50);
  }

  /* ---------- questions ---------- */
  function radiosHtml(q) {
    return '<div class="govuk-radios" data-module="govuk-radios">' + q.options.map(function (o, i) {
      var id = "answer-" + i;
      return '<div class="govuk-radios__item"><input class="govuk-radios__input" id="' + id + '" name="answer" type="radio" value="' + esc(o) + '">' +
        '<label class="govuk-label govuk-radios__label" for="' + id + '">' + esc(o) + "</label></div>";
    }).join("") + "</div>";
  }

  function dateHtml() {
    return '<div class="govuk-date-input" id="answer-date">' + ["day", "month", "year"].map(function (p) {
      var width = p === "year" ? 4 : 2;
      return '<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="answer-date-' + p + '">' +
        p.charAt(0).toUpperCase() + p.slice(1) + '</label><input class="govuk-input govuk-date-input__input govuk-input--width-' + width +
        '" id="answer-date-' + p + '" name="answer-date-' + p + '" type="text" inputmode="numeric" autocomplete="off"></div></div>';
    }).join("") + "</div>";
  }

  function showQuestion(q) {
    current = q;
    var kind = q.options && q.options.length ? "options" : (config.inputs[q.key] || "text");
    current.kind = kind;
    var hintId = "answer-hint", errorId = "answer-error";
    var hint = q.why ? '<div class="govuk-hint" id="' + hintId + '">' + esc(q.why) + "</div>" : "";
    var html;
    if (kind === "options" || kind === "date") {
      html = '<div class="govuk-form-group" id="answer-group"><fieldset class="govuk-fieldset"' + (kind === "date" ? ' role="group"' : "") +
        (q.why ? ' aria-describedby="' + hintId + '"' : "") + '><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' +
        '<h2 class="govuk-fieldset__heading" id="question-heading" tabindex="-1">' + esc(q.text) + "</h2></legend>" + hint +
        (kind === "date" ? '<div class="govuk-hint">For example, 27 3 2026</div>' : "") +
        '<p class="govuk-error-message" id="' + errorId + '" hidden></p>' + (kind === "date" ? dateHtml() : radiosHtml(q)) + "</fieldset></div>";
    } else {
      html = '<div class="govuk-form-group" id="answer-group"><h2 class="govuk-label-wrapper" id="question-heading" tabindex="-1">' +
        '<label class="govuk-label govuk-label--m" for="answer-text">' + esc(q.text) + "</label></h2>" + hint +
        '<p class="govuk-error-message" id="' + errorId + '" hidden></p>' +
        (kind === "number"
          ? '<div class="govuk-input__wrapper"><input class="govuk-input govuk-input--width-3" id="answer-text" name="answer" type="text" inputmode="numeric" spellcheck="false"' +
            (q.why ? ' aria-describedby="' + hintId + '"' : "") + '><div class="govuk-input__suffix" aria-hidden="true">school days</div></div>'
          : '<input class="govuk-input" id="answer-text" name="answer" type="text"' + (q.why ? ' aria-describedby="' + hintId + '"' : "") + ">") + "</div>";
    }
    questionEl.innerHTML = html;
    questionEl.setAttribute("data-question-key", q.key);
    stepEl.textContent = "Question " + (answers.length + 1);
    form.hidden = false;
    resultEl.hidden = true;
    backButton.hidden = answers.length === 0;
    restartButton.hidden = answers.length === 0;
    renderAnswers();
  }

  function readAnswer() {
    var q = current;
    if (q.kind === "options") {
      var chosen = form.querySelector('input[name="answer"]:checked');
      if (!chosen) return { error: { text: "Select an answer", href: "#answer-0", group: "answer-group", message: "answer-error" } };
      return { reply: chosen.value, label: chosen.value };
    }
    if (q.kind === "date") {
      var d = CME.readDateInput("answer-date", "The date", true);
      if (d.error) {
        return { error: { text: d.error, href: "#" + d.focus, group: "answer-group", message: "answer-error",
          inputs: d.bad.map(function (i) { return "answer-date-" + ["day", "month", "year"][i]; }) } };
      }
      return { reply: d.iso, label: CME.formatDate(d.iso) };
    }
    var raw = document.getElementById("answer-text").value.trim();
    if (q.kind === "number") {
      if (!/^\d+$/.test(raw)) {
        return { error: { text: raw ? "Enter the number of school days as a whole number, like 20" : "Enter the number of school days",
          href: "#answer-text", group: "answer-group", message: "answer-error", inputs: ["answer-text"] } };
      }
      return { reply: parseInt(raw, 10), label: raw + " school days" };
    }
    if (!raw) return { error: { text: "Enter an answer", href: "#answer-text", group: "answer-group", message: "answer-error", inputs: ["answer-text"] } };
    return { reply: raw, label: raw };
  }

  function renderAnswers() {
    if (!answers.length) { answersWrap.hidden = true; return; }
    answersList.innerHTML = answers.map(function (a, i) {
      return '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">' + esc(a.text) + '</dt><dd class="govuk-summary-list__value">' +
        esc(a.label) + '</dd><dd class="govuk-summary-list__actions"><button type="button" class="app-link-button" data-change="' + i + '">Change' +
        '<span class="govuk-visually-hidden"> your answer to: ' + esc(a.text) + "</span></button></dd></div>";
    }).join("");
    answersWrap.hidden = false;
  }

  answersList.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-change]");
    if (!b) return;
    answers = answers.slice(0, parseInt(b.getAttribute("data-change"), 10));
    step();
  });

  /* ---------- results ---------- */
  function citationIndex(citations) {
    var map = {};
    (citations || []).forEach(function (c) { map[c.doc_id + "|" + c.quote] = c; });
    return map;
  }

  function sourceLink(source, index) {
    if (!source) return "";
    var c = index[source.doc_id + "|" + source.quote] || source;
    return '<a class="govuk-link" href="' + esc(CME.documentHref(source.doc_id, c.chunk_id, source.quote)) + '">' + esc(source.locator || source.doc_id) + "</a>";
  }

  var STATUS = { met: ["Met", "green"], unknown: ["Not confirmed", "yellow"], unmet: ["Not met", "red"] };

  function actionsTable(actions, index) {
    if (!actions || !actions.length) return "";
    return '<h2 class="govuk-heading-m">What to do and by when</h2><div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Documents and notifications</caption>' +
      '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">What</th><th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Required by</th></tr></thead><tbody class="govuk-table__body">' +
      actions.map(function (a) {
        var sources = (a.sources || []).map(function (s) { return sourceLink(s, index); }).join(", ");
        return '<tr class="govuk-table__row"><td class="govuk-table__cell"><strong>' + esc(a.title) + "</strong><br>" + esc(a.detail) +
          (sources ? '<br><span class="govuk-body-s">Source: ' + sources + "</span>" : "") + "</td>" +
          '<td class="govuk-table__cell">' + (a.due ? '<span class="app-nowrap">' + esc(CME.formatDate(a.due)) + "</span>" : "") + (a.due_text ? "<br>" + esc(a.due_text) : "") + "</td>" +
          '<td class="govuk-table__cell">' + (a.statutory ? CME.tag("The law", "blue") : CME.tag(a.authority ? a.authority + " procedure" : "Local procedure", "purple")) + "</td></tr>";
      }).join("") + "</tbody></table></div>";
  }

  function citationsHtml(citations) {
    if (!citations || !citations.length) return "";
    return '<h2 class="govuk-heading-m">Sources</h2><ul class="govuk-list app-citations">' + citations.map(CME.ruleCitationHtml).join("") + "</ul>";
  }

  function notesHtml(notes, heading) {
    if (!notes || !notes.length) return "";
    return '<h2 class="govuk-heading-m">' + esc(heading || "Notes") + '</h2><ul class="govuk-list govuk-list--bullet">' +
      notes.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") + "</ul>";
  }

  function banner(title, heading, body, success) {
    seq += 1;
    var id = "leaver-result-title-" + seq;
    return '<div class="govuk-notification-banner' + (success ? " govuk-notification-banner--success" : "") + ' app-result" role="region" aria-labelledby="' + id +
      '" tabindex="-1"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="' + id + '">' + esc(title) +
      '</h2></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">' + heading + "</p>" + (body || "") + "</div></div>";
  }

  function groundHtml(res) {
    var g = res.result, index = citationIndex(res.citations);
    var html = banner("Result", "Use deletion ground " + esc(g.code) + ": " + esc(g.title), '<p class="govuk-body">' + esc(g.meaning) + "</p>", true);
    var rows = [
      ["Local authority must agree", g.la_agreement_required ? "Yes" : "No"],
      ["Joint enquiries with the local authority", g.joint_enquiries_required ? "Required" : "Not required"]
    ];
    if (g.old_2006_ground) rows.push(["Code in older documents (2006 Regulations)", esc(g.old_2006_ground)]);
    if (g.authority) rows.push(["Authority procedure included", esc(g.authority)]);
    html += '<dl class="govuk-summary-list">' + rows.map(function (r) {
      return '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">' + r[0] + '</dt><dd class="govuk-summary-list__value">' + r[1] + "</dd></div>";
    }).join("") + "</dl>";
    var unconfirmed = (g.conditions || []).filter(function (c) { return c.status === "unknown"; });
    if (unconfirmed.length) {
      html += '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text">' +
        '<span class="govuk-visually-hidden">Warning</span>Confirm before you delete the name: ' + unconfirmed.map(function (c) { return esc(c.text); }).join("; ") + ".</strong></div>";
    }
    html += '<h2 class="govuk-heading-m">Conditions</h2><div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Conditions of the ground</caption>' +
      '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Condition</th><th scope="col" class="govuk-table__header">On your answers</th><th scope="col" class="govuk-table__header">Source</th></tr></thead><tbody class="govuk-table__body">' +
      (g.conditions || []).map(function (c) {
        var s = STATUS[c.status] || [c.status, "grey"];
        return '<tr class="govuk-table__row"><td class="govuk-table__cell">' + esc(c.text) + '</td><td class="govuk-table__cell">' + CME.tag(s[0], s[1]) +
          '</td><td class="govuk-table__cell">' + sourceLink(c.source, index) + "</td></tr>";
      }).join("") + "</tbody></table></div>";
    html += actionsTable(g.actions, index);
    html += notesHtml(g.notes);
    html += citationsHtml(res.citations);
    return html;
  }

  function noGroundHtml(res) {
    var r = res.result, index = citationIndex(res.citations);
    var html = banner("Result", "No deletion ground applies on these answers: keep the pupil on the register",
      r.not_before ? '<p class="govuk-body">Not before ' + esc(CME.formatDate(r.not_before)) + ".</p>" : "", false);
    html += notesHtml(r.reasons, "Why");
    html += notesHtml(r.what_to_do_instead, "What to do instead");
    html += actionsTable(r.actions, index);
    if (r.other_grounds_considered && r.other_grounds_considered.length) {
      html += notesHtml(r.other_grounds_considered.map(function (g) { return g.code + ": " + g.reason; }), "Other grounds looked at");
    }
    html += citationsHtml(res.citations);
    return html;
  }

  function undecidedHtml(res) {
    var r = res.result;
    var html = banner("Result", "We cannot decide the ground yet",
      '<p class="govuk-body">Find out the answers to these questions, then use “Change” to update your answers.</p>', false);
    html += notesHtml(r.missing.map(function (q) { return q.text; }), "Still needed");
    if (r.candidates && r.candidates.length) html += notesHtml(["Grounds that may apply: " + r.candidates.join(", ")], "Possible grounds");
    html += notesHtml(r.notes);
    html += citationsHtml(res.citations);
    return html;
  }

  function showResult(html, message) {
    form.hidden = true;
    current = null;
    resultEl.innerHTML = html;
    resultEl.hidden = false;
    restartButton.hidden = false;
    renderAnswers();
    var focusable = resultEl.querySelector(".app-result");
    if (focusable) focusable.focus();
    announce(message);
  }

  /* ---------- the flow ---------- */
  async function step(failedAnswer) {
    CME.clearErrors(document);
    continueButton.disabled = true;
    try {
      var facts = {};
      if (answers.length) {
        facts = (await CME.api("/web/leaver-facts", { answers: answers.map(function (a) { return { key: a.key, reply: a.reply }; }) })).facts;
      }
      var res = await CME.api("/v1/tools/leaver-reason", { facts: facts, authority: authoritySelect.value || null });
      if (res.outcome === "needs_facts") {
        var answered = answers.map(function (a) { return a.key; });
        var next = res.result.missing.filter(function (q) { return answered.indexOf(q.key) < 0; })[0];
        if (next) {
          showQuestion(next);
          var heading = document.getElementById("question-heading");
          if (answers.length && heading) heading.focus();
          if (answers.length) announce("Next question: " + next.text);
        } else {
          showResult(undecidedHtml(res), "We cannot decide the ground yet.");
        }
      } else if (res.outcome === "ground") {
        showResult(groundHtml(res), "Result: use deletion ground " + res.result.code + ".");
      } else {
        showResult(noGroundHtml(res), "Result: no deletion ground applies. Keep the pupil on the register.");
      }
    } catch (e) {
      if (failedAnswer) {
        answers.pop();
        if (current) showQuestion(current);
        CME.showErrors(errorSummary, [{ text: e.message, href: "#question-heading", group: "answer-group", message: "answer-error" }]);
      } else {
        CME.showErrors(errorSummary, [{ text: e.message }]);
      }
    } finally {
      continueButton.disabled = false;
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    CME.clearErrors(document);
    if (!current) return;
    var a = readAnswer();
    if (a.error) { CME.showErrors(errorSummary, [a.error]); return; }
    answers.push({ key: current.key, reply: a.reply, text: current.text, label: a.label });
    step(true);
  });

  backButton.addEventListener("click", function () {
    answers.pop();
    step();
  });

  restartButton.addEventListener("click", function () {
    answers = [];
    step().then(function () {
      var heading = document.getElementById("question-heading");
      if (heading) heading.focus();
    });
  });

  authoritySelect.addEventListener("change", function () { if (answers.length) step(); });

  step();
})();
