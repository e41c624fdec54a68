export { default } from './IntelligencePage';
