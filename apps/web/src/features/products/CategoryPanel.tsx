import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { ProductCategory } from '@guanxi/contract';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Tree,
  TreeSelect,
  Typography,
  type TreeDataNode,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { categoryTree, type CategoryNode } from './categoryTree';
import { useCreateCategory, useDeleteCategory, useProductCategories, useUpdateCategory } from './products.queries';
import { FormModal } from '../../platform/ui/FormModal';
import { NewButton } from '../../platform/ui/NewButton';

interface CategoryPanelProps {
  selectedId: string | undefined;
  onSelect: (categoryId: string | undefined) => void;
  canManage: boolean;
}

/** The category tree beside the product table: picks the filter, and (products.manage) edits the tree. */
export function CategoryPanel({ selectedId, onSelect, canManage }: CategoryPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useProductCategories();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<{ category?: ProductCategory } | null>(null);

  const render = (node: CategoryNode): TreeDataNode => ({
    key: node.key,
    title: (
      <Space size={4} data-testid="product-category">
        <span>{node.category.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('product.productCount', { count: node.category.productCount })}
        </Typography.Text>
        {canManage && (
          <>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={(event) => (event.stopPropagation(), setEditing({ category: node.category }))}
            />
            <Popconfirm
              title={t('product.deleteCategoryConfirm', { name: node.category.name })}
              okButtonProps={{ danger: true }}
              onPopupClick={(event) => event.stopPropagation()}
              onConfirm={() =>
                remove.mutateAsync(node.category.id).then(
                  () => selectedId === node.category.id && onSelect(undefined),
                  (error: Error) => void message.error(error.message),
                )
              }
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={(event) => event.stopPropagation()}
              />
            </Popconfirm>
          </>
        )}
      </Space>
    ),
    children: node.children.map(render),
  });

  return (
    <Card
      size="small"
      title={t('product.categories')}
      extra={
        canManage && (
          <NewButton size="small" onClick={() => setEditing({})} data-testid="product-category-new">
            {t('product.newCategory')}
          </NewButton>
        )
      }
    >
      <Button
        type={selectedId === undefined ? 'link' : 'text'}
        onClick={() => onSelect(undefined)}
        style={{ paddingLeft: 4 }}
      >
        {t('product.allCategories')}
      </Button>
      <Tree
        blockNode
        defaultExpandAll
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
        treeData={categoryTree(categories.data ?? []).map(render)}
      />
      <CategoryModal
        key={editing?.category?.id ?? 'new'}
        open={editing !== null}
        category={editing?.category}
        categories={categories.data ?? []}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

interface CategoryFormValues {
  name: string;
  parentId?: string | null;
  sortOrder?: number;
  repurchaseDays?: number | null;
}

function CategoryModal({
  open,
  category,
  categories,
  onClose,
}: {
  open: boolean;
  category?: ProductCategory;
  categories: ProductCategory[];
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<CategoryFormValues>();
  const create = useCreateCategory();
  const update = useUpdateCategory();

  const submit = (values: CategoryFormValues) => {
    const body = {
      name: values.name,
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder ?? 0,
      repurchaseDays: values.repurchaseDays ?? null,
    };
    const done = { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors };
    if (category) update.mutate({ id: category.id, body: { ...body, version: category.version } }, done);
    else create.mutate(body, done);
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={category ? t('product.editCategory') : t('product.newCategory')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form<CategoryFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          category
            ? {
                name: category.name,
                parentId: category.parentId,
                sortOrder: category.sortOrder,
                repurchaseDays: category.repurchaseDays,
              }
            : {}
        }
      >
        <Form.Item
          name="name"
          label={t('product.categoryName')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input maxLength={64} data-testid="product-category-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('product.parentCategory')}>
          {/* A category cannot move under itself or its own sub-categories: they are left out here. */}
          <TreeSelect allowClear treeDefaultExpandAll treeData={categoryTree(categories, category?.id)} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('product.sortOrder')}>
          <InputNumber precision={0} min={-100000} max={100000} />
        </Form.Item>
        <Form.Item name="repurchaseDays" label={t('product.repurchaseDays')} extra={t('product.repurchaseDaysHint')}>
          <InputNumber precision={0} min={1} max={3650} placeholder={t('product.repurchaseDaysPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
