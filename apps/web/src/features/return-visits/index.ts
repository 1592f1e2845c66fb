export { CreateVisitModal } from './ReturnVisitModals';
