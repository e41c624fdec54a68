export { default } from './SessionsPage';
