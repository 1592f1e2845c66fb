import { describe, expect, it } from 'vitest';
import type { MessageKey } from './messages.js';
import { fieldLabel, isMessageKey, localeFromHeader, translate } from './translate.js';

describe('server messages', () => {
  it('fills parameters, translating a parameter that is itself a message key', () => {
    expect(translate('en', 'error.notFound', { entity: 'entity.customer' })).toBe('Customer was not found.');
    expect(translate('zh-CN', 'error.notFound', { entity: 'entity.customer' })).toContain('客户');
    expect(translate('en', 'error.rateLimited', { seconds: 30 })).toBe('Too many requests. Try again in 30 seconds.');
  });

  it('fills a message named by a parameter from the same parameters (a cause inside a wrapper)', () => {
    expect(translate('en', 'error.notFound', { entity: 'error.rateLimited', seconds: 30 })).toBe(
      'Too many requests. Try again in 30 seconds. was not found.',
    );
  });

  it('leaves a missing parameter visible rather than printing "undefined"', () => {
    expect(translate('en', 'error.rateLimited')).toBe('Too many requests. Try again in {seconds} seconds.');
  });

  it('says plainly when a key belongs to no registered catalog (a wiring error)', () => {
    expect(() => translate('en', 'error.noSuchThing' as MessageKey)).toThrow(
      'error.noSuchThing is in no registered catalog',
    );
    expect(isMessageKey('error.noSuchThing')).toBe(false);
    expect(isMessageKey('error.validation')).toBe(true);
  });

  it('names a field by its label, a nested one by its parts, an unknown one by its own name', () => {
    expect(fieldLabel('en', 'name')).toBe('Name');
    expect(fieldLabel('en', 'notAField')).toBe('notAField');
    expect(fieldLabel('en', 'customers.0')).toBe('Customers #1');
    expect(fieldLabel('en', 'customers.1.name')).toBe('Customers #2 › Name');
    expect(fieldLabel('zh-CN', 'name')).not.toBe('name');
  });

  it('answers in English only when the browser asks for it first; Chinese is the default', () => {
    expect(localeFromHeader(undefined)).toBe('zh-CN');
    expect(localeFromHeader('en-US,en;q=0.9')).toBe('en');
    expect(localeFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromHeader('fr-FR')).toBe('zh-CN');
  });
});
