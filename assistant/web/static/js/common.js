/* CME Assist: helpers shared by the pages. No framework, no build step. */
(function () {
  "use strict";

  var STORE_KEY = "cme-assist.authority";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

  function escapeHtml(text) {
    return String(text == null ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function ApiError(status, code, message) {
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.message = message;
  }
  ApiError.prototype = Object.create(Error.prototype);

  function friendly(status, code, message) {
    if (status === 503) return "The service is still loading the policy documents. Try again in a minute.";
    if (status === 413) return "That is too long. Shorten it and try again.";
    if (status === 429) return "Too many requests. Wait a moment and try again.";
    if (status >= 500) return "Sorry, something went wrong on our side. Try again.";
    return message || "The request could not be completed.";
  }

  async function errorFrom(response) {
    var code = "http_" + response.status, message = "";
    try {
      var body = await response.json();
      if (body && body.error) { code = body.error.code || code; message = body.error.message || ""; }
    } catch (e) { /* not JSON */ }
    return new ApiError(response.status, code, friendly(response.status, code, message));
  }

  /* fetch JSON (POST when a body is given); throws ApiError with a message for people. */
  async function api(path, body, options) {
    options = options || {};
    var init = { method: options.method || (body === undefined ? "GET" : "POST"), headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    var response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, "network", "Could not reach CME Assist. Check your connection and try again.");
    }
    if (!response.ok) throw await errorFrom(response);
    return response.json();
  }

  /* ---- authority, remembered on this device ---- */
  function getAuthority() {
    try { return localStorage.getItem(STORE_KEY) || ""; } catch (e) { return ""; }
  }
  function setAuthority(value) {
    try { if (value) localStorage.setItem(STORE_KEY, value); else localStorage.removeItem(STORE_KEY); } catch (e) { /* private mode */ }
    document.querySelectorAll("select[data-authority-select]").forEach(function (s) { s.value = value; });
  }
  function initAuthoritySelects() {
    var stored = getAuthority();
    document.querySelectorAll("select[data-authority-select]").forEach(function (select) {
      if (stored && Array.prototype.some.call(select.options, function (o) { return o.value === stored; })) select.value = stored;
      select.addEventListener("change", function () { setAuthority(select.value); });
    });
  }

  /* ---- dates ---- */
  function parseIso(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return null;
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  }
  function formatDate(iso, withDay) {
    var d = parseIso(iso);
    if (!d) return iso || "";
    var text = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    return withDay === false ? text : DAYS[d.getUTCDay()] + " " + text;
  }
  function formatMonth(value) {  // "2023-09" -> "September 2023"
    var m = /^(\d{4})-(\d{2})$/.exec(value || "");
    return m ? MONTHS[+m[2] - 1] + " " + m[1] : formatDate(value, false);
  }

  /* Reads a GOV.UK date input (id-day, id-month, id-year). Returns {iso} or {error, focus}; {iso: null} when
     empty and not required. label is the question in words, e.g. "The start date". */
  function readDateInput(id, label, required) {
    var parts = ["day", "month", "year"].map(function (p) { return document.getElementById(id + "-" + p); });
    var values = parts.map(function (el) { return (el.value || "").trim(); });
    var names = ["day", "month", "year"];
    if (values.every(function (v) { return v === ""; })) {
      return required ? { error: "Enter " + label.toLowerCase(), focus: parts[0].id, bad: [0, 1, 2] } : { iso: null };
    }
    var missing = [];
    values.forEach(function (v, i) { if (v === "") missing.push(i); });
    if (missing.length) {
      return { error: label + " must include a " + missing.map(function (i) { return names[i]; }).join(" and a "),
               focus: parts[missing[0]].id, bad: missing };
    }
    var bad = [];
    values.forEach(function (v, i) { if (!/^\d+$/.test(v)) bad.push(i); });
    var day = +values[0], month = +values[1], year = +values[2];
    if (!bad.length && values[2].length !== 4) bad.push(2);
    if (!bad.length) {
      var d = new Date(Date.UTC(year, month - 1, day));
      if (month < 1 || month > 12) bad.push(1);
      else if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) bad.push(0);
    }
    if (bad.length) return { error: label + " must be a real date", focus: parts[bad[0]].id, bad: bad };
    var iso = String(year).padStart(4, "0") + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
    return { iso: iso };
  }

  /* ---- errors, the GOV.UK way: a summary at the top and a message by each field ---- */
  function clearErrors(scope) {
    scope.querySelectorAll(".govuk-form-group--error").forEach(function (g) { g.classList.remove("govuk-form-group--error"); });
    scope.querySelectorAll(".govuk-input--error, .govuk-textarea--error, .govuk-select--error").forEach(function (el) {
      el.classList.remove("govuk-input--error", "govuk-textarea--error", "govuk-select--error");
    });
    scope.querySelectorAll(".govuk-error-message").forEach(function (m) {
      m.hidden = true; m.textContent = "";
      var describedBy = document.querySelectorAll('[aria-describedby~="' + m.id + '"]');
      describedBy.forEach(function (el) {
        el.setAttribute("aria-describedby", el.getAttribute("aria-describedby").split(" ").filter(function (x) { return x !== m.id; }).join(" "));
      });
    });
    scope.querySelectorAll(".govuk-error-summary").forEach(function (s) { s.hidden = true; s.querySelector("ul").innerHTML = ""; });
  }

  /* errors: [{text, href ("#field-id"), group (form-group id), message (error message id), inputs ([ids])}] */
  function showErrors(summary, errors) {
    var list = summary.querySelector("ul");
    list.innerHTML = "";
    errors.forEach(function (err) {
      var li = document.createElement("li");
      if (err.href) {
        var a = document.createElement("a");
        a.href = err.href;
        a.textContent = err.text;
        a.addEventListener("click", function (ev) {
          var target = document.getElementById(err.href.slice(1));
          if (target) { ev.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); }
        });
        li.appendChild(a);
      } else {
        li.textContent = err.text;
      }
      list.appendChild(li);
      if (err.group) {
        var group = document.getElementById(err.group);
        if (group) group.classList.add("govuk-form-group--error");
      }
      if (err.message) {
        var msg = document.getElementById(err.message);
        if (msg) {
          msg.hidden = false;
          msg.innerHTML = '<span class="govuk-visually-hidden">Error: </span>' + escapeHtml(err.text);
          var fieldset = msg.closest("fieldset");
          var described = fieldset || (err.inputs && document.getElementById(err.inputs[0]));
          if (described) {
            var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            if (ids.indexOf(msg.id) < 0) ids.push(msg.id);
            described.setAttribute("aria-describedby", ids.join(" "));
          }
        }
      }
      (err.inputs || []).forEach(function (id) {
        var el = document.getElementById(id);
        if (!el) return;
        if (el.tagName === "TEXTAREA") el.classList.add("govuk-textarea--error");
        else if (el.tagName === "SELECT") el.classList.add("govuk-select--error");
        else if (el.type !== "radio") el.classList.add("govuk-input--error");
      });
    });
    summary.hidden = false;
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }

  /* An error from a date input as a showErrors entry. */
  function dateError(id, result) {
    return {
      text: result.error, href: "#" + result.focus, group: id + "-group", message: id + "-error",
      inputs: (result.bad || [0, 1, 2]).map(function (i) { return id + "-" + ["day", "month", "year"][i]; })
    };
  }

  /* ---- sources ---- */
  function documentHref(docId, chunkId, quote) {
    var url = "/documents/" + encodeURIComponent(docId);
    var q = [];
    if (chunkId) q.push("chunk=" + encodeURIComponent(chunkId));
    if (quote) q.push("quote=" + encodeURIComponent(quote));
    return url + (q.length ? "?" + q.join("&") : "") + (chunkId || quote ? "#cited-passage" : "");
  }

  /* A rule-tool citation ({doc_id, locator, quote, chunk_id, title, authority}) as a list item. */
  function ruleCitationHtml(c) {
    var title = c.title || c.doc_id;
    var where = c.locator ? escapeHtml(c.locator) + ", " : "";
    return '<li class="app-citation"><a class="govuk-link" href="' + escapeHtml(documentHref(c.doc_id, c.chunk_id, c.quote)) + '">' +
      where + escapeHtml(title) + "</a>" + (c.authority ? ' <span class="app-citation__authority">(' + escapeHtml(c.authority) + ")</span>" : "") +
      (c.quote ? '<blockquote class="app-quote">“' + escapeHtml(c.quote) + "”</blockquote>" : "") + "</li>";
  }

  function downloadBlob(blob, filename) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 10000);
  }

  function tag(text, colour) {
    return '<strong class="govuk-tag' + (colour ? " govuk-tag--" + colour : "") + '">' + escapeHtml(text) + "</strong>";
  }

  function statusTag(status) {
    return status === "review_overdue" ? tag("Review overdue", "orange") : tag("Current", "green");
  }

  window.CME = {
    api: api, ApiError: ApiError, escapeHtml: escapeHtml, getAuthority: getAuthority, setAuthority: setAuthority,
    formatDate: formatDate, formatMonth: formatMonth, readDateInput: readDateInput, clearErrors: clearErrors,
    showErrors: showErrors, dateError: dateError, documentHref: documentHref, ruleCitationHtml: ruleCitationHtml,
    downloadBlob: downloadBlob, tag: tag, statusTag: statusTag
  };

  initAuthoritySelects();
})();
