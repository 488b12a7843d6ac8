import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { apiFieldErrors } from './api-field-errors.ts';
import { EMPTY_VALUES, type FormValues } from './form-values.ts';
import { splitMessage } from '../../../i18n/lang.ts';
import { validateCreate, validateEdit } from './validate-form.ts';

const valid: FormValues = {
  ...EMPTY_VALUES,
  registrationNo: '04-TEST-001',
  name: 'Hợp tác xã Thử Nghiệm',
  kind: 'HTX',
  sector: 'transport',
  provinceCode: '04',
};

describe('validateCreate', () => {
  it('accepts a complete form and sends nulls for empty fields', () => {
    const result = validateCreate(valid);
    expect(result.ok && result.body).toMatchObject({ kind: 'HTX', provinceCode: '04', email: null, foundedOn: null });
  });

  it('names every missing required field at once', () => {
    const result = validateCreate(EMPTY_VALUES);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['kind', 'name', 'provinceCode', 'registrationNo', 'sector']);
  });

  it('uses the API schema messages in both languages', () => {
    const result = validateCreate({ ...valid, email: 'abc', foundedOn: '31/02/2020', phone: 'call me' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.email).toEqual({ vi: 'Email không hợp lệ', en: 'Invalid email' });
    expect(result.errors.phone?.en).toBe('Invalid phone number');
    expect(result.errors.foundedOn?.vi).toContain('dd/mm/yyyy');
  });

  it('rejects a founding date in the future', () => {
    const result = validateCreate({ ...valid, foundedOn: '01/01/2999' });
    expect(!result.ok && result.errors.foundedOn?.en).toBe('Date cannot be in the future');
  });
});

describe('validateEdit', () => {
  it('sends only the changed fields with the version read', () => {
    const result = validateEdit(valid, { ...valid, phone: '0912 345 678' }, 4);
    expect(result).toEqual({ ok: true, body: { version: 4, phone: '0912 345 678' } });
  });

  it('does not judge fields the user left alone', () => {
    const legacy = { ...valid, email: 'not-an-email' };
    expect(validateEdit(legacy, { ...legacy, name: 'Tên mới của HTX' }, 2).ok).toBe(true);
  });
});

describe('messages', () => {
  it('splits "vi / en" messages', () => {
    expect(splitMessage('Tên quá ngắn / Name is too short')).toEqual({ vi: 'Tên quá ngắn', en: 'Name is too short' });
    expect(splitMessage('Too small')).toEqual({ vi: 'Too small', en: 'Too small' });
  });

  it('puts API field errors next to their fields and keeps the rest', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Dữ liệu không hợp lệ',
      titleEn: 'Invalid data',
      errors: [
        { field: 'communeCode', message: 'Xã không thuộc tỉnh', messageEn: 'Commune is not in the province' },
        { field: 'body', message: 'Không đọc được', messageEn: 'Unreadable' },
      ],
    });
    const { fields, other } = apiFieldErrors(error);
    expect(fields.communeCode).toEqual({ vi: 'Xã không thuộc tỉnh', en: 'Commune is not in the province' });
    expect(other).toEqual([{ vi: 'body: Không đọc được', en: 'body: Unreadable' }]);
  });
});
