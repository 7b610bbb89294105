// Drives the first latent explorer of the page with synthetic mouse events, as a user's mouse would, and writes what
// it showed, as JSON, into a pre element with id explorer-probe, for a test to read from Chromium's DOM dump.
(function () {
    var root, plot, drag;
    var part = function (role) { return root.querySelector('[data-role="' + role + '"]'); };
    var at = function (fx, fy) {
        var box = drag.getBoundingClientRect();
        return { clientX: box.left + fx * box.width, clientY: box.top + fy * box.height };
    };
    var fire = function (type, place, target) {
        (target || drag).dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: place.clientX, clientY: place.clientY, button: 0 }));
    };
    // The pixel place of a latent point, from the axis ranges the plot shows.
    var placeOf = function (z) {
        var x = plot.layout.xaxis.range, y = plot.layout.yaxis.range;
        return at((z[0] - x[0]) / (x[1] - x[0]), (y[1] - z[1]) / (y[1] - y[0]));
    };
    var brightness = function (canvas) {
        var data = canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, canvas.width, canvas.height).data, sum = 0;
        for (var i = 0; i < data.length; i += 4) sum += data[i];
        return sum;
    };
    var decoded = function () { var c = part('decoded'); return { tile: c.getAttribute('data-tile'), brightness: brightness(c), text: part('z').textContent }; };
    // Synchronous from the page's load event (images are loaded by then): headless Chromium's virtual time makes timers
    // unreliable, and plotly handles a first hover at once (it throttles only the ones that follow within 50 ms).
    var probe = function () {
        var result = {};
        try {
            root = document.querySelector('.latent-explorer');
            if (!root || !root.querySelector('.nsewdrag')) throw new Error('no drawn latent explorer on the page');
            plot = part('plot').querySelector('.js-plotly-plot');
            drag = root.querySelector('.nsewdrag');
            var trace = plot.data[0];
            fire('mousemove', placeOf([trace.x[0], trace.y[0]]));
            var test = part('test');
            result.hover = { index: test.getAttribute('data-index'), text: part('test-label').textContent, brightness: brightness(test) };
            fire('mousemove', at(0.2, 0.3));
            result.first = decoded();
            fire('mousemove', at(0.8, 0.7));
            result.second = decoded();
            [at(0.1, 0.9), at(0.9, 0.1)].forEach(function (place) {
                fire('mousemove', place);
                fire('mousedown', place);
                fire('mouseup', place);
            });
            var path = Array.prototype.slice.call(part('path').querySelectorAll('canvas'));
            result.path = {
                count: path.length,
                tiles: path.map(function (c) { return c.getAttribute('data-tile'); }),
                drawn: path.filter(function (c) { return brightness(c) > 0; }).length,
                text: part('path-label').textContent,
                overlayPoints: part('overlay').getAttribute('data-points'),
            };
        } catch (error) {
            result.error = String(error && error.stack || error);
        }
        var pre = document.createElement('pre');
        pre.id = 'explorer-probe';
        pre.textContent = JSON.stringify(result);
        document.body.appendChild(pre);
    };
    window.addEventListener('load', function () { probe(); });
})();
