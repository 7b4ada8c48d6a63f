// The static finder's postcode form: goes straight to the page of that postcode. Without
// JavaScript the list of postcode ranges below the form leads there too.
(function () {
  'use strict';
  var form = document.getElementById('static-search');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var digits = (form.postcode.value || '').replace(/\s+/g, '').slice(0, 4);
    if (/^[1-9][0-9]{3}$/.test(digits)) {
      window.location.href = form.dataset.root + 'pc/' + digits + '.html';
    } else {
      form.postcode.setCustomValidity('1234 AB');
      form.postcode.reportValidity();
      form.postcode.setCustomValidity('');
    }
  });
})();
