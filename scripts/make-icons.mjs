#!/usr/bin/env node
// Draws the OpenFPA icon (rising bars under a forecast line on a rounded tile) at 16, 32, 64, 80 and
// 128 px into assets/, supersampled 4× for smooth edges. Run once after changing the design; the
// PNGs are committed so builds need no drawing step.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const SIZES = [16, 32, 64, 80, 128];
const SUPER = 4;
const TILE = [0x0f, 0x6c, 0xbd]; // Office blue
const BAR = [0xff, 0xff, 0xff];
const LINE = [0xff, 0xc8, 0x3d]; // amber forecast line

/** Coverage of the icon's layers at a point in unit coordinates (0..1), front layer last. */
function layersAt(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const inTile = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (!inTile) return null;
  const bars = [
    [0.16, 0.3, 0.62],
    [0.38, 0.52, 0.48],
    [0.6, 0.74, 0.34],
  ];
  let color = TILE;
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.84) color = BAR;
  // forecast line from lower left to upper right, thickness 0.07
  const [ax, ay, bx, by] = [0.12, 0.5, 0.88, 0.16];
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  const dx = x - (ax + t * (bx - ax));
  const dy = y - (ay + t * (by - ay));
  if (Math.hypot(dx, dy) <= 0.045) color = LINE;
  return color;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const c = layersAt((px + (sx + 0.5) / SUPER) / size, (py + (sy + 0.5) / SUPER) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (SUPER * SUPER));
    }
  }
  return PNG.sync.write(png);
}

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(out, `icon-${size}.png`), draw(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${out}`);
