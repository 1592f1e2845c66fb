import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('complaints in the browser', () => {
  it('customer service opens a complaint on a customer page and handles it to closure; the owner sees it', async () => {
    const rep = await (await fixture.browser.newContext()).newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep1');
    const [customer] = (await api(rep, 'GET', '/api/v1/customers?view=mine&limit=1')).items as {
      id: string;
      name: string;
    }[];

    const service = await (await fixture.browser.newContext()).newPage();
    await loginAs(service, fixture.baseUrl, 'service');
    await service.goto(`${fixture.baseUrl}/customers/${customer!.id}?tab=complaints`);
    await clickWhenStill(service.getByTestId('customer-complaint-new'));
    const subject = `包装破损${Date.now()}`;
    await service.getByTestId('complaint-subject').fill(subject);
    await service.getByTestId('complaint-description').fill('三箱外包装破损，内件受潮');
    const created = await answered(service, 'POST /complaints', service.getByTestId('complaint-save'));
    const { complaint } = (await created.json()) as { complaint: { id: string } };
    await eventually(() => service.getByTestId('customer-complaints').innerText()).toContain(subject);

    await service.goto(`${fixture.baseUrl}/complaints/${complaint.id}`);
    await eventually(() => service.getByTestId('complaint-state').innerText()).toBe('待分派');
    await answered(service, `POST /complaints/${complaint.id}/start`, service.getByTestId('complaint-start'));
    await eventually(() => service.getByTestId('complaint-state').innerText()).toBe('处理中');
    await service.getByTestId('complaint-comment').fill('您好，已安排补发。');
    await answered(service, `POST /complaints/${complaint.id}/comments`, service.getByTestId('complaint-send'));
    await eventually(() => service.getByTestId('complaint-timeline').innerText()).toContain('已安排补发');

    // A photo of the damage goes with the ticket.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await answered(service, `POST /complaints/${complaint.id}/attachments`, () =>
      service.locator('input[type=file]').setInputFiles({ name: '破损照片.png', mimeType: 'image/png', buffer: png }),
    );
    await eventually(() => service.getByTestId('complaint-file').allInnerTexts()).toEqual([
      expect.stringContaining('破损照片.png'),
    ]);

    await clickWhenStill(service.getByTestId('complaint-resolve'));
    await service.getByTestId('complaint-root-cause').fill('物流外包商搬运不当');
    await service.getByTestId('complaint-solution').fill('补发三箱并更换物流商');
    await answered(service, `POST /complaints/${complaint.id}/resolve`, service.getByTestId('complaint-dialog-ok'));
    await eventually(() => service.getByTestId('complaint-state').innerText()).toBe('已解决');
    await answered(service, `POST /complaints/${complaint.id}/close`, service.getByTestId('complaint-close'));
    await eventually(() => service.getByTestId('complaint-state').innerText()).toBe('已关闭');
    expect(await service.locator('.ant-descriptions').innerText()).toContain('补发三箱并更换物流商');

    // The owner sees the ticket on their customer's page and was told about it.
    await rep.goto(`${fixture.baseUrl}/customers/${customer!.id}?tab=complaints`);
    await eventually(() => rep.getByTestId('customer-complaints').innerText()).toContain(subject);
    const notices = (await api(rep, 'GET', '/api/v1/notifications')).items as { kind: string; entityId: string }[];
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['complaint_opened', 'complaint_resolved']));
  });
});
