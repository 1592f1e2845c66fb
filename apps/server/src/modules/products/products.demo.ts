import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { products } from '../../platform/db/schema/index.js';
import { categoriesRepository } from './categories.repository.js';
import { productsRepository } from './products.repository.js';

/** A small manufacturer's catalog: prices in fen (list, cost). */
const DEMO_CATALOG: {
  category: string;
  items: [code: string, name: string, unit: string, spec: string, list: number, cost: number][];
}[] = [
  {
    category: '工业传感器',
    items: [
      ['P-1001', '压力传感器 PT-100', '台', '量程 0–10 bar，4–20 mA 输出', 128_000, 76_000],
      ['P-1002', '温度传感器 TS-200', '台', 'PT100，-50–300 ℃', 46_000, 25_500],
      ['P-1003', '光电开关 OS-30', '个', '对射式，检测距离 30 m', 18_500, 9_800],
      ['P-1004', '液位传感器 LV-5', '台', '投入式，0–5 m', 89_000, 52_000],
    ],
  },
  {
    category: '控制器',
    items: [
      ['P-2001', '小型 PLC GX-16', '台', '16 点 I/O，以太网', 268_000, 158_000],
      ['P-2002', '扩展 I/O 模块 GX-8E', '个', '8 路数字量输入', 52_000, 29_000],
      ['P-2003', '触摸屏 HMI-7', '台', '7 英寸，800×480', 198_000, 121_000],
      ['P-2004', '变频器 VF-2.2', '台', '2.2 kW，三相 380 V', 315_000, 204_000],
    ],
  },
  {
    category: '线缆',
    items: [
      ['P-3001', '屏蔽信号电缆 RVVP 4×0.5', '米', '铜芯，PVC 护套', 680, 390],
      ['P-3002', '动力电缆 YJV 3×4', '米', '交联聚乙烯绝缘', 2_450, 1_620],
      ['P-3003', 'M12 传感器连接线', '根', '4 芯，5 m，直头', 9_800, 4_600],
      ['P-3004', '工业以太网线 CAT6', '米', '屏蔽，耐油', 1_280, 720],
    ],
  },
];

/** The demo catalog's product codes, for the stock and orders demos. */
export const DEMO_PRODUCT_CODES = DEMO_CATALOG.flatMap((c) => c.items.map(([code]) => code));

/**
 * Seeds the demo catalog (three categories, twelve products). The default price authorities come
 * with the organization itself. Seed data: no audit.
 */
export async function seedDemoProducts(tx: Executor, options: { orgId: string }): Promise<void> {
  const { orgId } = options;
  for (const [i, group] of DEMO_CATALOG.entries()) {
    const categoryId = newId();
    await categoriesRepository.insert(tx, {
      orgId,
      id: categoryId,
      name: group.category,
      parentId: null,
      sortOrder: (i + 1) * 10,
    });
    for (const [code, name, unit, specification, listPriceFen, costPriceFen] of group.items) {
      await productsRepository.insert(tx, {
        orgId,
        id: newId(),
        code,
        name,
        categoryId,
        unit,
        specification,
        listPriceFen,
        costPriceFen,
      });
    }
  }
}

/** Ids of the live demo products by code (absent codes are missing), for other modules' demo data. */
export async function demoProducts(tx: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: products.id, code: products.code })
    .from(products)
    .where(and(eq(products.orgId, orgId), inArray(products.code, DEMO_PRODUCT_CODES), isNull(products.deletedAt)));
  return new Map(rows.map((r) => [r.code, r.id]));
}
