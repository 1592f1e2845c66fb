/** Passwords that top every leaked-password list, Chinese ones included; rejected at set time. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '87654321', '11111111', '00000000', '88888888', '66666666',
  '99999999', '12341234', '11223344', '12344321', '123123123', '147258369', '123qweasd', 'password',
  'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'qwertyui', 'qwerty123', 'qwertyuiop', 'qwe123456',
  'abc12345', 'abcd1234', 'abc123456', 'a1234567', 'a12345678', 'a123456789', 'aa123456', 'asdf1234',
  'asdfghjk', 'zxcvbnm1', '1q2w3e4r', '1qaz2wsx', 'iloveyou', 'woaini1314', '5201314520', '1314520520',
  'letmein1', 'welcome1', 'admin123', 'admin1234', 'administrator', 'root1234', 'sunshine', 'princess',
  'football', 'baseball', 'dragon12', 'monkey12', 'superman', 'trustno1', 'changeme', 'guanxi123',
]);
