import type { Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The longest a browser test waits for the page to reach a state. Generous on purpose: on a busy
 * two-core CI machine a request, the refetch it triggers and the re-render can take seconds, and a
 * check that holds returns at once — only a real failure waits this long.
 */
export const SETTLE_MS = 30_000;

/**
 * Re-reads `read` until the assertion chained on it holds, failing after SETTLE_MS. Every check on
 * something an earlier action changes goes through this (or through a locator's `waitFor`): the page
 * re-renders and refetches in its own time, so a single read right after the action is a race.
 *
 *     await eventually(() => page.getByTestId('order-status').innerText()).toBe('已确认');
 */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: SETTLE_MS, interval: 100 });

/**
 * Waits until nothing on the page is moving: antd's popups zoom in, modals and drawers slide or fade
 * in, dropdowns slide down. On a busy machine a click on a button still zooming in was seen to click
 * nothing: the popconfirm stayed open and its request was never sent. Endless animations (spinners)
 * do not count.
 */
export async function still(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
        ),
    undefined,
    { timeout: SETTLE_MS },
  );
}

/** Clicks `target` once it is shown and the page has stopped moving (see `still`). */
export async function clickWhenStill(target: Locator): Promise<void> {
  await target.waitFor({ timeout: SETTLE_MS });
  await still(target.page());
  await target.click();
}

/**
 * Runs `action` (a click or key press that sends one API request) and waits for the server's answer
 * to that request, so what follows starts from the state the request produced — and a refused or
 * never-sent request fails here, by name, rather than as a missing element later.
 *
 * `request` is "METHOD /path" under /api/v1, where `*` stands for one path segment (an id), as in
 * `'PATCH /follow-ups/*'`; query parameters given after `?` must all be present with those values
 * (other requests to the same path, such as a refetch of the unfiltered list, do not count).
 * The answer must be 2xx, or `status` when given (an expected refusal). A locator as the action is
 * clicked with `clickWhenStill`.
 */
export async function answered(
  page: Page,
  request: string,
  action: Locator | (() => Promise<unknown>),
  status?: number,
): Promise<Response> {
  const act = typeof action === 'function' ? action : () => clickWhenStill(action);
  const [method, target = ''] = request.split(' ');
  const [path = '', query = ''] = target.split('?');
  const pattern = new RegExp(`^/api/v1${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]+')}$`);
  const params = [...new URLSearchParams(query)];
  const matches = (response: Response) => {
    const url = new URL(response.url());
    return (
      response.request().method() === method &&
      pattern.test(url.pathname) &&
      params.every(([key, value]) => url.searchParams.get(key) === value)
    );
  };
  // Say which half failed: an action that never completed (its target never became clickable) or a
  // request that was never sent or answered.
  let acted = false;
  const answer = page.waitForResponse(matches, { timeout: SETTLE_MS }).catch((cause: Error) => {
    const state = acted ? 'completed' : 'had not completed';
    throw new Error(`${request}: no answer within ${SETTLE_MS} ms; the action ${state}`, { cause });
  });
  const [response] = await Promise.all([answer, act().then(() => (acted = true))]);
  const ok = status === undefined ? response.ok() : response.status() === status;
  if (!ok) throw new Error(`${request} answered ${response.status()}: ${await response.text()}`);
  return response;
}

/**
 * Types `text` into the searching select `testId` and picks the one option left once the search has
 * answered: the list re-renders as the search for each typed character comes back, and a click
 * before it settles can land on an option that is being replaced.
 */
export async function searchAndPick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await eventually(() => options.allInnerTexts()).toEqual([expect.stringContaining(text)]);
  await clickWhenStill(options);
}
