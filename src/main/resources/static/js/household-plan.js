// Keeps the household's emergency plan in this browser only (localStorage): the plan fields have
// no name, so they are never part of a form submission, and nothing here talks to the server.
document.addEventListener("DOMContentLoaded", function () {
  var key = "weerbaar.denk-vooruit.plan";
  var fields = document.querySelectorAll("[data-plan]");
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
  fields.forEach(function (field) {
    var name = field.getAttribute("data-plan");
    if (saved[name]) { field.value = saved[name]; }
    field.addEventListener("input", function () {
      saved[name] = field.value;
      localStorage.setItem(key, JSON.stringify(saved));
    });
  });
});
