import { PNG } from 'pngjs';

export interface AppIcons {
  readonly color: Uint8Array;
  readonly outline: Uint8Array;
}

const COLOR_SIZE = 192;
const OUTLINE_SIZE = 32;

/**
 * What Teams requires of the two icons: a 192×192 full-color PNG, and a
 * 32×32 PNG that is white on a transparent background (Teams tints it).
 * Returns one line per problem, naming the file; empty when both are fine.
 */
export function iconProblems(icons: AppIcons, names: { readonly color: string; readonly outline: string }): string[] {
  const problems: string[] = [];

  const color = decode(icons.color);
  if (!color) problems.push(`${names.color}: not a valid PNG`);
  else problems.push(...sizeProblems(names.color, color, COLOR_SIZE));

  const outline = decode(icons.outline);
  if (!outline) {
    problems.push(`${names.outline}: not a valid PNG`);
  } else {
    problems.push(...sizeProblems(names.outline, outline, OUTLINE_SIZE));
    problems.push(...outlinePixelProblems(names.outline, outline));
  }
  return problems;
}

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA, 8 bits a channel, whatever the file's own colour type. */
  readonly data: Uint8Array;
}

function decode(bytes: Uint8Array): DecodedPng | undefined {
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch {
    return undefined;
  }
}

function sizeProblems(name: string, png: DecodedPng, size: number): string[] {
  return png.width === size && png.height === size
    ? []
    : [`${name}: must be ${size}×${size} pixels, is ${png.width}×${png.height}`];
}

function outlinePixelProblems(name: string, png: DecodedPng): string[] {
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const alpha = png.data[offset + 3];
    if (alpha === 0) {
      transparent += 1;
      continue;
    }
    visible += 1;
    if (png.data[offset] !== 255 || png.data[offset + 1] !== 255 || png.data[offset + 2] !== 255) coloured += 1;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${name}: needs a transparent background`);
  if (visible === 0) problems.push(`${name}: is fully transparent`);
  if (coloured > 0) problems.push(`${name}: ${coloured} of ${visible} visible pixels are not white`);
  return problems;
}
