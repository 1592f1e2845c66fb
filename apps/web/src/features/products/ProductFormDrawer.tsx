import { DEFAULT_CURRENCY, type Product } from '@guanxi/contract';
import { Form, Input, Switch, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { fenToYuan, yuanToFen } from '@guanxi/contract';
import { categoryTree } from './categoryTree';
import { useCreateProduct, useProductCategories, useUpdateProduct } from './products.queries';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { SaveCancelActions } from '../../platform/ui/FormActions';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface ProductFormDrawerProps {
  open: boolean;
  /** The product to edit; absent to create one. */
  product?: Product;
  onClose: () => void;
}

/** The API names prices in fen; their errors belong next to the yuan inputs. */
const SERVER_FIELD_ALIASES = { listPriceFen: 'listPrice', costPriceFen: 'costPrice' } as const;

interface FormValues {
  code: string;
  name: string;
  categoryId?: string | null;
  unit: string;
  specification?: string;
  /** Yuan as typed (InputNumber in string mode: no float); sent as fen. */
  listPrice: string;
  costPrice: string;
  active: boolean;
  description?: string;
}

export function ProductFormDrawer({ open, product, onClose }: ProductFormDrawerProps) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={product ? t('product.edit') : t('product.new')} size={520}>
      <FormPanel product={product} onClose={onClose} />
    </FormDrawer>
  );
}

function FormPanel({ product, onClose }: Omit<ProductFormDrawerProps, 'open'>) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>(SERVER_FIELD_ALIASES);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const categories = useProductCategories();

  const submit = (values: FormValues) => {
    const listPriceFen = yuanToFen(String(values.listPrice));
    const costPriceFen = yuanToFen(String(values.costPrice));
    // The price rules below have already rejected anything that is not yuan with two decimals.
    if (listPriceFen === null || costPriceFen === null) return;
    const body = {
      code: values.code,
      name: values.name,
      categoryId: values.categoryId ?? null,
      unit: values.unit,
      specification: values.specification || null,
      listPriceFen,
      costPriceFen,
      active: values.active,
      description: values.description || null,
    };
    const done = { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors };
    if (product) update.mutate({ id: product.id, body: { ...body, version: product.version } }, done);
    else create.mutate(body, done);
  };

  const priceRules = [
    { required: true },
    {
      validator: (_: unknown, value: string | null | undefined) =>
        value === null || value === undefined || value === '' || yuanToFen(String(value)) !== null
          ? Promise.resolve()
          : Promise.reject(new Error(t('product.priceInvalid'))),
    },
  ];
  const priceInput = (testId: string) => (
    <MoneyInput currency={product?.currency ?? DEFAULT_CURRENCY} data-testid={testId} />
  );

  const initialValues: Partial<FormValues> = product
    ? {
        code: product.code,
        name: product.name,
        categoryId: product.categoryId,
        unit: product.unit,
        specification: product.specification ?? '',
        listPrice: fenToYuan(product.listPriceFen),
        costPrice: fenToYuan(product.costPriceFen),
        active: product.active,
        description: product.description ?? '',
      }
    : { active: true };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      data-testid="product-form"
    >
      <Form.Item name="code" label={t('product.code')} rules={[{ required: true, whitespace: true, max: 40 }]}>
        <Input maxLength={40} data-testid="product-code" />
      </Form.Item>
      <Form.Item name="name" label={t('product.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} data-testid="product-name" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('product.category')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          treeData={categoryTree(categories.data ?? [])}
          placeholder={t('product.uncategorized')}
        />
      </Form.Item>
      <Form.Item name="unit" label={t('product.unit')} rules={[{ required: true, whitespace: true, max: 16 }]}>
        <Input maxLength={16} style={{ width: 160 }} data-testid="product-unit" />
      </Form.Item>
      <Form.Item name="specification" label={t('product.specification')} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="listPrice" label={t('product.listPrice')} rules={priceRules}>
        {priceInput('product-list-price')}
      </Form.Item>
      <Form.Item name="costPrice" label={t('product.costPrice')} rules={priceRules}>
        {priceInput('product-cost-price')}
      </Form.Item>
      <Form.Item name="active" label={t('product.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="description" label={t('product.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <SaveCancelActions saving={create.isPending || update.isPending} testId="product-submit" onCancel={onClose} />
    </Form>
  );
}
