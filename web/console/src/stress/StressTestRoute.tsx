export { default } from './StressTestPage';
