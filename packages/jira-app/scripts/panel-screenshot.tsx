// Draws the issue panel as a PNG for the README (docs/panel.png): the panel is rendered by @forge/react's reconciler
// into its ForgeDoc tree (as in the tests, with the stand-in bridge), each UI Kit element drawn as plain HTML, and
// Chromium takes the picture. Jira's own renderer (Atlaskit) is not available offline: the structure and content are
// the app's, the look is an approximation.
//
//   pnpm --filter @support-metrics/jira-app screenshot   (CHROMIUM=/usr/bin/chromium by default)
import '../src/test-support/forge-bridge.js';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const { ImpactPanel } = await import('../src/components/impact-panel.js');
const { renderForgeDoc } = await import('../src/components/render-forge-doc.js');
const { SAMPLE_IMPACT, workerInvoke } = await import('../src/mocks.js');
type Doc = Awaited<ReturnType<ReturnType<typeof renderForgeDoc>['until']>>;

const { invoke } = workerInvoke({ '/forge/jira/impact/FCX-1': { status: 200, body: SAMPLE_IMPACT } });
const doc = await renderForgeDoc(<ImpactPanel issueKey="FCX-1" invoke={invoke} />).until((d) =>
  JSON.stringify(d).includes('BarChart'),
);

const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const LOZENGE: Record<string, string> = {
  success: '#dcfff1;color:#216e4e',
  inprogress: '#e9f2ff;color:#0055cc',
  removed: '#ffeceb;color:#ae2e24',
  default: '#f1f2f4;color:#44546f',
};

function html(d: Doc): string {
  const inner = d.children.map(html).join('');
  const p = d.props;
  switch (d.type) {
    case 'String':
      return esc(p.text);
    case 'Root':
    case 'ListItem':
      return d.type === 'ListItem' ? `<li>${inner}</li>` : inner;
    case 'Stack':
      return `<div style="display:flex;flex-direction:column;gap:10px">${inner}</div>`;
    case 'Inline':
      return `<div style="display:flex;gap:8px;align-items:center;flex-wrap:wrap">${inner}</div>`;
    case 'Heading':
      return `<h3 style="margin:0;font-size:16px">${inner}</h3>`;
    case 'Text':
      return `<span style="font-size:14px">${inner}</span>`;
    case 'Link':
      return `<a href="${esc(p.href)}" style="color:#0c66e4;text-decoration:none">${inner}</a>`;
    case 'Lozenge':
      return `<span style="font:700 11px sans-serif;text-transform:uppercase;padding:2px 4px;border-radius:3px;background:${LOZENGE[String(p.appearance)] ?? LOZENGE.default}">${inner}</span>`;
    case 'List':
      return `<ul style="margin:0;padding-left:18px;display:flex;flex-direction:column;gap:4px">${inner}</ul>`;
    case 'BarChart': {
      const data = p.data as { week: string; cases: number }[];
      const max = Math.max(1, ...data.map((x) => x.cases));
      const bars = data
        .map(
          (x) =>
            `<div style="display:flex;flex-direction:column;align-items:center;gap:2px;flex:1"><span style="font-size:11px">${x.cases}</span><div style="width:70%;height:${(x.cases / max) * 110 + 1}px;background:#579dff"></div><span style="font-size:10px;color:#626f86">${esc(x.week.slice(5))}</span></div>`,
        )
        .join('');
      return `<figure style="margin:0"><figcaption style="font-size:12px;font-weight:600;margin-bottom:6px">${esc(p.title)}</figcaption><div style="display:flex;align-items:flex-end;height:150px;gap:4px;border-bottom:1px solid #dcdfe4">${bars}</div></figure>`;
    }
    default:
      return `<div data-type="${esc(d.type)}">${inner}</div>`;
  }
}

const page = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff;font-family:-apple-system,'Segoe UI',Roboto,sans-serif;color:#172b4d">
<div style="width:560px;padding:16px;border:1px solid #dcdfe4;border-radius:6px;margin:12px">
<div style="font-size:12px;color:#626f86;margin-bottom:10px">FCX-1 · Support impact</div>${html(doc)}</div></body>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const tab = await browser.newPage({ viewport: { width: 600, height: 400 }, deviceScaleFactor: 1 });
await tab.setContent(page);
const out = fileURLToPath(new URL('../docs/panel.png', import.meta.url));
writeFileSync(out, await tab.screenshot({ fullPage: true }));
await browser.close();
console.log(`wrote ${out}`);
