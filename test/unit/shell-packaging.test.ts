// The packaging configuration and the committed icons: the pinned Electron matches the one we
// develop against, DuckDB's native files are unpacked, every target is there, and the icon files
// are real images of the sizes the platforms need.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const yml = fs.readFileSync('electron-builder.yml', 'utf8');
const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm').exec(yml)?.[1]?.trim();
const list = (name: string) => {
  const m = new RegExp(`^(\\s*)${name}:\\s*\\n((?:\\1\\s+- .*\\n)+)`, 'm').exec(yml);
  return (m?.[2] ?? '').split('\n').map((l) => l.replace(/^\s*- /, '').replace(/^"|"$/g, '').trim()).filter(Boolean);
};

/** PNG width and height from the IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('pins the Electron version we develop against', () => {
    expect(field('electronVersion')).toBe(pkg.devDependencies.electron);
  });

  it('names the app and its folders', () => {
    expect(field('productName')).toBe(pkg.productName);
    expect(field('appId')).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(field('buildResources')).toBe('resources');
  });

  it('ships the built app and unpacks DuckDB\'s native files from the asar', () => {
    expect(list('files')).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(list('asarUnpack')).toContain('**/node_modules/@duckdb/**');
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it.each([
    ['linux', ['AppImage', 'deb']],
    ['win', ['nsis']],
    ['mac', ['dmg']],
  ])('targets %s: %j', (platform, targets) => {
    const block = new RegExp(`^${platform}:\\n((?:[ ]+.*\\n)+)`, 'm').exec(yml)?.[1] ?? '';
    for (const t of targets) expect(block).toContain(`- ${t}`);
  });

  it.each([
    ['resources/icons', 'linux'],
    ['resources/icon.ico', 'win'],
    ['resources/icon.icns', 'mac'],
  ])('uses %s for %s, and it exists', (icon, platform) => {
    const block = new RegExp(`^${platform}:\\n((?:[ ]+.*\\n)+)`, 'm').exec(yml)?.[1] ?? '';
    expect(block).toContain(`icon: ${icon}`);
    expect(fs.existsSync(icon)).toBe(true);
  });
});

describe('icons', () => {
  it('has an SVG source', () => {
    expect(fs.readFileSync('resources/icon.svg', 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it.each([
    ['resources/icon.png', 512],
    ...[16, 32, 48, 64, 128, 256, 512].map((n) => [`resources/icons/${n}x${n}.png`, n] as [string, number]),
  ])('%s is a %s×%s PNG', (file, n) => {
    expect(pngSize(fs.readFileSync(file))).toEqual([n, n]);
  });

  it('the .ico holds 16 to 256 pixel images', () => {
    const ico = fs.readFileSync('resources/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('the .icns holds the retina sizes macOS asks for', () => {
    const icns = fs.readFileSync('resources/icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['ic08', 'ic09', 'ic10']));
  });
});
