/**
 * The layering rule in eslint.config.mjs: a wrong arrow (src/ importing an adapter, one adapter
 * importing another) is a lint error, so it fails `npm test`.
 */
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layeringMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'house/layering').map((m) => m.message);
}

describe('house/layering', () => {
  it('refuses src/ importing an adapter or the server', async () => {
    expect(
      await layeringMessages(
        'src/forecast/probe.ts',
        "import { x } from '../../taskpane/theme';\nexport const y = x;\n",
      ),
    ).toEqual(['src/ may not import taskpane/ (arrows point down only: src/ may import src).']);
    expect(await layeringMessages('src/probe.ts', "export { x } from '../server/config';\n")).toHaveLength(1);
    expect(await layeringMessages('src/probe.ts', "export const load = () => import('../cli/main');\n")).toHaveLength(
      1,
    );
  });

  it('refuses one adapter importing another', async () => {
    expect(
      await layeringMessages('functions/probe.ts', "import { x } from '../taskpane/theme';\nexport const y = x;\n"),
    ).toHaveLength(1);
    expect(
      await layeringMessages('server/probe.ts', "import { x } from '../functions/cash';\nexport const y = x;\n"),
    ).toHaveLength(1);
    expect(
      await layeringMessages(
        'cli/commands/probe.ts',
        "import { x } from '../../server/config';\nexport const y = x;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows arrows that point down', async () => {
    expect(
      await layeringMessages('server/probe.ts', "import { x } from '../src/errors';\nexport const y = x;\n"),
    ).toEqual([]);
    expect(
      await layeringMessages('taskpane/views/probe.ts', "import { x } from '../../src/errors';\nexport const y = x;\n"),
    ).toEqual([]);
    expect(
      await layeringMessages('test/probe.ts', "import { x } from '../taskpane/theme';\nexport const y = x;\n"),
    ).toEqual([]);
  });
});
