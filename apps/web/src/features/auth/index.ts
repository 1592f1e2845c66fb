export { ChangePasswordModal } from './ChangePasswordModal';
export { LanguageSwitch } from './LanguageSwitch';
