export { default } from './OnboardingPage';
