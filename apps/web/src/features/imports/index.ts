export { ImportButton } from './ImportButton';
export { canImportAnything } from './importPermissions';
