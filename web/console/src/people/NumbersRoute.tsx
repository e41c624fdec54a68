export { default } from './NumbersPage';
