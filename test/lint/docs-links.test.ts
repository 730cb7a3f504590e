/**
 * What README.md and docs/ send a reader to must exist on a fresh clone: every relative link (and
 * image) resolves to a file, a link to a heading (`file.md#anchor`) to a heading of that file, every
 * `npm run X` (and `npm start`/`stop`/`test`) to a script of package.json, and every
 * `node bin/openfpa.cjs X` to a command of cli/commands/.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

const DOCS = ['README.md', ...markdownFiles('docs')];
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const text = read(file).replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** Relative targets of `[text](target)` and `<img src="target">`, with the line each is on. */
function relativeLinks(file: string): { target: string; line: number }[] {
  const text = read(file);
  const found = [
    ...[...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({ target: m[1], at: m.index })),
    ...[...text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => ({ target: m[1], at: m.index })),
  ];
  return found
    .filter(({ target }) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map(({ target, at }) => ({ target, line: text.slice(0, at).split('\n').length }));
}

/** What a link that does not resolve is, in words; null when it resolves. */
function brokenLink(file: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#', 2);
  const resolved = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
  if (!fs.existsSync(path.join(root, resolved))) return `${resolved} does not exist`;
  if (anchor !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(anchor))
    return `${resolved} has no heading #${anchor}`;
  return null;
}

const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
const commands = fs.readdirSync(path.join(root, 'cli', 'commands')).map((f) => f.replace(/\.ts$/, ''));

describe.each(DOCS)('%s', (file) => {
  it('links only to files (and headings) that exist', () => {
    const broken = relativeLinks(file).flatMap(({ target, line }) => {
      const why = brokenLink(file, target);
      return why ? [`line ${line}: (${target}): ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('names only npm scripts of package.json and commands of the command line', () => {
    const text = read(file);
    const named = [
      ...[...text.matchAll(/\bnpm run(?:\s+(?:-s|--silent))?\s+([\w:.-]+)/g)].map((m) => m[1]),
      ...[...text.matchAll(/\bnpm (start|stop|test)\b/g)].map((m) => m[1]),
    ];
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
    const run = [...text.matchAll(/\bnode bin\/openfpa\.cjs\s+([a-z][\w-]*)/g)].map((m) => m[1]);
    expect(run.filter((name) => !commands.includes(name))).toEqual([]);
  });
});

it('the checks find what is broken', () => {
  expect(brokenLink('docs/guide/README.md', 'getting-started.md')).toBeNull();
  expect(brokenLink('docs/guide/README.md', '../admin.md')).toBeNull();
  expect(brokenLink('docs/guide/README.md', 'admin.md')).toBe('docs/guide/admin.md does not exist');
  expect(brokenLink('README.md', 'docs/admin.md#no-such-section')).toBe(
    'docs/admin.md has no heading #no-such-section',
  );
  expect(anchorOf('1. Build for your origin and host the files')).toBe('1-build-for-your-origin-and-host-the-files');
  expect(brokenLink('README.md', 'docs/admin.md#1-build-for-your-origin-and-host-the-files')).toBeNull();
  expect(relativeLinks('docs/guide/README.md').map((l) => l.target)).toContain('../admin.md');
});
