/**
 * `ZENDESK_APPS_SUPPORT=<checkout of zendesk/zendesk_apps_support> pnpm --filter @support-metrics/zendesk-app
 * zendesk-validate [app.zip]`: runs Zendesk's own validator — the gem's `Package#validate`, what an upload and
 * `zcli apps:validate` run — over the zip (default: dist/support-metrics-zendesk-app.zip, `pnpm package`'s), and the
 * port (validate-package.ts) over the same files, and prints both; exit 1 when they disagree. It needs Ruby and the
 * gem's dependencies (Debian: `apt-get install ruby ruby-i18n ruby-erubis ruby-marcel ruby-nokogiri ruby-sassc
 * ruby-ipaddress ruby-loofah`); the gem's `ipaddress_2` and `image_size` are stood in for (the first by Debian's
 * `ipaddress`, the same API for what the gem uses; the second is only used for banners). Not part of `pnpm test`:
 * the gem is not in this repository, nor Ruby on every machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { APP_ROOT } from '../src/app-package/app-files.js';
import { validatePackage } from '../src/app-package/validate-package.js';

const gem = process.env.ZENDESK_APPS_SUPPORT;
if (!gem) {
  console.error('set ZENDESK_APPS_SUPPORT to a checkout of github.com/zendesk/zendesk_apps_support');
  process.exit(2);
}
const zip = process.argv[2] ?? join(APP_ROOT, 'dist/support-metrics-zendesk-app.zip');
const files = unzipSync(new Uint8Array(readFileSync(zip)));
const dir = mkdtempSync(join(tmpdir(), 'sm-zas-'));
const app = join(dir, 'app');
for (const [path, bytes] of Object.entries(files)) {
  if (path.endsWith('/')) continue;
  mkdirSync(dirname(join(app, path)), { recursive: true });
  writeFileSync(join(app, path), bytes);
}
const shim = join(dir, 'shim');
mkdirSync(shim);
writeFileSync(join(shim, 'ipaddress_2.rb'), "require 'ipaddress'\n");
writeFileSync(join(shim, 'image_size.rb'), 'class ImageSize; end\n');
const ruby = `
require 'zendesk_apps_support'
package = ZendeskAppsSupport::Package.new(ARGV[0], false)
errors = package.validate(marketplace: true)
puts JSON.generate({ errors: errors.map(&:to_s), warnings: package.warnings.map(&:to_s) })
`;
const run = spawnSync('ruby', ['-rset', '-rjson', '-I', join(gem, 'lib'), '-I', shim, '-e', ruby, app], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stderr || run.error?.message);
  process.exit(2);
}
const zendesk = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
  errors: string[];
  warnings: string[];
};
const port = validatePackage(files);
const ours = {
  errors: port.errors.filter((f) => !f.key.startsWith('project.')).map((f) => f.message),
  warnings: [...port.warnings, ...port.accepted].map((f) => f.message),
};
// The keyword warning lists its files in Dir order (the gem) or zip order (ours): compared as sets of parts.
const norm = (m: string) =>
  m.replace(
    /found in (.+?)\. Consider/,
    (_, list: string) => `found in ${list.split(', ').sort().join(', ')}. Consider`,
  );
const same = (a: string[], b: string[]) =>
  JSON.stringify(a.map(norm).sort()) === JSON.stringify(b.map(norm).sort());
console.log(
  `Zendesk's validator (${gem}): ${zendesk.errors.length} errors, ${zendesk.warnings.length} warnings`,
);
for (const m of zendesk.errors) console.log(`  error: ${m}`);
for (const m of zendesk.warnings) console.log(`  warning: ${m}`);
const agree = same(zendesk.errors, ours.errors) && same(zendesk.warnings, ours.warnings);
console.log(agree ? 'The port finds the same.' : `The port disagrees:\n${JSON.stringify(ours, null, 2)}`);
process.exit(agree ? 0 : 1);
