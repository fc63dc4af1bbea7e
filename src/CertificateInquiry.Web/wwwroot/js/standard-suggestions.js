// Suggests training standards while the trade field is typed in. Without this script the field is plain free
// text and the server matches a typed title or code itself.
(function () {
    'use strict';
    var input = document.querySelector('.js-standard-search');
    var list = input && document.getElementById(input.getAttribute('list'));
    if (!input || !list || !window.fetch) {
        return;
    }

    var timer = null;
    var lastQuery = '';
    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            var query = input.value.trim();
            if (query.length < 2 || query === lastQuery) {
                return;
            }
            lastQuery = query;
            fetch('/requests/standards?q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (standards) {
                    list.replaceChildren.apply(list, standards.map(function (standard) {
                        var option = document.createElement('option');
                        option.value = standard.title;
                        option.label = standard.code;
                        return option;
                    }));
                })
                .catch(function () { /* suggestions are a convenience; typing still works */ });
        }, 250);
    });
}());
