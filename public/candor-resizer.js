// Candor's optional iframe resizer: include it once on a page that embeds Candor through
// iframes (<script src=".../candor-resizer.js"></script>) and each Candor iframe grows and
// shrinks with its content, with no inner scroll bar. It only ever sets a frame's height.
(function () {
  var MAX_HEIGHT = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'candor:height' || typeof data.height !== 'number' || !isFinite(data.height)) {
      return;
    }
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.min(Math.max(0, Math.ceil(data.height)), MAX_HEIGHT);
        frames[i].style.height = height + 'px';
      }
    }
  });
})();
