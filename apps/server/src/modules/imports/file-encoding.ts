import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '@guanxi/contract';

/**
 * The encoding of a text export, from its first bytes: a byte-order mark, then UTF-16 without one
 * (every other byte zero), then strict UTF-8, then chardet's statistics. Chinese exports from Excel
 * and old CRMs are GB18030/GBK; European ones use a Windows or DOS code page, which chardet cannot
 * tell apart (it answers windows-1252 for CP850), so the single-byte candidates are compared by how
 * many high bytes between two letters decode to a letter.
 */
export function detectEncoding(sample: Buffer, isWholeFile: boolean): ImportEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutMark(sample);
  if (utf16) return utf16;
  if (isUtf8(isWholeFile ? sample : trimPartialCharacter(sample))) return 'utf-8';
  const guesses = chardet.analyse(sample);
  for (const guess of guesses) {
    const name = guess.name.toLowerCase();
    if (name === 'gb18030' || name === 'gbk' || name === 'gb2312') return 'gb18030';
    if (name === 'big5') return 'big5';
    if (name === 'shift_jis') return 'shift_jis';
    if (name.startsWith('iso-8859') || name.startsWith('windows-125')) break;
  }
  // Chinese text is the common case; a sample with many two-byte GB sequences is read as GB18030.
  if (looksLikeGb(sample)) return 'gb18030';
  return bestSingleByte(sample, guesses[0]?.name.toLowerCase());
}

function utf16WithoutMark(sample: Buffer): ImportEncoding | null {
  const length = Math.min(sample.length - (sample.length % 2), 4096);
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Buffer): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A sample cut from a longer file may end inside a multi-byte character. */
function trimPartialCharacter(sample: Buffer): Buffer {
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= back;
    break;
  }
  return sample.subarray(0, end);
}

function looksLikeGb(sample: Buffer): boolean {
  let pairs = 0;
  let high = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    high++;
    const next = sample[i + 1];
    if (byte >= 0x81 && byte <= 0xfe && next !== undefined && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
      pairs++;
      i++;
      high++;
    }
  }
  return high >= 4 && pairs * 2 >= high * 0.9 && pairs >= 2 && !looksLikeWesternText(sample);
}

/** Western text has isolated high bytes between ASCII letters (é in "José"); GB text pairs them. */
function looksLikeWesternText(sample: Buffer): boolean {
  let isolated = 0;
  let high = 0;
  for (let i = 1; i < sample.length - 1; i++) {
    if (sample[i]! < 0x80) continue;
    high++;
    if (isAsciiLetter(sample[i - 1]!) && isAsciiLetter(sample[i + 1]!)) isolated++;
  }
  return high > 0 && isolated >= high * 0.5;
}

const isAsciiLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
const LETTER = /\p{L}/u;
const SINGLE_BYTE: readonly ImportEncoding[] = [
  'windows-1252',
  'cp850',
  'cp437',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
];

/**
 * Scores each code page by the high bytes that sit between two ASCII letters: in real words they
 * are letters (í, ñ, ü), so the code page that decodes most of them to letters wins; ties go to
 * chardet's first guess, then to windows-1252.
 */
function bestSingleByte(sample: Buffer, chardetGuess: string | undefined): ImportEncoding {
  const positions: number[] = [];
  for (let i = 1; i < sample.length - 1; i++) {
    if (sample[i]! >= 0x80 && isAsciiLetter(sample[i - 1]!) && isAsciiLetter(sample[i + 1]!)) positions.push(i);
  }
  const preferred = SINGLE_BYTE.find((name) => name === chardetGuess) ?? 'windows-1252';
  if (positions.length === 0) return preferred;
  let best: ImportEncoding = preferred;
  let bestScore = score(sample, positions, preferred);
  for (const candidate of SINGLE_BYTE) {
    const candidateScore = score(sample, positions, candidate);
    if (candidateScore > bestScore) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  return best;
}

function score(sample: Buffer, positions: readonly number[], encoding: ImportEncoding): number {
  let letters = 0;
  for (const position of positions) {
    const char = iconv.decode(sample.subarray(position, position + 1), encoding);
    if (LETTER.test(char)) letters++;
  }
  // Latin letters beat Cyrillic ones for text whose other letters are ASCII.
  return encoding === 'windows-1251' ? letters - 0.5 * positions.length : letters;
}
