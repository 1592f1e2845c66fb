export { buildDepartmentTree, type DepartmentNode } from './departmentTree';
export { useDepartments } from './departments.queries';
