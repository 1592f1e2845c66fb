import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { endpoints, type Product } from '@guanxi/contract';
import { App, Button, Card, Col, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { CategoryPanel } from './CategoryPanel';
import { ProductFormDrawer } from './ProductFormDrawer';
import { useDeleteProduct, useProducts, useUpdateProduct, type ProductFilters } from './products.queries';
import { PagedTable } from '../../platform/ui/PagedTable';
import { NewButton } from '../../platform/ui/NewButton';
import { SearchFilter } from '../../platform/ui/SearchFilter';
import { ExportButton } from '../../platform/ui/ExportButton';
import { ImportButton } from '../imports';

/** 产品: the catalog with its category tree; products.manage edits both. */
export default function ProductListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatMoney = useFormatMoney();
  const canManage = useHasPermission('products.manage');
  const [filters, setFilters] = useState<ProductFilters>({ sort: 'code' });
  const [editing, setEditing] = useState<{ product?: Product } | null>(null);
  const products = useProducts(filters);
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const set = (next: Partial<ProductFilters>) => setFilters((current) => ({ ...current, ...next }));
  const fail = (error: Error) => void message.error(error.message);

  const columns: ColumnsType<Product> = [
    { title: t('product.code'), dataIndex: 'code', width: 110, fixed: 'left' },
    {
      title: t('product.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, product) => (
        <Space orientation="vertical" size={0}>
          <span>{name}</span>
          {product.specification && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {product.specification}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('product.category'),
      dataIndex: 'categoryName',
      width: 120,
      render: (name: string | null) => name ?? t('product.uncategorized'),
    },
    { title: t('product.unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('product.listPrice'),
      dataIndex: 'listPriceFen',
      align: 'right',
      width: 130,
      render: (fen: number, product) => formatMoney(fen, product.currency),
    },
    {
      title: t('product.costPrice'),
      dataIndex: 'costPriceFen',
      align: 'right',
      width: 130,
      render: (fen: number, product) => formatMoney(fen, product.currency),
    },
    {
      title: t('product.status'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('product.statusActive')}</Tag> : <Tag>{t('product.statusInactive')}</Tag>,
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, product) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={() => setEditing({ product })}
          />
          <Button
            size="small"
            loading={update.isPending && update.variables.id === product.id}
            onClick={() =>
              update.mutate(
                { id: product.id, body: { active: !product.active, version: product.version } },
                { onError: fail },
              )
            }
            data-testid="product-toggle-active"
          >
            {product.active ? t('product.deactivate') : t('product.activate')}
          </Button>
          <Popconfirm
            title={t('product.deleteConfirm', { name: product.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(product.id).then(() => void message.success(t('common.deleted')), fail)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    });

  return (
    <Row gutter={16}>
      <Col xs={24} md={7} lg={6}>
        <CategoryPanel
          selectedId={filters.categoryId}
          onSelect={(categoryId) => set({ categoryId })}
          canManage={canManage}
        />
      </Col>
      <Col xs={24} md={17} lg={18}>
        <Card
          title={t('product.title')}
          extra={
            <Space wrap>
              <ImportButton kinds={['products']} />
              <ExportButton endpoint={endpoints.products.export} query={filters} />
              {canManage && (
                <NewButton type="primary" onClick={() => setEditing({})} data-testid="product-new">
                  {t('product.new')}
                </NewButton>
              )}
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 16 }}>
            <SearchFilter
              placeholder={t('product.searchPlaceholder')}
              onSearch={(q) => set({ q })}
              testId="product-search"
            />
            <Select<'true' | 'false'>
              allowClear
              placeholder={t('product.status')}
              onChange={(value) => set({ active: value === undefined ? undefined : value === 'true' })}
              options={[
                { value: 'true', label: t('product.statusActive') },
                { value: 'false', label: t('product.statusInactive') },
              ]}
              style={{ width: 120 }}
            />
          </Space>
          <PagedTable
            pages={products}
            columns={columns}
            scroll={{ x: 1100 }}
            empty={t('product.empty')}
            testId="product-table"
          />
        </Card>
      </Col>
      <ProductFormDrawer open={editing !== null} product={editing?.product} onClose={() => setEditing(null)} />
    </Row>
  );
}
