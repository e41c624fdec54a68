export { default } from './CostsPage';
