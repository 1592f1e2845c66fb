/** Server messages of scheduled jobs; English defines the keys, zh-CN translates each. */
const en = {
  'error.jobRunning': 'This job is running right now. Try again when it has finished.',
  'entity.job': 'Job',
} as const;

export const jobsMessages = {
  en,
  zhCN: {
    'error.jobRunning': '该任务正在运行，请在其完成后再试。',
    'entity.job': '任务',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    jobs: typeof jobsMessages.en;
  }
}
