// The mock portal's script (dist/embed-example/portal.js): the <hedui-checker> element and the check() API.
import { init, check, rules } from '../embed/hedui.js';
import '../embed/hedui-checker.js';

/** A sample the site ships (dist/examples/; relative to the page), fetched with the page so checking it needs no request. */
const SAMPLE = 'examples/001_1a1813143cd16474.txt';

const byId = (id) => document.getElementById(id);
const field = (name) => document.querySelector(`[data-testid=portal-${name}]`);

byId('checker').addEventListener('hedui-report', (event) => {
  const stats = event.detail.documents[0].stats;
  field('last-report').textContent = `最近一次核对：${stats.checked} 项关系，错误 ${stats.by_severity.error ?? 0} 项，警告 ${stats.by_severity.warning ?? 0} 项，提示 ${stats.by_severity.notice ?? 0} 项。`;
});

// “复制代码”: the code block it names, as text, to the clipboard; the button says it was copied.
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.querySelector(`[data-testid=${button.dataset.copy}]`).textContent;
    await navigator.clipboard.writeText(code);
    button.textContent = '已复制';
  });
}

const [sample] = await Promise.all([
  fetch(SAMPLE).then((response) => response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${SAMPLE}: ${response.status}`))),
  init(),
]);
const button = byId('check-sample');
button.disabled = false;
button.addEventListener('click', () => {
  const report = check(new Uint8Array(sample), { source: SAMPLE });
  const { stats, score } = report.documents[0];
  field('checked').textContent = stats.checked;
  field('errors').textContent = stats.by_severity.error ?? 0;
  field('warnings').textContent = stats.by_severity.warning ?? 0;
  field('notices').textContent = stats.by_severity.notice ?? 0;
  field('score').textContent = score.value === null ? '无法评估' : score.value.toFixed(1);
  field('rules').textContent = rules().length;
  field('counts').hidden = false;
});
