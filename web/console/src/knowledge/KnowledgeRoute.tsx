export { default } from './KnowledgePage';
