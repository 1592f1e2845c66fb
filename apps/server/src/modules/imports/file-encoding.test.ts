import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './file-encoding.js';

const sample = (text: string, encoding: string, bom = false) => iconv.encode(text, encoding, { addBOM: bom });
const WESTERN = 'Nombre;Ciudad\nJosé García;Logroño\nMaría Pérez;Cádiz\nAndrés Muñoz;León\n';

describe('detecting a file’s encoding', () => {
  it('tells UTF-8 with and without a byte-order mark, and UTF-16 with and without one', () => {
    expect(detectEncoding(sample('客户名称,电话\n上海,1\n', 'utf-8'), true)).toBe('utf-8');
    expect(detectEncoding(sample('客户名称,电话\n', 'utf-8', true), true)).toBe('utf-8');
    expect(detectEncoding(sample('客户名称\t电话\n', 'utf-16le', true), true)).toBe('utf-16le');
    expect(detectEncoding(sample('客户名称\t电话\n', 'utf-16be', true), true)).toBe('utf-16be');
    expect(detectEncoding(sample('name\tphone\nJosé\t1\n', 'utf-16le'), true)).toBe('utf-16le');
  });

  it('reads Chinese exports as GB18030', () => {
    const text =
      '客户名称,联系电话,地址\n上海华为技术有限公司,021-66668888,上海市浦东新区\n北京小米科技有限责任公司,010-12345678,北京市海淀区\n';
    expect(detectEncoding(sample(text, 'gbk'), true)).toBe('gb18030');
  });

  it('tells a DOS CP850 export from a Windows-1252 one by the letters between letters', () => {
    expect(detectEncoding(sample(WESTERN, 'cp850'), true)).toBe('cp850');
    expect(detectEncoding(sample(WESTERN, 'windows-1252'), true)).toBe('windows-1252');
    expect(iconv.decode(sample(WESTERN, 'cp850'), detectEncoding(sample(WESTERN, 'cp850'), true))).toBe(WESTERN);
  });
});
