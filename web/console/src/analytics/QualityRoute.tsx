export { default } from './QualityPage';
