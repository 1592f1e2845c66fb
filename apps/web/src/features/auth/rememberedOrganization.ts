const STORAGE_KEY = 'guanxi.organization';

/** The organization code last signed in with in this browser, so people type it once. */
export function rememberedOrganization(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberOrganization(code: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode or blocked storage: people type the code again next time.
  }
}
