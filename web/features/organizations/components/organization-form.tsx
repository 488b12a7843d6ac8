import { Card, Select, SimpleGrid, TextInput, Title, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  KINDS,
  KIND_LABELS,
  SECTORS,
  SECTOR_LABELS,
  STATUSES,
  STATUS_LABELS,
} from '../../../../shared/contracts/enums.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Bilingual } from '../../../i18n/lang.ts';
import type { FieldName, FormValues } from '../utils/form-values.ts';
import type { FieldErrors } from '../utils/validate-form.ts';
import { AreaSelects } from '../../../components/area-selects.tsx';

interface OrganizationFormProps {
  values: FormValues;
  onChange: (patch: Partial<FormValues>) => void;
  errors: FieldErrors;
}

function Section({ title, children, cols = 2 }: { title: string; children: ReactNode; cols?: number }) {
  return (
    <Card>
      <Title order={2} fz="md" mb="md">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Card>
  );
}

/** The writable fields of an organisation; every input is named after its API field. */
export function OrganizationForm({ values, onChange, errors }: OrganizationFormProps) {
  const { t, label } = useI18n();
  const error = (field: FieldName) => errors[field] && label(errors[field]);
  const options = <K extends string>(keys: readonly K[], labels: Record<K, Bilingual>) =>
    keys.map((key) => ({ value: key, label: label(labels[key]) }));

  const text = (
    field: 'registrationNo' | 'name' | 'address' | 'representative' | 'phone' | 'email',
    props: TextInputProps = {},
  ) => (
    <TextInput
      name={field}
      data-testid={`field-${field}`}
      label={t.org[field]}
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={error(field)}
      {...props}
    />
  );
  const date = (field: 'foundedOn' | 'statusSince') => (
    <TextInput
      name={field}
      data-testid={`field-${field}`}
      label={t.org[field]}
      placeholder={t.form.datePlaceholder}
      inputMode="numeric"
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={error(field)}
    />
  );

  return (
    <>
      <Section title={t.form.identity}>
        {text('registrationNo', { required: true, maxLength: 40 })}
        {text('name', { required: true, maxLength: 255 })}
        <Select<string>
          name="kind"
          data-testid="field-kind"
          label={t.org.kind}
          required
          placeholder={t.form.selectPlaceholder}
          data={options(KINDS, KIND_LABELS)}
          value={values.kind}
          onChange={(kind) => onChange({ kind: KINDS.find((k) => k === kind) ?? null })}
          error={error('kind')}
        />
        <Select<string>
          name="sector"
          data-testid="field-sector"
          label={t.org.sector}
          required
          placeholder={t.form.selectPlaceholder}
          data={options(SECTORS, SECTOR_LABELS)}
          value={values.sector}
          onChange={(sector) => onChange({ sector: SECTORS.find((s) => s === sector) ?? null })}
          error={error('sector')}
        />
      </Section>

      <Section title={t.form.legal} cols={3}>
        <Select<string>
          name="status"
          data-testid="field-status"
          label={t.org.status}
          data={options(STATUSES, STATUS_LABELS)}
          value={values.status}
          allowDeselect={false}
          onChange={(status) => onChange({ status: STATUSES.find((s) => s === status) ?? values.status })}
          error={error('status')}
        />
        {date('statusSince')}
        {date('foundedOn')}
      </Section>

      <Section title={t.form.placementCurrent}>
        <AreaSelects
          map="current"
          placeholder={t.form.selectPlaceholder}
          names={{ province: 'provinceCode', district: 'districtCode', commune: 'communeCode' }}
          value={{ province: values.provinceCode, district: null, commune: values.communeCode }}
          onChange={(area) => onChange({ provinceCode: area.province, communeCode: area.commune })}
          errors={{ province: error('provinceCode'), commune: error('communeCode') }}
        />
      </Section>

      <Section title={t.form.placementOld} cols={3}>
        <AreaSelects
          map="pre-2025"
          placeholder={t.form.selectPlaceholder}
          names={{ province: 'oldProvinceCode', district: 'oldDistrictCode', commune: 'oldCommuneCode' }}
          value={{ province: values.oldProvinceCode, district: values.oldDistrictCode, commune: values.oldCommuneCode }}
          onChange={(area) =>
            onChange({ oldProvinceCode: area.province, oldDistrictCode: area.district, oldCommuneCode: area.commune })
          }
          errors={{
            province: error('oldProvinceCode'),
            district: error('oldDistrictCode'),
            commune: error('oldCommuneCode'),
          }}
        />
      </Section>

      <Section title={t.form.contact}>
        {text('address')}
        {text('representative')}
        {text('phone', { type: 'tel', maxLength: 20 })}
        {text('email', { type: 'email' })}
      </Section>
    </>
  );
}
