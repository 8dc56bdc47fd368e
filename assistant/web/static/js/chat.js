/* CME Assist chat: streams answers from /v1/chat/stream (falls back to POST /v1/chat), renders the
   Markdown safely, opens cited passages in the side panel, offers clarify options and feedback. */
(function () {
  "use strict";

  var CME = window.CME;
  var form = document.getElementById("chat-form");
  if (!form) return;
  var textarea = document.getElementById("chat-message");
  var sendButton = document.getElementById("chat-send");
  var newButton = document.getElementById("chat-new");
  var conversation = document.getElementById("conversation");
  var statusRegion = document.getElementById("chat-status");
  var errorSummary = document.getElementById("chat-errors");
  var authoritySelect = document.getElementById("chat-authority");
  var panel = document.getElementById("source-panel");
  var panelTitle = document.getElementById("source-panel-title");
  var panelBody = document.getElementById("source-panel-body");
  var panelClose = document.getElementById("source-close");
  var template = document.getElementById("turn-template");

  var sessionId = null;
  var sessionMessages = [];  // the question and the replies to clarifying questions, for feedback
  var busy = false;
  var turnCount = 0;
  var panelOpener = null;

  var THUMB = '<svg class="app-thumb" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M2 10h4v11H2z M8 10l4-8c1.5 0 2.5 1 2.5 2.5L14 9h6c1.1 0 2 .9 2 2l-2 8c-.3 1.2-1.2 2-2.4 2H8z"/></svg>';

  var FLAG_BANNERS = {
    other_authority: {
      title: "Check your authority",
      heading: "Part of this answer comes from another authority’s documents.",
      body: "Check your own authority’s procedure before you act on it."
    },
    stale_source: {
      title: "Check the date",
      heading: "A source is past its review date or refers to law that has been replaced.",
      body: "Check you are using the latest version of the policy."
    },
    personal_data: {
      title: "Personal details",
      heading: "Do not enter a child’s or family’s personal details here.",
      body: "Describe the situation without names, addresses, dates of birth or contact details."
    }
  };

  var ACTION_LABELS = {
    clarify: ["More information needed", "blue"],
    not_found: ["Not in the documents", "grey"],
    refused: ["Cannot help with this", "grey"]
  };

  function announce(text) {
    statusRegion.textContent = "";
    window.setTimeout(function () { statusRegion.textContent = text; }, 50);
  }

  /* ---------- safe Markdown: escape first, then **bold**, *italic*, line breaks, lists, [n] ---------- */
  function inline(text, citations) {
    var html = CME.escapeHtml(text);
    html = html.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>");
    html = html.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1<em>$2</em>");
    html = html.replace(/\[(\d{1,3})\]/g, function (match, n) {
      var c = citations && citations[n];
      if (!c) return citations ? match : '<span class="app-cite app-cite--pending">' + match + "</span>";
      return '<button type="button" class="app-cite" data-n="' + n + '" aria-controls="source-panel">[' + n +
        ']<span class="govuk-visually-hidden"> source: ' + CME.escapeHtml(c.title) + "</span></button>";
    });
    return html;
  }

  function renderMarkdown(markdown, citations) {
    var lines = String(markdown || "").replace(/\r\n?/g, "\n").split("\n");
    var out = [], para = [], list = null, listTag = "ul";
    function flushPara() {
      if (para.length) out.push('<p class="govuk-body">' + para.map(function (l) { return inline(l, citations); }).join("<br>") + "</p>");
      para = [];
    }
    function flushList() {
      if (list) {
        var cls = listTag === "ol" ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet";
        out.push("<" + listTag + ' class="' + cls + '">' + list.map(function (li) { return "<li>" + inline(li, citations) + "</li>"; }).join("") + "</" + listTag + ">");
      }
      list = null;
    }
    lines.forEach(function (line) {
      var bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      var numbered = /^\s*(\d+)[.)]\s+(.*)$/.exec(line);
      var heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
      if (!line.trim()) { flushPara(); flushList(); return; }
      if (heading) { flushPara(); flushList(); out.push('<h3 class="govuk-heading-s">' + inline(heading[1], citations) + "</h3>"); return; }
      if (bullet || numbered) {
        flushPara();
        var tagName = bullet ? "ul" : "ol";
        if (list && listTag !== tagName) flushList();
        if (!list) { list = []; listTag = tagName; }
        list.push(bullet ? bullet[1] : numbered[2]);
        return;
      }
      if (list && /^\s{2,}/.test(line)) { list[list.length - 1] += " " + line.trim(); return; }
      flushList();
      para.push(line);
    });
    flushPara();
    flushList();
    return out.join("\n");
  }

  /* ---------- a cited passage with its quote in <mark> ---------- */
  function findQuote(text, quote) {
    quote = (quote || "").trim();
    if (!quote) return null;
    var i = text.indexOf(quote);
    if (i >= 0) return [i, i + quote.length];
    var words = quote.split(/\s+/).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var m = new RegExp(words.join("\\s+")).exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  }

  function passageHtml(text, quote) {
    var range = findQuote(text, quote);
    var marked = range ? text.slice(0, range[0]) + "\u0001" + text.slice(range[0], range[1]) + "\u0002" + text.slice(range[1]) : text;
    var inMark = false;
    return marked.split(/\n\s*\n/).map(function (para) {
      var html = (inMark ? "<mark>" : "") + CME.escapeHtml(para).replace(/\n/g, "<br>");
      html = html.replace(/\u0001/g, function () { inMark = true; return "<mark>"; })
                 .replace(/\u0002/g, function () { inMark = false; return "</mark>"; });
      if (inMark) html += "</mark>";
      return '<p class="govuk-body">' + html + "</p>";
    }).join("");
  }

  function openSource(turnEl, n, opener) {
    var data = turnEl._data;
    var c = data && data.citationsByN[n];
    if (!c) return;
    panelOpener = opener || null;
    panelTitle.textContent = "Source [" + n + "]";
    var rows = [["Document", CME.escapeHtml(c.title)], ["Authority", CME.escapeHtml(c.authority)]];
    if (c.dated) rows.push(["Dated", CME.escapeHtml(CME.formatMonth(c.dated))]);
    if (c.section) rows.push(["Section", CME.escapeHtml(c.section.split(" > ").join(" › "))]);
    rows.push(["Status", CME.statusTag(c.status)]);
    var html = '<dl class="govuk-summary-list app-summary-compact">' + rows.map(function (r) {
      return '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">' + r[0] + '</dt><dd class="govuk-summary-list__value">' + r[1] + "</dd></div>";
    }).join("") + "</dl>";
    if (c.status === "review_overdue") {
      html += '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>' +
        '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This document is past its review date. ' +
        "Check it is still your authority’s current procedure.</strong></div>";
    }
    html += '<h3 class="govuk-heading-s">Cited passage</h3><div class="app-passage-text">' + passageHtml(c.text || c.quote, c.quote) + "</div>";
    html += '<p class="govuk-body"><a class="govuk-link" href="' + CME.escapeHtml(CME.documentHref(c.doc_id, c.chunk_id, c.quote)) +
      '">Read the whole document<span class="govuk-visually-hidden">: ' + CME.escapeHtml(c.title) + "</span></a></p>";
    panelBody.innerHTML = html;
    panel.hidden = false;
    panelTitle.focus();
    if (window.matchMedia("(max-width: 40.0525em)").matches) panel.scrollIntoView({ block: "start" });
  }

  function closeSource() {
    panel.hidden = true;
    if (panelOpener && document.body.contains(panelOpener)) panelOpener.focus();
    panelOpener = null;
  }
  panelClose.addEventListener("click", closeSource);
  panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closeSource(); });

  conversation.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-n]");
    if (!button) return;
    var turnEl = button.closest(".app-turn");
    openSource(turnEl, button.getAttribute("data-n"), button);
  });

  /* ---------- banners ---------- */
  function bannerHtml(id, title, heading, body, kind) {
    var important = kind === "safeguarding";
    return '<div class="govuk-notification-banner' + (important ? " app-banner--safeguarding" : "") + '" role="' + (important ? "alert" : "region") +
      '" aria-labelledby="' + id + '" data-flag="' + kind + '"><div class="govuk-notification-banner__header">' +
      '<h3 class="govuk-notification-banner__title" id="' + id + '">' + CME.escapeHtml(title) + "</h3></div>" +
      '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">' + CME.escapeHtml(heading) + "</p>" +
      (body ? '<p class="govuk-body">' + CME.escapeHtml(body) + "</p>" : "") + "</div></div>";
  }

  function bannersFor(data, turnId) {
    var flags = data.flags || [];
    var html = "";
    if (data.action === "escalated" || flags.indexOf("safeguarding") >= 0) {
      html += bannerHtml(turnId + "-safeguarding", "Safeguarding: act now",
        "A child may be at risk of harm. Follow the safeguarding steps in this answer now.",
        "If a child is in immediate danger, call 999. Tell your designated safeguarding lead straight away and contact children’s social care.",
        "safeguarding");
    }
    ["other_authority", "stale_source", "personal_data"].forEach(function (flag) {
      if (flags.indexOf(flag) >= 0) {
        var b = FLAG_BANNERS[flag];
        html += bannerHtml(turnId + "-" + flag, b.title, b.heading, b.body, flag);
      }
    });
    return html;
  }

  /* ---------- a turn ---------- */
  function createTurn(question) {
    turnCount += 1;
    var fragment = template.content.cloneNode(true);
    var turnEl = fragment.querySelector(".app-turn");
    turnEl.id = "turn-" + turnCount;
    turnEl.setAttribute("aria-labelledby", "turn-" + turnCount + "-heading");
    turnEl.querySelector(".app-turn__question-text").textContent = question;
    var heading = turnEl.querySelector(".app-turn__heading");
    heading.id = "turn-" + turnCount + "-heading";
    heading.innerHTML = "Answer<span class=\"govuk-visually-hidden\"> " + turnCount + "</span>";
    conversation.appendChild(fragment);
    turnEl._question = question;
    var previous = conversation.querySelectorAll(".app-turn");
    var last = previous.length > 1 ? previous[previous.length - 2] : null;
    if (!last || last.getAttribute("data-action") !== "clarify") sessionMessages = [];
    sessionMessages.push(question);
    // Feedback on a reply to a clarifying question records the whole exchange that led to it.
    turnEl._conversation = sessionMessages.slice(-10).join(" → ");
    return turnEl;
  }

  function optionsHtml(options) {
    return '<h3 class="govuk-heading-s" id="opts-' + turnCount + '">Choose an answer</h3><div class="govuk-button-group app-options" role="group" aria-labelledby="opts-' + turnCount + '">' +
      options.map(function (o) {
        return '<button type="button" class="govuk-button govuk-button--secondary app-option" data-option="' + CME.escapeHtml(o) + '">' + CME.escapeHtml(o) + "</button>";
      }).join("") + "</div><p class=\"govuk-body-s\">Or type your answer in the box below.</p>";
  }

  function sourcesHtml(citations) {
    return '<h3 class="govuk-heading-s">Sources</h3><ol class="govuk-list app-sources">' + citations.map(function (c) {
      return '<li><button type="button" class="app-link-button" data-n="' + c.n + '" aria-controls="source-panel">[' + c.n + "] " + CME.escapeHtml(c.title) +
        "</button> <span class=\"app-sources__meta\">" + CME.escapeHtml(c.authority) + (c.section ? " – " + CME.escapeHtml(c.section.split(" > ").slice(-1)[0]) : "") +
        (c.status === "review_overdue" ? " " + CME.tag("Review overdue", "orange") : "") + "</span></li>";
    }).join("") + "</ol>";
  }

  function feedbackHtml(id) {
    return '<form class="app-feedback" novalidate>' +
      '<div class="govuk-error-summary" id="' + id + '-errors" tabindex="-1" hidden><div role="alert"><h4 class="govuk-error-summary__title">There is a problem</h4><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"></ul></div></div></div>' +
      '<div class="govuk-form-group" id="' + id + '-group"><fieldset class="govuk-fieldset">' +
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Was this answer useful?</legend>' +
      '<p class="govuk-error-message" id="' + id + '-error" hidden></p>' +
      '<div class="govuk-radios govuk-radios--small govuk-radios--inline">' +
      '<div class="govuk-radios__item"><input class="govuk-radios__input" id="' + id + '-up" name="' + id + '-rating" type="radio" value="up">' +
      '<label class="govuk-label govuk-radios__label" for="' + id + '-up">' + THUMB + " Yes</label></div>" +
      '<div class="govuk-radios__item"><input class="govuk-radios__input" id="' + id + '-down" name="' + id + '-rating" type="radio" value="down">' +
      '<label class="govuk-label govuk-radios__label app-thumb-down" for="' + id + '-down">' + THUMB + " No</label></div>" +
      "</div></fieldset></div>" +
      '<div class="govuk-form-group"><label class="govuk-label" for="' + id + '-comment">What was right or wrong? (optional)</label>' +
      '<div class="govuk-hint" id="' + id + '-hint">Do not include personal details.</div>' +
      '<textarea class="govuk-textarea" id="' + id + '-comment" rows="2" maxlength="2000" aria-describedby="' + id + '-hint"></textarea></div>' +
      '<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Send feedback</button></form>';
  }

  function wireFeedback(turnEl, data) {
    var id = turnEl.id + "-fb";
    var wrap = turnEl.querySelector(".app-turn__feedback");
    wrap.innerHTML = feedbackHtml(id);
    wrap.hidden = false;
    var fbForm = wrap.querySelector("form");
    fbForm.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      CME.clearErrors(fbForm);
      var chosen = fbForm.querySelector('input[name="' + id + '-rating"]:checked');
      if (!chosen) {
        CME.showErrors(document.getElementById(id + "-errors"), [{ text: "Select yes if the answer was useful, or no if it was not",
          href: "#" + id + "-up", group: id + "-group", message: id + "-error" }]);
        return;
      }
      var button = fbForm.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        await CME.api("/feedback", {
          rating: chosen.value, comment: document.getElementById(id + "-comment").value,
          settings_hash: data.settings_hash || "", session_id: data.session_id, authority: data._authority || null,
          action: data.action, engine: data.engine || null, question: turnEl._conversation || turnEl._question, answer: data.answer
        });
        wrap.innerHTML = '<p class="govuk-body app-feedback__thanks" tabindex="-1">Thank you. Your feedback was sent.</p>';
        wrap.querySelector("p").focus();
        announce("Thank you. Your feedback was sent.");
      } catch (e) {
        button.disabled = false;
        CME.showErrors(document.getElementById(id + "-errors"), [{ text: e.message || "Your feedback could not be sent. Try again." }]);
      }
    });
  }

  function renderFinal(turnEl, data) {
    var byN = {};
    (data.citations || []).forEach(function (c) { byN[c.n] = c; });
    turnEl._data = { citationsByN: byN, final: data };
    turnEl.setAttribute("data-action", data.action);
    turnEl.setAttribute("data-flags", (data.flags || []).join(" "));
    var label = ACTION_LABELS[data.action];
    turnEl.querySelector(".app-turn__banners").innerHTML = bannersFor(data, turnEl.id) +
      (label ? '<p class="govuk-body app-turn__label">' + CME.tag(label[0], label[1]) + "</p>" : "");
    var answerEl = turnEl.querySelector(".app-answer");
    answerEl.innerHTML = renderMarkdown(data.answer, byN);
    answerEl.removeAttribute("aria-busy");

    var optionsEl = turnEl.querySelector(".app-turn__options");
    if (data.action === "clarify" && data.options && data.options.length) {
      optionsEl.innerHTML = optionsHtml(data.options);
      optionsEl.hidden = false;
      optionsEl.querySelectorAll("button.app-option").forEach(function (b) {
        b.addEventListener("click", function () {
          if (busy) return;
          optionsEl.querySelectorAll("button.app-option").forEach(function (other) {
            other.disabled = true;
            other.setAttribute("aria-disabled", "true");
          });
          b.classList.add("app-option--chosen");
          b.setAttribute("aria-pressed", "true");
          send(b.getAttribute("data-option"));
        });
      });
    }
    var sourcesEl = turnEl.querySelector(".app-turn__sources");
    if (data.citations && data.citations.length) {
      sourcesEl.innerHTML = sourcesHtml(data.citations);
      sourcesEl.hidden = false;
    }
    if (data.action !== "clarify") wireFeedback(turnEl, data);
  }

  function renderError(turnEl, message) {
    var answerEl = turnEl.querySelector(".app-answer");
    answerEl.removeAttribute("aria-busy");
    answerEl.innerHTML = '<div class="govuk-inset-text app-inset--error"><p class="govuk-body">' + CME.escapeHtml(message) + "</p></div>";
    turnEl.setAttribute("data-action", "error");
  }

  /* ---------- transport: SSE over fetch, then plain POST ---------- */
  async function readError(response) {
    var message = "";
    try { var body = await response.json(); message = body && body.error && body.error.message; } catch (e) { /* not JSON */ }
    var err = new Error(message || "HTTP " + response.status);
    err.status = response.status;
    return err;
  }

  async function streamChat(body, onToken) {
    var response = await fetch("/v1/chat/stream", {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" }, body: JSON.stringify(body)
    });
    if (!response.ok) throw await readError(response);
    if (!response.body || !response.body.getReader) throw new Error("streaming not supported");
    var reader = response.body.getReader();
    var decoder = new TextDecoder("utf-8");
    var buffer = "", final = null;
    function handle(block) {
      var event = "message", data = [];
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) event = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (!data.length) return;
      var payload = JSON.parse(data.join("\n"));
      if (event === "token") onToken(payload);
      else if (event === "final") final = payload;
      else if (event === "error") { var e = new Error((payload.error && payload.error.message) || "stream error"); e.status = 500; throw e; }
    }
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
      var cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        handle(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
    buffer += decoder.decode();
    if (buffer.trim()) handle(buffer.trim());
    if (!final) throw new Error("the stream ended without an answer");
    return final;
  }

  function humanError(err) {
    if (err.status === 503) return "The service is still loading the policy documents. Try again in a minute.";
    if (err.status === 413) return "Your question is too long. Shorten it and try again.";
    if (err.status === 429) return "Too many questions at once. Wait a moment and try again.";
    if (err.status && err.status < 500 && err.message) return err.message;
    return "Sorry, the answer could not be produced. Try again.";
  }

  async function send(message) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    sendButton.setAttribute("aria-disabled", "true");
    newButton.hidden = false;
    // Options of earlier turns no longer apply once the conversation moves on.
    conversation.querySelectorAll("button.app-option:not([disabled])").forEach(function (b) { b.disabled = true; b.setAttribute("aria-disabled", "true"); });

    var turnEl = createTurn(message);
    var answerEl = turnEl.querySelector(".app-answer");
    var authority = authoritySelect.value || null;
    var body = { message: message, session_id: sessionId, authority: authority };
    announce("Finding the answer.");
    var text = "", scheduled = false;
    function onToken(token) {
      text += token;
      if (scheduled) return;
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        answerEl.innerHTML = renderMarkdown(text, null);
      });
    }
    var data = null;
    try {
      data = await streamChat(body, onToken);
    } catch (err) {
      if (err.status && err.status < 500 && err.status !== 429) {
        renderError(turnEl, humanError(err));
      } else {
        try {
          data = await CME.api("/v1/chat", body);  // streaming failed: ask again without it
        } catch (err2) {
          renderError(turnEl, humanError(err2));
        }
      }
    }
    if (data) {
      data._authority = authority;
      sessionId = data.session_id;
      // Wait for a pending token render before replacing it with the final answer.
      await new Promise(function (resolve) { window.requestAnimationFrame(function () { resolve(); }); });
      renderFinal(turnEl, data);
      announce(data.action === "clarify" ? "A question for you: " + data.answer : "Answer ready.");
    } else {
      announce("The answer could not be produced.");
    }
    busy = false;
    sendButton.disabled = false;
    sendButton.removeAttribute("aria-disabled");
    var heading = turnEl.querySelector(".app-turn__heading");
    heading.focus();
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    CME.clearErrors(form);
    var message = textarea.value.trim();
    if (!message) {
      CME.showErrors(errorSummary, [{ text: "Enter your question", href: "#chat-message", group: "chat-message-group",
        message: "chat-message-error", inputs: ["chat-message"] }]);
      return;
    }
    if (busy) return;
    textarea.value = "";
    send(message);
  });

  textarea.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  });

  newButton.addEventListener("click", function () {
    sessionId = null;
    sessionMessages = [];
    conversation.innerHTML = "";
    panel.hidden = true;
    newButton.hidden = true;
    CME.clearErrors(form);
    announce("New conversation started.");
    textarea.focus();
  });

  window.CMEChat = { renderMarkdown: renderMarkdown, passageHtml: passageHtml };
})();
