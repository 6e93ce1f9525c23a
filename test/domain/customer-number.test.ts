import { parseCustomerNumber } from '../../src/domain/customer-number.js';

const DEFAULT = /^[0-9]{3}[A-Z][0-9]{6}$/;

describe('Kundennummer format', () => {
  it('accepts the default format 3 digits, 1 capital letter, 6 digits', () => {
    expect(parseCustomerNumber('123D456789', DEFAULT)).toEqual({ ok: true, value: '123D456789' });
  });

  it('forgives a lower-case letter and spaces, storing the canonical form', () => {
    expect(parseCustomerNumber(' 123d 456789 ', DEFAULT)).toEqual({ ok: true, value: '123D456789' });
  });

  it.each(['12D456789', '123D45678', '1234456789', 'ABCD456789', '123DD56789', '', '123D4567890'])('refuses %p', (input) => {
    expect(parseCustomerNumber(input, DEFAULT)).toEqual({ ok: false, reason: 'kdnr-format' });
  });

  it('follows a configured pattern', () => {
    expect(parseCustomerNumber('AB-12345', /^[A-Z]{2}-\d{5}$/).ok).toBe(true);
    expect(parseCustomerNumber('123D456789', /^[A-Z]{2}-\d{5}$/).ok).toBe(false);
  });
});
