// radtrial serve: the small script behind the pages. Forms with data-api post JSON (or, for an
// upload, the file itself) to the API with the session's CSRF token; no framework, no CDN.
'use strict';
(function () {
  const meta = document.querySelector('meta[name="csrf"]');
  const csrf = meta ? meta.content : null;

  async function call(method, url, body, contentType) {
    const headers = {};
    if (csrf) headers['X-CSRF-Token'] = csrf;
    if (contentType) headers['Content-Type'] = contentType;
    const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
    let json = {};
    try { json = await response.json(); } catch (e) { /* empty body */ }
    return { ok: response.ok, status: response.status, json };
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.dataset.api) return;
    event.preventDefault();
    const error = form.querySelector('.error');
    const button = form.querySelector('button');
    if (error) error.textContent = '';
    const data = {};
    for (const el of form.elements) {
      if (!el.name || el.type === 'file') continue;
      if (el.type === 'checkbox') data[el.name] = el.checked;
      else if (el.value !== '') data[el.name] = el.value;
    }
    let url = form.dataset.api;
    let result;
    if (button) button.disabled = true;
    try {
      const file = form.querySelector('input[type="file"]');
      if (file) {
        if (!file.files.length) throw new Error('choose a file');
        const query = new URLSearchParams(data);
        query.set('filename', file.files[0].name);
        result = await call('POST', url + '?' + query, file.files[0], 'application/octet-stream');
      } else {
        result = await call('POST', url, JSON.stringify(data), 'application/json');
      }
    } catch (e) {
      result = { ok: false, json: { error: String(e.message || e) } };
    }
    if (button) button.disabled = false;
    if (!result.ok) {
      if (error) error.textContent = result.json.error || ('HTTP ' + result.status);
      return;
    }
    if (form.dataset.show) {
      const shown = form.querySelector('.shown');
      shown.textContent = form.dataset.show.replace(/_/g, ' ') + ': ' + result.json[form.dataset.show];
      return;
    }
    const next = form.dataset.next;
    if (next) location.href = next.replace('{id}', result.json.id);
    else location.reload();
  });

  const signOut = document.getElementById('sign-out');
  if (signOut) {
    signOut.addEventListener('click', async () => {
      await call('POST', '/api/logout', '{}', 'application/json');
      location.href = '/login';
    });
  }

  // Progress of a queued or running run: poll its API until it ends, then reload the page.
  const progress = document.getElementById('progress');
  if (progress) {
    const text = document.getElementById('progress-text');
    const poll = async () => {
      const r = await call('GET', progress.dataset.poll);
      if (r.ok) {
        progress.value = r.json.progress;
        text.textContent = r.json.status + ', ' + Math.round(r.json.progress * 100) + '%';
        if (r.json.status !== 'queued' && r.json.status !== 'running') { location.reload(); return; }
      }
      setTimeout(poll, 400);
    };
    setTimeout(poll, 300);
  }

  // Subgroup explorer: choosing a column, model or metric redraws the plot.
  const forest = document.getElementById('forest-form');
  if (forest) {
    for (const s of forest.querySelectorAll('select')) s.addEventListener('change', () => forest.submit());
  }

  // Deployment simulator: the slider walks the simulated thresholds; every number follows live. The
  // server sends each number already written as the report writes it, so the script only shows them.
  const simulator = document.getElementById('simulator');
  if (simulator && simulator.dataset.sim) {
    const data = JSON.parse(simulator.dataset.sim);
    const model = document.getElementById('sim-model');
    const strategy = document.getElementById('sim-strategy');
    const slider = document.getElementById('sim-slider');
    const fillStrategies = () => {
      const strategies = Object.keys(data.models[model.value].strategies);
      const keep = strategy.value;
      strategy.replaceChildren();
      for (const s of strategies) {
        const o = document.createElement('option');
        o.value = s; o.textContent = s.replace(/_/g, ' ');
        strategy.appendChild(o);
      }
      if (strategies.includes(keep)) strategy.value = keep;
      slider.max = data.models[model.value].thresholds.length - 1;
      if (Number(slider.value) > Number(slider.max)) slider.value = slider.max;
    };
    const update = () => {
      const m = data.models[model.value];
      const i = Number(slider.value);
      const point = m.strategies[strategy.value][i];
      document.getElementById('sim-threshold').textContent = m.thresholds[i];
      document.getElementById('sim-description').textContent = data.descriptions[strategy.value] || '';
      for (const [k, text] of Object.entries(point)) {
        const cell = document.getElementById('sim-' + k);
        if (cell) cell.textContent = text;
        const base = document.getElementById('base-' + k);
        if (base) base.textContent = data.baseline[k] || '';
      }
    };
    model.addEventListener('change', () => { fillStrategies(); update(); });
    strategy.addEventListener('change', update);
    slider.addEventListener('input', update);
    fillStrategies();
    slider.value = Math.floor(Number(slider.max) / 2);
    update();
  }
})();
