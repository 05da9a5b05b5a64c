/* Starling's chat page: Web Chat with Starling's look, "Get help now", quick exit, text size and a live region.
   Nothing is kept in the browser: no cookies, no local or session storage. */
(function () {
  'use strict';

  var EXIT_URL = 'https://www.bbc.co.uk/weather';
  var SCALES = [1, 1.15, 1.3, 1.5, 1.75, 2];
  var params = new URLSearchParams(window.location.search);
  var embedded = params.get('embed') === '1' && window.parent !== window;
  var scaleIndex = 0;
  var directLine = null;
  var store = null;

  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $('status');
  var announcer = $('announcer');
  var setStatus = function (text) { statusEl.textContent = text || ''; };

  // ---------- quick exit ----------
  function quickExit() {
    document.documentElement.classList.add('exiting');
    try { if (directLine) directLine.end(); } catch (e) { /* leaving anyway */ }
    try { $('webchat').innerHTML = ''; announcer.innerHTML = ''; $('help-list').innerHTML = ''; } catch (e) { /* ignore */ }
    document.title = 'Weather';
    if (embedded) {
      window.parent.postMessage({ type: 'starling:quick-exit' }, '*');
      try { window.top.location.replace(EXIT_URL); } catch (e) { /* the school page's embed script leaves */ }
      window.location.replace('about:blank');
    } else {
      window.location.replace(EXIT_URL);
    }
  }
  $('quick-exit').addEventListener('click', quickExit);
  var lastEsc = 0;
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var t = Date.now();
    if (t - lastEsc < 800) quickExit();
    lastEsc = t;
  });

  // ---------- close (embedded only) ----------
  if (embedded) {
    $('close-embed').hidden = false;
    $('close-embed').addEventListener('click', function () { window.parent.postMessage({ type: 'starling:close' }, '*'); });
  }

  // ---------- get help now ----------
  function renderHelp(routes) {
    var list = $('help-list');
    list.innerHTML = '';
    (routes || []).forEach(function (r) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = r.name;
      li.appendChild(name);
      (r.lines || []).forEach(function (line) {
        var row = document.createElement('div');
        if (line.href) {
          var a = document.createElement('a');
          a.href = line.href;
          a.textContent = line.text;
          if (/^https?:/.test(line.href)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
          row.appendChild(a);
        } else {
          row.textContent = line.text;
        }
        li.appendChild(row);
      });
      if (!r.openNow && r.opensAt) {
        var when = document.createElement('div');
        when.className = 'when';
        when.textContent = 'Closed now. Opens ' + r.opensAt + '.';
        li.appendChild(when);
      }
      if (r.billNote) {
        var bill = document.createElement('div');
        bill.className = 'when';
        bill.textContent = r.billNote;
        li.appendChild(bill);
      }
      list.appendChild(li);
    });
    $('help-missing').hidden = list.children.length > 0;
  }
  try {
    var inline = $('help-routes');
    if (inline) renderHelp(JSON.parse(inline.textContent).routes);
  } catch (e) { renderHelp([]); }
  function refreshHelp() {
    return fetch('/api/help-routes', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) { if (j && j.routes) renderHelp(j.routes); })
      .catch(function () { /* keep what the page came with */ });
  }
  var panel = $('help-panel');
  $('help-now').addEventListener('click', function () {
    if (typeof panel.showModal === 'function') panel.showModal(); else panel.setAttribute('open', '');
    refreshHelp();
    var first = panel.querySelector('a');
    if (first) first.focus();
  });
  $('help-close').addEventListener('click', function () { if (panel.close) panel.close(); else panel.removeAttribute('open'); });

  // ---------- text size ----------
  function applyScale() {
    document.documentElement.style.setProperty('--text-scale', String(SCALES[scaleIndex]));
    $('text-smaller').disabled = scaleIndex === 0;
    $('text-bigger').disabled = scaleIndex === SCALES.length - 1;
    render();
  }
  $('text-bigger').addEventListener('click', function () { if (scaleIndex < SCALES.length - 1) { scaleIndex++; applyScale(); } });
  $('text-smaller').addEventListener('click', function () { if (scaleIndex > 0) { scaleIndex--; applyScale(); } });

  // ---------- announcing new messages ----------
  function describe(activity) {
    var parts = [];
    if (activity.text) parts.push(activity.text);
    (activity.attachments || []).forEach(function (a) {
      var c = a.content || {};
      if (c.title) parts.push(c.title);
      if (c.text) parts.push(c.text);
      if (Array.isArray(c.body)) c.body.forEach(function (b) { if (b && b.text) parts.push(b.text); });
      var buttons = (c.buttons || c.actions || []).map(function (b) { return b.title; }).filter(Boolean);
      if (buttons.length) parts.push('Choices: ' + buttons.join(', '));
    });
    var sa = activity.suggestedActions && activity.suggestedActions.actions;
    if (sa && sa.length) parts.push('Choices: ' + sa.map(function (b) { return b.title; }).join(', '));
    return parts.join('. ').replace(/[*_#>`]/g, '');
  }
  function announce(text) {
    if (!text) return;
    var p = document.createElement('p');
    p.textContent = 'Starling: ' + text;
    announcer.appendChild(p);
    while (announcer.children.length > 3) announcer.removeChild(announcer.firstChild);
  }

  // ---------- Web Chat ----------
  var baseHostConfig = { small: 12, default: 15, medium: 17, large: 21, extraLarge: 26 };
  function hostConfig() {
    var s = SCALES[scaleIndex];
    var sizes = {};
    Object.keys(baseHostConfig).forEach(function (k) { sizes[k] = Math.round(baseHostConfig[k] * s); });
    return {
      fontFamily: '"Segoe UI", "DejaVu Sans", Arial, sans-serif',
      fontSizes: sizes,
      // Menus can have many choices: one per row, full width (Adaptive Cards' own default draws nothing past 5).
      actions: {
        maxActions: 20,
        actionsOrientation: 'vertical',
        actionAlignment: 'stretch',
        buttonSpacing: 8,
        spacing: 'default',
        showCard: { actionMode: 'inline', inlineTopMargin: 8 },
      },
      containerStyles: {
        default: { backgroundColor: '#00000000', foregroundColors: { default: { default: '#1a1a1a', subtle: '#3d3d3d' }, accent: { default: '#1d4e89', subtle: '#133461' } } },
      },
    };
  }
  function styleOptions() {
    var s = SCALES[scaleIndex];
    return {
      accent: '#1d4e89',
      backgroundColor: '#ffffff',
      primaryFont: '"Segoe UI", "DejaVu Sans", Arial, sans-serif',
      bubbleBackground: '#eef2f8',
      bubbleBorderColor: '#c9d1de',
      bubbleBorderRadius: 12,
      bubbleTextColor: '#1a1a1a',
      bubbleFromUserBackground: '#1d4e89',
      bubbleFromUserBorderColor: '#1d4e89',
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserTextColor: '#ffffff',
      bubbleMinHeight: 40,
      bubbleMaxWidth: 640,
      fontSizeSmall: '85%',
      subtle: '#4a4a4a',
      timestampColor: '#4a4a4a',
      paddingRegular: Math.round(10 * s),
      sendBoxTextColor: '#1a1a1a',
      sendBoxBackground: '#ffffff',
      sendBoxButtonColor: '#1d4e89',
      sendBoxButtonColorOnHover: '#133461',
      sendBoxPlaceholderColor: '#595959',
      sendBoxHeight: Math.round(48 * s),
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: '#1d4e89',
      suggestedActionTextColor: '#1d4e89',
      suggestedActionHeight: Math.round(44 * s),
      suggestedActionLayout: 'flow',
      hideUploadButton: true,
      botAvatarInitials: undefined,
      userAvatarInitials: undefined,
      rootHeight: '100%',
      rootWidth: '100%',
    };
  }
  function render() {
    if (!directLine || !window.WebChat) return;
    var el = $('webchat');
    el.style.fontSize = 'calc(1rem * ' + SCALES[scaleIndex] + ')';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'en-GB',
        styleOptions: styleOptions(),
        adaptiveCardsHostConfig: hostConfig(),
      },
      el,
    );
  }

  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') setStatus('');
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var a = action.payload && action.payload.activity;
            if (a && a.type === 'message' && a.from && a.from.role !== 'user') announce(describe(a));
          }
          return next(action);
        };
      };
    });
  }

  function start() {
    if (!window.WebChat) { setStatus('The chat could not load. Please refresh the page.'); return; }
    fetch('/api/webchat/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(function (r) {
        if (r.status === 429) throw new Error('busy');
        if (!r.ok) throw new Error('failed');
        return r.json();
      })
      .then(function (t) {
        var options = { token: t.token };
        if (t.mode === 'builtin') {
          options.domain = window.location.origin + (t.domain || '/v3/directline');
          options.webSocket = false;
          options.pollingInterval = 1000;
        }
        directLine = window.WebChat.createDirectLine(options);
        store = createStore();
        setStatus('Connecting…');
        render();
      })
      .catch(function (e) {
        setStatus(e && e.message === 'busy'
          ? 'Lots of people are starting chats right now. Please try again in a minute. If you need help now, press Get help now.'
          : 'The chat could not start. Please try again soon. If you need help now, press Get help now.');
      });
  }

  // Adaptive Cards marks card titles role="heading" without a level; screen readers need one.
  new MutationObserver(function () {
    var hs = document.querySelectorAll('#webchat [role="heading"]:not([aria-level])');
    for (var i = 0; i < hs.length; i++) hs[i].setAttribute('aria-level', '3');
  }).observe($('webchat'), { childList: true, subtree: true });

  applyScale();
  start();
})();
