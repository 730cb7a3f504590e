/**
 * The user guide names the pane's buttons, tabs and fields in bold (**Load sample company**,
 * **Settings › Team server**): each such label is one the pane shows, so renaming a button in the pane
 * without the guide (or the other way round) fails here. Office's own menus (Home › Add-ins › …) are
 * checked against manifest.xml where they are the add-in's (OpenFPA, Planning); bold used for emphasis
 * is listed below.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const GUIDE = ['getting-started.md', 'views.md', 'team-server.md'].map((f) => `docs/guide/${f}`);

/** Bold that is emphasis, not a label. */
const EMPHASIS = new Set([
  'Running it again',
  'When something is wrong, nothing is written',
  'one set of driver models, versions, reviews and proposals',
  'approval chains',
  'immutable budget versions',
  'an audit trail',
  'actuals import',
  'notifications',
]);

/** Excel's and Office's own menus, which the add-in does not draw. */
const OFFICE = new Set(['Home', 'Add-ins', 'More Add-ins', 'My Add-ins', 'Upload My Add-in']);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const relative = path.join(dir, e.name);
    if (e.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(e.name) ? [fs.readFileSync(path.join(root, relative), 'utf8')] : [];
  });
}

const pane = sources('taskpane')
  .join('\n')
  // JSX text broken over lines reads as one label.
  .replace(/\s+/g, ' ');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

it('every label the guide gives in bold is one the pane (or the manifest’s ribbon button) shows', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const file of GUIDE) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/\*\*([^*]+)\*\*/g)) {
      const bold = m[1].replace(/\s+/g, ' ');
      if (EMPHASIS.has(bold)) continue;
      for (const label of bold.split(' › ')) {
        if (OFFICE.has(label)) continue;
        checked++;
        if (label === 'OpenFPA' || label === 'Planning') {
          if (!manifest.includes(`DefaultValue="${label}"`)) missing.push(`${file}: ${label} (manifest.xml)`);
        } else if (!pane.includes(label)) missing.push(`${file}: ${label}`);
      }
    }
  }
  expect(checked).toBeGreaterThan(25);
  expect(missing).toEqual([]);
});
