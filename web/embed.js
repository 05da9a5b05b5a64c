/* Starling's embed for school websites: a "Chat to Starling" button that opens the chat in a frame.
   Usage (see deploy/webchat/README.md):
     <script src="https://STARLING-ADDRESS/embed.js" async
             data-label="Chat to Starling" data-exit-url="https://www.bbc.co.uk/weather"></script>
   The chat runs inside the frame, on Starling's own address: the school's page never sees what is written. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__starlingEmbed) return;
  window.__starlingEmbed = true;
  var base = new URL(script.src).origin;
  var label = script.getAttribute('data-label') || 'Chat to Starling';
  var exitUrl = script.getAttribute('data-exit-url') || 'https://www.bbc.co.uk/weather';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  var b = button.style;
  b.position = 'fixed'; b.bottom = '16px'; b[side] = '16px'; b.zIndex = '2147483000';
  b.minHeight = '48px'; b.padding = '10px 18px'; b.borderRadius = '24px'; b.border = '2px solid #ffffff';
  b.background = '#1d4e89'; b.color = '#ffffff'; b.font = '700 16px/1.2 "Segoe UI", Arial, sans-serif';
  b.cursor = 'pointer'; b.boxShadow = '0 2px 8px rgba(0,0,0,.35)';

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = base + '/?embed=1';
      frame.title = 'Starling chat';
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      var f = frame.style;
      f.position = 'fixed'; f.bottom = '76px'; f[side] = '16px'; f.zIndex = '2147483000';
      f.width = 'min(420px, calc(100vw - 32px))'; f.height = 'min(640px, calc(100vh - 100px))';
      f.border = '2px solid #1d4e89'; f.borderRadius = '12px'; f.background = '#ffffff';
      f.boxShadow = '0 4px 16px rgba(0,0,0,.35)';
      document.body.appendChild(frame);
    }
    frame.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    frame.focus();
  }
  function close() {
    if (frame) frame.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
  button.addEventListener('click', function () {
    if (frame && frame.style.display !== 'none') close(); else open();
  });
  window.addEventListener('message', function (e) {
    if (e.origin !== base || !e.data || typeof e.data.type !== 'string') return;
    if (e.data.type === 'starling:close') close();
    if (e.data.type === 'starling:quick-exit') {
      if (frame) frame.remove();
      button.remove();
      window.location.replace(exitUrl);
    }
  });
  if (document.body) document.body.appendChild(button);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(button); });
})();
