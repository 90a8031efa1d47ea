import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadClipCatalog, parseClipCatalog } from '../../../src-hub/hls/clip-catalog';

function rendition(id: string, name: 'sub' | 'main', width: number, height: number) {
  return { width, height, segments: [0, 1].map((i) => ({ file: `${id}/${name}/clip-${i}.ts`, duration: 2 })) };
}

function camera(id = 'cau-co-may') {
  return {
    id,
    name: 'Cầu Cỏ May',
    district: 'TP. Vũng Tàu',
    location: { lat: 10.4265, lng: 107.1385 },
    renditions: { sub: rendition(id, 'sub', 640, 360), main: rendition(id, 'main', 1280, 720) },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function assetsWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clip-catalog-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'cameras'));
  writeFileSync(join(dir, 'cameras', 'cameras.json'), content);
  return dir;
}

describe('clip catalog', () => {
  it('loads a valid cameras.json', () => {
    const cameras = loadClipCatalog(assetsWith(JSON.stringify([camera(), camera('cho-ba-ria')])));
    expect(cameras.map((c) => c.id)).toEqual(['cau-co-may', 'cho-ba-ria']);
    expect(cameras[0]?.renditions.main.segments[1]).toEqual({ file: 'cau-co-may/main/clip-1.ts', duration: 2 });
  });

  it('reads the optional still, frame rate and codec string', () => {
    const full = {
      ...camera(),
      still: 'cau-co-may/still.jpg',
      renditions: {
        sub: { ...rendition('cau-co-may', 'sub', 640, 360), frameRate: 25, codecs: 'avc1.4d401f' },
        main: { ...rendition('cau-co-may', 'main', 1280, 720), frameRate: 29.97, codecs: 'avc1.64001f' },
      },
    };
    const [parsed] = parseClipCatalog([full], 'cameras.json');
    expect(parsed?.still).toBe('cau-co-may/still.jpg');
    expect(parsed?.renditions.sub).toMatchObject({ frameRate: 25, codecs: 'avc1.4d401f' });
    expect(parsed?.renditions.main).toMatchObject({ frameRate: 29.97, codecs: 'avc1.64001f' });
    const [bare] = parseClipCatalog([camera()], 'cameras.json');
    expect(bare?.still).toBeUndefined();
    expect(bare?.renditions.sub.codecs).toBeUndefined();
  });

  it('refuses a still outside the camera\'s folder or not a JPEG, and codec strings it cannot vouch for', () => {
    for (const still of ['../still.jpg', '/etc/still.jpg', 'cau-co-may/../x/still.jpg', 'cau-co-may/still.png', 'cau-co-may/sub/still.jpg']) {
      expect(() => parseClipCatalog([{ ...camera(), still }], 'cameras.json'), still).toThrow('[0].still');
    }
    expect(() => parseClipCatalog([{ ...camera(), still: 'cho-ba-ria/still.jpg' }], 'cameras.json')).toThrow(/\[0\]\.still: must be "cau-co-may\/still\.jpg"/);
    for (const codecs of ['avc1.4D401F', 'avc1.4d401', 'hvc1.1.6.L93.B0', 'avc1.4d401f,mp4a.40.2', 'avc1.4d401f"']) {
      const bad = camera();
      expect(() => parseClipCatalog([{ ...bad, renditions: { ...bad.renditions, sub: { ...bad.renditions.sub, codecs } } }], 'c.json'), codecs).toThrow('[0].renditions.sub.codecs');
    }
    const slow = camera();
    expect(() => parseClipCatalog([{ ...slow, renditions: { ...slow.renditions, main: { ...slow.renditions.main, frameRate: 0 } } }], 'c.json')).toThrow('[0].renditions.main.frameRate');
  });

  it('names the file and the field when a value is wrong', () => {
    const bad = camera();
    bad.renditions.sub.segments[1] = { file: 'cau-co-may/sub/clip-1.ts', duration: -2 };
    const dir = assetsWith(JSON.stringify([bad]));
    expect(() => loadClipCatalog(dir)).toThrow(join(dir, 'cameras', 'cameras.json'));
    expect(() => loadClipCatalog(dir)).toThrow('[0].renditions.sub.segments[1].duration');
  });

  it('refuses segment paths that could leave the cameras folder or belong to another camera', () => {
    for (const file of ['../package.json', '/etc/passwd', 'cau-co-may/sub/../../x.ts', 'cau-co-may/sub/clip 1.ts']) {
      const bad = camera();
      bad.renditions.sub.segments[0] = { file, duration: 2 };
      expect(() => parseClipCatalog([bad], 'cameras.json'), file).toThrow('[0].renditions.sub.segments[0].file');
    }
    const other = camera();
    other.renditions.main.segments[0] = { file: 'cho-ba-ria/main/clip-0.ts', duration: 2 };
    expect(() => parseClipCatalog([other], 'cameras.json')).toThrow(/must be under "cau-co-may\/main\/"/);
  });

  it('refuses duplicate ids, missing renditions and an empty list', () => {
    expect(() => parseClipCatalog([camera(), camera()], 'c.json')).toThrow('[1].id: duplicate camera id "cau-co-may"');
    const { main: _main, ...onlySub } = camera().renditions;
    expect(() => parseClipCatalog([{ ...camera(), renditions: onlySub }], 'c.json')).toThrow('[0].renditions.main');
    expect(() => parseClipCatalog([], 'c.json')).toThrow('c.json is invalid');
  });

  it('says what to run when the file is missing, and where JSON is broken', () => {
    const empty = mkdtempSync(join(tmpdir(), 'clip-catalog-'));
    dirs.push(empty);
    expect(() => loadClipCatalog(empty)).toThrow(/cannot read .*cameras\.json.*make:clips/);
    expect(() => loadClipCatalog(assetsWith('[{'))).toThrow(/cameras\.json is not valid JSON/);
  });
});
