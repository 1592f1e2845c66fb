import { pinyin } from 'pinyin-pro';

const MAX_CODE = 32;

/**
 * A code for a new entry from its names: the Chinese name's pinyin (抖音 → douyin), else the English
 * name, lower case with underscores; `entry` when neither gives letters. Taken codes get `_2`, `_3` ….
 */
export function codeFromNames(names: { nameZh: string; nameEn: string }, taken: ReadonlySet<string>): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, MAX_CODE - 4);
  const spelled = pinyin(names.nameZh, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).join('_');
  const base = slug(spelled.replace(/_(?=[a-z])/g, '')) || slug(names.nameEn) || 'entry';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const code = `${base}_${n}`;
    if (!taken.has(code)) return code;
  }
}
