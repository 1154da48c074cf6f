import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { iconProblems } from '../../../scripts/app-package/check-icons.js';

const names = { color: 'color.png', outline: 'outline.png' };

/** A square PNG whose pixel at (x, y) is `pixel(x, y)` as RGBA. */
function png(size: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Uint8Array {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) image.data.set(pixel(x, y), (y * size + x) * 4);
  }
  return PNG.sync.write(image);
}

const teal = () => [13, 122, 165, 255] as const;
/** White ring on transparent: the shape of a valid outline icon. */
const whiteOnTransparent = (x: number, y: number) =>
  x > 4 && x < 27 && y > 4 && y < 27 ? ([255, 255, 255, 200] as const) : ([0, 0, 0, 0] as const);

describe('iconProblems', () => {
  it('accepts a 192×192 color icon and a white-on-transparent 32×32 outline', () => {
    expect(iconProblems({ color: png(192, teal), outline: png(32, whiteOnTransparent) }, names)).toEqual([]);
  });

  it('accepts the committed icons', () => {
    const read = (name: string) => readFileSync(new URL(`../../../appPackage/${name}`, import.meta.url));
    expect(iconProblems({ color: read('color.png'), outline: read('outline.png') }, names)).toEqual([]);
  });

  it('reports wrong sizes', () => {
    expect(iconProblems({ color: png(96, teal), outline: png(48, whiteOnTransparent) }, names)).toEqual([
      'color.png: must be 192×192 pixels, is 96×96',
      'outline.png: must be 32×32 pixels, is 48×48',
    ]);
  });

  it('reports an outline with coloured pixels or no transparent background', () => {
    const coloured = png(32, (x, y) => (x === 10 && y === 10 ? [250, 255, 255, 255] : whiteOnTransparent(x, y)));
    expect(iconProblems({ color: png(192, teal), outline: coloured }, names)).toEqual([
      expect.stringMatching(/^outline.png: 1 of \d+ visible pixels are not white$/),
    ]);
    expect(iconProblems({ color: png(192, teal), outline: png(32, () => [255, 255, 255, 255]) }, names)).toEqual([
      'outline.png: needs a transparent background',
    ]);
    expect(iconProblems({ color: png(192, teal), outline: png(32, () => [0, 0, 0, 0]) }, names)).toEqual([
      'outline.png: is fully transparent',
    ]);
  });

  it('reports files that are not PNGs', () => {
    const text = new TextEncoder().encode('not an image');
    expect(iconProblems({ color: text, outline: text }, names)).toEqual([
      'color.png: not a valid PNG',
      'outline.png: not a valid PNG',
    ]);
  });
});
