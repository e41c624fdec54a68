export { default } from './WizardPage';
