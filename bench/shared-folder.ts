import * as fs from 'fs';
import * as path from 'path';

/**
 * The shared benchmark folder: $OPENFPA_SHARED, else the first `shared` folder beside one of this
 * file's ancestors that holds the forecast scorer (a clone at X finds X/../shared; a worktree at
 * /work/wt/x finds /work/shared).
 */
export function sharedFolder(): string {
  if (process.env.OPENFPA_SHARED) return path.resolve(process.env.OPENFPA_SHARED);
  for (let dir = path.resolve(__dirname, '..'); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (fs.existsSync(path.join(candidate, 'bench', 'score-forecast.mjs'))) return candidate;
  }
  return path.resolve(__dirname, '..', '..', 'shared');
}
