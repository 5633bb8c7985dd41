/*
 * MSA Air: the little the pages need beyond HTML. Every page works without it; with it, the seat map
 * is moved through with the arrow keys and shows the running total, a pending payment is followed
 * until it settles, and the staff's flight board updates live. No inline script anywhere (the CSP
 * allows scripts from this origin only).
 */
(function () {
  'use strict';

  function onReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  // The language switch submits itself when a language is picked (its button stays for keyboards without scripts).
  function languageSwitch() {
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
  }

  // --- The seat map: arrow keys between seats, the choice said in words, the total kept up to date. ---
  function seatMap() {
    var form = document.getElementById('booking-form');
    if (!form) {
      return;
    }
    var fare = Number(form.dataset.fare);
    var max = Number(form.dataset.max);
    var money = new Intl.NumberFormat(form.dataset.lang, { style: 'currency', currency: form.dataset.currency });
    var minor = Math.pow(10, money.resolvedOptions().maximumFractionDigits);
    var seats = Array.prototype.slice.call(form.querySelectorAll('input[data-seat]'));
    var chosen = document.getElementById('chosen');
    var total = document.getElementById('total');
    var passengers = document.getElementById('passengers');

    function selected() {
      return seats.filter(function (s) { return s.checked; }).map(function (s) { return s.value; });
    }

    function update() {
      var picked = selected();
      seats.forEach(function (s) {
        if (!s.checked && !s.hasAttribute('data-taken')) {
          s.disabled = picked.length >= max;
        }
      });
      var count = picked.length > 0 ? picked.length : Number(passengers.value);
      total.textContent = money.format(fare * count / minor);
      if (chosen) {
        chosen.textContent = picked.length > 0 ? chosen.dataset.chosen.replace('{0}', picked.join(', ')) : chosen.dataset.none;
      }
    }

    // Seats someone else holds or took come disabled from the server; remember them so the limit of 9 never enables them.
    seats.forEach(function (s) {
      if (s.disabled) {
        s.setAttribute('data-taken', '');
      }
    });
    seats.forEach(function (s) { s.addEventListener('change', update); });
    passengers.addEventListener('change', update);

    // Arrow keys move between the seats one can choose: left and right along the row, up and down to the same letter.
    var map = document.getElementById('seatmap');
    if (map) {
      map.addEventListener('keydown', function (event) {
        var current = event.target;
        if (!current.matches || !current.matches('input[data-seat]')) {
          return;
        }
        var row = parseInt(current.value, 10);
        var letter = current.value.replace(/^[0-9]+/, '');
        var target = null;
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          var inRow = seats.filter(function (s) { return parseInt(s.value, 10) === row && !s.disabled; });
          var at = inRow.indexOf(current);
          target = inRow[at + (event.key === 'ArrowLeft' ? -1 : 1)];
        } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
          var step = event.key === 'ArrowUp' ? -1 : 1;
          var sameLetter = seats.filter(function (s) { return s.value.replace(/^[0-9]+/, '') === letter && !s.disabled; });
          var candidates = sameLetter.filter(function (s) { return step < 0 ? parseInt(s.value, 10) < row : parseInt(s.value, 10) > row; });
          target = step < 0 ? candidates[candidates.length - 1] : candidates[0];
        } else {
          return;
        }
        event.preventDefault();
        if (target) {
          target.focus();
        }
      });
    }
    update();
  }

  // --- A pending payment: asks the server where it stands until it settles, and says so in place. ---
  function pendingPayment() {
    var box = document.getElementById('payment-outcome');
    if (!box || !box.dataset.poll) {
      return;
    }
    var label = document.getElementById('trip-status');
    var text = document.getElementById('trip-outcome');
    var hint = document.getElementById('pending-hint');
    var started = Date.now();

    function settle(answer) {
      box.className = box.className.replace(/\boutcome-[a-z_]+\b/g, '') + ' outcome-' + answer.status.toLowerCase();
      label.textContent = answer.label;
      text.textContent = answer.message;
      if (hint) {
        hint.hidden = true;
      }
      document.querySelectorAll('form.cancel').forEach(function (f) { f.hidden = answer.status !== 'CONFIRMED'; });
    }

    function ask() {
      fetch(box.dataset.poll, { credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (response.type === 'opaqueredirect' || response.status === 401) {
            throw new Error('signed out');
          }
          return response.json();
        })
        .then(function (answer) {
          if (answer.settled) {
            settle(answer);
          } else if (Date.now() - started < 20 * 60 * 1000) {
            setTimeout(ask, 1000);
          }
        })
        .catch(function () {
          // Signed out or offline for a moment: try again a little later (a reload also shows where the booking stands).
          if (Date.now() - started < 20 * 60 * 1000) {
            setTimeout(ask, 5000);
          }
        });
    }
    setTimeout(ask, 1000);
  }

  // --- The staff's flight board, live: server-sent events update rows in place and add new flights. ---
  function liveBoard() {
    var status = document.getElementById('board-live');
    var body = document.getElementById('board-rows');
    if (!status || !body || !window.EventSource) {
      return;
    }
    var template = document.getElementById('board-row-template');
    var source = new EventSource(status.dataset.events);

    function say(state) {
      status.textContent = status.dataset[state];
      status.classList.toggle('is-live', state === 'live');
      status.classList.toggle('is-lost', state !== 'live');
    }

    function row(flight) {
      var tr = document.getElementById('flight-' + flight.id);
      if (tr) {
        return tr;
      }
      tr = template.content.firstElementChild.cloneNode(true);
      tr.id = 'flight-' + flight.id;
      tr.dataset.flight = flight.id;
      var form = tr.querySelector('[data-field="cancelForm"]');
      form.action = form.dataset.actionPattern.replace('ID', flight.id);
      var button = form.querySelector('button');
      button.setAttribute('aria-label', button.dataset.labelPattern.replace('FLIGHT', flight.flightNumber));
      // Soonest departure first, as the server orders the board.
      var after = Array.prototype.find.call(body.rows, function (other) {
        var time = other.querySelector('[data-field="departure"]').getAttribute('datetime');
        return time > flight.departureIso;
      });
      body.insertBefore(tr, after || null);
      var empty = document.getElementById('board-empty');
      if (empty) {
        empty.hidden = true;
      }
      return tr;
    }

    // The server ends each stream shortly before the access token does and says so first ("renew"):
    // the reconnect that follows is planned, and the page keeps saying it is live.
    var renewing = false;
    source.addEventListener('renew', function () { renewing = true; });
    source.addEventListener('open', function () {
      renewing = false;
      say('live');
    });
    source.addEventListener('flight', function (event) {
      var flight = JSON.parse(event.data);
      var tr = row(flight);
      function set(field, value) {
        var cell = tr.querySelector('[data-field="' + field + '"]');
        if (cell) {
          cell.textContent = value;
        }
      }
      set('flightNumber', flight.flightNumber);
      set('route', flight.route);
      set('departure', flight.departure);
      tr.querySelector('[data-field="departure"]').setAttribute('datetime', flight.departureIso);
      var meter = tr.querySelector('[data-field="loadMeter"]');
      meter.value = flight.loadPercent;
      meter.textContent = flight.load;
      set('load', flight.load);
      set('soldText', flight.soldText);
      set('held', flight.held);
      set('revenue', flight.revenue);
      set('statusText', flight.statusText);
      tr.classList.toggle('cancelled', flight.cancelled);
      var cancel = tr.querySelector('[data-field="cancelForm"]');
      if (cancel) {
        cancel.hidden = flight.cancelled;
      }
      tr.classList.remove('changed');
      void tr.offsetWidth; // restart the highlight
      tr.classList.add('changed');
    });
    source.addEventListener('error', function () {
      // If the sign-in itself has ended, the reconnect is sent to the realm and the source closes for good.
      if (source.readyState === EventSource.CLOSED) {
        say('ended');
      } else if (!renewing) {
        say('lost');
      }
    });
  }

  onReady(function () {
    languageSwitch();
    seatMap();
    pendingPayment();
    liveBoard();
  });
}());
