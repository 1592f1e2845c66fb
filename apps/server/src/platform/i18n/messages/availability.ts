/** Server messages for a database or server that cannot answer now (503); English defines the keys. */
const en = {
  'error.databaseTimeout':
    'The database took too long to answer. Try again, or narrow the filter if this keeps happening.',
  'error.requestTimeout': 'The server took too long to answer this request. Please try again shortly.',
  'error.shuttingDown': 'The server is restarting. Please try again in a few seconds.',
  'error.concurrentChange':
    'Someone changed the same records at the same moment, so nothing was saved. Please try again.',
} as const;

export const availabilityMessages = {
  en,
  zhCN: {
    'error.databaseTimeout': '数据库响应超时，请重试；如果反复出现，请缩小筛选范围。',
    'error.requestTimeout': '服务器处理该请求超时，请稍后重试。',
    'error.shuttingDown': '服务器正在重启，请几秒钟后重试。',
    'error.concurrentChange': '有人同时修改了相同的数据，本次未保存，请重试。',
  } satisfies Record<keyof typeof en, string>,
};
