// Initialise GOV.UK Frontend components present in the server-rendered page.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
